"""The decision deadline of a request for information (a pend), by the rules of each line of
business: ``resources/pend-rules.yaml`` holds the numbers with the paragraph each comes from.

A needed-by date that ends before the decision is due leaves the deadline where it is
(:func:`reviewer_app.core.deadlines.latest_needed_by`). A later one extends the timeframe, which
only some rules allow: Medicare Advantage and Medicaid by up to 14 days (with written reasons
and the right to a grievance), commercial plans under ERISA by tolling the clock while the
claimant has at least 45 days (48 hours when urgent) to answer. :func:`pend_timeline` returns
the deadline the letter states, or :class:`PendRefused` with the rule that forbids the date,
so the store, the letter and the command line refuse with the same sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from reviewer_app.core import deadlines, resources
from reviewer_app.core.yaml_files import read_model

RULES_PATH = resources.path("pend-rules.yaml")


class PendRefused(ValueError):
    """The needed-by date is not one the rules allow; the message says which rule and what
    date would do."""


class PendRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    extension_days: int = Field(ge=0, le=30)
    min_response_hours: int = Field(ge=0)
    min_response_always: bool
    decide_after_hours: int | None = Field(default=None, ge=1)
    grievance: Literal["expedited", "standard", "none"]
    source: str = Field(min_length=10)

    @property
    def may_extend(self) -> bool:
        return self.extension_days > 0 or self.decide_after_hours is not None


class _ByUrgency(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    standard: PendRule
    expedited: PendRule


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    commercial: _ByUrgency
    medicare_advantage: _ByUrgency
    medicaid: _ByUrgency


@cache
def _rules() -> _Rules:
    return read_model(RULES_PATH, _Rules)


def rule_for(line_of_business: str, urgency: str) -> PendRule:
    return getattr(getattr(_rules(), line_of_business), urgency)


@dataclass(frozen=True)
class PendTimeline:
    """What a request for information does to the deadline."""

    original_due: dt.datetime
    due: dt.datetime
    """When the decision is due now: the original deadline, or the extended one."""
    extended: bool
    rule: PendRule

    @property
    def extension_days(self) -> int:
        return self.rule.extension_days


def _end_of(day: dt.date, zone: dt.tzinfo | None) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone)


def _hours(hours: int) -> str:
    return f"{hours // 24} days" if hours % 24 == 0 and hours >= 72 else f"{hours} hours"


def pend_timeline(*, received_at: dt.datetime, urgency: str, line_of_business: str,
                  asked_at: dt.datetime, needed_by: dt.date) -> PendTimeline:
    """The deadline of a request for information asked at ``asked_at`` for ``needed_by``;
    :class:`PendRefused` when the rules do not allow that date."""
    rule = rule_for(line_of_business, urgency)
    due = deadlines.due_at(received_at, urgency, line_of_business)
    zone = due.tzinfo
    end = _end_of(needed_by, zone)
    when = due.isoformat(timespec="minutes")
    latest = deadlines.latest_needed_by(due)
    if needed_by <= asked_at.astimezone(zone).date():
        raise PendRefused(f"the information-needed-by date {needed_by} must be after the day "
                          "it is asked, so the provider has time to send it")
    short = rule.min_response_hours and end - asked_at < dt.timedelta(
        hours=rule.min_response_hours)
    if needed_by <= latest and not rule.min_response_always:
        return PendTimeline(due, due, False, rule)
    if not rule.may_extend:
        raise PendRefused(
            f"the information-needed-by date {needed_by} is after the decision is due ({when}) "
            f"and the rules allow no extension ({rule.source.split(':')[0]}): ask for it by "
            f"{latest} at the latest")
    if short:
        earliest = (asked_at.astimezone(zone) + dt.timedelta(hours=rule.min_response_hours)
                    ).date()
        within = (f", or by {latest} without extending the timeframe"
                  if latest > asked_at.astimezone(zone).date() and not rule.min_response_always
                  else "")
        why = (f"is after the decision is due ({when}), which extends the timeframe, and"
               if needed_by > latest else "leaves too little time:")
        raise PendRefused(
            f"the information-needed-by date {needed_by} {why} the claimant must be given at least "
            f"{_hours(rule.min_response_hours)} to send it ({rule.source.split(':')[0]}): ask "
            f"for it by {earliest} or later{within}")
    if rule.decide_after_hours is not None:
        new_due = end + dt.timedelta(hours=rule.decide_after_hours)
        return PendTimeline(due, max(new_due, due), True, rule)
    new_due = due + dt.timedelta(days=rule.extension_days)
    if needed_by > deadlines.latest_needed_by(new_due):
        raise PendRefused(
            f"the information-needed-by date {needed_by} is after even the extended decision "
            f"date ({new_due.isoformat(timespec='minutes')}, {rule.extension_days} days more: "
            f"{rule.source.split(':')[0]}): ask for it by "
            f"{deadlines.latest_needed_by(new_due)} at the latest")
    return PendTimeline(due, new_due, True, rule)
