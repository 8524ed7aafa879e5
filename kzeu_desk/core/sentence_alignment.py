"""An order-preserving alignment of a text's sentences with a newer revision's, like a diff over sentences.

Used by `core.reanchor` for the last resort of a span whose sentence was rewritten (reworded, turned round,
merged with its neighbour or cut in two): once the old sentence is known to have become a new one (or two),
the span's words are looked for there and nowhere else.

Built once per pair of texts, in two passes:

1. sentences whose content words are the same and said once on each side are pinned, keeping the longest
   run of them in order (a moved paragraph's sentences do not pin);
2. the sentences between two pinned pairs are matched by their content words (rare words weighing more,
   figures kept whole, other words cut to their first letters so that "entered"/"enters" and Russian or
   Kazakh endings agree), one to one, or one to two and two to one for a sentence cut in two or two joined,
   by a dynamic programme that keeps the order; a pair is only kept when its likeness reaches
   `PAIR_LIKENESS`, so a sentence that was cut is left without a partner rather than given its successor.

Cost: the texts are split once; the programme runs only inside gaps between pinned sentences, and a gap of
more than `_GAP_CELLS` pairs is left unaligned (a text rewritten throughout has nothing to anchor by).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from math import log

_WORD = re.compile(r"\w+")
# Words are compared by their first letters: "agreement"/"agreements", "соглашение"/"соглашения".
_STEM_LETTERS = 5
# Words shorter than this carry no content ("the", "and", "это", "мен").
_CONTENT_LETTERS = 4
# A sentence pair is aligned only when this much of its content weight is shared (weighted Dice).
PAIR_LIKENESS = 0.3
# A gap of more old x new sentences than this between pinned pairs is not aligned (cost bound).
_GAP_CELLS = 40_000


def content_key(word: str) -> str | None:
    """What a word counts as when sentences are compared, or None for a word that says nothing."""
    if any(character.isdigit() for character in word):
        return word
    if len(word) < _CONTENT_LETTERS:
        return None
    return word[:_STEM_LETTERS]


def content_keys(text: str) -> list[str]:
    return [key for key in map(content_key, _WORD.findall(text)) if key is not None]


@dataclass(frozen=True, slots=True)
class Aligned:
    """Where an old sentence went: the new sentences (one or two) and how alike they are (0..1)."""

    new: tuple[int, ...]
    likeness: float
    pinned: bool  # the same content words, said once on each side


class SentenceAlignment:
    """The sentences of two texts, each as (start, end) offsets, aligned in order."""

    def __init__(self, old_text: str, old_sentences: Sequence[tuple[int, int]],
                 new_text: str, new_sentences: Sequence[tuple[int, int]]) -> None:
        self.old_sentences = list(old_sentences)
        self.new_sentences = list(new_sentences)
        self._old_starts = [start for start, _ in self.old_sentences]
        self.old_keys = [frozenset(content_keys(old_text[start:end])) for start, end in self.old_sentences]
        self.new_keys = [frozenset(content_keys(new_text[start:end])) for start, end in self.new_sentences]
        counts: Counter[str] = Counter()
        for keys in self.old_keys:
            counts.update(keys)
        for keys in self.new_keys:
            counts.update(keys)
        total = len(self.old_keys) + len(self.new_keys)
        # Rare words weigh more (an inverse document frequency over the sentences of both texts); a figure
        # weighs as the rarest.
        self._weights = {key: log(1 + total / count) * (1.5 if key[:1].isdigit() else 1.0)
                         for key, count in counts.items()}
        self.old_to_new: dict[int, Aligned] = {}
        self.new_to_old: dict[int, list[int]] = {}
        self._align()

    def weight(self, keys: frozenset[str] | set[str]) -> float:
        return sum(self._weights.get(key, 0.0) for key in keys)

    def likeness(self, a: frozenset[str], b: frozenset[str]) -> float:
        whole = self.weight(a) + self.weight(b)
        return 2 * self.weight(a & b) / whole if whole else 0.0

    def old_sentence_at(self, offset: int) -> int | None:
        """The number of the old sentence holding `offset`, if any."""
        at = bisect_right(self._old_starts, offset) - 1
        if at < 0 or offset >= self.old_sentences[at][1]:
            return None
        return at

    # -- building --------------------------------------------------------------------------------

    def _align(self) -> None:
        pins = self._pins()
        previous = (-1, -1)
        for pin in [*pins, (len(self.old_keys), len(self.new_keys))]:
            self._align_gap(previous[0] + 1, pin[0], previous[1] + 1, pin[1])
            if pin[0] < len(self.old_keys):
                self._add(pin[0], (pin[1],), 1.0, pinned=True)
            previous = pin

    def _pins(self) -> list[tuple[int, int]]:
        def once(keys_list: list[frozenset[str]]) -> dict[frozenset[str], int]:
            seen: Counter[frozenset[str]] = Counter(keys_list)
            return {keys: at for at, keys in enumerate(keys_list) if seen[keys] == 1 and len(keys) >= 2}

        old_once, new_once = once(self.old_keys), once(self.new_keys)
        pairs = sorted((at, new_once[keys]) for keys, at in old_once.items() if keys in new_once)
        return _longest_increasing_pairs(pairs)

    def _align_gap(self, old_first: int, old_stop: int, new_first: int, new_stop: int) -> None:
        rows, columns = old_stop - old_first, new_stop - new_first
        if rows <= 0 or columns <= 0 or rows * columns > _GAP_CELLS:
            return
        old_keys, new_keys = self.old_keys, self.new_keys

        def gain(likeness: float) -> float:
            return likeness - PAIR_LIKENESS if likeness >= PAIR_LIKENESS else -1.0

        # best[i][j]: the best total gain aligning the first i old and j new sentences of the gap.
        best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
        step: list[list[tuple[int, int, float] | None]] = [[None] * (columns + 1) for _ in range(rows + 1)]
        for i in range(rows + 1):
            for j in range(columns + 1):
                if i == 0 and j == 0:
                    continue
                options: list[tuple[float, tuple[int, int, float] | None]] = []
                if i > 0:
                    options.append((best[i - 1][j], (1, 0, 0.0)))
                if j > 0:
                    options.append((best[i][j - 1], (0, 1, 0.0)))
                if i > 0 and j > 0:
                    like = self.likeness(old_keys[old_first + i - 1], new_keys[new_first + j - 1])
                    if like >= PAIR_LIKENESS:
                        options.append((best[i - 1][j - 1] + gain(like), (1, 1, like)))
                if i > 0 and j > 1:  # one old sentence cut in two
                    like = self.likeness(old_keys[old_first + i - 1],
                                         new_keys[new_first + j - 2] | new_keys[new_first + j - 1])
                    if like >= PAIR_LIKENESS:
                        options.append((best[i - 1][j - 2] + gain(like) - 0.05, (1, 2, like)))
                if i > 1 and j > 0:  # two old sentences joined
                    like = self.likeness(old_keys[old_first + i - 2] | old_keys[old_first + i - 1],
                                         new_keys[new_first + j - 1])
                    if like >= PAIR_LIKENESS:
                        options.append((best[i - 2][j - 1] + gain(like) - 0.05, (2, 1, like)))
                best[i][j], step[i][j] = max(options, key=lambda option: option[0])
        i, j = rows, columns
        while i > 0 or j > 0:
            taken = step[i][j]
            assert taken is not None
            di, dj, like = taken
            if di and dj:
                news = tuple(new_first + j - dj + k for k in range(dj))
                for k in range(di):
                    self._add(old_first + i - di + k, news, like, pinned=False)
            i, j = i - di, j - dj

    def _add(self, old: int, new: tuple[int, ...], likeness: float, *, pinned: bool) -> None:
        self.old_to_new[old] = Aligned(new, likeness, pinned)
        for at in new:
            self.new_to_old.setdefault(at, []).append(old)


def _longest_increasing_pairs(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (old, new) pairs, sorted by old, whose new numbers increase too."""
    tails: list[int] = []  # tails[k]: the index in pairs ending the best run of length k + 1
    before: list[int] = [-1] * len(pairs)
    for at, (_, new) in enumerate(pairs):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if pairs[tails[middle]][1] < new:
                low = middle + 1
            else:
                high = middle
        before[at] = tails[low - 1] if low > 0 else -1
        if low == len(tails):
            tails.append(at)
        else:
            tails[low] = at
    run: list[tuple[int, int]] = []
    at = tails[-1] if tails else -1
    while at >= 0:
        run.append(pairs[at])
        at = before[at]
    return run[::-1]
