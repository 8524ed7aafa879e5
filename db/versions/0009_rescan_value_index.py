"""an index that answers the full conflict re-scan alone

Revision ID: 0009_rescan_value_index
Revises: 0008_qualifiers_and_property_rules
Create Date: 2026-12-06 20:00:00.000000

`ix_fact_key_scope` (0003) gave the re-scan's key filter (subject, property, status, rank and the
three scope columns); the re-scan then read each candidate's value columns from the table, ~120k
lookups at 1M facts. `ix_fact_key_values` holds the same columns, the scope first, and every value
column besides, so the re-scan reads nothing else: it can rule out in SQL the keys whose facts say
one value in each year (conflicts.py, `_candidates_where_scopes_may_overlap`), and the candidates
come from the index (docs/PERFORMANCE.md §14). It replaces `ix_fact_key_scope`, which nothing else
reads, so a load or an edit keeps the same number of indexes to write.

A plain DROP INDEX and CREATE INDEX on both engines: no data changes, and the downgrade puts the
old index back. Building it takes ~7 s at 1M facts (SQLite, shared 2-core machine). The value text
was already in an index (`ix_fact_value_order`, 0003), so PostgreSQL's limit on an index entry's
size (~2.7 kB) binds no new value.
"""

from collections.abc import Sequence

from alembic import op


revision: str = '0009_rescan_value_index'
down_revision: str | None = '0008_qualifiers_and_property_rules'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than read from the models, so this step keeps doing what it did when they move on.
_KEY_VALUES = ['subject_id', 'property_id', 'point_in_time', 'start_time', 'end_time', 'status', 'rank',
               'value_kind', 'value_amount', 'value_lower', 'value_upper', 'value_approximate', 'value_unit',
               'value_date', 'value_date_end', 'value_entity_id', 'value_text']
_KEY_SCOPE = ['subject_id', 'property_id', 'status', 'rank', 'point_in_time', 'start_time', 'end_time']


def upgrade() -> None:
    op.drop_index('ix_fact_key_scope', table_name='fact')
    op.create_index('ix_fact_key_values', 'fact', _KEY_VALUES, unique=False)


def downgrade() -> None:
    op.drop_index('ix_fact_key_values', table_name='fact')
    op.create_index('ix_fact_key_scope', 'fact', _KEY_SCOPE, unique=False)
