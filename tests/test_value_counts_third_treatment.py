"""Counts, a third treatment (docs/VALUE_SUGGESTIONS.md, "Counts, a third treatment"): which noun a figure or a
number word counts and how much of the noun phrase is kept, read from the grammar of the phrase and the sentence
(agreement, a relative clause, a list's shared noun, a heading before a colon, an ordinal highlighted alone) rather
than from the words. Each case is a sentence written for this module (none is a labelled set's), and each failed
before the rule it tests unless it is marked as a guard."""

from __future__ import annotations

import pytest
from test_value_words import count, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest


def _check(selection: str, context: str, before: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-01", context=context, before=before).value, expected)


# (highlight, its sentence, the sentence before it, the curator's value)
RUSSIAN_AGREEMENT = [
    # A noun made of an adjective (a workshop, "мастерская"; a boiler house, "котельная"), right after the figure
    # and followed by a relative clause or a comma, is the noun counted.
    ("240", "Из 240 котельных, которые планировалось перевести на газ, переведены 180.", "", count(240, "котельных")),
    ("140 бездомных", "Зимой приют принял 140 бездомных, из них 30 – женщины.", "", count(140, "бездомных")),
    # A bare figure after it counts it too (the nearest count before it in its sentence).
    ("180", "Из 240 котельных, которые планировалось перевести на газ, переведены 180.", "", count(180, "котельных")),
    # A figure that takes the genitive plural (0, 5-9, 11-14) does not count a noun in "-ы/-и" after it: the noun is
    # another part of the clause, and the figure counts what the sentence before counted.
    ("12", "По 12 работы не начаты, а шесть так и не согласованы.",
     "Из 40 объектов, включенных в план, завершены 22.", count(12, "объектов")),
    # An adverb is no noun: "шесть так и не согласованы" counts the sentence before's noun.
    ("шесть", "По 12 работы не начаты, а шесть так и не согласованы.",
     "Из 40 объектов, включенных в план, завершены 22.", count(6, "объектов")),
    # (Guards: the instrumental plural follows any figure; 2-4 take "-ы/-и" as their own noun.)
    ("27", "Соглашение подписано с 27 странами ЕС.", "", count(27, "странами")),
    ("3 поставки", "В декабре ожидаются 3 поставки оборудования.", "", count(3, "поставки")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), RUSSIAN_AGREEMENT,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(RUSSIAN_AGREEMENT)])
def test_russian_agreement_and_nouns_made_of_adjectives(selection: str, context: str, before: str,
                                                       expected: TypedValue) -> None:
    _check(selection, context, before, expected)
