"""Importing PAS request Bundles: each becomes a draft (not a case) that the intake wizard
completes, with the Bundle kept byte for byte (``core/store/fhir_requests.py``).

The command line's ``import`` and the window's import (File › Open, drag and drop) call the
same two steps for any mix of ``ur-case/1`` files and Bundles, so that every file is read and
checked before anything is written (nor any database created), and all are stored in one
transaction::

    read = read_files(paths)             # read.problems: FILE: element: problem, per file
    cases, drafts = store_files(store, read, by=reviewer_id)

For Bundles alone, :func:`read_request` and :func:`store_requests` do the same, and
:func:`import_files` both at once (an :class:`~reviewer_app.core.store.errors.ImportRefused`
lists every problem of every file).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.core.case_file import CaseFileError, read_case_bytes
from reviewer_app.core.errors import Problem
from reviewer_app.core.fhir.mapping import Mapped, map_request
from reviewer_app.core.fhir.reading import FhirRequestError, is_fhir, parse_request

if TYPE_CHECKING:
    from reviewer_app.core.errors import InputError
    from reviewer_app.core.store.cases import Imported
    from reviewer_app.core.store.database import Store

__all__ = ["ImportedRequest", "ReadFiles", "ReadRequest", "import_files", "is_fhir",
           "read_files", "read_request", "read_request_bytes", "store_files", "store_requests"]


@dataclass(frozen=True)
class ReadRequest:
    """A checked request, mapped, not stored yet."""

    source: str
    data: bytes
    sha256: str
    mapped: Mapped

    @property
    def warnings(self) -> list[Problem]:
        return self.mapped.warnings

    def document_text(self) -> str:
        return json.dumps(self.mapped.document, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class ImportedRequest:
    draft_id: int
    source: str
    sha256: str
    warnings: tuple[Problem, ...]
    to_be_coded: int
    flags: int

    def to_json_dict(self) -> dict:
        return {"draft_id": self.draft_id, "file": self.source, "sha256": self.sha256,
                "to_be_coded": self.to_be_coded, "flags": self.flags,
                "warnings": [{"element": w.field, "message": w.message}
                             for w in self.warnings]}


def read_request_bytes(data: bytes, source: str, *, now: dt.datetime | None = None
                       ) -> ReadRequest:
    """Check and map one Bundle's bytes (:class:`FhirRequestError` when it is refused)."""
    bundle = parse_request(data, source)
    sha256 = hashlib.sha256(data).hexdigest()
    moment = now or dt.datetime.now().astimezone()
    return ReadRequest(source, data, sha256, map_request(bundle, sha256, moment))


def read_request(path: str | Path, *, now: dt.datetime | None = None) -> ReadRequest:
    """Read one file with the case reader's rules (a regular file, at most 5 MiB, UTF-8)."""
    try:
        data = read_case_bytes(path)
    except CaseFileError as error:
        raise FhirRequestError(error.source, error.problems) from None
    return read_request_bytes(data, str(path), now=now)


def store_requests(store: Store, reads: Iterable[ReadRequest], *, by: int | None = None,
                   in_transaction: bool = False) -> list[ImportedRequest]:
    """A draft for each checked request, with its Bundle, in one transaction (the caller's
    with ``in_transaction``: ``cases.import_documents(..., then=...)``)."""
    from reviewer_app.core.store.drafts import ImportedDraft, start_imported_drafts

    reads = list(reads)
    ids = start_imported_drafts(
        store, [ImportedDraft(r.source, r.document_text(), r.data) for r in reads], by=by,
        in_transaction=in_transaction)
    return [ImportedRequest(draft_id, read.source, read.sha256, tuple(read.warnings),
                            len(read.mapped.record["to_be_coded"]),
                            len(read.mapped.record["flags"]))
            for draft_id, read in zip(ids, reads, strict=True)]


def import_files(store: Store, paths: Iterable[str | Path], *, by: int | None = None
                 ) -> list[ImportedRequest]:
    """Read every file, then store them all as drafts; if any is refused, nothing is
    stored and :class:`ImportRefused` lists every problem of every refused file."""
    from reviewer_app.core.store.errors import ImportRefused

    reads, refused = [], []
    for path in paths:
        try:
            reads.append(read_request(path, now=store.clock().astimezone()))
        except FhirRequestError as error:
            refused.append(error)
    if refused:
        raise ImportRefused(refused)
    return store_requests(store, reads, by=by)


@dataclass(frozen=True)
class ReadFiles:
    """Files read and checked for an import: ``ur-case/1`` documents (source, bytes), request
    Bundles, and the refusals (when there is any, nothing may be stored)."""

    documents: list[tuple[str, bytes]]
    requests: list[ReadRequest]
    problems: list[InputError]


def read_files(paths: Iterable[str | Path], *, now: dt.datetime | None = None) -> ReadFiles:
    """Read every file: a FHIR file (it names a ``resourceType``) as a PAS request, any other
    as a ``ur-case/1`` case, each with every one of its problems."""
    from reviewer_app.core.store.preparation import read_document

    documents, requests, problems = [], [], []
    for path in paths:
        try:
            data = read_case_bytes(path)
            if is_fhir(data):
                requests.append(read_request_bytes(data, str(path), now=now))
                continue
            read_document(str(path), data)
        except (CaseFileError, FhirRequestError) as error:
            problems.append(error)
            continue
        documents.append((str(path), data))
    return ReadFiles(documents, requests, problems)


def store_files(store: Store, read: ReadFiles, *, by: int | None = None, workers: int = 1
                ) -> tuple[list[Imported], list[ImportedRequest]]:
    """Store what :func:`read_files` read, all or nothing in one transaction: the cases
    (evaluated, as ``cases.import_documents``) and a draft for each request."""
    from reviewer_app.core.store import cases
    from reviewer_app.core.store.errors import ImportRefused

    if read.problems:
        raise ImportRefused(read.problems)
    drafted: list[ImportedRequest] = []

    def store_requests_too(opened: Store) -> None:
        drafted.extend(store_requests(opened, read.requests, by=by, in_transaction=True))

    imported = cases.import_documents(store, read.documents, by=by, workers=workers,
                                      then=store_requests_too if read.requests else None)
    return imported, drafted
