"""The criteria of the applied set, grouped as requirements, indications, contraindications."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reviewer_app.core.case import Case
from reviewer_app.core.determination import CriterionResult, Determination
from reviewer_app.ui.widgets.field_labels import describe_evidence, describe_field
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone, chip_icon
from reviewer_app.ui.widgets.vocabulary import KIND_GROUPS

STATUS, CRITERION, EVIDENCE, MISSING, REFERENCES = range(5)
HEADERS = ("Status", "Criterion", "Evidence", "Missing information", "References")
FIXED_WIDTHS = {STATUS: 112, REFERENCES: 128}
SHARES = {CRITERION: 0.42, EVIDENCE: 0.33, MISSING: 0.25}
"""How the columns of free text share the width left by the fixed ones."""
CELL_PADDING = 10

STATUS_WORDS: dict[tuple[str, str], tuple[str, Tone]] = {
    ("requirement", "met"): ("Met", Tone.GOOD),
    ("requirement", "not_met"): ("Not met", Tone.BAD),
    ("indication", "met"): ("Met", Tone.GOOD),
    ("indication", "not_met"): ("Not met", Tone.NEUTRAL),
    ("contraindication", "met"): ("Present", Tone.BAD),
    ("contraindication", "not_met"): ("Absent", Tone.GOOD),
}
"""What a status means for approval: a met contraindication blocks it, an unmet indication
alone does not (another indication may be met)."""

UNKNOWN_WORDS = ("Unknown", Tone.UNKNOWN)
GROUP_BACKGROUND = QColor("#e3e8ee")
_ROOT = QModelIndex()


def status_words(criterion: CriterionResult) -> tuple[str, Tone]:
    return STATUS_WORDS.get((criterion.kind, criterion.status), UNKNOWN_WORDS)


@dataclass(frozen=True)
class _Group:
    title: str


@dataclass(frozen=True)
class _Criterion:
    result: CriterionResult
    evidence: str
    missing: str


def _group_title(kind: str, members: list[CriterionResult]) -> str:
    name, rule = KIND_GROUPS[kind]
    met = sum(c.status == "met" for c in members)
    unknown = sum(c.status == "unknown" for c in members)
    verb = "present" if kind == "contraindication" else "met"
    counts = f"{met} of {len(members)} {verb}"
    if unknown:
        counts += f", {unknown} unknown"
    return f"{name} — {rule}   ({counts})"


class CriteriaModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[_Group | _Criterion] = []
        self._icons = {tone: chip_icon(tone) for tone in Tone}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_criteria(self, determination: Determination, case: Case | None) -> None:
        self.beginResetModel()
        self._rows = []
        for kind in KIND_GROUPS:
            members = [c for c in determination.criteria if c.kind == kind]
            if not members:
                continue
            self._rows.append(_Group(_group_title(kind, members)))
            for result in members:
                evidence = "\n".join(describe_evidence(e, case) for e in result.evidence)
                missing = "\n".join(
                    [describe_field(m, case) for m in result.missing]
                    + [s.text[0].upper() + s.text[1:] for s in result.missing_studies]
                )
                self._rows.append(_Criterion(result, evidence, missing))
        self.endResetModel()

    def group_rows(self) -> list[int]:
        return [row for row, item in enumerate(self._rows) if isinstance(item, _Group)]

    def has_missing(self) -> bool:
        return any(isinstance(item, _Criterion) and item.missing for item in self._rows)

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if isinstance(item, _Group):
            return self._group_data(item, index.column(), role)
        return self._criterion_data(item, index.column(), role)

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == STATUS:
            return group.title
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return GROUP_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            return TEXT[Tone.NEUTRAL]
        return None

    def _criterion_data(self, item: _Criterion, column: int, role: int) -> Any:
        result = item.result
        words, tone = status_words(result)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                STATUS: words,
                CRITERION: result.text,
                EVIDENCE: item.evidence,
                MISSING: item.missing,
                REFERENCES: "\n".join(result.references),
            }[column]
        if column == STATUS:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icons[tone]
            if role == Qt.ItemDataRole.BackgroundRole:
                return TINT[tone]
            if role == Qt.ItemDataRole.ForegroundRole:
                return TEXT[tone]
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and column == MISSING:
            return TEXT[Tone.UNKNOWN]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                STATUS: f"{result.kind.capitalize()}: {words.lower()}",
                CRITERION: result.id,
                EVIDENCE: "\n".join(result.evidence) or None,
                MISSING: "\n".join(result.missing) or None,
            }.get(column)
        return None


class _PaddedDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return super().sizeHint(option, index) + QSize(0, CELL_PADDING)


class CriteriaTable(QTableView):
    """As tall as its rows, which grow to fit wrapped text; the page around it scrolls.

    Columns share the width in fixed proportions so that the wording never gets squeezed
    when the "Missing information" column appears.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = CriteriaModel(self)
        self.setModel(self._model)
        self.setItemDelegate(_PaddedDelegate(self))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def criteria_model(self) -> CriteriaModel:
        return self._model

    def show_criteria(self, determination: Determination, case: Case | None) -> None:
        self._model.set_criteria(determination, case)
        self.clearSpans()
        for row in self._model.group_rows():
            self.setSpan(row, 0, 1, len(HEADERS))
        self.setColumnHidden(MISSING, not self._model.has_missing())
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shares = {c: s for c, s in SHARES.items() if not self.isColumnHidden(c)}
        free = max(self.viewport().width() - sum(FIXED_WIDTHS.values()), 200)
        total = sum(shares.values())
        for column, width in FIXED_WIDTHS.items():
            self.setColumnWidth(column, width)
        for column, share in shares.items():
            self.setColumnWidth(column, int(free * share / total))
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(row) for row in range(self._model.rowCount()))
        self.setFixedHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth())
