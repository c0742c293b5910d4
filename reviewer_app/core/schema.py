"""JSON Schemas of ``ur-case/1`` and ``ur-determination/1``, generated from the models.

The committed copies in ``resources/schema/`` are for other systems (portals, fax intake,
test suites); a test fails when they no longer match the models. Rules a JSON Schema cannot
say (NPI check digit, billable ICD-10-CM codes) are stated in the field descriptions.
"""

from __future__ import annotations

import json
from pathlib import Path

from reviewer_app.core.case import Case
from reviewer_app.core.determination import Determination

_NOTES = {
    "npi": "10 digits with a valid check digit (Luhn over the NPI prefixed with 80840)",
    "code": "ICD-10-CM: a valid billable code, with or without the dot, any case; "
    "CPT: 5 characters; HCPCS: a letter and 4 digits",
}


def _annotate(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for name, prop in value.items():
                    if name in _NOTES and isinstance(prop, dict):
                        prop.setdefault("description", _NOTES[name])
            _annotate(value)
    elif isinstance(node, list):
        for item in node:
            _annotate(item)
    return node


def schemas() -> dict[str, dict]:
    case = _annotate(Case.model_json_schema(mode="validation"))
    case["$id"] = "urn:reviewer-app:ur-case/1"
    case["title"] = "ur-case/1"
    determination = Determination.model_json_schema(mode="serialization")
    determination["$id"] = "urn:reviewer-app:ur-determination/1"
    determination["title"] = "ur-determination/1"
    return {
        "ur-case-1.schema.json": case,
        "ur-determination-1.schema.json": determination,
    }


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        target = directory / name
        target.write_text(render(schema), encoding="utf-8")
        written.append(target)
    return written
