"""Signatures over records: ECDSA P-256 or RSA (PKCS#1 v1.5), SHA-256, over canonical bytes.

What is signed is always a canonical serialisation the caller builds (compact JSON, sorted
keys, with a ``kind`` naming what it is), so a decision's signature cannot be passed off as a
checkpoint's and the same record always gives the same bytes.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from reviewer_app.core.trust.key_files import PrivateKey


def sign(key: PrivateKey, payload: bytes) -> bytes:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(payload, ec.ECDSA(hashes.SHA256()))
    return key.sign(payload, padding.PKCS1v15(), hashes.SHA256())


def signature_matches(certificate: x509.Certificate, signature: bytes, payload: bytes) -> bool:
    public = certificate.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, payload, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, payload, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except InvalidSignature:
        return False
    return True
