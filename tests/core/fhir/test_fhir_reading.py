"""What is refused (the file, the element and the problem) and what is tolerated with a
warning, for Bundles changed from the project's fixtures."""

from __future__ import annotations

import json

import pytest
from fhirkit import RI, SPINE, changed, claim, entry, load

from reviewer_app.core.fhir.importing import read_request_bytes
from reviewer_app.core.fhir.reading import FhirRequestError, is_fhir, parse_request


def data(bundle) -> bytes:
    return json.dumps(bundle).encode("utf-8")


def refused(bundle_or_bytes, source="req.json") -> list[str]:
    raw = bundle_or_bytes if isinstance(bundle_or_bytes, bytes) else data(bundle_or_bytes)
    with pytest.raises(FhirRequestError) as error:
        parse_request(raw, source)
    lines = error.value.lines()
    assert all(line.startswith(f"{source}: ") for line in lines)
    return lines


def warnings(bundle) -> dict[str, str]:
    return {w.field: w.message for w in parse_request(data(bundle), "req.json").warnings}


def test_the_fixtures_read_cleanly():
    assert warnings(load(SPINE)) == {}
    assert parse_request(RI.read_bytes(), "ri.json").claim.id == "ri-claim"


@pytest.mark.parametrize(("raw", "expected"), [
    (b"{not json", "req.json: (document): not valid JSON (Expecting property name enclosed in "
                   "double quotes at line 1 column 2)"),
    (b'{"resourceType": "Bundle", "resourceType": "Claim"}',
     "req.json: (document): the key 'resourceType' appears more than once in one object"),
    (b'{"resourceType": "Bundle", "total": NaN}', "NaN is not a JSON number"),
    (b"[1, 2]", "req.json: (document): not a FHIR resource"),
    (b'{"resourceType": "Claim"}', "req.json: resourceType: 'Claim', not Bundle"),
    (b"\xff\xfe", "req.json: (file): not UTF-8 text"),
])
def test_not_a_bundle_is_refused_naming_the_problem(raw, expected):
    lines = refused(raw)
    assert any(line.startswith(expected) or expected in line for line in lines), lines


def _set(path, value):
    def change(bundle):
        node = bundle
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return change


@pytest.mark.parametrize(("change", "expected"), [
    (_set(["type"], "transaction"), "req.json: type: 'transaction', not collection"),
    (lambda b: b["entry"].insert(0, b["entry"].pop(4)),
     "req.json: entry[0].resource: the first entry is a Patient, not a Claim"),
    (lambda b: claim(b).update(use="claim"),
     "req.json: entry[0].resource.use: 'claim', not preauthorization"),
    (lambda b: claim(b).update(status="cancelled"),
     "req.json: entry[0].resource.status: 'cancelled', not active"),
    (lambda b: claim(b).update(item=[]),
     "req.json: entry[0].resource.item: no items: nothing is requested"),
    (lambda b: claim(b)["item"][3].update(sequence=1),
     "req.json: entry[0].resource.item[3].sequence: sequence 1 is also item[0]'s"),
    (lambda b: claim(b)["supportingInfo"][1].update(sequence=1),
     "req.json: entry[0].resource.supportingInfo[1].sequence: sequence 1 is also"),
    (lambda b: claim(b).update(patient={"reference": "Patient/Elsewhere"}),
     "req.json: entry[0].resource.patient: Patient/Elsewhere is not in the Bundle"),
    (lambda b: claim(b)["insurance"][0].update(coverage={"reference": "Coverage/Gone"}),
     "req.json: entry[0].resource.insurance[0].coverage: Coverage/Gone is not in the Bundle"),
    (lambda b: claim(b).update(provider={"reference": "Coverage/SpineCoverage"}),
     "entry[0].resource.provider: Coverage/SpineCoverage is a Coverage, not Organization or "
     "Practitioner or PractitionerRole"),
    (lambda b: claim(b)["supportingInfo"][0].update(
        valueReference={"reference": "QuestionnaireResponse/Missing"}),
     "entry[0].resource.supportingInfo[0].valueReference: QuestionnaireResponse/Missing is not"),
    (lambda b: b["entry"][3].update(fullUrl=b["entry"][1]["fullUrl"]),
     "req.json: entry[3].fullUrl: the same fullUrl as entry[1]"),
    (lambda b: b["entry"][2].pop("fullUrl"), "req.json: entry[2].fullUrl: missing"),
    (lambda b: claim(b).update(diagnossis=[]),
     "req.json: entry[0].resource.diagnossis: Claim/SpineSurgicalRequest: not an element of "
     "FHIR R4 (the import reads this resource, so it is refused rather than guessed)"),
    (lambda b: entry(b, "Patient").update(birthDate="June 1957"),
     "req.json: entry[4].resource.birthDate: Patient/SpineMember:"),
    (lambda b: entry(b, "Patient").update(modifierExtension=[
        {"url": "http://example.org/deceased-flag", "valueBoolean": True}]),
     "req.json: entry[4].resource.modifierExtension[0]: modifierExtension "
     "http://example.org/deceased-flag changes what Patient/SpineMember means"),
    (lambda b: claim(b)["item"][1].update(modifierExtension=[{
        "url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/"
               "modifierextension-infoCancelled", "valueBoolean": True}]),
     "req.json: entry[0].resource.item[1].modifierExtension: item 2 is cancelled"),
    (lambda b: (b.setdefault("meta", {}).update(profile=[
        "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/"
        "profile-pas-inquiry-request-bundle"])),
     "req.json: entry[0].resource.meta.profile: a PAS inquiry"),
])
def test_what_is_not_a_pas_request_is_refused(change, expected):
    lines = refused(changed(change))
    assert any(expected in line for line in lines), lines


def test_a_practitioner_role_requester_needs_its_practitioner():
    def role_requester(bundle):
        claim(bundle)["provider"] = {"reference": "PractitionerRole/SpineSurgeonRole"}
        bundle["entry"][5]["resource"]["practitioner"] = {"reference": "Practitioner/Gone"}
    lines = refused(changed(role_requester))
    assert any("entry[5].resource.practitioner: Practitioner/Gone is not in the Bundle" in line
               for line in lines), lines


def test_every_problem_of_a_file_is_listed_at_once():
    def broken(bundle):
        claim(bundle)["use"] = "claim"
        claim(bundle)["item"][2]["sequence"] = 2
        entry(bundle, "Coverage")["status"] = 7
    lines = refused(changed(broken))
    assert len(lines) == 3, lines


def test_a_reference_the_import_does_not_need_is_tolerated_with_a_warning():
    found = warnings(changed(lambda b: b["entry"][5]["resource"].update(
        location=[{"reference": "Location/Clinic"}])))
    assert "Location/Clinic is not in the Bundle" in found["entry[5].resource.location[0]"]


def test_an_unknown_element_of_a_resource_not_read_is_tolerated_with_a_warning():
    bundle = changed(lambda b: entry(b, "QuestionnaireResponse")["item"][1]["answer"][0].update(
        integer="9"))
    found = warnings(bundle)
    assert "not an element of FHIR R4 QuestionnaireResponse; ignored" in found[
        "entry[7].resource.item[1].answer[0].integer"]
    read = read_request_bytes(data(bundle), "req.json")
    assert read.data == data(bundle), "the stored bytes keep the element"


def test_a_modifier_extension_on_a_resource_not_read_is_a_warning():
    found = warnings(changed(lambda b: entry(b, "QuestionnaireResponse").update(
        modifierExtension=[{"url": "http://example.org/x", "valueBoolean": True}])))
    assert any("modifierExtension http://example.org/x" in m for m in found.values())


def test_a_cancellation_modifier_that_says_false_changes_nothing():
    bundle = changed(lambda b: claim(b)["item"][1].update(modifierExtension=[{
        "url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/"
               "modifierextension-infoCancelled", "valueBoolean": False}]))
    assert parse_request(data(bundle), "req.json").claim.id == "SpineSurgicalRequest"


def test_missing_identifier_and_an_earlier_request_are_warnings():
    def update(bundle):
        bundle.pop("identifier")
        claim(bundle)["related"] = [{"claim": {"reference": "Claim/Earlier"}}]
    found = warnings(changed(update))
    assert "missing (PAS requires" in found["identifier"]
    assert "names an earlier request" in found["entry[0].resource.related"]


def test_fhir_is_told_from_a_case_file(seed_case_path):
    assert is_fhir(SPINE.read_bytes())
    assert not is_fhir(seed_case_path.read_bytes())
    assert not is_fhir(b'{"resourceType": ')
    assert not is_fhir(b'{"notes": "the word \\"resourceType\\" in a note"}')
