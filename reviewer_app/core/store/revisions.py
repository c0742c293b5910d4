"""Saving a stored case's corrected or completed request as a new version (what the intake
wizard's Finish does on a stored case).

One save, like a decision: it re-reads the case under the write lock and refuses it when its
version is not the one the reviewer edited (optimistic concurrency), so two windows never
overwrite each other's edits. The document is validated and evaluated before the lock is
taken; the new version, its evaluation and their audit entries are written together or not at
all. Every earlier text stays in ``case_documents`` (see the m006 migration).
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core import lifecycle
from reviewer_app.core.case_diff import FieldChange, diff_documents
from reviewer_app.core.criteria.evaluator import evaluate
from reviewer_app.core.criteria.library import Library
from reviewer_app.core.store.audit import AuditLog, case_stamp, record_stamp
from reviewer_app.core.store.cases import latest_evaluation, record_evaluation
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.decisions import current_row, save_row
from reviewer_app.core.store.errors import NothingToSaveError, lifecycle_rules
from reviewer_app.core.store.hashing import sha256_text
from reviewer_app.core.store.preparation import read_document
from reviewer_app.core.store.records import CaseSummary, Evaluation
from reviewer_app.core.store.reviewers import get_reviewer
from reviewer_app.core.store.rows import CASE_DOCUMENT_COLUMNS, insert_sql, new_case_row

STALE_EDIT_ADVICE = (
    "Nothing was saved, and your changes are kept in the draft: reload the case to see what "
    "changed, then save your changes again"
)

_NEW_COLUMNS = CASE_DOCUMENT_COLUMNS[1:]
_INSERT_DOCUMENT = insert_sql("case_documents", _NEW_COLUMNS)
_FROM_DOCUMENT = (
    "external_id", "member_id", "member_name", "received_at", "due_at", "urgency",
    "line_of_business", "primary_procedure", "primary_diagnosis", "codes", "notes", "document",
)
"""The case columns a new document sets; status, assignment and dates stay the case's."""


@dataclass(frozen=True)
class Revised:
    case: CaseSummary
    evaluation: Evaluation
    changes: list[FieldChange]
    """What changed from the version the reviewer edited."""


def save_revision(store: Store, case_id: int, document: str | bytes, *, expected_version: int,
                  by: int | None = None, library: Library | None = None) -> Revised:
    """Store ``document`` as the next version of case ``case_id``, evaluated, as an edit of the
    case as it was at ``expected_version``.

    Refused, writing nothing: an invalid document (:class:`~reviewer_app.core.case_file.
    CaseFileError`, every problem listed), a stale ``expected_version``
    (:class:`~reviewer_app.core.store.errors.StaleCaseError` naming the case and both versions),
    a decided case (:class:`~reviewer_app.core.store.errors.TransitionError`), a case changed
    outside the application, and a document identical to the current one
    (:class:`~reviewer_app.core.store.errors.NothingToSaveError`).
    """
    read_document(f"case {case_id}", document)  # validate before taking the write lock
    with store.write():
        return revise_in_transaction(store, AuditLog(store), case_id, document,
                                     expected_version=expected_version, by=by, library=library)


def revise_in_transaction(
    store: Store, log: AuditLog, case_id: int, document: str | bytes, *, expected_version: int,
    by: int | None = None, library: Library | None = None, source: str | None = None,
    details: dict | None = None,
) -> Revised:
    """:func:`save_revision` inside the caller's write (the intake wizard's Finish also removes
    its draft in the same transaction); ``details`` join the edit's audit entry."""
    case, text = read_document(source or f"case {case_id}", document)
    if by is not None:
        get_reviewer(store, by)
    row = current_row(store, case_id, expected_version, advice=STALE_EDIT_ADVICE)
    with lifecycle_rules():
        lifecycle.edit(case_id=case_id, status=row["status"])
    if text == row["document"]:
        raise NothingToSaveError(
            f"case {case_id}: the document is the same as version {row['version']}; "
            "nothing was saved"
        )
    changes = diff_documents(row["document"], text)
    previous = latest_evaluation(store, case_id)
    case_ref = case.external_id or (
        previous.determination["case_ref"] if previous else f"case {case_id}")
    determination = evaluate(case, case_ref, library)
    if not _has_versions(store, case_id):
        _keep_imported(store, log, row, by)
    now = store.now()
    indexed = new_case_row(case, text, now)
    new_row = save_row(store, row, {
        **{name: indexed[name] for name in _FROM_DOCUMENT}, "updated_at": now})
    kept = _insert_document(store, case_id, new_row["version"], text, by, now)
    log.append("edit", reviewer_id=by, case=case_stamp(new_row),
               record=record_stamp("case_documents", kept),
               details={"document_version": new_row["version"],
                        "from_version": row["version"], "sha256": kept["sha256"],
                        "fields_changed": len(changes), **(details or {})})
    evaluation = record_evaluation(store, log, new_row, determination, by)
    return Revised(CaseSummary.from_row(new_row), Evaluation.from_row(evaluation), changes)


def _has_versions(store: Store, case_id: int) -> bool:
    return store.conn.execute(
        "SELECT 1 FROM case_documents WHERE case_id = ? LIMIT 1", (case_id,)
    ).fetchone() is not None


def _keep_imported(store: Store, log: AuditLog, row, by: int | None) -> None:
    """Before a case's first edit (by ``by``): its imported text becomes version 1 of its
    documents, with who imported it and when."""
    created = store.conn.execute(
        "SELECT reviewer_id FROM audit WHERE case_id = ? AND action = 'create' "
        "ORDER BY seq LIMIT 1", (row["id"],),
    ).fetchone()
    kept = _insert_document(store, row["id"], 1, row["document"],
                            created[0] if created else None, row["created_at"])
    log.append("edit", reviewer_id=by, case=case_stamp(row),
               record=record_stamp("case_documents", kept),
               details={"document_version": 1, "kept": "the imported document",
                        "sha256": kept["sha256"]})


def _insert_document(store: Store, case_id: int, version: int, text: str,
                     by: int | None, at: str) -> dict:
    document = {"case_id": case_id, "case_version": version, "document": text,
                "sha256": sha256_text(text), "reviewer_id": by, "created_at": at}
    cursor = store.conn.execute(_INSERT_DOCUMENT, tuple(document.values()))
    return {"id": cursor.lastrowid, **document}
