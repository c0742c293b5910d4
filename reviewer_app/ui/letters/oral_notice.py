"""The oral-notice dialog: who was told an expedited decision by phone, and when. The store
records it (``core/store/notices.py``) with its audit entry; the letter then confirms the call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)


@dataclass(frozen=True)
class OralNoticeRequest:
    told: str
    told_at: dt.datetime


class OralNoticeDialog(QDialog):
    """Two fields and OK: small enough that a Designer form would add nothing."""

    def __init__(self, parent: QWidget | None, now: dt.datetime):
        super().__init__(parent)
        self.setWindowTitle("Record oral notice — UR Reviewer")
        layout = QFormLayout(self)
        self.toldEdit = QLineEdit(self)
        self.toldEdit.setAccessibleName("Who was told")
        self.toldEdit.setPlaceholderText("e.g. Daniel Okafor (member)")
        self.whenEdit = QDateTimeEdit(QDateTime(now.astimezone()), self)
        self.whenEdit.setAccessibleName("When")
        self.whenEdit.setCalendarPopup(True)
        self.whenEdit.setMaximumDateTime(QDateTime(now.astimezone()))
        layout.addRow("&Who was told:", self.toldEdit)
        layout.addRow("&When:", self.whenEdit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def request(self) -> OralNoticeRequest:
        when = self.whenEdit.dateTime().toPython().astimezone()
        return OralNoticeRequest(self.toldEdit.text().strip(), when)

    @classmethod
    def ask(cls, parent: QWidget | None, now: dt.datetime) -> OralNoticeRequest | None:
        dialog = cls(parent, now)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.request()
