"""What the signing commands share: the reviewer's passphrase (from ``REVIEWER_APP_PASSPHRASE``
or a prompt), the organization's settings beside the database, and refusals from the letters
core printed as one line with exit status 2.

A prompt needs a terminal: when standard input is not one (a script, a pipe, a test), nothing is
read from it and the command says how to give the passphrase instead. The core's letter modules
(reportlab, pyHanko) are imported inside the functions, off the ``evaluate`` path.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer_app.cli.store_access import EXIT_REFUSED
from reviewer_app.core.store.location import database_path

if TYPE_CHECKING:
    from reviewer_app.core.letters.settings import LetterSettings

PASSPHRASE_ENV = "REVIEWER_APP_PASSPHRASE"
P12_PASSPHRASE_ENV = "REVIEWER_APP_P12_PASSPHRASE"

PASSPHRASE_EPILOG = f"""\
The reviewer's passphrase is read from ${PASSPHRASE_ENV} when it is set, else asked for
(only in a terminal)."""


class PassphraseUnavailable(Exception):
    """No passphrase was given and none can be asked for."""


def _ask(prompt: str, variable: str) -> str:
    if not sys.stdin.isatty():
        raise PassphraseUnavailable(
            f"no passphrase: set {variable}, or run the command in a terminal to be asked for it")
    return getpass.getpass(prompt)


def passphrase(prompt: str, *, variable: str = PASSPHRASE_ENV, confirm: bool = False) -> str:
    """The passphrase from ``variable``, else typed at a prompt (twice with ``confirm``)."""
    given = os.environ.get(variable)
    if given:
        return given
    first = _ask(prompt, variable)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise PassphraseUnavailable("the two passphrases differ; nothing was changed")
    return first


def letter_settings(args: argparse.Namespace) -> LetterSettings:
    """The settings file beside the database named by ``--db`` (or the defaults)."""
    from reviewer_app.core.letters.settings import load_settings

    return load_settings(database_path(getattr(args, "db", None)))


def signing_guarded(handler: Callable[[argparse.Namespace], int]
                    ) -> Callable[[argparse.Namespace], int]:
    """Print the letters core's refusals (a letter that must not exist, a key that cannot be
    made or opened, a missing passphrase) as ``refused: ...`` and exit 2."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from reviewer_app.core.letters.errors import LetterRefused
        from reviewer_app.core.letters.keys import ReviewerKeyError

        try:
            return handler(args)
        except (LetterRefused, ReviewerKeyError, PassphraseUnavailable) as error:
            print(f"refused: {error}", file=sys.stderr)
            return EXIT_REFUSED

    return run
