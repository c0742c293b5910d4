"""The decision bar above the case's tabs: Approve, Refer…, Pend…, and for physicians Deny… and
Partial approval…, then the letter, the Export menu and the peer-to-peer record.

What the signed-in reviewer may not do is disabled, and its tooltip says why in the core's own
words (:func:`reviewer_app.core.lifecycle.decision_problem`, the sentence the store refuses
with), so the window never promises what the store would refuse. The store checks everything
again when the decision is recorded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QFrame, QMenu, QPushButton, QWidget

from reviewer_app.core import lifecycle
from reviewer_app.ui.case import exports
from reviewer_app.ui.forms.ui_decision_bar import Ui_DecisionBar
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone
from reviewer_app.ui.widgets.vocabulary import STATUS

if TYPE_CHECKING:
    from reviewer_app.core.store.reviewers import UnlockedReviewer
    from reviewer_app.ui.case.snapshot import CaseSnapshot

SIGN_IN = "Sign in to decide: a decision is signed with the signed-in reviewer's key"
DECISIONS = ("approve", "refer", "pend", "deny", "partial")
KEYS = {"approve": "Ctrl+Shift+A", "refer": "Ctrl+Shift+F", "pend": "Ctrl+Shift+P",
        "deny": "Ctrl+Shift+D", "partial": "Ctrl+Shift+L", "letter": "Ctrl+Shift+V",
        "p2p": "Ctrl+Shift+T"}
WORDS = {"approve": "Approve the request", "refer": "Refer the case to a physician reviewer",
         "pend": "Pend the case for information", "deny": "Deny the request (physician)",
         "partial": "Approve part of the request (physician)",
         "letter": "Preview, sign and send the decision's letter",
         "p2p": "Record a peer-to-peer conversation (physician)"}
SHORTCUTS = tuple((KEYS[name], f"Case view: {WORDS[name]}") for name in KEYS)


def reviewer_role(reviewer: UnlockedReviewer | None) -> str | None:
    return getattr(reviewer, "role", None) if reviewer is not None else None


def why_not(decision: str, snapshot: CaseSnapshot, reviewer: UnlockedReviewer | None
            ) -> str | None:
    """Why the signed-in ``reviewer`` may not make ``decision`` on the case shown; None when
    they may. A draft is taken into review by the reviewer who decides it, so it counts as in
    review here (the store assigns it first)."""
    if reviewer is None:
        return SIGN_IN
    if snapshot.read_only:
        return "this is an earlier version, shown read-only"
    if snapshot.check is not None and not snapshot.check.ok:
        return ("the audit check of this case failed (see the Audit tab): nothing is decided on "
                "a record changed outside the application")
    status = lifecycle.IN_REVIEW if snapshot.status == lifecycle.DRAFT else snapshot.status
    role = reviewer_role(reviewer) or "unknown"
    problem = lifecycle.decision_problem(decision, role, status,
                                         snapshot.determination.outcome, snapshot.case_id)
    return problem[0].upper() + problem[1:] if problem else None


def letter_problem(snapshot: CaseSnapshot, reviewer: UnlockedReviewer | None) -> str | None:
    decision = snapshot.latest_decision
    if decision is None or decision.decision not in lifecycle.LETTER_FOR:
        return ("No letter to send yet: a letter follows a decision to approve, partially "
                "approve, deny or pend (a referral's letter comes with the physician's decision)")
    if not snapshot.letters_due:
        return ("Both letters of the latest decision have been issued; open them, or issue a "
                "corrected letter, on the Letters tab")
    if reviewer is None:
        return SIGN_IN
    if reviewer.id != decision.reviewer_id:
        name = snapshot.reviewer_names.get(decision.reviewer_id, f"reviewer "
                                           f"{decision.reviewer_id}")
        return f"The letter carries the signature of the reviewer who decided, {name}"
    return None


def p2p_problem(snapshot: CaseSnapshot, reviewer: UnlockedReviewer | None) -> str | None:
    if reviewer is None:
        return "Sign in to record a peer-to-peer conversation"
    problem = lifecycle.peer_to_peer_problem(reviewer_role(reviewer) or "unknown",
                                             snapshot.status, "upheld")
    return problem[0].upper() + problem[1:] if problem else None


class DecisionBar(QFrame):
    decision_requested = Signal(str)
    """A decision button or its shortcut: ``approve``, ``refer``, ``pend``, ``deny``,
    ``partial``."""
    letter_requested = Signal()
    export_requested = Signal(str)
    """An Export menu entry: ``case``, ``fhir`` or ``fhir-request``."""
    p2p_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DecisionBar()
        self.ui.setupUi(self)
        self.buttons: dict[str, QPushButton] = {
            "approve": self.ui.approveButton, "refer": self.ui.referButton,
            "pend": self.ui.pendButton, "deny": self.ui.denyButton,
            "partial": self.ui.partialButton, "letter": self.ui.letterButton,
            "p2p": self.ui.p2pButton}
        self.actions: dict[str, QAction] = {}
        for name, button in self.buttons.items():
            action = QAction(WORDS[name], self)
            action.setShortcut(QKeySequence(KEYS[name]))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(button.click)
            self.addAction(action)
            self.actions[name] = action
        for name in DECISIONS:
            self.buttons[name].clicked.connect(
                lambda _checked=False, decision=name: self._on_decision_clicked(decision))
        self.ui.letterButton.clicked.connect(self._on_letter_clicked)
        self.ui.p2pButton.clicked.connect(self._on_p2p_clicked)
        self.export_menu = QMenu(self)
        self.export_menu.setToolTipsVisible(True)
        self.export_actions: dict[str, QAction] = {}
        for kind in exports.KINDS:
            action = self.export_menu.addAction(exports.LABELS[kind])
            action.triggered.connect(
                lambda _checked=False, chosen=kind: self._on_export_triggered(chosen))
            self.export_actions[kind] = action
        self.ui.exportButton.setMenu(self.export_menu)
        self._set_tone(Tone.NEUTRAL)

    def show_case(self, snapshot: CaseSnapshot, reviewer: UnlockedReviewer | None) -> None:
        for name in DECISIONS:
            self._enable(name, why_not(name, snapshot, reviewer))
        self._enable("letter", letter_problem(snapshot, reviewer))
        self._enable("p2p", p2p_problem(snapshot, reviewer))
        for kind, action in self.export_actions.items():
            problem = exports.export_problem(kind, snapshot)
            action.setEnabled(problem is None)
            action.setToolTip(problem or exports.TIPS[kind])
            action.setStatusTip(problem or exports.TIPS[kind])
        self.ui.stateLabel.setText(self._state(snapshot, reviewer))

    def problem(self, name: str) -> str | None:
        """The tooltip of a disabled button (None when it is enabled)."""
        button = self.buttons[name]
        return None if button.isEnabled() else button.toolTip()

    def export_problem(self, kind: str) -> str | None:
        """The tooltip of a disabled Export entry (None when it is enabled)."""
        action = self.export_actions[kind]
        return None if action.isEnabled() else action.toolTip()

    def _enable(self, name: str, problem: str | None) -> None:
        button, action = self.buttons[name], self.actions[name]
        button.setEnabled(problem is None)
        action.setEnabled(problem is None)
        key = QKeySequence(KEYS[name]).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{WORDS[name]} ({key})" if problem is None else problem)

    def _state(self, snapshot: CaseSnapshot, reviewer: UnlockedReviewer | None) -> str:
        status = STATUS.get(snapshot.status, snapshot.status)
        decision = snapshot.latest_decision
        tone = Tone.NEUTRAL
        parts = [f"<b>{status[0].upper()}{status[1:]}</b>"]
        if decision is not None:
            who = snapshot.reviewer_names.get(decision.reviewer_id, "")
            parts.append(f"last decision: {decision.decision} by {who}")
            tone = {"approve": Tone.GOOD, "pend": Tone.PEND, "refer": Tone.REFER,
                    "deny": Tone.REFER, "partial": Tone.PEND}.get(decision.decision, tone)
        if snapshot.letters_due and decision is not None and (
                decision.decision in lifecycle.LETTER_FOR):
            parts.append("letter to " + " and ".join(snapshot.letters_due) + " not sent yet")
        if snapshot.status == lifecycle.DRAFT and reviewer is not None:
            parts.append("deciding takes it into review")
        if reviewer is None:
            parts.append("sign in to decide")
        else:
            parts.append(f"signed in: {reviewer.name}")
        self._set_tone(tone)
        return " · ".join(parts)

    def _set_tone(self, tone: Tone) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, TINT[tone])
        palette.setColor(QPalette.ColorRole.WindowText, TEXT[tone])
        self.setPalette(palette)

    def _on_decision_clicked(self, decision: str) -> None:
        if self.buttons[decision].isEnabled():
            emit(self.decision_requested, decision)

    def _on_letter_clicked(self) -> None:
        emit(self.letter_requested)

    def _on_export_triggered(self, kind: str) -> None:
        if self.export_actions[kind].isEnabled():
            emit(self.export_requested, kind)

    def _on_p2p_clicked(self) -> None:
        emit(self.p2p_requested)
