"""The TrueType fonts letters embed, shipped in ``resources/fonts/`` with their licences.

DejaVu Sans (Bitstream Vera licence: embedding and redistribution allowed) sets every letter;
Droid Sans Fallback (Apache 2.0) is used only for text DejaVu has no glyphs for, which is the
Chinese, Japanese and Korean language-assistance taglines (45 CFR 92.11; 42 CFR
422.2267(e)(31)). Noto Naskh Arabic and Noto Sans Devanagari (SIL OFL 1.1) set the Arabic and
Hindi taglines, shaped by HarfBuzz (:mod:`.shaped`); other scripts that need shaping cannot be
set at all (:data:`UNSET_SCRIPTS`). reportlab embeds a subset of each font holding only the
glyphs a letter uses. Registering a font reads its file (the fallback's 3.4 MB take about
0.1 s), so each is registered on first use, not on import.

With ``uharfbuzz`` importable reportlab makes every TrueType font shapable unless told not to,
and a shapable font's text is drawn glyph by glyph; DejaVu and the fallback are registered
unshapable, so every line outside the shaped taglines is set exactly as it was without it.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reviewer_app.core import resources

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FALLBACK = "DroidSansFallback"
ARABIC = "NotoNaskhArabic"
DEVANAGARI = "NotoSansDevanagari"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallback.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
}
SHAPED = frozenset({ARABIC, DEVANAGARI})
"""The fonts HarfBuzz shapes; a run in one of them is set by :mod:`.shaped`, not by
reportlab's Paragraph."""
_lock = threading.RLock()


@cache
def _font(name: str) -> TTFont:
    with _lock:
        font = TTFont(name, str(resources.path("fonts", _FILES[name])),
                      shapable=name in SHAPED)
        pdfmetrics.registerFont(font)
        if name == REGULAR:
            _register_family()
        return font


def _register_family() -> None:
    """``<b>`` in paragraph markup picks the bold face; there is no italic in letters."""
    _font(BOLD)
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)


def register() -> None:
    """Register the letter faces with reportlab (idempotent, thread-safe)."""
    _font(REGULAR)


def registered(name: str) -> TTFont:
    """The font ``name``, registered with reportlab on first use."""
    return _font(name)


SCRIPT_FONTS = (
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0xA8E0, 0xA8FF, DEVANAGARI),
)
"""The blocks set in a shaped font, whatever DejaVu covers (it has unjoined Arabic letters)."""

UNSET_SCRIPTS = (
    ("Hebrew", 0x0590, 0x05FF),
    ("Syriac or Thaana", 0x0700, 0x07BF),
    ("Indic (Bengali, Gurmukhi, Gujarati, Tamil and others)", 0x0980, 0x0DFF),
    ("Thai or Lao", 0x0E00, 0x0EFF),
    ("Tibetan", 0x0F00, 0x0FFF),
    ("Myanmar", 0x1000, 0x109F),
    ("Khmer", 0x1780, 0x17FF),
    ("Hebrew presentation forms", 0xFB1D, 0xFB4F),
)
"""Scripts that need shaping or right-to-left setting and have no shipped font to set them:
reportlab would print Hebrew in reverse order and these Indic and Southeast Asian scripts
without their conjuncts and vowel signs, so text in them is refused rather than printed wrong.
Shipping a Noto face for one and adding its blocks to :data:`SCRIPT_FONTS` makes it settable."""

_JOINERS = "\u200c\u200d"
"""Zero-width non-joiner and joiner: they belong to the shaped run they sit in."""
BIDI_MARKS = "\u200e\u200f\u061c"
"""Left-to-right, right-to-left and Arabic letter marks: they steer the bidirectional algorithm
(:mod:`.shaped`) and are not drawn."""


def _ranges(ranges) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges) + "]")


_UNSET = _ranges((low, high) for _, low, high in UNSET_SCRIPTS)
_SCRIPTS = _ranges((low, high) for low, high, _ in SCRIPT_FONTS)


def unset_script(text: str) -> str | None:
    """The first script of :data:`UNSET_SCRIPTS` that ``text`` uses, or None."""
    if (found := _UNSET.search(text)) is None:
        return None
    code = ord(found.group())
    return next(name for name, low, high in UNSET_SCRIPTS if low <= code <= high)


def script_font(char: str) -> str | None:
    """The shaped font that sets ``char``, or None. Digits stay in DejaVu: a number reads
    left to right even in Arabic, and HarfBuzz would take an Arabic run's direction for it."""
    if not _SCRIPTS.match(char):
        return None
    for low, high, name in SCRIPT_FONTS:
        if low <= ord(char) <= high:
            return None if unicodedata.bidirectional(char) in ("AN", "EN") else name
    return None


def needs_shaping(text: str) -> bool:
    """Whether ``text`` has a character only a shaped font sets."""
    return _SCRIPTS.search(text) is not None and any(script_font(c) for c in text)


def missing_glyphs(text: str, name: str = REGULAR) -> list[str]:
    """The characters of ``text`` the font cannot set (line breaks and tabs aside): those it
    has no glyph for, and those of a script that needs shaping, which only taglines are."""
    covered = _font(name).face.charToGlyph
    return sorted({c for c in text if c not in "\n\t" and (
        ord(c) not in covered or script_font(c) or unset_script(c))})


def font_runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into runs of one font each: a shaped font for its script
    (:data:`SCRIPT_FONTS`), DejaVu Sans wherever it has the glyph, the fallback elsewhere;
    ``ValueError`` naming a script no shipped font can set, or the characters no font draws."""
    if script := unset_script(text):
        raise ValueError(f"no shipped font can set {script} script (it needs shaping)")
    regular = _font(REGULAR).face.charToGlyph
    runs: list[tuple[str, str]] = []
    lacking = set()
    for char in text:
        if (name := script_font(char)) is not None:
            pass
        elif char in _JOINERS and runs and runs[-1][0] in SHAPED:
            name = runs[-1][0]
        elif ord(char) in regular or char in "\n\t" or char in BIDI_MARKS:
            name = REGULAR
        else:
            name = FALLBACK
            if ord(char) not in _font(FALLBACK).face.charToGlyph:
                lacking.add(char)
        if name in SHAPED and ord(char) not in _font(name).face.charToGlyph:
            lacking.add(char)
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + char)
        else:
            runs.append((name, char))
    if lacking:
        raise ValueError("no shipped font can draw "
                         + ", ".join(f"{c!r} (U+{ord(c):04X})" for c in sorted(lacking)))
    return runs
