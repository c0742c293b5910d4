"""What the commands print from the store is escaped: a stored ESC or CR sequence (written
into the file behind the application's back, or from before the format refused it) printed a
fake line; now it shows as ``\\u001b`` and ``\\r``."""

from __future__ import annotations

import pytest
from paths import SEED
from storekit import cli, open_store, raw

from reviewer_app.core.characters import printable

FAKE = "Okafor\r\x1b[2KStatus     approved, assigned to Chief Medical Officer\x1b[0m"


@pytest.fixture(autouse=True)
def no_default_database(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_APP_DB", str(tmp_path / "stray-default.sqlite3"))
    monkeypatch.setenv("REVIEWER_APP_PASSPHRASE", "a reviewer's passphrase")
    monkeypatch.setenv("REVIEWER_APP_ADMIN_PASSPHRASE", "an administrator's long passphrase")


def test_stored_control_characters_are_shown_escaped(capsys, tmp_path):
    db = str(tmp_path / "cases.sqlite3")
    assert cli(capsys, "--db", db, "import", str(SEED))[0] == 0
    assert cli(capsys, "--db", db, "org", "init")[0] == 0
    assert cli(capsys, "--db", db, "reviewer", "add", "--name", "Pat\x1b]0;x\x07 Lee",
               "--credentials", "RN", "--role", "nurse")[0] == 0
    assert cli(capsys, "--db", db, "assign", "1", "--reviewer", "1")[0] == 0
    with open_store(tmp_path / "cases.sqlite3") as store:
        raw(store, "DROP TRIGGER IF EXISTS cases_no_update",
            f"UPDATE cases SET member_name = '{FAKE}', external_id = 'PA\r\nX' WHERE id = 1")
    for command in (["cases"], ["show", "1"], ["audit", "log"], ["reviewer", "list"],
                    ["assign", "1", "--reviewer", "1"]):
        _code, out, err = cli(capsys, "--db", db, *command)
        for stream in (out, err):
            assert "\x1b" not in stream and "\r" not in stream and "\x07" not in stream, command
    _code, out, _err = cli(capsys, "--db", db, "cases")
    assert "Okafor\\r\\u001b[2KStatus" in out
    assert len(out.splitlines()) == 2


@pytest.mark.parametrize(("text", "shown"), [
    ("plain", "plain"),
    ("a\x1b[2Jb", "a\\u001b[2Jb"),
    ("line\nbreak\r", "line\\nbreak\\r"),
    ("csi\x9bx", "csi\\u009bx"),
    ("\u202eevil", "\\u202eevil"),
    ("Renée Ünal 山田", "Renée Ünal 山田"),
])
def test_printable(text, shown):
    assert printable(text) == shown


def test_printable_cuts_with_a_mark():
    assert printable("x" * 300, 10) == "x" * 9 + "…"
