"""The main window: open a case (a case file is imported into the store as a draft), see its
determination; it follows the change broadcast, so the case shown is always the stored one."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from reviewer_app.core.case_file import CaseFileError
from reviewer_app.core.store.errors import ImportRefused
from reviewer_app.ui.case.snapshot import CaseSnapshot, import_file, load_snapshot
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.forms.ui_main_window import Ui_MainWindow
from reviewer_app.ui.intake.launcher import IntakeLauncher
from reviewer_app.ui.main.open_dialog import OpenCaseDialog
from reviewer_app.ui.main.recent_files import RecentFiles
from reviewer_app.ui.operations import StoreOp
from reviewer_app.ui.operations.failures import describe_failure
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.problems_message import ProblemsMessage
from reviewer_app.ui.widgets.vocabulary import OUTCOMES, STATUS

CLOCK_INTERVAL_MS = 30_000
LAST_DIRECTORY = "last_open_directory"
CASE_SUFFIX = ".json"
OPEN_KEY = "open-case"
REFRESH_KEY = "refresh-case"
"""Separate from opening: a refresh must not cancel a case the user asked for. The database
thread runs ops in order, so a refresh that finishes after another case opened is ignored."""


def _case_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() == CASE_SUFFIX]


class MainWindow(QMainWindow):
    case_shown = Signal(str)
    """A case is now on screen (the file it was imported from; empty for a stored case)."""
    case_failed = Signal(str)
    """A file could not be opened; the user was told and the previous case stays (its path)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._recent = RecentFiles(context.settings)
        self._opened: CaseSnapshot | None = None
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setAcceptDrops(True)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_INTERVAL_MS)
        self.ui.actionOpen.triggered.connect(self._on_open_triggered)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.menuRecent.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self._clock.timeout.connect(self._on_clock_timeout)
        context.changes.case_changed.connect(self._on_case_changed)
        self._connect_case_view()
        self._install_intake()
        self.statusBar().showMessage("No case open. Open a case file with Ctrl+O or drop one here.")

    def _install_intake(self) -> None:
        """File > New case (the intake wizard), the unfinished drafts above the page, and
        Help > Keyboard shortcuts (all in ui/intake); a saved request opens here."""
        self.intake = IntakeLauncher(self._context, self)
        self.ui.menuFile.insertAction(self.ui.actionOpen, self.intake.new_action)
        self.centralWidget().layout().insertWidget(0, self.intake.banner)
        self.menuBar().addMenu(self.intake.help_menu)
        self.intake.case_saved.connect(self.open_stored_case)

    def open_wizard_for_case(self, case_id: int) -> None:
        """Edit stored case ``case_id`` in the intake wizard (saved as its next version)."""
        self.intake.edit_case(case_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.intake.keep_for_later()
        super().closeEvent(event)

    def opened_case(self) -> CaseSnapshot | None:
        return self._opened

    def open_case(self, path: str | Path) -> None:
        """Import ``path`` as a new draft and show it; until then the current case stays."""
        path = Path(path)
        context = self._context
        self.statusBar().showMessage(f"Importing {path.name}…")
        (
            context.store.op(
                self,
                functools.partial(
                    import_file, path=path, library=context.library, by=context.reviewer_id
                ),
                key=OPEN_KEY,
                what=f"open {path.name}",
            )
            .announces(lambda snapshot: snapshot.case_id)
            .success(self._show_imported)
            .failure(functools.partial(self._report_failure, path))
            .run()
        )

    def open_stored_case(self, case_id: int) -> None:
        """Show case ``case_id`` from the store; until then the current case stays."""
        self.statusBar().showMessage(f"Opening case {case_id}…")
        self._load(case_id, OPEN_KEY).success(self._show_stored).run()

    def _load(self, case_id: int, key: str) -> StoreOp:
        by = self._context.reviewer_id
        return self._context.store.op(
            self,
            lambda store: load_snapshot(store, case_id, by=by),
            key=key,
            what=f"open case {case_id}",
        )

    def _show_imported(self, snapshot: CaseSnapshot) -> None:
        path = snapshot.path
        self._recent.add(path)
        self._context.settings.setValue(LAST_DIRECTORY, str(path.resolve().parent))
        self._show(snapshot, f"{path.name} imported as draft case {snapshot.case_id}")

    def _show_stored(self, snapshot: CaseSnapshot) -> None:
        self._show(snapshot, f"Case {snapshot.case_id}")

    def _show_refreshed(self, snapshot: CaseSnapshot) -> None:
        shown = self._opened
        if shown is None or shown.case_id != snapshot.case_id:
            return
        snapshot = replace(snapshot, path=shown.path)
        status = STATUS.get(snapshot.status, snapshot.status)
        self._show(snapshot, f"Case {snapshot.case_id} was updated ({status})")

    def _show(self, snapshot: CaseSnapshot, where: str) -> None:
        self._opened = snapshot
        determination = snapshot.determination
        member = snapshot.case.member
        self.ui.caseView.show_case(snapshot, self._context.clock())
        self.ui.pages.setCurrentWidget(self.ui.casePage)
        self._clock.start()
        self.setWindowTitle(
            f"Case {snapshot.case_id} · {determination.case_ref} — "
            f"{member.family_name}, {member.given_name} — UR Reviewer"
        )
        message = f"{where}: {OUTCOMES[determination.outcome].title.lower()}"
        if not snapshot.intact:
            message += (
                " — WARNING: this case does not match its audit record; it was changed "
                "outside the application"
            )
        self.statusBar().showMessage(message)
        emit(self.case_shown, str(snapshot.path or ""))

    def _connect_case_view(self) -> None:
        view = self.ui.caseView
        view.set_context(self._context)
        view.edit_requested.connect(self._on_case_edit_requested)

    def _on_case_edit_requested(self, case_id: int, version: int) -> None:
        """Edit opens the intake wizard on the stored case; Save makes its next version (the
        store refuses it if the case moved on since the wizard read it)."""
        self.open_wizard_for_case(case_id)

    def _report_failure(self, path: Path, error: Exception) -> None:
        kept = " The case shown before is still open." if self._opened else ""
        if isinstance(error, CaseFileError | ImportRefused):
            summary = f"{path.name} is not a valid case file, so it was not opened."
            lines = error.lines()
        else:
            failure = describe_failure(error)
            summary = f"{path.name} could not be opened. {failure.summary}"
            lines = failure.lines
        self.statusBar().showMessage(f"{path.name} was not opened.{kept}")
        ProblemsMessage.show_problems(self, "Case file not opened", summary + kept, lines)
        emit(self.case_failed, str(path))

    def _on_case_changed(self, case_id: int) -> None:
        """Announcements can still arrive after the application closed the store."""
        if self._context.store.closed:
            return
        if self._opened is not None and self._opened.case_id == case_id:
            self._load(case_id, REFRESH_KEY).success(self._show_refreshed).run()

    def _on_open_triggered(self) -> None:
        directory = str(self._context.settings.value(LAST_DIRECTORY, str(Path.home())))
        path = OpenCaseDialog.ask(self, directory)
        if path is not None:
            self.open_case(path)

    def _on_recent_menu_about_to_show(self) -> None:
        menu = self.ui.menuRecent
        menu.clear()
        paths = self._recent.paths()
        for number, path in enumerate(paths, start=1):
            action = QAction(f"&{number % 10} {Path(path).name}", menu)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(lambda _checked=False, p=path: self.open_case(p))
            menu.addAction(action)
        if not paths:
            menu.addAction("No recent files").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("Clear recent files").triggered.connect(self._on_clear_recent_triggered)

    def _on_clear_recent_triggered(self) -> None:
        self._recent.clear()

    def _on_clock_timeout(self) -> None:
        self.ui.caseView.show_time(self._context.clock())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _case_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _case_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_case(paths[0])
        if len(paths) > 1:
            self.statusBar().showMessage(
                f"Opening {paths[0].name}; one case at a time, the other {len(paths) - 1} "
                "were left alone."
            )
