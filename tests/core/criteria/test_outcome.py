"""The outcome rule (docs/case-format.md) has one home, ``core/criteria/outcome.py``: it decides
the evaluator's outcome and names what stands in the way for the rationale, the letters and the
window's banner (tests/ui/widgets/test_wording.py), from the evaluator's pairs and from a
stored determination alike."""

from __future__ import annotations

from types import SimpleNamespace

from casebuilder import evaluate_doc, make_case
from hypothesis import given
from hypothesis import strategies as st

from reviewer_app.core.criteria.outcome import asking, asking_study, asks, judge
from reviewer_app.core.criteria.result import Result, StudyNeed
from reviewer_app.core.determination import CriterionResult, Determination
from reviewer_app.core.letters.content import content
from reviewer_app.core.letters.trace_reasons import member_reasons

KINDS = ("requirement", "indication", "contraindication")
STATUSES = ("met", "not_met", "unknown")


def _entry(index: int, kind: str, status: str) -> CriterionResult:
    unknown = status == "unknown"
    return CriterionResult(
        id=f"c{index}", kind=kind, status=status, text=f"criterion {index}", evidence=[],
        missing=[f"input.c{index}"] if unknown else [], references=[],
    )


def _pair(entry: CriterionResult) -> tuple[SimpleNamespace, Result]:
    spec = SimpleNamespace(id=entry.id, kind=entry.kind)
    return spec, Result(entry.status, missing=tuple(entry.missing))


def _contract(kinds_statuses: list[tuple[str, str]]) -> str:
    """The rule as the contract words it, written out again."""
    req = [s for k, s in kinds_statuses if k == "requirement"]
    ind = [s for k, s in kinds_statuses if k == "indication"]
    con = [s for k, s in kinds_statuses if k == "contraindication"]
    if "not_met" in req or "met" in con or (ind and all(s == "not_met" for s in ind)):
        return "refer_to_physician"
    if all(s == "met" for s in req) and (not ind or "met" in ind) and all(
        s == "not_met" for s in con
    ):
        return "meets_criteria"
    return "pend_missing_information"


criteria_lists = st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(STATUSES)),
                          max_size=8)


@given(criteria_lists)
def test_the_outcome_follows_the_contract_in_both_forms(kinds_statuses):
    entries = [_entry(i, k, s) for i, (k, s) in enumerate(kinds_statuses)]
    verdict = judge(entries)
    assert verdict.outcome == _contract(kinds_statuses)
    pairs = judge([_pair(e) for e in entries])
    assert pairs.outcome == verdict.outcome
    assert [spec.id for spec, _ in pairs.blocking] == [e.id for e in verdict.blocking]
    assert [spec.id for spec, _ in pairs.open] == [e.id for e in verdict.open]
    no_indication_met = any(k == "indication" for k, _ in kinds_statuses) and not any(
        k == "indication" and s == "met" for k, s in kinds_statuses)
    assert [e.id for e in verdict.blocking] == [
        e.id for e in entries
        if (e.kind, e.status) in (("requirement", "not_met"), ("contraindication", "met"))
        or (e.kind == "indication" and e.status == "not_met" and no_indication_met)
    ]
    if verdict.outcome == "meets_criteria":
        assert verdict.blocking == ()
    if verdict.outcome != "pend_missing_information":
        assert verdict.open == ()
    else:
        assert verdict.open and all(e.status == "unknown" for e in verdict.open)


def test_open_questions_put_requirements_and_contraindications_before_indications():
    entries = [_entry(0, "indication", "unknown"), _entry(1, "contraindication", "unknown"),
               _entry(2, "requirement", "unknown")]
    assert [e.id for e in judge(entries).open] == ["c2", "c1", "c0"]
    entries[0] = _entry(0, "indication", "met")
    assert [e.id for e in judge(entries).open] == ["c2", "c1"]


def test_which_criteria_ask_for_an_input_or_a_study():
    need = StudyNeed(("MRI", "bone_scan"), ("L1",), ("marrow_edema",))
    spec = SimpleNamespace(id="acute", kind="requirement")
    pairs = [(spec, Result("unknown", needs=(need,))),
             (SimpleNamespace(id="pain", kind="requirement"),
              Result("unknown", missing=("symptoms.pain_nrs",)))]
    assert [s.id for s, _ in asking(pairs, "symptoms.pain_nrs")] == ["pain"]
    assert [s.id for s, _ in asking_study(pairs, ("marrow_edema",))] == ["acute"]
    assert asking_study(pairs, ("infection",)) == []


def test_a_pend_may_ask_for_a_study_alone():
    doc = make_case("augmentation")
    doc["imaging"][0]["modality"] = "CT"
    del doc["imaging"][0]["findings"]["marrow_edema"]
    determination = Determination.model_validate(evaluate_doc(doc))
    assert determination.outcome == "pend_missing_information"
    assert determination.missing_information == [] and determination.missing_studies
    assert asks(determination)
    assert not asks(determination.model_copy(update={"missing_studies": []}))


def test_the_rationale_the_letters_and_the_banner_name_the_same_blocking_criteria():
    from casebuilder import parse

    doc = make_case("tumor", {"oncology.expected_survival_months": 2})
    case = parse(doc)
    determination = Determination.model_validate(evaluate_doc(doc))
    blocking = judge(determination.criteria).blocking
    assert determination.outcome == "refer_to_physician"
    assert [c.id for c in blocking] == ["expected-survival-3-months"]
    assert "(expected-survival-3-months)" in determination.rationale[-1]
    reasons = member_reasons(case, determination, content("en"))
    assert [r.kind for r in reasons] == [c.kind for c in blocking]
