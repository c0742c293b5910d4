"""Intake drafts: a request while the wizard builds it, kept in the case database.

The wizard saves the draft after every committed field (:func:`save_draft`: one small UPDATE).
The connection runs in WAL mode with ``synchronous = FULL`` (:mod:`.database`), so a save that
returned is on disk: closing the window, a crash or a power cut loses at most the field being
edited. On start the window lists the unfinished drafts (:func:`list_drafts`) to resume.

:func:`finish_draft` validates the whole document and, in one transaction, imports it as a new
case (the audit trail's ``create`` and ``evaluate``, as an import) or stores it as the next
version of the case it edits (``change`` and ``evaluate``, refused if that case moved on since
it was read), moves the draft's attachments to that case, and deletes the draft. A refused
finish changes nothing and keeps the draft (and its attachments).
Starting and discarding a draft are audited (``draft_start``, ``draft_discard``); the audit
entries name the draft by number only, never its content.

A draft can also come from a received request (:func:`start_imported_drafts`: a FHIR
Bundle read by ``core/fhir``): the Bundle's bytes are kept with it (:mod:`.fhir_requests`)
and follow it to the case it is saved as.

Listing drafts runs at start-up, so the case model, the evaluation and the import this module
also needs (to start or finish a draft) are imported by the functions that use them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from reviewer_app.core.store.audit import AuditLog
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError

if TYPE_CHECKING:
    from reviewer_app.core.case import Case
    from reviewer_app.core.criteria.library import Library

_SUMMARY_SQL = """
SELECT id, case_id, case_version, reviewer_id, os_user, created_at, updated_at, saves,
       json_extract(document, '$.external_id') AS external_id,
       json_extract(document, '$.member.family_name') AS family_name,
       json_extract(document, '$.member.given_name') AS given_name,
       json_extract(document, '$.service.procedures[0].code') AS procedure
FROM drafts
"""


class UnknownDraftError(StoreError):
    """The draft is not there any more: saved as a case or discarded (here or elsewhere)."""


@dataclass(frozen=True)
class DraftSummary:
    """A draft as the list of unfinished drafts shows it (no clinical content)."""

    id: int
    case_id: int | None
    """The stored case this draft edits; None for a new request."""
    case_version: int | None
    reviewer_id: int | None
    os_user: str
    created_at: str
    updated_at: str
    saves: int
    external_id: str | None
    family_name: str | None
    given_name: str | None
    procedure: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> DraftSummary:
        return cls(**{f.name: _text_or_none(row[f.name]) if f.name in _TEXTS else row[f.name]
                      for f in fields(cls)})

    @property
    def member_name(self) -> str | None:
        names = [n for n in (self.family_name, self.given_name) if n]
        return ", ".join(names) if names else None


_TEXTS = frozenset({"external_id", "family_name", "given_name", "procedure"})


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


@dataclass(frozen=True)
class Draft:
    summary: DraftSummary
    document: str
    """The partial ``ur-case/1`` document as JSON text."""

    @property
    def id(self) -> int:
        return self.summary.id


@dataclass(frozen=True)
class Finished:
    case_id: int
    version: int
    created: bool
    """True: a new case; False: a new version of the case the draft edited."""
    outcome: str


def _check_document(document: str) -> None:
    try:
        data = json.loads(document)
    except ValueError as error:
        raise StoreError(f"a draft must be a JSON document ({error})") from None
    if not isinstance(data, dict):
        raise StoreError("a draft must be a JSON object")


def start_draft(
    store: Store,
    document: str,
    *,
    by: int | None = None,
    case_id: int | None = None,
    case_version: int | None = None,
) -> Draft:
    """A new draft holding ``document``; with ``case_id``, it edits that case as read at
    ``case_version``."""
    from reviewer_app.core.store import cases
    from reviewer_app.core.store.reviewers import get_reviewer

    _check_document(document)
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        if case_id is not None:
            row = cases.case_row(store, case_id)
            if case_version is None:
                case_version = row["version"]
        now = store.now()
        draft_id = store.conn.execute(
            "INSERT INTO drafts (document, case_id, case_version, reviewer_id, os_user, "
            "created_at, updated_at, saves) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            (document, case_id, case_version, by, store.os_user, now, now),
        ).lastrowid
        details = {"draft_id": draft_id}
        stamp = (case_id, case_version, None) if case_id is not None else None
        AuditLog(store).append("draft_start", reviewer_id=by, case=stamp, details=details)
    return get_draft(store, draft_id)


@dataclass(frozen=True)
class ImportedDraft:
    """A draft made from a received request (a FHIR Bundle): the partial document and the
    bytes it was read from, kept with the draft (:mod:`.fhir_requests`)."""

    source: str
    document: str
    original: bytes


def start_imported_drafts(store: Store, items: list[ImportedDraft], *,
                          by: int | None = None, in_transaction: bool = False) -> list[int]:
    """A draft for each received request, all in one transaction (all or nothing): its own,
    or with ``in_transaction`` the caller's (an import of case files and Bundles together).
    Returns the draft numbers."""
    from reviewer_app.core.store.reviewers import get_reviewer

    if in_transaction:
        log = AuditLog(store)
        return [start_imported_in_transaction(store, log, item, by=by) for item in items]
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        log = AuditLog(store)
        return [start_imported_in_transaction(store, log, item, by=by) for item in items]


def start_imported_in_transaction(store: Store, log: AuditLog, item: ImportedDraft, *,
                                  by: int | None = None) -> int:
    """Inside the caller's write: the draft of one received request, its original kept, and
    one ``draft_start`` entry recording both (ids and the original's sha256, no content)."""
    from reviewer_app.core.store import fhir_requests

    _check_document(item.document)
    now = store.now()
    draft_id = store.conn.execute(
        "INSERT INTO drafts (document, case_id, case_version, reviewer_id, os_user, "
        "created_at, updated_at, saves) VALUES (?, NULL, NULL, ?, ?, ?, ?, 1)",
        (item.document, by, store.os_user, now, now),
    ).lastrowid
    original = fhir_requests.store_request(store, draft_id, item.source, item.original, by=by)
    log.append("draft_start", reviewer_id=by, record=fhir_requests.audit_stamp(original),
               details={"draft_id": draft_id, "fhir_request_id": original["id"],
                        "sha256": original["sha256"]})
    return draft_id


def save_draft(store: Store, draft_id: int, document: str) -> str:
    """Replace the draft's document (an autosave); the time it was saved, as stored."""
    _check_document(document)
    with store.write():
        now = store.now()
        cursor = store.conn.execute(
            "UPDATE drafts SET document = ?, updated_at = ?, saves = saves + 1 WHERE id = ?",
            (document, now, draft_id),
        )
        if cursor.rowcount != 1:
            raise _unknown(draft_id)
    return now


def _unknown(draft_id: int) -> UnknownDraftError:
    return UnknownDraftError(
        f"there is no draft {draft_id} any more: it was saved as a case or discarded"
    )


def get_draft(store: Store, draft_id: int) -> Draft:
    row = store.query_one(
        _SUMMARY_SQL.replace("FROM drafts", ", document FROM drafts") + " WHERE id = ?",
        (draft_id,),
    )
    if row is None:
        raise _unknown(draft_id)
    return Draft(DraftSummary.from_row(row), row["document"])


def list_drafts(store: Store) -> list[DraftSummary]:
    """Every unfinished draft, the most recently saved first."""
    rows = store.query(_SUMMARY_SQL + " ORDER BY updated_at DESC, id DESC")
    return [DraftSummary.from_row(row) for row in rows]


def draft_for_case(store: Store, case_id: int) -> DraftSummary | None:
    """The unfinished draft editing case ``case_id``, if there is one (resume it rather than
    starting a second)."""
    row = store.query_one(_SUMMARY_SQL + " WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                          (case_id,))
    return DraftSummary.from_row(row) if row else None


def discard_draft(store: Store, draft_id: int, *, by: int | None = None) -> None:
    """Throw the draft away with its attachments (audited: which draft, by whom, when; not
    what it held)."""
    from reviewer_app.core.store import attachments

    with store.write():
        row = store.query_one("SELECT case_id, case_version FROM drafts WHERE id = ?",
                              (draft_id,))
        if row is None:
            raise _unknown(draft_id)
        store.conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
        stamp = (row["case_id"], row["case_version"], None) if row["case_id"] else None
        log = AuditLog(store)
        log.append("draft_discard", reviewer_id=by, case=stamp, details={"draft_id": draft_id})
        attachments.discard_with_draft(store, log, draft_id, by=by)


def case_document(case: Case) -> str:
    """The text a finished draft is stored as: the validated case, every code and level in its
    normal form, keys in the contract's order."""
    return json.dumps(case.to_json_dict(), indent=2, ensure_ascii=False) + "\n"


def _unchanged(store: Store, case_id: int, case: Case) -> bool:
    from reviewer_app.core.case_file import CaseFileError, parse_case
    from reviewer_app.core.store import cases

    stored = cases.case_row(store, case_id)["document"]
    try:
        return parse_case(stored, f"case {case_id}") == case
    except CaseFileError:
        return False


def finish_draft(
    store: Store,
    draft_id: int,
    *,
    by: int | None = None,
    library: Library | None = None,
) -> Finished:
    """Store the draft as a case (see the module's text) and remove it, in one transaction.

    An invalid document raises :class:`~reviewer_app.core.case_file.CaseFileError` (each
    problem as ``draft N: field: problem``); an edited case that changed since it was read
    raises :class:`~reviewer_app.core.store.errors.StaleCaseError`. Either way nothing is
    written and the draft stays."""
    from reviewer_app.core.case_file import parse_case
    from reviewer_app.core.store import attachments, cases, decisions, fhir_requests, revisions
    from reviewer_app.core.store.reviewers import get_reviewer

    source = f"draft {draft_id}"
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        draft = get_draft(store, draft_id)
        case = parse_case(draft.document, source)
        text = case_document(case)
        log = AuditLog(store)
        details = {"draft_id": draft_id}
        summary = draft.summary
        if summary.case_id is None:
            imported = cases.import_in_transaction(store, log, source, text, by=by,
                                                   library=library, details=details)
            fhir_requests.attach_in_transaction(store, log, draft_id, imported.case_id, by=by)
            finished = Finished(imported.case_id, 1, True, imported.outcome)
        elif _unchanged(store, summary.case_id, case):
            decisions.current_row(store, summary.case_id, summary.case_version)
            log.append("draft_discard", reviewer_id=by,
                       case=(summary.case_id, summary.case_version, None),
                       details={**details, "unchanged": True})
            evaluation = cases.latest_evaluation(store, summary.case_id)
            finished = Finished(summary.case_id, summary.case_version, False,
                                evaluation.outcome if evaluation else "")
        else:
            revised = revisions.revise_in_transaction(
                store, log, summary.case_id, text, expected_version=summary.case_version,
                by=by, library=library, source=source, details=details)
            finished = Finished(revised.case.id, revised.case.version, False,
                                revised.evaluation.outcome)
        attachments.move_to_case(store, log, draft_id, finished.case_id, by=by)
        store.conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
    return finished
