"""The command line as a user runs it: real subprocesses, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from paths import ROOT, SEED


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reviewer_app", *args],
        capture_output=True, text=True, cwd=ROOT, input=stdin, timeout=60,
    )


def test_motivating_case():
    result = cli("evaluate", str(SEED))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    out = json.loads(lines[0])
    assert out["format"] == "ur-determination/1"
    assert out["case_ref"] == "PA-2026-004417"
    assert out["outcome"] == "meets_criteria"
    assert out["criteria_set"]["id"] == "spine-tumor-decompression-stabilization"
    assert out["scores"]["sins"] == {
        "total": 13, "category": "unstable",
        "components": {"location": 2, "pain": 3, "bone_lesion": 2, "alignment": 2,
                       "collapse": 3, "posterolateral": 1},
    }
    assert out["scores"]["tokuhashi"] == {"total": 10, "survival_band": "6_months_or_more"}
    assert out["due_at"] == "2026-12-05T09:15:00-05:00"
    text = " ".join(out["rationale"]).lower()
    for topic in ("unstable", "sins 13", "retropulsed", "12 months", "radiation alone",
                  "vertebral augmentation", "does not shrink with radiation"):
        assert topic in text, topic


def test_invalid_file_is_reported_and_the_rest_evaluated(tmp_path):
    bad = tmp_path / "bad.json"
    doc = json.loads(SEED.read_text())
    doc["urgency"] = "whenever"
    doc["symptoms"]["pain_nrs"] = 12
    bad.write_text(json.dumps(doc))
    result = cli("evaluate", str(bad), str(SEED), str(tmp_path / "absent.json"))
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 1
    errors = result.stderr.splitlines()
    assert f"{bad}: urgency: Input should be 'standard' or 'expedited'" in errors
    assert any(line.startswith(f"{bad}: symptoms.pain_nrs: ") for line in errors)
    assert any(line.startswith(f"{tmp_path / 'absent.json'}: (file): ") for line in errors)
    assert "Traceback" not in result.stderr


def test_pretty_output_is_indented_json():
    result = cli("evaluate", "--pretty", str(SEED))
    assert result.stdout.startswith("{\n  ")
    assert json.loads(result.stdout)["outcome"] == "meets_criteria"


def test_case_ref_falls_back_to_the_file_name(tmp_path):
    doc = json.loads(SEED.read_text())
    del doc["external_id"]
    path = tmp_path / "fax-0042.json"
    path.write_text(json.dumps(doc))
    assert json.loads(cli("evaluate", str(path)).stdout)["case_ref"] == "fax-0042.json"


def test_criteria_commands(tmp_path):
    listing = cli("criteria", "list", "--json")
    assert {row["id"] for row in json.loads(listing.stdout)} >= {"lumbar-fusion"}
    shown = cli("criteria", "show", "vertebral-augmentation")
    assert "symptoms.pain_nrs ≥ 5" in shown.stdout
    assert "cms-lcd-l38201" in shown.stdout
    assert cli("criteria", "show", "nope").returncode == 2
    assert cli("criteria", "lint").returncode == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: ur-criteria/1\nid: x\n")
    linted = cli("criteria", "lint", str(broken))
    assert linted.returncode == 2
    assert f"{broken}: title: required field is missing" in linted.stderr


def test_codes_search():
    result = cli("codes", "search", "secondary malignant bone", "--json")
    assert result.returncode == 0
    assert "C79.51" in [row["code"] for row in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "args",
    [(), ("evaluate",), ("criteria",), ("criteria", "list"), ("criteria", "show"),
     ("criteria", "lint"), ("codes",), ("codes", "search"), ("findings",)],
)
def test_every_command_has_help(args):
    result = cli(*args, "--help")
    assert result.returncode == 0
    assert "usage:" in result.stdout and "Traceback" not in result.stdout


def test_no_command_prints_usage_and_exits_2():
    result = cli()
    assert result.returncode == 2 and "usage:" in result.stderr


def test_command_line_path_imports_no_gui_pdf_or_signing_library():
    probe = (
        f"import sys, runpy; sys.argv = ['x', 'evaluate', {str(SEED)!r}];"
        "import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: runpy.run_module('reviewer_app', run_name='__main__')\n"
        "    except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'reportlab', 'pyhanko', 'simple_icd_10_cm', 'spacy', 'medspacy',"
        " 'PyRuSH', 'loguru')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
