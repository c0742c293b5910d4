"""GUI over the store: a case file opened (imported as a draft, read back, shown) and the round
trip of a store operation, both measured in a fresh process, offscreen, on a new database.

``run()`` returns ``(metric, value, budget)`` rows; ``python -m bench.bench_gui`` prints them.
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
OPENS = 20
ROUND_TRIPS = 200

PROBE = """
import json, statistics, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QObject, QSettings, QTimer
from reviewer_app.ui.app import create_application
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.main.window import MainWindow

folder, seed, opens, trips = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
app = create_application(["bench"])
settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
context = AppContext.create(folder / "cases.sqlite3", settings=settings)
window = MainWindow(context)
window.resize(1280, 820)
window.show()


def wait(signal, start):
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    began = time.perf_counter()
    start()
    loop.exec()
    signal.disconnect(loop.quit)
    return time.perf_counter() - began


opened = [wait(window.case_shown, lambda: window.open_case(seed)) for _ in range(opens)]
owner = QObject()
trip = []
for _ in range(trips):
    op = context.store.op(owner, lambda store: None)
    trip.append(wait(op.finished, op.run))
context.close()
print(json.dumps({"first": opened[0], "open": statistics.median(opened[1:]),
                  "trip": statistics.median(trip),
                  "trip95": statistics.quantiles(trip, n=20)[-1]}))
"""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def run() -> list[tuple[str, str, str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, tmp, str(SEED), str(OPENS), str(ROUND_TRIPS)],
            cwd=ROOT, capture_output=True, text=True, env=env, check=False,
        )
    if result.returncode != 0:
        raise SystemExit(f"GUI store probe failed:\n{result.stderr[:2000]}")
    numbers = json.loads(result.stdout.strip().splitlines()[-1])
    return [
        ("GUI: open a case file, first in a new process (import, read back, shown)",
         _ms(numbers["first"]), "< 1000 ms"),
        (f"GUI: open a case file, median of {OPENS - 1} more", _ms(numbers["open"]),
         "< 200 ms"),
        (f"GUI: store operation round trip (GUI -> database thread -> GUI), median of "
         f"{ROUND_TRIPS}", _ms(numbers["trip"]), "< 5 ms"),
        ("GUI: store operation round trip, p95", _ms(numbers["trip95"]), "< 5 ms"),
    ]


if __name__ == "__main__":
    for row in run():
        print(" | ".join(row))
