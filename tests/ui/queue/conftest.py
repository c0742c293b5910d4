"""A generated store of a few hundred realistic cases (bench/queue_store.py), built once, and
queue pages over it with a clock the test can move."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from support.uikit import UI_NOW

from bench.queue_store import build

CASES = 700


@dataclass
class Clock:
    now: datetime = UI_NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture(scope="session")
def generated_store(tmp_path_factory):
    """700 cases received before UI_NOW, some in review, pended, referred or decided."""
    path = tmp_path_factory.mktemp("generated") / "cases.sqlite3"
    return build(path, CASES, UI_NOW)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store_copy(generated_store, tmp_path):
    """A copy of the generated store that a test may change."""
    target = tmp_path / "cases.sqlite3"
    shutil.copyfile(generated_store, target)
    return target


@pytest.fixture
def queue_context(store_copy, tmp_path, clock, qapp):
    from PySide6.QtCore import QSettings

    from reviewer_app.ui.context import AppContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext.create(store_copy, settings=settings, clock=clock)
    yield context
    context.close()
