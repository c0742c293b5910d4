"""A Bundle's entries and how a reference finds one: by the entry's ``fullUrl``, or by
``Type/id`` (relative references, resolved against any entry of that type and id, as PAS
senders write them: ``Patient/SubscriberExample`` beside ``http://example.org/fhir/Patient/
SubscriberExample``).

Everything here reads the JSON as parsed by the hardened reader (plain dicts and lists); the
model library only validates it (``reading.py``), so that values are read exactly as sent
(a decimal or an instant re-serialized by the models can change).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Entry:
    index: int
    full_url: str | None
    resource: dict[str, Any]

    @property
    def type(self) -> str:
        return str(self.resource.get("resourceType"))

    @property
    def id(self) -> str | None:
        value = self.resource.get("id")
        return value if isinstance(value, str) else None

    @property
    def path(self) -> str:
        return f"entry[{self.index}].resource"

    @property
    def label(self) -> str:
        return f"{self.type}/{self.id}" if self.id else self.type


def entries_of(bundle: dict[str, Any]) -> list[Entry]:
    found = []
    for index, entry in enumerate(bundle.get("entry") or []):
        if isinstance(entry, dict) and isinstance(entry.get("resource"), dict):
            url = entry.get("fullUrl")
            found.append(Entry(index, url if isinstance(url, str) else None, entry["resource"]))
    return found


class Index:
    """The entries of one Bundle, looked up by reference."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._by_url = {e.full_url: e for e in entries if e.full_url}
        self._by_id = {f"{e.type}/{e.id}": e for e in entries if e.id}

    def find(self, reference: str) -> Entry | None:
        found = self._by_url.get(reference)
        if found is not None:
            return found
        parts = reference.rstrip("/").split("/")
        if len(parts) >= 2 and "#" not in reference:
            return self._by_id.get(f"{parts[-2]}/{parts[-1]}")
        return None


def references(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every ``(path, reference)`` under ``value``: each ``reference`` string of a Reference,
    contained resources and narrative aside."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("text", "contained"):
                continue
            if key == "reference" and isinstance(item, str):
                yield f"{path}.reference", item
            else:
                yield from references(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from references(item, f"{path}[{index}]")


def codings(concept: Any) -> list[dict[str, Any]]:
    """The codings of a CodeableConcept (each a dict with the keys it has)."""
    if not isinstance(concept, dict):
        return []
    return [c for c in concept.get("coding") or [] if isinstance(c, dict)]


def extensions(element: Any, url: str) -> list[dict[str, Any]]:
    if not isinstance(element, dict):
        return []
    return [e for e in element.get("extension") or [] if isinstance(e, dict)
            and e.get("url") == url]


def text_of(concept: Any) -> str | None:
    """A CodeableConcept's words: its text, else the first display."""
    if not isinstance(concept, dict):
        return None
    if isinstance(concept.get("text"), str) and concept["text"].strip():
        return concept["text"]
    for coding in codings(concept):
        if isinstance(coding.get("display"), str) and coding["display"].strip():
            return coding["display"]
    return None
