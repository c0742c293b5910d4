"""One label helper over one English label file and its translations: the rationale, the
letters and the window (tests/ui/widgets/test_wording.py) read the same words."""

from __future__ import annotations

from string import Formatter

import pytest
from casebuilder import evaluate_doc, make_case

from reviewer_app.core.criteria import input_labels
from reviewer_app.core.letters.content import content, languages

ALIGNMENT = "spinal alignment (normal, new deformity, subluxation or translation)"


def test_a_path_into_a_list_is_numbered_in_each_language():
    path = "imaging[1].findings.alignment"
    assert input_labels.label(path) == f"imaging study 2: {ALIGNMENT}"
    assert input_labels.label(path, numbered=False) == ALIGNMENT
    assert input_labels.label("prior_treatments[0].outcome").startswith("prior treatment 1: how")
    assert input_labels.label("imaging[2]") == "imaging study 3"
    assert input_labels.label(path, "es") == "estudio de imagen 2: la alineación de la columna"
    assert input_labels.label("scores.sins.total") == "SINS total"


def test_a_path_without_a_label_reads_as_itself_or_the_default():
    assert input_labels.label("oncology.no_such_input") == "oncology.no_such_input"
    assert input_labels.label("oncology.no_such_input", default="") == ""
    with pytest.raises(LookupError):
        input_labels.labels("xx")


def test_only_the_item_entries_have_a_number_slot():
    for language in languages():
        for key, words in input_labels.labels(language).items():
            slots = {name for _, name, _, _ in Formatter().parse(words) if name is not None}
            assert slots == ({"n"} if key in input_labels.ITEMS else set()), (language, key)


def test_the_letters_and_the_rationale_use_the_helper():
    doc = make_case("tumor")
    del doc["oncology"]["expected_survival_months"]
    determination = evaluate_doc(doc)
    [path] = determination["missing_information"]
    assert any(s.startswith(f"Missing: {input_labels.label(path)} ({path})")
               for s in determination["rationale"])
    for language in languages():
        assert content(language).input_label(path) == input_labels.label(path, language)
