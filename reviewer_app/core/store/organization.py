"""Creating the organization CA in a database (``org init``, or the first reviewer added) and
unlocking it with the administrator's passphrase.

The CA row is recorded in the audit trail, its first checkpoint signed by the CA itself, and its
certificate pinned in ``organization-ca.pem`` beside the database (see :mod:`authority`), after
the commit: a crash in between leaves the CA in the database and no pin file, which the next
``org init`` writes (it refuses to make a second CA).
"""

from __future__ import annotations

from reviewer_app.core.atomic import write_atomic
from reviewer_app.core.store.audit import AuditLog, record_stamp
from reviewer_app.core.store.authority import (
    StoredAuthority,
    find_authority,
    organization_authority,
    pin_path,
    pinned_certificate,
)
from reviewer_app.core.store.checkpoints import checkpoint
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError
from reviewer_app.core.store.reviewers import record_failed_unlock
from reviewer_app.core.store.rows import AUTHORITY_COLUMNS, insert_sql
from reviewer_app.core.trust.authority import NewAuthority, UnlockedAuthority, unlock_authority
from reviewer_app.core.trust.errors import WrongPassphrase

_INSERT = insert_sql("authority", AUTHORITY_COLUMNS)


def create_organization(store: Store, new: NewAuthority, admin: UnlockedAuthority
                        ) -> StoredAuthority:
    """Keep ``new`` as the database's organization CA (refused when there is one already)."""
    pinned = pinned_certificate(store.path)
    if pinned is not None and pinned != admin.certificate:
        raise StoreError(f"{pin_path(store.path)} already pins another organization CA; "
                         "nothing was changed (a database has one CA)")
    with store.write():
        if find_authority(store) is not None:
            raise StoreError("this database already has its organization CA (`org show`); "
                             "nothing was changed")
        row = {"id": 1, "source": new.source,
               "subject": admin.certificate.subject.rfc4514_string(),
               "fingerprint_sha256": new.fingerprint_sha256,
               "certificate_pem": new.certificate_pem.decode("ascii"), "pkcs12": new.pkcs12,
               "created_at": store.now()}
        store.conn.execute(_INSERT, tuple(row[name] for name in AUTHORITY_COLUMNS))
        decisions = store.conn.execute("SELECT coalesce(max(id), 0) FROM decisions").fetchone()
        log = AuditLog(store)
        log.append("create", record=record_stamp("authority", row),
                   details={"authority": new.fingerprint_sha256, "source": new.source,
                            "unsigned_decisions_up_to": decisions[0]})
        checkpoint(store, log, admin)
    write_pin(store)
    return StoredAuthority(**row)


def write_pin(store: Store) -> None:
    """Write ``organization-ca.pem`` beside the database when it is not there yet."""
    if pinned_certificate(store.path) is None:
        authority = organization_authority(store)
        write_atomic(pin_path(store.path), authority.certificate_pem.encode("ascii"))


def unlock_administrator(store: Store, passphrase: str) -> UnlockedAuthority:
    """The CA unlocked; a wrong passphrase is recorded in the audit trail and refused."""
    authority = organization_authority(store)
    try:
        return unlock_authority(authority.pkcs12, passphrase)
    except WrongPassphrase:
        record_failed_unlock(store, what="organization CA")
        raise
