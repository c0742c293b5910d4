"""The Arabic and Hindi taglines printed in their scripts (42 CFR 422.2267(e)(31); 45 CFR
92.11(b)): shaped by HarfBuzz, in the Noto fonts, Arabic right to left, read back with poppler."""

from __future__ import annotations

import functools
import subprocess

import uharfbuzz
from poppler import pdf_text_of, tool
from reportlab.lib.styles import ParagraphStyle

from reviewer_app.core import resources
from reviewer_app.core.letters import fonts, render_letter, shaped
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.layout import TEXT_WIDTH
from reviewer_app.core.letters.letterhead import load_letterhead


@functools.cache
def _line(language: str) -> str:
    head = load_letterhead()
    tagline = next(t for t in head.taglines if t.language == language)
    return tagline.text.format(phone=head.phone, tty=head.tty)


@functools.cache
def _pdf() -> bytes:
    return render_letter(request_for("adverse", "member")).pdf


def _harfbuzz(text: str, font: str) -> list[int]:
    """HarfBuzz's own glyphs for ``text``, straight from the shipped font file."""
    path = resources.path("fonts", fonts._FILES[font])
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(path.read_bytes()))), buffer)
    return [info.codepoint for info in buffer.glyph_infos]


def _drawn(line: shaped.ShapedLine) -> list[tuple[str, list[int]]]:
    """Each run the line draws, in visual order: its font and the glyph ids of its characters."""
    runs = []
    for _, glyphs, _ in line._lines:
        for run in glyphs:
            cmap = fonts.registered(run.font).face.charToGlyph
            runs.append((run.font, [cmap[ord(c)] for c in run.text]))
    return runs


def _laid_out(language: str) -> shaped.ShapedLine:
    style = ParagraphStyle("tagline", fontName=fonts.REGULAR, fontSize=12, leading=16.2)
    line = shaped.ShapedLine(_line(language), style)
    line.wrap(TEXT_WIDTH, 1000)
    return line


def test_arabic_and_hindi_fonts_are_embedded():
    listing = subprocess.run([tool("pdffonts"), "-"], input=_pdf(), capture_output=True,
                             check=True).stdout.decode()
    for face in ("NotoNaskhArabic", "NotoSansDevanagari"):
        row = next(r for r in listing.splitlines() if f"+{face}" in r)
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row


def test_every_arabic_and_devanagari_run_is_harfbuzz_shaped():
    """The glyphs drawn are HarfBuzz's for the run (joined forms, conjuncts, vowel signs
    reordered), not the font's nominal glyph for each character."""
    for language, font in (("ar", fonts.ARABIC), ("hi", fonts.DEVANAGARI)):
        drawn = sorted(tuple(g) for name, g in _drawn(_laid_out(language)) if name == font)
        pieces = _runs_of(_line(language), font)
        assert drawn == sorted(tuple(_harfbuzz(p, font)) for p in pieces), language
        nominal = fonts.registered(font).face.charToGlyph
        assert drawn != sorted(tuple(nominal[ord(c)] for c in p) for p in pieces), language


def _runs_of(text: str, font: str) -> list[str]:
    """The logical runs of ``text`` in ``font`` split at spaces, as the line shapes them."""
    pieces = []
    for name, run in fonts.font_runs(text):
        if name == font:
            pieces += [p for p in run.split(" ") if p]
    return pieces


def test_arabic_reads_right_to_left_with_the_number_left_to_right():
    line = _laid_out("ar")
    assert line.rtl
    first_width, first_runs, first_text = line._lines[0]
    assert first_text.startswith("ARABIC (العربية): إننا")
    assert first_runs[-1].text == "ARABIC", "the line's start is at its right end"
    drawn = "".join(r.text for _, runs, _ in line._lines for r in runs)
    assert "1-800-555-0100 (TTY 711)" in drawn
    assert first_width <= TEXT_WIDTH


def test_bidi_levels():
    assert shaped.levels("abc", rtl=False) == [0, 0, 0]
    assert shaped.levels("ARABIC (عربي)", rtl=True) == [2] * 6 + [1] * 7
    number = "على \u200e1-800 (TTY 711)\u200e. شخص"
    levels = shaped.levels(number, rtl=True)
    start = number.index("1-800")
    assert all(level == 2 for level in levels[start:number.index(")") + 1])
    unmarked = "على 1-800-555. شخص"
    assert shaped.misordered(unmarked, ("1-800-555",)) == "1-800-555"
    assert shaped.misordered(number.replace("1-800", "1-800-555"), ("1-800-555",)) is None
    assert shaped.visual_order([1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0]


def test_hindi_extracts_as_written():
    """A left-to-right shaped line carries its text (/ActualText): poppler reads the
    conjuncts back as the characters they were set from."""
    assert _line("hi") in pdf_text_of(_pdf())


def test_letterhead_refuses_a_script_no_font_can_set():
    assert fonts.unset_script("ภาษาไทย") == "Thai or Lao"
    assert fonts.unset_script(_line("ar") + _line("hi")) is None
    assert fonts.missing_glyphs("عربي") == sorted(set("عربي")), "only taglines are shaped"
