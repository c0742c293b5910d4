"""Decisions in the case view: what each role may do (disabled with the core's words, and
refused by the store anyway), each dialog, the signed decision and its letter on screen,
signed, verified, saved and printed; corrected letters; peer-to-peer; the physician's queue."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from storekit import add_team, cli
from support.poppler import pdf_text_of
from support.uikit import WAIT_MS, as_signed_in, make_context, reading

from reviewer_app.core import lifecycle
from reviewer_app.core.store import audit, cases, decisions
from reviewer_app.core.store.errors import TransitionError
from reviewer_app.ui.case import decision_dialogs as dialogs
from reviewer_app.ui.case.case_view import LETTERS
from reviewer_app.ui.case.decision_bar import SIGN_IN
from reviewer_app.ui.case.p2p_dialog import PeerToPeerDialog, PeerToPeerRequest
from reviewer_app.ui.letters import printing
from reviewer_app.ui.main.window import MainWindow

CLINICAL = ("The L2 corpectomy with L1-L3 fusion is approved: the retropulsed fragment is "
            "removed from the front. 63030 is not: no nerve-root compression at L2-L3.")
MEMBER_ES = ("Aprobamos la cirugía para sacar el hueso L2 y unir L1 con L2. Sus estudios no "
             "muestran un nervio apretado en L2-L3, así que no hace falta la cirugía extra.")


@pytest.fixture
def store_path(tmp_path, seed_case_path):
    """A store with Dana Whitfield, RN (1) and Sam Okoye, MD (2): the seed (case 1), the seed
    for a Spanish-speaking member whose survival estimate is 2 months, so it is referred
    (case 2)."""
    path = tmp_path / "cases.sqlite3"
    seed = json.loads(seed_case_path.read_text(encoding="utf-8"))
    spanish = json.loads(json.dumps(seed))
    spanish["external_id"] = "PA-2026-004418"
    spanish["member"]["language"] = "es"
    spanish["oncology"]["expected_survival_months"] = 2
    with reading(path, create=True) as store:
        team = add_team(store)
        cases.import_documents(store, [("seed.json", json.dumps(seed)),
                                       ("es.json", json.dumps(spanish))])
    return SimpleNamespace(path=path, team=team)


@pytest.fixture
def contexts(tmp_path, store_path, qapp):
    base = make_context(tmp_path)
    team = store_path.team
    made = {"nurse": as_signed_in(base, team.nurse),
            "physician": as_signed_in(base, team.physician),
            "nobody": base}
    yield made
    base.close()


def open_window(qtbot, context, case_id: int) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(case_id)
    return window


def view_of(window):
    return window.ui.caseView


def wait_for_status(qtbot, window, status: str) -> None:
    qtbot.waitUntil(lambda: window.opened_case().status == status, timeout=WAIT_MS)


def sign_shown_letter(qtbot, view) -> str:
    letters = view.letter_window()
    qtbot.waitUntil(lambda: letters.ui.signButton.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(letters.letter_signed, timeout=WAIT_MS) as signed, \
            qtbot.waitSignal(letters.verified, timeout=WAIT_MS) as verified:
        letters.ui.signButton.click()
    assert verified.args[0].ok, verified.args[0].lines()
    return signed.args[0]


def test_nobody_signed_in_decides_nothing(qtbot, contexts):
    window = open_window(qtbot, contexts["nobody"], 1)
    bar = view_of(window).ui.decisionBar
    for name in ("approve", "refer", "pend", "deny", "partial"):
        assert bar.problem(name) == SIGN_IN
    assert "sign in to decide" in bar.ui.stateLabel.text()


def test_a_nurse_cannot_deny_the_control_is_off_and_the_store_refuses(qtbot, contexts,
                                                                      store_path):
    window = open_window(qtbot, contexts["nurse"], 1)
    bar = view_of(window).ui.decisionBar
    for name in ("deny", "partial"):
        expected = lifecycle.decider_problem(name, "nurse", "case 1")
        assert bar.problem(name) == expected[0].upper() + expected[1:]
        assert not bar.actions[name].isEnabled()
    assert bar.problem("approve") is None and bar.problem("refer") is None
    window2 = open_window(qtbot, contexts["nurse"], 2)
    assert "is 'refer_to_physician'" in view_of(window2).ui.decisionBar.problem("approve")
    with reading(store_path.path) as store:
        version = decisions.assign(store, 1, reviewer=store_path.team.nurse.id,
                                   expected_version=1).version
        with pytest.raises(TransitionError, match="a nurse may not deny case 1"):
            decisions.decide(store, 1, "deny", by=store_path.team.nurse,
                             expected_version=version, reason=CLINICAL, member_reason=CLINICAL)


def test_an_approval_is_signed_by_the_nurse_and_its_letters_preview_sign_and_verify(
        qtbot, contexts, store_path, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(dialogs.ApproveDialog, "ask",
                        classmethod(lambda cls, parent, snapshot, reviewer:
                                    dialogs.DecisionRequest("approve")))
    window = open_window(qtbot, contexts["nurse"], 1)
    view = view_of(window)
    letters = view.letter_window()
    with qtbot.waitSignal(view.decided, timeout=WAIT_MS), \
            qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS) as shown:
        view.ui.decisionBar.ui.approveButton.click()
    assert shown.args == ["preview"]
    assert "Preview, not signed yet" in letters.notice()
    assert not letters.ui.saveButton.isEnabled(), "nothing leaves before it is signed"
    assert letters.document.pageCount() >= 1
    member = sign_shown_letter(qtbot, view)
    assert member == "LTR-000001" and "good signature by Dana Whitfield, RN" in letters.notice()
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        letters.ui.recipientCombo.setCurrentIndex(1)
    assert sign_shown_letter(qtbot, view) == "LTR-000002"
    wait_for_status(qtbot, window, "letter_issued")
    with reading(store_path.path) as store:
        [decision] = cases.decisions_for(store, 1)
        assert (decision.reviewer_id, decision.key_id) == (store_path.team.nurse.id,
                                                           store_path.team.nurse.key_id)
        assert audit.verify_audit(store).signed_decisions == 1
    code, out, _ = cli(capsys, "--db", str(store_path.path), "audit", "verify", "--json")
    checked = json.loads(out)
    assert code == 0 and checked["ok"] and checked["signed_decisions"] == 1, out
    # Save as… and Print… from the signed letter
    target = tmp_path / "approval-provider.pdf"
    monkeypatch.setattr(printing.SaveLetterDialog, "ask",
                        classmethod(lambda cls, parent, suggested: target))
    with qtbot.waitSignal(letters.saved, timeout=WAIT_MS):
        letters.ui.saveButton.click()
    assert target.read_bytes() == letters.issued().pdf
    printed = tmp_path / "printed.pdf"

    def to_file(cls, parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(printing.PrintLetterDialog, "ask", classmethod(to_file))
    with qtbot.waitSignal(letters.printed, timeout=WAIT_MS) as pages:
        letters.ui.printButton.click()
    assert pages.args[0] == letters.document.pageCount() and printed.stat().st_size > 10_000
    with reading(store_path.path) as store:
        exports = [e.details["to"] for e in audit.entries(store, case_id=1)
                   if e.action == "export"]
    assert exports == ["printer", "file"]


def test_a_referred_case_finished_by_a_physician_with_a_partial_approval(
        qtbot, contexts, store_path, monkeypatch):
    """The nurse refers the Spanish-speaking member's case; the physician approves the
    corpectomy and fusion at L1-L2 only and not 63030; the member's letter is in Spanish
    with the member's reason, the provider's in English with the clinical rationale."""
    monkeypatch.setattr(dialogs.ReferDialog, "ask", classmethod(
        lambda cls, parent, snapshot, reviewer: dialogs.DecisionRequest(
            "refer", reason="Survival estimate 2 months: below the set's 3 months.")))
    nurse = open_window(qtbot, contexts["nurse"], 2)
    with qtbot.waitSignal(view_of(nurse).decided, timeout=WAIT_MS):
        view_of(nurse).ui.decisionBar.ui.referButton.click()
    wait_for_status(qtbot, nurse, "referred")
    assert view_of(nurse).ui.decisionBar.problem("approve").startswith(
        "Case 2 has been referred to a physician reviewer")

    physician = open_window(qtbot, contexts["physician"], 2)
    view = view_of(physician)
    bar = view.ui.decisionBar
    assert bar.problem("partial") is None and bar.problem("deny") is None
    assert "referral is how a nurse" in bar.problem("refer")
    asked = {}

    def partial(cls, parent, snapshot, reviewer, partial):
        dialog = cls(snapshot, reviewer, partial, parent)
        asked["language"] = dialog.ui.memberLabel.text()
        for row in range(dialog.ui.codesList.count()):
            item = dialog.ui.codesList.item(row)
            if item.data(dialogs.KEY_ROLE) != "63030":
                item.setCheckState(Qt.CheckState.Checked)
        dialog.ui.levelsList.item(2).setCheckState(Qt.CheckState.Unchecked)  # not L3
        dialog.ui.clinicalEdit.setPlainText(CLINICAL)
        asked["before"] = dialog.problem()
        dialog.ui.memberEdit.setPlainText(MEMBER_ES)
        assert dialog.problem() is None
        return dialogs.DecisionRequest("partial", reason=dialog.clinical(),
                                       member_reason=dialog.member(),
                                       approved_codes=dialog.approved_codes(),
                                       approved_levels=dialog.approved_levels())

    monkeypatch.setattr(dialogs.AdverseDialog, "ask", classmethod(partial))
    letters = view.letter_window()
    with qtbot.waitSignal(view.decided, timeout=WAIT_MS), \
            qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        bar.ui.partialButton.click()
    assert "The member's letter will be in Spanish (Español)" in asked["language"]
    assert asked["before"].startswith("the reason for the member")
    member_letter = sign_shown_letter(qtbot, view)
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        letters.ui.recipientCombo.setCurrentIndex(1)
    sign_shown_letter(qtbot, view)
    with reading(store_path.path) as store:
        [_refer, decided] = cases.decisions_for(store, 2)
        assert (decided.decision, decided.approved_levels, decided.member_language) == (
            "partial", "L1 L2", "es")
        assert "63030" not in decided.approved_codes
        from reviewer_app.core.store.letters import letter_pdf, letters_for

        found = {x.recipient: x for x in letters_for(store, 2)}
        assert found["member"].letter_id == member_letter
        assert (found["member"].language, found["provider"].language) == ("es", "en")
        member_text = pdf_text_of(letter_pdf(store, found["member"]))
        provider_text = pdf_text_of(letter_pdf(store, found["provider"]))
    if member_text is not None:
        assert "Aprobamos una parte de su pedido" in member_text
        assert "no hace falta la cirugía extra" in member_text
        assert "No aprobamos la atención en los niveles de la columna L3" in member_text
        assert "retropulsed fragment" not in member_text
    if provider_text is not None:
        assert "retropulsed fragment is removed from the front" in provider_text
        assert "Not authorized at levels L3 (requested: L1-L3)" in provider_text


def test_a_pend_keeps_the_evaluators_items_ticked_and_adds_the_nurses(qtbot, contexts,
                                                                     store_path, monkeypatch):
    doc = None
    with reading(store_path.path) as store:
        document = json.loads(cases.case_row(store, 1)["document"])
        del document["oncology"]["expected_survival_months"]
        del document["symptoms"]["frankel_grade"]
        del document["symptoms"]["neuro_deficit"]
        [doc] = cases.import_documents(store, [("pend.json", json.dumps(document))])
    seen = {}

    def pend(cls, parent, snapshot, reviewer, today, now=None):
        dialog = cls(snapshot, reviewer, today, parent, now=now)
        items = dialog.ui.itemsList
        seen["items"] = [items.item(r).data(dialogs.KEY_ROLE) for r in range(items.count())]
        seen["ticked"] = dialog.kept()
        edit = dialog.ui.neededByEdit
        edit.setDate(QDate(2026, 12, 4))
        seen["keeps"] = dialog.ui.deadlineLabel.text()
        edit.setDate(QDate(2026, 12, 10))
        seen["refused"] = dialog.ui.problemLabel.text()
        edit.setDate(QDate(2027, 1, 20))
        seen["extends"] = dialog.ui.deadlineLabel.text()
        edit.setDate(QDate(2026, 12, 4))
        items.item(1).setCheckState(Qt.CheckState.Unchecked)
        dialog.ui.addEdit.setText("The operative plan with the planned levels")
        dialog.ui.addButton.click()
        return dialogs.DecisionRequest("pend", info_kept=dialog.kept(),
                                       info_added=dialog.added(),
                                       info_needed_by=dialog.needed_by())

    monkeypatch.setattr(dialogs.PendDialog, "ask", classmethod(pend))
    window = open_window(qtbot, contexts["nurse"], doc.case_id)
    view = view_of(window)
    with qtbot.waitSignal(view.decided, timeout=WAIT_MS):
        view.ui.decisionBar.ui.pendButton.click()
    assert seen["ticked"] == tuple(seen["items"]) and len(seen["items"]) >= 2
    assert "asking by 2026-12-04 keeps it" in seen["keeps"], "the day before it is due"
    assert "at least 45 days" in seen["refused"] and "2560.503-1(f)(2)(iii)" in seen["refused"], (
        "a later date extends a commercial timeframe only with 45 days to answer")
    assert "Asking by 2027-01-20 extends it to" in seen["extends"]
    provider_text = None
    letters = view.letter_window()
    qtbot.waitUntil(lambda: letters.ui.signButton.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        letters.ui.recipientCombo.setCurrentIndex(1)
    letter_id = sign_shown_letter(qtbot, view)
    provider_text = pdf_text_of(letters.issued().pdf)
    with reading(store_path.path) as store:
        decision = cases.decisions_for(store, doc.case_id)[-1]
    assert decision.kept_items == (seen["items"][0], *seen["items"][2:])
    assert decision.added_items == ("The operative plan with the planned levels",)
    assert letter_id.startswith("LTR-")
    if provider_text is not None:
        assert "The operative plan with the planned levels" in provider_text
        assert "Asked for by the reviewer" in provider_text


def test_the_letters_tab_verifies_opens_and_corrects_a_letter(qtbot, contexts, store_path,
                                                             monkeypatch):
    monkeypatch.setattr(dialogs.ApproveDialog, "ask",
                        classmethod(lambda cls, parent, snapshot, reviewer:
                                    dialogs.DecisionRequest("approve")))
    window = open_window(qtbot, contexts["nurse"], 1)
    view = view_of(window)
    with qtbot.waitSignal(view.decided, timeout=WAIT_MS):
        view.ui.decisionBar.ui.approveButton.click()
    sign_shown_letter(qtbot, view)
    panel = view.ui.lettersPanel
    qtbot.waitUntil(lambda: panel.report("LTR-000001") is not None, timeout=WAIT_MS)
    assert panel.report("LTR-000001").ok
    view.ui.tabs.setCurrentIndex(LETTERS)
    assert panel.ui.lettersTable.item(0, 0).text() == "LTR-000001"
    assert "good signature" in panel.ui.lettersTable.item(0, 7).text()
    with qtbot.waitSignal(panel.letter_verified, timeout=WAIT_MS) as again:
        panel.ui.verifyButton.click()
    assert again.args[0] == "LTR-000001" and again.args[1].ok
    letters = view.letter_window()
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS) as opened:
        panel.ui.openButton.click()
    assert opened.args == ["LTR-000001"] and not letters.ui.signButton.isEnabled()
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS) as shown:
        panel.ui.correctButton.click()
    assert shown.args == ["preview"] and "It corrects LTR-000001" in letters.notice()
    corrected = sign_shown_letter(qtbot, view)
    qtbot.waitUntil(lambda: any(x.letter_id == corrected
                                for x in window.opened_case().letters), timeout=WAIT_MS)
    found = {x.letter_id: x for x in window.opened_case().letters}
    assert found[corrected].replaces == "LTR-000001"
    assert found["LTR-000001"].replaced_by == corrected
    panel.ui.lettersTable.selectRow(1)
    assert "was already replaced by" in panel.ui.correctButton.toolTip()


def test_a_peer_to_peer_is_recorded_by_the_physician_and_listed(qtbot, contexts, monkeypatch,
                                                                 store_path):
    physician_draft = open_window(qtbot, contexts["physician"], 2)
    assert "draft" in view_of(physician_draft).ui.decisionBar.problem("p2p")
    with reading(store_path.path) as store:
        decisions.assign(store, 2, reviewer=store_path.team.physician.id, expected_version=1)
    nurse = open_window(qtbot, contexts["nurse"], 2)
    assert "held by a physician reviewer" in view_of(nurse).ui.decisionBar.problem("p2p")
    window = open_window(qtbot, contexts["physician"], 2)
    view = view_of(window)
    seen = {}

    def ask(cls, parent, snapshot, reviewer, now):
        dialog = cls(snapshot, reviewer, now, parent)
        seen["provider"] = dialog.ui.providerEdit.text()
        return PeerToPeerRequest("R. Alvarez, MD", now - dt.timedelta(hours=1),
                                 "new_information", "Will send the updated oncology note.")

    monkeypatch.setattr(PeerToPeerDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(view.talk_recorded, timeout=WAIT_MS):
        view.ui.decisionBar.ui.p2pButton.click()
    assert seen["provider"] == "R. Alvarez, MD", "the requesting provider, filled in"
    table = view.ui.lettersPanel.ui.p2pTable
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT_MS)
    assert table.item(0, 1).text() == "R. Alvarez, MD"
    assert table.item(0, 3).text() == "the provider will send new clinical information"


def test_the_decision_keys_are_in_the_shortcuts_list_without_conflicts(qtbot, contexts):
    window = open_window(qtbot, contexts["nurse"], 1)
    keys = {key for s in window.shortcuts.shortcuts() for key in s.keys}
    assert {"Ctrl+Shift+A", "Ctrl+Shift+D", "Ctrl+Shift+L", "Ctrl+4"} <= keys
    assert window.shortcuts.conflicts() == {}


def test_a_case_is_assigned_from_the_case_view_and_recorded_as_the_signed_in_reviewers(
        qtbot, contexts, store_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    nobody = view_of(open_window(qtbot, contexts["nobody"], 1))
    assert not nobody.ui.assignButton.isEnabled()
    assert "Sign in to assign" in nobody.ui.assignButton.toolTip()
    offered = []

    def choose(parent, title, label, items, current, editable):
        offered.extend(items)
        return next(i for i in items if i.startswith("Sam Okoye, MD")), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    window = open_window(qtbot, contexts["nurse"], 1)
    view = view_of(window)
    assert view.ui.assignButton.isEnabled()
    view.ui.assignButton.click()
    qtbot.waitUntil(lambda: window.opened_case().version > 1, timeout=WAIT_MS)
    assert offered == ["Dana Whitfield, RN (nurse)", "Sam Okoye, MD (physician)"]
    with reading(store_path.path) as store:
        row = cases.case_row(store, 1)
        last = next(e for e in audit.entries(store) if e.action == "change")
    assert row["assigned_reviewer"] == store_path.team.physician.id
    assert (last.case_id, last.reviewer_id) == (1, store_path.team.nurse.id), (
        "the assignment is the signed-in nurse's")
    assert "Case 1 was updated" in window.statusBar().currentMessage()


def test_a_medicare_advantage_extension_asks_its_reason_at_the_field(qtbot, contexts,
                                                                    store_path, monkeypatch):
    """42 CFR 422.568(b)(1)(i): a Medicare Advantage extension only for (A) the enrollee's
    request, (B) evidence from a noncontract provider, (C) extraordinary circumstances. The
    choice appears once the date extends the deadline, OK stays off with the refusal at the
    field until a reason is chosen, and the reason is recorded with the pend."""
    from reviewer_app.core import deadlines

    with reading(store_path.path) as store:
        document = json.loads(cases.case_row(store, 1)["document"])
        del document["oncology"]["expected_survival_months"]
        document["line_of_business"] = "medicare_advantage"
        [doc] = cases.import_documents(store, [("ma-pend.json", json.dumps(document))])
        case = cases.get_case(store, doc.case_id)
    seen = {}

    def pend(cls, parent, snapshot, reviewer, today, now=None):
        dialog = cls(snapshot, reviewer, today, parent, now=now)
        ui = dialog.ui
        due = deadlines.due_at(snapshot.case.received_at, "standard", "medicare_advantage")
        latest = deadlines.latest_needed_by(due)
        ui.neededByEdit.setDate(QDate(latest.year, latest.month, latest.day))
        seen["within_hidden"] = not ui.reasonBox.isVisibleTo(dialog)
        later = latest + dt.timedelta(days=5)
        ui.neededByEdit.setDate(QDate(later.year, later.month, later.day))
        ok = ui.buttons.button(ui.buttons.StandardButton.Ok)
        seen["shown"] = ui.reasonBox.isVisibleTo(dialog)
        seen["choices"] = [ui.reasonCombo.itemData(i) for i in range(ui.reasonCombo.count())]
        seen["words"] = ui.reasonCombo.itemText(2)
        seen["field_error"] = ui.reasonProblemLabel.text()
        seen["ok_without"] = ok.isEnabled()
        seen["accessible"] = ui.reasonCombo.accessibleName()
        seen["buddy"] = ui.reasonLabel.buddy() is ui.reasonCombo
        order, widget = [], ui.neededByEdit
        for _ in range(2):
            widget = widget.nextInFocusChain()
            order.append(widget)
        seen["tab_after_date"] = ui.reasonCombo in order
        ui.reasonCombo.setCurrentIndex(2)
        seen["ok_with"] = ok.isEnabled()
        seen["error_after"] = ui.reasonProblemLabel.isVisibleTo(dialog)
        seen["deadline"] = ui.deadlineLabel.text()
        dialog.show()
        dialog.grab().save(str(store_path.path.parent / "pend-dialog-ma.png"))
        dialog.hide()
        return dialogs.DecisionRequest("pend", info_kept=dialog.kept(),
                                       info_needed_by=dialog.needed_by(),
                                       extension_reason=dialog.extension_reason())

    monkeypatch.setattr(dialogs.PendDialog, "ask", classmethod(pend))
    window = open_window(qtbot, contexts["nurse"], doc.case_id)
    view = view_of(window)
    with qtbot.waitSignal(view.decided, timeout=WAIT_MS):
        view.ui.decisionBar.ui.pendButton.click()
    assert seen["within_hidden"], "no reason is asked while the deadline does not move"
    assert seen["shown"], "422.568(b)(1)(i): the extension asks its reason"
    assert seen["choices"] == [None, "enrollee_request", "noncontract_evidence",
                               "extraordinary"], "(A), (B), (C), and nothing chosen first"
    assert "noncontract" in seen["words"] and "422.568(b)(1)(i)(B)" in seen["words"]
    assert "extension reason must be" in seen["field_error"]
    assert "422.568(b)(1)(i)" in seen["field_error"], "the refusal cites the rule"
    assert not seen["ok_without"] and seen["ok_with"] and not seen["error_after"]
    assert seen["accessible"] and seen["buddy"] and seen["tab_after_date"]
    assert "422.568(b)(1)(i)(B)" in seen["deadline"]
    assert case.line_of_business == "medicare_advantage"
    with reading(store_path.path) as store:
        decision = cases.decisions_for(store, doc.case_id)[-1]
    assert (decision.decision, decision.extension_reason) == ("pend", "noncontract_evidence")
