"""The main window's small modal dialogs, each behind a classmethod that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

SHOWN_PROBLEMS = 12


class OpenCaseDialog:
    @classmethod
    def ask(cls, parent: QWidget, directory: str) -> Path | None:
        """The case file the user picked, or None when they cancelled."""
        path, _ = QFileDialog.getOpenFileName(
            parent, "Open case file", directory, "Case files (*.json);;All files (*)"
        )
        return Path(path) if path else None


class ProblemsMessage:
    @classmethod
    def show_problems(cls, parent: QWidget, title: str, summary: str, lines: list[str]) -> None:
        """A modal warning listing ``FILE: field: problem`` lines."""
        cls.build(parent, title, summary, lines).exec()

    @staticmethod
    def build(parent: QWidget, title: str, summary: str, lines: list[str]) -> QMessageBox:
        """The first lines shown, all of them under "Show Details" when there are more."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, summary, QMessageBox.StandardButton.Ok, parent
        )
        shown = lines[:SHOWN_PROBLEMS]
        more = len(lines) - len(shown)
        text = "\n".join(f"• {line}" for line in shown)
        if more:
            text += f"\n… and {more} more (Show Details)."
            box.setDetailedText("\n".join(lines))
        box.setInformativeText(text)
        return box
