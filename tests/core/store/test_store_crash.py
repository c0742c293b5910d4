"""A process killed with SIGKILL in the middle of an import leaves a sound database holding
only whole cases (each with its evaluation and audit entries), and nothing half-written."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest
from paths import ROOT

from reviewer_app.core.store import audit
from reviewer_app.core.store.database import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

BULK = """
import json, random, sys
from bench.generate import case
from reviewer_app.core.store import cases
from reviewer_app.core.store.database import Store

path, committed, bulk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(5)
store = Store.open(path)
cases.import_documents(store, [(f"{i}.json", json.dumps(case(i, rng))) for i in range(committed)])
print("committed", flush=True)
# A small page cache makes the open transaction spill into the WAL file before the kill,
# so the crash leaves uncommitted pages on disk for recovery to throw away.
store.conn.execute("PRAGMA cache_size = -512")
docs = [(f"{i}.json", json.dumps(case(i, rng))) for i in range(committed, committed + bulk)]
cases.import_documents(store, docs, on_progress=lambda n: n % 100 or print(n, flush=True))
print("finished", flush=True)
"""

ONE_BY_ONE = """
import json, random, sys
from bench.generate import case
from reviewer_app.core.store import cases
from reviewer_app.core.store.database import Store

store = Store.open(sys.argv[1])
rng = random.Random(9)
for i in range(100000):
    cases.import_documents(store, [(f"{i}.json", json.dumps(case(i, rng)))])
    print(i + 1, flush=True)
"""


def start(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_after(process: subprocess.Popen, line: str) -> list[str]:
    seen = []
    for output in process.stdout:
        seen.append(output.strip())
        if seen[-1] == line:
            break
    else:
        pytest.fail(f"the importer ended early: {process.stderr.read()[-2000:]}")
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    return seen


def assert_sound_and_whole(path, expected_cases: set[int] | int) -> None:
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    with Store.open(path, create=False) as store:
        count = store.conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        if isinstance(expected_cases, int):
            assert count == expected_cases
        else:
            assert count in expected_cases
        halves = store.conn.execute(
            "SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM evaluations e "
            "WHERE e.case_id = c.id) != 1 OR (SELECT count(*) FROM audit a "
            "WHERE a.case_id = c.id) != 2").fetchone()[0]
        assert halves == 0
        assert store.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == 2 * count
        store.conn.execute("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')")
        store.conn.commit()
        report = audit.verify_audit(store)
        assert report.ok, report.lines()


def test_sigkill_in_the_middle_of_a_bulk_import_loses_only_that_import(tmp_path):
    path = tmp_path / "cases.sqlite3"
    wal = tmp_path / "cases.sqlite3-wal"
    process = start(BULK, str(path), "150", "4000")
    seen = kill_after(process, "1200")
    assert seen[0] == "committed" and "finished" not in seen
    assert wal.exists() and wal.stat().st_size > 0
    assert_sound_and_whole(path, 150)


def test_sigkill_between_and_during_small_imports_keeps_every_committed_case(tmp_path):
    path = tmp_path / "cases.sqlite3"
    process = start(ONE_BY_ONE, str(path))
    seen = kill_after(process, "60")
    assert_sound_and_whole(path, {int(seen[-1]), int(seen[-1]) + 1})
