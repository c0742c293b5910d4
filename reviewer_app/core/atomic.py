"""Write a file so that readers see the old content or the new, never half of it.

The bytes go to a temporary file in the same folder (a rename across file systems would not
be atomic), are flushed to the disk with fsync, and the temporary file is renamed over the
target; on POSIX the folder is synced too, so the rename survives a power cut. The file is
created readable by its owner only: letters and exported cases carry health information.

Only a regular file is ever replaced: a device node, a FIFO, a socket, a folder or a symbolic
link at the target is refused (a ``--force`` once renamed a letter over ``/dev/null``). Any
failure (a missing folder, a full disk, no permission) is an :class:`OutputError` that names
the target, never the temporary file, and leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The file could not be written; nothing was (the message names the target)."""


def _kind(mode: int) -> str | None:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_target(path: str | Path) -> Path:
    """Refuse, before any work is done (an export records itself before it writes), a target
    whose folder does not exist or that exists and is not a regular file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: the folder {folder} does not exist; nothing was written")
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as error:
        raise OutputError(f"{target}: cannot be written ({error.strerror})") from None
    kind = _kind(found.st_mode)
    if kind:
        raise OutputError(f"{target} is {kind}, not a regular file: it is never replaced; "
                          "choose a file name")
    return target


def write_atomic(path: str | Path, data: bytes) -> Path:
    target = check_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=folder)
    except OSError as error:
        raise OutputError(f"{target}: cannot be written ({error.strerror}); nothing was "
                          "written") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        check_target(target)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError(f"{target}: cannot be written ({error.strerror or error}); "
                              "nothing was written") from None
        raise
    if os.name == "posix":
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    return target


def remove_leftovers(path: str | Path) -> list[Path]:
    """Delete the temporary files an interrupted :func:`write_atomic` of ``path`` left behind
    (``.NAME.*.part`` beside it: a process killed between writing and renaming leaves one, and
    it may hold a whole letter). Returns what was removed."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    removed = []
    for leftover in folder.glob(f".{glob_escape(target.name)}.*.part"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
