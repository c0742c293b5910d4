"""The prior-treatment table: one row per course of care, edited in place.

Keyboard: Insert (or Ctrl+Enter, or the Add button) adds a row and opens its first cell; Tab
moves cell by cell and typing starts editing (the treatment and outcome cells choose by their
first letters); Delete removes the selected row; Ctrl+Tab leaves the table. ``[]`` (the "none
was given" box) is not the same as an empty, unreported list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.core.intake.evaluation import FieldProblem
from reviewer_app.core.intake.schema import field_kind
from reviewer_app.ui.intake import words
from reviewer_app.ui.intake.fields import Field, parse_date, parse_number

PATH = "prior_treatments"
COLUMNS = ("type", "start", "end", "duration_weeks", "outcome", "notes")
CHOICE_COLUMNS = {"type": 0, "outcome": 4}
VALUE_ROLE = Qt.ItemDataRole.UserRole


def _parse(column: str, text: str) -> Any:
    """A cell's text as the document takes it (what the matching field would commit)."""
    if column == "duration_weeks":
        return parse_number(text, integer=False)
    if column in ("start", "end"):
        return parse_date(text)
    return text.strip() or None


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the treatment and outcome cells (typing a letter chooses)."""

    def __init__(self, column: str, parent: QObject | None = None):
        super().__init__(parent)
        self.column = column
        kind = field_kind(f"{PATH}[0].{column}")
        self.values: list[Any] = [None, *kind.choices]
        self.first = "Choose…" if kind.required else words.NOT_REPORTED

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for value in self.values:
            text = self.first if value is None else words.value_words(
                f"{PATH}[].{self.column}", value)
            combo.addItem(text, value)
        combo.setAccessibleName(words.label(f"{PATH}[].{self.column}"))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(VALUE_ROLE)
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(self.values.index(value) if value in self.values else 0)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, "" if value is None else editor.currentText(),
                      Qt.ItemDataRole.DisplayRole)


class TreatmentsEditor(Field):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(PATH, parent)
        self._rows: list[dict[str, Any]] = []
        self._none = False
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(COLUMNS), box)
        self.table.setHorizontalHeaderLabels([words.label(f"{PATH}[].{c}") for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAccessibleName("Prior treatments")
        self.table.setAccessibleDescription(
            "One row per treatment: type, start and end dates or weeks, outcome, notes. "
            "Insert adds a row, Delete removes the selected one, Ctrl+Tab leaves the table.")
        header = self.table.horizontalHeader()
        for column, name in enumerate(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if name == "notes" else
                                        QHeaderView.ResizeMode.ResizeToContents)
        for name, column in CHOICE_COLUMNS.items():
            self.table.setItemDelegateForColumn(column, _ChoiceDelegate(name, self.table))
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.installEventFilter(self)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add treatment", box)
        self.add_button.setToolTip("Add a row (Insert)")
        self.remove_button = QPushButton("&Remove treatment", box)
        self.remove_button.setToolTip("Remove the selected row (Delete)")
        self.none_check = QCheckBox("No treatment was given before this request", box)
        self.none_check.setToolTip("Recorded as none given, which is not the same as "
                                   "not reported")
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addSpacing(12)
        row.addWidget(self.none_check)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.none_check.clicked.connect(self._on_none_clicked)
        for keys in ("Insert", "Ctrl+Return"):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.add_row)
        self._finish_layout(box)
        self._fill()

    def focus_target(self) -> QWidget:
        return self.table

    def value(self) -> Any:
        if self._rows:
            return [dict(row) for row in self._rows]
        return [] if self._none else None

    def _show(self, value: Any) -> None:
        self._rows = [dict(r) for r in value if isinstance(r, dict)] if isinstance(
            value, list) else []
        self._none = value == []
        self._fill()

    def commit(self) -> None:
        self._close_editor()
        super().commit()

    def _close_editor(self) -> None:
        """Take the value of a cell still being edited (before a row is added or removed,
        before leaving the page)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.table.isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def add_row(self) -> None:
        self._close_editor()
        self._rows.append({})
        self._none = False
        self._fill()
        super().commit()
        row = len(self._rows) - 1
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        self._close_editor()
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            del self._rows[row]
            self._fill()
            self.commit()

    def focus_cell(self, row: int, column: str) -> None:
        if 0 <= row < len(self._rows) and column in COLUMNS:
            self.table.setFocus()
            self.table.setCurrentCell(row, COLUMNS.index(column))

    def set_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        lines = []
        for problem in problems:
            rest = problem.path[len(PATH):]
            if rest.startswith("["):
                number = int(rest[1:rest.index("]")]) + 1
                where = rest[rest.index("]") + 1:].lstrip(".")
                column = f" ({words.label(f'{PATH}[].{where}').lower()})" if where else ""
                lines.append(f"Row {number}{column}: {problem.message}")
            else:
                lines.append(problem.message)
        self.set_problem("\n⚠ ".join(lines) or None)

    def _fill(self) -> None:
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self._rows))
            for row, values in enumerate(self._rows):
                for column, name in enumerate(COLUMNS):
                    value = values.get(name)
                    if name in CHOICE_COLUMNS:
                        text = "" if value is None else words.value_words(
                            f"{PATH}[].{name}", value)
                    else:
                        text = "" if value is None else str(value)
                    item = QTableWidgetItem(text)
                    item.setData(VALUE_ROLE, value)
                    self.table.setItem(row, column, item)
            self.table.resizeRowsToContents()
        finally:
            self.table.blockSignals(False)
        self.none_check.setEnabled(not self._rows)
        self.none_check.setChecked(self._none and not self._rows)
        self.remove_button.setEnabled(bool(self._rows))
        line = self.fontMetrics().lineSpacing() + 12
        header = self.table.horizontalHeader().height()
        self.table.setMinimumHeight(header + line * max(len(self._rows) + 1, 4))

    def show_counted(self, weeks_from_dates: dict[int, float]) -> None:
        """Grey hints in the weeks cells that are empty: the weeks the dates give."""
        self.table.blockSignals(True)
        try:
            for row, weeks in weeks_from_dates.items():
                item = self.table.item(row, COLUMNS.index("duration_weeks"))
                if item is not None and item.data(VALUE_ROLE) is None:
                    item.setText(f"({weeks:g} from dates)")
                    item.setForeground(self.palette().placeholderText())
        finally:
            self.table.blockSignals(False)

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        row, name = item.row(), COLUMNS[item.column()]
        if row >= len(self._rows):
            return
        value = item.data(VALUE_ROLE) if name in CHOICE_COLUMNS else _parse(name, item.text())
        if value is None:
            self._rows[row].pop(name, None)
        else:
            self._rows[row][name] = value
        self.commit()

    def _on_none_clicked(self, checked: bool) -> None:
        self._none = checked
        self.commit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Delete
                and self.table.state() != QAbstractItemView.State.EditingState):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)
