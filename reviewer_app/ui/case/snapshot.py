"""One stored case as read at one version: what the case view shows (the case, its latest
determination, every version of its document, its audit entries and their check).

Loaded by a store operation on the database thread (see :mod:`reviewer_app.ui.operations`):
the store read, parsing the document and the code look-ups all touch files, so none of it
happens while the window is painting. A snapshot never changes; when the case does, the view
reads a new one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.core import case_diff
from reviewer_app.core.case import Case
from reviewer_app.core.case_file import parse_case, read_case_bytes
from reviewer_app.core.codes import icd10, procedure_list
from reviewer_app.core.criteria import input_labels
from reviewer_app.core.criteria.library import Library
from reviewer_app.core.determination import Determination
from reviewer_app.core.store.errors import StoreError

if TYPE_CHECKING:
    from reviewer_app.core.store.attachments import AttachmentRecord
    from reviewer_app.core.store.audit import CaseCheck
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.history import AuditLine, DocumentVersion


@dataclass(frozen=True)
class CaseSnapshot:
    case_id: int
    version: int
    status: str
    case: Case
    document: str
    """The ur-case/1 text exactly as stored (and as ``export`` gives it back)."""
    determination: Determination
    """The latest stored evaluation."""
    procedure_descriptions: dict[str, str]
    diagnosis_descriptions: dict[str, str]
    intact: bool = True
    """False when the case row no longer matches its audit record (changed outside the app)."""
    path: Path | None = None
    """The file this window imported the case from, if it came from one."""
    versions: tuple[DocumentVersion, ...] = ()
    """Every version of the request document, oldest first."""
    audit: tuple[AuditLine, ...] = ()
    """The case's audit entries, newest first."""
    check: CaseCheck | None = None
    """The audit check of this case's entries and rows, made when it was read."""
    replaced_at: int | None = None
    """For an earlier version shown read-only: the version whose document replaced it."""
    attachments: tuple[AttachmentRecord, ...] = ()
    """The case's attached documents, oldest first (without their bytes)."""

    @property
    def read_only(self) -> bool:
        return self.replaced_at is not None


def _descriptions(case: Case) -> tuple[dict[str, str], dict[str, str]]:
    procedures = {}
    for procedure in case.service.procedures:
        entry = procedure_list.procedure(procedure.code)
        if entry is not None:
            procedures[procedure.code] = entry.description
    diagnoses = {}
    for code in case.diagnosis_codes:
        description = icd10.icd10_description(code)
        if description is not None:
            diagnoses[code] = description
    return procedures, diagnoses


def load_snapshot(store: Store, case_id: int, *, by: int | None = None) -> CaseSnapshot:
    """Read case ``case_id`` for showing it, which the audit trail records as a view."""
    # sqlite-utils: loaded on the database thread, not at start-up
    from reviewer_app.core.store import attachments, audit, cases, history

    view = cases.view_case(store, case_id, by=by)
    if view.evaluation is None:
        raise StoreError(f"case {case_id} has no stored evaluation")
    case = parse_case(view.document, f"case {case_id}")
    procedures, diagnoses = _descriptions(case)
    input_labels.labels()  # read once here rather than on the GUI thread when the view shows
    case_diff.document_labels()
    return CaseSnapshot(
        case_id=view.case.id,
        version=view.case.version,
        status=view.case.status,
        case=case,
        document=view.document,
        determination=Determination.model_validate(view.evaluation.determination),
        procedure_descriptions=procedures,
        diagnosis_descriptions=diagnoses,
        intact=view.intact,
        versions=tuple(history.document_versions(store, case_id)),
        audit=tuple(history.audit_lines(store, case_id)),
        check=audit.verify_case(store, case_id),
        attachments=tuple(attachments.attachments_for(store, case_id=case_id)),
    )


def load_version(store: Store, case_id: int, version: int, *,
                 by: int | None = None) -> CaseSnapshot:
    """An earlier (or the current) version of the case's document with the evaluation it got,
    for showing read-only; recorded in the audit trail as a view of that version."""
    from reviewer_app.core.store import cases, history

    stored = history.view_version(store, case_id, version, by=by)
    if stored.evaluation is None:
        raise StoreError(f"case {case_id} has no stored evaluation of version {version}")
    summary = cases.get_case(store, case_id)
    case = parse_case(stored.document, f"case {case_id} version {version}")
    procedures, diagnoses = _descriptions(case)
    return CaseSnapshot(
        case_id=case_id,
        version=version,
        status=summary.status,
        case=case,
        document=stored.document,
        determination=Determination.model_validate(stored.evaluation.determination),
        procedure_descriptions=procedures,
        diagnosis_descriptions=diagnoses,
        replaced_at=stored.replaced_at,
    )


def import_file(
    store: Store, path: str | Path, *, library: Library | None = None, by: int | None = None
) -> CaseSnapshot:
    """Store the case file as a new draft (validated and evaluated, as ``import`` does on the
    command line) and read it back. An invalid file raises
    :class:`~reviewer_app.core.case_file.CaseFileError` or
    :class:`~reviewer_app.core.store.errors.ImportRefused` and stores nothing."""
    from reviewer_app.core.store import cases

    path = Path(path)
    data = read_case_bytes(path)
    [imported] = cases.import_documents(store, [(str(path), data)], by=by, library=library)
    return replace(load_snapshot(store, imported.case_id, by=by), path=path)
