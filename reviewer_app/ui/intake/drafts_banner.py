"""The unfinished drafts, offered for resuming when UR Reviewer starts (above the queue)."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from reviewer_app.core.store.rows import parse_utc
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.forms.ui_drafts_banner import Ui_DraftsBanner
from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.store import drafts
    from reviewer_app.core.store.database import Store

LIST_KEY = "list-drafts"


def _list_drafts(store: Store) -> list[drafts.DraftSummary]:
    from reviewer_app.core.store import drafts  # sqlite-utils: on the database thread

    return drafts.list_drafts(store)


def _discard(store: Store, draft_id: int, by: int | None) -> None:
    from reviewer_app.core.store import drafts

    drafts.discard_draft(store, draft_id, by=by)


class DiscardDraftDialog:
    @classmethod
    def ask(cls, parent: QWidget, what: str) -> bool:
        answer = QMessageBox.question(
            parent, "Discard the draft",
            f"Discard {what}? What was entered is deleted (the discarding is recorded in the "
            "audit trail).",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard


def describe_draft(summary: drafts.DraftSummary, now: datetime) -> str:
    parts = [f"Draft {summary.id}"]
    if summary.case_id is not None:
        parts.append(f"edits case {summary.case_id}")
    if summary.external_id:
        parts.append(summary.external_id)
    parts.append(summary.member_name or "member not entered yet")
    if summary.procedure:
        parts.append(summary.procedure)
    saved = parse_utc(summary.updated_at).astimezone(now.tzinfo)
    when = f"{saved:%H:%M}" if saved.date() == now.date() else f"{saved:%d %b %Y, %H:%M}"
    parts.append(f"last saved {when}")
    return " · ".join(parts)


class DraftsBanner(QFrame):
    resume_requested = Signal(int)
    """The nurse chose to resume this draft."""
    listed = Signal(int)
    """The banner now lists this many drafts."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.ui = Ui_DraftsBanner()
        self.ui.setupUi(self)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.ui.hideButton.clicked.connect(self.hide)
        self._rows: list[QWidget] = []
        self.summaries: list[drafts.DraftSummary] = []
        self.hide()

    def refresh(self) -> None:
        (
            self._context.store.op(self, _list_drafts, key=LIST_KEY,
                                   what="list the unfinished drafts")
            .success(self._show)
            .run()
        )

    def _show(self, summaries: list[drafts.DraftSummary]) -> None:
        self.summaries = list(summaries)
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        now = self._context.clock()
        for summary in summaries:
            row = QWidget(self.ui.rows)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            text = describe_draft(summary, now)
            label = QLabel(text, row)
            label.setWordWrap(True)
            resume = QPushButton("Resume", row)
            resume.setAccessibleName(f"Resume {text}")
            discard = QPushButton("Discard…", row)
            discard.setAccessibleName(f"Discard {text}")
            resume.clicked.connect(functools.partial(self._on_resume_clicked, summary.id))
            discard.clicked.connect(functools.partial(self._on_discard_clicked, summary.id))
            layout.addWidget(label, 1)
            layout.addWidget(resume)
            layout.addWidget(discard)
            self.ui.rowsLayout.addWidget(row)
            self._rows.append(row)
        count = len(summaries)
        self.ui.titleLabel.setText(
            f"{count} unfinished request{'s' if count != 1 else ''} from the intake wizard")
        self.setVisible(bool(summaries))
        emit(self.listed, count)

    def _on_resume_clicked(self, draft_id: int) -> None:
        emit(self.resume_requested, draft_id)

    def _on_discard_clicked(self, draft_id: int) -> None:
        if not DiscardDraftDialog.ask(self, f"draft {draft_id}"):
            return
        by = self._context.reviewer_id
        (
            self._context.store.op(
                self, functools.partial(_discard, draft_id=draft_id, by=by),
                what=f"discard draft {draft_id}")
            .success(lambda _result: self.refresh())
            .run()
        )
