"""The intake wizard: the live panel's update after a field change, against one frame (16 ms),
beside the floor measured in the same run (a no-op Qt event round trip), and the draft
autosave (the store write alone, and the GUI round trip until the wizard says it is saved).

Each update is a real commit of a field of the motivating case (the canal compromise of the
MRI, and the expected survival, which turns the outcome from meets criteria to refer and
back), timed from the commit to the end of the event processing it causes (layout and paint
of the panel and the page), in a fresh process, offscreen.

``run()`` returns ``(metric, value, budget, ok)`` rows; ``python -m bench.bench_intake``
prints them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-l2-corpectomy.json"
UPDATES = 300
SAVES = 100
FRAME_MS = 16.0

PROBE = """
import json, statistics, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.session import DraftSession
from reviewer_app.core.store.database import Store
from reviewer_app.ui.app import create_application
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.intake.imaging import ImagingPage
from reviewer_app.ui.intake.wizard import IntakeWizard

folder, seed, updates, saves = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
if sys.argv[5] == "no-reader":  # the floor of the first changes: the same, nothing loading
    from reviewer_app.ui.intake.report_reading import ReportSuggestions
    ReportSuggestions.page_shown = lambda self: None
app = create_application(["bench"])
settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
context = AppContext.create(folder / "cases.sqlite3", settings=settings)
document = DraftDocument(json.loads(Path(seed).read_text(encoding="utf-8")))
wizard = IntakeWizard(context, document=document)
wizard.resize(1260, 870)
wizard.show()
page = wizard.page_of(ImagingPage)
wizard.go_to(page)
app.processEvents()


def settle():
    app.processEvents()
    app.sendPostedEvents()
    app.processEvents()


def timed(change):
    start = time.perf_counter()
    change()
    settle()
    return (time.perf_counter() - start) * 1000


class Probe(QObject):
    def event(self, event):
        return True


probe = Probe()
loading = []  # the report reader loads in its own process when the imaging page first shows
while (page.suggestions.state != "ready" or sys.argv[5] == "no-reader") and len(loading) < 40:
    months = 12 if len(loading) % 2 else 2
    loading.append(timed(lambda: wizard.commit("oncology.expected_survival_months", months)))
deadline = time.perf_counter() + 60
while page.suggestions.state != "ready" and sys.argv[5] != "no-reader" and (
        time.perf_counter() < deadline):
    app.processEvents()
    time.sleep(0.005)
floor = [timed(lambda: QCoreApplication.postEvent(probe, QEvent(QEvent.Type.User)))
         for _ in range(updates)]
canal = page._templates["findings.canal_compromise_percent"]
values = [40, 41]
panel = []
for n in range(updates):
    panel.append(timed(lambda: wizard.commit(canal.path, values[n % 2])))
outcome = []
for n in range(updates // 3):
    months = 12 if n % 2 else 2
    outcome.append(timed(lambda: wizard.commit("oncology.expected_survival_months", months)))
assert wizard.evaluation.determination.outcome in ("meets_criteria", "refer_to_physician")
done = []
wizard.draft_saved.connect(done.append)
trip = []
for n in range(saves):
    done.clear()
    start = time.perf_counter()
    wizard.commit("notes", f"bench {n}")
    while not done:
        app.processEvents()
    trip.append((time.perf_counter() - start) * 1000)
context.close()
store = Store.open(folder / "direct.sqlite3")
session = DraftSession()
text = document.to_json()
session.save(store, text)
write = []
for n in range(saves):
    start = time.perf_counter()
    session.save(store, text)
    write.append((time.perf_counter() - start) * 1000)
store.close()


def p95(values):
    return statistics.quantiles(values, n=20)[-1]


print(json.dumps({
    "floor95": p95(floor), "floormax": max(floor),
    "panel50": statistics.median(panel), "panel95": p95(panel), "panelmax": max(panel),
    "outcome95": p95(outcome), "outcomemax": max(outcome),
    "save50": statistics.median(write), "save95": p95(write),
    "trip50": statistics.median(trip), "trip95": p95(trip),
    "loading": len(loading), "loading50": statistics.median(loading) if loading else 0.0,
    "loading95": p95(loading) if len(loading) > 1 else 0.0,
    "loadingmax": max(loading) if loading else 0.0,
}))
"""


def _probe(mode: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, tmp, str(SEED), str(UPDATES), str(SAVES), mode],
            cwd=ROOT, capture_output=True, text=True, env=env, check=False,
        )
    if result.returncode != 0:
        raise SystemExit(f"intake probe failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run() -> list[tuple[str, str, str, bool | None]]:
    n = _probe("reader")
    cold = _probe("no-reader")
    panel_ok = n["panel95"] < FRAME_MS and n["outcome95"] < FRAME_MS
    floor = (f"p95 / max {n['floor95']:.3f} / {n['floormax']:.3f} ms (a no-op Qt event "
             "round trip)")
    return [
        (f"intake: live panel update after a field change, median / p95 / max of {UPDATES}",
         f"{n['panel50']:.2f} / {n['panel95']:.2f} / {n['panelmax']:.2f} ms",
         f"p95 < {FRAME_MS:g} ms", n["panel95"] < FRAME_MS, floor),
        (f"intake: live panel update when the outcome changes, p95 / max of {UPDATES // 3} "
         "(the report reader loaded)",
         f"{n['outcome95']:.2f} / {n['outcomemax']:.2f} ms", f"p95 < {FRAME_MS:g} ms",
         n["outcome95"] < FRAME_MS and panel_ok, floor),
        (f"intake: the first {n['loading']} outcome changes on the imaging page, while the "
         "report reader loads in its own process, median / p95 / max",
         f"{n['loading50']:.2f} / {n['loading95']:.2f} / {n['loadingmax']:.2f} ms",
         "informational", None,
         f"{cold['loading50']:.2f} / {cold['loading95']:.2f} / {cold['loadingmax']:.2f} ms "
         "(the same first changes with no reader loading: a new wizard's first frames)"),
        (f"intake: draft autosave, the store write (WAL, synchronous=FULL), median / p95 of "
         f"{SAVES}", f"{n['save50']:.2f} / {n['save95']:.2f} ms", "informational", None),
        (f"intake: draft autosave, commit to 'saved' on screen (database thread), median / "
         f"p95 of {SAVES}", f"{n['trip50']:.2f} / {n['trip95']:.2f} ms", "< 100 ms",
         n["trip95"] < 100),
    ]


if __name__ == "__main__":
    for row in run():
        print(" | ".join(str(part) for part in row))
