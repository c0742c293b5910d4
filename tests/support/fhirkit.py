"""Shared pieces of the FHIR tests: the project's own fixtures (``tests/data/fhir``, written
from the shapes of the PAS implementation guide's examples and of the reference
implementation), the published examples read in place from ``../shared/fhir-examples``,
Bundles changed for one test, and a draft completed as the nurse would in the wizard."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from paths import ROOT, SEED

FIXTURES = ROOT / "tests" / "data" / "fhir"
SPINE = FIXTURES / "spine-surgical-request.json"
"""A PAS 2.2.1 surgical request (the IG's SurgicalRequestBundleExample shape) for the
motivating case: inline ICD-10-CM diagnoses, an Organization requester with an NPI, the
surgeon through careTeam -> PractitionerRole, a DTR QuestionnaireResponse, eight CPT items
(the first under the HCPCS system URI, as the IG's examples send them)."""
RI = FIXTURES / "ri-shaped-request.json"
"""A request of the reference implementation's shape (HL7-DaVinci/prior-auth): a
Practitioner as provider with a nine-digit NPI, diagnoses as Condition references (SNOMED CT,
ICD-10-CM without its dot, ICD-9-CM, a non-billable category), no timestamp or identifier,
a priority without its system, a DTR QuestionnaireResponse, a HCPCS code under CPT's URI."""


def shared_examples() -> Path:
    """``shared/fhir-examples`` beside the repository (a worktree or CI's clone), or skip."""
    for parent in ROOT.parents:
        candidate = parent / "shared" / "fhir-examples"
        if candidate.is_dir():
            return candidate
    pytest.skip("the published PAS examples (../shared/fhir-examples beside the repository) "
                "are not on this machine")


def load(path: Path = SPINE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write(folder: Path, bundle: dict, name: str = "bundle.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(bundle, indent=1), encoding="utf-8")
    return path


def changed(change, path: Path = SPINE) -> dict:
    """A copy of a fixture with ``change(bundle)`` applied."""
    bundle = copy.deepcopy(load(path))
    change(bundle)
    return bundle


def claim(bundle: dict) -> dict:
    return bundle["entry"][0]["resource"]


def entry(bundle: dict, resource_type: str) -> dict:
    return next(e["resource"] for e in bundle["entry"]
                if e["resource"]["resourceType"] == resource_type)


CLINICAL = ("line_of_business", "imaging", "symptoms", "prior_treatments", "oncology",
            "comorbidities", "notes")


def complete(document: dict, **more) -> dict:
    """What the nurse enters in the wizard after a FHIR import of the spine request: the
    motivating case's line of business, levels, setting and clinical facts."""
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    done = copy.deepcopy(document)
    for name in CLINICAL:
        done[name] = seed[name]
    done["service"]["levels"] = seed["service"]["levels"]
    done["service"]["setting"] = seed["service"]["setting"]
    done.update(more)
    return done
