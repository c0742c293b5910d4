"""``reviewer-app [CASE.json]``: the desktop application."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from reviewer_app.ui.collector import collect_on_gui_thread
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.display import missing_display

if TYPE_CHECKING:
    from reviewer_app.ui.main.window import MainWindow

APPLICATION_NAME = "UR Reviewer"
ORGANIZATION_NAME = "UR Reviewer"
BASE_POINT_SIZE = 10
"""Qt's offscreen and some X11 set-ups default to 9 pt, which is small for long reading."""


def create_application(argv: Sequence[str]) -> QApplication:
    app = QApplication(list(argv))
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setStyle("Fusion")
    collect_on_gui_thread(app)
    font = app.font()
    if font.pointSizeF() < BASE_POINT_SIZE:
        font = QFont(font)
        font.setPointSize(BASE_POINT_SIZE)
        app.setFont(font)
    return app


def _arguments(args: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="reviewer-app",
        description="Open a prior-authorization case and show whether it meets the criteria.",
    )
    parser.add_argument("case", nargs="?", help="a ur-case/1 JSON file to import and open")
    parser.add_argument("--db", metavar="PATH",
                        help="the case database (default: REVIEWER_APP_DB, else the user data "
                             "folder, as for the command line)")
    return parser.parse_args(list(args))


def _create_context(app: QApplication, db_path: str | None) -> AppContext:
    """The context of this run; its database thread stops when the application quits."""
    context = AppContext.create(db_path)
    app.aboutToQuit.connect(context.close)
    return context


def _open_early(context: AppContext, owner: QApplication) -> None:
    """Open the case store on the database thread while this one builds the window, with the
    modules the queue reads through (the two threads overlap). Not ``reviewers``: it imports
    the certificate checks (cryptography, about 60 ms), which the queue does not need."""

    def prepare(_store: object) -> None:
        from reviewer_app.core.store import queue, records  # noqa: F401

    context.store.op(owner, prepare, what="open the case database").failure(
        lambda _error: None).run()  # a failure shows when the queue reads the store


def start(argv: Sequence[str]) -> tuple[QApplication, MainWindow]:
    """The application and its shown window, covered until a reviewer signs in (or the first
    run has made the organization and its first reviewer); then the queue, or ``CASE.json``
    opening, attributed to them."""
    app = create_application(argv)
    arguments = _arguments(app.arguments()[1:])
    context = _create_context(app, arguments.db)
    _open_early(context, app)
    from reviewer_app.ui.main.window import MainWindow
    from reviewer_app.ui.session.gate import SessionGate

    window = MainWindow(context)
    window.session_gate = SessionGate(window, context)
    window.show()
    window.session_gate.start(opening=arguments.case)
    return app, window


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    problem = missing_display(os.environ, argv)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app, _window = start(argv)
    return app.exec()
