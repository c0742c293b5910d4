"""A PDF attachment's text, through QtPdf's text extraction (``QPdfDocument.getAllText``).

QtPdf (PDFium) is already part of the application for the viewer, so no other PDF reader is
needed (poppler's ``pdftotext`` would be a system package the workstation may lack). A page that
is a scan has no text layer and gives nothing: there is no OCR here. Safe off the GUI thread:
the document is created, read and deleted in the calling thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core.attachments import ReportText, as_report_text


@dataclass(frozen=True)
class PdfText:
    report: ReportText
    pages: int
    pages_with_text: int


class PdfUnreadable(ValueError):
    """QtPdf could not open the file (damaged, or protected by a password)."""


def pdf_text(data: bytes) -> PdfText:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            raise PdfUnreadable(f"the PDF could not be read ({document.error().name})")
        pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()
        buffer.close()
    text = "\f".join(pages)
    return PdfText(as_report_text(text, wrapped=True), len(pages),
                   sum(1 for page in pages if page.strip()))
