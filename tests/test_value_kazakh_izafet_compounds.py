"""Kazakh izafet compounds (issue #17): a bare noun before a head noun in the 3rd-person possessive that the dictionary
lists as one term ("жұмыс күні", "жұмыс орны", "оқу жылы", "оқушы орны") is the unit in its dictionary form, the
head's possessive kept, its case and plural endings taken off (tests/data/value_suggestions/README.md). An adjective
before the head makes no izafet, a genitive owner before the compound is dropped, and other compounds keep the base
form the counts convention gives them. Each case is a sentence of its own, not one of the labelled sets'."""

from __future__ import annotations

import pytest
from test_value_words import count, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
IZAFET_COMPOUNDS = [
    # Working days, in a time limit and with the case endings a limit takes.
    ("7 жұмыс күні ішінде", "Банк өтінішті 7 жұмыс күні ішінде қарайды.", quantity(7, "жұмыс күні")),
    ("20 жұмыс күніне дейін", "Тексеру 20 жұмыс күніне дейін созылады.", quantity(None, "жұмыс күні", upper=20)),
    ("4–6 жұмыс күні", "Тапсырыс әдетте 4–6 жұмыс күні ішінде жеткізіледі.",
     quantity(None, "жұмыс күні", lower=4, upper=6)),
    ("бес жұмыс күнінен аспайды", "Жауап беру мерзімі бес жұмыс күнінен аспайды.", quantity(None, "жұмыс күні", upper=5)),
    # A genitive owner before the compound is no part of it: the company's working days are working days.
    ("8 жұмыс күні", "Мердігер компанияның 8 жұмыс күні шығынмен өтті.", quantity(8, "жұмыс күні")),
    # Places: of pupils, of pallets, of work, in the dative, accusative and plural.
    ("2 700 оқушы орнына", "Жаңа мектеп 2 700 оқушы орнына есептелген.", count(2700, "оқушы орны")),
    ("1 200", "Жаңа қоймада 1 200 паллет орны бар.", count(1200, "паллет орны")),
    # A sentence with no letter only Kazakh writes is Kazakh when "орны" follows a bare noun: no Russian word is "орны".
    ("4 500", "Терминалда 4 500 паллет орны бар.", count(4500, "паллет орны")),
    ("650 жұмыс орнын", "Кәсіпорын 650 жұмыс орнын ашады.", count(650, "жұмыс орны")),
    ("340 жаңа жұмыс орындары", "Өңірде 340 жаңа жұмыс орындары құрылды.", count(340, "жұмыс орны")),
    ("30 төсек орны", "Ауруханада 30 төсек орны қосылды.", count(30, "төсек орны")),
    # A school year is a span of time as a working day is (measured, as "жыл" is), in the dictionary's possessive.
    ("үш оқу жылы", "Бағдарлама үш оқу жылы бойы жүзеге асады.", quantity(3, "оқу жылы")),
    # Guards: the listed fixed terms keep what they had.
    ("12 жоғары оқу орны", "Конкурсқа 12 жоғары оқу орны қатысты.", count(12, "жоғары оқу орны")),
    ("9 кен орны", "Облыста 9 кен орны игеріліп жатыр.", count(9, "кен орны")),
]

NO_IZAFET = [
    # An adjective before the head is no izafet: "бос орын" (a vacancy) stays as written, "бос орындар" too.
    ("80-ге жуық", "Қалада 80-ге жуық бос орын бар.", count(80, "бос орын", approximate=True)),
    # Plain days and years after a number are the measure, no compound.
    ("12 күн", "Экспедиция 12 күн жалғасты.", quantity(12, "күн")),
    ("екі жыл ішінде", "Зауыт екі жыл ішінде салынады.", quantity(2, "жыл")),
    # A head the convention does not list keeps the base form of the compound convention ("өңдеу зауыт").
    ("4 өңдеу зауыты", "Облыста 4 өңдеу зауыты жұмыс істейді.", count(4, "өңдеу зауыт")),
]


def _suggested(selection: str, context: str) -> TypedValue:
    return suggest(selection, published="2026-05-14", context=context).value


@pytest.mark.parametrize(("selection", "context", "expected"), IZAFET_COMPOUNDS, ids=[case[0] for case in IZAFET_COMPOUNDS])
def test_an_izafet_compound_is_its_dictionary_form(selection: str, context: str, expected: TypedValue) -> None:
    same(_suggested(selection, context), expected)


@pytest.mark.parametrize(("selection", "context", "expected"), NO_IZAFET, ids=[case[0] for case in NO_IZAFET])
def test_other_nouns_keep_their_form(selection: str, context: str, expected: TypedValue) -> None:
    same(_suggested(selection, context), expected)
