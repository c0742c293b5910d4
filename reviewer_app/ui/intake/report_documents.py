"""The request's documents on the imaging page: the draft's attachments (and, when a stored
case is edited, the case's), Attach… and drag-and-drop, and "Use as this study's report",
which points the study at the document (``imaging[].report_attachment``: its sha256 and name)
and, for a PDF or a text file, puts its text in the report box and reads it.

A draft's documents are kept with the draft in the case database (patient data, like the
draft) and go to the case when the draft is saved as one; discarding the draft discards them.
A PDF's text comes from QtPdf's own text extraction (:mod:`reviewer_app.ui.attachments.
pdf_text`); a scan has no text (there is no OCR here), so only the pointer is set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from reviewer_app.core.attachments import TEXT_KINDS, as_report_text, decoded_text
from reviewer_app.ui.attachments.panel import AttachmentsPanel
from reviewer_app.ui.operations.core_op import CoreOp

if TYPE_CHECKING:
    from reviewer_app.core.intake.session import DraftSession
    from reviewer_app.core.store.attachments import Attachment, AttachmentRecord
    from reviewer_app.core.store.database import Store
    from reviewer_app.ui.intake.imaging import ImagingPage


@dataclass
class DraftAttachments:
    """The documents of the wizard's draft; a first attach stores the draft if it is not in
    the store yet (a draft starts with its first field, and a document is patient data too)."""

    session: DraftSession
    document: Callable[[], str]
    """The draft's document as JSON text, read on the GUI thread when an attach is asked."""
    announces: int | None = None
    removable: bool = True

    def attacher(self) -> Callable[[Store, Path], AttachmentRecord]:
        text = self.document()
        session = self.session

        def attach(store: Store, path: Path) -> AttachmentRecord:
            from reviewer_app.core.store.attachments import attach_file

            if session.draft_id is None:
                session.save(store, text)
            return attach_file(store, path, draft_id=session.draft_id, by=session.by)

        return attach

    def records(self, store: Store) -> list[AttachmentRecord]:
        from reviewer_app.core.store.attachments import attachments_for

        found = []
        if self.session.case_id is not None:
            found += attachments_for(store, case_id=self.session.case_id)
        if self.session.draft_id is not None:
            found += attachments_for(store, draft_id=self.session.draft_id)
        return found


def _pdf_report(data: bytes):
    from reviewer_app.ui.attachments.pdf_text import pdf_text

    return pdf_text(data)


class ReplaceReportDialog:
    @classmethod
    def ask(cls, parent: QWidget, name: str) -> bool:
        """Whether to replace the report text already entered with the document's."""
        answer = QMessageBox.question(
            parent, "Replace the report text",
            f"This study already has a report text. Replace it with the text of {name}?")
        return answer == QMessageBox.StandardButton.Yes


class ReportDocuments(QWidget):
    def __init__(self, page: ImagingPage, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportDocuments")
        self.page = page
        intake = page.intake
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Documents of this request</b>", self)
        layout.addWidget(title)
        self.panel = AttachmentsPanel(intake.context, self, compact=True)
        self.panel.set_owner(DraftAttachments(intake.session, intake.document.to_json))
        layout.addWidget(self.panel, 1)
        self.use_button = QPushButton("&Use as this study's report", self)
        self.use_button.setToolTip("This document holds the study's report: point the study "
                                   "at it and, for a PDF or text, read its text")
        layout.addWidget(self.use_button)
        self.pointer = QLabel(self)
        self.pointer.setWordWrap(True)
        self.pointer.setTextFormat(Qt.TextFormat.RichText)
        self.pointer.linkActivated.connect(self._on_pointer_link_activated)
        layout.addWidget(self.pointer)
        self.use_button.clicked.connect(self._on_use_clicked)
        self.panel.selection_changed.connect(self._on_panel_selection_changed)
        self.panel.listed.connect(self._on_panel_listed)
        self._listed_once = False

    def page_shown(self) -> None:
        if not self._listed_once:
            self._listed_once = True
            self.panel.reload()
        self.refresh()

    def refresh(self) -> None:
        page = self.page
        record = self.panel.selected()
        self.use_button.setEnabled(record is not None and page.study_count() > 0)
        if not page.study_count():
            self.pointer.setText("")
            return
        pointed = page.intake.document.get(f"imaging[{page.index}].report_attachment")
        if not isinstance(pointed, dict) or not pointed.get("sha256"):
            self.pointer.setText("This study's report document: none chosen.")
            return
        held = next((r for r in self.panel.records() if r.sha256 == pointed["sha256"]), None)
        name = escape(str(held.name if held else pointed.get("name") or "a document"))
        where = "" if held else " (not attached here)"
        self.pointer.setText(f"This study's report document: <b>{name}</b>{where} · "
                             '<a href="clear">not this one</a>')

    def use(self, record: AttachmentRecord) -> None:
        """Point the shown study at ``record``; read its text into the report box."""
        page = self.page
        index = page.index
        page.intake.commit(f"imaging[{index}].report_attachment",
                           {"sha256": record.sha256, "name": record.name})
        if record.kind not in TEXT_KINDS:
            page.suggestions.status.setText(
                f"{record.name} is a scan: it has no text to read (there is no OCR here). "
                "Type or paste the report, or attach it as PDF or text.")
            return
        current = page.intake.document.get(f"imaging[{index}].report_text")
        if current and not ReplaceReportDialog.ask(self, record.name):
            return
        page.suggestions.status.setText(f"Reading the text of {record.name}…")
        self.panel.read(record, lambda attachment: self._on_read(index, attachment),
                        what="read the document")

    def _on_read(self, index: int, attachment: Attachment) -> None:
        if attachment.record.kind == "pdf":
            (
                CoreOp(self, _pdf_report, attachment.data)
                .success(lambda found: self._take_text(index, attachment.record, found.report,
                                                       found.pages_with_text == 0))
                .failure(lambda error: self.page.suggestions.status.setText(
                    f"The text of {attachment.record.name} could not be read: {error}"))
                .run()
            )
        else:
            self._take_text(index, attachment.record, as_report_text(
                decoded_text(attachment.data)), False)

    def _take_text(self, index: int, record: AttachmentRecord, report, scanned: bool) -> None:
        page = self.page
        if scanned or not report.text:
            page.suggestions.status.setText(
                f"{record.name} has no text layer (a scanned PDF; there is no OCR here): type "
                "or paste the report.")
            return
        if page.index != index:
            page.show_study(index)
        page.intake.commit(f"imaging[{index}].report_text", report.text)
        page.show_study(index)
        notes = " ".join(f"From {record.name}: {note}." for note in report.notes)
        page.suggestions.suggest(notes)

    def _on_use_clicked(self) -> None:
        record = self.panel.selected()
        if record is not None:
            self.use(record)

    def _on_pointer_link_activated(self, _link: str) -> None:
        self.page.intake.commit(f"imaging[{self.page.index}].report_attachment", None)

    def _on_panel_selection_changed(self) -> None:
        self.refresh()

    def _on_panel_listed(self) -> None:
        self.refresh()
