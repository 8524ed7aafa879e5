"""The English and Russian classes of misses sets 46 and 47 showed at their first score, each tested on other sentences
than the sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that
names the noun)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, quantity, same, same_in_context

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-11-20"  # a Friday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


ELECTORAL_AND_LOCAL_TERMS = [
    # A polling station is no station, a rural district a unit of local government, not any district: the qualifier
    # stays, as in "joint ventures" and Kazakh "ауылдық округ".
    ("2,304", "", "Ballots were recounted at 2,304 polling stations across the region.", count(2304, "polling stations")),
    ("17", "", "Voting was suspended at 17 polling stations after a storm cut the power.", count(17, "polling stations")),
    ("312", "", "В области открыто 312 избирательных участков, из них 40 – за рубежом.",
     count(312, "избирательных участков")),
    ("40", "", "В области открыто 312 избирательных участков, из них 40 – за рубежом.",
     count(40, "избирательных участков")),
    ("девяти", "", "Повторное голосование пройдет в девяти сельских округах района.", count(9, "сельских округах")),
    ("23", "", "Район объединяет 23 сельских округа и один город.", count(23, "сельских округа")),
]


@pytest.mark.parametrize("case", ELECTORAL_AND_LOCAL_TERMS, ids=[case[0] for case in ELECTORAL_AND_LOCAL_TERMS])
def test_polling_stations_and_rural_districts_are_fixed_terms(case: Case) -> None:
    _check(case)


PARTICIPLES_AS_NOUNS = [
    # A Russian participle's genitive plural at the sentence's end names the people it counts ("the accused", "the
    # injured"); an adjective's there is elliptic and counts the noun named before it.
    ("12", "", "В прошлом году суд оправдал 12 обвиняемых.", count(12, "обвиняемых")),
    ("40", "", "После аварии на трассе спасатели эвакуировали 40 пострадавших.", count(40, "пострадавших")),
    ("9", "", "Утром полиция отпустила 9 задержанных.", count(9, "задержанных")),
    ("10", "", "Фонд выдал 15 государственных грантов и 10 платных.", count(10, "грантов")),
    ("7", "", "Из 20 участников финала вышли семь, а из 30 полуфиналистов – 7 лучших.", count(7, "полуфиналистов")),
]


@pytest.mark.parametrize("case", PARTICIPLES_AS_NOUNS, ids=[case[0] for case in PARTICIPLES_AS_NOUNS])
def test_a_participle_closing_the_sentence_is_the_counted_noun(case: Case) -> None:
    _check(case)


ORDINALS_AND_THEIR_NOUNS = [
    # A title's series noun after an ordinal in digits, its capitalised modifier passed over; a noun in "-ing" that
    # ends the phrase ("briefing", "hearing") is the noun, as a participle before a noun is not ("processing plant").
    ("9th", "", "The 9th Summit Meeting of the Turkic states opened in Baku.", count(9, "meeting")),
    ("52nd", "", "Adopted by the Council at its 52nd Ordinary Session (Geneva, 3 May 2026)", count(52, "session")),
    ("12th", "", "The 12th Annual Meeting of the bank's governors was held in Baku.", count(12, "meeting")),
    ("third", "", "The budget committee will hold a third hearing on the tariff.", count(3, "hearing")),
    ("sixth", "", "It is the sixth screening of the film in the festival's history.", count(6, "screening")),
    ("second", "", "The miner opened a second processing plant in May.", count(2, "plant")),
    ("fifth", "", "The fifth plenary opened in May.", count(5, "plenary")),
    # A Russian possessive pronoun between an ordinal and its noun qualifies the noun, as an adjective does.
    ("третий", "", "Это уже третий мой марафон за год.", count(3, "марафон")),
    ("четвертый", "", "Для команды это уже четвертый ее финал.", count(4, "финал")),  # ("ее" was passed over before)
    ("седьмом", "", "Клуб выступает в седьмом своем сезоне в высшей лиге.", count(7, "сезоне")),
]


@pytest.mark.parametrize("case", ORDINALS_AND_THEIR_NOUNS, ids=[case[0] for case in ORDINALS_AND_THEIR_NOUNS])
def test_an_ordinal_numbers_the_noun_past_modifiers_and_possessives(case: Case) -> None:
    _check(case)


WITHIN_A_MEASURE = [
    # "within a year" is one year as "within two years" is two: the span with no event named, a ceiling with one.
    ("within a month", "", "The tenant must vacate the flat within a month.", quantity(1, "month")),
    ("within a week of the ruling", "", "Appeals must be lodged within a week of the ruling.",
     quantity(None, "week", upper=1)),
]


@pytest.mark.parametrize("case", WITHIN_A_MEASURE, ids=[case[0] for case in WITHIN_A_MEASURE])
def test_within_a_measure_is_one_of_it(case: Case) -> None:
    _check(case)


ANNOUNCED_DAYS_AND_MONTHS = [
    # (highlight, sentence, publication date, the curator's date)
    # A timetable's "opens for/to … on" announces, as "opens on" does, whatever participle sets off an aside.
    ("1 September", "The city's grant scheme, with its fund tripled, opens for applications on 1 September.",
     "2026-08-10", date("2026-09-01")),
    ("Monday", "The old bridge, repaired twice already, closes to traffic on Monday.", "2026-11-18", date("2026-11-23")),
    # The perfective future of the "-йти" verbs with a prefix announces ("выйдет", "придет").
    ("пятницу", "Новый выпуск журнала выйдет в пятницу.", "2026-11-18", date("2026-11-20")),
    ("субботу", "Колонна с гуманитарной помощью дойдет до границы в субботу.", "2026-11-18", date("2026-11-21")),
    # Minutes write a decision after a colon, its infinitive after: the month is when the decided thing is to happen.
    ("марта", "Постановили: членские взносы уплачивать ежемесячно начиная с марта.", "2026-02-10", date("2026-03")),
]


@pytest.mark.parametrize("case", ANNOUNCED_DAYS_AND_MONTHS, ids=[case[0] for case in ANNOUNCED_DAYS_AND_MONTHS])
def test_announced_days_and_months_lie_ahead(case: tuple[str, str, str, TypedValue]) -> None:
    selection, context, published, expected = case
    same(suggest(selection, published=published, context=context).value, expected)


MONTHS_OF_NEXT_YEAR = [
    # A sentence that names next year in words, and no other year, puts a month it names without a year in next year,
    # even one the publication's year still has ahead; "last year" or a year written beside it leaves the month alone.
    ("December", "Next year the ferry line adds a winter timetable from December.", "2026-10-05", date("2027-12")),
    ("мая", "В следующем году мечтаем о Праге: перевозчик обещает рейсы из Астаны с мая.", "2026-10-05", date("2027-05")),
    ("ноября", "В будущем году музей хочет открыть новый зал к середине ноября.", "2026-10-05", date("2027-11")),
    ("марта", "В прошлом году заявки принимали с марта, в следующем году – тоже.", "2026-10-05", date("2026-03")),
]


@pytest.mark.parametrize("case", MONTHS_OF_NEXT_YEAR, ids=[case[0] for case in MONTHS_OF_NEXT_YEAR])
def test_a_month_in_a_sentence_about_next_year_is_next_years(case: tuple[str, str, str, TypedValue]) -> None:
    selection, context, published, expected = case
    same(suggest(selection, published=published, context=context).value, expected)


MORE_OF_A_MEASURE = [
    # A bare number after "еще", "another" is more of the measure the sentence's figure before it named, money passed
    # over, as it is more of a count's noun.
    ("две", "", "Три ночи в Риме стоили 400 евро, еще две во Флоренции – 250 евро.", quantity(2, "ночи")),
    ("two", "", "Three nights in Rome cost 400 euros, another two in Florence 250 euros.", quantity(2, "nights")),
    ("пять", "", "Три компании подали заявки в мае, еще пять – в июне.", count(5, "компании")),
]


@pytest.mark.parametrize("case", MORE_OF_A_MEASURE, ids=[case[0] for case in MORE_OF_A_MEASURE])
def test_more_after_a_measure_is_more_of_it(case: Case) -> None:
    _check(case)


LARGE_FIGURES_RESTATE_LARGE_COUNTS = [
    # A bare figure in thousands or more after a sentence that counted something in thousands and something small
    # restates the large count's noun, not the small one named last; a small figure still takes the last.
    ("14 тыс.", "Первый завод выпустил 2 тыс. тракторов, на нем работали 300 инженеров.",
     "К 2020 году выпуск вырос до 14 тыс., а штат почти удвоился.", count(14e3, "тракторов")),
    ("30 thousand", "In 2019 the fair drew 12,000 visitors and 40 exhibitors.", "Last year it drew 30 thousand, a record.",
     count(30e3, "visitors")),
]


@pytest.mark.parametrize("case", LARGE_FIGURES_RESTATE_LARGE_COUNTS, ids=[c[0] for c in LARGE_FIGURES_RESTATE_LARGE_COUNTS])
def test_a_large_bare_figure_restates_the_large_count_before(case: Case) -> None:
    _check(case)
