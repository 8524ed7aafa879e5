"""What the timeline shows: facts that have a time, in lanes by subject or property, read per region.

A fact's time is its date value when the value is a date (the fact *is* about that day), otherwise
its point in time, otherwise its start and end qualifiers (either may be missing: "since 2020").
Stored dates are ISO strings truncated to their precision, so "2022" covers the whole year; a time
that does not parse (another client wrote it) is left off the timeline and counted as unreadable.

The timeline never reads every fact into Python. `lanes` groups the facts in SQL (one row per
lane: its name, how many facts, its first and last day); the view then asks for the region on
screen (`region`): lanes whose facts in the visible time window are few enough come back as
items, busier lanes as per-year counts by status (`DensityCell`). Filters are the facts table's
own (`fact_listing.filter_clause`), so the timeline shows what the table lists.

Dates are compared as text. A truncated ISO date sorts before every day it covers ("2022" <
"2022-01-01"), so it is its own first day; its last day is written out by padding ("2022" ->
"2022-12-31", "2022-02" -> "2022-02-31", later than any real day of that month, which is all a
comparison needs). Only standard SQL is used here; the date check is the storage layer's.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any
from functools import cached_property

from sqlalchemy import Connection, RowMapping, TextClause, bindparam, text

from kzeu_desk.core.compatibility import date_interval
from kzeu_desk.core.fact_listing import ListingSpec, filter_clause
from kzeu_desk.core.models import ConflictStatus, FactStatus
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_date, format_value

# A lane with more facts than this in the visible window is drawn as counts per year: beyond it
# the marks of one year no longer fit the lane's tracks, and reading them costs more than drawing.
LANE_ITEM_LIMIT = 150
NO_LANE = 0  # lane key of facts whose subject (or property) is not set yet; ids start at 1


class Grouping(StrEnum):
    SUBJECT = "subject"
    PROPERTY = "property"

    @property
    def column(self) -> str:
        return "f.subject_id" if self is Grouping.SUBJECT else "f.property_id"

    @property
    def other(self) -> Grouping:
        return Grouping.PROPERTY if self is Grouping.SUBJECT else Grouping.SUBJECT

    @property
    def missing_name(self) -> str:
        return "(no subject yet)" if self is Grouping.SUBJECT else "(no property yet)"


class TimeKind(StrEnum):
    VALUE = "value"  # the fact's value is a date
    POINT = "point"  # its point in time
    RANGE = "range"  # its start and/or end


_TIME_WORDS = {TimeKind.VALUE: "the value's date", TimeKind.POINT: "point in time", TimeKind.RANGE: "start and end"}


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    grouping: Grouping = Grouping.SUBJECT
    listing: ListingSpec = field(default_factory=ListingSpec)  # the facts table's filter


@dataclass(frozen=True, slots=True)
class Lane:
    key: int  # entity or property id; NO_LANE for facts without one
    name: str
    facts: int
    first_day: int  # date ordinals of the earliest and latest day its facts state
    last_day: int


@dataclass(frozen=True)
class LaneSet:
    lanes: tuple[Lane, ...]  # in name order, the lane of facts without a subject/property last
    unreadable: int  # facts with a time the timeline cannot read (malformed or inverted dates)

    @cached_property
    def facts(self) -> int:
        return sum(lane.facts for lane in self.lanes)

    @cached_property
    def first_day(self) -> int | None:
        return min((lane.first_day for lane in self.lanes), default=None)

    @cached_property
    def last_day(self) -> int | None:
        return max((lane.last_day for lane in self.lanes), default=None)


@dataclass(frozen=True, slots=True)
class TimelineItem:
    fact_id: int
    lane: int
    first_day: int | None  # None: open start ("until 2020")
    last_day: int | None  # None: open end ("since 2020")
    start: str | None  # the stored ISO dates the days come from
    end: str | None
    time_kind: TimeKind
    status: str
    rank: str
    open_conflicts: int
    settled_conflicts: int  # resolved or dismissed conflicts the fact was judged in
    subject: str
    property: str
    value: str
    label: str  # the other dimension and the value: "trade turnover: US$40 billion" in a subject lane

    @builtins.property  # the field `property` shadows the name in this class
    def time_text(self) -> str:
        return time_text(self.start, self.end)

    @builtins.property  # the field `property` shadows the name in this class
    def description(self) -> str:
        """Several lines for a tooltip: what the fact says, when, how settled it is."""
        lines = [f"{self.subject} · {self.property}: {self.value}", f"{self.time_text} ({_TIME_WORDS[self.time_kind]})",
                 self.status.capitalize() + ("" if self.rank == "normal" else f", {self.rank}")]
        if self.open_conflicts:
            lines.append(f"In {self.open_conflicts} open conflict{'s' if self.open_conflicts > 1 else ''}")
        elif self.settled_conflicts:
            lines.append("Its conflict was settled")
        return "\n".join(lines)

    @builtins.property  # the field `property` shadows the name in this class
    def precision_days(self) -> int:
        """How many days a point covers (365 for a year); 0 for ranges."""
        if self.first_day is None or self.last_day is None or self.time_kind is TimeKind.RANGE:
            return 0
        return self.last_day - self.first_day + 1


@dataclass(frozen=True, slots=True)
class DensityCell:
    lane: int
    year: int
    facts: int
    by_status: tuple[tuple[str, int], ...]  # (status, facts) in workflow order, only those present
    open_conflicts: int  # facts in the cell that are members of an open conflict


@dataclass(frozen=True, slots=True)
class Region:
    """What a part of the timeline holds: items for quiet lanes, per-year counts for busy ones."""

    lanes: tuple[int, ...]
    first_day: int
    last_day: int
    items: tuple[TimelineItem, ...]
    cells: tuple[DensityCell, ...]
    dense_lanes: frozenset[int]


# -- SQL building blocks ---------------------------------------------------------------------------

_VALUE_IS_DATE = "f.value_kind = 'date' AND f.value_date IS NOT NULL"
_TIME_START = (f"CASE WHEN {_VALUE_IS_DATE} THEN f.value_date WHEN f.point_in_time IS NOT NULL "
               "THEN f.point_in_time ELSE f.start_time END")
_TIME_END = (f"CASE WHEN {_VALUE_IS_DATE} THEN f.value_date WHEN f.point_in_time IS NOT NULL "
             "THEN f.point_in_time ELSE f.end_time END")
_TIME_KIND = (f"CASE WHEN {_VALUE_IS_DATE} THEN 'value' WHEN f.point_in_time IS NOT NULL THEN 'point' "
              "ELSE 'range' END")


def _padded_end(column: str) -> str:
    return (f"CASE length({column}) WHEN 4 THEN {column} || '-12-31' WHEN 7 THEN {column} || '-31' "
            f"ELSE {column} END")


# The fact's own memberships first (ix_conflict_member_fact_id), checked against the open conflicts
# listed once. The unary plus keeps SQLite off the (conflict_id, fact_id) index: with it, it walked
# every open conflict for every fact, 15 s for 100k facts against 0.04 s.
_OPEN_CONFLICTS = """(SELECT count(*) FROM conflict_member m WHERE m.fact_id = f.id
                      AND +m.conflict_id IN (SELECT c.id FROM conflict c WHERE c.status = 'open'))"""
_SETTLED_CONFLICTS = """(SELECT count(*) FROM conflict_member m WHERE m.fact_id = f.id
                         AND +m.conflict_id IN (SELECT c.id FROM conflict c WHERE c.status <> 'open'))"""


def _timed_facts(conn: Connection, query: TimelineQuery, *, lanes: Sequence[int] | None = None,
                 extra_columns: str = "") -> tuple[str, dict[str, Any]]:
    """CTEs `timed` (every fact with a time, `readable` 1 when the timeline can place it) and
    `placed` (the readable ones with first_key/last_key for window tests)."""
    where, params = filter_clause(conn, query.listing)
    is_iso_date = engine_of(conn).sql.is_iso_date
    column = query.grouping.column
    if lanes is not None:
        ids = [lane for lane in lanes if lane != NO_LANE]
        conditions = []
        if ids:
            conditions.append(f"{column} IN :lane_ids")
            params["lane_ids"] = ids
        if NO_LANE in lanes:
            conditions.append(f"{column} IS NULL")
        where += " AND (" + (" OR ".join(conditions) or "1 = 0") + ")"
    readable = (f"(t_start IS NULL OR {is_iso_date('t_start')}) AND (t_end IS NULL OR {is_iso_date('t_end')})"
                f" AND (t_start IS NULL OR t_end IS NULL OR t_start <= {_padded_end('t_end')})")
    sql = f"""
        WITH timed AS (
            SELECT f.id, coalesce({column}, {NO_LANE}) AS lane, f.status, f.rank,
                   {_TIME_START} AS t_start, {_TIME_END} AS t_end, {_TIME_KIND} AS time_kind{extra_columns}
            FROM fact f
            WHERE {where}
        ), flagged AS (
            SELECT timed.*, CASE WHEN {readable} THEN 1 ELSE 0 END AS readable
            FROM timed
            WHERE t_start IS NOT NULL OR t_end IS NOT NULL
        ), placed AS (
            SELECT flagged.*,
                   coalesce(t_start, '0000') AS first_key,
                   CASE WHEN t_end IS NULL THEN '9999-12-31' ELSE {_padded_end('t_end')} END AS last_key,
                   coalesce(t_start, t_end) AS known_first,
                   {_padded_end('coalesce(t_end, t_start)')} AS known_last
            FROM flagged
            WHERE readable = 1
        )"""
    return sql, params


def _bind(sql: str, params: dict[str, Any]) -> TextClause:
    statement = text(sql)
    expanding = [name for name in ("lane_ids", "keys") if name in params]
    return statement.bindparams(*(bindparam(name, expanding=True) for name in expanding))


def _iso_day(day: int) -> str:
    return date.fromordinal(day).isoformat()


def _first_day(iso: str) -> int:
    return date_interval(iso)[0].toordinal()


def _last_day(iso: str) -> int:
    return date_interval(iso)[1].toordinal()


def _padded_to_day(padded: str) -> int:
    """The ordinal of a padded last day ("2022-02-31" is the last day of February 2022)."""
    try:
        return date.fromisoformat(padded).toordinal()
    except ValueError:
        return _last_day(padded[:7])


# -- reads ------------------------------------------------------------------------------------------


def lanes(conn: Connection, query: TimelineQuery) -> LaneSet:
    """Every lane with its number of placeable facts and its first and last day, and how many
    facts have a time the timeline cannot read."""
    ctes, params = _timed_facts(conn, query)
    names = "entity" if query.grouping is Grouping.SUBJECT else "property"
    sql = ctes + f"""
        , per_lane AS (
            SELECT lane, count(*) AS facts, min(known_first) AS first_key, max(known_last) AS last_key
            FROM placed GROUP BY lane
        )
        SELECT per_lane.lane, per_lane.facts, per_lane.first_key, per_lane.last_key, n.name
        FROM per_lane LEFT JOIN {names} n ON n.id = per_lane.lane
    """
    unreadable_sql = ctes + " SELECT count(*) FROM flagged WHERE readable = 0"
    found = []
    for lane, facts, first_key, last_key, name in conn.execute(_bind(sql, params), params):
        found.append(Lane(key=lane, name=name if lane != NO_LANE and name is not None else query.grouping.missing_name,
                          facts=facts, first_day=_first_day(first_key), last_day=_padded_to_day(last_key)))
    found.sort(key=lambda lane: (lane.key == NO_LANE, lane.name.casefold(), lane.key))
    unreadable = conn.execute(_bind(unreadable_sql, params), params).scalar_one()
    return LaneSet(lanes=tuple(found), unreadable=unreadable)


def lane_counts(conn: Connection, query: TimelineQuery, lane_keys: Sequence[int], first_day: int,
                last_day: int) -> dict[int, int]:
    """How many facts of each lane fall in the window (first_day..last_day, date ordinals)."""
    if not lane_keys:
        return {}
    ctes, params = _timed_facts(conn, query, lanes=lane_keys)
    params.update(window_first=_iso_day(first_day), window_last=_iso_day(last_day))
    sql = ctes + """ SELECT lane, count(*) FROM placed
                     WHERE first_key <= :window_last AND last_key >= :window_first GROUP BY lane"""
    # .all(): a Result has keys(), so dict(result) takes it for a mapping of column names and fails
    return dict(conn.execute(_bind(sql, params), params).all())


def items(conn: Connection, query: TimelineQuery, lane_keys: Sequence[int], first_day: int, last_day: int,
          limit: int | None = None) -> list[TimelineItem]:
    """The facts of these lanes in the window, by lane and time; at most `limit` of them."""
    if not lane_keys:
        return []
    value_columns = (", f.subject_id, f.property_id, f.value_kind, f.value_amount, f.value_lower, f.value_upper,"
                     " f.value_approximate, f.value_unit, f.value_date, f.value_entity_id, f.value_text,"
                     f" {_OPEN_CONFLICTS} AS open_conflicts, {_SETTLED_CONFLICTS} AS settled_conflicts")
    ctes, params = _timed_facts(conn, query, lanes=lane_keys, extra_columns=value_columns)
    params.update(window_first=_iso_day(first_day), window_last=_iso_day(last_day))
    limit_clause = ""
    if limit is not None:
        limit_clause = " LIMIT :limit"
        params["limit"] = limit
    sql = ctes + f"""
        SELECT p.*, s.name AS subject_name, pr.name AS property_name, v.name AS value_entity_name
        FROM placed p
        LEFT JOIN entity s ON s.id = p.subject_id
        LEFT JOIN property pr ON pr.id = p.property_id
        LEFT JOIN entity v ON v.id = p.value_entity_id
        WHERE p.first_key <= :window_last AND p.last_key >= :window_first
        ORDER BY p.lane, p.first_key, p.id{limit_clause}
    """
    return [_item(row, query.grouping) for row in conn.execute(_bind(sql, params), params).mappings()]


def density(conn: Connection, query: TimelineQuery, lane_keys: Sequence[int], first_day: int,
            last_day: int) -> list[DensityCell]:
    """Facts of these lanes in the window, counted per lane, year and status. A fact is counted in
    the year it begins (or the window's first year, when it began earlier)."""
    if not lane_keys:
        return []
    ctes, params = _timed_facts(conn, query, lanes=lane_keys, extra_columns=f", {_OPEN_CONFLICTS} AS open_conflicts")
    params.update(window_first=_iso_day(first_day), window_last=_iso_day(last_day))
    sql = ctes + """
        SELECT lane, substr(CASE WHEN first_key < :window_first THEN :window_first ELSE first_key END, 1, 4) AS year,
               status, count(*) AS facts, sum(CASE WHEN open_conflicts > 0 THEN 1 ELSE 0 END) AS conflicted
        FROM placed
        WHERE first_key <= :window_last AND last_key >= :window_first
        GROUP BY lane, substr(CASE WHEN first_key < :window_first THEN :window_first ELSE first_key END, 1, 4), status
    """
    grouped: dict[tuple[int, int], dict[str, int]] = {}
    conflicted: dict[tuple[int, int], int] = {}
    for lane, year, status, facts, open_conflicts in conn.execute(_bind(sql, params), params):
        key = (lane, int(year))
        grouped.setdefault(key, {})[status] = facts
        conflicted[key] = conflicted.get(key, 0) + (open_conflicts or 0)
    order = [status.value for status in FactStatus]
    cells = []
    for (lane, year), statuses in sorted(grouped.items()):
        by_status = tuple((status, statuses[status]) for status in sorted(statuses, key=_status_position(order)))
        cells.append(DensityCell(lane=lane, year=year, facts=sum(statuses.values()), by_status=by_status,
                                 open_conflicts=conflicted[(lane, year)]))
    return cells


def region(conn: Connection, query: TimelineQuery, lane_keys: Sequence[int], first_day: int, last_day: int, *,
           lane_item_limit: int = LANE_ITEM_LIMIT) -> Region:
    """Items for lanes with at most `lane_item_limit` facts in the window, per-year cells for the rest."""
    counts = lane_counts(conn, query, lane_keys, first_day, last_day)
    quiet = [lane for lane in lane_keys if 0 < counts.get(lane, 0) <= lane_item_limit]
    busy = [lane for lane in lane_keys if counts.get(lane, 0) > lane_item_limit]
    return Region(
        lanes=tuple(lane_keys), first_day=first_day, last_day=last_day,
        items=tuple(items(conn, query, quiet, first_day, last_day)),
        cells=tuple(density(conn, query, busy, first_day, last_day)),
        dense_lanes=frozenset(busy),
    )


# -- rows to items ------------------------------------------------------------------------------------


def _status_position(order: list[str]) -> Callable[[str], int]:
    return lambda status: order.index(status) if status in order else len(order)


def _item(row: RowMapping, grouping: Grouping) -> TimelineItem:
    start, end = row["t_start"], row["t_end"]
    value_entity = row["value_entity_name"]
    try:
        value = format_value(TypedValue.from_columns(row),
                             entity_name=None if value_entity is None else (lambda _id: value_entity))
    except ValueError:
        value = str(row["value_text"] or row["value_date"] or row["value_amount"] or "(unreadable value)")
    subject = row["subject_name"] or Grouping.SUBJECT.missing_name
    prop = row["property_name"] or Grouping.PROPERTY.missing_name
    other = prop if grouping is Grouping.SUBJECT else subject
    return TimelineItem(
        fact_id=row["id"], lane=row["lane"],
        first_day=None if start is None else _first_day(start),
        last_day=None if end is None else _last_day(end),
        start=start, end=end, time_kind=TimeKind(row["time_kind"]),
        status=row["status"], rank=row["rank"],
        open_conflicts=row["open_conflicts"], settled_conflicts=row["settled_conflicts"],
        subject=subject, property=prop, value=value, label=f"{other}: {value}",
    )


def time_text(start: str | None, end: str | None) -> str:
    """"2022", "2015 – 2020", "since March 2020", "until 2020" for stored ISO dates."""
    def shown(iso: str) -> str:
        try:
            return format_date(iso)
        except ValueError:
            return iso

    if start is not None and end is not None:
        return shown(start) if start == end else f"{shown(start)} – {shown(end)}"
    if start is not None:
        return f"since {shown(start)}"
    if end is not None:
        return f"until {shown(end)}"
    return ""


def open_conflict_ids(conn: Connection, fact_ids: Iterable[int]) -> dict[int, list[int]]:
    """Open conflicts per fact, for marking and opening them."""
    ids = sorted(set(fact_ids))
    if not ids:
        return {}
    statement = text("""SELECT m.fact_id, c.id FROM conflict_member m JOIN conflict c ON c.id = m.conflict_id
                        WHERE m.fact_id IN :keys AND c.status = :open ORDER BY c.id""").bindparams(
        bindparam("keys", expanding=True))
    found: dict[int, list[int]] = {}
    for fact_id, conflict_id in conn.execute(statement, {"keys": ids, "open": ConflictStatus.OPEN.value}):
        found.setdefault(fact_id, []).append(conflict_id)
    return found
