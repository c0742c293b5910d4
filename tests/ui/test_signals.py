"""Emitting from Python must not use up references to ``True`` (PySide6 6.12.0 drops one per
``SignalInstance.emit``; on CPython 3.11 the interpreter aborts after a few thousand)."""

import gc
import sys

from PySide6.QtCore import QObject, Signal

from reviewer_app.ui.signals import emit

EMITS = 20_000
"""More than the references ``True`` has in this process, so the bug would abort the run."""


class Source(QObject):
    plain = Signal()
    valued = Signal(object)


def test_emit_keeps_the_references_of_true_and_false(qapp):
    source = Source()
    received = []
    source.valued.connect(received.append)
    gc.collect()
    gc.disable()  # freeing garbage that holds True would change the count too
    try:
        before = sys.getrefcount(True), sys.getrefcount(False)
        for n in range(EMITS):
            emit(source.plain)
            emit(source.valued, n)
    finally:
        gc.enable()

    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
    assert len(received) == EMITS


def test_the_window_emits_only_through_the_safe_helper():
    """A direct ``.emit(`` anywhere in the GUI would bring the abort back."""
    from pathlib import Path

    import reviewer_app.ui as ui

    root = Path(ui.__file__).parent
    direct = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if path.name != "signals.py" and "forms" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".emit(" in line
    ]
    assert direct == [], "use reviewer_app.ui.signals.emit(signal, *args)"


def test_void_qt_calls_cannot_use_up_none(qapp):
    """PySide6 6.12.0 loses a reference to None on every call of a method without a result;
    on CPython 3.11 the singletons are given enough to outlast any session."""
    from PySide6.QtWidgets import QLabel

    from reviewer_app.ui import signals

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(EMITS):
        label.setText("x")
    lost = before - sys.getrefcount(None)
    if lost >= EMITS and sys.version_info < (3, 12):
        assert signals.SINGLETONS_KEPT
        assert sys.getrefcount(None) > 1 << 39
