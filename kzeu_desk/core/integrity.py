"""`kzeu-desk check`: SQLite's own checks plus the invariants the app relies on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from kzeu_desk.core import sqlite_features
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.revisions import INTEGRITY_CHECKS


@dataclass(frozen=True)
class Problem:
    check: str
    message: str


QUOTE_CHECK = "evidence quote matches its source"

# Each invariant is a query returning one descriptive row per violation.
_INVARIANTS: dict[str, str] = {
    "source hash matches its text": """
        SELECT 'source ' || id || ' has ' || length(text) || ' characters but records ' || char_count
        FROM source WHERE length(text) <> char_count
    """,
    "dates are ISO year, month or day": """
        SELECT 'fact ' || id || ' has a malformed date ' || quote(d)
        FROM (SELECT id, value_date AS d FROM fact UNION ALL SELECT id, point_in_time FROM fact
              UNION ALL SELECT id, start_time FROM fact UNION ALL SELECT id, end_time FROM fact)
        WHERE d IS NOT NULL AND NOT (d GLOB '[0-9][0-9][0-9][0-9]'
              OR d GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR d GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
    """,
    "search index covers every fact": f"""
        SELECT 'fact ' || f.id || ' is missing from the search index'
        FROM fact f WHERE f.id NOT IN (SELECT rowid FROM {sqlite_features.SEARCH_TABLE})
        UNION ALL
        SELECT 'search index holds fact ' || rowid || ' which does not exist'
        FROM {sqlite_features.SEARCH_TABLE} WHERE rowid NOT IN (SELECT id FROM fact)
    """,
    "conflicts have members": """
        SELECT 'conflict ' || c.id || ' has fewer than ' || (CASE c.rule WHEN 'manual' THEN 1 ELSE 2 END) || ' member facts'
        FROM conflict c
        WHERE (SELECT count(*) FROM conflict_member m WHERE m.conflict_id = c.id)
              < (CASE c.rule WHEN 'manual' THEN 1 ELSE 2 END)
    """,
}


# Evidence of a revised source points into the revision it was last confirmed in (core/revisions.py).
# The quote check is stated there in SQL too, but substr() walks a whole text from its start for
# every span (docs/PERFORMANCE.md §4), so it runs here in Python, meaning the same.
_INVARIANTS.update((name, query) for name, query in INTEGRITY_CHECKS.items() if name != QUOTE_CHECK)


def check(conn: Connection) -> list[Problem]:
    """Every problem found, never an exception for what a damaged file holds.

    SQLite's structure comes first: when quick_check fails, the app's checks are not run (rows read
    from damaged pages prove nothing, and reading them may fail), and the answer is a backup. Text
    that is not valid UTF-8 (bytes changed inside a row) is read with replacement characters and
    counted, so the checks still run and the damage is reported rather than stopping them.
    """
    try:
        structure = sqlite_features.quick_check(conn)
    except DBAPIError as error:
        structure = [f"the file cannot be read: {error.orig}"]
    if structure:
        return [Problem("quick_check", p) for p in structure] + [
            Problem("application checks", "not run, because the file's structure is damaged; restore a backup")]
    problems: list[Problem] = []
    with sqlite_features.tolerant_text(conn) as undecodable:
        checks = [("foreign_key_check", lambda: sqlite_features.foreign_key_problems(conn)),
                  (TEXT_CHECK, lambda: undecodable_text(conn)),
                  (QUOTE_CHECK, lambda: misquoted_evidence(conn))]
        checks += [(name, lambda query=query: [row[0] for row in conn.exec_driver_sql(query)])
                   for name, query in _INVARIANTS.items()]
        for name, run in checks:
            try:
                problems += [Problem(name, message) for message in run()]
            except DBAPIError as error:
                problems.append(Problem(name, f"could not be checked: {error.orig}"))
    if undecodable.count and not any(p.check == TEXT_CHECK for p in problems):
        problems.append(Problem(TEXT_CHECK, f"{undecodable.count} text value(s) read are not valid UTF-8: "
                                            "bytes inside the file were changed; restore a backup"))
    return problems


TEXT_CHECK = "text is valid UTF-8"
_MOST_TEXT_PROBLEMS_LISTED = 20


def undecodable_text(conn: Connection) -> list[str]:
    """Rows whose text is not valid UTF-8: bytes changed inside a value, which SQLite's quick_check
    cannot see (it checks the structure, not what a text holds). Every column is read with texts as
    bytes (the schema has no BLOB columns, so any bytes read were stored as text)."""
    from kzeu_desk.core.models import SQLModel

    found: list[str] = []
    present = sqlite_features.user_tables(conn)
    driver = conn.connection.driver_connection
    previous = driver.text_factory
    driver.text_factory = bytes
    try:
        for model in SQLModel.metadata.sorted_tables:
            columns = _text_columns(model)
            if model.name not in present or not columns or "id" not in model.columns:
                continue
            listed = ", ".join(f'"{name}"' for name in columns)
            for row in driver.execute(f'SELECT id, {listed} FROM "{model.name}"'):
                for name, value in zip(columns, row[1:], strict=True):
                    if isinstance(value, bytes) and not _is_utf8(value):
                        found.append(f"{model.name} {row[0]}: its {name} is not valid UTF-8 (bytes in the file were "
                                     "changed)")
                        if len(found) >= _MOST_TEXT_PROBLEMS_LISTED:
                            return found
    finally:
        driver.text_factory = previous
    return found


def _text_columns(model) -> list[str]:
    """Every column but the id: SQLite stores a text in any column, whatever it was declared."""
    return [c.name for c in model.columns if c.name != "id"]


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Grouped by source, so each text is read once however many spans quote it.
_EVIDENCE_BY_SOURCE = 'SELECT id, source_id, anchor_state, confirmed_revision, start, "end", quote FROM evidence ORDER BY source_id'
_CURRENT_TEXT = text("SELECT text, char_count FROM source WHERE id = :source_id")
_REVISION_TEXT = text("SELECT text, char_count FROM source_revision WHERE source_id = :source_id AND number = :number")


def misquoted_evidence(conn: Connection) -> list[str]:
    """Evidence whose quote is not the text at its span, in evidence order: the span of the
    source's current text for anchored evidence, of the revision it was last found in (its
    `confirmed_revision`) for orphaned evidence."""
    found: list[tuple[int, str]] = []
    texts: dict[int | None, tuple[str, int] | None] = {}  # the current source's, by revision (None: current)
    current_source = None
    # ~1.2M spans at 1M facts: read from the driver's cursor, without a SQLAlchemy row for each.
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(_EVIDENCE_BY_SOURCE)
        for evidence_id, source_id, anchor_state, revision, start, end, quote in cursor:
            if source_id != current_source:
                current_source, texts = source_id, {None: _text(conn, source_id, None)}
            if texts[None] is None:
                continue  # no such source: the foreign key check reports it
            which = revision if anchor_state == AnchorState.ORPHANED.value else None
            if which not in texts:
                texts[which] = _text(conn, source_id, which)
            body, char_count = texts[which] or ("", -1)  # an orphan's revision is missing: nothing matches
            if end > char_count or body[start:end] != quote:
                found.append((evidence_id, f"evidence {evidence_id} quotes text that is not at {start}-{end} "
                                           f"of source {source_id} revision {revision}"))
    finally:
        cursor.close()
    return [message for _evidence_id, message in sorted(found)]


def _text(conn: Connection, source_id: int, revision: int | None) -> tuple[str, int] | None:
    if revision is None:
        row = conn.execute(_CURRENT_TEXT, {"source_id": source_id}).first()
    else:
        row = conn.execute(_REVISION_TEXT, {"source_id": source_id, "number": revision}).first()
    return None if row is None else (row.text, row.char_count)
