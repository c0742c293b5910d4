"""The first run, on a database without an organization CA: the organization (its CA created
here, or the organization's own imported as PKCS#12, behind the administrator's passphrase), the
first reviewer profile and the letterhead, each page refusing what the core would refuse, then
everything made in one operation and the new reviewer signed in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pkikit import organization_pkcs12
from PySide6.QtWidgets import QWizard
from sessionkit import (
    FIRST_ADMIN as ADMIN,
)
from sessionkit import (
    FIRST_OWN as OWN,
)
from sessionkit import (
    fill_organization,
    fill_profile,
    gated,
    readable,
    type_into,
    wait_for_window,
)
from sessionkit import first_run_next as next_page
from support.uikit import WAIT_MS, make_context, reading

from reviewer_app.core.letters.settings import load_settings
from reviewer_app.core.store import audit
from reviewer_app.core.store.authority import find_authority, pin_path
from reviewer_app.core.store.records import list_reviewers
from reviewer_app.ui.signin import first_run
from reviewer_app.ui.signin.first_run import (
    FirstRunWizard,
    LetterheadPage,
)


def test_the_first_run_makes_the_organization_and_signs_its_first_reviewer_in(
        qtbot, ui_context):
    window, gate = gated(qtbot, ui_context)
    gate.start()
    wizard = wait_for_window(qtbot, FirstRunWizard)
    assert gate.locked

    organization = fill_organization(wizard, admin="lakeside health plan")
    next_page(wizard)
    assert wizard.currentPage() is organization
    refusal = organization.ui.adminFields.ui.errorLabel.text()
    assert refusal.startswith("Refused: the passphrase is too easy to guess (strength ")
    organization = fill_organization(wizard)
    next_page(wizard)

    profile = fill_profile(wizard, npi="1234567890")
    next_page(wizard)
    assert wizard.currentPage() is profile
    assert profile.form.ui.npiError.text() == (
        "NPI 1234567890 fails the check digit (Luhn with prefix 80840).")
    fill_profile(wizard, npi="1234567893", passphrase=ADMIN)
    next_page(wizard)
    assert "not the administrator's" in profile.form.ui.passphraseFields.ui.errorLabel.text()
    fill_profile(wizard, npi="1234567893")
    next_page(wizard)

    letterhead = wizard.page_of(LetterheadPage)
    assert wizard.currentPage() is letterhead
    form = letterhead.form.ui
    assert form.organizationEdit.text() == "Lakeside Health Plan"
    form.phoneEdit.clear()
    next_page(wizard)
    assert "Phone: required (letters print it)" in form.problemsLabel.text()
    type_into(form.phoneEdit, "1-800-555-0199")
    type_into(form.peerEdit, "1-800-555-0198")
    next_page(wizard)

    with qtbot.waitSignal(wizard.finished, timeout=WAIT_MS):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not gate.locked, timeout=WAIT_MS)
    signed_in = ui_context.session.current
    assert signed_in.signature == "Pat Lee, RN" and signed_in.role == "nurse"
    assert gate.who_label.text() == "Signed in: Pat Lee, RN (nurse)"
    assert window.ui.pages.currentWidget() is window.first_run_page  # no cases yet

    database = ui_context.database_path
    assert pin_path(database).is_file()
    with reading(database) as store:
        authority = find_authority(store)
        assert authority.source == "created" and "Lakeside Health Plan" in authority.subject
        [pat] = list_reviewers(store)
        assert (pat.name, pat.credentials, pat.role, pat.npi) == ("Pat Lee", "RN", "nurse",
                                                                 "1234567893")
        assert [e.reviewer_id for e in audit.entries(store) if e.action == "sign_in"] == [1]
    settings = load_settings(database)
    assert settings.letterhead == database.parent / "letterhead.yaml"
    letterhead = settings.load_letterhead()
    assert (letterhead.organization, letterhead.phone, letterhead.peer_to_peer_phone) == (
        "Lakeside Health Plan", "1-800-555-0199", "1-800-555-0198")
    assert letterhead.taglines  # kept from the shipped letterhead
    assert readable(ADMIN, OWN) == []


@pytest.fixture
def now_context(tmp_path, qapp):
    """A context at the real time: the organization's own CA below is issued now."""
    context = make_context(tmp_path, now=datetime.now().astimezone())
    yield context
    context.close()


def test_the_organization_s_own_ca_can_be_imported(qtbot, now_context, tmp_path, monkeypatch):
    ui_context = now_context
    _reviewer, ca = organization_pkcs12("unused", "ec", ca_passphrase="the CA file's own")
    ca_file = tmp_path / "our-ca.p12"
    ca_file.write_bytes(ca)
    monkeypatch.setattr(first_run, "choose_p12", lambda parent: ca_file)
    _window, gate = gated(qtbot, ui_context)
    gate.start()
    wizard = wait_for_window(qtbot, FirstRunWizard)
    organization = fill_organization(wizard)
    organization.ui.importRadio.setChecked(True)
    next_page(wizard)
    assert organization.ui.importError.text().startswith("Choose the PKCS#12 file")
    organization.ui.chooseFileButton.click()
    type_into(organization.ui.filePassphraseEdit, "the CA file's own")
    next_page(wizard)
    fill_profile(wizard, npi="")
    next_page(wizard)
    next_page(wizard)
    with qtbot.waitSignal(wizard.finished, timeout=WAIT_MS):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not gate.locked, timeout=WAIT_MS)
    with reading(ui_context.database_path) as store:
        authority = find_authority(store)
        assert authority.source == "imported"
        assert "Example Plan Signing CA" in authority.subject
        assert list_reviewers(store)[0].npi is None
    assert ui_context.session.current.signature == "Pat Lee, RN"
    assert Path(ui_context.database_path.parent / "letters.yaml").is_file()
