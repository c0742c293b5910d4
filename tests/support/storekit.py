"""Shared pieces of the case-store tests: a store in ``tmp_path`` at a fixed time, documents
with a known evaluation outcome, and the command line run in-process or as a user runs it.

Every store here lives under pytest's ``tmp_path``: the user's real database (the platform's
data folder or ``REVIEWER_APP_DB``) is never opened by a test.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from casebuilder import make_case
from paths import ROOT

from reviewer_app.core.store.authority import find_authority
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.organization import create_organization
from reviewer_app.core.store.reviewers import UnlockedReviewer, add_reviewer, session_for
from reviewer_app.core.trust.authority import NewAuthority, UnlockedAuthority, create_authority
from reviewer_app.core.trust.key_files import KeyMaterial
from reviewer_app.core.trust.keys import ReviewerKey, create_reviewer_key, open_key

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


ADMIN_PASSPHRASE = "an administrator's long passphrase"
PASSPHRASE = "a reviewer's passphrase"
ISSUED = NOW - timedelta(days=1)
"""When the tests' organization CA and reviewer certificates were issued (before the clock)."""


@functools.cache
def organization() -> tuple[NewAuthority, UnlockedAuthority]:
    """One organization CA for the whole test session (keys are the slow part)."""
    return create_authority("Example Health Plan", ADMIN_PASSPHRASE, now=ISSUED)


def admin() -> UnlockedAuthority:
    return organization()[1]


@functools.cache
def reviewer_key(name: str, credentials: str, role: str) -> ReviewerKey:
    return create_reviewer_key(admin(), name=name, credentials=credentials, role=role,
                               passphrase=PASSPHRASE, now=ISSUED)


@functools.cache
def _material(name: str, credentials: str, role: str) -> KeyMaterial:
    return open_key(reviewer_key(name, credentials, role).pkcs12, PASSPHRASE)


def init_organization(store: Store) -> None:
    """The session's CA as ``store``'s organization CA (once per database)."""
    if find_authority(store) is None:
        create_organization(store, *organization())


def add_signer(store: Store, name: str, credentials: str, role: str) -> UnlockedReviewer:
    """A reviewer with a CA-issued key, signed in (their key already open)."""
    init_organization(store)
    reviewer = add_reviewer(store, name=name, credentials=credentials, role=role,
                            key=reviewer_key(name, credentials, role), admin=admin())
    return session_for(store, reviewer.id, _material(name, credentials, role))


@dataclass
class Team:
    nurse: UnlockedReviewer
    physician: UnlockedReviewer


def add_team(store: Store) -> Team:
    """Dana Whitfield, RN (reviewer 1) and Sam Okoye, MD (reviewer 2), signed in."""
    return Team(add_signer(store, "Dana Whitfield", "RN", "nurse"),
                add_signer(store, "Sam Okoye", "MD", "physician"))


def rechain(store: Store, *statements: str) -> None:
    """What an insider who can run the project's own hashing code does: edit rows with the
    triggers dropped, then recompute every record hash and every entry hash after them, so
    that the hash chain alone verifies again (only the signatures can tell)."""
    from reviewer_app.core.store.audit import entry_hash
    from reviewer_app.core.store.hashing import GENESIS
    from reviewer_app.core.store.rows import RECORD_COLUMNS, case_hash, record_hash

    for name in ("audit_append_only_update", "decisions_keep_update"):
        store.conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    raw(store, *statements)
    store.conn.row_factory = None
    previous = GENESIS
    for entry in store.query("SELECT * FROM audit ORDER BY seq"):
        row = dict(entry)
        table = row["record_table"]
        if table is not None:
            columns = RECORD_COLUMNS[table]
            current = store.query_one(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?",
                                      (row["record_id"],))
            if current is not None:
                row["record_hash"] = record_hash(table, current)
        if row["case_hash"] is not None:
            case = store.query_one("SELECT * FROM cases WHERE id = ?", (row["case_id"],))
            if case["version"] == row["case_version"]:
                row["case_hash"] = case_hash(case)
        row["prev_hash"] = previous
        row["hash"] = entry_hash(row)
        store.conn.execute("UPDATE audit SET record_hash = ?, case_hash = ?, prev_hash = ?, "
                           "hash = ? WHERE seq = ?", (row["record_hash"], row["case_hash"],
                                                     row["prev_hash"], row["hash"], row["seq"]))
        previous = row["hash"]
    store.conn.commit()
