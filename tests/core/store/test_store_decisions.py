"""Decisions in the store: roles, the lifecycle, and saves that never lose an update."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storekit import NOW, add_signer, add_team, meets_doc, open_store, raw, refer_doc, text

from reviewer_app.core.store import audit, cases, decisions
from reviewer_app.core.store.errors import (
    StaleCaseError,
    TamperedCaseError,
    TransitionError,
    UnknownReviewerError,
)

REASON = "The expected survival is under three months, so surgery is unlikely to help this member."
"""An adverse reason in plain words about the member, as the rules require."""
MEMBER_REASON = ("Your doctors expect you to live less than three months, and this surgery "
                 "takes months to recover from.")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        team = add_team(opened)
        opened.nurse, opened.physician = team.nurse, team.physician
        cases.import_documents(opened, [("meets.json", text(meets_doc(1))),
                                        ("refer.json", text(refer_doc(2)))])
        yield opened


def in_review(store, case_id: int, reviewer) -> int:
    return decisions.assign(store, case_id, reviewer=reviewer.id, expected_version=1).version


def test_a_nurse_approves_a_case_that_meets_criteria(store):
    version = in_review(store, 1, store.nurse)
    result = decisions.decide(store, 1, "approve", by=store.nurse, expected_version=version)
    assert (result.case.status, result.case.version) == ("approved", 3)
    assert (result.decision.role, result.decision.status_before) == ("nurse", "in_review")
    assert result.decision.evaluation_id == cases.latest_evaluation(store, 1).id
    assert audit.verify_audit(store).ok


def test_a_nurses_denial_is_refused_and_nothing_changes(store):
    version = in_review(store, 1, store.nurse)
    entries = len(audit.entries(store))
    with pytest.raises(TransitionError, match="only a physician reviewer"):
        decisions.decide(store, 1, "deny", by=store.nurse, expected_version=version,
                         reason=REASON)
    with pytest.raises(TransitionError, match="only a physician reviewer"):
        decisions.decide(store, 1, "partial", by=store.nurse, expected_version=version,
                         reason=REASON)
    assert cases.get_case(store, 1).status == "in_review"
    assert len(audit.entries(store)) == entries
    assert cases.decisions_for(store, 1) == []


def test_a_nurse_cannot_approve_a_referral_outcome_but_refers_and_a_physician_decides(store):
    version = in_review(store, 2, store.nurse)
    with pytest.raises(TransitionError, match="refer_to_physician"):
        decisions.decide(store, 2, "approve", by=store.nurse, expected_version=version)
    referred = decisions.decide(store, 2, "refer", by=store.nurse, expected_version=version,
                                reason=REASON)
    assert referred.case.status == "referred" and referred.case.assigned_reviewer is None
    with pytest.raises(TransitionError, match="referred to a physician"):
        decisions.decide(store, 2, "pend", by=store.nurse,
                         expected_version=referred.case.version,
                         info_needed_by=dt.date(2026, 12, 1))
    denied = decisions.decide(store, 2, "deny", by=store.physician,
                              expected_version=referred.case.version,
                              reason="Surgery is not expected to help within the expected "
                                     "survival; radiation is the standard option.",
                              member_reason=MEMBER_REASON)
    assert denied.case.status == "denied"
    with pytest.raises(TransitionError, match="already been decided"):
        decisions.decide(store, 2, "approve", by=store.physician,
                         expected_version=denied.case.version)
    closed = decisions.issue_letter(store, 2, by=store.physician.id,
                                    expected_version=denied.case.version, letter_sha256="ab" * 32)
    assert closed.status == "letter_issued"
    assert [d.decision for d in cases.decisions_for(store, 2)] == ["refer", "deny"]
    assert audit.verify_audit(store).ok


def test_a_pend_keeps_its_date_and_a_draft_must_be_taken_into_review_first(store):
    with pytest.raises(TransitionError, match="draft"):
        decisions.decide(store, 1, "approve", by=store.nurse, expected_version=1)
    version = in_review(store, 1, store.nurse)
    pended = decisions.decide(store, 1, "pend", by=store.nurse, expected_version=version,
                              info_needed_by=NOW.date() + dt.timedelta(days=5),
                              reason=REASON, info_added=["The operative plan"])
    assert pended.case.status == "pended" and pended.case.info_needed_by == "2026-11-28"
    resumed = decisions.assign(store, 1, reviewer=store.nurse.id,
                               expected_version=pended.case.version)
    assert resumed.status == "in_review"


def test_an_unknown_reviewer_is_refused(store):
    with pytest.raises(UnknownReviewerError):
        decisions.assign(store, 1, reviewer=99, expected_version=1)


def test_a_stale_save_from_a_second_connection_is_refused(tmp_path, store):
    version = in_review(store, 1, store.nurse)
    with open_store(store.path) as other:
        read_here = cases.get_case(store, 1).version
        read_there = cases.get_case(other, 1).version
        assert read_here == read_there == version
        decisions.decide(other, 1, "refer", by=store.nurse, expected_version=read_there)
        with pytest.raises(StaleCaseError) as refused:
            decisions.decide(store, 1, "approve", by=store.nurse, expected_version=read_here)
    message = str(refused.value)
    assert "changed by reviewer 1" in message and "version 2" in message
    assert "Nothing was saved" in message
    assert cases.get_case(store, 1).status == "referred"
    assert len(cases.decisions_for(store, 1)) == 1
    assert audit.verify_audit(store).ok


def test_a_case_edited_outside_the_application_is_not_decided(store):
    version = in_review(store, 1, store.nurse)
    store.conn.execute("UPDATE cases SET urgency = 'expedited' WHERE id = 1")
    store.conn.commit()
    with pytest.raises(TamperedCaseError, match="changed outside the application"):
        decisions.decide(store, 1, "approve", by=store.nurse, expected_version=version)
    with pytest.raises(TamperedCaseError):
        cases.export_case(store, 1, lambda _text: None)
    assert not cases.view_case(store, 1).intact


def test_a_nurse_promoted_to_physician_behind_the_apps_back_cannot_deny(store):
    version = in_review(store, 1, store.nurse)
    store.conn.execute("UPDATE reviewers SET role = 'physician' WHERE id = ?",
                       (store.nurse.id,))
    store.conn.commit()
    with pytest.raises(TamperedCaseError, match="record altered: reviewer 1 does not match"):
        decisions.decide(store, 1, "deny", by=store.nurse, expected_version=version,
                         reason=REASON)
    assert cases.get_case(store, 1).status == "in_review"


STEPS = st.lists(st.tuples(st.sampled_from([1, 2]),
                           st.sampled_from(["assign", "approve", "partial", "deny", "refer",
                                            "pend", "letter"]),
                           st.sampled_from(["nurse", "physician"])), max_size=10)


@settings(max_examples=25, deadline=None)
@given(steps=STEPS)
def test_random_review_sessions_never_break_a_rule(tmp_path_factory, steps):
    """Whatever reviewers try, in any order: refusals change nothing, every accepted step adds
    exactly one version, no nurse makes an adverse determination or approves what does not
    meet criteria, nothing moves after a decision except its letter, and the audit verifies."""
    path = tmp_path_factory.mktemp("session") / "cases.sqlite3"
    with open_store(path) as store:
        ids = {"nurse": add_signer(store, "N", "RN", "nurse"),
               "physician": add_signer(store, "P", "MD", "physician")}
        cases.import_documents(store, [("m.json", text(meets_doc(1))),
                                       ("r.json", text(refer_doc(2)))])
        accepted = {1: 0, 2: 0}
        for case_id, action, role in steps:
            before = cases.get_case(store, case_id)
            by = ids[role]
            try:
                if action == "assign":
                    decisions.assign(store, case_id, reviewer=by.id,
                                     expected_version=before.version)
                elif action == "letter":
                    decisions.issue_letter(store, case_id, by=by.id,
                                           expected_version=before.version)
                else:
                    decisions.decide(
                        store, case_id, action, by=by, expected_version=before.version,
                        reason=REASON,
                        member_reason=MEMBER_REASON if action in ("deny", "partial") else None,
                        info_added=["The operative plan"] if action == "pend" else (),
                        info_needed_by=NOW.date() + dt.timedelta(days=3)
                        if action == "pend" else None)
            except TransitionError:
                assert cases.get_case(store, case_id) == before
                continue
            accepted[case_id] += 1
            after = cases.get_case(store, case_id)
            assert after.version == before.version + 1
            if before.status in ("approved", "partially_approved", "denied"):
                assert after.status == "letter_issued"
        for case_id in (1, 2):
            assert cases.get_case(store, case_id).version == 1 + accepted[case_id]
            outcome = cases.latest_evaluation(store, case_id).outcome
            for decision in cases.decisions_for(store, case_id):
                if decision.decision in ("deny", "partial"):
                    assert decision.role == "physician"
                if decision.decision == "approve" and decision.role == "nurse":
                    assert outcome == "meets_criteria"
        assert audit.verify_audit(store).ok


def test_a_decision_relies_on_an_evaluation_checked_first(store):
    """An evaluation edited with its trigger dropped (refer -> meets criteria) cannot be
    approved on: the decision is refused as "record altered" and nothing is written."""
    version = in_review(store, 2, store.nurse)
    raw(store, "DROP TRIGGER evaluations_keep_update",
        "UPDATE evaluations SET outcome = 'meets_criteria' WHERE case_id = 2")
    with pytest.raises(TamperedCaseError, match="record altered: evaluation 2 does not match"):
        decisions.decide(store, 2, "approve", by=store.nurse, expected_version=version)
    assert cases.decisions_for(store, 2) == [] and cases.get_case(store, 2).version == version


def test_a_decision_is_signed_and_checkpointed(store):
    version = in_review(store, 1, store.nurse)
    result = decisions.decide(store, 1, "approve", by=store.nurse, expected_version=version)
    assert result.decision.key_id == store.nurse.key_id and result.decision.signature
    [seq] = [e.seq for e in audit.entries(store) if e.action == "decide"]
    assert store.conn.execute("SELECT reviewer_id FROM audit_checkpoints WHERE seq = ?",
                              (seq,)).fetchone()[0] == store.nurse.id
    report = audit.verify_audit(store)
    assert report.ok and report.signed_decisions == 1 and report.checkpoints >= 3
