"""The report corpus (``tests/data/reports/corpus.yaml``) and how the reader is scored on it.

A proposal is right when the reading expects that finding with that value (numbers within
0.5). A wrong value counts twice: a false positive for the value proposed and a false negative
for the one expected. A *wrong positive* is the error that must never happen: a positive value
(``Applicability.positive``) proposed for a finding the report mentions only negated,
uncertain, hypothetical or historical (``not_positive``), or whose expected value is negative
("no retropulsion"), or resting on a mention ConText marked so.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "reports" / "corpus.yaml"


@dataclass(frozen=True)
class Reading:
    levels: tuple[str, ...]
    findings: dict[str, Any]
    not_positive: tuple[str, ...] = ()
    uncertain: tuple[str, ...] = ()
    other_levels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    id: str
    kind: str
    modality: str
    text: str
    readings: tuple[Reading, ...]


def load_corpus(path: Path = CORPUS) -> list[Report]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document["format"] == "ur-report-corpus/1", path
    reports = []
    for entry in document["reports"]:
        readings = tuple(
            Reading(tuple(r["levels"]), dict(r.get("findings", {})),
                    tuple(r.get("not_positive", ())), tuple(r.get("uncertain", ())),
                    tuple(r.get("other_levels", ())))
            for r in entry["readings"]
        )
        reports.append(Report(entry["id"], entry["kind"], entry["modality"], entry["text"],
                              readings))
    return reports


def same(expected: Any, proposed: Any) -> bool:
    if isinstance(expected, bool) or isinstance(proposed, bool):
        return expected is proposed
    if isinstance(expected, int | float) and isinstance(proposed, int | float):
        return abs(expected - proposed) <= 0.5
    return expected == proposed


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Scored:
    per_finding: dict[str, Counts] = field(default_factory=dict)
    overall: Counts = field(default_factory=Counts)
    wrong_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    listing_misses: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    readings: int = 0


def score(reports: list[Report], read=None) -> Scored:
    """Read every report for every reading and count; ``read`` defaults to ``read_report``."""
    from reviewer_app.core.criteria.applicability import default_applicability

    if read is None:
        from reviewer_app.core.reports.reader import read_report as read
    applicability = default_applicability()
    result = Scored()
    for report in reports:
        for reading in report.readings:
            start = time.perf_counter()
            got = read(report.text, report.modality, reading.levels)
            result.seconds.append(time.perf_counter() - start)
            result.readings += 1
            where = f"{report.id} {'/'.join(reading.levels)}"
            proposed = got.findings()
            for name in sorted(set(proposed) | set(reading.findings)):
                counts = result.per_finding.setdefault(name, Counts())
                hit = name in proposed and name in reading.findings and same(
                    reading.findings[name], proposed[name])
                if hit:
                    counts.tp += 1
                    result.overall.tp += 1
                    continue
                if name in proposed:
                    counts.fp += 1
                    result.overall.fp += 1
                    result.misses.append(f"{where}: {name} proposed {proposed[name]!r}, "
                                         f"expected {reading.findings.get(name, '(nothing)')!r}"
                                         f" <- {got.proposals[name].evidence.mention!r}")
                if name in reading.findings:
                    counts.fn += 1
                    result.overall.fn += 1
                    if name not in proposed:
                        result.misses.append(f"{where}: {name} missed, expected "
                                             f"{reading.findings[name]!r}")
            for name, proposal in got.proposals.items():
                if not applicability.positive(name, proposal.value):
                    continue
                flags = proposal.mention.flags
                expected = reading.findings.get(name)
                negated_here = expected is not None and not applicability.positive(name, expected)
                if name in reading.not_positive or negated_here or any(flags.values()):
                    result.wrong_positives.append(
                        f"{where}: {name} = {proposal.value!r} from "
                        f"{proposal.evidence.mention!r} {flags}")
            listed_uncertain = {item.mention.finding for item in got.uncertain}
            listed_other = {item.mention.finding for item in got.other_levels}
            for name in reading.uncertain:
                if name not in listed_uncertain:
                    result.listing_misses.append(f"{where}: {name} not listed as uncertain")
            for name in reading.other_levels:
                if name not in listed_other:
                    result.listing_misses.append(f"{where}: {name} not listed at other levels")
    return result


def kinds(reports: list[Report]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for report in reports:
        counted[report.kind] = counted.get(report.kind, 0) + 1
    return counted


def modalities(reports: list[Report]) -> dict[str, int]:
    counted: dict[str, int] = {}
    for report in reports:
        counted[report.modality] = counted.get(report.modality, 0) + 1
    return counted


if __name__ == "__main__":
    corpus = load_corpus()
    scored = score(corpus)
    for line in scored.misses + scored.listing_misses:
        print(line)
    print("wrong positives:", scored.wrong_positives)
    print(f"reports {len(corpus)}, readings {scored.readings}, "
          f"precision {scored.overall.precision:.3f}, recall {scored.overall.recall:.3f}")
    print(kinds(corpus), modalities(corpus))
