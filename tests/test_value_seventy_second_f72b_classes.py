"""The classes of the Russian misses of sets 72 and 73 (their first scores), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest


def _ids(cases: list[tuple[str, str, str, TypedValue]]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


# (highlight, its sentence, publication date, the curator's value)
TERMS_WITH_THEIR_QUALIFIER = [
    # A quota unit is the emissions trading system's allowance, not any unit.
    ("640 тыс.", "За квартал оператор передал предприятиям 640 тыс. единиц квот бесплатно.", "2026-03-01",
     count(640e3, "единиц квот")),
    ("12 млн", "Национальный план закрепил резерв в 12 млн единиц квоты.", "2026-03-01", count(12e6, "единиц квоты")),
    # An emission source is the environmental code's term, not any source.
    ("36", "В цехе инвентаризованы 36 источников выбросов загрязняющих веществ.", "2026-03-01",
     count(36, "источников выбросов")),
    # A house of culture is a village club, not any house; a pupil place is a school's capacity, as "рабочее место"
    # is a job; a power-producing organisation is the electricity law's term.
    ("пять", "В районе отремонтировали пять домов культуры и библиотеку.", "2026-03-01", count(5, "домов культуры")),
    ("600 ученических мест", "Новая школа в Косшы рассчитана на 600 ученических мест.", "2026-03-01",
     count(600, "ученических мест")),
    ("семи", "Тариф утвержден для семи энергопроизводящих организаций области.", "2026-03-01",
     count(7, "энергопроизводящих организаций")),
    # Guard: a house is still a house.
    ("три", "На улице построили три дома для молодых семей.", "2026-03-01", count(3, "дома")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), TERMS_WITH_THEIR_QUALIFIER,
                         ids=_ids(TERMS_WITH_THEIR_QUALIFIER))
def test_russian_terms_keep_their_qualifier(selection: str, context: str, published: str,
                                            expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_KAZAKH_PLACE_NAME_IN_A_RUSSIAN_SENTENCE = [
    # A place name with Kazakh letters ("Көктөбе", "Шағалалы") does not make a Russian sentence Kazakh: an age or a
    # span of years in it is still measured in years.
    ("52 года", "Моему отцу 52 года, он всю жизнь проработал в Шағалалы.", "2026-03-01", quantity(52, "года")),
    ("девять лет", "Последние девять лет она возглавляет больницу в Жаңаөзене.", "2026-03-01", quantity(9, "лет")),
    # Guard: a Kazakh sentence stays Kazakh.
    ("12 жыл", "Ол Көктөбеде 12 жыл мұғалім болып істеді.", "2026-03-01", quantity(12, "жыл")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_KAZAKH_PLACE_NAME_IN_A_RUSSIAN_SENTENCE,
                         ids=_ids(A_KAZAKH_PLACE_NAME_IN_A_RUSSIAN_SENTENCE))
def test_a_kazakh_place_name_keeps_a_russian_sentence_russian(selection: str, context: str, published: str,
                                                              expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)
