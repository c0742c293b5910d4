"""What reading the store gives back: plain, frozen values (no connection, no Qt)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, fields
from typing import Any

from reviewer_app.core.store.rows import REVIEWER_COLUMNS, parse_utc


def _from_row(cls, row: sqlite3.Row | dict, **overrides: Any):
    return cls(**{f.name: overrides[f.name] if f.name in overrides else row[f.name]
                  for f in fields(cls)})


@dataclass(frozen=True)
class CaseSummary:
    """A case as the queue lists it: the indexed columns, not the document."""

    id: int
    external_id: str | None
    member_id: str
    member_name: str
    received_at: str
    due_at: str
    urgency: str
    line_of_business: str
    primary_procedure: str
    primary_diagnosis: str
    status: str
    assigned_reviewer: int | None
    info_needed_by: str | None
    version: int
    updated_at: str

    COLUMNS = ("id", "external_id", "member_id", "member_name", "received_at", "due_at",
               "urgency", "line_of_business", "primary_procedure", "primary_diagnosis",
               "status", "assigned_reviewer", "info_needed_by", "version", "updated_at")

    @classmethod
    def from_row(cls, row: sqlite3.Row | dict) -> CaseSummary:
        return _from_row(cls, row)

    @property
    def due(self) -> dt.datetime:
        return parse_utc(self.due_at)

    def to_json_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Evaluation:
    """An evaluation snapshot: the full determination and the criteria set's identity."""

    id: int
    case_id: int
    case_version: int
    outcome: str
    criteria_set_id: str | None
    criteria_set_version: str | None
    criteria_set_sha256: str | None
    determination: dict[str, Any]
    reviewer_id: int | None
    created_at: str

    @classmethod
    def from_row(cls, row: sqlite3.Row | dict) -> Evaluation:
        return _from_row(cls, row, determination=json.loads(row["determination"]))

    def to_json_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Decision:
    id: int
    case_id: int
    case_version: int
    reviewer_id: int
    role: str
    decision: str
    status_before: str
    status_after: str
    reason: str | None
    info_needed_by: str | None
    evaluation_id: int | None
    at: str
    approved_codes: str | None
    """For a partial approval, the procedure codes approved, separated by spaces."""
    key_id: int | None = None
    """The signing key of the reviewer who decided; None for a decision made before decisions
    were signed (schema version 8, ``signing.SIGNATURES_SINCE``)."""
    signature: bytes | None = None
    member_reason: str | None = None
    """For a denial or partial approval, the reason in plain words for the member's letter
    (``reason`` is the clinical rationale for the provider); None before schema version 11."""
    member_language: str | None = None
    """The member's letter language ``member_reason`` is written in (``en``, ``es``)."""
    approved_levels: str | None = None
    """For a partial approval that approves fewer levels than requested, those it approves."""
    info_kept: str | None = None
    """For a pend, the evaluation's missing items asked for (a JSON list of their keys)."""
    info_added: str | None = None
    """For a pend, the reviewer's own items in words (a JSON list)."""
    extension_reason: str | None = None
    """For a pend that extends the timeframe under a rule naming its reasons, the one given
    (``resources/pend-rules.yaml``); None before schema version 17."""

    @classmethod
    def from_row(cls, row: sqlite3.Row | dict) -> Decision:
        names = row.keys()
        return _from_row(cls, row, **{f.name: None for f in fields(cls) if f.name not in names})

    @property
    def kept_items(self) -> tuple[str, ...] | None:
        """The missing items a pend asks for; None for a pend recorded before they were
        (it asks for every item its evaluation lists)."""
        return tuple(json.loads(self.info_kept)) if self.info_kept is not None else None

    @property
    def added_items(self) -> tuple[str, ...]:
        return tuple(json.loads(self.info_added)) if self.info_added else ()

    @property
    def approved_code_list(self) -> tuple[str, ...]:
        return tuple((self.approved_codes or "").split())

    @property
    def approved_level_list(self) -> tuple[str, ...]:
        return tuple((self.approved_levels or "").split())

    def to_json_dict(self) -> dict[str, Any]:
        found = {f.name: getattr(self, f.name) for f in fields(self)}
        found["signature"] = self.signature.hex() if self.signature else None
        return found


@dataclass(frozen=True)
class CaseView:
    """One case opened for reading: summary, the imported document, latest evaluation,
    decisions in order, and whether the row still matches its audit record."""

    case: CaseSummary
    document: str
    evaluation: Evaluation | None
    decisions: list[Decision]
    intact: bool


@dataclass(frozen=True)
class Reviewer:
    """A reviewer profile as the table holds it; its authority (the role in its certificate,
    checked against the organization CA) is :mod:`.reviewers`' business."""

    id: int
    name: str
    credentials: str
    role: str
    created_at: str
    npi: str | None = None
    """The reviewer's National Provider Identifier, when given (schema version 13 on)."""

    @property
    def signature(self) -> str:
        """Name and credentials, as a letter prints them: "Dana Whitfield, RN"."""
        return f"{self.name}, {self.credentials}"


def list_reviewers(store) -> list[Reviewer]:
    """Every profile, for lists (the queue's names, the sign-in dialog): reading them
    needs no certificate, so this stays clear of the cryptography the rest of the reviewers'
    module brings."""
    rows = store.query(f"SELECT {', '.join(REVIEWER_COLUMNS)} FROM reviewers ORDER BY id")
    return [Reviewer(**dict(row)) for row in rows]
