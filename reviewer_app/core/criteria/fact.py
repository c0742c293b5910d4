"""One input of a case as a criterion sees it: a value, or what is missing, or a bound."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reviewer_app.core.criteria.result import StudyNeed


@dataclass(frozen=True)
class Pending:
    """A part of a maximum that is not known yet: it could raise the fact up to ``upper``
    (None: without bound), and supplying ``missing`` / ``needs`` would settle it."""

    upper: Any
    missing: tuple[str, ...] = ()
    needs: tuple[StudyNeed, ...] = ()


@dataclass(frozen=True)
class Fact:
    """``value`` None with nothing missing or needed means "not present": nothing to ask for.

    With ``pending`` the fact is a maximum that can only rise: ``value`` is what is known so
    far (None: nothing yet) and each entry could raise it. A comparison asks only for the
    entries that could change its answer, e.g. an unscored lesion that could still reach
    SINS 13, or a longer conservative course whose outcome was not reported. ``order`` lists
    the values of an ordered enumeration (Bilsky grades) from low to high.
    """

    value: Any
    missing: tuple[str, ...] = ()
    label: str = ""
    shown: str | None = None
    pending: tuple[Pending, ...] = ()
    order: tuple[Any, ...] | None = None
    needs: tuple[StudyNeed, ...] = ()

    @property
    def complete(self) -> bool:
        return not (self.missing or self.needs or self.pending)

    @property
    def evidence(self) -> str:
        if self.shown is not None:
            return f"{self.label} = {self.shown}"
        value = self.value
        if value is None:
            return f"{self.label} = not present"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return f"{self.label} = {json.dumps(value)}"
