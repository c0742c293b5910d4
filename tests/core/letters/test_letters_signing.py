"""Reviewer keys, PAdES signatures and offline verification, checked with pyHanko and poppler."""

from __future__ import annotations

import datetime as dt
import io
import re
import stat
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pkikit import organization_pkcs12
from poppler import tool
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.signers import SimpleSigner

from reviewer_app.core.atomic import write_atomic
from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.keys import (
    ReviewerKeyError,
    WrongPassphrase,
    change_passphrase,
    create_reviewer_key,
    import_pkcs12,
    unlock,
)
from reviewer_app.core.letters.sign import sign_letter
from reviewer_app.core.letters.verify import load_certificates, verify_pdf

PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="session")
def reviewer_key():
    """One physician reviewer's key for the whole session (key generation is the slow part)."""
    return create_reviewer_key("Maria Chen", "MD", "Example Health Plan", PASSPHRASE,
                               role="Physician reviewer")


@pytest.fixture(scope="session")
def unlocked(reviewer_key):
    return unlock(reviewer_key.pkcs12, PASSPHRASE)


@pytest.fixture(scope="session")
def signed_adverse(unlocked):
    return sign_letter(render_letter(request_for("adverse", "member")), unlocked)



def _byte_range(pdf: bytes) -> tuple[int, int, int, int]:
    found = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    return tuple(int(n) for n in found[-1])  # type: ignore[return-value]


def _flip(pdf: bytes, offset: int) -> bytes:
    changed = bytearray(pdf)
    changed[offset] ^= 0x01
    return bytes(changed)


def test_new_key_certificate(reviewer_key):
    certificate = x509.load_pem_x509_certificate(reviewer_key.certificate_pem)
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
        "Maria Chen, MD")
    assert certificate.issuer == certificate.subject
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert dt.timedelta(days=5 * 365) < lifetime < dt.timedelta(days=5 * 365 + 1)
    assert reviewer_key.fingerprint_sha256 == certificate.fingerprint(hashes.SHA256()).hex()
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(reviewer_key.pkcs12, None)


def test_wrong_passphrase_is_a_clear_error(reviewer_key, tmp_path):
    with pytest.raises(WrongPassphrase, match="the passphrase does not open this signing key"):
        unlock(reviewer_key.pkcs12, "not the passphrase")
    with pytest.raises(WrongPassphrase):
        change_passphrase(reviewer_key.pkcs12, "not the passphrase", "a new passphrase")
    with pytest.raises(WrongPassphrase):
        import_pkcs12(reviewer_key.pkcs12, "not the passphrase")
    # The pitfall this guards against: pyHanko's file loader returns None instead of raising.
    path = tmp_path / "reviewer.p12"
    path.write_bytes(reviewer_key.pkcs12)
    assert SimpleSigner.load_pkcs12(str(path), passphrase=b"not the passphrase") is None


def test_passphrases_are_required_and_can_change(reviewer_key):
    with pytest.raises(ReviewerKeyError, match="at least 8 characters"):
        create_reviewer_key("A. Nurse", "RN", "Plan", "short")
    changed = change_passphrase(reviewer_key.pkcs12, PASSPHRASE, "another passphrase")
    assert unlock(changed, "another passphrase").subject == "Maria Chen, MD"
    with pytest.raises(WrongPassphrase):
        unlock(changed, PASSPHRASE)


def test_signed_letter_validates(reviewer_key, signed_adverse):
    report = verify_pdf(signed_adverse, load_certificates(reviewer_key.certificate_pem))
    assert report.signed and report.intact and report.valid and report.trusted
    assert report.signer == "Maria Chen, MD"
    assert report.coverage == "the entire file"
    assert not report.modified_after_signing
    assert report.ok and report.problems == ()
    assert abs(report.signing_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert "trusted: yes" in report.lines()


def test_without_trust_roots_trust_is_not_checked(signed_adverse):
    report = verify_pdf(signed_adverse)
    assert report.valid and report.trusted is None and report.ok
    assert "trusted: not checked (no trust root given)" in report.lines()


def test_an_unrelated_trust_root_is_not_trusted(signed_adverse):
    stranger = create_reviewer_key("Someone Else", "MD", "Other Plan", PASSPHRASE)
    report = verify_pdf(signed_adverse, load_certificates(stranger.certificate_pem))
    assert report.valid and report.trusted is False and not report.ok
    assert "does not chain to a given trust root" in " ".join(report.problems)


def test_one_flipped_byte_in_the_signed_range_is_caught(reviewer_key, signed_adverse):
    start, first_length, second_start, second_length = _byte_range(signed_adverse)
    assert start == 0 and second_start + second_length == len(signed_adverse)
    content = signed_adverse.index(b"stream", 2000) + 100
    assert content < first_length
    roots = load_certificates(reviewer_key.certificate_pem)
    report = verify_pdf(_flip(signed_adverse, content), roots)
    assert report.signed and not report.intact and not report.valid and not report.ok
    assert "the signed content was changed" in " ".join(report.problems)
    tail = verify_pdf(_flip(signed_adverse, second_start + second_length // 2), roots)
    assert not tail.ok


def test_a_change_after_signing_shows(reviewer_key, signed_adverse):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_adverse))
    writer.root["/Lang"] = writer.root["/Lang"].__class__("fr")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), load_certificates(reviewer_key.certificate_pem))
    assert report.intact and report.modified_after_signing and not report.ok
    assert report.coverage.startswith("the signed revision")


def test_unsigned_and_unreadable_files():
    unsigned = verify_pdf(render_letter(request_for("pend")).pdf)
    assert not unsigned.signed and not unsigned.ok
    assert unsigned.lines() == ["signed: no", "problem: the file has no signature"]
    garbage = verify_pdf(b"%PDF-1.4 this is not a letter")
    assert not garbage.ok
    assert "cannot be read as a PDF" in " ".join(garbage.problems)


def test_poppler_reads_the_signature(signed_adverse, tmp_path):
    path = write_atomic(tmp_path / "adverse.pdf", signed_adverse)
    result = subprocess.run([tool("pdfsig"), str(path)], capture_output=True, text=True,
                            check=False)
    assert "Signer Certificate Common Name: Maria Chen, MD" in result.stdout
    assert "Signature Validation: Signature is Valid." in result.stdout
    assert "Total document signed" in result.stdout
    assert "ETSI.CAdES.detached" in result.stdout
    flipped = write_atomic(tmp_path / "flipped.pdf",
                           _flip(signed_adverse, signed_adverse.index(b"stream", 2000) + 100))
    result = subprocess.run([tool("pdfsig"), str(flipped)], capture_output=True, text=True,
                            check=False)
    assert "Signature is Valid." not in result.stdout


@pytest.mark.parametrize("algorithm", ["ec", "rsa"])
def test_imported_organization_key_is_trusted_through_the_organization_root(algorithm):
    data, root_pem = organization_pkcs12("organization secret", algorithm)
    key = import_pkcs12(data, "organization secret", new_passphrase="reviewer's own secret")
    with pytest.raises(WrongPassphrase):
        unlock(key.pkcs12, "organization secret")
    signed = sign_letter(render_letter(request_for("partial", "provider")),
                         unlock(key.pkcs12, "reviewer's own secret"))
    report = verify_pdf(signed, load_certificates(root_pem))
    assert report.ok and report.trusted and report.signer == "Jordan Park, MD"


def test_import_refuses_a_certificate_that_cannot_sign():
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Encryption only")])
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
        .add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=True, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        b"x", key, certificate, None, serialization.BestAvailableEncryption(b"passphrase"))
    with pytest.raises(ReviewerKeyError, match="key usage does not allow signing"):
        import_pkcs12(data, "passphrase")


def test_atomic_write(tmp_path):
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old")
    write_atomic(target, b"new letter")
    assert target.read_bytes() == b"new letter"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"new letter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]
