"""What an empty case database shows instead of an empty grid: the three ways to start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.forms.ui_first_run_page import Ui_FirstRunPage
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.tones import SECONDARY, blend

TITLE_POINTS = 1.6
"""The title's size against the window's font."""


class FirstRunPage(QWidget):
    new_case_requested = Signal()
    import_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_FirstRunPage()
        self.ui.setupUi(self)
        font = self.ui.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * TITLE_POINTS)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        width = self.fontMetrics().averageCharWidth() * 56
        for button in (self.ui.newButton, self.ui.importButton, self.ui.openButton):
            button.setMinimumWidth(width)
        gap = self.fontMetrics().height()
        for hint in (self.ui.newHint, self.ui.importHint, self.ui.openHint):
            hint.setContentsMargins(4, 0, 0, gap)  # each hint stays with its own button
            hint.setMaximumWidth(width)
            palette = hint.palette()
            palette.setColor(QPalette.ColorRole.WindowText, blend(
                palette.color(QPalette.ColorRole.WindowText),
                palette.color(QPalette.ColorRole.Window), SECONDARY))
            hint.setPalette(palette)
        self.ui.newButton.clicked.connect(self._on_new_clicked)
        self.ui.importButton.clicked.connect(self._on_import_clicked)
        self.ui.openButton.clicked.connect(self._on_open_clicked)

    def show_database(self, path: Path) -> None:
        self.ui.databaseLabel.setText(f"Case database: {path}")

    def _on_new_clicked(self) -> None:
        emit(self.new_case_requested)

    def _on_import_clicked(self) -> None:
        emit(self.import_requested)

    def _on_open_clicked(self) -> None:
        emit(self.open_requested)
