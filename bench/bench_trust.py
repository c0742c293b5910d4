"""What binding authority to keys costs: unlocking a reviewer, a signed decision with its
checkpoint, and ``audit verify`` over a store whose every decision is signed and checkpointed.

``run()`` returns ``(metric, value, budget)`` rows; ``python bench/bench_trust.py`` prints them.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate import case  # noqa: E402
from reviewer_app.core import deadlines, pend_timeline  # noqa: E402
from reviewer_app.core.store import audit, cases, decisions  # noqa: E402
from reviewer_app.core.store.database import Store  # noqa: E402
from reviewer_app.core.store.organization import create_organization  # noqa: E402
from reviewer_app.core.store.reviewers import add_reviewer, unlock_reviewer  # noqa: E402
from reviewer_app.core.trust.authority import create_authority  # noqa: E402
from reviewer_app.core.trust.keys import create_reviewer_key  # noqa: E402

PASSPHRASE = "benchmark passphrase, long enough"
DECIDED = 5_000


def _extension_reason(doc: dict, needed_by) -> str | None:
    """What the reviewer would choose where the date extends a timeframe whose rule asks for
    a reason (Medicare Advantage: 42 CFR 422.568(b)(1)(i), 422.572(b)(1))."""
    due = deadlines.due_at(datetime.fromisoformat(doc["received_at"]), doc["urgency"],
                           doc["line_of_business"])
    choices = pend_timeline.reason_choices(doc["line_of_business"], doc["urgency"])
    if choices and needed_by > deadlines.latest_needed_by(due):
        return choices[0].id
    return None


def recent(doc: dict) -> dict:
    """Received an hour ago, so that a pend can ask for information before the deadline."""
    doc["received_at"] = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")
    return doc


def run() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "cases.sqlite3")
        new, admin = create_authority("Example Health Plan", PASSPHRASE)
        create_organization(store, new, admin)
        key = create_reviewer_key(admin, name="Bench Physician", credentials="MD",
                                  role="physician", passphrase=PASSPHRASE)
        reviewer = add_reviewer(store, name="Bench Physician", credentials="MD",
                                role="physician", key=key, admin=admin)
        timings = []
        for _ in range(10):
            start = time.perf_counter()
            signed_in = unlock_reviewer(store, reviewer.id, PASSPHRASE)
            timings.append(time.perf_counter() - start)
        unlock_ms = statistics.median(timings) * 1e3
        rng = random.Random(11)
        documents = [recent(case(i, rng)) for i in range(DECIDED)]
        cases.import_documents(store, [(f"{i}.json", json.dumps(doc))
                                       for i, doc in enumerate(documents)])
        needed_by = store.today() + timedelta(days=2)  # 48 h: urgent
        timings = []
        for case_id, doc in enumerate(documents, start=1):
            version = decisions.assign(store, case_id, reviewer=reviewer.id,
                                       expected_version=1).version
            start = time.perf_counter()
            decisions.decide(store, case_id, "pend", by=signed_in, expected_version=version,
                             info_needed_by=needed_by,
                             info_added=["The MRI report of the lumbar spine"],
                             extension_reason=_extension_reason(doc, needed_by))
            timings.append(time.perf_counter() - start)
        decide_ms = statistics.median(timings) * 1e3
        start = time.perf_counter()
        report = audit.verify_audit(store)
        verify_s = time.perf_counter() - start
        assert report.ok, report.lines()
        store.close()
    return [
        ("trust: unlock a reviewer (certificate checked, PKCS#12 opened), median of 10",
         f"{unlock_ms:.0f} ms", "informational"),
        ("trust: one signed decision with its checkpoint, median", f"{decide_ms:.1f} ms",
         "informational"),
        (f"trust: audit verify, {report.entries:,} entries, {report.checkpoints:,} checkpoints, "
         f"{report.signed_decisions:,} signed decisions", f"{verify_s:.2f} s", "informational"),
    ]


def main() -> int:
    print("| metric | measured | budget |")
    print("|---|---|---|")
    for metric, value, budget in run():
        print(f"| {metric} | {value} | {budget} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
