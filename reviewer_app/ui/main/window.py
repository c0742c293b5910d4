"""The main window: open a case file, see its determination."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from reviewer_app.core.case_file import CaseFileError
from reviewer_app.ui.case.snapshot import OpenedCase, open_case
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.forms.ui_main_window import Ui_MainWindow
from reviewer_app.ui.main.open_dialog import OpenCaseDialog
from reviewer_app.ui.main.recent_files import RecentFiles
from reviewer_app.ui.operations import CoreOp
from reviewer_app.ui.widgets.problems_message import ProblemsMessage
from reviewer_app.ui.widgets.vocabulary import OUTCOMES

CLOCK_INTERVAL_MS = 30_000
LAST_DIRECTORY = "last_open_directory"
CASE_SUFFIX = ".json"


def _case_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() == CASE_SUFFIX]


class MainWindow(QMainWindow):
    case_shown = Signal(str)
    """A case was evaluated and is now on screen (its path)."""
    case_failed = Signal(str)
    """A file could not be opened; the user was told and the previous case stays (its path)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._recent = RecentFiles(context.settings)
        self._opened: OpenedCase | None = None
        self._request = 0
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setAcceptDrops(True)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_INTERVAL_MS)
        self.ui.actionOpen.triggered.connect(self._on_open_triggered)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.menuRecent.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self._clock.timeout.connect(self._on_clock_timeout)
        self.statusBar().showMessage("No case open. Open a case file with Ctrl+O or drop one here.")

    def opened_case(self) -> OpenedCase | None:
        return self._opened

    def open_case(self, path: str | Path) -> None:
        """Evaluate ``path`` in the background; until it is done the current case stays shown."""
        path = Path(path)
        self._request += 1
        self.statusBar().showMessage(f"Evaluating {path.name}…")
        (
            CoreOp(self, open_case, path)
            .success(functools.partial(self._show_opened, self._request))
            .failure(functools.partial(self._report_failure, self._request, path))
            .run()
        )

    def _show_opened(self, request: int, opened: OpenedCase) -> None:
        if request != self._request:
            return
        self._opened = opened
        self._recent.add(opened.path)
        self._context.settings.setValue(LAST_DIRECTORY, str(opened.path.resolve().parent))
        determination = opened.determination
        member = opened.case.member
        self.ui.determinationView.show_case(opened, self._context.clock())
        self.ui.pages.setCurrentWidget(self.ui.casePage)
        self._clock.start()
        self.setWindowTitle(
            f"{determination.case_ref} — {member.family_name}, {member.given_name} — UR Reviewer"
        )
        self.statusBar().showMessage(
            f"{opened.path.name}: {OUTCOMES[determination.outcome].title.lower()}"
        )
        self.case_shown.emit(str(opened.path))

    def _report_failure(self, request: int, path: Path, error: Exception) -> None:
        if request != self._request:
            return
        kept = " The case shown before is still open." if self._opened else ""
        if isinstance(error, CaseFileError):
            summary = f"{path.name} is not a valid case file, so it was not opened."
            lines = error.lines()
        else:
            summary = f"{path.name} could not be evaluated because of an internal error."
            lines = [f"{path}: {type(error).__name__}: {error}"]
        self.statusBar().showMessage(f"{path.name} was not opened.{kept}")
        ProblemsMessage.show_problems(self, "Case file not opened", summary + kept, lines)
        self.case_failed.emit(str(path))

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
        self.ui.determinationView.show_time(self._context.clock())

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
