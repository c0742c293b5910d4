"""The letter window's large-print control and oral-notice action on an expedited case: each
is recorded in the store (audited) and the preview is drawn again saying so."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from storekit import add_team
from support.poppler import pdf_text_of
from support.uikit import WAIT_MS, as_signed_in, make_context, reading
from test_decisions import open_window, sign_shown_letter, view_of

from reviewer_app.core.store import audit, cases
from reviewer_app.core.store.notices import large_print, oral_notices_for
from reviewer_app.ui.case import decision_dialogs as dialogs
from reviewer_app.ui.letters.oral_notice import OralNoticeDialog, OralNoticeRequest


@pytest.fixture
def store_path(tmp_path, seed_case_path):
    """Dana Whitfield, RN (1) and Sam Okoye, MD (2), and the seed as an expedited request."""
    path = tmp_path / "cases.sqlite3"
    seed = json.loads(seed_case_path.read_text(encoding="utf-8"))
    seed["urgency"] = "expedited"
    with reading(path, create=True) as store:
        team = add_team(store)
        cases.import_documents(store, [("seed.json", json.dumps(seed))])
    return SimpleNamespace(path=path, team=team)


@pytest.fixture
def nurse(tmp_path, store_path, qapp):
    base = make_context(tmp_path)
    yield as_signed_in(base, store_path.team.nurse)
    base.close()


def test_large_print_and_oral_notice_from_the_letter_window(qtbot, nurse, store_path,
                                                            monkeypatch):
    monkeypatch.setattr(dialogs.ApproveDialog, "ask",
                        classmethod(lambda cls, parent, snapshot, reviewer:
                                    dialogs.DecisionRequest("approve")))
    window = open_window(qtbot, nurse, 1)
    view = view_of(window)
    letters = view.letter_window()
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        view.ui.decisionBar.ui.approveButton.click()
    ui = letters.ui
    assert ui.largePrintCheck.isEnabled() and not ui.largePrintCheck.isChecked()
    assert ui.oralNoticeButton.isEnabled(), "an expedited decision can be told by phone"
    standard_pages = letters.document.pageCount()

    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        ui.largePrintCheck.setChecked(True)
    qtbot.waitUntil(lambda: letters.document.pageCount() > standard_pages, timeout=WAIT_MS)
    assert ui.largePrintCheck.isChecked()

    told = OralNoticeRequest("Daniel Okafor (member)", nurse.clock())
    monkeypatch.setattr(OralNoticeDialog, "ask", classmethod(lambda cls, parent, now: told))
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        ui.oralNoticeButton.click()
    qtbot.waitUntil(lambda: not ui.oralNoticeButton.isEnabled(), timeout=WAIT_MS)

    sign_shown_letter(qtbot, view)
    text = pdf_text_of(letters.issued().pdf)
    assert "We told Daniel Okafor (member) about this decision by phone" in text
    assert "fast (expedited) request" in text
    with reading(store_path.path) as store:
        assert large_print(store, 1)
        [notice] = oral_notices_for(store, 1)
        assert notice.reviewer_id == store_path.team.nurse.id
        actions = {e.action for e in audit.entries(store, case_id=1)}
        assert {"letter_format", "oral_notice"} <= actions
        assert audit.verify_audit(store).ok
    with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
        ui.recipientCombo.setCurrentIndex(1)
    assert not ui.largePrintCheck.isEnabled(), "large print is for the member's letters"


def test_the_letter_window_says_a_written_confirmation_is_late_and_still_signs_it(
        qtbot, tmp_path, store_path):
    """Denied and told by phone five days before the window's clock (the seed is commercial):
    the preview warns that the written confirmation is 2 days late (29 CFR 2560.503-1(g)(2)),
    the letter is signed all the same and its audit entry records it."""
    import datetime as dt

    from support.uikit import UI_NOW

    from reviewer_app.core.store import decisions
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.notices import record_oral_notice

    earlier, later = UI_NOW, UI_NOW + dt.timedelta(days=5)
    physician = store_path.team.physician
    with Store.open(store_path.path, create=False, clock=lambda: earlier) as store:
        version = decisions.assign(store, 1, reviewer=physician.id, by=physician.id,
                                   expected_version=cases.get_case(store, 1).version).version
        decisions.decide(store, 1, "deny", by=physician, expected_version=version,
                         reason="SINS 10, no retropulsion, ESCC 1a: stable on imaging.",
                         member_reason="The scans show your spine is stable, so this surgery "
                                       "is not needed now.")
        record_oral_notice(store, 1, by=physician.id, told="Daniel Okafor (member)",
                           told_at=earlier)
    base = make_context(tmp_path, later)
    context = as_signed_in(base, physician)
    try:
        window = open_window(qtbot, context, 1)
        view = view_of(window)
        letters = view.letter_window()
        with qtbot.waitSignal(letters.letter_shown, timeout=WAIT_MS):
            letters.show_due(window.opened_case(), "member")
        notice = letters.notice()
        assert "<b>Late:</b> the written confirmation is 2 days late" in notice
        assert "29 CFR 2560.503-1(g)(2) asks for it within 3 calendar days" in notice
        letter_id = sign_shown_letter(qtbot, view)
        with reading(store_path.path) as store:
            [entry] = [e for e in audit.entries(store, case_id=1)
                       if e.action == "create" and e.details.get("letter_id") == letter_id]
        assert entry.details["oral_notice_late"]["days_late"] == 2
    finally:
        base.close()
