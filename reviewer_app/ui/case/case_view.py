"""The case view: one stored case with its header and the decision bar above four tabs, the
overview (the latest determination), the history of the request's versions, the case's audit
entries, and its letters and peer-to-peer conversations.

The window shows a snapshot here and reloads it when the case changes; this view only asks.
Edit emits :attr:`CaseView.edit_requested` for the window to open the intake wizard; an older
version opens read-only in a :class:`VersionDialog`, read on the database thread (a view of it
is recorded). A decision is asked for in its dialog and recorded by the store, signed with the
signed-in reviewer's key; its letter then opens in the letter window. The Export menu writes
the case file or the FHIR answer (:mod:`.exports`). Splitter and column layout are kept in
the application settings.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reviewer_app.core.lifecycle import OPEN, assign_problem
from reviewer_app.ui.case.audit_model import ACTION as AUDIT_ACTION
from reviewer_app.ui.case.audit_model import ENTRY as AUDIT_ENTRY
from reviewer_app.ui.case.audit_model import WHEN, WHO, AuditModel
from reviewer_app.ui.case.decision_bar import SHORTCUTS as DECISION_SHORTCUTS
from reviewer_app.ui.case.exports import CaseExports
from reviewer_app.ui.case.history_models import (
    AFTER,
    BEFORE,
    BY,
    CHANGED,
    CRITERIA,
    FIELD,
    OUTCOME,
    SAVED,
    VERSION,
    ChangesModel,
    VersionsModel,
    stored_time,
)
from reviewer_app.ui.case.snapshot import CaseSnapshot, load_version
from reviewer_app.ui.case.version_dialog import VersionDialog
from reviewer_app.ui.forms.ui_case_view import Ui_CaseView
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone, chip_pixmap, muted_text
from reviewer_app.ui.widgets.vocabulary import STATUS

if TYPE_CHECKING:
    from reviewer_app.ui.context import AppContext

OVERVIEW, HISTORY, AUDIT, LETTERS, ATTACHMENTS = range(5)
VERSION_KEY = "case-version"
SETTINGS_GROUP = "caseView"
CHECK_ICON = 22

SHORTCUTS = (
    ("Ctrl+E", "Edit the request of the case shown (opens the intake wizard)"),
    ("Ctrl+1", "Case view: Overview tab"),
    ("Ctrl+2", "Case view: History tab"),
    ("Ctrl+3", "Case view: Audit tab"),
    ("Ctrl+4", "Case view: Letters tab (letters, their signatures, peer-to-peer)"),
    ("Ctrl+5", "Case view: Attachments tab (the request's documents)"),
    *DECISION_SHORTCUTS,
    ("Ctrl+Tab", "Case view: next tab (Ctrl+Shift+Tab: previous)"),
    ("Enter", "History: open the selected version read-only"),
)
"""The case view's keys, for the Help › Keyboard shortcuts list."""

HISTORY_INTRO = (
    "Each row is a stored version of the request document, newest first: who saved it, what "
    "changed from the version before, and the outcome it got under which criteria set. Case "
    "versions missing from the list changed only the status or assignment (see Audit)."
)
VERSION_WIDTHS = {VERSION: 90, SAVED: 170, BY: 170, OUTCOME: 210, CRITERIA: 340}
CHANGE_WIDTHS = {FIELD: 360}
AUDIT_WIDTHS = {AUDIT_ENTRY: 64, WHEN: 170, WHO: 170, AUDIT_ACTION: 180}


def _settle_table(table: QTableView, widths: dict[int, int], stretch: tuple[int, ...] = ()
                  ) -> None:
    """Starting widths (the user's own come back from the settings); ``stretch`` columns share
    what is left, so the text that needs room gets it at any window width."""
    header = table.horizontalHeader()
    header.setMinimumSectionSize(48)
    for column, width in widths.items():
        header.resizeSection(column, width)
    if stretch:
        header.setStretchLastSection(False)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class CaseView(QWidget):
    edit_requested = Signal(int, int)
    """(case id, version): open the intake wizard on this stored case as it is at ``version``."""
    version_shown = Signal(int)
    """An earlier version opened read-only (its version number)."""
    decided = Signal(str)
    """A decision was recorded on the case shown (``approve``, ``refer``, ...)."""
    talk_recorded = Signal(int)
    """A peer-to-peer conversation was recorded (its id)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CaseView()
        self.ui.setupUi(self)
        self._context: AppContext | None = None
        self._snapshot: CaseSnapshot | None = None
        self._now: datetime | None = None
        self._restoring = False
        self._dialog: VersionDialog | None = None
        self._letter_window = None
        self._versions = VersionsModel(self)
        self._changes = ChangesModel(self)
        self._audit = AuditModel(self)
        self._set_up_tables()
        self._set_up_actions()
        self.ui.historyIntro.setText(escape(HISTORY_INTRO))
        self.ui.editButton.clicked.connect(self._on_edit_triggered)
        self.ui.assignButton.clicked.connect(self._on_assign_clicked)
        self.ui.viewVersionButton.clicked.connect(self._on_view_version_clicked)
        self.ui.versionsTable.activated.connect(self._on_versions_activated)
        self.ui.versionsTable.selectionModel().selectionChanged.connect(
            self._on_versions_selection_changed)
        self.ui.historySplitter.splitterMoved.connect(self._on_layout_changed)
        self.ui.determinationView.ui.bodySplitter.splitterMoved.connect(self._on_layout_changed)
        for table in self._tables():
            table.horizontalHeader().sectionResized.connect(self._on_layout_changed)
        bar = self.ui.decisionBar
        bar.decision_requested.connect(self._on_decision_requested)
        bar.letter_requested.connect(self._on_letter_requested)
        bar.p2p_requested.connect(self._on_p2p_requested)
        self.exports = CaseExports(self)
        bar.export_requested.connect(self._on_export_requested)
        letters = self.ui.lettersPanel
        letters.open_requested.connect(self._on_letter_open_requested)
        letters.correct_requested.connect(self._on_letter_correct_requested)

    def _set_up_tables(self) -> None:
        ui = self.ui
        ui.versionsTable.setModel(self._versions)
        ui.changesTable.setModel(self._changes)
        ui.auditTable.setModel(self._audit)
        _settle_table(ui.versionsTable, VERSION_WIDTHS, stretch=(CHANGED,))
        _settle_table(ui.changesTable, CHANGE_WIDTHS, stretch=(BEFORE, AFTER))
        _settle_table(ui.auditTable, AUDIT_WIDTHS)
        for table in (ui.versionsTable, ui.changesTable):
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ui.auditTable.setWordWrap(False)
        ui.auditTable.setTextElideMode(Qt.TextElideMode.ElideRight)
        ui.auditTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        ui.historySplitter.setStretchFactor(0, 1)
        ui.historySplitter.setStretchFactor(1, 1)

    def _set_up_actions(self) -> None:
        self.edit_action = QAction("&Edit request…", self)
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_action.triggered.connect(self._on_edit_triggered)
        self.addAction(self.edit_action)
        for number, title in enumerate(("Overview", "History", "Audit", "Letters")):
            action = QAction(f"Show {title}", self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(
                lambda _checked=False, tab=number: self.ui.tabs.setCurrentIndex(tab))
            self.addAction(action)

    def _tables(self) -> tuple[QTableView, ...]:
        return (self.ui.versionsTable, self.ui.changesTable, self.ui.auditTable)

    def set_context(self, context: AppContext) -> None:
        """The store (for reading an older version) and the settings (for the layout)."""
        self._context = context
        self.ui.lettersPanel.set_context(context)
        self._add_attachments_tab(context)
        self._restore_layout()

    def _add_attachments_tab(self, context: AppContext) -> None:
        from reviewer_app.ui.case.attachments_tab import AttachmentsTab

        self.attachments_tab = AttachmentsTab(context, self.ui.tabs)
        self.ui.tabs.insertTab(ATTACHMENTS, self.attachments_tab, "Attachments")
        self.ui.tabs.setTabToolTip(ATTACHMENTS, "The request's documents (Ctrl+5)")
        action = QAction("Show Attachments", self)
        action.setShortcut(QKeySequence("Ctrl+5"))
        action.triggered.connect(
            lambda _checked=False: self.ui.tabs.setCurrentIndex(ATTACHMENTS))
        self.addAction(action)

    def _show_attachments(self, snapshot: CaseSnapshot) -> None:
        tab = getattr(self, "attachments_tab", None)
        if tab is not None:
            tab.show_case(snapshot, self._zone())
            count = len(snapshot.attachments)
            self.ui.tabs.setTabText(ATTACHMENTS, f"Attachments ({count})" if count
                                    else "Attachments")

    def snapshot(self) -> CaseSnapshot | None:
        return self._snapshot

    def show_case(self, snapshot: CaseSnapshot, now: datetime) -> None:
        kept = self._selected_version()
        same_case = self._snapshot is not None and self._snapshot.case_id == snapshot.case_id
        if same_case and len(snapshot.versions) != len(self._snapshot.versions):
            kept = None  # a new version arrived: show what it changed
        self._snapshot, self._now = snapshot, now
        zone = now.tzinfo
        self.ui.caseHeader.show_case(snapshot, now)
        self.ui.determinationView.show_case(snapshot)
        self._versions.show_versions(snapshot.versions, zone)
        self._audit.show_entries(snapshot.audit, snapshot.check, zone)
        self._show_check(snapshot)
        self._show_version_line(snapshot)
        self._show_edit_state(snapshot)
        self.ui.decisionBar.show_case(snapshot, self._reviewer())
        self.ui.lettersPanel.show_case(snapshot)
        if self._letter_window is not None:
            if same_case:
                self._letter_window.follow(snapshot)
            else:
                self._letter_window.close()
        self._show_attachments(snapshot)
        row = self._versions.row_of(kept) if same_case and kept is not None else None
        self.ui.versionsTable.selectRow(row if row is not None else 0)
        self._show_changes()
        if not same_case:
            self.ui.tabs.setCurrentIndex(OVERVIEW)

    def show_time(self, now: datetime) -> None:
        self._now = now
        self.ui.caseHeader.show_time(now)

    def _show_version_line(self, snapshot: CaseSnapshot) -> None:
        muted = muted_text(self.palette()).name()
        versions = snapshot.versions
        parts = [f"Case version <b>{snapshot.version}</b>"]
        if versions:
            latest = versions[-1]
            count = len(versions)
            parts.append(f"request {'edited' if count > 1 else 'imported'} "
                         f"{escape(stored_time(latest.saved_at, self._zone()))} by "
                         f"{escape(latest.saved_by)}")
            parts.append(f"{count} version{'s' if count != 1 else ''} of the request")
        check = snapshot.check
        if check is not None and not check.ok:
            bad = TEXT[Tone.BAD].name()
            parts.append(f'<b style="color:{bad}">audit check failed: see the Audit tab</b>')
        elif not snapshot.intact:
            bad = TEXT[Tone.BAD].name()
            parts.append(f'<b style="color:{bad}">changed outside the application</b>')
        elif check is not None:
            parts.append("audit record intact")
        separator = f' <span style="color:{muted}">·</span> '
        self.ui.versionLabel.setText(separator.join(parts))

    def _show_edit_state(self, snapshot: CaseSnapshot) -> None:
        problem = assign_problem(snapshot.status, self._reviewer() is not None,
                                 snapshot.read_only)
        self.ui.assignButton.setEnabled(problem is None)
        self.ui.assignButton.setToolTip(problem or "Give this case to a reviewer (a pended "
                                        "case goes back into review); audited")
        editable = snapshot.status in OPEN
        self.ui.editButton.setEnabled(editable)
        self.edit_action.setEnabled(editable)
        if editable:
            tip = ("Open this stored case in the intake wizard; saving it makes version "
                   f"{snapshot.version + 1} (Ctrl+E)")
        else:
            status = STATUS.get(snapshot.status, snapshot.status)
            tip = (f"The case is {status}: its request can no longer be changed, the decision "
                   "stands on the version it was made on")
        self.ui.editButton.setToolTip(tip)

    def _show_check(self, snapshot: CaseSnapshot) -> None:
        check = snapshot.check
        if check is None:
            tone, text = Tone.NEUTRAL, "The audit check did not run."
        elif check.ok:
            tone = Tone.GOOD
            text = (f"<b>Audit record intact.</b> This case's {check.entries} audit entries "
                    "match their hashes and link into the chain, and the case and its "
                    f"{check.records} other records match what the application last wrote.")
        else:
            tone = Tone.BAD
            items = "".join(f"<li>{escape(line)}</li>" for line in check.lines())
            text = ("<b>The audit check failed: this record was changed outside the "
                    f"application.</b><ul style=\"margin:2px 0\">{items}</ul>"
                    "Do not rely on the case until it has been restored from a backup; marked "
                    "entries below are the ones that fail. Run <tt>audit verify</tt> for the "
                    "whole trail.")
        box = self.ui.checkBox
        palette = box.palette()
        palette.setColor(QPalette.ColorRole.Window, TINT[tone])
        palette.setColor(QPalette.ColorRole.WindowText, TEXT[tone])
        box.setPalette(palette)
        self.ui.checkLabel.setText(text)
        self.ui.checkIcon.setPixmap(chip_pixmap(tone, CHECK_ICON, self.devicePixelRatioF()))
        self.ui.tabs.setTabText(AUDIT, "Audit" if check is None or check.ok else "Audit ⚠")

    def _zone(self):
        return self._now.tzinfo if self._now else None

    # -- decisions, letters, peer-to-peer ---------------------------------------------------

    def _reviewer(self):
        return self._context.signer if self._context is not None else None

    def letter_window(self):
        """The letter window (built the first time a letter is shown)."""
        if self._letter_window is None:
            from reviewer_app.ui.letters.preview import LetterPreview

            self._letter_window = LetterPreview(self._context, self)
        return self._letter_window

    def _on_decision_requested(self, decision: str) -> None:
        from reviewer_app.ui.case import decision_dialogs as dialogs
        from reviewer_app.ui.case.deciding import record_decision

        snapshot, reviewer, context = self._snapshot, self._reviewer(), self._context
        if snapshot is None or reviewer is None or context is None:
            return
        if decision == "approve":
            request = dialogs.ApproveDialog.ask(self, snapshot, reviewer)
        elif decision == "refer":
            request = dialogs.ReferDialog.ask(self, snapshot, reviewer)
        elif decision == "pend":
            now = context.clock()
            request = dialogs.PendDialog.ask(self, snapshot, reviewer, now.date(), now=now)
        else:
            request = dialogs.AdverseDialog.ask(self, snapshot, reviewer,
                                                partial=decision == "partial")
        if request is None:
            return
        case_id, version = snapshot.case_id, snapshot.version
        (
            context.store.op(
                self, lambda store: record_decision(store, case_id, version, request, reviewer),
                what=f"record the decision on case {case_id}")
            .announces(case_id)
            .success(self._on_decided)
            .run()
        )

    def _on_decided(self, decided) -> None:
        decision = decided.decision.decision
        emit(self.decided, decision)
        window = self.window()
        if hasattr(window, "statusBar"):
            status = STATUS.get(decided.case.status, decided.case.status)
            window.statusBar().showMessage(
                f"Case {decided.case.id}: {status}, signed by {self._reviewer().name}", 8000)
        if decision != "refer" and self._snapshot is not None:
            from dataclasses import replace

            shown = replace(self._snapshot, decisions=(*self._snapshot.decisions,
                                                       decided.decision),
                            status=decided.case.status, version=decided.case.version)
            self.letter_window().show_due(shown, "member")
            self._raise_letter_window()

    def _raise_letter_window(self) -> None:
        window = self.letter_window()
        window.show()
        window.raise_()

    def _on_letter_requested(self) -> None:
        snapshot = self._snapshot
        if snapshot is not None and snapshot.letters_due:
            self.letter_window().show_due(snapshot, snapshot.letters_due[0])
            self._raise_letter_window()

    def _on_letter_open_requested(self, letter_id: str) -> None:
        if self._snapshot is not None:
            self.letter_window().show_issued(self._snapshot, letter_id)
            self._raise_letter_window()

    def _on_letter_correct_requested(self, letter_id: str) -> None:
        snapshot = self._snapshot
        letter = next((x for x in snapshot.letters if x.letter_id == letter_id), None) \
            if snapshot else None
        if letter is not None:
            self.letter_window().show_due(snapshot, letter.recipient, replaces=letter_id)
            self._raise_letter_window()

    def _on_export_requested(self, kind: str) -> None:
        if self._snapshot is not None and self._context is not None:
            self.exports.start(self._context, self._snapshot, kind)

    def _on_assign_clicked(self) -> None:
        """Assign…: the reviewers the store lists, one chosen, the core's ``assign`` (which
        refuses a referred case to a nurse, in its own words)."""
        from reviewer_app.core.store.records import list_reviewers

        if self._snapshot is None or self._context is None:
            return
        (self._context.store.op(self, list_reviewers, what="list the reviewers")
         .success(self._choose_assignee).run())

    def _choose_assignee(self, reviewers: list) -> None:
        from PySide6.QtWidgets import QInputDialog

        from reviewer_app.core.store import decisions

        snapshot, context = self._snapshot, self._context
        if snapshot is None or context is None or not reviewers:
            return
        names = [f"{r.signature} ({r.role})" for r in reviewers]
        current = snapshot.case_id
        chosen, ok = QInputDialog.getItem(
            self, "Assign the case", f"Give case {current} to:", names, 0, False)
        if not ok:
            return
        reviewer = reviewers[names.index(chosen)]
        version, by = snapshot.version, context.reviewer_id
        (
            context.store.op(self, lambda store: decisions.assign(
                store, current, reviewer=reviewer.id, expected_version=version, by=by),
                what=f"assign case {current}")
            .announces(current)  # the window reloads the case and says it was updated
            .run()
        )

    def _on_p2p_requested(self) -> None:
        from reviewer_app.ui.case.deciding import record_talk
        from reviewer_app.ui.case.p2p_dialog import PeerToPeerDialog

        snapshot, reviewer, context = self._snapshot, self._reviewer(), self._context
        if snapshot is None or reviewer is None or context is None:
            return
        request = PeerToPeerDialog.ask(self, snapshot, reviewer, context.clock())
        if request is None:
            return
        case_id = snapshot.case_id
        (
            context.store.op(self, lambda store: record_talk(store, case_id, request, reviewer),
                             what=f"record the peer-to-peer conversation on case {case_id}")
            .announces(case_id)
            .success(lambda talk: emit(self.talk_recorded, talk.id))
            .run()
        )

    def _selected_version(self) -> int | None:
        rows = self.ui.versionsTable.selectionModel().selectedRows()
        item = self._versions.row_at(rows[0].row()) if rows else None
        return item.version.version if item else None

    def _show_changes(self) -> None:
        rows = self.ui.versionsTable.selectionModel().selectedRows()
        item = self._versions.row_at(rows[0].row()) if rows else None
        self._changes.show_version(item)
        self.ui.viewVersionButton.setEnabled(item is not None)
        if item is None:
            self.ui.changesTitle.setText("")
        elif item.previous is None:
            self.ui.changesTitle.setText(
                f"<b>Version {item.version.version}</b>: the request as imported; there is no "
                "earlier version to compare with.")
        else:
            count = len(item.changes)
            self.ui.changesTitle.setText(
                f"<b>Version {item.version.version}</b> changed {count} "
                f"field{'s' if count != 1 else ''} from version {item.previous.version}:")

    def open_version(self, version: int) -> None:
        """Read ``version`` of the shown case and show it read-only."""
        snapshot, context = self._snapshot, self._context
        if snapshot is None or context is None:
            return
        case_id, by = snapshot.case_id, context.reviewer_id
        self.ui.viewVersionButton.setEnabled(False)
        self.ui.viewVersionButton.setText("Opening…")
        (
            context.store.op(
                self, lambda store: load_version(store, case_id, version, by=by),
                key=VERSION_KEY, what=f"open version {version} of case {case_id}")
            .success(self._on_version_loaded)
            .failure(self._on_version_failed)
            .run()
        )

    def version_dialog(self) -> VersionDialog | None:
        return self._dialog

    def _on_version_loaded(self, snapshot: CaseSnapshot) -> None:
        self._reset_view_button()
        if self._dialog is None:
            self._dialog = VersionDialog(self)
        self._dialog.show_version(snapshot, self._now or datetime.now().astimezone())
        self._dialog.show()
        self._dialog.raise_()
        emit(self.version_shown, snapshot.version)

    def _on_version_failed(self, error: Exception) -> None:
        from reviewer_app.ui.operations.failures import describe_failure
        from reviewer_app.ui.widgets.problems_message import ProblemsMessage

        self._reset_view_button()
        failure = describe_failure(error)
        ProblemsMessage.show_problems(self, "Version not opened",
                                      f"The version could not be opened. {failure.summary}",
                                      failure.lines)

    def _reset_view_button(self) -> None:
        self.ui.viewVersionButton.setText("&View this version…")
        self.ui.viewVersionButton.setEnabled(self._selected_version() is not None)

    def _on_edit_triggered(self) -> None:
        snapshot = self._snapshot
        if snapshot is not None and snapshot.status in OPEN:
            emit(self.edit_requested, snapshot.case_id, snapshot.version)

    def _on_view_version_clicked(self) -> None:
        version = self._selected_version()
        if version is not None:
            self.open_version(version)

    def _on_versions_activated(self, index: QModelIndex) -> None:
        item = self._versions.row_at(index.row())
        if item is not None:
            self.open_version(item.version.version)

    def _on_versions_selection_changed(self, _selected: QItemSelection,
                                       _deselected: QItemSelection) -> None:
        self._show_changes()

    def _restore_layout(self) -> None:
        settings = self._context.settings if self._context else None
        if settings is None:
            return
        self._restoring = True
        try:
            settings.beginGroup(SETTINGS_GROUP)
            for name, widget in self._layout_parts():
                state = settings.value(name)
                if isinstance(state, QByteArray) and not state.isEmpty():
                    widget.restoreState(state)
            settings.endGroup()
        finally:
            self._restoring = False

    def _layout_parts(self):
        ui = self.ui
        return (
            ("historySplitter", ui.historySplitter),
            ("bodySplitter", ui.determinationView.ui.bodySplitter),
            ("versionsColumns", ui.versionsTable.horizontalHeader()),
            ("changesColumns", ui.changesTable.horizontalHeader()),
            ("auditColumns", ui.auditTable.horizontalHeader()),
        )

    def _on_layout_changed(self, *_args: object) -> None:
        if self._restoring or self._context is None:
            return
        settings = self._context.settings
        settings.beginGroup(SETTINGS_GROUP)
        for name, widget in self._layout_parts():
            settings.setValue(name, widget.saveState())
        settings.endGroup()
