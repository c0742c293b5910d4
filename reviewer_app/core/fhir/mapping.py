"""A PAS request Bundle -> the draft ``ur-case/1`` document the intake wizard completes.

What the Bundle says goes where the contract has a field for it; what the contract cannot
hold (diagnoses still to be coded, a flagged NPI, the Bundle's warnings, supporting
information and DTR answers for the nurse to read) goes under ``extensions.fhir_request``
(format ``ur-fhir-request/1``, docs/fhir.md). A value that is there but wrong (an NPI that
fails its check digit, a quantity that is not a whole number of units) is put in its field
as sent, so that the wizard shows the field's problem and asks for it; it is flagged too.
What the Bundle cannot supply (line of business, imaging findings, symptoms, neurological
status, prior treatment...) is left out: the wizard asks for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from reviewer_app.core.case import FORMAT, npi_check_digit_ok
from reviewer_app.core.errors import Problem
from reviewer_app.core.fhir import vocabulary as v
from reviewer_app.core.fhir.bundle import Entry, codings, extensions, text_of
from reviewer_app.core.fhir.coding import (
    diagnosis_code,
    procedure_code,
    system_name,
    why_not_billable,
)
from reviewer_app.core.fhir.reading import RequestBundle
from reviewer_app.core.fhir.supporting import supporting_info

EXTENSION = "fhir_request"
EXTENSION_FORMAT = "ur-fhir-request/1"
MAX_DIAGNOSES = 25
MAX_PROCEDURES = 20


@dataclass
class Mapped:
    document: dict[str, Any]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def record(self) -> dict[str, Any]:
        """``extensions.fhir_request`` of the document."""
        return self.document["extensions"][EXTENSION]


@dataclass
class _Context:
    bundle: RequestBundle
    warnings: list[Problem]
    to_be_coded: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)

    def warn(self, element: str, message: str) -> None:
        self.warnings.append(Problem(element, message))

    def flag(self, path: str, value: Any, problem: str, element: str) -> None:
        self.flags.append({"field": path, "value": value, "problem": problem,
                           "element": element})


def map_request(bundle: RequestBundle, sha256: str, now: dt.datetime) -> Mapped:
    """The draft document of ``bundle`` (read at ``now``, an aware time)."""
    context = _Context(bundle, list(bundle.warnings))
    claim = bundle.claim.resource
    document: dict[str, Any] = {"format": FORMAT}
    external = _external_id(claim)
    if external:
        document["external_id"] = external
    received, source = _received_at(bundle, now, context)
    document["received_at"] = received
    urgency = _urgency(claim, context)
    if urgency:
        document["urgency"] = urgency
    member = _member(bundle, context)
    if member:
        document["member"] = member
    provider = _provider(bundle, context)
    if provider:
        document["requesting_provider"] = provider
    service, items = _service(bundle, context)
    document["service"] = service
    diagnoses = _diagnoses(bundle, context)
    if diagnoses:
        document["diagnoses"] = diagnoses
    info, answers = supporting_info(bundle, context.warnings)
    record: dict[str, Any] = {
        "format": EXTENSION_FORMAT,
        "sha256": sha256,
        "bundle_identifier": bundle.json.get("identifier"),
        "claim": {"full_url": bundle.claim.full_url, "id": bundle.claim.id,
                  "identifier": claim.get("identifier")},
        "received_at_from": source,
        "items": items,
        "to_be_coded": context.to_be_coded,
        "flags": context.flags,
        "care_team": _care_team(bundle, context),
        "supporting_info": info,
        "questionnaire_responses": answers,
        "warnings": [{"element": w.field, "message": w.message} for w in context.warnings],
    }
    document["extensions"] = {EXTENSION: record}
    return Mapped(document, context.warnings)


def _external_id(claim: dict) -> str | None:
    for identifier in claim.get("identifier") or []:
        if isinstance(identifier, dict) and isinstance(identifier.get("value"), str):
            return identifier["value"]
    return None


def _received_at(bundle: RequestBundle, now: dt.datetime, context: _Context) -> tuple[str, str]:
    """When the decision clock starts: the Bundle's timestamp (PAS submits synchronously, so
    it is when the request was sent), else now, said so. A timestamp later than now is not
    believed: a sender's clock must not push the deadline back."""
    stamp = bundle.json.get("timestamp")
    moment = None
    if isinstance(stamp, str):
        try:
            moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is None:
            moment = None
    if moment is None:
        what = "missing" if stamp is None else f"{stamp!r} is not an instant with its offset"
        context.warn("timestamp", f"{what}: the request is taken as received now, when it was "
                     "imported (check the received time in the wizard)")
        return now.isoformat(timespec="seconds"), "import"
    if moment > now + dt.timedelta(minutes=5):
        context.warn("timestamp", f"{stamp} is later than now: the request is taken as "
                     "received now, when it was imported")
        return now.isoformat(timespec="seconds"), "import"
    return moment.isoformat(), "timestamp"


def _urgency(claim: dict, context: _Context) -> str | None:
    priority = claim.get("priority")
    at = "entry[0].resource.priority"
    for coding in codings(priority):
        code, system = coding.get("code"), coding.get("system")
        if system == v.PROCESS_PRIORITY and code in v.URGENCY_FOR_PRIORITY:
            return v.URGENCY_FOR_PRIORITY[code]
        if system is None and code in v.URGENCY_FOR_PRIORITY:
            context.warn(at, f"'{code}' has no system; read as processpriority {code}")
            return v.URGENCY_FOR_PRIORITY[code]
    if priority is not None:
        context.warn(at, "not a processpriority code (stat, normal, deferred); the wizard asks "
                     "for the urgency")
    return None


def _member(bundle: RequestBundle, context: _Context) -> dict[str, Any]:
    claim = bundle.claim.resource
    patient = bundle.follow(claim.get("patient"))
    member: dict[str, Any] = {}
    subscriber = _subscriber_id(bundle)
    resource = patient.resource if patient else {}
    identifier = subscriber or _patient_identifier(resource)
    if identifier:
        member["id"] = identifier
    name = _human_name(resource.get("name"))
    if name:
        given, family = name
        if given:
            member["given_name"] = given
        if family:
            member["family_name"] = family
    if isinstance(resource.get("birthDate"), str):
        member["birth_date"] = resource["birthDate"]
    if resource.get("gender") in ("female", "male", "other", "unknown"):
        member["sex"] = resource["gender"]
    language = _language(resource)
    if language:
        member["language"] = language
    return member


def _subscriber_id(bundle: RequestBundle) -> str | None:
    insurances = [i for i in bundle.claim.resource.get("insurance") or [] if isinstance(i, dict)]
    insurances.sort(key=lambda i: not i.get("focal"))
    for insurance in insurances:
        coverage = bundle.follow(insurance.get("coverage"))
        if coverage and isinstance(coverage.resource.get("subscriberId"), str):
            return coverage.resource["subscriberId"]
    return None


def _patient_identifier(patient: dict) -> str | None:
    identifiers = [i for i in patient.get("identifier") or [] if isinstance(i, dict)
                   and isinstance(i.get("value"), str)]
    system, code = v.MEMBER_ID_TYPE
    for identifier in identifiers:
        if any(c.get("system") == system and c.get("code") == code
               for c in codings(identifier.get("type"))):
            return identifier["value"]
    return identifiers[0]["value"] if identifiers else None


def _human_name(names: Any) -> tuple[str | None, str | None] | None:
    candidates = [n for n in names or [] if isinstance(n, dict)]
    if not candidates:
        return None
    chosen = next((n for n in candidates if n.get("use") == "official"), candidates[0])
    given = " ".join(g for g in chosen.get("given") or [] if isinstance(g, str)) or None
    family = chosen.get("family") if isinstance(chosen.get("family"), str) else None
    if not given and not family and isinstance(chosen.get("text"), str):
        family = chosen["text"]
    return given, family


def _language(patient: dict) -> str | None:
    for communication in patient.get("communication") or []:
        if isinstance(communication, dict) and communication.get("preferred"):
            for coding in codings(communication.get("language")):
                if isinstance(coding.get("code"), str):
                    return coding["code"]
    return None


def _npi(resource: dict) -> str | None:
    for identifier in resource.get("identifier") or []:
        if isinstance(identifier, dict) and identifier.get("system") == v.NPI and isinstance(
                identifier.get("value"), str):
            return identifier["value"]
    return None


def _ten_digits(npi: str) -> bool:
    return len(npi) == 10 and npi.isascii() and npi.isdigit()


def _npi_valid(npi: str) -> bool:
    """Ten ASCII digits passing the check digit (the contract's own rule, ``case.py``)."""
    return _ten_digits(npi) and npi_check_digit_ok(npi)


def _phone(resource: dict) -> str | None:
    for telecom in resource.get("telecom") or []:
        if isinstance(telecom, dict) and telecom.get("system") == "phone" and isinstance(
                telecom.get("value"), str):
            return telecom["value"]
    return None


def _display_name(entry: Entry) -> str | None:
    resource = entry.resource
    if entry.type == "Organization":
        return resource.get("name") if isinstance(resource.get("name"), str) else None
    name = _human_name(resource.get("name"))
    if not name:
        return None
    return " ".join(part for part in name if part) or None


def _provider(bundle: RequestBundle, context: _Context) -> dict[str, Any]:
    """The requester: ``Claim.provider`` (an Organization, a Practitioner, or a
    PractitionerRole read through its practitioner and organization). The NPI is the
    identifier of system us-npi; one that fails its check digit is kept, flagged and asked."""
    claim = bundle.claim.resource
    entry = bundle.follow(claim.get("provider"))
    if entry is None:
        return {}
    sources = [entry]
    if entry.type == "PractitionerRole":
        role = entry.resource
        sources = [e for e in (bundle.follow(role.get("practitioner")),
                               bundle.follow(role.get("organization"))) if e] + [entry]
    provider: dict[str, Any] = {}
    for source in sources:
        name = _display_name(source) if source.type != "PractitionerRole" else None
        if name and "name" not in provider:
            provider["name"] = name
        npi = _npi(source.resource)
        if npi and "npi" not in provider:
            provider["npi"] = npi
            if not _npi_valid(npi):
                problem = ("an NPI is exactly 10 digits" if not _ten_digits(npi) else
                           f"NPI {npi} fails the check digit (Luhn with prefix 80840)")
                context.flag("requesting_provider.npi", npi, problem,
                             f"{source.path}.identifier")
                context.warn(f"{source.path}.identifier", f"{problem}; kept, and asked for in "
                             "the wizard")
        phone = _phone(source.resource)
        if phone and "phone" not in provider:
            provider["phone"] = phone
    if "npi" not in provider:
        context.warn("entry[0].resource.provider", "the requester has no NPI (identifier of "
                     f"system {v.NPI}); the wizard asks for it")
    return provider


def _care_team(bundle: RequestBundle, context: _Context) -> list[dict[str, Any]]:
    team = []
    for member in bundle.claim.resource.get("careTeam") or []:
        if not isinstance(member, dict):
            continue
        entry = bundle.follow(member.get("provider"))
        shown: dict[str, Any] = {"sequence": member.get("sequence"),
                                 "reference": (member.get("provider") or {}).get("reference")}
        if entry is not None:
            people = [entry]
            if entry.type == "PractitionerRole":
                people = [e for e in (bundle.follow(entry.resource.get("practitioner")),
                                      bundle.follow(entry.resource.get("organization"))) if e]
            for person in people:
                if shown.get("name") is None:
                    shown["name"] = _display_name(person)
                if shown.get("npi") is None:
                    shown["npi"] = _npi(person.resource)
            if shown.get("npi") is not None:
                shown["npi_valid"] = _npi_valid(shown["npi"])
            role = text_of(member.get("role"))
            if role:
                shown["role"] = role
        team.append(shown)
    return team


def _service(bundle: RequestBundle, context: _Context) -> tuple[dict, list[dict]]:
    claim = bundle.claim.resource
    procedures: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    planned = None
    for at, item in _by_sequence(claim, "item"):
        coded, sent = procedure_code(item.get("productOrService"))
        requested = _requested_service(bundle, item)
        if coded is None and requested is not None:
            coded, more = procedure_code(requested.resource.get("code"))
            sent = sent + [c for c in more if c not in sent]
        record: dict[str, Any] = {"sequence": item.get("sequence"), "codes": sent,
                                  "text": text_of(item.get("productOrService"))}
        if coded is None:
            record["procedure"] = None
            context.to_be_coded.append({
                "kind": "procedure", "item_sequence": item.get("sequence"), "codes": sent,
                "text": record["text"], "reason": "no CPT or HCPCS code (by its shape): to "
                "be coded by the nurse", "element": f"{at}.productOrService"})
            context.warn(f"{at}.productOrService", "no CPT or HCPCS code; the item is kept "
                         "to be coded")
        elif len(procedures) >= MAX_PROCEDURES:
            record["procedure"] = None
            context.warn(at, f"more than {MAX_PROCEDURES} procedures: {coded.code} is kept "
                         "under extensions only")
        else:
            if coded.note:
                context.warn(f"{at}.productOrService", coded.note)
            procedure: dict[str, Any] = {"code": coded.code, "system": coded.system}
            units = _units(item, at, len(procedures), context)
            if units is not None:
                procedure["units"] = units
            record["procedure"] = coded.code
            procedures.append(procedure)
        items.append(record)
        planned = planned or _planned(item)
    service: dict[str, Any] = {"procedures": procedures}
    if planned:
        service["planned_date"] = planned
    return service, items


def _by_sequence(claim: dict, name: str) -> list[tuple[str, dict]]:
    """``(element path, element)`` of the Claim's list ``name``, in ``sequence`` order."""
    def key(pair: tuple[int, Any]) -> tuple[int, Any]:
        sequence = pair[1].get("sequence")
        return (0, sequence) if isinstance(sequence, int) else (1, 0)

    found = [(i, e) for i, e in enumerate(claim.get(name) or []) if isinstance(e, dict)]
    return [(f"entry[0].resource.{name}[{i}]", e) for i, e in sorted(found, key=key)]


def _requested_service(bundle: RequestBundle, item: dict) -> Entry | None:
    for extension in extensions(item, v.REQUESTED_SERVICE):
        found = bundle.follow(extension.get("valueReference"))
        if found is not None:
            return found
    return None


def _units(item: dict, at: str, position: int, context: _Context) -> Any:
    quantity = item.get("quantity")
    value = quantity.get("value") if isinstance(quantity, dict) else None
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not 1 <= value <= 99:
        context.flag(f"service.procedures[{position}].units", value,
                     "units are a whole number from 1 to 99", f"{at}.quantity")
        context.warn(f"{at}.quantity", f"{value} is not a whole number of units from 1 to 99; "
                     "kept, and asked for in the wizard")
    return value


def _planned(item: dict) -> str | None:
    if isinstance(item.get("servicedDate"), str):
        return item["servicedDate"][:10]
    period = item.get("servicedPeriod")
    if isinstance(period, dict) and isinstance(period.get("start"), str):
        return period["start"][:10]
    return None


def _diagnoses(bundle: RequestBundle, context: _Context) -> list[dict[str, str]]:
    claim = bundle.claim.resource
    found: list[dict[str, str]] = []
    for at, diagnosis in _by_sequence(claim, "diagnosis"):
        concept = diagnosis.get("diagnosisCodeableConcept")
        element = f"{at}.diagnosisCodeableConcept"
        if concept is None and diagnosis.get("diagnosisReference") is not None:
            condition = bundle.follow(diagnosis["diagnosisReference"])
            concept = condition.resource.get("code") if condition else None
            element = f"{condition.path}.code" if condition else f"{at}.diagnosisReference"
        coded, sent = diagnosis_code(concept)
        if coded is not None and any(d["code"] == coded.code for d in found):
            context.warn(element, f"{coded.code} is listed more than once; kept once")
            continue
        if coded is not None and len(found) < MAX_DIAGNOSES:
            found.append({"code": coded.code})
            continue
        reason = (why_not_billable(sent) if coded is None else
                  f"more than {MAX_DIAGNOSES} diagnoses: kept to be coded")
        context.to_be_coded.append({
            "kind": "diagnosis", "sequence": diagnosis.get("sequence"), "codes": [
                {**c, "system_name": system_name(c.get("system"))} for c in sent],
            "text": text_of(concept), "reason": reason, "element": element})
        context.warn(element, f"{reason}; kept to be coded")
    return found
