"""What the scanners find: a value read from a span of the text, how salient it is (the order in
which a highlight's figures are offered), and the bounds a qualifier word puts on a figure."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum

from kzeu_desk.core.typed_value import TypedValue


class Salience(IntEnum):
    MONEY = 1
    PERCENT_DIGITS = 2
    PERCENT_WORDS = 3
    SUBSTANTIAL_QUANTITY = 4  # a count or a measured quantity, with its unit, scale or bound
    DATE = 5  # a date or range written in full
    RELATIVE_DATE = 6  # counted from the publication date ("last year", "on May 5")
    # Which member of a series ("the fifth round"): a count, but beside a date the date is the fact.
    ORDINAL = 7
    BARE_NUMBER = 8
    UNANCHORED_DATE = 9  # needs a publication date that is not known


class Bound(Enum):
    LOWER = "lower"
    # A ceiling with no closeness stated ("up to", "no more than", "fewer than", "within 30 days",
    # "до", "не более", "дейін", "аспайтын"): stored as upper only, amount None, read as (−∞, X].
    UPPER = "upper"
    # Close below ("almost", "just under", "почти", "чуть менее", "без малого"): stored as amount X
    # and upper X, read as [X − tolerance·|X|, X] (core/compatibility.py `_reads_as_almost`).
    ALMOST = "almost"
    APPROXIMATE = "approximate"


def bounded_amount(amount: float, bound: Bound | None) -> tuple[float | None, float | None, float | None]:
    """(amount, lower, upper) of a figure under its bound word.

    A bare ceiling keeps no amount: with one, "up to US$95 million" would read as "almost", and
    another source's US$60 million would look like a conflict."""
    if bound is Bound.UPPER:
        return None, None, amount
    if bound is Bound.ALMOST:
        return amount, None, amount
    if bound is Bound.LOWER:
        return amount, amount, None
    return amount, None, None


@dataclass(frozen=True, slots=True)
class Candidate:
    value: TypedValue
    start: int
    end: int
    salience: Salience
    # What of the publication date a relative date still needs ("date", "month" or "day"); its value
    # is then the phrase as text.
    missing: str | None = None
