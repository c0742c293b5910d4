"""The History tab's two tables: the stored versions of the request, newest first, and what
changed in the selected one, field by field, in the plain labels the rest of the window uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from reviewer_app.core import case_diff
from reviewer_app.core.case import Case
from reviewer_app.core.case_file import parse_case
from reviewer_app.core.store.rows import parse_utc
from reviewer_app.ui.widgets.field_labels import describe_field
from reviewer_app.ui.widgets.outcome_banner import OUTCOME_TONES
from reviewer_app.ui.widgets.tones import chip_icon, muted_text
from reviewer_app.ui.widgets.vocabulary import OUTCOMES

if TYPE_CHECKING:
    from reviewer_app.core.store.history import DocumentVersion

VERSION, SAVED, BY, CHANGED, OUTCOME, CRITERIA = range(6)
VERSION_HEADERS = ("Version", "Saved", "By", "What changed", "Outcome", "Criteria set")
FIELD, BEFORE, AFTER = range(3)
NOT_STATED = "not stated"
NAMED_CHANGES = 2
"""How many changed fields the versions table names before "and N more"."""
_ROOT = QModelIndex()


def stored_time(text: str, zone: tzinfo | None) -> str:
    """``2026-11-23T21:00:00.000000Z`` -> ``Mon 23 Nov 2026, 16:00`` in the reviewer's zone."""
    moment = parse_utc(text).astimezone(zone)
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def change_label(path: str, case: Case | None) -> str:
    """A changed field in words: the request's own fields by ``resources/labels/document.yaml``,
    evaluator inputs by the input labels (with the study or treatment they belong to)."""
    words = case_diff.document_label(path)
    if words is None:
        return describe_field(path, case, choices=False)
    words = words.removeprefix("the ")
    return words[0].upper() + words[1:]


def _muted() -> Any:
    return muted_text(QApplication.palette())


@dataclass(frozen=True)
class VersionRow:
    """One stored version with its changes from the version before (none for the first)."""

    version: DocumentVersion
    previous: DocumentVersion | None

    @cached_property
    def case(self) -> Case:
        return parse_case(self.version.document, f"case {self.version.case_id}")

    @cached_property
    def previous_case(self) -> Case | None:
        if self.previous is None:
            return None
        return parse_case(self.previous.document, f"case {self.previous.case_id}")

    @cached_property
    def changes(self) -> list[case_diff.FieldChange]:
        if self.previous is None:
            return []
        return case_diff.diff_documents(self.previous.document, self.version.document)

    def label(self, change: case_diff.FieldChange) -> str:
        """The field in words; a whole study or treatment says whether it was added or
        removed."""
        case = self.previous_case if change.kind == "removed" else self.case
        words = change_label(change.path, case)
        if change.kind != "changed" and change.path.endswith("]"):
            return f"{words} ({change.kind})"
        return words

    def _short_label(self, change: case_diff.FieldChange) -> str:
        """The label without the study or treatment it belongs to, for the one-line summary."""
        words = change_label(change.path, None).split(" — ")[0]
        if change.kind != "changed" and change.path.endswith("]"):
            return f"{words} ({change.kind})"
        return words

    def summary(self) -> str:
        if self.previous is None:
            return "Imported: the request as received"
        changes = self.changes
        if not changes:
            return "No field changed (the text was saved again)"
        named = [self._short_label(c) for c in changes[:NAMED_CHANGES]]
        more = len(changes) - len(named)
        noun = "field" if len(changes) == 1 else "fields"
        text = f"{len(changes)} {noun}: {'; '.join(named)}"
        return f"{text}; and {more} more" if more else text


class VersionsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[VersionRow] = []
        self._zone: tzinfo | None = None
        self._icons = {outcome: chip_icon(tone) for outcome, tone in OUTCOME_TONES.items()}
        self._bold = QFont()
        self._bold.setBold(True)

    def show_versions(self, versions: tuple[DocumentVersion, ...], zone: tzinfo | None) -> None:
        self.beginResetModel()
        self._zone = zone
        rows = [VersionRow(v, versions[i - 1] if i else None) for i, v in enumerate(versions)]
        self._rows = rows[::-1]
        self.endResetModel()

    def row_at(self, row: int) -> VersionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, version: int) -> int | None:
        for number, item in enumerate(self._rows):
            if item.version.version == version:
                return number
        return None

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(VERSION_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return VERSION_HEADERS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row())
        if item is None:
            return None
        version, column = item.version, index.column()
        evaluation = version.evaluation
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == VERSION:
                current = " (current)" if version.replaced_at is None else ""
                return f"{version.version}{current}"
            if column == SAVED:
                return stored_time(version.saved_at, self._zone)
            if column == BY:
                return version.saved_by
            if column == CHANGED:
                return item.summary()
            if column == OUTCOME:
                return OUTCOMES[evaluation.outcome].title if evaluation else "not evaluated"
            if column == CRITERIA:
                return self._criteria(version)
        if role == Qt.ItemDataRole.DecorationRole and column == OUTCOME and evaluation:
            return self._icons.get(evaluation.outcome)
        if role == Qt.ItemDataRole.FontRole and column == VERSION and not version.replaced_at:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        return None

    @staticmethod
    def _criteria(version: DocumentVersion) -> str:
        evaluation = version.evaluation
        if evaluation is None:
            return ""
        if evaluation.criteria_set_id is None:
            text = "none applies"
        else:
            text = f"{evaluation.criteria_set_id} · {evaluation.criteria_set_version}"
        times = len(version.evaluations)
        return f"{text} (evaluated {times} times)" if times > 1 else text

    def _tooltip(self, item: VersionRow) -> str:
        version = item.version
        lines = [f"Case version {version.version}, document sha256 {version.sha256[:12]}…"]
        if version.replaced_at is not None:
            lines.append(f"Replaced by version {version.replaced_at}")
        for evaluation in version.evaluations:
            where = (f"{evaluation.criteria_set_id} {evaluation.criteria_set_version}"
                     if evaluation.criteria_set_id else "no criteria set")
            lines.append(f"Evaluated {stored_time(evaluation.created_at, self._zone)}: "
                         f"{OUTCOMES[evaluation.outcome].title} ({where})")
        return "\n".join(lines)


class ChangesModel(QAbstractTableModel):
    """The fields one version changed, with the earlier and the later value."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._item: VersionRow | None = None

    def show_version(self, item: VersionRow | None) -> None:
        self.beginResetModel()
        self._item = item
        self.endResetModel()

    def _changes(self) -> list[case_diff.FieldChange]:
        return self._item.changes if self._item else []

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._changes())

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == FIELD:
            return "Field"
        item = self._item
        if item is None or item.previous is None:
            return "Before" if section == BEFORE else "After"
        if section == BEFORE:
            return f"Before (version {item.previous.version})"
        return f"After (version {item.version.version})"

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        changes = self._changes()
        if not 0 <= index.row() < len(changes) or self._item is None:
            return None
        change, column = changes[index.row()], index.column()
        value = change.before if column == BEFORE else change.after
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            if column == FIELD:
                return self._item.label(change)
            return value if value is not None else NOT_STATED
        if role == Qt.ItemDataRole.ForegroundRole and column != FIELD and value is None:
            return _muted()
        if role == Qt.ItemDataRole.FontRole and column != FIELD and value is None:
            font = QFont()
            font.setItalic(True)
            return font
        return None
