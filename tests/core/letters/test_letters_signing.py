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
from storekit import PASSPHRASE, admin, organization
from storekit import reviewer_key as issued_key

from reviewer_app.core.atomic import remove_leftovers, write_atomic
from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.keys import signer_for, unlock
from reviewer_app.core.letters.sign import sign_letter
from reviewer_app.core.letters.verify import load_certificates, verify_pdf
from reviewer_app.core.trust.authority import create_authority
from reviewer_app.core.trust.errors import ReviewerKeyError, WeakPassphrase, WrongPassphrase
from reviewer_app.core.trust.key_files import KDF_ROUNDS, KeyMaterial, mac_iterations
from reviewer_app.core.trust.keys import (
    change_passphrase,
    create_reviewer_key,
    import_reviewer_key,
)


@pytest.fixture(scope="session")
def reviewer_key():
    """One physician reviewer's key for the whole session, issued by the session's CA."""
    return issued_key("Maria Chen", "MD", "physician")


@pytest.fixture(scope="session")
def ca_roots():
    return load_certificates(organization()[0].certificate_pem)


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
    assert certificate.subject.get_attributes_for_oid(NameOID.TITLE)[0].value == (
        "Physician reviewer")
    assert certificate.issuer == admin().certificate.subject
    certificate.verify_directly_issued_by(admin().certificate)
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert dt.timedelta(days=5 * 365) < lifetime < dt.timedelta(days=5 * 365 + 1)
    assert reviewer_key.fingerprint_sha256 == certificate.fingerprint(hashes.SHA256()).hex()
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(reviewer_key.pkcs12, None)


def test_the_key_files_mac_takes_as_many_iterations_as_the_key(reviewer_key):
    """cryptography writes the PKCS#12 MAC with 2,048 iterations whatever the key's; a copied
    file then tested guesses 50 times faster through its MAC than through its key."""
    assert mac_iterations(reviewer_key.pkcs12) == KDF_ROUNDS == 100_000
    assert mac_iterations(organization()[0].pkcs12) == KDF_ROUNDS
    _, certificate, _ = pkcs12.load_key_and_certificates(reviewer_key.pkcs12,
                                                         PASSPHRASE.encode())
    assert certificate.subject.rfc4514_string() == reviewer_key.subject


def test_wrong_passphrase_is_a_clear_error(reviewer_key, tmp_path):
    with pytest.raises(WrongPassphrase, match="the passphrase does not open this signing key"):
        unlock(reviewer_key.pkcs12, "not the passphrase")
    with pytest.raises(WrongPassphrase):
        change_passphrase(reviewer_key.pkcs12, "not the passphrase", "a new passphrase")
    with pytest.raises(WrongPassphrase):
        import_reviewer_key(reviewer_key.pkcs12, "not the passphrase",
                            authority=admin().certificate)
    # The pitfall this guards against: pyHanko's file loader returns None instead of raising.
    path = tmp_path / "reviewer.p12"
    path.write_bytes(reviewer_key.pkcs12)
    assert SimpleSigner.load_pkcs12(str(path), passphrase=b"not the passphrase") is None


@pytest.mark.parametrize(("weak", "reason"), [
    ("short", "at least 8 characters"),
    ("aaaaaaaa", 'too easy to guess .strength 0 of 4; at least 3 is needed.: Repeats like'),
    ("        ", "too easy to guess"),
    ("password1", "too easy to guess .strength 0 of 4.*This is a very common password"),
    ("Maria Chen MD", "too easy to guess"),
])
def test_weak_passphrases_are_refused_with_the_estimators_reason(weak, reason):
    with pytest.raises(WeakPassphrase, match=reason):
        create_reviewer_key(admin(), name="Maria Chen", credentials="MD", role="physician",
                            passphrase=weak)
    if weak != "Maria Chen MD":
        with pytest.raises(WeakPassphrase):
            create_authority("Example Health Plan", weak)


def test_passphrases_are_required_and_can_change(reviewer_key):
    changed = change_passphrase(reviewer_key.pkcs12, PASSPHRASE, "another passphrase")
    assert unlock(changed, "another passphrase").subject == "Maria Chen, MD"
    with pytest.raises(WrongPassphrase):
        unlock(changed, PASSPHRASE)


def test_signed_letter_validates(reviewer_key, signed_adverse, ca_roots):
    report = verify_pdf(signed_adverse, ca_roots)
    assert report.signed and report.intact and report.valid and report.trusted
    assert report.signer == "Maria Chen, MD"
    assert report.coverage == "the entire file"
    assert not report.modified_after_signing
    assert report.ok and report.problems == ()
    assert abs(report.signing_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert "trusted: yes" in report.lines() and "result: good signature" in report.lines()
    assert verify_pdf(signed_adverse, load_certificates(reviewer_key.certificate_pem)).ok, (
        "the reviewer's own certificate given as the trust root (README: --trust pat-lee.pem)")


def test_without_a_trust_root_the_signer_is_unknown_and_the_letter_not_good(signed_adverse):
    report = verify_pdf(signed_adverse)
    assert report.valid and report.trusted is None and not report.ok
    assert "result: valid signature, unknown signer" in report.lines()


def self_signed(name: str, title: str) -> KeyMaterial:
    """What an attacker makes: a certificate of their own in a real reviewer's name."""
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.TITLE, title)])
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
        .public_key(key.public_key()).serial_number(7)
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
        .sign(key, hashes.SHA256()))
    return KeyMaterial(key, certificate)


def test_an_attackers_self_signed_certificate_in_a_real_name_is_an_unknown_signer(ca_roots):
    """The reproduction: it exited 0 when no trust roots were given."""
    forged = sign_letter(render_letter(request_for("adverse", "member")),
                         signer_for(self_signed("Maria Chen, MD", "Physician reviewer")))
    for roots in (None, ca_roots):
        report = verify_pdf(forged, roots)
        assert report.valid and report.signer == "Maria Chen, MD"
        assert not report.ok and report.trusted is not True
    assert "result: valid signature, unknown signer" in verify_pdf(forged).lines()


def test_garbage_after_the_signature_is_not_a_good_letter(signed_adverse, ca_roots):
    """The reproduction: bytes appended after the signature exited 0 while saying "more was
    added after signing"."""
    report = verify_pdf(signed_adverse + b"\n% appended after signing\n" + b"x" * 500, ca_roots)
    assert report.intact and report.valid and report.trusted
    assert not report.entire_file and not report.ok
    assert "bytes were added to the file after the signature" in " ".join(report.problems)


def test_an_incremental_overlay_is_reported_not_raised(signed_adverse, ca_roots, capsys):
    """The reproduction: new page content laid over the signed page in an incremental update
    printed a pyHanko traceback."""
    from pyhanko.pdf_utils import generic

    writer = IncrementalPdfFileWriter(io.BytesIO(signed_adverse))
    overlay = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 700 Td (APPROVED) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(overlay))
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), ca_roots)
    assert report.signed and not report.ok and report.problems
    assert "Traceback" not in capsys.readouterr().err


def test_an_unrelated_trust_root_is_not_trusted(signed_adverse):
    stranger, _ = create_authority("Other Plan", "another plan's passphrase")
    report = verify_pdf(signed_adverse, load_certificates(stranger.certificate_pem))
    assert report.valid and report.trusted is False and not report.ok
    assert "does not chain to a given trust root" in " ".join(report.problems)


def test_one_flipped_byte_in_the_signed_range_is_caught(ca_roots, signed_adverse):
    start, first_length, second_start, second_length = _byte_range(signed_adverse)
    assert start == 0 and second_start + second_length == len(signed_adverse)
    content = signed_adverse.index(b"stream", 2000) + 100
    assert content < first_length
    roots = ca_roots
    report = verify_pdf(_flip(signed_adverse, content), roots)
    assert report.signed and not report.intact and not report.valid and not report.ok
    assert "the signed content was changed" in " ".join(report.problems)
    tail = verify_pdf(_flip(signed_adverse, second_start + second_length // 2), roots)
    assert not tail.ok


def test_a_change_after_signing_shows(ca_roots, signed_adverse):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_adverse))
    writer.root["/Lang"] = writer.root["/Lang"].__class__("fr")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), ca_roots)
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
    root = x509.load_pem_x509_certificate(root_pem)
    key = import_reviewer_key(data, "organization secret", authority=root,
                              new_passphrase="reviewer's own secret")
    with pytest.raises(ReviewerKeyError, match="not vouched for by the organization CA"):
        import_reviewer_key(data, "organization secret", authority=admin().certificate)
    untitled, untitled_root = organization_pkcs12("organization secret", algorithm,
                                                  title="Staff")
    with pytest.raises(ReviewerKeyError, match="states no reviewer role"):
        import_reviewer_key(untitled, "organization secret",
                            authority=x509.load_pem_x509_certificate(untitled_root))
    with pytest.raises(WrongPassphrase):
        unlock(key.pkcs12, "organization secret")
    signed = sign_letter(render_letter(request_for("partial", "provider")),
                         unlock(key.pkcs12, "reviewer's own secret"))
    report = verify_pdf(signed, load_certificates(root_pem))
    assert report.ok and report.trusted and report.signer == "Jordan Park, MD"


def test_import_refuses_a_certificate_that_cannot_sign():
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Encryption only"),
                      x509.NameAttribute(NameOID.TITLE, "Nurse reviewer")])
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(admin().certificate.subject)
        .public_key(key.public_key()).serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
        .add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=True, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .sign(admin().material.private_key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        b"x", key, certificate, None,
        serialization.BestAvailableEncryption(b"an encryption passphrase"))
    with pytest.raises(ReviewerKeyError, match="does not allow signing"):
        import_reviewer_key(data, "an encryption passphrase", authority=admin().certificate)


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


def test_leftovers_of_an_interrupted_write_are_removed(tmp_path):
    """A process killed between writing and renaming leaves a complete ``.part`` file (it may
    hold a whole letter); the next write to the same name removes it."""
    (tmp_path / ".letter.pdf.abc123.part").write_bytes(b"%PDF- a whole letter")
    (tmp_path / ".other.pdf.abc123.part").write_bytes(b"not ours to remove")
    assert [p.name for p in remove_leftovers(tmp_path / "letter.pdf")] == [
        ".letter.pdf.abc123.part"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.pdf.abc123.part"]
