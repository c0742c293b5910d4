"""Opening the case database, and the one way to write to it.

Opening reads the schema version before anything else and refuses a file from a newer build or
another program without writing a byte. Only then does it switch to WAL (which must happen
outside a transaction), turn foreign keys on (SQLite leaves them off on every new connection),
set a busy timeout, and apply pending migrations under the write lock, so two instances opening
a new file at once cannot both create the schema.

The database holds health information, so it is the owner's alone: the default folder is
created 0700 and the database file 0600 before SQLite opens it, whatever the umask (SQLite
creates its ``-wal`` and ``-shm`` files with the database file's mode, so they are 0600 too).
An existing database, side files or default folder that others can read is made owner-only
when opened, with a one-line notice on stderr.

Writes go through :meth:`Store.write`: ``BEGIN IMMEDIATE`` takes the write lock before the first
read, so a transaction never reads a snapshot that another writer invalidates before it writes
(in WAL mode that would fail with SQLITE_BUSY_SNAPSHOT instead of waiting).

Queries use the plain ``sqlite3`` connection (:attr:`Store.conn`). The sqlite-utils
``Database`` over it (:attr:`Store.db`: migrations, a few table helpers) is made when first
used, so opening a migrated file does not import sqlite-utils (about 0.1 s at every start).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.core.store import migrations
from reviewer_app.core.store.errors import (
    DamagedDatabaseError,
    NoDatabaseError,
    NotOurDatabaseError,
    StoreError,
    database_failure,
)
from reviewer_app.core.store.location import is_default
from reviewer_app.core.store.rows import utc_text

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_SECONDS = 10.0
"""How long a write waits for another instance's transaction before giving up."""


CACHE_KIB = 65536
"""Page cache per connection (64 MiB): a big import updates seven indexes and the full-text
index at random places, and re-reads from disk what a small cache evicted."""


FILE_MODE = 0o600
FOLDER_MODE = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside the database: they hold the same data."""


def _stderr_notice(line: str) -> None:
    print(line, file=sys.stderr)


def _create_owner_only(path: Path) -> None:
    """An empty database file, 0600 whatever the umask (SQLite fills an empty file)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    try:
        if os.name == "posix":
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def make_owner_only(path: Path, *, folder: bool = False) -> list[str]:
    """Take group and other permissions off the database's files (and with ``folder``, off
    its folder); returns a line for what was changed or could not be."""
    if os.name != "posix":
        return []
    changed, failed = [], []
    targets = [(Path(f"{path}{suffix}"), FILE_MODE) for suffix in ("", *SIDE_FILES)]
    if folder:
        targets.append((path.parent, FOLDER_MODE))
    for target, mode in targets:
        try:
            current = stat.S_IMODE(os.lstat(target).st_mode)
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(os.lstat(target).st_mode) or not current & 0o077:
            continue
        try:
            os.chmod(target, mode)
            changed.append(f"{target.name} {current:04o}")
        except OSError as error:
            failed.append(f"{target.name} ({error.strerror})")
    lines = []
    if changed:
        lines.append(f"note: {path} and its files were readable by other users "
                     f"({', '.join(changed)}); they are now owner-only (0600, folder 0700)")
    if failed:
        lines.append(f"warning: {path}: could not make owner-only: {', '.join(failed)}")
    return lines


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"



def _into_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """Turn a new database file into WAL mode, outside a transaction. Another connection
    making or migrating the same new file at that moment (the window's database thread and a
    second window, the command line, a test) makes SQLite answer "database is locked" at once,
    without waiting on the busy timeout, so the change is tried again until that time is up."""
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)

class Store:
    """An open case database. One connection, owned by the thread that opened it."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], dt.datetime]):
        self.conn = conn
        self.path = path
        self.clock = clock
        self.os_user = _os_user()
        self._db: Database | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        clock: Callable[[], dt.datetime] | None = None,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        notice: Callable[[str], None] = _stderr_notice,
    ) -> Store:
        """Open (and with ``create``, make) the database at ``path``, migrated to this build.
        ``notice`` gets the one-line notice when the file's modes had to be fixed."""
        path = Path(path)
        default = is_default(path)
        if not path.exists():
            if not create:
                raise NoDatabaseError(
                    f"there is no case database at {path} (import cases or add a reviewer "
                    "to create one, or point --db at an existing file)"
                )
            if default:
                path.parent.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
            elif not path.parent.is_dir():
                raise StoreError(f"cannot create {path}: the folder {path.parent} does not exist")
            try:
                _create_owner_only(path)
            except OSError as error:
                raise StoreError(f"cannot create {path}: {error.strerror}") from None
        elif path.is_dir():
            raise StoreError(f"{path} is a folder, not a case database file")
        elif not path.is_file():
            raise StoreError(f"{path} is not a regular file, so not a case database")
        for line in make_owner_only(path, folder=default):
            notice(line)
        try:
            conn = sqlite3.connect(path, timeout=busy_timeout)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open {path}: {error}") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            try:
                conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
                pending = migrations.check_version(conn, str(path))
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError as error:
                if getattr(error, "sqlite_errorname", "") == "SQLITE_CORRUPT":
                    raise DamagedDatabaseError(
                        f"{path} is damaged ({database_failure(error)}); it was not changed: "
                        "restore it from a backup"
                    ) from None
                raise NotOurDatabaseError(
                    f"{path} is not a SQLite database ({error}); it was not changed"
                ) from None
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                _into_wal(conn, busy_timeout)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            store = cls(conn, path, clock or _utc_now)
            if pending:
                with store.write():
                    if migrations.check_version(conn, str(path)):
                        migrations.apply(store.db)
            return store
        except BaseException:
            conn.close()
            raise

    @property
    def db(self) -> Database:
        """sqlite-utils over this connection (table helpers, migrations), made when first
        used."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def close(self) -> None:
        self.conn.close()

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
