"""The decision deadline of a request for information (a pend), by the rules of each line of
business: ``resources/pend-rules.yaml`` holds the numbers with the paragraph each comes from.

A needed-by date that ends before the decision is due leaves the deadline where it is
(:func:`reviewer_app.core.deadlines.latest_needed_by`). A later one extends the timeframe, which
only some rules allow: Medicare Advantage and Medicaid by up to 14 days (with written reasons
and the right to a grievance), commercial plans under ERISA by tolling the clock while the
claimant has at least 45 days (48 hours when urgent) to answer. :func:`pend_timeline` returns
the deadline the letter states, or :class:`PendRefused` with the rule that forbids the date,
so the store, the letter and the command line refuse with the same sentence.

Medicare Advantage allows its extension only for the reasons 42 CFR 422.568(b)(1)(i)(A)-(C)
and 422.572(b)(1)(i)-(iii) name (the enrollee asked; evidence from a noncontract provider
that may change the decision; extraordinary circumstances), and its notice must give the
reason (422.568(b)(1)(ii), 422.572(b)(2)): an extension under a rule that lists its reasons
(``extension_reasons``) is refused without one of them, and the reason is recorded with the
pend and stated in its letters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reviewer_app.core import deadlines, resources
from reviewer_app.core.yaml_files import read_model

RULES_PATH = resources.path("pend-rules.yaml")


class PendRefused(ValueError):
    """The needed-by date (or the extension reason: ``field``) is not one the rules allow;
    the message says which rule and what would do."""

    def __init__(self, message: str, field: str = "info_needed_by"):
        super().__init__(message)
        self.field = field


class PendRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    extension_days: int = Field(ge=0, le=30)
    min_response_hours: int = Field(ge=0)
    min_response_always: bool
    decide_after_hours: int | None = Field(default=None, ge=1)
    grievance: Literal["expedited", "standard", "none"]
    source: str = Field(min_length=10)
    extension_reasons: dict[str, str] = {}
    """The reasons an extension may give, by id, with the paragraph allowing each; empty
    when the rule gives one ground that every pend for missing information meets."""

    @property
    def may_extend(self) -> bool:
        return self.extension_days > 0 or self.decide_after_hours is not None

    @property
    def cited(self) -> str:
        """The paragraph the rule comes from, as refusals cite it."""
        return self.source.split(":")[0]


class _ByUrgency(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    standard: PendRule
    expedited: PendRule


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    commercial: _ByUrgency
    medicare_advantage: _ByUrgency
    medicaid: _ByUrgency
    extension_reasons: dict[str, str] = Field(min_length=1)
    """Every reason a rule may list, by id, in the reviewer's words."""

    @model_validator(mode="after")
    def _reasons_defined(self) -> _Rules:
        for lob in ("commercial", "medicare_advantage", "medicaid"):
            for urgency in ("standard", "expedited"):
                for key in getattr(getattr(self, lob), urgency).extension_reasons:
                    if key not in self.extension_reasons:
                        raise ValueError(
                            f"{lob}.{urgency}.extension_reasons: '{key}' is not defined under "
                            f"extension_reasons ({', '.join(self.extension_reasons)})")
        return self


@cache
def _rules() -> _Rules:
    return read_model(RULES_PATH, _Rules)


def rule_for(line_of_business: str, urgency: str) -> PendRule:
    return getattr(getattr(_rules(), line_of_business), urgency)


def extension_reasons() -> dict[str, str]:
    """Every extension reason a rule may allow, by id, in the reviewer's words."""
    return dict(_rules().extension_reasons)


@dataclass(frozen=True)
class ExtensionReason:
    id: str
    words: str
    """The reviewer's words for it (``resources/pend-rules.yaml``)."""
    cited: str
    """The paragraph that allows it for this line of business and urgency."""


def reason_choices(line_of_business: str, urgency: str) -> tuple[ExtensionReason, ...]:
    """The reasons an extension may give for this line of business and urgency; none when
    its rule does not ask for one."""
    words = _rules().extension_reasons
    return tuple(ExtensionReason(key, words[key], cited)
                 for key, cited in rule_for(line_of_business, urgency).extension_reasons.items())


def _one_of(rule: PendRule) -> str:
    keys = list(rule.extension_reasons)
    return ", ".join(keys[:-1]) + f" or {keys[-1]}" if len(keys) > 1 else keys[0]


def _checked_reason(rule: PendRule, extended: bool, reason: str | None,
                    needed_by: dt.date) -> str | None:
    """The extension reason the rule allows for this pend (None when it asks for none), or
    :class:`PendRefused` naming the field and the rule."""
    if not extended:
        if reason is not None:
            raise PendRefused(
                f"an extension reason ('{reason}') belongs only to a request for information "
                f"that extends the timeframe; the needed-by date {needed_by} does not",
                "extension_reason")
        return None
    if not rule.extension_reasons:
        if reason is not None:
            raise PendRefused(
                f"the extension reason '{reason}' is not one the rule asks for: {rule.cited} "
                "gives its own ground, which a request for information meets; give none",
                "extension_reason")
        return None
    if reason is None:
        raise PendRefused(
            f"the information-needed-by date {needed_by} extends the timeframe, which "
            f"{rule.cited} allows only for a reason it names: the extension reason must be "
            f"{_one_of(rule)}", "extension_reason")
    if reason not in rule.extension_reasons:
        raise PendRefused(
            f"the extension reason '{reason}' is not one {rule.cited} allows: it must be "
            f"{_one_of(rule)}", "extension_reason")
    return reason


@dataclass(frozen=True)
class PendTimeline:
    """What a request for information does to the deadline."""

    original_due: dt.datetime
    due: dt.datetime
    """When the decision is due now: the original deadline, or the extended one."""
    extended: bool
    rule: PendRule
    reason: str | None = None
    """Why an extension is allowed, when its rule names the reasons (:func:`reason_choices`)."""

    @property
    def reason_cited(self) -> str:
        """The paragraph allowing the extension for its reason, or the rule's own."""
        return self.rule.extension_reasons.get(self.reason or "", self.rule.cited)

    @property
    def extension_days(self) -> int:
        return self.rule.extension_days


def _end_of(day: dt.date, zone: dt.tzinfo | None) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone)


def _hours(hours: int) -> str:
    return f"{hours // 24} days" if hours % 24 == 0 and hours >= 72 else f"{hours} hours"


def pend_timeline(*, received_at: dt.datetime, urgency: str, line_of_business: str,
                  asked_at: dt.datetime, needed_by: dt.date,
                  extension_reason: str | None = None) -> PendTimeline:
    """The deadline of a request for information asked at ``asked_at`` for ``needed_by``;
    :class:`PendRefused` when the rules do not allow that date, or when an extension lacks a
    reason its rule allows (``extension_reason``, one of :func:`reason_choices`)."""
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
        _checked_reason(rule, False, extension_reason, needed_by)
        return PendTimeline(due, due, False, rule)
    if not rule.may_extend:
        raise PendRefused(
            f"the information-needed-by date {needed_by} is after the decision is due ({when}) "
            f"and the rules allow no extension ({rule.cited}): ask for it by "
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
            f"{_hours(rule.min_response_hours)} to send it ({rule.cited}): ask "
            f"for it by {earliest} or later{within}")
    if rule.decide_after_hours is not None:
        new_due = end + dt.timedelta(hours=rule.decide_after_hours)
        return PendTimeline(due, max(new_due, due), True, rule,
                            _checked_reason(rule, True, extension_reason, needed_by))
    new_due = due + dt.timedelta(days=rule.extension_days)
    if needed_by > deadlines.latest_needed_by(new_due):
        raise PendRefused(
            f"the information-needed-by date {needed_by} is after even the extended decision "
            f"date ({new_due.isoformat(timespec='minutes')}, {rule.extension_days} days more: "
            f"{rule.cited}): ask for it by "
            f"{deadlines.latest_needed_by(new_due)} at the latest")
    return PendTimeline(due, new_due, True, rule,
                        _checked_reason(rule, True, extension_reason, needed_by))
