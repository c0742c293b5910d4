"""From a parsed report to the mentions of findings it holds, each with its evidence, the spinal
levels it is about and what ConText said of it.

A mention's levels are, in this order: the levels written inside it ("severe L4-5 stenosis");
else the nearest level mention in its sentence ("At L4-5 there is ...", "... at L4-5"); else the
last level named before it in the same paragraph and section ("Right pedicle involved." after
a sentence about L2); else none (the report does not say, "Alignment is normal.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reviewer_app.core.levels import LEVELS, check_level
from reviewer_app.core.reports.rules import (
    IGNORED,
    LEVEL,
    LEVEL_GROUP,
    LevelsFile,
    ReportRules,
    Rule,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_INDEX = {level: index for index, level in enumerate(LEVELS)}

Levels = tuple[tuple[str, ...], ...]
"""Level groups: each a vertebra ``("L2",)`` or a segment ``("L4", "L5")``."""


@dataclass(frozen=True)
class Evidence:
    """Where a mention is: its sentence and the words matched, as offsets into the report."""

    sentence: str
    start: int
    end: int
    mention: str
    mention_start: int
    mention_end: int

    def to_json_dict(self) -> dict[str, Any]:
        return {"text": self.sentence, "start": self.start, "end": self.end,
                "mention": self.mention, "mention_start": self.mention_start,
                "mention_end": self.mention_end}


@dataclass(frozen=True)
class Mention:
    finding: str
    value: Any
    has_value: bool
    """False for a mention that names the finding without its value ("a fracture")."""
    evidence: Evidence
    levels: Levels
    level_text: str | None
    negated: bool = False
    uncertain: bool = False
    historical: bool = False
    hypothetical: bool = False
    elsewhere: bool = False
    section: str | None = None
    read: bool = True
    """False in a section that does not describe the study (indication, technique...)."""
    rule: str = ""
    level_how: str | None = None
    """How the levels were found: "inner", "sentence", "carried" (from an earlier sentence),
    "header" (carried from a line's "L4-5:" heading), or None (not stated)."""
    negatable: bool = True
    implied_by: str | None = None
    """The finding whose words gave this one ("fracture-dislocation" -> alignment)."""

    @property
    def flags(self) -> dict[str, bool]:
        return {"negated": self.negated, "uncertain": self.uncertain,
                "historical": self.historical, "hypothetical": self.hypothetical}


@dataclass(frozen=True)
class _LevelMention:
    start: int
    end: int
    groups: Levels
    text: str
    section: str | None
    header: bool = False
    """Written as a line's heading ("L4-5: ..."): it scopes the rest of the line."""


def parse_levels(words: list[str], spec: LevelsFile) -> Levels:
    """The level groups one level mention names: ``L2`` -> ((L2,),), ``L4-5`` -> ((L4, L5),),
    ``L1 through L3`` -> ((L1,), (L2,), (L3,)); () when it is not a real level (T13)."""
    level = re.compile(spec.level, re.IGNORECASE)
    tail = re.compile(spec.level_tail, re.IGNORECASE)
    names: list[str] = []
    joined_by: str | None = None
    for word in words:
        low = word.lower()
        try:
            if level.fullmatch(low):
                names.append(check_level(word))
            elif names and tail.fullmatch(low):
                name = word if word[0].isalpha() else names[-1][0] + word
                names.append(check_level(name))
            elif low in spec.joins and names:
                joined_by = low
        except ValueError:
            return ()
    if len(names) == 1:
        return ((names[0],),)
    if len(names) != 2:
        return ()
    first, last = sorted(names, key=_INDEX.__getitem__)
    span = LEVELS[_INDEX[first]:_INDEX[last] + 1]
    if len(span) <= 2 or joined_by == "on":
        return ((first, last),) if first != last else ((first,),)
    return tuple((name,) for name in span)


def _level_mentions(doc: Doc, spans: list[Span], spec: LevelsFile) -> list[_LevelMention]:
    """Level spans in text order, with coordinated ones ("T12 and L1") merged into one."""
    found: list[_LevelMention] = []
    for span in sorted(spans, key=lambda s: s.start):
        if span.label_ != LEVEL:
            continue
        groups = parse_levels([t.text for t in span], spec)
        if not groups:
            continue
        section = span[0]._.section_category
        previous = found[-1] if found else None
        between = doc[previous.end:span.start] if previous else None
        if (previous is not None and between is not None and len(between) > 0
                and all(t.lower_ in spec.coordinators for t in between)
                and previous.section == section):
            found[-1] = _LevelMention(previous.start, span.end, previous.groups + groups,
                                      doc[previous.start:span.end].text, section,
                                      previous.header)
        else:
            line_start = doc.text.rfind("\n", 0, span.start_char) + 1
            header = (not doc.text[line_start:span.start_char].strip()
                      and span.end < len(doc) and doc[span.end].text == ":")
            found.append(_LevelMention(span.start, span.end, groups, span.text, section,
                                       header))
    return found


_SEPARATORS = frozenset({"and", ",", ";", "but", "while", "whereas"})


def _distance(doc: Doc, ent: Span, level: _LevelMention) -> tuple[int, int]:
    """Tokens between a mention and a level of its sentence; a separator between them
    ("mild stenosis at L3-4 and severe stenosis at L4-5") counts as three, so each finding
    takes the level written with it. On a tie the level before wins."""
    if level.end <= ent.start:
        between, after = doc[level.end:ent.start], 0
    else:
        between, after = doc[ent.end:level.start], 1
    return len(between) + 2 * sum(t.lower_ in _SEPARATORS for t in between), after


def _attribute(ent: Span, levels: list[_LevelMention], rules: ReportRules, doc: Doc,
               blocked: list[tuple[int, int]]) -> tuple[_LevelMention | None, str | None]:
    spec = rules.spec(ent.label_)
    free = [lv for lv in levels
            if not any(start <= lv.start and lv.end <= end for start, end in blocked)]
    if spec.inner_levels == "use":
        inner = [lv for lv in free if ent.start <= lv.start and lv.end <= ent.end]
        if inner:
            groups = tuple(g for lv in inner for g in lv.groups)
            text = ", ".join(lv.text for lv in inner)
            return _LevelMention(inner[0].start, inner[-1].end, groups, text,
                                 inner[0].section), "inner"
    outside = [lv for lv in free if lv.end <= ent.start or lv.start >= ent.end]
    sentence = ent.sent
    same = [lv for lv in outside if sentence.start <= lv.start and lv.end <= sentence.end]
    if same:
        return min(same, key=lambda lv: _distance(doc, ent, lv)), "sentence"
    before = [lv for lv in outside if lv.end <= sentence.start]
    if before:
        last = before[-1]
        gap = doc.text[doc[last.end - 1].idx:ent.start_char]
        if "\n" not in gap and last.section == ent[0]._.section_category:
            return last, "header" if last.header else "carried"
    return None, None


def _value(ent: Span, rule: Rule) -> tuple[Any, bool]:
    if not rule.number:
        return rule.value, rule.has_value
    for token in ent:
        if token.like_num:
            try:
                number = float(token.text.replace(",", ""))
            except ValueError:
                return None, False
            return (int(number) if number.is_integer() else number), True
    return None, False


def _evidence(ent: Span) -> Evidence:
    sentence = ent.sent
    text = sentence.text
    stripped = text.strip()
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    return Evidence(stripped, start, start + len(stripped), ent.text, ent.start_char,
                    ent.end_char)


def _implied(mention: Mention, rule: Rule, rules: ReportRules) -> list[Mention]:
    implied = [replace(mention, finding=name, value=value, has_value=True,
                       implied_by=mention.finding) for name, value in rule.also]
    for name, bands in rules.spec(mention.finding).implies.items():
        if mention.has_value:
            band = next((b for b in bands if mention.value <= b.max), None)
            if band is not None:
                implied.append(replace(mention, finding=name, value=band.value,
                                       implied_by=mention.finding))
        elif mention.negated:
            implied.append(replace(mention, finding=name, implied_by=mention.finding))
    return implied


def read_mentions(doc: Doc, rules: ReportRules) -> list[Mention]:
    """Every mention of a finding in a parsed report, in text order."""
    ents = [ent for ent in doc.ents if ent.label_ != IGNORED]
    blocked = [(ent.start, ent.end) for ent in ents
               if rules.spec(ent.label_).inner_levels == "ignore"]
    levels = _level_mentions(doc, list(doc.spans.get(LEVEL_GROUP, [])), rules.level_words)
    mentions: list[Mention] = []
    for ent in ents:
        rule: Rule = ent._.target_rule.metadata["rule"]
        categories = {modifier.category for modifier in ent._.modifiers}
        value, has_value = _value(ent, rule)
        level, how = _attribute(ent, levels, rules, doc, blocked)
        section = ent[0]._.section_category
        mention = Mention(
            finding=ent.label_,
            value=value,
            has_value=has_value,
            evidence=_evidence(ent),
            levels=level.groups if level else (),
            level_text=level.text if level else None,
            negated="NEGATED_EXISTENCE" in categories,
            uncertain="POSSIBLE_EXISTENCE" in categories,
            historical="HISTORICAL" in categories,
            hypothetical="HYPOTHETICAL" in categories,
            elsewhere="ELSEWHERE" in categories,
            section=section,
            read=section is None or section in rules.sections_read,
            rule=rule.literal,
            level_how=how,
            negatable=rule.negatable,
        )
        mentions.append(mention)
        mentions.extend(_implied(mention, rule, rules))
    return mentions
