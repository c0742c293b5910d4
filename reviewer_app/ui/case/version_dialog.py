"""One stored version of a case, read-only: the request as that version stated it and the
determination it got, beside the document text exactly as stored."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import QDialog, QWidget

from reviewer_app.ui.case.snapshot import CaseSnapshot
from reviewer_app.ui.forms.ui_version_dialog import Ui_VersionDialog
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone


class VersionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_VersionDialog()
        self.ui.setupUi(self)
        self.ui.documentText.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

    def show_version(self, snapshot: CaseSnapshot, now: datetime) -> None:
        if snapshot.replaced_at is None:
            state, tone = "the current version", Tone.NEUTRAL
        else:
            state, tone = f"replaced by version {snapshot.replaced_at}", Tone.PEND
        palette = self.ui.noticeBox.palette()
        palette.setColor(QPalette.ColorRole.Window, TINT[tone])
        palette.setColor(QPalette.ColorRole.WindowText, TEXT[tone])
        self.ui.noticeBox.setPalette(palette)
        notice = (f"<b>Case {snapshot.case_id}, version {snapshot.version}</b> ({state}) · "
                  "read-only: the request as this version stated it and the determination "
                  "it got then")
        self.ui.noticeLabel.setText(notice)
        self.setWindowTitle(f"Case {snapshot.case_id}, version {snapshot.version} (read-only)"
                            " — UR Reviewer")
        self.ui.caseHeader.show_case(snapshot, now)
        self.ui.determinationView.show_case(snapshot)
        self.ui.documentText.setPlainText(snapshot.document)

    def notice(self) -> str:
        return self.ui.noticeLabel.text()
