"""The Russian classes of misses sets 66 and 67 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from test_value_words import InContext, quantity, same_in_context

PUBLISHED = "2026-11-12"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


A_RANGE_WRITTEN_WITH_AN_ELLIPSIS = [
    # Russian weather reports write a range of temperatures with an ellipsis between its ends, each end with its own
    # sign, the minus often typeset as an en dash: "–12…–17 °C" is from −17 to −12, "+4…+9" from 4 to 9, "–3…+2" from
    # −3 to 2. Both ends belong to the range, not only the last.
    ("–12…–17 °C", "", "В горных районах ночью –12…–17 °C, на перевалах до –20.", quantity(None, "°C", lower=-17, upper=-12)),
    ("–21…–19 °C", "", "Утром в Кокшетау –21…–19 °C, без осадков.", quantity(None, "°C", lower=-21, upper=-19)),
    ("+4…+9 °C", "", "Днем в Шымкенте +4…+9 °C, пасмурно.", quantity(None, "°C", lower=4, upper=9)),
    ("–3…+2 °C", "", "В Алматы днем –3…+2 °C, гололед.", quantity(None, "°C", lower=-3, upper=2)),
    ("−6...−11 °С", "", "Ночью в Павлодаре −6...−11 °С, ясно.", quantity(None, "°С", lower=-11, upper=-6)),
    ("12…15 м/с", "", "Ветер западный 12…15 м/с, порывы до 20.", quantity(None, "м/с", lower=12, upper=15)),
    # Guard: a single temperature with an en dash before it keeps its reading; a dash range stays as it was.
    ("8–10 °C", "", "Днем 8–10 °C тепла.", quantity(None, "°C", lower=8, upper=10)),
]


@pytest.mark.parametrize("case", A_RANGE_WRITTEN_WITH_AN_ELLIPSIS, ids=[c[0] for c in A_RANGE_WRITTEN_WITH_AN_ELLIPSIS])
def test_a_russian_range_written_with_an_ellipsis_keeps_both_ends_and_their_signs(case: Case) -> None:
    _check(case)
