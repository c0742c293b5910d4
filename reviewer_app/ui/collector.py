"""Python's cyclic garbage collector, run on the GUI thread only.

A Qt object must be destroyed on the thread it lives in. Python's collector runs on whichever
thread happens to allocate when a generation's threshold is crossed: a store operation on the
database thread or a letter check on the thread pool (pyHanko's validation allocates a great
deal) then frees an unreachable wrapper of a window's object there, and Qt says "Timers cannot
be stopped from another thread" and may crash. Seen: one run in three of
``tools/screenshots_decisions.py`` died with SIGSEGV, the collector running on the thread that
verified a letter. So automatic collection is turned off, and a timer on the GUI thread
collects the generations whose thresholds were crossed, as the collector itself would have.
Reference counting still frees everything not in a cycle at once, on any thread, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250
"""How often the GUI thread looks at the collector's counts: cycles wait at most this long."""


class GuiThreadCollector(QObject):
    """Owns the collector while the application runs (parent it to the application)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._old_after_full = len(gc.get_objects(2))
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is crossed (with the younger ones);
        returns the generation collected, -1 when none was due.

        A full collection also waits, as CPython's own does, until the objects that reached
        the oldest generation since the last one are a quarter of those that were there: a
        window's full pass takes about 20-30 ms (PySide's wrappers are slow to traverse), which
        every tenth middle collection would otherwise spend in the middle of typing."""
        first, second, third = self._thresholds
        young, middle, old = gc.get_count()
        if young <= first:
            return -1
        generation = 1 if middle > second else 0
        if generation == 1 and old > third:
            pending = len(gc.get_objects(2)) - self._old_after_full
            if pending > self._old_after_full // 4:
                generation = 2
        gc.collect(generation)
        if generation == 2:
            self._old_after_full = len(gc.get_objects(2))
        return generation

    def stop(self) -> None:
        """Give collection back to Python (the application is quitting)."""
        self._timer.stop()
        gc.enable()


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    collector = GuiThreadCollector(app)
    app.aboutToQuit.connect(collector.stop)
    return collector
