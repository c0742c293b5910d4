"""Medicare Advantage denials and partial approvals as the CMS standard notice, read back with
poppler.

For every letter type (adverse, partial) x recipient x urgency x member language, the text
``pdftotext`` extracts must hold each element of the Integrated Denial Notice (CMS-10003-NDMCP)
and of 42 CFR 422.568-422.590; each check names its rule. The expectations are written here
from the rules and the form, not read from the wording files, so a changed window or a dropped
section fails.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from functools import cache

import pytest
import yaml
from poppler import height_at, tool, word_heights

from reviewer_app.core import resources
from reviewer_app.core.criteria.evaluator import evaluate
from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.errors import LetterContentError
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.idn_content import load_idn_content
from reviewer_app.core.letters.idn_layout import style_sizes
from reviewer_app.core.letters.medicare_idn import applies, compose_notice
from reviewer_app.core.letters.request import RECIPIENTS

MA = "medicare_advantage"
FILING_DAYS = 65
"""42 CFR 422.582(b) as amended by CMS-4205-F (89 FR 30448, Apr. 23, 2024), applicable from
2025-01-01: 65 calendar days from the date of the notice (CMS guidance update 2024-11-20)."""
MINIMUM_POINTS = 12
"""CMS-10003-NDMCP form instructions: "The notice must be provided in 12 point font"."""

RULES = {
    "en": {
        "title": "Notice of Denial of Medical Coverage",
        "form": "Form CMS-10003-NDMCP",
        "omb": "OMB Approval 0938-0829",
        "status": {"adverse": "denied", "partial": "partially approved"},
        "headings": [
            "Coverage for your medical services/items was {status}",
            "Why was coverage {status}?",
            "You have the right to appeal our decision",
            "If you want someone else to act for you",
            "There are 2 kinds of appeals",
            "How to ask for an appeal with Example Health Plan",
            "What happens next?",
            "Get help & more information",
        ],
        "header": ["Date:", "Member number:", "Name:"],
        "filing": f"within {FILING_DAYS} calendar days of the date listed at the top of this "
                  "notice",
        "standard": "written decision on a standard appeal within 30 days after we get your "
                    "appeal",
        "fast": "decision on a fast appeal within 72 hours after we get your appeal",
        "physician": "We’ll automatically give you a fast appeal if a doctor asks for one for "
                     "you or supports your request",
        "representative": ["act as your representative", "Form CMS-1696, Appointment of "
                           "Representative"],
        "medicare": ["1-800-MEDICARE (1-800-633-4227)", "Medicare Rights Center"],
        "timeframe": {"standard": "Type of request: Standard request",
                      "expedited": "Type of request: Fast (expedited) request (decided within "
                                   "72 hours)"},
        "deadline": "The last day to ask for an appeal is {date}",
        "date": lambda d: f"{d:%B} {d.day}, {d.year}",
    },
    "es": {
        "title": "Notificación de denegación de cobertura médica",
        "form": "Formulario CMS-10003-NDMCP",
        "omb": "Aprobación de OMB 0938-0829",
        "status": {"adverse": "denegada", "partial": "parcialmente aprobada"},
        "headings": [
            "La cobertura para sus servicios/artículos médicos fue {status}",
            "¿Por qué la cobertura fue {status}?",
            "Usted tiene derecho a apelar nuestra decisión",
            "Si quiere que otra persona actúe en su nombre",
            "Hay 2 tipos de apelaciones",
            "Cómo pedir una apelación a Example Health Plan",
            "¿Qué pasa después?",
            "Consiga ayuda y más información",
        ],
        "header": ["Fecha:", "Número de afiliado:", "Nombre:"],
        "filing": f"dentro de los {FILING_DAYS} días calendario a partir de la fecha que "
                  "figura al principio de esta notificación",
        "standard": "decisión por escrito sobre una apelación estándar dentro de los 30 días",
        "fast": "decisión sobre una apelación rápida dentro de las 72 horas",
        "physician": "Le daremos automáticamente una apelación rápida si un médico la pide por "
                     "usted o apoya su solicitud",
        "representative": ["actúe como su representante", "Formulario CMS-1696, Nombramiento "
                           "de representante"],
        "medicare": ["1-800-MEDICARE (1-800-633-4227)", "Medicare Rights Center"],
        "timeframe": {"standard": "Tipo de solicitud: Solicitud estándar",
                      "expedited": "Tipo de solicitud: Solicitud rápida (acelerada), decidida "
                                   "en 72 horas"},
        "deadline": "El último día para pedir una apelación es el {date}",
        "date": lambda d: f"{d.day} de {SPANISH_MONTHS[d.month - 1]} de {d.year}",
    },
}
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre")


def _request(letter_type: str, recipient: str, urgency: str, language: str):
    request = request_for(letter_type, recipient, MA, language)
    if urgency == request.case.urgency:
        return request
    case = request.case.model_copy(update={"urgency": urgency})
    return dataclasses.replace(request, case=case,
                               determination=evaluate(case, request.determination.case_ref))


@cache
def _rendered(letter_type: str, recipient: str, urgency: str, language: str):
    return render_letter(_request(letter_type, recipient, urgency, language))


def _text(pdf: bytes) -> str:
    raw = subprocess.run([tool("pdftotext"), "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return " ".join(raw.split())


@cache
def _twelve_point_height() -> float:
    return height_at(MINIMUM_POINTS)


MATRIX = [(t, r, u, lang) for t in ("adverse", "partial") for r in RECIPIENTS
          for u in ("standard", "expedited") for lang in ("en", "es")]


@pytest.mark.parametrize(("letter_type", "recipient", "urgency", "language"), MATRIX)
def test_notice_elements(letter_type, recipient, urgency, language):
    request = _request(letter_type, recipient, urgency, language)
    assert applies(request)
    text = _text(_rendered(letter_type, recipient, urgency, language).pdf)
    wording = "en" if recipient == "provider" else language
    rules = RULES[wording]
    status = rules["status"][letter_type]

    def check(expected: str, rule: str) -> None:
        assert expected in text, f"{rule}: {expected!r} is missing from the {wording} notice"

    check(rules["title"], "42 CFR 422.568(e)(1): approved notice, CMS-10003-NDMCP title")
    check(rules["omb"], "CMS-10003-NDMCP instructions: the OMB control number is displayed")
    check(rules["form"], "CMS-10003-NDMCP: the form number is printed")
    for label in rules["header"]:
        check(label, "CMS-10003-NDMCP header: date, member number, name")
    for heading in rules["headings"]:
        check(heading.format(status=status), "CMS-10003-NDMCP section heading")
    check(rules["filing"], "42 CFR 422.582(b) (as amended for 2025): 65 calendar days from the "
                           "notice date")
    deadline = request.date + dt.timedelta(days=FILING_DAYS)
    check(rules["deadline"].format(date=rules["date"](deadline)),
          "42 CFR 422.582(b): the last day, 65 days after the notice date")
    assert "60 calendar days" not in text and "60 días calendario" not in text, (
        "42 CFR 422.582(b): the superseded 60-day window must not be printed")
    check(rules["standard"], "42 CFR 422.590(a)(1): standard pre-service appeal within 30 days")
    check(rules["fast"], "42 CFR 422.590(e)(1): fast appeal within 72 hours")
    check(rules["physician"], "42 CFR 422.584(c)(2)(ii): a physician-made or -supported "
                              "request is expedited")
    for expected in rules["representative"]:
        check(expected, "42 CFR 422.561; Parts C & D appeals guidance section 20: naming a "
                        "representative (Form CMS-1696)")
    for expected in rules["medicare"]:
        check(expected, "CMS-10003-NDMCP 'Get help & more information': the word Medicare")
    check(rules["timeframe"][urgency], "42 CFR 422.570/422.572: the notice says whether the "
                                       "request was decided as expedited")
    check(request.case.member.id, "CMS-10003-NDMCP header: member number")
    check(" ".join(request.reason_text.split()), "42 CFR 422.568(e)(2): the specific reason")
    check(request.determination.criteria_set.id, "42 CFR 422.568(e)(2): the policy applied")
    for code in request.denied:
        check(code, "CMS-10003-NDMCP: the services not covered are listed")
    if letter_type == "partial":
        check(request.authorization_number, "partial approval: the authorization of the part "
                                            "approved")
    check("1-800-555-0102", "CMS-10003-NDMCP instructions: the plan's appeal phone number")
    check("PO Box 2000", "CMS-10003-NDMCP instructions: where to send a standard appeal")
    check("Maria Chen, MD", "a determination letter is signed by the physician who decided")
    if recipient == "provider":
        check("expedited appeal", "42 CFR 422.584(a): the physician may request an expedited "
                                  "reconsideration")
        check("Criteria trace", "provider letters carry the criteria trace")


@pytest.mark.parametrize(("letter_type", "recipient", "urgency", "language"), MATRIX)
def test_notice_type_is_at_least_12_points(letter_type, recipient, urgency, language):
    """CMS-10003-NDMCP instructions: "The notice must be provided in 12 point font". Every
    word poppler finds is at least as tall as a word set at 12 pt."""
    pdf = _rendered(letter_type, recipient, urgency, language).pdf
    floor = _twelve_point_height() - 0.05
    small = sorted({word for height, word in word_heights(pdf) if height < floor})
    assert small == [], f"CMS-10003-NDMCP 12 point font: words set smaller: {small[:10]}"


def test_every_notice_style_is_at_least_12_points():
    """CMS-10003-NDMCP instructions: 12 point font, captions and table cells included."""
    sizes = style_sizes(MINIMUM_POINTS)
    assert min(sizes.values()) >= MINIMUM_POINTS, sizes


def test_a_spanish_member_gets_the_whole_notice_in_spanish_and_the_provider_in_english():
    """CMS-10003-NDMCP instructions: with the Spanish notice, the insertions are in Spanish;
    the provider's copy stays in English (provider letters are English)."""
    member = _text(_rendered("adverse", "member", "standard", "es").pdf)
    for english in ("Notice of Denial", "Why was coverage", "You have the right to appeal",
                    "How to ask for an appeal", "Standard appeal", "Get help"):
        assert english not in member, f"English form text {english!r} in the Spanish notice"
    assert "Su resonancia magnética muestra el tumor" in member
    provider = _text(_rendered("adverse", "provider", "standard", "es").pdf)
    assert "Notice of Denial of Medical Coverage" in provider
    assert "Notificación de denegación" not in provider


def test_only_medicare_advantage_denials_use_the_notice():
    assert not applies(request_for("adverse", "member", "commercial"))
    assert not applies(request_for("adverse", "member", "medicaid"))
    assert not applies(request_for("approval", "member", MA))
    assert not applies(request_for("pend", "member", MA))
    with pytest.raises(ValueError, match="CMS denial notice is for Medicare Advantage"):
        from reviewer_app.core.letters.letterhead import load_letterhead

        compose_notice(request_for("adverse", "member", "commercial"), load_letterhead())


def test_the_form_pages_carry_the_form_footer_and_the_plan_pages_do_not():
    """The OMB number belongs to the CMS form; the plan's own pages after it say they are not
    part of the form."""
    rendered = _rendered("adverse", "member", "standard", "en")
    pages = []
    for page in range(1, rendered.pages + 1):
        raw = subprocess.run([tool("pdftotext"), "-raw", "-f", str(page), "-l", str(page), "-",
                              "-"], input=rendered.pdf, capture_output=True,
                             check=True).stdout.decode("utf-8")
        pages.append(" ".join(raw.split()))
    plan = next(i for i, text in enumerate(pages) if "More about this decision" in text)
    assert plan > 1
    assert all("OMB Approval 0938-0829" in text for text in pages[:plan])
    assert not any("OMB Approval 0938-0829" in text for text in pages[plan:])
    assert "These pages are not part of the Medicare form" in pages[plan]


def test_the_notice_is_signed_and_verifies(unlocked, ca_roots):
    """The notice goes through the same PAdES signing and verification as every letter."""
    from reviewer_app.core.letters.sign import sign_letter
    from reviewer_app.core.letters.verify import verify_pdf

    for letter_type in ("adverse", "partial"):
        rendered = _rendered(letter_type, "member", "standard", "es")
        report = verify_pdf(sign_letter(rendered, unlocked), ca_roots)
        assert report.ok and report.signer == "Maria Chen, MD", report.lines()


def test_signature_space_holds_no_text():
    rendered = _rendered("partial", "provider", "expedited", "en")
    x1, y1, x2, y2 = rendered.signature.box
    html = subprocess.run([tool("pdftotext"), "-bbox", "-f", str(rendered.signature.page + 1),
                           "-l", str(rendered.signature.page + 1), "-", "-"], input=rendered.pdf,
                          capture_output=True, check=True).stdout.decode("utf-8")
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html)[1])
    inside = [w for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html)
        if float(a) < x2 and float(c) > x1 and height - float(d) < y2 and height - float(b) > y1]
    assert inside == []


def test_rendering_is_byte_stable():
    request = _request("adverse", "member", "standard", "en")
    assert render_letter(request).pdf == render_letter(request).pdf


def _copy(tmp_path, change):
    source = resources.path("letters", "medicare_idn", "en.yaml")
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(document)
    target = tmp_path / "en.yaml"
    target.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return target


def test_the_filing_window_must_be_the_rule_applied(tmp_path):
    """42 CFR 422.582(b): a copy that still says 60 days is refused."""
    path = _copy(tmp_path, lambda d: d["numbers"]["filing_days"].update(value=60))
    with pytest.raises(LetterContentError, match=re.escape(
            "numbers.filing_days: is 60; the rule applied is 65")):
        load_idn_content(path)


def test_a_passage_needs_its_source(tmp_path):
    path = _copy(tmp_path, lambda d: d["rights"]["fast_doctor"].pop("source"))
    with pytest.raises(LetterContentError, match=re.escape(
            "rights.fast_doctor.source: required field")):
        load_idn_content(path)


def test_unknown_slots_and_small_type_are_refused(tmp_path):
    def change(document):
        document["rights"]["fast"]["text"] += " Call {appeal_phone}."
        document["type_size"]["value"] = 10

    with pytest.raises(LetterContentError) as error:
        load_idn_content(_copy(tmp_path, change))
    text = "\n".join(error.value.lines())
    assert "rights.fast.text: unknown slot {appeal_phone}" in text
    assert "type_size: is 10 pt" in text, "CMS-10003-NDMCP instructions: 12 point font"


@pytest.fixture(scope="module")
def unlocked():
    from storekit import PASSPHRASE
    from storekit import reviewer_key as issued_key

    from reviewer_app.core.letters.keys import unlock

    return unlock(issued_key("Maria Chen", "MD", "physician").pkcs12, PASSPHRASE)


@pytest.fixture(scope="module")
def ca_roots():
    from storekit import organization

    from reviewer_app.core.letters.verify import load_certificates

    return load_certificates(organization()[0].certificate_pem)
