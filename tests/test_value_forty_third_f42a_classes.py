"""The English and Russian classes of misses sets 42 and 43 showed at their first score, each tested on other sentences
than the sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that
names the noun)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, money, percent, quantity, same_in_context, span


PUBLISHED = "2026-11-20"

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


INDUSTRIAL_UNITS = [
    # Kilotonnes and megatonnes are recorded in tonnes, a range too; cubic metres, gigacalories, milligrams per
    # kilogram and metres are units of their own ("на тонну" after a volume is left off, as "a day" is).
    ("12.4 kt", "", "Zinc output rose to 12.4 kt in the quarter.", quantity(12.4e3, "tonnes")),
    ("1.2 Mt", "", "The plant milled 1.2 Mt of ore last year.", quantity(1.2e6, "tonnes")),
    ("40–45 kt", "", "Nickel guidance stays at 40–45 kt for the year.", quantity(None, "tonnes", lower=40e3, upper=45e3)),
    ("2,500 m3", "", "The new reservoir holds 2,500 m3 of water.", quantity(2500, "m3")),
    ("7 м³ на тонну", "", "Расход воды составляет 7 м³ на тонну руды.", quantity(7, "м³")),
    ("420 тыс. Гкал", "", "Котельная отпустила 420 тыс. Гкал тепла.", quantity(420e3, "Гкал")),
    ("0,05 мг/кг", "", "Норматив по свинцу в зерне — 0,05 мг/кг.", quantity(0.05, "мг/кг")),
    ("150 м", "", "Глубина скважины составляет 150 м, диаметр — 40 см.", quantity(150, "м")),
    ("four seasons", "", "The new pump has run for four seasons without repair.", quantity(4, "seasons")),
]


@pytest.mark.parametrize("case", INDUSTRIAL_UNITS, ids=[case[0] for case in INDUSTRIAL_UNITS])
def test_an_industrial_unit_is_a_quantity_in_it(case: Case) -> None:
    _check(case)


BOUNDS_SAID_BY_VERBS_AND_PREPOSITIONS = [
    # A rule's ceiling said by a modal and an infinitive; a price or an age "from" a figure; "до" after a comma that
    # ends another figure's phrase is a ceiling, not the end of a change from that figure.
    ("не должен превышать 3%", "", "Уровень потерь в сетях не должен превышать 3%.", percent(None, upper=3)),
    ("от 12 500 тенге", "", "Билеты на концерт продаются от 12 500 тенге.", money(12500, "KZT", lower=12500)),
    ("до 7 лет", "", "Взрослый билет стоит 900 тенге, скидка 30%, дети до 7 лет едут бесплатно.",
     quantity(None, "лет", upper=7)),
]


@pytest.mark.parametrize("case", BOUNDS_SAID_BY_VERBS_AND_PREPOSITIONS,
                         ids=[case[0] for case in BOUNDS_SAID_BY_VERBS_AND_PREPOSITIONS])
def test_a_bound_said_by_a_verb_or_a_preposition(case: Case) -> None:
    _check(case)


A_DAY_OR_MONTH_AFTER_PUBLICATION = [
    # A verb of asking or replying tells when the request or the answer was made, not when what it asks for is: the
    # day after it is read as the nearest, ahead of publication within a few months. An elliptical clause after "а"
    # (a dash for its verb, an abbreviation's period inside) takes the tense of the clause it shares the verb with.
    ("28 February", "", "The ministry has urged importers to clear their stocks by 28 February.", date("2027-02-28")),
    ("15 декабря", "", "Ответили в акимате: ремонт моста завершат к 15 декабря.", date("2026-12-15")),
    ("января", "", "Прошлой зимой музей принял 40 тыс. посетителей, а в выходные дни января — до 3 тыс. человек в день.",
     date("2026-01")),
]


@pytest.mark.parametrize("case", A_DAY_OR_MONTH_AFTER_PUBLICATION, ids=[case[0] for case in A_DAY_OR_MONTH_AFTER_PUBLICATION])
def test_a_day_or_month_dated_by_the_verb_that_governs_it(case: Case) -> None:
    _check(case)


WEEKS_COUNTED_FROM_PUBLICATION = [
    # The week before, of or after the publication's (Monday to Sunday; 20 November 2026 is a Friday), and a week ago
    # as a day.
    ("на следующей неделе", "", "Новые тарифы опубликуют на следующей неделе.", span("2026-11-23", "2026-11-29")),
    ("на прошлой неделе", "", "Комиссия на прошлой неделе одобрила проект.", span("2026-11-09", "2026-11-15")),
    ("next week", "", "The board will vote on the loan next week.", span("2026-11-23", "2026-11-29")),
    ("неделю назад", "", "Неделю назад цены были на 5% ниже.", date("2026-11-13")),
    ("a week ago", "", "A week ago the port was still closed.", date("2026-11-13")),
]


@pytest.mark.parametrize("case", WEEKS_COUNTED_FROM_PUBLICATION, ids=[case[0] for case in WEEKS_COUNTED_FROM_PUBLICATION])
def test_a_week_counted_from_publication(case: Case) -> None:
    _check(case)


A_PERIOD_TO_A_DAY = [
    # "the N months to" a day is the period that ended then, as "ended" says it.
    ("six months to 30 June 2026", "", "Revenue for the six months to 30 June 2026 rose 12%.",
     span("2026-01", "2026-06")),
    ("year to 31 March 2026", "", "In the year to 31 March 2026 the port handled 2.1 Mt.", span("2025-04", "2026-03")),
]


@pytest.mark.parametrize("case", A_PERIOD_TO_A_DAY, ids=[case[0] for case in A_PERIOD_TO_A_DAY])
def test_a_period_to_a_day(case: Case) -> None:
    _check(case)


MEASURES_UNWRITTEN = [
    # A figure set against a planned one is in its unit; a Russian measure alone in the singular is one of it.
    ("90", "", "Ремонт моста занял 75 дней вместо запланированных 90.", quantity(90, "дней")),
    ("год", "", "Тендер объявили за год до начала строительства.", quantity(1, "год")),
    ("неделю", "", "Документы нужно подать за неделю до начала приёма.", quantity(1, "неделю")),
]


@pytest.mark.parametrize("case", MEASURES_UNWRITTEN, ids=[case[0] for case in MEASURES_UNWRITTEN])
def test_a_measure_whose_number_or_unit_is_unwritten(case: Case) -> None:
    _check(case)


ENGLISH_COMPOUND_NOUNS = [
    # A hyphenated modifier before the head is no head; a plural-only noun ("works") qualifies the plural after it.
    ("one", "", "The terminal kept only one check-in desk open on Sunday.", count(1, "check-in desk")),
    ("four", "", "Only four of the twelve works contracts were signed on time.", count(4, "works contracts")),
    ("twelve", "", "Only four of the twelve works contracts were signed on time.", count(12, "works contracts")),
]


@pytest.mark.parametrize("case", ENGLISH_COMPOUND_NOUNS, ids=[case[0] for case in ENGLISH_COMPOUND_NOUNS])
def test_an_english_compound_noun_is_counted_whole(case: Case) -> None:
    _check(case)


A_PART_WHOSE_NOUN_IS_LEFT_OUT = [
    # Only adjectives after a part of a whole ("из них", "в том числе"): the part counts the whole's noun.
    ("35", "", "На линии работают 120 трамваев, из них 35 новых низкопольных, закупленных в Чехии.",
     count(35, "трамваев")),
    ("12", "", "В области 48 школ, в том числе 12 частных.", count(12, "школ")),
]


@pytest.mark.parametrize("case", A_PART_WHOSE_NOUN_IS_LEFT_OUT, ids=[case[0] for case in A_PART_WHOSE_NOUN_IS_LEFT_OUT])
def test_a_part_whose_noun_is_left_out(case: Case) -> None:
    _check(case)


THE_NUMBER_OF_A_NOUN = [
    # A bare figure that gives the number its sentence named counts that noun, not the one the sentence before counted.
    ("four", "The depot now serves 300 buses a day.", "Yet the number of repair bays is what it was in 2010: four.",
     count(4, "repair bays")),
    ("шесть", "Через пункт проходят 2 тыс. грузовиков в сутки.", "А число досмотровых линий прежнее — шесть.",
     count(6, "линий")),
]


@pytest.mark.parametrize("case", THE_NUMBER_OF_A_NOUN, ids=[case[0] for case in THE_NUMBER_OF_A_NOUN])
def test_a_figure_giving_the_number_of_a_noun(case: Case) -> None:
    _check(case)
