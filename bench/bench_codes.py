"""Code look-up budgets: table load, first look-up in a fresh process, word index, search latency.

``run()`` returns ``(metric, value, budget)`` rows; ``python bench/bench_codes.py`` prints them.
The in-process timings clear the module's lazily built state first, so they measure a cold
start with the files in the operating system's cache (the usual case on a workstation).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from reviewer_app.core.codes import icd10, search

QUERIES = (
    "c7951",
    "C79.5",
    "M84.58XA",
    "m8458",
    "M48.56",
    "M54.5",
    "M51.16",
    "m48062",
    "C34",
    "C50.9",
    "C61",
    "C90.0",
    "G95.2",
    "M43.16",
    "S32.0",
    "M80.08",
    "secondary malignant bone",
    "path fract neopl vert",
    "metast bone",
    "metastatic",
    "spinal cord compression",
    "cord compression",
    "compression fracture lumbar",
    "collapsed vertebra",
    "wedge compression fracture",
    "burst fracture lumbar",
    "lumbar stenosis",
    "spinal stenosis neurogenic claudication",
    "lumbar radiculopathy",
    "sciatica",
    "low back pain",
    "disc herniation lumbar",
    "intervertebral disc displacement lumbar",
    "spondylolisthesis",
    "degenerative spondylolisthesis lumbar",
    "cauda equina",
    "myelopathy",
    "osteoporosis fracture vertebra",
    "age related osteoporosis pathological fracture",
    "multiple myeloma",
    "malignant neoplasm lung",
    "breast cancer",
    "prostate",
    "renal cell",
    "lymphoma",
    "epidural abscess",
    "discitis",
    "osteomyelitis vertebra",
    "kyphosis",
    "scoliosis lumbar",
    "neoplasm spinal cord",
    "paraplegia",
    "fract",
    "pain",
    "a",
)
ROUNDS = 3
FRESH_PROCESS = (
    "import time\n"
    "start = time.perf_counter()\n"
    "from reviewer_app.core.codes import icd10\n"
    "icd10.check_billable_icd10('C79.51')\n"
    "print((time.perf_counter() - start) * 1000)\n"
)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _cold_table_load() -> float:
    icd10.table.cache_clear()
    start = time.perf_counter()
    icd10.table()
    return time.perf_counter() - start


def _cold_word_index() -> float:
    search._word_index_built.clear()
    start = time.perf_counter()
    search._word_index()
    return time.perf_counter() - start


def _fresh_process_first_lookup() -> float:
    result = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS], check=True, capture_output=True, text=True
    )
    return float(result.stdout) / 1000


def run() -> list[tuple[str, str, str]]:
    size = Path(icd10.ICD10_PATH).stat().st_size + Path(search.ICD10_TERMS_PATH).stat().st_size
    load = statistics.median(_cold_table_load() for _ in range(5))
    fresh = statistics.median(_fresh_process_first_lookup() for _ in range(5))
    build = statistics.median(_cold_word_index() for _ in range(3))
    latencies = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            start = time.perf_counter()
            search.search_icd10(query)
            latencies.append(time.perf_counter() - start)
    p95 = statistics.quantiles(latencies, n=20)[18]
    return [
        ("codes: ICD-10-CM tables on disk", f"{size / 1e6:.1f} MB", "informational"),
        ("codes: ICD-10-CM table load", _ms(load), "< 80 ms"),
        ("codes: import + first look-up, fresh process", _ms(fresh), "< 150 ms"),
        ("codes: word index build (first word search)", _ms(build), "< 1000 ms"),
        (
            f"codes: search median ({len(latencies)} queries)",
            _ms(statistics.median(latencies)),
            "< 20 ms",
        ),
        (f"codes: search p95 ({len(latencies)} queries)", _ms(p95), "< 20 ms"),
    ]


if __name__ == "__main__":
    for metric, value, budget in run():
        print(f"{metric:<48} {value:>10}   {budget}")
