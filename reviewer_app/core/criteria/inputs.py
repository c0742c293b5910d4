"""The inputs a criterion may read, by path, each resolved to a value or to what is missing.

Three families of paths:
- case fields (``symptoms.pain_nrs``, ``oncology.expected_survival_months``, ...), generated from
  the ``ur-case/1`` model so a renamed field is caught when criteria load;
- scores (``scores.sins.total``, ``scores.bilsky``, ...) from :mod:`reviewer_app.core.scores`;
- derived facts defined once in the criteria guide's "shared definitions" (neoplastic
  diagnosis, failed conservative care, radiosensitivity, number of requested levels);
and, inside ``any_study``, ``study.*`` paths that read one imaging study.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from reviewer_app.core import scores
from reviewer_app.core.case import (
    CONSERVATIVE_MODALITIES,
    Case,
    Comorbidities,
    Findings,
    ImagingStudy,
    Member,
    Oncology,
    Service,
    Symptoms,
)
from reviewer_app.core.codes import icd10
from reviewer_app.core.criteria.result import MET, NOT_MET, UNKNOWN, Result
from reviewer_app.core.levels import describe_levels

FAILED_OUTCOMES = frozenset({"failed", "partial_relief", "not_tolerated"})
"""Outcomes that count a conservative modality as failed (criteria guide, shared definitions)."""


@dataclass(frozen=True)
class Fact:
    """``value`` None with ``missing`` empty means "not applicable": nothing to ask for.

    ``pending`` makes ``value`` a lower bound: each entry is a value the fact could still
    reach (None: any value) and the inputs that would settle it, e.g. a longer conservative
    course whose outcome was not reported. A rising comparison asks only for the entries
    that could make it pass.
    """

    value: Any
    missing: tuple[str, ...] = ()
    label: str = ""
    shown: str | None = None
    pending: tuple[tuple[Any, tuple[str, ...]], ...] = ()

    @property
    def evidence(self) -> str:
        if self.shown is not None:
            return f"{self.label} = {self.shown}"
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return f"{self.label} = {json.dumps(value)}"


def _field_fact(section: str, name: str) -> Callable[[Facts], Fact]:
    path = f"{section}.{name}"

    def resolve(facts: Facts) -> Fact:
        block = getattr(facts.case, section)
        value = None if block is None else getattr(block, name)
        return Fact(value, () if value is not None else (path,), path)

    return resolve


def _section_paths(section: str, model: type[BaseModel]) -> dict[str, Callable[[Facts], Fact]]:
    return {f"{section}.{name}": _field_fact(section, name) for name in model.model_fields}


@dataclass(frozen=True)
class Course:
    type: str
    weeks: float | None
    weeks_path: str
    outcome_path: str


@dataclass(frozen=True)
class Conservative:
    """Failed conservative care as the criteria guide counts it.

    ``counted`` courses are conservative with a failed outcome; ``uncertain`` ones are
    conservative with no outcome reported, which would count if they failed.
    """

    counted: tuple[Course, ...]
    uncertain: tuple[Course, ...]

    @property
    def weeks(self) -> float | None:
        known = [c.weeks for c in self.counted if c.weeks is not None]
        return max(known) if known else None

    @property
    def longest(self) -> str | None:
        known = [c for c in self.counted if c.weeks is not None]
        return max(known, key=lambda c: c.weeks).type if known else None

    @property
    def modalities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.type for c in self.counted))


def weeks_of(treatment) -> float | None:
    """``duration_weeks``, else whole weeks between ``start`` and ``end``."""
    if treatment.duration_weeks is not None:
        return treatment.duration_weeks
    if treatment.start and treatment.end:
        return float((treatment.end - treatment.start).days // 7)
    return None


def conservative_care(case: Case) -> Conservative | None:
    if case.prior_treatments is None:
        return None
    counted, uncertain = [], []
    for index, treatment in enumerate(case.prior_treatments):
        if treatment.type not in CONSERVATIVE_MODALITIES:
            continue
        course = Course(treatment.type, weeks_of(treatment),
                        f"prior_treatments[{index}].duration_weeks",
                        f"prior_treatments[{index}].outcome")
        if treatment.outcome is None:
            uncertain.append(course)
        elif treatment.outcome in FAILED_OUTCOMES:
            counted.append(course)
    return Conservative(tuple(counted), tuple(uncertain))


def _weeks(value: float) -> str:
    return f"{value:g} week" + ("" if value == 1 else "s")


class Facts:
    """Everything the criteria read about one case, computed at most once."""

    def __init__(self, case: Case):
        self.case = case

    @cached_property
    def scores(self) -> scores.Scores:
        return scores.score_case(self.case)

    @cached_property
    def conservative(self) -> Conservative | None:
        return conservative_care(self.case)

    @cached_property
    def studies(self) -> list[StudyView]:
        return [StudyView(i, s) for i, s in enumerate(self.case.imaging or ())]

    @cached_property
    def neoplastic_codes(self) -> tuple[str, ...]:
        return tuple(c for c in self.case.diagnosis_codes if icd10.is_neoplastic_icd10(c))

    def fact(self, path: str) -> Fact:
        return CASE_PATHS[path](self)


def _neoplastic(facts: Facts) -> Fact:
    found = facts.neoplastic_codes
    shown = (f"{', '.join(found)} (neoplastic)" if found else
             f"{', '.join(facts.case.diagnosis_codes)} (none neoplastic)")
    return Fact(bool(found), (), "diagnoses", shown)


def _conservative_weeks(facts: Facts) -> Fact:
    care = facts.conservative
    if care is None:
        return Fact(None, ("prior_treatments",), "prior_treatments")
    pending = tuple((c.weeks, (c.weeks_path,)) for c in care.counted if c.weeks is None)
    pending += tuple(
        (c.weeks, (c.outcome_path,) if c.weeks is not None else (c.outcome_path, c.weeks_path))
        for c in care.uncertain
    )
    label = "prior_treatments (longest failed conservative course)"
    weeks = care.weeks
    shown = f"{_weeks(weeks)} ({care.longest})" if weeks is not None else "none"
    return Fact(weeks or 0, (), label, shown, pending)


def _conservative_modalities(facts: Facts) -> Fact:
    care = facts.conservative
    if care is None:
        return Fact(None, ("prior_treatments",), "prior_treatments")
    counted = care.modalities
    extra = [c for c in care.uncertain if c.type not in counted]
    pending = ()
    if extra:
        reachable = len(counted) + len({c.type for c in extra})
        pending = ((reachable, tuple(c.outcome_path for c in extra)),)
    label = "prior_treatments (failed conservative modalities)"
    shown = f"{len(counted)}" + (f" ({', '.join(counted)})" if counted else "")
    return Fact(len(counted), (), label, shown, pending)


def _pregnant(facts: Facts) -> Fact:
    """Reported pregnancy; a male member is taken as not pregnant when it is not reported."""
    reported = facts.case.comorbidities.pregnancy if facts.case.comorbidities else None
    if reported is not None:
        return Fact(reported, (), "comorbidities.pregnancy")
    if facts.case.member.sex == "male":
        return Fact(False, (), "member.sex", '"male"')
    return Fact(None, ("comorbidities.pregnancy",), "comorbidities.pregnancy")


def _radiosensitivity(facts: Facts) -> Fact:
    value = facts.scores.radiosensitivity
    source = scores.radiosensitivity_source(facts.case)
    return Fact(value, (), "oncology.radiosensitivity", f'"{value}" ({source})')


def _level_count(facts: Facts) -> Fact:
    levels = facts.case.service.levels
    if levels is None:
        return Fact(None, ("service.levels",), "service.levels")
    return Fact(len(levels), (), "service.levels", f"{len(levels)} ({', '.join(levels)})")


def _sins_total(facts: Facts) -> Fact:
    sins = facts.scores.sins
    return Fact(sins.total, sins.missing if sins.total is None else (), "scores.sins.total")


def _sins_category(facts: Facts) -> Fact:
    sins = facts.scores.sins
    return Fact(sins.category, sins.missing if sins.total is None else (), "scores.sins.category")


def _bilsky(facts: Facts) -> Fact:
    grade = facts.scores.bilsky
    missing = scores.bilsky_missing(facts.case) if grade is None else ()
    return Fact(grade, missing, "scores.bilsky")


def _tokuhashi(attribute: str) -> Callable[[Facts], Fact]:
    def resolve(facts: Facts) -> Fact:
        result = facts.scores.tokuhashi
        return Fact(getattr(result, attribute), result.missing, f"scores.tokuhashi.{attribute}")

    return resolve


CASE_PATHS: dict[str, Callable[[Facts], Fact]] = {
    **_section_paths("member", Member),
    **_section_paths("service", Service),
    **_section_paths("symptoms", Symptoms),
    **_section_paths("oncology", Oncology),
    **_section_paths("comorbidities", Comorbidities),
    "scores.sins.total": _sins_total,
    "scores.sins.category": _sins_category,
    "scores.bilsky": _bilsky,
    "scores.tokuhashi.total": _tokuhashi("total"),
    "scores.tokuhashi.survival_band": _tokuhashi("survival_band"),
    "derived.neoplastic_diagnosis": _neoplastic,
    "derived.conservative_weeks": _conservative_weeks,
    "derived.conservative_modalities": _conservative_modalities,
    "derived.radiosensitivity": _radiosensitivity,
    "derived.requested_level_count": _level_count,
    "derived.pregnant": _pregnant,
}
del CASE_PATHS["service.procedures"]

STUDY_PATHS: frozenset[str] = frozenset(
    {"study.modality", "study.levels", "study.date"}
    | {f"study.findings.{name}" for name in Findings.model_fields}
)


class StudyView:
    """One imaging study as ``study.*`` paths see it; missing paths name the study's index."""

    __slots__ = ("index", "modality", "study")

    def __init__(self, index: int, study: ImagingStudy):
        self.index = index
        self.study = study
        self.modality = study.modality

    @property
    def label(self) -> str:
        return f"imaging[{self.index}] = {self.modality}"

    def fact(self, path: str) -> Fact:
        name = path.removeprefix("study.")
        if name.startswith("findings."):
            name = name.removeprefix("findings.")
            value = getattr(self.study.findings, name)
            where = f"imaging[{self.index}].findings.{name}"
        else:
            value = getattr(self.study, name)
            where = f"imaging[{self.index}].{name}"
        if isinstance(value, list):
            value = list(value)
        elif value is not None and not isinstance(value, str | int | float | bool):
            value = str(value)
        return Fact(value, () if value is not None else (where,), where)

    def overlap(self, facts: Facts) -> Result:
        requested = facts.case.service.levels
        if requested is None:
            return Result(UNKNOWN, (), ("service.levels",))
        if self.study.levels is None:
            return Result(UNKNOWN, (), (f"imaging[{self.index}].levels",))
        shared = set(requested) & set(self.study.levels)
        where = f"imaging[{self.index}].levels"
        if shared:
            return Result(MET, (f"{where} = {describe_levels(self.study.levels)} "
                                f"({self.modality}, within requested "
                                f"{describe_levels(requested)})",))
        return Result(NOT_MET, (f"{where} = {describe_levels(self.study.levels)} "
                                f"({self.modality}, outside requested "
                                f"{describe_levels(requested)})",))
