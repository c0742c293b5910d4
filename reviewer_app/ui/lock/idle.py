"""How long the reviewer has left the application alone.

An application-wide event filter notes the time of every key press, click, mouse movement,
wheel turn and touch (as the events reach the windows, before any widget sees them); a
single-shot timer wakes at the earliest moment the idle period could be over, and either says
so (``timed_out``) or sleeps again for what is left. The filter does no more than store a
number per input event, so it costs nothing noticeable while scrolling or typing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

from reviewer_app.ui.signals import emit

DEFAULT_IDLE_MINUTES = 10
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    timed_out = Signal()
    """Nothing was typed or clicked for the whole idle period (the watcher has stopped)."""

    def __init__(self, *, idle_ms: int = DEFAULT_IDLE_MINUTES * 60_000,
                 now: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self._idle_ms = idle_ms
        self._now = now
        self._last = now()
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        """A coarse timer may wake up to 5% late: 30 s on a 10-minute period."""
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def idle_ms(self) -> int:
        return self._idle_ms

    @property
    def watching(self) -> bool:
        return self._watching

    def set_idle_ms(self, idle_ms: int) -> None:
        """A new idle period, counted from the last input (takes effect at once)."""
        self._idle_ms = max(int(idle_ms), 1)
        if self._watching:
            self._schedule()

    def start(self) -> None:
        """Count from now."""
        self._last = self._now()
        if not self._watching:
            QCoreApplication.instance().installEventFilter(self)
            self._watching = True
        self._schedule()

    def stop(self) -> None:
        if self._watching:
            QCoreApplication.instance().removeEventFilter(self)
            self._watching = False
        self._timer.stop()

    def idle_seconds(self) -> float:
        return self._now() - self._last

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last = self._now()
        return False

    def _schedule(self) -> None:
        left_ms = self._idle_ms - int(self.idle_seconds() * 1000)
        self._timer.start(max(left_ms, 0))

    def _on_timer_timeout(self) -> None:
        if not self._watching:
            return
        if self.idle_seconds() * 1000 + 1 >= self._idle_ms:
            self.stop()
            emit(self.timed_out)
        else:
            self._schedule()
