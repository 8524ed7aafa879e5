"""The classes of the English misses of sets 60 and 61 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
RATES_WITH_A_SLASH = [
    # A yield, a dose or a throughput written with a slash is one unit, as "km/h" is.
    ("3.4 t/ha", "Barley on the trial plots yielded 3.4 t/ha after the late rains.", quantity(3.4, "t/ha")),
    ("120 kg/ha", "The agronomist spread 120 kg/ha of ammonium nitrate in April.", quantity(120, "kg/ha")),
    ("9.5 l/ha", "The new sprayer used 9.5 l/ha of diesel on the stubble.", quantity(9.5, "l/ha")),
    ("45 t/h", "The mill's new line grinds 45 t/h of maize.", quantity(45, "t/h")),
    # Guards: a volume an hour (read before), a speed and bare tonnes stay as they were.
    ("300 m³/h", "Each pump lifts 300 m³/h from the canal.", quantity(300, "m³/h")),
    ("90 km/h", "The limit on the ring road is 90 km/h.", quantity(90, "km/h")),
    ("45 t", "The lorry carried 45 t of sugar beet.", quantity(45, "t")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), RATES_WITH_A_SLASH,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(RATES_WITH_A_SLASH)])
def test_a_rate_written_with_a_slash_is_one_unit(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)
