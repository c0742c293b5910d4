"""The local evaluator: scores, criteria-set selection, three-valued criteria, outcome, rationale.

The outcome rule is :mod:`reviewer_app.core.criteria.outcome` (docs/case-format.md): a result
that hangs on missing inputs is pended, listing exactly the inputs and the absent studies of the
criteria still open.
"""

from __future__ import annotations

from pathlib import Path

from reviewer_app.core import deadlines
from reviewer_app.core.case import Case
from reviewer_app.core.case_file import load_case
from reviewer_app.core.codes import procedure_list
from reviewer_app.core.criteria import rationale
from reviewer_app.core.criteria.inputs import Facts
from reviewer_app.core.criteria.library import Library, default_library
from reviewer_app.core.criteria.model import CriteriaSet, CriterionSpec
from reviewer_app.core.criteria.outcome import judge
from reviewer_app.core.criteria.result import Result, StudyNeed, fold_needs, unique
from reviewer_app.core.criteria.scores import scores_json
from reviewer_app.core.determination import Determination


def primary_procedure(case: Case) -> str:
    return case.primary_procedure


def decide(
    results: list[tuple[CriterionSpec, Result]],
) -> tuple[str, list[str], tuple[StudyNeed, ...]]:
    """The outcome and, for a pend, the inputs and the absent studies that could change it."""
    verdict = judge(results)
    open_results = [r for _, r in verdict.open]
    return (
        verdict.outcome,
        list(unique(m for r in open_results for m in r.missing)),
        fold_needs(n for r in open_results for n in r.needs),
    )


def _no_set(case: Case, case_ref: str, facts: Facts, due: str) -> Determination:
    code = primary_procedure(case)
    entry = procedure_list.procedure(code)
    what = f"{code} ({entry.description})" if entry else code
    return Determination(
        case_ref=case_ref,
        outcome="no_criteria_set",
        criteria_set=None,
        scores=scores_json(facts.scores),
        criteria=[],
        missing_information=[],
        rationale=[
            f"No criteria set in this library covers the primary procedure {what}, so the "
            "request needs manual review; a nurse cannot approve it from criteria and it goes "
            "to a physician reviewer if it cannot be approved."
        ],
        references=[],
        due_at=due,
    )


def evaluate(case: Case, case_ref: str, library: Library | None = None) -> Determination:
    library = library or default_library()
    facts = Facts(case)
    due = deadlines.due_at(case.received_at, case.urgency, case.line_of_business).isoformat()
    criteria_set = library.select(primary_procedure(case), bool(facts.neoplastic_codes))
    if criteria_set is None:
        return _no_set(case, case_ref, facts, due)
    results = [(c, c.node.evaluate(facts)) for c in criteria_set.criteria]
    outcome, missing, needs = decide(results)
    return Determination(
        case_ref=case_ref,
        outcome=outcome,
        criteria_set={
            "id": criteria_set.id,
            "version": criteria_set.version,
            "sha256": criteria_set.sha256,
        },
        scores=scores_json(facts.scores),
        criteria=[_criterion_json(c, r, facts) for c, r in results],
        missing_information=missing,
        missing_studies=[_study_json(n, facts) for n in needs],
        rationale=rationale.build(criteria_set, facts, results, outcome, missing, needs),
        references=_references(criteria_set),
        due_at=due,
    )


def _criterion_json(criterion: CriterionSpec, result: Result, facts: Facts) -> dict:
    return {
        "id": criterion.id,
        "kind": criterion.kind,
        "status": result.status,
        "text": criterion.text,
        "evidence": list(result.evidence),
        "missing": list(result.missing),
        "references": list(criterion.references),
        "missing_studies": [_study_json(n, facts) for n in result.needs],
    }


def _study_json(need: StudyNeed, facts: Facts) -> dict:
    return {
        "modalities": list(need.modalities),
        "levels": list(need.levels),
        "findings": list(need.findings),
        "text": facts.applicability.describe_need(need),
    }


def _references(criteria_set: CriteriaSet) -> list[dict]:
    return [{"id": r.id, "citation": r.citation} for r in criteria_set.spec.references]


def case_ref_for(case: Case, source: str | Path) -> str:
    """The contract's ``case_ref``: the external id, else the input file's name."""
    return case.external_id or Path(source).name


def evaluate_file(path: str | Path) -> tuple[Case, Determination]:
    case = load_case(path)
    return case, evaluate(case, case_ref_for(case, path))
