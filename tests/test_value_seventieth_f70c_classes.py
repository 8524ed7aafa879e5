"""The classes of the Kazakh misses of sets 68-71 (sets 70 and 71 at their first score, 68 and 69 after the fixes of
sets 66 and 67), each tested on other sentences than the sets': what Ctrl+N suggests for a highlight read with its
sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_SHORT_NOUNS_WITH_THEIR_POSSESSIVE = [
    # A hive ("ұя"), a song ("ән") and an application or request ("өтініш") are counted in their base form whatever
    # possessive and case follow ("ұясы", "әнін", "өтініші"); the two-letter stems are cut only when known, and
    # "өтініш" ends in "ш" as a doer in "-шы/-ші" does, so its possessive "-і" was kept.
    ("жеті", "Көршімнің жеті ұясы бар, биыл бал аз жиналды.", count(7, "ұя")),
    ("32 ұяның", "Шаруа 32 ұяның бәрін жайлауға көшірді.", count(32, "ұя")),
    ("12 әнін", "Әнші жаңа альбомына 12 әнін енгізді.", count(12, "ән")),
    ("2 мыңнан астам", "Бір айда тұрғындардың 2 мыңнан астам өтініші қаралды.", count(2000, "өтініш", lower=2000)),
    ("640-ы", "Тұрғындардың 3 200 өтініші түсті, оның 640-ы жол жөндеуіне қатысты.", count(640, "өтініш")),
    # Guard: a longer noun this does not know is still cut by its ending ("жобасын" is жоба).
    ("алты", "Қор алты жобасын қаржыландырды.", count(6, "жоба")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_SHORT_NOUNS_WITH_THEIR_POSSESSIVE,
                         ids=[case[1] for case in KAZAKH_SHORT_NOUNS_WITH_THEIR_POSSESSIVE])
def test_kazakh_short_nouns_with_their_possessive(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-06-02", context=context).value, expected)

