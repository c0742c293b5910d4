"""Input paths in plain words, for the missing-information list and the criteria evidence.

The words are the core's one label helper (:func:`reviewer_app.core.criteria.input_labels.label`
over ``resources/labels/inputs.yaml``); this module adds what only a screen with the case at
hand can: which study or treatment ``imaging[0]`` is ("— MRI of 2026-11-12"), and evidence read
as "name: value".
"""

from __future__ import annotations

import re

from reviewer_app.core.case import Case
from reviewer_app.core.criteria import input_labels

YES_NO = {"true": "yes", "false": "no"}
_INDEX = re.compile(r"\[(\d+)\]")
_EVIDENCE = re.compile(r"^(?P<path>[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*) = (?P<value>.*)$")


def _item_words(section: str, index: int, case: Case | None) -> str:
    if section == "imaging" and case and case.imaging and index < len(case.imaging):
        study = case.imaging[index]
        when = f" of {study.date.isoformat()}" if study.date else ""
        return f"{study.modality.replace('_', '-')}{when}"
    treatments = case.prior_treatments if case else None
    if section == "prior_treatments" and treatments and index < len(treatments):
        return treatments[index].type.replace("_", " ")
    return f"{section.replace('_', ' ').removesuffix('s')} {index + 1}"


_CHOICES = re.compile(r" \([^()]*, [^()]*\)$")
"""A trailing list of the allowed answers, "(none, sensory, motor, ...)"."""


def describe_field(
    path: str, case: Case | None = None, choices: bool = True, capitalize: bool = True
) -> str:
    """``imaging[0].findings.alignment`` -> ``Spinal alignment (...) — MRI of 2026-11-12``.

    ``choices=False`` drops the list of allowed answers, for when the answer is shown next to it;
    ``capitalize=False`` is for words in the middle of a sentence.
    """
    words = input_labels.label(path, numbered=False, default="")
    if not words:
        words = _INDEX.sub("", path).replace(".", " ").replace("_", " ")
    words = words.removeprefix("the ")
    if not choices:
        words = _CHOICES.sub("", words)
    if capitalize:
        words = words[0].upper() + words[1:]
    match = _INDEX.search(path)
    if match:
        section = path[: match.start()].rsplit(".", 1)[-1]
        words += f" — {_item_words(section, int(match.group(1)), case)}"
    return words


def describe_evidence(evidence: str, case: Case | None = None) -> str:
    """``oncology.kps = 70`` -> ``Karnofsky performance status (0-100): 70``; other text as is."""
    match = _EVIDENCE.match(evidence)
    if not match:
        return evidence
    value = YES_NO.get(match["value"], match["value"])
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace("_", " ")
    return f"{describe_field(match['path'], case, choices=False)}: {value}"
