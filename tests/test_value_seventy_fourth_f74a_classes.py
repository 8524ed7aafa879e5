"""The classes of the English misses of sets 74 and 75, each tested on other sentences than the sets': what Ctrl+N
suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

Case = tuple[str, str, str, TypedValue]


def _ids(cases: list[Case]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


def _check(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


ONE_PERCENTAGE_POINT_UNDER_A_BOUND = [
    # "one percentage point" in words under a bound word is a bounded percentage point, as "almost 1 pp" is.
    ("almost one percentage point", "The new rule cut the jobless rate by almost one percentage point.", "2026-03-01",
     quantity(1, "pp", upper=1)),
    ("nearly one percentage point", "Exports grew nearly one percentage point faster than imports.", "2026-03-01",
     quantity(1, "pp", approximate=True)),
    ("more than one percentage point", "Turnout fell by more than one percentage point in the capital.", "2026-03-01",
     quantity(1, "pp", lower=1)),
    ("one percentage point", "Exports grew one percentage point faster than imports.", "2026-03-01",
     quantity(1, "pp")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), ONE_PERCENTAGE_POINT_UNDER_A_BOUND,
                         ids=_ids(ONE_PERCENTAGE_POINT_UNDER_A_BOUND))
def test_one_percentage_point_in_words_keeps_its_bound(selection: str, context: str, published: str,
                                                       expected: TypedValue) -> None:
    _check(selection, context, published, expected)
