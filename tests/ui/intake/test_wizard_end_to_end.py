"""The motivating case entered through the wizard as a nurse would: real key and mouse
events from File > New case (Ctrl+N) to Save, the live panel reaching meets criteria, the
stored case equal to examples/seed-l2-corpectomy.json in content, and the case opened.

Twice: the imaging findings set by hand, and the reports pasted with the suggestions from the
MRI report accepted (seven of its nine findings; the CT report states none of the CT's), each
printing what it took."""

from __future__ import annotations

import pytest
from attachkit import seed_report
from nurse import WAIT_MS, Nurse, wait_until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard
from support.uikit import audit_actions, reading

from reviewer_app.core.case_file import parse_case
from reviewer_app.core.store import cases, drafts
from reviewer_app.ui.intake.imaging import ImagingPage
from reviewer_app.ui.intake.pages import (
    DiagnosesPage,
    NotesPage,
    OncologyPage,
    RequestPage,
    SymptomsPage,
    TreatmentsPage,
)
from reviewer_app.ui.intake.review import ReviewPage

READER_LOAD_MS = 90_000


def next_page(nurse: Nurse, wizard: QWizard, expected: type) -> None:
    nurse.click(wizard.button(QWizard.WizardButton.NextButton))
    assert isinstance(wizard.currentPage(), expected), wizard.currentPage().TITLE


def enter_request(nurse: Nurse, page: RequestPage) -> None:
    f = page.fields
    nurse.type(f["external_id"], "PA-2026-004417")
    nurse.type(f["received_at"], "2026-11-20 09:15", replace=True)
    nurse.choose(f["urgency"], "Standard")
    nurse.tab()
    nurse.choose(f["line_of_business"], "Commercial")
    nurse.tab()
    nurse.type(f["member.id"], "W884120375")
    nurse.type(f["member.given_name"], "Daniel")
    nurse.type(f["member.family_name"], "Okafor")
    nurse.type(f["member.birth_date"], "1957-06-02")
    assert f["member.birth_date"]._hint_label.text() == "Age 69 on the received date"
    nurse.choose(f["member.sex"], "Male")
    nurse.type(f["requesting_provider.name"], "R. Alvarez, MD")
    nurse.type(f["requesting_provider.npi"], "1245319599")
    nurse.type(f["requesting_provider.specialty"], "Orthopaedic spine surgery")
    nurse.type(f["requesting_provider.phone"], "555-0142")
    nurse.type(f["requesting_provider.fax"], "555-0143")
    editor = page.procedures
    for code in ("63090", "22558", "22585", "22612", "22614", "22842", "22854"):
        assert nurse.complete(editor.search, editor.completer, code) == code
    assert nurse.complete(editor.search, editor.completer, "laminotomy") == "63030"
    assert editor.codes()[0] == "63090"
    assert "Surgery for spinal metastasis" in editor.note.text()
    levels = f["service.levels"]
    nurse.click(levels.buttons["L1"])
    nurse.click(levels.buttons["L3"], modifier=Qt.KeyboardModifier.ShiftModifier)
    assert levels.value() == ["L1", "L2", "L3"]
    nurse.choose(f["service.setting"], "Inpatient")
    nurse.type(f["service.planned_date"], "2026-12-03")


def enter_diagnoses(nurse: Nurse, page: DiagnosesPage) -> None:
    editor = page.editor
    assert nurse.complete(editor.search, editor.completer, "secondary malig bone") == "C79.51"
    for code in ("M84.58XA", "C80.1", "M54.50", "I10"):
        assert nurse.complete(editor.search, editor.completer, code) == code
    assert editor.table.item(0, 1).text() == "Secondary malignant neoplasm of bone"


def enter_study(nurse: Nurse, page: ImagingPage, modality: str, date: str,
                findings: list[tuple[str, object]], report: str, *,
                from_report: bool = False, suggested: tuple[str, ...] = ()) -> None:
    """One study: its findings by hand and then the report text, or (``from_report``) the
    report pasted first, every suggestion accepted at once (``suggested``: the findings the
    text states), and only the rest by hand."""
    nurse.click(page.add_button)
    t = page._templates
    nurse.choose(t["modality"], modality)
    nurse.type(t["date"], date)
    nurse.click(t["levels"].buttons["L2"])
    index = page.index
    if from_report:
        nurse.paste(t["report_text"].text, report)
        reading = page.suggestions
        # the reader loads on a worker when the page first shows: 1.8 s on an idle machine,
        # several times that while the two cores run other tests too
        wait_until(lambda: reading.state == "ready", timeout_ms=READER_LOAD_MS)
        wait_until(lambda: reading.fresh(index) is not None and reading.reading_now is None)
        assert tuple(reading.pending()) == suggested
        if suggested:
            nurse.click(reading.accept_all_button)
        assert reading.pending() == []
        values = page.intake.document.get(f"imaging[{index}].findings") or {}
        assert sorted(values) == sorted(suggested)
    for name, value in findings:
        if name in suggested:
            continue
        field = t[f"findings.{name}"]
        if isinstance(value, bool):
            nurse.answer(field, value)
        elif name in ("canal_compromise_percent",):
            nurse.type(field, str(value))
        else:
            nurse.choose(field, value)
    if not from_report:
        nurse.write(t["report_text"].text, report)


MRI_FINDINGS = [
    ("fracture", "Burst"), ("retropulsion", True), ("canal_compromise_percent", 40),
    ("marrow_edema", True), ("lesion_type", "Lytic"),
    ("vertebral_collapse", "Collapse over 50%"), ("alignment", "New deformity"),
    ("posterolateral_involvement", "One side"), ("escc_grade", "1c"),
]
MRI_STATED = ("lesion_type", "vertebral_collapse", "posterolateral_involvement", "fracture",
              "retropulsion", "canal_compromise_percent", "escc_grade")
"""The seven of the MRI's nine findings its report states (alignment and marrow edema are
not in the text: the nurse sets those by hand)."""


def enter_imaging(nurse: Nurse, page: ImagingPage, *, from_report: bool = False) -> None:
    enter_study(nurse, page, "MRI", "2026-11-12", MRI_FINDINGS, seed_report(0),
                from_report=from_report, suggested=MRI_STATED if from_report else ())
    assert "not scored yet (at most 13); needs kind of pain (Symptoms" in page.sins_label.text()
    t = page._templates
    assert not t["findings.dynamic_translation_mm"].isEnabled(), "an MRI cannot show motion"
    enter_study(nurse, page, "CT", "2026-11-13", [
        ("fracture", "Burst"), ("retropulsion", True), ("lesion_type", "Lytic"),
    ], seed_report(1), from_report=from_report)
    assert not t["findings.marrow_edema"].isEnabled(), "a CT cannot show edema"
    assert "CT" in page.tabs.tabText(1)
    # "not seen", and back: visible on the fields, and reversible
    nurse.click(page.not_seen_button)
    assert page.intake.document.get("imaging[1].findings.alignment") == "normal"
    assert "Not seen on this study" in t["findings.alignment"]._hint_label.text()
    nurse.click(page.undo_button)
    assert not page.intake.document.has("imaging[1].findings.alignment")


def enter_symptoms(nurse: Nurse, page: SymptomsPage) -> None:
    f = page.fields
    nurse.type(f["symptoms.pain_nrs"], "8")
    nurse.choose(f["symptoms.pain_character"], "Mechanical")
    nurse.tab()
    nurse.type(f["symptoms.pain_duration_weeks"], "9")
    nurse.answer(f["symptoms.radicular_pain"], False)
    nurse.answer(f["symptoms.neurogenic_claudication"], False)
    nurse.choose(f["symptoms.neuro_deficit"], "None")
    nurse.answer(f["symptoms.deficit_progressive"], False)
    nurse.choose(f["symptoms.frankel_grade"], "E")
    nurse.answer(f["symptoms.ambulatory"], True)
    nurse.answer(f["symptoms.bowel_bladder_dysfunction"], False)
    nurse.tick(f["symptoms.red_flags"].check("cancer_history"))


def enter_treatments(nurse: Nurse, page: TreatmentsPage) -> None:
    editor = page.editor
    rows = (("Phys", "2026-09-22", "2026-10-27", None, "F"),
            ("NSAID", None, None, "8", "Pa"),
            ("Op", None, None, "3", "Pa"))
    for kind, start, end, weeks, outcome in rows:
        nurse.click(editor.add_button)
        combo = QApplication.focusWidget()
        nurse.choose(combo, kind)
        for text in (start, end, weeks):
            nurse.tab()
            if text is not None:
                nurse.type_here(text)
        nurse.tab()
        nurse.type_here(outcome, kind="chosen")
        nurse.key(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "8 weeks" in page.counted.text() and "3 modalities" in page.counted.text()


def enter_oncology(nurse: Nurse, page: OncologyPage) -> None:
    f = page.fields
    nurse.choose(f["oncology.primary_site"], "Unknown primary")
    nurse.answer(f["oncology.histology_confirmed"], False)
    nurse.answer(f["oncology.systemic_therapy_planned"], True)
    nurse.type(f["oncology.expected_survival_months"], "12")
    nurse.type(f["oncology.kps"], "70")
    nurse.type(f["oncology.ecog"], "1")
    nurse.type(f["oncology.extraspinal_bone_metastases"], "0")
    nurse.type(f["oncology.vertebral_metastases"], "1")
    nurse.choose(f["oncology.visceral_metastases"], "None")
    assert "Revised Tokuhashi: 10" in page.tokuhashi.text()


def enter_notes(nurse: Nurse, page: NotesPage) -> None:
    f = page.fields
    nurse.answer(f["comorbidities.hypertension"], True)
    nurse.answer(f["comorbidities.diabetes"], False)
    nurse.answer(f["comorbidities.nicotine_use"], False)
    nurse.type(f["comorbidities.bmi"], "26.1")
    for name in ("osteoporosis", "coagulopathy", "active_infection", "pregnancy"):
        nurse.answer(f[f"comorbidities.{name}"], False)
    nurse.write(f["notes"].text,
                "Low back pain with pathologic L2 burst fracture from metastatic carcinoma of "
                "unknown primary. Hypertension. Failed physical therapy. Planned L1-3 ALIF/PSIF "
                "with right L2/3 hemilaminectomy and L2 corpectomy, before chemotherapy.")


@pytest.mark.parametrize("findings", ["by hand", "from the report"])
def test_the_motivating_case_through_the_wizard(qtbot, window, ui_context, seed_case_path,
                                                capsys, findings):
    nurse = Nurse()
    nurse.key(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, kind="shortcuts")
    wizard = window.intake.wizard
    assert wizard is not None
    assert QTest.qWaitForWindowActive(wizard)
    panel = wizard.panel
    assert panel.ui.outcomeBanner.title() == "No criteria set yet"

    enter_request(nurse, wizard.currentPage())
    assert "pend" in wizard.evaluation.determination.outcome, "from the first page"
    next_page(nurse, wizard, DiagnosesPage)
    enter_diagnoses(nurse, wizard.currentPage())
    next_page(nurse, wizard, ImagingPage)
    enter_imaging(nurse, wizard.currentPage(), from_report=findings == "from the report")
    next_page(nurse, wizard, SymptomsPage)
    enter_symptoms(nurse, wizard.currentPage())
    next_page(nurse, wizard, TreatmentsPage)
    enter_treatments(nurse, wizard.currentPage())
    next_page(nurse, wizard, OncologyPage)
    enter_oncology(nurse, wizard.currentPage())
    next_page(nurse, wizard, NotesPage)
    enter_notes(nurse, wizard.currentPage())
    next_page(nurse, wizard, ReviewPage)

    assert panel.ui.outcomeBanner.title() == "Meets criteria — you may approve"
    assert wizard.evaluation.complete, wizard.evaluation.problems
    assert "Ready to save" in panel.criteria_html()
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        nurse.click(wizard.button(QWizard.WizardButton.FinishButton))

    with capsys.disabled():
        print(f"\nintake wizard, motivating case, findings {findings}: {nurse.summary()}")
    shown = window.opened_case()
    assert shown is not None and shown.determination.outcome == "meets_criteria"
    with reading(ui_context.database_path) as store:
        stored = cases.case_row(store, shown.case_id)
        assert stored["status"] == "draft"
        assert drafts.list_drafts(store) == [], "the draft went with the save"
    entered = parse_case(stored["document"], "stored").to_json_dict()
    seed = parse_case(seed_case_path.read_bytes(), "seed").to_json_dict()
    extensions = entered.pop("extensions", None)
    assert entered == seed
    if findings == "by hand":
        assert extensions is None
    else:
        [record] = extensions["report_readings"]
        assert (record["format"], record["study"], record["modality"]) == (
            "ur-report-reading/1", 0, "MRI")
        assert {name: item["decision"] for name, item in record["findings"].items()} == {
            name: "accepted" for name in MRI_STATED}
    assert audit_actions(ui_context.database_path, shown.case_id)[:2] == ["create", "evaluate"]


def wizard_to_verified_letter(qtbot, window, steps: Nurse, monkeypatch, capsys,
                              database, signer: str, key_id: int | None = None) -> None:
    """From File > New case (Ctrl+N) through the wizard to the case view, Approve, and the
    member's letter previewed, signed with the signed-in reviewer's key and verified against
    the organization CA; `audit verify` then finds the decision signed."""
    import json

    from PySide6.QtWidgets import QDialog, QDialogButtonBox
    from storekit import cli

    from reviewer_app.ui.case import decision_dialogs as dialogs

    steps.key(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, kind="shortcuts")
    wizard = window.intake.wizard
    assert QTest.qWaitForWindowActive(wizard)
    enter_request(steps, wizard.currentPage())
    for page, enter in ((DiagnosesPage, enter_diagnoses), (ImagingPage, enter_imaging),
                        (SymptomsPage, enter_symptoms), (TreatmentsPage, enter_treatments),
                        (OncologyPage, enter_oncology), (NotesPage, enter_notes)):
        next_page(steps, wizard, page)
        enter(steps, wizard.currentPage())
    next_page(steps, wizard, ReviewPage)
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        steps.click(wizard.button(QWizard.WizardButton.FinishButton))
    view = window.ui.caseView
    bar = view.ui.decisionBar
    assert bar.problem("approve") is None, "a draft that meets criteria: the nurse may approve"

    def approve(cls, parent, snapshot, reviewer):
        dialog = cls(snapshot, reviewer, parent)
        assert signer in dialog.ui.signatureLabel.text()
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialogs.DecisionRequest("approve")

    monkeypatch.setattr(dialogs.ApproveDialog, "ask", classmethod(approve))
    letters = view.letter_window()
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        steps.click(bar.ui.approveButton)
    qtbot.waitUntil(lambda: letters.ui.signButton.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(letters.verified, timeout=WAIT_MS) as verified:
        steps.click(letters.ui.signButton)
    report = verified.args[0]
    assert report.ok and report.signer == signer, report.lines()
    case_id = window.opened_case().case_id
    with reading(database) as store:
        row = cases.case_row(store, case_id)
        assert row["status"] == "letter_issued"
        [decision] = cases.decisions_for(store, case_id)
        assert decision.decision == "approve"
        if key_id is not None:
            assert decision.key_id == key_id
    code, out, _ = cli(capsys, "--db", str(database), "audit", "verify", "--json")
    checked = json.loads(out)
    assert code == 0 and checked["ok"] and checked["signed_decisions"] == 1
    letters.close()


def test_the_motivating_case_from_sign_in_through_the_wizard_to_a_signed_approval_letter(
        qtbot, tmp_path, qapp, monkeypatch, capsys):
    """Signed in as Dana Whitfield, RN (her key open, as sign-in leaves it)."""
    from storekit import add_signer
    from support.uikit import as_signed_in, make_context

    from reviewer_app.ui.main.window import MainWindow

    with reading(tmp_path / "cases.sqlite3", create=True) as store:
        nurse = add_signer(store, "Dana Whitfield", "RN", "nurse")
    base = make_context(tmp_path)
    context = as_signed_in(base, nurse)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    steps = Nurse()
    wizard_to_verified_letter(qtbot, window, steps, monkeypatch, capsys,
                              tmp_path / "cases.sqlite3", "Dana Whitfield, RN", nurse.key_id)
    with capsys.disabled():
        print(f"\nsign-in to signed approval letter: {steps.summary()}")
    base.close()


def test_the_motivating_case_from_the_first_run_to_a_verified_approval_letter(
        qtbot, tmp_path, qapp, monkeypatch, capsys):
    """A new user's whole review on a new database, as `make run` starts it: the first run
    makes the organization (its CA behind the administrator's passphrase), Pat Lee's nurse
    profile and the letterhead, and signs her in; she enters the seed through the wizard,
    approves it and signs the member's letter, which verifies."""
    from sessionkit import fill_organization, fill_profile, first_run_next, gated, wait_for_window
    from support.uikit import make_context

    from reviewer_app.ui.signin.first_run import FirstRunWizard

    context = make_context(tmp_path)
    window, gate = gated(qtbot, context)
    gate.start()
    first = wait_for_window(qtbot, FirstRunWizard)
    assert gate.locked, "nothing shows before someone signs in"
    fill_organization(first)
    first_run_next(first)
    fill_profile(first, npi="")
    first_run_next(first)
    first_run_next(first)  # the letterhead, as shipped
    with qtbot.waitSignal(first.finished, timeout=WAIT_MS):
        first.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not gate.locked, timeout=WAIT_MS)
    assert context.session.current.signature == "Pat Lee, RN"
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    steps = Nurse()
    wizard_to_verified_letter(qtbot, window, steps, monkeypatch, capsys,
                              context.database_path, "Pat Lee, RN")
    with capsys.disabled():
        print(f"\nfirst run to signed approval letter: {steps.summary()} (after the first "
              "run's pages)")
    context.close()
