"""Input errors that name the file, the field and the problem, and nothing of the member."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core.characters import printable

FIELD_SHOWN = 200
"""How much of a source name or a field path a message shows (an unknown key can be long)."""


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


class InputError(Exception):
    """A file that could not be used; nothing was read from it or written because of it."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """``FILE: field: problem``, safe to print: control characters in a file name, a key
        or an echoed value are shown as escapes (:func:`.characters.printable`)."""
        source = printable(self.source, FIELD_SHOWN)
        return [f"{source}: {printable(p.field, FIELD_SHOWN)}: {printable(p.message, 1000)}"
                for p in self.problems]


def field_path(loc: tuple[str | int, ...]) -> str:
    """``('imaging', 0, 'findings', 'escc_grade')`` -> ``imaging[0].findings.escc_grade``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(document)"


def pydantic_problems(error) -> list[Problem]:
    """Plain messages for a pydantic ``ValidationError``."""
    problems = []
    for item in error.errors(include_url=False):
        kind = item["type"]
        message = item["msg"]
        if kind == "missing":
            message = "required field is missing"
        elif kind == "extra_forbidden":
            message = "unknown field (not allowed here; check the spelling)"
        elif kind == "value_error":
            message = message.removeprefix("Value error, ")
        elif kind == "json_invalid":
            message = f"not valid JSON ({item.get('ctx', {}).get('error', message)})"
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p and "(" in p))
        problems.append(Problem(field_path(loc), message))
    return problems
