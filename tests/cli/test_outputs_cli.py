"""Where the command line writes files: ``--force`` replaces only a regular file (a device node
was once replaced), and a missing folder or a full disk is a message naming the output path,
exit 2, with nothing left behind (no temporary file, no audit entry, no letter recorded)."""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import stat
import sys

import pytest
from paths import SEED
from storekit import cli

from reviewer_app.core import atomic
from reviewer_app.core.store import backup


@pytest.fixture(autouse=True)
def environment(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_APP_DB", str(tmp_path / "stray-default.sqlite3"))
    monkeypatch.setenv("REVIEWER_APP_PASSPHRASE", "a reviewer's passphrase")
    monkeypatch.delenv("REVIEWER_APP_P12_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@pytest.fixture
def shell(capsys, tmp_path):
    db = str(tmp_path / "cases.sqlite3")
    run = lambda *args: cli(capsys, "--db", db, *args)  # noqa: E731
    assert run("import", str(SEED))[0] == 0
    return run


def exports(shell) -> int:
    _code, out, _ = shell("audit", "log", "--json")
    return out.count('"action": "export"')


def left_beside_the_database(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if not p.name.startswith("cases.sqlite3")]


def special_targets(folder):
    """A FIFO, a folder and a symbolic link; as root also a character device (like
    /dev/null, made here so the real one is never at stake)."""
    made = {}
    os.mkfifo(folder / "fifo")
    made["fifo"] = folder / "fifo"
    (folder / "folder").mkdir()
    made["folder"] = folder / "folder"
    (folder / "real.json").write_text("keep me")
    (folder / "link").symlink_to(folder / "real.json")
    made["link"] = folder / "link"
    if os.geteuid() == 0:
        os.mknod(folder / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        made["device"] = folder / "null"
    return made


def test_force_never_replaces_what_is_not_a_regular_file(shell, tmp_path):
    targets = special_targets(tmp_path)
    for name, target in targets.items():
        before = os.lstat(target)
        code, _out, err = shell("export", "1", "--out", str(target), "--force")
        assert code == 2, name
        assert str(target) in err and "not a regular file" in err
        after = os.lstat(target)
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino), name
    assert (tmp_path / "real.json").read_text() == "keep me"
    assert exports(shell) == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_force_still_replaces_a_regular_file(shell, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    assert shell("export", "1", "--out", str(target), "--force")[0] == 0
    assert target.read_bytes() == SEED.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_missing_output_folder_names_the_output_path(shell, tmp_path):
    target = tmp_path / "no-such-folder" / "case.json"
    code, _out, err = shell("export", "1", "--out", str(target))
    assert code == 2
    assert err.startswith(f"{target}: the folder {target.parent} does not exist")
    assert ".part" not in err and "tmp" not in err.replace(str(tmp_path), "")
    assert exports(shell) == 0


def test_a_full_disk_names_the_output_path_and_leaves_nothing(shell, tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    target = tmp_path / "case.json"
    code, _out, err = shell("export", "1", "--out", str(target))
    assert code == 2
    assert err.strip() == (f"{target}: cannot be written (No space left on device); "
                           "nothing was written")
    assert not target.exists()
    assert left_beside_the_database(tmp_path) == []
    monkeypatch.undo()
    # the export is recorded before it is written, so a copy never exists unrecorded: a write
    # that failed after the commit leaves the entry of an export that did not finish
    assert exports(shell) == 1


def test_a_backup_onto_a_full_disk_names_the_backup_and_keeps_nothing(shell, tmp_path,
                                                                      monkeypatch):
    def full(store, temporary):
        temporary.write_bytes(b"partial")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy", full)
    target = tmp_path / "backup.sqlite3"
    code, _out, err = shell("backup", str(target))
    assert code == 2
    assert f"cannot write the backup {target}: database or disk is full" in err
    assert left_beside_the_database(tmp_path) == []


def test_a_backup_never_replaces_a_dangling_link(shell, tmp_path):
    link = tmp_path / "backup.sqlite3"
    link.symlink_to(tmp_path / "elsewhere.sqlite3")
    code, _out, err = shell("backup", str(link))
    assert code == 2 and "already exists" in err
    assert link.is_symlink() and not (tmp_path / "elsewhere.sqlite3").exists()


def test_a_letter_is_not_issued_over_a_fifo(shell, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_APP_ADMIN_PASSPHRASE", "an administrator's long passphrase")
    assert shell("org", "init")[0] == 0
    assert shell("reviewer", "add", "--name", "Pat Lee", "--credentials", "RN",
                 "--role", "nurse")[0] == 0
    assert shell("assign", "1", "--reviewer", "1")[0] == 0
    assert shell("decide", "1", "--decision", "approve", "--reviewer", "1")[0] == 0
    fifo = tmp_path / "letter.pdf"
    os.mkfifo(fifo)
    code, _out, err = shell("letter", "1", "--out", str(fifo), "--force")
    assert code == 2
    assert f"{fifo} is a FIFO (named pipe), not a regular file" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    code, out, err = shell("letter", "1", "--out", str(tmp_path / "approval.pdf"))
    assert code == 0, err
    assert out.startswith("LTR-000001")
