"""The wizard's record of a report reading under ``extensions.report_readings``: what is
offered, decisions kept up to date with the findings, studies removed; and a document's text
made into a report text (wrapped lines joined, a title set apart)."""

from __future__ import annotations

import json

from attachkit import seed_report
from paths import SEED

from reviewer_app.core.attachments import as_report_text, reflow
from reviewer_app.core.case_file import parse_case
from reviewer_app.core.intake import report_readings as readings
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import evaluate_draft
from reviewer_app.core.intake.findings import study_access
from reviewer_app.core.reports.reader import read_report


def draft() -> DraftDocument:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["imaging"][0]["findings"] = {}
    return DraftDocument(data)


def test_the_motivating_reports_suggestions_and_the_record_of_them():
    doc = draft()
    assert readings.study_levels(doc, 0) == ["L2"]
    reading = read_report(seed_report(0), "MRI", readings.study_levels(doc, 0))
    access = study_access(evaluate_draft(doc), doc, 0)
    offered = readings.offered(reading, access)
    assert sorted(offered) == sorted(["lesion_type", "vertebral_collapse", "fracture",
                                      "posterolateral_involvement", "retropulsion",
                                      "canal_compromise_percent", "escc_grade"])
    assert readings.unstated(reading, access, doc, 0)[:2] == ["alignment", "marrow_edema"]
    for name, proposal in offered.items():
        doc.set(f"imaging[0].findings.{name}", proposal.value)
    readings.record(doc, 0, reading, offered, seed_report(0))
    doc.set("imaging[0].findings.canal_compromise_percent", 50)
    doc.set("imaging[0].findings.escc_grade", None)
    assert readings.sync(doc)
    assert not readings.sync(doc), "nothing more to bring up to date"
    entry = readings.entry_for(doc, 0)
    decisions = {name: item["decision"] for name, item in entry["findings"].items()}
    assert decisions["canal_compromise_percent"] == "changed"
    assert entry["findings"]["canal_compromise_percent"]["entered"] == 50
    assert decisions["escc_grade"] == "rejected"
    assert decisions["fracture"] == "accepted"
    assert entry["report_sha256"] == readings.text_sha256(seed_report(0))
    assert entry["format"] == "ur-report-reading/1"
    parse_case(doc.to_json(), "draft")  # extensions are kept as they are


def test_a_removed_study_takes_its_reading_and_the_later_ones_move_down():
    doc = draft()
    doc.set(readings.EXTENSION, [{"study": 0, "findings": {}}, {"study": 1, "findings": {}}])
    readings.remove_study(doc, 0)
    assert readings.entries(doc) == [{"study": 0, "findings": {}}]
    readings.remove_study(doc, 0)
    assert not doc.has("extensions")


def test_a_reading_of_a_study_no_longer_there_is_dropped():
    doc = draft()
    doc.set(readings.EXTENSION, [{"study": 7, "findings": {}}])
    assert readings.sync(doc)
    assert not doc.has("extensions")


def test_a_pdfs_wrapped_lines_are_joined_and_its_title_set_apart():
    page = ("MRI LUMBAR SPINE WITHOUT AND WITH CONTRAST\r\n"
            "Expansile lytic lesion replacing the L2 vertebral body with burst-type pathologic\r\n"
            "fracture, more than 50% height loss, retropulsed posterosuperior fragment "
            "narrowing\r\n"
            "the canal. Right\r\npedicle involved.\r\nIMPRESSION:\r\n1. Pathologic L2 fracture.")
    text = as_report_text(page, wrapped=True).text
    assert text.splitlines() == [
        "MRI LUMBAR SPINE WITHOUT AND WITH CONTRAST", "",
        "Expansile lytic lesion replacing the L2 vertebral body with burst-type pathologic "
        "fracture, more than 50% height loss, retropulsed posterosuperior fragment narrowing "
        "the canal. Right pedicle involved.",
        "IMPRESSION:", "1. Pathologic L2 fracture."]
    reading = read_report(text, "MRI", ["L2"])
    assert reading.findings()["lesion_type"] == "lytic", "the title's WITHOUT negates nothing"
    assert reflow("A list:\nno fracture\nno edema") == "A list:\nno fracture\nno edema"
