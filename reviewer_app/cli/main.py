"""``python -m reviewer_app``: the command line. No Qt, reportlab or pyHanko on this path."""

from __future__ import annotations

import argparse
import sys

from reviewer_app.cli import codes_cmd, criteria_cmd, evaluate_cmd

DESCRIPTION = """\
Offline utilization-review workstation: evaluate ur-case/1 prior-authorization requests
against versioned, cited criteria sets, and look up codes.

Exit status: 0 success, 2 invalid input (each problem is printed as FILE: field: problem),
1 an unexpected internal error."""

EPILOG = """\
examples:
  python -m reviewer_app evaluate case.json --pretty
  python -m reviewer_app criteria list
  python -m reviewer_app codes search pathological fracture vertebra"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reviewer_app",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in (evaluate_cmd, criteria_cmd, codes_cmd):
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
        print(f"reviewer_app: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
