"""Figures written in digits: numbers in either convention for thousands and decimals, with the
scale, currency, percent sign or multiplier after them, the bound a qualifier puts on them, the
noun they count, ranges ("5–7 million", "between 5 and 7%"), and four-digit years."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, NOT_LETTER_AFTER
from kzeu_desk.core.value_parsing.candidates import Bound, Candidate, Salience
from kzeu_desk.core.value_parsing.figure_words import (
    CURRENCIES_AFTER,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_NON_NOUNS,
    IRREGULAR_PLURALS,
    MONEY_ONLY_SCALES,
    MULTIPLIER_AFTER,
    PERCENT_WORDS,
    PERCENTAGE_POINT_WORDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RUSSIAN_ADJECTIVE_ENDINGS,
    RUSSIAN_MULTIPLIER_AFTER,
    RUSSIAN_MULTIPLIER_BEFORE,
    RUSSIAN_NON_NOUNS,
    SCALES,
    SYMBOL_QUALIFIERS_BEFORE,
    TEMPORAL_PREPOSITIONS_BEFORE,
)


def _qualifier_before_regex(pairs: tuple[tuple[str, Bound], ...], *, words: bool) -> re.Pattern[str]:
    guard = r"(?<![\w])" if words else ""
    alternatives = "|".join(f"(?P<q{index}>{fragment})" for index, (fragment, _) in enumerate(pairs))
    return re.compile(rf"{guard}(?:{alternatives})\s*$", re.IGNORECASE)


_WORD_QUALIFIER_BEFORE_RE = _qualifier_before_regex(QUALIFIERS_BEFORE, words=True)
_SYMBOL_QUALIFIER_BEFORE_RE = _qualifier_before_regex(SYMBOL_QUALIFIERS_BEFORE, words=False)
_QUALIFIER_AFTER_RES = tuple((re.compile(fragment, re.IGNORECASE), bound) for fragment, bound in QUALIFIERS_AFTER)
# "с 5 до 7 млрд" is a change from 5 to 7, not "up to 7": "до" right after another number.
_DO_AFTER_NUMBER_RE = re.compile(r"\d[^\d]{0,25}(?<![\w])до\s*$", re.IGNORECASE)

_SCALE_RE = re.compile(
    r"(?P<space>\s?)(?:" + "|".join(f"(?P<s{index}>{fragment})" for index, (fragment, _) in enumerate(SCALES))
    + rf"){NOT_LETTER_AFTER}",
    re.IGNORECASE,
)

_CURRENCY_AFTER_RE = re.compile(
    r"\s?(?:" + "|".join(f"(?P<c{index}>{fragment})" for index, (fragment, _) in enumerate(CURRENCIES_AFTER))
    + rf"){NOT_LETTER_AFTER}|\s?(?P<symbol>[$€£₸₽])",
    re.IGNORECASE,
)
_CURRENCY_BEFORE_RE = re.compile(
    r"(?:(?P<usd>(?<![A-Za-z])U\.?S\.?\s?\$)|(?P<symbol>[$€£₸₽])|(?<![A-Za-z])(?P<code>"
    + "|".join(CURRENCY_CODES)
    + r"))\s?$",
    re.IGNORECASE,
)

_PERCENTAGE_POINTS_RE = re.compile(rf"\s?(?:{PERCENTAGE_POINT_WORDS})", re.IGNORECASE)
_PERCENT_RE = re.compile(rf"\s?(?:{PERCENT_WORDS})", re.IGNORECASE)
_MULTIPLIER_RE = re.compile(MULTIPLIER_AFTER, re.IGNORECASE)
_RUSSIAN_MULTIPLIER_RE = re.compile(RUSSIAN_MULTIPLIER_AFTER, re.IGNORECASE)
_RUSSIAN_MULTIPLIER_BEFORE_RE = re.compile(RUSSIAN_MULTIPLIER_BEFORE, re.IGNORECASE)

# The grouped forms come first so "3,000" is one number and "28,7" a decimal comma.
_NUMBER_PATTERN = (
    r"(?<![\w.,/\d])(?P<digits>"
    r"\d+(?:\.\d+)?[eE][+-]?\d+"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
    r"|\d{1,3}(?:\.\d{3})+,\d+"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?"
    r")(?![\d])(?![.,]\d)"
)
_NUMBER_RE = re.compile(_NUMBER_PATTERN)
_NUMBER_AT_RE = re.compile(r"\s*" + _NUMBER_PATTERN.replace(r"(?<![\w.,/\d])", ""))

_RANGE_DASH_RE = re.compile(r"\s?[-–—]\s?")
_RANGE_TO_RE = re.compile(r"\s+(?:to|до)\s+", re.IGNORECASE)
_RANGE_AND_RE = re.compile(r"\s+(?:and|и)\s+", re.IGNORECASE)
_RANGE_OPENER_RE = re.compile(r"(?<![\w])(?P<opener>between|между|от|from)\s*$", re.IGNORECASE)

_TEMPORAL_PREPOSITION_BEFORE_RE = re.compile(TEMPORAL_PREPOSITIONS_BEFORE, re.IGNORECASE)
_EARLIEST_BARE_YEAR = 1800
_LATEST_BARE_YEAR = 2100
_WORD_RE = re.compile(rf"\s+(?P<word>[A-Za-z{CYRILLIC_LETTER}][A-Za-z{CYRILLIC_LETTER}'’-]*)", re.IGNORECASE)
_STRICT_UNIT_RE = re.compile(r"\s*(?P<unit>[^\W\d_][\w'’/.-]*)\s*$")


def _decimal_from_digits(digits: str) -> Decimal:
    """Decimal for a number as written, with either convention for thousands and decimals."""
    compact = re.sub(r"[ \u00a0\u202f\u2009]", "", digits)
    if "e" in compact.lower():
        return Decimal(compact)
    if "," in compact and "." in compact:
        if compact.rfind(",") > compact.rfind("."):
            compact = compact.replace(".", "").replace(",", ".")
        else:
            compact = compact.replace(",", "")
    elif "," in compact:
        parts = compact.split(",")
        # Exactly three digits after each comma is thousands grouping ("3,000"); anything else
        # is a decimal comma ("28,7", "1,5").
        if all(len(part) == 3 for part in parts[1:]):
            compact = compact.replace(",", "")
        else:
            compact = compact.replace(",", ".")
    elif compact.count(".") > 1:
        compact = compact.replace(".", "")
    return Decimal(compact)


@dataclass(frozen=True, slots=True)
class _Scale:
    exponent: int
    end: int


def _match_scale(text: str, position: int, *, is_money: bool) -> _Scale | None:
    match = _SCALE_RE.match(text, position)
    if match is None:
        return None
    scale_index = next(index for index in range(len(SCALES)) if match.group(f"s{index}") is not None)
    word = match.group(f"s{scale_index}").lower()
    if word in MONEY_ONLY_SCALES and (match.group("space") or not is_money):
        return None
    return _Scale(exponent=SCALES[scale_index][1], end=match.end())


def _match_currency_after(text: str, position: int) -> tuple[str, int] | None:
    match = _CURRENCY_AFTER_RE.match(text, position)
    if match is None:
        return None
    if match.group("symbol"):
        return CURRENCY_SYMBOLS[match.group("symbol")], match.end()
    index = next(index for index in range(len(CURRENCIES_AFTER)) if match.group(f"c{index}") is not None)
    code = CURRENCIES_AFTER[index][1] or match.group(f"c{index}").upper()
    return code, match.end()


def _match_currency_before(text: str, position: int) -> tuple[str, int] | None:
    """Currency written right before `position`, and where that currency starts."""
    window_start = max(0, position - 12)
    match = _CURRENCY_BEFORE_RE.search(text[window_start:position])
    if match is None:
        return None
    if match.group("usd"):
        code = "USD"
    elif match.group("symbol"):
        code = CURRENCY_SYMBOLS[match.group("symbol")]
    else:
        code = match.group("code").upper()
    return code, window_start + match.start()


def match_qualifier_before(text: str, position: int) -> tuple[Bound, int] | None:
    window_start = max(0, position - 40)
    window = text[window_start:position]
    for regex, pairs in (
        (_SYMBOL_QUALIFIER_BEFORE_RE, SYMBOL_QUALIFIERS_BEFORE),
        (_WORD_QUALIFIER_BEFORE_RE, QUALIFIERS_BEFORE),
    ):
        match = regex.search(window)
        if match is None:
            continue
        index = next(index for index in range(len(pairs)) if match.group(f"q{index}") is not None)
        bound = pairs[index][1]
        if match.group(f"q{index}").lower() == "до" and _DO_AFTER_NUMBER_RE.search(window):
            return None
        return bound, window_start + match.start()
    return None


def _match_qualifier_after(text: str, position: int) -> tuple[Bound, int] | None:
    for regex, bound in _QUALIFIER_AFTER_RES:
        match = regex.match(text, position)
        if match is not None:
            return bound, match.end()
    return None


def _is_english_count_noun(word: str) -> bool:
    lowered = word.lower()
    if word != lowered or lowered in ENGLISH_NON_NOUNS or lowered in ENGLISH_FUNCTION_WORDS:
        return False
    if lowered in IRREGULAR_PLURALS:
        return True
    return (
        len(lowered) > 3
        and lowered.endswith("s")
        and not lowered.endswith(("ss", "us", "is", "ous", "'s", "’s"))
    )


def _count_noun_after(text: str, position: int) -> tuple[str, int] | None:
    """The plural noun a number counts ("3,000 companies", "29 different areas"), if any."""
    first = _WORD_RE.match(text, position)
    if first is None:
        return None
    word = first.group("word")
    if re.match(rf"[{CYRILLIC_LETTER}]", word, re.IGNORECASE):
        lowered = word.lower()
        if lowered in RUSSIAN_NON_NOUNS:
            return None
        if lowered.endswith(RUSSIAN_ADJECTIVE_ENDINGS):
            second = _WORD_RE.match(text, first.end())
            if second is not None and second.group("word").lower() not in RUSSIAN_NON_NOUNS:
                return second.group("word"), second.end()
        return (word, first.end()) if len(lowered) >= 3 else None
    if _is_english_count_noun(word):
        return word, first.end()
    lowered = word.lower()
    if word != lowered or lowered in ENGLISH_FUNCTION_WORDS or lowered in ENGLISH_NON_NOUNS:
        return None
    # One adjective may stand between number and noun ("29 different areas").
    second = _WORD_RE.match(text, first.end())
    if second is not None and _is_english_count_noun(second.group("word")):
        return second.group("word"), second.end()
    return None


@dataclass(frozen=True, slots=True)
class _Figure:
    """What follows a number: its scale, the kind it makes and its unit."""

    exponent: int
    kind: ValueKind
    unit: str | None
    is_multiplier: bool
    end: int


def _match_figure_suffix(text: str, position: int, *, currency_before: str | None, russian_multiplier: bool) -> _Figure:
    """Scale, currency, percent or multiplier written after a number that ends at `position`."""
    exponent = 0
    scale = _match_scale(text, position, is_money=currency_before is not None)
    if scale is None and currency_before is None:
        # "$5m" is decided by its prefix; "5m dollars" needs a look at what follows the scale.
        tentative = _match_scale(text, position, is_money=True)
        if tentative is not None and _match_currency_after(text, tentative.end) is not None:
            scale = tentative
    if scale is not None:
        exponent, position = scale.exponent, scale.end
    currency_after = _match_currency_after(text, position)
    if currency_after is not None:
        code, end = currency_after
        return _Figure(exponent, ValueKind.MONEY, currency_before or code, False, end)
    if currency_before is not None:
        return _Figure(exponent, ValueKind.MONEY, currency_before, False, position)
    if points := _PERCENTAGE_POINTS_RE.match(text, position):
        return _Figure(exponent, ValueKind.QUANTITY, "pp", False, points.end())
    if percent := _PERCENT_RE.match(text, position):
        return _Figure(exponent, ValueKind.PERCENT, "%", False, percent.end())
    if multiplier := _MULTIPLIER_RE.match(text, position):
        return _Figure(exponent, ValueKind.QUANTITY, "×", True, multiplier.end())
    if russian_multiplier and (multiplier := _RUSSIAN_MULTIPLIER_RE.match(text, position)):
        return _Figure(exponent, ValueKind.QUANTITY, "×", True, multiplier.end())
    return _Figure(exponent, ValueKind.QUANTITY, None, False, position)


def _glued_to_word(text: str, start: int, end: int, figure_end: int) -> bool:
    """Numbers that are part of a word or code ("G20", "COVID-19", "1990s", "25th", "30-летие")."""
    if start >= 2 and text[start - 1] in "-‐" and text[start - 2].isalnum():
        return True
    if end < len(text) and figure_end == end:
        following = text[end]
        if following.isalpha():
            return True
        if following in "-‐" and end + 1 < len(text) and text[end + 1].isalpha():
            return True
    return False


def _is_bare_year(digits: str, value: Decimal) -> bool:
    return re.fullmatch(r"\d{4}", digits) is not None and _EARLIEST_BARE_YEAR <= value <= _LATEST_BARE_YEAR


def scan_numbers(text: str, *, strict: bool) -> list[Candidate]:
    candidates: list[Candidate] = []
    position = 0
    while (match := _NUMBER_RE.search(text, position)) is not None:
        candidate = _candidate_at(text, match, strict=strict)
        if candidate is None:
            position = match.end()
            continue
        candidates.append(candidate)
        position = max(candidate.end, match.end())
    return candidates


def _candidate_at(text: str, match: re.Match[str], *, strict: bool) -> Candidate | None:
    candidate = _build_candidate(text, match, strict=strict, allow_range=True)
    if candidate is None:
        # "In 2022 – 40 billion" is a year and then an amount, not a range: read the number alone.
        candidate = _build_candidate(text, match, strict=strict, allow_range=False)
    return candidate


def _build_candidate(text: str, match: re.Match[str], *, strict: bool, allow_range: bool) -> Candidate | None:
    number_start, number_end = match.span()
    digits = match.group("digits")
    try:
        first_value = _decimal_from_digits(digits)
    except InvalidOperation:
        return None

    start = number_start
    currency_before = _match_currency_before(text, number_start)
    currency_code: str | None = None
    if currency_before is not None:
        currency_code, start = currency_before
    russian_multiplier = _RUSSIAN_MULTIPLIER_BEFORE_RE.search(text[max(0, start - 4) : start]) is not None

    # A range shares its scale and unit: "US$5–7 billion", "between 5 and 7 million".
    first_scale = _match_scale(text, number_end, is_money=currency_code is not None)
    after_first = first_scale.end if first_scale is not None else number_end
    range_end = _match_range_end(text, start, after_first, first_value, digits) if allow_range else None

    figure_start = range_end.end if range_end is not None else number_end
    figure = _match_figure_suffix(
        text, figure_start, currency_before=currency_code, russian_multiplier=russian_multiplier
    )
    end = figure.end
    qualifier_after = _match_qualifier_after(text, end)
    if range_end is None and qualifier_after is None and _glued_to_word(text, number_start, number_end, figure.end):
        return None

    bound: Bound | None = None
    if range_end is not None:
        start = range_end.opener_start
    qualifier_before = match_qualifier_before(text, start)
    if qualifier_before is not None:
        bound, start = qualifier_before
    if qualifier_after is not None and bound is None:
        bound, end = qualifier_after

    unit = figure.unit
    if figure.kind is ValueKind.QUANTITY and unit is None:
        if strict:
            unit_match = _STRICT_UNIT_RE.match(text, end)
            if unit_match is not None:
                unit, end = unit_match.group("unit"), unit_match.end()
        elif (noun := _count_noun_after(text, end)) is not None:
            unit, end = noun

    first_is_year_shaped = (
        not strict
        and currency_code is None
        and first_scale is None
        and _is_bare_year(digits, first_value)
    )
    if range_end is not None and first_is_year_shaped != range_end.is_year:
        return None
    if first_is_year_shaped and figure.kind is ValueKind.QUANTITY and figure.unit is None and figure.exponent == 0:
        year_candidate = _bare_year_candidate(text, number_start, first_value, bound, unit, range_end)
        if year_candidate is not None:
            return year_candidate

    if range_end is not None:
        second_exponent = range_end.exponent if range_end.exponent is not None else figure.exponent
        first_exponent = first_scale.exponent if first_scale is not None else second_exponent
        lower = first_value.scaleb(first_exponent)
        upper = range_end.value.scaleb(second_exponent)
        if lower >= upper:
            return None
        value = TypedValue(
            kind=figure.kind,
            lower=float(lower),
            upper=float(upper),
            approximate=bound is Bound.APPROXIMATE,
            unit=unit,
        )
        return Candidate(value, start, end, _numeric_salience(value, substantial=True))

    exponent = figure.exponent or (first_scale.exponent if first_scale is not None else 0)
    amount = float(first_value.scaleb(exponent))
    value = TypedValue(
        kind=figure.kind,
        amount=amount,
        lower=amount if bound is Bound.LOWER else None,
        upper=amount if bound is Bound.UPPER else None,
        approximate=bound is Bound.APPROXIMATE,
        unit=unit,
    )
    substantial = bool(unit) or exponent != 0 or bound is not None or figure.is_multiplier
    return Candidate(value, start, end, _numeric_salience(value, substantial=substantial))


@dataclass(frozen=True, slots=True)
class _RangeEnd:
    value: Decimal
    exponent: int | None  # the second number's own scale, when written ("5 million to 7 million")
    end: int
    opener_start: int  # where "between"/"от" starts, or the range's own start
    is_year: bool


def _match_range_end(text: str, start: int, position: int, first_value: Decimal, first_digits: str) -> _RangeEnd | None:
    opener = _RANGE_OPENER_RE.search(text[max(0, start - 12) : start])
    opener_word = opener.group("opener").lower() if opener else None
    opener_start = max(0, start - 12) + opener.start() if opener else start
    for separator_re in (_RANGE_DASH_RE, _RANGE_TO_RE, _RANGE_AND_RE):
        separator = separator_re.match(text, position)
        if separator is None:
            continue
        word = separator.group(0).strip().lower()
        # "from 5 to 7" and "с 5 до 7" describe a change, so only these openers make ranges.
        if word == "to" and opener_word == "from":
            return None
        if word == "до" and opener_word != "от":
            return None
        if word in ("and", "и") and opener_word not in ("between", "между"):
            return None
        second_start = separator.end()
        if (symbol := re.match(r"(?:US\$|[$€£₸₽])\s?", text[second_start:])) is not None:
            second_start += symbol.end()
        second = _NUMBER_AT_RE.match(text, second_start)
        if second is None:
            return None
        try:
            second_value = _decimal_from_digits(second.group("digits"))
        except InvalidOperation:
            return None
        second_scale = _match_scale(text, second.end(), is_money=symbol is not None)
        is_year = _is_bare_year(first_digits, first_value) and _is_bare_year(second.group("digits"), second_value)
        return _RangeEnd(
            value=second_value,
            exponent=second_scale.exponent if second_scale is not None else None,
            end=second_scale.end if second_scale is not None else second.end(),
            opener_start=opener_start if opener_word in ("between", "между", "от") else start,
            is_year=is_year,
        )
    return None


def _bare_year_candidate(
    text: str,
    number_start: int,
    value: Decimal,
    bound: Bound | None,
    count_noun: str | None,
    range_end: _RangeEnd | None,
) -> Candidate | None:
    """The DATE a four-digit number stands for, or None when it is really a count."""
    after_temporal_word = _TEMPORAL_PREPOSITION_BEFORE_RE.search(text[max(0, number_start - 15) : number_start])
    is_count = bound in (Bound.LOWER, Bound.UPPER) or count_noun is not None
    if is_count and not after_temporal_word:
        return None
    end = range_end.end if range_end is not None else number_start + 4
    date = TypedValue(kind=ValueKind.DATE, date=f"{int(value):04d}", approximate=bound is Bound.APPROXIMATE)
    return Candidate(date, number_start, end, Salience.DATE)


def _numeric_salience(value: TypedValue, *, substantial: bool) -> Salience:
    if value.kind is ValueKind.MONEY:
        return Salience.MONEY
    if value.kind is ValueKind.PERCENT:
        return Salience.PERCENT_DIGITS
    return Salience.SUBSTANTIAL_QUANTITY if substantial else Salience.BARE_NUMBER
