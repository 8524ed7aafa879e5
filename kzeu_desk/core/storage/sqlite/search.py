"""Keeps the full-text index of facts (subject, property, value, quotes) in step with the facts,
and answers the questions the facts table asks of the index alone.

Every write keeps the index holding exactly the existing facts (`kzeu-desk check` verifies it), so
"how many facts match" is counted in the index without probing each fact; the ids a page shows
are still joined to `fact`, so an entry another program left behind never becomes a row.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, text

from kzeu_desk.core import sqlite_features
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_value

_CHUNK = 500  # ids per query, well under SQLite's bound-parameter limit

_DOCUMENT_QUERY = text("""
    SELECT f.*, subject.name AS subject_name, prop.name AS property_name, valent.name AS value_entity_name,
           (SELECT group_concat(e.quote, ' … ') FROM evidence e WHERE e.fact_id = f.id) AS quotes,
           (SELECT group_concat(a.alias, ' ') FROM entity_alias a WHERE a.entity_id = f.subject_id) AS subject_aliases
    FROM fact f
    LEFT JOIN entity subject ON subject.id = f.subject_id
    LEFT JOIN property prop ON prop.id = f.property_id
    LEFT JOIN entity valent ON valent.id = f.value_entity_id
    WHERE f.id IN :ids
""").bindparams(bindparam("ids", expanding=True))


def refresh(conn: Connection, fact_ids: Iterable[int]) -> None:
    """Re-index these facts; ids of facts that no longer exist are dropped from the index."""
    ids = sorted(set(fact_ids))
    for chunk_start in range(0, len(ids), _CHUNK):
        chunk = ids[chunk_start:chunk_start + _CHUNK]
        documents = [_document(row) for row in conn.execute(_DOCUMENT_QUERY, {"ids": chunk}).mappings()]
        present = {d["fact_id"] for d in documents}
        sqlite_features.delete_search_documents(conn, [i for i in chunk if i not in present])
        sqlite_features.replace_search_documents(conn, documents)


def rebuild(conn: Connection) -> None:
    conn.exec_driver_sql(f"DELETE FROM {sqlite_features.SEARCH_TABLE}")
    refresh(conn, [r[0] for r in conn.exec_driver_sql("SELECT id FROM fact")])


def _document(row) -> dict:
    value = TypedValue.from_columns(row)
    entity_name = row["value_entity_name"]
    return {
        "fact_id": row["id"],
        "subject": " ".join(filter(None, [row["subject_name"], row["subject_aliases"]])),
        "property": row["property_name"] or "",
        "value": format_value(value, entity_name=lambda _id: entity_name or ""),
        "quotes": row["quotes"] or "",
    }


# -- reading the index: the FTS5 MATCH of an expression from sqlite_features.search_expression -----

_TABLE = sqlite_features.SEARCH_TABLE


def count_matches(conn: Connection, expression: str, *, id_below: int | None = None, id_above: int | None = None,
                  at_most: int | None = None) -> int:
    """How many facts match, counted in the index alone: with `id_below`/`id_above`, only those
    with a smaller/larger id; with `at_most`, counting stops there."""
    conditions, params = _id_range("rowid", id_below, id_above)
    params["search"] = expression
    where = f"{_TABLE} MATCH :search{conditions}"
    if at_most is None:
        return conn.execute(text(f"SELECT count(*) FROM {_TABLE} WHERE {where}"), params).scalar_one()
    # Stopping early saves walking the rest of a short prefix's doclist (half the base for "t").
    params["at_most"] = at_most
    return conn.execute(text(f"SELECT count(*) FROM (SELECT 1 FROM {_TABLE} WHERE {where} LIMIT :at_most)"),
                        params).scalar_one()


def matching_fact_ids(conn: Connection, expression: str, *, after_id: int | None = None, descending: bool = False,
                      limit: int) -> list[int]:
    """Up to `limit` ids of existing facts that match, in id order (descending: from the highest),
    starting just after `after_id`. FTS5 keeps its matches in rowid order, so this stops after
    `limit` of them (a prefix still gathers the matches of every word it begins first)."""
    if after_id is None:
        conditions, params = "", {}
    else:
        conditions, params = _id_range("s.rowid", after_id if descending else None,
                                       None if descending else after_id)
    params.update(search=expression, limit=limit)
    return list(conn.execute(text(
        f"SELECT s.rowid FROM {_TABLE} s JOIN fact f ON f.id = s.rowid "
        f"WHERE {_TABLE} MATCH :search{conditions} "
        f"ORDER BY s.rowid{' DESC' if descending else ''} LIMIT :limit"
    ), params).scalars())


def every_nth_matching_fact_id(conn: Connection, expression: str, n: int, *, descending: bool = False) -> list[int]:
    """Ids of the n-th, 2n-th, ... existing facts that match, in id order."""
    # Every match passes by and only every n-th is kept: the driver's own cursor skips them in C,
    # where SQLAlchemy would build a Row object for each one.
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(
            f"SELECT s.rowid FROM {_TABLE} s JOIN fact f ON f.id = s.rowid WHERE {_TABLE} MATCH ? "
            f"ORDER BY s.rowid{' DESC' if descending else ''}", (expression,))
        return [row[0] for row in itertools.islice(cursor, n - 1, None, n)]
    finally:
        cursor.close()


def fact_matches(conn: Connection, expression: str, fact_id: int) -> bool:
    """Whether this fact exists and matches."""
    return conn.execute(text(
        f"SELECT 1 FROM {_TABLE} s JOIN fact f ON f.id = s.rowid WHERE {_TABLE} MATCH :search AND s.rowid = :fact_id"
    ), {"search": expression, "fact_id": fact_id}).first() is not None


def _id_range(column: str, id_below: int | None, id_above: int | None) -> tuple[str, dict[str, object]]:
    conditions, params = "", {}
    if id_below is not None:
        conditions += f" AND {column} < :id_below"
        params["id_below"] = id_below
    if id_above is not None:
        conditions += f" AND {column} > :id_above"
        params["id_above"] = id_above
    return conditions, params
