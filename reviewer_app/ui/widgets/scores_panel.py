"""SINS, Bilsky and revised Tokuhashi, each with what its number means."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from reviewer_app.core.determination import ScoresOut, SinsScore, TokuhashiScore
from reviewer_app.ui.forms.ui_scores_panel import Ui_ScoresPanel
from reviewer_app.ui.widgets.tones import TEXT, Tone
from reviewer_app.ui.widgets.vocabulary import (
    SINS_COMPONENTS,
    SINS_RANGES,
    TOKUHASHI_ADVICE,
    TOKUHASHI_RANGES,
    bilsky_class,
    bilsky_meaning,
    sins_category,
    survival_band,
)

SINS_TONES = {"stable": Tone.NEUTRAL, "potentially_unstable": Tone.UNKNOWN, "unstable": Tone.BAD}
"""Severity, not approval: an unstable spine is the clinically alarming finding."""

BILSKY_TONES = {"low grade": Tone.NEUTRAL, "high grade": Tone.BAD}

NOT_SCORED = "—"


def _paint(label: QLabel, tone: Tone) -> None:
    label.setStyleSheet(f"color: {TEXT[tone].name()};")


class ScoresPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ScoresPanel()
        self.ui.setupUi(self)

    def show_scores(self, scores: ScoresOut) -> None:
        self._show_sins(scores.sins)
        self._show_bilsky(scores.bilsky)
        self._show_tokuhashi(scores.tokuhashi)

    def _show_sins(self, sins: SinsScore | None) -> None:
        grid = self.ui.sinsComponents
        while grid.count():
            grid.takeAt(0).widget().deleteLater()
        if sins is None:
            self.ui.sinsTotal.setText(NOT_SCORED)
            self.ui.sinsCategory.setText("Not scored: an input is missing")
            _paint(self.ui.sinsCategory, Tone.NEUTRAL)
            return
        self.ui.sinsTotal.setText(f"{sins.total}")
        self.ui.sinsCategory.setText(
            f"{sins_category(sins.category)}  (score {SINS_RANGES[sins.category]})"
        )
        _paint(self.ui.sinsCategory, SINS_TONES[sins.category])
        for row, (key, points) in enumerate(sins.components.items()):
            name, highest = SINS_COMPONENTS.get(key, (key.replace("_", " ").capitalize(), None))
            column = (row % 2) * 2
            grid.addWidget(QLabel(name, self), row // 2, column)
            value = f"{points} / {highest}" if highest is not None else f"{points}"
            grid.addWidget(QLabel(value, self), row // 2, column + 1)

    def _show_bilsky(self, grade: str | None) -> None:
        if grade is None:
            self.ui.bilskyGrade.setText(NOT_SCORED)
            self.ui.bilskyClass.setText("Not reported")
            self.ui.bilskyMeaning.setText("No epidural compression grade on the imaging.")
            _paint(self.ui.bilskyClass, Tone.NEUTRAL)
            return
        grade_class = bilsky_class(grade)
        self.ui.bilskyGrade.setText(grade)
        self.ui.bilskyClass.setText(grade_class.capitalize())
        self.ui.bilskyMeaning.setText(f"{bilsky_meaning(grade)}.")
        _paint(self.ui.bilskyClass, BILSKY_TONES.get(grade_class, Tone.UNKNOWN))

    def _show_tokuhashi(self, tokuhashi: TokuhashiScore | None) -> None:
        if tokuhashi is None:
            self.ui.tokuhashiTotal.setText(NOT_SCORED)
            self.ui.tokuhashiBand.setText("Not scored: an input is missing")
            self.ui.tokuhashiAdvice.setText("")
            return
        band = tokuhashi.survival_band
        self.ui.tokuhashiTotal.setText(f"{tokuhashi.total}")
        self.ui.tokuhashiBand.setText(survival_band(band))
        self.ui.tokuhashiAdvice.setText(
            f"Score {TOKUHASHI_RANGES[band]} of 15 points to {TOKUHASHI_ADVICE[band]}. "
            "Shown for information; it is not a criterion."
        )
