"""The criteria library: every set of a folder, and the rule that picks one for a case.

Selection follows the criteria guide's table "Criteria set selection": the primary procedure,
then whether the case has a neoplastic diagnosis. Two sets may not claim the same procedure
for the same case, so selection never depends on file order.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reviewer_app.core import resources
from reviewer_app.core.criteria.applicability import (
    ApplicabilityLoadError,
    default_applicability,
)
from reviewer_app.core.criteria.loader import CriteriaLoadError, load_set
from reviewer_app.core.criteria.model import CriteriaSet
from reviewer_app.core.errors import InputError, Problem


class Library:
    """All criteria sets of a directory, and the rule that picks one for a case."""

    def __init__(self, sets: list[CriteriaSet]):
        self.sets = sets
        self.by_id = {s.id: s for s in sets}

    def select(self, primary_procedure: str, neoplastic: bool) -> CriteriaSet | None:
        for criteria_set in self.sets:
            for rule in criteria_set.spec.selection:
                if primary_procedure in rule.procedures and rule.neoplastic_diagnosis in (
                    None,
                    neoplastic,
                ):
                    return criteria_set
        return None


def _overlap_problems(sets: list[CriteriaSet]) -> list[InputError]:
    claims: dict[tuple[str, bool], str] = {}
    errors = []
    for criteria_set in sets:
        for rule in criteria_set.spec.selection:
            states = (True, False) if rule.neoplastic_diagnosis is None else (
                rule.neoplastic_diagnosis,
            )
            for code in rule.procedures:
                for state in states:
                    owner = claims.setdefault((code, state), criteria_set.id)
                    if owner != criteria_set.id:
                        errors.append(CriteriaLoadError(criteria_set.source, [Problem(
                            "selection",
                            f"procedure {code} is already selected by set '{owner}'",
                        )]))
    return errors


def load_library(directory: str | Path | None = None) -> Library:
    """Load every ``*.yaml`` set; one error listing every problem of every file."""
    directory = Path(directory) if directory else resources.path("criteria")
    sets: list[CriteriaSet] = []
    problems: list[str] = []
    try:
        default_applicability()
    except ApplicabilityLoadError as error:
        raise LibraryError(error.lines()) from None
    for path in sorted(directory.glob("*.yaml")):
        try:
            sets.append(load_set(path))
        except CriteriaLoadError as error:
            problems += error.lines()
    ids = [s.id for s in sets]
    for criteria_set in sets:
        if ids.count(criteria_set.id) > 1:
            problems.append(f"{criteria_set.source}: id: set id '{criteria_set.id}' is used twice")
    for error in _overlap_problems(sets):
        problems += error.lines()
    if problems:
        raise LibraryError(problems)
    return Library(sets)


class LibraryError(Exception):
    def __init__(self, lines: list[str]):
        self.problem_lines = lines
        super().__init__("\n".join(lines))

    def lines(self) -> list[str]:
        return self.problem_lines


@lru_cache(maxsize=1)
def default_library() -> Library:
    """The sets shipped in ``resources/criteria``; read once per process."""
    return load_library()
