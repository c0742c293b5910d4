"""FHIR on the command line: ``import`` recognises a PAS request Bundle by itself and makes a
draft; ``export ID --format fhir`` answers it; refusals name the file, the element and the
problem, exit 2, and store or write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhirkit import RI, SPINE, changed, claim, complete, write
from storekit import add_team, cli, run_cli

from reviewer_app.core.store import drafts
from reviewer_app.core.store.database import Store


@pytest.fixture(autouse=True)
def environment(tmp_path, monkeypatch):
    stray = tmp_path / "stray-default.sqlite3"
    monkeypatch.setenv("REVIEWER_APP_DB", str(stray))
    monkeypatch.setenv("REVIEWER_APP_PASSPHRASE", "a reviewer's passphrase")
    monkeypatch.setenv("REVIEWER_APP_ADMIN_PASSPHRASE", "an administrator's long passphrase")
    yield
    assert not stray.exists(), "a command ran without --db"


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "cases.sqlite3")


def test_a_bundle_becomes_a_draft_and_its_warnings_go_to_stderr(capsys, db):
    code, out, err = cli(capsys, "--db", db, "import", str(SPINE), str(RI))
    assert code == 0
    assert out.splitlines() == ["draft 1", "draft 2"]
    assert f"{RI}: timestamp: warning: missing: the request is taken as received now" in err
    assert f"{SPINE}: entry[0].resource.item[0].productOrService: warning: 63090 is sent " \
           "as HCPCS" in err
    code, out, _ = cli(capsys, "--db", db, "cases", "--status", "all", "--json")
    assert json.loads(out) == [], "drafts, not cases"


def test_json_lists_the_drafts_with_their_warnings(capsys, db, seed_case_path):
    code, out, err = cli(capsys, "--db", db, "import", "--json", str(seed_case_path), str(RI))
    rows = json.loads(out)
    assert code == 0 and err == ""
    assert rows[0]["id"] == 1 and rows[0]["outcome"] == "meets_criteria"
    assert rows[1]["draft_id"] == 1 and rows[1]["file"] == str(RI)
    assert rows[1]["to_be_coded"] == 3 and rows[1]["flags"] == 1
    assert {"element": "entry[0].resource.priority",
            "message": "'stat' has no system; read as processpriority stat"} in rows[1][
        "warnings"]


def test_a_refused_bundle_stops_the_whole_import(capsys, db, tmp_path, seed_case_path):
    bad = write(tmp_path, changed(lambda b: claim(b)["item"][1].update(sequence=1)), "bad.json")
    code, out, err = cli(capsys, "--db", db, "import", str(seed_case_path), str(SPINE),
                         str(bad))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"{bad}: entry[0].resource.item[1].sequence: sequence 1 is also item[0]'s: each is "
        "given once (the response answers by sequence)",
        "nothing was imported: 1 of 3 file(s) are invalid"]
    assert not Path(db).exists(), "nothing stored, no database left behind"


@pytest.mark.parametrize(("content", "message"), [
    (b"{", ": (document): not valid JSON"),
    (b'{"resourceType": "Patient", "id": "x"}', ": resourceType: 'Patient', not Bundle"),
])
def test_not_json_or_not_a_bundle(capsys, db, tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    code, _, err = cli(capsys, "--db", db, "import", str(path))
    assert code == 2 and f"{path}{message}" in err


def _decided_case(capsys, db: str, decision: list[str]) -> int:
    with Store.open(Path(db), create=True) as store:
        add_team(store)
    cli(capsys, "--db", db, "import", str(SPINE))
    with Store.open(Path(db)) as store:
        draft = drafts.get_draft(store, 1)
        drafts.save_draft(store, 1, json.dumps(complete(json.loads(draft.document))))
        case_id = drafts.finish_draft(store, 1, by=1).case_id
    reviewer = "2" if decision[0] in ("deny", "partial") else "1"
    assert cli(capsys, "--db", db, "assign", str(case_id), "--reviewer", reviewer)[0] == 0
    code, _, err = cli(capsys, "--db", db, "decide", str(case_id), "--decision", *decision,
                       "--reviewer", reviewer)
    assert code == 0, err
    return case_id


def test_export_fhir_answers_the_request(capsys, db, tmp_path):
    case_id = _decided_case(capsys, db, ["approve"])
    out = tmp_path / "response.json"
    code, _, err = cli(capsys, "--db", db, "export", str(case_id), "--format", "fhir",
                       "--out", str(out))
    assert code == 0, err
    bundle = Bundle.model_validate_json(out.read_bytes())
    answer = bundle.entry[0].resource
    assert answer.outcome == "complete" and len(answer.item) == 8
    assert (out.stat().st_mode & 0o777) == 0o600
    code, _, err = cli(capsys, "--db", db, "export", str(case_id), "--format", "fhir",
                       "--out", str(out))
    assert code == 2 and f"export: {out} exists (use --force to replace it)" in err
    code, _, err = cli(capsys, "--db", db, "export", str(case_id), "--format", "fhir",
                       "--out", str(tmp_path / "missing" / "r.json"))
    assert code == 2 and "does not exist; nothing was written" in err
    original = tmp_path / "request.json"
    code, _, _ = cli(capsys, "--db", db, "export", str(case_id), "--format", "fhir-request",
                     "--out", str(original))
    assert code == 0 and original.read_bytes() == SPINE.read_bytes()


def test_export_fhir_refuses_a_case_without_a_decision_or_a_bundle(capsys, db, tmp_path,
                                                                    seed_case_path):
    with Store.open(Path(db), create=True) as store:
        add_team(store)
    cli(capsys, "--db", db, "import", str(seed_case_path))
    code, _, err = cli(capsys, "--db", db, "export", "1", "--format", "fhir")
    assert code == 2
    assert err.startswith("refused: case 1 was not imported from a FHIR Bundle")
    cli(capsys, "--db", db, "assign", "1", "--reviewer", "1")
    code, _, err = cli(capsys, "--db", db, "export", "1", "--format", "fhir-request")
    assert code == 2 and "was not imported from a FHIR Bundle" in err


def test_the_command_line_end_to_end(db, tmp_path):
    """As a user runs it, in a fresh process: import a Bundle, then the case export."""
    done = run_cli("--db", db, "import", "--json", str(SPINE))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["draft_id"] == 1
    assert "Traceback" not in done.stderr
