"""ur-case/1 validation: every contract rule, and errors that name the file, field and problem."""

from __future__ import annotations

import copy
import json

import pytest
from paths import SEED

from reviewer_app.core.case import npi_check_digit_ok
from reviewer_app.core.case_file import CaseFileError, load_case, parse_case


@pytest.fixture
def doc() -> dict:
    return json.loads(SEED.read_text())


def problems(doc: dict) -> list[str]:
    with pytest.raises(CaseFileError) as caught:
        parse_case(json.dumps(doc), "case.json")
    return caught.value.lines()


def set_path(doc: dict, path: str, value) -> dict:
    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    node = doc
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is ...:
        del node[last]
    else:
        node[last] = value
    return doc


def test_seed_case_is_valid():
    case = load_case(SEED)
    assert case.external_id == "PA-2026-004417"
    assert case.diagnosis_codes == ["C79.51", "M84.58XA", "C80.1", "M54.50", "I10"]
    assert case.received_at.utcoffset().total_seconds() == -5 * 3600


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("C7951", "C79.51"), ("c79.51", "C79.51"), ("m8458xa", "M84.58XA"), ("I10", "I10")],
)
def test_icd10_codes_are_normalised(doc, raw, stored):
    case = parse_case(json.dumps(set_path(doc, "diagnoses", [{"code": raw}])), "c.json")
    assert case.diagnosis_codes == [stored]


@pytest.mark.parametrize(
    ("path", "value", "field", "fragment"),
    [
        ("urgency", "urgent", "urgency", "'standard' or 'expedited'"),
        ("line_of_business", "tricare", "line_of_business", "commercial"),
        ("received_at", "2026-11-20T14:30:00", "received_at", "timezone"),
        ("received_at", "yesterday", "received_at", "datetime"),
        ("member.birth_date", "1957-13-40", "member.birth_date", "date"),
        ("member.birth_date", 19570602, "member.birth_date", "date"),
        ("member.sex", "f", "member.sex", "'female'"),
        ("member.language", "english!", "member.language", "BCP 47"),
        ("requesting_provider.npi", "1245319598", "requesting_provider.npi", "check digit"),
        ("requesting_provider.npi", "12453195", "requesting_provider.npi", "10 digits"),
        ("service.levels", ["L2", "L6"], "service.levels[1]", "not a spinal level"),
        ("service.setting", "home", "service.setting", "inpatient"),
        ("service.procedures", [], "service.procedures", "at least 1"),
        ("service.procedures.0.units", 0, "service.procedures[0].units", "greater than or equal"),
        ("service.procedures.0.units", "1", "service.procedures[0].units", "integer"),
        ("service.procedures.0.code", "6309", "service.procedures[0]", "not a CPT code"),
        ("service.procedures.0.system", "ICD", "service.procedures[0].system", "'CPT'"),
        ("diagnoses", [], "diagnoses", "at least 1"),
        ("diagnoses", [{"code": "C79.5"}], "diagnoses[0].code", "category"),
        ("diagnoses", [{"code": "X99.999"}], "diagnoses[0].code", "ICD-10-CM"),
        ("diagnoses", [{"code": "C79.51"}, {"code": "c7951"}], "diagnoses", "more than once"),
        ("imaging.0.findings.escc_grade", 2, "imaging[0].findings.escc_grade", "'1c'"),
        ("imaging.0.findings.canal_compromise_percent", 140,
         "imaging[0].findings.canal_compromise_percent", "less than or equal to 100"),
        ("imaging.0.findings.retropulsion", "yes", "imaging[0].findings.retropulsion", "bool"),
        ("imaging.0.modality", "US", "imaging[0].modality", "'MRI'"),
        ("symptoms.pain_nrs", 11, "symptoms.pain_nrs", "less than or equal to 10"),
        ("symptoms.frankel_grade", "F", "symptoms.frankel_grade", "'A'"),
        ("symptoms.red_flags", ["fever", "fever"], "symptoms.red_flags", "twice"),
        ("symptoms.red_flags", ["back_pain"], "symptoms.red_flags[0]", "'cancer_history'"),
        ("prior_treatments.0.type", "yoga", "prior_treatments[0].type", "'physical_therapy'"),
        ("prior_treatments.0.end", "2026-09-01", "prior_treatments[0]", "before start"),
        ("oncology.kps", 110, "oncology.kps", "less than or equal to 100"),
        ("oncology.ecog", 6, "oncology.ecog", "less than or equal to 5"),
        ("oncology.primary_site", "brain", "oncology.primary_site", "'lung'"),
        ("comorbidities.hba1c_percent", 45, "comorbidities.hba1c_percent", "less than"),
        ("format", "ur-case/2", "format", "'ur-case/1'"),
    ],
)
def test_invalid_values_are_named(doc, path, value, field, fragment):
    lines = problems(set_path(doc, path, value))
    assert any(
        line.startswith(f"case.json: {field}: ") and fragment in line for line in lines
    ), lines


@pytest.mark.parametrize(
    "path",
    ["format", "received_at", "urgency", "line_of_business", "member", "member.id",
     "member.birth_date", "requesting_provider", "requesting_provider.npi", "service",
     "service.procedures", "diagnoses"],
)
def test_required_fields(doc, path):
    lines = problems(set_path(doc, path, ...))
    assert f"case.json: {path.replace('.0', '[0]')}: required field is missing" in lines


def test_unknown_keys_are_refused_but_extensions_are_kept(doc):
    typo = set_path(doc, "symptoms.pain_nrss", 7)
    assert "case.json: symptoms.pain_nrss: unknown field" in problems(typo)[0]
    kept = set_path(doc, "extensions", {"portal": {"x": [1, 2]}})
    assert parse_case(json.dumps(kept), "c.json").extensions == {"portal": {"x": [1, 2]}}


def test_missing_is_not_false(doc):
    doc = set_path(doc, "symptoms.ambulatory", ...)
    case = parse_case(json.dumps(set_path(doc, "comorbidities.pregnancy", None)), "c.json")
    assert case.symptoms.ambulatory is None
    assert case.comorbidities.pregnancy is None
    assert case.comorbidities.diabetes is False


def test_every_problem_is_reported_at_once(doc):
    bad = set_path(set_path(doc, "urgency", "soon"), "symptoms.pain_nrs", -1)
    assert len(problems(bad)) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[]", "should be an object"),
    ],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert str(path) in caught.value.lines()[0]
    assert message in caught.value.lines()[0]


def test_missing_file(tmp_path):
    with pytest.raises(CaseFileError) as caught:
        load_case(tmp_path / "nope.json")
    assert "No such file" in str(caught.value)


@pytest.mark.parametrize(
    ("npi", "valid"), [("1245319599", True), ("1234567893", True), ("1234567890", False)]
)
def test_npi_check_digit(npi, valid):
    assert npi_check_digit_ok(npi) is valid
