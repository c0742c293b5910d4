"""Screenshots of signing in, the lock screen, the administrator's screen and the settings for
``docs/screenshots/`` (offscreen; ``tools/screenshots.py`` runs it after its own, or
``.venv/bin/python tools/screenshots_session.py``).

A new database goes through the first run as a new user would (the organization, the first
profile, the letterhead), then the seed case is opened, the window locked (also over an open
intake wizard), the reviewer signs out and in again (a wrong passphrase first), the
administrator adds a physician, and the settings are shown tab by tab. The passphrases are
typed as a person would; the clock is fixed, so the pictures are the same on every run.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget, QWizard

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer_app.ui.app import create_application  # noqa: E402
from reviewer_app.ui.context import AppContext  # noqa: E402
from reviewer_app.ui.main.window import MainWindow  # noqa: E402
from reviewer_app.ui.session.gate import SessionGate  # noqa: E402
from reviewer_app.ui.settings import workstation  # noqa: E402
from tools.screenshots import (  # noqa: E402
    NOW,
    OUT,
    SEED,
    SIZE,
    TIMEOUT_MS,
    _wait_until,
)
from tools.screenshots import _save as save  # noqa: E402
from tools.screenshots import _settle as settle  # noqa: E402

ADMIN = "orbit lantern meadow cobalt"
OWN = "quiet harbor violet engine"
PHYSICIAN = "tidal quartz meadow lamp"
FOLDER = Path(tempfile.gettempdir()) / "ur-reviewer-screenshots"
"""Where the throw-away database lives: a fixed path, since the sign-in dialog, the first run's
last page and the settings show it (a random temporary name changed the pictures every run)."""


def wait_until(condition: Callable[[], bool]) -> None:
    _wait_until(condition)
    if not condition():
        raise SystemExit(f"screenshots: waited {TIMEOUT_MS} ms for {condition}")


def save_over(window: QWidget, dialog: QWidget, name: str) -> None:
    """The dialog drawn centred over the window, as a desktop shows a window-modal dialog."""
    settle()
    picture = window.grab()
    painter = QPainter(picture)
    shot = dialog.grab()
    ratio = picture.devicePixelRatio()
    width, height = picture.width() / ratio, picture.height() / ratio
    corner = QPoint(int((width - shot.width() / ratio) / 2),
                    int((height - shot.height() / ratio) / 3))
    painter.drawPixmap(corner, shot)
    painter.setPen(QColor("#8a8a8a"))
    painter.drawRect(corner.x() - 1, corner.y() - 1, int(shot.width() / ratio) + 1,
                     int(shot.height() / ratio) + 1)
    painter.end()
    picture.save(str(OUT / f"{name}.png"))
    print((OUT / f"{name}.png").relative_to(ROOT))


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus()
    if hasattr(widget, "clear"):
        widget.clear()
    QTest.keyClicks(widget, text)


def shown(cls: type) -> QWidget:
    found: list[QWidget] = []

    def look() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls)
                    and w.isVisible()]
        return bool(found)

    wait_until(look)
    return found[0]


def first_run(window: MainWindow, gate: SessionGate) -> None:
    from reviewer_app.ui.signin.first_run import (
        FinishPage,
        FirstRunWizard,
        LetterheadPage,
        OrganizationPage,
        ProfilePage,
    )

    gate.start()
    wizard = shown(FirstRunWizard)
    wizard.resize(wizard.width(), int(wizard.height() * 1.05))
    organization = wizard.page_of(OrganizationPage)
    type_into(organization.ui.organizationEdit, "Lakeside Health Plan")
    type_into(organization.ui.adminFields.ui.passphraseEdit, ADMIN)
    type_into(organization.ui.adminFields.ui.againEdit, ADMIN)
    settle(300)
    save_over(window, wizard, "first-run-organization")
    wizard.button(QWizard.WizardButton.NextButton).click()
    profile = wizard.page_of(ProfilePage).form.ui
    type_into(profile.nameEdit, "Pat Lee")
    type_into(profile.credentialsEdit, "RN")
    type_into(profile.npiEdit, "1234567890")
    type_into(profile.passphraseFields.ui.passphraseEdit, "patlee2026")
    settle(300)
    wizard.button(QWizard.WizardButton.NextButton).click()
    save_over(window, wizard, "first-run-profile-refused")
    type_into(profile.npiEdit, "1234567893")
    type_into(profile.passphraseFields.ui.passphraseEdit, OWN)
    type_into(profile.passphraseFields.ui.againEdit, OWN)
    settle(300)
    save_over(window, wizard, "first-run-profile")
    wizard.button(QWizard.WizardButton.NextButton).click()
    letterhead = wizard.page_of(LetterheadPage).form.ui
    for edit, text in ((letterhead.phoneEdit, "1-800-555-0190"),
                       (letterhead.faxEdit, "1-800-555-0191"),
                       (letterhead.appealsPhoneEdit, "1-800-555-0192"),
                       (letterhead.appealsFaxEdit, "1-800-555-0193"),
                       (letterhead.peerEdit, "1-800-555-0194")):
        type_into(edit, text)
    letterhead.addressEdit.setPlainText("Utilization Management\nPO Box 4100\n"
                                        "Madison, WI 53701")
    letterhead.appealsAddressEdit.setPlainText("Appeals Unit, Lakeside Health Plan\n"
                                               "PO Box 4200\nMadison, WI 53701")
    save_over(window, wizard, "first-run-letterhead")
    wizard.button(QWizard.WizardButton.NextButton).click()
    finish = wizard.page_of(FinishPage)
    save_over(window, wizard, "first-run-finish")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_until(lambda: not finish.running and not gate.locked)


def lock_pictures(window: MainWindow, gate: SessionGate, context: AppContext) -> None:
    window.open_case(SEED)
    wait_until(lambda: window.opened_case() is not None)
    settle(300)
    save(window, "signed-in-case")
    gate.lock_now()
    save(window, "lock")
    cover = gate.locker.covers()[0]
    type_into(cover.ui.passphraseEdit, "not my passphrase")
    QTest.keyClick(cover.ui.passphraseEdit, Qt.Key.Key_Return)
    wait_until(lambda: "does not open" in cover.ui.errorLabel.text())
    save(window, "lock-wrong-passphrase")
    type_into(cover.ui.passphraseEdit, OWN)
    QTest.keyClick(cover.ui.passphraseEdit, Qt.Key.Key_Return)
    wait_until(lambda: not gate.locked)
    window.intake.new_case()
    wait_until(lambda: window.intake.wizard is not None)
    wizard = window.intake.wizard
    wizard.resize(1260, 870)
    page = wizard.currentPage()
    for path, text in (("member.family_name", "Okafor"), ("member.given_name", "Daniel")):
        type_into(page.fields[path].edit, text)
    QTest.keyClick(page.fields["member.given_name"].edit, Qt.Key.Key_Tab)
    settle(300)
    save(wizard, "lock-wizard-before")
    gate.lock_now()
    save(wizard, "lock-wizard")
    cover = next(c for c in gate.locker.covers() if c.window() is wizard)
    type_into(cover.ui.passphraseEdit, OWN)
    QTest.keyClick(cover.ui.passphraseEdit, Qt.Key.Key_Return)
    wait_until(lambda: not gate.locked)
    save(wizard, "lock-wizard-after")
    wizard.close_keeping_draft()
    wait_until(lambda: window.intake.wizard is None)


def sign_in_pictures(window: MainWindow, gate: SessionGate) -> None:
    from reviewer_app.ui.signin.dialog import SignInDialog

    gate.sign_out()
    dialog = shown(SignInDialog)
    save_over(window, dialog, "sign-in")
    type_into(dialog.ui.passphraseEdit, "quiet harbour violet engine")
    QTest.keyClick(dialog.ui.passphraseEdit, Qt.Key.Key_Return)
    wait_until(lambda: "does not open" in dialog.ui.errorLabel.text())
    save_over(window, dialog, "sign-in-wrong-passphrase")
    dialog.reject()
    settle(300)
    save(window, "signed-out")
    gate.start()
    dialog = shown(SignInDialog)
    type_into(dialog.ui.passphraseEdit, OWN)
    QTest.keyClick(dialog.ui.passphraseEdit, Qt.Key.Key_Return)
    wait_until(lambda: not gate.locked)


def admin_pictures(window: MainWindow, context: AppContext) -> None:
    from reviewer_app.ui.admin import reviewers_dialog
    from reviewer_app.ui.admin.profile_dialogs import AddReviewerDialog
    from reviewer_app.ui.signin.profile_form import NewProfile

    dialog = reviewers_dialog.ReviewersDialog(context, window)
    dialog.show()
    type_into(dialog.ui.adminEdit, "not the administrator's")
    QTest.keyClick(dialog.ui.adminEdit, Qt.Key.Key_Return)
    wait_until(lambda: dialog.ui.adminError.text() != "")
    save(dialog, "reviewers-refused")
    type_into(dialog.ui.adminEdit, ADMIN)
    QTest.keyClick(dialog.ui.adminEdit, Qt.Key.Key_Return)
    wait_until(lambda: dialog.ui.table.rowCount() == 1)
    add = AddReviewerDialog(dialog)
    add.show()
    form = add.form.ui
    type_into(form.nameEdit, "Maria Chen")
    type_into(form.credentialsEdit, "MD")
    form.roleCombo.setCurrentIndex(1)
    type_into(form.npiEdit, "1234567893")
    for edit in (form.passphraseFields.ui.passphraseEdit, form.passphraseFields.ui.againEdit):
        type_into(edit, "password1")
    add.buttons.accepted.emit()
    settle(300)
    save(add, "reviewers-add-weak")
    for edit in (form.passphraseFields.ui.passphraseEdit, form.passphraseFields.ui.againEdit):
        type_into(edit, PHYSICIAN)
    settle(300)
    add.close()
    profile = NewProfile("Maria Chen", "MD", "physician", "1234567893", PHYSICIAN)
    asking = AddReviewerDialog.ask
    AddReviewerDialog.ask = classmethod(lambda cls, parent: profile)  # as typed above
    try:
        dialog.ui.addButton.click()
    finally:
        AddReviewerDialog.ask = asking
    wait_until(lambda: dialog.ui.table.rowCount() == 2)
    dialog.ui.table.selectRow(1)
    save(dialog, "reviewers")
    dialog.close()


def settings_pictures(window: MainWindow, context: AppContext, folder: Path) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from reviewer_app.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(context, window)
    dialog.show()
    wait_until(lambda: dialog.ui.buttons.button(
        QDialogButtonBox.StandardButton.Save).isEnabled())
    dialog.ui.folderEdit.setText(str(folder / "backups"))
    for index, name in enumerate(("settings-letterhead", "settings-letters",
                                  "settings-workstation")):
        dialog.ui.tabs.setCurrentIndex(index)
        save(dialog, name)
    dialog.close()


def status_picture(window: MainWindow) -> None:
    settle(300)
    bar = window.statusBar()
    picture = window.grab()
    ratio = picture.devicePixelRatio()
    top = int(bar.geometry().top() * ratio)
    height = int(bar.height() * ratio)
    picture.copy(0, top, picture.width(), height).save(str(OUT / "status-backup.png"))
    print((OUT / "status-backup.png").relative_to(ROOT))


def session_pictures() -> None:
    shutil.rmtree(FOLDER, ignore_errors=True)
    (FOLDER / "backups").mkdir(parents=True)
    try:
        _session_pictures(FOLDER)
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)


def _session_pictures(folder: Path) -> None:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext.create(folder / "cases.sqlite3", settings=settings, clock=lambda: NOW)
    window = MainWindow(context)
    gate = SessionGate(window, context)
    window.resize(*SIZE)
    window.show()
    settle(300)
    save(window, "first-run-covered")
    first_run(window, gate)
    lock_pictures(window, gate, context)
    status_picture(window)
    sign_in_pictures(window, gate)
    admin_pictures(window, context)
    workstation.save(settings, idle=10, folder=folder / "backups", daily=False)
    settings_pictures(window, context, folder)
    window.close()
    context.close()
    QApplication.processEvents()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    session_pictures()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
