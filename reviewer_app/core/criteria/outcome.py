"""The outcome rule of ``ur-determination/1`` in one place (docs/case-format.md, "The outcome
rule").

A set is satisfied when every requirement is met, at least one indication is met (a set without
indications skips this) and no contraindication is met. Definitely not satisfied goes to a
physician reviewer (the software never denies); satisfied meets criteria; anything else hangs on
missing inputs and is pended, asking only what could change the result.

The evaluator decides with :func:`judge`; the rationale, the letters and the window's outcome
banner name what stands in the way with the same call. It reads criteria in either form: the
evaluator's ``(CriterionSpec, Result)`` pairs, or the ``CriterionResult`` entries of a stored
determination.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from reviewer_app.core.criteria.result import MET, NOT_MET, UNKNOWN

if TYPE_CHECKING:
    from reviewer_app.core.determination import Determination

MEETS_CRITERIA = "meets_criteria"
REFER_TO_PHYSICIAN = "refer_to_physician"
PEND_MISSING_INFORMATION = "pend_missing_information"
NO_CRITERIA_SET = "no_criteria_set"

T = TypeVar("T")


class _Read(NamedTuple):
    kind: str
    status: str
    missing: tuple[str, ...]
    study_findings: tuple[tuple[str, ...], ...]
    """The findings of each study the criterion asks for (one tuple per study)."""


def _read(item: Any) -> _Read:
    """One criterion, from a ``(CriterionSpec, Result)`` pair or a ``CriterionResult``."""
    if isinstance(item, tuple):
        spec, result = item
        return _Read(spec.kind, result.status, tuple(result.missing),
                     tuple(tuple(n.findings) for n in result.needs))
    return _Read(item.kind, item.status, tuple(item.missing),
                 tuple(tuple(s.findings) for s in item.missing_studies))


@dataclass(frozen=True)
class Verdict(Generic[T]):
    outcome: str
    blocking: tuple[T, ...]
    """What keeps the request from meeting its set, in the set's order: each requirement not
    met, each contraindication met and, when no indication is met, each indication that is
    not. Empty when the set is met."""
    open: tuple[T, ...]
    """For a pend, the unknown criteria whose answers could change the outcome: requirements
    and contraindications, then the indications when none is met yet."""


def judge(criteria: Sequence[T]) -> Verdict[T]:
    """The outcome of one set's evaluated criteria (``no_criteria_set`` is decided before any
    criterion is evaluated, by the library's selection)."""
    read = [(item, _read(item)) for item in criteria]
    requirements = [r for _, r in read if r.kind == "requirement"]
    indications = [r for _, r in read if r.kind == "indication"]
    contraindications = [r for _, r in read if r.kind == "contraindication"]
    indication_met = not indications or any(r.status == MET for r in indications)
    blocking = [
        (item, r) for item, r in read
        if (r.kind == "requirement" and r.status == NOT_MET)
        or (r.kind == "contraindication" and r.status == MET)
        or (r.kind == "indication" and not indication_met and r.status == NOT_MET)
    ]
    blocked = tuple(item for item, _ in blocking)
    every_indication_fails = bool(indications) and all(r.status == NOT_MET for r in indications)
    if every_indication_fails or any(r.kind != "indication" for _, r in blocking):
        return Verdict(REFER_TO_PHYSICIAN, blocked, ())
    if (indication_met and all(r.status == MET for r in requirements)
            and all(r.status == NOT_MET for r in contraindications)):
        return Verdict(MEETS_CRITERIA, (), ())
    unknown = [(item, r) for item, r in read if r.status == UNKNOWN]
    open_questions = [item for item, r in unknown if r.kind == "requirement"]
    open_questions += [item for item, r in unknown if r.kind == "contraindication"]
    if not indication_met:
        open_questions += [item for item, r in unknown if r.kind == "indication"]
    return Verdict(PEND_MISSING_INFORMATION, blocked, tuple(open_questions))


def asking(criteria: Iterable[T], path: str) -> list[T]:
    """The undecided criteria that ask for the input ``path``, in the set's order (the first
    says why it is needed)."""
    return [item for item in criteria
            if (r := _read(item)).status == UNKNOWN and path in r.missing]


def asking_study(criteria: Iterable[T], findings: Sequence[str]) -> list[T]:
    """The undecided criteria that ask for a study reporting any of ``findings`` (or, for a
    study asked for without findings, for such a study too)."""
    wanted = set(findings)
    return [
        item for item in criteria
        if (r := _read(item)).status == UNKNOWN and any(
            set(asked) & wanted or (not asked and not wanted) for asked in r.study_findings
        )
    ]


def asks(determination: Determination) -> bool:
    """Whether the determination has anything to ask the provider for: an input
    (``missing_information``) or a study the case lacks (``missing_studies``)."""
    return bool(determination.missing_information or determination.missing_studies)
