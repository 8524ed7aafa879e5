"""The English and Russian classes of misses sets 44 and 45 showed at their first score, each tested on other sentences
than the sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that
names the noun)."""

from __future__ import annotations

import pytest
from test_value_words import quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-11-20"

# (highlight, the sentence before or "", its sentence, the curator's value)
Case = tuple[str, str, str, TypedValue]


def _check(case: Case, published: str = PUBLISHED) -> None:
    selection, before, context, expected = case
    same(suggest(selection, published=published, context=context, before=before or None).value, expected)


FRACTIONAL_MULTIPLIERS = [
    # Occasions are whole: "раза" after a fraction or a range with one is a multiplier even without its "в".
    ("почти 2,5 раза", "", "Очередь на границе за месяц выросла почти 2,5 раза.", quantity(2.5, "×", upper=2.5)),
    ("от 1,2 до 1,8 раза", "", "Заявки превышали лимит от 1,2 до 1,8 раза.", quantity(None, "×", lower=1.2, upper=1.8)),
    ("превысил полтора раза", "", "Рост тарифа за пять лет превысил полтора раза.", quantity(1.5, "×", lower=1.5)),
]


@pytest.mark.parametrize("case", FRACTIONAL_MULTIPLIERS, ids=[case[0] for case in FRACTIONAL_MULTIPLIERS])
def test_raza_after_a_fraction_is_a_multiplier(case: Case) -> None:
    _check(case)
