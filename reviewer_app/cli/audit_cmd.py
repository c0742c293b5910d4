"""``audit verify | log`` and ``backup DEST``: showing that nothing was altered, and keeping a
consistent copy."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from reviewer_app.cli.signing import signing_guarded, unlock_admin
from reviewer_app.cli.store_access import (
    STATUS_EPILOG,
    case_id,
    guarded,
    local_time,
    open_store,
    reviewer_id,
)
from reviewer_app.core.characters import printable

VERIFY_HELP = """\
Run SQLite's integrity check over the whole file (every page, and every index against its
table: damage the audit trail cannot see), then re-walk the audit trail from its first entry,
recomputing every entry's hash and its link to the previous one, and check every case (and
every evaluation, decision and reviewer) against the hash recorded at its last change. Then the
signatures: every signed checkpoint against the entry it vouches for (a chain recomputed after
an edit no longer matches), every decision against the deciding reviewer's signature, every
signer's certificate and every reviewer's role against the organization CA (pinned in
organization-ca.pem beside the database). Reports the damage found, the first entry that does
not match, every record changed outside the application and every signature that fails;
decisions from before signatures are listed as unsigned."""

VERIFY_EPILOG = """\
Exit status: 0 everything matches; 1 something does not (printed on standard output), or
the file is damaged; 2 it could not be opened (missing, from a newer version, not ours).

examples:
  python -m reviewer_app audit verify
  python -m reviewer_app --db /backups/cases-20261123.sqlite3 audit verify --json"""

BACKUP_HELP = """\
Copy the database to DEST through SQLite's online backup API: a consistent snapshot even while
the application (or another instance) is writing. DEST is a new file, or a folder in which
cases-YYYYMMDD-HHMMSS.sqlite3 is created. The copy is checked before it is kept, existing files
are never overwritten, and the backup is recorded in the audit trail. Once the database has
its organization CA, the chain's head is signed by the CA first (a checkpoint the copy
carries), so a backup needs the administrator's passphrase ($REVIEWER_APP_ADMIN_PASSPHRASE,
else asked for in a terminal)."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "audit", help="verify or read the audit trail",
        description="The audit trail: an append-only, hash-chained record of every create, "
        "view, change,\nevaluation, decision, export and backup.",
        epilog="examples:\n  python -m reviewer_app audit verify\n"
        "  python -m reviewer_app audit log --case 12",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    verify = actions.add_parser("verify", help="check the chain and every record",
                                description=VERIFY_HELP, epilog=VERIFY_EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.set_defaults(handler=run_verify)
    log = actions.add_parser(
        "log", help="who did what, newest first",
        description="Print audit entries, newest first: when, who, action, case, details.",
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n  python -m reviewer_app audit log --limit 20\n"
        "  python -m reviewer_app audit log --case 12 --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    log.add_argument("--case", type=case_id, metavar="ID", help="only this case's entries")
    log.add_argument("--limit", type=int, default=50, metavar="N",
                     help="at most N entries (default 50; 0 for all)")
    log.add_argument("--json", action="store_true", help="print a JSON array")
    log.set_defaults(handler=run_log)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)

    p = commands.add_parser(
        "backup", help="copy the database safely, even while in use",
        description=BACKUP_HELP,
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app backup /media/usb/ur-backups/\n"
        "  python -m reviewer_app backup ~/cases-before-upgrade.sqlite3",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("destination", metavar="DEST", help="a new file, or an existing folder")
    p.add_argument("--reviewer", type=reviewer_id, metavar="RID",
                   help="who takes the backup (recorded in the audit trail)")
    p.set_defaults(handler=run_backup)


@guarded
def run_verify(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.integrity import check_database

    with open_store(args) as store:
        check = check_database(store)
    report, damage = check.report, list(check.damage)
    if report is None:
        if args.json:
            print(json.dumps({"ok": False, "integrity": damage}, indent=2))
        else:
            print("\n".join(check.lines()))
        return 1
    if args.json:
        print(json.dumps({
            "ok": check.ok,
            "integrity": damage or "ok",
            "entries": report.entries,
            "cases": report.cases,
            "records": report.records,
            "checkpoints": report.checkpoints,
            "signed_decisions": report.signed_decisions,
            "authority": report.authority,
            "chain_fault": asdict(report.chain_fault) if report.chain_fault else None,
            "row_faults": [asdict(fault) for fault in report.row_faults],
            "signature_faults": [asdict(fault) for fault in report.signature_faults],
            "notes": report.notes,
        }, indent=2))
    else:
        for line in check.lines():
            print(printable(line, 1000))
    return 0 if check.ok else 1


@guarded
def run_log(args: argparse.Namespace) -> int:
    from reviewer_app.core.store import audit

    if args.limit < 0:
        print("audit log: --limit must be 0 (all) or more", file=sys.stderr)
        return 2
    with open_store(args) as store:
        found = audit.entries(store, case_id=args.case, limit=args.limit)
    if args.json:
        print(json.dumps([asdict(e) for e in found], indent=2, ensure_ascii=False))
        return 0
    for e in found:
        who = f"reviewer {e.reviewer_id}" if e.reviewer_id is not None else f"user {e.os_user}"
        case = f"case {e.case_id} v{e.case_version}" if e.case_id is not None else "-"
        details = " ".join(f"{k}={printable(v, 200)}" for k, v in e.details.items()
                           if v is not None)
        print(f"{e.seq:>7}  {local_time(e.at)}  {printable(who, 40):<16} "
              f"{printable(e.action, 20):<8} {case:<14} {details}")
    return 0


@signing_guarded
@guarded
def run_backup(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.authority import find_authority
    from reviewer_app.core.store.backup import backup

    with open_store(args) as store:
        admin = unlock_admin(store, args) if find_authority(store) is not None else None
        result = backup(store, args.destination, by=args.reviewer, admin=admin)
    print(f"{result.path}  {result.size:,} bytes  sha256 {result.sha256}")
    return 0
