"""The main window: the queue of stored cases (or, for an empty store, the first-run page),
a case opened from it or from a file (a case file is imported into the store as a draft) in
the case view, and the intake wizard (File > New case; unfinished drafts offered above the
page). It follows the change broadcast, so what it shows is what is stored.

The case page is built the first time a case opens: it brings the case model, the criteria
and their widgets (about 0.3 s of imports), which the queue at start-up does not need.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from reviewer_app.core.store.errors import ImportRefused
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.forms.ui_main_window import Ui_MainWindow
from reviewer_app.ui.main.importing import files, import_case_files
from reviewer_app.ui.main.open_dialog import ImportFilesDialog, OpenCaseDialog
from reviewer_app.ui.main.recent_files import RecentFiles
from reviewer_app.ui.operations import StoreOp
from reviewer_app.ui.operations.failures import describe_failure
from reviewer_app.ui.queue.first_run import FirstRunPage
from reviewer_app.ui.queue.page import QueuePage
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.case_words import STATUS
from reviewer_app.ui.widgets.problems_message import ProblemsMessage
from reviewer_app.ui.widgets.shortcuts import ShortcutRegistry, ShortcutsDialog

if TYPE_CHECKING:
    from reviewer_app.core.store.cases import Imported
    from reviewer_app.ui.case.case_view import CaseView
    from reviewer_app.ui.case.snapshot import CaseSnapshot

CLOCK_INTERVAL_MS = 30_000
LAST_DIRECTORY = "last_open_directory"
CASE_SUFFIX = ".json"
OPEN_KEY = "open-case"
REFRESH_KEY = "refresh-case"
"""Separate from opening: a refresh must not cancel a case the user asked for. The database
thread runs ops in order, so a refresh that finishes after another case opened is ignored."""
GEOMETRY = "window/geometry"
STATE = "window/state"


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
        self.shortcuts = ShortcutRegistry()
        """Every feature's shortcuts, for Help > Keyboard shortcuts (features add theirs)."""
        self._new_case_hook: Callable[[], None] | None = None
        self._install_queue()
        self._install_intake()
        self.setAcceptDrops(True)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_INTERVAL_MS)
        self.ui.actionOpen.triggered.connect(self._on_open_triggered)
        self.ui.actionQuit.triggered.connect(self.close)
        from reviewer_app.ui.main.checks import WindowChecks

        self.checks = WindowChecks(context, self)
        """File › Verify a letter… and Tools › Check the audit trail."""
        self.ui.actionVerifyLetter.triggered.connect(self.checks.verify_letter)
        self.ui.actionCheckAudit.triggered.connect(self.checks.check_audit)
        self.ui.menuRecent.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self._clock.timeout.connect(self._on_clock_timeout)
        context.changes.case_changed.connect(self._on_case_changed)
        self._restore_layout()

    def opened_case(self) -> CaseSnapshot | None:
        return self._opened

    def open_case(self, path: str | Path) -> None:
        """Import ``path`` as a new draft case and show it (until then the current case
        stays); a PAS request Bundle becomes an intake draft, opened in the wizard."""
        from reviewer_app.ui.main.importing import open_path

        path = Path(path)
        context = self._context
        self.statusBar().showMessage(f"Importing {path.name}…")
        (
            context.store.op(
                self,
                lambda store: open_path(
                    store, path, library=context.library, by=context.reviewer_id
                ),
                key=OPEN_KEY,
                what=f"open {path.name}",
            )
            .announces(lambda opened: [] if isinstance(opened, int) else opened.case_id)
            .success(functools.partial(self._on_file_opened, path))
            .failure(functools.partial(self._report_failure, path))
            .run()
        )

    def _on_file_opened(self, path: Path, opened) -> None:
        if isinstance(opened, int):
            self.statusBar().showMessage(
                f"{path.name}: the request was stored as draft {opened}; complete it in the "
                "intake wizard")
            self.intake.banner.refresh()
            self.intake.resume_draft(opened)
            return
        self._show_imported(opened)

    def open_stored_case(self, case_id: int) -> None:
        """Show case ``case_id`` from the store; until then the current case stays."""
        self.statusBar().showMessage(f"Opening case {case_id}…")
        self._load(case_id, OPEN_KEY).success(self._show_stored).run()

    def _load(self, case_id: int, key: str) -> StoreOp:
        from reviewer_app.ui.case.snapshot import load_snapshot

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
        self._case_view().show_case(snapshot, self._context.clock())
        self.ui.pages.setCurrentWidget(self.ui.casePage)
        self._clock.start()
        self.setWindowTitle(
            f"Case {snapshot.case_id} · {determination.case_ref} — "
            f"{member.family_name}, {member.given_name} — UR Reviewer"
        )
        from reviewer_app.ui.widgets.vocabulary import OUTCOMES

        message = f"{where}: {OUTCOMES[determination.outcome].title.lower()}"
        if not snapshot.intact:
            message += (
                " — WARNING: this case does not match its audit record; it was changed "
                "outside the application"
            )
        self.statusBar().showMessage(message)
        emit(self.case_shown, str(snapshot.path or ""))

    def _report_failure(self, path: Path, error: Exception) -> None:
        from reviewer_app.core.case_file import CaseFileError

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
        self._case_view().show_time(self._context.clock())

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

    # -- the queue, the first-run page and the window's layout ----------------------------

    def _install_queue(self) -> None:
        """The queue page (the default) and the first-run page, before the case page."""
        context = self._context
        self.queue_page = QueuePage(context, self)
        self.first_run_page = FirstRunPage(self)
        self.first_run_page.show_database(context.database_path)
        self.ui.pages.insertWidget(0, self.queue_page)
        self.ui.pages.insertWidget(1, self.first_run_page)
        self.ui.pages.setCurrentWidget(self.queue_page)
        self.ui.actionBackToQueue.setShortcuts(
            [QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), QKeySequence(Qt.Key.Key_Escape)])
        self.statusBar().addPermanentWidget(self.queue_page.counts_label)
        self.ui.actionNew.triggered.connect(self._on_new_case_triggered)
        self.ui.actionImport.triggered.connect(self._on_import_triggered)
        self.ui.actionBackToQueue.triggered.connect(self.show_queue)
        self.ui.actionShortcuts.triggered.connect(self._on_shortcuts_triggered)
        self.ui.pages.currentChanged.connect(self._on_page_changed)
        self.queue_page.case_activated.connect(self.open_stored_case)
        self.queue_page.has_cases_changed.connect(self._on_has_cases_changed)
        self.first_run_page.new_case_requested.connect(self.ui.actionNew.trigger)
        self.first_run_page.import_requested.connect(self.ui.actionImport.trigger)
        self.first_run_page.open_requested.connect(self.ui.actionOpen.trigger)
        ui = self.ui
        self.shortcuts.add_actions("Window", [ui.actionNew, ui.actionOpen, ui.actionImport,
                                              ui.actionBackToQueue, ui.actionShortcuts,
                                              ui.actionQuit])
        self.queue_page.register_shortcuts(self.shortcuts)
        self.setWindowTitle("Case queue — UR Reviewer")
        self.queue_page.start()

    def set_new_case_hook(self, hook: Callable[[], None] | None) -> None:
        """What File > New case (Ctrl+N) does: the intake wizard registers itself here."""
        self._new_case_hook = hook

    def show_queue(self) -> None:
        """Back from a case to the queue (or to the first-run page when the store is empty)."""
        empty = self.queue_page.has_cases() is False
        self.ui.pages.setCurrentWidget(self.first_run_page if empty else self.queue_page)
        self.setWindowTitle("Case queue — UR Reviewer")
        if not empty:
            self.queue_page.ui.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def import_files(self, paths: list[Path]) -> None:
        """Store every file as a draft case, all or nothing (File > Import)."""
        if paths:
            self.statusBar().showMessage(f"Importing {files(len(paths))}…")
            import_case_files(self, self._context, paths, imported=self._on_imported,
                              failed=self._on_import_failed)

    def _on_imported(self, imported: list[Imported], drafts: list[int]) -> None:
        parts = []
        if imported:
            first, last = imported[0].case_id, imported[-1].case_id
            cases = f"case {first}" if first == last else f"cases {first}–{last}"
            parts.append(f"{files(len(imported))} as draft {cases}")
        if drafts:
            parts.append(f"{len(drafts)} request{'s' * (len(drafts) != 1)} as intake "
                         f"draft{'s' * (len(drafts) != 1)} {', '.join(map(str, drafts))} "
                         "(resume them above the queue)")
            self.intake.banner.refresh()
        self.statusBar().showMessage("Imported " + " and ".join(parts))
        self.queue_page.refresh()
        self.ui.pages.setCurrentWidget(self.queue_page)
        if drafts and not imported and len(drafts) == 1:
            self.intake.resume_draft(drafts[0])

    def _on_import_failed(self, status: str, summary: str, lines: list[str]) -> None:
        self.statusBar().showMessage(status)
        if lines:
            ProblemsMessage.show_problems(self, "Case files not imported", summary, lines)

    def _case_view(self) -> CaseView:
        """The case page's view, built the first time a case is shown."""
        view = getattr(self.ui, "caseView", None)
        if view is None:
            from reviewer_app.ui.case.case_view import SHORTCUTS, CaseView

            view = CaseView(self.ui.casePage)
            view.setObjectName("caseView")
            self.ui.caseLayout.addWidget(view)
            self.ui.caseView = view
            view.set_context(self._context)
            view.edit_requested.connect(self._on_case_edit_requested)
            for keys, description in SHORTCUTS:
                self.shortcuts.add_keys("Case view", keys, description)
        return view

    def _on_case_edit_requested(self, case_id: int, version: int) -> None:
        """Edit opens the intake wizard on the stored case; Save makes its next version (the
        store refuses it if the case moved on since the wizard read it)."""
        self.open_wizard_for_case(case_id)

    def _on_new_case_triggered(self) -> None:
        if self._new_case_hook is not None:
            self._new_case_hook()

    # -- the intake wizard ------------------------------------------------------------------

    def _install_intake(self) -> None:
        """File > New case opens the intake wizard; unfinished drafts are offered above the
        page; a saved request opens here."""
        from reviewer_app.ui.intake import shortcuts
        from reviewer_app.ui.intake.launcher import IntakeLauncher

        self.intake = IntakeLauncher(self._context, self)
        self.centralWidget().layout().insertWidget(0, self.intake.banner)
        self.intake.case_saved.connect(self.open_stored_case)
        self.set_new_case_hook(self.intake.new_case)
        shortcuts.register(self.shortcuts)

    def open_wizard_for_case(self, case_id: int) -> None:
        """Edit stored case ``case_id`` in the intake wizard (saved as its next version)."""
        self.intake.edit_case(case_id)

    def _on_import_triggered(self) -> None:
        directory = str(self._context.settings.value(LAST_DIRECTORY, str(Path.home())))
        paths = ImportFilesDialog.ask(self, directory)
        if paths:
            self._context.settings.setValue(LAST_DIRECTORY, str(paths[0].resolve().parent))
            self.import_files(paths)

    def _on_shortcuts_triggered(self) -> None:
        ShortcutsDialog.show_for(self.shortcuts, self)

    def _on_has_cases_changed(self, has_cases: bool) -> None:
        self.queue_page.counts_label.setVisible(has_cases)
        pages = self.ui.pages
        if pages.currentWidget() in (self.queue_page, self.first_run_page):
            pages.setCurrentWidget(self.queue_page if has_cases else self.first_run_page)

    def _on_page_changed(self, _index: int) -> None:
        on_case = self.ui.pages.currentWidget() is self.ui.casePage
        self.ui.actionBackToQueue.setEnabled(on_case)
        if not on_case:
            self._clock.stop()

    def _restore_layout(self) -> None:
        settings = self._context.settings
        geometry = settings.value(GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value(STATE)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.intake.keep_for_later()
        settings = self._context.settings
        settings.setValue(GEOMETRY, self.saveGeometry())
        settings.setValue(STATE, self.saveState())
        self.queue_page.save_layout()
        super().closeEvent(event)

