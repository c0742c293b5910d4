"""Lines in scripts that need shaping (the Arabic and Hindi taglines), set with HarfBuzz.

reportlab's Paragraph cannot set them: it shapes only when its style's own font is shapable,
shapes a word with the font of the word's first character (so "(हिंदी):", whose brackets only
DejaVu has, comes out as DejaVu glyph numbers drawn from the Devanagari font), and orders
right-to-left text only through ``rlbidi``, which is not on PyPI. Here each character gets its
embedding level from the bidirectional algorithm (:func:`levels`, python-bidi), the line is
broken at spaces, every run of one font and one level is shaped by HarfBuzz through
reportlab's ``shapeStr`` (Arabic joined and in visual order, Devanagari with its conjuncts and
vowel signs in place) and the runs are drawn in visual order. Latin text and digits in these
lines stay in DejaVu Sans, unshaped, as everywhere else in a letter.

A left-to-right line is marked with its text (``/ActualText``): a PDF reader otherwise maps
each glyph back to one character, and a Devanagari conjunct, which the font maps to none, to a
private-use code point (poppler and PDFium then drop or garble "स्वास्थ्य"). A right-to-left line
is not: both readers treat an ``/ActualText`` in right-to-left script as drawn left to right and
extract it reversed, whereas its glyphs extract as Arabic presentation forms in reading order
(NFKC gives the letters back); only the few ligatures the font maps to no character, such as
lam with alef and hamza, extract as private-use code points.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bidi import algorithm as bidi_algorithm
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus import Flowable

from reviewer_app.core.letters import fonts

_MIRRORED = str.maketrans(bidi_algorithm.MIRRORED)
"""Bidi_Mirroring_Glyph (python-bidi's table) for the brackets DejaVu sets in a right-to-left
run (HarfBuzz mirrors those inside the runs it shapes)."""


def is_rtl(text: str) -> bool:
    """Whether ``text`` is set as a right-to-left paragraph: it has a right-to-left letter. A
    tagline opens with the English name of its language, so the first strong character, which
    UAX #9 would go by, is always left to right."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of each character (even: left to right), by python-bidi's
    implementation of UAX #9 (rules X1-X10, W1-W7, N1-N2, I1-I2) for one paragraph whose base
    direction is ``rtl``. Left-to-right and right-to-left marks (U+200E, U+200F) steer it as
    the standard says, e.g. around a phone number in Arabic text, whose hyphens would
    otherwise reverse its groups. The characters rule X9 removes (joiners, embeddings) take
    the level of the character before them, as UAX #9 suggests for display."""
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    bidi_algorithm.get_embedding_levels(text, storage)
    bidi_algorithm.explicit_embed_and_overrides(storage)
    bidi_algorithm.resolve_weak_types(storage)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    kept = iter(storage["chars"])
    result: list[int] = []
    for char in text:
        if unicodedata.bidirectional(char) in bidi_algorithm.X9_REMOVED:
            result.append(result[-1] if result else storage["base_level"])
        else:
            result.append(next(kept)["level"])
    return result


def visual_order(line_levels: list[int]) -> list[int]:
    """The logical indices of a line in the order they are drawn, left to right (rule L2,
    python-bidi's)."""
    if not line_levels:
        return []
    chars = [{"level": level, "index": i} for i, level in enumerate(line_levels)]
    odd = [level for level in line_levels if level % 2]
    bidi_algorithm.reverse_contiguous_sequence(
        chars, 0, len(chars) - 1, max(line_levels),
        min(odd) if odd else bidi_algorithm.EXPLICIT_LEVEL_LIMIT)
    return [char["index"] for char in chars]


@dataclass(frozen=True)
class _Run:
    """One font at one level, in logical order; ``start`` indexes the line's text."""

    start: int
    text: str
    font: str
    level: int


def _runs(text: str, text_levels: list[int]) -> list[_Run]:
    """``text`` cut where the font or the level changes, bidirectional marks left out."""
    runs: list[_Run] = []
    position = 0
    for font, piece in fonts.font_runs(text):
        for offset, char in enumerate(piece):
            index = position + offset
            if char in fonts.BIDI_MARKS:
                continue
            level = text_levels[index]
            last = runs[-1] if runs else None
            if last and last.font == font and last.level == level and (
                    last.start + len(last.text) == index):
                runs[-1] = _Run(last.start, last.text + char, font, level)
            else:
                runs.append(_Run(index, char, font, level))
        position += len(piece)
    return runs


@dataclass(frozen=True)
class _Glyphs:
    """A run ready to draw: what ``drawString`` takes and how wide it is."""

    text: str
    font: str
    width: float


def _glyphs(run: _Run, size: float) -> _Glyphs:
    return _shaped(run.text, run.font, run.level % 2 == 1, size)


@lru_cache(maxsize=4096)
def _shaped(text: str, font: str, rtl: bool, size: float) -> _Glyphs:
    """Cached: KeepTogether and the frame wrap a line several times, and every letter prints
    the same taglines."""
    if font in fonts.SHAPED:
        fonts.registered(font)
        shaped = shapeStr(text, font, size)
        if isinstance(shaped, ShapedStr):
            width = sum(d.x_advance for d in shaped.__shapeData__) * size / 1000
            return _Glyphs(shaped, font, width)
        return _Glyphs(shaped, font, stringWidth(shaped, font, size))
    text = text[::-1].translate(_MIRRORED) if rtl else text
    return _Glyphs(text, font, stringWidth(text, font, size))


class ShapedLine(Flowable):
    """A paragraph of one language in a shaped script, broken at spaces to the frame's width;
    a right-to-left one is aligned to the right."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text = " ".join(text.split())
        self.style = style
        self.rtl = is_rtl(self.text)
        self._levels = levels(self.text, self.rtl)
        self._lines: list[tuple[float, list[_Glyphs], str]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self._lines = self._break(available_width)
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def _break(self, width: float) -> list[tuple[float, list[_Glyphs], str]]:
        size = self.style.fontSize
        space = stringWidth(" ", fonts.REGULAR, size)
        words: list[tuple[int, int, float]] = []
        start = 0
        for word in self.text.split(" "):
            end = start + len(word)
            words.append((start, end, self._width(start, end)))
            start = end + 1
        lines: list[tuple[float, list[_Glyphs], str]] = []
        first, used = 0, 0.0
        for index, (_, _, word_width) in enumerate(words):
            if index > first and used + space + word_width > width:
                lines.append(self._line(words[first][0], words[index - 1][1]))
                first, used = index, word_width
            else:
                used += (space if index > first else 0) + word_width
        lines.append(self._line(words[first][0], words[-1][1]))
        return lines

    def _width(self, start: int, end: int) -> float:
        size = self.style.fontSize
        return sum(_glyphs(run, size).width
                   for run in _runs(self.text[start:end], self._levels[start:end]))

    def _line(self, start: int, end: int) -> tuple[float, list[_Glyphs], str]:
        """The runs of ``text[start:end]`` in visual order, their width and the line's text."""
        text, line_levels = self.text[start:end], self._levels[start:end]
        runs = _runs(text, line_levels)
        order = visual_order([run.level for run in runs])
        glyphs = [_glyphs(runs[i], self.style.fontSize) for i in order]
        return sum(g.width for g in glyphs), glyphs, text

    def draw(self) -> None:
        """Baselines where reportlab's Paragraph puts them (``paraFontSizeHeightOffset``: the
        first one ``fontSize`` below the top), so the taglines keep one rhythm."""
        canvas = self.canv
        size = self.style.fontSize
        y = self.height - size
        canvas.setFillColor(self.style.textColor)
        for width, glyphs, text in self._lines:
            x = self.width - width if self.rtl else 0.0
            if not self.rtl:
                actual = "".join(c for c in text if c not in fonts.BIDI_MARKS)
                actual = actual.encode("utf-16-be").hex().upper()
                canvas.addLiteral(f"/Span <</ActualText <FEFF{actual}>>> BDC")
            for run in glyphs:
                canvas.setFont(run.font, size)
                canvas.drawString(x, y, run.text)
                x += run.width
            if not self.rtl:
                canvas.addLiteral("EMC")
            y -= self.style.leading

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter


def misordered(text: str, numbers: tuple[str, ...]) -> str | None:
    """In a right-to-left ``text``, the first of ``numbers`` that would not read left to right
    (in Arabic text a phone number's hyphens take the text's direction and its groups come out
    in reverse) or bracketed part whose brackets would face different ways (one inside a
    left-to-right part, the other outside it); None when all read as written."""
    if not is_rtl(text):
        return None
    text_levels = levels(text, True)
    for number in numbers:
        start = text.find(number)
        while number and start >= 0:
            if any(level % 2 for level in text_levels[start:start + len(number)]):
                return number
            start = text.find(number, start + 1)
    opened: list[int] = []
    for index, char in enumerate(text):
        if char in "([{":
            opened.append(index)
        elif char in ")]}" and opened:
            start = opened.pop()
            if text_levels[start] % 2 != text_levels[index] % 2:
                return text[start:index + 1]
    return None
