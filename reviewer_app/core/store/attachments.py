"""A request's clinical documents in the case store: attached, listed, read and exported.

Each attachment is one row of ``attachments`` (migration ``m014_attachments``) with the bytes,
their sha256 and size, the kind read from the bytes (:mod:`reviewer_app.core.attachments`),
who attached it and when. It is one of the records the audit trail vouches for: the entry
that writes it records the row's hash (bytes included, as their SHA-256), so ``audit verify``
and the case's own check report an attachment changed, added or deleted behind the
application's back, and every read checks the bytes against their sha256 and the row against
its audit record first: an attachment that no longer matches is refused as "record altered".

An attachment belongs to a case, or to an intake draft until the draft is saved: then, in the
transaction that stores the case, it moves to the case (its ``case_id`` set, a new ``attach``
entry with the new hash). Discarding a draft deletes its attachments with it (an
``attachment_remove`` entry each, hash :data:`~reviewer_app.core.store.audit.REMOVED`). A
case's attachments are kept as long as the case (triggers refuse UPDATE and DELETE).

Attaching reads and checks the whole file before the write transaction starts and writes the
row and its audit entry in one transaction, so a refused or failed attach stores nothing, and
no part of a file is ever stored. An export records itself before the file is written (as a
case's export does) and writes atomically (:mod:`reviewer_app.core.atomic`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer_app.core.attachments import (
    KIND_WORDS,
    AttachmentFile,
    read_attachment_file,
    size_words,
)
from reviewer_app.core.store.audit import (
    REMOVED,
    AuditLog,
    case_stamp,
    check_record_intact,
    record_stamp,
)
from reviewer_app.core.store.cases import case_row
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError, TamperedCaseError
from reviewer_app.core.store.reviewers import get_reviewer
from reviewer_app.core.store.rows import ATTACHMENT_COLUMNS, insert_sql

_LISTED = """
    SELECT a.id, a.case_id, a.draft_id, a.name, a.kind, a.media_type, a.size, a.sha256,
           a.reviewer_id, a.os_user, a.created_at,
           CASE WHEN r.id IS NULL THEN NULL ELSE r.name || ', ' || r.credentials END AS reviewer
    FROM attachments a LEFT JOIN reviewers r ON r.id = a.reviewer_id
"""
_INSERT = insert_sql("attachments", ATTACHMENT_COLUMNS)


class UnknownAttachmentError(StoreError):
    pass


@dataclass(frozen=True)
class AttachmentRecord:
    """One stored attachment, without its bytes (:func:`read_attachment` gives those)."""

    id: int
    case_id: int | None
    draft_id: int | None
    """The draft it was attached to, if it came with one (kept after the draft is saved)."""
    name: str
    kind: str
    """``pdf``, ``png``, ``jpeg`` or ``text`` (read from the bytes)."""
    media_type: str
    size: int
    sha256: str
    reviewer_id: int | None
    os_user: str
    created_at: str
    reviewer: str | None
    """Who attached it, as signed ("Pat Lee, RN"); None when no reviewer was named."""

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> AttachmentRecord:
        return cls(**{f.name: row[f.name] for f in dataclasses.fields(cls)})

    @property
    def who(self) -> str:
        return self.reviewer or self.os_user

    @property
    def kind_words(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind)

    @property
    def size_words(self) -> str:
        return size_words(self.size)

    def to_json_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Attachment:
    """An attachment with its bytes, checked against its sha256 and its audit record."""

    record: AttachmentRecord
    data: bytes


def _owner(store: Store, case_id: int | None, draft_id: int | None) -> sqlite3.Row | None:
    """The case row (for the audit stamp), or None for a draft; refuses an unknown owner."""
    if (case_id is None) == (draft_id is None):
        raise StoreError("an attachment belongs to a case or to a draft (give one of them)")
    if case_id is not None:
        return case_row(store, case_id)
    if store.query_one("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)) is None:
        raise StoreError(f"there is no draft {draft_id} any more: it was saved as a case or "
                         "discarded")
    return None


def attach(store: Store, file: AttachmentFile, *, case_id: int | None = None,
           draft_id: int | None = None, by: int | None = None) -> AttachmentRecord:
    """Store the checked ``file`` with case ``case_id`` or draft ``draft_id``, with its audit
    entry, in one transaction."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        case = _owner(store, case_id, draft_id)
        row = {
            "id": None,
            "case_id": case_id,
            "draft_id": draft_id,
            "name": file.name,
            "kind": file.kind,
            "media_type": file.media_type,
            "size": file.size,
            "sha256": file.sha256,
            "content": file.data,
            "reviewer_id": by,
            "os_user": store.os_user,
            "created_at": store.now(),
        }
        row["id"] = store.conn.execute(
            _INSERT, tuple(row[name] for name in ATTACHMENT_COLUMNS)).lastrowid
        details = {"attachment_id": row["id"], "kind": file.kind, "size": file.size,
                   "sha256": file.sha256}
        if draft_id is not None:
            details["draft_id"] = draft_id
        AuditLog(store).append("attach", reviewer_id=by,
                               case=case_stamp(case, hashed=False) if case else None,
                               record=record_stamp("attachments", row), details=details)
    return get_attachment(store, row["id"])


def attach_file(store: Store, path: str | Path, *, case_id: int | None = None,
                draft_id: int | None = None, by: int | None = None) -> AttachmentRecord:
    """Read and check the file at ``path`` (:func:`~reviewer_app.core.attachments.
    read_attachment_file`: a regular file, at most 20 MiB, a PDF, PNG, JPEG or UTF-8 text by
    its content), then :func:`attach` it. A refusal is an
    :class:`~reviewer_app.core.attachments.AttachmentError` and stores nothing."""
    return attach(store, read_attachment_file(path), case_id=case_id, draft_id=draft_id, by=by)


def get_attachment(store: Store, attachment_id: int) -> AttachmentRecord:
    row = store.query_one(f"{_LISTED} WHERE a.id = ?", (attachment_id,))
    if row is None:
        raise UnknownAttachmentError(
            f"there is no attachment {attachment_id} (`attachments CASE` lists a case's)")
    return AttachmentRecord.from_row(row)


def attachments_for(store: Store, *, case_id: int | None = None,
                    draft_id: int | None = None) -> list[AttachmentRecord]:
    """A case's or a draft's attachments, oldest first."""
    if case_id is not None:
        rows = store.query(f"{_LISTED} WHERE a.case_id = ? ORDER BY a.id", (case_id,))
    else:
        rows = store.query(f"{_LISTED} WHERE a.draft_id = ? AND a.case_id IS NULL "
                           "ORDER BY a.id", (draft_id,))
    return [AttachmentRecord.from_row(row) for row in rows]


def _checked_row(store: Store, attachment_id: int) -> sqlite3.Row:
    record = get_attachment(store, attachment_id)
    row = store.query_one(
        f"SELECT {', '.join(ATTACHMENT_COLUMNS)} FROM attachments WHERE id = ?", (record.id,))
    content = row["content"]
    if not isinstance(content, bytes) or len(content) != row["size"] or (
            hashlib.sha256(content).hexdigest() != row["sha256"]):
        raise TamperedCaseError(
            f"record altered: attachment {row['id']}'s bytes do not match its sha256: they "
            "were changed outside the application. Nothing was done; run `audit verify`")
    check_record_intact(store, "attachments", row)
    return row


def _stamp(store: Store, row: sqlite3.Row):
    return case_stamp(case_row(store, row["case_id"]), hashed=False) if row["case_id"] else None


def read_attachment(store: Store, attachment_id: int, *, by: int | None = None) -> Attachment:
    """The attachment with its bytes, for showing it (recorded in the audit trail as a view,
    as opening a case is). Refused as "record altered" when the bytes or the row no longer
    match what the application wrote."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        row = _checked_row(store, attachment_id)
        details = {"attachment_id": row["id"], "sha256": row["sha256"]}
        if row["case_id"] is None:
            details["draft_id"] = row["draft_id"]
        AuditLog(store).append("view", reviewer_id=by, case=_stamp(store, row), details=details)
    return Attachment(get_attachment(store, attachment_id), row["content"])


def export_attachment(store: Store, attachment_id: int, sink: Callable[[bytes], None], *,
                      by: int | None = None) -> AttachmentRecord:
    """Record the export, then hand the stored bytes, checked, to ``sink`` (which writes the
    file). The audit entry is committed first: a crash or a full disk after it leaves an entry
    for an export that did not finish, never a copy that no entry mentions."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        row = _checked_row(store, attachment_id)
        AuditLog(store).append("export", reviewer_id=by, case=_stamp(store, row),
                               details={"attachment_id": row["id"], "sha256": row["sha256"],
                                        "to": "file"})
    sink(row["content"])
    return get_attachment(store, attachment_id)


def move_to_case(store: Store, log: AuditLog, draft_id: int, case_id: int, *,
                 by: int | None = None) -> list[int]:
    """Inside the write that stores draft ``draft_id`` as case ``case_id``: its attachments
    become the case's, each with an ``attach`` entry recording its new hash. Their bytes are
    checked first: a draft attachment altered outside the application refuses the save."""
    moved = []
    case = case_row(store, case_id)
    for record in attachments_for(store, draft_id=draft_id):
        _checked_row(store, record.id)
        store.conn.execute("UPDATE attachments SET case_id = ? WHERE id = ?",
                           (case_id, record.id))
        row = store.query_one(
            f"SELECT {', '.join(ATTACHMENT_COLUMNS)} FROM attachments WHERE id = ?",
            (record.id,))
        log.append("attach", reviewer_id=by, case=case_stamp(case, hashed=False),
                   record=record_stamp("attachments", row),
                   details={"attachment_id": record.id, "sha256": record.sha256,
                            "from_draft": draft_id})
        moved.append(record.id)
    return moved


def discard_with_draft(store: Store, log: AuditLog, draft_id: int, *,
                       by: int | None = None) -> int:
    """Inside the write that discards draft ``draft_id``: delete its attachments (an
    ``attachment_remove`` entry each); how many."""
    records = attachments_for(store, draft_id=draft_id)
    for record in records:
        _remove(store, log, record, by, "draft discarded")
    return len(records)


def remove_from_draft(store: Store, attachment_id: int, *, by: int | None = None) -> None:
    """Take an attachment off the draft it came with (attached by mistake). A case's
    attachments cannot be removed: they are kept with the case."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        record = get_attachment(store, attachment_id)
        if record.case_id is not None:
            raise StoreError(f"attachment {attachment_id} belongs to case {record.case_id}: a "
                             "case's attachments are kept with it and cannot be removed")
        _remove(store, AuditLog(store), record, by, "removed from the draft")


def _remove(store: Store, log: AuditLog, record: AttachmentRecord, by: int | None,
            why: str) -> None:
    store.conn.execute("DELETE FROM attachments WHERE id = ? AND case_id IS NULL", (record.id,))
    log.append("attachment_remove", reviewer_id=by, record=("attachments", record.id, REMOVED),
               details={"attachment_id": record.id, "draft_id": record.draft_id,
                        "sha256": record.sha256, "why": why})


def find_by_sha256(store: Store, sha256: str, *, case_id: int | None = None,
                   draft_id: int | None = None) -> AttachmentRecord | None:
    """The case's (or the draft's) attachment with these bytes: what an imaging study's
    ``report_attachment`` points to."""
    if case_id is not None:
        row = store.query_one(f"{_LISTED} WHERE a.case_id = ? AND a.sha256 = ? "
                              "ORDER BY a.id LIMIT 1", (case_id, sha256))
    else:
        row = store.query_one(f"{_LISTED} WHERE a.draft_id = ? AND a.case_id IS NULL AND "
                              "a.sha256 = ? ORDER BY a.id LIMIT 1", (draft_id, sha256))
    return AttachmentRecord.from_row(row) if row else None
