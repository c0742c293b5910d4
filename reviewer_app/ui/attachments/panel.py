"""The list of a request's documents, with Attach…, Open, Export… and drag-and-drop of files.

The same widget serves the case view (a stored case's attachments) and the intake wizard (the
draft's, and the case's when a stored case is edited): what it lists and where a new file goes
is its *owner*'s business (:class:`CaseAttachments`, or the wizard's own). Every read and
write is a store operation on the database thread; a file dropped or chosen is read and
checked there (kind from its content, 20 MiB), and each refused file is listed with its
reason while the others are attached.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.ui.attachments.dialogs import AttachFilesDialog, ExportAttachmentDialog
from reviewer_app.ui.attachments.model import (
    KIND,
    NAME,
    REPORT,
    SIZE,
    WHEN,
    WHO,
    AttachmentsModel,
)
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.problems_message import ProblemsMessage

if TYPE_CHECKING:
    from reviewer_app.core.store.attachments import Attachment, AttachmentRecord
    from reviewer_app.core.store.database import Store
    from reviewer_app.ui.context import AppContext

LAST_DIRECTORY = "attachments/last_directory"
LIST_KEY = "attachments-list"
WIDTHS = {NAME: 260, KIND: 90, SIZE: 80, WHO: 170, WHEN: 130}


class AttachmentOwner(Protocol):
    announces: int | None
    """The case whose change an attach announces (None: a draft; the list reloads itself)."""
    removable: bool
    """Whether an attachment not yet part of a case can be taken off (a draft's)."""

    def attacher(self) -> Callable[[Store, Path], AttachmentRecord]:
        """On the GUI thread: what attaches one file on the database thread."""

    def records(self, store: Store) -> list[AttachmentRecord]: ...


@dataclass(frozen=True)
class CaseAttachments:
    """A stored case's attachments."""

    case_id: int
    by: int | None = None
    removable: bool = False

    @property
    def announces(self) -> int:
        return self.case_id

    def attacher(self) -> Callable[[Store, Path], AttachmentRecord]:
        from reviewer_app.core.store.attachments import attach_file

        return lambda store, path: attach_file(store, path, case_id=self.case_id, by=self.by)

    def records(self, store: Store) -> list[AttachmentRecord]:
        from reviewer_app.core.store.attachments import attachments_for

        return attachments_for(store, case_id=self.case_id)


@dataclass(frozen=True)
class Attached:
    records: list[AttachmentRecord]
    refused: list[str]
    """``FILE: (file): problem`` lines of the files not attached."""


def _attach_all(attach: Callable[[Store, Path], AttachmentRecord], paths: list[Path],
                store: Store) -> Attached:
    from reviewer_app.core.attachments import AttachmentError

    records, refused = [], []
    for path in paths:
        try:
            records.append(attach(store, path))
        except AttachmentError as error:
            refused += error.lines()
    return Attached(records, refused)


def local_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
    data = event.mimeData()
    urls = data.urls() if data.hasUrls() else []
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


class DropTable(QTableView):
    """A table that takes files dropped on it (and keeps them from the window's own drop,
    which opens case files)."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        emit(self.files_dropped, paths)


class AttachmentsPanel(QWidget):
    attached = Signal(list)
    """The records just attached (after a list refresh)."""
    listed = Signal()
    """The list shows the owner's attachments as they now stand."""
    selection_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 compact: bool = False):
        super().__init__(parent)
        self.setObjectName("attachmentsPanel")
        self._context = context
        self._owner: AttachmentOwner | None = None
        self._zone: tzinfo | None = None
        self._report_of: dict[str, str] = {}
        """sha256 -> the study whose report the document holds."""
        self.viewers: list[QWidget] = []
        self.model = AttachmentsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = DropTable(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Attached documents")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        if compact:
            for column in (WHO, WHEN):
                self.table.hideColumn(column)
            header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
            header.setStretchLastSection(False)
            self.table.hideColumn(REPORT)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton("&Attach…" if not compact else "Attach…", self)
        self.attach_button.setToolTip("Attach documents of the request (PDF, PNG, JPEG, text); "
                                      "or drop files on the list")
        self.open_button = QPushButton("&Open" if not compact else "Open", self)
        self.open_button.setToolTip("Show the document in the built-in viewer (Enter)")
        self.export_button = QPushButton("E&xport…" if not compact else "Export…", self)
        self.export_button.setToolTip("Write the document to a file, exactly as attached "
                                      "(recorded in the audit trail)")
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setToolTip("Take this document off the draft (attached by "
                                      "mistake); a case's documents are kept with it")
        for button in (self.attach_button, self.open_button, self.export_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Attachments: what happened")
        layout.addWidget(self.note)
        self.attach_button.clicked.connect(self._on_attach_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.table.activated.connect(self._on_table_activated)
        self.table.files_dropped.connect(self._on_table_files_dropped)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._show_state()

    # -- what is listed -------------------------------------------------------------------
    def set_owner(self, owner: AttachmentOwner | None) -> None:
        self._owner = owner
        self._show_state()

    def owner(self) -> AttachmentOwner | None:
        return self._owner

    def show_records(self, records: list[AttachmentRecord],
                     reports: dict[str, str] | None = None, zone: tzinfo | None = None) -> None:
        kept = self.selected()
        self._zone = zone
        self._report_of = dict(reports or {})
        self.model.show_records(records, reports, zone)
        row = self.model.row_of(kept.id) if kept is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._show_state()
        emit(self.listed)

    def records(self) -> list[AttachmentRecord]:
        return self.model.records()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the owner's attachments again (the wizard's list; the case view's comes with
        the case)."""
        owner = self._owner
        if owner is None:
            return
        (
            self._context.store.op(self, owner.records, key=LIST_KEY,
                                   what="list the attached documents")
            .success(lambda records: (self.show_records(records, self._report_of, self._zone),
                                      then and then()))
            .run()
        )

    def selected(self) -> AttachmentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def select(self, attachment_id: int) -> None:
        row = self.model.row_of(attachment_id)
        if row is not None:
            self.table.selectRow(row)

    def _show_state(self) -> None:
        record = self.selected()
        owner = self._owner
        self.attach_button.setEnabled(owner is not None)
        self.open_button.setEnabled(record is not None)
        self.export_button.setEnabled(record is not None)
        removable = bool(owner is not None and owner.removable and record is not None
                         and record.case_id is None)
        self.remove_button.setVisible(bool(owner is not None and owner.removable))
        self.remove_button.setEnabled(removable)
        if not self.model.rowCount():
            self.note.setText("No documents attached yet. Attach… or drop files here: the MRI "
                              "report (PDF or text), scans (PNG, JPEG).")
        elif not self.note.text() or self.note.text().startswith("No documents"):
            self.note.setText("")

    # -- attaching ------------------------------------------------------------------------
    def attach_files(self, paths: list[Path]) -> None:
        owner = self._owner
        if owner is None or not paths:
            return
        self.note.setText(f"Attaching {len(paths)} file{'s' if len(paths) != 1 else ''}…")
        attach = owner.attacher()
        op = self._context.store.op(self, lambda store: _attach_all(attach, paths, store),
                                    what="attach the documents")
        if owner.announces is not None:
            op.announces(lambda done: owner.announces if done.records else None)
        op.success(self._on_attached).run()

    def _on_attached(self, done: Attached) -> None:
        names = ", ".join(record.name for record in done.records)
        self.note.setText(f"Attached {names}." if done.records else "Nothing was attached.")
        if done.refused:
            count = len(done.refused)
            ProblemsMessage.show_problems(
                self, "Not attached",
                f"{count} file{'s were' if count != 1 else ' was'} not attached; "
                "nothing of it was stored.", done.refused)
        if done.records:
            def settle() -> None:
                self.select(done.records[-1].id)
                emit(self.attached, done.records)

            if self._owner is not None and self._owner.announces is None:
                self.reload(settle)
            else:
                settle()

    def _directory(self) -> str:
        return str(self._context.settings.value(LAST_DIRECTORY, str(Path.home())))

    def _on_attach_clicked(self) -> None:
        paths = AttachFilesDialog.ask(self, self._directory())
        if paths:
            self._context.settings.setValue(LAST_DIRECTORY, str(paths[0].parent))
            self.attach_files(paths)

    def _on_table_files_dropped(self, paths: list) -> None:
        self.attach_files([Path(p) for p in paths])

    # -- opening and exporting ------------------------------------------------------------
    def read(self, record: AttachmentRecord, then: Callable[[Attachment], None],
             what: str = "open the document") -> None:
        """Read ``record``'s bytes (checked, and recorded as a view), then ``then(them)``."""
        from reviewer_app.core.store.attachments import read_attachment

        by = self._context.reviewer_id
        (
            self._context.store.op(self, lambda store: read_attachment(store, record.id, by=by),
                                   what=what)
            .success(then)
            .run()
        )

    def open_record(self, record: AttachmentRecord) -> None:
        self.read(record, self._on_read)

    def _on_read(self, attachment: Attachment) -> None:
        from reviewer_app.ui.attachments.viewer import AttachmentViewer

        viewer = AttachmentViewer.open(self.window(), attachment)
        viewer.export_requested.connect(self.export_record)
        self.viewers.append(viewer)
        viewer.destroyed.connect(lambda _obj=None, v=viewer: self._forget(v))

    def _forget(self, viewer: QWidget) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)

    def export_record(self, record: AttachmentRecord) -> None:
        from reviewer_app.core.atomic import OutputError, check_target, write_atomic
        from reviewer_app.core.store.attachments import export_attachment

        target = ExportAttachmentDialog.ask(self, str(Path(self._directory()) / record.name))
        if target is None:
            return
        try:
            check_target(target)
        except OutputError as error:
            ProblemsMessage.show_problems(self, "Not exported", "The document was not "
                                          "exported; nothing was written.", [str(error)])
            return
        self._context.settings.setValue(LAST_DIRECTORY, str(target.parent))
        by = self._context.reviewer_id
        (
            self._context.store.op(
                self, lambda store: export_attachment(
                    store, record.id, lambda data: write_atomic(target, data), by=by),
                what="export the document")
            .success(lambda _record: self.note.setText(f"Exported {record.name} to {target}."))
            .run()
        )

    def _on_open_clicked(self) -> None:
        record = self.selected()
        if record is not None:
            self.open_record(record)

    def _on_export_clicked(self) -> None:
        record = self.selected()
        if record is not None:
            self.export_record(record)

    def _on_table_activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(index.row())
        if record is not None:
            self.open_record(record)

    def _on_remove_clicked(self) -> None:
        from reviewer_app.core.store.attachments import remove_from_draft

        record = self.selected()
        if record is None or record.case_id is not None:
            return
        by = self._context.reviewer_id
        (
            self._context.store.op(self, lambda store: remove_from_draft(store, record.id, by=by),
                                   what="remove the document")
            .success(lambda _done: (self.note.setText(f"Removed {record.name} from the draft."),
                                    self.reload()))
            .run()
        )

    def _on_selection_changed(self, _selected: QItemSelection,
                              _deselected: QItemSelection) -> None:
        self._show_state()
        emit(self.selection_changed)

