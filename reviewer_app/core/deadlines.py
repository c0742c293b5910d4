"""Decision timeframes, counted from receipt of the request.

Expedited: 72 hours for every line of business. Standard: 15 calendar days for commercial
plans (ERISA, 29 CFR 2560.503-1(f)(2)(iii)(A); NCQA UM 5) and 7 calendar days for Medicare
Advantage and Medicaid managed care (CMS-0057-F: from 2026-01-01 for MA, for rating periods
starting on or after 2026-01-01 for Medicaid plans). The due time keeps the offset of
``received_at`` so the nurse sees it in the zone the request arrived in.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

STANDARD_DAYS = {"commercial": 15, "medicare_advantage": 7, "medicaid": 7}
EXPEDITED = timedelta(hours=72)

APPEAL_DAYS = {"commercial": 180, "medicare_advantage": 65, "medicaid": 60}
"""Appeal filing windows: 29 CFR 2560.503-1(h)(3)(i); 42 CFR 422.582(b); 438.402(c)(2)(ii)."""


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
