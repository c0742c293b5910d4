"""The offscreen platform's warnings about popups (the wizard's completers); drafts kept when
a wizard closes."""

import pytest

OFFSCREEN_NOISE = ["This plugin does not support propagateSizeHints",
                   "This plugin does not support raise()",
                   "This plugin does not support grabbing the keyboard",
                   "This plugin does not support grabbing the mouse"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/ui/lock/" in item.path.as_posix():
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def keep_drafts_without_asking(monkeypatch):
    from reviewer_app.ui.intake.wizard import KeepDraftDialog

    monkeypatch.setattr(KeepDraftDialog, "ask", classmethod(lambda cls, parent, what: cls.KEEP))
