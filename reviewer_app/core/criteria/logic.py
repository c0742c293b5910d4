"""Criterion logic as data, evaluated with three-valued (met / not met / unknown) semantics.

A criterion's ``logic`` is a small tree of declarative predicates written in YAML, e.g.
``{gte: [scores.sins.total, 13]}`` or ``{all: [...]}``. It is compiled once when the set is
loaded (unknown operator, unknown input path or a wrong operand is a load error) and never
passed to ``eval``. Each evaluation reports the member's values it looked at (evidence) and,
when the answer is unknown, exactly which missing inputs (or absent studies) it hangs on.

Kleene's strong three-valued logic decides ``all``/``any``/``not``: one ``not_met`` settles an
``all`` and one ``met`` settles an ``any`` whatever the unknowns, so inputs that could not change
the answer are never reported as missing.

``reported`` is the one predicate that is never unknown: whether the document states a value.
A finding that a study cannot show, and an input that does not apply to the case, read as "no
support" (not met); the loader therefore refuses them under ``not``, ``ne`` and ``not_in``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer_app.core.criteria.fact import Fact
from reviewer_app.core.criteria.paths import CASE_PATHS, STUDY_PATHS
from reviewer_app.core.criteria.result import (
    MET,
    NOT_MET,
    UNKNOWN,
    Result,
    StudyNeed,
    merge_needs,
    unique,
)

if TYPE_CHECKING:
    from reviewer_app.core.criteria.inputs import Facts, StudyView


class LogicError(ValueError):
    """Malformed logic; the message says what is wrong where."""


def _unknown(results: list[Result], evidence: tuple[str, ...]) -> Result:
    return Result(
        UNKNOWN,
        evidence,
        unique(m for r in results for m in r.missing),
        merge_needs(n for r in results for n in r.needs),
    )


def combine_all(results: list[Result]) -> Result:
    failed = [r for r in results if r.status == NOT_MET]
    if failed:
        return Result(NOT_MET, unique(e for r in failed for e in r.evidence))
    unknown = [r for r in results if r.status == UNKNOWN]
    evidence = unique(e for r in results for e in r.evidence)
    if unknown:
        return _unknown(unknown, evidence)
    return Result(MET, evidence)


def combine_any(results: list[Result]) -> Result:
    passed = [r for r in results if r.status == MET]
    if passed:
        return Result(MET, unique(e for r in passed for e in r.evidence))
    unknown = [r for r in results if r.status == UNKNOWN]
    evidence = unique(e for r in results for e in r.evidence)
    if unknown:
        return _unknown(unknown, evidence)
    return Result(NOT_MET, evidence)


@dataclass(frozen=True)
class Read:
    """One input a compiled predicate reads, and how (for the loader's checks)."""

    path: str
    op: str
    negated: bool


class Node:
    """A compiled predicate."""

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        raise NotImplementedError

    def reads(self, negated: bool = False) -> Iterator[Read]:
        return iter(())

    @property
    def paths(self) -> tuple[str, ...]:
        return unique(read.path for read in self.reads())


@dataclass(frozen=True)
class All(Node):
    parts: tuple[Node, ...]

    def reads(self, negated: bool = False) -> Iterator[Read]:
        for part in self.parts:
            yield from part.reads(negated)

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        return combine_all([n.evaluate(facts, study) for n in self.parts])


@dataclass(frozen=True)
class Any_(Node):
    parts: tuple[Node, ...]

    def reads(self, negated: bool = False) -> Iterator[Read]:
        for part in self.parts:
            yield from part.reads(negated)

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        return combine_any([n.evaluate(facts, study) for n in self.parts])


@dataclass(frozen=True)
class Not(Node):
    part: Node

    def reads(self, negated: bool = False) -> Iterator[Read]:
        yield from self.part.reads(not negated)

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        inner = self.part.evaluate(facts, study)
        flipped = {MET: NOT_MET, NOT_MET: MET, UNKNOWN: UNKNOWN}[inner.status]
        return Result(flipped, inner.evidence, inner.missing, inner.needs)


def _in(value: Any, options: Any) -> bool:
    return value in options


def _not_in(value: Any, options: Any) -> bool:
    return value not in options


def _nonempty(value: Any, _: Any) -> bool:
    return bool(value)


COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
    "in": _in,
    "not_in": _not_in,
    "nonempty": _nonempty,
}
NEGATIVE_OPERATORS = frozenset({"ne", "not_in"})
_AT_INFINITY = {"gt": True, "gte": True, "lt": False, "lte": False}
"""What a threshold comparison gives for an unbounded value."""


def _resolve(path: str, facts: Facts, study: StudyView | None) -> Fact:
    if path.startswith("study."):
        assert study is not None
        return study.fact(path)
    return facts.fact(path)


@dataclass(frozen=True)
class Compare(Node):
    op: str
    path: str
    operand: Any = None

    def reads(self, negated: bool = False) -> Iterator[Read]:
        yield Read(self.path, self.op, negated)

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        fact = _resolve(self.path, facts, study)
        if fact.pending:
            return self._bounded(fact)
        if fact.value is None:
            if fact.missing or fact.needs:
                shown = (fact.evidence,) if fact.shown is not None else ()
                return Result(UNKNOWN, shown, fact.missing, fact.needs)
            return Result(NOT_MET, (fact.evidence,))
        passed = COMPARISONS[self.op](fact.value, self.operand)
        return Result(MET if passed else NOT_MET, (fact.evidence,))

    def _bounded(self, fact: Fact) -> Result:
        """A maximum with parts still unknown: ask only for the parts that could change it."""
        test = COMPARISONS[self.op]
        now = None if fact.value is None else test(fact.value, self.operand)
        matters = [p for p in fact.pending if self._could_change(fact, p.upper, now)]
        if not matters:
            return Result(MET if now else NOT_MET, (fact.evidence,))
        return Result(
            UNKNOWN,
            (fact.evidence,),
            unique(m for p in matters for m in p.missing),
            merge_needs(n for p in matters for n in p.needs),
        )

    def _could_change(self, fact: Fact, upper: Any, now: bool | None) -> bool:
        """Could the maximum, rising from its known value up to ``upper``, answer otherwise?"""
        test = COMPARISONS[self.op]
        if fact.order is not None:
            low = 0 if fact.value is None else fact.order.index(fact.value) + 1
            high = len(fact.order) if upper is None else fact.order.index(upper) + 1
            return any(test(v, self.operand) != bool(now) for v in fact.order[low:high])
        if upper is None:
            top = _AT_INFINITY.get(self.op)
            return True if top is None else top != bool(now)
        if fact.value is not None and upper <= fact.value:
            return False
        return test(upper, self.operand) != bool(now)


@dataclass(frozen=True)
class Reported(Node):
    """Whether the document states a value (never unknown), e.g. an ESCC grade that, when
    present, shows a lesion but whose absence asks for nothing."""

    path: str

    def reads(self, negated: bool = False) -> Iterator[Read]:
        yield Read(self.path, "reported", negated)

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        fact = _resolve(self.path, facts, study)
        return Result(MET if fact.value is not None else NOT_MET, (fact.evidence,))


@dataclass(frozen=True)
class AnyStudy(Node):
    """There is an imaging study (optionally of some modalities, at a requested level) that
    matches.

    With no candidate study at all the answer is unknown and the study itself is what is
    needed (of the listed modalities, or of those that can show what ``match`` reads); with
    studies present but none at a requested level the answer is not met.
    """

    match: Node | None
    modalities: frozenset[str] | None
    at_requested_levels: bool
    at_levels_where: Node | None = None
    """The candidate must share a level with a study (itself included) where this holds,
    e.g. marrow edema "at the fracture level" when the fracture and the edema may be read on
    different studies (a bone scan shows uptake, not the fracture)."""

    def reads(self, negated: bool = False) -> Iterator[Read]:
        yield Read("imaging", "any_study", negated)
        if self.at_requested_levels:
            yield Read("service.levels", "any_study", negated)
        for node in (self.match, self.at_levels_where):
            if node is not None:
                yield from node.reads(negated)

    @property
    def findings(self) -> tuple[str, ...]:
        if self.match is None:
            return ()
        return unique(
            p.removeprefix("study.findings.")
            for p in self.match.paths
            if p.startswith("study.findings.")
        )

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        studies = [
            s for s in facts.studies if self.modalities is None or s.modality in self.modalities
        ]
        if not studies:
            return self._no_study(facts)
        by_levels: dict[tuple[str, ...] | int, list[StudyView]] = {}
        for candidate in studies:
            levels = candidate.study.levels
            key = tuple(levels) if levels is not None else candidate.index  # unknown: alone
            by_levels.setdefault(key, []).append(candidate)
        results = []
        for group in by_levels.values():
            # The level conditions depend on the study's levels only: asked once per group,
            # so that a match settled on one study makes the others' inputs irrelevant.
            parts = []
            if self.at_requested_levels:
                parts.append(group[0].overlap(facts))
            if self.at_levels_where is not None:
                parts.append(self._shares_level(facts, group[0]))
            if self.match is not None:
                parts.append(combine_any([self.match.evaluate(facts, c) for c in group]))
            if not parts:
                parts.append(Result(MET, tuple(c.label for c in group)))
            results.append(combine_all(parts))
        return combine_any(results)

    def _shares_level(self, facts: Facts, candidate: StudyView) -> Result:
        assert self.at_levels_where is not None
        levels = candidate.study.levels
        results = []
        for other in facts.studies:
            shared = None if levels is None or other.study.levels is None else (
                set(levels) & set(other.study.levels)
            )
            if shared is not None and not shared:
                continue
            parts = [self.at_levels_where.evaluate(facts, other)]
            if self.at_requested_levels:
                parts.append(other.overlap(facts))
            if shared is None:
                parts.append(Result(UNKNOWN, (), tuple(
                    f"imaging[{s.index}].levels" for s in (candidate, other)
                    if s.study.levels is None
                )))
            results.append(combine_all(parts))
        return combine_any(results) if results else Result(NOT_MET, (candidate.label,))

    def _no_study(self, facts: Facts) -> Result:
        levels = facts.case.service.levels if self.at_requested_levels else None
        missing = ("service.levels",) if self.at_requested_levels and levels is None else ()
        modalities = facts.applicability.modalities_showing(self.findings, self.modalities)
        need = StudyNeed(modalities, tuple(levels or ()), self.findings)
        return Result(UNKNOWN, (), missing, (need,))


def _operands(key: str, body: Any, where: str) -> list[Any]:
    if not isinstance(body, list) or len(body) != 2:
        raise LogicError(f"{where}: '{key}' takes [input path, value]")
    return body


def _check_path(path: Any, where: str, in_study: bool) -> str:
    if not isinstance(path, str):
        raise LogicError(f"{where}: an input path must be a string, got {path!r}")
    if path.startswith("study."):
        if not in_study:
            raise LogicError(f"{where}: '{path}' is only available inside any_study")
        if path not in STUDY_PATHS:
            raise LogicError(f"{where}: unknown input path '{path}'")
    elif path not in CASE_PATHS:
        raise LogicError(f"{where}: unknown input path '{path}'")
    return path


def compile_logic(spec: Any, where: str, in_study: bool = False) -> Node:
    """Turn the YAML form into a :class:`Node`; ``where`` names the criterion for errors."""
    if not isinstance(spec, dict) or len(spec) != 1:
        raise LogicError(f"{where}: each logic node is a mapping with exactly one operator")
    (key, body), = spec.items()
    if key in ("all", "any"):
        if not isinstance(body, list) or not body:
            raise LogicError(f"{where}: '{key}' takes a non-empty list")
        parts = tuple(compile_logic(part, where, in_study) for part in body)
        return All(parts) if key == "all" else Any_(parts)
    if key == "not":
        return Not(compile_logic(body, where, in_study))
    if key == "nonempty":
        return Compare(key, _check_path(body, where, in_study))
    if key == "reported":
        return Reported(_check_path(body, where, in_study))
    if key in COMPARISONS:
        path, operand = _operands(key, body, where)
        path = _check_path(path, where, in_study)
        if key in ("in", "not_in") and not isinstance(operand, list):
            raise LogicError(f"{where}: '{key}' needs a list of values")
        if key in ("gt", "gte", "lt", "lte") and (
            isinstance(operand, bool) or not isinstance(operand, int | float)
        ):
            raise LogicError(f"{where}: '{key}' needs a number, got {operand!r}")
        return Compare(key, path, tuple(operand) if isinstance(operand, list) else operand)
    if key == "any_study":
        return _compile_any_study(body, where, in_study)
    raise LogicError(f"{where}: unknown operator '{key}'")


_ANY_STUDY_KEYS = frozenset({"match", "modalities", "at_requested_levels", "at_levels_where"})
MODALITIES = ("MRI", "CT", "PET_CT", "XR", "bone_scan")


def _compile_any_study(body: Any, where: str, in_study: bool) -> AnyStudy:
    if in_study:
        raise LogicError(f"{where}: any_study cannot be nested")
    if not isinstance(body, dict) or not set(body) <= _ANY_STUDY_KEYS:
        raise LogicError(f"{where}: any_study takes {sorted(_ANY_STUDY_KEYS)}")
    modalities = body.get("modalities")
    if modalities is not None and (
        not isinstance(modalities, list) or not set(modalities) <= set(MODALITIES)
    ):
        raise LogicError(f"{where}: any_study modalities must be a list of {list(MODALITIES)}")
    match = body.get("match")
    gate = body.get("at_levels_where")
    return AnyStudy(
        match=compile_logic(match, where, in_study=True) if match is not None else None,
        modalities=frozenset(modalities) if modalities else None,
        at_requested_levels=bool(body.get("at_requested_levels", False)),
        at_levels_where=compile_logic(gate, where, in_study=True) if gate is not None else None,
    )

