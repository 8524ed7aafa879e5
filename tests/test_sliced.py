"""Whole-text string work done a slice at a time gives exactly what one call over the text gives."""

from __future__ import annotations

import random
import re
from itertools import accumulate

from kzeu_desk.core import sliced

_WORD_SPLIT = re.compile(r"(\w+)")


def _texts() -> list[str]:
    rng = random.Random(22)
    alphabet = "ab cé1 2,.\n—Ж😀\u0301"
    texts = ["", "a", " ", "word", "x" * (sliced.SLICE * 2 + 5)]  # one word longer than a slice
    for length in (10, sliced.SLICE - 1, sliced.SLICE, sliced.SLICE + 1, 5 * sliced.SLICE + 77):
        texts.append("".join(rng.choice(alphabet) for _ in range(length)))
    # Cuts falling inside runs of separators and of word characters alike.
    texts.append(("alpha  " + " " * 30 + "beta,,") * (sliced.SLICE // 10))
    return texts


def test_translating_in_slices_is_translating_whole():
    table = str.maketrans("0123456789", "0000000000") | {ord("é"): "e", ord("\u0301"): None}
    for text in _texts():
        assert sliced.translate(text, table) == text.translate(table)


def test_splitting_words_in_slices_is_splitting_whole():
    for text in _texts():
        assert sliced.split_words(_WORD_SPLIT, text) == _WORD_SPLIT.split(text)


def test_running_lengths_in_slices_are_the_running_total():
    for text in _texts():
        pieces = _WORD_SPLIT.split(text)
        assert sliced.running_lengths(pieces) == list(accumulate(map(len, pieces)))
