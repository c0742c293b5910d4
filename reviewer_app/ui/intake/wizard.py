"""The intake wizard: a request entered step by step, evaluated live, autosaved as a draft.

Every committed field goes through :meth:`IntakeWizard.commit`: the draft document changes,
:func:`~reviewer_app.core.intake.evaluation.evaluate_draft` runs (about a millisecond, so on
the GUI thread: a round trip through the thread pool would cost more than it saves; ``make
bench`` measures the whole update against one frame), the panel and the page show the result,
and the draft is saved on the database thread (latest save wins: each carries the whole
document). Save stores the case through the store, as an import, and the window opens it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget, QWizard

from reviewer_app.core.case_file import CaseFileError
from reviewer_app.core.intake import report_readings
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import evaluate_draft
from reviewer_app.core.intake.session import DraftSession, Saved
from reviewer_app.core.store.rows import parse_utc
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.intake.fields import field_of
from reviewer_app.ui.intake.imaging import ImagingPage
from reviewer_app.ui.intake.page import IntakePage
from reviewer_app.ui.intake.pages import (
    DiagnosesPage,
    NotesPage,
    OncologyPage,
    RequestPage,
    SymptomsPage,
    TreatmentsPage,
)
from reviewer_app.ui.intake.panel import CriteriaPanel
from reviewer_app.ui.intake.review import ReviewPage
from reviewer_app.ui.intake.shortcuts import show_intake_shortcuts
from reviewer_app.ui.operations.failures import describe_failure
from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.store.drafts import Finished

AUTOSAVE_KEY = "intake-autosave"
SIZE_EM = (180, 58)
"""The wizard's first size in average character widths and lines (scales with the font)."""


class KeepDraftDialog:
    """What to do with a draft when the wizard is closed before Save."""

    KEEP, DISCARD, STAY = "keep", "discard", "stay"

    @classmethod
    def ask(cls, parent: QWidget, what: str) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Close the request")
        box.setText(f"{what} is not saved as a case yet.")
        box.setInformativeText("Keep it as a draft to finish later (it is listed when UR "
                               "Reviewer starts), or discard what was entered?")
        keep = box.addButton("&Keep draft", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("&Continue editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return cls.KEEP
        if clicked is discard:
            return cls.DISCARD
        return cls.STAY


class IntakeWizard(QWizard):
    PAGES: tuple[type[IntakePage], ...] = (
        RequestPage, DiagnosesPage, ImagingPage, SymptomsPage, TreatmentsPage, OncologyPage,
        NotesPage, ReviewPage,
    )

    evaluated = Signal(object)
    """A new :class:`DraftEvaluation` is on screen (the panel and the page show it)."""
    draft_saved = Signal(int)
    """The draft (its number) is in the store as it now stands."""
    case_saved = Signal(int)
    """Save stored the case (its id); the wizard then closes."""
    draft_discarded = Signal()

    def __init__(
        self,
        context: AppContext,
        *,
        document: DraftDocument | None = None,
        session: DraftSession | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("intakeWizard")
        self.context = context
        self.library = context.library
        self.clock = context.clock
        self.session = session or DraftSession(by=context.reviewer_id)
        self.document = document.copy() if document is not None else DraftDocument()
        if document is None:
            now = self.clock().replace(second=0, microsecond=0)
            self.document.set("received_at", now.isoformat())
        self.undo_stack = QUndoStack(self)
        self.jumping = False
        self._jump_target: IntakePage | None = None
        self._changed_since_open = False
        self._saving = False
        self._closing = False
        self.evaluation = evaluate_draft(self.document, self.library, self.clock())
        self.panel = CriteriaPanel(self, where=self.page_title_for)
        self.panel.link_activated.connect(self.follow_link)
        self.setSideWidget(self.panel)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, True)
        """Enter ends a field (or adds the highlighted code), never turns the page by surprise;
        Alt+N and Ctrl+PgDown do."""
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.setOption(QWizard.WizardOption.HelpButtonOnRight, False)
        self.setButtonText(QWizard.WizardButton.HelpButton, "Keyboard shortcuts (F1)")
        self.setButtonText(QWizard.WizardButton.NextButton, "&Next >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< &Back")
        self.helpRequested.connect(self._on_help_requested)
        self.pages: list[IntakePage] = []
        for page_class in self.PAGES:
            page = page_class(self)
            self.pages.append(page)
            self.addPage(page)
        self._install_actions()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self._fit_to_screen()
        self._retitle()
        self.panel.show_evaluation(self.evaluation, self.clock())
        self.panel.show_draft_state(self._draft_words(None))

    # -- construction helpers -------------------------------------------------------------------
    def _install_actions(self) -> None:
        actions = (
            ("Undo", QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            ("Redo", QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            ("Criteria panel", QKeySequence("F6"), self._focus_panel),
            ("Keyboard shortcuts", QKeySequence("F1"), self._on_help_requested),
            ("Review and save", QKeySequence("Ctrl+S"), self._on_save_shortcut),
            ("Next page", QKeySequence("Ctrl+PgDown"), self.next),
            ("Previous page", QKeySequence("Ctrl+PgUp"), self.back),
        )
        for text, keys, slot in actions:
            action = QAction(text, self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)

    def _fit_to_screen(self) -> None:
        """The first size in character widths and lines, within the screen (at 200% a
        laptop screen has fewer logical pixels than the wizard would like; pages scroll)."""
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * SIZE_EM[0]
        height = metrics.lineSpacing() * SIZE_EM[1]
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() * 19 // 20)
            height = min(height, available.height() * 19 // 20)
        self.resize(width, height)

    def _retitle(self) -> None:
        if self.session.case_id is not None:
            what = f"Edit case {self.session.case_id}"
        elif self.session.draft_id is not None:
            what = f"Draft {self.session.draft_id}"
        else:
            what = "New request"
        title = f"{what} — UR Reviewer"
        if self.windowTitle() != title:
            self.setWindowTitle(title)

    def page_of(self, page_class: type[IntakePage]) -> IntakePage:
        return next(p for p in self.pages if isinstance(p, page_class))

    def owner_of(self, path: str) -> IntakePage | None:
        return next((p for p in self.pages if p.owns(path)), None)

    def page_title_for(self, path: str) -> str:
        page = self.owner_of(path)
        return f"{page.TITLE} page" if page is not None else ""

    # -- changing the draft ---------------------------------------------------------------------
    def commit(self, path: str, value: Any) -> None:
        """A field's value is final: put it in the draft, evaluate, autosave."""
        if self.document.set(path, value):
            self._changed()

    def commit_many(self, changes: dict[str, Any]) -> None:
        changed = False
        for path, value in changes.items():
            changed |= self.document.set(path, value)
        if changed:
            self._changed()

    def change(self, edit) -> None:
        """A structural change (``edit(document)``: add or remove a study, a row)."""
        edit(self.document)
        self._changed()

    def commit_focused(self) -> None:
        """Commit the field being edited now (before a jump, a save or closing)."""
        field = field_of(QApplication.focusWidget())
        if field is not None and field.window() is self:
            field.commit()

    def _changed(self) -> None:
        self._changed_since_open = True
        report_readings.sync(self.document)
        self.refresh()
        self._autosave()

    def refresh(self) -> None:
        """Evaluate the draft and show the result (the panel, the page's fields)."""
        self.evaluation = evaluate_draft(self.document, self.library, self.clock())
        self._show_evaluation()

    def _show_evaluation(self) -> None:
        self.panel.show_evaluation(self.evaluation, self.clock())
        page = self.currentPage()
        if isinstance(page, IntakePage):
            page.show_evaluation(self.evaluation)
        emit(self.evaluated, self.evaluation)

    # -- the store ------------------------------------------------------------------------------
    def _autosave(self) -> None:
        if self._saving:
            return
        text = self.document.to_json()
        (
            self.context.store.op(self, functools.partial(self.session.save, document=text),
                                  key=AUTOSAVE_KEY, what="save the draft")
            .success(self._on_draft_saved)
            .failure(self._on_draft_save_failed)
            .run()
        )

    def _on_draft_saved(self, saved: Saved) -> None:
        self._retitle()
        self.panel.show_draft_state(self._draft_words(saved))
        emit(self.draft_saved, saved.draft_id)

    def _draft_words(self, saved: Saved | None) -> str:
        if saved is None:
            if self.session.draft_id is not None:
                return (f"Draft {self.session.draft_id}: saved after every field you "
                        "complete.")
            return "The draft is saved after every field you complete."
        when = parse_utc(saved.saved_at).astimezone(self.clock().tzinfo)
        return (f"Draft {saved.draft_id}: saved after every field you complete (last at "
                f"{when:%H:%M}).")

    def _on_draft_save_failed(self, error: Exception) -> None:
        failure = describe_failure(error)
        self.panel.show_draft_state(
            f"⚠ The draft could not be saved: {' '.join(failure.lines)}")
        if not failure.expected:
            raise error

    def save(self) -> None:
        """Store the draft as a case (the review page's Save)."""
        if self._saving:
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        text = self.document.to_json()
        (
            self.context.store.op(
                self,
                functools.partial(self.session.finish, document=text, library=self.library),
                what="save the case")
            .announces(lambda finished: finished.case_id)
            .success(self._on_case_stored)
            .failure(self._on_case_refused)
            .run()
        )

    def _on_case_stored(self, finished: Finished) -> None:
        review = self.page_of(ReviewPage)
        assert isinstance(review, ReviewPage)
        review.mark_saved()
        self._closing = True
        emit(self.case_saved, finished.case_id)
        self.accept()

    def _on_case_refused(self, error: Exception) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        review = self.page_of(ReviewPage)
        if isinstance(error, CaseFileError):
            lines = [line.split(": ", 1)[-1] for line in error.lines()]
        else:
            lines = describe_failure(error).lines
        review.say("Not saved; the draft is kept. " + " ".join(lines), error=True)

    def keep_for_later(self) -> None:
        """The application is closing: commit the field being edited and save the draft."""
        self.commit_focused()

    def close_keeping_draft(self) -> None:
        """The reviewer signs out (or another signs in): the draft is saved and kept, to be
        resumed from the drafts banner, and the wizard closes without asking."""
        self.keep_for_later()
        self._closing = True
        self.reject()

    # -- moving around --------------------------------------------------------------------------
    def next_page_id(self, page: IntakePage) -> int:
        index = self.pages.index(page)
        for later in self.pages[index + 1:]:
            if later.applies() or later is self._jump_target:
                return self.pageIds()[self.pages.index(later)]
        return -1

    def go_to(self, page: IntakePage) -> None:
        target = self.pageIds()[self.pages.index(page)]
        self.commit_focused()
        self.jumping = True
        self._jump_target = page
        try:
            for _ in range(2 * len(self.pages)):
                current = self.currentId()
                if current == target:
                    break
                if target < current:
                    self.back()
                else:
                    self.next()
                if self.currentId() == current:
                    break
        finally:
            self.jumping = False
            self._jump_target = None

    def show_field(self, path: str) -> bool:
        """Go to the page of ``path`` and put the focus in its field."""
        page = self.owner_of(path)
        if page is None:
            return False
        self.go_to(page)
        return page.focus_field(path)

    def follow_link(self, link: str) -> None:
        if link.startswith("field:"):
            self.show_field(link.removeprefix("field:"))
        elif link.startswith("study:"):
            imaging = self.page_of(ImagingPage)
            assert isinstance(imaging, ImagingPage)
            self.go_to(imaging)
            imaging.add_study()

    # -- closing --------------------------------------------------------------------------------
    def reject(self) -> None:
        if self._closing:
            super().reject()
            return
        self.commit_focused()
        if not self._changed_since_open and self.session.draft_id is None:
            super().reject()
            return
        what = self.windowTitle().split(" — ")[0]
        choice = KeepDraftDialog.ask(self, what)
        if choice == KeepDraftDialog.STAY:
            return
        self._closing = True
        if choice == KeepDraftDialog.DISCARD:
            (
                self.context.store.op(self, self.session.discard, what="discard the draft")
                .success(lambda _done: emit(self.draft_discarded))
                .run()
            )
        super().reject()

    # -- slots -----------------------------------------------------------------------------------
    def _focus_panel(self) -> None:
        self.panel.focus_first_link()

    def _on_help_requested(self) -> None:
        show_intake_shortcuts(self)

    def _on_save_shortcut(self) -> None:
        review = self.page_of(ReviewPage)
        if self.currentPage() is review:
            self.button(QWizard.WizardButton.FinishButton).click()
        else:
            self.go_to(review)
