"""Determination letters: wording as data, reportlab layout, PAdES signatures, verification.

The steps, each its own module::

    request = LetterRequest(...)                     # request.py: checked on creation
    rendered = render_letter(request)                # compose.py + layout.py: unsigned PDF
    signed = sign_letter(rendered, reviewer_key)     # sign.py, keys.py
    report = verify_pdf(signed, trust_roots=[...])   # verify.py
    write_atomic(path, signed)                       # core/atomic.py

Nothing here touches the case store: which letter a case gets, storing it with its sha256,
the audit trail and refusing letters for undecided cases belong to ``core/store/letters.py``;
``core/issuing.py`` turns a stored decision into a request and a signed letter. An
organization's letterhead, approval validity and trust roots come from ``settings.py``
(``letters.yaml`` beside the database).
"""

from __future__ import annotations

from reviewer_app.core.letters import medicare_idn
from reviewer_app.core.letters.compose import compose
from reviewer_app.core.letters.idn_layout import render_notice
from reviewer_app.core.letters.layout import RenderedLetter, SignatureBox, render
from reviewer_app.core.letters.letterhead import Letterhead, load_letterhead
from reviewer_app.core.letters.request import Decider, LetterRequest

__all__ = [
    "Decider",
    "LetterRequest",
    "Letterhead",
    "RenderedLetter",
    "SignatureBox",
    "load_letterhead",
    "render_letter",
]


def render_letter(request: LetterRequest, letterhead: Letterhead | None = None) -> RenderedLetter:
    """The unsigned PDF of one letter, byte-identical for identical input. A Medicare
    Advantage denial or partial approval is the CMS standard notice (:mod:`.medicare_idn`)."""
    letterhead = letterhead or load_letterhead()
    if medicare_idn.applies(request):
        return render_notice(medicare_idn.compose_notice(request, letterhead), letterhead)
    letter = compose(request, letterhead)
    return render(letter, letterhead)
