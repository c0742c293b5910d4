"""File > Open: the case file to import, behind a classmethod that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


class OpenCaseDialog:
    @classmethod
    def ask(cls, parent: QWidget, directory: str) -> Path | None:
        """The case file the user picked, or None when they cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            parent, "Open case file", directory, "Case files (*.json);;All files (*)"
        )
        return Path(path) if path else None
