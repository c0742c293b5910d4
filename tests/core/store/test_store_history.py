"""A stored case's request saved as a new version (the wizard's edit), its history of document
versions with their evaluations, its audit entries, and the check of one case's rows."""

from __future__ import annotations

import json
import sqlite3

import pytest
from storekit import add_signer, meets_doc, open_store, raw, refer_doc, text

from reviewer_app.core.case_file import CaseFileError
from reviewer_app.core.store import audit, cases, decisions, history, revisions
from reviewer_app.core.store.errors import (
    NothingToSaveError,
    StaleCaseError,
    TransitionError,
    UnknownCaseError,
)

TABLES = ("cases", "case_documents", "evaluations", "decisions", "audit", "cases_fts")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        opened.signer = add_signer(opened, "Dana Whitfield", "RN", "nurse")
        opened.nurse = opened.signer.id
        cases.import_documents(opened, [("1.json", text(meets_doc(1))),
                                        ("2.json", text(meets_doc(2)))], by=opened.nurse)
        yield opened


def counts(store) -> dict[str, int]:
    return {table: store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES}


def renamed(index: int = 1, **changes) -> str:
    """Case ``index`` with the member's family name corrected (and any ``changes``)."""
    return text(meets_doc(index, **{"member.family_name": "Okafor-Bell", **changes}))


def test_an_edit_stores_a_new_version_evaluated_and_the_imported_text_is_kept(store):
    imported = cases.case_row(store, 1)["document"]

    revised = revisions.save_revision(store, 1, renamed(), expected_version=1, by=store.nurse)

    assert revised.case.version == 2 and revised.case.status == "draft"
    assert revised.case.member_name == "Okafor-Bell, Test"
    assert [c.path for c in revised.changes] == ["member.family_name"]
    assert revised.evaluation.case_version == 2
    assert revised.evaluation.outcome == "meets_criteria"
    written = []
    cases.export_case(store, 1, written.append)
    assert written == [renamed()]
    found = store.conn.execute("SELECT rowid FROM cases_fts WHERE cases_fts MATCH 'Bell'")
    assert [row[0] for row in found] == [1], "the full-text index follows the new version"
    versions = history.document_versions(store, 1)
    assert [(v.number, v.version, v.replaced_at) for v in versions] == [(1, 1, 2), (2, 2, None)]
    assert versions[0].document == imported
    assert versions[1].saved_by == "Dana Whitfield, RN"
    assert [e.case_version for e in versions[0].evaluations] == [1]
    assert [e.case_version for e in versions[1].evaluations] == [2]
    actions = [e.action for e in audit.entries(store, case_id=1, newest_first=False)]
    assert actions == ["create", "evaluate", "edit", "edit", "evaluate", "export"]
    assert audit.verify_audit(store).ok
    assert audit.verify_case(store, 1).ok


def test_a_stale_edit_is_refused_nothing_is_written_and_the_message_says_what_to_do(store):
    version = decisions.assign(store, 1, reviewer=store.nurse, expected_version=1).version
    with open_store(store.path) as other:
        revisions.save_revision(other, 1, renamed(), expected_version=version)
    before = counts(store)

    with pytest.raises(StaleCaseError) as refused:
        revisions.save_revision(store, 1, renamed(**{"symptoms.pain_nrs": 9}),
                                expected_version=version, by=store.nurse)

    message = str(refused.value)
    assert "case 1 was changed" in message
    assert f"you read version {version}, it is now version {version + 1}" in message
    assert "Nothing was saved" in message
    assert "your changes are kept in the draft" in message and "reload the case" in message
    assert counts(store) == before
    assert cases.get_case(store, 1).version == version + 1
    assert audit.verify_audit(store).ok


def test_an_invalid_document_is_refused_with_every_problem_and_nothing_is_written(store):
    doc = json.loads(renamed())
    doc["urgency"] = "soon"
    doc["member"]["birth_date"] = "last year"
    before = counts(store)
    with pytest.raises(CaseFileError) as refused:
        revisions.save_revision(store, 1, json.dumps(doc), expected_version=1)
    assert {line.split(": ")[1] for line in refused.value.lines()} >= {
        "urgency", "member.birth_date"}
    assert counts(store) == before


def test_a_decided_case_and_an_unchanged_document_are_refused(store):
    decisions.assign(store, 1, reviewer=store.nurse, expected_version=1)
    decisions.decide(store, 1, "approve", by=store.signer, expected_version=2)
    before = counts(store)
    with pytest.raises(TransitionError, match="already been decided"):
        revisions.save_revision(store, 1, renamed(), expected_version=3)
    with pytest.raises(NothingToSaveError, match="same as version 1"):
        revisions.save_revision(store, 2, cases.case_row(store, 2)["document"],
                                expected_version=1)
    assert counts(store) == before


def test_history_lists_each_version_with_its_evaluations_and_who_saved_it(store):
    decisions.assign(store, 1, reviewer=store.nurse, expected_version=1)      # version 2
    cases.reevaluate(store, 1)                                                # of version 1
    revisions.save_revision(store, 1, text(refer_doc(1)), expected_version=2)  # version 3
    revisions.save_revision(store, 1, renamed(), expected_version=3, by=store.nurse)

    versions = history.document_versions(store, 1)

    assert [(v.number, v.version) for v in versions] == [(1, 1), (2, 3), (3, 4)]
    assert [len(v.evaluations) for v in versions] == [2, 1, 1]
    assert [v.evaluation.outcome for v in versions] == [
        "meets_criteria", "refer_to_physician", "meets_criteria"]
    assert versions[0].saved_by == "Dana Whitfield, RN"
    assert versions[1].saved_by.endswith("(computer user)")
    first, last = versions[0].evaluation, versions[2].evaluation
    assert first.criteria_set_version == last.criteria_set_version
    assert history.get_version(store, 1, 3).document == text(refer_doc(1))
    with pytest.raises(UnknownCaseError, match="no document stored at version 2"):
        history.get_version(store, 1, 2)
    untouched = history.document_versions(store, 2)
    assert [(v.number, v.version, v.replaced_at) for v in untouched] == [(1, 1, None)]


def test_viewing_a_version_is_recorded_and_audit_lines_are_newest_first(store):
    revisions.save_revision(store, 1, renamed(), expected_version=1)
    shown = history.view_version(store, 1, 1, by=store.nurse)
    assert shown.number == 1
    lines = history.audit_lines(store, 1)
    assert lines[0].action == "view" and lines[0].details == {"document_version": 1}
    assert lines[0].who == "Dana Whitfield, RN"
    assert [line.seq for line in lines] == sorted((line.seq for line in lines), reverse=True)


def test_stored_versions_cannot_be_changed_and_a_raw_edit_is_found(store):
    revisions.save_revision(store, 1, renamed(), expected_version=1)
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        store.conn.execute("UPDATE case_documents SET document = 'x'")
    store.conn.rollback()
    raw(store, "DROP TRIGGER case_documents_keep_update",
        "UPDATE case_documents SET document = replace(document, 'Test', 'Tess') "
        "WHERE case_version = 1")
    check = audit.verify_case(store, 1)
    assert not check.ok
    assert any("case document 1 does not match" in line for line in check.lines())
    assert audit.verify_case(store, 2).ok
    assert not audit.verify_audit(store).ok


def test_the_case_check_finds_a_changed_row_a_forged_entry_and_a_deleted_one(store):
    assert audit.verify_case(store, 1).lines()[0].startswith("ok: case 1's 2 audit entries")
    raw(store, "UPDATE cases SET member_name = 'Someone, Else' WHERE id = 1")
    [fault] = audit.verify_case(store, 1).faults
    assert "case 1 (version 1) does not match its last recorded version" in fault.message

    raw(store, "DROP TRIGGER audit_append_only_update",
        "UPDATE audit SET os_user = 'intruder' WHERE seq = 5")
    messages = audit.verify_case(store, 1).lines()
    assert any("entry 5 (evaluate" in m and "changed after it was written" in m
               for m in messages)

    raw(store, "DROP TRIGGER audit_append_only_delete", "DELETE FROM audit WHERE seq = 6")
    assert any("entry 6, just after this case's entry 5, is missing" in line
               for line in audit.verify_case(store, 1).lines())
    other = audit.verify_case(store, 2)
    assert any("entry 6, just before this case's entry 7, is missing" in line
               for line in other.lines())
    assert any("first audit entry is entry 7 (evaluate)" in line for line in other.lines())
    assert any("1 audit entries are missing from the trail" in f.message
               for f in other.trail_faults)


def test_a_deleted_entry_far_from_the_case_is_still_reported_as_a_trail_gap(store):
    cases.import_documents(store, [("3.json", text(meets_doc(3)))])
    raw(store, "DROP TRIGGER audit_append_only_delete", "DELETE FROM audit WHERE seq = 8")
    check = audit.verify_case(store, 1)
    assert check.faults == [] and not check.ok
    assert "before entry 9" in check.trail_faults[0].message
