"""The wizard page by page: invalid input blocked at the field with the command line's words,
Next never a dead end without a reason, the panel's links, what each study is asked, and a
name for every control."""

from __future__ import annotations

import json
import re

import pytest
from nurse import Nurse, wait_until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.ui.intake.fields import field_of
from reviewer_app.ui.intake.imaging import ImagingPage
from reviewer_app.ui.intake.pages import (
    DiagnosesPage,
    OncologyPage,
    RequestPage,
    TreatmentsPage,
)
from reviewer_app.ui.intake.wizard import IntakeWizard


def seed_document(seed_case_path, *drop: str) -> DraftDocument:
    document = DraftDocument(json.loads(seed_case_path.read_text(encoding="utf-8")))
    for path in drop:
        document.set(path, None)
    return document


@pytest.fixture
def open_wizard(qtbot, ui_context):
    def open_(document: DraftDocument | None = None) -> IntakeWizard:
        wizard = IntakeWizard(ui_context, document=document)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.activateWindow()
        assert QTest.qWaitForWindowActive(wizard)
        return wizard

    return open_


def follow_panel_link(wizard: IntakeWizard, href: str) -> None:
    """F6 to the panel's first link, Tab to ``href``, Enter: as a keyboard user does."""
    hrefs = [h for label in wizard.panel.link_labels()
             for h in re.findall(r'href="([^"]+)"', label.text())]
    QTest.keyClick(wizard, Qt.Key.Key_F6)
    for _ in range(hrefs.index(href)):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def next_(nurse: Nurse, wizard: IntakeWizard) -> None:
    nurse.click(wizard.button(QWizard.WizardButton.NextButton))


def test_an_empty_draft_shows_no_set_yet_and_links_to_what_selects_one(open_wizard):
    wizard = open_wizard()
    panel = wizard.panel
    assert panel.ui.outcomeBanner.title() == "No criteria set yet"
    html = panel.criteria_html()
    assert 'href="field:service.procedures"' in html and 'href="field:diagnoses"' in html
    assert wizard.document.get("received_at") == "2026-11-23T16:00:00-05:00", "defaults to now"
    assert wizard.session.draft_id is None, "no draft is stored before the first field"


def test_the_npi_check_digit_is_checked_as_typed(open_wizard):
    wizard = open_wizard()
    npi = wizard.currentPage().fields["requesting_provider.npi"]
    nurse = Nurse()
    nurse.click(npi.edit)
    QTest.keyClicks(npi.edit, "123456789")
    assert npi.problem() is None, "nothing to say before the tenth digit"
    QTest.keyClicks(npi.edit, "0")
    assert npi.problem() == "NPI 1234567890 fails the check digit (Luhn with prefix 80840)"
    QTest.keyClick(npi.edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(npi.edit, "3")
    assert npi.problem() is None


def test_invalid_input_blocks_next_with_the_reason_at_the_field(open_wizard):
    wizard = open_wizard()
    page = wizard.currentPage()
    nurse = Nurse()
    nurse.type(page.fields["member.birth_date"], "2027-01-02")
    birth = page.fields["member.birth_date"]
    assert birth.problem() == "member.birth_date is after received_at"
    nurse.type(page.fields["requesting_provider.npi"], "1234567890")
    next_(nurse, wizard)
    assert wizard.currentPage() is page, "blocked"
    assert page.message.isVisible()
    assert "2 fields on this page need correcting" in page.message.text()
    assert "NPI 1234567890 fails the check digit" in page.message.text()
    assert field_of(QApplication.focusWidget()) is birth, "the first one has the focus"
    assert "after received_at" in birth.focus_target().accessibleDescription()
    nurse.type(birth, "1957-06-02", replace=True)
    nurse.type(page.fields["requesting_provider.npi"], "1245319599", replace=True)
    next_(nurse, wizard)
    assert isinstance(wizard.currentPage(), DiagnosesPage), "required fields can wait"


def test_missing_required_fields_are_marked_after_next_and_listed_in_the_panel(open_wizard):
    wizard = open_wizard()
    page = wizard.currentPage()
    nurse = Nurse()
    assert page.fields["member.id"].problem() is None, "not while the nurse is typing"
    next_(nurse, wizard)
    wizard.back()
    assert page.fields["member.id"].problem() == "required field is missing"
    assert "Still required before saving" in wizard.panel.criteria_html()


def test_kps_in_steps_of_ten_and_treatment_dates_in_order(open_wizard, seed_case_path):
    wizard = open_wizard(seed_document(seed_case_path))
    nurse = Nurse()
    oncology = wizard.page_of(OncologyPage)
    wizard.go_to(oncology)
    nurse.type(oncology.fields["oncology.kps"], "75", replace=True)
    assert oncology.fields["oncology.kps"].problem() == (
        "KPS is recorded in steps of 10 (0, 10, ... 100), not 75")
    next_(nurse, wizard)
    assert wizard.currentPage() is oncology
    treatments = wizard.page_of(TreatmentsPage)
    wizard.go_to(treatments)
    editor = treatments.editor
    editor.focus_cell(0, "end")
    nurse.type_here("2026-09-01")
    nurse.key(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert editor.problem() == "Row 1: end 2026-09-01 is before start 2026-09-22"
    assert wizard.evaluation.determination.outcome == "meets_criteria", (
        "the rest of the case is still evaluated")


def test_a_link_in_the_panel_goes_to_its_page_and_field(open_wizard, seed_case_path):
    wizard = open_wizard(seed_document(seed_case_path, "oncology.expected_survival_months"))
    assert wizard.evaluation.determination.outcome == "pend_missing_information"
    assert wizard.panel.ui.outcomeBanner.title().startswith("Pend for missing information")
    follow_panel_link(wizard, "field:oncology.expected_survival_months")
    page = wizard.currentPage()
    assert isinstance(page, OncologyPage)
    focused = field_of(QApplication.focusWidget())
    assert focused is page.fields["oncology.expected_survival_months"]


def test_a_missing_study_is_an_add_a_study_link(open_wizard, seed_case_path):
    wizard = open_wizard(seed_document(seed_case_path, "imaging"))
    html = wizard.panel.criteria_html()
    assert 'href="study:new"' in html
    follow_panel_link(wizard, "study:new")
    page = wizard.currentPage()
    assert isinstance(page, ImagingPage)
    assert wizard.document.length("imaging") == 1
    assert field_of(QApplication.focusWidget()) is page._templates["modality"]


def test_each_study_offers_what_its_modality_shows_and_not_seen_is_undone(
        open_wizard, seed_case_path):
    wizard = open_wizard(seed_document(seed_case_path))
    page = wizard.page_of(ImagingPage)
    wizard.go_to(page)
    t = page._templates
    assert t["findings.marrow_edema"].isEnabled() and t["findings.escc_grade"].isEnabled()
    assert not t["findings.dynamic_translation_mm"].isEnabled()
    assert "cannot show motion" in t["findings.dynamic_translation_mm"]._hint_label.text()
    nurse = Nurse()
    nurse.click(page.tabs, page.tabs.tabRect(1).center())
    assert page.index == 1 and not t["findings.marrow_edema"].isEnabled()
    assert t["findings.retropulsion"].button(False).isEnabled(), "a CT shows the canal"
    before = wizard.document.data
    nurse.click(page.not_seen_button)
    assert wizard.document.get("imaging[1].findings.stenosis") == "none"
    assert t["findings.stenosis"].value() == "none", "visible at once"
    assert not wizard.document.has("imaging[1].findings.escc_grade")
    assert not page.not_seen_button.isEnabled()
    QTest.keyClick(wizard, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wizard.document.data == before, "Ctrl+Z takes back exactly what it set"


def test_plain_films_offer_only_the_positive_values_of_canal_findings(open_wizard):
    wizard = open_wizard(DraftDocument({"imaging": [{"modality": "XR"}],
                                        "diagnoses": [{"code": "S32.010A"}]}))
    page = wizard.page_of(ImagingPage)
    wizard.go_to(page)
    retropulsion = page._templates["findings.retropulsion"]
    assert retropulsion.button(True).isEnabled() and not retropulsion.button(False).isEnabled()
    assert "only a positive finding counts" in retropulsion._hint_label.text()
    assert not page._templates["findings.escc_grade"].isEnabled(), "not a tumor case"


def test_oncology_is_offered_only_with_a_neoplastic_diagnosis(open_wizard, seed_case_path):
    tumor = open_wizard(seed_document(seed_case_path))
    assert tumor.page_of(OncologyPage).applies()
    document = seed_document(seed_case_path, "oncology")
    document.set("diagnoses", [{"code": "M54.50"}])
    other = open_wizard(document)
    assert not other.page_of(OncologyPage).applies()
    treatments = other.page_of(TreatmentsPage)
    assert other.next_page_id(treatments) == other.pageIds()[-2], "straight to the notes"


def test_the_primary_procedure_says_which_set_it_selects(open_wizard):
    wizard = open_wizard()
    page = wizard.currentPage()
    editor = page.procedures
    nurse = Nurse()
    nurse.complete(editor.search, editor.completer, "22612")
    assert "with a neoplastic diagnosis" in editor.note.text()
    assert "Fusion" in editor.note.text() or "fusion" in editor.note.text()


def _controls(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(widget)
            and not w.inherits("QScrollBar") and w.objectName() != "qt_scrollarea_viewport"]


def test_every_control_has_an_accessible_name(open_wizard, seed_case_path):
    wizard = open_wizard(seed_document(seed_case_path))
    unnamed = []
    for page in wizard.pages:
        wizard.go_to(page)
        for control in _controls(page):
            name = control.accessibleName() or (control.text() if hasattr(
                control, "text") and isinstance(control.text(), str) else "")
            if not name.strip():
                unnamed.append(f"{page.TITLE}: {control.metaObject().className()}")
    assert unnamed == []


def test_tab_order_follows_the_form(open_wizard):
    wizard = open_wizard()
    page = wizard.currentPage()
    f = page.fields
    order = ["external_id", "received_at", "urgency", "line_of_business", "member.id",
             "member.given_name", "member.family_name", "member.birth_date"]
    f["external_id"].focus_target().setFocus()
    for before in order[:-1]:
        assert field_of(QApplication.focusWidget()) is f[before]
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert field_of(QApplication.focusWidget()) is f[order[-1]]


def test_the_first_page_evaluates_without_administrative_fields(open_wizard):
    wizard = open_wizard()
    page = wizard.page_of(RequestPage)
    nurse = Nurse()
    nurse.complete(page.procedures.search, page.procedures.completer, "63090")
    wait_until(lambda: wizard.evaluation.determination is not None)
    determination = wizard.evaluation.determination
    assert determination.outcome == "pend_missing_information"
    assert "diagnoses" in determination.missing_information
    summary = wizard.panel.ui.summaryLabel.text()
    assert "received now" not in summary and "assuming standard urgency, commercial" in summary


def test_save_with_fields_missing_says_what_and_keeps_the_wizard(open_wizard, seed_case_path):
    wizard = open_wizard(seed_document(seed_case_path, "member.id", "requesting_provider.npi"))
    review = wizard.pages[-1]
    wizard.go_to(review)
    Nurse().click(wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.isVisible() and wizard.currentPage() is review
    assert "still required: Member ID, NPI" in review.message.text()


def test_the_shortcuts_window_lists_new_case_and_the_wizard_keys(window):
    shortcuts = window.shortcuts.shortcuts()
    described = {(s.keys, s.description) for s in shortcuts}
    assert (("Ctrl+N",), "New case") in described
    assert any(s.keys[0] == "F6" and s.feature == "Intake wizard" for s in shortcuts)
    assert window.shortcuts.conflicts() == {}


def test_a_slower_earlier_search_never_replaces_a_later_one(open_wizard):
    from reviewer_app.ui.intake.completers import CodeOption

    wizard = open_wizard()
    completer = wizard.page_of(DiagnosesPage).editor.completer
    completer._asked = 2
    completer._show(1, [CodeOption("C79", "old answer")])
    assert completer.model.rowCount() == 0, "an answer to an earlier text is dropped"
    completer._show(2, [CodeOption("C79.51", "Secondary malignant neoplasm of bone")])
    assert [o.code for o in completer.model.options()] == ["C79.51"]


def test_enter_in_a_field_commits_it_and_stays_on_the_page(open_wizard):
    wizard = open_wizard()
    page = wizard.currentPage()
    edit = page.fields["member.id"].edit
    Nurse().click(edit)
    QTest.keyClicks(edit, "W884120375")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    assert wizard.document.get("member.id") == "W884120375"


def test_the_level_picker_by_keyboard(open_wizard):
    wizard = open_wizard()
    picker = wizard.currentPage().fields["service.levels"]
    picker.buttons["L1"].setFocus()
    QTest.keyClick(picker.buttons["L1"], Qt.Key.Key_Space)
    for _ in range(2):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right,
                       Qt.KeyboardModifier.ShiftModifier)
    assert picker.value() == ["L1", "L2", "L3"]
    assert wizard.document.get("service.levels") == ["L1", "L2", "L3"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert QApplication.focusWidget() is picker.buttons["T3"], "up a row, same column"
    assert picker.summary.text() == "Chosen: L1-L3"


def test_the_level_picker_goes_to_a_level_typed_by_name(open_wizard):
    """Type-ahead, as in a list: "t12" reaches T12 without 20 arrow presses; a pause longer
    than the platform's keyboard-search interval starts a new name."""
    wizard = open_wizard()
    picker = wizard.currentPage().fields["service.levels"]
    picker.buttons["L1"].setFocus()
    QTest.keyClicks(QApplication.focusWidget(), "t12")
    assert QApplication.focusWidget() is picker.buttons["T12"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert picker.value() == ["T12"]
    picker._typed_at -= QApplication.keyboardInputInterval() / 1000 + 1  # the pause
    QTest.keyClicks(QApplication.focusWidget(), "L2")
    assert QApplication.focusWidget() is picker.buttons["L2"]
    QTest.keyClicks(QApplication.focusWidget(), "x")
    assert QApplication.focusWidget() is picker.buttons["L2"], "no level by that name"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert wizard.document.get("service.levels") == ["T12", "L2"]
