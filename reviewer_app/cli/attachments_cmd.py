"""``attach``, ``attachments``, ``attachment-export``: a request's clinical documents."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reviewer_app.cli.store_access import (
    STATUS_EPILOG,
    case_id,
    guarded,
    local_time,
    open_store,
    reviewer_id,
)
from reviewer_app.core.atomic import check_target, remove_leftovers, write_atomic
from reviewer_app.core.characters import printable

ATTACH_HELP = """\
Attach a clinical document of the request (the MRI report as PDF, a scan as PNG or JPEG, a
text file) to a stored case. The kind is read from the file's content, not its name; a file
of another kind, an empty one or one over 20 MiB is refused with the reason, and nothing is
stored. The bytes are kept in the case database with their sha256 and size, who attached them
and when, and the audit trail records the attachment. Prints the attachment's id."""

LIST_HELP = """\
List a case's attachments, oldest first: id, when, who, kind, size, name and sha256."""

EXPORT_HELP = """\
Write an attachment's bytes to FILE, exactly as attached: checked against their sha256 and the
audit record first (an attachment changed outside the application is refused as "record
altered"), recorded in the audit trail before the file is written, and written atomically
(the file is complete or absent)."""


def _attachment_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not an attachment id (a positive number; see `attachments CASE`)")
    return int(text)


def register(commands: argparse._SubParsersAction) -> None:
    def parser(name: str, help_text: str, description: str, examples: str):
        return commands.add_parser(
            name, help=help_text, description=description,
            epilog=f"{STATUS_EPILOG}\n\nexamples:\n{examples}",
            formatter_class=argparse.RawDescriptionHelpFormatter)

    p = parser("attach", "attach a document (PDF, PNG, JPEG, text) to a case", ATTACH_HELP,
               "  python -m reviewer_app attach 12 mri-report.pdf")
    p.add_argument("case", type=case_id, metavar="CASE", help="the case id")
    p.add_argument("file", metavar="FILE", help="the document")
    p.add_argument("--reviewer", type=reviewer_id, metavar="RID",
                   help="the reviewer attaching it (recorded)")
    p.add_argument("--json", action="store_true", help="print the attachment as JSON")
    p.set_defaults(handler=run_attach)

    p = parser("attachments", "list a case's attachments", LIST_HELP,
               "  python -m reviewer_app attachments 12\n"
               "  python -m reviewer_app attachments 12 --json")
    p.add_argument("case", type=case_id, metavar="CASE", help="the case id")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=run_list)

    p = parser("attachment-export", "write an attachment to a file, exactly", EXPORT_HELP,
               "  python -m reviewer_app attachment-export 3 --out mri-report.pdf")
    p.add_argument("id", type=_attachment_id, metavar="ID", help="the attachment id")
    p.add_argument("--out", metavar="FILE", required=True, help="the file to write")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--reviewer", type=reviewer_id, metavar="RID",
                   help="the reviewer exporting it (recorded)")
    p.set_defaults(handler=run_export)


@guarded
def run_attach(args: argparse.Namespace) -> int:
    from reviewer_app.core.attachments import read_attachment_file
    from reviewer_app.core.store import attachments

    file = read_attachment_file(args.file)
    with open_store(args) as store:
        record = attachments.attach(store, file, case_id=args.case, by=args.reviewer)
    if args.json:
        print(json.dumps(record.to_json_dict(), indent=2, ensure_ascii=False))
    else:
        print(record.id)
    return 0


@guarded
def run_list(args: argparse.Namespace) -> int:
    from reviewer_app.core.store import attachments
    from reviewer_app.core.store.cases import case_row

    with open_store(args) as store:
        case_row(store, args.case)
        found = attachments.attachments_for(store, case_id=args.case)
    if args.json:
        print(json.dumps([a.to_json_dict() for a in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(f"case {args.case} has no attachments")
        return 0
    print(f"{'ID':>5}  {'ATTACHED (local)':<16}  {'BY':<24} {'KIND':<10} {'SIZE':>9}  NAME")
    for a in found:
        print(f"{a.id:>5}  {local_time(a.created_at):<16}  {printable(a.who, 24):<24} "
              f"{a.kind_words:<10} {a.size_words:>9}  {printable(a.name, 255)}")
        print(f"{'':>7}sha256 {a.sha256}")
    return 0


@guarded
def run_export(args: argparse.Namespace) -> int:
    if Path(args.out).exists() and not args.force:
        print(f"attachment-export: {args.out} exists (use --force to replace it)",
              file=sys.stderr)
        return 2
    check_target(args.out)
    from reviewer_app.core.store import attachments

    with open_store(args) as store:
        attachments.export_attachment(store, args.id, lambda data: _write(args.out, data),
                                      by=args.reviewer)
    return 0


def _write(path: str, data: bytes) -> None:
    for leftover in remove_leftovers(path):
        print(f"attachment-export: removed {leftover}, left by an interrupted write",
              file=sys.stderr)
    write_atomic(path, data)
