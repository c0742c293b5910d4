"""Lay a composed letter out as a PDF with reportlab's platypus.

US Letter pages: the letterhead on the first page, a running head on the others, and on every
page a footer with the case and letter numbers and "Page X of Y" (drawn when the document is
saved, once the page count is known). Fonts are the embedded TrueType faces of
:mod:`.fonts`. Headings and the lines that introduce a list keep with what follows, so none is
left alone at the foot of a page; the signature block is kept whole.

The signature block reserves an empty rectangle beside the printed signature; its position is
recorded while drawing and returned with the PDF, and :mod:`.sign` puts the visible digital
signature exactly there, so the signature appearance never covers text.

Any text that passed the case's validation lays out: in the body a word wider than its column
is broken (reportlab's ``splitLongWords``, and :func:`_fit` in table cells), and the one-line
places drawn at a fixed position (the running head, the footer, the letterhead lines) are cut
to the width with a visible "…" (:func:`fit_line`); the full text is in the body.

``invariant=1`` makes the bytes depend on the letter only (no creation time, fixed document
id), which the golden tests rely on.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reviewer_app.core.letters import blocks, fonts
from reviewer_app.core.letters.letterhead import Letterhead
from reviewer_app.core.letters.shaped import ShapedLine

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 54.0
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FIRST_FRAME_TOP = PAGE_HEIGHT - 118.0
LATER_FRAME_TOP = PAGE_HEIGHT - 66.0
FRAME_BOTTOM = 58.0
SIGNATURE_WIDTH = 196.0
SIGNATURE_HEIGHT = 62.0
MEMBER_POINTS = 12.0
"""The smallest type of every member letter, every word included: body, bullets, headings,
code tables, key facts, the signature block, the letterhead lines, running head and footer.

42 CFR 438.10(d)(6)(ii) (Medicaid managed care written materials: "Use a font size no smaller
than 12 point"; confirmed with the search tool, eCFR text, see docs/letters/rules.md). The CMS
denial notice (CMS-10003-NDMCP instructions: "The notice must be provided in 12 point font")
already has its own 12 pt layout (:mod:`.idn_layout`). Applied to every line of business
rather than to Medicaid alone: simpler, and kinder to every member.
Provider letters keep their smaller, denser type (no such rule applies to them)."""
PROVIDER_POINTS = 9.5
LARGE_PRINT_POINTS = 18.0
"""The smallest type of a large-print letter, every word included. 18 pt: 42 CFR 438.10(d)(3)
says "Large print means printed in a font size no smaller than 18 point" for Medicaid managed
care materials (eCFR text of 2017-2021, found with the search tool; a later edition was not
retrieved), which also meets the issue's "at least 14 pt"."""


@dataclass(frozen=True)
class _Chrome:
    """The letterhead, running head and footer: their type size and the frames they leave."""

    size: float = 8.5
    foot_size: float = 8.0
    step: float = 11.0
    name_size: float = 14.0
    name_gap: float = 15.0
    first_top: float = FIRST_FRAME_TOP
    later_top: float = LATER_FRAME_TOP
    bottom: float = FRAME_BOTTOM
    foot_rule: float = 44.0
    head_rule: float = 46.0
    label_width: float = 128.0
    signed_label_width: float = 96.0


STANDARD = _Chrome()
"""Provider letters."""
MEMBER = _Chrome(size=MEMBER_POINTS, foot_size=MEMBER_POINTS, step=15.0, name_size=16.0,
                 name_gap=20.0, first_top=PAGE_HEIGHT - 122.0, later_top=PAGE_HEIGHT - 68.0,
                 bottom=64.0, foot_rule=50.0, head_rule=48.0, label_width=172.0,
                 signed_label_width=112.0)
LARGE = _Chrome(size=LARGE_PRINT_POINTS, foot_size=LARGE_PRINT_POINTS, step=22.0,
                name_size=22.0, name_gap=27.0, first_top=PAGE_HEIGHT - 150.0,
                later_top=PAGE_HEIGHT - 80.0,
                bottom=82.0, foot_rule=64.0, head_rule=56.0, label_width=220.0,
                signed_label_width=150.0)

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef1f4")
HEADER_SHADE = colors.HexColor("#dde3ea")


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes: 0-based page index and PDF points (x1, y1, x2, y2)."""

    page: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class RenderedLetter:
    pdf: bytes
    signature: SignatureBox
    pages: int
    letter: blocks.Letter


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    lead_in: ParagraphStyle
    quote: ParagraphStyle
    small: ParagraphStyle
    bullet: ParagraphStyle
    bullet_small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    label: ParagraphStyle
    tagline: ParagraphStyle
    caption: ParagraphStyle
    signed: ParagraphStyle
    signed_label: ParagraphStyle


def _styles(size: float, floor: bool = False, heading_up: float = 3,
            title_up: float = 6) -> _Styles:
    """The letter's styles at body ``size``; ``floor`` keeps every style at ``size`` or more
    (cells, captions, the signature block, the bullet marks), with headings ``heading_up`` and
    the title ``title_up`` points larger (member letters and large print)."""
    body = ParagraphStyle("body", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR,
                          bulletFontSize=size if floor else 10,
                          fontSize=size, leading=size * 1.38, textColor=INK,
                          spaceAfter=size * 0.55)
    if floor:
        return _floor_styles(body, size, heading_up, title_up)
    small = ParagraphStyle("small", parent=body, fontSize=size - 1.5,
                           leading=(size - 1.5) * 1.3, spaceAfter=3)
    cell_size = min(size - 1.5, 8.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=cell_size, leading=cell_size * 1.25,
                          spaceAfter=0)
    return _Styles(
        title=ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=size + 5,
                             leading=(size + 5) * 1.2, spaceAfter=size * 0.9, keepWithNext=1),
        heading=ParagraphStyle("heading", parent=body, fontName=fonts.BOLD, fontSize=size + 1,
                               leading=(size + 1) * 1.25, spaceBefore=size * 0.8,
                               spaceAfter=size * 0.35, keepWithNext=1),
        body=body,
        lead_in=ParagraphStyle("lead_in", parent=body, keepWithNext=1),
        quote=ParagraphStyle("quote", parent=body, leftIndent=size * 1.4),
        small=small,
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=size * 1.4,
                              bulletIndent=size * 0.3, spaceAfter=size * 0.35),
        bullet_small=ParagraphStyle("bullet_small", parent=small, leftIndent=size * 1.4,
                                    bulletIndent=size * 0.3, spaceAfter=size * 0.25),
        cell=cell,
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=fonts.BOLD),
        label=ParagraphStyle("label", parent=cell, fontName=fonts.BOLD, textColor=MUTED),
        tagline=ParagraphStyle("tagline", parent=body, fontSize=size, leading=size * 1.35,
                               spaceAfter=2),
        caption=ParagraphStyle("caption", parent=small, fontSize=7.5, leading=9.5,
                               textColor=MUTED, spaceAfter=0),
        signed=ParagraphStyle("signed", parent=cell, fontSize=size - 1, leading=(size - 1) * 1.3),
        signed_label=ParagraphStyle("signed_label", parent=cell, fontName=fonts.BOLD,
                                    fontSize=size - 1, leading=(size - 1) * 1.3, textColor=MUTED),
    )


def _floor_styles(body: ParagraphStyle, size: float, heading_up: float,
                  title_up: float) -> _Styles:
    cell = ParagraphStyle("cell", parent=body, leading=size * 1.25, spaceAfter=0)
    title, heading = size + title_up, size + heading_up
    return _Styles(
        title=ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=title,
                             leading=title * 1.2, spaceAfter=size * 0.9, keepWithNext=1),
        heading=ParagraphStyle("heading", parent=body, fontName=fonts.BOLD, fontSize=heading,
                               leading=heading * 1.25, spaceBefore=size * 0.8,
                               spaceAfter=size * 0.35, keepWithNext=1),
        body=body,
        lead_in=ParagraphStyle("lead_in", parent=body, keepWithNext=1),
        quote=ParagraphStyle("quote", parent=body, leftIndent=size * 1.4),
        small=ParagraphStyle("small", parent=body, spaceAfter=size * 0.3),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=size * 1.4,
                              bulletIndent=size * 0.3, spaceAfter=size * 0.35),
        bullet_small=ParagraphStyle("bullet_small", parent=body, leftIndent=size * 1.4,
                                    bulletIndent=size * 0.3, spaceAfter=size * 0.3),
        cell=cell,
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=fonts.BOLD),
        label=ParagraphStyle("label", parent=cell, fontName=fonts.BOLD, textColor=MUTED),
        tagline=ParagraphStyle("tagline", parent=body, leading=size * 1.35, spaceAfter=2),
        caption=ParagraphStyle("caption", parent=body, textColor=MUTED, spaceAfter=0),
        signed=ParagraphStyle("signed", parent=cell),
        signed_label=ParagraphStyle("signed_label", parent=cell, fontName=fonts.BOLD,
                                    textColor=MUTED),
    )


ELLIPSIS = "…"


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` if it fits in ``width`` points on one line, else its longest beginning that
    fits with "…" after it (a visible mark that something was cut)."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle].rstrip() + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def _fit(word: str, style: ParagraphStyle, width: float) -> str:
    """A word wider than ``width`` (an input path such as
    ``imaging[0].findings.canal_compromise_percent``) broken after its dots, underscores and
    brackets rather than at whatever letter reaches the edge."""
    if stringWidth(word, style.fontName, style.fontSize) <= width:
        return escape(word)
    pieces: list[str] = []
    current = ""
    for part in _SEPARATED.split(word):
        if current and stringWidth(current + part, style.fontName, style.fontSize) > width:
            pieces.append(current)
            current = part
        else:
            current += part
    pieces.append(current)
    return "<br/>".join(escape(p) for p in pieces if p)


_SEPARATED = re.compile(r"(?<=[._\[/-])")


def _markup(text: str, fit: tuple[ParagraphStyle, float] | None = None) -> str:
    """Escape for paragraph markup, switching to the fallback font where DejaVu has no glyph;
    line breaks are kept. With ``fit`` (style, width), long words are broken to the width."""
    lines = []
    for line in text.split("\n"):
        parts = []
        for name, run in fonts.font_runs(line):
            if name != fonts.REGULAR:
                parts.append(f'<font name="{name}">{escape(run)}</font>')
            elif fit is not None:
                parts.append(" ".join(_fit(word, *fit) for word in run.split(" ")))
            else:
                parts.append(escape(run))
        lines.append("".join(parts))
    return "<br/>".join(lines)


class _SignatureSpace(Flowable):
    """An empty, fixed-size area whose place on the page is recorded when drawn."""

    def __init__(self, width: float, height: float, found: list[SignatureBox]):
        super().__init__()
        self.width = width
        self.height = height
        self._found = found

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber() - 1
        self._found.append(SignatureBox(page, (round(x, 2), round(y, 2),
                                               round(x + self.width, 2),
                                               round(y + self.height, 2))))


class PagesHeldCanvas(Canvas):
    """A canvas that holds pages back until ``save`` so every footer can say "of Y"; each page
    count is appended to ``pages_seen`` (set by the subclass)."""

    pages_seen: list[int]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self.pages_seen.append(total)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        raise NotImplementedError


def _canvas_class(letter: blocks.Letter, pages_seen: list[int],
                  chrome: _Chrome = STANDARD) -> type[Canvas]:
    """The letter's canvas: its footer on every page, "page X of Y"."""

    class NumberedCanvas(PagesHeldCanvas):
        def _footer(self, total: int) -> None:
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            size = chrome.foot_size
            self.line(MARGIN, chrome.foot_rule, PAGE_WIDTH - MARGIN, chrome.foot_rule)
            self.setFillColor(MUTED)
            self.setFont(fonts.REGULAR, size)
            page = letter.page_label.format(page=self._pageNumber, pages=total)
            room = TEXT_WIDTH - stringWidth(page, fonts.REGULAR, size) - 12
            self.drawString(MARGIN, 32, fit_line(letter.footer, fonts.REGULAR, size, room))
            self.drawRightString(PAGE_WIDTH - MARGIN, 32, page)
            self.restoreState()

    NumberedCanvas.pages_seen = pages_seen
    return NumberedCanvas


def _draw_letterhead(canvas: Canvas, letterhead: Letterhead, letter: blocks.Letter,
                     chrome: _Chrome = STANDARD) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - 40
    x = MARGIN
    if letterhead.logo is not None:
        image = ImageReader(str(letterhead.logo))
        width, height = image.getSize()
        draw_height = 42.0
        draw_width = width * draw_height / height
        canvas.drawImage(image, MARGIN, top - draw_height + 12, draw_width, draw_height,
                         mask="auto")
        x += draw_width + 10
    canvas.setFillColor(INK)
    name, size, step = chrome.name_size, chrome.size, chrome.step
    below = chrome.name_gap
    canvas.setFont(fonts.BOLD, name)
    room = PAGE_WIDTH - MARGIN - x
    canvas.drawString(x, top, fit_line(letterhead.organization, fonts.BOLD, name, room))
    canvas.setFont(fonts.REGULAR, size)
    canvas.setFillColor(MUTED)
    for index, line in enumerate(letterhead.address):
        canvas.drawString(x, top - below - step * index,
                          fit_line(line, fonts.REGULAR, size, room / 2))
    contacts = letter.contacts
    for index, line in enumerate(contacts):
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top - below - step * index,
                               fit_line(line, fonts.REGULAR, size, room / 2 - 8))
    rule_y = top - below - step * max(len(letterhead.address), len(contacts)) - 4
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.75)
    canvas.line(MARGIN, rule_y, PAGE_WIDTH - MARGIN, rule_y)
    canvas.restoreState()


def _draw_running_head(canvas: Canvas, text: str, chrome: _Chrome = STANDARD) -> None:
    canvas.saveState()
    size = chrome.foot_size
    canvas.setFont(fonts.REGULAR, size)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, PAGE_HEIGHT - 40, fit_line(text, fonts.REGULAR, size, TEXT_WIDTH))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    rule = PAGE_HEIGHT - chrome.head_rule
    canvas.line(MARGIN, rule, PAGE_WIDTH - MARGIN, rule)
    canvas.restoreState()


def _heading_widths(block: blocks.Table, head: ParagraphStyle) -> list[float]:
    widths = [TEXT_WIDTH * w for w in block.widths]
    for index, title in enumerate(block.header):
        need = max(stringWidth(word, head.fontName, head.fontSize)
                   for word in title.split() or [""]) + 10
        if widths[index] < need:
            widest = max(range(len(widths)), key=widths.__getitem__)
            widths[widest] -= need - widths[index]
            widths[index] = need
    return widths


class _Flow:
    """Turns blocks into flowables."""

    def __init__(self, styles: _Styles, found: list[SignatureBox],
                 chrome: _Chrome = STANDARD):
        self.s = styles
        self.found = found
        self.chrome = chrome

    def para(self, text: str, style: ParagraphStyle, lead: str = "",
             quote: bool = False) -> Paragraph:
        markup = _markup(text)
        if lead:
            markup = f"<b>{escape(lead)}</b> {markup}"
        if style is self.s.body and quote:
            style = self.s.quote
        elif style is self.s.body and text.rstrip().endswith(":"):
            style = self.s.lead_in
        return Paragraph(markup, style)

    def block(self, block: blocks.Block) -> list[Flowable]:
        s = self.s
        if isinstance(block, blocks.Heading):
            return [self.para(block.text, s.heading)]
        if isinstance(block, blocks.Paragraph):
            return [self.para(block.text, s.body, block.lead, block.quote)]
        if isinstance(block, blocks.Bullets):
            leads = block.leads or ("",) * len(block.items)
            style = s.bullet_small if block.small else s.bullet
            return [Paragraph(f"<b>{escape(lead)}</b> {_markup(item)}" if lead else _markup(item),
                              style, bulletText="\u2022")
                    for lead, item in zip(leads, block.items, strict=True)]
        if isinstance(block, blocks.KeyFacts):
            return [self.key_facts(block), Spacer(1, s.body.fontSize * 0.8)]
        if isinstance(block, blocks.Table):
            return [self.table(block), Spacer(1, s.body.fontSize * 0.6)]
        if isinstance(block, blocks.Taglines):
            return [KeepTogether([self.para(block.heading, s.heading),
                                  *(self.tagline(line) for line in block.lines)])]
        if isinstance(block, blocks.Signature):
            return [self.signature(block)]
        raise TypeError(f"unknown letter block {block!r}")

    def tagline(self, line: str) -> Flowable:
        """An Arabic or Hindi tagline is shaped (:mod:`.shaped`); the others are paragraphs."""
        if fonts.needs_shaping(line):
            return ShapedLine(line, self.s.tagline)
        return self.para(line, self.s.tagline)

    def key_facts(self, block: blocks.KeyFacts) -> Table:
        rows = [[Paragraph(_markup(label), self.s.label), Paragraph(_markup(value), self.s.cell)]
                for label, value in block.rows]
        label = self.chrome.label_width
        table = Table(rows, colWidths=[label, TEXT_WIDTH - label], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ]))
        return table

    def table(self, block: blocks.Table) -> Table:
        """A code table; each column is widened to hold its heading's longest word
        ("Unidades" at 12 pt), the room taken from the widest column."""
        cell = self.s.cell
        rows = [[Paragraph(_markup(h), self.s.cell_head) for h in block.header]]
        widths = _heading_widths(block, self.s.cell_head)
        rows += [[Paragraph(_markup(value, (cell, width - 8)), cell)
                  for value, width in zip(row, widths, strict=True)] for row in block.rows]
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]))
        return table

    def signature(self, block: blocks.Signature) -> KeepTogether:
        rows = [[Paragraph(_markup(label), self.s.signed_label),
                 Paragraph(_markup(value), self.s.signed)] for label, value in block.rows]
        left_width = TEXT_WIDTH - SIGNATURE_WIDTH - 16
        label = self.chrome.signed_label_width
        printed = Table(rows, colWidths=[label, left_width - label], hAlign="LEFT")
        printed.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]))
        space = [_SignatureSpace(SIGNATURE_WIDTH, SIGNATURE_HEIGHT, self.found),
                 Spacer(1, 3), Paragraph(_markup(block.caption), self.s.caption)]
        outer = Table([[printed, space]], colWidths=[left_width + 16, SIGNATURE_WIDTH],
                      hAlign="LEFT")
        outer.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("LINEABOVE", (0, 0), (-1, 0), 0.75, RULE),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
        ]))
        return KeepTogether([self.para(block.closing, self.s.body),
                             self.para(block.heading, self.s.heading), outer])


class _KeepWithStart(KeepTogether):
    """Flowables kept together only as far as their first ``start`` points: where the page
    has that much room they are laid out here and may split after it, else they start on the
    next page."""

    def __init__(self, flowables: list[Flowable], start: float):
        super().__init__(flowables)
        self._start = start

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if available_height >= self._start:
            return self._content[:]
        return super().split(available_width, available_height)


def _table_heading(heading: blocks.Heading, table: blocks.Table, flow: _Flow) -> Flowable:
    """A heading over a code table, kept with the table's first rows rather than with the whole
    table: ``keepWithNext`` would move a table taller than the rest of the page to the next
    page with its heading, leaving a third of a page empty (at 12 pt a member's table of eight
    procedures is that tall). The pair stays where the page still has room for the heading,
    the header row and the first two rows (the header row is repeated on the next page), so a
    heading is never left alone at the foot of a page."""
    title = flow.block(heading)
    start = flow.table(blocks.Table(table.header, table.rows[:2], table.widths))
    style = flow.s.heading
    room = (sum(f.wrap(TEXT_WIDTH, PAGE_HEIGHT)[1] for f in (*title, start))
            + style.spaceBefore + style.spaceAfter)
    return _KeepWithStart([*title, *flow.block(table)], room)


def _story(letter_blocks: tuple[blocks.Block, ...], flow: _Flow) -> list[Flowable]:
    story: list[Flowable] = []
    pending = list(letter_blocks)
    while pending:
        block = pending.pop(0)
        if isinstance(block, blocks.Heading) and pending and isinstance(pending[0], blocks.Table):
            story.append(_table_heading(block, pending.pop(0), flow))
        else:
            story += flow.block(block)
    return story


def render(letter: blocks.Letter, letterhead: Letterhead) -> RenderedLetter:
    """Draw ``letter``: a member letter with no word under :data:`MEMBER_POINTS`, a
    large-print one under :data:`LARGE_PRINT_POINTS`; a provider letter at
    :data:`PROVIDER_POINTS`."""
    fonts.register()
    found: list[SignatureBox] = []
    pages_seen: list[int] = []
    if letter.large_print:
        chrome, styles = LARGE, _styles(LARGE_PRINT_POINTS, floor=True)
    elif letter.recipient == "member":
        chrome = MEMBER
        styles = _styles(MEMBER_POINTS, floor=True, heading_up=2, title_up=5)
    else:
        chrome, styles = STANDARD, _styles(PROVIDER_POINTS)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=PAGE_HEIGHT - chrome.first_top, bottomMargin=chrome.bottom,
        title=letter.title, author=letter.author, subject=letter.subject,
        keywords=letter.keywords, creator="reviewer_app letters", lang=letter.language,
        initialFontName=fonts.REGULAR, invariant=1,
    )
    first = Frame(MARGIN, chrome.bottom, TEXT_WIDTH, chrome.first_top - chrome.bottom,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, chrome.bottom, TEXT_WIDTH, chrome.later_top - chrome.bottom,
                  id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("first", [first],
                     onPage=lambda c, d: _draw_letterhead(c, letterhead, letter, chrome),
                     autoNextPageTemplate="later"),
        PageTemplate("later", [later],
                     onPage=lambda c, d: _draw_running_head(c, letter.later_pages, chrome)),
    ])
    flow = _Flow(styles, found, chrome)
    story: list[Flowable] = [Paragraph(_markup(letter.title), styles.title)]
    story += _story(letter.blocks, flow)
    doc.build(story, canvasmaker=_canvas_class(letter, pages_seen, chrome))
    if len(found) != 1:
        raise RuntimeError(f"a letter needs exactly one signature block, found {len(found)}")
    return RenderedLetter(buffer.getvalue(), found[0], pages_seen[-1], letter)
