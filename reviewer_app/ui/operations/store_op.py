"""``StoreOp``: one function of the case store, run on the database thread.

::

    context.store.op(self, lambda store: load_snapshot(store, 12), key="open-case",
                     what="open case 12").success(self._show).run()

Semantics, all on the GUI thread except ``fn``:

- ``fn(store)`` runs on the one :class:`~reviewer_app.ui.operations.store_thread.StoreThread`,
  after every op submitted before it (first in, first out), with the thread's own connection.
- ``success(result)`` or ``failure(error)`` runs on the GUI thread; without a failure callback,
  the problems dialog names what failed (:func:`describe_failure`), and an internal error is
  raised as well, for its traceback.
- "Latest request wins": ops with the same ``key`` and the same ``parent`` supersede each
  other. A superseded op that has not started is skipped (its ``fn`` never runs); one already
  running finishes, but neither of its callbacks is called. Give a key only to ops whose
  superseded runs may be dropped (opening a case, reading a page), never to a decision.
- ``announces(case_id)`` (or a function of the result giving an id or ids) broadcasts
  ``case_changed`` once per case when ``fn`` succeeded, even for a superseded op (the change is
  in the store all the same), and before the op's own callbacks.
- ``finished`` is emitted last, whatever happened; then the op deletes itself. An op is a child
  of ``parent``: when the parent is destroyed first, nothing of the op is called back (the
  change is still announced).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.operations.failures import describe_failure
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.problems_message import ProblemsMessage

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store
    from reviewer_app.ui.operations.store_thread import StoreThread

Announced = int | Iterable[int] | None


def _ids(value: Announced) -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, int):
        return (value,)
    return tuple(dict.fromkeys(value))


class StoreOp(QObject):
    finished = Signal()

    def __init__(
        self,
        thread: StoreThread,
        parent: QObject,
        fn: Callable[[Store], Any],
        *,
        key: str | None = None,
        what: str = "use the case database",
    ):
        super().__init__(parent)
        self.fn = fn
        self.key = key
        self.what = what
        """What the op does, as the failure message says it: "Could not <what>"."""
        self._thread = thread
        self._scope = (id(parent), key) if key is not None else None
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._announces: Callable[[Any], Announced] = lambda _result: None

    def success(self, callback: Callable[[Any], None]) -> StoreOp:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> StoreOp:
        self._on_failure = callback
        return self

    def announces(self, cases: int | Callable[[Any], Announced]) -> StoreOp:
        """The case(s) this op changes: an id, or a function of ``fn``'s result."""
        self._announces = cases if callable(cases) else (lambda _result: cases)
        return self

    def run(self) -> StoreOp:
        self._thread.submit(self)
        return self

    @property
    def scope(self) -> tuple[int, str] | None:
        return self._scope

    def announced(self, result: Any) -> tuple[int, ...]:
        return _ids(self._announces(result))

    def deliver(self, result: Any, error: Exception | None, *, current: bool) -> None:
        """Called by the thread, on the GUI thread; ``current`` False drops the callbacks."""
        try:
            if not current:
                return
            if error is None:
                if self._on_success is not None:
                    self._on_success(result)
            elif self._on_failure is not None:
                self._on_failure(error)
            else:
                self._show_failure(error)
        finally:
            emit(self.finished)
            self.deleteLater()

    def _show_failure(self, error: Exception) -> None:
        failure = describe_failure(error)
        parent = self.parent()
        widget = parent if isinstance(parent, QWidget) else None
        ProblemsMessage.show_problems(
            widget, f"Could not {self.what}", f"Could not {self.what}. {failure.summary}",
            failure.lines,
        )
        if not failure.expected:
            raise error
