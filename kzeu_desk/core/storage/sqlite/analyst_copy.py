"""Preparing the `sqlite` export's staging copy: pruning it to the export's scope and adding the
analysts' views. The copy is always an SQLite file, whichever engine holds the fact base.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from kzeu_desk.core.pages import EVIDENCE_LAST_PAGE_SQL, EVIDENCE_PAGE_SQL
from kzeu_desk.core.storage.interface import StorageFailure
from kzeu_desk.core.storage.sqlite.search import SEARCH_TABLE

if TYPE_CHECKING:
    from kzeu_desk.core.export.scope import ExportScope

# Read-only conveniences over the base tables: one row per fact, evidence span, conflict, source,
# with names instead of ids. Views cost nothing to store and stay right if someone edits the copy.
def _value_text(row: str, entity: str) -> str:
    """A value's text in a view: the entity's name, the date (a range as ISO 8601's first/last),
    the text, or the stated amount."""
    return f"""CASE {row}.value_kind
                    WHEN 'entity' THEN coalesce({entity}.name, {row}.value_text)
                    WHEN 'date' THEN {row}.value_date
                    WHEN 'date_range' THEN {row}.value_date || '/' || {row}.value_date_end
                    WHEN 'text' THEN {row}.value_text
                    ELSE printf('%.15g', coalesce({row}.value_amount, {row}.value_lower, {row}.value_upper)) END"""


ANALYST_VIEWS: dict[str, str] = {
    "fact_overview": """
        SELECT f.id AS fact_id,
               subject.name AS subject,
               prop.name AS property,
               CASE WHEN f.value_lower IS NOT NULL AND f.value_upper IS NULL THEN 'more than'
                    -- With an amount beside it the ceiling is close below ("almost"); alone, "up to".
                    WHEN f.value_upper IS NOT NULL AND f.value_lower IS NULL AND f.value_amount IS NOT NULL THEN 'almost'
                    WHEN f.value_upper IS NOT NULL AND f.value_lower IS NULL THEN 'up to'
                    WHEN f.value_approximate THEN 'about' END AS qualifier,
               """ + _value_text("f", "value_entity") + """ AS value,
               f.value_unit AS unit,
               f.value_kind AS value_kind,
               f.value_lower AS lower_bound,
               f.value_upper AS upper_bound,
               f.point_in_time, f.start_time, f.end_time, f.scope_note,
               -- Its other qualifiers, "partner: China; determination method: customs statistics".
               (SELECT group_concat(qualifier || ': ' || value, '; ') FROM (
                    SELECT qp.name AS qualifier, """ + _value_text("q", "qe") + """ AS value
                    FROM fact_qualifier q JOIN property qp ON qp.id = q.property_id
                    LEFT JOIN entity qe ON qe.id = q.value_entity_id
                    WHERE q.fact_id = f.id ORDER BY q.id)) AS qualifiers,
               f.status, f.rank,
               (SELECT group_concat(title, ' | ') FROM (
                    SELECT DISTINCT s.title FROM evidence e JOIN source s ON s.id = e.source_id
                    WHERE e.fact_id = f.id ORDER BY s.title)) AS sources,
               (SELECT count(*) FROM evidence e WHERE e.fact_id = f.id) AS evidence_count,
               f.note, f.created_at, f.created_by, f.updated_at, f.updated_by
        FROM fact f
        LEFT JOIN entity subject ON subject.id = f.subject_id
        LEFT JOIN property prop ON prop.id = f.property_id
        LEFT JOIN entity value_entity ON value_entity.id = f.value_entity_id
    """,
    "qualifier_overview": """
        SELECT q.id AS qualifier_id, q.fact_id, subject.name AS subject, prop.name AS property,
               qp.name AS qualifier, """ + _value_text("q", "qe") + """ AS value, q.value_unit AS unit,
               q.value_kind AS value_kind,
               EXISTS (SELECT 1 FROM property_separator sep
                       WHERE sep.property_id = f.property_id AND sep.qualifier_property_id = q.property_id)
                   AS separates_values
        FROM fact_qualifier q
        JOIN fact f ON f.id = q.fact_id
        JOIN property qp ON qp.id = q.property_id
        LEFT JOIN entity qe ON qe.id = q.value_entity_id
        LEFT JOIN entity subject ON subject.id = f.subject_id
        LEFT JOIN property prop ON prop.id = f.property_id
    """,
    "evidence_overview": """
        SELECT e.id AS evidence_id, e.fact_id, subject.name AS subject, prop.name AS property,
               s.title AS source, s.publisher AS source_publisher, s.author AS source_author,
               s.published AS source_published, s.url AS source_url, e.quote, e.prefix, e.suffix, e.start, e."end",
               e.created_at, e.created_by,
               -- Orphaned evidence quotes an earlier revision of the source (source_revision), not its text.
               e.anchor_state, e.confirmed_revision AS revision,
               -- A fuzzy match whose figures differ from the quote it was placed from.
               e.number_changed,
               -- The page(s) of the source document the span is on (sources read from PDF files).
               """ + EVIDENCE_PAGE_SQL + """ AS page, """ + EVIDENCE_LAST_PAGE_SQL + """ AS last_page
        FROM evidence e
        JOIN source s ON s.id = e.source_id
        JOIN fact f ON f.id = e.fact_id
        LEFT JOIN entity subject ON subject.id = f.subject_id
        LEFT JOIN property prop ON prop.id = f.property_id
    """,
    "conflict_overview": """
        SELECT c.id AS conflict_id, c.rule, c.status, subject.name AS subject, prop.name AS property,
               (SELECT group_concat(m.fact_id, ', ') FROM conflict_member m WHERE m.conflict_id = c.id) AS fact_ids,
               c.explanation, c.resolution, c.rationale, c.resolved_by, c.resolved_at, c.created_at
        FROM conflict c
        LEFT JOIN entity subject ON subject.id = c.subject_id
        LEFT JOIN property prop ON prop.id = c.property_id
    """,
    "source_overview": """
        SELECT s.id AS source_id, s.title, s.publisher, s.author, s.url, s.published, s.language,
               s.file_name, s.char_count,
               (SELECT count(DISTINCT e.fact_id) FROM evidence e WHERE e.source_id = s.id) AS fact_count,
               (SELECT count(*) FROM evidence e WHERE e.source_id = s.id) AS evidence_count,
               s.imported_at, s.imported_by
        FROM source s
    """,
}

# Children before parents, as foreign keys require.
_PRUNED_TABLES = ("conflict_member", "conflict", "fact_link", "evidence", "fact_qualifier", "fact")


def add_analyst_views(connection: sqlite3.Connection) -> None:
    for name, query in ANALYST_VIEWS.items():
        connection.execute(f"DROP VIEW IF EXISTS {name}")
        connection.execute(f"CREATE VIEW {name} AS {query}")


def prune_to_scope(connection: sqlite3.Connection, scope: ExportScope) -> None:
    """Delete, in a snapshot copy, every row outside the scope, its audit events and search entries."""
    if not scope.only_confirmed:
        return
    # Decide everything first: the conditions look at facts and conflicts that are about to go.
    for name in _PRUNED_TABLES:
        connection.execute(f"CREATE TEMP TABLE kept_{name} AS SELECT r.id FROM {name} r WHERE {scope.keeps(name, 'r')}")
    connection.execute(
        f"CREATE TEMP TABLE kept_audit_event AS SELECT r.id FROM audit_event r WHERE {scope.keeps_audit_event('r')}"
    )
    for name in (*_PRUNED_TABLES, "audit_event"):
        connection.execute(f"DELETE FROM {name} WHERE id NOT IN (SELECT id FROM temp.kept_{name})")
        connection.execute(f"DROP TABLE temp.kept_{name}")
    # Operations whose every event went (labels can name what was dropped) go too.
    connection.execute(
        "UPDATE operation SET reverts_id = NULL WHERE reverts_id NOT IN (SELECT operation_id FROM audit_event)"
    )
    connection.execute("DELETE FROM operation WHERE id NOT IN (SELECT operation_id FROM audit_event)")
    connection.execute(f"DELETE FROM {SEARCH_TABLE} WHERE rowid NOT IN (SELECT id FROM fact)")
    # Merging the index segments drops the deleted facts' words from the index as well.
    connection.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('optimize')")


def strip_texts(connection: sqlite3.Connection) -> None:
    """Leave sources' full texts out of a snapshot copy: the current and earlier texts become empty,
    the kept original files go, and so do the texts in the audit trail's row images. Quotes, their
    offsets and hashes, and the sources' citation details stay (the hash still names the text)."""
    connection.execute("UPDATE source SET text = ''")
    connection.execute("UPDATE source_revision SET text = ''")
    connection.execute("DELETE FROM original_file")
    for column in ("before", "after"):
        connection.execute(f"UPDATE audit_event SET {column} = json_remove({column}, '$.text') "
                           f"WHERE target_type IN ('source', 'source_revision') AND {column} IS NOT NULL")


_COUNTED_TABLES = ("source", "entity", "property", "fact", "evidence", "fact_link", "conflict")


def prepare_copy(staging: Path, scope: ExportScope) -> dict[str, int]:
    """Prune a private snapshot to `scope`, add the views, check its references; returns the rows
    left in each table."""
    try:
        connection = sqlite3.connect(staging, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            prune_to_scope(connection, scope)
            if scope.without_texts:
                strip_texts(connection)
            add_analyst_views(connection)
            connection.execute("COMMIT")
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StorageFailure(f"the pruned snapshot has dangling references: {broken[:3]}")
            return {name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in _COUNTED_TABLES}
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StorageFailure(str(error)) from None
