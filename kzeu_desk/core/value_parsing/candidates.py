"""What the scanners find: a value read from a span of the text, how salient it is, and the bounds
a qualifier word puts on a figure."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum

from kzeu_desk.core.typed_value import TypedValue


class Salience(IntEnum):
    MONEY = 1
    PERCENT_DIGITS = 2
    PERCENT_WORDS = 3
    SUBSTANTIAL_QUANTITY = 4
    DATE = 5
    BARE_NUMBER = 6
    UNANCHORED_DATE = 7


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
