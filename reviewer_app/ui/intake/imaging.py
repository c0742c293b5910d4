"""The imaging page: one or more studies, each with every finding of the contract.

Findings are grouped as a reviewer reads a report (fracture and canal; tumor and SINS;
degenerative and infection). Only the findings that the study's modality can show and that
apply to the case are offered (:mod:`reviewer_app.core.intake.findings`); the others say why.
"Findings not entered were not seen on this study" records the negative of every finding the
study can show that is still unreported, and Undo (the button, or Ctrl+Z) takes it back.

The report box sits above the findings, beside the request's documents: a pasted report (or
an attached document's text) is read and the findings it states are suggested beside their
fields (:mod:`.report_reading`, :mod:`.report_documents`).
"""

from __future__ import annotations

import contextlib
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.core.criteria.applicability import default_applicability
from reviewer_app.core.criteria.narrative import BILSKY_WORDS
from reviewer_app.core.criteria.paths import FINDINGS
from reviewer_app.core.criteria.scores import sins
from reviewer_app.core.intake import report_readings
from reviewer_app.core.intake.evaluation import DraftEvaluation
from reviewer_app.core.intake.findings import FindingAccess, not_seen_changes, study_access
from reviewer_app.core.levels import describe_levels
from reviewer_app.ui.intake import words
from reviewer_app.ui.intake.fields import Field, NotesField
from reviewer_app.ui.intake.page import IntakePage, focus_soon, under
from reviewer_app.ui.intake.report_documents import ReportDocuments
from reviewer_app.ui.intake.report_editor import ReportEditor
from reviewer_app.ui.intake.report_reading import ReportSuggestions
from reviewer_app.ui.widgets.vocabulary import (
    SINS_COMPONENTS,
    SINS_RANGES,
    bilsky_class,
    bilsky_meaning,
    sins_category,
)

GROUPS = (
    ("Fracture and canal", ("fracture", "height_loss_percent", "retropulsion",
                            "canal_compromise_percent", "marrow_edema")),
    ("Tumor and SINS", ("lesion_type", "vertebral_collapse", "alignment",
                        "posterolateral_involvement", "escc_grade")),
    ("Degenerative and infection", ("stenosis", "nerve_root_compression", "disc_herniation",
                                    "spondylolisthesis_grade", "dynamic_translation_mm",
                                    "infection")),
)
STUDY_FIELDS = ("modality", "date", "levels", "report_text")
assert sorted(f for _, group in GROUPS for f in group) == sorted(FINDINGS)


class NotSeenCommand(QUndoCommand):
    """Record the negatives of the study's unreported findings; undo removes exactly them."""

    def __init__(self, page: ImagingPage, index: int, changes: dict[str, Any]):
        super().__init__(f"findings not seen on study {index + 1}")
        self.page = page
        self.index = index
        self.changes = changes

    def redo(self) -> None:
        self.page.intake.commit_many(self.changes)
        self.page.marked.update(self.changes)
        self.page.show_study(self.index)

    def undo(self) -> None:
        self.page.intake.commit_many({path: None for path in self.changes})
        for path in self.changes:
            self.page.marked.pop(path, None)
        self.page.show_study(self.index)


class RemoveStudyCommand(QUndoCommand):
    def __init__(self, page: ImagingPage, index: int):
        super().__init__(f"remove study {index + 1}")
        self.page = page
        self.index = index
        self.study = page.intake.document.get(f"imaging[{index}]")
        self.readings = page.intake.document.get(report_readings.EXTENSION)

    def redo(self) -> None:
        def edit(doc) -> None:
            doc.pop("imaging", self.index)
            report_readings.remove_study(doc, self.index)

        self.page.suggestions.study_removed(self.index)
        self.page.intake.change(edit)
        self.page.show_study(max(self.index - 1, 0))

    def undo(self) -> None:
        def edit(doc) -> None:
            doc.insert("imaging", self.index, self.study)
            doc.set(report_readings.EXTENSION, self.readings)

        self.page.intake.change(edit)
        self.page.show_study(self.index)


class ImagingPage(IntakePage):
    NAME = "imaging"
    TITLE = "Imaging"
    SUBTITLE = ("Each study with the findings its report gives. Only the findings that the "
                "study can show, and that apply to this case, can be entered.")
    OWNS = ("imaging",)

    def build(self, content: QWidget) -> None:
        self.index = 0
        self.marked: dict[str, Any] = {}
        """Paths set by "not seen", with the value it set (shown as such)."""
        self._templates: dict[str, Field] = {}
        layout = QVBoxLayout(content)
        top = QHBoxLayout()
        self.tabs = QTabBar(content)
        self.tabs.setExpanding(False)
        self.tabs.setAccessibleName("Imaging studies")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.add_button = QPushButton("Add &study", content)
        self.add_button.setToolTip("Add an imaging study (Ctrl+Shift+A)")
        self.add_button.setShortcut("Ctrl+Shift+A")
        self.add_button.clicked.connect(self.add_study)
        self.remove_button = QPushButton("Remove study", content)
        self.remove_button.setToolTip("Remove this study (Undo brings it back)")
        self.remove_button.clicked.connect(self.remove_study)
        top.addWidget(self.tabs, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        layout.addLayout(top)
        self.empty = QLabel("No imaging study yet. Add one for each report in the request "
                            "(Add study).", content)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.editor = QWidget(content)
        layout.addWidget(self.editor)
        self._build_editor(self.editor)
        layout.addStretch(1)

    def _template(self, form, name: str, parent: QWidget, field: Field | None = None) -> Field:
        path = f"imaging[0].{name}"
        field = self.add(form, path, field)
        self._templates[name] = field
        return field

    def _build_editor(self, editor: QWidget) -> None:
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        study, form = self.group("Study", editor)
        for name in ("modality", "date", "levels"):
            self._template(form, name, editor)
        layout.addWidget(study)
        report, report_field, report_column = self._build_report(editor)
        layout.addWidget(report)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        right = QVBoxLayout()
        self.sins_label = QLabel(editor)
        self.sins_label.setWordWrap(True)
        self.sins_label.setTextFormat(Qt.TextFormat.RichText)
        self.sins_label.setAccessibleName("SINS for this study")
        for title, names in GROUPS:
            box, form = self.group(title, editor)
            for name in names:
                self._template(form, f"findings.{name}", editor)
            if title == "Tumor and SINS":
                form.addRow(self.sins_label)
                right.addWidget(box)
            else:
                left.addWidget(box)
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        actions = QGroupBox("Findings not in the report", editor)
        row = QVBoxLayout(actions)
        buttons = QHBoxLayout()
        self.not_seen_button = QPushButton(
            "Findings not entered were not s&een on this study", actions)
        self.not_seen_button.setToolTip(
            "Radiology reports list what they found. Having read the whole report, record "
            "every finding this study can show that is still 'not reported' as not seen "
            "(no, none or 0). Undo takes it back.")
        self.not_seen_button.clicked.connect(self.mark_not_seen)
        self.undo_button = QPushButton("&Undo", actions)
        self.undo_button.setToolTip("Undo the last change of this kind (Ctrl+Z)")
        self.undo_button.clicked.connect(self.intake.undo_stack.undo)
        self.intake.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.intake.undo_stack.undoTextChanged.connect(self._on_undo_text_changed)
        self.undo_button.setEnabled(False)
        buttons.addWidget(self.not_seen_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        self.not_seen_note = QLabel(actions)
        self.not_seen_note.setWordWrap(True)
        row.addWidget(self.not_seen_note)
        layout.addWidget(actions)
        self.suggestions = ReportSuggestions(self, report_field, report)
        report_column.addWidget(self.suggestions.controls)

    def _build_report(self, editor: QWidget) -> tuple[QGroupBox, NotesField, QVBoxLayout]:
        """The report box beside the request's documents; the reading's buttons and list go
        under the text once the findings' fields exist (:class:`ReportSuggestions`)."""
        report = QGroupBox("Report", editor)
        row = QHBoxLayout(report)
        column = QVBoxLayout()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        field = NotesField("imaging[0].report_text", editor, lines=7, editor=ReportEditor)
        self._template(form, "report_text", editor, field)
        column.addLayout(form)
        row.addLayout(column, 3)
        self.documents = ReportDocuments(self, report)
        row.addWidget(self.documents, 2)
        return report, field, column

    # -- which study --------------------------------------------------------------------------
    def study_count(self) -> int:
        return self.intake.document.length("imaging")

    def show_study(self, index: int) -> None:
        count = self.study_count()
        self.index = min(max(index, 0), max(count - 1, 0))
        self.fields = {}
        for name, field in self._templates.items():
            field.set_path(f"imaging[{self.index}].{name}")
            self.fields[field.path] = field
        self._fill_tabs()
        self.editor.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        self.remove_button.setEnabled(count > 0)
        if count:
            self.load(self.intake.document)
        self.show_evaluation(self.intake.evaluation)

    def _fill_tabs(self) -> None:
        self.tabs.blockSignals(True)
        try:
            while self.tabs.count():
                self.tabs.removeTab(0)
            for number in range(self.study_count()):
                self.tabs.addTab(self._tab_text(number))
            if self.study_count():
                self.tabs.setCurrentIndex(self.index)
        finally:
            self.tabs.blockSignals(False)

    def _tab_text(self, number: int) -> str:
        doc = self.intake.document
        parts = [str(number + 1)]
        modality = doc.get(f"imaging[{number}].modality")
        parts.append(words.value_words("imaging[].modality", modality) if modality else "new")
        if doc.get(f"imaging[{number}].date"):
            parts.append(str(doc.get(f"imaging[{number}].date")))
        levels = doc.get(f"imaging[{number}].levels")
        if isinstance(levels, list) and levels:
            with contextlib.suppress(KeyError):
                parts.append(describe_levels(levels))
        return " · ".join(parts)

    def initializePage(self) -> None:
        self.message.hide()
        self.show_study(self.index)
        self.suggestions.page_shown()
        self.documents.page_shown()
        if not self.intake.jumping:
            focus_soon(self._templates["modality"].focus_target() if self.study_count()
                       else self.add_button)

    def add_study(self) -> None:
        index = self.study_count()
        self.intake.change(lambda doc: doc.append("imaging", {}))
        self.show_study(index)
        self._templates["modality"].focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_study(self) -> None:
        if self.study_count():
            self.intake.undo_stack.push(RemoveStudyCommand(self, self.index))

    def _on_tabs_current_changed(self, index: int) -> None:
        if index >= 0:
            self.intake.commit_focused()
            self.show_study(index)

    # -- evaluation ---------------------------------------------------------------------------
    def show_evaluation(self, evaluation: DraftEvaluation) -> None:
        super().show_evaluation(evaluation)
        self.suggestions.refresh()
        self.documents.refresh()
        if not self.study_count():
            return
        for number in range(self.study_count()):
            text = self._tab_text(number)
            if self.tabs.tabText(number) != text:
                self.tabs.setTabText(number, text)
        document = self.intake.document
        access = study_access(evaluation, document, self.index)
        for name in FINDINGS:
            self._offer(self._templates[f"findings.{name}"], access[name])
        self._show_sins(evaluation)
        self._show_not_seen_state(access)

    def _offer(self, field: Field, access: FindingAccess) -> None:
        has_value = self.intake.document.has(field.path)
        if field.isEnabled() != (access.offered or has_value):
            field.setEnabled(access.offered or has_value)
        restrict = getattr(field, "restrict", None)
        if restrict is not None:
            restrict(access.positive if access.state == "positive_only" else None)
        hint = None
        if access.state in ("not_shown", "not_applicable", "no_modality"):
            hint = f"Not for this study: {access.reason}."
            if has_value:
                hint += " The value entered is kept (a value reported always counts)."
        elif access.state == "positive_only":
            hint = f"{access.reason}."
        value = self.intake.document.get(field.path)
        if field.path in self.marked and value == self.marked[field.path]:
            hint = "Not seen on this study (set by the action below)."
        elif hint is None and access.finding == "escc_grade" and value in BILSKY_WORDS:
            hint = f"Grade {value}: {bilsky_meaning(value).lower()} ({bilsky_class(value)})."
        field.set_hint(hint)

    def _show_sins(self, evaluation: DraftEvaluation) -> None:
        case = evaluation.case
        at = evaluation.evaluated_index("imaging", self.index)
        if case is None or at is None:
            self.sins_label.setText("")
            return
        record = next((r for r in sins(case).records if r.study_index == at), None)
        if record is None:
            self.sins_label.setText("SINS: scored only for a study that reports a lytic, "
                                    "mixed or blastic lesion.")
            return
        if record.total is not None:
            parts = " + ".join(f"{SINS_COMPONENTS[k][0].lower()} {v}"
                               for k, v in record.components.items())
            self.sins_label.setText(
                f"<b>SINS for this study: {record.total}</b> — "
                f"{escape(sins_category(record.category))} "
                f"({escape(SINS_RANGES[record.category])}): {escape(parts)}")
            return
        needed = []
        for path in record.missing:
            page = self.intake.page_title_for(path)
            here = page == self.page_title_for_self()
            needed.append(f"{words.label(path).lower()}" + (f" ({page})" if page and not here
                                                             else ""))
        needed += [default_applicability().describe_need(n) for n in record.needs]
        self.sins_label.setText(
            f"<b>SINS for this study:</b> not scored yet (at most {record.best_possible}); "
            f"needs {escape(', '.join(needed))}.")

    def _show_not_seen_state(self, access: dict[str, FindingAccess]) -> None:
        changes = not_seen_changes(self.intake.document, self.index, access)
        self.not_seen_button.setEnabled(bool(changes))
        if changes:
            self.not_seen_note.setText(
                f"{len(changes)} finding{'s' if len(changes) != 1 else ''} this study can show "
                "are still not reported.")
        else:
            modality = self.intake.document.get(f"imaging[{self.index}].modality")
            self.not_seen_note.setText(
                "Every finding this study can show has a value." if modality else
                "Choose the type of study first.")

    def mark_not_seen(self) -> None:
        self.intake.commit_focused()
        access = study_access(self.intake.evaluation, self.intake.document, self.index)
        changes = not_seen_changes(self.intake.document, self.index, access)
        if changes:
            self.intake.undo_stack.push(NotSeenCommand(self, self.index, changes))
            listed = ", ".join(
                f"{words.label(p).lower()}: {words.value_words(p, v).lower()}"
                for p, v in changes.items())
            self.not_seen_note.setText(f"Recorded as not seen: {listed}. Undo takes it back.")

    def _on_undo_text_changed(self, text: str) -> None:
        self.undo_button.setText(f"&Undo {text}" if text else "&Undo")

    def page_title_for_self(self) -> str:
        return f"{self.TITLE} page"

    # -- jumping ------------------------------------------------------------------------------
    def focus_field(self, path: str) -> bool:
        if path.startswith("imaging["):
            number = int(path[path.index("[") + 1:path.index("]")])
            if number < self.study_count():
                self.show_study(number)
        elif not self.study_count():
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().focus_field(path)

    def owns(self, path: str) -> bool:
        return under(path, "imaging")
