"""Organization › Reviewers…: the administrator adds reviewers, changes roles and gives new keys.

Nothing can be done before the administrator's passphrase has opened the organization CA (a
wrong one is refused at the field and recorded in the audit trail); the CA then stays in memory
while the screen is open, and is dropped when it closes. Every refusal of the core (a weak
passphrase, a role already held, a record altered) is shown in its words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from reviewer_app.core.trust.credentials import ROLE_TITLES
from reviewer_app.ui.admin import operations
from reviewer_app.ui.admin.operations import Acting, Done, ReviewerRow
from reviewer_app.ui.admin.profile_dialogs import AddReviewerDialog, NewKeyDialog, RoleDialog
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.forms.ui_reviewers_dialog import Ui_ReviewersDialog
from reviewer_app.ui.widgets.field_problem import show_problem

if TYPE_CHECKING:
    from reviewer_app.core.trust.authority import UnlockedAuthority

COLUMNS = ("Name", "Credentials", "Role (certificate)", "NPI", "Certificate valid until")


def _problem_words(error: Exception) -> str:
    from reviewer_app.core.store.errors import StoreError
    from reviewer_app.core.trust.errors import ReviewerKeyError, WrongPassphrase
    from reviewer_app.ui.operations.failures import describe_failure

    if isinstance(error, WrongPassphrase):
        return ("Refused: that is not the administrator's passphrase (it does not open the "
                "organization CA). The failed attempt is recorded in the audit trail.")
    if isinstance(error, StoreError | ReviewerKeyError):
        return f"Refused: {error}."
    failure = describe_failure(error)
    return " ".join([failure.summary, *failure.lines])


class ReviewersDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ReviewersDialog()
        self.ui.setupUi(self)
        self._context = context
        self._admin: UnlockedAuthority | None = None
        self._rows: list[ReviewerRow] = []
        self._busy = False
        table = self.ui.table
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        show_problem(self.ui.adminError, None)
        self.ui.pages.setCurrentWidget(self.ui.unlockPage)
        self.ui.unlockButton.clicked.connect(self._on_unlock_clicked)
        self.ui.adminEdit.returnPressed.connect(self._on_unlock_clicked)
        self.ui.addButton.clicked.connect(self._on_add_clicked)
        self.ui.roleButton.clicked.connect(self._on_role_clicked)
        self.ui.keyButton.clicked.connect(self._on_key_clicked)
        table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.finished.connect(self._on_finished)
        self._update_buttons()
        self.ui.adminEdit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget, context: AppContext) -> None:
        cls(context, parent).exec()

    @property
    def unlocked(self) -> bool:
        return self._admin is not None

    # -- the administrator's passphrase ------------------------------------------------------

    def _on_unlock_clicked(self) -> None:
        passphrase = self.ui.adminEdit.text()
        if not passphrase or self._busy:
            show_problem(self.ui.adminError, None if passphrase else
                         "Type the administrator's passphrase.")
            return
        self._busy = True
        self.ui.unlockButton.setEnabled(False)
        (self._context.store.op(self, lambda store: operations.unlock(store, passphrase),
                                what="unlock the organization CA")
         .success(self._on_admin_unlocked).failure(self._on_unlock_failed).run())

    def _on_admin_unlocked(self, admin: UnlockedAuthority) -> None:
        self._busy = False
        self._admin = admin
        self.ui.adminEdit.clear()
        self.ui.pages.setCurrentWidget(self.ui.managePage)
        self._say("The organization CA is open while this window is.")
        self._reload()

    def _on_unlock_failed(self, error: Exception) -> None:
        self._busy = False
        self.ui.unlockButton.setEnabled(True)
        show_problem(self.ui.adminError, _problem_words(error))
        self.ui.adminEdit.selectAll()
        self.ui.adminEdit.setFocus()

    # -- the profiles ------------------------------------------------------------------------

    def _reload(self) -> None:
        (self._context.store.op(self, operations.read_reviewers, key="admin-reviewers",
                                what="read the reviewer profiles")
         .success(self._show_rows).run())

    def _show_rows(self, rows: list[ReviewerRow]) -> None:
        chosen = self.chosen()
        self._rows = rows
        table = self.ui.table
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            reviewer = row.reviewer
            role = ROLE_TITLES.get(row.role, row.role) if row.role else f"— ({row.problem})"
            cells = (reviewer.name, reviewer.credentials, role, reviewer.npi or "",
                     row.valid_until or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, reviewer.id)
                if row.problem:
                    item.setToolTip(row.problem)
                table.setItem(number, column, item)
        kept = chosen.reviewer.id if chosen else None
        found = next((i for i, r in enumerate(rows) if r.reviewer.id == kept),
                     0 if rows else None)
        if found is not None:
            table.selectRow(found)
        self._update_buttons()

    def chosen(self) -> ReviewerRow | None:
        row = self.ui.table.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _update_buttons(self) -> None:
        ready = self.unlocked and not self._busy
        chosen = self.chosen()
        self.ui.addButton.setEnabled(ready)
        self.ui.roleButton.setEnabled(ready and chosen is not None and chosen.role is not None)
        self.ui.keyButton.setEnabled(ready and chosen is not None)

    def _on_table_selection_changed(self) -> None:
        self._update_buttons()

    # -- actions -----------------------------------------------------------------------------

    def _acting(self) -> Acting | None:
        """Read when the action is started (after its dialog closed): a lock and unlock
        meanwhile renews the session."""
        if self._admin is None:
            return None
        return Acting(self._admin, self._context.session.current)

    def _on_add_clicked(self) -> None:
        if self._admin is None:
            return
        profile = AddReviewerDialog.ask(self)
        acting = self._acting()
        if profile is not None and acting is not None:
            self._act(operations.add, acting, profile, what=f"add {profile.signature}")

    def _on_role_clicked(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen.role is None or self._admin is None:
            return
        who = chosen.reviewer.signature
        role = RoleDialog.ask(self, who, chosen.role)
        acting = self._acting()
        if role is not None and acting is not None:
            self._act(operations.change_role, acting, chosen.reviewer.id, role,
                      what=f"change {who}'s role")

    def _on_key_clicked(self) -> None:
        chosen = self.chosen()
        if chosen is None or self._admin is None:
            return
        who = chosen.reviewer.signature
        passphrase = NewKeyDialog.ask(self, who)
        acting = self._acting()
        if passphrase is not None and acting is not None:
            self._act(operations.new_key, acting, chosen.reviewer.id, passphrase,
                      what=f"give {who} a new key")

    def _act(self, fn: Callable[..., Done], *args: Any, what: str) -> None:
        """``fn(store, *args)`` on the database thread, the buttons off meanwhile."""
        self._busy = True
        self._update_buttons()
        self._say(f"Working: {what}…")
        (self._context.store.op(self, lambda store: fn(store, *args), what=what)
         .success(self._on_done).failure(self._on_failed).run())

    def _on_done(self, done: Done) -> None:
        self._busy = False
        if done.renewed is not None:
            self._context.session.renew(done.renewed)
        self._say(done.message)
        self._reload()

    def _on_failed(self, error: Exception) -> None:
        self._busy = False
        self._update_buttons()
        show_problem(self.ui.statusLabel, _problem_words(error))

    def _say(self, text: str) -> None:
        self.ui.statusLabel.setPalette(self.palette())
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.show()

    def _on_finished(self, _result: int) -> None:
        self._admin = None
