"""Pieces the GUI tests share: a context on a throw-away database, and reading that database
from the test's own thread (a second connection, as another window or the CLI would open)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from reviewer_app.core.store import audit, queue
from reviewer_app.core.store.database import Store

UI_NOW = datetime.fromisoformat("2026-11-23T16:00:00-05:00")
"""The clock UI tests run at: the seed case (due 2026-12-05 09:15 -05:00) has 11 days 17 h left."""

WAIT_MS = 10_000


def make_context(folder: Path, now: datetime = UI_NOW):
    """An application context with its own settings file and database in ``folder``."""
    from PySide6.QtCore import QSettings

    from reviewer_app.ui.context import AppContext

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext.create(folder / "cases.sqlite3", settings=settings, clock=lambda: now)


@contextmanager
def reading(path: Path, *, create: bool = False) -> Iterator[Store]:
    """The database at ``path`` on a connection of the calling thread."""
    with Store.open(path, create=create, clock=lambda: UI_NOW) as store:
        yield store


def as_signed_in(context, unlocked):
    """A copy of ``context`` with a session of its own in which the reviewer whose key is
    ``unlocked`` is signed in (as the sign-in dialog leaves it, without the audit entry)."""
    import dataclasses

    from reviewer_app.ui.session.operations import session_of
    from reviewer_app.ui.session.session import Session

    with reading(context.database_path) as store:
        signed_in = session_of(store, unlocked)
    made = dataclasses.replace(context, session=Session())
    made.session.sign_in(signed_in)
    return made


def case_count(path: Path) -> int:
    """Cases in the database at ``path`` (0 when there is no database yet)."""
    if not path.exists():
        return 0
    with reading(path) as store:
        return queue.count_cases(store, "all")


def audit_actions(path: Path, case_id: int) -> list[str]:
    with reading(path) as store:
        return [e.action for e in audit.entries(store, case_id=case_id, newest_first=False)]
