"""A case's row: the indexed columns taken from its ``ur-case/1`` document, and the row's hash.

Times are stored as UTC text of one fixed width (``2026-12-05T14:15:00.000000Z``) so that text
order is time order and ``due_at < now`` works on the index; the document keeps the offsets the
request arrived with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reviewer_app.core import deadlines
from reviewer_app.core.store.hashing import row_hash

if TYPE_CHECKING:
    from reviewer_app.core.case import Case

CASE_COLUMNS = (
    "id", "external_id", "member_id", "member_name", "received_at", "due_at", "urgency",
    "line_of_business", "primary_procedure", "primary_diagnosis", "codes", "notes", "status",
    "assigned_reviewer", "info_needed_by", "version", "document", "created_at", "updated_at",
)
"""Every column of ``cases``, in the order the content hash covers them."""

EVALUATION_COLUMNS = (
    "id", "case_id", "case_version", "outcome", "criteria_set_id", "criteria_set_version",
    "criteria_set_sha256", "determination", "reviewer_id", "created_at",
)
DECISION_COLUMNS = (
    "id", "case_id", "case_version", "reviewer_id", "role", "decision", "status_before",
    "status_after", "reason", "info_needed_by", "evaluation_id", "at", "approved_codes",
    "key_id", "signature", "member_reason", "member_language", "approved_levels", "info_kept",
    "info_added", "extension_reason",
)
DECISION_DETAIL_COLUMNS = ("member_reason", "member_language", "approved_levels", "info_kept",
                           "info_added")
"""Added by migration ``m011_decision_details``: the plain-language reason for the member (and
the language it is written in), the levels a partial approval approves, and what a pend asks
for (the evaluation's missing items kept, as JSON keys; the reviewer's own items in words, as
JSON text). None on every decision recorded before it."""
DECISION_EXTENSION_COLUMNS = ("extension_reason",)
"""Added by migration ``m017_extension_reason``: why a pend's extension of the timeframe is
allowed, when its rule names the reasons (``resources/pend-rules.yaml``). None on every other
decision and on those recorded before it."""
REVIEWER_COLUMNS = ("id", "name", "credentials", "role", "created_at", "npi")
REVIEWER_KEY_COLUMNS = (
    "id", "reviewer_id", "source", "subject", "fingerprint_sha256", "not_after",
    "certificate_pem", "pkcs12", "created_at",
)
LETTER_COLUMNS = (
    "id", "letter_id", "case_id", "case_version", "decision_id", "evaluation_id",
    "letter_type", "recipient", "language", "reviewer_id", "key_id", "replaces", "sha256",
    "pdf", "created_at",
)
AUTHORITY_COLUMNS = (
    "id", "source", "subject", "fingerprint_sha256", "certificate_pem", "pkcs12", "created_at",
)
PEER_TO_PEER_COLUMNS = (
    "id", "case_id", "case_version", "reviewer_id", "provider", "held_at", "outcome", "note",
    "created_at",
)
CASE_DOCUMENT_COLUMNS = (
    "id", "case_id", "case_version", "document", "sha256", "reviewer_id", "created_at",
)
FHIR_REQUEST_COLUMNS = (
    "id", "draft_id", "case_id", "source", "sha256", "bundle", "reviewer_id", "created_at",
)
ATTACHMENT_COLUMNS = (
    "id", "case_id", "draft_id", "name", "kind", "media_type", "size", "sha256", "content",
    "reviewer_id", "os_user", "created_at",
)
ORAL_NOTICE_COLUMNS = (
    "id", "case_id", "decision_id", "reviewer_id", "told", "told_at", "created_at",
)
LETTER_FORMAT_COLUMNS = (
    "id", "case_id", "large_print", "requested_by", "reviewer_id", "created_at",
)
RECORD_COLUMNS = {
    "evaluations": EVALUATION_COLUMNS,
    "decisions": DECISION_COLUMNS,
    "reviewers": REVIEWER_COLUMNS,
    "reviewer_keys": REVIEWER_KEY_COLUMNS,
    "letters": LETTER_COLUMNS,
    "case_documents": CASE_DOCUMENT_COLUMNS,
    "authority": AUTHORITY_COLUMNS,
    "fhir_requests": FHIR_REQUEST_COLUMNS,
    "peer_to_peer": PEER_TO_PEER_COLUMNS,
    "attachments": ATTACHMENT_COLUMNS,
    "oral_notices": ORAL_NOTICE_COLUMNS,
    "letter_formats": LETTER_FORMAT_COLUMNS,
}
"""The other rows whose hash the audit trail records when they are written."""

LATER_COLUMNS = {"decisions": frozenset({"approved_codes", "key_id", "signature",
                                         *DECISION_DETAIL_COLUMNS,
                                         *DECISION_EXTENSION_COLUMNS}),
                 "reviewers": frozenset({"npi"})}
"""Columns added to a table after rows were already hashed into the audit trail. They enter a
row's hash only when set, so rows written before their migration still verify."""

SEARCH_COLUMNS = ("member_name", "member_id", "external_id", "codes", "notes")
"""What full-text search reads."""

_UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...)``, the columns in the order given."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def utc_text(moment: dt.datetime) -> str:
    """``2026-12-05T14:15:00.000000Z`` (isoformat is several times faster than strftime)."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_utc(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, _UTC_FORMAT).replace(tzinfo=dt.UTC)


def member_name(case: Case) -> str:
    return f"{case.member.family_name}, {case.member.given_name}"


def _codes(case: Case) -> str:
    procedures = [p.code for p in case.service.procedures]
    return " ".join(dict.fromkeys([*procedures, *case.diagnosis_codes]))


def _notes(case: Case) -> str | None:
    texts = [case.notes]
    texts += [study.report_text for study in case.imaging or ()]
    texts += [treatment.notes for treatment in case.prior_treatments or ()]
    joined = "\n".join(t for t in texts if t)
    return joined or None


def new_case_row(case: Case, document: str, now: str) -> dict[str, Any]:
    """The row of a newly imported case, without its id (SQLite assigns it)."""
    due = deadlines.due_at(case.received_at, case.urgency, case.line_of_business)
    return {
        "external_id": case.external_id,
        "member_id": case.member.id,
        "member_name": member_name(case),
        "received_at": utc_text(case.received_at),
        "due_at": utc_text(due),
        "urgency": case.urgency,
        "line_of_business": case.line_of_business,
        "primary_procedure": case.primary_procedure,
        "primary_diagnosis": case.diagnoses[0].code,
        "codes": _codes(case),
        "notes": _notes(case),
        "status": "draft",
        "assigned_reviewer": None,
        "info_needed_by": None,
        "version": 1,
        "document": document,
        "created_at": now,
        "updated_at": now,
    }


def case_hash(row: Mapping[str, Any]) -> str:
    """SHA-256 over every column: recorded in the audit trail at each version of the case."""
    return row_hash(row, CASE_COLUMNS)


def _later_value(row: Mapping[str, Any], name: str) -> Any:
    """A later column's value; None for a row that does not have it (one written, or
    stamped, before its migration)."""
    try:
        return row[name]
    except (KeyError, IndexError):
        return None


def record_hash(table: str, row: Mapping[str, Any]) -> str:
    later = LATER_COLUMNS.get(table, frozenset())
    columns = [name for name in RECORD_COLUMNS[table]
               if name not in later or _later_value(row, name) is not None]
    return row_hash(row, columns)
