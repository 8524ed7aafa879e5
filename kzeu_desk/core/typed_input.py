"""A value typed by a curator as a value of a given property: "China" for a partner, "3–4 June
2019" for a date range, "nine rounds" for a count. Used where one line stands for a value of any
kind (a qualifier's value, the command line), beside the fact editor's kind-specific fields.
"""

from __future__ import annotations

import re

from kzeu_desk.core.compatibility import date_interval
from kzeu_desk.core.entity_directory import EntityDirectory
from kzeu_desk.core.property_info import KIND_PHRASES, PropertyInfo
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core import value_parsing_on_demand as value_parsing

# "3–4 June 2019", "30 June – 2 July 2019", "June–July 2019", "2014-2016", "3 to 4 June 2019"
_RANGE_SEPARATOR = re.compile(r"\s*(?:–|—|-|\bto\b|\buntil\b|\bthrough\b|…|\.\.)\s*", re.IGNORECASE)
_TRAILING_YEAR = re.compile(r"(\d{4})\s*$")
_TRAILING_MONTH_AND_YEAR = re.compile(r"([^\W\d_]+\.?\s+\d{4})\s*$")


class TypedInputProblem(ValueError):
    """The text is not a value of the kind asked for; str() is one sentence for the curator."""


def parse_date_range_text(typed: str) -> TypedValue | None:
    """A date range typed as two ends, the second lending the first what it leaves out
    ("3–4 June 2019" is 2019-06-03 to 2019-06-04); None when it is not one."""
    stripped = typed.strip()
    for separator in _RANGE_SEPARATOR.finditer(stripped):
        first_text, last_text = stripped[:separator.start()], stripped[separator.end():]
        if not first_text or not last_text:
            continue
        last = value_parsing.parse_date_text(last_text)
        if last is None:
            continue
        first = value_parsing.parse_date_text(first_text) or _borrowing(first_text, last_text)
        if first is None:
            continue
        try:
            if date_interval(first)[0] > date_interval(last)[1]:
                continue
        except ValueError:
            continue
        return TypedValue(ValueKind.DATE_RANGE, date=first, date_end=last)
    return None


def _borrowing(first_text: str, last_text: str) -> str | None:
    """The first end completed from the last: "3" + "4 June 2019", "June" + "July 2019"."""
    for pattern in (_TRAILING_MONTH_AND_YEAR, _TRAILING_YEAR):
        found = pattern.search(last_text)
        if found is not None:
            parsed = value_parsing.parse_date_text(f"{first_text} {found.group(1)}")
            if parsed is not None:
                return parsed
    return None


def parse_typed_value(typed: str, prop: PropertyInfo, entities: EntityDirectory | None = None) -> TypedValue:
    """The text as a value of `prop`'s kind, or TypedInputProblem saying why it is not one."""
    stripped = " ".join(typed.split())
    if not stripped:
        raise TypedInputProblem(f"Enter {KIND_PHRASES[prop.value_kind]} for “{prop.name}”.")
    kind = prop.value_kind
    if kind is ValueKind.TEXT:
        return TypedValue(ValueKind.TEXT, text=stripped)
    if kind is ValueKind.ENTITY:
        matches = entities.matches(stripped) if entities is not None else []
        if len(matches) == 1:
            return TypedValue(ValueKind.ENTITY, entity_id=matches[0])
        if matches:
            raise TypedInputProblem(f"“{stripped}” names several entities; pick one from the list.")
        raise TypedInputProblem(f"No entity is called “{stripped}”; create it first.")
    if kind is ValueKind.DATE:
        iso = value_parsing.parse_date_text(stripped)
        if iso is None:
            raise TypedInputProblem(f"“{stripped}” is not a date. Try 1996, Feb 1996 or 2 February 1996.")
        return TypedValue(ValueKind.DATE, date=iso)
    if kind is ValueKind.DATE_RANGE:
        found = parse_date_range_text(stripped)
        if found is None:
            iso = value_parsing.parse_date_text(stripped)
            if iso is not None:  # one day (or month, or year) is a range of itself
                return TypedValue(ValueKind.DATE_RANGE, date=iso, date_end=iso)
            raise TypedInputProblem(f"“{stripped}” is not a date range. Try 3–4 June 2019 or 2014–2016.")
        return found
    parsed = value_parsing.parse_amount_text(stripped)
    if parsed is None:
        raise TypedInputProblem(f"“{stripped}” is not an amount. Try 160 billion, 30% or 12 member states.")
    unit = parsed.unit or prop.default_unit
    if kind is ValueKind.PERCENT:
        unit = "%"
    value = parsed.with_changes(kind=kind, unit=unit)
    if kind is ValueKind.COUNT and not all(x is None or float(x).is_integer()
                                          for x in (value.amount, value.lower, value.upper)):
        raise TypedInputProblem(f"“{stripped}” is not a whole number, which a count is.")
    return value
