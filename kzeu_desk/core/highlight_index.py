"""Where evidence spans lie in one text, as an interval index over UTF-16 positions: which spans
cover a point, how deep and in which status each run of text is covered, what changed between two
versions. Qt-free; the reading pane paints from it."""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from heapq import heappop, heappush
from itertools import accumulate, islice
from typing import TYPE_CHECKING, Any

from kzeu_desk.core.text import Utf16Index

if TYPE_CHECKING:
    from kzeu_desk.core.queries import EvidenceSpan

_log = logging.getLogger(__name__)

# The fact statuses a span is coloured by; a span of any other status is treated as a draft.
SPAN_STATUSES = ("draft", "confirmed", "disputed", "rejected")
# Ranks other than normal change how a span looks too; a normal rank adds nothing to the look.
SPAN_RANKS = ("preferred", "deprecated")
# Every look a span can have, in a fixed order (the index numbers looks by it): "confirmed",
# "confirmed/preferred", "draft/deprecated", ...
SPAN_LOOKS = tuple(f"{status}/{rank}" if rank else status for status in SPAN_STATUSES for rank in ("", *SPAN_RANKS))

# (start, end, depth, status): a maximal run of UTF-16 positions covered by `depth` spans whose
# innermost one has `status`.
Segment = tuple[int, int, int, str]


class HighlightIndex:
    """Evidence spans of one text, in UTF-16 positions, answering "what covers this block/point?".

    The spans are swept once into disjoint segments (each with its overlap depth and the status of
    the innermost covering span), so a block query is one bisection plus the segments it touches,
    however the spans nest. Everything is kept in flat lists of ints and interned strings: a few
    tens of thousands of surviving tuples would make Python's full garbage collection run during
    the build, which alone cost 50-90 ms per opened source.
    """

    def __init__(self, spans: Sequence[EvidenceSpan], utf16: Utf16Index) -> None:
        self._length = utf16.codepoint_length
        # Texts without characters beyond the BMP (most of them) count the same in both units.
        self._convert = utf16.to_utf16 if utf16.utf16_length != self._length else None
        usable = self._usable(spans)
        usable.sort(key=_span_order)

        self._given = tuple(spans)  # as read: `built_from` compares a later read with it
        self._spans: list[EvidenceSpan] = usable
        convert = self._convert
        if convert is None:
            self._starts: list[int] = [span.start for span in usable]
            self._ends: list[int] = [span.end for span in usable]
        else:
            self._starts = [convert(span.start) for span in usable]
            self._ends = [convert(span.end) for span in usable]
        self._statuses: list[str] = [span_look(span.status, span.rank) for span in usable]
        self._fact_ids: list[int] = [span.fact_id for span in usable]
        self._evidence_ids: list[int] = [span.evidence_id for span in usable]
        # The furthest end among spans[0..i] lets a point query stop walking left as soon as no
        # earlier span can still reach the point.
        self._furthest_end_so_far: list[int] = list(accumulate(self._ends, max))

        (self.segment_starts, self.segment_ends, self.segment_depths,
         self.segment_statuses) = _sweep(self._starts, self._ends, self._statuses, sorted({*self._starts, *self._ends}))

    def _usable(self, spans: Iterable[EvidenceSpan]) -> list[EvidenceSpan]:
        usable: list[EvidenceSpan] = []
        for span in spans:
            if 0 <= span.start < span.end <= self._length:
                usable.append(span)
            else:
                # Storage checks spans on insert, so this means text and spans are out of step;
                # drawing the rest is more useful to a curator than refusing to show the source.
                _log.warning("evidence %s (%s..%s) lies outside the shown text",
                             span.evidence_id, span.start, span.end)
        return usable

    def update(self, fact_ids: Collection[int], evidence_ids: Collection[int],
               fresh: Sequence[EvidenceSpan]) -> list[tuple[int, int]]:
        """The spans of `fact_ids` and of `evidence_ids` are now `fresh` (those of them still in
        this text, as `queries.evidence_spans_of` reads them): the index is patched in place, its
        segments swept again only where the old and the new spans lie, and ends as an index built
        from the whole new list would be. Returns the UTF-16 ranges whose colouring may have
        changed (none when the spans are the same). Building the 1 MB source's 10k spans' index
        anew took 20-60 ms of the GUI thread at 100k facts and comparing it with the old one 6 ms
        more; patching it for one fact's spans takes a few."""
        dropped = [number for number, (fact_id, evidence_id) in enumerate(zip(self._fact_ids, self._evidence_ids))
                   if fact_id in fact_ids or evidence_id in evidence_ids]
        added = self._usable(fresh)
        if {self._spans[number] for number in dropped} == set(added):
            return []
        changed = [(self._starts[number], self._ends[number]) for number in dropped]
        columns: tuple[list[Any], ...] = (self._spans, self._starts, self._ends, self._statuses, self._fact_ids,
                                          self._evidence_ids)
        for number in reversed(dropped):
            for column in columns:
                del column[number]
        convert = self._convert
        for span in added:
            number = bisect_right(self._spans, _span_order(span), key=_span_order)
            start, end = (span.start, span.end) if convert is None else (convert(span.start), convert(span.end))
            for column, value in zip(columns, (span, start, end, span_look(span.status, span.rank), span.fact_id,
                                               span.evidence_id)):
                column.insert(number, value)
            changed.append((start, end))
        self._furthest_end_so_far = list(accumulate(self._ends, max))
        self._given = tuple(self._spans)
        windows = _disjoint(changed)
        for lo, hi in windows:
            self._sweep_again(lo, hi)
        return windows

    def _sweep_again(self, lo: int, hi: int) -> None:
        """Sweep the UTF-16 range lo..hi again from the spans that reach into it and splice its
        segments in, joined with their neighbours where the runs go on."""
        starts, ends = self._starts, self._ends
        numbers: list[int] = []
        number = bisect_left(starts, hi) - 1
        while number >= 0 and self._furthest_end_so_far[number] > lo:
            if ends[number] > lo:
                numbers.append(number)
            number -= 1
        numbers.reverse()
        window_starts = [starts[number] for number in numbers]
        window_ends = [ends[number] for number in numbers]
        swept = _sweep(window_starts, window_ends, [self._statuses[number] for number in numbers],
                       sorted({lo, hi, *(at for at in (*window_starts, *window_ends) if lo < at < hi)}))
        columns: tuple[list[Any], ...] = (self.segment_starts, self.segment_ends, self.segment_depths,
                                          self.segment_statuses)
        first = bisect_right(self.segment_ends, lo)  # segments first..last-1 overlap the window
        last = bisect_left(self.segment_starts, hi)
        pieces: list[Segment] = list(zip(*swept))
        if first < last and self.segment_starts[first] < lo:  # what lies left of the window stays
            pieces.insert(0, (self.segment_starts[first], lo, self.segment_depths[first], self.segment_statuses[first]))
        if first < last and self.segment_ends[last - 1] > hi:
            pieces.append((hi, self.segment_ends[last - 1], self.segment_depths[last - 1], self.segment_statuses[last - 1]))
        before, after = max(first - 1, 0), min(last + 1, len(self.segment_starts))
        joined: list[Segment] = []
        for segment in [*zip(*(column[before:first] for column in columns)), *pieces,
                        *zip(*(column[last:after] for column in columns))]:
            if joined and joined[-1][1] == segment[0] and joined[-1][2:] == segment[2:]:
                joined[-1] = (joined[-1][0], segment[1], *segment[2:])
            else:
                joined.append(segment)
        for column, values in zip(columns, zip(*joined) if joined else ((), (), (), ())):
            column[before:after] = values

    def __len__(self) -> int:
        return len(self._spans)

    @property
    def spans(self) -> list[EvidenceSpan]:
        return self._spans

    def built_from(self, spans: Sequence[EvidenceSpan]) -> bool:
        """Whether `spans` are the very spans this index was built from, in the same order: then
        there is nothing to build or re-colour. Comparing the 1 MB source's 10k spans costs a few
        milliseconds; building their index took 60-80 ms of the GUI thread at 1M facts."""
        return len(spans) == len(self._given) and tuple(spans) == self._given

    @property
    def segments(self) -> list[Segment]:
        return list(zip(self.segment_starts, self.segment_ends, self.segment_depths, self.segment_statuses))

    def first_segment_ending_after(self, position: int) -> int:
        """The number of the first segment that ends after UTF-16 `position` (may be past the last)."""
        return bisect_right(self.segment_ends, position)

    def segments_between(self, start: int, end: int) -> list[Segment]:
        """Segments overlapping the UTF-16 range start..end, clipped to it."""
        clipped: list[Segment] = []
        number = self.first_segment_ending_after(start)
        while number < len(self.segment_starts) and self.segment_starts[number] < end:
            clipped.append((max(self.segment_starts[number], start), min(self.segment_ends[number], end),
                            self.segment_depths[number], self.segment_statuses[number]))
            number += 1
        return clipped

    def spans_at(self, position: int) -> list[EvidenceSpan]:
        """Spans covering the character at UTF-16 `position`, innermost (shortest) first."""
        covering: list[tuple[int, int, EvidenceSpan]] = []
        number = bisect_right(self._starts, position) - 1
        while number >= 0 and self._furthest_end_so_far[number] > position:
            if self._ends[number] > position:
                covering.append((self._ends[number] - self._starts[number], -self._starts[number],
                                 self._spans[number]))
            number -= 1
        covering.sort(key=lambda item: (item[0], item[1]))
        return [span for _, _, span in covering]

    def fact_ranges(self, fact_id: int) -> list[tuple[int, int, str]]:
        """(start, end, status) of one fact's spans, in UTF-16 positions."""
        return [(self._starts[number], self._ends[number], self._statuses[number])
                for number, owner in enumerate(self._fact_ids) if owner == fact_id]

    def ranges_that_differ(self, other: HighlightIndex) -> list[tuple[int, int]]:
        """UTF-16 ranges whose colouring may differ between two indexes of the same text.

        The colour at a position depends only on which spans (with their statuses) cover it, so
        only the ranges of spans present in one index and not the other can change.
        """
        stride = max(self._furthest_end_so_far[-1:] + other._furthest_end_so_far[-1:] + [0]) + 1
        changed = self._span_keys(stride) ^ other._span_keys(stride)
        return sorted({divmod(key // len(SPAN_LOOKS), stride) for key in changed})

    def _span_keys(self, stride: int) -> set[int]:
        # One int per span rather than a tuple: ints are not tracked by the garbage collector.
        status_numbers = {look: number for number, look in enumerate(SPAN_LOOKS)}
        return {(start * stride + end) * len(SPAN_LOOKS) + status_numbers[status]
                for start, end, status in zip(self._starts, self._ends, self._statuses)}


def _span_order(span: EvidenceSpan) -> tuple[int, int, int]:
    # The evidence id last: of two spans over the same characters the newer is drawn on top, however
    # they were read, so an index patched by `update` is the one built from a full read.
    return span.start, span.end, span.evidence_id


def _disjoint(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges joined where they overlap or touch, in order."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def _sweep(starts: list[int], ends: list[int], statuses: list[str],
           boundaries: list[int]) -> tuple[list[int], list[int], list[int], list[str]]:
    """The segments (starts, ends, depths, statuses) between the first and the last of `boundaries`
    (sorted, every span's start and end between them among them) of spans sorted by start."""
    segment_starts: list[int] = []
    segment_ends: list[int] = []
    segment_depths: list[int] = []
    segment_statuses: list[str] = []
    span_count = len(starts)
    open_ends: list[int] = []  # min-heap of the ends of spans covering the current point
    # Min-heap ordering covering spans shortest first and, of equal ones, the later start (as
    # spans_at does), packed into one int per span so the heap holds no tuples for the garbage
    # collector to track. Entries of spans that already ended are dropped when they reach the top.
    radix = span_count + 1
    innermost: list[int] = []
    next_span = 0
    for left, right in zip(boundaries, islice(boundaries, 1, None)):
        while open_ends and open_ends[0] <= left:
            heappop(open_ends)
        while next_span < span_count and starts[next_span] <= left:
            end = ends[next_span]
            heappush(open_ends, end)
            heappush(innermost, (end - starts[next_span]) * radix + (span_count - next_span))
            next_span += 1
        if not open_ends:
            continue
        while ends[span_count - innermost[0] % radix] <= left:
            heappop(innermost)
        depth = len(open_ends)
        status = statuses[span_count - innermost[0] % radix]
        if (segment_ends and segment_ends[-1] == left and segment_depths[-1] == depth
                and segment_statuses[-1] == status):
            segment_ends[-1] = right
            continue
        segment_starts.append(left)
        segment_ends.append(right)
        segment_depths.append(depth)
        segment_statuses.append(status)
    return segment_starts, segment_ends, segment_depths, segment_statuses


def known_status(status: str | None) -> str:
    return status if status in SPAN_STATUSES else "draft"


def span_look(status: str | None, rank: str | None = None) -> str:
    """How a span is drawn: its fact's status, with its rank when that is not normal ("draft/deprecated")."""
    known = known_status(status)
    return f"{known}/{rank}" if rank in SPAN_RANKS else known


def look_parts(look: str) -> tuple[str, str]:
    """(status, rank) of a look; rank is "normal" when the look names none."""
    status, _, rank = look.partition("/")
    return known_status(status), rank or "normal"
