"""PySide6 6.12.0 drops a reference to None on every void Qt call; the GUI package gives None,
True and False a reserve so that no number of calls can bring them to zero."""

import subprocess
import sys

from paths import ROOT

CALLS = """
import sys
import reviewer_app.ui
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(["refcounts"])
label = QLabel()
for n in range(200_000):
    label.setText("x")
    label.setEnabled(True)
print("alive", reviewer_app.ui.refcounts.PROTECTED, flush=True)
"""


def test_two_hundred_thousand_void_calls_do_not_abort_the_interpreter():
    result = subprocess.run([sys.executable, "-c", CALLS], cwd=ROOT, capture_output=True,
                            text=True, timeout=120,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("alive")


def test_the_reserve_is_given_only_when_calls_drop_references():
    from reviewer_app.ui import refcounts

    if refcounts.PROTECTED:
        assert sys.getrefcount(None) > refcounts.RESERVE // 2
    else:
        assert not refcounts.void_calls_drop_none() or sys.version_info >= (3, 12)
