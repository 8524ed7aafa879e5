"""Qualifiers: (qualifier property, typed value) pairs that narrow what a fact states, beside its
point in time, start, end and scope note ("the EU's share of Kazakhstan's trade" is subject
Kazakhstan, property "share of foreign trade", qualifier "partner: European Union").

Reads return frozen `Qualifier` rows; steps write through the operation's Recorder. A qualifier's
value must fit its property like a fact's value (`property_info.value_problem`).

Separators: a single-valued property names the qualifiers whose values separate its values
(Wikibase's single-value constraint). Two facts differ in a separator when the sets of values they
give it differ, a fact without the qualifier counting as one more value ("not stated"), as in
WikibaseQualityConstraints; such facts state different things and do not conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, text

from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.property_info import property_info, value_problem
from kzeu_desk.core.recorder import Recorder, table
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_value

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Qualifier:
    id: int
    fact_id: int
    property_id: int
    property_key: str
    property_name: str
    value: TypedValue
    shown: str  # the value as the app shows it ("European Union", "3–4 June 2019")

    @property
    def label(self) -> str:
        return f"{self.property_name}: {self.shown}"


QUALIFIERS_OF_FACTS = text("""
    SELECT q.*, p.key AS property_key, p.name AS property_name, e.name AS entity_name
    FROM fact_qualifier q
    JOIN property p ON p.id = q.property_id
    LEFT JOIN entity e ON e.id = q.value_entity_id
    WHERE q.fact_id IN :ids
    ORDER BY q.fact_id, q.id
""").bindparams(bindparam("ids", expanding=True))


QUALIFIERS_OF_FACT_RANGE = text("""
    SELECT q.*, p.key AS property_key, p.name AS property_name, e.name AS entity_name
    FROM fact_qualifier q
    JOIN property p ON p.id = q.property_id
    LEFT JOIN entity e ON e.id = q.value_entity_id
    WHERE q.fact_id BETWEEN :lowest AND :highest
    ORDER BY q.fact_id, q.id
""")


def qualifiers_of(conn: Connection, fact_ids: Iterable[int]) -> dict[int, list[Qualifier]]:
    """The qualifiers of these facts, by fact, in the order they were added."""
    ids = sorted(set(fact_ids))
    found: dict[int, list[Qualifier]] = {}
    for start in range(0, len(ids), _CHUNK):
        found.update(qualifiers_from_rows(conn.execute(QUALIFIERS_OF_FACTS, {"ids": ids[start:start + _CHUNK]}).mappings()))
    return found


def qualifiers_from_rows(rows: Iterable[Mapping]) -> dict[int, list[Qualifier]]:
    """`qualifiers_of`'s answer from rows of `QUALIFIERS_OF_FACTS` (at most `_CHUNK` ids a read)."""
    found: dict[int, list[Qualifier]] = defaultdict(list)
    for row in rows:
        found[row["fact_id"]].append(qualifier_from_row(row))
    return dict(found)


def fact_qualifiers(conn: Connection, fact_id: int) -> list[Qualifier]:
    return qualifiers_of(conn, [fact_id]).get(fact_id, [])


def qualifier_from_row(row: Mapping) -> Qualifier:
    value = TypedValue.from_columns(row)
    entity_name = row.get("entity_name")
    return Qualifier(row["id"], row["fact_id"], row["property_id"], row["property_key"], row["property_name"],
                     value, shown_value(value, lambda _id: entity_name or f"entity #{_id}"))


def shown_value(value: TypedValue, entity_name: Callable[[int], str]) -> str:
    try:
        return format_value(value, entity_name=entity_name)
    except ValueError:  # a malformed date from another tool: show what is stored rather than fail
        return value.date or value.text or "?"


def qualifier_label(conn: Connection, qualifier_id: int) -> str | None:
    """"partner: China" for one qualifier; None when it no longer exists."""
    q = table("fact_qualifier")
    fact_id = conn.execute(select(q.c.fact_id).where(q.c.id == qualifier_id)).scalar()
    if fact_id is None:
        return None
    return next((found.label for found in fact_qualifiers(conn, fact_id) if found.id == qualifier_id), None)


def qualifiers_text(qualifiers: Iterable[Qualifier]) -> str:
    """"partner: European Union; applies to part: oil" (empty for none)."""
    return "; ".join(q.label for q in qualifiers)


# -- separators ----------------------------------------------------------------------------------


def value_identity(value: TypedValue) -> tuple:
    """What makes two qualifier values the same value: the entity, the text (spacing and case
    aside), the dates, or the amounts with their unit."""
    if value.kind is ValueKind.ENTITY:
        return ("entity", value.entity_id)
    if value.kind is ValueKind.TEXT:
        return ("text", " ".join((value.text or "").split()).casefold())
    if value.kind.is_temporal:
        return ("date", value.date, value.date_end if value.kind is ValueKind.DATE_RANGE else value.date)
    return ("number", value.amount, value.lower, value.upper, (value.unit or "").strip())


SeparatorValues = dict[int, frozenset[tuple]]  # separator property id -> the fact's values of it

_SEPARATOR_VALUES = text("""
    SELECT q.fact_id, q.property_id, q.value_kind, q.value_amount, q.value_lower, q.value_upper,
           q.value_approximate, q.value_unit, q.value_date, q.value_date_end, q.value_entity_id, q.value_text
    FROM fact_qualifier q
    JOIN fact f ON f.id = q.fact_id
    JOIN property_separator s ON s.property_id = f.property_id AND s.qualifier_property_id = q.property_id
    WHERE q.fact_id IN :ids
""").bindparams(bindparam("ids", expanding=True))
_PROPERTIES_WITH_SEPARATORS = text("SELECT DISTINCT property_id FROM property_separator")
# One key's facts whose property has separators, each with its values of them (a row with NULLs
# for a separator it gives no value): which facts have separators and their values in one read.
SEPARATOR_VALUES_OF_KEY = text("""
    SELECT f.id AS fact_id, q.property_id, q.value_kind, q.value_amount, q.value_lower, q.value_upper,
           q.value_approximate, q.value_unit, q.value_date, q.value_date_end, q.value_entity_id, q.value_text
    FROM fact f
    JOIN property_separator s ON s.property_id = f.property_id
    LEFT JOIN fact_qualifier q ON q.fact_id = f.id AND q.property_id = s.qualifier_property_id
    WHERE f.subject_id = :subject_id AND f.property_id = :property_id
""")


def separator_values(conn: Connection, facts: Iterable[Mapping]) -> dict[int, SeparatorValues]:
    """For each fact (rows with id and property_id) whose property has separators, the values
    it gives each of them; facts of other properties are left out (nothing separates them)."""
    with_separators = separator_properties(conn)
    return separator_values_of(conn, [fact["id"] for fact in facts if fact["property_id"] in with_separators])


def separator_properties(conn: Connection) -> set[int]:
    """The properties that have separators."""
    return set(conn.execute(_PROPERTIES_WITH_SEPARATORS).scalars())


def separator_values_of(conn: Connection, fact_ids: Iterable[int]) -> dict[int, SeparatorValues]:
    """`separator_values` of facts whose property has separators, given by id (a re-scan at 1M
    facts names its ~37k candidates' properties once per key, not once per fact)."""
    ids = sorted(set(fact_ids))
    if not ids:
        return {}
    gathered: dict[int, dict[int, set[tuple]]] = {fact_id: {} for fact_id in ids}
    for start in range(0, len(ids), _CHUNK):
        for row in conn.execute(_SEPARATOR_VALUES, {"ids": ids[start:start + _CHUNK]}).mappings():
            gathered[row["fact_id"]].setdefault(row["property_id"], set()).add(
                value_identity(TypedValue.from_columns(row)))
    return {fact_id: {prop: frozenset(values) for prop, values in by_property.items()}
            for fact_id, by_property in gathered.items()}


def separator_values_of_key(conn: Connection, subject_id: int, property_id: int) -> dict[int, SeparatorValues]:
    """What `separator_values` gives for the facts of one (subject, property) key, in one read."""
    return separators_from_rows(conn.execute(
        SEPARATOR_VALUES_OF_KEY, {"subject_id": subject_id, "property_id": property_id}).mappings())


def separators_from_rows(rows: Iterable[Mapping]) -> dict[int, SeparatorValues]:
    """`separator_values_of_key`'s answer from the rows of `SEPARATOR_VALUES_OF_KEY`."""
    gathered: dict[int, dict[int, set[tuple]]] = {}
    for row in rows:
        values = gathered.setdefault(row["fact_id"], {})
        if row["property_id"] is not None:
            values.setdefault(row["property_id"], set()).add(value_identity(TypedValue.from_columns(row)))
    return {fact_id: {prop: frozenset(values) for prop, values in by_property.items()}
            for fact_id, by_property in gathered.items()}


def separated(a: SeparatorValues | None, b: SeparatorValues | None) -> bool:
    """Whether two facts of one property differ in a separator (a missing qualifier is a value
    of its own). Facts of a property without separators are never separated."""
    if a is None or b is None or a == b:  # equal: no separator differs (most pairs a re-scan asks about)
        return False
    return any(a.get(prop, frozenset()) != b.get(prop, frozenset()) for prop in a.keys() | b.keys())


# -- steps ---------------------------------------------------------------------------------------


def _checked(rec: Recorder, property_id: int, value: TypedValue) -> None:
    prop = property_info(rec.conn, property_id)
    if prop is None:
        raise InvalidEdit("That qualifier property no longer exists.")
    problem = value_problem(value, prop)
    if problem:
        raise InvalidEdit(problem)
    if value.kind is ValueKind.ENTITY and value.entity_id is not None:
        rec.require("entity", value.entity_id, "Entity")


def insert_qualifier(rec: Recorder, fact_id: int, property_id: int, value: TypedValue) -> int:
    fact = rec.require("fact", fact_id, "Fact")
    if fact["property_id"] == property_id:
        raise InvalidEdit("A fact cannot be qualified by its own property.")
    _checked(rec, property_id, value)
    q = table("fact_qualifier")
    existing = rec.conn.execute(select(q).where(q.c.fact_id == fact_id, q.c.property_id == property_id)).mappings()
    if any(value_identity(TypedValue.from_columns(row)) == value_identity(value) for row in existing):
        raise InvalidEdit("The fact already has this qualifier.")
    return rec.insert("fact_qualifier", {"fact_id": fact_id, "property_id": property_id, **value.to_columns()})


def update_qualifier(rec: Recorder, qualifier_id: int, value: TypedValue, property_id: int | None = None) -> dict:
    row = rec.require("fact_qualifier", qualifier_id, "Qualifier")
    property_id = row["property_id"] if property_id is None else property_id
    _checked(rec, property_id, value)
    return rec.update("fact_qualifier", qualifier_id, {"property_id": property_id, **value.to_columns()})


def delete_qualifier(rec: Recorder, qualifier_id: int) -> None:
    rec.delete("fact_qualifier", qualifier_id)


def delete_qualifiers_of_fact(rec: Recorder, fact_id: int) -> None:
    q = table("fact_qualifier")
    rec.delete_all("fact_qualifier", rec.conn.execute(select(q.c.id).where(q.c.fact_id == fact_id)).scalars().all())
