"""The reader on the synthetic corpus (tests/data/reports/): the accuracy the issue asks for,
and never a negated or uncertain mention proposed as a positive finding. make bench prints the
same figures per finding (bench/bench_reports.py)."""

from pathlib import Path

import pytest

from bench.report_corpus import CORPUS, kinds, load_corpus, modalities, score

HOLDOUT = Path(CORPUS).with_name("holdout.yaml")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_the_corpus_covers_what_the_issue_lists(corpus):
    assert len(corpus) >= 40
    assert set(modalities(corpus)) == {"MRI", "CT", "XR", "PET_CT", "bone_scan"}
    assert set(kinds(corpus)) >= {"tumor", "osteoporotic", "burst", "degenerative",
                                  "spondylolisthesis", "infection"}
    assert any("flexion" in report.text.lower() for report in corpus)
    assert sum(len(report.readings) > 1 for report in corpus) >= 10


@pytest.mark.parametrize("path", [CORPUS, HOLDOUT], ids=["corpus", "holdout"])
def test_accuracy(path, pipeline):
    scored = score(load_corpus(path))
    assert scored.wrong_positives == []
    assert scored.overall.precision >= 0.97, scored.misses
    assert scored.overall.recall >= 0.90, scored.misses
    assert scored.listing_misses == []
