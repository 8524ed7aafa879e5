"""The classes of the Russian misses of sets 54 and 55 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, percent, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-10-14"

# (highlight, its sentence, the curator's value)
RATES_WRITTEN_WITH_A_SLASH = [
    # A mass or a volume "per" a span of time or of energy, written with a slash, is one unit, as "м³/сут" and "т/га"
    # are: not tonnes or cubic metres with the rest left off.
    ("1 200 м³/мин", "Главный вентилятор подает в шахту 1 200 м³/мин воздуха.", quantity(1200, "м³/мин")),
    ("35,5 т/год", "Валовые выбросы котельной составят 35,5 т/год.", quantity(35.5, "т/год")),
    ("0,92 т/МВт·ч", "Удельный коэффициент выбросов станции – 0,92 т/МВт·ч.", quantity(0.92, "т/МВт·ч")),
    ("400 кг/ч", "Производительность сушильной линии – 400 кг/ч зерна.", quantity(400, "кг/ч")),
    ("16 т/сут", "Завод перерабатывает 16 т/сут отходов.", quantity(16, "т/сут")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), RATES_WRITTEN_WITH_A_SLASH,
                         ids=[case[0] for case in RATES_WRITTEN_WITH_A_SLASH])
def test_a_rate_written_with_a_slash_is_one_unit(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_tonnes_and_metres_alone_are_still_their_units() -> None:
    same(suggest("12 т", published=PUBLISHED, context="Груз весом 12 т доставили за сутки.").value, quantity(12, "т"))
    same(suggest("40 м³", published=PUBLISHED, context="Резервуар вмещает 40 м³ воды.").value, quantity(40, "м³"))


NOT_CLOSER_OR_FARTHER = [
    # "не ближе" (not closer than) is a floor of a distance, "не дальше" (not farther than) a ceiling, as "не ниже" and
    # "не выше" are.
    ("не ближе 300 м", "Склад ГСМ размещают не ближе 300 м от жилых домов.", quantity(300, "м", lower=300)),
    ("не ближе 2 км", "Полигон должен находиться не ближе 2 км от реки.", quantity(2, "км", lower=2)),
    ("не дальше 500 м", "Остановка должна быть не дальше 500 м от школы.", quantity(None, "м", upper=500)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), NOT_CLOSER_OR_FARTHER,
                         ids=[case[0] for case in NOT_CLOSER_OR_FARTHER])
def test_not_closer_is_a_floor_and_not_farther_a_ceiling(selection: str, context: str,
                                                         expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


UNITS_OF_NOISE_AND_CONCENTRATION = [
    # A-weighted decibels written "дБА" and parts per million ("ppm") are units of measure, as "дБ(А)" and "мг/л" are,
    # under a ceiling or not: not a count of "дБА" or of the noun before the figure.
    ("не более 55 дБА", "Уровень шума в дневное время – не более 55 дБА.", quantity(None, "дБА", upper=55)),
    ("38 дБА", "Замеры показали 38 дБА у окон больницы.", quantity(38, "дБА")),
    ("не более 5 ppm", "Содержание влаги в газе – не более 5 ppm.", quantity(None, "ppm", upper=5)),
    ("350 ppm", "Концентрация углекислого газа в классе достигла 350 ppm.", quantity(350, "ppm")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), UNITS_OF_NOISE_AND_CONCENTRATION,
                         ids=[case[0] for case in UNITS_OF_NOISE_AND_CONCENTRATION])
def test_noise_in_dba_and_parts_per_million_are_measures(selection: str, context: str,
                                                         expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)



FROM_WITH_ANOTHER_CLAUSES_UP_TO = [
    # "от" alone is a floor ("от 15%", where a price or a rate starts); a "до" after a comma or a dash belongs to another
    # figure of the list, not to this one's range.
    ("от 15%", "Первоначальный взнос – от 15%, срок кредита – до 15 лет.", percent(15, lower=15)),
    ("от 12 000 тенге", "Абонемент стоит от 12 000 тенге, занятия – до трех раз в неделю.",
     money(12000, "KZT", lower=12000)),
    ("от 6 месяцев", "Стаж на последнем месте работы – от 6 месяцев; возраст заемщика – до 65 лет.",
     quantity(6, "месяцев", lower=6)),
    ("от 25%", "Кредит выдают при взносе от 25% и сроке до 10 лет.", percent(25, lower=25)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), FROM_WITH_ANOTHER_CLAUSES_UP_TO,
                         ids=[case[0] for case in FROM_WITH_ANOTHER_CLAUSES_UP_TO])
def test_from_is_a_floor_when_the_up_to_belongs_to_another_clause(selection: str, context: str,
                                                                   expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_from_and_up_to_of_one_figure_are_still_a_range() -> None:
    same(suggest("от 8,5 до 11%", published=PUBLISHED, context="Ставки – от 8,5 до 11% годовых.").value,
         percent(None, lower=8.5, upper=11))
    # A range's first end highlighted alone is no floor: its "до" follows with no comma between.
    same(suggest("3 недель", published=PUBLISHED, context="Ремонт займет от 3 недель до двух месяцев.").value,
         quantity(3, "недель"))



ORDERS_ARE_NO_REPORT = [
    # A short participle of ordering, permitting or forbidding ("предписано", "поручено", "рекомендовано",
    # "разрешено", "запрещено") states what is to be done, not what was done: a day and month without a year take the
    # year closest before the publication date, at most three months after it, as with no verb, not the year before.
    ("1 октября по 20 ноября", "Охотникам разрешено добывать утку с 1 октября по 20 ноября.", "2026-10-05",
     span("2026-10-01", "2026-11-20")),
    ("1 сентября по 31 октября", "Подрядчику предписано вести работы с 1 сентября по 31 октября.", "2026-09-10",
     span("2026-09-01", "2026-10-31")),
    ("15 сентября", "Акиматам поручено завершить подготовку школ к 15 сентября.", "2026-09-02", date("2026-09-15")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), ORDERS_ARE_NO_REPORT,
                         ids=[case[0] for case in ORDERS_ARE_NO_REPORT])
def test_an_order_in_a_short_participle_reports_nothing_past(selection: str, context: str, published: str,
                                                             expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


def test_a_short_participle_of_a_deed_still_reports_it() -> None:
    # "проведено" (carried out) reports: "15 ноября" in an article of 10 November is last year's, not five days ahead.
    same(suggest("15 ноября", published="2026-11-10",
                 context="Последнее заседание проведено 15 ноября в Астане.").value, date("2025-11-15"))


ORDINALS_BEFORE_A_NOUN_IN_IE_OR_AN_ADJECTIVE_IN_OI = [
    # A noun in "-ение", "-ание", "-тие" after an ordinal is what it numbers, not a plural adjective ("третье повышение
    # тарифа" counts повышение, not тарифа); and after an ordinal in "-ой" an adjective in "-ой" that agrees with the
    # noun after it ("шестой крупной сделкой") is passed over, as adjectives in other endings are.
    ("третье", "Это третье повышение тарифа за год.", count(3, "повышение")),
    ("пятое", "Совет одобрил пятое продление моратория на вывоз скота.", count(5, "продление")),
    ("шестой", "Покупка стала шестой крупной сделкой фонда в регионе.", count(6, "сделкой")),
    ("второй", "Ураган стал второй серьезной аварией на линии за месяц.", count(2, "аварией")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), ORDINALS_BEFORE_A_NOUN_IN_IE_OR_AN_ADJECTIVE_IN_OI,
                         ids=[case[1] for case in ORDINALS_BEFORE_A_NOUN_IN_IE_OR_AN_ADJECTIVE_IN_OI])
def test_an_ordinal_numbers_its_noun_past_agreeing_adjectives(selection: str, context: str,
                                                              expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_a_noun_in_oi_after_an_ordinal_is_still_the_noun() -> None:
    # "рекой" is the noun itself, a genitive after it no noun of its own.
    same(suggest("второй", published=PUBLISHED, context="Иртыш считается второй рекой страны по длине.").value,
         count(2, "рекой"))


INSTRUMENTS_NAMED_BY_WHAT_THEY_MEASURE = [
    # A sensor, a meter, an analyser or a detector is named with what it measures or detects, the two a fixed term as
    # "членов экипажа" and "пунктов пропуска" are: "датчиков дыма" count smoke detectors, not any sensors; and so does a
    # bare figure after them that is a part of that whole.
    ("48 датчиков дыма", "В корпусе установлено 48 датчиков дыма.", count(48, "датчиков дыма")),
    ("120 счетчиков воды", "Управляющая компания заменила 120 счетчиков воды.", count(120, "счетчиков воды")),
    ("15", "Из 60 газоанализаторов на заводе 15 требуют ремонта.", count(15, "газоанализаторов")),
    ("9", "Из 40 детекторов радиации на границе 9 требуют замены.", count(9, "детекторов радиации")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), INSTRUMENTS_NAMED_BY_WHAT_THEY_MEASURE,
                         ids=[case[1] for case in INSTRUMENTS_NAMED_BY_WHAT_THEY_MEASURE])
def test_an_instrument_is_counted_with_what_it_measures(selection: str, context: str,
                                                        expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


OFFICIALS_ARE_A_FIXED_TERM = [
    # "должностное лицо" is an official, a fixed term as "юридическое лицо" is: its adjective stays.
    ("пяти", "Суд оштрафовал пяти должностных лиц акимата.", count(5, "должностных лиц")),
    ("12 должностных лиц", "К дисциплинарной ответственности привлечены 12 должностных лиц.",
     count(12, "должностных лиц")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), OFFICIALS_ARE_A_FIXED_TERM,
                         ids=[case[1] for case in OFFICIALS_ARE_A_FIXED_TERM])
def test_officials_are_a_fixed_term(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_an_instrument_whose_complement_is_described_further_is_counted_alone() -> None:
    # "датчиков уровня воды": the complement has a genitive of its own, a description of the sensors (set 34 counts
    # "40 датчиков качества воздуха" as датчиков).
    same(suggest("25", published=PUBLISHED, context="На дамбе смонтируют 25 датчиков уровня воды.").value,
         count(25, "датчиков"))


def test_the_same_period_of_a_named_year_is_the_period_named_before_in_that_year() -> None:
    # "аналогичный период 2024 года" after "за первое полугодие 2025 года" is January-June 2024; the period may stand in
    # the sentence, the one before it, or a headline further up.
    same(suggest("аналогичный период 2024 года", published="2025-08-05",
                 context="За первое полугодие 2025 года порт перевалил 3,1 млн т, что на 12% больше, чем за "
                         "аналогичный период 2024 года.").value, span("2024-01", "2024-06"))
    same(suggest("тем же периодом 2025 года", published="2026-05-12",
                 context="Продажи выросли на 8% по сравнению с тем же периодом 2025 года.",
                 before="Основные итоги.", earlier="Банк подвел итоги за январь–апрель 2026 года.").value,
         span("2025-01", "2025-04"))


def test_the_same_period_of_a_year_with_no_period_named_is_that_year() -> None:
    same(suggest("аналогичный период 2025 года", published="2026-05-12",
                 context="Экспорт вырос на 8% к уровню за аналогичный период 2025 года.").value, date("2025"))


PARTICIPLES_OF_VERBS_IN_OVAT = [
    # The plural short passive participle of a verb in "-овать/-ировать" ("госпитализированы", "эвакуированы",
    # "профинансированы") is the clause's verb, with or without a prefix: the figure before it counts the noun named
    # before, as "приняты", "выданы" do. No noun ends in "-ованы"/"-еваны".
    ("трое", "При пожаре пострадали семь рабочих, трое госпитализированы.", count(3, "рабочих")),
    ("12", "Из 40 проектов 12 профинансированы полностью.", count(12, "проектов")),
    ("двое", "С острова сняли пятерых рыбаков, двое эвакуированы вертолетом.", count(2, "рыбаков")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PARTICIPLES_OF_VERBS_IN_OVAT,
                         ids=[case[1] for case in PARTICIPLES_OF_VERBS_IN_OVAT])
def test_a_short_participle_in_ovany_is_no_counted_noun(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)
