"""date range and count values

Revision ID: 0004_date_range_and_count_values
Revises: 0003_query_indexes
Create Date: 2026-12-05 13:30:00.000000

Two value kinds join the six of 0001: `date_range` ("held on 3–4 June 2019": first day in
value_date, last day in the new value_date_end) and `count` ("twelve member states": a whole
number, its unit naming what is counted). Both the fact and the property table carry the
`ck_value_kind_known` CHECK constraint that lists the kinds.

Written by hand, reviewed against autogenerate:
* SQLite cannot change a CHECK constraint in place, so on SQLite both tables are rebuilt from an
  explicit definition of how they stand at 0003 (not by reflection: reflection loses
  AUTOINCREMENT and the expression indexes). Their id counters are carried over — undo re-inserts
  deleted rows under their old ids, so an id once handed out is never handed out again. The
  migration runs with foreign keys checked at its end (core/storage/sqlite/engine.py, migration_transaction):
  dropping a parent table row by row would otherwise fail on every fact pointing at it.
* the facts table's three sort-order indexes are expressions; batch mode cannot carry them across
  a rebuild, so they are dropped before and created again after it, word for word as in 0003;
* the rebuild took 0.8 s at 100k facts and 9.8 s at 1M (400 MB file, 2 cores), once, after the
  backup every migration takes;
* other engines change the constraint and add the column in place, rebuilding nothing.
No row changes: existing facts keep their kinds, and value_date_end starts empty.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel.sql.sqltypes.AutoString() without importing it
from alembic import op

from kzeu_desk.core.storage import engine_of


revision: str = '0004_date_range_and_count_values'
down_revision: str | None = '0003_query_indexes'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS_BEFORE = "value_kind IN ('entity', 'date', 'quantity', 'money', 'percent', 'text')"
_KINDS_AFTER = ("value_kind IN ('entity', 'date', 'date_range', 'quantity', 'count', 'money', 'percent', "
                "'text')")

# The facts table's sort-order indexes as 0003 made them (core/fact_listing.py's sort expressions).
_STATUS_ORDER = ("CASE status WHEN 'draft' THEN 0 WHEN 'confirmed' THEN 1 WHEN 'disputed' THEN 2 "
                 "WHEN 'rejected' THEN 3 ELSE 4 END")
_RANK_ORDER = "CASE rank WHEN 'preferred' THEN 0 WHEN 'normal' THEN 1 WHEN 'deprecated' THEN 2 ELSE 3 END"
_EXPRESSION_INDEXES = {
    'ix_fact_status_order': [sa.text(_STATUS_ORDER), 'id'],
    'ix_fact_rank_order': [sa.text(_RANK_ORDER), 'id'],
    'ix_fact_value_order': ['value_kind', sa.text("coalesce(value_date, '')"), sa.text("coalesce(value_amount, -9e999)"),
                            sa.text("coalesce(value_text, '')"), 'id'],
}


def upgrade() -> None:
    _change_kinds(before=_KINDS_BEFORE, after=_KINDS_AFTER, add_date_end=True)


def downgrade() -> None:
    # The older schema has no place for these values. Rather than lose a curator's facts, a date
    # range keeps its first day as a date and a count becomes a quantity of the same unit; the last
    # day of a range is kept in the fact's note.
    bind = op.get_bind()
    bind.execute(sa.text("""
        UPDATE fact SET value_kind = 'date',
               note = trim(coalesce(note || ' ', '') || '(Until ' || value_date_end || '.)')
        WHERE value_kind = 'date_range' AND value_date_end IS NOT NULL
    """))
    bind.execute(sa.text("UPDATE fact SET value_kind = 'date' WHERE value_kind = 'date_range'"))
    bind.execute(sa.text("UPDATE fact SET value_kind = 'quantity' WHERE value_kind = 'count'"))
    bind.execute(sa.text("UPDATE property SET value_kind = 'date' WHERE value_kind = 'date_range'"))
    bind.execute(sa.text("UPDATE property SET value_kind = 'quantity' WHERE value_kind = 'count'"))
    _change_kinds(before=_KINDS_AFTER, after=_KINDS_BEFORE, add_date_end=False)


def _change_kinds(*, before: str, after: str, add_date_end: bool) -> None:
    rebuild = op.get_bind().dialect.name == "sqlite"
    batch_options = {"recreate": "always"} if rebuild else {}
    with _id_counter_kept("property", rebuild), op.batch_alter_table(
        'property', copy_from=_property_table(before) if rebuild else None, **batch_options
    ) as batch_op:
        batch_op.drop_constraint('ck_value_kind_known', type_='check')
        batch_op.create_check_constraint('ck_value_kind_known', after)

    if rebuild:
        for name in _EXPRESSION_INDEXES:
            op.drop_index(name, table_name='fact')
    with _id_counter_kept("fact", rebuild), op.batch_alter_table(
        'fact', copy_from=_fact_table(before, with_date_end=not add_date_end) if rebuild else None, **batch_options
    ) as batch_op:
        batch_op.drop_constraint('ck_value_kind_known', type_='check')
        batch_op.create_check_constraint('ck_value_kind_known', after)
        if add_date_end:
            batch_op.add_column(sa.Column('value_date_end', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        else:
            batch_op.drop_column('value_date_end')
    if rebuild:
        for name, expressions in _EXPRESSION_INDEXES.items():
            op.create_index(name, 'fact', expressions, unique=False)


def _property_table(kinds: str) -> sa.Table:
    """The property table as 0001 made it (0002 and 0003 left it alone), with these kinds."""
    return sa.Table(
        'property', sa.MetaData(),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('value_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('single_valued', sa.Boolean(), nullable=False),
        sa.Column('default_unit', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('tolerance', sa.Float(), nullable=True),
        sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('wikidata_pid', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.CheckConstraint(kinds, name='ck_value_kind_known'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
        sa.UniqueConstraint('name'),
        sqlite_autoincrement=True,
    )


def _fact_table(kinds: str, *, with_date_end: bool) -> sa.Table:
    """The fact table as 0003 left it (plus value_date_end when downgrading), without the three
    expression indexes, which are handled around the rebuild."""
    date_end = [sa.Column('value_date_end', sqlmodel.sql.sqltypes.AutoString(), nullable=True)] if with_date_end else []
    return sa.Table(
        'fact', sa.MetaData(),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('subject_id', sa.Integer(), nullable=True),
        sa.Column('property_id', sa.Integer(), nullable=True),
        sa.Column('value_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('value_amount', sa.Float(), nullable=True),
        sa.Column('value_lower', sa.Float(), nullable=True),
        sa.Column('value_upper', sa.Float(), nullable=True),
        sa.Column('value_approximate', sa.Boolean(), nullable=False),
        sa.Column('value_unit', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('value_date', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        *date_end,
        sa.Column('value_entity_id', sa.Integer(), nullable=True),
        sa.Column('value_text', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('point_in_time', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('start_time', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('end_time', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('scope_note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('rank', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.CheckConstraint("rank IN ('preferred', 'normal', 'deprecated')", name='ck_rank_known'),
        sa.CheckConstraint("status IN ('draft', 'confirmed', 'disputed', 'rejected')", name='ck_status_known'),
        sa.CheckConstraint(kinds, name='ck_value_kind_known'),
        sa.ForeignKeyConstraint(['property_id'], ['property.id'], ),
        sa.ForeignKeyConstraint(['subject_id'], ['entity.id'], ),
        sa.ForeignKeyConstraint(['value_entity_id'], ['entity.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.Index('ix_fact_property_id', 'property_id'),
        sa.Index('ix_fact_subject_property',
                 'subject_id', 'property_id', 'status', 'value_kind', 'value_amount', 'value_date'),
        sa.Index('ix_fact_updated', 'updated_at', 'id'),
        sa.Index('ix_fact_key_scope',
                 'subject_id', 'property_id', 'status', 'rank', 'point_in_time', 'start_time', 'end_time'),
        sa.Index('ix_fact_status', 'status', 'id'),
        sqlite_autoincrement=True,
    )


@contextmanager
def _id_counter_kept(table_name: str, rebuild: bool) -> Iterator[None]:
    """Rebuilding a table restarts its AUTOINCREMENT counter at the highest id still present;
    ids of deleted rows (which undo may bring back) must stay taken."""
    if not rebuild:
        yield
        return
    bind = op.get_bind()
    engine = engine_of(bind)
    counter = engine.highest_reserved_id(bind, table_name)
    yield
    if counter is not None:
        engine.reserve_ids(bind, table_name, counter)
