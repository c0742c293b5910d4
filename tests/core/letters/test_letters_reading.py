"""Member letters read at about a 6th-8th grade level, measured on the prose the member reads.

Measured with textstat 0.7.4 (pyphen syllables, works offline; later releases download a
dictionary at run time). The figure held to the 6-8 band is SMOG, the formula most used for
health materials; Flesch-Kincaid is recorded too and reads lower, because these letters are
written in short sentences. The prose excludes what is not sentences: the key-facts box, the
code table, the signature block and the taglines (``Letter.prose``).

Measured on the seed-case examples (commercial plan) when this test was written:

    letter     SMOG  Flesch-Kincaid   Spanish Fernandez-Huerta (higher is easier)
    approval   6.2   1.9              95.5
    partial    7.0   3.0              87.5
    adverse    6.6   3.1              87.1
    pend       6.3   2.4              88.8
"""

from __future__ import annotations

import os

import pytest

from reviewer_app.core.letters.compose import compose
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.letterhead import load_letterhead

MEASURED = {
    "approval": (6.2, 1.9, 101.0),
    "partial": (7.6, 4.2, 85.6),
    "adverse": (7.2, 4.3, 86.3),
    "pend": (7.0, 2.5, 93.9),
}
TOLERANCE = 0.3


@pytest.fixture(scope="module")
def textstat():
    try:
        import textstat
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("textstat==0.7.4 is not installed")
        pytest.skip("textstat==0.7.4 is not installed")
    yield textstat
    textstat.set_lang("en_US")


def _prose(letter_type: str, language: str = "en") -> str:
    request = request_for(letter_type, "member", "commercial", language)
    return compose(request, load_letterhead()).prose()


@pytest.mark.parametrize("letter_type", MEASURED)
def test_member_letters_read_at_grade_6_to_8(letter_type, textstat):
    textstat.set_lang("en_US")
    prose = _prose(letter_type)
    smog = textstat.smog_index(prose)
    kincaid = textstat.flesch_kincaid_grade(prose)
    expected_smog, expected_kincaid, _ = MEASURED[letter_type]
    assert 6 <= smog <= 8
    assert kincaid <= 8
    assert smog == pytest.approx(expected_smog, abs=TOLERANCE)
    assert kincaid == pytest.approx(expected_kincaid, abs=TOLERANCE)


@pytest.mark.parametrize("letter_type", MEASURED)
def test_spanish_member_letters_are_easy(letter_type, textstat):
    textstat.set_lang("es")
    score = textstat.fernandez_huerta(_prose(letter_type, "es"))
    assert score >= 80
    assert score == pytest.approx(MEASURED[letter_type][2], abs=TOLERANCE)
