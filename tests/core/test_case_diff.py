"""What changed between two versions of a request, field by field, in plain values."""

from __future__ import annotations

import json

from casebuilder import make_case

from reviewer_app.core.case_diff import diff_documents, document_label, value_text


def test_the_same_document_with_other_spacing_and_key_order_has_no_change():
    doc = make_case("tumor")
    shuffled = dict(reversed(list(doc.items())))
    assert diff_documents(json.dumps(doc), json.dumps(shuffled, indent=4)) == []


def test_scalars_lists_and_nested_fields_are_one_change_each_in_plain_values():
    before = make_case("tumor")
    after = json.loads(json.dumps(before))
    after["member"]["family_name"] = "Okafor-Bell"
    after["imaging"][0]["findings"]["retropulsion"] = True
    after["imaging"][0]["findings"]["alignment"] = "subluxation_translation"
    after["diagnoses"].append({"code": "I10"})
    after["service"]["procedures"][0]["units"] = 2
    del after["oncology"]["kps"]

    changes = {c.path: c for c in diff_documents(before, after)}

    assert changes["member.family_name"].after == "Okafor-Bell"
    assert changes["imaging[0].findings.retropulsion"].after == "yes"
    assert changes["imaging[0].findings.alignment"].after == "subluxation translation"
    assert changes["diagnoses"].after.endswith(", I10")
    assert changes["service.procedures"].after.startswith("63090 ×2")
    kps = changes["oncology.kps"]
    assert (kps.kind, kps.after) == ("removed", None)
    assert "format" not in changes


def test_a_study_added_or_removed_is_one_change_with_a_summary():
    before = make_case("tumor")
    after = json.loads(json.dumps(before))
    after["imaging"].append({"modality": "PET_CT", "date": "2026-11-20", "levels": ["L2"]})
    [added] = diff_documents(before, after)
    assert (added.path, added.kind, added.after) == (
        f"imaging[{len(before['imaging'])}]", "added", "PET-CT of 2026-11-20, L2")
    [removed] = diff_documents(after, before)
    assert removed.kind == "removed" and removed.before == added.after


def test_values_and_labels_read_as_words():
    assert value_text(False) == "no"
    assert value_text(12.0) == "12"
    assert value_text([]) == "none"
    assert value_text("2026-11-20T09:15:00-05:00") == "2026-11-20T09:15:00-05:00"
    assert document_label("member.given_name") == "the member's given name"
    assert document_label("external_id") == "the request number"
    assert document_label("oncology.kps") is None


def test_a_study_pointed_at_its_report_document_is_two_named_changes():
    before = make_case("tumor")
    after = json.loads(json.dumps(before))
    after["imaging"][0]["report_attachment"] = {"sha256": "9f" * 32, "name": "MRI.pdf"}
    changes = diff_documents(before, after)
    assert [(c.path, c.kind) for c in changes] == [
        ("imaging[0].report_attachment.sha256", "added"),
        ("imaging[0].report_attachment.name", "added")]
    assert [document_label(c.path) for c in changes] == [
        "the document that holds the study's report (its SHA-256)",
        "the name of the document that holds the study's report"]
