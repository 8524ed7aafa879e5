"""Reads for views and the command line: columns, not ORM entities (reading whole entities is 7-8x
slower than reading the columns a view shows)."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import Column, Connection, Select, Table, bindparam, func, select, text

from kzeu_desk.core.typed_value import TypedValue, ValueKind

from kzeu_desk.core.recorder import table
from kzeu_desk.core.storage import engine_of


@dataclass(frozen=True)
class Totals:
    sources: int
    facts: int
    open_conflicts: int


def totals(conn: Connection) -> Totals:
    def count(name: str, *where: Any) -> int:
        return conn.execute(select(func.count()).select_from(table(name)).where(*where)).scalar_one()

    return Totals(
        sources=count("source"),
        facts=count("fact"),
        open_conflicts=count("conflict", table("conflict").c.status == "open"),
    )


# Only columns stored before `text` in the row: reading a later one would walk the overflow pages of
# every article (175 MB at 1M facts) just to list titles.
_SOURCE_LIST = text("""
    SELECT s.id, s.title, s.publisher, s.published
    FROM source s
    ORDER BY s.id
""")

_SOURCE_COUNTS = """
    SELECT s.id,
           (SELECT count(DISTINCT e.fact_id) FROM evidence e WHERE e.source_id = s.id) AS fact_count,
           -- CROSS JOIN fixes the order (this source's evidence first); left to itself SQLite
           -- walked every conflict per source: 72 s for this pane at 100k facts (docs/PERFORMANCE.md).
           (SELECT count(DISTINCT c.id) FROM evidence e
              {join} conflict_member m ON m.fact_id = e.fact_id
              {join} conflict c ON c.id = m.conflict_id
            WHERE e.source_id = s.id AND c.status = 'open') AS open_conflicts
    FROM source s
"""


def _source_counts(conn: Connection) -> str:
    from kzeu_desk.core.storage import engine_of

    return _SOURCE_COUNTS.replace("{join}", engine_of(conn).sql.join_in_this_order())


@dataclass(frozen=True, slots=True)
class SourceListRow:
    id: int
    title: str
    publisher: str | None
    published: str | None  # an ISO date truncated to its precision


def source_list(conn: Connection) -> list[SourceListRow]:
    """One row per source, title and publication data only: cheap at any size (counts come separately).
    Read from the driver's cursor: SQLAlchemy's rows made it 0.31 s for the 25k sources of 1M facts."""
    with engine_of(conn).fast_rows(conn, _SOURCE_LIST) as rows:
        return [SourceListRow(*row) for row in rows]


def source_list_rows(conn: Connection, source_ids: Iterable[int]) -> list[SourceListRow]:
    """The list rows of these sources (those that exist), for a list that follows changes row by row."""
    s = table("source")
    query = select(s.c.id, s.c.title, s.c.publisher, s.c.published).where(s.c.id.in_(list(source_ids)))
    return [SourceListRow(*row) for row in conn.execute(query.order_by(s.c.id))]


def source_counts(conn: Connection, source_ids: list[int] | None = None) -> dict[int, tuple[int, int]]:
    """(facts with evidence in it, open conflicts involving those facts) per source; every source when
    `source_ids` is None. About 0.1 ms a source at 1M facts, so views ask for the rows they show."""
    if source_ids is None:
        rows = conn.execute(text(_source_counts(conn)))
    elif not source_ids:
        return {}
    else:
        statement = text(_source_counts(conn) + " WHERE s.id IN :ids").bindparams(bindparam("ids", expanding=True))
        rows = conn.execute(statement, {"ids": list(source_ids)})
    return {source_id: (facts, conflicts) for source_id, facts, conflicts in rows}


@dataclass(frozen=True, slots=True)
class SourceSummary:
    id: int
    title: str
    publisher: str | None
    published: str | None
    char_count: int
    encoding: str | None
    file_name: str | None
    fact_count: int  # facts with evidence in this source
    open_conflicts: int  # open conflicts involving those facts


def source_rows(conn: Connection) -> list[SourceSummary]:
    """Every source with its details and both counts, for the command line and reports."""
    counts = source_counts(conn)
    s = table("source")
    details = select(s.c.id, s.c.title, s.c.publisher, s.c.published, s.c.char_count, s.c.encoding, s.c.file_name)
    return [SourceSummary(*row, *counts.get(row[0], (0, 0))) for row in conn.execute(details.order_by(s.c.id))]


def source_text(conn: Connection, source_id: int) -> str:
    return conn.execute(select(table("source").c.text).where(table("source").c.id == source_id)).scalar_one()


def _columns_of(row_type: type, t: Table) -> list[Column]:
    """The table's columns a row type holds, in its field order (a column added to the table later is
    not read until the row type names it)."""
    return [t.c[field.name] for field in fields(row_type)]


@cache
def _by_id(row_type: type, table_name: str) -> Select:
    """SELECT the row type's columns of one row by id: built once, as each view asks again and again
    (building and keying a 25-column select per call made `fact_row` 45% slower than `select(fact)`)."""
    t = table(table_name)
    return select(*_columns_of(row_type, t)).where(t.c.id == bindparam("row_id"))


@dataclass(frozen=True, slots=True)
class SourceDescription:
    """A source's description: every column but its text."""
    id: int
    title: str
    publisher: str | None
    author: str | None
    url: str | None
    published: str | None  # an ISO date truncated to its precision
    language: str | None
    text_sha256: str
    char_count: int
    file_name: str | None
    encoding: str | None
    note: str | None
    imported_at: str
    imported_by: str
    format: str | None  # a DocumentFormat: "text", "pdf", "docx", "html", ...
    extractor: str | None
    original_sha256: str | None
    retrieved_at: str | None


@dataclass(frozen=True, slots=True)
class SourceWithText(SourceDescription):
    text: str  # canonical: every evidence offset points into it


def source_details(conn: Connection, source_id: int) -> SourceDescription | None:
    """A source's description without its text."""
    row = conn.execute(_by_id(SourceDescription, "source"), {"row_id": source_id}).first()
    return SourceDescription(*row) if row else None


def source_row(conn: Connection, source_id: int) -> SourceWithText | None:
    """A source's description with its canonical text."""
    row = conn.execute(_by_id(SourceWithText, "source"), {"row_id": source_id}).first()
    return SourceWithText(*row) if row else None


_SPANS_SELECT = """
    SELECT e.id AS evidence_id, e.start, e."end", e.fact_id, f.status, f.rank,
           subject.name AS subject_name, prop.name AS property_name
    FROM evidence e
    JOIN fact f ON f.id = e.fact_id
    LEFT JOIN entity subject ON subject.id = f.subject_id
    LEFT JOIN property prop ON prop.id = f.property_id
"""
_NOT_ORPHANED = " AND e.anchor_state <> 'orphaned'"  # an orphan's span is in an older text
_EVIDENCE_SPANS = text(_SPANS_SELECT + "WHERE e.source_id = :source_id" + _NOT_ORPHANED + ' ORDER BY e.start, e."end", e.id')
# The unary plus keeps the planner off the source's index, which at 100k facts it chose for a few
# facts' spans (walking the 1 MB source's 10k rows: 7-8 ms); the facts' and the rows' own indexes
# read a few spans in 0.1-0.6 ms.
_SPANS_OF = text(_SPANS_SELECT + "WHERE +e.source_id = :source_id" + _NOT_ORPHANED
                 + " AND (e.fact_id IN :fact_ids OR e.id IN :evidence_ids)").bindparams(
    bindparam("fact_ids", expanding=True), bindparam("evidence_ids", expanding=True))


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """An evidence span as the reading view colours it."""
    evidence_id: int
    start: int  # code points into the source's canonical text
    end: int
    fact_id: int
    status: str | None  # the fact's FactStatus
    rank: str | None  # the fact's FactRank
    subject_name: str | None
    property_name: str | None


def evidence_spans(conn: Connection, source_id: int) -> list[EvidenceSpan]:
    """Every evidence span in a source (code points), with what the viewer needs to colour it."""
    return [EvidenceSpan(*row) for row in conn.execute(_EVIDENCE_SPANS, {"source_id": source_id})]


def evidence_spans_of(conn: Connection, source_id: int, fact_ids: Iterable[int],
                      evidence_ids: Iterable[int]) -> list[EvidenceSpan]:
    """The spans in a source (as `evidence_spans` gives them) of the given facts and of the given
    evidence rows: what an edit that touched them left in the source. For the 1 MB source's 10k
    spans reading them all took 63-92 ms at 100k facts, 100 ms at 1M; a few are read in a few ms."""
    return [EvidenceSpan(*row) for row in conn.execute(_SPANS_OF, {
        "source_id": source_id, "fact_ids": sorted(fact_ids), "evidence_ids": sorted(evidence_ids)})]


def last_actor_of(conn: Connection, target_type: str, target_id: int) -> str | None:
    """Who last changed a row (the audit's actor: a login name, or a server's database role)."""
    return conn.execute(text(
        "SELECT actor FROM audit_event WHERE target_type = :type AND target_id = :id ORDER BY id DESC LIMIT 1"),
        {"type": target_type, "id": target_id}).scalar()



@dataclass(frozen=True, slots=True)
class FactRecord:
    """A fact's stored columns."""
    id: int
    subject_id: int | None
    property_id: int | None
    value_kind: str
    value_amount: float | None
    value_lower: float | None
    value_upper: float | None
    value_approximate: bool
    value_unit: str | None
    value_date: str | None
    value_date_end: str | None
    value_entity_id: int | None
    value_text: str | None
    point_in_time: str | None
    start_time: str | None
    end_time: str | None
    scope_note: str | None
    status: str  # a FactStatus
    rank: str  # a FactRank
    note: str | None
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    version: int  # what an edit of this fact must name (a stale edit is refused)

    @property
    def value(self) -> TypedValue:
        return TypedValue(
            kind=ValueKind(self.value_kind), amount=self.value_amount, lower=self.value_lower,
            upper=self.value_upper, approximate=bool(self.value_approximate), unit=self.value_unit,
            date=self.value_date, date_end=self.value_date_end, entity_id=self.value_entity_id,
            text=self.value_text)


def fact_row(conn: Connection, fact_id: int) -> FactRecord | None:
    row = conn.execute(_by_id(FactRecord, "fact"), {"row_id": fact_id}).first()
    return FactRecord(*row) if row else None


@dataclass(frozen=True, slots=True)
class PropertyDefinition:
    id: int
    key: str  # stable slug used by exports and seeds
    name: str
    value_kind: str  # a ValueKind
    single_valued: bool
    default_unit: str | None
    tolerance: float | None  # relative tolerance for approximate values; None: the app's default
    description: str | None
    wikidata_pid: str | None


def properties(conn: Connection) -> list[PropertyDefinition]:
    p = table("property")
    return [PropertyDefinition(*row)
            for row in conn.execute(select(*_columns_of(PropertyDefinition, p)).order_by(p.c.name))]


class AliasEntry(NamedTuple):
    """One name an entity goes by, with the entity's own name. A named tuple: the 52k of 1M facts
    come back from the worker process pickled (`entity_directory.directory_of`), and a tuple is the
    cheapest object to unpickle."""
    alias: str
    entity_id: int
    name: str


def entity_names(conn: Connection) -> list[AliasEntry]:
    """Every (alias, entity) pair for completion; an entity's own name is one of its aliases."""
    return [AliasEntry._make(row) for row in entity_name_rows(conn)]


def entity_name_rows(conn: Connection) -> list[tuple[str, int, str]]:
    """`entity_names` as plain (alias, entity id, name) tuples, made by the driver alone."""
    # From the driver's cursor: SQLAlchemy's mappings took 2.5 of 3.7 s for the 52k aliases of 1M facts,
    # on the GUI thread when the fact editor first shows a fact.
    with engine_of(conn).fast_rows(conn, _ENTITY_NAMES) as rows:
        return list(rows)


_ENTITY_NAMES = text("""
    SELECT a.alias, a.entity_id, e.name FROM entity_alias a JOIN entity e ON e.id = a.entity_id ORDER BY a.alias_key
""")


def entity_names_by_id(conn: Connection, entity_ids: list[int]) -> dict[int, str]:
    """The names of these entities (those that exist): what showing one fact needs, without every alias."""
    if not entity_ids:
        return {}
    e = table("entity")
    rows = conn.execute(select(e.c.id, e.c.name).where(e.c.id.in_(list(entity_ids))))
    return dict(rows.all())


@dataclass(frozen=True, slots=True)
class RecordedOperation:
    id: int
    label: str  # in the curator's words: "New fact from selection"
    at: str  # ISO-8601 UTC
    actor: str
    reverts_id: int | None  # set on undo and redo


def recent_operations(conn: Connection, limit: int = 200) -> list[RecordedOperation]:
    o = table("operation")
    query = select(*_columns_of(RecordedOperation, o)).order_by(o.c.id.desc()).limit(limit)
    return [RecordedOperation(*row) for row in conn.execute(query)]


def largest_fact_id(conn: Connection) -> int:
    """The largest id a fact has (0 for none): read from the primary key's end, whatever the size."""
    return conn.execute(select(func.coalesce(func.max(table("fact").c.id), 0))).scalar_one()


def latest_operation_id(conn: Connection) -> int:
    """The newest operation; it moves on whenever anyone commits a change to the fact base."""
    return conn.execute(select(func.coalesce(func.max(table("operation").c.id), 0))).scalar_one()


def operation_fact(conn: Connection, operation_id: int) -> int | None:
    """A fact an operation changed that still exists (directly, or through its evidence or links), so
    choosing the operation in the history can show that fact; None when it touched none."""
    events = table("audit_event")
    rows = conn.execute(
        select(events.c.target_type, events.c.target_id, events.c.before, events.c.after)
        .where(events.c.operation_id == operation_id).order_by(events.c.id)
    ).all()
    candidates: list[int] = []
    for target_type, target_id, before, after in rows:
        if target_type == "fact":
            candidates.append(target_id)
        elif target_type in ("evidence", "fact_link"):
            image = json.loads(after or before or "{}")
            for key in ("fact_id", "from_fact_id"):
                if isinstance(image.get(key), int):
                    candidates.append(image[key])
    if not candidates:
        return None
    fact = table("fact")
    existing = set(conn.execute(select(fact.c.id).where(fact.c.id.in_(candidates))).scalars())
    return next((fact_id for fact_id in candidates if fact_id in existing), None)
