"""Which imaging findings the wizard offers for a study, and "not seen on this study".

Both come from the rules the evaluator itself reads (``resources/applicability.yaml``, through
:mod:`reviewer_app.core.criteria.applicability`), so the form never offers what the criteria
would ignore nor hides what they would count:

- *asked*: the study's modality can show the finding and it applies to the case;
- *positive only*: the modality cannot show it, but a positive report still counts from any
  study (retropulsion seen on plain films); only the positive values are offered;
- *not shown*: the finding counts only from the modalities that show it (marrow edema on CT is
  not evidence), so it is not offered;
- *not applicable*: a case rule says it is never asked of this case (a Bilsky grade without a
  neoplastic diagnosis). A value already entered stays (a reported value always wins).

"Findings not entered were not seen on this study" sets every still-unreported *asked*
finding to its negative value from ``resources/not-seen.yaml``, which says, for each finding,
the value and why (or why none).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from reviewer_app.core import resources
from reviewer_app.core.case import Findings
from reviewer_app.core.criteria.applicability import Applicability, default_applicability
from reviewer_app.core.criteria.inputs import Facts, StudyView
from reviewer_app.core.criteria.logic import MODALITIES
from reviewer_app.core.criteria.paths import FINDINGS
from reviewer_app.core.criteria.result import MET, NOT_MET
from reviewer_app.core.errors import InputError, Problem
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import DraftEvaluation
from reviewer_app.core.yaml_files import read_model

State = Literal["asked", "positive_only", "not_shown", "not_applicable", "no_modality"]


class NotSeenLoadError(InputError):
    """A not-seen file that cannot be used as it stands."""


class _NotSeenEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: str | int | float | bool | None
    reason: str


class _NotSeenSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    format: Literal["ur-not-seen/1"]
    findings: dict[str, _NotSeenEntry]


@dataclass(frozen=True)
class NotSeen:
    value: Any
    """None: "not seen" leaves the finding unreported."""
    reason: str


def load_not_seen(path: str | Path, rules: Applicability | None = None) -> dict[str, NotSeen]:
    """Read and check the not-seen values: one per finding, each a value of the finding that
    the applicability rules do not count as positive."""
    path = Path(path)
    rules = rules or default_applicability()
    spec = read_model(path, _NotSeenSpec, NotSeenLoadError)
    problems: list[Problem] = []
    for name in sorted(set(spec.findings) - set(FINDINGS)):
        problems.append(Problem(f"findings.{name}", "not a finding of ur-case/1"))
    for name in sorted(set(FINDINGS) - set(spec.findings)):
        problems.append(Problem(f"findings.{name}", "every finding needs an entry"))
    for name, entry in spec.findings.items():
        if name not in FINDINGS or entry.value is None:
            continue
        try:
            Findings.model_validate({name: entry.value}, strict=True)
        except ValidationError:
            problems.append(Problem(f"findings.{name}.value",
                                    f"{entry.value!r} is not a value of {name}"))
            continue
        if rules.positive(name, entry.value):
            problems.append(Problem(f"findings.{name}.value",
                                    f"{entry.value!r} counts as a positive finding, so it "
                                    "cannot stand for 'not seen'"))
    if problems:
        raise NotSeenLoadError(str(path), problems)
    return {name: NotSeen(e.value, e.reason) for name, e in spec.findings.items()}


@lru_cache(maxsize=1)
def default_not_seen() -> dict[str, NotSeen]:
    return load_not_seen(resources.path("not-seen.yaml"))


@dataclass(frozen=True)
class FindingAccess:
    finding: str
    state: State
    reason: str
    """Why it is offered as it is, in words (empty when simply asked)."""
    positive: tuple[Any, ...] | None = None
    """For ``positive_only``: the values that count (None: a numeric threshold, see reason)."""
    not_seen: Any = None

    @property
    def offered(self) -> bool:
        return self.state in ("asked", "positive_only")


def _positive_values(rules: Applicability, finding: str) -> tuple[tuple[Any, ...] | None, str]:
    positive = rules.spec.findings[finding].positive
    if isinstance(positive, dict):
        ((op, bound),) = positive.items()
        return None, f"only a value {'above' if op == 'gt' else 'of at least'} {bound:g} counts"
    return tuple(positive or ()), "only a positive finding counts"


def study_access(
    evaluation: DraftEvaluation,
    document: DraftDocument,
    index: int,
    rules: Applicability | None = None,
    not_seen: dict[str, NotSeen] | None = None,
) -> dict[str, FindingAccess]:
    """How each finding of study ``index`` is offered, for the draft as it stands."""
    rules = rules or default_applicability()
    not_seen = not_seen if not_seen is not None else default_not_seen()
    modality = document.get(f"imaging[{index}].modality")
    if modality not in MODALITIES:
        return {name: FindingAccess(name, "no_modality", "choose the type of study first")
                for name in FINDINGS}
    case = evaluation.case
    evaluated = evaluation.evaluated_index("imaging", index)
    facts = Facts(case, rules) if case is not None else None
    view = None
    if facts is not None and evaluated is not None and evaluated < len(case.imaging or ()):
        view = StudyView(evaluated, case.imaging[evaluated], facts)
    access: dict[str, FindingAccess] = {}
    for name in FINDINGS:
        finding_rule = rules.spec.findings[name]
        negative = not_seen[name].value
        case_rule = rules.rule_for(f"study.findings.{name}")
        if case_rule is not None and facts is not None:
            status = case_rule.condition.evaluate(facts, view).status
            if status == NOT_MET:
                access[name] = FindingAccess(name, "not_applicable", case_rule.reason)
                continue
            assert status in (MET, "unknown")
        if rules.shows(name, modality):
            access[name] = FindingAccess(name, "asked", "", not_seen=negative)
        elif finding_rule.bound:
            access[name] = FindingAccess(name, "not_shown", finding_rule.reason)
        else:
            values, which = _positive_values(rules, name)
            shown = rules.spec.modalities[modality]
            access[name] = FindingAccess(
                name, "positive_only",
                f"{shown[0].upper()}{shown[1:]} is not the study for this ({finding_rule.reason}); "
                f"{which}", values)
    return access


def not_seen_changes(
    document: DraftDocument, index: int, access: dict[str, FindingAccess]
) -> dict[str, Any]:
    """Path -> value for every asked finding of study ``index`` that is still unreported and
    has a negative value: what "findings not entered were not seen" records."""
    changes = {}
    for name, item in access.items():
        path = f"imaging[{index}].findings.{name}"
        if item.state == "asked" and item.not_seen is not None and not document.has(path):
            changes[path] = item.not_seen
    return changes
