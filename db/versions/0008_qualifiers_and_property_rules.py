"""qualifiers and property rules

Revision ID: 0008_qualifiers_and_property_rules
Revises: 0007_evidence_number_changed
Create Date: 2026-12-08 10:00:00.000000

Curators own their schema (issue 16):
* `fact_qualifier`: any number of (qualifier property, typed value) pairs per fact, beside its
  point in time, start, end and scope note ("partner: China"). The value columns are the fact's
  own, with the same `ck_value_kind_known` list of kinds.
* `property_separator`: the qualifiers whose values separate a single-valued property's values
  (Wikibase's single-value constraint with separators): facts that differ in one do not conflict.
* property gains `allowed_units` (a JSON array of unit strings; empty means any unit),
  `subject_kind` (the entity kind its subjects should have) and `deprecated`.

Only new tables and new nullable (or defaulted) columns: nothing is rebuilt, so the step is the
same on every engine and takes milliseconds at any size (after the backup every migration takes).
Existing rows are not changed.

The downgrade keeps what a curator wrote: each fact's qualifiers are appended to its note
("(Qualifiers: partner: China.)") before the table goes, and the property columns are dropped
with `ALTER TABLE ... DROP COLUMN` (SQLite 3.35 and later, and PostgreSQL, do this in place).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel.sql.sqltypes.AutoString() without importing it
from alembic import op


revision: str = '0008_qualifiers_and_property_rules'
down_revision: str | None = '0007_evidence_number_changed'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = ("value_kind IN ('entity', 'date', 'date_range', 'quantity', 'count', 'money', 'percent', "
          "'text')")


def upgrade() -> None:
    op.add_column('property', sa.Column('allowed_units', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.add_column('property', sa.Column('subject_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.add_column('property', sa.Column('deprecated', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        'property_separator',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('property_id', sa.Integer(), nullable=False),
        sa.Column('qualifier_property_id', sa.Integer(), nullable=False),
        sa.CheckConstraint('property_id <> qualifier_property_id', name='ck_separator_not_self'),
        sa.ForeignKeyConstraint(['property_id'], ['property.id'], ),
        sa.ForeignKeyConstraint(['qualifier_property_id'], ['property.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('property_id', 'qualifier_property_id'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_property_separator_property_id', 'property_separator', ['property_id'], unique=False)
    op.create_index('ix_property_separator_qualifier_property_id', 'property_separator', ['qualifier_property_id'],
                    unique=False)
    op.create_table(
        'fact_qualifier',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fact_id', sa.Integer(), nullable=False),
        sa.Column('property_id', sa.Integer(), nullable=False),
        sa.Column('value_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('value_amount', sa.Float(), nullable=True),
        sa.Column('value_lower', sa.Float(), nullable=True),
        sa.Column('value_upper', sa.Float(), nullable=True),
        sa.Column('value_approximate', sa.Boolean(), nullable=False),
        sa.Column('value_unit', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('value_date', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('value_date_end', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('value_entity_id', sa.Integer(), nullable=True),
        sa.Column('value_text', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.CheckConstraint(_KINDS, name='ck_value_kind_known'),
        sa.ForeignKeyConstraint(['fact_id'], ['fact.id'], ),
        sa.ForeignKeyConstraint(['property_id'], ['property.id'], ),
        sa.ForeignKeyConstraint(['value_entity_id'], ['entity.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_fact_qualifier_fact_id', 'fact_qualifier', ['fact_id'], unique=False)
    op.create_index('ix_fact_qualifier_property_id', 'fact_qualifier', ['property_id'], unique=False)
    op.create_index('ix_fact_qualifier_value_entity_id', 'fact_qualifier', ['value_entity_id'], unique=False)


def downgrade() -> None:
    _keep_qualifiers_in_notes()
    for name in ('ix_fact_qualifier_value_entity_id', 'ix_fact_qualifier_property_id', 'ix_fact_qualifier_fact_id'):
        op.drop_index(name, table_name='fact_qualifier')
    op.drop_table('fact_qualifier')
    op.drop_index('ix_property_separator_qualifier_property_id', table_name='property_separator')
    op.drop_index('ix_property_separator_property_id', table_name='property_separator')
    op.drop_table('property_separator')
    for column in ('deprecated', 'subject_kind', 'allowed_units'):
        op.drop_column('property', column)


def _keep_qualifiers_in_notes() -> None:
    """Append each fact's qualifiers to its note, so a downgrade loses no statement a curator made."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("""
        SELECT q.fact_id, p.name, q.value_kind, q.value_amount, q.value_lower, q.value_upper, q.value_unit,
               q.value_date, q.value_date_end, e.name AS entity_name, q.value_text
        FROM fact_qualifier q JOIN property p ON p.id = q.property_id
        LEFT JOIN entity e ON e.id = q.value_entity_id
        ORDER BY q.fact_id, q.id
    """)).mappings().all()
    by_fact: dict[int, list[str]] = {}
    for row in rows:
        by_fact.setdefault(row["fact_id"], []).append(f"{row['name']}: {_plain_value(row)}")
    for fact_id, pairs in by_fact.items():
        note = bind.execute(sa.text("SELECT note FROM fact WHERE id = :id"), {"id": fact_id}).scalar()
        added = f"(Qualifiers: {'; '.join(pairs)}.)"
        bind.execute(sa.text("UPDATE fact SET note = :note WHERE id = :id"),
                     {"note": f"{note} {added}" if note else added, "id": fact_id})


def _plain_value(row: sa.RowMapping) -> str:
    kind = row["value_kind"]
    if kind == "entity":
        return row["entity_name"] or "?"
    if kind == "text":
        return row["value_text"] or ""
    if kind in ("date", "date_range"):
        return row["value_date"] + (f" to {row['value_date_end']}" if row["value_date_end"] else "")
    amounts = [f"{x:g}" for x in (row["value_amount"], row["value_lower"], row["value_upper"]) if x is not None]
    return " ".join([amounts[0] if amounts else "?", *([row["value_unit"]] if row["value_unit"] else [])])
