"""Spinal levels C1-C7, T1-T12, L1-L5 and S1-S5, in cranio-caudal order."""

from __future__ import annotations

LEVELS: tuple[str, ...] = (
    *(f"C{n}" for n in range(1, 8)),
    *(f"T{n}" for n in range(1, 13)),
    *(f"L{n}" for n in range(1, 6)),
    *(f"S{n}" for n in range(1, 6)),
)
_ORDER = {level: index for index, level in enumerate(LEVELS)}


def check_level(value: str) -> str:
    """Normalise ``l2`` / `` L2 `` to ``L2``; refuse anything that is not a spinal level."""
    level = value.strip().upper()
    if level not in _ORDER:
        raise ValueError(f"'{value}' is not a spinal level (C1-C7, T1-T12, L1-L5, S1-S5)")
    return level


def sort_levels(levels: list[str] | tuple[str, ...]) -> list[str]:
    return sorted(set(levels), key=_ORDER.__getitem__)


def describe_levels(levels: list[str] | tuple[str, ...]) -> str:
    """``['L1', 'L2', 'L3']`` -> ``L1-L3``; non-contiguous levels are listed with commas."""
    ordered = sort_levels(levels)
    if not ordered:
        return ""
    runs: list[list[str]] = [[ordered[0]]]
    for level in ordered[1:]:
        if _ORDER[level] == _ORDER[runs[-1][-1]] + 1:
            runs[-1].append(level)
        else:
            runs.append([level])
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)
