"""Letters that must not exist are refused before anything is drawn, with the reason."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from reviewer_app.core.letters.errors import LetterRefused
from reviewer_app.core.letters.examples import NURSE, PHYSICIAN, request_for


def _with(letter_type: str, recipient: str = "member", **changes):
    request = request_for(letter_type, recipient)
    return dataclasses.replace(request, **changes)


def test_examples_are_accepted():
    for letter_type in ("approval", "partial", "adverse", "pend"):
        for recipient in ("member", "provider"):
            assert request_for(letter_type, recipient).letter_type == letter_type


@pytest.mark.parametrize("letter_type", ["adverse", "partial"])
def test_only_a_physician_may_deny(letter_type):
    with pytest.raises(LetterRefused, match="only a physician reviewer may issue"):
        _with(letter_type, decider=NURSE)


@pytest.mark.parametrize("reason", [
    "Does not meet criteria.",
    "not medically necessary",
    "Criteria not met",
    "Too short to say anything.",
    "",
])
def test_a_bare_reason_is_refused(reason):
    with pytest.raises(LetterRefused, match="does not meet criteria\" alone is not a reason"):
        _with("adverse", reason_text=reason)


def test_a_nurse_approves_only_what_meets_criteria():
    adverse = request_for("adverse")
    assert adverse.determination.outcome == "refer_to_physician"
    with pytest.raises(LetterRefused, match="a nurse reviewer may approve only"):
        _with("approval", determination=adverse.determination, case=adverse.case)
    physician = _with("approval", determination=adverse.determination, case=adverse.case,
                      decider=PHYSICIAN)
    assert physician.approved == physician.requested_codes


def test_approval_needs_an_authorization_number_and_a_sane_validity():
    with pytest.raises(LetterRefused, match="needs an authorization number"):
        _with("approval", authorization_number=" ")
    with pytest.raises(LetterRefused, match="validity period"):
        _with("approval", validity_days=0)


def test_a_partial_approval_approves_some_but_not_all():
    request = request_for("partial")
    with pytest.raises(LetterRefused, match="some, but not all"):
        dataclasses.replace(request, approved_codes=request.requested_codes)
    with pytest.raises(LetterRefused, match="lists the codes it approves"):
        dataclasses.replace(request, approved_codes=())
    with pytest.raises(LetterRefused, match="approved code 99999 was not requested"):
        dataclasses.replace(request, approved_codes=("99999",))
    fewer_levels = dataclasses.replace(request, approved_codes=request.requested_codes,
                                       approved_levels=("L2",))
    assert fewer_levels.denied == ()
    with pytest.raises(LetterRefused, match="approved level T4 was not requested"):
        dataclasses.replace(request, approved_levels=("T4",))
    assert request.denied == ("63030",)


def test_a_pend_needs_missing_items_and_a_later_date():
    pend = request_for("pend")
    assert pend.determination.missing_information
    with pytest.raises(LetterRefused, match="needs the date it is needed by"):
        dataclasses.replace(pend, info_needed_by=None)
    with pytest.raises(LetterRefused, match="must be after the decision"):
        dataclasses.replace(pend, info_needed_by=pend.decided_at.date())
    approval = request_for("approval")
    with pytest.raises(LetterRefused, match="this evaluation is 'meets_criteria'"):
        dataclasses.replace(pend, determination=approval.determination)


def test_times_and_ids():
    request = request_for("approval")
    with pytest.raises(LetterRefused, match="needs a UTC offset"):
        dataclasses.replace(request, decided_at=dt.datetime(2026, 11, 24, 10, 30))
    with pytest.raises(LetterRefused, match="before the request was received"):
        dataclasses.replace(request, decided_at=request.case.received_at - dt.timedelta(days=1))
    with pytest.raises(LetterRefused, match="cannot replace itself"):
        dataclasses.replace(request, replaces_letter_id=request.letter_id)
    with pytest.raises(LetterRefused, match="unknown letter type"):
        dataclasses.replace(request, letter_type="denial")


def test_validity_and_letter_date():
    request = request_for("approval")
    assert request.valid_until == dt.date(2027, 2, 20)
    later = dataclasses.replace(request, issued_on=dt.date(2026, 11, 26), validity_days=30)
    assert later.date == dt.date(2026, 11, 26)
    assert later.valid_until == dt.date(2026, 12, 25)
