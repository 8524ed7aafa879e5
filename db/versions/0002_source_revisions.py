"""source revisions and evidence anchors

Revision ID: 0002_source_revisions
Revises: 0001_initial
Create Date: 2026-11-22 21:38:43.540737

Generated with `python -m kzeu_desk.core.migrations revision`, then reviewed:
* autogenerate also proposed dropping the FTS5 search index's tables (it does not know them) —
  removed; the search index is untouched;
* autogenerate cannot see CHECK constraints; they are stated here;
* the evidence table is rebuilt (SQLite cannot add a constraint in place) from an explicit
  definition rather than by reflection, so AUTOINCREMENT and every named constraint survive, and
  its id counter is carried over: undo re-inserts deleted rows under their old ids, so an id that
  was ever handed out must never be handed out again;
* other engines (PostgreSQL) add the columns and constraints in place: nothing is rebuilt and the
  id sequence is untouched. (This engine condition was added after the step landed; what it does
  on SQLite did not change.)

Existing evidence becomes "exact" in revision 1, which every existing source is at.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel.sql.sqltypes.AutoString() without importing sqlmodel
from alembic import op

from kzeu_desk.core.storage import engine_of


revision: str = '0002_source_revisions'
down_revision: str | None = '0001_initial'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ANCHOR_STATES = "anchor_state IN ('exact', 'moved', 'fuzzy', 'orphaned')"
_ANCHOR_SCORE = "anchor_score IS NULL OR (anchor_score >= 0 AND anchor_score <= 1)"
_CONFIRMED_REVISION = "confirmed_revision >= 1"


def upgrade() -> None:
    op.create_table('source_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text_sha256', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('char_count', sa.Integer(), nullable=False),
    sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('encoding', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('imported_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('imported_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('superseded_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('superseded_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint('number >= 1', name='ck_source_revision_number'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'number'),
    sqlite_autoincrement=True
    )
    with _id_counter_kept("evidence"), op.batch_alter_table('evidence', **_rebuilt(_evidence_table(with_anchors=False))) as batch_op:
        batch_op.add_column(sa.Column('anchor_state', sqlmodel.sql.sqltypes.AutoString(), server_default='exact', nullable=False))
        batch_op.add_column(sa.Column('anchor_score', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('confirmed_revision', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('previous_revision', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('previous_start', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('previous_end', sa.Integer(), nullable=True))
        batch_op.create_check_constraint('ck_anchor_state_known', _ANCHOR_STATES)
        batch_op.create_check_constraint('ck_evidence_anchor_score', _ANCHOR_SCORE)
        batch_op.create_check_constraint('ck_evidence_confirmed_revision', _CONFIRMED_REVISION)
        batch_op.create_index('ix_evidence_anchor_state', ['anchor_state', 'source_id'], unique=False)


def downgrade() -> None:
    # The older schema has nowhere to keep superseded texts, and its invariant says every quote is
    # in its source's text. Each superseded revision therefore becomes a source of its own, and
    # evidence orphaned in that revision points at it: no text and no evidence is lost.
    _keep_superseded_revisions_as_sources()
    with _id_counter_kept("evidence"), op.batch_alter_table('evidence', **_rebuilt(_evidence_table(with_anchors=True))) as batch_op:
        batch_op.drop_index('ix_evidence_anchor_state')
        batch_op.drop_constraint('ck_evidence_confirmed_revision', type_='check')
        batch_op.drop_constraint('ck_evidence_anchor_score', type_='check')
        batch_op.drop_constraint('ck_anchor_state_known', type_='check')
        batch_op.drop_column('previous_end')
        batch_op.drop_column('previous_start')
        batch_op.drop_column('previous_revision')
        batch_op.drop_column('confirmed_revision')
        batch_op.drop_column('anchor_score')
        batch_op.drop_column('anchor_state')
    op.drop_table('source_revision')


def _rebuilt(definition: sa.Table) -> dict:
    """On SQLite, which cannot add a constraint in place, batch mode rebuilds the table from its
    explicit definition; other engines alter it in place (and keep its id sequence as it is)."""
    if op.get_bind().dialect.name != "sqlite":
        return {}
    return {"copy_from": definition, "recreate": "always"}


def _evidence_table(*, with_anchors: bool) -> sa.Table:
    """The evidence table as it stands before this step (upgrade) or after it (downgrade)."""
    anchors = [
        sa.Column('anchor_state', sqlmodel.sql.sqltypes.AutoString(), server_default='exact', nullable=False),
        sa.Column('anchor_score', sa.Float(), nullable=True),
        sa.Column('confirmed_revision', sa.Integer(), server_default='1', nullable=False),
        sa.Column('previous_revision', sa.Integer(), nullable=True),
        sa.Column('previous_start', sa.Integer(), nullable=True),
        sa.Column('previous_end', sa.Integer(), nullable=True),
        sa.CheckConstraint(_ANCHOR_STATES, name='ck_anchor_state_known'),
        sa.CheckConstraint(_ANCHOR_SCORE, name='ck_evidence_anchor_score'),
        sa.CheckConstraint(_CONFIRMED_REVISION, name='ck_evidence_confirmed_revision'),
        sa.Index('ix_evidence_anchor_state', 'anchor_state', 'source_id'),
    ] if with_anchors else []
    return sa.Table(
        'evidence', sa.MetaData(),
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
        *anchors,
        sa.CheckConstraint('start >= 0 AND "end" > start', name='ck_evidence_span'),
        sa.ForeignKeyConstraint(['fact_id'], ['fact.id'], ),
        sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.Index('ix_evidence_fact_id', 'fact_id'),
        sa.Index('ix_evidence_source_span', 'source_id', 'start', 'end'),
        sqlite_autoincrement=True,
    )


@contextmanager
def _id_counter_kept(table_name: str) -> Iterator[None]:
    """Rebuilding a table restarts its AUTOINCREMENT counter at the highest id still present;
    ids of deleted rows (which undo may bring back) must stay taken."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":  # altered in place: the sequence never moved
        yield
        return
    engine = engine_of(bind)
    counter = engine.highest_reserved_id(bind, table_name)
    yield
    if counter is not None:
        engine.reserve_ids(bind, table_name, counter)


def _keep_superseded_revisions_as_sources() -> None:
    bind = op.get_bind()
    revisions = bind.execute(sa.text("""
        SELECT r.*, s.title, s.publisher, s.author, s.url, s.published, s.language
        FROM source_revision r JOIN source s ON s.id = r.source_id
        ORDER BY r.source_id, r.number
    """)).mappings().all()
    # SQLite's driver reports the new row's id itself; other engines are asked with RETURNING.
    returning = "" if bind.dialect.name == "sqlite" else " RETURNING id"
    for revision in revisions:
        inserted = bind.execute(sa.text("""
            INSERT INTO source (title, publisher, author, url, published, language, text, text_sha256,
                                char_count, file_name, encoding, note, imported_at, imported_by)
            VALUES (:title, :publisher, :author, :url, :published, :language, :text, :text_sha256,
                    :char_count, :file_name, :encoding, :note, :imported_at, :imported_by)
        """ + returning), {
            **revision,
            "title": f"{revision['title']} (revision {revision['number']})",
            "note": f"Revision {revision['number']} of source {revision['source_id']}, superseded on "
                    f"{revision['superseded_at']}; kept as a source of its own when the fact base was "
                    "downgraded.",
        })
        new_source_id = inserted.lastrowid if not returning else inserted.scalar_one()
        bind.execute(sa.text("""
            UPDATE evidence SET source_id = :new_source_id
            WHERE source_id = :source_id AND confirmed_revision = :number AND anchor_state = 'orphaned'
        """), {"new_source_id": new_source_id, "source_id": revision["source_id"], "number": revision["number"]})
