"""What the wizard makes of a study's report reading: which proposals it offers as
suggestions, and the record it keeps of them in the draft (``extensions.report_readings``).

The reader (:mod:`reviewer_app.core.reports`) proposes what the text states; the wizard offers
a proposal only for a finding the study is asked (:func:`~reviewer_app.core.intake.findings.
study_access`: its modality can show it and the case asks it, or a positive value counts from
any study), so a suggestion never fills a field the form would not offer. Uncertain and
other-level mentions are listed for the nurse, never entered.

The record is the reader's ``provenance()`` entry (format ``ur-report-reading/1``,
docs/case-format.md, "Findings read from a report") with the SHA-256 of the report text it was
read from (its offsets count characters of that text). It is written when the nurse first
accepts or rejects a suggestion of the reading, and from then on every change of the draft
brings each finding's ``decision`` and ``entered`` up to date with the study's findings
(:func:`sync`): ``accepted`` (entered as proposed), ``changed`` (the nurse's own value) or
``rejected`` (nothing entered). The stored case keeps it, so the case's history shows which
findings came from the report and which the nurse changed.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from reviewer_app.core.criteria.applicability import default_applicability
from reviewer_app.core.intake.document import DraftDocument
from reviewer_app.core.intake.findings import FindingAccess
from reviewer_app.core.levels import LEVELS

if TYPE_CHECKING:
    from reviewer_app.core.reports.propose import Proposal, ReportReading

EXTENSION = "extensions.report_readings"


def study_levels(document: DraftDocument, index: int) -> list[str]:
    """The levels a study's report is read for: the study's own, else the requested ones."""
    for path in (f"imaging[{index}].levels", "service.levels"):
        levels = document.get(path)
        if isinstance(levels, list) and levels and all(level in LEVELS for level in levels):
            return levels
    return []


def offered(reading: ReportReading, access: dict[str, FindingAccess]) -> dict[str, Proposal]:
    """The proposals the form can take: the finding is offered for this study, and for a
    study that can show only positives, the value is one that counts."""
    rules = default_applicability()
    found = {}
    for name, proposal in reading.proposals.items():
        item = access.get(name)
        if item is None or not item.offered:
            continue
        if item.state == "positive_only" and not rules.positive(name, proposal.value):
            continue
        found[name] = proposal
    return found


def not_offered(reading: ReportReading, access: dict[str, FindingAccess]) -> dict[str, str]:
    """Proposals the form does not take, with the reason (the finding is not asked)."""
    kept = offered(reading, access)
    return {name: (access[name].reason if name in access else "not a finding of the form")
            for name in reading.proposals if name not in kept}


def unstated(reading: ReportReading, access: dict[str, FindingAccess],
             document: DraftDocument, index: int) -> list[str]:
    """Findings the study is asked that the report neither proposes nor mentions, still
    unreported: what the nurse sets by hand (or records as not seen)."""
    mentioned = {item.mention.finding for item in (*reading.uncertain, *reading.other_levels,
                                                   *reading.not_shown)}
    return [name for name, item in access.items()
            if item.state == "asked" and name not in reading.proposals
            and name not in mentioned
            and not document.has(f"imaging[{index}].findings.{name}")]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entries(document: DraftDocument) -> list[dict[str, Any]]:
    value = document.get(EXTENSION)
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def entry_for(document: DraftDocument, index: int) -> dict[str, Any] | None:
    return next((e for e in entries(document) if e.get("study") == index), None)


def _findings(document: DraftDocument, index: int) -> dict[str, Any]:
    value = document.get(f"imaging[{index}].findings")
    return value if isinstance(value, dict) else {}


def record(document: DraftDocument, index: int, reading: ReportReading,
           proposals: dict[str, Proposal], text: str) -> None:
    """Keep the reading of study ``index`` (replacing an earlier one of that study) with the
    nurse's decisions as the draft now stands. ``proposals``: the ones offered."""
    entry = reading.provenance(index, _findings(document, index))
    entry["findings"] = {name: value for name, value in entry["findings"].items()
                         if name in proposals}
    entry["report_sha256"] = text_sha256(text)
    kept = [e for e in entries(document) if e.get("study") != index]
    kept.append(entry)
    kept.sort(key=lambda e: e.get("study", 0))
    document.set(EXTENSION, kept)


def decision(proposed: Any, entered: Any) -> str:
    if entered is None:
        return "rejected"
    if entered == proposed and type(entered) is type(proposed):
        return "accepted"
    return "changed"


def sync(document: DraftDocument) -> bool:
    """Bring every reading's decisions up to date with its study's findings; True when the
    record changed. A reading of a study that is no longer there is dropped."""
    found = entries(document)
    if not found:
        return False
    count = document.length("imaging")
    updated = []
    for entry in found:
        index = entry.get("study")
        if not isinstance(index, int) or not 0 <= index < count:
            continue
        values = _findings(document, index)
        entry = dict(entry)
        findings = {}
        for name, item in (entry.get("findings") or {}).items():
            entered = values.get(name)
            findings[name] = {**item, "decision": decision(item.get("proposed"), entered),
                              "entered": entered}
        entry["findings"] = findings
        updated.append(entry)
    return document.set(EXTENSION, updated or None)


def remove_study(document: DraftDocument, index: int) -> None:
    """Study ``index`` is removed: its reading goes, the later studies' readings follow their
    studies down by one."""
    kept = []
    for entry in entries(document):
        study = entry.get("study")
        if study == index:
            continue
        if isinstance(study, int) and study > index:
            entry = {**entry, "study": study - 1}
        kept.append(entry)
    document.set(EXTENSION, kept or None)
