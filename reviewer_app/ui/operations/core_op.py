"""Core calls run on the global thread pool; results come back on the GUI thread.

Modelled on Anki's ``CollectionOp``::

    CoreOp(self, open_case, path).success(self._show).failure(self._report).run()

Widgets never call slow core functions directly. The callbacks run on the GUI thread through
a queued signal: the op is a QObject living on the GUI thread, so Qt delivers the worker's
emission through the event loop.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reviewer_app.ui.signals import emit


class _TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], signals: _TaskSignals):
        super().__init__()
        self._fn = fn
        self._args = args
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as error:
            signal, value = self._signals.failed, error
        else:
            signal, value = self._signals.succeeded, result
        # The window that started the op may have closed meanwhile, deleting the signals.
        with contextlib.suppress(RuntimeError):
            emit(signal, value)


class CoreOp(QObject):
    """One call of ``fn(*args)`` off the GUI thread. Without a failure callback, errors raise."""

    finished = Signal()

    def __init__(self, parent: QObject, fn: Callable[..., Any], *args: Any):
        super().__init__(parent)
        self._fn = fn
        self._args = args
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._signals = _TaskSignals(self)
        self._signals.succeeded.connect(self._on_task_succeeded)
        self._signals.failed.connect(self._on_task_failed)

    def success(self, callback: Callable[[Any], None]) -> CoreOp:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> CoreOp:
        self._on_failure = callback
        return self

    def run(self) -> CoreOp:
        QThreadPool.globalInstance().start(_Task(self._fn, self._args, self._signals))
        return self

    @Slot(object)
    def _on_task_succeeded(self, result: Any) -> None:
        try:
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self._finish()

    @Slot(object)
    def _on_task_failed(self, error: Exception) -> None:
        try:
            if self._on_failure is None:
                raise error
            self._on_failure(error)
        finally:
            self._finish()

    def _finish(self) -> None:
        emit(self.finished)
        self.deleteLater()
