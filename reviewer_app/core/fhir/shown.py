"""What a case imported from a Da Vinci PAS Bundle keeps for the nurse to read, in words: the
record under ``extensions.fhir_request`` (:mod:`.mapping`) as headed sections of plain lines.

The wizard shows them read-only beside the fields they concern: diagnoses and procedures the
import could not code (never dropped, issue "FHIR interoperability" item 1), fields kept as sent
but flagged (a failing NPI check digit), the Claim's supporting information and the answers of
any QuestionnaireResponse (Da Vinci DTR), and what the reader warned about. Nothing here is a
field of the case: a questionnaire's answers are the provider's words, not findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer_app.core.criteria import input_labels


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _concept(concept: Any) -> str:
    """A CodeableConcept as :mod:`.supporting` kept it: its text, else its codings."""
    if not isinstance(concept, dict):
        return ""
    if concept.get("text"):
        return _text(concept["text"])
    return "; ".join(_coding(c) for c in concept.get("codings") or [])


def _coding(coding: dict[str, Any]) -> str:
    """"SNOMED CT 18347007 (Spinal stenosis of lumbar region)"; a system known only by its
    URL is left out (the code is what a person reads)."""
    code = _text(coding.get("code"))
    system = _text(coding.get("system_name"))
    display = _text(coding.get("display"))
    shown = f"{system} {code}".strip()
    if display:
        return f"{shown} ({display})" if shown else display
    return shown or _text(coding.get("system"))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(path: str) -> str:
    label = input_labels.labels().get(input_labels.pattern(path))
    if label:
        return label
    words = path.replace("_", " ").replace(".", " ").split()
    return " ".join(w.upper() if w in ("npi", "id") else w for w in words)


def _value(value: Any) -> str:
    if isinstance(value, dict):
        if "attachment" in value:
            attachment = value["attachment"]
            title = _text(attachment.get("title")) or "untitled"
            kind = _text(attachment.get("contentType"))
            where = "its content in the Bundle" if value.get("has_data") else (
                _text(attachment.get("url")) or "no content")
            return f"document {title}{f' ({kind})' if kind else ''}: {where}"
        if "resource_type" in value:
            words = _text(value.get("text"))
            return f"{value['resource_type']}{f': {words}' if words else ''}"
        if "reference" in value:
            return f"a reference the Bundle does not hold ({_text(value['reference'])})"
        if "value" in value:  # a Quantity
            return f"{_text(value.get('value'))} {_text(value.get('unit'))}".strip()
        return _text(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return _text(value)


def _to_be_coded(record: dict[str, Any]) -> Section | None:
    lines = []
    for item in record.get("to_be_coded") or []:
        kind = "Diagnosis" if item.get("kind") == "diagnosis" else "Procedure"
        sent = "; ".join(_coding(c) if isinstance(c, dict) else _text(c)
                         for c in item.get("codes") or []) or "no code"
        words = _text(item.get("text"))
        lines.append(f"{kind} as sent: {sent}{f' — “{words}”' if words else ''}. "
                     f"{_sentence(_text(item.get('reason')))}.")
    return Section("To be coded by you", tuple(lines)) if lines else None


def _flags(record: dict[str, Any]) -> Section | None:
    lines = []
    for flag in record.get("flags") or []:
        label = _label(_text(flag.get("field")))
        lines.append(f"{_sentence(label)}: {_text(flag.get('value'))} was kept as "
                     f"sent, but {_text(flag.get('problem'))}.")
    return Section("Kept as sent, to be checked", tuple(lines)) if lines else None


def _supporting(record: dict[str, Any]) -> Section | None:
    lines = []
    for info in record.get("supporting_info") or []:
        what = _concept(info.get("category")) or "information"
        code = _concept(info.get("code"))
        when = info.get("timingDate") or (info.get("timingPeriod") or {}).get("start")
        parts = [f"{info.get('sequence')}. {_sentence(what)}"]
        if code:
            parts.append(f" ({code})")
        if when:
            parts.append(f", {_text(when)}")
        value = _value(info.get("value")) if "value" in info else ""
        reason = _concept(info.get("reason"))
        lines.append("".join(parts) + (f": {value}" if value else "")
                     + (f" (reason: {reason})" if reason else ""))
    return Section("Supporting information sent with the request", tuple(lines)) \
        if lines else None


def _questionnaires(record: dict[str, Any]) -> list[Section]:
    sections = []
    for response in record.get("questionnaire_responses") or []:
        title = _text(response.get("questionnaire")) or _text(response.get("full_url"))
        lines = []
        if response.get("authored") or response.get("status"):
            lines.append(f"Status {_text(response.get('status')) or 'not given'}, authored "
                         f"{_text(response.get('authored')) or 'when not given'}.")
        for answer in response.get("answers") or []:
            question = _text(answer.get("text")) or _text(answer.get("link_id"))
            path = " › ".join(_text(g) for g in answer.get("groups") or [] if g)
            said = "; ".join(_value(a) for a in answer.get("answer") or [])
            lines.append(f"{f'{path} › ' if path else ''}{question}: {said}")
        if response.get("cut"):
            lines.append("More answers than are shown here: the stored Bundle keeps them all.")
        sections.append(Section(f"Questionnaire answers (Da Vinci DTR): {title}", tuple(lines)))
    return sections


def _warnings(record: dict[str, Any]) -> Section | None:
    lines = tuple(f"{_text(w.get('element'))}: {_text(w.get('message'))}"
                  for w in record.get("warnings") or [])
    return Section("What the import warned about", lines) if lines else None


def request_sections(record: dict[str, Any] | None) -> list[Section]:
    """The sections to show for ``extensions.fhir_request`` (empty when there is none)."""
    if not isinstance(record, dict):
        return []
    found = [_to_be_coded(record), _flags(record), _supporting(record),
             *_questionnaires(record), _warnings(record)]
    return [section for section in found if section is not None]


def uncoded_diagnoses(record: dict[str, Any] | None) -> list[str]:
    """The diagnoses of the request the import could not code, one line each."""
    section = _to_be_coded(record) if isinstance(record, dict) else None
    return [line for line in (section.lines if section else ()) if line.startswith("Diagnosis")]


def source_line(record: dict[str, Any] | None) -> str:
    """Where the request came from, in one sentence."""
    if not isinstance(record, dict):
        return ""
    claim = record.get("claim") or {}
    name = _text(claim.get("id") or claim.get("full_url")) or "without an id"
    received = {"timestamp": "; the received time is the Bundle's timestamp",
                "import": "; the Bundle has no timestamp, so the received time is when it was "
                          "imported (check it)"}.get(_text(record.get("received_at_from")), "")
    return (f"Imported from a Da Vinci PAS request Bundle (Claim {name}), kept as received"
            f"{received}.")
