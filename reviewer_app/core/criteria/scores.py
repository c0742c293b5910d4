"""Spine scores for the reviewer and the criteria: SINS, Bilsky ESCC, revised Tokuhashi.

The facts and thresholds are those of ``docs/criteria-rules.md`` ("The scores and their
sources"); each point table below names the paper it comes from. Missing inputs are never
scored as zero: a score whose inputs are incomplete is ``None`` (unknown) and says which inputs
it needs, spelled as paths into the ``ur-case/1`` document (``imaging[0].findings.alignment``)
so that a pend can ask for exactly them.

These functions run for every case the evaluator sees (budget: 1 ms per case for everything),
so they read the validated :class:`~reviewer_app.core.case.Case` directly and build only
plain dicts, tuples and frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer_app.core.criteria.applicability import Applicability, default_applicability
from reviewer_app.core.criteria.result import StudyNeed, merge_needs

if TYPE_CHECKING:
    from reviewer_app.core.case import Case, ImagingStudy

SINS_LOCATION_CLASSES: dict[str, tuple[int, tuple[str, ...]]] = {
    "junctional": (3, ("C1", "C2", "C7", "T1", "T2", "T11", "T12", "L1", "L5", "S1")),
    "mobile": (2, ("C3", "C4", "C5", "C6", "L2", "L3", "L4")),
    "semi_rigid": (1, ("T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10")),
    "rigid": (0, ("S2", "S3", "S4", "S5")),
}
"""SINS location classes (Fisher et al., Spine 2010;35(22):E1221-9, table 1): points, levels.

Junctional occiput-C2, C7-T2, T11-L1, L5-S1; mobile C3-C6, L2-L4; semi-rigid T3-T10; rigid S2-S5.
"""

SINS_LOCATION: dict[str, int] = {
    level: points for points, levels in SINS_LOCATION_CLASSES.values() for level in levels
}
"""SINS location points of each spinal level; a lesion over several levels takes the highest."""

SINS_PAIN: dict[str, int] = {"mechanical": 3, "occasional_non_mechanical": 1, "none": 0}
"""SINS pain (Fisher 2010): mechanical pain relieved by recumbency scores highest."""

SINS_BONE_LESION: dict[str, int] = {"lytic": 2, "mixed": 1, "blastic": 0}
"""SINS bone lesion quality (Fisher 2010). ``lesion_type`` "none" is no lesion, not a score."""

SINS_ALIGNMENT: dict[str, int] = {
    "subluxation_translation": 4,
    "de_novo_deformity": 2,
    "normal": 0,
}
"""SINS radiographic spinal alignment (Fisher 2010); de novo deformity is kyphosis/scoliosis."""

SINS_COLLAPSE: dict[str, int] = {
    "gt50": 3,
    "lt50": 2,
    "no_collapse_gt50_involved": 1,
    "none": 0,
}
"""SINS vertebral body collapse (Fisher 2010); no collapse with >50% of the body involved is 1."""

SINS_POSTEROLATERAL: dict[str, int] = {"bilateral": 3, "unilateral": 1, "none": 0}
"""SINS posterolateral involvement of spinal elements: facet, pedicle or costovertebral joint."""

SINS_CATEGORIES: tuple[tuple[int, str], ...] = (
    (6, "stable"),
    (12, "potentially_unstable"),
    (18, "unstable"),
)
"""SINS total 0-6 stable, 7-12 potentially unstable, 13-18 unstable (Fisher 2010), as
(highest total of the category, category). 7 or more warrants surgical consultation."""

SINS_MAX = 18

BILSKY_GRADES: tuple[str, ...] = ("0", "1a", "1b", "1c", "2", "3")
"""Epidural spinal cord compression grades, least to most severe (Bilsky et al.,
J Neurosurg Spine 2010;13:324-8): 0 bone only; 1a epidural, thecal sac not deformed;
1b thecal sac deformed; 1c cord touched, not compressed; 2 cord compressed, CSF visible;
3 cord compressed, no CSF."""

BILSKY_RANK: dict[str, int] = {grade: rank for rank, grade in enumerate(BILSKY_GRADES)}

BILSKY_HIGH_GRADE = frozenset({"2", "3"})
"""High-grade compression (Bilsky 2010): the NOMS framework's separation/surgery threshold
(Laufer et al., Oncologist 2013;18:744-51)."""

TOKUHASHI_GENERAL_CONDITION: dict[int, int] = {
    0: 0, 10: 0, 20: 0, 30: 0, 40: 0,
    50: 1, 60: 1, 70: 1,
    80: 2, 90: 2, 100: 2,
}  # fmt: skip
"""Revised Tokuhashi general condition (Tokuhashi et al., Spine 2005;30:2186-91): Karnofsky
performance status 10-40: 0, 50-70: 1, 80-100: 2. KPS is recorded in steps of 10 (the case
model refuses any other value); 0 scores with 10-40."""

TOKUHASHI_EXTRASPINAL_BONE_METASTASES: dict[int, int] = {0: 2, 1: 1, 2: 1, 3: 0}
"""Revised Tokuhashi (2005): number of extraspinal bone metastatic foci >=3: 0, 1-2: 1, 0: 2.
Keyed by the count capped at 3 (3 stands for 3 or more)."""

TOKUHASHI_VERTEBRAL_METASTASES: dict[int, int] = {0: 2, 1: 2, 2: 1, 3: 0}
"""Revised Tokuhashi (2005): number of metastases in the vertebral body >=3: 0, 2: 1, 1: 2.
Keyed by the count capped at 3. The paper has no row for 0; it scores as 1 (the fewest)."""

TOKUHASHI_VISCERAL_METASTASES: dict[str, int] = {"unremovable": 0, "removable": 1, "none": 2}
"""Revised Tokuhashi (2005): metastases to major internal organs."""

TOKUHASHI_PRIMARY_SITE: dict[str, int] = {
    "lung": 0, "stomach": 0, "bladder": 0, "esophagus": 0, "pancreas": 0,
    "liver": 1, "unknown": 1,
    "other": 2, "colon": 2, "melanoma": 2, "sarcoma": 2, "myeloma": 2, "lymphoma": 2,
    "kidney": 3, "uterus": 3,
    "rectum": 4,
    "thyroid": 5, "breast": 5, "prostate": 5,
}  # fmt: skip
"""Revised Tokuhashi (2005) primary site of the cancer: lung, osteosarcoma, stomach, bladder,
esophagus, pancreas 0; liver, gallbladder, unidentified 1; others 2; kidney, uterus 3;
rectum 4; thyroid, breast, prostate, carcinoid 5. ``sarcoma`` is read as "others" (2) as the
criteria guide directs, osteosarcoma being only one kind of sarcoma."""

TOKUHASHI_PALSY: dict[str, int] = {"A": 0, "B": 0, "C": 1, "D": 1, "E": 2}
"""Revised Tokuhashi (2005) palsy by Frankel grade: complete (A, B) 0; incomplete (C, D) 1;
none (E) 2."""

TOKUHASHI_BANDS: tuple[tuple[int, str], ...] = (
    (8, "under_6_months"),
    (11, "6_months_or_more"),
    (15, "1_year_or_more"),
)
"""Revised Tokuhashi (2005) predicted survival: total 0-8 under 6 months (conservative or
palliative care), 9-11 6 months or more (palliative surgery), 12-15 a year or more
(excisional surgery), as (highest total of the band, band)."""

TOKUHASHI_MAX = 15

RADIOSENSITIVITY_BY_PRIMARY_SITE: dict[str, str] = {
    "myeloma": "sensitive", "lymphoma": "sensitive",
    "kidney": "resistant", "melanoma": "resistant", "thyroid": "resistant",
    "colon": "resistant", "rectum": "resistant", "sarcoma": "resistant", "liver": "resistant",
}  # fmt: skip
"""Response of the primary histology to conventional external-beam radiation, used when the
request does not state it (NOMS framework, Laufer et al., Oncologist 2013;18:744-51;
``docs/criteria-rules.md``, "Radiosensitivity"). Sites not listed derive "unknown"."""

SINS_COMPONENTS = ("location", "pain", "bone_lesion", "alignment", "collapse", "posterolateral")
TOKUHASHI_COMPONENTS = (
    "general_condition",
    "extraspinal_bone_metastases",
    "vertebral_metastases",
    "visceral_metastases",
    "primary_site",
    "palsy",
)
TOKUHASHI_ONCOLOGY_PATHS = (
    "oncology.kps",
    "oncology.extraspinal_bone_metastases",
    "oncology.vertebral_metastases",
    "oncology.visceral_metastases",
    "oncology.primary_site",
)


@dataclass(frozen=True, slots=True)
class SinsRecord:
    """The SINS of one imaging study that reports a lytic, mixed or blastic lesion.

    ``components``, ``total`` and ``category`` are ``None`` when any input is missing; then
    ``missing`` names the inputs to ask of this study, ``needs`` the studies to ask for where
    this one cannot show a component, and ``best_possible`` is the total with every missing
    component at its maximum (what the lesion could still reach).
    """

    study_index: int
    levels: tuple[str, ...]
    components: dict[str, int] | None
    total: int | None
    category: str | None
    missing: tuple[str, ...]
    needs: tuple[StudyNeed, ...] = ()
    best_possible: int = 0
    at_requested_levels: bool | None = False
    """Whether the lesion overlaps ``service.levels`` (None: its levels are not known)."""


@dataclass(frozen=True, slots=True)
class Sins:
    """The case's SINS (Fisher 2010 scores per lesion): the highest total among scored lesion
    records at the requested levels, else among all scored records (criteria guide, SINS
    reporting rule).

    ``missing`` and ``needs`` are filled only when the total is unknown: what to ask for to
    score a lesion.
    """

    total: int | None
    category: str | None
    components: dict[str, int] | None
    study_index: int | None
    records: tuple[SinsRecord, ...]
    missing: tuple[str, ...]
    needs: tuple[StudyNeed, ...] = ()


@dataclass(frozen=True, slots=True)
class Tokuhashi:
    total: int | None
    survival_band: str | None
    components: dict[str, int] | None
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Scores:
    sins: Sins
    bilsky: str | None
    tokuhashi: Tokuhashi
    radiosensitivity: str


def sins_category(total: int) -> str:
    """``stable`` (0-6), ``potentially_unstable`` (7-12) or ``unstable`` (13-18)."""
    return _band(total, SINS_CATEGORIES, "SINS")


def tokuhashi_band(total: int) -> str:
    """``under_6_months`` (0-8), ``6_months_or_more`` (9-11) or ``1_year_or_more`` (12-15)."""
    return _band(total, TOKUHASHI_BANDS, "revised Tokuhashi")


def _band(total: int, bands: tuple[tuple[int, str], ...], name: str) -> str:
    if total >= 0:
        for highest, label in bands:
            if total <= highest:
                return label
    raise ValueError(f"{total} is not a {name} total (0-{bands[-1][0]})")


_SINS_CATEGORY_OF_TOTAL = tuple(sins_category(total) for total in range(SINS_MAX + 1))
_TOKUHASHI_BAND_OF_TOTAL = tuple(tokuhashi_band(total) for total in range(TOKUHASHI_MAX + 1))

_SINS_STUDY_COMPONENTS: tuple[tuple[str, str, dict[str, int]], ...] = (
    ("alignment", "alignment", SINS_ALIGNMENT),
    ("collapse", "vertebral_collapse", SINS_COLLAPSE),
    ("posterolateral", "posterolateral_involvement", SINS_POSTEROLATERAL),
)
_SINS_MAXIMUM = {
    "location": max(SINS_LOCATION.values()),
    "pain": max(SINS_PAIN.values()),
    **{name: max(table.values()) for name, _, table in _SINS_STUDY_COMPONENTS},
}


def overlaps(levels: list[str] | tuple[str, ...] | None,
             requested: list[str] | tuple[str, ...] | None) -> bool | None:
    """Whether a study's levels share one with the requested levels; None when either is
    not known."""
    if levels is None or requested is None:
        return None
    return bool(set(levels) & set(requested))


def _sins_record(
    index: int, case: Case, pain: int | None, rules: Applicability
) -> SinsRecord | None:
    study = case.imaging[index]
    findings = study.findings
    modality = study.modality
    bone_lesion = SINS_BONE_LESION.get(
        rules.counted("lesion_type", modality, findings.lesion_type)
    )
    if bone_lesion is None:
        return None
    levels = tuple(study.levels) if study.levels else ()
    points: dict[str, int | None] = {
        "location": max(map(SINS_LOCATION.__getitem__, levels)) if levels else None,
        "pain": pain,
        "bone_lesion": bone_lesion,
    }
    missing: list[str] = []
    needs: list[StudyNeed] = []
    if points["location"] is None:
        missing.append(f"imaging[{index}].levels")
    if pain is None:
        missing.append("symptoms.pain_character")
    for name, finding, table in _SINS_STUDY_COMPONENTS:
        points[name] = table.get(rules.counted(finding, modality, getattr(findings, finding)))
        if points[name] is not None:
            continue
        if rules.shows(finding, modality):
            missing.append(f"imaging[{index}].findings.{finding}")
        elif not rules.answered_elsewhere(finding, case.imaging, index):
            needs.append(rules.need(finding, levels))
    at_requested = overlaps(study.levels, case.service.levels)
    if None in points.values():
        best = sum(p if p is not None else _SINS_MAXIMUM[k] for k, p in points.items())
        return SinsRecord(index, levels, None, None, None, tuple(missing),
                          merge_needs(needs), best, at_requested)
    components = {k: points[k] for k in SINS_COMPONENTS}
    total = sum(components.values())
    return SinsRecord(index, levels, components, total, _SINS_CATEGORY_OF_TOTAL[total], (),
                      (), total, at_requested)


def sins(case: Case) -> Sins:
    """Spinal Instability Neoplastic Score (Fisher et al., Spine 2010;35(22):E1221-9).

    Every study that reports a lytic, mixed or blastic lesion (a positive lesion counts from
    any study) is a lesion record; pain comes from ``symptoms.pain_character`` and is shared
    by all records. Components are read, and asked for, only where the study can show them
    (``resources/applicability.yaml``); a study reporting no lesion is never asked for them.
    The case reports the highest scored total at the requested levels, else the highest
    scored total anywhere (the first such study on a tie), and is unknown when none scores.
    """
    rules = default_applicability()
    imaging = case.imaging
    symptoms = case.symptoms
    pain = SINS_PAIN.get(symptoms.pain_character) if symptoms is not None else None
    records = tuple(
        record for index in range(len(imaging or ()))
        if (record := _sins_record(index, case, pain, rules)) is not None
    )
    scored = [r for r in records if r.total is not None]
    best = _highest(r for r in scored if r.at_requested_levels) or _highest(scored)
    if best is not None:
        return Sins(best.total, best.category, dict(best.components), best.study_index,
                    records, ())
    if records:
        missing = _ordered_union(record.missing for record in records)
        needs = merge_needs(n for record in records for n in record.needs)
    elif not imaging:
        missing = ()
        needs = (rules.need("lesion_type", tuple(case.service.levels or ())),)
    else:
        missing = tuple(
            f"imaging[{index}].findings.lesion_type"
            for index, study in enumerate(imaging)
            if study.findings.lesion_type is None and rules.shows("lesion_type", study.modality)
        )
        needs = () if missing or any(
            rules.shows("lesion_type", s.modality) for s in imaging
        ) else (rules.need("lesion_type", tuple(case.service.levels or ())),)
    return Sins(None, None, None, None, records, missing, needs)


def _highest(records: Iterable[SinsRecord]) -> SinsRecord | None:
    best = None
    for record in records:
        if best is None or record.total > best.total:
            best = record
    return best


def _ordered_union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(path for group in groups for path in group))


def bilsky(case: Case) -> str | None:
    """The highest epidural spinal cord compression grade reported by any study (Bilsky 2010);
    a grade counts from whichever study reports it (CT myelography may)."""
    return highest_bilsky(case.imaging or ())


def highest_bilsky(studies: Iterable[ImagingStudy]) -> str | None:
    highest: str | None = None
    rank = -1
    for study in studies:
        grade = study.findings.escc_grade
        if grade is not None and BILSKY_RANK[grade] > rank:
            highest, rank = grade, BILSKY_RANK[grade]
    return highest


def bilsky_missing(case: Case) -> tuple[tuple[str, ...], tuple[StudyNeed, ...]]:
    """What to ask for when no study reports an ESCC grade: the grade of each MRI (the study
    Bilsky is graded on), else an MRI of the requested levels; empty when a grade is known."""
    imaging = case.imaging or ()
    if any(study.findings.escc_grade is not None for study in imaging):
        return (), ()
    missing = tuple(
        f"imaging[{index}].findings.escc_grade"
        for index, study in enumerate(imaging)
        if default_applicability().shows("escc_grade", study.modality)
    )
    if missing:
        return missing, ()
    return (), (default_applicability().need("escc_grade", tuple(case.service.levels or ())),)


def tokuhashi(case: Case) -> Tokuhashi:
    """Revised Tokuhashi score (Tokuhashi et al., Spine 2005;30:2186-91); informational.

    Unknown (``None``) when any of its six inputs is missing: a missing count is not zero.
    """
    oncology = case.oncology
    symptoms = case.symptoms
    frankel = symptoms.frankel_grade if symptoms is not None else None
    palsy = TOKUHASHI_PALSY.get(frankel)
    if oncology is None:
        missing = TOKUHASHI_ONCOLOGY_PATHS
        if palsy is None:
            missing = (*missing, "symptoms.frankel_grade")
        return Tokuhashi(None, None, None, missing)
    kps = oncology.kps
    extraspinal = oncology.extraspinal_bone_metastases
    vertebral = oncology.vertebral_metastases
    points = (
        None if kps is None else TOKUHASHI_GENERAL_CONDITION[kps],
        None if extraspinal is None else TOKUHASHI_EXTRASPINAL_BONE_METASTASES[min(extraspinal, 3)],
        None if vertebral is None else TOKUHASHI_VERTEBRAL_METASTASES[min(vertebral, 3)],
        TOKUHASHI_VISCERAL_METASTASES.get(oncology.visceral_metastases),
        TOKUHASHI_PRIMARY_SITE.get(oncology.primary_site),
        palsy,
    )
    if None in points:
        missing = tuple(
            path
            for path, value in zip(
                (*TOKUHASHI_ONCOLOGY_PATHS, "symptoms.frankel_grade"), points, strict=True
            )
            if value is None
        )
        return Tokuhashi(None, None, None, missing)
    total = sum(points)
    return Tokuhashi(
        total,
        _TOKUHASHI_BAND_OF_TOTAL[total],
        dict(zip(TOKUHASHI_COMPONENTS, points, strict=True)),
        (),
    )


def radiosensitivity(case: Case) -> str:
    """``sensitive``, ``resistant`` or ``unknown``: as reported, else from the primary site."""
    oncology = case.oncology
    if oncology is None:
        return "unknown"
    if oncology.radiosensitivity is not None:
        return oncology.radiosensitivity
    return RADIOSENSITIVITY_BY_PRIMARY_SITE.get(oncology.primary_site, "unknown")


def radiosensitivity_source(case: Case) -> str:
    """Where :func:`radiosensitivity` came from, for the reviewer: ``reported``,
    ``derived from primary site`` or ``not known`` (no oncology section or no primary site)."""
    oncology = case.oncology
    if oncology is None:
        return "not known"
    if oncology.radiosensitivity is not None:
        return "reported"
    if oncology.primary_site is not None:
        return "derived from primary site"
    return "not known"


def score_case(case: Case) -> Scores:
    return Scores(sins(case), bilsky(case), tokuhashi(case), radiosensitivity(case))


def scores_json(scores: Scores) -> dict[str, Any]:
    """The ``scores`` object of ``ur-determination/1`` (``docs/case-format.md``)."""
    sins_score = scores.sins
    tokuhashi_score = scores.tokuhashi
    return {
        "sins": None
        if sins_score.total is None
        else {
            "total": sins_score.total,
            "category": sins_score.category,
            "components": dict(sins_score.components),
        },
        "bilsky": scores.bilsky,
        "tokuhashi": None
        if tokuhashi_score.total is None
        else {"total": tokuhashi_score.total, "survival_band": tokuhashi_score.survival_band},
    }
