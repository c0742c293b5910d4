"""Drafts are kept without asking when a wizard closes (the lock tests never discard one)."""

import pytest


@pytest.fixture(autouse=True)
def keep_drafts_without_asking(monkeypatch):
    from reviewer_app.ui.intake.wizard import KeepDraftDialog

    monkeypatch.setattr(KeepDraftDialog, "ask", classmethod(lambda cls, parent, what: cls.KEEP))
