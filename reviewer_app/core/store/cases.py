"""Cases in the store: import (validate, evaluate, keep the exact text), view, export,
re-evaluation, and the reads the other store modules share.

The document is kept as the exact text that was imported, so ``export`` gives back the same
bytes and the request as received can always be shown to an auditor. Each import stores an
evaluation snapshot (the full determination with the criteria set's id, version and sha256),
so any past result can be reproduced against the same set.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context
from typing import Any

from reviewer_app.core.criteria.evaluator import evaluate
from reviewer_app.core.criteria.library import Library
from reviewer_app.core.store.audit import (
    AuditLog,
    case_stamp,
    check_case_intact,
    record_stamp,
)
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import ImportRefused, TamperedCaseError, UnknownCaseError
from reviewer_app.core.store.hashing import sha256_text
from reviewer_app.core.store.preparation import (
    Prepared,
    Refused,
    die_with_parent,
    evaluation_row,
    prepare,
    prepare_chunk,
    read_document,
)
from reviewer_app.core.store.records import CaseSummary, CaseView, Decision, Evaluation
from reviewer_app.core.store.reviewers import get_reviewer
from reviewer_app.core.store.rows import CASE_COLUMNS, EVALUATION_COLUMNS, insert_sql

_INSERT_CASE = insert_sql("cases", CASE_COLUMNS)
_INSERT_EVALUATION = insert_sql("evaluations", EVALUATION_COLUMNS)

IMPORT_CACHE_KIB = 262144
"""Page cache while importing (256 MiB, given back afterwards): a bulk import streams the new
rows through the cache, and with the default the index pages it keeps updating are evicted and
re-read; at 100,000 cases this alone is a third of the import time. SQLite allocates the cache
only as pages are used, so a small import costs no more memory."""

PARALLEL_FROM = 2000
"""Imports of at least this many documents are worth preparing in worker processes."""
CHUNK = 250


@dataclass(frozen=True)
class Imported:
    case_id: int
    source: str
    external_id: str | None
    outcome: str
    due_at: str


def import_documents(
    store: Store,
    documents: Iterable[tuple[str, str | bytes]],
    *,
    by: int | None = None,
    on_progress: Callable[[int], None] | None = None,
    library: Library | None = None,
    workers: int = 1,
    then: Callable[[Store], None] | None = None,
) -> list[Imported]:
    """Store every ``(source, text)`` document as a new draft case, evaluated, all or nothing.

    Every document is validated; if any is invalid, :class:`ImportRefused` lists the problems
    of all of them and the transaction is rolled back, so nothing is stored. The transaction
    holds the write lock for the whole import (readers carry on, in WAL mode).

    With ``workers`` > 1, that many processes validate and evaluate the documents while this
    one writes (see :func:`suggested_workers`). They are started with ``spawn``, the one
    method that is safe in a threaded GUI and on every platform, so, as with any
    multiprocessing, the program's main script must guard its entry point with
    ``if __name__ == "__main__":``. A custom ``library`` is only used in this process.

    ``then`` runs inside the same transaction once every document is stored (the drafts of
    FHIR Bundles imported in the same command, so that the whole import is all or nothing).
    """
    problems: list[Refused] = []
    imported: list[Imported] = []
    with store.write(), _page_cache(store, IMPORT_CACHE_KIB):
        if by is not None:
            get_reviewer(store, by)
        log = AuditLog(store)
        first_case = _next_id(store, "cases")
        first_evaluation = _next_id(store, "evaluations")
        now = store.now()
        if workers > 1 and library is None:
            prepared = _prepare_in_workers(documents, first_case, first_evaluation, now, by,
                                           workers)
        else:
            prepared = (
                prepare(source, data, first_case + offset, first_evaluation + offset, now, by,
                        library)
                for offset, (source, data) in enumerate(documents)
            )
        for count, item in enumerate(prepared, 1):
            if isinstance(item, Refused):
                problems.append(item)
            elif not problems:
                imported.append(_insert(store, log, item, by))
            if on_progress:
                on_progress(count)
        if problems:
            raise ImportRefused([item.error() for item in problems])
        if then is not None:
            then(store)
    return imported


def import_files(
    store: Store,
    paths: Iterable[str | os.PathLike],
    *,
    by: int | None = None,
    on_progress: Callable[[int], None] | None = None,
    library: Library | None = None,
) -> list[Imported]:
    """Read every case file and store them all (:func:`import_documents`), all or nothing: a
    file that cannot be read is listed with the invalid ones in :class:`ImportRefused`."""
    from reviewer_app.core.case_file import CaseFileError, read_case_bytes

    sources = [str(path) for path in paths]
    documents, unreadable = [], []
    for source in sources:
        try:
            documents.append((source, read_case_bytes(source)))
        except CaseFileError as error:
            unreadable.append(error)
    if unreadable:  # list the invalid ones too, as the import would have
        for source, data in documents:
            try:
                read_document(source, data)
            except CaseFileError as error:
                unreadable.append(error)
        raise ImportRefused(sorted(unreadable, key=lambda error: sources.index(error.source)))
    workers = suggested_workers(len(documents)) if library is None else 1
    return import_documents(store, documents, by=by, on_progress=on_progress,
                            library=library, workers=workers)


@contextlib.contextmanager
def _page_cache(store: Store, kib: int) -> Iterator[None]:
    before = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    store.conn.execute(f"PRAGMA cache_size = -{kib}")
    try:
        yield
    finally:
        store.conn.execute(f"PRAGMA cache_size = {before}")


def suggested_workers(count: int) -> int:
    """Worker processes for an import of ``count`` documents: one per CPU for a big import
    (starting a worker costs about half a second), none for a small one."""
    return (os.cpu_count() or 1) if count >= PARALLEL_FROM else 1


def _next_id(store: Store, table: str) -> int:
    return store.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


def _prepare_in_workers(documents: Iterable, first_case: int, first_evaluation: int, now: str,
                        by: int | None, workers: int) -> Iterator[Prepared | Refused]:
    """Prepare chunks in worker processes, a few chunks ahead, yielding results in order."""
    iterator = iter(documents)
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        pending: list[Future] = []
        offset = 0

        def submit() -> bool:
            nonlocal offset
            chunk = list(islice(iterator, CHUNK))
            if not chunk:
                return False
            pending.append(pool.submit(prepare_chunk, chunk, first_case + offset,
                                       first_evaluation + offset, now, by))
            offset += len(chunk)
            return True

        while len(pending) < workers * 3 and submit():
            pass
        while pending:
            results = pending.pop(0).result()
            submit()
            yield from results


def import_in_transaction(store: Store, log: AuditLog, source: str, data: str, *,
                          by: int | None = None, library: Library | None = None,
                          details: dict | None = None) -> Imported:
    """One document imported inside the caller's write transaction, as :func:`import_documents`
    imports each (a draft saved by the intake wizard is removed in the same transaction).
    ``details`` are added to the audit entry of the creation (ids, never member data)."""
    item = prepare(source, data, _next_id(store, "cases"), _next_id(store, "evaluations"),
                   store.now(), by, library)
    if isinstance(item, Refused):
        raise ImportRefused([item.error()])
    return _insert(store, log, item, by, details)


def _insert(store: Store, log: AuditLog, item: Prepared, by: int | None,
            details: dict | None = None) -> Imported:
    row, evaluation = item.case_row, item.evaluation_row
    store.conn.execute(_INSERT_CASE, tuple(row[name] for name in CASE_COLUMNS))
    log.append("create", reviewer_id=by, case=(row["id"], row["version"], item.case_hash),
               details={"external_id": item.external_id, "status": row["status"],
                        **(details or {})})
    store.conn.execute(_INSERT_EVALUATION,
                       tuple(evaluation[name] for name in EVALUATION_COLUMNS))
    log.append("evaluate", reviewer_id=by, case=(row["id"], row["version"], item.case_hash),
               record=("evaluations", evaluation["id"], item.evaluation_hash),
               details=evaluation_details(evaluation))
    return Imported(row["id"], item.source, item.external_id, evaluation["outcome"],
                    row["due_at"])


def evaluation_details(evaluation: dict) -> dict:
    return {"evaluation_id": evaluation["id"], "outcome": evaluation["outcome"],
            "criteria_set": evaluation["criteria_set_id"],
            "criteria_set_version": evaluation["criteria_set_version"],
            "criteria_set_sha256": evaluation["criteria_set_sha256"]}


def case_row(store: Store, case_id: int) -> sqlite3.Row:
    """The full row (document included), or :class:`UnknownCaseError`."""
    row = store.query_one(f"SELECT {', '.join(CASE_COLUMNS)} FROM cases WHERE id = ?",
                          (case_id,))
    if row is None:
        raise UnknownCaseError(f"there is no case {case_id} (see `cases` for the queue)")
    return row


def latest_evaluation(store: Store, case_id: int) -> Evaluation | None:
    row = store.query_one(
        f"SELECT {', '.join(EVALUATION_COLUMNS)} FROM evaluations WHERE case_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (case_id,),
    )
    return Evaluation.from_row(row) if row else None


def decisions_for(store: Store, case_id: int) -> list[Decision]:
    rows = store.query("SELECT * FROM decisions WHERE case_id = ? ORDER BY id", (case_id,))
    return [Decision.from_row(row) for row in rows]


def get_case(store: Store, case_id: int) -> CaseSummary:
    """The case's summary, without recording a view (for refreshing a list)."""
    return CaseSummary.from_row(case_row(store, case_id))


def view_case(store: Store, case_id: int, *, by: int | None = None) -> CaseView:
    """Open a case for reading, and record the view (HIPAA audit controls record access)."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        row = case_row(store, case_id)
        try:
            check_case_intact(store, row)
            intact = True
        except TamperedCaseError:
            intact = False
        view = CaseView(CaseSummary.from_row(row), row["document"],
                        latest_evaluation(store, case_id), decisions_for(store, case_id), intact)
        AuditLog(store).append("view", reviewer_id=by, case=case_stamp(row, hashed=False))
    return view


def export_case(store: Store, case_id: int, sink: Callable[[str], None], *,
                by: int | None = None, destination: str = "file") -> str:
    """Record the export, then hand the imported document, exactly, to ``sink`` (which writes
    it). The audit entry is committed first, so a copy never exists without its record: a
    crash or a full disk after the commit leaves an entry for an export that did not finish,
    never a file that no entry mentions.

    A case whose row no longer matches its audit record is refused: an export must be the
    request as received. Returns the document's sha256.
    """
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        row = case_row(store, case_id)
        check_case_intact(store, row)
        document = row["document"]
        digest = sha256_text(document)
        AuditLog(store).append("export", reviewer_id=by, case=case_stamp(row, hashed=False),
                               details={"sha256": digest, "to": destination})
    sink(document)
    return digest


def reevaluate(store: Store, case_id: int, *, by: int | None = None,
               library: Library | None = None) -> Evaluation:
    """Evaluate the stored document again (after a criteria update) and keep the snapshot,
    under the same ``case_ref`` as the first evaluation."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        row = case_row(store, case_id)
        check_case_intact(store, row)
        case, _ = read_document(f"case {case_id}", row["document"])
        previous = latest_evaluation(store, case_id)
        case_ref = previous.determination["case_ref"] if previous else (
            case.external_id or f"case {case_id}")
        evaluation = record_evaluation(store, AuditLog(store), row,
                                       evaluate(case, case_ref, library), by)
    return Evaluation.from_row(evaluation)


def record_evaluation(store: Store, log: AuditLog, row: Mapping[str, Any], determination,
                      by: int | None) -> dict[str, Any]:
    """Keep ``determination`` as the evaluation of the case ``row`` (as it now stands), inside
    the caller's write, with its audit entry; the evaluation row."""
    evaluation = evaluation_row(_next_id(store, "evaluations"), dict(row), determination, by,
                                store.now())
    store.conn.execute(_INSERT_EVALUATION,
                       tuple(evaluation[name] for name in EVALUATION_COLUMNS))
    log.append("evaluate", reviewer_id=by, case=case_stamp(row),
               record=record_stamp("evaluations", evaluation),
               details=evaluation_details(evaluation))
    return evaluation
