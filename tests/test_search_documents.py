"""Search documents built for many new facts at once (a load) are those the per-fact reads build,
on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from test_export import curate

from kzeu_desk.core import search_documents
from kzeu_desk.core.typed_value import TypedValue, ValueKind

pytestmark = pytest.mark.both_engines


def test_documents_by_range_are_the_per_fact_documents(fact_base, monkeypatch):
    curate(fact_base)
    with fact_base.reading() as conn:
        facts = dict(conn.execute(text("SELECT id, subject_id FROM fact ORDER BY id")).all())
        partner = conn.execute(text("SELECT id FROM property WHERE key = 'partner'")).scalar_one()
        eu = conn.execute(text("SELECT id FROM entity WHERE name = 'European Union'")).scalar_one()
        source = conn.execute(text("SELECT min(source_id) FROM evidence")).scalar_one()
        worded = conn.execute(text("SELECT min(id) FROM property WHERE value_kind = 'text' AND id <> :p"),
                              {"p": partner}).scalar_one()
    first, *_rest, last = facts
    fact_base.add_qualifier(first, partner, TypedValue(ValueKind.ENTITY, entity_id=eu))
    fact_base.add_qualifier(last, worded, TypedValue(ValueKind.TEXT, text="customs"))
    fact_base.add_evidence(first, source, 0, 12)  # a second quote
    fact_base.add_alias(next(s for s in facts.values() if s is not None), "a second name")
    with fact_base.reading() as conn:
        version = conn.execute(text("SELECT version FROM fact WHERE id = :id"), {"id": last}).scalar_one()
    fact_base.update_fact(last, version, note="from the draft")
    # Ids of facts that do not exist among them, and ranges of three ids, so facts fall in several.
    ids = sorted([*facts, last + 5, first - 1])
    monkeypatch.setattr(search_documents, "_IDS_PER_RANGE", 3)
    with fact_base.reading() as conn:
        per_fact = search_documents.read(conn, ids)
        by_range = list(search_documents.documents_by_range(conn, ids))
    documents = [document for chunk, _gone in by_range for document in chunk]
    assert documents == sorted(per_fact.documents, key=lambda d: d.fact_id) and len(documents) == len(facts)
    assert [gone for _chunk, gone_ids in by_range for gone in gone_ids] == per_fact.gone == [first - 1, last + 5]
    assert any("partner: European Union" in d.value for d in documents)
    assert any(d.value.endswith(": customs") for d in documents)
    assert any("a second name" in d.subject for d in documents)
    assert any(" … " in d.quotes for d in documents)
    assert [d.notes for d in documents if d.notes] == ["from the draft"]


def test_a_repairs_rebuild_writes_the_per_fact_documents(fact_base, monkeypatch):
    """A repair rebuilds the index: every fact gets the document the per-fact reads give, once."""
    from kzeu_desk.core.repair import repair
    from kzeu_desk.core.storage import engine_of

    curate(fact_base)
    with fact_base.reading() as conn:
        ids = list(conn.execute(text("SELECT id FROM fact ORDER BY id")).scalars())
        per_fact = sorted(search_documents.read(conn, ids).documents, key=lambda d: d.fact_id)
        index_class = type(engine_of(conn).search)
    written: list = []
    adding, replacing = index_class.add_documents, index_class.replace_documents
    inside: list[bool] = []  # an engine may add by replacing (the default): count those once

    def add_documents(self, conn, documents):
        written.extend(documents)
        inside.append(True)
        adding(self, conn, documents)
        inside.pop()

    def replace_documents(self, conn, documents):
        if not inside:
            written.extend(documents)
        replacing(self, conn, documents)

    monkeypatch.setattr(index_class, "add_documents", add_documents)
    monkeypatch.setattr(index_class, "replace_documents", replace_documents)
    monkeypatch.setattr(search_documents, "_IDS_PER_RANGE", 3)  # several ranges even here
    monkeypatch.setattr(search_documents, "_MANY", 1)  # the sample's facts count as many
    monkeypatch.setattr(search_documents, "_CHUNK", 3)  # the rebuild reads its ids in several chunks
    repair(fact_base)
    assert sorted(written, key=lambda d: d.fact_id) == per_fact and len(per_fact) == len(ids) > 3


def test_a_rebuild_reads_every_fact_id_a_chunk_at_a_time(fact_base, monkeypatch):
    """No loop over more than a chunk of bare ids (a million of them starved the GUI thread of the
    interpreter lock during a repair, docs/PERFORMANCE.md §35); every id once, in order, gaps and all."""
    curate(fact_base)
    with fact_base.reading() as conn:
        ids = list(conn.execute(text("SELECT id FROM fact ORDER BY id")).scalars())
    assert len(ids) > 4
    fact_base.delete_fact(ids[2])  # a gap in the ids
    kept = [i for i in ids if i != ids[2]]
    monkeypatch.setattr(search_documents, "_CHUNK", 2)
    with fact_base.reading() as conn:
        chunks = list(search_documents._fact_ids_by_chunk(conn))
    assert [i for chunk in chunks for i in chunk] == kept
    assert all(1 <= len(chunk) <= 2 for chunk in chunks) and len(chunks) == (len(kept) + 1) // 2
