"""The classes of the Russian misses of sets 52 and 53 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-10-14"

# (highlight, its sentence, the curator's value)
LEADING_ZERO_IS_A_DECIMAL = [
    # A comma after a lone "0" is a decimal comma whatever follows it: no figure is grouped as "0,xxx" thousands.
    ("0,045 мг/кг", "Содержание кадмия в рисе составило 0,045 мг/кг.", quantity(0.045, "мг/кг")),
    ("0,125 т", "Вес одного модуля – 0,125 т.", quantity(0.125, "т")),
    ("0,300", "Коэффициент снизился до 0,300.", quantity(0.3, None)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), LEADING_ZERO_IS_A_DECIMAL,
                         ids=[case[0] for case in LEADING_ZERO_IS_A_DECIMAL])
def test_a_comma_after_a_lone_zero_is_a_decimal_comma(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_thousands_are_still_grouped_with_a_comma() -> None:
    same(suggest("3,250", published=PUBLISHED, context="The port handled 3,250 ships.").value, count(3250, "ships"))


