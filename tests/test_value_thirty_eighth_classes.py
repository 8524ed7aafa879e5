"""The classes of misses the thirty-eighth and thirty-ninth sets (24 whole articles in three languages, written and
labelled by people who never ran the parser, tests/data/value_suggestions/) showed on first sight, each tested on
other sentences than the sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, publication date, the curator's value)
ONE_OF_A_MEASURE = [
    # A bound says a figure follows: "бір" is the number, not the article.
    ("кемінде бір жыл", "Маман елде кемінде бір жыл жұмыс істеуі тиіс.", "2026-12-04", quantity(1, "жыл", lower=1)),
    ("кем дегенде бір ай", "Өтінімді кем дегенде бір ай бұрын жіберіңіз.", "2026-12-04", quantity(1, "ай", lower=1)),
    # Highlighted alone with its article, one of a measure.
    ("a year", "The regulator has a year to decide on the merger.", "2026-12-04", quantity(1, "year")),
    ("a week", "Bidders were given a week to revise their offers.", "2026-12-04", quantity(1, "week")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), ONE_OF_A_MEASURE,
                         ids=[case[0] for case in ONE_OF_A_MEASURE])
def test_one_of_a_measure_in_words(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


GRAMS = [
    ("300 г", "Сыр продают в брусках по 300 г, по 2 100 тенге.", "2026-12-04", quantity(300, "г")),
    ("250 g", "A 250 g jar of Kazakh honey sells for €9 in Lyon.", "2026-12-04", quantity(250, "g")),
    ("200 г", "Әр қаптамада 200 г құрт бар.", "2026-12-04", quantity(200, "г")),
    ("5 мг", "В одной таблетке 5 мг действующего вещества.", "2026-12-04", quantity(5, "мг")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), GRAMS, ids=[case[0] for case in GRAMS])
def test_a_weight_in_grams(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # A year's "г." is still a year.
    ("2019 г.", "В 2019 г. завод выпустил первую партию.", date("2019")),
    ("в 2021 г", "в 2021 г компания открыла склад.", date("2021")),
], ids=["2019 г.", "2021 г"])
def test_a_year_abbreviated_stays_a_year(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


# Published on a Friday (2026-12-04).
WEEKDAYS_AHEAD = [
    # A deadline lies ahead.
    ("Wednesday", "Please send your entries to the jury by Wednesday.", date("2026-12-09")),
    # A timetable in the present simple announces.
    ("Saturday", "The final kicks off on Saturday at 18:00.", date("2026-12-05")),
    ("Monday", "Season tickets go on sale on Monday at the club shop.", date("2026-12-07")),
    ("Tuesday", "Registration opens on Tuesday, the organisers said.", date("2026-12-08")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), WEEKDAYS_AHEAD,
                         ids=[f"{case[0]} ({case[1][:20]})" for case in WEEKDAYS_AHEAD])
def test_a_weekday_of_the_coming_week(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # A deadline reported, and a day with no tense, are the week just gone.
    ("Thursday", "The goods had arrived by Thursday, the customs office said.", date("2026-12-03")),
    ("Tuesday", "The talks resumed on Tuesday in Brussels.", date("2026-12-01")),
], ids=["had arrived by", "resumed on"])
def test_a_weekday_reported_stays_in_the_week_gone(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


# A Kazakh noun in "-ыс/-іс" with its possessive "-ы/-і" keeps its "с".
KAZAKH_NOUNS_IN_S = [
    ("4 жиналысы", "Биыл қауымдастықтың 4 жиналысы өтті.", count(4, "жиналыс")),
    ("3 жарысы", "Маусымда клубтың 3 жарысы болды.", count(3, "жарыс")),
    # A doer in "-шы" and a noun ending in a vowel keep their own reading.
    ("5 сарапшысы", "Жобаның 5 сарапшысы бар.", count(5, "сарапшы")),
    ("2 визасы", "Оның 2 визасы бар.", count(2, "виза")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_NOUNS_IN_S,
                         ids=[case[0] for case in KAZAKH_NOUNS_IN_S])
def test_a_kazakh_noun_in_s_with_its_possessive(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


# A period written as two full dates of different years, or as the months ended on a date (financial statements).
PERIODS = [
    ("1 April 2025 to 31 March 2026", "The review covers the period from 1 April 2025 to 31 March 2026.",
     span("2025-04-01", "2026-03-31")),
    ("1 October 2024 – 30 September 2025", "Reporting year: 1 October 2024 – 30 September 2025.",
     span("2024-10-01", "2025-09-30")),
    ("1 March 2024 and 28 February 2025", "Imports fell between 1 March 2024 and 28 February 2025.",
     span("2024-03-01", "2025-02-28")),
    ("May 2022 and January 2024", "The plant was idle between May 2022 and January 2024.", span("2022-05", "2024-01")),
    ("с 1 апреля 2025 года по 31 марта 2026 года", "Проверка охватит период с 1 апреля 2025 года по 31 марта 2026 года.",
     span("2025-04-01", "2026-03-31")),
    ("с мая 2022 года по январь 2024 года", "Завод простаивал с мая 2022 года по январь 2024 года.",
     span("2022-05", "2024-01")),
    ("nine months ended 30 September 2025", "Revenue for the nine months ended 30 September 2025 rose by 8%.",
     span("2025-01", "2025-09")),
    ("year ended 31 December 2025", "The statements for the year ended 31 December 2025 were audited.",
     span("2025-01", "2025-12")),
    ("шесть месяцев, закончившихся 30 июня 2026 года", "Выручка за шесть месяцев, закончившихся 30 июня 2026 года, выросла.",
     span("2026-01", "2026-06")),
    ("2026 жылғы 30 маусымда аяқталған алты ай", "2026 жылғы 30 маусымда аяқталған алты айда табыс өсті.",
     span("2026-01", "2026-06")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PERIODS, ids=[case[0] for case in PERIODS])
def test_a_period_across_years_or_ended_on_a_date(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # Two dates listed with "and" are not a range, and months alone are a span.
    ("3 March 2024", "The board met on 3 March 2024 and 5 May 2025.", date("2024-03-03")),
    ("six months", "Building the bridge took six months.", quantity(6, "months")),
], ids=["two dates listed", "six months"])
def test_dates_and_spans_that_are_no_period(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


# A figure in brackets after a place counts what "most" named, up to the first name after it, or the noun "mostly"
# follows; a Kazakh plural under a possessive ("өтініштері") is the noun.
BRACKETED_LISTS = [
    ("12", "Ең көп шағым Франция компанияларынан келді (12), одан кейін Италия (9).", count(12, "шағым")),
    ("9", "Ең көп шағым Франция компанияларынан келді (12), одан кейін Италия (9).", count(9, "шағым")),
    ("7", "Туристері негізінен Германиядан (7) және Австриядан (5) келді.", count(7, "турист")),
    ("40", "Applications came mostly from Almaty (40) and Astana (25).", count(40, "applications")),
    ("15", "Most complaints against Italian companies were filed in Almaty (15).", count(15, "complaints")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), BRACKETED_LISTS,
                         ids=[f"{case[0]} ({case[1][:20]})" for case in BRACKETED_LISTS])
def test_a_figure_in_brackets_counts_what_most_named(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    ("11,200", "Most visitors came from Germany (11,200), then France (6,400).", count(11200, "visitors")),
], ids=["Most visitors"])
def test_a_bracketed_figure_after_most_as_before(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


# Days or weeks after publication, with nothing else counted from (published on a Friday, 2026-12-04).
DAYS_AFTER = [
    ("через неделю", "Следующий выпуск программы – через неделю.", date("2026-12-11")),
    ("через две недели", "Итоги конкурса объявят через две недели.", date("2026-12-18")),
    ("бір аптадан кейін", "Келесі кездесу бір аптадан кейін өтеді.", date("2026-12-11")),
    ("10 күннен кейін", "Нәтижелер 10 күннен кейін жарияланады.", date("2026-12-14")),
    ("two weeks from today", "The museum reopens two weeks from today.", date("2026-12-18")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), DAYS_AFTER, ids=[case[0] for case in DAYS_AFTER])
def test_days_or_weeks_after_publication(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # Counted from an event, or a time limit, it stays a span.
    ("30 күннен кейін", "Шарт хабарлама алынған күннен бастап 30 күннен кейін күшіне енеді.", quantity(30, "күн")),
    ("не позднее чем через 30 дней", "Ответ дается не позднее чем через 30 дней с даты запроса.",
     quantity(None, "дней", upper=30)),
], ids=["күннен бастап", "не позднее чем через"])
def test_days_after_an_event_stay_a_span(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # The auxiliary "еді" after a participle counts nothing: the noun of "саны" is counted.
    ("15 мыңнан асқан", "Былтыр туристер саны 15 мыңнан асқан еді.", count(15000, "турист", lower=15000)),
    ("40-тан асқан", "Өткен жылы өтінімдер саны 40-тан асқан екен.", count(40, "өтінім", lower=40)),
], ids=["асқан еді", "асқан екен"])
def test_the_kazakh_auxiliary_past_counts_nothing(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


# A Kazakh part of a whole: a collective numeral after a plural with its possessive in the genitive, and "бірі" in a
# case after a collective numeral (the part that remains).
KAZAKH_PARTS = [
    ("төртеуі", "Неміс компанияларының төртеуі келісімге қол қойды.", count(4, "компания")),
    ("бірі", "Бес жобаның төртеуі аяқталды, бірі тоқтатылды.", count(1, "жоба")),
    ("бірінде", "Команда төрт кездесудің үшеуінде жеңіп, бірінде ұтылды.", count(1, "кездесу")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_PARTS,
                         ids=[f"{case[0]} ({case[1][:15]})" for case in KAZAKH_PARTS])
def test_a_kazakh_part_of_a_whole(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-04", context=context).value, expected)


def test_one_of_the_largest_is_no_count() -> None:
    same(suggest("бірі", published="2026-12-04", context="Бұл елдегі ең ірі компаниялардың бірі.").value,
         TypedValue(kind=ValueKind.TEXT, text="бірі"))
