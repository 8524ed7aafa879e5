"""Dates in prose and typed dates: the patterns for every way a date is written, anchoring
month-only and relative dates to the publication date, and `parse_date_text` for the editor."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from enum import Enum

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.alphabet import NOT_CYRILLIC_AFTER
from kzeu_desk.core.value_parsing.candidates import Candidate, Salience
from kzeu_desk.core.value_parsing.date_words import (
    AMOUNT_WORDS_AFTER_DAY,
    CYRILLIC_MONTH_STEMS,
    ENGLISH_MONTH_ALTERNATION,
    ENGLISH_MONTH_FULL,
    ENGLISH_MONTH_PREPOSITIONS,
    ENGLISH_MONTHS,
    KAZAKH_MONTH,
    KAZAKH_YEAR_MARKER,
    LEADING_PREPOSITIONS,
    MONTH_RELATIVE_YEAR_WORDS,
    ORDINAL_SUFFIX,
    RELATIVE_MONTH_PHRASES,
    RELATIVE_YEAR_PHRASES,
    RELATIVE_YEAR_WORDS,
    RUSSIAN_MONTH,
    RUSSIAN_MONTH_PREPOSITIONS,
    YEAR_MARKER,
    YEAR_NOUNS,
)

_CYRILLIC_MONTH = rf"(?i:(?:{RUSSIAN_MONTH}){NOT_CYRILLIC_AFTER}|{KAZAKH_MONTH})"
# English months must be capitalised in prose so the verbs "may" and "march" stay verbs.
_MONTH = rf"(?P<month>(?:{ENGLISH_MONTH_ALTERNATION})\b\.?|{_CYRILLIC_MONTH})"
_DAY = rf"(?P<day>[0-3]?\d){ORDINAL_SUFFIX}?"
_YEAR = r"(?P<year>[12]\d{3})"
_YEAR_WORD_AFTER = rf"(?:{YEAR_MARKER})?"


class _DateShape(Enum):
    FULL = "full"  # year known from the text
    MONTH_DAY = "month_day"  # year taken from publication
    MONTH_ONLY = "month_only"  # year taken from publication
    MONTH_RELATIVE_YEAR = "month_relative_year"
    RELATIVE_YEAR = "relative_year"
    RELATIVE_MONTH = "relative_month"


@dataclass(frozen=True, slots=True)
class DatePattern:
    regex: re.Pattern[str]
    shape: _DateShape
    numeric_month: bool = False


def _date_patterns(*, ignore_case: bool) -> tuple[DatePattern, ...]:
    flags = re.IGNORECASE if ignore_case else 0
    numeric_day_month_year = (
        r"(?<![\d.])(?P<day>[0-3]?\d)(?P<separator>[./])(?P<month>[0-3]?\d)(?P=separator)(?P<year>[12]\d{3})(?![\d])"
    )
    return (
        DatePattern(
            re.compile(rf"(?<![\w-]){_YEAR}-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?(?![\d-])", flags),
            _DateShape.FULL, numeric_month=True,
        ),
        DatePattern(
            re.compile(rf"(?<![\w-]){_YEAR}/(?P<month>[01]\d)/(?P<day>[0-3]\d)(?![\d])", flags),
            _DateShape.FULL, numeric_month=True,
        ),
        DatePattern(re.compile(numeric_day_month_year, flags), _DateShape.FULL, numeric_month=True),
        DatePattern(
            re.compile(rf"(?<![\w.]){_YEAR}{KAZAKH_YEAR_MARKER}{_DAY}\s+{_MONTH}", flags), _DateShape.FULL
        ),
        DatePattern(
            re.compile(rf"(?<![\d]){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d){_YEAR_WORD_AFTER}", flags),
            _DateShape.FULL,
        ),
        DatePattern(re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", flags), _DateShape.FULL),
        DatePattern(re.compile(rf"(?<![\w.]){_YEAR}{KAZAKH_YEAR_MARKER}{_MONTH}", flags), _DateShape.FULL),
        DatePattern(re.compile(rf"(?<![\w]){_MONTH}\s+(?:of\s+)?{_YEAR}(?!\d){_YEAR_WORD_AFTER}", flags), _DateShape.FULL),
        DatePattern(
            re.compile(r"(?<![\w.])(?P<month>0[1-9]|1[0-2])\.(?P<year>[12]\d{3})(?![\d])", flags),
            _DateShape.FULL, numeric_month=True,
        ),
        DatePattern(
            re.compile(
                rf"(?<![\w]){_MONTH}\s+(?:of\s+)?(?P<relative>(?i:{MONTH_RELATIVE_YEAR_WORDS}))"
                rf"\s+(?i:{YEAR_NOUNS})(?![\w])",
                flags,
            ),
            _DateShape.MONTH_RELATIVE_YEAR,
        ),
        DatePattern(
            re.compile(rf"(?<![\d]){_DAY}\s+(?:of\s+)?{_MONTH}(?!,?\s*\d)", flags), _DateShape.MONTH_DAY
        ),
        DatePattern(
            re.compile(
                rf"(?<![\w]){_MONTH}\s+(?P<day>[0-3]?\d){ORDINAL_SUFFIX}?(?![\d%]|[.,]\d)"
                rf"(?!\s*(?i:{AMOUNT_WORDS_AFTER_DAY}))",
                flags,
            ),
            _DateShape.MONTH_DAY,
        ),
        DatePattern(
            re.compile(
                rf"(?<![\w])(?i:{ENGLISH_MONTH_PREPOSITIONS})\s+"
                rf"(?P<month>{ENGLISH_MONTH_FULL})(?![\w])(?!\s*\d)",
                flags,
            ),
            _DateShape.MONTH_ONLY,
        ),
        DatePattern(
            re.compile(
                rf"(?<![\w])(?i:{RUSSIAN_MONTH_PREPOSITIONS})\s+(?P<month>(?i:{RUSSIAN_MONTH})){NOT_CYRILLIC_AFTER}"
                r"(?!\s*\d)",
                flags,
            ),
            _DateShape.MONTH_ONLY,
        ),
        DatePattern(re.compile(rf"(?<![\w.\d]){_YEAR}{YEAR_MARKER}", flags), _DateShape.FULL),
        DatePattern(re.compile(RELATIVE_YEAR_PHRASES, flags), _DateShape.RELATIVE_YEAR),
        DatePattern(re.compile(RELATIVE_MONTH_PHRASES, flags), _DateShape.RELATIVE_MONTH),
    )


PROSE_DATE_PATTERNS = _date_patterns(ignore_case=False)
_TYPED_DATE_PATTERNS = _date_patterns(ignore_case=True)
_ISO_PUBLISHED_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
_LEADING_PREPOSITION_RE = re.compile(rf"^(?:{LEADING_PREPOSITIONS})\s+", re.IGNORECASE)


def parse_date_text(text: str) -> str | None:
    """Parse a date typed into the editor into a truncated ISO string, or None.

    Accepts "1996", "1996-02", "1996-02-02", "1996/02/02", "2 Feb 1996", "February 2, 1996",
    "Feb 1996", "02.02.1993" (day first, as written in Kazakhstan and Europe), "02.1993",
    "2 февраля 1993 года", "1993 г.", "1993 жылғы 2 ақпан". Month names are case-insensitive.
    """
    stripped = text.strip()
    if re.fullmatch(r"[12]\d{3}", stripped):
        return stripped
    for pattern in _TYPED_DATE_PATTERNS:
        if pattern.shape is not _DateShape.FULL:
            continue
        match = pattern.regex.fullmatch(stripped)
        if match is None:
            continue
        iso = _iso_from_match(match, pattern, year_override=None)
        if iso is not None:
            return iso
    return None


@dataclass(frozen=True, slots=True)
class Publication:
    year: int
    month: int | None


def parse_publication(published: str | None) -> Publication | None:
    if published is None:
        return None
    match = _ISO_PUBLISHED_RE.match(published.strip())
    if match is None:
        raise ValueError(f"published must be a truncated ISO date (YYYY, YYYY-MM, YYYY-MM-DD), got {published!r}")
    month = match.group("month")
    return Publication(year=int(match.group("year")), month=int(month) if month else None)


def _month_number(word: str) -> int | None:
    key = word.lower().rstrip(".")
    if key in ENGLISH_MONTHS:
        return ENGLISH_MONTHS[key]
    for stem, month in CYRILLIC_MONTH_STEMS:
        if key.startswith(stem):
            return month
    return None


def _iso_date(year: int, month: int | None, day: int | None) -> str | None:
    """The truncated ISO string, or None for impossible dates such as 31 February."""
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _iso_from_match(match: re.Match[str], pattern: DatePattern, *, year_override: int | None) -> str | None:
    groups = match.groupdict()
    year = year_override if year_override is not None else int(groups["year"])
    month_text = groups.get("month")
    if month_text is None:
        month = None
    elif pattern.numeric_month:
        month = int(month_text)
    else:
        month = _month_number(month_text)
        if month is None:
            return None
    day_text = groups.get("day")
    day = int(day_text) if day_text else None
    if pattern.numeric_month and groups.get("separator") == "/" and month is not None and day is not None:
        # Slashes are written both ways; only a day above 12 tells them apart, otherwise day first.
        if month > 12 >= day:
            day, month = month, day
    return _iso_date(year, month, day)


def _relative_offset(match: re.Match[str]) -> int:
    groups = match.groupdict()
    for name in ("relative", "relative_ru", "relative_ru_genitive", "relative_kz", "relative_kz_phrase"):
        word = groups.get(name)
        if word:
            return RELATIVE_YEAR_WORDS[word.lower()]
    raise AssertionError("relative date pattern matched without a relative word")


def _resolve_date(match: re.Match[str], pattern: DatePattern, publication: Publication | None) -> str | None:
    """ISO date for a match, or None when it needs a publication date that is not known."""
    if pattern.shape is _DateShape.FULL:
        return _iso_from_match(match, pattern, year_override=None)
    if publication is None:
        return None
    if pattern.shape in (_DateShape.MONTH_DAY, _DateShape.MONTH_ONLY):
        return _iso_from_match(match, pattern, year_override=publication.year)
    if pattern.shape is _DateShape.MONTH_RELATIVE_YEAR:
        return _iso_from_match(match, pattern, year_override=publication.year + _relative_offset(match))
    if pattern.shape is _DateShape.RELATIVE_YEAR:
        return _iso_date(publication.year + _relative_offset(match), None, None)
    if publication.month is None:
        return None
    months_since_year_zero = publication.year * 12 + publication.month - 1 + _relative_offset(match)
    return _iso_date(months_since_year_zero // 12, months_since_year_zero % 12 + 1, None)


def _date_is_possible(match: re.Match[str], pattern: DatePattern) -> bool:
    """Whether the match names a real calendar date (any leap year will do when the year is open)."""
    if pattern.shape in (_DateShape.RELATIVE_YEAR, _DateShape.RELATIVE_MONTH):
        return True
    year = match.groupdict().get("year")
    return _iso_from_match(match, pattern, year_override=None if year else 2000) is not None


def scan_dates(
    text: str, patterns: tuple[DatePattern, ...], publication: Publication | None
) -> tuple[list[Candidate], str]:
    """Date candidates, and the text with their spans blanked so their digits are not read as amounts."""
    candidates: list[Candidate] = []
    masked = text
    for pattern in patterns:
        for match in pattern.regex.finditer(masked):
            if not _date_is_possible(match, pattern):
                continue
            iso = _resolve_date(match, pattern, publication)
            if iso is not None:
                value = TypedValue(kind=ValueKind.DATE, date=iso)
                salience = Salience.DATE
            else:
                phrase = _LEADING_PREPOSITION_RE.sub("", match.group(0).strip())
                value = TypedValue(kind=ValueKind.TEXT, text=phrase)
                salience = Salience.UNANCHORED_DATE
            candidates.append(Candidate(value, match.start(), match.end(), salience))
        # Blank after each pattern so a later, looser pattern never re-reads a consumed date.
        for candidate in candidates:
            masked = masked[: candidate.start] + " " * (candidate.end - candidate.start) + masked[candidate.end :]
    return candidates, masked
