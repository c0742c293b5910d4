"""Opening the intake wizard from the main window: a new request, a draft, or a stored case.

The wizard, the case model and the criteria are imported when the first wizard opens, never at
start-up (about 0.6 s of imports the queue does not need).

One wizard at a time: asking for another while one is open brings the open one forward (its
draft is autosaved, so closing it first loses nothing).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.context import AppContext
from reviewer_app.ui.intake.drafts_banner import DraftsBanner
from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.intake.document import DraftDocument
    from reviewer_app.core.intake.session import DraftSession
    from reviewer_app.core.store.database import Store
    from reviewer_app.ui.intake.wizard import IntakeWizard


def _draft_to_resume(store: Store, draft_id: int) -> tuple[DraftDocument, DraftSession]:
    from reviewer_app.core.intake.document import DraftDocument
    from reviewer_app.core.intake.session import DraftSession
    from reviewer_app.core.store import drafts

    draft = drafts.get_draft(store, draft_id)
    summary = draft.summary
    session = DraftSession(draft_id=draft.id, case_id=summary.case_id,
                           case_version=summary.case_version, by=summary.reviewer_id)
    return DraftDocument.from_json(draft.document), session


def _case_to_edit(store: Store, case_id: int, by: int | None
                  ) -> tuple[DraftDocument, DraftSession]:
    """The stored request as a draft (an unfinished draft of the case, if there is one)."""
    from reviewer_app.core import lifecycle
    from reviewer_app.core.intake.document import DraftDocument
    from reviewer_app.core.intake.session import DraftSession
    from reviewer_app.core.store import cases, drafts
    from reviewer_app.core.store.errors import TransitionError

    existing = drafts.draft_for_case(store, case_id)
    if existing is not None:
        return _draft_to_resume(store, existing.id)
    row = cases.case_row(store, case_id)
    if row["status"] not in lifecycle.OPEN:
        raise TransitionError(
            f"case {case_id} is already {row['status'].replace('_', ' ')}: the decision was "
            "made on the request as it stood, so it cannot be changed")
    session = DraftSession(case_id=case_id, case_version=row["version"], by=by)
    return DraftDocument(json.loads(row["document"])), session


class IntakeLauncher(QObject):
    case_saved = Signal(int)
    """A wizard stored this case; the window opens it."""
    wizard_opened = Signal(object)

    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self._context = context
        self._window = window
        self.wizard: IntakeWizard | None = None
        self.banner = DraftsBanner(context, window)
        self.banner.resume_requested.connect(self.resume_draft)
        self.banner.refresh()

    def new_case(self) -> None:
        self._open(None, None)

    def resume_draft(self, draft_id: int) -> None:
        if self._raise_open():
            return
        (
            self._context.store.op(self._window, lambda store: _draft_to_resume(store, draft_id),
                                   key="open-draft", what=f"open draft {draft_id}")
            .success(lambda found: self._open(*found))
            .run()
        )

    def edit_case(self, case_id: int) -> None:
        if self._raise_open():
            return
        by = self._context.reviewer_id
        (
            self._context.store.op(self._window, lambda store: _case_to_edit(store, case_id, by),
                                   key="open-draft", what=f"edit case {case_id}")
            .success(lambda found: self._open(*found))
            .run()
        )

    def keep_for_later(self) -> None:
        if self.wizard is not None:
            self.wizard.keep_for_later()

    def close_keeping_draft(self) -> None:
        """Sign-out: the open wizard's draft is saved and the wizard closed."""
        if self.wizard is not None:
            self.wizard.close_keeping_draft()

    def _raise_open(self) -> bool:
        if self.wizard is None:
            return False
        self.wizard.raise_()
        self.wizard.activateWindow()
        return True

    def _open(self, document: DraftDocument | None, session: DraftSession | None) -> None:
        if self._raise_open():
            return
        from reviewer_app.ui.intake.wizard import IntakeWizard

        wizard = IntakeWizard(self._context, document=document, session=session,
                              parent=self._window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.case_saved.connect(self._on_wizard_case_saved)
        wizard.finished.connect(self._on_wizard_finished)
        self.wizard = wizard
        wizard.show()
        emit(self.wizard_opened, wizard)

    def _on_wizard_case_saved(self, case_id: int) -> None:
        emit(self.case_saved, case_id)

    def _on_wizard_finished(self, _result: int) -> None:
        self.wizard = None
        if not self._context.store.closed:
            self.banner.refresh()
