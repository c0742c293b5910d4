"""Backups through SQLite's online backup API: a consistent copy while the application runs.

The copy is taken in one step (``pages=-1``), which reads a single snapshot: in WAL mode other
instances keep writing, and the copy holds exactly the transactions committed when it began. It
is written to a temporary file beside the destination, checked (``PRAGMA integrity_check``,
as ``audit verify`` checks the database: every page and every index against its table), flushed
to disk and only then renamed into place, so a destination never holds half a backup. A full
disk or a missing permission is reported naming the destination, and nothing is kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reviewer_app.core.store.audit import AuditLog
from reviewer_app.core.store.checkpoints import checkpoint
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError
from reviewer_app.core.store.integrity import integrity_problems
from reviewer_app.core.store.reviewers import UnlockedReviewer, get_reviewer
from reviewer_app.core.store.rows import parse_utc
from reviewer_app.core.trust.authority import UnlockedAuthority


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    sha256: str


def backup(store: Store, destination: str | Path, *, by: int | None = None,
           admin: UnlockedAuthority | None = None,
           signer: UnlockedReviewer | None = None) -> BackupResult:
    """Copy the database to ``destination`` (a new file, or a folder to put a dated file in).
    With the organization CA unlocked (``admin``), the chain's head is first signed as a
    checkpoint, so the copy carries a checkpoint of its own end. ``signer`` (the reviewer who
    is signed in, ``by``) signs that checkpoint instead: the desktop's automatic daily backup,
    which cannot hold the administrator's passphrase all day."""
    if admin is not None and signer is not None:
        raise StoreError("a backup's checkpoint has one signer: the organization CA or the "
                         "reviewer taking it")
    if signer is not None and by != signer.id:
        raise StoreError(f"the backup is signed by reviewer {signer.id}, so it is taken by them "
                         f"(not reviewer {by})")
    target = Path(destination).expanduser()
    if target.is_dir():
        target = target / backup_name(store.clock())
    if os.path.lexists(target):
        raise StoreError(f"{target} already exists; choose a new file name (backups are never "
                         "overwritten)")
    if not target.parent.is_dir():
        raise StoreError(f"cannot write {target}: the folder {target.parent} does not exist")
    if target.absolute() == store.path.absolute():
        raise StoreError("the backup must go to another file than the database itself")
    if by is not None:
        get_reviewer(store, by)
    if admin is not None or signer is not None:
        with store.write():
            log = AuditLog(store)
            log.append("backup", reviewer_id=by,
                       details={"destination": str(target.absolute()), "checkpoint": True})
            checkpoint(store, log, admin if admin is not None else signer)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".backup-", suffix=".tmp",
                                             dir=target.parent)
    except OSError as error:
        raise StoreError(f"cannot write the backup {target}: {error.strerror}") from None
    os.close(handle)
    try:
        _copy(store, Path(temporary))
        size, digest = _size_and_hash(Path(temporary))
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{temporary}{suffix}")
        if isinstance(error, OSError) or _disk_error(error):
            reason = getattr(error, "strerror", None) or str(error)
            raise StoreError(f"cannot write the backup {target}: {reason}; nothing was "
                             "kept") from None
        raise
    _sync_folder(target.parent)
    with store.write():
        AuditLog(store).append("backup", reviewer_id=by,
                               details={"destination": str(target.absolute()),
                                        "bytes": size, "sha256": digest})
    return BackupResult(target, size, digest)


def last_backup(store: Store) -> dt.datetime | None:
    """When the newest backup of this database was kept (by this application, the command line
    or another workstation: the audit trail records each), None before the first."""
    row = store.conn.execute(
        "SELECT at FROM audit WHERE action = 'backup' AND json_extract(details, '$.sha256') "
        "IS NOT NULL ORDER BY seq DESC LIMIT 1").fetchone()
    return parse_utc(row[0]) if row else None


def _copy(store: Store, temporary: Path) -> None:
    copy = sqlite3.connect(temporary)
    try:
        store.conn.backup(copy, pages=-1)
        problems = integrity_problems(copy)
        if problems:
            raise StoreError("the backup copy failed SQLite's integrity check, so the database "
                             f"itself is damaged ({'; '.join(problems[:3])}); nothing was kept: "
                             "run `audit verify`, and restore from an earlier backup")
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    with open(temporary, "rb+") as file:
        os.fsync(file.fileno())


def _disk_error(error: BaseException) -> bool:
    """SQLite's word for a full disk or a file it may not write (no errno of its own)."""
    return isinstance(error, sqlite3.OperationalError) and any(
        words in str(error) for words in ("disk is full", "disk I/O error", "readonly",
                                          "unable to open"))


def _size_and_hash(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_name(now: dt.datetime) -> str:
    """``cases-20261123-160000.sqlite3``: a backup's file name when only a folder is given."""
    return f"cases-{now.astimezone().strftime('%Y%m%d-%H%M%S')}.sqlite3"
