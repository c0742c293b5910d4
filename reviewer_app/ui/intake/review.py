"""The last step: the whole request in words, the determination, and Save."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget, QWizard

from reviewer_app.core.codes import icd10, procedure_list
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import DraftEvaluation
from reviewer_app.core.levels import describe_levels
from reviewer_app.ui.intake import words
from reviewer_app.ui.intake.page import IntakePage
from reviewer_app.ui.widgets.outcome_banner import explain_outcome
from reviewer_app.ui.widgets.time_left import format_due
from reviewer_app.ui.widgets.vocabulary import OUTCOMES

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Request", ("external_id", "received_at", "urgency", "line_of_business")),
    ("Member", ("member.id", "member.given_name", "member.family_name", "member.birth_date",
                "member.sex", "member.language")),
    ("Requesting provider", ("requesting_provider.name", "requesting_provider.npi",
                             "requesting_provider.specialty", "requesting_provider.phone",
                             "requesting_provider.fax")),
    ("Service", ("service.levels", "service.setting", "service.planned_date")),
    ("Symptoms", tuple(f"symptoms.{n}" for n in (
        "pain_nrs", "pain_character", "pain_duration_weeks", "radicular_pain",
        "neurogenic_claudication", "neuro_deficit", "deficit_progressive",
        "deficit_duration_hours", "frankel_grade", "ambulatory", "bowel_bladder_dysfunction",
        "red_flags"))),
    ("Oncology", tuple(f"oncology.{n}" for n in (
        "primary_site", "histology_confirmed", "radiosensitivity", "kps", "ecog",
        "extraspinal_bone_metastases", "vertebral_metastases", "visceral_metastases",
        "expected_survival_months", "systemic_therapy_planned"))),
    ("Comorbidities", tuple(f"comorbidities.{n}" for n in (
        "hypertension", "diabetes", "hba1c_percent", "nicotine_use", "bmi", "osteoporosis",
        "coagulopathy", "active_infection", "pregnancy"))),
)
STUDY = ("date", "levels")


def _value(path: str, value: Any) -> str:
    name = path.rsplit(".", 1)[-1]
    if name == "levels" and isinstance(value, list) and value:
        try:
            return describe_levels(value)
        except KeyError:
            return ", ".join(map(str, value))
    if name == "received_at":
        try:
            return format_due(datetime.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if name == "language":
        return words.LANGUAGES.get(str(value), str(value))
    if isinstance(value, list):
        if not value:
            return "none"
        return ", ".join(words.value_words(path, v) for v in value)
    return words.value_words(path, value)


def _rows(document: DraftDocument, paths: tuple[str, ...]) -> str:
    cells = []
    for path in paths:
        value = document.get(path)
        if value is None:
            continue
        cells.append(f"<tr><td>{escape(words.label(path))}</td>"
                     f"<td><b>{escape(_value(path, value))}</b></td></tr>")
    return f"<table cellpadding='2'>{''.join(cells)}</table>" if cells else \
        "<p><i>Nothing reported.</i></p>"


def _codes(document: DraftDocument, path: str, describe) -> str:
    items = []
    for number, item in enumerate(document.get(path) or []):
        code = str(item.get("code", ""))
        extra = f" × {item['units']}" if item.get("units", 1) not in (1, None) else ""
        primary = " <i>(primary)</i>" if number == 0 else ""
        items.append(f"<li><b>{escape(code)}</b>{extra} — {escape(describe(code))}{primary}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else "<p><i>None entered.</i></p>"


def _procedure_words(code: str) -> str:
    entry = procedure_list.procedure(code)
    return entry.description if entry else "not on the procedure list"


def _diagnosis_words(code: str) -> str:
    try:
        return icd10.icd10_description(code) or ""
    except ValueError:
        return ""


def case_in_words(document: DraftDocument, evaluation: DraftEvaluation) -> str:
    """The result, then the whole request as the nurse entered it, section by section."""
    html = [_determination(evaluation)]
    for title, paths in SECTIONS[:3]:
        html.append(f"<h3>{escape(title)}</h3>{_rows(document, paths)}")
    html.append("<h3>Service</h3>")
    html.append(_codes(document, "service.procedures", _procedure_words))
    html.append(_rows(document, SECTIONS[3][1]))
    html.append(f"<h3>Diagnoses</h3>{_codes(document, 'diagnoses', _diagnosis_words)}")
    html.append("<h3>Imaging</h3>")
    studies = document.get("imaging") or []
    if not studies:
        html.append("<p><i>No study entered.</i></p>")
    for number, study in enumerate(studies):
        modality = words.value_words("imaging[].modality", study.get("modality"))
        html.append(f"<p><b>Study {number + 1}: {escape(modality)}</b></p>")
        paths = tuple(f"imaging[{number}].{n}" for n in STUDY)
        findings = tuple(f"imaging[{number}].findings.{n}" for n in (study.get("findings") or {}))
        html.append(_rows(document, paths + findings))
        if study.get("report_text"):
            html.append(f"<p><i>Report:</i> {escape(study['report_text'])}</p>")
    html.append(f"<h3>{escape(SECTIONS[4][0])}</h3>{_rows(document, SECTIONS[4][1])}")
    html.append("<h3>Prior treatment</h3>")
    treatments = document.get("prior_treatments")
    if treatments is None:
        html.append("<p><i>Not reported.</i></p>")
    elif not treatments:
        html.append("<p>None given.</p>")
    else:
        items = []
        for number, _row in enumerate(treatments):
            parts = [_value(f"prior_treatments[{number}].{n}", document.get(
                f"prior_treatments[{number}].{n}"))
                for n in ("type", "outcome")]
            when = []
            for name, words_for in (("start", "from"), ("end", "to"),
                                    ("duration_weeks", "weeks:")):
                value = document.get(f"prior_treatments[{number}].{name}")
                if value is not None:
                    when.append(f"{words_for} {value}")
            items.append(f"<li><b>{escape(parts[0])}</b> ({escape(' '.join(when))}) — "
                         f"{escape(parts[1].lower())}</li>")
        html.append(f"<ul>{''.join(items)}</ul>")
    for title, paths in SECTIONS[5:]:
        if title == "Oncology" and not document.has("oncology"):
            continue
        html.append(f"<h3>{escape(title)}</h3>{_rows(document, paths)}")
    if document.get("notes"):
        html.append(f"<h3>Notes</h3><p>{escape(document.get('notes'))}</p>")
    return "".join(html)


def _determination(evaluation: DraftEvaluation) -> str:
    determination = evaluation.determination
    if determination is None:
        return "<h3>Determination</h3><p>No criteria set can be chosen yet.</p>"
    words_for = OUTCOMES[determination.outcome]
    sentences = "".join(f"<li>{escape(s)}</li>" for s in determination.rationale)
    return (f"<h2>Determination: {escape(words_for.title)} — {escape(words_for.action)}</h2>"
            f"<p>{escape(explain_outcome(determination, evaluation.case))}</p>"
            f"<ol>{sentences}</ol>")


class ReviewPage(IntakePage):
    NAME = "review"
    TITLE = "Review and save"
    SUBTITLE = ("The request as entered and what the criteria say. Save stores it as a case "
                "and opens it.")
    OWNS = ()

    def build(self, content: QWidget) -> None:
        layout = QVBoxLayout(content)
        self.summary = QTextBrowser(content)
        self.summary.setOpenLinks(False)
        self.summary.setAccessibleName("The request in words")
        self.summary.anchorClicked.connect(self._on_summary_anchor_clicked)
        layout.addWidget(self.summary)
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Save")
        self._saved = False

    def initializePage(self) -> None:
        self.message.hide()
        self.show_evaluation(self.intake.evaluation)

    def show_evaluation(self, evaluation: DraftEvaluation) -> None:
        bar = self.summary.verticalScrollBar()
        position = bar.value()
        self.summary.setHtml(case_in_words(self.intake.document, evaluation))
        bar.setValue(position)

    def nextId(self) -> int:
        return -1

    def mark_saved(self) -> None:
        self._saved = True

    def validatePage(self) -> bool:
        if self._saved:
            return True
        self.intake.commit_focused()
        evaluation = self.intake.evaluation
        if not evaluation.complete:
            invalid = [p for p in evaluation.problems if not p.missing]
            missing = [p for p in evaluation.problems if p.missing]
            parts = []
            if invalid:
                parts.append("to correct: " + "; ".join(
                    f"{words.label(p.path)} ({p.message})" for p in invalid))
            if missing:
                parts.append("still required: " + ", ".join(words.label(p.path)
                                                             for p in missing))
            self.say("Not saved yet — " + "; ".join(parts) + ". The panel's links go to each "
                     "field; the draft is kept meanwhile.", error=True)
            return False
        self.say("Saving…")
        self.intake.save()
        return False

    def _on_summary_anchor_clicked(self, url: QUrl) -> None:
        self.intake.follow_link(url.toString())
