"""Whether two stated values can both be true, and whether two qualifier scopes overlap.

Two facts with the same subject and single-valued property, and overlapping scopes, conflict when
their values are incompatible. A source never states a single point exactly: "1996" covers a whole
year, "about 30%" a band, "exceeded US$160 billion" everything from 160 bn up. So each value is read
as the interval of everything the source could have meant, and two values are compatible exactly
when their intervals intersect.

Decisions the rest of the app relies on:

* An incomparable pair (different currencies, different kinds, text, missing data) is reported as
  ``comparable=False, compatible=True``: no conflict is raised, and the reason says why. So
  ``compatible=False`` always means a real, checked contradiction.
* Different currencies are never converted. Exchange rates move by tens of percent over the
  thirty years the corpus covers, so any fixed table would both invent and hide conflicts.
* Free texts that differ are not a conflict: two wordings of the same thing rarely match, and this
  module cannot tell a paraphrase from a contradiction.
* Percentages and fractions share one scale (30% == 0.3). A ``"%"`` or ``"1"`` unit makes any
  numeric value a ratio; a PERCENT value with no unit is a fraction.
* Quantity units are compared verbatim (after trimming) because case matters ("mW" vs "MW").
  A count is a quantity whose unit names what is counted, so it compares with both.
* A date and a date range compare by the days they cover; two date ranges must agree on both ends.

Amounts are described here in a deliberately plain way ("US$160 billion", "about 30%"); the reasons
are short sentences for the UI and are not meant to be the app's display format.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import MAXYEAR, MINYEAR, date, timedelta

from kzeu_desk.core.typed_value import DatePrecision, TypedValue, ValueKind, date_precision

DEFAULT_TOLERANCE = 0.10
"""Relative half-width of "about X" (and the depth of "almost X") when a property sets none."""

MIN_ASSUMED_SIGNIFICANT_DIGITS = 3
"""An exact amount is trusted to at least this many significant digits.

A float cannot tell "29 billion" from "29.0 billion", and reading "29 billion" as 28.5..29.5 bn
would swallow most real disagreements; sources that round coarsely say "about", which carries the
property's tolerance instead.
"""

# Beyond this many digits a float's decimal expansion is binary noise (0.1 + 0.2), not the source.
_MAX_MEANINGFUL_SIGNIFICANT_DIGITS = 12

_ISO_TRUNCATED_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_RATIO_UNITS = frozenset({"%", "1"})
_CURRENCY_SYMBOLS = {"USD": "US$", "EUR": "€", "GBP": "£"}
_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_LONGEST_TEXT_IN_REASON = 40


@dataclass(frozen=True)
class Interval:
    """A closed interval of reals; an open end is ±math.inf."""

    low: float
    high: float

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"not an interval: [{self.low}, {self.high}]")

    def intersects(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True)
class Verdict:
    compatible: bool
    comparable: bool
    reason: str


@dataclass(frozen=True)
class Scope:
    """When a fact holds, from its qualifiers; ISO dates truncated to their precision.

    A point in time wins over start/end when both are set: it is the more specific statement.
    """

    point_in_time: str | None = None
    start: str | None = None
    end: str | None = None

    def __post_init__(self) -> None:
        # Validating here means a malformed scope fails where it is built, not deep inside a scan.
        for iso in (self.point_in_time, self.start, self.end):
            if iso is not None:
                date_interval(iso)
        if self.start is not None and self.end is not None:
            if date_interval(self.start)[0] > date_interval(self.end)[1]:
                raise ValueError(f"scope starts ({self.start}) after it ends ({self.end})")

    @property
    def is_unqualified(self) -> bool:
        return self.point_in_time is None and self.start is None and self.end is None


# --- dates -------------------------------------------------------------------------------------


def date_interval(iso: str, *, approximate: bool = False) -> tuple[date, date]:
    """First and last day an ISO date truncated to its precision covers.

    "1996" is 1996-01-01..1996-12-31, "1996-02" is 1996-02-01..1996-02-29, a day is itself.
    An approximate date is widened by one unit of its own precision on each side ("about 2005" is
    2004..2006, "about February 2005" is January..March 2005, "about 2 Feb" is 1..3 Feb): a writer
    who rounds to a year is rarely off by more than a year, and the precision already tells how
    finely they were counting.
    Raises ValueError for anything that is not such a date.
    """
    if not isinstance(iso, str) or not _ISO_TRUNCATED_DATE.fullmatch(iso):
        raise ValueError(f"not an ISO date truncated to year, month or day: {iso!r}")
    precision = date_precision(iso)
    year = int(iso[:4])
    if precision is DatePrecision.YEAR:
        _require_valid_year(year, iso)
        if approximate:
            return date(max(year - 1, MINYEAR), 1, 1), date(min(year + 1, MAXYEAR), 12, 31)
        return date(year, 1, 1), date(year, 12, 31)
    if precision is DatePrecision.MONTH:
        _require_valid_year(year, iso)
        month = int(iso[5:7])
        if not 1 <= month <= 12:
            raise ValueError(f"not a month: {iso!r}")
        first = date(year, month, 1)
        last = _last_day_of_month(first)
        if approximate:
            first = _first_day_of_previous_month(first)
            last = _last_day_of_next_month(last)
        return first, last
    day = date.fromisoformat(iso)
    if approximate:
        return _shift_days_clamped(day, -1), _shift_days_clamped(day, 1)
    return day, day


def _require_valid_year(year: int, iso: str) -> None:
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year out of range: {iso!r}")


def _last_day_of_month(day_in_month: date) -> date:
    if day_in_month.month == 12:
        return date(day_in_month.year, 12, 31)
    return date(day_in_month.year, day_in_month.month + 1, 1) - timedelta(days=1)


def _first_day_of_previous_month(first_of_month: date) -> date:
    return _shift_days_clamped(first_of_month, -1).replace(day=1)


def _last_day_of_next_month(last_of_month: date) -> date:
    return _last_day_of_month(_shift_days_clamped(last_of_month, 1))


def _shift_days_clamped(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return day


def _spans_overlap(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    """Closed date spans; None is an open end."""
    a_first, a_last = a
    b_first, b_last = b
    a_starts_in_time = a_first is None or b_last is None or a_first <= b_last
    b_starts_in_time = b_first is None or a_last is None or b_first <= a_last
    return a_starts_in_time and b_starts_in_time


def scopes_overlap(a: Scope, b: Scope) -> bool:
    """Whether two qualifier scopes share at least one day; an unqualified scope overlaps all."""
    if a.is_unqualified or b.is_unqualified:
        return True
    return _spans_overlap(_scope_span(a), _scope_span(b))


def _scope_span(scope: Scope) -> tuple[date | None, date | None]:
    if scope.point_in_time is not None:
        return date_interval(scope.point_in_time)
    first = date_interval(scope.start)[0] if scope.start is not None else None
    last = date_interval(scope.end)[1] if scope.end is not None else None
    return first, last


# --- numbers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Dimension:
    """What a number measures, and the factor that brings it to the shared scale."""

    family: str  # "money", "ratio" or "quantity"
    unit: str | None  # the currency or quantity unit; None for ratios and unit-less counts
    scale: float


def _dimension(value: TypedValue) -> _Dimension:
    unit = value.unit.strip() if value.unit is not None else None
    if value.kind is ValueKind.MONEY:
        return _Dimension("money", unit.upper() if unit else None, 1.0)
    if unit == "%":
        return _Dimension("ratio", None, 0.01)
    if unit == "1" or (value.kind is ValueKind.PERCENT and not unit):
        return _Dimension("ratio", None, 1.0)
    return _Dimension("quantity", unit or None, 1.0)


def _resolve_tolerance(tolerance: float | None) -> float:
    resolved = DEFAULT_TOLERANCE if tolerance is None else tolerance
    if not math.isfinite(resolved) or resolved < 0:
        raise ValueError(f"tolerance must be a finite, non-negative fraction: {tolerance!r}")
    return resolved


def _rounding_margin(stated: float) -> float:
    """Half a unit in the last significant digit the source wrote (28.7e9 gives 0.05e9).

    See MIN_ASSUMED_SIGNIFICANT_DIGITS for why short numbers are trusted to three digits.
    """
    if stated == 0 or not math.isfinite(stated):
        return 0.0
    mantissa, exponent = f"{abs(stated):.{_MAX_MEANINGFUL_SIGNIFICANT_DIGITS - 1}e}".split("e")
    written_digits = len(mantissa.replace(".", "").rstrip("0"))
    significant_digits = max(written_digits, MIN_ASSUMED_SIGNIFICANT_DIGITS)
    return 0.5 * 10.0 ** (int(exponent) - significant_digits + 1)


def _reads_as_almost(value: TypedValue) -> bool:
    """Parsers store "almost X" as amount=X, upper=X; an upper bound alone is a bare ceiling."""
    return value.upper is not None and value.lower is None and value.amount is not None


def _numeric_problem(value: TypedValue) -> str | None:
    stated = [x for x in (value.amount, value.lower, value.upper) if x is not None]
    if not stated:
        return f"a {value.kind} value has no amount"
    if not all(math.isfinite(x) for x in stated):
        return f"a {value.kind} value has an amount that is not a finite number"
    if value.lower is not None and value.upper is not None and value.lower > value.upper:
        return f"a {value.kind} value has its lower bound above its upper bound"
    return None


def numeric_interval(value: TypedValue, *, tolerance: float | None) -> Interval:
    """Everything a numeric value could mean, on the shared scale (percentages become fractions).

    Every stated number is widened outward by its rounding margin, or by tolerance × |number|
    when the value is approximate, whichever is wider. On top of that:
    exact amount -> [a, a]; lower bound only ("exceeded X") -> [X, ∞);
    upper bound only with an amount ("almost X") -> [X − tolerance·|X|, X];
    upper bound without an amount ("up to X") -> (−∞, X]; both bounds -> [lower, upper].
    tolerance=None means DEFAULT_TOLERANCE. Raises ValueError for a non-numeric or empty value.
    """
    if not value.kind.is_numeric:
        raise ValueError(f"not a numeric value: {value.kind}")
    problem = _numeric_problem(value)
    if problem is not None:
        raise ValueError(problem)
    relative_tolerance = _resolve_tolerance(tolerance)

    def margin(stated: float) -> float:
        approximate_margin = abs(stated) * relative_tolerance if value.approximate else 0.0
        return max(_rounding_margin(stated), approximate_margin)

    lower, upper, amount = value.lower, value.upper, value.amount
    if lower is not None and upper is not None:
        stated_interval = Interval(lower - margin(lower), upper + margin(upper))
    elif lower is not None:
        stated_interval = Interval(lower - margin(lower), math.inf)
    elif upper is not None:
        if _reads_as_almost(value):
            floor = upper - max(margin(upper), abs(upper) * relative_tolerance)
        else:
            floor = -math.inf
        stated_interval = Interval(floor, upper + margin(upper))
    else:
        assert amount is not None  # _numeric_problem guarantees something was stated
        stated_interval = Interval(amount - margin(amount), amount + margin(amount))

    scale = _dimension(value).scale
    return Interval(stated_interval.low * scale, stated_interval.high * scale)


@lru_cache(maxsize=8192)
def _remembered_interval(value: TypedValue, tolerance: float) -> Interval:
    """`numeric_interval`, worked out once per value and tolerance: the full conflict re-scan asks
    for the intervals of ~6.5k values 15.8k times at 1M facts (~10 µs each, a third of judging).
    Values equal as TypedValues give intervals that intersect the same ones (0.0 and -0.0, 5 and
    5.0), which is all this is used for."""
    return numeric_interval(value, tolerance=tolerance)


def _incomparable_dimensions_reason(a: TypedValue, b: TypedValue) -> str | None:
    a_dimension, b_dimension = _dimension(a), _dimension(b)
    if a_dimension.family != b_dimension.family:
        if a.kind is not b.kind:
            return f"{a.kind} and {b.kind} values cannot be compared"
        return f"amounts in {a.unit or 'no unit'} and {b.unit or 'no unit'} cannot be compared"
    if a_dimension.family == "money":
        if a_dimension.unit is None or b_dimension.unit is None:
            return "an amount of money without a currency cannot be compared"
        if a_dimension.unit != b_dimension.unit:
            return (
                f"{a_dimension.unit} and {b_dimension.unit} amounts "
                "cannot be compared without an exchange rate"
            )
    if a_dimension.family == "quantity" and a_dimension.unit != b_dimension.unit:
        return (
            f"amounts in {a_dimension.unit or 'no unit'} and {b_dimension.unit or 'no unit'} "
            "cannot be compared"
        )
    return None


def _numbers_compatible(a: TypedValue, b: TypedValue, tolerance: float) -> Verdict:
    incomparable_reason = _incomparable_dimensions_reason(a, b)
    if incomparable_reason is not None:
        return _not_comparable(incomparable_reason)
    overlap = _remembered_interval(a, tolerance).intersects(_remembered_interval(b, tolerance))
    a_described, b_described = _describe_value(a), _describe_value(b)
    if not overlap:
        return Verdict(
            compatible=False, comparable=True, reason=f"{a_described} cannot be {b_described}"
        )
    if a_described == b_described:
        return Verdict(compatible=True, comparable=True, reason=f"both say {a_described}")
    reason = f"{a_described} and {b_described} overlap"
    if any(v.approximate or _reads_as_almost(v) for v in (a, b)):
        reason += f" within the {_format_number(tolerance * 100)}% tolerance"
    return Verdict(compatible=True, comparable=True, reason=reason)


# --- the verdict -------------------------------------------------------------------------------


def _not_comparable(reason: str) -> Verdict:
    return Verdict(compatible=True, comparable=False, reason=reason)


def _missing_data_reason(value: TypedValue) -> str | None:
    if value.kind.is_numeric:
        return _numeric_problem(value)
    if value.kind is ValueKind.DATE:
        if not value.date:
            return "a date value has no date"
        try:
            date_interval(value.date)
        except ValueError:
            return f"{value.date!r} is not a date"
        return None
    if value.kind is ValueKind.DATE_RANGE:
        if not value.date or not value.date_end:
            return "a date range lacks its first or last day"
        try:
            first, last = date_interval(value.date), date_interval(value.date_end)
        except ValueError:
            return f"{value.date!r} to {value.date_end!r} is not a date range"
        if first[0] > last[1]:
            return f"the date range {value.date} to {value.date_end} ends before it starts"
        return None
    if value.kind is ValueKind.ENTITY and value.entity_id is None:
        return "an entity value names no entity"
    if value.kind is ValueKind.TEXT and value.text is None:
        return "a text value has no text"
    return None


def _normalised_text(text: str) -> str:
    return " ".join(text.split()).casefold()


def values_compatible(a: TypedValue, b: TypedValue, *, tolerance: float | None = None) -> Verdict:
    """Whether two stated values can both be true; see the module notes for what is comparable.

    tolerance is the property's relative tolerance for "about"/"almost" (default DEFAULT_TOLERANCE).
    Never raises for malformed values: they come back as not comparable, with the reason.
    """
    relative_tolerance = _resolve_tolerance(tolerance)
    for value in (a, b):
        missing_reason = _missing_data_reason(value)
        if missing_reason is not None:
            return _not_comparable(missing_reason)

    if a.kind.is_numeric and b.kind.is_numeric:
        return _numbers_compatible(a, b, relative_tolerance)
    if a.kind.is_temporal and b.kind.is_temporal:
        return _dates_compatible(a, b)
    if a.kind is not b.kind:
        return _not_comparable(f"{a.kind} and {b.kind} values cannot be compared")

    if a.kind is ValueKind.ENTITY:
        if a.entity_id == b.entity_id:
            return Verdict(compatible=True, comparable=True, reason="same entity")
        return Verdict(compatible=False, comparable=True, reason="different entities")

    assert a.text is not None and b.text is not None  # TEXT, checked by _missing_data_reason
    if _normalised_text(a.text) == _normalised_text(b.text):
        return Verdict(compatible=True, comparable=True, reason="same text")
    return _not_comparable("the texts differ, which is not reliably a conflict")


def _dates_compatible(a: TypedValue, b: TypedValue) -> Verdict:
    """Two dates agree when their spans share a day. Two ranges agree only when each end could be
    the same day: "3–4 June" and "4–5 June" share a day yet disagree on when the event began. A date
    and a range agree when the date's span meets the range ("in June 2019" and "3–4 June 2019")."""
    both_described = f"{_describe_value(a)} and {_describe_value(b)}"
    if a.kind is ValueKind.DATE_RANGE and b.kind is ValueKind.DATE_RANGE:
        starts_agree = _spans_overlap(_end_span(a, first=True), _end_span(b, first=True))
        ends_agree = _spans_overlap(_end_span(a, first=False), _end_span(b, first=False))
        if starts_agree and ends_agree:
            return Verdict(compatible=True, comparable=True, reason=f"{both_described} can be the same range")
        which = "start" if not starts_agree else "end"
        return Verdict(compatible=False, comparable=True, reason=f"{both_described} {which} on different days")
    if _spans_overlap(_temporal_span(a), _temporal_span(b)):
        return Verdict(compatible=True, comparable=True, reason=f"{both_described} overlap")
    return Verdict(compatible=False, comparable=True, reason=f"{both_described} do not overlap")


def _end_span(value: TypedValue, *, first: bool) -> tuple[date, date]:
    """Every day one end of a DATE_RANGE could be (checked complete by _missing_data_reason)."""
    iso = value.date if first else value.date_end
    assert iso is not None
    return date_interval(iso, approximate=value.approximate)


def _temporal_span(value: TypedValue) -> tuple[date, date]:
    """Every day a DATE could be, or the whole of a DATE_RANGE."""
    if value.kind is ValueKind.DATE_RANGE:
        return _end_span(value, first=True)[0], _end_span(value, first=False)[1]
    assert value.date is not None  # checked by _missing_data_reason
    return date_interval(value.date, approximate=value.approximate)


# --- plain descriptions for reasons ------------------------------------------------------------


def _format_number(number: float) -> str:
    return f"{number:,.6g}"


def _format_amount(number: float, value: TypedValue) -> str:
    dimension = _dimension(value)
    if dimension.family == "ratio":
        return f"{_format_number(number)}%" if dimension.scale == 0.01 else _format_number(number)
    scaled = _format_number(number)
    for magnitude, word in _SCALE_WORDS:
        if abs(number) >= magnitude:
            scaled = f"{_format_number(number / magnitude)} {word}"
            break
    if dimension.family == "money":
        currency = dimension.unit or ""
        symbol = _CURRENCY_SYMBOLS.get(currency)
        if symbol is not None:
            return f"-{symbol}{scaled[1:]}" if scaled.startswith("-") else f"{symbol}{scaled}"
        return f"{currency} {scaled}".strip()
    return f"{scaled} {dimension.unit}" if dimension.unit else scaled


def _describe_value(value: TypedValue) -> str:
    prefix = "about " if value.approximate else ""
    if value.kind is ValueKind.DATE:
        return f"{prefix}{value.date}"
    if value.kind is ValueKind.DATE_RANGE:
        return f"{prefix}{value.date} to {value.date_end}"
    if value.kind is ValueKind.ENTITY:
        return f"entity #{value.entity_id}"
    if value.kind is ValueKind.TEXT:
        text = " ".join((value.text or "").split())
        if len(text) > _LONGEST_TEXT_IN_REASON:
            text = text[: _LONGEST_TEXT_IN_REASON - 1] + "…"
        return f"“{text}”"
    lower, upper, amount = value.lower, value.upper, value.amount
    if lower is not None and upper is not None:
        if lower == upper:
            return f"{prefix}{_format_amount(lower, value)}"
        return f"{prefix}{_format_amount(lower, value)} to {_format_amount(upper, value)}"
    if lower is not None:
        return f"{prefix}more than {_format_amount(lower, value)}"
    if upper is not None:
        ceiling_word = "almost" if _reads_as_almost(value) else "up to"
        return f"{prefix}{ceiling_word} {_format_amount(upper, value)}"
    assert amount is not None
    return f"{prefix}{_format_amount(amount, value)}"
