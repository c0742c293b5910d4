"""The intake wizard's keyboard shortcuts, as data, registered with the window's list (Help >
Keyboard shortcuts) and shown on their own by the wizard's F1."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reviewer_app.ui.widgets.shortcuts import ShortcutRegistry, ShortcutsDialog

WIZARD = "Intake wizard"
INTAKE_SHORTCUTS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("Alt+N", "Ctrl+PgDown"), "Next page", WIZARD),
    (("Alt+B", "Ctrl+PgUp"), "Previous page", WIZARD),
    (("Ctrl+S",), "Go to Review; on the review page, save the case", WIZARD),
    (("F6",), "Move to the criteria panel (Tab moves between its links, Enter follows one)",
     WIZARD),
    (("Ctrl+Z", "Ctrl+Shift+Z"), "Undo / redo 'not seen' or removing a study", WIZARD),
    (("Esc",), "Close the wizard (you are asked whether to keep the draft)", WIZARD),
    (("F1",), "The keyboard shortcuts", WIZARD),
    (("Enter",), "In a code search box: add the highlighted code (Up / Down choose another)",
     "Intake: procedures, diagnoses"),
    (("Alt+Up", "Alt+Down"), "Move the selected code up / down (the first is the primary)",
     "Intake: procedures, diagnoses"),
    (("Delete",), "Remove the selected code, or the selected treatment row",
     "Intake: procedures, diagnoses, prior treatment"),
    (("Arrow keys, Space",), "Move between levels, choose or clear one", "Intake: level picker"),
    (("Shift+arrow", "Shift+click"), "Choose every level up to there", "Intake: level picker"),
    (("Typing a level",), "Go to that level (\"t12\", \"l2\"), then Space to choose it",
     "Intake: level picker"),
    (("Ctrl+Shift+A",), "Add an imaging study", "Intake: imaging"),
    (("Alt+E",), "Findings not entered were not seen on this study", "Intake: imaging"),
    (("Insert", "Ctrl+Enter"), "Add a treatment row", "Intake: prior treatment"),
    (("Tab, typing",), "Next cell; typing edits it (a letter chooses a treatment or outcome)",
     "Intake: prior treatment"),
    (("Ctrl+Tab",), "Leave the treatment table", "Intake: prior treatment"),
)


def register(registry: ShortcutRegistry) -> None:
    """Add the wizard's keys (they act inside the wizard, so they never conflict with the
    window's actions)."""
    for keys, description, where in INTAKE_SHORTCUTS:
        registry.add_keys(where, keys, description)


def show_intake_shortcuts(parent: QWidget) -> None:
    """The wizard's F1: its own keys."""
    registry = ShortcutRegistry()
    register(registry)
    ShortcutsDialog.show_for(registry, parent)
