"""Decision to signed letter on screen, as a reviewer does it in the case view: the decision
recorded and signed (database thread), the member's letter rendered and shown as a preview
(QtPdf over the bytes), then signed, stored and shown again, with its first page rasterized.
Measured in a fresh process, offscreen, over ``CASES`` copies of the motivating case, after
one warm-up case (the first letter in a process pays for the letter modules and fonts, which
the first-letter row of ``bench_letters`` measures).

``run()`` returns ``(metric, value, budget, ok)`` rows; ``python -m bench.bench_decisions``
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
CASES = 12
BUDGET_S = 1.0

PROBE = """
import json, statistics, sys, time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from PySide6.QtCore import QEventLoop, QSettings, QSize, QTimer
from reviewer_app.ui.app import create_application
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.case.deciding import record_decision
from reviewer_app.ui.case.decision_dialogs import DecisionRequest
from reviewer_app.ui.case.snapshot import load_snapshot
from reviewer_app.ui.letters.preview import LetterPreview
from reviewer_app.core.store import cases
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.organization import create_organization
from reviewer_app.core.store.reviewers import add_reviewer, session_for
from reviewer_app.core.trust.authority import create_authority
from reviewer_app.core.trust.keys import create_reviewer_key, open_key

folder, seed, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
db = folder / "cases.sqlite3"
secret = "a benchmark passphrase, long enough"
document = json.loads(seed.read_text(encoding="utf-8"))
document["received_at"] = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")
with Store.open(db) as store:
    new, admin = create_authority("Example Health Plan", secret)
    create_organization(store, new, admin)
    key = create_reviewer_key(admin, name="Bench Nurse", credentials="RN", role="nurse",
                              passphrase=secret)
    person = add_reviewer(store, name="Bench Nurse", credentials="RN", role="nurse", key=key,
                          admin=admin)
    nurse = session_for(store, person.id, open_key(key.pkcs12, secret))
    cases.import_documents(store, [(f"{i}.json", json.dumps(document)) for i in range(count + 1)])
app = create_application(["bench"])
settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
context = AppContext.create(db, settings=settings)
from dataclasses import replace

from reviewer_app.ui.session.operations import session_of
from reviewer_app.ui.session.session import Session

context = replace(context, session=Session())
with Store.open(db) as store:
    context.session.sign_in(session_of(store, nurse))
window = LetterPreview(context)
window.resize(900, 1000)
window.show()


def wait(signal):
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(30000, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def run_op(fn):
    found = {}
    loop = QEventLoop()
    def done(value):
        found["value"] = value
        loop.quit()
    context.store.op(window, fn).success(done).run()
    loop.exec()
    return found["value"]


rows = {"decide": [], "preview": [], "sign": [], "raster": [], "total": []}
for case_id in range(1, count + 2):
    start = time.perf_counter()
    run_op(lambda store: record_decision(store, case_id, 1, DecisionRequest("approve"), nurse))
    decided = time.perf_counter()
    snapshot = run_op(lambda store: load_snapshot(store, case_id))
    loaded = time.perf_counter()
    window.show_due(snapshot, "member")
    wait(window.letter_shown)
    previewed = time.perf_counter()
    window.ui.signButton.click()
    wait(window.letter_shown)
    signed = time.perf_counter()
    points = window.document.pagePointSize(0)
    window.document.render(0, QSize(round(points.width() * 96 / 72),
                                    round(points.height() * 96 / 72)))
    shown = time.perf_counter()
    if case_id == 1:
        continue  # warm-up
    rows["decide"].append(decided - start)
    rows["preview"].append(previewed - loaded)
    rows["sign"].append(signed - previewed)
    rows["raster"].append(shown - signed)
    rows["total"].append(shown - start - (loaded - decided))
assert window.issued() is not None and window.issued().record.letter_type == "approval"
print(json.dumps(rows))
window.close()
context.close()
"""


def run() -> list[tuple[str, str, str, bool | None]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([sys.executable, "-c", PROBE, tmp, str(SEED), str(CASES)],
                                cwd=ROOT, env=env, capture_output=True, text=True,
                                check=False, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"decision benchmark failed:\n{result.stderr[-3000:]}")
    rows = json.loads(result.stdout.strip().splitlines()[-1])

    def ms(values: list[float]) -> str:
        ordered = sorted(values)
        median = ordered[len(ordered) // 2]
        return f"{median * 1e3:.0f} / {ordered[-1] * 1e3:.0f} ms"

    total = sorted(rows["total"])
    median_total = total[len(total) // 2]
    of = f"median / slowest of {CASES}"
    return [
        (f"decisions: approval recorded and signed (database thread), {of}", ms(rows["decide"]),
         "informational", None),
        (f"decisions: member letter rendered and shown as a preview (QtPdf), {of}",
         ms(rows["preview"]), "informational", None),
        (f"decisions: Sign and issue to the signed letter shown (render, PAdES, store, load), "
         f"{of}", ms(rows["sign"]), "informational", None),
        (f"decisions: first page rasterized at 96 dpi, {of}", ms(rows["raster"]),
         "informational", None),
        (f"decisions: decision to signed letter on screen (the four above), {of}",
         ms(rows["total"]), f"< {BUDGET_S:g} s", median_total < BUDGET_S),
    ]


if __name__ == "__main__":
    for row in run():
        print(" | ".join(str(part) for part in row))
