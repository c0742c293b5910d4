"""The inputs a criterion may read, by path, each resolved to a value or to what is missing.

Three families of paths:
- case fields (``symptoms.pain_nrs``, ``oncology.expected_survival_months``, ...), generated from
  the ``ur-case/1`` model so a renamed field is caught when criteria load;
- scores (``scores.sins.total``, ``scores.bilsky``, ...) from
  :mod:`reviewer_app.core.criteria.scores`;
- derived facts defined once in the criteria guide's "shared definitions" (neoplastic
  diagnosis, failed conservative care, radiosensitivity, number of requested levels);
and, inside ``any_study``, ``study.*`` paths that read one imaging study.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from reviewer_app.core.case import CONSERVATIVE_MODALITIES, Case, ImagingStudy
from reviewer_app.core.codes import icd10
from reviewer_app.core.criteria import paths, scores
from reviewer_app.core.criteria.applicability import (
    Applicability,
    InputRule,
    default_applicability,
)
from reviewer_app.core.criteria.fact import Fact, Pending
from reviewer_app.core.criteria.narrative import study_words
from reviewer_app.core.criteria.result import MET, NOT_MET, UNKNOWN, Result, merge_needs, unique
from reviewer_app.core.levels import describe_levels

FAILED_OUTCOMES = frozenset({"failed", "partial_relief", "not_tolerated"})
"""Outcomes that count a conservative modality as failed (criteria guide, shared definitions)."""


def _field_fact(section: str, name: str) -> Callable[[Facts], Fact]:
    path = f"{section}.{name}"

    def resolve(facts: Facts) -> Fact:
        block = getattr(facts.case, section)
        value = None if block is None else getattr(block, name)
        return Fact(value, () if value is not None else (path,), path)

    return resolve


def _section_paths() -> dict[str, Callable[[Facts], Fact]]:
    return {
        f"{section}.{name}": _field_fact(section, name)
        for section, model in paths.SECTIONS.items()
        for name in model.model_fields
        if (section, name) != ("service", "procedures")
    }


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
    """Everything the criteria read about one case, computed at most once, each input read
    through the applicability rules (an input that does not apply is never asked)."""

    def __init__(self, case: Case, applicability: Applicability | None = None):
        self.case = case
        self.applicability = applicability or default_applicability()
        self._facts: dict[str, Fact] = {}

    @cached_property
    def scores(self) -> scores.Scores:
        return scores.score_case(self.case)

    @cached_property
    def conservative(self) -> Conservative | None:
        return conservative_care(self.case)

    @cached_property
    def studies(self) -> list[StudyView]:
        return [StudyView(i, s, self) for i, s in enumerate(self.case.imaging or ())]

    @cached_property
    def neoplastic_codes(self) -> tuple[str, ...]:
        return tuple(c for c in self.case.diagnosis_codes if icd10.is_neoplastic_icd10(c))

    def fact(self, path: str) -> Fact:
        """The input at ``path``, resolved once per case (several criteria read the same)."""
        fact = self._facts.get(path)
        if fact is None:
            fact = CASE_PATHS[path](self)
            if not fact.complete:
                rule = self.applicability.rule_for(path)
                if rule is not None:
                    fact = self.applying(rule, fact)
            self._facts[path] = fact
        return fact

    def applying(self, rule: InputRule, fact: Fact, study: StudyView | None = None) -> Fact:
        """``fact`` as the case-dependent ``rule`` lets it be asked: unchanged where the rule's
        condition holds; nothing to ask where it does not; while the condition is unknown,
        asked together with the condition's own inputs, or replaced by them."""
        condition = rule.condition.evaluate(self, study)
        if condition.status == MET:
            return fact
        if condition.status == NOT_MET:
            shown = fact.shown if fact.value is not None else (
                f"not applicable ({'; '.join(condition.evidence)})"
            )
            return Fact(fact.value, (), fact.label, shown, order=fact.order)
        if not rule.ask_with_condition:
            return Fact(None, condition.missing, fact.label, needs=condition.needs)
        return replace(
            fact,
            missing=unique(fact.missing + condition.missing) if fact.value is None else (),
            needs=merge_needs(fact.needs + condition.needs),
            pending=tuple(replace(p, missing=unique(p.missing + condition.missing))
                          for p in fact.pending),
        )


def _neoplastic(facts: Facts) -> Fact:
    found = facts.neoplastic_codes
    shown = (f"{', '.join(found)} (neoplastic)" if found else
             f"{', '.join(facts.case.diagnosis_codes)} (none neoplastic)")
    return Fact(bool(found), (), "diagnoses", shown)


def _conservative_weeks(facts: Facts) -> Fact:
    care = facts.conservative
    if care is None:
        return Fact(None, ("prior_treatments",), "prior_treatments")
    pending = tuple(Pending(None, (c.weeks_path,)) for c in care.counted if c.weeks is None)
    pending += tuple(
        Pending(c.weeks, (c.outcome_path,) if c.weeks is not None else (c.outcome_path,
                                                                         c.weeks_path))
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
    pending: tuple[Pending, ...] = ()
    if extra:
        reachable = len(counted) + len({c.type for c in extra})
        pending = (Pending(reachable, tuple(c.outcome_path for c in extra)),)
    label = "prior_treatments (failed conservative modalities)"
    shown = f"{len(counted)}" + (f" ({', '.join(counted)})" if counted else "")
    return Fact(len(counted), (), label, shown, pending)


def _radiosensitivity(facts: Facts) -> Fact:
    value = facts.scores.radiosensitivity
    source = scores.radiosensitivity_source(facts.case)
    return Fact(value, (), "oncology.radiosensitivity", f'"{value}" ({source})')


def _level_count(facts: Facts) -> Fact:
    levels = facts.case.service.levels
    if levels is None:
        return Fact(None, ("service.levels",), "service.levels")
    return Fact(len(levels), (), "service.levels", f"{len(levels)} ({', '.join(levels)})")


def _age_years(facts: Facts) -> Fact:
    """Whole years of age on the received date (the day the decision clock starts)."""
    born = facts.case.member.birth_date
    on = facts.case.received_at.date()
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return Fact(years, (), "derived.age_years", f"{years} (on the received date)")


def _sins_total(facts: Facts) -> Fact:
    sins = facts.scores.sins
    if sins.total is not None:
        return Fact(sins.total, (), "scores.sins.total")
    return Fact(None, sins.missing, "scores.sins.total", needs=sins.needs)


def _sins_category(facts: Facts) -> Fact:
    sins = facts.scores.sins
    if sins.total is not None:
        return Fact(sins.category, (), "scores.sins.category")
    return Fact(None, sins.missing, "scores.sins.category", needs=sins.needs)


def _at_requested(facts: Facts, study: ImagingStudy) -> bool | None:
    return scores.overlaps(study.levels, facts.case.service.levels)


def _sins_at_requested_levels(facts: Facts) -> Fact:
    """The highest SINS among lesions at the requested levels, with every unscored lesion
    there that could still reach a higher total pending on its missing components, and every
    study there that has not said whether it shows a lesion pending on that (criteria guide:
    a lesion elsewhere decides nothing)."""
    label = "scores.sins_at_requested_levels"
    requested = facts.case.service.levels
    if requested is None:
        return Fact(None, ("service.levels",), label)
    records = facts.scores.sins.records
    scored = [r for r in records if r.at_requested_levels and r.total is not None]
    best = max(scored, key=lambda r: r.total, default=None)
    pending = [
        Pending(r.best_possible, r.missing, r.needs)
        for r in records
        if r.total is None and r.at_requested_levels is not False and (r.missing or r.needs)
    ]
    recorded = {r.study_index for r in records}
    rules = facts.applicability
    for view in facts.studies:
        study = view.study
        if (
            view.index not in recorded
            and study.findings.lesion_type is None
            and rules.shows("lesion_type", study.modality)
            and _at_requested(facts, study) is not False
        ):
            asked = (f"imaging[{view.index}].findings.lesion_type",)
            if study.levels is None:
                asked += (f"imaging[{view.index}].levels",)
            pending.append(Pending(scores.SINS_MAX, asked))
    there = [v.study for v in facts.studies if _at_requested(facts, v.study) is not False]
    if not scored and not any(rules.shows("lesion_type", s.modality) for s in there):
        pending.append(Pending(scores.SINS_MAX, (), (rules.need("lesion_type", tuple(requested)),)))
    where = describe_levels(requested)
    if best is not None:
        shown = f"{best.total} ({study_words(facts.case.imaging[best.study_index])})"
    elif pending:
        shown = f"not scored at {where}; at most {max(p.upper for p in pending)}"
    else:
        shown = f"no lesion reported at {where}"
    return Fact(best.total if best else None, (), label, shown, tuple(pending))


def _bilsky_at_requested_levels(facts: Facts) -> Fact:
    """The highest ESCC grade at the requested levels (from whichever study reports it), with
    each MRI there that gives no grade pending: its grade could be higher."""
    label = "scores.bilsky_at_requested_levels"
    requested = facts.case.service.levels
    if requested is None:
        return Fact(None, ("service.levels",), label)
    rules = facts.applicability
    imaging = facts.case.imaging or ()
    there = [(i, s) for i, s in enumerate(imaging) if _at_requested(facts, s) is not False]
    known = scores.highest_bilsky(s for _, s in there if _at_requested(facts, s))
    pending = []
    for index, study in there:
        if study.findings.escc_grade is None and rules.shows("escc_grade", study.modality):
            asked = (f"imaging[{index}].findings.escc_grade",)
            if study.levels is None:
                asked += (f"imaging[{index}].levels",)
            pending.append(Pending(scores.BILSKY_GRADES[-1], asked))
    if known is None and not pending:
        need = rules.need("escc_grade", tuple(requested))
        return Fact(None, (), label, needs=(need,))
    return Fact(known, (), label, pending=tuple(pending), order=scores.BILSKY_GRADES)


def _bilsky(facts: Facts) -> Fact:
    grade = facts.scores.bilsky
    if grade is not None:
        return Fact(grade, (), "scores.bilsky")
    missing, needs = scores.bilsky_missing(facts.case)
    return Fact(None, missing, "scores.bilsky", needs=needs)


def _tokuhashi(attribute: str) -> Callable[[Facts], Fact]:
    def resolve(facts: Facts) -> Fact:
        result = facts.scores.tokuhashi
        return Fact(getattr(result, attribute), result.missing, f"scores.tokuhashi.{attribute}")

    return resolve


CASE_PATHS: dict[str, Callable[[Facts], Fact]] = {
    **_section_paths(),
    "scores.sins.total": _sins_total,
    "scores.sins.category": _sins_category,
    "scores.sins_at_requested_levels": _sins_at_requested_levels,
    "scores.bilsky": _bilsky,
    "scores.bilsky_at_requested_levels": _bilsky_at_requested_levels,
    "scores.tokuhashi.total": _tokuhashi("total"),
    "scores.tokuhashi.survival_band": _tokuhashi("survival_band"),
    "derived.neoplastic_diagnosis": _neoplastic,
    "derived.conservative_weeks": _conservative_weeks,
    "derived.conservative_modalities": _conservative_modalities,
    "derived.radiosensitivity": _radiosensitivity,
    "derived.requested_level_count": _level_count,
    "derived.age_years": _age_years,
}
if set(CASE_PATHS) != paths.CASE_PATHS:
    raise AssertionError("inputs and paths disagree: "
                         f"{sorted(set(CASE_PATHS) ^ paths.CASE_PATHS)}")


class StudyView:
    """One imaging study as ``study.*`` paths see it; missing paths name the study's index.

    A finding is evidence only as ``resources/applicability.yaml`` lets it be: reported on a
    study that can show it, or positive from any study. Unreported, it is asked of this study
    if this study can show it; else, when no other study at these levels can, the missing
    item is such a study (a need); else nothing is asked of this one.
    """

    __slots__ = ("facts", "index", "modality", "study")

    def __init__(self, index: int, study: ImagingStudy, facts: Facts):
        self.index = index
        self.study = study
        self.modality = study.modality
        self.facts = facts

    @property
    def label(self) -> str:
        return f"imaging[{self.index}] = {self.modality}"

    def fact(self, path: str) -> Fact:
        name = path.removeprefix("study.")
        if name.startswith("findings."):
            return self._finding(name.removeprefix("findings."))
        value = getattr(self.study, name)
        where = f"imaging[{self.index}].{name}"
        if isinstance(value, list):
            value = list(value)
        elif value is not None and not isinstance(value, str | int | float | bool):
            value = str(value)
        return Fact(value, () if value is not None else (where,), where)

    def _finding(self, name: str) -> Fact:
        where = f"imaging[{self.index}].findings.{name}"
        rules = self.facts.applicability
        reported = getattr(self.study.findings, name)
        value = rules.counted(name, self.modality, reported)
        if value is not None:
            return Fact(value, (), where)
        if rules.shows(name, self.modality):
            fact = Fact(None, (where,), where)
        else:
            shown = f"not shown by {self.modality.replace('_', '-')}"
            if reported is not None:
                shown += f" (the reported {reported!r} is not evidence)"
            needs = ()
            if not rules.answered_elsewhere(name, self.facts.case.imaging, self.index):
                levels = self.study.levels or self.facts.case.service.levels or ()
                needs = (rules.need(name, tuple(levels)),)
            fact = Fact(None, (), where, shown, needs=needs)
        rule = rules.rule_for(f"study.findings.{name}")
        if rule is None or fact.complete:
            return fact
        return self.facts.applying(rule, fact, self)

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
