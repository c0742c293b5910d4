"""Synthetic, valid ``ur-case/1`` documents for the benchmarks (no real patients, no PHI).

Cases are spread over the five criteria sets and the unmatched path, with findings, symptoms
and treatments varied at random so every outcome and most code paths are exercised.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

_GIVEN = ("Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kai")
_FAMILY = ("Adler", "Brook", "Castillo", "Dunn", "Ellis", "Frost", "Garza", "Hale", "Ibarra")
_NPIS = ("1245319599", "1234567893")
_REQUESTS = (
    (["63090", "22558", "22585", "22842"], ["C79.51", "M84.58XA"], ["L1", "L2", "L3"]),
    (["63087"], ["C79.51", "C34.90"], ["T11", "T12", "L1"]),
    (["22513"], ["M80.08XA"], ["T12"]),
    (["22514"], ["C79.51", "M84.58XA"], ["L1"]),
    (["63047", "63048"], ["M48.062"], ["L4", "L5"]),
    (["63030"], ["M51.16"], ["L5"]),
    (["22612", "22614", "22840"], ["M43.16", "M48.062"], ["L4", "L5"]),
    (["22630"], ["M43.16"], ["L5", "S1"]),
    (["72148"], ["M54.50"], ["L1", "L2", "L3", "L4", "L5"]),
    (["27447"], ["M17.11"], None),
)
_CONSERVATIVE = ("physical_therapy", "nsaid", "home_exercise", "opioid", "bracing",
                 "epidural_steroid_injection", "chiropractic", "activity_modification")


def _maybe(rng: random.Random, value, chance: float = 0.9):
    return value if rng.random() < chance else None


def _prune(node):
    if isinstance(node, dict):
        return {k: _prune(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [_prune(v) for v in node]
    return node


def case(index: int, rng: random.Random) -> dict:
    procedures, diagnoses, levels = rng.choice(_REQUESTS)
    received = datetime(2026, 11, 1, 8, 0) + timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
    lesion_level = rng.choice(levels or ["L3"])
    doc = {
        "format": "ur-case/1",
        "external_id": f"BENCH-{index:07d}",
        "received_at": received.strftime("%Y-%m-%dT%H:%M:00-05:00"),
        "urgency": rng.choice(("standard", "standard", "expedited")),
        "line_of_business": rng.choice(("commercial", "medicare_advantage", "medicaid")),
        "member": {
            "id": f"S{index:09d}",
            "given_name": rng.choice(_GIVEN),
            "family_name": rng.choice(_FAMILY),
            "birth_date": f"{rng.randint(1935, 1990)}-{rng.randint(1, 12):02d}-15",
            "sex": rng.choice(("female", "male")),
        },
        "requesting_provider": {"name": "Synthetic Surgeon, MD", "npi": rng.choice(_NPIS)},
        "service": {
            "procedures": [{"code": c, "system": "CPT", "units": 1} for c in procedures],
            "levels": levels,
            "setting": "inpatient",
        },
        "diagnoses": [{"code": c} for c in diagnoses],
        "imaging": [{
            "modality": rng.choice(("MRI", "MRI", "CT", "XR")),
            "date": "2026-10-20",
            "levels": [lesion_level],
            "findings": {
                "lesion_type": _maybe(rng, rng.choice(("none", "lytic", "mixed", "blastic"))),
                "vertebral_collapse": _maybe(rng, rng.choice(("none", "lt50", "gt50"))),
                "alignment": _maybe(rng, rng.choice(("normal", "de_novo_deformity"))),
                "posterolateral_involvement": _maybe(rng, rng.choice(("none", "unilateral"))),
                "fracture": _maybe(rng, rng.choice(("none", "compression", "burst"))),
                "retropulsion": _maybe(rng, rng.random() < 0.3),
                "escc_grade": _maybe(rng, rng.choice(("0", "1a", "1b", "1c", "2", "3"))),
                "marrow_edema": _maybe(rng, rng.random() < 0.7),
                "stenosis": _maybe(rng, rng.choice(("none", "mild", "moderate", "severe"))),
                "nerve_root_compression": _maybe(rng, rng.random() < 0.5),
                "spondylolisthesis_grade": _maybe(rng, rng.randint(0, 2)),
                "infection": _maybe(rng, False),
            },
        }],
        "symptoms": {
            "pain_nrs": _maybe(rng, rng.randint(2, 10)),
            "pain_character": _maybe(rng, rng.choice(("mechanical", "occasional_non_mechanical"))),
            "radicular_pain": _maybe(rng, rng.random() < 0.5),
            "neurogenic_claudication": _maybe(rng, rng.random() < 0.3),
            "neuro_deficit": _maybe(rng, rng.choice(("none", "none", "sensory", "motor"))),
            "deficit_progressive": _maybe(rng, rng.random() < 0.2),
            "frankel_grade": _maybe(rng, rng.choice(("E", "E", "D", "C"))),
            "bowel_bladder_dysfunction": _maybe(rng, False),
            "red_flags": _maybe(rng, rng.choice(([], ["cancer_history"]))),
        },
        "prior_treatments": [
            {
                "type": rng.choice(_CONSERVATIVE),
                "duration_weeks": rng.randint(1, 16),
                "outcome": rng.choice(("failed", "partial_relief", "ongoing")),
            }
            for _ in range(rng.randint(0, 3))
        ],
        "oncology": {
            "primary_site": rng.choice(("unknown", "lung", "breast", "kidney", "prostate")),
            "kps": rng.choice((40, 60, 70, 80, 90)),
            "extraspinal_bone_metastases": rng.randint(0, 3),
            "vertebral_metastases": rng.randint(1, 3),
            "visceral_metastases": rng.choice(("none", "removable", "unremovable")),
            "expected_survival_months": _maybe(rng, rng.choice((2, 6, 12, 24))),
        },
        "comorbidities": {
            "diabetes": rng.random() < 0.2,
            "hba1c_percent": round(rng.uniform(5.5, 9.5), 1),
            "nicotine_use": rng.random() < 0.2,
            "coagulopathy": False,
            "active_infection": False,
            "pregnancy": False,
        },
    }
    return _prune(doc)


def write_cases(directory: Path, count: int, seed: int = 2026) -> list[Path]:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = directory / f"case-{index:06d}.json"
        path.write_text(json.dumps(case(index, rng)), encoding="utf-8")
        paths.append(path)
    return paths
