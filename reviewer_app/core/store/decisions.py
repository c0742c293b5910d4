"""Changing a case: decisions, assignment, letter issued, a revised request. Each is one save
that checks the version the caller read (optimistic concurrency), the case row's integrity, and
the lifecycle.

Two windows or two instances on the same file never lose an update: the save runs under the
write lock, re-reads the case and refuses with :class:`StaleCaseError` when its version is not
the one the reviewer was looking at, naming who changed it and when.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reviewer_app.core import lifecycle
from reviewer_app.core.criteria.evaluator import evaluate
from reviewer_app.core.criteria.library import Library
from reviewer_app.core.store.audit import AuditLog, case_stamp, check_case_intact, record_stamp
from reviewer_app.core.store.cases import case_row, latest_evaluation, record_evaluation
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StaleCaseError, TransitionError
from reviewer_app.core.store.preparation import read_document
from reviewer_app.core.store.records import CaseSummary, Decision
from reviewer_app.core.store.reviewers import get_reviewer
from reviewer_app.core.store.rows import DECISION_COLUMNS, new_case_row

_NEW_DECISION_COLUMNS = DECISION_COLUMNS[1:]
_INSERT_DECISION = (
    f"INSERT INTO decisions ({', '.join(_NEW_DECISION_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_NEW_DECISION_COLUMNS))})"
)


@dataclass(frozen=True)
class Decided:
    case: CaseSummary
    decision: Decision


def decide(
    store: Store,
    case_id: int,
    decision: str,
    *,
    by: int,
    expected_version: int,
    reason: str | None = None,
    info_needed_by: dt.date | None = None,
    approved_codes: Sequence[str] = (),
) -> Decided:
    """Record reviewer ``by``'s decision on the case as it was at ``expected_version``.
    A partial approval names the ``approved_codes`` (the other requested codes are denied)."""
    reason = reason.strip() if reason and reason.strip() else None
    approved = tuple(dict.fromkeys(code.strip() for code in approved_codes if code.strip()))
    with store.write():
        reviewer = get_reviewer(store, by, check=True)
        row = current_row(store, case_id, expected_version)
        evaluation = latest_evaluation(store, case_id)
        status = lifecycle.decide(
            case_id=case_id,
            status=row["status"],
            decision=decision,
            role=reviewer.role,
            latest_outcome=evaluation.outcome if evaluation else None,
            reason=reason,
            info_needed_by=info_needed_by,
            today=store.today(),
        )
        if approved or decision == "partial":
            case, _ = read_document(f"case {case_id}", row["document"])
            lifecycle.check_approved_codes(
                case_id=case_id, decision=decision, approved=approved,
                requested=tuple(p.code for p in case.service.procedures))
        now = store.now()
        new_row = _save(store, row, {
            "status": status,
            "assigned_reviewer": None if decision == "refer" else by,
            "info_needed_by": info_needed_by.isoformat() if info_needed_by else None,
            "updated_at": now,
        })
        record = {
            "case_id": case_id,
            "case_version": new_row["version"],
            "reviewer_id": by,
            "role": reviewer.role,
            "decision": decision,
            "status_before": row["status"],
            "status_after": status,
            "reason": reason,
            "info_needed_by": new_row["info_needed_by"],
            "evaluation_id": evaluation.id if evaluation else None,
            "at": now,
            "approved_codes": " ".join(approved) or None,
        }
        record["id"] = store.conn.execute(_INSERT_DECISION, tuple(record.values())).lastrowid
        AuditLog(store).append(
            "decide", reviewer_id=by, case=case_stamp(new_row),
            record=record_stamp("decisions", record),
            details={"decision": decision, "role": reviewer.role, "from": row["status"],
                     "to": status, "decision_id": record["id"],
                     "evaluation_id": record["evaluation_id"]},
        )
    return Decided(CaseSummary.from_row(new_row), Decision.from_row(record))


def assign(store: Store, case_id: int, *, reviewer: int, expected_version: int,
           by: int | None = None) -> CaseSummary:
    """Give the case to ``reviewer`` (a draft or pended case goes into review)."""
    with store.write():
        assignee = get_reviewer(store, reviewer, check=True)
        if by is not None and by != reviewer:
            get_reviewer(store, by)
        row = current_row(store, case_id, expected_version)
        status = lifecycle.assign(case_id=case_id, status=row["status"], role=assignee.role)
        new_row = _save(store, row, {"status": status, "assigned_reviewer": reviewer,
                                     "updated_at": store.now()})
        AuditLog(store).append(
            "change", reviewer_id=by if by is not None else reviewer, case=case_stamp(new_row),
            details={"from": row["status"], "to": status, "assigned_reviewer": reviewer},
        )
    return CaseSummary.from_row(new_row)


def issue_letter(store: Store, case_id: int, *, by: int, expected_version: int,
                 letter_sha256: str | None = None) -> CaseSummary:
    """Close a decided case once its letter has gone out (the letter's hash is kept)."""
    with store.write():
        get_reviewer(store, by)
        row = current_row(store, case_id, expected_version)
        new_row = close_with_letter(store, AuditLog(store), row, by=by,
                                    letter_sha256=letter_sha256)
    return CaseSummary.from_row(new_row)


def close_with_letter(store: Store, log: AuditLog, row: sqlite3.Row, *, by: int,
                      letter_sha256: str | None) -> dict[str, Any]:
    """Inside the caller's write: move the decided case ``row`` to letter issued."""
    status = lifecycle.issue_letter(case_id=row["id"], status=row["status"])
    new_row = _save(store, row, {"status": status, "updated_at": store.now()})
    log.append(
        "change", reviewer_id=by, case=case_stamp(new_row),
        details={"from": row["status"], "to": status, "letter_sha256": letter_sha256},
    )
    return new_row


REVISED_COLUMNS = (
    "external_id", "member_id", "member_name", "received_at", "due_at", "urgency",
    "line_of_business", "primary_procedure", "primary_diagnosis", "codes", "notes", "document",
    "updated_at",
)
"""What a revised request changes in the case row: the document and what is indexed from it.
Status, assignment and creation stay."""


def revise_in_transaction(
    store: Store,
    log: AuditLog,
    case_id: int,
    expected_version: int,
    source: str,
    document: str,
    *,
    by: int | None = None,
    library: Library | None = None,
    details: dict[str, Any] | None = None,
) -> CaseSummary:
    """Inside the caller's write: store ``document`` as the next version of the request of case
    ``case_id`` as the caller read it at ``expected_version``, and evaluate it.

    Refused (nothing written) when the case moved on since (:class:`StaleCaseError`), was
    tampered with, is already decided (the decision was made on the request as it stood), or
    the document is not a valid case (:class:`~reviewer_app.core.case_file.CaseFileError`)."""
    row = current_row(store, case_id, expected_version)
    if row["status"] not in lifecycle.OPEN:
        raise TransitionError(
            f"case {case_id} is already {row['status'].replace('_', ' ')}: the decision was made "
            "on the request as it stood, so it cannot be changed; a new request is a new case"
        )
    case, text = read_document(source, document)
    fresh = new_case_row(case, text, store.now())
    new_row = _save(store, row, {name: fresh[name] for name in REVISED_COLUMNS})
    log.append("change", reviewer_id=by, case=case_stamp(new_row),
               details={"revised": "request", **(details or {})})
    previous = latest_evaluation(store, case_id)
    case_ref = case.external_id or (
        previous.determination["case_ref"] if previous else f"case {case_id}")
    record_evaluation(store, log, new_row, evaluate(case, case_ref, library), by)
    return CaseSummary.from_row(new_row)


def current_row(store: Store, case_id: int, expected_version: int) -> sqlite3.Row:
    """The case row, refused if it moved on since ``expected_version`` or was tampered with."""
    row = case_row(store, case_id)
    if row["version"] != expected_version:
        last = store.conn.execute(
            "SELECT reviewer_id, os_user, at FROM audit WHERE case_id = ? "
            "AND case_hash IS NOT NULL ORDER BY seq DESC LIMIT 1",
            (case_id,),
        ).fetchone()
        who = ""
        if last:
            actor = f"reviewer {last[0]}" if last[0] is not None else f"user {last[1]}"
            who = f" by {actor} at {last[2]}"
        raise StaleCaseError(
            f"case {case_id} was changed{who} after you read it (you read version "
            f"{expected_version}, it is now version {row['version']}). Nothing was saved: "
            "reload the case and try again"
        )
    check_case_intact(store, row)
    return row


def _save(store: Store, row: sqlite3.Row, changes: dict[str, Any]) -> dict[str, Any]:
    """Write ``changes`` as the next version; the WHERE clause re-checks the version."""
    new_row = dict(row)
    new_row.update(changes, version=row["version"] + 1)
    assignments = ", ".join(f"{name} = ?" for name in (*changes, "version"))
    cursor = store.conn.execute(
        f"UPDATE cases SET {assignments} WHERE id = ? AND version = ?",
        (*changes.values(), new_row["version"], row["id"], row["version"]),
    )
    if cursor.rowcount != 1:
        raise StaleCaseError(f"case {row['id']} changed while it was being saved; reload it")
    return new_row
