"""File › Verify a letter… and Tools › Check the audit trail: the checks ``verify FILE.pdf``
and ``audit verify`` make, from the window, with the results in plain words."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from storekit import add_team, cli, raw
from support.uikit import WAIT_MS, as_signed_in, make_context, reading

from reviewer_app.core import issuing
from reviewer_app.core.letters.settings import load_settings
from reviewer_app.core.store import cases, decisions
from reviewer_app.core.store.letters import letter_pdf
from reviewer_app.ui.main import checks
from reviewer_app.ui.main.window import MainWindow
from reviewer_app.ui.widgets.tones import Tone


@pytest.fixture
def store_path(tmp_path, seed_case_path):
    """The seed approved by Dana Whitfield, RN, and its member letter issued (LTR-000001)."""
    path = tmp_path / "cases.sqlite3"
    with reading(path, create=True) as store:
        team = add_team(store)
        cases.import_documents(store, [("seed.json", seed_case_path.read_text("utf-8"))])
        nurse = team.nurse
        version = decisions.assign(store, 1, reviewer=nurse.id, expected_version=1,
                                   by=nurse.id).version
        decisions.decide(store, 1, "approve", by=nurse, expected_version=version)
        plan = issuing.plan_letter(store, 1, recipient="member",
                                   settings=load_settings(store.path))
        record = issuing.issue_letter(store, plan, nurse)
        letter = tmp_path / "approval-member.pdf"
        letter.write_bytes(letter_pdf(store, record))
    return SimpleNamespace(path=path, team=team, letter=letter)


@pytest.fixture
def window(qtbot, tmp_path, store_path, qapp):
    base = make_context(tmp_path)
    shown = MainWindow(as_signed_in(base, store_path.team.nurse))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()
    base.close()


def verify_in_window(qtbot, monkeypatch, window, path) -> checks.LetterCheck:
    monkeypatch.setattr(checks.LetterFileDialog, "ask",
                        classmethod(lambda cls, parent, directory: path))
    with qtbot.waitSignal(window.checks.letter_checked, timeout=WAIT_MS) as checked:
        window.ui.actionVerifyLetter.trigger()
    return checked.args[0]


def test_a_letter_issued_here_verifies_by_whom_when_and_its_number(
        qtbot, monkeypatch, capsys, window, store_path):
    check = verify_in_window(qtbot, monkeypatch, window, store_path.letter)
    code, out, _ = cli(capsys, "--db", str(store_path.path), "verify", str(store_path.letter),
                       "--json")
    assert code == 0 and json.loads(out)["ok"] and check.report.ok
    assert check.letter_number == "LTR-000001"
    dialog = window.checks.dialog
    assert dialog.isVisible()
    assert "Good signature" in dialog.headline() and "Dana Whitfield, RN" in dialog.headline()
    details = dialog.details()
    for words in ("LTR-000001 (as the file states it)", "Changed after signing",
                  "No: the signature covers the whole file, unchanged",
                  "Chains to the organization CA</b></td><td style=\"padding:2px 0\">Yes",
                  "organization-ca.pem", "UTC (as the signer&#x27;s computer stated it)"):
        assert words in details, details
    assert checks.letter_words(check)[0] is Tone.GOOD
    assert "good signature" in window.statusBar().currentMessage()


def test_the_same_letter_with_one_byte_changed_is_reported_altered(
        qtbot, monkeypatch, capsys, tmp_path, window, store_path):
    data = bytearray(store_path.letter.read_bytes())
    at = data.index(b"stream", len(data) // 3) + 40
    data[at] ^= 0x01
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(data))
    check = verify_in_window(qtbot, monkeypatch, window, altered)
    code, _, _ = cli(capsys, "--db", str(store_path.path), "verify", str(altered))
    assert code == 1 and not check.report.ok and not check.report.intact
    dialog = window.checks.dialog
    assert "Not a good signature" in dialog.headline()
    assert "<b>Yes</b>: the signed content no longer matches its signature" in dialog.details()
    assert checks.letter_words(check)[0] is Tone.BAD


def test_a_file_that_is_not_a_pdf_is_said_so(qtbot, monkeypatch, tmp_path, window):
    text = tmp_path / "notes.pdf"
    text.write_text("not a letter", encoding="utf-8")
    check = verify_in_window(qtbot, monkeypatch, window, text)
    assert not check.report.readable
    assert "notes.pdf is not a letter this can check" in window.checks.dialog.headline()


def check_in_window(qtbot, window):
    with qtbot.waitSignal(window.checks.audit_checked, timeout=WAIT_MS) as checked:
        window.ui.actionCheckAudit.trigger()
    return checked.args[0]


def test_the_audit_check_reports_what_audit_verify_reports(qtbot, capsys, window, store_path):
    check = check_in_window(qtbot, window)
    code, out, _ = cli(capsys, "--db", str(store_path.path), "audit", "verify", "--json")
    found = json.loads(out)
    assert code == 0 and found["ok"] and check.ok
    assert check.report.entries == found["entries"]
    assert check.report.checkpoints == found["checkpoints"] >= 1
    dialog = window.checks.dialog
    assert "The audit trail is intact" in dialog.headline()
    assert f"{found['entries']}: every hash and link matches" in dialog.details()
    assert f"{found['checkpoints']} signed checkpoint(s)" in dialog.details()

    with reading(store_path.path) as store:
        raw(store, "UPDATE cases SET status = 'denied' WHERE id = 1")
    check = check_in_window(qtbot, window)
    code, out, _ = cli(capsys, "--db", str(store_path.path), "audit", "verify")
    assert code == 1 and not check.ok
    first = out.splitlines()[0]
    assert first.startswith("record altered: case 1")
    assert check.lines()[0] == first
    assert "The audit check found a problem" in dialog.headline()
    assert f"First problem</b></td><td style=\"padding:2px 0\">{first}" in dialog.details()
    assert "Audit trail: a problem was found" in window.statusBar().currentMessage()
