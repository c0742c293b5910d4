"""The intake wizard's keyboard shortcuts, as data, and the window that lists them (F1)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reviewer_app.ui.widgets.shortcuts_dialog import ShortcutsDialog as _Dialog

WIZARD = "Intake wizard"
INTAKE_SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("Alt+N  or  Ctrl+PgDown", "Next page", WIZARD),
    ("Alt+B  or  Ctrl+PgUp", "Previous page", WIZARD),
    ("Ctrl+S", "Go to Review; on the review page, save the case", WIZARD),
    ("F6", "Move to the criteria panel (Tab moves between its links, Enter follows one)",
     WIZARD),
    ("Ctrl+Z  /  Ctrl+Shift+Z", "Undo / redo 'not seen' or removing a study", WIZARD),
    ("Esc", "Close the wizard (you are asked whether to keep the draft)", WIZARD),
    ("F1", "This list", WIZARD),
    ("Enter", "In a code search box: add the highlighted code (Up / Down choose another)",
     "Procedures, diagnoses"),
    ("Alt+Up  /  Alt+Down", "Move the selected code up / down (the first is the primary)",
     "Procedures, diagnoses"),
    ("Delete", "Remove the selected code, or the selected treatment row",
     "Procedures, diagnoses, prior treatment"),
    ("Arrow keys, Space", "Move between levels, choose or clear one", "Level picker"),
    ("Shift+arrow  or  Shift+click", "Choose every level up to there", "Level picker"),
    ("Ctrl+Shift+A", "Add an imaging study", "Imaging"),
    ("Alt+E", "Findings not entered were not seen on this study", "Imaging"),
    ("Insert  or  Ctrl+Enter", "Add a treatment row", "Prior treatment"),
    ("Tab, typing", "Next cell; typing edits it (a letter chooses a treatment or outcome)",
     "Prior treatment"),
    ("Ctrl+Tab", "Leave the treatment table", "Prior treatment"),
)


class ShortcutsDialog:
    @classmethod
    def show_for(cls, parent: QWidget) -> None:
        _Dialog.show_shortcuts(parent, list(INTAKE_SHORTCUTS))
