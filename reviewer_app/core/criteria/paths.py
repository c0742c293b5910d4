"""The names of every input a criterion may read; :mod:`.inputs` resolves them.

Kept apart from the resolvers so that the logic compiler and the applicability rules can check
paths without importing the scores and the code tables behind them.
"""

from __future__ import annotations

from reviewer_app.core.case import Comorbidities, Findings, Member, Oncology, Service, Symptoms

SECTIONS = {
    "member": Member,
    "service": Service,
    "symptoms": Symptoms,
    "oncology": Oncology,
    "comorbidities": Comorbidities,
}

SCORE_PATHS = (
    "scores.sins.total",
    "scores.sins.category",
    "scores.sins_at_requested_levels",
    "scores.bilsky",
    "scores.bilsky_at_requested_levels",
    "scores.tokuhashi.total",
    "scores.tokuhashi.survival_band",
)
"""``*_at_requested_levels`` read only the studies that overlap ``service.levels``: the tumor
indications decide on the lesion at the levels to be operated on (criteria guide)."""

DERIVED_PATHS = (
    "derived.neoplastic_diagnosis",
    "derived.conservative_weeks",
    "derived.conservative_modalities",
    "derived.radiosensitivity",
    "derived.requested_level_count",
    "derived.age_years",
)

CASE_PATHS: frozenset[str] = frozenset(
    {
        f"{section}.{name}"
        for section, model in SECTIONS.items()
        for name in model.model_fields
        if (section, name) != ("service", "procedures")
    }
    | set(SCORE_PATHS)
    | set(DERIVED_PATHS)
)

FINDINGS: tuple[str, ...] = tuple(Findings.model_fields)

STUDY_PATHS: frozenset[str] = frozenset(
    {"study.modality", "study.levels", "study.date"}
    | {f"study.findings.{name}" for name in FINDINGS}
)


def expand(pattern: str) -> tuple[str, ...]:
    """``oncology.*`` -> every oncology path; any other path -> itself (if known), else ()."""
    if pattern.endswith(".*"):
        prefix = pattern[:-1]
        known = CASE_PATHS | STUDY_PATHS
        return tuple(sorted(p for p in known if p.startswith(prefix)))
    return (pattern,) if pattern in CASE_PATHS or pattern in STUDY_PATHS else ()
