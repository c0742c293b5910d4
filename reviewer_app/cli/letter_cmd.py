"""``letter ID --out FILE.pdf`` and ``verify FILE.pdf``: issuing signed determination letters
from the case store, and checking any letter offline.

What a case's letter is, who signs it and when one is refused is decided in the core
(``core/lifecycle.py``, ``core/store/letters.py``, ``core/issuing.py``); here are the options,
the passphrase and the messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from reviewer_app.cli.signing import (
    PASSPHRASE_EPILOG,
    letter_settings,
    passphrase,
    signing_guarded,
)
from reviewer_app.cli.store_access import (
    EXIT_REFUSED,
    STATUS_EPILOG,
    case_id,
    guarded,
    open_store,
    reviewer_id,
)
from reviewer_app.core.lifecycle import LETTER_TYPES

LETTER_HELP = """\
Write the signed determination letter of a decided case to FILE.pdf and keep it in the case
database with its sha256. The letter follows the case's latest decision:
  approve -> approval          partial -> partial approval (physician)
  deny    -> adverse determination (physician)     pend -> request for information
It is signed with the signing key of the reviewer who decided. Before anything is signed, the
case, the decision (its audit record and its signature), the evaluation and the decider's
certificate are checked ("record altered: ..." and exit 2 otherwise). The letter is committed
to the database first and the file written from it after: if the file cannot be written, the
letter stays issued and `export-letter` writes it. The first letter of a decided case moves it
to letter_issued. A letter is never made again silently: another letter of the
same type to the same recipient for the same decision needs --replaces with the id of the
letter it corrects, and is a new letter that names the old one. Member letters are in the
member's language (English or Spanish); provider letters in English, with the clinical
rationale and criteria trace.

Letterhead, approval validity and trust roots come from letters.yaml beside the database,
when there is one (see the README, "Letters")."""

VERIFY_HELP = """\
Check the digital signature of a letter, offline: who signed it and when (as the signer's
computer stated), whether the signed bytes are intact, whether the signature is valid, whether
the signer's certificate chains to a trusted certificate (--trust, else the organization CA
pinned in organization-ca.pem and the trust_roots of letters.yaml, beside the database), and
whether anything was added after signing."""

VERIFY_EPILOG = """\
Exit status: 0 the signature is intact and valid, it covers the whole file, and the signer
chains to a trusted certificate; 1 anything else, "valid signature, unknown signer" included
(the problems are printed); 2 the file or a certificate could not be read.

examples:
  python -m reviewer_app verify approval-member.pdf
  python -m reviewer_app reviewer cert 1 --out pat-lee.pem
  python -m reviewer_app verify approval-member.pdf --trust pat-lee.pem"""


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "letter", help="write and sign a decided case's letter",
        description=LETTER_HELP,
        epilog=f"{PASSPHRASE_EPILOG}\n\n{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app letter 1 --out approval-member.pdf\n"
        "  python -m reviewer_app letter 1 --recipient provider --out approval-provider.pdf\n"
        "  python -m reviewer_app letter 2 --type adverse --out adverse.pdf --reviewer 2\n"
        "  python -m reviewer_app letter 1 --out corrected.pdf --replaces LTR-000001\n"
        "  python -m reviewer_app letter 1 --out large-print.pdf --large-print "
        "--replaces LTR-000001",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("id", type=case_id, metavar="ID", help="the case id")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--recipient", choices=("member", "provider"), default="member",
                   help="member (default) or the requesting provider")
    p.add_argument("--type", choices=LETTER_TYPES, metavar="TYPE",
                   help="the letter you expect (" + ", ".join(LETTER_TYPES) + "); refused "
                   "when the decision gives another")
    p.add_argument("--reviewer", type=reviewer_id, metavar="RID",
                   help="who signs: the reviewer who decided (checked when given)")
    p.add_argument("--replaces", metavar="LETTER_ID",
                   help="the letter this one corrects (e.g. LTR-000001)")
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.add_argument("--json", action="store_true", help="print the stored letter as JSON")
    printing = p.add_mutually_exclusive_group()
    printing.add_argument("--large-print", action="store_true",
                          help="the member asked for large print: record it on the case "
                          "(audited) and set this and later member letters at 18 pt or more")
    printing.add_argument("--standard-print", action="store_true",
                          help="the member withdrew the large-print request (recorded)")
    p.add_argument("--asked-by", metavar="WHO", default="the member",
                   help="with --large-print/--standard-print: who asked (default: the member)")
    p.set_defaults(handler=run_letter)

    p = commands.add_parser(
        "verify", help="check a signed letter (offline)", description=VERIFY_HELP,
        epilog=VERIFY_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE.pdf", help="the letter")
    p.add_argument("--trust", action="append", metavar="CERT.pem", default=[],
                   help="a trusted certificate (PEM or DER; repeat for several)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=run_verify)

    p = commands.add_parser(
        "export-letter", help="write an issued letter again, from the database",
        description="Write the signed PDF of an issued letter exactly as it was issued, from "
        "the case database\n(after an interrupted `letter`, or a lost file). Recorded in the "
        "audit trail.",
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app export-letter LTR-000001 --out approval-member.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("letter", metavar="LETTER_ID", help="the letter id, e.g. LTR-000001")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.add_argument("--reviewer", type=reviewer_id, metavar="RID",
                   help="who exports it (recorded in the audit trail)")
    p.set_defaults(handler=run_export_letter)


def _check_out(out: Path, force: bool) -> str | None:
    """What stops ``out`` from being written, checked before a letter is issued (the letter is
    committed before its file: a target refused afterwards would leave it issued unwritten)."""
    from reviewer_app.core.atomic import OutputError, check_target

    if out.is_dir():
        return f"{out} is a folder; give the file to write, e.g. {out / 'letter.pdf'}"
    if out.exists() and not force:
        return f"{out} exists (use --force to replace it)"
    if not out.absolute().parent.is_dir():
        return f"the folder {out.absolute().parent} does not exist"
    try:
        check_target(out)
    except OutputError as error:
        return str(error)
    return None


def _write_from_store(out: Path, pdf: bytes, letter_id: str, command: str) -> bool:
    """Write the stored bytes to ``out``; False (with the message) when the disk refuses."""
    from reviewer_app.core.atomic import remove_leftovers, write_atomic

    for leftover in remove_leftovers(out):
        print(f"{command}: removed {leftover}, left by an interrupted write", file=sys.stderr)
    try:
        write_atomic(out, pdf)
    except OSError as error:
        print(f"{command}: {letter_id} is issued and kept in the case database, but {out} could "
              f"not be written ({error.strerror or error}); write it with `export-letter "
              f"{letter_id} --out FILE.pdf`", file=sys.stderr)
        return False
    return True


@signing_guarded
@guarded
def run_letter(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if problem := _check_out(out, args.force):
        print(f"letter: {problem}", file=sys.stderr)
        return EXIT_REFUSED
    settings = letter_settings(args)
    from reviewer_app.core import issuing
    from reviewer_app.core.store.cases import get_case
    from reviewer_app.core.store.letters import letter_pdf
    from reviewer_app.core.store.reviewers import unlock_reviewer

    with open_store(args) as store:
        if args.large_print or args.standard_print:
            from reviewer_app.core.store.cases import decisions_for
            from reviewer_app.core.store.notices import record_letter_format

            made = decisions_for(store, args.id)
            by = args.reviewer or (made[-1].reviewer_id if made else None)
            if by is None:
                print(f"letter: case {args.id} has no decision yet", file=sys.stderr)
                return EXIT_REFUSED
            record_letter_format(store, args.id, by=by, large_print=args.large_print,
                                 requested_by=args.asked_by)
        plan = issuing.plan_letter(store, args.id, recipient=args.recipient, settings=settings,
                                   letter_type=args.type, signer=args.reviewer,
                                   replaces=args.replaces)
        if plan.late is not None:
            print(f"letter: warning: case {args.id}: {plan.late.message()}. The letter is "
                  "issued all the same, and its audit entry records the delay.",
                  file=sys.stderr)
        signer = plan.basis.decider.signature
        reviewer = unlock_reviewer(store, plan.basis.decider.id,
                                   passphrase(f"Passphrase of {signer}'s signing key: "))
        record = issuing.issue_letter(store, plan, reviewer)
        status = get_case(store, args.id).status
        if not _write_from_store(out, letter_pdf(store, record), record.letter_id, "letter"):
            return 1
    if args.json:
        print(json.dumps({**record.to_json_dict(), "file": str(out), "case_status": status},
                         indent=2))
        return 0
    replaces = f", replacing {record.replaces}" if record.replaces else ""
    print(f"{record.letter_id}: {record.letter_type} letter to the {record.recipient} "
          f"({record.language}) signed by {signer}{replaces} -> {out}")
    print(f"  sha256 {record.sha256}; case {args.id} is {status}")
    return 0


@guarded
def run_export_letter(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if problem := _check_out(out, args.force):
        print(f"export-letter: {problem}", file=sys.stderr)
        return EXIT_REFUSED
    from reviewer_app.core.store.letters import export_letter

    pdfs: list[bytes] = []
    with open_store(args) as store:
        letter = export_letter(store, args.letter, pdfs.append, by=args.reviewer)
    if not _write_from_store(out, pdfs[0], letter.letter_id, "export-letter"):
        return 1
    print(f"{letter.letter_id} -> {out}  sha256 {letter.sha256}")
    return 0


@guarded
def run_verify(args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        print(f"{args.file}: cannot be read ({error.strerror or error})", file=sys.stderr)
        return EXIT_REFUSED
    from reviewer_app.core.letters.verify import load_certificates, verify_pdf

    roots = []
    for path in args.trust:
        try:
            roots += load_certificates(Path(path).read_bytes())
        except (OSError, ValueError) as error:
            print(f"{path}: not a readable certificate ({error})", file=sys.stderr)
            return EXIT_REFUSED
    source = "--trust"
    if not args.trust:
        from reviewer_app.core.issuing import TrustRootError, roots_beside
        from reviewer_app.core.store.location import database_path

        try:
            beside = roots_beside(database_path(getattr(args, "db", None)))
        except TrustRootError as error:
            print(error, file=sys.stderr)
            return EXIT_REFUSED
        roots, source = list(beside.certificates), " and ".join(beside.sources)
    report = verify_pdf(data, roots)
    if not report.readable:
        print(f"{args.file}: {'; '.join(report.problems)}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        found = asdict(report)
        found["signing_time"] = report.signing_time.isoformat() if report.signing_time else None
        print(json.dumps({"file": args.file, "ok": report.ok, **found}, indent=2))
    else:
        print(f"file: {args.file}")
        for line in report.lines():
            print(line)
        if roots:
            print(f"trust roots: {len(roots)} certificate(s) from {source}")
    return 0 if report.ok else 1
