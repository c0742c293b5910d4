"""``emit(signal, *args)``: emit a Qt signal from Python, safe from PySide6 6.12.0's refcount bug.

PySide6 6.12.0's ``SignalInstance.emit`` returns ``True`` without owning a reference to it.
Where ``True`` is not immortal (CPython 3.11), every emit from Python drops one reference, and
after a few thousand the interpreter aborts: "Fatal Python error: bool_dealloc: deallocating
True or False". PySide6 6.11.3 is not affected; emits from C++ (timers, widgets) are not
either. Whether ``emit`` drops the reference is measured once, on a probe signal, and
:func:`emit` gives it back only where it is missing, so a fixed PySide6 costs nothing.

The same release returns ``None`` from *every* method without a C++ result (``setText``,
``setValue``, ``processEvents``, ...) without a reference either, and ``disconnect`` its
``True``/``False``: scrolling the queue through 100,000 cases makes enough such calls to abort
the interpreter ("deallocating None"), and a long working day would too. No call site can be
guarded, so where a probe shows the loss on CPython before 3.12, :data:`SINGLETONS_KEPT`
gives ``None``, ``True`` and ``False`` a reference count so large that it cannot run out, which
is what CPython 3.12 does for them (immortal objects). They are never freed anyway.
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

_KEPT = 1 << 40
"""References added to each singleton: 10^12, against about one lost per Qt call."""


def _keep_singletons() -> bool:
    """Immortalize ``None``, ``True`` and ``False`` where a void Qt call loses a ``None``."""
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return False
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    if before - sys.getrefcount(None) < _PROBES:
        return False
    for singleton in (None, True, False):
        # ob_refcnt is a PyObject's first field (CPython 3.11): what 3.12 sets for immortals
        ctypes.c_ssize_t.from_address(id(singleton)).value += _KEPT
    return True


SINGLETONS_KEPT = _keep_singletons()


def emit(signal: SignalInstance, *args: Any) -> None:
    result = signal.emit(*args)
    if EMIT_DROPS_ITS_RESULT:
        _incref(result)
