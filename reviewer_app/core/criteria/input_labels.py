"""Plain labels for input paths, in one place: the rationale, the letters and the window all ask
:func:`label` what ``imaging[1].findings.alignment`` is called.

The words are content. English is the one label file, ``resources/labels/inputs.yaml`` (the
``ur-case/1`` inputs, and the score paths the evidence quotes); another language translates
every entry of it in the ``inputs`` section of its letter wording,
``resources/letters/<language>.yaml``, which the letters check on loading
(:mod:`reviewer_app.core.letters.content`). ``imaging[]`` stands for any one study; the entries
``imaging[]`` and ``prior_treatments[]`` name one item of the list ("imaging study {n}"), which
numbers a path into that list: "imaging study 2: spinal alignment (...)".
"""

from __future__ import annotations

import re
from functools import cache

from reviewer_app.core import resources
from reviewer_app.core.yaml_files import parse_yaml

_INDEX = re.compile(r"^(imaging|prior_treatments)\[(\d+)\](.*)$")

ITEMS = ("imaging[]", "prior_treatments[]")
"""The entries that name one item of a list; ``{n}`` is its number, from 1."""


@cache
def labels(language: str = "en") -> dict[str, str]:
    """Path pattern -> words, in ``language`` (read once per process)."""
    if language == "en":
        data = parse_yaml(resources.path("labels", "inputs.yaml").read_text(encoding="utf-8"))
    else:
        source = resources.path("letters", f"{language}.yaml")
        if not source.is_file():
            raise LookupError(f"no input labels for language '{language}'")
        data = (parse_yaml(source.read_text(encoding="utf-8")) or {}).get("inputs") or {}
    return {str(k): str(v) for k, v in data.items()}


def pattern(path: str) -> str:
    """``imaging[2].findings.x`` -> ``imaging[].findings.x``."""
    match = _INDEX.match(path)
    return f"{match[1]}[]{match[3]}" if match else path


def label(path: str, language: str = "en", *, numbered: bool = True,
          default: str | None = None) -> str:
    """The plain label of ``path`` in ``language``: ``imaging[1].findings.alignment`` ->
    "imaging study 2: spinal alignment (normal, new deformity, subluxation or translation)".

    ``numbered=False`` leaves out the "imaging study 2:" prefix, for a screen that names the
    study itself; a path no entry names reads as ``default``, else as the path itself.
    """
    names = labels(language)
    match = _INDEX.match(path)
    if match and not match[3]:
        return names[f"{match[1]}[]"].format(n=int(match[2]) + 1)
    text = names.get(pattern(path))
    if text is None:
        if default is not None:
            return default
        text = path
    if match and numbered:
        return f"{names[f'{match[1]}[]'].format(n=int(match[2]) + 1)}: {text}"
    return text
