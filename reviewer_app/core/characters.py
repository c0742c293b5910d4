"""Which characters a document may carry where, and how text is printed on a terminal.

Three kinds of text, three rules (``docs/case-format.md``, "Limits"):

- **identifiers and codes** (ids, NPI, codes, the language tag): printable characters only, no
  control characters (C0, DEL, C1), no line or paragraph separators, and no invisible "format"
  characters (zero-width spaces and joiners, bidirectional overrides, the byte-order mark): two
  ids that look the same must be the same id.
- **names** (member, provider, specialty, phone): no control characters, no line separators and
  no bidirectional overrides (which reorder what a letter prints), and not blank. Zero-width
  joiners stay allowed: Persian and Indic names are written with them.
- **free text** (notes, report text): no control characters except tab and line breaks
  (LF, CR).

:func:`printable` is for the other direction: any text that came from a file or the store is
shown on a terminal through it, so a stored ESC or CR sequence cannot move the cursor or print
a fake line.
"""

from __future__ import annotations

import re
import unicodedata

_C0_C1 = r"\u0000-\u001f\u007f-\u009f"
_TEXT_CONTROLS = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
_SEPARATORS = r"\u2028\u2029"
_BIDI = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = r"\u00ad\u034f\u180e\u200b-\u200d\u2060-\u2064\ufeff"

IDENTIFIER_PATTERN = f"^[^{_C0_C1}{_SEPARATORS}{_BIDI}{_INVISIBLE}\\s]+$"
"""ECMA 262 form, for the JSON Schema: one or more characters, none blank, control or invisible
(the check in code also refuses every other Unicode "format" character)."""
_NAME_CHAR = f"[^{_C0_C1}{_SEPARATORS}{_BIDI}]"
NAME_PATTERN = f"^{_NAME_CHAR}*[^{_C0_C1}{_SEPARATORS}{_BIDI}{_INVISIBLE}\\s]{_NAME_CHAR}*$"
"""At least one visible character; no control characters, separators or overrides."""
TEXT_PATTERN = f"^[^{_TEXT_CONTROLS}{_SEPARATORS}{_BIDI}]*$"
"""Free text: tab, LF and CR allowed, no other control characters."""

_IDENTIFIER_BAD = re.compile(f"[{_C0_C1}{_SEPARATORS}{_BIDI}{_INVISIBLE}\\s]")
_NAME_BAD = re.compile(f"[{_C0_C1}{_SEPARATORS}{_BIDI}]")
_TEXT_BAD = re.compile(f"[{_TEXT_CONTROLS}{_SEPARATORS}{_BIDI}]")


def describe(char: str) -> str:
    """``U+001B (ESC)``-style naming of one character, for a message."""
    name = unicodedata.name(char, "")
    if not name:
        name = {"\x00": "NUL", "\x1b": "ESC", "\r": "CR", "\n": "LF", "\t": "TAB",
                "\x7f": "DEL"}.get(char, "control character")
    return f"U+{ord(char):04X} ({name})"


def identifier_problem(value: str) -> str | None:
    """Why ``value`` cannot be an identifier, or None."""
    found = _IDENTIFIER_BAD.search(value)
    if found:
        char = found.group()
        what = "a space" if char == " " else describe(char)
        return f"contains {what} at position {found.start() + 1}; identifiers are printable " \
               "characters without spaces"
    for position, char in enumerate(value, 1):
        if unicodedata.category(char) == "Cf":
            return f"contains the invisible character {describe(char)} at position {position}"
    return None


def name_problem(value: str) -> str | None:
    """Why ``value`` cannot be a name, or None."""
    if not any(not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf") for c in value):
        return "is blank (nothing visible)" if value else "is empty"
    found = _NAME_BAD.search(value)
    if found:
        return f"contains {describe(found.group())} at position {found.start() + 1}"
    return None


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be free text, or None."""
    found = _TEXT_BAD.search(value)
    if found:
        return f"contains {describe(found.group())} at position {found.start() + 1}"
    return None


_UNSAFE = re.compile(f"[{_C0_C1}{_SEPARATORS}{_BIDI}]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object, limit: int | None = None) -> str:
    """``text`` safe to print on a terminal: control characters, line separators and
    bidirectional overrides are shown as escapes (``\\r``, ``\\u001b``), so nothing it holds
    can move the cursor, clear the screen or start a new line. With ``limit``, text longer
    than that many characters is cut and ends in ``…``."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _SHORT.get(m.group(), f"\\u{ord(m.group()):04x}"), text)
