"""Attachments in the case store: the round trip (bytes equal, hash checked), the kind read
from the content, the size limit, all or nothing, tamper evidence through the audit chain,
drafts' attachments moving to the case they become, and exports recorded before the file."""

from __future__ import annotations

import hashlib
import json

import pytest
from attachkit import jpeg_like, pdf_bytes, png_bytes, seed_report
from paths import SEED
from storekit import open_store, raw

from reviewer_app.core import attachments as kinds
from reviewer_app.core.atomic import write_atomic
from reviewer_app.core.attachments import AttachmentError, check_attachment
from reviewer_app.core.store import attachments, audit, cases, drafts
from reviewer_app.core.store.errors import StoreError, TamperedCaseError

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        yield opened


@pytest.fixture
def case_id(store):
    [imported] = cases.import_documents(store, [("seed.json", SEED_TEXT)])
    return imported.case_id


def counts(store) -> tuple[int, int]:
    return (store.conn.execute("SELECT count(*) FROM attachments").fetchone()[0],
            store.conn.execute("SELECT count(*) FROM audit").fetchone()[0])


def test_round_trip_bytes_equal_and_hash_checked(store, case_id, tmp_path):
    data = pdf_bytes(seed_report())
    path = tmp_path / "MRI report.pdf"
    path.write_bytes(data)
    record = attachments.attach_file(store, path, case_id=case_id)
    assert (record.name, record.kind, record.media_type, record.size) == (
        "MRI report.pdf", "pdf", "application/pdf", len(data))
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert record.case_id == case_id and record.who == store.os_user
    [listed] = attachments.attachments_for(store, case_id=case_id)
    assert listed == record
    read = attachments.read_attachment(store, record.id)
    assert read.data == data and hashlib.sha256(read.data).hexdigest() == read.record.sha256
    out = tmp_path / "copy.pdf"
    attachments.export_attachment(store, record.id, lambda b: write_atomic(out, b))
    assert out.read_bytes() == data
    entries = audit.entries(store, case_id=case_id, newest_first=False)
    assert [e.action for e in entries][-3:] == ["attach", "view", "export"]
    assert entries[-3].details == {"attachment_id": record.id, "kind": "pdf",
                                   "size": len(data), "sha256": record.sha256}
    assert audit.verify_audit(store).ok
    check = audit.verify_case(store, case_id)
    assert check.ok and check.records == 2, check.lines()


@pytest.mark.parametrize(("data", "name", "kind"), [
    (pdf_bytes("No acute fracture."), "report.txt", "pdf"),
    (png_bytes(), "scan.pdf", "png"),
    (jpeg_like(), "fax page 1", "jpeg"),
    (b"Impression: L2 lytic lesion.\r\n\fPage 2", "report.pdf", "text"),
    (b"\xef\xbb\xbfCT L2: burst fracture.", "ct.txt", "text"),
])
def test_the_kind_is_read_from_the_content_not_the_name(data, name, kind):
    assert check_attachment(data, name).kind == kind


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "the file is empty"),
    (b"PK\x03\x04" + b"\x00" * 40, "ZIP archive"),
    (b"II*\x00" + b"\x00" * 40, "TIFF image"),
    (pdf_bytes("x")[:-200], "cut short"),
    (png_bytes()[:-12], "cut short"),
    (b"\x00" * 128 + b"DICM" + b"\x00" * 40, "DICOM image"),
    (b"\xff\xfeI\x00", "UTF-16"),
    (bytes(range(256)) * 4, "not a PDF, a PNG or JPEG image, or UTF-8 text"),
    (b"MZ\x00\x00\x03ELF", "control character"),
])
def test_other_kinds_are_refused_with_the_reason(store, case_id, tmp_path, data, reason):
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    before = counts(store)
    with pytest.raises(AttachmentError, match=reason) as refused:
        attachments.attach_file(store, path, case_id=case_id)
    assert refused.value.lines()[0].startswith(f"{path}: (file): ")
    assert counts(store) == before, "nothing stored"


def test_the_size_limit_says_why(store, case_id, tmp_path, monkeypatch):
    monkeypatch.setattr(kinds, "MAX_BYTES", 2048)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 3072)
    with pytest.raises(AttachmentError, match=r"3,072 bytes \(3\.0 KB\), the limit of 2,048 "
                                              r"bytes \(2\.0 KB\) for an attachment"):
        attachments.attach_file(store, path, case_id=case_id)
    with pytest.raises(AttachmentError, match="a character device, not a regular file"):
        attachments.attach_file(store, "/dev/zero", case_id=case_id)
    assert counts(store)[0] == 0
    assert "20 MiB" in kinds.__doc__


def test_an_attach_that_fails_midway_stores_nothing(store, case_id, monkeypatch):
    before = counts(store)

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(audit.AuditLog, "append", broken)
    with pytest.raises(OSError):
        attachments.attach(store, check_attachment(b"text", "a.txt"), case_id=case_id)
    monkeypatch.undo()
    assert counts(store) == before
    with pytest.raises(StoreError, match="there is no case 99"):
        attachments.attach(store, check_attachment(b"text", "a.txt"), case_id=99)
    assert counts(store) == before


def test_bytes_changed_outside_the_application_are_refused_as_record_altered(store, case_id):
    record = attachments.attach(store, check_attachment(b"Impression: no fracture.", "r.txt"),
                                case_id=case_id)
    store.conn.execute("DROP TRIGGER attachments_keep_content")
    raw(store, "UPDATE attachments SET content = X'496d7072657373696f6e3a206275727374' "
               f"WHERE id = {record.id}")
    with pytest.raises(TamperedCaseError, match="record altered: attachment 1's bytes do not "
                                                "match its sha256"):
        attachments.read_attachment(store, record.id)
    with pytest.raises(TamperedCaseError, match="record altered"):
        attachments.export_attachment(store, record.id, lambda _b: pytest.fail("written"))
    report = audit.verify_audit(store)
    assert not report.ok
    assert any("attachment 1 does not match" in f.message for f in report.row_faults)
    assert not audit.verify_case(store, case_id).ok


def test_a_consistent_rewrite_still_fails_its_audit_record(store, case_id):
    """Bytes, size and sha256 rewritten together: the row's hash in the audit trail differs."""
    record = attachments.attach(store, check_attachment(b"no fracture", "r.txt"),
                                case_id=case_id)
    other = b"burst fracture"
    store.conn.execute("DROP TRIGGER attachments_keep_content")
    raw(store, f"UPDATE attachments SET content = X'{other.hex()}', size = {len(other)}, "
               f"sha256 = '{hashlib.sha256(other).hexdigest()}' WHERE id = {record.id}")
    with pytest.raises(TamperedCaseError, match="attachment 1 does not match its audit record"):
        attachments.read_attachment(store, record.id)


def test_a_cases_attachments_cannot_be_changed_deleted_or_moved(store, case_id):
    record = attachments.attach(store, check_attachment(b"report", "r.txt"), case_id=case_id)
    for statement, message in (
            ("UPDATE attachments SET name = 'x'", "cannot be changed"),
            ("UPDATE attachments SET case_id = NULL", "stays with that case"),
            ("DELETE FROM attachments", "cannot be deleted")):
        with pytest.raises(Exception, match=message):
            store.conn.execute(f"{statement} WHERE id = {record.id}")
    store.conn.rollback()
    store.conn.execute("DROP TRIGGER attachments_keep_delete")
    raw(store, f"DELETE FROM attachments WHERE id = {record.id}")
    report = audit.verify_audit(store)
    assert "attachment 1 is missing: it was deleted outside the application" in [
        f.message for f in report.row_faults]


def test_a_drafts_attachments_go_to_the_case_it_becomes(store):
    draft = drafts.start_draft(store, SEED_TEXT)
    pdf = attachments.attach(store, check_attachment(pdf_bytes(seed_report()), "mri.pdf"),
                             draft_id=draft.id)
    assert (pdf.case_id, pdf.draft_id) == (None, draft.id)
    assert attachments.attachments_for(store, draft_id=draft.id) == [pdf]
    assert audit.verify_audit(store).ok
    finished = drafts.finish_draft(store, draft.id)
    [moved] = attachments.attachments_for(store, case_id=finished.case_id)
    assert (moved.id, moved.case_id, moved.draft_id) == (pdf.id, finished.case_id, draft.id)
    assert attachments.attachments_for(store, draft_id=draft.id) == []
    entries = audit.entries(store, case_id=finished.case_id, newest_first=False)
    assert [e.action for e in entries] == ["create", "evaluate", "attach"]
    assert entries[-1].details == {"attachment_id": pdf.id, "sha256": pdf.sha256,
                                   "from_draft": draft.id}
    assert audit.verify_audit(store).ok
    assert audit.verify_case(store, finished.case_id).ok
    assert attachments.read_attachment(store, pdf.id).data == pdf_bytes(seed_report())


def test_a_refused_save_keeps_the_attachments_with_the_draft(store):
    draft = drafts.start_draft(store, json.dumps({"format": "ur-case/1"}))
    record = attachments.attach(store, check_attachment(b"report", "r.txt"), draft_id=draft.id)
    with pytest.raises(Exception, match="required field is missing"):
        drafts.finish_draft(store, draft.id)
    assert attachments.attachments_for(store, draft_id=draft.id) == [record]


def test_discarding_a_draft_removes_its_attachments_and_the_trail_holds(store):
    draft = drafts.start_draft(store, SEED_TEXT)
    kept = attachments.attach(store, check_attachment(b"one", "1.txt"), draft_id=draft.id)
    mistake = attachments.attach(store, check_attachment(b"two", "2.txt"), draft_id=draft.id)
    attachments.remove_from_draft(store, mistake.id)
    assert attachments.attachments_for(store, draft_id=draft.id) == [kept]
    drafts.discard_draft(store, draft.id)
    assert counts(store)[0] == 0
    removed = [e.details for e in audit.entries(store, newest_first=False)
               if e.action == "attachment_remove"]
    assert [(d["attachment_id"], d["why"]) for d in removed] == [
        (mistake.id, "removed from the draft"), (kept.id, "draft discarded")]
    assert audit.verify_audit(store).ok, audit.verify_audit(store).lines()


def test_a_cases_attachment_is_never_removed(store, case_id):
    record = attachments.attach(store, check_attachment(b"one", "1.txt"), case_id=case_id)
    with pytest.raises(StoreError, match="kept with it and cannot be removed"):
        attachments.remove_from_draft(store, record.id)


def test_an_export_is_recorded_before_the_file_is_written(store, case_id):
    record = attachments.attach(store, check_attachment(b"report", "r.txt"), case_id=case_id)

    def full_disk(_data: bytes) -> None:
        raise OSError("No space left on device")

    with pytest.raises(OSError):
        attachments.export_attachment(store, record.id, full_disk)
    [last] = audit.entries(store, case_id=case_id, limit=1)
    assert (last.action, last.details) == ("export", {"attachment_id": record.id,
                                                      "sha256": record.sha256, "to": "file"})


def test_a_studys_report_attachment_is_found_by_its_hash(store, case_id):
    record = attachments.attach(store, check_attachment(b"report", "r.txt"), case_id=case_id)
    assert attachments.find_by_sha256(store, record.sha256, case_id=case_id) == record
    assert attachments.find_by_sha256(store, "0" * 64, case_id=case_id) is None


def test_report_text_from_a_document():
    text = kinds.as_report_text("L2 lesion.\r\n\f\x1bPage 2\u202e" + " end" * 6000)
    assert text.text.startswith("L2 lesion.\n\n Page 2 end")
    assert len(text.text) <= kinds.REPORT_TEXT_LENGTH
    assert any("cut at 20,000" in note for note in text.notes)
    assert any("2 control or direction characters" in note for note in text.notes)
