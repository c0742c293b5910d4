"""Issue 12's expedited, oral-notice, 12 pt member type, large-print, other-format and
partial-approval rules as tests over the rendered letters, read back with poppler.

Every letter type x recipient x line of business x urgency x language where the rule applies
(Medicare Advantage adverse and partial letters are the CMS standard notice and are included);
each check names its rule in the test id and in its assertion message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import pytest
from poppler import height_at, word_heights
from test_letters_pdf import normalized, pdf_text
from test_letters_rules import combinations, date_words, ids, letterhead

from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.content import content
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.layout import LARGE_PRINT_POINTS

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


# -- Expedited requests and oral notice ------------------------------------------------------

EXPEDITED_RULE = "42 CFR 422.570/422.572(a); 438.210(d)(2); 29 CFR 2560.503-1(f)(2)(i)"
EXPEDITED_WORDS = {("member", "en"): "fast (expedited) request",
                   ("member", "es"): "pedido rápido (acelerado)",
                   ("provider", "en"): "reviewed as expedited"}
ORAL_RULE = {"commercial": "29 CFR 2560.503-1(g)(2)", "medicare_advantage": "42 CFR 422.572(c)",
             "medicaid": "42 CFR 438.404(a)"}
TOLD_AT = dt.datetime(2026, 11, 20, 16, 50, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
TOLD = (("oral_notice_at", TOLD_AT), ("oral_notice_to", "Daniel Okafor (member)"),
        ("oral_notice_by", "Maria Chen, MD"))


@pytest.mark.parametrize("combo", ALL(), ids=ids("expedited-stated"))
def test_expedited_letters_say_so_and_standard_ones_do_not(combo):
    _kind, recipient, _lob, urgency, language = combo
    text = _text(*combo)
    words = EXPEDITED_WORDS[(recipient, language)]
    if urgency == "expedited":
        assert words in text, f"{EXPEDITED_RULE}: the letter says the request was expedited"
    else:
        assert words not in text, f"{EXPEDITED_RULE}: a standard request is not called fast"


@pytest.mark.parametrize("combo", ALL(urgencies=("expedited",)), ids=ids("oral-notice"))
def test_oral_notice_is_stated_only_when_recorded_with_its_date(combo):
    _kind, recipient, lob, _urgency, language = combo
    rule = ORAL_RULE[lob]
    told_date = date_words(TOLD_AT.date(), language)
    without = _text(*combo)
    assert "Daniel Okafor (member)" not in without and "Oral notice" not in without, (
        f"{rule}: no oral notice is claimed when none was recorded")
    text = _text(*combo, **dict(TOLD))
    assert "Daniel Okafor (member)" in text, f"{rule}: who was told"
    assert told_date in text, f"{rule}: the date of the oral notice"
    if recipient == "provider":
        assert "Maria Chen, MD on" in text, f"{rule}: who told them"
        assert rule.split(" ", 2)[2] in text, f"{rule}: the rule is cited"
        assert "3" in text.split("Oral notice", 1)[1][:400] or lob == "medicaid", (
            f"{rule}: the 3-day written confirmation")
    else:
        confirms = {"en": "This letter confirms what we said",
                    "es": "Esta carta confirma lo que le dijimos"}[language]
        assert confirms in text, f"{rule}: the letter confirms the call"


# -- Large print and the other-format sentence -----------------------------------------------

LARGE_RULE = ("issue 12 accessibility: large print at least 14 pt; 42 CFR 438.10(d)(3): "
              "\"no smaller than 18 point\" (layout.LARGE_PRINT_POINTS)")
FORMAT_RULE = "45 CFR 92.11/92.202; 42 CFR 438.10(d)(3); 42 CFR 422.2267(a)(3)"
FORMAT_WORDS = {"member": {"en": "in large print or in another language, or have it read to you",
                           "es": "en letra grande o en otro idioma, o pedir que se la lean"},
                "provider": {"en": "in large print, in another language, or read aloud"}}


@functools.cache
def _height_at(points: float) -> float:
    return height_at(points)


@pytest.mark.parametrize("combo", ALL(recipients=("member",), urgencies=("standard",)),
                         ids=ids("large-print"))
def test_large_print_member_letters_set_every_word_at_18_points(combo):
    kind, recipient, lob, urgency, language = combo
    request = dataclasses.replace(request_for(kind, recipient, lob, language, urgency=urgency),
                                  large_print=True)
    rendered = render_letter(request, letterhead())
    assert LARGE_PRINT_POINTS >= 18, LARGE_RULE
    floor = _height_at(LARGE_PRINT_POINTS) - 0.05
    small = sorted({word for height, word in word_heights(rendered.pdf) if height < floor})
    assert small == [], f"{LARGE_RULE}: words set smaller: {small[:10]}"
    standard = render_letter(request_for(kind, recipient, lob, language, urgency=urgency),
                             letterhead())
    assert rendered.pages > standard.pages, f"{LARGE_RULE}: the type is larger"
    assert rendered.letter.text() == standard.letter.text(), (
        f"{LARGE_RULE}: the same words in large print")


MEMBER_TYPE_RULE = ("42 CFR 438.10(d)(6)(ii): \"Use a font size no smaller than 12 point\" "
                    "(Medicaid; applied to every line of business); CMS-10003-NDMCP "
                    "instructions: 12 point font (Medicare Advantage)")


@pytest.mark.parametrize("combo", ALL(recipients=("member",), urgencies=("standard",)),
                         ids=ids("member-12-pt"))
def test_member_letters_set_every_word_at_12_points(combo):
    """Every word poppler finds in a member letter (body, bullets, headings, code tables, key
    facts, signature block, letterhead lines, running head, footer, taglines) is at least as
    tall as a word set at 12 pt; Medicare Advantage denials are the CMS notice."""
    kind, recipient, lob, urgency, language = combo
    rendered = render_letter(request_for(kind, recipient, lob, language, urgency=urgency),
                             letterhead())
    floor = _height_at(12) - 0.05
    small = sorted({word for height, word in word_heights(rendered.pdf) if height < floor})
    assert small == [], f"{MEMBER_TYPE_RULE}: words set smaller: {small[:10]}"


def test_provider_letters_keep_their_smaller_type():
    """No 12 pt rule applies to the provider's copy; it stays dense (layout.PROVIDER_POINTS)."""
    rendered = render_letter(request_for("adverse", "provider", "medicaid"), letterhead())
    assert min(height for height, _ in word_heights(rendered.pdf)) < _height_at(12) - 0.05


def test_large_print_is_for_the_member_only():
    request = dataclasses.replace(request_for("approval", "provider"), large_print=True)
    assert not render_letter(request, letterhead()).letter.large_print


@pytest.mark.parametrize("combo", ALL(), ids=ids("another-format"))
def test_every_letter_says_how_to_ask_for_another_format(combo):
    _kind, recipient, _lob, _urgency, language = combo
    text = _text(*combo)
    words = FORMAT_WORDS[recipient][language]
    assert words in text, f"{FORMAT_RULE}: how to ask for large print, another language or audio"
    assert "1-800-555-0100 (TTY 711)" in text.split(words, 1)[1][:80], (
        f"{FORMAT_RULE}: with the plan's phone and TTY")
