"""Reading radiology reports: accuracy on the synthetic corpus and the time it takes.

``run()`` returns ``(metric, value, budget, ok)`` rows; ``python bench/bench_reports.py`` prints
them on their own (about 10 s). The accuracy targets are the issue's: precision >= 0.97 and
recall >= 0.90 overall, and no negated or uncertain mention proposed as a positive finding.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.report_corpus import CORPUS, Scored, kinds, load_corpus, modalities, score

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = CORPUS.with_name("holdout.yaml")

LOAD_PROBE = """
import time
start = time.perf_counter()
from reviewer_app.core.reports.reader import read_report, warm_up
warm_up()
loaded = time.perf_counter() - start
read_report("L2 burst fracture. No retropulsion.", "CT", ["L2"])
print(loaded, time.perf_counter() - start)
"""


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _accuracy_rows(name: str, scored: Scored, reports: int) -> list[tuple]:
    overall = scored.overall
    precision, recall = overall.precision or 0.0, overall.recall or 0.0
    rows = [
        (f"reports ({name}): precision overall ({reports} reports, {scored.readings} readings)",
         f"{precision:.3f} ({overall.tp}/{overall.tp + overall.fp})", ">= 0.97",
         precision >= 0.97),
        (f"reports ({name}): recall overall",
         f"{recall:.3f} ({overall.tp}/{overall.tp + overall.fn})", ">= 0.90", recall >= 0.90),
        (f"reports ({name}): negated or uncertain mentions proposed as positive",
         str(len(scored.wrong_positives)), "0", not scored.wrong_positives),
    ]
    return rows


def _per_finding_rows(scored: Scored) -> list[tuple]:
    rows = []
    for finding, counts in sorted(scored.per_finding.items()):
        rows.append((f"reports: {finding}, precision / recall (tp, fp, fn)",
                     f"{_ratio(counts.precision)} / {_ratio(counts.recall)} "
                     f"({counts.tp}, {counts.fp}, {counts.fn})", "informational", None))
    return rows


def _load_rows() -> list[tuple]:
    loads, firsts = [], []
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", LOAD_PROBE], cwd=ROOT,
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SystemExit(f"report pipeline probe failed:\n{result.stderr[:2000]}")
        loaded, first = map(float, result.stdout.split())
        loads.append(loaded)
        firsts.append(first)
    cli = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reviewer_app", "findings", "-", "--modality",
                        "MRI", "--levels", "L2"], cwd=ROOT, input="No fracture.",
                       capture_output=True, text=True, check=False)
        cli.append(time.perf_counter() - start)
    return [
        ("reports: pipeline load in a fresh process (imports + build), median of 3",
         f"{statistics.median(loads):.2f} s", "informational", None),
        ("reports: load + first report, fresh process", f"{statistics.median(firsts):.2f} s",
         "informational", None),
        ("reports: findings command, start-up + one report", f"{statistics.median(cli):.2f} s",
         "informational", None),
    ]


def run() -> list[tuple]:
    corpus = load_corpus()
    holdout = load_corpus(HOLDOUT)
    scored = score(corpus)
    timings = []
    for _ in range(3):
        for report in corpus:
            from reviewer_app.core.reports.reader import read_report

            start = time.perf_counter()
            read_report(report.text, report.modality, report.readings[0].levels)
            timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[18]
    mix = ", ".join(f"{k} {v}" for k, v in sorted(kinds(corpus).items()))
    studies = ", ".join(f"{k} {v}" for k, v in sorted(modalities(corpus).items()))
    rows = [("reports: corpus", f"{len(corpus)} reports ({mix}; {studies})", "informational",
             None)]
    rows += _accuracy_rows("corpus", scored, len(corpus))
    rows += _per_finding_rows(scored)
    rows += _accuracy_rows("held out", score(holdout), len(holdout))
    rows += [
        ("reports: one report read (pipeline loaded), median", f"{median * 1e3:.1f} ms",
         "< 100 ms", median < 0.1),
        ("reports: one report read (pipeline loaded), p95", f"{p95 * 1e3:.1f} ms",
         "informational", None),
    ]
    rows += _load_rows()
    return rows


if __name__ == "__main__":
    print("| metric | measured | budget | |")
    print("|---|---|---|---|")
    for metric, value, budget, ok in run():
        verdict = "" if ok is None else ("ok" if ok else "OVER BUDGET")
        print(f"| {metric} | {value} | {budget} | {verdict} |")
