"""One stored case as read at one version: what the case view shows (the case, its latest
determination, every version of its document, its audit entries and their check).

Loaded by a store operation on the database thread (see :mod:`reviewer_app.ui.operations`):
the store read, parsing the document and the code look-ups all touch files, so none of it
happens while the window is painting. A snapshot never changes; when the case does, the view
reads a new one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.core import case_diff
from reviewer_app.core.case import Case
from reviewer_app.core.case_file import parse_case, read_case_bytes
from reviewer_app.core.codes import icd10, procedure_list
from reviewer_app.core.criteria import input_labels
from reviewer_app.core.criteria.library import Library
from reviewer_app.core.determination import Determination
from reviewer_app.core.languages import member_letter_language
from reviewer_app.core.lifecycle import LETTER_FOR, RECIPIENTS
from reviewer_app.core.store.errors import StoreError

if TYPE_CHECKING:
    from reviewer_app.core.store.attachments import AttachmentRecord
    from reviewer_app.core.store.audit import CaseCheck
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.history import AuditLine, DocumentVersion
    from reviewer_app.core.store.letters import LetterRecord
    from reviewer_app.core.store.peer_to_peer import PeerToPeer
    from reviewer_app.core.store.records import Decision


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
    decisions: tuple[Decision, ...] = ()
    """The case's decisions, oldest first."""
    letters: tuple[LetterRecord, ...] = ()
    """The case's issued letters, oldest first."""
    talks: tuple[PeerToPeer, ...] = ()
    """Peer-to-peer conversations recorded on the case, oldest first."""
    reviewer_names: dict[int, str] = field(default_factory=dict)
    """Name and credentials of every reviewer (for decisions, letters and talks)."""
    attachments: tuple[AttachmentRecord, ...] = ()
    """The case's attached documents, oldest first (without their bytes)."""
    from_fhir: bool = False
    """The case was imported from a FHIR request Bundle (kept as received, answerable in
    FHIR)."""

    @property
    def latest_decision(self) -> Decision | None:
        return self.decisions[-1] if self.decisions else None

    @property
    def letters_due(self) -> tuple[str, ...]:
        """The recipients still waiting for the letter of the latest decision."""
        decision = self.latest_decision
        if decision is None or decision.decision not in LETTER_FOR:
            return ()
        sent = {letter.recipient for letter in self.letters if letter.decision_id == decision.id}
        return tuple(r for r in RECIPIENTS if r not in sent)

    @property
    def member_letter_language(self) -> str:
        return member_letter_language(self.case.member.language)

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
    from reviewer_app.core.store.fhir_requests import has_request
    from reviewer_app.core.store.letters import letters_for
    from reviewer_app.core.store.peer_to_peer import peer_to_peer_for
    from reviewer_app.core.store.records import list_reviewers

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
        decisions=tuple(view.decisions),
        letters=tuple(letters_for(store, case_id)),
        talks=tuple(peer_to_peer_for(store, case_id)),
        reviewer_names={r.id: r.signature for r in list_reviewers(store)},
        attachments=tuple(attachments.attachments_for(store, case_id=case_id)),
        from_fhir=has_request(store, case_id),
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
