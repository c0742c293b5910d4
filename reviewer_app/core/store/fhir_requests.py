"""FHIR requests as received: each imported PAS request Bundle, byte for byte, in the store.

A Bundle import makes a draft (the wizard completes what the Bundle cannot say) and keeps the
Bundle's bytes here in the same transaction (:func:`store_request`), recorded in the audit
trail by the draft's ``draft_start`` entry (the row's hash and the Bundle's sha256; never its
content). When the draft is saved as a case, :func:`attach_in_transaction` links the row to
the case in that transaction, with a ``change`` entry of the case. The row is otherwise never
changed or deleted (triggers; ``migrations.m010_fhir_requests``): the answer to the request
(``core/fhir/exporting.py``) and an export of the request itself are made from these bytes,
checked against their sha256 and their audit record first.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from reviewer_app.core.store.audit import (
    AuditLog,
    case_stamp,
    check_record_intact,
    record_stamp,
)
from reviewer_app.core.store.cases import case_row
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError, TamperedCaseError
from reviewer_app.core.store.reviewers import get_reviewer
from reviewer_app.core.store.rows import FHIR_REQUEST_COLUMNS, insert_sql

_INSERT = insert_sql("fhir_requests", FHIR_REQUEST_COLUMNS)
_SELECT = f"SELECT {', '.join(FHIR_REQUEST_COLUMNS)} FROM fhir_requests"


class NoFhirRequestError(StoreError):
    """The case did not come from a FHIR Bundle, so there is no request to answer in FHIR."""


@dataclass(frozen=True)
class FhirRequest:
    """A stored request Bundle; ``bundle`` is the bytes exactly as received."""

    id: int
    draft_id: int
    case_id: int | None
    source: str
    sha256: str
    bundle: bytes
    reviewer_id: int | None
    created_at: str

    @classmethod
    def from_row(cls, row: sqlite3.Row | dict) -> FhirRequest:
        return cls(**{name: row[name] for name in FHIR_REQUEST_COLUMNS})


def store_request(store: Store, draft_id: int, source: str, bundle: bytes, *,
                  by: int | None = None) -> dict:
    """Inside the caller's write: keep ``bundle`` for draft ``draft_id``; the row as stored
    (for the audit entry that records it: :func:`audit_stamp`)."""
    row = {
        "id": None,
        "draft_id": draft_id,
        "case_id": None,
        "source": source,
        "sha256": hashlib.sha256(bundle).hexdigest(),
        "bundle": bundle,
        "reviewer_id": by,
        "created_at": store.now(),
    }
    row["id"] = store.conn.execute(_INSERT, tuple(row[n] for n in FHIR_REQUEST_COLUMNS)
                                   ).lastrowid
    return row


def audit_stamp(row: dict) -> tuple[str, int, str]:
    return record_stamp("fhir_requests", row)


def for_draft(store: Store, draft_id: int) -> FhirRequest | None:
    row = store.query_one(f"{_SELECT} WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
                          (draft_id,))
    return FhirRequest.from_row(row) if row else None


def attach_in_transaction(store: Store, log: AuditLog, draft_id: int, case_id: int, *,
                          by: int | None = None) -> FhirRequest | None:
    """Inside the caller's write (a draft being saved as case ``case_id``): link the draft's
    Bundle, if it has one, to the case, with an audit entry; None for a draft typed by hand."""
    found = for_draft(store, draft_id)
    if found is None or found.case_id == case_id:
        return found
    if found.case_id is not None:
        raise StoreError(f"the FHIR request of draft {draft_id} already belongs to case "
                         f"{found.case_id}")
    store.conn.execute("UPDATE fhir_requests SET case_id = ? WHERE id = ?", (case_id, found.id))
    row = dict(store.query_one(f"{_SELECT} WHERE id = ?", (found.id,)))
    log.append("change", reviewer_id=by, case=case_stamp(case_row(store, case_id), hashed=False),
               record=audit_stamp(row),
               details={"fhir_request_id": found.id, "draft_id": draft_id,
                        "sha256": found.sha256})
    return FhirRequest.from_row(row)


def has_request(store: Store, case_id: int) -> bool:
    """Whether case ``case_id`` came from a FHIR Bundle (the case view offers "Export FHIR
    response" for such a case once it is decided or pended)."""
    return store.query_one("SELECT 1 FROM fhir_requests WHERE case_id = ? LIMIT 1",
                           (case_id,)) is not None


def request_for_case(store: Store, case_id: int) -> FhirRequest:
    """The Bundle case ``case_id`` was imported from, checked against its sha256 and its audit
    record; :class:`NoFhirRequestError` for a case entered another way."""
    row = store.query_one(f"{_SELECT} WHERE case_id = ? ORDER BY id LIMIT 1", (case_id,))
    if row is None:
        case_row(store, case_id)
        raise NoFhirRequestError(
            f"case {case_id} was not imported from a FHIR Bundle: there is no FHIR request "
            "to answer (export it as ur-case/1, or answer it by letter)")
    check_record_intact(store, "fhir_requests", row)
    if hashlib.sha256(row["bundle"]).hexdigest() != row["sha256"]:
        raise TamperedCaseError(f"record altered: FHIR request {row['id']}'s bytes do not "
                                "match its sha256. Nothing was done; run `audit verify`")
    return FhirRequest.from_row(row)


def export_request(store: Store, case_id: int, sink: Callable[[bytes], None], *,
                   by: int | None = None, destination: str = "file") -> FhirRequest:
    """Record the export of the Bundle case ``case_id`` came from, then hand its bytes,
    exactly as received, to ``sink`` (the audit entry is committed first, as for every
    export)."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        request = request_for_case(store, case_id)
        AuditLog(store).append(
            "export", reviewer_id=by, case=case_stamp(case_row(store, case_id), hashed=False),
            details={"fhir_request_id": request.id, "sha256": request.sha256,
                     "what": "fhir_request", "to": destination})
    sink(request.bundle)
    return request
