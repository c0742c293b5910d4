"""How a decision deadline reads on screen: the due time and what is left of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum


class Urgency(Enum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


DUE_SOON = timedelta(hours=24)


@dataclass(frozen=True)
class TimeLeft:
    text: str
    urgency: Urgency


def format_due(due: datetime) -> str:
    """``Sat 5 Dec 2026, 09:15 UTC−05:00``: in the zone the request arrived in."""
    offset = due.strftime("%z")
    zone = f"UTC{offset[0].replace('-', '−')}{offset[1:3]}:{offset[3:]}" if offset else ""
    return f"{due:%a} {due.day} {due:%b %Y, %H:%M} {zone}".rstrip()


def _units(delta: timedelta) -> tuple[int, int, int]:
    """Whole days, hours and minutes."""
    days, minutes = divmod(int(delta.total_seconds() // 60), 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return days, hours, minutes


def _span(delta: timedelta) -> str:
    days, hours, minutes = _units(delta)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


def time_left(due: datetime, now: datetime) -> TimeLeft:
    remaining = due - now
    if remaining <= timedelta(0):
        return TimeLeft(f"Overdue by {_span(-remaining)}", Urgency.OVERDUE)
    urgency = Urgency.DUE_SOON if remaining <= DUE_SOON else Urgency.ON_TIME
    return TimeLeft(f"{_span(remaining)} left", urgency)


def _short_span(delta: timedelta) -> str:
    """``2 d 4 h``, ``13 h``, ``3 h 5 min``, ``57 min``: minutes only where they matter."""
    days, hours, minutes = _units(delta)
    if days:
        return f"{days} d {hours} h"
    if hours >= 10:
        return f"{hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


def short_time_left(due: datetime, now: datetime) -> str:
    """``Overdue 9 d 23 h`` / ``2 d 4 h left``: for a table column (:func:`time_left` spells
    the units out, for the case page and a screen reader)."""
    remaining = due - now
    if remaining <= timedelta(0):
        return f"Overdue {_short_span(-remaining)}"
    return f"{_short_span(remaining)} left"
