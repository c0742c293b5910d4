"""The ``ur-case/1`` document while the intake wizard builds it, read and written by path.

A path spells a place in the document the way the evaluator names its inputs:
``member.birth_date``, ``imaging[0].findings.retropulsion``, ``prior_treatments[2].end``.
"Not reported" is the key being absent (the contract's "missing"): setting ``None`` removes the
key, and an object left empty by that is removed too, unless it is an item of a list (a new
prior-treatment row with nothing in it yet is still a row). An empty list is kept: for
``prior_treatments`` it means "none were given", which is not the same as not reported.

The data stays plain JSON (dicts, lists, strings, numbers, booleans), so a draft is stored and
restored as text without loss, whatever state of completion or validity it is in.
"""

from __future__ import annotations

import copy
import functools
import itertools
import json
import re
from typing import Any

from reviewer_app.core.case import FORMAT

_SEGMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)")

Key = str | int


@functools.lru_cache(maxsize=4096)
def split_path(path: str) -> tuple[Key, ...]:
    """``imaging[0].findings.x`` -> ``("imaging", 0, "findings", "x")`` (remembered: the
    wizard reads some sixty paths after every committed field)."""
    parts: list[Key] = []
    position = 0
    expect_name = True
    while position < len(path):
        match = _SEGMENT.match(path, position)
        if match is None:
            raise ValueError(f"not a document path: {path!r}")
        name, index, dot = match.groups()
        if dot:
            if expect_name:
                raise ValueError(f"not a document path: {path!r}")
            expect_name = True
        elif name is not None:
            if not expect_name:
                raise ValueError(f"not a document path: {path!r}")
            parts.append(name)
            expect_name = False
        else:
            if not parts:
                raise ValueError(f"not a document path: {path!r}")
            parts.append(int(index))
            expect_name = False
        position = match.end()
    if not parts or expect_name:
        raise ValueError(f"not a document path: {path!r}")
    return tuple(parts)


def join_path(parts: tuple[Key, ...] | list[Key]) -> str:
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def get_path(data: Any, path: str, default: Any = None) -> Any:
    """The value at ``path`` inside plain JSON data (not a copy), or ``default``."""
    node = data
    for part in split_path(path):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return default
        elif not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


class DraftDocument:
    """A partial ``ur-case/1`` document: JSON data addressed by path."""

    def __init__(self, data: dict[str, Any] | None = None):
        self._data: dict[str, Any] = copy.deepcopy(data) if data else {}
        self._data["format"] = FORMAT

    @classmethod
    def from_json(cls, text: str) -> DraftDocument:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a draft document is a JSON object")
        return cls(data)

    def to_json(self) -> str:
        return json.dumps(self._data, ensure_ascii=False, separators=(",", ":"))

    @property
    def data(self) -> dict[str, Any]:
        """A copy of the whole document."""
        return copy.deepcopy(self._data)

    def copy(self) -> DraftDocument:
        return DraftDocument(self._data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DraftDocument) and self._data == other._data

    def get(self, path: str, default: Any = None) -> Any:
        """The value at ``path`` (a copy for objects and lists), or ``default`` if absent."""
        node = get_path(self._data, path, _ABSENT)
        if node is _ABSENT:
            return default
        return copy.deepcopy(node) if isinstance(node, dict | list) else node

    def has(self, path: str) -> bool:
        return self.get(path, _ABSENT) is not _ABSENT

    def set(self, path: str, value: Any) -> bool:
        """Put ``value`` at ``path`` (``None`` removes it); True when the document changed."""
        parts = split_path(path)
        if value is None:
            return self._remove(parts)
        if parts == ("format",):
            raise ValueError("the format is fixed")
        node = self._data
        for part, following in itertools.pairwise(parts):
            node = self._step(node, part, following, path)
        last = parts[-1]
        value = copy.deepcopy(value)
        if isinstance(last, int):
            if not isinstance(node, list) or last >= len(node):
                raise IndexError(f"{path}: there is no item {last + 1}")
            if node[last] == value:
                return False
        elif node.get(last, _ABSENT) == value:
            return False
        node[last] = value
        return True

    def length(self, path: str) -> int:
        """How many items the list at ``path`` has (0 when absent)."""
        value = self.get(path)
        return len(value) if isinstance(value, list) else 0

    def insert(self, path: str, index: int, item: Any) -> None:
        """Insert ``item`` into the list at ``path`` (created when absent)."""
        items = self._list(path, create=True)
        if not 0 <= index <= len(items):
            raise IndexError(f"{path}: cannot insert at {index + 1}")
        items.insert(index, copy.deepcopy(item))

    def append(self, path: str, item: Any) -> int:
        """Add ``item`` at the end of the list at ``path``; its index."""
        index = self.length(path)
        self.insert(path, index, item)
        return index

    def pop(self, path: str, index: int) -> Any:
        """Remove item ``index`` of the list at ``path`` (the list itself stays, even empty)."""
        items = self._list(path, create=False)
        if items is None or not 0 <= index < len(items):
            raise IndexError(f"{path}: there is no item {index + 1}")
        return items.pop(index)

    def move(self, path: str, index: int, to: int) -> None:
        items = self._list(path, create=False)
        if items is None or not (0 <= index < len(items) and 0 <= to < len(items)):
            raise IndexError(f"{path}: cannot move item {index + 1} to {to + 1}")
        items.insert(to, items.pop(index))

    def _list(self, path: str, *, create: bool) -> list | None:
        parts = split_path(path)
        node = self._data
        for part, following in itertools.pairwise(parts):
            node = self._step(node, part, following, path)
        last = parts[-1]
        if isinstance(last, int):
            raise ValueError(f"{path} names a list item, not a list")
        found = node.get(last)
        if found is None:
            if not create:
                return None
            found = node[last] = []
        if not isinstance(found, list):
            raise ValueError(f"{path} is not a list")
        return found

    @staticmethod
    def _step(node: Any, part: Key, following: Key, path: str) -> Any:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                raise IndexError(f"{path}: there is no item {part + 1}")
            return node[part]
        if not isinstance(node, dict):
            raise ValueError(f"{path}: {part} is not inside an object")
        child = node.get(part)
        if child is None:
            if isinstance(following, int):
                raise IndexError(f"{path}: there is no list {part}")
            child = node[part] = {}
        return child

    def _remove(self, parts: tuple[Key, ...]) -> bool:
        if parts == ("format",):
            raise ValueError("the format is fixed")
        trail: list[tuple[Any, Key]] = []
        node: Any = self._data
        for part in parts[:-1]:
            if isinstance(part, int):
                if not isinstance(node, list) or part >= len(node):
                    return False
            elif not isinstance(node, dict) or part not in node:
                return False
            trail.append((node, part))
            node = node[part]
        last = parts[-1]
        if isinstance(last, int) or not isinstance(node, dict) or last not in node:
            if isinstance(last, int):
                raise ValueError("remove a list item with pop()")
            return False
        del node[last]
        while trail and node == {}:
            parent, key = trail.pop()
            if isinstance(parent, list):
                break
            del parent[key]
            node = parent
        return True


_ABSENT = object()
