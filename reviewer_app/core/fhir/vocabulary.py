"""The URIs and codes the FHIR import and export read and write, each checked against its
source (docs/fhir.md lists them with where each was confirmed).

The model library does not check code values (a ``use`` of ``"preauthorisation"`` or a
review action of ``"A9"`` validates), so every code this application relies on is compared
here, by system and code.
"""

from __future__ import annotations

PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/"
"""Da Vinci PAS profiles and extensions (PAS IG 2.x, input/fsh)."""

REQUEST_BUNDLE_PROFILE = PAS + "profile-pas-request-bundle"
INQUIRY_BUNDLE_PROFILE = PAS + "profile-pas-inquiry-request-bundle"
CLAIM_INQUIRY_PROFILE = PAS + "profile-claim-inquiry"
RESPONSE_BUNDLE_PROFILE = PAS + "profile-pas-response-bundle"
CLAIM_RESPONSE_PROFILE = PAS + "profile-claimresponse"

REVIEW_ACTION = PAS + "extension-reviewAction"
REVIEW_ACTION_CODE = PAS + "extension-reviewActionCode"
"""A named slice of ``extension-reviewAction`` with its own extension, so its ``url`` is the
full canonical URL; the ``number`` and ``reasonCode`` slices are local (``"number"``)."""
ITEM_PRE_AUTH_PERIOD = PAS + "extension-itemPreAuthPeriod"
ITEM_PRE_AUTH_ISSUE_DATE = PAS + "extension-itemPreAuthIssueDate"
CLAIM_RESPONSE_REVIEWER = PAS + "extension-claimResponseReviewer"
"""``wasHumanReviewedFlag`` (1..1, boolean), ``reviewerNPI`` (0..1, Identifier)."""
REQUESTED_SERVICE = PAS + "extension-requestedService"
CERTIFICATION_TYPE = PAS + "extension-certificationType"
INFO_CANCELLED = PAS + "extension-infoCancelled"

X12_REVIEW_ACTION = "https://codesystem.x12.org/005010/306"
"""X12 306 (HCR01), the PAS review action codes."""
CERTIFIED_IN_TOTAL = "A1"
NOT_CERTIFIED = "A3"
PENDED = "A4"
MODIFIED = "A6"
REVIEW_ACTION_DISPLAY = {CERTIFIED_IN_TOTAL: "Certified in total", NOT_CERTIFIED:
                         "Not Certified", PENDED: "Pending", MODIFIED: "Modified"}

ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication"
SUBMITTED = "submitted"
"""PAS fixes ``ClaimResponse.item.adjudication.category`` to ``submitted``."""
NOTE_TYPE_DISPLAY = "display"
"""``ClaimResponse.processNote.type`` (R4: a code of http://hl7.org/fhir/note-type)."""

PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority"
URGENCY_FOR_PRIORITY = {"stat": "expedited", "normal": "standard", "deferred": "standard"}
"""``Claim.priority`` (R4 processpriority: stat, normal, deferred) -> ``urgency``."""

NPI = "http://hl7.org/fhir/sid/us-npi"
MEMBER_ID_TYPE = ("http://terminology.hl7.org/CodeSystem/v2-0203", "MB")
"""A Patient identifier typed as the member number (HL7 v2 table 0203, MB)."""

ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
DIAGNOSIS_SYSTEMS = {
    ICD10CM: "ICD-10-CM",
    "http://hl7.org/fhir/sid/icd-10": "ICD-10 (WHO)",
    "http://hl7.org/fhir/sid/icd-9-cm": "ICD-9-CM",
    "http://snomed.info/sct": "SNOMED CT",
}
"""Names shown for a diagnosis that must be coded by hand; any other system is shown as its
URI."""

CPT = "http://www.ama-assn.org/go/cpt"
HCPCS = (
    "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
    "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
)
PROCEDURE_SYSTEMS = {CPT: "CPT", **dict.fromkeys(HCPCS, "HCPCS")}
"""What a sender says a code is; the code's shape decides (senders mislabel)."""

CLAIM_USE = "preauthorization"
CLAIM_STATUS = "active"
