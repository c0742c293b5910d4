"""Reading a YAML content file into a pydantic model, with errors that name the file and key."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from reviewer_app.core.errors import InputError, Problem, pydantic_problems

M = TypeVar("M", bound=BaseModel)


def read_model(path: Path, model: type[M], error: type[InputError] = InputError) -> M:
    """Parse ``path`` as a YAML mapping and validate it as ``model``; raise ``error`` listing
    every problem (an empty file counts as an empty mapping)."""
    source = str(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
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
