"""The classes of the Kazakh misses of sets 74 and 75 at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_BARE_AGES = [
    # "Оған 47 жас" (he is 47): a bare "жас" after a figure whose owner is in the dative is an age, in years of life.
    ("47 жас", "Оған 47 жас, ол зауытта он жыл істеді.", quantity(47, "жас")),
    ("35 жас", "Қазір оларға 35 жас, екеуі де дәрігер.", quantity(35, "жас")),
    # "N жас үлкен/кіші" (N years older/younger): the difference of two ages is in years of life too.
    ("кемінде 20 жас", "Қамқоршы баладан кемінде 20 жас үлкен болуы керек.", quantity(20, "жас", lower=20)),
    ("7 жас", "Інісі одан 7 жас кіші.", quantity(7, "жас")),
    # Guard: a bare "жас" with no owner in the dative may still count young people.
    ("300 жас", "Форумға елдің түкпір-түкпірінен 300 жас келді.", count(300, "жас")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_BARE_AGES,
                         ids=[case[1] for case in KAZAKH_BARE_AGES])
def test_kazakh_bare_ages(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-10", context=context).value, expected)


KAZAKH_LESS_ADJECTIVES_AND_MICRONS = [
    # Any adjective of less after the ablative bounds the figure from above as "кіші", "төмен" do: "қысқа" (shorter),
    # "жеңіл" (lighter), "таяз" (shallower), "жұқа" (thinner).
    ("15 сантиметрден қысқа", "Бұтақтары 15 сантиметрден қысқа көшеттер сатылмайды.", quantity(None, "сантиметр", upper=15)),
    ("3 тоннадан жеңіл", "Көпірден тек 3 тоннадан жеңіл көліктер өте алады.", quantity(None, "тонна", upper=3)),
    ("1 метрден таяз", "Жағалаудағы су 1 метрден таяз.", quantity(None, "метр", upper=1)),
    # A micron (a micrometre) is a length, measured as "миллиметр" is, not a count of things.
    ("25 микроннан аспайтын", "Қалыңдығы 25 микроннан аспайтын пакеттерге тыйым салынады.",
     quantity(None, "микрон", upper=25)),
    ("40 микрон", "Сүзгі 40 микрон бөлшектерді ұстайды.", quantity(40, "микрон")),
    # Guard: an adjective of more stays a floor.
    ("3 метрден ұзын", "Ұзындығы 3 метрден ұзын құбырлар.", quantity(3, "метр", lower=3)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_LESS_ADJECTIVES_AND_MICRONS,
                         ids=[case[1] for case in KAZAKH_LESS_ADJECTIVES_AND_MICRONS])
def test_kazakh_less_adjectives_and_microns(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-10", context=context).value, expected)


KAZAKH_ORDINAL_NOUN_IN_THE_POSSESSIVE_ACCUSATIVE = [
    # The noun an ordinal numbers is its owner's: "-ын/-ін" after a consonant comes off an unknown stem as it does off
    # a known one ("раундын" is раунд).
    ("үшінші", "Компания үшінші цехын іске қосты.", count(3, "цех")),
    ("алтыншы", "Федерация алтыншы турын Таразда өткізді.", count(6, "тур")),
    # Guard: a known stem is cut as before.
    ("бесінші", "Банк қалада бесінші филиалын ашты.", count(5, "филиал")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_ORDINAL_NOUN_IN_THE_POSSESSIVE_ACCUSATIVE,
                         ids=[case[1] for case in KAZAKH_ORDINAL_NOUN_IN_THE_POSSESSIVE_ACCUSATIVE])
def test_kazakh_ordinal_noun_in_the_possessive_accusative(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-10", context=context).value, expected)


KAZAKH_WEEK_AS_AN_ADJECTIVE = [
    # "өткен аптадағы" (last week's), the "-ғы" adjective of the locative, is the week "өткен аптада" is, as
    # "өткен айдағы" is the month of "өткен айда": Monday to Sunday before, of or after the publication's week.
    ("Өткен аптадағы", "Өткен аптадағы жиналыста бюджет талқыланды.", span("2026-03-02", "2026-03-08")),
    ("келесі аптадағы", "Команда келесі аптадағы матчқа дайындалып жатыр.", span("2026-03-16", "2026-03-22")),
    ("осы аптасындағы", "Кітапхананың осы аптасындағы кестесі өзгерді.", span("2026-03-09", "2026-03-15")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_WEEK_AS_AN_ADJECTIVE,
                         ids=[case[1] for case in KAZAKH_WEEK_AS_AN_ADJECTIVE])
def test_kazakh_week_as_an_adjective(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)


KAZAKH_AS_OF_A_DAY = [
    # "1 наурыздағы дерек бойынша" (according to the data as of 1 March): a figure counted as of a day is reported
    # after that day, so a day named without a year is the one before the publication, whatever verb follows.
    ("1 наурыздағы", "1 наурыздағы дерек бойынша кезекте 4 мың отбасы тұр. Өтінім беру 5 минут уақыт алады, ал шешім "
     "кемінде 3 күнде шығарылады.", date("2026-03-01")),
    ("10 наурыздағы", "10 наурыздағы мәлімет бойынша қалада 12 дәріхана түнде жұмыс істейді, ал жаңалары сәуірде ашылады.",
     date("2026-03-10")),
    # Guard: a "-дағы" date of what is to come stays ahead ("the 20 March concert will be held in the park").
    ("20 наурыздағы", "20 наурыздағы концерт саябақта өтеді.", date("2026-03-20")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_AS_OF_A_DAY,
                         ids=[case[1] for case in KAZAKH_AS_OF_A_DAY])
def test_kazakh_as_of_a_day(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)


KAZAKH_CAPACITY_AS_A_PREDICATE = [
    # "Зал 450 орындық," (the hall seats 450): an adjective of capacity closing its clause as the predicate counts the
    # places, as it does before its noun ("300 орындық мектеп").
    ("450 орындық", "Жаңа спорт залы 450 орындық, ал киім ауыстыратын бөлмелер екеу.", count(450, "орын")),
    ("60 төсектік", "Емхананың стационары 60 төсектік.", count(60, "төсек")),
    # Guard: before its noun, as before.
    ("200 орындық", "Ауылда 200 орындық мектеп салынады.", count(200, "орын")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_CAPACITY_AS_A_PREDICATE,
                         ids=[case[1] for case in KAZAKH_CAPACITY_AS_A_PREDICATE])
def test_kazakh_capacity_as_a_predicate(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)
