"""What the store refuses, each with a message a reviewer can act on.

Every error here is a refusal: nothing was written because of it. The command line prints the
message and exits 2; the GUI shows it in a dialog.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reviewer_app.core import lifecycle


class StoreError(Exception):
    """The store could not do what was asked; the message says why and what to do."""


class NoDatabaseError(StoreError):
    """The database file does not exist (and the operation does not create one)."""


class NotOurDatabaseError(StoreError):
    """The file is not a SQLite database, or is one that some other program made."""


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
