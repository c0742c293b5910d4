"""``Claim.supportingInfo`` and the QuestionnaireResponses it points to (Da Vinci DTR), kept
with the draft for the nurse to read (the wizard shows them read-only; nothing here becomes a
field of the case: a questionnaire's answers are the provider's words, not findings).

Each entry keeps its sequence, category, code, timing and value; a referenced resource is
named by type and ``fullUrl``, and a QuestionnaireResponse is flattened into its questions and
answers in order. Texts are cut at :data:`MAX_TEXT` characters and a questionnaire at
:data:`MAX_ANSWERS` answers, said so; the stored Bundle keeps everything.
"""

from __future__ import annotations

from typing import Any

from reviewer_app.core.errors import Problem
from reviewer_app.core.fhir.bundle import Entry, codings, text_of
from reviewer_app.core.fhir.reading import RequestBundle

MAX_TEXT = 4000
MAX_ANSWERS = 500
_VALUES = ("valueString", "valueBoolean", "valueInteger", "valueDecimal", "valueDate",
           "valueDateTime", "valueTime", "valueUri", "valueQuantity", "valueCoding",
           "valueAttachment", "valueReference")


def _cut(text: Any) -> Any:
    if isinstance(text, str) and len(text) > MAX_TEXT:
        return text[:MAX_TEXT] + " [...] (cut here; the stored Bundle has the whole text)"
    return text


def _concept(concept: Any) -> dict[str, Any] | None:
    if not isinstance(concept, dict):
        return None
    found: dict[str, Any] = {"codings": [{k: c.get(k) for k in ("system", "code", "display")
                                          if k in c} for c in codings(concept)]}
    if text_of(concept):
        found["text"] = _cut(text_of(concept))
    return found


def supporting_info(bundle: RequestBundle, warnings: list[Problem]
                    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    info, answers = [], []
    seen: set[int] = set()
    for element in bundle.claim.resource.get("supportingInfo") or []:
        if not isinstance(element, dict):
            continue
        shown: dict[str, Any] = {"sequence": element.get("sequence")}
        for key in ("category", "code"):
            if element.get(key) is not None:
                shown[key] = _concept(element.get(key))
        for key in ("timingDate", "timingPeriod"):
            if key in element:
                shown[key] = element[key]
        reason = _concept(element.get("reason"))
        if reason:
            shown["reason"] = reason
        for key in _VALUES:
            if key not in element:
                continue
            value = element[key]
            if key == "valueReference":
                target = bundle.follow(value)
                shown["value"] = _described(target, value)
                if target is not None and target.type == "QuestionnaireResponse" and \
                        target.index not in seen:
                    seen.add(target.index)
                    answers.append(questionnaire_answers(target, warnings))
            elif key == "valueAttachment" and isinstance(value, dict):
                shown["value"] = {"attachment": {k: _cut(value.get(k)) for k in
                                                 ("title", "contentType", "url", "size")
                                                 if k in value},
                                  "has_data": "data" in value}
            else:
                shown["value"] = _cut(value)
        info.append(shown)
    return info, answers


def _described(target: Entry | None, reference: Any) -> dict[str, Any]:
    if target is None:
        return {"reference": (reference or {}).get("reference") if isinstance(reference, dict)
                else None}
    resource = target.resource
    described: dict[str, Any] = {"resource_type": target.type, "full_url": target.full_url}
    words = (text_of(resource.get("code")) or text_of(resource.get("type"))
             or resource.get("description"))
    if isinstance(words, str):
        described["text"] = _cut(words)
    return described


def questionnaire_answers(entry: Entry, warnings: list[Problem]) -> dict[str, Any]:
    """A QuestionnaireResponse as the nurse reads it: each answered question in order."""
    resource = entry.resource
    found: dict[str, Any] = {"full_url": entry.full_url, "id": entry.id}
    for key in ("questionnaire", "status", "authored"):
        if isinstance(resource.get(key), str):
            found[key] = resource[key]
    rows: list[dict[str, Any]] = []
    cut = _walk(resource.get("item"), rows, [])
    found["answers"] = rows
    if cut:
        found["cut"] = True
        warnings.append(Problem(f"{entry.path}.item", f"more than {MAX_ANSWERS} answers; the "
                                "first are shown, the stored Bundle keeps them all"))
    return found


def _walk(items: Any, rows: list[dict[str, Any]], groups: list[str]) -> bool:
    for item in items or []:
        if not isinstance(item, dict):
            continue
        text = item.get("text") if isinstance(item.get("text"), str) else None
        answers = [_answer(a) for a in item.get("answer") or [] if isinstance(a, dict)]
        if answers:
            if len(rows) >= MAX_ANSWERS:
                return True
            rows.append({"link_id": item.get("linkId"), "text": _cut(text),
                         "groups": list(groups), "answer": answers})
        label = text or str(item.get("linkId") or "")
        if _walk(item.get("item"), rows, [*groups, label]):
            return True
        for answer in item.get("answer") or []:
            if isinstance(answer, dict) and _walk(answer.get("item"), rows, [*groups, label]):
                return True
    return False


def _answer(answer: dict[str, Any]) -> Any:
    for key, value in answer.items():
        if not key.startswith("value"):
            continue
        if key == "valueCoding" and isinstance(value, dict):
            return _cut(value.get("display") or value.get("code"))
        if key == "valueQuantity" and isinstance(value, dict):
            return f"{value.get('value')} {value.get('unit') or value.get('code') or ''}".strip()
        if key == "valueReference" and isinstance(value, dict):
            return value.get("display") or value.get("reference")
        if key == "valueAttachment" and isinstance(value, dict):
            return value.get("title") or "(attachment)"
        return _cut(value)
    return None
