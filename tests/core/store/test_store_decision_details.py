"""What a decision says beyond its status: the member's reason (and its language), approved
levels, a pend's items and its date against the deadline; signatures over the new columns with
older signatures still valid; peer-to-peer records."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from paths import SEED
from storekit import NOW, add_team, meets_doc, open_store, raw, rechain, refer_doc, text

from reviewer_app.core.store import audit, cases, decisions, signing
from reviewer_app.core.store.errors import StoreError, TransitionError
from reviewer_app.core.store.peer_to_peer import peer_to_peer_for, record_peer_to_peer

CLINICAL = ("Expected survival under 3 months (Tokuhashi 5); surgical morbidity outweighs "
            "the benefit, radiation is the standard option.")
MEMBER = ("Your doctors expect you to live less than three months, and this surgery takes "
          "months to recover from.")
MEMBER_ES = ("Sus médicos esperan que viva menos de tres meses, y recuperarse de esta cirugía "
             "lleva meses.")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        team = add_team(opened)
        opened.nurse, opened.physician = team.nurse, team.physician
        seed = json.loads(SEED.read_text(encoding="utf-8"))
        seed["member"]["language"] = "es-MX"
        cases.import_documents(opened, [("refer.json", text(refer_doc(1))),
                                        ("seed.json", json.dumps(seed)),
                                        ("meets.json", text(meets_doc(3)))])
        yield opened


def taken(store, case_id, reviewer) -> int:
    return decisions.assign(store, case_id, reviewer=reviewer.id,
                            expected_version=cases.get_case(store, case_id).version).version


def test_a_denial_keeps_both_reasons_and_the_member_reasons_language(store):
    decided = decisions.decide(store, 1, "deny", by=store.physician,
                               expected_version=taken(store, 1, store.physician),
                               reason=CLINICAL, member_reason=MEMBER)
    assert (decided.decision.reason, decided.decision.member_reason) == (CLINICAL, MEMBER)
    assert decided.decision.member_language == "en"
    partial = decisions.decide(store, 2, "partial", by=store.physician,
                               expected_version=taken(store, 2, store.physician),
                               reason=CLINICAL, member_reason=MEMBER_ES,
                               approved_codes=["63090", "22558"], approved_levels=["l2", "L3"])
    assert partial.decision.member_language == "es", "es-MX writes Spanish letters"
    assert partial.decision.approved_levels == "L2 L3"
    assert audit.verify_audit(store).ok


@pytest.mark.parametrize(("levels", "message"), [
    (["L5"], "approved level L5 was not requested"),
])
def test_approved_levels_are_among_those_requested(store, levels, message):
    with pytest.raises(TransitionError, match=message):
        decisions.decide(store, 2, "partial", by=store.physician,
                         expected_version=taken(store, 2, store.physician), reason=CLINICAL,
                         member_reason=MEMBER, approved_codes=["63090"], approved_levels=levels)


def test_every_code_at_fewer_levels_is_a_partial_approval(store):
    codes = [p["code"] for p in json.loads(SEED.read_text())["service"]["procedures"]]
    decided = decisions.decide(store, 2, "partial", by=store.physician,
                               expected_version=taken(store, 2, store.physician),
                               reason=CLINICAL, member_reason=MEMBER_ES, approved_codes=codes,
                               approved_levels=["L1", "L2"])
    assert decided.case.status == "partially_approved"
    with pytest.raises(TransitionError, match="belong only to a partial approval"):
        decisions.decide(store, 3, "approve", by=store.nurse,
                         expected_version=taken(store, 3, store.nurse), approved_levels=["L1"])


def test_a_pend_records_what_it_asks_for_and_is_due_before_the_deadline(store):
    """The seed without its survival estimate pends; the nurse keeps that item and adds one
    of her own. The case is due 2026-12-05 09:15 -05:00, so 2026-12-05 would extend the
    timeframe, which a commercial plan may do only when it gives the claimant at least 45 days
    (29 CFR 2560.503-1(f)(2)(iii)(A)): the refusal names both dates that would do."""
    doc = json.loads(SEED.read_text(encoding="utf-8"))
    del doc["oncology"]["expected_survival_months"]
    [pend] = cases.import_documents(store, [("pend.json", json.dumps(doc))])
    evaluation = cases.latest_evaluation(store, pend.case_id)
    missing = evaluation.determination["missing_information"]
    assert "oncology.expected_survival_months" in missing
    version = taken(store, pend.case_id, store.nurse)
    refusal = (r"at least 45 days .*ask for it by 2027-01-07 or later, or by 2026-12-04 "
               "without extending")
    with pytest.raises(TransitionError, match=refusal):
        decisions.decide(store, pend.case_id, "pend", by=store.nurse, expected_version=version,
                         info_needed_by=dt.date(2026, 12, 5))
    with pytest.raises(TransitionError, match="not among the missing items"):
        decisions.decide(store, pend.case_id, "pend", by=store.nurse, expected_version=version,
                         info_needed_by=dt.date(2026, 12, 4), info_kept=["symptoms.pain_nrs"])
    with pytest.raises(TransitionError, match="must ask for something"):
        decisions.decide(store, pend.case_id, "pend", by=store.nurse, expected_version=version,
                         info_needed_by=dt.date(2026, 12, 4), info_kept=[])
    decided = decisions.decide(
        store, pend.case_id, "pend", by=store.nurse, expected_version=version,
        info_needed_by=dt.date(2026, 12, 4), info_kept=["oncology.expected_survival_months"],
        info_added=["  The oncology clinic note   of November  "])
    assert decided.decision.kept_items == ("oncology.expected_survival_months",)
    assert decided.decision.added_items == ("The oncology clinic note of November",)
    with pytest.raises(TransitionError, match="belong only to a pend"):
        decisions.decide(store, 3, "approve", by=store.nurse,
                         expected_version=taken(store, 3, store.nurse), info_added=["x"])
    assert audit.verify_audit(store).ok


@pytest.mark.parametrize("statement", [
    "UPDATE decisions SET member_reason = 'Someone else wrote this reason for the member, not "
    "the physician who signed.' WHERE decision = 'deny'",
    # a newer decision cannot pass for an older one (ur-decision/1) by clearing its new columns
    "UPDATE decisions SET member_reason = NULL, member_language = NULL WHERE decision = 'deny'",
], ids=["edited", "cleared"])
def test_the_signature_covers_the_new_columns(store, statement):
    decisions.decide(store, 1, "deny", by=store.physician,
                     expected_version=taken(store, 1, store.physician), reason=CLINICAL,
                     member_reason=MEMBER)
    rechain(store, statement)
    faults = audit.verify_audit(store).lines()
    assert any("does not match its signature" in message for message in faults), faults


def test_decisions_signed_before_the_new_columns_still_verify(store, monkeypatch):
    """A decision signed the way version 9 signed them (``ur-decision/1`` over the columns it
    had) stays valid, and so does one signed now."""

    def version_9(row):
        return signing.canonical({"kind": "ur-decision/1", **{
            name: row[name] for name in signing.FIRST_SIGNED_COLUMNS}}).encode()

    monkeypatch.setattr(decisions, "decision_payload", version_9)
    decisions.decide(store, 3, "approve", by=store.nurse,
                     expected_version=taken(store, 3, store.nurse))
    monkeypatch.undo()
    decisions.decide(store, 1, "refer", by=store.nurse,
                     expected_version=taken(store, 1, store.nurse), reason="SINS 9, unclear")
    report = audit.verify_audit(store)
    assert report.ok and report.signed_decisions == 2, report.lines()
    assert audit.verify_case(store, 3).ok


def test_a_peer_to_peer_is_recorded_audited_and_checked(store):
    version = taken(store, 1, store.nurse)
    decisions.decide(store, 1, "refer", by=store.nurse, expected_version=version,
                     reason="Survival estimate 2 months")
    held = NOW - dt.timedelta(hours=2)
    with pytest.raises(TransitionError, match="held by a physician reviewer"):
        record_peer_to_peer(store, 1, by=store.nurse.id, provider="R. Alvarez, MD",
                            held_at=held, outcome="upheld")
    with pytest.raises(StoreError, match="in the future"):
        record_peer_to_peer(store, 1, by=store.physician.id, provider="R. Alvarez, MD",
                            held_at=NOW + dt.timedelta(hours=1), outcome="upheld")
    with pytest.raises(StoreError, match="needs who spoke for the provider"):
        record_peer_to_peer(store, 1, by=store.physician.id, provider="  ", held_at=held,
                            outcome="upheld")
    talk = record_peer_to_peer(store, 1, by=store.physician.id, provider=" R. Alvarez,  MD ",
                               held_at=held, outcome="new_information",
                               note="Will send the oncology note with the survival estimate.")
    assert talk.provider == "R. Alvarez, MD" and talk.held == held
    assert peer_to_peer_for(store, 1) == [talk]
    [entry] = [e for e in audit.entries(store, case_id=1) if e.action == "peer_to_peer"]
    assert entry.details["outcome"] == "new_information"
    assert audit.verify_audit(store).ok and audit.verify_case(store, 1).ok
    raw(store, "DROP TRIGGER peer_to_peer_keep_update",
        "UPDATE peer_to_peer SET outcome = 'upheld'")
    assert not audit.verify_case(store, 1).ok
    assert any("peer to peer 1 does not match" in fault.message
               for fault in audit.verify_case(store, 1).faults)


def _ma_pend(store):
    """A Medicare Advantage case that pends (no survival estimate), taken by the nurse; the
    latest needed-by date within its deadline and one that extends it."""
    doc = json.loads(SEED.read_text(encoding="utf-8"))
    del doc["oncology"]["expected_survival_months"]
    doc["line_of_business"] = "medicare_advantage"
    doc["received_at"] = (NOW - dt.timedelta(hours=2)).isoformat()
    [pend] = cases.import_documents(store, [("ma-pend.json", json.dumps(doc))])
    from reviewer_app.core import deadlines
    due = deadlines.due_at(NOW - dt.timedelta(hours=2), "standard", "medicare_advantage")
    latest = deadlines.latest_needed_by(due)
    return pend.case_id, taken(store, pend.case_id, store.nurse), latest + dt.timedelta(days=5)


def test_a_medicare_advantage_extension_records_its_reason(store):
    """42 CFR 422.568(b)(1)(i)(A)-(C): the store refuses the extension without one of the
    reasons (naming the field, the rule and the option), records the one given with the pend
    (read back, in the audit entry, signed: m017_extension_reason)."""
    case_id, version, later = _ma_pend(store)
    with pytest.raises(TransitionError, match=r"extension reason must be .*\(give "
                       r"--extension-reason\)") as missing:
        decisions.decide(store, case_id, "pend", by=store.nurse, expected_version=version,
                         info_needed_by=later)
    assert "422.568(b)(1)(i)" in str(missing.value)
    with pytest.raises(TransitionError, match=r"'routine' is not one 42 CFR 422\.568"):
        decisions.decide(store, case_id, "pend", by=store.nurse, expected_version=version,
                         info_needed_by=later, extension_reason="routine")
    decided = decisions.decide(store, case_id, "pend", by=store.nurse,
                               expected_version=version, info_needed_by=later,
                               extension_reason=" extraordinary ")
    assert decided.decision.extension_reason == "extraordinary"
    assert cases.decisions_for(store, case_id)[-1].extension_reason == "extraordinary"
    entry = store.conn.execute("SELECT details FROM audit WHERE action = 'decide' "
                               "ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert json.loads(entry)["extension_reason"] == "extraordinary"
    with pytest.raises(TransitionError, match="extension reason belongs only to a pend"):
        decisions.decide(store, 3, "approve", by=store.nurse,
                         expected_version=taken(store, 3, store.nurse),
                         extension_reason="extraordinary")
    assert audit.verify_audit(store).ok


@pytest.mark.parametrize("statement", [
    "UPDATE decisions SET extension_reason = 'enrollee_request' WHERE decision = 'pend'",
    # a newer decision cannot pass for one signed before m017 by clearing its reason
    "UPDATE decisions SET extension_reason = NULL WHERE decision = 'pend'",
], ids=["edited", "cleared"])
def test_the_signature_covers_the_extension_reason(store, statement):
    case_id, version, later = _ma_pend(store)
    decisions.decide(store, case_id, "pend", by=store.nurse, expected_version=version,
                     info_needed_by=later, extension_reason="noncontract_evidence")
    rechain(store, statement)
    faults = audit.verify_audit(store).lines()
    assert any("does not match its signature" in message for message in faults), faults


def test_decisions_signed_before_the_extension_reason_still_verify(store, monkeypatch):
    """A decision signed the way version 16 signed them (``ur-decision/2``) stays valid."""

    def version_16(row):
        return signing.canonical({"kind": "ur-decision/2", **{
            name: row[name] for name in signing.SECOND_SIGNED_COLUMNS}}).encode()

    monkeypatch.setattr(decisions, "decision_payload", version_16)
    decisions.decide(store, 1, "deny", by=store.physician,
                     expected_version=taken(store, 1, store.physician), reason=CLINICAL,
                     member_reason=MEMBER)
    monkeypatch.undo()
    report = audit.verify_audit(store)
    assert report.ok and report.signed_decisions == 1, report.lines()
