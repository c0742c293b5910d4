"""``make bench``: measured numbers against the budgets, as a table for the README.

Budgets live here, never in timed unit tests. Each row: metric, measured value, budget, verdict.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import (
    bench_attachments,
    bench_codes,
    bench_decisions,
    bench_gui,
    bench_intake,
    bench_letters,
    bench_lock,
    bench_queue,
    bench_reports,
    bench_store,
    bench_trust,
)
from bench.generate import case, write_cases
from bench.table import print_table

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-l2-corpectomy.json"
CLI_CASES = 10_000


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False, **kwargs)


def _evaluation_rows() -> list[tuple]:
    import random

    from reviewer_app.core.case_file import parse_case
    from reviewer_app.core.criteria.evaluator import evaluate

    rng = random.Random(7)
    cases = [parse_case(json.dumps(case(i, rng)), "bench") for i in range(500)]
    cases.append(parse_case(SEED.read_bytes(), str(SEED)))
    for c in cases:
        evaluate(c, "warm-up")
    timings = []
    for _ in range(3):
        for c in cases:
            start = time.perf_counter()
            evaluate(c, "bench")
            timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[18]
    return [
        ("evaluate: one case in process, median", f"{median * 1e3:.3f} ms", "< 1 ms",
         median < 1e-3),
        ("evaluate: one case in process, p95", f"{p95 * 1e3:.3f} ms", "< 1 ms", p95 < 1e-3),
    ]


def _cli_rows() -> list[tuple]:
    rows = []
    starts, bare = [], []
    for _ in range(5):  # interleaved with the floor, so both see the same machine load
        start = time.perf_counter()
        _run([sys.executable, "-c", "pass"])
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        _run([sys.executable, "-m", "reviewer_app", "evaluate", str(SEED)])
        starts.append(time.perf_counter() - start)
    startup = statistics.median(starts)
    rows.append(("evaluate: start-up + one file (command line), median of 5",
                 f"{startup:.3f} s", "< 0.5 s", startup < 0.5,
                 f"{statistics.median(bare):.3f} s (a bare Python start-up)"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_cases(Path(tmp), CLI_CASES)
        args = [sys.executable, "-m", "reviewer_app", "evaluate", *map(str, paths)]
        env = dict(os.environ)
        start = time.perf_counter()
        pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
        result = subprocess.run([*pin, *args], cwd=ROOT, env=env,
                                capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"evaluate failed on generated cases:\n{result.stderr[:2000]}")
        outcomes: dict[str, int] = {}
        for line in result.stdout.splitlines():
            outcome = json.loads(line)["outcome"]
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    rate = CLI_CASES / elapsed
    mix = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    rows.append((f"evaluate: {CLI_CASES:,} files end to end, one core", f"{rate:,.0f} cases/s",
                 "> 1,000 cases/s", rate > 1000))
    rows.append(("evaluate: outcome mix of the generated cases", mix, "informational", None))
    return rows


GUI_PROBE = """
import time
start = time.perf_counter()
from PySide6.QtCore import QSettings
from reviewer_app.ui.app import create_application
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.main.window import MainWindow
app = create_application(["bench"])
context = AppContext.create("{db}", settings=QSettings("{ini}", QSettings.Format.IniFormat))
window = MainWindow(context)
window.show()
app.processEvents()
print(time.perf_counter() - start)
context.close()
"""


def _gui_rows() -> list[tuple]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    walls = []
    with tempfile.TemporaryDirectory() as tmp:
        probe = GUI_PROBE.format(ini=Path(tmp) / "settings.ini", db=Path(tmp) / "cases.sqlite3")
        for _ in range(3):
            start = time.perf_counter()
            result = _run([sys.executable, "-c", probe], env=env)
            if result.returncode != 0:
                raise SystemExit(f"GUI start-up probe failed:\n{result.stderr[:2000]}")
            walls.append(time.perf_counter() - start)
    wall = statistics.median(walls)
    return [("GUI: start-up to first shown window (offscreen)", f"{wall:.2f} s", "< 2 s",
             wall < 2)]




def main() -> int:
    rows = _evaluation_rows() + _cli_rows() + _gui_rows()
    rows += [(*row, None) for row in bench_gui.run()]
    rows += bench_intake.run()
    rows += bench_lock.run()
    rows += [(*row, None) for row in bench_codes.run()]
    rows += [(*row, None) for row in bench_letters.run()]
    rows += [(*row, None) for row in bench_store.run()]
    rows += [(*row, None) for row in bench_trust.run()]
    rows += bench_decisions.run()
    rows += bench_reports.run()
    rows += bench_queue.run()
    rows += bench_attachments.run()
    print(f"Machine load at the end (1-minute average, {os.cpu_count()} cores): "
          f"{os.getloadavg()[0]:.1f}\n")
    return 0 if print_table(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
