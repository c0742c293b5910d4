"""A damaged case database: every command says which file is damaged and never prints what is
stored in it (an undecodable row once printed a case's clinical notes); ``audit verify`` runs
SQLite's integrity check (a corrupted index passed it before) and a backup is checked the same
way, so a damaged file is never copied as if it were good. A backup taken before the damage
still verifies: nothing is lost.

The faults: an undecodable document, an index that no longer matches its table, a truncated
file, a garbage header, a broken stored evaluation, and random pages overwritten (seeded)."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3

import pytest
from storekit import cli, meets_doc, open_store, text

from reviewer_app.core.store import backup, cases

MARKER = "CLINICAL-NOTES-MARKER-7f3a"
"""In the notes of every case: it must never appear in a message."""
RANDOM_SEEDS = range(12)
PAGE = 4096


@pytest.fixture(autouse=True)
def no_default_database(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_APP_DB", str(tmp_path / "stray-default.sqlite3"))


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A store of 40 cases (several pages of each table), checkpointed and closed, with a
    backup taken while it was good."""
    folder = tmp_path_factory.mktemp("good")
    path = folder / "cases.sqlite3"
    with open_store(path) as store:
        docs = [meets_doc(i, notes=f"{MARKER} {i} " + "Failed conservative care. " * 40)
                for i in range(40)]
        cases.import_documents(store, [(f"c{i}.json", text(d)) for i, d in enumerate(docs)])
        backup.backup(store, folder / "before.sqlite3")
    return path


def undecodable_document(path):
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE cases SET document = CAST(X'"
                     + (MARKER + " notes ").encode().hex() + "FF' AS TEXT) WHERE id = 1")


def index_out_of_step(path):
    """``idx_cases_external_id`` made to describe another column: its pages no longer match
    the table (what a torn write to an index page leaves), while every row is intact."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = replace(sql, '\"external_id\")', "
                     "'\"member_id\")') WHERE name = 'idx_cases_external_id'")


def truncated(path):
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.truncate(size // 2 // PAGE * PAGE)


def garbage_header(path):
    with open(path, "r+b") as file:
        file.write(b"\x00garbage header\x00")


def broken_evaluation(path):
    with sqlite3.connect(path) as conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                    "AND tbl_name = 'evaluations'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(f"UPDATE evaluations SET determination = '{{\"{MARKER}' WHERE id = 1")


def _visible_state(path) -> object:
    """What SQLite shows of the file: its integrity verdict and its whole content."""
    try:
        with sqlite3.connect(path) as conn:
            return (conn.execute("PRAGMA integrity_check").fetchall(),
                    list(conn.iterdump()))
    except sqlite3.DatabaseError as error:
        return ("damaged", str(error))


def random_pages(seed):
    """Three 64-byte overwrites at seeded random places. A write that lands in a page's free
    space (or a free page) changes nothing SQLite can see, so the draws go on, from the same
    seed, until the damage is real: the test is about damage, not about the file's layout."""
    def damage(path):
        rng = random.Random(seed)
        original = path.read_bytes()
        before = _visible_state(path)
        pages = len(original) // PAGE
        for _ in range(50):
            damaged = bytearray(original)
            for _ in range(3):
                at = rng.randrange(1, pages) * PAGE + rng.randrange(0, PAGE - 64)
                damaged[at:at + 64] = rng.randbytes(64)
            path.write_bytes(bytes(damaged))
            if _visible_state(path) != before:
                return
        raise AssertionError(f"seed {seed}: 50 draws of random damage all fell in free space")
    return damage


FAULTS = {
    "undecodable-document": undecodable_document,
    "index-out-of-step": index_out_of_step,
    "truncated": truncated,
    "garbage-header": garbage_header,
    "broken-evaluation": broken_evaluation,
    **{f"random-pages-{seed}": random_pages(seed) for seed in RANDOM_SEEDS},
}

COMMANDS = [("audit", "verify"), ("cases", "--status", "all"), ("show", "1"),
            ("audit", "log", "--limit", "5"), ("export", "1")]


def structurally_sound(path) -> bool:
    try:
        with sqlite3.connect(path) as conn:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False


def run(capsys, db, *args):
    code, out, err = cli(capsys, "--db", str(db), *args)
    assert "internal error" not in err or "not shown" in err
    return code, out, err


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_damaged_database_is_named_never_quoted(capsys, tmp_path, good, fault):
    db = tmp_path / "cases.sqlite3"
    shutil.copy(good, db)
    FAULTS[fault](db)
    for command in COMMANDS:
        code, out, err = run(capsys, db, *command)
        assert code in (0, 1, 2), command
        assert MARKER not in err, (command, err)
        if command[0] != "export":
            assert MARKER not in out, (command, out)
        if code == 1:
            assert str(db) in err or out, (command, err)
    code, out, err = run(capsys, db, "audit", "verify")
    assert code != 0, f"{fault}: audit verify passed a damaged file"
    copy = tmp_path / "copy.sqlite3"
    code, _out, err = run(capsys, db, "backup", str(copy))
    assert MARKER not in err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []
    if structurally_sound(db):
        # Damage inside the rows (a changed byte of a document, text that is not UTF-8):
        # SQLite cannot see it, the audit trail does, and the copy keeps it visible.
        assert code == 0
        assert run(capsys, copy, "audit", "verify")[0] == 1
    else:
        assert code != 0, f"{fault}: a damaged file was backed up"
        assert not copy.exists()
    code, _out, _err = run(capsys, good.parent / "before.sqlite3", "audit", "verify")
    assert code == 0


def test_an_undecodable_row_names_the_file_and_the_column(capsys, tmp_path, good):
    db = tmp_path / "cases.sqlite3"
    shutil.copy(good, db)
    undecodable_document(db)
    code, _out, err = run(capsys, db, "show", "1")
    assert code == 1
    assert err.strip() == (f"{db}: the case database is damaged (a stored text (column "
                           "'document') is not valid UTF-8, so the file is damaged); run "
                           "`audit verify`, and restore it from a backup")


def test_audit_verify_finds_an_index_out_of_step_that_quick_check_misses(capsys, tmp_path,
                                                                        good):
    db = tmp_path / "cases.sqlite3"
    shutil.copy(good, db)
    index_out_of_step(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    code, out, _err = run(capsys, db, "audit", "verify")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("file damaged: ") and "idx_cases_external_id" in lines[0]
    assert lines[-1].startswith("ok: ")
    code, out, _err = run(capsys, db, "audit", "verify", "--json")
    report = json.loads(out)
    assert report["ok"] is False and report["integrity"]
    code, _out, err = run(capsys, db, "backup", str(tmp_path / "copy.sqlite3"))
    assert code == 2
    assert "failed SQLite's integrity check" in err


def test_a_good_database_verifies_with_its_integrity(capsys, good):
    code, out, _err = run(capsys, good, "audit", "verify", "--json")
    report = json.loads(out)
    assert (code, report["ok"], report["integrity"]) == (0, True, "ok")
