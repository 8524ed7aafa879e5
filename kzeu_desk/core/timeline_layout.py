"""Where timeline marks go: the time axis's ticks and the packing of a lane's facts into tracks.

Qt-free and shared by the timeline view and the SVG the app writes (File > Export, the report), so
a picture exported from the app and the view it came from place every fact alike. Positions are
pixels from a caller-given `x_of_day`; a day's mark runs from the start of its first day to the end
of its last, so "2022" is a bar as wide as the year and "2 May 2022" a day wide (drawn no narrower
than MIN_MARK_WIDTH, as a diamond).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kzeu_desk.core.timeline import TimelineItem

MIN_TRACKS = 2  # a lane is at least this many marks high, so lanes read as lanes
MAX_TRACKS = 8  # marks a lane shows side by side in time; more become an overflow chip ("+4")
DENSE_TRACKS = 3  # the height of a lane drawn as counts per year
MIN_MARK_WIDTH = 9.0
MARK_GAP = 1.0
MIN_TICK_SPACING = 64.0  # pixels between labelled ticks

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS_PER_YEAR = 365.2425


class MarkShape(StrEnum):
    BAR = "bar"  # a range, or a point wide enough to show what it covers (a year, a month)
    DIAMOND = "diamond"  # a point narrower than MIN_MARK_WIDTH


@dataclass(frozen=True, slots=True)
class Mark:
    item: TimelineItem
    x0: float
    x1: float
    track: int
    shape: MarkShape
    open_start: bool
    open_end: bool
    room: float  # free pixels right of the mark on its track, for its label


@dataclass(frozen=True, slots=True)
class Overflow:
    """Marks that found no free track, shown as one chip over the time they share."""

    x0: float
    x1: float
    items: tuple[TimelineItem, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    day: int  # date ordinal at which the tick stands
    label: str
    major: bool  # a year boundary (or decade, when years are many)


def place_marks(items: Sequence[TimelineItem], x_of_day: Callable[[float], float], *, left: float, right: float,
                tracks: int = MAX_TRACKS) -> tuple[list[Mark], list[Overflow]]:
    """Pack one lane's items into at most `tracks` rows, first fit in time order (which uses the
    fewest rows); open ends run to `left`/`right`. Items that fit nowhere are grouped into
    overflow chips, drawn on the last row."""
    extents: list[_Extent] = []
    for item in items:
        # Clamped to the drawn window: a range from 1993 seen at a zoom on 2022 starts at the edge.
        x0 = left if item.first_day is None else max(left, x_of_day(item.first_day))
        x1 = right if item.last_day is None else min(right, x_of_day(item.last_day + 1))
        shape = MarkShape.BAR
        if x1 - x0 >= MIN_MARK_WIDTH:
            x0, x1 = x0 + 1, x1 - 1  # consecutive years stay apart and still share a track
        else:
            middle = (x0 + x1) / 2
            x0, x1, shape = middle - MIN_MARK_WIDTH / 2, middle + MIN_MARK_WIDTH / 2, MarkShape.DIAMOND
        extents.append((x0, x1, shape, item))
    # Earliest first; of marks starting together, the longer one takes the upper track.
    extents.sort(key=lambda extent: (extent[0], -(extent[1] - extent[0]), extent[3].fact_id))
    placed, overflowing = _first_fit(extents, tracks)
    if overflowing:
        # The last row then holds the overflow chips alone.
        placed, overflowing = _first_fit(extents, tracks - 1)
    marks = []
    for track in range(tracks):
        on_track = [mark for mark in placed if mark[4] == track]
        for number, (x0, x1, shape, item, _track) in enumerate(on_track):
            next_start = on_track[number + 1][0] if number + 1 < len(on_track) else right
            marks.append(Mark(item=item, x0=x0, x1=x1, track=track, shape=shape,
                              open_start=item.first_day is None, open_end=item.last_day is None,
                              room=max(0.0, next_start - x1 - MARK_GAP)))
    return marks, _group_overflow(overflowing)


_Extent = tuple[float, float, MarkShape, TimelineItem]
_Placed = tuple[float, float, MarkShape, TimelineItem, int]


def _first_fit(extents: list[_Extent], tracks: int) -> tuple[list[_Placed], list[tuple[float, float, TimelineItem]]]:
    track_ends = [float("-inf")] * tracks
    placed: list[_Placed] = []
    overflowing: list[tuple[float, float, TimelineItem]] = []
    for x0, x1, shape, item in extents:
        track = next((number for number, end in enumerate(track_ends) if end + MARK_GAP <= x0), None)
        if track is None:
            overflowing.append((x0, x1, item))
            continue
        track_ends[track] = x1
        placed.append((x0, x1, shape, item, track))
    return placed, overflowing


def tracks_used(marks: Sequence[Mark], overflow: Sequence[Overflow]) -> int:
    """How many rows a lane needs for these marks (at least MIN_TRACKS)."""
    used = max((mark.track + 1 for mark in marks), default=0)
    return max(MIN_TRACKS, used, MAX_TRACKS if overflow else 0)


def _group_overflow(overflowing: list[tuple[float, float, TimelineItem]]) -> list[Overflow]:
    groups: list[Overflow] = []
    for x0, x1, item in sorted(overflowing, key=lambda entry: entry[0]):
        if groups and x0 <= groups[-1].x1:
            last = groups[-1]
            groups[-1] = Overflow(last.x0, max(last.x1, x1), (*last.items, item))
        else:
            groups.append(Overflow(x0, x1, (item,)))
    return groups


def ticks(first_day: int, last_day: int, pixels_per_day: float) -> list[Tick]:
    """Labelled ticks for the window first_day..last_day (date ordinals): the finest of days,
    months, quarters, years or decades whose ticks stand at least MIN_TICK_SPACING pixels apart."""
    if last_day < first_day or pixels_per_day <= 0:
        return []
    first, last = date.fromordinal(max(first_day, 1)), date.fromordinal(last_day)
    per_year = pixels_per_day * _DAYS_PER_YEAR
    for unit, step, spacing in (("day", 1, pixels_per_day), ("day", 2, 2 * pixels_per_day),
                                ("day", 7, 7 * pixels_per_day), ("day", 14, 14 * pixels_per_day),
                                ("month", 1, per_year / 12), ("month", 3, per_year / 4), ("month", 6, per_year / 2)):
        if spacing >= MIN_TICK_SPACING:
            return _day_ticks(first_day, last_day, step) if unit == "day" else _month_ticks(first, last, step)
    step = next((step for step in (1, 2, 5, 10, 20, 50, 100, 200, 500) if step * per_year >= MIN_TICK_SPACING), 1000)
    return _year_ticks(first.year, last.year, step)


def _year_ticks(first_year: int, last_year: int, step: int) -> list[Tick]:
    start = first_year - first_year % step
    major_step = 10 * step if step > 1 else 10
    return [Tick(date(year, 1, 1).toordinal(), str(year), year % major_step == 0)
            for year in range(max(start, 1), min(last_year, 9999) + 1, step)]


def _month_ticks(first: date, last: date, step: int) -> list[Tick]:
    found = []
    year, month = first.year, first.month - (first.month - 1) % step
    while (year, month) <= (last.year, last.month):
        label = str(year) if month == 1 else _MONTHS[month - 1]
        found.append(Tick(date(year, month, 1).toordinal(), label, month == 1))
        month += step
        if month > 12:
            year, month = year + 1, month - 12
    return found


def _day_ticks(first_day: int, last_day: int, step: int) -> list[Tick]:
    found = []
    for day in range(first_day, last_day + 1):
        moment = date.fromordinal(day)
        # Days 1, 8, 15, 22 for weeks: a tick too close to the next month's first is left out.
        if step == 1 or ((moment.day - 1) % step == 0 and moment.day <= 28 - step // 2):
            major = moment.day == 1
            label = f"{_MONTHS[moment.month - 1]} {moment.year}" if major else f"{moment.day} {_MONTHS[moment.month - 1]}"
            found.append(Tick(day, label, major))
    return found


def year_span(year: int) -> tuple[int, int]:
    """First and last day (ordinals) of a year."""
    return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
