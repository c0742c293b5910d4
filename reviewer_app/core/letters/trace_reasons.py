"""Reasons from the evaluation trace, in the member's words and with the member's own values.

The criteria that stand in the way of approval are the outcome rule's own
(:func:`reviewer_app.core.criteria.outcome.judge`): a requirement not met, a contraindication
met, or, when no indication is met, each indication that is not. Each one is told with the
plain wording of ``resources/letters/<language>.yaml`` (``reasons``), filled with
this member's numbers, so a letter never says only "does not meet criteria".
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core.case import Case
from reviewer_app.core.criteria.inputs import Facts
from reviewer_app.core.criteria.library import default_library
from reviewer_app.core.criteria.narrative import NOT_REPORTED, Narrative
from reviewer_app.core.criteria.outcome import asking, asking_study, judge
from reviewer_app.core.determination import CriterionResult, Determination, MissingStudy
from reviewer_app.core.letters.content import REASON_SLOTS, LanguageContent


def _canal_percent(case: Case) -> float | None:
    values = [s.findings.canal_compromise_percent for s in case.imaging or ()
              if s.findings.canal_compromise_percent is not None]
    return max(values) if values else None


def member_slots(case: Case, content: LanguageContent) -> dict[str, str]:
    """The values reason sentences may name, in the letter's language. Treatments reported
    with none failed count as 0 weeks of failed care, not as "not reported"."""
    narrative = Narrative(Facts(case))
    slots = {}
    for name in sorted(REASON_SLOTS - {"canal_percent"}):
        slots[name] = narrative[name]
    canal = _canal_percent(case)
    slots["canal_percent"] = f"{canal:g}" if canal is not None else NOT_REPORTED
    care = narrative.facts.conservative
    if care is not None and not care.counted:
        slots["conservative_weeks"] = "0"
    return {
        name: content.words.not_reported if value == NOT_REPORTED else content.number(value)
        for name, value in slots.items()
    }


@dataclass(frozen=True)
class MemberReason:
    kind: str
    text: str
    change: str


def member_reasons(case: Case, determination: Determination,
                   content: LanguageContent) -> list[MemberReason]:
    """Each blocking criterion as "the rule" + "what your records show", and what would change
    it; empty when the evaluation has no criteria set or nothing blocks (a physician may still
    decide otherwise, and says why in the reason text)."""
    if determination.criteria_set is None:
        return []
    slots = member_slots(case, content)
    set_id = determination.criteria_set.id
    found = []
    for criterion in judge(determination.criteria).blocking:
        wording = content.reason(set_id, criterion.id)
        text = f"{wording.rule.strip()} {wording.finding.strip()}".format_map(slots)
        found.append(MemberReason(criterion.kind, text, wording.change.format_map(slots)))
    return found


@dataclass(frozen=True)
class MissingItem:
    path: str
    """The input's path; empty for a study the case does not have."""
    label: str
    why: str


def _asking(determination: Determination, path: str) -> CriterionResult | None:
    return next(iter(asking(determination.criteria, path)), None)


def _asking_study(determination: Determination, study: MissingStudy) -> CriterionResult | None:
    return next(iter(asking_study(determination.criteria, study.findings)), None)


def _asked(determination: Determination, keys: tuple[str, ...] | None
           ) -> tuple[list[str], list[MissingStudy]]:
    """The missing inputs and studies a request for information asks for: those of ``keys``
    (every one when None), in the evaluation's order."""
    if keys is None:
        return list(determination.missing_information), list(determination.missing_studies)
    return ([path for path in determination.missing_information if path in keys],
            [study for study in determination.missing_studies if study.key in keys])


def member_missing(case: Case, determination: Determination, content: LanguageContent,
                   keys: tuple[str, ...] | None = None) -> list[MissingItem]:
    """Each missing input asked for (``keys``; all when None) in plain words, with why it is
    needed, in the letter's language."""
    slots = member_slots(case, content)
    paths, studies = _asked(determination, keys)
    items = []
    for path in paths:
        criterion = _asking(determination, path)
        why = ""
        if criterion is not None and determination.criteria_set is not None:
            why = content.reason(determination.criteria_set.id, criterion.id).why
        items.append(MissingItem(path, content.input_label(path), why.format_map(slots)))
    for study in studies:
        criterion = _asking_study(determination, study)
        why = ""
        if criterion is not None and determination.criteria_set is not None:
            why = content.reason(determination.criteria_set.id, criterion.id).why
        items.append(MissingItem("", content.study_label(study), why.format_map(slots)))
    return items


def provider_missing(case: Case, determination: Determination, content: LanguageContent,
                     keys: tuple[str, ...] | None = None) -> list[MissingItem]:
    """Each missing input asked for (``keys``; all when None) with the criterion it decides
    and the set's own ``why_needed``."""
    criteria_set = (default_library().by_id.get(determination.criteria_set.id)
                    if determination.criteria_set else None)
    specs = {c.id: c for c in criteria_set.criteria} if criteria_set else {}
    narrative = Narrative(Facts(case))
    paths, studies = _asked(determination, keys)
    items = []
    for path in paths:
        criterion = _asking(determination, path)
        why = ""
        if criterion is not None:
            spec = specs.get(criterion.id)
            needed = spec.why_needed.format_map(narrative) if spec and spec.why_needed else ""
            why = f"{criterion.text} ({criterion.id})"
            if needed:
                why = f"{needed[0].upper()}{needed[1:].rstrip('.')}. Criterion: {why}"
        items.append(MissingItem(path, content.input_label(path), why))
    for study in studies:
        criterion = _asking_study(determination, study)
        why = ""
        if criterion is not None:
            spec = specs.get(criterion.id)
            needed = spec.why_needed.format_map(narrative) if spec and spec.why_needed else ""
            why = f"{criterion.text} ({criterion.id})"
            if needed:
                why = f"{needed[0].upper()}{needed[1:].rstrip('.')}. Criterion: {why}"
        items.append(MissingItem("", content.study_label(study), why))
    return items


@dataclass(frozen=True)
class ItemCriterion:
    """One criterion standing in the way of an item not approved, or one still open."""

    set_id: str
    criterion_id: str
    text: str
    """The criterion as the set states it (provider letters)."""
    member_text: str
    """Its rule and this member's finding in the letter's language (member letters)."""
    change: str
    """What new information could change it, in the letter's language."""
    missing: tuple[str, ...]
    """The inputs it lacks (their paths)."""


@dataclass(frozen=True)
class NotApprovedItem:
    """A code, or the levels, a partial approval leaves out, with the criteria behind it."""

    code: str | None
    levels: tuple[str, ...]
    set_id: str | None
    blocking: tuple[ItemCriterion, ...]
    open: tuple[ItemCriterion, ...]
    """Criteria the records leave undecided for the item: what they lack would help."""


def _sets_for(code: str, determination: Determination) -> list:
    """The criteria sets that judge ``code``: the determination's own set first, then every
    set of the library whose selection names the code (a laminotomy added to tumor surgery is
    judged by the decompression set written for it)."""
    library = default_library()
    found = []
    if determination.criteria_set is not None:
        own = library.by_id.get(determination.criteria_set.id)
        if own is not None:
            found.append(own)
    found += [s for s in library.sets if s not in found
              and any(code in rule.procedures for rule in s.spec.selection)]
    return found


def _item_criteria(case: Case, criteria_set, content: LanguageContent):
    results = [(c, c.node.evaluate(Facts(case))) for c in criteria_set.criteria]
    verdict = judge(results)
    slots = member_slots(case, content)

    def told(pair) -> ItemCriterion:
        spec, result = pair
        wording = content.reason(criteria_set.id, spec.id)
        return ItemCriterion(
            criteria_set.id, spec.id, spec.text,
            f"{wording.rule.strip()} {wording.finding.strip()}".format_map(slots),
            wording.change.format_map(slots), tuple(result.missing))

    unknown = [pair for pair in results if pair[1].status == "unknown"]
    return tuple(map(told, verdict.blocking)), tuple(map(told, unknown))


def not_approved_items(case: Case, determination: Determination, codes: tuple[str, ...],
                       levels: tuple[str, ...], content: LanguageContent
                       ) -> list[NotApprovedItem]:
    """Each code and the levels a partial approval leaves out, with the criteria that stand
    in its way, evaluated on this case's facts by the same evaluator and outcome rule as the
    determination: for a code, the first set that judges it (:func:`_sets_for`) and finds a
    criterion in the way; for levels, the determination's set at those levels alone. An
    item no criterion stands in the way of keeps its set's open criteria (what they lack
    would help) and is explained by the physician's reason."""
    items = []
    for code in codes:
        chosen = None
        for criteria_set in _sets_for(code, determination):
            blocking, unknown = _item_criteria(case, criteria_set, content)
            if chosen is None:
                chosen = (criteria_set.id, blocking, unknown)
            if blocking:
                chosen = (criteria_set.id, blocking, unknown)
                break
        set_id, blocking, unknown = chosen or (None, (), ())
        items.append(NotApprovedItem(code, (), set_id, blocking, unknown))
    if levels and determination.criteria_set is not None:
        criteria_set = default_library().by_id.get(determination.criteria_set.id)
        if criteria_set is not None:
            at_levels = case.model_copy(update={
                "service": case.service.model_copy(update={"levels": list(levels)})})
            blocking, unknown = _item_criteria(at_levels, criteria_set, content)
            items.append(NotApprovedItem(None, levels, criteria_set.id, blocking, unknown))
    return items
