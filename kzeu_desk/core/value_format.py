"""Display strings for typed values: compact, English, and never ambiguous about bounds.

Style:
  amounts      "US$160 billion", "€1.2 billion", "KZT 1.5 trillion", "3,000 companies", "180×", "27.6%"
  bounds       "more than US$160 billion" (lower), "up to US$95 million" (a ceiling: upper only),
               "almost US$77 billion" (close below: amount and upper), as core/compatibility.py reads them;
               a lower bound is "more than" whether the source said "at least" or "more than", since
               the model keeps no difference between the two
  approximate  "about 30%"; "≈ 33.3%" when the number shown is itself rounded (one third)
  ranges       "US$5–7 billion", "about 5–7%"
  dates        "1996", "February 2023", "2 February 2023"
  date ranges  "3–4 June 2019", "30 June – 2 July 2019", "June–July 2019", "2014–2016"
  counts       "12 member states" (the unit names what is counted)
Amounts under a million are written in full with thousands separators ("800,000"), because
"800 thousand" reads worse and hides nothing; from a million up a scale word is used.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from kzeu_desk.core.typed_value import TypedValue, ValueKind

__all__ = ["format_amount", "format_date", "format_date_range", "format_value"]

_CURRENCY_SYMBOLS = {"USD": "US$", "EUR": "€", "GBP": "£"}
_SCALES = ((12, "trillion"), (9, "billion"), (6, "million"))
_UNITS_WRITTEN_WITHOUT_SPACE = frozenset({"%", "×"})
_MAX_EXACT_DECIMALS = 6
_ROUNDED_DECIMALS = 1
_ISO_DATE_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class _NumberText:
    text: str
    rounded: bool  # the shown digits are not the exact amount (e.g. 33.3 for one third)


def format_date(iso: str) -> str:
    """"1996" -> "1996", "2023-02" -> "February 2023", "2023-02-02" -> "2 February 2023"."""
    match = _ISO_DATE_RE.match(iso)
    if match is None:
        raise ValueError(f"not a truncated ISO date: {iso!r}")
    year = match.group("year")
    if match.group("month") is None:
        return year
    month = int(match.group("month"))
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range in {iso!r}")
    month_name = calendar.month_name[month]
    if match.group("day") is None:
        return f"{month_name} {year}"
    day = int(match.group("day"))
    if not 1 <= day <= calendar.monthrange(int(year), month)[1]:
        raise ValueError(f"day out of range in {iso!r}")
    return f"{day} {month_name} {year}"


def format_date_range(first: str, last: str) -> str:
    """Two truncated ISO dates as one range, naming what they share once:
    "3–4 June 2019", "30 June – 2 July 2019", "June–July 2019", "2014–2016"."""
    first_match, last_match = _ISO_DATE_RE.match(first), _ISO_DATE_RE.match(last)
    if first_match is None or last_match is None:
        raise ValueError(f"not a range of truncated ISO dates: {first!r} to {last!r}")
    shown_first, shown_last = format_date(first), format_date(last)
    if len(first) != len(last) or first[:4] != last[:4]:
        # Different years or precisions: nothing is shared, so both are written out in full.
        if len(first) == len(last) == 4:
            return f"{first}–{last}"
        return f"{shown_first} – {shown_last}"
    if len(first) == 4:
        return first
    if len(first) == 7:
        month_first, month_last = shown_first.split(" ")[0], shown_last.split(" ")[0]
        return shown_first if first == last else f"{month_first}–{month_last} {first[:4]}"
    if first[:7] == last[:7]:
        return shown_first if first == last else f"{int(first[8:])}–{shown_last}"
    day_and_month_first = shown_first.rsplit(" ", 1)[0]
    return f"{day_and_month_first} – {shown_last}"


def format_time_qualifier(point_in_time: str | None, start: str | None, end: str | None) -> str:
    """When a fact holds, in a few words: "1996", "2019–2023", "from March 2021", "until 2023", ""."""
    def readable(iso: str) -> str:
        try:
            return format_date(iso)
        except ValueError:  # another client may have stored a free-form date; show it as stored
            return iso

    if point_in_time:
        return readable(point_in_time)
    if start and end:
        try:
            return format_date_range(start, end)
        except ValueError:
            return f"{readable(start)} – {readable(end)}"
    if start:
        return f"from {readable(start)}"
    if end:
        return f"until {readable(end)}"
    return ""


def format_amount(amount: float, unit: str | None) -> str:
    """An amount with its unit: "US$160 billion", "KZT 1.5 trillion", "27.6%", "3,000 companies"."""
    return _format_amount(amount, unit).text


def format_value(value: TypedValue, *, entity_name: Callable[[int], str] | None = None) -> str:
    """One-line display of a typed value; `entity_name` resolves ENTITY ids when given."""
    if value.kind is ValueKind.ENTITY:
        return _format_entity(value, entity_name)
    if value.kind is ValueKind.DATE:
        if value.date is None:
            return "(no date)"
        shown = format_date(value.date)
        return f"about {shown}" if value.approximate else shown
    if value.kind is ValueKind.DATE_RANGE:
        if value.date is None or value.date_end is None:
            return "(incomplete date range)"
        shown = format_date_range(value.date, value.date_end)
        return f"about {shown}" if value.approximate else shown
    if value.kind is ValueKind.TEXT:
        return value.text or ""
    return _format_numeric(value)


def _format_entity(value: TypedValue, entity_name: Callable[[int], str] | None) -> str:
    if value.entity_id is not None and entity_name is not None:
        return entity_name(value.entity_id)
    if value.text:
        return value.text
    if value.entity_id is not None:
        return f"entity #{value.entity_id}"
    return "(no entity)"


def _unit_for(value: TypedValue) -> str | None:
    # A percentage is a percentage even if its unit column was left empty.
    return "%" if value.kind is ValueKind.PERCENT else value.unit


def _format_numeric(value: TypedValue) -> str:
    unit = _unit_for(value)
    amount, lower, upper = value.amount, value.lower, value.upper
    if lower is not None and upper is not None and lower != upper:
        shown_range = _format_range(lower, upper, unit)
        prefix = "about " if value.approximate else ""
        if amount is not None and amount not in (lower, upper):
            return f"{prefix}{_format_amount(amount, unit).text} ({shown_range})"
        return f"{prefix}{shown_range}"
    if lower is not None and upper is not None:
        return _format_amount(lower, unit).text
    if lower is not None:
        return _with_bound("more than", lower, amount, unit)
    if upper is not None:
        # Only amount and upper together say "close below"; a bare ceiling claims no closeness.
        return _with_bound("up to" if amount is None else "almost", upper, amount, unit)
    if amount is None:
        return "(no amount)"
    shown = _format_amount(amount, unit)
    if shown.rounded:
        return f"≈ {shown.text}"
    return f"about {shown.text}" if value.approximate else shown.text


def _with_bound(word: str, bound: float, amount: float | None, unit: str | None) -> str:
    bound_text = f"{word} {_format_amount(bound, unit).text}"
    if amount is None or amount == bound:
        return bound_text
    return f"{_format_amount(amount, unit).text} ({bound_text})"


def _number_text(number: float) -> _NumberText:
    """Fewest decimals that show `number` exactly, or one decimal for endless fractions."""
    tolerance = 1e-9 * max(1.0, abs(number))
    for decimals in range(_MAX_EXACT_DECIMALS + 1):
        if abs(round(number, decimals) - number) <= tolerance:
            return _NumberText(_grouped(number, decimals), rounded=False)
    return _NumberText(_grouped(number, _ROUNDED_DECIMALS), rounded=True)


def _grouped(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"
    return "0" if text in ("-0", "-0.0") else text


def _scale_for(magnitude: float) -> tuple[int, str | None]:
    for exponent, word in _SCALES:
        if magnitude >= 10**exponent:
            return exponent, word
    return 0, None


def _attach_unit(number: str, unit: str | None, *, negative: bool) -> str:
    sign = "-" if negative else ""
    if unit is None:
        return f"{sign}{number}"
    if unit in _CURRENCY_SYMBOLS:
        return f"{sign}{_CURRENCY_SYMBOLS[unit]}{number}"
    if unit in _UNITS_WRITTEN_WITHOUT_SPACE:
        return f"{sign}{number}{unit}"
    if re.fullmatch(r"[A-Z]{3}", unit):
        # Other ISO 4217 codes lead, as in financial writing: "KZT 1.5 trillion".
        return f"{unit} {sign}{number}"
    return f"{sign}{number} {unit}"


def _format_amount(amount: float, unit: str | None) -> _NumberText:
    if not math.isfinite(amount):
        raise ValueError(f"cannot display amount {amount!r}")
    magnitude = abs(amount)
    exponent, scale_word = _scale_for(magnitude)
    mantissa = _number_text(magnitude / 10**exponent)
    number = f"{mantissa.text} {scale_word}" if scale_word else mantissa.text
    return _NumberText(_attach_unit(number, unit, negative=amount < 0), mantissa.rounded)


def _format_range(lower: float, upper: float, unit: str | None) -> str:
    """Both ends share one scale and one unit: "US$5–7 billion", "3,000–4,000 companies"."""
    if (lower < 0) != (upper < 0):
        return f"{_format_amount(lower, unit).text} to {_format_amount(upper, unit).text}"
    exponent, scale_word = _scale_for(max(abs(lower), abs(upper)))
    low_text = _number_text(abs(lower) / 10**exponent).text
    high_text = _number_text(abs(upper) / 10**exponent).text
    if lower < 0:
        # Negative ranges read from the larger magnitude: "-7 to -5" keeps lower first.
        number = f"{low_text} to -{high_text}"
    else:
        number = f"{low_text}–{high_text}"
    if scale_word:
        number = f"{number} {scale_word}"
    return _attach_unit(number, unit, negative=lower < 0)
