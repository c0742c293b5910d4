"""The administrator's screen: nothing before the administrator's passphrase (a wrong one is
refused in words and recorded), then adding a reviewer (a weak passphrase refused with the
estimator's own reason), changing a role and giving a new key, each through the organization
CA; the signed-in reviewer's own session follows their new certificate or key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sessionkit import ADMIN_PASSPHRASE, NURSE, PASSPHRASE
from support.uikit import WAIT_MS, reading

from reviewer_app.core.store import audit
from reviewer_app.core.store.records import list_reviewers
from reviewer_app.core.store.reviewers import authorized, unlock_reviewer
from reviewer_app.ui.admin.profile_dialogs import AddReviewerDialog, NewKeyDialog, RoleDialog
from reviewer_app.ui.admin.reviewers_dialog import ReviewersDialog
from reviewer_app.ui.session.operations import sign_in
from reviewer_app.ui.signin.profile_form import NewProfile

NEW = NewProfile("Jordan Park", "MD", "physician", "1234567893", "tidal quartz meadow lamp")


def open_dialog(qtbot, context) -> ReviewersDialog:
    dialog = ReviewersDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def unlock(qtbot, dialog: ReviewersDialog, passphrase: str = ADMIN_PASSPHRASE) -> None:
    edit = dialog.ui.adminEdit
    edit.clear()
    QTest.keyClicks(edit, passphrase)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def rows(dialog: ReviewersDialog) -> list[tuple[str, ...]]:
    table = dialog.ui.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def unlocked(qtbot, context) -> ReviewersDialog:
    dialog = open_dialog(qtbot, context)
    unlock(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.ui.table.rowCount() == 2, timeout=WAIT_MS)
    return dialog


def wait_done(qtbot, dialog: ReviewersDialog, words: str) -> None:
    qtbot.waitUntil(lambda: words in dialog.ui.statusLabel.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.ui.addButton.isEnabled(), timeout=WAIT_MS)


def test_nothing_is_possible_without_the_administrator_s_passphrase(qtbot, team_context):
    dialog = open_dialog(qtbot, team_context)
    assert dialog.ui.pages.currentWidget() is dialog.ui.unlockPage
    assert not dialog.unlocked
    assert not any(b.isEnabled() for b in (dialog.ui.addButton, dialog.ui.roleButton,
                                           dialog.ui.keyButton))
    unlock(qtbot, dialog, PASSPHRASE)  # a reviewer's passphrase is not the administrator's
    qtbot.waitUntil(lambda: dialog.ui.adminError.text() != "", timeout=WAIT_MS)
    assert dialog.ui.adminError.text() == (
        "Refused: that is not the administrator's passphrase (it does not open the "
        "organization CA). The failed attempt is recorded in the audit trail.")
    assert not dialog.unlocked and dialog.ui.pages.currentWidget() is dialog.ui.unlockPage
    with reading(team_context.database_path) as store:
        failed = [e.details for e in audit.entries(store) if e.action == "unlock_failed"]
    assert failed == [{"key": "organization CA", "key_id": None}]


def test_the_unlocked_screen_lists_the_profiles_as_their_certificates_state_them(
        qtbot, team_context):
    dialog = unlocked(qtbot, team_context)
    listed = rows(dialog)
    assert [r[:4] for r in listed] == [("Dana Whitfield", "RN", "Nurse reviewer", ""),
                                       ("Sam Okoye", "MD", "Physician reviewer", "")]
    assert all(r[4] for r in listed)  # valid until
    dialog.close()
    assert not dialog.unlocked  # the CA is dropped with the screen


def test_add_a_reviewer(qtbot, team_context, monkeypatch):
    dialog = unlocked(qtbot, team_context)
    monkeypatch.setattr(AddReviewerDialog, "ask", classmethod(lambda cls, parent: NEW))
    dialog.ui.addButton.click()
    wait_done(qtbot, dialog, "Jordan Park, MD was added as a physician (reviewer 3)")
    qtbot.waitUntil(lambda: dialog.ui.table.rowCount() == 3, timeout=WAIT_MS)
    assert rows(dialog)[2][:4] == ("Jordan Park", "MD", "Physician reviewer", "1234567893")
    with reading(team_context.database_path) as store:
        assert authorized(store, 3).role == "physician"
        assert unlock_reviewer(store, 3, NEW.passphrase).name == "Jordan Park, MD"


def test_a_weak_passphrase_is_refused_with_the_estimator_s_reason(qtbot):
    add = AddReviewerDialog()
    qtbot.addWidget(add)
    add.show()
    ui = add.form.ui
    QTest.keyClicks(ui.nameEdit, "Jordan Park")
    QTest.keyClicks(ui.credentialsEdit, "MD")
    for edit in (ui.passphraseFields.ui.passphraseEdit, ui.passphraseFields.ui.againEdit):
        QTest.keyClicks(edit, "password1")
    add.buttons.accepted.emit()
    assert add.isVisible() and add.result() == 0
    assert ui.passphraseFields.ui.errorLabel.text() == (
        "Refused: the passphrase is too easy to guess (strength 0 of 4; at least 3 is needed): "
        "This is a very common password. Add another word or two. Uncommon words are better. "
        "A few uncommon words together make a strong one.")
    qtbot.waitUntil(lambda: "Strength 0 of 4" in ui.passphraseFields.ui.strengthLabel.text(),
                    timeout=WAIT_MS)
    assert "This is a very common password." in ui.passphraseFields.ui.strengthLabel.text()


def test_change_a_role(qtbot, team_context, monkeypatch):
    dialog = unlocked(qtbot, team_context)
    dialog.ui.table.selectRow(0)
    monkeypatch.setattr(RoleDialog, "ask", classmethod(lambda cls, parent, who, current:
                                                       "physician"))
    dialog.ui.roleButton.click()
    wait_done(qtbot, dialog, "Dana Whitfield, RN is a physician from now on")
    qtbot.waitUntil(lambda: rows(dialog)[0][2] == "Physician reviewer", timeout=WAIT_MS)
    with reading(team_context.database_path) as store:
        assert authorized(store, 1).role == "physician"
    monkeypatch.setattr(RoleDialog, "ask", classmethod(lambda cls, parent, who, current:
                                                       "physician"))
    dialog.ui.table.selectRow(1)
    dialog.ui.roleButton.click()  # Sam is one already: the core says so
    qtbot.waitUntil(lambda: "already a physician" in dialog.ui.statusLabel.text(),
                    timeout=WAIT_MS)
    assert dialog.ui.statusLabel.text() == (
        "Refused: reviewer 2 (Sam Okoye, MD) is already a physician; nothing was changed.")


def test_the_signed_in_reviewer_s_session_follows_a_role_change_and_a_new_key(
        qtbot, team_context, monkeypatch):
    with reading(team_context.database_path) as store:
        team_context.session.sign_in(sign_in(store, 1, PASSPHRASE))
    key_before = team_context.session.current.unlocked.key_id
    dialog = unlocked(qtbot, team_context)
    dialog.ui.table.selectRow(0)
    monkeypatch.setattr(RoleDialog, "ask", classmethod(lambda cls, parent, who, current:
                                                       "physician"))
    with qtbot.waitSignal(team_context.session.changed, timeout=WAIT_MS):
        dialog.ui.roleButton.click()
    current = team_context.session.current
    assert current.role == "physician" and current.unlocked.key_id != key_before
    wait_done(qtbot, dialog, "is a physician from now on")

    monkeypatch.setattr(NewKeyDialog, "ask", classmethod(lambda cls, parent, who:
                                                         "a brand new kestrel passphrase"))
    dialog.ui.table.selectRow(0)
    dialog.ui.keyButton.click()
    wait_done(qtbot, dialog, f"{NURSE} has a new signing key")
    renewed = team_context.session.current
    with reading(team_context.database_path) as store:
        assert unlock_reviewer(store, 1, "a brand new kestrel passphrase").key_id == \
            renewed.unlocked.key_id
        assert [r.name for r in list_reviewers(store)] == ["Dana Whitfield", "Sam Okoye"]
