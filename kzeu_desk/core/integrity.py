"""`kzeu-desk check`: SQLite's own checks plus the invariants the app relies on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from kzeu_desk.core import sqlite_features
from kzeu_desk.core.revisions import INTEGRITY_CHECKS


@dataclass(frozen=True)
class Problem:
    check: str
    message: str


# Each invariant is a query returning one descriptive row per violation.
_INVARIANTS: dict[str, str] = {
    "evidence quote matches its source": """
        SELECT 'evidence ' || e.id || ' quotes text that is not at ' || e.start || '-' || e."end" || ' of source ' || s.id
        FROM evidence e JOIN source s ON s.id = e.source_id
        WHERE e."end" > s.char_count OR substr(s.text, e.start + 1, e."end" - e.start) <> e.quote
    """,
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
_INVARIANTS.update(INTEGRITY_CHECKS)


def check(conn: Connection) -> list[Problem]:
    problems = [Problem("quick_check", p) for p in sqlite_features.quick_check(conn)]
    problems += [Problem("foreign_key_check", p) for p in sqlite_features.foreign_key_problems(conn)]
    for name, query in _INVARIANTS.items():
        problems += [Problem(name, row[0]) for row in conn.exec_driver_sql(query)]
    return problems
