"""A bulk operation's deferred indexes (`BulkWriter.indexes_deferred`): gone inside the block,
built again after it, and back as they were when the block fails; on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.service import BulkWording

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
