"""The wizard's words: a short label for each field and plain words for each contract value.

The long descriptions ("whether a bone fragment is pushed back into the spinal canal") are
content shared with the missing-information lists (``resources/labels/inputs.yaml``); a field
shows them as its accessible description and tooltip.
"""

from __future__ import annotations

from reviewer_app.core.criteria import input_labels
from reviewer_app.core.criteria.narrative import BILSKY_WORDS

NOT_REPORTED = "Not reported"

LABELS: dict[str, str] = {
    "external_id": "Request reference",
    "received_at": "Received",
    "urgency": "Urgency",
    "line_of_business": "Line of business",
    "member.id": "Member ID",
    "member.given_name": "Given name",
    "member.family_name": "Family name",
    "member.birth_date": "Date of birth",
    "member.sex": "Sex",
    "member.language": "Letter language",
    "requesting_provider.name": "Requesting provider",
    "requesting_provider.npi": "NPI",
    "requesting_provider.specialty": "Specialty",
    "requesting_provider.phone": "Phone",
    "requesting_provider.fax": "Fax",
    "service.procedures": "Procedures",
    "service.levels": "Levels to be treated",
    "service.setting": "Setting",
    "service.planned_date": "Planned date",
    "diagnoses": "Diagnoses",
    "imaging": "Imaging studies",
    "imaging[].modality": "Type of study",
    "imaging[].date": "Study date",
    "imaging[].levels": "Levels described",
    "imaging[].report_text": "Report text",
    "imaging[].findings.fracture": "Fracture",
    "imaging[].findings.height_loss_percent": "Height loss (%)",
    "imaging[].findings.retropulsion": "Retropulsion",
    "imaging[].findings.canal_compromise_percent": "Canal compromise (%)",
    "imaging[].findings.marrow_edema": "Marrow edema (recent)",
    "imaging[].findings.lesion_type": "Bone lesion",
    "imaging[].findings.vertebral_collapse": "Vertebral collapse",
    "imaging[].findings.alignment": "Alignment",
    "imaging[].findings.posterolateral_involvement": "Posterolateral involvement",
    "imaging[].findings.escc_grade": "Bilsky grade (ESCC)",
    "imaging[].findings.stenosis": "Stenosis",
    "imaging[].findings.nerve_root_compression": "Nerve root compression",
    "imaging[].findings.disc_herniation": "Disc herniation",
    "imaging[].findings.spondylolisthesis_grade": "Spondylolisthesis grade",
    "imaging[].findings.dynamic_translation_mm": "Translation on flexion-extension (mm)",
    "imaging[].findings.infection": "Infection",
    "symptoms.pain_nrs": "Pain (0-10)",
    "symptoms.pain_character": "Kind of pain",
    "symptoms.pain_duration_weeks": "Pain for (weeks)",
    "symptoms.radicular_pain": "Radicular pain",
    "symptoms.neurogenic_claudication": "Neurogenic claudication",
    "symptoms.neuro_deficit": "Neurological deficit",
    "symptoms.deficit_progressive": "Deficit getting worse",
    "symptoms.deficit_duration_hours": "Deficit for (hours)",
    "symptoms.frankel_grade": "Frankel grade",
    "symptoms.ambulatory": "Can walk",
    "symptoms.bowel_bladder_dysfunction": "Bowel or bladder dysfunction",
    "symptoms.red_flags": "Red flags",
    "prior_treatments": "Prior treatment",
    "prior_treatments[].type": "Treatment",
    "prior_treatments[].start": "Start",
    "prior_treatments[].end": "End",
    "prior_treatments[].duration_weeks": "Weeks",
    "prior_treatments[].outcome": "Outcome",
    "prior_treatments[].notes": "Notes",
    "oncology.primary_site": "Primary site",
    "oncology.histology_confirmed": "Histology confirmed",
    "oncology.radiosensitivity": "Radiosensitivity",
    "oncology.kps": "Karnofsky (KPS)",
    "oncology.ecog": "ECOG",
    "oncology.extraspinal_bone_metastases": "Bone metastases outside the spine",
    "oncology.vertebral_metastases": "Vertebral bodies with metastases",
    "oncology.visceral_metastases": "Visceral metastases",
    "oncology.expected_survival_months": "Expected survival (months)",
    "oncology.systemic_therapy_planned": "Systemic therapy planned",
    "comorbidities.hypertension": "Hypertension",
    "comorbidities.diabetes": "Diabetes",
    "comorbidities.hba1c_percent": "HbA1c (%)",
    "comorbidities.nicotine_use": "Nicotine use",
    "comorbidities.bmi": "BMI",
    "comorbidities.osteoporosis": "Osteoporosis",
    "comorbidities.coagulopathy": "Uncorrected coagulopathy",
    "comorbidities.active_infection": "Active infection",
    "comorbidities.pregnancy": "Pregnancy",
    "notes": "Clinical summary",
}

VALUES: dict[str, dict[str, str]] = {
    "urgency": {"standard": "Standard", "expedited": "Expedited (72 hours)"},
    "line_of_business": {"commercial": "Commercial", "medicare_advantage": "Medicare Advantage",
                         "medicaid": "Medicaid"},
    "member.sex": {"female": "Female", "male": "Male", "other": "Other", "unknown": "Unknown"},
    "service.setting": {"inpatient": "Inpatient", "outpatient": "Outpatient",
                        "ambulatory_surgery_center": "Ambulatory surgery center",
                        "office": "Office"},
    "imaging[].modality": {"MRI": "MRI", "CT": "CT", "XR": "Plain X-rays", "PET_CT": "PET-CT",
                           "bone_scan": "Bone scan"},
    "imaging[].findings.lesion_type": {"none": "No lesion", "lytic": "Lytic", "mixed": "Mixed",
                                       "blastic": "Blastic"},
    "imaging[].findings.vertebral_collapse": {
        "none": "No collapse", "no_collapse_gt50_involved": "No collapse, over 50% involved",
        "lt50": "Collapse under 50%", "gt50": "Collapse over 50%"},
    "imaging[].findings.alignment": {"normal": "Normal", "de_novo_deformity": "New deformity",
                                     "subluxation_translation": "Subluxation or translation"},
    "imaging[].findings.posterolateral_involvement": {"none": "None",
                                                      "unilateral": "One side",
                                                      "bilateral": "Both sides"},
    "imaging[].findings.fracture": {"none": "No fracture", "compression": "Compression",
                                    "burst": "Burst", "fracture_dislocation":
                                    "Fracture-dislocation"},
    "imaging[].findings.escc_grade": {grade: f"{grade} — {words}"
                                      for grade, words in BILSKY_WORDS.items()},
    "imaging[].findings.stenosis": {"none": "None", "mild": "Mild", "moderate": "Moderate",
                                    "severe": "Severe"},
    "symptoms.pain_character": {"mechanical": "Mechanical (worse with movement or load)",
                                "occasional_non_mechanical": "Occasional, not mechanical",
                                "none": "No pain"},
    "symptoms.neuro_deficit": {"none": "None", "sensory": "Sensory", "motor": "Motor",
                               "myelopathy": "Myelopathy", "cauda_equina": "Cauda equina"},
    "symptoms.frankel_grade": {
        "A": "A — complete: no motor or sensory function",
        "B": "B — sensory only",
        "C": "C — motor, not useful",
        "D": "D — motor, useful",
        "E": "E — normal motor and sensory function"},
    "symptoms.red_flags": {"cancer_history": "History of cancer", "fever": "Fever",
                           "unexplained_weight_loss": "Unexplained weight loss",
                           "significant_trauma": "Significant trauma",
                           "immunosuppression": "Immunosuppression",
                           "iv_drug_use": "IV drug use"},
    "prior_treatments[].type": {
        "physical_therapy": "Physical therapy", "home_exercise": "Home exercise",
        "nsaid": "NSAID", "acetaminophen": "Acetaminophen", "opioid": "Opioid",
        "muscle_relaxant": "Muscle relaxant", "neuropathic_agent": "Neuropathic agent",
        "oral_steroid": "Oral steroid", "epidural_steroid_injection": "Epidural steroid injection",
        "bracing": "Bracing", "chiropractic": "Chiropractic",
        "activity_modification": "Activity modification", "radiation": "Radiation",
        "sbrt": "SBRT (stereotactic radiation)", "vertebral_augmentation":
        "Vertebral augmentation", "chemotherapy": "Chemotherapy",
        "spine_surgery": "Spine surgery"},
    "prior_treatments[].outcome": {"failed": "Failed", "partial_relief": "Partial relief",
                                   "resolved": "Resolved", "not_tolerated": "Not tolerated",
                                   "ongoing": "Ongoing"},
    "oncology.primary_site": {"unknown": "Unknown primary"},
    "oncology.radiosensitivity": {"sensitive": "Sensitive", "resistant": "Resistant",
                                  "unknown": "Unknown"},
    "oncology.visceral_metastases": {"none": "None", "removable": "Removable",
                                     "unremovable": "Not removable"},
}

LANGUAGES = {"en": "English", "es": "Spanish"}
"""Languages the letters are written in (``resources/letters``); others can be typed."""


def pattern(path: str) -> str:
    return input_labels.pattern(path)


def label(path: str) -> str:
    key = pattern(path)
    return LABELS.get(key) or key.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def description(path: str) -> str:
    """The long words for the field (what it asks), for tooltips and screen readers."""
    text = input_labels.labels().get(pattern(path))
    return (text[0].upper() + text[1:]) if text else label(path)


def value_words(path: str, value: object) -> str:
    if value is None:
        return NOT_REPORTED
    if isinstance(value, bool):
        return "Yes" if value else "No"
    words = VALUES.get(pattern(path), {}).get(str(value))
    if words:
        return words
    text = str(value).replace("_", " ")
    return text[0].upper() + text[1:] if text else text
