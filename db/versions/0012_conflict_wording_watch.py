"""the database itself notes when what the conflicts were worded from may have changed

Revision ID: 0012_conflict_wording_watch
Revises: 0011_conflict_worded_under
Create Date: 2026-12-07 04:30:00.000000

The full conflict re-scan reads, for every value conflict, what its explanation was made from as
it stands now (members, names, first sources and their details) to see whether the digest stored
with it (`conflict.worded_under`, 0011) still holds: ~0.37 s of its ~1.7 s of CPU at 1M facts,
to learn almost every time that nothing changed (docs/PERFORMANCE.md §21, §26). After a re-scan
the app keeps a row in app_meta (`conflicts_wording_unchanged`) naming which conflicts' digests
held when it ended; this step has the database delete that row whenever a row the digests read is
written, by this app or by anything else (another tool, a curator's SQL): inserted or deleted, or
updated in a column a digest reads. While the row is there the next re-scan need not read those
inputs again (conflicts.py, `_wording_unchanged`).

Watched: conflict and conflict_member (any change), property (any change: name, tolerance and the
value kind are read; the table holds ~60 rows), entity (its name), evidence (which fact and source
it joins: the first evidence of a fact is its least id) and source (the details a citation shows).
A fact's own columns are not watched: the re-scan compares each conflict's members' fingerprint
with the facts as they are, which every judged column (an entity value's id included) enters.

On SQLite, three triggers per table, each row written costing ~0.25 us more (a million evidence
rows: ~0.3 s beside a bulk load's ~170 s; loads and edits measured in docs/PERFORMANCE.md §26);
on PostgreSQL one trigger per table that runs once per statement. Both steps delete the row
itself: while stepped down nothing watches, so a row left from then would vouch for changes it
never saw.
"""

from collections.abc import Sequence

from alembic import op

from kzeu_desk.core.storage import engine_of

revision: str = '0012_conflict_wording_watch'
down_revision: str | None = '0011_conflict_worded_under'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than read from conflicts.py, so this step keeps doing what it did when it moves on.
_NAME = 'conflict_wording_watch'
_KEY = 'conflicts_wording_unchanged'
_WATCHED: dict[str, list[str] | None] = {
    'conflict': None,
    'conflict_member': None,
    'property': None,
    'entity': ['id', 'name'],
    'evidence': ['id', 'fact_id', 'source_id'],
    'source': ['id', 'title', 'publisher', 'author', 'published', 'url', 'file_name'],
}


def upgrade() -> None:
    bind = op.get_bind()
    op.execute(f"DELETE FROM app_meta WHERE key = '{_KEY}'")
    engine_of(bind).add_meta_watch(bind, _NAME, _KEY, _WATCHED)


def downgrade() -> None:
    bind = op.get_bind()
    engine_of(bind).drop_meta_watch(bind, _NAME, list(_WATCHED))
    op.execute(f"DELETE FROM app_meta WHERE key = '{_KEY}'")
