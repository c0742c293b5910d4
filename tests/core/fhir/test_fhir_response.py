"""Round trips: import a PAS request, complete it as the wizard would, decide it, export the
PAS response, and read the response back with the model library; the review action of
every decision, and what is refused."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhirkit import RI, SPINE, complete, load
from storekit import NOW, add_team, open_store, raw

from reviewer_app.core.fhir.exporting import build_for_case, export_response
from reviewer_app.core.fhir.importing import import_files
from reviewer_app.core.fhir.pas_rules import response_problems
from reviewer_app.core.fhir.reading import parse_request
from reviewer_app.core.fhir.response import ResponseRefused
from reviewer_app.core.store import audit, cases, decisions, drafts
from reviewer_app.core.store.errors import StoreError, TamperedCaseError, TransitionError

PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/"
CODES = ["63090", "22558", "22585", "22612", "22614", "22842", "22854", "63030"]
TODAY = NOW.astimezone().date()


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        yield opened


@pytest.fixture
def team(store):
    return add_team(store)


def imported_case(store, path=SPINE, change=None) -> int:
    [draft] = import_files(store, [path], by=1)
    document = complete(json.loads(drafts.get_draft(store, draft.draft_id).document))
    if change:
        change(document)
    drafts.save_draft(store, draft.draft_id, json.dumps(document))
    return drafts.finish_draft(store, draft.draft_id, by=1).case_id


def decide(store, case_id, decision, by, **kw):
    """An adverse decision gets the member's reason in plain words, as the lifecycle requires;
    the response Bundle carries the clinical rationale only."""
    if decision in ("deny", "partial"):
        kw.setdefault("member_reason", "The surgery asked for is more than your back needs now.")
    case = cases.get_case(store, case_id)
    case = decisions.assign(store, case_id, reviewer=by.id, expected_version=case.version)
    return decisions.decide(store, case_id, decision, by=by, expected_version=case.version,
                            **kw)


def exported(store, case_id, **kw) -> tuple[dict, object]:
    out = []
    response = export_response(store, case_id, out.append, validity_days=90, by=1, **kw)
    Bundle.model_validate_json(out[0]), "the model library reads it back"
    return json.loads(out[0]), response


def actions(bundle: dict) -> list[tuple[int, str, str | None]]:
    found = []
    for item in bundle["entry"][0]["resource"]["item"]:
        parts = item["adjudication"][0]["extension"][0]["extension"]
        code = next(p for p in parts if p["url"] == PAS + "extension-reviewActionCode")
        number = next((p["valueString"] for p in parts if p["url"] == "number"), None)
        found.append((item["itemSequence"], code["valueCodeableConcept"]["coding"][0]["code"],
                      number))
    return found


def test_approval_round_trip(store, team):
    case_id = imported_case(store)
    assert cases.latest_evaluation(store, case_id).outcome == "meets_criteria"
    decided = decide(store, case_id, "approve", team.nurse)
    bundle, response = exported(store, case_id)
    number = f"AUTH-{NOW.year}-{decided.decision.id:06d}"
    assert actions(bundle) == [(i, "A1", number) for i in range(1, 9)]
    answer = bundle["entry"][0]["resource"]
    end = (TODAY + dt.timedelta(days=89)).isoformat()
    assert answer["preAuthRef"] == number
    assert answer["preAuthPeriod"] == {"start": TODAY.isoformat(), "end": end}
    assert answer["item"][0]["extension"][1] == {
        "url": PAS + "extension-itemPreAuthPeriod",
        "valuePeriod": {"start": TODAY.isoformat(), "end": end}}
    assert (answer["status"], answer["use"], answer["outcome"]) == ("active",
                                                                    "preauthorization",
                                                                    "complete")
    assert answer["request"]["reference"] == "http://example.org/fhir/Claim/SpineSurgicalRequest"
    assert answer["extension"] == [{"url": PAS + "extension-claimResponseReviewer",
                                    "extension": [{"url": "wasHumanReviewedFlag",
                                                   "valueBoolean": True}]}]
    assert "Dana Whitfield, RN (nurse reviewer)" in answer["disposition"]
    request = load(SPINE)
    echoed = {e["fullUrl"]: e["resource"] for e in bundle["entry"][1:]}
    original = {e["fullUrl"]: e["resource"] for e in request["entry"]}
    assert set(echoed) == {"http://example.org/fhir/Patient/SpineMember",
                           "http://example.org/fhir/Organization/SpineRequestor",
                           "http://example.org/fhir/Organization/SpineInsurer"}
    assert all(echoed[url] == original[url] for url in echoed), "same fullUrl and content"
    assert bundle["identifier"] == request["identifier"]
    assert response.review_actions == tuple((i, "A1") for i in range(1, 9))
    export = audit.entries(store)[0]
    assert (export.action, export.details["what"], export.details["sha256"]) == (
        "export", "fhir_response", response.sha256)


def test_the_validity_period_is_the_letters(store, team, tmp_path):
    """Issued two days before the export, the approval letter's period is the response's."""
    from reviewer_app.core.issuing import issue_letter, plan_letter
    from reviewer_app.core.letters.settings import LetterSettings

    case_id = imported_case(store)
    decide(store, case_id, "approve", team.nurse)
    plan = plan_letter(store, case_id, recipient="provider", settings=LetterSettings())
    issue_letter(store, plan, team.nurse)
    later = open_store(tmp_path / "cases.sqlite3", NOW + dt.timedelta(days=2))
    bundle, _ = exported(later, case_id)
    answer = bundle["entry"][0]["resource"]
    assert answer["preAuthPeriod"]["start"] == TODAY.isoformat()
    assert bundle["timestamp"] == (NOW + dt.timedelta(days=2)).isoformat(timespec="seconds")


def test_partial_approval_certifies_the_approved_items_and_not_the_others(store, team):
    case_id = imported_case(store)
    reason = ("The fusion levels beyond L1 to L3 are not needed to stabilize the fracture; the "
              "decompression and the L2 corpectomy are approved.")
    decided = decide(store, case_id, "partial", team.physician, reason=reason,
                     approved_codes=["63090", "22558", "22585"])
    bundle, _ = exported(store, case_id)
    number = f"AUTH-{NOW.year}-{decided.decision.id:06d}"
    assert actions(bundle) == [(1, "A1", number), (2, "A1", number), (3, "A1", number)] + [
        (i, "A3", None) for i in range(4, 9)]
    answer = bundle["entry"][0]["resource"]
    assert answer["processNote"] == [{"number": 1, "type": "display", "text": reason}]
    assert [i.get("noteNumber") for i in answer["item"]] == [None] * 3 + [[1]] * 5
    assert answer["preAuthRef"] == number


def test_denial_is_not_certified_with_the_reason(store, team):
    case_id = imported_case(store)
    reason = "The spine is stable and no bone presses on the nerves, so radiation comes first."
    decide(store, case_id, "deny", team.physician, reason=reason)
    bundle, _ = exported(store, case_id)
    assert actions(bundle) == [(i, "A3", None) for i in range(1, 9)]
    answer = bundle["entry"][0]["resource"]
    assert answer["processNote"][0]["text"] == reason
    assert "preAuthRef" not in answer and "preAuthPeriod" not in answer
    assert answer["outcome"] == "complete"


def test_a_pend_is_a4_with_what_is_needed_and_outcome_complete(store, team):
    case_id = imported_case(store, change=lambda d: d["oncology"].pop(
        "expected_survival_months"))
    needed_by = TODAY + dt.timedelta(days=5)
    decide(store, case_id, "pend", team.nurse, info_needed_by=needed_by)
    bundle, _ = exported(store, case_id)
    assert actions(bundle) == [(i, "A4", None) for i in range(1, 9)]
    answer = bundle["entry"][0]["resource"]
    assert answer["outcome"] == "complete", "never queued"
    text = answer["processNote"][0]["text"]
    assert text.startswith(f"Additional information is needed by {needed_by.isoformat()}")
    assert "survival" in text


def test_a_request_without_an_insurer_is_answered_by_the_organization(store, team):
    def fill(document):
        document["requesting_provider"]["npi"] = "1234567893"
        document["diagnoses"] = [{"code": "M48.062"}]
    case_id = imported_case(store, RI, fill)
    decide(store, case_id, "deny", team.physician,
           reason="Fusion is not indicated for stenosis without instability on these films.")
    bundle, _ = exported(store, case_id)
    answer = bundle["entry"][0]["resource"]
    insurer = next(e for e in bundle["entry"] if e["fullUrl"] == answer["insurer"]["reference"])
    assert insurer["resource"] == {"resourceType": "Organization",
                                   "id": insurer["fullUrl"].removeprefix("urn:uuid:"),
                                   "name": "Example Health Plan"}
    assert answer["request"] == {"reference": "Claim/ri-claim"}
    assert "identifier" not in bundle, "the request had none"
    assert answer["requestor"] == {"reference": "Practitioner/ri-practitioner"}


@pytest.mark.parametrize("state", ["in_review", "referred"])
def test_an_undecided_case_is_refused(store, team, state):
    case_id = imported_case(store)
    case = cases.get_case(store, case_id)
    case = decisions.assign(store, case_id, reviewer=1, expected_version=case.version)
    if state == "referred":
        decisions.decide(store, case_id, "refer", by=team.nurse, expected_version=case.version)
    out = []
    with pytest.raises(TransitionError, match=r"not decided yet|has no decision yet"):
        export_response(store, case_id, out.append, validity_days=90)
    assert out == [] and audit.entries(store)[0].action != "export"


def test_a_case_not_imported_from_fhir_is_refused(store, team, seed_case_path):
    [imported] = cases.import_documents(store, [("seed", seed_case_path.read_text())])
    with pytest.raises(StoreError, match="was not imported from a FHIR Bundle"):
        export_response(store, imported.case_id, lambda data: None, validity_days=90)


def test_a_partial_code_no_item_has_is_refused(store, team):
    case_id = imported_case(store, change=lambda d: d["service"]["procedures"].append(
        {"code": "22830", "system": "CPT"}))
    decide(store, case_id, "partial", team.physician, approved_codes=["22830"],
           reason="Only the exploration of the fusion is needed now; the rest is not.")
    with pytest.raises(ResponseRefused, match="approved code 22830 is not the code of any item"):
        export_response(store, case_id, lambda data: None, validity_days=90)


def test_a_decision_changed_outside_the_application_is_refused(store, team):
    case_id = imported_case(store)
    decide(store, case_id, "approve", team.nurse)
    store.conn.execute("DROP TRIGGER decisions_keep_update")
    raw(store, "UPDATE decisions SET decision = 'approve', reason = 'x'")
    with pytest.raises(TamperedCaseError, match="record altered"):
        export_response(store, case_id, lambda data: None, validity_days=90)


def test_the_pas_checks_catch_a_broken_response(store, team):
    case_id = imported_case(store)
    decide(store, case_id, "approve", team.nurse)
    good = json.loads(build_for_case(store, case_id, validity_days=90).data)
    request = parse_request(SPINE.read_bytes(), "spine")
    assert response_problems(good, request) == []

    def broken(change) -> list[str]:
        bundle = copy.deepcopy(good)
        change(bundle, bundle["entry"][0]["resource"])
        return response_problems(bundle, request)

    assert broken(lambda b, r: r.update(outcome="queued")) == [
        "ClaimResponse.outcome 'queued' is not one of complete, partial, error"]
    assert "are not the Claim's items" in broken(lambda b, r: r["item"].pop())[0]
    assert "are not the Claim's items" in broken(
        lambda b, r: r["item"][1].update(itemSequence=1))[0]
    assert "is certified without an authorization number" in broken(
        lambda b, r: r["item"][0]["adjudication"][0]["extension"][0]["extension"].pop(0))[0]
    assert "is not one of A1, A3, A4, A6" in broken(
        lambda b, r: r["item"][0]["adjudication"][0]["extension"][0]["extension"][-1][
            "valueCodeableConcept"]["coding"][0].update(code="A9"))[0]
    assert "without a valid period" in broken(
        lambda b, r: r["item"][0]["extension"][1]["valuePeriod"].update(start="2099-01-01"))[0]
    assert "echoed with other content" in broken(
        lambda b, r: b["entry"][1]["resource"].update(gender="female"))[0]
    assert "does not resolve" in broken(lambda b, r: b["entry"].pop(1))[0]
    assert "names note 2" in broken(lambda b, r: r["item"][0].update(noteNumber=[2]))[0]
    assert "first entry is not a ClaimResponse" in broken(
        lambda b, r: b["entry"].reverse())[-1]
