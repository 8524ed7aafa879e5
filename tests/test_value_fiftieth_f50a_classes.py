"""The English and Russian classes of misses sets 50 and 51 showed at their first score, each tested on other sentences
than the sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that
names what it needs)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, quantity, same_in_context, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-05-14"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


UNITS_OF_MEASUREMENT = [
    # Noise in A-weighted decibels keeps its weighting ("dB(A)" is what a limit is written in, not plain "dB"); a
    # speed in metres a second or kilometres an hour is one unit written with a slash, as "m³/s" is; a weight in
    # grams is a measure, as kilograms are, not a count of grams.
    ("55 dB(A)", "", "Daytime noise at the school fence must stay under the limit of 55 dB(A).", quantity(55, "dB(A)")),
    ("up to 7 dB(A)", "", "Traffic on the new bypass raises evening noise by up to 7 dB(A).",
     quantity(None, "dB(A)", upper=7)),
    ("12 m/s", "", "The crane stops work when gusts reach 12 m/s at the hook.", quantity(12, "m/s")),
    ("above 25 m/s", "", "Blades are feathered in winds above 25 m/s.", quantity(25, "m/s", lower=25)),
    ("90 km/h", "", "Lorries may not exceed 90 km/h on the new ring road.", quantity(90, "km/h")),
    ("60 км/ч", "", "На участке у школы скорость ограничена до 60 км/ч круглосуточно.", quantity(60, "км/ч")),
    ("250 grams", "", "A loaf of the new rye bread weighs 250 grams and costs KZT 400.", quantity(250, "grams")),
]


@pytest.mark.parametrize("case", UNITS_OF_MEASUREMENT,
                         ids=[case[0] for case in UNITS_OF_MEASUREMENT])
def test_decibels_a_weighted_speeds_and_grams(case: Case) -> None:
    _check(case)


HALVES_SAID_AS_POLOVINA = [
    # A half of a named year said as "половина" (in any case) is that half, as "полугодие" is.
    ("в первой половине 2028 года", "", "Новый терминал аэропорта откроют в первой половине 2028 года.",
     span("2028-01", "2028-06")),
    ("во второй половине 2024 года", "", "Во второй половине 2024 года продажи автомобилей выросли на 9%.",
     span("2024-07", "2024-12")),
    ("итогам первой половины 2025 года", "", "По итогам первой половины 2025 года банк получил прибыль.",
     span("2025-01", "2025-06")),
    ("во второй половине прошлого года", "", "Цены на жилье снижались во второй половине прошлого года.",
     span("2025-07", "2025-12")),
]


@pytest.mark.parametrize("case", HALVES_SAID_AS_POLOVINA, ids=[case[0] for case in HALVES_SAID_AS_POLOVINA])
def test_russian_half_of_a_year_said_as_polovina(case: Case) -> None:
    _check(case)


def test_half_of_a_day_stays_words() -> None:
    value = suggest("в первой половине дня", published=PUBLISHED,
                    context="Отключение света запланировано в первой половине дня.").value
    assert value.kind.value == "text"


RUSSIAN_LAST_MONTH_OR_SEASON = [
    # "в прошлом <месяце>" is the month of the year before publication (two before after "позапрошлом"), as "last
    # March" is and as "в прошлом году" is its year: the same year's is "в этом июле" or "в июле".
    ("в прошлом июле", "", "В прошлом июле курорт принял рекордные 40 тыс. гостей.", "2026-07-10", date("2025-07")),
    ("в прошлом марте", "", "Тарифы на воду подняли в прошлом марте на 7%.", PUBLISHED, date("2025-03")),
    ("в позапрошлом октябре", "", "Мост закрыли на ремонт в позапрошлом октябре.", PUBLISHED, date("2024-10")),
    # Guards: a season after "прошлой" stays the one that ended last (set 36's tested reading, "прошлое лето" in
    # November is this year's), a winter too; English "last summer" the same.
    ("прошлой зимой", "", "Прошлой зимой котельная работала без перебоев.", "2026-08-20", span("2025-12", "2026-02")),
    ("прошлым летом", "", "Прошлым летом фермеры собрали 2 тыс. тонн черешни.", "2026-11-20",
     span("2026-06", "2026-08")),
    ("last summer", "", "The lake was crowded last summer.", "2026-11-20", span("2026-06", "2026-08")),
]


@pytest.mark.parametrize("case", RUSSIAN_LAST_MONTH_OR_SEASON, ids=[case[0] for case in RUSSIAN_LAST_MONTH_OR_SEASON])
def test_russian_last_month_is_of_the_year_before(case: tuple[str, str, str, str, TypedValue]) -> None:
    selection, before, context, published, expected = case
    _check((selection, before, context, expected), published=published)


RUSSIAN_SENTENCE_ENDING_ON_DY = [
    # A Kazakh verb's past ending ("-ды", "-ты") is read off a sentence's last word only in a Kazakh sentence: a
    # Russian one that ends on a plural noun ("расходы", "билеты") says no tense, so a day or month without a year
    # within three months after publication is this year's.
    ("15 июня", "", "До 15 июня в кассах театра действуют скидки на билеты.", date("2026-06-15")),
    ("30 июня", "", "До 30 июня по субботам в парке бесплатные концерты.", date("2026-06-30")),
    ("июле", "", "В июле у нас по традиции летние сборы и походы.", date("2026-07")),
    # Guard: a Kazakh sentence's past ending still dates it to the year before.
    ("шілдеде", "", "Шілдеде ауылда жаңа мектеп ашылды.", date("2025-07")),
]


@pytest.mark.parametrize("case", RUSSIAN_SENTENCE_ENDING_ON_DY, ids=[case[0] for case in RUSSIAN_SENTENCE_ENDING_ON_DY])
def test_kazakh_past_endings_are_not_read_off_russian_nouns(case: Case) -> None:
    _check(case)


RUSSIAN_PERFECTIVE_FUTURE_IN_IT = [
    # A prefixed verb in "-ит" is the perfective future ("представит", "выплатит", "утвердит"): the sentence
    # announces, so a month more than three months after publication is this year's, not the year before.
    ("ноябре", "", "Правление выплатит акционерам дивиденды в ноябре.", date("2026-11")),
    ("в декабре", "", "Новую программу развития туризма акимат утвердит в декабре.", date("2026-12")),
    ("феврале", "", "Свое заключение комиссия направит в министерство в феврале.", date("2027-02")),
    # Guards: a prefixed verb of motion or state in the present says no tense; a past verb reports.
    ("ноябре", "", "В ноябре фабрика производит вдвое больше, чем летом.", date("2025-11")),
    ("ноябре", "", "Спрос на уголь в ноябре зависит от погоды.", date("2025-11")),
]


@pytest.mark.parametrize("case", RUSSIAN_PERFECTIVE_FUTURE_IN_IT,
                         ids=[f"{case[0]}: {case[2][:30]}" for case in RUSSIAN_PERFECTIVE_FUTURE_IN_IT])
def test_russian_prefixed_verb_in_it_announces(case: Case) -> None:
    _check(case)


RUSSIAN_BOUND_BEFORE_A_PREPOSITION = [
    # "более чем", "менее чем", "не более чем" bound the figure after the "с", "со", "у" its verb's case wants, as
    # they already did after "на" and "в".
    ("более чем с 40 банками", "", "Фонд сотрудничает более чем с 40 банками второго уровня.",
     count(40, "банками", lower=40)),
    ("более чем у 300 семей", "", "После реконструкции газ появился более чем у 300 семей поселка.",
     count(300, "семей", lower=300)),
    ("менее чем с 12 поставщиками", "", "Сеть работает менее чем с 12 поставщиками молока.",
     count(None, "поставщиками", upper=12)),
    ("не более чем с 3 вузами", "", "Абитуриент может заключить договор не более чем с 3 вузами.",
     count(None, "вузами", upper=3)),
]


@pytest.mark.parametrize("case", RUSSIAN_BOUND_BEFORE_A_PREPOSITION,
                         ids=[case[0] for case in RUSSIAN_BOUND_BEFORE_A_PREPOSITION])
def test_russian_bound_before_the_preposition_of_a_case(case: Case) -> None:
    _check(case)


SQUARE_AND_CUBIC_MEASURES_MADE_ADJECTIVES = [
    # A square or cubic measure made an adjective with hyphens is a quantity in its unit as written (singular, as
    # "a 47-kilometre line" and the "-year" convention's "a 10-year loan" are), both words kept.
    ("120-square-kilometre", "", "The new 120-square-kilometre reserve protects saiga calving grounds.",
     quantity(120, "square kilometre")),
    ("45-square-metre", "", "A 45-square-metre studio near the station rents for KZT 250,000 a month.",
     quantity(45, "square metre")),
    ("500-cubic-metre", "", "The village's 500-cubic-metre water tower was rebuilt last year.",
     quantity(500, "cubic metre")),
]


@pytest.mark.parametrize("case", SQUARE_AND_CUBIC_MEASURES_MADE_ADJECTIVES,
                         ids=[case[0] for case in SQUARE_AND_CUBIC_MEASURES_MADE_ADJECTIVES])
def test_square_and_cubic_measures_made_adjectives(case: Case) -> None:
    _check(case)


ENGLISH_LISTING_WEEKDAYS = [
    # A weekday in an English sentence in the present simple with no tense else is a listing's or timetable's: the
    # coming one (PUBLISHED is a Thursday). A relative clause set off by commas ("who moved here …") has a tense of
    # its own that does not date the main clause.
    ("Saturday", "", "The headline act on Saturday is a jazz trio from Kraków.", date("2026-05-16")),
    ("Sunday", "", "A potter from Tbilisi, who settled in Almaty in 2019, runs a free workshop at the library on Sunday.",
     date("2026-05-17")),
    ("Friday", "", "Entry to the rooftop screening on Friday is free for students.", date("2026-05-15")),
    # Guards: news of the days just gone is in the past tense; a month in the present is no timetable.
    ("Tuesday", "", "The tenge weakened to 540 per dollar on Tuesday.", date("2026-05-12")),
    ("March", "", "Annual inflation is 9.8% in March, the statistics bureau says.", date("2026-03")),
]


@pytest.mark.parametrize("case", ENGLISH_LISTING_WEEKDAYS, ids=[case[0] for case in ENGLISH_LISTING_WEEKDAYS])
def test_english_weekday_in_a_listing_lies_ahead(case: Case) -> None:
    _check(case)


RUSSIAN_POINTS_THAT_ARE_PLACES_OR_ITEMS = [
    # An adjective before "пункт" names a place of that kind (a heating substation, a settlement, a first-aid post),
    # counted with it as a fixed term; "из N пунктов" is what a document consists of, its items, counted.
    ("9", "", "В районе построили 9 фельдшерских пунктов и две амбулатории.", count(9, "фельдшерских пунктов")),
    ("37", "", "За год газ пришел в 37 населенных пунктов.", count(37, "населенных пунктов")),
    ("7", "", "Министры подписали дорожную карту из 7 пунктов.", count(7, "пунктов")),
    # Guards: points of an index or of percentages stay a measure; a kind named after the noun wins.
    ("на 35 пунктов", "", "Индекс KASE за неделю вырос на 35 пунктов.", quantity(35, "пунктов")),
    ("6", "", "На границе работают 6 автомобильных пунктов пропуска.", count(6, "пунктов пропуска")),
]


@pytest.mark.parametrize("case", RUSSIAN_POINTS_THAT_ARE_PLACES_OR_ITEMS,
                         ids=[case[0] for case in RUSSIAN_POINTS_THAT_ARE_PLACES_OR_ITEMS])
def test_russian_points_that_are_places_or_items_are_counted(case: Case) -> None:
    _check(case)
