"""A three-valued answer with the member's values it rests on and what it still lacks.

What it lacks is of two kinds: ``missing`` names inputs of the case (``imaging[0].findings.
alignment``), ``needs`` names studies the case does not have (an MRI or bone scan of L1), for
findings that no study present can show (docs/criteria-rules.md, "What a study can show").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


@dataclass(frozen=True)
class StudyNeed:
    """A study that could settle a criterion: one of ``modalities``, covering ``levels``,
    reporting ``findings``."""

    modalities: tuple[str, ...]
    levels: tuple[str, ...]
    findings: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    status: str
    evidence: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    needs: tuple[StudyNeed, ...] = ()


def unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def merge_needs(needs: Iterable[StudyNeed]) -> tuple[StudyNeed, ...]:
    """One need per (modalities, levels), its findings joined in order of first mention."""
    merged: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for need in needs:
        findings = merged.setdefault((need.modalities, need.levels), [])
        findings += [f for f in need.findings if f not in findings]
    return tuple(StudyNeed(m, levels, tuple(f)) for (m, levels), f in merged.items())


def fold_needs(needs: Iterable[StudyNeed]) -> tuple[StudyNeed, ...]:
    """The fewest studies to ask for: a need that a study of another need would also settle
    (its modalities among the other's, its levels within the other's) joins that one."""
    kept: list[StudyNeed] = []
    for need in sorted(merge_needs(needs), key=lambda n: len(n.modalities)):
        for index, other in enumerate(kept):
            if set(other.modalities) <= set(need.modalities) and set(need.levels) <= set(
                other.levels
            ):
                findings = other.findings + tuple(f for f in need.findings
                                                  if f not in other.findings)
                kept[index] = StudyNeed(other.modalities, other.levels, findings)
                break
        else:
            kept.append(need)
    return tuple(kept)
