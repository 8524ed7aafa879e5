"""evidence flag for a changed figure

Revision ID: 0007_evidence_number_changed
Revises: 0006_dismissed_candidates
Create Date: 2026-12-05 16:00:00.000000

A fuzzy match whose figures differ from the quote it was placed from ("almost US$77 billion" found
as "almost US$78 billion") is a change of content: it waits in Evidence to check whatever its score,
and every export says so. Until now the review queue worked this out on each read by comparing the
quote with the old revision's text; a column records it where re-anchoring decides it, so exports
and other tools can read it without the old texts.

Written by hand, reviewed against autogenerate:
* a plain ADD COLUMN with a default: nothing is rebuilt (the evidence table holds 1.16M rows at 1M
  facts), on SQLite as on other engines;
* fuzzy evidence already in the fact base gets the flag the review queue gave it: the figures of
  its quote compared with those of the span it was placed from, by the rule the queue used (runs of
  digits with their decimal and thousands separators, in order);
* the downgrade drops the column (SQLite 3.35 and later drop a plain column in place); the queue
  of the older version works the flag out again from the texts.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007_evidence_number_changed'
down_revision: str | None = '0006_dismissed_candidates'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The review queue's rule before this step (core/reanchor.py at 0006), written out so this step keeps
# doing what it did when the code moves on.
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def upgrade() -> None:
    op.add_column('evidence', sa.Column('number_changed', sa.Boolean(), server_default=sa.false(), nullable=False))
    bind = op.get_bind()
    fuzzy = bind.execute(sa.text("""
        SELECT e.id, e.quote, e.source_id, e.previous_revision, e.previous_start, e.previous_end, e.confirmed_revision
        FROM evidence e WHERE e.anchor_state = 'fuzzy' AND e.previous_revision IS NOT NULL
    """)).all()
    changed = []
    for evidence_id, quote, source_id, revision, start, end, confirmed in fuzzy:
        old_text = bind.execute(sa.text(
            "SELECT text FROM source_revision WHERE source_id = :source AND number = :number"),
            {"source": source_id, "number": revision}).scalar()
        if old_text is None and revision == confirmed:  # placed from the current text itself
            old_text = bind.execute(sa.text("SELECT text FROM source WHERE id = :source"), {"source": source_id}).scalar()
        if old_text is not None and _FIGURE.findall(old_text[start:end]) != _FIGURE.findall(quote):
            changed.append({"id": evidence_id})
    if changed:
        bind.execute(sa.text("UPDATE evidence SET number_changed = :flag WHERE id = :id"),
                     [{**row, "flag": True} for row in changed])


def downgrade() -> None:
    op.execute("ALTER TABLE evidence DROP COLUMN number_changed")
