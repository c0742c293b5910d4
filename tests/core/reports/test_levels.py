"""How a level mention is read, and when a mention is at the requested levels."""

import pytest

from reviewer_app.core.reports.mentions import parse_levels
from reviewer_app.core.reports.propose import at_requested
from reviewer_app.core.reports.rules import default_rules


@pytest.mark.parametrize(("words", "groups"), [
    (["L2"], (("L2",),)),
    (["l4", "-", "5"], (("L4", "L5"),)),
    (["L4", "-", "L5"], (("L4", "L5"),)),
    (["L5", "-", "S1"], (("L5", "S1"),)),
    (["T12", "-", "L1"], (("T12", "L1"),)),
    (["L2", "/", "3"], (("L2", "L3"),)),
    (["L4", "on", "L5"], (("L4", "L5"),)),
    (["L1", "through", "L3"], (("L1",), ("L2",), ("L3",))),
    (["from", "T10", "to", "T12"], (("T10",), ("T11",), ("T12",))),
    (["T13"], ()),
    (["C7", "-", "8"], ()),
])
def test_parse_levels(words, groups):
    assert parse_levels(words, default_rules().level_words) == groups


def test_a_segment_is_at_the_requested_levels_when_both_are_requested():
    assert at_requested(("L4", "L5"), frozenset({"L4", "L5"}))
    assert not at_requested(("L3", "L4"), frozenset({"L4", "L5"}))
    assert at_requested(("L4", "L5"), frozenset({"L5"}))
    assert at_requested(("L2",), frozenset({"L1", "L2", "L3"}))
    assert not at_requested(("T8",), frozenset({"L2"}))
