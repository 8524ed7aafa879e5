"""Alembic environment for kzeu_desk fact bases.

The app runs migrations itself (kzeu_desk/core/migrations.py) and hands over an open connection;
nothing here reads a URL from alembic.ini or the environment.
"""

from alembic import context

from kzeu_desk.core.models import SQLModel

connection = context.config.attributes["connection"]


def _include_object(obj, name, type_, reflected, compare_to):
    # The search index (in SQLite an FTS5 table and its shadow tables) is made by the storage engine, not the
    # models; the facts' per-key summary (0013) is derived data kept by triggers, like an index.
    return not (type_ == "table" and reflected and compare_to is None
                and (name.startswith("fact_search") or name == "fact_key_summary"))


context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most columns; batch mode rebuilds the table instead.
    render_as_batch=True,
    compare_type=True,
    include_object=_include_object,
)
with context.begin_transaction():
    context.run_migrations()
