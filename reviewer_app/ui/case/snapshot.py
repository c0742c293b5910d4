"""One case file read and evaluated, with the code descriptions its header shows.

Runs off the GUI thread (see :mod:`reviewer_app.ui.operations`): reading, evaluating and code
look-ups all touch files, so none of it happens while the window is painting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewer_app.core import codes, input_labels
from reviewer_app.core.case import Case
from reviewer_app.core.determination import Determination
from reviewer_app.core.evaluator import evaluate_file


@dataclass(frozen=True)
class OpenedCase:
    path: Path
    case: Case
    determination: Determination
    procedure_descriptions: dict[str, str]
    diagnosis_descriptions: dict[str, str]


def open_case(path: str | Path) -> OpenedCase:
    """Raises :class:`~reviewer_app.core.case_file.CaseFileError` for a file that is not a case."""
    path = Path(path)
    case, determination = evaluate_file(path)
    procedures = {}
    for procedure in case.service.procedures:
        entry = codes.procedure(procedure.code)
        if entry is not None:
            procedures[procedure.code] = entry.description
    diagnoses = {}
    for code in case.diagnosis_codes:
        description = codes.icd10_description(code)
        if description is not None:
            diagnoses[code] = description
    input_labels.labels()  # read once here rather than on the GUI thread when the view shows
    return OpenedCase(path, case, determination, procedures, diagnoses)
