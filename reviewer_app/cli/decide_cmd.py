"""``decide`` and ``assign``: moving a case through its lifecycle from the shell.

The rules (who may do what, in which status) live in ``core/lifecycle.py``; a refusal
prints the reason and exits 2.
"""

from __future__ import annotations

import argparse

from reviewer_app.cli.signing import PASSPHRASE_EPILOG, passphrase, signing_guarded
from reviewer_app.cli.store_access import (
    STATUS_EPILOG,
    case_id,
    guarded,
    iso_date,
    open_store,
    reviewer_id,
)
from reviewer_app.core.characters import printable
from reviewer_app.core.lifecycle import DECISIONS

DECIDE_HELP = """\
Record a reviewer's decision on a case under review:
  approve   approved (a nurse only when the latest evaluation meets criteria)
  partial   partially approved (physician only; needs --reason and --approve for each
            procedure code approved; the other requested codes are denied)
  deny      denied (physician only; needs --reason, the specific reason in plain language)
  refer     referred to a physician reviewer (nurse)
  pend      pended for information (needs --info-needed-by)
The decision is signed with the reviewer's key (so it needs their passphrase), and the role
that counts is the one in the reviewer's certificate from the organization CA. Before
anything is saved, the case, its evaluation and the reviewer are checked against their audit
records ("record altered: ..." and exit 2 otherwise). The save checks the case's version: if
someone changed the case since you read it (or since --if-version), nothing is saved and you
are told who changed it."""

ASSIGN_HELP = """\
Give a case to a reviewer. A draft or pended case goes into review (in_review); a referred
case can only be given to a physician."""


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "decide", help="record a decision (approve, partial, deny, refer, pend)",
        description=DECIDE_HELP,
        epilog=f"{PASSPHRASE_EPILOG}\n\n{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app decide 12 --decision approve --reviewer 1\n"
        "  python -m reviewer_app decide 12 --decision refer --reviewer 1 "
        "--reason 'SINS 9, stability unclear'\n"
        "  python -m reviewer_app decide 12 --decision pend --reviewer 1 "
        "--info-needed-by 2026-12-01 --reason 'MRI report'\n"
        "  python -m reviewer_app decide 12 --decision deny --reviewer 2 --reason '...' "
        "--if-version 3\n"
        "  python -m reviewer_app decide 12 --decision partial --reviewer 2 --reason '...' "
        "--approve 63090 --approve 22558",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("id", type=case_id, metavar="ID", help="the case id")
    p.add_argument("--decision", required=True, choices=tuple(DECISIONS), help="the decision")
    p.add_argument("--reviewer", required=True, type=reviewer_id, metavar="RID",
                   help="who decides (see `reviewer list`)")
    p.add_argument("--reason", metavar="TEXT", help="the reason, in plain language")
    p.add_argument("--info-needed-by", type=iso_date, metavar="DATE",
                   help="for pend: the date the information is needed by (YYYY-MM-DD)")
    p.add_argument("--approve", action="append", default=[], metavar="CODE",
                   help="for partial: a procedure code approved (repeat for each)")
    p.add_argument("--if-version", type=int, metavar="N",
                   help="save only if the case is still at version N (as shown by `show`)")
    p.set_defaults(handler=run_decide)

    p = commands.add_parser(
        "assign", help="give a case to a reviewer (starts the review)",
        description=ASSIGN_HELP,
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app assign 12 --reviewer 1\n"
        "  python -m reviewer_app assign 12 --reviewer 2 --if-version 4",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("id", type=case_id, metavar="ID", help="the case id")
    p.add_argument("--reviewer", required=True, type=reviewer_id, metavar="RID",
                   help="the reviewer who takes the case")
    p.add_argument("--if-version", type=int, metavar="N",
                   help="save only if the case is still at version N")
    p.set_defaults(handler=run_assign)


@signing_guarded
@guarded
def run_decide(args: argparse.Namespace) -> int:
    from reviewer_app.core.store import decisions
    from reviewer_app.core.store.cases import get_case
    from reviewer_app.core.store.reviewers import authorized, get_reviewer, unlock_reviewer

    with open_store(args) as store:
        version = args.if_version or get_case(store, args.id).version
        who = authorized(store, args.reviewer).reviewer.signature
        secret = passphrase(f"Passphrase of {who}'s signing key: ")
        reviewer = unlock_reviewer(store, args.reviewer, secret)
        result = decisions.decide(
            store, args.id, args.decision, by=reviewer, expected_version=version,
            reason=args.reason, info_needed_by=args.info_needed_by,
            approved_codes=args.approve,
        )
        who = printable(get_reviewer(store, args.reviewer).signature, 200)
    print(f"case {args.id}: {result.case.status} (version {result.case.version}) by {who}")
    return 0


@guarded
def run_assign(args: argparse.Namespace) -> int:
    from reviewer_app.core.store import decisions
    from reviewer_app.core.store.cases import get_case
    from reviewer_app.core.store.reviewers import get_reviewer

    with open_store(args) as store:
        version = args.if_version or get_case(store, args.id).version
        case = decisions.assign(store, args.id, reviewer=args.reviewer,
                                expected_version=version)
        who = printable(get_reviewer(store, args.reviewer).signature, 200)
    print(f"case {args.id}: {case.status}, assigned to {who} (version {case.version})")
    return 0
