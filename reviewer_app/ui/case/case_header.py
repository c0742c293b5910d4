"""Who, what and by when: member, request and the decision deadline."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QWidget

from reviewer_app.core.levels import describe_levels
from reviewer_app.ui.case.snapshot import CaseSnapshot
from reviewer_app.ui.forms.ui_case_header import Ui_CaseHeader
from reviewer_app.ui.widgets.time_left import Urgency, format_due, time_left
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone, muted_text
from reviewer_app.ui.widgets.vocabulary import LINE_OF_BUSINESS, SETTING, SEX, STATUS, URGENCY

URGENCY_TONES = {
    Urgency.ON_TIME: Tone.NEUTRAL,
    Urgency.DUE_SOON: Tone.PEND,
    Urgency.OVERDUE: Tone.BAD,
}


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _coded(code: str, descriptions: dict[str, str]) -> str:
    description = descriptions.get(code)
    text = f"<b>{escape(code)}</b>"
    return f"{text} {escape(description)}" if description else f"{text} (no description found)"


def _others(codes: list[str], muted: str) -> str:
    if not codes:
        return ""
    return f' <span style="color:{muted}">· also {escape(", ".join(codes))}</span>'


def _tooltip(codes: list[str], descriptions: dict[str, str]) -> str:
    return "\n".join(f"{code}  {descriptions.get(code, '')}".rstrip() for code in codes)


class CaseHeader(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CaseHeader()
        self.ui.setupUi(self)
        self._due: datetime | None = None

    def show_case(self, opened: CaseSnapshot, now: datetime) -> None:
        case, determination = opened.case, opened.determination
        member = case.member
        self.ui.memberName.setText(f"{member.given_name} {member.family_name}")
        born = member.birth_date
        details = [
            f"Member {member.id}",
            f"born {born.isoformat()} (age {_age(born, case.received_at.date())})",
        ]
        if member.sex:
            details.append(SEX[member.sex])
        self.ui.memberDetails.setText(" · ".join(details))
        urgency = escape(URGENCY[case.urgency])
        if case.urgency == "expedited":
            urgency = f'<b style="color:{TEXT[Tone.BAD].name()}">{urgency.upper()}</b>'
        if opened.read_only:
            state = f"version {opened.version}, replaced by version {opened.replaced_at}"
        else:
            state = escape(STATUS.get(opened.status, opened.status))
        self.ui.caseDetails.setText(
            f"Case <b>{opened.case_id}</b> ({state})"
            f" · request <b>{escape(determination.case_ref)}</b> · {urgency} · "
            f"{escape(LINE_OF_BUSINESS[case.line_of_business])} · "
            f'<span style="color:{self._muted()}">received '
            f"{escape(format_due(case.received_at))}</span>"
        )
        self._show_service(opened)
        self._due = datetime.fromisoformat(determination.due_at)
        self.ui.dueValue.setText(format_due(self._due))
        self.show_time(now)

    def _show_service(self, opened: CaseSnapshot) -> None:
        case = opened.case
        procedures = [p.code for p in case.service.procedures]
        self.ui.procedureValue.setText(
            _coded(procedures[0], opened.procedure_descriptions)
            + _others(procedures[1:], self._muted())
        )
        self.ui.procedureValue.setToolTip(_tooltip(procedures, opened.procedure_descriptions))
        service = case.service
        where = [escape(describe_levels(service.levels)) if service.levels else "not stated"]
        if service.setting:
            where.append(escape(SETTING[service.setting]))
        if service.planned_date:
            where.append(f"planned {service.planned_date.isoformat()}")
        self.ui.levelsValue.setText(" · ".join(where))
        diagnoses = case.diagnosis_codes
        self.ui.diagnosisValue.setText(
            _coded(diagnoses[0], opened.diagnosis_descriptions)
            + _others(diagnoses[1:], self._muted())
        )
        self.ui.diagnosisValue.setToolTip(_tooltip(diagnoses, opened.diagnosis_descriptions))

    def _muted(self) -> str:
        """Secondary text: the palette's placeholder colour, readable in light and dark."""
        return muted_text(self.palette()).name()

    def show_time(self, now: datetime) -> None:
        """Refresh "time left"; the window calls this on a timer."""
        if self._due is None:
            return
        left = time_left(self._due, now)
        tone = URGENCY_TONES[left.urgency]
        self.ui.timeLeftValue.setText(left.text)
        palette = self.ui.dueBox.palette()
        palette.setColor(QPalette.ColorRole.Window, TINT[tone])
        palette.setColor(QPalette.ColorRole.WindowText, TEXT[tone])
        self.ui.dueBox.setPalette(palette)

    def time_left_text(self) -> str:
        return self.ui.timeLeftValue.text()
