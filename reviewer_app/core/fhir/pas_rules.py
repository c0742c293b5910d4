"""The PAS rules a response must keep, checked on the response itself before it is written
(the models check FHIR's structure, not these, and not code values).

- the Bundle is a collection with a timestamp, its profile, and entries each with a unique
  ``fullUrl``; its first entry is a ClaimResponse (PAS spec-35);
- the ClaimResponse is active, ``use`` preauthorization, outcome ``complete``, ``partial`` or
  ``error`` (never ``queued``: a pended answer is A4 with outcome complete), names the Claim
  it answers (``request``: a reference or an identifier), and its patient, insurer and
  requestor resolve to entries of the response;
- one item per Claim item, with the same ``sequence`` (spec-39), none twice, none added;
- each item has one adjudication of category ``submitted`` carrying the review action, whose
  code is A1, A3, A4 or A6 of X12 306; an A1 carries the authorization number and the item's
  pre-authorization period (start not after end);
- every ``noteNumber`` names a ``processNote``; note numbers are unique;
- an echoed resource has the request's ``fullUrl`` and exactly the request's content
  (spec-38).
"""

from __future__ import annotations

from typing import Any

from reviewer_app.core.fhir import vocabulary as v
from reviewer_app.core.fhir.bundle import Index, codings, entries_of, extensions
from reviewer_app.core.fhir.reading import RequestBundle

OUTCOMES = ("complete", "partial", "error")
ACTIONS = (v.CERTIFIED_IN_TOTAL, v.NOT_CERTIFIED, v.PENDED, v.MODIFIED)


def response_problems(response: dict[str, Any], request: RequestBundle) -> list[str]:
    """Every PAS rule above that ``response`` breaks, in words (empty when it keeps them)."""
    problems: list[str] = []
    if response.get("resourceType") != "Bundle" or response.get("type") != "collection":
        problems.append("the response is not a Bundle of type collection")
    if not response.get("timestamp"):
        problems.append("the response Bundle has no timestamp")
    if v.RESPONSE_BUNDLE_PROFILE not in ((response.get("meta") or {}).get("profile") or []):
        problems.append("the response Bundle does not claim the PAS response Bundle profile")
    entries = entries_of(response)
    urls = [e.full_url for e in entries]
    if None in urls or len(set(urls)) != len(urls):
        problems.append("every entry needs its own fullUrl")
    if not entries or entries[0].type != "ClaimResponse":
        return [*problems, "the first entry is not a ClaimResponse"]
    index = Index(entries)
    answer = entries[0].resource
    if answer.get("status") != "active":
        problems.append("ClaimResponse.status is not active")
    if answer.get("use") != v.CLAIM_USE:
        problems.append("ClaimResponse.use is not preauthorization")
    if answer.get("outcome") not in OUTCOMES:
        problems.append(f"ClaimResponse.outcome '{answer.get('outcome')}' is not one of "
                        f"{', '.join(OUTCOMES)}")
    request_ref = answer.get("request") or {}
    if not (request_ref.get("reference") or request_ref.get("identifier")):
        problems.append("ClaimResponse.request names no Claim")
    for name in ("patient", "insurer", "requestor"):
        reference = (answer.get(name) or {}).get("reference")
        if not reference or index.find(reference) is None:
            problems.append(f"ClaimResponse.{name} does not resolve to an entry of the response")
    claim = request.claim.resource
    if (answer.get("patient") or {}).get("reference") != claim["patient"]["reference"]:
        problems.append("ClaimResponse.patient is not the request's patient")
    problems += _items(answer, claim)
    problems += _echoes(entries[1:], request)
    return problems


def _items(answer: dict[str, Any], claim: dict[str, Any]) -> list[str]:
    problems = []
    asked = [i.get("sequence") for i in claim.get("item") or [] if isinstance(i, dict)]
    given = [i.get("itemSequence") for i in answer.get("item") or []]
    if sorted(given) != sorted(asked) or len(set(given)) != len(given):
        problems.append(f"the items answered ({given}) are not the Claim's items ({asked}), "
                        "each once")
    notes = [n.get("number") for n in answer.get("processNote") or []]
    if len(set(notes)) != len(notes):
        problems.append("two process notes have the same number")
    for item in answer.get("item") or []:
        sequence = item.get("itemSequence")
        for number in item.get("noteNumber") or []:
            if number not in notes:
                problems.append(f"item {sequence} names note {number}, which is not there")
        adjudications = item.get("adjudication") or []
        if len(adjudications) != 1:
            problems.append(f"item {sequence} has {len(adjudications)} adjudications, not one")
            continue
        adjudication = adjudications[0]
        if not any(c.get("system") == v.ADJUDICATION and c.get("code") == v.SUBMITTED
                   for c in codings(adjudication.get("category"))):
            problems.append(f"item {sequence}: the adjudication's category is not submitted")
        actions = extensions(adjudication, v.REVIEW_ACTION)
        if len(actions) != 1:
            problems.append(f"item {sequence} has no review action")
            continue
        code_parts = extensions(actions[0], v.REVIEW_ACTION_CODE)
        found = [c.get("code") for part in code_parts
                 for c in codings(part.get("valueCodeableConcept"))
                 if c.get("system") == v.X12_REVIEW_ACTION]
        if len(found) != 1 or found[0] not in ACTIONS:
            problems.append(f"item {sequence}: the review action code {found} is not one of "
                            f"{', '.join(ACTIONS)} ({v.X12_REVIEW_ACTION})")
            continue
        if found[0] == v.CERTIFIED_IN_TOTAL:
            numbers = [p.get("valueString") for p in extensions(actions[0], "number")]
            if not numbers or not numbers[0]:
                problems.append(f"item {sequence} is certified without an authorization number")
            periods = [p.get("valuePeriod") or {} for p in extensions(item,
                                                                         v.ITEM_PRE_AUTH_PERIOD)]
            if len(periods) != 1 or not periods[0].get("start") or not periods[0].get("end") \
                    or periods[0]["start"] > periods[0]["end"]:
                problems.append(f"item {sequence} is certified without a valid period")
    return problems


def _echoes(entries: list, request: RequestBundle) -> list[str]:
    problems = []
    for entry in entries:
        if entry.full_url and entry.full_url.startswith("urn:uuid:"):
            continue
        original = request.index.find(entry.full_url or "")
        if original is None or original.full_url != entry.full_url:
            problems.append(f"{entry.label} is echoed with a fullUrl the request did not have")
        elif original.resource != entry.resource:
            problems.append(f"{entry.label} is echoed with other content than the request's")
    return problems
