"""Which sources say what about the same thing, and whether they agree: the source agreement matrix.

A *statement* is a fact as one source states it (the fact has evidence in that source). Two
statements are *compared* when they are about the same subject and property and their times can
overlap (core.compatibility's rule; a fact without a time overlaps every time), and they come
from different sources. A comparison is one of:

* agrees: the same fact cited by both sources, or equal values;
* within tolerance: different values that can both be true (core.compatibility: "about 30%" and
  "one third", "more than 8 billion" and "9.1 billion");
* disagrees: values that cannot both be true, and no curator has settled it;
* settled: a conflict between the two was resolved or dismissed, or a curator rejected or
  deprecated one of them;
* not comparable: different currencies, differing free texts, or values of a property that may
  hold several at once (two agreements a country is party to are no contradiction).

Sources are grouped into *voices*: each source on its own, or every source of one publisher
together (the question "which outlets disagree with the ministry most often?" is about outlets).
The matrix has a row for each subject–property key where at least two voices were compared, a
column for each voice, and in each cell the statements of that voice with the strongest stance
they took (disagrees, then settled, within tolerance, agrees). `pairs` counts comparisons per pair
of voices.

Candidate pairs come from SQL (a self-join on the (subject, property) index, scopes compared as
text, see core.timeline); values are judged in Python by the same rules as conflicts. Only facts
with evidence in two sources, or two facts of one key whose times overlap, are read: at 100k facts
a few tens of thousands of pairs. The facts table's filter applies.
"""

from __future__ import annotations

import builtins
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Row, RowMapping, bindparam, text

from kzeu_desk.core.bulk_reads import no_collection_pauses
from kzeu_desk.core.compatibility import Scope, scopes_overlap, values_compatible
from kzeu_desk.core.fact_listing import ListingSpec, filter_clause
from kzeu_desk.core.models import ConflictStatus
from kzeu_desk.core.storage import engine_of
from kzeu_desk.core.timeline import time_text
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_date, format_value

_IDS_PER_QUERY = 900  # bound parameters per statement, well within every engine's limit
Report = Callable[[int, int], None]


class VoiceGrouping(StrEnum):
    SOURCE = "source"
    PUBLISHER = "publisher"


class Stance(StrEnum):
    DISAGREES = "disagrees"
    SETTLED = "settled"
    WITHIN_TOLERANCE = "within tolerance"
    AGREES = "agrees"
    NOT_COMPARABLE = "not comparable"

    @property
    def weight(self) -> int:
        """The stronger stance wins a cell: a disagreement matters more than an agreement."""
        return _WEIGHTS[self]


_WEIGHTS = {Stance.DISAGREES: 4, Stance.SETTLED: 3, Stance.WITHIN_TOLERANCE: 2, Stance.AGREES: 1,
            Stance.NOT_COMPARABLE: 0}


@dataclass(frozen=True, slots=True)
class Voice:
    key: str  # "s<source id>" or "p<publisher>"
    name: str
    detail: str  # publisher, date, number of sources: for a tooltip
    source_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Statement:
    fact_id: int
    source_id: int
    source_title: str
    evidence: tuple[int, int] | None  # (start, end) of the first anchored span in that source
    value: str
    time: str
    status: str
    rank: str
    stance: Stance  # the strongest stance this statement took in any comparison
    conflict_id: int | None  # an open conflict it is in, else a settled one with another statement
    conflict_open: bool
    compared_with: tuple[str, ...]  # voice keys


@dataclass(frozen=True, slots=True)
class Cell:
    stance: Stance
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class KeyRow:
    subject_id: int
    property_id: int
    subject: str
    property: str
    voices: int
    disagreements: int  # comparisons between voices that disagree
    settled: int

    @builtins.property  # the field `property` shadows the name in this class
    def name(self) -> str:
        return f"{self.subject} · {self.property}"


@dataclass(frozen=True, slots=True)
class PairCount:
    a: str  # voice keys, a < b
    b: str
    compared: int = 0
    agree: int = 0
    within_tolerance: int = 0
    disagree: int = 0
    settled: int = 0
    not_comparable: int = 0


@dataclass(frozen=True)
class Agreement:
    grouping: VoiceGrouping
    voices: tuple[Voice, ...]  # most keys first
    keys: tuple[KeyRow, ...]  # most disagreement first
    cells: dict[tuple[int, str], Cell] = field(repr=False)  # (row in keys, voice key) -> cell
    pairs: tuple[PairCount, ...] = ()
    voice_totals: dict[str, PairCount] = field(default_factory=dict, repr=False)  # b = "": with anyone
    _voices_by_key: dict[str, Voice] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_voices_by_key", {voice.key: voice for voice in self.voices})

    def cell(self, row: int, voice_key: str) -> Cell | None:
        return self.cells.get((row, voice_key))

    def voice(self, key: str | None) -> Voice | None:
        return self._voices_by_key.get(key) if key is not None else None

    def pairs_with(self, voice_key: str) -> list[tuple[str, PairCount]]:
        """(other voice, counts) for every voice compared with `voice_key`, most disagreement first."""
        found = [(pair.b if pair.a == voice_key else pair.a, pair) for pair in self.pairs
                 if voice_key in (pair.a, pair.b)]
        return sorted(found, key=lambda entry: (-entry[1].disagree, -entry[1].settled, -entry[1].compared, entry[0]))


# -- SQL ---------------------------------------------------------------------------------------------------


def _scope_columns(alias: str, is_iso_date: Callable[[str], str]) -> tuple[str, str, str]:
    """(first, last, irregular) of a fact's scope as text: first/last NULL for an open end;
    irregular true when the scope is unset or unreadable (it is then compared with every time)."""
    point, start, end = f"{alias}.point_in_time", f"{alias}.start_time", f"{alias}.end_time"
    first = f"coalesce({point}, {start})"
    last_raw = f"coalesce({point}, {end})"
    last = (f"CASE length({last_raw}) WHEN 4 THEN {last_raw} || '-12-31' WHEN 7 THEN {last_raw} || '-31' "
            f"ELSE {last_raw} END")
    readable = " AND ".join(f"({column} IS NULL OR {is_iso_date(column)})" for column in (point, start, end))
    irregular = f"(({point} IS NULL AND {start} IS NULL AND {end} IS NULL) OR NOT ({readable}))"
    return first, last, irregular


def _candidate_pairs_sql(where_a: str, where_b: str, is_iso_date: Callable[[str], str]) -> str:
    # CROSS JOIN (plain SQL) fixes the order for SQLite, and the unary plus keeps it from reaching b
    # through ix_fact_property_id with a range on the fact id: it did, reading every fact of the property
    # for each fact (137 s at 100k facts); on the (subject, property) index it takes 0.4 s.
    a_first, a_last, a_irregular = _scope_columns("a", is_iso_date)
    b_first, b_last, b_irregular = _scope_columns("b", is_iso_date)
    return f"""
        SELECT a.id, b.id
        FROM fact a CROSS JOIN fact b
        WHERE b.subject_id = a.subject_id AND b.property_id = a.property_id AND +b.id > a.id
          AND a.subject_id IS NOT NULL AND a.property_id IS NOT NULL AND {where_a} AND {where_b}
          AND ({a_irregular} OR {b_irregular}
               OR (({a_first} IS NULL OR {b_last} IS NULL OR {a_first} <= {b_last})
                   AND ({b_first} IS NULL OR {a_last} IS NULL OR {b_first} <= {a_last})))
          AND EXISTS (SELECT 1 FROM evidence ea, evidence eb
                      WHERE ea.fact_id = a.id AND eb.fact_id = b.id AND ea.source_id <> eb.source_id)
    """


def _shared_facts_sql(where: str) -> str:
    """Facts with evidence in more than one source."""
    return f"""
        SELECT f.id FROM fact f
        WHERE f.subject_id IS NOT NULL AND f.property_id IS NOT NULL AND {where}
          AND (SELECT count(DISTINCT e.source_id) FROM evidence e WHERE e.fact_id = f.id) > 1
    """


_FACTS = text("""
    SELECT f.*, s.name AS subject_name, p.name AS property_name, p.single_valued, p.tolerance,
           v.name AS value_entity_name
    FROM fact f
    JOIN entity s ON s.id = f.subject_id
    JOIN property p ON p.id = f.property_id
    LEFT JOIN entity v ON v.id = f.value_entity_id
    WHERE f.id IN :ids
""").bindparams(bindparam("ids", expanding=True))

_EVIDENCE = text("""
    SELECT e.fact_id, e.source_id, e.start, e."end", e.anchor_state
    FROM evidence e WHERE e.fact_id IN :ids ORDER BY e.fact_id, e.source_id, e.start, e.id
""").bindparams(bindparam("ids", expanding=True))

# The facts' memberships first, then their conflicts by id (CROSS JOIN fixes that order for SQLite,
# which otherwise walked every conflict for each chunk: 7.6 s at 100k facts).
_CONFLICTS = text("""
    SELECT c.id, c.status, m.fact_id FROM conflict_member m CROSS JOIN conflict c
    WHERE c.id = m.conflict_id AND m.fact_id IN :ids AND c.rule IN ('value', 'declared')
""").bindparams(bindparam("ids", expanding=True))

_SOURCES = text("SELECT id, title, publisher, published FROM source WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True))


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _IDS_PER_QUERY):
        yield list(ids[start:start + _IDS_PER_QUERY])


# -- the comparison -------------------------------------------------------------------------------------


def compare_sources(conn: Connection, grouping: VoiceGrouping = VoiceGrouping.SOURCE,
                    listing: ListingSpec | None = None, report: Report | None = None) -> Agreement:
    """Compare every pair of statements about the same key and time from different sources."""
    with no_collection_pauses():
        return _compare(conn, grouping, listing, report or (lambda _done, _total: None))


def _compare(conn: Connection, grouping: VoiceGrouping, listing: ListingSpec | None, report: Report) -> Agreement:
    where, params = filter_clause(conn, listing or ListingSpec())
    # The filter's fragments name the fact `f`; each side of the pair gets its own copy (and its
    # own name for the search parameter, which SQLAlchemy would otherwise bind once).
    where_a = where.replace("f.", "a.").replace(":search", ":search_a")
    where_b = where.replace("f.", "b.").replace(":search", ":search_b")
    pair_params = {**params}
    if "search" in pair_params:
        pair_params["search_a"] = pair_params["search_b"] = pair_params.pop("search")
    pairs = [(a, b) for a, b in conn.execute(text(_candidate_pairs_sql(where_a, where_b, engine_of(conn).sql.is_iso_date)), pair_params)]
    shared = [row[0] for row in conn.execute(text(_shared_facts_sql(where)), params)]
    fact_ids = sorted({fact_id for pair in pairs for fact_id in pair} | set(shared))
    facts = {row["id"]: row for chunk in _chunks(fact_ids) for row in conn.execute(_FACTS, {"ids": chunk}).mappings()}
    spans: dict[int, dict[int, tuple[int, int] | None]] = defaultdict(dict)
    for chunk in _chunks(fact_ids):
        for fact_id, source_id, start, end, anchor_state in conn.execute(_EVIDENCE, {"ids": chunk}):
            known = spans[fact_id].get(source_id)
            if known is None and anchor_state != "orphaned":
                spans[fact_id][source_id] = (start, end)
            else:
                spans[fact_id].setdefault(source_id, None)
    conflicts = _conflicts_between(conn, fact_ids)
    source_ids = sorted({source_id for by_source in spans.values() for source_id in by_source})
    sources = {row.id: row for chunk in _chunks(source_ids) for row in conn.execute(_SOURCES, {"ids": chunk})}
    voice_of, voices = _voices(sources, grouping)
    judge = _Judge(facts, conflicts)

    stances: dict[tuple[int, int], list[tuple[Stance, str, int | None, bool]]] = defaultdict(list)
    pair_counts: dict[tuple[str, str], Counter[Stance]] = defaultdict(Counter)
    key_comparisons: dict[tuple[int, int], list[tuple[str, str, Stance]]] = defaultdict(list)

    def compare(a_fact: int, a_source: int, b_fact: int, b_source: int, stance: Stance,
                conflict: tuple[int, bool] | None) -> None:
        va, vb = voice_of[a_source], voice_of[b_source]
        conflict_id, conflict_open = conflict if conflict else (None, False)
        stances[(a_fact, a_source)].append((stance, vb, conflict_id, conflict_open))
        stances[(b_fact, b_source)].append((stance, va, conflict_id, conflict_open))
        row = facts[a_fact]
        key_comparisons[(row["subject_id"], row["property_id"])].append((va, vb, stance))
        if va != vb:
            pair_counts[(va, vb) if va < vb else (vb, va)][stance] += 1

    total = len(pairs) + len(shared)
    for done, fact_id in enumerate(shared):
        cited = sorted(spans[fact_id])
        for position, a_source in enumerate(cited):
            for b_source in cited[position + 1:]:
                compare(fact_id, a_source, fact_id, b_source, Stance.AGREES, None)
        if done % 500 == 0:
            report(done, total)
    for done, (a, b) in enumerate(pairs, start=len(shared)):
        stance, conflict = judge.pair(a, b)
        if stance is not None:
            for a_source in spans[a]:
                for b_source in spans[b]:
                    if a_source != b_source:
                        compare(a, a_source, b, b_source, stance, conflict)
        if done % 500 == 0:
            report(done, total)
    report(total, total)
    return _matrix(grouping, facts, spans, sources, voice_of, voices, stances, pair_counts, key_comparisons)


class _Judge:
    def __init__(self, facts: dict[int, RowMapping], conflicts: dict[frozenset[int], tuple[int, bool]]):
        self._facts = facts
        self._conflicts = conflicts

    def pair(self, a: int, b: int) -> tuple[Stance | None, tuple[int, bool] | None]:
        """The stance between two facts of one key, or None when their times do not overlap after all."""
        fa, fb = self._facts[a], self._facts[b]
        if not scopes_overlap(_scope(fa), _scope(fb)):
            return None, None
        conflict = self._conflicts.get(frozenset((a, b)))
        if conflict is not None:
            return (Stance.DISAGREES if conflict[1] else Stance.SETTLED), conflict
        va, vb = _value(fa), _value(fb)
        if va == vb:
            return Stance.AGREES, None
        verdict = values_compatible(va, vb, tolerance=fa["tolerance"])
        if not verdict.comparable or not fa["single_valued"]:
            return Stance.NOT_COMPARABLE, None
        if verdict.compatible:
            return Stance.WITHIN_TOLERANCE, None
        judged = {fa["status"], fb["status"], fa["rank"], fb["rank"]} & {"rejected", "deprecated"}
        return (Stance.SETTLED if judged else Stance.DISAGREES), None


def _scope(fact: RowMapping) -> Scope:
    try:
        return Scope(point_in_time=fact["point_in_time"], start=fact["start_time"], end=fact["end_time"])
    except ValueError:  # unreadable or inverted: compared with every time, as the conflict rules do
        return Scope()


def _value(fact: RowMapping) -> TypedValue:
    return TypedValue.from_columns(fact)


def _conflicts_between(conn: Connection, fact_ids: Sequence[int]) -> dict[frozenset[int], tuple[int, bool]]:
    """(conflict id, open) per pair of member facts; an open conflict wins over a settled one."""
    members: dict[int, set[int]] = defaultdict(set)
    status: dict[int, str] = {}
    for chunk in _chunks(fact_ids):
        for conflict_id, conflict_status, fact_id in conn.execute(_CONFLICTS, {"ids": chunk}):
            members[conflict_id].add(fact_id)
            status[conflict_id] = conflict_status
    found: dict[frozenset[int], tuple[int, bool]] = {}
    for conflict_id, facts in members.items():
        is_open = status[conflict_id] == ConflictStatus.OPEN.value
        ordered = sorted(facts)
        for position, a in enumerate(ordered):
            for b in ordered[position + 1:]:
                pair = frozenset((a, b))
                if pair not in found or (is_open and not found[pair][1]):
                    found[pair] = (conflict_id, is_open)
    return found


def _voices(sources: dict[int, Row[Any]], grouping: VoiceGrouping) -> tuple[dict[int, str], dict[str, Voice]]:
    members: dict[str, list[int]] = defaultdict(list)
    names: dict[str, str] = {}
    for source_id, row in sources.items():
        publisher = (row.publisher or "").strip()
        if grouping is VoiceGrouping.PUBLISHER and publisher:
            key, name = f"p{publisher}", publisher
        else:
            key, name = f"s{source_id}", (row.title or f"source {source_id}").strip()
        members[key].append(source_id)
        names[key] = name
    voice_of = {source_id: key for key, ids in members.items() for source_id in ids}
    voices = {}
    for key, ids in members.items():
        if len(ids) == 1:
            row = sources[ids[0]]
            parts = [part for part in ((row.publisher or "").strip(), _published(row.published)) if part]
            detail = " · ".join(parts) if key.startswith("s") else f"1 source: {row.title}"
        else:
            detail = f"{len(ids):,} sources"
        voices[key] = Voice(key=key, name=names[key], detail=detail, source_ids=tuple(sorted(ids)))
    return voice_of, voices


def _published(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return format_date(iso)
    except ValueError:
        return iso


def _matrix(grouping: VoiceGrouping, facts: dict[int, RowMapping], spans: dict[int, dict[int, tuple[int, int] | None]],
            sources: dict[int, Row[Any]], voice_of: dict[int, str], voices: dict[str, Voice],
            stances: dict[tuple[int, int], list[tuple[Stance, str, int | None, bool]]],
            pair_counts: dict[tuple[str, str], Counter[Stance]],
            key_comparisons: dict[tuple[int, int], list[tuple[str, str, Stance]]]) -> Agreement:
    keys_with_voices: dict[tuple[int, int], set[str]] = defaultdict(set)
    for key, comparisons in key_comparisons.items():
        for va, vb, _stance in comparisons:
            keys_with_voices[key].update((va, vb))
    shown_keys = [key for key, speaking in keys_with_voices.items() if len(speaking) > 1]
    rows = []
    for key in shown_keys:
        comparisons = [entry for entry in key_comparisons[key] if entry[0] != entry[1]]
        rows.append((key, Counter(stance for _va, _vb, stance in comparisons)))
    statement_rows: dict[tuple[int, int], list[Statement]] = defaultdict(list)
    titles = {source_id: row.title for source_id, row in sources.items()}
    shown: dict[int, tuple[str, str]] = {}  # value and time per fact, formatted once
    for (fact_id, source_id), taken in stances.items():
        fact = facts[fact_id]
        if fact_id not in shown:
            shown[fact_id] = (_display(fact), time_text(*_time_of(fact)))
        strongest = max(taken, key=lambda entry: entry[0].weight)
        conflict = next(((cid, is_open) for _s, _v, cid, is_open in taken if cid is not None and is_open), None) or \
            next(((cid, is_open) for _s, _v, cid, is_open in taken if cid is not None), (None, False))
        statement_rows[(fact["subject_id"], fact["property_id"])].append(Statement(
            fact_id=fact_id, source_id=source_id, source_title=titles[source_id],
            evidence=spans[fact_id].get(source_id), value=shown[fact_id][0],
            time=shown[fact_id][1], status=fact["status"], rank=fact["rank"], stance=strongest[0],
            conflict_id=conflict[0], conflict_open=conflict[1],
            compared_with=tuple(sorted({voice for _s, voice, _c, _o in taken}))))
    key_rows: list[KeyRow] = []
    for key, counted in rows:
        sample = facts[statement_rows[key][0].fact_id]
        key_rows.append(KeyRow(subject_id=key[0], property_id=key[1], subject=sample["subject_name"],
                               property=sample["property_name"], voices=len(keys_with_voices[key]),
                               disagreements=counted[Stance.DISAGREES], settled=counted[Stance.SETTLED]))
    key_rows.sort(key=lambda row: (-row.disagreements, -row.settled, -row.voices, row.subject.casefold(),
                                   row.property.casefold()))
    cells: dict[tuple[int, str], Cell] = {}
    keys_per_voice: Counter = Counter()
    for number, row in enumerate(key_rows):
        by_voice: dict[str, list[Statement]] = defaultdict(list)
        for statement in statement_rows[(row.subject_id, row.property_id)]:
            by_voice[voice_of[statement.source_id]].append(statement)
        for voice_key, statements in by_voice.items():
            statements.sort(key=lambda statement: (-statement.stance.weight, statement.fact_id))
            cells[(number, voice_key)] = Cell(stance=statements[0].stance, statements=tuple(statements))
            keys_per_voice[voice_key] += 1
    ordered_voices = sorted((voice for key, voice in voices.items() if keys_per_voice[key]),
                            key=lambda voice: (-keys_per_voice[voice.key], voice.name.casefold(), voice.key))
    pairs = tuple(sorted((PairCount(a=a, b=b, compared=sum(counts.values()), agree=counts[Stance.AGREES],
                                    within_tolerance=counts[Stance.WITHIN_TOLERANCE],
                                    disagree=counts[Stance.DISAGREES], settled=counts[Stance.SETTLED],
                                    not_comparable=counts[Stance.NOT_COMPARABLE])
                          for (a, b), counts in pair_counts.items()),
                         key=lambda pair: (-pair.disagree, -pair.settled, -pair.compared, pair.a, pair.b)))
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for pair in pairs:
        for voice_key in (pair.a, pair.b):
            total = sums[voice_key]
            total[0] += pair.compared
            total[1] += pair.agree
            total[2] += pair.within_tolerance
            total[3] += pair.disagree
            total[4] += pair.settled
            total[5] += pair.not_comparable
    voice_totals = {key: PairCount(key, "", *numbers) for key, numbers in sums.items()}
    return Agreement(grouping=grouping, voices=tuple(ordered_voices), keys=tuple(key_rows), cells=cells, pairs=pairs,
                     voice_totals=voice_totals)


def _display(fact: RowMapping) -> str:
    name = fact["value_entity_name"]
    try:
        return format_value(_value(fact), entity_name=None if name is None else (lambda _id: name))
    except ValueError:
        return str(fact["value_text"] or fact["value_date"] or fact["value_amount"] or "(unreadable value)")


def _time_of(fact: RowMapping) -> tuple[str | None, str | None]:
    if fact["point_in_time"]:
        return fact["point_in_time"], fact["point_in_time"]
    return fact["start_time"], fact["end_time"]
