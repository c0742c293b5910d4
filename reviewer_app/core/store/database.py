"""Opening the case database, and the one way to write to it.

Opening reads the schema version before anything else and refuses a file from a newer build or
another program without writing a byte. Only then does it switch to WAL (which must happen
outside a transaction), turn foreign keys on (SQLite leaves them off on every new connection),
set a busy timeout, and apply pending migrations under the write lock, so two instances opening
a new file at once cannot both create the schema.

Writes go through :meth:`Store.write`: ``BEGIN IMMEDIATE`` takes the write lock before the first
read, so a transaction never reads a snapshot that another writer invalidates before it writes
(in WAL mode that would fail with SQLITE_BUSY_SNAPSHOT instead of waiting).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlite_utils import Database

from reviewer_app.core.store import migrations
from reviewer_app.core.store.errors import NoDatabaseError, NotOurDatabaseError, StoreError
from reviewer_app.core.store.location import is_default
from reviewer_app.core.store.rows import utc_text

BUSY_TIMEOUT_SECONDS = 10.0
"""How long a write waits for another instance's transaction before giving up."""


CACHE_KIB = 65536
"""Page cache per connection (64 MiB): a big import updates seven indexes and the full-text
index at random places, and re-reads from disk what a small cache evicted."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Store:
    """An open case database. One connection, owned by the thread that opened it."""

    def __init__(self, db: Database, path: Path, clock: Callable[[], dt.datetime]):
        self.db = db
        self.path = path
        self.clock = clock
        self.os_user = _os_user()

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        clock: Callable[[], dt.datetime] | None = None,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    ) -> Store:
        """Open (and with ``create``, make) the database at ``path``, migrated to this build."""
        path = Path(path)
        if not path.exists():
            if not create:
                raise NoDatabaseError(
                    f"there is no case database at {path} (import cases or add a reviewer "
                    "to create one, or point --db at an existing file)"
                )
            if is_default(path):
                path.parent.mkdir(parents=True, exist_ok=True)
            elif not path.parent.is_dir():
                raise StoreError(f"cannot create {path}: the folder {path.parent} does not exist")
        elif path.is_dir():
            raise StoreError(f"{path} is a folder, not a case database file")
        try:
            conn = sqlite3.connect(path, timeout=busy_timeout)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open {path}: {error}") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            try:
                db = Database(conn, execute_plugins=False)
                pending = migrations.check_version(db, str(path))
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError as error:
                raise NotOurDatabaseError(
                    f"{path} is not a SQLite database ({error}); it was not changed"
                ) from None
            db.enable_wal()
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = FULL")
            db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            store = cls(db, path, clock or _utc_now)
            if pending:
                with store.write():
                    if migrations.check_version(db, str(path)):
                        migrations.apply(db)
            return store
        except BaseException:
            conn.close()
            raise

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def now(self) -> str:
        """The current time as stored: fixed-width UTC text."""
        return utc_text(self.clock())

    def today(self) -> dt.date:
        """Today's date where the reviewer is (the clock's own zone)."""
        return self.clock().astimezone().date()

    @contextlib.contextmanager
    def write(self) -> Iterator[Store]:
        """One write transaction, holding the write lock from its first statement."""
        if self.conn.in_transaction:
            raise StoreError("a write is already in progress on this connection")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise
        else:
            self.conn.commit()

    def query(self, sql: str, parameters: tuple | list | dict = ()) -> list[sqlite3.Row]:
        """Rows as ``sqlite3.Row`` (by name and by position)."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, parameters).fetchall()

    def query_one(self, sql: str, parameters: tuple | list | dict = ()) -> sqlite3.Row | None:
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, parameters).fetchone()
