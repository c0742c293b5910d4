"""File > Open and File > Import: the case files to store, behind classmethods that tests
replace."""

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


class ImportFilesDialog:
    @classmethod
    def ask(cls, parent: QWidget, directory: str) -> list[Path]:
        """The case files the user picked (none when they cancelled)."""
        paths, _ = QFileDialog.getOpenFileNames(
            parent, "Import case files", directory, "Case files (*.json);;All files (*)"
        )
        return [Path(path) for path in paths]
