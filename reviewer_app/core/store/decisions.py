"""Changing a case: decisions, assignment, letter issued, a revised request. Each is one save
that checks the version the caller read (optimistic concurrency), the case row's integrity, and
the lifecycle.

Two windows or two instances on the same file never lose an update: the save runs under the
write lock, re-reads the case and refuses with :class:`StaleCaseError` when its version is not
the one the reviewer was looking at, naming who changed it and when.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reviewer_app.core import deadlines, lifecycle
from reviewer_app.core.determination import MissingStudy
from reviewer_app.core.languages import member_letter_language
from reviewer_app.core.store.audit import (
    AuditLog,
    case_stamp,
    check_case_intact,
    check_record_intact,
    record_stamp,
)
from reviewer_app.core.store.cases import case_row, latest_evaluation
from reviewer_app.core.store.checkpoints import checkpoint
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StaleCaseError, StoreError, lifecycle_rules
from reviewer_app.core.store.preparation import read_document
from reviewer_app.core.store.records import CaseSummary, Decision, Evaluation
from reviewer_app.core.store.reviewers import UnlockedReviewer, authorized, get_reviewer
from reviewer_app.core.store.rows import DECISION_COLUMNS, EVALUATION_COLUMNS, insert_sql
from reviewer_app.core.store.signing import decision_payload

_INSERT_DECISION = insert_sql("decisions", DECISION_COLUMNS)


@dataclass(frozen=True)
class Decided:
    case: CaseSummary
    decision: Decision


def decide(
    store: Store,
    case_id: int,
    decision: str,
    *,
    by: UnlockedReviewer,
    expected_version: int,
    reason: str | None = None,
    info_needed_by: dt.date | None = None,
    approved_codes: Sequence[str] = (),
    member_reason: str | None = None,
    approved_levels: Sequence[str] = (),
    info_kept: Sequence[str] | None = None,
    info_added: Sequence[str] = (),
    extension_reason: str | None = None,
) -> Decided:
    """Record the decision of the reviewer signed in as ``by`` on the case as it was at
    ``expected_version``, signed with their key.

    ``reason`` is the clinical rationale (the provider's letter prints it; a referral's note);
    a denial or partial approval also needs ``member_reason``, the same in plain words for the
    member, written in the member's letter language (recorded with it). A partial approval
    names the ``approved_codes`` and, when it approves fewer levels than requested, the
    ``approved_levels`` (the rest is not approved). A pend asks for the missing items of the
    latest evaluation that the reviewer kept (``info_kept``, their keys:
    ``Determination.missing_keys``; None keeps them all) and the reviewer's own items in words
    (``info_added``), by ``info_needed_by``, which must come before the decision is due
    unless the rules allow an extension, and then, when they name its reasons, for one of them
    (``extension_reason``, recorded with the decision and in its audit entry).

    What it relies on is checked first, under the write lock: the case row, the evaluation it
    is decided on and the reviewer's row and key against their audit records, and the role
    from the reviewer's certificate (verified against the organization CA), which must be
    the role in the table ("record altered" otherwise, nothing written)."""
    reason = reason.strip() if reason and reason.strip() else None
    member_reason = member_reason.strip() if member_reason and member_reason.strip() else None
    approved = tuple(dict.fromkeys(code.strip() for code in approved_codes if code.strip()))
    levels = tuple(dict.fromkeys(level.strip().upper() for level in approved_levels
                                 if level.strip()))
    added = tuple(" ".join(text.split()) for text in info_added if text.strip())
    extension_reason = (extension_reason.strip()
                        if extension_reason and extension_reason.strip() else None)
    with store.write():
        signer = authorized(store, by.id)
        if signer.key.id != by.key_id:
            raise StoreError(f"reviewer {by.id} has a newer signing key than the one unlocked; "
                             "sign in again. Nothing was saved")
        role = signer.role
        row = current_row(store, case_id, expected_version)
        evaluation = latest_evaluation(store, case_id)
        if evaluation is not None:
            check_record_intact(store, "evaluations", evaluation_row(store, evaluation.id))
        needs_case = (decision in lifecycle.ADVERSE or decision == "pend"
                      or bool(approved or levels) or evaluation is None)
        case = read_document(f"case {case_id}", row["document"])[0] if needs_case else None
        due = (dt.datetime.fromisoformat(evaluation.determination["due_at"]) if case is None
               else deadlines.due_at(case.received_at, case.urgency, case.line_of_business))
        with lifecycle_rules():
            status = lifecycle.decide(
                case_id=case_id,
                status=row["status"],
                decision=decision,
                role=role,
                latest_outcome=evaluation.outcome if evaluation else None,
                reason=reason,
                info_needed_by=info_needed_by,
                today=store.today(),
                member_reason=member_reason,
                due_at=due,
                pend_rules=(case.received_at, case.urgency, case.line_of_business,
                            store.clock()) if case is not None and decision == "pend" else None,
                extension_reason=extension_reason,
            )
            if approved or levels or decision == "partial":
                lifecycle.check_approved_codes(
                    case_id=case_id, decision=decision, approved=approved,
                    requested=tuple(p.code for p in case.service.procedures),
                    approved_levels=levels,
                    requested_levels=tuple(case.service.levels or ()))
            kept = _pend_items(case_id, decision, evaluation, info_kept, added)
        now = store.now()
        new_row = save_row(store, row, {
            "status": status,
            "assigned_reviewer": None if decision == "refer" else by.id,
            "info_needed_by": info_needed_by.isoformat() if info_needed_by else None,
            "updated_at": now,
        })
        record = {
            "id": store.conn.execute(
                "SELECT coalesce(max(id), 0) + 1 FROM decisions").fetchone()[0],
            "case_id": case_id,
            "case_version": new_row["version"],
            "reviewer_id": by.id,
            "role": role,
            "decision": decision,
            "status_before": row["status"],
            "status_after": status,
            "reason": reason,
            "info_needed_by": new_row["info_needed_by"],
            "evaluation_id": evaluation.id if evaluation else None,
            "at": now,
            "approved_codes": " ".join(approved) or None,
            "key_id": by.key_id,
            "member_reason": member_reason,
            "member_language": (member_letter_language(case.member.language)
                                if member_reason else None),
            "approved_levels": " ".join(levels) or None,
            "info_kept": json.dumps(list(kept)) if kept is not None else None,
            "info_added": json.dumps(list(added), ensure_ascii=False) if added else None,
            "extension_reason": extension_reason,
        }
        record["signature"] = by.sign(decision_payload(record))
        store.conn.execute(_INSERT_DECISION, tuple(record[name] for name in DECISION_COLUMNS))
        log = AuditLog(store)
        log.append(
            "decide", reviewer_id=by.id, case=case_stamp(new_row),
            record=record_stamp("decisions", record),
            details={"decision": decision, "role": role, "from": row["status"],
                     "to": status, "decision_id": record["id"],
                     "evaluation_id": record["evaluation_id"],
                     **({"extension_reason": extension_reason} if extension_reason else {})},
        )
        checkpoint(store, log, by)
    return Decided(CaseSummary.from_row(new_row), Decision.from_row(record))


def _pend_items(case_id: int, decision: str, evaluation: Evaluation | None,
                kept: Sequence[str] | None, added: tuple[str, ...]) -> tuple[str, ...] | None:
    """What a pend asks for, checked (:func:`lifecycle.pend_items_problem`); None for any other
    decision, which asks for nothing."""
    found = evaluation.determination if evaluation is not None else {}
    available = (*found.get("missing_information", ()),
                 *(MissingStudy.model_validate(study).key
                   for study in found.get("missing_studies", ())))
    if decision != "pend":
        if kept or added:
            raise lifecycle.TransitionError(
                f"case {case_id}: items asked for belong only to a pend decision")
        return None
    chosen = available if kept is None else tuple(dict.fromkeys(kept))
    if problem := lifecycle.pend_items_problem(chosen, added, available):
        hint = " (give --ask TEXT)" if not chosen and not added else ""
        raise lifecycle.TransitionError(f"case {case_id}: {problem}{hint}")
    return chosen


def evaluation_row(store: Store, evaluation_id: int) -> sqlite3.Row:
    return store.query_one(
        f"SELECT {', '.join(EVALUATION_COLUMNS)} FROM evaluations WHERE id = ?",
        (evaluation_id,))


def assign(store: Store, case_id: int, *, reviewer: int, expected_version: int,
           by: int | None = None) -> CaseSummary:
    """Give the case to ``reviewer`` (a draft or pended case goes into review); their role
    is the one their certificate states."""
    with store.write():
        assignee = authorized(store, reviewer)
        if by is not None and by != reviewer:
            get_reviewer(store, by)
        row = current_row(store, case_id, expected_version)
        with lifecycle_rules():
            status = lifecycle.assign(case_id=case_id, status=row["status"],
                                      role=assignee.role)
        new_row = save_row(store, row, {"status": status, "assigned_reviewer": reviewer,
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
    with lifecycle_rules():
        status = lifecycle.issue_letter(case_id=row["id"], status=row["status"])
    new_row = save_row(store, row, {"status": status, "updated_at": store.now()})
    log.append(
        "change", reviewer_id=by, case=case_stamp(new_row),
        details={"from": row["status"], "to": status, "letter_sha256": letter_sha256},
    )
    return new_row


STALE_ADVICE = "Nothing was saved: reload the case and try again"


def current_row(store: Store, case_id: int, expected_version: int, *,
                advice: str = STALE_ADVICE) -> sqlite3.Row:
    """The case row, refused if it moved on since ``expected_version`` (the message ends with
    ``advice``: what nothing was saved means for the caller) or was tampered with."""
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
            f"{expected_version}, it is now version {row['version']}). {advice}"
        )
    check_case_intact(store, row)
    return row


def save_row(store: Store, row: sqlite3.Row, changes: dict[str, Any]) -> dict[str, Any]:
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
