"""What the store refuses, each with a message a reviewer can act on.

Every error here is a refusal: nothing was written because of it. The command line prints the
message and exits 2; the GUI shows it in a dialog.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from reviewer_app.core import lifecycle
from reviewer_app.core.characters import printable

_UNDECODABLE = re.compile(r"Could not decode to UTF-8 column '([^']{0,64})'")


def database_failure(error: sqlite3.Error) -> str:
    """What went wrong with the database, in words that hold no stored content.

    Python's sqlite3 puts the whole undecodable text of a damaged row into its message
    ("Could not decode to UTF-8 column 'document' with text '...'"): a case's clinical notes
    were printed that way. SQLite's own messages name tables, columns and pages only."""
    text = str(error)
    found = _UNDECODABLE.match(text)
    if found:
        return (f"a stored text (column '{printable(found.group(1))}') is not valid UTF-8, "
                "so the file is damaged")
    if text.startswith("Could not decode"):
        return "a stored text is not valid UTF-8, so the file is damaged"
    return printable(text, 200)


class StoreError(Exception):
    """The store could not do what was asked; the message says why and what to do."""


class NoDatabaseError(StoreError):
    """The database file does not exist (and the operation does not create one)."""


class NotOurDatabaseError(StoreError):
    """The file is not a SQLite database, or is one that some other program made."""


class DamagedDatabaseError(StoreError):
    """The file is a SQLite database whose pages are damaged (SQLITE_CORRUPT); it was not
    changed. The command line exits 1 for it, as for any damage found later."""


class NewerDatabaseError(StoreError):
    """The schema was written by a newer version of the application; the file was not touched."""


class UnknownCaseError(StoreError):
    pass


class UnknownReviewerError(StoreError):
    pass


class StaleCaseError(StoreError):
    """The case changed since the caller read it (optimistic concurrency): reload and retry."""


class TransitionError(StoreError, lifecycle.TransitionError):
    """The lifecycle or the reviewer's role does not allow this step (the rules are
    :mod:`reviewer_app.core.lifecycle`)."""


@contextmanager
def lifecycle_rules() -> Iterator[None]:
    """Around a call of the lifecycle rules: their refusal becomes the store's
    :class:`TransitionError`, so whoever handles a :class:`StoreError` (the command line, the
    GUI) handles it too."""
    try:
        yield
    except lifecycle.TransitionError as error:
        if isinstance(error, StoreError):
            raise
        raise TransitionError(str(error)) from error


class TamperedCaseError(StoreError):
    """The case row no longer matches its last recorded version: it was edited outside the app."""


class ImportRefused(StoreError):
    """At least one document of an import was invalid, so none of them was stored."""

    def __init__(self, errors: list):
        self.errors = errors
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """``FILE: field: problem`` for every problem of every refused document."""
        return [line for error in self.errors for line in error.lines()]


class LetterExistsError(StoreError):
    """The letter asked for was already issued: a corrected letter must name the one it
    replaces, so a letter is never made again silently."""


class NothingToSaveError(StoreError):
    """A new version of a case's document was asked for with the same text as the current one."""
