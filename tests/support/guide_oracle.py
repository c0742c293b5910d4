"""The criteria guide's rules on what may be asked, written out independently of the shipped
data (resources/applicability.yaml), so that tests check the data against the guide
(docs/criteria-rules.md, "What a study can show, and what is asked")."""

from __future__ import annotations

import re
from datetime import datetime

from casebuilder import get_in

SHOWN_BY = {
    "dynamic_translation_mm": {"XR"},
    "marrow_edema": {"MRI", "bone_scan"},
    "escc_grade": {"MRI"},
    "infection": {"MRI", "CT", "PET_CT", "bone_scan"},
    **{name: {"MRI", "CT", "PET_CT"} for name in (
        "lesion_type", "posterolateral_involvement", "retropulsion", "canal_compromise_percent",
        "stenosis", "nerve_root_compression", "disc_herniation")},
    **{name: {"MRI", "CT", "PET_CT", "XR"} for name in (
        "fracture", "vertebral_collapse", "height_loss_percent", "alignment",
        "spondylolisthesis_grade")},
}
"""The criteria guide's table "What a study can show", written out here, not read from the
shipped data, so that the data is checked against the guide."""
NEOPLASTIC_CODE = re.compile(r"^(C|D[0-4])|^M845")


def applies(doc: dict, path: str) -> bool:
    """Whether a clinician could supply ``path`` for this case, by the guide's rules."""
    neoplastic = any(NEOPLASTIC_CODE.match(d["code"].upper().replace(".", ""))
                     for d in doc["diagnoses"])
    study_match = re.match(r"^imaging\[(\d+)\]\.findings\.(\w+)$", path)
    if study_match:
        index, finding = int(study_match[1]), study_match[2]
        imaging = doc["imaging"][index]
        if imaging["modality"] not in SHOWN_BY[finding]:
            return False
        if finding == "escc_grade" and not neoplastic:
            return False
        if finding in ("vertebral_collapse", "posterolateral_involvement"):
            # SINS components: asked only of a study that reports a lesion (alignment is
            # also an instability sign that augmentation reads of any study)
            lesion = imaging.get("findings", {}).get("lesion_type")
            return lesion in ("lytic", "mixed", "blastic")
        return True
    if path.startswith("oncology.") or path == "scores.bilsky":
        return neoplastic
    deficit = get_in(doc, "symptoms.neuro_deficit")
    if path in ("symptoms.deficit_progressive", "symptoms.deficit_duration_hours",
                "symptoms.frankel_grade"):
        return deficit != "none"
    if path == "comorbidities.hba1c_percent":
        return get_in(doc, "comorbidities.diabetes") is True
    if path == "comorbidities.pregnancy":
        born = datetime.fromisoformat(doc["member"]["birth_date"]).date()
        received = datetime.fromisoformat(doc["received_at"]).date()
        age = received.year - born.year - ((received.month, received.day) < (born.month,
                                                                              born.day))
        return get_in(doc, "member.sex") != "male" and age < 60
    return True


