"""The classes of the Kazakh misses of sets 58 and 59 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_NOUNS_THAT_END_AS_A_CASE = [
    # "үйінді" (a heap, a dump) ends as the accusative "-ді" does and "буын" (a generation) takes the possessive
    # "-ы" after its "н": both are the noun, not a stem cut short.
    ("120-дан астам", "Өзен бойында 120-дан астам заңсыз үйінді табылды.", count(120, "үйінді", lower=120)),
    ("85-і", "Өзен бойында 120 заңсыз үйінді табылды, оның 85-і тазартылды.", count(85, "үйінді")),
    ("екінші", "Жаңа директор – әулеттің екінші буыны.", count(2, "буын")),
    # Guard: a noun with the accusative "-ді" is still cut ("үйді" is "үй").
    ("12", "Су тасқыны 12 үйді шайып кетті.", count(12, "үй")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_NOUNS_THAT_END_AS_A_CASE,
                         ids=[case[1] for case in KAZAKH_NOUNS_THAT_END_AS_A_CASE])
def test_kazakh_nouns_that_end_as_a_case_keep_it(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-06-03", context=context).value, expected)


KAZAKH_FIXED_TERMS = [
    # An official ("лауазымды тұлға"), a criminal case ("қылмыстық іс") and a phone-in ("тікелей желі") keep their
    # qualifier, as "заңды тұлға" and "бірлескен кәсіпорын" do: without it they name another thing.
    ("15", "Полиция биыл 15 қылмыстық іс қозғады.", count(15, "қылмыстық іс")),
    ("9", "Тексеру нәтижесінде 9 лауазымды тұлға жазаланды.", count(9, "лауазымды тұлға")),
    # After an ordinal too, which otherwise passes over an adjective to its noun.
    ("екінші", "Бұл министрдің биылғы екінші тікелей желісі болды.", count(2, "тікелей желі")),
    ("бесінші", "Бұл аудандағы бесінші бірлескен кәсіпорын.", count(5, "бірлескен кәсіпорын")),
    # Guards: other adjectives are still dropped, after a figure and after an ordinal.
    ("үшінші", "Бұл – университеттің үшінші халықаралық форумы.", count(3, "форум")),
    ("14", "Облысқа 14 шетелдік компания келді.", count(14, "компания")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_FIXED_TERMS,
                         ids=[case[1] for case in KAZAKH_FIXED_TERMS])
def test_kazakh_fixed_terms_keep_their_qualifier(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-06-03", context=context).value, expected)


KAZAKH_MILLIGRAMS = [
    # A milligram is a mass, measured as a gram is, with its bound.
    ("5 миллиграмм", "Бір таблеткада 5 миллиграмм темір бар.", quantity(5, "миллиграмм")),
    ("12 миллиграммнан төмен", "Сынамада қорғасын 12 миллиграммнан төмен.", quantity(None, "миллиграмм", upper=12)),
    ("40 миллиграммнан аспауы", "Қоспадағы қант 40 миллиграммнан аспауы тиіс.",
     quantity(None, "миллиграмм", upper=40)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_MILLIGRAMS,
                         ids=[case[1] for case in KAZAKH_MILLIGRAMS])
def test_kazakh_milligrams_are_measured(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-06-03", context=context).value, expected)


def test_kazakh_next_month_said_with_keler() -> None:
    # "келер айда" is "келесі айда" (next month), as "келер жылы" is next year.
    same(suggest("Келер айда", published="2026-10-20", context="Келер айда жаңа саябақ ашылмақ.").value,
         date("2026-11"))
    same(suggest("келер айдан", published="2026-12-05", context="Тариф келер айдан бастап өседі.").value,
         date("2027-01"))


KAZAKH_YEARS_FROM_TO = [
    # "X жылдан Y жылға дейін": from one year to another, each with its "жыл", is one range of years.
    ("2010 жылдан 2015 жылға дейін", "Ол 2010 жылдан 2015 жылға дейін министр болды.", span("2010", "2015")),
    ("1962 жылдан бастап 1991 жылға дейін", "Кен орны 1962 жылдан бастап 1991 жылға дейін игерілді.",
     span("1962", "1991")),
    # Guard: the first year alone stays a date.
    ("2010 жылдан", "Ол 2010 жылдан бері осы зауытта жұмыс істейді.", date("2010")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_YEARS_FROM_TO,
                         ids=[case[1] for case in KAZAKH_YEARS_FROM_TO])
def test_kazakh_years_from_to(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-06-03", context=context).value, expected)


KAZAKH_HOURS_AND_MINUTES = [
    # One duration in hours and minutes is recorded in minutes, as "2 часа 40 минут" is in Russian.
    ("2 сағат 30 минут", "Пойыз Астанадан Бурабайға 2 сағат 30 минут жүреді.", quantity(150, "минут")),
    ("3 сағат 5 минутқа", "Отырыс 3 сағат 5 минутқа созылды.", quantity(185, "минут")),
    ("шамамен 1 сағат 40 минут", "Жол шамамен 1 сағат 40 минут алады.", quantity(100, "минут", approximate=True)),
    # Guard: hours alone stay hours.
    ("4 сағат", "Жиын 4 сағат жүрді.", quantity(4, "сағат")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_HOURS_AND_MINUTES,
                         ids=[case[1] for case in KAZAKH_HOURS_AND_MINUTES])
def test_kazakh_hours_and_minutes_in_minutes(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-06-03", context=context).value, expected)


KAZAKH_HEADS_BEFORE_THERE_IS = [
    # "бас" (head, of livestock) before the existential "бар/жоқ" is the count's noun, as before a verb: the
    # predicate is no noun the head count classifies.
    ("4 мың", "Шаруашылықта 4 мың бас бар.", count(4000, "бас")),
    ("650", "Фермада қазір 650 бас бар.", count(650, "бас")),
    # Guard: a noun after "бас" is what is counted.
    ("300", "Ауылда 300 бас қой бар.", count(300, "қой")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_HEADS_BEFORE_THERE_IS,
                         ids=[case[1] for case in KAZAKH_HEADS_BEFORE_THERE_IS])
def test_kazakh_heads_before_there_is(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-06-03", context=context).value, expected)
