"""The classes of the Kazakh misses of sets 72 and 73 at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_MINUS_WITH_A_BOUND_AFTER = [
    # "минус 25 градустан төмен" (below minus 25 degrees): the word "минус" is the figure's sign whatever bound the
    # postposition after the unit sets, as "минус 25 градус" alone is -25.
    ("минус 25 градустан төмен", "Түнде ауа температурасы минус 25 градустан төмен түседі.",
     quantity(None, "градус", upper=-25)),
    ("минус 12 градусқа дейін", "Аптаның соңында аяз минус 12 градусқа дейін күшейеді.",
     quantity(None, "градус", upper=-12)),
    # Guard: with no sign the bound stays on the figure as written.
    ("35 градустан жоғары", "Шілдеде аптап 35 градустан жоғары болды.", quantity(35, "градус", lower=35)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_MINUS_WITH_A_BOUND_AFTER,
                         ids=[case[1] for case in KAZAKH_MINUS_WITH_A_BOUND_AFTER])
def test_kazakh_minus_with_a_bound_after(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-01-15", context=context).value, expected)
