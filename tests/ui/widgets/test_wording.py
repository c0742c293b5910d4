"""How deadlines, input paths and outcomes read on screen."""

from datetime import datetime, timedelta

from reviewer_app.core.determination import Determination
from reviewer_app.core.lifecycle import STATUSES
from reviewer_app.ui.widgets.field_labels import describe_evidence, describe_field
from reviewer_app.ui.widgets.outcome_banner import explain_outcome
from reviewer_app.ui.widgets.time_left import Urgency, format_due, time_left
from reviewer_app.ui.widgets.vocabulary import STATUS

DUE = datetime.fromisoformat("2026-12-05T09:15:00-05:00")


def test_due_time_keeps_the_offset_of_the_request():
    assert format_due(DUE) == "Sat 5 Dec 2026, 09:15 UTC−05:00"


def test_time_left_counts_down_and_turns_overdue():
    assert time_left(DUE, DUE - timedelta(days=11, hours=17)) == time_left(
        DUE, DUE - timedelta(days=11, hours=17, seconds=30)
    )
    assert time_left(DUE, DUE - timedelta(days=11, hours=17)).text == "11 days 17 h left"
    assert time_left(DUE, DUE - timedelta(days=11)).urgency is Urgency.ON_TIME
    soon = time_left(DUE, DUE - timedelta(hours=5, minutes=20))
    assert (soon.text, soon.urgency) == ("5 h 20 min left", Urgency.DUE_SOON)
    assert time_left(DUE, DUE - timedelta(minutes=42)).text == "42 min left"
    late = time_left(DUE, DUE + timedelta(days=1, hours=2))
    assert (late.text, late.urgency) == ("Overdue by 1 day 2 h", Urgency.OVERDUE)
    assert time_left(DUE, DUE).urgency is Urgency.OVERDUE


def test_input_paths_read_as_words():
    assert describe_field("oncology.expected_survival_months") == (
        "Treating clinician's estimate of expected survival, in months"
    )
    assert describe_field("imaging[1].findings.alignment").endswith("— imaging 2")
    assert describe_field("no_such.field_name") == "No such field name"


def test_evidence_reads_as_name_and_value():
    deficit = describe_evidence('symptoms.neuro_deficit = "none"')
    assert deficit == "Neurological deficit, if any: none"
    assert describe_evidence("scores.sins.total = 13") == "SINS total: 13"
    assert describe_evidence("symptoms.deficit_progressive = false").endswith(": no")
    assert describe_evidence("free text the evaluator wrote") == "free text the evaluator wrote"


def _determination(outcome, criteria, missing=()):
    return Determination(
        case_ref="PA-1",
        outcome=outcome,
        criteria_set=None,
        scores={"sins": None, "bilsky": None, "tokuhashi": None},
        criteria=[
            {
                "id": f"c{i}",
                "kind": kind,
                "status": status,
                "text": f"criterion {i}",
                "evidence": [],
                "missing": [],
                "references": [],
            }
            for i, (kind, status) in enumerate(criteria)
        ],
        missing_information=list(missing),
        rationale=[],
        references=[],
        due_at="2026-12-05T09:15:00-05:00",
    )


def test_outcome_explanations_say_why():
    meets = _determination(
        "meets_criteria", [("requirement", "met"), ("indication", "met"), ("indication", "not_met")]
    )
    assert explain_outcome(meets) == "1 requirement met; 1 of 2 indications met."
    refer = _determination(
        "refer_to_physician", [("requirement", "not_met"), ("contraindication", "met")]
    )
    assert "requirement not met: criterion 0 (and 1 more)" in explain_outcome(refer)
    assert "physician" in explain_outcome(refer)
    pend = _determination(
        "pend_missing_information", [("requirement", "unknown")], ["oncology.kps"]
    )
    assert "1 missing item: Karnofsky performance status" in explain_outcome(pend)
    assert "manual" not in explain_outcome(pend)
    assert "medical policy" in explain_outcome(_determination("no_criteria_set", []))


def test_every_case_status_has_words():
    assert set(STATUS) == set(STATUSES)
    assert STATUS["in_review"] == "in review"


def test_the_refer_banner_names_what_the_outcome_rule_finds_blocking():
    from casebuilder import evaluate_doc, make_case

    from reviewer_app.core.criteria.outcome import judge

    doc = make_case("tumor", {"oncology.expected_survival_months": 2})
    determination = Determination.model_validate(evaluate_doc(doc))
    [blocking] = judge(determination.criteria).blocking
    assert explain_outcome(determination).startswith(
        f"A physician reviewer must decide — requirement not met: {blocking.text}.")


def test_the_queue_column_says_time_left_briefly():
    from datetime import datetime, timedelta

    from reviewer_app.ui.widgets.time_left import short_time_left

    now = datetime.fromisoformat("2026-11-23T16:00:00-05:00")
    assert short_time_left(now + timedelta(days=2, hours=4, minutes=5), now) == "2 d 4 h left"
    assert short_time_left(now + timedelta(hours=13, minutes=32), now) == "13 h left"
    assert short_time_left(now + timedelta(hours=3, minutes=5), now) == "3 h 5 min left"
    assert short_time_left(now - timedelta(minutes=57), now) == "Overdue 57 min"
