"""Importing, viewing, exporting and re-evaluating cases."""

from __future__ import annotations

import json

import pytest
from paths import SEED
from storekit import meets_doc, open_store, refer_doc, text

from reviewer_app.core.store import audit, cases
from reviewer_app.core.store.errors import ImportRefused, UnknownCaseError


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        yield opened


def counts(store) -> dict[str, int]:
    return {table: store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("cases", "evaluations", "decisions", "reviewers", "audit",
                          "cases_fts")}


def test_import_stores_the_case_its_columns_and_an_evaluation_snapshot(store):
    [imported] = cases.import_documents(store, [(str(SEED), SEED.read_bytes())])
    assert imported.case_id == 1 and imported.outcome == "meets_criteria"
    case = cases.get_case(store, 1)
    assert (case.external_id, case.member_name, case.primary_procedure,
            case.primary_diagnosis) == ("PA-2026-004417", "Okafor, Daniel", "63090", "C79.51")
    assert (case.status, case.version, case.assigned_reviewer) == ("draft", 1, None)
    assert case.due_at == "2026-12-05T14:15:00.000000Z"
    evaluation = cases.latest_evaluation(store, 1)
    assert evaluation.criteria_set_id == "spine-tumor-decompression-stabilization"
    assert len(evaluation.criteria_set_sha256) == 64
    assert evaluation.determination["case_ref"] == "PA-2026-004417"
    assert evaluation.determination["due_at"] == "2026-12-05T09:15:00-05:00"
    actions = [e.action for e in audit.entries(store, case_id=1, newest_first=False)]
    assert actions == ["create", "evaluate"]


def odd_but_valid() -> bytes:
    """CRLF line ends, raw UTF-8 (not \\u escapes), uneven spacing: all must survive."""
    doc = meets_doc(3, notes="Patient: Zoë Ångström — «douleur» 痛み")
    body = json.dumps(doc, indent=3, ensure_ascii=False).replace(": ", " :  ")
    return body.replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n"


@pytest.mark.parametrize("raw", [SEED.read_bytes(), odd_but_valid()], ids=["seed", "odd"])
def test_export_gives_back_the_imported_bytes(store, raw):
    [imported] = cases.import_documents(store, [("doc.json", raw)])
    written = []
    cases.export_case(store, imported.case_id, written.append)
    assert written[0].encode("utf-8") == raw


def test_an_invalid_document_means_nothing_is_stored_and_every_problem_is_listed(store):
    cases.import_documents(store, [("first.json", text(meets_doc(1)))])
    before = counts(store)
    bad = meets_doc(3, urgency="whenever")
    worse = meets_doc(4, **{"symptoms.pain_nrs": 12})
    batch = [("ok.json", text(meets_doc(2))), ("bad.json", text(bad)),
             ("ok2.json", text(meets_doc(5))), ("worse.json", text(worse)),
             ("binary.json", b"\xff\xfe{}")]
    with pytest.raises(ImportRefused) as refused:
        cases.import_documents(store, batch)
    lines = refused.value.lines()
    assert any(line.startswith("bad.json: urgency: ") for line in lines)
    assert any(line.startswith("worse.json: symptoms.pain_nrs: ") for line in lines)
    assert "binary.json: (file): not UTF-8 text" in lines
    assert counts(store) == before
    assert audit.verify_audit(store).ok


def test_import_is_one_transaction_even_when_writing_fails_half_way(store, monkeypatch):
    def explode(*args, **kwargs):
        raise OSError("disk unplugged")

    progress = []
    with pytest.raises(OSError):
        cases.import_documents(
            store, [(f"{i}.json", text(meets_doc(i))) for i in range(1, 6)],
            on_progress=lambda n: progress.append(n) if n < 3 else explode())
    assert progress == [1, 2]
    assert counts(store)["cases"] == 0 and counts(store)["audit"] == 0


def test_worker_processes_store_exactly_what_one_process_stores(tmp_path):
    docs = [(f"{i}.json", text(meets_doc(i) if i % 3 else refer_doc(i))) for i in range(1, 41)]
    stored = []
    for name, workers in (("one.sqlite3", 1), ("two.sqlite3", 2)):
        with open_store(tmp_path / name) as store:
            imported = cases.import_documents(store, docs, workers=workers)
            assert [i.case_id for i in imported] == list(range(1, 41))
            assert audit.verify_audit(store).ok
            stored.append(store.query(
                "SELECT c.id, c.document, c.due_at, e.outcome, e.determination "
                "FROM cases c JOIN evaluations e ON e.case_id = c.id ORDER BY c.id"))
    assert [tuple(row) for row in stored[0]] == [tuple(row) for row in stored[1]]
    assert {row["outcome"] for row in stored[0]} == {"meets_criteria", "refer_to_physician"}


def test_a_view_is_recorded_without_vouching_for_the_row(store):
    cases.import_documents(store, [("a.json", text(meets_doc(1)))])
    view = cases.view_case(store, 1)
    assert view.intact and view.case.id == 1 and view.evaluation.outcome == "meets_criteria"
    assert json.loads(view.document)["external_id"] == "PA-T-0001"
    [entry] = audit.entries(store, case_id=1, limit=1)
    assert entry.action == "view" and entry.details == {}
    row = store.conn.execute("SELECT case_hash FROM audit WHERE seq = ?", (entry.seq,))
    assert row.fetchone()[0] is None


def test_unknown_cases_are_named(store):
    with pytest.raises(UnknownCaseError, match="no case 42"):
        cases.view_case(store, 42)


def test_reevaluation_keeps_a_new_snapshot_with_the_same_case_ref(store):
    cases.import_documents(store, [("a.json", text(meets_doc(1)))])
    again = cases.reevaluate(store, 1)
    assert again.id == 2 and again.determination["case_ref"] == "PA-T-0001"
    assert cases.latest_evaluation(store, 1).id == 2
    assert cases.get_case(store, 1).version == 1
    assert audit.verify_audit(store).ok


def test_audit_details_carry_ids_not_member_data(store):
    doc = meets_doc(1, notes="lives alone at 12 Elm Street")
    cases.import_documents(store, [("a.json", text(doc))])
    cases.view_case(store, 1)
    cases.export_case(store, 1, lambda _text: None)
    details = " ".join(row[0] for row in store.conn.execute("SELECT details FROM audit"))
    for phi in ("Test", "Member", "SYN000001", "1955-01-01", "Elm Street", "C79.51"):
        assert phi not in details
