"""The case view in the main window: overview, history of the request's versions with what
changed, the audit entries with their check, an older version read-only, Edit, the keys, the
layout kept in the settings, and a stale edit refused."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support.uikit import WAIT_MS, reading

from reviewer_app.core.store import cases, decisions, revisions
from reviewer_app.core.store.errors import StaleCaseError
from reviewer_app.ui.case import history_models
from reviewer_app.ui.case.case_view import AUDIT, HISTORY, OVERVIEW
from reviewer_app.ui.main.window import MainWindow
from reviewer_app.ui.operations.failures import describe_failure
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone, muted_text


@pytest.fixture
def window(qtbot, ui_context):
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    return window


def edited(document: str, change) -> str:
    case = json.loads(document)
    change(case)
    return json.dumps(case, indent=2)


def add_survival_and_deficit(case: dict) -> None:
    case["member"]["family_name"] = "Okafor-Bell"
    case["symptoms"]["neuro_deficit"] = "sensory"
    case["imaging"].append({"modality": "PET_CT", "date": "2026-11-22", "levels": ["L2"]})


def save_edit(path, case_id: int, change, version: int | None = None):
    """An edit saved from another connection (another window or workstation)."""
    with reading(path) as store:
        row = cases.case_row(store, case_id)
        return revisions.save_revision(store, case_id, edited(row["document"], change),
                                       expected_version=version or row["version"])


def open_stored(qtbot, window, case_id: int) -> None:
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(case_id)


@pytest.fixture
def edited_case(qtbot, window, ui_context, seed_case_path):
    """The seed case imported, then its request edited once: versions 1 and 2."""
    with reading(ui_context.database_path, create=True) as store:
        cases.import_documents(store, [("seed.json", seed_case_path.read_bytes())])
    save_edit(ui_context.database_path, 1, add_survival_and_deficit)
    open_stored(qtbot, window, 1)
    return window.ui.caseView


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_the_history_lists_both_versions_newest_first_with_what_changed(edited_case):
    view = edited_case
    versions = view.ui.versionsTable.model()
    assert versions.rowCount() == 2
    assert cell(versions, 0, history_models.VERSION) == "2 (current)"
    assert cell(versions, 1, history_models.VERSION) == "1"
    assert cell(versions, 1, history_models.CHANGED) == "Imported: the request as received"
    summary = cell(versions, 0, history_models.CHANGED)
    assert summary == "3 fields: Member's family name; Imaging study 3 (added); and 1 more"
    assert cell(versions, 0, history_models.OUTCOME) == "Meets criteria"
    assert "spine-tumor-decompression-stabilization · 2026.2" in cell(
        versions, 0, history_models.CRITERIA)

    changes = view.ui.changesTable.model()
    rows = [[cell(changes, r, c) for c in range(3)] for r in range(changes.rowCount())]
    assert ["Member's family name", "Okafor", "Okafor-Bell"] in rows
    assert ["Neurological deficit, if any", "none", "sensory"] in rows
    assert ["Imaging study 3 — PET-CT of 2026-11-22 (added)", "not stated",
            "PET-CT of 2026-11-22, L2"] in rows
    assert changes.headerData(1, Qt.Orientation.Horizontal) == "Before (version 1)"
    assert "Version 2</b> changed 3 fields from version 1" in view.ui.changesTitle.text()

    view.ui.versionsTable.selectRow(1)
    assert changes.rowCount() == 0
    assert "the request as imported" in view.ui.changesTitle.text()


def test_an_older_version_opens_read_only_and_the_view_is_recorded(
        qtbot, edited_case, ui_context):
    view = edited_case
    view.ui.tabs.setCurrentIndex(HISTORY)
    view.ui.versionsTable.selectRow(1)
    with qtbot.waitSignal(view.version_shown, timeout=WAIT_MS) as shown:
        view.ui.viewVersionButton.click()
    assert shown.args == [1]
    dialog = view.version_dialog()
    assert "Case 1, version 1</b> (replaced by version 2)" in dialog.notice()
    assert dialog.ui.documentText.isReadOnly()
    document = dialog.ui.documentText.toPlainText()
    assert '"Okafor"' in document and "Okafor-Bell" not in document
    assert dialog.ui.caseHeader.ui.memberName.text() == "Daniel Okafor"
    assert "(version 1, replaced by version 2)" in dialog.ui.caseHeader.ui.caseDetails.text()
    assert dialog.ui.determinationView.ui.outcomeBanner.title().startswith("Meets criteria")
    with reading(ui_context.database_path) as store:
        [last] = store.query("SELECT action, details FROM audit ORDER BY seq DESC LIMIT 1")
    assert (last["action"], json.loads(last["details"])) == ("view", {"document_version": 1})
    dialog.close()


def test_enter_on_a_version_opens_it(qtbot, edited_case):
    view = edited_case
    view.ui.tabs.setCurrentIndex(HISTORY)
    table = view.ui.versionsTable
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    with qtbot.waitSignal(view.version_shown, timeout=WAIT_MS) as shown:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert shown.args == [2]
    assert "(the current version)" in view.version_dialog().notice()
    view.version_dialog().close()


def test_the_audit_tab_lists_the_entries_newest_first_and_says_the_record_is_intact(
        edited_case):
    view = edited_case
    audit = view.ui.auditTable.model()
    actions = [cell(audit, r, 3) for r in range(audit.rowCount())]
    assert actions == ["Viewed (version 2)", "Evaluated (version 2)", "Request edited (version 2)",
                       "Request edited (version 1)", "Evaluated (version 1)",
                       "Imported (version 1)"]
    assert cell(audit, 2, 4) == ("Saved version 2 of the request (edited from version 1): "
                                 "3 fields changed")
    assert cell(audit, 5, 4) == "Imported as a draft (request PA-2026-004417)"
    assert "Audit record intact" in view.ui.checkLabel.text()
    assert view.ui.tabs.tabText(AUDIT) == "Audit"
    assert "audit record intact" in view.ui.versionLabel.text()


def test_a_row_changed_outside_the_application_is_shown_plainly(
        qtbot, window, ui_context, seed_case_path):
    with reading(ui_context.database_path, create=True) as store:
        cases.import_documents(store, [("seed.json", seed_case_path.read_bytes())])
        store.conn.execute("UPDATE cases SET member_name = 'Someone, Else' WHERE id = 1")
        store.conn.commit()
    open_stored(qtbot, window, 1)

    view = window.ui.caseView
    assert view.ui.tabs.tabText(AUDIT) == "Audit ⚠"
    assert "audit check failed" in view.ui.versionLabel.text()
    text = view.ui.checkLabel.text()
    assert "changed outside the application" in text
    assert "case 1 (version 1) does not match its last recorded version" in text
    audit = view.ui.auditTable.model()
    [row] = audit.faulted_rows()
    assert cell(audit, row, 4).startswith("FAILS THE CHECK: case 1 (version 1)")
    assert cell(audit, row, 1, Qt.ItemDataRole.BackgroundRole) == TINT[Tone.BAD]
    assert view.ui.checkBox.palette().color(QPalette.ColorRole.Window) == TINT[Tone.BAD]


def test_the_view_reloads_when_another_window_saves_a_version(
        qtbot, window, ui_context, seed_case_path):
    with reading(ui_context.database_path, create=True) as store:
        cases.import_documents(store, [("seed.json", seed_case_path.read_bytes())])
    open_stored(qtbot, window, 1)
    view = window.ui.caseView
    view.ui.tabs.setCurrentIndex(HISTORY)

    def edit_here(store):
        row = cases.case_row(store, 1)
        return revisions.save_revision(store, 1, edited(row["document"], add_survival_and_deficit),
                                       expected_version=row["version"])

    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        ui_context.store.op(window, edit_here).announces(1).run()

    assert window.opened_case().version == 2
    assert view.ui.versionsTable.model().rowCount() == 2
    assert view.ui.tabs.currentIndex() == HISTORY, "a reload keeps the tab the nurse is on"
    assert view.ui.changesTable.model().rowCount() == 3


def test_edit_asks_the_window_to_open_the_wizard_on_the_stored_case(
        qtbot, edited_case, window, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_wizard_for_case", opened.append)
    view = edited_case
    with qtbot.waitSignal(view.edit_requested, timeout=WAIT_MS) as asked:
        QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked.args == [1, 2]
    assert opened == [1]
    view.ui.editButton.click()
    assert opened == [1, 1]


def test_a_decided_case_cannot_be_edited(qtbot, window, ui_context, seed_case_path):
    from storekit import add_signer

    with reading(ui_context.database_path, create=True) as store:
        cases.import_documents(store, [("seed.json", seed_case_path.read_bytes())])
        nurse = add_signer(store, "Pat Lee", "RN", "nurse")
        decisions.assign(store, 1, reviewer=nurse.id, expected_version=1)
        decisions.decide(store, 1, "approve", by=nurse, expected_version=2)
    open_stored(qtbot, window, 1)
    view = window.ui.caseView
    assert not view.ui.editButton.isEnabled()
    assert "can no longer be changed" in view.ui.editButton.toolTip()
    with qtbot.assertNotEmitted(view.edit_requested):
        QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_1_2_3_switch_the_tabs(edited_case, window):
    view = edited_case
    for key, tab in ((Qt.Key.Key_3, AUDIT), (Qt.Key.Key_2, HISTORY), (Qt.Key.Key_1, OVERVIEW)):
        QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert view.ui.tabs.currentIndex() == tab


def test_every_control_of_the_view_has_an_accessible_name(edited_case):
    ui = edited_case.ui
    for widget in (ui.editButton, ui.tabs, ui.versionsTable, ui.changesTable, ui.auditTable,
                   ui.viewVersionButton, ui.historySplitter, ui.checkBox, ui.caseHeader,
                   ui.determinationView):
        assert widget.accessibleName(), widget.objectName()
    for widget in (ui.editButton, ui.versionsTable, ui.auditTable, ui.viewVersionButton):
        assert widget.accessibleDescription(), widget.objectName()


def test_the_layout_comes_back_from_the_settings(qtbot, edited_case, ui_context):
    header = edited_case.ui.auditTable.horizontalHeader()
    header.resizeSection(2, 333)
    ui_context.settings.sync()

    again = MainWindow(ui_context)
    qtbot.addWidget(again)
    assert again._case_view().ui.auditTable.horizontalHeader().sectionSize(2) == 333


def test_colours_hold_in_a_dark_palette(qtbot, edited_case):
    app = QApplication.instance()
    light = app.palette()
    dark = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2d30"),
                        (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Base, "#1e1f22"),
                        (QPalette.ColorRole.Text, "#e6e6e6")):
        dark.setColor(role, QColor(color))
    try:
        app.setPalette(dark)
        for palette in (light, dark):
            muted = muted_text(palette)
            window = palette.color(QPalette.ColorRole.Window)
            assert contrast(muted, window) >= 4.5
        for tone in Tone:
            assert contrast(TEXT[tone], TINT[tone]) >= 4.5, tone
        qtbot.waitUntil(lambda: edited_case.palette().color(QPalette.ColorRole.Window)
                        == QColor("#2b2d30"))
        edited_case.show_case(edited_case.snapshot(), edited_case._now)
        assert f"color:{muted_text(dark).name()}" in edited_case.ui.versionLabel.text()
    finally:
        app.setPalette(light)


def contrast(a: QColor, b: QColor) -> float:
    def luminance(color: QColor) -> float:
        channels = []
        for value in (color.redF(), color.greenF(), color.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_a_stale_edit_is_refused_with_what_to_do_and_nothing_is_lost(
        qtbot, edited_case, ui_context):
    """The wizard's save of a case another window changed meanwhile: the store refuses it,
    the window's failure dialog shows the store's words, and the edit is still the caller's."""
    shown_version = edited_case.snapshot().version
    save_edit(ui_context.database_path, 1, lambda case: case.update(urgency="expedited"))
    mine = edited(edited_case.snapshot().document,
                  lambda case: case["symptoms"].update(pain_nrs=9))

    with pytest.raises(StaleCaseError) as refused, reading(ui_context.database_path) as store:
        revisions.save_revision(store, 1, mine, expected_version=shown_version)

    failure = describe_failure(refused.value)
    [line] = failure.lines
    assert failure.summary == "The case database refused it; nothing was changed."
    assert "case 1 was changed" in line and "you read version 2, it is now version 3" in line
    assert "your changes are kept in the draft" in line and "reload the case" in line
    with reading(ui_context.database_path) as store:
        assert '"pain_nrs": 9' not in cases.case_row(store, 1)["document"]
    assert json.loads(mine)["symptoms"]["pain_nrs"] == 9


def test_twenty_versions_load_quickly(qtbot, window, ui_context, seed_case_path):
    import time

    with reading(ui_context.database_path, create=True) as store:
        cases.import_documents(store, [("seed.json", seed_case_path.read_bytes())])
    for pain in range(19):
        save_edit(ui_context.database_path, 1,
                  lambda case, p=pain: case["symptoms"].update(pain_nrs=p % 11))
    started = time.perf_counter()
    open_stored(qtbot, window, 1)
    elapsed = time.perf_counter() - started
    assert window.ui.caseView.ui.versionsTable.model().rowCount() == 20
    assert elapsed < 2.0, f"{elapsed:.2f} s"
