"""A case's history, for the case view: every version of its document with the evaluations
each version got, and its audit entries with who made them.

Who and when come from the audit trail, the record of who did what (a document version was
stored by the ``create`` entry of the import or the ``edit`` entry of a save); a case never
edited has one version, the text in its row. Only reads, except :func:`view_version`, which
records the view as opening a case does.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core.store.audit import AuditLog, Entry, case_stamp, entries
from reviewer_app.core.store.cases import case_row
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import UnknownCaseError
from reviewer_app.core.store.hashing import sha256_text
from reviewer_app.core.store.records import Evaluation
from reviewer_app.core.store.reviewers import get_reviewer
from reviewer_app.core.store.rows import EVALUATION_COLUMNS


@dataclass(frozen=True)
class DocumentVersion:
    case_id: int
    version: int
    """The case's version when this document was stored (1 for the imported one)."""
    number: int
    """1 for the imported document, 2 for the first edit, and so on."""
    document: str
    sha256: str
    saved_at: str
    saved_by: str
    """Who stored it, in words: the reviewer's name and credentials, else the computer user."""
    evaluations: tuple[Evaluation, ...]
    """Every evaluation of this text, oldest first (a re-evaluation adds one)."""
    replaced_at: int | None
    """The case version whose document replaced this one; None for the current document."""

    @property
    def evaluation(self) -> Evaluation | None:
        return self.evaluations[-1] if self.evaluations else None


@dataclass(frozen=True)
class AuditLine:
    """One audit entry of a case, with who made it in words."""

    seq: int
    at: str
    action: str
    who: str
    case_version: int | None
    details: dict


def _names(store: Store) -> dict[int, str]:
    return {row["id"]: f"{row['name']}, {row['credentials']}"
            for row in store.query("SELECT id, name, credentials FROM reviewers")}


def _who(entry: Entry | None, names: dict[int, str]) -> str:
    if entry is None:
        return "unknown"
    if entry.reviewer_id is not None:
        return names.get(entry.reviewer_id, f"reviewer {entry.reviewer_id}")
    return f"{entry.os_user} (computer user)"


def _stored_by(log: list[Entry]) -> dict[int, Entry]:
    """The entry that stored each document version, by version."""
    stored: dict[int, Entry] = {}
    for entry in log:
        if entry.action == "create" and 1 not in stored:
            stored[1] = entry
        elif entry.action == "edit" and "kept" not in entry.details:
            stored[entry.details.get("document_version", entry.case_version)] = entry
    return stored


def document_versions(store: Store, case_id: int) -> list[DocumentVersion]:
    """Every version of the case's document, oldest first, each with its evaluations."""
    row = case_row(store, case_id)
    texts = [(r["case_version"], r["document"], r["sha256"]) for r in store.query(
        "SELECT case_version, document, sha256 FROM case_documents WHERE case_id = ? "
        "ORDER BY case_version", (case_id,))]
    if not texts:
        texts = [(1, row["document"], sha256_text(row["document"]))]
    evaluations = [Evaluation.from_row(r) for r in store.query(
        f"SELECT {', '.join(EVALUATION_COLUMNS)} FROM evaluations WHERE case_id = ? ORDER BY id",
        (case_id,))]
    log = entries(store, case_id=case_id, newest_first=False)
    stored, names = _stored_by(log), _names(store)
    versions = []
    for number, (version, text, digest) in enumerate(texts, start=1):
        replaced_at = texts[number][0] if number < len(texts) else None
        entry = stored.get(version)
        versions.append(DocumentVersion(
            case_id=case_id, version=version, number=number, document=text, sha256=digest,
            saved_at=entry.at if entry else row["created_at"], saved_by=_who(entry, names),
            evaluations=tuple(e for e in evaluations if e.case_version >= version
                              and (replaced_at is None or e.case_version < replaced_at)),
            replaced_at=replaced_at,
        ))
    return versions


def get_version(store: Store, case_id: int, version: int) -> DocumentVersion:
    """The document stored at case version ``version`` (as :func:`document_versions` lists)."""
    for item in document_versions(store, case_id):
        if item.version == version:
            return item
    raise UnknownCaseError(
        f"case {case_id} has no document stored at version {version} (see its history)")


def view_version(store: Store, case_id: int, version: int, *,
                 by: int | None = None) -> DocumentVersion:
    """Read one version for showing it, recorded as a view of that version."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        item = get_version(store, case_id, version)
        AuditLog(store).append("view", reviewer_id=by,
                               case=case_stamp(case_row(store, case_id), hashed=False),
                               details={"document_version": version})
    return item


def audit_lines(store: Store, case_id: int) -> list[AuditLine]:
    """The case's audit entries, newest first."""
    names = _names(store)
    return [AuditLine(e.seq, e.at, e.action, _who(e, names), e.case_version, e.details)
            for e in entries(store, case_id=case_id)]
