"""A bulk operation's deferred indexes (`BulkWriter.indexes_deferred`): gone inside the block,
built again after it, and back as they were when the block fails; on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.service import BulkWording
from kzeu_desk.core.typed_value import TypedValue, ValueKind

pytestmark = pytest.mark.both_engines

_WORDING = BulkWording(read_only="read-only", failed="It failed", unchanged="nothing changed")


def indexes_of(conn: Connection, table_name: str) -> set[tuple[str, str]]:
    """Every index of the table with its definition (expression indexes too, which SQLAlchemy's
    reflection skips on SQLite)."""
    if conn.dialect.name == "sqlite":
        query = "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"
    else:
        query = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = :t"
    return set(conn.execute(text(query), {"t": table_name}).all())


def index_names(fact_base, table_name: str) -> set[tuple[str, str]]:
    with fact_base.reading() as conn:
        return indexes_of(conn, table_name)


def test_indexes_are_built_again_after_the_block(fact_base):
    before = {name: index_names(fact_base, name) for name in ("fact", "evidence", "entity")}
    assert len(before["fact"]) >= 8 and len(before["evidence"]) >= 3
    inside = {}

    def body(bulk):
        with bulk.indexes_deferred(("fact", "evidence")):
            inside.update({name: indexes_of(bulk.conn, name) for name in ("fact", "evidence", "entity")})

    fact_base.bulk_operation("Deferred", body, _WORDING)
    # Only the primary keys' (PostgreSQL names them; SQLite's integer keys have none) are left.
    assert all(name.endswith("_pkey") for name, _sql in inside["fact"] | inside["evidence"])
    assert inside["entity"] == before["entity"]  # a table not named keeps its indexes
    assert {name: index_names(fact_base, name) for name in before} == before


def test_a_failed_block_leaves_the_indexes_as_they_were(fact_base):
    before = index_names(fact_base, "fact")

    def body(bulk):
        with bulk.indexes_deferred(("fact",)):
            raise UserError("refused halfway")

    with pytest.raises(UserError, match="refused halfway"):
        fact_base.bulk_operation("Deferred", body, _WORDING)
    assert index_names(fact_base, "fact") == before


def test_the_facts_per_key_summary_is_counted_again_after_the_block(fact_base):
    """Its triggers would count each written fact's key again through an index that is not there:
    off inside the block, the summary counted whole after it, and kept by them again."""
    from kzeu_desk.core import conflicts
    from kzeu_desk.core.recorder import table
    from kzeu_desk.core.storage import engine_of

    summary = f"SELECT subject_id, property_id, bare_points FROM {conflicts.KEY_SUMMARY}"
    inside = []

    def body(bulk):
        with bulk.indexes_deferred(("fact", "evidence")):
            inside.append(engine_of(bulk.conn).key_summary_in_place(bulk.conn, conflicts.KEY_SUMMARY))
            columns = ", ".join(column.name for column in table("fact").columns if column.name != "id")
            # Every fact twice: each key of a valid point gains a second fact in its year.
            bulk.conn.execute(text(f"INSERT INTO fact ({columns}) SELECT {columns} FROM fact"))

    with fact_base.reading() as conn:
        kz = conn.execute(text("SELECT id FROM entity WHERE name = 'Kazakhstan'")).scalar_one()
        inflow = conn.execute(text("SELECT id FROM property WHERE key = 'investment_inflow'")).scalar_one()
    for amount, year in ((1e9, "2001"), (2e9, "2002")):  # one value a year: not in the summary
        fact_base.create_fact(value=TypedValue(ValueKind.MONEY, amount=amount, unit="USD"), subject_id=kz,
                              property_id=inflow, qualifiers={"point_in_time": year})
    with fact_base.reading() as conn:
        before = set(conn.execute(text(summary)).all())
    fact_base.bulk_operation("Deferred", body, _WORDING)
    assert inside == [False]
    with fact_base.reading() as conn:
        assert engine_of(conn).key_summary_in_place(conn, conflicts.KEY_SUMMARY)
        after = set(conn.execute(text(summary)).all())
        counted = set(conn.execute(text(conflicts.key_summary_rows(engine_of(conn)).replace("{keys}", "1 = 1"))).all())
    assert after == counted and (kz, inflow, 1) in after - before


def test_a_failed_block_leaves_the_summarys_triggers_in_place(fact_base):
    from kzeu_desk.core import conflicts
    from kzeu_desk.core.storage import engine_of

    def body(bulk):
        with bulk.indexes_deferred(("fact",)):
            raise UserError("refused halfway")

    with pytest.raises(UserError, match="refused halfway"):
        fact_base.bulk_operation("Deferred", body, _WORDING)
    with fact_base.reading() as conn:
        assert engine_of(conn).key_summary_in_place(conn, conflicts.KEY_SUMMARY)
