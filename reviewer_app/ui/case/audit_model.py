"""The Audit tab: the case's audit entries, newest first, in words; entries that fail the
check are marked in the table as well as listed above it, never left out."""

from __future__ import annotations

import json
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from reviewer_app.core.lifecycle import P2P_OUTCOMES
from reviewer_app.ui.case.history_models import stored_time
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone, chip_icon
from reviewer_app.ui.widgets.vocabulary import OUTCOMES, STATUS

if TYPE_CHECKING:
    from reviewer_app.core.store.audit import CaseCheck
    from reviewer_app.core.store.history import AuditLine

ENTRY, WHEN, WHO, ACTION, DETAILS = range(5)
HEADERS = ("Entry", "When", "Who", "Action", "Details")
ACTIONS = {
    "create": "Imported",
    "view": "Viewed",
    "change": "Status changed",
    "edit": "Request edited",
    "evaluate": "Evaluated",
    "decide": "Decided",
    "export": "Exported",
    "backup": "Backed up",
    "peer_to_peer": "Peer-to-peer",
}
DECISIONS = {"approve": "approved", "partial": "partially approved", "deny": "denied",
             "refer": "referred to a physician", "pend": "pended for information"}
_ROOT = QModelIndex()


def _status(value: Any) -> str:
    return STATUS.get(str(value), str(value))


def describe_entry(line: AuditLine) -> str:
    """What an entry's details say, as a sentence fragment (ids and codes, never member data)."""
    d, action = line.details, line.action
    if action == "create" and d.get("letter_id"):
        corrects = f", correcting {d['replaces']}" if d.get("replaces") else ""
        return (f"Letter {d['letter_id']} issued: {d.get('letter_type')} to the "
                f"{d.get('recipient')}{corrects}")
    if action == "peer_to_peer":
        return f"Peer-to-peer recorded: {P2P_OUTCOMES.get(d.get('outcome'), d.get('outcome'))}"
    if action == "export" and d.get("letter_id"):
        where = "sent to the printer" if d.get("to") == "printer" else "saved to a file"
        return f"Letter {d['letter_id']} {where}"
    if action == "create":
        request = f" (request {d['external_id']})" if d.get("external_id") else ""
        return f"Imported as a {_status(d.get('status', 'draft'))}{request}"
    if action == "view":
        if "document_version" in d:
            return f"Opened version {d['document_version']} of the request, read-only"
        return "Opened the case"
    if action == "edit":
        if d.get("kept"):
            return (f"Kept {d['kept']} as version {d['document_version']} before the first "
                    "edit")
        count = d.get("fields_changed")
        fields = f": {count} field{'s' if count != 1 else ''} changed" if count is not None else ""
        return (f"Saved version {d.get('document_version')} of the request (edited from "
                f"version {d.get('from_version')}){fields}")
    if action == "evaluate":
        outcome = OUTCOMES.get(d.get("outcome", ""))
        words = outcome.title if outcome else str(d.get("outcome"))
        where = (f"{d['criteria_set']} {d.get('criteria_set_version')}"
                 if d.get("criteria_set") else "no criteria set")
        return f"{words} ({where})"
    if action == "decide":
        decision = DECISIONS.get(d.get("decision", ""), d.get("decision"))
        return (f"{str(decision).capitalize()} by a {d.get('role')}: {_status(d.get('from'))} → "
                f"{_status(d.get('to'))}")
    if action == "change":
        text = f"{_status(d.get('from'))} → {_status(d.get('to'))}"
        if d.get("assigned_reviewer") is not None:
            text += f"; assigned to reviewer {d['assigned_reviewer']}"
        if d.get("letter_sha256"):
            text += f"; letter sha256 {d['letter_sha256'][:12]}…"
        return text
    if action == "export":
        digest = f" (sha256 {d['sha256'][:12]}…)" if d.get("sha256") else ""
        return f"Request exported to {d.get('to', 'a file')}{digest}"
    return json.dumps(d, sort_keys=True) if d else ""


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._lines: list[AuditLine] = []
        self._faults: dict[int, list[str]] = {}
        self._zone: tzinfo | None = None
        self._warning = chip_icon(Tone.BAD)

    def show_entries(self, lines: tuple[AuditLine, ...], check: CaseCheck | None,
                     zone: tzinfo | None) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._zone = zone
        self._faults = {}
        for fault in (*check.faults, *check.trail_faults) if check else ():
            if fault.seq is not None:
                self._faults.setdefault(fault.seq, []).append(fault.message)
        self.endResetModel()

    def faulted_rows(self) -> list[int]:
        return [row for row, line in enumerate(self._lines) if line.seq in self._faults]

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        faults = self._faults.get(line.seq)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._text(line, column)
            if faults and column == DETAILS:
                text = f"FAILS THE CHECK: {faults[0]} — {text}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(line, DETAILS)
            return "\n".join([*(faults or []), text]) if faults else text
        if faults and role == Qt.ItemDataRole.BackgroundRole:
            return TINT[Tone.BAD]
        if faults and role == Qt.ItemDataRole.ForegroundRole:
            return TEXT[Tone.BAD]
        if faults and role == Qt.ItemDataRole.DecorationRole and column == ENTRY:
            return self._warning
        return None

    def _text(self, line: AuditLine, column: int) -> str:
        if column == ENTRY:
            return str(line.seq)
        if column == WHEN:
            return stored_time(line.at, self._zone)
        if column == WHO:
            return line.who
        if column == ACTION:
            action = ACTIONS.get(line.action, line.action)
            return f"{action} (version {line.case_version})" if line.case_version else action
        return describe_entry(line)
