"""The written notice after an oral one (``deadlines.late_confirmation``): 42 CFR 422.572(c)
(Medicare Advantage, within 3 calendar days of the oral notification) and 29 CFR
2560.503-1(g)(2) (ERISA urgent care, not later than 3 days after it), counted in calendar days
of the plan's zone; Medicaid has no such window (438.404(a), (c): the notice is written and due
within the expedited timeframe itself)."""

from __future__ import annotations

import datetime as dt

import pytest

from reviewer_app.core import deadlines
from reviewer_app.core.deadlines import WRITTEN_AFTER_ORAL, late_confirmation

CHICAGO = dt.timezone(dt.timedelta(hours=-6))
TOLD = dt.datetime(2026, 11, 20, 9, 15, tzinfo=CHICAGO)


def late(written: dt.datetime, lob="commercial", letter_type="adverse", recipient="member",
         zone=CHICAGO):
    return late_confirmation(lob, letter_type, recipient, TOLD, written, zone)


@pytest.mark.parametrize("lob", ["commercial", "medicare_advantage"])
def test_exactly_three_calendar_days_is_in_time_and_four_is_a_day_late(lob):
    on_day_three = TOLD.replace(hour=23, minute=59) + dt.timedelta(days=3)
    assert late(on_day_three, lob) is None
    found = late(TOLD.replace(hour=0, minute=1) + dt.timedelta(days=4), lob)
    assert found is not None and (found.days_after, found.days_late) == (4, 1)
    assert found.rule == WRITTEN_AFTER_ORAL[lob]
    assert found.to_json_dict() == {"told_on": "2026-11-20", "written_on": "2026-11-24",
                                    "days_late": 1, "limit_days": 3,
                                    "rule": WRITTEN_AFTER_ORAL[lob].citation}
    assert late(TOLD + dt.timedelta(days=9), lob).days_late == 6


def test_the_rules_cite_their_paragraphs():
    assert WRITTEN_AFTER_ORAL["medicare_advantage"].citation == "42 CFR 422.572(c)"
    assert WRITTEN_AFTER_ORAL["commercial"].citation == "29 CFR 2560.503-1(g)(2)"
    assert {rule.days for rule in WRITTEN_AFTER_ORAL.values()} == {3}


def test_days_are_counted_in_the_plan_s_zone_not_in_utc():
    """Told at 23:30 in Chicago (05:30 UTC the next day), written 4 Chicago days later at
    00:30 (06:30 UTC, still 3 UTC days after the call): a day late where the plan is."""
    told = dt.datetime(2026, 11, 20, 23, 30, tzinfo=CHICAGO)
    written = dt.datetime(2026, 11, 24, 0, 30, tzinfo=CHICAGO).astimezone(dt.UTC)
    found = late_confirmation("medicare_advantage", "partial", "member",
                              told.astimezone(dt.UTC), written, CHICAGO)
    assert found is not None and found.told_on == dt.date(2026, 11, 20)
    assert late_confirmation("medicare_advantage", "partial", "member", told, written,
                             dt.UTC) is None


def test_only_the_member_s_adverse_letters_are_timed_and_medicaid_has_no_window():
    four_days = TOLD + dt.timedelta(days=4)
    assert late(four_days, lob="medicaid") is None
    assert late(four_days, letter_type="approval") is None
    assert late(four_days, letter_type="pend") is None
    assert late(four_days, recipient="provider") is None
    assert late(four_days, letter_type="partial") is not None


def test_the_message_says_how_late_and_cites_the_rule():
    text = late(TOLD + dt.timedelta(days=5)).message()
    assert text.startswith("the written confirmation is 2 days late: the decision was told by "
                           "phone on 2026-11-20 and this letter is written on 2026-11-25, 5 "
                           "calendar days later")
    assert text.endswith("29 CFR 2560.503-1(g)(2) asks for it within 3 calendar days of the "
                         "oral notice")
    assert deadlines.CONFIRMED_LETTERS == ("adverse", "partial")
