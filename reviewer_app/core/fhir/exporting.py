"""Answering a stored FHIR request: the case's decision as a PAS response Bundle.

``export ID --format fhir --out FILE`` and the case view's "Export FHIR response" call
:func:`export_response` with a ``sink`` that writes the file atomically. Everything is read
and checked under the write lock, in this order, and a refusal writes nothing:

1. the request Bundle the case was imported from, against its sha256 and audit record,
   read again under the import's rules (``reading.py``);
2. the decision's terms as its letters state them (``issuing.decision_terms``): a case
   that is not decided or pended, or whose records do not match the audit trail, is refused
   there;
3. the response is built (``response.py``), validated with the FHIR R4 models
   (``fhir.resources.R4B``) and against the PAS rules (``pas_rules.py``);
4. the ``export`` audit entry (the response's sha256, the decision, the request; no
   content) is committed, then ``sink`` writes the bytes, so that no copy exists without
   its record.

The bytes written are the JSON this module built, not the models' serialization (which
can rewrite decimals and instants).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from reviewer_app.core.errors import pydantic_problems
from reviewer_app.core.fhir.pas_rules import response_problems
from reviewer_app.core.fhir.reading import FhirRequestError, parse_request
from reviewer_app.core.fhir.response import ResponseRefused, Reviewer, build_response
from reviewer_app.core.issuing import decision_terms
from reviewer_app.core.store.audit import AuditLog, case_stamp
from reviewer_app.core.store.cases import case_row
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.fhir_requests import request_for_case
from reviewer_app.core.store.reviewers import get_reviewer


@dataclass(frozen=True)
class Response:
    case_id: int
    data: bytes
    sha256: str
    decision_id: int
    fhir_request_id: int
    review_actions: tuple[tuple[int, str], ...]
    """(item sequence, X12 306 code) of every item answered."""


def _organization(store: Store) -> str:
    from cryptography.x509.oid import NameOID

    from reviewer_app.core.store.authority import find_authority

    found = find_authority(store)
    if found is not None:
        names = found.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        if names:
            return str(names[0].value)
    return "Utilization review organization"


def build_for_case(store: Store, case_id: int, *, validity_days: int,
                   now: dt.datetime | None = None) -> Response:
    """The validated response for case ``case_id`` (steps 1-3 above); writes nothing."""
    from fhir.resources.R4B.bundle import Bundle

    stored = request_for_case(store, case_id)
    try:
        request = parse_request(stored.bundle, f"FHIR request {stored.id}")
    except FhirRequestError as error:
        raise ResponseRefused(f"case {case_id}: its FHIR request no longer reads as a PAS "
                              f"request: {'; '.join(error.lines()[:3])}") from None
    terms = decision_terms(store, case_id, validity_days=validity_days)
    decider = terms.decider
    reviewer = Reviewer(decider.signed_name, decider.role)
    response = build_response(request, terms, reviewer, now=now or store.clock(),
                              organization=_organization(store))
    try:
        Bundle.model_validate(response)
    except ValidationError as error:
        shown = "; ".join(f"{p.field}: {p.message}" for p in pydantic_problems(error)[:5])
        raise ResponseRefused(f"case {case_id}: the response would not be valid FHIR R4 "
                              f"({shown}); nothing was written") from None
    problems = response_problems(response, request)
    if problems:
        raise ResponseRefused(f"case {case_id}: the response would break PAS rules ("
                              f"{'; '.join(problems)}); nothing was written")
    data = (json.dumps(response, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    actions = tuple(
        (item["itemSequence"],
         item["adjudication"][0]["extension"][0]["extension"][-1]["valueCodeableConcept"]
         ["coding"][0]["code"])
        for item in response["entry"][0]["resource"]["item"])
    basis_decision = _decision_id(store, case_id)
    return Response(case_id, data, hashlib.sha256(data).hexdigest(), basis_decision,
                    stored.id, actions)


def _decision_id(store: Store, case_id: int) -> int:
    row = store.query_one("SELECT max(id) FROM decisions WHERE case_id = ?", (case_id,))
    return row[0]


def export_response(store: Store, case_id: int, sink: Callable[[bytes], None], *,
                    validity_days: int, by: int | None = None, destination: str = "file",
                    now: dt.datetime | None = None) -> Response:
    """Build and check the response, record the export, then hand the bytes to ``sink``."""
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        response = build_for_case(store, case_id, validity_days=validity_days, now=now)
        AuditLog(store).append(
            "export", reviewer_id=by, case=case_stamp(case_row(store, case_id), hashed=False),
            details={"what": "fhir_response", "sha256": response.sha256,
                     "decision_id": response.decision_id,
                     "fhir_request_id": response.fhir_request_id, "to": destination})
    sink(response.data)
    return response
