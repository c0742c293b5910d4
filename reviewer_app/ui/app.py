"""``reviewer-app [CASE.json]``: the desktop application."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from reviewer_app.ui.context import AppContext
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
    parser.add_argument("case", nargs="?", help="a ur-case/1 JSON file to open")
    return parser.parse_args(list(args))


def main(argv: Sequence[str] | None = None) -> int:
    app = create_application(sys.argv if argv is None else argv)
    arguments = _arguments(app.arguments()[1:])
    window = MainWindow(AppContext.create())
    window.show()
    if arguments.case:
        window.open_case(arguments.case)
    return app.exec()
