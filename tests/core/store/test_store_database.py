"""Opening the case database: where it is, how it is configured, and which files it refuses
without touching them."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading

import pytest
from sqlite_utils import Database
from storekit import meets_doc, open_store, text

from reviewer_app.core.store import cases, location, migrations
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import (
    NewerDatabaseError,
    NoDatabaseError,
    NotOurDatabaseError,
    StoreError,
)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_location_prefers_explicit_then_environment_then_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(location.ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert location.database_path(tmp_path / "x.sqlite3") == tmp_path / "x.sqlite3"
    assert location.database_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv(location.ENV_VAR)
    default = location.database_path(None)
    assert default.parts[-2:] == ("UR Reviewer", "cases.sqlite3")
    assert location.is_default(default)


def test_a_new_database_is_wal_with_foreign_keys_and_the_current_schema(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with open_store(path) as store:
        pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000
        assert pragma("user_version") == migrations.SCHEMA_VERSION
        assert pragma("application_id") == migrations.APPLICATION_ID
        applied = [m.name for m in migrations.migrations.applied(store.db)]
        assert applied == migrations.NAMES
        assert {"cases", "evaluations", "decisions", "reviewers", "audit", "cases_fts"} <= set(
            store.db.table_names())
    with open_store(path) as again:
        assert len(migrations.migrations.applied(again.db)) == migrations.SCHEMA_VERSION


def test_foreign_keys_are_enforced(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as store, pytest.raises(
            sqlite3.IntegrityError), store.write():
        store.conn.execute(
            "INSERT INTO evaluations (case_id, case_version, outcome, determination, "
            "created_at) VALUES (999, 1, 'meets_criteria', '{}', 'x')")


def test_an_older_schema_is_migrated_and_its_cases_indexed(tmp_path):
    """A file from a build without full-text search (schema 2) gets it, existing cases too."""
    legacy = tmp_path / "legacy.sqlite3"
    with open_store(legacy) as store:
        cases.import_documents(store, [("a.json", text(meets_doc(1)))])
        store.conn.executescript("""
            DROP TRIGGER cases_ai; DROP TRIGGER cases_ad; DROP TRIGGER cases_au;
            DROP TABLE cases_fts;
            DELETE FROM _sqlite_migrations WHERE name = 'm003_search';
            PRAGMA user_version = 2;
        """)
    db = Database(legacy)
    assert [m.name for m in migrations.migrations.pending(db)] == ["m003_search"]
    db.close()
    with open_store(legacy) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 3
        found = store.conn.execute(
            "SELECT rowid FROM cases_fts WHERE cases_fts MATCH 'SYN000001'").fetchall()
        assert found == [(1,)]


@pytest.mark.parametrize("how", ["unknown migration", "higher user_version"])
def test_a_newer_database_is_refused_and_left_untouched(tmp_path, how):
    path = tmp_path / "newer.sqlite3"
    with open_store(path) as store:
        cases.import_documents(store, [("a.json", text(meets_doc(1)))])
        if how == "unknown migration":
            store.db["_sqlite_migrations"].insert({
                "migration_set": migrations.MIGRATION_SET, "name": "m099_from_the_future",
                "applied_at": "2031-01-01 00:00:00+00:00"})
        else:
            store.conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    before = digest(path)
    with pytest.raises(NewerDatabaseError) as refused:
        Store.open(path)
    assert "newer version of UR Reviewer" in str(refused.value)
    assert "not changed" in str(refused.value)
    assert digest(path) == before
    assert not (tmp_path / "newer.sqlite3-wal").exists() or (
        (tmp_path / "newer.sqlite3-wal").stat().st_size == 0)


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are not the cases you are looking for\n" * 200)
    before = digest(path)
    with pytest.raises(NotOurDatabaseError):
        Store.open(path)
    assert digest(path) == before


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    other.commit()
    other.close()
    before = digest(path)
    with pytest.raises(NotOurDatabaseError) as refused:
        Store.open(path)
    assert "another program" in str(refused.value)
    assert digest(path) == before


def test_a_missing_database_is_created_only_when_asked(tmp_path):
    with pytest.raises(NoDatabaseError):
        Store.open(tmp_path / "absent.sqlite3", create=False)
    assert not (tmp_path / "absent.sqlite3").exists()
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no-such-folder" / "cases.sqlite3")


def test_a_connection_belongs_to_the_thread_that_opened_it(tmp_path):
    store = open_store(tmp_path / "cases.sqlite3")
    errors = []

    def use() -> None:
        try:
            store.conn.execute("SELECT 1")
        except sqlite3.ProgrammingError as error:
            errors.append(error)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    store.close()
    assert errors and "thread" in str(errors[0])


def test_instances_opening_a_new_file_at_once_create_the_schema_once(tmp_path):
    path = tmp_path / "cases.sqlite3"
    start = threading.Barrier(4)
    failures = []

    def open_and_import(index: int) -> None:
        start.wait()
        try:
            with Store.open(path) as store:
                cases.import_documents(store, [(f"{index}.json", text(meets_doc(index)))])
        except Exception as error:  # reported below with its type
            failures.append(error)

    threads = [threading.Thread(target=open_and_import, args=(i,)) for i in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with open_store(path) as store:
        assert len(migrations.migrations.applied(store.db)) == migrations.SCHEMA_VERSION
        assert store.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 4


def test_opening_a_migrated_file_and_reading_it_imports_no_sqlite_utils(tmp_path):
    """sqlite-utils (with numpy and pandas when installed) costs about 0.1 s at every start of
    the application: only migrations and the table helpers load it."""
    path = tmp_path / "cases.sqlite3"
    with open_store(path) as store:
        cases.import_documents(store, [("a.json", text(meets_doc(1)))])
    probe = (
        "import sys\n"
        "from reviewer_app.core.store import queue\n"
        "from reviewer_app.core.store.database import Store\n"
        f"with Store.open({str(path)!r}) as store:\n"
        "    assert queue.queue_page(store, queue.CaseQuery()).rows\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlite_utils', 'numpy', 'pandas', 'click')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]", result.stdout


def test_two_connections_making_the_same_new_database_both_open_it(tmp_path):
    """The window's database thread and a second connection (the command line, a test) open a
    new file at the same moment: turning it to WAL is retried instead of failing with
    "database is locked" (seen twice in a CI run)."""
    import threading

    from reviewer_app.core.store.database import Store

    def open_it(path, start, failures) -> None:
        start.wait()
        try:
            Store.open(path, create=True).close()
        except BaseException as error:
            failures.append(error)

    for attempt in range(8):
        path = tmp_path / f"new-{attempt}.sqlite3"
        failures: list[BaseException] = []
        start = threading.Barrier(2)
        threads = [threading.Thread(target=open_it, args=(path, start, failures))
                   for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        with Store.open(path) as store:
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
