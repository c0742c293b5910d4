"""The committed JSON Schemas match the models (regenerate: python tools/export_schemas.py)."""

import json

import pytest

from reviewer_app.core import resources
from reviewer_app.core.schema import render, schemas


@pytest.mark.parametrize("name", sorted(schemas()))
def test_committed_schema_is_current(name):
    committed = resources.path("schema", name).read_text(encoding="utf-8")
    assert committed == render(schemas()[name]), (
        f"resources/schema/{name} is stale: run python tools/export_schemas.py"
    )


def test_case_schema_refuses_unknown_keys_and_names_the_enumerations():
    case = json.loads(resources.path("schema", "ur-case-1.schema.json").read_text())
    assert case["additionalProperties"] is False
    assert case["properties"]["urgency"]["enum"] == ["standard", "expedited"]
    assert "check digit" in case["$defs"]["Provider"]["properties"]["npi"]["description"]
