"""The lifecycle and role rules as pure functions, over every status, decision and role."""

from __future__ import annotations

import datetime as dt
from itertools import product

import pytest

from reviewer_app.core import deadlines
from reviewer_app.core import lifecycle as lc
from reviewer_app.core.lifecycle import TransitionError

REASON = "The expected survival is under three months, so surgery is unlikely to help this member."
"""An adverse reason in plain words about the member, as the rules require."""

TODAY = dt.date(2026, 11, 23)
OUTCOMES = ("meets_criteria", "refer_to_physician", "pend_missing_information",
            "no_criteria_set", None)


MEMBER_REASON = ("Your doctors expect you to live less than three months, and this surgery "
                 "takes months to recover from.")
DUE = dt.datetime(2026, 12, 5, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def decide(status, decision, role, outcome="meets_criteria", reason=REASON,
           info_needed_by=None, member_reason=MEMBER_REASON, due_at=DUE):
    if decision == "pend" and info_needed_by is None:
        info_needed_by = TODAY + dt.timedelta(days=7)
    return lc.decide(case_id=7, status=status, decision=decision, role=role,
                     latest_outcome=outcome, reason=reason, info_needed_by=info_needed_by,
                     today=TODAY, due_at=due_at,
                     member_reason=member_reason if decision in lc.ADVERSE else None)


@pytest.mark.parametrize(("status", "decision", "role", "outcome"),
                         list(product(lc.STATUSES, lc.DECISIONS, lc.ROLES, OUTCOMES)))
def test_every_combination_follows_the_rules(status, decision, role, outcome):
    allowed = (
        status in (lc.IN_REVIEW, lc.PENDED, lc.REFERRED)
        and not (status == lc.REFERRED and role == lc.NURSE)
        and not (decision in ("deny", "partial") and role == lc.NURSE)
        and not (decision == "approve" and role == lc.NURSE and outcome != "meets_criteria")
        and not (decision == "refer" and role == lc.PHYSICIAN)
    )
    if allowed:
        assert decide(status, decision, role, outcome) == lc.DECISIONS[decision]
    else:
        with pytest.raises(TransitionError) as refused:
            decide(status, decision, role, outcome)
        assert "case 7" in str(refused.value)
        assert str(refused.value) == lc.decision_problem(decision, role, status, outcome, 7), (
            "the window's tooltip says what the store refuses with")


def test_a_nurses_denial_is_refused_with_the_rule_and_what_to_do():
    with pytest.raises(TransitionError) as refused:
        decide(lc.IN_REVIEW, "deny", lc.NURSE)
    message = str(refused.value)
    assert "only a physician reviewer" in message and "refer it to a physician" in message


def test_a_nurse_approves_only_what_meets_criteria():
    assert decide(lc.IN_REVIEW, "approve", lc.NURSE, "meets_criteria") == lc.APPROVED
    with pytest.raises(TransitionError, match="refer_to_physician"):
        decide(lc.IN_REVIEW, "approve", lc.NURSE, "refer_to_physician")
    with pytest.raises(TransitionError, match="not evaluated"):
        decide(lc.IN_REVIEW, "approve", lc.NURSE, None)


@pytest.mark.parametrize("decision", ["deny", "partial"])
@pytest.mark.parametrize(
    "reason", ["does not meet criteria", "Not medically necessary.", "too soon"]
)
def test_an_adverse_reason_must_say_why_in_plain_words(decision, reason):
    with pytest.raises(TransitionError, match="plain words"):
        decide(lc.IN_REVIEW, decision, lc.PHYSICIAN, reason=reason)


@pytest.mark.parametrize("decision", ["deny", "partial"])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_an_adverse_determination_needs_its_reason(decision, reason):
    with pytest.raises(TransitionError, match="specific reason"):
        decide(lc.IN_REVIEW, decision, lc.PHYSICIAN, reason=reason)


def test_a_pend_needs_a_date_after_today_and_only_a_pend_has_one():
    with pytest.raises(TransitionError, match="needed by"):
        lc.decide(case_id=7, status=lc.IN_REVIEW, decision="pend", role=lc.NURSE,
                  latest_outcome=None, reason=None, info_needed_by=None, today=TODAY)
    with pytest.raises(TransitionError, match="not after today"):
        decide(lc.IN_REVIEW, "pend", lc.NURSE, info_needed_by=TODAY - dt.timedelta(days=1))
    with pytest.raises(TransitionError, match="not after today"):
        decide(lc.IN_REVIEW, "pend", lc.NURSE, info_needed_by=TODAY)
    tomorrow = TODAY + dt.timedelta(days=1)
    assert decide(lc.IN_REVIEW, "pend", lc.NURSE, info_needed_by=tomorrow) == lc.PENDED
    with pytest.raises(TransitionError, match="only to a pend"):
        decide(lc.IN_REVIEW, "refer", lc.NURSE, info_needed_by=tomorrow)


def test_a_pend_asks_for_the_information_before_the_decision_is_due():
    """Pending does not move the deadline: the needed-by date counts until its midnight, in
    the zone the request came from, and must end by the due time (2026-12-05 09:15 -05:00)."""
    assert decide(lc.IN_REVIEW, "pend", lc.NURSE, info_needed_by=dt.date(2026, 12, 4)) == lc.PENDED
    with pytest.raises(TransitionError) as refused:
        decide(lc.IN_REVIEW, "pend", lc.NURSE, info_needed_by=dt.date(2026, 12, 5))
    assert str(refused.value) == (
        "case 7: the information-needed-by date 2026-12-05 is after the decision is due "
        "(2026-12-05T09:15-05:00); pending does not move the deadline, so ask for it by "
        "2026-12-04 at the latest")
    expedited = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
    with pytest.raises(TransitionError, match="no needed-by date is left before it"):
        decide(lc.IN_REVIEW, "pend", lc.NURSE, info_needed_by=dt.date(2026, 11, 24),
               due_at=expedited)
    assert deadlines.latest_needed_by(dt.datetime(2026, 12, 5, 0, 0, tzinfo=dt.UTC)) == (
        dt.date(2026, 12, 4)), "a deadline at midnight leaves the day before it"


def test_what_a_pend_asks_for():
    available = ("oncology.expected_survival_months", "study:MRI:L2:marrow_edema")
    assert lc.pend_items_problem(available[:1], (), available) is None
    assert lc.pend_items_problem((), ("The operative plan",), available) is None
    assert "must ask for something" in lc.pend_items_problem((), (), available)
    assert "not among the missing items" in lc.pend_items_problem(("symptoms.pain_nrs",), (),
                                                                  available)
    assert "at most 300" in lc.pend_items_problem((), ("x" * 301,), available)
    assert "control" in lc.pend_items_problem((), ("bell\x07",), available)


@pytest.mark.parametrize("decision", ["deny", "partial"])
@pytest.mark.parametrize("text", [None, "", "does not meet criteria", "too soon"])
def test_an_adverse_determination_needs_a_reason_for_the_member_too(decision, text):
    with pytest.raises(TransitionError, match="the reason for the member"):
        decide(lc.IN_REVIEW, decision, lc.PHYSICIAN, member_reason=text)
    assert lc.member_reason_problem("approve", "some words") is not None
    assert lc.member_reason_problem("approve", None) is None


def test_a_peer_to_peer_is_a_physicians_with_a_known_outcome():
    assert lc.peer_to_peer_problem(lc.PHYSICIAN, lc.DENIED, "upheld") is None
    assert "physician reviewer" in lc.peer_to_peer_problem(lc.NURSE, lc.IN_REVIEW, "upheld")
    assert "not a peer-to-peer outcome" in lc.peer_to_peer_problem(lc.PHYSICIAN, lc.IN_REVIEW,
                                                                   "shouted")
    assert "draft" in lc.peer_to_peer_problem(lc.PHYSICIAN, lc.DRAFT, "declined")


def test_unknown_decisions_and_roles_are_refused():
    with pytest.raises(TransitionError, match="not a decision"):
        decide(lc.IN_REVIEW, "rubber-stamp", lc.NURSE)
    with pytest.raises(TransitionError, match="not a reviewer role"):
        decide(lc.IN_REVIEW, "approve", "administrator")


@pytest.mark.parametrize(("status", "role", "after"), [
    (lc.DRAFT, lc.NURSE, lc.IN_REVIEW),
    (lc.PENDED, lc.NURSE, lc.IN_REVIEW),
    (lc.IN_REVIEW, lc.PHYSICIAN, lc.IN_REVIEW),
    (lc.REFERRED, lc.PHYSICIAN, lc.REFERRED),
])
def test_assignment(status, role, after):
    assert lc.assign(case_id=7, status=status, role=role) == after


@pytest.mark.parametrize("status", [*lc.DECIDED, lc.LETTER_ISSUED])
def test_a_decided_case_cannot_be_reassigned(status):
    with pytest.raises(TransitionError):
        lc.assign(case_id=7, status=status, role=lc.PHYSICIAN)


def test_a_referred_case_goes_only_to_a_physician():
    with pytest.raises(TransitionError, match="physician"):
        lc.assign(case_id=7, status=lc.REFERRED, role=lc.NURSE)


def test_a_letter_follows_a_decision_once():
    for status in lc.DECIDED:
        assert lc.issue_letter(case_id=7, status=status) == lc.LETTER_ISSUED
    for status in (*lc.OPEN, lc.LETTER_ISSUED):
        with pytest.raises(TransitionError):
            lc.issue_letter(case_id=7, status=status)
