"""The audit trail: append-only by trigger, and every edit behind the application's back
found by ``verify_audit`` (and ``audit verify`` on the command line)."""

from __future__ import annotations

import sqlite3

import pytest
from storekit import add_team, meets_doc, open_store, raw, rechain, run_cli, text

from reviewer_app.core.store import audit, cases, decisions
from reviewer_app.core.store.errors import TamperedCaseError
from reviewer_app.core.store.letters import letter_basis


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        opened.team = add_team(opened)
        nurse = opened.team.nurse
        cases.import_documents(opened, [(f"{i}.json", text(meets_doc(i))) for i in (1, 2, 3)])
        decisions.assign(opened, 2, reviewer=nurse.id, expected_version=1)
        decisions.decide(opened, 2, "approve", by=nurse, expected_version=2)
        cases.view_case(opened, 3, by=nurse.id)
        yield opened
    """Entries: 1 the CA, 2-3 and 4-5 the two reviewers and their keys, 6-11 three cases
    imported and evaluated, 12 assigned, 13 decided, 14 viewed."""


def test_an_untouched_store_verifies(store):
    report = audit.verify_audit(store)
    assert report.ok, report.lines()
    assert (report.entries, report.cases) == (14, 3)
    assert report.lines()[0].startswith("ok: 14 audit entries, chain intact; 3 cases")
    assert (report.checkpoints, report.signed_decisions) == (4, 1)
    assert "4 signed checkpoints and 1 signed decisions hold" in report.lines()[0]


@pytest.mark.parametrize("statement", [
    "UPDATE audit SET reviewer_id = 2 WHERE seq = 3",
    "DELETE FROM audit WHERE seq = 3",
    "DELETE FROM audit",
])
def test_triggers_refuse_to_change_or_delete_audit_entries(store, statement):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute(statement)
    store.conn.rollback()
    assert audit.verify_audit(store).ok


def test_cases_evaluations_and_decisions_cannot_be_deleted_either(store):
    for statement, message in [("DELETE FROM cases WHERE id = 1", "retention"),
                               ("DELETE FROM evaluations", "cannot be deleted"),
                               ("UPDATE decisions SET reason = 'x'", "cannot be changed")]:
        with pytest.raises(sqlite3.IntegrityError, match=message):
            store.conn.execute(statement)
        store.conn.rollback()


def test_a_raw_edit_of_a_case_row_is_reported(store):
    raw(store, "UPDATE cases SET status = 'approved' WHERE id = 1")
    report = audit.verify_audit(store)
    assert not report.ok and report.chain_fault is None
    [fault] = report.row_faults
    assert fault.case_id == 1
    assert "case 1 (version 1) does not match its last recorded version" in fault.message


def test_an_edited_document_is_reported_even_with_its_version_bumped(store):
    raw(store, "UPDATE cases SET document = replace(document, '\"lytic\"', '\"blastic\"'), "
               "version = version + 1 WHERE id = 3")
    [fault] = audit.verify_audit(store).row_faults
    assert fault.case_id == 3


def test_dropping_the_trigger_then_editing_an_entry_is_reported_at_that_entry(store):
    raw(store, "DROP TRIGGER audit_append_only_update",
        "UPDATE audit SET action = 'view' WHERE seq = 7")
    report = audit.verify_audit(store)
    assert report.chain_fault.seq == 7
    assert "entry 7" in report.chain_fault.message and "changed after it was written" in (
        report.chain_fault.message)


def test_an_edited_entry_with_a_recomputed_hash_breaks_the_next_link(store):
    row = store.query_one("SELECT * FROM audit WHERE seq = 5")
    forged = dict(row, details='{"forged":true}')
    forged["hash"] = audit.entry_hash(forged)
    raw(store, "DROP TRIGGER audit_append_only_update")
    store.conn.execute("UPDATE audit SET details = ?, hash = ? WHERE seq = 5",
                       (forged["details"], forged["hash"]))
    store.conn.commit()
    report = audit.verify_audit(store)
    assert report.chain_fault.seq == 6
    assert "does not follow entry 5" in report.chain_fault.message


def test_deleted_entries_are_reported_in_the_middle_and_at_the_end(store):
    raw(store, "DROP TRIGGER audit_append_only_delete", "DELETE FROM audit WHERE seq = 4")
    assert "entry 4 missing before entry 5" in audit.verify_audit(store).chain_fault.message
    raw(store, "DELETE FROM audit WHERE seq IN (6, 7, 8)")
    report = audit.verify_audit(store)
    assert report.chain_fault.seq == 5, "the first break is the one reported"


def test_a_log_cut_off_at_its_end_is_reported(store):
    raw(store, "DROP TRIGGER audit_append_only_delete",
        "DELETE FROM audit WHERE seq >= 13")
    report = audit.verify_audit(store)
    assert "entries 13 to 14 are missing" in report.chain_fault.message
    assert any("checkpoint 4 vouches for audit entry 13, which is missing" in f.message
               for f in report.signature_faults)
    cases.view_case(store, 1)
    assert audit.entries(store, limit=1)[0].seq == 15
    assert audit.verify_audit(store).chain_fault.seq == 15


def test_evaluations_decisions_and_rows_added_or_removed_outside_are_reported(store):
    raw(store,
        "DROP TRIGGER evaluations_keep_update", "DROP TRIGGER cases_keep",
        "UPDATE evaluations SET outcome = 'refer_to_physician' WHERE id = 1",
        "INSERT INTO cases (member_id, member_name, received_at, due_at, urgency, "
        "line_of_business, primary_procedure, primary_diagnosis, codes, status, version, "
        "document, created_at, updated_at) SELECT member_id, member_name, received_at, "
        "due_at, urgency, line_of_business, primary_procedure, primary_diagnosis, codes, "
        "status, version, document, created_at, updated_at FROM cases WHERE id = 1",
        "DELETE FROM cases WHERE id = 3")
    messages = [fault.message for fault in audit.verify_audit(store).row_faults]
    assert any(m.startswith("case 4 has no audit record") for m in messages)
    assert any(m.startswith("case 3 is missing") for m in messages)
    assert any(m.startswith("evaluation 1 does not match") for m in messages)


def test_audit_verify_on_the_command_line(store):
    path = str(store.path)
    ok = run_cli("--db", path, "audit", "verify")
    assert ok.returncode == 0 and ok.stdout.startswith("ok: "), ok.stderr
    raw(store, "UPDATE cases SET member_name = 'Someone, Else' WHERE id = 2")
    bad = run_cli("--db", path, "audit", "verify")
    assert bad.returncode == 1
    assert "record altered: case 2 (version 3) does not match" in bad.stdout
    assert "Traceback" not in bad.stderr
    raw(store, "DROP TRIGGER audit_append_only_update",
        "UPDATE audit SET os_user = 'intruder' WHERE seq = 2")
    chain = run_cli("--db", path, "audit", "verify", "--json")
    assert chain.returncode == 1
    assert '"seq": 2' in chain.stdout


PROMOTE = ("UPDATE reviewers SET role = 'physician' WHERE id = 1",
           "UPDATE decisions SET role = 'physician' WHERE reviewer_id = 1")


def test_a_rechained_database_is_caught_by_the_signatures(store):
    """The reproduction: rewrite the nurse's role to physician and recompute every hash with
    the project's own code. The hash chain verifies again; the checkpoints signed before the
    rewrite, the decision's signature and the nurse's certificate do not."""
    rechain(store, *PROMOTE)
    report = audit.verify_audit(store)
    assert report.chain_fault is None, "the hash chain alone is fooled"
    assert not report.ok
    messages = [line for line in report.lines()]
    assert any("reviewer 1 is a physician in the database, but their certificate from the "
               "organization CA says nurse" in m for m in messages)
    assert any("decision 1 does not match its signature" in m for m in messages)
    assert any("does not match audit entry" in m and "the chain was rewritten after the "
               "checkpoint was signed" in m for m in messages)


def test_a_rechained_nurse_cannot_deny_and_gets_no_physicians_letter(store):
    rechain(store, *PROMOTE)
    decisions.assign(store, 1, reviewer=store.team.physician.id, expected_version=1)
    with pytest.raises(TamperedCaseError, match=r"record altered: reviewer 1 \(Dana Whitfield, "
                       r"RN\) is a physician in the database, but their certificate"):
        decisions.decide(store, 1, "deny", by=store.team.nurse, expected_version=2,
                         reason="The spine is stable, so radiation comes first for you.")
    assert cases.decisions_for(store, 1) == []
    with pytest.raises(TamperedCaseError, match="record altered: decision 1 does not match "
                       "its signature"):
        letter_basis(store, 2, recipient="member")


def test_deleting_checkpoints_and_rechaining_is_caught(store):
    raw(store, "DROP TRIGGER audit_checkpoints_keep_delete", "DELETE FROM audit_checkpoints")
    rechain(store, PROMOTE[0])
    messages = audit.verify_audit(store).lines()
    assert any("checkpoints 1 to 4 are missing: the newest were deleted" in m
               for m in messages)
    assert any("decision 1's signed checkpoint (at audit entry 13) is missing" in m
               for m in messages)


def test_a_replaced_organization_ca_is_caught_by_the_pin_file(store, tmp_path):
    from reviewer_app.core.store.authority import pin_path
    from reviewer_app.core.trust.authority import create_authority

    other, _ = create_authority("Example Health Plan", "an insider's own passphrase")
    raw(store, "DROP TRIGGER authority_keep_update")
    store.conn.execute("UPDATE authority SET certificate_pem = ?",
                       (other.certificate_pem.decode(),))
    store.conn.commit()
    rechain(store)
    assert pin_path(store.path).exists()
    messages = audit.verify_audit(store).lines()
    assert any("is not the one pinned in" in m for m in messages), messages
    with pytest.raises(TamperedCaseError, match="record altered: the organization CA"):
        decisions.assign(store, 1, reviewer=1, expected_version=1)


def test_a_database_from_before_signatures_stays_readable(tmp_path):
    """A version-6 file (no CA, unsigned decisions) is migrated; its decisions are reported as
    unsigned, not as faults, before and after the organization CA is created."""
    import sqlite3 as sqlite

    from storekit import NOW, add_team

    from reviewer_app.core.store import migrations
    from reviewer_app.core.store.audit import AuditLog, record_stamp
    from reviewer_app.core.store.database import Store

    path = tmp_path / "old.sqlite3"
    old = Store(sqlite.connect(path), path, lambda: NOW)
    migrations.migrations.apply(old.db, stop_before="m008_signatures")
    cases.import_documents(old, [("1.json", text(meets_doc(1)))])
    with old.write():
        reviewer = {"id": 1, "name": "Old Nurse", "credentials": "RN", "role": "nurse",
                    "created_at": old.now()}
        old.db["reviewers"].insert(reviewer)
        decision = {"id": 1, "case_id": 1, "case_version": 1, "reviewer_id": 1, "role": "nurse",
                    "decision": "refer", "status_before": "in_review",
                    "status_after": "referred", "reason": None, "info_needed_by": None,
                    "evaluation_id": 1, "at": old.now(), "approved_codes": None}
        old.db["decisions"].insert(decision)
        log = AuditLog(old)
        log.append("create", record=record_stamp("reviewers", reviewer))
        log.append("decide", reviewer_id=1, record=record_stamp(
            "decisions", {**decision, "key_id": None, "signature": None}))
    old.close()
    with open_store(path) as store:
        report = audit.verify_audit(store)
        assert report.ok, report.lines()
        assert "note: 1 decisions unsigned (before version 8): 1" in report.lines()
        add_team(store)
        report = audit.verify_audit(store)
        assert report.ok and report.authority, report.lines()
        assert any("unsigned (before version 8)" in line for line in report.lines())


def test_a_stripped_signature_is_caught(store):
    assert audit.verify_case(store, 2).ok
    rechain(store, "UPDATE decisions SET signature = NULL, key_id = NULL")
    assert any("decision 1 has no signature" in line
               for line in audit.verify_case(store, 2).lines()), "the case view's check too"
    assert any("decision 1 has no signature, though it was recorded after the organization CA "
               "existed" in line for line in audit.verify_audit(store).lines())
    with pytest.raises(TamperedCaseError, match="record altered: decision 1 has no signature"):
        letter_basis(store, 2, recipient="member")
