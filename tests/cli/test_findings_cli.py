"""``findings``: the report reader from the shell (one subprocess loads the pipeline each)."""

import json
import subprocess
import sys

from paths import ROOT, SEED


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer_app", "findings", *args],
                          capture_output=True, text=True, cwd=ROOT, input=stdin, timeout=120)


def test_the_motivating_case_report(tmp_path):
    study = json.loads(SEED.read_text())["imaging"][0]
    report = tmp_path / "mri.txt"
    report.write_text(study["report_text"])
    result = cli(str(report), "--modality", "MRI", "--levels", "L1", "L2", "L3")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    out = json.loads(lines[0])
    assert set(out) == {"findings", "evidence", "uncertain", "other_levels"}
    expected = {k: v for k, v in study["findings"].items()
                if k not in ("alignment", "marrow_edema")}
    assert out["findings"] == expected
    assert set(out["evidence"]) == set(expected)
    retropulsion = out["evidence"]["retropulsion"]
    text = study["report_text"]
    assert text[retropulsion["start"]:retropulsion["end"]] == retropulsion["text"]
    assert retropulsion["text"].startswith("Expansile lytic lesion")
    assert text[retropulsion["mention_start"]:retropulsion["mention_end"]] == "retropulsed"
    assert out["uncertain"] == []
    assert [entry["finding"] for entry in out["other_levels"]] == ["lesion_type"]


def test_stdin_uncertain_and_other_levels():
    result = cli("-", "--modality", "ct", "--levels", "L2", "--pretty",
                 stdin="No retropulsion at L2. Cannot exclude discitis. T8 compression fracture.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("{\n  ")
    out = json.loads(result.stdout)
    assert out["findings"] == {"retropulsion": False}
    assert out["evidence"]["retropulsion"]["negated"] is True
    assert [(e["finding"], e["reason"]) for e in out["uncertain"]] == [("infection", "uncertain")]
    assert [(e["finding"], e["value"], e["levels"]) for e in out["other_levels"]] == [
        ("fracture", "compression", ["T8"])]


def test_unreadable_file_and_unknown_modality_exit_2(tmp_path):
    missing = tmp_path / "absent.txt"
    result = cli(str(missing), "--modality", "MRI", "--levels", "L2")
    assert result.returncode == 2
    assert result.stderr.startswith(f"{missing}: (file): cannot be read")
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7\n\xff\xfe\x00\x81")
    result = cli(str(binary), "--modality", "MRI", "--levels", "L2")
    assert result.returncode == 2 and "not UTF-8 text" in result.stderr
    report = tmp_path / "r.txt"
    report.write_text("No fracture.")
    result = cli(str(report), "--modality", "ultrasound", "--levels", "L2")
    assert result.returncode == 2
    assert "unknown modality 'ultrasound' (one of: MRI, CT, XR, PET_CT, bone_scan)" in (
        result.stderr)
    result = cli(str(report), "--modality", "MRI", "--levels", "L9")
    assert result.returncode == 2 and "'L9' is not a spinal level" in result.stderr
    assert "Traceback" not in result.stderr
