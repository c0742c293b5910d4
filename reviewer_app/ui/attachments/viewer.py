"""The built-in viewer: a PDF in QtPdf's ``QPdfView`` (from the bytes, through a ``QBuffer``:
no temporary file holds the document), a scan scaled to the window, or the text read-only.

One window per attachment, not modal: a nurse reads the report beside the wizard or the case.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.core.attachments import decoded_text
from reviewer_app.core.store.attachments import Attachment
from reviewer_app.ui.signals import emit

SIZE_EM = (96, 46)


class ScaledImage(QScrollArea):
    """A picture as wide as the window (never enlarged past its own size), scrolling down."""

    def __init__(self, image: QImage, parent: QWidget | None = None):
        super().__init__(parent)
        self._pixmap = QPixmap.fromImage(image)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label.setAccessibleName("The scanned page")
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(self.viewport().width() - 4, 1)
        shown = self._pixmap if self._pixmap.width() <= width else self._pixmap.scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation)
        self.label.setPixmap(shown)


class AttachmentViewer(QDialog):
    export_requested = Signal(object)
    """The attachment's record: the nurse asked to export it (the owner of the list does)."""

    def __init__(self, attachment: Attachment, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.attachment = attachment
        record = attachment.record
        self.setWindowTitle(f"{record.name} — {record.kind_words}, {record.size_words} — "
                            "UR Reviewer")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.caption, 1)
        self.export_button = QPushButton("&Export…", self)
        self.export_button.setToolTip("Write this document to a file (recorded in the audit "
                                      "trail)")
        self.export_button.clicked.connect(self._on_export_clicked)
        top.addWidget(self.export_button)
        close = QPushButton("Close", self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.clicked.connect(self.close)
        top.addWidget(close)
        layout.addLayout(top)
        self.content = self._content(attachment)
        layout.addWidget(self.content, 1)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * SIZE_EM[0], metrics.lineSpacing() * SIZE_EM[1])

    @classmethod
    def open(cls, parent: QWidget, attachment: Attachment) -> AttachmentViewer:
        viewer = cls(attachment, parent)
        viewer.show()
        viewer.raise_()
        return viewer

    def _content(self, attachment: Attachment) -> QWidget:
        record = attachment.record
        who = f"attached by {record.who}"
        if record.kind == "pdf":
            widget = self._pdf(attachment.data)
            pages = self._document.pageCount()
            self.caption.setText(f"{record.name}: PDF, {pages} page{'s' if pages != 1 else ''}, "
                                 f"{record.size_words}, {who}.")
            return widget
        if record.kind in ("png", "jpeg"):
            image = QImage.fromData(attachment.data)
            if image.isNull():
                self.caption.setText(f"{record.name}: this {record.kind_words} cannot be "
                                     "drawn (the file is damaged); export it to open it "
                                     "elsewhere.")
                return QLabel(self)
            self.caption.setText(f"{record.name}: {record.kind_words}, {image.width()} × "
                                 f"{image.height()} pixels, {record.size_words}, {who}.")
            return ScaledImage(image, self)
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        text.setPlainText(decoded_text(attachment.data))
        text.setAccessibleName("The document's text")
        self.caption.setText(f"{record.name}: text, {record.size_words}, {who}.")
        return text

    def _pdf(self, data: bytes) -> QWidget:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document = QPdfDocument(self)
        self._document.load(self._buffer)
        view = QPdfView(self)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(self._document)
        view.setAccessibleName("The PDF's pages")
        self.pdf_view = view
        return view

    def _on_export_clicked(self) -> None:
        emit(self.export_requested, self.attachment.record)
