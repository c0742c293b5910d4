"""The draft document: read and written by path; "not reported" is an absent key."""

import pytest

from reviewer_app.core.intake.document import DraftDocument, join_path, split_path


def test_paths_split_and_join():
    assert split_path("imaging[0].findings.retropulsion") == (
        "imaging", 0, "findings", "retropulsion")
    assert join_path(("service", "procedures", 2, "code")) == "service.procedures[2].code"
    for bad in ("", "a.", ".a", "a..b", "[0]", "a[x]", "a b"):
        with pytest.raises(ValueError):
            split_path(bad)


def test_set_creates_objects_and_none_removes_them_again():
    doc = DraftDocument()
    assert doc.set("member.birth_date", "1957-06-02")
    assert doc.get("member.birth_date") == "1957-06-02"
    assert not doc.set("member.birth_date", "1957-06-02"), "no change, nothing to save"
    assert doc.set("member.birth_date", None)
    assert not doc.has("member"), "an object left empty is not reported either"
    assert doc.data == {"format": "ur-case/1"}


def test_false_and_zero_are_values_not_absence():
    doc = DraftDocument()
    doc.set("symptoms.radicular_pain", False)
    doc.set("symptoms.pain_nrs", 0)
    assert doc.get("symptoms.radicular_pain") is False
    assert doc.get("symptoms.pain_nrs") == 0
    assert doc.has("symptoms.radicular_pain")


def test_lists_keep_empty_items_and_stay_when_emptied():
    doc = DraftDocument()
    assert doc.append("prior_treatments", {}) == 0
    doc.set("prior_treatments[0].type", "nsaid")
    doc.set("prior_treatments[0].type", None)
    assert doc.get("prior_treatments") == [{}], "a new row with nothing in it is still a row"
    doc.pop("prior_treatments", 0)
    assert doc.get("prior_treatments") == [], "[] means no treatment was given"


def test_insert_move_pop():
    doc = DraftDocument()
    for code in ("C79.51", "M84.58XA", "I10"):
        doc.append("diagnoses", {"code": code})
    doc.move("diagnoses", 2, 0)
    assert [d["code"] for d in doc.get("diagnoses")] == ["I10", "C79.51", "M84.58XA"]
    assert doc.pop("diagnoses", 1) == {"code": "C79.51"}
    doc.insert("diagnoses", 0, {"code": "C80.1"})
    assert doc.length("diagnoses") == 3
    with pytest.raises(IndexError):
        doc.set("diagnoses[7].code", "X")


def test_json_round_trip_and_copies():
    doc = DraftDocument({"imaging": [{"modality": "MRI", "findings": {"retropulsion": True}}]})
    again = DraftDocument.from_json(doc.to_json())
    assert again == doc
    studies = again.get("imaging")
    studies[0]["modality"] = "CT"
    assert again.get("imaging[0].modality") == "MRI", "get hands out copies"
    with pytest.raises(ValueError):
        doc.set("format", "other")
