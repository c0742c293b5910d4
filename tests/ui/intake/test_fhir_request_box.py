"""A request imported from a Da Vinci PAS Bundle shows in the wizard what it sent beyond its
fields, read-only: the diagnoses still to be coded (also on the diagnoses page), the NPI kept
as sent, the supporting information and the questionnaire's answers (Da Vinci DTR)."""

from __future__ import annotations

import datetime as dt

from fhirkit import RI, SPINE
from PySide6.QtTest import QTest

from reviewer_app.core.fhir.importing import read_request_bytes
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.ui.intake.pages import DiagnosesPage, RequestPage
from reviewer_app.ui.intake.wizard import IntakeWizard


def imported(path) -> DraftDocument:
    read = read_request_bytes(path.read_bytes(), str(path),
                              now=dt.datetime(2026, 11, 23, 16, tzinfo=dt.UTC))
    return DraftDocument(read.mapped.document)


def opened(qtbot, ui_context, document):
    wizard = IntakeWizard(ui_context, document=document)
    qtbot.addWidget(wizard)
    wizard.show()
    assert QTest.qWaitForWindowExposed(wizard)
    return wizard


def test_what_the_bundle_sent_is_shown_read_only_where_it_belongs(qtbot, ui_context):
    wizard = opened(qtbot, ui_context, imported(RI))
    request = wizard.page_of(RequestPage)
    box = request.fhir
    assert box.isVisible() and box.text.isReadOnly()
    shown = box.text.toPlainText()
    assert "Imported from a Da Vinci PAS request Bundle (Claim ri-claim)" in box.source.text()
    assert "no timestamp, so the received time is when it was imported" in box.source.text()
    assert "SNOMED CT 18347007 (Spinal stenosis of lumbar region)" in shown
    assert "ICD-9-CM 724.02" in shown
    assert ("Requesting provider NPI: 123456789 was kept as sent, but an NPI is exactly 10 "
            "digits") in shown
    assert "Weeks of physical therapy: 12" in shown, "the questionnaire's answers"
    assert "timestamp: missing" in shown, "the reader's warnings"
    diagnoses = wizard.page_of(DiagnosesPage)
    wizard.go_to(diagnoses)
    assert diagnoses.uncoded.isVisible()
    assert "SNOMED CT 18347007" in diagnoses.uncoded.text()
    assert "to be coded by you" in diagnoses.uncoded.text()


def test_a_dtr_questionnaire_and_free_text_are_listed(qtbot, ui_context):
    wizard = opened(qtbot, ui_context, imported(SPINE))
    shown = wizard.page_of(RequestPage).fhir.text.toPlainText()
    assert "Imaging › Spinal cord compression on MRI: No" in shown
    assert "FreeFormMessage: Pathologic L2 burst fracture" in shown
    assert not wizard.page_of(DiagnosesPage).uncoded.isVisibleTo(wizard)


def test_a_request_typed_in_shows_no_fhir_box(qtbot, ui_context, seed_case_path):
    import json

    wizard = opened(qtbot, ui_context, DraftDocument(json.loads(seed_case_path.read_text())))
    assert not wizard.page_of(RequestPage).fhir.isVisibleTo(wizard)
