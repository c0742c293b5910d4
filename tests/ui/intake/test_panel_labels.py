"""The panel's labels remember their height at each width, and forget it when their text or
font changes (a stale height would clip a criterion or leave a gap under it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from reviewer_app.ui.intake.panel import WrappedLabel

SHORT = "<b>Met</b> · Expected survival of at least three months"
LONG = "<br/>".join([SHORT] * 6)


def labels(qtbot) -> tuple[QWidget, WrappedLabel, QLabel]:
    parent = QWidget()
    qtbot.addWidget(parent)
    made = (WrappedLabel(parent), QLabel(parent))
    for label in made:
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
    return parent, *made


def test_the_height_at_a_width_is_qlabels_and_follows_the_text(qtbot):
    _parent, wrapped, plain = labels(qtbot)
    for text in (SHORT, LONG, SHORT, ""):
        wrapped.setText(text)
        plain.setText(text)
        for width in (120, 300, 120):
            assert wrapped.heightForWidth(width) == plain.heightForWidth(width)


def test_a_larger_font_is_measured_again(qtbot):
    _parent, wrapped, plain = labels(qtbot)
    wrapped.setText(LONG)
    plain.setText(LONG)
    before = wrapped.heightForWidth(200)
    for label in (wrapped, plain):
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        label.setFont(font)
    assert wrapped.heightForWidth(200) == plain.heightForWidth(200) > before
