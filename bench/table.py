"""The table ``make bench`` prints: each row beside its floor measured in the same run (a bare
Python start-up, a bare PySide6 window or table, a no-op Qt event), where one exists, so a
number is read against what the machine did at that moment, not against a remembered one.

A row is ``(metric, measured, budget, ok)`` or ``(metric, measured, budget, ok, floor)``;
``ok`` is None for an informational row.
"""

from __future__ import annotations

from collections.abc import Iterable


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "OVER BUDGET")


def print_table(rows: Iterable[tuple]) -> bool:
    """Print the rows as a Markdown table; True when every budgeted row is within budget."""
    print("| metric | measured | floor, same run | budget | |")
    print("|---|---|---|---|---|")
    within = True
    for row in rows:
        metric, value, budget, ok = row[:4]
        floor = row[4] if len(row) > 4 else ""
        within &= ok is not False
        print(f"| {metric} | {value} | {floor} | {budget} | {verdict(ok)} |")
    return within
