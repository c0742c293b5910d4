"""Reviewers: the nurses and physicians who decide cases, with the credentials letters print,
their signing keys, and what they may do, which their certificate says.

What a reviewer may do follows from their role (see :mod:`lifecycle`), and the role that counts
is the one in the reviewer's certificate, issued by the organization CA (see
:mod:`reviewer_app.core.trust`), never the ``reviewers.role`` column alone:
:func:`authorized` checks the reviewer's row and key against their audit records, the
certificate against the CA, and refuses ("record altered") when the table and the certificate
disagree. Adding a reviewer, giving one a new key and changing a role need the CA unlocked with
the administrator's passphrase; deciding needs the reviewer's own key unlocked
(:func:`unlock_reviewer` gives an :class:`UnlockedReviewer` for the session, which signs).

Keys are kept in ``reviewer_keys``, append-only: the PKCS#12 encrypted with the reviewer's
passphrase (never in clear) and the certificate. The newest row of a reviewer signs; a role
change adds a row with the same key and a new certificate, so the certificate behind every
decision and letter ever signed stays on file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Protocol

from cryptography import x509

from reviewer_app.core.lifecycle import ROLES
from reviewer_app.core.store.audit import AuditLog, check_record_intact, record_stamp
from reviewer_app.core.store.authority import StoredAuthority, organization_authority
from reviewer_app.core.store.checkpoints import checkpoint
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError, TamperedCaseError, UnknownReviewerError
from reviewer_app.core.store.records import Reviewer
from reviewer_app.core.store.rows import REVIEWER_COLUMNS, REVIEWER_KEY_COLUMNS, utc_text
from reviewer_app.core.store.signing import SIGNATURES_SINCE
from reviewer_app.core.trust.authority import UnlockedAuthority
from reviewer_app.core.trust.credentials import (
    Credential,
    common_name,
    role_of,
    verify_credential,
)
from reviewer_app.core.trust.errors import UntrustedCertificate, WrongPassphrase
from reviewer_app.core.trust.key_files import KeyMaterial
from reviewer_app.core.trust.keys import open_key, recertify
from reviewer_app.core.trust.signatures import sign

KeySource = Literal["created", "imported", "recertified"]


class ReviewerKey(Protocol):
    """What the store keeps of a new signing key: the encrypted PKCS#12 and the public
    certificate, as ``core/trust/keys.py`` makes them."""

    @property
    def pkcs12(self) -> bytes: ...
    @property
    def certificate_pem(self) -> bytes: ...
    @property
    def subject(self) -> str: ...
    @property
    def fingerprint_sha256(self) -> str: ...
    @property
    def not_after(self) -> dt.datetime: ...


def check_profile(name: str, credentials: str, role: str) -> tuple[str, str]:
    """The name and credentials, trimmed, or :class:`StoreError` saying what is missing."""
    name, credentials = name.strip(), credentials.strip()
    if not name:
        raise StoreError("a reviewer needs a name")
    if not credentials:
        raise StoreError("a reviewer needs credentials (e.g. RN, MD), printed on letters")
    if role not in ROLES:
        raise StoreError(f"'{role}' is not a reviewer role (nurse or physician)")
    return name, credentials


def check_npi(npi: str | None) -> str | None:
    """The reviewer's NPI, trimmed (None when not given), or :class:`StoreError` saying why it
    cannot be one: ten digits whose last is the check digit (Luhn over the NPI prefixed with
    80840, the CMS standard, as a requesting provider's NPI in a case)."""
    npi = (npi or "").strip()
    if not npi:
        return None
    from reviewer_app.core.case import npi_check_digit_ok

    if len(npi) != 10 or not npi.isascii() or not npi.isdigit():
        raise StoreError(f"an NPI is exactly 10 digits, not '{npi[:20]}'")
    if not npi_check_digit_ok(npi):
        raise StoreError(f"NPI {npi} fails the check digit (Luhn with prefix 80840)")
    return npi


@dataclass(frozen=True)
class StoredKey:
    """A reviewer's signing key as stored: unlock ``pkcs12`` with the reviewer's passphrase."""

    id: int
    reviewer_id: int
    source: str
    """``created`` (issued by the organization CA), ``imported`` (the organization's own
    PKCS#12) or ``recertified`` (the same key, a new certificate: a role change)."""
    subject: str
    fingerprint_sha256: str
    not_after: str
    certificate_pem: str
    pkcs12: bytes
    created_at: str

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.certificate_pem.encode("ascii"))


@dataclass(frozen=True)
class Authorized:
    """A reviewer whose row, key and certificate hold: the role is the certificate's."""

    reviewer: Reviewer
    key: StoredKey
    credential: Credential

    @property
    def role(self) -> str:
        return self.credential.role


@dataclass(frozen=True)
class UnlockedReviewer:
    """A reviewer signed in: their key opened with their passphrase, for one session. Keep it
    in memory only. Every action still checks the reviewer against the store
    (:func:`authorized`), so a key replaced or a role changed since takes effect at once."""

    id: int
    key_id: int
    certificate: x509.Certificate
    material: KeyMaterial

    @property
    def name(self) -> str:
        return common_name(self.certificate)

    @property
    def role(self) -> str | None:
        """The role the certificate states (what the window enables); the store checks it
        against the organization CA on every action."""
        return role_of(self.certificate)

    def sign(self, payload: bytes) -> bytes:
        return sign(self.material.private_key, payload)


def add_reviewer(store: Store, *, name: str, credentials: str, role: str,
                 key: ReviewerKey, admin: UnlockedAuthority, by: int | None = None,
                 key_source: KeySource = "created", npi: str | None = None) -> Reviewer:
    """Add a reviewer with their signing ``key`` (its certificate from the organization CA,
    naming them and their role), vouched for by the CA unlocked as ``admin``; ``npi`` is
    optional (:func:`check_npi`)."""
    name, credentials = check_profile(name, credentials, role)
    npi = check_npi(npi)
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        authority = _admin_authority(store, admin)
        _check_certificate(key, authority, name=f"{name}, {credentials}", role=role,
                           at=store.clock())
        row = {"name": name, "credentials": credentials, "role": role,
               "created_at": store.now(), "npi": npi}
        row["id"] = store.db["reviewers"].insert(row).last_pk
        log = AuditLog(store)
        log.append("create", reviewer_id=by, record=record_stamp("reviewers", row),
                   details={"reviewer_id": row["id"], "role": role})
        _insert_key(store, log, row["id"], key, key_source, by)
        checkpoint(store, log, admin)
    return Reviewer(**row)


def add_reviewer_key(store: Store, reviewer_id: int, key: ReviewerKey, *,
                     admin: UnlockedAuthority, source: KeySource = "created",
                     by: int | None = None) -> StoredKey:
    """Give an existing reviewer a new signing key (it signs from now on)."""
    with store.write():
        reviewer = get_reviewer(store, reviewer_id, check=True)
        if by is not None and by != reviewer_id:
            get_reviewer(store, by)
        authority = _admin_authority(store, admin)
        _check_certificate(key, authority, name=reviewer.signature, role=reviewer.role,
                           at=store.clock())
        log = AuditLog(store)
        stored = _insert_key(store, log, reviewer_id, key, source, by)
        checkpoint(store, log, admin)
    return stored


def change_role(store: Store, reviewer_id: int, role: str, *, admin: UnlockedAuthority,
                by: int | None = None) -> Authorized:
    """Make the reviewer a ``role``: the CA certifies their current key anew with that role,
    and the profile follows. The reviewer's passphrase is not needed."""
    if role not in ROLES:
        raise StoreError(f"'{role}' is not a reviewer role (nurse or physician)")
    with store.write():
        current = authorized(store, reviewer_id)
        if current.role == role:
            raise StoreError(f"reviewer {reviewer_id} ({current.reviewer.signature}) is already "
                             f"a {role}; nothing was changed")
        _admin_authority(store, admin)
        reviewer = current.reviewer
        certificate = recertify(admin, current.key.certificate, name=reviewer.name,
                                credentials=reviewer.credentials, role=role, now=store.clock())
        from reviewer_app.core.trust.keys import describe

        new_key = describe(certificate, current.key.pkcs12)
        store.conn.execute("UPDATE reviewers SET role = ? WHERE id = ?", (role, reviewer_id))
        row = {**_reviewer_row(reviewer), "role": role}
        log = AuditLog(store)
        log.append("change", reviewer_id=by, record=record_stamp("reviewers", row),
                   details={"reviewer_id": reviewer_id, "from_role": current.role,
                            "role": role})
        _insert_key(store, log, reviewer_id, new_key, "recertified", by)
        checkpoint(store, log, admin)
    return authorized(store, reviewer_id)


def _reviewer_row(reviewer: Reviewer) -> dict:
    return {name: getattr(reviewer, name) for name in REVIEWER_COLUMNS}


def _admin_authority(store: Store, admin: UnlockedAuthority) -> StoredAuthority:
    authority = organization_authority(store)
    if admin.certificate != authority.certificate:
        raise StoreError("the unlocked certificate authority is not this database's "
                         "organization CA; nothing was changed")
    return authority


def _check_certificate(key: ReviewerKey, authority: StoredAuthority, *, name: str, role: str,
                       at: dt.datetime) -> None:
    certificate = x509.load_pem_x509_certificate(key.certificate_pem)
    try:
        credential = verify_credential(certificate, authority.certificate, at=at)
    except UntrustedCertificate as error:
        raise StoreError(f"{error}; nothing was changed") from None
    if credential.role != role:
        raise StoreError(f"the certificate says {credential.role}, not {role}; nothing was "
                         "changed")
    if credential.common_name != name:
        raise StoreError(f"the certificate is issued to {credential.common_name}, not {name} "
                         "(give the name and credentials as the certificate states them)")


def _insert_key(store: Store, log: AuditLog, reviewer_id: int, key: ReviewerKey,
                source: KeySource, by: int | None) -> StoredKey:
    row = {
        "reviewer_id": reviewer_id,
        "source": source,
        "subject": key.subject,
        "fingerprint_sha256": key.fingerprint_sha256,
        "not_after": utc_text(key.not_after),
        "certificate_pem": key.certificate_pem.decode("ascii"),
        "pkcs12": key.pkcs12,
        "created_at": store.now(),
    }
    row["id"] = store.db["reviewer_keys"].insert(row).last_pk
    log.append("create", reviewer_id=by, record=record_stamp("reviewer_keys", row),
               details={"reviewer_id": reviewer_id, "key_id": row["id"], "source": source,
                        "fingerprint_sha256": key.fingerprint_sha256})
    return StoredKey(**row)


def signing_key(store: Store, reviewer_id: int) -> StoredKey | None:
    """The reviewer's newest key, checked against its audit record (a key swapped in behind the
    application's back must not sign); None when the reviewer has none."""
    row = store.query_one(
        f"SELECT {', '.join(REVIEWER_KEY_COLUMNS)} FROM reviewer_keys WHERE reviewer_id = ? "
        "ORDER BY id DESC LIMIT 1", (reviewer_id,))
    if row is None:
        return None
    check_record_intact(store, "reviewer_keys", row)
    return StoredKey(**dict(row))


def authorized(store: Store, reviewer_id: int) -> Authorized:
    """The reviewer as the organization CA vouches for them now: their row and newest key
    match their audit records, the key's certificate chains to the CA, and its name and role
    are the row's. Refused with the reason otherwise (:class:`TamperedCaseError` for a record
    altered, :class:`StoreError` for a reviewer who has no CA-issued key yet)."""
    reviewer = get_reviewer(store, reviewer_id, check=True)
    key = signing_key(store, reviewer_id)
    authority = organization_authority(store)
    advice = (f"the administrator gives them one with `reviewer key {reviewer_id}`")
    if key is None:
        raise StoreError(f"reviewer {reviewer_id} ({reviewer.signature}) has no signing key: "
                         f"{advice}")
    try:
        credential = verify_credential(key.certificate, authority.certificate, at=store.clock())
    except UntrustedCertificate as error:
        if key.created_at < authority.created_at:
            raise StoreError(f"reviewer {reviewer_id}'s signing key was made before the "
                             f"organization CA (before version {SIGNATURES_SINCE}): "
                             f"{advice}") from None
        raise TamperedCaseError(f"record altered: {error}. Nothing was done; run `audit "
                                "verify`") from None
    if credential.role != reviewer.role:
        raise TamperedCaseError(
            f"record altered: reviewer {reviewer_id} ({reviewer.signature}) is a "
            f"{reviewer.role} in the database, but their certificate from the organization CA "
            f"says {credential.role}. Nothing was done; run `audit verify`")
    if credential.common_name != reviewer.signature:
        raise TamperedCaseError(
            f"record altered: reviewer {reviewer_id} is {reviewer.signature} in the database, "
            f"but their certificate names {credential.common_name}. Nothing was done")
    return Authorized(reviewer, key, credential)


def unlock_reviewer(store: Store, reviewer_id: int, passphrase: str) -> UnlockedReviewer:
    """Sign a reviewer in: :func:`authorized`, then their key opened with ``passphrase``. A
    wrong passphrase is recorded in the audit trail (who, when; never the passphrase) and
    refused with :class:`~reviewer_app.core.trust.errors.WrongPassphrase`."""
    current = authorized(store, reviewer_id)
    try:
        material = open_key(current.key.pkcs12, passphrase)
    except WrongPassphrase:
        record_failed_unlock(store, reviewer_id=reviewer_id, key_id=current.key.id)
        raise
    return session_for(store, reviewer_id, material)


def session_for(store: Store, reviewer_id: int, material: KeyMaterial) -> UnlockedReviewer:
    """An opened key bound to the reviewer it belongs to (their newest key, as it now is)."""
    current = authorized(store, reviewer_id)
    certificate = current.key.certificate
    if certificate.public_key() != material.private_key.public_key():
        raise StoreError(f"the unlocked key is not reviewer {reviewer_id}'s current signing "
                         "key; sign in again")
    return UnlockedReviewer(reviewer_id, current.key.id, certificate, material)


def record_failed_unlock(store: Store, *, reviewer_id: int | None = None,
                         key_id: int | None = None, what: str = "reviewer key") -> None:
    """An ``unlock_failed`` audit entry, in its own transaction."""
    with store.write():
        AuditLog(store).append("unlock_failed", reviewer_id=reviewer_id,
                               details={"key": what, "key_id": key_id})


SESSION_ACTIONS = ("sign_in", "sign_out", "lock")


def record_session(store: Store, action: str, reviewer_id: int, **details: object) -> None:
    """A ``sign_in``, ``sign_out`` or ``lock`` audit entry for a desktop session (who, when, and
    ``details`` such as why it locked), in its own transaction."""
    if action not in SESSION_ACTIONS:
        raise ValueError(f"{action!r} is not a session action ({', '.join(SESSION_ACTIONS)})")
    with store.write():
        AuditLog(store).append(action, reviewer_id=reviewer_id, details=details)


def reviewers_with_keys(store: Store) -> set[int]:
    return {row[0] for row in store.conn.execute("SELECT DISTINCT reviewer_id FROM reviewer_keys")}


def get_reviewer(store: Store, reviewer_id: int, *, check: bool = False) -> Reviewer:
    """The reviewer, optionally checked against its audit record (before it authorises)."""
    row = store.query_one(
        f"SELECT {', '.join(REVIEWER_COLUMNS)} FROM reviewers WHERE id = ?", (reviewer_id,)
    )
    if row is None:
        raise UnknownReviewerError(
            f"there is no reviewer {reviewer_id} (see `reviewer list`; add one with "
            "`reviewer add`)"
        )
    if check:
        check_record_intact(store, "reviewers", row)
    return Reviewer(**dict(row))


