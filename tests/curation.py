"""A curator's own project, for the tests of an open schema: short news texts written for these
tests (tests/curation_texts, none from the sample corpus) about trade shares by partner, EPCA
ratifications and negotiation rounds, visa talks and a ministerial meeting held over two days,
imported into a fact base, and a helper that records facts the way a curator does."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from kzeu_desk.core import queries
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind

TEXTS = Path(__file__).parent / "curation_texts"


class Curator:
    def __init__(self, fact_base: FactBase):
        self.fb = fact_base
        self.sources: dict[str, int] = {}
        for path in sorted(TEXTS.glob("*.txt")):
            self.sources[path.name] = fact_base.import_document(read_document(path)).new_id("source")
        self.reload()

    def reload(self) -> None:
        with self.fb.reading() as conn:
            self.entities = dict(conn.execute(text("SELECT name, id FROM entity")).all())
            self.properties = dict(conn.execute(text("SELECT key, id FROM property")).all())

    def entity(self, name: str, kind: str = "other", external_id: str | None = None) -> int:
        if name not in self.entities:
            self.fb.create_entity(name, kind=kind, external_id=external_id)
            self.reload()
        return self.entities[name]

    def span(self, file_name: str, quote: str) -> tuple[int, int, int]:
        with self.fb.reading() as conn:
            body = queries.source_text(conn, self.sources[file_name])
        start = body.index(quote)
        return self.sources[file_name], start, start + len(quote)

    def fact(self, subject: str, prop: str, value: TypedValue, file_name: str, quote: str, *,
             qualifiers: dict[str, TypedValue | str] | None = None, **scope: str) -> int:
        pairs = []
        for key, qualifier in (qualifiers or {}).items():
            if isinstance(qualifier, str):  # an entity named by its name
                qualifier = TypedValue(ValueKind.ENTITY, entity_id=self.entity(qualifier))
            pairs.append((self.properties[key], qualifier))
        return self.fb.create_fact(
            value=value, subject_id=self.entity(subject), property_id=self.properties[prop], qualifiers=scope,
            evidence=[self.span(file_name, quote)], qualifier_values=pairs,
        ).new_id("fact")


def open_conflicts(fact_base: FactBase) -> list[tuple[int, ...]]:
    """The member facts of each open conflict."""
    with fact_base.reading() as conn:
        rows = conn.execute(text(
            "SELECT c.id, m.fact_id FROM conflict c JOIN conflict_member m ON m.conflict_id = c.id "
            "WHERE c.status = 'open' ORDER BY c.id, m.fact_id")).all()
    grouped: dict[int, list[int]] = {}
    for conflict_id, fact_id in rows:
        grouped.setdefault(conflict_id, []).append(fact_id)
    return [tuple(members) for members in grouped.values()]


def percent(amount: float) -> TypedValue:
    return TypedValue(ValueKind.PERCENT, amount=amount, unit="%")


def count(amount: int, unit: str | None = None) -> TypedValue:
    return TypedValue(ValueKind.COUNT, amount=float(amount), unit=unit)


def date_range(first: str, last: str) -> TypedValue:
    return TypedValue(ValueKind.DATE_RANGE, date=first, date_end=last)
