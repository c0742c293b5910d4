"""The outcome in colour, glyph and words, with one line saying why."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QWidget

from reviewer_app.core.case import Case
from reviewer_app.core.criteria.outcome import judge
from reviewer_app.core.determination import Determination
from reviewer_app.ui.forms.ui_outcome_banner import Ui_OutcomeBanner
from reviewer_app.ui.widgets.field_labels import describe_field
from reviewer_app.ui.widgets.tones import BACKGROUND, FOREGROUND, Tone, chip_pixmap
from reviewer_app.ui.widgets.vocabulary import OUTCOMES

OUTCOME_TONES = {
    "meets_criteria": Tone.GOOD,
    "refer_to_physician": Tone.REFER,
    "pend_missing_information": Tone.PEND,
    "no_criteria_set": Tone.NEUTRAL,
}
ICON_SIZE = 34


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def explain_outcome(determination: Determination, case: Case | None = None) -> str:
    """One sentence a nurse can act on; the criteria table holds the detail."""
    criteria = determination.criteria
    requirements = [c for c in criteria if c.kind == "requirement"]
    indications = [c for c in criteria if c.kind == "indication"]
    contraindications = [c for c in criteria if c.kind == "contraindication"]
    outcome = determination.outcome
    if outcome == "meets_criteria":
        parts = []
        if requirements:
            every = "All " if len(requirements) > 1 else ""
            parts.append(f"{every}{_count(len(requirements), 'requirement')} met")
        if indications:
            met = sum(c.status == "met" for c in indications)
            parts.append(f"{met} of {_count(len(indications), 'indication')} met")
        if contraindications:
            parts.append("no contraindication present")
        return "; ".join(parts) + "." if parts else "The criteria set is satisfied."
    if outcome == "refer_to_physician":
        blocking = judge(criteria).blocking
        reasons = [f"requirement not met: {c.text}" for c in blocking if c.kind == "requirement"]
        reasons += [
            f"contraindication present: {c.text}" for c in blocking
            if c.kind == "contraindication"
        ]
        if any(c.kind == "indication" for c in blocking):
            reasons.append(f"none of the {_count(len(indications), 'indication')} is met")
        reason = reasons[0] if reasons else "the criteria are not satisfied"
        more = f" (and {len(reasons) - 1} more)" if len(reasons) > 1 else ""
        return (
            f"A physician reviewer must decide — {reason}{more}. "
            "Only a physician may issue an adverse determination."
        )
    if outcome == "pend_missing_information":
        missing = [
            describe_field(path, case, capitalize=False)
            for path in determination.missing_information
        ] + [study.text for study in determination.missing_studies]
        if not missing:
            return "The result depends on information the request does not contain."
        return (
            f"The result depends on {_count(len(missing), 'missing item')}: "
            f"{'; '.join(missing)}. Request it from the provider, then re-evaluate."
        )
    return (
        "No criteria set covers the requested procedure codes: review against the plan's "
        "medical policy."
    )


class OutcomeBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_OutcomeBanner()
        self.ui.setupUi(self)

    def show_determination(self, determination: Determination, case: Case | None) -> None:
        tone = OUTCOME_TONES[determination.outcome]
        words = OUTCOMES[determination.outcome]
        self.ui.titleLabel.setText(f"{words.title} — {words.action}")
        self.ui.explanationLabel.setText(explain_outcome(determination, case))
        ratio = self.devicePixelRatioF()
        self.ui.iconLabel.setPixmap(chip_pixmap(tone, ICON_SIZE, ratio, inverted=True))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, BACKGROUND[tone])
        palette.setColor(QPalette.ColorRole.WindowText, FOREGROUND[tone])
        self.setPalette(palette)

    def title(self) -> str:
        return self.ui.titleLabel.text()
