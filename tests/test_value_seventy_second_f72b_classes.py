"""The classes of the Russian misses of sets 72 and 73 (their first scores), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same

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


DATES_WITHOUT_A_YEAR = [
    # A state the present of "составлять" says holds from a day is of this year, passed or not ("с 1 февраля пошлина
    # составляет" in a September article), as "действует" is.
    ("1 февраля", "Пошлина на вывоз подсолнечника с 1 февраля составляет 20%.", "2026-09-14", date("2026-02-01")),
    # A day in a clause "что …" after a verb of agreeing takes that clause's future, not the agreeing's past.
    ("1 января", "Профсоюз и дирекция условились, что с 1 января премия будет выплачиваться ежемесячно.", "2026-10-20",
     date("2027-01-01")),
    ("15 ноября", "Акимат и перевозчики договорились, что с 15 ноября проезд подорожает до 150 тенге.", "2026-09-01",
     date("2026-11-15")),
    # A month in a clause that names last year is last year's, even before the publication's month.
    ("феврале", "В прошлом году тарифы на воду поднимали в феврале и в августе.", "2026-10-02", date("2025-02")),
    ("мае", "В прошлом году посевная началась в мае.", "2026-09-02", date("2025-05")),
    # Guard: a clause after "а" is of its own year.
    ("марте", "В прошлом году урожай был скромным, а в марте цены выросли вдвое.", "2026-06-02", date("2026-03")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), DATES_WITHOUT_A_YEAR,
                         ids=_ids(DATES_WITHOUT_A_YEAR))
def test_a_russian_day_or_month_takes_the_year_its_clause_says(selection: str, context: str, published: str,
                                                               expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)
