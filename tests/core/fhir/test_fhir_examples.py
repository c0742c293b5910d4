"""Every published example, read in place from ../shared/fhir-examples: the request Bundles of
the PAS implementation guide import; what is not a request we can review is refused with the
element and the reason (responses, inquiries, updates that cancel items, the reference
implementation's shapes that are not valid FHIR R4)."""

from __future__ import annotations

import pytest
from fhirkit import shared_examples

from reviewer_app.core.fhir.importing import read_request
from reviewer_app.core.fhir.reading import FhirRequestError

IMPORTED = "imported"
RESPONSE = "entry[0].resource: the first entry is a ClaimResponse, not a Claim: this is a response"
NOT_BUNDLE = "resourceType: 'ClaimResponse', not Bundle"
INQUIRY = "entry[0].resource.meta.profile: a PAS inquiry about earlier authorizations"
CANCELS = "is cancelled (modifierextension-infoCancelled): a Bundle that cancels items updates"
RI_CANCELS = "item 1 is cancelled (extension-itemCancelled)"

GUIDE = {
    "Bundle-SurgicalRequestBundleExample.json": IMPORTED,
    "Bundle-MedicalServicesAuthorizationBundleExample.json": IMPORTED,
    "Bundle-ReferralAuthorizationBundleExample.json": IMPORTED,
    "Bundle-HomecareAuthorizationBundleExample.json": IMPORTED,
    "Bundle-HomecareAuthorizationUpdateBundleExample.json": CANCELS,
    "Bundle-PASClaimInquiryBundleExample.json": INQUIRY,
    "Bundle-PASClaimInquiryResponseBundleExample.json": RESPONSE,
    "Bundle-ReferralAuthorizationResponseBundleExample.json": RESPONSE,
    "Bundle-ErrorResponseBundleExample.json": RESPONSE,
}
EXPECTED = {
    **{f"davinci-pas-ig-2.2.1/{name}": what for name, what in GUIDE.items()},
    "davinci-pas-ig-2.2.1/Bundle-ReferralPendingAuthorizationResponseBundleExample.json":
        RESPONSE,
    "davinci-pas-ig-2.2.1/Bundle-RejectionResponseBundleExample.json": RESPONSE,
    **{f"davinci-pas-ig-2.0.1/{name}": what for name, what in GUIDE.items()},
    "davinci-pas-ig-2.0.1/Bundle-HomecareAuthorizationDifferentialBundleExample.json": CANCELS,
    "prior-auth-ri/Claim.json": RI_CANCELS,
    "prior-auth-ri/ClaimUpdate1.json": RI_CANCELS,
    "prior-auth-ri/ClaimUpdate2.json": RI_CANCELS,
    "prior-auth-ri/bundle-items.json": IMPORTED,
    "prior-auth-ri/bundle-prior-auth.json": "entry[1].resource.insurance: DeviceRequest/devreq123",
    "prior-auth-ri/claim-complete.json": "entry[6].resource.beneficiary: Coverage/",
    "prior-auth-ri/bundle-request.json": "entry[0].resource.item: no items: nothing is requested",
    "prior-auth-ri/bundle-with-only-claim.json": "entry[0].resource.patient: Patient/1 is not in "
                                                 "the Bundle",
    "prior-auth-ri/bundle-response.json": RESPONSE,
    "prior-auth-ri/claimresponse-minimal.json": RESPONSE,
    "prior-auth-ri/claimresponse-pended.json": RESPONSE,
    "prior-auth-ri/claimresponse-only.json": NOT_BUNDLE,
    **{f"prior-auth-ri/{name}.json": RESPONSE for name in (
        "DeniedResponse", "GrantedResponse", "PendedClaimResponse", "PendedFinalResponse",
        "PendedClaimResponsewithRequest")},
}
"""What each published file gives. ClaimResponse-*.json of the guide are not Bundles."""


def _files():
    folder = shared_examples()
    return sorted(p.relative_to(folder).as_posix() for p in folder.glob("*/*.json"))


def test_every_published_file_has_an_expected_result():
    unknown = [name for name in _files() if name not in EXPECTED
               and not name.split("/")[1].startswith("ClaimResponse-")]
    assert unknown == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_published_example(name):
    path = shared_examples() / name
    if not path.exists():
        pytest.skip(f"{name} is not in this copy of the examples")
    expected = EXPECTED[name]
    if expected == IMPORTED:
        read = read_request(path)
        document = read.mapped.document
        assert document["member"]["family_name"] in ("SMITH", "Quinton")
        assert document["requesting_provider"]["npi"] in ("8189991234", "1122334455")
        assert read.mapped.record["sha256"] == read.sha256
        return
    with pytest.raises(FhirRequestError) as refused:
        read_request(path)
    lines = refused.value.lines()
    assert any(expected in line for line in lines), lines
    assert all(line.startswith(str(path)) for line in lines)


def test_the_guides_claimresponses_are_not_requests():
    paths = sorted(shared_examples().glob("davinci-pas-ig-*/ClaimResponse-*.json"))
    assert paths
    for path in paths:
        with pytest.raises(FhirRequestError, match="'ClaimResponse', not Bundle"):
            read_request(path)


def test_the_surgical_example_reads_as_the_guide_states_it():
    read = read_request(shared_examples() / "davinci-pas-ig-2.2.1" /
                        "Bundle-SurgicalRequestBundleExample.json")
    document = read.mapped.document
    assert document["received_at"] == "2020-06-24T07:34:00+05:00"
    assert document["urgency"] == "standard"
    assert document["member"]["id"] == "1122334455", "the Coverage's subscriber id"
    assert document["service"]["procedures"] == [{"code": "33510", "system": "CPT"}]
    assert document["diagnoses"] == [{"code": "C18.9"}]
    warned = {w.field: w.message for w in read.warnings}
    assert "Practitioner/ReferralPractitionerExample is not in the Bundle" in warned[
        "entry[6].resource.practitioner"]
    assert "shape of a CPT code" in warned["entry[0].resource.item[0].productOrService"]


def test_the_referral_examples_nine_digit_npi_is_flagged_in_the_care_team():
    read = read_request(shared_examples() / "davinci-pas-ig-2.0.1" /
                        "Bundle-ReferralAuthorizationBundleExample.json")
    [member] = read.mapped.record["care_team"]
    assert (member["npi"], member["npi_valid"]) == ("987654321", False)
    [item] = read.mapped.record["to_be_coded"]
    assert item["kind"] == "procedure" and item["codes"][0]["code"] == "3"


def test_the_reference_implementations_item_bundle_imports_with_conditions_to_code():
    """HL7-DaVinci/prior-auth's bundle-items.json: Practitioner as provider, SNOMED CT
    Conditions by reference (kept to be coded), a priority without its system, HCPCS codes
    under CPT's URI, a DTR QuestionnaireResponse, no timestamp (received now, said so)."""
    read = read_request(shared_examples() / "prior-auth-ri" / "bundle-items.json")
    record = read.mapped.record
    assert read.mapped.document["requesting_provider"]["name"] == "Jane Betty Doe"
    assert [t["codes"][0]["system_name"] for t in record["to_be_coded"]] == ["SNOMED CT"] * 3
    assert "diagnoses" not in read.mapped.document
    assert record["received_at_from"] == "import"
    assert record["questionnaire_responses"][0]["answers"]
    assert [p["system"] for p in read.mapped.document["service"]["procedures"]] == [
        "HCPCS", "HCPCS"]


def test_a_service_without_criteria_still_imports_for_manual_review(tmp_path):
    """The guide's surgical request (a coronary bypass) completed in the wizard: no criteria
    set, manual review."""
    import json

    from storekit import open_store

    from reviewer_app.core.fhir.importing import import_files
    from reviewer_app.core.store import drafts

    with open_store(tmp_path / "cases.sqlite3") as store:
        [draft] = import_files(store, [shared_examples() / "davinci-pas-ig-2.2.1" /
                                       "Bundle-SurgicalRequestBundleExample.json"])
        document = json.loads(drafts.get_draft(store, draft.draft_id).document)
        document["member"]["birth_date"] = "1960-04-01"
        document["line_of_business"] = "commercial"
        drafts.save_draft(store, draft.draft_id, json.dumps(document))
        assert drafts.finish_draft(store, draft.draft_id).outcome == "no_criteria_set"
