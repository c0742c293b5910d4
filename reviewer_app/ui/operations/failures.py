"""What a failed operation tells the reviewer: a summary and ``FILE: field: problem`` lines.

The same failures the command line reports with exit status 2 (invalid input, a refusal) or 1
(the database could not be used), in the same words.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reviewer_app.core.atomic import OutputError
from reviewer_app.core.errors import InputError
from reviewer_app.core.store.errors import ImportRefused, StoreError, database_failure


@dataclass(frozen=True)
class Failure:
    summary: str
    lines: list[str]
    expected: bool
    """False for an internal error (a bug): it is shown, and also raised for the traceback."""


def describe_failure(error: BaseException) -> Failure:
    if isinstance(error, InputError | ImportRefused):
        return Failure("The file is not valid, so nothing was changed.", error.lines(), True)
    if isinstance(error, OutputError):
        return Failure("The file could not be written; nothing was.", [str(error)], True)
    if isinstance(error, StoreError):
        return Failure("The case database refused it; nothing was changed.", [str(error)], True)
    if isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    ):
        return Failure(
            "The case database is busy.",
            ["another instance is writing to it; try again in a moment"],
            True,
        )
    if isinstance(error, sqlite3.OperationalError):
        return Failure(
            "The case database could not be used.",
            [f"the case database could not be used: {database_failure(error)}"],
            True,
        )
    if isinstance(error, sqlite3.DatabaseError):
        return Failure(
            "The case database could not be used.",
            [f"the case database is damaged or unreadable ({database_failure(error)}); "
             "restore it from a backup"],
            True,
        )
    if isinstance(error, OSError):
        return Failure(
            "A file could not be used.",
            [f"{error.filename or 'file'}: {error.strerror or error}"],
            True,
        )
    return Failure(
        "An internal error stopped it.", [f"{type(error).__name__}: {error}"], False
    )
