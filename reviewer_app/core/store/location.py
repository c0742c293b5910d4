"""Where the case database lives: ``--db PATH``, else ``REVIEWER_APP_DB``, else the platform's
user data folder (``~/.local/share/UR Reviewer/cases.sqlite3`` on Linux,
``%LOCALAPPDATA%\\UR Reviewer\\cases.sqlite3`` on Windows,
``~/Library/Application Support/UR Reviewer/cases.sqlite3`` on macOS).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "UR Reviewer"
FILE_NAME = "cases.sqlite3"
ENV_VAR = "REVIEWER_APP_DB"


def default_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    """The file to open: the explicit path, the environment's, or the default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_path()


def is_default(path: Path) -> bool:
    """Whether ``path`` is the default location (the only one whose folder we create)."""
    return path.expanduser().absolute() == default_path().absolute()
