"""A property's rules as the rest of the app needs them (kind, units, subject kind, separators),
whether a value fits them, and restating a value in its property's kind when nothing is lost.

The service refuses a fact (or qualifier) whose value does not fit its property with one sentence
from `value_problem`; the fact editor offers `value_for_property` first, so a bare "160 billion"
becomes US$ money for an investment property and "3 June 2019" a one-day range for a range property.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, Select, bindparam, select

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_value

# How a sentence names a value of each kind ("takes a date").
KIND_PHRASES: dict[ValueKind, str] = {
    ValueKind.ENTITY: "an entity",
    ValueKind.DATE: "a date",
    ValueKind.DATE_RANGE: "a date range",
    ValueKind.QUANTITY: "a quantity",
    ValueKind.COUNT: "a count (a whole number)",
    ValueKind.MONEY: "an amount of money",
    ValueKind.PERCENT: "a percentage",
    ValueKind.TEXT: "a text",
}
# The short word for a kind, as lists and choosers show it.
KIND_WORDS: dict[ValueKind, str] = {
    ValueKind.ENTITY: "entity",
    ValueKind.DATE: "date",
    ValueKind.DATE_RANGE: "date range",
    ValueKind.QUANTITY: "quantity",
    ValueKind.COUNT: "count",
    ValueKind.MONEY: "money",
    ValueKind.PERCENT: "percentage",
    ValueKind.TEXT: "text",
}
# Kinds whose values carry a unit a property can restrict (a percentage's unit is always "%").
UNIT_KINDS = frozenset({ValueKind.QUANTITY, ValueKind.COUNT, ValueKind.MONEY})
# Entity kinds the app knows (entity.kind is free text; these are offered first).
ENTITY_KINDS = ("country", "organisation", "agreement", "person", "relation", "event", "other")
UNKNOWN_ENTITY_KIND = "other"


@dataclass(frozen=True)
class PropertyInfo:
    id: int
    name: str
    value_kind: ValueKind
    default_unit: str | None
    description: str | None
    key: str = ""
    allowed_units: tuple[str, ...] = ()  # empty: any unit
    subject_kind: str | None = None
    single_valued: bool = True
    deprecated: bool = False
    wikidata_pid: str | None = None
    tolerance: float | None = None
    separators: tuple[int, ...] = ()  # ids of the qualifier properties that separate its values


def units_from_column(stored: str | None) -> tuple[str, ...]:
    """The property.allowed_units column (a JSON array of strings) as a tuple; () for any unit."""
    if not stored:
        return ()
    try:
        units = json.loads(stored)
    except ValueError:
        return ()
    return tuple(u for u in units if isinstance(u, str)) if isinstance(units, list) else ()


def units_to_column(units: Iterable[str]) -> str | None:
    cleaned = list(dict.fromkeys(u.strip() for u in units if u and u.strip()))
    return json.dumps(cleaned, ensure_ascii=False) if cleaned else None


def property_infos(conn: Connection) -> dict[int, PropertyInfo]:
    """Every property with its rules, by id, in name order (vocabulary is small)."""
    from kzeu_desk.core.recorder import table

    p, s = table("property"), table("property_separator")
    separators: dict[int, list[int]] = {}
    for property_id, qualifier_id in conn.execute(select(s.c.property_id, s.c.qualifier_property_id).order_by(s.c.id)):
        separators.setdefault(property_id, []).append(qualifier_id)
    return {row["id"]: info_from_row(row, separators.get(row["id"], ()))
            for row in conn.execute(select(p).order_by(p.c.name)).mappings()}


def property_info(conn: Connection, property_id: int) -> PropertyInfo | None:
    query, params = property_read(property_id=property_id)
    return property_info_from_rows(conn.execute(query, params).mappings().all())


def property_read(*, property_id: int | None = None, of_fact: int | None = None) -> tuple[Select, dict[str, int | None]]:
    """The read of a property (by id, or the one fact `of_fact` states) and its separators: a row
    per separator, for `property_info_from_rows`. One read, as every edit checks its fact's
    property and on a server each read is a wait (docs/PERFORMANCE.md, "PostgreSQL")."""
    if of_fact is not None:
        return _property_with_separators(True), {"fact_id": of_fact}
    return _property_with_separators(False), {"property_id": property_id}


def property_info_from_rows(rows: Sequence[Mapping]) -> PropertyInfo | None:
    if not rows:
        return None
    return info_from_row(rows[0], [row["separator_qualifier_id"] for row in rows if row["separator_qualifier_id"] is not None])


@cache
def _property_with_separators(of_fact: bool) -> Select:
    from kzeu_desk.core.recorder import table

    p, s, f = table("property"), table("property_separator"), table("fact")
    which = (select(f.c.property_id).where(f.c.id == bindparam("fact_id")).scalar_subquery() if of_fact
             else bindparam("property_id"))
    return (select(p, s.c.qualifier_property_id.label("separator_qualifier_id"))
            .outerjoin(s, s.c.property_id == p.c.id).where(p.c.id == which).order_by(s.c.id))


def info_from_row(row: object, separators: Iterable[int] = ()) -> PropertyInfo:
    m = row if isinstance(row, Mapping) else row._mapping  # type: ignore[attr-defined]
    return PropertyInfo(
        id=m["id"], name=m["name"], value_kind=ValueKind(m["value_kind"]), default_unit=m["default_unit"],
        description=m["description"], key=m["key"], allowed_units=units_from_column(m.get("allowed_units")),
        subject_kind=m.get("subject_kind"), single_valued=bool(m["single_valued"]),
        deprecated=bool(m.get("deprecated") or False), wikidata_pid=m["wikidata_pid"], tolerance=m["tolerance"],
        separators=tuple(separators),
    )


# -- fitting a value to its property -----------------------------------------------------------


def _shown(value: TypedValue) -> str:
    try:
        return format_value(value, entity_name=lambda _id: "that entity")
    except ValueError:
        return "this value"


def _or_list(words: Iterable[str]) -> str:
    items = list(words)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" or {items[-1]}"


def _is_whole(number: float | None) -> bool:
    return number is None or (math.isfinite(number) and float(number).is_integer())


def value_problem(value: TypedValue, prop: PropertyInfo) -> str | None:
    """One sentence saying why `value` cannot be a value of `prop`; None when it fits."""
    if value.kind is not prop.value_kind:
        return (f"“{prop.name}” takes {KIND_PHRASES[prop.value_kind]}, so {_shown(value)} "
                f"({KIND_PHRASES[value.kind]}) cannot be its value.")
    if value.kind is ValueKind.COUNT and not all(_is_whole(x) for x in (value.amount, value.lower, value.upper)):
        return f"“{prop.name}” takes a count, which is a whole number, so {_shown(value)} cannot be its value."
    if prop.allowed_units and value.kind in UNIT_KINDS and (value.unit or "") not in prop.allowed_units:
        unit = f"in {value.unit}" if value.unit else "without a unit"
        return (f"“{prop.name}” takes amounts in {_or_list(prop.allowed_units)}, so {_shown(value)} ({unit}) "
                "cannot be its value.")
    return None


def value_for_property(value: TypedValue, prop: PropertyInfo) -> TypedValue | None:
    """The value restated in the property's kind when nothing is lost by it (a bare "160 billion"
    becomes US$ money for an investment property, "3 June 2019" a one-day range, a whole quantity
    a count); None to leave the value alone (it fits already, or it cannot be restated)."""
    target = prop.value_kind
    restated: TypedValue | None = None
    if value.kind.is_numeric and target.is_numeric:
        acceptable_units = {None, prop.default_unit, *prop.allowed_units}
        if value.unit in acceptable_units:
            restated = value.with_changes(kind=target, unit=value.unit or prop.default_unit)
    elif value.kind is ValueKind.DATE and target is ValueKind.DATE_RANGE and value.date:
        restated = TypedValue(ValueKind.DATE_RANGE, date=value.date, date_end=value.date, approximate=value.approximate)
    elif value.kind is ValueKind.DATE_RANGE and target is ValueKind.DATE and value.date and value.date == value.date_end:
        restated = TypedValue(ValueKind.DATE, date=value.date, approximate=value.approximate)
    if restated is None or restated == value or value_problem(restated, prop) is not None:
        return None
    return restated


def subject_problem(prop: PropertyInfo, entity_name: str, entity_kind: str | None) -> str | None:
    """Why an entity cannot be the subject of `prop`, in one sentence; None when it can. An
    entity of unknown kind ("other") is not refused: most entities are made in passing."""
    expected = (prop.subject_kind or "").strip()
    actual = (entity_kind or UNKNOWN_ENTITY_KIND).strip()
    if not expected or actual in (expected, UNKNOWN_ENTITY_KIND):
        return None
    return f"“{prop.name}” is stated about {_article(expected)}, and {entity_name} is {_article(actual)}."


def _article(word: str) -> str:
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
