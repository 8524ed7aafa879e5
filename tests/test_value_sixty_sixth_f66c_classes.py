"""The Kazakh classes of misses sets 66 and 67 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, quantity, same_in_context

PUBLISHED = "2026-10-14"  # a Wednesday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


A_MEASURE_BEFORE_WHAT_IT_MEASURES = [
    # "N градус ыстық/суық": the measure right after the number is what it measures, the "-лық" word after it (heat)
    # what is measured, not a noun the number counts with "градус" its adjective.
    ("38 градус", "", "Жетісуда бейсенбі күні 38 градус ыстық болады.", quantity(38, "градус")),
    ("40–41 градус", "", "Маңғыстауда түсте 40–41 градус ыстық сақталады.", quantity(None, "градус", lower=40, upper=41)),
    # Guard: a bare word in "-лық" after a noun that is no measure is still the counted noun.
    ("1 500", "", "Жағалаудан 1 500 өлі балық табылды.", count(1500, "балық")),
]


@pytest.mark.parametrize("case", A_MEASURE_BEFORE_WHAT_IT_MEASURES, ids=[c[0] for c in A_MEASURE_BEFORE_WHAT_IT_MEASURES])
def test_a_measure_right_after_the_number_is_what_it_measures(case: Case) -> None:
    _check(case)


VACANCIES = [
    # "бос жұмыс орны" (a vacancy) and "бос орын" keep "бос" as a fixed term, the izafet compound in its dictionary form;
    # "бос" before any other noun is an adjective and dropped.
    ("2 300", "", "Жәрмеңкеде кәсіпорындар 2 300 бос жұмыс орнын ұсынды.", count(2300, "бос жұмыс орны")),
    ("900-ден астам", "", "Облыста 900-ден астам бос жұмыс орны бар.", count(900, "бос жұмыс орны", lower=900)),
    ("75", "", "Колледжде грант бойынша 75 бос орын қалды.", count(75, "бос орын")),
    ("12", "", "Қонақ үйде 12 бос бөлме қалды.", count(12, "бөлме")),
]


@pytest.mark.parametrize("case", VACANCIES, ids=[c[0] + c[2][:12] for c in VACANCIES])
def test_a_vacancy_keeps_its_qualifier(case: Case) -> None:
    _check(case)
