"""Intake drafts in the store: autosave, list, resume, discard (audited), and finish as an
import or as a new version of the edited case, all or nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from paths import ROOT, SEED
from storekit import add_signer, meets_doc, open_store, text

from reviewer_app.core.case_file import CaseFileError, parse_case
from reviewer_app.core.store import audit, cases, decisions, drafts
from reviewer_app.core.store.errors import StaleCaseError, TransitionError

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        yield opened


def partial(**fields) -> str:
    return json.dumps({"format": "ur-case/1", **fields})


def actions(store) -> list[tuple[str, dict]]:
    return [(e.action, e.details) for e in audit.entries(store, newest_first=False)]


def test_start_save_list_and_resume(store):
    draft = drafts.start_draft(store, partial())
    assert draft.summary.member_name is None and draft.summary.case_id is None
    drafts.save_draft(store, draft.id, partial(member={"family_name": "Okafor",
                                                       "given_name": "Daniel"},
                                               external_id="PA-1"))
    [listed] = drafts.list_drafts(store)
    assert (listed.id, listed.member_name, listed.external_id) == (draft.id, "Okafor, Daniel",
                                                                   "PA-1")
    assert listed.saves == 2
    again = drafts.get_draft(store, draft.id)
    assert json.loads(again.document)["member"]["family_name"] == "Okafor"
    assert actions(store) == [("draft_start", {"draft_id": draft.id})], "saves are not audited"


def test_a_draft_is_patient_data_audited_by_number_only(store):
    draft = drafts.start_draft(store, SEED_TEXT)
    drafts.discard_draft(store, draft.id)
    assert drafts.list_drafts(store) == []
    assert actions(store) == [("draft_start", {"draft_id": 1}), ("draft_discard",
                                                                 {"draft_id": 1})]
    raw = json.dumps([e.details for e in audit.entries(store)])
    assert "Okafor" not in raw and "W884120375" not in raw
    with pytest.raises(drafts.UnknownDraftError, match="saved as a case or discarded"):
        drafts.save_draft(store, draft.id, SEED_TEXT)
    assert drafts.start_draft(store, partial()).id == 2, "numbers are never reused"


def test_finishing_imports_the_case_and_removes_the_draft_in_one_go(store):
    draft = drafts.start_draft(store, partial())
    drafts.save_draft(store, draft.id, SEED_TEXT)
    finished = drafts.finish_draft(store, draft.id)
    assert (finished.case_id, finished.version, finished.created, finished.outcome) == (
        1, 1, True, "meets_criteria")
    assert drafts.list_drafts(store) == []
    stored = cases.case_row(store, 1)
    assert stored["status"] == "draft"
    assert parse_case(stored["document"], "stored") == parse_case(SEED_TEXT, "seed")
    assert [a for a, _ in actions(store)] == ["draft_start", "create", "evaluate"]
    assert actions(store)[1][1]["draft_id"] == draft.id
    assert audit.verify_audit(store).ok


def test_an_invalid_draft_is_refused_and_kept(store):
    broken = json.loads(SEED_TEXT)
    broken["requesting_provider"]["npi"] = "1234567890"
    draft = drafts.start_draft(store, json.dumps(broken))
    with pytest.raises(CaseFileError) as error:
        drafts.finish_draft(store, draft.id)
    assert error.value.lines() == [
        f"draft {draft.id}: requesting_provider.npi: NPI 1234567890 fails the check digit "
        "(Luhn with prefix 80840)"]
    assert [d.id for d in drafts.list_drafts(store)] == [draft.id]
    assert store.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0


def test_editing_a_case_stores_a_new_version_with_its_evaluation(store):
    cases.import_documents(store, [("a.json", text(meets_doc(1)))])
    draft = drafts.start_draft(store, cases.case_row(store, 1)["document"], case_id=1)
    assert (draft.summary.case_id, draft.summary.case_version) == (1, 1)
    assert drafts.draft_for_case(store, 1).id == draft.id
    changed = json.loads(draft.document)
    changed["oncology"]["expected_survival_months"] = 2
    drafts.save_draft(store, draft.id, json.dumps(changed))
    finished = drafts.finish_draft(store, draft.id)
    assert (finished.case_id, finished.version, finished.created) == (1, 2, False)
    assert finished.outcome == "refer_to_physician"
    row = cases.case_row(store, 1)
    assert json.loads(row["document"])["oncology"]["expected_survival_months"] == 2
    assert cases.latest_evaluation(store, 1).case_version == 2
    done = [a for a, _ in actions(store)]
    assert done[-2:] == ["edit", "evaluate"], "saved as the case's next version, evaluated"
    assert "draft_start" in done[:-2]
    assert audit.verify_audit(store).ok


def test_an_unchanged_edit_stores_no_new_version(store):
    cases.import_documents(store, [("a.json", text(meets_doc(1)))])
    draft = drafts.start_draft(store, cases.case_row(store, 1)["document"], case_id=1)
    finished = drafts.finish_draft(store, draft.id)
    assert finished.version == 1 and drafts.list_drafts(store) == []


def test_a_stale_edit_is_refused_with_the_reason_and_the_draft_kept(store):
    nurse = add_signer(store, "Dana Whitfield", "RN", "nurse").id
    cases.import_documents(store, [("a.json", text(meets_doc(1)))])
    draft = drafts.start_draft(store, cases.case_row(store, 1)["document"], case_id=1)
    decisions.assign(store, 1, reviewer=nurse, expected_version=1)
    changed = json.loads(draft.document)
    changed["notes"] = "more"
    drafts.save_draft(store, draft.id, json.dumps(changed))
    with pytest.raises(StaleCaseError, match="you read version 1, it is now version 2"):
        drafts.finish_draft(store, draft.id)
    assert drafts.get_draft(store, draft.id).summary.case_version == 1
    assert cases.case_row(store, 1)["version"] == 2


def test_a_decided_case_cannot_be_edited(store):
    nurse = add_signer(store, "Dana Whitfield", "RN", "nurse")
    cases.import_documents(store, [("a.json", text(meets_doc(1)))])
    decisions.assign(store, 1, reviewer=nurse.id, expected_version=1)
    decisions.decide(store, 1, "approve", by=nurse, expected_version=2)
    draft = drafts.start_draft(store, cases.case_row(store, 1)["document"], case_id=1)
    changed = json.loads(draft.document)
    changed["notes"] = "more"
    drafts.save_draft(store, draft.id, json.dumps(changed))
    with pytest.raises(TransitionError, match="already been decided"):
        drafts.finish_draft(store, draft.id)


AUTOSAVER = """
import json, sys
from reviewer_app.core.store import drafts
from reviewer_app.core.store.database import Store
store = Store.open(sys.argv[1])
draft = drafts.start_draft(store, json.dumps({"format": "ur-case/1"}))
for n in range(100000):
    drafts.save_draft(store, draft.id, json.dumps({"format": "ur-case/1", "notes": str(n)}))
    print(n, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_save_that_returned_survives_sigkill(tmp_path):
    """synchronous=FULL in WAL mode: a save that returned is in the WAL file on disk."""
    path = tmp_path / "cases.sqlite3"
    process = subprocess.Popen([sys.executable, "-c", AUTOSAVER, str(path)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    last = None
    for line in process.stdout:
        last = int(line)
        if last >= 30:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        [summary] = drafts.list_drafts(store)
        kept = int(json.loads(drafts.get_draft(store, summary.id).document)["notes"])
        assert kept >= last
