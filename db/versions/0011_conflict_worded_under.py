"""what each value conflict was judged and worded under

Revision ID: 0011_conflict_worded_under
Revises: 0010_searchable_notes
Create Date: 2026-12-07 01:40:00.000000

The full conflict re-scan rebuilt the explanation and the judgement of every value conflict it found
again, ~9.4k at 1M facts, to learn that almost none had changed (~0.8 s of its ~2.2 s of CPU,
docs/PERFORMANCE.md §18, §21). `conflict.worded_under` records a digest of what the conflict check
wrote the conflict from: the rules' revision, the property's tolerance, the subject's and the
property's names, each member's first source and that source's details, and the members'
fingerprint and the explanation as written (conflicts.py, `_worded_under`). The re-scan reads those
inputs as they stand now, for all conflicts at once, and passes over the conflicts whose digest
still holds.

Written by hand, reviewed against autogenerate: a plain ADD COLUMN without a default, nothing
rebuilt, on SQLite as on PostgreSQL. Existing rows stay NULL (a digest cannot be trusted for an
explanation this step did not write: it may be stale); the next check of each conflict fills it in.
The downgrade drops the column (SQLite 3.35 and later drop a plain column in place).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel.sql.sqltypes.AutoString() (docs/ARCHITECTURE.md, trap 12)
from alembic import op


revision: str = '0011_conflict_worded_under'
down_revision: str | None = '0010_searchable_notes'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('conflict', sa.Column('worded_under', sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE conflict DROP COLUMN worded_under")
