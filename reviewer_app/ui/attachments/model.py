"""The attachments table: name, kind, size, who attached it, when, and whose report it is."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer_app.core.store.attachments import AttachmentRecord
from reviewer_app.core.store.rows import parse_utc

NAME, KIND, SIZE, WHO, WHEN, REPORT = range(6)
_ROOT = QModelIndex()
HEADERS = ("Name", "Kind", "Size", "Attached by", "When", "Report of")
TIPS = ("The file's name when it was attached", "Read from the file's content, not its name",
        "", "The reviewer (or the workstation's user) who attached it", "", "The imaging study "
        "whose report this document holds (set on the wizard's Imaging page)")


class AttachmentsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list[AttachmentRecord] = []
        self._reports: dict[str, str] = {}
        self._zone: tzinfo | None = None

    def show_records(self, records: list[AttachmentRecord], reports: dict[str, str] | None = None,
                     zone: tzinfo | None = None) -> None:
        """``reports``: sha256 -> the study whose report it holds ("1 · MRI 2026-11-12")."""
        self.beginResetModel()
        self._records = list(records)
        self._reports = dict(reports or {})
        self._zone = zone
        self.endResetModel()

    def record_at(self, row: int) -> AttachmentRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def records(self) -> list[AttachmentRecord]:
        return list(self._records)

    def row_of(self, attachment_id: int) -> int | None:
        return next((row for row, r in enumerate(self._records) if r.id == attachment_id), None)

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TIPS[section] or None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index.row())
        if record is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NAME:
                where = ("with the draft, until it is saved as a case"
                         if record.case_id is None else f"with case {record.case_id}")
                return (f"{record.name}: {record.kind_words}, {record.size:,} bytes, kept "
                        f"{where}; sha256 {record.sha256}")
            return self._text(record, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None

    def _text(self, record: AttachmentRecord, column: int) -> str:
        if column == NAME:
            return record.name
        if column == KIND:
            return record.kind_words
        if column == SIZE:
            return record.size_words
        if column == WHO:
            return record.who
        if column == WHEN:
            return parse_utc(record.created_at).astimezone(self._zone).strftime(
                "%Y-%m-%d %H:%M")
        return self._reports.get(record.sha256, "")
