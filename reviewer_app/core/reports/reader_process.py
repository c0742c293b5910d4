"""The report reader in a process of its own, for the window.

Loading the reader (medspaCy) makes about 220,000 Python objects, 50,000 of them garbage
cycles. In the window's process that load shared one interpreter with the GUI thread, and the
collections it caused ran there (the GUI thread alone collects, ``ui/collector.py``): frames of
40 to 150 ms in the first seconds on the imaging page (``make bench``, intake rows). In a child
process the window's interpreter only waits on a pipe, on a worker thread, and the load runs on
the machine's other core.

One child, started from a fresh interpreter (``spawn``: a fork of a process running Qt threads
is unsafe) on first use, loads the reader once and serves every reading; it stops with the
window's process. The report text goes to it through a pipe and nowhere else (no file). The
command line reads in its own process as before (:func:`~.reader.read_report`).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewer_app.core.reports.propose import ReportReading

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


class ReaderStoppedError(RuntimeError):
    """The reader's process ended before answering (killed, or out of memory)."""

    def __init__(self) -> None:
        super().__init__("The report reader stopped unexpectedly; press Suggest to read the "
                         "report again.")


NICENESS = 10
"""The reader's process runs below the window's priority: on a 2-core workstation its 1-2 s
load otherwise competed with the GUI thread for the CPU (frames of the live panel 10-20 ms
longer at p95 while it loaded, ``make bench``)."""


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        os.nice(NICENESS)


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=1,
                                        mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_lower_priority)
        return _pool


def _in_child(name: str, *args: object) -> object:
    """Runs in the reader's process: only it imports the reader (its rules and models)."""
    from reviewer_app.core.reports import reader

    return getattr(reader, name)(*args)


def _call(name: str, *args: object) -> Any:
    """``reader.name(*args)`` in the reader's process; blocks the calling (worker) thread."""
    global _pool
    pool = _executor()
    try:
        return pool.submit(_in_child, name, *args).result()
    except BrokenProcessPool:
        with _lock:
            if _pool is pool:
                _pool = None  # the next call starts a new process
        pool.shutdown(wait=False, cancel_futures=True)
        raise ReaderStoppedError() from None


def warm_up() -> float:
    """Start the reader's process and load the reader there; the seconds the load took."""
    return _call("warm_up")


def read_report(text: str, modality: str, levels: Iterable[str]) -> ReportReading:
    """:func:`~.reader.read_report` in the reader's process."""
    return _call("read_report", text, modality, list(levels))


def stop() -> None:
    """End the reader's process (at exit; also for tests)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


atexit.register(stop)
