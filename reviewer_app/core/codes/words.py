"""How text becomes search words, the same way for a query and for what it is matched against.

Lower case, accents off, and every character other than an ASCII letter or digit a separator:
``Ménière's`` is the words ``meniere s``. The ICD-10-CM index is built from text folded here
(``tools/build_icd10_index.py``), so a query folded here meets exactly the words indexed.
"""

from __future__ import annotations

import codecs
import unicodedata

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

Group = tuple[tuple[str, ...], ...]
"""One query word as alternatives, each a tuple of word prefixes that must all match."""

_FOLD_ERRORS = "reviewer_app.codes.fold"


def query_groups(text: str) -> list[Group]:
    """A query as one group a word; a row matches when it matches every group."""
    return [_alternatives(word) for word in search_form(text).split()]


def has_group(row: str, group: Group) -> bool:
    """``row`` holds search words separated by spaces, with a leading space."""
    return any(all(f" {word}" in row for word in alternative) for alternative in group)


def search_form(text: str) -> str:
    """Lower case, accents off, every character but an ASCII letter or digit a space."""
    return text.encode("ascii", _FOLD_ERRORS).translate(_SEARCH_BYTES).decode("ascii")


def _alternatives(word: str) -> Group:
    extra = [
        tuple(alternative.split())
        for key, alternatives in SYNONYMS.items()
        if key == word or (len(word) >= 5 and key.startswith(word))
        for alternative in alternatives
    ]
    return ((word,), *dict.fromkeys(a for a in extra if not a[0].startswith(word)))


def _fold_error(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return unicodedata.normalize("NFKD", chunk).encode("ascii", "ignore").decode(), error.end


codecs.register_error(_FOLD_ERRORS, _fold_error)

_SEARCH_BYTES = bytes(
    b + 32 if 65 <= b <= 90 else b if (48 <= b <= 57 or 97 <= b <= 122) else 32
    for b in range(256)
)

