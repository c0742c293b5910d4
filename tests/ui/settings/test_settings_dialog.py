"""File › Settings: the organization's letterhead, plan contacts, approval validity and trust
roots saved beside the database exactly as the command line reads them (a rendered letter
prints them), the workstation's lock time and backups in QSettings, a letterhead the letters'
check refuses is shown by field and nothing is written, and Back up now with the
administrator's passphrase."""

from __future__ import annotations

import dataclasses
import subprocess

from poppler import tool
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QDialogButtonBox, QLabel
from sessionkit import ADMIN_PASSPHRASE
from support.uikit import WAIT_MS, reading

from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.settings import load_settings, settings_path
from reviewer_app.core.store import audit
from reviewer_app.core.store.authority import pin_path
from reviewer_app.ui.settings import dialog as settings_dialog
from reviewer_app.ui.settings import workstation
from reviewer_app.ui.settings.dialog import AdminPassphrase, FileChoice, SettingsDialog


def opened(qtbot, context) -> SettingsDialog:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(save.isEnabled, timeout=WAIT_MS)
    return dialog


def save(qtbot, dialog: SettingsDialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` as a person does: keys for ASCII, and an accented letter committed by the
    input method (a dead key or compose sequence; QTest's key clicks are ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def letter_text(pdf: bytes) -> str:
    result = subprocess.run([tool("pdftotext"), "-raw", "-enc", "UTF-8", "-", "-"],
                            input=pdf, capture_output=True, check=True)
    return " ".join(result.stdout.decode("utf-8").split())


def test_settings_are_saved_and_read_back_as_letters_use_them(qtbot, team_context, tmp_path,
                                                              monkeypatch):
    root = tmp_path / "roots" / "partner-ca.pem"
    root.parent.mkdir()
    root.write_bytes(pin_path(team_context.database_path).read_bytes())
    monkeypatch.setattr(FileChoice, "certificate", classmethod(lambda cls, parent: root))
    backups = tmp_path / "backups"
    backups.mkdir()
    dialog = opened(qtbot, team_context)
    form = dialog.ui.letterheadForm.ui
    assert form.organizationEdit.text() == "Example Health Plan"  # the shipped letterhead
    form.organizationEdit.setText("Lakeside Health Plan")
    form.phoneEdit.setText("1-800-555-0199")
    form.ttyEdit.setText("1-800-555-0197")
    form.appealsAddressEdit.setPlainText("Appeals, Lakeside Health Plan\nPO Box 77\n"
                                         "Madison, WI 53701")
    form.peerEdit.setText("1-800-555-0198")
    dialog.ui.validitySpin.setValue(45)
    dialog.ui.addRootButton.click()
    dialog.ui.idleSpin.setValue(3)
    dialog.ui.folderEdit.setText(str(backups))
    dialog.ui.autoBackupCheck.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save(qtbot, dialog)
    assert dialog.result() == 1

    database = team_context.database_path
    settings = load_settings(database)  # as `letter` and `verify` read them
    assert settings.validity_days == 45 and settings.trust_roots == (root,)
    assert settings.letterhead == database.parent / "letterhead.yaml"
    assert "trust_roots:\n- roots/partner-ca.pem" in settings_path(database).read_text()
    letterhead = settings.load_letterhead()
    assert letterhead.appeals.address == ("Appeals, Lakeside Health Plan", "PO Box 77",
                                          "Madison, WI 53701")
    assert workstation.idle_minutes(team_context.settings) == 3
    assert workstation.backup_folder(team_context.settings) == backups
    assert workstation.daily_backup(team_context.settings)

    approval = dataclasses.replace(request_for("approval"), validity_days=settings.validity_days)
    text = letter_text(render_letter(approval, letterhead).pdf)
    assert "Lakeside Health Plan" in text and "1-800-555-0199" in text
    assert "1-800-555-0197" in text  # the TTY
    assert f"{approval.valid_until:%B} {approval.valid_until.day}, {approval.valid_until.year}" \
        in text
    adverse = letter_text(render_letter(request_for("adverse", "member"), letterhead).pdf)
    assert "PO Box 77" in adverse and "1-800-555-0198" in adverse

    again = opened(qtbot, team_context)
    assert again.ui.letterheadForm.ui.organizationEdit.text() == "Lakeside Health Plan"
    assert again.ui.validitySpin.value() == 45 and again.ui.idleSpin.value() == 3
    assert again.trust_roots() == (root,)
    assert again.ui.autoBackupCheck.isChecked()


def test_a_letterhead_the_letters_refuse_is_shown_and_nothing_is_written(qtbot, team_context):
    dialog = opened(qtbot, team_context)
    form = dialog.ui.letterheadForm.ui
    form.organizationEdit.setText("Lakeside \U0001d518 Plan")  # a letter the font lacks
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: "cannot draw" in form.problemsLabel.text(), timeout=WAIT_MS)
    assert form.problemsLabel.text() == (
        "Not saved: Organization: the letter font cannot draw \U0001d518")
    assert dialog.isVisible()
    assert not settings_path(team_context.database_path).exists()
    form.organizationEdit.setText("Lakeside Health Plan")
    form.phoneEdit.clear()
    save(qtbot, dialog)
    assert form.problemsLabel.text() == "Not saved: Phone: required (letters print it)"


def test_back_up_now_needs_the_administrator_s_passphrase(qtbot, team_context, tmp_path,
                                                           monkeypatch):
    backups = tmp_path / "backups"
    backups.mkdir()
    dialog = opened(qtbot, team_context)
    dialog.ui.folderEdit.setText(str(backups))
    monkeypatch.setattr(AdminPassphrase, "ask", classmethod(lambda cls, parent, why: "wrong"))
    dialog.ui.backupNowButton.click()
    qtbot.waitUntil(lambda: "Not backed up" in dialog.ui.backupStatus.text(), timeout=WAIT_MS)
    assert "not the administrator's passphrase" in dialog.ui.backupStatus.text()
    assert list(backups.iterdir()) == []

    monkeypatch.setattr(AdminPassphrase, "ask",
                        classmethod(lambda cls, parent, why: ADMIN_PASSPHRASE))
    dialog.ui.backupNowButton.click()
    qtbot.waitUntil(lambda: "Backed up to" in dialog.ui.backupStatus.text(), timeout=WAIT_MS)
    [copy] = list(backups.iterdir())
    assert str(copy) in dialog.ui.backupStatus.text()
    assert "(less than an hour ago)" in dialog.ui.lastBackupValue.text()
    with reading(team_context.database_path) as store:
        recorded = [e.details for e in audit.entries(store, newest_first=False)
                    if e.action == "backup"]
    assert recorded[0] == {"destination": str(copy.absolute()), "checkpoint": True}
    assert recorded[1]["sha256"] and recorded[1]["destination"] == str(copy.absolute())
    with reading(copy) as store:
        assert audit.verify_audit(store).ok
    assert settings_dialog.DATABASE_HINT in dialog.ui.databaseHint.text()


def test_the_spanish_free_texts_are_saved_and_printed_in_spanish_letters(qtbot, team_context):
    """Each free text has a field per letter language (accessible-named, in tab order after the
    peer-to-peer phone and the fair hearing window); a Spanish member letter prints what was
    typed in the Spanish one."""
    from reviewer_app.core.letters.letterhead import FREE_TEXTS
    from reviewer_app.ui.settings.letterhead_form import TEXTS

    assert tuple(TEXTS) == FREE_TEXTS
    dialog = opened(qtbot, team_context)
    form = dialog.ui.letterheadForm
    order = [form.text_edit(key, language) for key in FREE_TEXTS for language in ("en", "es")]
    assert [edit.accessibleName() for edit in order[:2]] == [
        "Plan provision in English", "Plan provision in Spanish (Español)"]
    chain, widget = [], form.ui.peerEdit
    while len(chain) <= len(order):
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None and (
                not isinstance(widget.parent(), QAbstractSpinBox)):
            chain.append(widget)
    assert chain == [form.ui.fairHearingSpin, *order]

    english = "Certificate of Coverage, section 7.3"
    spanish = "el Certificado de Cobertura, sección 7.3"
    type_text(qtbot, form.text_edit("plan_provision", "en"), english)
    type_text(qtbot, form.text_edit("plan_provision", "es"), spanish)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save(qtbot, dialog)

    letterhead = load_settings(team_context.database_path).load_letterhead()
    assert letterhead.plan_provision == {"en": english, "es": spanish}
    text = letter_text(render_letter(request_for("adverse", "member", "commercial", "es"),
                                     letterhead).pdf)
    assert f"Basamos esta decisión en {spanish}." in text and english not in text
    again = opened(qtbot, team_context)
    assert again.ui.letterheadForm.text_edit("plan_provision", "es").text() == spanish


def test_an_english_text_in_the_spanish_field_is_marked_at_the_field(qtbot, team_context):
    dialog = opened(qtbot, team_context)
    form = dialog.ui.letterheadForm
    form.text_edit("consumer_assistance", "es").setText(
        "the office of consumer assistance in your state, 1-877-527-9431")
    save(qtbot, dialog)
    problem = form.findChild(QLabel, "consumer_assistance_esProblem")
    qtbot.waitUntil(lambda: "reads as English" in problem.text(), timeout=WAIT_MS)
    assert problem.isVisibleTo(dialog)
    assert form.text_edit("consumer_assistance", "es").hasFocus()
    assert form.ui.problemsLabel.text().startswith(
        "Not saved: Consumer assistance in Spanish (Español): reads as English")
    assert not settings_path(team_context.database_path).exists()


def test_the_states_fair_hearing_window_is_typed_saved_and_printed(qtbot, team_context):
    """42 CFR 438.408(f)(2): the State sets 90 to 120 days; the field offers nothing else."""
    dialog = opened(qtbot, team_context)
    spin = dialog.ui.letterheadForm.ui.fairHearingSpin
    assert (spin.minimum(), spin.maximum(), spin.value()) == (90, 120, 120)
    assert spin.accessibleName() == "Medicaid fair hearing window in days"
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "95")
    assert spin.value() == 95
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save(qtbot, dialog)
    letterhead = load_settings(team_context.database_path).load_letterhead()
    assert letterhead.medicaid_fair_hearing_days == 95
    text = letter_text(render_letter(request_for("adverse", "member", "medicaid", "en"),
                                     letterhead).pdf)
    assert "within 95 days of the date of our appeal letter" in text
    assert opened(qtbot, team_context).ui.letterheadForm.ui.fairHearingSpin.value() == 95
