"""The member's facts in plain words, for the ``{slots}`` of rationale sentences.

Criteria files write their sentences with slots such as ``{sins_total}`` or
``{retropulsion_study}``; this module fills them from one case, computing each slot only when a
sentence asks for it. The loader refuses a slot that is not listed in ``VARIABLES``.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer_app.core.codes import icd10, procedure_list
from reviewer_app.core.levels import describe_levels

NOT_REPORTED = "not reported"

SINS_CATEGORY = {
    "stable": "stable",
    "potentially_unstable": "potentially unstable",
    "unstable": "unstable",
}
BILSKY_WORDS = {
    "0": "tumor confined to bone",
    "1a": "epidural tumor without deformity of the thecal sac",
    "1b": "the thecal sac deformed but the spinal cord not touched",
    "1c": "the thecal sac deformed and the spinal cord touched but not compressed",
    "2": "the spinal cord compressed with cerebrospinal fluid still visible around it",
    "3": "the spinal cord compressed with no cerebrospinal fluid visible around it",
}
SURVIVAL_BAND = {
    "under_6_months": "under 6 months",
    "6_months_or_more": "6 months or more",
    "1_year_or_more": "1 year or more",
}
NEURO_DEFICIT = {
    "none": "no neurological deficit",
    "sensory": "a sensory deficit",
    "motor": "a motor deficit",
    "myelopathy": "myelopathy",
    "cauda_equina": "cauda equina syndrome",
}
_LESION = {"lytic": "lytic", "mixed": "mixed lytic-blastic", "blastic": "blastic"}
_COLLAPSE = {
    "gt50": "collapse of more than half the body height",
    "lt50": "collapse of less than half the body height",
    "no_collapse_gt50_involved": "no collapse with more than half the body involved",
    "none": "no collapse",
}
_ALIGNMENT = {
    "normal": "normal alignment",
    "de_novo_deformity": "a new deformity",
    "subluxation_translation": "subluxation or translation",
}
_POSTEROLATERAL = {
    "none": "no posterolateral involvement",
    "unilateral": "one-sided posterolateral involvement",
    "bilateral": "two-sided posterolateral involvement",
}
_PAIN = {
    "mechanical": "mechanical pain",
    "occasional_non_mechanical": "occasional non-mechanical pain",
    "none": "no pain",
}
_LOCATION = {
    3: "a junctional level",
    2: "a mobile level",
    1: "a semi-rigid level",
    0: "a rigid level",
}
_SETTING = {
    "inpatient": "inpatient",
    "outpatient": "outpatient",
    "ambulatory_surgery_center": "ambulatory surgery center",
    "office": "office",
}


def _number(value: float | None) -> str:
    if value is None:
        return NOT_REPORTED
    return f"{value:g}"


def study_words(study) -> str:
    when = f" of {study.date.isoformat()}" if study.date else ""
    where = f" at {describe_levels(study.levels)}" if study.levels else ""
    return f"{study.modality.replace('_', '-')}{when}{where}"


class Narrative(dict):
    """A lazily filled mapping for ``str.format_map``; unknown facts read "not reported"."""

    def __init__(self, facts):
        super().__init__()
        self.facts = facts
        self.case = facts.case

    def __missing__(self, key: str) -> str:
        value = _SLOTS[key](self)
        self[key] = value
        return value

    def _first_study(self, keep: Callable) -> str:
        for study in self.case.imaging or ():
            if keep(study):
                return study_words(study)
        return NOT_REPORTED


def _procedure(n: Narrative) -> str:
    code = n.case.primary_procedure
    entry = procedure_list.procedure(code)
    return f"{code} ({entry.description[0].lower()}{entry.description[1:]})" if entry else code


def _diagnosis(n: Narrative) -> str:
    code = n.case.diagnosis_codes[0]
    description = icd10.icd10_description(code)
    return f"{code} ({description})" if description else code


def _levels(n: Narrative) -> str:
    levels = n.case.service.levels
    return describe_levels(levels) if levels else "unspecified levels"


def _sins_components(n: Narrative) -> str:
    sins = n.facts.scores.sins
    if sins.components is None or sins.study_index is None:
        return NOT_REPORTED
    study = n.case.imaging[sins.study_index]
    f = study.findings
    c = sins.components
    parts = [
        f"{_LOCATION[c['location']]} ({c['location']})",
        f"{_PAIN[n.case.symptoms.pain_character]} ({c['pain']})",
        f"a {_LESION[f.lesion_type]} lesion ({c['bone_lesion']})",
        f"{_ALIGNMENT[f.alignment]} ({c['alignment']})",
        f"{_COLLAPSE[f.vertebral_collapse]} ({c['collapse']})",
        f"{_POSTEROLATERAL[f.posterolateral_involvement]} ({c['posterolateral']})",
    ]
    return ", ".join(parts)


def _sins_study(n: Narrative) -> str:
    index = n.facts.scores.sins.study_index
    return study_words(n.case.imaging[index]) if index is not None else NOT_REPORTED


def _oncology(n: Narrative, name: str):
    return getattr(n.case.oncology, name) if n.case.oncology else None


def _symptom(n: Narrative, name: str):
    return getattr(n.case.symptoms, name) if n.case.symptoms else None


def _canal(n: Narrative) -> str:
    values = [
        s.findings.canal_compromise_percent
        for s in n.case.imaging or ()
        if s.findings.canal_compromise_percent is not None
    ]
    return f"about {max(values):g}%" if values else NOT_REPORTED


def _fracture(n: Narrative) -> str:
    for study in n.case.imaging or ():
        if study.findings.fracture in ("compression", "burst", "fracture_dislocation"):
            kind = study.findings.fracture.replace("_", "-")
            return f"a {kind} fracture on {study_words(study)}"
    return NOT_REPORTED


def _stenosis(n: Narrative) -> str:
    order = ["none", "mild", "moderate", "severe"]
    best = None
    for study in n.case.imaging or ():
        grade = study.findings.stenosis
        if grade and (best is None or order.index(grade) > order.index(best[0])):
            best = (grade, study)
    return f"{best[0]} stenosis on {study_words(best[1])}" if best else NOT_REPORTED


def _max_finding(n: Narrative, name: str) -> float | None:
    values = [getattr(s.findings, name) for s in n.case.imaging or ()]
    values = [v for v in values if v is not None]
    return max(values) if values else None


def _conservative_list(n: Narrative) -> str:
    care = n.facts.conservative
    if care is None:
        return NOT_REPORTED
    if not care.modalities:
        return "none"
    return ", ".join(m.replace("_", " ") for m in care.modalities)


def _red_flags(n: Narrative) -> str:
    flags = _symptom(n, "red_flags")
    if flags is None:
        return NOT_REPORTED
    return ", ".join(f.replace("_", " ") for f in flags) if flags else "none"


def _tokuhashi_clause(n: Narrative) -> str:
    result = n.facts.scores.tokuhashi
    if result.total is None:
        return ""
    band = SURVIVAL_BAND[result.survival_band]
    return f"; the revised Tokuhashi score of {result.total} (expected survival {band}) agrees"


def _requested(n: Narrative, study) -> bool:
    requested = n.case.service.levels
    return bool(requested and study.levels and set(requested) & set(study.levels))


def _lesion_study(n: Narrative) -> str:
    rules = n.facts.applicability
    for study in n.case.imaging or ():
        if study.modality not in ("MRI", "CT", "PET_CT") or not _requested(n, study):
            continue
        lesion = rules.counted("lesion_type", study.modality, study.findings.lesion_type)
        if lesion in _LESION:
            return f"a {_LESION[lesion]} lesion on {study_words(study)}"
        if study.findings.escc_grade is not None:
            grade = study.findings.escc_grade
            return f"epidural tumor (Bilsky grade {grade}) on {study_words(study)}"
    return NOT_REPORTED


def _lesions_elsewhere(n: Narrative) -> str:
    """Lesions outside the requested levels: shown to the reviewer, deciding nothing."""
    parts = []
    for record in n.facts.scores.sins.records:
        if record.at_requested_levels is not False:
            continue
        study = n.case.imaging[record.study_index]
        score = f", SINS {record.total}" if record.total is not None else ""
        parts.append(f"{study_words(study)}{score}")
    if not parts:
        return ""
    return (f"; the lesion on {' and '.join(parts)} lies outside the requested levels and "
            "decides nothing here")


def _sins_requested(n: Narrative) -> str:
    levels = _levels(n)
    records = [r for r in n.facts.scores.sins.records if r.at_requested_levels]
    scored = [r for r in records if r.total is not None]
    if scored:
        best = max(scored, key=lambda r: r.total)
        return (f"SINS at the requested levels ({levels}) is {best.total} "
                f"({SINS_CATEGORY[best.category]}), below the instability threshold of 13; a "
                "score of 7 to 12 calls for a surgical opinion but is not an indication by "
                "itself")
    if records:
        top = max(r.best_possible for r in records)
        return (f"The lesion at the requested levels ({levels}) cannot be fully scored, but "
                f"even with its unreported parts at their maximum its SINS is at most {top}, "
                "below the instability threshold of 13")
    return f"No lesion is reported at the requested levels ({levels}), so there is no " \
        "instability there to treat"


def _requested_bilsky(n: Narrative) -> str | None:
    grades = [s.findings.escc_grade for s in n.case.imaging or ()
              if _requested(n, s) and s.findings.escc_grade is not None]
    order = list(BILSKY_WORDS)
    return max(grades, key=order.index) if grades else None


def _canal_grade_clause(n: Narrative) -> str:
    if not n.facts.neoplastic_codes:
        return ""
    return " or how far tumor narrows the canal (Bilsky grade)"


_SLOTS: dict[str, Callable[[Narrative], str]] = {
    "procedure": _procedure,
    "levels": _levels,
    "setting": lambda n: _SETTING.get(n.case.service.setting or "", "unspecified setting"),
    "primary_diagnosis": _diagnosis,
    "neoplastic_codes": lambda n: ", ".join(n.facts.neoplastic_codes) or "none",
    "sins_total": lambda n: _number(n.facts.scores.sins.total),
    "sins_category": lambda n: SINS_CATEGORY.get(n.facts.scores.sins.category, NOT_REPORTED),
    "sins_components": _sins_components,
    "sins_study": _sins_study,
    "bilsky": lambda n: n.facts.scores.bilsky or NOT_REPORTED,
    "bilsky_words": lambda n: BILSKY_WORDS.get(n.facts.scores.bilsky, NOT_REPORTED),
    "requested_bilsky": lambda n: _requested_bilsky(n) or NOT_REPORTED,
    "requested_bilsky_words": lambda n: BILSKY_WORDS.get(_requested_bilsky(n), NOT_REPORTED),
    "lesion_study": _lesion_study,
    "lesions_elsewhere": _lesions_elsewhere,
    "sins_requested": _sins_requested,
    "canal_grade_clause": _canal_grade_clause,
    "tokuhashi_total": lambda n: _number(n.facts.scores.tokuhashi.total),
    "tokuhashi_band": lambda n: SURVIVAL_BAND.get(
        n.facts.scores.tokuhashi.survival_band, NOT_REPORTED
    ),
    "tokuhashi_clause": _tokuhashi_clause,
    "survival_months": lambda n: _number(_oncology(n, "expected_survival_months")),
    "primary_site": lambda n: _oncology(n, "primary_site") or NOT_REPORTED,
    "radiosensitivity": lambda n: n.facts.scores.radiosensitivity,
    "neuro_deficit": lambda n: NEURO_DEFICIT.get(
        _symptom(n, "neuro_deficit"), "neurological status not reported"
    ),
    "frankel": lambda n: _symptom(n, "frankel_grade") or NOT_REPORTED,
    "deficit_hours": lambda n: _number(_symptom(n, "deficit_duration_hours")),
    "pain_nrs": lambda n: _number(_symptom(n, "pain_nrs")),
    "red_flags": _red_flags,
    "retropulsion_study": lambda n: n._first_study(
        lambda s: s.findings.retropulsion and _requested(n, s)
    ) if any(s.findings.retropulsion and _requested(n, s) for s in n.case.imaging or ())
    else n._first_study(lambda s: s.findings.retropulsion),
    "canal_compromise": _canal,
    "fracture": _fracture,
    "edema_study": lambda n: n._first_study(
        lambda s: s.findings.marrow_edema and s.modality in ("MRI", "bone_scan")
    ),
    "imaging_study": lambda n: n._first_study(
        lambda s: s.modality in ("MRI", "CT", "PET_CT")
        and set(s.levels or ()) & set(n.case.service.levels or ())
    ),
    "stenosis": _stenosis,
    "spondylolisthesis": lambda n: _number(_max_finding(n, "spondylolisthesis_grade")),
    "translation_mm": lambda n: _number(_max_finding(n, "dynamic_translation_mm")),
    "hba1c": lambda n: _number(n.case.comorbidities.hba1c_percent if n.case.comorbidities
                               else None),
    "conservative_weeks": lambda n: _number(
        n.facts.conservative.weeks if n.facts.conservative else None
    ),
    "conservative_modalities": _conservative_list,
    "modality_count": lambda n: str(len(n.facts.conservative.modalities))
    if n.facts.conservative else NOT_REPORTED,
    "level_count": lambda n: str(len(n.case.service.levels or ())),
}

VARIABLES = frozenset(_SLOTS)
