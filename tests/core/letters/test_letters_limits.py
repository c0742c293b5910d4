"""Letters never fail on legal input: a case with every printed field at its maximum length
(in the widest glyph, with no space to break at) lays out for every letter type and
recipient, quickly, within the page; the one-line running head and footer are cut with a
visible "…". A 1 MB name made a letter hang and a 100,000-character external id crashed the
layout; both are refused by the model now, and what the model allows always prints."""

from __future__ import annotations

import dataclasses
import json
import time

import pytest
from test_letters_pdf import _words_on_page

from reviewer_app.core.adverse_reason import MAX_REASON_CHARS, reason_problem
from reviewer_app.core.case_file import parse_case
from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.layout import MARGIN, PAGE_WIDTH, fit_line
from reviewer_app.core.letters.letterhead import load_letterhead
from reviewer_app.core.letters.request import LETTER_TYPES, RECIPIENTS


def at_maximum(request, glyph: str):
    doc = request.case.to_json_dict()
    doc["external_id"] = glyph * 64
    doc["member"].update(id=glyph * 80, given_name=glyph * 100, family_name=glyph * 100)
    doc["requesting_provider"].update(name=glyph * 200, specialty=glyph * 100,
                                      phone=glyph * 40, fax=glyph * 40)
    case = parse_case(json.dumps(doc), "maximum.json")
    reason = request.reason_text
    if reason:
        reason = (reason + " ") * (MAX_REASON_CHARS // (len(reason) + 1))
        assert reason_problem(reason) is None
    return dataclasses.replace(request, case=case, reason_text=reason)


@pytest.fixture(scope="module")
def letterhead():
    return load_letterhead()


@pytest.mark.parametrize("glyph", ["W", "山"])
@pytest.mark.parametrize("recipient", RECIPIENTS)
@pytest.mark.parametrize("letter_type", LETTER_TYPES)
def test_every_field_at_its_maximum_lays_out(letter_type, recipient, glyph, letterhead):
    request = at_maximum(request_for(letter_type, recipient), glyph)
    started = time.perf_counter()
    rendered = render_letter(request, letterhead)
    assert time.perf_counter() - started < 5
    assert rendered.pages <= 12
    if glyph != "W":
        return
    for page in range(rendered.pages):
        words = _words_on_page(rendered.pdf, page)
        outside = [w for w in words if w[0] < MARGIN - 1 or w[2] > PAGE_WIDTH - MARGIN + 1]
        assert outside == [], (page, outside[:3])
    last = _words_on_page(rendered.pdf, rendered.pages - 1)
    assert any(w[4].endswith("…") for w in last if w[1] < 40), "the footer is not marked cut"


def test_fit_line_keeps_what_fits_and_marks_the_cut():
    assert fit_line("Case 12", "Helvetica", 8, 200) == "Case 12"
    cut = fit_line("Case " + "W" * 200, "Helvetica", 8, 100)
    assert cut.startswith("Case W") and cut.endswith("…")
    assert fit_line("W" * 10, "Helvetica", 8, 1) == "…"


def test_a_reason_past_the_limit_or_with_control_characters_is_refused():
    sentence = "The bone has lost less than half of its height and the spine is aligned. "
    assert "at most 4,000" in reason_problem(sentence * 60)
    assert "U+001B" in reason_problem(sentence + "\x1b[2J" + sentence)
    assert reason_problem(sentence + "\n" + sentence) is None
