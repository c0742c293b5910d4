"""What a study can show and which inputs apply to a case (``resources/applicability.yaml``).

The one place that decides what may be asked: the evaluator reads every imaging finding and
every case-dependent input through it, the scores ask for SINS and Bilsky inputs through it,
and the rationale, the letters and the intake wizard word what is missing with it. The rules
are the criteria guide's "What a study can show, and what is asked" (docs/criteria-rules.md):
a positive finding counts from any study; a missing finding is asked only of a study that can
show it, else the missing item is such a study; an input that does not apply to the case is
never asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from reviewer_app.core import resources
from reviewer_app.core.case import Findings
from reviewer_app.core.criteria.logic import (
    MODALITIES,
    LogicError,
    Node,
    compile_logic,
)
from reviewer_app.core.criteria.paths import FINDINGS, expand
from reviewer_app.core.criteria.result import StudyNeed
from reviewer_app.core.errors import InputError, Problem
from reviewer_app.core.levels import describe_levels
from reviewer_app.core.yaml_files import read_model

Modality = Literal["MRI", "CT", "PET_CT", "XR", "bone_scan"]


class ApplicabilityLoadError(InputError):
    """An applicability file that cannot be used as it stands."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FindingRule(_Data):
    shown_by: list[Modality] = Field(min_length=1)
    positive: list[Any] | dict[Literal["gt", "gte"], float] | None = None
    """Values that count from any study; None for a finding bound to ``shown_by``."""
    bound: bool = False
    shows: str = Field(min_length=5)
    """What a study that can show the finding would show, for "an MRI of L1 showing ..."."""
    reason: str = Field(min_length=10)
    study_words: str | None = None
    """The name of the study to ask for when it is narrower than the modality
    ("flexion-extension X-rays" rather than "plain X-rays")."""

    @model_validator(mode="after")
    def _positive_or_bound(self) -> FindingRule:
        if self.bound and self.positive is not None:
            raise ValueError("a bound finding counts only from shown_by: drop 'positive'")
        if not self.bound and self.positive is None:
            raise ValueError("say which values count from any study ('positive'), or 'bound'")
        if isinstance(self.positive, dict) and len(self.positive) != 1:
            raise ValueError("'positive' takes one comparison, e.g. {gt: 0}")
        return self


class InputRuleSpec(_Data):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    paths: list[str] = Field(min_length=1)
    applies_when: dict[str, Any]
    unknown: Literal["ask", "condition"]
    reason: str = Field(min_length=10)


class ApplicabilitySpec(_Data):
    format: Literal["ur-applicability/1"]
    modalities: dict[Modality, str]
    findings: dict[str, FindingRule]
    inputs: list[InputRuleSpec] = []


@dataclass(frozen=True)
class InputRule:
    """A case-dependent input rule, its condition compiled with the criteria logic."""

    id: str
    paths: tuple[str, ...]
    condition: Node
    ask_with_condition: bool
    reason: str


class Applicability:
    def __init__(self, spec: ApplicabilitySpec, rules: list[InputRule], source: str):
        self.spec = spec
        self.source = source
        self.rules = tuple(rules)
        self._rule_of = {path: rule for rule in rules for path in rule.paths}
        self._shown_by = {name: frozenset(rule.shown_by) for name, rule in spec.findings.items()}

    @property
    def governed(self) -> frozenset[str]:
        """Every input path that a case-dependent rule may make inapplicable."""
        return frozenset(self._rule_of)

    def rule_for(self, path: str) -> InputRule | None:
        return self._rule_of.get(path)

    def shows(self, finding: str, modality: str) -> bool:
        return modality in self._shown_by[finding]

    def positive(self, finding: str, value: Any) -> bool:
        rule = self.spec.findings[finding]
        if rule.positive is None:
            return False
        if isinstance(rule.positive, dict):
            ((op, bound),) = rule.positive.items()
            return value > bound if op == "gt" else value >= bound
        return value in rule.positive

    def counted(self, finding: str, modality: str, value: Any) -> Any:
        """The reported value if it is evidence on this study, else None: a value counts from
        a study that can show the finding, and a positive one from any study unless the
        finding is bound to its modalities (marrow edema, dynamic translation)."""
        if value is None:
            return None
        if modality in self._shown_by[finding] or self.positive(finding, value):
            return value
        return None

    def answered_elsewhere(self, finding: str, imaging: list, index: int) -> bool:
        """Whether another study that can show ``finding`` covers the levels of study
        ``index``: then that study answers, or is asked, and this one is not in question."""
        levels = imaging[index].levels
        for other_index, other in enumerate(imaging):
            if other_index == index or not self.shows(finding, other.modality):
                continue
            if levels is None or other.levels is None or set(levels) & set(other.levels):
                return True
        return False

    def modalities_showing(
        self, findings: tuple[str, ...], within: frozenset[str] | None = None
    ) -> tuple[str, ...]:
        """The studies to ask for: those listed, else those that can show every finding read
        (one study settling all), else those that can show any of them."""
        if within:
            return tuple(m for m in MODALITIES if m in within)
        sets = [self._shown_by[f] for f in findings]
        if not sets:
            return MODALITIES
        common = frozenset.intersection(*sets)
        chosen = common or frozenset.union(*sets)
        return tuple(m for m in MODALITIES if m in chosen)

    def need(self, finding: str, levels: tuple[str, ...]) -> StudyNeed:
        modalities = tuple(m for m in MODALITIES if m in self._shown_by[finding])
        return StudyNeed(modalities, levels, (finding,))

    def describe_need(self, need: StudyNeed) -> str:
        """"an MRI or a bone scan of L1 showing whether the fracture is recent (...)"."""
        return describe_need(need, self.words())

    def words(self) -> StudyWords:
        spec = self.spec
        return StudyWords(
            modalities=dict(spec.modalities),
            shows={name: rule.shows for name, rule in spec.findings.items()},
            studies={n: r.study_words for n, r in spec.findings.items() if r.study_words},
            template="{study} of {levels} showing {shows}",
            template_no_levels="{study} showing {shows}",
            template_plain="{study} of {levels}",
            alternatives=" or ",
            conjunction=" and ",
        )


@dataclass(frozen=True)
class StudyWords:
    """The words for an absent study in one language (English from the applicability file,
    others from the letter wording files)."""

    modalities: dict[str, str]
    shows: dict[str, str]
    studies: dict[str, str]
    template: str
    template_no_levels: str
    template_plain: str
    alternatives: str
    conjunction: str


def _join(items: list[str], last: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]


def describe_need(need: StudyNeed, words: StudyWords) -> str:
    special = {words.studies[f] for f in need.findings if f in words.studies}
    if len(special) == 1 and len(need.findings) == 1:
        study = special.pop()
    else:
        study = _join([words.modalities[m] for m in need.modalities], words.alternatives)
    shows = [words.shows[f] for f in need.findings]
    levels = describe_levels(need.levels)
    if not shows:
        return words.template_plain.format(study=study, levels=levels) if levels else study
    template = words.template if levels else words.template_no_levels
    return template.format(study=study, levels=levels, shows=_join(shows, words.conjunction))


def _problems(spec: ApplicabilitySpec) -> tuple[list[InputRule], list[Problem]]:
    problems: list[Problem] = []
    if set(spec.modalities) != set(MODALITIES):
        problems.append(Problem("modalities", f"name every modality: {', '.join(MODALITIES)}"))
    known = set(FINDINGS)
    for name in sorted(set(spec.findings) - known):
        problems.append(Problem(f"findings.{name}", "not a finding of ur-case/1"))
    for name in sorted(known - set(spec.findings)):
        problems.append(Problem(f"findings.{name}", "every finding needs an entry"))
    for name, rule in spec.findings.items():
        if name in known and isinstance(rule.positive, list):
            for value in rule.positive:
                try:
                    Findings.model_validate({name: value}, strict=True)
                except ValidationError:
                    problems.append(Problem(f"findings.{name}.positive",
                                            f"{value!r} is not a value of {name}"))
    rules: list[InputRule] = []
    owner: dict[str, str] = {}
    for index, entry in enumerate(spec.inputs):
        where = f"inputs[{index}] ({entry.id})"
        paths: list[str] = []
        for pattern in entry.paths:
            found = expand(pattern)
            if not found:
                problems.append(Problem(f"{where}.paths", f"unknown input path '{pattern}'"))
            paths += found
        for path in paths:
            if path in owner:
                problems.append(Problem(f"{where}.paths",
                                        f"'{path}' is already governed by {owner[path]}"))
            owner.setdefault(path, entry.id)
        in_study = any(p.startswith("study.") for p in paths)
        try:
            condition = compile_logic(entry.applies_when, f"{where}.applies_when", in_study)
        except LogicError as error:
            problems.append(Problem(f"{where}.applies_when", str(error).split(": ", 1)[-1]))
            continue
        rules.append(InputRule(entry.id, tuple(paths), condition,
                               entry.unknown == "ask", entry.reason))
    for index, rule in enumerate(rules):
        for read in rule.condition.reads():
            if read.path in owner:
                problems.append(Problem(
                    f"inputs[{index}] ({rule.id}).applies_when",
                    f"reads '{read.path}', which a rule governs itself (no chains of rules)",
                ))
    return rules, problems


def load_applicability(path: str | Path) -> Applicability:
    path = Path(path)
    spec = read_model(path, ApplicabilitySpec, ApplicabilityLoadError)
    rules, problems = _problems(spec)
    if problems:
        raise ApplicabilityLoadError(str(path), problems)
    return Applicability(spec, rules, str(path))


@lru_cache(maxsize=1)
def default_applicability() -> Applicability:
    """The shipped rules; read once per process."""
    return load_applicability(resources.path("applicability.yaml"))
