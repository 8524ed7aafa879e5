"""the database keeps, per fact key, what the full re-scan's key filter reads

Revision ID: 0013_fact_key_summary
Revises: 0012_conflict_wording_watch
Create Date: 2026-12-07 07:10:00.000000

The full conflict re-scan starts from the keys (subject, property) whose facts may overlap in time:
two judged facts or more, of which one is not a bare valid point in time or two share a year. It
found them by grouping all of ix_fact_key_values (~1M rows at 1M facts) with a distinct count of
years and a valid-point test per row: ~0.55-0.59 s of the re-scan's ~1.3 s of CPU, the floor of
grouping alone ~0.4 s (docs/PERFORMANCE.md §26, §28). `fact_key_summary` holds one row per such
key (~40k of ~360k keys at 1M) and whether its judged facts are all bare valid points; the
re-scan reads it in ~0.035 s (conflicts.py, `_candidates_where_scopes_may_overlap`).

The database keeps it current itself (`StorageEngine.add_key_summary`), whatever writes the facts:
on SQLite a trigger per row inserted, deleted, or updated in the key, status, rank or scope, each
counting again the key its row left or joined through ix_fact_key_values; on PostgreSQL one trigger
per statement that counts again the keys of the statement's rows, set-based. The re-scan trusts the
table only while those triggers are in place (a later step that rebuilds the fact table on SQLite
drops them) and groups the facts otherwise. A bulk load into an empty fact base, which builds the
indexes after its rows, counts the table whole after them instead (`conflicts.key_summary_deferred`).

Written by hand: the table is derived data like an index, made here rather than by the models (it
is not copied between fact bases: the copy's triggers fill it). The step fills it from the facts
(timed at 1M in docs/PERFORMANCE.md §29); the downgrade drops the triggers and the table.
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from kzeu_desk.core.storage import engine_of

revision: str = '0013_fact_key_summary'
down_revision: str | None = '0012_conflict_wording_watch'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than read from conflicts.py, so this step keeps doing what it did when it moves on.
_NAME = 'fact_key_summary'
_READ = ['subject_id', 'property_id', 'status', 'rank', 'point_in_time', 'start_time', 'end_time']


def _rows(is_iso_date: str) -> str:
    bare = f"f.start_time IS NULL AND f.end_time IS NULL AND {is_iso_date}"
    return f"""
        SELECT f.subject_id, f.property_id,
               CASE WHEN sum(CASE WHEN {bare} THEN 1 ELSE 0 END) = count(*) THEN 1 ELSE 0 END AS bare_points
        FROM fact f
        WHERE f.subject_id IS NOT NULL AND f.property_id IS NOT NULL AND f.status <> 'rejected'
              AND f.rank <> 'deprecated' AND ({{keys}})
        GROUP BY f.subject_id, f.property_id
        HAVING count(*) > 1 AND NOT (
            count(DISTINCT substr(f.point_in_time, 1, 4)) = count(*)
            AND sum(CASE WHEN {bare} THEN 1 ELSE 0 END) = count(*))"""


def upgrade() -> None:
    bind = op.get_bind()
    engine = engine_of(bind)
    # A plain table with the same definition on both engines (no engine-specific storage options, which tools
    # reading every table the same way would trip on):
    # ~40k rows at 1M facts, read whole by the re-scan and by key by the triggers.
    op.execute(f"CREATE TABLE {_NAME} (subject_id INTEGER NOT NULL, property_id INTEGER NOT NULL, "
               f"bare_points INTEGER NOT NULL, PRIMARY KEY (subject_id, property_id))")
    rows = _rows(engine.sql.is_iso_date('f.point_in_time'))
    bind.execute(text(f"INSERT INTO {_NAME} (subject_id, property_id, bare_points) {rows.replace('{keys}', '1 = 1')}"))
    engine.add_key_summary(bind, _NAME, _NAME, rows, _READ)


def downgrade() -> None:
    bind = op.get_bind()
    engine_of(bind).drop_key_summary(bind, _NAME)
    op.execute(f"DROP TABLE {_NAME}")
