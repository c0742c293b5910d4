"""What a request imported from a Da Vinci PAS Bundle sent beyond its fields, shown read-only in
the wizard (:mod:`reviewer_app.core.fhir.shown` words it): on the request page everything (codes
to be entered, fields kept as sent, supporting information, questionnaire answers, warnings),
on the diagnoses page the diagnoses still to be coded, beside the field they belong in."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from reviewer_app.core.fhir.mapping import EXTENSION
from reviewer_app.core.fhir.shown import request_sections, source_line, uncoded_diagnoses
from reviewer_app.core.intake.document import DraftDocument

PATH = f"extensions.{EXTENSION}"


def fhir_record(document: DraftDocument) -> dict | None:
    record = document.get(PATH)
    return record if isinstance(record, dict) else None


class FhirRequestBox(QGroupBox):
    """The whole record, read-only; hidden for a request typed in or imported as ur-case/1."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("From the FHIR request (read-only)", parent)
        self.setObjectName("fhirRequestBox")
        layout = QVBoxLayout(self)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("fhirRequestText")
        self.text.setAccessibleName("What the FHIR request sent beyond its fields")
        self.text.setOpenLinks(False)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        layout.addWidget(self.source)
        layout.addWidget(self.text)
        self.hide()

    def show_record(self, record: dict | None) -> None:
        sections = request_sections(record)
        self.setVisible(record is not None)
        if record is None:
            return
        self.source.setText(source_line(record))
        parts = []
        for section in sections:
            items = "".join(f"<li>{escape(line)}</li>" for line in section.lines)
            parts.append(f"<p><b>{escape(section.title)}</b></p><ul>{items}</ul>")
        self.text.setHtml("".join(parts) or "<p>Nothing beyond the fields above.</p>")


class UncodedDiagnoses(QLabel):
    """The request's diagnoses the import could not code (another code system, a category):
    the nurse enters the billable ICD-10-CM code above."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("uncodedDiagnoses")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.hide()

    def show_record(self, record: dict | None) -> None:
        lines = uncoded_diagnoses(record)
        self.setVisible(bool(lines))
        items = "".join(f"<li>{escape(line.removeprefix('Diagnosis as sent: '))}</li>"
                        for line in lines)
        self.setText("<b>Sent in the FHIR request, to be coded by you</b> (enter each one's "
                     f"billable ICD-10-CM code above):<ul>{items}</ul>")
