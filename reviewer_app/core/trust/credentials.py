"""What a reviewer's certificate says, and whether the organization CA vouches for it.

The role is a **subject attribute**, ``title`` (X.520, OID 2.5.4.12), with one of the values
of :data:`ROLE_TITLES` ("Nurse reviewer", "Physician reviewer"). An attribute rather than a
private extension because the subject is what every PDF reader shows of a signer (Acrobat,
poppler's ``pdfsig``, our ``verify``), so whoever reads a letter's signature sees the role the
CA vouched for, not only the program; because an organization's own CA can put a title in a
certificate with any tooling (``openssl req -subj "/CN=.../title=Physician reviewer"``), where a
private extension needs an OID arc and configuration; and because, like every subject attribute,
it is covered by the CA's signature. The name and credentials are the common name, as letters
print them: "Maria Chen, MD".

Chains are checked with ``cryptography.x509.verification`` against the organization CA as the
only trust root, at the time the signed record states (a decision made while the certificate
was valid stays verifiable after it expires), with the web PKI rules for the CA and any
extension allowed on the reviewer's certificate (it has no host name; key usage is checked
here: digital signature or content commitment).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID
from cryptography.x509.verification import (
    ExtensionPolicy,
    PolicyBuilder,
    Store,
    VerificationError,
)

from reviewer_app.core.lifecycle import NURSE, PHYSICIAN
from reviewer_app.core.trust.errors import UntrustedCertificate

ROLE_TITLES = {NURSE: "Nurse reviewer", PHYSICIAN: "Physician reviewer"}
"""The ``title`` attribute of each role's certificate."""
_ROLES_BY_TITLE = {title.casefold(): role for role, title in ROLE_TITLES.items()}


@dataclass(frozen=True)
class Credential:
    """What a verified certificate vouches for."""

    common_name: str
    role: str
    fingerprint_sha256: str


def common_name(certificate: x509.Certificate) -> str:
    found = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(found[0].value) if found else certificate.subject.rfc4514_string()


def role_of(certificate: x509.Certificate) -> str | None:
    """The reviewer role the certificate's title states, None when it states none."""
    titles = certificate.subject.get_attributes_for_oid(NameOID.TITLE)
    roles = {_ROLES_BY_TITLE.get(str(t.value).strip().casefold()) for t in titles}
    roles.discard(None)
    return roles.pop() if len(roles) == 1 else None


def fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex()


def can_sign(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return usage.digital_signature or usage.content_commitment


def verify_credential(certificate: x509.Certificate, authority: x509.Certificate, *,
                      at: dt.datetime) -> Credential:
    """The certificate's name and role, once it is shown to be issued by ``authority`` and
    valid at ``at``; :class:`UntrustedCertificate` saying what is wrong otherwise."""
    who = common_name(certificate)
    if certificate == authority:
        raise UntrustedCertificate(f"the certificate of {who} is the organization CA itself, "
                                   "not a reviewer's")
    verifier = (PolicyBuilder().store(Store([authority])).time(at)
                .extension_policies(ca_policy=ExtensionPolicy.webpki_defaults_ca(),
                                    ee_policy=ExtensionPolicy.permit_all())
                .build_client_verifier())
    try:
        verifier.verify(certificate, [])
    except VerificationError as error:
        raise UntrustedCertificate(
            f"the certificate of {who} is not vouched for by the organization CA "
            f"({common_name(authority)}) at {at:%Y-%m-%d %H:%M} UTC: {error}") from None
    if not can_sign(certificate):
        raise UntrustedCertificate(f"the certificate of {who} does not allow signing")
    role = role_of(certificate)
    if role is None:
        raise UntrustedCertificate(
            f"the certificate of {who} states no reviewer role (its subject needs the title "
            f"'{ROLE_TITLES[NURSE]}' or '{ROLE_TITLES[PHYSICIAN]}')")
    return Credential(who, role, fingerprint(certificate))
