"""``evaluate FILE...``: one ur-determination/1 JSON object per valid case file."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer_app.core.case_file import CaseFileError
from reviewer_app.core.criteria.evaluator import evaluate_file

HELP = """\
Evaluate each ur-case/1 file and print its ur-determination/1 as one JSON object per
line on standard output (indented with --pretty). Invalid files are reported on standard
error as FILE: field: problem lines; the other files are still evaluated and the command
then exits with status 2."""

EPILOG = """\
outcomes: meets_criteria (a nurse may approve), refer_to_physician, pend_missing_information,
no_criteria_set (manual review). The software never denies.

example:
  python -m reviewer_app evaluate examples/seed-l2-corpectomy.json --pretty"""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "evaluate",
        help="evaluate case files against the criteria library",
        description=HELP,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="ur-case/1 JSON file(s)")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON for reading")
    parser.set_defaults(handler=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    status = 0
    out = sys.stdout
    indent = 2 if args.pretty else None
    for path in args.files:
        try:
            _, determination = evaluate_file(path)
        except CaseFileError as error:
            print("\n".join(error.lines()), file=sys.stderr)
            status = 2
            continue
        out.write(json.dumps(determination.to_json_dict(), indent=indent, ensure_ascii=False))
        out.write("\n")
    out.flush()
    return status
