"""The Russian classes of misses sets 58 and 59 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, quantity, same_in_context

PUBLISHED = "2026-05-14"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


RUSSIAN_FIXED_TERMS = [
    # A kindergarten ("детский сад") and a guesthouse ("гостевой дом") are one thing each: the adjective stays, as in
    # "рабочих мест".
    ("три", "", "В новом микрорайоне откроют поликлинику и три детских сада.", count(3, "детских сада")),
    ("40", "", "Город передал в аренду 40 детских садов, построенных до 1990 года.", count(40, "детских садов")),
    ("девять", "", "У озера работают девять гостевых домов и кемпинг.", count(9, "гостевых домов")),
    ("25", "", "Программа помогла открыть 25 гостевых домов в горных селах.", count(25, "гостевых домов")),
    # Guards: another adjective before the same nouns is still dropped, as the conventions say.
    ("пять", "", "Фермеры заложили пять яблоневых садов.", count(5, "садов")),
    ("12", "", "Снесут 12 аварийных домов.", count(12, "домов")),
]


@pytest.mark.parametrize("case", RUSSIAN_FIXED_TERMS, ids=[case[0] + " " + case[2][:20] for case in RUSSIAN_FIXED_TERMS])
def test_a_kindergarten_and_a_guesthouse_keep_their_adjective(case: Case) -> None:
    _check(case)


KILOGRAMS_A_HECTARE = [
    # A dose per hectare is one unit, as a yield's "ц/га" is: kilograms a hectare, not kilograms.
    ("150 кг/га", "", "Под кукурузу вносят 150 кг/га аммиачной селитры.", quantity(150, "кг/га")),
    ("40–60 кг/га", "", "Норма высева ячменя – 40–60 кг/га.", quantity(None, "кг/га", lower=40, upper=60)),
    # Guard: kilograms alone stay kilograms.
    ("25 кг", "", "Мешок весит 25 кг.", quantity(25, "кг")),
]


@pytest.mark.parametrize("case", KILOGRAMS_A_HECTARE, ids=[case[0] for case in KILOGRAMS_A_HECTARE])
def test_kilograms_a_hectare_are_one_unit(case: Case) -> None:
    _check(case)


HALF_A_YEAR_AFTER_PUBLICATION = [
    # "через полгода" is six months after publication, as "через шесть месяцев" is, under the same conditions.
    ("через полгода", "", "Комиссия вернется к проекту через полгода.", date("2026-11")),
    ("через полгода", "", "Ремонт моста закончат через полгода, к зиме.", date("2026-11")),
    # Guards: counted from an event it is no date, and "полгода" alone is the span.
    ("полгода", "", "Ремонт моста занял полгода.", quantity(0.5, "года")),
]


@pytest.mark.parametrize("case", HALF_A_YEAR_AFTER_PUBLICATION, ids=[case[2][:25] for case in HALF_A_YEAR_AFTER_PUBLICATION])
def test_half_a_year_after_publication_is_a_month(case: Case) -> None:
    _check(case)


A_DECISION_TO_DO_SAYS_NO_TENSE = [
    # "решено провести" (it was decided to hold) announces what is to be done, as "решил провести" does: the past
    # participle of the decision does not make the planned date a past one.
    ("через два месяца", "", "Повторный замер воды решено провести через два месяца.", date("2026-07")),
    ("через полгода", "", "Проверку объектов было решено повторить через полгода.", date("2026-11")),
    # Guards: a report still reports, and the span is then read ("провели", "было проведено").
    ("через два месяца", "", "Повторный замер воды провели через два месяца.", quantity(2, "месяца")),
    ("через два месяца", "", "Повторный замер было проведено через два месяца.", quantity(2, "месяца")),
]


@pytest.mark.parametrize("case", A_DECISION_TO_DO_SAYS_NO_TENSE, ids=[case[2][:25] for case in A_DECISION_TO_DO_SAYS_NO_TENSE])
def test_a_decision_to_do_something_says_no_tense(case: Case) -> None:
    _check(case)


THIS_WEEKDAY = [
    # "в это воскресенье", "в эту среду": the day of that name in the publication's week (Monday to Sunday), before or
    # after the publication day (a Thursday here).
    ("это воскресенье", "", "В это воскресенье в парке пройдет ярмарка меда.", date("2026-05-17")),
    ("в эту субботу", "", "Музей в эту субботу работает до полуночи.", date("2026-05-16")),
    ("этот понедельник", "", "В этот понедельник совет утвердил бюджет.", date("2026-05-11")),
    # Guards: "в прошлую субботу" is still the week before, "в субботу" still by tense.
    ("в прошлую субботу", "", "В прошлую субботу прошла ярмарка.", date("2026-05-09")),
    ("в субботу", "", "В субботу пройдет ярмарка.", date("2026-05-16")),
]


@pytest.mark.parametrize("case", THIS_WEEKDAY, ids=[case[0] for case in THIS_WEEKDAY])
def test_this_weekday_is_the_day_of_the_publications_week(case: Case) -> None:
    _check(case)


A_RUSSIAN_LIMIT_HIGHLIGHTED_WITHOUT_WITHIN = [
    # "в течение" before a highlight that names the event the time runs from is a ceiling, as "within" before "30
    # days of signature" is.
    ("72 часов с момента получения", "", "Ответ на жалобу направляется в течение 72 часов с момента получения.",
     quantity(None, "часов", upper=72)),
    ("10 рабочих дней с даты", "", "Пособие выплачивается в течение 10 рабочих дней с даты обращения.",
     quantity(None, "рабочих дней", upper=10)),
    ("30 дней со дня подписания", "", "Договор вступает в силу в течение 30 дней со дня подписания.",
     quantity(None, "дней", upper=30)),
    # Guards: with no "в течение" before it, the time since an event is the span.
    ("30 дней со дня подписания", "", "Прошло 30 дней со дня подписания, а ответа нет.", quantity(30, "дней")),
]


@pytest.mark.parametrize("case", A_RUSSIAN_LIMIT_HIGHLIGHTED_WITHOUT_WITHIN,
                         ids=[case[2][:25] for case in A_RUSSIAN_LIMIT_HIGHLIGHTED_WITHOUT_WITHIN])
def test_a_russian_limit_highlighted_without_within_is_a_ceiling(case: Case) -> None:
    _check(case)


A_PARTICIPLE_THAT_NAMES_A_THING = [
    # After "два/три/четыре" a participle's nominative plural that ends the clause is the noun counted ("составляющие",
    # components; "отстающие", laggards).
    ("две", "", "Стратегия включает две составляющие: экологическую и социальную.", count(2, "составляющие")),
    ("четыре", "", "Тариф состоит из платы за мощность и еще включает четыре составляющие.", count(4, "составляющие")),
    # Guards: an adjective there is elliptic, and a participle before a noun qualifies it.
    ("две", "", "Вышли две новые.", quantity(2, None)),
    ("три", "", "На рынке работают три действующие биржи.", count(3, "биржи")),
]


@pytest.mark.parametrize("case", A_PARTICIPLE_THAT_NAMES_A_THING, ids=[case[2][:25] for case in A_PARTICIPLE_THAT_NAMES_A_THING])
def test_a_participle_that_ends_the_clause_is_the_noun_counted(case: Case) -> None:
    _check(case)
