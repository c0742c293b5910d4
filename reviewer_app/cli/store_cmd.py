"""``import``, ``cases``, ``show``, ``export``: getting requests into the case store and back.

Each command opens the database named by the global ``--db`` (else ``REVIEWER_APP_DB``, else
the user data folder) and records what it does in the audit trail.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

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
from reviewer_app.core.lifecycle import OPEN, STATUS_FILTERS
from reviewer_app.core.store.location import database_path

if TYPE_CHECKING:
    from reviewer_app.core.store.letters import LetterRecord
    from reviewer_app.core.store.records import CaseView

PAGE = 50
EXPORT_FORMATS = ("case", "fhir", "fhir-request")
RATIONALE_SHOWN = 4

IMPORT_HELP = """\
Validate every ur-case/1 file, then store them all as new draft cases, each evaluated against
the criteria library (the evaluation is kept with the case). All or nothing: if any file is
invalid, every problem is printed on stderr as FILE: field: problem and nothing is stored.
Prints each new case id on its own line (or a JSON array with --json). From 2,000 files on,
one worker process per CPU validates and evaluates while the database is written.

A FHIR file is recognised by itself: a Da Vinci PAS request Bundle becomes an intake draft
(not a case yet), which the wizard completes with what the Bundle cannot say; its draft id is
printed as "draft N", and what was tolerated is printed on stderr as FILE: element: warning.
The Bundle is kept byte for byte with the draft and then with its case (docs/fhir.md)."""

CASES_HELP = """\
List cases, soonest due first: by default the open queue (draft, in_review, pended,
referred). --search finds words anywhere in member name, member id, external id, procedure
and diagnosis codes and notes (every word must start a word of the case); search results
come newest case first. A ! after the due time marks an overdue open case."""

SHOW_HELP = """\
Show one case: member, request, due time, status, latest evaluation, decisions and letters.
Opening a case is recorded in the audit trail (who viewed what, and when)."""

EXPORT_HELP = """\
Write the case's ur-case/1 document exactly as it was imported (byte for byte) to standard
output or, with --out, to a file (written atomically: the file is complete or absent; a
leftover of an interrupted export to the same file is removed). The export is recorded in the
audit trail before the file is written, so no copy exists without its record.

--format fhir writes the answer to a case imported from a FHIR Bundle: a Da Vinci PAS
response Bundle (ClaimResponse) stating the case's decision, which must be made (approved,
partially approved, denied) or pended; it is validated with the FHIR R4 models and the PAS
rules first. --format fhir-request writes the Bundle the case came from, byte for byte."""


def _parser(commands, name, help_text, description, examples):
    return commands.add_parser(
        name, help=help_text, description=description,
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _reviewer_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--reviewer", type=reviewer_id, metavar="RID",
                        help=f"the reviewer {what} (recorded in the audit trail)")


def register(commands: argparse._SubParsersAction) -> None:
    p = _parser(commands, "import", "store case files (validated, evaluated)", IMPORT_HELP,
                "  python -m reviewer_app --db cases.sqlite3 import requests/*.json\n"
                "  python -m reviewer_app import case.json --json\n"
                "  python -m reviewer_app import pas-request-bundle.json")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="ur-case/1 JSON file(s) or Da Vinci PAS request Bundle(s)")
    p.add_argument("--json", action="store_true",
                   help="print a JSON array: id, file, external id, outcome, due time (for a "
                   "Bundle: draft_id, file, sha256, warnings)")
    _reviewer_option(p, "importing")
    p.set_defaults(handler=run_import)

    p = _parser(commands, "cases", "list the queue, or search", CASES_HELP,
                "  python -m reviewer_app cases\n"
                "  python -m reviewer_app cases --overdue\n"
                "  python -m reviewer_app cases --status referred --assigned 2\n"
                "  python -m reviewer_app cases --search okafor\n"
                "  python -m reviewer_app cases --status all --search C79.51 --json")
    p.add_argument("--status", default="open", choices=STATUS_FILTERS, metavar="S",
                   help="open (default), all, or one status: " + ", ".join(STATUS_FILTERS[2:]))
    p.add_argument("--search", metavar="TEXT", help="full-text search")
    p.add_argument("--overdue", action="store_true", help="only open cases past their due time")
    p.add_argument("--assigned", type=reviewer_id, metavar="RID",
                   help="only cases assigned to this reviewer")
    p.add_argument("--limit", type=int, default=PAGE, metavar="N",
                   help=f"at most N cases (default {PAGE}; 0 for all)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=run_cases)

    p = _parser(commands, "show", "show one case (recorded as a view)", SHOW_HELP,
                "  python -m reviewer_app show 12\n"
                "  python -m reviewer_app show 12 --json --reviewer 3")
    p.add_argument("id", type=case_id, metavar="ID", help="the case id (from import or cases)")
    p.add_argument("--json", action="store_true",
                   help="case, document, latest evaluation and decisions as JSON")
    _reviewer_option(p, "viewing")
    p.set_defaults(handler=run_show)

    p = _parser(commands, "export", "write a case's document back out, exactly", EXPORT_HELP,
                "  python -m reviewer_app export 12 > request.json\n"
                "  python -m reviewer_app export 12 --out request.json\n"
                "  python -m reviewer_app export 12 --format fhir --out response.json\n"
                "  python -m reviewer_app export 12 --format fhir-request --out bundle.json")
    p.add_argument("id", type=case_id, metavar="ID", help="the case id")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="case",
                   help="case (the ur-case/1 document, the default), fhir (the PAS response "
                   "to a FHIR request) or fhir-request (the request Bundle as received)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    _reviewer_option(p, "exporting")
    p.set_defaults(handler=run_export)


@guarded
def run_import(args: argparse.Namespace) -> int:
    from reviewer_app.core.fhir.importing import read_files, store_files
    from reviewer_app.core.store import cases

    read = read_files(args.files)
    if read.problems:
        for error in read.problems:
            print("\n".join(error.lines()), file=sys.stderr)
        print(f"nothing was imported: {len(read.problems)} of {len(args.files)} file(s) are "
              "invalid", file=sys.stderr)
        return 2
    new = not database_path(args.db).exists()
    try:
        with open_store(args, create=True) as store:
            imported, drafted = store_files(
                store, read, by=args.reviewer,
                workers=cases.suggested_workers(len(read.documents)))
    except BaseException:
        if new:
            _remove_new_database(database_path(args.db))
        raise
    if args.json:
        rows = [{"id": i.case_id, "file": i.source, "external_id": i.external_id,
                 "outcome": i.outcome, "due_at": i.due_at} for i in imported]
        rows += [d.to_json_dict() for d in drafted]
        print(json.dumps(rows, indent=2))
        return 0
    for item in imported:
        print(item.case_id)
    for draft in drafted:
        print(f"draft {draft.draft_id}")
    for draft in drafted:
        for warning in draft.warnings:
            print(f"{printable(draft.source, 200)}: {printable(warning.field, 200)}: "
                  f"warning: {printable(warning.message, 1000)}", file=sys.stderr)
    return 0


def _remove_new_database(path: Path) -> None:
    """A failed import into a database it created leaves no empty database behind (nor its
    -wal and -shm files); only a file that holds no case is removed."""
    from reviewer_app.core.store.database import SIDE_FILES

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("SELECT count(*) FROM cases").fetchone()[0]:
                return
    except sqlite3.Error:
        pass
    for suffix in ("", *SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@guarded
def run_cases(args: argparse.Namespace) -> int:
    if args.limit < 0:
        print("cases: --limit must be 0 (all) or more", file=sys.stderr)
        return 2
    from reviewer_app.core.store import queue

    query = queue.CaseQuery(status=args.status, assigned_to=args.assigned,
                            overdue=args.overdue, search=args.search, limit=args.limit)
    with open_store(args) as store:
        found = queue.list_cases(store, query)
        now = store.now()
    if args.json:
        print(json.dumps([c.to_json_dict() for c in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print("no cases")
        return 0
    print(f"{'ID':>6}  {'DUE (local)':<16}  {'STATUS':<18} {'URG':<3} {'PROC':<5} "
          f"{'EXTERNAL ID':<16} MEMBER")
    for c in found:
        late = "!" if c.due_at < now and c.status in OPEN else " "
        urgency = "EXP" if c.urgency == "expedited" else "std"
        print(f"{c.id:>6}  {local_time(c.due_at):<16}{late} {c.status:<18} {urgency:<3} "
              f"{printable(c.primary_procedure, 10):<5} "
              f"{printable(c.external_id or '-', 64):<16} {printable(c.member_name, 210)}")
    if args.limit and len(found) == args.limit:
        print(f"(first {args.limit}; --limit 0 lists all)")
    return 0


@guarded
def run_show(args: argparse.Namespace) -> int:
    from reviewer_app.core.store import cases
    from reviewer_app.core.store.letters import letters_for
    from reviewer_app.core.store.peer_to_peer import peer_to_peer_for
    from reviewer_app.core.store.reviewers import get_reviewer

    with open_store(args) as store:
        view = cases.view_case(store, args.id, by=args.reviewer)
        letters = letters_for(store, args.id)
        talks = peer_to_peer_for(store, args.id)
        names = {}
        for rid in {view.case.assigned_reviewer, *(d.reviewer_id for d in view.decisions),
                    *(letter.reviewer_id for letter in letters),
                    *(talk.reviewer_id for talk in talks)}:
            if rid is not None:
                names[rid] = get_reviewer(store, rid).signature
    if not view.intact:
        print(f"warning: case {args.id} does not match its audit record: it was changed "
              "outside the application (run `audit verify`)", file=sys.stderr)
    if args.json:
        print(json.dumps({
            "case": view.case.to_json_dict(),
            "intact": view.intact,
            "document": json.loads(view.document),
            "evaluation": view.evaluation.to_json_dict() if view.evaluation else None,
            "decisions": [d.to_json_dict() for d in view.decisions],
            "letters": [letter.to_json_dict() for letter in letters],
            "peer_to_peer": [talk.to_json_dict() for talk in talks],
        }, indent=2, ensure_ascii=False))
        return 0
    for line in [*_show_lines(view, names), *_letter_lines(letters, names),
                 *_talk_lines(talks, names)]:
        print(line)
    return 0


def _talk_lines(talks, names: dict[int, str]) -> list[str]:
    lines = ["Peer-to-peer"] if talks else []
    for talk in talks:
        lines.append(f"  {local_time(talk.held_at)}  {printable(talk.provider, 200)} with "
                     f"{printable(names.get(talk.reviewer_id, talk.reviewer_id))}: "
                     f"{talk.outcome_text}")
        if talk.note:
            lines.append(f"      {printable(talk.note, 400)}")
    return lines


def _letter_lines(letters: list[LetterRecord], names: dict[int, str]) -> list[str]:
    lines = ["Letters"] if letters else []
    for letter in letters:
        replaces = f", replaces {letter.replaces}" if letter.replaces else ""
        replaced = f", replaced by {letter.replaced_by}" if letter.replaced_by else ""
        lines.append(f"  {local_time(letter.created_at)}  {letter.letter_id}  "
                     f"{letter.letter_type} to the {letter.recipient} ({letter.language}), "
                     f"signed by {printable(names.get(letter.reviewer_id, letter.reviewer_id))}"
                     f"{replaces}{replaced}")
        lines.append(f"      sha256 {letter.sha256}")
    return lines


def _show_lines(view: CaseView, names: dict[int, str]) -> list[str]:
    """The case in plain lines; every stored text goes through :func:`printable`, so a
    stored ESC or CR cannot rewrite the screen or print a line of its own."""
    c = view.case
    assigned = names.get(c.assigned_reviewer, "nobody") if c.assigned_reviewer else "nobody"
    lines = [
        f"Case {c.id}   external id {printable(c.external_id or '-', 64)}   "
        f"version {c.version}",
        f"Member     {printable(c.member_name, 210)}   (member id {printable(c.member_id, 80)})",
        f"Request    {printable(c.primary_procedure, 10)} for "
        f"{printable(c.primary_diagnosis, 10)}; {c.urgency}, "
        f"{c.line_of_business.replace('_', ' ')}",
        f"Received   {local_time(c.received_at)}   Due {local_time(c.due_at)}",
        f"Status     {c.status}, assigned to {printable(assigned, 200)}"
        + (f"; information needed by {c.info_needed_by}" if c.info_needed_by else ""),
    ]
    evaluation = view.evaluation
    if evaluation:
        where = (f"under {evaluation.criteria_set_id} {evaluation.criteria_set_version} "
                 f"(sha256 {evaluation.criteria_set_sha256[:12]})"
                 if evaluation.criteria_set_id else "(no criteria set)")
        when = local_time(evaluation.created_at)
        lines.append(f"Evaluation {evaluation.outcome} {where}, {when}")
        rationale = evaluation.determination["rationale"]
        lines += [f"           {printable(text)}" for text in rationale[:RATIONALE_SHOWN]]
        if len(rationale) > RATIONALE_SHOWN:
            lines.append(f"           ({len(rationale) - RATIONALE_SHOWN} more rationale "
                         "sentences: show --json)")
    if view.decisions:
        lines.append("Decisions")
    for d in view.decisions:
        who = printable(names.get(d.reviewer_id, f"reviewer {d.reviewer_id}"), 200)
        extra = f", information needed by {d.info_needed_by}" if d.info_needed_by else ""
        if d.extension_reason:
            extra += f", extended: {d.extension_reason}"
        lines.append(f"  {local_time(d.at)}  {d.decision} -> {d.status_after} by {who} "
                     f"({d.role}){extra}")
        if d.reason:
            lines.append(f"      reason: {printable(d.reason)}")
    return lines


@guarded
def run_export(args: argparse.Namespace) -> int:
    if args.out and Path(args.out).exists() and not args.force:
        print(f"export: {args.out} exists (use --force to replace it)", file=sys.stderr)
        return 2
    if args.out:
        check_target(args.out)
    destination = "file" if args.out else "stdout"

    def sink(data: bytes) -> None:
        if args.out:
            _write(args.out, data)
        else:
            _to_stdout(data)

    with open_store(args) as store:
        if args.format == "fhir":
            from reviewer_app.core.fhir.exporting import export_response
            from reviewer_app.core.letters.settings import load_settings

            settings = load_settings(database_path(args.db))
            export_response(store, args.id, sink, validity_days=settings.validity_days,
                            by=args.reviewer, destination=destination)
        elif args.format == "fhir-request":
            from reviewer_app.core.store.fhir_requests import export_request

            export_request(store, args.id, sink, by=args.reviewer, destination=destination)
        else:
            from reviewer_app.core.store import cases

            cases.export_case(store, args.id, lambda text: sink(text.encode("utf-8")),
                              by=args.reviewer, destination=destination)
    return 0


def _to_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _write(path: str, data: bytes) -> None:
    for leftover in remove_leftovers(path):
        print(f"export: removed {leftover}, left by an interrupted write", file=sys.stderr)
    write_atomic(path, data)
