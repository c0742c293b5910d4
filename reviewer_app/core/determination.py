"""The ``ur-determination/1`` output: what ``evaluate`` prints and the GUI and letters show.

The evaluator's outcomes never include a denial: only a physician reviewer may issue an
adverse determination (NCQA UM 4; 42 CFR 422.566(d); California SB 1120).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

FORMAT = "ur-determination/1"

Outcome = Literal[
    "meets_criteria", "refer_to_physician", "pend_missing_information", "no_criteria_set"
]
Status = Literal["met", "not_met", "unknown"]
Kind = Literal["requirement", "indication", "contraindication"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CriteriaSetRef(Out):
    id: str
    version: str
    sha256: str


class SinsScore(Out):
    total: int
    category: Literal["stable", "potentially_unstable", "unstable"]
    components: dict[str, int]


class TokuhashiScore(Out):
    total: int
    survival_band: Literal["under_6_months", "6_months_or_more", "1_year_or_more"]


class ScoresOut(Out):
    sins: SinsScore | None
    bilsky: Literal["0", "1a", "1b", "1c", "2", "3"] | None
    tokuhashi: TokuhashiScore | None


class MissingStudy(Out):
    """A study the case does not have that could settle a criterion: no study present can
    show what it needs (marrow edema when only CT or plain films were done)."""

    modalities: list[Literal["MRI", "CT", "PET_CT", "XR", "bone_scan"]]
    """Any one of these would do."""
    levels: list[str]
    findings: list[str]
    """The ``imaging[].findings`` names the study should report."""
    text: str
    """The study in words a request-for-information letter can print."""

    @property
    def key(self) -> str:
        """How a pend decision names this study among the items it asks for:
        ``study:MRI/CT:L2:marrow_edema,fracture``."""
        return (f"study:{'/'.join(self.modalities)}:{','.join(self.levels)}:"
                f"{','.join(self.findings)}")


class CriterionResult(Out):
    id: str
    kind: Kind
    status: Status
    text: str
    evidence: list[str]
    missing: list[str]
    references: list[str]
    missing_studies: list[MissingStudy] = []


class Reference(Out):
    id: str
    citation: str


class Determination(Out):
    format: Literal["ur-determination/1"] = FORMAT
    case_ref: str
    outcome: Outcome
    criteria_set: CriteriaSetRef | None
    scores: ScoresOut
    criteria: list[CriterionResult]
    missing_information: list[str]
    missing_studies: list[MissingStudy] = []
    """Beside ``missing_information``: studies that only a new study could supply."""
    rationale: list[str]
    references: list[Reference]
    due_at: str

    def missing_keys(self) -> list[str]:
        """Every item a request for information can ask for: the missing inputs' paths, then
        the missing studies' keys (:attr:`MissingStudy.key`)."""
        return [*self.missing_information, *(study.key for study in self.missing_studies)]

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")
