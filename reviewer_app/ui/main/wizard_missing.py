"""What Edit says until the intake wizard (ui/intake) can open a stored case."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class WizardMissing:
    @classmethod
    def tell(cls, parent: QWidget | None, case_id: int, version: int) -> None:
        """A modal notice; tests replace it."""
        box = QMessageBox(
            QMessageBox.Icon.Information, "Edit request",
            f"Case {case_id} cannot be edited here yet: the intake wizard, where a stored "
            "request is corrected or completed, is not available in this version of UR "
            "Reviewer.",
            QMessageBox.StandardButton.Ok, parent,
        )
        box.setInformativeText(
            f"Nothing was changed; the case stays at version {version}. Until then, a "
            "corrected request can be imported as a new case (File › Open case…).")
        box.exec()
