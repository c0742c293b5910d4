"""Oral notice of an expedited decision (who was told, when, by which reviewer), and the
member's request for large-print letters.

An expedited decision is often told by phone first; the written notice then confirms it
(Medicare Advantage: within 3 calendar days of the oral notice, 42 CFR 422.572(c); an ERISA
urgent-care claim: not later than 3 days after it, 29 CFR 2560.503-1(g)(2)). Each notice is a
row of its own tied to the decision it announces (never changed or deleted, recorded in the
audit trail and checked with the case), so the decision's signature over its own columns stays
valid. The letter of that decision says it confirms the call.

Large print is asked for by the member (or someone for them) and recorded on the case the same
way, a row per request or withdrawal, the latest counting: reportlab cannot write a tagged PDF,
so a letter set at 18 points or more is the accessible format this application offers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from reviewer_app.core import lifecycle
from reviewer_app.core.characters import text_problem
from reviewer_app.core.store.audit import (
    AuditLog,
    case_stamp,
    check_case_intact,
    check_record_intact,
    record_stamp,
)
from reviewer_app.core.store.cases import case_row, decisions_for
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError, TransitionError
from reviewer_app.core.store.reviewers import authorized
from reviewer_app.core.store.rows import (
    LETTER_FORMAT_COLUMNS,
    ORAL_NOTICE_COLUMNS,
    insert_sql,
    parse_utc,
    utc_text,
)

MAX_TOLD_CHARS = 200

_INSERT = insert_sql("oral_notices", ORAL_NOTICE_COLUMNS)


@dataclass(frozen=True)
class OralNotice:
    id: int
    case_id: int
    decision_id: int
    """The decision that was told (the case's latest when it was recorded)."""
    reviewer_id: int
    """Who told it, and recorded it."""
    told: str
    """Who was told, in words ("Daniel Okafor, the member")."""
    told_at: str
    """When (stored UTC text)."""
    created_at: str

    @property
    def when(self) -> dt.datetime:
        return parse_utc(self.told_at)

    def to_json_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def record_oral_notice(store: Store, case_id: int, *, by: int, told: str,
                       told_at: dt.datetime) -> OralNotice:
    """Record that reviewer ``by`` told ``told`` the case's latest decision by phone at
    ``told_at`` (not in the future, not before the decision), with its audit entry."""
    text = " ".join((told or "").split())
    if not text:
        raise StoreError("an oral notice needs who was told")
    if len(text) > MAX_TOLD_CHARS:
        raise StoreError(f"who was told is {len(text):,} characters; at most "
                         f"{MAX_TOLD_CHARS:,}")
    if problem := text_problem(text):
        raise StoreError(f"who was told {problem}")
    if told_at.tzinfo is None:
        raise StoreError("the time of the oral notice needs a UTC offset")
    with store.write():
        authorized(store, by)
        row = case_row(store, case_id)
        check_case_intact(store, row)
        made = decisions_for(store, case_id)
        decision = made[-1] if made else None
        if problem := lifecycle.oral_notice_problem(row["urgency"],
                                                    decision.decision if decision else None):
            raise TransitionError(f"case {case_id}: {problem}")
        assert decision is not None
        when = utc_text(told_at)
        if when > store.now():
            raise StoreError(f"case {case_id}: the oral notice is dated {when[:16]} UTC, which "
                             "is in the future; record it once the call has taken place")
        if when < decision.at:
            raise StoreError(f"case {case_id}: the oral notice is dated before the decision "
                             f"({decision.at[:16]} UTC)")
        record = {
            "id": store.conn.execute(
                "SELECT coalesce(max(id), 0) + 1 FROM oral_notices").fetchone()[0],
            "case_id": case_id,
            "decision_id": decision.id,
            "reviewer_id": by,
            "told": text,
            "told_at": when,
            "created_at": store.now(),
        }
        store.conn.execute(_INSERT, tuple(record[name] for name in ORAL_NOTICE_COLUMNS))
        AuditLog(store).append(
            "oral_notice", reviewer_id=by, case=case_stamp(row, hashed=False),
            record=record_stamp("oral_notices", record),
            details={"oral_notice_id": record["id"], "decision_id": decision.id,
                     "told_at": when})
    return OralNotice(**record)


def oral_notices_for(store: Store, case_id: int) -> list[OralNotice]:
    """The case's recorded oral notices, oldest first."""
    rows = store.query(f"SELECT {', '.join(ORAL_NOTICE_COLUMNS)} FROM oral_notices "
                       "WHERE case_id = ? ORDER BY id", (case_id,))
    return [OralNotice(**dict(row)) for row in rows]


def oral_notice_of(store: Store, case_id: int, decision_id: int) -> OralNotice | None:
    """The first oral notice of ``decision_id`` (the call the letter confirms), or None."""
    found = [n for n in oral_notices_for(store, case_id) if n.decision_id == decision_id]
    return found[0] if found else None


@dataclass(frozen=True)
class LetterFormat:
    id: int
    case_id: int
    large_print: int
    requested_by: str
    """Who asked ("the member by phone"), in words."""
    reviewer_id: int
    created_at: str


def record_letter_format(store: Store, case_id: int, *, by: int, large_print: bool,
                         requested_by: str) -> LetterFormat:
    """Record that the case's member letters are (or are no longer) wanted in large print,
    as ``requested_by`` asked, with its audit entry."""
    text = " ".join((requested_by or "").split())
    if not text:
        raise StoreError("a format request needs who asked for it")
    if len(text) > MAX_TOLD_CHARS:
        raise StoreError(f"who asked is {len(text):,} characters; at most {MAX_TOLD_CHARS:,}")
    if problem := text_problem(text):
        raise StoreError(f"who asked {problem}")
    with store.write():
        authorized(store, by)
        row = case_row(store, case_id)
        check_case_intact(store, row)
        record = {
            "id": store.conn.execute(
                "SELECT coalesce(max(id), 0) + 1 FROM letter_formats").fetchone()[0],
            "case_id": case_id,
            "large_print": int(bool(large_print)),
            "requested_by": text,
            "reviewer_id": by,
            "created_at": store.now(),
        }
        store.conn.execute(
            insert_sql("letter_formats", LETTER_FORMAT_COLUMNS),
            tuple(record[name] for name in LETTER_FORMAT_COLUMNS))
        AuditLog(store).append(
            "letter_format", reviewer_id=by, case=case_stamp(row, hashed=False),
            record=record_stamp("letter_formats", record),
            details={"letter_format_id": record["id"], "large_print": bool(large_print)})
    return LetterFormat(**record)


def letter_format(store: Store, case_id: int) -> LetterFormat | None:
    """The case's latest format request, checked against its audit record; None if none."""
    row = store.query_one(f"SELECT {', '.join(LETTER_FORMAT_COLUMNS)} FROM letter_formats "
                          "WHERE case_id = ? ORDER BY id DESC LIMIT 1", (case_id,))
    if row is None:
        return None
    check_record_intact(store, "letter_formats", dict(row))
    return LetterFormat(**dict(row))


def large_print(store: Store, case_id: int) -> bool:
    """Whether the case's member letters are to be set in large print."""
    found = letter_format(store, case_id)
    return bool(found and found.large_print)
