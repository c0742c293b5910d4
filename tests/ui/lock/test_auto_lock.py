"""Automatic logoff (45 CFR 164.312(a)(2)(iii)): after the idle period every window hides its
patient data behind the lock screen (the case view, the queue, an open intake wizard, a message
box), nothing of the member is readable in any visible widget or title, shortcuts and drops do
nothing, and the passphrase brings every window back as it was, the wizard's draft intact. A
wrong passphrase is refused and recorded."""

from __future__ import annotations

from nurse import Nurse
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sessionkit import NURSE, PASSPHRASE, readable, signed_in_window, wait_for_window
from support.uikit import WAIT_MS, reading

from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.store import audit, drafts
from reviewer_app.ui.intake.wizard import IntakeWizard
from reviewer_app.ui.lock.locker import LOCKED_TITLE

MEMBER = ("Okafor", "Daniel")
TYPED = ("Zelenko", "Irena")
"""A member typed into the wizard, not saved as a case yet."""


def entries(path, action: str) -> list[audit.Entry]:
    with reading(path) as store:
        return [e for e in audit.entries(store, newest_first=False) if e.action == action]


def stored_draft(context, wizard: IntakeWizard) -> DraftDocument:
    with reading(context.database_path) as store:
        return DraftDocument.from_json(drafts.get_draft(store, wizard.session.draft_id).document)


def type_passphrase(qtbot, cover, passphrase: str) -> None:
    edit = cover.ui.passphraseEdit
    edit.setFocus()
    QTest.keyClicks(edit, passphrase)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def open_wizard_with_a_member(qtbot, window) -> IntakeWizard:
    window.intake.new_case()
    wizard = wait_for_window(qtbot, IntakeWizard)
    wizard.activateWindow()
    assert QTest.qWaitForWindowActive(wizard)
    page = wizard.currentPage()
    nurse = Nurse()
    with qtbot.waitSignal(wizard.draft_saved, timeout=WAIT_MS):
        nurse.type(page.fields["member.family_name"], TYPED[0])
    nurse.focus(page.fields["member.given_name"].edit)
    QTest.keyClicks(page.fields["member.given_name"].edit, TYPED[1])  # typed, not committed
    return wizard


def test_idle_lock_hides_every_member_detail_and_the_passphrase_restores_them(
        qtbot, team_context):
    window, gate = signed_in_window(qtbot, team_context, NURSE)
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(1)
    wizard = open_wizard_with_a_member(qtbot, window)
    draft = wizard.document.copy()
    assert readable(*MEMBER) and readable(*TYPED)

    gate.idle.set_idle_ms(300)
    qtbot.waitUntil(lambda: gate.locked, timeout=WAIT_MS)
    assert readable(*MEMBER, *TYPED) == []
    assert window.isVisible() and wizard.isVisible()  # nothing closed
    assert window.windowTitle() == wizard.windowTitle() == LOCKED_TITLE
    covers = gate.locker.covers()
    assert len(covers) == 2
    assert all(c.ui.messageLabel.text().startswith(
        "UR Reviewer locked itself after 1 minute without use.") and NURSE in
        c.ui.messageLabel.text() for c in covers)
    qtbot.waitUntil(lambda: len(entries(team_context.database_path, "lock")) == 1,
                    timeout=WAIT_MS)
    assert entries(team_context.database_path, "lock")[0].details == {"reason": "idle"}

    wizard_cover = next(c for c in covers if c.window() is wizard)
    type_passphrase(qtbot, wizard_cover, "not the passphrase")
    qtbot.waitUntil(lambda: "does not open" in wizard_cover.ui.errorLabel.text(),
                    timeout=WAIT_MS)
    assert gate.locked and readable(*MEMBER, *TYPED) == []
    failed = entries(team_context.database_path, "unlock_failed")
    assert [(e.reviewer_id, e.details["key"]) for e in failed] == [(1, "reviewer key")]

    main_cover = next(c for c in covers if c.window() is window)
    type_passphrase(qtbot, main_cover, PASSPHRASE)
    qtbot.waitUntil(lambda: not gate.locked, timeout=WAIT_MS)
    assert readable(*MEMBER) and readable(*TYPED)
    assert window.windowTitle().startswith("Case 1 ·") and "Okafor" in window.windowTitle()
    assert wizard.windowTitle().endswith("— UR Reviewer") and wizard is window.intake.wizard
    page = wizard.currentPage()
    assert page.fields["member.given_name"].edit.text() == TYPED[1]
    assert wizard.document.get("member.family_name") == TYPED[0]
    expected = draft.copy()
    expected.set("member.given_name", TYPED[1])  # the half-typed field, committed on the lock
    assert wizard.document == expected
    qtbot.waitUntil(lambda: stored_draft(team_context, wizard) == expected, timeout=WAIT_MS)
    resumed = entries(team_context.database_path, "sign_in")
    assert [e.details for e in resumed] == [{}, {"after": "lock"}]
    assert gate.idle.watching


def test_lock_now_keeps_an_open_dialog_and_blocks_shortcuts_and_drops(qtbot, team_context):
    window, gate = signed_in_window(qtbot, team_context, NURSE)
    box = QMessageBox(QMessageBox.Icon.Information, "Case 1", "Daniel Okafor's request",
                      QMessageBox.StandardButton.Ok, window)
    box.open()
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)

    gate.lock_action.trigger()
    assert gate.locked and box.isVisible() and readable(*MEMBER) == []
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(50)
    assert window.intake.wizard is None  # Ctrl+N did nothing
    late = QMessageBox(QMessageBox.Icon.Warning, "Okafor", "Okafor, Daniel: not saved",
                       QMessageBox.StandardButton.Ok, window)
    late.show()  # an operation finishing while locked
    qtbot.waitUntil(lambda: len(gate.locker.covers()) == 3, timeout=WAIT_MS)
    assert readable(*MEMBER) == []
    qtbot.waitUntil(lambda: len(entries(team_context.database_path, "lock")) == 1,
                    timeout=WAIT_MS)
    assert entries(team_context.database_path, "lock")[0].details == {"reason": "manual"}

    box_cover = next(c for c in gate.locker.covers() if c.window() is box)
    type_passphrase(qtbot, box_cover, PASSPHRASE)  # the box in front takes the input
    qtbot.waitUntil(lambda: not gate.locked, timeout=WAIT_MS)
    assert box.isVisible() and box.text() == "Daniel Okafor's request"
    assert late.isVisible() and late.windowTitle() == "Okafor"
    box.done(0)
    late.done(0)


def test_using_the_window_keeps_it_unlocked(qtbot, team_context):
    window, gate = signed_in_window(qtbot, team_context, NURSE, idle_ms=600)
    table = window.queue_page.ui.table
    for _ in range(12):
        QTest.keyClick(table, Qt.Key.Key_Down)
        QTest.qWait(100)
    assert not gate.locked
    qtbot.waitUntil(lambda: gate.locked, timeout=WAIT_MS)
