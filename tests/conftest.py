"""Shared test set-up. Qt runs offscreen: this must happen before anything imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime
from pathlib import Path

import pytest
from paths import SEED

UI_NOW = datetime.fromisoformat("2026-11-23T16:00:00-05:00")
"""The clock UI tests run at: the seed case (due 2026-12-05 09:15 -05:00) has 11 days 17 h left."""


@pytest.fixture
def seed_case_path() -> Path:
    """The motivating case (L2 corpectomy for a metastasis), in the ur-case/1 format."""
    return SEED


@pytest.fixture
def ui_context(tmp_path, qapp):
    """An application context with throw-away settings and a fixed clock."""
    from PySide6.QtCore import QSettings

    from reviewer_app.ui.context import AppContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(settings=settings, clock=lambda: UI_NOW)
