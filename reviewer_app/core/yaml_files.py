"""Reading YAML content files: fast parsing, and validation into a pydantic model with errors
that name the file and key."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import yaml

from reviewer_app.core.errors import InputError, Problem, pydantic_problems

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (about 10x faster: the criteria, letters and labels
are read on every start of the command line), else the pure-Python one; both are safe."""


def parse_yaml(text: str | bytes):
    """``yaml.safe_load`` through the fastest safe loader available (no pydantic imported:
    the code look-ups use this on their fast path)."""
    return yaml.load(text, Loader=_LOADER)


def read_model(path: Path, model: type[M], error: type[InputError] = InputError) -> M:
    """Parse ``path`` as a YAML mapping and validate it as ``model``; raise ``error`` listing
    every problem (an empty file counts as an empty mapping)."""
    from pydantic import ValidationError

    source = str(path)
    try:
        document = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as problem:
        raise error(source, [Problem("(document)", f"cannot be read: {problem}")]) from None
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise error(source, [Problem("(document)", "must be a mapping of keys to values")])
    try:
        return model.model_validate(document)
    except ValidationError as problem:
        raise error(source, pydantic_problems(problem)) from None
