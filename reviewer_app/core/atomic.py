"""Write a file so that readers see the old content or the new, never half of it.

The bytes go to a temporary file in the same folder (a rename across file systems would not
be atomic), are flushed to the disk with fsync, and the temporary file is renamed over the
target; on POSIX the folder is synced too, so the rename survives a power cut. The file is
created readable by its owner only: letters and exported cases carry health information.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes) -> Path:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
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
