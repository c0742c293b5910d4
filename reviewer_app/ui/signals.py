"""``emit(signal, *args)``: emit a Qt signal from Python, safe from PySide6 6.12.0's refcount bug.

PySide6 6.12.0's ``SignalInstance.emit`` returns ``True`` without owning a reference to it.
Where ``True`` is not immortal (CPython 3.11), every emit from Python drops one reference, and
after a few thousand the interpreter aborts: "Fatal Python error: bool_dealloc: deallocating
True or False". PySide6 6.11.3 is not affected; emits from C++ (timers, widgets) are not
either. Whether ``emit`` drops the reference is measured once, on a probe signal, and
:func:`emit` gives it back only where it is missing, so a fixed PySide6 costs nothing.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_drops_its_result() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        result = probe.ping.emit()
        del result
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _incref(True)
    return lost >= _PROBES


EMIT_DROPS_ITS_RESULT = _emit_drops_its_result()


def emit(signal: SignalInstance, *args: Any) -> None:
    result = signal.emit(*args)
    if EMIT_DROPS_ITS_RESULT:
        _incref(result)
