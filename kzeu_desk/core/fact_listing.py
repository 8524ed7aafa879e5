"""The queries behind the facts table: one sorted, filtered listing of facts, read a page at a time.

Paging is by keyset (`WHERE id > ? LIMIT 256` takes 0.3 ms at any depth, where `OFFSET 900000`
took 97 ms): a page is "the next `limit` rows after this sort key", so scrolling on never re-reads
or skips rows the way OFFSET does. Every sort key ends with the fact
id, which makes keys unique and the order total; NULLs are coalesced to a sentinel that sorts
first (ascending), so comparing a row's key with a page's last key never meets NULL.

Random access (dragging the scrollbar to row 900,000) uses `page_boundaries`: the sort key of the
last row of every page, collected in one ordered scan. Page n is then `page_after(boundaries[n-1])`.
The scan reads every listed fact in order (at 1M facts: 0.23 s by id, 0.3 s by status, rank or
update time, 0.6 s by value, all walking an index; 0.6-0.8 s by subject or property, sorting);
callers build it only when a jump lands on a page whose predecessor they have not read, and keep
it until the listing or the data changes. Streaming the ordered keys and keeping every 256th row
measured about 2x faster than the same sort inside a `row_number()` window query (0.25 s against
0.42-0.62 s by id, 1.7 s against 3.5 s by value, before the value sort had its index), because
SQLite buffers the whole window. OFFSET was the alternative: 36 ms by id but 1.0-1.7 s for every
jump in the other sorts.

Every sort but subject and property has an index holding its key in order: the primary key,
ix_fact_updated, and migration 0003's ix_fact_status_order, ix_fact_rank_order and
ix_fact_value_order (their expressions are `_SORT_EXPRESSIONS`; `models.Fact` declares them). An
unfiltered page seeks the index right after the previous page's last key (`_keyset_parts`), so it
costs 1-9 ms at any depth at 1M, names, counts and formatting included. Subject and property sort
by a joined name that no index holds: each page sorts all facts again (150-180 ms at 1M). A
filtered listing reads the filter's matches (ix_fact_status, the full-text index) and sorts them
per page: tens of milliseconds for a rare status, 150-300 ms for one that most facts have.

When the search is the only filter, the full-text index answers alone (`StorageEngine.search`): it
counts the matches without probing every matching fact, and in the id order it hands out its matches
in id order, so a page takes the next 256 of them and reads those facts by id. The general form
(`SearchIndex.match_clause`, fact ids in the index's matches) materialised every match and probed each fact, for the
count and again for the page: at 1M facts 5-10x the index's own count, on every keystroke. Short
prefixes still match half the base, so `count_at_most` stops counting at a limit and says so.
Every other combination (the search with a status filter, or another sort) takes the general path.

Every value a user typed reaches SQL as a bound parameter; the SQL text is assembled only from
the fixed fragments in this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal

from sqlalchemy import Connection, RowMapping, bindparam, text

from kzeu_desk.core.models import ConflictStatus, FactRank, FactStatus
from kzeu_desk.core.qualifiers import qualifiers_of, qualifiers_text
from kzeu_desk.core.search_documents import search_words
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_time_qualifier, format_value

PAGE_SIZE = 256
# Where `count_at_most` stops: beyond it a curator narrows the search rather than reads on.
COUNT_LIMIT = 10_000

# The sort expressions' values followed by the fact id, exactly as the listing query returns them.
SortKey = tuple[object, ...]
_KeySide = Literal["after", "before"]


class SortColumn(StrEnum):
    ID = "id"
    SUBJECT = "subject"
    PROPERTY = "property"
    VALUE = "value"
    STATUS = "status"
    RANK = "rank"
    UPDATED = "updated"


def _workflow_order(column: str, values: type[StrEnum]) -> str:
    # Statuses and ranks sort in the order curators think of them (draft before confirmed,
    # preferred before deprecated), not alphabetically. The values are the app's own constants.
    branches = " ".join(f"WHEN '{member.value}' THEN {position}" for position, member in enumerate(values))
    return f"CASE {column} {branches} ELSE {len(values)} END"


# Sort expressions per column, before the id that ends every key. None of them is ever NULL.
_SORT_EXPRESSIONS: dict[SortColumn, tuple[str, ...]] = {
    SortColumn.ID: (),
    SortColumn.SUBJECT: ("coalesce(subject.name, '')",),
    SortColumn.PROPERTY: ("coalesce(prop.name, '')",),
    SortColumn.VALUE: (
        "f.value_kind",
        "coalesce(f.value_date, '')",
        "coalesce(f.value_amount, {minus_infinity})",  # below every real amount (the engine's spelling)
        "coalesce(f.value_text, '')",
    ),
    SortColumn.STATUS: (_workflow_order("f.status", FactStatus),),
    SortColumn.RANK: (_workflow_order("f.rank", FactRank),),
    # Bare column (NOT NULL), so a keyset page seeks ix_fact_updated (updated_at, id).
    SortColumn.UPDATED: ("f.updated_at",),
}



def _sort_expressions(conn: Connection, sort: SortColumn) -> tuple[str, ...]:
    minus_infinity = engine_of(conn).sql.minus_infinity()
    return tuple(expression.replace("{minus_infinity}", minus_infinity) for expression in _SORT_EXPRESSIONS[sort])


# Sorts whose whole key, id included, an index holds in order: the primary key, ix_fact_updated
# and the sort-order indexes of migration 0003 (models.Fact). An unfiltered keyset page seeks them
# (`_keyset_parts`).
_INDEXED_SORTS = frozenset({SortColumn.ID, SortColumn.STATUS, SortColumn.RANK, SortColumn.VALUE, SortColumn.UPDATED})

# Joins a sort needs before the page is cut; display names are joined afterwards, for the page only.
_SORT_JOINS: dict[SortColumn, str] = {
    SortColumn.SUBJECT: "LEFT JOIN entity subject ON subject.id = f.subject_id",
    SortColumn.PROPERTY: "LEFT JOIN property prop ON prop.id = f.property_id",
}


@dataclass(frozen=True, slots=True)
class ListingSpec:
    """What the table shows: its order and its filters."""

    sort: SortColumn = SortColumn.ID
    descending: bool = False
    search_text: str = ""  # what the user typed; its words are searched, never as query syntax
    status: FactStatus | None = None

    @property
    def search(self) -> tuple[str, ...]:
        """The words searched for (each matches as a prefix); empty when there is no search."""
        return search_words(self.search_text)

    @property
    def filtered(self) -> bool:
        return bool(self.search) or self.status is not None


@dataclass(frozen=True, slots=True)
class FactListRow:
    id: int
    subject: str
    property: str
    value: str
    time: str  # the time qualifier: a point in time, or start–end ("" when the fact has none)
    status: str
    rank: str
    sources: int  # distinct sources with evidence for the fact
    conflicts: int  # open conflicts the fact is a member of
    updated_at: str
    sort_key: SortKey
    qualifiers: str = ""  # "partner: China; applies to part: oil" ("" when the fact has none)


@dataclass(frozen=True, slots=True)
class ListingCount:
    """How many facts a listing holds, or, when counting stopped at a limit, a lower bound."""

    facts: int  # the exact number when `more` is False; otherwise the limit counting stopped at
    more: bool  # True: more than `facts` facts are listed; how many more was not counted


def count(conn: Connection, spec: ListingSpec) -> int:
    """How many facts the listing holds, exactly."""
    search = _search_alone(conn, spec)
    if search is not None:
        return engine_of(conn).search.count_matches(conn, search)
    where, params = _filters(conn, spec)
    return conn.execute(text(f"SELECT count(*) FROM fact f WHERE {where}"), params).scalar_one()


def count_at_most(conn: Connection, spec: ListingSpec, limit: int = COUNT_LIMIT) -> ListingCount:
    """How many facts the listing holds, counting no further than `limit` (and one more, to know
    whether there are more): a one-letter search matches half the base, and counting all of it
    is most of a keystroke's time."""
    search = _search_alone(conn, spec)
    if search is not None:
        counted = engine_of(conn).search.count_matches(conn, search, at_most=limit + 1)
    else:
        where, params = _filters(conn, spec)
        counted = conn.execute(text(f"SELECT count(*) FROM (SELECT 1 FROM fact f WHERE {where} LIMIT :at_most) AS listed"),
                               {**params, "at_most": limit + 1}).scalar_one()
    return ListingCount(facts=min(counted, limit), more=counted > limit)


def page_after(conn: Connection, spec: ListingSpec, after_key: SortKey | None, limit: int = PAGE_SIZE) -> list[FactListRow]:
    """Up to `limit` rows following `after_key` in the listing's order; from the start when None."""
    if limit <= 0:
        return []
    search = _search_alone(conn, spec)
    if search is not None and spec.sort is SortColumn.ID:
        page_ids = engine_of(conn).search.matching_fact_ids(
            conn, search, after_id=None if after_key is None else int(str(after_key[-1])), descending=spec.descending,
            limit=limit)
        if not page_ids:
            return []
        return _read_page(conn, spec, "SELECT f.id AS id FROM fact f WHERE f.id IN :page_ids", {"page_ids": page_ids},
                          expanding=("page_ids",))
    expressions = _sort_expressions(conn, spec.sort)
    where, params = _filters(conn, spec)
    parts = [_KeysetPart("1 = 1", 0)]
    if after_key is not None:
        parts = _keyset_parts(conn, spec, "after")
        params.update(_key_params(after_key, "after"))
    key_columns = "".join(f", {expression} AS k{position}" for position, expression in enumerate(expressions))
    params["limit"] = limit
    selects = [f"""
        SELECT f.id AS id{key_columns}
        FROM fact f {_SORT_JOINS.get(spec.sort, '')}
        WHERE {where} AND {part.condition}
        ORDER BY {_order_by(conn, spec, part.fixed_terms)}
        LIMIT :limit""" for part in parts]
    if len(selects) == 1:
        return _read_page(conn, spec, selects[0], params)
    # Each part reads at most `limit` rows from one seek into the sort's index; their key ranges
    # do not overlap, and the merge keeps the first `limit` of them in the listing's order.
    direction = " DESC" if spec.descending else ""
    merged_columns = (*(f"k{position}" for position in range(len(expressions))), "id")
    merged_order = ", ".join(f"{column}{direction}" for column in merged_columns)
    page_query = " UNION ALL ".join(f"SELECT * FROM ({select}) AS part{number}" for number, select in enumerate(selects))
    return _read_page(conn, spec, f"{page_query} ORDER BY {merged_order} LIMIT :limit", params)


def _read_page(conn: Connection, spec: ListingSpec, page_query: str, params: dict[str, object], *,
               expanding: Sequence[str] = ()) -> list[FactListRow]:
    """The rows of one page, whose ids and sort keys (k0, k1, ...) `page_query` selects;
    `expanding` names its list parameters (`IN :name`)."""
    expressions = _sort_expressions(conn, spec.sort)
    page_key_columns = "".join(f", page.k{position}" for position in range(len(expressions)))
    direction = " DESC" if spec.descending else ""
    # The page's ids are cut first with only the columns the order needs; names, counts and
    # value columns are then read for those ids alone, so the per-fact subqueries run `limit` times.
    # CROSS JOIN fixes SQLite's join order: left free, it walked every open conflict (via
    # ix_conflict_status) for each fact instead of the fact's few memberships, 0.5 s a page at 1M.
    query = text(f"""
        SELECT page.id{page_key_columns},
               f.value_kind, f.value_amount, f.value_lower, f.value_upper, f.value_approximate,
               f.value_unit, f.value_date, f.value_date_end, f.value_entity_id, f.value_text,
               f.point_in_time, f.start_time, f.end_time,
               f.status, f.rank, f.updated_at,
               subject.name AS subject_name, prop.name AS property_name,
               value_entity.name AS value_entity_name,
               (SELECT count(DISTINCT e.source_id) FROM evidence e WHERE e.fact_id = f.id) AS source_count,
               (SELECT count(*) FROM conflict_member m {engine_of(conn).sql.join_in_this_order()} conflict c ON c.id = m.conflict_id
                 WHERE m.fact_id = f.id AND c.status = :open_status) AS conflict_count
        FROM ({page_query}) AS page
        JOIN fact f ON f.id = page.id
        LEFT JOIN entity subject ON subject.id = f.subject_id
        LEFT JOIN property prop ON prop.id = f.property_id
        LEFT JOIN entity value_entity ON value_entity.id = f.value_entity_id
        ORDER BY {''.join(f'page.k{position}{direction}, ' for position in range(len(expressions)))}page.id{direction}
    """)
    query = query.bindparams(*(bindparam(name, expanding=True) for name in expanding))
    params = {**params, "open_status": ConflictStatus.OPEN.value}
    rows = [_list_row(row, len(expressions)) for row in conn.execute(query, params).mappings()]
    # Qualifiers tell apart facts that differ only in them (the EU's share, China's share): one
    # more query per page, for the page's ids alone.
    found = qualifiers_of(conn, [row.id for row in rows]) if rows else {}
    return [replace(row, qualifiers=qualifiers_text(found[row.id])) if row.id in found else row for row in rows]


def page_boundaries(conn: Connection, spec: ListingSpec, page_size: int = PAGE_SIZE) -> list[SortKey]:
    """Sort keys of rows page_size-1, 2*page_size-1, ...: the key each later page starts after.

    Page n (n >= 1) of the listing is `page_after(conn, spec, boundaries[n - 1], page_size)`.
    """
    search = _search_alone(conn, spec)
    if search is not None and spec.sort is SortColumn.ID:
        return [(fact_id,) for fact_id in engine_of(conn).search.every_nth_matching_fact_id(
            conn, search, page_size, descending=spec.descending)]
    expressions = _sort_expressions(conn, spec.sort)
    where, params = _filters(conn, spec)
    # Millions of rows pass by and only every page_size-th is kept: the engine keeps them without
    # building a Python object for each one (SQLite's cursor skips them in C; a server numbers them).
    columns = "".join(f"{expression} AS k{position}, " for position, expression in enumerate(expressions))
    return engine_of(conn).every_nth_row(conn, f"{columns}f.id AS id",
                                         f"FROM fact f {_SORT_JOINS.get(spec.sort, '')} WHERE {where}",
                                         _order_by(conn, spec), params, page_size)


def position_of(conn: Connection, spec: ListingSpec, fact_id: int) -> int | None:
    """The 0-based row of a fact in the listing, or None when the filters leave it out."""
    search = _search_alone(conn, spec)
    if search is not None and spec.sort is SortColumn.ID:
        index = engine_of(conn).search
        if not index.fact_matches(conn, search, fact_id):
            return None
        if spec.descending:
            return index.count_matches(conn, search, id_above=fact_id)
        return index.count_matches(conn, search, id_below=fact_id)
    expressions = _sort_expressions(conn, spec.sort)
    where, params = _filters(conn, spec)
    joins = _SORT_JOINS.get(spec.sort, "")
    key = conn.execute(
        text(
            f"SELECT {''.join(f'{expression}, ' for expression in expressions)}f.id "
            f"FROM fact f {joins} WHERE {where} AND f.id = :fact_id"
        ),
        {**params, "fact_id": fact_id},
    ).first()
    if key is None:
        return None
    params.update(_key_params(tuple(key), "before"))
    counts = " + ".join(f"(SELECT count(*) FROM fact f {joins} WHERE {where} AND {part.condition})"
                        for part in _keyset_parts(conn, spec, "before"))
    return conn.execute(text(f"SELECT {counts}"), params).scalar_one()


# --- building blocks ---------------------------------------------------------------------------


def filter_clause(conn: Connection, spec: ListingSpec) -> tuple[str, dict[str, object]]:
    """The listing's filters as an SQL condition on `fact f` with its bound parameters, so other
    views (the timeline, source agreement) show exactly the facts the table lists."""
    return _filters(conn, spec)


def _search_alone(conn: Connection, spec: ListingSpec) -> str | None:
    """The search expression when the search is the listing's only filter: the index answers alone."""
    return engine_of(conn).search.expression(spec.search) if spec.status is None else None


def _filters(conn: Connection, spec: ListingSpec) -> tuple[str, dict[str, object]]:
    clauses = ["1 = 1"]
    params: dict[str, object] = {}
    if spec.status is not None:
        clauses.append("f.status = :status_filter")
        params["status_filter"] = FactStatus(spec.status).value
    index = engine_of(conn).search
    search = index.expression(spec.search)
    if search is not None:
        clauses.append(index.match_clause("f.id"))
        params["search"] = search
    return " AND ".join(clauses), params


def _order_by(conn: Connection, spec: ListingSpec, fixed_terms: int = 0) -> str:
    """The listing's ORDER BY, leaving out its first `fixed_terms` terms (a condition holds them
    equal): SQLite does not see an expression held equal as constant, and would sort every row
    of the range instead of reading the index in order."""
    direction = " DESC" if spec.descending else ""
    return ", ".join(f"{term}{direction}" for term in (*_sort_expressions(conn, spec.sort), "f.id")[fixed_terms:])


@dataclass(frozen=True, slots=True)
class _KeysetPart:
    condition: str
    fixed_terms: int  # how many leading sort terms the condition holds equal to the bound key's


def _keyset_parts(conn: Connection, spec: ListingSpec, prefix: _KeySide) -> list[_KeysetPart]:
    """Rows after (prefix 'after') or before (prefix 'before') the bound key in the listing's order,
    as conditions whose rows never overlap; the nearest rows' condition comes first.

    A sort an index holds in order gets one condition per key term, equal on the terms before it
    and beyond the bound on it (`k0 = :a AND id > :id`, then `k0 > :a`): SQLite seeks its index
    with each. The row value `(k0, id) > (:a, :id)` means the same, but SQLite 3.40 seeks with
    at most its first term, and not at all when that term is an expression, so it read the index
    from the start up to the bound: ~70 ms for the last page of a million facts sorted by status.
    The other sorts scan every fact anyway, and one row value keeps that to one scan. So do
    filtered listings: SQLite (no statistics) then often reads each part through the filter's
    index (ix_fact_status, the full-text matches) and sorts it, reading the filter's matches once
    per part; at 1M, by value among confirmed facts, counting the rows before one took 1 s
    instead of 0.2 s, and a page by update time among drafts matching "kaz" took twice as long.
    """
    terms = (*_sort_expressions(conn, spec.sort), "f.id")
    beyond = ">" if (prefix == "after") != spec.descending else "<"
    if spec.filtered or spec.sort not in _INDEXED_SORTS:
        placeholders = ", ".join(f":{prefix}{position}" for position in range(len(terms)))
        return [_KeysetPart(f"({', '.join(terms)}) {beyond} ({placeholders})", 0)]
    parts = []
    for beyond_at in reversed(range(len(terms))):
        equal = [f"{term} = :{prefix}{position}" for position, term in enumerate(terms[:beyond_at])]
        condition = " AND ".join((*equal, f"{terms[beyond_at]} {beyond} :{prefix}{beyond_at}"))
        parts.append(_KeysetPart(condition, fixed_terms=beyond_at))
    return parts


def _key_params(key: Sequence[object], prefix: _KeySide) -> dict[str, object]:
    return {f"{prefix}{position}": value for position, value in enumerate(key)}


def _list_row(row: RowMapping, key_length: int) -> FactListRow:
    value_entity_name = row["value_entity_name"]
    return FactListRow(
        id=row["id"],
        subject=row["subject_name"] or "",
        property=row["property_name"] or "",
        value=_display_value(row, value_entity_name),
        time=format_time_qualifier(row["point_in_time"], row["start_time"], row["end_time"]),
        status=row["status"],
        rank=row["rank"],
        sources=row["source_count"],
        conflicts=row["conflict_count"],
        updated_at=row["updated_at"],
        sort_key=(*(row[f"k{position}"] for position in range(key_length)), row["id"]),
    )


def _display_value(row: RowMapping, value_entity_name: str | None) -> str:
    try:
        entity_name = None if value_entity_name is None else (lambda _entity_id: value_entity_name)
        return format_value(TypedValue.from_columns(row), entity_name=entity_name)
    except ValueError:
        # A row another client wrote with a malformed date or kind must not break the whole table.
        stored = row["value_text"] or row["value_date"] or row["value_amount"]
        return "" if stored is None else f"{stored} (unreadable value)"
