"""The session gate: nobody works in the window until a reviewer has signed in, and the window
locks itself after the idle period (HIPAA automatic logoff).

Installed on the main window by ``ui/app.py`` before the window is shown, so the window first
appears covered (the queue's first page is read behind the cover meanwhile). Then:

- **start**: a database without an organization CA opens the first run (the organization, the
  first profile, the letterhead); otherwise the sign-in dialog. A case file given on the command
  line opens once someone has signed in, attributed to them.
- **lock** (idle, or File › Lock now): every window is covered; the passphrase, typed in any
  cover, unlocks them all as they were (the wizard's draft and open dialogs are kept).
- **switch reviewer / sign out**: the window is covered and the sign-in dialog opens. When
  another reviewer signs in (or the session ends), the previous reviewer's work is put away
  first: the intake wizard is saved as a draft and closed, other dialogs are closed, and the
  window goes back to the queue.

Lock, unlock, sign in and sign out are recorded in the audit trail (who and when).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu

from reviewer_app.ui.lock.idle import IdleWatcher
from reviewer_app.ui.lock.locker import Locker, is_exempt
from reviewer_app.ui.session.operations import read_sign_in_state, record
from reviewer_app.ui.settings import workstation
from reviewer_app.ui.settings.backups import AutoBackup

if TYPE_CHECKING:
    from reviewer_app.ui.context import AppContext
    from reviewer_app.ui.lock.cover import LockCover
    from reviewer_app.ui.main.window import MainWindow
    from reviewer_app.ui.session.operations import SignInState
    from reviewer_app.ui.session.session import SignedIn

FEATURE = "Session"
IDLE_WHY = "UR Reviewer locked itself after {minutes} without use."
MANUAL_WHY = "UR Reviewer was locked."
SWITCH_WHY = "Choosing another reviewer."


class SessionGate(QObject):
    def __init__(self, window: MainWindow, context: AppContext, *,
                 idle: IdleWatcher | None = None):
        super().__init__(window)
        self.window = window
        self._context = context
        self.session = context.session
        self._opening: list[str] = []
        self._why = ""
        self._asking = False
        self.locker = Locker(self)
        self.locker.covered.connect(self._on_locker_covered)
        self.idle = idle or IdleWatcher(
            idle_ms=workstation.idle_minutes(context.settings) * 60_000, parent=self)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        self.who_label = QLabel(window)
        self.who_label.setObjectName("signedInLabel")
        self.who_label.setAccessibleName("Signed-in reviewer")
        self.backup_label = QLabel(window)
        self.backup_label.setObjectName("backupLabel")
        self.backup_label.setAccessibleName("Backup warning")
        window.statusBar().addPermanentWidget(self.backup_label)
        window.statusBar().addPermanentWidget(self.who_label)
        self.backups = AutoBackup(context, self.backup_label, parent=self)
        self._install_actions()
        self.session.changed.connect(self._on_session_changed)
        self._on_session_changed()
        self.locker.lock()

    # -- what the window offers -----------------------------------------------------------------

    def _install_actions(self) -> None:
        window = self.window

        def action(text: str, keys: str | None, slot, tip: str) -> QAction:
            made = QAction(text, window)
            if keys:
                made.setShortcut(QKeySequence(keys))
            made.setToolTip(tip)
            made.setStatusTip(tip)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.settings_action = action("&Settings…", "Ctrl+,", self.open_settings,
                                      "Letterhead, plan contacts, letters, lock time, backups")
        self.lock_action = action("&Lock now", "Ctrl+Shift+L", self.lock_now,
                                  "Hide patient information until your passphrase is typed")
        self.switch_action = action("S&witch reviewer…", None, self.switch_reviewer,
                                    "Sign in as another reviewer")
        self.sign_out_action = action("Sign ou&t", None, self.sign_out,
                                      "End your session and go back to signing in")
        self.reviewers_action = action("&Reviewers…", None, self.open_reviewers,
                                       "Add reviewers, change roles, give new keys "
                                       "(the administrator's passphrase)")
        file_menu, quit_action = window.ui.menuFile, window.ui.actionQuit
        for made in (self.settings_action, None, self.lock_action, self.switch_action,
                     self.sign_out_action, None):
            if made is None:
                file_menu.insertSeparator(quit_action)
            else:
                file_menu.insertAction(quit_action, made)
        self.organization_menu = QMenu("&Organization", window)
        self.organization_menu.addAction(self.reviewers_action)
        window.menuBar().insertMenu(window.ui.menuHelp.menuAction(), self.organization_menu)
        window.shortcuts.add_actions(FEATURE, [self.settings_action, self.lock_action,
                                               self.switch_action, self.sign_out_action])

    # -- signing in --------------------------------------------------------------------------

    def start(self, opening: str | None = None) -> None:
        """Ask who is working (the first run on a new database); open ``opening`` after."""
        if opening:
            self._opening.append(opening)
        self._ask_sign_in()

    def _ask_sign_in(self) -> None:
        if self._asking or self._context.store.closed:
            return
        self._asking = True
        (self._context.store.op(self, read_sign_in_state, what="read the reviewer profiles")
         .success(self._on_state_read).failure(self._on_state_failed).run())

    def _on_state_read(self, state: SignInState) -> None:
        if not state.has_organization:
            from reviewer_app.ui.signin.first_run import FirstRunWizard

            FirstRunWizard.ask(self.window, self._context, done=self._on_signed_in)
            return
        from reviewer_app.ui.signin.dialog import SignInDialog

        current = self.session.current
        SignInDialog.ask(self.window, self._context, state, done=self._on_signed_in,
                         preferred=current.id if current else None)

    def _on_state_failed(self, error: Exception) -> None:
        from reviewer_app.ui.operations.failures import describe_failure

        self._asking = False
        failure = describe_failure(error)
        why = " ".join([failure.summary, *failure.lines])
        for cover in self.locker.covers():
            cover.show_signed_out(f"The case database could not be read: {why}")

    def _on_signed_in(self, signed_in: SignedIn | None) -> None:
        self._asking = False
        previous = self.session.current
        if signed_in is None:
            self._configure_covers()
            return
        if previous is not None and previous.id != signed_in.id:
            self._put_away(previous)
            self.session.sign_in(signed_in)
        elif previous is not None:
            self.session.renew(signed_in)
        else:
            self.session.sign_in(signed_in)
        self._unlock()
        while self._opening:
            self.window.open_case(self._opening.pop(0))

    def _unlock(self) -> None:
        self.locker.unlock()
        self.idle.start()

    # -- locking -----------------------------------------------------------------------------

    def lock_now(self) -> None:
        self.lock(MANUAL_WHY, reason="manual")

    def lock(self, why: str, *, reason: str = "idle") -> None:
        """Cover every window until the signed-in reviewer's passphrase is typed again."""
        current = self.session.current
        if current is None or self.locker.locked:
            return
        self.idle.stop()
        self._why = why
        self.locker.lock()
        self._record("lock", current.id, reason=reason)

    @property
    def locked(self) -> bool:
        return self.locker.locked

    def _on_idle_timed_out(self) -> None:
        minutes = max(round(self.idle.idle_ms / 60_000), 1)
        words = "1 minute" if minutes == 1 else f"{minutes} minutes"
        self.lock(IDLE_WHY.format(minutes=words), reason="idle")

    def _on_locker_covered(self, cover: LockCover) -> None:
        cover.unlock_requested.connect(self._on_cover_unlock_requested)
        cover.sign_in_requested.connect(self._ask_sign_in)
        cover.switch_requested.connect(self.switch_reviewer)
        cover.sign_out_requested.connect(self.sign_out)
        cover.quit_requested.connect(self.window.close)
        self._configure(cover)

    def _configure(self, cover: LockCover) -> None:
        current = self.session.current
        if current is None:
            cover.show_signed_out()
        else:
            cover.show_locked(current.signature, self._why or MANUAL_WHY)

    def _configure_covers(self) -> None:
        for cover in self.locker.covers():
            self._configure(cover)

    def _on_cover_unlock_requested(self, passphrase: str) -> None:
        from reviewer_app.ui.session.operations import sign_in, sign_in_problem

        current = self.session.current
        if current is None:
            return
        covers = self.locker.covers()
        for cover in covers:
            cover.set_busy(True)
        reviewer_id, who = current.id, current.signature

        def failed(error: Exception) -> None:
            for cover in self.locker.covers():
                cover.set_busy(False)
                cover.show_problem(sign_in_problem(error, who))

        (self._context.store.op(
            self, lambda store: sign_in(store, reviewer_id, passphrase, resumed=True),
            what="unlock")
         .success(self._on_unlocked).failure(failed).run())

    def _on_unlocked(self, signed_in: SignedIn) -> None:
        current = self.session.current
        if current is None or current.id != signed_in.id:
            return
        self.session.renew(signed_in)
        self._unlock()

    # -- switching and signing out ----------------------------------------------------------

    def switch_reviewer(self) -> None:
        if self.session.current is not None and not self.locker.locked:
            self._why = SWITCH_WHY
            self.idle.stop()
            self.locker.lock()
        self._ask_sign_in()

    def sign_out(self) -> None:
        current = self.session.current
        if current is None:
            return
        self._put_away(current)
        self.idle.stop()
        self._record("sign_out", current.id)
        self.session.sign_out()
        self.locker.lock()
        self._configure_covers()
        self._ask_sign_in()

    def _put_away(self, previous: SignedIn) -> None:
        """Before another reviewer works here: the previous one's draft saved and the wizard
        closed, their dialogs closed, and the window back on the queue."""
        intake = getattr(self.window, "intake", None)
        if intake is not None:
            intake.close_keeping_draft()
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible() or is_exempt(widget):
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            elif widget.isWindow() and widget.windowType() != Qt.WindowType.Popup:
                widget.close()
        self.window.show_queue()

    def _record(self, action: str, reviewer_id: int, **details: object) -> None:
        if self._context.store.closed:
            return
        (self._context.store.op(self, lambda store: record(store, action, reviewer_id,
                                                           **details),
                                what=f"record the {action.replace('_', ' ')}")
         .failure(lambda _error: None).run())

    def _on_session_changed(self) -> None:
        current = self.session.current
        signed_in = current is not None
        for made in (self.settings_action, self.lock_action, self.switch_action,
                     self.sign_out_action):
            made.setEnabled(signed_in)
        if current is None:
            self.who_label.setText("Nobody signed in")
            self.backups.stop()
        else:
            self.who_label.setText(f"Signed in: {current.signature} ({current.role})")
            self.backups.start()

    # -- administration and settings --------------------------------------------------------

    def open_reviewers(self) -> None:
        from reviewer_app.ui.admin.reviewers_dialog import ReviewersDialog

        ReviewersDialog.ask(self.window, self._context)

    def open_settings(self) -> None:
        from reviewer_app.ui.settings.dialog import SettingsDialog

        if SettingsDialog.ask(self.window, self._context):
            self.idle.set_idle_ms(workstation.idle_minutes(self._context.settings) * 60_000)
            self.backups.check()
