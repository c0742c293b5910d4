"""The case view's Export menu: the request as its ur-case/1 file, the answer to a FHIR request
(a Da Vinci PAS response Bundle) and the request Bundle as received, each the file
``export ID [--format fhir | fhir-request] --out FILE`` writes.

The store operation calls the core functions the command line calls
(``cases.export_case``, ``fhir.exporting.export_response``, ``fhir_requests.export_request``):
the export is recorded in the audit trail with the signed-in reviewer before the file is
written, and the file is written atomically (complete or absent, a leftover of an interrupted
write to it removed first). A refusal (an undecided case, a record altered) is shown in the
core's own sentence and nothing is written. The save dialog's own overwrite question stands
for the command line's ``--force``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from reviewer_app.core.lifecycle import LETTER_FOR
from reviewer_app.ui.operations.failures import Failure, describe_failure
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.problems_message import ProblemsMessage

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store
    from reviewer_app.ui.case.snapshot import CaseSnapshot
    from reviewer_app.ui.context import AppContext

KINDS = ("case", "fhir", "fhir-request")
"""The command line's ``export --format`` values."""
LABELS = {"case": "Case file (ur-case/1)…", "fhir": "FHIR response (Da Vinci PAS)…",
          "fhir-request": "FHIR request Bundle as received…"}
WORDS = {"case": "the case file", "fhir": "the FHIR response",
         "fhir-request": "the FHIR request Bundle"}
TIPS = {"case": "The request document exactly as it was imported or last saved (ur-case/1 "
                "JSON)",
        "fhir": "The decision as a Da Vinci PAS response Bundle (ClaimResponse) for the "
                "provider's system, validated before it is written",
        "fhir-request": "The PAS request Bundle this case came from, byte for byte"}
SUFFIXES = {"case": "case", "fhir": "fhir-response", "fhir-request": "fhir-request"}
FILTER = "JSON files (*.json);;All files (*)"
LAST_FOLDER = "exports/last_folder"
NOT_FHIR = ("This case was not imported from a FHIR request Bundle: there is no FHIR request "
            "to answer (export it as a case file, or answer it by letter)")
NOT_DECIDED = ("No decision to answer with yet: the FHIR response states an approval, a "
               "partial approval, a denial or a pend (a referral is answered by the "
               "physician's decision)")


def export_problem(kind: str, snapshot: CaseSnapshot) -> str | None:
    """Why ``kind`` cannot be exported from the case shown; None when it can (the core checks
    everything again, and refuses in its own words)."""
    if kind == "case":
        return None
    if not snapshot.from_fhir:
        return NOT_FHIR
    decision = snapshot.latest_decision
    if kind == "fhir" and (decision is None or decision.decision not in LETTER_FOR):
        return NOT_DECIDED
    return None


def suggested_name(kind: str, snapshot: CaseSnapshot) -> str:
    """``case-12-PA-2026-004417-fhir-response.json``: the case number and the request's
    external id, never the member's name (a file name is seen in folders, mail and logs)."""
    external = re.sub(r"[^A-Za-z0-9._-]+", "-", snapshot.case.external_id or "")[:64]
    external = external.strip(".-")
    parts = [f"case-{snapshot.case_id}", *([external] if external else []), SUFFIXES[kind]]
    return "-".join(parts) + ".json"


@dataclass(frozen=True)
class Written:
    kind: str
    path: Path
    sha256: str
    leftovers: tuple[Path, ...] = ()
    """Temporary files an interrupted write to the same file had left, removed first."""


def write_export(store: Store, kind: str, case_id: int, path: Path, *,
                 by: int | None) -> Written:
    """On the database thread: what ``export`` does with ``--out``; the audit entry is
    committed before the file is written."""
    from reviewer_app.core.atomic import check_target, remove_leftovers, write_atomic

    target = check_target(path)
    removed: list[Path] = []

    def sink(data: bytes) -> None:
        removed.extend(remove_leftovers(target))
        write_atomic(target, data)

    if kind == "fhir":
        from reviewer_app.core.fhir.exporting import export_response
        from reviewer_app.core.letters.settings import load_settings

        settings = load_settings(store.path)
        digest = export_response(store, case_id, sink, validity_days=settings.validity_days,
                                 by=by).sha256
    elif kind == "fhir-request":
        from reviewer_app.core.store.fhir_requests import export_request

        digest = export_request(store, case_id, sink, by=by).sha256
    else:
        from reviewer_app.core.store import cases

        digest = cases.export_case(store, case_id, lambda text: sink(text.encode("utf-8")),
                                   by=by)
    return Written(kind, target, digest, tuple(removed))


class ExportFileDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str, suggested: Path) -> Path | None:
        """Where to write, or None when the user cancelled (the dialog asks before replacing
        a file)."""
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), FILTER)
        return Path(name) if name else None


def _failure(error: Exception) -> Failure:
    from reviewer_app.core.letters.errors import LetterRefused

    if isinstance(error, LetterRefused):
        return Failure("It was refused; nothing was written.", [str(error)], True)
    return describe_failure(error)


class CaseExports(QObject):
    """The Export menu's flow for the case view: ask where, write, say what happened."""

    exported = Signal(object)
    """A file was written (a :class:`Written`)."""
    refused = Signal(str, str)
    """(kind, the core's sentence): nothing was written."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._view = parent

    def start(self, context: AppContext, snapshot: CaseSnapshot, kind: str) -> None:
        view = self._view
        if export_problem(kind, snapshot) is not None:
            return
        folder = Path(str(context.settings.value(LAST_FOLDER, str(Path.home()))))
        path = ExportFileDialog.ask(view, f"Export {WORDS[kind]} of case {snapshot.case_id}",
                                    folder / suggested_name(kind, snapshot))
        if path is None:
            return
        context.settings.setValue(LAST_FOLDER, str(path.parent))
        case_id, by = snapshot.case_id, context.reviewer_id
        (context.store.op(self, lambda store: write_export(store, kind, case_id, path, by=by),
                          what=f"export {WORDS[kind]} of case {case_id}")
         .success(lambda written: self._on_written(case_id, written))
         .failure(lambda error: self._on_failed(case_id, kind, error))
         .run())

    def _on_written(self, case_id: int, written: Written) -> None:
        message = (f"Case {case_id}: {WORDS[written.kind]} written to {written.path} "
                   "(recorded in the audit trail)")
        if written.leftovers:
            message += f"; removed {len(written.leftovers)} leftover(s) of an interrupted write"
        self._status(message)
        emit(self.exported, written)

    def _on_failed(self, case_id: int, kind: str, error: Exception) -> None:
        failure = _failure(error)
        self._status(f"Case {case_id}: {WORDS[kind]} was not exported")
        ProblemsMessage.show_problems(
            self._view, "Not exported",
            f"{WORDS[kind][0].upper()}{WORDS[kind][1:]} of case {case_id} was not exported. "
            f"{failure.summary}", failure.lines)
        emit(self.refused, kind, " ".join(failure.lines))
        if not failure.expected:
            raise error

    def _status(self, message: str) -> None:
        window = self._view.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 10_000)
