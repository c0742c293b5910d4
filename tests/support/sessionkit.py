"""Pieces the sign-in, lock, administrator and settings tests share: a case database with an
organization CA, two reviewers and the seed case; the main window behind its session gate, as
``ui/app.py`` starts it; finding the dialogs it opens; and every text a person (or a screen
reader) could read in the visible widgets."""

from __future__ import annotations

from pathlib import Path

from paths import SEED
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from storekit import ADMIN_PASSPHRASE, PASSPHRASE, add_team
from uikit import WAIT_MS, reading

from reviewer_app.core.store import cases

__all__ = ["ADMIN_PASSPHRASE", "PASSPHRASE", "gated", "team_database", "visible_texts",
           "wait_for_window"]

NURSE, PHYSICIAN = "Dana Whitfield, RN", "Sam Okoye, MD"


def team_database(path: Path) -> Path:
    """``path`` with the organization CA, Dana Whitfield, RN (1) and Sam Okoye, MD (2), both
    with the passphrase ``PASSPHRASE``, and the seed case (Daniel Okafor) as case 1."""
    with reading(path, create=True) as store:
        add_team(store)
        cases.import_files(store, [SEED])
    return path


FIRST_ADMIN = "orbit lantern meadow cobalt"
"""The first run's administrator passphrase (strong enough for the estimator)."""
FIRST_OWN = "quiet harbor violet engine"
"""The first reviewer's own passphrase."""


def type_into(edit, text: str) -> None:
    edit.setFocus()
    edit.clear() if hasattr(edit, "clear") else None
    QTest.keyClicks(edit, text)


def first_run_next(wizard) -> None:
    from PySide6.QtWidgets import QWizard

    wizard.button(QWizard.WizardButton.NextButton).click()


def fill_organization(wizard, admin: str = FIRST_ADMIN):
    """The first run's organization page: Lakeside Health Plan, the administrator's passphrase."""
    from reviewer_app.ui.signin.first_run import OrganizationPage

    page = wizard.page_of(OrganizationPage)
    type_into(page.ui.organizationEdit, "Lakeside Health Plan")
    fields = page.ui.adminFields.ui
    type_into(fields.passphraseEdit, admin)
    type_into(fields.againEdit, admin)
    return page


def fill_profile(wizard, *, npi: str, passphrase: str = FIRST_OWN):
    """The first run's profile page: Pat Lee, RN (a nurse, the role first offered)."""
    from reviewer_app.ui.signin.first_run import ProfilePage

    page = wizard.page_of(ProfilePage)
    ui = page.form.ui
    type_into(ui.nameEdit, "Pat Lee")
    type_into(ui.credentialsEdit, "RN")
    type_into(ui.npiEdit, npi)
    type_into(ui.passphraseFields.ui.passphraseEdit, passphrase)
    type_into(ui.passphraseFields.ui.againEdit, passphrase)
    return page


def gated(qtbot, context, *, idle_ms: int | None = None):
    """The main window with its session gate, shown, as ``ui/app.py`` starts it (the gate's
    ``start`` is the caller's)."""
    from reviewer_app.ui.main.window import MainWindow
    from reviewer_app.ui.session.gate import SessionGate

    window = MainWindow(context)
    qtbot.addWidget(window)
    gate = SessionGate(window, context)
    if idle_ms is not None:
        gate.idle.set_idle_ms(idle_ms)
    window.resize(1280, 820)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    return window, gate


def wait_for_window(qtbot, cls: type, timeout: int = WAIT_MS):
    """The visible top-level window of class ``cls``, once it is there."""
    found: list[QWidget] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, cls) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=timeout)
    return found[0]


def sign_in(qtbot, dialog, who: str, passphrase: str = PASSPHRASE) -> None:
    """Choose ``who`` in the sign-in dialog, type the passphrase and press Enter."""
    profiles = dialog.ui.profileList
    row = next(r for r in range(profiles.count()) if profiles.item(r).text().startswith(who))
    profiles.setCurrentRow(row)
    edit = dialog.ui.passphraseEdit
    edit.setFocus()
    QTest.keyClicks(edit, passphrase)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def signed_in_window(qtbot, context, who: str = NURSE, *, idle_ms: int | None = None):
    """The gated window with ``who`` signed in through the sign-in dialog."""
    from reviewer_app.ui.signin.dialog import SignInDialog

    window, gate = gated(qtbot, context, idle_ms=idle_ms)
    gate.start()
    dialog = wait_for_window(qtbot, SignInDialog)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        sign_in(qtbot, dialog, who)
    qtbot.waitUntil(lambda: not gate.locked, timeout=WAIT_MS)
    if idle_ms is not None:
        gate.idle.set_idle_ms(idle_ms)
    return window, gate


def _item_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []

    def count(method, parent) -> int:
        try:
            return method(parent)
        except TypeError:  # a list's or table's own model hides what a flat model needs not
            return 1 if method is model.columnCount else 0

    def walk(parent) -> None:
        for row in range(count(model.rowCount, parent)):
            for column in range(count(model.columnCount, parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if value is not None:
                        texts.append(str(value))
                if column == 0 and count(model.rowCount, index) > 0:
                    walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return texts


def visible_texts() -> list[str]:
    """Every text of every visible widget: labels, fields, buttons, titles, lists and tables
    (each row's text and tooltip), tab names, tooltips and accessible names."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if widget.isWindow():
            texts.append(widget.windowTitle())
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(),
                  widget.statusTip()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            texts += _item_texts(widget)
    return [t for t in texts if t]


def readable(*words: str) -> list[str]:
    """The visible texts that contain any of ``words`` (case-insensitive)."""
    lowered = [w.lower() for w in words]
    return [t for t in visible_texts() if any(w in t.lower() for w in lowered)]
