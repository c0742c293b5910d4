"""The lock screen laid over a window's hidden contents: who is signed in and the passphrase
field (locked), or "Nobody is signed in" with Sign in (signed out). Every covered window has
one, so the passphrase can be typed in whichever window is in front (a modal dialog keeps the
main window from taking input)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.forms.ui_lock_cover import Ui_LockCover
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.field_problem import show_problem

TITLE_POINTS = 1.5
PANEL_EM = 46
"""The panel's width in average character widths."""


class LockCover(QWidget):
    unlock_requested = Signal(str)
    """The passphrase typed (Unlock or Enter)."""
    sign_in_requested = Signal()
    switch_requested = Signal()
    sign_out_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LockCover()
        self.ui.setupUi(self)
        self.setObjectName("lockCover")
        font = self.ui.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * TITLE_POINTS)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        self.ui.panel.setMinimumWidth(self.fontMetrics().averageCharWidth() * PANEL_EM)
        self.ui.panel.setMaximumWidth(self.fontMetrics().averageCharWidth() * PANEL_EM * 3 // 2)
        show_problem(self.ui.errorLabel, None)
        self.ui.unlockButton.clicked.connect(self._on_unlock_clicked)
        self.ui.passphraseEdit.returnPressed.connect(self._on_unlock_clicked)
        self.ui.signInButton.clicked.connect(self._on_sign_in_clicked)
        self.ui.switchButton.clicked.connect(self._on_switch_clicked)
        self.ui.signOutButton.clicked.connect(self._on_sign_out_clicked)
        self.ui.quitButton.clicked.connect(self._on_quit_clicked)
        self.show_signed_out()

    def show_locked(self, reviewer: str, why: str) -> None:
        """Locked while ``reviewer`` is signed in; ``why`` says what locked it."""
        ui = self.ui
        ui.titleLabel.setText("Locked")
        ui.messageLabel.setText(
            f"{why} Patient information is hidden until {reviewer} enters their passphrase; "
            "the work you had open is kept as it was.")
        self._show_controls(locked=True)
        self.set_busy(False)

    def show_signed_out(self, why: str = "") -> None:
        ui = self.ui
        ui.titleLabel.setText("Nobody is signed in")
        ui.messageLabel.setText(
            (f"{why} " if why else "") + "Patient information stays hidden until a reviewer "
            "signs in with their profile and passphrase.")
        self._show_controls(locked=False)
        self.set_busy(False)

    def show_problem(self, text: str | None) -> None:
        show_problem(self.ui.errorLabel, text)
        if text:
            self.ui.passphraseEdit.selectAll()
            self.ui.passphraseEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        """While the passphrase is checked (it takes a moment: the key file is PBKDF2)."""
        for widget in (self.ui.passphraseEdit, self.ui.unlockButton, self.ui.switchButton,
                       self.ui.signOutButton):
            widget.setEnabled(not busy)
        if busy:
            show_problem(self.ui.errorLabel, None)

    def focus_field(self) -> None:
        target = self.ui.passphraseEdit if self.ui.passphraseEdit.isVisibleTo(self) \
            else self.ui.signInButton
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_controls(self, *, locked: bool) -> None:
        ui = self.ui
        for widget in (ui.passphraseLabel, ui.passphraseEdit, ui.unlockButton, ui.switchButton,
                       ui.signOutButton):
            widget.setVisible(locked)
        ui.signInButton.setVisible(not locked)
        ui.quitButton.setVisible(not locked)
        ui.unlockButton.setDefault(locked)
        ui.signInButton.setDefault(not locked)
        ui.passphraseEdit.clear()
        show_problem(ui.errorLabel, None)

    def _on_unlock_clicked(self) -> None:
        passphrase = self.ui.passphraseEdit.text()
        if not passphrase:
            self.show_problem("Type your passphrase first.")
            return
        emit(self.unlock_requested, passphrase)

    def _on_sign_in_clicked(self) -> None:
        emit(self.sign_in_requested)

    def _on_switch_clicked(self) -> None:
        emit(self.switch_requested)

    def _on_sign_out_clicked(self) -> None:
        emit(self.sign_out_requested)

    def _on_quit_clicked(self) -> None:
        emit(self.quit_requested)
