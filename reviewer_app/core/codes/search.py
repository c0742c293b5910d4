"""ICD-10-CM search, one query box: a code prefix (``c795``, ``M84.58``) or words.

Code prefixes are read off the sorted table (:mod:`reviewer_app.core.codes.icd10`). The word
index is built on the first word search only. It also covers the tabular list's inclusion terms
(``icd10cm-terms.tsv``), inherited by every code below the one that lists them, because those
hold words clinicians search with: "vertebrae" is an inclusion term of M84.58, not part of any
title under it.
"""

from __future__ import annotations

import heapq
import threading
from bisect import bisect_left
from collections import defaultdict
from itertools import accumulate, islice

from reviewer_app.core import resources
from reviewer_app.core.codes.icd10 import CodeEntry, CodeTable, code_prefix, table
from reviewer_app.core.codes.words import Group, has_group, query_groups, search_form

ICD10_TERMS_PATH = resources.path("codes", "icd10cm-terms.tsv")


def search_icd10(text: str, limit: int = 20, billable_only: bool = False) -> list[CodeEntry]:
    """One query box: code prefixes (``c795``, ``M84.58``) and description words.

    Every query word must start some word of the title or of an inclusion term
    (``path fract neopl vert`` finds M84.58XA). Order: the exact code, codes starting with the
    query in code order, then word matches, billable before categories, shorter titles first.

    A query that starts some code is answered with codes only: the titles' code-shaped words
    are cross-references ("C79" in a note), noise under a code the nurse is typing. It also
    spares code queries the word index, built on the first word query. A single letter is
    taken as the start of a word, not as a chapter of codes.
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
    return [
        codes.entry_at(offset) for offset in _word_index().matches(groups, limit, billable_only)
    ]


class _WordIndex:
    """Word -> rows, for prefix queries; rows are numbered in result order (see ``build``)."""

    def __init__(
        self,
        offsets: list[int],
        rows: list[str],
        vocabulary: list[str],
        postings: list[list[int]],
        billable_count: int,
    ):
        self.offsets = offsets
        self.rows = rows
        self.vocabulary = vocabulary
        self.postings = postings
        self.billable_count = billable_count
        self.cumulative = list(accumulate(map(len, postings), initial=0))

    @classmethod
    def build(cls, table: CodeTable, terms_text: str) -> _WordIndex:
        """Rows are ranked once, billable first, then by title length, then by code, so that
        the best matches of any query are simply its lowest row numbers.

        Nearly all of the time goes to the one pass that files about a million (word, row)
        pairs; a GUI can run one search on a worker thread to have the index ready.
        """
        lines = table.text.split("\n")
        lines.pop()
        codes = [line[: line.index("\t")] for line in lines]
        offsets = list(accumulate(map((1).__add__, map(len, lines)), initial=0))
        folded = search_form(table.text).split("\n")
        folded.pop()
        rows = [
            " " + line[line.index("\t", len(code) + 1) + 1 :]
            for line, code in zip(folded, codes, strict=True)
        ]
        term_lines = zip(terms_text.split("\n"), search_form(terms_text).split("\n"), strict=True)
        for raw, term in term_lines:
            owner, tab, _ = raw.partition("\t")
            if not tab or raw.startswith("#"):
                continue
            first = bisect_left(codes, owner)
            end = bisect_left(codes, owner + "~", first)
            suffix = " " + term[len(owner) + 1 :]
            rows[first:end] = [row + suffix for row in rows[first:end]]
        rank_key = [
            (line[len(code) + 1] == "0") * 4096 + len(line) - len(code)
            for line, code in zip(lines, codes, strict=True)
        ]
        order = sorted(range(len(lines)), key=rank_key.__getitem__)
        ranked_rows = [rows[i] for i in order]
        words: defaultdict[str, list[int]] = defaultdict(list)
        for rank, row in enumerate(ranked_rows):
            for word in row.split():
                words[word].append(rank)
        vocabulary = sorted(words)
        return cls(
            [offsets[i] for i in order],
            ranked_rows,
            vocabulary,
            [words[w] for w in vocabulary],
            sum(1 for key in rank_key if key < 4096),
        )

    def matches(self, groups: list[Group], limit: int, billable_only: bool) -> list[int]:
        """Table offsets of the best rows in which every group matches.

        When even the rarest group is common (short prefixes: ``a b c``), its rows are walked
        best first and the other groups checked on each, which finds ``limit`` rows long before
        sets of tens of thousands of rows could be built; a bounded walk falls back to sets.
        Otherwise the rarest group is expanded to rows, and each further group either checked
        against the text of the remaining rows or expanded too, whichever is cheaper.
        """
        groups = sorted(groups, key=self._size)
        rarest, others = groups[0], groups[1:]
        if all(len(alternative) == 1 for alternative in rarest) and (
            not others or self._size(rarest) > _WALK_FROM
        ):
            walked = self._walk(rarest, others, limit, billable_only)
            if walked is not None:
                return [self.offsets[r] for r in walked]
        found = self._rows(rarest)
        for group in others:
            if not found:
                break
            if self._size(group) > 8 * len(found):
                found = {r for r in found if has_group(self.rows[r], group)}
            else:
                found &= self._rows(group)
        if billable_only:
            found = {r for r in found if r < self.billable_count}
        return [self.offsets[r] for r in heapq.nsmallest(limit, found)]

    def _range(self, prefix: str) -> tuple[int, int]:
        return bisect_left(self.vocabulary, prefix), bisect_left(self.vocabulary, prefix + "{")

    def _word_size(self, prefix: str) -> int:
        lo, hi = self._range(prefix)
        return self.cumulative[hi] - self.cumulative[lo]

    def _size(self, group: Group) -> int:
        """An upper bound of the rows a group matches, read off the cumulative posting sizes."""
        return sum(min(map(self._word_size, alternative)) for alternative in group)

    def _word_rows(self, prefix: str) -> set[int]:
        lo, hi = self._range(prefix)
        return set().union(*self.postings[lo:hi])

    def _rows(self, group: Group) -> set[int]:
        found: set[int] = set()
        for alternative in group:
            words = sorted(alternative, key=self._word_size)
            matched = self._word_rows(words[0])
            for word in words[1:]:
                matched &= self._word_rows(word)
            found |= matched
        return found

    def _walk(
        self, group: Group, others: list[Group], limit: int, billable_only: bool
    ) -> list[int] | None:
        """The lowest rows of ``group`` that also match ``others``, merged lazily from the sorted
        postings; None when that takes more than ``_WALK_BUDGET`` rows (others are rare)."""
        lists = [p for (word,) in group for p in self.postings[slice(*self._range(word))]]
        found: list[int] = []
        previous = -1
        for walked, rank in enumerate(heapq.merge(*lists)):
            if billable_only and rank >= self.billable_count:
                break
            if rank == previous:
                continue
            previous = rank
            if others and walked > _WALK_BUDGET:
                return None
            if all(has_group(self.rows[rank], other) for other in others):
                found.append(rank)
                if len(found) >= limit:
                    break
        return found


_WALK_FROM = 20_000
_WALK_BUDGET = 1_500
_word_index_built: list[_WordIndex] = []
_word_index_lock = threading.Lock()


def _word_index() -> _WordIndex:
    """Built once, under a lock, so a GUI thread warming it and a query cannot both build it."""
    if not _word_index_built:
        with _word_index_lock:
            if not _word_index_built:
                terms = ICD10_TERMS_PATH.read_text(encoding="utf-8")
                _word_index_built.append(_WordIndex.build(table(), terms))
    return _word_index_built[0]
