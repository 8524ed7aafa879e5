"""The English classes of misses sets 52 and 53 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that names what
it needs)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, quantity, same_in_context

PUBLISHED = "2026-05-14"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


DEADWEIGHT_TONNES = [
    # A ship's size in deadweight tonnes is a measure, as tonnes are: no count of "dwt" things, and the unit is "dwt"
    # whatever noun follows.
    ("8,000 dwt", "", "An 8,000 dwt barge can now carry only 5,000 tonnes of grain.", quantity(8000, "dwt")),
    ("45,000 dwt", "", "The new berth takes bulk carriers of 45,000 dwt and more.", quantity(45000, "dwt")),
    # A guard: tonnes stay tonnes.
    ("5,000 tonnes", "", "An 8,000 dwt barge can now carry only 5,000 tonnes of grain.", quantity(5000, "tonnes")),
]


@pytest.mark.parametrize("case", DEADWEIGHT_TONNES, ids=[case[0] for case in DEADWEIGHT_TONNES])
def test_deadweight_tonnes_are_a_measure(case: Case) -> None:
    _check(case)
