"""Who sends the letters: the plan's name, addresses, numbers, logo and taglines.

The defaults ship in ``resources/letters/letterhead.yaml`` (a fictional plan with 555
numbers); an organization points :func:`load_letterhead` at its own copy. Language-assistance
taglines (45 CFR 147.136(e); 45 CFR 92.11) belong here rather than with the wording of one
language, because which languages a plan must list depends on where its members live.

The free texts a letter prints inside its own sentences (:data:`FREE_TEXTS`) are kept per
letter language, ``{en: ..., es: ...}``, because a Spanish member letter must not print the
organization's English words inside Spanish prose (issue 12). A letterhead written before they
had languages holds one string, read as the English text. Each has a shipped default sentence
in every wording file (``words.<key>`` of ``resources/letters/<language>.yaml``), which a
letter prints when the letterhead has no text in its language; so a Spanish letter from a
letterhead with only the English text prints the shipped Spanish sentence, never the English.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from string import Formatter
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from reviewer_app.core import resources
from reviewer_app.core.atomic import write_atomic
from reviewer_app.core.errors import Problem, pydantic_problems
from reviewer_app.core.languages import language_name, letter_languages
from reviewer_app.core.letters import fonts, shaped
from reviewer_app.core.letters.errors import LetterContentError
from reviewer_app.core.letters.language_check import foreign_language
from reviewer_app.core.yaml_files import read_model

DEFAULT_PATH = resources.path("letters", "letterhead.yaml")
TAGLINE_SLOTS = frozenset({"phone", "tty"})
WRITTEN_HEADER = ("# The organization's letterhead, written by UR Reviewer (File > Settings); the "
                  "command line\n# reads it through letters.yaml beside the case database. The "
                  "keys are those of\n# resources/letters/letterhead.yaml.\n")
FREE_TEXTS = ("plan_provision", "consumer_assistance", "medicaid_policy")
"""The letterhead's texts that letters print inside their own sentences, one per letter
language (see the module's text)."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tagline(_Data):
    language: str = Field(pattern=r"^[a-z]{2,3}$")
    """The primary language subtag; the tagline is left out of letters in that language."""
    text: str = Field(min_length=5)
    """One sentence in that language, with ``{phone}`` and ``{tty}`` filled from here."""

    @model_validator(mode="before")
    @classmethod
    def _without_fallback(cls, value: Any) -> Any:
        """Letterheads saved before the Arabic and Hindi taglines could be set carry an
        English ``fallback`` line for them; their ``text`` is printed now, so it is dropped."""
        if isinstance(value, Mapping) and "fallback" in value:
            return {k: v for k, v in value.items() if k != "fallback"}
        return value


class Appeals(_Data):
    address: tuple[str, ...] = Field(min_length=1)
    phone: str
    fax: str


FAIR_HEARING_DAYS = (90, 120)
"""42 CFR 438.408(f)(2) as amended by 85 FR 72754, 72842 (Nov. 13, 2020): the enrollee asks for
a State fair hearing "within a time period specified by the State, no less than 90 calendar days
and no more than 120 calendar days" from the plan's notice of resolution (eCFR text, found with
the search tool; States differ: e.g. Arkansas 90, Vermont 120)."""
FAIR_HEARING_DAYS_DEFAULT = 120
"""Kept for a letterhead written before the window was a setting (the letters said 120)."""


class Letterhead(_Data):
    organization: str = Field(min_length=1)
    address: tuple[str, ...] = Field(min_length=1)
    phone: str
    tty: str
    fax: str | None = None
    logo: Path | None = None
    """A PNG or JPEG drawn at the top left; relative paths are read from the YAML's folder."""
    appeals: Appeals
    peer_to_peer_phone: str
    taglines: tuple[Tagline, ...] = ()
    consumer_assistance: dict[str, str] | None = None
    """The state's office of health insurance consumer assistance or ombudsman (PHS Act 2793),
    name and phone, for commercial adverse determinations (45 CFR
    147.136(b)(2)(ii)(E)(5)), per letter language; without it the letter says how to get it
    from the plan."""
    plan_provision: dict[str, str] | None = None
    """The plan-document provision medical-necessity decisions rest on, e.g. "Evidence of
    Coverage, section 4.2 (Medically necessary services)" (29 CFR 2560.503-1(g)(1)(ii)), per
    letter language."""
    medicaid_fair_hearing_days: int = Field(FAIR_HEARING_DAYS_DEFAULT,
                                            ge=FAIR_HEARING_DAYS[0], le=FAIR_HEARING_DAYS[1])
    """The days the State gives a Medicaid member to ask for a State fair hearing after the
    plan's appeal decision, which Medicaid letters print."""
    medicaid_policy: dict[str, str] | None = None
    """The state Medicaid rule or policy behind a medical-necessity denial (42 CFR
    431.210(c)), e.g. "89 Ill. Adm. Code 140.40", per letter language; the federal rule is
    named without it."""

    @field_validator(*FREE_TEXTS, mode="before")
    @classmethod
    def _per_language(cls, value: Any) -> Any:
        """One string is the English text (a letterhead written before the texts had
        languages); blank texts are left out, and no text at all is None."""
        if isinstance(value, str):
            value = {"en": value}
        if isinstance(value, Mapping):
            value = {k: v.strip() if isinstance(v, str) else v for k, v in value.items()
                     if not (isinstance(v, str) and not v.strip()) and v is not None}
            return value or None
        return value

    @field_validator(*FREE_TEXTS)
    @classmethod
    def _letter_languages(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        shipped = letter_languages()
        for language in value or {}:
            if language not in shipped:
                raise ValueError(f"no letters are written in '{language}' (letter languages: "
                                 f"{', '.join(shipped)})")
        return value

    @field_validator("taglines")
    @classmethod
    def _one_per_language(cls, value: tuple[Tagline, ...]) -> tuple[Tagline, ...]:
        seen = [t.language for t in value]
        for language in seen:
            if seen.count(language) > 1:
                raise ValueError(f"two taglines for language '{language}'")
        return value

    def free_text(self, key: str, language: str) -> str | None:
        """The organization's text ``key`` (one of :data:`FREE_TEXTS`) in ``language``; None
        when it has none in that language (the letter prints its shipped sentence)."""
        return (getattr(self, key) or {}).get(language)

    def tagline_texts(self, letter_language: str) -> list[str]:
        """The taglines a letter in ``letter_language`` prints, filled in."""
        return [t.text.format(phone=self.phone, tty=self.tty)
                for t in self.taglines if t.language != letter_language]


def load_letterhead(path: str | Path | None = None) -> Letterhead:
    """Read and check a letterhead file; ``LetterContentError`` names the file and the key."""
    path = Path(path) if path else DEFAULT_PATH
    return _checked(read_model(path, Letterhead, LetterContentError), path)


def save_letterhead(path: str | Path, document: Mapping[str, Any]) -> Letterhead:
    """Check ``document`` (the keys of a letterhead file) as :func:`load_letterhead` checks a
    file, write it to ``path`` atomically, and read it back as a letter would. Nothing is
    written when it is refused (``LetterContentError`` naming the key)."""
    from pydantic import ValidationError

    path = Path(path)
    try:
        model = Letterhead.model_validate(dict(document))
    except ValidationError as error:
        raise LetterContentError(str(path), pydantic_problems(error)) from None
    _checked(model, path)
    text = yaml.safe_dump(_plain(document), allow_unicode=True, sort_keys=False, width=100)
    write_atomic(path, (WRITTEN_HEADER + text).encode("utf-8"))
    return load_letterhead(path)



def _plain(value: Any) -> Any:
    """Plain YAML values: paths as text, tuples as lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def _free_texts(letterhead: Letterhead) -> list[tuple[str, str]]:
    """``("plan_provision.es", text)`` for each free text of each language."""
    return [(f"{key}.{language}", text) for key in FREE_TEXTS
            for language, text in (getattr(letterhead, key) or {}).items()]


def _checked(letterhead: Letterhead, path: Path) -> Letterhead:
    """What the model cannot check alone: the logo beside the file, the taglines' slots,
    fonts and brackets, and every character the letter font must draw."""
    source = str(path)
    problems: list[Problem] = []
    if letterhead.logo is not None:
        logo = letterhead.logo if letterhead.logo.is_absolute() else path.parent / letterhead.logo
        if not logo.is_file():
            problems.append(Problem("logo", f"no such file: {logo}"))
        letterhead = letterhead.model_copy(update={"logo": logo})
    for index, tagline in enumerate(letterhead.taglines):
        key = f"taglines[{index}].text"
        names = {n for _, n, _, _ in Formatter().parse(tagline.text) if n is not None}
        if names - TAGLINE_SLOTS:
            problems.append(Problem(key, f"unknown slot {{{sorted(names - TAGLINE_SLOTS)[0]}}};"
                                    " allowed: {phone}, {tty}"))
            continue
        try:
            fonts.font_runs(tagline.text)
        except ValueError as error:
            problems.append(Problem(key, f"the '{tagline.language}' tagline cannot be set: "
                                    f"{error}"))
            continue
        line = tagline.text.format(phone=letterhead.phone, tty=letterhead.tty)
        if part := shaped.misordered(line, (letterhead.phone, letterhead.tty)):
            problems.append(Problem(key, f"the '{tagline.language}' tagline would print "
                                    f"{part!r} out of order in its right-to-left text; put a "
                                    "left-to-right mark (U+200E) on each side of the "
                                    "left-to-right part, e.g. \"\\u200e{phone} (TTY {tty})"
                                    "\\u200e\""))
    for key, text in (("organization", letterhead.organization), *(
        (f"address[{i}]", line) for i, line in enumerate(letterhead.address)
    ), *_free_texts(letterhead)):
        if fonts.missing_glyphs(text):
            problems.append(Problem(key, "the letter font cannot draw "
                                    + ", ".join(fonts.missing_glyphs(text))))
    for key, text in _free_texts(letterhead):
        language = key.rpartition(".")[2]
        if found := foreign_language(text, language):
            problems.append(Problem(key, f"reads as {language_name(found)}, but it is printed "
                                    f"in {language_name(language)} letters: write it in "
                                    f"{language_name(language)}"))
    if problems:
        raise LetterContentError(source, problems)
    return letterhead
