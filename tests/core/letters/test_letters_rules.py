"""Each notice rule of issue 12 as a test over the rendered letters, read back with poppler.

The letters are made for every letter type x recipient x line of business x urgency x language
(provider letters are always English), and each check names the rule it enforces in its test id
and its assertion message. Expectations are written from the rules (the paragraph cited beside
each), not from the wording files: a dropped sentence or a wrong date fails here.

Medicare Advantage adverse and partial determinations are left to the CMS standard notice
(CMS-10003-NDMCP, built separately): here Medicare Advantage is checked for its request for
information, approval and extension items only.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools

import pytest
from test_letters_pdf import normalized, pdf_text

from reviewer_app.core import deadlines
from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.examples import decided_at_for, request_for
from reviewer_app.core.letters.letterhead import load_letterhead
from reviewer_app.core.pend_timeline import PendRefused, pend_timeline

LINES_OF_BUSINESS = ("commercial", "medicaid", "medicare_advantage")
URGENCIES = ("standard", "expedited")
LANGUAGES = ("en", "es")
LETTER_TYPES = ("approval", "partial", "adverse", "pend")


def combinations(letter_types=LETTER_TYPES, recipients=("member", "provider"),
                 lobs=LINES_OF_BUSINESS, urgencies=URGENCIES, languages=LANGUAGES,
                 skip_ma_adverse=True):
    """(letter type, recipient, line of business, urgency, language) to check; provider
    letters once, in English."""
    found = []
    for kind, recipient, lob, urgency, language in itertools.product(
            letter_types, recipients, lobs, urgencies, languages):
        if recipient == "provider" and language != "en":
            continue
        if skip_ma_adverse and lob == "medicare_advantage" and kind in ("adverse", "partial"):
            continue
        found.append((kind, recipient, lob, urgency, language))
    return found


def ids(rule: str):
    return lambda combo: f"{rule}:{'-'.join(combo)}" if isinstance(combo, tuple) else str(combo)


@functools.cache
def letterhead():
    return load_letterhead()


@functools.cache
def letter_text(kind, recipient, lob, urgency, language, extended=False) -> str:
    request = request_for(kind, recipient, lob, language, urgency=urgency, extended=extended)
    return normalized(pdf_text(render_letter(request, letterhead()).pdf))


def _request(kind, recipient, lob, urgency, language, extended=False):
    return request_for(kind, recipient, lob, language, urgency=urgency, extended=extended)


ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]


def date_words(day: dt.date, language: str) -> str:
    if language == "es":
        return f"{day.day} de {ES_MONTHS[day.month - 1]} de {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


# -- 1. Requests for information: needed-by date, due date and extension agree ---------------

PEND_RULE = {
    ("commercial", "standard"): "29 CFR 2560.503-1(f)(2)(iii)(A)",
    ("commercial", "expedited"): "29 CFR 2560.503-1(f)(2)(i)",
    ("medicare_advantage", "standard"): "42 CFR 422.568(b)(1)",
    ("medicare_advantage", "expedited"): "42 CFR 422.572(b)",
    ("medicaid", "standard"): "42 CFR 438.210(d)(1)(ii)",
    ("medicaid", "expedited"): "42 CFR 438.210(d)(2)(ii)",
}
GRIEVANCE = {
    ("medicare_advantage", "en"): "expedited grievance",
    ("medicare_advantage", "es"): "queja acelerada",
    ("medicaid", "en"): "grievance",
    ("medicaid", "es"): "queja formal",
}


MA_REASONS = ("enrollee_request", "noncontract_evidence", "extraordinary")
MA_REASON_RULE = {
    ("standard", "enrollee_request"): "42 CFR 422.568(b)(1)(i)(A)",
    ("standard", "noncontract_evidence"): "42 CFR 422.568(b)(1)(i)(B)",
    ("standard", "extraordinary"): "42 CFR 422.568(b)(1)(i)(C)",
    ("expedited", "enrollee_request"): "42 CFR 422.572(b)(1)(i)",
    ("expedited", "noncontract_evidence"): "42 CFR 422.572(b)(1)(ii)",
    ("expedited", "extraordinary"): "42 CFR 422.572(b)(1)(iii)",
}
MA_REASON_WORDS = {
    ("member", "en", "enrollee_request"): "because you asked us for more time",
    ("member", "en", "noncontract_evidence"): "not in our plan's network",
    ("member", "en", "extraordinary"): "something out of the ordinary",
    ("member", "es", "enrollee_request"): "porque usted nos pidió más tiempo",
    ("member", "es", "noncontract_evidence"): "no está en la red de nuestro plan",
    ("member", "es", "extraordinary"): "algo fuera de lo común",
    ("provider", "en", "enrollee_request"): "at the member's request",
    ("provider", "en", "noncontract_evidence"): "evidence is needed from a noncontract provider",
    ("provider", "en", "extraordinary"): "extraordinary, exigent or other non-routine",
}
STALE_MA_REASON = {"en": "the facts we asked for could change our decision",
                   "es": "los datos que pedimos podrían cambiar nuestra decisión"}
"""The wording before 422.568(b)(1)(i)'s reasons were asked: it fits (B) only for a
noncontract provider's evidence, and no letter may say it alone."""


@functools.cache
def reason_letter_text(kind, recipient, lob, urgency, language, reason) -> str:
    request = request_for(kind, recipient, lob, language, urgency=urgency, extended=True,
                          extension_reason=reason)
    return normalized(pdf_text(render_letter(request, letterhead()).pdf))


@pytest.mark.parametrize("reason", MA_REASONS)
@pytest.mark.parametrize("combo", combinations(("pend",), lobs=("medicare_advantage",)),
                         ids=ids("pend-extension-reason"))
def test_a_medicare_advantage_extension_states_its_reason(combo, reason):
    """42 CFR 422.568(b)(1)(ii), 422.572(b)(2): the notice of extension gives the reasons for
    the delay, one of those 422.568(b)(1)(i)(A)-(C) / 422.572(b)(1)(i)-(iii) allow, with the
    new date and the right to an expedited grievance."""
    _kind, recipient, lob, urgency, language = combo
    rule = MA_REASON_RULE[(urgency, reason)]
    request = request_for("pend", recipient, lob, language, urgency=urgency, extended=True,
                          extension_reason=reason)
    timeline = request.pend_timeline
    text = reason_letter_text(*combo, reason)
    assert timeline.extended and timeline.reason == reason, rule
    assert MA_REASON_WORDS[(recipient, language, reason)] in text, f"{rule}: the reason stated"
    assert date_words(timeline.due.date(), language) in text, f"{rule}: the new decision date"
    assert GRIEVANCE[(lob, language)] in text if recipient == "member" else (
        "expedited grievance" in text), "422.568(b)(1)(ii): the right to an expedited grievance"
    if recipient == "provider":
        assert rule.removeprefix("42 CFR ") in text, f"{rule}: the provider is told the ground"
    else:
        assert STALE_MA_REASON[language] not in text or reason == "noncontract_evidence", (
            "422.568(b)(1)(i): 'the facts could change our decision' only for (B)")


@pytest.mark.parametrize("urgency", URGENCIES)
def test_a_medicare_advantage_extension_needs_a_reason_the_rule_allows(urgency):
    """42 CFR 422.568(b)(1)(i) (422.572(b)(1) when expedited) allows the extension only for
    (A)-(C): none, or another, is refused naming the field and the rule; each allowed one is
    accepted; a reason without an extension, or for a rule that names none, is refused."""
    case, asked = _case_clock("medicare_advantage", urgency)
    cited = {"standard": "422.568(b)(1)(i)", "expedited": "422.572(b)(1)"}[urgency]
    due = deadlines.due_at(case.received_at, urgency, "medicare_advantage")
    later = deadlines.latest_needed_by(due) + dt.timedelta(days=3)
    extend = functools.partial(pend_timeline, received_at=case.received_at, urgency=urgency,
                               line_of_business="medicare_advantage", asked_at=asked,
                               needed_by=later)
    with pytest.raises(PendRefused, match=r"extension reason must be enrollee_request, "
                       r"noncontract_evidence or extraordinary") as missing:
        extend()
    assert cited in str(missing.value) and missing.value.field == "extension_reason"
    with pytest.raises(PendRefused, match=r"'facts_may_change' is not one .* allows") as bad:
        extend(extension_reason="facts_may_change")
    assert cited in str(bad.value) and bad.value.field == "extension_reason"
    for reason in MA_REASONS:
        found = extend(extension_reason=reason)
        assert found.extended and found.reason == reason
        assert found.reason_cited == MA_REASON_RULE[(urgency, reason)]
    with pytest.raises(PendRefused, match="belongs only to a request for information that "
                       "extends"):
        extend(needed_by=deadlines.latest_needed_by(due), extension_reason="extraordinary")
    commercial_case, commercial_asked = _case_clock("commercial", "standard")
    with pytest.raises(PendRefused, match=r"2560.503-1\(f\)\(2\)\(iii\)\(A\) gives its own"):
        pend_timeline(received_at=commercial_case.received_at, urgency="standard",
                      line_of_business="commercial", asked_at=commercial_asked,
                      needed_by=commercial_asked.date() + dt.timedelta(days=50),
                      extension_reason="enrollee_request")


@pytest.mark.parametrize("extended", [False, True], ids=["within", "extended"])
@pytest.mark.parametrize("combo", combinations(("pend",)), ids=ids("pend-timeline"))
def test_pend_dates_agree_and_the_extension_is_stated(combo, extended):
    _kind, recipient, lob, urgency, language = combo
    request = _request(*combo, extended=extended)
    timeline = request.pend_timeline
    rule = PEND_RULE[(lob, urgency)]
    text = letter_text(*combo, extended=extended)
    end_of_needed_by = dt.datetime.combine(request.info_needed_by + dt.timedelta(days=1),
                                           dt.time(), tzinfo=timeline.due.tzinfo)
    assert end_of_needed_by <= timeline.due, f"{rule}: information is due before the decision"
    assert date_words(request.info_needed_by, language) in text, f"{rule}: needed-by date"
    assert date_words(timeline.due.date(), language) in text, (
        f"{rule}: the letter states the decision date ({timeline.due})")
    if lob == "commercial" and urgency == "expedited":
        assert timeline.extended, f"{rule}: urgent, the claimant gets 48 hours and the plan 48"
    if timeline.extended:
        assert timeline.due > timeline.original_due
        if lob == "commercial":
            least = "48" if urgency == "expedited" else "45"
            assert least in text, f"{rule}: at least {least} days/hours to respond"
            assert end_of_needed_by - request.decided_at >= dt.timedelta(
                hours=48 if urgency == "expedited" else 45 * 24), rule
        else:
            assert timeline.due - timeline.original_due <= dt.timedelta(days=14), rule
            assert "14" in text, f"{rule}: up to 14 more days"
            if recipient == "member":
                assert GRIEVANCE[(lob, language)] in text, f"{rule}: the right to a grievance"
            else:
                assert "grievance" in text, f"{rule}: the provider is told the member's right"
            if lob == "medicare_advantage":
                reason = MA_REASON_WORDS[(recipient, language, timeline.reason)]
                assert reason in text, f"{rule}: the reason for the delay (422.568(b)(1)(ii))"
    else:
        assert timeline.due == timeline.original_due
        words = {"en": ("does not change that date", "does not extend"),
                 "es": ("no cambia esa fecha",)}[language]
        assert any(w in text for w in words), f"{rule}: the deadline does not move"
    late = {"en": ("If we do not get them by", "has not arrived by"),
            "es": ("Si no los recibimos antes del",)}[language]
    assert any(w in text for w in late), "what happens if nothing arrives (docs/review-rules.md)"


def _case_clock(lob, urgency):
    request = _request("pend", "member", lob, urgency, "en")
    case = request.case
    return case, decided_at_for(urgency)


@pytest.mark.parametrize("lob,urgency", list(PEND_RULE), ids=lambda v: str(v))
def test_a_needed_by_date_the_rules_do_not_allow_is_refused(lob, urgency):
    case, asked = _case_clock(lob, urgency)
    due = deadlines.due_at(case.received_at, urgency, lob)
    rule = PEND_RULE[(lob, urgency)]
    refused_date = {
        ("commercial", "standard"): asked.date() + dt.timedelta(days=20),
        ("commercial", "expedited"): asked.date() + dt.timedelta(days=1),
    }.get((lob, urgency), due.date() + dt.timedelta(days=60))
    with pytest.raises(PendRefused, match=r"CFR") as refused:
        pend_timeline(received_at=case.received_at, urgency=urgency, line_of_business=lob,
                      asked_at=asked, needed_by=refused_date)
    assert rule.split("(")[0] in str(refused.value), f"{rule}: the refusal cites the rule"
    with pytest.raises(PendRefused, match="after the day it is asked"):
        pend_timeline(received_at=case.received_at, urgency=urgency, line_of_business=lob,
                      asked_at=asked, needed_by=asked.date())


def test_a_commercial_extension_gives_at_least_45_days():
    """29 CFR 2560.503-1(f)(2)(iii)(A): after the 15-day timeframe, a date 20 days away is
    neither within the deadline nor the 45 days an extension must give."""
    case, asked = _case_clock("commercial", "standard")
    with pytest.raises(PendRefused, match="at least 45 days"):
        pend_timeline(received_at=case.received_at, urgency="standard",
                      line_of_business="commercial", asked_at=asked,
                      needed_by=asked.date() + dt.timedelta(days=20))


def test_an_urgent_commercial_request_gives_48_hours():
    """29 CFR 2560.503-1(f)(2)(i): not less than 48 hours to provide the information."""
    case, asked = _case_clock("commercial", "expedited")
    with pytest.raises(PendRefused, match="at least 48 hours"):
        pend_timeline(received_at=case.received_at, urgency="expedited",
                      line_of_business="commercial", asked_at=asked,
                      needed_by=asked.date() + dt.timedelta(days=1))


# -- 3. Provider letters after a physician's decision -----------------------------------------

NURSE_STAGE = ("goes to a physician reviewer", "a nurse reviewer may approve",
               "nurse reviewer may approve")


@pytest.mark.parametrize("combo", combinations(("adverse", "partial", "pend"), ("provider",),
                                               skip_ma_adverse=False),
                         ids=ids("provider-after-physician"))
def test_provider_letters_after_a_physician_decision(combo):
    """Issue 12 (provider letters): no nurse-stage text, the physician's clinical rationale
    (29 CFR 2560.503-1(g)(1)(v)(B): the clinical judgment), only the references it cites."""
    import dataclasses

    from test_letters_pdf import cited_ids

    from reviewer_app.core.letters.examples import PHYSICIAN

    request = _request(*combo)
    if request.letter_type == "pend":
        request = dataclasses.replace(request, decider=PHYSICIAN)
    text = normalized(pdf_text(render_letter(request, letterhead()).pdf))
    for words in NURSE_STAGE:
        assert words not in text, f"nurse-stage text after a physician's decision: {words!r}"
    if request.letter_type != "pend":
        assert "Physician reviewer's rationale:" in text
        assert " ".join(request.reason_text.split()) in text, "the physician's own rationale"
    for reference in request.determination.references:
        listed = f"[{reference.id}] {reference.citation[:30]}" in text
        assert listed == (reference.id in cited_ids(request)), (
            f"only cited references are listed ({reference.id})")


# -- 5. Medicaid: 42 CFR 431.206, 431.210, 438.404 ----------------------------------------------

MEDICAID_ITEMS = {
    "42 CFR 431.210(c) regulation": {"en": "42 CFR 438.210", "es": "42 CFR 438.210"},
    "42 CFR 431.210(a) effective date": {"en": "This decision takes effect on",
                                         "es": "Esta decisión empieza a regir el"},
    "42 CFR 431.206(b)(2) how to ask for a fair hearing": {
        "en": "State fair hearing", "es": "audiencia imparcial del Estado"},
    "42 CFR 431.206(b)(3) lawyer, relative, friend or spokesman": {
        "en": "a lawyer, a relative, a friend", "es": "un abogado, un familiar, un amigo"},
    "42 CFR 438.404(b)(6) continuation of benefits": {"en": "within 10 days",
                                                      "es": "dentro de los 10 días"},
    "42 CFR 438.408(b) appeal decision time": {"en": "30 days", "es": "30 días"},
}


@pytest.mark.parametrize("rule", list(MEDICAID_ITEMS))
@pytest.mark.parametrize("combo", combinations(("adverse", "partial"), lobs=("medicaid",)),
                         ids=ids("medicaid"))
def test_medicaid_adverse_notices(combo, rule):
    _kind, recipient, _lob, _urgency, language = combo
    text = letter_text(*combo)
    if recipient == "provider":
        expected = {"42 CFR 431.210(a) effective date": "Effective date of the action",
                    "42 CFR 438.404(b)(6) continuation of benefits": "438.404(b)(6)",
                    "42 CFR 438.408(b) appeal decision time": "30 calendar days",
                    "42 CFR 431.206(b)(3) lawyer, relative, friend or spokesman":
                        "a lawyer, a relative, a friend"}.get(rule, MEDICAID_ITEMS[rule]["en"])
    else:
        expected = MEDICAID_ITEMS[rule][language]
    assert expected in text, f"{rule}: {expected!r} missing"
    request = _request(*combo)
    assert date_words(request.date, language) in text, "42 CFR 431.210(a): the date it applies"


# -- 6. Commercial: 45 CFR 147.136(b)(2)(ii)(E); 29 CFR 2560.503-1(g)(1), (i)(2) ----------------

COMMERCIAL_ITEMS = {
    "147.136(b)(2)(ii)(E)(1) date of service": lambda r, lang: date_words(
        r.case.service.planned_date, lang),
    "147.136(b)(2)(ii)(E)(1) provider": lambda r, lang: r.case.requesting_provider.name,
    "147.136(b)(2)(ii)(E)(1) codes on request": lambda r, lang: {
        "en": "diagnosis and treatment codes", "es": "códigos de diagnóstico y de tratamiento"}[
        lang],
    "147.136(b)(2)(ii)(E)(3) denial code and meaning": lambda r, lang: {
        "en": "0001: the care was not found medically necessary",
        "es": "0001: no se encontró que la atención fuera médicamente necesaria"}[lang],
    "147.136(b)(2)(ii)(E)(5) consumer assistance": lambda r, lang: {
        "en": "consumer assistance office or ombudsman", "es": "defensor (ombudsman)"}[lang],
    "2560.503-1(g)(1)(ii) plan provision": lambda r, lang: {
        "en": "medical necessity terms of the plan documents",
        "es": "términos de necesidad médica de los documentos de su plan"}[lang],
    "2560.503-1(i)(2) appeal decision time": lambda r, lang: {"en": "within 30 days",
                                                              "es": "dentro de los 30 días"}[lang],
}


@pytest.mark.parametrize("rule", list(COMMERCIAL_ITEMS))
@pytest.mark.parametrize("combo", combinations(("adverse", "partial"), lobs=("commercial",)),
                         ids=ids("commercial"))
def test_commercial_adverse_notices(combo, rule):
    request = _request(*combo)
    text = letter_text(*combo)
    expected = COMMERCIAL_ITEMS[rule](request, combo[4])
    assert expected in text, f"{rule}: {expected!r} missing"


def test_configured_plan_provision_and_consumer_assistance_are_printed():
    """The letterhead's optional fields replace the default sentences (29 CFR
    2560.503-1(g)(1)(ii); 45 CFR 147.136(b)(2)(ii)(E)(5))."""
    head = letterhead().model_copy(update={
        "plan_provision": {"en": "Certificate of Coverage, section 7.3"},
        "consumer_assistance": {
            "en": "the Illinois Office of Consumer Health Insurance, 1-877-527-9431"},
    })
    request = _request("adverse", "member", "commercial", "standard", "en")
    text = normalized(pdf_text(render_letter(request, head).pdf))
    assert "Certificate of Coverage, section 7.3" in text
    assert "the Illinois Office of Consumer Health Insurance" in text


@pytest.mark.parametrize("lob", ["commercial", "medicaid"])
def test_taglines_are_set_at_the_body_size(lob):
    """45 CFR 92.11 / 147.136(e): the taglines are as readable as the letter (issue 12: at the
    body's type size)."""
    import re
    import subprocess

    from poppler import tool

    request = _request("adverse", "member", lob, "standard", "en")
    pdf = render_letter(request, letterhead()).pdf
    html = subprocess.run([tool("pdftotext"), "-bbox", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode()
    heights = {w: float(b) - float(a) for a, b, w in re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', html)}
    assert heights["TAGALOG"] >= heights["Sincerely,"] - 0.5
