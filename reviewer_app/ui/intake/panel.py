"""The live criteria panel beside every wizard page.

At the top, the outcome and the due time; then the criteria set the primary procedure selects
and each criterion met / not met / unknown with the member's values it rests on. Each missing
input is a link that jumps to its page and focuses its field; a study the case lacks is an
"add a study" link to the imaging page. Below, what still stops the draft from being saved.
It shows whatever :func:`~reviewer_app.core.intake.evaluation.evaluate_draft` returns, from an
empty draft on.

The panel changes after every committed field, within one frame: each criterion is its own
label, and a label is given new text only when its text changed (re-laying out one rich-text
document of every criterion took most of the frame). Links are reachable by keyboard: F6
moves to the first one, Tab to the next, Enter follows it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.core.case import Case
from reviewer_app.core.determination import CriterionResult, Determination
from reviewer_app.core.intake.evaluation import DraftEvaluation
from reviewer_app.ui.forms.ui_intake_panel import Ui_IntakePanel
from reviewer_app.ui.intake import words
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.criteria_table import status_words
from reviewer_app.ui.widgets.field_labels import describe_evidence, describe_field
from reviewer_app.ui.widgets.time_left import format_due, time_left
from reviewer_app.ui.widgets.tones import Tone, chip_pixmap
from reviewer_app.ui.widgets.vocabulary import KIND_GROUPS, SINS_RANGES, sins_category

PANEL_WIDTH_EM = 50
EXPLANATION_LINES = 3
BANNER_SIDES = 82
"""The banner's margins, icon and spacing (forms/outcome_banner.ui) and the panel's frame."""
"""The panel's width in average character widths (scales with the font, so 200% works)."""
CHIP = 16
WAITING = {
    "service.procedures": "Enter the requested procedure: the primary procedure selects the "
                          "criteria set.",
    "diagnoses": "Enter the diagnoses: whether one is a neoplasm decides which criteria set "
                 "applies to this procedure.",
}
ASSUMED = {"received_at": "received now", "urgency": "standard urgency",
           "line_of_business": "commercial"}
"""What the due time assumes while these fields are empty (the evaluation's placeholders)."""


def field_link(path: str, text: str) -> str:
    return f'<a href="field:{escape(path)}">{escape(text)}</a>'


class WrappedLabel(QLabel):
    """A word-wrapped rich-text label that remembers its height at each width.

    QLabel lays its text out again at every ``heightForWidth()``, and when one criterion's text
    changes the layouts up to the scroll area ask the panel's labels about 50 times: the
    update when the outcome changes took 9 ms of the GUI thread, 5 ms with this (measured in
    ``bench/bench_intake.py``)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self._measured = ""

    def heightForWidth(self, width: int) -> int:
        text = self.text()
        if text != self._measured:
            self._heights.clear()
            self._measured = text
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


def _text_label(parent: QWidget, *, links: bool = True) -> QLabel:
    label = WrappedLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction if links
                                  else Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _set(label: QLabel, text: str) -> None:
    """Set the text only when it changed (a rich-text label re-lays itself out on every set)."""
    if label.text() != text:
        label.setText(text)
    visible = bool(text)
    if label.isVisibleTo(label.parentWidget()) != visible:
        label.setVisible(visible)


class CriterionRow(QWidget):
    """One criterion: its status chip, and its wording, evidence and missing inputs."""

    def __init__(self, parent: QWidget, chips: dict[Tone, QPixmap], on_link):
        super().__init__(parent)
        self._chips = chips
        self._tone: Tone | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.chip = QLabel(self)
        self.chip.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chip.setFixedWidth(CHIP + 2)
        self.text = _text_label(self)
        self.text.linkActivated.connect(on_link)
        layout.addWidget(self.chip)
        layout.addWidget(self.text, 1)

    def display(self, tone: Tone, html: str, accessible: str) -> None:
        if tone is not self._tone:
            self._tone = tone
            self.chip.setPixmap(self._chips[tone])
        _set(self.text, html)
        if self.text.accessibleName() != accessible:
            self.text.setAccessibleName(accessible)


class CriteriaPanel(QFrame):
    link_activated = Signal(str)
    """``field:<path>`` or ``study:new``: the wizard jumps there."""

    def __init__(self, parent: QWidget | None = None,
                 where: Callable[[str], str] | None = None):
        super().__init__(parent)
        self.ui = Ui_IntakePanel()
        self.ui.setupUi(self)
        self._where = where or (lambda _path: "")
        banner = self.ui.outcomeBanner
        banner.setBackgroundRole(QPalette.ColorRole.Window)
        banner.setForegroundRole(QPalette.ColorRole.WindowText)
        banner.ui.titleLabel.setWordWrap(True)
        font = banner.ui.titleLabel.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.8, self.font().pointSizeF() * 1.2))
        banner.ui.titleLabel.setFont(font)
        line = self.fontMetrics().lineSpacing()
        width = self.fontMetrics().averageCharWidth() * PANEL_WIDTH_EM
        self.setFixedWidth(width)
        inner = width - 2 * self.frameWidth()
        banner.setFixedSize(inner, QFontMetrics(font).lineSpacing() * 2
                            + line * EXPLANATION_LINES + 24)
        """Fixed sizes outside the scroll area: a label whose size cannot change does not make
        the whole wizard lay itself out again when its text changes, and the panel has one
        width, so the page beside it never moves."""
        self.ui.draftLabel.setFixedSize(inner, line * 2 + 12)
        self.ui.criteriaContents.setBackgroundRole(QPalette.ColorRole.Base)
        self.ui.criteriaArea.setSizePolicy(QSizePolicy.Policy.Ignored,
                                           QSizePolicy.Policy.Ignored)
        self.ui.summaryLabel.linkActivated.connect(self._on_link_activated)
        ratio = self.devicePixelRatioF()
        self._chips = {tone: chip_pixmap(tone, CHIP, ratio) for tone in Tone}
        contents = self.ui.criteriaContents
        layout = self.ui.criteriaLayout
        self.waiting = _text_label(contents)
        self.waiting.linkActivated.connect(self._on_link_activated)
        self.needed = _text_label(contents)
        self.needed.linkActivated.connect(self._on_link_activated)
        self.needed.setAccessibleName("Needed to decide")
        self.criteria = QWidget(contents)
        self._criteria_layout = None
        self.before_saving = _text_label(contents)
        self.before_saving.linkActivated.connect(self._on_link_activated)
        layout.addWidget(self.waiting)
        layout.addWidget(self.needed)
        layout.addWidget(self.criteria)
        layout.addWidget(self.before_saving)
        layout.addStretch(1)
        self._rows: list[CriterionRow] = []
        self._headings: list[QLabel] = []
        self._shape: tuple[str, ...] | None = None
        self._banner_key: tuple | None = None
        self._html = ""

    # -- showing ------------------------------------------------------------------------------
    def show_evaluation(self, evaluation: DraftEvaluation, now: datetime) -> None:
        self._show_banner(evaluation)
        _set(self.ui.summaryLabel, self._summary(evaluation, now))
        determination = evaluation.determination
        parts = []
        if determination is None:
            items = "".join(
                f"<li>{field_link(w, words.label(w))} — {escape(WAITING.get(w, ''))}</li>"
                for w in evaluation.waiting_for)
            text = (f"<p>The criteria show here as soon as the request names its procedure."
                    f"</p><ul>{items}</ul>")
            _set(self.waiting, text)
            _set(self.needed, "")
            parts.append(text)
            self._show_criteria(None, None)
        else:
            _set(self.waiting, "" if determination.criteria else
                 f"<p>{escape(' '.join(determination.rationale))}</p>")
            parts.append(self.waiting.text())
            needed = self._needed(determination, evaluation.case)
            _set(self.needed, needed)
            parts.append(needed)
            parts += self._show_criteria(determination, evaluation.case)
        saving = self._before_saving(evaluation)
        _set(self.before_saving, saving)
        parts.append(saving)
        self._html = "\n".join(parts)

    def show_draft_state(self, text: str) -> None:
        _set(self.ui.draftLabel, text)

    def criteria_html(self) -> str:
        """Everything the criteria list shows, as rich text (for tests and screen readers)."""
        return self._html

    def link_labels(self) -> list[QLabel]:
        """The labels that hold links, top to bottom (F6 goes to the first)."""
        labels = [self.ui.summaryLabel, self.waiting, self.needed,
                  *(r.text for r in self._rows), self.before_saving]
        return [label for label in labels
                if label.isVisibleTo(self) and "<a href" in label.text()]

    def focus_first_link(self) -> bool:
        labels = self.link_labels()
        if not labels:
            return False
        labels[0].setFocus(Qt.FocusReason.TabFocusReason)
        labels[0].focusNextPrevChild(True)
        return True

    # -- content ------------------------------------------------------------------------------
    def _show_banner(self, evaluation: DraftEvaluation) -> None:
        determination = evaluation.determination
        banner = self.ui.outcomeBanner
        if determination is None:
            explanation = (" ".join(WAITING[w] for w in evaluation.waiting_for if w in WAITING)
                           or "The request cannot be evaluated yet.")
            key = ("waiting", explanation)
            if key != self._banner_key:
                banner.show_determination(_no_set_yet(), evaluation.case)
                banner.ui.titleLabel.setText("No criteria set yet")
                self._explain(explanation)
        else:
            key = (determination.outcome, determination.missing_information,
                   tuple(s.text for s in determination.missing_studies),
                   tuple(c.status for c in determination.criteria))
            if key != self._banner_key:
                banner.show_determination(determination, evaluation.case)
                self._explain(banner.ui.explanationLabel.text())
        self._banner_key = key

    def _explain(self, text: str) -> None:
        """The outcome's one-sentence explanation, cut to the banner's lines (the whole
        sentence is its tooltip; the list below has every detail)."""
        label = self.ui.outcomeBanner.ui.explanationLabel
        width = self.width() - BANNER_SIDES
        metrics = label.fontMetrics()
        shown = text
        flags = int(Qt.TextFlag.TextWordWrap)
        line = metrics.lineSpacing()
        while shown and metrics.boundingRect(0, 0, width, 10_000, flags,
                                             shown).height() // line > EXPLANATION_LINES:
            shown = shown.rsplit(" ", 1)[0].rstrip(",;:—") + "…"
            if shown.count(" ") == 0:
                break
        label.setText(shown)
        label.setToolTip(text)
        label.setAccessibleDescription(text)

    def _summary(self, evaluation: DraftEvaluation, now: datetime) -> str:
        determination = evaluation.determination
        lines = []
        if determination is not None and determination.criteria_set is not None:
            lines.append(f"<b>Criteria set:</b> {escape(evaluation.criteria_set_title or '')} "
                         f"({escape(determination.criteria_set.version)})")
        if determination is not None:
            due = datetime.fromisoformat(determination.due_at)
            assumed = [p for p in ASSUMED if p in evaluation.placeholders]
            if assumed:
                names = ", ".join(field_link(p, words.label(p).lower()) for p in assumed)
                lines.append(f"<b>Due:</b> {escape(format_due(due))}, assuming "
                             f"{', '.join(ASSUMED[p] for p in assumed)} (enter the {names})")
            else:
                left = time_left(due, now)
                lines.append(f"<b>Due:</b> {escape(format_due(due))} · {escape(left.text)}")
            lines.append(f"<b>Scores:</b> {escape(_scores(determination))}")
        return "<br/>".join(lines)

    def _show_criteria(self, determination: Determination | None,
                       case: Case | None) -> list[str]:
        criteria = determination.criteria if determination is not None else []
        grouped = [c for kind in KIND_GROUPS for c in criteria if c.kind == kind]
        shape = tuple(f"{c.kind}:{c.id}" for c in grouped)
        if shape != self._shape:
            self._rebuild(grouped)
            self._shape = shape
        self.criteria.setVisible(bool(grouped))
        html = []
        for row, criterion in zip(self._rows, grouped, strict=True):
            status, tone = status_words(criterion)
            text = self._criterion_html(criterion, status, case)
            row.display(tone, text, f"{status}: {criterion.text}")
            html.append(text)
        return html

    def _rebuild(self, criteria: list[CriterionResult]) -> None:
        """Rows for the criteria of a (new) set, grouped by kind, in the tab order."""
        for widget in [*self._rows, *self._headings]:
            widget.deleteLater()
        self._rows, self._headings = [], []
        if self._criteria_layout is None:
            self._criteria_layout = QVBoxLayout(self.criteria)
            self._criteria_layout.setContentsMargins(0, 0, 0, 0)
            self._criteria_layout.setSpacing(4)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for kind, (name, rule) in KIND_GROUPS.items():
            members = [c for c in criteria if c.kind == kind]
            if not members:
                continue
            heading = _text_label(self.criteria, links=False)
            heading.setText(f'<b>{escape(name)}</b> <span style="color:{muted}">— '
                            f"{escape(rule)}</span>")
            self._criteria_layout.addWidget(heading)
            self._headings.append(heading)
            for _criterion in members:
                row = CriterionRow(self.criteria, self._chips, self._on_link_activated)
                self._criteria_layout.addWidget(row)
                self._rows.append(row)
        chain = [self.ui.summaryLabel, self.waiting, self.needed,
                 *(r.text for r in self._rows), self.before_saving]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _criterion_html(self, criterion: CriterionResult, status: str,
                        case: Case | None) -> str:
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        body = [f"<b>{escape(status)}</b> · {escape(criterion.text)}"]
        for evidence in criterion.evidence:
            body.append(f'<span style="color:{muted}">'
                        f"{escape(describe_evidence(evidence, case))}</span>")
        if criterion.status == "unknown":
            links = [self._missing_link(path, case) for path in criterion.missing]
            links += [f'<a href="study:new">Add a study</a>: {escape(study.text)}'
                      for study in criterion.missing_studies]
            if links:
                body.append("Missing: " + "; ".join(links))
        return "<br/>".join(body)

    def _needed(self, determination: Determination, case: Case | None) -> str:
        """For a pend, the inputs (and studies) that could settle it, first and as links."""
        if determination.outcome != "pend_missing_information":
            return ""
        items = [f"<li>{self._missing_link(path, case)}</li>"
                 for path in determination.missing_information]
        items += [f'<li><a href="study:new">Add a study</a>: {escape(study.text)}</li>'
                  for study in determination.missing_studies]
        if not items:
            return ""
        return f"<p><b>Needed to decide</b></p><ul>{''.join(items)}</ul>"

    def _missing_link(self, path: str, case: Case | None) -> str:
        words_for = describe_field(path, case, choices=False)
        where = self._where(path)
        suffix = f" ({escape(where)})" if where else ""
        return field_link(path, words_for) + suffix

    def _before_saving(self, evaluation: DraftEvaluation) -> str:
        invalid = evaluation.invalid
        missing = [p for p in evaluation.problems if p.missing]
        if not invalid and not missing:
            return "<p><b>Ready to save.</b> Every required field is filled in and valid.</p>"
        html = []
        if invalid:
            items = "".join(
                f"<li>{field_link(p.path, _field_words(p.path))}: {escape(p.message)}</li>"
                for p in invalid)
            html.append(f"<p><b>To correct before saving</b></p><ul>{items}</ul>")
        if missing:
            links = ", ".join(field_link(p.path, _field_words(p.path)) for p in missing)
            html.append(f"<p><b>Still required before saving:</b> {links}</p>")
        return "".join(html)

    def _on_link_activated(self, link: str) -> None:
        emit(self.link_activated, link)


def _field_words(path: str) -> str:
    label = words.label(path)
    if path.startswith(("imaging[", "prior_treatments[", "diagnoses[", "service.procedures[")):
        index = int(path[path.index("[") + 1:path.index("]")])
        noun = {"imaging": "study", "prior_treatments": "treatment", "diagnoses": "diagnosis",
                "service.procedures": "procedure"}[path[:path.index("[")]]
        return f"{label} ({noun} {index + 1})"
    return label


def _scores(determination: Determination) -> str:
    scores = determination.scores
    sins = (f"SINS {scores.sins.total} {sins_category(scores.sins.category).lower()} "
            f"({SINS_RANGES[scores.sins.category]})" if scores.sins else "SINS not scored")
    bilsky = f"Bilsky {scores.bilsky}" if scores.bilsky else "Bilsky not graded"
    tokuhashi = (f"Tokuhashi {scores.tokuhashi.total}" if scores.tokuhashi
                 else "Tokuhashi not scored")
    return " · ".join((sins, bilsky, tokuhashi))


def _no_set_yet() -> Determination:
    """A stand-in for the banner's colours while no criteria set can be chosen."""
    return Determination(case_ref="draft", outcome="no_criteria_set", criteria_set=None,
                         scores={"sins": None, "bilsky": None, "tokuhashi": None},
                         criteria=[], missing_information=[], rationale=[], references=[],
                         due_at="")
