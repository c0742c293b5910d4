"""The rules for reading radiology reports (``resources/reports/*.yaml``), validated on load.

Nothing here imports spaCy: the rules are checked against ur-case/1 (every finding and value a
rule names must be one the case format has) and compiled into medspaCy's token-pattern form;
``pipeline.py`` hands them to medspaCy. The pattern notation is described in
``resources/reports/README.md``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from reviewer_app.core import resources
from reviewer_app.core.case import Findings
from reviewer_app.core.errors import InputError, Problem
from reviewer_app.core.yaml_files import read_model

FINDINGS: tuple[str, ...] = tuple(Findings.model_fields)

CONTEXT_CATEGORIES = (
    "NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HISTORICAL", "HYPOTHETICAL", "ELSEWHERE",
    "PSEUDO", "TERMINATE",
)
DIRECTIONS = ("FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO")

TokenPattern = list[dict[str, Any]]


class ReportRulesError(InputError):
    """A rules file that cannot be used as it stands."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Band(_Data):
    max: float
    value: Any


class NumberRange(_Data):
    min: float
    max: float


class FindingSpec(_Data):
    negated: Any = None
    """The value a negated mention gives; None: a negated mention proposes nothing."""
    order: list[Any] | None = None
    number: NumberRange | None = None
    implies: dict[str, list[Band]] = {}
    needs_words: list[str] = []
    inner_levels: Literal["use", "ignore"] = "use"

    @model_validator(mode="after")
    def _order_or_number(self) -> FindingSpec:
        if (self.order is None) == (self.number is None):
            raise ValueError("give either 'order' (the values, least first) or 'number'")
        return self


class TargetSpec(_Data):
    finding: str
    value: Any = None
    """Absent: the rule names the finding without its value."""
    number: bool = False
    negatable: bool = True
    """False: a negated mention gives nothing ("no abscess" does not rule out discitis)."""
    also: dict[str, Any] = {}
    patterns: list[str] = Field(min_length=1)

    @property
    def has_value(self) -> bool:
        return "value" in self.model_fields_set

    @model_validator(mode="after")
    def _value_or_number(self) -> TargetSpec:
        if self.number and self.has_value:
            raise ValueError("a number rule takes its value from the text: drop 'value'")
        return self


class TargetsFile(_Data):
    format: Literal["ur-report-targets/1"]
    findings: dict[str, FindingSpec]
    ignore: list[str] = []
    targets: list[TargetSpec] = Field(min_length=1)


class LevelsFile(_Data):
    format: Literal["ur-report-levels/1"]
    level: str
    level_tail: str
    joins: list[str] = Field(min_length=1)
    coordinators: list[str] = []
    patterns: list[str] = Field(min_length=1)
    not_levels: list[str] = []


class ModifierSpec(_Data):
    category: str
    direction: str
    patterns: list[str] = Field(min_length=1)
    max_scope: int | None = Field(default=None, ge=1)
    terminated_by: list[str] = []


class ModifiersFile(_Data):
    format: Literal["ur-report-modifiers/1"]
    modifiers: list[ModifierSpec] = Field(min_length=1)


class SectionSpec(_Data):
    category: str = Field(pattern=r"^[a-z_]+$")
    read: bool
    headers: list[str] = Field(min_length=1)


class SectionsFile(_Data):
    format: Literal["ur-report-sections/1"]
    sections: list[SectionSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Rule:
    """One compiled medspaCy rule: its label (a finding, LEVEL, a ConText category, a section),
    the literal it is known by, and its token pattern."""

    label: str
    literal: str
    pattern: TokenPattern
    value: Any = None
    has_value: bool = False
    number: bool = False
    negatable: bool = True
    also: tuple[tuple[str, Any], ...] = ()
    direction: str | None = None
    max_scope: int | None = None
    terminated_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportRules:
    findings: dict[str, FindingSpec]
    targets: tuple[Rule, ...]
    levels: tuple[Rule, ...]
    level_words: LevelsFile
    modifiers: tuple[Rule, ...]
    sections: tuple[Rule, ...]
    sections_read: frozenset[str]
    source: str
    sha256: str
    """Of the four files as read: which rules produced a reading (recorded with it)."""

    def spec(self, finding: str) -> FindingSpec:
        return self.findings[finding]


IGNORED = "IGNORED"
LEVEL_GROUP = "ur_levels"
"""The span group the level matcher writes to (doc.ents holds the findings)."""
LEVEL = "LEVEL"
NOT_LEVEL = "NOT_LEVEL"

_OP = re.compile(r"(.+?)(\{\d*,\d*\}|[?*+])")


def compile_pattern(text: str, placeholders: dict[str, dict[str, Any]]) -> TokenPattern:
    """``"burst -? type? fracture|fractures"`` -> a spaCy token pattern (README.md of the rules).

    Raises ValueError naming what is wrong with the notation."""
    pattern: TokenPattern = []
    for word in text.split():
        match = _OP.fullmatch(word)
        body, op = match.groups() if match else (word, None)
        if body.startswith("<") and body.endswith(">"):
            name = body[1:-1]
            if name not in placeholders:
                raise ValueError(f"unknown placeholder '{body}' (known: "
                                 + ", ".join(f"<{p}>" for p in placeholders) + ")")
            token = dict(placeholders[name])
        else:
            words = body.split("|")
            if any(not w for w in words):
                raise ValueError(f"empty alternative in '{word}'")
            token = {"LOWER": words[0]} if len(words) == 1 else {"LOWER": {"IN": words}}
        if op:
            token["OP"] = op
        pattern.append(token)
    if not pattern:
        raise ValueError("empty pattern")
    if all(token.get("OP") in ("?", "*") or str(token.get("OP", "")).startswith("{0")
           for token in pattern):
        raise ValueError("every token is optional: the pattern could match nothing")
    return pattern


def _check_value(finding: str, value: Any) -> str | None:
    try:
        Findings.model_validate({finding: value}, strict=True)
    except ValidationError:
        return f"{value!r} is not a value of {finding}"
    return None


def _compile(problems: list[Problem], where: str, text: str, placeholders) -> TokenPattern | None:
    try:
        return compile_pattern(text, placeholders)
    except ValueError as error:
        problems.append(Problem(where, f"pattern '{text}': {error}"))
        return None


def _finding_problems(targets: TargetsFile) -> list[Problem]:
    problems = []
    for name in sorted(set(FINDINGS) - set(targets.findings)):
        problems.append(Problem(f"findings.{name}", "every finding of ur-case/1 needs an entry"))
    for name, spec in targets.findings.items():
        where = f"findings.{name}"
        if name not in FINDINGS:
            problems.append(Problem(where, "not a finding of ur-case/1"))
            continue
        values = list(spec.order or [])
        if spec.negated is not None:
            values.append(spec.negated)
        for value in values:
            if message := _check_value(name, value):
                problems.append(Problem(where, message))
        for other, bands in spec.implies.items():
            if other not in FINDINGS:
                problems.append(Problem(f"{where}.implies.{other}", "not a finding of ur-case/1"))
                continue
            for band in bands:
                if message := _check_value(other, band.value):
                    problems.append(Problem(f"{where}.implies.{other}", message))
    return problems


def _target_rules(targets: TargetsFile, placeholders, problems: list[Problem]) -> list[Rule]:
    rules: list[Rule] = []
    for index, text in enumerate(targets.ignore):
        if (pattern := _compile(problems, f"ignore[{index}]", text, placeholders)) is not None:
            rules.append(Rule(IGNORED, text, pattern))
    for index, target in enumerate(targets.targets):
        where = f"targets[{index}] ({target.finding})"
        spec = targets.findings.get(target.finding)
        if target.finding not in FINDINGS:
            problems.append(Problem(where, "not a finding of ur-case/1"))
            continue
        if spec is None:
            continue
        if target.has_value and (message := _check_value(target.finding, target.value)):
            problems.append(Problem(f"{where}.value", message))
        if target.has_value and spec.order is not None and target.value not in spec.order:
            problems.append(Problem(f"{where}.value", f"{target.value!r} is not in the order"))
        if target.number and spec.number is None:
            problems.append(Problem(f"{where}.number", f"{target.finding} is not a number"))
        if spec.number is not None and target.has_value:
            problems.append(Problem(f"{where}.value", "a number finding takes 'number: true'"))
        for other, value in target.also.items():
            if other not in FINDINGS:
                problems.append(Problem(f"{where}.also.{other}", "not a finding of ur-case/1"))
            elif message := _check_value(other, value):
                problems.append(Problem(f"{where}.also.{other}", message))
        for p_index, text in enumerate(target.patterns):
            pattern = _compile(problems, f"{where}.patterns[{p_index}]", text, placeholders)
            if pattern is None:
                continue
            if target.number and sum("LIKE_NUM" in t for t in pattern) != 1:
                problems.append(Problem(f"{where}.patterns[{p_index}]",
                                        "a number rule needs exactly one <num>"))
                continue
            rules.append(Rule(target.finding, text, pattern, target.value, target.has_value,
                              target.number, target.negatable, tuple(target.also.items())))
    return rules


def _level_rules(levels: LevelsFile, problems: list[Problem]) -> tuple[list[Rule], dict]:
    for key in ("level", "level_tail"):
        try:
            re.compile(getattr(levels, key))
        except re.error as error:
            problems.append(Problem(key, f"not a regular expression: {error}"))
            return [], {}
    placeholders = {
        "num": {"LIKE_NUM": True},
        "level": {"LOWER": {"REGEX": levels.level}},
        "tail": {"LOWER": {"REGEX": levels.level_tail}},
        "any": {},
    }
    rules = []
    for index, text in enumerate(levels.patterns):
        if (pattern := _compile(problems, f"patterns[{index}]", text, placeholders)) is not None:
            rules.append(Rule(LEVEL, text, pattern))
    for index, text in enumerate(levels.not_levels):
        if (pattern := _compile(problems, f"not_levels[{index}]", text, placeholders)) is not None:
            rules.append(Rule(NOT_LEVEL, text, pattern))
    return rules, placeholders


def _modifier_rules(modifiers: ModifiersFile, placeholders, problems) -> list[Rule]:
    rules = []
    for index, spec in enumerate(modifiers.modifiers):
        where = f"modifiers[{index}]"
        if spec.category not in CONTEXT_CATEGORIES:
            problems.append(Problem(f"{where}.category", f"'{spec.category}' is not one of "
                                    + ", ".join(CONTEXT_CATEGORIES)))
            continue
        if spec.direction not in DIRECTIONS:
            problems.append(Problem(f"{where}.direction", f"'{spec.direction}' is not one of "
                                    + ", ".join(DIRECTIONS)))
            continue
        for other in spec.terminated_by:
            if other not in CONTEXT_CATEGORIES:
                problems.append(Problem(f"{where}.terminated_by", f"'{other}' is not a category"))
        for p_index, text in enumerate(spec.patterns):
            pattern = _compile(problems, f"{where}.patterns[{p_index}]", text, placeholders)
            if pattern is not None:
                rules.append(Rule(spec.category, text, pattern, direction=spec.direction,
                                  max_scope=spec.max_scope,
                                  terminated_by=tuple(spec.terminated_by)))
    return rules


def _section_rules(sections: SectionsFile, placeholders, problems) -> list[Rule]:
    rules = []
    seen: set[str] = set()
    for index, spec in enumerate(sections.sections):
        if spec.category in seen:
            problems.append(Problem(f"sections[{index}].category",
                                    f"'{spec.category}' is listed twice"))
        seen.add(spec.category)
        for h_index, text in enumerate(spec.headers):
            pattern = _compile(problems, f"sections[{index}].headers[{h_index}]", text,
                               placeholders)
            if pattern is not None:
                rules.append(Rule(spec.category, text, pattern))
    return rules


def load_rules(folder: str | Path) -> ReportRules:
    """Read and check the four rules files of ``folder``; every problem of a file is reported
    together, naming the file and the entry."""
    folder = Path(folder)
    paths = {name: folder / f"{name}.yaml" for name in ("targets", "levels", "modifiers",
                                                        "sections")}
    targets = read_model(paths["targets"], TargetsFile, ReportRulesError)
    levels = read_model(paths["levels"], LevelsFile, ReportRulesError)
    modifiers = read_model(paths["modifiers"], ModifiersFile, ReportRulesError)
    sections = read_model(paths["sections"], SectionsFile, ReportRulesError)

    problems: list[Problem] = []
    level_rules, placeholders = _level_rules(levels, problems)
    if problems:
        raise ReportRulesError(str(paths["levels"]), problems)
    problems = _finding_problems(targets)
    target_rules = _target_rules(targets, placeholders, problems)
    if problems:
        raise ReportRulesError(str(paths["targets"]), problems)
    modifier_rules = _modifier_rules(modifiers, placeholders, problems)
    if problems:
        raise ReportRulesError(str(paths["modifiers"]), problems)
    section_rules = _section_rules(sections, placeholders, problems)
    if problems:
        raise ReportRulesError(str(paths["sections"]), problems)

    digest = hashlib.sha256()
    for path in paths.values():
        digest.update(path.read_bytes())
    return ReportRules(
        findings=dict(targets.findings),
        targets=tuple(target_rules),
        levels=tuple(level_rules),
        level_words=levels,
        modifiers=tuple(modifier_rules),
        sections=tuple(section_rules),
        sections_read=frozenset(s.category for s in sections.sections if s.read),
        source=str(folder),
        sha256=digest.hexdigest(),
    )


@lru_cache(maxsize=1)
def default_rules() -> ReportRules:
    """The shipped rules; read once per process."""
    return load_rules(resources.path("reports"))
