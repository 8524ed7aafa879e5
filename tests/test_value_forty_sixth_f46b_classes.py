"""The classes of the Kazakh misses of sets 46 and 47 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
SHORT_NOUNS_IN_A_CASE = [
    # Nouns of one short syllable lose their case ending as longer nouns do: courts, cases, words, groups, pages, letters.
    ("12 сотқа", "Шағымдар облыстың 12 сотқа жіберілді.", count(12, "сот")),
    ("340 істен", "Қаралған 340 істен бөлігі тоқтатылды.", count(340, "іс")),
    ("300 сөзден", "Аңдатпа 300 сөзден тұрады.", count(300, "сөз")),
    ("7 топта", "Балалар 7 топта шұғылданады.", count(7, "топ")),
    ("40 бетте", "Есеп 40 бетте баяндалған.", count(40, "бет")),
    ("15 хатқа", "Министрлік 15 хатқа жауап берді.", count(15, "хат")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), SHORT_NOUNS_IN_A_CASE,
                         ids=[case[0] for case in SHORT_NOUNS_IN_A_CASE])
def test_short_kazakh_nouns_lose_their_case(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


def test_an_ordinal_numbers_a_group_as_a_series() -> None:
    # A school's or a course's intake is a series of groups, as rounds are.
    same(suggest("үшінші", published="2026-05-14", context="Жазғы лагерь үшінші топты қабылдады.").value,
         count(3, "топ"))


def test_short_words_that_are_no_known_noun_stay_whole() -> None:
    # "шахта" is no "шах" + "та": the cut is only for the nouns known.
    same(suggest("5 шахта", published="2026-05-14", context="Облыста 5 шахта жұмыс істейді.").value,
         count(5, "шахта"))
