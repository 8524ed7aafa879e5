"""indexes for the conflict re-scan and the facts table

Revision ID: 0003_query_indexes
Revises: 0002_source_revisions
Create Date: 2026-11-23 00:03:16.326268

Generated with `python -m kzeu_desk.core.migrations revision`, then reviewed:
* autogenerate skips expression indexes on SQLite (it cannot reflect them, and warns); the three
  sort-order indexes of the facts table are stated here. Their expressions are the facts table's
  sort expressions (core/fact_listing.py) as they were at this revision, written out rather than
  imported, so this step keeps doing what it did when the models move on;
* plain CREATE INDEX: nothing is rebuilt, no data changes, and the downgrade only drops them;
* the value order's "below every amount" is -9e999 on SQLite; on PostgreSQL, which refuses that
  literal, the engine's own minus infinity (added after the step landed; SQLite's index is as it was).

What each index is for (measured at 100k facts, docs/PERFORMANCE.md):
* ix_conflict_rule_key — every conflict check looks a key's conflicts up by (rule, subject,
  property), which scanned the whole conflict table;
* ix_fact_key_scope — the full re-scan's GROUP BY reads only this index (0.31 → 0.08 s);
* ix_fact_status — the facts table's status filter: count and pages by (status, id);
* ix_fact_status_order, ix_fact_rank_order, ix_fact_value_order — the status, rank and value
  sorts of the facts table come out of an index in order instead of sorting every fact per page.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kzeu_desk.core.storage import engine_of


revision: str = '0003_query_indexes'
down_revision: str | None = '0002_source_revisions'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUS_ORDER = ("CASE status WHEN 'draft' THEN 0 WHEN 'confirmed' THEN 1 WHEN 'disputed' THEN 2 "
                 "WHEN 'rejected' THEN 3 ELSE 4 END")
_RANK_ORDER = "CASE rank WHEN 'preferred' THEN 0 WHEN 'normal' THEN 1 WHEN 'deprecated' THEN 2 ELSE 3 END"


def upgrade() -> None:
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.create_index('ix_conflict_rule_key', ['rule', 'subject_id', 'property_id'], unique=False)

    with op.batch_alter_table('fact', schema=None) as batch_op:
        batch_op.create_index('ix_fact_key_scope', ['subject_id', 'property_id', 'status', 'rank', 'point_in_time', 'start_time', 'end_time'], unique=False)
        batch_op.create_index('ix_fact_status', ['status', 'id'], unique=False)
        batch_op.create_index('ix_fact_status_order', [sa.text(_indexed(_STATUS_ORDER)), 'id'], unique=False)
        batch_op.create_index('ix_fact_rank_order', [sa.text(_indexed(_RANK_ORDER)), 'id'], unique=False)
        batch_op.create_index('ix_fact_value_order', [
            'value_kind', sa.text("coalesce(value_date, '')"), sa.text(f"coalesce(value_amount, {_minus_infinity()})"),
            sa.text("coalesce(value_text, '')"), 'id'], unique=False)


def _indexed(expression: str) -> str:
    """PostgreSQL indexes an expression other than a function call only in parentheses."""
    return expression if op.get_bind().dialect.name == "sqlite" else f"({expression})"


def _minus_infinity() -> str:
    """SQLite reads -9e999 as minus infinity; PostgreSQL refuses the literal as out of range and
    spells it its own way (the storage engine's `minus_infinity`, as the listing's sort does)."""
    bind = op.get_bind()
    return "-9e999" if bind.dialect.name == "sqlite" else engine_of(bind).sql.minus_infinity()


def downgrade() -> None:
    with op.batch_alter_table('fact', schema=None) as batch_op:
        batch_op.drop_index('ix_fact_value_order')
        batch_op.drop_index('ix_fact_rank_order')
        batch_op.drop_index('ix_fact_status_order')
        batch_op.drop_index('ix_fact_status')
        batch_op.drop_index('ix_fact_key_scope')

    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_conflict_rule_key')
