"""Case-store budgets: import of 100,000 generated cases, the queue's first page and full-text
search on that database, file size per case, a full audit verification, and SQLite's own checks
of the file (``integrity_check``, which ``audit verify`` and backups run, and the page-only
``quick_check``).

``run()`` returns ``(metric, value, budget)`` rows; ``python -m bench.bench_store`` prints them.
The documents are generated before the clock starts (``bench.generate.case``); the import is
the application's own bulk path (``import_documents`` with one worker process per CPU), all
100,000 cases in one transaction. Query timings are medians over repeated runs on a warm
connection, plus the first page on a freshly opened one (what a reviewer waits for when the
application starts).
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import case
from reviewer_app.core.store import audit, cases, queue
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.integrity import integrity_problems
from reviewer_app.core.store.queue import CaseQuery

COUNT = 100_000
REPEATS = 25
SEARCHES = {
    "member name, given + family (about 1,200 matches)": "Avery Garza",
    "family name (about 11,000 matches)": "Garza",
    "member id": "S000054321",
    "diagnosis code (about 30,000 matches)": "C79.51",
}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def _median_time(store: Store, query: CaseQuery) -> tuple[float, int]:
    found = queue.list_cases(store, query)
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        queue.list_cases(store, query)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), len(found)


def _documents() -> list[tuple[str, str]]:
    rng = random.Random(2026)
    return [(f"case-{i:06d}.json", json.dumps(case(i, rng))) for i in range(COUNT)]


def run() -> list[tuple[str, str, str]]:
    documents = _documents()
    workers = cases.suggested_workers(len(documents))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        with Store.open(path) as store:
            start = time.perf_counter()
            cases.import_documents(store, documents, workers=workers)
            elapsed = time.perf_counter() - start
        del documents
        rows.append((f"store: import {COUNT:,} cases ({workers} worker processes)",
                     f"{elapsed:.1f} s ({COUNT / elapsed:,.0f} cases/s)", "< 60 s"))
        size = path.stat().st_size
        rows.append(("store: file size per case (case, evaluation, audit, indexes)",
                     f"{size / COUNT / 1024:.1f} KiB ({size / 1e6:,.0f} MB in all)",
                     "informational"))
        start = time.perf_counter()
        with Store.open(path, create=False) as store:
            first_page = queue.list_cases(store, CaseQuery())
        cold = time.perf_counter() - start
        rows.append(("store: open + queue first page, new connection", _ms(cold), "< 50 ms"))
        with Store.open(path, create=False) as store:
            median, found = _median_time(store, CaseQuery())
            assert found == len(first_page) == queue.PAGE
            rows.append((f"store: queue first page ({found} open cases, soonest due)",
                         _ms(median), "< 50 ms"))
            median, found = _median_time(store, CaseQuery(overdue=True))
            rows.append(("store: overdue first page", _ms(median), "< 50 ms"))
            for label, words in SEARCHES.items():
                median, found = _median_time(store, CaseQuery(status="all", search=words))
                rows.append((f"store: full-text search, {label}", _ms(median), "< 50 ms"))
            start = time.perf_counter()
            report = audit.verify_audit(store)
            verify = time.perf_counter() - start
            if not report.ok:
                raise SystemExit("audit verify failed on the benchmark database: "
                                 + "; ".join(report.lines()))
            rows.append((f"store: audit verify ({report.entries:,} entries, "
                         f"{report.cases:,} cases)", f"{verify:.1f} s", "informational"))
            for quick, label in ((False, "integrity_check (audit verify, backups)"),
                                 (True, "quick_check (pages only, not indexes)")):
                start = time.perf_counter()
                problems = integrity_problems(store.conn, quick=quick)
                checked = time.perf_counter() - start
                if problems:
                    raise SystemExit(f"{label} failed on the benchmark database: {problems}")
                rows.append((f"store: SQLite {label}", f"{checked:.1f} s", "informational"))
    return rows


if __name__ == "__main__":
    for metric, value, budget in run():
        print(f"{metric:<66} {value:>26}   {budget}")
