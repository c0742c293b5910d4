"""A process killed with SIGKILL while issuing a letter or exporting a case: the database stays
the source of truth. A letter on disk is always in the database, a number is never given twice,
an interrupted file write leaves a ``.part`` that the next write removes, and ``export-letter``
writes a letter whose file never came to be."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from paths import ROOT
from storekit import open_store, run_cli

from reviewer_app.core.store import audit, cases
from reviewer_app.core.store.letters import letter_pdf, letters_for

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

SCRIPT = """
import os, signal, sys
from pathlib import Path
sys.path[:0] = ["tests/support", "."]
from storekit import add_team, meets_doc, open_store, text
from reviewer_app.core import atomic, issuing
from reviewer_app.core.letters.settings import LetterSettings
from reviewer_app.core.store import cases, decisions

path, where = Path(sys.argv[1]), sys.argv[2]
store = open_store(path)
team = add_team(store)
cases.import_documents(store, [("m.json", text(meets_doc(1)))])
decisions.assign(store, 1, reviewer=team.nurse.id, expected_version=1)
decisions.decide(store, 1, "approve", by=team.nurse, expected_version=2)
plan = issuing.plan_letter(store, 1, recipient="member", settings=LetterSettings())
out = path.parent / "letter.pdf"

def kill(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

print("ready", flush=True)
if where == "after-commit":
    issuing.issue_letter(store, plan, team.nurse, deliver=kill)
elif where == "while-signing":
    issuing.sign_letter = kill
    issuing.issue_letter(store, plan, team.nurse)
elif where == "before-rename":
    atomic.os.replace = kill
    issuing.issue_letter(store, plan, team.nurse,
                         deliver=lambda pdf: atomic.write_atomic(out, pdf))
elif where == "export-after-commit":
    cases.export_case(store, 1, kill)
print("not killed", flush=True)
"""


def crash(tmp_path, where: str):
    path = tmp_path / "cases.sqlite3"
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(path), where], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr[-2000:]
    assert result.stdout.split() == ["ready"]
    return path


def test_killed_after_the_commit_the_letter_is_issued_and_written_again(tmp_path):
    path = crash(tmp_path, "after-commit")
    assert not (tmp_path / "letter.pdf").exists()
    with open_store(path) as store:
        [letter] = letters_for(store, 1)
        assert letter.letter_id == "LTR-000001"
        assert cases.get_case(store, 1).status == "letter_issued"
        assert audit.verify_audit(store).ok
        stored = letter_pdf(store, letter)
    result = run_cli("--db", str(path), "export-letter", "LTR-000001", "--out",
                     str(tmp_path / "letter.pdf"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "letter.pdf").read_bytes() == stored
    result = run_cli("--db", str(path), "verify", str(tmp_path / "letter.pdf"))
    assert result.returncode == 0 and "result: good signature" in result.stdout


def test_killed_while_signing_nothing_is_issued_and_the_number_is_not_reused(tmp_path):
    path = crash(tmp_path, "while-signing")
    assert list(tmp_path.glob("*.pdf")) == []
    with open_store(path) as store:
        assert letters_for(store, 1) == [] and cases.get_case(store, 1).status == "approved"
        assert store.conn.execute("SELECT count(*) FROM letter_numbers").fetchone()[0] == 1
        assert audit.verify_audit(store).ok
    env = {"REVIEWER_APP_PASSPHRASE": "a reviewer's passphrase"}
    result = run_cli("--db", str(path), "letter", "1", "--out", str(tmp_path / "letter.pdf"),
                     env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("LTR-000002:"), "a reserved number is never given again"


def test_killed_before_the_rename_the_part_file_is_removed_by_the_next_write(tmp_path):
    path = crash(tmp_path, "before-rename")
    [part] = tmp_path.glob(".letter.pdf.*.part")
    with open_store(path) as store:
        [letter] = letters_for(store, 1)
        stored = letter_pdf(store, letter)
    assert part.read_bytes() == stored, "the interrupted write held the whole letter"
    result = run_cli("--db", str(path), "export-letter", "LTR-000001", "--out",
                     str(tmp_path / "letter.pdf"))
    assert result.returncode == 0 and "left by an interrupted write" in result.stderr
    assert not part.exists() and (tmp_path / "letter.pdf").read_bytes() == stored


def test_killed_after_the_export_entry_the_export_is_recorded(tmp_path):
    path = crash(tmp_path, "export-after-commit")
    with open_store(path) as store:
        [entry] = [e for e in audit.entries(store) if e.action == "export"]
        assert entry.case_id == 1 and audit.verify_audit(store).ok
