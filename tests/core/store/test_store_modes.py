"""Owner-only files: the database and its -wal/-shm files are 0600 and the default folder 0700,
whatever the umask; an existing database that others could read is fixed when opened, with a
one-line notice."""

from __future__ import annotations

import os
import stat

import pytest
from storekit import cli, meets_doc, open_store, text

from reviewer_app.core.store import cases, location
from reviewer_app.core.store.database import Store


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """The most permissive umask: a file is then created as the code asks, nothing less."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_new_database_and_its_wal_and_shm_are_owner_only(tmp_path, open_umask):
    path = tmp_path / "cases.sqlite3"
    with open_store(path) as store:
        cases.import_documents(store, [("a.json", text(meets_doc()))])
        files = sorted(p.name for p in tmp_path.iterdir())
        assert files == ["cases.sqlite3", "cases.sqlite3-shm", "cases.sqlite3-wal"]
        assert {name: mode(tmp_path / name) for name in files} == dict.fromkeys(files, 0o600)


def test_the_default_folder_is_created_owner_only(tmp_path, monkeypatch, open_umask):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(location.ENV_VAR, raising=False)
    path = location.default_path()
    assert str(path).startswith(str(tmp_path))
    with Store.open(path):
        pass
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_an_existing_world_readable_database_is_fixed_on_open_with_one_notice(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with open_store(path) as store:
        cases.import_documents(store, [("a.json", text(meets_doc()))])
        for suffix in ("", "-wal", "-shm"):
            os.chmod(f"{path}{suffix}", 0o644)
    notices: list[str] = []
    with Store.open(path, notice=notices.append):
        pass
    assert len(notices) == 1
    assert str(path) in notices[0] and "0644" in notices[0] and "owner-only" in notices[0]
    assert mode(path) == 0o600
    with Store.open(path, notice=notices.append):
        pass
    assert len(notices) == 1


def test_the_command_line_prints_the_notice_on_stderr(capsys, tmp_path):
    path = tmp_path / "cases.sqlite3"
    with open_store(path):
        pass
    os.chmod(path, 0o664)
    code, _out, err = cli(capsys, "--db", str(path), "cases")
    assert code == 0
    assert [line for line in err.splitlines() if line.startswith("note:")] == [err.strip()]
    assert mode(path) == 0o600


def test_a_device_is_never_opened_as_a_database(capsys):
    code, _out, err = cli(capsys, "--db", "/dev/null", "cases")
    assert code == 2
    assert "not a regular file" in err


def test_backups_and_exports_are_owner_only(capsys, tmp_path, open_umask):
    path = tmp_path / "cases.sqlite3"
    with open_store(path) as store:
        cases.import_documents(store, [("a.json", text(meets_doc()))])
    assert cli(capsys, "--db", str(path), "backup", str(tmp_path / "copy.sqlite3"))[0] == 0
    assert cli(capsys, "--db", str(path), "export", "1", "--out",
               str(tmp_path / "case.json"))[0] == 0
    assert mode(tmp_path / "copy.sqlite3") == 0o600
    assert mode(tmp_path / "case.json") == 0o600
