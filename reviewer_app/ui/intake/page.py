"""What every wizard page shares: its fields, its load and its validation.

A page describes itself (``NAME``, ``TITLE``, ``OWNS``: the document paths it edits) and owns
its lifecycle: :meth:`initializePage` loads its fields from the draft, :meth:`validatePage`
lets the nurse go on unless a field holds an invalid value, and then says which and why, at
the field and at the top of the page. Required fields still empty do not stop Next (the
draft is kept, and the panel lists them); they stop Save, on the review page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from reviewer_app.core.criteria.applicability import default_applicability
from reviewer_app.core.criteria.inputs import Facts
from reviewer_app.core.criteria.result import NOT_MET
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import DraftEvaluation, FieldProblem
from reviewer_app.ui.intake import words
from reviewer_app.ui.intake.fields import Field, field_of, make_field, problem_colour

if TYPE_CHECKING:
    from reviewer_app.ui.intake.wizard import IntakeWizard


def focus_soon(widget: QWidget) -> None:
    """Focus ``widget`` once the page is on screen (QWizard shows it after initializePage)."""

    def focus() -> None:
        if shiboken6.isValid(widget) and widget.isVisible():
            widget.setFocus(Qt.FocusReason.TabFocusReason)

    QTimer.singleShot(0, focus)


def under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


class IntakePage(QWizardPage):
    NAME = ""
    TITLE = ""
    SUBTITLE = ""
    OWNS: tuple[str, ...] = ()
    """Document paths (and everything under them) that this page edits."""

    def __init__(self, wizard: IntakeWizard):
        super().__init__()
        self.intake = wizard
        self.fields: dict[str, Field] = {}
        self._asked_required = False
        self.setObjectName(f"{self.NAME}Page")
        self.setTitle(self.TITLE)
        self.setSubTitle(self.SUBTITLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("pageMessage")
        self.message.setFrameShape(QFrame.Shape.StyledPanel)
        self.message.setMargin(8)
        self.message.hide()
        outer.addWidget(self.message)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setAccessibleName(f"{self.TITLE} page")
        self.content = QWidget(self.scroll)
        self.content.setObjectName(f"{self.NAME}Content")
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll)
        self.build(self.content)

    # -- building ---------------------------------------------------------------------------
    def build(self, content: QWidget) -> None:
        raise NotImplementedError

    def group(self, title: str, parent: QWidget | None = None) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, parent or self.content)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return box, form

    def columns(self, layout: QBoxLayout, *columns: tuple[tuple[str, tuple[str, ...]], ...]
                ) -> dict[str, QFormLayout]:
        """Side-by-side columns of groups of fields, each column its groups top to bottom (and
        the tab order the same: down a column, then the next); the forms by group title."""
        row = QHBoxLayout()
        forms = {}
        for groups in columns:
            column = QVBoxLayout()
            for title, paths in groups:
                box, form = self.group(title)
                for path in paths:
                    self.add(form, path)
                column.addWidget(box)
                forms[title] = form
            column.addStretch(1)
            row.addLayout(column, 1)
        layout.addLayout(row)
        return forms

    def add(self, form: QFormLayout, path: str, field: Field | None = None,
            label: str | None = None) -> Field:
        """A row: the label (with its shortcut to the field) and the field for ``path``."""
        field = field or make_field(path, self.content, clock=self.intake.clock)
        text = label or words.label(path)
        field.set_label(words.label(path) if label else text)
        caption = QLabel(text, self.content)
        caption.setBuddy(field.focus_target())
        caption.setWordWrap(True)
        form.addRow(caption, field)
        self.register(field)
        return field

    def register(self, field: Field) -> Field:
        self.fields[field.path] = field
        field.committed.connect(self.intake.commit)
        return field

    # -- lifecycle ----------------------------------------------------------------------------
    def owns(self, path: str) -> bool:
        return any(under(path, prefix) for prefix in self.OWNS)

    def applies(self) -> bool:
        """Whether the wizard offers this page for the draft as it stands."""
        return True

    def initializePage(self) -> None:
        self.message.hide()
        self.load(self.intake.document)
        self.show_evaluation(self.intake.evaluation)
        self.focus_first()

    def focus_first(self) -> None:
        """A page arrives with the keyboard in its first field (a jump puts it elsewhere)."""
        if not self.intake.jumping and self.fields:
            focus_soon(next(iter(self.fields.values())).focus_target())

    def cleanupPage(self) -> None:
        """Going back keeps what was entered (the draft is the record, not the page)."""

    def load(self, document: DraftDocument) -> None:
        for path, field in self.fields.items():
            field.load(document.get(path))

    def show_evaluation(self, evaluation: DraftEvaluation) -> None:
        """Problems at their fields, and the page's live values."""
        for path, field in self.fields.items():
            problem = evaluation.problem(path)
            shown = problem is not None and (not problem.missing or self._asked_required)
            field.set_problem(problem.message if shown else None)
        self.show_hints(evaluation)

    def show_hints(self, evaluation: DraftEvaluation) -> None:
        """Fields the case rules do not ask of this case say so (and stay editable: a value
        reported always counts)."""
        case = evaluation.case
        if case is None:
            return
        rules = default_applicability()
        facts = Facts(case, rules)
        for path, field in self.fields.items():
            rule = rules.rule_for(path)
            if rule is None:
                continue
            status = rule.condition.evaluate(facts).status
            field.set_hint(f"Not asked of this case: {rule.reason}." if status == NOT_MET
                           else None)

    def shown_problems(self, evaluation: DraftEvaluation, prefix: str
                       ) -> tuple[FieldProblem, ...]:
        """The problems under ``prefix`` to show now: wrong values at once, missing required
        ones once the nurse has tried to leave the page."""
        return tuple(p for p in evaluation.problems_under(prefix)
                     if not p.missing or self._asked_required)

    def problems(self, evaluation: DraftEvaluation) -> tuple[FieldProblem, ...]:
        return tuple(p for p in evaluation.problems if self.owns(p.path))

    def validatePage(self) -> bool:
        if self.intake.jumping:
            return True
        self.intake.commit_focused()
        evaluation = self.intake.evaluation
        problems = self.problems(evaluation)
        order = list(self.fields)
        invalid = sorted((p for p in problems if not p.missing),
                         key=lambda p: order.index(p.path) if p.path in order else len(order))
        self._asked_required = True
        self.show_evaluation(evaluation)
        if invalid:
            first = invalid[0]
            count = len(invalid)
            self.say(
                f"{count} field{'s' if count > 1 else ''} on this page "
                f"{'need' if count > 1 else 'needs'} correcting before you go on. "
                + " ".join(f"{words.label(p.path)}: {p.message}." for p in invalid[:3]),
                error=True)
            self.focus_field(first.path)
            return False
        return True

    def say(self, text: str, *, error: bool = False) -> None:
        palette = self.message.palette()
        colour = problem_colour(self.palette()) if error else palette.color(
            QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.message.setPalette(palette)
        self.message.setText(("⚠ " if error else "") + text)
        self.message.show()
        self.message.setAccessibleName("Problem on this page" if error else "Note")

    def nextId(self) -> int:
        return self.intake.next_page_id(self)

    # -- jumping ----------------------------------------------------------------------------
    def field_for(self, path: str) -> Field | None:
        if path in self.fields:
            return self.fields[path]
        candidates = [p for p in self.fields if under(path, p)]
        return self.fields[max(candidates, key=len)] if candidates else None

    def focus_field(self, path: str) -> bool:
        field = self.field_for(path)
        if field is None:
            return False
        target = field.focus_target()
        self.scroll.ensureWidgetVisible(field)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def focused_field(self) -> Field | None:
        return field_of(self.focusWidget())
