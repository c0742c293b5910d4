"""File > Import: case files stored as drafts, all or nothing, with progress and Cancel.

The files go through the same core import as ``python -m reviewer_app import``
(:func:`reviewer_app.core.store.cases.import_files`), on the database thread; the progress
dialog shows only when the import takes longer than half a second. Cancel rolls the whole
import back: the transaction is still open when the next file's progress is reported.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reviewer_app.core.store.errors import ImportRefused
from reviewer_app.ui.operations.failures import describe_failure
from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.store.cases import Imported
    from reviewer_app.core.store.database import Store
    from reviewer_app.ui.context import AppContext

PROGRESS_AFTER_MS = 500


class ImportCancelled(Exception):
    """The reviewer cancelled an import; its transaction was rolled back."""


class _Progress(QObject):
    """Carries an import's progress from the database thread to the dialog (queued)."""

    advanced = Signal(int)


def files(count: int) -> str:
    return f"{count} case file{'s' * (count != 1)}"


def import_case_files(parent: QWidget, context: AppContext, paths: list[Path], *,
                      imported: Callable[[list[Imported]], None],
                      failed: Callable[[str, str, list[str]], None]) -> None:
    """Store ``paths``; then ``imported(items)``, or ``failed(status, summary, lines)`` (empty
    lines: nothing to list, as after Cancel)."""
    count = len(paths)
    progress = QProgressDialog(f"Importing {files(count)}…", "Cancel", 0, count, parent)
    progress.setWindowTitle("Importing")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    progress.setAutoClose(False)
    progress.setValue(0)
    relay = _Progress(progress)
    relay.advanced.connect(progress.setValue)
    cancelled = threading.Event()
    progress.canceled.connect(cancelled.set)

    def run(store: Store) -> list[Imported]:
        from reviewer_app.core.store import cases

        def advanced(done: int) -> None:
            if cancelled.is_set():
                raise ImportCancelled
            emit(relay.advanced, done)

        return cases.import_files(store, paths, by=context.reviewer_id,
                                  on_progress=advanced, library=context.library)

    def done(items: list[Imported]) -> None:
        progress.close()
        progress.deleteLater()
        imported(items)

    def refused(error: Exception) -> None:
        progress.close()
        progress.deleteLater()
        if isinstance(error, ImportCancelled):
            failed("Import cancelled: nothing was stored.", "", [])
        elif isinstance(error, ImportRefused):
            invalid = len(error.errors)
            failed("Nothing was imported.",
                   f"Nothing was imported: {invalid} of {count} file{'s' * (count != 1)} "
                   f"{'is' if invalid == 1 else 'are'} not a valid case file. Correct "
                   f"{'it' if invalid == 1 else 'them'} and import all of them again.",
                   error.lines())
        else:
            failure = describe_failure(error)
            failed("Nothing was imported.", f"Nothing was imported. {failure.summary}",
                   failure.lines)

    (
        context.store.op(progress, run, what=f"import {files(count)}")
        .announces(lambda items: [item.case_id for item in items])
        .success(done)
        .failure(refused)
        .run()
    )
