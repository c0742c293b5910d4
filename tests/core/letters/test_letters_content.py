"""Letter wording and letterhead files: what ships loads, and a broken copy is refused with the
file and the key named."""

from __future__ import annotations

import pytest
import yaml

from reviewer_app.core import resources
from reviewer_app.core.criteria.library import default_library
from reviewer_app.core.letters import content as letter_content
from reviewer_app.core.letters.content import content, languages, load_content, member_language
from reviewer_app.core.letters.errors import LetterContentError
from reviewer_app.core.letters.letterhead import load_letterhead

EN = resources.path("letters", "en.yaml")
ES = resources.path("letters", "es.yaml")


def _copy(tmp_path, source, name=None, change=None):
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    if change:
        change(document)
    target = tmp_path / (name or source.name)
    target.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return target


def _problems(error: LetterContentError) -> str:
    return "\n".join(error.lines())


def test_shipped_languages_load():
    assert languages() == ("en", "es")
    assert content("en").provider is not None
    assert content("es").provider is None
    assert load_letterhead().organization


def test_member_language_falls_back_to_english():
    assert member_language("es-MX") == "es"
    assert member_language("ES") == "es"
    assert member_language("fr") == "en"


def test_every_criterion_has_member_wording_in_every_language():
    for language in languages():
        reasons = content(language).reasons
        for criteria_set in default_library().sets:
            for criterion in criteria_set.criteria:
                wording = reasons[criteria_set.id][criterion.id]
                assert wording.rule and wording.finding and wording.why and wording.change


def test_unknown_key_names_file_and_key(tmp_path):
    path = _copy(tmp_path, EN, change=lambda d: d["member"]["adverse"].update(intro2="x"))
    with pytest.raises(LetterContentError) as error:
        load_content(path)
    text = _problems(error.value)
    assert str(path) in text
    assert "member.adverse.intro2" in text
    assert "unknown field" in text


def test_missing_key_is_refused(tmp_path):
    path = _copy(tmp_path, EN, change=lambda d: d["member"]["rights"].pop("expedited"))
    with pytest.raises(LetterContentError) as error:
        load_content(path)
    assert "member.rights.expedited: required field is missing" in _problems(error.value)


def test_unknown_slot_is_refused(tmp_path):
    def change(document):
        document["member"]["rights"]["appeal"] += " Call {appeal_phone}."

    with pytest.raises(LetterContentError) as error:
        load_content(_copy(tmp_path, EN, change=change))
    assert "member.rights.appeal: unknown slot {appeal_phone}" in _problems(error.value)


def test_reason_slots_are_language_neutral_values_only(tmp_path):
    def change(document):
        document["reasons"]["lumbar-fusion"]["nicotine-free"]["finding"] = "{procedure}"

    with pytest.raises(LetterContentError) as error:
        load_content(_copy(tmp_path, EN, change=change))
    assert "reasons.lumbar-fusion.nicotine-free.finding: unknown slot {procedure}" in _problems(
        error.value)


def test_wording_must_cover_the_criteria_library(tmp_path):
    def change(document):
        document["reasons"]["lumbar-fusion"].pop("nicotine-free")
        document["reasons"]["lumbar-fusion"]["no-such-criterion"] = (
            document["reasons"]["lumbar-fusion"]["diabetes-controlled"])

    with pytest.raises(LetterContentError) as error:
        load_content(_copy(tmp_path, EN, change=change))
    text = _problems(error.value)
    assert "reasons.lumbar-fusion.nicotine-free: member wording is missing" in text
    assert "reasons.lumbar-fusion.no-such-criterion: the set has no criterion" in text


def test_translation_must_name_every_input(tmp_path):
    path = _copy(tmp_path, ES, change=lambda d: d["inputs"].pop("oncology.kps"))
    with pytest.raises(LetterContentError) as error:
        load_content(path)
    assert "inputs.oncology.kps: the name of this input is missing" in _problems(error.value)


def test_file_name_must_match_language(tmp_path):
    with pytest.raises(LetterContentError) as error:
        load_content(_copy(tmp_path, ES, name="pt.yaml"))
    assert "language: is 'es' but the file is named pt.yaml" in _problems(error.value)


def test_character_without_a_glyph_is_refused(tmp_path):
    def change(document):
        document["member"]["closing"] = "Sincerely, \u0915"

    with pytest.raises(LetterContentError) as error:
        load_content(_copy(tmp_path, EN, change=change))
    assert "member.closing: the letter font cannot draw" in _problems(error.value)


def test_letterhead_unknown_key_and_bad_tagline(tmp_path):
    def change(document):
        document["websit"] = "https://example.org"
        document["taglines"][0]["text"] = "Call {phone_number}."

    path = _copy(tmp_path, resources.path("letters", "letterhead.yaml"), change=change)
    with pytest.raises(LetterContentError) as error:
        load_letterhead(path)
    text = _problems(error.value)
    assert f"{path}: websit: unknown field" in text


def test_letterhead_tagline_slot_and_font_coverage(tmp_path):
    def change(document):
        document["taglines"][0]["text"] = "Call {phone_number}."
        document["taglines"][1]["text"] = "BENGALI (বাংলা): No Bengali font is shipped"
        document["taglines"][2]["text"] = "CHINESE: \U00013000 {phone}"

    path = _copy(tmp_path, resources.path("letters", "letterhead.yaml"), change=change)
    with pytest.raises(LetterContentError) as error:
        load_letterhead(path)
    text = _problems(error.value)
    assert "taglines[0].text: unknown slot {phone_number}" in text
    assert ("taglines[1].text: the 'es' tagline cannot be set: no shipped font can set Indic "
            "(Bengali, Gurmukhi, Gujarati, Tamil and others) script (it needs shaping)") in text
    assert "taglines[2].text: the 'zh' tagline cannot be set: no shipped font can draw" in text


def test_letterhead_refuses_a_phone_number_reversed_in_arabic(tmp_path):
    """Without left-to-right marks around it, the number's hyphens take the Arabic direction
    and its groups print in reverse order (UAX #9): the load says so and how to mark it."""
    def change(document):
        arabic = next(t for t in document["taglines"] if t["language"] == "ar")
        arabic["text"] = arabic["text"].replace("\u200e", "")

    path = _copy(tmp_path, resources.path("letters", "letterhead.yaml"), change=change)
    with pytest.raises(LetterContentError) as error:
        load_letterhead(path)
    assert ("the 'ar' tagline would print '1-800-555-0100' out of order in its right-to-left "
            "text; put a left-to-right mark (U+200E)") in _problems(error.value)


def test_letterhead_with_a_fallback_line_still_loads(tmp_path):
    """Letterheads saved while Arabic and Hindi could not be set carry a ``fallback`` line."""
    def change(document):
        for tagline in document["taglines"]:
            if tagline["language"] in ("ar", "hi"):
                tagline["fallback"] = "For free help from an interpreter, call {phone}."

    path = _copy(tmp_path, resources.path("letters", "letterhead.yaml"), change=change)
    assert load_letterhead(path).taglines == load_letterhead().taglines


def test_letterhead_logo_is_resolved_next_to_the_file(tmp_path):
    from PIL import Image

    Image.new("RGB", (60, 30), "navy").save(tmp_path / "logo.png")
    path = _copy(tmp_path, resources.path("letters", "letterhead.yaml"),
                 change=lambda d: d.update(logo="logo.png"))
    assert load_letterhead(path).logo == tmp_path / "logo.png"
    missing = _copy(tmp_path, resources.path("letters", "letterhead.yaml"), name="other.yaml",
                    change=lambda d: d.update(logo="absent.png"))
    with pytest.raises(LetterContentError, match="logo: no such file"):
        load_letterhead(missing)


def test_dates_in_each_language():
    import datetime as dt

    moment = dt.datetime(2026, 11, 24, 15, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert content("en").dates.format_datetime(moment) == (
        "November 24, 2026, 3:05 p.m. (UTC-05:00)")
    assert content("es").dates.format_datetime(moment) == (
        "24 de noviembre de 2026, 15:05 (UTC-05:00)")
    assert letter_content.content("es").input_label("imaging[1].findings.fracture") == (
        "estudio de imagen 2: si hay una fractura y de qué tipo")
