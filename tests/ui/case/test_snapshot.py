"""A case file is imported as a draft through the store (as `import` does) and read back as a
snapshot; an invalid file stores nothing. Runs the store functions directly, on this thread."""

import json

import pytest
from storekit import open_store

from reviewer_app.core.case_file import CaseFileError
from reviewer_app.core.criteria.evaluator import evaluate_file
from reviewer_app.core.store import audit, queue
from reviewer_app.core.store.errors import ImportRefused, UnknownCaseError
from reviewer_app.ui.case.snapshot import import_file, load_snapshot


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        yield opened


def actions(store, case_id):
    return [e.action for e in audit.entries(store, case_id=case_id, newest_first=False)]


def test_a_case_file_becomes_a_draft_and_its_snapshot(store, seed_case_path):
    snapshot = import_file(store, seed_case_path)

    _case, determination = evaluate_file(seed_case_path)
    assert (snapshot.case_id, snapshot.version, snapshot.status) == (1, 1, "draft")
    assert snapshot.path == seed_case_path
    assert snapshot.document == seed_case_path.read_text(encoding="utf-8")
    assert snapshot.case.external_id == "PA-2026-004417"
    assert snapshot.determination == determination
    assert "vertebral body" in snapshot.procedure_descriptions["63090"]
    assert "Secondary malignant neoplasm of bone" in snapshot.diagnosis_descriptions["C79.51"]
    assert snapshot.intact
    assert actions(store, 1) == ["create", "evaluate", "view"]


def test_opening_the_same_file_again_imports_another_draft(store, seed_case_path):
    first = import_file(store, seed_case_path)
    second = import_file(store, seed_case_path)

    assert (first.case_id, second.case_id) == (1, 2)
    assert queue.count_cases(store, "all") == 2


@pytest.mark.parametrize(
    ("content", "error", "problem"),
    [
        ("{not json", ImportRefused, "not valid JSON"),
        (None, ImportRefused, "urgency: "),
        (b"\xff\xfe", CaseFileError, "not UTF-8"),
    ],
    ids=["not json", "invalid field", "not text"],
)
def test_an_invalid_file_stores_nothing(store, seed_case_path, tmp_path, content, error,
                                        problem):
    bad = tmp_path / "bad.json"
    if content is None:
        case = json.loads(seed_case_path.read_text(encoding="utf-8"))
        case["urgency"] = "soon"
        content = json.dumps(case)
    bad.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    with pytest.raises(error) as raised:
        import_file(store, bad)

    assert any(line.startswith(f"{bad}: ") and problem in line for line in raised.value.lines())
    assert queue.count_cases(store, "all") == 0
    assert audit.entries(store) == []


def test_a_stored_case_reads_back_with_its_latest_evaluation_and_the_view_is_recorded(
    store, seed_case_path
):
    imported = import_file(store, seed_case_path)

    snapshot = load_snapshot(store, imported.case_id)

    assert snapshot.path is None
    assert snapshot.determination == imported.determination
    assert snapshot.document == imported.document
    assert actions(store, 1) == ["create", "evaluate", "view", "view"]


def test_an_unknown_case_is_refused(store):
    with pytest.raises(UnknownCaseError):
        load_snapshot(store, 9)
