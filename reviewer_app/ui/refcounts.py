"""A reserve of references for ``None``, ``True`` and ``False`` against PySide6 6.12.0.

PySide6 6.12.0 drops one reference to ``None`` on every call of a Qt method that returns
nothing (``setText``, ``setEnabled``, ``setHtml``, ...) and on every ``None`` a Qt getter hands
back (``currentData()`` of an empty item), as it drops one to ``True`` on every
``SignalInstance.emit`` (:mod:`reviewer_app.ui.signals`). CPython 3.11 starts with about 5,000
references to ``None``: a window that updates a hundred labels per keystroke (the intake
wizard's live panel) reaches zero within minutes, and the interpreter aborts with "Fatal Python
error: none_dealloc: deallocating None". PySide6 6.11 does not drop them, but QtPdf ships as
its own wheel only from 6.12.0.

A correct program never frees these singletons, so references added to them can never leak
anything. When a probe shows that a void Qt call drops a reference, each of the three is given
2**40 more (one write of its reference count: the drops of 10**12 calls). From Python 3.12 the
singletons are immortal and their counts are left alone, as they are when nothing is dropped.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

RESERVE = 1 << 40
_PROBES = 64


def _count_field(obj: object) -> ctypes.c_ssize_t:
    """``ob_refcnt``, the first field of every CPython object."""
    return ctypes.c_ssize_t.from_address(id(obj))


def void_calls_drop_none() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


def keep_singletons_alive() -> bool:
    """Give ``None``, ``True`` and ``False`` their reserve if this PySide6 needs it; whether
    it did."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not void_calls_drop_none():
        return False
    for singleton in (None, True, False):
        field = _count_field(singleton)
        if field.value < RESERVE:
            field.value += RESERVE
    return True


PROTECTED = keep_singletons_alive()
