"""dismissed candidates

Revision ID: 0006_dismissed_candidates
Revises: 0005_document_pages_and_originals
Create Date: 2026-12-05 14:15:08.925168

Generated with `python -m kzeu_desk.core.migrations revision`, then reviewed. One new table, no
row changes: `dismissed_candidate` keeps the figures and dates of a source that a curator judged
not to be facts, so the Candidates pane leaves them out for everyone sharing the fact base.
A dismissal names its span (code points, as evidence) and the words there; it goes with its source
(ON DELETE CASCADE). Ids are never reused (AUTOINCREMENT): undo re-inserts a row under its old id.
The downgrade drops the table: the older schema has nowhere to keep dismissals, and losing them
only brings those candidates back into the list.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel.sql.sqltypes.AutoString() (docs/ARCHITECTURE.md, trap 12)
from alembic import op


revision: str = '0006_dismissed_candidates'
down_revision: str | None = '0005_document_pages_and_originals'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('dismissed_candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('dismissed_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('dismissed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint('start >= 0 AND "end" > start', name='ck_dismissed_candidate_span'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'start', 'end'),
    sqlite_autoincrement=True
    )


def downgrade() -> None:
    op.drop_table('dismissed_candidate')
