"""The English and Russian classes of misses sets 44 and 45 showed at their first score, each tested on other sentences
than the sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that
names the noun)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, percent, quantity, same, same_in_context, span

from kzeu_desk.core.typed_value import ValueKind
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-11-20"

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


FRACTIONAL_MULTIPLIERS = [
    # Occasions are whole: "раза" after a fraction or a range with one is a multiplier even without its "в".
    ("почти 2,5 раза", "", "Очередь на границе за месяц выросла почти 2,5 раза.", quantity(2.5, "×", upper=2.5)),
    ("от 1,2 до 1,8 раза", "", "Заявки превышали лимит от 1,2 до 1,8 раза.", quantity(None, "×", lower=1.2, upper=1.8)),
    ("превысил полтора раза", "", "Рост тарифа за пять лет превысил полтора раза.", quantity(1.5, "×", lower=1.5)),
]


@pytest.mark.parametrize("case", FRACTIONAL_MULTIPLIERS, ids=[case[0] for case in FRACTIONAL_MULTIPLIERS])
def test_raza_after_a_fraction_is_a_multiplier(case: Case) -> None:
    _check(case)


VULGAR_FRACTIONS = [
    # A whole number with a vulgar fraction glued to it is one figure ("2¼" is 2.25); "½" alone is half of one.
    ("nearly 3½ percent", "", "Mortgage rates eased to nearly 3½ percent by the spring.", percent(3.5, approximate=True)),
    ("5¾ percent", "", "The regulator kept its policy rate at 5¾ percent.", percent(5.75)),
    ("about 2¼ years", "", "The refit of the ferry took about 2¼ years.", quantity(2.25, "years", approximate=True)),
    ("½ percent", "", "Each delay cut the bonus by ½ percent.", percent(0.5)),
]


@pytest.mark.parametrize("case", VULGAR_FRACTIONS, ids=[case[0] for case in VULGAR_FRACTIONS])
def test_a_vulgar_fraction_is_part_of_its_figure(case: Case) -> None:
    _check(case)


PLACES_IN_A_RANKING = [
    # A rank is recorded as the count of its place, the noun as written; an ordinal with no noun after it takes the
    # place of the ordinal before it; "in the first place" (firstly) is no place.
    ("11th place", "", "The orchestra finished in 11th place at the festival in Graz.", count(11, "place")),
    ("third place", "", "Almaty rose to third place in the index of Asian start-up hubs.", count(3, "place")),
    ("17-е место", "", "В рейтинге инноваций страна поднялась на 17-е место, Грузия – на 23-е.", count(17, "место")),
    ("23-е", "", "В рейтинге инноваций страна поднялась на 17-е место, Грузия – на 23-е.", count(23, "место")),
    ("втором месте", "", "По итогам года банк оказался на втором месте по активам.", count(2, "месте")),
]


@pytest.mark.parametrize("case", PLACES_IN_A_RANKING, ids=[case[0] for case in PLACES_IN_A_RANKING])
def test_a_place_in_a_ranking_is_the_count_of_its_place(case: Case) -> None:
    _check(case)


def test_in_the_first_place_is_no_place() -> None:
    assert suggest("first", published=PUBLISHED, context="In the first place, the grant is too small.").value.kind \
        is not ValueKind.COUNT


TEN_DAYS_OF_A_MONTH = [
    # A month's "декада" is days 1-10, 11-20 or 21 to its end ("последняя" is the third), in the month's year.
    ("во второй декаде июня", "", "Посевная в области завершилась во второй декаде июня.", span("2026-06-11", "2026-06-20")),
    ("первой декаде марта 2027 года", "", "Первые поставки ожидаются в первой декаде марта 2027 года.",
     span("2027-03-01", "2027-03-10")),
    ("последней декаде февраля 2028 года", "", "Паводок начался в последней декаде февраля 2028 года.",
     span("2028-02-21", "2028-02-29")),
    ("третью декаду октября", "", "Собрание перенесли на третью декаду октября.", span("2026-10-21", "2026-10-31")),
]


@pytest.mark.parametrize("case", TEN_DAYS_OF_A_MONTH, ids=[case[0] for case in TEN_DAYS_OF_A_MONTH])
def test_ten_days_of_a_month_are_a_range(case: Case) -> None:
    _check(case)


RUSSIAN_COMPOUND_ORDINALS = [
    # Tens said as a cardinal and a unit as an ordinal are one ordinal in any case, whatever noun it numbers.
    ("тридцать четвертого тиража", "", "Победителей тридцать четвертого тиража лотереи объявили в пятницу.",
     count(34, "тиража")),
    ("сорок первой партии", "", "Из сорок первой партии зерна отобрали пробы.", count(41, "партии")),
    ("двадцать седьмой номер", "", "Журнал выпустил двадцать седьмой номер к юбилею.", count(27, "номер")),
]


@pytest.mark.parametrize("case", RUSSIAN_COMPOUND_ORDINALS, ids=[case[0] for case in RUSSIAN_COMPOUND_ORDINALS])
def test_a_russian_compound_ordinal_is_one_number(case: Case) -> None:
    _check(case)


RUSSIAN_MONTHS_IN_THE_INSTRUMENTAL = [
    # A month in the instrumental ("с ноябрем", "между мартом и маем") is the month, dated as in any other case.
    ("сентябрем прошлого года", "", "По сравнению с сентябрем прошлого года пассажиропоток вырос на 12%.", date("2025-09")),
    ("декабрем 2024 года", "", "По сравнению с декабрем 2024 года тариф не изменился.", date("2024-12")),
    ("августом", "", "По сравнению с августом число рейсов выросло вдвое.", date("2026-08")),
]


@pytest.mark.parametrize("case", RUSSIAN_MONTHS_IN_THE_INSTRUMENTAL,
                         ids=[case[0] for case in RUSSIAN_MONTHS_IN_THE_INSTRUMENTAL])
def test_a_russian_month_in_the_instrumental_is_a_date(case: Case) -> None:
    _check(case)


RUSSIAN_TIMETABLE_PRESENT = [
    # A fixture's or timetable's present announces, as English "kicks off" does: the day of that name ahead.
    ("в среду", "", "Молодежная сборная в среду принимает Финляндию в Шымкенте.", date("2026-11-25")),
    ("в воскресенье", "", "Выставка европейской графики в воскресенье открывается в Караганде.", date("2026-11-22")),
    ("в понедельник", "", "Первый поезд в Тбилиси в понедельник отправляется из Актау.", date("2026-11-23")),
]


@pytest.mark.parametrize("case", RUSSIAN_TIMETABLE_PRESENT, ids=[case[0] for case in RUSSIAN_TIMETABLE_PRESENT])
def test_a_russian_timetable_present_announces(case: Case) -> None:
    _check(case)


RUSSIAN_WEEKDAY_AFTER_A_PART_OF_THE_DAY = [
    # "к утру четверга", "до вечера пятницы": the day in the genitive after a part of it, dated by the tense.
    ("вторника", "", "К вечеру вторника в пунктах приема было зарегистрировано 3 100 беженцев.", date("2026-11-17")),
    ("среды", "", "Утром среды на трассе образовалась пробка длиной 12 км.", date("2026-11-18")),
]


@pytest.mark.parametrize("case", RUSSIAN_WEEKDAY_AFTER_A_PART_OF_THE_DAY,
                         ids=[case[0] for case in RUSSIAN_WEEKDAY_AFTER_A_PART_OF_THE_DAY])
def test_a_russian_weekday_after_a_part_of_the_day(case: Case) -> None:
    _check(case)


OR_OLDER_OR_YOUNGER = [
    # "or older", "or longer" after a measure make it a floor; "or younger", "or shorter" a ceiling.
    ("65 years or older", "", "Flu shots are free for residents 65 years or older.", quantity(65, "years", lower=65)),
    ("three months or longer", "", "Contracts of three months or longer need a work permit.",
     quantity(3, "months", lower=3)),
    ("12 years or younger", "", "Children 12 years or younger enter the museum free.", quantity(None, "years", upper=12)),
]


@pytest.mark.parametrize("case", OR_OLDER_OR_YOUNGER, ids=[case[0] for case in OR_OLDER_OR_YOUNGER])
def test_or_older_and_or_younger_bound_a_measure(case: Case) -> None:
    _check(case)


A_DECADE_UNDER_A_BOUND = [
    # "a decade" is ten years under a bound too, as it is alone ("more than a decade", "less than a decade").
    ("more than a decade", "", "The museum had waited more than a decade for the loan.", quantity(10, "years", lower=10)),
    ("less than a decade", "", "The bridge was rebuilt in less than a decade.", quantity(None, "years", upper=10)),
]


@pytest.mark.parametrize("case", A_DECADE_UNDER_A_BOUND, ids=[case[0] for case in A_DECADE_UNDER_A_BOUND])
def test_a_decade_under_a_bound_is_ten_years(case: Case) -> None:
    _check(case)


FIGURES_FOR_A_PERIOD = [
    # "цифры за", "the numbers for" a period are of one that has passed, whatever the tense of their release.
    ("второй квартал", "", "Цифры за второй квартал министерство опубликует через неделю.", span("2026-04", "2026-06")),
    ("the first quarter", "", "The numbers for the first quarter will be out next month.", span("2026-01", "2026-03")),
]


@pytest.mark.parametrize("case", FIGURES_FOR_A_PERIOD, ids=[case[0] for case in FIGURES_FOR_A_PERIOD])
def test_figures_for_a_period_are_of_one_that_passed(case: Case) -> None:
    _check(case)


NEAREST_QUARTERS = [
    # "last quarter", "next quarter", "в прошлом квартале": the quarter before, of or after the publication's.
    ("last quarter", "", "Card payments abroad fell by a fifth last quarter.", span("2026-07", "2026-09")),
    ("next quarter", "", "The airline adds two flights to Milan next quarter.", span("2027-01", "2027-03")),
    ("в текущем квартале", "", "В текущем квартале завод выпустит 40 вагонов.", span("2026-10", "2026-12")),
    ("прошлого квартала", "", "По итогам прошлого квартала банк нарастил кредитный портфель.", span("2026-07", "2026-09")),
]


@pytest.mark.parametrize("case", NEAREST_QUARTERS, ids=[case[0] for case in NEAREST_QUARTERS])
def test_a_quarter_named_from_publication(case: Case) -> None:
    _check(case)


SIZE_AND_AGE_ADJECTIVES = [
    # Size and age are adjectives the counted noun drops, as "large", "small" and "old" are.
    ("two huge cranes", "", "The port of Aktau bought two huge cranes from a Finnish maker.", count(2, "cranes")),
    ("40", "", "The library has digitised 40 ancient manuscripts so far.", count(40, "manuscripts")),
    ("900 tiny", "", "Volunteers counted 900 tiny seedlings in the nursery.", count(900, "seedlings")),
]


@pytest.mark.parametrize("case", SIZE_AND_AGE_ADJECTIVES, ids=[case[0] for case in SIZE_AND_AGE_ADJECTIVES])
def test_size_and_age_adjectives_are_dropped_from_the_noun(case: Case) -> None:
    _check(case)


THE_YEAR_END_IS_AN_EVENT = [
    # "of the year end" is a limit counted from an event, not the year's first months; the figure it is set against
    # takes its measure.
    ("within three months of the year end", "", "Listed companies file their reports within three months of the year "
     "end, against five before the reform.", quantity(None, "months", upper=3)),
    ("five", "", "Listed companies file their reports within three months of the year end, against five before the "
     "reform.", quantity(5, "months")),
]


@pytest.mark.parametrize("case", THE_YEAR_END_IS_AN_EVENT, ids=[case[0] for case in THE_YEAR_END_IS_AN_EVENT])
def test_months_of_the_year_end_are_a_time_limit(case: Case) -> None:
    _check(case)


AN_EXPECTATION_WITH_ITS_INFINITIVE = [
    # "expect … to" announces, even after a past in the same clause; "expect X, down from Y in October" compares.
    ("the second quarter", "", "Sales slowed in January, and we expect orders to recover in the second quarter.",
     span("2027-04", "2027-06")),
    ("March", "", "The mill closed for repairs in October and the owners anticipate it to reopen in March.",
     date("2027-03")),
]


@pytest.mark.parametrize("case", AN_EXPECTATION_WITH_ITS_INFINITIVE,
                         ids=[case[0] for case in AN_EXPECTATION_WITH_ITS_INFINITIVE])
def test_an_expectation_with_its_infinitive_announces(case: Case) -> None:
    _check(case)


def test_an_expectation_compared_with_a_past_month_keeps_it_past() -> None:
    _check(("October", "", "Economists expect prices to rise 4%, up from 3.1% in October.", date("2026-10")))


A_CHANGE_IN_A_CLAUSE_OF_ITS_OWN = [
    # "до X, а число Y – с N до M": a change after "а", "but" starts from its own figure, not from the "до" before.
    ("900", "", "Мощность станции вырастет до 50 МВт, а число инверторов – с 900 до 1 400.", count(900, "инверторов")),
    ("40", "", "Capacity will rise to 3 GW, but the number of turbines from 40 to 55.", count(40, "turbines")),
]


@pytest.mark.parametrize("case", A_CHANGE_IN_A_CLAUSE_OF_ITS_OWN, ids=[case[0] for case in A_CHANGE_IN_A_CLAUSE_OF_ITS_OWN])
def test_a_change_in_a_clause_of_its_own_starts_from_its_own_figure(case: Case) -> None:
    _check(case)


RUSSIAN_NOUN_BEFORE_ITS_NUMBER = [
    # A sentence opening on the counted noun in the genitive plural, its number after it, counts that noun, whose
    # genitive plural may have no ending ("задач", "смен").
    ("две", "", "Задач всего две.", count(2, "задач")),
    ("три", "Завод работает круглосуточно.", "Смен три.", count(3, "смен")),
]


@pytest.mark.parametrize("case", RUSSIAN_NOUN_BEFORE_ITS_NUMBER, ids=[case[0] for case in RUSSIAN_NOUN_BEFORE_ITS_NUMBER])
def test_a_russian_noun_before_its_number_is_counted(case: Case) -> None:
    _check(case)


RUSSIAN_ONE_HIGHLIGHTED_ALONE = [
    # A form of "один" highlighted alone is one of the noun after it; "одном из" (one of) names none.
    ("одной", "", "Из трех заявок две отклонили, по одной заявке решение отложено.", count(1, "заявке")),
    ("одну", "", "Фермер продал одну тонну семян.", quantity(1, "тонну")),
]


@pytest.mark.parametrize("case", RUSSIAN_ONE_HIGHLIGHTED_ALONE, ids=[case[0] for case in RUSSIAN_ONE_HIGHLIGHTED_ALONE])
def test_russian_one_highlighted_alone_counts_its_noun(case: Case) -> None:
    _check(case)


def test_russian_one_of_names_no_noun() -> None:
    assert suggest("одном", published=PUBLISHED, context="Он выступал в одном из клубов Праги.").value.kind \
        is ValueKind.TEXT


RUSSIAN_DATIVE_PLURAL_ADJECTIVES = [
    # An adjective in the dative plural ("-ым", "-ским") is dropped from the counted noun, as "-ых" is.
    ("12 крупным компаниям", "", "Льготные кредиты выдали 12 крупным компаниям региона.", count(12, "компаниям")),
    ("40 сельским школам", "", "Министерство передало компьютеры 40 сельским школам.", count(40, "школам")),
]


@pytest.mark.parametrize("case", RUSSIAN_DATIVE_PLURAL_ADJECTIVES,
                         ids=[case[0] for case in RUSSIAN_DATIVE_PLURAL_ADJECTIVES])
def test_a_russian_dative_plural_adjective_is_dropped(case: Case) -> None:
    _check(case)


AN_AGE_SET_OFF_BY_COMMAS = [
    # "at" and a number between commas before the person it describes is that person's age, in years.
    ("at 67", "", "He ran the museum until 2019, when, at 67, he handed it to his deputy.", quantity(67, "years")),
    ("41", "", "At 41, she became the youngest rector in the country.", quantity(41, "years")),
]


@pytest.mark.parametrize("case", AN_AGE_SET_OFF_BY_COMMAS, ids=[case[0] for case in AN_AGE_SET_OFF_BY_COMMAS])
def test_an_age_set_off_by_commas_is_in_years(case: Case) -> None:
    _check(case)


def test_a_time_at_a_number_is_no_age() -> None:
    same(suggest("9", published=PUBLISHED, context="The hearing resumed at 9 and ended at noon.").value,
         quantity(9, None))


THE_YEAR_AFTER_ONE_NAMED = [
    # "the following year", "годом позже" after a year written in the sentence is the year after it; "next year" alone
    # still counts from the publication.
    ("the following year", "", "The choir first toured Italy in 1998 and returned the following year.", date("1999")),
    ("годом позже", "", "Первый терминал открыли в 2015 году, второй – годом позже.", date("2016")),
    ("next year", "", "The ministry will raise the grant next year.", date("2027")),
]


@pytest.mark.parametrize("case", THE_YEAR_AFTER_ONE_NAMED, ids=[case[0] for case in THE_YEAR_AFTER_ONE_NAMED])
def test_the_year_after_one_named_before(case: Case) -> None:
    _check(case)


A_DAY_IN_AN_ASIDE_ABOUT_A_NOUN = [
    # A day set off by commas after a noun dates the noun, not the clause's verb: dated by nearness (a fortnight after
    # publication here); after a past verb it is the verb's own.
    ("2 December", "", "Seats for the gala concert, on 2 December, were gone within an hour.", date("2026-12-02")),
    ("on 18 November", "", "The hearing adjourned, on 18 November, without a ruling.", date("2026-11-18")),
]


@pytest.mark.parametrize("case", A_DAY_IN_AN_ASIDE_ABOUT_A_NOUN, ids=[case[0] for case in A_DAY_IN_AN_ASIDE_ABOUT_A_NOUN])
def test_a_day_in_an_aside_about_a_noun_is_dated_by_nearness(case: Case) -> None:
    _check(case)
