"""Decision timeframes, counted from receipt of the request.

Expedited: 72 hours for every line of business. Standard: 15 calendar days for commercial
plans (ERISA, 29 CFR 2560.503-1(f)(2)(iii)(A); NCQA UM 5) and 7 calendar days for Medicare
Advantage and Medicaid managed care (CMS-0057-F: from 2026-01-01 for MA, for rating periods
starting on or after 2026-01-01 for Medicaid plans). The due time keeps the offset of
``received_at`` so the nurse sees it in the zone the request arrived in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

STANDARD_DAYS = {"commercial": 15, "medicare_advantage": 7, "medicaid": 7}
EXPEDITED = timedelta(hours=72)

APPEAL_DAYS = {"commercial": 180, "medicare_advantage": 65, "medicaid": 60}
"""Appeal filing windows: 29 CFR 2560.503-1(h)(3)(i); 42 CFR 422.582(b); 438.402(c)(2)(ii)."""


@dataclass(frozen=True)
class ConfirmationRule:
    days: int
    """Calendar days after the day of the oral notice by which the written one must follow."""
    citation: str


WRITTEN_AFTER_ORAL = {
    "medicare_advantage": ConfirmationRule(3, "42 CFR 422.572(c)"),
    "commercial": ConfirmationRule(3, "29 CFR 2560.503-1(g)(2)"),
}
"""When an adverse expedited decision was told by phone first, how soon the written notice
must follow. Medicare Advantage, 42 CFR 422.572(c): the plan "must mail written confirmation to
the enrollee within 3 calendar days of the oral notification". ERISA urgent care, 29 CFR
2560.503-1(g)(2): the (g)(1) notice may be given orally "provided that a written or electronic
notification ... is furnished to the claimant not later than 3 days after the oral
notification". Both are about adverse determinations, to the member (:data:`CONFIRMED_LETTERS`).
Medicaid has no such window: its notice of an adverse decision is written (42 CFR 438.404(a))
and due within the expedited timeframe itself (438.404(c), 438.210(d)(2)), which a phone call
does not extend; so it is absent here."""

CONFIRMED_LETTERS = ("adverse", "partial")
"""The letters those rules time: adverse determinations, whole or partial."""


@dataclass(frozen=True)
class LateConfirmation:
    """A written notice produced after the window of :data:`WRITTEN_AFTER_ORAL`."""

    told_on: date
    written_on: date
    rule: ConfirmationRule

    @property
    def days_after(self) -> int:
        return (self.written_on - self.told_on).days

    @property
    def days_late(self) -> int:
        return self.days_after - self.rule.days

    def message(self) -> str:
        late = f"{self.days_late} day{'s' if self.days_late != 1 else ''}"
        return (f"the written confirmation is {late} late: the decision was told by phone on "
                f"{self.told_on:%Y-%m-%d} and this letter is written on "
                f"{self.written_on:%Y-%m-%d}, {self.days_after} calendar days later; "
                f"{self.rule.citation} asks for it within {self.rule.days} calendar days of "
                "the oral notice")

    def to_json_dict(self) -> dict:
        return {"told_on": self.told_on.isoformat(), "written_on": self.written_on.isoformat(),
                "days_late": self.days_late, "limit_days": self.rule.days,
                "rule": self.rule.citation}


def late_confirmation(line_of_business: str, letter_type: str, recipient: str,
                      told_at: datetime, written_at: datetime,
                      zone: tzinfo | None) -> LateConfirmation | None:
    """Whether a written ``letter_type`` letter to ``recipient`` at ``written_at`` confirms the
    oral notice of ``told_at`` too late (the rules time the member's letter). Calendar days
    are counted in ``zone``, the plan's (the zone the request arrived in, as the decision's
    due time is): told on the 1st, written on the 4th is in time, on the 5th a day late. None
    when in time or when no rule times the letter."""
    rule = WRITTEN_AFTER_ORAL.get(line_of_business)
    if rule is None or letter_type not in CONFIRMED_LETTERS or recipient != "member":
        return None
    told_on, written_on = told_at.astimezone(zone).date(), written_at.astimezone(zone).date()
    if (written_on - told_on).days <= rule.days:
        return None
    return LateConfirmation(told_on, written_on, rule)


def decision_timeframe(urgency: str, line_of_business: str) -> timedelta:
    if urgency == "expedited":
        return EXPEDITED
    return timedelta(days=STANDARD_DAYS[line_of_business])


def due_at(received_at: datetime, urgency: str, line_of_business: str) -> datetime:
    return received_at + decision_timeframe(urgency, line_of_business)


def latest_needed_by(due: datetime) -> date:
    """The last date information can be asked for by when the decision is due at ``due``: a
    date counts until its end (midnight in the zone the request arrived in), and the decision
    deadline does not move because a case is pended, so that end must not be after ``due``."""
    last = due.date()
    if datetime.combine(last + timedelta(days=1), time(), tzinfo=due.tzinfo) > due:
        last -= timedelta(days=1)
    return last


def needed_by_problem(needed_by: date, due: datetime, today: date) -> str | None:
    """Why information cannot be asked for by ``needed_by`` on a request due at ``due``
    (asked ``today``): it must come after today and before the decision is due. None when
    the date fits."""
    latest = latest_needed_by(due)
    when = due.isoformat(timespec="minutes")
    if needed_by <= today:
        return (f"the information-needed-by date {needed_by} must be after today ({today}), "
                "so the provider has time to send it")
    if needed_by > latest:
        if latest <= today:
            return (f"the decision is due {when}, so no needed-by date is left before it "
                    "(pending does not move the deadline): decide on the records at hand, or "
                    "refer the case to a physician")
        return (f"the information-needed-by date {needed_by} is after the decision is due "
                f"({when}); pending does not move the deadline, so ask for it by {latest} at "
                "the latest")
    return None
