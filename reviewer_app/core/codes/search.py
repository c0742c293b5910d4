"""ICD-10-CM search, one query box: a code prefix (``c795``, ``M84.58``) or words.

Code prefixes are read off the sorted table (:mod:`reviewer_app.core.codes.icd10`). Words are
answered by ``resources/codes/icd10cm-search.sqlite3``, an SQLite FTS5 index generated with the
tables (``tools/build_icd10_index.py`` says how it is laid out). It covers the tabular list's
inclusion terms, inherited by every code below the one that lists them, because those hold
words clinicians search with: "vertebrae" is an inclusion term of M84.58, not part of any title
under it. The file is opened read-only and immutable (no locks, no journal), so an installed,
read-only copy works and nothing is ever written next to it; the build replaces the file by
renaming, so a running application keeps reading the copy it opened.
"""

from __future__ import annotations

import sqlite3
import threading
from functools import cache
from itertools import islice
from pathlib import Path

from reviewer_app.core import resources
from reviewer_app.core.codes.icd10 import CodeEntry, code_prefix, table
from reviewer_app.core.codes.words import Group, query_groups

INDEX_PATH = resources.path("codes", "icd10cm-search.sqlite3")

_PREFIX_INDEX_LETTERS = 1
"""Words this short are FTS5 prefix queries on the index's own prefix index (``prefix='1'``)."""

_BEST = """
SELECT codes.code, codes.line_start
FROM code_words JOIN codes ON codes.id = code_words.rowid
WHERE code_words MATCH ? AND code_words.rowid <= ?
ORDER BY code_words.rowid LIMIT ?
"""
_WORDS_STARTING = "SELECT term FROM terms WHERE term >= ? AND term < ?"


def search_icd10(text: str, limit: int = 20, billable_only: bool = False) -> list[CodeEntry]:
    """Codes under a code prefix, or the codes whose words start with every query word.

    Every query word must start some word of the title or of an inclusion term
    (``path fract neopl vert`` finds M84.58XA). Order: the exact code, codes starting with the
    query in code order, then word matches, billable before categories, shorter titles first.
    A query with neither a code nor a word (``"``, ``*``, ``--``) finds nothing.

    A query that starts some code is answered with codes only: the titles' code-shaped words
    are cross-references ("C79" in a note), noise under a code the nurse is typing. A single
    letter is taken as the start of a word, not as a chapter of codes.
    """
    if limit <= 0:
        return []
    codes = table()
    prefix = code_prefix(text)
    if prefix and codes.has_codes_under(prefix):
        under = (e for e in codes.entries_under(prefix) if e.billable or not billable_only)
        return list(islice(under, limit))
    groups = query_groups(text)
    if not groups:
        return []
    rows = _index().best(groups, limit, billable_only)
    found = (codes.entry_from(start, code) for code, start in rows)
    return [entry for entry in found if entry is not None]


class _Index:
    """One read-only connection to the index, shared by the threads that search, in turn."""

    def __init__(self, path: Path):
        self._connection = sqlite3.connect(
            f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()
        query = "SELECT (SELECT value FROM meta WHERE key = 'billable'), max(id) FROM codes"
        self._billable, self._rows = self._connection.execute(query).fetchone()

    def best(self, groups: list[Group], limit: int, billable_only: bool) -> list[tuple[str, int]]:
        """The first ``limit`` rows matching every group, in result order: each its code and
        where the code's line starts in the table."""
        with self._lock:
            expression = self._expression(groups)
            if expression is None:
                return []
            last = self._billable if billable_only else self._rows
            return self._connection.execute(_BEST, (expression, last, limit)).fetchall()

    def _expression(self, groups: list[Group]) -> str | None:
        """The FTS5 query: every group, each any of its alternatives, each all of its words;
        None when some group can match nothing. Only quoted runs of letters and digits go into
        it, so no query text can be read as FTS5 syntax (``NEAR(``, ``*``, ``"``, ``col:``)."""
        clauses = []
        for group in dict.fromkeys(groups):
            alternatives = [a for a in map(self._all_of, group) if a is not None]
            if not alternatives:
                return None
            clauses.append(alternatives[0] if len(alternatives) == 1 else _any(alternatives))
        return " AND ".join(clauses)

    def _all_of(self, prefixes: tuple[str, ...]) -> str | None:
        clauses = []
        for prefix in prefixes:
            clause = self._starting(prefix)
            if clause is None:
                return None
            clauses.append(clause)
        return clauses[0] if len(clauses) == 1 else f"({' AND '.join(clauses)})"

    def _starting(self, prefix: str) -> str | None:
        """Any indexed word starting with ``prefix``; None when there is none."""
        if len(prefix) <= _PREFIX_INDEX_LETTERS:
            return f'"{prefix}"*'
        rows = self._connection.execute(_WORDS_STARTING, (prefix, f"{prefix}{{"))
        words = [f'"{word}"' for (word,) in rows]
        if not words:
            return None
        return words[0] if len(words) == 1 else _any(words)


def _any(clauses: list[str]) -> str:
    return f"({' OR '.join(clauses)})"


@cache
def _index() -> _Index:
    return _Index(INDEX_PATH)
