"""Reading a Da Vinci PAS request Bundle: the hardened JSON reader, the PAS rules this
application depends on, and the FHIR R4 models (``fhir.resources.R4B``).

Why R4B: PAS is built on FHIR R4 (4.0.1); ``fhir.resources`` 7 and 8 (pydantic 2) have no R4
models, and 6.4, the last with R4 as default, needs pydantic 1. For every resource PAS uses
(Bundle, Claim, ClaimResponse, Patient, Practitioner, PractitionerRole, Organization,
Coverage, Condition, ServiceRequest, DeviceRequest, QuestionnaireResponse...) the R4B models
have the same elements.

A file is refused (:class:`FhirRequestError`, each problem naming the element; nothing is
stored) when it is not a PAS request: not JSON as the case reader reads it (size, duplicate
keys, ``NaN``), not a Bundle of type collection, a first entry that is not a Claim, a Claim
whose ``use`` is not preauthorization or whose ``status`` is not active, an inquiry, no
items, two entries with one ``fullUrl``, a sequence given twice (items, diagnoses,
supporting information, care team), a reference the import must follow that finds no entry
or an entry of the wrong type, a ``modifierExtension`` on a resource the import reads, and
anything the models refuse. The one exception the models would otherwise make fatal: an
element unknown to FHIR R4 in a resource the import does not read (a Location, an
Encounter, a QuestionnaireResponse kept for the nurse) is tolerated with a warning, as PAS
asks of elements a receiver does not process (spec-29); in a resource the import reads it
is refused, since it could change what the request says. docs/fhir.md has the table.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from reviewer_app.core.case_file import CaseFileError, load_json
from reviewer_app.core.errors import InputError, Problem, field_path
from reviewer_app.core.fhir import vocabulary as v
from reviewer_app.core.fhir.bundle import Entry, Index, entries_of, extensions, references

MAX_TOLERANCE_ROUNDS = 10


class FhirRequestError(InputError):
    """A file that is not a PAS request this application can read; nothing was stored."""


@dataclass(frozen=True)
class Followed:
    """A reference the import follows, and what it must find."""

    path: str
    reference: str
    types: tuple[str, ...]


@dataclass
class RequestBundle:
    """A validated PAS request: the parsed JSON, its entries, and what was tolerated."""

    source: str
    data: bytes
    """The file's bytes, exactly: what is stored and exported."""
    json: dict[str, Any]
    entries: list[Entry]
    index: Index
    read: dict[int, str] = field(default_factory=dict)
    """Entry index -> why the import reads it (``Claim.patient``...)."""
    warnings: list[Problem] = field(default_factory=list)

    @property
    def claim(self) -> Entry:
        return self.entries[0]

    def follow(self, reference: Any) -> Entry | None:
        """The entry a Reference (a dict) names, None when it names none."""
        if isinstance(reference, dict) and isinstance(reference.get("reference"), str):
            return self.index.find(reference["reference"])
        return None


def is_fhir(data: bytes) -> bool:
    """Whether a file that parses as a JSON object names a FHIR ``resourceType`` (cheap: the
    key is looked for in the text first, then the document is read by the hardened reader)."""
    if b'"resourceType"' not in data:
        return False
    try:
        document = load_json(data, "(probe)")
    except CaseFileError:
        return False
    return isinstance(document, dict) and "resourceType" in document


def _refuse(source: str, problems: list[Problem]) -> FhirRequestError:
    return FhirRequestError(source, problems)


def parse_request(data: bytes, source: str) -> RequestBundle:
    """Read and check one request Bundle (see the module's text)."""
    try:
        document = load_json(data, source)
    except CaseFileError as error:
        raise _refuse(source, error.problems) from None
    _check_shape(document, source)
    entries = entries_of(document)
    bundle = RequestBundle(source, data, document, entries, Index(entries))
    inquiry = _inquiry(bundle)
    if inquiry:
        raise _refuse(source, inquiry)
    problems = [*_check_entries(bundle), *_check_claim(bundle), *_check_references(bundle),
                *_check_modifiers(bundle), *_validate_models(bundle)]
    if problems:
        raise _refuse(source, problems)
    return bundle


def _check_shape(document: Any, source: str) -> None:
    if not isinstance(document, dict):
        raise _refuse(source, [Problem("(document)", "not a FHIR resource (a JSON object "
                                       "with resourceType Bundle)")])
    kind = document.get("resourceType")
    if kind != "Bundle":
        shown = f"'{kind}'" if isinstance(kind, str) else "missing"
        raise _refuse(source, [Problem("resourceType", f"{shown}, not Bundle: a PAS request is "
                                       "a Bundle whose first entry is a Claim")])
    if document.get("type") != "collection":
        raise _refuse(source, [Problem("type", f"'{document.get('type')}', not collection "
                                       "(a PAS request Bundle is a collection)")])
    entry = document.get("entry")
    if not isinstance(entry, list) or not entry:
        raise _refuse(source, [Problem("entry", "no entries: a PAS request Bundle starts with "
                                       "a Claim")])
    problems = []
    for index, item in enumerate(entry):
        resource = item.get("resource") if isinstance(item, dict) else None
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            problems.append(Problem(f"entry[{index}]", "an entry without a resource "
                                    "(resourceType)"))
    if problems:
        raise _refuse(source, problems)
    first = entry[0]["resource"]
    if first["resourceType"] != "Claim":
        what = (": this is a response, not a request" if first["resourceType"] ==
                "ClaimResponse" else "")
        raise _refuse(source, [Problem("entry[0].resource", f"the first entry is a "
                                       f"{first['resourceType']}, not a Claim{what}")])


def _check_entries(bundle: RequestBundle) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for entry in bundle.entries:
        if not entry.full_url:
            problems.append(Problem(f"entry[{entry.index}].fullUrl", f"missing ({entry.label}): "
                                    "every entry of a PAS request has a fullUrl"))
        elif entry.full_url in seen:
            problems.append(Problem(f"entry[{entry.index}].fullUrl",
                                    f"the same fullUrl as entry[{seen[entry.full_url]}]: a "
                                    "resource appears in a PAS Bundle once"))
        else:
            seen[entry.full_url] = entry.index
    if not bundle.json.get("identifier"):
        bundle.warnings.append(Problem("identifier", "missing (PAS requires the submitter's "
                                       "transaction identifier); the response will have none"))
    return problems


def _inquiry(bundle: RequestBundle) -> list[Problem]:
    claim = bundle.claim.resource
    profiles = [*_profiles(bundle.json), *_profiles(claim)]
    if v.INQUIRY_BUNDLE_PROFILE in profiles or v.CLAIM_INQUIRY_PROFILE in profiles:
        return [Problem("entry[0].resource.meta.profile", "a PAS inquiry about earlier "
                        "authorizations, not a request for review")]
    return []


def _profiles(resource: dict) -> list:
    meta = resource.get("meta")
    found = meta.get("profile") if isinstance(meta, dict) else None
    return found if isinstance(found, list) else []


def _check_claim(bundle: RequestBundle) -> list[Problem]:
    claim = bundle.claim.resource
    at = "entry[0].resource"
    problems = []
    if claim.get("use") != v.CLAIM_USE:
        problems.append(Problem(f"{at}.use", f"'{claim.get('use')}', not preauthorization: "
                                "only a prior-authorization request can be reviewed"))
    if claim.get("status") != v.CLAIM_STATUS:
        problems.append(Problem(f"{at}.status", f"'{claim.get('status')}', not active: a "
                                "cancelled or draft Claim is not a request for review"))
    items = claim.get("item")
    if not isinstance(items, list) or not items:
        problems.append(Problem(f"{at}.item", "no items: nothing is requested"))
    for name in ("item", "diagnosis", "supportingInfo", "careTeam"):
        seen: dict[Any, int] = {}
        for index, element in enumerate(claim.get(name) or []):
            sequence = element.get("sequence") if isinstance(element, dict) else None
            if sequence is None:
                continue
            if sequence in seen:
                problems.append(Problem(f"{at}.{name}[{index}].sequence",
                                        f"sequence {sequence} is also {name}[{seen[sequence]}]'s:"
                                        " each is given once (the response answers by sequence)"))
            else:
                seen[sequence] = index
    for index, item in enumerate(claim.get("item") or []):
        for extension in _cancellations(item):
            if extension.get("valueBoolean") is True:
                problems.append(Problem(
                    f"{at}.item[{index}].modifierExtension", f"item {item.get('sequence')} is "
                    f"cancelled ({extension.get('url', '').rsplit('/', 1)[-1]}): a Bundle that "
                    "cancels items updates an earlier request, which this application does not "
                    "hold; ask the sender for the whole request as it now stands"))
    if claim.get("related"):
        bundle.warnings.append(Problem(f"{at}.related", "this Claim names an earlier request; "
                                       "it is read as a request of its own, as it stands"))
    return problems


CANCELLATIONS = (v.PAS + "modifierextension-infoCancelled", v.PAS + "extension-itemCancelled")
"""Item modifiers this application knows: PAS 2.x ``modifierextension-infoCancelled`` and the
reference implementation's ``extension-itemCancelled``; ``false`` changes nothing."""


def _cancellations(item: Any) -> list[dict]:
    if not isinstance(item, dict):
        return []
    return [e for e in item.get("modifierExtension") or [] if isinstance(e, dict)
            and e.get("url") in CANCELLATIONS]


_PROVIDERS = ("Organization", "Practitioner", "PractitionerRole")
_REQUESTED = ("ServiceRequest", "DeviceRequest", "MedicationRequest", "NutritionOrder",
              "CommunicationRequest")


def followed_references(bundle: RequestBundle) -> list[Followed]:
    """The references the import must follow to build the draft (refused when unresolved)."""
    claim, at = bundle.claim.resource, "entry[0].resource"
    found = []

    def add(path: str, reference: Any, types: tuple[str, ...]) -> None:
        if isinstance(reference, dict) and isinstance(reference.get("reference"), str):
            found.append(Followed(path, reference["reference"], types))

    add(f"{at}.patient", claim.get("patient"), ("Patient",))
    add(f"{at}.provider", claim.get("provider"), _PROVIDERS)
    for i, insurance in enumerate(claim.get("insurance") or []):
        if isinstance(insurance, dict):
            add(f"{at}.insurance[{i}].coverage", insurance.get("coverage"), ("Coverage",))
    for i, diagnosis in enumerate(claim.get("diagnosis") or []):
        if isinstance(diagnosis, dict):
            add(f"{at}.diagnosis[{i}].diagnosisReference", diagnosis.get("diagnosisReference"),
                ("Condition",))
    for i, info in enumerate(claim.get("supportingInfo") or []):
        if isinstance(info, dict):
            add(f"{at}.supportingInfo[{i}].valueReference", info.get("valueReference"), ())
    for i, item in enumerate(claim.get("item") or []):
        for extension in extensions(item, v.REQUESTED_SERVICE):
            add(f"{at}.item[{i}].extension(requestedService).valueReference",
                extension.get("valueReference"), _REQUESTED)
    provider = bundle.index.find(claim.get("provider", {}).get("reference", "")) if isinstance(
        claim.get("provider"), dict) else None
    if provider is not None and provider.type == "PractitionerRole":
        role = provider.resource
        add(f"{provider.path}.practitioner", role.get("practitioner"), ("Practitioner",))
        add(f"{provider.path}.organization", role.get("organization"), ("Organization",))
    return found


def _check_references(bundle: RequestBundle) -> list[Problem]:
    problems = []
    followed = followed_references(bundle)
    bundle.read[0] = "Claim"
    for item in followed:
        target = bundle.index.find(item.reference)
        if target is None:
            problems.append(Problem(item.path, f"{item.reference} is not in the Bundle: the "
                                    "import needs it, and a PAS request carries every resource "
                                    "its Claim references (spec-17)"))
        elif item.types and target.type not in item.types:
            problems.append(Problem(item.path, f"{item.reference} is a {target.type}, not "
                                    f"{' or '.join(item.types)}"))
        elif item.types:
            bundle.read.setdefault(target.index, item.path)
    paths = {item.path for item in followed}
    for entry in bundle.entries:
        for path, reference in references(entry.resource, entry.path):
            base = path.removesuffix(".reference")
            if base in paths or bundle.index.find(reference) is not None:
                continue
            if reference.startswith("#"):
                continue
            bundle.warnings.append(Problem(base, f"{reference} is not in the Bundle (PAS "
                                           "asks for every referenced resource); the import "
                                           "does not need it, so it was read without it"))
    return problems


def _check_modifiers(bundle: RequestBundle) -> list[Problem]:
    problems = []
    for entry in bundle.entries:
        for path, url in _modifier_extensions(entry.resource, entry.path):
            if url in CANCELLATIONS and entry.index == 0:
                continue
            if entry.index in bundle.read:
                problems.append(Problem(path, f"modifierExtension {url} changes what "
                                        f"{entry.label} means, and this application does not "
                                        "know it"))
            else:
                bundle.warnings.append(Problem(path, f"modifierExtension {url} on "
                                               f"{entry.label}, which the import does not read"))
    return problems


def _modifier_extensions(value: Any, path: str):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "modifierExtension" and isinstance(item, list):
                for index, extension in enumerate(item):
                    url = extension.get("url") if isinstance(extension, dict) else None
                    yield f"{path}.modifierExtension[{index}]", url
            elif key != "contained":
                yield from _modifier_extensions(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _modifier_extensions(item, f"{path}[{index}]")


def _validate_models(bundle: RequestBundle) -> list[Problem]:
    """Validate with the R4B models; unknown elements of resources the import does not read
    are removed from a copy (the stored bytes keep them) and reported, then validated again."""
    from fhir.resources.R4B.bundle import Bundle

    candidate = bundle.json
    for _ in range(MAX_TOLERANCE_ROUNDS):
        try:
            Bundle.model_validate(candidate)
            return []
        except ValidationError as error:
            refused, tolerated = [], []
            for item in error.errors(include_url=False):
                loc = tuple(item["loc"])
                entry = _entry_of(loc)
                if item["type"] == "extra_forbidden" and entry is not None and \
                        entry not in bundle.read:
                    tolerated.append(loc)
                else:
                    refused.append(_model_problem(bundle, item))
            if refused:
                return refused
            if candidate is bundle.json:
                candidate = copy.deepcopy(bundle.json)
            for loc in tolerated:
                _remove(candidate, loc)
                label = bundle.entries[_entry_position(bundle, loc[1])].label
                bundle.warnings.append(Problem(
                    field_path(loc), f"not an element of FHIR R4 {label.split('/')[0]}; "
                    "ignored (the import does not read this resource; the stored Bundle keeps "
                    "it)"))
    return [Problem("(document)", "too many unknown elements")]


def _entry_of(loc: tuple) -> int | None:
    if len(loc) >= 3 and loc[0] == "entry" and isinstance(loc[1], int) and loc[2] == "resource":
        return loc[1]
    return None


def _entry_position(bundle: RequestBundle, index: int) -> int:
    return next(i for i, e in enumerate(bundle.entries) if e.index == index)


def _remove(document: dict, loc: tuple) -> None:
    node: Any = document
    for part in loc[:-1]:
        node = node[part]
    node.pop(loc[-1], None)


def _model_problem(bundle: RequestBundle, item: dict) -> Problem:
    loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p and "(" in p))
    message = item["msg"]
    kind = item["type"]
    if kind == "extra_forbidden":
        message = "not an element of FHIR R4 (the import reads this resource, so it is refused "
        message += "rather than guessed)"
    elif kind in ("missing", "model_field_validation.missing"):
        message = "required by FHIR R4, and missing"
    elif kind == "json_invalid" or message.startswith("Invalid JSON"):
        message = ("a plain value where FHIR R4 has an element with parts here (e.g. a "
                   "CodeableConcept)")
    entry = _entry_of(loc)
    if entry is not None:
        label = bundle.entries[_entry_position(bundle, entry)].label
        message = f"{label}: {message}"
    return Problem(field_path(loc), message)
