"""StoreOp: every op on one database thread that owns the connection, callbacks on the GUI
thread, latest request wins, a default failure dialog, one change broadcast per case."""

import sqlite3
import threading

import pytest
from PySide6.QtCore import QObject, QThread
from support.uikit import WAIT_MS

from reviewer_app.core.case_file import CaseFileError
from reviewer_app.core.errors import Problem
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import UnknownCaseError


@pytest.fixture
def owner(qapp):
    owner = QObject()
    yield owner
    owner.deleteLater()


@pytest.fixture
def store(ui_context):
    return ui_context.store


@pytest.fixture
def broadcast(ui_context):
    announced = []
    ui_context.changes.case_changed.connect(announced.append)
    return announced


def run(qtbot, op):
    with qtbot.waitSignal(op.finished, timeout=WAIT_MS):
        op.run()


def test_fn_runs_on_the_database_thread_and_the_result_comes_back_on_the_gui_thread(
    qtbot, store, owner, qapp
):
    seen = []

    def where(db):
        return QThread.currentThread(), threading.get_ident(), db

    def done(result):
        seen.append((result, QThread.currentThread(), threading.get_ident()))

    for _ in range(2):
        run(qtbot, store.op(owner, where).success(done))

    [((worker, worker_ident, first), gui, gui_ident), ((again, again_ident, second), _, _)] = seen
    assert gui is qapp.thread()
    assert gui_ident == threading.get_ident()
    assert worker is store and worker is not gui
    assert worker_ident != gui_ident
    assert (again, again_ident) == (worker, worker_ident)
    assert isinstance(first, Store) and second is first


def test_the_connection_belongs_to_the_database_thread(qtbot, store, owner):
    opened = []
    run(qtbot, store.op(owner, lambda db: db).success(opened.append))

    [db] = opened
    with pytest.raises(sqlite3.ProgrammingError, match="thread"):
        db.conn.execute("SELECT 1")


def test_the_database_is_opened_on_first_use_and_closed_on_that_thread_at_shutdown(
    qtbot, ui_context, owner, monkeypatch
):
    closed = []
    close = Store.close

    def recording_close(self):
        closed.append(threading.get_ident())
        close(self)

    monkeypatch.setattr(Store, "close", recording_close)
    assert not ui_context.database_path.exists()
    assert not ui_context.store.isRunning()
    idents = []
    run(qtbot, ui_context.store.op(owner, lambda db: threading.get_ident()).success(idents.append))
    assert ui_context.database_path.exists()

    ui_context.close()

    assert not ui_context.store.isRunning()
    assert closed == idents
    with pytest.raises(RuntimeError, match="closed"):
        ui_context.store.op(owner, lambda db: None).run()


def test_ops_submitted_before_shutdown_still_run(qtbot, ui_context, owner):
    ran = []
    for n in range(3):
        ui_context.store.op(owner, lambda db, n=n: ran.append(n)).run()

    ui_context.close()

    assert ran == [0, 1, 2]


def blocker(qtbot, store, owner):
    """An op that holds the database thread until the returned event is set."""
    started, release = threading.Event(), threading.Event()

    def hold(db):
        started.set()
        release.wait(WAIT_MS / 1000)

    store.op(owner, hold).run()
    assert started.wait(WAIT_MS / 1000)
    return release


def test_a_superseded_op_that_already_ran_has_its_callbacks_dropped(qtbot, store, owner, problems):
    started, release = threading.Event(), threading.Event()
    ran, results = [], []

    def slow(db):
        started.set()
        release.wait(WAIT_MS / 1000)
        ran.append("first")
        return "first"

    first = store.op(owner, slow, key="open-case").success(results.append).run()
    assert started.wait(WAIT_MS / 1000)
    second = store.op(owner, lambda db: ran.append("second") or "second", key="open-case")
    second.success(results.append)
    with qtbot.waitSignals([first.finished, second.finished], timeout=WAIT_MS):
        second.run()
        release.set()

    assert ran == ["first", "second"]
    assert results == ["second"]
    assert problems == []


def test_a_superseded_op_that_has_not_started_is_skipped(qtbot, store, owner, problems):
    release = blocker(qtbot, store, owner)
    ran, results = [], []

    def work(name, fail=False):
        def fn(db):
            ran.append(name)
            if fail:
                raise UnknownCaseError("there is no case 9")
            return name
        return fn

    ops = [
        store.op(owner, work("a", fail=True), key="page").success(results.append),
        store.op(owner, work("b"), key="page").success(results.append),
        store.op(owner, work("other key"), key="other").success(results.append),
        store.op(owner, work("no key")).success(results.append),
        store.op(owner, work("c"), key="page").success(results.append),
    ]
    with qtbot.waitSignals([op.finished for op in ops], timeout=WAIT_MS):
        for op in ops:
            op.run()
        release.set()

    assert ran == ["other key", "no key", "c"]
    assert results == ["other key", "no key", "c"]
    assert problems == []


def test_the_same_key_under_another_parent_is_another_request(qtbot, store, owner, qapp):
    other = QObject()
    release = blocker(qtbot, store, owner)
    results = []
    ops = [
        store.op(owner, lambda db: "mine", key="open-case").success(results.append),
        store.op(other, lambda db: "theirs", key="open-case").success(results.append),
    ]
    with qtbot.waitSignals([op.finished for op in ops], timeout=WAIT_MS):
        for op in ops:
            op.run()
        release.set()
    other.deleteLater()

    assert results == ["mine", "theirs"]


def test_without_a_failure_callback_the_problems_dialog_names_what_failed(
    qtbot, store, owner, problems
):
    def missing(db):
        raise UnknownCaseError("there is no case 9 (see `cases` for the queue)")

    run(qtbot, store.op(owner, missing, what="open case 9"))

    [(summary, lines)] = problems
    assert summary.startswith("Could not open case 9.")
    assert lines == ["there is no case 9 (see `cases` for the queue)"]


def test_an_invalid_file_is_reported_line_by_line(qtbot, store, owner, problems):
    def invalid(db):
        raise CaseFileError("bad.json", [Problem("urgency", "Input should be 'standard'")])

    run(qtbot, store.op(owner, invalid, what="import bad.json"))

    [(summary, lines)] = problems
    assert "not valid" in summary
    assert lines == ["bad.json: urgency: Input should be 'standard'"]


def test_an_internal_error_is_shown_and_raised(qtbot, store, owner, problems):
    def bug(db):
        raise ZeroDivisionError("division by zero")

    with qtbot.captureExceptions() as exceptions:
        run(qtbot, store.op(owner, bug, what="count cases"))

    [(summary, lines)] = problems
    assert "internal error" in summary
    assert lines == ["ZeroDivisionError: division by zero"]
    assert [type(e[1]) for e in exceptions] == [ZeroDivisionError]


def test_a_failure_callback_replaces_the_dialog(qtbot, store, owner, problems):
    errors = []

    def missing(db):
        raise UnknownCaseError("there is no case 9")

    run(qtbot, store.op(owner, missing).failure(errors.append))

    assert [str(e) for e in errors] == ["there is no case 9"]
    assert problems == []


def test_a_database_that_cannot_be_opened_fails_the_op_and_the_next_op_tries_again(
    qtbot, ui_context, owner, problems
):
    ui_context.database_path.mkdir()
    run(qtbot, ui_context.store.op(owner, lambda db: None, what="show the queue"))
    ui_context.database_path.rmdir()
    results = []
    run(qtbot, ui_context.store.op(owner, lambda db: "opened").success(results.append))

    [(summary, lines)] = problems
    assert summary.startswith("Could not show the queue.")
    assert lines == [f"{ui_context.database_path} is a folder, not a case database file"]
    assert results == ["opened"]


def test_a_change_is_announced_once_after_success_and_before_the_callback(
    qtbot, ui_context, store, owner, broadcast
):
    order = []
    ui_context.changes.case_changed.connect(lambda case_id: order.append(("changed", case_id)))
    run(qtbot, store.op(owner, lambda db: 7).announces(7).success(lambda r: order.append(r)))
    run(qtbot, store.op(owner, lambda db: [3, 4, 3]).announces(lambda ids: ids))
    run(qtbot, store.op(owner, lambda db: None))

    assert broadcast == [7, 3, 4]
    assert order[:2] == [("changed", 7), 7]


def test_a_failed_op_announces_nothing(qtbot, store, owner, broadcast, problems):
    def refused(db):
        raise UnknownCaseError("there is no case 7")

    run(qtbot, store.op(owner, refused).announces(7))

    assert broadcast == []


def test_a_superseded_op_still_announces_its_change(qtbot, store, owner, broadcast):
    started, release = threading.Event(), threading.Event()

    def slow(db):
        started.set()
        release.wait(WAIT_MS / 1000)
        return 1

    first = store.op(owner, slow, key="open-case").announces(lambda case_id: case_id).run()
    assert started.wait(WAIT_MS / 1000)
    second = store.op(owner, lambda db: 2, key="open-case").announces(lambda case_id: case_id)
    with qtbot.waitSignals([first.finished, second.finished], timeout=WAIT_MS):
        second.run()
        release.set()

    assert broadcast == [1, 2]


def test_an_op_whose_parent_is_gone_calls_nothing_back_but_still_announces(
    qtbot, ui_context, store, broadcast
):
    parent = QObject()
    results = []
    release = blocker(qtbot, store, parent)
    store.op(parent, lambda db: 5).announces(5).success(results.append).run()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=WAIT_MS)
    release.set()

    qtbot.waitUntil(lambda: broadcast == [5], timeout=WAIT_MS)
    assert results == []


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
