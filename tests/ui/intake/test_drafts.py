"""Drafts: autosaved after each committed field, listed on start, resumed with the entered
fields intact after the process was killed, discarded (audited), and Edit of a stored case."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from nurse import Nurse, wait_until
from paths import ROOT
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from support.uikit import make_context, reading

from reviewer_app.core.store import audit, cases, drafts
from reviewer_app.ui.intake.drafts_banner import DiscardDraftDialog
from reviewer_app.ui.intake.pages import NotesPage, RequestPage
from reviewer_app.ui.intake.wizard import IntakeWizard, KeepDraftDialog
from reviewer_app.ui.main.window import MainWindow

ENTERING = """
import os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path[:0] = [{root!r}, {support!r}]
from PySide6.QtTest import QTest
from nurse import Nurse, wait_until
from uikit import make_context
from reviewer_app.ui.app import create_application
from reviewer_app.ui.main.window import MainWindow

app = create_application(["entering"])
context = make_context(Path(sys.argv[1]))
window = MainWindow(context)
window.show()
window.intake.new_case()
wizard = window.intake.wizard
wizard.activateWindow()
assert QTest.qWaitForWindowActive(wizard)
saved = []
wizard.draft_saved.connect(saved.append)
page = wizard.currentPage()
nurse = Nurse()
nurse.type(page.fields["external_id"], "PA-2026-004417")
nurse.choose(page.fields["urgency"], "Expedited")
nurse.type(page.fields["member.id"], "W884120375")
nurse.type(page.fields["member.given_name"], "Daniel")
nurse.type(page.fields["member.family_name"], "Okafor")
editor = page.procedures
nurse.complete(editor.search, editor.completer, "63090")
done = []
context.store.op(window, lambda store: None).success(done.append).run()
wait_until(lambda: done and saved)
nurse.focus(page.fields["member.birth_date"].edit)
QTest.keyClicks(page.fields["member.birth_date"].edit, "1957-06")
print("entered", saved[-1], flush=True)
import time
while True:
    app.processEvents()
    time.sleep(0.01)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_draft_survives_the_process_being_killed_and_is_resumed(qtbot, tmp_path):
    script = ENTERING.format(root=str(ROOT), support=str(ROOT / "tests" / "support"))
    process = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("entered"), process.stderr.read()[-3000:]
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        process.kill()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    context = make_context(tmp_path)
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.intake.banner.listed, timeout=10_000):
            window.show()
        banner = window.intake.banner
        assert banner.isVisible()
        [summary] = banner.summaries
        assert summary.member_name == "Okafor, Daniel" and summary.procedure == "63090"
        with qtbot.waitSignal(window.intake.wizard_opened, timeout=10_000) as opened:
            [resume] = [b for b in banner.findChildren(type(banner.ui.hideButton))
                        if b.text() == "Resume"]
            Nurse().click(resume)
        wizard = opened.args[0]
        fields = wizard.page_of(RequestPage).fields
        assert fields["external_id"].value() == "PA-2026-004417"
        assert fields["urgency"].value() == "expedited"
        assert fields["member.family_name"].value() == "Okafor"
        assert wizard.page_of(RequestPage).procedures.codes() == ["63090"]
        assert fields["member.birth_date"].value() is None, "only the field being typed is lost"
        assert wizard.windowTitle().startswith(f"Draft {summary.id}")
    finally:
        context.close()


def test_drafts_are_offered_on_start_and_discarded_with_an_audit_entry(
        qtbot, ui_context, monkeypatch):
    with reading(ui_context.database_path, create=True) as store:
        draft = drafts.start_draft(store, json.dumps({"format": "ur-case/1",
                                                      "external_id": "PA-7"}))
    monkeypatch.setattr(DiscardDraftDialog, "ask", classmethod(lambda cls, parent, what: True))
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.intake.banner.listed, timeout=10_000):
        window.show()
    banner = window.intake.banner
    assert "1 unfinished request" in banner.ui.titleLabel.text()
    discard = next(b for b in banner.findChildren(type(banner.ui.hideButton))
                   if b.text() == "Discard…")
    with qtbot.waitSignal(banner.listed, timeout=10_000,
                          check_params_cb=lambda count: count == 0):
        discard.click()
    assert not banner.isVisible()
    with reading(ui_context.database_path) as store:
        assert drafts.list_drafts(store) == []
        actions = [(e.action, e.details) for e in audit.entries(store, newest_first=False)]
    assert actions[-1] == ("draft_discard", {"draft_id": draft.id})


def test_closing_the_wizard_can_discard_its_draft(qtbot, ui_context, monkeypatch):
    wizard = IntakeWizard(ui_context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    assert QTest.qWaitForWindowActive(wizard)
    with qtbot.waitSignal(wizard.draft_saved, timeout=10_000):
        Nurse().type(wizard.currentPage().fields["member.id"], "W1")
    monkeypatch.setattr(KeepDraftDialog, "ask",
                        classmethod(lambda cls, parent, what: cls.DISCARD))
    with qtbot.waitSignal(wizard.draft_discarded, timeout=10_000):
        wizard.button(QWizard.WizardButton.CancelButton).click()
    with reading(ui_context.database_path) as store:
        assert drafts.list_drafts(store) == []


def edit_seed(qtbot, window, seed_case_path) -> tuple[int, IntakeWizard]:
    """Import the seed case, then Edit it: (its id, the wizard on it)."""
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        window.open_case(seed_case_path)
    case_id = window.opened_case().case_id
    with qtbot.waitSignal(window.intake.wizard_opened, timeout=10_000) as opened:
        window.open_wizard_for_case(case_id)
    return case_id, opened.args[0]


def test_edit_of_a_stored_case_saves_its_next_version(qtbot, window, ui_context,
                                                      seed_case_path):
    case_id, wizard = edit_seed(qtbot, window, seed_case_path)
    assert wizard.windowTitle().startswith(f"Edit case {case_id}")
    assert wizard.evaluation.complete
    notes = wizard.page_of(NotesPage)
    wizard.go_to(notes)
    nurse = Nurse()
    wizard.activateWindow()
    assert QTest.qWaitForWindowActive(wizard)
    nurse.answer(notes.fields["comorbidities.diabetes"], True)
    review = wizard.pages[-1]
    wizard.go_to(review)
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        nurse.click(wizard.button(QWizard.WizardButton.FinishButton))
    with reading(ui_context.database_path) as store:
        row = cases.case_row(store, case_id)
        assert row["version"] == 2
        assert json.loads(row["document"])["comorbidities"]["diabetes"] is True
        assert cases.latest_evaluation(store, case_id).case_version == 2
    assert window.opened_case().version == 2


def test_a_stale_edit_is_refused_and_the_draft_kept(qtbot, window, ui_context, seed_case_path):
    from storekit import add_signer

    from reviewer_app.core.store import decisions

    case_id, wizard = edit_seed(qtbot, window, seed_case_path)
    with qtbot.waitSignal(wizard.draft_saved, timeout=10_000):
        wizard.commit("notes", "Changed while someone else assigned the case.")
    with reading(ui_context.database_path) as store:
        nurse = add_signer(store, "Dana Whitfield", "RN", "nurse").id
        decisions.assign(store, case_id, reviewer=nurse, expected_version=1)
    review = wizard.pages[-1]
    wizard.go_to(review)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_until(lambda: "Not saved; the draft is kept" in review.message.text())
    assert "you read version 1, it is now version 2" in review.message.text()
    assert wizard.isVisible()
    with reading(ui_context.database_path) as store:
        assert [d.case_id for d in drafts.list_drafts(store)] == [case_id]
