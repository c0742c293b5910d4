"""Reading ``ur-case/1`` documents, with errors that name the file, the field and the problem.

There is one way in, whatever the source (a file named on the command line, a file dropped on
the window, a document read back from the store): :func:`read_case_bytes` for files, then
:func:`parse_case`. Before pydantic sees a document it is read once more by Python's own JSON
parser, which is the only one here that can say what pydantic's cannot:

- a key given twice in one object (pydantic keeps the last one silently, so the index and the
  stored text could disagree about the member);
- ``NaN``, ``Infinity`` and numbers too large for a float (not JSON; printed back they make
  invalid JSON);
- integers of more digits than Python converts (a ``ValueError`` otherwise).

Files are read without trusting what the path names (:mod:`.files`: only a regular file is
opened, and at most :data:`MAX_BYTES` + 1 bytes are ever read).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from pydantic import ValidationError

from reviewer_app.core.case import Case
from reviewer_app.core.characters import printable
from reviewer_app.core.errors import InputError, Problem, pydantic_problems
from reviewer_app.core.files import FileRefused, read_regular_file

MAX_BYTES = 5 * 1024 * 1024
"""A case file's size limit (5 MiB). The largest plausible real request measured for the limit
(``docs/case-format.md``, "Limits") is 0.23 MB; every string and list of the format at its
maximum is 1.45 MB, and ``extensions`` has the rest."""

_EXTRA = "unknown field (not part of ur-case/1; put local additions under 'extensions')"


class CaseFileError(InputError):
    """A document that is not a valid ``ur-case/1`` case."""


def _file_problem(path: Path, message: str) -> CaseFileError:
    return CaseFileError(str(path), [Problem("(file)", message)])


def read_case_bytes(path: str | Path) -> bytes:
    """The bytes of the regular file at ``path``, at most :data:`MAX_BYTES`, as UTF-8 text."""
    path = Path(path)
    try:
        data = read_regular_file(path, MAX_BYTES, _too_large)
    except FileRefused as refused:
        raise _file_problem(path, str(refused)) from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise _file_problem(path, "not UTF-8 text") from None
    return data


def _too_large(size: int, grew: bool = False) -> str:
    what = "more than" if grew else f"{size:,} bytes,"
    return f"{what} the limit of {MAX_BYTES:,} bytes for a case file (5 MiB)"


class _Refused(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _object(pairs: list[tuple[str, object]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(Problem("(document)", f"the key '{printable(key, 60)}' appears "
                                       "more than once in one object; give each key once"))
            seen.add(key)
    return result


def _constant(name: str) -> float:
    raise _Refused(Problem("(document)", f"{name} is not a JSON number; write a number, or "
                                         "leave the field out (not reported)"))


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _Refused(Problem("(document)", f"the number {printable(text, 40)} is too large"))
    return value


def check_json(text: str) -> None:
    """Refuse what pydantic's JSON parser would accept or mis-read: duplicate keys, ``NaN``,
    ``Infinity``, overflowing numbers. Other syntax errors are left to pydantic, whose
    messages name the line and column."""
    try:
        json.loads(text, object_pairs_hook=_object, parse_constant=_constant,
                   parse_float=_finite)
    except _Refused as refused:
        raise refused from None
    except RecursionError:
        raise _Refused(Problem("(document)", "nested too deeply")) from None
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError):
            return
        raise _Refused(Problem("(document)", "a number has too many digits")) from None


def load_json(data: str | bytes, source: str) -> object:
    """Any JSON document (a FHIR Bundle) read under the same rules as a case: at most
    :data:`MAX_BYTES`, UTF-8, each key once, no ``NaN`` or ``Infinity``, not nested deeper
    than Python's parser goes. Every problem is a :class:`CaseFileError` on ``(document)``
    or ``(file)``; a syntax error names its line and column."""
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > MAX_BYTES:
        raise CaseFileError(source, [Problem("(document)", _too_large(size))])
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise CaseFileError(source, [Problem("(file)", "not UTF-8 text")]) from None
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_constant,
                          parse_float=_finite)
    except _Refused as refused:
        raise CaseFileError(source, [refused.problem]) from None
    except RecursionError:
        raise CaseFileError(source, [Problem("(document)", "nested too deeply")]) from None
    except json.JSONDecodeError as error:
        raise CaseFileError(source, [Problem(
            "(document)", f"not valid JSON ({error.msg} at line {error.lineno} column "
                          f"{error.colno})")]) from None
    except ValueError:
        raise CaseFileError(source, [Problem("(document)", "a number has too many digits")]
                            ) from None


def parse_case(text: str | bytes, source: str) -> Case:
    """Validate one document; raise :class:`CaseFileError` listing every problem found."""
    size = len(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    if size > MAX_BYTES:
        raise CaseFileError(source, [Problem("(document)", _too_large(size))])
    try:
        check_json(text.decode("utf-8") if isinstance(text, bytes) else text)
    except UnicodeDecodeError:
        raise CaseFileError(source, [Problem("(file)", "not UTF-8 text")]) from None
    except _Refused as refused:
        raise CaseFileError(source, [refused.problem]) from None
    try:
        return Case.model_validate_json(text, strict=True)
    except ValidationError as error:
        problems = [
            Problem(p.field, _EXTRA) if p.message.startswith("unknown field") else p
            for p in pydantic_problems(error)
        ]
        raise CaseFileError(source, problems) from None


def load_case(path: str | Path) -> Case:
    return parse_case(read_case_bytes(path), str(path))
