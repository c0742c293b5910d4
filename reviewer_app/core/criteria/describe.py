"""Criterion logic written out for people: what ``criteria show`` prints and the GUI shows."""

from __future__ import annotations

from typing import Any

_SYMBOLS = {"eq": "=", "ne": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "{" + ", ".join(_value(v) for v in value) + "}"
    return str(value)


def describe(spec: dict[str, Any], indent: int = 0) -> list[str]:
    """One line per predicate, nested groups indented under ALL OF / ANY OF / NOT."""
    pad = "  " * indent
    (key, body), = spec.items()
    if key in ("all", "any"):
        lines = [f"{pad}{'ALL' if key == 'all' else 'ANY'} OF:"]
        for part in body:
            lines += describe(part, indent + 1)
        return lines
    if key == "not":
        return [f"{pad}NOT:", *describe(body, indent + 1)]
    if key == "nonempty":
        return [f"{pad}{body} is not empty"]
    if key == "reported":
        return [f"{pad}{body} is reported"]
    if key in ("in", "not_in"):
        word = "is one of" if key == "in" else "is none of"
        return [f"{pad}{body[0]} {word} {_value(body[1])}"]
    if key == "any_study":
        where = []
        if body.get("modalities"):
            where.append("modality in " + _value(body["modalities"]))
        if body.get("at_requested_levels"):
            where.append("levels overlap service.levels")
        head = f"{pad}SOME imaging study" + (f" ({'; '.join(where)})" if where else "")
        if body.get("match"):
            return [f"{head} WITH:", *describe(body["match"], indent + 1)]
        return [f"{head} exists"]
    return [f"{pad}{body[0]} {_SYMBOLS[key]} {_value(body[1])}"]
