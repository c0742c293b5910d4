"""The case view's Export menu: each kind writes what ``export --format KIND --out FILE``
writes, recorded in the audit trail with the signed-in reviewer; the FHIR entries are off,
with their reason, for a case that did not come from a Bundle; a refusal is shown in the
core's words and writes nothing."""

from __future__ import annotations

import itertools
import json
import uuid
from types import SimpleNamespace

import pytest
from fhirkit import SPINE, complete
from storekit import add_team, cli
from support.uikit import UI_NOW, WAIT_MS, as_signed_in, make_context, reading

from reviewer_app.cli import store_cmd
from reviewer_app.core.fhir.importing import read_files, store_files
from reviewer_app.core.store import audit, cases, decisions, drafts
from reviewer_app.core.store.database import Store
from reviewer_app.ui.case import exports
from reviewer_app.ui.main.window import MainWindow

SEED_CASE, FHIR_CASE = 1, 2


@pytest.fixture
def store_path(tmp_path, seed_case_path):
    """Dana Whitfield, RN (1) and Sam Okoye, MD (2); the seed typed in (case 1) and the
    spine PAS request Bundle completed in the wizard (case 2), both open."""
    path = tmp_path / "cases.sqlite3"
    with reading(path, create=True) as store:
        team = add_team(store)
        cases.import_documents(store, [("seed.json", seed_case_path.read_text("utf-8"))])
        [request] = store_files(store, read_files([SPINE]), by=team.nurse.id)[1]
        draft = drafts.get_draft(store, request.draft_id)
        drafts.save_draft(store, request.draft_id,
                          json.dumps(complete(json.loads(draft.document))))
        assert drafts.finish_draft(store, request.draft_id, by=1).case_id == FHIR_CASE
    return SimpleNamespace(path=path, team=team)


@pytest.fixture
def context(tmp_path, store_path, qapp):
    base = make_context(tmp_path)
    yield as_signed_in(base, store_path.team.nurse)
    base.close()


def approve(store_path, case_id: int) -> None:
    with reading(store_path.path) as store:
        nurse = store_path.team.nurse
        version = decisions.assign(store, case_id, reviewer=nurse.id,
                                   expected_version=cases.get_case(store, case_id).version,
                                   by=nurse.id).version
        decisions.decide(store, case_id, "approve", by=nurse, expected_version=version)


def open_case(qtbot, context, case_id: int):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(case_id)
    return window, window.ui.caseView


@pytest.fixture
def same_ids(monkeypatch):
    """The response Bundle's ids from one sequence, restarted before each export, so that
    two exports of the same decision give the same bytes."""
    counter = iter(())

    def restart() -> None:
        nonlocal counter
        counter = itertools.count(1)

    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))
    return restart


def cli_export(capsys, monkeypatch, db, case_id: int, kind: str, out) -> bytes:
    """The command line's export at the window's clock (the response states its time)."""
    monkeypatch.setattr(store_cmd, "open_store",
                        lambda args, create=False: Store.open(db, clock=lambda: UI_NOW))
    code, _, err = cli(capsys, "--db", str(db), "export", str(case_id), "--format", kind,
                       "--out", str(out))
    assert code == 0, err
    return out.read_bytes()


def export_from_menu(qtbot, monkeypatch, view, kind: str, target):
    asked = {}

    def ask(cls, parent, title, suggested):
        asked.update(title=title, suggested=suggested)
        return target

    monkeypatch.setattr(exports.ExportFileDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(view.exports.exported, timeout=WAIT_MS) as written:
        view.ui.decisionBar.export_actions[kind].trigger()
    return written.args[0], asked


@pytest.mark.parametrize("kind", exports.KINDS)
def test_each_export_writes_what_the_command_line_writes_and_is_audited(
        qtbot, monkeypatch, capsys, tmp_path, store_path, context, same_ids, kind):
    approve(store_path, FHIR_CASE)
    window, view = open_case(qtbot, context, FHIR_CASE)
    assert view.ui.decisionBar.export_problem(kind) is None
    target = tmp_path / "from-the-window.json"
    same_ids()
    written, asked = export_from_menu(qtbot, monkeypatch, view, kind, target)
    suffix = {"case": "case", "fhir": "fhir-response", "fhir-request": "fhir-request"}[kind]
    assert asked["suggested"].name == f"case-2-PA-2026-004417-{suffix}.json"
    assert "Okafor" not in asked["suggested"].name
    assert written.path == target and not list(tmp_path.glob(".*.part"))
    assert "written to" in window.statusBar().currentMessage()
    same_ids()
    expected = cli_export(capsys, monkeypatch, store_path.path, FHIR_CASE, kind,
                          tmp_path / "from-the-cli.json")
    assert target.read_bytes() == expected
    if kind == "fhir-request":
        assert expected == SPINE.read_bytes()
    with reading(store_path.path) as store:
        entries = [e for e in audit.entries(store, case_id=FHIR_CASE, newest_first=False)
                   if e.action == "export"]
        assert audit.verify_audit(store).ok
    mine, theirs = entries
    assert mine.reviewer_id == store_path.team.nurse.id and theirs.reviewer_id is None
    assert mine.details["to"] == "file" and mine.details == theirs.details


def test_the_fhir_entries_are_off_with_their_reason_for_a_case_typed_in(
        qtbot, monkeypatch, tmp_path, store_path, context):
    approve(store_path, SEED_CASE)
    _, view = open_case(qtbot, context, SEED_CASE)
    bar = view.ui.decisionBar
    for kind in ("fhir", "fhir-request"):
        assert bar.export_problem(kind) == exports.NOT_FHIR
        assert bar.export_actions[kind].toolTip() == exports.NOT_FHIR
    assert bar.export_problem("case") is None
    assert bar.ui.exportButton.menu() is bar.export_menu
    written, asked = export_from_menu(qtbot, monkeypatch, view, "case",
                                      tmp_path / "seed.json")
    assert asked["suggested"].name == "case-1-PA-2026-004417-case.json"
    with reading(store_path.path) as store:
        assert written.sha256 == cases.export_case(store, SEED_CASE, lambda _text: None)


def test_the_response_waits_for_a_decision_and_refusals_write_nothing(
        qtbot, monkeypatch, tmp_path, store_path, context, problems):
    window, view = open_case(qtbot, context, FHIR_CASE)
    bar = view.ui.decisionBar
    assert bar.export_problem("fhir") == exports.NOT_DECIDED
    assert not bar.export_actions["fhir"].isEnabled()
    assert bar.export_problem("fhir-request") is None
    missing = tmp_path / "no such folder" / "bundle.json"
    monkeypatch.setattr(exports.ExportFileDialog, "ask",
                        classmethod(lambda cls, parent, title, suggested: missing))
    with qtbot.waitSignal(view.exports.refused, timeout=WAIT_MS) as refused:
        bar.export_actions["fhir-request"].trigger()
    assert refused.args == ["fhir-request", f"{missing}: the folder {missing.parent} does not "
                            "exist; nothing was written"]
    [(summary, _lines)] = problems
    assert summary.startswith("The FHIR request Bundle of case 2 was not exported.")
    assert "was not exported" in window.statusBar().currentMessage()

    with reading(store_path.path) as store:
        store.conn.execute("DROP TRIGGER fhir_requests_keep_update")
        store.conn.execute("UPDATE fhir_requests SET bundle = CAST(replace(CAST(bundle AS TEXT), "
                           "'63090', '63091') AS BLOB)")
        store.conn.commit()
    target = tmp_path / "bundle.json"
    monkeypatch.setattr(exports.ExportFileDialog, "ask",
                        classmethod(lambda cls, parent, title, suggested: target))
    with qtbot.waitSignal(view.exports.refused, timeout=WAIT_MS) as refused:
        bar.export_actions["fhir-request"].trigger()
    assert refused.args[1].startswith("record altered: fhir_request 1 does not match its audit")
    assert not target.exists() and not list(tmp_path.glob(".*.part"))
    with reading(store_path.path) as store:
        assert [e for e in audit.entries(store, case_id=FHIR_CASE) if e.action == "export"] == []
