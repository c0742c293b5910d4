"""Everything the evaluator said about one case, laid out for a nurse under deadline pressure
(the case view's overview; the header above it belongs to the case view)."""

from __future__ import annotations

import math
import re
from html import escape

from PySide6.QtCore import QSizeF, Qt, QUrl
from PySide6.QtWidgets import QApplication, QWidget

from reviewer_app.core.case import Case
from reviewer_app.core.criteria.outcome import asks
from reviewer_app.core.determination import Determination
from reviewer_app.ui.case.snapshot import CaseSnapshot
from reviewer_app.ui.forms.ui_determination_view import Ui_DeterminationView
from reviewer_app.ui.widgets.field_labels import describe_field
from reviewer_app.ui.widgets.tones import muted_text

SIDE_WIDTH = 420
HIGHLIGHT = "#fff3bf"
HIGHLIGHT_TEXT = "#1f1f1f"

_CITED = re.compile(r"\[([A-Za-z0-9][\w\-]*(?:\s*[,;]\s*[A-Za-z0-9][\w\-]*)*)\]")


def _muted() -> str:
    """Secondary text: the palette's placeholder colour, readable in light and dark palettes."""
    return muted_text(QApplication.palette()).name()


def _link_citations(sentence: str) -> str:
    """``... unstable [fisher-2010].`` with each id a link to its reference."""
    html, last = [], 0
    for match in _CITED.finditer(sentence):
        html.append(escape(sentence[last : match.start()]))
        ids = re.split(r"\s*[,;]\s*", match.group(1))
        links = ", ".join(f'<a href="#{escape(i)}">{escape(i)}</a>' for i in ids)
        html.append(f'<span style="color:{_muted()}">[{links}]</span>')
        last = match.end()
    html.append(escape(sentence[last:]))
    return "".join(html)


def rationale_html(determination: Determination) -> str:
    if not determination.rationale:
        return f'<p style="color:{_muted()}">The evaluator gave no rationale.</p>'
    items = "".join(
        f'<li style="margin-bottom:6px">{_link_citations(s)}</li>' for s in determination.rationale
    )
    return f'<ol style="margin-left:0">{items}</ol>'


def references_html(determination: Determination, highlighted: str | None = None) -> str:
    if not determination.references:
        return f'<p style="color:{_muted()}">No references.</p>'
    blocks = []
    for reference in determination.references:
        style = ""
        if reference.id == highlighted:
            style = f' style="background-color:{HIGHLIGHT}; color:{HIGHLIGHT_TEXT}"'
        blocks.append(
            f'<p{style}><a name="{escape(reference.id)}"></a>'
            f'<span style="color:{_muted()}">{escape(reference.id)}</span><br/>'
            f"{escape(reference.citation)}</p>"
        )
    return "".join(blocks)


def missing_html(determination: Determination, case: Case | None) -> str:
    items = "".join(
        f'<li style="margin-bottom:4px"><b>{escape(describe_field(path, case))}</b><br/>'
        f'<span style="color:{_muted()}">{escape(path)}</span></li>'
        for path in determination.missing_information
    )
    items += "".join(
        f'<li style="margin-bottom:4px"><b>{escape(study.text[0].upper() + study.text[1:])}'
        f'</b><br/><span style="color:{_muted()}">a study the request does not include: no '
        "study sent can show this</span></li>"
        for study in determination.missing_studies
    )
    return f"<p>Ask the requesting provider for:</p><ul>{items}</ul>"


def criteria_set_html(determination: Determination) -> str:
    criteria_set = determination.criteria_set
    if criteria_set is None:
        return "No criteria set applies to the requested procedure codes."
    return f"Criteria set <b>{escape(criteria_set.id)}</b> · version {escape(criteria_set.version)}"


class DeterminationView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DeterminationView()
        self.ui.setupUi(self)
        self._determination: Determination | None = None
        self.ui.bodySplitter.setStretchFactor(0, 0)
        self.ui.bodySplitter.setStretchFactor(1, 1)
        self.ui.bodySplitter.setSizes([SIDE_WIDTH, 10_000])
        browser = self.ui.rationaleBrowser
        browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        browser.document().documentLayout().documentSizeChanged.connect(
            self._on_rationale_size_changed
        )
        browser.anchorClicked.connect(self._on_rationale_anchor_clicked)

    def show_case(self, opened: CaseSnapshot) -> None:
        determination, case = opened.determination, opened.case
        self._determination = determination
        self.ui.outcomeBanner.show_determination(determination, case)
        self.ui.scoresPanel.show_scores(determination.scores)
        criteria_set = determination.criteria_set
        self.ui.criteriaSetLabel.setText(criteria_set_html(determination))
        self.ui.criteriaSetLabel.setToolTip(
            f"SHA-256 {criteria_set.sha256}" if criteria_set else ""
        )
        self.ui.criteriaTable.show_criteria(determination, case)
        self.ui.criteriaTable.setVisible(bool(determination.criteria))
        self.ui.criteriaGroup.setTitle(f"Criteria ({len(determination.criteria)})")
        self.ui.missingGroup.setVisible(asks(determination))
        self.ui.missingLabel.setText(missing_html(determination, case))
        self.ui.rationaleBrowser.setHtml(rationale_html(determination))
        self.ui.referencesBrowser.setHtml(references_html(determination))
        self.ui.detailScroll.verticalScrollBar().setValue(0)

    def _on_rationale_size_changed(self, size: QSizeF) -> None:
        """The rationale is as tall as its text: the page scrolls, not a box inside it."""
        browser = self.ui.rationaleBrowser
        browser.setFixedHeight(math.ceil(size.height()) + 2 * browser.frameWidth())

    def _on_rationale_anchor_clicked(self, url: QUrl) -> None:
        if self._determination is None:
            return
        reference = url.fragment()
        self.ui.referencesBrowser.setHtml(references_html(self._determination, reference))
        self.ui.referencesBrowser.scrollToAnchor(reference)
