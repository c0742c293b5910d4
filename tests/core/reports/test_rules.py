"""The rules files: the shipped ones load, and a broken one is refused with the file and the
entry named (no spaCy needed)."""

import shutil

import pytest

from reviewer_app.core import resources
from reviewer_app.core.reports.rules import (
    FINDINGS,
    ReportRulesError,
    compile_pattern,
    default_rules,
    load_rules,
)

PLACEHOLDERS = {"num": {"LIKE_NUM": True}, "level": {"LOWER": {"REGEX": "^l[1-5]$"}}}


def test_the_shipped_rules_load_and_cover_every_finding():
    rules = default_rules()
    assert set(rules.findings) == set(FINDINGS)
    assert {rule.label for rule in rules.targets} >= set(FINDINGS)
    assert {"findings", "impression"} <= rules.sections_read
    assert "indication" not in rules.sections_read
    assert len(rules.sha256) == 64


def test_pattern_notation():
    assert compile_pattern("burst -? type? fracture|fractures", PLACEHOLDERS) == [
        {"LOWER": "burst"}, {"LOWER": "-", "OP": "?"}, {"LOWER": "type", "OP": "?"},
        {"LOWER": {"IN": ["fracture", "fractures"]}},
    ]
    assert compile_pattern("<num> % <level>{0,2} ?", PLACEHOLDERS) == [
        {"LIKE_NUM": True}, {"LOWER": "%"}, {"LOWER": {"REGEX": "^l[1-5]$"}, "OP": "{0,2}"},
        {"LOWER": "?"},
    ]
    with pytest.raises(ValueError, match="unknown placeholder '<lvl>'"):
        compile_pattern("<lvl>", PLACEHOLDERS)
    with pytest.raises(ValueError, match="could match nothing"):
        compile_pattern("the? cord*", PLACEHOLDERS)
    with pytest.raises(ValueError, match="empty alternative"):
        compile_pattern("a||b", PLACEHOLDERS)


@pytest.fixture
def rules_copy(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(resources.path("reports"), folder)
    return folder


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(("old", "new", "message"), [
    ("  - finding: retropulsion\n    value: true",
     "  - finding: retropulsed\n    value: true",
     "targets[{n}] (retropulsed): not a finding of ur-case/1"),
    ("    value: burst\n", "    value: explosion\n", "'explosion' is not a value of fracture"),
    ('patterns: ["burst -?', 'patterns: ["<bone> burst -?', "unknown placeholder '<bone>'"),
    ("    order: [none, mild, moderate, severe]", "    order: [none, mild, severe]",
     "'moderate' is not in the order"),
    ("  infection:\n    negated: false\n    order: [false, true]\n", "",
     "findings.infection: every finding of ur-case/1 needs an entry"),
])
def test_a_broken_targets_file_is_refused(rules_copy, old, new, message):
    _edit(rules_copy / "targets.yaml", old, new)
    with pytest.raises(ReportRulesError) as caught:
        load_rules(rules_copy)
    lines = caught.value.lines()
    assert all(line.startswith(str(rules_copy / "targets.yaml")) for line in lines)
    if "{n}" in message:
        assert any(message.split("{n}")[1] in line for line in lines), lines
    else:
        assert any(message in line for line in lines), lines


def test_a_broken_modifier_or_section_is_refused(rules_copy):
    _edit(rules_copy / "modifiers.yaml", "category: HISTORICAL,", "category: HISTORIC,")
    with pytest.raises(ReportRulesError, match="'HISTORIC' is not one of"):
        load_rules(rules_copy)
    shutil.copy(resources.path("reports", "modifiers.yaml"), rules_copy / "modifiers.yaml")
    _edit(rules_copy / "sections.yaml", "read: true", "read: maybe")
    with pytest.raises(ReportRulesError, match="sections"):
        load_rules(rules_copy)


def test_an_unknown_key_is_refused(rules_copy):
    _edit(rules_copy / "levels.yaml", "joins:", "joints:")
    with pytest.raises(ReportRulesError, match="joints: unknown field"):
        load_rules(rules_copy)
