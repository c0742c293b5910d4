"""Reviewer keys: a key pair per reviewer, its certificate issued by the organization CA, kept
as PKCS#12 encrypted with the reviewer's own passphrase.

A reviewer gets a key when the profile is created: a new ECDSA P-256 key whose certificate the
organization CA issues (:func:`create_reviewer_key`), or the organization's own PKCS#12
imported (:func:`import_reviewer_key`; its certificate must chain to the organization CA and
state the role). A role change is a new certificate for the same key
(:func:`recertify`): the reviewer's passphrase is not needed, the administrator's is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from reviewer_app.core.trust import key_files
from reviewer_app.core.trust.authority import UnlockedAuthority, issue_certificate
from reviewer_app.core.trust.credentials import fingerprint, verify_credential
from reviewer_app.core.trust.errors import ReviewerKeyError, UntrustedCertificate
from reviewer_app.core.trust.key_files import KeyMaterial
from reviewer_app.core.trust.passphrases import check_new_passphrase


@dataclass(frozen=True)
class ReviewerKey:
    """What the store keeps for a reviewer: the encrypted key and the public certificate."""

    pkcs12: bytes
    certificate_pem: bytes
    subject: str
    fingerprint_sha256: str
    not_after: dt.datetime


def describe(certificate: x509.Certificate, data: bytes) -> ReviewerKey:
    return ReviewerKey(
        pkcs12=data,
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM),
        subject=certificate.subject.rfc4514_string(),
        fingerprint_sha256=fingerprint(certificate),
        not_after=certificate.not_valid_after_utc,
    )


def create_reviewer_key(authority: UnlockedAuthority, *, name: str, credentials: str,
                        role: str, passphrase: str,
                        now: dt.datetime | None = None) -> ReviewerKey:
    """A new key pair for ``"{name}, {credentials}"`` with a certificate from ``authority``."""
    if not name.strip():
        raise ReviewerKeyError("the reviewer's name is empty")
    secret = check_new_passphrase(passphrase, context=[name, credentials])
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = issue_certificate(authority, key.public_key(), name=name,
                                    credentials=credentials, role=role, now=now)
    return describe(certificate, key_files.encrypt(key, certificate, secret,
                                                   chain=(authority.certificate,)))


def recertify(authority: UnlockedAuthority, certificate: x509.Certificate, *, name: str,
              credentials: str, role: str, now: dt.datetime | None = None) -> x509.Certificate:
    """A new certificate for the key of ``certificate`` (a role or name change)."""
    return issue_certificate(authority, certificate.public_key(), name=name,
                             credentials=credentials, role=role, now=now)


def import_reviewer_key(data: bytes, passphrase: str, *, authority: x509.Certificate,
                        new_passphrase: str | None = None,
                        now: dt.datetime | None = None) -> ReviewerKey:
    """Take over an organization-issued PKCS#12: its certificate must chain to ``authority``
    (the organization CA) and state a role; re-encrypted with ``new_passphrase`` (the
    reviewer's own; default: the file's passphrase)."""
    material = key_files.decrypt(data, passphrase, "this PKCS#12 file")
    secret = check_new_passphrase(new_passphrase if new_passphrase is not None else passphrase)
    now = now or dt.datetime.now(dt.UTC)
    if not material.certificate.not_valid_before_utc <= now <= (
            material.certificate.not_valid_after_utc):
        raise ReviewerKeyError(
            f"the certificate is valid only from "
            f"{material.certificate.not_valid_before_utc:%Y-%m-%d} to "
            f"{material.certificate.not_valid_after_utc:%Y-%m-%d}")
    try:
        verify_credential(material.certificate, authority, at=now)
    except UntrustedCertificate as error:
        raise ReviewerKeyError(str(error)) from None
    encrypted = key_files.encrypt(material.private_key, material.certificate, secret,
                                  chain=material.chain or (authority,))
    return describe(material.certificate, encrypted)


def open_key(data: bytes, passphrase: str) -> KeyMaterial:
    """Stored PKCS#12 bytes opened; :class:`~reviewer_app.core.trust.errors.WrongPassphrase`."""
    return key_files.decrypt(data, passphrase)


def change_passphrase(data: bytes, old: str, new: str) -> bytes:
    """The same key and certificates under a new (strong) passphrase."""
    secret = check_new_passphrase(new)
    material = key_files.decrypt(data, old)
    return key_files.encrypt(material.private_key, material.certificate, secret,
                             chain=material.chain)
