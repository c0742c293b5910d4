"""Decision timeframes, counted from receipt of the request.

Expedited: 72 hours for every line of business. Standard: 15 calendar days for commercial
plans (ERISA, 29 CFR 2560.503-1(f); NCQA UM 5) and 7 calendar days for Medicare Advantage and
Medicaid managed care (CMS-0057-F, in force from 2026-01-01). The due time keeps the offset of
``received_at`` so the nurse sees it in the zone the request arrived in.
"""

from __future__ import annotations

from datetime import datetime, timedelta

STANDARD_DAYS = {"commercial": 15, "medicare_advantage": 7, "medicaid": 7}
EXPEDITED = timedelta(hours=72)

APPEAL_DAYS = {"commercial": 180, "medicare_advantage": 65, "medicaid": 60}
"""Appeal filing windows: 29 CFR 2560.503-1(h)(3)(i); 42 CFR 422.582(b); 42 CFR 438.402(c)."""


def decision_timeframe(urgency: str, line_of_business: str) -> timedelta:
    if urgency == "expedited":
        return EXPEDITED
    return timedelta(days=STANDARD_DAYS[line_of_business])


def due_at(received_at: datetime, urgency: str, line_of_business: str) -> datetime:
    return received_at + decision_timeframe(urgency, line_of_business)
