"""A reviewer's key as pyHanko signs letters with it.

Keys, certificates and passphrases belong to :mod:`reviewer_app.core.trust` (made there, issued
by the organization CA, kept encrypted in the store); here an opened key becomes pyHanko's
``SimpleSigner``, with the organization CA's certificate in its registry so that the CMS
signature carries the whole chain and a verifier needs only the CA as its trust root.

pyHanko's own ``SimpleSigner.load_pkcs12`` returns None, rather than raising, when the
passphrase is wrong; keys are therefore opened with ``cryptography``
(:func:`reviewer_app.core.trust.keys.open_key`), which raises
:class:`~reviewer_app.core.trust.errors.WrongPassphrase`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from reviewer_app.core.trust.credentials import common_name
from reviewer_app.core.trust.errors import ReviewerKeyError, WrongPassphrase
from reviewer_app.core.trust.key_files import KeyMaterial
from reviewer_app.core.trust.keys import open_key

__all__ = ["ReviewerKeyError", "UnlockedKey", "WrongPassphrase", "signer_for", "unlock"]


@dataclass(frozen=True)
class UnlockedKey:
    """A key ready to sign letters; keep it in memory only."""

    signer: SimpleSigner
    subject: str
    certificate_pem: bytes


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def signer_for(material: KeyMaterial, certificate: x509.Certificate | None = None, *,
               chain: Iterable[x509.Certificate] = ()) -> UnlockedKey:
    """pyHanko's signer for an opened key, signing as ``certificate`` (default: the key file's
    own; a role change gives the same key a newer one) with ``chain`` embedded."""
    certificate = certificate or material.certificate
    key_info = asn1_keys.PrivateKeyInfo.load(material.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    others = [c for c in (*chain, *material.chain) if c != certificate]
    registry = SimpleCertificateStore.from_certs([_asn1(c) for c in dict.fromkeys(others)])
    signer = SimpleSigner(signing_cert=_asn1(certificate), signing_key=key_info,
                          cert_registry=registry)
    return UnlockedKey(signer, common_name(certificate),
                       certificate.public_bytes(serialization.Encoding.PEM))


def unlock(data: bytes, passphrase: str) -> UnlockedKey:
    """Open stored PKCS#12 bytes; :class:`WrongPassphrase` when the passphrase is wrong."""
    return signer_for(open_key(data, passphrase))
