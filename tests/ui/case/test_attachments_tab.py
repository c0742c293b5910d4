"""The case view's Attachments tab: attach through the dialog and by dropping files on the list,
the list (name, kind, size, who, when, whose report), the built-in viewer for a PDF, a scan and
a text, export, and an altered attachment refused as record altered."""

from __future__ import annotations

import hashlib
import json

import pytest
from attachkit import pdf_bytes, png_bytes, seed_report
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from storekit import raw
from support.uikit import WAIT_MS, reading

from reviewer_app.core.store import attachments, audit, cases
from reviewer_app.ui.attachments import model as columns
from reviewer_app.ui.attachments.dialogs import AttachFilesDialog, ExportAttachmentDialog
from reviewer_app.ui.attachments.viewer import AttachmentViewer
from reviewer_app.ui.case.case_view import ATTACHMENTS, SHORTCUTS
from reviewer_app.ui.main.window import MainWindow


@pytest.fixture
def window(qtbot, ui_context):
    window = MainWindow(ui_context)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    return window


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    pdf = folder / "MRI lumbar 2026-11-12.pdf"
    pdf.write_bytes(pdf_bytes(seed_report()))
    scan = folder / "referral scan.png"
    scan.write_bytes(png_bytes(300, 200))
    note = folder / "phone note.txt"
    note.write_text("Provider called: MRI report attached.", encoding="utf-8")
    word = folder / "letter.pdf"
    word.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    return pdf, scan, note, word


@pytest.fixture
def tab(qtbot, window, ui_context, seed_case_path):
    seed = json.loads(seed_case_path.read_text())
    with reading(ui_context.database_path, create=True) as store:
        cases.import_documents(store, [("seed.json", json.dumps(seed))])
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(1)
    view = window.ui.caseView
    view.ui.tabs.setCurrentIndex(ATTACHMENTS)
    return view.attachments_tab


def cell(table, row: int, column: int) -> str:
    return table.model().data(table.model().index(row, column))


def drop(widget, paths) -> None:
    """Drag files over ``widget`` and drop them (Qt sends a drop to the widget that took the
    drag's entry)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_attach_by_dialog_and_by_drop_then_list(qtbot, window, tab, files, monkeypatch,
                                                problems, ui_context):
    pdf, scan, note, word = files
    assert ("Ctrl+5", "Case view: Attachments tab (the request's documents)") in SHORTCUTS
    panel = tab.panel
    assert "No documents attached yet" in panel.note.text()
    monkeypatch.setattr(AttachFilesDialog, "ask",
                        classmethod(lambda cls, parent, directory: [pdf, word]))
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        panel.attach_button.click()
    assert problems == [("1 file was not attached; nothing of it was stored.",
                         [f"{word}: (file): a ZIP archive (Word, Excel and OpenDocument files "
                          "are ZIP archives): save or print it as PDF"])]
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        drop(panel.table.viewport(), [scan, note])
    view = window.ui.caseView
    assert view.ui.tabs.tabText(ATTACHMENTS) == "Attachments (3)"
    assert view.ui.tabs.currentIndex() == ATTACHMENTS, "the nurse stays on the tab"
    table = panel.table
    assert [cell(table, r, columns.NAME) for r in range(3)] == [pdf.name, scan.name, note.name]
    assert [cell(table, r, columns.KIND) for r in range(3)] == ["PDF", "PNG image", "text"]
    assert cell(table, 1, columns.SIZE).endswith("bytes") or "KB" in cell(table, 1, columns.SIZE)
    assert cell(table, 0, columns.WHEN) == "2026-11-23 16:00"
    with reading(ui_context.database_path) as store:
        assert audit.verify_case(store, 1).ok
        stored = attachments.read_attachment(store, 1).data
    assert stored == pdf.read_bytes()


def test_open_each_kind_in_the_built_in_viewer_and_export(qtbot, window, tab, files,
                                                          monkeypatch, tmp_path, ui_context):
    pdf, scan, note, _ = files
    with reading(ui_context.database_path) as store:
        for path in (pdf, scan, note):
            attachments.attach_file(store, path, case_id=1)
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(1)
    panel = tab.panel
    shown = []
    real_open = AttachmentViewer.open
    monkeypatch.setattr(AttachmentViewer, "open", classmethod(
        lambda cls, parent, attachment: shown.append(real_open(parent, attachment)) or shown[-1]))
    for row in range(3):
        panel.table.selectRow(row)
        panel.open_button.click()
        qtbot.waitUntil(lambda n=row: len(shown) == n + 1, timeout=WAIT_MS)
    pdf_viewer, image_viewer, text_viewer = shown
    for viewer in shown:
        qtbot.addWidget(viewer)
    assert pdf_viewer.pdf_view.document().pageCount() == 1
    assert "PDF, 1 page" in pdf_viewer.caption.text()
    assert "300 × 200 pixels" in image_viewer.caption.text()
    assert text_viewer.content.toPlainText() == "Provider called: MRI report attached."
    target = tmp_path / "exported.pdf"
    monkeypatch.setattr(ExportAttachmentDialog, "ask",
                        classmethod(lambda cls, parent, suggested: target))
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS, raising=False):
        pdf_viewer.export_button.click()
        qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    assert target.read_bytes() == pdf.read_bytes()
    with reading(ui_context.database_path) as store:
        actions = [e.action for e in audit.entries(store, case_id=1, newest_first=False)]
    assert actions[-4:] == ["view", "view", "view", "export"]


def test_an_altered_attachment_is_refused_as_record_altered(qtbot, window, tab, files,
                                                            problems, ui_context):
    pdf, *_ = files
    with reading(ui_context.database_path) as store:
        attachments.attach_file(store, pdf, case_id=1)
        store.conn.execute("DROP TRIGGER attachments_keep_content")
        raw(store, "UPDATE attachments SET content = X'00' WHERE id = 1")
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(1)
    panel = tab.panel
    panel.table.selectRow(0)
    panel.open_button.click()
    qtbot.waitUntil(lambda: bool(problems), timeout=WAIT_MS)
    summary, lines = problems[0]
    assert "refused" in summary
    assert lines[0].startswith("record altered: attachment 1's bytes do not match its sha256")
    assert window.ui.caseView.ui.tabs.tabText(2) == "Audit ⚠"


def test_the_study_whose_report_a_document_holds(qtbot, window, ui_context, seed_case_path,
                                                 files):
    pdf, *_ = files
    seed = json.loads(seed_case_path.read_text())
    seed["imaging"][0]["report_attachment"] = {
        "sha256": hashlib.sha256(pdf.read_bytes()).hexdigest(), "name": pdf.name}
    seed["imaging"][1]["report_attachment"] = {"sha256": "ab" * 32, "name": "ct.pdf"}
    with reading(ui_context.database_path, create=True) as store:
        cases.import_documents(store, [("seed.json", json.dumps(seed))])
        attachments.attach_file(store, pdf, case_id=1)
    with qtbot.waitSignal(window.case_shown, timeout=WAIT_MS):
        window.open_stored_case(1)
    tab = window.ui.caseView.attachments_tab
    assert cell(tab.panel.table, 0, columns.REPORT) == "Study 1 · MRI 2026-11-12"
    assert not tab.missing.isHidden()
    assert "Study 2 · CT 2026-11-13" in tab.missing.text()
