"""Signing in: the window stays covered until a reviewer signs in with their passphrase (a wrong
one is refused in words at the field and recorded), every store operation is then theirs, and
Switch reviewer and Sign out put the previous reviewer's work away first."""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtWidgets import QApplication
from sessionkit import (
    NURSE,
    PHYSICIAN,
    gated,
    readable,
    sign_in,
    signed_in_window,
    wait_for_window,
)
from support.uikit import WAIT_MS, reading

from reviewer_app.core.store import audit, drafts
from reviewer_app.ui.intake.wizard import IntakeWizard
from reviewer_app.ui.signin.dialog import SignInDialog

MEMBER = ("Okafor", "Daniel")
"""The seed case's member, case 1 of the team database."""


def actions(path, action: str) -> list[audit.Entry]:
    with reading(path) as store:
        return [e for e in audit.entries(store, newest_first=False) if e.action == action]


def test_nothing_of_a_member_shows_until_a_reviewer_signs_in(qtbot, team_context):
    window, gate = gated(qtbot, team_context)
    qtbot.waitUntil(lambda: window.queue_page.model.rowCount() == 1, timeout=WAIT_MS)
    assert gate.locked and window.windowTitle() == "Locked — UR Reviewer"
    assert readable(*MEMBER) == []
    cover = gate.locker.covers()[0]
    assert cover.ui.titleLabel.text() == "Nobody is signed in"

    gate.start()
    dialog = wait_for_window(qtbot, SignInDialog)
    profiles = [dialog.ui.profileList.item(r).text() for r in range(2)]
    assert profiles == [f"{NURSE} — Nurse reviewer", f"{PHYSICIAN} — Physician reviewer"]
    assert readable(*MEMBER) == []

    sign_in(qtbot, dialog, NURSE, "not the passphrase")
    qtbot.waitUntil(lambda: "does not open" in dialog.ui.errorLabel.text(), timeout=WAIT_MS)
    assert dialog.ui.errorLabel.text().startswith(
        f"That passphrase does not open {NURSE}'s signing key.")
    assert "recorded in the audit trail" in dialog.ui.errorLabel.text()
    assert dialog.isVisible() and team_context.session.current is None
    failed = actions(team_context.database_path, "unlock_failed")
    assert [(e.reviewer_id, e.details["key"]) for e in failed] == [(1, "reviewer key")]

    dialog.ui.passphraseEdit.clear()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        sign_in(qtbot, dialog, NURSE)
    qtbot.waitUntil(lambda: not gate.locked, timeout=WAIT_MS)
    assert team_context.reviewer_id == 1 and team_context.session.current.role == "nurse"
    assert gate.who_label.text() == f"Signed in: {NURSE} (nurse)"
    assert window.windowTitle() == "Case queue — UR Reviewer"
    assert readable("Okafor, Daniel")
    assert [e.reviewer_id for e in actions(team_context.database_path, "sign_in")] == [1]


def test_what_the_window_does_is_recorded_as_the_signed_in_reviewer_s(
        qtbot, team_context, seed_case_path):
    window, gate = gated(qtbot, team_context)
    gate.start(opening=str(seed_case_path))
    dialog = wait_for_window(qtbot, SignInDialog)
    assert window.opened_case() is None  # the file waits for someone to sign in
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        sign_in(qtbot, dialog, PHYSICIAN)
    imported = window.opened_case().case_id
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(1)
    path = team_context.database_path
    created = [e for e in actions(path, "create") if e.case_id == imported]
    assert [e.reviewer_id for e in created] == [2]
    assert [e.reviewer_id for e in actions(path, "view") if e.case_id == 1] == [2]


def test_switch_reviewer_puts_the_previous_reviewer_s_work_away(qtbot, team_context,
                                                                 monkeypatch):
    from reviewer_app.ui.intake.wizard import KeepDraftDialog

    monkeypatch.setattr(KeepDraftDialog, "ask", classmethod(lambda cls, parent, what: cls.KEEP))
    window, gate = signed_in_window(qtbot, team_context, NURSE)
    window.intake.new_case()
    wizard = wait_for_window(qtbot, IntakeWizard)
    with qtbot.waitSignal(wizard.draft_saved, timeout=WAIT_MS):
        wizard.commit("member.family_name", "Zelenko")

    gate.switch_action.trigger()
    assert gate.locked and readable("Zelenko", *MEMBER) == []
    dialog = wait_for_window(qtbot, SignInDialog)
    assert dialog.chosen() == 1  # the signed-in reviewer comes first
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        sign_in(qtbot, dialog, PHYSICIAN)
    qtbot.waitUntil(lambda: not gate.locked, timeout=WAIT_MS)
    assert team_context.reviewer_id == 2
    qtbot.waitUntil(lambda: window.intake.wizard is None, timeout=WAIT_MS)
    assert not (shiboken6.isValid(wizard) and wizard.isVisible())
    assert window.ui.pages.currentWidget() is window.queue_page
    with reading(team_context.database_path) as store:
        kept = drafts.list_drafts(store)
        assert [json.loads(drafts.get_draft(store, d.id).document)["member"]["family_name"]
                for d in kept] == ["Zelenko"]
        assert [d.reviewer_id for d in kept] == [1]  # begun by the nurse, still hers


def test_switch_reviewer_cancelled_is_the_same_reviewer_s_lock_screen(qtbot, team_context):
    _window, gate = signed_in_window(qtbot, team_context, NURSE)
    gate.switch_action.trigger()
    dialog = wait_for_window(qtbot, SignInDialog)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.reject()
    cover = gate.locker.covers()[0]
    assert gate.locked and team_context.reviewer_id == 1
    assert cover.ui.titleLabel.text() == "Locked"
    assert NURSE in cover.ui.messageLabel.text()
    assert readable(*MEMBER) == []


def test_sign_out_ends_the_session_and_hides_everything(qtbot, team_context):
    window, gate = signed_in_window(qtbot, team_context, NURSE)
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(1)
    assert readable(*MEMBER)
    gate.sign_out_action.trigger()
    assert team_context.session.current is None and team_context.reviewer_id is None
    assert gate.locked and readable(*MEMBER) == []
    assert window.ui.pages.currentWidget() is window.queue_page
    dialog = wait_for_window(qtbot, SignInDialog)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.reject()
    assert gate.locker.covers()[0].ui.titleLabel.text() == "Nobody is signed in"
    assert not gate.lock_action.isEnabled() and not gate.sign_out_action.isEnabled()
    qtbot.waitUntil(lambda: bool(actions(team_context.database_path, "sign_out")),
                    timeout=WAIT_MS)
    assert [e.reviewer_id for e in actions(team_context.database_path, "sign_out")] == [1]
    assert QApplication.activeModalWidget() is None
