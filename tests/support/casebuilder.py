"""Synthetic ``ur-case/1`` documents for criteria tests, and a short path to a determination.

Each ``*_case()`` function returns a fresh, minimal, valid document (synthetic member, valid
NPI, ``received_at`` with an offset) that MEETS its criteria set, built so that exactly one
input on each side of every threshold decides the criterion under test:

- :func:`tumor_case`: 63090 corpectomy at L2 for C79.51; met through SINS 13 alone (the other
  three indications are not met: Bilsky 1b, no retropulsion, no neurological deficit).
- :func:`augmentation_case`: 22513 kyphoplasty at L1 for an osteoporotic fracture (not
  neoplastic), compression fracture with marrow edema, pain 7, 6 weeks of failed care.
- :func:`decompression_case`: 63047 laminectomy at L4-L5, severe stenosis and nerve-root
  compression, radicular pain with a sensory deficit, 8 weeks with 2 modalities.
- :func:`fusion_case`: 22630 fusion at L4-L5, grade 1 spondylolisthesis, 14 weeks with
  2 modalities, no nicotine, not diabetic.
- :func:`mri_case`: 72148 lumbar MRI, no red flag, no deficit, met through 6 weeks of failed
  conservative care alone.

Documents are plain dicts; :func:`with_` / :func:`without` / :func:`changed` return modified
deep copies, addressing nested keys by dotted path (``symptoms.pain_nrs``); list items are
addressed as ``imaging.0.levels`` or, as the determination spells them,
``imaging[0].levels``. :func:`evaluate_doc` goes through the strict JSON parser
(``parse_case(json.dumps(doc), "test.json")``) and ``evaluate(case, "t")``.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections.abc import Mapping
from typing import Any

from reviewer_app.core.case import Case
from reviewer_app.core.case_file import parse_case
from reviewer_app.core.criteria.evaluator import evaluate

NPI = "1245319599"
"""A synthetic NPI with a valid check digit (Luhn over 80840 + the number)."""
RECEIVED_AT = "2026-11-20T14:30:00-05:00"
CASE_REF = "t"


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


DELETE: Any = _Delete()
"""A value for :func:`changed` / :func:`make_case` that removes the key (missing, not null)."""

_INDEX = re.compile(r"\[(\d+)\]")


def split_path(path: str) -> list[str | int]:
    """``imaging[0].findings.x`` or ``imaging.0.findings.x`` -> ``["imaging", 0, ...]``."""
    parts: list[str | int] = []
    for part in _INDEX.sub(r".\1", path).split("."):
        if not part:
            raise ValueError(f"empty segment in path {path!r}")
        parts.append(int(part) if part.isdigit() else part)
    return parts


def _container(doc: Any, parts: list[str | int], path: str, create: bool) -> Any:
    node = doc
    for part, following in itertools.pairwise(parts):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                raise KeyError(f"{path}: no list item {part}")
            node = node[part]
            continue
        if not isinstance(node, dict):
            raise KeyError(f"{path}: {part!r} is not inside a mapping")
        if part not in node or node[part] is None:
            if not create:
                raise KeyError(f"{path}: no key {part!r}")
            node[part] = [] if isinstance(following, int) else {}
        node = node[part]
    return node


def set_in(doc: dict, path: str, value: Any) -> None:
    """Set a nested key in place, creating intermediate mappings."""
    parts = split_path(path)
    parent = _container(doc, parts, path, create=True)
    last = parts[-1]
    if isinstance(last, int):
        if last == len(parent):
            parent.append(copy.deepcopy(value))
        else:
            parent[last] = copy.deepcopy(value)
    else:
        parent[last] = copy.deepcopy(value)


def delete_in(doc: dict, path: str) -> None:
    """Remove a nested key (or list item) in place. The container must exist; a key that is
    already absent stays absent (deleting it again is harmless)."""
    parts = split_path(path)
    parent = _container(doc, parts, path, create=False)
    last = parts[-1]
    if isinstance(last, int):
        if not isinstance(parent, list) or last >= len(parent):
            raise KeyError(f"{path}: no list item {last}")
        del parent[last]
    elif isinstance(parent, dict):
        parent.pop(last, None)
    else:
        raise KeyError(f"{path}: {last!r} is not inside a mapping")


def get_in(doc: Any, path: str, default: Any = None) -> Any:
    node = doc
    for part in split_path(path):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return default
        elif not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def changed(doc: dict, changes: Mapping[str, Any]) -> dict:
    """A deep copy of ``doc`` with each ``path: value`` applied in order (``DELETE`` removes)."""
    result = copy.deepcopy(doc)
    for path, value in changes.items():
        if value is DELETE:
            delete_in(result, path)
        else:
            set_in(result, path, value)
    return result


def with_(doc: dict, path: str, value: Any) -> dict:
    return changed(doc, {path: value})


def without(doc: dict, *paths: str) -> dict:
    return changed(doc, dict.fromkeys(paths, DELETE))


def _base(procedures: list[str], levels: list[str], diagnoses: list[str]) -> dict:
    return {
        "format": "ur-case/1",
        "received_at": RECEIVED_AT,
        "urgency": "standard",
        "line_of_business": "commercial",
        "member": {
            "id": "SYN000001",
            "given_name": "Test",
            "family_name": "Member",
            "birth_date": "1955-01-01",
            "sex": "female",
        },
        "requesting_provider": {"name": "Synthetic Surgeon, MD", "npi": NPI},
        "service": {
            "procedures": [{"code": code, "system": "CPT", "units": 1} for code in procedures],
            "levels": levels,
            "setting": "inpatient",
        },
        "diagnoses": [{"code": code} for code in diagnoses],
    }


def treatment(kind: str, weeks: float | None = None, outcome: str | None = "failed",
              **extra: Any) -> dict:
    """One prior treatment; ``weeks`` None leaves ``duration_weeks`` out."""
    entry: dict[str, Any] = {"type": kind}
    if weeks is not None:
        entry["duration_weeks"] = weeks
    if outcome is not None:
        entry["outcome"] = outcome
    entry.update(extra)
    return entry


def tumor_case() -> dict:
    """Meets the tumor set through SINS 13 only (L2 mobile 2 + mechanical 3 + lytic 2 +
    de novo deformity 2 + collapse gt50 3 + unilateral 1)."""
    doc = _base(["63090"], ["L2"], ["C79.51", "M84.58XA"])
    doc["imaging"] = [
        {
            "modality": "MRI",
            "date": "2026-11-12",
            "levels": ["L2"],
            "findings": {
                "lesion_type": "lytic",
                "vertebral_collapse": "gt50",
                "alignment": "de_novo_deformity",
                "posterolateral_involvement": "unilateral",
                "fracture": "compression",
                "retropulsion": False,
                "escc_grade": "1b",
                "marrow_edema": True,
            },
        }
    ]
    doc["symptoms"] = {
        "pain_nrs": 7,
        "pain_character": "mechanical",
        "neuro_deficit": "none",
        "deficit_progressive": False,
        "frankel_grade": "E",
        "ambulatory": True,
        "bowel_bladder_dysfunction": False,
        "red_flags": ["cancer_history"],
    }
    doc["prior_treatments"] = []
    doc["oncology"] = {
        "primary_site": "lung",
        "histology_confirmed": True,
        "kps": 70,
        "extraspinal_bone_metastases": 0,
        "vertebral_metastases": 1,
        "visceral_metastases": "none",
        "expected_survival_months": 12,
    }
    doc["comorbidities"] = {"diabetes": False, "nicotine_use": False, "active_infection": False}
    return doc


def augmentation_case() -> dict:
    doc = _base(["22513"], ["L1"], ["M80.08XA"])
    doc["service"]["setting"] = "outpatient"
    doc["imaging"] = [
        {
            "modality": "MRI",
            "date": "2026-11-10",
            "levels": ["L1"],
            "findings": {
                "fracture": "compression",
                "marrow_edema": True,
                "retropulsion": False,
                "escc_grade": "0",
                "alignment": "normal",
                "height_loss_percent": 30,
                "infection": False,
            },
        }
    ]
    doc["symptoms"] = {"pain_nrs": 7, "neuro_deficit": "none", "red_flags": []}
    doc["prior_treatments"] = [
        treatment("physical_therapy", 6),
        treatment("nsaid", 6, "partial_relief"),
    ]
    doc["comorbidities"] = {
        "osteoporosis": True,
        "coagulopathy": False,
        "active_infection": False,
        "pregnancy": False,
    }
    return doc


def decompression_case() -> dict:
    doc = _base(["63047"], ["L4", "L5"], ["M48.062"])
    doc["service"]["setting"] = "outpatient"
    doc["imaging"] = [
        {
            "modality": "MRI",
            "date": "2026-11-01",
            "levels": ["L4", "L5"],
            "findings": {"stenosis": "severe", "nerve_root_compression": True},
        }
    ]
    doc["symptoms"] = {
        "pain_nrs": 6,
        "radicular_pain": True,
        "neurogenic_claudication": True,
        "neuro_deficit": "sensory",
        "deficit_progressive": False,
        "bowel_bladder_dysfunction": False,
        "red_flags": [],
    }
    doc["prior_treatments"] = [
        treatment("physical_therapy", 8),
        treatment("epidural_steroid_injection", 8, "partial_relief"),
    ]
    doc["comorbidities"] = {"diabetes": False, "nicotine_use": False}
    return doc


def fusion_case() -> dict:
    doc = _base(["22630"], ["L4", "L5"], ["M43.16"])
    doc["imaging"] = [
        {
            "modality": "MRI",
            "date": "2026-11-01",
            "levels": ["L4", "L5"],
            "findings": {"spondylolisthesis_grade": 1, "stenosis": "moderate"},
        }
    ]
    doc["symptoms"] = {
        "pain_nrs": 7,
        "radicular_pain": True,
        "neuro_deficit": "none",
        "red_flags": [],
    }
    doc["prior_treatments"] = [
        treatment("physical_therapy", 14),
        treatment("nsaid", 12, "not_tolerated"),
    ]
    doc["comorbidities"] = {"diabetes": False, "nicotine_use": False, "bmi": 28.0}
    return doc


def mri_case() -> dict:
    doc = _base(["72148"], ["L1", "L2", "L3", "L4", "L5"], ["M54.50"])
    doc["service"]["setting"] = "outpatient"
    doc["symptoms"] = {
        "pain_nrs": 6,
        "neuro_deficit": "none",
        "deficit_progressive": False,
        "bowel_bladder_dysfunction": False,
        "red_flags": [],
    }
    doc["prior_treatments"] = [
        treatment("physical_therapy", 6),
        treatment("nsaid", 3, "partial_relief"),
    ]
    return doc


BASES = {
    "tumor": tumor_case,
    "augmentation": augmentation_case,
    "decompression": decompression_case,
    "fusion": fusion_case,
    "mri": mri_case,
}
SET_OF_BASE = {
    "tumor": "spine-tumor-decompression-stabilization",
    "augmentation": "vertebral-augmentation",
    "decompression": "lumbar-decompression",
    "fusion": "lumbar-fusion",
    "mri": "lumbar-spine-mri",
}


def make_case(kind: str = "tumor", changes: Mapping[str, Any] | None = None,
              **overrides: Any) -> dict:
    """A base document of ``kind`` with ``changes`` (dotted paths) and ``overrides`` applied;
    in keyword overrides ``__`` stands for the dot: ``make_case("mri", symptoms__pain_nrs=3)``."""
    doc = BASES[kind]()
    all_changes = dict(changes or {})
    all_changes.update({key.replace("__", "."): value for key, value in overrides.items()})
    return changed(doc, all_changes)


def parse(doc: dict) -> Case:
    """Through the strict JSON parser, as a file would be read."""
    return parse_case(json.dumps(doc), "test.json")


def evaluate_doc(doc: dict, case_ref: str = CASE_REF) -> dict:
    """The ``ur-determination/1`` object for ``doc`` as JSON-ready data."""
    return evaluate(parse(doc), case_ref).to_json_dict()


def criterion(determination: dict, criterion_id: str) -> dict:
    for entry in determination["criteria"]:
        if entry["id"] == criterion_id:
            return entry
    raise KeyError(f"no criterion {criterion_id!r} in {determination['criteria_set']}")


def statuses(determination: dict) -> dict[str, str]:
    return {c["id"]: c["status"] for c in determination["criteria"]}
