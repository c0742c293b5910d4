"""The problems dialog: what could not be done, with ``FILE: field: problem`` lines."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

SHOWN_PROBLEMS = 12


class ProblemsMessage:
    @classmethod
    def show_problems(
        cls, parent: QWidget | None, title: str, summary: str, lines: list[str]
    ) -> None:
        """A modal warning listing ``FILE: field: problem`` lines."""
        cls.build(parent, title, summary, lines).exec()

    @staticmethod
    def build(parent: QWidget | None, title: str, summary: str, lines: list[str]) -> QMessageBox:
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
