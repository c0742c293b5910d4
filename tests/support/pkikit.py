"""Certificates as an organization issues them, for the signing tests: a signing CA and a
reviewer's PKCS#12 chained to it."""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID


def organization_pkcs12(passphrase: str, algorithm: str, *, title: str = "Physician reviewer",
                        ca_passphrase: str | None = None) -> tuple[bytes, bytes]:
    """A PKCS#12 as an organization would issue it: reviewer certificate signed by its CA, the
    role as the subject's title. With ``ca_passphrase``, the CA's own PKCS#12 comes back
    instead of its certificate."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example Plan Signing CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=900))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(
              digital_signature=False, content_commitment=False, key_encipherment=False,
              data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
              encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = (ec.generate_private_key(ec.SECP256R1()) if algorithm == "ec"
           else rsa.generate_private_key(public_exponent=65537, key_size=2048))
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Jordan Park, MD"),
                      x509.NameAttribute(NameOID.TITLE, title)])
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(ca_name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=400))
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        b"jordan", key, certificate, [ca],
        serialization.BestAvailableEncryption(passphrase.encode()))
    if ca_passphrase is not None:
        return data, pkcs12.serialize_key_and_certificates(
            b"ca", ca_key, ca, None, serialization.BestAvailableEncryption(
                ca_passphrase.encode()))
    return data, ca.public_bytes(serialization.Encoding.PEM)
