"""The wording of the CMS Integrated Denial Notice as validated data:
``resources/letters/medicare_idn/<language>.yaml``.

The notice (form CMS-10003-NDMCP, "Notice of Denial of Medical Coverage", OMB 0938-0829) is a
standard form, not model language: a Medicare Advantage plan fills its insertions and may not
change the rest (42 CFR 422.568(e)(1): "use approved notice language"). Every passage in the
files therefore carries its ``source`` (the form section and the 42 CFR paragraph), and
loading refuses a passage without one, an unknown or missing key, a ``{slot}`` the composer
does not fill, a character the letter fonts cannot draw, and a number (filing window,
decision times, type size) that disagrees with the rules the rest of the application applies
(:mod:`reviewer_app.core.deadlines`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from reviewer_app.core import deadlines, resources
from reviewer_app.core.errors import Problem
from reviewer_app.core.letters import fonts
from reviewer_app.core.letters.content import (
    LETTER_SLOTS,
    languages,
    slot_names,
    wording_strings,
)
from reviewer_app.core.letters.errors import LetterContentError
from reviewer_app.core.yaml_files import read_model

NUMBER_SLOTS = frozenset({"filing_days", "standard_days", "payment_days", "expedited_hours"})
FORM_SLOTS = frozenset({"form_number", "omb_control_number"})
TERM_SLOTS = frozenset({"plan_name", "status", "action", "services"})
IDN_SLOTS = LETTER_SLOTS | NUMBER_SLOTS | FORM_SLOTS | TERM_SLOTS
"""What a passage of the notice may name."""

MINIMUM_TYPE_SIZE = 12
"""CMS-10003-NDMCP form instructions: "The notice must be provided in 12 point font"."""

RECONSIDERATION_STANDARD_DAYS = 30
"""42 CFR 422.590(a): a standard reconsideration of a request for a service or item."""
RECONSIDERATION_PAYMENT_DAYS = 60
"""42 CFR 422.590(b): a standard reconsideration of a request for payment."""
RECONSIDERATION_EXPEDITED_HOURS = 72
"""42 CFR 422.590(e)(1): an expedited reconsideration."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Passage(_Data):
    text: str = Field(min_length=1)
    source: str = Field(min_length=8)


class Items(_Data):
    items: list[str] = Field(min_length=1)
    source: str = Field(min_length=8)


class Number(_Data):
    value: int = Field(gt=0)
    source: str = Field(min_length=8)


class Form(_Data):
    number: str
    omb_control_number: str = Field(pattern=r"^\d{4}-\d{4}$")
    footer_form: str
    footer_omb: str
    source: str = Field(min_length=8)


class Numbers(_Data):
    filing_days: Number
    standard_days: Number
    payment_days: Number
    expedited_hours: Number


class Header(_Data):
    date: str
    member_number: str
    name: str
    provider: str
    service: str
    timeframe: str
    case_number: str
    letter_id: str
    authorization: str
    source: str = Field(min_length=8)


class Timeframes(_Data):
    standard: Passage
    expedited: Passage


class Term(_Data):
    status: str
    action: str


class Terms(_Data):
    """The form's "{Insert appropriate term}" choices for the two kinds of letter."""

    adverse: Term
    partial: Term
    services: str
    source: str = Field(min_length=8)


class Decision(_Data):
    heading: Passage
    listed: Passage
    why_heading: Passage
    because: Passage
    share: Passage


class Appeal(_Data):
    heading: Passage
    ask: Passage
    representative_heading: Passage
    representative: Passage


class ContactLabels(_Data):
    address: str
    phone: str
    tty: str
    fax: str


class Rights(_Data):
    title: Passage
    kinds_heading: Passage
    standard_lead: Passage
    standard: Passage
    fast_lead: Passage
    fast: Passage
    fast_doctor: Passage
    fast_enrollee: Passage
    how_heading: Passage
    step1_lead: Passage
    step1: Passage
    step1_items: Items
    records: Passage
    step2_lead: Passage
    step2: Passage
    standard_where: Passage
    standard_phone_note: Passage
    fast_where: Passage
    contact_labels: ContactLabels
    next_heading: Passage
    next: Passage
    help_heading: Passage
    help: Items


class Attachment(_Data):
    """The plan's pages after the form: what other rules ask a determination letter to say,
    kept apart so the form itself stays as CMS wrote it."""

    title: Passage
    intro: Passage
    deadline: Passage
    representative: Passage
    independent_reviewer: Passage
    provider_expedited: Passage
    approved_heading: Passage


class IdnContent(_Data):
    language: str
    form: Form
    numbers: Numbers
    type_size: Number
    title: Passage
    header: Header
    timeframes: Timeframes
    terms: Terms
    decision: Decision
    appeal: Appeal
    rights: Rights
    attachment: Attachment

    def number_slots(self) -> dict[str, str]:
        return {name: str(getattr(self.numbers, name).value) for name in NUMBER_SLOTS}

    def form_slots(self) -> dict[str, str]:
        return {"form_number": self.form.number,
                "omb_control_number": self.form.omb_control_number}


def _text_problems(content: IdnContent) -> list[Problem]:
    problems = []
    for key, text in wording_strings(content.model_dump(exclude={"language"}),
                                     skip=frozenset({"source"})):
        try:
            names = slot_names(text)
        except ValueError as error:
            problems.append(Problem(key, f"badly formed {{slot}}: {error}"))
            continue
        unknown = sorted(names - IDN_SLOTS)
        if unknown:
            problems.append(Problem(key, f"unknown slot {{{unknown[0]}}}"))
        lacking = fonts.missing_glyphs(text)
        if lacking:
            problems.append(Problem(key, "the letter font cannot draw "
                                    + ", ".join(f"U+{ord(c):04X}" for c in lacking)))
    return problems


def _rule_problems(content: IdnContent) -> list[Problem]:
    """The numbers the notice prints must be the ones the application applies."""
    expected = {
        "numbers.filing_days": deadlines.APPEAL_DAYS["medicare_advantage"],
        "numbers.standard_days": RECONSIDERATION_STANDARD_DAYS,
        "numbers.payment_days": RECONSIDERATION_PAYMENT_DAYS,
        "numbers.expedited_hours": RECONSIDERATION_EXPEDITED_HOURS,
    }
    problems = []
    for key, value in expected.items():
        given = getattr(content.numbers, key.split(".")[1]).value
        if given != value:
            problems.append(Problem(key, f"is {given}; the rule applied is {value}"))
    if content.type_size.value < MINIMUM_TYPE_SIZE:
        problems.append(Problem("type_size", f"is {content.type_size.value} pt; the form "
                                f"instructions ask for {MINIMUM_TYPE_SIZE} pt"))
    return problems


def load_idn_content(path: Path) -> IdnContent:
    """Read and check one language's notice; ``LetterContentError`` lists every problem."""
    content = read_model(path, IdnContent, LetterContentError)
    problems = []
    if path.stem != content.language:
        problems.append(Problem("language", f"is '{content.language}' but the file is named "
                                f"{path.name}"))
    problems += _text_problems(content)
    problems += _rule_problems(content)
    if problems:
        raise LetterContentError(str(path), problems)
    return content


@cache
def idn_content(language: str = "en") -> IdnContent:
    """The checked notice wording of one shipped letter language (read once per process)."""
    if language not in languages():
        raise LookupError(f"no letter wording for language '{language}'")
    return load_idn_content(resources.path("letters", "medicare_idn", f"{language}.yaml"))
