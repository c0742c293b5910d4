"""The small questions of the administrator's screen, each a dialog with an ``ask`` that tests
replace: a new reviewer's profile, another role, a new key's passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.core.lifecycle import NURSE, PHYSICIAN
from reviewer_app.core.trust.credentials import ROLE_TITLES
from reviewer_app.ui.signin.passphrase_fields import NewPassphraseFields
from reviewer_app.ui.signin.profile_form import NewProfile, ProfileForm


class _Checked(QDialog):
    """OK only once the form's own check passes (problems shown at the fields)."""

    def __init__(self, title: str, intro: str, body: QWidget, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(f"{title} — UR Reviewer")
        layout = QVBoxLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        body.setParent(self)
        layout.addWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def check(self) -> bool:
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        if self.check():
            self.accept()


class AddReviewerDialog(_Checked):
    def __init__(self, parent: QWidget | None = None):
        self.form = ProfileForm()
        super().__init__("Add a reviewer", "The organization CA certifies the new reviewer's "
                         "signing key with the name, credentials and role given here. The "
                         "reviewer chooses the passphrase (or types it in here with you).",
                         self.form, parent)

    def check(self) -> bool:
        return self.form.validate()

    @classmethod
    def ask(cls, parent: QWidget) -> NewProfile | None:
        dialog = cls(parent)
        return dialog.form.profile() if dialog.exec() == QDialog.DialogCode.Accepted else None


class NewKeyDialog(_Checked):
    def __init__(self, who: str, parent: QWidget | None = None):
        self.fields = NewPassphraseFields()
        self.fields.set_context(who.replace(",", " ").split())
        super().__init__(f"New key for {who}", f"{who} gets a new signing key, certified by "
                         "the organization CA, protected by this new passphrase; it signs "
                         "from now on (the old one stays on file for what it signed).",
                         self.fields, parent)

    def check(self) -> bool:
        return self.fields.validate()

    @classmethod
    def ask(cls, parent: QWidget, who: str) -> str | None:
        dialog = cls(who, parent)
        return dialog.fields.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted \
            else None


class RoleDialog:
    """The other role for a reviewer: Qt's item question, behind an ``ask`` tests replace."""

    @classmethod
    def ask(cls, parent: QWidget, who: str, current: str) -> str | None:
        """The role chosen; None when cancelled or unchanged."""
        roles = [NURSE, PHYSICIAN]
        titles = [ROLE_TITLES[role] for role in roles]
        chosen, ok = QInputDialog.getItem(
            parent, "Change role — UR Reviewer",
            f"{who} is a {ROLE_TITLES.get(current, current).lower()}. A new certificate states "
            "the role chosen here; decisions already signed keep the role they were made with.",
            titles, roles.index(current) if current in roles else 0, False)
        if not ok:
            return None
        role = roles[titles.index(chosen)]
        return None if role == current else role
