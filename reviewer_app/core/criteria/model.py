"""A criteria set as validated data: what ``resources/criteria/*.yaml`` may contain."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from reviewer_app.core.criteria.logic import Node

_ID = r"^[a-z0-9][a-z0-9-]*$"
_CODE = re.compile(r"^(\d{4}[0-9FTU]|[A-V]\d{4})$")


class Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReferenceEntry(Data):
    id: str = Field(pattern=_ID)
    citation: str = Field(min_length=10)
    url: str | None = None


class Explain(Data):
    """Rationale sentences per status, with ``{variable}`` slots filled from the member's case."""

    met: str | None = None
    not_met: str | None = None
    unknown: str | None = None


class CriterionSpec(Data):
    id: str = Field(pattern=_ID)
    kind: Literal["requirement", "indication", "contraindication"]
    text: str = Field(min_length=10)
    references: list[str] = Field(min_length=1)
    logic: dict[str, Any]
    explain: Explain = Explain()
    why_needed: str | None = None
    """Why the criterion's inputs matter, for the missing-information sentences."""

    _node: Node | None = PrivateAttr(default=None)

    @property
    def node(self) -> Node:
        """The compiled logic (read straight from pydantic's private storage: this runs for
        every criterion of every evaluation)."""
        return self.__pydantic_private__["_node"]


class Alternative(Data):
    """A sentence on why another treatment falls short, shown when ``when`` is met."""

    id: str = Field(pattern=_ID)
    when: dict[str, Any]
    text: str = Field(min_length=10)
    references: list[str] = Field(min_length=1)

    _node: Node | None = PrivateAttr(default=None)

    @property
    def node(self) -> Node:
        return self.__pydantic_private__["_node"]


class SelectionRule(Data):
    """The set applies when the primary procedure is listed and, if given, the neoplastic
    condition holds (criteria guide, "Criteria set selection")."""

    procedures: list[str] = Field(min_length=1)
    neoplastic_diagnosis: bool | None = None


class Change(Data):
    """One entry of a set's history: the version it produced, when, what changed and why."""

    version: str = Field(min_length=1)
    date: date
    what: str = Field(min_length=10)
    why: str = Field(min_length=10)


class CriteriaSetSpec(Data):
    format: Literal["ur-criteria/1"]
    id: str = Field(pattern=_ID)
    title: str = Field(min_length=5)
    titles: dict[str, str] = {}
    """The title in each member-letter language other than English, by language code (member
    letters name the rules they applied in the member's language; issue 12)."""
    version: str = Field(min_length=1)
    effective: date
    summary: str = Field(min_length=10)
    selection: list[SelectionRule] = Field(min_length=1)
    basis: list[str] = Field(min_length=1)
    """Reference ids of the policies the set as a whole rests on."""
    references: list[ReferenceEntry] = Field(min_length=1)
    criteria: list[CriterionSpec] = Field(min_length=1)
    alternatives: list[Alternative] = []
    changes: list[Change] = Field(min_length=1)
    """The set's history, oldest first; the last entry is the set's current version."""


class CriteriaSet:
    """A loaded, compiled set with the sha256 of the file as read."""

    def __init__(self, spec: CriteriaSetSpec, sha256: str, source: str):
        self.spec = spec
        self.sha256 = sha256
        self.source = source
        self.references = {r.id: r for r in spec.references}

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def version(self) -> str:
        return self.spec.version

    @property
    def title(self) -> str:
        return self.spec.title

    def title_in(self, language: str) -> str:
        """The title in ``language``; English when that is the language asked for."""
        return self.spec.title if language == "en" else self.spec.titles[language]

    @property
    def criteria(self) -> list[CriterionSpec]:
        return self.spec.criteria

    def procedures(self) -> set[str]:
        return {code for rule in self.spec.selection for code in rule.procedures}
