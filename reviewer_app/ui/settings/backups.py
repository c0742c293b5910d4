"""The daily automatic backup while the application runs, and the status bar's word on it.

A timer looks every quarter of an hour (and at sign-in) at when the case database was last
backed up (the audit trail records every backup: this window's, another workstation's, the
command line's). When that is a day ago or more, a backup folder is set, the daily backup is on
and a reviewer is signed in, it takes one through the store's online backup (consistent while
others write, integrity-checked, never overwriting), its checkpoint signed by the signed-in
reviewer's key: the administrator's passphrase, which Back up now asks for, cannot stay in
memory all day. The status bar says when the last backup is older than a day (or there is
none), whatever the reason.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from reviewer_app.ui.settings import workstation
from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.store.backup import BackupResult
    from reviewer_app.core.store.database import Store
    from reviewer_app.ui.context import AppContext

CHECK_MS = 15 * 60_000
DAY = dt.timedelta(days=1)
LAST_KEY = "backup-last"
RUN_KEY = "backup-daily"


def _last_backup(store: Store) -> dt.datetime | None:
    from reviewer_app.core.store.backup import last_backup

    return last_backup(store)


def describe_age(last: dt.datetime | None, now: dt.datetime) -> str:
    """"3 days ago", "5 hours ago", "never"."""
    if last is None:
        return "never"
    age = now - last
    if age >= dt.timedelta(days=2):
        return f"{age.days} days ago"
    if age >= DAY:
        return "1 day ago"
    hours = int(age.total_seconds() // 3600)
    if hours >= 1:
        return f"{hours} hour{'s' if hours > 1 else ''} ago"
    return "less than an hour ago"


class AutoBackup(QObject):
    checked = Signal(object)
    """The last backup's time was read (a datetime, or None for never)."""
    backed_up = Signal(object)
    """A daily backup was kept (its BackupResult)."""
    failed = Signal(str)

    def __init__(self, context: AppContext, label: QLabel, *, check_ms: int = CHECK_MS,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._label = label
        self._running = False
        self.last: dt.datetime | None = None
        self.problem: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        label.hide()

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        """Read the last backup's time and take the day's backup when it is due."""
        if self._context.store.closed:
            return
        (self._context.store.op(self, _last_backup, key=LAST_KEY,
                                what="read when the case database was last backed up")
         .success(self._on_last_read).failure(lambda _error: None).run())

    def due(self) -> bool:
        return self.last is None or self._context.clock() - self.last >= DAY

    def _on_last_read(self, last: dt.datetime | None) -> None:
        self.last = last
        self._show()
        emit(self.checked, last)
        settings = self._context.settings
        folder = workstation.backup_folder(settings)
        signed_in = self._context.session.current
        if (self.due() and folder is not None and workstation.daily_backup(settings)
                and signed_in is not None and not self._running):
            if not folder.is_dir():
                self._on_backup_failed(FileNotFoundError(
                    f"the backup folder {folder} is not there (a drive not connected?)"))
                return
            self._back_up(folder, signed_in)

    def _back_up(self, folder, signed_in) -> None:
        from reviewer_app.core.store.backup import backup

        self._running = True
        self._label.setText("Backing up the case database…")
        self._label.show()
        (self._context.store.op(
            self, lambda store: backup(store, folder, by=signed_in.id,
                                       signer=signed_in.unlocked),
            key=RUN_KEY, what="back up the case database")
         .success(self._on_backed_up).failure(self._on_backup_failed).run())

    def _on_backed_up(self, result: BackupResult) -> None:
        self._running = False
        self.problem = None
        self.last = self._context.clock()
        self._show()
        emit(self.backed_up, result)

    def _on_backup_failed(self, error: Exception) -> None:
        from reviewer_app.ui.operations.failures import describe_failure

        self._running = False
        if isinstance(error, FileNotFoundError):
            self.problem = str(error)
        else:
            failure = describe_failure(error)
            self.problem = " ".join(failure.lines) or failure.summary
        self._show()
        emit(self.failed, self.problem)

    def _show(self) -> None:
        label = self._label
        now = self._context.clock()
        if self.problem:
            label.setText(f"⚠ The daily backup failed: {self.problem}")
        elif self.due():
            label.setText(f"⚠ Last backup: {describe_age(self.last, now)} "
                          "(File › Settings › This workstation)")
        else:
            label.hide()
            return
        label.setToolTip("Back up the case database at least once a day: File › Settings, "
                         "This workstation (a folder and the daily backup, or Back up now)")
        label.show()

    def _on_timer_timeout(self) -> None:
        self.check()
