"""``decide`` and ``assign``: moving a case through its lifecycle from the shell.

The rules (who may do what, in which status) live in ``core/lifecycle.py``; a refusal
prints the reason and exits 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from reviewer_app.cli.signing import PASSPHRASE_EPILOG, passphrase, signing_guarded
from reviewer_app.cli.store_access import (
    EXIT_REFUSED,
    STATUS_EPILOG,
    case_id,
    guarded,
    iso_date,
    local_time,
    open_store,
    reviewer_id,
)
from reviewer_app.core.characters import printable
from reviewer_app.core.lifecycle import DECISIONS
from reviewer_app.core.pend_timeline import extension_reasons

DECIDE_HELP = """\
Record a reviewer's decision on a case under review:
  approve   approved (a nurse only when the latest evaluation meets criteria)
  partial   partially approved (physician only; needs --reason, --member-reason and
            --approve for each procedure code approved, --approve-level for each level
            approved when fewer than requested; the rest is not approved)
  deny      denied (physician only; needs --reason, the clinical rationale for the
            provider, and --member-reason, the same in plain words for the member)
  refer     referred to a physician reviewer (nurse; --reason is the note)
  pend      pended for information (needs --info-needed-by, before the decision is due
            unless the line of business allows an extension; asks for every missing item the
            evaluation lists, or those given with --keep, and whatever --ask says in words).
            A Medicare Advantage extension needs --extension-reason, one of the reasons 42 CFR
            422.568(b)(1)(i) (422.572(b)(1) when expedited) allows; the letters state it
The member's reason is written in the member's letter language (their own when the letters
ship it, else English); the decision records which.
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
        "  python -m reviewer_app decide 12 --decision pend --reviewer 1 "
        "--info-needed-by 2026-12-01 --keep oncology.expected_survival_months "
        "--ask 'The operative plan'\n"
        "  python -m reviewer_app decide 12 --decision pend --reviewer 1 "
        "--info-needed-by 2026-12-14 --extension-reason noncontract_evidence\n"
        "  python -m reviewer_app decide 12 --decision deny --reviewer 2 --reason '...' "
        "--member-reason '...' --if-version 3\n"
        "  python -m reviewer_app decide 12 --decision partial --reviewer 2 --reason '...' "
        "--member-reason '...' --approve 63090 --approve 22558 --approve-level L2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("id", type=case_id, metavar="ID", help="the case id")
    p.add_argument("--decision", required=True, choices=tuple(DECISIONS), help="the decision")
    p.add_argument("--reviewer", required=True, type=reviewer_id, metavar="RID",
                   help="who decides (see `reviewer list`)")
    p.add_argument("--reason", metavar="TEXT",
                   help="the clinical rationale (the provider's letter prints it); for refer, "
                   "the note to the physician")
    p.add_argument("--member-reason", metavar="TEXT",
                   help="for deny and partial: the reason in plain words for the member, in "
                   "the member's letter language")
    p.add_argument("--info-needed-by", type=iso_date, metavar="DATE",
                   help="for pend: the date the information is needed by (YYYY-MM-DD)")
    p.add_argument("--approve", action="append", default=[], metavar="CODE",
                   help="for partial: a procedure code approved (repeat for each)")
    p.add_argument("--approve-level", action="append", default=[], metavar="LEVEL",
                   help="for partial: a level approved, when fewer than requested (repeat)")
    p.add_argument("--keep", action="append", default=None, metavar="ITEM",
                   help="for pend: a missing item of the evaluation to ask for, by its path "
                   "or study key as `show --json` lists them (repeat; default: every one)")
    p.add_argument("--ask", action="append", default=[], metavar="TEXT",
                   help="for pend: something else to ask for, in words (repeat)")
    reasons = extension_reasons()
    p.add_argument("--extension-reason", choices=tuple(reasons), metavar="REASON",
                   help="for a pend whose date extends the timeframe where the rule allows it "
                   "only for reasons it names (Medicare Advantage): "
                   + "; ".join(f"{key} ({words[0].lower()}{words[1:]})"
                               for key, words in reasons.items()))
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
    register_p2p(commands)
    register_oral_notice(commands)


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
            approved_codes=args.approve, member_reason=args.member_reason,
            approved_levels=args.approve_level, info_kept=args.keep, info_added=args.ask,
            extension_reason=args.extension_reason,
        )
        who = printable(get_reviewer(store, args.reviewer).signature, 200)
    print(f"case {args.id}: {result.case.status} (version {result.case.version}) by {who}")
    return 0


P2P_HELP = """\
Record a peer-to-peer conversation about a case between the requesting provider and a
physician reviewer (who, when, how it ended, a note); recorded in the audit trail and kept
like a decision. The reviewer must be a physician, as their certificate says."""


def register_p2p(commands: argparse._SubParsersAction) -> None:
    from reviewer_app.core.lifecycle import P2P_OUTCOMES

    outcomes = "\n".join(f"  {name:<18}{words}" for name, words in P2P_OUTCOMES.items())
    p = commands.add_parser(
        "p2p", help="record a peer-to-peer conversation with the requesting provider",
        description=f"{P2P_HELP}\n\noutcomes:\n{outcomes}",
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app p2p 12 --reviewer 2 --with 'R. Alvarez, MD' "
        "--outcome upheld --note 'Discussed SINS 10; radiation first.'\n"
        "  python -m reviewer_app p2p 12 --reviewer 2 --with 'R. Alvarez, MD' "
        "--at 2026-11-24T10:30-05:00 --outcome new_information\n"
        "  python -m reviewer_app p2p 12 --list",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("id", type=case_id, metavar="ID", help="the case id")
    p.add_argument("--reviewer", type=reviewer_id, metavar="RID",
                   help="the physician reviewer who took part")
    p.add_argument("--with", dest="provider", metavar="WHO",
                   help="who spoke for the requesting provider")
    p.add_argument("--at", type=iso_time, metavar="TIME",
                   help="when it took place (ISO 8601 with an offset; default: now)")
    p.add_argument("--outcome", choices=tuple(P2P_OUTCOMES), help="how it ended")
    p.add_argument("--note", metavar="TEXT", help="what was said, briefly")
    p.add_argument("--list", action="store_true",
                   help="list the case's recorded conversations instead")
    p.set_defaults(handler=run_p2p)


def iso_time(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time (ISO 8601, e.g. "
                                         "2026-11-24T10:30-05:00)") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"'{text}' needs a UTC offset (e.g. -05:00)")
    return moment


@guarded
def run_p2p(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.peer_to_peer import peer_to_peer_for, record_peer_to_peer

    with open_store(args) as store:
        if args.list:
            for talk in peer_to_peer_for(store, args.id):
                note = f": {printable(talk.note, 400)}" if talk.note else ""
                print(f"{local_time(talk.held_at)}  with {printable(talk.provider, 200)}, "
                      f"reviewer {talk.reviewer_id}: {talk.outcome_text}{note}")
            return 0
        missing = [flag for flag, value in (("--reviewer", args.reviewer),
                                            ("--with", args.provider),
                                            ("--outcome", args.outcome)) if value is None]
        if missing:
            print(f"refused: a peer-to-peer record needs {', '.join(missing)}", file=sys.stderr)
            return EXIT_REFUSED
        talk = record_peer_to_peer(store, args.id, by=args.reviewer, provider=args.provider,
                                   held_at=args.at or store.clock(), outcome=args.outcome,
                                   note=args.note)
    print(f"case {args.id}: peer-to-peer {talk.id} recorded ({talk.outcome_text})")
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


ORAL_NOTICE_HELP = """\
Record that an expedited case's latest decision was told by phone: who was told, when, and by
which reviewer. The case's letters of that decision then say they confirm the call (Medicare
Advantage: written confirmation within 3 calendar days, 42 CFR 422.572(c); commercial urgent
care: written notice within 3 days, 29 CFR 2560.503-1(g)(2)). Kept like a decision: never
changed or deleted, recorded in the audit trail."""


def register_oral_notice(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "oral-notice", help="record that an expedited decision was told by phone",
        description=ORAL_NOTICE_HELP,
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app oral-notice 12 --reviewer 2 --told 'Daniel Okafor (member)'\n"
        "  python -m reviewer_app oral-notice 12 --reviewer 2 --told 'R. Alvarez, MD' "
        "--at 2026-11-20T16:50-05:00\n"
        "  python -m reviewer_app oral-notice 12 --list",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("id", type=case_id, metavar="ID", help="the case id")
    p.add_argument("--reviewer", type=reviewer_id, metavar="RID", help="who made the call")
    p.add_argument("--told", metavar="WHO", help="who was told (name, and member or provider)")
    p.add_argument("--at", type=iso_time, metavar="TIME",
                   help="when (ISO 8601 with an offset; default: now)")
    p.add_argument("--list", action="store_true", help="list the case's oral notices instead")
    p.set_defaults(handler=run_oral_notice)


@guarded
def run_oral_notice(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.notices import oral_notices_for, record_oral_notice

    with open_store(args) as store:
        if args.list:
            for notice in oral_notices_for(store, args.id):
                print(f"{local_time(notice.told_at)}  told {printable(notice.told, 200)} "
                      f"(decision {notice.decision_id}) by reviewer {notice.reviewer_id}")
            return 0
        missing = [flag for flag, value in (("--reviewer", args.reviewer),
                                            ("--told", args.told)) if value is None]
        if missing:
            print(f"refused: an oral notice needs {', '.join(missing)}", file=sys.stderr)
            return EXIT_REFUSED
        notice = record_oral_notice(store, args.id, by=args.reviewer, told=args.told,
                                    told_at=args.at or store.clock())
    print(f"case {args.id}: oral notice {notice.id} of decision {notice.decision_id} recorded")
    return 0
