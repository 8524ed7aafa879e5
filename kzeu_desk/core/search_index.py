"""Keeps the full-text index of facts (subject, property, value, quotes) in step with the facts."""

from __future__ import annotations

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
