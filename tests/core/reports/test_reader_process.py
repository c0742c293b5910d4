"""The window's report reader in its own process: the same reading as in the calling process,
errors that come back as themselves, and a process that dies mid-way is reported and replaced."""

import json
import os
import signal
import subprocess
import sys

import pytest
from paths import SEED

from reviewer_app.core.reports import reader_process
from reviewer_app.core.reports.reader import ReportReadError


@pytest.fixture(scope="module")
def mri_report():
    return json.loads(SEED.read_text())["imaging"][0]["report_text"]


def test_the_reading_is_the_one_made_in_this_process(read, mri_report):
    here = read(mri_report, "MRI", ("L1", "L2", "L3"))
    there = reader_process.read_report(mri_report, "MRI", ("L1", "L2", "L3"))
    assert there == here
    assert there.findings()["escc_grade"] == here.findings()["escc_grade"]


def test_the_reader_is_not_loaded_in_the_calling_process():
    """The point of the process: the window's interpreter never holds medspaCy's objects."""
    script = (
        "import json, sys\n"
        "from reviewer_app.core.reports import reader_process\n"
        f"text = json.loads(open({str(SEED)!r}).read())['imaging'][0]['report_text']\n"
        "reading = reader_process.read_report(text, 'MRI', ['L2'])\n"
        "print(json.dumps([sorted(reading.findings()), 'medspacy' in sys.modules, "
        "'spacy' in sys.modules]))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, check=True)
    findings, medspacy_here, spacy_here = json.loads(result.stdout.splitlines()[-1])
    assert "escc_grade" in findings
    assert (medspacy_here, spacy_here) == (False, False)


def test_a_refusal_comes_back_as_itself():
    with pytest.raises(ReportReadError, match="L9"):
        reader_process.read_report("No fracture.", "MRI", ("L9",))


def test_a_killed_reader_is_reported_then_started_again(mri_report):
    reader_process.warm_up()
    pid = reader_process._executor().submit(os.getpid).result()
    assert pid != os.getpid()
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(reader_process.ReaderStoppedError, match="press Suggest"):
        reader_process.read_report(mri_report, "MRI", ("L2",))
    reading = reader_process.read_report(mri_report, "MRI", ("L2",))
    assert reading.findings()
    assert reader_process._executor().submit(os.getpid).result() != pid
