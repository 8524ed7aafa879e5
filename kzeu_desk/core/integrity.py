"""`kzeu-desk check`: the storage engine's own checks plus the invariants the app relies on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.revisions import INTEGRITY_CHECKS
from kzeu_desk.core.storage import StorageEngine, engine_of


@dataclass(frozen=True)
class Problem:
    check: str
    message: str


QUOTE_CHECK = "evidence quote matches its source"

Check = Callable[[Connection], list[str]]


def _query(sql: str) -> Check:
    """An invariant stated as a query returning one descriptive row per violation."""
    return lambda conn: [row[0] for row in conn.exec_driver_sql(sql)]


@cache
def _invariants(engine: StorageEngine) -> dict[str, Check]:
    sql = engine.sql
    invariants = {
        "source hash matches its text": _query("""
        SELECT 'source ' || id || ' has ' || length(text) || ' characters but records ' || char_count
        FROM source WHERE length(text) <> char_count
    """),
        "dates are ISO year, month or day": _query(f"""
        SELECT 'fact ' || id || ' has a malformed date ' || {sql.quoted("d")}
        FROM (SELECT id, value_date AS d FROM fact UNION ALL SELECT id, point_in_time FROM fact
              UNION ALL SELECT id, start_time FROM fact UNION ALL SELECT id, end_time FROM fact) AS dates
        WHERE d IS NOT NULL AND NOT {sql.has_iso_date_shape("d")}
    """),
        "search index covers every fact": engine.search.coverage_problems,
        "conflicts have members": _query("""
        SELECT 'conflict ' || c.id || ' has fewer than ' || (CASE c.rule WHEN 'manual' THEN 1 ELSE 2 END) || ' member facts'
        FROM conflict c
        WHERE (SELECT count(*) FROM conflict_member m WHERE m.conflict_id = c.id)
              < (CASE c.rule WHEN 'manual' THEN 1 ELSE 2 END)
    """),
    }
    # Evidence of a revised source points into the revision it was last confirmed in (core/revisions.py).
    # The quote check is stated there in SQL too, but substr() walks a whole text from its start for
    # every span (docs/PERFORMANCE.md §4), so it runs here in Python, meaning the same.
    invariants.update((name, _query(query)) for name, query in INTEGRITY_CHECKS.items() if name != QUOTE_CHECK)
    return invariants


def check(conn: Connection, progress: Progress | None = None) -> list[Problem]:
    """Every problem found, never an exception for what a damaged file holds.

    `progress` hears of each check as it starts, and may stop the check between two (it only reads).

    The engine's structure comes first: when it is damaged, the app's checks are not run (rows read
    from damaged pages prove nothing, and reading them may fail), and the answer is a backup. Text
    the engine cannot decode (bytes changed inside a row) is read with replacement characters and
    counted, so the checks still run and the damage is reported rather than stopping them.
    """
    engine = engine_of(conn)
    progress = progress or Progress()
    progress.update(stage="Checking the file's structure")
    try:
        structure = engine.structural_problems(conn)
    except DBAPIError as error:
        structure = [("quick_check", f"the file cannot be read: {error.orig}")]
    problems = [Problem(name, message) for name, message in structure]
    if any(name != "foreign_key_check" for name, _message in structure):
        return [*problems, Problem("application checks", "not run, because the file's structure is damaged; restore a backup")]
    checks: list[tuple[str, Callable[[], list[str]]]] = [
        (TEXT_CHECK, lambda: engine.text_damage(conn)),
        (QUOTE_CHECK, lambda: misquoted_evidence(conn)),
        *((name, lambda invariant=invariant: invariant(conn)) for name, invariant in _invariants(engine).items()),
    ]
    with engine.tolerant_text(conn) as undecodable:
        for done, (name, run) in enumerate(checks):
            progress.update(done, len(checks), f"Checking that {name}")
            try:
                problems += [Problem(name, message) for message in run()]
            except DBAPIError as error:
                problems.append(Problem(name, f"could not be checked: {error.orig}"))
    if undecodable.count and not any(p.check == TEXT_CHECK for p in problems):
        problems.append(Problem(TEXT_CHECK, f"{undecodable.count} text value(s) read are not valid UTF-8: "
                                            "bytes inside the file were changed; restore a backup"))
    return problems


TEXT_CHECK = "text is valid UTF-8"


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
    with engine_of(conn).fast_rows(conn, _EVIDENCE_BY_SOURCE) as spans:
        for evidence_id, source_id, anchor_state, revision, start, end, quote in spans:
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
    return [message for _evidence_id, message in sorted(found)]


def _text(conn: Connection, source_id: int, revision: int | None) -> tuple[str, int] | None:
    if revision is None:
        row = conn.execute(_CURRENT_TEXT, {"source_id": source_id}).first()
    else:
        row = conn.execute(_REVISION_TEXT, {"source_id": source_id, "number": revision}).first()
    return None if row is None else (row.text, row.char_count)
