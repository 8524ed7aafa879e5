"""The Candidates pane's list: every figure and date found in a source (`document_values`), each
with whether a fact already cites it and whether a curator dismissed it.

Finding the values reads only the text (it runs off the GUI thread, `find_values`); the statuses
are two small reads of the fact base (`source_marks`) applied to them (`with_status`), cheap enough
to redo after every change.

A candidate is *cited* when the evidence of a fact covers its span and that fact states the same
value (kind, numbers, unit, dates; not its approximation flag, which a curator often refines); it is
*in evidence* when covering evidence belongs to a fact with another value (the sentence is cited for
something else); *dismissed* when a curator said it is no fact and the words there are still the
words dismissed.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from enum import StrEnum

from sqlalchemy import Connection, select

from kzeu_desk.core.recorder import table
from kzeu_desk.core.typed_value import TypedValue
if TYPE_CHECKING:
    from kzeu_desk.core.value_parsing.document_values import FoundValue

__all__ = ["CandidateStatus", "CitingSpan", "Dismissal", "SourceMarks", "ValueCandidate", "find_values",
           "same_value", "source_marks", "with_status"]


def find_values(text: str, published: str | None) -> list[FoundValue]:
    """Every candidate of `text`, in text order (`document_values.find_values`)."""
    from kzeu_desk.core.value_parsing.document_values import find_values as found_in  # value parsing compiles ~290 patterns at import (0.1 s CPU): imported when first used, not at start-up (docs/PERFORMANCE.md §13)

    return found_in(text, published)


class CandidateStatus(StrEnum):
    NEW = "new"
    CITED = "cited"
    IN_EVIDENCE = "in_evidence"
    DISMISSED = "dismissed"


@dataclass(frozen=True, slots=True)
class CitingSpan:
    fact_id: int
    start: int
    end: int
    value: TypedValue


@dataclass(frozen=True, slots=True)
class Dismissal:
    id: int
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class SourceMarks:
    """What the fact base says about a source's spans: the evidence citing it and the dismissals."""

    citing: tuple[CitingSpan, ...]
    dismissals: tuple[Dismissal, ...]


@dataclass(frozen=True, slots=True)
class ValueCandidate:
    found: FoundValue
    status: CandidateStatus
    fact_id: int | None  # the fact that cites it (or whose evidence covers it)
    dismissal_id: int | None


def source_marks(conn: Connection, source_id: int) -> SourceMarks:
    e, f, d = table("evidence"), table("fact"), table("dismissed_candidate")
    value_columns = [c for c in f.c if c.name.startswith("value_")]
    citing = conn.execute(
        select(e.c.fact_id, e.c.start, e.c["end"], *value_columns)
        .join(f, f.c.id == e.c.fact_id)
        .where(e.c.source_id == source_id, e.c.anchor_state != "orphaned")  # an orphan's span is in an older text
        .order_by(e.c.start)
    ).mappings()
    dismissals = conn.execute(
        select(d.c.id, d.c.start, d.c["end"], d.c.quote).where(d.c.source_id == source_id).order_by(d.c.start))
    return SourceMarks(
        citing=tuple(CitingSpan(row["fact_id"], row["start"], row["end"], TypedValue.from_columns(row)) for row in citing),
        dismissals=tuple(Dismissal(*row) for row in dismissals),
    )


def same_value(a: TypedValue, b: TypedValue) -> bool:
    """Whether two values state the same thing, leaving aside approximation and the unit's case."""
    def same_number(x: float | None, y: float | None) -> bool:
        return (x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9))

    return (
        a.kind is b.kind
        and same_number(a.amount, b.amount)
        and same_number(a.lower, b.lower)
        and same_number(a.upper, b.upper)
        and (a.unit or "").casefold() == (b.unit or "").casefold()
        and a.date == b.date
        and a.date_end == b.date_end
        and (a.text or "") == (b.text or "")
    )


def with_status(found: Sequence[FoundValue], text: str, marks: SourceMarks) -> list[ValueCandidate]:
    """Each found value with what the fact base says about it."""
    dismissed = _Dismissed([d for d in marks.dismissals if text[d.start:d.end] == d.quote])
    covering_spans = _CoveringSpans(marks.citing)
    result = []
    for value in found:
        covering = covering_spans.of(value.start, value.end)
        citing = next((c for c in covering if same_value(c.value, value.value)), None)
        dismissal = dismissed.of(value.start, value.end)
        if citing is not None:
            status, fact_id = CandidateStatus.CITED, citing.fact_id
        elif dismissal is not None:
            status, fact_id = CandidateStatus.DISMISSED, None
        elif covering:
            status, fact_id = CandidateStatus.IN_EVIDENCE, covering[0].fact_id
        else:
            status, fact_id = CandidateStatus.NEW, None
        result.append(ValueCandidate(value, status, fact_id, dismissal.id if dismissal is not None else None))
    return result


class _Dismissed:
    """The dismissals, found by a candidate's span. A dismissal names the span the scan listed when the
    curator dismissed it; when the scan later lists the same figure over a wider span (a bound word
    taken in: "within 30 days" where it listed "30 days"), the dismissal still holds for it, so a
    curator's decision is not asked for again. The exact span wins; otherwise the first dismissal lying
    inside the candidate's span."""

    def __init__(self, dismissals: Sequence[Dismissal]) -> None:
        self._exact = {(d.start, d.end): d for d in dismissals}
        self._by_start = sorted(dismissals, key=lambda d: (d.start, d.end))
        self._starts = [d.start for d in self._by_start]

    def of(self, start: int, end: int) -> Dismissal | None:
        exact = self._exact.get((start, end))
        if exact is not None:
            return exact
        for number in range(bisect_left(self._starts, start), bisect_left(self._starts, end)):
            if self._by_start[number].end <= end:
                return self._by_start[number]
        return None


class _CoveringSpans:
    """The citing spans that cover a stretch, in the order given. Each value was compared with every
    span: the 1 MB source's 24.5k values and 10k highlights took 6.3 s on the GUI thread. Only spans
    starting between the stretch's end less the longest span and the stretch's start can cover it,
    found by bisection over the starts."""

    def __init__(self, citing: Sequence[CitingSpan]) -> None:
        self._citing = citing
        self._order = sorted(range(len(citing)), key=lambda number: citing[number].start)
        self._starts = [citing[number].start for number in self._order]
        self._longest = max((span.end - span.start for span in citing), default=0)

    def of(self, start: int, end: int) -> list[CitingSpan]:
        low = bisect_left(self._starts, end - self._longest)
        high = bisect_right(self._starts, start)
        citing, order = self._citing, self._order
        numbers = sorted(order[k] for k in range(low, high) if end <= citing[order[k]].end)
        return [citing[number] for number in numbers]
