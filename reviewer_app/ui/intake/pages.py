"""The wizard's steps other than imaging and review, one class each."""

from __future__ import annotations

from datetime import datetime
from html import escape

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from reviewer_app.core.case import Provider
from reviewer_app.core.codes import icd10, procedure_list
from reviewer_app.core.criteria.inputs import Facts, conservative_care, weeks_of
from reviewer_app.core.criteria.scores import RADIOSENSITIVITY_BY_PRIMARY_SITE, tokuhashi
from reviewer_app.core.errors import pydantic_problems
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.evaluation import DraftEvaluation
from reviewer_app.core.intake.schema import FieldKind
from reviewer_app.ui.intake import words
from reviewer_app.ui.intake.code_lists import CodeListEditor
from reviewer_app.ui.intake.completers import icd10_options, procedure_options
from reviewer_app.ui.intake.fhir_request import FhirRequestBox, UncodedDiagnoses, fhir_record
from reviewer_app.ui.intake.fields import ChoiceField, NotesField, TextField
from reviewer_app.ui.intake.page import IntakePage
from reviewer_app.ui.intake.treatments import TreatmentsEditor
from reviewer_app.ui.widgets.time_left import format_due
from reviewer_app.ui.widgets.vocabulary import TOKUHASHI_ADVICE, survival_band


def _live(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setObjectName("live")
    return label


class RequestPage(IntakePage):
    NAME = "request"
    TITLE = "Request"
    SUBTITLE = ("Who asks for what, for whom, and since when. Only the procedure and levels "
                "matter to the criteria; the rest can wait.")
    OWNS = ("external_id", "received_at", "urgency", "line_of_business", "member",
            "requesting_provider", "service")

    def build(self, content: QWidget) -> None:
        grid = QGridLayout(content)
        request, form = self.group("Request")
        for path in ("external_id", "received_at", "urgency", "line_of_business"):
            self.add(form, path)
        self.due = _live(request)
        form.addRow(self.due)
        grid.addWidget(request, 0, 0)
        member, form = self.group("Member")
        for path in ("member.id", "member.given_name", "member.family_name",
                     "member.birth_date", "member.sex"):
            self.add(form, path)
        self.add(form, "member.language", LanguageField("member.language", content))
        grid.addWidget(member, 0, 1)
        provider, form = self.group("Requesting provider")
        self.add(form, "requesting_provider.name", label="Name")
        for path in ("requesting_provider.npi", "requesting_provider.specialty",
                     "requesting_provider.phone", "requesting_provider.fax"):
            self.add(form, path)
        npi = self.fields["requesting_provider.npi"]
        assert isinstance(npi, TextField)
        npi.edit.setMaxLength(10)
        npi.edit.textEdited.connect(self._on_npi_text_edited)
        grid.addWidget(provider, 0, 2)
        service, form = self.group("Service requested")
        self.procedures = CodeListEditor(
            "service.procedures", procedure_options, background=False, noun="procedure",
            placeholder="Type a CPT/HCPCS code or words (corpectomy, fusion…)", parent=content)
        self.add(form, "service.procedures", self.procedures)
        for path in ("service.levels", "service.setting", "service.planned_date"):
            self.add(form, path)
        grid.addWidget(service, 1, 0, 1, 3)
        self.fhir = FhirRequestBox(content)
        grid.addWidget(self.fhir, 2, 0, 1, 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(3, 1)

    def load(self, document: DraftDocument) -> None:
        super().load(document)
        self.fhir.show_record(fhir_record(document))

    def show_evaluation(self, evaluation: DraftEvaluation) -> None:
        super().show_evaluation(evaluation)
        self.procedures.set_problems(self.shown_problems(evaluation, "service.procedures"))
        self._show_due(evaluation)
        self._show_age(evaluation)
        self.procedures.note.setText(self._selection(evaluation))

    def _show_due(self, evaluation: DraftEvaluation) -> None:
        determination = evaluation.determination
        if "received_at" in evaluation.placeholders or determination is None:
            self.due.setText("")
            return
        due = datetime.fromisoformat(determination.due_at)
        self.due.setText(f"Decision due {escape(format_due(due))}")

    def _show_age(self, evaluation: DraftEvaluation) -> None:
        field = self.fields["member.birth_date"]
        case = evaluation.case
        if case is None or {"member.birth_date", "received_at"} & set(evaluation.placeholders):
            field.set_hint(None)
            return
        age = Facts(case).fact("derived.age_years").value
        field.set_hint(f"Age {age} on the received date")

    def _selection(self, evaluation: DraftEvaluation) -> str:
        case = evaluation.case
        if case is None or "service.procedures" in evaluation.waiting_for:
            return "The first procedure that is not an add-on code is the primary one: it " \
                   "selects the criteria set."
        primary = case.primary_procedure
        library = self.intake.library
        entry = procedure_list.procedure(primary)
        name = f"{primary} ({entry.description})" if entry else primary
        if "diagnoses" in evaluation.waiting_for:
            with_tumor = library.select(primary, True)
            without = library.select(primary, False)
            if with_tumor is not without:
                options = [f"with a neoplastic diagnosis, <b>{escape(s.title)}</b>" if s else
                           "with a neoplastic diagnosis, none" for s in (with_tumor,)]
                options.append(f"otherwise <b>{escape(without.title)}</b>" if without
                               else "otherwise none (manual review)")
                return f"Primary procedure {escape(name)} selects: {'; '.join(options)}."
        chosen = evaluation.criteria_set_title
        if not chosen:
            return (f"Primary procedure {escape(name)}: no criteria set covers it, so the "
                    "request needs manual review.")
        return f"Primary procedure {escape(name)} selects the criteria set <b>{escape(chosen)}</b>."

    def _on_npi_text_edited(self, text: str) -> None:
        """The check digit as typed: the model's own message once ten characters are in."""
        field = self.fields["requesting_provider.npi"]
        text = text.strip()
        if len(text) < 10 and text.isdigit():
            field.set_problem(None)
            return
        try:
            Provider.model_validate({"name": "-", "npi": text})
        except ValidationError as error:
            field.set_problem(pydantic_problems(error)[0].message)
        else:
            field.set_problem(None)


class LanguageField(ChoiceField):
    """The letter languages the application writes (English, Spanish); another tag stays."""

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(path, FieldKind("choice", tuple(words.LANGUAGES)), parent)
        for row, value in enumerate(words.LANGUAGES, start=1):
            self._model.item(row).setText(words.LANGUAGES[value])
        self._model.item(0).setText("English (default)")


class DiagnosesPage(IntakePage):
    NAME = "diagnoses"
    TITLE = "Diagnoses"
    SUBTITLE = ("ICD-10-CM, billable codes only, primary first. Type a code or words; results "
                "appear as you type.")
    OWNS = ("diagnoses",)

    def build(self, content: QWidget) -> None:
        layout = QVBoxLayout(content)
        box, form = self.group("Diagnosis codes")
        self.editor = CodeListEditor(
            "diagnoses", icd10_options, background=True, noun="diagnosis",
            placeholder="Type a code (C79.51) or words (secondary malignant bone)",
            parent=content)
        self.add(form, "diagnoses", self.editor)
        self.uncoded = UncodedDiagnoses(box)
        form.addRow(self.uncoded)
        layout.addWidget(box)
        layout.addStretch(1)

    def load(self, document: DraftDocument) -> None:
        super().load(document)
        self.uncoded.show_record(fhir_record(document))

    def show_evaluation(self, evaluation: DraftEvaluation) -> None:
        super().show_evaluation(evaluation)
        self.editor.set_problems(self.shown_problems(evaluation, "diagnoses"))
        codes = self.editor.codes()
        neoplastic = []
        for code in codes:
            try:
                if icd10.is_neoplastic_icd10(code):
                    neoplastic.append(code)
            except ValueError:
                continue
        if neoplastic:
            self.editor.note.setText(
                f"Neoplastic: {escape(', '.join(neoplastic))}. The tumor criteria, the Bilsky "
                "grade and the oncology page apply.")
        elif codes:
            self.editor.note.setText("No neoplastic diagnosis: the oncology page is skipped.")
        else:
            self.editor.note.setText("")

    def focus_field(self, path: str) -> bool:
        self.editor.search.setFocus(Qt.FocusReason.OtherFocusReason)
        if path.startswith("diagnoses["):
            row = int(path[path.index("[") + 1:path.index("]")])
            if row < self.editor.table.rowCount():
                self.editor.table.setFocus(Qt.FocusReason.OtherFocusReason)
                self.editor.table.selectRow(row)
        return True


class SymptomsPage(IntakePage):
    NAME = "symptoms"
    TITLE = "Symptoms and neurological status"
    SUBTITLE = "Leave a field at Not reported when the request does not say."
    OWNS = ("symptoms",)

    def build(self, content: QWidget) -> None:
        self.columns(
            QVBoxLayout(content),
            (("Pain", ("symptoms.pain_nrs", "symptoms.pain_character",
                       "symptoms.pain_duration_weeks", "symptoms.radicular_pain",
                       "symptoms.neurogenic_claudication")),
             ("Red flags", ("symptoms.red_flags",))),
            (("Neurological status", ("symptoms.neuro_deficit", "symptoms.deficit_progressive",
                                      "symptoms.deficit_duration_hours",
                                      "symptoms.frankel_grade", "symptoms.ambulatory",
                                      "symptoms.bowel_bladder_dysfunction")),),
        )


class TreatmentsPage(IntakePage):
    NAME = "treatments"
    TITLE = "Prior treatment"
    SUBTITLE = ("Each course of care already given: its type, start and end (or weeks), "
                "and how it worked.")
    OWNS = ("prior_treatments",)

    def build(self, content: QWidget) -> None:
        layout = QVBoxLayout(content)
        self.editor = self.register(TreatmentsEditor(content))
        layout.addWidget(self.editor)
        self.counted = _live(content)
        self.counted.setAccessibleName("Counted conservative care")
        layout.addWidget(self.counted)
        layout.addStretch(1)

    def show_evaluation(self, evaluation: DraftEvaluation) -> None:
        self.editor.set_problems(self.shown_problems(evaluation, "prior_treatments"))
        case = evaluation.case
        care = conservative_care(case) if case is not None else None
        if care is None:
            self.counted.setText("Counted failed conservative care: not reported yet "
                                 "(add the treatments, or tick that none was given).")
            return
        weeks = care.weeks
        modalities = care.modalities
        names = ", ".join(words.value_words("prior_treatments[].type", m) for m in modalities)
        how_long = f"{weeks:g} weeks" if weeks is not None else "no weeks known"
        if care.longest:
            longest = words.value_words("prior_treatments[].type", care.longest)
            how_long += f" (longest: {longest})"
        count = len(modalities)
        kinds = f"{count} modalit{'y' if count == 1 else 'ies'}"
        if names:
            kinds += f" ({names})"
        text = f"<b>Counted failed conservative care:</b> {escape(how_long)}, {escape(kinds)}."
        if care.uncertain:
            text += (f" {len(care.uncertain)} more would count once their outcome is "
                     "entered.")
        self.counted.setText(text)
        index_of = evaluation.evaluated_index
        dated = {}
        for row in range(self.intake.document.length("prior_treatments")):
            at = index_of("prior_treatments", row)
            treatments = case.prior_treatments or [] if case is not None else []
            if at is not None and at < len(treatments):
                treatment = treatments[at]
                if treatment.duration_weeks is None and (weeks_from := weeks_of(treatment)):
                    dated[row] = weeks_from
        self.editor.show_counted(dated)

    def focus_field(self, path: str) -> bool:
        if path.startswith("prior_treatments["):
            row = int(path[path.index("[") + 1:path.index("]")])
            column = path.rsplit(".", 1)[-1] if "." in path else "type"
            self.editor.focus_cell(row, "duration_weeks" if column == "start" else column)
            return True
        self.editor.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


class OncologyPage(IntakePage):
    NAME = "oncology"
    TITLE = "Oncology"
    SUBTITLE = "Offered because a diagnosis is neoplastic."
    OWNS = ("oncology",)

    def build(self, content: QWidget) -> None:
        forms = self.columns(
            QVBoxLayout(content),
            (("The cancer", ("oncology.primary_site", "oncology.histology_confirmed",
                             "oncology.radiosensitivity", "oncology.systemic_therapy_planned",
                             "oncology.expected_survival_months")),),
            (("Performance and spread", ("oncology.kps", "oncology.ecog",
                                         "oncology.extraspinal_bone_metastases",
                                         "oncology.vertebral_metastases",
                                         "oncology.visceral_metastases")),),
        )
        self.tokuhashi = _live(content)
        self.tokuhashi.setAccessibleName("Revised Tokuhashi score")
        forms["Performance and spread"].addRow("", self.tokuhashi)

    def applies(self) -> bool:
        evaluation = self.intake.evaluation
        if self.intake.document.has("oncology"):
            return True
        case = evaluation.case
        if case is None or "diagnoses" in evaluation.waiting_for:
            return False
        return any(icd10.is_neoplastic_icd10(code) for code in case.diagnosis_codes)

    def show_evaluation(self, evaluation: DraftEvaluation) -> None:
        super().show_evaluation(evaluation)
        case = evaluation.case
        if case is None:
            return
        oncology = case.oncology
        field = self.fields["oncology.radiosensitivity"]
        if oncology is None or oncology.radiosensitivity is None:
            site = oncology.primary_site if oncology else None
            if site is None:
                field.set_hint("Left empty, it is derived from the primary site.")
            else:
                derived = RADIOSENSITIVITY_BY_PRIMARY_SITE.get(site, "unknown")
                field.set_hint(f"Left empty: {derived}, derived from the primary site "
                               f"({words.value_words('oncology.primary_site', site).lower()}).")
        else:
            field.set_hint(None)
        score = tokuhashi(case)
        if score.total is not None:
            band = score.survival_band
            self.tokuhashi.setText(
                f"<b>Revised Tokuhashi: {score.total}</b> of 15 — {escape(survival_band(band))} "
                f"({escape(TOKUHASHI_ADVICE[band])}).")
        else:
            needed = ", ".join(words.label(p) for p in score.missing)
            self.tokuhashi.setText(f"Revised Tokuhashi: not scored yet; needs {escape(needed)}.")


class NotesPage(IntakePage):
    NAME = "notes"
    TITLE = "Comorbidities and notes"
    SUBTITLE = "Other conditions, and the request's clinical summary in its own words."
    OWNS = ("comorbidities", "notes")

    def build(self, content: QWidget) -> None:
        layout = QVBoxLayout(content)
        self.columns(
            layout,
            (("Comorbidities", ("comorbidities.hypertension", "comorbidities.diabetes",
                                "comorbidities.hba1c_percent", "comorbidities.nicotine_use",
                                "comorbidities.bmi")),),
            (("Risks", ("comorbidities.osteoporosis", "comorbidities.coagulopathy",
                        "comorbidities.active_infection", "comorbidities.pregnancy")),),
        )
        notes, form = self.group("Notes")
        self.add(form, "notes", NotesField("notes", content, lines=6))
        layout.addWidget(notes)
        layout.addStretch(1)
