"""The classes of the Kazakh misses of sets 60 and 61 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import money, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_FLOOR_FROM_AFTER_THE_HIGHLIGHT = [
    # A price "from" a figure whose "бастап" (from) or "басталады" (starts at) stands after the highlight: the
    # curator marked the ablative figure, the sentence makes it a floor, as "от 39 евро" of "стоят от 39 евро" is.
    ("4 500 теңгеден", "Экскурсия бағасы 4 500 теңгеден басталады.", money(4500, "KZT", lower=4500)),
    ("12 мың теңгеден", "– жеке сабақтар – 12 мың теңгеден бастап;", money(12_000, "KZT", lower=12_000)),
    ("75 еуродан", "Қонақүйдегі бөлме бағасы түнге 75 еуродан басталатын болады.", money(75, "EUR", lower=75)),
    # Guard: the start of a range stays a figure of its range, not a floor.
    ("3 000 теңгеден", "Билеттер 3 000 теңгеден бастап 9 000 теңгеге дейін сатылады.", money(3000, "KZT")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_FLOOR_FROM_AFTER_THE_HIGHLIGHT,
                         ids=[case[1] for case in KAZAKH_FLOOR_FROM_AFTER_THE_HIGHLIGHT])
def test_kazakh_floor_from_after_the_highlight(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-04-14", context=context).value, expected)
