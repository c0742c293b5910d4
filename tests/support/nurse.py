"""A nurse at the keyboard and mouse, for driving the intake wizard in tests and screenshots.

Every step is a real Qt key or mouse event (``QTest``), and every step is counted:

- ``typed``: a value typed into a field (one per field, however many characters);
- ``chosen``: an option chosen by a keypress (a completer entry with Enter, a combo box item
  by its first letters);
- ``clicks``: every mouse click (focusing a field, opening a list, an item, a radio button, a
  check box, a level, a button);
- ``shortcuts``: a shortcut that does something (Ctrl+N);
- ``navigation``: Tab, select-all and the like, which move or prepare but choose nothing.

A field that Tab has already reached is not clicked again, so the count also shows that the
tab order follows the form.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

from reviewer_app.ui.intake.fields import ChoiceField, Field, TextField, TriStateField

WAIT_MS = 10_000
ACTIONS = ("typed", "chosen", "clicks", "shortcuts")


def wait_until(condition: Callable[[], bool], timeout_ms: int = WAIT_MS) -> None:
    """Process events until ``condition`` holds (tests and plain scripts alike).

    PySide6's ``QTest.qWait`` keeps the GIL while it waits, so a Python worker thread (the
    report reader loading on the thread pool) ran six times slower while a test waited with
    it alone: most of each wait is a ``time.sleep``, which lets the worker run."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout_ms} ms for {condition}")
        QTest.qWait(1)
        time.sleep(0.009)


def settled(window: QWidget, polls: int = 3) -> None:
    """Wait until ``window``'s place on the screen stays the same for ``polls`` looks in a row
    (a popup is shown, then moved and sized): a click aimed before then can miss its item."""
    last, same = None, 0
    deadline = time.monotonic() + WAIT_MS / 1000
    while same < polls and time.monotonic() < deadline:
        now = window.geometry()
        same = same + 1 if now == last else 0
        last = now
        QTest.qWait(1)
        time.sleep(0.009)


class Nurse:
    def __init__(self):
        self.count: Counter[str] = Counter()

    @property
    def actions(self) -> int:
        return sum(self.count[k] for k in ACTIONS)

    def summary(self) -> str:
        parts = ", ".join(f"{self.count[k]} {k}" for k in ACTIONS)
        return (f"{self.actions} user actions ({parts}); "
                f"{self.count['navigation']} navigation keys (Tab, select all)")

    # -- primitives ---------------------------------------------------------------------------
    def click(self, widget: QWidget, pos: QPoint | None = None,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """Press and release as a hand does (a moment apart: popups ignore instant ones)."""
        pos = pos if pos is not None else widget.rect().center()
        QTest.mouseMove(widget, pos)
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, modifier, pos)
        QTest.qWait(20)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, modifier, pos)
        QApplication.processEvents()
        self.count["clicks"] += 1

    def key(self, widget: QWidget, key: Qt.Key,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
            kind: str = "navigation") -> None:
        QTest.keyClick(widget, key, modifier)
        QApplication.processEvents()
        self.count[kind] += 1

    def tab(self) -> None:
        self.key(QApplication.focusWidget(), Qt.Key.Key_Tab)

    def focus(self, widget: QWidget) -> None:
        """Click into ``widget`` unless Tab already brought the focus there."""
        if QApplication.focusWidget() is not widget:
            self.click(widget)

    def type_here(self, text: str, kind: str = "typed") -> None:
        """Type where the keyboard focus is, one key at a time as a keyboard does (in a table,
        the first key opens the cell's editor and the others go to it)."""
        for character in text:
            QTest.keyClicks(QApplication.focusWidget(), character)
        QApplication.processEvents()
        self.count[kind] += 1

    def after_popup(self, widget: QWidget) -> None:
        """The offscreen platform does not give the activation back to the window when a
        popup (a list, a completer) closes, as a window manager does; do it here."""
        window = widget.window()
        if not window.isActiveWindow():
            window.activateWindow()
            assert QTest.qWaitForWindowActive(window)

    # -- fields -------------------------------------------------------------------------------
    def type(self, target: Field | QLineEdit, text: str, *, replace: bool = False) -> None:
        """Type ``text`` into a text field, then Tab on (which commits it)."""
        edit = target.edit if isinstance(target, TextField) else target
        self.focus(edit)
        if replace:
            self.key(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(edit, text)
        self.count["typed"] += 1
        self.tab()

    def write(self, widget: QWidget, text: str) -> None:
        """Type into a multi-line text (a report, the notes), then Tab on."""
        self.focus(widget)
        QTest.keyClicks(widget, text)
        self.count["typed"] += 1
        self.tab()

    def paste(self, widget: QWidget, text: str) -> None:
        """Paste ``text`` into a text box with Ctrl+V (the report copied from a portal or a
        PDF viewer): one value entered, as typing it would be."""
        QApplication.clipboard().setText(text)
        self.focus(widget)
        QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        self.count["typed"] += 1

    def choose(self, target: ChoiceField | QComboBox, text: str) -> None:
        """Choose the item whose text starts with ``text``: by its first letters when Tab has
        brought the focus to the list, else with the mouse (open the list, click the item)."""
        combo = target.combo if isinstance(target, ChoiceField) else target
        row = next(r for r in range(combo.count()) if combo.itemText(r).startswith(text))
        if QApplication.focusWidget() is combo:
            QTest.keyClicks(combo, text)
            self.count["chosen"] += 1
        else:
            self.click(combo)
            opened = time.monotonic()
            view = combo.view()
            wait_until(view.isVisible)
            settled(view.window())  # a loaded machine shows the popup before placing it
            # Qt ignores a release where the list opened until a double-click interval has
            # passed (so the opening click cannot pick an item); a person is slower than that
            blocked = QApplication.doubleClickInterval() / 1000 + 0.05
            wait_until(lambda: time.monotonic() - opened > blocked)
            item = combo.model().index(row, 0)
            view.scrollTo(item)  # a popup cut short by the screen's edge scrolls, as a person would
            rect = view.visualRect(item)
            assert view.viewport().rect().contains(rect.center()), (text, rect)
            self.click(view.viewport(), rect.center())
            self.after_popup(combo)
        assert combo.currentIndex() == row, (combo.currentText(), text)

    def answer(self, field: TriStateField, value: bool | None) -> None:
        self.click(field.button(value))
        assert field.value() is value

    def tick(self, box: QAbstractButton) -> None:
        """Click the box itself (a check box row may be wider than its text)."""
        self.click(box, QPoint(box.height() // 2, box.height() // 2))

    def complete(self, edit: QLineEdit, completer, text: str) -> str:
        """Type into a code search box, wait for the results, take the highlighted one with
        Enter; the code chosen."""
        self.focus(edit)
        chosen: list[str] = []
        shown: list[int] = []
        completer.chosen.connect(chosen.append)
        completer.results_shown.connect(shown.append)
        QTest.keyClicks(edit, text)
        self.count["typed"] += 1
        popup = completer.completer.popup()
        wait_until(lambda: popup.isVisible() and completer.model.rowCount() > 0
                   and edit.text() == text and completer.idle())
        completer.results_shown.disconnect(shown.append)
        self.key(popup, Qt.Key.Key_Return, kind="chosen")
        self.after_popup(edit)
        completer.chosen.disconnect(chosen.append)
        assert chosen, f"nothing chosen for {text!r}"
        return chosen[0]

