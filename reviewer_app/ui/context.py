"""The application context handed to every window: no module reaches for globals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QSettings


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class AppContext:
    """What windows share. ``clock`` is injectable so deadlines render reproducibly in tests."""

    settings: QSettings
    clock: Callable[[], datetime] = field(default=_local_now)

    @classmethod
    def create(cls) -> AppContext:
        """The user's settings, found through the application and organisation names."""
        return cls(settings=QSettings())
