"""The hostile inputs through ``evaluate`` and ``import`` as a user runs them: each refused as
``FILE: field: problem`` with exit 2, never a traceback or exit 1, the valid files beside them
still evaluated, and nothing written (no database is created by a refused import)."""

from __future__ import annotations

import json

import hostile
import pytest
from paths import SEED
from storekit import cli, run_cli


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return hostile.make(tmp_path_factory.mktemp("hostile"))


def _check_refusals(err: str, made) -> None:
    assert "Traceback" not in err and "internal error" not in err
    for name, path, field in made:
        assert f"{path}: {field}: " in err, name
    for line in err.splitlines():
        assert "\x1b" not in line and "\r" not in line


def test_evaluate_refuses_each_hostile_file_and_evaluates_the_rest(capsys, made):
    fast = [m for m in made if m[0] not in hostile.SLOW]
    paths = [str(SEED), *(str(path) for _, path, _ in fast), str(SEED)]
    code, out, err = cli(capsys, "evaluate", *paths)
    assert code == 2
    _check_refusals(err, fast)
    determinations = [json.loads(line) for line in out.splitlines()]
    assert [d["case_ref"] for d in determinations] == ["PA-2026-004417"] * 2


def test_import_refuses_them_all_and_creates_no_database(capsys, made, tmp_path):
    fast = [m for m in made if m[0] not in hostile.SLOW]
    db = tmp_path / "new.sqlite3"
    code, out, err = cli(capsys, "--db", str(db), "import", str(SEED),
                         *(str(path) for _, path, _ in fast))
    assert code == 2
    assert out == ""
    _check_refusals(err, fast)
    assert err.splitlines()[-1] == (f"nothing was imported: {len(fast)} of {len(fast) + 1} "
                                    "file(s) are invalid")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["evaluate", "import"])
def test_devices_and_fifos_are_refused_at_once_not_read(made, tmp_path, command):
    """``/dev/zero`` and ``/dev/urandom`` grew to 7.6 GB and a FIFO hung: in a subprocess
    with a time limit, so a regression fails instead of hanging the suite."""
    slow = [m for m in made if m[0] in hostile.SLOW]
    db = tmp_path / "new.sqlite3"
    result = run_cli("--db", str(db), command, *(str(path) for _, path, _ in slow),
                     timeout=20)
    assert result.returncode == 2
    _check_refusals(result.stderr, slow)
    assert not db.exists()


def test_a_failed_import_into_a_new_database_leaves_no_database(capsys, tmp_path):
    db = tmp_path / "new.sqlite3"
    code, _out, err = cli(capsys, "--db", str(db), "import", str(SEED), "--reviewer", "99")
    assert code == 2 and "reviewer 99" in err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_import_into_an_existing_database_keeps_it(capsys, tmp_path):
    db = tmp_path / "cases.sqlite3"
    assert cli(capsys, "--db", str(db), "import", str(SEED))[0] == 0
    code, _out, _err = cli(capsys, "--db", str(db), "import", str(SEED), "--reviewer", "99")
    assert code == 2
    _code, out, _err = cli(capsys, "--db", str(db), "cases")
    assert len(out.splitlines()) == 2
