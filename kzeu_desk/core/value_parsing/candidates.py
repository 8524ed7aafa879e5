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
    UPPER = "upper"
    APPROXIMATE = "approximate"


@dataclass(frozen=True, slots=True)
class Candidate:
    value: TypedValue
    start: int
    end: int
    salience: Salience
    # What of the publication date a relative date still needs ("date", "month" or "day"); its value
    # is then the phrase as text.
    missing: str | None = None
