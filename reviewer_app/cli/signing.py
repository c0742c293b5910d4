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
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.trust.authority import UnlockedAuthority

PASSPHRASE_ENV = "REVIEWER_APP_PASSPHRASE"
P12_PASSPHRASE_ENV = "REVIEWER_APP_P12_PASSPHRASE"
ADMIN_PASSPHRASE_ENV = "REVIEWER_APP_ADMIN_PASSPHRASE"

PASSPHRASE_EPILOG = f"""\
The reviewer's passphrase is read from ${PASSPHRASE_ENV} when it is set, else asked for
(only in a terminal)."""
ADMIN_EPILOG = f"""\
Needs the administrator's passphrase (it unlocks the organization CA): ${ADMIN_PASSPHRASE_ENV}
when set, else asked for (only in a terminal). On a new database the first reviewer added
creates the CA, and the passphrase given then becomes the administrator's."""


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


def unlock_admin(store: Store, args: argparse.Namespace, *, create: bool = False
                 ) -> UnlockedAuthority:
    """The organization CA unlocked with the administrator's passphrase; with ``create`` and
    no CA in the database yet, a new one is made (first run), its passphrase asked twice."""
    from reviewer_app.core.store.authority import find_authority
    from reviewer_app.core.store.organization import unlock_administrator

    if find_authority(store) is None and create:
        return create_admin(store, args)
    secret = passphrase("Administrator's passphrase (organization CA): ",
                        variable=ADMIN_PASSPHRASE_ENV)
    return unlock_administrator(store, secret)


def create_admin(store: Store, args: argparse.Namespace, *, import_p12: str | None = None
                 ) -> UnlockedAuthority:
    """Make (or import) the organization CA and pin it beside the database."""
    from pathlib import Path

    from reviewer_app.core.store.authority import pin_path
    from reviewer_app.core.store.organization import create_organization
    from reviewer_app.core.trust.authority import create_authority, import_authority

    secret = passphrase("New administrator's passphrase (protects the organization CA): ",
                        variable=ADMIN_PASSPHRASE_ENV, confirm=True)
    if import_p12:
        data = Path(import_p12).read_bytes()
        file_secret = passphrase(f"Passphrase of {import_p12}: ", variable=P12_PASSPHRASE_ENV)
        new, admin = import_authority(data, file_secret, secret)
    else:
        organization = letter_settings(args).load_letterhead().organization
        new, admin = create_authority(organization, secret)
    stored = create_organization(store, new, admin)
    print(f"organization CA: {stored.subject}, sha256 fingerprint {stored.fingerprint_sha256}; "
          f"its certificate is pinned in {pin_path(store.path)} (keep a copy where no one "
          "else can write)", file=sys.stderr)
    return admin


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
        from reviewer_app.core.trust.errors import ReviewerKeyError

        try:
            return handler(args)
        except (LetterRefused, ReviewerKeyError, PassphraseUnavailable) as error:
            print(f"refused: {error}", file=sys.stderr)
            return EXIT_REFUSED

    return run
