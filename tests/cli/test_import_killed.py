"""``kill -9`` of a big ``import`` leaves nothing running and nothing in ``/dev/shm``: the
worker processes die with it (they were left as orphans, and the pool's semaphores with
them), and the database holds none of the import (its one transaction never committed)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from paths import ROOT
from storekit import meets_doc, write_docs

from reviewer_app.core.store.cases import PARALLEL_FROM

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads /proc and /dev/shm")


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (children, their children...)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def semaphores() -> set[str]:
    return {p.name for p in Path("/dev/shm").glob("sem.mp-*")}


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_kill_9_of_an_import_leaves_no_orphans_and_no_semaphores(tmp_path):
    paths = write_docs(tmp_path, [meets_doc(i) for i in range(PARALLEL_FROM)])
    db = tmp_path / "cases.sqlite3"
    before = semaphores()
    workers: set[int] = set()
    importing = subprocess.Popen(
        [sys.executable, "-m", "reviewer_app", "--db", str(db), "import",
         *map(str, paths)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: len(descendants(importing.pid)) >= 3, 60), (
            "the import never started its worker processes")
        time.sleep(0.5)
        workers |= descendants(importing.pid)
        ours = semaphores() - before
        assert ours, "the pool made no semaphores: this test sees nothing"
        os.kill(importing.pid, signal.SIGKILL)
        importing.wait(10)
        assert wait_for(lambda: not any(alive(pid) for pid in workers), 15), (
            f"orphans left: {[pid for pid in workers if alive(pid)]}")
        assert wait_for(lambda: not (semaphores() & ours), 15), (
            f"left in /dev/shm: {sorted(semaphores() & ours)}")
    finally:
        if importing.poll() is None:
            importing.kill()
            importing.wait()
        for pid in workers | descendants(importing.pid):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
