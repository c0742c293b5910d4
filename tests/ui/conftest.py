"""Fixtures of the GUI tests. Qt warnings fail a test (pytest-qt's ``qt_log_level_fail``), so
"QThread: Destroyed while thread is still running" and friends cannot slip through."""

import pytest
from support.uikit import make_context

QT_NOISE = ["This plugin does not support propagateSizeHints",
            "This plugin does not support raise"]
"""The offscreen platform's own warnings whenever a top-level window is shown or raised."""


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/ui/" in item.path.as_posix():
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_NOISE))


@pytest.fixture(autouse=True, scope="session")
def collector_on_gui_thread(qapp):
    """As ``create_application`` does: Python's cyclic collector runs on the GUI thread only,
    so a window's object is never freed on the database thread (ui/collector.py)."""
    from reviewer_app.ui.collector import collect_on_gui_thread

    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()


@pytest.fixture
def ui_context(tmp_path, qapp):
    """An application context with throw-away settings and database, and a fixed clock."""
    context = make_context(tmp_path)
    yield context
    context.close()


@pytest.fixture
def problems(monkeypatch):
    """Error messages the window would have shown, as (summary, lines)."""
    from reviewer_app.ui.widgets.problems_message import ProblemsMessage

    shown = []

    def record(cls, parent, title, summary, lines):
        shown.append((summary, lines))

    monkeypatch.setattr(ProblemsMessage, "show_problems", classmethod(record))
    return shown


@pytest.fixture
def team_context(tmp_path, qapp):
    """A context on a database with its organization CA, Dana Whitfield, RN and Sam Okoye, MD
    (both with storekit's passphrase) and the seed case (sessionkit.team_database)."""
    from sessionkit import team_database

    team_database(tmp_path / "cases.sqlite3")
    context = make_context(tmp_path)
    yield context
    context.close()
