"""Turning one document into the rows an import writes: validation, evaluation, hashes.

This is the CPU-heavy part of an import (parsing ~0.1 ms, evaluating ~0.4 ms a case), so a big
import runs it in worker processes while the importing process only writes. Everything here is
a pure function of its arguments (the ids and the time are given, not read), which is what
lets a worker compute a row's hash before the row exists: the importer holds the write lock,
so the ids it hands out are the ones SQLite will store.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer_app.core.case import Case
from reviewer_app.core.case_file import CaseFileError, parse_case
from reviewer_app.core.criteria.evaluator import evaluate
from reviewer_app.core.criteria.library import Library
from reviewer_app.core.errors import Problem
from reviewer_app.core.store.rows import case_hash, new_case_row, record_hash


@dataclass(frozen=True)
class Prepared:
    """A valid document's case row and evaluation row, each with its content hash."""

    source: str
    external_id: str | None
    case_row: dict[str, Any]
    case_hash: str
    evaluation_row: dict[str, Any]
    evaluation_hash: str


@dataclass(frozen=True)
class Refused:
    """An invalid document (plain data, so it crosses process boundaries)."""

    source: str
    problems: list[Problem]

    def error(self) -> CaseFileError:
        return CaseFileError(self.source, self.problems)


def read_document(source: str, data: str | bytes) -> tuple[Case, str]:
    """Validate one document; the text is what will be stored (and exported) verbatim."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise CaseFileError(source, [Problem("(file)", "not UTF-8 text")]) from None
    return parse_case(data, source), data


def evaluation_row(evaluation_id: int, case_row: dict[str, Any], determination,
                   reviewer_id: int | None, now: str) -> dict[str, Any]:
    criteria_set = determination.criteria_set
    return {
        "id": evaluation_id,
        "case_id": case_row["id"],
        "case_version": case_row["version"],
        "outcome": determination.outcome,
        "criteria_set_id": criteria_set.id if criteria_set else None,
        "criteria_set_version": criteria_set.version if criteria_set else None,
        "criteria_set_sha256": criteria_set.sha256 if criteria_set else None,
        "determination": determination.model_dump_json(),
        "reviewer_id": reviewer_id,
        "created_at": now,
    }


def prepare(source: str, data: str | bytes, case_id: int, evaluation_id: int, now: str,
            reviewer_id: int | None = None, library: Library | None = None,
            ) -> Prepared | Refused:
    try:
        case, text = read_document(source, data)
    except CaseFileError as error:
        return Refused(error.source, error.problems)
    row = {"id": case_id, **new_case_row(case, text, now)}
    case_ref = case.external_id or Path(source).name
    evaluation = evaluation_row(evaluation_id, row, evaluate(case, case_ref, library),
                                reviewer_id, now)
    return Prepared(source, case.external_id, row, case_hash(row), evaluation,
                    record_hash("evaluations", evaluation))


_PR_SET_PDEATHSIG = 1
"""``prctl`` option (linux/prctl.h): the signal this process gets when its parent dies."""


def die_with_parent(parent: int) -> None:
    """The initializer of every import worker: it ends when the importing process does.

    A worker outliving a killed import (``kill -9``) would keep running, and keep the
    multiprocessing resource tracker alive with it, so the semaphores of the pool would stay
    in ``/dev/shm``. On Linux the kernel sends SIGKILL at the parent's death
    (``prctl(PR_SET_PDEATHSIG)``; the pool starts its workers from the importing thread, which
    is the one whose exit counts); elsewhere a thread notices the new parent id. A parent
    that died before this ran is seen at once.
    """
    watched = False
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    if os.getppid() != parent:
        os._exit(1)
    if not watched:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                         name="watch-parent").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def prepare_chunk(items: list[tuple[str, str | bytes]], first_case_id: int,
                  first_evaluation_id: int, now: str, reviewer_id: int | None,
                  ) -> list[Prepared | Refused]:
    """:func:`prepare` for consecutive documents (what a worker process runs)."""
    return [
        prepare(source, data, first_case_id + offset, first_evaluation_id + offset, now,
                reviewer_id)
        for offset, (source, data) in enumerate(items)
    ]
