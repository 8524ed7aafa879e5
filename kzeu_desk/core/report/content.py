"""What the report says, read from the fact base as typed rows: sources with their citations, facts
in subject and property order with their quotes, and conflicts with how they were settled.

Facts are streamed in report order and handed out a page at a time (`fact_pages`), with their
evidence and conflicts read for that page only, so a report of a million facts never holds them
all in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text

from kzeu_desk.core.models import ConflictStatus
from kzeu_desk.core.qualifiers import qualifiers_of
from kzeu_desk.core.timeline import time_text
from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_date, format_value

FACTS_PER_PAGE = 2000  # a page holds whole subjects; one with more facts gets a page of its own
_IDS_PER_QUERY = 900
NO_SUBJECT = "(no subject yet)"
NO_PROPERTY = "(no property yet)"


@dataclass(frozen=True, slots=True)
class SourceCitation:
    id: int
    title: str
    publisher: str | None
    author: str | None
    url: str | None
    published: str | None  # ISO, truncated to its precision
    file_name: str | None
    note: str | None
    facts: int

    @property
    def published_text(self) -> str | None:
        if not self.published:
            return None
        try:
            return format_date(self.published)
        except ValueError:
            return self.published


@dataclass(frozen=True, slots=True)
class Quote:
    source_id: int
    quote: str
    orphaned: bool  # the span was not found in the source's current text; the quote is from an earlier one


@dataclass(frozen=True, slots=True)
class ConflictMark:
    conflict_id: int
    status: str


@dataclass(frozen=True, slots=True)
class ReportFact:
    id: int
    subject_id: int | None
    subject: str
    property: str
    value: str
    time: str
    scope_note: str | None
    qualifiers: tuple[str, ...]  # "partner: China", in the order they were added
    status: str
    rank: str
    note: str | None
    quotes: tuple[Quote, ...]
    conflicts: tuple[ConflictMark, ...]
    created_by: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class ConflictMember:
    fact_id: int
    value: str
    time: str
    qualifiers: tuple[str, ...]  # what may separate it from the others ("partner: China")
    status: str
    rank: str
    source_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ReportConflict:
    id: int
    rule: str
    status: str
    subject: str
    property: str
    explanation: str
    resolution: str | None
    rationale: str | None
    resolved_by: str | None
    resolved_at: str | None
    created_at: str
    members: tuple[ConflictMember, ...]


def sources(conn: Connection) -> list[SourceCitation]:
    rows = conn.execute(text("""
        SELECT s.id, s.title, s.publisher, s.author, s.url, s.published, s.file_name, s.note,
               (SELECT count(DISTINCT e.fact_id) FROM evidence e WHERE e.source_id = s.id) AS facts
        FROM source s ORDER BY s.id
    """))
    found = [SourceCitation(*row) for row in rows]
    found.sort(key=lambda source: (source.title or "").casefold())
    return found


_FACTS_IN_ORDER = text("""
    SELECT f.*, s.name AS subject_name, p.name AS property_name, v.name AS value_entity_name
    FROM fact f
    LEFT JOIN entity s ON s.id = f.subject_id
    LEFT JOIN property p ON p.id = f.property_id
    LEFT JOIN entity v ON v.id = f.value_entity_id
    ORDER BY CASE WHEN s.name IS NULL THEN 1 ELSE 0 END, s.name, f.subject_id,
             CASE WHEN p.name IS NULL THEN 1 ELSE 0 END, p.name,
             coalesce(f.point_in_time, f.start_time, f.value_date, f.end_time, ''), f.id
""")

_QUOTES = text("""
    SELECT e.fact_id, e.source_id, e.quote, e.anchor_state FROM evidence e
    WHERE e.fact_id IN :ids ORDER BY e.fact_id, e.source_id, e.start, e.id
""").bindparams(bindparam("ids", expanding=True))

# Memberships first, then each conflict by id (see core.timeline on SQLite's choice otherwise).
_MEMBERSHIPS = text("""
    SELECT m.fact_id, c.id, c.status FROM conflict_member m CROSS JOIN conflict c
    WHERE c.id = m.conflict_id AND m.fact_id IN :ids ORDER BY c.id
""").bindparams(bindparam("ids", expanding=True))


def fact_count(conn: Connection) -> int:
    return conn.execute(text("SELECT count(*) FROM fact")).scalar_one()


_SUBJECT_COUNTS = text("""
    SELECT f.subject_id, count(*) FROM fact f LEFT JOIN entity s ON s.id = f.subject_id
    GROUP BY f.subject_id, s.name
    ORDER BY CASE WHEN s.name IS NULL THEN 1 ELSE 0 END, s.name, f.subject_id
""")


@dataclass(frozen=True)
class PagePlan:
    """Which subjects start a new page: whole subjects, about `facts_per_page` facts a page."""

    first_subjects: tuple[int | None, ...]  # the subject each page after the first begins with

    @property
    def pages(self) -> int:
        return len(self.first_subjects) + 1


def page_plan(conn: Connection, facts_per_page: int = FACTS_PER_PAGE) -> PagePlan:
    """Plan the facts pages from one count per subject, so every page knows how many there are."""
    starts, on_page = [], 0
    for subject_id, facts in conn.execute(_SUBJECT_COUNTS):
        if on_page >= facts_per_page:
            starts.append(subject_id)
            on_page = 0
        on_page += facts
    return PagePlan(tuple(starts))


def fact_pages(conn: Connection, plan: PagePlan) -> Iterator[list[ReportFact]]:
    """Facts in report order, a page at a time, as planned."""
    page_rows: list[dict] = []
    upcoming = list(plan.first_subjects)
    previous_subject: object = object()
    for row in conn.execute(_FACTS_IN_ORDER).mappings():
        subject = row["subject_id"]
        if upcoming and subject != previous_subject and subject == upcoming[0] and page_rows:
            upcoming.pop(0)
            yield _complete(conn, page_rows)
            page_rows = []
        page_rows.append(dict(row))
        previous_subject = subject
    if page_rows:
        yield _complete(conn, page_rows)


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _IDS_PER_QUERY):
        yield list(ids[start:start + _IDS_PER_QUERY])


def _complete(conn: Connection, rows: list[dict]) -> list[ReportFact]:
    ids = [row["id"] for row in rows]
    quotes: dict[int, list[Quote]] = defaultdict(list)
    marks: dict[int, list[ConflictMark]] = defaultdict(list)
    for chunk in _chunks(ids):
        for fact_id, source_id, quote, anchor_state in conn.execute(_QUOTES, {"ids": chunk}):
            quotes[fact_id].append(Quote(source_id, quote, anchor_state == "orphaned"))
        for fact_id, conflict_id, status in conn.execute(_MEMBERSHIPS, {"ids": chunk}):
            marks[fact_id].append(ConflictMark(conflict_id, status))
    qualifiers = qualifiers_of(conn, ids)
    return [ReportFact(
        id=row["id"], subject_id=row["subject_id"], subject=row["subject_name"] or NO_SUBJECT,
        property=row["property_name"] or NO_PROPERTY, value=_value(row), time=_time(row),
        scope_note=row["scope_note"], qualifiers=tuple(q.label for q in qualifiers.get(row["id"], ())),
        status=row["status"], rank=row["rank"], note=row["note"],
        quotes=tuple(quotes[row["id"]]), conflicts=tuple(marks[row["id"]]), created_by=row["created_by"],
        updated_at=row["updated_at"],
    ) for row in rows]


def _value(row: Mapping[Any, Any]) -> str:
    name = row["value_entity_name"]
    try:
        return format_value(TypedValue.from_columns(row), entity_name=None if name is None else (lambda _id: name))
    except ValueError:
        stored = row["value_text"] or row["value_date"] or row["value_amount"]
        return "(unreadable value)" if stored is None else f"{stored} (unreadable value)"


def _time(row: Mapping[Any, Any]) -> str:
    if row["point_in_time"]:
        return time_text(row["point_in_time"], row["point_in_time"])
    return time_text(row["start_time"], row["end_time"])


_CONFLICTS = text("""
    SELECT c.id, c.rule, c.status, s.name AS subject_name, p.name AS property_name, c.explanation,
           c.resolution, c.rationale, c.resolved_by, c.resolved_at, c.created_at
    FROM conflict c
    LEFT JOIN entity s ON s.id = c.subject_id
    LEFT JOIN property p ON p.id = c.property_id
    ORDER BY CASE c.status WHEN 'open' THEN 0 WHEN 'resolved' THEN 1 ELSE 2 END, c.id
""")

_MEMBERS = text("""
    SELECT m.conflict_id, f.*, s.name AS subject_name, p.name AS property_name, v.name AS value_entity_name
    FROM conflict_member m
    JOIN fact f ON f.id = m.fact_id
    LEFT JOIN entity s ON s.id = f.subject_id
    LEFT JOIN property p ON p.id = f.property_id
    LEFT JOIN entity v ON v.id = f.value_entity_id
    WHERE m.conflict_id IN :ids
    ORDER BY m.conflict_id, f.id
""").bindparams(bindparam("ids", expanding=True))

_SOURCES_OF = text("SELECT DISTINCT fact_id, source_id FROM evidence WHERE fact_id IN :ids").bindparams(
    bindparam("ids", expanding=True))


def conflicts(conn: Connection) -> list[ReportConflict]:
    """Every conflict, open ones first, with its member facts and how it was settled."""
    heads = conn.execute(_CONFLICTS).mappings().all()
    members: dict[int, list[ConflictMember]] = defaultdict(list)
    names: dict[int, tuple[str | None, str | None]] = {}
    rows = [row for chunk in _chunks([head["id"] for head in heads])
            for row in conn.execute(_MEMBERS, {"ids": chunk}).mappings()]
    cited: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(sorted({row["id"] for row in rows})):
        for fact_id, source_id in conn.execute(_SOURCES_OF, {"ids": chunk}):
            cited[fact_id].add(source_id)
    qualifiers = qualifiers_of(conn, [row["id"] for row in rows])
    for row in rows:
        members[row["conflict_id"]].append(ConflictMember(
            row["id"], _value(row), _time(row), tuple(q.label for q in qualifiers.get(row["id"], ())),
            row["status"], row["rank"], tuple(sorted(cited[row["id"]]))))
        names.setdefault(row["conflict_id"], (row["subject_name"], row["property_name"]))
    found = []
    for head in heads:
        # A manual flag names no subject or property: it is shown under its first fact's.
        subject, prop = head["subject_name"], head["property_name"]
        fallback = names.get(head["id"], (None, None))
        found.append(ReportConflict(
            id=head["id"], rule=head["rule"], status=head["status"], subject=subject or fallback[0] or NO_SUBJECT,
            property=prop or fallback[1] or NO_PROPERTY, explanation=head["explanation"],
            resolution=head["resolution"], rationale=head["rationale"], resolved_by=head["resolved_by"],
            resolved_at=head["resolved_at"], created_at=head["created_at"], members=tuple(members[head["id"]])))
    return found


def conflict_totals(items: Sequence[ReportConflict]) -> dict[str, int]:
    totals = {status.value: 0 for status in ConflictStatus}
    for conflict in items:
        totals[conflict.status] = totals.get(conflict.status, 0) + 1
    return totals
