"""SINS, Bilsky and revised Tokuhashi: every row of every table, missing inputs, properties.

Expected points are written out here from ``docs/criteria-rules.md`` rather than read
from ``reviewer_app.core.criteria.scores``, so a wrong table entry fails a test.
"""

from __future__ import annotations

import copy
import enum
import json
import typing
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import SEED

from reviewer_app.core import case as case_module
from reviewer_app.core.case import Case
from reviewer_app.core.criteria import scores
from reviewer_app.core.criteria.result import StudyNeed
from reviewer_app.core.determination import ScoresOut
from reviewer_app.core.levels import LEVELS

SEED_PATH = SEED
SEED: dict[str, Any] = json.loads(SEED_PATH.read_text())


class _Marker(enum.Enum):
    ABSENT = "absent"


ABSENT = _Marker.ABSENT
"""Marks a key to leave out of the document (missing), as opposed to a JSON ``null``."""

PROPERTY_SETTINGS = settings(max_examples=60, deadline=None)


def seed_doc() -> dict[str, Any]:
    doc = copy.deepcopy(SEED)
    doc["diagnoses"] = doc["diagnoses"][:1]
    return doc


def build(doc: dict[str, Any]) -> Case:
    return Case.model_validate_json(json.dumps(doc), strict=True)


def _set(target: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    for key, value in values.items():
        if value is ABSENT:
            target.pop(key, None)
        else:
            target[key] = value
    return target


def study(levels: Any = ("L2",), modality: str = "MRI", **findings: Any) -> dict[str, Any]:
    """An imaging study scoring 0 on every SINS component but location and bone lesion."""
    base = {
        "lesion_type": "lytic",
        "vertebral_collapse": "none",
        "alignment": "normal",
        "posterolateral_involvement": "none",
    }
    doc: dict[str, Any] = {"modality": modality, "findings": _set(base, findings)}
    if levels is not ABSENT:
        doc["levels"] = list(levels) if levels is not None else None
    return doc


def make_case(
    imaging: Any = None,
    symptoms: dict[str, Any] | None = None,
    oncology: dict[str, Any] | None = None,
) -> Case:
    """The seed case with its imaging replaced (ABSENT drops the key) and fields overridden."""
    doc = seed_doc()
    if imaging is ABSENT:
        del doc["imaging"]
    elif imaging is not None:
        doc["imaging"] = imaging
    if symptoms is ABSENT:
        del doc["symptoms"]
    elif symptoms is not None:
        _set(doc["symptoms"], symptoms)
    if oncology is ABSENT:
        del doc["oncology"]
    elif oncology is not None:
        _set(doc["oncology"], oncology)
    return build(doc)


def sins_case(pain: Any = "none", **study_fields: Any) -> Case:
    return make_case(imaging=[study(**study_fields)], symptoms={"pain_character": pain})


# --- the motivating case ---------------------------------------------------------------------


def test_seed_case_scores() -> None:
    result = scores.score_case(build(copy.deepcopy(SEED)))
    assert result.sins.total == 13
    assert result.sins.category == "unstable"
    assert result.sins.components == {
        "location": 2,
        "pain": 3,
        "bone_lesion": 2,
        "alignment": 2,
        "collapse": 3,
        "posterolateral": 1,
    }
    assert result.sins.study_index == 0
    assert result.sins.missing == ()
    mri, ct = result.sins.records
    assert (mri.study_index, mri.levels, mri.total) == (0, ("L2",), 13)
    assert ct.study_index == 1
    assert (ct.components, ct.total, ct.category) == (None, None, None)
    assert ct.missing == (
        "imaging[1].findings.alignment",
        "imaging[1].findings.vertebral_collapse",
        "imaging[1].findings.posterolateral_involvement",
    )
    assert result.bilsky == "1c"
    assert result.tokuhashi.total == 10
    assert result.tokuhashi.survival_band == "6_months_or_more"
    assert result.tokuhashi.components == {
        "general_condition": 1,
        "extraspinal_bone_metastases": 2,
        "vertebral_metastases": 2,
        "visceral_metastases": 2,
        "primary_site": 1,
        "palsy": 2,
    }
    assert result.radiosensitivity == "unknown"
    assert scores.scores_json(result) == {
        "sins": {
            "total": 13,
            "category": "unstable",
            "components": {
                "location": 2,
                "pain": 3,
                "bone_lesion": 2,
                "alignment": 2,
                "collapse": 3,
                "posterolateral": 1,
            },
        },
        "bilsky": "1c",
        "tokuhashi": {"total": 10, "survival_band": "6_months_or_more"},
    }


# --- SINS tables -----------------------------------------------------------------------------

LOCATION_POINTS = {
    "C1": 3, "C2": 3, "C3": 2, "C4": 2, "C5": 2, "C6": 2, "C7": 3,
    "T1": 3, "T2": 3, "T3": 1, "T4": 1, "T5": 1, "T6": 1, "T7": 1, "T8": 1, "T9": 1, "T10": 1,
    "T11": 3, "T12": 3,
    "L1": 3, "L2": 2, "L3": 2, "L4": 2, "L5": 3,
    "S1": 3, "S2": 0, "S3": 0, "S4": 0, "S5": 0,
}  # fmt: skip


def test_location_table_covers_every_level() -> None:
    assert set(LOCATION_POINTS) == set(LEVELS)
    assert scores.SINS_LOCATION == LOCATION_POINTS


@pytest.mark.parametrize(("level", "points"), LOCATION_POINTS.items())
def test_sins_location_of_each_level(level: str, points: int) -> None:
    result = scores.sins(sins_case(levels=[level]))
    assert result.components is not None
    assert result.components["location"] == points
    assert result.total == points + 2


@pytest.mark.parametrize(
    ("levels", "points"),
    [
        (["T10", "T11"], 3),
        (["T11", "T10"], 3),
        (["L3", "L4", "L5"], 3),
        (["T9", "T10"], 1),
        (["S2", "S3", "S4"], 0),
        (["S1", "S2"], 3),
        (["T8", "L3"], 2),
        (["C5", "C6", "C7"], 3),
        (["T2", "T3"], 3),
    ],
)
def test_sins_location_takes_the_highest_level(levels: list[str], points: int) -> None:
    result = scores.sins(sins_case(levels=levels))
    assert result.components is not None
    assert result.components["location"] == points
    assert result.records[0].levels == tuple(levels)


@pytest.mark.parametrize(
    ("pain", "points"), [("mechanical", 3), ("occasional_non_mechanical", 1), ("none", 0)]
)
def test_sins_pain(pain: str, points: int) -> None:
    result = scores.sins(sins_case(pain=pain, levels=["S3"], lesion_type="blastic"))
    assert result.components is not None
    assert result.components["pain"] == points
    assert result.total == points


@pytest.mark.parametrize(("lesion", "points"), [("lytic", 2), ("mixed", 1), ("blastic", 0)])
def test_sins_bone_lesion(lesion: str, points: int) -> None:
    result = scores.sins(sins_case(levels=["S3"], lesion_type=lesion))
    assert result.components is not None
    assert result.components["bone_lesion"] == points
    assert result.total == points


@pytest.mark.parametrize(
    ("alignment", "points"),
    [("subluxation_translation", 4), ("de_novo_deformity", 2), ("normal", 0)],
)
def test_sins_alignment(alignment: str, points: int) -> None:
    result = scores.sins(sins_case(levels=["S3"], lesion_type="blastic", alignment=alignment))
    assert result.components is not None
    assert result.components["alignment"] == points
    assert result.total == points


@pytest.mark.parametrize(
    ("collapse", "points"),
    [("gt50", 3), ("lt50", 2), ("no_collapse_gt50_involved", 1), ("none", 0)],
)
def test_sins_collapse(collapse: str, points: int) -> None:
    result = scores.sins(
        sins_case(levels=["S3"], lesion_type="blastic", vertebral_collapse=collapse)
    )
    assert result.components is not None
    assert result.components["collapse"] == points
    assert result.total == points


@pytest.mark.parametrize(
    ("involvement", "points"), [("bilateral", 3), ("unilateral", 1), ("none", 0)]
)
def test_sins_posterolateral(involvement: str, points: int) -> None:
    result = scores.sins(
        sins_case(levels=["S3"], lesion_type="blastic", posterolateral_involvement=involvement)
    )
    assert result.components is not None
    assert result.components["posterolateral"] == points
    assert result.total == points


@pytest.mark.parametrize(
    ("total", "category"),
    [
        *((t, "stable") for t in range(7)),
        *((t, "potentially_unstable") for t in range(7, 13)),
        *((t, "unstable") for t in range(13, 19)),
    ],
)
def test_sins_category_of_each_total(total: int, category: str) -> None:
    assert scores.sins_category(total) == category


@pytest.mark.parametrize("total", [-1, 19, 100])
def test_sins_category_refuses_impossible_totals(total: int) -> None:
    with pytest.raises(ValueError, match="SINS"):
        scores.sins_category(total)


@pytest.mark.parametrize(
    ("pain", "fields", "total", "category"),
    [
        ("none", {"levels": ["S3"], "lesion_type": "blastic"}, 0, "stable"),
        ("mechanical", {"levels": ["L2"], "lesion_type": "mixed"}, 6, "stable"),
        ("mechanical", {"levels": ["L2"], "lesion_type": "lytic"}, 7, "potentially_unstable"),
        (
            "mechanical",
            {"levels": ["L1"], "alignment": "de_novo_deformity", "vertebral_collapse": "lt50"},
            12,
            "potentially_unstable",
        ),
        (
            "mechanical",
            {
                "levels": ["L1"],
                "alignment": "de_novo_deformity",
                "vertebral_collapse": "lt50",
                "posterolateral_involvement": "unilateral",
            },
            13,
            "unstable",
        ),
        (
            "mechanical",
            {
                "levels": ["C1"],
                "alignment": "subluxation_translation",
                "vertebral_collapse": "gt50",
                "posterolateral_involvement": "bilateral",
            },
            18,
            "unstable",
        ),
    ],
)
def test_sins_category_boundaries_on_cases(
    pain: str, fields: dict[str, Any], total: int, category: str
) -> None:
    result = scores.sins(sins_case(pain=pain, **fields))
    assert (result.total, result.category) == (total, category)


# --- SINS records and the case's SINS --------------------------------------------------------


def test_sins_takes_the_highest_record() -> None:
    case = make_case(
        imaging=[
            study(levels=["T6"]),
            study(levels=["L1"], alignment="subluxation_translation"),
            study(levels=["L3"]),
        ]
    )
    result = scores.sins(case)
    assert [record.total for record in result.records] == [6, 12, 7]
    assert (result.total, result.study_index) == (12, 1)
    assert result.components == result.records[1].components


def test_sins_tie_goes_to_the_first_study() -> None:
    case = make_case(imaging=[study(levels=["T6"]), study(levels=["L2"]), study(levels=["L3"])])
    result = scores.sins(case)
    assert (result.total, result.study_index) == (7, 1)


def test_sins_scored_record_wins_over_unscorable_ones() -> None:
    case = make_case(imaging=[study(alignment=ABSENT), study(levels=["S3"], lesion_type="blastic")])
    result = scores.sins(case)
    assert (result.total, result.study_index, result.missing) == (3, 1, ())
    assert result.records[0].missing == ("imaging[0].findings.alignment",)


@pytest.mark.parametrize("lesion_type", ["none", ABSENT])
def test_studies_without_a_lesion_make_no_record(lesion_type: Any) -> None:
    case = make_case(imaging=[study(lesion_type=lesion_type), study(levels=["T5"])])
    result = scores.sins(case)
    assert [record.study_index for record in result.records] == [1]
    assert result.study_index == 1


def test_sins_components_are_not_shared_with_the_record() -> None:
    result = scores.sins(make_case())
    assert result.components is not None
    result.components["pain"] = 0
    assert result.records[0].components is not None
    assert result.records[0].components["pain"] == 3


def test_any_modality_can_be_a_lesion_record() -> None:
    result = scores.sins(make_case(imaging=[study(modality="CT"), study(modality="PET_CT")]))
    assert [record.total for record in result.records] == [7, 7]


def test_a_lesion_on_plain_films_or_a_bone_scan_needs_cross_sectional_imaging_to_score() -> None:
    """Guide (2026): a positive lesion counts from any study, but a component counts only
    from a study that can show it; pedicle involvement needs MRI, CT or PET-CT, and a bone
    scan shows neither collapse nor alignment (the plain films here answer those)."""
    result = scores.sins(make_case(imaging=[study(modality="XR"), study(modality="bone_scan")]))
    assert [record.total for record in result.records] == [None, None]
    xr, bone_scan = result.records
    assert xr.missing == () and bone_scan.missing == ()
    need = StudyNeed(("MRI", "CT", "PET_CT"), ("L2",), ("posterolateral_involvement",))
    assert xr.needs == (need,)
    assert bone_scan.needs == (need,)
    assert result.needs == (need,)


# --- SINS missing inputs ---------------------------------------------------------------------

COMPONENT_PATHS = [
    ({"levels": ABSENT}, "imaging[0].levels"),
    ({"levels": None}, "imaging[0].levels"),
    ({"levels": []}, "imaging[0].levels"),
    ({"alignment": ABSENT}, "imaging[0].findings.alignment"),
    ({"alignment": None}, "imaging[0].findings.alignment"),
    ({"vertebral_collapse": ABSENT}, "imaging[0].findings.vertebral_collapse"),
    ({"vertebral_collapse": None}, "imaging[0].findings.vertebral_collapse"),
    ({"posterolateral_involvement": ABSENT}, "imaging[0].findings.posterolateral_involvement"),
    ({"posterolateral_involvement": None}, "imaging[0].findings.posterolateral_involvement"),
]


@pytest.mark.parametrize(("fields", "path"), COMPONENT_PATHS)
def test_sins_study_input_missing(fields: dict[str, Any], path: str) -> None:
    result = scores.sins(sins_case(**fields))
    assert (result.total, result.category, result.components, result.study_index) == (
        None,
        None,
        None,
        None,
    )
    assert result.missing == (path,)
    (record,) = result.records
    assert (record.components, record.total, record.category) == (None, None, None)
    assert record.missing == (path,)


@pytest.mark.parametrize("symptoms", [{"pain_character": ABSENT}, {"pain_character": None}, ABSENT])
def test_sins_pain_missing(symptoms: Any) -> None:
    result = scores.sins(make_case(imaging=[study()], symptoms=symptoms))
    assert result.total is None
    assert result.missing == ("symptoms.pain_character",)


def test_sins_every_input_missing() -> None:
    case = make_case(
        imaging=[
            {"modality": "CT", "findings": {"lesion_type": "mixed"}},
        ],
        symptoms={"pain_character": ABSENT},
    )
    assert scores.sins(case).missing == (
        "imaging[0].levels",
        "symptoms.pain_character",
        "imaging[0].findings.alignment",
        "imaging[0].findings.vertebral_collapse",
        "imaging[0].findings.posterolateral_involvement",
    )


def test_sins_missing_is_the_ordered_union_of_the_records() -> None:
    case = make_case(
        imaging=[
            study(alignment=ABSENT),
            study(lesion_type="none", levels=ABSENT),
            study(levels=ABSENT, alignment=ABSENT),
        ],
        symptoms={"pain_character": ABSENT},
    )
    assert scores.sins(case).missing == (
        "symptoms.pain_character",
        "imaging[0].findings.alignment",
        "imaging[2].levels",
        "imaging[2].findings.alignment",
    )


@pytest.mark.parametrize("imaging", [ABSENT, None, []])
def test_sins_without_imaging_asks_for_imaging(imaging: Any) -> None:
    doc = seed_doc()
    if imaging is ABSENT:
        del doc["imaging"]
    else:
        doc["imaging"] = imaging
    result = scores.sins(build(doc))
    assert (result.total, result.records, result.missing) == (None, (), ())
    assert result.needs == (StudyNeed(("MRI", "CT", "PET_CT"), ("L1", "L2", "L3"),
                                      ("lesion_type",)),)


def test_sins_asks_for_unreported_lesion_types() -> None:
    case = make_case(
        imaging=[
            study(lesion_type="none"),
            study(lesion_type=ABSENT),
            study(lesion_type=None),
        ]
    )
    result = scores.sins(case)
    assert result.records == ()
    assert result.missing == (
        "imaging[1].findings.lesion_type",
        "imaging[2].findings.lesion_type",
    )


def test_sins_with_no_lesion_reported_asks_for_nothing() -> None:
    case = make_case(imaging=[study(lesion_type="none"), study(lesion_type="none", levels=["T4"])])
    result = scores.sins(case)
    assert (result.total, result.records, result.missing) == (None, (), ())


# --- Bilsky ----------------------------------------------------------------------------------

GRADES = ["0", "1a", "1b", "1c", "2", "3"]


def grades_case(*grades: Any) -> Case:
    return make_case(imaging=[study(escc_grade=grade) for grade in grades])


@pytest.mark.parametrize("grade", GRADES)
def test_bilsky_single_grade(grade: str) -> None:
    case = grades_case(grade)
    assert scores.bilsky(case) == grade
    assert scores.bilsky_missing(case) == ((), ())


@pytest.mark.parametrize(
    ("lower", "higher"),
    [(GRADES[i], GRADES[j]) for i in range(len(GRADES)) for j in range(i + 1, len(GRADES))],
)
def test_bilsky_takes_the_highest_grade(lower: str, higher: str) -> None:
    assert scores.bilsky(grades_case(lower, higher)) == higher
    assert scores.bilsky(grades_case(higher, lower)) == higher
    assert scores.bilsky(grades_case(ABSENT, lower, higher, None)) == higher


def test_bilsky_seed_case_takes_the_grade_from_the_reporting_study() -> None:
    assert scores.bilsky(build(copy.deepcopy(SEED))) == "1c"


def test_bilsky_ignores_lesion_type() -> None:
    assert scores.bilsky(grades_case("2")) == scores.bilsky(
        make_case(imaging=[study(lesion_type="none", escc_grade="2")])
    )


def test_bilsky_not_reported() -> None:
    case = grades_case(ABSENT, None)
    assert scores.bilsky(case) is None
    assert scores.bilsky_missing(case) == ((
        "imaging[0].findings.escc_grade",
        "imaging[1].findings.escc_grade",
    ), ())


def test_bilsky_is_asked_only_of_an_mri() -> None:
    """Guide (2026): Bilsky is graded on axial T2 MRI; plain films and bone scans are not
    asked, and with no MRI the missing item is an MRI of the requested levels."""
    case = make_case(imaging=[study(modality="XR"), study(modality="bone_scan"),
                              study(modality="MRI", escc_grade=ABSENT)])
    assert scores.bilsky_missing(case) == (("imaging[2].findings.escc_grade",), ())
    case = make_case(imaging=[study(modality="XR"), study(modality="CT")])
    assert scores.bilsky_missing(case) == (
        (), (StudyNeed(("MRI",), ("L1", "L2", "L3"), ("escc_grade",)),))


@pytest.mark.parametrize("imaging", [ABSENT, []])
def test_bilsky_without_imaging(imaging: Any) -> None:
    case = make_case(imaging=imaging)
    assert scores.bilsky(case) is None
    assert scores.bilsky_missing(case) == (
        (), (StudyNeed(("MRI",), ("L1", "L2", "L3"), ("escc_grade",)),))


def test_bilsky_high_grade() -> None:
    assert frozenset({"2", "3"}) == scores.BILSKY_HIGH_GRADE
    assert typing.get_args(case_module.EsccGrade) == scores.BILSKY_GRADES


# --- revised Tokuhashi -----------------------------------------------------------------------

TOKUHASHI_BASE = {
    "kps": 50,
    "extraspinal_bone_metastases": 1,
    "vertebral_metastases": 2,
    "visceral_metastases": "removable",
    "primary_site": "other",
}
"""One point from every parameter with Frankel C: total 6."""


def tokuhashi_case(frankel: Any = "C", **oncology: Any) -> Case:
    return make_case(oncology={**TOKUHASHI_BASE, **oncology}, symptoms={"frankel_grade": frankel})


def tokuhashi_component(name: str, **kwargs: Any) -> int:
    result = scores.tokuhashi(tokuhashi_case(**kwargs))
    assert result.components is not None
    assert result.total == sum(result.components.values())
    return result.components[name]


@pytest.mark.parametrize(
    ("kps", "points"),
    [(0, 0), (10, 0), (30, 0), (40, 0), (50, 1), (60, 1), (70, 1), (80, 2), (90, 2), (100, 2)],
)  # fmt: skip
def test_tokuhashi_general_condition(kps: int, points: int) -> None:
    assert tokuhashi_component("general_condition", kps=kps) == points


@pytest.mark.parametrize(("count", "points"), [(0, 2), (1, 1), (2, 1), (3, 0), (4, 0), (25, 0)])
def test_tokuhashi_extraspinal_bone_metastases(count: int, points: int) -> None:
    got = tokuhashi_component("extraspinal_bone_metastases", extraspinal_bone_metastases=count)
    assert got == points


@pytest.mark.parametrize(("count", "points"), [(0, 2), (1, 2), (2, 1), (3, 0), (4, 0), (25, 0)])
def test_tokuhashi_vertebral_metastases(count: int, points: int) -> None:
    assert tokuhashi_component("vertebral_metastases", vertebral_metastases=count) == points


@pytest.mark.parametrize(
    ("visceral", "points"), [("unremovable", 0), ("removable", 1), ("none", 2)]
)
def test_tokuhashi_visceral_metastases(visceral: str, points: int) -> None:
    assert tokuhashi_component("visceral_metastases", visceral_metastases=visceral) == points


PRIMARY_SITE_POINTS = {
    "lung": 0, "stomach": 0, "bladder": 0, "esophagus": 0, "pancreas": 0,
    "liver": 1, "unknown": 1,
    "other": 2, "colon": 2, "melanoma": 2, "sarcoma": 2, "myeloma": 2, "lymphoma": 2,
    "kidney": 3, "uterus": 3,
    "rectum": 4,
    "thyroid": 5, "breast": 5, "prostate": 5,
}  # fmt: skip
ALL_SITES = typing.get_args(case_module.PrimarySite)


def test_primary_site_table_covers_every_site() -> None:
    assert set(PRIMARY_SITE_POINTS) == set(ALL_SITES)
    assert scores.TOKUHASHI_PRIMARY_SITE == PRIMARY_SITE_POINTS


@pytest.mark.parametrize(("site", "points"), PRIMARY_SITE_POINTS.items())
def test_tokuhashi_primary_site(site: str, points: int) -> None:
    assert tokuhashi_component("primary_site", primary_site=site) == points


@pytest.mark.parametrize(("frankel", "points"), [("A", 0), ("B", 0), ("C", 1), ("D", 1), ("E", 2)])
def test_tokuhashi_palsy(frankel: str, points: int) -> None:
    assert tokuhashi_component("palsy", frankel=frankel) == points


@pytest.mark.parametrize(
    ("total", "band"),
    [
        *((t, "under_6_months") for t in range(9)),
        *((t, "6_months_or_more") for t in range(9, 12)),
        *((t, "1_year_or_more") for t in range(12, 16)),
    ],
)
def test_tokuhashi_band_of_each_total(total: int, band: str) -> None:
    assert scores.tokuhashi_band(total) == band


@pytest.mark.parametrize("total", [-1, 16])
def test_tokuhashi_band_refuses_impossible_totals(total: int) -> None:
    with pytest.raises(ValueError, match="Tokuhashi"):
        scores.tokuhashi_band(total)


@pytest.mark.parametrize(
    ("frankel", "oncology", "total", "band"),
    [
        ("A", {"kps": 30, "extraspinal_bone_metastases": 5, "vertebral_metastases": 4,
               "visceral_metastases": "unremovable", "primary_site": "lung"}, 0, "under_6_months"),
        ("C", {"kps": 60, "primary_site": "kidney"}, 8, "under_6_months"),
        ("E", {"kps": 60, "primary_site": "kidney"}, 9, "6_months_or_more"),
        ("E", {"kps": 80, "vertebral_metastases": 1, "primary_site": "kidney"}, 11,
         "6_months_or_more"),
        ("E", {"kps": 80, "extraspinal_bone_metastases": 0, "vertebral_metastases": 1,
               "primary_site": "kidney"}, 12, "1_year_or_more"),
        ("E", {"kps": 90, "extraspinal_bone_metastases": 0, "vertebral_metastases": 1,
               "visceral_metastases": "none", "primary_site": "breast"}, 15, "1_year_or_more"),
    ],
)  # fmt: skip
def test_tokuhashi_band_boundaries_on_cases(
    frankel: str, oncology: dict[str, Any], total: int, band: str
) -> None:
    result = scores.tokuhashi(tokuhashi_case(frankel, **oncology))
    assert (result.total, result.survival_band, result.missing) == (total, band, ())


TOKUHASHI_PATHS = {
    "kps": "oncology.kps",
    "extraspinal_bone_metastases": "oncology.extraspinal_bone_metastases",
    "vertebral_metastases": "oncology.vertebral_metastases",
    "visceral_metastases": "oncology.visceral_metastases",
    "primary_site": "oncology.primary_site",
}


@pytest.mark.parametrize("marker", [ABSENT, None])
@pytest.mark.parametrize(("field", "path"), TOKUHASHI_PATHS.items())
def test_tokuhashi_oncology_input_missing(field: str, path: str, marker: Any) -> None:
    result = scores.tokuhashi(tokuhashi_case(**{field: marker}))
    assert (result.total, result.survival_band, result.components) == (None, None, None)
    assert result.missing == (path,)


@pytest.mark.parametrize("symptoms", [{"frankel_grade": ABSENT}, {"frankel_grade": None}, ABSENT])
def test_tokuhashi_frankel_missing(symptoms: Any) -> None:
    result = scores.tokuhashi(make_case(symptoms=symptoms))
    assert result.total is None
    assert result.missing == ("symptoms.frankel_grade",)


def test_tokuhashi_zero_counts_are_not_missing() -> None:
    result = scores.tokuhashi(
        tokuhashi_case(kps=0, extraspinal_bone_metastases=0, vertebral_metastases=0)
    )
    assert result.missing == ()
    assert result.total is not None


def test_tokuhashi_lists_every_missing_input_in_order() -> None:
    result = scores.tokuhashi(
        make_case(
            oncology={"kps": ABSENT, "primary_site": ABSENT, "visceral_metastases": None},
            symptoms={"frankel_grade": ABSENT},
        )
    )
    assert result.missing == (
        "oncology.kps",
        "oncology.visceral_metastases",
        "oncology.primary_site",
        "symptoms.frankel_grade",
    )


@pytest.mark.parametrize(
    ("symptoms", "tail"), [(None, ()), ({"frankel_grade": ABSENT}, ("symptoms.frankel_grade",))]
)
def test_tokuhashi_without_oncology(symptoms: Any, tail: tuple[str, ...]) -> None:
    result = scores.tokuhashi(make_case(oncology=ABSENT, symptoms=symptoms))
    assert result.total is None
    assert result.missing == (*TOKUHASHI_PATHS.values(), *tail)


def test_tokuhashi_with_empty_oncology() -> None:
    doc = seed_doc()
    doc["oncology"] = {}
    assert scores.tokuhashi(build(doc)).missing == tuple(TOKUHASHI_PATHS.values())


# --- radiosensitivity ------------------------------------------------------------------------

DERIVED_RADIOSENSITIVITY = {
    "myeloma": "sensitive", "lymphoma": "sensitive",
    "kidney": "resistant", "melanoma": "resistant", "thyroid": "resistant", "colon": "resistant",
    "rectum": "resistant", "sarcoma": "resistant", "liver": "resistant",
    "unknown": "unknown", "lung": "unknown", "breast": "unknown", "prostate": "unknown",
    "stomach": "unknown", "bladder": "unknown", "uterus": "unknown", "pancreas": "unknown",
    "esophagus": "unknown", "other": "unknown",
}  # fmt: skip


def test_radiosensitivity_table_covers_every_site() -> None:
    assert set(DERIVED_RADIOSENSITIVITY) == set(ALL_SITES)


@pytest.mark.parametrize(("site", "expected"), DERIVED_RADIOSENSITIVITY.items())
def test_radiosensitivity_derived_from_primary_site(site: str, expected: str) -> None:
    case = make_case(oncology={"primary_site": site, "radiosensitivity": ABSENT})
    assert scores.radiosensitivity(case) == expected
    assert scores.radiosensitivity_source(case) == "derived from primary site"


@pytest.mark.parametrize(
    ("site", "reported"),
    [
        ("myeloma", "resistant"),
        ("kidney", "sensitive"),
        ("lung", "sensitive"),
        ("lymphoma", "unknown"),
        ("melanoma", "unknown"),
        ("breast", "resistant"),
        (ABSENT, "sensitive"),
    ],
)
def test_reported_radiosensitivity_overrides_the_site(site: Any, reported: str) -> None:
    case = make_case(oncology={"primary_site": site, "radiosensitivity": reported})
    assert scores.radiosensitivity(case) == reported
    assert scores.radiosensitivity_source(case) == "reported"


@pytest.mark.parametrize(
    "oncology",
    [ABSENT, {"primary_site": ABSENT}, {"primary_site": None}],
    ids=["no-oncology", "site-absent", "site-null"],
)
def test_radiosensitivity_not_known(oncology: Any) -> None:
    if isinstance(oncology, dict):
        oncology = {**oncology, "radiosensitivity": ABSENT}
    case = make_case(oncology=oncology)
    assert scores.radiosensitivity(case) == "unknown"
    assert scores.radiosensitivity_source(case) == "not known"


# --- the determination's scores object -------------------------------------------------------


def test_scores_json_nulls_when_unknown() -> None:
    case = make_case(imaging=ABSENT, oncology=ABSENT)
    result = scores.score_case(case)
    assert scores.scores_json(result) == {"sins": None, "bilsky": None, "tokuhashi": None}
    assert result.radiosensitivity == "unknown"


@pytest.mark.parametrize(
    "doc", [SEED, {**SEED, "imaging": [], "oncology": {}}], ids=["seed", "none"]
)
def test_scores_json_matches_the_determination_schema(doc: dict[str, Any]) -> None:
    payload = scores.scores_json(scores.score_case(build(copy.deepcopy(doc))))
    assert ScoresOut.model_validate(payload).model_dump(mode="json") == payload
    assert json.loads(json.dumps(payload)) == payload


# --- properties ------------------------------------------------------------------------------

SINS_ORDERS: dict[str, list[Any]] = {
    "lesion_type": ["none", "blastic", "mixed", "lytic"],
    "alignment": ["normal", "de_novo_deformity", "subluxation_translation"],
    "vertebral_collapse": ["none", "no_collapse_gt50_involved", "lt50", "gt50"],
    "posterolateral_involvement": ["none", "unilateral", "bilateral"],
}
"""Each SINS study input's values in increasing order of points."""
PAIN_ORDER = ["none", "occasional_non_mechanical", "mechanical"]


def _maybe(values: list[Any]) -> st.SearchStrategy[Any]:
    return st.sampled_from([ABSENT, *values])


study_docs = st.builds(
    lambda levels, **findings: study(levels=levels, **findings),
    levels=st.one_of(st.just(ABSENT), st.lists(st.sampled_from(LEVELS), max_size=3, unique=True)),
    **{name: _maybe(values) for name, values in SINS_ORDERS.items()},
)
sins_docs = st.fixed_dictionaries(
    {"imaging": st.lists(study_docs, min_size=1, max_size=3), "pain": _maybe(PAIN_ORDER)}
)


def draw_ordered_pair(data: Any, size: int) -> tuple[int, int]:
    """Two indexes ``i <= j`` into a list of ``size`` values."""
    i, j = sorted(data.draw(st.lists(st.integers(0, size - 1), min_size=2, max_size=2)))
    return i, j


def sins_of(doc: dict[str, Any]) -> scores.Sins:
    return scores.sins(make_case(imaging=doc["imaging"], symptoms={"pain_character": doc["pain"]}))


@PROPERTY_SETTINGS
@given(sins_docs)
def test_sins_total_in_range_and_category_consistent(doc: dict[str, Any]) -> None:
    result = sins_of(doc)
    for record in result.records:
        if record.total is None:
            assert record.missing or record.needs, "an unscored lesion says what it lacks"
            assert record.components is None
        else:
            assert record.components is not None
            assert tuple(record.components) == scores.SINS_COMPONENTS
            assert record.total == sum(record.components.values())
            assert 0 <= record.total <= 18
            assert record.category == scores.sins_category(record.total)
    scored = [record.total for record in result.records if record.total is not None]
    requested = [record.total for record in result.records
                 if record.total is not None and record.at_requested_levels]
    if scored:
        # SINS reporting rule: the highest at the requested levels (L1-L3 here), else anywhere
        assert result.total == max(requested or scored)
        assert result.category == scores.sins_category(result.total)
        assert result.missing == ()
    else:
        assert (result.total, result.category, result.components) == (None, None, None)


@PROPERTY_SETTINGS
@given(sins_docs, st.data())
def test_sins_never_drops_when_one_input_scores_more(doc: dict[str, Any], data: Any) -> None:
    field = data.draw(st.sampled_from([*SINS_ORDERS, "pain", "levels"]))
    lower, higher = copy.deepcopy(doc), copy.deepcopy(doc)
    if field == "pain":
        i, j = draw_ordered_pair(data, len(PAIN_ORDER))
        lower["pain"], higher["pain"] = PAIN_ORDER[i], PAIN_ORDER[j]
    else:
        index = data.draw(st.integers(0, len(doc["imaging"]) - 1))
        if field == "levels":
            levels = lower["imaging"][index].get("levels") or []
            extra = data.draw(st.sampled_from([lv for lv in LEVELS if lv not in levels]))
            higher["imaging"][index]["levels"] = [*levels, extra]
        else:
            order = SINS_ORDERS[field]
            i, j = draw_ordered_pair(data, len(order))
            lower["imaging"][index]["findings"][field] = order[i]
            higher["imaging"][index]["findings"][field] = order[j]
    before, after = sins_of(lower).total, sins_of(higher).total
    if before is not None:
        assert after is not None
        assert after >= before


TOKUHASHI_ORDERS: dict[str, list[Any]] = {
    "kps": list(range(0, 101, 10)),
    "extraspinal_bone_metastases": list(range(12, -1, -1)),
    "vertebral_metastases": list(range(12, -1, -1)),
    "visceral_metastases": ["unremovable", "removable", "none"],
    "primary_site": sorted(ALL_SITES, key=PRIMARY_SITE_POINTS.__getitem__),
    "frankel": ["A", "B", "C", "D", "E"],
}
"""Each revised Tokuhashi input's values from worst to best prognosis."""

tokuhashi_inputs = st.fixed_dictionaries(
    {name: st.sampled_from(values) for name, values in TOKUHASHI_ORDERS.items()}
)


def tokuhashi_of(inputs: dict[str, Any]) -> scores.Tokuhashi:
    oncology = {name: value for name, value in inputs.items() if name != "frankel"}
    return scores.tokuhashi(tokuhashi_case(inputs["frankel"], **oncology))


@PROPERTY_SETTINGS
@given(tokuhashi_inputs)
def test_tokuhashi_total_in_range_and_band_consistent(inputs: dict[str, Any]) -> None:
    result = tokuhashi_of(inputs)
    assert result.total is not None
    assert result.components is not None
    assert 0 <= result.total <= 15
    assert result.total == sum(result.components.values())
    assert result.survival_band == scores.tokuhashi_band(result.total)


@PROPERTY_SETTINGS
@given(tokuhashi_inputs, st.data())
def test_tokuhashi_monotone_in_each_parameter(inputs: dict[str, Any], data: Any) -> None:
    field = data.draw(st.sampled_from(list(TOKUHASHI_ORDERS)))
    order = TOKUHASHI_ORDERS[field]
    i, j = draw_ordered_pair(data, len(order))
    worse = tokuhashi_of({**inputs, field: order[i]}).total
    better = tokuhashi_of({**inputs, field: order[j]}).total
    assert worse is not None
    assert better is not None
    assert better >= worse
