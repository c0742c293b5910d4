"""Reviewers: the nurses and physicians who decide cases, with the credentials letters print,
and the keys they sign letters with.

A reviewer's role decides what they may do (see :mod:`lifecycle`), so the row is hashed into the
audit trail when it is written and checked again before each decision: a nurse's row edited to
"physician" outside the application cannot be used to deny a case. Signing keys are kept the
same way, in ``reviewer_keys``: the PKCS#12 as the key module made it (encrypted with the
reviewer's passphrase, never stored in clear) and the public certificate. The newest key of a
reviewer signs; older ones stay, so the certificate behind any past letter can be shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Protocol

from reviewer_app.core.lifecycle import ROLES
from reviewer_app.core.store.audit import AuditLog, check_record_intact, record_stamp
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError, UnknownReviewerError
from reviewer_app.core.store.rows import REVIEWER_COLUMNS, REVIEWER_KEY_COLUMNS, utc_text

KeySource = Literal["created", "imported"]


class ReviewerKey(Protocol):
    """What the store keeps of a new signing key: the encrypted PKCS#12 and the public
    certificate, as ``core/letters/keys.py`` makes them (the store and the letters meet only in
    ``core/issuing.py``, so the store names the shape, not the letters' class)."""

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


@dataclass(frozen=True)
class Reviewer:
    id: int
    name: str
    credentials: str
    role: str
    created_at: str

    @property
    def signature(self) -> str:
        """Name and credentials, as a letter prints them: "Dana Whitfield, RN"."""
        return f"{self.name}, {self.credentials}"


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


@dataclass(frozen=True)
class StoredKey:
    """A reviewer's signing key as stored: unlock ``pkcs12`` with the reviewer's passphrase."""

    id: int
    reviewer_id: int
    source: str
    """``created`` (self-signed when the profile was made) or ``imported`` (the organization's)."""
    subject: str
    fingerprint_sha256: str
    not_after: str
    certificate_pem: str
    pkcs12: bytes
    created_at: str


def add_reviewer(store: Store, *, name: str, credentials: str, role: str,
                 by: int | None = None, key: ReviewerKey | None = None,
                 key_source: KeySource = "created") -> Reviewer:
    """Add a reviewer, with their signing ``key`` (made by ``core/letters/keys.py``) in the same
    transaction when one is given."""
    name, credentials = check_profile(name, credentials, role)
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        row = {"name": name, "credentials": credentials, "role": role,
               "created_at": store.now()}
        row["id"] = store.db["reviewers"].insert(row).last_pk
        log = AuditLog(store)
        log.append("create", reviewer_id=by, record=record_stamp("reviewers", row),
                   details={"reviewer_id": row["id"], "role": role})
        if key is not None:
            _insert_key(store, log, row["id"], key, key_source, by)
    return Reviewer(**row)


def add_reviewer_key(store: Store, reviewer_id: int, key: ReviewerKey, *,
                     source: KeySource = "created", by: int | None = None) -> StoredKey:
    """Give an existing reviewer a new signing key (it signs from now on)."""
    with store.write():
        get_reviewer(store, reviewer_id, check=True)
        if by is not None and by != reviewer_id:
            get_reviewer(store, by)
        return _insert_key(store, AuditLog(store), reviewer_id, key, source, by)


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


def list_reviewers(store: Store) -> list[Reviewer]:
    rows = store.query(f"SELECT {', '.join(REVIEWER_COLUMNS)} FROM reviewers ORDER BY id")
    return [Reviewer(**dict(row)) for row in rows]
