"""Every mapping from a PAS request to the draft ur-case/1 document and its
extensions.fhir_request."""

from __future__ import annotations

import datetime as dt
import json

from fhirkit import RI, SPINE, changed, claim, entry, load

from reviewer_app.core.case_file import parse_case
from reviewer_app.core.fhir.importing import read_request, read_request_bytes
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import evaluate_draft

NOW = dt.datetime(2026, 11, 23, 21, 0, tzinfo=dt.UTC)


def mapped(bundle) -> tuple[dict, dict, dict]:
    read = read_request_bytes(json.dumps(bundle).encode(), "req.json", now=NOW)
    document = read.mapped.document
    warned = {w.field: w.message for w in read.warnings}
    return document, document["extensions"]["fhir_request"], warned


def test_the_spine_request_maps_field_by_field():
    document, record, warned = mapped(load(SPINE))
    assert document["external_id"] == "PA-2026-004417", "Claim.identifier"
    assert document["received_at"] == "2026-11-20T09:15:00-05:00", "Bundle.timestamp"
    assert record["received_at_from"] == "timestamp"
    assert document["urgency"] == "standard", "processpriority normal"
    assert document["member"] == {"id": "W884120375", "given_name": "Daniel",
                                  "family_name": "Okafor", "birth_date": "1957-06-02",
                                  "sex": "male", "language": "en"}
    assert document["requesting_provider"] == {"name": "Riverside Spine Surgery",
                                               "npi": "1245319599", "phone": "555-0142"}
    assert [p["code"] for p in document["service"]["procedures"]] == [
        "63090", "22558", "22585", "22612", "22614", "22842", "22854", "63030"]
    assert {p["system"] for p in document["service"]["procedures"]} == {"CPT"}
    assert document["service"]["planned_date"] == "2026-12-03"
    assert document["diagnoses"] == [{"code": c} for c in
                                     ("C79.51", "M84.58XA", "C80.1", "M54.50", "I10")]
    assert "shape of a CPT code" in warned["entry[0].resource.item[0].productOrService"]
    assert "line_of_business" not in document and "imaging" not in document, "the wizard asks"
    assert record["care_team"] == [{"sequence": 1,
                                    "reference": "PractitionerRole/SpineSurgeonRole",
                                    "name": "R. Alvarez", "npi": "1234567893",
                                    "npi_valid": True}]
    assert [i["sequence"] for i in record["items"]] == list(range(1, 9))


def test_supporting_info_and_the_dtr_answers_are_kept_for_the_nurse():
    _, record, _ = mapped(load(SPINE))
    first, second = record["supporting_info"]
    assert first["value"] == {"resource_type": "QuestionnaireResponse", "full_url":
                              "http://example.org/fhir/QuestionnaireResponse/SpineDtrAnswers"}
    assert second["value"] == "Pathologic L2 burst fracture; surgery planned before " \
                              "chemotherapy."
    [answers] = record["questionnaire_responses"]
    assert answers["questionnaire"] == "http://example.org/Questionnaire/spine-surgery"
    assert [(a["text"], a["groups"], a["answer"]) for a in answers["answers"]] == [
        ("MRI date", ["Imaging"], ["2026-11-12"]),
        ("Spinal cord compression on MRI", ["Imaging"], ["No"]),
        ("Conservative treatment tried (weeks)", [], [9]),
        ("Karnofsky performance status", [], [70])]


def test_reference_implementation_shapes():
    read = read_request(RI, now=NOW)
    document, record = read.mapped.document, read.mapped.record
    warned = {w.field: w.message for w in read.warnings}
    assert document["member"] == {"id": "pat013", "given_name": "Anne Marie",
                                  "family_name": "Baker", "birth_date": "1951-03-14",
                                  "sex": "female"}, "no Coverage.subscriberId: the Patient's"
    assert document["requesting_provider"] == {"name": "Jane Kim", "npi": "123456789"}
    assert record["flags"] == [{"field": "requesting_provider.npi", "value": "123456789",
                                "problem": "an NPI is exactly 10 digits",
                                "element": "entry[2].resource.identifier"}]
    assert document["urgency"] == "expedited", "stat, without its system"
    assert "read as processpriority stat" in warned["entry[0].resource.priority"]
    assert document["received_at"] == NOW.isoformat(timespec="seconds")
    assert record["received_at_from"] == "import"
    assert "received now" in warned["timestamp"]
    assert document["diagnoses"] == [{"code": "M48.061"}], "ICD-10-CM without its dot"
    kept = [(t["codes"][0]["system_name"], t["codes"][0]["code"], t["reason"])
            for t in record["to_be_coded"]]
    assert kept == [
        ("SNOMED CT", "18347007", "not ICD-10-CM (SNOMED CT): to be coded in ICD-10-CM"),
        ("ICD-9-CM", "724.02", "not ICD-10-CM (ICD-9-CM): to be coded in ICD-10-CM"),
        ("ICD-10-CM", "M48.06", "'M48.06' is a category, not a billable code (choose a more "
                                "specific code, e.g. M48.061)")]
    assert record["to_be_coded"][1]["text"] == ("Spinal stenosis, lumbar region, without "
                                                "neurogenic claudication")
    assert document["service"]["procedures"] == [
        {"code": "22612", "system": "CPT", "units": 1},
        {"code": "E0748", "system": "HCPCS", "units": 2}], "by shape; 2.0 is 2 units"
    assert "sent as CPT but has the shape of a HCPCS code" in warned[
        "entry[0].resource.item[1].productOrService"]
    assert record["questionnaire_responses"][0]["answers"][3] == {
        "link_id": "3.1", "text": "Details", "groups": ["Prior surgeries"], "answer": ["n/a"]}


def test_a_bad_npi_is_kept_in_its_field_so_the_wizard_asks_for_it():
    read = read_request(RI, now=NOW)
    evaluation = evaluate_draft(DraftDocument.from_json(read.document_text()))
    problem = evaluation.problem("requesting_provider.npi")
    assert problem is not None and "10 digits" in problem.message


def test_an_npi_failing_its_check_digit_is_flagged():
    document, record, _ = mapped(changed(
        lambda b: entry(b, "Organization")["identifier"][0].update(value="1245319590")))
    assert document["requesting_provider"]["npi"] == "1245319590"
    assert record["flags"][0]["problem"] == ("NPI 1245319590 fails the check digit (Luhn with "
                                             "prefix 80840)")


def test_a_practitioner_role_requester_reads_its_practitioner_and_organization():
    document, _, _ = mapped(changed(lambda b: claim(b).update(
        provider={"reference": "PractitionerRole/SpineSurgeonRole"})))
    assert document["requesting_provider"] == {"name": "R. Alvarez", "npi": "1234567893",
                                               "phone": "555-0142"}


def test_member_id_is_the_patients_member_number_without_a_subscriber_id():
    document, _, _ = mapped(changed(lambda b: entry(b, "Coverage").pop("subscriberId")))
    assert document["member"]["id"] == "W884120375"


def test_priority_and_timestamp_that_cannot_be_used():
    def change(bundle):
        claim(bundle)["priority"] = {"coding": [{"system": "http://example.org/p",
                                                  "code": "urgent"}]}
        bundle["timestamp"] = "2027-01-01T00:00:00Z"
    document, record, warned = mapped(changed(change))
    assert "urgency" not in document, "the wizard asks"
    assert "not a processpriority code" in warned["entry[0].resource.priority"]
    assert record["received_at_from"] == "import", "a timestamp after now is not believed"
    assert "later than now" in warned["timestamp"]


def test_codes_that_are_not_procedures_and_an_unusable_quantity():
    def change(bundle):
        claim(bundle)["item"][1]["productOrService"] = {"coding": [
            {"system": "https://codesystem.x12.org/005010/1365", "code": "3",
             "display": "Consultation"}]}
        claim(bundle)["item"][2]["quantity"] = {"value": 2.5}
    document, record, warned = mapped(changed(change))
    codes = [p["code"] for p in document["service"]["procedures"]]
    assert "22558" not in codes and len(codes) == 7
    [kept] = record["to_be_coded"]
    assert (kept["kind"], kept["item_sequence"], kept["text"]) == ("procedure", 2,
                                                                    "Consultation")
    assert document["service"]["procedures"][1]["units"] == 2.5, "kept for the wizard"
    assert record["flags"][0]["field"] == "service.procedures[1].units"
    assert "not a whole number of units" in warned["entry[0].resource.item[2].quantity"]


def test_a_requested_service_gives_the_code_an_item_lacks():
    def change(bundle):
        item = claim(bundle)["item"][0]
        item["productOrService"] = {"coding": [{"system":
                                                "https://codesystem.x12.org/005010/1365",
                                                "code": "2"}]}
        item["extension"].append({
            "url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/"
                   "extension-requestedService",
            "valueReference": {"reference": "ServiceRequest/Corpectomy"}})
        bundle["entry"].append({"fullUrl": "http://example.org/fhir/ServiceRequest/Corpectomy",
                                "resource": {"resourceType": "ServiceRequest",
                                             "id": "Corpectomy", "status": "active",
                                             "intent": "order",
                                             "subject": {"reference": "Patient/SpineMember"},
                                             "code": {"coding": [{
                                                 "system": "http://www.ama-assn.org/go/cpt",
                                                 "code": "63090"}]}}})
    document, record, _ = mapped(changed(change))
    assert document["service"]["procedures"][0]["code"] == "63090"
    assert record["to_be_coded"] == []


def test_duplicate_diagnoses_are_kept_once():
    document, _, warned = mapped(changed(lambda b: claim(b)["diagnosis"][1].update(
        diagnosisCodeableConcept={"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm",
                                              "code": "c7951"}]})))
    assert [d["code"] for d in document["diagnoses"]] == ["C79.51", "C80.1", "M54.50", "I10"]
    assert "listed more than once" in warned["entry[0].resource.diagnosis[1]"
                                             ".diagnosisCodeableConcept"]


def test_a_completed_draft_is_a_valid_case():
    from fhirkit import complete

    read = read_request(SPINE, now=NOW)
    case = parse_case(json.dumps(complete(read.mapped.document)), "draft")
    assert case.extensions["fhir_request"]["format"] == "ur-fhir-request/1"
