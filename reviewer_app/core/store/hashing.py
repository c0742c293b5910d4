"""Canonical serialisation and SHA-256, the ground of the audit chain.

The canonical form is compact JSON with sorted keys and non-ASCII kept as UTF-8, so the same
values always give the same bytes, in any process and on any platform. Values must be what
SQLite gives back (str, int, float, None, bytes): a ``bool`` or a ``datetime`` would not survive
the round trip and the hash would not verify. A BLOB (a signed letter, an encrypted key) enters a
row's hash as the SHA-256 of its bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

GENESIS = "0" * 64
"""The ``prev_hash`` of the first audit entry."""


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _hashable(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    return value


def row_hash(row: Mapping[str, Any], columns: Sequence[str]) -> str:
    """The hash of a row's values in a fixed column order (names included, so a swap shows)."""
    return sha256_text(canonical([[name, _hashable(row[name])] for name in columns]))
