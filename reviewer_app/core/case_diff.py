"""What changed between two versions of a ``ur-case/1`` document, field by field.

Compared as JSON values, so a document re-saved with other spacing or key order shows no change.
Lists of codes and words (diagnoses, procedures, levels, red flags) are one value each: "C79.51,
C80.1" before and after reads better than an item per code. Imaging studies and prior
treatments are compared item by item, in order; an item only one side has is one change,
summarised ("CT of 2026-11-20, L2").

Values come back as plain text for a screen or a report (``yes``/``no``, enumerations with
spaces, ``None`` for "not stated"); naming the fields is the screen's business, through
the input labels (:mod:`reviewer_app.core.criteria.input_labels`) and, for what is not an
evaluator input (the member's name, the request number), :func:`document_label`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reviewer_app.core import resources
from reviewer_app.core.criteria.input_labels import pattern
from reviewer_app.core.yaml_files import parse_yaml

ITEM_LISTS = ("imaging", "prior_treatments")
"""Lists whose items are compared one by one; every other list is one value."""
IGNORED = frozenset({"format"})
_TOKEN = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")


@dataclass(frozen=True)
class FieldChange:
    path: str
    """``imaging[0].findings.alignment``; ``imaging[2]`` for a whole study added or removed."""
    before: str | None
    """The earlier value as text; None where the earlier version did not state it."""
    after: str | None

    @property
    def kind(self) -> str:
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "changed"


def diff_documents(before: str | Mapping[str, Any], after: str | Mapping[str, Any],
                   ) -> list[FieldChange]:
    """Every field whose value differs, in the order of the later document."""
    old = json.loads(before) if isinstance(before, str) else before
    new = json.loads(after) if isinstance(after, str) else after
    changes: list[FieldChange] = []
    _compare(old, new, "", changes)
    return changes


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _keys(old: Mapping, new: Mapping) -> list[str]:
    return [*new, *(key for key in old if key not in new)]


def _compare(old: Any, new: Any, path: str, changes: list[FieldChange]) -> None:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key in _keys(old, new):
            if not path and key in IGNORED:
                continue
            _compare(old.get(key), new.get(key), _join(path, key), changes)
        return
    if path in ITEM_LISTS and (isinstance(old, list) or isinstance(new, list)):
        old_items, new_items = old or [], new or []
        for index in range(max(len(old_items), len(new_items))):
            item_path = f"{path}[{index}]"
            if index >= len(old_items):
                changes.append(FieldChange(item_path, None, summary(path, new_items[index])))
            elif index >= len(new_items):
                changes.append(FieldChange(item_path, summary(path, old_items[index]), None))
            else:
                _compare(old_items[index], new_items[index], item_path, changes)
        return
    if old == new:
        return
    if isinstance(old, Mapping) or isinstance(new, Mapping):
        _compare(old or {}, new or {}, path, changes)
        return
    changes.append(FieldChange(path, value_text(old, path), value_text(new, path)))


def value_text(value: Any, path: str = "") -> str | None:
    """A stored value as a reviewer reads it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        if not value:
            return "none"
        return ", ".join(_item_text(item, path) for item in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key.replace('_', ' ')}: {value_text(item)}"
                         for key, item in value.items() if item is not None)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text.replace("_", " ") if _TOKEN.match(text) else text


def _item_text(item: Any, path: str) -> str:
    if isinstance(item, Mapping) and "code" in item:
        units = item.get("units", 1)
        return f"{item['code']} ×{units}" if units != 1 else str(item["code"])
    return value_text(item, path) or "—"


def summary(section: str, item: Mapping[str, Any]) -> str:
    """One line for a whole imaging study or prior treatment."""
    if section == "imaging":
        words = str(item.get("modality", "study")).replace("_", "-")
        if item.get("date"):
            words += f" of {item['date']}"
        if item.get("levels"):
            words += f", {', '.join(item['levels'])}"
        return words
    words = value_text(item.get("type")) or "treatment"
    if item.get("outcome"):
        words += f", {value_text(item['outcome'])}"
    return words


@lru_cache(maxsize=1)
def document_labels() -> dict[str, str]:
    """Names of the document fields that are not evaluator inputs
    (``resources/labels/document.yaml``)."""
    data = parse_yaml(resources.path("labels", "document.yaml").read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in data.items()}


def document_label(path: str) -> str | None:
    """``member.given_name`` -> ``Member's given name``; None for a path it does not name."""
    return document_labels().get(pattern(path))
