"""The organization CA as the store keeps it, and the file beside the database that pins it.

The CA's certificate is the trust root of every reviewer certificate, decision signature and
audit checkpoint, so an insider who could swap it for one of their own could forge all of them.
Two things stop that. The row is append-only and hashed into the audit trail like every record.
And when the CA is created, its certificate is also written beside the database as
``organization-ca.pem`` (:data:`PIN_FILE`): from then on the CA in the database must be that
one. The file is what an administrator keeps somewhere an insider cannot write (read-only, a
copy off the machine), and what ``verify`` trusts a letter's signer through.

Only reads here (``organization.py`` creates and unlocks the CA), so that the audit trail's
verification can use it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path

from cryptography import x509

from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError, TamperedCaseError
from reviewer_app.core.store.rows import AUTHORITY_COLUMNS, parse_utc, record_hash

PIN_FILE = "organization-ca.pem"


class NoAuthorityError(StoreError):
    """The database has no organization CA yet."""


@dataclass(frozen=True)
class StoredAuthority:
    id: int
    source: str
    subject: str
    fingerprint_sha256: str
    certificate_pem: str
    pkcs12: bytes
    created_at: str

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.certificate_pem.encode("ascii"))

    @property
    def created(self) -> dt.datetime:
        return parse_utc(self.created_at)


def pin_path(database: Path) -> Path:
    """``organization-ca.pem`` in the database's folder."""
    return database.expanduser().absolute().parent / PIN_FILE


def pinned_certificate(database: Path) -> x509.Certificate | None:
    """The CA certificate pinned beside the database, None when there is no pin file."""
    path = pin_path(database)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        return x509.load_pem_x509_certificate(data)
    except ValueError:
        raise StoreError(f"{path} is not a PEM certificate; restore the organization CA's "
                         "certificate there (the administrator keeps a copy)") from None


def find_authority(store: Store) -> StoredAuthority | None:
    """The CA row as it is, unchecked (None before ``org init``)."""
    row = store.query_one(
        f"SELECT {', '.join(AUTHORITY_COLUMNS)} FROM authority ORDER BY id LIMIT 1")
    return StoredAuthority(**{f.name: row[f.name] for f in fields(StoredAuthority)}) if row \
        else None


def authority_problem(store: Store, found: StoredAuthority | None) -> str | None:
    """Why the CA row must not be trusted (None when it may): changed since it was recorded,
    missing while a pin file names one, or not the pinned certificate."""
    pinned = pinned_certificate(store.path)
    if found is None:
        if pinned is not None:
            return (f"the database has no organization CA, but {pin_path(store.path)} names "
                    "one: the CA was removed from the database")
        return None
    recorded = store.conn.execute(
        "SELECT record_hash, seq FROM audit WHERE record_table = 'authority' AND record_id = ? "
        "ORDER BY seq DESC LIMIT 1", (found.id,)).fetchone()
    row = {f.name: getattr(found, f.name) for f in fields(StoredAuthority)}
    if recorded is None or recorded[0] != record_hash("authority", row):
        return ("the organization CA in the database does not match its audit record: it was "
                "put in or changed outside the application")
    if pinned is not None and pinned != found.certificate:
        return (f"the organization CA in the database is not the one pinned in "
                f"{pin_path(store.path)}: it was replaced")
    return None


def organization_authority(store: Store) -> StoredAuthority:
    """The CA, checked (:class:`TamperedCaseError` when it must not be trusted;
    :class:`NoAuthorityError` before there is one)."""
    found = find_authority(store)
    if problem := authority_problem(store, found):
        raise TamperedCaseError(f"record altered: {problem}. Nothing was done; run "
                                "`audit verify` and restore from a backup")
    if found is None:
        raise NoAuthorityError(
            "there is no organization certificate authority in this database yet: the "
            "administrator creates it with `org init` (or by adding the first reviewer)")
    return found
