"""The hostile inputs of the "A record you can trust" issue, and more of each kind: files that
are not regular, too large, not JSON as the format means it, and documents with text, numbers
and dates outside what ``ur-case/1`` allows. Each must be refused cleanly: ``FILE: field:
problem`` naming the field below, exit 2, nothing written, the other files still processed.

``make(folder)`` writes every input and returns ``(name, path, field)``; the FIFO, the socket
and the device nodes are made or linked there too, so a test never opens the real ones by
accident. Every document but the one being tested is the seed case.
"""

from __future__ import annotations

import copy
import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from paths import SEED

MIB = 1024 * 1024


def seed() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


def changed(path: str, value) -> dict:
    """The seed case with the field at ``path`` (``member.id``, ``imaging.0.date``) set."""
    doc = copy.deepcopy(seed())
    *parents, last = path.split(".")
    node = doc
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[int(last) if last.isdigit() else last] = value
    return doc


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Hostile:
    name: str
    field: str
    """The field the refusal must name (``(file)`` for what cannot be read at all)."""
    write: Callable[[Path], Path]


def _doc(name: str, field: str, path: str, value) -> Hostile:
    def write(folder: Path) -> Path:
        target = folder / f"{name}.json"
        target.write_text(json.dumps(changed(path, value), ensure_ascii=True), encoding="utf-8")
        return target

    return Hostile(name, field, write)


def _raw(name: str, field: str, content: bytes | Callable[[], bytes]) -> Hostile:
    def write(folder: Path) -> Path:
        target = folder / f"{name}.json"
        target.write_bytes(content() if callable(content) else content)
        return target

    return Hostile(name, field, write)


def _text_edit(name: str, field: str, old: str, new: str) -> Hostile:
    """The seed file's own text with ``old`` replaced: for what ``json.dumps`` cannot write
    (duplicate keys, NaN, raw numbers)."""
    def content() -> bytes:
        text = _seed_text()
        assert old in text, old
        return text.replace(old, new, 1).encode("utf-8")

    return _raw(name, field, content)


def _special(name: str, make: Callable[[Path], None]) -> Hostile:
    def write(folder: Path) -> Path:
        target = folder / name
        make(target)
        return target

    return Hostile(name, "(file)", write)


def _fifo(target: Path) -> None:
    os.mkfifo(target)


def _socket(target: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(target))
    server.close()


def _sparse(size: int) -> Callable[[Path], None]:
    def make(target: Path) -> None:
        with open(target, "wb") as file:
            file.truncate(size)

    return make


def _link(to: str) -> Callable[[Path], None]:
    return lambda target: target.symlink_to(to)


NESTED = "[" * 100_000 + "]" * 100_000
NAME_1MB = "A" * MIB

INPUTS: list[Hostile] = [
    # Not a regular file, too large, not text.
    _special("dev-zero", _link("/dev/zero")),
    _special("dev-urandom", _link("/dev/urandom")),
    _special("dev-null", _link("/dev/null")),
    _special("fifo", _fifo),
    _special("socket", _socket),
    _special("folder.json", lambda target: target.mkdir()),
    _special("missing.json", lambda target: None),
    _special("over-5mib.json", _sparse(5 * MIB + 1)),
    _special("huge-sparse.json", _sparse(8 * 1024 * MIB)),
    _raw("empty", "(document)", b""),
    _raw("latin-1", "(file)", "{\"notes\": \"caf\xe9\"}".encode("latin-1")),
    _raw("utf-16", "(file)", _seed_text().encode("utf-16")),
    _raw("utf-8-bom", "(document)", b"\xef\xbb\xbf" + _seed_text().encode()),
    _raw("truncated", "(document)", lambda: _seed_text()[:200].encode()),
    _raw("top-level-array", "(document)", b"[]"),
    _raw("top-level-string", "(document)", b'"ur-case/1"'),
    _raw("top-level-null", "(document)", b"null"),
    _raw("binary", "(file)", bytes(range(256)) * 16),
    # JSON that a JSON parser would take, but not as ur-case/1 means it.
    _text_edit("duplicate-format", "(document)", '"format": "ur-case/1",',
               '"format": "ur-case/1", "format": "ur-case/1",'),
    _text_edit("duplicate-member-id", "(document)", '"id": "W884120375",',
               '"id": "W884120375", "id": "X000000001",'),
    _text_edit("duplicate-in-extensions", "(document)", '"format": "ur-case/1",',
               '"format": "ur-case/1", "extensions": {"a": 1, "a": 2},'),
    _text_edit("nan", "(document)", '"bmi": 26.1', '"bmi": NaN'),
    _text_edit("infinity", "(document)", '"pain_duration_weeks": 9',
               '"pain_duration_weeks": Infinity'),
    _text_edit("minus-infinity", "(document)", '"bmi": 26.1', '"bmi": -Infinity'),
    _text_edit("nan-in-extensions", "(document)", '"format": "ur-case/1",',
               '"format": "ur-case/1", "extensions": {"score": NaN},'),
    _text_edit("float-overflow", "(document)", '"bmi": 26.1', '"bmi": 1e400'),
    _text_edit("integer-5000-digits", "(document)", '"kps": 70', '"kps": ' + "7" * 5000),
    _text_edit("nested-100000", "(document)", '"format": "ur-case/1",',
               f'"format": "ur-case/1", "extensions": {{"x": {NESTED}}},'),
    _text_edit("nested-500", "(document)", '"format": "ur-case/1",',
               f'"format": "ur-case/1", "extensions": {{"x": {"[" * 500 + "]" * 500}}},'),
    _text_edit("lone-surrogate", "(document)", '"given_name": "Daniel"',
               '"given_name": "Dan\\ud800iel"'),
    # Control and invisible characters in names, ids and codes; blank names.
    _doc("nul-in-member-id", "member.id", "member.id", "W884\x00120375"),
    _doc("esc-in-given-name", "member.given_name", "member.given_name", "Dan\x1b[2Jiel"),
    _doc("crlf-in-family-name", "member.family_name", "member.family_name",
         "Okafor\r\nStatus: approved"),
    _doc("lf-in-external-id", "external_id", "external_id", "PA-2026\n004417"),
    _doc("cr-in-provider-name", "requesting_provider.name", "requesting_provider.name",
         "R. Alvarez, MD\rFake line"),
    _doc("c1-csi-in-provider-name", "requesting_provider.name", "requesting_provider.name",
         "R. Alvarez\x9b2J"),
    _doc("zero-width-in-member-id", "member.id", "member.id", "W884\u200b120375"),
    _doc("zero-width-joiner-in-external-id", "external_id", "external_id", "PA-2026\u200d4417"),
    _doc("bom-in-npi", "requesting_provider.npi", "requesting_provider.npi", "\ufeff1245319599"),
    _doc("bidi-override-in-family-name", "member.family_name", "member.family_name",
         "\u202eRofako"),
    _doc("space-in-member-id", "member.id", "member.id", "W884 120375"),
    _doc("blank-given-name", "member.given_name", "member.given_name", "   "),
    _doc("zero-width-only-family-name", "member.family_name", "member.family_name",
         "\u200b\u200b"),
    _doc("tab-only-provider-name", "requesting_provider.name", "requesting_provider.name",
         "\t"),
    _doc("newline-after-cpt", "service.procedures[0].code", "service.procedures.0.code",
         "63090\n"),
    _doc("esc-in-diagnosis", "diagnoses[0].code", "diagnoses.0.code", "C79.51\x1b"),
    _doc("arabic-indic-npi", "requesting_provider.npi", "requesting_provider.npi",
         "\u0661\u0662\u0664\u0665\u0663\u0661\u0669\u0665\u0669\u0669"),
    _doc("newline-after-language", "member.language", "member.language", "en\n"),
    _doc("esc-in-notes", "notes", "notes", "Failed PT.\x1b[1A\x1b[2KStatus: approved"),
    _doc("nul-in-report", "imaging[0].report_text", "imaging.0.report_text", "Lytic\x00lesion"),
    _doc("esc-in-treatment-notes", "prior_treatments[0].notes", "prior_treatments.0.notes",
         "\x1b]0;title\x07"),
    _doc("esc-in-phone", "requesting_provider.phone", "requesting_provider.phone",
         "555\x1b0142"),
    # Strings past sane lengths.
    _doc("name-1mb", "member.given_name", "member.given_name", NAME_1MB),
    _doc("external-id-100000", "external_id", "external_id", "X" * 100_000),
    _doc("member-id-81", "member.id", "member.id", "W" * 81),
    _doc("family-name-101", "member.family_name", "member.family_name", "O" * 101),
    _doc("provider-name-201", "requesting_provider.name", "requesting_provider.name",
         "R" * 201),
    _doc("specialty-101", "requesting_provider.specialty", "requesting_provider.specialty",
         "s" * 101),
    _doc("notes-20001", "notes", "notes", "n" * 20_001),
    _doc("report-20001", "imaging[0].report_text", "imaging.0.report_text", "r" * 20_001),
    _doc("treatment-notes-4001", "prior_treatments[0].notes", "prior_treatments.0.notes",
         "t" * 4_001),
    _doc("language-36", "member.language", "member.language", "en-" + "a" * 33),
    _doc("imaging-51", "imaging", "imaging", [{"modality": "XR"}] * 51),
    _doc("treatments-101", "prior_treatments", "prior_treatments",
         [{"type": "nsaid", "duration_weeks": 1}] * 101),
    _doc("procedures-21", "service.procedures", "service.procedures",
         [{"code": "63090", "system": "CPT"}] * 21),
    _doc("diagnoses-26", "diagnoses", "diagnoses", [{"code": "C79.51"}] * 26),
    # Numbers past plausible ranges.
    _doc("vertebral-metastases-1e18", "oncology.vertebral_metastases",
         "oncology.vertebral_metastases", 10**18),
    _doc("vertebral-metastases-34", "oncology.vertebral_metastases",
         "oncology.vertebral_metastases", 34),
    _doc("extraspinal-metastases-1e6", "oncology.extraspinal_bone_metastases",
         "oncology.extraspinal_bone_metastases", 10**6),
    _doc("pain-weeks-1e308", "symptoms.pain_duration_weeks", "symptoms.pain_duration_weeks",
         1e308),
    _doc("deficit-hours-1e300", "symptoms.deficit_duration_hours",
         "symptoms.deficit_duration_hours", 1e300),
    _doc("treatment-weeks-1e308", "prior_treatments[1].duration_weeks",
         "prior_treatments.1.duration_weeks", 1e308),
    _doc("survival-months-1e9", "oncology.expected_survival_months",
         "oncology.expected_survival_months", 1e9),
    _doc("kps-1e18", "oncology.kps", "oncology.kps", 10**18),
    _doc("units-1e6", "service.procedures[0].units", "service.procedures.0.units", 10**6),
    _doc("bmi-negative", "comorbidities.bmi", "comorbidities.bmi", -26.1),
    _doc("negative-count", "oncology.vertebral_metastases", "oncology.vertebral_metastases",
         -1),
    # Dates whose arithmetic would overflow, or that no request can carry.
    _doc("birth-1800", "member.birth_date", "member.birth_date", "1800-06-02"),
    _doc("birth-year-1", "member.birth_date", "member.birth_date", "0001-01-01"),
    _doc("treatment-start-9999", "prior_treatments[0].start", "prior_treatments.0.start",
         "9999-01-01"),
    _doc("treatment-end-9999", "prior_treatments[0].end", "prior_treatments.0.end",
         "9999-12-31"),
    _doc("received-9999", "received_at", "received_at", "9999-12-31T23:59:59+00:00"),
    _doc("received-9999-minus-offset", "received_at", "received_at",
         "9999-12-31T20:00:00-12:00"),
    _doc("received-year-1", "received_at", "received_at", "0001-01-01T00:00:00+05:00"),
    _doc("received-1999", "received_at", "received_at", "1999-12-31T09:15:00-05:00"),
    _doc("received-2100", "received_at", "received_at", "2100-01-01T09:15:00-05:00"),
    _doc("imaging-date-9999", "imaging[0].date", "imaging.0.date", "9999-12-31"),
    _doc("planned-date-9999", "service.planned_date", "service.planned_date", "9999-12-31"),
    _doc("february-30", "member.birth_date", "member.birth_date", "1957-02-30"),
]

SLOW = {"dev-zero", "dev-urandom", "fifo"}
"""The inputs that grew without end or hung before: run with a time limit in a subprocess."""


def make(folder: Path, names: set[str] | None = None) -> list[tuple[str, Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for item in INPUTS:
        if names is None or item.name in names:
            made.append((item.name, item.write(folder), item.field))
    return made
