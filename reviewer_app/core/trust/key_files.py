"""Key files: a private key with its certificates as PKCS#12, encrypted with a passphrase.

PBES2 (PBKDF2-SHA256, AES-256-CBC) with :data:`KDF_ROUNDS` iterations protects the key. The
file's integrity MAC is derived from the same passphrase, so it is a second way to test guesses
against a copied file: ``cryptography`` writes it with 2,048 iterations whatever the key's
count, which made guessing through the MAC 50 times cheaper than through the key.
:func:`encrypt` recomputes the MAC (HMAC-SHA256, key derived by RFC 7292 appendix B) with
:data:`KDF_ROUNDS` iterations too; OpenSSL checks it when the file is opened.

``pkcs12.load_key_and_certificates`` raises ``ValueError`` for a wrong passphrase; every such
failure becomes :class:`WrongPassphrase`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from asn1crypto import algos as asn1_algos
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from reviewer_app.core.trust.errors import ReviewerKeyError, WrongPassphrase

KDF_ROUNDS = 100_000
"""PBKDF2 iterations of the key's encryption, and HMAC key-derivation iterations of the MAC."""

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


@dataclass(frozen=True)
class KeyMaterial:
    """An opened key file: keep it in memory only."""

    private_key: PrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()


def encrypt(key: PrivateKey, certificate: x509.Certificate, secret: bytes, *,
            chain: tuple[x509.Certificate, ...] = ()) -> bytes:
    """PKCS#12 bytes holding ``key``, ``certificate`` and ``chain``, under ``secret``."""
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(secret)
    )
    label = certificate.subject.rfc4514_string().encode("utf-8")
    data = pkcs12.serialize_key_and_certificates(label, key, certificate, list(chain) or None,
                                                 encryption)
    return _strengthen_mac(data, secret, KDF_ROUNDS)


def decrypt(data: bytes, passphrase: str, what: str = "this signing key") -> KeyMaterial:
    """Open PKCS#12 bytes; :class:`WrongPassphrase` when ``passphrase`` does not."""
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(
            data, passphrase.encode("utf-8"))
    except ValueError:
        raise WrongPassphrase(what) from None
    if key is None or certificate is None:
        raise ReviewerKeyError("the PKCS#12 file holds no private key with its certificate")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise ReviewerKeyError("only RSA and elliptic-curve keys can sign")
    if key.public_key().public_numbers() != certificate.public_key().public_numbers():
        raise ReviewerKeyError("the private key does not belong to the certificate")
    return KeyMaterial(key, certificate, tuple(chain))


def mac_iterations(data: bytes) -> int:
    """The MAC iteration count of PKCS#12 bytes (what :func:`encrypt` raised)."""
    return asn1_pkcs12.Pfx.load(data)["mac_data"]["iterations"].native


def _strengthen_mac(data: bytes, secret: bytes, iterations: int) -> bytes:
    pfx = asn1_pkcs12.Pfx.load(data)
    content = pfx["auth_safe"]["content"].contents
    salt = os.urandom(32)
    key = _pkcs12_kdf(secret.decode("utf-8"), salt, iterations)
    digest = hmac.new(key, content, hashlib.sha256).digest()
    mac_data = asn1_pkcs12.MacData({
        "mac": {"digest_algorithm": asn1_algos.DigestAlgorithm({"algorithm": "sha256"}),
                "digest": digest},
        "mac_salt": salt,
        "iterations": iterations,
    })
    return asn1_pkcs12.Pfx({"version": pfx["version"], "auth_safe": pfx["auth_safe"],
                            "mac_data": mac_data}).dump(force=True)


def _pkcs12_kdf(password: str, salt: bytes, iterations: int) -> bytes:
    """RFC 7292 appendix B.2 with SHA-256, ID 3 (MAC key), 32 bytes."""
    u, v = 32, 64
    secret = password.encode("utf-16-be") + b"\x00\x00"

    def stretch(value: bytes) -> bytes:
        length = v * ((len(value) + v - 1) // v)
        return (value * (length // len(value) + 1))[:length]

    block = stretch(salt) + stretch(secret)
    digest = bytes([3]) * v + block
    for _ in range(iterations):
        digest = hashlib.sha256(digest).digest()
    return digest[:u]
