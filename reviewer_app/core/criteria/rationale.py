"""The rationale: sentences about this member, in order, each citing its reference ids.

Order: what was requested and against which set; the requirements; the indications that are
met (or, when none is, why each falls short); contraindications; why the alternatives fall
short where the member's findings show it; what is missing and why it matters; the outcome.
"""

from __future__ import annotations

from reviewer_app.core.criteria.input_labels import label
from reviewer_app.core.criteria.inputs import Facts
from reviewer_app.core.criteria.model import CriteriaSet, CriterionSpec
from reviewer_app.core.criteria.narrative import Narrative
from reviewer_app.core.criteria.outcome import (
    MEETS_CRITERIA,
    REFER_TO_PHYSICIAN,
    asking,
    asking_study,
    judge,
)
from reviewer_app.core.criteria.result import MET, NOT_MET, UNKNOWN, Result, StudyNeed

_STATUS_WORDS = {MET: "is met", NOT_MET: "is not met", UNKNOWN: "cannot be decided yet"}


def cite(text: str, references: list[str]) -> str:
    body = text.strip().rstrip(".")
    return f"{body} [{', '.join(references)}]." if references else f"{body}."


def _criterion_sentence(criterion: CriterionSpec, result: Result, slots: Narrative) -> str:
    template = getattr(criterion.explain, result.status)
    if template:
        text = template.format_map(slots)
    else:
        wording = criterion.text.rstrip(".")
        text = f"The criterion \u201c{wording}\u201d {_STATUS_WORDS[result.status]}"
        if result.evidence:
            text += f" ({'; '.join(result.evidence)})"
    return cite(text, criterion.references)


def _missing_sentences(
    results: list[tuple[CriterionSpec, Result]], missing: list[str], slots: Narrative
) -> list[str]:
    sentences = []
    for path in missing:
        needing = [c for c, _ in asking(results, path)]
        criterion = needing[0]
        why = criterion.why_needed.format_map(slots) if criterion.why_needed else (
            f"it decides whether \u201c{criterion.text.rstrip('.')}\u201d holds"
        )
        sentences.append(cite(
            f"Missing: {label(path)} ({path}); {why.rstrip('.')}",
            list(dict.fromkeys(r for c in needing for r in c.references)),
        ))
    return sentences


def _study_sentences(
    results: list[tuple[CriterionSpec, Result]], needs: tuple[StudyNeed, ...], facts: Facts,
    slots: Narrative,
) -> list[str]:
    sentences = []
    for need in needs:
        needing = [c for c, _ in asking_study(results, need.findings)]
        why = ""
        if needing and needing[0].why_needed:
            why = "; " + needing[0].why_needed.format_map(slots).rstrip(".")
        sentences.append(cite(
            f"Missing: {facts.applicability.describe_need(need)}, a study this case does "
            f"not have{why}",
            list(dict.fromkeys(r for c in needing for r in c.references)),
        ))
    return sentences


def _conclusion(outcome: str, criteria_set: CriteriaSet, results, slots: Narrative) -> str:
    basis = criteria_set.spec.basis
    met = [c.id for c, r in results if c.kind == "indication" and r.status == MET]
    if outcome == MEETS_CRITERIA:
        reason = "all requirements are met"
        if met:
            names = " and ".join([", ".join(met[:-1]), met[-1]] if len(met) > 1 else met)
            reason += f", the indication{'s' if len(met) > 1 else ''} {names} "
            reason += "are met" if len(met) > 1 else "is met"
        reason += " and no contraindication applies"
        return cite(
            f"Outcome: {reason}, so the request meets {criteria_set.id} "
            f"version {criteria_set.version} and a nurse reviewer may approve it",
            basis,
        )
    if outcome == REFER_TO_PHYSICIAN:
        blocked = judge(results).blocking
        blocking = [c.id for c, _ in blocked if c.kind != "indication"]
        if any(c.kind == "indication" for c, _ in blocked):
            blocking.append("no indication is met")
        return cite(
            f"Outcome: the criteria are not satisfied ({', '.join(blocking)}), so the case goes "
            "to a physician reviewer; only a physician may decide not to approve it",
            basis,
        )
    return cite(
        "Outcome: the result depends on the missing information above, so the request is "
        "pended; ask the requesting provider for it before the decision is due",
        basis,
    )


def build(
    criteria_set: CriteriaSet,
    facts: Facts,
    results: list[tuple[CriterionSpec, Result]],
    outcome: str,
    missing: list[str],
    needs: tuple[StudyNeed, ...] = (),
) -> list[str]:
    slots = Narrative(facts)
    sentences = [cite(
        "Request: {procedure} at {levels}, {setting}, for {primary_diagnosis}".format_map(slots)
        + f"; reviewed against \u201c{criteria_set.title}\u201d version {criteria_set.version}",
        criteria_set.spec.basis,
    )]
    requirements = [(c, r) for c, r in results if c.kind == "requirement"]
    indications = [(c, r) for c, r in results if c.kind == "indication"]
    contraindications = [(c, r) for c, r in results if c.kind == "contraindication"]
    sentences += [_criterion_sentence(c, r, slots) for c, r in requirements]
    met = [(c, r) for c, r in indications if r.status == MET]
    shown = met or indications
    sentences += [_criterion_sentence(c, r, slots) for c, r in shown]
    sentences += [_criterion_sentence(c, r, slots) for c, r in contraindications]
    for alternative in criteria_set.spec.alternatives:
        if alternative.node.evaluate(facts).status == MET:
            sentences.append(cite(alternative.text.format_map(slots), alternative.references))
    sentences += _missing_sentences(results, missing, slots)
    sentences += _study_sentences(results, needs, facts, slots)
    sentences.append(_conclusion(outcome, criteria_set, results, slots))
    return sentences
