"""The Russian classes of misses sets 56 and 57 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that names what
it needs)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, money, percent, quantity, same_in_context, span

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-06-18"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


MILLISECONDS = [
    # "мс" is milliseconds, a measure as "ч" and "мин" are: its unit kept, not a unit-less figure.
    ("18 мс", "", "После замены маршрутизатора пинг до Москвы упал до 18 мс.", quantity(18, "мс")),
    ("250 мс", "", "Задержка голосовой связи не должна превышать 250 мс.", quantity(250, "мс")),
    # Guards: metres and milligrams keep their units.
    ("40 м", "", "Высота вышки связи – 40 м.", quantity(40, "м")),
    ("5 мг", "", "Одна таблетка содержит 5 мг действующего вещества.", quantity(5, "мг")),
]


@pytest.mark.parametrize("case", MILLISECONDS, ids=[case[0] for case in MILLISECONDS])
def test_milliseconds_are_a_unit(case: Case) -> None:
    _check(case)


DOES_NOT_REACH = [
    # "не достигает/не достигла/не достигли X": the figure is a ceiling, as "менее X" is.
    ("не достигает 15%", "", "Доля онлайн-продаж в регионе пока не достигает 15%.", percent(None, upper=15)),
    ("не достигли 200 тонн", "", "Сборы меда в этом году не достигли 200 тонн.", quantity(None, "тонн", upper=200)),
    ("не достигла 40 км/ч", "", "Средняя скорость поездов не достигла 40 км/ч.", quantity(None, "км/ч", upper=40)),
    # Guard: the verb without "не" says nothing of a bound the highlight holds.
    ("12 км", "", "Очередь достигла 12 км.", quantity(12, "км")),
]


@pytest.mark.parametrize("case", DOES_NOT_REACH, ids=[case[0] for case in DOES_NOT_REACH])
def test_falling_short_of_a_figure_is_a_ceiling(case: Case) -> None:
    _check(case)


A_BOUND_AFTER_THE_FIGURE = [
    # "X и менее", "X и более", "X или больше": the bound written after the figure.
    ("5 лет и менее", "", "Водители со стажем 5 лет и менее платят повышенный тариф.", quantity(None, "лет", upper=5)),
    ("20 человек и более", "", "Группы из 20 человек и более получают скидку.", count(20, "человек", lower=20)),
    ("3 месяцев или больше", "", "Задолженность сроком 3 месяцев или больше передается коллекторам.",
     quantity(3, "месяцев", lower=3)),
    ("1 млн тенге и менее", "", "Займы на сумму 1 млн тенге и менее выдаются без залога.",
     money(None, "KZT", upper=1e6)),
]


@pytest.mark.parametrize("case", A_BOUND_AFTER_THE_FIGURE, ids=[case[0] for case in A_BOUND_AFTER_THE_FIGURE])
def test_a_bound_written_after_the_figure(case: Case) -> None:
    _check(case)


HOURS_AND_MINUTES = [
    # One duration in hours and minutes is recorded in minutes, added up.
    ("1 час 25 минут", "", "Рейс из Астаны в Шымкент длится 1 час 25 минут.", quantity(85, "минут")),
    ("около 4 часов 10 минут", "", "Досмотр поезда занял около 4 часов 10 минут.",
     quantity(250, "минут", approximate=True)),
    # Guard: hours alone stay hours.
    ("6 часов", "", "Ремонт путей продлится 6 часов.", quantity(6, "часов")),
]


@pytest.mark.parametrize("case", HOURS_AND_MINUTES, ids=[case[0] for case in HOURS_AND_MINUTES])
def test_hours_and_minutes_are_one_duration(case: Case) -> None:
    _check(case)


AT_THE_LATEST_SO_LONG_BEFORE = [
    # "не позднее (чем) за X до …": done X or more ahead, a floor on the lead time.
    ("не позднее чем за 3 дня", "", "Об отмене брони нужно сообщить не позднее чем за 3 дня до заезда.",
     quantity(3, "дня", lower=3)),
    ("не позднее за 48 часов", "", "Пассажир вправе вернуть билет не позднее за 48 часов до отправления.",
     quantity(48, "часов", lower=48)),
    # Guard: "не позднее" of a date is no lead time.
    ("30 дней", "", "Ответ дается в течение 30 дней.", quantity(30, "дней")),
]


@pytest.mark.parametrize("case", AT_THE_LATEST_SO_LONG_BEFORE, ids=[case[0] for case in AT_THE_LATEST_SO_LONG_BEFORE])
def test_at_the_latest_so_long_before_is_a_floor(case: Case) -> None:
    _check(case)


A_LATIN_ABBREVIATION_HYPHENED_TO_A_RUSSIAN_NOUN = [
    # "IT-компаний", "SIM-карт": a Latin abbreviation joined to a Russian noun by a hyphen is a Russian noun, counted as
    # written (not an English word that counts nothing).
    ("40 IT-компаний", "", "В технопарке зарегистрированы 40 IT-компаний из пяти стран.", count(40, "IT-компаний")),
    ("15 SIM-карт", "", "У задержанного изъяли 15 SIM-карт и два ноутбука.", count(15, "SIM-карт")),
    ("230", "", "За квартал банк выпустил 230 eSIM-профилей для корпоративных клиентов.", count(230, "eSIM-профилей")),
    # Guards: a Latin name before a Russian noun still qualifies it; English stays English.
    ("12 Boeing самолетов", "", "Авиакомпания получит 12 Boeing самолетов до конца года.", count(12, "самолетов")),
    ("40", "", "The fund backed 40 start-ups last year.", count(40, "start-ups")),
]


@pytest.mark.parametrize("case", A_LATIN_ABBREVIATION_HYPHENED_TO_A_RUSSIAN_NOUN,
                         ids=[case[0] for case in A_LATIN_ABBREVIATION_HYPHENED_TO_A_RUSSIAN_NOUN])
def test_a_latin_abbreviation_hyphened_to_a_russian_noun_is_counted(case: Case) -> None:
    _check(case)


WHICH_YEAR_OF_DOING: list[tuple[str, str, str, TypedValue | None]] = [
    # "Я третий год работаю", "уже пятый год": an ordinal highlighted alone before "год" counts which year of doing
    # it, `count N год`, as set 35's "fifth year" is `count 5 year`.
    ("четвертый", "", "Мы четвертый год арендуем склад в Хоргосе.", count(4, "год")),
    ("седьмой", "", "Фонд уже седьмой год выдает гранты молодым ученым.", count(7, "год")),
    # Guards: a year in a row ranks, and a year after a preposition is a period, not counted.
    ("второй", "", "Экспорт муки второй год подряд снижается.", None),
    ("первый", "", "В первый год работы стажер получает половину оклада.", None),
]


@pytest.mark.parametrize("case", WHICH_YEAR_OF_DOING, ids=[case[0] for case in WHICH_YEAR_OF_DOING])
def test_which_year_of_doing_is_a_count_of_years(case: tuple[str, str, str, TypedValue | None]) -> None:
    selection, _before, context, expected = case
    value = suggest(selection, published=PUBLISHED, context=context).value
    if expected is None:
        assert value.kind is ValueKind.TEXT, value
    else:
        _check((selection, _before, context, expected))


SO_MANY_YEARS_AS_AN_ADJECTIVE = [
    # "41-летний", "25-летнего": an age or a term written as an adjective is so many years.
    ("63-летняя", "", "Пострадавшая – 63-летняя жительница Караганды – доставлена в больницу.", quantity(63, "лет")),
    ("15-летнего", "", "Стороны обсудили условия 15-летнего контракта на поставку газа.", quantity(15, "лет")),
    # Guard: years written as a noun keep the noun's form.
    ("20 лет", "", "Компания работает на рынке 20 лет.", quantity(20, "лет")),
]


@pytest.mark.parametrize("case", SO_MANY_YEARS_AS_AN_ADJECTIVE, ids=[case[0] for case in SO_MANY_YEARS_AS_AN_ADJECTIVE])
def test_so_many_years_as_an_adjective(case: Case) -> None:
    _check(case)


TWO_FIGURES_SHARING_A_UNIT = [
    # "X и Y unit", "X или Y unit": the first figure takes the unit written after the second.
    ("3,8", "", "Средний чек в кофейнях Астаны и Алматы – 3,8 и 4,1 тыс. тенге.", money(3800, "KZT")),
    ("120", "", "Мощность двух новых станций составит 120 и 180 МВт.", quantity(120, "МВт")),
    ("6", "", "Очередь на въезд растянулась на 6 или 7 км.", quantity(6, "км")),
    ("14 млн", "", "Гранты получили два стартапа: 14 млн и 22 млн тенге.", money(14e6, "KZT")),
    # Two days of one month share it as well.
    ("14", "", "Заседания прошли 14 и 15 мая в Брюсселе.", date("2026-05-14")),
    # Guard: with more than three words after the second figure no unit is taken from them.
    ("7", "", "Рейтинг сборной – 7 и 9 по итогам двух отборочных туров прошлого сезона.", None),
]


@pytest.mark.parametrize("case", TWO_FIGURES_SHARING_A_UNIT, ids=[case[0] for case in TWO_FIGURES_SHARING_A_UNIT])
def test_two_figures_share_the_unit_after_the_second(case: tuple[str, str, str, TypedValue | None]) -> None:
    selection, _before, context, expected = case
    if expected is None:
        unit = suggest(selection, published=PUBLISHED, context=context).value.unit or ""
        assert "итог" not in unit and "тур" not in unit, unit
    else:
        _check((selection, _before, context, expected))


A_TIME_GIVEN_FROM_AN_EVENT = [
    # "у вас есть X с даты …", "дается X со дня …": a time given from an event is a limit, at most that long.
    ("10 дней со дня уведомления", "", "Заявителю дается 10 дней со дня уведомления, чтобы исправить ошибки.",
     quantity(None, "дней", upper=10)),
    ("шесть месяцев с момента открытия наследства", "",
     "У наследников есть шесть месяцев с момента открытия наследства.", quantity(None, "месяцев", upper=6)),
    # Guard: a span that has passed since an event is the span itself.
    ("два года со дня аварии", "", "Прошло два года со дня аварии на шахте.", quantity(2, "года")),
]


@pytest.mark.parametrize("case", A_TIME_GIVEN_FROM_AN_EVENT, ids=[case[0] for case in A_TIME_GIVEN_FROM_AN_EVENT])
def test_a_time_given_from_an_event_is_a_limit(case: Case) -> None:
    _check(case)


A_PAST_TENSE_AFTER_THE_COUNTED_HEAD = [
    # "в составе семи членов рассмотрела": the verb after the noun is no genitive complement of it.
    ("семи", "", "Экспертная группа в составе семи членов рассмотрела проекты и отобрала лучшие.", count(7, "членов")),
    ("девяти", "", "Совет в составе девяти членов отклонила жалобу заявителя.", count(9, "членов")),
    # Guard: a genitive noun after the head still makes the term.
    ("11", "", "В состав вошли 11 членов правления банка.", count(11, "членов правления")),
]


@pytest.mark.parametrize("case", A_PAST_TENSE_AFTER_THE_COUNTED_HEAD,
                         ids=[case[0] for case in A_PAST_TENSE_AFTER_THE_COUNTED_HEAD])
def test_a_past_tense_after_the_counted_head_is_its_verb(case: Case) -> None:
    _check(case)


A_NOUN_BEFORE_ITS_NUMBER = [
    # Russian puts the noun before a number in words to say "about": the figure is approximate.
    ("раз пятнадцать", "", "Я писал им раз пятнадцать, ответа так и не было.", count(15, "раз", approximate=True)),
    ("человек тридцать", "", "На встречу с акимом пришло человек тридцать.", count(30, "человек", approximate=True)),
    ("минут сорок", "", "Автобус на границе простоял минут сорок.", quantity(40, "минут", approximate=True)),
    # Guards: a bound or a particle before the number is no noun.
    ("свыше тридцати", "", "На встречу пришло свыше тридцати человек.", count(30, "человек", lower=30)),
    ("еще три", "", "В районе откроют еще три школы.", count(3, "школы")),
]


@pytest.mark.parametrize("case", A_NOUN_BEFORE_ITS_NUMBER, ids=[case[0] for case in A_NOUN_BEFORE_ITS_NUMBER])
def test_a_noun_before_its_number_makes_it_approximate(case: Case) -> None:
    _check(case)


THE_SAME_PERIOD_AS_THE_YEAR_SO_FAR = [
    # "С начала года … чем за аналогичный период прошлого года": the year so far runs to the publication's month (June
    # here), compared with the same months of the year before.
    ("аналогичный период прошлого года", "",
     "С начала года таможня изъяла 40 тонн контрабанды, вдвое больше, чем за аналогичный период прошлого года.",
     span("2025-01", "2025-06")),
    ("тот же период прошлого года", "",
     "С начала текущего года продано 900 электромобилей – на 30% больше, чем за тот же период прошлого года.",
     span("2025-01", "2025-06")),
    # Guard: a period named in the sentence is the one moved back a year.
    ("аналогичный период прошлого года", "",
     "За четыре месяца 2026 года продано 900 электромобилей – больше, чем за аналогичный период прошлого года.",
     span("2025-01", "2025-04")),
]


@pytest.mark.parametrize("case", THE_SAME_PERIOD_AS_THE_YEAR_SO_FAR,
                         ids=[case[2][:20] for case in THE_SAME_PERIOD_AS_THE_YEAR_SO_FAR])
def test_the_same_period_of_the_year_so_far(case: Case) -> None:
    _check(case)


RUSSIAN_FIXED_TERMS_OF_TELECOMS_TRANSPORT_AND_PROCUREMENT = [
    # Terms whose qualifier names another thing than the noun alone: a network's mast, a truck, a bidder.
    ("340", "", "В Туркестанской области оператор запустил 340 базовых станций LTE.", count(340, "базовых станций")),
    ("около 600", "", "На подъезде к Хоргосу скопилось около 600 грузовых автомобилей.",
     count(600, "грузовых автомобилей", approximate=True)),
    ("семь", "", "Ценовые предложения подали семь потенциальных поставщиков.", count(7, "потенциальных поставщиков")),
    # Guard: other adjectives are still dropped.
    ("45", "", "Программа охватит 45 сельских библиотек.", count(45, "библиотек")),
]


@pytest.mark.parametrize("case", RUSSIAN_FIXED_TERMS_OF_TELECOMS_TRANSPORT_AND_PROCUREMENT,
                         ids=[case[2][:20] for case in RUSSIAN_FIXED_TERMS_OF_TELECOMS_TRANSPORT_AND_PROCUREMENT])
def test_russian_fixed_terms_keep_their_qualifier(case: Case) -> None:
    _check(case)
