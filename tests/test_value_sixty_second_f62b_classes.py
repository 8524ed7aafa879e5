"""The Russian classes of misses sets 62 and 63 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, percent, quantity, same_in_context, span

PUBLISHED = "2026-09-17"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


AN_AGE_AND_OVER = [
    # "N лет и старше" is N and over, "N лет и младше" N and under: the bound of an age written after it, as
    # "aged 65 and older" and "5 лет и более" are.
    ("65 лет и старше", "", "Бесплатную вакцину от гриппа получат жители в возрасте 65 лет и старше.",
     quantity(65, "лет", lower=65)),
    ("3 лет и младше", "", "Вход в музей для детей 3 лет и младше свободный.", quantity(None, "лет", upper=3)),
    ("21 года или старше", "", "Арендовать автомобиль может водитель 21 года или старше.",
     quantity(21, "года", lower=21)),
    # Guard: "старше" alone before the figure stays the lower bound it was.
    ("старше 70 лет", "", "В поселке живут 12 человек старше 70 лет.", quantity(70, "лет", lower=70)),
]


@pytest.mark.parametrize("case", AN_AGE_AND_OVER, ids=[case[0] for case in AN_AGE_AND_OVER])
def test_an_age_and_over_or_under_is_its_bound(case: Case) -> None:
    _check(case)


UNDER_AN_AGE = [
    # "в возрасте до пяти лет": the noun "возраст" (age) is no verb "возрастать", so "до" after it is a ceiling on the
    # age, not the level a change reached.
    ("до пяти лет", "", "Прививку бесплатно получают дети в возрасте до пяти лет.", quantity(None, "лет", upper=5)),
    ("до 30 лет", "", "Льготный кредит доступен фермерам в возрасте до 30 лет.", quantity(None, "лет", upper=30)),
    # Guard: the verb "возрастет" still gives the level a change reached.
    ("до 15%", "", "Доля пенсионеров возрастет до 15% к 2030 году.", percent(15)),
]


@pytest.mark.parametrize("case", UNDER_AN_AGE, ids=[case[0] for case in UNDER_AN_AGE])
def test_under_an_age_is_a_ceiling_not_a_change(case: Case) -> None:
    _check(case)


ONE_OF_A_TIME_BOUNDED = [
    # "до одного года", "более одного месяца": "one" in words after a bound word, before a time, is one of it, as
    # "до двух лет" is two (alone, "одного" stays a word: "одного из партнеров").
    ("до одного года", "", "Отпуск по уходу за ребенком в возрасте до одного года оплачивается полностью.",
     quantity(None, "года", upper=1)),
    ("более одного месяца", "", "Ремонт моста займет более одного месяца.", quantity(1, "месяца", lower=1)),
    ("менее одной недели", "", "На согласование проекта у района осталось менее одной недели.",
     quantity(None, "недели", upper=1)),
]


@pytest.mark.parametrize("case", ONE_OF_A_TIME_BOUNDED, ids=[case[0] for case in ONE_OF_A_TIME_BOUNDED])
def test_one_in_words_after_a_bound_is_one_of_the_time(case: Case) -> None:
    _check(case)


A_TIME_IN_EACH_FORM = [
    # "от 1 года до 5 лет": one time noun after both ends of a range, each in the form its number takes, is the range
    # in the second end's form, as "от 5 км до 7 км" is.
    ("от 1 года до 5 лет", "", "Стаж работы от 1 года до 5 лет дает надбавку в 10%.",
     quantity(None, "лет", lower=1, upper=5)),
    ("с 1 месяца до 6 месяцев", "", "Курс лечения длится с 1 месяца до 6 месяцев.",
     quantity(None, "месяцев", lower=1, upper=6)),
    ("от 2 дней до 14 дней", "", "Доставка занимает от 2 дней до 14 дней.", quantity(None, "дней", lower=2, upper=14)),
    # Guard: years in four digits stay dates, a range of them.
    ("с 2019 по 2024 год", "", "Программа действовала с 2019 по 2024 год.", span("2019", "2024")),
]


@pytest.mark.parametrize("case", A_TIME_IN_EACH_FORM, ids=[case[0] for case in A_TIME_IN_EACH_FORM])
def test_a_range_with_a_time_noun_after_each_end_in_its_form(case: Case) -> None:
    _check(case)


AT_MOST_SO_LONG_BEFORE = [
    # "не более чем за 30 дней до": at most that long before an event, a ceiling, as "не менее чем за 10 дней" is a
    # floor.
    ("не более чем за 30 дней", "", "Билеты продаются не более чем за 30 дней до отправления поезда.",
     quantity(None, "дней", upper=30)),
    ("не больше чем за две недели", "", "Записаться на прием можно не больше чем за две недели.",
     quantity(None, "недели", upper=2)),
    # Guard: the floor stays a floor.
    ("не менее чем за 5 дней", "", "Об отпуске сотрудник сообщает не менее чем за 5 дней.",
     quantity(5, "дней", lower=5)),
]


@pytest.mark.parametrize("case", AT_MOST_SO_LONG_BEFORE, ids=[case[0] for case in AT_MOST_SO_LONG_BEFORE])
def test_at_most_so_long_before_is_a_ceiling(case: Case) -> None:
    _check(case)


FROM_AN_AGE = [
    # "принимают с 16 лет": an age from which something is allowed is its lower bound, as "от 18 лет" is.
    ("с 16 лет", "", "В секцию бокса принимают с 16 лет.", quantity(16, "лет", lower=16)),
    ("с 21 года", "", "Водить междугородний автобус разрешено с 21 года.", quantity(21, "года", lower=21)),
    ("с шести лет", "", "В этой школе детей учат плавать с шести лет.", quantity(6, "лет", lower=6)),
    # Guards: the first end of a change stays a figure, a year and "с прошлого года" stay dates.
    ("с 5 лет", "", "Срок службы сократили с 5 лет до 3 лет.", quantity(5, "лет")),
    ("с 2019 года", "", "Банк работает в регионе с 2019 года.", date("2019")),
    ("с прошлого года", "", "Цены на жилье растут с прошлого года.", date("2025")),
]


@pytest.mark.parametrize("case", FROM_AN_AGE, ids=[case[0] for case in FROM_AN_AGE])
def test_an_age_said_with_s_is_its_lower_bound(case: Case) -> None:
    _check(case)


WITHIN_ONE = [
    # "в течение года", "в течение месяца": a span of one of a time, its number unsaid, is one of it, recorded in the
    # form "1" takes, as "в течение трех месяцев" is three months.
    ("в течение месяца", "", "Ответ на обращение придет в течение месяца.", quantity(1, "месяц")),
    ("в течение суток", "", "Заявку на подключение рассмотрят в течение суток.", quantity(1, "сутки")),
    ("в течение недели", "", "Поврежденный участок дороги отремонтируют в течение недели.", quantity(1, "неделя")),
    # Guard: a number written stays that number.
    ("в течение двух лет", "", "Завод выйдет на полную мощность в течение двух лет.", quantity(2, "лет")),
]


@pytest.mark.parametrize("case", WITHIN_ONE, ids=[case[0] for case in WITHIN_ONE])
def test_within_a_time_with_no_number_is_one_of_it(case: Case) -> None:
    _check(case)


LAST_YEARS = [
    # "прошлогодний" in any form dates what it qualifies to the year before publication, as "в прошлом году" does.
    ("прошлогоднего", "", "Сбор зерна превысил объем прошлогоднего урожая на 8%.", date("2025")),
    ("прошлогодней", "", "На прошлогодней выставке работали 300 стендов.", date("2025")),
    ("прошлогодние", "", "Тарифы сохранят на уровне, превышающем прошлогодние.", date("2025")),
]


@pytest.mark.parametrize("case", LAST_YEARS, ids=[case[0] for case in LAST_YEARS])
def test_last_years_adjective_is_the_year_before_publication(case: Case) -> None:
    _check(case)


A_KAZAKH_NAME_IN_A_RUSSIAN_SENTENCE = [
    # A company's name in guillemets keeps its Kazakh letters («Қазақтелеком», «ҚазТрансОйл»); the sentence around it
    # is Russian, and its "месяцев", "дней" measure time, as in any Russian sentence.
    ("9 месяцев", "", "Выручка АО «Қазақтелеком» за 9 месяцев выросла на 11%.", quantity(9, "месяцев")),
    ("45 дней", "", "Ремонт нефтепровода «ҚазТрансОйл» продлится 45 дней.", quantity(45, "дней")),
]


@pytest.mark.parametrize("case", A_KAZAKH_NAME_IN_A_RUSSIAN_SENTENCE,
                         ids=[case[0] for case in A_KAZAKH_NAME_IN_A_RUSSIAN_SENTENCE])
def test_a_kazakh_name_in_quotes_leaves_the_sentence_russian(case: Case) -> None:
    _check(case)


A_SHORT_PARTICIPLE_AFTER_THE_NOUN = [
    # "по пяти объектам выдана лицензия": a singular short passive participle after the noun is the verb of a clause
    # whose subject follows, not a genitive complement ("объектов культуры", "датчиков метана"), which its "-а" looks
    # like.
    ("5", "", "По 5 объектам выдана лицензия на строительство.", count(5, "объектам")),
    ("шести", "", "По шести объектам продлено действие договора аренды.", count(6, "объектам")),
    # Guards: a genitive complement of such a head stays with it.
    ("12", "", "В районе проверено 12 объектов культуры.", count(12, "объектов культуры")),
    ("40", "", "На шахте установлено 40 датчиков метана.", count(40, "датчиков метана")),
]


@pytest.mark.parametrize("case", A_SHORT_PARTICIPLE_AFTER_THE_NOUN, ids=[case[0] for case in A_SHORT_PARTICIPLE_AFTER_THE_NOUN])
def test_a_short_participle_after_the_noun_is_no_complement(case: Case) -> None:
    _check(case)


A_LATIN_ABBREVIATION_WITH_A_DIGIT = [
    # "более 700 B2B-встреч", "около 40 B2C-сервисов": a Latin abbreviation with a digit inside, hyphened to a Russian
    # noun, makes one Russian noun counted as written, as "SIM-карт" does.
    ("около 40", "", "За год банк запустил около 40 B2C-сервисов для клиентов.",
     count(40, "B2C-сервисов", approximate=True)),
    ("120", "", "На выставке прошло 120 B2G-переговоров с акиматами.", count(120, "B2G-переговоров")),
    # Guard: one with letters only is read as before.
    ("15", "", "Оператор заблокировал 15 SIM-карт мошенников.", count(15, "SIM-карт")),
]


@pytest.mark.parametrize("case", A_LATIN_ABBREVIATION_WITH_A_DIGIT, ids=[case[0] for case in A_LATIN_ABBREVIATION_WITH_A_DIGIT])
def test_a_latin_abbreviation_with_a_digit_hyphened_to_a_russian_noun(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize(("text", "listed", "lower", "upper"), [
    # The Candidates pane lists "N лет и старше", "N месяцев и более" with the bound written after the noun, as Ctrl+N
    # reads it (not the bare figure before it).
    ("Скидку получают пассажиры в возрасте 60 лет и старше.", "60 лет и старше", 60, None),
    ("Льгота положена при стаже 10 лет или более.", "10 лет или более", 10, None),
    ("Бесплатно проезжают дети 7 лет и младше.", "7 лет и младше", None, 7),
])
def test_the_pane_lists_a_bound_after_the_noun(text: str, listed: str, lower: float | None,
                                               upper: float | None) -> None:
    from kzeu_desk.core.value_parsing.document_values import find_values
    found = [value for value in find_values(text, PUBLISHED) if text[value.start:value.end] == listed]
    assert found, [text[value.start:value.end] for value in find_values(text, PUBLISHED)]
    assert (found[0].value.lower, found[0].value.upper) == (lower, upper)


@pytest.mark.parametrize(("text", "listed", "lower"), [
    # "не позднее чем за 14 дней до начала": no later than so long before an event is at least that long before it;
    # the pane lists the figure with its bound words, as Ctrl+N reads them.
    ("Заявление подается не позднее чем за 14 дней до начала поездки.", "не позднее чем за 14 дней", 14),
    ("Об отказе от брони гость сообщает не позднее чем за 3 суток до заезда.", "не позднее чем за 3 суток", 3),
])
def test_the_pane_lists_no_later_than_so_long_before_as_a_floor(text: str, listed: str, lower: float) -> None:
    from kzeu_desk.core.value_parsing.document_values import find_values
    found = [value for value in find_values(text, PUBLISHED) if text[value.start:value.end] == listed]
    assert found, [text[value.start:value.end] for value in find_values(text, PUBLISHED)]
    assert (found[0].value.lower, found[0].value.upper) == (lower, None)
