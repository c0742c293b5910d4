"""``reviewer add | list | key | role | cert``: the nurses and physicians who decide cases, and
the keys they sign decisions and letters with.

Every reviewer gets a signing key when added: a new key pair whose certificate the organization
CA issues, naming the reviewer and their role, or the organization's PKCS#12 file
(``--import-p12``, chaining to the organization CA). Either way the private key is stored in the
database encrypted with the reviewer's passphrase, and only the certificate leaves it
(``reviewer cert``). Adding a reviewer, a new key and a role change need the administrator's
passphrase (the CA's); the first reviewer added to a new database creates the CA.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.cli.signing import (
    ADMIN_EPILOG,
    P12_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    passphrase,
    signing_guarded,
    unlock_admin,
)
from reviewer_app.cli.store_access import STATUS_EPILOG, guarded, open_store, reviewer_id
from reviewer_app.core.characters import printable
from reviewer_app.core.lifecycle import ROLES

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.trust.authority import UnlockedAuthority
    from reviewer_app.core.trust.keys import ReviewerKey

KEY_EPILOG = f"""Signing key: a new key pair with a certificate from the organization CA (name,
credentials and role in it), or with --import-p12 the organization's PKCS#12 file (its
passphrase from ${P12_PASSPHRASE_ENV}, else asked for; its certificate must chain to the
organization CA and state the role as its title). Either way the key is stored encrypted with
the reviewer's own passphrase, from ${PASSPHRASE_ENV}, else asked for twice (only in a
terminal); a passphrase that is easy to guess is refused with the reason.

{ADMIN_EPILOG}"""


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
        description="Add a reviewer with a signing key. The name and credentials are printed "
        "on letters;\nthe key signs them.",
        epilog=f"{KEY_EPILOG}\n\n{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app reviewer add --name 'Dana Whitfield' --credentials RN "
        "--role nurse\n"
        "  python -m reviewer_app reviewer add --name 'Sam Okoye' --credentials 'MD, FAAOS' "
        "--role physician --import-p12 okoye.p12",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("--name", required=True, metavar="N", help="full name")
    add.add_argument("--credentials", required=True, metavar="C", help="e.g. RN, MD")
    add.add_argument("--role", required=True, choices=ROLES, help="nurse or physician")
    add.add_argument("--npi", metavar="NPI",
                     help="the reviewer's National Provider Identifier (optional; 10 digits "
                     "with its check digit)")
    add.add_argument("--import-p12", metavar="FILE",
                     help="the organization's PKCS#12 (.p12/.pfx) for this reviewer")
    add.add_argument("--json", action="store_true", help="print the reviewer as JSON")
    add.set_defaults(handler=run_add)
    key = actions.add_parser(
        "key", help="give a reviewer a new signing key",
        description="Give an existing reviewer a new signing key (a reviewer added before "
        "keys existed,\nan expiring certificate, or the organization's own). The new key "
        "signs from now on;\nold ones stay on file.",
        epilog=f"{KEY_EPILOG}\n\n{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app reviewer key 2\n"
        "  python -m reviewer_app reviewer key 2 --import-p12 okoye.p12",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    key.add_argument("id", type=reviewer_id, metavar="RID", help="the reviewer id")
    key.add_argument("--import-p12", metavar="FILE",
                     help="the organization's PKCS#12 (.p12/.pfx) for this reviewer")
    key.set_defaults(handler=run_key)
    role = actions.add_parser(
        "role", help="change a reviewer's role (administrator)",
        description="Make a reviewer a nurse or a physician: the organization CA certifies "
        "their key anew\nwith the new role (their passphrase is not needed). Decisions "
        "already made keep the role\nthey were made with.",
        epilog=f"{ADMIN_EPILOG}\n\n{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app reviewer role 3 --role physician",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    role.add_argument("id", type=reviewer_id, metavar="RID", help="the reviewer id")
    role.add_argument("--role", required=True, choices=ROLES, help="nurse or physician")
    role.set_defaults(handler=run_role)
    cert = actions.add_parser(
        "cert", help="write a reviewer's certificate (PEM)",
        description="Write the certificate of the reviewer's current signing key (PEM), for "
        "`verify --trust`\nor a PDF reader's trusted certificates. No secret is in it.",
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n"
        "  python -m reviewer_app reviewer cert 2 --out chen.pem\n"
        "  python -m reviewer_app verify letter.pdf --trust chen.pem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cert.add_argument("id", type=reviewer_id, metavar="RID", help="the reviewer id")
    cert.add_argument("--out", metavar="CERT.pem", help="write to a file instead of stdout")
    cert.set_defaults(handler=run_cert)
    listing = actions.add_parser(
        "list", help="one line per reviewer",
        description="List the reviewers: id, role, name and credentials.",
        epilog="example:\n  python -m reviewer_app reviewer list --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=run_list)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def _own_passphrase(name: str, credentials: str) -> str:
    """The reviewer's new passphrase, refused before anything is made when it is weak."""
    from reviewer_app.core.trust.passphrases import check_new_passphrase

    own = passphrase(f"New passphrase for {name}'s signing key: ", confirm=True)
    check_new_passphrase(own, context=[name, credentials])
    return own


def _new_key(args: argparse.Namespace, store: Store, admin: UnlockedAuthority, name: str,
             credentials: str, role: str, own: str) -> tuple[ReviewerKey, str]:
    """The reviewer's key, issued by the organization CA or imported, and its source."""
    from reviewer_app.core.store.authority import organization_authority
    from reviewer_app.core.trust import keys

    if args.import_p12:
        data = Path(args.import_p12).read_bytes()
        secret = passphrase(f"Passphrase of {args.import_p12}: ", variable=P12_PASSPHRASE_ENV)
        key = keys.import_reviewer_key(
            data, secret, authority=organization_authority(store).certificate,
            new_passphrase=own)
        return key, "imported"
    return keys.create_reviewer_key(admin, name=name, credentials=credentials, role=role,
                                    passphrase=own), "created"


def _key_json(key: ReviewerKey) -> dict:
    return {"subject": key.subject, "fingerprint_sha256": key.fingerprint_sha256,
            "not_after": key.not_after.isoformat()}


@signing_guarded
@guarded
def run_add(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.reviewers import add_reviewer, check_npi, check_profile

    name, credentials = check_profile(args.name, args.credentials, args.role)
    npi = check_npi(args.npi)
    own = _own_passphrase(name, credentials)
    with open_store(args, create=True) as store:
        admin = unlock_admin(store, args, create=True)
        key, source = _new_key(args, store, admin, name, credentials, args.role, own)
        reviewer = add_reviewer(store, name=name, credentials=credentials, role=args.role,
                                key=key, key_source=source, admin=admin, npi=npi)
    if args.json:
        print(json.dumps({**asdict(reviewer), "key": _key_json(key)}, indent=2,
                         ensure_ascii=False))
    else:
        print(reviewer.id)
    return 0


@signing_guarded
@guarded
def run_key(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.reviewers import add_reviewer_key, get_reviewer

    with open_store(args) as store:
        reviewer = get_reviewer(store, args.id, check=True)
        own = _own_passphrase(reviewer.name, reviewer.credentials)
        admin = unlock_admin(store, args)
        key, source = _new_key(args, store, admin, reviewer.name, reviewer.credentials,
                               reviewer.role, own)
        add_reviewer_key(store, reviewer.id, key, source=source, admin=admin)
    print(f"reviewer {reviewer.id}: new signing key, {key.subject}, sha256 fingerprint "
          f"{key.fingerprint_sha256}, valid until {key.not_after:%Y-%m-%d}")
    return 0


@signing_guarded
@guarded
def run_role(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.reviewers import change_role, get_reviewer

    with open_store(args) as store:
        get_reviewer(store, args.id, check=True)
        admin = unlock_admin(store, args)
        changed = change_role(store, args.id, args.role, admin=admin)
    print(f"reviewer {args.id}: {changed.reviewer.signature} is a {changed.role} from now on "
          f"(new certificate, sha256 fingerprint {changed.key.fingerprint_sha256})")
    return 0


@guarded
def run_cert(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.errors import StoreError
    from reviewer_app.core.store.reviewers import signing_key

    with open_store(args) as store:
        key = signing_key(store, args.id)
    if key is None:
        raise StoreError(f"reviewer {args.id} has no signing key (see `reviewer key`)")
    if args.out:
        from reviewer_app.core.atomic import write_atomic

        write_atomic(args.out, key.certificate_pem.encode("ascii"))
    else:
        sys.stdout.write(key.certificate_pem)
    return 0


@guarded
def run_list(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.records import list_reviewers
    from reviewer_app.core.store.reviewers import reviewers_with_keys

    with open_store(args) as store:
        reviewers = list_reviewers(store)
        keyed = reviewers_with_keys(store)
    if args.json:
        print(json.dumps([asdict(r) for r in reviewers], indent=2, ensure_ascii=False))
        return 0
    if not reviewers:
        print("no reviewers yet (add one with `reviewer add`)")
    for r in reviewers:
        print(f"{r.id:>4}  {r.role:<9}  {printable(r.signature, 200)}"
              + ("" if r.id in keyed else "  (no signing key: `reviewer key`)"))
    return 0
