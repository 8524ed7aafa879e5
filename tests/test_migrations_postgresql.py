"""Every migration runs on PostgreSQL too: up to head, the schema the models declare; down to the
first step and up again, with a fact base's data kept (the guide for porting a migration is in
docs/ARCHITECTURE.md, "Migrations on both engines")."""

from __future__ import annotations

import warnings

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from kzeu_desk.core import migrations
from kzeu_desk.core.models import SQLModel
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.typed_value import TypedValue, ValueKind


def _not_the_search_index(obj, name, type_, reflected, compare_to):
    # As db/env.py: the search index's tables are made by the storage engine, not by the models, and
    # the facts' per-key summary is kept by triggers.
    return not (type_ == "table" and reflected and compare_to is None
                and (name.startswith("fact_search") or name == "fact_key_summary"))


def test_the_migrated_schema_is_what_the_models_declare(postgresql_url):
    with FactBase.open(postgresql_url) as fb, fb.engine.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index")
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        context = MigrationContext.configure(conn, opts={"include_object": _not_the_search_index})
        differences = compare_metadata(context, SQLModel.metadata)
    # An expression index reads back in the server's own spelling of its expressions, which
    # autogenerate takes for another index: one removed and one added under the same name. Those
    # pairs are the same index (its definition is compared with the models' in test_schema.py).
    named = [(d[0], d[1].name) for d in differences if d[0] in ("add_index", "remove_index")]
    respelled = {name for kind, name in named if kind == "add_index" and ("remove_index", name) in named}
    assert respelled <= {"ix_fact_status_order", "ix_fact_rank_order", "ix_fact_value_order"}
    assert [d for d in differences if not (d[0] in ("add_index", "remove_index") and d[1].name in respelled)] == []


def test_every_step_downgrades_and_upgrades_again_keeping_the_data(postgresql_url):
    with FactBase.open(postgresql_url, actor="tester") as fb:
        import_sample_corpus(fb)
        fb.create_fact(value=TypedValue(ValueKind.MONEY, amount=3.5e9, unit="EUR"), note="kept")
        with fb.reading() as conn:
            before = conn.execute(text("SELECT count(*) FROM source")).scalar_one()
        with fb.engine.begin() as conn:
            command.downgrade(migrations._config(conn), "0001_initial")
            assert migrations.current_revision(conn) == "0001_initial"
            migrations.upgrade_to_head(conn)
            assert migrations.current_revision(conn) == migrations.head_revision()
        with fb.reading() as conn:
            assert conn.execute(text("SELECT count(*) FROM source")).scalar_one() == before
            assert conn.execute(text("SELECT count(*) FROM fact WHERE note = 'kept'")).scalar_one() == 1
            # 0010 put the note into the search index; the step down left it, the step up added it again.
            index = engine_of(conn).search
            assert conn.execute(text(f"SELECT count(*) FROM fact WHERE {index.match_clause('fact.id')}"),
                                {"search": index.expression(["kept"])}).scalar_one() == 1
