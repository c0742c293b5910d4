"""A problem shown at its field: the words beside the field, in a colour that reads on the
palette (never the only sign: the words say what is wrong)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from reviewer_app.ui.widgets.tones import TEXT, Tone

ON_DARK = QColor("#ff9b8f")
"""The problem colour on a dark palette (TEXT[BAD] is for light backgrounds)."""


def problem_colour(palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return ON_DARK if dark else TEXT[Tone.BAD]


def show_problem(label: QLabel, text: str | None) -> None:
    """``text`` at ``label`` (hidden when there is none)."""
    if not text:
        label.clear()
        label.hide()
        return
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, problem_colour(palette))
    label.setPalette(palette)
    label.setText(text)
    label.show()
