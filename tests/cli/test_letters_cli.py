"""Letters from the command line, as a new user meets them: reviewers with signing keys, a case
decided and its letters issued, verified, tampered with and refused; the README's walk-through
run exactly as written.

Commands run in-process through ``main()`` (a fresh process costs a second of imports per
command). Every database, letter and certificate lives under ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from paths import ROOT, SEED
from pkikit import organization_pkcs12
from reportlab.pdfgen import canvas
from storekit import cli

from reviewer_app.core.store.database import Store
from reviewer_app.core.store.letters import letter_pdf, letters_for

PASSPHRASE = "a reviewer's passphrase"
ADMIN_PASSPHRASE = "an administrator's long passphrase"
ADVERSE_REASON = ("The tumor has not made your spine unstable and no bone presses on your "
                  "nerves, so radiation comes first.")
CLINICAL_REASON = ("SINS 10, potentially unstable; no retropulsion, ESCC 1a, Frankel E: "
                   "radiation with reassessment of stability comes first under NOMS.")


@pytest.fixture(autouse=True)
def environment(tmp_path, monkeypatch):
    """No terminal, the passphrase in the environment, and a command that forgot ``--db``
    lands in ``tmp_path`` (and fails the test), never in the user's data folder."""
    stray = tmp_path / "stray-default.sqlite3"
    monkeypatch.setenv("REVIEWER_APP_DB", str(stray))
    monkeypatch.setenv("REVIEWER_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REVIEWER_APP_ADMIN_PASSPHRASE", ADMIN_PASSPHRASE)
    monkeypatch.delenv("REVIEWER_APP_P12_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield
    assert not stray.exists(), "a command ran without --db"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cases.sqlite3")


@pytest.fixture
def shell(capsys, db):
    """``shell("letter", "1", ...)`` runs one command on this test's database."""
    return lambda *args: cli(capsys, "--db", db, *args)


@pytest.fixture
def team(shell):
    """A nurse (reviewer 1) and a physician (reviewer 2), each with a new signing key."""
    assert shell("reviewer", "add", "--name", "Pat Lee", "--credentials", "RN",
                 "--role", "nurse")[:2] == (0, "1\n")
    assert shell("reviewer", "add", "--name", "Maria Chen", "--credentials", "MD",
                 "--role", "physician")[:2] == (0, "2\n")


def import_case(shell, path=SEED) -> str:
    code, out, err = shell("import", str(path))
    assert code == 0, err
    return out.strip()


def flip(data: bytes) -> bytes:
    """One bit changed inside the first content stream (inside the signed byte range)."""
    changed = bytearray(data)
    changed[data.index(b"stream", 2000) + 100] ^= 0x01
    return bytes(changed)


def pdf_text(path) -> str | None:
    """The letter's text through poppler (an independent reader); None where it is not
    installed (``make test`` installs it, and CI fails without it)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("poppler-utils' pdftotext is not installed")
        return None
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_a_new_user_issues_and_verifies_both_letters(shell, team, tmp_path, db):
    case = import_case(shell)
    assert shell("assign", case, "--reviewer", "1")[0] == 0
    assert shell("decide", case, "--decision", "approve", "--reviewer", "1")[0] == 0
    member, provider = tmp_path / "approval-member.pdf", tmp_path / "approval-provider.pdf"
    code, out, err = shell("letter", case, "--out", str(member))
    assert code == 0, err
    assert out.startswith("LTR-000001: approval letter to the member (en) signed by Pat Lee, RN")
    assert f"case {case} is letter_issued" in out
    code, out, _ = shell("letter", case, "--recipient", "provider", "--out", str(provider),
                         "--json")
    shown = json.loads(out)
    assert (code, shown["letter_id"], shown["recipient"]) == (0, "LTR-000002", "provider")

    for letter in (member, provider):
        code, out, _ = shell("verify", str(letter))
        assert code == 0
        assert "signer: Pat Lee, RN" in out and "intact: yes" in out and "valid: yes" in out
        assert "changed after signing: no" in out and "signing time: 20" in out
        assert "trusted: yes" in out and "organization-ca.pem" in out
    certificate = tmp_path / "pat-lee.pem"
    assert shell("reviewer", "cert", "1", "--out", str(certificate))[0] == 0
    code, out, _ = shell("verify", str(provider), "--trust", str(certificate))
    assert code == 0 and "trusted: yes" in out
    stranger = tmp_path / "maria-chen.pem"
    shell("reviewer", "cert", "2", "--out", str(stranger))
    code, out, _ = shell("verify", str(member), "--trust", str(stranger))
    assert code == 1 and "trusted: no" in out

    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(flip(member.read_bytes()))
    code, out, _ = shell("verify", str(tampered), "--trust", str(certificate))
    assert code == 1
    assert "intact: no" in out and "the signed content was changed" in out

    with Store.open(db, create=False) as store:
        stored = {letter.letter_id: letter for letter in letters_for(store, int(case))}
        for letter_id, path in (("LTR-000001", member), ("LTR-000002", provider)):
            assert stored[letter_id].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
            assert letter_pdf(store, stored[letter_id]) == path.read_bytes()

    again = tmp_path / "again.pdf"
    code, _, err = shell("letter", case, "--out", str(again))
    assert code == 2 and "--replaces LTR-000001" in err and not again.exists()
    code, out, _ = shell("letter", case, "--out", str(again), "--replaces", "LTR-000001")
    assert code == 0 and "LTR-000003" in out and "replacing LTR-000001" in out
    code, out, _ = shell("show", case)
    assert "LTR-000001  approval to the member (en), signed by Pat Lee, RN, replaced by " \
           "LTR-000003" in out
    code, out, _ = shell("audit", "verify")
    assert code == 0 and out.startswith("ok: ")
    code, _, err = shell("letter", case, "--out", str(again), "--replaces", "LTR-000003")
    assert code == 2 and "exists (use --force" in err


def test_a_physician_denial_gives_adverse_letters_with_the_reason(shell, team, tmp_path):
    import_case(shell)
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    shell("decide", case, "--decision", "refer", "--reviewer", "1", "--reason",
          "instability unclear")
    shell("assign", case, "--reviewer", "2")
    assert shell("decide", case, "--decision", "deny", "--reviewer", "2", "--reason",
                 CLINICAL_REASON, "--member-reason", ADVERSE_REASON)[0] == 0
    letters = {}
    for recipient in ("member", "provider"):
        letters[recipient] = tmp_path / f"adverse-{recipient}.pdf"
        code, out, err = shell("letter", case, "--type", "adverse", "--recipient", recipient,
                               "--reviewer", "2", "--out", str(letters[recipient]))
        assert code == 0, err
        assert f"adverse letter to the {recipient} (en) signed by Maria Chen, MD" in out
        code, out, _ = shell("verify", str(letters[recipient]))
        assert code == 0 and "signer: Maria Chen, MD" in out
    text = pdf_text(letters["member"])
    if text is not None:
        words = " ".join(text.split())
        assert "radiation comes first" in words and "Maria Chen, MD" in words
        assert "appeal" in words.lower() and "NOMS" not in words
    text = pdf_text(letters["provider"])
    if text is not None:
        words = " ".join(text.split())
        assert "reassessment of stability comes first under NOMS" in words
        assert "no bone presses on your nerves" not in words


def test_an_adverse_letter_needs_a_physicians_decision(shell, team, tmp_path):
    case = import_case(shell)
    out_file = str(tmp_path / "x.pdf")
    shell("assign", case, "--reviewer", "1")
    code, _, err = shell("letter", case, "--type", "adverse", "--out", out_file)
    assert code == 2 and "no decision yet" in err and "physician" in err
    shell("decide", case, "--decision", "refer", "--reviewer", "1", "--reason", "unclear")
    code, _, err = shell("letter", case, "--out", out_file)
    assert code == 2 and "referred to a physician reviewer and is not decided yet" in err
    nurse_case = import_case(shell)
    shell("assign", nurse_case, "--reviewer", "1")
    shell("decide", nurse_case, "--decision", "approve", "--reviewer", "1")
    code, _, err = shell("letter", nurse_case, "--type", "adverse", "--out", out_file)
    assert code == 2
    assert err.startswith(f"refused: case {nurse_case} was decided by a nurse reviewer")
    assert "needs a physician reviewer's decision" in err
    code, _, err = shell("letter", nurse_case, "--reviewer", "2", "--out", out_file)
    assert code == 2 and "reviewer 2 did not decide it" in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_pend_gives_a_request_for_information(shell, team, tmp_path):
    document = json.loads(SEED.read_text(encoding="utf-8"))
    del document["oncology"]["expected_survival_months"]
    del document["symptoms"]["frankel_grade"]
    received = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)  # due in 14 days: time to ask
    document["received_at"] = received.isoformat(timespec="seconds")
    path = tmp_path / "pend.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    case = import_case(shell, path)
    shell("assign", case, "--reviewer", "1")
    needed_by = dt.date.today() + dt.timedelta(days=7)
    code, _, err = shell("decide", case, "--decision", "pend", "--reviewer", "1",
                         "--info-needed-by", (received + dt.timedelta(days=15)).date().isoformat())
    assert code == 2 and "after the decision is due" in err
    assert "at least 45 days" in err and "29 CFR 2560.503-1" in err, "the rule that refuses it"
    assert shell("decide", case, "--decision", "pend", "--reviewer", "1", "--info-needed-by",
                 needed_by.isoformat(), "--ask", "The operative plan")[0] == 0
    letter = tmp_path / "pend-member.pdf"
    code, out, err = shell("letter", case, "--out", str(letter))
    assert code == 0, err
    assert "pend letter to the member (en) signed by Pat Lee, RN" in out
    assert f"case {case} is pended" in out
    assert shell("verify", str(letter))[0] == 0
    text = pdf_text(letter)
    if text is not None:
        words = " ".join(text.split())
        assert needed_by.strftime("%B") in words and str(needed_by.year) in words
        assert "survival" in words.lower() and "The operative plan" in words


def test_a_partial_approval_letter_lists_what_was_approved(shell, team, tmp_path):
    case = import_case(shell)
    shell("assign", case, "--reviewer", "2")
    code, _, err = shell("decide", case, "--decision", "partial", "--reviewer", "2",
                         "--reason", "The corpectomy and fusion are approved; a separate "
                         "laminotomy at L2-L3 is not needed.", "--member-reason", ADVERSE_REASON)
    assert code == 2 and "--approve CODE" in err
    approved = ["63090", "22558", "22585", "22612", "22614", "22842", "22854"]
    assert shell("decide", case, "--decision", "partial", "--reviewer", "2", "--reason",
                 "The corpectomy and fusion are approved; a separate laminotomy at L2-L3 is "
                 "not needed.", "--member-reason", ADVERSE_REASON,
                 *(a for code in approved for a in ("--approve", code)))[0] == 0
    letter = tmp_path / "partial-provider.pdf"
    code, out, err = shell("letter", case, "--recipient", "provider", "--out", str(letter))
    assert code == 0 and "partial letter to the provider" in out, err


def test_passphrases(shell, team, tmp_path, monkeypatch):
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    shell("decide", case, "--decision", "approve", "--reviewer", "1")
    letter = tmp_path / "letter.pdf"
    monkeypatch.setenv("REVIEWER_APP_PASSPHRASE", "not the passphrase")
    code, _, err = shell("letter", case, "--out", str(letter))
    assert code == 2 and "the passphrase does not open this signing key" in err
    monkeypatch.delenv("REVIEWER_APP_PASSPHRASE")
    code, _, err = shell("letter", case, "--out", str(letter))
    assert code == 2 and "set REVIEWER_APP_PASSPHRASE, or run the command in a terminal" in err
    code, _, err = shell("reviewer", "add", "--name", "Lee Park", "--credentials", "RN",
                         "--role", "nurse")
    assert code == 2 and "REVIEWER_APP_PASSPHRASE" in err
    assert not letter.exists()

    typed = iter([PASSPHRASE])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    code, out, err = shell("letter", case, "--out", str(letter))
    assert code == 0 and out.startswith("LTR-000001"), err
    typed = iter(["first passphrase", "second passphrase"])
    code, _, err = shell("reviewer", "add", "--name", "Lee Park", "--credentials", "RN",
                         "--role", "nurse")
    assert code == 2 and "the two passphrases differ" in err
    typed = iter(["short", "short"])
    code, _, err = shell("reviewer", "add", "--name", "Lee Park", "--credentials", "RN",
                         "--role", "nurse")
    assert code == 2 and "at least 8 characters" in err
    for weak in ("aaaaaaaa", "        ", "leepark1"):
        typed = iter([weak, weak])
        code, _, err = shell("reviewer", "add", "--name", "Lee Park", "--credentials", "RN",
                             "--role", "nurse")
        assert code == 2 and "the passphrase is too easy to guess (strength" in err, weak
        assert len(err.strip().splitlines()) == 1
    code, out, _ = shell("reviewer", "list")
    assert len(out.splitlines()) == 2


def test_failed_unlocks_are_audited_without_the_passphrase(shell, team, monkeypatch, db):
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    monkeypatch.setenv("REVIEWER_APP_PASSPHRASE", "a wrong guess at it")
    code, _, err = shell("decide", case, "--decision", "approve", "--reviewer", "1")
    assert code == 2 and "the passphrase does not open this signing key" in err
    monkeypatch.setenv("REVIEWER_APP_ADMIN_PASSPHRASE", "another wrong guess")
    code, _, err = shell("reviewer", "role", "1", "--role", "physician")
    assert code == 2 and "does not open the organization CA's key" in err
    code, out, _ = shell("audit", "log", "--json")
    failed = [e for e in json.loads(out) if e["action"] == "unlock_failed"]
    assert [(e["reviewer_id"], e["details"]["key"]) for e in failed] == [
        (None, "organization CA"), (1, "reviewer key")]
    with Store.open(db, create=False) as store:
        dumped = "".join(line for line in store.conn.iterdump())
    assert "a wrong guess" not in dumped and "another wrong guess" not in dumped
    code, out, _ = shell("audit", "verify")
    assert code == 0, out


def test_a_role_change_needs_the_administrator_and_takes_effect_through_the_certificate(
        shell, team, tmp_path, monkeypatch):
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    code, _, err = shell("decide", case, "--decision", "deny", "--reviewer", "1", "--reason",
                         ADVERSE_REASON)
    assert code == 2 and "a nurse may not deny" in err
    monkeypatch.delenv("REVIEWER_APP_ADMIN_PASSPHRASE")
    code, _, err = shell("reviewer", "role", "1", "--role", "physician")
    assert code == 2 and "REVIEWER_APP_ADMIN_PASSPHRASE" in err
    monkeypatch.setenv("REVIEWER_APP_ADMIN_PASSPHRASE", ADMIN_PASSPHRASE)
    code, out, err = shell("reviewer", "role", "1", "--role", "physician")
    assert code == 0 and "Pat Lee, RN is a physician from now on" in out, err
    code, out, err = shell("decide", case, "--decision", "deny", "--reviewer", "1", "--reason",
                           CLINICAL_REASON, "--member-reason", ADVERSE_REASON)
    assert code == 0, err
    letter = tmp_path / "adverse.pdf"
    assert shell("letter", case, "--out", str(letter))[0] == 0
    code, out, _ = shell("verify", str(letter))
    assert code == 0 and "Title: Physician reviewer" in out
    assert shell("audit", "verify")[0] == 0


def test_an_organization_pkcs12_is_imported_and_trusted_through_its_root(shell, tmp_path,
                                                                         monkeypatch):
    """An organization with its own CA imports it at `org init`, then its reviewers' PKCS#12
    files; a reviewer file from another CA is refused."""
    data, ca = organization_pkcs12("organization secret", "ec", ca_passphrase="the CA secret")
    (tmp_path / "park.p12").write_bytes(data)
    (tmp_path / "ca.p12").write_bytes(ca)
    monkeypatch.setenv("REVIEWER_APP_P12_PASSPHRASE", "the CA secret")
    code, _, err = shell("org", "init", "--import-p12", str(tmp_path / "ca.p12"))
    assert code == 0 and "organization CA: CN=Example Plan Signing CA" in err, err
    assert shell("org", "init")[0] == 2
    add = ("reviewer", "add", "--name", "Jordan Park", "--credentials", "MD", "--role",
           "physician", "--import-p12", str(tmp_path / "park.p12"))
    monkeypatch.setenv("REVIEWER_APP_P12_PASSPHRASE", "wrong secret")
    code, _, err = shell(*add)
    assert code == 2 and "the passphrase does not open" in err
    monkeypatch.setenv("REVIEWER_APP_P12_PASSPHRASE", "organization secret")
    code, _, err = shell("reviewer", "add", "--name", "Jordan Park", "--credentials", "MD",
                         "--role", "nurse", "--import-p12", str(tmp_path / "park.p12"))
    assert code == 2 and "the certificate says physician, not nurse" in err
    code, out, _ = shell(*add, "--json")
    assert code == 0 and json.loads(out)["key"]["subject"].endswith("CN=Jordan Park\\, MD")
    stranger, _ = organization_pkcs12("organization secret", "ec")
    (tmp_path / "stranger.p12").write_bytes(stranger)
    code, _, err = shell("reviewer", "add", "--name", "Jordan Park", "--credentials", "MD",
                         "--role", "physician", "--import-p12", str(tmp_path / "stranger.p12"))
    assert code == 2 and "not vouched for by the organization CA" in err
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    shell("decide", case, "--decision", "deny", "--reviewer", "1", "--reason", CLINICAL_REASON,
          "--member-reason", ADVERSE_REASON)
    letter = tmp_path / "adverse.pdf"
    assert shell("letter", case, "--out", str(letter))[0] == 0
    code, out, _ = shell("verify", str(letter))
    assert code == 0 and "trusted: yes" in out and "signer: Jordan Park, MD" in out


def test_letters_yaml_beside_the_database(shell, team, tmp_path):
    letterhead = (ROOT / "resources" / "letters" / "letterhead.yaml").read_text(encoding="utf-8")
    (tmp_path / "ours.yaml").write_text(letterhead.replace(
        "organization: Example Health Plan", "organization: Lakeside Health"), encoding="utf-8")
    settings = tmp_path / "letters.yaml"
    settings.write_text("letterhead: ours.yaml\ntrust_roots: [pat-lee.pem]\n"
                        "validity_days: 30\n", encoding="utf-8")
    shell("reviewer", "cert", "1", "--out", str(tmp_path / "pat-lee.pem"))
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    shell("decide", case, "--decision", "approve", "--reviewer", "1")
    letter = tmp_path / "approval.pdf"
    assert shell("letter", case, "--out", str(letter))[0] == 0
    code, out, _ = shell("verify", str(letter))
    assert code == 0 and "trusted: yes" in out and f"from {settings}" in out
    text = pdf_text(letter)
    if text is not None:
        words = " ".join(text.split())
        assert "Lakeside Health" in words and "Example Health Plan" not in words
        last_day = dt.date.today() + dt.timedelta(days=29)
        assert f"{last_day:%B} {last_day.day}, {last_day.year}" in words
    settings.write_text("letterhead: ours.yaml\ncolour: blue\n", encoding="utf-8")
    code, _, err = shell("verify", str(letter))
    assert code == 2 and err.startswith(f"{settings}: colour: ")


def test_verify_tells_a_bad_file_from_a_bad_signature(shell, tmp_path):
    code, _, err = shell("verify", str(tmp_path / "absent.pdf"))
    assert code == 2 and "cannot be read" in err
    (tmp_path / "notes.txt").write_text("not a letter")
    code, _, err = shell("verify", str(tmp_path / "notes.txt"))
    assert code == 2 and "cannot be read as a PDF" in err
    unsigned = canvas.Canvas(str(tmp_path / "unsigned.pdf"))
    unsigned.drawString(72, 72, "an unsigned page")
    unsigned.save()
    code, out, _ = shell("verify", str(tmp_path / "unsigned.pdf"))
    assert code == 1 and "signed: no" in out
    code, _, err = shell("verify", str(tmp_path / "unsigned.pdf"), "--trust",
                         str(tmp_path / "notes.txt"))
    assert code == 2 and "not a readable certificate" in err


def test_the_readme_walk_through_works_as_written(capsys, tmp_path, monkeypatch):
    """Every command of the README's Letters block, in order, from a fresh folder; a comment
    saying "exit N" is the status expected, else 0."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Letters\n"):]
    block = section[section.index("```sh\n") + 6:]
    block = block[:block.index("```")]
    monkeypatch.chdir(tmp_path)
    for variable in ("REVIEWER_APP_PASSPHRASE", "REVIEWER_APP_ADMIN_PASSPHRASE"):
        monkeypatch.delenv(variable)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    ran = 0
    for line in block.splitlines():
        command, _, comment = line.partition(" #")
        words = shlex.split(command)
        if not words:
            continue
        if words[0] == "export":
            name, _, value = words[1].partition("=")
            monkeypatch.setenv(name, value)
            continue
        assert words[:3] == ["python", "-m", "reviewer_app"], line
        expected = re.search(r"exit (\d)", comment)
        code, out, err = cli(capsys, *words[3:])
        assert code == (int(expected.group(1)) if expected else 0), (line, err)
        letter_id = re.search(r"LTR-\d{6}", comment)
        if letter_id and not expected:
            assert out.startswith(letter_id.group(0)), (line, out)
        ran += 1
    assert ran >= 15
    assert (tmp_path / "letters-demo.sqlite3").exists()


def test_a_backup_is_checkpointed_by_the_organization_ca(shell, team, tmp_path, monkeypatch,
                                                         capsys):
    monkeypatch.delenv("REVIEWER_APP_ADMIN_PASSPHRASE")
    code, _, err = shell("backup", str(tmp_path / "copy.sqlite3"))
    assert code == 2 and "REVIEWER_APP_ADMIN_PASSPHRASE" in err
    assert not (tmp_path / "copy.sqlite3").exists()
    monkeypatch.setenv("REVIEWER_APP_ADMIN_PASSPHRASE", ADMIN_PASSPHRASE)
    code, out, err = shell("backup", str(tmp_path / "copy.sqlite3"))
    assert code == 0, err
    with Store.open(tmp_path / "copy.sqlite3", create=False) as copy:
        last = copy.query_one("SELECT * FROM audit_checkpoints ORDER BY id DESC LIMIT 1")
        assert last["authority_id"] == 1 and last["key_id"] is None
        head = copy.query_one("SELECT action FROM audit WHERE seq = ?", (last["seq"],))
        assert head["action"] == "backup"
    code, out, _ = cli(capsys, "--db", str(tmp_path / "copy.sqlite3"), "audit", "verify")
    assert code == 0 and "signed checkpoints" in out


def test_a_peer_to_peer_is_recorded_from_the_command_line(shell, team):
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    shell("decide", case, "--decision", "refer", "--reviewer", "1", "--reason", "SINS unclear")
    talk = ("p2p", case, "--with", "R. Alvarez, MD", "--outcome", "new_information",
            "--note", "Will send the flexion-extension films.")
    code, _, err = shell(*talk, "--reviewer", "1")
    assert code == 2 and "held by a physician reviewer" in err
    code, _, err = shell("p2p", case, "--reviewer", "2")
    assert code == 2 and "needs --with, --outcome" in err
    code, out, err = shell(*talk, "--reviewer", "2", "--at", "2026-11-21T10:30:00-05:00")
    assert (code, out) == (0, f"case {case}: peer-to-peer 1 recorded (the provider will send "
                              "new clinical information)\n"), err
    code, out, _ = shell("p2p", case, "--list")
    assert code == 0 and "with R. Alvarez, MD, reviewer 2" in out
    code, out, _ = shell("show", case)
    assert "Peer-to-peer" in out and "Will send the flexion-extension films." in out
    assert shell("audit", "verify")[0] == 0


def test_a_reviewer_may_be_added_with_an_npi(shell, team):
    code, _, err = shell("reviewer", "add", "--name", "Jordan Park", "--credentials", "MD",
                         "--role", "physician", "--npi", "1234567890")
    assert code == 2 and "NPI 1234567890 fails the check digit" in err
    code, out, err = shell("reviewer", "add", "--name", "Jordan Park", "--credentials", "MD",
                           "--role", "physician", "--npi", "1234567893", "--json")
    assert code == 0, err
    assert json.loads(out)["npi"] == "1234567893"
    code, out, _ = shell("reviewer", "list", "--json")
    assert [r["npi"] for r in json.loads(out)] == [None, None, "1234567893"]


def test_a_medicare_advantage_extension_names_its_reason(shell, team, tmp_path, capsys):
    """42 CFR 422.568(b)(1)(i): a Medicare Advantage extension only for (A) the enrollee's
    request, (B) evidence from a noncontract provider, (C) extraordinary circumstances; the
    pend without --extension-reason exits 2 naming the option and the rule, the reason is
    recorded, shown, and stated in the letter (422.568(b)(1)(ii))."""
    document = json.loads(SEED.read_text(encoding="utf-8"))
    del document["oncology"]["expected_survival_months"]
    document["line_of_business"] = "medicare_advantage"
    received = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)  # due in 7 days
    document["received_at"] = received.isoformat(timespec="seconds")
    path = tmp_path / "ma-pend.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    case = import_case(shell, path)
    shell("assign", case, "--reviewer", "1")
    needed_by = (received + dt.timedelta(days=12)).date().isoformat()
    pend = ("decide", case, "--decision", "pend", "--reviewer", "1", "--info-needed-by",
            needed_by)
    with pytest.raises(SystemExit):
        shell("decide", "--help")
    out = " ".join(capsys.readouterr().out.split())
    assert "--extension-reason REASON" in out and "noncontract_evidence (evidence is" in out
    assert "enrollee_request (the member asked" in out and "extraordinary (extraordinary" in out
    code, _, err = shell(*pend)
    assert code == 2 and "extension reason must be" in err and "--extension-reason" in err
    assert "422.568(b)(1)(i)" in err, "the refusal cites the rule"
    with pytest.raises(SystemExit) as unknown:
        shell(*pend, "--extension-reason", "facts_may_change")
    assert unknown.value.code == 2 and "invalid choice: 'facts_may_change'" in (
        capsys.readouterr().err)
    assert shell(*pend, "--extension-reason", "enrollee_request")[0] == 0
    code, out, _ = shell("show", case, "--json")
    assert json.loads(out)["decisions"][-1]["extension_reason"] == "enrollee_request"
    code, out, _ = shell("audit", "log", "--case", case, "--json")
    [decided] = [e for e in json.loads(out) if e["action"] == "decide"]
    assert decided["details"]["extension_reason"] == "enrollee_request"
    letter = tmp_path / "ma-pend-member.pdf"
    code, _, err = shell("letter", case, "--out", str(letter))
    assert code == 0, err
    text = pdf_text(letter)
    if text is not None:
        words = " ".join(text.split())
        assert "because you asked us for more time" in words, "422.568(b)(1)(ii): the reason"
        assert "expedited grievance" in words
