"""The case view's Attachments tab: the request's documents, which study's report each holds,
and Attach… / Open / Export… with drag-and-drop of files onto the list."""

from __future__ import annotations

from datetime import tzinfo
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reviewer_app.ui.attachments.panel import AttachmentsPanel, CaseAttachments

if TYPE_CHECKING:
    from reviewer_app.core.case import Case
    from reviewer_app.ui.case.snapshot import CaseSnapshot
    from reviewer_app.ui.context import AppContext

INTRO = ("The request's clinical documents, kept in the case database with their sha256: "
         "open one in the built-in viewer (Enter), export it, or attach more (Attach…, or drop "
         "files on the list). A PDF, PNG, JPEG or text file of up to 20 MiB is taken, its kind "
         "read from its content. A case's documents are never changed or removed.")


def study_words(case: Case, index: int) -> str:
    study = case.imaging[index]
    words = f"Study {index + 1} · {study.modality.replace('_', '-')}"
    return f"{words} {study.date}" if study.date else words


def report_pointers(case: Case) -> dict[str, str]:
    """sha256 -> the studies whose ``report_attachment`` names it."""
    found: dict[str, list[str]] = {}
    for index, study in enumerate(case.imaging or ()):
        if study.report_attachment is not None:
            found.setdefault(study.report_attachment.sha256, []).append(study_words(case, index))
    return {sha: ", ".join(names) for sha, names in found.items()}


class AttachmentsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attachmentsTab")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.RichText)
        self.missing.hide()
        layout.addWidget(self.missing)
        self.panel = AttachmentsPanel(context, self)
        layout.addWidget(self.panel, 1)
        self._context = context

    def show_case(self, snapshot: CaseSnapshot, zone: tzinfo | None) -> None:
        self.panel.set_owner(CaseAttachments(snapshot.case_id, self._context.reviewer_id))
        reports = report_pointers(snapshot.case)
        self.panel.show_records(list(snapshot.attachments), reports, zone)
        held = {record.sha256 for record in snapshot.attachments}
        absent = [(sha, names) for sha, names in reports.items() if sha not in held]
        self.missing.setVisible(bool(absent))
        if absent:
            items = "".join(f"<li>{escape(names)}: sha256 <tt>{sha[:16]}…</tt></li>"
                            for sha, names in absent)
            self.missing.setText("The request names a report document that is not in this "
                                 f"database (attach the file to link it):<ul>{items}</ul>")
