"""The criteria decide on the right lesion and ask only what applies (sets 2026.2).

One named test for each wrong answer found in the clinical read of the 2026.1 sets, with the
outcome and the missing list the criteria guide's rules give (docs/criteria-rules.md), and a
property test over generated cases: every input a determination asks for applies to the case
(by the guide's rules written out in ``guide_oracle``, not read from the shipped data), and
supplying any one of them can change the result.
"""

from __future__ import annotations

import copy
import json
import random
import typing
from typing import Any

import pytest
from casebuilder import (
    BASES,
    DELETE,
    changed,
    criterion,
    evaluate_doc,
    get_in,
    make_case,
    parse,
    set_in,
    statuses,
    treatment,
)
from guide_oracle import applies
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reviewer_app.core.case import Comorbidities, Findings, Oncology, Symptoms
from reviewer_app.core.case_file import CaseFileError

MEETS, REFER, PEND = "meets_criteria", "refer_to_physician", "pend_missing_information"
MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
CROSS = ["MRI", "CT", "PET_CT"]


def study(modality: str, levels: list[str], **findings: Any) -> dict:
    return {"modality": modality, "levels": levels, "findings": findings}


def studies_asked(det: dict) -> list[tuple[list[str], list[str], list[str]]]:
    return [(s["modalities"], s["levels"], s["findings"]) for s in det["missing_studies"]]


def asked_of(det: dict, index: int) -> list[str]:
    return [p for p in det["missing_information"] if p.startswith(f"imaging[{index}]")]


# --------------------------------------------------------------------------------------------
# Approvals that must not happen


def test_corpectomy_at_l2_with_no_lesion_at_l2_does_not_meet_on_a_t6_lesion():
    """A lesion elsewhere in the spine decides nothing for surgery at the requested levels."""
    doc = make_case("tumor", {"imaging": [
        study("MRI", ["L2"], lesion_type="none", fracture="none", retropulsion=False,
              escc_grade="0"),
        study("MRI", ["T6"], lesion_type="lytic", vertebral_collapse="gt50",
              alignment="subluxation_translation", posterolateral_involvement="bilateral"),
    ]})
    doc["imaging"][0]["findings"].pop("escc_grade")
    det = evaluate_doc(doc)
    assert det["outcome"] == REFER
    assert det["scores"]["sins"]["total"] == 16, "the T6 lesion is shown to the reviewer"
    requirement = criterion(det, "imaging-at-requested-level")
    assert requirement["status"] == NOT_MET
    instability = criterion(det, "instability-sins-unstable")
    assert instability["status"] == NOT_MET
    assert instability["evidence"] == ["scores.sins_at_requested_levels = no lesion reported at L2"]
    assert det["missing_information"] == [] and det["missing_studies"] == []
    assert any("T6" in s and "outside the requested levels" in s for s in det["rationale"])


def test_augmentation_with_a_retropulsed_fragment_on_plain_films_is_contraindicated():
    """A positive finding counts from any study that reports it."""
    doc = make_case("augmentation")
    doc["imaging"].append(study("XR", ["L1"], fracture="compression", retropulsion=True))
    det = evaluate_doc(doc)
    canal = criterion(det, "retropulsion-or-canal-compromise")
    assert canal["status"] == MET
    assert "imaging[1].findings.retropulsion = true" in canal["evidence"]
    assert det["outcome"] == REFER


def test_fusion_on_translation_reported_on_a_static_mri_pends_for_flexion_extension_films():
    doc = make_case("fusion", {"imaging": [
        study("MRI", ["L4", "L5"], spondylolisthesis_grade=0, dynamic_translation_mm=4.0,
              stenosis="moderate"),
    ]})
    det = evaluate_doc(doc)
    instability = criterion(det, "instability-on-imaging")
    assert instability["status"] == UNKNOWN
    assert det["outcome"] == PEND
    assert det["missing_information"] == []
    assert studies_asked(det) == [(["XR"], ["L4", "L5"], ["dynamic_translation_mm"])]
    assert det["missing_studies"][0]["text"].startswith("flexion-extension X-rays of L4-L5")
    assert any("is not evidence" in e for e in instability["evidence"])


def test_augmentation_does_not_take_marrow_edema_from_a_ct():
    doc = make_case("augmentation", {"imaging.0.modality": "CT"})
    det = evaluate_doc(doc)
    acuity = criterion(det, "fracture-acute-or-subacute")
    assert acuity["status"] == UNKNOWN
    assert det["outcome"] == PEND
    assert det["missing_information"] == []
    assert studies_asked(det) == [(["MRI", "bone_scan"], ["L1"], ["marrow_edema"])]
    with_mri = changed(doc, {"imaging.1": study("MRI", ["L1"], fracture="compression",
                                                marrow_edema=False, retropulsion=False,
                                                alignment="normal")})
    det = evaluate_doc(with_mri)
    assert criterion(det, "fracture-acute-or-subacute")["status"] == NOT_MET
    assert det["outcome"] == REFER, "the MRI answers: no edema, whatever the CT says"


# --------------------------------------------------------------------------------------------
# Inputs no clinician could supply, or that cannot change the result


def test_bilsky_is_not_asked_of_an_osteoporotic_fracture():
    det = evaluate_doc(make_case("augmentation", {"imaging.0.findings.escc_grade": DELETE}))
    assert det["outcome"] == MEETS
    assert "imaging[0].findings.escc_grade" not in det["missing_information"]


def test_bilsky_is_asked_only_of_the_mri_not_of_plain_films_or_a_bone_scan():
    doc = make_case("tumor", {
        "imaging.0.findings.posterolateral_involvement": "none",  # SINS 12: no indication yet
        "imaging.0.findings.escc_grade": DELETE,
        "symptoms.neuro_deficit": "motor",
        "oncology.radiosensitivity": "resistant",
    })
    doc["imaging"] += [study("XR", ["L2"], fracture="compression"),
                       study("bone_scan", ["L2"], infection=False)]
    det = evaluate_doc(doc)
    assert criterion(det, "high-grade-compression-with-deficit")["status"] == UNKNOWN
    assert det["missing_information"] == ["imaging[0].findings.escc_grade"]
    no_mri = changed(doc, {"imaging.0.modality": "CT"})
    det = evaluate_doc(no_mri)
    assert det["missing_information"] == []
    assert studies_asked(det) == [(["MRI"], ["L2"], ["escc_grade"])]


def test_dynamic_translation_is_not_asked_of_an_mri_when_flexion_extension_films_answer():
    doc = make_case("fusion", {"imaging": [
        study("MRI", ["L4", "L5"], spondylolisthesis_grade=0, stenosis="severe"),
        study("XR", ["L4", "L5"], spondylolisthesis_grade=0, dynamic_translation_mm=2.0),
    ]})
    det = evaluate_doc(doc)
    assert criterion(det, "instability-on-imaging")["status"] == NOT_MET
    assert det["outcome"] == REFER
    unanswered = changed(doc, {"imaging.1.findings.dynamic_translation_mm": DELETE})
    det = evaluate_doc(unanswered)
    assert det["missing_information"] == ["imaging[1].findings.dynamic_translation_mm"]
    assert det["missing_studies"] == []


def test_marrow_edema_is_not_asked_of_plain_films_the_missing_item_is_an_mri_or_bone_scan():
    det = evaluate_doc(make_case("augmentation", {"imaging.0.modality": "XR",
                                                  "imaging.0.findings.marrow_edema": DELETE}))
    assert det["outcome"] == PEND
    assert all("marrow_edema" not in p for p in det["missing_information"])
    assert (["MRI", "bone_scan"], ["L1"], ["marrow_edema"]) in [
        (m, lv, f[:1]) for m, lv, f in studies_asked(det)
    ]
    assert "an MRI or a bone scan of L1 showing whether the fracture is recent" in (
        det["missing_studies"][0]["text"]
    )


def test_frankel_grade_and_deficit_duration_are_not_asked_without_a_deficit():
    det = evaluate_doc(make_case("tumor", {"symptoms.frankel_grade": DELETE,
                                           "symptoms.deficit_duration_hours": DELETE}))
    assert det["outcome"] == MEETS
    paraplegia = criterion(det, "complete-paraplegia-over-48-hours")
    assert paraplegia["status"] == NOT_MET
    assert paraplegia["evidence"] == [
        'symptoms.frankel_grade = not applicable (symptoms.neuro_deficit = "none")',
        'symptoms.deficit_duration_hours = not applicable (symptoms.neuro_deficit = "none")',
    ]
    unknown_deficit = evaluate_doc(make_case("tumor", {"symptoms.frankel_grade": DELETE,
                                                       "symptoms.neuro_deficit": DELETE}))
    assert set(unknown_deficit["missing_information"]) == {
        "symptoms.frankel_grade", "symptoms.neuro_deficit", "symptoms.deficit_duration_hours",
    }, "with the deficit unknown, its grade applies and the deficit itself is asked"


def test_progression_is_not_asked_without_a_deficit_in_the_lumbar_mri_set():
    det = evaluate_doc(make_case("mri", {"prior_treatments": [treatment("physical_therapy", 3)],
                                         "symptoms.deficit_progressive": DELETE}))
    assert criterion(det, "neurological-deficit")["status"] == NOT_MET
    assert det["outcome"] == REFER
    assert det["missing_information"] == []


def test_sins_parts_are_not_asked_of_a_study_showing_no_lesion_nor_of_a_bone_scan():
    doc = make_case("tumor", {"imaging.0.findings.posterolateral_involvement": "none"})  # SINS 12
    doc["imaging"] += [study("CT", ["L2"], lesion_type="none"),
                       study("bone_scan", ["L2"], lesion_type="lytic")]
    det = evaluate_doc(doc)
    assert asked_of(det, 1) == [] and asked_of(det, 2) == []
    assert det["missing_studies"] == [], "the MRI at L2 can show what the bone scan cannot"
    assert criterion(det, "instability-sins-unstable")["status"] == NOT_MET
    assert det["outcome"] == REFER


def test_fracture_type_and_alignment_are_not_asked_of_a_bone_scan():
    doc = make_case("augmentation")
    doc["imaging"].append(study("bone_scan", ["L1"], marrow_edema=True))
    det = evaluate_doc(doc)
    assert asked_of(det, 1) == ["imaging[1].findings.infection"], "a bone scan can show that"
    det = evaluate_doc(changed(doc, {"imaging.1.findings.infection": False}))
    assert det["outcome"] == MEETS
    assert asked_of(det, 1) == []
    only_scan = make_case("augmentation", {"imaging": [study("bone_scan", ["L1"],
                                                             marrow_edema=True,
                                                             infection=False)]})
    det = evaluate_doc(only_scan)
    assert det["outcome"] == PEND
    assert asked_of(det, 0) == []
    assert det["missing_studies"][0]["modalities"] == CROSS, "one study settles every question"
    assert "fracture" in det["missing_studies"][0]["findings"]


def test_hba1c_waits_until_the_member_is_known_to_be_diabetic():
    unknown = evaluate_doc(make_case("fusion", {"comorbidities.diabetes": DELETE}))
    assert unknown["missing_information"] == ["comorbidities.diabetes"]
    diabetic = evaluate_doc(make_case("fusion", {"comorbidities.diabetes": True}))
    assert diabetic["missing_information"] == ["comorbidities.hba1c_percent"]
    not_diabetic = evaluate_doc(make_case("fusion"))
    assert not_diabetic["outcome"] == MEETS


def test_pregnancy_is_not_asked_of_an_85_year_old_woman():
    det = evaluate_doc(make_case("augmentation", {"member.birth_date": "1941-03-02",
                                                  "comorbidities.pregnancy": DELETE}))
    assert det["outcome"] == MEETS
    assert criterion(det, "pregnancy")["status"] == NOT_MET
    young = evaluate_doc(make_case("augmentation", {"member.birth_date": "1990-03-02",
                                                    "comorbidities.pregnancy": DELETE}))
    assert young["missing_information"] == ["comorbidities.pregnancy"]
    aged_60_on_the_day = evaluate_doc(make_case("augmentation", {
        "member.birth_date": "1966-11-20", "comorbidities.pregnancy": DELETE}))
    assert aged_60_on_the_day["outcome"] == MEETS


def test_an_unscored_lesion_that_could_still_reach_13_pends_beside_a_scored_10():
    doc = make_case("tumor", {"service.levels": ["L1", "L2", "L3"], "imaging": [
        # L2: 2 + 3 (mechanical) + 2 + 0 + 2 + 1 = 10
        study("MRI", ["L2"], lesion_type="lytic", vertebral_collapse="lt50", alignment="normal",
              posterolateral_involvement="unilateral", fracture="compression",
              retropulsion=False, escc_grade="1b"),
        # L3: 2 + 3 + 2 + (up to 4) + (up to 3) + 0 = up to 14
        study("MRI", ["L3"], lesion_type="lytic", posterolateral_involvement="none"),
    ]})
    det = evaluate_doc(doc)
    assert det["scores"]["sins"]["total"] == 10
    instability = criterion(det, "instability-sins-unstable")
    assert instability["status"] == UNKNOWN
    assert instability["missing"] == ["imaging[1].findings.alignment",
                                      "imaging[1].findings.vertebral_collapse"]
    assert det["outcome"] == PEND
    # the lesion at L3 cannot reach 13 once its alignment is normal: 2+3+2+0+3+0 = 10
    settled = changed(doc, {"imaging.1.findings.alignment": "normal"})
    assert criterion(evaluate_doc(settled), "instability-sins-unstable")["status"] == NOT_MET


def test_kps_off_the_10_point_steps_is_an_input_error():
    doc = make_case("tumor", {"oncology.kps": 75})
    with pytest.raises(CaseFileError) as raised:
        parse(doc)
    assert raised.value.lines() == [
        "test.json: oncology.kps: KPS is recorded in steps of 10 (0, 10, ... 100), not 75"
    ]


# --------------------------------------------------------------------------------------------
# Property: what is asked applies, and each asked input can change the result

_FINDINGS = {name: field.annotation for name, field in Findings.model_fields.items()}
_SECTION_MODELS = {"symptoms": Symptoms, "oncology": Oncology, "comorbidities": Comorbidities}
_NUMBERS = {
    "canal_compromise_percent": (0, 30, 60), "height_loss_percent": (0, 30, 60),
    "spondylolisthesis_grade": (0, 1, 2), "dynamic_translation_mm": (0.0, 2.0, 4.0),
    "pain_nrs": (2, 5, 8), "pain_duration_weeks": (2, 8), "deficit_duration_hours": (24, 72),
    "kps": (40, 70, 90), "ecog": (0, 3), "extraspinal_bone_metastases": (0, 2, 4),
    "vertebral_metastases": (1, 2, 4), "expected_survival_months": (2, 6, 24),
    "hba1c_percent": (6.5, 9.0), "bmi": (24.0, 41.0),
}


def _choices(annotation: Any, name: str) -> list[Any]:
    """The values a field can take, for probing (Literal choices, booleans, a few numbers)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    for arg in args or [annotation]:
        inner = typing.get_args(arg)
        if typing.get_origin(arg) is typing.Literal:
            return list(inner)
        if arg is bool:
            return [True, False]
        if typing.get_origin(arg) is typing.Annotated:
            return _choices(inner[0], name)
        if arg is list or typing.get_origin(arg) is list:
            return [[], ["fever"]] if name == "red_flags" else []
    return list(_NUMBERS.get(name, (0, 1, 10)))


def candidate_values(doc: dict, path: str) -> list[Any]:
    """Values a clinician could supply for ``path`` in this document."""
    parts = path.replace("[", ".").replace("]", "").split(".")
    if parts[0] == "imaging" and len(parts) == 2:
        return []
    if parts[0] == "imaging" and parts[2] == "findings":
        return _choices(_FINDINGS[parts[3]], parts[3])
    if parts[0] == "imaging" and parts[2] == "levels":
        return [doc["service"]["levels"], ["T6"]]
    if path == "prior_treatments":
        return [[], [treatment("physical_therapy", 14), treatment("nsaid", 14)]]
    if parts[0] == "prior_treatments":
        if parts[2] == "outcome":
            return ["failed", "resolved"]
        if parts[2] == "duration_weeks":
            return [2, 14]
        return []
    if path == "service.levels":
        return [["L2"], ["L4", "L5"], ["T12", "L1", "L2", "L3"]]
    if parts[0] == "member" and parts[1] == "sex":
        return ["female", "male"]
    model = _SECTION_MODELS.get(parts[0])
    if model is not None and parts[1] in model.model_fields:
        return _choices(model.model_fields[parts[1]].annotation, parts[1])
    return []


def _result(det: dict) -> tuple:
    return det["outcome"], tuple(sorted(statuses(det).items()))


def _evaluated(doc: dict) -> tuple | None:
    try:
        return _result(evaluate_doc(doc))
    except CaseFileError:
        return None


def _with_studies(doc: dict, studies: list[dict | None]) -> dict:
    result = copy.deepcopy(doc)
    result.setdefault("imaging", []).extend(s for s in studies if s is not None)
    return result


def _study_choices(needed: dict, rng: random.Random) -> list[dict | None]:
    """Absent, or one of the asked-for studies reporting random values of what it should show."""
    made = []
    for _ in range(3):
        findings = {f: rng.choice(_choices(_FINDINGS[f], f)) for f in needed["findings"]}
        made.append(study(rng.choice(needed["modalities"]), needed["levels"], **findings))
    return [None, *made]


def could_change(doc: dict, path: str, others: list[str], studies: list[dict],
                 limit: int = 150) -> bool:
    """The guide's test of what may be asked: supplying ``path`` alone, or together with the
    other listed inputs and studies, gives a different result than leaving it out."""
    rng = random.Random(path)
    choices = [[None, *candidate_values(doc, other)] for other in others]
    study_choices = [_study_choices(s, rng) for s in studies]
    combinations = [(tuple(None for _ in others), tuple(None for _ in studies))]  # alone
    combinations += [
        (tuple(rng.choice(c) for c in choices), tuple(rng.choice(c) for c in study_choices))
        for _ in range(limit)
    ]
    for values, added in combinations:
        base = _with_studies(changed(doc, {o: v for o, v in zip(others, values, strict=True)
                                           if v is not None}), list(added))
        without = _evaluated(base)
        if without is None:
            continue
        for value in candidate_values(doc, path):
            result = _evaluated(changed(base, {path: value}))
            if result is not None and result != without:
                return True
    return False


_EDITABLE = [
    "symptoms.neuro_deficit", "symptoms.deficit_progressive", "symptoms.frankel_grade",
    "symptoms.deficit_duration_hours", "symptoms.pain_character", "symptoms.pain_nrs",
    "symptoms.red_flags", "symptoms.radicular_pain", "symptoms.bowel_bladder_dysfunction",
    "comorbidities.diabetes", "comorbidities.hba1c_percent", "comorbidities.pregnancy",
    "comorbidities.nicotine_use", "comorbidities.coagulopathy", "comorbidities.active_infection",
    "oncology.expected_survival_months", "oncology.radiosensitivity", "oncology.kps",
    "member.sex", "prior_treatments",
]
_MODALITIES = ["MRI", "CT", "XR", "PET_CT", "bone_scan"]


@st.composite
def generated_cases(draw) -> dict:
    """A base case of any set, with inputs removed, changed, and studies added or altered."""
    doc = copy.deepcopy(BASES[draw(st.sampled_from(sorted(BASES)))]())
    if draw(st.booleans()):
        doc["member"]["birth_date"] = draw(st.sampled_from(["1941-02-01", "1970-06-15",
                                                            "1995-09-30"]))
    for path in draw(st.lists(st.sampled_from(_EDITABLE), max_size=5, unique=True)):
        if draw(st.booleans()) or get_in(doc, path) is None:
            values = candidate_values(doc, path)
            if values:
                set_in(doc, path, draw(st.sampled_from(values)))
        else:
            changed_doc = changed(doc, {path: DELETE}) if get_in(doc, path) is not None else doc
            doc = changed_doc
    imaging = doc.setdefault("imaging", [])
    for _ in range(draw(st.integers(0, 2))):
        findings = {
            name: draw(st.sampled_from(_choices(_FINDINGS[name], name)))
            for name in draw(st.lists(st.sampled_from(sorted(_FINDINGS)), max_size=5,
                                      unique=True))
        }
        levels = draw(st.sampled_from([doc["service"]["levels"], ["T6"], ["L3"]]))
        imaging.append(study(draw(st.sampled_from(_MODALITIES)), list(levels), **findings))
    for index in range(len(imaging)):
        if draw(st.integers(0, 3)) == 0:
            imaging[index]["modality"] = draw(st.sampled_from(_MODALITIES))
        for name in draw(st.lists(st.sampled_from(sorted(_FINDINGS)), max_size=3,
                                  unique=True)):
            imaging[index]["findings"].pop(name, None)
    return doc


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_cases())
def test_every_asked_input_applies_and_could_change_the_result(doc):
    try:
        det = evaluate_doc(doc)
    except CaseFileError:
        assume(False)
        return
    listed = det["missing_information"]
    for path in listed:
        assert get_in(doc, path) is None, path
        assert applies(doc, path), f"{path} does not apply to this case: {json.dumps(doc)}"
        assert could_change(doc, path, [p for p in listed if p != path],
                            det["missing_studies"]), (
            f"{path} cannot change the result, alone or with the other listed inputs: "
            f"{json.dumps(doc)}"
        )
    for needed in det["missing_studies"]:
        assert needed["text"] and needed["modalities"] and needed["findings"] is not None


def test_the_reported_sins_is_the_lesion_at_the_requested_levels_else_the_highest_anywhere():
    """Guide, SINS reporting rule: the highest scored record at the requested levels; only
    when none there is scored, the highest scored record anywhere."""
    t6 = study("MRI", ["T6"], lesion_type="lytic", vertebral_collapse="gt50",
               alignment="subluxation_translation", posterolateral_involvement="bilateral")
    doc = make_case("tumor")
    doc["imaging"].append(t6)
    det = evaluate_doc(doc)
    assert det["scores"]["sins"]["total"] == 13, "L2 (requested) scores 13; T6 scores 16"
    assert criterion(det, "instability-sins-unstable")["status"] == MET
    unscored_here = changed(doc, {"imaging.0.findings.alignment": DELETE})
    det = evaluate_doc(unscored_here)
    assert det["scores"]["sins"]["total"] == 16, "nothing scored at L2: the T6 lesion is shown"
    assert criterion(det, "instability-sins-unstable")["status"] == UNKNOWN
    assert det["missing_information"] == ["imaging[0].findings.alignment"]
