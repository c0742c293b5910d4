"""The Letters tab of the case view: the case's decisions in words, its issued letters with
the check of each signature (run on a worker thread, never on the window's), and its
peer-to-peer conversations.

Open shows a letter in the letter window, Re-verify checks its signature again, Issue
corrected letter previews a new letter that names the one it replaces (the store allows one
correction per letter). The panel only asks; the case view acts.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from reviewer_app.core.lifecycle import P2P_OUTCOMES
from reviewer_app.ui.forms.ui_letters_panel import Ui_LettersPanel
from reviewer_app.ui.letters.preview import LETTER_WORDS, _roots, _verify, verdict_text
from reviewer_app.ui.operations import CoreOp
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.tones import TEXT, Tone

if TYPE_CHECKING:
    from reviewer_app.core.letters.verify import VerifyReport
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.letters import LetterRecord
    from reviewer_app.ui.case.snapshot import CaseSnapshot
    from reviewer_app.ui.context import AppContext

LETTER_COLUMNS = ("Letter", "Type", "To", "Language", "Issued (UTC)", "Signed by", "Corrects",
                  "Signature")
SIGNATURE = LETTER_COLUMNS.index("Signature")
TALK_COLUMNS = ("When (UTC)", "With", "Physician reviewer", "Outcome", "Note")
DECISION_WORDS = {"approve": "approved", "partial": "partially approved", "deny": "denied",
                  "refer": "referred to a physician", "pend": "pended for information"}


def _pdf(store: Store, letter_id: str) -> bytes:
    from reviewer_app.core.issuing import read_letter

    return read_letter(store, letter_id).pdf


class LettersPanel(QWidget):
    open_requested = Signal(str)
    """Open an issued letter (its id) in the letter window."""
    correct_requested = Signal(str)
    """Preview a corrected letter replacing this one (its id)."""
    letter_verified = Signal(str, object)
    """(letter id, ``VerifyReport``): a signature check finished."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LettersPanel()
        self.ui.setupUi(self)
        self._context: AppContext | None = None
        self._snapshot: CaseSnapshot | None = None
        self._reports: dict[str, VerifyReport] = {}
        """Signature checks, by letter id and sha256 (a letter never changes)."""
        table = self.ui.lettersTable
        for widget, columns in ((table, LETTER_COLUMNS), (self.ui.p2pTable, TALK_COLUMNS)):
            widget.setColumnCount(len(columns))
            widget.setHorizontalHeaderLabels(columns)
            widget.verticalHeader().hide()
            header = widget.horizontalHeader()
            header.setStretchLastSection(True)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.openButton.clicked.connect(self._on_open_clicked)
        self.ui.verifyButton.clicked.connect(self._on_verify_clicked)
        self.ui.correctButton.clicked.connect(self._on_correct_clicked)
        table.activated.connect(self._on_letters_activated)
        table.itemSelectionChanged.connect(self._on_letters_selection_changed)
        self._on_letters_selection_changed()

    def set_context(self, context: AppContext) -> None:
        self._context = context

    def show_case(self, snapshot: CaseSnapshot) -> None:
        self._snapshot = snapshot
        self.ui.decisionsLabel.setText(decisions_html(snapshot))
        self._show_letters(snapshot)
        self._show_talks(snapshot)
        for letter in snapshot.letters:
            if self._key(letter) not in self._reports:
                self.verify(letter.letter_id)

    def report(self, letter_id: str) -> VerifyReport | None:
        letter = self._letter(letter_id)
        return self._reports.get(self._key(letter)) if letter else None

    def verify(self, letter_id: str) -> None:
        """Check the letter's signature again: its bytes and the trust roots from the store,
        then pyHanko on a worker thread."""
        context = self._context
        if context is None:
            return
        self._set_signature(letter_id, Tone.NEUTRAL, "checking…")

        def read(store: Store) -> tuple[bytes, list]:
            return _pdf(store, letter_id), _roots(store)

        def check(found: tuple[bytes, list]) -> None:
            CoreOp(self, _verify, *found).success(
                lambda report: self._on_verified(letter_id, report)).failure(
                lambda error: self._set_signature(letter_id, Tone.BAD,
                                                  f"not checked: {error}")).run()

        (context.store.op(self, read, what=f"read letter {letter_id}")
         .success(check).failure(lambda error: self._set_signature(
             letter_id, Tone.BAD, f"not checked: {error}")).run())

    def _key(self, letter: LetterRecord) -> str:
        return f"{letter.letter_id}:{letter.sha256}"

    def _letter(self, letter_id: str) -> LetterRecord | None:
        snapshot = self._snapshot
        return next((x for x in snapshot.letters if x.letter_id == letter_id), None) \
            if snapshot else None

    def _show_letters(self, snapshot: CaseSnapshot) -> None:
        table = self.ui.lettersTable
        selected = self.selected_letter()
        table.setRowCount(len(snapshot.letters))
        names = snapshot.reviewer_names
        for row, letter in enumerate(reversed(snapshot.letters)):
            corrects = letter.replaces or ""
            if letter.replaced_by:
                corrects = (f"{corrects}; " if corrects else "") + \
                    f"replaced by {letter.replaced_by}"
            values = (letter.letter_id, LETTER_WORDS.get(letter.letter_type, letter.letter_type),
                      letter.recipient, letter.language,
                      letter.created_at[:16].replace("T", " "),
                      names.get(letter.reviewer_id, str(letter.reviewer_id)), corrects, "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, letter.letter_id)
                table.setItem(row, column, item)
            report = self._reports.get(self._key(letter))
            if report is not None:
                self._set_signature(letter.letter_id, *verdict_text(report))
        if not snapshot.letters:
            self.ui.lettersTitle.setText("<b>Letters</b>: none issued yet")
        else:
            self.ui.lettersTitle.setText(f"<b>Letters</b> ({len(snapshot.letters)}, newest "
                                         "first)")
        if selected is not None:
            self._select(selected)
        elif snapshot.letters:
            table.selectRow(0)
        self._on_letters_selection_changed()

    def _select(self, letter_id: str) -> None:
        table = self.ui.lettersTable
        for row in range(table.rowCount()):
            if table.item(row, 0).text() == letter_id:
                table.selectRow(row)
                return

    def _row(self, letter_id: str) -> int | None:
        table = self.ui.lettersTable
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.text() == letter_id:
                return row
        return None

    def _set_signature(self, letter_id: str, tone: Tone, text: str) -> None:
        row = self._row(letter_id)
        if row is None:
            return
        glyph = {Tone.GOOD: "✔ ", Tone.BAD: "✖ "}.get(tone, "")
        item = QTableWidgetItem(f"{glyph}{text}")
        item.setForeground(TEXT[tone])
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.UserRole, letter_id)
        self.ui.lettersTable.setItem(row, SIGNATURE, item)

    def _on_verified(self, letter_id: str, report: VerifyReport) -> None:
        letter = self._letter(letter_id)
        if letter is not None:
            self._reports[self._key(letter)] = report
        self._set_signature(letter_id, *verdict_text(report))
        emit(self.letter_verified, letter_id, report)

    def _show_talks(self, snapshot: CaseSnapshot) -> None:
        table = self.ui.p2pTable
        table.setRowCount(len(snapshot.talks))
        names = snapshot.reviewer_names
        for row, talk in enumerate(reversed(snapshot.talks)):
            values = (talk.held_at[:16].replace("T", " "), talk.provider,
                      names.get(talk.reviewer_id, str(talk.reviewer_id)),
                      P2P_OUTCOMES.get(talk.outcome, talk.outcome), talk.note or "")
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeRowsToContents()
        count = len(snapshot.talks)
        self.ui.p2pTitle.setText("<b>Peer-to-peer conversations</b>" + (
            f" ({count})" if count else ": none recorded (a physician records one with "
            "Peer-to-peer…)"))

    def selected_letter(self) -> str | None:
        rows = self.ui.lettersTable.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.ui.lettersTable.item(rows[0].row(), 0)
        return item.text() if item else None

    def _on_letters_selection_changed(self) -> None:
        letter_id = self.selected_letter()
        letter = self._letter(letter_id) if letter_id else None
        ui = self.ui
        ui.openButton.setEnabled(letter is not None)
        ui.verifyButton.setEnabled(letter is not None)
        problem = self.correct_problem(letter)
        ui.correctButton.setEnabled(letter is not None and problem is None)
        ui.correctButton.setToolTip(problem or "Preview a new letter that replaces this one; "
                                    "you sign it as you signed the first")

    def correct_problem(self, letter: LetterRecord | None) -> str | None:
        if letter is None:
            return "Choose a letter first"
        if letter.replaced_by:
            return (f"{letter.letter_id} was already replaced by {letter.replaced_by}: correct "
                    f"{letter.replaced_by} instead")
        reviewer = self._context.signer if self._context else None
        if reviewer is None:
            return "Sign in to issue a corrected letter"
        if reviewer.id != letter.reviewer_id:
            name = self._snapshot.reviewer_names.get(letter.reviewer_id, "the decider")
            return f"A corrected letter carries the signature of the reviewer who decided, {name}"
        return None

    def _on_open_clicked(self) -> None:
        if (letter_id := self.selected_letter()) is not None:
            emit(self.open_requested, letter_id)

    def _on_letters_activated(self, index: QModelIndex) -> None:
        letter_id = index.data(Qt.ItemDataRole.UserRole)
        if letter_id:
            emit(self.open_requested, str(letter_id))

    def _on_verify_clicked(self) -> None:
        if (letter_id := self.selected_letter()) is not None:
            self.verify(letter_id)

    def _on_correct_clicked(self) -> None:
        letter_id = self.selected_letter()
        if letter_id is not None and self.correct_problem(self._letter(letter_id)) is None:
            emit(self.correct_requested, letter_id)


def decisions_html(snapshot: CaseSnapshot) -> str:
    """Every decision of the case in words, newest first: who, when, what, and what it said."""
    if not snapshot.decisions:
        return "<b>Decisions</b>: none yet."
    names = snapshot.reviewer_names
    rows = []
    for decision in reversed(snapshot.decisions):
        who = escape(names.get(decision.reviewer_id, str(decision.reviewer_id)))
        line = (f"<b>{escape(decision.at[:16].replace('T', ' '))} UTC</b> · {who} "
                f"({escape(decision.role)}): {DECISION_WORDS.get(decision.decision, '')}")
        details = []
        if decision.approved_codes:
            details.append(f"approved codes {escape(decision.approved_codes)}")
        if decision.approved_levels:
            details.append(f"at levels {escape(decision.approved_levels)}")
        if decision.info_needed_by:
            asked = len(decision.kept_items or ()) + len(decision.added_items)
            details.append(f"{asked} item{'s' if asked != 1 else ''} needed by "
                           f"{escape(decision.info_needed_by)}")
        if decision.reason:
            label = "note" if decision.decision == "refer" else "clinical rationale"
            details.append(f"{label}: “{escape(decision.reason)}”")
        if decision.member_reason:
            details.append(f"for the member ({escape(decision.member_language or '')}): "
                           f"“{escape(decision.member_reason)}”")
        rows.append(line + (f"<br>&nbsp;&nbsp;{'<br>&nbsp;&nbsp;'.join(details)}"
                            if details else ""))
    return "<b>Decisions</b>, newest first:<br>" + "<br>".join(rows)
