"""Finding disagreements between facts, inside the transaction that could have caused them.

Rules:
* value — same subject, same single-valued property, overlapping scopes, incompatible values
  (interval-aware, see `compatibility`). One conflict per disagreeing pair.
* declared — two facts linked as "contradicts".
* manual — a curator flagged a fact or a pair with a reason.

Rejected and deprecated facts raise no new conflicts: the curator has already judged them.
A conflict that was resolved or dismissed stays so until a member's value or scope changes;
then it re-opens. An open conflict whose disagreement has gone away (an edit, a deletion) is removed.
A value conflict is filed under its facts' (subject, property); when both facts reach another key,
the conflict moves with them, judgement kept (`_moved_value_conflicts`).

Every operation re-checks the keys and facts it touched (`recheck`, per key). `rescan` re-checks the
whole fact base set-based, finding exactly what `recheck` of every key would; `recheck_changed`
re-checks only what changed since the last check, and falls back to `rescan` when it cannot know.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache, cached_property
from itertools import combinations

from sqlalchemy import Connection, Row, TextClause, bindparam, delete, select, text, update
from sqlalchemy.sql import ClauseElement

from kzeu_desk.core.citation import citations
from kzeu_desk.core.compatibility import Scope, Verdict, scopes_overlap, values_compatible
from kzeu_desk.core.models import ConflictRule, ConflictStatus, LinkKind
from kzeu_desk.core.qualifiers import (
    SEPARATOR_VALUES_OF_KEY,
    SeparatorValues,
    separated,
    separator_properties,
    separator_values,
    separator_values_of,
    separator_values_of_key,
    separators_from_rows,
)
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.storage import StorageEngine, engine_of
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_value

# The columns whose change makes an earlier judgement of a conflict stale.
_JUDGED_COLUMNS = (
    "value_kind", "value_amount", "value_lower", "value_upper", "value_approximate", "value_unit",
    "value_date", "value_date_end", "value_entity_id", "value_text", "point_in_time", "start_time", "end_time",
)

# Bound parameters per statement, well below SQLite's limit (32,766 since 3.32; 999 before).
_IDS_PER_QUERY = 900

# What judging a fact needs, and the source an explanation names for fact f.
_CANDIDATE_COLUMNS = f"""
    f.id, f.subject_id, f.property_id, {", ".join("f." + c for c in _JUDGED_COLUMNS)},
    s.name AS subject_name, p.name AS property_name, p.tolerance"""
_FIRST_SOURCE = "(SELECT e.source_id FROM evidence e WHERE e.fact_id = f.id ORDER BY e.id LIMIT 1)"
_CANDIDATE_JOINS = """
    JOIN property p ON p.id = f.property_id AND p.single_valued
    JOIN entity s ON s.id = f.subject_id"""
# Rejected and deprecated facts take part in no value conflict.
_JUDGED_FACT = "f.status <> 'rejected' AND f.rank <> 'deprecated'"

_CANDIDATES = text(f"""
    SELECT {_CANDIDATE_COLUMNS}, {_FIRST_SOURCE} AS first_source
    FROM fact f {_CANDIDATE_JOINS}
    WHERE f.subject_id = :subject_id AND f.property_id = :property_id AND {_JUDGED_FACT}
    ORDER BY +f.id  -- the unary plus keeps SQLite on the (subject, property) index: 0.03 ms a key at any size
""")

# The candidates of every key where two of them could disagree, for `rescan`, all read from
# `ix_fact_key_values` (0009). Ruled out here, in two steps:
# * keys with fewer than two candidates, and keys whose candidates are all valid points in time in
#   distinct years (a point covers at most its year, so they never overlap): the time series that
#   make up most of a large fact base. Read from the per-key summary the database keeps (0013,
#   `KEY_SUMMARY`), or, without its triggers, by one GROUP BY over the whole index (~1M rows at 1M
#   facts); whether the property is single-valued is asked of the ~40k keys left, not of every row.
# * of the keys left (~34k at 1M), those whose candidates are valid points that say one value in
#   each year: two facts that state the very same value never disagree, and facts of different
#   years never overlap. Corroborating facts of a time series, ~2/3 of the keys left at 1M. A key
#   stays if two of its facts in one year differ in a value column (each key's ~3.5 facts paired
#   through the index, stopping at the first such pair): 0.3 s less CPU at 1M than grouping the
#   ~120k rows by key and year with 27 aggregates, which sorted them in a temporary B-tree.
# An unscoped fact, a start or end, or a malformed point (judged as unscoped) sends the key to be
# judged pair by pair. Only the fact's own columns are read: the names and the first source an
# explanation gives are read later, for the facts that disagree (joining entity and property for
# every candidate was 60% of the read at 100k). The rows come in no particular order.
_RESCAN_COLUMNS = ("id", "subject_id", "property_id", *_JUDGED_COLUMNS)
_VALUE_COLUMNS = _JUDGED_COLUMNS[:10]  # value_kind … value_text; then point_in_time, start_time, end_time
assert _JUDGED_COLUMNS[10:] == ("point_in_time", "start_time", "end_time")


def _judged(fact: str) -> str:
    return _JUDGED_FACT.replace("f.", f"{fact}.")


def _values_differ(a: str, b: str) -> str:
    """True where facts `a` and `b` differ in a value column: one empty and the other not, or both
    filled and unequal as SQL compares them, which is as Python's == compares the values it reads
    (numbers by value, text by its characters; a number stored as text differs from every number).
    Written without IS DISTINCT FROM, which SQLite knows only since 3.39."""
    return " OR ".join(f"{a}.{c} <> {b}.{c} OR ({a}.{c} IS NULL) <> ({b}.{c} IS NULL)" for c in _VALUE_COLUMNS)


# The per-key summary the key filter reads (migration 0013): one row for each key that holds two
# judged facts or more, of which one is not a bare valid point or two share a year (~40k of ~360k
# keys at 1M facts), and whether all its judged facts are bare valid points. The database keeps it
# as the facts change (`StorageEngine.add_key_summary`), whatever writes them. Reading it instead
# of grouping the 1M index rows (a distinct count of years and a valid-point test per row) takes the
# filter from ~0.55-0.59 s to ~0.035 s of CPU at 1M (docs/PERFORMANCE.md §28, §29).
KEY_SUMMARY = "fact_key_summary"
# What the summary is made from: a fact's key, whether it is judged, and its scope.
KEY_SUMMARY_READS = ("subject_id", "property_id", "status", "rank", "point_in_time", "start_time", "end_time")


def key_summary_rows(engine: StorageEngine) -> str:
    """The summary's rows of the keys `{keys}` lets through (a condition on `f`), grouped from the facts."""
    bare_valid_point = f"f.start_time IS NULL AND f.end_time IS NULL AND {engine.sql.is_iso_date('f.point_in_time')}"
    return f"""
        SELECT f.subject_id, f.property_id,
               CASE WHEN sum(CASE WHEN {bare_valid_point} THEN 1 ELSE 0 END) = count(*) THEN 1 ELSE 0 END AS bare_points
        FROM fact f
        WHERE f.subject_id IS NOT NULL AND f.property_id IS NOT NULL AND {_JUDGED_FACT} AND ({{keys}})
        GROUP BY f.subject_id, f.property_id
        HAVING count(*) > 1 AND NOT (
            count(DISTINCT substr(f.point_in_time, 1, 4)) = count(*)
            AND sum(CASE WHEN {bare_valid_point} THEN 1 ELSE 0 END) = count(*))"""


@contextmanager
def key_summary_deferred(conn: Connection) -> Iterator[None]:
    """For a bulk operation whose fact indexes are deferred (`StorageEngine.indexes_deferred`):
    the summary is not kept row by row inside the block (each fact's key would be counted again
    without an index), but counted whole after it, set-based, and kept again from then on."""
    engine = engine_of(conn)
    if not engine.key_summary_in_place(conn, KEY_SUMMARY):
        yield
        return
    engine.drop_key_summary(conn, KEY_SUMMARY)
    yield
    rows = key_summary_rows(engine)
    conn.execute(text(f"DELETE FROM {KEY_SUMMARY}"))
    conn.execute(text(f"INSERT INTO {KEY_SUMMARY} (subject_id, property_id, bare_points) {rows.replace('{keys}', '1 = 1')}"))
    engine.add_key_summary(conn, KEY_SUMMARY, KEY_SUMMARY, rows, KEY_SUMMARY_READS)


@cache
def _candidates_where_scopes_may_overlap(engine: StorageEngine, summarised: bool = False) -> TextClause:
    """`summarised`: the keys come from the summary table (its triggers in place), else from
    grouping the facts as the summary's rows are made."""
    judged_key = (f"SELECT subject_id, property_id, bare_points FROM {KEY_SUMMARY}" if summarised
                  else key_summary_rows(engine).replace("{keys}", "1 = 1"))
    # The unary plus on the ids keeps SQLite's planner pairing through the key's index instead of
    # a range on the ids of another index (which read every later fact of the property: minutes at
    # 1M); on PostgreSQL it is a no-op. CROSS JOIN makes SQLite read the keys first and each key's
    # facts through ix_fact_key_values: with the summary table, which SQLite can look up by key, it
    # chose to read the facts of every single-valued property and look each one's key up instead
    # (2.8 s of CPU against 1.0 s at 1M); PostgreSQL plans it as the inner join it is.
    return text(f"""
    WITH judged_key AS ({judged_key}
    ), unsettled_key AS (
        SELECT k.subject_id, k.property_id
        FROM judged_key k
        WHERE k.property_id IN (SELECT id FROM property WHERE single_valued) AND (k.bare_points = 0 OR EXISTS (
            SELECT 1 FROM fact a JOIN fact b ON b.subject_id = a.subject_id AND b.property_id = a.property_id
            WHERE a.subject_id = k.subject_id AND a.property_id = k.property_id AND {_judged("a")} AND {_judged("b")}
                  AND +b.id > +a.id AND substr(b.point_in_time, 1, 4) = substr(a.point_in_time, 1, 4)
                  AND ({_values_differ("a", "b")})))
    )
    SELECT {", ".join("f." + c for c in _RESCAN_COLUMNS)}
    FROM unsettled_key k
    CROSS JOIN fact f
    WHERE f.subject_id = k.subject_id AND f.property_id = k.property_id AND {_JUDGED_FACT}
""")


_FIRST_SOURCES = text(f"SELECT f.id, {_FIRST_SOURCE} FROM fact f WHERE f.id IN :ids").bindparams(
    bindparam("ids", expanding=True))
_ENTITY_NAMES = text("SELECT id, name FROM entity WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
_PROPERTIES = text("SELECT id, name, tolerance FROM property")
# What `_worded_under` of each value conflict that has one is made from, as it stands now: its
# subject's name and, per member, the name of the entity it states (entity values only) and the
# first source's id and details (`citation`'s columns, in `_cite_first_sources`'s order). A member's
# fact is looked up for the entity's name only under an entity-valued property: for all ~18.7k
# members at 1M it cost 60 ms of the query's ~220. An entity value under a property of another kind
# (its kind changed since) gets no name here, so its conflict's record never holds and it is judged
# and worded afresh by every re-scan: slower for such rare rows, never out of step.
_WORDING_INPUTS = text("""
    SELECT c.id, m.fact_id,
           CASE WHEN p.value_kind = 'entity' THEN (
               SELECT ve.name FROM fact vf JOIN entity ve ON ve.id = vf.value_entity_id
               WHERE vf.id = m.fact_id AND vf.value_kind = 'entity') END AS value_entity_name,
           s.name, e.source_id, src.id,
           src.title, src.publisher, src.author, src.published, src.url, src.file_name
    FROM conflict c
    JOIN conflict_member m ON m.conflict_id = c.id
    JOIN entity s ON s.id = c.subject_id
    JOIN property p ON p.id = c.property_id
    LEFT JOIN evidence e ON e.id = (SELECT min(first.id) FROM evidence first WHERE first.fact_id = m.fact_id)
    LEFT JOIN source src ON src.id = e.source_id
    WHERE c.rule = 'value' AND c.worded_under IS NOT NULL
""")


@dataclass(frozen=True)
class Disagreement:
    rule: ConflictRule
    member_ids: tuple[int, ...]
    explanation: str
    fingerprint: str
    subject_id: int | None = None
    property_id: int | None = None
    worded_under: str | None = None  # value conflicts: `_worded_under` of what the explanation was made from

    @cached_property  # asked for ~30k times by a re-scan at 1M facts
    def signature(self) -> str:
        return f"{self.rule.value}:" + ",".join(map(str, self.member_ids))


# -- value conflicts ---------------------------------------------------------------------------


def value_disagreements(conn: Connection, subject_id: int, property_id: int) -> list[Disagreement]:
    key = {"subject_id": subject_id, "property_id": property_id}
    return _value_disagreements_among(conn, [dict(r) for r in conn.execute(_CANDIDATES, key).mappings()],
                                      separator_values_of_key(conn, subject_id, property_id))


def _value_disagreements_among(conn: Connection, facts: list[dict],
                               separators: Mapping[int, SeparatorValues]) -> list[Disagreement]:
    """The value disagreements among one key's candidates (rows of `_CANDIDATES`)."""
    pairs = []
    for a, b in combinations(facts, 2):
        if not scopes_overlap(_scope(a), _scope(b)) or separated(separators.get(a["id"]), separators.get(b["id"])):
            continue
        verdict = values_compatible(TypedValue.from_columns(a), TypedValue.from_columns(b), tolerance=a["tolerance"])
        if verdict.comparable and not verdict.compatible:
            pairs.append((a, b, verdict))
    # Only the facts that disagree are named in an explanation, so only their sources are cited.
    disagreeing = [fact for a, b, _verdict in pairs for fact in (a, b)]
    _cite_first_sources(conn, disagreeing)
    _name_value_entities(conn, disagreeing)
    return [_value_disagreement(a, b, verdict) for a, b, verdict in pairs]


@dataclass
class _Judged:
    """What `rescan` works out once for all keys: most facts share a handful of points in time (20
    at 1M), so scopes and whether two overlap repeat across keys, and so do values and pairs of
    values (~6.3k values among the ~18.7k disagreeing facts at 1M)."""

    scopes: dict[tuple, tuple[Scope, int | None]] = field(default_factory=dict)  # by (point, start, end)
    overlaps: dict[tuple[tuple, tuple], bool] = field(default_factory=dict)
    typed: dict[tuple, TypedValue] = field(default_factory=dict)
    verdicts: dict[tuple[float | None, tuple, tuple], Verdict] = field(default_factory=dict)  # by tolerance and values


def _disagreeing_pairs(facts: list[tuple], tolerance: float | None, judged: _Judged,
                       separators: Mapping[int, SeparatorValues],
                       settled: Mapping[tuple[int, int], Mapping]) -> list[tuple[tuple, tuple, Verdict | None]]:
    """The pairs `value_disagreements` finds among one key's candidates (rows of `_RESCAN_COLUMNS`,
    ordered by id), for `rescan`, which judges ~120k facts at 1M: two facts that state the very same
    value never disagree (the value is compatible with itself, or not comparable at all), so a key
    whose facts all say the same is passed over (a third of the keys) and such pairs are skipped;
    each distinct value, scope, overlap of two scopes and pair of values under one tolerance is
    worked out once for all keys (`judged`). `separators` holds the separator qualifiers' values of
    the facts whose property has any. A pair whose conflict row is in `settled` (its `_worded_under`
    holds) and whose members' fingerprint is the row's disagrees as the row says: it is given with
    no verdict, and neither judged nor worded again."""
    values = [fact[3:13] for fact in facts]
    if len(set(values)) < 2:
        return []
    scopes_seen, overlaps, typed, verdicts = judged.scopes, judged.overlaps, judged.typed, judged.verdicts
    whens, scopes, years = [fact[13:16] for fact in facts], [], []
    for when in whens:
        seen = scopes_seen.get(when)
        if seen is None:
            scope = _scope_of(*when)
            seen = scopes_seen[when] = (scope, _point_year(scope))
        scopes.append(seen[0])
        years.append(seen[1])
    found: list[tuple[tuple, tuple, Verdict | None]] = []
    # Each fact's own items are looked up once, not once per pair it is in (~10% of this function).
    for i in range(len(facts) - 1):
        a, value_a, year_a, when_a, separators_a = facts[i], values[i], years[i], whens[i], separators.get(facts[i][0])
        for j in range(i + 1, len(facts)):
            value_b = values[j]
            if value_a == value_b:
                continue
            year_b = years[j]
            if year_a is not None and year_b is not None and year_a != year_b:
                continue  # each point lies within its year
            b = facts[j]
            overlap = overlaps.get((when_a, whens[j]))
            if overlap is None:
                overlap = overlaps[(when_a, whens[j])] = scopes_overlap(scopes[i], scopes[j])
            if not overlap:
                continue
            if separators_a is not None and separated(separators_a, separators.get(b[0])):
                continue
            row = settled.get((a[0], b[0]))
            if (row is not None and row["subject_id"] == a[1] and row["property_id"] == a[2]
                    and _fingerprint_of_pair(a, b) == row["members_fingerprint"]):
                found.append((a, b, None))
                continue
            verdict = verdicts.get((tolerance, value_a, value_b))
            if verdict is None:
                for value in (value_a, value_b):
                    if value not in typed:
                        typed[value] = TypedValue.from_columns(dict(zip(_VALUE_COLUMNS, value, strict=True)))
                verdict = verdicts[(tolerance, value_a, value_b)] = values_compatible(
                    typed[value_a], typed[value_b], tolerance=tolerance)
            if verdict.comparable and not verdict.compatible:
                found.append((a, b, verdict))
    return found


def _value_disagreement(a: dict, b: dict, verdict: Verdict) -> Disagreement:
    explanation, fingerprint = _explain(a, b, verdict), _fingerprint([a, b])
    worded_under = _worded_under(a["tolerance"], a["subject_name"], a["property_name"],
                                 [(f["id"], f["value_entity_name"], *f["first_cited"]) for f in (a, b)],
                                 fingerprint, explanation)
    return Disagreement(ConflictRule.VALUE, (a["id"], b["id"]), explanation, fingerprint,
                        a["subject_id"], a["property_id"], worded_under)


WORDING_REVISION = 2  # 2: an entity value is named ("says Astana"), no longer "says entity #9"
"""Bump when the words of a value conflict's explanation change for the same facts, names and
sources (`_explain`, `value_format`, `citation`'s short form, `compatibility`'s reasons): the
re-scan passes over a conflict whose `_worded_under` still holds, so a conflict worded by other
code must not match."""


def _worded_under(tolerance: float | None, subject_name: str | None, property_name: str | None,
                  members: Sequence[tuple], fingerprint: str, explanation: str) -> str:
    """A digest of all that a value conflict's judgement and explanation were made from besides the
    code (`RULES_REVISION`, `WORDING_REVISION`): the property's tolerance, the subject's and
    property's names, and for each member in id order its id, the name of the entity it states (an
    entity value; else None), its first source's id and that source's details (`_SOURCE_DETAILS`; None for a source that is gone), together with the members'
    fingerprint and the explanation as written. While it holds, the members' values as fingerprinted
    disagree under that tolerance and the explanation is what the check would write again, so
    `rescan` passes over the conflict (the judging and wording of ~9.4k conflicts at 1M facts,
    docs/PERFORMANCE.md §21); a change to any of these, or a row another tool wrote (NULL), sends it
    through the whole check."""
    inputs = [RULES_REVISION, WORDING_REVISION, tolerance, subject_name, property_name,
              [list(member) for member in members], fingerprint, explanation]
    return hashlib.sha256(_fingerprint_json(inputs).encode()).hexdigest()[:20]


def _add_first_sources(conn: Connection, facts: list[dict]) -> None:
    """Set each fact's "first_source", the citation of its first evidence's source, which its
    explanation names."""
    ids = sorted({fact["id"] for fact in facts})
    sources: dict[int, int | None] = dict(row for start in range(0, len(ids), _IDS_PER_QUERY)
                 for row in conn.execute(_FIRST_SOURCES, {"ids": ids[start:start + _IDS_PER_QUERY]}).all())
    for fact in facts:
        fact["first_source"] = sources[fact["id"]]
    _cite_first_sources(conn, facts)


def _cite_first_sources(conn: Connection, facts: list[dict]) -> None:
    """Turn each fact's "first_source" (a source id) into that source's short citation, and keep
    the id and the details it was made from as "first_cited" (for `_worded_under`). A fact in
    several disagreeing pairs is listed once per pair but turned only once."""
    facts = list({id(fact): fact for fact in facts}.values())
    # Each source's citation is made once, however many facts it is the first source of (at 1M:
    # ~11.7k sources for the ~18.7k disagreeing facts).
    cited = citations(conn, (fact["first_source"] for fact in facts))
    short = {source_id: source.short for source_id, source in cited.items()}
    for fact in facts:
        source_id = fact["first_source"]
        source = cited.get(source_id) if source_id is not None else None
        fact["first_cited"] = (source_id, None if source is None else [
            source.title, source.publisher, source.author, source.published, source.url, source.file_name])
        fact["first_source"] = short.get(source_id) if source_id is not None else None


def _name_value_entities(conn: Connection, facts: list[dict]) -> None:
    """Set each fact's "value_entity_name", the name of the entity an entity value states (None for
    other values), and show such a value by that name: an explanation says "Source says Astana",
    which "says entity #9" did not tell a curator. A fact listed several times is looked up once."""
    ids = sorted({fact["value_entity_id"] for fact in facts
                  if fact["value_kind"] == ValueKind.ENTITY.value and fact["value_entity_id"] is not None})
    names: dict[int, str] = {row[0]: row[1] for start in range(0, len(ids), _IDS_PER_QUERY)
                             for row in conn.execute(_ENTITY_NAMES, {"ids": ids[start:start + _IDS_PER_QUERY]})}
    for fact in facts:
        named = names.get(fact["value_entity_id"]) if fact["value_kind"] == ValueKind.ENTITY.value else None
        fact["value_entity_name"] = named
        if named is not None:
            fact["stated"] = named


def agreeing_fact_ids(conn: Connection, fact_id: int) -> list[int]:
    """Facts that state a compatible value for the same subject and property in an overlapping scope
    ("3 sources agree"); the fact itself is included."""
    own = conn.execute(select(table("fact").c.subject_id, table("fact").c.property_id)
                       .where(table("fact").c.id == fact_id)).first()
    if own is None or own.subject_id is None or own.property_id is None:
        return [fact_id]
    facts = {r["id"]: dict(r) for r in conn.execute(
        _CANDIDATES, {"subject_id": own.subject_id, "property_id": own.property_id}).mappings()}
    if fact_id not in facts:
        return [fact_id]
    me = facts[fact_id]
    separators = separator_values(conn, list(facts.values()))
    agreeing = [fact_id]
    for other_id, other in facts.items():
        if other_id == fact_id or not scopes_overlap(_scope(me), _scope(other)):
            continue
        if separated(separators.get(fact_id), separators.get(other_id)):
            continue
        verdict = values_compatible(TypedValue.from_columns(me), TypedValue.from_columns(other), tolerance=me["tolerance"])
        if verdict.comparable and verdict.compatible:
            agreeing.append(other_id)
    return sorted(agreeing)


def _scope(fact: Mapping) -> Scope:
    return _scope_of(fact["point_in_time"], fact["start_time"], fact["end_time"])


def _scope_of(point_in_time: str | None, start: str | None, end: str | None) -> Scope:
    try:
        return Scope(point_in_time=point_in_time, start=start, end=end)
    except ValueError:  # malformed or inverted qualifiers: judge as unscoped rather than hide a conflict
        return Scope()


def _point_year(scope: Scope) -> int | None:
    """The year a (valid) scope's point in time lies in; a point outweighs a start and end."""
    return None if scope.point_in_time is None else int(scope.point_in_time[:4])


def _explain(a: dict, b: dict, verdict: Verdict) -> str:
    def says(fact: dict) -> str:
        source = fact["first_source"] or f"fact {fact['id']}"
        stated = fact.get("stated")  # the value as shown, when already made (`_described_facts`)
        return f"{source} says {format_value(TypedValue.from_columns(fact)) if stated is None else stated}"

    return f"{a['subject_name']} · {a['property_name']}: {says(a)}; {says(b)} ({verdict.reason})."


def _fingerprint_of_pair(a: tuple, b: tuple) -> str:
    """`_fingerprint` of two rows of `_RESCAN_COLUMNS`, `a` the one with the lower id. The approximate
    flag is the only boolean column (a bool on PostgreSQL, 0 or 1 on SQLite): testing it alone
    rather than each of the 13 columns halves the cost (the re-scan makes ~9.4k at 1M facts). A
    tuple is written as the same JSON array as a list, so the rows go to the encoder as they are
    when the flag is not a bool: 6.5-8.2 -> 3.8-4.1 us a pair, with `_fingerprint_json`."""
    rows = [(a[0], *a[3:16]), (b[0], *b[3:16])]
    if a[_APPROXIMATE_AT + 2].__class__ is bool or b[_APPROXIMATE_AT + 2].__class__ is bool:  # + subject, property
        return _fingerprint_of_rows(rows)
    return hashlib.sha256(_fingerprint_json(rows).encode()).hexdigest()[:20]


def _fingerprint_of_rows(rows: list[tuple]) -> str:
    """`_fingerprint` of rows (id, *_JUDGED_COLUMNS) in id order, as the driver or a Core select
    gives them: the approximate flag is the only boolean column."""
    if any(row[_APPROXIMATE_AT].__class__ is bool for row in rows):
        rows = [(*row[:_APPROXIMATE_AT], int(row[_APPROXIMATE_AT]), *row[_APPROXIMATE_AT + 1:]) for row in rows]
    return hashlib.sha256(_fingerprint_json(rows).encode()).hexdigest()[:20]


_APPROXIMATE_AT = 1 + _JUDGED_COLUMNS.index("value_approximate")  # in a fingerprinted row: the id, then the columns


def _fingerprint(facts: Iterable[dict]) -> str:
    # Rows come both from text() queries (booleans as 0/1) and from Core selects (as bool).
    judged = [[f["id"], *(int(v) if isinstance(v, bool) else v for v in (f[c] for c in _JUDGED_COLUMNS))]
              for f in sorted(facts, key=lambda f: f["id"])]
    return hashlib.sha256(_fingerprint_json(judged).encode()).hexdigest()[:20]


# What json.dumps(..., default=str) writes, without making an encoder for each call (json.dumps
# makes one whenever `default` is given; `rescan` writes ~9.4k fingerprints at 1M).
_FINGERPRINT_JSON = json.JSONEncoder(default=str)


def _one_shot_encoder() -> Callable[[object], str]:
    """`_FINGERPRINT_JSON.encode`, with the C encoder that it makes afresh for every call made once
    (4.5 -> 2.9 us a fingerprint). Used only where it writes exactly what `encode` writes for a
    sample of every type a fingerprint holds; else (another interpreter, or an encoder that takes
    other arguments) `encode` itself."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _FINGERPRINT_JSON.encode
    try:
        chunks = make(None, str, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True)

        def encode(value: object) -> str:
            return "".join(chunks(value, 0))

        sample = [[1, "km", "\u00e9\"\\\n", 2.5, -0.1, 1e300, 10**30, None, True, False, 0],
                  (2, Decimal("1.50"), date(2020, 1, 2), float("nan"), float("inf"), {"a": [1]})]
        if encode(sample) == _FINGERPRINT_JSON.encode(sample):
            return encode
    except Exception:  # noqa: BLE001 - any failure of the private encoder means: use the public one
        pass
    return _FINGERPRINT_JSON.encode


_fingerprint_json = _one_shot_encoder()


# -- declared contradictions -------------------------------------------------------------------

_CONTRADICTS_LINKS = """
    SELECT l.from_fact_id, l.to_fact_id, l.note, fa.subject_id, fa.property_id{judged}
    FROM fact_link l
    JOIN fact fa ON fa.id = l.from_fact_id
    JOIN fact fb ON fb.id = l.to_fact_id
    WHERE l.kind = 'contradicts' AND fa.status <> 'rejected' AND fb.status <> 'rejected' {touching}
    ORDER BY l.id
"""
_DECLARED = text(_CONTRADICTS_LINKS.format(touching="AND (l.from_fact_id IN :ids OR l.to_fact_id IN :ids)", judged="")
                 ).bindparams(bindparam("ids", expanding=True))
# Every "contradicts" link with the judged columns of both its facts (fa's, then fb's, each from its
# id), for `rescan`'s `_declared`, as driver tuples: `_judged_rows` of their ~3.1k ids at 1M (four
# Core selects of 900 ids, each row made a dict) took ~31-35 ms, a read of them by id ~17 ms.
_LINK_COLUMNS = ("from_fact_id", "to_fact_id", "note", "subject_id", "property_id")
_EVERY_DECLARED_JUDGED = _CONTRADICTS_LINKS.format(touching="", judged="".join(
    f", {fact}.{c}" for fact in ("fa", "fb") for c in ("id", *_JUDGED_COLUMNS)))


def declared_disagreements(conn: Connection, fact_ids: list[int]) -> list[Disagreement]:
    return _declared(conn, conn.execute(_DECLARED, {"ids": fact_ids}).mappings().all())


def _declared(conn: Connection, links: Sequence[Mapping], judged: Mapping[int, tuple] | None = None) -> list[Disagreement]:
    """`judged`: the rows (id, *_JUDGED_COLUMNS) of the links' facts by id, when already read."""
    if judged is None:
        judged = {row["id"]: (row["id"], *(row[c] for c in _JUDGED_COLUMNS)) for row in _judged_rows(
            conn, {fact_id for link in links for fact_id in (link["from_fact_id"], link["to_fact_id"])})}
    found = []
    for link in links:
        members = tuple(sorted((link["from_fact_id"], link["to_fact_id"])))
        note = f": {link['note']}" if link["note"] else ""
        found.append(Disagreement(
            ConflictRule.DECLARED, members,
            f"A curator linked fact {members[0]} and fact {members[1]} as contradicting each other{note}.",
            _fingerprint_of_rows([judged[fact_id] for fact_id in members]), link["subject_id"], link["property_id"],
        ))
    return found


def current_fingerprint(conn: Connection, fact_ids: Iterable[int]) -> str:
    return _fingerprint(_judged_rows(conn, fact_ids))


def current_fingerprints(conn: Connection, fact_groups: Sequence[Iterable[int]]) -> list[str]:
    """`current_fingerprint` of each group, from one read of all their facts (a load's 1,136
    conflicts of a 100k base: 0.39 s CPU one query each)."""
    groups = [list(group) for group in fact_groups]
    rows = {row["id"]: row for row in _judged_rows(conn, (i for group in groups for i in group))}
    return [_fingerprint(rows[i] for i in set(group) if i in rows) for group in groups]


def _judged_rows(conn: Connection, fact_ids: Iterable[int]) -> list[dict]:
    f = table("fact")
    columns = [f.c.id, *(f.c[c] for c in _JUDGED_COLUMNS)]
    ids = sorted(set(fact_ids))
    return [dict(r) for start in range(0, len(ids), _IDS_PER_QUERY)
            for r in conn.execute(select(*columns).where(f.c.id.in_(ids[start:start + _IDS_PER_QUERY]))).mappings()]


# -- keeping the conflict table in step --------------------------------------------------------


def recheck(rec: Recorder, keys: Iterable[tuple[int, int]], fact_ids: Iterable[int]) -> None:
    """Bring value conflicts of these (subject, property) keys and declared conflicts of these facts
    up to date, writing through the recorder so the changes are audited and undoable."""
    reads = recheck_reads(keys, fact_ids)
    recheck_answered(rec, keys, fact_ids, engine_of(rec.conn).read_together(rec.conn, reads))


def recheck_reads(keys: Iterable[tuple[int, int]], fact_ids: Iterable[int]) -> list[tuple[ClauseElement, Mapping[str, object]]]:
    """Every read `recheck` starts from, for the storage layer to run at once: a server answers
    them all after one wait instead of one each (an edit's key and fact: five reads;
    docs/PERFORMANCE.md, "PostgreSQL"). None depends on another's answer; the writes come after
    all of them, and they write only conflicts, so other reads may travel with these."""
    reads: list[tuple[ClauseElement, Mapping[str, object]]] = []
    for subject_id, property_id in sorted(set(keys)):
        where = {"subject_id": subject_id, "property_id": property_id}
        reads += [(_CANDIDATES, where), (SEPARATOR_VALUES_OF_KEY, where), (_VALUE_CONFLICTS_OF_KEY, where)]
    ids = sorted(set(fact_ids))
    if ids:
        reads += [(_DECLARED_CONFLICTS_OF_FACTS, {"ids": ids}), (_DECLARED, {"ids": ids})]
    return reads


def recheck_answered(rec: Recorder, keys: Iterable[tuple[int, int]], fact_ids: Iterable[int],
                     answers: Sequence[list[dict]]) -> None:
    """`recheck`, given the rows of `recheck_reads(keys, fact_ids)` read in this transaction."""
    keys, has_facts = sorted(set(keys)), bool(set(fact_ids))
    rows = iter(answers)
    found: dict[tuple[int, int], list[Disagreement]] = {}
    existing: dict[tuple[int, int], dict[str, dict]] = {}
    for key in keys:
        candidates, separators, conflicts = next(rows), next(rows), next(rows)
        found[key] = _value_disagreements_among(rec.conn, candidates, separators_from_rows(separators))
        existing[key] = _by_signature(conflicts)
    _sync_value_conflicts(rec, keys, found, existing)
    if has_facts:
        declared_existing, links = next(rows), next(rows)
        _sync(rec, _declared(rec.conn, links), _by_signature(declared_existing))
    _drop_memberless(rec, sorted(rec.conflicts_touched))


# The columns of the value conflicts `rescan` reads (`_sync`, `_settled_value_conflicts`,
# `_note_wording_unchanged` read no others): ~9.4k rows at 1M, 40 ms against 55 ms for all 14 columns.
_EXISTING_VALUE_CONFLICTS = text("""
    SELECT id, signature, subject_id, property_id, status, explanation, members_fingerprint, worded_under
    FROM conflict WHERE rule = 'value' AND subject_id IS NOT NULL""")
# What `recheck` finds under one key, and among the declared conflicts of some facts.
_VALUE_CONFLICTS_OF_KEY = text(
    "SELECT * FROM conflict WHERE rule = 'value' AND subject_id = :subject_id AND property_id = :property_id")
_DECLARED_CONFLICTS_OF_FACTS = text(
    "SELECT * FROM conflict WHERE rule = 'declared' AND id IN (SELECT conflict_id FROM conflict_member WHERE fact_id IN :ids)"
).bindparams(bindparam("ids", expanding=True))
# What `_existing` finds for all the facts that declared conflicts and "contradicts" links name.
_EXISTING_DECLARED_CONFLICTS = text("""
    SELECT id, signature, subject_id, property_id, status, explanation, members_fingerprint, worded_under
    FROM conflict WHERE rule = 'declared' AND id IN (SELECT conflict_id FROM conflict_member)""")


def rescan(rec: Recorder, progress: Progress | None = None) -> None:
    """Re-check every key and every declared contradiction: the full verification, for after a
    bulk load or a change of the rules, or on demand.

    Finds and writes exactly what `recheck` of every key and every linked fact would, through the
    same `_sync` (so audited and undoable), from a few reads of the whole fact base instead of two
    queries per key. Only keys whose facts may overlap in time are judged
    (`_candidates_where_scopes_may_overlap`); the others can hold no value conflict, so their open
    ones go.

    `progress` hears how far it got and may stop it anywhere: it runs inside the operation's
    transaction, which is then rolled back.
    """
    progress = progress or Progress()
    progress.update(stage="Finding the facts that may disagree")
    candidates: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    engine = engine_of(rec.conn)
    summarised = engine.key_summary_in_place(rec.conn, KEY_SUMMARY)  # else the summary may be stale: group the facts
    with engine.fast_rows(rec.conn, _candidates_where_scopes_may_overlap(engine, summarised)) as rows:
        for fact in rows:
            candidates[(fact[1], fact[2])].append(fact)
    for of_key in candidates.values():
        of_key.sort()  # in id order (the id comes first and is unique), as `recheck` reads them: ~40k rows at 1M
    properties = {row[0]: row for row in rec.conn.execute(_PROPERTIES)}
    existing: dict[tuple[int, int], dict[str, dict]] = defaultdict(dict)
    with engine_of(rec.conn).fast_rows(rec.conn, _EXISTING_VALUE_CONFLICTS) as conflict_rows:
        columns = conflict_rows.columns
        for values in conflict_rows:  # ~9.4k rows at 1M: 36-39 ms as driver tuples, 57-62 ms as mapping rows
            row = dict(zip(columns, values, strict=True))
            existing[(row["subject_id"], row["property_id"])][row["signature"]] = row
    watched = engine_of(rec.conn).meta_watch_in_place(rec.conn, _WORDING_WATCH, _WORDING_TABLES)
    unsettled = _wording_unchanged(rec.conn) if watched else None
    settled = (_settled_value_conflicts(rec.conn, existing, properties) if unsettled is None
               else _settled_as_left(existing, unsettled))
    # Each key is judged alone, in any order; only the keys that write are put in order (below).
    keys = list(candidates.keys() | existing.keys())
    pairs: dict[tuple[int, int], list[tuple[tuple, tuple, Verdict | None]]] = {}
    judged = _Judged()
    with_separators = separator_properties(rec.conn)
    separators = separator_values_of(rec.conn, [fact[0] for key, facts in candidates.items()
                                                if key[1] in with_separators for fact in facts])
    # A key whose every pair is as its row says (no verdict) and that holds no other row writes
    # nothing: `_sync` would find each row as its disagreement, none to delete, and no row of
    # another key can be moved to it or from it (each of its rows names a pair of its own facts).
    # Such keys (all ~11.5k at 1M facts on an up-to-date base) are neither worded nor synced.
    writing = []
    for done, key in enumerate(keys):
        if done % 1000 == 0:
            progress.update(done, len(keys), "Judging the facts of each subject and property")
        facts = candidates.get(key)
        found_pairs = pairs[key] = (_disagreeing_pairs(facts, properties[key[1]][2], judged, separators, settled)
                                    if facts else [])
        if len(found_pairs) != len(existing.get(key, ())) or any(verdict is not None for _a, _b, verdict in found_pairs):
            writing.append(key)
    progress.update(len(keys), len(keys), "Writing what changed")
    # The keys that write go in `recheck`'s order, so the writes come in the same order; a value
    # conflict that another tool wrote without a property sorts after its subject's others.
    # (Sorting every key took ~10-12 ms at 1M.)
    keys = sorted(writing, key=lambda key: (key[0], key[1] is None, key[1] or 0))
    # Only the pairs judged again are worded again; the others are as their rows say.
    described = _described_facts(rec.conn, [fact for key in keys for a, b, verdict in pairs[key]
                                            if verdict is not None for fact in (a, b)], properties)
    found = {key: [_value_disagreement(described[a[0]], described[b[0]], verdict) if verdict is not None
                   else _as_written(settled[(a[0], b[0])], (a[0], b[0])) for a, b, verdict in pairs[key]]
             for key in keys}
    _sync_value_conflicts(rec, keys, found, existing)
    with engine.fast_rows(rec.conn, _EXISTING_DECLARED_CONFLICTS) as conflict_rows:
        columns = conflict_rows.columns
        declared = {row["signature"]: row for row in (dict(zip(columns, values, strict=True)) for values in conflict_rows)}
    links, judged_links = [], {}
    fa, fb = len(_LINK_COLUMNS), len(_LINK_COLUMNS) + 1 + len(_JUDGED_COLUMNS)  # where each fact's columns start
    with engine.fast_rows(rec.conn, _EVERY_DECLARED_JUDGED) as link_rows:
        for link in link_rows:
            links.append(dict(zip(_LINK_COLUMNS, link[:fa], strict=True)))
            judged_links[link[fa]], judged_links[link[fb]] = link[fa:fb], link[fb:]
    _sync(rec, _declared(rec.conn, links, judged_links), declared)
    _drop_memberless(rec, sorted(rec.conflicts_touched))
    _note_checked(rec)
    if watched:  # last: the writes above made the database delete the row
        # The rows of the keys passed over were all found, each as its record says: none is unsettled.
        _note_wording_unchanged(rec, {key: existing[key] for key in keys if key in existing}, found)
    else:  # a note left from before the watch went would vouch for writes nobody saw, were it put back
        meta = table("app_meta")
        rec.conn.execute(delete(meta).where(meta.c.key == _WORDING_UNCHANGED_KEY))


def _settled_value_conflicts(conn: Connection, existing: Mapping[tuple[int, int], Mapping[str, dict]],
                             properties: Mapping[int, Row]) -> dict[tuple[int, int], dict]:
    """The value conflict rows, by their two members' ids, whose `_worded_under` still holds for
    their subject's and property's names, the property's tolerance and their members' first sources
    as they stand now, read in one query (`_WORDING_INPUTS`); whether the members' values still hold
    is for `_disagreeing_pairs` to see (their fingerprint)."""
    rows = {row["id"]: row for of_key in existing.values() for row in of_key.values()}
    members: dict[int, list[tuple]] = defaultdict(list)
    subject_names: dict[int, str | None] = {}
    with engine_of(conn).fast_rows(conn, _WORDING_INPUTS) as found:
        for conflict_id, fact_id, value_entity_name, subject_name, source_id, found_source, *details in found:
            members[conflict_id].append((fact_id, value_entity_name, source_id,
                                         details if found_source is not None else None))
            subject_names[conflict_id] = subject_name
    settled = {}
    for conflict_id, cited in members.items():
        row = rows.get(conflict_id)
        if row is None or len(cited) != 2 or (prop := properties.get(row["property_id"])) is None:
            continue
        cited.sort()
        # A row filed under another pair's signature (another tool's) is for the whole check to sort out.
        if row["signature"] == f"value:{cited[0][0]},{cited[1][0]}" and row["worded_under"] == _worded_under(prop[2], subject_names[conflict_id], prop[1], cited,
                                                row["members_fingerprint"], row["explanation"]):
            settled[(cited[0][0], cited[1][0])] = row
    return settled


# -- what the value conflicts were worded from, unchanged since the last re-scan ---------------

# The row of app_meta a re-scan leaves as it ends, naming the value conflicts whose `_worded_under`
# did not hold then (kept resolved or dismissed ones no longer found); every other value conflict
# with a record then held, the re-scan having written or passed over each. Migration 0012 has the
# database delete the row whenever a row of these tables is written in what a record is made from,
# by whatever writes it (`StorageEngine.add_meta_watch`). While the row is there, every record that
# held still holds, and the next re-scan need not read what they were made from (`_WORDING_INPUTS`:
# ~0.37 s of CPU at 1M facts, docs/PERFORMANCE.md §26). The members' values are not watched: each
# settled pair's fingerprint is still compared with the facts as they are (`_disagreeing_pairs`).
_WORDING_UNCHANGED_KEY = "conflicts_wording_unchanged"
_WORDING_WATCH = "conflict_wording_watch"
_WORDING_TABLES = ("conflict", "conflict_member", "property", "entity", "evidence", "source")


def _wording_unchanged(conn: Connection) -> frozenset[int] | None:
    """The value conflicts whose record did not hold when the last re-scan ended, if nothing a record
    is made from was written since, under the same rules and wording, on this engine; else None.
    The caller has seen that the watch is in place."""
    meta = table("app_meta")
    recorded = conn.execute(select(meta.c.value).where(meta.c.key == _WORDING_UNCHANGED_KEY)).scalar()
    if recorded is None:
        return None
    noted = json.loads(recorded)
    if (noted.get("rules"), noted.get("wording"), noted.get("engine")) != (
            RULES_REVISION, WORDING_REVISION, engine_of(conn).dialect_name):
        return None
    return frozenset(noted["unsettled"])


def _settled_as_left(existing: Mapping[tuple[int, int], Mapping[str, dict]],
                     unsettled: frozenset[int]) -> dict[tuple[int, int], dict]:
    """`_settled_value_conflicts` when nothing a record is made from was written since the last
    re-scan: the rows with a record, but those whose record did not hold as it ended. Each of the
    others was written or passed over by it as the disagreement of the pair its signature names,
    from inputs that are still as they were, so judging and wording that pair again would give the
    row as it is."""
    settled = {}
    for of_key in existing.values():
        for row in of_key.values():
            if row["worded_under"] is not None and row["id"] not in unsettled:
                pair = _pair_named(row["signature"])
                if pair is not None:
                    settled[pair] = row
    return settled


def _pair_named(signature: str) -> tuple[int, int] | None:
    """The two fact ids of a value conflict's signature ("value:12,40"), as `Disagreement.signature` writes them."""
    rule, _, ids = signature.partition(":")
    a, _, b = ids.partition(",")
    if rule != _VALUE_RULE or not (a.isdigit() and b.isdigit() and a.isascii() and b.isascii()):
        return None
    pair = (int(a), int(b))
    return pair if f"{pair[0]},{pair[1]}" == ids and pair[0] < pair[1] else None


_VALUE_RULE = ConflictRule.VALUE.value  # read once: an enum member's value is a descriptor call (~9.4k a re-scan)


def _note_wording_unchanged(rec: Recorder, existing: Mapping[tuple[int, int], Mapping[str, dict]],
                            found: Mapping[tuple[int, int], list[Disagreement]]) -> None:
    """After a re-scan's writes: which value conflicts' records do not hold. A disagreement found
    was written with its record, or its row already held it; a row not found is deleted if open,
    and otherwise kept as it was, its record unchecked."""
    signatures = {d.signature for disagreements in found.values() for d in disagreements}
    unsettled = sorted(row["id"] for of_key in existing.values() for row in of_key.values()
                       if row["worded_under"] is not None and row["signature"] not in signatures
                       and row["status"] != ConflictStatus.OPEN.value)
    rec.set_meta(_WORDING_UNCHANGED_KEY, json.dumps({
        "rules": RULES_REVISION, "wording": WORDING_REVISION, "engine": engine_of(rec.conn).dialect_name,
        "unsettled": unsettled}))


def _as_written(row: Mapping, member_ids: tuple[int, int]) -> Disagreement:
    """The disagreement a settled conflict row describes, as the check would write it again."""
    return Disagreement(ConflictRule.VALUE, member_ids, row["explanation"], row["members_fingerprint"],
                        row["subject_id"], row["property_id"], row["worded_under"])


def _described_facts(conn: Connection, facts: list[tuple], properties: Mapping[int, Row]) -> dict[int, dict]:
    """The rows of these facts as `_explain` and `_fingerprint` read them, by id: their columns, the
    subject's and property's names, the property's tolerance, the first source that states them and
    their value as shown. Each distinct value is shown once (it depends on the value columns alone):
    at 1M the ~18.7k disagreeing facts state ~6.3k values."""
    by_id = {fact[0]: dict(zip(_RESCAN_COLUMNS, fact, strict=True)) for fact in facts}
    shown: dict[tuple, str] = {}
    for row in facts:
        value = row[3:13]  # _VALUE_COLUMNS
        stated = shown.get(value)
        if stated is None:
            stated = shown[value] = format_value(TypedValue.from_columns(by_id[row[0]]))
        by_id[row[0]]["stated"] = stated
    subjects = sorted({fact["subject_id"] for fact in by_id.values()})
    names = {row[0]: row[1] for start in range(0, len(subjects), _IDS_PER_QUERY)
             for row in conn.execute(_ENTITY_NAMES, {"ids": subjects[start:start + _IDS_PER_QUERY]})}
    for fact in by_id.values():
        prop = properties[fact["property_id"]]
        fact.update(subject_name=names.get(fact["subject_id"]), property_name=prop[1], tolerance=prop[2])
    _add_first_sources(conn, list(by_id.values()))
    _name_value_entities(conn, list(by_id.values()))
    return by_id


def recheck_changed(rec: Recorder, progress: Progress | None = None) -> None:
    """Re-check only the keys and facts that changed since the last check of the whole fact base
    (by `rescan` or by this), finding what `rescan` would as long as every change since was made
    through the app or set `fact.updated_at`. Runs `rescan` instead when there was no such check,
    when the rules changed since (`RULES_REVISION`), or when so much changed that it is quicker."""
    last_check = _last_check(rec.conn)
    if last_check is not None:
        keys, fact_ids = _changed_since(rec.conn, last_check)
        if len(keys) <= _KEYS_WORTH_A_RESCAN:
            recheck(rec, keys, fact_ids)
            _note_checked(rec)
            return
    rescan(rec, progress)


# -- what changed since the last check ---------------------------------------------------------

# app_meta row recording the last check of the whole fact base: its operation and time, and the
# rules it was made under.
_LAST_CHECK_KEY = "conflicts_last_check"

RULES_REVISION = 2
"""Bump when what counts as a conflict changes (this module, `compatibility`): a check made under
other rules says nothing of what the new ones find, so the next `recheck_changed` is a full one.
2: separator qualifiers, and explanations citing sources by their details."""

# Re-checking one key costs ~0.3-1 ms at 1M facts, the full re-scan ~5 s: past this many keys it is quicker.
_KEYS_WORTH_A_RESCAN = 5_000

_FACTS_UPDATED_SINCE = text("SELECT id, subject_id, property_id FROM fact WHERE updated_at >= :at")  # ix_fact_updated
_AUDITED_SINCE = text("""
    SELECT target_type, "before", "after" FROM audit_event
    WHERE operation_id > :operation_id AND target_type IN ('fact', 'fact_link', 'conflict', 'conflict_member',
                                                           'fact_qualifier', 'property', 'property_separator')
""")
# The keys of facts whose qualifiers changed, and of every fact of a property whose rules changed.
_KEYS_OF_FACTS = text("""SELECT DISTINCT subject_id, property_id FROM fact
                         WHERE id IN :ids AND subject_id IS NOT NULL AND property_id IS NOT NULL""").bindparams(
    bindparam("ids", expanding=True))
_KEYS_OF_PROPERTIES = text("""SELECT DISTINCT subject_id, property_id FROM fact
                              WHERE property_id IN :ids AND subject_id IS NOT NULL""").bindparams(
    bindparam("ids", expanding=True))
# Facts a declared conflict can concern: the ends of "contradicts" links and members of declared conflicts.
_DECLARED_CANDIDATES = text("""
    SELECT from_fact_id FROM fact_link WHERE kind = 'contradicts'
    UNION SELECT to_fact_id FROM fact_link WHERE kind = 'contradicts'
    UNION SELECT m.fact_id FROM conflict_member m JOIN conflict c ON c.id = m.conflict_id AND c.rule = 'declared'
""")


def _changed_since(conn: Connection, last_check: dict) -> tuple[set[tuple[int, int]], set[int]]:
    """The keys and the declared-conflict facts that may need a re-check since `last_check`.

    Two records, each seeing what the other cannot: `fact.updated_at`, which whoever writes a fact
    sets (the recorder, and other tools that keep the schema's rules), and the audit images of the
    operations since, which also hold the keys facts left, deleted facts, links, and the conflict
    rows that an undo (of a re-check, say) put back."""
    keys: set[tuple[int, int]] = set()
    fact_ids: set[int] = set()
    qualified: set[int] = set()  # facts whose qualifiers changed
    properties: set[int] = set()  # properties whose rules (or separators) changed

    def note_key(row: Mapping) -> None:
        if row["subject_id"] is not None and row["property_id"] is not None:
            keys.add((row["subject_id"], row["property_id"]))

    for fact in conn.execute(_FACTS_UPDATED_SINCE, {"at": last_check["at"]}).mappings():
        note_key(fact)
        fact_ids.add(fact["id"])
    for target_type, *images in conn.execute(_AUDITED_SINCE, {"operation_id": last_check["operation_id"]}):
        for row in (json.loads(image) for image in images if image is not None):
            if target_type == "fact":
                note_key(row)
                fact_ids.add(row["id"])
            elif target_type == "fact_link" and row["kind"] == LinkKind.CONTRADICTS.value:
                fact_ids.update((row["from_fact_id"], row["to_fact_id"]))
            elif target_type == "conflict_member":
                fact_ids.add(row["fact_id"])
            elif target_type == "conflict" and row["rule"] == ConflictRule.VALUE.value:
                note_key(row)
            elif target_type == "fact_qualifier":
                qualified.add(row["fact_id"])
            elif target_type in ("property", "property_separator"):
                properties.add(row["id"] if target_type == "property" else row["property_id"])
    for query, ids in ((_KEYS_OF_FACTS, sorted(qualified)), (_KEYS_OF_PROPERTIES, sorted(properties))):
        for start in range(0, len(ids), _IDS_PER_QUERY):
            keys.update((s_id, p_id) for s_id, p_id in conn.execute(query, {"ids": ids[start:start + _IDS_PER_QUERY]}))
    if fact_ids:
        fact_ids &= set(conn.execute(_DECLARED_CANDIDATES).scalars())
    return keys, fact_ids


def _last_check(conn: Connection) -> dict | None:
    """The last check of the whole fact base, if one was made under the current rules."""
    recorded = conn.execute(select(table("app_meta").c.value).where(table("app_meta").c.key == _LAST_CHECK_KEY)).scalar()
    if recorded is None:
        return None
    last_check = json.loads(recorded)
    return last_check if last_check.get("rules") == RULES_REVISION else None


def _note_checked(rec: Recorder) -> None:
    # app_meta is bookkeeping, not audited: undoing this operation leaves it, and `_changed_since`
    # then sees the conflict rows the undo put back in the audit log.
    rec.set_meta(_LAST_CHECK_KEY, json.dumps({"operation_id": rec.operation_id, "at": rec.at, "rules": RULES_REVISION}))


def _sync_value_conflicts(rec: Recorder, keys: list[tuple[int, int]], found: Mapping[tuple[int, int], list[Disagreement]],
                          existing: Mapping[tuple[int, int], dict[str, dict]]) -> None:
    """`_sync` each key in turn: its disagreements `found` against the value conflicts `existing`
    under it (both read before any write; a key's writes touch only its own conflicts)."""
    moved = _moved_value_conflicts(rec.conn, {
        key: [d for d in found.get(key, ()) if d.signature not in existing.get(key, {})] for key in keys})
    for key in keys:
        kept = {signature: row for signature, row in existing.get(key, {}).items() if signature not in moved.signatures}
        _sync(rec, found.get(key, []), {**kept, **moved.to_key.get(key, {})})


@dataclass(frozen=True)
class _MovedConflicts:
    to_key: dict[tuple[int, int], dict[str, dict]]  # conflict rows by the key their disagreement now has
    signatures: frozenset[str]


_CONFLICTS_BY_SIGNATURE = text("SELECT * FROM conflict WHERE signature IN :signatures").bindparams(
    bindparam("signatures", expanding=True))


def _moved_value_conflicts(conn: Connection, unknown: Mapping[tuple[int, int], list[Disagreement]]) -> _MovedConflicts:
    """Conflict rows of these disagreements, which their keys hold no conflict for, that are filed
    under another (subject, property) key. Usually there are none to look for.

    The signature names only the pair, so when both facts of a disagreement reach another key
    (both edited in one action, one after the other, or by an undo), the pair's conflict row is
    still filed under the old key. Inserting the disagreement anew under its new key would break
    the signature's uniqueness; `_sync` moves the row instead, keeping its judgement (a dismissed
    conflict stays dismissed until a member's value or scope changes), and the old key's own check
    must no longer see it, whichever of the two keys is checked first."""
    key_of = {d.signature: key for key, disagreements in unknown.items() for d in disagreements}
    signatures = sorted(key_of)
    to_key: dict[tuple[int, int], dict[str, dict]] = defaultdict(dict)
    for start in range(0, len(signatures), _IDS_PER_QUERY):
        chunk = signatures[start:start + _IDS_PER_QUERY]
        for row in conn.execute(_CONFLICTS_BY_SIGNATURE, {"signatures": chunk}).mappings():
            key = key_of[row["signature"]]
            if (row["subject_id"], row["property_id"]) != key:
                to_key[key][row["signature"]] = dict(row)
    return _MovedConflicts(dict(to_key), frozenset(signature for rows in to_key.values() for signature in rows))


def _by_signature(rows: Iterable[Mapping]) -> dict[str, dict]:
    return {row["signature"]: dict(row) for row in rows}


def _sync(rec: Recorder, found: list[Disagreement], existing: dict[str, dict]) -> None:
    found_by_signature = {d.signature: d for d in found}
    for signature, disagreement in found_by_signature.items():
        row = existing.get(signature)
        if row is None:
            _insert(rec, disagreement)
            continue
        # A value conflict is filed under its facts' key, which they may have left together.
        key = ({"subject_id": disagreement.subject_id, "property_id": disagreement.property_id}
               if disagreement.rule is ConflictRule.VALUE else {})
        if row["members_fingerprint"] != disagreement.fingerprint:
            # A member's value or scope changed: any earlier judgement no longer applies.
            rec.update("conflict", row["id"], {
                **key, "status": ConflictStatus.OPEN.value, "explanation": disagreement.explanation,
                "members_fingerprint": disagreement.fingerprint, "resolution": None, "rationale": None,
                "resolved_by": None, "resolved_at": None, "worded_under": disagreement.worded_under,
            })
        elif row["explanation"] != disagreement.explanation or any(row[k] != v for k, v in key.items()):
            rec.update("conflict", row["id"], {**key, "explanation": disagreement.explanation,
                                               "worded_under": disagreement.worded_under})
        elif row["worded_under"] != disagreement.worded_under:
            # Only the record of what the row was worded under is new (a row loaded from a file, one
            # written before migration 0011, or after a rename that left its words as they were):
            # bookkeeping of the check's own, like the search index, so it is written without an
            # audit event. Undo and redo restore rows whole from their images, and a record that is
            # out of step with its row's words only sends that row through the whole check again.
            conflict = table("conflict")
            rec.conn.execute(update(conflict).where(conflict.c.id == row["id"])
                             .values(worded_under=disagreement.worded_under))
    for signature, row in existing.items():
        if signature not in found_by_signature and row["status"] == ConflictStatus.OPEN.value:
            _delete(rec, row["id"])


def _insert(rec: Recorder, disagreement: Disagreement, signature: str | None = None) -> int:
    conflict_id = rec.insert("conflict", {
        "rule": disagreement.rule.value, "signature": signature or disagreement.signature,
        "subject_id": disagreement.subject_id, "property_id": disagreement.property_id,
        "status": ConflictStatus.OPEN.value, "explanation": disagreement.explanation,
        "members_fingerprint": disagreement.fingerprint, "worded_under": disagreement.worded_under,
        "created_at": rec.at,
    })
    for fact_id in disagreement.member_ids:
        rec.insert("conflict_member", {"conflict_id": conflict_id, "fact_id": fact_id})
    return conflict_id


def _delete(rec: Recorder, conflict_id: int) -> None:
    m = table("conflict_member")
    rec.delete_all("conflict_member", rec.conn.execute(
        select(m.c.id).where(m.c.conflict_id == conflict_id)).scalars().all())
    rec.delete("conflict", conflict_id)


_MEMBERLESS = text("""
    SELECT c.id FROM conflict c
    WHERE c.id IN :ids AND (SELECT count(*) FROM conflict_member m WHERE m.conflict_id = c.id)
          < (CASE c.rule WHEN 'manual' THEN 1 ELSE 2 END)
""").bindparams(bindparam("ids", expanding=True))


def _drop_memberless(rec: Recorder, conflict_ids: list[int]) -> None:
    """A conflict that lost members to a deleted fact no longer describes a disagreement."""
    if not conflict_ids:
        return
    for conflict_id in rec.conn.execute(_MEMBERLESS, {"ids": conflict_ids}).scalars().all():
        _delete(rec, conflict_id)


def flag(rec: Recorder, fact_ids: tuple[int, ...], reason: str) -> int:
    """A curator's own flag on one fact or a pair."""
    members = tuple(sorted(set(fact_ids)))
    disagreement = Disagreement(
        ConflictRule.MANUAL, members, f"Flagged by {rec.actor}: {reason}",
        _fingerprint(_judged_rows(rec.conn, members)),
    )
    # Several flags on the same facts are distinct records, so the signature carries the operation.
    return _insert(rec, disagreement, signature=f"{disagreement.signature}@{rec.operation_id}")
