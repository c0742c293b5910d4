"""Letters and signing keys in the case store: keys kept encrypted and audited, which letter a
case gets and who signs it, refusals, corrected letters, one transaction per letter, and the
letter settings beside the database.

The store's own mechanics are exercised with a stand-in ``produce`` (no rendering, so these
run in milliseconds); ``test_issue_letter_renders_signs_and_stores`` goes through reportlab and
pyHanko once. Every store lives under ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

import pytest
from paths import SEED
from storekit import (
    ISSUED,
    NOW,
    PASSPHRASE,
    add_team,
    admin,
    meets_doc,
    open_store,
    organization,
    raw,
    refer_doc,
    reviewer_key,
    text,
)

from reviewer_app.core import issuing
from reviewer_app.core.letters.errors import LetterContentError, LetterRefused
from reviewer_app.core.letters.keys import WrongPassphrase, unlock
from reviewer_app.core.letters.letterhead import DEFAULT_PATH
from reviewer_app.core.letters.settings import FILE_NAME, LetterSettings, load_settings
from reviewer_app.core.letters.verify import load_certificates, verify_pdf
from reviewer_app.core.store import audit, cases, decisions
from reviewer_app.core.store.errors import (
    LetterExistsError,
    StaleCaseError,
    StoreError,
    TamperedCaseError,
    TransitionError,
)
from reviewer_app.core.store.hashing import row_hash
from reviewer_app.core.store.letters import (
    Produced,
    export_letter,
    letter_basis,
    letter_pdf,
    letters_for,
    record_letter,
)
from reviewer_app.core.store.reviewers import (
    add_reviewer,
    add_reviewer_key,
    reviewers_with_keys,
    signing_key,
)
from reviewer_app.core.store.rows import DECISION_COLUMNS, record_hash
from reviewer_app.core.trust.authority import create_authority
from reviewer_app.core.trust.keys import create_reviewer_key

REASON = "The expected survival is under three months, so surgery is unlikely to help this member."
"""An adverse reason in plain words about the member, as the rules require."""
MEMBER_REASON = ("Your doctors expect you to live less than three months, and this surgery "
                 "takes months to recover from.")
ASK = ["A copy of the oncology clinic note from this month"]

TODAY = NOW.date()


@pytest.fixture(scope="module")
def keys():
    """The session's reviewer keys, issued by the session's organization CA."""
    return {"nurse": reviewer_key("Dana Whitfield", "RN", "nurse"),
            "physician": reviewer_key("Sam Okoye", "MD", "physician")}


@pytest.fixture
def store(tmp_path, keys):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        team = add_team(opened)
        opened.nurse, opened.physician = team.nurse, team.physician
        opened.signers = {team.nurse.id: team.nurse, team.physician.id: team.physician}
        cases.import_documents(opened, [("meets.json", text(meets_doc(1))),
                                        ("refer.json", text(refer_doc(2))),
                                        ("meets-3.json", text(meets_doc(3)))])
        yield opened


def decide(store, case_id, decision, by, **extra):
    version = cases.get_case(store, case_id).version
    if cases.get_case(store, case_id).status == "draft":
        version = decisions.assign(store, case_id, reviewer=by.id,
                                   expected_version=version).version
    return decisions.decide(store, case_id, decision, by=by, expected_version=version, **extra)


def fake_produce(letter_id: str, issued_on: dt.date) -> Produced:
    return Produced(f"%PDF-1.7 stand-in for {letter_id} of {issued_on}".encode(), "en")


def issue(store, case_id, recipient="member", **options):
    basis = letter_basis(store, case_id, recipient=recipient, **options)
    return record_letter(store, basis, fake_produce, signer=store.signers[basis.decider.id])


def test_a_reviewer_key_is_stored_encrypted_and_audited(store, keys):
    stored = signing_key(store, store.physician.id)
    assert stored.source == "created" and stored.subject == keys["physician"].subject
    assert stored.fingerprint_sha256 == keys["physician"].fingerprint_sha256
    assert stored.certificate_pem.startswith("-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE KEY" not in stored.pkcs12
    assert unlock(stored.pkcs12, PASSPHRASE).subject == "Sam Okoye, MD"
    with pytest.raises(WrongPassphrase):
        unlock(stored.pkcs12, "not the passphrase")
    assert reviewers_with_keys(store) == {store.nurse.id, store.physician.id}
    created = [e for e in audit.entries(store) if e.details.get("key_id")]
    assert [e.details["reviewer_id"] for e in created] == [store.physician.id, store.nurse.id]
    assert audit.verify_audit(store).ok


def test_a_new_key_signs_from_then_on_and_the_old_one_stays(store):
    first = signing_key(store, store.nurse.id)
    renewed = create_reviewer_key(admin(), name="Dana Whitfield", credentials="RN",
                                  role="nurse", passphrase=PASSPHRASE, now=ISSUED)
    add_reviewer_key(store, store.nurse.id, renewed, admin=admin())
    assert signing_key(store, store.nurse.id).fingerprint_sha256 == renewed.fingerprint_sha256
    assert store.conn.execute("SELECT count(*) FROM reviewer_keys WHERE reviewer_id = ?",
                              (store.nurse.id,)).fetchone()[0] == 2
    assert first.fingerprint_sha256 != renewed.fingerprint_sha256
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        store.conn.execute("UPDATE reviewer_keys SET subject = 'x'")
    store.conn.rollback()
    assert audit.verify_audit(store).ok


def test_a_key_swapped_behind_the_apps_back_does_not_sign(store, keys):
    store.conn.executescript(f"""
        DROP TRIGGER reviewer_keys_keep_update;
        UPDATE reviewer_keys SET certificate_pem = '{keys["nurse"].certificate_pem.decode()}',
          pkcs12 = (SELECT pkcs12 FROM reviewer_keys WHERE reviewer_id = {store.nurse.id})
          WHERE reviewer_id = {store.physician.id};
    """)
    with pytest.raises(TamperedCaseError, match="reviewer_key 2 does not match"):
        signing_key(store, store.physician.id)
    assert not audit.verify_audit(store).ok


def test_each_decision_gives_its_letter_signed_by_the_decider(store):
    decide(store, 1, "approve", store.nurse)
    basis = letter_basis(store, 1, recipient="member")
    assert (basis.letter_type, basis.decider.id, basis.key.reviewer_id) == (
        "approval", store.nurse.id, store.nurse.id)
    assert basis.evaluation.id == basis.decision.evaluation_id
    decide(store, 2, "refer", store.nurse, reason="survival under three months")
    decisions.assign(store, 2, reviewer=store.physician.id,
                     expected_version=cases.get_case(store, 2).version)
    decide(store, 2, "deny", store.physician, reason=REASON, member_reason=MEMBER_REASON)
    assert letter_basis(store, 2, recipient="provider").letter_type == "adverse"
    decide(store, 3, "pend", store.nurse, info_needed_by=TODAY + dt.timedelta(days=5),
           info_added=ASK)
    assert letter_basis(store, 3, recipient="member").letter_type == "pend"


def test_letters_are_refused_before_a_decision_and_adverse_ones_without_a_physician(store):
    with pytest.raises(TransitionError, match="no decision yet"):
        letter_basis(store, 1, recipient="member")
    decisions.assign(store, 2, reviewer=store.nurse.id, expected_version=1)
    with pytest.raises(TransitionError, match="needs a physician's decision"):
        letter_basis(store, 2, recipient="member", letter_type="adverse")
    decide(store, 2, "refer", store.nurse, reason="survival under three months")
    with pytest.raises(TransitionError, match="referred to a physician reviewer"):
        letter_basis(store, 2, recipient="member", letter_type="adverse")
    decide(store, 1, "approve", store.nurse)
    with pytest.raises(TransitionError, match="decided by a nurse reviewer") as refused:
        letter_basis(store, 1, recipient="member", letter_type="adverse")
    assert "physician reviewer's decision" in str(refused.value)
    with pytest.raises(TransitionError, match="gives an approval letter, not a request"):
        letter_basis(store, 1, recipient="member", letter_type="pend")
    with pytest.raises(StoreError, match="reviewer 2 did not decide it"):
        letter_basis(store, 1, recipient="member", signer=store.physician.id)
    with pytest.raises(StoreError, match="not a letter recipient"):
        letter_basis(store, 1, recipient="the neighbours")


def test_only_a_certificate_from_the_organization_ca_makes_a_reviewer(store):
    """An attacker's CA issuing a "Physician reviewer" certificate in a real name, or the
    organization's CA issuing a nurse's certificate offered as a physician's, is refused."""
    _, stranger = create_authority("Example Health Plan", "an attacker's own passphrase",
                                   now=ISSUED)
    entries = len(audit.entries(store))
    forged = create_reviewer_key(stranger, name="Lee Park", credentials="MD", role="physician",
                                 passphrase=PASSPHRASE, now=ISSUED)
    with pytest.raises(StoreError, match="not vouched for by the organization CA"):
        add_reviewer(store, name="Lee Park", credentials="MD", role="physician", key=forged,
                     admin=admin())
    with pytest.raises(StoreError, match="not this database's organization CA"):
        add_reviewer(store, name="Lee Park", credentials="MD", role="physician", key=forged,
                     admin=stranger)
    with pytest.raises(StoreError, match="the certificate says nurse, not physician"):
        add_reviewer(store, name="Dana Whitfield", credentials="RN", role="physician",
                     key=reviewer_key("Dana Whitfield", "RN", "nurse"), admin=admin())
    assert len(audit.entries(store)) == entries
    assert store.conn.execute("SELECT count(*) FROM reviewers").fetchone()[0] == 2


def test_a_letter_is_stored_audited_and_closes_the_case(store):
    decide(store, 1, "approve", store.nurse)
    delivered = []
    basis = letter_basis(store, 1, recipient="member")
    letter = record_letter(store, basis, fake_produce, signer=store.nurse,
                           deliver=delivered.append)
    pdf = letter_pdf(store, letter)
    assert delivered == [pdf]
    assert letter.letter_id == "LTR-000001"
    assert letter.sha256 == hashlib.sha256(pdf).hexdigest() and letter.size == len(pdf)
    assert (letter.letter_type, letter.recipient, letter.language) == ("approval", "member", "en")
    assert cases.get_case(store, 1).status == "letter_issued"
    closed, created = audit.entries(store, case_id=1, limit=2)
    assert created.action == "create" and created.details["letter_id"] == "LTR-000001"
    assert created.details["sha256"] == letter.sha256
    assert closed.action == "change" and closed.details["to"] == "letter_issued"
    provider = issue(store, 1, "provider")
    assert provider.letter_id == "LTR-000002"
    assert cases.get_case(store, 1).status == "letter_issued"
    assert audit.verify_audit(store).ok


def test_a_letter_is_never_made_again_silently(store):
    decide(store, 1, "approve", store.nurse)
    first = issue(store, 1)
    with pytest.raises(LetterExistsError, match="give --replaces LTR-000001"):
        issue(store, 1)
    corrected = issue(store, 1, replaces="LTR-000001")
    assert corrected.replaces == "LTR-000001"
    assert [(x.letter_id, x.replaced_by) for x in letters_for(store, 1)] == [
        (first.letter_id, corrected.letter_id), (corrected.letter_id, None)]
    with pytest.raises(LetterExistsError, match="already replaced by LTR-000002"):
        issue(store, 1, replaces="ltr-000001")
    with pytest.raises(LetterExistsError, match="give --replaces LTR-000002"):
        issue(store, 1)
    with pytest.raises(StoreError, match="replaces a letter of its own kind"):
        issue(store, 1, "provider", replaces="LTR-000002")
    with pytest.raises(StoreError, match="there is no letter LTR-000099"):
        issue(store, 1, replaces="LTR-000099")
    decide(store, 3, "approve", store.nurse)
    with pytest.raises(StoreError, match="letter of case 1, not of case 3"):
        issue(store, 3, replaces="2")
    for statement in ("UPDATE letters SET pdf = x'00'", "DELETE FROM letters"):
        with pytest.raises(sqlite3.IntegrityError, match="issued letter cannot be"):
            store.conn.execute(statement)
        store.conn.rollback()
    assert audit.verify_audit(store).ok


def test_a_new_pend_is_a_new_letter_not_a_duplicate(store):
    decide(store, 3, "pend", store.nurse, info_needed_by=TODAY + dt.timedelta(days=5),
           info_added=ASK)
    issue(store, 3)
    decisions.assign(store, 3, reviewer=store.nurse.id,
                     expected_version=cases.get_case(store, 3).version)
    decide(store, 3, "pend", store.nurse, info_needed_by=TODAY + dt.timedelta(days=9),
           info_added=ASK)
    assert issue(store, 3).letter_id == "LTR-000002"
    assert cases.get_case(store, 3).status == "pended"


def test_a_letter_that_fails_before_its_commit_leaves_only_its_reserved_number(store):
    decide(store, 1, "approve", store.nurse)
    basis = letter_basis(store, 1, recipient="member")

    def broken(letter_id: str, issued_on: dt.date) -> Produced:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        record_letter(store, basis, broken, signer=store.nurse)
    assert letters_for(store, 1) == [] and cases.get_case(store, 1).status == "approved"
    assert audit.verify_audit(store).ok
    assert issue(store, 1).letter_id == "LTR-000002", "a reserved number is never given again"
    with pytest.raises(StaleCaseError):
        record_letter(store, basis, fake_produce, signer=store.nurse)


def test_a_letter_whose_file_fails_after_the_commit_stays_issued(store):
    """The database is the source of truth: the signed bytes are committed first, and a
    file that cannot be written afterwards is written again from them."""
    decide(store, 1, "approve", store.nurse)
    basis = letter_basis(store, 1, recipient="member")

    def broken_disk(_pdf: bytes) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        record_letter(store, basis, fake_produce, signer=store.nurse, deliver=broken_disk)
    [letter] = letters_for(store, 1)
    assert cases.get_case(store, 1).status == "letter_issued"
    written = []
    export_letter(store, letter.letter_id, written.append)
    assert written == [letter_pdf(store, letter)]
    assert audit.entries(store, limit=1)[0].details["letter_id"] == letter.letter_id
    assert audit.verify_audit(store).ok


def test_a_letter_is_refused_when_the_decision_was_edited_with_its_trigger_dropped(store):
    """The reproduction: a physician's deny reason edited with sqlite3 was printed into a
    signed letter. Now the decision is checked against its audit record and its signature
    before anything is signed, and nothing is written."""
    decide(store, 2, "refer", store.nurse, reason="survival under three months")
    decisions.assign(store, 2, reviewer=store.physician.id,
                     expected_version=cases.get_case(store, 2).version)
    decide(store, 2, "deny", store.physician, reason=REASON, member_reason=MEMBER_REASON)
    raw(store, "DROP TRIGGER decisions_keep_update",
        "UPDATE decisions SET reason = 'Edited by someone else entirely, not the physician.' "
        "WHERE decision = 'deny'")
    entries = len(audit.entries(store))
    with pytest.raises(TamperedCaseError, match="record altered: decision 2 does not match"):
        letter_basis(store, 2, recipient="member")
    assert cases.get_case(store, 2).status == "denied" and letters_for(store, 2) == []
    assert len(audit.entries(store)) == entries


def test_a_letter_row_changed_outside_the_app_is_reported(store):
    decide(store, 1, "approve", store.nurse)
    issue(store, 1)
    store.conn.executescript("DROP TRIGGER letters_keep_update;"
                             "UPDATE letters SET pdf = x'255044462d' WHERE id = 1;")
    [fault] = audit.verify_audit(store).row_faults
    assert fault.message.startswith("letter 1 does not match its recorded version")


def test_a_partial_approval_names_what_it_approves(store):
    """The seed case requests a corpectomy, fusion and instrumentation, and a laminotomy."""
    [seed] = cases.import_documents(store, [(str(SEED), SEED.read_text(encoding="utf-8"))])
    requested = [p["code"] for p in json.loads(SEED.read_text())["service"]["procedures"]]
    decisions.assign(store, seed.case_id, reviewer=store.physician.id, expected_version=1)
    reason = "The fusion is approved; the separate decompression is not needed."
    for codes, message in (((), "names the procedure codes it approves"),
                           (("99999",), "99999 was not requested"),
                           (tuple(requested), "that is an approval")):
        with pytest.raises(TransitionError, match=message):
            decisions.decide(store, seed.case_id, "partial", by=store.physician,
                             expected_version=2, reason=reason, approved_codes=codes,
                             member_reason=MEMBER_REASON)
    with pytest.raises(TransitionError, match="belong only to a partial approval"):
        decisions.decide(store, seed.case_id, "approve", by=store.physician,
                         expected_version=2, approved_codes=requested[:1])
    decided = decisions.decide(store, seed.case_id, "partial", by=store.physician,
                               expected_version=2, reason=reason,
                               approved_codes=requested[:-1], member_reason=MEMBER_REASON)
    assert decided.decision.approved_codes == " ".join(requested[:-1])
    basis = letter_basis(store, seed.case_id, recipient="provider")
    assert basis.letter_type == "partial"
    request = issuing.letter_request(basis, letter_id="LTR-000001", issued_on=TODAY,
                                     validity_days=90)
    assert request.approved == tuple(requested[:-1]) and request.denied == (requested[-1],)
    assert audit.verify_audit(store).ok


def test_decisions_hashed_before_approved_codes_existed_still_verify():
    first = DECISION_COLUMNS[:DECISION_COLUMNS.index("approved_codes")]
    row = dict.fromkeys(DECISION_COLUMNS)
    row.update(dict.fromkeys(first, "x"))
    assert record_hash("decisions", row) == row_hash(row, first)
    row["approved_codes"] = "22558"
    assert record_hash("decisions", row) == row_hash(row, (*first, "approved_codes"))
    row["key_id"], row["signature"] = 1, b"signature"
    signed = (*first, "approved_codes", "key_id", "signature")
    assert record_hash("decisions", row) == row_hash(row, signed)
    row["approved_levels"] = "L1 L2"
    assert record_hash("decisions", row) == row_hash(row, (*signed, "approved_levels"))


def test_issue_letter_renders_signs_and_stores(store, keys):
    decide(store, 1, "approve", store.nurse)
    settings = LetterSettings(validity_days=30)
    plan = issuing.plan_letter(store, 1, recipient="member", settings=settings)
    with pytest.raises(LetterRefused, match="not the signer's stored key"):
        issuing.issue_letter(store, plan, store.physician)
    letter = issuing.issue_letter(store, plan, store.nurse)
    request = issuing.letter_request(plan.basis, letter_id=letter.letter_id, issued_on=TODAY,
                                     validity_days=30)
    assert request.authorization_number == f"AUTH-2026-{plan.basis.decision.id:06d}"
    assert request.valid_until == TODAY + dt.timedelta(days=29)
    assert request.decider.signed_name == "Dana Whitfield, RN"
    ca = load_certificates(organization()[0].certificate_pem)
    report = verify_pdf(letter_pdf(store, letter), ca)
    assert report.ok and report.signer == "Dana Whitfield, RN"
    assert not verify_pdf(letter_pdf(store, letter)).ok, "no trust root: unknown signer"


def test_a_request_for_information_needs_something_to_ask_for(store, keys):
    """Case 1 meets criteria, so its evaluation lists nothing missing: a pend must then say in
    words what it asks for, and its letter lists that."""
    with pytest.raises(TransitionError, match="must ask for something"):
        decide(store, 1, "pend", store.nurse, info_needed_by=TODAY + dt.timedelta(days=5))
    assert cases.decisions_for(store, 1) == []
    decide(store, 1, "pend", store.nurse, info_needed_by=TODAY + dt.timedelta(days=5),
           info_added=ASK)
    plan = issuing.plan_letter(store, 1, recipient="provider", settings=LetterSettings())
    request = issuing.letter_request(plan.basis, letter_id="LTR-000001", issued_on=TODAY,
                                     validity_days=90)
    assert request.info_added == tuple(ASK) and request.info_kept == ()


def test_settings_beside_the_database(tmp_path):
    database = tmp_path / "cases.sqlite3"
    assert load_settings(database) == LetterSettings()
    (tmp_path / "ours.yaml").write_text(
        DEFAULT_PATH.read_text(encoding="utf-8").replace(
            "organization: Example Health Plan", "organization: Lakeside Health"),
        encoding="utf-8")
    (tmp_path / "root.pem").write_bytes(organization()[0].certificate_pem)
    settings_file = tmp_path / FILE_NAME
    settings_file.write_text("letterhead: ours.yaml\ntrust_roots: [root.pem]\n"
                             "validity_days: 60\n", encoding="utf-8")
    settings = load_settings(database)
    assert settings.load_letterhead().organization == "Lakeside Health"
    assert len(settings.trust_certificates()) == 1 and settings.validity_days == 60
    settings_file.write_text("letterhead: missing.yaml\nvalidity_days: 400\ncolour: blue\n",
                             encoding="utf-8")
    with pytest.raises(LetterContentError) as refused:
        load_settings(database)
    lines = refused.value.lines()
    assert any(line.startswith(f"{settings_file}: validity_days: ") for line in lines)
    assert any(line.startswith(f"{settings_file}: colour: ") for line in lines)
    settings_file.write_text("letterhead: missing.yaml\n", encoding="utf-8")
    with pytest.raises(LetterContentError, match="no such file"):
        load_settings(database)


def test_a_member_letter_is_in_the_members_language_and_the_provider_letter_in_english(store):
    [spanish] = cases.import_documents(store, [("es.json", text(meets_doc(
        4, **{"member.language": "es"})))])
    decide(store, spanish.case_id, "approve", store.nurse)
    languages = {}
    for recipient in ("member", "provider"):
        plan = issuing.plan_letter(store, spanish.case_id, recipient=recipient,
                                   settings=LetterSettings())
        languages[recipient] = issuing.issue_letter(store, plan, store.nurse).language
    assert languages == {"member": "es", "provider": "en"}
