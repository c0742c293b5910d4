"""The TrueType fonts letters embed, shipped in ``resources/fonts/`` with their licences.

DejaVu Sans (Bitstream Vera licence: embedding and redistribution allowed) sets every letter;
Droid Sans Fallback (Apache 2.0) is used only for text DejaVu has no glyphs for, which is the
Chinese, Japanese and Korean language-assistance taglines (45 CFR 92.11; 42 CFR
422.2267(e)(31)). Scripts that need shaping (Arabic, Devanagari) cannot be set at all
(:data:`SHAPED_SCRIPTS`). reportlab embeds a subset of each
font holding only the glyphs a letter uses. Registering the fallback reads a 3.4 MB file
(about 0.1 s), so it happens on first use, not on import.
"""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reviewer_app.core import resources

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FALLBACK = "DroidSansFallback"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallback.ttf",
}
_lock = threading.RLock()


@cache
def _font(name: str) -> TTFont:
    with _lock:
        font = TTFont(name, str(resources.path("fonts", _FILES[name])))
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


SHAPED_SCRIPTS = (
    ("Hebrew", 0x0590, 0x05FF),
    ("Arabic", 0x0600, 0x08FF),
    ("Indic (Devanagari, Bengali, Gurmukhi, Gujarati, Tamil and others)", 0x0900, 0x0DFF),
    ("Thai and Lao", 0x0E00, 0x0EFF),
    ("Myanmar", 0x1000, 0x109F),
    ("Khmer", 0x1780, 0x17FF),
    ("Arabic presentation forms", 0xFB50, 0xFDFF),
    ("Arabic presentation forms", 0xFE70, 0xFEFF),
)
"""Scripts reportlab cannot set: it draws one glyph per character, left to right, and shapes
nothing (its optional HarfBuzz support needs ``uharfbuzz``, which is not installed). Arabic
then prints as unjoined letters in reverse order and an Indic script without its conjuncts, so
text in these scripts is refused rather than printed wrong."""


def unshaped_script(text: str) -> str | None:
    """The first script of :data:`SHAPED_SCRIPTS` that ``text`` uses, or None."""
    for char in text:
        for name, low, high in SHAPED_SCRIPTS:
            if low <= ord(char) <= high:
                return name
    return None


def missing_glyphs(text: str, name: str = REGULAR) -> list[str]:
    """The characters of ``text`` the font cannot draw (line breaks and tabs aside)."""
    covered = _font(name).face.charToGlyph
    return sorted({c for c in text if c not in "\n\t" and ord(c) not in covered})


def font_runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into runs of one font each: DejaVu Sans wherever it has the glyph, the
    fallback elsewhere; ``ValueError`` naming the characters neither font can draw."""
    regular = _font(REGULAR).face.charToGlyph
    runs: list[tuple[str, str]] = []
    lacking = set()
    for char in text:
        if ord(char) in regular or char in "\n\t":
            name = REGULAR
        else:
            name = FALLBACK
            if ord(char) not in _font(FALLBACK).face.charToGlyph:
                lacking.add(char)
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + char)
        else:
            runs.append((name, char))
    if lacking:
        raise ValueError("no shipped font can draw "
                         + ", ".join(f"{c!r} (U+{ord(c):04X})" for c in sorted(lacking)))
    return runs
