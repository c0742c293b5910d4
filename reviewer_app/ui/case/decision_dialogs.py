"""The decision dialogs: Approve, Refer…, Pend… and, for a physician, Deny… and Partial
approval…. Each asks what its decision needs and gives back a :class:`DecisionRequest`
(``ask`` classmethods, which tests replace); nothing is recorded here. What is wrong is shown
in the core's own words (:mod:`reviewer_app.core.lifecycle`, :mod:`reviewer_app.core.deadlines`)
while the reviewer types, and OK stays off until nothing is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from reviewer_app.core import deadlines, lifecycle
from reviewer_app.core.adverse_reason import reason_problem
from reviewer_app.core.criteria import input_labels
from reviewer_app.core.languages import language_name
from reviewer_app.core.levels import describe_levels
from reviewer_app.core.pend_timeline import (
    PendRefused,
    PendTimeline,
    pend_timeline,
    reason_choices,
    rule_for,
)
from reviewer_app.ui.forms.ui_adverse_dialog import Ui_AdverseDialog
from reviewer_app.ui.forms.ui_approve_dialog import Ui_ApproveDialog
from reviewer_app.ui.forms.ui_pend_dialog import Ui_PendDialog
from reviewer_app.ui.forms.ui_refer_dialog import Ui_ReferDialog
from reviewer_app.ui.widgets.tones import TEXT, Tone

if TYPE_CHECKING:
    from reviewer_app.core.store.reviewers import UnlockedReviewer
    from reviewer_app.ui.case.snapshot import CaseSnapshot

KEY_ROLE = Qt.ItemDataRole.UserRole
MIN_NOTE_WORDS = 3


@dataclass(frozen=True)
class DecisionRequest:
    """What a dialog asks the store to record (the arguments of ``decisions.decide``)."""

    decision: str
    reason: str | None = None
    member_reason: str | None = None
    approved_codes: tuple[str, ...] = ()
    approved_levels: tuple[str, ...] = ()
    info_kept: tuple[str, ...] | None = None
    info_added: tuple[str, ...] = ()
    info_needed_by: dt.date | None = None
    extension_reason: str | None = None
    extra: dict = field(default_factory=dict)

    def arguments(self) -> dict:
        found = {"reason": self.reason, "member_reason": self.member_reason,
                 "approved_codes": self.approved_codes,
                 "approved_levels": self.approved_levels, "info_added": self.info_added,
                 "info_needed_by": self.info_needed_by}
        if self.decision == "pend":
            found["info_kept"] = self.info_kept
            found["extension_reason"] = self.extension_reason
        return found


def _requested(snapshot: CaseSnapshot) -> str:
    case = snapshot.case
    codes = ", ".join(p.code for p in case.service.procedures)
    levels = describe_levels(tuple(case.service.levels)) if case.service.levels else "no levels"
    member = case.member
    return (f"Case {snapshot.case_id} · {escape(member.given_name)} {escape(member.family_name)}"
            f" · {escape(codes)} at {escape(levels)}")


def _show_problem(label, problem: str | None, buttons: QDialogButtonBox) -> None:
    label.setText(problem[0].upper() + problem[1:] if problem else "")
    label.setStyleSheet(f"color: {TEXT[Tone.BAD].name()}")
    buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)


def _signer(reviewer: UnlockedReviewer) -> str:
    return (f"Signed with your key as <b>{escape(reviewer.name)}</b> "
            f"({escape(reviewer.role or 'reviewer')}) when you press OK.")


class ApproveDialog(QDialog):
    def __init__(self, snapshot: CaseSnapshot, reviewer: UnlockedReviewer,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ApproveDialog()
        self.ui.setupUi(self)
        self.ui.summaryLabel.setText(
            f"<p>{_requested(snapshot)}</p><p>Approve every requested code and level. The "
            f"latest evaluation: <b>{escape(snapshot.determination.outcome)}</b>.</p>")
        self.ui.signatureLabel.setText(_signer(reviewer))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Approve and sign")

    @classmethod
    def ask(cls, parent: QWidget, snapshot: CaseSnapshot, reviewer: UnlockedReviewer
            ) -> DecisionRequest | None:
        dialog = cls(snapshot, reviewer, parent)
        return DecisionRequest("approve") if dialog.exec() == QDialog.DialogCode.Accepted \
            else None


class ReferDialog(QDialog):
    def __init__(self, snapshot: CaseSnapshot, reviewer: UnlockedReviewer,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ReferDialog()
        self.ui.setupUi(self)
        self.ui.summaryLabel.setText(
            f"<p>{_requested(snapshot)}</p><p>A physician reviewer decides the case from here "
            "on; it leaves your queue and goes to the physicians' queue, referred cases "
            f"first.</p><p>{_signer(reviewer)}</p>")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Refer and sign")
        self.ui.noteEdit.textChanged.connect(self._on_note_changed)
        self._on_note_changed()

    def note(self) -> str:
        return self.ui.noteEdit.toPlainText().strip()

    def problem(self) -> str | None:
        if len(self.note().split()) < MIN_NOTE_WORDS:
            return ("write a note for the physician reviewer: what to look at, and why "
                    f"(at least {MIN_NOTE_WORDS} words)")
        return None

    def _on_note_changed(self) -> None:
        _show_problem(self.ui.problemLabel, self.problem(), self.ui.buttons)

    @classmethod
    def ask(cls, parent: QWidget, snapshot: CaseSnapshot, reviewer: UnlockedReviewer
            ) -> DecisionRequest | None:
        dialog = cls(snapshot, reviewer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return DecisionRequest("refer", reason=dialog.note())


def pend_items(snapshot: CaseSnapshot) -> list[tuple[str, str]]:
    """(key, words) of every missing item the latest evaluation lists."""
    determination = snapshot.determination
    items = [(path, input_labels.label(path)) for path in determination.missing_information]
    items += [(study.key, study.text) for study in determination.missing_studies]
    return items


class PendDialog(QDialog):
    """Pend…: the evaluation's missing items pre-ticked, the reviewer's own, and the date they
    are needed by. Whether that date keeps the deadline, extends it or is refused is the
    core's rule for the line of business (:func:`reviewer_app.core.pend_timeline.pend_timeline`,
    the store's own check), said under the date as it changes. Where the rule allows an
    extension only for reasons it names (Medicare Advantage), the choice of reason appears
    once the date extends the deadline, with the refusal beside it until one is chosen."""

    def __init__(self, snapshot: CaseSnapshot, reviewer: UnlockedReviewer, today: dt.date,
                 parent: QWidget | None = None, *, now: dt.datetime | None = None):
        super().__init__(parent)
        self.ui = Ui_PendDialog()
        self.ui.setupUi(self)
        self._today = today
        self._case = snapshot.case
        self._asked_at = now or dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)
        self._due = dt.datetime.fromisoformat(snapshot.determination.due_at)
        self._available = [key for key, _ in pend_items(snapshot)]
        self._asks_reason = False
        self._reason_refused = ""
        ui = self.ui
        ui.summaryLabel.setText(
            f"<p>{_requested(snapshot)}</p><p>The letter asks the provider for each ticked item "
            f"and each of yours, by the date below.</p><p>{_signer(reviewer)}</p>")
        for key, words in pend_items(snapshot):
            item = QListWidgetItem(f"{words[0].upper()}{words[1:]}")
            item.setData(KEY_ROLE, key)
            item.setToolTip(key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            ui.itemsList.addItem(item)
        if not self._available:
            ui.itemsLabel.setText("The evaluation found nothing missing: say below what you "
                                  "need.")
            ui.itemsList.hide()
        self._latest = deadlines.latest_needed_by(self._due)
        earliest = today + dt.timedelta(days=1)
        ui.neededByEdit.setMinimumDate(_qdate(earliest))
        ui.neededByEdit.setDate(_qdate(max(earliest, min(today + dt.timedelta(days=5),
                                                         self._latest))))
        ui.reasonCombo.addItem("Choose the reason…", None)
        for choice in reason_choices(self._case.line_of_business, self._case.urgency):
            ui.reasonCombo.addItem(f"{choice.words} ({choice.cited})", choice.id)
        ui.reasonProblemLabel.setStyleSheet(f"color: {TEXT[Tone.BAD].name()}")
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Pend and sign")
        ui.buttons.accepted.connect(self.accept)
        ui.addButton.clicked.connect(self._on_add_clicked)
        ui.addEdit.returnPressed.connect(self._on_add_clicked)
        ui.removeButton.clicked.connect(self._on_remove_clicked)
        ui.itemsList.itemChanged.connect(self._on_items_changed)
        ui.neededByEdit.dateChanged.connect(self._on_items_changed)
        ui.reasonCombo.currentIndexChanged.connect(self._on_items_changed)
        self._on_items_changed()

    def kept(self) -> tuple[str, ...]:
        found = []
        for row in range(self.ui.itemsList.count()):
            item = self.ui.itemsList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(KEY_ROLE))
        return tuple(found)

    def added(self) -> tuple[str, ...]:
        return tuple(self.ui.addedList.item(row).text()
                     for row in range(self.ui.addedList.count()))

    def needed_by(self) -> dt.date:
        date = self.ui.neededByEdit.date()
        return dt.date(date.year(), date.month(), date.day())

    def extension_reason(self) -> str | None:
        """The reason chosen for the extension; None while the choice is hidden."""
        return self.ui.reasonCombo.currentData() if self._asks_reason else None

    def _timeline(self, reason: str | None) -> PendTimeline | PendRefused:
        case = self._case
        try:
            return pend_timeline(received_at=case.received_at, urgency=case.urgency,
                                 line_of_business=case.line_of_business,
                                 asked_at=self._asked_at, needed_by=self.needed_by(),
                                 extension_reason=reason)
        except PendRefused as refused:
            return refused

    def _needs_reason(self) -> bool:
        """Whether the date extends the deadline under a rule that names its reasons."""
        found = self._timeline(None)
        return isinstance(found, PendRefused) and found.field == "extension_reason"

    def timeline(self) -> PendTimeline | str:
        """What the needed-by date (and the reason, when one is asked) does to the deadline,
        or why the rules refuse it."""
        found = self._timeline(self.extension_reason())
        if isinstance(found, PendRefused):
            text = str(found)
            return text[0].upper() + text[1:]
        return found

    def problem(self) -> str | None:
        timeline = self.timeline()
        return (lifecycle.pend_items_problem(self.kept(), self.added(), self._available)
                or (timeline if isinstance(timeline, str) else None))

    def _show_reason(self) -> None:
        """The reason's choice, shown when the date extends the deadline and the rule names
        the reasons; its refusal beside it while none is chosen."""
        ui = self.ui
        self._asks_reason = self._needs_reason()
        ui.reasonBox.setVisible(self._asks_reason)
        found = self._timeline(self.extension_reason())
        refused = (str(found) if self._asks_reason and isinstance(found, PendRefused)
                   and found.field == "extension_reason" else "")
        self._reason_refused = refused[:1].upper() + refused[1:]
        ui.reasonProblemLabel.setText(self._reason_refused)
        ui.reasonProblemLabel.setVisible(bool(refused))
        ui.reasonCombo.setAccessibleDescription(self._reason_refused
                                                or ui.reasonCombo.currentText())

    def _show_deadline(self) -> None:
        timeline = self.timeline()
        due = f"The decision is due {_when(self._due)}"
        if self._reason_refused:
            text = (f"{due}. Asking by {self.needed_by()} extends it, which "
                    f"{rule_for(self._case.line_of_business, self._case.urgency).cited} "
                    "allows only for one of the reasons it names: choose it below.")
        elif isinstance(timeline, str):
            text = (f"{due}; asking by {self._latest} at the latest keeps it."
                    if self._latest > self._today else f"{due}.")
        elif timeline.extended:
            text = (f"{due}. Asking by {self.needed_by()} extends it to "
                    f"{_when(timeline.due)} ({timeline.reason_cited}); the "
                    "letter says so, with the reason and the member's rights.")
        else:
            text = f"{due}, and asking by {self.needed_by()} keeps it."
        self.ui.deadlineLabel.setText(text)

    def _on_add_clicked(self) -> None:
        text = " ".join(self.ui.addEdit.text().split())
        if text:
            self.ui.addedList.addItem(text)
            self.ui.addEdit.clear()
            self._on_items_changed()

    def _on_remove_clicked(self) -> None:
        row = self.ui.addedList.currentRow()
        if row >= 0:
            self.ui.addedList.takeItem(row)
            self._on_items_changed()

    def _on_items_changed(self, *_args: object) -> None:
        self._show_reason()
        self._show_deadline()
        problem = self.problem()
        shown_at_field = bool(self._reason_refused)
        _show_problem(self.ui.problemLabel, None if shown_at_field else problem,
                      self.ui.buttons)
        if shown_at_field:
            self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    @classmethod
    def ask(cls, parent: QWidget, snapshot: CaseSnapshot, reviewer: UnlockedReviewer,
            today: dt.date, *, now: dt.datetime | None = None) -> DecisionRequest | None:
        dialog = cls(snapshot, reviewer, today, parent, now=now)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return DecisionRequest("pend", info_kept=dialog.kept(), info_added=dialog.added(),
                               info_needed_by=dialog.needed_by(),
                               extension_reason=dialog.extension_reason())


def _when(moment: dt.datetime) -> str:
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}".replace("UTC+00:00", "UTC")
    return f"{moment:%a %d %b %Y, %H:%M} {zone}"


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class AdverseDialog(QDialog):
    """Deny… (``partial`` False) or Partial approval…: the codes and levels approved (a
    partial approval), the clinical rationale for the provider, and the reason in plain words
    for the member, in the member's letter language (the dialog says which)."""

    def __init__(self, snapshot: CaseSnapshot, reviewer: UnlockedReviewer, partial: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AdverseDialog()
        self.ui.setupUi(self)
        self.partial = partial
        self._decision = "partial" if partial else "deny"
        case = snapshot.case
        self._requested = tuple(p.code for p in case.service.procedures)
        self._levels = tuple(case.service.levels or ())
        ui = self.ui
        what = "Approve part of the request" if partial else "Deny the request"
        self.setWindowTitle(f"{'Partial approval' if partial else 'Deny'} — case "
                            f"{snapshot.case_id} — UR Reviewer")
        ui.summaryLabel.setText(
            f"<p>{_requested(snapshot)}</p><p><b>{what}.</b> An adverse determination: its "
            "letters give both reasons below, the appeal rights and the peer-to-peer offer."
            f"</p><p>{_signer(reviewer)}</p>")
        language = language_name(snapshot.member_letter_language)
        ui.memberLabel.setText(
            f"&amp;Reason for the member, in plain words about their condition. <b>The member's "
            f"letter will be in {escape(language)}</b>: write it in {escape(language)}.")
        ui.memberEdit.setAccessibleDescription(f"The member's letter is in {language}")
        ui.approvedBox.setVisible(partial)
        ui.codesList.setWordWrap(True)
        ui.codesList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for code in self._requested:
            words = snapshot.procedure_descriptions.get(code, "")
            item = QListWidgetItem(f"{code}  {words}".strip())
            item.setData(KEY_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.codesList.addItem(item)
        for level in self._levels:
            item = QListWidgetItem(level)
            item.setData(KEY_ROLE, level)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            ui.levelsList.addItem(item)
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Approve part and sign" if partial else "Deny and sign")
        ui.buttons.accepted.connect(self.accept)
        ui.clinicalEdit.textChanged.connect(self._on_changed)
        ui.memberEdit.textChanged.connect(self._on_changed)
        ui.codesList.itemChanged.connect(self._on_changed)
        ui.levelsList.itemChanged.connect(self._on_changed)
        self._on_changed()

    @staticmethod
    def _checked(widget) -> tuple[str, ...]:
        return tuple(widget.item(row).data(KEY_ROLE) for row in range(widget.count())
                     if widget.item(row).checkState() == Qt.CheckState.Checked)

    def approved_codes(self) -> tuple[str, ...]:
        return self._checked(self.ui.codesList) if self.partial else ()

    def approved_levels(self) -> tuple[str, ...]:
        """The levels approved, only when fewer than requested (all approved: none named)."""
        if not self.partial:
            return ()
        levels = self._checked(self.ui.levelsList)
        return () if set(levels) == set(self._levels) else levels

    def clinical(self) -> str:
        return self.ui.clinicalEdit.toPlainText().strip()

    def member(self) -> str:
        return self.ui.memberEdit.toPlainText().strip()

    def problem(self) -> str | None:
        if self.partial:
            if self._levels and not self._checked(self.ui.levelsList):
                return "approve at least one level, or deny the request instead"
            if problem := lifecycle.approved_codes_problem(
                    "partial", self.approved_codes(), self._requested,
                    self.approved_levels(), self._levels):
                return problem
        if problem := reason_problem(self.clinical()):
            return f"the clinical rationale: {problem}"
        return lifecycle.member_reason_problem(self._decision, self.member())

    def _on_changed(self, *_args: object) -> None:
        _show_problem(self.ui.problemLabel, self.problem(), self.ui.buttons)

    @classmethod
    def ask(cls, parent: QWidget, snapshot: CaseSnapshot, reviewer: UnlockedReviewer,
            partial: bool) -> DecisionRequest | None:
        dialog = cls(snapshot, reviewer, partial, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return DecisionRequest(dialog._decision, reason=dialog.clinical(),
                               member_reason=dialog.member(),
                               approved_codes=dialog.approved_codes(),
                               approved_levels=dialog.approved_levels())
