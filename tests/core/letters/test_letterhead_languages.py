"""The letterhead's free texts (plan provision, consumer assistance, Medicaid policy) in each
letter language: a Spanish member letter prints the Spanish text, the shipped Spanish sentence
where the organization gave none, and is refused where it gave only the English one; provider
letters stay English; a letterhead written with one string per text still loads, as English.
Read back from the rendered PDFs with poppler."""

from __future__ import annotations

import functools

import pytest
from test_letters_pdf import normalized, pdf_text

from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.content import content
from reviewer_app.core.letters.errors import LetterContentError, LetterRefused
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.letterhead import (
    FREE_TEXTS,
    Letterhead,
    load_letterhead,
    save_letterhead,
)
from reviewer_app.core.letters.settings import letterhead_document

PROVISION = {"en": "Certificate of Coverage, section 7.3",
             "es": "el Certificado de Cobertura, sección 7.3"}
ASSISTANCE = {"en": "the Illinois Office of Consumer Health Insurance, 1-877-527-9431",
              "es": "la Oficina del Consumidor de Seguros de Salud de Illinois, 1-877-527-9431"}
POLICY = {"en": "89 Ill. Adm. Code 140.40 (medical necessity)",
          "es": "89 Ill. Adm. Code 140.40 (necesidad médica)"}


@functools.cache
def shipped() -> Letterhead:
    return load_letterhead()


def with_texts(**texts) -> Letterhead:
    return Letterhead.model_validate({**letterhead_document(shipped()), **texts})


def text_of(letterhead: Letterhead, kind="adverse", recipient="member", lob="commercial",
            language="es") -> str:
    request = request_for(kind, recipient, lob, language)
    return normalized(pdf_text(render_letter(request, letterhead).pdf))


def words(language: str, key: str) -> str:
    return normalized(getattr(content(language).words, key))


@pytest.mark.parametrize("kind", ["adverse", "partial"])
def test_a_spanish_commercial_letter_prints_the_spanish_texts(kind):
    text = text_of(with_texts(plan_provision=PROVISION, consumer_assistance=ASSISTANCE),
                   kind=kind)
    assert f"Basamos esta decisión en {PROVISION['es']}." in text
    assert ASSISTANCE["es"] in text
    assert PROVISION["en"] not in text and ASSISTANCE["en"] not in text


def test_a_spanish_medicaid_letter_prints_the_spanish_policy():
    text = text_of(with_texts(medicaid_policy=POLICY), lob="medicaid")
    assert f"Las reglas de esta decisión son {POLICY['es']}" in text
    assert POLICY["en"] not in text


def test_no_text_at_all_gives_the_shipped_sentence_in_the_letter_language():
    """Each free text has a shipped default in every wording file."""
    commercial = text_of(shipped())
    assert words("es", "plan_provision") in commercial
    assert words("es", "consumer_assistance") in commercial
    assert words("es", "medicaid_policy") in text_of(shipped(), lob="medicaid")


@pytest.mark.parametrize(("key", "lob", "kind"), [
    ("plan_provision", "commercial", "adverse"),
    ("consumer_assistance", "commercial", "partial"),
    ("medicaid_policy", "medicaid", "adverse"),
])
def test_a_text_given_in_english_only_refuses_the_spanish_letter_that_prints_it(key, lob, kind):
    """The organization's own provision or contact must reach the member (29 CFR
    2560.503-1(g)(1)(ii); 45 CFR 147.136(b)(2)(ii)(E)(5); 42 CFR 431.210(c)): a general
    sentence in its place would hide it, the English words would break the letter's
    language, so the letter is refused, naming the setting to fill."""
    only_english = with_texts(**{key: {"en": {"plan_provision": PROVISION,
                                               "consumer_assistance": ASSISTANCE,
                                               "medicaid_policy": POLICY}[key]["en"]}})
    with pytest.raises(LetterRefused, match=rf"{key}\.es"):
        render_letter(request_for(kind, "member", lob, "es"), only_english)
    english = text_of(only_english, kind=kind, lob=lob, language="en")
    assert {"plan_provision": PROVISION, "consumer_assistance": ASSISTANCE,
            "medicaid_policy": POLICY}[key]["en"] in english


def test_a_letter_that_does_not_print_the_text_is_not_refused():
    only_english = with_texts(plan_provision={"en": PROVISION["en"]})
    text = text_of(only_english, kind="approval")
    assert PROVISION["en"] not in text


def test_provider_letters_print_the_english_text_for_a_spanish_speaking_member():
    head = with_texts(plan_provision=PROVISION, consumer_assistance=ASSISTANCE)
    request = request_for("adverse", "provider", "commercial", "es")
    text = normalized(pdf_text(render_letter(request, head).pdf))
    assert f"Plan provision: {PROVISION['en']}" in text
    assert PROVISION["es"] not in text and ASSISTANCE["es"] not in text


def test_a_letterhead_with_one_string_per_text_loads_as_english(tmp_path):
    """Letterheads written before the texts had languages (``plan_provision: "..."``)."""
    path = tmp_path / "letterhead.yaml"
    old = letterhead_document(shipped())
    old.update(plan_provision=PROVISION["en"], consumer_assistance=ASSISTANCE["en"],
               medicaid_policy=POLICY["en"])
    import yaml

    path.write_text(yaml.safe_dump(old, allow_unicode=True), encoding="utf-8")
    loaded = load_letterhead(path)
    for key, value in (("plan_provision", PROVISION), ("consumer_assistance", ASSISTANCE),
                       ("medicaid_policy", POLICY)):
        assert getattr(loaded, key) == {"en": value["en"]}
        assert loaded.free_text(key, "es") is None
    assert PROVISION["en"] in text_of(loaded, language="en")

    document = letterhead_document(loaded)
    document["plan_provision"] = {**document["plan_provision"], "es": PROVISION["es"]}
    again = save_letterhead(path, document)
    assert again.plan_provision == PROVISION
    assert "es: el Certificado de Cobertura" in path.read_text(encoding="utf-8")


def test_blank_texts_are_left_out():
    head = with_texts(plan_provision={"en": PROVISION["en"], "es": "  "}, medicaid_policy="")
    assert head.plan_provision == {"en": PROVISION["en"]} and head.medicaid_policy is None


@pytest.mark.parametrize("key", FREE_TEXTS)
def test_an_english_text_given_as_the_spanish_one_is_refused_at_its_key(tmp_path, key):
    path = tmp_path / "letterhead.yaml"
    document = {**letterhead_document(shipped()),
                key: {"en": PROVISION["en"], "es": "the plan documents of your health plan"}}
    with pytest.raises(LetterContentError) as refused:
        save_letterhead(path, document)
    assert [p.field for p in refused.value.problems] == [f"{key}.es"]
    assert "reads as English" in refused.value.problems[0].message
    assert not path.exists()


def test_a_language_the_letters_are_not_written_in_is_refused(tmp_path):
    document = {**letterhead_document(shipped()),
                "plan_provision": {"en": PROVISION["en"], "fr": "le contrat, section 7.3"}}
    with pytest.raises(LetterContentError) as refused:
        save_letterhead(tmp_path / "letterhead.yaml", document)
    problem = refused.value.problems[0]
    assert problem.field == "plan_provision" and "'fr'" in problem.message


# -- The State's fair hearing window (42 CFR 438.408(f)(2): 90 to 120 days, set by the State) --

HEARING_RULE = "42 CFR 438.408(f)(2): the State's window, 90 to 120 days"


@pytest.mark.parametrize(("recipient", "language", "words"), [
    ("member", "en", "within 90 days of the date of our appeal letter"),
    ("member", "es", "dentro de los 90 días desde la fecha de nuestra carta"),
    ("provider", "en", "within 90 days of the appeal decision"),
])
def test_a_medicaid_letter_gives_the_states_fair_hearing_window(recipient, language, words):
    head = with_texts(medicaid_fair_hearing_days=90)
    text = text_of(head, recipient=recipient, lob="medicaid", language=language)
    assert words in text, f"{HEARING_RULE}: the window the State set"
    assert "120 days" not in text and "120 días" not in text, f"{HEARING_RULE}: one window"
    assert "within 120 days" in text_of(shipped(), recipient=recipient, lob="medicaid",
                                        language="en")


@pytest.mark.parametrize("days", [89, 121, 60])
def test_a_fair_hearing_window_the_rule_does_not_allow_is_refused(tmp_path, days):
    path = tmp_path / "letterhead.yaml"
    with pytest.raises(LetterContentError) as refused:
        save_letterhead(path, {**letterhead_document(shipped()),
                               "medicaid_fair_hearing_days": days})
    assert [p.field for p in refused.value.problems] == ["medicaid_fair_hearing_days"]
    assert not path.exists()


def test_a_letterhead_without_the_window_keeps_120_days(tmp_path):
    document = letterhead_document(shipped())
    del document["medicaid_fair_hearing_days"]
    assert Letterhead.model_validate(document).medicaid_fair_hearing_days == 120
