"""Peer-to-peer conversations: the requesting provider and a physician reviewer talk about a
case (URAC asks that the offer and the conversation be documented; adverse letters say how to
ask for one). Each is a row of its own (who took part, when, how it ended, a note), kept like a
decision (never changed or deleted), recorded in the audit trail and checked with the case.

Who may record one is the lifecycle's rule (:func:`lifecycle.peer_to_peer_problem`): a
physician reviewer, as their certificate says, on a case that is in review or decided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from reviewer_app.core import lifecycle
from reviewer_app.core.characters import text_problem
from reviewer_app.core.store.audit import AuditLog, case_stamp, check_case_intact, record_stamp
from reviewer_app.core.store.cases import case_row
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError, TransitionError
from reviewer_app.core.store.reviewers import authorized
from reviewer_app.core.store.rows import PEER_TO_PEER_COLUMNS, insert_sql, parse_utc, utc_text

MAX_PROVIDER_CHARS = 200
MAX_NOTE_CHARS = 4_000

_INSERT = insert_sql("peer_to_peer", PEER_TO_PEER_COLUMNS)


@dataclass(frozen=True)
class PeerToPeer:
    id: int
    case_id: int
    case_version: int
    """The case's version when it was recorded."""
    reviewer_id: int
    """The physician reviewer who took part and recorded it."""
    provider: str
    """Who spoke for the requesting provider, in words ("R. Alvarez, MD")."""
    held_at: str
    """When the conversation took place (stored UTC text)."""
    outcome: str
    """One of :data:`lifecycle.P2P_OUTCOMES`."""
    note: str | None
    created_at: str

    @property
    def held(self) -> dt.datetime:
        return parse_utc(self.held_at)

    @property
    def outcome_text(self) -> str:
        return lifecycle.P2P_OUTCOMES.get(self.outcome, self.outcome)

    def to_json_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _text(label: str, value: str | None, limit: int, *, required: bool) -> str | None:
    text = " ".join((value or "").split()) if label != "the note" else (value or "").strip()
    if not text:
        if required:
            raise StoreError(f"a peer-to-peer record needs {label}")
        return None
    if len(text) > limit:
        raise StoreError(f"{label} is {len(text):,} characters; at most {limit:,}")
    if problem := text_problem(text):
        raise StoreError(f"{label} {problem}")
    return text


def record_peer_to_peer(store: Store, case_id: int, *, by: int, provider: str,
                        held_at: dt.datetime, outcome: str, note: str | None = None
                        ) -> PeerToPeer:
    """Record a conversation of physician reviewer ``by`` with ``provider`` held at
    ``held_at`` (not in the future, not before the request arrived), and its audit entry."""
    provider_text = _text("who spoke for the provider", provider, MAX_PROVIDER_CHARS,
                          required=True)
    note_text = _text("the note", note, MAX_NOTE_CHARS, required=False)
    if held_at.tzinfo is None:
        raise StoreError("the time of the conversation needs a UTC offset")
    with store.write():
        physician = authorized(store, by)
        row = case_row(store, case_id)
        check_case_intact(store, row)
        if problem := lifecycle.peer_to_peer_problem(physician.role, row["status"], outcome):
            raise TransitionError(f"case {case_id}: {problem}")
        held = utc_text(held_at)
        if held > store.now():
            raise StoreError(f"case {case_id}: the conversation is dated {held[:16]} UTC, "
                             "which is in the future; record it once it has taken place")
        if held < row["received_at"]:
            raise StoreError(f"case {case_id}: the conversation is dated before the request "
                             f"was received ({row['received_at'][:16]} UTC)")
        record = {
            "id": store.conn.execute(
                "SELECT coalesce(max(id), 0) + 1 FROM peer_to_peer").fetchone()[0],
            "case_id": case_id,
            "case_version": row["version"],
            "reviewer_id": by,
            "provider": provider_text,
            "held_at": held,
            "outcome": outcome,
            "note": note_text,
            "created_at": store.now(),
        }
        store.conn.execute(_INSERT, tuple(record[name] for name in PEER_TO_PEER_COLUMNS))
        AuditLog(store).append(
            "peer_to_peer", reviewer_id=by, case=case_stamp(row, hashed=False),
            record=record_stamp("peer_to_peer", record),
            details={"peer_to_peer_id": record["id"], "outcome": outcome,
                     "held_at": held})
    return PeerToPeer(**record)


def peer_to_peer_for(store: Store, case_id: int) -> list[PeerToPeer]:
    """The case's recorded conversations, oldest first."""
    rows = store.query(f"SELECT {', '.join(PEER_TO_PEER_COLUMNS)} FROM peer_to_peer "
                       "WHERE case_id = ? ORDER BY id", (case_id,))
    return [PeerToPeer(**dict(row)) for row in rows]
