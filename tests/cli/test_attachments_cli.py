"""``attach``, ``attachments`` and ``attachment-export`` as a user meets them: the id on stdout,
refusals on stderr with exit 2, the exported file equal to what was attached."""

from __future__ import annotations

import json

import pytest
from attachkit import pdf_bytes, seed_report
from paths import SEED
from storekit import cli, run_cli

from reviewer_app.cli.main import main


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "cases.sqlite3"
    code, out, _ = cli(capsys, "--db", str(path), "import", str(SEED))
    assert (code, out) == (0, "1\n")
    return str(path)


@pytest.mark.parametrize("command", [["attach"], ["attachments"], ["attachment-export"]])
def test_help_with_examples(capsys, command):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    assert "python -m reviewer_app" in capsys.readouterr().out


def test_attach_list_and_export_round_trip(db, tmp_path, capsys):
    data = pdf_bytes(seed_report())
    report = tmp_path / "mri.txt"  # the name says text; the bytes say PDF
    report.write_bytes(data)
    assert cli(capsys, "--db", db, "attach", "1", str(report)) == (0, "1\n", "")
    code, out, _ = cli(capsys, "--db", db, "attachments", "1", "--json")
    [listed] = json.loads(out)
    assert (listed["kind"], listed["size"], listed["name"]) == ("pdf", len(data), "mri.txt")
    code, out, _ = cli(capsys, "--db", db, "attachments", "1")
    assert "PDF" in out and "mri.txt" in out and listed["sha256"] in out
    copy = tmp_path / "copy.pdf"
    assert cli(capsys, "--db", db, "attachment-export", "1", "--out", str(copy))[0] == 0
    assert copy.read_bytes() == data
    code, _, err = cli(capsys, "--db", db, "attachment-export", "1", "--out", str(copy))
    assert code == 2 and "exists (use --force" in err
    code, _, err = cli(capsys, "--db", db, "attachment-export", "1", "--out", "/dev/null",
                       "--force")
    assert code == 2 and "a character device, not a regular file" in err
    code, out, _ = cli(capsys, "--db", db, "audit", "verify")
    assert code == 0 and "2 other records" in out


def test_refusals(db, tmp_path, capsys):
    word = tmp_path / "letter.pdf"
    word.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    code, out, err = cli(capsys, "--db", db, "attach", "1", str(word))
    assert (code, out) == (2, "")
    assert err == (f"{word}: (file): a ZIP archive (Word, Excel and OpenDocument files are "
                   "ZIP archives): save or print it as PDF\n")
    note = tmp_path / "note.txt"
    note.write_text("L2 lesion.")
    code, _, err = cli(capsys, "--db", db, "attach", "7", str(note))
    assert code == 2 and "there is no case 7" in err
    code, _, err = cli(capsys, "--db", db, "attachment-export", "5", "--out",
                       str(tmp_path / "x"))
    assert code == 2 and "there is no attachment 5" in err
    assert cli(capsys, "--db", db, "attachments", "1") == (0, "case 1 has no attachments\n", "")


def test_a_user_attaches_from_a_shell(db, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("CT L2: burst fracture.\n", encoding="utf-8")
    done = run_cli("--db", db, "attach", "1", str(note), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kind"] == "text"
