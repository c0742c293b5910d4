"""Criterion logic as data, evaluated with three-valued (met / not met / unknown) semantics.

A criterion's ``logic`` is a small tree of declarative predicates written in YAML, e.g.
``{gte: [scores.sins.total, 13]}`` or ``{all: [...]}``. It is compiled once when the set is
loaded (unknown operator, unknown input path or a wrong operand is a load error) and never
passed to ``eval``. Each evaluation reports the member's values it looked at (evidence) and,
when the answer is unknown, exactly which missing inputs it hangs on.

Kleene's strong three-valued logic decides ``all``/``any``/``not``: one ``not_met`` settles an
``all`` and one ``met`` settles an ``any`` whatever the unknowns, so inputs that could not change
the answer are never reported as missing.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reviewer_app.core.criteria.inputs import (
    CASE_PATHS,
    STUDY_PATHS,
    Fact,
    Facts,
    StudyView,
)
from reviewer_app.core.criteria.result import MET, NOT_MET, UNKNOWN, Result, unique


class LogicError(ValueError):
    """Malformed logic; the message says what is wrong where."""


def combine_all(results: list[Result]) -> Result:
    failed = [r for r in results if r.status == NOT_MET]
    if failed:
        return Result(NOT_MET, unique(e for r in failed for e in r.evidence))
    unknown = [r for r in results if r.status == UNKNOWN]
    evidence = unique(e for r in results for e in r.evidence)
    if unknown:
        return Result(UNKNOWN, evidence, unique(m for r in unknown for m in r.missing))
    return Result(MET, evidence)


def combine_any(results: list[Result]) -> Result:
    passed = [r for r in results if r.status == MET]
    if passed:
        return Result(MET, unique(e for r in passed for e in r.evidence))
    unknown = [r for r in results if r.status == UNKNOWN]
    evidence = unique(e for r in results for e in r.evidence)
    if unknown:
        return Result(UNKNOWN, evidence, unique(m for r in unknown for m in r.missing))
    return Result(NOT_MET, evidence)


class Node:
    """A compiled predicate. ``paths`` lists every input it may read (for the loader)."""

    paths: tuple[str, ...] = ()

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        raise NotImplementedError


@dataclass(frozen=True)
class All(Node):
    parts: tuple[Node, ...]

    @property
    def paths(self) -> tuple[str, ...]:
        return unique(p for n in self.parts for p in n.paths)

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        return combine_all([n.evaluate(facts, study) for n in self.parts])


@dataclass(frozen=True)
class Any_(Node):
    parts: tuple[Node, ...]

    @property
    def paths(self) -> tuple[str, ...]:
        return unique(p for n in self.parts for p in n.paths)

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        return combine_any([n.evaluate(facts, study) for n in self.parts])


@dataclass(frozen=True)
class Not(Node):
    part: Node

    @property
    def paths(self) -> tuple[str, ...]:
        return self.part.paths

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        inner = self.part.evaluate(facts, study)
        flipped = {MET: NOT_MET, NOT_MET: MET, UNKNOWN: UNKNOWN}[inner.status]
        return Result(flipped, inner.evidence, inner.missing)


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
_RISING = frozenset({"gt", "gte"})
"""Comparisons a lower bound can settle: once the known part passes, more data cannot undo it."""


@dataclass(frozen=True)
class Compare(Node):
    op: str
    path: str
    operand: Any = None

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.path,)

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        fact: Fact = study.fact(self.path) if self.path.startswith("study.") else facts.fact(
            self.path
        )
        if fact.value is None:
            if fact.missing:
                return Result(UNKNOWN, (), fact.missing)
            return Result(NOT_MET, (f"{fact.label} = not present",))
        test = COMPARISONS[self.op]
        passed = test(fact.value, self.operand)
        evidence = (fact.evidence,)
        if fact.pending and not (passed and self.op in _RISING):
            could_change = [
                missing for value, missing in fact.pending
                if self.op not in _RISING or value is None or test(value, self.operand)
            ]
            if could_change:
                return Result(UNKNOWN, evidence, unique(m for ms in could_change for m in ms))
        return Result(MET if passed else NOT_MET, evidence)


@dataclass(frozen=True)
class AnyStudy(Node):
    """There is an imaging study (optionally cross-sectional, at a requested level) that matches.

    With no candidate study at all the answer is unknown and ``imaging`` is reported missing;
    with studies present but none at a requested level the answer is not met.
    """

    match: Node | None
    modalities: frozenset[str] | None
    at_requested_levels: bool

    @property
    def paths(self) -> tuple[str, ...]:
        base = ("imaging", "service.levels") if self.at_requested_levels else ("imaging",)
        return base + (self.match.paths if self.match else ())

    def evaluate(self, facts: Facts, study: StudyView | None = None) -> Result:
        studies = [
            s for s in facts.studies if self.modalities is None or s.modality in self.modalities
        ]
        if not studies:
            return Result(UNKNOWN, (), ("imaging",))
        results = []
        for candidate in studies:
            parts = []
            if self.at_requested_levels:
                parts.append(candidate.overlap(facts))
            if self.match is not None:
                parts.append(self.match.evaluate(facts, candidate))
            results.append(combine_all(parts) if parts else Result(MET, (candidate.label,)))
        return combine_any(results)


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


_ANY_STUDY_KEYS = frozenset({"match", "modalities", "at_requested_levels"})
_MODALITIES = frozenset({"MRI", "CT", "XR", "PET_CT", "bone_scan"})


def _compile_any_study(body: Any, where: str, in_study: bool) -> AnyStudy:
    if in_study:
        raise LogicError(f"{where}: any_study cannot be nested")
    if not isinstance(body, dict) or not set(body) <= _ANY_STUDY_KEYS:
        raise LogicError(f"{where}: any_study takes {sorted(_ANY_STUDY_KEYS)}")
    modalities = body.get("modalities")
    if modalities is not None and (
        not isinstance(modalities, list) or not set(modalities) <= _MODALITIES
    ):
        raise LogicError(f"{where}: any_study modalities must be a list of {sorted(_MODALITIES)}")
    match = body.get("match")
    return AnyStudy(
        match=compile_logic(match, where, in_study=True) if match is not None else None,
        modalities=frozenset(modalities) if modalities else None,
        at_requested_levels=bool(body.get("at_requested_levels", False)),
    )


