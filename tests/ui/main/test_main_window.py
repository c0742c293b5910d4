"""The main window: open a case (argument, File > Open, recent files, drag and drop), see its
determination; an invalid file is reported and loses nothing."""

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from storekit import add_signer
from support.uikit import audit_actions, case_count, reading

from reviewer_app.core.store import cases, decisions
from reviewer_app.ui.case.snapshot import import_file
from reviewer_app.ui.main.open_dialog import OpenCaseDialog
from reviewer_app.ui.main.window import MainWindow

WAIT_MS = 10_000


@pytest.fixture
def window(qtbot, ui_context):
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    window.show()
    return window


def open_and_wait(qtbot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_case(path)


def variant(seed: Path, folder: Path, name: str, change) -> Path:
    case = json.loads(seed.read_text(encoding="utf-8"))
    change(case)
    path = folder / name
    path.write_text(json.dumps(case), encoding="utf-8")
    return path


def drag_events(mime: QMimeData, path: Path) -> tuple[QDragEnterEvent, QDropEvent]:
    """Events as Qt delivers them on a drop; they do not own ``mime``, so the caller keeps it."""
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    return enter, drop


def test_an_empty_store_starts_on_the_first_run_page(qtbot, window):
    assert window.opened_case() is None
    qtbot.waitUntil(lambda: window.ui.pages.currentWidget() is window.first_run_page,
                    timeout=WAIT_MS)


def test_opening_the_seed_case_shows_its_determination(qtbot, window, seed_case_path):
    open_and_wait(qtbot, window, seed_case_path)

    view = window.ui.caseView.ui.determinationView.ui
    header = window.ui.caseView.ui.caseHeader.ui
    scores = view.scoresPanel.ui
    assert window.ui.pages.currentWidget() is window.ui.casePage
    assert view.outcomeBanner.title() == "Meets criteria — you may approve"
    assert "2 of 4 indications met" in view.outcomeBanner.ui.explanationLabel.text()
    assert header.memberName.text() == "Daniel Okafor"
    assert "PA-2026-004417" in header.caseDetails.text()
    assert "63090" in header.procedureValue.text()
    assert "vertebral body" in header.procedureValue.text()
    assert "L1-L3" in header.levelsValue.text()
    assert "Secondary malignant neoplasm of bone" in header.diagnosisValue.text()
    assert header.dueValue.text() == "Sat 5 Dec 2026, 09:15 UTC−05:00"
    assert header.timeLeftValue.text() == "11 days 17 h left"
    assert scores.sinsTotal.text() == "13"
    assert scores.sinsCategory.text().startswith("Unstable")
    assert scores.bilskyGrade.text() == "1c"
    assert scores.tokuhashiTotal.text() == "10"
    assert scores.tokuhashiBand.text() == "Expected survival 6 months or more"
    assert "spine-tumor-decompression-stabilization" in view.criteriaSetLabel.text()
    assert "2026.2" in view.criteriaSetLabel.text()
    model = view.criteriaTable.criteria_model()
    assert model.rowCount() == 8 + 3  # eight criteria under three group headings
    assert not view.missingGroup.isVisible()
    assert "fisher-2010" in view.rationaleBrowser.toPlainText()
    assert "Spine (Phila Pa 1976). 2010;35(22)" in view.referencesBrowser.toPlainText()
    assert "PA-2026-004417" in window.windowTitle()


def test_a_reference_id_in_the_rationale_finds_its_citation(qtbot, window, seed_case_path):
    open_and_wait(qtbot, window, seed_case_path)
    view = window.ui.caseView.ui.determinationView.ui

    view.rationaleBrowser.anchorClicked.emit(QUrl("#fourney-2011"))

    html = view.referencesBrowser.toHtml()
    highlighted = html[html.index("#fff3bf") :]
    assert highlighted.index("fourney-2011") < highlighted.index("J Clin Oncol")


def test_a_pend_lists_what_to_ask_for(qtbot, window, seed_case_path, tmp_path):
    def drop_survival(case):
        del case["oncology"]["expected_survival_months"]

    open_and_wait(qtbot, window, variant(seed_case_path, tmp_path, "pend.json", drop_survival))

    view = window.ui.caseView.ui.determinationView.ui
    assert view.outcomeBanner.title() == "Pend for missing information — request it"
    assert view.missingGroup.isVisible()
    assert "expected survival" in view.missingLabel.text()
    assert "oncology.expected_survival_months" in view.missingLabel.text()


def test_an_invalid_file_is_reported_and_the_previous_case_stays(
    qtbot, window, seed_case_path, tmp_path, problems
):
    open_and_wait(qtbot, window, seed_case_path)
    bad = variant(seed_case_path, tmp_path, "bad.json", lambda case: case.update(urgency="soon"))

    with qtbot.waitSignal(window.case_failed, timeout=WAIT_MS):
        window.open_case(bad)

    [(summary, lines)] = problems
    assert "bad.json" in summary
    assert "still open" in summary
    assert lines
    assert all(line.startswith(f"{bad}: ") for line in lines)
    assert any(line.startswith(f"{bad}: urgency: ") for line in lines)
    assert window.opened_case().path == seed_case_path
    view = window.ui.caseView.ui.determinationView.ui
    assert window.ui.caseView.ui.caseHeader.ui.memberName.text() == "Daniel Okafor"
    assert view.outcomeBanner.title() == "Meets criteria — you may approve"


def test_a_file_that_is_not_json_is_reported(qtbot, window, tmp_path, problems):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")

    with qtbot.waitSignal(window.case_failed, timeout=WAIT_MS):
        window.open_case(bad)

    [(_summary, lines)] = problems
    assert any("not valid JSON" in line for line in lines)
    assert window.ui.pages.currentWidget() is not window.ui.casePage


def test_dropping_a_case_file_opens_it(qtbot, window, seed_case_path):
    mime = QMimeData()
    enter, drop = drag_events(mime, seed_case_path)

    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS) as shown:
        window.dropEvent(drop)

    assert shown.args == [str(seed_case_path)]
    assert window.opened_case().path == seed_case_path


def test_dropping_something_else_is_refused(window, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    mime = QMimeData()
    enter, _drop = drag_events(mime, other)

    window.dragEnterEvent(enter)

    assert not enter.isAccepted()


def test_file_open_asks_for_a_file_and_opens_it(qtbot, window, seed_case_path, monkeypatch):
    asked = []

    def ask(cls, parent, directory):
        asked.append(directory)
        return seed_case_path

    monkeypatch.setattr(OpenCaseDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.ui.actionOpen.trigger()

    assert asked
    assert window.opened_case().path == seed_case_path


def test_cancelling_file_open_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(OpenCaseDialog, "ask", classmethod(lambda cls, parent, directory: None))

    window.ui.actionOpen.trigger()

    assert window.opened_case() is None


def test_recent_files_reopen_a_case(qtbot, window, seed_case_path):
    open_and_wait(qtbot, window, seed_case_path)

    menu = window.ui.menuRecent
    menu.aboutToShow.emit()
    entry = menu.actions()[0]
    assert seed_case_path.name in entry.text()
    assert entry.isEnabled()
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS) as shown:
        entry.trigger()

    assert shown.args == [str(seed_case_path.resolve())]


def test_a_case_file_is_stored_as_a_draft_and_shown_with_its_case_number(
    qtbot, window, ui_context, seed_case_path
):
    open_and_wait(qtbot, window, seed_case_path)

    opened = window.opened_case()
    assert (opened.case_id, opened.version, opened.status) == (1, 1, "draft")
    header = window.ui.caseView.ui.caseHeader.ui
    assert "Case <b>1</b> (draft)" in header.caseDetails.text()
    assert window.windowTitle().startswith("Case 1 · PA-2026-004417")
    assert "imported as draft case 1" in window.statusBar().currentMessage()
    assert case_count(ui_context.database_path) == 1
    assert audit_actions(ui_context.database_path, 1) == ["create", "evaluate", "view"]


def test_an_invalid_file_stores_nothing(qtbot, window, ui_context, seed_case_path, tmp_path,
                                        problems):
    open_and_wait(qtbot, window, seed_case_path)
    bad = variant(seed_case_path, tmp_path, "bad.json", lambda case: case.update(urgency="soon"))

    with qtbot.waitSignal(window.case_failed, timeout=WAIT_MS):
        window.open_case(bad)

    assert case_count(ui_context.database_path) == 1
    assert window.opened_case().case_id == 1


def test_a_stored_case_opens_by_its_id(qtbot, window, ui_context, seed_case_path):
    with reading(ui_context.database_path, create=True) as store:
        [imported] = cases.import_documents(store, [("request.json", seed_case_path.read_bytes())])

    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS) as shown:
        window.open_stored_case(imported.case_id)

    assert shown.args == [""]
    opened = window.opened_case()
    assert (opened.case_id, opened.path) == (imported.case_id, None)
    assert window.ui.caseView.ui.determinationView.ui.outcomeBanner.title() == (
        "Meets criteria — you may approve"
    )
    assert window.statusBar().currentMessage() == "Case 1: meets criteria"


def test_the_shown_case_follows_the_change_broadcast(qtbot, window, ui_context, seed_case_path):
    open_and_wait(qtbot, window, seed_case_path)

    def assign(store):
        nurse = add_signer(store, "Pat Lee", "RN", "nurse")
        decisions.assign(store, 1, reviewer=nurse.id, expected_version=1)

    op = ui_context.store.op(window, assign).announces(1)
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS) as shown:
        op.run()

    assert shown.args == [str(seed_case_path)]
    opened = window.opened_case()
    assert (opened.case_id, opened.version, opened.status) == (1, 2, "in_review")
    assert "(in review)" in window.ui.caseView.ui.caseHeader.ui.caseDetails.text()
    assert window.statusBar().currentMessage().startswith("Case 1 was updated (in review)")


def test_a_change_to_another_case_leaves_the_shown_one_alone(
    qtbot, window, ui_context, seed_case_path
):
    open_and_wait(qtbot, window, seed_case_path)
    shown = window.opened_case()
    op = ui_context.store.op(
        window, lambda store: import_file(store, seed_case_path).case_id
    ).announces(lambda case_id: case_id)
    with qtbot.waitSignal(ui_context.changes.case_changed, timeout=WAIT_MS) as changed:
        op.run()

    assert changed.args == [2]
    qtbot.wait(50)
    assert window.opened_case() is shown
    assert audit_actions(ui_context.database_path, 1) == ["create", "evaluate", "view"]


def test_the_latest_file_asked_for_wins(qtbot, window, ui_context, seed_case_path, tmp_path):
    started, release = threading.Event(), threading.Event()

    def hold(store):
        started.set()
        release.wait(WAIT_MS / 1000)

    ui_context.store.op(window, hold).run()
    assert started.wait(WAIT_MS / 1000)
    pend = variant(seed_case_path, tmp_path, "pend.json",
                   lambda case: case["oncology"].pop("expected_survival_months"))
    shown = []
    window.case_shown.connect(shown.append)
    window.open_case(pend)
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_case(seed_case_path)
        release.set()
    qtbot.wait(50)

    assert shown == [str(seed_case_path)]
    assert window.opened_case().case.external_id == "PA-2026-004417"
    assert case_count(ui_context.database_path) == 1


def test_closing_the_window_while_a_case_is_opening_is_safe(qtbot, ui_context, seed_case_path):
    window = MainWindow(ui_context)
    window.show()
    announced = []
    ui_context.changes.case_changed.connect(announced.append)
    window.open_case(seed_case_path)
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: announced == [1], timeout=WAIT_MS)
    qtbot.wait(50)
