"""Code look-up budgets: files on disk, table load, first look-up and first word search in a
fresh process, search latency.

``run()`` returns ``(metric, value, budget)`` rows; ``python bench/bench_codes.py`` prints them.
The table load clears the module's cached table first, so it measures a cold start with the
file in the operating system's cache (the usual case on a workstation); the fresh-process rows
include the imports and, for the word search, opening the SQLite index.
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
FRESH_LOOKUP = (
    "import time\n"
    "start = time.perf_counter()\n"
    "from reviewer_app.core.codes import icd10\n"
    "icd10.check_billable_icd10('C79.51')\n"
    "print((time.perf_counter() - start) * 1000)\n"
)
FRESH_WORD_SEARCH = (
    "import time\n"
    "start = time.perf_counter()\n"
    "from reviewer_app.core.codes import search\n"
    "assert search.search_icd10('path fract neopl vert')\n"
    "print((time.perf_counter() - start) * 1000)\n"
)


def _ms(seconds: float, digits: int = 1) -> str:
    return f"{seconds * 1000:.{digits}f} ms"


def _cold_table_load() -> float:
    icd10.table.cache_clear()
    start = time.perf_counter()
    icd10.table()
    return time.perf_counter() - start


def _fresh_process(script: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    return float(result.stdout) / 1000


def run() -> list[tuple[str, str, str]]:
    tables = sum(path.stat().st_size for path in Path(icd10.ICD10_PATH).parent.glob("*.tsv"))
    index = Path(search.INDEX_PATH).stat().st_size
    load = statistics.median(_cold_table_load() for _ in range(5))
    lookup = statistics.median(_fresh_process(FRESH_LOOKUP) for _ in range(5))
    word_search = statistics.median(_fresh_process(FRESH_WORD_SEARCH) for _ in range(5))
    search.search_icd10("warm up the index")
    latencies = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            start = time.perf_counter()
            search.search_icd10(query)
            latencies.append(time.perf_counter() - start)
    p95 = statistics.quantiles(latencies, n=20)[18]
    return [
        ("codes: ICD-10-CM tables on disk", f"{tables / 1e6:.1f} MB", "informational"),
        ("codes: ICD-10-CM word index on disk (SQLite FTS5)", f"{index / 1e6:.1f} MB",
         "informational"),
        ("codes: ICD-10-CM table load", _ms(load), "< 80 ms"),
        ("codes: import + first look-up, fresh process", _ms(lookup), "< 150 ms"),
        ("codes: import + first word search, fresh process", _ms(word_search), "< 150 ms"),
        (
            f"codes: search median ({len(latencies)} queries)",
            _ms(statistics.median(latencies), 2),
            "< 20 ms",
        ),
        (f"codes: search p95 ({len(latencies)} queries)", _ms(p95, 2), "< 20 ms"),
    ]


if __name__ == "__main__":
    for metric, value, budget in run():
        print(f"{metric:<52} {value:>10}   {budget}")
