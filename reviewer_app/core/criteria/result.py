"""A three-valued answer with the member's values it rests on and the inputs it lacks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


@dataclass(frozen=True)
class Result:
    status: str
    evidence: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
