"""Help > Keyboard shortcuts: every shortcut of a window's actions, and those given as data."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Row = tuple[str, str, str]
"""(keys, what it does, where)."""


def action_rows(window: QWidget, where: str) -> list[Row]:
    """The window's actions that have a shortcut, in the platform's words for the keys."""
    rows = []
    for action in window.findChildren(QAction):
        keys = action.shortcuts()
        if not keys or not action.text():
            continue
        text = "  or  ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.append((text, action.text().replace("&", "").rstrip("…."), where))
    return sorted(set(rows), key=lambda row: row[1])


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None, rows: Iterable[Row]):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts — UR Reviewer")
        rows = list(rows)
        layout = QVBoxLayout(self)
        table = QTableWidget(len(rows), 3, self)
        table.setHorizontalHeaderLabels(["Keys", "What it does", "Where"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setAccessibleName("Keyboard shortcuts")
        for number, row in enumerate(rows):
            for column, text in enumerate(row):
                table.setItem(number, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        self.table = table
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 34)

    @classmethod
    def show_shortcuts(cls, parent: QWidget | None, rows: Iterable[Row]) -> ShortcutsDialog:
        dialog = cls(parent, rows)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
