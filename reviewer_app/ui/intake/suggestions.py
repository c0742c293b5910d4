"""The line under a finding that says what the report suggests for it, with Accept and Reject;
once the value is in, where it came from (or that the nurse entered another).

States: ``pending`` (suggested, nothing entered: Accept / Reject), ``conflict`` (the field holds
another value: Use the report's), ``accepted`` (the value came from the report), ``changed``
(the report suggested one value, the nurse kept another), or hidden.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.tones import blend, muted_text

QUOTE_CONTEXT = 34
"""Characters of the sentence shown on each side of the words matched."""


def quote(sentence: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> str:
    """The words matched (``start``/``end`` relative to the sentence) in bold, with up to
    ``context`` characters of the sentence around them, as rich text."""
    before = sentence[:start] if context else ""
    after = sentence[end:] if context else ""
    if len(before) > context:
        before = "…" + before[-context:].split(" ", 1)[-1]
    if len(after) > context:
        after = after[:context].rsplit(" ", 1)[0] + "…"
    return f"“{escape(before)}<b>{escape(sentence[start:end])}</b>{escape(after)}”"


class SuggestionStrip(QFrame):
    accept_clicked = Signal(str)
    reject_clicked = Signal(str)
    evidence_clicked = Signal(str)
    """(finding): show the sentence in the report text."""

    def __init__(self, finding: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.finding = finding
        self.state = "hidden"
        self.setObjectName(f"suggestion_{finding}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(self._on_label_link_activated)
        layout.addWidget(self.label, 1)
        self.accept_button = QToolButton(self)
        self.accept_button.setText("Accept")
        self.reject_button = QToolButton(self)
        self.reject_button.setText("Reject")
        for button in (self.accept_button, self.reject_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.hide()

    def show_state(self, state: str, value_words: str, evidence: str, *, label: str,
                   tip: str = "") -> None:
        """``evidence``: the quoted sentence (rich text)."""
        self.state = state
        if state == "hidden":
            self.hide()
            return
        link = f'<a href="show">{evidence}</a>'
        value = f"<b>{escape(value_words)}</b>"
        if state == "pending":
            text = f"Suggested from the report: {value} — {link}"
            accept, reject = "Accept", "Reject"
        elif state == "conflict":
            text = f"The report says {value}, not what is entered — {link}"
            accept, reject = "Use the report's", "Keep mine"
        elif state == "accepted":
            text = f"✓ From the report — {link}"
            accept = reject = ""
        else:
            text = f"Changed from the report's {value} — {link}"
            accept, reject = "", ""
        self.label.setText(text)
        self.accept_button.setText(accept)
        self.reject_button.setText(reject)
        self.accept_button.setVisible(bool(accept))
        self.reject_button.setVisible(bool(reject))
        self.accept_button.setAccessibleName(f"{accept}: {value_words} for {label}")
        self.reject_button.setAccessibleName(f"{reject}: suggestion for {label}")
        self.setToolTip(tip)
        self._paint(state)
        self.show()

    def _paint(self, state: str) -> None:
        palette = self.palette()
        window = self.parentWidget().palette().color(QPalette.ColorRole.Window) \
            if self.parentWidget() else palette.color(QPalette.ColorRole.Window)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        share = 0.82 if state in ("pending", "conflict") else 1.0
        palette.setColor(QPalette.ColorRole.Window, blend(highlight, window, share))
        text = palette.color(QPalette.ColorRole.WindowText) if share < 1 else muted_text(palette)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.setPalette(palette)

    def _on_accept_button_clicked(self) -> None:
        emit(self.accept_clicked, self.finding)

    def _on_reject_button_clicked(self) -> None:
        emit(self.reject_clicked, self.finding)

    def _on_label_link_activated(self, _link: str) -> None:
        emit(self.evidence_clicked, self.finding)
