"""Evaluating a draft: every problem at its field, and a determination from what is valid.

The wizard calls :func:`evaluate_draft` after every committed field, from the first page on,
so it must not need a complete case. It validates the whole document with the same parser as
the command line (:func:`~reviewer_app.core.case_file.parse_case`), so every message is the one
``evaluate`` prints for that field. Then it evaluates the valid clinical part:

- an invalid value is left out (an unreported finding instead of a wrong one), an invalid list
  item (a study without a modality, a diagnosis that is not billable) is left out with its
  indices mapped back, so every path in the determination names the document's own item;
- a required administrative field that is missing or invalid gets a placeholder *for the
  evaluation only* (never stored): received now, standard urgency, commercial, a dummy member
  and provider. They do not change what the criteria decide; the due time says "if".
- with no valid procedure there is no criteria set yet (``waiting_for`` says so);
- with no diagnosis, the criteria that read whether one is neoplastic are unknown, asking for
  ``diagnoses``; when the set itself depends on that (a fusion code), there is no set yet.

A document without problems is the case exactly as it will be stored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from reviewer_app.core.case import Case
from reviewer_app.core.case_file import CaseFileError, parse_case
from reviewer_app.core.criteria.evaluator import decide, evaluate
from reviewer_app.core.criteria.library import Library, default_library
from reviewer_app.core.criteria.result import Result
from reviewer_app.core.determination import CriterionResult, Determination
from reviewer_app.core.intake.document import DraftDocument, get_path, join_path, split_path

SOURCE = "draft"
REQUIRED = "required field is missing"
NEOPLASTIC = "derived.neoplastic_diagnosis"

PLACEHOLDER_NPI = "1234567893"
"""Passes the NPI check digit (the contract's own example); never stored."""
PLACEHOLDER_PROCEDURE = {"code": "00000", "system": "CPT", "units": 1}
"""Selects no criteria set: lets the scores be computed before a procedure is entered."""
PLACEHOLDER_DIAGNOSIS = {"code": "C80.1"}
"""A neoplastic code, so that inputs asked only of a tumor case are asked while the diagnoses
are unknown; every criterion that reads the diagnoses is made unknown afterwards."""

_FIXED_PLACEHOLDERS: dict[str, Any] = {
    "urgency": "standard",
    "line_of_business": "commercial",
    "member.id": "-",
    "member.given_name": "-",
    "member.family_name": "-",
    "requesting_provider.name": "-",
    "requesting_provider.npi": PLACEHOLDER_NPI,
}
_SECTIONS = ("member", "requesting_provider", "service")
LISTS = ("imaging", "prior_treatments", "diagnoses", "service.procedures")
"""Lists whose invalid items are left out of the evaluation (their indices are mapped)."""
_LIST_ITEM = re.compile(r"^(imaging|prior_treatments|diagnoses|service\.procedures)\[(\d+)\]")
_DETERMINATION_INDEX = re.compile(r"\b(imaging|prior_treatments)\[(\d+)\]")
_BIRTH_AFTER_RECEIVED = "member.birth_date is after received_at"
_MAX_ROUNDS = 8


@dataclass(frozen=True)
class FieldProblem:
    path: str
    """The field in the document, e.g. ``requesting_provider.npi`` or ``prior_treatments[0]``."""
    message: str
    """The command line's words for it."""
    missing: bool
    """A required field not entered yet, rather than a wrong value."""


@dataclass(frozen=True)
class DraftEvaluation:
    problems: tuple[FieldProblem, ...]
    case: Case | None
    """What was evaluated: the valid part of the draft, with placeholders where required
    administrative fields are missing. For live values (age, scores, counted care); never
    stored. None only when even that could not be built."""
    determination: Determination | None
    """None while ``waiting_for`` is not empty and blocks selecting a criteria set."""
    waiting_for: tuple[str, ...] = ()
    """What the evaluation still lacks to be complete: ``service.procedures`` (no criteria
    set without it), ``diagnoses``."""
    placeholders: tuple[str, ...] = ()
    """Fields the evaluation filled in for itself (e.g. ``received_at``: due time if received
    now)."""
    index_maps: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """For each list, the document index of each evaluated item."""
    criteria_set_title: str | None = None

    @property
    def complete(self) -> bool:
        """No problem at all: the draft can be saved as a case."""
        return not self.problems

    @property
    def invalid(self) -> tuple[FieldProblem, ...]:
        return tuple(p for p in self.problems if not p.missing)

    def problem(self, path: str) -> FieldProblem | None:
        return next((p for p in self.problems if p.path == path), None)

    def problems_under(self, prefix: str) -> tuple[FieldProblem, ...]:
        return tuple(p for p in self.problems if _under(p.path, prefix))

    def evaluated_index(self, list_path: str, document_index: int) -> int | None:
        """Where item ``document_index`` of a list is in :attr:`case` (None: left out)."""
        mapping = self.index_maps.get(list_path)
        if mapping is None:
            return document_index
        try:
            return mapping.index(document_index)
        except ValueError:
            return None


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


class _Work:
    """The copy being repaired until it validates, and what was done to it."""

    def __init__(self, text: str, now: dt.datetime):
        self.data = json.loads(text)
        self.now = now
        self.placeholders: list[str] = []
        self.waiting: list[str] = []
        self.maps: dict[str, list[int]] = {
            name: list(range(len(_get(self.data, name) or ()))) for name in LISTS
        }

    def to_document(self, path: str) -> str:
        match = _LIST_ITEM.match(path)
        if not match:
            return path
        name, index = match[1], int(match[2])
        mapping = self.maps[name]
        original = mapping[index] if index < len(mapping) else index
        return f"{name}[{original}]{path[match.end():]}"

    def placeholder(self, path: str, value: Any) -> None:
        _set(self.data, path, value)
        if path not in self.placeholders:
            self.placeholders.append(path)

    def drop_item(self, name: str, index: int) -> None:
        items = _get(self.data, name)
        if isinstance(items, list) and index < len(items):
            items.pop(index)
            self.maps[name].pop(index)

    def repair(self, path: str, message: str) -> None:
        """Make the copy valid at ``path``: leave the value out, or put a placeholder."""
        if message == _BIRTH_AFTER_RECEIVED:
            path = "member.birth_date"
        if path in _FIXED_PLACEHOLDERS:
            self.placeholder(path, _FIXED_PLACEHOLDERS[path])
        elif path == "received_at":
            self.placeholder(path, self.now.isoformat())
        elif path == "member.birth_date":
            received = _get(self.data, "received_at")
            try:
                day = dt.datetime.fromisoformat(received).date()
            except (TypeError, ValueError):
                day = self.now.date()
            self.placeholder(path, day.isoformat())
        elif path in _SECTIONS:
            _set(self.data, path, {})
        elif path in ("service.procedures", "diagnoses") and (
            message == REQUIRED or not _get(self.data, path)
        ):
            item = PLACEHOLDER_PROCEDURE if path == "service.procedures" else PLACEHOLDER_DIAGNOSIS
            _set(self.data, path, [dict(item)])
            self.maps[path] = []
            self.waiting.append(path)
        elif path == "diagnoses":
            self._distinct_diagnoses()
        else:
            self._leave_out(path)

    def _distinct_diagnoses(self) -> None:
        """Leave out the first diagnosis that repeats an earlier one."""
        seen: set[str] = set()
        for index, item in enumerate(_get(self.data, "diagnoses")):
            code = str(item.get("code", "")).replace(".", "").strip().upper()
            if code in seen:
                self.drop_item("diagnoses", index)
                return
            seen.add(code)

    def _leave_out(self, path: str) -> None:
        match = _LIST_ITEM.match(path)
        if match:
            name, index = match[1], int(match[2])
            rest = path[match.end():]
            if name == "prior_treatments" and rest == "":
                item = _get(self.data, f"{name}[{index}]")
                if isinstance(item, dict) and ("start" in item or "end" in item):
                    item.pop("start", None)
                    item.pop("end", None)
                    return
            if rest in ("", ".modality", ".type", ".code", ".system") or not isinstance(
                _get(self.data, f"{name}[{index}]"), dict
            ):
                self.drop_item(name, index)
                return
        try:
            parts = split_path(path)
        except ValueError:
            return
        parent = _get(self.data, join_path(parts[:-1])) if len(parts) > 1 else self.data
        if isinstance(parent, dict):
            parent.pop(parts[-1], None)
        elif isinstance(parent, list) and isinstance(parts[-1], int) and parts[-1] < len(parent):
            parent.pop(parts[-1])


def _get(data: Any, path: str) -> Any:
    return get_path(data, path)


def _set(data: dict, path: str, value: Any) -> None:
    parts = split_path(path)
    node = data
    for part in parts[:-1]:
        child = node[part] if isinstance(part, int) else node.get(part)
        if not isinstance(child, dict | list):
            child = {}
            node[part] = child
        node = child
    node[parts[-1]] = value


def evaluate_draft(
    document: DraftDocument,
    library: Library | None = None,
    now: dt.datetime | None = None,
) -> DraftEvaluation:
    """Problems by field and the determination of the valid part (see the module's text)."""
    library = library or default_library()
    now = now or dt.datetime.now().astimezone()
    text = document.to_json()
    work = _Work(text, now)
    problems: dict[str, FieldProblem] = {}
    case: Case | None = None
    for _ in range(_MAX_ROUNDS):
        try:
            case = parse_case(text, SOURCE)
            break
        except CaseFileError as error:
            before = text
            for problem in error.problems:
                path = problem.field
                if problem.message == _BIRTH_AFTER_RECEIVED:
                    path = "member.birth_date"
                where = work.to_document(path)
                section = path in _SECTIONS and problem.message == REQUIRED
                if where not in problems and not section:
                    problems[where] = FieldProblem(where, problem.message,
                                                   problem.message == REQUIRED)
                work.repair(path, problem.message)
            text = DraftDocument(work.data).to_json()
            if text == before:
                break
    maps = {name: tuple(m) for name, m in work.maps.items()
            if m != list(range(len(m))) or name in work.waiting}
    common = {
        "problems": tuple(problems.values()),
        "placeholders": tuple(work.placeholders),
        "waiting_for": tuple(work.waiting),
        "index_maps": maps,
    }
    if case is None:
        return DraftEvaluation(case=None, determination=None, **common)
    if "service.procedures" in work.waiting:
        return DraftEvaluation(case=case, determination=None, **common)
    primary = case.primary_procedure
    if "diagnoses" in work.waiting and library.select(primary, True) is not library.select(
        primary, False
    ):
        return DraftEvaluation(case=case, determination=None, **common)
    determination = evaluate(case, document.get("external_id") or "draft", library)
    if maps:
        determination = _renumbered(determination, maps)
    if "diagnoses" in work.waiting and determination.criteria_set is not None:
        determination = _without_diagnoses(determination, library)
    title = None
    if determination.criteria_set is not None:
        title = library.by_id[determination.criteria_set.id].title
    return DraftEvaluation(case=case, determination=determination, criteria_set_title=title,
                           **common)


def _renumbered(determination: Determination, maps: dict[str, tuple[int, ...]]) -> Determination:
    """The determination with every ``imaging[i]`` / ``prior_treatments[i]`` naming the
    document's item rather than the evaluated copy's."""

    def document_index(match: re.Match) -> str:
        mapping = maps.get(match[1])
        index = int(match[2])
        if mapping is not None and index < len(mapping):
            index = mapping[index]
        return f"{match[1]}[{index}]"

    text = _DETERMINATION_INDEX.sub(document_index, determination.model_dump_json())
    return Determination.model_validate_json(text)


def _without_diagnoses(determination: Determination, library: Library) -> Determination:
    """No diagnosis entered yet: each criterion that reads whether one is neoplastic is
    unknown, asking for the diagnoses, and the outcome follows from that (the evaluator's own
    outcome rule)."""
    criteria_set = library.by_id[determination.criteria_set.id]
    reads = {c.id: NEOPLASTIC in c.node.paths for c in criteria_set.criteria}
    criteria: list[CriterionResult] = []
    pairs = []
    for spec, result in zip(criteria_set.criteria, determination.criteria, strict=True):
        if reads[spec.id]:
            result = result.model_copy(update={
                "status": "unknown", "evidence": [],
                "missing": ["diagnoses", *(m for m in result.missing if m != "diagnoses")],
            })
        criteria.append(result)
        pairs.append((spec, Result(result.status, tuple(result.evidence),
                                   tuple(result.missing))))
    outcome, missing, _needs = decide(pairs)
    studies = determination.missing_studies if outcome == "pend_missing_information" else []
    return determination.model_copy(update={
        "outcome": outcome,
        "criteria": criteria,
        "missing_information": missing,
        "missing_studies": studies,
        "rationale": [
            "No diagnosis is entered yet, so the criteria that depend on whether the "
            "diagnosis is a neoplasm are unknown; enter the diagnosis codes."
        ],
    })
