"""Check a signed letter offline: who signed, when, and whether anything changed since.

Trust roots are always passed explicitly (the organization CA, or what the reader was given).
Without them pyHanko would fall back to the operating system's trust list (deprecated since
pyHanko 0.37), which says nothing about a plan's own reviewers. A letter is good
(:attr:`VerifyReport.ok`) only when its signature is intact and valid, covers the whole file
(nothing appended, no incremental update after it), and its signer chains to a trust root: a
valid signature by a certificate no root vouches for, the signature an attacker makes with a
self-signed certificate in a real reviewer's name, is "valid signature, unknown signer".

A file that cannot even be read as a PDF is reported as not readable, and anything pyHanko
raises while validating a damaged or rewritten file becomes a problem in the report, so a
caller always gets a report and never a traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

_COVERAGE = {
    SignatureCoverageLevel.ENTIRE_FILE: "the entire file",
    SignatureCoverageLevel.ENTIRE_REVISION: "the signed revision; more was added after signing",
    SignatureCoverageLevel.CONTIGUOUS_BLOCK_FROM_START: "only the start of the file",
    SignatureCoverageLevel.UNCLEAR: "unclear",
}


class _ReportedElsewhere(logging.Filter):
    """pyHanko logs an untrusted chain as a WARNING with a traceback (which would land on the
    command line's standard error); the report already states it in ``problems``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Validation error [cert context:")


_FILTER = _ReportedElsewhere()
logging.getLogger("pyhanko.sign.validation.generic_cms").addFilter(_FILTER)


@dataclass(frozen=True)
class VerifyReport:
    signed: bool
    signer: str | None = None
    """The signer's common name (or the whole subject when it has none)."""
    signer_subject: str | None = None
    signing_time: dt.datetime | None = None
    intact: bool = False
    """The signed bytes hash to the digest the signature covers."""
    valid: bool = False
    """Intact, and the signature verifies with the signer's certificate."""
    trusted: bool | None = None
    """The certificate chains to one of the given trust roots; None when none were given
    (then the signer is unknown, and the letter is not :attr:`ok`)."""
    coverage: str = ""
    modified_after_signing: bool = False
    problems: tuple[str, ...] = ()
    readable: bool = True
    """False when the file could not even be parsed as a PDF (the wrong file, not a letter)."""

    entire_file: bool = False
    """The signature covers every byte of the file."""

    @property
    def ok(self) -> bool:
        """Valid, covering the whole file, unchanged, and from a trusted signer."""
        return (self.valid and self.entire_file and not self.modified_after_signing
                and self.trusted is True)

    @property
    def verdict(self) -> str:
        if not self.signed:
            return "not signed"
        if self.valid and self.trusted is not True and self.entire_file:
            return "valid signature, unknown signer"
        return "good signature" if self.ok else "not a good signature"

    def lines(self) -> list[str]:
        """The report as ``label: value`` lines for the command line."""
        if not self.signed:
            return ["signed: no", *(f"problem: {p}" for p in self.problems)]

        def yes_no(value: bool | None) -> str:
            return "unknown (no trust root: give --trust or keep organization-ca.pem beside " \
                   "the database)" if value is None else ("yes" if value else "no")

        when = self.signing_time.isoformat() if self.signing_time else "not stated"
        return [
            f"signer: {self.signer or 'unknown'}",
            f"signer certificate: {self.signer_subject or 'unknown'}",
            f"signing time: {when} (as stated by the signer)",
            f"intact: {yes_no(self.intact)}",
            f"valid: {yes_no(self.valid)}",
            f"trusted: {yes_no(self.trusted)}",
            f"covers: {self.coverage}",
            f"changed after signing: {yes_no(self.modified_after_signing)}",
            f"result: {self.verdict}",
            *(f"problem: {p}" for p in self.problems),
        ]


def load_certificates(pem_or_der: bytes) -> list[asn1_x509.Certificate]:
    """Certificates from a PEM bundle or one DER certificate (a trust-root file)."""
    if pem.detect(pem_or_der):
        return [asn1_x509.Certificate.load(der) for _, _, der in pem.unarmor(pem_or_der,
                                                                             multiple=True)]
    return [asn1_x509.Certificate.load(pem_or_der)]


def verify_pdf(data: bytes,
               trust_roots: Iterable[asn1_x509.Certificate] | None = None) -> VerifyReport:
    """The state of the (last) signature of ``data``; see :class:`VerifyReport`."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_regular_signatures
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as error:
        return VerifyReport(signed=False, readable=False,
                            problems=(f"the file cannot be read as a PDF: {error}",))
    if not signatures:
        return VerifyReport(signed=False, problems=("the file has no signature",))
    roots = list(trust_roots) if trust_roots is not None else []
    context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                revocation_mode="soft-fail")
    signature = signatures[-1]
    try:
        status = validate_pdf_signature(signature, context)
    except Exception as error:  # pyHanko raises many kinds on a rewritten file
        reason = str(error) or type(error).__name__
        return VerifyReport(signed=True, problems=(f"the signature cannot be checked: "
                                                   f"{reason}",))
    problems = []
    if not status.intact:
        problems.append("the signed content was changed: its digest does not match")
    elif not status.valid:
        problems.append("the signature does not verify with the signer's certificate")
    trusted = bool(status.trusted) if roots else None
    if trusted is False:
        problems.append("the signer's certificate does not chain to a given trust root")
    elif trusted is None:
        problems.append("valid signature, unknown signer: no trust root to check the "
                        "signer's certificate against")
    entire = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    modified = not entire and status.modification_level != ModificationLevel.NONE
    if modified:
        problems.append(f"the file was changed after signing "
                        f"({status.modification_level.name.lower()})")
    elif not entire:
        problems.append("bytes were added to the file after the signature (not covered by "
                        "it)")
    subject = status.signing_cert.subject
    return VerifyReport(
        signed=True,
        signer=subject.native.get("common_name") or subject.human_friendly,
        signer_subject=subject.human_friendly,
        signing_time=status.signer_reported_dt,
        intact=bool(status.intact),
        valid=bool(status.intact and status.valid),
        trusted=trusted,
        coverage=_COVERAGE.get(status.coverage, str(status.coverage)),
        modified_after_signing=modified,
        entire_file=entire,
        problems=tuple(problems),
    )


_LETTER_NUMBER = re.compile(r"\bLTR-\d+\b")


def stated_letter_number(data: bytes) -> str | None:
    """The letter number the file states in its document information (the keywords a letter
    is rendered with end with it); None for a file that states none or cannot be read. Only
    as trustworthy as the signature that covers it."""
    try:
        info = PdfFileReader(io.BytesIO(data), strict=False).trailer_view.get("/Info")
        keywords = str(info.get_object().get("/Keywords", "")) if info is not None else ""
    except Exception:  # a damaged file states nothing; verify_pdf reports the damage
        return None
    found = _LETTER_NUMBER.findall(keywords)
    return found[-1] if found else None
