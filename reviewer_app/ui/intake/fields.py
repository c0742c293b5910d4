"""The wizard's field widgets: each edits one document path and commits its value.

A field *commits* when the nurse is done with it: a text box when it loses focus or Enter is
pressed, a choice as soon as it is chosen. The wizard then evaluates the draft and autosaves
it, so at most the field being edited is ever lost. ``None`` is "not reported" (the key is
removed); every field has that state, distinct from no, none or 0.

Values that do not parse (a date typed as "June 2") are committed as the text typed: the draft
keeps what was entered, and the core's validation reports it at the field in the command
line's words, exactly as it would for a case file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.core.intake.schema import FieldKind, field_kind
from reviewer_app.ui.intake import words
from reviewer_app.ui.signals import emit

_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
NOTES_IDLE_MS = 1500
"""A long text is committed this long after the last keystroke, not only when left."""


def parse_number(text: str, integer: bool) -> Any:
    """``"8"`` -> 8, ``"26,1"`` -> 26.1; text that is no number stays text."""
    text = text.strip()
    if not text:
        return None
    cleaned = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
    try:
        number = float(cleaned)
    except ValueError:
        return text
    if number.is_integer() and (integer or "." not in cleaned):
        return int(number)
    return number


def parse_date(text: str) -> Any:
    """``YYYY-MM-DD`` as typed; ``MM/DD/YYYY`` turned into it; other text stays text."""
    text = text.strip()
    match = _US_DATE.match(text)
    if match:
        try:
            return dt.date(int(match[3]), int(match[1]), int(match[2])).isoformat()
        except ValueError:
            return text
    return text or None


def problem_colour(palette: QPalette) -> QColor:
    """Red that reads on the palette's window colour (the light and the dark palette)."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff9b8f") if dark else QColor("#b42318")


def hint_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


class Field(QWidget):
    """One document path: a control, and below it the problem with its value, if any."""

    committed = Signal(str, object)
    """(path, value); ``None`` removes the key (not reported)."""

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self._loaded: Any = None
        self._loading = False
        self._problem: str | None = None
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._outer.setSpacing(2)
        self._problem_label = QLabel(self)
        self._problem_label.setWordWrap(True)
        self._problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self._problem_label.setObjectName("problem")
        self._problem_label.hide()
        self._hint_label = QLabel(self)
        self._hint_label.setWordWrap(True)
        self._hint_label.setObjectName("hint")
        self._hint_label.hide()
        self._description = words.description(path)

    def _finish_layout(self, control: QWidget) -> None:
        self._outer.addWidget(control)
        self._outer.addWidget(self._hint_label)
        self._outer.addWidget(self._problem_label)
        self.setFocusProxy(self.focus_target())
        self._describe()

    def focus_target(self) -> QWidget:
        raise NotImplementedError

    def add_note(self, widget: QWidget) -> None:
        """Show ``widget`` just below the control (a suggestion from the report)."""
        self._outer.insertWidget(1, widget)

    def accessible_controls(self) -> Sequence[QWidget]:
        return (self.focus_target(),)

    # -- value --------------------------------------------------------------------------
    def load(self, value: Any) -> None:
        """Show ``value`` (from the document) without committing it."""
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False
        self._loaded = value

    def value(self) -> Any:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Hand the current value to the wizard if it differs from what was loaded."""
        if self._loading:
            return
        value = self.value()
        if value != self._loaded or type(value) is not type(self._loaded):
            self._loaded = value
            emit(self.committed, self.path, value)

    def set_path(self, path: str) -> None:
        self.path = path

    # -- what the nurse reads ----------------------------------------------------------
    def set_problem(self, message: str | None) -> None:
        if message == self._problem:
            return
        self._problem = message
        self._problem_label.setVisible(bool(message))
        if message:
            palette = self._problem_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, problem_colour(self.palette()))
            self._problem_label.setPalette(palette)
            self._problem_label.setText(f"⚠ {message}")
        self._describe()

    def problem(self) -> str | None:
        return self._problem

    def set_hint(self, text: str | None) -> None:
        if text == getattr(self, "_hint", None):
            return
        self._hint = text
        self._hint_label.setVisible(bool(text))
        if text:
            palette = self._hint_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, hint_colour(self.palette()))
            self._hint_label.setPalette(palette)
            self._hint_label.setText(text)

    def set_label(self, text: str) -> None:
        self._name = text
        self._describe()

    def _describe(self) -> None:
        name = getattr(self, "_name", words.label(self.path))
        text = self._description
        if self._problem:
            text = f"{text}. Problem: {self._problem}"
        for control in self.accessible_controls():
            control.setAccessibleName(getattr(control, "_accessible_name", name))
            control.setAccessibleDescription(text)
            control.setToolTip(self._description)


class TextField(Field):
    def __init__(self, path: str, parent: QWidget | None = None, placeholder: str = ""):
        super().__init__(path, parent)
        self.edit = QLineEdit(self)
        self.edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(False)
        self.edit.editingFinished.connect(self.commit)
        self._finish_layout(self.edit)

    def focus_target(self) -> QWidget:
        return self.edit

    def value(self) -> Any:
        return self._parse(self.edit.text().strip())

    def _parse(self, text: str) -> Any:
        return text or None

    def _show(self, value: Any) -> None:
        self.edit.setText("" if value is None else self._format(value))

    def _format(self, value: Any) -> str:
        return str(value)

    def set_problem(self, message: str | None) -> None:
        super().set_problem(message)
        colour = problem_colour(self.palette()).name()
        self.edit.setStyleSheet(f"QLineEdit {{ border: 2px solid {colour}; }}" if message else "")


class NumberField(TextField):
    """A number; text that is not one is committed as typed, for the core to explain."""

    def __init__(self, path: str, parent: QWidget | None = None, *, integer: bool):
        super().__init__(path, parent)
        self.integer = integer
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14)

    def _parse(self, text: str) -> Any:
        return parse_number(text, self.integer)

    def _format(self, value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)


class DateField(TextField):
    """YYYY-MM-DD (a US date MM/DD/YYYY is turned into it)."""

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(path, parent, placeholder="YYYY-MM-DD")
        wide = self.fontMetrics().horizontalAdvance("0000-00-00")
        self.edit.setMinimumWidth(wide + 24)
        self.edit.setMaximumWidth(wide * 2)

    def _parse(self, text: str) -> Any:
        return parse_date(text)


class DateTimeField(TextField):
    """A moment: "2026-11-20 09:15" in the workstation's zone, or ISO 8601 with an offset."""

    def __init__(self, path: str, clock: Callable[[], dt.datetime],
                 parent: QWidget | None = None):
        super().__init__(path, parent, placeholder="YYYY-MM-DD HH:MM")
        self._clock = clock
        wide = self.fontMetrics().horizontalAdvance("0000-00-00 00:00")
        self.edit.setMinimumWidth(wide + 24)
        self.edit.setMaximumWidth(wide * 2)

    def _parse(self, text: str) -> Any:
        if not text:
            return None
        try:
            moment = dt.datetime.fromisoformat(text.replace("T", " ", 1))
        except ValueError:
            return text
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self._clock().tzinfo)
        return moment.isoformat()

    def _format(self, value: Any) -> str:
        try:
            moment = dt.datetime.fromisoformat(str(value))
        except ValueError:
            return str(value)
        zone = self._clock().utcoffset()
        if moment.utcoffset() == zone:
            return moment.strftime("%Y-%m-%d %H:%M") + (
                moment.strftime(":%S") if moment.second else "")
        return moment.isoformat()


class ChoiceField(Field):
    """One of the contract's values, or "not reported" (for a required field: "choose")."""

    def __init__(self, path: str, kind: FieldKind | None = None,
                 parent: QWidget | None = None):
        super().__init__(path, parent)
        kind = kind or field_kind(path)
        self.combo = QComboBox(self)
        self._model = QStandardItemModel(self.combo)
        self.combo.setModel(self._model)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        first = QStandardItem("Choose…" if kind.required else words.NOT_REPORTED)
        first.setData(None, Qt.ItemDataRole.UserRole)
        self._model.appendRow(first)
        self._values = list(kind.choices)
        for value in self._values:
            item = QStandardItem(words.value_words(path, value))
            item.setData(value, Qt.ItemDataRole.UserRole)
            self._model.appendRow(item)
        widest = max(self.combo.fontMetrics().horizontalAdvance(self.combo.itemText(row))
                     for row in range(self.combo.count()))
        self.combo.view().setMinimumWidth(widest + 40)
        """The list shows every choice whole (a Bilsky grade with its meaning), however
        narrow the box."""
        self.combo.activated.connect(self._on_combo_activated)
        self._finish_layout(self.combo)

    def focus_target(self) -> QWidget:
        return self.combo

    def value(self) -> Any:
        return self.combo.currentData(Qt.ItemDataRole.UserRole)

    def _show(self, value: Any) -> None:
        index = self._values.index(value) + 1 if value in self._values else 0
        if value is not None and value not in self._values:
            item = QStandardItem(str(value))
            item.setData(value, Qt.ItemDataRole.UserRole)
            self._model.appendRow(item)
            self._values.append(value)
            index = len(self._values)
        self.combo.setCurrentIndex(index)

    def restrict(self, allowed: Sequence[Any] | None) -> None:
        """Offer only ``allowed`` (with not reported); None offers every value."""
        for row, value in enumerate(self._values, start=1):
            enabled = allowed is None or value in allowed or value == self.value()
            item = self._model.item(row)
            if item.isEnabled() != enabled:
                item.setEnabled(enabled)

    def _on_combo_activated(self, _index: int) -> None:
        self.commit()


class TriStateField(Field):
    """Not reported / Yes / No, as three radio buttons (one click, or the arrow keys)."""

    CHOICES = ((words.NOT_REPORTED, None), ("Yes", True), ("No", False))

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(path, parent)
        self.row = QWidget(self)
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        for number, (text, _value) in enumerate(self.CHOICES):
            button = QRadioButton(text, self.row)
            self.group.addButton(button, number)
            self.buttons.append(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.buttons[0].setChecked(True)
        self.group.idToggled.connect(self._on_group_id_toggled)
        self._finish_layout(self.row)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else self.buttons[0]

    def accessible_controls(self) -> Sequence[QWidget]:
        return self.buttons

    def _describe(self) -> None:
        name = getattr(self, "_name", words.label(self.path))
        for button, (text, _value) in zip(self.buttons, self.CHOICES, strict=True):
            button._accessible_name = f"{name}: {text.lower()}"
        super()._describe()

    def button(self, value: bool | None) -> QRadioButton:
        return self.buttons[[v for _, v in self.CHOICES].index(value)]

    def value(self) -> Any:
        return self.CHOICES[max(self.group.checkedId(), 0)][1]

    def _show(self, value: Any) -> None:
        self.button(value if isinstance(value, bool) else None).setChecked(True)
        self.setFocusProxy(self.focus_target())

    def restrict(self, allowed: Sequence[Any] | None) -> None:
        for button, (_text, value) in zip(self.buttons, self.CHOICES, strict=True):
            enabled = allowed is None or value is None or value in allowed or button.isChecked()
            if button.isEnabled() != enabled:
                button.setEnabled(enabled)

    def _on_group_id_toggled(self, _id: int, checked: bool) -> None:
        if checked and not self._loading:
            self.setFocusProxy(self.focus_target())
            self.commit()


class ChecksField(Field):
    """Several of the contract's values; "None" is the empty list, nothing ticked is not
    reported (red flags: ``[]`` means none, missing means unknown)."""

    def __init__(self, path: str, parent: QWidget | None = None, none_text: str = "None"):
        super().__init__(path, parent)
        self.box = QWidget(self)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._values = list(field_kind(path).choices)
        self.none = QCheckBox(none_text, self.box)
        self.none._accessible_name = f"{words.label(path)}: {none_text.lower()}"
        layout.addWidget(self.none)
        self.checks: list[QCheckBox] = []
        for value in self._values:
            check = QCheckBox(words.value_words(path, value), self.box)
            check._accessible_name = f"{words.label(path)}: {check.text().lower()}"
            self.checks.append(check)
            layout.addWidget(check)
            check.clicked.connect(self._on_check_clicked)
        self.none.clicked.connect(self._on_none_clicked)
        self._finish_layout(self.box)

    def focus_target(self) -> QWidget:
        return self.none

    def accessible_controls(self) -> Sequence[QWidget]:
        return [self.none, *self.checks]

    def check(self, value: str) -> QCheckBox:
        return self.checks[self._values.index(value)]

    def value(self) -> Any:
        chosen = [v for v, c in zip(self._values, self.checks, strict=True) if c.isChecked()]
        if chosen:
            return chosen
        return [] if self.none.isChecked() else None

    def _show(self, value: Any) -> None:
        values = value if isinstance(value, list) else []
        for item, check in zip(self._values, self.checks, strict=True):
            check.setChecked(item in values)
        self.none.setChecked(value == [])

    def _on_check_clicked(self, _checked: bool) -> None:
        self.none.setChecked(False)
        self.commit()

    def _on_none_clicked(self, checked: bool) -> None:
        if checked:
            for check in self.checks:
                check.setChecked(False)
        self.commit()


class NotesField(Field):
    """Free text over several lines: committed when left, and after a pause in typing."""

    def __init__(self, path: str, parent: QWidget | None = None, lines: int = 4,
                 editor: type[QPlainTextEdit] = QPlainTextEdit):
        super().__init__(path, parent)
        self.text = editor(self)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.text.installEventFilter(self)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(NOTES_IDLE_MS)
        self._idle.timeout.connect(self.commit)
        self.text.textChanged.connect(self._on_text_changed)
        self._finish_layout(self.text)

    def focus_target(self) -> QWidget:
        return self.text

    def value(self) -> Any:
        text = self.text.toPlainText().strip()
        return text or None

    def _show(self, value: Any) -> None:
        self.text.setPlainText("" if value is None else str(value))

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.FocusOut:
            self._idle.stop()
            self.commit()
        return super().eventFilter(watched, event)


def make_field(path: str, parent: QWidget | None = None, *,
               clock: Callable[[], dt.datetime] | None = None) -> Field:
    """The field for ``path``, chosen by the kind of value the contract gives it."""
    from reviewer_app.ui.intake.levels import LevelPicker

    kind = field_kind(path)
    if kind.kind == "bool":
        return TriStateField(path, parent)
    if kind.kind == "choice":
        return ChoiceField(path, kind, parent)
    if kind.kind in ("int", "float"):
        return NumberField(path, parent, integer=kind.kind == "int")
    if kind.kind == "date":
        return DateField(path, parent)
    if kind.kind == "datetime":
        return DateTimeField(path, clock or (lambda: dt.datetime.now().astimezone()), parent)
    if kind.kind == "levels":
        return LevelPicker(path, parent)
    if kind.kind == "choices":
        return ChecksField(path, parent)
    return TextField(path, parent)


def field_of(widget: QWidget | None) -> Field | None:
    """The field a focused control belongs to."""
    while widget is not None:
        if isinstance(widget, Field):
            return widget
        widget = widget.parentWidget()
    return None
