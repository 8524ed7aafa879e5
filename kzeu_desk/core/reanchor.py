"""Finding evidence spans again in a new revision of their source's text.

Each span is looked for in this order; the first step that finds it decides its state:

1. exact    — the quote together with its prefix and suffix, character for character;
2. moved    — the quote alone, unchanged: where it occurs once in the new text and occurred once in
              the old one, or, among several occurrences, the one whose surroundings clearly
              resemble the old ones;
3. fuzzy    — an approximate match of the quote in its context, scored 0..1;
4. orphaned — nothing scores at least `ORPHAN_BELOW`, or two different places score alike.

A weak or ambiguous match is never placed: a curator re-attaching an orphan costs seconds, a fact
silently citing the wrong sentence costs its credibility.

Only the standard library is used, and no step scans the whole text per span (10k spans over a
1 MB text would be 10 GB of scanning). Each text is split into words once, with an index from
each word to where it occurs:
* exact lookups verify the occurrences of the needle's rarest whole word (`str.startswith` at
  each), so they cost a handful of comparisons;
* landmarks — pairs of adjacent words occurring once in the old and once in the new text, in
  the same order — bracket where each span must now be, which settles quotes that recur
  ("the agreement was") and keeps look-alikes elsewhere from being chosen;
* the fuzzy step aligns the quote's words with the bracketed stretch, or with the regions where
  the rare words of prefix + quote + suffix reappear (a moved paragraph), by a bit-parallel edit
  distance (Myers 1999, Python's unbounded ints as the bit vectors, one word per step), then
  scores the character edit distance of the quote and of its context, again bit-parallel.
`difflib` was measured on the same 3,000 quote/window pairs and not used: `ratio()` took 90 µs a
pair against 8 µs for the edit distance here, and locating a quote in its window by matching
blocks 199 µs against 17 µs; nor does `ratio()` give an edit distance or the span's boundaries.
"""

from __future__ import annotations

from typing import TypeGuard

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from kzeu_desk.core.models import AnchorState

# A fuzzy match scoring below this is an orphan, never a placement.
ORPHAN_BELOW = 0.7
# A fuzzy match scoring below this waits in the orphan queue for a curator to accept it.
REVIEW_BELOW = 0.9
# Share of the score that comes from the context (prefix and suffix); the rest from the quote.
CONTEXT_WEIGHT = 0.25
# A quote that lost more than 40% of its characters is not the same quote, whatever its context says.
QUOTE_SIMILARITY_FLOOR = 0.6
# Two places scoring within this of each other make the match ambiguous: orphaned.
AMBIGUITY_MARGIN = 0.05
# Among several exact occurrences of a quote, the chosen one's context must resemble the old one
# at least this much, and beat the runner-up by AMBIGUITY_MARGIN.
CONTEXT_AGREEMENT = 0.6

# Words occurring more often than this carry no information about where a passage went.
_TELLING_WORD_LIMIT = 64
_TELLING_WORDS = 8
_CANDIDATE_REGIONS = 3
_TIES_TRIED = 3
# Tied alignments whose quotes are this close in similarity are told apart by their context.
_TIE_SIMILARITY = 0.1
# Checking more occurrences of a needle's rarest word than this costs more than scanning in C.
_CHECKED_OCCURRENCES_LIMIT = 400
_OCCURRENCES_RANKED_BY_CONTEXT = 64
# A bracket (the stretch between landmarks) this many times the span's length still pins it down.
_NARROW_BRACKET_FACTOR = 4
_VOTE_BUCKET_WORDS = 4
_PROGRESS_EVERY = 256

_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class LastAnchor:
    """Where an evidence span was last found: code point offsets into revision `revision`'s text."""

    key: int  # the evidence id (or, in benchmarks, the harness's own number)
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    revision: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a span was found in the new text; start and end are None for an orphan."""

    key: int
    state: AnchorState
    start: int | None
    end: int | None
    score: float | None  # fuzzy matches only

    @property
    def anchored(self) -> bool:
        return self.state is not AnchorState.ORPHANED


class Cancelled(Exception):
    """Re-anchoring was stopped before it finished; nothing was decided."""


def reanchor(
    new_text: str,
    anchors: Sequence[LastAnchor],
    old_texts: Mapping[int, str],
    *,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[Placement]:
    """Place every span in `new_text`. `old_texts` maps each anchor's revision to the text its
    offsets point into (a span whose old text is missing is placed without its help)."""
    # Built on first use: inside an import's transaction usually no span needs placing again.
    new_index: WordIndex | None = None
    locators: dict[int | None, Locator] = {}
    placements: list[Placement] = []
    total = len(anchors)
    for done, anchor in enumerate(anchors):
        if done % _PROGRESS_EVERY == 0:
            if should_stop is not None and should_stop():
                raise Cancelled
            if progress is not None:
                progress(done, total)
        revision = anchor.revision if anchor.revision in old_texts else None
        locator = locators.get(revision)
        if locator is None:
            new_index = new_index or WordIndex(new_text)
            old_index = WordIndex(old_texts[revision]) if revision is not None else None
            locator = locators[revision] = Locator(new_index, old_index)
        placements.append(locator.place(anchor))
    if progress is not None:
        progress(total, total)
    return placements


def needs_review(state: AnchorState | str, score: float | None, old_quote: str, new_quote: str) -> bool:
    """Whether a curator should look at a placement: orphans, weak fuzzy matches, and any fuzzy
    match that changed a number (a corrected figure is exactly what a fact must not follow blindly)."""
    state = AnchorState(state)
    if state is AnchorState.ORPHANED:
        return True
    if state is not AnchorState.FUZZY:
        return False
    return (score is not None and score < REVIEW_BELOW) or numbers_changed(old_quote, new_quote)


def numbers_changed(old_quote: str, new_quote: str) -> bool:
    return _NUMBER.findall(old_quote) != _NUMBER.findall(new_quote)


# -- the word index ------------------------------------------------------------------------------


class WordIndex:
    """A text split into words once: where each word starts and ends, and where each word occurs."""

    __slots__ = ("text", "words", "starts", "ends", "occurrences")

    def __init__(self, text: str) -> None:
        self.text = text
        # Splitting keeps the separators: [separator, word, separator, word, ..., separator]; the
        # running total of their lengths gives every word's start and end without a Python loop.
        pieces = _WORD_SPLIT.split(text)
        offsets = list(accumulate(map(len, pieces)))
        self.words: list[str] = pieces[1::2]
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        occurrences: defaultdict[str, list[int]] = defaultdict(list)
        for number, word in enumerate(self.words):
            occurrences[word].append(number)
        self.occurrences: dict[str, list[int]] = dict(occurrences)

    def frequency(self, word: str) -> int:
        return len(self.occurrences.get(word, ()))

    def find_all(self, needle: str, limit: int, *, starts_at_word: bool = False,
                 ends_at_word: bool = False) -> list[int]:
        """Start offsets of occurrences of `needle` (up to `limit`), in text order.

        The occurrences of the needle's rarest whole word are checked in place; a word touching
        the needle's edge counts only when the caller knows the needle begins (ends) at a word
        boundary, since elsewhere it may continue beyond the needle. With only common words to go
        by, scanning the text in C is cheaper than checking thousands of occurrences.
        """
        if not needle:
            return []
        words = [(m.start(), m.group()) for m in _WORD.finditer(needle)
                 if (m.start() > 0 or starts_at_word) and (m.end() < len(needle) or ends_at_word)]
        if not words:
            return _scan(self.text, needle, 0, len(self.text), limit)
        offset, rarest = min(words, key=lambda item: self.frequency(item[1]))
        occurrences = self.occurrences.get(rarest, ())
        if len(occurrences) > _CHECKED_OCCURRENCES_LIMIT:
            return _scan(self.text, needle, 0, len(self.text), limit)
        found: list[int] = []
        for number in occurrences:
            start = self.starts[number] - offset
            if start >= 0 and self.text.startswith(needle, start):
                found.append(start)
                if len(found) >= limit:
                    break
        return found

    def word_at_or_after(self, offset: int) -> int:
        return bisect_left(self.ends, offset + 1)


def _scan(text: str, needle: str, start: int, end: int, limit: int) -> list[int]:
    found: list[int] = []
    position = text.find(needle, start, end)
    while position >= 0 and len(found) < limit:
        found.append(position)
        position = text.find(needle, position + 1, end)
    return found


class Alignment:
    """Landmarks shared by an old and a new text: pairs of adjacent words that occur exactly once in
    each, kept only where they appear in the same order (the longest increasing run). Between two
    landmarks the new text holds what the old one held there, however edited; a moved paragraph
    loses its landmarks to the ordering and is simply not bracketed. Word pairs rather than words:
    in prose most single words recur, most pairs of them do not."""

    def __init__(self, old: WordIndex, new: WordIndex) -> None:
        self.old_length, self.new_length = len(old.text), len(new.text)
        old_pairs, new_pairs = _unique_word_pairs(old.words), _unique_word_pairs(new.words)
        shared = sorted((old_word, new_pairs[pair]) for pair, old_word in old_pairs.items() if pair in new_pairs)
        kept = _longest_increasing([new_word for _, new_word in shared])
        # A landmark spans its two words.
        self.old_starts = [old.starts[shared[i][0]] for i in kept]
        self.old_ends = [old.ends[shared[i][0] + 1] for i in kept]
        self.new_starts = [new.starts[shared[i][1]] for i in kept]
        self.new_ends = [new.ends[shared[i][1] + 1] for i in kept]

    def bracket(self, old_start: int, old_end: int) -> tuple[int, int, int, int]:
        """(old from, old to, new from, new to): the stretch between the nearest landmarks outside
        the span, in both texts."""
        before = bisect_right(self.old_ends, old_start) - 1
        after = bisect_left(self.old_starts, old_end)
        old_from = self.old_ends[before] if before >= 0 else 0
        new_from = self.new_ends[before] if before >= 0 else 0
        old_to = self.old_starts[after] if after < len(self.old_starts) else self.old_length
        new_to = self.new_starts[after] if after < len(self.new_starts) else self.new_length
        return old_from, old_to, new_from, max(new_from, new_to)


def _unique_word_pairs(words: Sequence[str]) -> dict[tuple[str, str], int]:
    """Each pair of adjacent words occurring once, with the number of its first word."""
    pairs = list(zip(words, words[1:]))
    counts = Counter(pairs)
    # dict() keeps a repeated key's last position; for the pairs kept there is only one.
    positions = dict(zip(pairs, range(len(pairs))))
    return {pair: position for pair, position in positions.items() if counts[pair] == 1}


def _longest_increasing(values: Sequence[int]) -> list[int]:
    """Positions of a longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []  # values ending the best run of each length
    tail_positions: list[int] = []
    previous: list[int] = [-1] * len(values)
    for position, value in enumerate(values):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_positions.append(position)
        else:
            tails[length] = value
            tail_positions[length] = position
        previous[position] = tail_positions[length - 1] if length > 0 else -1
    run: list[int] = []
    position = tail_positions[-1] if tail_positions else -1
    while position >= 0:
        run.append(position)
        position = previous[position]
    return run[::-1]


# -- placing one span ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    score: float
    in_bracket: bool


class _Repetition:
    """Whether an anchor's quote occurred more than once in the old text: asked at most once per
    span, and only for the few spans not found exactly with their context."""

    __slots__ = ("_anchor", "_old", "_answer")

    def __init__(self, anchor: LastAnchor, old: WordIndex | None) -> None:
        self._anchor = anchor
        self._old = old
        self._answer: bool | None = None

    @property
    def repeated_before(self) -> bool:
        if self._answer is None:
            self._answer = self._old is not None and len(self._old.find_all(
                self._anchor.quote, limit=2, starts_at_word=_starts_at_word(self._anchor),
                ends_at_word=_ends_at_word(self._anchor))) > 1
        return self._answer


class Locator:
    """Places spans from one old text in one new text."""

    def __init__(self, new: WordIndex, old: WordIndex | None) -> None:
        self.text = new.text
        self.index = new
        self.old = old
        self.alignment = Alignment(old, new) if old is not None else None

    def place(self, anchor: LastAnchor) -> Placement:
        if self.alignment is not None:
            bracket = self.alignment.bracket(anchor.start, anchor.end)
        else:
            bracket = (0, len(anchor.prefix) + len(anchor.quote) + len(anchor.suffix), 0, len(self.text))
        repetition = _Repetition(anchor, self.old)
        return (self._with_context(anchor, bracket) or self._quote_alone(anchor, bracket, repetition)
                or self._approximately(anchor, bracket, repetition)
                or Placement(anchor.key, AnchorState.ORPHANED, None, None, None))

    # 1. the quote with its context ----------------------------------------------------------

    def _with_context(self, anchor: LastAnchor, bracket: tuple[int, int, int, int]) -> Placement | None:
        found = self.index.find_all(anchor.prefix + anchor.quote + anchor.suffix, limit=16)
        if not found:
            return None
        # A passage repeated word for word, context and all, is the same evidence either way;
        # the copy where the old one stood is the natural choice.
        _, _, new_from, new_to = bracket
        middle = (new_from + new_to) // 2
        nearest = min(found, key=lambda start: abs(start + len(anchor.prefix) - middle))
        start = nearest + len(anchor.prefix)
        return Placement(anchor.key, AnchorState.EXACT, start, start + len(anchor.quote), None)

    # 2. the quote alone ----------------------------------------------------------------------

    def _quote_alone(self, anchor: LastAnchor, bracket: tuple[int, int, int, int],
                     repetition: _Repetition) -> Placement | None:
        quote = anchor.quote
        old_from, old_to, new_from, new_to = bracket
        # The same words once between the same landmarks, before and after: the same passage.
        in_bracket = _scan(self.text, quote, new_from, new_to, 2)
        if len(in_bracket) == 1 and (self.old is None
                                     or len(_scan(self.old.text, quote, old_from, old_to, 2)) == 1):
            return Placement(anchor.key, AnchorState.MOVED, in_bracket[0], in_bracket[0] + len(quote), None)
        found = self.index.find_all(quote, limit=_OCCURRENCES_RANKED_BY_CONTEXT,
                                    starts_at_word=_starts_at_word(anchor), ends_at_word=_ends_at_word(anchor))
        if not found:
            return None
        if (len(found) == 1 and not repetition.repeated_before and not in_bracket
                and (not self._is_narrow(anchor, bracket)
                     or self._context_similarity(anchor, found[0], found[0] + len(quote)) >= CONTEXT_AGREEMENT)):
            # Unique before and after. When landmarks say where the passage stood and this is
            # elsewhere, it must have taken its surroundings along (a moved paragraph), or the
            # words may just have been formed anew by edits elsewhere.
            return Placement(anchor.key, AnchorState.MOVED, found[0], found[0] + len(quote), None)
        # Several places say the same words: only the surroundings can tell which one was meant.
        ranked = sorted(((self._context_similarity(anchor, start, start + len(quote)), start)
                         for start in found), reverse=True)
        best_similarity, best_start = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        if best_similarity >= CONTEXT_AGREEMENT and best_similarity - runner_up >= AMBIGUITY_MARGIN:
            return Placement(anchor.key, AnchorState.MOVED, best_start, best_start + len(quote), None)
        return None

    @staticmethod
    def _is_narrow(anchor: LastAnchor, bracket: tuple[int, int, int, int]) -> bool:
        _, _, new_from, new_to = bracket
        return new_to - new_from <= _NARROW_BRACKET_FACTOR * (len(anchor.prefix) + len(anchor.quote)
                                                             + len(anchor.suffix) + 1)

    def _context_similarity(self, anchor: LastAnchor, start: int, end: int) -> float:
        before = self.text[max(0, start - len(anchor.prefix)):start]
        after = self.text[end:end + len(anchor.suffix)]
        distance = levenshtein(anchor.prefix, before) + levenshtein(anchor.suffix, after)
        longest = max(len(anchor.prefix), len(before)) + max(len(anchor.suffix), len(after))
        return 1.0 - distance / longest if longest else 1.0

    # 3. approximately ------------------------------------------------------------------------

    def _approximately(self, anchor: LastAnchor, bracket: tuple[int, int, int, int],
                       repetition: _Repetition) -> Placement | None:
        quote_words = _WORD.findall(anchor.quote)
        if not quote_words:
            return None  # punctuation alone cannot be recognised anywhere else
        prefix_words = _context_words(anchor.prefix, trim_start=True)
        suffix_words = _context_words(anchor.suffix, trim_start=False)
        # A quote cut out of a word is aligned by that whole word; the cut is made again after.
        if not _starts_at_word(anchor) and prefix_words:
            quote_words[0] = prefix_words.pop() + quote_words[0]
        if not _ends_at_word(anchor) and suffix_words:
            quote_words[-1] += suffix_words.pop(0)
        pattern = prefix_words + quote_words + suffix_words
        old_from, _, new_from, new_to = bracket
        # As far after the landmark before it as it stood in the old text.
        expected_start = min(new_from + anchor.start - old_from, new_to)

        def acceptable(candidate: _Candidate | None) -> TypeGuard[_Candidate]:
            # A verbatim copy of a repeated quote was already judged ambiguous by its surroundings.
            return candidate is not None and not (
                self.text[candidate.start:candidate.end] == anchor.quote and repetition.repeated_before)

        if self._is_narrow(anchor, bracket):
            # Landmarks on both sides pin the passage down; a look-alike elsewhere does not matter.
            in_place = self._align(anchor, quote_words, self.index.word_at_or_after(expected_start),
                                   len(pattern), bracket)
            if acceptable(in_place) and in_place.in_bracket and in_place.score >= ORPHAN_BELOW:
                return self._placement(anchor, in_place)
        candidates: list[_Candidate] = []
        for pattern_start in self._voted_regions(pattern, expected_start):
            candidate = self._align(anchor, quote_words, pattern_start + len(prefix_words), len(pattern), bracket)
            if acceptable(candidate):
                candidates.append(candidate)
        places: list[_Candidate] = []  # the best candidate of each distinct place
        for candidate in sorted(candidates, key=lambda c: c.score, reverse=True):
            if not any(_overlap(candidate, place) for place in places):
                places.append(candidate)
        if not places or places[0].score < ORPHAN_BELOW:
            return None
        best = places[0]
        if len(places) > 1 and places[1].score >= best.score - AMBIGUITY_MARGIN:
            return None  # two places look alike and nothing tells them apart
        return self._placement(anchor, best)

    def _placement(self, anchor: LastAnchor, candidate: _Candidate) -> Placement:
        if self.text[candidate.start:candidate.end] == anchor.quote:
            return Placement(anchor.key, AnchorState.MOVED, candidate.start, candidate.end, None)
        return Placement(anchor.key, AnchorState.FUZZY, candidate.start, candidate.end, round(candidate.score, 4))

    def _voted_regions(self, pattern: list[str], expected_start: int) -> list[int]:
        """Word numbers where the pattern most plausibly starts in the new text, best first.

        Every occurrence of a telling (rare) pattern word votes for the start its position implies;
        inserted or deleted words shift later votes by a word or two, so neighbouring buckets pool.
        """
        occurrences = self.index.occurrences
        counted = sorted((len(occurrences.get(word, ())), position, word) for position, word in enumerate(pattern))
        telling = [(position, word) for count, position, word in counted
                   if 0 < count <= _TELLING_WORD_LIMIT][:_TELLING_WORDS]
        if not telling:
            # Every word is common (or gone): the rarest two still say something in a short text.
            telling = [(position, word) for count, position, word in counted
                       if 0 < count <= 4 * _TELLING_WORD_LIMIT][:2]
        votes: defaultdict[int, int] = defaultdict(int)
        starts_voted: defaultdict[int, list[int]] = defaultdict(list)
        for position, word in telling:
            for number in occurrences[word]:
                start = number - position
                bucket = start // _VOTE_BUCKET_WORDS
                votes[bucket] += 1
                starts_voted[bucket].append(start)
        if not votes:
            return []
        pooled = {bucket: votes.get(bucket - 1, 0) + count + votes.get(bucket + 1, 0) for bucket, count in votes.items()}
        expected_word = self.index.word_at_or_after(expected_start)
        ranked_buckets = sorted(pooled, key=lambda b: (-pooled[b], abs(b * _VOTE_BUCKET_WORDS - expected_word)))
        regions: list[int] = []
        strongest = pooled[ranked_buckets[0]]
        for bucket in ranked_buckets:
            if len(regions) == _CANDIDATE_REGIONS or pooled[bucket] * 3 < strongest:
                break
            if any(abs(bucket * _VOTE_BUCKET_WORDS - region) < len(pattern) for region in regions):
                continue
            voted = sorted(starts_voted[bucket])
            regions.append(voted[len(voted) // 2])
        return regions

    def _align(self, anchor: LastAnchor, quote_words: list[str], quote_word_start: int, pattern_length: int,
               bracket: tuple[int, int, int, int]) -> _Candidate | None:
        """The best approximate occurrence of the quote's words around word `quote_word_start`,
        turned back into a character span and scored by character edit distance."""
        index = self.index
        slack = 2 + pattern_length // 4
        first = max(0, quote_word_start - slack)
        last = min(len(index.words), quote_word_start + len(quote_words) + slack)
        if first >= last:
            return None
        window = index.words[first:last]
        distance, end_words = best_substring_ends(quote_words, window)
        if distance >= len(quote_words):
            return None
        # An edit at the quote's edge often ties: a deleted first word costs as much as swapping it
        # for the word before. The quote's character similarity, then its context, settle it.
        expected_end = quote_word_start + len(quote_words) - first
        spans: set[tuple[int, int]] = set()
        for end_word in sorted(end_words, key=lambda e: abs(e - expected_end))[:_TIES_TRIED]:
            _, lengths = best_substring_ends(quote_words[::-1], window[:end_word][::-1])
            for length in sorted(lengths, key=lambda n: abs(n - len(quote_words)))[:_TIES_TRIED]:
                if length:
                    span = self._character_span(anchor, index.starts[first + end_word - length],
                                                index.ends[first + end_word - 1])
                    if span[0] < span[1]:
                        spans.add(span)
        if not spans:
            return None
        quote_similarities = {span: similarity(anchor.quote, self.text[span[0]:span[1]]) for span in spans}
        closest = max(quote_similarities.values())
        contenders = [span for span, value in quote_similarities.items() if value >= closest - _TIE_SIMILARITY]
        _, _, new_from, new_to = bracket
        scored = [_Candidate(start, end, self._score(anchor, start, end, quote_similarities[(start, end)]),
                             new_from <= start and end <= new_to) for start, end in contenders]
        return max(scored, key=lambda candidate: candidate.score)

    def _character_span(self, anchor: LastAnchor, first_word_start: int, last_word_end: int) -> tuple[int, int]:
        """Word boundaries widened or narrowed the way the old quote began and ended: leading and
        trailing punctuation it had, or a word it cut into."""
        text, quote = self.text, anchor.quote
        start, end = first_word_start, last_word_end
        words = list(_WORD.finditer(quote))
        leading, trailing = quote[:words[0].start()], quote[words[-1].end():]
        if leading and text[max(0, start - len(leading)):start] == leading:
            start -= len(leading)
        elif not leading and not _starts_at_word(anchor):
            # The old quote began inside a word; begin as far inside the new one.
            start = min(start + _word_tail_length(anchor.prefix), end - 1)
        if trailing and text.startswith(trailing, end):
            end += len(trailing)
        elif not trailing and not _ends_at_word(anchor):
            end = max(end - _word_head_length(anchor.suffix), start + 1)
        return start, end

    def _score(self, anchor: LastAnchor, start: int, end: int, quote_similarity: float) -> float:
        if quote_similarity < QUOTE_SIMILARITY_FLOOR:
            return 0.0
        if not anchor.prefix and not anchor.suffix:
            return quote_similarity
        return ((1 - CONTEXT_WEIGHT) * quote_similarity
                + CONTEXT_WEIGHT * self._context_similarity(anchor, start, end))


def _starts_at_word(anchor: LastAnchor) -> bool:
    """Whether the quote began at the start of a word (not inside one)."""
    return not (_is_word_character(anchor.prefix[-1:]) and _is_word_character(anchor.quote[:1]))


def _ends_at_word(anchor: LastAnchor) -> bool:
    return not (_is_word_character(anchor.suffix[:1]) and _is_word_character(anchor.quote[-1:]))


def _context_words(context: str, *, trim_start: bool) -> list[str]:
    """Words of a prefix or suffix, without the one it may have cut in half at its outer edge."""
    matches = list(_WORD.finditer(context))
    if trim_start and matches and matches[0].start() == 0:
        matches = matches[1:]
    if not trim_start and matches and matches[-1].end() == len(context):
        matches = matches[:-1]
    return [m.group() for m in matches]


def _is_word_character(character: str) -> bool:
    return bool(character) and _WORD.match(character) is not None


def _word_tail_length(text: str) -> int:
    """How many word characters `text` ends with."""
    match = re.search(r"\w+$", text)
    return len(match.group()) if match else 0


def _word_head_length(text: str) -> int:
    match = _WORD.match(text)
    return len(match.group()) if match else 0


def _overlap(a: _Candidate, b: _Candidate) -> bool:
    return a.start < b.end and b.start < a.end


# -- bit-parallel edit distance (Myers 1999, Hyyrö 2003) -------------------------------------------


def _symbol_masks(pattern: Sequence[Hashable]) -> dict[Hashable, int]:
    masks: dict[Hashable, int] = {}
    for position, symbol in enumerate(pattern):
        masks[symbol] = masks.get(symbol, 0) | (1 << position)
    return masks


def best_substring_ends(pattern: Sequence[Hashable], text: Sequence[Hashable]) -> tuple[int, list[int]]:
    """The smallest edit distance between `pattern` and any substring of `text`, and every end
    offset (exclusive) of a substring reaching it. Symbols may be characters or words."""
    m = len(pattern)
    if m == 0:
        return 0, list(range(len(text) + 1))
    masks = _symbol_masks(pattern)
    all_ones = (1 << m) - 1
    last = 1 << (m - 1)
    vertical_plus, vertical_minus, score = all_ones, 0, m
    best, ends = m, [0]
    for position, symbol in enumerate(text, 1):
        equal = masks.get(symbol, 0)
        x_vertical = equal | vertical_minus
        x_horizontal = (((equal & vertical_plus) + vertical_plus) ^ vertical_plus) | equal
        horizontal_plus = vertical_minus | (~(x_horizontal | vertical_plus) & all_ones)
        horizontal_minus = vertical_plus & x_horizontal
        if horizontal_plus & last:
            score += 1
        elif horizontal_minus & last:
            score -= 1
        # A substring may start anywhere: row 0 stays 0, so nothing is shifted in.
        horizontal_plus = (horizontal_plus << 1) & all_ones
        horizontal_minus = (horizontal_minus << 1) & all_ones
        vertical_plus = horizontal_minus | (~(x_vertical | horizontal_plus) & all_ones)
        vertical_minus = horizontal_plus & x_vertical
        if score < best:
            best, ends = score, [position]
        elif score == best:
            ends.append(position)
    return best, ends


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings (insertions, deletions, substitutions).

    What the strings share at both ends costs nothing and is cut off first (found by halving, in
    C), so comparing a context with its lightly edited copy only runs the bit-parallel loop over the
    few characters that differ.
    """
    if a == b:
        return 0
    same_start = _common_prefix_length(a, b)
    a, b = a[same_start:], b[same_start:]
    same_end = _common_prefix_length(a[::-1], b[::-1])
    if same_end:
        a, b = a[:-same_end], b[:-same_end]
    if len(a) < len(b):
        a, b = b, a  # the longer string becomes the bit vector: fewer Python-level steps
    m = len(a)
    if not b:
        return m
    masks = _symbol_masks(a)
    mask_of = masks.get
    all_ones = (1 << m) - 1
    last = 1 << (m - 1)
    vertical_plus, vertical_minus, score = all_ones, 0, m
    for symbol in b:
        equal = mask_of(symbol, 0)
        x_vertical = equal | vertical_minus
        x_horizontal = (((equal & vertical_plus) + vertical_plus) ^ vertical_plus) | equal
        horizontal_plus = vertical_minus | (~(x_horizontal | vertical_plus) & all_ones)
        horizontal_minus = vertical_plus & x_horizontal
        if horizontal_plus & last:
            score += 1
        elif horizontal_minus & last:
            score -= 1
        # Row 0 counts up along the other string: a 1 is shifted in.
        horizontal_plus = ((horizontal_plus << 1) | 1) & all_ones
        horizontal_minus = (horizontal_minus << 1) & all_ones
        vertical_plus = horizontal_minus | (~(x_vertical | horizontal_plus) & all_ones)
        vertical_minus = horizontal_plus & x_vertical
    return score


def _common_prefix_length(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def similarity(a: str, b: str) -> float:
    """1 for equal strings, falling to 0 as the edit distance reaches the longer one's length."""
    longest = max(len(a), len(b))
    return 1.0 - levenshtein(a, b) / longest if longest else 1.0
