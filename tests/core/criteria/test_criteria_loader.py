"""The criteria loader refuses malformed sets, naming the file and the criterion."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from reviewer_app.core import resources
from reviewer_app.core.criteria.describe import describe
from reviewer_app.core.criteria.library import LibraryError, load_library
from reviewer_app.core.criteria.loader import CriteriaLoadError, load_set

SHIPPED = sorted(resources.path("criteria").glob("*.yaml"))
TUMOR = resources.path("criteria", "spine-tumor-decompression-stabilization.yaml")


def write(tmp_path: Path, data: dict, name: str = "set.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.fixture
def tumor() -> dict:
    return yaml.safe_load(TUMOR.read_text())


def refusal(path: Path) -> list[str]:
    with pytest.raises(CriteriaLoadError) as caught:
        load_set(path)
    return caught.value.lines()


def test_the_five_shipped_sets_load():
    library = load_library()
    assert sorted(library.by_id) == [
        "lumbar-decompression",
        "lumbar-fusion",
        "lumbar-spine-mri",
        "spine-tumor-decompression-stabilization",
        "vertebral-augmentation",
    ]
    for criteria_set in library.sets:
        assert len(criteria_set.sha256) == 64
        assert criteria_set.spec.version and criteria_set.spec.effective
        for criterion in criteria_set.criteria:
            assert criterion.references
            assert describe(criterion.logic)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_criterion_explains_every_status_it_can_reach(path):
    for criterion in load_set(path).criteria:
        assert criterion.explain.met and criterion.explain.not_met, criterion.id


def test_unknown_input_path(tmp_path, tumor):
    tumor["criteria"][3]["logic"] = {"gte": ["scores.sins.totl", 13]}
    lines = refusal(write(tmp_path, tumor))
    assert lines == [
        f"{tmp_path / 'set.yaml'}: criteria[3] (instability-sins-unstable).logic: "
        "unknown input path 'scores.sins.totl'"
    ]


@pytest.mark.parametrize(
    ("logic", "message"),
    [
        ({"between": ["symptoms.pain_nrs", 1]}, "unknown operator 'between'"),
        ({"gte": ["symptoms.pain_nrs"]}, "takes [input path, value]"),
        ({"gte": ["symptoms.pain_nrs", "5"]}, "needs a number"),
        ({"in": ["symptoms.neuro_deficit", "motor"]}, "needs a list"),
        ({"all": []}, "non-empty list"),
        ({"gte": ["symptoms.pain_nrs", 5], "lte": ["symptoms.pain_nrs", 9]}, "exactly one"),
        ({"eq": ["study.findings.retropulsion", True]}, "only available inside any_study"),
        ({"any_study": {"match": {"eq": ["study.findings.retro", True]}}}, "unknown input path"),
        ({"any_study": {"modalities": ["US"]}}, "modalities must be"),
        ({"any_study": {"match": {"any_study": {}}}}, "cannot be nested"),
    ],
)
def test_malformed_logic(tmp_path, tumor, logic, message):
    tumor["criteria"][0]["logic"] = logic
    lines = refusal(write(tmp_path, tumor))
    assert "criteria[0] (neoplastic-diagnosis).logic" in lines[0]
    assert message in lines[0]


def test_unknown_reference_id(tmp_path, tumor):
    tumor["criteria"][2]["references"] = ["patchell-2005", "nobody-1999"]
    assert refusal(write(tmp_path, tumor)) == [
        f"{tmp_path / 'set.yaml'}: criteria[2] (expected-survival-3-months).references: "
        "unknown reference id 'nobody-1999'"
    ]


def test_unknown_field_and_missing_field(tmp_path, tumor):
    tumor["criteria"][1]["wording"] = "typo"
    del tumor["version"]
    lines = refusal(write(tmp_path, tumor))
    assert any("version: required field is missing" in line for line in lines)
    assert any("criteria[1].wording: unknown field" in line for line in lines)


def test_unknown_rationale_slot(tmp_path, tumor):
    tumor["criteria"][3]["explain"]["met"] = "SINS is {sins_totl}"
    lines = refusal(write(tmp_path, tumor))
    assert "explain.met: unknown rationale slot '{sins_totl}'" in lines[0]


def test_duplicate_criterion_id_and_bad_code(tmp_path, tumor):
    tumor["criteria"][1]["id"] = "neoplastic-diagnosis"
    tumor["selection"][0]["procedures"].append("6309")
    lines = refusal(write(tmp_path, tumor))
    assert any("criterion id is used twice" in line for line in lines)
    assert any("'6309' is not a CPT/HCPCS code" in line for line in lines)


def test_unquoted_version_is_refused(tmp_path, tumor):
    tumor["version"] = 2026.1
    assert any("version: Input should be a valid string" in line
               for line in refusal(write(tmp_path, tumor)))


def test_invalid_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed\n")
    lines = refusal(path)
    assert lines[0].startswith(f"{path}: line 2: not valid YAML")


def test_library_refuses_two_sets_claiming_one_code(tmp_path, tumor):
    write(tmp_path, tumor, "a.yaml")
    other = dict(tumor, id="copy-of-tumor")
    write(tmp_path, other, "b.yaml")
    with pytest.raises(LibraryError) as caught:
        load_library(tmp_path)
    assert "already selected by set 'spine-tumor-decompression-stabilization'" in str(
        caught.value
    )


def test_adding_a_set_needs_no_python(tmp_path):
    data = {
        "format": "ur-criteria/1",
        "id": "cervical-test",
        "title": "A test set",
        "titles": {"es": "Un conjunto de prueba"},
        "version": "1",
        "effective": "2026-01-01",
        "summary": "A set written only as data.",
        "selection": [{"procedures": ["22551"]}],
        "basis": ["ref-a"],
        "references": [{"id": "ref-a", "citation": "Someone. Some policy. 2026."}],
        "criteria": [{
            "id": "pain",
            "kind": "requirement",
            "text": "Pain is at least 7 of 10.",
            "references": ["ref-a"],
            "logic": {"gte": ["symptoms.pain_nrs", 7]},
        }],
        "changes": [{"version": "1", "date": "2026-01-01", "what": "First version of the set.",
                     "why": "A test of a set written only as data."}],
    }
    write(tmp_path, data)
    library = load_library(tmp_path)
    assert library.select("22551", neoplastic=False).id == "cervical-test"
    assert library.by_id["cervical-test"].title_in("es") == "Un conjunto de prueba"


@pytest.mark.parametrize("titles,problem", [
    ({}, "titles: the title in 'es' is missing"),
    ({"es": "  "}, "titles: the title in 'es' is missing"),
    ({"es": "Un conjunto", "xx": "?"}, "titles.xx: not a member-letter language"),
], ids=["es-set-title:missing", "es-set-title:blank", "es-set-title:unknown-language"])
def test_a_set_needs_a_title_in_every_member_letter_language(tmp_path, titles, problem):
    """Issue 12: member letters name the criteria set in the member's language, so every set
    carries a translated title, checked when it is loaded."""
    path = tmp_path / "set.yaml"
    source = resources.path("criteria", "lumbar-fusion.yaml").read_text(encoding="utf-8")
    document = yaml.safe_load(source)
    document["titles"] = titles
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CriteriaLoadError, match=re.escape(problem)):
        load_set(path)


def test_a_set_without_its_current_version_in_its_history_is_refused(tmp_path, tumor):
    tumor["version"] = "2026.3"
    lines = refusal(write(tmp_path, tumor))
    assert any("changes: the last change is version 2026.2, but the set is version 2026.3"
               in line for line in lines)
    tumor["changes"] = []
    lines = refusal(write(tmp_path, tumor))
    assert any("changes:" in line for line in lines)


def test_history_must_be_oldest_first_and_each_version_once(tmp_path, tumor):
    tumor["changes"] = [tumor["changes"][1], tumor["changes"][0], tumor["changes"][1]]
    tumor["changes"][-1] = dict(tumor["changes"][-1])
    lines = refusal(write(tmp_path, tumor))
    assert any("version 2026.2 is listed twice" in line for line in lines)
    assert any("list the changes oldest first" in line for line in lines)


@pytest.mark.parametrize("logic", [
    {"not": {"eq": ["study.findings.retropulsion", True]}},
    {"ne": ["study.findings.fracture", "none"]},
    {"not_in": ["comorbidities.hba1c_percent", [9, 10]]},
    {"not": {"eq": ["symptoms.frankel_grade", "A"]}},
])
def test_an_input_that_may_not_apply_cannot_be_negated(tmp_path, tumor, logic):
    """A finding a study cannot show, and an input that does not apply to the case, read as
    "no support": negating them would turn "not asked" into "met"."""
    if any(str(p).startswith("study.") for p in json.dumps(logic).split('"')):
        logic = {"any_study": {"match": logic}}
    tumor["criteria"][0]["logic"] = logic
    lines = refusal(write(tmp_path, tumor))
    assert any("can only be asked for support" in line for line in lines), lines
