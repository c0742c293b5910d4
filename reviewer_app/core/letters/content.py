"""Letter wording as validated data: ``resources/letters/<language>.yaml``.

Every sentence a letter prints comes from these files, so a plan can change the wording, and
a translator can add a language, without touching Python. Loading refuses an unknown key, a
missing key, a ``{slot}`` the composer does not fill, a character the shipped fonts cannot
draw, and member wording that does not cover every criterion of the criteria library; each
problem names the file and the key.

Member letters exist in every language with a file; provider letters are English only, so
only ``en.yaml`` carries the ``provider`` section.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from reviewer_app.core import resources
from reviewer_app.core.codes import procedure_list
from reviewer_app.core.criteria import input_labels
from reviewer_app.core.criteria.applicability import (
    StudyWords,
    default_applicability,
    describe_need,
)
from reviewer_app.core.criteria.library import default_library
from reviewer_app.core.criteria.result import StudyNeed
from reviewer_app.core.determination import MissingStudy
from reviewer_app.core.errors import Problem
from reviewer_app.core.languages import letter_languages, member_letter_language
from reviewer_app.core.letters import fonts
from reviewer_app.core.letters.errors import LetterContentError
from reviewer_app.core.yaml_files import read_model

LETTER_SLOTS = frozenset({
    "member_name", "member_id", "birth_date", "provider_name", "provider_npi", "organization",
    "phone", "tty", "fax", "appeals_phone", "appeals_fax", "appeals_address", "p2p_phone",
    "case_number", "letter_id", "letter_date", "decided_on", "decider_name",
    "decider_credentials", "decider_role", "service", "levels", "approved_levels",
    "denied_levels", "setting",
    "authorization_number", "valid_from", "valid_to", "validity_days", "criteria_title",
    "criteria_id", "criteria_version", "appeal_days", "appeal_deadline", "needed_by",
    "due_at", "replaces", "plan", "page", "pages", "decision_due", "extension_days",
    "response_time", "service_date", "plan_provision", "consumer_assistance", "denial_code",
    "denial_meaning", "medicaid_policy", "oral_notice_at", "oral_notice_to", "oral_notice_by",
    "fair_hearing_days", "extension_reason", "extension_rule",
})
"""What letter sentences may name; the composer fills every one of them for every letter."""

REASON_SLOTS = frozenset({
    "levels", "level_count", "sins_total", "pain_nrs", "survival_months", "deficit_hours",
    "conservative_weeks", "modality_count", "hba1c", "spondylolisthesis", "translation_mm",
    "bilsky", "frankel", "tokuhashi_total", "canal_percent",
})
"""The member's facts a reason sentence may name: numbers, grades and levels only, which read
the same in every language (the rationale's word-valued slots are English)."""

DATE_SLOTS = {
    "date": frozenset({"day", "month", "year"}),
    "time": frozenset({"hour12", "hour24", "minute", "ampm"}),
    "datetime": frozenset({"date", "time", "offset"}),
}


class Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dates(Data):
    months: list[str] = Field(min_length=12, max_length=12)
    date: str
    time: str
    datetime: str
    am: str
    pm: str
    decimal: str = "."

    def format_date(self, value: dt.date) -> str:
        return self.date.format(day=value.day, month=self.months[value.month - 1],
                                year=value.year)

    def format_datetime(self, value: dt.datetime) -> str:
        hour12 = value.hour % 12 or 12
        time = self.time.format(
            hour12=hour12, hour24=f"{value.hour:02d}", minute=f"{value.minute:02d}",
            ampm=self.am if value.hour < 12 else self.pm,
        )
        offset = value.strftime("%z")
        offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
        return self.datetime.format(date=self.format_date(value.date()), time=time,
                                    offset=offset)


class Settings(Data):
    inpatient: str
    outpatient: str
    ambulatory_surgery_center: str
    office: str


class Roles(Data):
    nurse: str
    physician: str


class LinesOfBusiness(Data):
    commercial: str
    medicare_advantage: str
    medicaid: str


class Services(Data):
    """A plain noun phrase for the requested care, by the primary procedure's category."""

    corpectomy: str
    tumor_excision: str
    fusion: str
    decompression: str
    vertebral_augmentation: str
    mri: str
    instrumentation: str
    interbody_device: str
    other: str


class Words(Data):
    not_reported: str
    days: str
    hours: str
    denial_meaning: str
    no_service_date: str
    plan_provision: str
    """When the letterhead names no plan provision."""
    consumer_assistance: str
    """When the letterhead names no consumer assistance office."""
    medicaid_policy: str
    """When the letterhead names no state Medicaid rule."""
    settings: Settings
    roles: Roles
    plans: LinesOfBusiness
    services: Services


class Labels(Data):
    member: str
    member_id: str
    birth_date: str
    case_number: str
    letter_id: str
    letter_date: str
    requested_by: str
    npi: str
    service: str
    levels: str
    setting: str
    authorization: str
    valid: str
    decided: str
    decider: str
    needed_by: str
    due: str
    code: str
    description: str
    units: str
    replaces: str
    page: str
    footer: str
    later_pages: str
    contacts: list[str] = Field(min_length=1)
    """The letterhead's contact lines, e.g. "Phone {phone}"; a line naming {fax} is left out
    when the letterhead has no fax number."""


class Meanings(Data):
    approval: str
    adverse: str
    partial: str
    pend: str


class Signature(Data):
    heading: str
    signed_by: str
    role: str
    when: str
    meaning: str
    caption: str
    meanings: Meanings
    stamp: str
    """The first line of the visible digital signature's stamp ("Digitally signed by"), above
    the signer's name and the time (:mod:`.sign`)."""
    reasons: Meanings
    """The signature's /Reason, which PDF readers show in their signature panel."""


class Rights(Data):
    """Appeal, review and contact wording shared by adverse and partial letters."""

    criteria_heading: str
    criteria: str
    no_criteria: str
    change_heading: str
    change_intro: str
    change_always: str
    appeal_heading: str
    appeal: str
    appeal_how: str
    expedited_heading: str
    expedited: str
    p2p_heading: str
    p2p: str
    next_level_heading: str
    next_level: LinesOfBusiness


class KindIntros(Data):
    requirement: str
    indication: str
    contraindication: str


class MemberApproval(Data):
    title: str
    intro: str
    services_heading: str
    validity: str
    next_heading: str
    next: str


class MemberAdverse(Data):
    title: str
    intro: str
    denied_heading: str
    why_heading: str
    reason_intro: str


class PartialItems(Data):
    """How a partial approval tells each code or set of levels it does not approve: the
    criterion in its way, what could change it, and what the records lack."""

    intro: str
    code: str
    levels: str
    unmet: str
    help: str
    also: str
    judgement: str
    """When no criterion stands in the way of the item: the physician's reason explains it."""


class MemberPartial(Data):
    title: str
    intro: str
    approved_heading: str
    approved_levels: str
    denied_levels: str
    validity: str
    denied_heading: str
    why_heading: str
    reason_intro: str
    items: PartialItems
    """Each item not approved with the criterion in its way and what could help
    (``trace_reasons.not_approved_items``)."""


class MemberPend(Data):
    title: str
    intro: str
    items_heading: str
    items_intro: str
    next_heading: str
    by_date: str
    if_late: str
    timeframe: str
    """The deadline stays (the needed-by date ends before it)."""
    extension: LinesOfBusiness
    """The deadline moves as ``resources/pend-rules.yaml`` allows, with the rule's reason and
    complaint right."""
    extension_reasons: dict[str, str]
    """Why, when the rule names the reasons an extension may give: the words for each of
    ``resources/pend-rules.yaml``'s ``extension_reasons`` (the ``{extension_reason}`` slot)."""


class CommercialNotice(Data):
    """What 45 CFR 147.136(b)(2)(ii)(E) and 29 CFR 2560.503-1(g)(1) add to a commercial
    plan's adverse determination (the paragraphs are cited beside the wording)."""

    heading: str
    claim: str
    denial_code: str
    plan_provision: str
    appeal_time: str
    consumer_assistance: str


class MedicaidNotice(Data):
    """What 42 CFR 431.206(b), 431.210 and 438.404(b) add to a Medicaid plan's adverse
    benefit determination."""

    heading: str
    regulation: str
    effective: str
    appeal_time: str
    fair_hearing: str
    representation: str
    continuation: str


class MemberLetters(Data):
    greeting: str
    replaces: str
    approval: MemberApproval
    adverse: MemberAdverse
    partial: MemberPartial
    pend: MemberPend
    rules_intro: KindIntros
    rights: Rights
    commercial: CommercialNotice
    medicaid: MedicaidNotice
    contact_heading: str
    contact: str
    closing: str
    expedited: str
    """Every letter of an expedited request says so."""
    oral_notice: str
    """When the decision was told by phone first: this letter confirms the call."""
    formats: str
    """How to ask for the letter in large print, another language, or read aloud."""


class ProviderCommon(Data):
    rationale_heading: str
    evaluation_heading: str
    """Over the evaluation's rationale when a physician decided: it is the criteria screen the
    physician reviewed, not the physician's reasoning (printed as ``reviewer_note``)."""
    reviewer_note: str
    trace_heading: str
    trace_intro: str
    trace_columns: list[str] = Field(min_length=5, max_length=5)
    code_columns: list[str] = Field(min_length=3, max_length=3)
    statuses: dict[str, str]
    kinds: KindIntros
    references_heading: str
    no_criteria: str


class ProviderApproval(Data):
    title: str
    intro: str
    services_heading: str
    validity: str


class ProviderAdverse(Data):
    title: str
    intro: str
    denied_heading: str


class ProviderPartial(Data):
    title: str
    intro: str
    approved_heading: str
    approved_levels: str
    denied_levels: str
    validity: str
    denied_heading: str
    items: PartialItems


class ProviderPend(Data):
    title: str
    intro: str
    items_heading: str
    item_columns: list[str] = Field(min_length=2, max_length=2)
    new_study: str
    """Beside a study the request does not include, where an input would show its path."""
    added_why: str
    """Beside an item the reviewer asked for in her own words."""
    by_date: str
    if_late: str
    send: str
    timeframe: str
    extension: LinesOfBusiness
    extension_reasons: dict[str, str]
    """As the member's, for the provider; ``{extension_rule}`` cites the paragraph."""


class ProviderLetters(Data):
    greeting: str
    replaces: str
    approval: ProviderApproval
    adverse: ProviderAdverse
    partial: ProviderPartial
    pend: ProviderPend
    common: ProviderCommon
    rights: Rights
    commercial: CommercialNotice
    medicaid: MedicaidNotice
    contact_heading: str
    contact: str
    closing: str
    expedited: str
    oral_notice: LinesOfBusiness
    """The written confirmation of an oral notice, with each line of business's rule."""
    formats: str


class Reason(Data):
    """One criterion in member words: the rule, the member's finding when it blocks approval,
    why its inputs are needed (pend letters) and what new information could change a denial."""

    rule: str
    finding: str
    why: str
    change: str


class ItemWords(Data):
    imaging: str
    prior_treatments: str


class StudyWordsSpec(Data):
    """How a study the case lacks is named ("una resonancia magnética de L1 que muestre ...");
    English takes its words from ``resources/applicability.yaml``."""

    modalities: dict[str, str]
    shows: dict[str, str]
    studies: dict[str, str] = {}
    template: str
    template_no_levels: str
    template_plain: str
    alternatives: str
    conjunction: str


class LanguageContent(Data):
    language: str
    name: str
    dates: Dates
    words: Words
    labels: Labels
    signature: Signature
    taglines_heading: str
    member: MemberLetters
    provider: ProviderLetters | None = None
    procedures: dict[str, str]
    """A plain description of every procedure code of ``resources/codes/procedures.yaml``,
    for member letters' code tables; provider letters print the technical description."""
    stop_words: list[str] = Field(min_length=20)
    """Short words that mark a text as written in this language, for
    :func:`reviewer_app.core.letters.language_check.foreign_language`."""
    reasons: dict[str, dict[str, Reason]]
    inputs: dict[str, str] | None = None
    """This language's labels of the input paths, every entry of ``resources/labels/inputs.yaml``
    translated (English uses that file); read through
    :func:`reviewer_app.core.criteria.input_labels.label`."""
    studies: StudyWordsSpec | None = None

    def study_words(self) -> StudyWords:
        if self.studies is None:
            return default_applicability().words()
        return StudyWords(**self.studies.model_dump())

    def study_label(self, study: MissingStudy) -> str:
        """A study the case lacks, in this language."""
        need = StudyNeed(tuple(study.modalities), tuple(study.levels), tuple(study.findings))
        return describe_need(need, self.study_words())

    def reason(self, set_id: str, criterion_id: str) -> Reason:
        return self.reasons[set_id][criterion_id]

    def input_label(self, path: str) -> str:
        """The plain name of an input path in this language, e.g. for a missing-information
        list."""
        return input_labels.label(path, self.language)

    def number(self, text: str) -> str:
        return text.replace(".", self.dates.decimal) if self.dates.decimal != "." else text


def slot_names(text: str) -> set[str]:
    """The ``{slot}`` names a wording uses (``ValueError`` when a brace is unmatched)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def wording_strings(value: Any, path: str = "", skip: frozenset[str] = frozenset()):
    """Every string of a wording file's data with its key path (``member.pend.by_date``,
    ``items[2]``), leaving out the keys in ``skip``."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from wording_strings(item, f"{path}.{key}" if path else str(key), skip)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from wording_strings(item, f"{path}[{index}]", skip)
    elif isinstance(value, str):
        yield path, value


def _text_problems(content: LanguageContent) -> list[Problem]:
    problems = []
    for key, text in wording_strings(content.model_dump(exclude={"language"})):
        top = key.split(".", 1)[0].split("[", 1)[0]
        field = key.rsplit(".", 1)[-1]
        if top == "reasons":
            allowed = REASON_SLOTS
        elif top == "dates":
            allowed = DATE_SLOTS.get(field, frozenset())
        elif top == "words" and field in ("days", "hours"):
            allowed = frozenset({"n"})
        elif top == "inputs":
            allowed = frozenset({"n"}) if field in input_labels.ITEMS else frozenset()
        elif top == "studies":
            allowed = frozenset({"study", "levels", "shows"})
        else:
            allowed = LETTER_SLOTS
        try:
            unknown = sorted(slot_names(text) - allowed)
        except ValueError as error:
            problems.append(Problem(key, f"badly formed {{slot}}: {error}"))
            continue
        if unknown:
            problems.append(Problem(key, f"unknown slot {{{unknown[0]}}}; allowed here: "
                                    + ", ".join(sorted(allowed))))
        lacking = fonts.missing_glyphs(text)
        if lacking:
            problems.append(Problem(key, "the letter font cannot draw "
                                    + ", ".join(f"U+{ord(c):04X}" for c in lacking)))
    return problems


def _procedure_problems(content: LanguageContent) -> list[Problem]:
    """A plain description for every listed code, for no other code, and no two alike (issue
    12: four different codes must not read the same)."""
    listed = {entry.code for entry in procedure_list.procedures()}
    given = content.procedures
    problems = [Problem(f"procedures.{code}", "not a code of resources/codes/procedures.yaml")
                for code in given if code not in listed]
    problems += [Problem(f"procedures.{code}", "the plain description is missing")
                 for code in sorted(listed - set(given))]
    seen: dict[str, str] = {}
    for code, text in given.items():
        folded = " ".join(text.lower().split())
        if folded in seen:
            problems.append(Problem(f"procedures.{code}",
                                    f"reads the same as code {seen[folded]}"))
        seen.setdefault(folded, code)
    problems += [Problem("stop_words", f"'{word}' is not one lower-case word")
                 for word in content.stop_words if not word.isalpha() or word != word.lower()]
    return problems


def _coverage_problems(content: LanguageContent) -> list[Problem]:
    """Every criterion of the library needs member wording, and only those may have it."""
    problems = _procedure_problems(content)
    library = default_library()
    for set_id, entries in content.reasons.items():
        criteria_set = library.by_id.get(set_id)
        if criteria_set is None:
            problems.append(Problem(f"reasons.{set_id}", "no criteria set has this id"))
            continue
        ids = {c.id for c in criteria_set.criteria}
        problems += [Problem(f"reasons.{set_id}.{c}", "the set has no criterion with this id")
                     for c in entries if c not in ids]
    for criteria_set in library.sets:
        if criteria_set.id not in content.reasons:
            problems.append(Problem(f"reasons.{criteria_set.id}", "member wording is missing"))
            continue
        problems += [
            Problem(f"reasons.{criteria_set.id}.{c.id}", "member wording is missing")
            for c in criteria_set.criteria if c.id not in content.reasons[criteria_set.id]
        ]
    if content.studies is not None:
        rules = default_applicability().spec
        words = content.studies
        for section, names in (("modalities", rules.modalities), ("shows", rules.findings)):
            given = getattr(words, section)
            problems += [Problem(f"studies.{section}.{k}", "not a modality or finding")
                         for k in given if k not in names]
            problems += [Problem(f"studies.{section}.{k}", "the words for this are missing")
                         for k in names if k not in given]
        problems += [Problem(f"studies.studies.{k}", "not a finding") for k in words.studies
                     if k not in rules.findings]
    problems += _extension_reason_problems(content)
    if content.inputs is not None:
        known = set(input_labels.labels())
        problems += [Problem(f"inputs.{k}", "not an input path of resources/labels/inputs.yaml")
                     for k in content.inputs if k not in known]
        problems += [Problem(f"inputs.{k}", "the name of this input is missing")
                     for k in sorted(known - set(content.inputs))]
    return problems


def _extension_reason_problems(content: LanguageContent) -> list[Problem]:
    """Words for every extension reason ``resources/pend-rules.yaml`` defines, and for no
    other."""
    from reviewer_app.core.pend_timeline import extension_reasons

    known = extension_reasons()
    problems = []
    for where, given in (("member.pend", content.member.pend.extension_reasons),
                         ("provider.pend", content.provider.pend.extension_reasons
                          if content.provider else None)):
        if given is None:
            continue
        problems += [Problem(f"{where}.extension_reasons.{key}",
                             "not an extension reason of resources/pend-rules.yaml")
                     for key in given if key not in known]
        problems += [Problem(f"{where}.extension_reasons.{key}", "the words are missing")
                     for key in known if key not in given]
    return problems


def load_content(path: Path) -> LanguageContent:
    """Read and check one language file; ``LetterContentError`` lists every problem."""
    source = str(path)
    content = read_model(path, LanguageContent, LetterContentError)
    problems = []
    if content.language != path.stem:
        problems.append(Problem("language", f"is '{content.language}' but the file is named "
                                f"{path.name}"))
    if content.language == "en" and content.provider is None:
        problems.append(Problem("provider", "English must carry the provider letters"))
    if content.language == "en" and content.inputs is not None:
        problems.append(Problem("inputs", "English input names live in "
                                "resources/labels/inputs.yaml"))
    if content.language != "en" and content.inputs is None:
        problems.append(Problem("inputs", "required for a language other than English"))
    problems += _text_problems(content)
    problems += _coverage_problems(content)
    if problems:
        raise LetterContentError(source, problems)
    return content


def languages() -> tuple[str, ...]:
    """The member-letter languages shipped, e.g. ``("en", "es")``."""
    return letter_languages()


@cache
def content(language: str = "en") -> LanguageContent:
    """The checked wording of one language (read once per process)."""
    if language not in languages():
        raise LookupError(f"no letter wording for language '{language}'")
    return load_content(resources.path("letters", f"{language}.yaml"))


def member_language(tag: str) -> str:
    """The shipped language for a member's BCP 47 tag (``es-MX`` -> ``es``); else English."""
    return member_letter_language(tag)


def service_words(words: Words, procedure_code: str) -> str:
    entry = procedure_list.procedure(procedure_code)
    return getattr(words.services, entry.category) if entry else words.services.other
