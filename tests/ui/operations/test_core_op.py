"""CoreOp runs a core call off the GUI thread and calls back on it."""

import threading

import pytest
from PySide6.QtCore import QObject

from reviewer_app.ui.operations import CoreOp

WAIT_MS = 5_000


@pytest.fixture
def owner(qapp):
    owner = QObject()
    yield owner
    owner.deleteLater()


def test_success_comes_back_on_the_gui_thread(qtbot, owner):
    gui = threading.get_ident()
    seen = []

    def work(value):
        return value * 2, threading.get_ident()

    def done(result):
        seen.append((result, threading.get_ident()))

    op = CoreOp(owner, work, 21).success(done)
    with qtbot.waitSignal(op.finished, timeout=WAIT_MS):
        op.run()

    [((value, worker), callback)] = seen
    assert value == 42
    assert worker != gui
    assert callback == gui


def test_failure_goes_to_the_failure_callback(qtbot, owner):
    errors = []

    def work():
        raise ValueError("bad input")

    op = CoreOp(owner, work).success(lambda _: pytest.fail("no result expected"))
    op.failure(errors.append)
    with qtbot.waitSignal(op.finished, timeout=WAIT_MS):
        op.run()

    [error] = errors
    assert isinstance(error, ValueError)
    assert str(error) == "bad input"


def test_a_failure_nobody_handles_is_raised(qtbot, owner):
    def work():
        raise RuntimeError("unhandled")

    op = CoreOp(owner, work)
    with qtbot.captureExceptions() as exceptions, qtbot.waitSignal(op.finished, timeout=WAIT_MS):
        op.run()

    assert [str(e[1]) for e in exceptions] == ["unhandled"]
