"""Which findings a study is asked for, and "findings not entered were not seen"."""

import json

import pytest
from paths import SEED

from reviewer_app.core.criteria.applicability import default_applicability
from reviewer_app.core.criteria.paths import FINDINGS
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import evaluate_draft
from reviewer_app.core.intake.findings import (
    NotSeenLoadError,
    default_not_seen,
    load_not_seen,
    not_seen_changes,
    study_access,
)


def seed_document(**changes) -> DraftDocument:
    doc = DraftDocument(json.loads(SEED.read_text(encoding="utf-8")))
    for path, value in changes.items():
        doc.set(path, value)
    return doc


def access(doc: DraftDocument, index: int):
    return study_access(evaluate_draft(doc), doc, index)


def test_the_modality_decides_what_is_asked():
    rules = default_applicability()
    for modality in ("MRI", "CT", "XR", "PET_CT", "bone_scan"):
        doc = DraftDocument({"imaging": [{"modality": modality}],
                             "diagnoses": [{"code": "C79.51"}]})
        states = access(doc, 0)
        for name in FINDINGS:
            if rules.shows(name, modality):
                assert states[name].state == "asked", (modality, name)
            else:
                expected = "not_shown" if rules.spec.findings[name].bound else "positive_only"
                assert states[name].state == expected, (modality, name)


def test_positive_only_offers_the_values_that_count():
    doc = DraftDocument({"imaging": [{"modality": "XR"}]})
    retropulsion = access(doc, 0)["retropulsion"]
    assert retropulsion.state == "positive_only" and retropulsion.positive == (True,)
    assert "only a positive finding counts" in retropulsion.reason
    assert access(doc, 0)["marrow_edema"].state == "not_shown"


def test_bilsky_is_not_asked_without_a_neoplastic_diagnosis():
    tumor = access(seed_document(), 0)["escc_grade"]
    assert tumor.state == "asked"
    degenerative = access(seed_document(diagnoses=[{"code": "M54.50"}]), 0)["escc_grade"]
    assert degenerative.state == "not_applicable"
    assert "neoplastic diagnosis" in degenerative.reason
    unknown = access(seed_document(diagnoses=None), 0)["escc_grade"]
    assert unknown.state == "asked", "while the diagnoses are unknown, it may apply"


def test_no_modality_offers_nothing():
    doc = DraftDocument({"imaging": [{"levels": ["L2"]}]})
    assert {a.state for a in access(doc, 0).values()} == {"no_modality"}


def test_not_seen_fills_only_asked_unreported_findings_with_their_negative():
    doc = seed_document()
    changes = not_seen_changes(doc, 1, access(doc, 1))
    assert changes == {
        "imaging[1].findings.vertebral_collapse": "none",
        "imaging[1].findings.alignment": "normal",
        "imaging[1].findings.posterolateral_involvement": "none",
        "imaging[1].findings.canal_compromise_percent": 0,
        "imaging[1].findings.height_loss_percent": 0,
        "imaging[1].findings.stenosis": "none",
        "imaging[1].findings.nerve_root_compression": False,
        "imaging[1].findings.disc_herniation": False,
        "imaging[1].findings.spondylolisthesis_grade": 0,
        "imaging[1].findings.infection": False,
    }, "CT: no Bilsky grade or edema (not what a CT shows); reported values untouched"
    mri = not_seen_changes(doc, 0, access(doc, 0))
    assert "imaging[0].findings.escc_grade" not in mri
    assert "imaging[0].findings.dynamic_translation_mm" not in mri


def test_not_seen_values_are_never_positive_evidence():
    rules = default_applicability()
    for name, entry in default_not_seen().items():
        assert entry.reason
        if entry.value is not None:
            assert not rules.positive(name, entry.value), name
    assert default_not_seen()["escc_grade"].value is None


@pytest.mark.parametrize(("change", "message"), [
    ("  retropulsion:\n    value: true\n", "counts as a positive finding"),
    ("  retropulsion:\n    value: maybe\n", "is not a value of retropulsion"),
    ("  wobble:\n    value: false\n", "not a finding of ur-case/1"),
])
def test_the_not_seen_file_is_checked(tmp_path, change, message):
    from reviewer_app.core import resources

    text = resources.path("not-seen.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = lines.index("  retropulsion:\n")
    kept = [*lines[:start], *lines[start + 3:]]
    bad = tmp_path / "not-seen.yaml"
    bad.write_text("".join(kept) + change.replace("    value", "    reason: test\n    value"),
                   encoding="utf-8")
    with pytest.raises(NotSeenLoadError) as error:
        load_not_seen(bad)
    assert message in str(error.value)
