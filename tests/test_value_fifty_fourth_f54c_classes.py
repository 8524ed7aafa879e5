"""The classes of the Kazakh misses of sets 54 and 55 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_DROPPED_VOWEL = [
    # "кәсіпорын" (an enterprise) drops its last "ы" before a vowel ending ("кәсіпорны", "кәсіпорнында"), as "орын"
    # does ("орны"): the counted noun is the word as a dictionary has it.
    ("25", "Тексеру облыстың 25 кәсіпорнында өтті.", count(25, "кәсіпорын")),
    ("40", "Қазір бізде 40 кәсіпорнымыз жұмыс істейді.", count(40, "кәсіпорын")),
    ("9", "Ауданның 9 кәсіпорнын сотқа берді.", count(9, "кәсіпорын")),
    # Guards: the ending after the full stem ("кәсіпорындарда") and a noun with no vowel dropped stay as they were.
    ("17", "Инспекторлар 17 кәсіпорындарда болды.", count(17, "кәсіпорын")),
    ("6", "Қалада 6 кітапханасы бар.", count(6, "кітапхана")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_DROPPED_VOWEL,
                         ids=[case[1] for case in KAZAKH_DROPPED_VOWEL])
def test_kazakh_noun_that_drops_its_last_vowel(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)


KAZAKH_LINE_POSSESSIVE = [
    # "желі" (a line, a network) ends in a vowel, so its possessive is "-сі" ("желісі", "желісін"): the noun is "желі",
    # not a noun in "-іс" as "жарыс" is.
    ("үшінші", "Метроның үшінші желісі 2029 жылы ашылады.", count(3, "желі")),
    ("14", "Автобус паркі қаладағы 14 желісін жабады.", count(14, "желі")),
    # Guard: a noun in "-ыс/-іс" keeps its own "с" ("жарысы").
    ("екінші", "Маусымның екінші жарысы Алматыда өтеді.", count(2, "жарыс")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_LINE_POSSESSIVE,
                         ids=[case[1] for case in KAZAKH_LINE_POSSESSIVE])
def test_kazakh_possessive_after_a_vowel(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)
