"""The stored original: the Bundle's bytes kept with its draft and then its case, audited,
exported exactly; an import of several Bundles is all or nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from fhirkit import RI, SPINE, changed, claim, complete, write
from storekit import open_store, raw

from reviewer_app.core.fhir.importing import import_files
from reviewer_app.core.store import audit, drafts, fhir_requests
from reviewer_app.core.store.errors import ImportRefused, TamperedCaseError


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        yield opened


def finish(store, draft_id: int) -> int:
    draft = drafts.get_draft(store, draft_id)
    drafts.save_draft(store, draft_id, json.dumps(complete(json.loads(draft.document))))
    return drafts.finish_draft(store, draft_id).case_id


def test_the_bundle_is_kept_byte_for_byte_with_its_draft_then_its_case(store):
    [imported] = import_files(store, [SPINE])
    stored = fhir_requests.for_draft(store, imported.draft_id)
    assert stored.bundle == SPINE.read_bytes()
    assert stored.sha256 == hashlib.sha256(SPINE.read_bytes()).hexdigest() == imported.sha256
    assert stored.case_id is None and stored.source == str(SPINE)
    [start] = [e for e in audit.entries(store) if e.action == "draft_start"]
    assert start.details == {"draft_id": imported.draft_id, "fhir_request_id": stored.id,
                             "sha256": stored.sha256}
    case_id = finish(store, imported.draft_id)
    assert fhir_requests.request_for_case(store, case_id).bundle == SPINE.read_bytes()
    attach = next(e for e in audit.entries(store) if e.action == "change")
    assert attach.case_id == case_id and attach.details["fhir_request_id"] == stored.id
    assert audit.verify_audit(store).ok
    assert audit.verify_case(store, case_id).ok
    assert "Okafor" not in json.dumps([e.details for e in audit.entries(store)])


def test_the_request_is_exported_exactly_and_the_export_audited(store):
    [imported] = import_files(store, [SPINE])
    case_id = finish(store, imported.draft_id)
    out = []
    fhir_requests.export_request(store, case_id, out.append)
    assert out == [SPINE.read_bytes()]
    entry = audit.entries(store)[0]
    assert (entry.action, entry.details["what"], entry.details["sha256"]) == (
        "export", "fhir_request", imported.sha256)


def test_a_stored_request_cannot_be_changed_or_deleted(store):
    [imported] = import_files(store, [SPINE])
    finish(store, imported.draft_id)
    for statement in ("UPDATE fhir_requests SET bundle = x'00'",
                      "UPDATE fhir_requests SET case_id = NULL",
                      "DELETE FROM fhir_requests"):
        with pytest.raises(sqlite3.IntegrityError, match="received FHIR request"):
            store.conn.execute(statement)
        store.conn.rollback()


def test_a_request_changed_outside_the_application_is_refused(store):
    [imported] = import_files(store, [SPINE])
    case_id = finish(store, imported.draft_id)
    store.conn.execute("DROP TRIGGER fhir_requests_keep_update")
    raw(store, "UPDATE fhir_requests SET bundle = CAST('{}' AS BLOB)")
    with pytest.raises(TamperedCaseError, match="record altered: fhir_request 1 does not match"):
        fhir_requests.export_request(store, case_id, lambda data: None)
    assert not audit.verify_audit(store).ok


def test_a_discarded_draft_keeps_the_bundle_it_was_read_from(store):
    [imported] = import_files(store, [RI])
    drafts.discard_draft(store, imported.draft_id)
    assert fhir_requests.for_draft(store, imported.draft_id).bundle == RI.read_bytes()
    assert audit.verify_audit(store).ok


def test_an_import_of_several_bundles_is_all_or_nothing(store, tmp_path):
    bad = write(tmp_path, changed(lambda b: claim(b).update(use="claim")), "bad.json")
    with pytest.raises(ImportRefused) as refused:
        import_files(store, [SPINE, RI, bad])
    assert refused.value.lines() == [f"{bad}: entry[0].resource.use: 'claim', not "
                                     "preauthorization: only a prior-authorization request can "
                                     "be reviewed"]
    assert drafts.list_drafts(store) == []
    assert store.query_one("SELECT count(*) FROM fhir_requests")[0] == 0
    assert audit.entries(store) == []
    done = import_files(store, [SPINE, RI])
    assert [d.draft_id for d in done] == [1, 2]


def test_case_files_and_bundles_are_read_then_stored_together(store, seed_case_path, tmp_path):
    from reviewer_app.core.fhir.importing import read_files, store_files

    bad = write(tmp_path, changed(lambda b: b.update(type="batch")), "bad.json")
    refused = read_files([seed_case_path, bad])
    assert [e.source for e in refused.problems] == [str(bad)]
    with pytest.raises(ImportRefused):
        store_files(store, refused)
    assert store.query_one("SELECT count(*) FROM cases")[0] == 0
    read = read_files([seed_case_path, SPINE])
    assert (len(read.documents), len(read.requests), read.problems) == (1, 1, [])
    imported, drafted = store_files(store, read)
    assert [i.case_id for i in imported] == [1] and [d.draft_id for d in drafted] == [1]
    assert not fhir_requests.has_request(store, 1), "the case file has no Bundle"
    case_id = finish(store, drafted[0].draft_id)
    assert fhir_requests.has_request(store, case_id)
    assert audit.verify_audit(store).ok
