"""What kind of value each document path takes, read off the ``ur-case/1`` model.

The wizard builds each field from this (a yes/no/not-reported choice for a boolean, a list of
the contract's values for an enumeration, a number, a date), so a field can never offer a value
the contract refuses, and a field added to the model needs no second description here.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import AwareDatetime, BaseModel

from reviewer_app.core.case import Case
from reviewer_app.core.intake.document import split_path

Kind = Literal["bool", "choice", "int", "float", "date", "datetime", "text", "levels",
               "choices", "list", "object"]


@dataclass(frozen=True)
class FieldKind:
    kind: Kind
    choices: tuple[Any, ...] = ()
    """The contract's values, in its order (``choice``: one of them; ``choices``: several)."""
    required: bool = False
    model: type[BaseModel] | None = None
    """For ``object`` and ``list`` of objects: the model of the object."""


def _strip(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``None`` and ``Annotated``; whether ``None`` was allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
            if len(args) != 1:
                return annotation, optional
        else:
            return annotation, optional


def _kind(annotation: Any, required: bool, name: str) -> FieldKind:
    annotation, _ = _strip(annotation)
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return FieldKind("choice", typing.get_args(annotation), required)
    if origin is list:
        (item,) = typing.get_args(annotation)
        item, _ = _strip(item)
        if typing.get_origin(item) is Literal:
            return FieldKind("choices", typing.get_args(item), required)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return FieldKind("list", (), required, item)
        if name == "levels":
            return FieldKind("levels", (), required)
        return FieldKind("list", (), required)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FieldKind("object", (), required, annotation)
    if annotation is bool:
        return FieldKind("bool", (), required)
    if annotation is int:
        return FieldKind("int", (), required)
    if annotation is float:
        return FieldKind("float", (), required)
    if annotation in (AwareDatetime, dt.datetime):
        return FieldKind("datetime", (), required)
    if annotation is dt.date:
        return FieldKind("date", (), required)
    return FieldKind("text", (), required)


def field_kind(path: str) -> FieldKind:
    """``imaging[0].findings.retropulsion`` -> a ``bool``; ``symptoms.red_flags`` -> ``choices``.

    A ``KeyError`` names a path that is not part of the contract."""
    model: type[BaseModel] = Case
    found: FieldKind | None = None
    parts = [p for p in split_path(path) if not isinstance(p, int)]
    for position, name in enumerate(parts):
        if model is None or name not in model.model_fields:
            raise KeyError(f"{path} is not a field of ur-case/1")
        info = model.model_fields[name]
        found = _kind(info.annotation, info.is_required(), name)
        last = position == len(parts) - 1
        if not last and found.kind not in ("object", "list"):
            raise KeyError(f"{path} is not a field of ur-case/1")
        model = found.model
    assert found is not None
    return found
