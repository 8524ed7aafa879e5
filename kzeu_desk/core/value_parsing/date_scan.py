"""Every date in a text, most specific reading first: ranges and periods, then months of a year
named from the publication ("October last year"), single dates, years, and last the dates counted
from the publication date."""

from __future__ import annotations

import re

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.candidates import Candidate, Salience
from kzeu_desk.core.value_parsing.date_ranges import RANGE_PATTERNS
from kzeu_desk.core.value_parsing.date_words import ENGLISH_WEEKDAY, LEADING_PREPOSITIONS, RUSSIAN_WEEKDAY
from kzeu_desk.core.value_parsing.dates import (
    PROSE_MONTHS_WITHOUT_YEAR,
    PROSE_SINGLE_DATES,
    PROSE_YEARS,
    DatePattern,
    Publication,
)
from kzeu_desk.core.value_parsing.relative_dates import MONTHS_OF_RELATIVE_YEAR, RELATIVE_PATTERNS
from kzeu_desk.core.value_parsing.required_words import PatternGate

DATE_PATTERNS: tuple[DatePattern, ...] = (
    *RANGE_PATTERNS,
    *MONTHS_OF_RELATIVE_YEAR,
    *PROSE_SINGLE_DATES,
    *PROSE_MONTHS_WITHOUT_YEAR,
    *PROSE_YEARS,
    *RELATIVE_PATTERNS,
)
# Each pattern is tried only on a sentence holding a word its every match needs (a month name, "квартал", …):
# trying all 168 on every sentence was 5 of the 12.5 s CPU of finding the candidates of 1 MB (`required_words`).
_GATE = PatternGate([pattern.regex for pattern in DATE_PATTERNS])
_LEADING_PREPOSITION_RE = re.compile(rf"^(?:{LEADING_PREPOSITIONS})\s+", re.IGNORECASE)


def unanchored_phrase(written: str) -> TypedValue:
    """A date that needs the publication date, kept as the words that name it ("February 2")."""
    return TypedValue(kind=ValueKind.TEXT, text=_LEADING_PREPOSITION_RE.sub("", written.strip()))


def scan_dates(text: str, publication: Publication | None) -> tuple[list[Candidate], str]:
    """Date candidates, and the text with their spans blanked so their digits are not read as amounts."""
    candidates: list[Candidate] = []
    masked = text
    for pattern, may_match in zip(DATE_PATTERNS, _GATE.can_match(text)):
        if not may_match:
            continue
        found = []
        for match in pattern.regex.finditer(masked):
            reading = pattern.read(match, publication)
            if reading is None:
                continue
            start, end = match.span()
            if reading.value is None:
                found.append(Candidate(unanchored_phrase(text[start:end]), start, end, Salience.UNANCHORED_DATE,
                                       missing=reading.missing))
            else:
                salience = Salience.RELATIVE_DATE if reading.relative else Salience.DATE
                found.append(Candidate(reading.value, start, end, salience))
        # Blank after each pattern so a later, looser pattern never re-reads a consumed date.
        for candidate in found:
            masked = masked[: candidate.start] + " " * (candidate.end - candidate.start) + masked[candidate.end :]
        candidates.extend(found)
    return _without_weekdays_their_dates_name(candidates, text), masked


# "on Thursday, 3 December", "в четверг, 3 декабря": a weekday right before the date it falls on is that date's.
_WEEKDAY_RE = re.compile(rf"(?:(?i:on|во?)\s+)?(?:{ENGLISH_WEEKDAY}|(?i:{RUSSIAN_WEEKDAY}))", re.IGNORECASE)


def _without_weekdays_their_dates_name(candidates: list[Candidate], text: str) -> list[Candidate]:
    days = [c for c in candidates if c.value.kind is ValueKind.DATE and len(c.value.date or "") == 10]
    return [c for c in candidates if not (
        _WEEKDAY_RE.fullmatch(text[c.start:c.end]) and any(
            d is not c and re.fullmatch(r",?\s+", text[c.end:d.start]) for d in days))]
