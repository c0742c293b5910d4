"""Reviewer signing keys: a key pair and X.509 certificate per reviewer, kept as PKCS#12.

A reviewer gets a key when the profile is created: either a new ECDSA P-256 key with a
self-signed certificate, or the organization's own PKCS#12 file imported (its certificate
chains to the organization's trust root, which verifiers are then given). Either way the
result is PKCS#12 bytes encrypted with the reviewer's passphrase (PBKDF2-SHA256 and AES-256);
the caller stores those bytes. The certificate carries key usage digital signature and
content commitment (non-repudiation), which PDF validators expect of a document signer.

pyHanko's ``SimpleSigner.load_pkcs12`` returns None, rather than raising, when the passphrase
is wrong; :func:`unlock` turns every such failure into :class:`WrongPassphrase`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier
from pyhanko.sign.signers import SimpleSigner

DEFAULT_VALID_DAYS = 5 * 365
"""Certificate lifetime. Letters are verified against the signing time they claim only while
the certificate is valid, so the lifetime should cover the period letters are checked in."""
MIN_PASSPHRASE = 8
KDF_ROUNDS = 100_000
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")
"""id-kp-documentSigning (RFC 9336)."""
MICROSOFT_DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")
"""Accepted by Adobe Acrobat as a document-signing purpose."""


class ReviewerKeyError(Exception):
    """A reviewer key that cannot be created, imported or opened; the message says why."""


class WrongPassphrase(ReviewerKeyError):
    def __init__(self) -> None:
        super().__init__("the passphrase does not open this signing key (or the key data is "
                         "damaged); nothing was signed")


@dataclass(frozen=True)
class ReviewerKey:
    """What the store keeps for a reviewer: the encrypted key and the public certificate."""

    pkcs12: bytes
    certificate_pem: bytes
    subject: str
    fingerprint_sha256: str
    not_after: dt.datetime


@dataclass(frozen=True)
class UnlockedKey:
    """A key opened with its passphrase, ready to sign; keep it in memory only."""

    signer: SimpleSigner
    subject: str
    certificate_pem: bytes


def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ReviewerKeyError(f"a passphrase needs at least {MIN_PASSPHRASE} characters")
    return passphrase.encode("utf-8")


def _encryption(passphrase: bytes) -> serialization.KeySerializationEncryption:
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )


def _describe(certificate: x509.Certificate, data: bytes) -> ReviewerKey:
    return ReviewerKey(
        pkcs12=data,
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM),
        subject=certificate.subject.rfc4514_string(),
        fingerprint_sha256=certificate.fingerprint(hashes.SHA256()).hex(),
        not_after=certificate.not_valid_after_utc,
    )


def create_reviewer_key(
    name: str,
    credentials: str,
    organization: str,
    passphrase: str,
    *,
    role: str | None = None,
    valid_days: int = DEFAULT_VALID_DAYS,
    now: dt.datetime | None = None,
) -> ReviewerKey:
    """A new key pair and self-signed certificate for ``"{name}, {credentials}"``."""
    secret = _check_passphrase(passphrase)
    if not name.strip():
        raise ReviewerKeyError("the reviewer's name is empty")
    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, f"{name}, {credentials}" if credentials
                           else name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
    ]
    if role:
        attributes.append(x509.NameAttribute(NameOID.TITLE, role))
    subject = x509.Name(attributes)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False,
            crl_sign=False, encipher_only=False, decipher_only=False,
        ), critical=True)
        .add_extension(x509.ExtendedKeyUsage([
            DOCUMENT_SIGNING, MICROSOFT_DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION,
        ]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    label = name.encode("utf-8")
    data = pkcs12.serialize_key_and_certificates(label, key, certificate, None,
                                                 _encryption(secret))
    return _describe(certificate, data)


def _can_sign(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return usage.digital_signature or usage.content_commitment


def import_pkcs12(data: bytes, passphrase: str, *, new_passphrase: str | None = None,
                  now: dt.datetime | None = None) -> ReviewerKey:
    """Take over an organization-issued PKCS#12 file: check it can sign, and re-encrypt it
    with ``new_passphrase`` (the reviewer's own; default: the file's passphrase)."""
    secret = _check_passphrase(new_passphrase if new_passphrase is not None else passphrase)
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(
            data, passphrase.encode("utf-8"))
    except ValueError:
        raise WrongPassphrase() from None
    if key is None or certificate is None:
        raise ReviewerKeyError("the PKCS#12 file holds no private key with its certificate")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise ReviewerKeyError("only RSA and elliptic-curve keys can sign letters")
    if key.public_key().public_numbers() != certificate.public_key().public_numbers():
        raise ReviewerKeyError("the private key does not belong to the certificate")
    if not _can_sign(certificate):
        raise ReviewerKeyError("the certificate's key usage does not allow signing")
    now = now or dt.datetime.now(dt.UTC)
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise ReviewerKeyError(
            f"the certificate is valid only from {certificate.not_valid_before_utc:%Y-%m-%d} "
            f"to {certificate.not_valid_after_utc:%Y-%m-%d}"
        )
    label = certificate.subject.rfc4514_string().encode("utf-8")
    encrypted = pkcs12.serialize_key_and_certificates(label, key, certificate, chain or None,
                                                      _encryption(secret))
    return _describe(certificate, encrypted)


def unlock(data: bytes, passphrase: str) -> UnlockedKey:
    """Open stored PKCS#12 bytes; :class:`WrongPassphrase` when the passphrase is wrong."""
    try:
        signer = SimpleSigner.load_pkcs12_data(data, other_certs=[],
                                               passphrase=passphrase.encode("utf-8"))
    except ValueError:
        raise WrongPassphrase() from None
    if signer is None or signer.signing_cert is None:
        raise WrongPassphrase()
    certificate = x509.load_der_x509_certificate(signer.signing_cert.dump())
    return UnlockedKey(
        signer=signer,
        subject=signer.signing_cert.subject.native.get("common_name", ""),
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM),
    )


def change_passphrase(data: bytes, old: str, new: str) -> bytes:
    """The same key and certificates under a new passphrase."""
    secret = _check_passphrase(new)
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, old.encode("utf-8"))
    except ValueError:
        raise WrongPassphrase() from None
    return pkcs12.serialize_key_and_certificates(
        certificate.subject.rfc4514_string().encode("utf-8") if certificate else None,
        key, certificate, chain or None, _encryption(secret))
