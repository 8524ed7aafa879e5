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


def _spans(matches) -> list[tuple[int, int, str | None, str]]:
    return [(m.start(), m.end(), m.lastgroup, m.group()) for m in matches]


def _folding_texts() -> list[str]:
    """Texts for folding's pattern: wrapped lines (a 40-character look-behind), runs of spaces and of
    combining marks, some longer than the margin a slice's search reads past its end, across cuts."""
    rng = random.Random(7)
    pieces = ["word ", "a" * 45 + "\n", "  ", "\n\n", "e\u0301", "\u0301" * 3, "\u00ad", "\u2026", "\ufb01",
              "- item\n", "x" * 39 + " \r\n ", "\u00a0\u00a0", ".", "Ж"]
    texts = [rng.choice(pieces) * 1 for _ in range(3)]
    for length in (sliced.SLICE // 8, sliced.SLICE, 3 * sliced.SLICE):
        texts.append("".join(rng.choice(pieces) for _ in range(length // 4)))
    line = "y" * 50
    for run in (sliced.MARGIN - 2, sliced.MARGIN, sliced.MARGIN + 3, 3 * sliced.MARGIN):
        for at in (sliced.SLICE - 5, sliced.SLICE - sliced.MARGIN // 2, sliced.SLICE + 1):
            texts.append(line * (at // 50) + " " * run + "z" + line * 400)  # a run of spaces
            texts.append(line * (at // 50) + "\n" + " " * run + "z" + line * 400)  # wrapped, indented
            texts.append(line * (at // 50) + "e" + "\u0301" * run + line * 400)  # combining marks
    return texts


def test_finding_in_slices_finds_what_one_search_finds():
    from kzeu_desk.core.folding import _RESIZED

    for text in _texts() + _folding_texts():
        assert _spans(sliced.finditer(_RESIZED, text)) == _spans(_RESIZED.finditer(text))
        assert _spans(sliced.finditer(_WORD_SPLIT, text)) == _spans(_WORD_SPLIT.finditer(text))


def test_unique_word_pairs_in_slices_are_those_of_the_whole_list():
    from collections import Counter

    from kzeu_desk.core.reanchor import _unique_word_pairs

    rng = random.Random(3)
    for length in (0, 1, 2, 3, sliced.SLICE, sliced.SLICE + 1, sliced.SLICE + 2, 3 * sliced.SLICE + 11):
        words = [rng.choice("abcdefghijklmnopqrstuvwxyz") + rng.choice("abcdefghij") for _ in range(length)]
        pairs = list(zip(words, words[1:]))
        counts = Counter(pairs)
        whole = {pair: position for pair, position in dict(zip(pairs, range(len(pairs)))).items() if counts[pair] == 1}
        assert _unique_word_pairs(words) == whole


def test_lower_case_in_slices_is_lower_case_whole():
    greek = "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ. Σ ΑΣ\nΣΣ "  # final and medial sigmas, on either side of the cuts
    rng = random.Random(5)
    texts = [*_texts(), *(rng.choice([greek, "İstanbul ", "STRASSE ", "x" * 97, "Ǆ "]) * 3000 for _ in range(4))]
    for shift in range(6):
        texts.append("a" * (sliced.SLICE - shift) + greek * 3)
    for text in texts:
        assert sliced.lower(text) == text.lower()
