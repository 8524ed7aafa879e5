"""initial schema

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-22 20:35:08.852846
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel.sql.sqltypes.AutoString() without importing sqlmodel
from alembic import op

from kzeu_desk.core.storage import engine_of


revision: str = '0001_initial'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    op.create_table('app_meta',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('entity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('external_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name'),
    sqlite_autoincrement=True
    )
    op.create_table('operation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reverts_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['reverts_id'], ['operation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_table('property',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('single_valued', sa.Boolean(), nullable=False),
    sa.Column('default_unit', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('tolerance', sa.Float(), nullable=True),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('wikidata_pid', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("value_kind IN ('entity', 'date', 'quantity', 'money', 'percent', 'text')", name='ck_value_kind_known'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key'),
    sa.UniqueConstraint('name'),
    sqlite_autoincrement=True
    )
    op.create_table('source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('publisher', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('published', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text_sha256', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('char_count', sa.Integer(), nullable=False),
    sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('encoding', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('imported_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('imported_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_text_sha256'), ['text_sha256'], unique=False)

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('before', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('after', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['operation_id'], ['operation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index('ix_audit_target', ['target_type', 'target_id', 'id'], unique=False)

    op.create_table('conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('signature', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('property_id', sa.Integer(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('explanation', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('members_fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('resolution', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('rationale', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('resolved_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('resolved_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("rule IN ('value', 'declared', 'manual')", name='ck_rule_known'),
    sa.CheckConstraint("status IN ('open', 'resolved', 'dismissed')", name='ck_status_known'),
    sa.ForeignKeyConstraint(['property_id'], ['property.id'], ),
    sa.ForeignKeyConstraint(['subject_id'], ['entity.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('signature'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.create_index('ix_conflict_status', ['status', 'id'], unique=False)

    op.create_table('entity_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('alias', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('alias_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entity_id', 'alias'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('entity_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entity_alias_alias_key'), ['alias_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_entity_alias_entity_id'), ['entity_id'], unique=False)

    op.create_table('fact',
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
    sa.CheckConstraint("value_kind IN ('entity', 'date', 'quantity', 'money', 'percent', 'text')", name='ck_value_kind_known'),
    sa.ForeignKeyConstraint(['property_id'], ['property.id'], ),
    sa.ForeignKeyConstraint(['subject_id'], ['entity.id'], ),
    sa.ForeignKeyConstraint(['value_entity_id'], ['entity.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('fact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fact_property_id'), ['property_id'], unique=False)
        batch_op.create_index('ix_fact_subject_property', ['subject_id', 'property_id', 'status', 'value_kind', 'value_amount', 'value_date'], unique=False)
        batch_op.create_index('ix_fact_updated', ['updated_at', 'id'], unique=False)

    op.create_table('conflict_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conflict_id', sa.Integer(), nullable=False),
    sa.Column('fact_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['conflict_id'], ['conflict.id'], ),
    sa.ForeignKeyConstraint(['fact_id'], ['fact.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conflict_id', 'fact_id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('conflict_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_member_fact_id'), ['fact_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fact_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prefix', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('suffix', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('source_sha256', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint('start >= 0 AND "end" > start', name='ck_evidence_span'),
    sa.ForeignKeyConstraint(['fact_id'], ['fact.id'], ),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_fact_id'), ['fact_id'], unique=False)
        batch_op.create_index('ix_evidence_source_span', ['source_id', 'start', 'end'], unique=False)

    op.create_table('fact_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_fact_id', sa.Integer(), nullable=False),
    sa.Column('to_fact_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("kind IN ('supports', 'contradicts', 'duplicate_of', 'derived_from', 'related')", name='ck_kind_known'),
    sa.CheckConstraint('from_fact_id <> to_fact_id', name='ck_link_not_self'),
    sa.ForeignKeyConstraint(['from_fact_id'], ['fact.id'], ),
    sa.ForeignKeyConstraint(['to_fact_id'], ['fact.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('from_fact_id', 'to_fact_id', 'kind'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('fact_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fact_link_from_fact_id'), ['from_fact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fact_link_to_fact_id'), ['to_fact_id'], unique=False)
    engine_of(op.get_bind()).search.create(op.get_bind())


def downgrade() -> None:
    engine_of(op.get_bind()).search.drop(op.get_bind())
    
    with op.batch_alter_table('fact_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fact_link_to_fact_id'))
        batch_op.drop_index(batch_op.f('ix_fact_link_from_fact_id'))

    op.drop_table('fact_link')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index('ix_evidence_source_span')
        batch_op.drop_index(batch_op.f('ix_evidence_fact_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('conflict_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_member_fact_id'))

    op.drop_table('conflict_member')
    with op.batch_alter_table('fact', schema=None) as batch_op:
        batch_op.drop_index('ix_fact_updated')
        batch_op.drop_index('ix_fact_subject_property')
        batch_op.drop_index(batch_op.f('ix_fact_property_id'))

    op.drop_table('fact')
    with op.batch_alter_table('entity_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entity_alias_entity_id'))
        batch_op.drop_index(batch_op.f('ix_entity_alias_alias_key'))

    op.drop_table('entity_alias')
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_conflict_status')

    op.drop_table('conflict')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_target')
        batch_op.drop_index(batch_op.f('ix_audit_event_operation_id'))

    op.drop_table('audit_event')
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_text_sha256'))

    op.drop_table('source')
    op.drop_table('property')
    op.drop_table('operation')
    op.drop_table('entity')
    op.drop_table('app_meta')
    
