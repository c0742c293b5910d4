"""Reading a file named by a user without trusting what the path names.

Only a regular file is opened: a FIFO, ``/dev/zero`` or ``/dev/urandom`` is refused by
``os.stat`` before ``open``; the open is non-blocking so a FIFO swapped in after the check
cannot hang the reader; the opened file is checked again with ``fstat``; and at most
``limit`` + 1 bytes are ever read, so a file that grows while it is read is refused too. A case
file (:mod:`.case_file`) and an attachment (:mod:`.attachments`) are both read this way.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

_CHUNK = 1 << 16


class FileRefused(Exception):
    """The file was not read; the message says why, without the file's name."""


def kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def read_regular_file(path: str | Path, limit: int,
                      too_large: Callable[[int, bool], str]) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    ``too_large(size, grew)`` words the refusal of a file over the limit (``grew``: it passed
    the first check and was larger when read)."""
    try:
        before = os.stat(path)
    except OSError as error:
        raise FileRefused(error.strerror or str(error)) from None
    if not stat.S_ISREG(before.st_mode):
        raise FileRefused(f"{kind_of(before.st_mode)}, not a regular file")
    if before.st_size > limit:
        raise FileRefused(too_large(before.st_size, False))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise FileRefused(error.strerror or str(error)) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
                before.st_dev, before.st_ino):
            raise FileRefused("changed while it was being opened; not read")
        chunks, size = [], 0
        while size <= limit:
            try:
                chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            except OSError as error:
                if error.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
                    raise FileRefused("could not be read without waiting") from None
                raise FileRefused(error.strerror or str(error)) from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise FileRefused(too_large(size, True))
    return b"".join(chunks)
