"""The rendered letters, read back with poppler (an independent PDF reader).

Every element the rules require (``docs/review-rules.md``, "What a letter must say") is looked
for in the text ``pdftotext`` extracts, per letter type, recipient and line of business. The
expectations are written from the request and the regulations, not from the wording files, so
a wrong appeal window or a dropped section fails here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import subprocess

import pytest
import reportlab
from poppler import tool

from reviewer_app.core.codes import procedure_list
from reviewer_app.core.criteria import input_labels
from reviewer_app.core.criteria.library import default_library
from reviewer_app.core.letters import render_letter, shaped
from reviewer_app.core.letters.content import content
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.letterhead import load_letterhead
from reviewer_app.core.letters.request import LETTER_TYPES, RECIPIENTS

LINES_OF_BUSINESS = ("commercial", "medicare_advantage", "medicaid")
APPEAL_DAYS = {"commercial": 180, "medicare_advantage": 65, "medicaid": 60}
"""29 CFR 2560.503-1(h)(3)(i); 42 CFR 422.582(b); 42 CFR 438.402(c)(2)(ii)."""
NEXT_LEVEL = {
    "commercial": "external review",
    "medicare_advantage": "Independent Review Entity",
    "medicaid": "State fair hearing",
}
GOLDEN_TEXT_SHA256 = "b15687cbb5cbf8f84f8cdbddbf5bf97e99f6ecb5310173569e12038e59db44b7"
"""sha256 of the normalized text of the fixed approval member letter (its code table now
splits across pages 1-2 at 12 pt, so the header row is printed twice; the Arabic and Hindi
taglines in their scripts, not the English lines that stood in for them)."""
GOLDEN_PDF_SHA256 = {"5.1.0": "d850226cab8b76b6b1dbf1652418d5e6a63ccfda114bfc6c64d13b88fcaf2fdf"}
"""sha256 of the same letter's bytes, per reportlab version (its output changes between
releases; a version not listed here only gets the byte-stability check)."""



def pdf_text(pdf: bytes, *, page: int | None = None) -> str:
    """The text in content-stream order (-raw keeps each table cell together)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run([tool("pdftotext"), "-raw", "-enc", "UTF-8", *pages, "-", "-"],
                            input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def normalized(text: str) -> str:
    """Running heads and footers dropped, whitespace folded: a sentence that crosses a page
    break reads as one."""
    keep = [line for line in text.splitlines()
            if not re.fullmatch(r"(Page|Página) \d+ (of|de) \d+", line.strip())
            and not line.startswith(("Case PA-", "Caso PA-"))
            and "\u00b7 Member ID" not in line and "\u00b7 Número de miembro" not in line]
    return " ".join(" ".join(keep).split())


def _date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@pytest.fixture(scope="module")
def letterhead():
    return load_letterhead()


def _extractable_taglines(letterhead) -> list[str]:
    """The taglines pdftotext gives back as written: the Arabic one comes back as presentation
    forms, checked word by word in test_letters_language.py."""
    return [line for line in letterhead.tagline_texts("en") if not shaped.is_rtl(line)]


def _missing(expected: list[str], text: str) -> list[str]:
    squeezed = text.replace(" ", "")
    return [e for e in expected if e not in text and e.replace(" ", "") not in squeezed]


def cited_ids(request) -> set[str]:
    """The references a provider letter may list (issue 12): those the printed rationale and
    trace cite; after a physician's decision the evaluation's nurse-stage outcome line is not
    printed, so what only it cites is not listed."""
    lines = [line for line in request.determination.rationale
             if not (request.decider.role == "physician" and line.startswith("Outcome:"))]
    found = set(re.findall(r"\[([^\]]+)\]", " ".join(lines)))
    ids = {part.strip() for group in found for part in group.split(",")}
    return ids | {ref for c in request.determination.criteria for ref in c.references}


def _code_words(request, code: str, *, other: bool = False) -> str:
    """Issue 12 (plain language in code tables): a member letter describes a code in plain
    words, a provider letter technically; ``other`` gives the one the letter must not print."""
    plain = (request.recipient == "member") != other
    return content("en").procedures[code] if plain else procedure_list.procedure(code).description


def _required(request, letterhead) -> tuple[list[str], list[str]]:
    """(must appear, must not appear) for one request."""
    case = request.case
    lob = case.line_of_business
    member = request.recipient == "member"
    letter_date = request.decided_at.date()
    need = [
        f"{case.member.given_name} {case.member.family_name}", case.member.id,
        "PA-2026-004417", request.letter_id, "Page 1 of",
        request.decider.signed_name, _date(letter_date), "10:30 a.m.", "(UTC-05:00)",
        letterhead.phone, f"TTY {letterhead.tty}",
    ]
    avoid: list[str] = []
    if not member:
        need += [case.requesting_provider.npi, _date(case.member.birth_date)]
    if request.letter_type in ("approval", "partial"):
        need += [request.authorization_number, _date(letter_date),
                 _date(letter_date + dt.timedelta(days=89)), "L1-L3", "inpatient"]
        for code in request.approved:
            need += [code, _code_words(request, code)]
            avoid += [_code_words(request, code, other=True)]
    if request.letter_type in ("adverse", "partial"):
        deadline = letter_date + dt.timedelta(days=APPEAL_DAYS[lob])
        criteria_set = default_library().by_id[request.determination.criteria_set.id]
        need += [
            " ".join(request.reason_text.split()), criteria_set.title, "version 2026.2",
            f"{APPEAL_DAYS[lob]} days", _date(deadline), "72 hours",
            letterhead.peer_to_peer_phone, letterhead.appeals.phone, letterhead.appeals.fax,
            NEXT_LEVEL[lob], "peer-to-peer", "Maria Chen, MD",
            *_extractable_taglines(letterhead),
        ]
        need.append("free copy" if member else "free of charge")
        need.append("fast appeal" if member else "expedited appeal")
        avoid += [NEXT_LEVEL[other] for other in LINES_OF_BUSINESS if other != lob]
        for code in request.denied:
            need += [code, _code_words(request, code)]
            avoid += [_code_words(request, code, other=True)]
    if request.letter_type == "adverse":
        need += (["Your score is 10", "SINS score of 13 or more"] if member
                 else ["scores.sins_at_requested_levels = 10", "(instability-sins-unstable)"])
    if request.letter_type == "pend":
        need += [_date(request.info_needed_by)]
        for path in request.determination.missing_information:
            label = input_labels.label(path)
            need.append(f"{label[0].upper()}{label[1:]}")
            if not member:
                need.append(path)
        need.append("If we do not get them by" if member else "has not arrived by")
        if member:
            need.append(content("en").reason(
                request.determination.criteria_set.id, "expected-survival-3-months").why)
    if member and request.letter_type in ("approval", "pend"):
        need += _extractable_taglines(letterhead)
    if not member:
        need += [request.determination.rationale[0][:60], "Criteria trace"]
        need += [f"({c.id})" for c in request.determination.criteria]
        need += [r.citation[:40] for r in request.determination.references
                 if r.id in cited_ids(request)]
        avoid += [r.citation[:40] for r in request.determination.references
                  if r.id not in cited_ids(request)]
    return need, avoid


@pytest.mark.parametrize("lob", LINES_OF_BUSINESS)
@pytest.mark.parametrize("recipient", RECIPIENTS)
@pytest.mark.parametrize("letter_type", LETTER_TYPES)
def test_required_elements(letter_type, recipient, lob, letterhead):
    request = request_for(letter_type, recipient, lob)
    rendered = render_letter(request, letterhead)
    raw = pdf_text(rendered.pdf)
    text = normalized(raw)
    need, avoid = _required(request, letterhead)
    assert _missing(need, f"{text} {' '.join(raw.split())}") == []
    assert [a for a in avoid if a in text] == []
    assert f"Page {rendered.pages} of {rendered.pages}" in raw


def test_member_letter_never_says_only_does_not_meet_criteria(letterhead):
    text = normalized(pdf_text(render_letter(request_for("adverse"), letterhead).pdf))
    assert "does not meet criteria" not in text.lower()
    assert "The spine must be unstable where the tumor is" in text


def test_spanish_member_letters(letterhead):
    adverse = request_for("adverse", "member", "commercial", "es")
    raw = pdf_text(render_letter(adverse, letterhead).pdf)
    text = normalized(raw)
    assert "Página 1 de 7" in raw, "12 pt member type: 7 pages with the 15-language insert"
    for expected in [
        "No aprobamos su pedido", "Estimado/a Daniel Okafor", "180 días",
        "22 de mayo de 2027", "Apelación rápida", "72 horas", "Su puntuación es 10",
        "versión 2026.2", "copia gratis", "revisión externa",
        " ".join(adverse.reason_text.split()), "If you need help in English",
        "23 de noviembre de 2026, 10:30 (UTC-05:00)", "Revisión médica",
    ]:
        assert expected in text
    assert "Para obtener asistencia en Español" not in text
    pend = request_for("pend", "member", "medicaid", "es")
    text = normalized(pdf_text(render_letter(pend, letterhead).pdf))
    spanish = content("es")
    for path in pend.determination.missing_information:
        label = spanish.input_label(path)
        assert f"{label[0].upper()}{label[1:]}." in text
    assert "Si no los recibimos antes del" in text


def test_provider_letters_are_english_even_for_a_spanish_speaking_member(letterhead):
    request = request_for("adverse", "provider", "commercial", "es")
    text = normalized(pdf_text(render_letter(request, letterhead).pdf))
    assert "Adverse determination" in text
    assert "Appeal rights" in text


def test_corrected_letter_names_the_one_it_replaces(letterhead):
    request = dataclasses.replace(request_for("approval"), letter_id="LTR-2026-000002",
                                  replaces_letter_id="LTR-2026-000001")
    text = normalized(pdf_text(render_letter(request, letterhead).pdf))
    assert "This letter replaces letter LTR-2026-000001" in text


def test_metadata_and_embedded_fonts(letterhead):
    pdf = render_letter(request_for("adverse"), letterhead).pdf
    info = subprocess.run([tool("pdfinfo"), "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    assert "Title:           We did not approve your request" in info
    assert "Author:          Example Health Plan" in info
    assert "Subject:         We did not approve your request \u2013 Case number PA-2026" in info
    fonts = subprocess.run([tool("pdffonts"), "-"], input=pdf, capture_output=True,
                           check=True).stdout.decode().splitlines()[2:]
    faces = {line.split()[0].split("+", 1)[-1] for line in fonts}
    assert faces == {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback",
                     "NotoNaskhArabic-Regular", "NotoSansDevanagari-Regular"}, fonts
    assert all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), fonts


def _words_on_page(pdf: bytes, page: int) -> list[tuple[float, float, float, float, str]]:
    """Word boxes in PDF points with the origin at the bottom left."""
    html = subprocess.run(
        [tool("pdftotext"), "-bbox", "-f", str(page + 1), "-l", str(page + 1), "-", "-"],
        input=pdf, capture_output=True, check=True).stdout.decode()
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html)[1])
    words = []
    for x1, y1, x2, y2, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
            html):
        words.append((float(x1), height - float(y2), float(x2), height - float(y1), word))
    return words


@pytest.mark.parametrize("recipient", RECIPIENTS)
@pytest.mark.parametrize("letter_type", LETTER_TYPES)
def test_signature_space_holds_no_text(letter_type, recipient, letterhead):
    rendered = render_letter(request_for(letter_type, recipient), letterhead)
    x1, y1, x2, y2 = rendered.signature.box
    assert rendered.signature.page < rendered.pages
    assert (round(x2 - x1), round(y2 - y1)) == (196, 62)
    words = _words_on_page(rendered.pdf, rendered.signature.page)
    assert any(w[4] == "Meaning" for w in words)
    inside = [w for w in words if w[0] < x2 and w[2] > x1 and w[1] < y2 and w[3] > y1]
    assert inside == []


def test_rendering_is_byte_stable_and_matches_the_golden(letterhead):
    request = request_for("approval", "member")
    first = render_letter(request, letterhead).pdf
    second = render_letter(request_for("approval", "member"), letterhead).pdf
    assert first == second
    text_hash = hashlib.sha256(normalized(pdf_text(first)).encode()).hexdigest()
    assert text_hash == GOLDEN_TEXT_SHA256, (
        f"the approval member letter's text changed; if intended, set GOLDEN_TEXT_SHA256 = "
        f"{text_hash!r}")
    expected = GOLDEN_PDF_SHA256.get(reportlab.Version)
    if expected is not None:
        pdf_hash = hashlib.sha256(first).hexdigest()
        assert pdf_hash == expected, (
            f"the approval member letter's bytes changed; if intended, set "
            f"GOLDEN_PDF_SHA256[{reportlab.Version!r}] = {pdf_hash!r}")


def _decided(doc: dict, letter_type: str, recipient: str, language: str = "en"):
    from casebuilder import parse

    from reviewer_app.core.criteria.evaluator import evaluate
    from reviewer_app.core.letters.examples import DECIDED_AT, PHYSICIAN, REASONS
    from reviewer_app.core.letters.request import LetterRequest

    case = parse(doc)
    return LetterRequest(
        letter_type=letter_type, recipient=recipient, case=case,
        determination=evaluate(case, "t"), decider=PHYSICIAN,
        decided_at=DECIDED_AT.replace(year=2027), letter_id="LTR-T-1",
        reason_text=REASONS[("adverse", recipient, language)],
    )


@pytest.mark.parametrize("kind", ["tumor", "augmentation", "decompression", "fusion", "mri"])
def test_every_criteria_set_words_its_reasons_in_both_languages(kind):
    """Each set's wording fills with a real member's values, and a failed requirement of each
    set shows up, with the member's own value, in the member letter."""
    from casebuilder import make_case

    from reviewer_app.core.letters.compose import compose
    from reviewer_app.core.letters.trace_reasons import member_slots

    doc = make_case(kind)
    request = _decided(doc, "adverse", "member")
    set_id = request.determination.criteria_set.id
    for language in ("en", "es"):
        wording = content(language)
        slots = member_slots(request.case, wording)
        for criterion in default_library().by_id[set_id].criteria:
            reason = wording.reason(set_id, criterion.id)
            for template in (reason.rule, reason.finding, reason.why, reason.change):
                assert "{" not in template.format_map(slots)
    failing = {
        "tumor": ("oncology.expected_survival_months", 2, "estimate of 2 months"),
        "augmentation": ("symptoms.pain_nrs", 3, "pain of 3 out of 10"),
        "decompression": ("prior_treatments", [], "0 weeks of other treatment"),
        "fusion": ("comorbidities.nicotine_use", True, "you use nicotine"),
        "mri": ("prior_treatments", [], "0 weeks of other treatment"),
    }[kind]
    from casebuilder import with_

    refused = _decided(with_(doc, failing[0], failing[1]), "adverse", "member")
    assert refused.determination.outcome == "refer_to_physician"
    assert failing[2] in compose(refused, load_letterhead()).prose()


def test_adverse_letter_without_a_criteria_set(letterhead):
    """A request no criteria set covers is decided by a physician on clinical grounds; the
    letters say so instead of naming a set."""
    from reviewer_app.core.letters.examples import case_for

    doc = case_for("adverse").to_json_dict()
    doc["service"]["procedures"] = [{"code": "22842", "system": "CPT", "units": 1}]
    member = _decided(doc, "adverse", "member")
    assert member.determination.outcome == "no_criteria_set"
    text = normalized(pdf_text(render_letter(member, letterhead).pdf))
    assert "We do not have written rules for this care" in text
    assert "22842" in text
    provider = _decided(doc, "adverse", "provider")
    text = normalized(pdf_text(render_letter(provider, letterhead).pdf))
    assert "No criteria set applies to this request" in text
    assert "No criteria set in the library covers this request" in text


def test_a_letter_dated_after_the_decision_shows_both_dates(letterhead):
    from reviewer_app.core.letters.compose import compose

    request = dataclasses.replace(request_for("adverse"), issued_on=dt.date(2026, 11, 27))
    text = compose(request, letterhead).text()
    assert "Date of letter November 27, 2026" in text
    assert "Decision date November 23, 2026" in text
    assert "The last day to appeal is May 26, 2027" in text
    same_day = compose(request_for("adverse"), letterhead).text()
    assert "Decision date" not in same_day


def test_partial_approval_of_fewer_levels(letterhead):
    from reviewer_app.core.letters.compose import compose

    request = dataclasses.replace(request_for("partial"), approved_levels=("L2", "L3"))
    text = compose(request, letterhead).text()
    assert "Spine levels L1-L3" in text, "what was asked for"
    assert "We approved it for spine levels L2-L3." in text
    assert "We did not approve care at spine levels L1." in text
    provider = compose(dataclasses.replace(request, recipient="provider"), letterhead).text()
    assert "Authorized levels: L2-L3." in provider
    assert "Not authorized at levels L1 (requested: L1-L3)." in provider
    assert "valid from" in provider and "at levels L2-L3" in provider


def test_a_partial_approval_of_every_code_at_fewer_levels_lists_no_code_as_denied(letterhead):
    from reviewer_app.core.letters.compose import compose

    request = request_for("partial")
    every = tuple(p.code for p in request.case.service.procedures)
    request = dataclasses.replace(request, approved_codes=every, approved_levels=("L1", "L2"))
    letter = compose(request, letterhead)
    assert request.denied == () and request.levels_denied == ("L3",)
    assert "We did not approve care at spine levels L3." in letter.text()


def test_a_request_for_information_may_ask_for_a_study_alone(letterhead):
    """Only CT of the fracture: nothing in the request is missing, but an MRI or a bone scan is
    (a pend whose missing items are all studies was refused a letter before)."""
    from casebuilder import make_case, parse

    from reviewer_app.core.criteria.evaluator import evaluate

    doc = make_case("augmentation")
    doc["imaging"][0]["modality"] = "CT"
    del doc["imaging"][0]["findings"]["marrow_edema"]
    case = parse(doc)
    determination = evaluate(case, "PA-CT-ONLY")
    assert determination.missing_information == [] and determination.missing_studies
    for recipient in RECIPIENTS:
        request = dataclasses.replace(request_for("pend", recipient), case=case,
                                      determination=determination)
        text = normalized(pdf_text(render_letter(request, letterhead).pdf))
        study = determination.missing_studies[0].text
        assert f"{study[0].upper()}{study[1:]}" in text
