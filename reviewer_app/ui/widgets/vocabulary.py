"""Plain words for the enumerations a reviewer reads on screen (outcomes, scores, request fields).

Score tables and their clinical wording come from :mod:`reviewer_app.core.criteria.scores` and
:mod:`reviewer_app.core.criteria.narrative`; this module only adds what a screen needs beyond a
sentence: short titles, score ranges and the meaning of each band.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core.criteria import scores
from reviewer_app.core.criteria.narrative import BILSKY_WORDS, SINS_CATEGORY, SURVIVAL_BAND
from reviewer_app.ui.widgets.case_words import (  # noqa: F401 - still reached from here
    LINE_OF_BUSINESS,
    STATUS,
    URGENCY,
)

SETTING = {
    "inpatient": "Inpatient",
    "outpatient": "Outpatient",
    "ambulatory_surgery_center": "Ambulatory surgery center",
    "office": "Office",
}
SEX = {"female": "female", "male": "male", "other": "other sex", "unknown": "sex unknown"}


@dataclass(frozen=True)
class OutcomeWords:
    title: str
    action: str


OUTCOMES = {
    "meets_criteria": OutcomeWords("Meets criteria", "you may approve"),
    "refer_to_physician": OutcomeWords("Refer to physician reviewer", "do not approve yourself"),
    "pend_missing_information": OutcomeWords("Pend for missing information", "request it"),
    "no_criteria_set": OutcomeWords("No criteria set", "manual review"),
}
"""The evaluator never denies: a case that is not approvable goes to a physician reviewer."""

KIND_GROUPS = {
    "requirement": ("Requirements", "all must be met"),
    "indication": ("Indications", "at least one must be met"),
    "contraindication": ("Contraindications", "none may be present"),
}

SINS_COMPONENTS = {
    "location": ("Location", max(points for points, _ in scores.SINS_LOCATION_CLASSES.values())),
    "pain": ("Pain", max(scores.SINS_PAIN.values())),
    "bone_lesion": ("Bone lesion", max(scores.SINS_BONE_LESION.values())),
    "alignment": ("Alignment", max(scores.SINS_ALIGNMENT.values())),
    "collapse": ("Vertebral collapse", max(scores.SINS_COLLAPSE.values())),
    "posterolateral": ("Posterolateral involvement", max(scores.SINS_POSTEROLATERAL.values())),
}
"""SINS component name and its maximum points (Fisher et al., Spine 2010;35(22):E1221-9)."""

BILSKY_LOW_GRADE = frozenset({"0", "1a", "1b"})
"""Low-grade compression 0-1b, high grade 2-3 (Bilsky 2010, criteria guide); 1c lies between."""

TOKUHASHI_ADVICE = {
    "under_6_months": "conservative or palliative care",
    "6_months_or_more": "palliative surgery",
    "1_year_or_more": "excisional surgery",
}
"""Treatment the revised Tokuhashi band points to (Tokuhashi et al., Spine 2005;30:2186-91)."""


def _ranges(bands: tuple[tuple[int, str], ...]) -> dict[str, str]:
    ranges, low = {}, 0
    for high, name in bands:
        ranges[name] = f"{low}–{high}"
        low = high + 1
    return ranges


SINS_RANGES = _ranges(scores.SINS_CATEGORIES)
TOKUHASHI_RANGES = _ranges(scores.TOKUHASHI_BANDS)


def sins_category(category: str) -> str:
    return SINS_CATEGORY[category].capitalize()


def bilsky_class(grade: str) -> str:
    if grade in BILSKY_LOW_GRADE:
        return "low grade"
    if grade in scores.BILSKY_HIGH_GRADE:
        return "high grade"
    return "between low and high grade"


def bilsky_meaning(grade: str) -> str:
    return BILSKY_WORDS[grade][0].upper() + BILSKY_WORDS[grade][1:]


def survival_band(band: str) -> str:
    return f"Expected survival {SURVIVAL_BAND[band]}"
