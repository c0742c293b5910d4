"""What the desktop's sign-in asks of the store: a reviewer's optional NPI (checked, hashed only
when given, so the rows hashed before it still verify), sign-in, sign-out and lock entries in
the audit trail, and backups signed by the reviewer who is signed in, with the last backup's
time read back."""

from __future__ import annotations

import pytest
from storekit import NOW, PASSPHRASE, add_team, admin, init_organization, open_store, reviewer_key

from reviewer_app.core.store import audit
from reviewer_app.core.store.backup import backup, last_backup
from reviewer_app.core.store.errors import StoreError
from reviewer_app.core.store.records import list_reviewers
from reviewer_app.core.store.reviewers import (
    add_reviewer,
    check_npi,
    get_reviewer,
    record_session,
    unlock_reviewer,
)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        yield opened


def test_a_reviewer_may_have_an_npi_with_a_valid_check_digit(store):
    init_organization(store)
    assert check_npi("  ") is None
    with pytest.raises(StoreError, match=r"NPI 1234567890 fails the check digit"):
        check_npi("1234567890")
    with pytest.raises(StoreError, match=r"an NPI is exactly 10 digits, not '12345'"):
        check_npi("12345")
    with pytest.raises(StoreError, match="fails the check digit"):
        add_reviewer(store, name="Jordan Park", credentials="MD", role="physician",
                     key=reviewer_key("Jordan Park", "MD", "physician"), admin=admin(),
                     npi="1234567890")
    assert list_reviewers(store) == []
    jordan = add_reviewer(store, name="Jordan Park", credentials="MD", role="physician",
                          key=reviewer_key("Jordan Park", "MD", "physician"), admin=admin(),
                          npi=" 1234567893 ")
    dana = add_reviewer(store, name="Dana Whitfield", credentials="RN", role="nurse",
                        key=reviewer_key("Dana Whitfield", "RN", "nurse"), admin=admin())
    assert get_reviewer(store, jordan.id, check=True).npi == "1234567893"
    assert get_reviewer(store, dana.id, check=True).npi is None
    assert audit.verify_audit(store).ok


def test_an_npi_changed_behind_the_application_s_back_is_an_altered_record(store):
    add_team(store)
    store.conn.execute("UPDATE reviewers SET npi = '1234567893' WHERE id = 1")
    store.conn.commit()
    report = audit.verify_audit(store)
    assert not report.ok
    assert "record altered: reviewer 1 does not match its recorded version" in report.lines()[0]


def test_sessions_are_recorded_in_the_audit_trail(store):
    team = add_team(store)
    record_session(store, "sign_in", team.nurse.id)
    record_session(store, "lock", team.nurse.id, reason="idle")
    record_session(store, "sign_out", team.nurse.id)
    with pytest.raises(ValueError, match="not a session action"):
        record_session(store, "view", team.nurse.id)
    recorded = [(e.action, e.reviewer_id, e.details) for e in audit.entries(store)[:3]]
    assert recorded == [("sign_out", 1, {}), ("lock", 1, {"reason": "idle"}),
                        ("sign_in", 1, {})]
    assert audit.verify_audit(store).ok


def test_a_backup_signed_by_the_signed_in_reviewer(store, tmp_path):
    team = add_team(store)
    assert last_backup(store) is None
    result = backup(store, tmp_path, by=team.nurse.id, signer=team.nurse)
    assert last_backup(store) == NOW
    entries = [e for e in audit.entries(store, newest_first=False) if e.action == "backup"]
    assert [(e.reviewer_id, "checkpoint" in e.details) for e in entries] == [(1, True),
                                                                            (1, False)]
    with open_store(result.path) as copy:
        report = audit.verify_audit(copy)
        assert report.ok and report.checkpoints >= 1
    with pytest.raises(StoreError, match="one signer"):
        backup(store, tmp_path / "two.sqlite3", by=1, signer=team.nurse, admin=admin())
    with pytest.raises(StoreError, match="taken by them"):
        backup(store, tmp_path / "other.sqlite3", by=2, signer=team.nurse)
    assert unlock_reviewer(store, 1, PASSPHRASE).id == 1
