"""Code completion over the code tables: a ``QCompleter`` on a small model of search results.

The ICD-10-CM set has about 98,000 codes; loading them into a ``QStringListModel`` for Qt to
filter would cost memory and time on every keystroke and could not match words of inclusion
terms. Instead each edit asks :mod:`reviewer_app.core.codes.search` (the FTS5 index, billable
codes only) for the best 20, on the thread pool, and the model shows the latest answer only:
a slower earlier answer that arrives after a newer one is dropped (latest request wins).
The procedure list is a few dozen entries, searched in place.

The first result is preselected, so typing then Enter chooses it; Up and Down pick another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from reviewer_app.core.codes import procedure_list
from reviewer_app.core.codes.search import search_icd10
from reviewer_app.ui.operations import CoreOp
from reviewer_app.ui.signals import emit

RESULTS = 20
CODE_ROLE = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()


@dataclass(frozen=True)
class CodeOption:
    code: str
    description: str
    note: str = ""
    """e.g. "add-on code", shown after the description."""

    @property
    def text(self) -> str:
        note = f"  ({self.note})" if self.note else ""
        return f"{self.code} — {self.description}{note}"


def icd10_options(text: str) -> list[CodeOption]:
    return [CodeOption(e.code, e.description)
            for e in search_icd10(text, limit=RESULTS, billable_only=True)]


def procedure_options(text: str) -> list[CodeOption]:
    return [CodeOption(e.code, e.description, "add-on code" if e.add_on else "")
            for e in procedure_list.search_procedures(text, limit=RESULTS)]


class CodeOptionsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._options: list[CodeOption] = []

    def set_options(self, options: list[CodeOption]) -> None:
        self.beginResetModel()
        self._options = list(options)
        self.endResetModel()

    def options(self) -> list[CodeOption]:
        return list(self._options)

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._options)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._options):
            return None
        option = self._options[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return option.text
        if role in (Qt.ItemDataRole.EditRole, CODE_ROLE):
            return option.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return option.text
        return None


class CodeCompleter(QObject):
    """Completion for ``edit``: ``chosen(code)`` when an option is picked."""

    chosen = Signal(str)
    results_shown = Signal(int)
    """How many options the popup now shows (tests and the bench wait on it)."""

    def __init__(self, edit: QLineEdit, search: Callable[[str], list[CodeOption]], *,
                 background: bool):
        super().__init__(edit)
        self.edit = edit
        self._search = search
        self._background = background
        self._asked = 0
        self._shown = 0
        self.model = CodeOptionsModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.completer.setWidget(edit)
        self.completer.activated[QModelIndex].connect(self._on_completer_activated)
        edit.textEdited.connect(self._on_edit_text_edited)

    def idle(self) -> bool:
        """No search is on its way: the options shown answer the text as it stands."""
        return self._shown == self._asked

    def _on_edit_text_edited(self, text: str) -> None:
        self._asked += 1
        if not text.strip():
            self._show(self._asked, [])
            return
        if not self._background:
            self._show(self._asked, self._search(text))
            return
        asked = self._asked
        CoreOp(self, self._search, text).success(
            lambda options: self._show(asked, options)).run()

    def _show(self, asked: int, options: list[CodeOption]) -> None:
        if asked != self._asked:
            return
        self._shown = asked
        self.model.set_options(options)
        popup = self.completer.popup()
        if options and self.edit.hasFocus():
            self.completer.complete()
            popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        else:
            popup.hide()
        emit(self.results_shown, len(options))

    def _on_completer_activated(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self._asked += 1
            self._shown = self._asked
            self.edit.clear()
            emit(self.chosen, str(code))
