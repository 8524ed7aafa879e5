"""What the full-text index holds for each fact (subject with its aliases, property, value as
shown, evidence quotes), kept in step with the facts by every operation.

How the index stores and answers them is the storage engine's (`StorageEngine.search`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, TextClause, bindparam, text
from sqlalchemy.sql import ClauseElement

from kzeu_desk.core.qualifiers import QUALIFIERS_OF_FACTS, Qualifier, qualifiers_from_rows, shown_value
from kzeu_desk.core.storage import StorageEngine, engine_of
from kzeu_desk.core.storage.interface import SearchDocument
from kzeu_desk.core.typed_value import TypedValue

_CHUNK = 500  # ids per query, well under SQLite's limit of bound parameters
_WORD = re.compile(r"\w+", re.UNICODE)


def search_words(user_text: str) -> tuple[str, ...]:
    """The words of what a user typed into a search field: letters and digits only, so nothing
    they type is ever read as query syntax."""
    return tuple(_WORD.findall(user_text))


@cache
def _document_query(engine: StorageEngine) -> TextClause:
    joined = engine.sql.joined
    return text(f"""
        SELECT f.*, subject.name AS subject_name, prop.name AS property_name, valent.name AS value_entity_name,
               (SELECT {joined("e.quote", "' … '")} FROM evidence e WHERE e.fact_id = f.id) AS quotes,
               (SELECT {joined("a.alias", "' '")} FROM entity_alias a WHERE a.entity_id = f.subject_id) AS subject_aliases
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
        write(conn, read(conn, ids[chunk_start:chunk_start + _CHUNK]))


@dataclass(frozen=True, slots=True)
class Refresh:
    """What re-indexing some facts writes: their documents, and the ids of those that are gone."""

    documents: list[SearchDocument]
    gone: list[int]


def read(conn: Connection, fact_ids: Iterable[int]) -> Refresh:
    """The reads of `refresh`, for a caller that writes the result later (`write`) in the same
    transaction, after nothing else has changed these facts."""
    ids = sorted(set(fact_ids))
    return refresh_from(ids, engine_of(conn).read_together(conn, reads_of(engine_of(conn), ids)))


def reads_of(engine: StorageEngine, fact_ids: Sequence[int]) -> list[tuple[ClauseElement, Mapping[str, object]]]:
    """The reads `read` makes for these sorted ids (two a chunk: qualifiers, documents), for a
    caller sending them with others of its own (`StorageEngine.read_together`: on a server all
    of them cost one wait)."""
    query = _document_query(engine)
    reads: list[tuple[ClauseElement, Mapping[str, object]]] = []
    for chunk_start in range(0, len(fact_ids), _CHUNK):
        chunk = list(fact_ids[chunk_start:chunk_start + _CHUNK])
        reads += [(QUALIFIERS_OF_FACTS, {"ids": chunk}), (query, {"ids": chunk})]
    return reads


def refresh_from(fact_ids: Sequence[int], answers: Sequence[list[dict]]) -> Refresh:
    """`read`'s answer from the rows of `reads_of(engine, fact_ids)`."""
    documents: list[SearchDocument] = []
    for qualifier_rows, rows in zip(answers[0::2], answers[1::2], strict=True):
        qualified = qualifiers_from_rows(qualifier_rows)
        documents += [_document(row, qualified.get(row["id"], ())) for row in rows]
    present = {d.fact_id for d in documents}
    return Refresh(documents, [i for i in fact_ids if i not in present])


def write(conn: Connection, refresh: Refresh) -> None:
    """The writes of `refresh` (no reads: they may travel with the commit)."""
    index = engine_of(conn).search
    index.delete_documents(conn, refresh.gone)
    index.replace_documents(conn, refresh.documents)


def rebuild(conn: Connection) -> None:
    engine_of(conn).search.clear(conn)
    refresh(conn, conn.execute(text("SELECT id FROM fact")).scalars())


def _document(row: Mapping, qualifiers: Iterable[Qualifier] = ()) -> SearchDocument:
    value = TypedValue.from_columns(row)
    entity_name = row["value_entity_name"]
    shown = shown_value(value, lambda _id: entity_name or "")
    # Qualifiers narrow what the value means ("partner: China"): a search for the partner finds it.
    return SearchDocument(
        fact_id=row["id"],
        subject=" ".join(filter(None, [row["subject_name"], row["subject_aliases"]])),
        property=row["property_name"] or "",
        value=" · ".join([shown, *(q.label for q in qualifiers)]),
        quotes=row["quotes"] or "",
    )
