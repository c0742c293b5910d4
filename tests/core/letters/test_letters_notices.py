"""Issue 12's expedited, oral-notice, large-print, other-format and partial-approval rules as
tests over the rendered letters, read back with poppler.

Every letter type x recipient x line of business x urgency x language where the rule applies
(Medicare Advantage adverse and partial letters are the CMS standard notice and are included);
each check names its rule in the test id and in its assertion message.
"""

from __future__ import annotations

import dataclasses
import functools

import pytest
from test_letters_pdf import normalized, pdf_text
from test_letters_rules import combinations, ids, letterhead

from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.content import content
from reviewer_app.core.letters.examples import request_for

ALL = functools.partial(combinations, skip_ma_adverse=False)


@functools.cache
def _text(kind, recipient, lob, urgency, language, **changes) -> str:
    request = request_for(kind, recipient, lob, language, urgency=urgency)
    if changes:
        request = dataclasses.replace(request, **dict(changes))
    return normalized(pdf_text(render_letter(request, letterhead()).pdf))


def _folded(text: str) -> str:
    return " ".join(text.split())


# -- Partial approvals: each item not approved, its criterion and what would help -----------

PARTIAL_RULE = ("29 CFR 2560.503-1(g)(1)(i),(iii); 45 CFR 147.136(b)(2)(ii)(E); "
                "42 CFR 438.404(b)(2); 42 CFR 422.568(e)(2)")


@pytest.mark.parametrize("combo", ALL(("partial",)), ids=ids("partial-items"))
def test_partial_letters_name_each_not_approved_items_criterion(combo):
    """The example approves everything but 63030 (a laminotomy): judged by the decompression
    set written for it, its symptoms do not match the compression (``symptoms-correlate``)
    and the imaging does not report stenosis or nerve-root compression (undetermined)."""
    kind, recipient, lob, urgency, language = combo
    request = request_for(kind, recipient, lob, language, urgency=urgency)
    text = _text(*combo)
    assert request.denied == ("63030",)
    words = content(language)
    if recipient == "member":
        reason = words.reason("lumbar-decompression", "symptoms-correlate")
        lead = f"{words.member.partial.items.code} 63030:"
        assert lead in text, f"{PARTIAL_RULE}: the item not approved is named"
        after = text[text.index(lead):]
        assert _folded(reason.rule) in after, f"{PARTIAL_RULE}: the criterion, in plain words"
        assert _folded(reason.change) in after, f"{PARTIAL_RULE}: what would help"
        label = words.input_label("imaging[0].findings.stenosis")
        assert label in after, f"{PARTIAL_RULE}: what the records lack"
        assert "symptoms-correlate" not in text, "member letters: plain words, no ids"
    else:
        after = text[text.index("Code 63030:"):]
        assert "(lumbar-decompression / symptoms-correlate)" in after, (
            f"{PARTIAL_RULE}: the criterion id")
        assert "imaging[0].findings.stenosis" in after, (
            f"{PARTIAL_RULE}: the information that could change it")


def test_denied_levels_are_judged_at_those_levels():
    """A partial approval of fewer levels names the criteria the set applies at the levels
    left out (the tumor is not at L4-L5: ``imaging-at-requested-level``)."""
    from reviewer_app.core.letters import trace_reasons

    request = request_for("partial", "provider", "commercial")
    items = trace_reasons.not_approved_items(request.case, request.determination, (),
                                             ("L4", "L5"), content("en"))
    assert [i.levels for i in items] == [("L4", "L5")]
    assert "imaging-at-requested-level" in {c.criterion_id for c in items[0].blocking}, (
        PARTIAL_RULE)
