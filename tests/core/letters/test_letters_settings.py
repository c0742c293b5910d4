"""Writing an organization's letter settings: the letterhead file and ``letters.yaml`` are
checked as they are read (nothing written when refused), written atomically, and read back by
``load_settings`` exactly as the command line's ``letter`` and ``verify`` read them."""

from __future__ import annotations

import pytest
from storekit import organization

from reviewer_app.core.letters.errors import LetterContentError
from reviewer_app.core.letters.letterhead import load_letterhead, save_letterhead
from reviewer_app.core.letters.settings import (
    letterhead_document,
    load_settings,
    save_organization_letterhead,
    save_settings,
    settings_path,
)


@pytest.fixture
def database(tmp_path):
    return tmp_path / "cases.sqlite3"


def shipped() -> dict:
    return letterhead_document(load_letterhead())


def test_the_letterhead_is_written_beside_the_database_and_named_in_letters_yaml(database):
    document = {**shipped(), "organization": "Lakeside Health Plan", "phone": "1-800-555-0199"}
    target = save_organization_letterhead(database, document)
    assert target == database.parent / "letterhead.yaml"
    settings = load_settings(database)
    assert settings.letterhead == target and settings.validity_days == 90
    letterhead = settings.load_letterhead()
    assert (letterhead.organization, letterhead.phone) == ("Lakeside Health Plan",
                                                           "1-800-555-0199")
    assert letterhead.taglines == load_letterhead().taglines
    assert target.stat().st_mode & 0o777 == 0o600

    save_settings(database, letterhead=target, trust_roots=(), validity_days=30)
    again = {**document, "tty": "1-800-555-0197"}
    assert save_organization_letterhead(database, again) == target  # the file named stays
    settings = load_settings(database)
    assert settings.validity_days == 30 and settings.load_letterhead().tty == "1-800-555-0197"


def test_a_refused_letterhead_writes_nothing(database):
    for change, key in (({"organization": "Lakeside \U0001d518"}, "organization"),
                        ({"address": []}, "address"),
                        ({"fax": 5, "extra": "x"}, "extra")):
        with pytest.raises(LetterContentError) as refused:
            save_organization_letterhead(database, {**shipped(), **change})
        assert any(f": {key}" in line for line in refused.value.lines())
    assert list(database.parent.iterdir()) == []
    with pytest.raises(LetterContentError, match="logo: no such file"):
        save_letterhead(database.parent / "letterhead.yaml", {**shipped(), "logo": "logo.png"})


def test_trust_roots_and_validity_are_checked_before_letters_yaml_is_written(database):
    roots = database.parent / "roots"
    roots.mkdir()
    good = roots / "ca.pem"
    good.write_bytes(organization()[0].certificate_pem)
    bad = roots / "notes.txt"
    bad.write_text("not a certificate")
    with pytest.raises(LetterContentError, match="validity_days"):
        save_settings(database, letterhead=None, validity_days=400)
    with pytest.raises(LetterContentError, match=r"trust_roots\[0\]: no such file"):
        save_settings(database, letterhead=None, trust_roots=(roots / "gone.pem",))
    with pytest.raises(LetterContentError, match=r"trust_roots\[1\].*not a readable cert"):
        save_settings(database, letterhead=None, trust_roots=(good, bad))
    assert not settings_path(database).exists()
    settings = save_settings(database, letterhead=None, trust_roots=(good,), validity_days=60)
    assert settings.trust_roots == (good,) and settings.validity_days == 60
    assert "- roots/ca.pem" in settings_path(database).read_text()
    assert len(settings.trust_certificates()) == 1
