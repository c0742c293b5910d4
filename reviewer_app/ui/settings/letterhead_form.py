"""The organization's letterhead and plan contacts: the keys of
``resources/letters/letterhead.yaml`` that letters print (name, address, phone, TTY, fax, the
appeals unit, the peer-to-peer line). Keys without a field here (the logo, the
language-assistance taglines) are kept as they are. Problems come back from the core's own
check of the file (``FILE: key: problem``) and are shown under the form by key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from reviewer_app.ui.forms.ui_letterhead_form import Ui_LetterheadForm
from reviewer_app.ui.widgets.field_problem import show_problem

KEY_LABELS = {
    "organization": "Organization", "address": "Address", "phone": "Phone", "tty": "TTY",
    "fax": "Fax", "appeals.address": "Appeals address", "appeals.phone": "Appeals phone",
    "appeals.fax": "Appeals fax", "peer_to_peer_phone": "Peer-to-peer phone",
}


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class LetterheadForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LetterheadForm()
        self.ui.setupUi(self)
        self._kept: dict[str, Any] = {}
        show_problem(self.ui.problemsLabel, None)

    def _fields(self) -> dict[str, QLineEdit]:
        ui = self.ui
        return {"organization": ui.organizationEdit, "phone": ui.phoneEdit, "tty": ui.ttyEdit,
                "fax": ui.faxEdit, "appeals.phone": ui.appealsPhoneEdit,
                "appeals.fax": ui.appealsFaxEdit, "peer_to_peer_phone": ui.peerEdit}

    def load(self, document: Mapping[str, Any]) -> None:
        """Show a letterhead (the keys of its file)."""
        appeals = document.get("appeals") or {}
        self._kept = {k: v for k, v in document.items()
                      if k not in ("organization", "address", "phone", "tty", "fax", "appeals",
                                   "peer_to_peer_phone")}
        for key, edit in self._fields().items():
            section, _, name = key.rpartition(".")
            value = (appeals if section else document).get(name)
            edit.setText("" if value is None else str(value))
        self.ui.addressEdit.setPlainText("\n".join(document.get("address") or ()))
        self.ui.appealsAddressEdit.setPlainText("\n".join(appeals.get("address") or ()))
        show_problem(self.ui.problemsLabel, None)

    def document(self) -> dict[str, Any]:
        """The letterhead as the keys of its file (a blank optional fax is left out)."""
        values = {key: edit.text().strip() for key, edit in self._fields().items()}
        document: dict[str, Any] = {
            "organization": values["organization"],
            "address": _lines(self.ui.addressEdit),
            "phone": values["phone"],
            "tty": values["tty"],
        }
        if values["fax"]:
            document["fax"] = values["fax"]
        document["appeals"] = {"address": _lines(self.ui.appealsAddressEdit),
                               "phone": values["appeals.phone"],
                               "fax": values["appeals.fax"]}
        document["peer_to_peer_phone"] = values["peer_to_peer_phone"]
        return {**document, **self._kept}

    def missing(self) -> list[str]:
        """Problem lines for the required fields left empty (every letter prints them)."""
        document = self.document()
        appeals = document["appeals"]
        required = {"organization": document["organization"], "address": document["address"],
                    "phone": document["phone"], "tty": document["tty"],
                    "appeals.address": appeals["address"], "appeals.phone": appeals["phone"],
                    "appeals.fax": appeals["fax"],
                    "peer_to_peer_phone": document["peer_to_peer_phone"]}
        return [f"letterhead: {key}: required (letters print it)"
                for key, value in required.items() if not value]

    def validate(self) -> bool:
        """Every required field filled in (the core checks the rest when it saves)."""
        missing = self.missing()
        self.show_problems(missing)
        return not missing

    def organization(self) -> str:
        return self.ui.organizationEdit.text().strip()

    def set_organization(self, name: str) -> None:
        self.ui.organizationEdit.setText(name)

    def show_problems(self, lines: list[str]) -> None:
        """The core's ``FILE: key: problem`` lines, as "Field: problem" under the form."""
        shown = []
        for line in lines:
            parts = line.split(": ", 2)
            key, problem = (parts[1], parts[2]) if len(parts) == 3 else ("", line)
            top = key.split("[")[0]
            label = KEY_LABELS.get(top) or KEY_LABELS.get(key) or key
            shown.append(f"{label}: {problem}" if label else problem)
        show_problem(self.ui.problemsLabel, "Not saved: " + "; ".join(shown) if shown else None)
