"""Signed audit checkpoints: the chain's head (entry number and hash), signed inside the
transaction that wrote it, by the reviewer acting (a decision, a letter) or the organization
CA (a backup, a reviewer added, a role changed).

Anyone who can run this program's hashing code can rewrite entries and recompute every hash
after them; no one without a reviewer's or the administrator's passphrase can sign a new
checkpoint, so a rewritten chain no longer matches the checkpoints signed before the rewrite
(``audit verify`` checks each). What the last checkpoint does not cover yet, the entries after
it, is what an insider can still rewrite undetected (see the README's threat model).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer_app.core.store.audit import AuditLog
from reviewer_app.core.store.authority import organization_authority
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.rows import insert_sql
from reviewer_app.core.store.signing import CHECKPOINT_COLUMNS, checkpoint_payload
from reviewer_app.core.trust.authority import UnlockedAuthority

if TYPE_CHECKING:
    from reviewer_app.core.store.reviewers import UnlockedReviewer

_INSERT = insert_sql("audit_checkpoints", CHECKPOINT_COLUMNS)


def checkpoint(store: Store, log: AuditLog, signer: UnlockedReviewer | UnlockedAuthority
               ) -> int:
    """Inside the caller's write: sign the chain's head as ``log`` has written it. Returns
    the checkpoint's number."""
    seq, head = log.head
    issued = store.conn.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'audit_checkpoints'").fetchone()
    last = store.conn.execute("SELECT coalesce(max(id), 0) FROM audit_checkpoints").fetchone()
    row = {"id": max(issued[0] if issued else 0, last[0]) + 1, "seq": seq, "head_hash": head,
           "reviewer_id": None, "key_id": None, "authority_id": None, "at": store.now()}
    if isinstance(signer, UnlockedAuthority):
        row["authority_id"] = organization_authority(store).id
    else:
        row["reviewer_id"], row["key_id"] = signer.id, signer.key_id
    row["signature"] = signer.sign(checkpoint_payload(row))
    store.conn.execute(_INSERT, tuple(row[name] for name in CHECKPOINT_COLUMNS))
    return row["id"]
