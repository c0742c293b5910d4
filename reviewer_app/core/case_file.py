"""Reading ``ur-case/1`` documents, with errors that name the file, the field and the problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from reviewer_app.core.case import Case

_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field (not part of ur-case/1; put local additions under 'extensions')",
    "literal_error": None,
    "json_invalid": None,
}


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


class CaseFileError(Exception):
    """A document that is not a valid ``ur-case/1`` case; nothing was read from it."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.source}: {p.field}: {p.message}" for p in self.problems]


def field_path(loc: tuple[str | int, ...]) -> str:
    """``('imaging', 0, 'findings', 'escc_grade')`` -> ``imaging[0].findings.escc_grade``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(document)"


def _problem(error: dict) -> Problem:
    loc = tuple(p for p in error["loc"] if p not in ("function-after[_code_shape(), Procedure]",))
    kind = error["type"]
    message = _MESSAGES.get(kind) or error["msg"]
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    if kind == "json_invalid":
        message = f"not valid JSON ({error['ctx'].get('error', error['msg'])})"
    return Problem(field_path(loc), message)


def problems_from(error: ValidationError) -> list[Problem]:
    return [_problem(e) for e in error.errors(include_url=False)]


def parse_case(text: str | bytes, source: str) -> Case:
    """Validate one document; raise :class:`CaseFileError` listing every problem found."""
    try:
        return Case.model_validate_json(text, strict=True)
    except ValidationError as error:
        raise CaseFileError(source, problems_from(error)) from None


def load_case(path: str | Path) -> Case:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CaseFileError(str(path), [Problem("(file)", error.strerror or str(error))]) from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise CaseFileError(str(path), [Problem("(file)", "not UTF-8 text")]) from None
    return parse_case(data, str(path))
