"""A new reviewer profile: name, credentials, role, an optional NPI, and the passphrase that
will protect their signing key (typed twice, with the strength hint). The first run and the
administrator's screen both use it; the checks are the core's, shown at their fields."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from reviewer_app.core.lifecycle import NURSE, PHYSICIAN
from reviewer_app.ui.forms.ui_profile_form import Ui_ProfileForm
from reviewer_app.ui.widgets.field_problem import show_problem

ROLES = (NURSE, PHYSICIAN)
"""The role combo's entries, in order."""


@dataclass(frozen=True)
class NewProfile:
    name: str
    credentials: str
    role: str
    npi: str | None
    passphrase: str

    @property
    def signature(self) -> str:
        return f"{self.name}, {self.credentials}"


class ProfileForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ProfileForm()
        self.ui.setupUi(self)
        for label in (self.ui.nameError, self.ui.credentialsError, self.ui.npiError):
            show_problem(label, None)
        self.ui.nameEdit.textChanged.connect(self._on_identity_changed)
        self.ui.credentialsEdit.textChanged.connect(self._on_identity_changed)
        self.ui.passphraseFields.set_labels("&Passphrase", "A&gain")

    def set_role(self, role: str) -> None:
        self.ui.roleCombo.setCurrentIndex(ROLES.index(role))

    def role(self) -> str:
        return ROLES[max(self.ui.roleCombo.currentIndex(), 0)]

    def profile(self) -> NewProfile:
        npi = self.ui.npiEdit.text().strip()
        return NewProfile(self.ui.nameEdit.text().strip(), self.ui.credentialsEdit.text().strip(),
                          self.role(), npi or None, self.ui.passphraseFields.passphrase())

    def validate(self) -> bool:
        """The core's checks of a profile, each problem at its field; True when none."""
        from reviewer_app.core.store.errors import StoreError
        from reviewer_app.core.store.reviewers import check_npi

        ui = self.ui
        name, credentials = ui.nameEdit.text().strip(), ui.credentialsEdit.text().strip()
        show_problem(ui.nameError, None if name else "A reviewer needs a name.")
        show_problem(ui.credentialsError, None if credentials else
                     "A reviewer needs credentials (e.g. RN, MD): letters print them.")
        try:
            check_npi(ui.npiEdit.text())
            npi_problem = None
        except StoreError as error:
            npi_problem = f"{str(error)[:1].upper()}{str(error)[1:]}."
        show_problem(ui.npiError, npi_problem)
        passphrase_ok = ui.passphraseFields.validate()
        for edit, bad in ((ui.nameEdit, not name), (ui.credentialsEdit, not credentials),
                          (ui.npiEdit, npi_problem)):
            if bad:
                edit.setFocus()
                return False
        return passphrase_ok

    def show_passphrase_problem(self, text: str) -> None:
        self.ui.passphraseFields.show_problem(text)

    def _on_identity_changed(self, _text: str) -> None:
        self.ui.passphraseFields.set_context(
            [self.ui.nameEdit.text(), self.ui.credentialsEdit.text()])
