"""A case database with its organization CA, two reviewers and the seed case, and a context on
it (throw-away settings, the UI tests' fixed clock)."""

import pytest
from sessionkit import team_database
from support.uikit import make_context


@pytest.fixture
def team_context(tmp_path, qapp):
    team_database(tmp_path / "cases.sqlite3")
    context = make_context(tmp_path)
    yield context
    context.close()
