"""``org init | show``: the organization certificate authority that vouches for every reviewer.

The CA is made on first run (the first ``reviewer add``) or with ``org init``, which can also
take the organization's own CA as a PKCS#12 (``--import-p12``). Its key is stored encrypted
with the administrator's passphrase; its certificate is pinned in ``organization-ca.pem``
beside the database, the file letter readers trust (``verify``).
"""

from __future__ import annotations

import argparse
import sys

from reviewer_app.cli.signing import (
    ADMIN_PASSPHRASE_ENV,
    P12_PASSPHRASE_ENV,
    create_admin,
    signing_guarded,
)
from reviewer_app.cli.store_access import STATUS_EPILOG, guarded, open_store

INIT_HELP = f"""\
Create the organization certificate authority of this database: a new key pair and a CA
certificate in the letterhead's organization name, or with --import-p12 the organization's
own CA (its PKCS#12, passphrase from ${P12_PASSPHRASE_ENV}). Its key is stored encrypted with
the administrator's passphrase (${ADMIN_PASSPHRASE_ENV}, else asked twice); adding reviewers,
giving them keys and changing roles need it. The CA certificate is written to
organization-ca.pem beside the database: keep a copy where no one else can write."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "org", help="the organization CA (administrator)",
        description="The organization certificate authority: it issues every reviewer's "
        "certificate,\nwith their role, and signs audit checkpoints of backups and role "
        "changes.",
        epilog="examples:\n  python -m reviewer_app org init\n"
        "  python -m reviewer_app org show --out organization-ca.pem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    init = actions.add_parser(
        "init", help="create (or import) the organization CA", description=INIT_HELP,
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n  python -m reviewer_app org init\n"
        "  python -m reviewer_app org init --import-p12 our-reviewer-ca.p12",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    init.add_argument("--import-p12", metavar="FILE",
                      help="the organization's own CA (PKCS#12 with its key)")
    init.set_defaults(handler=run_init)
    show = actions.add_parser(
        "show", help="the CA's subject and fingerprint",
        description="Show the organization CA: subject, SHA-256 fingerprint, validity, and "
        "whether\norganization-ca.pem beside the database pins it. --out writes the "
        "certificate.",
        epilog=f"{STATUS_EPILOG}\n\nexamples:\n  python -m reviewer_app org show\n"
        "  python -m reviewer_app org show --out /media/usb/organization-ca.pem",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    show.add_argument("--out", metavar="CA.pem", help="write the CA certificate (PEM)")
    show.set_defaults(handler=run_show)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


@signing_guarded
@guarded
def run_init(args: argparse.Namespace) -> int:
    from reviewer_app.core.store.authority import find_authority
    from reviewer_app.core.store.errors import StoreError
    from reviewer_app.core.store.organization import write_pin

    with open_store(args, create=True) as store:
        if find_authority(store) is not None:
            write_pin(store)
            raise StoreError("this database already has its organization CA (see `org show`); "
                             "nothing was changed")
        create_admin(store, args, import_p12=args.import_p12)
    return 0


@guarded
def run_show(args: argparse.Namespace) -> int:
    from reviewer_app.core.atomic import write_atomic
    from reviewer_app.core.store.authority import (
        organization_authority,
        pin_path,
        pinned_certificate,
    )

    with open_store(args) as store:
        authority = organization_authority(store)
        pinned = pinned_certificate(store.path)
    certificate = authority.certificate
    print(f"subject:     {authority.subject}")
    print(f"fingerprint: sha256 {authority.fingerprint_sha256}")
    print(f"valid:       {certificate.not_valid_before_utc:%Y-%m-%d} to "
          f"{certificate.not_valid_after_utc:%Y-%m-%d}")
    print(f"source:      {authority.source}, {authority.created_at[:10]}")
    print(f"pinned:      {'yes, ' if pinned else 'no: missing '}{pin_path(store.path)}")
    if args.out:
        write_atomic(args.out, authority.certificate_pem.encode("ascii"))
        print(f"written to {args.out}", file=sys.stderr)
    return 0
