"""What the full-text index holds for each fact (subject with its aliases, property, value as
shown, evidence quotes, the curator's note), kept in step with the facts by every operation.

How the index stores and answers them is the storage engine's (`StorageEngine.search`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, TextClause, bindparam, text
from sqlalchemy.sql import ClauseElement

from kzeu_desk.core.qualifiers import (
    QUALIFIERS_OF_FACT_RANGE,
    QUALIFIERS_OF_FACTS,
    Qualifier,
    qualifiers_from_rows,
    shown_value,
)
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


# -- many new facts at once (a load) -----------------------------------------------------------------

# Below this many facts the general reads are cheaper than reading names and values by range.
_MANY = 2_000
_IDS_PER_RANGE = 5_000
_VALUE_COLUMNS = ("value_kind", "value_amount", "value_lower", "value_upper", "value_approximate", "value_unit",
                  "value_date", "value_date_end", "value_entity_id", "value_text")
_FACTS_IN_RANGE = text(f"""SELECT id, subject_id, property_id, {", ".join(_VALUE_COLUMNS)}, note FROM fact
                           WHERE id BETWEEN :lowest AND :highest ORDER BY id""")


@cache
def _quotes_in_range(engine: StorageEngine) -> TextClause:
    # Grouped by the evidence's fact index: each fact's quotes in the order the per-fact query gives.
    return text(f"""SELECT e.fact_id, {engine.sql.joined("e.quote", "' … '")} FROM evidence e
                    WHERE e.fact_id BETWEEN :lowest AND :highest GROUP BY e.fact_id""")


@cache
def _entities_query(engine: StorageEngine) -> TextClause:
    joined = engine.sql.joined
    return text(f"""
        SELECT e.id, e.name,
               (SELECT {joined("a.alias", "' '")} FROM entity_alias a WHERE a.entity_id = e.id) AS aliases
        FROM entity e WHERE e.id IN :ids
    """).bindparams(bindparam("ids", expanding=True))


def index_new(conn: Connection, fact_ids: Iterable[int]) -> None:
    """Index facts inserted in this transaction: ids no fact had before, so, the index holding
    exactly the existing facts, none has a document to replace.

    For many facts (a load), documents are put together from reads by id range, each subject's
    name and aliases, each property's name and each distinct value formatted once: at 100k facts
    the per-fact reads and formatting took 2.7 s CPU for ~14k distinct values and 4k subjects."""
    ids = sorted(set(fact_ids))
    if len(ids) < _MANY:
        refresh(conn, ids)
        return
    index = engine_of(conn).search
    for documents, gone in documents_by_range(conn, ids):
        index.add_documents(conn, documents)
        index.delete_documents(conn, gone)


def documents_by_range(conn: Connection, fact_ids: Sequence[int]) -> Iterator[tuple[list[SearchDocument], list[int]]]:
    """`read`'s documents, and ids of facts that do not exist, for the sorted `fact_ids`, a range of
    ids at a time (documents equal to the per-fact reads', tests/test_search_documents.py)."""
    engine = engine_of(conn)
    names = _Names(conn, engine)
    # Looked up in the names' own dicts, a method called only for a value not yet formatted: three
    # calls per fact cost ~1 s CPU of the documents' 12-16 s at 1M facts.
    subjects, property_names, values, value = names.subjects, names.properties, names.values, names.value
    for start in range(0, len(fact_ids), _IDS_PER_RANGE):
        chunk = fact_ids[start:start + _IDS_PER_RANGE]
        bounds = {"lowest": chunk[0], "highest": chunk[-1]}
        whole_range = chunk[-1] - chunk[0] + 1 == len(chunk)  # a load's new facts: every id in it is wanted
        with engine.fast_rows(conn, _FACTS_IN_RANGE, bounds) as rows:
            if whole_range:
                facts = [tuple(row) for row in rows]
            else:
                wanted = set(chunk)
                facts = [tuple(row) for row in rows if row[0] in wanted]
        with engine.fast_rows(conn, _quotes_in_range(engine), bounds) as rows:
            quotes: dict[int, str] = dict(rows)
        qualified = qualifiers_from_rows(conn.execute(QUALIFIERS_OF_FACT_RANGE, bounds).mappings())
        names.need({f[1] for f in facts} | {f[11] for f in facts})
        documents: list[SearchDocument] = []
        add = documents.append
        for row in facts:
            fact_id, columns = row[0], row[3:13]
            shown = values.get(columns)
            if shown is None:
                shown = value(columns)
            if qualified:
                labels = qualified.get(fact_id)
                if labels:
                    shown = " · ".join([shown, *(q.label for q in labels)])
            add(SearchDocument(fact_id, subjects.get(row[1], ""), property_names.get(row[2], ""), shown,
                               quotes.get(fact_id) or "", row[13] or ""))
        if len(facts) == len(chunk):
            gone: list[int] = []
        else:
            gone = sorted(set(chunk).difference(f[0] for f in facts))
        yield documents, gone


class _Names:
    """What documents show of subjects, properties and values, each worked out once."""

    def __init__(self, conn: Connection, engine: StorageEngine):
        self._conn, self._engine = conn, engine
        # A fact's property name, and its subject's "name aliases", by id ("" for none or an unknown id).
        self.properties: dict[int, str] = {
            property_id: name or "" for property_id, name in conn.execute(text("SELECT id, name FROM property"))}
        self.subjects: dict[int, str] = {}
        self._entities: dict[int, str] = {}  # names, for values that are entities
        self.values: dict[tuple, str] = {}  # the value shown, by value columns (_VALUE_COLUMNS)

    def need(self, entity_ids: set[int | None]) -> None:
        missing = sorted(i for i in entity_ids if i is not None and i not in self._entities)
        for start in range(0, len(missing), _CHUNK):
            for entity_id, name, aliases in self._conn.execute(_entities_query(self._engine),
                                                               {"ids": missing[start:start + _CHUNK]}):
                self._entities[entity_id] = name
                self.subjects[entity_id] = " ".join(filter(None, [name, aliases]))

    def value(self, columns: tuple) -> str:
        """The value shown, from the fact's value columns (_VALUE_COLUMNS, a tuple)."""
        shown = self.values.get(columns)
        if shown is None:
            value = TypedValue.from_columns(dict(zip(_VALUE_COLUMNS, columns, strict=True)))
            name = self._entities.get(value.entity_id) if value.entity_id is not None else None
            shown = self.values[columns] = shown_value(value, lambda _id: name or "")
        return shown


def rebuild(conn: Connection) -> None:
    """Every fact's document again (a repair), read fact by fact. Building them by id range as a
    load does (`index_new`) took less than half the CPU (1.8-2.0 against 4.4 s at 100k facts), but
    on the repair's worker thread it held the interpreter lock in longer stretches: at 1M facts the
    window's longest stall during a repair was 85, 86 and 152 ms by range against 35-61 ms fact by
    fact (stall probe, old and new alternating, load 1.1-1.7; docs/PERFORMANCE.md §24), and a
    repair is rare while a frozen window is not acceptable."""
    engine_of(conn).search.clear(conn)
    for chunk in _fact_ids_by_chunk(conn):
        refresh(conn, chunk)


def _fact_ids_by_chunk(conn: Connection) -> Iterator[list[int]]:
    """Every fact's id, `_CHUNK` at a time, read a chunk per query rather than all at once. A worker
    reading a million bare ids in one loop steps SQLite a million times, letting go of the interpreter
    lock and taking it back within a microsecond each time; a thread waiting for the lock (the GUI)
    is woken each time but rarely in time, and since the lock changed hands it never asks for it to be
    handed over, so it waits while the loop runs: the repair's longest stall at 1M facts was 106-115 ms
    with the GUI thread using 4-5 ms of CPU in it and only the repair's worker running (stall probe,
    --dump-after-ms, docs/PERFORMANCE.md §35). A chunk's ids take well under a millisecond to read."""
    after = 0
    while True:
        chunk = list(conn.execute(text("SELECT id FROM fact WHERE id > :after ORDER BY id LIMIT :size"),
                                  {"after": after, "size": _CHUNK}).scalars())
        if not chunk:
            return
        yield chunk
        after = chunk[-1]


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
        notes=row["note"] or "",
    )
