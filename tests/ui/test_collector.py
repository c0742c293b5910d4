"""Python's cyclic collector runs on the GUI thread only (ui/collector.py): a cycle made on a
worker thread is freed when the GUI thread's timer finds the threshold crossed."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QTimer


class _Cycle:
    def __init__(self):
        self.me = self


def test_a_windows_cycle_is_freed_on_the_gui_thread_not_on_a_worker(
        qtbot, collector_on_gui_thread):
    assert not gc.isenabled()
    owner = QObject()  # made here, on the GUI thread, as every window's object is
    owner.timer = QTimer(owner)
    cycle = _Cycle()
    cycle.owner = owner
    gone = weakref.ref(cycle)
    del cycle, owner

    def allocate() -> None:  # a store operation: far past generation 0's threshold
        for _ in range(50_000):
            _Cycle()

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert gone() is not None, "the worker collected nothing"
    qtbot.waitUntil(lambda: gone() is None, timeout=5_000)


def test_a_due_generation_is_collected_and_none_otherwise(collector_on_gui_thread):
    gc.collect()
    assert collector_on_gui_thread.collect_due() == -1
    first = gc.get_threshold()[0]
    keep = [_Cycle() for _ in range(first + 10)]
    assert collector_on_gui_thread.collect_due() >= 0
    del keep
