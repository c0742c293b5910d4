"""SQLite's own check of the file: every page, every b-tree and every index against its table.

The audit chain proves that no row was changed outside the application; it cannot see damage
below the rows, such as an index that no longer matches its table (a query through it then
finds the wrong cases, or none) or a page that the file system lost. ``PRAGMA
integrity_check`` reads the whole file and compares each index with its table; ``PRAGMA
quick_check`` skips that comparison and is about twice as fast, so it suits nothing that
has to trust the indexes. ``audit verify`` and every backup run the full check.

What SQLite reports names tables, indexes, pages and row numbers, never a stored value, so its
lines can be shown as they are.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer_app.core.characters import printable

if TYPE_CHECKING:
    from reviewer_app.core.store.audit import AuditReport
    from reviewer_app.core.store.database import Store

SHOWN = 20
"""Problems reported at most (a badly damaged file has thousands, all saying the same)."""


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False,
                       limit: int = SHOWN) -> list[str]:
    """What is wrong with the file (empty when ``ok``)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except sqlite3.DatabaseError as error:
        return [f"the file cannot be read to the end ({error})"]
    found = [line for row in rows for line in str(row[0]).splitlines()]
    return [] if found == ["ok"] else found


@dataclass(frozen=True)
class DatabaseCheck:
    """``audit verify`` in one value: SQLite's damage report and the audit trail's
    (``report`` is None when the trail could not be read to its end)."""

    damage: tuple[str, ...]
    report: AuditReport | None

    @property
    def ok(self) -> bool:
        return self.report is not None and self.report.ok and not self.damage

    def lines(self) -> list[str]:
        """``file damaged: ...`` lines, then the audit report's."""
        found = [f"file damaged: {printable(line, 300)}" for line in self.damage]
        return found + (self.report.lines() if self.report is not None else [])


def check_database(store: Store) -> DatabaseCheck:
    """The whole file's integrity check, then the audit trail walked from its first entry
    (:func:`~reviewer_app.core.store.audit.verify_audit`). A trail that cannot be read on a
    damaged file is one more line of damage, not an error."""
    from reviewer_app.core.store.audit import verify_audit
    from reviewer_app.core.store.errors import database_failure

    damage = integrity_problems(store.conn)
    try:
        report = verify_audit(store)
    except sqlite3.DatabaseError as error:
        if not damage:
            raise
        return DatabaseCheck((*damage, f"the audit trail cannot be read to the end "
                                       f"({database_failure(error)})"), None)
    return DatabaseCheck(tuple(damage), report)
