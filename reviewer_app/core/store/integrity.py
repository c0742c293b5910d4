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
