"""The classes of the Russian misses of sets 52 and 53 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-10-14"

# (highlight, its sentence, the curator's value)
HOURS_ABBREVIATED = [
    # "ч" after a figure is hours, as "час" is: a measure of time, grouped digits or not, with a decimal or not.
    ("1 500 ч", "Общий налет инструктора – 1 500 ч.", quantity(1500, "ч")),
    ("320 ч", "Ресурс насоса до ремонта – 320 ч, после чего его меняют.", quantity(320, "ч")),
    ("2,5 ч", "Поездка на автобусе займет 2,5 ч.", quantity(2.5, "ч")),
    ("48 ч", "Ответ на жалобу дается в течение 48 ч после ее подачи.", quantity(48, "ч")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), HOURS_ABBREVIATED,
                         ids=[case[0] for case in HOURS_ABBREVIATED])
def test_an_abbreviated_hour_is_a_measure_of_time(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_the_abbreviation_of_a_part_is_no_hour() -> None:
    # "ч. 2 ст. 7" (part 2 of article 7) and "в т. ч." (including) have no figure before their "ч".
    value = suggest("25 домов", published=PUBLISHED, context="Построено 25 домов, в т. ч. два общежития.").value
    same(value, count(25, "домов"))


LEADING_ZERO_IS_A_DECIMAL = [
    # A comma after a lone "0" is a decimal comma whatever follows it: no figure is grouped as "0,xxx" thousands.
    ("0,045 мг/кг", "Содержание кадмия в рисе составило 0,045 мг/кг.", quantity(0.045, "мг/кг")),
    ("0,125 т", "Вес одного модуля – 0,125 т.", quantity(0.125, "т")),
    ("0,300", "Коэффициент снизился до 0,300.", quantity(0.3, None)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), LEADING_ZERO_IS_A_DECIMAL,
                         ids=[case[0] for case in LEADING_ZERO_IS_A_DECIMAL])
def test_a_comma_after_a_lone_zero_is_a_decimal_comma(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_thousands_are_still_grouped_with_a_comma() -> None:
    same(suggest("3,250", published=PUBLISHED, context="The port handled 3,250 ships.").value, count(3250, "ships"))


UNITS_WRITTEN_AS_ONE = [
    # Micrograms per kilogram are one unit, as milligrams per kilogram are; cubic kilometres and cubic metres written
    # "куб. км", "куб. м" are one unit, as "кв. км" is, not a count of "куб".
    ("0,4 мкг/кг", "Допустимая доза токсина – 0,4 мкг/кг массы тела.", quantity(0.4, "мкг/кг")),
    ("12 куб. км", "Объем водохранилища достигает 12 куб. км.", quantity(12, "куб. км")),
    ("350 куб. м", "За сутки станция подает 350 куб. м воды.", quantity(350, "куб. м")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), UNITS_WRITTEN_AS_ONE,
                         ids=[case[0] for case in UNITS_WRITTEN_AS_ONE])
def test_units_written_with_a_slash_or_an_abbreviated_cube_are_one_unit(selection: str, context: str,
                                                                       expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


MEASURES_IN_WORDS = [
    # Illuminance in lux is measured, as degrees are; a ceiling with it keeps the measure.
    ("не превышает 300 люкс", "Освещенность в хранилище не превышает 300 люкс.", quantity(None, "люкс", upper=300)),
    ("500 люкс", "На рабочем месте нужно 500 люкс.", quantity(500, "люкс")),
    # Work measured in people times a span of time ("человеко-дней", "человеко-месяцев", "человеко-лет") is a measure,
    # as "человеко-часов" is.
    ("около 120 человеко-дней", "Ремонт потребует около 120 человеко-дней.",
     quantity(120, "человеко-дней", approximate=True)),
    ("18 человеко-месяцев", "Проект оценен в 18 человеко-месяцев.", quantity(18, "человеко-месяцев")),
    ("4 человеко-года", "На разработку ушло 4 человеко-года.", quantity(4, "человеко-года")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), MEASURES_IN_WORDS,
                         ids=[case[0] for case in MEASURES_IN_WORDS])
def test_lux_and_work_in_person_time_are_measures(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_a_new_year_adjective_is_no_measure() -> None:
    # "новогодних" has a combining "о" before "год" but no hyphen: presents are counted.
    same(suggest("300 новогодних подарков", published=PUBLISHED,
                 context="Акимат вручил 300 новогодних подарков.").value, count(300, "подарков"))


VERBAL_NOUNS_IN_IE = [
    # A noun in "-ение", "-ание", "-тие" is no adjective in "-ие": after a figure ending in 1 it stands in the
    # nominative singular ("21 заявление") and is what is counted.
    ("21 заявление", "За неделю в акимат поступило 21 заявление.", count(21, "заявление")),
    ("41 здание", "В городе отремонтируют 41 здание.", count(41, "здание")),
    ("31 мероприятие", "В программе фестиваля 31 мероприятие.", count(31, "мероприятие")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), VERBAL_NOUNS_IN_IE,
                         ids=[case[0] for case in VERBAL_NOUNS_IN_IE])
def test_a_noun_in_ie_is_counted(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_soft_adjectives_in_nie_are_still_passed_over() -> None:
    # "последние", "летние" are adjectives: the noun after them is counted.
    same(suggest("21 летние площадки", published=PUBLISHED,
                 context="В парке открыли 21 летние площадки.").value, count(21, "площадки"))


MEMBERS_OF_A_BODY = [
    # "член" (member) is a member of something: its genitive complement is part of what is counted, as
    # "пунктов пропуска" is.
    ("пять членов комиссии", "На заседании присутствовали пять членов комиссии.", count(5, "членов комиссии")),
    ("12 членов совета", "В состав вошли 12 членов совета.", count(12, "членов совета")),
    ("9 членов правления", "Банком руководят 9 членов правления.", count(9, "членов правления")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), MEMBERS_OF_A_BODY,
                         ids=[case[0] for case in MEMBERS_OF_A_BODY])
def test_members_are_counted_with_what_they_are_members_of(selection: str, context: str,
                                                          expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


NOUN_BEFORE_ITS_FIGURE = [
    # Russian may put the counted noun in the genitive plural before a figure that closes its clause ("таких школ
    # пять", "из опрошенных фермеров 18 – ..."): the figure counts it, and so does a bare figure after it in the same
    # sentence ("еще 9").
    ("пять", "В районе таких школ пять.", count(5, "школ")),
    ("18", "Среди опрошенных фермеров 18 – владельцы теплиц, еще 9 выращивают только зерно.", count(18, "фермеров")),
    ("9", "Среди опрошенных фермеров 18 – владельцы теплиц, еще 9 выращивают только зерно.", count(9, "фермеров")),
    ("14", "Из всех новых маршрутов 14 – международные.", count(14, "маршрутов")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), NOUN_BEFORE_ITS_FIGURE,
                         ids=[case[0] + " / " + case[1] for case in NOUN_BEFORE_ITS_FIGURE])
def test_a_genitive_plural_before_a_figure_closing_its_clause_is_what_it_counts(selection: str, context: str,
                                                                               expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_a_noun_before_a_figure_that_goes_on_is_not_what_it_counts() -> None:
    # A figure with its own noun after it, and a measure before it, keep their readings.
    same(suggest("12", published=PUBLISHED, context="Для фермеров 12 семинаров проведут весной.").value,
         count(12, "семинаров"))
    assert suggest("40", published=PUBLISHED, context="Глубина колодцев 40 – 60 метров.").value.unit != "колодцев"


SINCE_A_STATE_FAR_AHEAD = [
    # "с <month> действует" opens a state in force: of the publication's year when the month is passed or at most three
    # months ahead (an announcement), but a month further ahead than that began the year before, as the conventions
    # place a month named without a year ("с августа действует" in March is last August).
    ("августа", "С августа в порту действует новый тариф на хранение зерна.", "2026-03-05", date("2025-08")),
    ("октября", "С октября перевозчики обязаны ставить на вагоны электронные пломбы.", "2026-04-20", date("2025-10")),
    # (Three months ahead is still an announcement.)
    ("мая", "С мая в порту действует новый тариф.", "2026-02-05", date("2026-05")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), SINCE_A_STATE_FAR_AHEAD,
                         ids=[case[0] + " / " + case[2] for case in SINCE_A_STATE_FAR_AHEAD])
def test_a_state_in_force_since_a_month_far_ahead_began_the_year_before(selection: str, context: str, published: str,
                                                                       expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


PEOPLE_NAMED_BY_AN_ADJECTIVE = [
    # Adjectives Russian uses as nouns for people ("взрослых", "рабочих", "ученых", "пожилых") are what a figure counts
    # when no noun follows them: before "и", a preposition, punctuation or the sentence's end.
    ("троих взрослых", "Номер рассчитан на троих взрослых.", count(3, "взрослых")),
    ("двух взрослых", "Скидка действует для двух взрослых и одного ребенка.", count(2, "взрослых")),
    ("40 ученых", "В экспедиции участвуют 40 ученых из пяти стран.", count(40, "ученых")),
    ("120 рабочих", "На заводе трудятся 120 рабочих и 15 инженеров.", count(120, "рабочих")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PEOPLE_NAMED_BY_AN_ADJECTIVE,
                         ids=[case[0] for case in PEOPLE_NAMED_BY_AN_ADJECTIVE])
def test_adjectives_that_name_people_are_counted_when_no_noun_follows(selection: str, context: str,
                                                                     expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_those_adjectives_before_a_noun_still_qualify_it() -> None:
    same(suggest("14 взрослых особей", published=PUBLISHED, context="У берега нашли 14 взрослых особей.").value,
         count(14, "особей"))
    same(suggest("200 рабочих мест", published=PUBLISHED, context="Завод создаст 200 рабочих мест.").value,
         count(200, "рабочих мест"))


PART_OF_A_SHARE_NAMED_BEFORE = [
    # "N из них" after a share of a noun in its sentence ("более трети предметов …, а 46 из них …") counts that noun,
    # the share's figure being no count to lend it.
    ("12", "Половина участников приехала из регионов, а 12 из них – впервые.", count(12, "участников")),
    ("8", "Около 30 % опрошенных фермеров берут кредиты, и 8 из них уже просрочили платеж.", count(8, "фермеров")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PART_OF_A_SHARE_NAMED_BEFORE,
                         ids=[case[1] for case in PART_OF_A_SHARE_NAMED_BEFORE])
def test_a_part_of_them_after_a_share_counts_the_share_s_noun(selection: str, context: str,
                                                             expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


# (highlight, its sentence, the sentence before, the text before those, the curator's value)
ITEMS_OF_A_LIST = [
    # A bare figure in an item of a list whose items end in ";" counts the noun the nearest item before it names, however
    # many bare items stand between, and so does "остальные N" closing the list.
    ("7", "Хозяйства Костанайской области – 7;", "Хозяйства Акмолинской области – 5;",
     "Техника распределена так:\nХозяйства СКО – 12 комбайнов;\n", count(7, "комбайнов")),
    ("девять", "остальные девять – в южных регионах.", "Хозяйства Костанайской области – 7;",
     "Техника распределена так:\nХозяйства СКО – 12 комбайнов;\nХозяйства Акмолинской области – 5;\n", count(9, "комбайнов")),
]


@pytest.mark.parametrize(("selection", "context", "before", "earlier", "expected"), ITEMS_OF_A_LIST,
                         ids=[case[1] for case in ITEMS_OF_A_LIST])
def test_a_bare_item_of_a_list_counts_the_noun_an_item_before_names(selection: str, context: str, before: str,
                                                                    earlier: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context, before=before, earlier=earlier).value, expected)


def test_a_list_does_not_reach_past_its_first_item() -> None:
    value = suggest("7", published=PUBLISHED, context="Хозяйства Костанайской области – 7;", before="Хозяйства Акмолинской области – 5;",
                    earlier="В прошлом году хозяйства купили 40 тракторов.\n").value
    assert value.unit != "тракторов"


def test_public_hearings_are_a_fixed_term() -> None:
    # Public hearings are a procedure of consultation the law sets, not any hearing (a court's "судебные слушания"):
    # the qualifier stays, as "совместных предприятий" keeps its own.
    same(suggest("пять", published=PUBLISHED, context="По проекту карьера прошли пять общественных слушаний.").value,
         count(5, "общественных слушаний"))
    same(suggest("три судебных слушания", published=PUBLISHED,
                 context="Суд отложил три судебных слушания.").value, count(3, "слушания"))
