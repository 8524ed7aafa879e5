"""Open conflicts as plain data, for `kzeu-desk conflicts` and its --json output (`asdict` of a
`ReportedConflict` is one element of that output, field for field)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_format import format_value

_OPEN = text("""
    SELECT c.id, c.rule, c.explanation, c.created_at, s.name AS subject, p.name AS property
    FROM conflict c
    LEFT JOIN entity s ON s.id = c.subject_id
    LEFT JOIN property p ON p.id = c.property_id
    WHERE c.status = 'open'
    ORDER BY c.id
""")

_MEMBERS = text("""
    SELECT f.*, (SELECT name FROM entity WHERE id = f.value_entity_id) AS value_entity_name
    FROM conflict_member m JOIN fact f ON f.id = m.fact_id
    WHERE m.conflict_id = :conflict_id ORDER BY f.id
""")

_SOURCES = text("""
    SELECT DISTINCT coalesce(s.file_name, s.title) FROM evidence e JOIN source s ON s.id = e.source_id
    WHERE e.fact_id = :fact_id ORDER BY 1
""")


@dataclass(frozen=True, slots=True)
class ReportedFact:
    id: int
    value: str  # formatted for display
    status: str  # a FactStatus
    rank: str  # a FactRank
    point_in_time: str | None
    sources: list[str]  # the file names (or titles) of the sources its evidence is in


@dataclass(frozen=True, slots=True)
class ReportedConflict:
    id: int
    rule: str  # a ConflictRule
    explanation: str
    created_at: str
    subject: str | None  # the subject's name
    property: str | None  # the property's name
    facts: list[ReportedFact]


def open_conflict_report(conn: Connection) -> list[ReportedConflict]:
    report = []
    for conflict_id, rule, explanation, created_at, subject, prop in conn.execute(_OPEN):
        facts = []
        for fact in conn.execute(_MEMBERS, {"conflict_id": conflict_id}).mappings():
            facts.append(ReportedFact(
                id=fact["id"],
                value=format_value(TypedValue.from_columns(fact), entity_name=_named(fact["value_entity_name"])),
                status=fact["status"],
                rank=fact["rank"],
                point_in_time=fact["point_in_time"],
                sources=list(conn.execute(_SOURCES, {"fact_id": fact["id"]}).scalars()),
            ))
        report.append(ReportedConflict(conflict_id, rule, explanation, created_at, subject, prop, facts))
    return report


def _named(name: str | None) -> Callable[[int], str]:
    """The value entity's name, already read with the fact, for `format_value`."""
    return lambda _entity_id: name or ""
