"""What is signed in the store, and checking it: decisions by the reviewer who made them, audit
checkpoints by a reviewer or the organization CA, every signer's certificate against the CA.

A decision's signature covers its canonical serialisation (:func:`decision_payload`: reviewer,
role, case and version, decision, reasons, approved codes and levels, what a pend asks for,
dates, the evaluation it was made on, the key), so editing any of them, the role included,
breaks it. Decisions signed before the later columns existed stay valid over what they
covered then (:func:`signed_payloads`). A checkpoint's covers the
audit chain's head (:func:`checkpoint_payload`: entry number, its hash, the checkpoint's own
number and time), so recomputing the chain after an edit no longer matches a checkpoint
signed before it. Each signer certificate is checked once against the organization CA at the
time its key was stored, and each signature's time against the certificate's validity.

Only reads (no audit import), so that ``audit.verify_audit`` can use it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509

from reviewer_app.core.store.authority import (
    StoredAuthority,
    authority_problem,
    find_authority,
    pin_path,
    pinned_certificate,
)
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.hashing import canonical
from reviewer_app.core.store.migrations import NAMES
from reviewer_app.core.store.rows import (
    DECISION_COLUMNS,
    DECISION_DETAIL_COLUMNS,
    DECISION_EXTENSION_COLUMNS,
    REVIEWER_COLUMNS,
    parse_utc,
)
from reviewer_app.core.trust.credentials import Credential, verify_credential
from reviewer_app.core.trust.errors import UntrustedCertificate
from reviewer_app.core.trust.signatures import signature_matches

SIGNATURES_SINCE = NAMES.index("m008_signatures") + 1
"""The schema version from which decisions are signed and the chain has checkpoints."""
UNSIGNED = f"unsigned (before version {SIGNATURES_SINCE})"

SIGNED_DECISION_COLUMNS = tuple(name for name in DECISION_COLUMNS if name != "signature")
SECOND_SIGNED_COLUMNS = tuple(name for name in SIGNED_DECISION_COLUMNS
                              if name not in DECISION_EXTENSION_COLUMNS)
"""What a decision signed before ``m017_extension_reason`` covers (``ur-decision/2``)."""
FIRST_SIGNED_COLUMNS = tuple(name for name in SECOND_SIGNED_COLUMNS
                             if name not in DECISION_DETAIL_COLUMNS)
"""What a decision signed before ``m011_decision_details`` covers (``ur-decision/1``)."""


def decision_payload(row: Mapping[str, Any]) -> bytes:
    """What a decision is signed over now: every column but the signature (``ur-decision/3``)."""
    return canonical({"kind": "ur-decision/3",
                      **{name: row[name] for name in SIGNED_DECISION_COLUMNS}}).encode()


def signed_payloads(row: Mapping[str, Any]) -> list[bytes]:
    """The payloads a stored decision's signature may cover: ``ur-decision/3`` and, for a row
    without the later columns set (one recorded before they existed), the ``ur-decision/2``
    or ``ur-decision/1`` payload it was signed over then. The kind is inside what is signed,
    so a newer decision cannot pass as an older one by clearing its later columns: its
    signature covers ``ur-decision/3`` and the values it had."""
    payloads = [decision_payload(row)]
    if any(row[name] is not None for name in DECISION_EXTENSION_COLUMNS):
        return payloads
    payloads.append(canonical({"kind": "ur-decision/2",
                               **{name: row[name] for name in SECOND_SIGNED_COLUMNS}}
                              ).encode())
    if all(row[name] is None for name in DECISION_DETAIL_COLUMNS):
        payloads.append(canonical({"kind": "ur-decision/1",
                                   **{name: row[name] for name in FIRST_SIGNED_COLUMNS}}
                                  ).encode())
    return payloads


def checkpoint_payload(row: Mapping[str, Any]) -> bytes:
    return canonical({"kind": "ur-audit-checkpoint/1",
                      **{name: row[name] for name in CHECKPOINT_COLUMNS if name != "signature"}
                      }).encode()


CHECKPOINT_COLUMNS = ("id", "seq", "head_hash", "reviewer_id", "key_id", "authority_id", "at",
                      "signature")


@dataclass(frozen=True)
class SignerKey:
    certificate: x509.Certificate | None
    reviewer_id: int | None
    credential: Credential | None
    problem: str | None


class Signatures:
    """Checks signatures of one store against its organization CA (certificates cached)."""

    def __init__(self, store: Store):
        self.store = store
        self.authority: StoredAuthority | None = find_authority(store)
        self.authority_problem = authority_problem(store, self.authority)
        self._keys: dict[int, SignerKey] = {}
        self._unsigned_up_to = self._decisions_before_authority()

    def _decisions_before_authority(self) -> int:
        """The last decision made before the CA existed, as its creation entry recorded."""
        if self.authority is None:
            return 0
        found = self.store.conn.execute(
            "SELECT details FROM audit WHERE record_table = 'authority' ORDER BY seq LIMIT 1"
        ).fetchone()
        return json.loads(found[0]).get("unsigned_decisions_up_to", 0) if found else 0

    def signer(self, key_id: int) -> SignerKey:
        if key_id not in self._keys:
            self._keys[key_id] = self._load(key_id)
        return self._keys[key_id]

    def _load(self, key_id: int) -> SignerKey:
        row = self.store.conn.execute(
            "SELECT certificate_pem, reviewer_id, created_at FROM reviewer_keys WHERE id = ?",
            (key_id,)).fetchone()
        if row is None:
            return SignerKey(None, None, None, f"its signing key {key_id} is missing")
        certificate = x509.load_pem_x509_certificate(row[0].encode("ascii"))
        if self.authority is None or self.authority_problem:
            return SignerKey(certificate, row[1], None, "there is no trustworthy organization CA "
                             "to check its signer against")
        try:
            credential = verify_credential(certificate, self.authority.certificate,
                                           at=parse_utc(row[2]))
        except UntrustedCertificate as error:
            return SignerKey(certificate, row[1], None, str(error))
        return SignerKey(certificate, row[1], credential, None)

    def before_signatures(self, at: str) -> bool:
        """Whether a key made at ``at`` predates signing (no CA yet, or older than it)."""
        return self.authority is None or at < self.authority.created_at

    def unsigned_allowed(self, decision_id: int) -> bool:
        """Whether decision ``decision_id`` was made before decisions were signed: no CA yet, or
        made before it (its creation entry, covered by its first checkpoint, says up to which
        decision)."""
        return self.authority is None or decision_id <= self._unsigned_up_to

    def decision_problem(self, row: Mapping[str, Any]) -> str | None:
        """Why decision ``row`` must not be relied on; None when its signature holds, and
        :data:`UNSIGNED` for a decision made before decisions were signed."""
        number = row["id"]
        if row["signature"] is None or row["key_id"] is None:
            if self.unsigned_allowed(number):
                return UNSIGNED
            return (f"decision {number} has no signature, though it was recorded after the "
                    "organization CA existed: its signature was removed")
        signer = self.signer(row["key_id"])
        if signer.problem:
            return f"decision {number}: {signer.problem}"
        if signer.reviewer_id != row["reviewer_id"]:
            return (f"decision {number} names reviewer {row['reviewer_id']}, but it is signed "
                    f"with reviewer {signer.reviewer_id}'s key")
        if problem := _outside_validity(signer.certificate, row["at"]):
            return f"decision {number}: {problem}"
        if not any(signature_matches(signer.certificate, row["signature"], payload)
                   for payload in signed_payloads(row)):
            return (f"decision {number} does not match its signature: it was changed after "
                    "it was signed")
        if signer.credential.role != row["role"]:
            return (f"decision {number} is recorded as a {row['role']}'s, but its signer's "
                    f"certificate says {signer.credential.role}")
        return None

    def checkpoint_problem(self, row: sqlite3.Row | Mapping[str, Any],
                           entry_hash: str | None) -> str | None:
        """Why checkpoint ``row`` fails: its signature, its signer, or the chain entry it
        vouches for (``entry_hash``, None when that entry is gone)."""
        number, seq = row["id"], row["seq"]
        if row["key_id"] is not None:
            signer = self.signer(row["key_id"])
            if signer.problem:
                return f"checkpoint {number}: {signer.problem}"
            certificate = signer.certificate
            if problem := _outside_validity(certificate, row["at"]):
                return f"checkpoint {number}: {problem}"
        elif row["authority_id"] is not None and self.authority is not None and (
                row["authority_id"] == self.authority.id and not self.authority_problem):
            certificate = self.authority.certificate
        else:
            return f"checkpoint {number} names no signer the organization CA vouches for"
        if not signature_matches(certificate, row["signature"], checkpoint_payload(row)):
            return (f"checkpoint {number} does not match its signature: it was changed after "
                    "it was signed")
        if entry_hash is None:
            return (f"checkpoint {number} vouches for audit entry {seq}, which is missing: the "
                    "trail was cut or rewritten after it")
        if entry_hash != row["head_hash"]:
            return (f"checkpoint {number} (signed at {row['at'][:19]}) does not match audit "
                    f"entry {seq}: the chain was rewritten after the checkpoint was signed")
        return None


def _outside_validity(certificate: x509.Certificate, at: str) -> str | None:
    moment = parse_utc(at)
    start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    if not start - dt.timedelta(minutes=5) <= moment <= end:
        return (f"signed at {at[:19]}, outside its certificate's validity "
                f"({start:%Y-%m-%d} to {end:%Y-%m-%d})")
    return None


@dataclass
class TrailCheck:
    """What :func:`check_trail` found; ``altered`` and ``faults`` are (message, entry)."""

    checkpoints: int = 0
    signed_decisions: int = 0
    authority: str | None = None
    altered: list[tuple[str, int | None]] = field(default_factory=list)
    faults: list[tuple[str, int | None]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_trail(store: Store, hashes: dict[int, str], decided: dict[int, int]) -> TrailCheck:
    """Every checkpoint against the entry it signed (``hashes``: entry number -> hash as
    walked), every decision against its signature and its checkpoint (``decided``: decision
    id -> its audit entry), every reviewer's role against their certificate."""
    check = TrailCheck()
    signatures = Signatures(store)
    if signatures.authority_problem:
        check.altered.append((signatures.authority_problem, None))
    if signatures.authority is not None:
        check.authority = signatures.authority.fingerprint_sha256[:16]
        if pinned_certificate(store.path) is None:
            check.notes.append(f"the organization CA is not pinned: keep its certificate as "
                               f"{pin_path(store.path)} (`org show --out`), and compare its "
                               f"fingerprint {signatures.authority.fingerprint_sha256}")
    covered = _check_checkpoints(store, signatures, hashes, check)
    unsigned = []
    for row in _rows(store, f"SELECT {', '.join(DECISION_COLUMNS)} FROM decisions ORDER BY id"):
        problem = signatures.decision_problem(row)
        if problem == UNSIGNED:
            unsigned.append(row["id"])
        elif problem:
            check.faults.append((problem, decided.get(row["id"])))
        else:
            check.signed_decisions += 1
            seq = decided.get(row["id"])
            if seq is not None and seq not in covered:
                check.faults.append((
                    f"decision {row['id']}'s signed checkpoint (at audit entry {seq}) is "
                    "missing or fails: checkpoints were deleted or the chain rewritten", seq))
    if unsigned:
        shown = ", ".join(map(str, unsigned[:10])) + (" ..." if len(unsigned) > 10 else "")
        check.notes.append(f"{len(unsigned)} decisions {UNSIGNED}: {shown}")
    _check_roles(store, signatures, check)
    return check


def _rows(store: Store, sql: str):
    cursor = store.conn.cursor()
    cursor.row_factory = sqlite3.Row
    yield from cursor.execute(sql)


def _check_checkpoints(store: Store, signatures: Signatures, hashes: dict[int, str],
                       check: TrailCheck) -> set[int]:
    covered: set[int] = set()
    expected = 1
    for row in _rows(store, f"SELECT {', '.join(CHECKPOINT_COLUMNS)} FROM audit_checkpoints "
                     "ORDER BY id"):
        if row["id"] != expected:
            check.faults.append((f"checkpoints {expected} to {row['id'] - 1} are missing "
                                 "(deleted)", row["seq"]))
        expected = row["id"] + 1
        problem = signatures.checkpoint_problem(row, hashes.get(row["seq"]))
        if problem:
            check.faults.append((problem, row["seq"]))
        else:
            check.checkpoints += 1
            covered.add(row["seq"])
    issued = store.conn.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'audit_checkpoints'").fetchone()
    if issued and issued[0] >= expected:
        check.faults.append((f"checkpoints {expected} to {issued[0]} are missing: the newest "
                             "were deleted", None))
    if signatures.authority is not None and expected == 1:
        check.faults.append(("the organization CA exists but no signed checkpoint does: they "
                             "were deleted", None))
    return covered


def _check_roles(store: Store, signatures: Signatures, check: TrailCheck) -> None:
    newest = {row[0]: row[1] for row in store.conn.execute(
        "SELECT reviewer_id, max(id) FROM reviewer_keys GROUP BY reviewer_id")}
    for row in _rows(store, f"SELECT {', '.join(REVIEWER_COLUMNS)} FROM reviewers ORDER BY id"):
        key_id = newest.get(row["id"])
        if key_id is None:
            continue
        signer = signatures.signer(key_id)
        if signer.credential is None:
            if signatures.authority is not None and not signatures.authority_problem and (
                    not signatures.before_signatures(_key_created(store, key_id))):
                check.faults.append((f"reviewer {row['id']}'s signing key {key_id}: "
                                     f"{signer.problem}", None))
            elif signatures.authority is not None:
                check.notes.append(f"reviewer {row['id']}'s signing key was made before the "
                                   f"organization CA ({UNSIGNED.split(' ', 1)[1][1:-1]}): give "
                                   f"a new one with `reviewer key {row['id']}`")
            continue
        if signer.credential.role != row["role"]:
            check.altered.append((
                f"reviewer {row['id']} is a {row['role']} in the database, but their "
                f"certificate from the organization CA says {signer.credential.role}", None))
        elif signer.credential.common_name != f"{row['name']}, {row['credentials']}":
            check.altered.append((
                f"reviewer {row['id']} is {row['name']}, {row['credentials']} in the database, "
                f"but their certificate names {signer.credential.common_name}", None))


def _key_created(store: Store, key_id: int) -> str:
    return store.conn.execute("SELECT created_at FROM reviewer_keys WHERE id = ?",
                              (key_id,)).fetchone()[0]
