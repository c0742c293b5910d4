"""Sign a rendered letter: PAdES baseline (B-B) with a visible signature, using pyHanko.

The signature is an incremental update over reportlab's bytes (``IncrementalPdfFileWriter``),
so the signed revision is exactly the rendered letter. The visible field goes in the rectangle
the layout reserved beside the printed signature block (:class:`~.layout.SignatureBox`), so
its appearance never covers text. Some viewers (QtPdf among them) do not draw signature
appearances at all; the printed block carries the same facts for them.
"""

from __future__ import annotations

import io

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.stamp import TextStampStyle

from reviewer_app.core.letters.keys import UnlockedKey
from reviewer_app.core.letters.layout import RenderedLetter, SignatureBox

FIELD_NAME = "ReviewerSignature"
_STAMP = TextStampStyle(
    stamp_text="Digitally signed by\n%(signer)s\n%(ts)s",
    timestamp_format="%Y-%m-%d %H:%M:%S %Z",
    background=None,
    border_width=1,
)
_REASONS = {
    "approval": "Approval of a prior authorization request",
    "partial": "Partial approval of a prior authorization request",
    "adverse": "Adverse determination on a prior authorization request",
    "pend": "Request for additional information",
}


def sign_pdf(pdf: bytes, key: UnlockedKey, place: SignatureBox, *, reason: str | None = None,
             location: str | None = None, contact: str | None = None) -> bytes:
    """``pdf`` signed with ``key`` in a new visible field at ``place``."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    fields.append_signature_field(
        writer, fields.SigFieldSpec(FIELD_NAME, on_page=place.page, box=place.box)
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        contact_info=contact,
        name=key.subject or None,
    )
    signer = signers.PdfSigner(meta, signer=key.signer, stamp_style=_STAMP)
    return signer.sign_pdf(writer, bytes_reserved=_reserve(key)).getvalue()


def _reserve(key: UnlockedKey) -> int:
    """Room for the CMS signature, in hex digits: every certificate it embeds plus 2 KiB for
    the signed attributes and the signature value (at most 512 bytes, for RSA-4096). Given up
    front, it spares pyHanko the trial signature it would otherwise make to measure (a third
    of the signing time)."""
    certificates = [key.signer.signing_cert, *key.signer.cert_registry]
    return 2 * (2048 + sum(len(c.dump()) for c in certificates))


def sign_letter(rendered: RenderedLetter, key: UnlockedKey, *, location: str | None = None,
                contact: str | None = None) -> bytes:
    """The signed PDF of a rendered letter, its signature in the reserved rectangle."""
    reason = _REASONS[rendered.letter.letter_type]
    return sign_pdf(rendered.pdf, key, rendered.signature, reason=reason,
                    location=location or rendered.letter.author, contact=contact)
