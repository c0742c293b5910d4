"""The application context handed to every window: no module reaches for globals."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from reviewer_app.core.store.location import database_path
from reviewer_app.ui.changes import CaseChanges
from reviewer_app.ui.operations.store_thread import StoreThread
from reviewer_app.ui.session.session import Session

if TYPE_CHECKING:
    from reviewer_app.core.criteria.library import Library
    from reviewer_app.core.store.records import Reviewer
    from reviewer_app.core.store.reviewers import UnlockedReviewer


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _shipped_library() -> Library:
    from reviewer_app.core.criteria.library import default_library

    return default_library()


@dataclass(frozen=True)
class AppContext:
    """What windows share. ``clock`` is injectable so deadlines render reproducibly in tests;
    the store stamps its records with the same clock."""

    settings: QSettings
    store: StoreThread
    """Runs :class:`~reviewer_app.ui.operations.StoreOp`\\ s: ``context.store.op(self, fn)``."""
    changes: CaseChanges
    clock: Callable[[], datetime] = field(default=_local_now)
    library_source: Callable[[], Library] = field(default=_shipped_library, repr=False)
    session: Session = field(default_factory=Session, repr=False)
    """Who is signed in (the one thing here that changes; it says so with ``changed``)."""

    @property
    def library(self) -> Library:
        """The criteria library, read when first used: loading the shipped sets takes about
        0.35 s (YAML, pydantic), which the queue at start-up does not need. Store operations
        read it on the database thread."""
        return self.library_source()

    @classmethod
    def create(
        cls,
        db_path: str | os.PathLike | None = None,
        *,
        settings: QSettings | None = None,
        clock: Callable[[], datetime] = _local_now,
        library: Library | None = None,
    ) -> AppContext:
        """The database found as the command line finds it (``db_path``, else
        ``REVIEWER_APP_DB``, else the user data folder) and, by default, the user's settings
        (through the application and organisation names) and the shipped criteria."""
        changes = CaseChanges()
        return cls(
            settings=settings if settings is not None else QSettings(),
            store=StoreThread(database_path(db_path), changes, clock),
            library_source=(lambda: library) if library is not None else _shipped_library,
            changes=changes,
            clock=clock,
        )

    @property
    def database_path(self) -> Path:
        return self.store.path

    @property
    def reviewer(self) -> Reviewer | None:
        """The signed-in reviewer's profile (None when nobody is signed in): every store
        operation the window asks for is attributed to them."""
        return self.session.reviewer

    @property
    def signer(self) -> UnlockedReviewer | None:
        """The signed-in reviewer's opened key (None when nobody is signed in): deciding and
        signing a letter need it; its certificate states the role the window enables."""
        current = self.session.current
        return current.unlocked if current else None

    @property
    def reviewer_id(self) -> int | None:
        reviewer = self.session.reviewer
        return reviewer.id if reviewer else None

    def close(self) -> None:
        """Finish the submitted store operations and close the database (on app exit)."""
        self.store.close()
