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

from reviewer_app.core.letters.content import content
from reviewer_app.core.letters.keys import UnlockedKey
from reviewer_app.core.letters.layout import RenderedLetter, SignatureBox

FIELD_NAME = "ReviewerSignature"


def stamp_style(words: str) -> TextStampStyle:
    """The visible stamp: ``words`` ("Digitally signed by", in the letter's language), the
    signer and the time. pyHanko sets it in Courier, a standard font with the Latin-1
    letters, so the words must stay within Latin-1."""
    return TextStampStyle(
        stamp_text=f"{words}\n%(signer)s\n%(ts)s",
        timestamp_format="%Y-%m-%d %H:%M:%S %Z",
        background=None,
        border_width=1,
    )


def sign_pdf(pdf: bytes, key: UnlockedKey, place: SignatureBox, *, reason: str | None = None,
             location: str | None = None, contact: str | None = None,
             stamp_words: str = "Digitally signed by") -> bytes:
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
    signer = signers.PdfSigner(meta, signer=key.signer, stamp_style=stamp_style(stamp_words))
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
    """The signed PDF of a rendered letter, its signature in the reserved rectangle, the
    stamp and the reason in the letter's language (``signature`` of the wording file)."""
    words = content(rendered.letter.language).signature
    reason = getattr(words.reasons, rendered.letter.letter_type)
    return sign_pdf(rendered.pdf, key, rendered.signature, reason=reason,
                    location=location or rendered.letter.author, contact=contact,
                    stamp_words=words.stamp)
