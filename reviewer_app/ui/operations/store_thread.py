"""The one thread that talks to the case database.

A SQLite connection belongs to the thread that opened it (sqlite3's ``check_same_thread``), and
one writer at a time is all SQLite allows anyway, so every :class:`StoreOp` runs here, in the
order submitted, on one :class:`~reviewer_app.core.store.database.Store` that this thread opens
on its first op (creating the file if there is none yet, as ``import`` does) and closes when it
stops. When opening fails (a newer schema, a folder in the way) that op fails with the reason,
and the next op tries again. The thread itself starts with the first op, so a
window that never touches the store costs nothing.

Results travel back through a queued signal: the ``StoreThread`` object lives on the GUI thread,
so Qt delivers what ``run()`` emits through the GUI's event loop.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from reviewer_app.ui.changes import CaseChanges
from reviewer_app.ui.operations.store_op import StoreOp
from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store

_STOP = object()
_SKIPPED = object()
"""Stands for the error of an op that was superseded before it started."""


class StoreThread(QThread):
    _op_done = Signal(object, object, object)
    """(op, result, error) from the database thread to the GUI thread."""

    def __init__(
        self,
        path: Path,
        changes: CaseChanges,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("store")
        self.path = path
        self._changes = changes
        self._clock = clock
        self._ops: queue.SimpleQueue = queue.SimpleQueue()
        self._latest: dict[tuple[int, str], StoreOp] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._op_done.connect(self._on_op_done)

    def op(
        self,
        parent: QObject,
        fn: Callable[[Store], Any],
        *,
        key: str | None = None,
        what: str = "use the case database",
    ) -> StoreOp:
        """A :class:`StoreOp` on this thread (call ``.run()`` on it)."""
        return StoreOp(self, parent, fn, key=key, what=what)

    def submit(self, op: StoreOp) -> None:
        if self._closed:
            raise RuntimeError("the case database was closed: no more operations")
        if op.scope is not None:
            with self._lock:
                self._latest[op.scope] = op
        self._ops.put(op)
        if not self.isRunning():
            self.start()

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Run what was submitted, close the connection and stop; later ops are refused."""
        if self._closed:
            return
        self._closed = True
        if self.isRunning():
            self._ops.put(_STOP)
            self.wait()

    def _is_current(self, op: StoreOp) -> bool:
        if op.scope is None:
            return True
        with self._lock:
            return self._latest.get(op.scope) is op

    def run(self) -> None:
        store: Store | None = None
        try:
            while (op := self._ops.get()) is not _STOP:
                if not self._is_current(op):
                    emit(self._op_done, op, None, _SKIPPED)
                    continue
                try:
                    if store is None:
                        store = self._open()
                    result = op.fn(store)
                except Exception as error:
                    emit(self._op_done, op, None, error)
                else:
                    emit(self._op_done, op, result, None)
        finally:
            if store is not None:
                store.close()

    def _open(self) -> Store:
        # Imported here: sqlite-utils costs ~60 ms, paid on this thread rather than at start-up.
        from reviewer_app.core.store.database import Store

        return Store.open(self.path, clock=self._clock)

    @Slot(object, object, object)
    def _on_op_done(self, op: StoreOp, result: Any, error: Any) -> None:
        current = self._is_current(op)
        if current and op.scope is not None:
            with self._lock:
                del self._latest[op.scope]
        if error is _SKIPPED:
            if shiboken6.isValid(op):
                op.deliver(None, None, current=False)
            return
        if error is None:
            try:
                announced = op.announced(result)
            except Exception as bug:
                error, announced = bug, ()
            for case_id in announced:
                emit(self._changes.case_changed, case_id)
        if shiboken6.isValid(op):
            op.deliver(result, error, current=current)
