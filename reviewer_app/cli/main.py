"""``python -m reviewer_app``: the command line. No Qt, reportlab or pyHanko on this path."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewer_app.cli import (
    attachments_cmd,
    audit_cmd,
    codes_cmd,
    criteria_cmd,
    decide_cmd,
    evaluate_cmd,
    findings_cmd,
    letter_cmd,
    org_cmd,
    reviewer_cmd,
    store_cmd,
)
from reviewer_app.core.store.location import ENV_VAR, default_path

DESCRIPTION = """\
Offline utilization-review workstation: evaluate ur-case/1 prior-authorization requests
against versioned, cited criteria sets, look up codes, keep cases, decisions and a
tamper-evident audit trail in a local case database, issue and verify signed letters,
propose imaging findings from a radiology report's text, and read and answer Da Vinci PAS
(FHIR) prior-authorization requests.

Exit status: 0 success, 2 invalid input (each problem is printed as FILE: field: problem),
1 an unexpected internal error."""

EPILOG = """\
examples:
  python -m reviewer_app evaluate case.json --pretty
  python -m reviewer_app findings mri-report.txt --modality MRI --levels L1 L2 L3
  python -m reviewer_app criteria list
  python -m reviewer_app codes search pathological fracture vertebra
  python -m reviewer_app --db cases.sqlite3 import requests/*.json
  python -m reviewer_app --db cases.sqlite3 import pas-request-bundle.json
  python -m reviewer_app --db cases.sqlite3 export 12 --format fhir --out response.json
  python -m reviewer_app --db cases.sqlite3 cases --overdue
  python -m reviewer_app --db cases.sqlite3 attach 12 mri-report.pdf
  python -m reviewer_app --db cases.sqlite3 audit verify
  python -m reviewer_app --db cases.sqlite3 letter 1 --out approval-member.pdf
  python -m reviewer_app verify approval-member.pdf"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reviewer_app",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db", metavar="PATH",
        help=f"the case database (default: ${ENV_VAR} if set, else {default_path()}); "
        "give it before the command",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in (evaluate_cmd, findings_cmd, criteria_cmd, codes_cmd, store_cmd,
                   attachments_cmd, decide_cmd, letter_cmd, reviewer_cmd, org_cmd, audit_cmd):
        module.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        print(f"reviewer_app: internal error: {type(error).__name__} at {_where(error)} "
              "(the message is not shown: it can quote stored data)", file=sys.stderr)
        return 1


def _where(error: BaseException) -> str:
    """The innermost frame of our own code that the error passed through: enough to find
    the bug, without the message (which may hold a member's data)."""
    frame = None
    traceback = error.__traceback__
    while traceback is not None:
        if "reviewer_app" in traceback.tb_frame.f_code.co_filename:
            frame = traceback
        traceback = traceback.tb_next
    if frame is None:
        return "an unknown place"
    path = Path(frame.tb_frame.f_code.co_filename)
    parts = path.parts[path.parts.index("reviewer_app"):] if "reviewer_app" in path.parts \
        else (path.name,)
    return f"{'/'.join(parts)}:{frame.tb_lineno}"
