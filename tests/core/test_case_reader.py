"""The one case reader against hostile input: every kind of file and document in
``tests/support/hostile.py`` is refused as ``FILE: field: problem``, quickly, and a document at
every limit is still read."""

from __future__ import annotations

import contextlib
import json
import signal
import time

import hostile
import pytest
from paths import SEED

from reviewer_app.core import case_file, files
from reviewer_app.core.case_file import MAX_BYTES, CaseFileError, load_case, parse_case

LARGEST_PLAUSIBLE = {
    "imaging": 30, "report_chars": 6_000, "treatments": 40, "treatment_notes": 500,
    "notes_chars": 12_000, "diagnoses": 12, "procedures": 12,
}
"""A large real request, generously: 30 studies with a 6,000-character report each (a long
multi-region MRI report is 3,000-5,000), 40 prior treatments with notes, 12,000 characters of
notes, 12 diagnoses and 12 procedures (the X12 278 and CMS-1500 carry 12 diagnoses)."""


@contextlib.contextmanager
def time_limit(seconds: int):
    """Fail instead of hanging: SIGALRM interrupts a blocking read (PEP 475 retries it only
    when the handler returns)."""
    def expire(signum, frame):
        raise TimeoutError(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return hostile.make(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", [item.name for item in hostile.INPUTS])
def test_every_hostile_input_is_refused_naming_the_field(made, name):
    _, path, field = next(m for m in made if m[0] == name)
    started = time.perf_counter()
    with time_limit(10), pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert time.perf_counter() - started < 2
    lines = caught.value.lines()
    assert any(line.startswith(f"{path}: {field}: ") for line in lines), lines
    for line in lines:
        assert "\x1b" not in line and "\r" not in line and "\n" not in line
        assert len(line) < 2000


def test_a_fifo_with_a_writer_is_still_refused_without_reading(tmp_path):
    fifo = tmp_path / "case.json"
    import os
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        with time_limit(5), pytest.raises(CaseFileError, match="FIFO"):
            load_case(fifo)
    finally:
        os.close(writer)


def test_a_file_swapped_after_the_check_is_not_read(tmp_path, monkeypatch):
    """Between ``stat`` and ``open`` the name can come to mean another file (a FIFO put in
    its place): the opened file is checked again and refused."""
    import os
    target = tmp_path / "case.json"
    target.write_bytes(SEED.read_bytes())
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    real_open = os.open

    def swapped(path, flags, *args):
        return real_open(fifo, flags, *args)

    monkeypatch.setattr(files.os, "open", swapped)
    with time_limit(5), pytest.raises(CaseFileError, match="changed while it was being opened"):
        load_case(target)


def test_a_file_that_grows_past_the_limit_while_read_is_cut_off(tmp_path, monkeypatch):
    target = tmp_path / "case.json"
    target.write_bytes(b" ")
    reads = []
    monkeypatch.setattr(files.os, "read",
                        lambda fd, size: reads.append(size) or b" " * size)
    with pytest.raises(CaseFileError, match="more than the limit"):
        load_case(target)
    assert sum(reads) == MAX_BYTES + 1


def largest_plausible_case() -> dict:
    doc = json.loads(SEED.read_text())
    big = LARGEST_PLAUSIBLE
    study = {**doc["imaging"][0], "report_text": "Lytic lesion. " * (big["report_chars"] // 14)}
    doc["imaging"] = [study] * big["imaging"]
    doc["prior_treatments"] = [{"type": "physical_therapy", "duration_weeks": 6,
                                "outcome": "failed", "notes": "n" * big["treatment_notes"]}
                               ] * big["treatments"]
    doc["notes"] = "Clinical notes. " * (big["notes_chars"] // 16)
    doc["diagnoses"] = [{"code": c} for c in ("C79.51", "M84.58XA", "C80.1", "M54.50", "I10",
                                               "E11.9", "N18.30", "J44.9", "F17.210",
                                               "Z79.01", "E66.01", "M48.061")]
    doc["service"]["procedures"] = (doc["service"]["procedures"]
                                    + [{"code": "63047", "system": "CPT"}] * 4)
    return doc


def everything_at_its_limit() -> dict:
    """Every string at its maximum length, every list at its maximum count."""
    doc = json.loads(SEED.read_text())
    doc["external_id"] = "E" * 64
    doc["member"].update(id="M" * 80, given_name="G" * 100, family_name="F" * 100)
    doc["requesting_provider"].update(name="P" * 200, specialty="S" * 100, phone="1" * 40,
                                      fax="2" * 40)
    study = {**doc["imaging"][0], "report_text": "r" * 20_000}
    doc["imaging"] = [study] * 50
    doc["prior_treatments"] = [{"type": "nsaid", "duration_weeks": 1040, "notes": "t" * 4000}
                               ] * 100
    doc["notes"] = "n" * 20_000
    return doc


def test_the_size_limit_leaves_room_for_a_large_real_case_and_every_field_at_its_maximum():
    plausible = json.dumps(largest_plausible_case(), indent=2).encode()
    parse_case(plausible, "large.json")
    assert len(plausible) * 10 < MAX_BYTES
    at_limit = json.dumps(everything_at_its_limit()).encode()
    parse_case(at_limit, "limit.json")
    assert len(at_limit) < MAX_BYTES


def test_the_reader_costs_little_beside_validation():
    text = SEED.read_text()
    started = time.perf_counter()
    for _ in range(200):
        case_file.check_json(text)
    check = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(200):
        parse_case(text, "seed.json")
    whole = time.perf_counter() - started
    assert check < whole * 0.6


def test_a_text_document_over_the_limit_is_refused_before_parsing():
    with pytest.raises(CaseFileError, match="limit of 5,242,880 bytes"):
        parse_case(" " * (MAX_BYTES + 1), "big.json")
