"""What every store command shares: opening the database named by ``--db``, argument types,
and turning refusals and SQLite errors into one plain line on stderr (never a traceback).

The store commands import ``reviewer_app.core.store`` modules inside their handlers: sqlite-utils
costs ~60 ms to import, which ``evaluate`` (start-up budget 0.5 s) should not pay.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sqlite3
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer_app.core.atomic import OutputError
from reviewer_app.core.characters import printable
from reviewer_app.core.errors import InputError
from reviewer_app.core.store.errors import (
    DamagedDatabaseError,
    ImportRefused,
    StoreError,
    TamperedCaseError,
    database_failure,
)
from reviewer_app.core.store.location import database_path
from reviewer_app.core.store.rows import parse_utc

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store

EXIT_REFUSED = 2

STATUS_EPILOG = """\
Exit status: 0 done; 2 refused or invalid input (the reason is printed on stderr, nothing was
changed); 1 the database could not be used (busy, damaged, or an internal error)."""


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    from reviewer_app.core.store.database import Store

    return Store.open(database_path(getattr(args, "db", None)), create=create)


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Run a command, printing refusals and database failures as messages with an exit code."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except ImportRefused as error:
            print("\n".join(error.lines()), file=sys.stderr)
            print(f"nothing was imported: {len(error.errors)} file(s) are invalid",
                  file=sys.stderr)
            return EXIT_REFUSED
        except InputError as error:
            print("\n".join(error.lines()), file=sys.stderr)
            return EXIT_REFUSED
        except DamagedDatabaseError as error:
            print(printable(error), file=sys.stderr)
            return 1
        except TamperedCaseError as error:
            print(printable(error), file=sys.stderr)
            return EXIT_REFUSED
        except StoreError as error:
            print(f"refused: {printable(error)}", file=sys.stderr)
            return EXIT_REFUSED
        except OutputError as error:
            print(printable(error), file=sys.stderr)
            return EXIT_REFUSED
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                print("the case database is busy: another instance is writing to it; try "
                      "again in a moment", file=sys.stderr)
            elif "decode" in str(error):
                print(f"{_db_name(args)}: the case database is damaged "
                      f"({database_failure(error)}); run `audit verify`, and restore it from "
                      "a backup", file=sys.stderr)
            else:
                print(f"{_db_name(args)}: the case database could not be used "
                      f"({database_failure(error)})", file=sys.stderr)
            return 1
        except sqlite3.DatabaseError as error:
            print(f"{_db_name(args)}: the case database is damaged or unreadable "
                  f"({database_failure(error)}); run `audit verify`, and restore it from a "
                  "backup", file=sys.stderr)
            return 1
        except json.JSONDecodeError:
            print(f"{_db_name(args)}: a stored record is not valid JSON: the case database "
                  "was damaged or changed outside the application; run `audit verify`",
                  file=sys.stderr)
            return 1
        except OSError as error:
            print(f"{error.filename or 'file'}: {error.strerror or error}", file=sys.stderr)
            return 1

    return run


def _db_name(args: argparse.Namespace) -> str:
    return printable(database_path(getattr(args, "db", None)), 300)


def case_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a case id (a positive number)")
    return int(text)


def reviewer_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a reviewer id (a positive number; see `reviewer list`)"
        )
    return int(text)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def local_time(utc: str | None) -> str:
    """Stored UTC text as the reviewer's local time, to the minute."""
    if not utc:
        return "-"
    return parse_utc(utc).astimezone().strftime("%Y-%m-%d %H:%M")
