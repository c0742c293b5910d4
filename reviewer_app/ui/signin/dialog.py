"""Sign in: choose a reviewer profile, type the passphrase, Sign in.

The passphrase opens the reviewer's signing key on the database thread (the certificate is
checked against the organization CA first; a wrong passphrase is recorded in the audit trail),
and the dialog closes with the signed-in reviewer; a refusal is said in words at the field and
the dialog stays open. The window stays covered meanwhile.

:meth:`SignInDialog.ask` opens it without blocking (the application is starting, and other
work, such as the queue's first page, goes on behind it) and calls ``done`` with the result;
tests replace ``ask``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QListWidgetItem, QWidget

from reviewer_app.core.trust.credentials import ROLE_TITLES
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.forms.ui_sign_in_dialog import Ui_SignInDialog
from reviewer_app.ui.lock.locker import exempt
from reviewer_app.ui.session.operations import (
    Profile,
    SignInState,
    read_sign_in_state,
    sign_in,
    sign_in_problem,
)
from reviewer_app.ui.session.session import SignedIn
from reviewer_app.ui.widgets.field_problem import show_problem

LAST_REVIEWER = "session/last_reviewer"
"""The profile chosen last on this workstation (an id; never patient data)."""
ID_ROLE = Qt.ItemDataRole.UserRole


def _describe(profile: Profile) -> str:
    reviewer = profile.reviewer
    role = ROLE_TITLES.get(reviewer.role, reviewer.role)
    text = f"{reviewer.signature} — {role}"
    return text if profile.has_key else f"{text} (no signing key yet: the administrator gives one)"


class SignInDialog(QDialog):
    def __init__(self, context: AppContext, state: SignInState, parent: QWidget | None = None,
                 *, preferred: int | None = None):
        super().__init__(parent)
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        exempt(self)
        self._context = context
        self._busy = False
        self.signed_in: SignedIn | None = None
        self.ui.databaseLabel.setText(f"Case database: {context.database_path}")
        self.ui.profileList.currentItemChanged.connect(self._on_profile_current_changed)
        self.ui.profileList.itemActivated.connect(self._on_profile_activated)
        self.ui.signInButton.clicked.connect(self._on_sign_in_clicked)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.adminButton.clicked.connect(self._on_admin_clicked)
        self.ui.passphraseEdit.textChanged.connect(self._on_passphrase_changed)
        self._show_state(state, preferred)

    @classmethod
    def ask(cls, parent: QWidget, context: AppContext, state: SignInState, *,
            done: Callable[[SignedIn | None], None], preferred: int | None = None
            ) -> SignInDialog:
        """Open the dialog over ``parent`` (window-modal, not blocking) and call ``done`` with
        the signed-in reviewer, or None when it was cancelled."""
        owner = QApplication.activeModalWidget() or parent
        dialog = cls(context, state, owner, preferred=preferred)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: done(dialog.signed_in))
        dialog.open()
        return dialog

    def _show_state(self, state: SignInState, preferred: int | None) -> None:
        ui = self.ui
        ui.profileList.clear()
        for profile in state.profiles:
            item = QListWidgetItem(_describe(profile), ui.profileList)
            item.setData(ID_ROLE, profile.id)
            if not profile.has_key:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                              & ~Qt.ItemFlag.ItemIsSelectable)
        if preferred is None:
            remembered = self._context.settings.value(LAST_REVIEWER)
            preferred = int(remembered) if str(remembered or "").isdigit() else None
        usable = [p for p in state.profiles if p.has_key]
        choice = next((p for p in usable if p.id == preferred), usable[0] if usable else None)
        if choice is not None:
            ui.profileList.setCurrentRow(state.profiles.index(choice))
        if state.problem:
            self._problem(f"Nobody can sign in to this database: {state.problem}.")
        elif not usable:
            self._problem("No reviewer can sign in yet: the administrator adds a profile with "
                          "Reviewer profiles… (the administrator's passphrase).")
        else:
            show_problem(ui.errorLabel, None)
        ui.adminButton.setEnabled(not state.problem)
        self._update_buttons()
        (ui.passphraseEdit if choice is not None else ui.adminButton).setFocus()

    def chosen(self) -> int | None:
        item = self.ui.profileList.currentItem()
        return int(item.data(ID_ROLE)) if item is not None and item.flags() & \
            Qt.ItemFlag.ItemIsEnabled else None

    def _chosen_name(self) -> str:
        item = self.ui.profileList.currentItem()
        return item.text().split(" — ")[0] if item is not None else "this reviewer"

    def _problem(self, text: str | None) -> None:
        show_problem(self.ui.errorLabel, text)

    def _update_buttons(self) -> None:
        ready = self.chosen() is not None and bool(self.ui.passphraseEdit.text())
        self.ui.signInButton.setEnabled(ready and not self._busy)
        self.ui.passphraseEdit.setEnabled(self.chosen() is not None and not self._busy)

    def _on_sign_in_clicked(self) -> None:
        reviewer_id, passphrase = self.chosen(), self.ui.passphraseEdit.text()
        if reviewer_id is None or not passphrase or self._busy:
            return
        self._busy = True
        self._update_buttons()
        self.ui.errorLabel.setPalette(self.palette())
        self.ui.errorLabel.setText("Opening the signing key…")
        self.ui.errorLabel.show()
        who = self._chosen_name()
        (self._context.store.op(self, lambda store: sign_in(store, reviewer_id, passphrase),
                                what="sign in")
         .success(self._on_signed_in)
         .failure(lambda error: self._on_sign_in_failed(error, who))
         .run())

    def _on_signed_in(self, signed_in: SignedIn) -> None:
        self._busy = False
        self.signed_in = signed_in
        self._context.settings.setValue(LAST_REVIEWER, signed_in.id)
        self.accept()

    def _on_sign_in_failed(self, error: Exception, who: str) -> None:
        self._busy = False
        self._update_buttons()
        self._problem(sign_in_problem(error, who))
        self.ui.passphraseEdit.selectAll()
        self.ui.passphraseEdit.setFocus()

    def _on_profile_current_changed(self, *_items: object) -> None:
        self.ui.passphraseEdit.clear()
        self._update_buttons()

    def _on_profile_activated(self, _item: QListWidgetItem) -> None:
        self.ui.passphraseEdit.setFocus()

    def _on_passphrase_changed(self, _text: str) -> None:
        if not self._busy:
            self._update_buttons()

    def _on_admin_clicked(self) -> None:
        from reviewer_app.ui.admin.reviewers_dialog import ReviewersDialog

        ReviewersDialog.ask(self, self._context)
        (self._context.store.op(self, read_sign_in_state, what="read the reviewer profiles")
         .success(lambda state: self._show_state(state, self.chosen()))
         .run())

    def reject(self) -> None:
        if not self._busy:
            super().reject()
