"""File > Import: case files stored as draft cases, and Da Vinci PAS request Bundles stored as
intake drafts, all or nothing, with progress and Cancel.

The files go through the same core import as ``python -m reviewer_app import``
(:func:`reviewer_app.core.store.cases.import_files` for ``ur-case/1`` files,
:func:`reviewer_app.core.fhir.importing.read_files` / ``store_files`` when a Bundle is among
them), on the database thread; the progress dialog shows only when the import takes longer than
half a second. Cancel rolls a case-file import back: the transaction is still open when the next
file's progress is reported (an import with Bundles is read first, then stored at once).
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


def import_paths(store: Store, paths: list[Path], *, by: int | None, library,
                 on_progress: Callable[[int], None] | None = None
                 ) -> tuple[list[Imported], list[int]]:
    """The stored cases and the draft numbers of the requests, all or nothing."""
    from reviewer_app.core.fhir.importing import read_files, store_files
    from reviewer_app.core.store import cases

    read = read_files(paths, now=store.clock().astimezone())
    if not read.requests:
        return cases.import_files(store, paths, by=by, on_progress=on_progress,
                                  library=library), []
    imported, drafted = store_files(store, read, by=by)
    return imported, [item.draft_id for item in drafted]


def open_path(store: Store, path: Path, *, by: int | None, library):
    """One dropped or opened file: a case file is stored and read back as a
    :class:`~reviewer_app.ui.case.snapshot.CaseSnapshot`; a PAS request Bundle becomes an
    intake draft (its number is returned: the window opens the wizard on it)."""
    from reviewer_app.core.case_file import read_case_bytes
    from reviewer_app.core.fhir.reading import is_fhir
    from reviewer_app.ui.case.snapshot import import_file

    if is_fhir(read_case_bytes(path)):
        _imported, drafts = import_paths(store, [path], by=by, library=library)
        return drafts[0]
    return import_file(store, path=path, library=library, by=by)


def import_case_files(parent: QWidget, context: AppContext, paths: list[Path], *,
                      imported: Callable[[list[Imported], list[int]], None],
                      failed: Callable[[str, str, list[str]], None]) -> None:
    """Store ``paths``; then ``imported(cases, draft_ids)``, or ``failed(status, summary,
    lines)`` (empty lines: nothing to list, as after Cancel)."""
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

    def run(store: Store) -> tuple[list[Imported], list[int]]:
        def advanced(done: int) -> None:
            if cancelled.is_set():
                raise ImportCancelled
            emit(relay.advanced, done)

        return import_paths(store, paths, by=context.reviewer_id, library=context.library,
                            on_progress=advanced)

    def done(result: tuple[list[Imported], list[int]]) -> None:
        progress.close()
        progress.deleteLater()
        imported(*result)

    def refused(error: Exception) -> None:
        progress.close()
        progress.deleteLater()
        if isinstance(error, ImportCancelled):
            failed("Import cancelled: nothing was stored.", "", [])
        elif isinstance(error, ImportRefused):
            invalid = len(error.errors)
            failed("Nothing was imported.",
                   f"Nothing was imported: {invalid} of {count} file{'s' * (count != 1)} "
                   f"{'is' if invalid == 1 else 'are'} not a valid case file or request. "
                   "Correct "
                   f"{'it' if invalid == 1 else 'them'} and import all of them again.",
                   error.lines())
        else:
            failure = describe_failure(error)
            failed("Nothing was imported.", f"Nothing was imported. {failure.summary}",
                   failure.lines)

    (
        context.store.op(progress, run, what=f"import {files(count)}")
        .announces(lambda result: [item.case_id for item in result[0]])
        .success(done)
        .failure(refused)
        .run()
    )
