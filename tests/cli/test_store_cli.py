"""The store's command line as a user meets it: ids on stdout, problems on stderr as
FILE: field: problem, exit codes 0 / 1 / 2, help with examples, never a traceback.

Most commands run in-process through ``main()`` (fast); a few run as real processes to cover
the environment variable and the way a shell user starts the program. Every database is under
``tmp_path``.
"""

from __future__ import annotations

import json

import pytest
from paths import SEED
from storekit import cli, meets_doc, refer_doc, run_cli, write_docs

from reviewer_app.cli.main import main

REASON = "The expected survival is under three months, so surgery is unlikely to help this member."
"""An adverse reason in plain words about the member, as the rules require."""

COMMANDS = [["import"], ["cases"], ["show"], ["export"], ["decide"], ["assign"],
            ["reviewer"], ["reviewer", "add"], ["reviewer", "list"], ["reviewer", "key"],
            ["reviewer", "cert"], ["reviewer", "role"], ["audit"], ["audit", "verify"],
            ["audit", "log"], ["backup"], ["letter"], ["verify"], ["export-letter"], ["org"],
            ["org", "init"], ["org", "show"]]


@pytest.fixture(autouse=True)
def no_default_database(tmp_path, monkeypatch):
    """A command that forgot ``--db`` lands here (and fails the test), never in the user's
    data folder."""
    stray = tmp_path / "stray-default.sqlite3"
    monkeypatch.setenv("REVIEWER_APP_DB", str(stray))
    monkeypatch.setenv("REVIEWER_APP_PASSPHRASE", "a reviewer's passphrase")
    monkeypatch.setenv("REVIEWER_APP_ADMIN_PASSPHRASE", "an administrator's long passphrase")
    yield
    assert not stray.exists(), "a command ran without --db"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cases.sqlite3")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_examples(capsys, command):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out and "python -m reviewer_app" in out


def test_global_db_option_is_documented(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--db PATH" in out and "REVIEWER_APP_DB" in out


def test_import_prints_one_id_a_line_or_json(capsys, tmp_path, db):
    paths = write_docs(tmp_path, [meets_doc(1), refer_doc(2)])
    code, out, _err = cli(capsys, "--db", db, "import", *map(str, paths))
    assert (code, out) == (0, "1\n2\n")
    code, out, _err = cli(capsys, "--db", db, "import", "--json", str(SEED))
    assert code == 0
    [row] = json.loads(out)
    assert row == {"id": 3, "file": str(SEED), "external_id": "PA-2026-004417",
                   "outcome": "meets_criteria", "due_at": "2026-12-05T14:15:00.000000Z"}


def test_an_invalid_import_writes_nothing_and_says_why(capsys, tmp_path, db):
    good, bad = write_docs(tmp_path, [meets_doc(1), meets_doc(2, urgency="whenever")])
    code, out, err = cli(capsys, "--db", db, "import", str(good), str(bad),
                         str(tmp_path / "absent.json"))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert any(line.startswith(f"{bad}: urgency: ") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'absent.json'}: (file): ") for line in lines)
    assert lines[-1] == "nothing was imported: 2 of 3 file(s) are invalid"
    assert not (tmp_path / "cases.sqlite3").exists(), "the database is not even created"
    cli(capsys, "--db", db, "import", str(good))
    code, _out, _err = cli(capsys, "--db", db, "import", str(good), str(bad))
    assert code == 2
    code, out, _err = cli(capsys, "--db", db, "cases", "--status", "all", "--json")
    assert [c["id"] for c in json.loads(out)] == [1]


def test_a_review_from_the_shell(capsys, tmp_path, db):
    paths = write_docs(tmp_path, [meets_doc(1), refer_doc(2)])
    cli(capsys, "--db", db, "import", *map(str, paths))
    assert cli(capsys, "--db", db, "reviewer", "add", "--name", "Dana Whitfield",
               "--credentials", "RN", "--role", "nurse")[1] == "1\n"
    assert cli(capsys, "--db", db, "reviewer", "add", "--name", "Sam Okoye",
               "--credentials", "MD", "--role", "physician")[1] == "2\n"
    code, out, _err = cli(capsys, "--db", db, "reviewer", "list")
    assert out.splitlines() == ["   1  nurse      Dana Whitfield, RN",
                                "   2  physician  Sam Okoye, MD"]

    code, _out, err = cli(capsys, "--db", db, "decide", "2", "--decision", "approve",
                          "--reviewer", "1")
    assert code == 2 and "draft" in err and "assign 2 --reviewer RID" in err
    assert cli(capsys, "--db", db, "assign", "2", "--reviewer", "1")[0] == 0
    code, _out, err = cli(capsys, "--db", db, "decide", "2", "--decision", "deny",
                          "--reviewer", "1", "--reason", "no")
    assert code == 2 and err.startswith("refused: a nurse may not deny case 2")
    code, out, _err = cli(capsys, "--db", db, "decide", "2", "--decision", "refer",
                          "--reviewer", "1", "--reason", REASON)
    assert (code, out) == (0, "case 2: referred (version 3) by Dana Whitfield, RN\n")
    code, _out, err = cli(capsys, "--db", db, "decide", "2", "--decision", "deny",
                          "--reviewer", "2", "--reason", REASON, "--if-version", "2")
    assert code == 2 and "after you read it" in err
    code, out, _err = cli(capsys, "--db", db, "decide", "2", "--decision", "deny",
                          "--reviewer", "2", "--reason", "Surgery would not help within "
                          "the expected survival.", "--member-reason", "Your doctors expect "
                          "you to live less than three months, and surgery takes longer to "
                          "heal.")
    assert code == 0 and "denied (version 4) by Sam Okoye, MD" in out

    code, out, _err = cli(capsys, "--db", db, "show", "2", "--reviewer", "2")
    assert code == 0
    assert "Status     denied, assigned to Sam Okoye, MD" in out
    assert "deny -> denied by Sam Okoye, MD (physician)" in out
    code, out, _err = cli(capsys, "--db", db, "show", "2", "--json")
    shown = json.loads(out)
    assert shown["intact"] and shown["case"]["status"] == "denied"
    assert shown["evaluation"]["outcome"] == "refer_to_physician"
    assert [d["decision"] for d in shown["decisions"]] == ["refer", "deny"]

    code, out, _err = cli(capsys, "--db", db, "cases")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["1"]
    code, out, _err = cli(capsys, "--db", db, "cases", "--status", "denied", "--json")
    assert [c["id"] for c in json.loads(out)] == [2]
    code, out, _err = cli(capsys, "--db", db, "cases", "--status", "all", "--search",
                          "SYN000002")
    assert "PA-T-0002" in out
    code, out, _err = cli(capsys, "--db", db, "audit", "log", "--case", "2", "--json")
    assert [e["action"] for e in json.loads(out)][:3] == ["view", "view", "decide"]
    code, out, _err = cli(capsys, "--db", db, "audit", "verify")
    assert code == 0 and out.startswith("ok: ")


def test_export_is_byte_exact_and_atomic(capsys, tmp_path, db):
    cli(capsys, "--db", db, "import", str(SEED))
    out_file = tmp_path / "out.json"
    assert cli(capsys, "--db", db, "export", "1", "--out", str(out_file))[0] == 0
    assert out_file.read_bytes() == SEED.read_bytes()
    code, _out, err = cli(capsys, "--db", db, "export", "1", "--out", str(out_file))
    assert code == 2 and "--force" in err
    (tmp_path / ".out.json.k1ll3d.part").write_bytes(SEED.read_bytes())
    code, _out, err = cli(capsys, "--db", db, "export", "1", "--out", str(out_file), "--force")
    assert code == 0 and "left by an interrupted write" in err
    assert not list(tmp_path.glob(".out.json.*"))
    shell = run_cli("--db", db, "export", "1")
    assert shell.returncode == 0 and shell.stdout.encode() == SEED.read_bytes()


def test_refusals_are_one_line_with_exit_2(capsys, tmp_path, db):
    missing = str(tmp_path / "missing.sqlite3")
    for args in (["cases"], ["show", "1"], ["audit", "verify"], ["reviewer", "list"]):
        code, _out, err = cli(capsys, "--db", missing, *args)
        assert code == 2 and err.startswith("refused: there is no case database at")
    cli(capsys, "--db", db, "import", str(SEED))
    code, _out, err = cli(capsys, "--db", db, "show", "7")
    assert (code, err) == (2, "refused: there is no case 7 (see `cases` for the queue)\n")
    code, _out, err = cli(capsys, "--db", db, "decide", "1", "--decision", "approve",
                          "--reviewer", "5")
    assert code == 2 and "no reviewer 5" in err
    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "decide", "1", "--decision", "approve", "--reviewer", "x"])
    assert usage.value.code == 2
    assert "is not a reviewer id" in capsys.readouterr().err
    (tmp_path / "junk.sqlite3").write_text("not a database at all " * 100)
    code, _out, err = cli(capsys, "--db", str(tmp_path / "junk.sqlite3"), "cases")
    assert code == 2 and "is not a SQLite database" in err


def test_backup_from_the_shell(capsys, tmp_path, db):
    cli(capsys, "--db", db, "import", str(SEED))
    code, out, _err = cli(capsys, "--db", db, "backup", str(tmp_path / "copy.sqlite3"))
    assert code == 0 and out.startswith(f"{tmp_path / 'copy.sqlite3'}  ")
    code, out, _err = cli(capsys, "--db", str(tmp_path / "copy.sqlite3"), "audit", "verify")
    assert code == 0


def test_the_environment_variable_names_the_database(tmp_path):
    path = tmp_path / "stray-default.sqlite3"
    result = run_cli("import", str(SEED), env={"REVIEWER_APP_DB": str(path)})
    assert result.returncode == 0 and result.stdout == "1\n", result.stderr
    listed = run_cli("--db", str(path), "cases", "--json")
    assert json.loads(listed.stdout)[0]["external_id"] == "PA-2026-004417"
    path.unlink()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
