"""Record a peer-to-peer conversation: who spoke for the requesting provider, when, how it
ended and a note. The store records it (``core/store/peer_to_peer.py``) and its audit entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from reviewer_app.core.lifecycle import P2P_OUTCOMES
from reviewer_app.ui.forms.ui_p2p_dialog import Ui_PeerToPeerDialog

if TYPE_CHECKING:
    from reviewer_app.core.store.reviewers import UnlockedReviewer
    from reviewer_app.ui.case.snapshot import CaseSnapshot


@dataclass(frozen=True)
class PeerToPeerRequest:
    provider: str
    held_at: dt.datetime
    outcome: str
    note: str | None


class PeerToPeerDialog(QDialog):
    def __init__(self, snapshot: CaseSnapshot, reviewer: UnlockedReviewer, now: dt.datetime,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_PeerToPeerDialog()
        self.ui.setupUi(self)
        self._zone = now.tzinfo
        provider = snapshot.case.requesting_provider
        self.ui.summaryLabel.setText(
            f"<p>Case {snapshot.case_id}: a conversation between the requesting provider and "
            f"you, <b>{escape(reviewer.name)}</b>, recorded in the audit trail.</p>")
        self.ui.providerEdit.setText(provider.name)
        moment = QDateTime.fromSecsSinceEpoch(int(now.timestamp()))
        self.ui.heldAtEdit.setDateTime(moment)
        self.ui.heldAtEdit.setMaximumDateTime(moment)
        for name, words in P2P_OUTCOMES.items():
            self.ui.outcomeCombo.addItem(f"{words[0].upper()}{words[1:]}", name)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record")
        self.ui.providerEdit.textChanged.connect(self._on_provider_changed)
        self._on_provider_changed()

    def request(self) -> PeerToPeerRequest:
        held = dt.datetime.fromtimestamp(self.ui.heldAtEdit.dateTime().toSecsSinceEpoch(),
                                         tz=dt.UTC).astimezone(self._zone)
        note = self.ui.noteEdit.toPlainText().strip() or None
        return PeerToPeerRequest(self.ui.providerEdit.text().strip(), held,
                                 self.ui.outcomeCombo.currentData(), note)

    def _on_provider_changed(self, *_args: object) -> None:
        missing = not self.ui.providerEdit.text().strip()
        self.ui.problemLabel.setText("Say who spoke for the provider." if missing else "")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    @classmethod
    def ask(cls, parent: QWidget, snapshot: CaseSnapshot, reviewer: UnlockedReviewer,
            now: dt.datetime) -> PeerToPeerRequest | None:
        dialog = cls(snapshot, reviewer, now, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
