"""The PAS response Bundle that answers a stored request with the case's decision.

Built from the request as received (its items, ``fullUrl``s and resources) and from the
decision's terms as its letters state them (:func:`reviewer_app.core.issuing.decision_terms`:
the same authorization number, validity period, approved and denied codes, reason, and what a
pend asks for). Every Claim item is answered once, with its own ``sequence``:

| decision | each item | notes |
|---|---|---|
| approve | A1 (certified in total), the authorization number, ``itemPreAuthPeriod`` | |
| partial | A1 as above for the items whose code was approved; A3 (not certified) else | reason |
| deny | A3 | the reason |
| pend | A4 (pended); the outcome is still ``complete`` (PAS) | what is needed, by when |

A6 (modified) is never written: a partial approval in this application approves some codes
and denies the others, it does not change a quantity or a provider (PAS would then need the
authorized item in ``addItem``). X12 reason codes (``reasonCode``, X12 list 886) are not
written either: the decision's reason is the physician's own words, which go to
``processNote`` (linked from the items by ``noteNumber``); choosing a code for them would be a
guess. The Patient, the requester and the insurer are echoed with the ``fullUrl``s and the
content they had in the request (PAS spec-38).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer_app.core.criteria.input_labels import label
from reviewer_app.core.fhir import vocabulary as v
from reviewer_app.core.fhir.bundle import Entry, extensions
from reviewer_app.core.fhir.coding import procedure_code
from reviewer_app.core.fhir.reading import RequestBundle
from reviewer_app.core.store.errors import StoreError

if TYPE_CHECKING:
    from reviewer_app.core.letters.request import LetterRequest


class ResponseRefused(StoreError):
    """No valid PAS response can be written for this case; nothing was written."""


@dataclass(frozen=True)
class Reviewer:
    name: str
    role: str
    npi: str | None = None


WORDS = {"approval": "Certified in total", "partial": "Partially certified",
         "adverse": "Not certified", "pend": "Pended: additional information is needed"}


def item_codes(bundle: RequestBundle, item: dict) -> set[str]:
    """The procedure codes an item was read as (its own code, else its requested service's):
    how a partial approval's codes find their items."""
    codes = set()
    coded, _ = procedure_code(item.get("productOrService"))
    if coded:
        codes.add(coded.code)
    for extension in extensions(item, v.REQUESTED_SERVICE):
        target = bundle.follow(extension.get("valueReference"))
        if target is not None:
            found, _ = procedure_code(target.resource.get("code"))
            if found:
                codes.add(found.code)
    return codes


def _review_action(code: str, number: str | None) -> dict[str, Any]:
    parts: list[dict[str, Any]] = []
    if number:
        parts.append({"url": "number", "valueString": number})
    parts.append({"url": v.REVIEW_ACTION_CODE, "valueCodeableConcept": {"coding": [
        {"system": v.X12_REVIEW_ACTION, "code": code,
         "display": v.REVIEW_ACTION_DISPLAY[code]}]}})
    return {"extension": [{"url": v.REVIEW_ACTION, "extension": parts}],
            "category": {"coding": [{"system": v.ADJUDICATION, "code": v.SUBMITTED}]}}


def _pend_note(terms: LetterRequest) -> str:
    determination = terms.determination
    needed = [label(path) for path in determination.missing_information]
    needed += [study.text for study in determination.missing_studies or ()]
    by = terms.info_needed_by.isoformat() if terms.info_needed_by else "(no date)"
    return (f"Additional information is needed by {by} to decide this request: "
            + "; ".join(needed) + ".")


def build_response(bundle: RequestBundle, terms: LetterRequest, reviewer: Reviewer, *,
                   now: dt.datetime, organization: str) -> dict[str, Any]:
    """The response Bundle as JSON data (validated by the caller: ``exporting.py``)."""
    claim = bundle.claim.resource
    kind = terms.letter_type
    approved = set(terms.approved)
    items = [i for i in claim.get("item") or [] if isinstance(i, dict)]
    if kind == "partial":
        matched = set().union(*(item_codes(bundle, i) for i in items)) if items else set()
        lost = sorted(approved - matched)
        if lost:
            raise ResponseRefused(
                f"case {terms.case.external_id or ''}: approved code {', '.join(lost)} is not "
                "the code of any item of the FHIR request, so the response cannot say which "
                "item it certifies (the request's items: "
                f"{', '.join(sorted(matched)) or 'no CPT or HCPCS codes'})".replace(
                    "case : ", ""))
    start, end = terms.date.isoformat(), terms.valid_until.isoformat()
    period = {"start": start, "end": end}
    notes: list[dict[str, Any]] = []
    if kind in ("partial", "adverse") and terms.reason_text.strip():
        notes.append({"number": 1, "type": v.NOTE_TYPE_DISPLAY, "text": terms.reason_text})
    elif kind == "pend":
        notes.append({"number": 1, "type": v.NOTE_TYPE_DISPLAY, "text": _pend_note(terms)})
    answered = []
    for item in items:
        if kind == "approval" or (kind == "partial" and item_codes(bundle, item) & approved):
            code, number = v.CERTIFIED_IN_TOTAL, terms.authorization_number
        elif kind == "pend":
            code, number = v.PENDED, None
        else:
            code, number = v.NOT_CERTIFIED, None
        answer: dict[str, Any] = {"itemSequence": item["sequence"]}
        if code == v.CERTIFIED_IN_TOTAL:
            answer["extension"] = [
                {"url": v.ITEM_PRE_AUTH_ISSUE_DATE, "valueDate": start},
                {"url": v.ITEM_PRE_AUTH_PERIOD, "valuePeriod": dict(period)}]
        elif notes:
            answer["noteNumber"] = [1]
        answer["adjudication"] = [_review_action(code, number)]
        answered.append(answer)

    reviewer_extension: list[dict[str, Any]] = [
        {"url": "wasHumanReviewedFlag", "valueBoolean": True}]
    if reviewer.npi:
        reviewer_extension.append({"url": "reviewerNPI", "valueIdentifier": {
            "system": v.NPI, "value": reviewer.npi}})
    stamp = now.astimezone(dt.UTC).isoformat(timespec="seconds")
    response_id = str(uuid.uuid4())
    echoed = _echoed(bundle)
    insurer_reference, insurer_entry = _insurer(bundle, organization)
    resource: dict[str, Any] = {
        "resourceType": "ClaimResponse",
        "id": response_id,
        "meta": {"profile": [v.CLAIM_RESPONSE_PROFILE]},
        "extension": [{"url": v.CLAIM_RESPONSE_REVIEWER, "extension": reviewer_extension}],
    }
    if claim.get("identifier"):
        resource["identifier"] = claim["identifier"]
    resource.update({
        "status": "active",
        "type": claim.get("type"),
        "use": v.CLAIM_USE,
        "patient": {"reference": claim["patient"]["reference"]},
        "created": stamp,
        "insurer": insurer_reference,
        "requestor": {"reference": claim["provider"]["reference"]},
        "request": _request_reference(bundle),
        "outcome": "complete",
        "disposition": f"{WORDS[kind]}; reviewed by {reviewer.name} ({reviewer.role} "
                       "reviewer)",
    })
    if kind in ("approval", "partial"):
        resource["preAuthRef"] = terms.authorization_number
        resource["preAuthPeriod"] = dict(period)
    resource["item"] = answered
    if notes:
        resource["processNote"] = notes
    entries = [{"fullUrl": f"urn:uuid:{response_id}", "resource": resource}]
    entries += [{"fullUrl": e.full_url, "resource": e.resource} for e in echoed]
    if insurer_entry is not None:
        entries.append(insurer_entry)
    response: dict[str, Any] = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"profile": [v.RESPONSE_BUNDLE_PROFILE]},
    }
    if bundle.json.get("identifier"):
        response["identifier"] = bundle.json["identifier"]
    response.update({"type": "collection", "timestamp": stamp, "entry": entries})
    return response


def _echoed(bundle: RequestBundle) -> list[Entry]:
    claim = bundle.claim.resource
    found: list[Entry] = []
    for reference in (claim.get("patient"), claim.get("provider"), claim.get("insurer")):
        entry = bundle.follow(reference)
        if entry is not None and entry not in found:
            found.append(entry)
            if entry.type == "PractitionerRole":
                for inner in (entry.resource.get("practitioner"),
                              entry.resource.get("organization")):
                    target = bundle.follow(inner)
                    if target is not None and target not in found:
                        found.append(target)
    return found


def _insurer(bundle: RequestBundle, organization: str) -> tuple[dict, dict | None]:
    """The Claim's insurer, echoed; when the Claim names none (R4 allows it, PAS does not),
    the organization deciding it, as a new Organization."""
    claim = bundle.claim.resource
    insurer = claim.get("insurer")
    if isinstance(insurer, dict) and insurer.get("reference"):
        return {"reference": insurer["reference"]}, None
    ident = str(uuid.uuid4())
    url = f"urn:uuid:{ident}"
    return {"reference": url}, {"fullUrl": url, "resource": {
        "resourceType": "Organization", "id": ident, "name": organization}}


def _request_reference(bundle: RequestBundle) -> dict[str, Any]:
    """The Claim answered: its ``fullUrl`` when that is a URL the provider can resolve, else
    ``Claim/id``; with the Claim's first identifier (PAS: the Claim need not be in the
    response, but its URL or identifier must be)."""
    entry = bundle.claim
    reference: dict[str, Any] = {}
    if entry.full_url and entry.full_url.startswith(("http://", "https://")):
        reference["reference"] = entry.full_url
    elif entry.id:
        reference["reference"] = f"Claim/{entry.id}"
    identifiers = entry.resource.get("identifier") or []
    if identifiers and isinstance(identifiers[0], dict):
        reference["identifier"] = identifiers[0]
    return reference
