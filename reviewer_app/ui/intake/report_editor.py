"""The report text box of the imaging page: says when text is pasted into it, and shows where
each suggestion comes from (the evidence sentence tinted, the words matched marked) with
extra selections, which leave the text and the nurse's own selection alone.

The reader's offsets count Python characters (code points) of the report text; a
``QTextDocument`` counts UTF-16 units, so a character outside the Basic Multilingual Plane
(an emoji pasted from a portal) counts two there. :func:`qt_position` converts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.tones import BACKGROUND, Tone, blend


def qt_position(text: str, index: int) -> int:
    """The ``QTextDocument`` position of Python index ``index`` of ``text``."""
    prefix = text[:index]
    if prefix.isascii():
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Span:
    """What to mark: a sentence and the words in it, as offsets into the report text."""

    start: int
    end: int
    mention_start: int
    mention_end: int
    kind: str = "suggestion"
    """``suggestion`` (proposed, or accepted) or ``caution`` (uncertain, another level)."""


class ReportEditor(QPlainTextEdit):
    pasted = Signal()
    """Text was pasted or dropped in (the reading starts without a click)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._spans: tuple[Span, ...] = ()
        self._active: Span | None = None
        self._text = ""

    def insertFromMimeData(self, source: QMimeData) -> None:
        super().insertFromMimeData(source)
        if source.hasText():
            emit(self.pasted)

    def show_spans(self, text: str, spans: tuple[Span, ...], active: Span | None = None) -> None:
        """Mark ``spans`` of ``text``; nothing when the box no longer holds that text."""
        self._text, self._spans, self._active = text, spans, active
        self._paint()

    def set_active(self, span: Span | None, *, scroll: bool = True) -> None:
        self._active = span
        self._paint()
        if span is not None and scroll and self.toPlainText() == self._text:
            cursor = QTextCursor(self.document())
            cursor.setPosition(qt_position(self._text, span.mention_start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def spans(self) -> tuple[Span, ...]:
        return self._spans

    def active(self) -> Span | None:
        return self._active

    def _paint(self) -> None:
        if not self._spans or self.toPlainText() != self._text:
            if self.extraSelections():
                self.setExtraSelections([])
            return
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        caution = BACKGROUND[Tone.UNKNOWN]
        selections = []
        sentences = {(span.start, span.end, span.kind) for span in self._spans}
        for start, end, kind in sorted(sentences):
            tint = caution if kind == "caution" else highlight
            selections.append(self._selection(start, end, blend(tint, base, 0.84)))
        active = self._active
        if active is not None:
            tint = caution if active.kind == "caution" else highlight
            selections.append(self._selection(active.start, active.end, blend(tint, base, 0.62)))
        for span in sorted(self._spans, key=lambda s: s == active):
            tint = caution if span.kind == "caution" else highlight
            strong = span == active
            selections.append(self._selection(span.mention_start, span.mention_end,
                                              blend(tint, base, 0.35 if strong else 0.6),
                                              marked=True, bold=strong))
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, colour: QColor, *, marked: bool = False,
                   bold: bool = False) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_position(self._text, start))
        cursor.setPosition(qt_position(self._text, end), QTextCursor.MoveMode.KeepAnchor)
        text_format = QTextCharFormat()
        text_format.setBackground(colour)
        text_format.setFontUnderline(marked)
        if bold:
            text_format.setFontWeight(QFont.Weight.Bold)
        selection.cursor = cursor
        selection.format = text_format
        return selection
