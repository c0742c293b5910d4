"""The main window around the queue: a case opened from it and back, the first-run page and
its three ways in (New case, Import, Open), File > Import, Help > Keyboard shortcuts, and the
window's layout remembered."""

from __future__ import annotations

import json

import pytest
from paths import ROOT
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from support.uikit import WAIT_MS, case_count, make_context, reading

from reviewer_app.core.store import cases
from reviewer_app.ui.main.open_dialog import ImportFilesDialog
from reviewer_app.ui.main.window import MainWindow
from reviewer_app.ui.queue.model import CASE_ID_ROLE
from reviewer_app.ui.widgets.shortcuts import ShortcutsDialog


@pytest.fixture
def window(qtbot, ui_context):
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.queue_page.has_cases() is not None, timeout=WAIT_MS)
    return window


def seed_store(ui_context, seed_case_path, count: int = 3) -> None:
    with reading(ui_context.database_path, create=True) as store:
        cases.import_documents(store, [(f"{i}.json", seed_case_path.read_bytes())
                                       for i in range(count)])


def case_files(seed_case_path, folder, count: int, broken: set[int] = frozenset()):
    paths = []
    for index in range(count):
        doc = json.loads(seed_case_path.read_text(encoding="utf-8"))
        doc["external_id"] = f"PA-IMPORT-{index}"
        if index in broken:
            doc["urgency"] = "soon"
        path = folder / f"request-{index}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(path)
    return paths


def test_an_empty_store_shows_what_to_do(window, ui_context):
    page = window.first_run_page
    assert window.ui.pages.currentWidget() is page
    texts = [page.ui.newButton.text(), page.ui.importButton.text(), page.ui.openButton.text()]
    assert [t.split("…")[0].replace("&", "") for t in texts] == [
        "New case", "Import case files", "Open a case file"]
    assert str(ui_context.database_path) in page.ui.databaseLabel.text()
    focusable = [w for w in page.findChildren(QWidget)
                 if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert focusable and all(w.accessibleName() for w in focusable)


def test_new_case_on_the_first_run_page_opens_the_intake_wizard(window, qtbot):
    window.first_run_page.ui.newButton.click()
    qtbot.waitUntil(lambda: window.intake.wizard is not None and window.intake.wizard.isVisible())
    window.intake.wizard.setVisible(False)


def test_new_case_runs_the_hook_the_wizard_registers(window):
    called = []
    window.set_new_case_hook(lambda: called.append(True))
    window.ui.actionNew.trigger()
    assert called == [True]
    assert window.ui.actionNew.shortcut() == QKeySequence("Ctrl+N")


def test_import_stores_every_file_and_shows_the_queue(qtbot, window, ui_context,
                                                      seed_case_path, tmp_path, monkeypatch):
    paths = case_files(seed_case_path, tmp_path, 4)
    monkeypatch.setattr(ImportFilesDialog, "ask", classmethod(lambda cls, p, d: paths))
    with qtbot.waitSignal(window.queue_page.has_cases_changed, timeout=WAIT_MS):
        window.first_run_page.ui.importButton.click()
    qtbot.waitUntil(lambda: window.queue_page.model.rowCount() == 4, timeout=WAIT_MS)
    assert window.ui.pages.currentWidget() is window.queue_page
    assert case_count(ui_context.database_path) == 4
    assert "Imported 4 case files as draft cases 1–4" in window.statusBar().currentMessage()


def test_an_import_with_an_invalid_file_stores_nothing_and_names_it(
        qtbot, window, ui_context, seed_case_path, tmp_path, problems):
    paths = case_files(seed_case_path, tmp_path, 3, broken={1})
    window.import_files(paths)
    qtbot.waitUntil(lambda: bool(problems), timeout=WAIT_MS)
    [(summary, lines)] = problems
    assert summary.startswith("Nothing was imported: 1 of 3 files is not a valid case file")
    assert lines and all(line.startswith(f"{paths[1]}: ") for line in lines)
    assert case_count(ui_context.database_path) == 0
    assert window.ui.pages.currentWidget() is window.first_run_page


def test_enter_on_a_row_opens_the_case_and_escape_goes_back(qtbot, ui_context, seed_case_path):
    seed_store(ui_context, seed_case_path)
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    window.show()
    page = window.queue_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    assert window.ui.pages.currentWidget() is page
    assert page.counts_label.text().startswith("Open 3 · ")
    table = page.ui.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(1, 0))
    case_id = page.model.index(1, 0).data(CASE_ID_ROLE)
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.ui.pages.currentWidget() is window.ui.casePage
    assert window.opened_case().case_id == case_id
    assert window.ui.actionBackToQueue.isEnabled()
    assert QKeySequence("Esc") in window.ui.actionBackToQueue.shortcuts()
    assert QKeySequence("Alt+Left") in window.ui.actionBackToQueue.shortcuts()
    window.ui.actionBackToQueue.trigger()
    assert window.ui.pages.currentWidget() is page
    assert not window.ui.actionBackToQueue.isEnabled()
    assert page.current_case() == case_id
    assert window.windowTitle() == "Case queue — UR Reviewer"


def test_the_shortcuts_window_lists_every_feature_without_a_clash(qtbot, window, monkeypatch):
    shortcuts = window.shortcuts.shortcuts()
    described = {s.description: s.keys for s in shortcuts}
    assert described["New case"] == ("Ctrl+N",)
    assert described["Import case files"] == ("Ctrl+I",)
    assert described["Back to the queue"] == ("Alt+Left", "Esc")
    assert described["Find cases"] == ("Ctrl+F",)
    assert described["Keyboard shortcuts"] == ("F1",)
    assert window.shortcuts.conflicts() == {}
    features = window.shortcuts.features()
    assert features[:3] == ["Window", "Queue", "Intake wizard"], "the wizard registers too"
    dialog = ShortcutsDialog(window.shortcuts, window)
    qtbot.addWidget(dialog)
    tree = dialog.tree
    headings = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).isFirstColumnSpanned()]
    assert headings == features
    rows = {tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())}
    assert "Open the selected case (or double-click it)" in rows
    shown = []
    monkeypatch.setattr(ShortcutsDialog, "show_for",
                        classmethod(lambda cls, registry, parent: shown.append(registry)))
    window.ui.actionShortcuts.trigger()
    assert shown == [window.shortcuts]


def test_the_window_remembers_its_geometry(qtbot, tmp_path):
    context = make_context(tmp_path)
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        window.resize(window.minimumSizeHint().width(), 533)  # the offscreen screen: 800 x 600
        size = (window.width(), window.height())
        window.close()
        again = MainWindow(context)
        qtbot.addWidget(again)
        assert (again.width(), again.height()) == size
    finally:
        context.close()


def test_a_cancelled_import_stores_nothing_and_says_so(qtbot, window, ui_context,
                                                       seed_case_path, tmp_path, monkeypatch):
    from reviewer_app.ui.main.importing import ImportCancelled

    def cancelled(store, paths, **kwargs):
        kwargs["on_progress"](1)
        raise ImportCancelled

    monkeypatch.setattr(cases, "import_files", cancelled)
    window.import_files(case_files(seed_case_path, tmp_path, 2))
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(),
                    timeout=WAIT_MS)
    assert window.statusBar().currentMessage() == "Import cancelled: nothing was stored."
    assert case_count(ui_context.database_path) == 0


FHIR_REQUEST = ROOT / "tests" / "data" / "fhir" / "spine-surgical-request.json"


def test_a_pas_request_bundle_imports_as_an_intake_draft_beside_case_files(
        qtbot, window, ui_context, seed_case_path, tmp_path):
    """File > Import takes Da Vinci PAS request Bundles too (the same core import as the
    command line): the cases are stored, the request becomes a draft offered above the queue."""
    from reviewer_app.core.store import drafts

    paths = [*case_files(seed_case_path, tmp_path, 1), FHIR_REQUEST]
    window.import_files(paths)
    qtbot.waitUntil(lambda: "intake draft" in window.statusBar().currentMessage(),
                    timeout=WAIT_MS)
    assert "1 case file as draft case 1" in window.statusBar().currentMessage()
    assert case_count(ui_context.database_path) == 1
    with reading(ui_context.database_path) as store:
        [draft] = drafts.list_drafts(store)
    assert draft.member_name, "the member came from the Bundle's Patient"


def test_opening_a_request_bundle_opens_the_wizard_on_its_draft(qtbot, window, ui_context):
    window.open_case(FHIR_REQUEST)
    qtbot.waitUntil(lambda: window.intake.wizard is not None, timeout=WAIT_MS)
    wizard = window.intake.wizard
    assert wizard.document.get("format") == "ur-case/1"
    assert wizard.document.get("service.procedures")
    assert case_count(ui_context.database_path) == 0, "a request is a draft until it is saved"
    wizard.setVisible(False)
