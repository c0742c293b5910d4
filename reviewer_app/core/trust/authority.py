"""The organization certificate authority: made on first run (or imported from the
organization's own PKCS#12), its key encrypted with the administrator's passphrase.

It issues every reviewer's certificate (:func:`issue_certificate`) and signs the audit
checkpoints of backups and of changes to who may do what. Without its passphrase no one can
make a certificate the application trusts, so rewriting a reviewer's role in the database, or
putting an attacker's certificate in, no longer gives anyone a physician's authority.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from reviewer_app.core.trust import key_files
from reviewer_app.core.trust.credentials import ROLE_TITLES, fingerprint
from reviewer_app.core.trust.errors import ReviewerKeyError
from reviewer_app.core.trust.key_files import KeyMaterial
from reviewer_app.core.trust.passphrases import check_new_passphrase

AUTHORITY_VALID_DAYS = 20 * 365
"""Longer than the 10 years records are kept (Medicare Advantage), so every signature made
during a record's life can still be checked against it."""
REVIEWER_VALID_DAYS = 5 * 365
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")
"""id-kp-documentSigning (RFC 9336)."""
MICROSOFT_DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")
"""Accepted by Adobe Acrobat as a document-signing purpose."""
ADMINISTRATOR = "the organization CA's key"


@dataclass(frozen=True)
class NewAuthority:
    """What the store keeps of the CA: its certificate and the encrypted key."""

    certificate_pem: bytes
    pkcs12: bytes
    fingerprint_sha256: str
    source: str
    """``created`` here, or ``imported`` (the organization's own CA)."""


@dataclass(frozen=True)
class UnlockedAuthority:
    """The CA opened with the administrator's passphrase: keep it in memory only."""

    material: KeyMaterial

    @property
    def certificate(self) -> x509.Certificate:
        return self.material.certificate

    def sign(self, payload: bytes) -> bytes:
        from reviewer_app.core.trust.signatures import sign

        return sign(self.material.private_key, payload)


def _describe(material: KeyMaterial, data: bytes, source: str) -> NewAuthority:
    return NewAuthority(material.certificate.public_bytes(serialization.Encoding.PEM), data,
                        fingerprint(material.certificate), source)


def create_authority(organization: str, passphrase: str, *,
                     now: dt.datetime | None = None) -> tuple[NewAuthority, UnlockedAuthority]:
    """A new CA for ``organization``, and the CA unlocked (for its first checkpoint)."""
    secret = check_new_passphrase(passphrase, context=[organization])
    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"{organization} reviewer CA"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
    ])
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=AUTHORITY_VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    material = KeyMaterial(key, certificate)
    return _describe(material, key_files.encrypt(key, certificate, secret), "created"), (
        UnlockedAuthority(material))


def import_authority(data: bytes, passphrase: str, new_passphrase: str
                     ) -> tuple[NewAuthority, UnlockedAuthority]:
    """The organization's own CA (or an intermediate of it) from its PKCS#12, re-encrypted
    with the administrator's passphrase."""
    material = key_files.decrypt(data, passphrase, "this PKCS#12 file")
    try:
        constraints = material.certificate.extensions.get_extension_for_class(
            x509.BasicConstraints).value
        usage = material.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        constraints = usage = None
    if not (constraints and constraints.ca and usage and usage.key_cert_sign):
        raise ReviewerKeyError("the PKCS#12 file's certificate is not a certificate authority "
                               "(basic constraints CA and key usage certificate signing)")
    secret = check_new_passphrase(new_passphrase)
    encrypted = key_files.encrypt(material.private_key, material.certificate, secret,
                                  chain=material.chain)
    return _describe(material, encrypted, "imported"), UnlockedAuthority(material)


def unlock_authority(pkcs12: bytes, passphrase: str) -> UnlockedAuthority:
    """:class:`~reviewer_app.core.trust.errors.WrongPassphrase` when it does not open."""
    return UnlockedAuthority(key_files.decrypt(pkcs12, passphrase,
                                               "the organization CA's key"))


def issue_certificate(authority: UnlockedAuthority, public_key: CertificatePublicKeyTypes, *,
                      name: str, credentials: str, role: str, now: dt.datetime | None = None,
                      valid_days: int = REVIEWER_VALID_DAYS) -> x509.Certificate:
    """A reviewer's certificate: common name "{name}, {credentials}", the role as the subject's
    title, the CA's organization, for signing documents only."""
    if role not in ROLE_TITLES:
        raise ReviewerKeyError(f"'{role}' is not a reviewer role (nurse or physician)")
    now = now or dt.datetime.now(dt.UTC)
    ca = authority.certificate
    not_after = min(now + dt.timedelta(days=valid_days), ca.not_valid_after_utc)
    organization = ca.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"{name}, {credentials}"),
        x509.NameAttribute(NameOID.TITLE, ROLE_TITLES[role]),
        *organization[:1],
    ])
    return (
        x509.CertificateBuilder().subject_name(subject).issuer_name(ca.subject)
        .public_key(public_key).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False,
            crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([
            DOCUMENT_SIGNING, MICROSOFT_DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION,
        ]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.public_key()),
                       critical=False)
        .sign(authority.material.private_key, hashes.SHA256())
    )
