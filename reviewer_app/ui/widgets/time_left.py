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


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
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
