"""What the Conflicts panel reads: the queue of open conflicts, one conflict in detail, the filter
choices, and the checking of a curator's typed scopes. Qt-free, so tests and the command line get
the same answers as the panel.

A conflict's subject and property come from the conflict row for value and declared conflicts; a
manual flag stores neither, so it is shown (and filtered) under its first member fact's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from kzeu_desk.core.citation import Citation
from kzeu_desk.core.compatibility import date_interval
from kzeu_desk.core.conflicts import agreeing_fact_ids
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.models import ConflictRule, ConflictStatus
from kzeu_desk.core.recorder import table
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_date, format_value
from kzeu_desk.core import value_parsing_on_demand as value_parsing

__all__ = [
    "QUALIFIER_FIELDS", "RULE_WORDS", "ConflictCounts", "ConflictDetail", "ConflictFilterChoices", "ConflictMember",
    "ConflictRecord", "MemberEvidence", "PropertyChoice", "QueuedConflict", "RuleChoice", "SourceChoice",
    "conflict_counts", "conflict_detail", "conflict_sources", "filter_choices", "open_conflicts", "scope_edits",
]

RULE_WORDS: dict[str, str] = {
    ConflictRule.VALUE.value: "value conflict",
    ConflictRule.DECLARED.value: "declared contradiction",
    ConflictRule.MANUAL.value: "flagged for review",
}

# Qualifier columns in the order a curator reads them, with the words the panel uses.
QUALIFIER_FIELDS: dict[str, str] = {
    "point_in_time": "point in time",
    "start_time": "start",
    "end_time": "end",
    "scope_note": "scope note",
}
_DATE_QUALIFIERS = ("point_in_time", "start_time", "end_time")

# Each open conflict with the subject and property it is shown under (see the module docstring).
_OPEN_WITH_TOPIC = """
    WITH topic AS (
        SELECT c.id, c.rule, c.explanation, c.created_at,
               coalesce(c.subject_id, (SELECT f.subject_id FROM conflict_member m JOIN fact f ON f.id = m.fact_id
                                        WHERE m.conflict_id = c.id ORDER BY f.id LIMIT 1)) AS subject_id,
               coalesce(c.property_id, (SELECT f.property_id FROM conflict_member m JOIN fact f ON f.id = m.fact_id
                                         WHERE m.conflict_id = c.id ORDER BY f.id LIMIT 1)) AS property_id
        FROM conflict c
        WHERE c.status = 'open'
    )
"""

_MEMBER_HAS_EVIDENCE_IN_SOURCE = """
    EXISTS (SELECT 1 FROM conflict_member m JOIN evidence e ON e.fact_id = m.fact_id
            WHERE m.conflict_id = t.id AND e.source_id = :source_id)
"""


@dataclass(frozen=True, slots=True)
class QueuedConflict:
    """One open conflict in the queue, under the subject and property it is shown with."""
    id: int
    rule: str  # a ConflictRule
    subject_id: int | None
    property_id: int | None
    subject_name: str | None
    property_name: str | None
    explanation: str
    created_at: str
    member_count: int


def open_conflicts(conn: Connection, *, property_id: int | None = None, source_id: int | None = None,
                   rule: ConflictRule | str | None = None) -> list[QueuedConflict]:
    """Open conflicts, oldest first. A source filter keeps conflicts with a member that has
    evidence in that source."""
    conditions = ["1 = 1"]
    params: dict[str, Any] = {}
    if property_id is not None:
        conditions.append("t.property_id = :property_id")
        params["property_id"] = property_id
    if rule is not None:
        conditions.append("t.rule = :rule")
        params["rule"] = ConflictRule(rule).value
    if source_id is not None:
        conditions.append(_MEMBER_HAS_EVIDENCE_IN_SOURCE)
        params["source_id"] = source_id
    query = text(_OPEN_WITH_TOPIC + f"""
        SELECT t.id, t.rule, t.subject_id, t.property_id, s.name AS subject_name, p.name AS property_name,
               t.explanation, t.created_at,
               (SELECT count(*) FROM conflict_member m WHERE m.conflict_id = t.id) AS member_count
        FROM topic t
        LEFT JOIN entity s ON s.id = t.subject_id
        LEFT JOIN property p ON p.id = t.property_id
        WHERE {" AND ".join(conditions)}
        ORDER BY t.created_at, t.id
    """)
    return [QueuedConflict(*row) for row in conn.execute(query, params)]


@dataclass(frozen=True, slots=True)
class ConflictCounts:
    open: int
    resolved: int
    dismissed: int


def conflict_counts(conn: Connection) -> ConflictCounts:
    """How many conflicts there are in each status."""
    counts = {status.value: 0 for status in ConflictStatus}
    query = text("SELECT status, count(*) AS n FROM conflict GROUP BY status")
    counts.update({row.status: row.n for row in conn.execute(query)})
    return ConflictCounts(open=counts[ConflictStatus.OPEN], resolved=counts[ConflictStatus.RESOLVED],
                          dismissed=counts[ConflictStatus.DISMISSED])


@dataclass(frozen=True, slots=True)
class PropertyChoice:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class SourceChoice:
    id: int
    title: str


@dataclass(frozen=True, slots=True)
class RuleChoice:
    rule: str  # a ConflictRule
    name: str  # what the panel calls it: "value conflict"


@dataclass(frozen=True, slots=True)
class ConflictFilterChoices:
    """What the queue's filter combos offer: only what currently has open conflicts."""
    properties: list[PropertyChoice]
    sources: list[SourceChoice]
    rules: list[RuleChoice]


def filter_choices(conn: Connection, *, include_sources: bool = True) -> ConflictFilterChoices:
    """Properties, sources and rules that currently have open conflicts, for the filter combos.
    Sources number in the thousands in a large fact base (0.2 s at 1M facts): without
    `include_sources` the list is left empty, for a combo that reads them when it is opened
    (`conflict_sources`)."""
    properties = conn.execute(text(_OPEN_WITH_TOPIC + """
        SELECT DISTINCT p.id, p.name FROM topic t JOIN property p ON p.id = t.property_id ORDER BY p.name
    """))
    present_rules = set(conn.execute(text("SELECT DISTINCT rule FROM conflict WHERE status = 'open'")).scalars())
    return ConflictFilterChoices(
        properties=[PropertyChoice(property_id, name) for property_id, name in properties],
        sources=conflict_sources(conn) if include_sources else [],
        rules=[RuleChoice(rule, name) for rule, name in RULE_WORDS.items() if rule in present_rules],
    )


def conflict_sources(conn: Connection) -> list[SourceChoice]:
    """Sources holding evidence of a fact in an open conflict, by title."""
    return [SourceChoice(source_id, title) for source_id, title in conn.execute(text("""
        SELECT DISTINCT s.id, s.title FROM conflict c
        JOIN conflict_member m ON m.conflict_id = c.id
        JOIN evidence e ON e.fact_id = m.fact_id
        JOIN source s ON s.id = e.source_id
        WHERE c.status = 'open'
        ORDER BY s.title, s.id
    """))]


_CONFLICT_ROW = text("""
    SELECT c.id, c.rule, c.signature, c.subject_id, c.property_id, c.status, c.explanation, c.members_fingerprint,
           c.resolution, c.rationale, c.resolved_by, c.resolved_at, c.created_at,
           s.name AS subject_name, p.name AS property_name
    FROM conflict c
    LEFT JOIN entity s ON s.id = c.subject_id
    LEFT JOIN property p ON p.id = c.property_id
    WHERE c.id = :conflict_id
""")

_MEMBER_EVIDENCE = text("""
    SELECT e.fact_id, e.id AS evidence_id, e.source_id, s.title AS source_title, s.published AS source_published,
           s.char_count AS source_char_count, e.start, e."end", e.quote, e.prefix, e.suffix,
           s.publisher, s.author, s.url, s.file_name
    FROM evidence e
    JOIN source s ON s.id = e.source_id
    WHERE e.fact_id IN :fact_ids
    ORDER BY s.title, e.start, e.id
""").bindparams(bindparam("fact_ids", expanding=True))

_SOURCES_OF_FACTS = text("SELECT DISTINCT source_id FROM evidence WHERE fact_id IN :fact_ids").bindparams(
    bindparam("fact_ids", expanding=True))


@dataclass(frozen=True, slots=True)
class ConflictRecord:
    """A conflict's stored columns with the names of its subject and property."""
    id: int
    rule: str  # a ConflictRule
    signature: str
    subject_id: int | None
    property_id: int | None
    status: str  # a ConflictStatus
    explanation: str
    members_fingerprint: str
    resolution: str | None
    rationale: str | None
    resolved_by: str | None
    resolved_at: str | None
    created_at: str
    subject_name: str | None
    property_name: str | None


@dataclass(frozen=True, slots=True)
class MemberEvidence:
    """A member fact's evidence span, with its source and its context for the card."""
    evidence_id: int
    source_id: int
    source_title: str
    source_published: str | None  # as stored (an ISO date)
    source_char_count: int
    start: int  # code points into the source's canonical text
    end: int
    quote: str
    prefix: str
    suffix: str
    source_published_text: str | None  # for display: "16 December 2021"
    source_citation: str  # author, title, publisher, date, address
    source_reference: str  # the same without the address


@dataclass(frozen=True, slots=True)
class ConflictMember:
    """One member fact of a conflict, as its card shows it."""
    fact_id: int
    version: int
    subject_name: str | None
    property_name: str | None
    value: str  # formatted for display
    value_kind: str  # a ValueKind
    qualifiers: dict[str, str | None]  # {qualifier column: display text}, only those set, in QUALIFIER_FIELDS order
    scope: dict[str, str | None]  # {qualifier column: stored value} for every QUALIFIER_FIELDS column
    status: str  # a FactStatus
    rank: str  # a FactRank
    agreeing_fact_ids: list[int]  # facts saying the same, this one included
    agreeing_fact_count: int
    agreeing_source_count: int
    evidence: tuple[MemberEvidence, ...]


@dataclass(frozen=True, slots=True)
class ConflictDetail:
    conflict: ConflictRecord
    members: tuple[ConflictMember, ...]  # in fact id order


def conflict_detail(conn: Connection, conflict_id: int) -> ConflictDetail | None:
    """One conflict with everything needed to judge it, or None if it no longer exists."""
    conflict = conn.execute(_CONFLICT_ROW, {"conflict_id": conflict_id}).first()
    if conflict is None:
        return None
    fact, member = table("fact"), table("conflict_member")
    facts = conn.execute(
        select(fact).join(member, member.c.fact_id == fact.c.id)
        .where(member.c.conflict_id == conflict_id).order_by(fact.c.id)
    ).mappings().all()
    fact_ids = [row["id"] for row in facts]
    entity_name = _entity_namer(conn, [i for row in facts for i in (row["subject_id"], row["value_entity_id"])])
    property_names = _property_names(conn, [row["property_id"] for row in facts])
    evidence_by_fact: dict[int, list[MemberEvidence]] = {fact_id: [] for fact_id in fact_ids}
    if fact_ids:
        for (fact_id, evidence_id, source_id, title, published, char_count, start, end, quote, prefix,
             suffix, publisher, author, url, file_name) in conn.execute(_MEMBER_EVIDENCE, {"fact_ids": fact_ids}):
            citation = Citation(title, publisher, author, published, url, file_name)
            evidence_by_fact[fact_id].append(MemberEvidence(
                evidence_id, source_id, title, published, char_count, start, end, quote, prefix, suffix,
                source_published_text=_display_date(published), source_citation=citation.full,
                source_reference=citation.reference))
    members = []
    for row in facts:
        agreeing = agreeing_fact_ids(conn, row["id"])
        agreeing_sources = conn.execute(_SOURCES_OF_FACTS, {"fact_ids": agreeing}).scalars().all()
        members.append(ConflictMember(
            fact_id=row["id"],
            version=row["version"],
            subject_name=entity_name(row["subject_id"]) if row["subject_id"] is not None else None,
            property_name=property_names.get(row["property_id"]),
            value=_display_value(TypedValue.from_columns(row), entity_name),
            value_kind=row["value_kind"],
            qualifiers=_qualifier_texts(dict(row)),
            scope={column: row[column] for column in QUALIFIER_FIELDS},
            status=row["status"],
            rank=row["rank"],
            agreeing_fact_ids=agreeing,
            agreeing_fact_count=len(agreeing),
            agreeing_source_count=len(agreeing_sources),
            evidence=tuple(evidence_by_fact[row["id"]]),
        ))
    return ConflictDetail(ConflictRecord(*conflict), tuple(members))


def scope_edits(current: Mapping[int, Mapping[str, str | None]],
                typed: Mapping[int, Mapping[str, str]]) -> dict[int, dict[str, str | None]]:
    """Turn the texts a curator typed into the Scope dialog into `FactBase.scope_facts` input.

    `current` is each member's stored scope ({column: value}), `typed` the dialog's texts per fact
    and column. Dates are parsed with the editor's parser; an empty field clears the qualifier.
    Only changed columns are returned, so an untouched fact is not rewritten (and its version kept).
    Raises InvalidEdit naming the first date that cannot be read or a start after its end.
    """
    edits: dict[int, dict[str, str | None]] = {}
    for fact_id, fields in typed.items():
        stored = current.get(fact_id, {})
        wanted: dict[str, str | None] = {}
        for column, raw in fields.items():
            if column not in QUALIFIER_FIELDS:
                raise InvalidEdit(f"Unknown qualifier {column!r}.")
            entered = raw.strip()
            if column in _DATE_QUALIFIERS:
                wanted[column] = _typed_date(entered, fact_id, column)
            else:
                wanted[column] = entered or None
        start = wanted.get("start_time", stored.get("start_time"))
        end = wanted.get("end_time", stored.get("end_time"))
        if start is not None and end is not None and _starts_after_end(start, end):
            raise InvalidEdit(f"Fact {fact_id} would start ({format_date(start)}) after it ends ({format_date(end)}).")
        changed = {column: value for column, value in wanted.items() if stored.get(column) != value}
        if changed:
            edits[fact_id] = changed
    return edits


# -- helpers ----------------------------------------------------------------------------------------


def _typed_date(entered: str, fact_id: int, column: str) -> str | None:
    if not entered:
        return None
    iso = value_parsing.parse_date_text(entered)
    if iso is None:
        raise InvalidEdit(
            f"“{entered}” is not a date I can read for fact {fact_id}'s {QUALIFIER_FIELDS[column]}; "
            "try 2022, 2022-03 or 2 March 2022."
        )
    return iso


def _starts_after_end(start: str, end: str) -> bool:
    # "2022-05" to "2022" is a valid scope: the end covers the whole year, so compare against its last day.
    try:
        return date_interval(start)[0] > date_interval(end)[1]
    except ValueError:  # a stored qualifier another client wrote malformed: the service judges it
        return False


def _qualifier_texts(row: Mapping[str, Any]) -> dict[str, str | None]:
    shown: dict[str, str | None] = {}
    for column in QUALIFIER_FIELDS:
        stored = row[column]
        if stored is None or stored == "":
            continue
        shown[column] = _display_date(stored) if column in _DATE_QUALIFIERS else str(stored)
    return shown


def _display_date(iso: str | None) -> str | None:
    """A stored date for display; one written malformed by another client shows as stored."""
    if iso is None:
        return None
    try:
        return format_date(iso)
    except ValueError:
        return iso


def _display_value(value: TypedValue, entity_name: Callable[[int], str]) -> str:
    try:
        return format_value(value, entity_name=entity_name)
    except ValueError:
        return value.date or value.text or "(unreadable value)"


def _entity_namer(conn: Connection, entity_ids: list[int | None]) -> Callable[[int], str]:
    ids = sorted({i for i in entity_ids if i is not None})
    entity = table("entity")
    names: dict[int, str] = dict(
        conn.execute(select(entity.c.id, entity.c.name).where(entity.c.id.in_(ids))).all()) if ids else {}
    return lambda entity_id: names.get(entity_id, f"entity #{entity_id}")


def _property_names(conn: Connection, property_ids: list[int | None]) -> dict[int, str]:
    ids = sorted({i for i in property_ids if i is not None})
    if not ids:
        return {}
    prop = table("property")
    return dict(conn.execute(select(prop.c.id, prop.c.name).where(prop.c.id.in_(ids))).all())
