"""the curator's note on a fact is searched with the rest of it

Revision ID: 0010_searchable_notes
Revises: 0009_rescan_value_index
Create Date: 2026-12-07 01:30:00.000000

The facts table's search looked in the subject (with its aliases), the property, the value as shown
and the evidence quotes, but not in the note a curator writes on a fact ("figure from the draft;
check against the final text"), which is where they look for it again. The search index gains each
fact's note. How is the engine's (`SearchIndex.add_notes_field`): SQLite's FTS5 table cannot add a
column, so it is made again from its own content (a generated 100k base: 1.1 s of CPU, 4.8 s wall on
a shared 2-core machine; it grows with the facts); PostgreSQL's tsvectors gain the notes' words.

The downgrade leaves the index as it is: code before this step names the columns it writes, so an
index with a `notes` field serves it unchanged, and upgrading again fills the notes in afresh.
"""

from collections.abc import Sequence

from alembic import op

from kzeu_desk.core.storage import engine_of

revision: str = '0010_searchable_notes'
down_revision: str | None = '0009_rescan_value_index'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    engine_of(op.get_bind()).search.add_notes_field(op.get_bind())


def downgrade() -> None:
    pass
