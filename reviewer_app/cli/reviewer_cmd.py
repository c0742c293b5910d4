"""``reviewer add | list``: the nurses and physicians who decide cases."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from reviewer_app.cli.store_access import STATUS_EPILOG, guarded, open_store
from reviewer_app.core.store.lifecycle import ROLES


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "reviewer", help="add and list reviewers (nurses, physicians)",
        description="The reviewers who decide cases. A nurse may approve a case that meets "
        "criteria, refer it or pend it;\nonly a physician may deny or partially approve.",
        epilog="examples:\n"
        "  python -m reviewer_app reviewer add --name 'Dana Whitfield' --credentials RN "
        "--role nurse\n  python -m reviewer_app reviewer list",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    add = actions.add_parser(
        "add", help="add a reviewer; prints the new reviewer id",
        description="Add a reviewer. The name and credentials are printed on letters.",
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app reviewer add --name 'Dana Whitfield' --credentials RN "
        "--role nurse\n"
        "  python -m reviewer_app reviewer add --name 'Sam Okoye' --credentials 'MD, FAAOS' "
        "--role physician",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("--name", required=True, metavar="N", help="full name")
    add.add_argument("--credentials", required=True, metavar="C", help="e.g. RN, MD")
    add.add_argument("--role", required=True, choices=ROLES, help="nurse or physician")
    add.add_argument("--json", action="store_true", help="print the reviewer as JSON")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser(
        "list", help="one line per reviewer",
        description="List the reviewers: id, role, name and credentials.",
        epilog="example:\n  python -m reviewer_app reviewer list --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=run_list)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


@guarded
def run_add(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.reviewers import add_reviewer

    with open_store(args, create=True) as store:
        reviewer = add_reviewer(store, name=args.name, credentials=args.credentials,
                                role=args.role)
    print(json.dumps(asdict(reviewer), indent=2) if args.json else reviewer.id)
    return 0


@guarded
def run_list(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.reviewers import list_reviewers

    with open_store(args) as store:
        reviewers = list_reviewers(store)
    if args.json:
        print(json.dumps([asdict(r) for r in reviewers], indent=2, ensure_ascii=False))
        return 0
    if not reviewers:
        print("no reviewers yet (add one with `reviewer add`)")
    for r in reviewers:
        print(f"{r.id:>4}  {r.role:<9}  {r.signature}")
    return 0
