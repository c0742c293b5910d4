"""Plain names for input paths (``resources/labels/inputs.yaml``), for missing-information lists."""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer_app.core import resources
from reviewer_app.core.yaml_files import parse_yaml

_INDEX = re.compile(r"^(imaging|prior_treatments)\[(\d+)\](.*)$")
_ITEM = {"imaging": "imaging study", "prior_treatments": "prior treatment"}


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    data = parse_yaml(resources.path("labels", "inputs.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def pattern(path: str) -> str:
    """``imaging[2].findings.x`` -> ``imaging[].findings.x``."""
    match = _INDEX.match(path)
    return f"{match[1]}[]{match[3]}" if match else path


def label(path: str) -> str:
    text = labels().get(pattern(path), path)
    match = _INDEX.match(path)
    if match:
        return f"{_ITEM[match[1]]} {int(match[2]) + 1}: {text}"
    return text
