"""``findings REPORT --modality M --levels L...``: proposed imaging findings from a report.

The only command that loads spaCy and medspaCy, imported when it runs (1-2 s), so the others
stay fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = """\
Read a radiology report (plain text: fax OCR, portal, PDF copy) and print the imaging
findings it states for a study of MODALITY at the requested levels, as one JSON object:
{"findings": {name: value}, "evidence": {name: {"text": sentence, "start", "end", ...}},
"uncertain": [...], "other_levels": [...]}. Offsets count characters of the report as read.
Nothing is a decision: each finding is a proposal for a nurse to accept, change or reject.
An uncertain, hypothetical or historical mention proposes nothing (it is listed under
"uncertain"), a negated one proposes the negative value, and a mention of another level is
listed under "other_levels"."""

EPILOG = """\
modalities: MRI, CT, XR (plain and flexion-extension films), PET_CT, bone_scan

Exit status: 0 the report was read (even if nothing was found), 2 a file that cannot be read,
an unknown modality or level.

example:
  python -m reviewer_app findings mri-report.txt --modality MRI --levels L1 L2 L3 --pretty"""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "findings",
        help="propose imaging findings from a radiology report's text",
        description=HELP,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("report", metavar="REPORT", help="the report as a text file, or - "
                        "for standard input")
    parser.add_argument("--modality", required=True, metavar="MODALITY",
                        help="the study's modality: MRI, CT, XR, PET_CT or bone_scan")
    parser.add_argument("--levels", required=True, nargs="+", metavar="LEVEL",
                        help="the requested levels, e.g. L2 or L1 L2 L3")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON for reading")
    parser.set_defaults(handler=run_findings)


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    return Path(source).read_text(encoding="utf-8")


def run_findings(args: argparse.Namespace) -> int:
    from reviewer_app.core.reports.reader import ReportReadError, check_modality, read_report

    try:
        modality = check_modality(args.modality)
    except ReportReadError as error:
        print(f"reviewer_app findings: {error}", file=sys.stderr)
        return 2
    try:
        text = _read(args.report)
    except UnicodeDecodeError:
        print(f"{args.report}: (file): not UTF-8 text; save the report as UTF-8 plain text",
              file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{args.report}: (file): cannot be read: {error.strerror or error}",
              file=sys.stderr)
        return 2
    try:
        reading = read_report(text, modality, args.levels)
    except ReportReadError as error:
        print(f"reviewer_app findings: {error}", file=sys.stderr)
        return 2
    indent = 2 if args.pretty else None
    sys.stdout.write(json.dumps(reading.to_json_dict(), indent=indent, ensure_ascii=False))
    sys.stdout.write("\n")
    sys.stdout.flush()
    return 0
