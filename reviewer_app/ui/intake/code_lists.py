"""Ordered code lists (procedures, diagnoses): add by completion, reorder, remove.

The first entry is the primary one (the primary procedure selects the criteria set; the first
diagnosis is the principal diagnosis). Keyboard: in the search box, type and press Enter to add
the highlighted code (or the code typed, if it is one); in the list, Alt+Up / Alt+Down move the
selected entry, Delete removes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.core.codes import icd10, procedure_list
from reviewer_app.core.intake.evaluation import FieldProblem
from reviewer_app.ui.intake.completers import CodeCompleter, CodeOption
from reviewer_app.ui.intake.fields import Field, problem_colour

CODE, DESCRIPTION, UNITS = range(3)


class CodeListEditor(Field):
    """A list of ``{"code": ...}`` objects (procedures also carry system and units)."""

    def __init__(
        self,
        path: str,
        search: Callable[[str], list[CodeOption]],
        *,
        background: bool,
        noun: str,
        placeholder: str,
        parent: QWidget | None = None,
    ):
        super().__init__(path, parent)
        self.noun = noun
        self._items: list[dict[str, Any]] = []
        self._row_problems: dict[int, str] = {}
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        self.search = QLineEdit(box)
        self.search.setPlaceholderText(placeholder)
        self.search.setAccessibleName(f"Add a {noun}")
        self.search.setAccessibleDescription(
            f"{placeholder}. Results appear while typing; Enter adds the highlighted one.")
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.add_button = QPushButton("&Add", box)
        self.add_button.setAccessibleName(f"Add the {noun} typed")
        self.add_button.clicked.connect(self._on_search_return_pressed)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.add_button)
        layout.addLayout(search_row)
        self.completer = CodeCompleter(self.search, search, background=background)
        self.completer.chosen.connect(self._on_code_chosen)
        self.table = QTableWidget(0, 3 if self._with_units else 2, box)
        headers = ["Code", "Description"] + (["Units"] if self._with_units else [])
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        if self._with_units:
            header.setSectionResizeMode(UNITS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(f"{noun.capitalize()}s, the first is the primary one")
        self.table.installEventFilter(self)
        self.table.itemChanged.connect(self._on_table_item_changed)
        header.sectionResized.connect(self._on_header_section_resized)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.up_button = QPushButton("Move &up", box)
        self.down_button = QPushButton("Move do&wn", box)
        self.remove_button = QPushButton("&Remove", box)
        for button, tip in ((self.up_button, "Alt+Up"), (self.down_button, "Alt+Down"),
                            (self.remove_button, "Delete")):
            button.setToolTip(f"{button.text().replace('&', '')} the selected {noun} ({tip})")
            button.setAccessibleName(f"{button.text().replace('&', '')} the selected {noun}")
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addLayout(buttons)
        self.note = QLabel(box)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.note)
        for keys, slot in (("Alt+Up", lambda: self.move_selected(-1)),
                           ("Alt+Down", lambda: self.move_selected(1))):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._finish_layout(box)
        self._fit()

    @property
    def _with_units(self) -> bool:
        return self.path == "service.procedures"

    def focus_target(self) -> QWidget:
        return self.search

    def accessible_controls(self) -> list[QWidget]:
        return [self.table]

    # -- value ---------------------------------------------------------------------------
    def value(self) -> Any:
        return [dict(item) for item in self._items] if self._items else None

    def _show(self, value: Any) -> None:
        self._items = [dict(item) for item in value if isinstance(item, dict)] if isinstance(
            value, list) else []
        self._fill()

    def codes(self) -> list[str]:
        return [str(item.get("code", "")) for item in self._items]

    def _item_for(self, code: str) -> dict[str, Any]:
        if not self._with_units:
            return {"code": code}
        entry = procedure_list.procedure(code)
        system = entry.system if entry else ("HCPCS" if code[:1].isalpha() else "CPT")
        return {"code": code, "system": system, "units": 1}

    def add_code(self, code: str) -> None:
        code = code.strip().upper()
        if not code:
            return
        if code in self.codes():
            self.set_problem(f"{code} is already on the list")
            return
        self._items.append(self._item_for(code))
        self._fill()
        self.table.selectRow(len(self._items) - 1)
        self.commit()

    def move_selected(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self._items):
            return
        self._items.insert(target, self._items.pop(row))
        self._fill()
        self.table.selectRow(target)
        self.commit()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self._items):
            return
        del self._items[row]
        self._fill()
        if self._items:
            self.table.selectRow(min(row, len(self._items) - 1))
        self.commit()

    # -- display ---------------------------------------------------------------------------
    def describe(self, code: str) -> str:
        if self._with_units:
            entry = procedure_list.procedure(code)
            if entry is None:
                return "not on the shipped procedure list"
            return entry.description + ("  (add-on code)" if entry.add_on else "")
        try:
            return icd10.icd10_description(code) or ""
        except ValueError:
            return ""

    def set_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        """Problems of the list (``diagnoses``) and of its entries (``diagnoses[1].code``)."""
        whole = [p.message for p in problems if p.path == self.path]
        rows: dict[int, str] = {}
        for problem in problems:
            rest = problem.path[len(self.path):]
            if rest.startswith("["):
                rows[int(rest[1:rest.index("]")])] = problem.message
        self.set_problem("; ".join(whole) or None)
        if rows != self._row_problems:
            self._row_problems = rows
            self._fill()

    def _fill(self) -> None:
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self._items))
            colour = problem_colour(self.palette())
            for row, item in enumerate(self._items):
                code = str(item.get("code", ""))
                label = f"{code}  (primary)" if row == 0 else code
                code_item = QTableWidgetItem(label)
                code_item.setFlags(code_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                problem = self._row_problems.get(row)
                text = f"⚠ {problem}" if problem else self.describe(code)
                description = QTableWidgetItem(text)
                description.setFlags(description.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if problem:
                    description.setForeground(colour)
                description.setToolTip(text)
                self.table.setItem(row, CODE, code_item)
                self.table.setItem(row, DESCRIPTION, description)
                if self._with_units:
                    units = QTableWidgetItem(str(item.get("units", 1)))
                    units.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    units.setToolTip("Units requested (1-99); type to change")
                    self.table.setItem(row, UNITS, units)
            self.table.resizeRowsToContents()
        finally:
            self.table.blockSignals(False)
        has = bool(self._items)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(has)
        self._fit()

    def _fit(self) -> None:
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        minimum = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        line = self.fontMetrics().lineSpacing() + 10
        self.table.setMinimumHeight(minimum + max(rows, line * 3))
        self.table.setMaximumHeight(minimum + max(rows, line * 3) + 4)

    # -- events ----------------------------------------------------------------------------
    def _on_header_section_resized(self, _index: int, _old: int, _new: int) -> None:
        """Rows as tall as their wrapped descriptions at the width the table now has."""
        self.table.resizeRowsToContents()
        self._fit()

    def _on_search_return_pressed(self) -> None:
        if self.completer.completer.popup().isVisible():
            return
        text = self.search.text().strip()
        if text:
            self.search.clear()
            self.add_code(text)

    def _on_code_chosen(self, code: str) -> None:
        self.add_code(code)

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != UNITS or item.row() >= len(self._items):
            return
        text = item.text().strip()
        try:
            self._items[item.row()]["units"] = int(text)
        except ValueError:
            self._items[item.row()]["units"] = text
        self.commit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and self.table.state() != QAbstractItemView.State.EditingState):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)
