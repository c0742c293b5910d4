"""Shared test set-up. Qt runs offscreen: this must happen before anything imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from paths import SEED


@pytest.fixture
def seed_case_path() -> Path:
    """The motivating case (L2 corpectomy for a metastasis), in the ur-case/1 format."""
    return SEED
