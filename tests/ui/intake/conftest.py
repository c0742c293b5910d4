"""The offscreen platform's warnings: a window shown (as for every GUI test) and, here, the
popups of completers and lists. A closer ``qt_log_ignore`` replaces the one of tests/ui, so
this list repeats its entry."""

import pytest

OFFSCREEN_NOISE = ["This plugin does not support propagateSizeHints",
                   "This plugin does not support raise()",
                   "This plugin does not support grabbing the keyboard",
                   "This plugin does not support grabbing the mouse"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/ui/intake/" in item.path.as_posix():
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def keep_drafts_without_asking(monkeypatch):
    """Closing a wizard asks whether to keep its draft; the tests that care answer
    themselves, every other one keeps it."""
    from reviewer_app.ui.intake.wizard import KeepDraftDialog

    monkeypatch.setattr(KeepDraftDialog, "ask",
                        classmethod(lambda cls, parent, what: cls.KEEP))


@pytest.fixture
def window(qtbot, ui_context):
    """The main window, shown and active (keyboard shortcuts reach only the active window)."""
    from PySide6.QtTest import QTest

    from reviewer_app.ui.main.window import MainWindow

    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    return window
