"""ICD-10-CM and procedure-code look-up, offline.

The ICD-10-CM table is ``resources/codes/icd10cm.tsv``, generated from simple-icd-10-cm by
``tools/build_icd10_index.py`` (that library takes about 1.5 s to import, so it is never
imported here). The file is sorted by code, so a code is found by binary search over the text
itself: loading is one read, with no per-code objects, which keeps a command-line run cheap.
The word index behind :func:`search_icd10` is built on the first search only. It also covers
the tabular list's inclusion terms (``icd10cm-terms.tsv``), inherited by every code below the
one that lists them, because those hold words clinicians search with: "vertebrae" is an
inclusion term of M84.58, not part of any title under it.

Procedure codes are the hand-written ``resources/codes/procedures.yaml``: the CPT codes the
criteria library names, described in our own words (CPT descriptors are AMA copyright).
"""

from __future__ import annotations

import codecs
import heapq
import re
import threading
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, islice
from pathlib import Path

from reviewer_app.core import resources

ICD10_PATH = resources.path("codes", "icd10cm.tsv")
ICD10_TERMS_PATH = resources.path("codes", "icd10cm-terms.tsv")
PROCEDURES_PATH = resources.path("codes", "procedures.yaml")

PROCEDURE_CATEGORIES = (
    "corpectomy",
    "tumor_excision",
    "fusion",
    "decompression",
    "vertebral_augmentation",
    "mri",
    "instrumentation",
    "interbody_device",
)

_SECONDARY = ("secondary malignant", "secondary carcinoid", "secondary neuroendocrine")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "metastasis": _SECONDARY,
    "metastases": _SECONDARY,
    "metastatic": _SECONDARY,
    "mets": _SECONDARY,
    "spine": ("vertebra", "spinal"),
    "tumor": ("neoplasm",),
    "tumour": ("tumor", "neoplasm"),
    "cancer": ("malignant",),
}
"""Clinical words the ICD-10-CM titles do not use: the tabular list says "secondary malignant
neoplasm" where a request says "metastasis" (plain "secondary" would also find secondary gout).
A query word also matches each alternative (all of its words) when the word is a whole key or
at least five letters starting one."""

_ICD10_SHAPE = re.compile(r"([A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9]))(?:\.?([0-9A-Z]{1,4}))?")
_ICD10_PREFIX = re.compile(r"[A-Z][0-9]|[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])\.?[0-9A-Z]{0,4}")
_CPT_CODE = re.compile(r"\d{4}[0-9FTU]")
_HCPCS_CODE = re.compile(r"[A-V]\d{4}")
_WORD = re.compile(r"[a-z0-9]+")
_FOLD_ERRORS = "reviewer_app.codes.fold"

Group = tuple[tuple[str, ...], ...]
"""One query word as alternatives, each a tuple of word prefixes that must all match."""


@dataclass(frozen=True)
class CodeEntry:
    code: str
    description: str
    billable: bool


@dataclass(frozen=True)
class ProcedureEntry:
    code: str
    system: str
    description: str
    category: str
    add_on: bool


def normalize_icd10(text: str) -> str:
    """``c7951`` / `` C79.51 `` -> ``C79.51``; checks the shape only, not the code set."""
    cleaned = text.strip().upper()
    match = _ICD10_SHAPE.fullmatch(cleaned)
    if match is None:
        if not cleaned:
            raise ValueError("no ICD-10-CM code given")
        raise ValueError(
            f"'{text.strip()}' is not an ICD-10-CM code: expected a category such as C79, "
            "then up to four more characters after an optional dot (e.g. C79.51, M84.58XA)"
        )
    category, rest = match.groups()
    return f"{category}.{rest}" if rest else category


def check_billable_icd10(text: str) -> str:
    """The normalised code if it can go on a claim, else a ``ValueError`` saying what to pick."""
    code = normalize_icd10(text)
    table = _table()
    entry = table.entry(code)
    if entry is None:
        raise ValueError(f"'{code}' is not in the ICD-10-CM code set{table.hint_for_unknown(code)}")
    if not entry.billable:
        example = table.first_billable_under(code)
        raise ValueError(
            f"'{code}' is a category, not a billable code "
            f"(choose a more specific code, e.g. {example})"
        )
    return code


def icd10_entry(code: str) -> CodeEntry | None:
    """The row of a category or code, in any accepted spelling; None when there is none."""
    try:
        normalized = normalize_icd10(code)
    except ValueError:
        return None
    return _table().entry(normalized)


def icd10_description(code: str) -> str | None:
    entry = icd10_entry(code)
    return entry.description if entry else None


def is_neoplastic_icd10(code: str) -> bool:
    """C00-D49 or M84.5- (pathological fracture in neoplastic disease), per the criteria guide.

    Judged on the shape of the code (``ValueError`` for a malformed one), not on membership in
    the code set, so the guide's rule holds for any release of the code set.
    """
    normalized = normalize_icd10(code)
    return "C00" <= normalized[:3] <= "D49" or normalized.startswith("M84.5")


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
    table = _table()
    prefix = _code_prefix(text)
    if prefix and table.has_codes_under(prefix):
        under = (e for e in table.entries_under(prefix) if e.billable or not billable_only)
        return list(islice(under, limit))
    groups = [_alternatives(word) for word in _WORD.findall(_fold(text.lower()))]
    if not groups:
        return []
    return [
        table.entry_at(offset) for offset in _word_index().matches(groups, limit, billable_only)
    ]


def procedure(code: str) -> ProcedureEntry | None:
    return _procedure_map().get(code.strip().upper())


def procedures() -> list[ProcedureEntry]:
    return list(_procedures())


def search_procedures(text: str, limit: int = 20) -> list[ProcedureEntry]:
    """Code prefixes, then description and category words; primary codes before add-ons."""
    query = text.strip().upper()
    groups = [_alternatives(word) for word in _WORD.findall(_fold(text.lower()))]
    by_code: list[ProcedureEntry] = []
    by_words: list[ProcedureEntry] = []
    for entry in sorted(_procedures(), key=lambda e: e.code):
        if query and " " not in query and entry.code.startswith(query):
            by_code.append(entry)
        elif groups:
            row = _search_form(f" {entry.description} {entry.category} {entry.system} ")
            row = " " + " ".join(row.split()) + " "
            if all(_has_group(row, group) for group in groups):
                by_words.append(entry)
    by_words.sort(key=lambda e: e.add_on)
    return (by_code + by_words)[: max(limit, 0)]


def _code_prefix(text: str) -> str | None:
    """The dotted code prefix a query spells (``c795`` -> ``C79.5``), if it spells one."""
    cleaned = text.strip().upper()
    if not _ICD10_PREFIX.fullmatch(cleaned):
        return None
    if "." not in cleaned and len(cleaned) > 3:
        cleaned = f"{cleaned[:3]}.{cleaned[3:]}"
    return cleaned


def _alternatives(word: str) -> Group:
    extra = [
        tuple(alternative.split())
        for key, alternatives in SYNONYMS.items()
        if key == word or (len(word) >= 5 and key.startswith(word))
        for alternative in alternatives
    ]
    return ((word,), *dict.fromkeys(a for a in extra if not a[0].startswith(word)))


def _has_group(row: str, group: Group) -> bool:
    """``row`` holds search words separated by spaces, with a leading space."""
    return any(all(f" {word}" in row for word in alternative) for alternative in group)


def _fold_error(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return unicodedata.normalize("NFKD", chunk).encode("ascii", "ignore").decode(), error.end


codecs.register_error(_FOLD_ERRORS, _fold_error)

_SEARCH_BYTES = bytes(
    b + 32 if 65 <= b <= 90 else b if (48 <= b <= 57 or 97 <= b <= 122 or b in (9, 10)) else 32
    for b in range(256)
)


def _fold(text: str) -> str:
    """Accents off (``Ménière`` -> ``Meniere``); only the rare non-ASCII character costs work."""
    return text if text.isascii() else text.encode("ascii", _FOLD_ERRORS).decode("ascii")


def _search_form(text: str) -> str:
    """Lower case, accents off, every character but letters, digits, tab and newline a space.

    Tabs and line breaks are kept, so line ``i`` of the result is line ``i`` of the input.
    """
    return text.encode("ascii", _FOLD_ERRORS).translate(_SEARCH_BYTES).decode("ascii")


class _Table:
    """The sorted TSV text, searched in place: ``code<TAB>billable<TAB>description`` lines."""

    def __init__(self, text: str):
        self.text = text[text.index("\n") + 1 :] if text.startswith("#") else text

    def line_at_or_after(self, code: str) -> int:
        """Offset of the first line whose code sorts at or after ``code``."""
        text = self.text
        lo, hi = 0, len(text)
        while lo < hi:
            start = text.rfind("\n", 0, (lo + hi) // 2) + 1
            if text[start : text.index("\t", start)] < code:
                lo = text.index("\n", start) + 1
            else:
                hi = start
        return lo

    def entry_at(self, offset: int) -> CodeEntry:
        line = self.text[offset : self.text.index("\n", offset)]
        code, billable, description = line.split("\t", 2)
        return CodeEntry(code, description, billable == "1")

    def entry(self, code: str) -> CodeEntry | None:
        offset = self.line_at_or_after(code)
        if not self.text.startswith(f"{code}\t", offset):
            return None
        return self.entry_at(offset)

    def has_codes_under(self, prefix: str) -> bool:
        return self.text.startswith(prefix, self.line_at_or_after(prefix))

    def entries_under(self, prefix: str) -> Iterator[CodeEntry]:
        """Rows whose code starts with ``prefix``, in code order."""
        offset = self.line_at_or_after(prefix)
        while self.text.startswith(prefix, offset):
            yield self.entry_at(offset)
            offset = self.text.index("\n", offset) + 1

    def first_billable_under(self, code: str) -> str | None:
        return next((e.code for e in self.entries_under(code) if e.billable), None)

    def hint_for_unknown(self, code: str) -> str:
        """Two common slips: a missing ``X`` placeholder, and a code one level too deep."""
        undotted = code.replace(".", "")
        if 4 <= len(undotted) < 7 and undotted[-1].isalpha():
            padded = undotted[:-1].ljust(6, "X") + undotted[-1]
            candidate = f"{padded[:3]}.{padded[3:]}"
            entry = self.entry(candidate)
            if entry is not None and entry.billable:
                return f" (did you mean {candidate}? a 7th character needs X placeholders)"
        for cut in range(len(undotted) - 1, 2, -1):
            ancestor = normalize_icd10(undotted[:cut])
            if self.entry(ancestor) is not None:
                billable = (e.code for e in self.entries_under(ancestor) if e.billable)
                under = list(islice(billable, 3))
                return f" (codes under {ancestor} include {', '.join(under)})" if under else ""
        return ""


@cache
def _table() -> _Table:
    return _Table(ICD10_PATH.read_text(encoding="utf-8"))


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
    def build(cls, table: _Table, terms_text: str) -> _WordIndex:
        """Rows are ranked once, billable first, then by title length, then by code, so that
        the best matches of any query are simply its lowest row numbers.

        Nearly all of the time goes to the one pass that files about a million (word, row)
        pairs; a GUI can run one search on a worker thread to have the index ready.
        """
        lines = table.text.split("\n")
        lines.pop()
        codes = [line[: line.index("\t")] for line in lines]
        offsets = list(accumulate(map((1).__add__, map(len, lines)), initial=0))
        folded = _search_form(table.text).split("\n")
        folded.pop()
        rows = [
            " " + line[line.index("\t", len(code) + 1) + 1 :]
            for line, code in zip(folded, codes, strict=True)
        ]
        term_lines = zip(terms_text.split("\n"), _search_form(terms_text).split("\n"), strict=True)
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
                found = {r for r in found if _has_group(self.rows[r], group)}
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
            if all(_has_group(self.rows[rank], other) for other in others):
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
                _word_index_built.append(_WordIndex.build(_table(), terms))
    return _word_index_built[0]


@cache
def _procedures() -> tuple[ProcedureEntry, ...]:
    return _load_procedures(PROCEDURES_PATH)


@cache
def _procedure_map() -> dict[str, ProcedureEntry]:
    return {entry.code: entry for entry in _procedures()}


def _load_procedures(path: Path) -> tuple[ProcedureEntry, ...]:
    """Read and validate a procedure list; any problem is a ``ValueError`` naming file and entry.

    PyYAML and pydantic are imported here rather than at the top so that importing this module,
    which every command does, stays cheap.
    """
    from typing import Literal

    import yaml
    from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

    class Row(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True)

        code: str
        system: Literal["CPT", "HCPCS"]
        description: str
        category: Literal[PROCEDURE_CATEGORIES]  # type: ignore[valid-type]
        add_on: bool

        @field_validator("code", mode="before")
        @classmethod
        def _quoted(cls, value: object) -> object:
            if isinstance(value, int) and not isinstance(value, bool):
                raise ValueError(f'write the code in quotes ("{value}") so it stays text')
            return value

        @field_validator("description")
        @classmethod
        def _not_blank(cls, value: str) -> str:
            if not value.strip():
                raise ValueError("must not be empty")
            return " ".join(value.split())

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(document, list):
        raise ValueError(f"{path}: expected a list of procedure entries")
    entries: list[ProcedureEntry] = []
    seen: set[str] = set()
    for number, item in enumerate(document, start=1):
        where = f"{path}: entry {number}"
        if isinstance(item, dict) and "code" in item:
            where += f" (code {item['code']})"
        try:
            row = Row.model_validate(item)
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}"
                for e in error.errors(include_url=False)
            )
            raise ValueError(f"{where}: {problems}") from None
        shape = _CPT_CODE if row.system == "CPT" else _HCPCS_CODE
        if not shape.fullmatch(row.code):
            raise ValueError(f"{where}: '{row.code}' is not shaped like a {row.system} code")
        if row.code in seen:
            raise ValueError(f"{where}: code {row.code} is listed twice")
        seen.add(row.code)
        entries.append(ProcedureEntry(**row.model_dump()))
    return tuple(entries)
