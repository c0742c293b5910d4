"""Reading ``ur-case/1`` documents, with errors that name the file, the field and the problem."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from reviewer_app.core.case import Case
from reviewer_app.core.errors import InputError, Problem, pydantic_problems

_EXTRA = "unknown field (not part of ur-case/1; put local additions under 'extensions')"


class CaseFileError(InputError):
    """A document that is not a valid ``ur-case/1`` case."""


def parse_case(text: str | bytes, source: str) -> Case:
    """Validate one document; raise :class:`CaseFileError` listing every problem found."""
    try:
        return Case.model_validate_json(text, strict=True)
    except ValidationError as error:
        problems = [
            Problem(p.field, _EXTRA) if p.message.startswith("unknown field") else p
            for p in pydantic_problems(error)
        ]
        raise CaseFileError(source, problems) from None


def read_case_bytes(path: str | Path) -> bytes:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CaseFileError(str(path), [Problem("(file)", error.strerror or str(error))]) from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise CaseFileError(str(path), [Problem("(file)", "not UTF-8 text")]) from None
    return data


def load_case(path: str | Path) -> Case:
    return parse_case(read_case_bytes(path), str(path))
