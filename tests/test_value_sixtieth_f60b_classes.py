"""The Russian classes of misses sets 60 and 61 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from kzeu_desk.core.value_parsing import suggest
from kzeu_desk.core.typed_value import ValueKind
from test_value_words import InContext, count, date, money, quantity, same_in_context, span

PUBLISHED = "2026-05-14"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


RUSSIAN_FIXED_TERMS = [
    # A retail chain is a "торговая сеть", not any network; a library's or an archive's item is an "единица хранения",
    # not any unit: the qualifier stays, as in "детских садов".
    ("шесть", "", "Новые правила маркировки уже применяют шесть торговых сетей.", count(6, "торговых сетей")),
    ("30", "", "Поставщик работает с 30 торговыми сетями по всей стране.", count(30, "торговыми сетями")),
    ("48 000", "", "Архив области получил 48 000 единиц хранения из районов.", count(48000, "единиц хранения")),
    # Guards: another adjective before "сетей" is still dropped, and units alone stay units.
    ("12", "", "Оператор построил 12 оптоволоконных сетей в селах.", count(12, "сетей")),
    ("40", "", "На складе осталось 40 единиц техники.", count(40, "единиц")),
]


@pytest.mark.parametrize("case", RUSSIAN_FIXED_TERMS, ids=[case[0] + " " + case[2][:20] for case in RUSSIAN_FIXED_TERMS])
def test_a_retail_chain_and_an_item_of_a_collection_keep_their_qualifier(case: Case) -> None:
    _check(case)


APPROXIMATELY_EACH = [
    # "примерно по 3 200 тенге" is about 3,200 each: the distributive "по" between the hedge and the figure keeps the
    # hedge, as "около" before the figure does.
    ("примерно по 3 200 тенге", "", "Кооператив закупает молоко примерно по 3 200 тенге за десять литров.",
     money(3200, "KZT", approximate=True)),
    ("приблизительно по 40 евро", "", "Билеты продавали приблизительно по 40 евро.", money(40, "EUR", approximate=True)),
    # Guard: "по" alone is no hedge.
    ("по 3 200 тенге", "", "Кооператив закупает молоко по 3 200 тенге за десять литров.", money(3200, "KZT")),
]


@pytest.mark.parametrize("case", APPROXIMATELY_EACH, ids=[case[0] for case in APPROXIMATELY_EACH])
def test_a_hedge_before_the_distributive_po_is_kept(case: Case) -> None:
    _check(case)


TWO_DAYS_JOINED_BY_AND = [
    # "3 и 4 июня" is the two days, one stretch, as "25 and 26 May" is in English.
    ("3 и 4 июня", "", "Ярмарка ремесел пройдет 3 и 4 июня на набережной.", span("2026-06-03", "2026-06-04")),
    ("27 и 28 апреля", "", "Семинары для фермеров прошли 27 и 28 апреля.", span("2026-04-27", "2026-04-28")),
    # Guard: the second day alone is still its day.
    ("4 июня", "", "Ярмарка ремесел пройдет 3 и 4 июня на набережной.", date("2026-06-04")),
]


@pytest.mark.parametrize("case", TWO_DAYS_JOINED_BY_AND, ids=[case[0] for case in TWO_DAYS_JOINED_BY_AND])
def test_two_days_joined_by_i_are_a_range(case: Case) -> None:
    _check(case)


THE_WEEKEND = [
    # "в минувшие выходные", "в прошлые выходные" (published on Thursday 14 May): the Saturday and Sunday before,
    # "в эти выходные" those of the publication's week, as "на этой неделе" is that week.
    ("минувшие выходные", "", "В минувшие выходные в парке прошел фестиваль уличной еды.", span("2026-05-09", "2026-05-10")),
    ("прошлые выходные", "", "В прошлые выходные спасатели искали туристов в горах.", span("2026-05-09", "2026-05-10")),
    ("в эти выходные", "", "В эти выходные музеи будут работать бесплатно.", span("2026-05-16", "2026-05-17")),
]


@pytest.mark.parametrize("case", THE_WEEKEND, ids=[case[0] for case in THE_WEEKEND])
def test_the_weekend_named_from_publication_is_its_two_days(case: Case) -> None:
    _check(case)


HOW_MANY_TIMES = [
    # "три раза" without "в" says how often something happened, a count of times, as "four times" is in English; "в
    # три раза" stays a multiplier.
    ("три раза", "", "С тех пор мост ремонтировали три раза.", count(3, "раза")),
    ("пять раз", "", "За сезон команда меняла тренера пять раз.", count(5, "раз")),
    # Guards: the multiplier with "в", in the highlight or just before it.
    ("в три раза", "", "Цены на гречку выросли в три раза.", quantity(3, "×")),
    ("три раза", "", "Цены на гречку выросли в три раза.", quantity(3, "×")),
]


@pytest.mark.parametrize("case", HOW_MANY_TIMES, ids=[case[0] for case in HOW_MANY_TIMES])
def test_a_number_of_times_without_v_is_a_count(case: Case) -> None:
    _check(case)


A_RANGE_OF_SCALED_AMOUNTS = [
    # "с 250 тыс. до 310 тыс. тенге": the first end of a range of scaled amounts is money in the currency after the
    # second, as "с 250 до 310 тенге" is; no tenge are counted.
    ("250 тыс.", "", "Средняя зарплата водителя выросла с 250 тыс. до 310 тыс. тенге.", money(250e3, "KZT")),
    ("1,2 млн", "", "Годовой взнос поднимут с 1,2 млн до 1,5 млн рублей.", money(1.2e6, "RUB")),
    ("4,5 тыс.", "", "Тур подорожал с 4,5 тыс. до 6 тыс. евро.", money(4.5e3, "EUR")),
    # Guard: scaled things counted stay counted.
    ("12 тыс.", "", "Число посетителей выросло с 12 тыс. до 15 тыс. человек.", count(12e3, "человек")),
]


@pytest.mark.parametrize("case", A_RANGE_OF_SCALED_AMOUNTS, ids=[case[2][:30] for case in A_RANGE_OF_SCALED_AMOUNTS])
def test_the_first_end_of_a_range_of_scaled_amounts_is_money(case: Case) -> None:
    _check(case)


THE_CLAUSE_OF_THE_REST = [
    # "…, остальные 15 придут в июне": the rest of a whole after a comma is a clause with its own verb, whose tense
    # dates its month (published in May: the coming June), as a clause after ", а" is.
    ("июне", "", "Из 40 автобусов поставлено 25, остальные 15 придут в июне.", date("2026-06")),
    ("сентябре", "", "Из 12 школ отремонтировали восемь, остальные откроют в сентябре.", date("2026-09")),
    # Guards: the rest reported, and one clause with its past.
    ("марте", "", "Из 40 автобусов 25 придут в июне, остальные поставили в марте.", date("2026-03")),
    ("июне", "", "Из 40 автобусов 25 поставили в июне.", date("2025-06")),
]


@pytest.mark.parametrize("case", THE_CLAUSE_OF_THE_REST, ids=[case[2][:30] for case in THE_CLAUSE_OF_THE_REST])
def test_the_clause_of_the_rest_has_its_own_tense(case: Case) -> None:
    _check(case)


A_STRETCH_UNDER_WAY = [
    # "с 1 марта по 1 декабря" in a May article, in the present: a stretch that has begun and not ended is the
    # current one, not last year's that the last month alone (over three months ahead) would give.
    ("с 1 марта по 1 декабря", "", "Прием документов на субсидии ведется с 1 марта по 1 декабря.",
     span("2026-03-01", "2026-12-01")),
    ("с 15 января по 15 октября", "", "Льготный тариф действует с 15 января по 15 октября.",
     span("2026-01-15", "2026-10-15")),
    # Guards: a sentence that reports keeps the stretch that ended; one wholly ahead is untouched.
    ("с 1 марта по 1 декабря", "", "Прием документов проходил с 1 марта по 1 декабря.", span("2025-03-01", "2025-12-01")),
    ("с 3 по 5 июня", "", "Выставка пройдет с 3 по 5 июня.", span("2026-06-03", "2026-06-05")),
]


@pytest.mark.parametrize("case", A_STRETCH_UNDER_WAY, ids=[case[2][:30] for case in A_STRETCH_UNDER_WAY])
def test_a_stretch_under_way_at_publication_is_the_current_one(case: Case) -> None:
    _check(case)


AN_EVENT_NAMED_AS_A_PERIOD = [
    # "седьмой День открытых дверей", "пятая Неделя европейского кино": a period written with a capital after an
    # ordinal is an event's name, which of a series (the noun as written), no day or week of a year.
    ("седьмой", "", "В субботу в университете прошел седьмой День открытых дверей.", count(7, "День")),
    ("третья", "", "В апреле пройдет третья Неделя немецкого языка.", count(3, "Неделя")),
]


@pytest.mark.parametrize("case", AN_EVENT_NAMED_AS_A_PERIOD, ids=[case[2][:30] for case in AN_EVENT_NAMED_AS_A_PERIOD])
def test_an_event_named_as_a_period_is_one_of_a_series(case: Case) -> None:
    _check(case)


def test_a_week_in_lower_case_after_an_ordinal_is_still_no_event() -> None:
    # Guard: "пятая неделя забастовки" is which week of a strike, a period, not one of a series of events.
    suggestion = suggest("пятая", published=PUBLISHED, context="Идет пятая неделя забастовки шахтеров.")
    assert suggestion.value.kind is not ValueKind.COUNT


def test_the_candidates_pane_lists_the_first_end_of_a_range_of_scaled_amounts_as_money() -> None:
    # The pane lists what Ctrl+N suggests for the same words: "250 тыс." of "с 250 тыс. до 310 тыс. тенге" is money,
    # not tenge counted (Enter drafts the listed value).
    from kzeu_desk.core.value_candidates import find_values

    text = "Зарплаты водителей\nСредняя зарплата водителя автобуса выросла с 250 тыс. до 310 тыс. тенге.\n"
    listed = {text[found.start:found.end]: found.value for found in find_values(text, PUBLISHED)}
    first = next(value for span, value in listed.items() if span.startswith("250"))
    assert first.kind is ValueKind.MONEY and first.unit == "KZT" and first.amount == 250e3
