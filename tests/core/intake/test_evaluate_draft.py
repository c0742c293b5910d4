"""evaluate_draft: each problem at its field in the command line's words, and a determination
from the valid clinical part while administrative fields are still empty."""

import copy
import json
import time
from datetime import datetime

import pytest
from paths import SEED

from reviewer_app.core.case_file import CaseFileError, parse_case
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import evaluate_draft

NOW = datetime.fromisoformat("2026-11-23T16:00:00-05:00")


@pytest.fixture
def seed() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


def draft(data: dict) -> DraftDocument:
    return DraftDocument(data)


def cli_lines(data: dict) -> list[str]:
    try:
        parse_case(json.dumps(data), "draft")
    except CaseFileError as error:
        return error.lines()
    return []


def test_the_complete_seed_has_no_problems_and_meets_criteria(seed):
    result = evaluate_draft(draft(seed), now=NOW)
    assert result.complete and not result.placeholders and not result.waiting_for
    assert result.determination.outcome == "meets_criteria"
    assert result.case == parse_case(SEED.read_bytes(), "seed")
    assert result.criteria_set_title.startswith("Surgery for spinal metastasis")


def test_an_empty_draft_lists_every_required_field_and_waits_for_a_procedure():
    result = evaluate_draft(DraftDocument(), now=NOW)
    assert result.determination is None
    assert set(result.waiting_for) == {"service.procedures", "diagnoses"}
    assert all(p.missing for p in result.problems)
    assert {p.path for p in result.problems} >= {
        "received_at", "urgency", "line_of_business", "member.id", "member.birth_date",
        "requesting_provider.npi", "service.procedures", "diagnoses"}
    assert "member" not in {p.path for p in result.problems}, "the fields, not the section"
    assert result.case is not None, "live values can still be computed"


def test_clinical_evaluation_runs_without_administrative_fields(seed):
    data = {k: seed[k] for k in ("service", "diagnoses", "imaging", "symptoms",
                                 "prior_treatments", "oncology")}
    result = evaluate_draft(draft(data), now=NOW)
    assert result.determination.outcome == "meets_criteria"
    assert "received_at" in result.placeholders and "member.birth_date" in result.placeholders
    assert result.determination.due_at == "2026-12-08T16:00:00-05:00", "due if received now"


def test_without_diagnoses_the_diagnosis_criteria_are_unknown(seed):
    data = {"service": seed["service"], "imaging": seed["imaging"]}
    result = evaluate_draft(draft(data), now=NOW)
    determination = result.determination
    assert determination.outcome == "pend_missing_information"
    assert determination.missing_information[0] == "diagnoses"
    first = determination.criteria[0]
    assert first.id == "neoplastic-diagnosis"
    assert (first.status, first.missing, first.evidence) == ("unknown", ["diagnoses"], [])
    assert "C80.1" not in determination.model_dump_json(), "the placeholder never shows"


def test_a_set_chosen_by_the_diagnosis_waits_for_it():
    data = {"service": {"procedures": [{"code": "22612", "system": "CPT", "units": 1}]}}
    result = evaluate_draft(draft(data), now=NOW)
    assert result.determination is None and "diagnoses" in result.waiting_for


def test_invalid_values_are_reported_in_the_command_lines_words_and_left_out(seed):
    data = copy.deepcopy(seed)
    data["requesting_provider"]["npi"] = "1234567890"
    data["oncology"]["kps"] = 75
    data["imaging"][0]["findings"]["canal_compromise_percent"] = 140
    data["prior_treatments"][0]["end"] = "2026-09-01"
    result = evaluate_draft(draft(data), now=NOW)
    by_path = {p.path: p.message for p in result.problems}
    expected = {line.split(": ", 2)[1]: line.split(": ", 2)[2] for line in cli_lines(data)}
    assert by_path == expected
    assert by_path["oncology.kps"] == "KPS is recorded in steps of 10 (0, 10, ... 100), not 75"
    assert not any(p.missing for p in result.problems)
    assert result.determination.outcome == "meets_criteria", "the valid rest still decides"
    assert result.case.oncology.kps is None, "left out, not guessed"


def test_birth_date_after_received_is_at_the_birth_date(seed):
    data = copy.deepcopy(seed)
    data["member"]["birth_date"] = "2027-01-01"
    [problem] = evaluate_draft(draft(data), now=NOW).problems
    assert (problem.path, problem.message) == (
        "member.birth_date", "member.birth_date is after received_at")


def test_a_study_left_out_keeps_the_other_studies_numbers(seed):
    data = copy.deepcopy(seed)
    data["imaging"].insert(0, {"levels": ["L2"]})
    result = evaluate_draft(draft(data), now=NOW)
    assert [p.path for p in result.problems] == ["imaging[0].modality"]
    assert result.index_maps["imaging"] == (1, 2)
    assert result.evaluated_index("imaging", 0) is None
    assert result.evaluated_index("imaging", 2) == 1
    text = result.determination.model_dump_json()
    assert "imaging[1].levels = L2 (MRI" in text and "imaging[0]" not in text


def test_duplicates_and_categories_in_the_diagnoses(seed):
    data = copy.deepcopy(seed)
    data["diagnoses"] = [{"code": "C79.51"}, {"code": "C79"}, {"code": "c7951"}]
    result = evaluate_draft(draft(data), now=NOW)
    messages = {p.path: p.message for p in result.problems}
    assert messages["diagnoses[1].code"].startswith("'C79' is a category")
    assert messages["diagnoses"] == "diagnosis C79.51 is listed more than once"
    assert result.determination.outcome == "meets_criteria"


def test_fast_enough_for_every_keystroke(seed):
    """The budget (16 ms for the whole panel update) is checked in make bench; this only
    catches an accidental order-of-magnitude slowdown."""
    document = draft(seed)
    evaluate_draft(document, now=NOW)
    start = time.perf_counter()
    for _ in range(20):
        evaluate_draft(document, now=NOW)
    assert (time.perf_counter() - start) / 20 < 0.05
