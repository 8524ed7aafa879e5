"""The English and Russian classes of misses sets 44 and 45 showed at their first score, each tested on other sentences
than the sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that
names the noun)."""

from __future__ import annotations

import pytest
from test_value_words import percent, quantity, same

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


VULGAR_FRACTIONS = [
    # A whole number with a vulgar fraction glued to it is one figure ("2¼" is 2.25); "½" alone is half of one.
    ("nearly 3½ percent", "", "Mortgage rates eased to nearly 3½ percent by the spring.", percent(3.5, approximate=True)),
    ("5¾ percent", "", "The regulator kept its policy rate at 5¾ percent.", percent(5.75)),
    ("about 2¼ years", "", "The refit of the ferry took about 2¼ years.", quantity(2.25, "years", approximate=True)),
    ("½ percent", "", "Each delay cut the bonus by ½ percent.", percent(0.5)),
]


@pytest.mark.parametrize("case", VULGAR_FRACTIONS, ids=[case[0] for case in VULGAR_FRACTIONS])
def test_a_vulgar_fraction_is_part_of_its_figure(case: Case) -> None:
    _check(case)
