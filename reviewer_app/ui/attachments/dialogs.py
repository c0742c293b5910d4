"""The file dialogs of attachments, behind classmethods that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

DOCUMENTS = "Documents (*.pdf *.png *.jpg *.jpeg *.txt);;All files (*)"
"""The filter offered; the kind is read from the content whatever the name says."""


class AttachFilesDialog:
    @classmethod
    def ask(cls, parent: QWidget, directory: str) -> list[Path]:
        """The documents the user picked (none when they cancelled)."""
        paths, _ = QFileDialog.getOpenFileNames(parent, "Attach documents", directory, DOCUMENTS)
        return [Path(path) for path in paths]


class ExportAttachmentDialog:
    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> Path | None:
        """Where to write the attachment, or None when they cancelled."""
        path, _ = QFileDialog.getSaveFileName(parent, "Export attachment", suggested,
                                              "All files (*)")
        return Path(path) if path else None
