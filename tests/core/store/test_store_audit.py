"""The audit trail: append-only by trigger, and every edit behind the application's back
found by ``verify_audit`` (and ``audit verify`` on the command line)."""

from __future__ import annotations

import sqlite3

import pytest
from storekit import meets_doc, open_store, raw, run_cli, text

from reviewer_app.core.store import audit, cases, decisions
from reviewer_app.core.store.reviewers import add_reviewer


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        nurse = add_reviewer(opened, name="Dana Whitfield", credentials="RN", role="nurse").id
        cases.import_documents(opened, [(f"{i}.json", text(meets_doc(i))) for i in (1, 2, 3)])
        decisions.assign(opened, 2, reviewer=nurse, expected_version=1)
        decisions.decide(opened, 2, "approve", by=nurse, expected_version=2)
        cases.view_case(opened, 3, by=nurse)
        yield opened


def test_an_untouched_store_verifies(store):
    report = audit.verify_audit(store)
    assert report.ok, report.lines()
    assert (report.entries, report.cases) == (10, 3)
    assert report.lines()[0].startswith("ok: 10 audit entries, chain intact; 3 cases")


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
        "DELETE FROM audit WHERE seq >= 9")
    report = audit.verify_audit(store)
    assert "entries 9 to 10 are missing" in report.chain_fault.message
    cases.view_case(store, 1)
    assert audit.entries(store, limit=1)[0].seq == 11
    assert audit.verify_audit(store).chain_fault.seq == 11


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
