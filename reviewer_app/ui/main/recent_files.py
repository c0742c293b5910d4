"""The recently opened case files, most recent first, kept in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_files"
LIMIT = 10


class RecentFiles:
    def __init__(self, settings: QSettings):
        self._settings = settings

    def paths(self) -> list[str]:
        # type=list: the INI backend otherwise returns a lone entry as a plain string.
        return [str(p) for p in self._settings.value(KEY, [], type=list)]

    def add(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        paths = [path, *(p for p in self.paths() if p != path)]
        self._settings.setValue(KEY, paths[:LIMIT])

    def clear(self) -> None:
        self._settings.remove(KEY)
