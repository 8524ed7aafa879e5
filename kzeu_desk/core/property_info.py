"""A property as the fact editor needs it, and restating a fact's value in its property's kind."""

from __future__ import annotations

from dataclasses import dataclass

from kzeu_desk.core.typed_value import TypedValue, ValueKind


@dataclass(frozen=True)
class PropertyInfo:
    id: int
    name: str
    value_kind: ValueKind
    default_unit: str | None
    description: str | None


def value_for_property(value: TypedValue, prop: PropertyInfo) -> TypedValue | None:
    """The fact's value restated in the property's kind when nothing is lost by it (a bare
    "160 billion" becomes US$ money for an investment property); None to leave the value alone."""
    if not (value.kind.is_numeric and prop.value_kind.is_numeric):
        return None
    if value.unit not in (None, prop.default_unit):
        return None
    restated = value.with_changes(kind=prop.value_kind, unit=value.unit or prop.default_unit)
    return restated if restated != value else None
