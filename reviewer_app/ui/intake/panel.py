"""The live criteria panel beside every wizard page.

At the top, the outcome and the due time; then the criteria set the primary procedure selects
and each criterion met / not met / unknown with the member's values it rests on. Each missing
input is a link that jumps to its page and focuses its field; a study the case lacks is an
"add a study" link to the imaging page. Below, what still stops the draft from being saved.
It shows whatever :func:`~reviewer_app.core.intake.evaluation.evaluate_draft` returns, from an
empty draft on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import QFrame, QWidget

from reviewer_app.core.case import Case
from reviewer_app.core.determination import Determination
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
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * PANEL_WIDTH_EM)
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * PANEL_WIDTH_EM * 6 // 5)
        browser = self.ui.criteriaBrowser
        browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        self.ui.summaryLabel.linkActivated.connect(self._on_label_link_activated)
        document = browser.document()
        ratio = self.devicePixelRatioF()
        for tone in Tone:
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"chip:{tone.value}"), chip_pixmap(tone, CHIP, ratio))
        self._html = ""

    def show_evaluation(self, evaluation: DraftEvaluation, now: datetime) -> None:
        determination = evaluation.determination
        case = evaluation.case
        banner = self.ui.outcomeBanner
        if determination is None:
            banner.show_determination(_no_set_yet(evaluation), case)
            banner.ui.titleLabel.setText("No criteria set yet")
            banner.ui.explanationLabel.setText(
                " ".join(WAITING[w] for w in evaluation.waiting_for if w in WAITING)
                or "The request cannot be evaluated yet.")
        else:
            banner.show_determination(determination, case)
        summary = self._summary(evaluation, now)
        self.ui.summaryLabel.setText(summary)
        self.ui.summaryLabel.setVisible(bool(summary))
        html = self._criteria_html(evaluation)
        if html != self._html:
            browser = self.ui.criteriaBrowser
            bar = browser.verticalScrollBar()
            position = bar.value()
            browser.setHtml(html)
            bar.setValue(position)
            self._html = html

    def show_draft_state(self, text: str) -> None:
        self.ui.draftLabel.setText(text)

    def criteria_html(self) -> str:
        return self._html

    # -- content -----------------------------------------------------------------------------
    def _summary(self, evaluation: DraftEvaluation, now: datetime) -> str:
        determination = evaluation.determination
        lines = []
        if determination is not None and determination.criteria_set is not None:
            lines.append(f"<b>Criteria set:</b> {escape(evaluation.criteria_set_title or '')} "
                         f"({escape(determination.criteria_set.version)})")
        if determination is not None:
            due = datetime.fromisoformat(determination.due_at)
            assumed = [p for p in ("received_at", "urgency", "line_of_business")
                       if p in evaluation.placeholders]
            if assumed:
                names = ", ".join(field_link(p, words.label(p).lower()) for p in assumed)
                lines.append(f"<b>Due:</b> {escape(format_due(due))}, assuming "
                             f"{', '.join(ASSUMED[p] for p in assumed)} (enter the {names})")
            else:
                left = time_left(due, now)
                lines.append(f"<b>Due:</b> {escape(format_due(due))} · {escape(left.text)}")
            lines.append(f"<b>Scores:</b> {escape(_scores(determination))}")
        return "<br/>".join(lines)

    def _criteria_html(self, evaluation: DraftEvaluation) -> str:
        determination = evaluation.determination
        case = evaluation.case
        text_colour = self.palette().color(QPalette.ColorRole.Text).name()
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        parts = [f'<body style="color:{text_colour}">']
        if determination is None:
            items = "".join(
                f"<li>{field_link(w, words.label(w))} — {escape(WAITING.get(w, ''))}</li>"
                for w in evaluation.waiting_for)
            parts.append(f"<p>The criteria show here as soon as the request names its "
                         f"procedure.</p><ul>{items}</ul>")
        else:
            parts.append(self._criteria(determination, case, muted))
        parts.append(self._before_saving(evaluation))
        parts.append("</body>")
        return "".join(parts)

    def _criteria(self, determination: Determination, case: Case | None, muted: str) -> str:
        if not determination.criteria:
            return f"<p>{escape(' '.join(determination.rationale))}</p>"
        html = []
        for kind, (name, rule) in KIND_GROUPS.items():
            members = [c for c in determination.criteria if c.kind == kind]
            if not members:
                continue
            html.append(f'<p style="margin-top:8px; margin-bottom:2px"><b>{escape(name)}</b> '
                        f'<span style="color:{muted}">— {escape(rule)}</span></p>')
            html.append('<table cellspacing="0" cellpadding="2" width="100%">')
            for criterion in members:
                status, tone = status_words(criterion)
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
                html.append(
                    f'<tr><td valign="top" width="{CHIP + 4}">'
                    f'<img src="chip:{tone.value}" width="{CHIP}" height="{CHIP}"/></td>'
                    f'<td valign="top">{"<br/>".join(body)}</td></tr>')
            html.append("</table>")
        return "".join(html)

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

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        emit(self.link_activated, url.toString())

    def _on_label_link_activated(self, link: str) -> None:
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


def _no_set_yet(evaluation: DraftEvaluation) -> Determination:
    """A stand-in for the banner's colours while no criteria set can be chosen."""
    return Determination(case_ref="draft", outcome="no_criteria_set", criteria_set=None,
                         scores={"sins": None, "bilsky": None, "tokuhashi": None},
                         criteria=[], missing_information=[], rationale=[], references=[],
                         due_at="")
