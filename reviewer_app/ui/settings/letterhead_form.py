"""The organization's letterhead and plan contacts: the keys of
``resources/letters/letterhead.yaml`` that letters print (name, address, phone, TTY, fax, the
appeals unit, the peer-to-peer line), and the free texts letters print inside their own
sentences, one field per text and letter language (:data:`TEXTS`; the languages are those the
letters ship wording for, so a new wording file adds its column). Keys without a field here (the
logo, the language-assistance taglines) are kept as they are. Problems come back from the
core's own check of the file (``FILE: key: problem``) and are shown under the form by key, a
free text's also at its field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from reviewer_app.core.languages import language_name, letter_languages
from reviewer_app.core.letters.letterhead import FAIR_HEARING_DAYS_DEFAULT
from reviewer_app.ui.forms.ui_letterhead_form import Ui_LetterheadForm
from reviewer_app.ui.widgets.field_problem import show_problem

KEY_LABELS = {
    "organization": "Organization", "address": "Address", "phone": "Phone", "tty": "TTY",
    "fax": "Fax", "appeals.address": "Appeals address", "appeals.phone": "Appeals phone",
    "appeals.fax": "Appeals fax", "peer_to_peer_phone": "Peer-to-peer phone",
    "medicaid_fair_hearing_days": "Medicaid fair hearing window",
}
TEXTS = {
    "plan_provision": ("Plan provision", "The plan-document provision a commercial adverse "
                       "decision rests on (29 CFR 2560.503-1(g)(1)(ii)), e.g. Certificate of "
                       "Coverage, section 7.3"),
    "consumer_assistance": ("Consumer assistance", "The state's health insurance consumer "
                            "assistance office or ombudsman, name and phone, for commercial "
                            "adverse decisions (45 CFR 147.136(b)(2)(ii)(E)(5))"),
    "medicaid_policy": ("Medicaid policy", "The State Medicaid rule or policy behind a Medicaid "
                        "adverse decision (42 CFR 431.210(c)), e.g. 89 Ill. Adm. Code 140.40"),
}
"""The letterhead's free texts (``letterhead.FREE_TEXTS``; a test keeps the two the same): the
label and what the text is, in form order."""
SCREEN_SHARE = 0.6
"""The most of the screen's height the form takes before it scrolls (the dialog or wizard page
around it needs the rest)."""


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class LetterheadForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LetterheadForm()
        self.ui.setupUi(self)
        self._kept: dict[str, Any] = {}
        self._texts: dict[tuple[str, str], QLineEdit] = {}
        self._text_problems: dict[tuple[str, str], QLabel] = {}
        self._add_text_fields()
        show_problem(self.ui.problemsLabel, None)
        self._fit_scroll()

    def _fit_scroll(self) -> None:
        """Tall enough to show every field without scrolling where the screen allows (at most
        :data:`SCREEN_SHARE` of its height; on a small or scaled screen the form scrolls
        rather than squeezing its rows)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        limit = int(screen.availableGeometry().height() * SCREEN_SHARE) if screen else 560
        wanted = self.ui.formContents.sizeHint().height()
        self.ui.formScroll.setMinimumHeight(min(wanted, limit))

    def _add_text_fields(self) -> None:
        """A row per free text, a column per letter language, each field with its problem
        line under it; tab order after the fair hearing window, row by row."""
        grid = self.ui.freeTextsLayout
        languages = letter_languages()
        for column, language in enumerate(languages, start=1):
            grid.addWidget(QLabel(language_name(language), self.ui.freeTextsBox), 1, column)
        previous: QWidget = self.ui.fairHearingSpin
        for index, (key, (label_text, about)) in enumerate(TEXTS.items()):
            row = 2 + 2 * index
            label = QLabel(label_text, self.ui.freeTextsBox)
            grid.addWidget(label, row, 0)
            for column, language in enumerate(languages, start=1):
                name = language_name(language)
                edit = QLineEdit(self.ui.freeTextsBox)
                edit.setObjectName(f"{key}_{language}Edit")
                edit.setAccessibleName(f"{label_text} in {name}")
                edit.setAccessibleDescription(f"{about}. Printed in {name} letters; with no "
                                              "text in any language, letters print the "
                                              "shipped sentence.")
                edit.setPlaceholderText("not given")
                grid.addWidget(edit, row, column)
                problem = QLabel(self.ui.freeTextsBox)
                problem.setObjectName(f"{key}_{language}Problem")
                problem.setWordWrap(True)
                problem.setAccessibleName(f"Problem with {label_text} in {name}")
                grid.addWidget(problem, row + 1, column)
                show_problem(problem, None)
                if column == 1:
                    label.setBuddy(edit)
                QWidget.setTabOrder(previous, edit)
                previous = edit
                self._texts[key, language] = edit
                self._text_problems[key, language] = problem

    def text_edit(self, key: str, language: str) -> QLineEdit:
        """The field of free text ``key`` in ``language``."""
        return self._texts[key, language]

    def _fields(self) -> dict[str, QLineEdit]:
        ui = self.ui
        return {"organization": ui.organizationEdit, "phone": ui.phoneEdit, "tty": ui.ttyEdit,
                "fax": ui.faxEdit, "appeals.phone": ui.appealsPhoneEdit,
                "appeals.fax": ui.appealsFaxEdit, "peer_to_peer_phone": ui.peerEdit}

    def load(self, document: Mapping[str, Any]) -> None:
        """Show a letterhead (the keys of its file)."""
        appeals = document.get("appeals") or {}
        self._kept = {k: v for k, v in document.items()
                      if k not in ("organization", "address", "phone", "tty", "fax", "appeals",
                                   "peer_to_peer_phone", "medicaid_fair_hearing_days",
                                   *TEXTS)}
        for key, edit in self._fields().items():
            section, _, name = key.rpartition(".")
            value = (appeals if section else document).get(name)
            edit.setText("" if value is None else str(value))
        for (key, language), edit in self._texts.items():
            value = document.get(key)
            if isinstance(value, str):  # a letterhead written before the texts had languages
                value = {"en": value}
            edit.setText(str((value or {}).get(language) or ""))
        days = document.get("medicaid_fair_hearing_days")
        self.ui.fairHearingSpin.setValue(days if isinstance(days, int) else
                                         FAIR_HEARING_DAYS_DEFAULT)
        self.ui.addressEdit.setPlainText("\n".join(document.get("address") or ()))
        self.ui.appealsAddressEdit.setPlainText("\n".join(appeals.get("address") or ()))
        show_problem(self.ui.problemsLabel, None)
        self._show_text_problems({})

    def document(self) -> dict[str, Any]:
        """The letterhead as the keys of its file (a blank optional fax or free text is left
        out)."""
        values = {key: edit.text().strip() for key, edit in self._fields().items()}
        document: dict[str, Any] = {
            "organization": values["organization"],
            "address": _lines(self.ui.addressEdit),
            "phone": values["phone"],
            "tty": values["tty"],
        }
        if values["fax"]:
            document["fax"] = values["fax"]
        document["appeals"] = {"address": _lines(self.ui.appealsAddressEdit),
                               "phone": values["appeals.phone"],
                               "fax": values["appeals.fax"]}
        document["peer_to_peer_phone"] = values["peer_to_peer_phone"]
        document["medicaid_fair_hearing_days"] = self.ui.fairHearingSpin.value()
        for key in TEXTS:
            texts = {language: edit.text().strip()
                     for (name, language), edit in self._texts.items() if name == key}
            if any(texts.values()):
                document[key] = {language: text for language, text in texts.items() if text}
        return {**document, **self._kept}

    def missing(self) -> list[str]:
        """Problem lines for the required fields left empty (every letter prints them)."""
        document = self.document()
        appeals = document["appeals"]
        required = {"organization": document["organization"], "address": document["address"],
                    "phone": document["phone"], "tty": document["tty"],
                    "appeals.address": appeals["address"], "appeals.phone": appeals["phone"],
                    "appeals.fax": appeals["fax"],
                    "peer_to_peer_phone": document["peer_to_peer_phone"]}
        return [f"letterhead: {key}: required (letters print it)"
                for key, value in required.items() if not value]

    def validate(self) -> bool:
        """Every required field filled in (the core checks the rest when it saves)."""
        missing = self.missing()
        self.show_problems(missing)
        return not missing

    def organization(self) -> str:
        return self.ui.organizationEdit.text().strip()

    def set_organization(self, name: str) -> None:
        self.ui.organizationEdit.setText(name)

    def show_problems(self, lines: list[str]) -> None:
        """The core's ``FILE: key: problem`` lines, as "Field: problem" under the form; a free
        text's (``plan_provision.es``) also at its field, the first of them focused."""
        shown = []
        at_fields: dict[tuple[str, str], str] = {}
        for line in lines:
            parts = line.split(": ", 2)
            key, problem = (parts[1], parts[2]) if len(parts) == 3 else ("", line)
            top = key.split("[")[0]
            text_key, _, language = key.partition(".")
            if (text_key, language) in self._texts:
                at_fields.setdefault((text_key, language), problem)
                label = f"{TEXTS[text_key][0]} in {language_name(language)}"
            elif text_key in TEXTS:
                label = TEXTS[text_key][0]
            else:
                label = KEY_LABELS.get(top) or KEY_LABELS.get(key) or key
            shown.append(f"{label}: {problem}" if label else problem)
        self._show_text_problems(at_fields)
        show_problem(self.ui.problemsLabel, "Not saved: " + "; ".join(shown) if shown else None)

    def _show_text_problems(self, problems: Mapping[tuple[str, str], str]) -> None:
        for field, label in self._text_problems.items():
            show_problem(label, problems.get(field))
        if problems:
            edit = self._texts[next(iter(problems))]
            edit.setFocus()
            self.ui.formScroll.ensureWidgetVisible(edit)
