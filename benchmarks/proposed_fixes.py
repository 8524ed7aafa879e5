"""Fixes proposed in docs/PERFORMANCE.md, applied in-process to measure "after" numbers.

Nothing here edits the app's files: each fix patches a module attribute for the duration of a
`with` block (or adds an index to a scratch copy of a fact base), and says whether the app
already carries it, in which case it is a no-op.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def candidates_query_has_fix() -> bool:
    from kzeu_desk.core import conflicts

    sql = str(conflicts._CANDIDATES.text)
    return "+f.id" in sql or "INDEXED BY ix_fact_subject_property" in sql


@contextmanager
def candidates_by_key_index() -> Iterator[None]:
    """conflicts._CANDIDATES: `ORDER BY f.id` -> `ORDER BY +f.id`.

    With `ORDER BY f.id` SQLite walks ix_fact_property_id (rows come out in id order, so no sort)
    and reads every fact of the property to find one subject's: 1 ms a key at 100k facts, ~10 ms
    at 1M, and a full re-scan grows with the square of the fact base. The unary plus stops the
    ORDER BY from choosing the index, so the covering ix_fact_subject_property (subject_id=? AND
    property_id=?) is used and the few rows are sorted: 0.03 ms a key at any size.
    """
    from sqlalchemy import text

    from kzeu_desk.core import conflicts

    if candidates_query_has_fix():
        yield
        return
    original = conflicts._CANDIDATES
    conflicts._CANDIDATES = text(str(original.text).replace("ORDER BY f.id", "ORDER BY +f.id"))
    try:
        yield
    finally:
        conflicts._CANDIDATES = original


CONFLICT_KEY_INDEX = "ix_conflict_rule_key"
CANDIDATES_FIX = "fixed candidates query"


def conflict_key_index_variant() -> str:
    """The name of the incremental-check variant that adds the conflict key index, on top of the
    candidates fix unless the app already carries it."""
    return "conflict key index" if candidates_query_has_fix() else f"{CANDIDATES_FIX} + conflict key index"


def retired_variants() -> set[str]:
    """Fixes the app now carries: their old "with proposed fix" rows no longer describe anything."""
    retired = set()
    if candidates_query_has_fix():
        retired |= {CANDIDATES_FIX, f"{CANDIDATES_FIX} + conflict key index"}
    if source_rows_query_has_fix():
        retired.add(SOURCE_ROWS_FIX)
    return retired


def add_conflict_key_index(path: Path) -> None:
    """conflicts._existing looks conflicts up by (rule, subject_id, property_id), which no index
    covers: every key of a re-scan reads the whole conflict table. A migration would add this."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"CREATE INDEX IF NOT EXISTS {CONFLICT_KEY_INDEX} ON conflict (rule, subject_id, property_id)")
        connection.commit()
    finally:
        connection.close()


SOURCE_ROWS_FIX = "sources pane joins evidence first"


def source_rows_query_has_fix() -> bool:
    from kzeu_desk.core import queries

    counts = getattr(queries, "_SOURCE_COUNTS", None)  # the list and its counts are separate queries now
    return counts is not None and "CROSS JOIN conflict_member" in counts or \
        "CROSS JOIN conflict_member" in str(getattr(queries, "_SOURCE_ROWS", None) and queries._SOURCE_ROWS.text)


@contextmanager
def source_rows_evidence_first() -> Iterator[None]:
    """queries._SOURCE_ROWS: the open-conflict count per source with a fixed join order.

    Left free, SQLite drives the subquery from ix_conflict_status: for every source it walks every
    open conflict and, for each, the source's evidence (sources × open conflicts × spans probes):
    72 s for the sources pane at 100k facts, hours at 1M, so the workspace never opens. CROSS JOIN
    makes it walk the source's evidence, their memberships (ix_conflict_member_fact_id) and the
    conflict by primary key: 0.3 s for all 2,501 sources at 100k.
    """
    from sqlalchemy import text

    from kzeu_desk.core import queries

    if source_rows_query_has_fix():
        yield
        return
    original = queries._SOURCE_ROWS
    queries._SOURCE_ROWS = text("""
    SELECT s.id, s.title, s.publisher, s.published, s.char_count, s.encoding, s.file_name,
           (SELECT count(DISTINCT e.fact_id) FROM evidence e WHERE e.source_id = s.id) AS fact_count,
           (SELECT count(DISTINCT c.id) FROM evidence e
              CROSS JOIN conflict_member m ON m.fact_id = e.fact_id
              CROSS JOIN conflict c ON c.id = m.conflict_id
            WHERE e.source_id = s.id AND c.status = 'open') AS open_conflicts
    FROM source s
    ORDER BY s.id
""")
    try:
        yield
    finally:
        queries._SOURCE_ROWS = original


SET_BASED_RESCAN = "set-based rescan"

# Keys where two active facts could overlap in time: an unscoped fact, a start/end, two points in the
# same year, or a malformed point (judged as unscoped). Distinct years never overlap, so a time
# series with one fact a year, the bulk of a large fact base, is ruled out here in SQL.
_KEYS_THAT_MAY_DISAGREE = """
    SELECT f.subject_id, f.property_id FROM fact f
    JOIN property p ON p.id = f.property_id AND p.single_valued
    WHERE f.subject_id IS NOT NULL AND f.status <> 'rejected' AND f.rank <> 'deprecated'
    GROUP BY f.subject_id, f.property_id
    HAVING count(*) > 1 AND (
        count(f.point_in_time) < count(*)
        OR count(f.start_time) + count(f.end_time) > 0
        OR count(DISTINCT substr(f.point_in_time, 1, 4)) < count(*)
        OR sum(f.point_in_time NOT GLOB '[0-9][0-9][0-9][0-9]*') > 0)
    UNION
    SELECT subject_id, property_id FROM conflict WHERE rule = 'value' AND subject_id IS NOT NULL
"""


def _point_year(scope) -> str | None:
    """The year of a scope that is a (valid) point in time alone, else None; a malformed scope was
    already turned into an unqualified one, which overlaps everything."""
    if scope.point_in_time is None or scope.start is not None or scope.end is not None:
        return None
    return scope.point_in_time[:4]


def set_based_rescan(rec) -> None:
    """What conflicts.rescan does, with three queries instead of two per (subject, property) key.

    The same rules and the same writes (through `_sync`, so audited and undoable); only keys whose
    facts may overlap in time are judged in Python, read in one ordered pass.
    """
    from kzeu_desk.core import conflicts
    from kzeu_desk.core.compatibility import scopes_overlap, values_compatible
    from kzeu_desk.core.models import ConflictRule
    from kzeu_desk.core.typed_value import TypedValue

    cursor = rec.conn.connection.driver_connection.cursor()
    cursor.execute("CREATE TEMP TABLE IF NOT EXISTS rescan_key (subject_id INTEGER, property_id INTEGER, "
                   "PRIMARY KEY (subject_id, property_id)) WITHOUT ROWID")
    cursor.execute("DELETE FROM temp.rescan_key")
    cursor.execute(f"INSERT OR IGNORE INTO temp.rescan_key {_KEYS_THAT_MAY_DISAGREE}")
    existing: dict[tuple[int, int], dict[str, dict]] = {}
    cursor.execute("SELECT * FROM conflict WHERE rule = 'value'")
    names = [column[0] for column in cursor.description]
    for row in cursor:
        record = dict(zip(names, row))
        existing.setdefault((record["subject_id"], record["property_id"]), {})[record["signature"]] = record
    judged = ", ".join("f." + column for column in conflicts._JUDGED_COLUMNS)
    cursor.execute(f"""
        SELECT f.id, f.subject_id, f.property_id, {judged},
               s.name AS subject_name, p.name AS property_name, p.tolerance,
               (SELECT coalesce(src.file_name, src.title) FROM evidence e JOIN source src ON src.id = e.source_id
                 WHERE e.fact_id = f.id ORDER BY e.id LIMIT 1) AS first_source
        FROM temp.rescan_key k
        CROSS JOIN fact f INDEXED BY ix_fact_subject_property
            ON f.subject_id = k.subject_id AND f.property_id = k.property_id
        JOIN property p ON p.id = f.property_id AND p.single_valued
        JOIN entity s ON s.id = f.subject_id
        WHERE f.status <> 'rejected' AND f.rank <> 'deprecated'
        ORDER BY k.subject_id, k.property_id, f.id
    """)
    names = [column[0] for column in cursor.description]
    facts_by_key: dict[tuple[int, int], list[dict]] = {}
    for row in cursor:
        fact = dict(zip(names, row))
        facts_by_key.setdefault((fact["subject_id"], fact["property_id"]), []).append(fact)
    cursor.execute("SELECT subject_id, property_id FROM temp.rescan_key ORDER BY subject_id, property_id")
    keys = cursor.fetchall()
    cursor.close()
    for subject_id, property_id in keys:
        facts = facts_by_key.get((subject_id, property_id), [])
        scopes = [conflicts._scope(fact) for fact in facts]  # once per fact, not once per pair
        years = [_point_year(scope) for scope in scopes]
        found = []
        for position, a in enumerate(facts):
            for other in range(position + 1, len(facts)):
                b = facts[other]
                if years[position] and years[other] and years[position] != years[other]:
                    continue  # points in different years never overlap
                if not scopes_overlap(scopes[position], scopes[other]):
                    continue
                verdict = values_compatible(TypedValue.from_columns(a), TypedValue.from_columns(b),
                                            tolerance=a["tolerance"])
                if verdict.comparable and not verdict.compatible:
                    found.append(conflicts.Disagreement(
                        ConflictRule.VALUE, (a["id"], b["id"]), conflicts._explain(a, b, verdict),
                        conflicts._fingerprint([a, b]), subject_id, property_id))
        conflicts._sync(rec, found, existing.get((subject_id, property_id), {}))
    linked = [row[0] for row in rec.conn.exec_driver_sql(
        "SELECT from_fact_id FROM fact_link WHERE kind = 'contradicts' "
        "UNION SELECT fact_id FROM conflict_member m JOIN conflict c ON c.id = m.conflict_id AND c.rule = 'declared'")]
    if linked:
        conflicts._sync(rec, conflicts.declared_disagreements(rec.conn, linked),
                        conflicts._existing(rec.conn, ConflictRule.DECLARED, fact_ids=linked))
    conflicts._drop_memberless(rec, sorted(rec.conflicts_touched))


@contextmanager
def rescan_set_based() -> Iterator[None]:
    """conflicts.rescan replaced by `set_based_rescan` (the service and the loader call it by name)."""
    from kzeu_desk.core import conflicts

    original = conflicts.rescan
    conflicts.rescan = set_based_rescan
    try:
        yield
    finally:
        conflicts.rescan = original


KEY_SCOPE_INDEX = "ix_fact_key_scope"
SET_BASED_RESCAN_WITH_INDEX = "set-based rescan + key/scope index"


def add_key_scope_index(path: Path) -> None:
    """What a migration would add for the set-based rescan: its GROUP BY then reads only an index."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"CREATE INDEX IF NOT EXISTS {KEY_SCOPE_INDEX} ON fact "
                           "(subject_id, property_id, status, rank, point_in_time, start_time, end_time)")
        connection.commit()
    finally:
        connection.close()


QUOTES_IN_PYTHON = "quotes checked in Python"


def check_quotes_in_python(conn, loaded, file_name: str) -> None:
    """jsonl_load._check_quotes without SQL substr(): SQLite's substr() on a TEXT value walks the
    UTF-8 from the start and every evidence row re-reads its whole source text (a 1 MB source with
    10k spans is 10 GB of scanning). Here each source's text is read once and sliced in Python."""
    from kzeu_desk.core.export.jsonl_load import LoadError

    if not loaded.evidence_lines:
        return
    lowest = min(loaded.evidence_lines)
    driver = conn.connection.driver_connection
    texts = driver.cursor()
    current_source, text = None, ""
    wrong = None
    for evidence_id, source_id, start, end, quote in driver.execute(
            'SELECT id, source_id, start, "end", quote FROM evidence WHERE id >= ? ORDER BY source_id, id', (lowest,)):
        if source_id != current_source:
            current_source = source_id
            text = texts.execute("SELECT text FROM source WHERE id = ?", (source_id,)).fetchone()[0]
        if (end > len(text) or text[start:end] != quote) and (wrong is None or evidence_id < wrong):
            wrong = evidence_id
    texts.close()
    if wrong is not None and wrong in loaded.evidence_lines:
        raise LoadError(f"Line {loaded.evidence_lines[wrong]} of {file_name}: the evidence quote is not the text "
                        "of its source at that span; nothing was loaded.")


@contextmanager
def load_fixes() -> Iterator[None]:
    """The loader with the set-based rescan and the quote check in Python."""
    from kzeu_desk.core.export import jsonl_load

    original = jsonl_load._check_quotes
    jsonl_load._check_quotes = check_quotes_in_python
    try:
        with rescan_set_based():
            yield
    finally:
        jsonl_load._check_quotes = original
