"""The application context: the database found as the command line finds it, opened only when
first used, the shipped criteria, nobody signed in, and one clock for screen and store."""

import pytest
from PySide6.QtCore import QObject, QSettings
from support.uikit import UI_NOW, WAIT_MS, make_context, reading

from reviewer_app.core.criteria.library import default_library
from reviewer_app.core.store import audit, location
from reviewer_app.core.store.rows import utc_text
from reviewer_app.ui.case.snapshot import import_file
from reviewer_app.ui.context import AppContext


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def created(qapp):
    contexts = []

    def create(*args, **kwargs):
        contexts.append(AppContext.create(*args, **kwargs))
        return contexts[-1]

    yield create
    for context in contexts:
        context.close()


def test_the_database_is_the_one_the_command_line_would_use(
    created, settings, tmp_path, monkeypatch
):
    monkeypatch.delenv(location.ENV_VAR, raising=False)
    assert created(settings=settings).database_path == location.default_path()
    monkeypatch.setenv(location.ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert created(settings=settings).database_path == tmp_path / "env.sqlite3"
    explicit = created(tmp_path / "explicit.sqlite3", settings=settings)
    assert explicit.database_path == tmp_path / "explicit.sqlite3"


def test_creating_a_context_opens_nothing(created, settings, tmp_path):
    context = created(tmp_path / "cases.sqlite3", settings=settings)

    assert not context.database_path.exists()
    assert not context.store.isRunning()
    context.close()
    assert not context.database_path.exists()


def test_the_context_carries_the_library_settings_and_nobody_signed_in(created, settings):
    context = created(settings=settings)

    assert context.library is default_library()
    assert context.settings is settings
    assert context.reviewer is None and context.reviewer_id is None
    assert context.changes.case_changed is not None


def test_the_store_keeps_time_by_the_context_clock(qtbot, tmp_path, seed_case_path):
    context = make_context(tmp_path)
    owner = QObject()
    try:
        op = context.store.op(owner, lambda store: import_file(store, seed_case_path))
        with qtbot.waitSignal(op.finished, timeout=WAIT_MS):
            op.run()
    finally:
        context.close()
    with reading(context.database_path) as store:
        entries = audit.entries(store, case_id=1)
    assert entries and {entry.at for entry in entries} == {utc_text(UI_NOW)}
