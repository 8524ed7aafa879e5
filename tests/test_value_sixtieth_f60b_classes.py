"""The Russian classes of misses sets 60 and 61 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, same_in_context

PUBLISHED = "2026-05-14"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


RUSSIAN_FIXED_TERMS = [
    # A retail chain is a "торговая сеть", not any network; a library's or an archive's item is an "единица хранения",
    # not any unit: the qualifier stays, as in "детских садов".
    ("шесть", "", "Новые правила маркировки уже применяют шесть торговых сетей.", count(6, "торговых сетей")),
    ("30", "", "Поставщик работает с 30 торговыми сетями по всей стране.", count(30, "торговыми сетями")),
    ("48 000", "", "Архив области получил 48 000 единиц хранения из районов.", count(48000, "единиц хранения")),
    # Guards: another adjective before "сетей" is still dropped, and units alone stay units.
    ("12", "", "Оператор построил 12 оптоволоконных сетей в селах.", count(12, "сетей")),
    ("40", "", "На складе осталось 40 единиц техники.", count(40, "единиц")),
]


@pytest.mark.parametrize("case", RUSSIAN_FIXED_TERMS, ids=[case[0] + " " + case[2][:20] for case in RUSSIAN_FIXED_TERMS])
def test_a_retail_chain_and_an_item_of_a_collection_keep_their_qualifier(case: Case) -> None:
    _check(case)
