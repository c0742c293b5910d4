"""A problem shown at its field: the words beside the field, in a colour that reads on the
palette (never the only sign: the words say what is wrong).

A word-wrapped label in a form layout asks for the height its text needs at a narrow default
width (four lines for one), and the form gives it that, leaving a gap; :class:`_FitHeight`
keeps the label's height to what its text needs at the width it was given.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from reviewer_app.ui.widgets.tones import TEXT, Tone

ON_DARK = QColor("#ff9b8f")
"""The problem colour on a dark palette (TEXT[BAD] is for light backgrounds)."""
UNLIMITED = 16_777_215


def problem_colour(palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return ON_DARK if dark else TEXT[Tone.BAD]


class _FitHeight(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            fit(watched)
        return False


def fit(label: QLabel) -> None:
    """The label no taller than its text at its present width."""
    if label.wordWrap() and label.width() > label.fontMetrics().averageCharWidth() * 20:
        needed = label.heightForWidth(label.width())
        if needed > 0 and needed != label.maximumHeight():
            label.setMaximumHeight(needed)


def fitted(label: QLabel) -> QLabel:
    """Keep ``label``'s height to its wrapped text from now on."""
    if label.property("urFitted") is None:
        label.setProperty("urFitted", True)
        label.installEventFilter(_FitHeight(label))
    label.setMaximumHeight(UNLIMITED)
    fit(label)
    return label


def show_problem(label: QLabel, text: str | None) -> None:
    """``text`` at ``label`` (hidden when there is none)."""
    fitted(label)
    if not text:
        label.clear()
        label.hide()
        return
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, problem_colour(palette))
    label.setPalette(palette)
    label.setText(text)
    label.show()
