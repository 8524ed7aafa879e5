"""Reads for views and the command line: columns, not ORM entities (reading whole entities is 7-8x
slower than reading the columns a view shows)."""

from __future__ import annotations

import json
from typing import Any

from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, func, select, text

from kzeu_desk.core.recorder import table


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
              CROSS JOIN conflict_member m ON m.fact_id = e.fact_id
              CROSS JOIN conflict c ON c.id = m.conflict_id
            WHERE e.source_id = s.id AND c.status = 'open') AS open_conflicts
    FROM source s
"""


@dataclass(frozen=True, slots=True)
class SourceListRow:
    id: int
    title: str
    publisher: str | None
    published: str | None  # an ISO date truncated to its precision


def source_list(conn: Connection) -> list[SourceListRow]:
    """One row per source, title and publication data only: cheap at any size (counts come separately)."""
    return [SourceListRow(source_id, title, publisher, published)
            for source_id, title, publisher, published in conn.execute(_SOURCE_LIST)]


def source_counts(conn: Connection, source_ids: list[int] | None = None) -> dict[int, tuple[int, int]]:
    """(facts with evidence in it, open conflicts involving those facts) per source; every source when
    `source_ids` is None. About 0.1 ms a source at 1M facts, so views ask for the rows they show."""
    if source_ids is None:
        rows = conn.execute(text(_SOURCE_COUNTS))
    elif not source_ids:
        return {}
    else:
        statement = text(_SOURCE_COUNTS + " WHERE s.id IN :ids").bindparams(bindparam("ids", expanding=True))
        rows = conn.execute(statement, {"ids": list(source_ids)})
    return {source_id: (facts, conflicts) for source_id, facts, conflicts in rows}


def source_rows(conn: Connection) -> list[dict]:
    """Every source with its details and both counts, for the command line and reports."""
    counts = source_counts(conn)
    s = table("source")
    details = select(s.c.id, s.c.title, s.c.publisher, s.c.published, s.c.char_count, s.c.encoding, s.c.file_name)
    rows = [dict(r) for r in conn.execute(details.order_by(s.c.id)).mappings()]
    for row in rows:
        row["fact_count"], row["open_conflicts"] = counts.get(row["id"], (0, 0))
    return rows


def source_text(conn: Connection, source_id: int) -> str:
    return conn.execute(select(table("source").c.text).where(table("source").c.id == source_id)).scalar_one()


def source_details(conn: Connection, source_id: int) -> dict | None:
    """A source's description without its text."""
    s = table("source")
    columns = [c for c in s.c if c.name != "text"]
    row = conn.execute(select(*columns).where(s.c.id == source_id)).mappings().first()
    return dict(row) if row else None


def source_row(conn: Connection, source_id: int) -> dict | None:
    s = table("source")
    row = conn.execute(select(s).where(s.c.id == source_id)).mappings().first()
    return dict(row) if row else None


_EVIDENCE_SPANS = text("""
    SELECT e.id AS evidence_id, e.start, e."end", e.fact_id, f.status, f.rank,
           subject.name AS subject_name, prop.name AS property_name
    FROM evidence e
    JOIN fact f ON f.id = e.fact_id
    LEFT JOIN entity subject ON subject.id = f.subject_id
    LEFT JOIN property prop ON prop.id = f.property_id
    WHERE e.source_id = :source_id AND e.anchor_state <> 'orphaned'  -- an orphan's span is in an older text
    ORDER BY e.start, e."end"
""")


def evidence_spans(conn: Connection, source_id: int) -> list[dict]:
    """Every evidence span in a source (code points), with what the viewer needs to colour it."""
    return [dict(r) for r in conn.execute(_EVIDENCE_SPANS, {"source_id": source_id}).mappings()]


def fact_row(conn: Connection, fact_id: int) -> dict | None:
    f = table("fact")
    row = conn.execute(select(f).where(f.c.id == fact_id)).mappings().first()
    return dict(row) if row else None


def properties(conn: Connection) -> list[dict]:
    p = table("property")
    return [dict(r) for r in conn.execute(select(p).order_by(p.c.name)).mappings()]


def entity_names(conn: Connection) -> list[dict]:
    """Every (alias, entity) pair for completion; an entity's own name is one of its aliases."""
    a, e = table("entity_alias"), table("entity")
    query = select(a.c.alias, a.c.entity_id, e.c.name).join(e, e.c.id == a.c.entity_id).order_by(a.c.alias_key)
    return [dict(r) for r in conn.execute(query).mappings()]


def recent_operations(conn: Connection, limit: int = 200) -> list[dict]:
    o = table("operation")
    return [dict(r) for r in conn.execute(select(o).order_by(o.c.id.desc()).limit(limit)).mappings()]


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
