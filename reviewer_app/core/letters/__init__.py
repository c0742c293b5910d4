"""Determination letters: wording as data, reportlab layout, PAdES signatures, verification.

The steps, each its own module::

    request = LetterRequest(...)                     # request.py: checked on creation
    rendered = render_letter(request)                # compose.py + layout.py: unsigned PDF
    signed = sign_letter(rendered, reviewer_key)     # sign.py, keys.py
    report = verify_pdf(signed, trust_roots=[...])   # verify.py
    write_atomic(path, signed)                       # atomic.py

Nothing here touches the case store: storing a letter with its sha256, the audit trail and
refusing letters for undecided cases belong to the store and the command line.
"""

from __future__ import annotations

from reviewer_app.core.letters.compose import compose
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
    """The unsigned PDF of one letter, byte-identical for identical input."""
    letterhead = letterhead or load_letterhead()
    letter = compose(request, letterhead)
    return render(letter, letterhead)
