"""The ``ur-case/1`` model: the contract in ``docs/case-format.md``.

"Missing" (absent or ``null``) is kept distinct from ``false`` and ``0`` everywhere: every
optional field defaults to ``None`` and the evaluator treats ``None`` as unknown.
Documents are parsed in pydantic's strict JSON mode so that ``"1"`` is not silently an
integer and a number is not silently a date; unknown keys are refused except under
``extensions``.

Every string has a maximum length and a character rule (:mod:`.characters`), every number a
plausible range and every date a range of years; each limit and its reason is in
``docs/case-format.md`` ("Limits"), and all of them are in the generated JSON Schema. They keep
what a hostile or broken file can do bounded: a letter lays out whatever passes, and deadline
arithmetic never leaves the calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from reviewer_app.core import characters
from reviewer_app.core.codes import icd10, procedure_list
from reviewer_app.core.levels import LEVELS, check_level

FORMAT = "ur-case/1"

Level = Annotated[str, AfterValidator(check_level)]


def _checked(problem, pattern: str, max_length: int, min_length: int = 0):
    def check(value: str) -> str:
        found = problem(value)
        if found:
            raise ValueError(found)
        return value

    return Annotated[str, Field(min_length=min_length, max_length=max_length,
                                json_schema_extra={"pattern": pattern}),
                     AfterValidator(check)]


def Identifier(max_length: int):
    """An id or code: printable, no spaces, nothing invisible, at most ``max_length``."""
    return _checked(characters.identifier_problem, characters.IDENTIFIER_PATTERN, max_length, 1)


def Name(max_length: int):
    """A name: something visible, no control characters, at most ``max_length``."""
    return _checked(characters.name_problem, characters.NAME_PATTERN, max_length, 1)


def FreeText(max_length: int):
    """Notes and report text: tab and line breaks allowed, no other control characters."""
    return _checked(characters.text_problem, characters.TEXT_PATTERN, max_length)


EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2099, 12, 31)
RECEIVED_YEARS = (2000, 2099)
"""Years a request can be received in: deadline arithmetic (due dates, appeal windows,
approval validity) then stays far inside the calendar that ``datetime`` can count."""


def _plausible_day(value: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"{value} is outside {EARLIEST_DATE.year}-{LATEST_DATE.year}")
    return value


Day = Annotated[
    dt.date,
    AfterValidator(_plausible_day),
    Field(json_schema_extra={"formatMinimum": EARLIEST_DATE.isoformat(),
                             "formatMaximum": LATEST_DATE.isoformat()}),
]
"""A date between 1900-01-01 and 2099-12-31 (birth dates, studies, treatments, plans)."""


def _distinct_levels(levels: list[str] | None) -> list[str] | None:
    if levels is not None:
        for level in levels:
            if levels.count(level) > 1:
                raise ValueError(f"level {level} is listed more than once")
    return levels


Levels = Annotated[list[Level], Field(max_length=len(LEVELS)),
                   AfterValidator(_distinct_levels)]
Percent = Annotated[float, Field(ge=0, le=100)]

_CONSERVATIVE = (
    "physical_therapy",
    "home_exercise",
    "nsaid",
    "acetaminophen",
    "opioid",
    "muscle_relaxant",
    "neuropathic_agent",
    "oral_steroid",
    "epidural_steroid_injection",
    "bracing",
    "chiropractic",
    "activity_modification",
)
CONSERVATIVE_MODALITIES = frozenset(_CONSERVATIVE)
"""The conservative modalities of the criteria guide's shared definitions."""
TreatmentType = Literal[
    (*_CONSERVATIVE, "radiation", "sbrt", "vertebral_augmentation", "chemotherapy", "spine_surgery")
]
PrimarySite = Literal[
    "unknown",
    "lung",
    "breast",
    "prostate",
    "kidney",
    "thyroid",
    "rectum",
    "colon",
    "stomach",
    "liver",
    "bladder",
    "uterus",
    "pancreas",
    "esophagus",
    "myeloma",
    "lymphoma",
    "melanoma",
    "sarcoma",
    "other",
]
RedFlag = Literal[
    "cancer_history",
    "fever",
    "unexplained_weight_loss",
    "significant_trauma",
    "immunosuppression",
    "iv_drug_use",
]
NeuroDeficit = Literal["none", "sensory", "motor", "myelopathy", "cauda_equina"]
EsccGrade = Literal["0", "1a", "1b", "1c", "2", "3"]

_NPI = re.compile(r"[0-9]{10}")
_CPT = re.compile(r"[0-9]{4}[0-9FTU]")
_HCPCS = re.compile(r"[A-V][0-9]{4}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
"""Matched whole (``fullmatch``) and in ASCII: ``$`` would let a trailing newline through and
``\\d`` would take any script's digits."""


def npi_check_digit_ok(npi: str) -> bool:
    """Luhn check over the NPI prefixed with 80840 (CMS NPI check-digit standard)."""
    total = 0
    for position, char in enumerate(reversed("80840" + npi)):
        digit = int(char)
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Member(Strict):
    id: Identifier(80)
    given_name: Name(100)
    family_name: Name(100)
    birth_date: Day
    sex: Literal["female", "male", "other", "unknown"] | None = None
    language: Identifier(35) = "en"

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        if not _LANGUAGE.fullmatch(value):
            raise ValueError(f"'{value}' is not a BCP 47 language tag such as 'en' or 'es'")
        return value


class Provider(Strict):
    name: Name(200)
    npi: Identifier(10)
    specialty: Name(100) | None = None
    phone: Name(40) | None = None
    fax: Name(40) | None = None

    @field_validator("npi")
    @classmethod
    def _npi(cls, value: str) -> str:
        if not _NPI.fullmatch(value):
            raise ValueError("an NPI is exactly 10 digits")
        if not npi_check_digit_ok(value):
            raise ValueError(f"NPI {value} fails the check digit (Luhn with prefix 80840)")
        return value


class Procedure(Strict):
    code: Identifier(5)
    system: Literal["CPT", "HCPCS"]
    units: Annotated[int, Field(ge=1, le=99)] = 1

    @model_validator(mode="after")
    def _code_shape(self) -> Procedure:
        pattern, shape = (
            (_CPT, "five characters, e.g. 63090") if self.system == "CPT" else
            (_HCPCS, "a letter and four digits, e.g. C1062")
        )
        if not pattern.fullmatch(self.code):
            raise ValueError(f"'{self.code}' is not a {self.system} code ({shape})")
        return self


class Service(Strict):
    procedures: Annotated[list[Procedure], Field(min_length=1, max_length=20)]
    levels: Levels | None = None
    setting: Literal["inpatient", "outpatient", "ambulatory_surgery_center", "office"] | None = None
    planned_date: Day | None = None


class Diagnosis(Strict):
    code: Identifier(8)

    @field_validator("code")
    @classmethod
    def _billable(cls, value: str) -> str:
        return icd10.check_billable_icd10(value)


class Findings(Strict):
    lesion_type: Literal["none", "lytic", "mixed", "blastic"] | None = None
    vertebral_collapse: Literal["none", "no_collapse_gt50_involved", "lt50", "gt50"] | None = None
    alignment: Literal["normal", "de_novo_deformity", "subluxation_translation"] | None = None
    posterolateral_involvement: Literal["none", "unilateral", "bilateral"] | None = None
    fracture: Literal["none", "compression", "burst", "fracture_dislocation"] | None = None
    retropulsion: bool | None = None
    canal_compromise_percent: Percent | None = None
    escc_grade: EsccGrade | None = None
    marrow_edema: bool | None = None
    height_loss_percent: Percent | None = None
    stenosis: Literal["none", "mild", "moderate", "severe"] | None = None
    nerve_root_compression: bool | None = None
    disc_herniation: bool | None = None
    spondylolisthesis_grade: Annotated[int, Field(ge=0, le=4)] | None = None
    dynamic_translation_mm: Annotated[float, Field(ge=0, le=50)] | None = None
    infection: bool | None = None


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _sha256_hex(value: str) -> str:
    if not _SHA256.fullmatch(value):
        raise ValueError("a SHA-256 is 64 lowercase hexadecimal digits")
    return value


Sha256 = Annotated[str, Field(min_length=64, max_length=64,
                              json_schema_extra={"pattern": "^[0-9a-f]{64}$"}),
                   AfterValidator(_sha256_hex)]


class ReportAttachment(Strict):
    """The attached document that holds a study's report, named by its bytes' SHA-256 (so
    the pointer means the same file in any store or folder it travels to) and, for a reader
    without the file, its name."""

    sha256: Sha256
    name: Name(255) | None = None


class ImagingStudy(Strict):
    modality: Literal["MRI", "CT", "XR", "PET_CT", "bone_scan"]
    date: Day | None = None
    levels: Levels | None = None
    findings: Findings = Field(default_factory=Findings)
    report_text: FreeText(20_000) | None = None
    report_attachment: ReportAttachment | None = None


class Symptoms(Strict):
    pain_nrs: Annotated[int, Field(ge=0, le=10)] | None = None
    pain_character: Literal["mechanical", "occasional_non_mechanical", "none"] | None = None
    pain_duration_weeks: Annotated[float, Field(ge=0, le=1040)] | None = None
    radicular_pain: bool | None = None
    neurogenic_claudication: bool | None = None
    neuro_deficit: NeuroDeficit | None = None
    deficit_progressive: bool | None = None
    deficit_duration_hours: Annotated[float, Field(ge=0, le=87_600)] | None = None
    frankel_grade: Literal["A", "B", "C", "D", "E"] | None = None
    ambulatory: bool | None = None
    bowel_bladder_dysfunction: bool | None = None
    red_flags: list[RedFlag] | None = None

    @field_validator("red_flags")
    @classmethod
    def _unique_flags(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and len(set(value)) != len(value):
            raise ValueError("a red flag is listed twice")
        return value


class PriorTreatment(Strict):
    type: TreatmentType
    start: Day | None = None
    end: Day | None = None
    duration_weeks: Annotated[float, Field(ge=0, le=1040)] | None = None
    outcome: (
        Literal["failed", "partial_relief", "resolved", "not_tolerated", "ongoing"] | None
    ) = None
    notes: FreeText(4_000) | None = None

    @model_validator(mode="after")
    def _order(self) -> PriorTreatment:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Oncology(Strict):
    primary_site: PrimarySite | None = None
    histology_confirmed: bool | None = None
    radiosensitivity: Literal["sensitive", "resistant", "unknown"] | None = None
    kps: Annotated[int, Field(ge=0, le=100, multiple_of=10)] | None = None
    """Karnofsky performance status, recorded in steps of 10 (criteria guide: another value
    is an input error, not a score between two rows of the Tokuhashi table)."""
    ecog: Annotated[int, Field(ge=0, le=5)] | None = None
    extraspinal_bone_metastases: Annotated[int, Field(ge=0, le=500)] | None = None
    vertebral_metastases: Annotated[int, Field(ge=0, le=33)] | None = None
    visceral_metastases: Literal["none", "removable", "unremovable"] | None = None
    expected_survival_months: Annotated[float, Field(ge=0, le=600)] | None = None
    systemic_therapy_planned: bool | None = None

    @field_validator("kps", mode="before")
    @classmethod
    def _kps_steps(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and value % 10:
            raise ValueError(f"KPS is recorded in steps of 10 (0, 10, ... 100), not {value}")
        return value


class Comorbidities(Strict):
    hypertension: bool | None = None
    diabetes: bool | None = None
    hba1c_percent: Annotated[float, Field(ge=3, le=20)] | None = None
    nicotine_use: bool | None = None
    bmi: Annotated[float, Field(ge=10, le=100)] | None = None
    osteoporosis: bool | None = None
    coagulopathy: bool | None = None
    active_infection: bool | None = None
    pregnancy: bool | None = None


class Case(Strict):
    """One prior-authorization request in the ``ur-case/1`` format."""

    format: Literal["ur-case/1"]
    external_id: Identifier(64) | None = None
    received_at: Annotated[AwareDatetime, Field(json_schema_extra={
        "formatMinimum": f"{RECEIVED_YEARS[0]}-01-01T00:00:00Z",
        "formatMaximum": f"{RECEIVED_YEARS[1]}-12-31T23:59:59Z"})]
    urgency: Literal["standard", "expedited"]
    line_of_business: Literal["commercial", "medicare_advantage", "medicaid"]
    member: Member
    requesting_provider: Provider
    service: Service
    diagnoses: Annotated[list[Diagnosis], Field(min_length=1, max_length=25)]
    imaging: Annotated[list[ImagingStudy], Field(max_length=50)] | None = None
    symptoms: Symptoms | None = None
    prior_treatments: Annotated[list[PriorTreatment], Field(max_length=100)] | None = None
    oncology: Oncology | None = None
    comorbidities: Comorbidities | None = None
    notes: FreeText(20_000) | None = None
    extensions: dict[str, Any] | None = None

    @field_validator("diagnoses")
    @classmethod
    def _distinct_diagnoses(cls, value: list[Diagnosis]) -> list[Diagnosis]:
        seen = [d.code for d in value]
        for code in seen:
            if seen.count(code) > 1:
                raise ValueError(f"diagnosis {code} is listed more than once")
        return value

    @field_validator("received_at")
    @classmethod
    def _received_in_plausible_years(cls, value: dt.datetime) -> dt.datetime:
        first, last = RECEIVED_YEARS
        if not first <= value.year <= last:
            raise ValueError(f"the year {value.year} is outside {first}-{last}")
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> Case:
        if self.member.birth_date > self.received_at.date():
            raise ValueError("member.birth_date is after received_at")
        return self

    @property
    def diagnosis_codes(self) -> list[str]:
        return [d.code for d in self.diagnoses]

    @property
    def primary_procedure(self) -> str:
        """The first procedure that is not an add-on code: add-ons ride with their primary."""
        for procedure in self.service.procedures:
            entry = procedure_list.procedure(procedure.code)
            if entry is None or not entry.add_on:
                return procedure.code
        return self.service.procedures[0].code

    def to_json_dict(self) -> dict[str, Any]:
        """The document as JSON-ready data, with missing fields left out."""
        return self.model_dump(mode="json", exclude_none=True)
