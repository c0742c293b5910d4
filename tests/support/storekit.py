"""Shared pieces of the case-store tests: a store in ``tmp_path`` at a fixed time, documents
with a known evaluation outcome, and the command line run in-process or as a user runs it.

Every store here lives under pytest's ``tmp_path``: the user's real database (the platform's
data folder or ``REVIEWER_APP_DB``) is never opened by a test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from casebuilder import make_case
from paths import ROOT

from reviewer_app.core.store.database import Store

NOW = datetime(2026, 11, 23, 21, 0, tzinfo=UTC)
"""The tests' clock: the standard tumor case (received 2026-11-20 14:30 -05:00, commercial)
is due 2026-12-05 19:30 UTC, so it is not overdue yet."""


def open_store(path: Path, now: datetime = NOW) -> Store:
    return Store.open(path, clock=lambda: now)


def meets_doc(index: int = 1, **changes) -> dict:
    """A tumor request that meets criteria (a nurse may approve it)."""
    return make_case("tumor", {"external_id": f"PA-T-{index:04d}",
                               "member.id": f"SYN{index:06d}", **changes})


def refer_doc(index: int = 1) -> dict:
    """A tumor request whose evaluation refers it to a physician (survival under 3 months)."""
    return meets_doc(index, **{"oncology.expected_survival_months": 2})


def text(doc: dict) -> str:
    return json.dumps(doc, indent=1)


def write_docs(folder: Path, docs: list[dict]) -> list[Path]:
    paths = []
    for index, doc in enumerate(docs):
        path = folder / f"case-{index:03d}.json"
        path.write_text(text(doc), encoding="utf-8")
        paths.append(path)
    return paths


def run_cli(*args: str, env: dict | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m reviewer_app ARGS`` in a fresh process, as a user runs it."""
    environment = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "reviewer_app", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, env=environment)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """The command line in this process (exit status, stdout, stderr); never a traceback."""
    from reviewer_app.cli.main import main

    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def raw(store: Store, *statements: str) -> None:
    """Edit the file as someone with a SQLite shell would: foreign keys off, no app code."""
    store.conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        store.conn.execute(statement)
    store.conn.commit()
    store.conn.execute("PRAGMA foreign_keys = ON")
