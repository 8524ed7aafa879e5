"""Alembic environment for kzeu_desk fact bases.

The app runs migrations itself (kzeu_desk/core/migrations.py) and hands over an open connection;
nothing here reads a URL from alembic.ini or the environment.
"""

from alembic import context

from kzeu_desk.core.models import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most columns; batch mode rebuilds the table instead (NOTES.md trap 12).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
