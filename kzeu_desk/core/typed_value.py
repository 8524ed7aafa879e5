"""The typed value a fact states, shared by parsing, storage, display and conflict rules.

Dates are ISO strings truncated to their precision ("1996", "1996-02", "1996-02-02"), so the
precision is read from the string itself and never stored apart from it. A date range ("held on
3–4 June 2019") keeps its first day in `date` and its last in `date_end`, each with its own
precision ("2014"–"2016-03" is allowed: sources mix them).
Amounts are in base units (160 billion is 160e9); money carries an ISO 4217 code as unit,
percentages carry "%". A count ("twelve member states") is a whole number of things; its unit names
what is counted ("member states") and may be empty.
"""

from __future__ import annotations

from typing import Any

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum


class ValueKind(StrEnum):
    ENTITY = "entity"
    DATE = "date"
    DATE_RANGE = "date_range"
    QUANTITY = "quantity"
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    TEXT = "text"

    @property
    def is_numeric(self) -> bool:
        return self in (ValueKind.QUANTITY, ValueKind.COUNT, ValueKind.MONEY, ValueKind.PERCENT)

    @property
    def is_temporal(self) -> bool:
        return self in (ValueKind.DATE, ValueKind.DATE_RANGE)


class DatePrecision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def date_precision(iso: str) -> DatePrecision:
    """Precision of an ISO date truncated to year, month or day."""
    return {4: DatePrecision.YEAR, 7: DatePrecision.MONTH, 10: DatePrecision.DAY}[len(iso)]


@dataclass(frozen=True, slots=True)
class TypedValue:
    kind: ValueKind
    amount: float | None = None
    lower: float | None = None  # inclusive bound stated by the source ("exceeded X" -> lower=X)
    # Inclusive bound stated by the source: "up to X" -> upper=X alone (a ceiling); "almost X" -> amount=X
    # and upper=X (close below, core/compatibility.py `_reads_as_almost`).
    upper: float | None = None
    approximate: bool = False
    unit: str | None = None
    date: str | None = None
    date_end: str | None = None  # last day of a DATE_RANGE, truncated to its own precision
    entity_id: int | None = None
    text: str | None = None

    @property
    def precision(self) -> DatePrecision | None:
        return date_precision(self.date) if self.date else None

    def with_changes(self, **changes: Any) -> TypedValue:
        return replace(self, **changes)

    def to_columns(self) -> dict:
        """The fact table's value_* columns for this value."""
        return {
            "value_kind": self.kind.value,
            "value_amount": self.amount,
            "value_lower": self.lower,
            "value_upper": self.upper,
            "value_approximate": self.approximate,
            "value_unit": self.unit,
            "value_date": self.date,
            "value_date_end": self.date_end,
            "value_entity_id": self.entity_id,
            "value_text": self.text,
        }

    @classmethod
    def from_columns(cls, row: Any) -> TypedValue:
        """Build from a mapping (or row with ._mapping) holding the value_* columns.

        Audit images written before date ranges existed (schema 0003 and older) have no
        `value_date_end`; it reads as None there.
        """
        # A RowMapping answers getattr by raising and catching inside SQLAlchemy: ~10% of an export.
        m = row if isinstance(row, Mapping) else row._mapping
        return cls(
            kind=ValueKind(m["value_kind"]),
            amount=m["value_amount"],
            lower=m["value_lower"],
            upper=m["value_upper"],
            approximate=bool(m["value_approximate"]),
            unit=m["value_unit"],
            date=m["value_date"],
            date_end=m.get("value_date_end"),
            entity_id=m["value_entity_id"],
            text=m["value_text"],
        )
