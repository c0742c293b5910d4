"""A level picker: C1-S5 as toggles in four rows, never free text.

Mouse: a click toggles a level; Shift+click selects every level from the last one clicked.
Keyboard: Tab enters the picker once (at the first chosen level), the arrow keys move between
levels, typing a level's name goes to it ("l2", "t12": type-ahead, as in a list), Space toggles,
Shift+arrow extends the selection; Tab leaves.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from reviewer_app.core.levels import LEVELS, describe_levels
from reviewer_app.ui.intake.fields import Field

ROWS = (
    ("Cervical", [level for level in LEVELS if level[0] == "C"]),
    ("Thoracic", [level for level in LEVELS if level[0] == "T"]),
    ("Lumbar", [level for level in LEVELS if level[0] == "L"]),
    ("Sacral", [level for level in LEVELS if level[0] == "S"]),
)
CHOSEN_STYLE = (
    "QToolButton:checked { background-color: palette(highlight); "
    "color: palette(highlighted-text); font-weight: bold; "
    "border: 1px solid palette(shadow); border-radius: 3px; padding: 2px; }"
)
"""A chosen level must be plain at a glance, in the light and the dark palette alike."""
_MOVES = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0),
          Qt.Key.Key_Down: (1, 0)}


class LevelPicker(Field):
    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.grid = QWidget(self)
        layout = QGridLayout(self.grid)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(2)
        layout.setVerticalSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        self._places: dict[str, tuple[int, int]] = {}
        self._anchor: str | None = None
        width = self.fontMetrics().horizontalAdvance("T12") + 10
        for row, (name, levels) in enumerate(ROWS):
            layout.addWidget(QLabel(name, self.grid), row, 0)
            for column, level in enumerate(levels, start=1):
                button = QToolButton(self.grid)
                button.setText(level)
                button.setCheckable(True)
                button.setAutoRaise(False)
                button.setMinimumWidth(width)
                button._accessible_name = f"Level {level}"
                button.installEventFilter(self)
                button.clicked.connect(lambda _c=False, lv=level: self._on_level_clicked(lv))
                layout.addWidget(button, row, column)
                self.buttons[level] = button
                self._places[level] = (row, column)
        self.summary = QLabel(self.grid)
        self.summary.setObjectName("levelSummary")
        layout.addWidget(self.summary, 4, 0, 1, 13)
        layout.setColumnStretch(13, 1)
        self.grid.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.grid.setStyleSheet(CHOSEN_STYLE)
        self._finish_layout(self.grid)
        self._show_summary()
        self._tab_stop(self.focus_target())

    def focus_target(self) -> QWidget:
        chosen = [lv for lv in LEVELS if self.buttons[lv].isChecked()]
        return self.buttons[chosen[0] if chosen else "L1"]

    def accessible_controls(self) -> list[QWidget]:
        return [self.grid, *self.buttons.values()]

    def chosen(self) -> list[str]:
        return [level for level in LEVELS if self.buttons[level].isChecked()]

    def value(self) -> Any:
        return self.chosen() or None

    def _show(self, value: Any) -> None:
        levels = set(value) if isinstance(value, list) else set()
        for level, button in self.buttons.items():
            button.setChecked(level in levels)
        self._show_summary()
        self._tab_stop(self.focus_target())

    def _show_summary(self) -> None:
        chosen = self.chosen()
        self.summary.setText(f"Chosen: {describe_levels(chosen)}" if chosen else
                             "None chosen (click a level; Shift+click for a range)")
        self.grid.setAccessibleDescription(
            f"{self._description}. Chosen: {self.summary.text()}")

    def _on_level_clicked(self, level: str) -> None:
        modifiers = self._modifiers
        self._modifiers = Qt.KeyboardModifier.NoModifier
        if modifiers & Qt.KeyboardModifier.ShiftModifier and self._anchor:
            self._select_range(self._anchor, level)
        self._anchor = level
        self._tab_stop(self.buttons[level])
        self._changed()

    _modifiers = Qt.KeyboardModifier.NoModifier

    def _select_range(self, start: str, end: str) -> None:
        low, high = sorted((LEVELS.index(start), LEVELS.index(end)))
        for level in LEVELS[low:high + 1]:
            self.buttons[level].setChecked(True)

    def _tab_stop(self, current: QToolButton) -> None:
        """One tab stop for the whole picker: the level with the focus (else the first
        chosen); the arrow keys reach the others."""
        for button in self.buttons.values():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is current
                                  else Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(current)

    def _changed(self) -> None:
        self._show_summary()
        self.commit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QToolButton):
            if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                self._modifiers = event.modifiers()
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(watched, event)
        return super().eventFilter(watched, event)

    _typed, _typed_at = "", 0.0

    def _type_ahead(self, event: QKeyEvent) -> bool:
        """Go to the level whose name starts with what was typed within the platform's
        keyboard-search interval (QApplication.keyboardInputInterval, as item views do)."""
        text = event.text().upper()
        if (len(text) != 1 or not text.isalnum() or event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            return False
        now = time.monotonic()
        if now - self._typed_at > QApplication.keyboardInputInterval() / 1000:
            self._typed = ""
        self._typed_at = now
        for typed in (self._typed + text, text):
            found = [lv for lv in LEVELS if lv == typed] or [
                lv for lv in LEVELS if lv.startswith(typed)]
            if found:
                self._typed = typed
                target = self.buttons[found[0]]
                self._tab_stop(target)
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        self._typed = ""
        return True  # nothing by that name: swallowed, as an item view does

    def _key(self, button: QToolButton, event: QKeyEvent) -> bool:
        move = _MOVES.get(Qt.Key(event.key()))
        if move is None:
            return self._type_ahead(event)
        row, column = self._places[button.text()]
        row = min(max(row + move[0], 0), len(ROWS) - 1)
        levels = ROWS[row][1]
        column = min(max(column + move[1], 1), len(levels))
        target = self.buttons[levels[column - 1]]
        self._tab_stop(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._select_range(button.text(), target.text())
            self._anchor = target.text()
            self._changed()
        return True
