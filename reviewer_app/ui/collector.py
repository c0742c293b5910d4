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
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is crossed (with the younger ones);
        returns the generation collected, -1 when none was due."""
        first, second, third = self._thresholds
        young, middle, old = gc.get_count()
        if young <= first:
            return -1
        generation = 2 if old > third else 1 if middle > second else 0
        gc.collect(generation)
        return generation

    def stop(self) -> None:
        """Give collection back to Python (the application is quitting)."""
        self._timer.stop()
        gc.enable()


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    collector = GuiThreadCollector(app)
    app.aboutToQuit.connect(collector.stop)
    return collector
