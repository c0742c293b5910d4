"""The daily automatic backup while the window runs, with a clock the test moves: taken at
sign-in when none is a day old, again once a day has passed (a timer looks), signed by the
signed-in reviewer; the status bar warns whenever the last backup is more than a day old."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from sessionkit import PASSPHRASE, signed_in_window, team_database
from support.uikit import UI_NOW, WAIT_MS, reading

from reviewer_app.core.store import audit
from reviewer_app.core.store.backup import last_backup
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.session.operations import sign_in
from reviewer_app.ui.settings import workstation
from reviewer_app.ui.settings.backups import AutoBackup


@dataclass
class Clock:
    now: datetime = UI_NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def moving_context(tmp_path, clock, qapp):
    team_database(tmp_path / "cases.sqlite3")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext.create(tmp_path / "cases.sqlite3", settings=settings, clock=clock)
    yield context
    context.close()


def copies(folder) -> list:
    return sorted(folder.iterdir())


def test_a_backup_a_day_while_the_window_runs(qtbot, moving_context, clock, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    workstation.save(moving_context.settings, idle=10, folder=folder, daily=True)
    with reading(moving_context.database_path) as store:
        moving_context.session.sign_in(sign_in(store, 1, PASSPHRASE))
    label = QLabel()
    qtbot.addWidget(label)
    label.show()
    backups = AutoBackup(moving_context, label, check_ms=50)
    with qtbot.waitSignal(backups.backed_up, timeout=WAIT_MS) as taken:
        backups.start()
    assert len(copies(folder)) == 1 and taken.args[0].path == copies(folder)[0]
    assert not label.isVisible()

    clock.now += timedelta(hours=23)
    with qtbot.waitSignal(backups.checked, timeout=WAIT_MS):
        pass
    assert len(copies(folder)) == 1  # not a day yet

    clock.now += timedelta(hours=2)
    with qtbot.waitSignal(backups.backed_up, timeout=WAIT_MS):
        pass  # the timer looked and found it due
    backups.stop()
    assert len(copies(folder)) == 2
    with reading(moving_context.database_path) as store:
        taken_by = [(e.reviewer_id, "sha256" in e.details) for e in audit.entries(store)
                    if e.action == "backup"]
        assert last_backup(store) == clock.now
        assert audit.verify_audit(store).ok
    assert taken_by == [(1, True), (1, False), (1, True), (1, False)]  # each with a checkpoint


def test_the_status_bar_warns_when_the_last_backup_is_over_a_day_old(qtbot, moving_context,
                                                                      clock, tmp_path):
    window, gate = signed_in_window(qtbot, moving_context)
    label = gate.backup_label
    qtbot.waitUntil(lambda: label.isVisible(), timeout=WAIT_MS)
    assert label.text() == "⚠ Last backup: never (File › Settings › This workstation)"

    folder = tmp_path / "backups"
    folder.mkdir()
    workstation.save(moving_context.settings, idle=10, folder=folder, daily=True)
    with qtbot.waitSignal(gate.backups.backed_up, timeout=WAIT_MS):
        gate.backups.check()
    assert not label.isVisible()

    workstation.save(moving_context.settings, idle=10, folder=folder, daily=False)
    clock.now += timedelta(days=3)
    with qtbot.waitSignal(gate.backups.checked, timeout=WAIT_MS):
        gate.backups.check()
    assert label.isVisible()
    assert label.text().startswith("⚠ Last backup: 3 days ago")
    assert len(copies(folder)) == 1

    gone = tmp_path / "unplugged"  # the folder went away (a disconnected drive)
    workstation.save(moving_context.settings, idle=10, folder=gone, daily=True)
    with qtbot.waitSignal(gate.backups.failed, timeout=WAIT_MS):
        gate.backups.check()
    assert label.text().startswith("⚠ The daily backup failed: ")
    assert label.text().endswith(f"the backup folder {gone} is not there (a drive not "
                                 "connected?)")
    assert not gone.exists()
    assert window.statusBar().isVisible()
