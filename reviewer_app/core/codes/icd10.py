"""The ICD-10-CM table: is a code valid, billable, neoplastic, and what is it called.

The table is ``resources/codes/icd10cm.tsv``, generated from simple-icd-10-cm by
``tools/build_icd10_index.py`` (that library takes about 1.5 s to import, so it is never
imported here). The file is sorted by code, so a code is found by binary search over the text
itself: loading is one read, with no per-code objects, which keeps a command-line run cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice

from reviewer_app.core import resources

ICD10_PATH = resources.path("codes", "icd10cm.tsv")

_ICD10_SHAPE = re.compile(r"([A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9]))(?:\.?([0-9A-Z]{1,4}))?")
_ICD10_PREFIX = re.compile(r"[A-Z][0-9]|[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])\.?[0-9A-Z]{0,4}")


@dataclass(frozen=True)
class CodeEntry:
    code: str
    description: str
    billable: bool


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
    codes = table()
    entry = codes.entry(code)
    if entry is None:
        raise ValueError(f"'{code}' is not in the ICD-10-CM code set{codes.hint_for_unknown(code)}")
    if not entry.billable:
        example = codes.first_billable_under(code)
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
    return table().entry(normalized)


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


def code_prefix(text: str) -> str | None:
    """The dotted code prefix a query spells (``c795`` -> ``C79.5``), if it spells one."""
    cleaned = text.strip().upper()
    if not _ICD10_PREFIX.fullmatch(cleaned):
        return None
    if "." not in cleaned and len(cleaned) > 3:
        cleaned = f"{cleaned[:3]}.{cleaned[3:]}"
    return cleaned


class CodeTable:
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
        """The row of ``code`` exactly as the table spells it (see :func:`normalize_icd10`)."""
        offset = self.line_at_or_after(code)
        if not self.text.startswith(f"{code}\t", offset):
            return None
        return self.entry_at(offset)

    def entry_from(self, offset: int, code: str) -> CodeEntry | None:
        """The row of ``code``, read at ``offset`` when its line starts there (the search index
        records where each line starts), else found by binary search."""
        if self.text.startswith(f"{code}\t", offset):
            return self.entry_at(offset)
        return self.entry(code)

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
def table() -> CodeTable:
    return CodeTable(ICD10_PATH.read_text(encoding="utf-8"))
