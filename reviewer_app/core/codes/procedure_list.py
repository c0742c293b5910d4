"""The procedure codes the criteria library names: ``resources/codes/procedures.yaml``.

Written by hand, with descriptions in our own words (CPT descriptors are AMA copyright), and
validated when loaded: a wrong field, category or code shape is a load error naming the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reviewer_app.core import resources
from reviewer_app.core.codes.words import has_group, query_groups, search_form

PROCEDURES_PATH = resources.path("codes", "procedures.yaml")
NAMES_PATH = resources.path("codes", "procedure-names.tsv")
"""``code<TAB>category<TAB>description`` for each entry of ``procedures.yaml``, generated from
it (``python tools/build_procedure_names.py``; a test fails when it is stale). The queue names
every row's procedure at start-up, and this table reads in a millisecond, where the YAML and
its validation (PyYAML, pydantic) take about 0.1 s."""

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

_CPT_CODE = re.compile(r"\d{4}[0-9FTU]")
_HCPCS_CODE = re.compile(r"[A-V]\d{4}")


@dataclass(frozen=True)
class ProcedureEntry:
    code: str
    system: str
    description: str
    category: str
    add_on: bool


def procedure(code: str) -> ProcedureEntry | None:
    return _procedure_map().get(code.strip().upper())


def procedures() -> list[ProcedureEntry]:
    return list(_procedures())


def search_procedures(text: str, limit: int = 20) -> list[ProcedureEntry]:
    """Code prefixes, then description and category words; primary codes before add-ons."""
    query = text.strip().upper()
    groups = query_groups(text)
    by_code: list[ProcedureEntry] = []
    by_words: list[ProcedureEntry] = []
    for entry in sorted(_procedures(), key=lambda e: e.code):
        if query and " " not in query and entry.code.startswith(query):
            by_code.append(entry)
        elif groups:
            words = search_form(f"{entry.description} {entry.category} {entry.system}").split()
            row = f" {' '.join(words)} "
            if all(has_group(row, group) for group in groups):
                by_words.append(entry)
    by_words.sort(key=lambda e: e.add_on)
    return (by_code + by_words)[: max(limit, 0)]


def procedure_name(code: str) -> tuple[str, str] | None:
    """``(category, description)`` of a listed code, from the generated names table."""
    return _names().get(code.strip().upper())


@cache
def _names() -> dict[str, tuple[str, str]]:
    names = {}
    for line in NAMES_PATH.read_text(encoding="utf-8").splitlines():
        code, category, description = line.split("\t")
        names[code] = (category, description)
    return names


def names_table(entries: tuple[ProcedureEntry, ...]) -> str:
    """The text of :data:`NAMES_PATH` for ``entries``."""
    return "".join(f"{e.code}\t{e.category}\t{e.description}\n" for e in entries)


@cache
def _procedures() -> tuple[ProcedureEntry, ...]:
    return load_procedures(PROCEDURES_PATH)


@cache
def _procedure_map() -> dict[str, ProcedureEntry]:
    return {entry.code: entry for entry in _procedures()}


def load_procedures(path: Path) -> tuple[ProcedureEntry, ...]:
    """Read and validate a procedure list; any problem is a ``ValueError`` naming file and entry.

    PyYAML and pydantic are imported here rather than at the top so that importing this module,
    which every command does, stays cheap.
    """
    from typing import Literal

    import yaml
    from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

    from reviewer_app.core.yaml_files import parse_yaml

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
        document = parse_yaml(path.read_text(encoding="utf-8"))
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
