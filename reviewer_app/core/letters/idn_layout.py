"""Lay the CMS standard denial notice out as a PDF: the form's structure at 12-point type.

The form instructions for CMS-10003-NDMCP say "The notice must be provided in 12 point font"
and "The OMB control number must be displayed on the notice". Every style here is therefore at
least the notice's type size (``IdnLetter.type_size``, 12 pt, checked when the wording loads),
the letterhead, running head and footer included, and every page's footer prints the form
number and the OMB approval number above the case, letter and page numbers.

The form's title is centered under the letterhead and its header fields sit between two rules,
as on the CMS form. Body blocks, the key facts, the code tables and the signature block are
drawn by the ordinary letter layout's flowables (:class:`.layout._Flow`) with these larger
styles, so the signature space is reserved and recorded the same way and :mod:`.sign` signs a
notice exactly like any other letter.
"""

from __future__ import annotations

import io
from dataclasses import replace

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreakIfNotEmpty,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reviewer_app.core.letters import blocks, fonts
from reviewer_app.core.letters.layout import (
    INK,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    STANDARD,
    TEXT_WIDTH,
    PagesHeldCanvas,
    RenderedLetter,
    SignatureBox,
    _Flow,
    _markup,
    _Styles,
    fit_line,
)
from reviewer_app.core.letters.letterhead import Letterhead
from reviewer_app.core.letters.medicare_idn import FormContacts, FormHeader, IdnLetter, PageBreak

LETTERHEAD_TOP = PAGE_HEIGHT - 40
LATER_FRAME_TOP = PAGE_HEIGHT - 64.0
FRAME_BOTTOM = 80.0
HEADER_LABEL_WIDTH = 200.0
CONTACT_INDENT = 18.0
CONTACT_LABEL_WIDTH = 78.0
FORM_RULE = INK
NOTICE_CHROME = replace(STANDARD, signed_label_width=112.0)
"""The ordinary flow's sizes, with a signature label column wide enough for its labels at 12 pt
("Date and time" on one line)."""


def styles(size: float) -> _Styles:
    """The letter styles at ``size`` points, none smaller (captions and cells included)."""
    body = ParagraphStyle("idn_body", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR,
                          bulletFontSize=size, fontSize=size, leading=size * 1.3, textColor=INK,
                          spaceAfter=size * 0.5)
    cell = ParagraphStyle("idn_cell", parent=body, leading=size * 1.22, spaceAfter=0)
    return _Styles(
        title=ParagraphStyle("idn_title", parent=body, fontName=fonts.BOLD, fontSize=size + 8,
                             leading=(size + 8) * 1.2, alignment=TA_CENTER,
                             spaceAfter=size * 0.8, keepWithNext=1),
        heading=ParagraphStyle("idn_heading", parent=body, fontName=fonts.BOLD,
                               fontSize=size + 3, leading=(size + 3) * 1.22,
                               spaceBefore=size * 0.75, spaceAfter=size * 0.35,
                               keepWithNext=1),
        body=body,
        lead_in=ParagraphStyle("idn_lead_in", parent=body, keepWithNext=1),
        quote=ParagraphStyle("idn_quote", parent=body, leftIndent=size * 1.4),
        small=ParagraphStyle("idn_small", parent=body, spaceAfter=size * 0.3),
        bullet=ParagraphStyle("idn_bullet", parent=body, leftIndent=size * 1.5,
                              bulletIndent=size * 0.35, spaceAfter=size * 0.3),
        bullet_small=ParagraphStyle("idn_bullet_small", parent=body, leftIndent=size * 1.5,
                                    bulletIndent=size * 0.35, spaceAfter=size * 0.25),
        cell=cell,
        cell_head=ParagraphStyle("idn_cell_head", parent=cell, fontName=fonts.BOLD),
        label=ParagraphStyle("idn_label", parent=cell, fontName=fonts.BOLD),
        tagline=ParagraphStyle("idn_tagline", parent=body, spaceAfter=size * 0.2),
        caption=ParagraphStyle("idn_caption", parent=cell, textColor=MUTED),
        signed=ParagraphStyle("idn_signed", parent=cell),
        signed_label=ParagraphStyle("idn_signed_label", parent=cell, fontName=fonts.BOLD,
                                    textColor=MUTED),
    )


def style_sizes(size: float) -> dict[str, float]:
    """Every style's type and bullet size, by name (what the notice's tests hold to 12 pt;
    reportlab's bullets default to 10 pt whatever the text's size)."""
    s = styles(size)
    sizes = {name: getattr(s, name).fontSize for name in s.__dataclass_fields__}
    sizes.update({f"{name}.bullet": getattr(s, name).bulletFontSize
                  for name in s.__dataclass_fields__})
    return sizes


class _PlanPagesStart(Flowable):
    """Marks the page where the plan's own pages begin: their footers leave out the form and
    OMB numbers, which belong to the CMS form only."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.plan_pages_from = self.canv.getPageNumber()


class _FormFlow(_Flow):
    """The ordinary letter flowables, plus the form's header, contact rows and page break."""

    def block(self, block, following=None) -> list[Flowable]:
        """``following`` is the next block: a lead-in line before a table is not kept with
        it, so a long list of services starts on the page of its heading and breaks across
        pages (its header row repeated) rather than leaving the form's first page empty."""
        if isinstance(block, FormHeader):
            return [self.form_header(block), Spacer(1, self.s.body.fontSize * 0.6)]
        if isinstance(block, FormContacts):
            return [self.contacts(block)]
        if isinstance(block, PageBreak):
            return [PageBreakIfNotEmpty(), _PlanPagesStart()]
        if isinstance(block, blocks.Paragraph) and not block.text and block.lead:
            return [Paragraph(f"<b>{_markup(block.lead)}</b>", self.s.lead_in)]
        if (isinstance(block, blocks.Paragraph) and isinstance(following, blocks.Table)
                and not block.lead):
            return [Paragraph(_markup(block.text), self.s.body)]
        return super().block(block)

    def form_header(self, block: FormHeader) -> Table:
        rows = [[Paragraph(_markup(label), self.s.label), Paragraph(_markup(value), self.s.cell)]
                for label, value in block.rows]
        table = Table(rows, colWidths=[HEADER_LABEL_WIDTH, TEXT_WIDTH - HEADER_LABEL_WIDTH],
                      hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LINEABOVE", (0, 0), (-1, 0), 1.2, FORM_RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 1.2, FORM_RULE),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ]))
        return table

    def contacts(self, block: FormContacts) -> Table:
        rows = [[Paragraph(_markup(label), self.s.label), Paragraph(_markup(value), self.s.cell)]
                for label, value in block.rows]
        width = TEXT_WIDTH - CONTACT_INDENT
        table = Table(rows, colWidths=[CONTACT_LABEL_WIDTH, width - CONTACT_LABEL_WIDTH],
                      hAlign="RIGHT", spaceAfter=self.s.body.fontSize * 0.5)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
        return table


def _form_lines(notice: IdnLetter, size: float) -> list[tuple[str, str]]:
    """The form's footer: its number and its OMB number side by side when each fits in half
    the width, else one to a line (large print). Neither is ever cut: the form's instructions
    have the OMB number displayed."""
    half = TEXT_WIDTH / 2 - 6
    if max(stringWidth(text, fonts.REGULAR, size)
           for text in (notice.form_footer, notice.omb_footer)) <= half:
        return [(notice.form_footer, notice.omb_footer)]
    return [(notice.form_footer, ""), (notice.omb_footer, "")]


def _frame_bottom(form_lines: list[tuple[str, str]], size: float) -> float:
    """Room under the text for the footer's lines (the form's, then the letter's)."""
    return max(FRAME_BOTTOM, 14 + (len(form_lines) + 1) * (size + 4) + 20)


def _canvas_class(notice: IdnLetter, pages_seen: list[int], size: float,
                  form_lines: list[tuple[str, str]], bottom: float) -> type[Canvas]:
    """The notice's canvas: the form's footer on its pages, the plan's on the rest."""
    letter = notice.letter
    top = bottom - 14

    def baseline(line: int) -> float:
        return top - (line + 1) * size - 2 - 4 * line

    class NoticeCanvas(PagesHeldCanvas):
        def _footer(self, total: int) -> None:
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, top, PAGE_WIDTH - MARGIN, top)
            self.setFillColor(INK)
            self.setFont(fonts.REGULAR, size)
            plan_from = getattr(self, "plan_pages_from", None)
            line = 0
            if plan_from is None or self._pageNumber < plan_from:
                for left, right in form_lines:
                    self.drawString(MARGIN, baseline(line), left)
                    if right:
                        self.drawRightString(PAGE_WIDTH - MARGIN, baseline(line), right)
                    line += 1
            else:
                line = len(form_lines)
            self.setFillColor(MUTED)
            page = letter.page_label.format(page=self._pageNumber, pages=total)
            room = TEXT_WIDTH - stringWidth(page, fonts.REGULAR, size) - 12
            self.drawString(MARGIN, baseline(line),
                            fit_line(letter.footer, fonts.REGULAR, size, room))
            self.drawRightString(PAGE_WIDTH - MARGIN, baseline(line), page)
            self.restoreState()

    NoticeCanvas.pages_seen = pages_seen
    return NoticeCanvas


def _letterhead_height(letterhead: Letterhead, letter: blocks.Letter, size: float) -> float:
    lines = max(len(letterhead.address), len(letter.contacts))
    return 18 + (size + 2) * lines + 10


def _draw_letterhead(canvas: Canvas, letterhead: Letterhead, letter: blocks.Letter,
                     size: float) -> None:
    canvas.saveState()
    top = LETTERHEAD_TOP
    x = MARGIN
    if letterhead.logo is not None:
        image = ImageReader(str(letterhead.logo))
        width, height = image.getSize()
        draw_height = 44.0
        draw_width = width * draw_height / height
        canvas.drawImage(image, MARGIN, top - draw_height + 14, draw_width, draw_height,
                         mask="auto")
        x += draw_width + 10
    room = PAGE_WIDTH - MARGIN - x
    canvas.setFillColor(INK)
    canvas.setFont(fonts.BOLD, size + 4)
    canvas.drawString(x, top, fit_line(letterhead.organization, fonts.BOLD, size + 4, room))
    canvas.setFont(fonts.REGULAR, size)
    canvas.setFillColor(MUTED)
    step = size + 2
    for index, line in enumerate(letterhead.address):
        canvas.drawString(x, top - 18 - step * index,
                          fit_line(line, fonts.REGULAR, size, room / 2 - 4))
    for index, line in enumerate(letter.contacts):
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top - 18 - step * index,
                               fit_line(line, fonts.REGULAR, size, room / 2 - 8))
    rule_y = top - _letterhead_height(letterhead, letter, size) + 8
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.75)
    canvas.line(MARGIN, rule_y, PAGE_WIDTH - MARGIN, rule_y)
    canvas.restoreState()


def _draw_running_head(canvas: Canvas, text: str, size: float) -> None:
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, size)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, PAGE_HEIGHT - 40, fit_line(text, fonts.REGULAR, size, TEXT_WIDTH))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, PAGE_HEIGHT - 47, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 47)
    canvas.restoreState()


def render_notice(notice: IdnLetter, letterhead: Letterhead) -> RenderedLetter:
    """Draw the notice; byte-identical for identical input (``invariant=1``)."""
    fonts.register()
    letter = notice.letter
    size = notice.type_size
    found: list[SignatureBox] = []
    pages_seen: list[int] = []
    style = styles(size)
    first_top = LETTERHEAD_TOP - _letterhead_height(letterhead, letter, size) - 4
    form_lines = _form_lines(notice, size)
    bottom = _frame_bottom(form_lines, size)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=PAGE_HEIGHT - first_top, bottomMargin=bottom,
        title=letter.title, author=letter.author, subject=letter.subject,
        keywords=letter.keywords, creator="reviewer_app letters", lang=letter.language,
        initialFontName=fonts.REGULAR, invariant=1,
    )
    first = Frame(MARGIN, bottom, TEXT_WIDTH, first_top - bottom, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(MARGIN, bottom, TEXT_WIDTH, LATER_FRAME_TOP - bottom, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("first", [first],
                     onPage=lambda c, d: _draw_letterhead(c, letterhead, letter, size),
                     autoNextPageTemplate="later"),
        PageTemplate("later", [later],
                     onPage=lambda c, d: _draw_running_head(c, letter.later_pages, size)),
    ])
    flow = _FormFlow(style, found, NOTICE_CHROME)
    story: list[Flowable] = [Paragraph(_markup(letter.title), style.title)]
    for block, following in zip(letter.blocks, (*letter.blocks[1:], None), strict=True):
        story += flow.block(block, following)
    doc.build(story, canvasmaker=_canvas_class(notice, pages_seen, size, form_lines, bottom))
    if len(found) != 1:
        raise RuntimeError(f"a letter needs exactly one signature block, found {len(found)}")
    return RenderedLetter(buffer.getvalue(), found[0], pages_seen[-1], letter)
