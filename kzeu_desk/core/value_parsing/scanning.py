"""Every figure and date in a text, as `Candidate`s with spans into that text.

Ordinals that number a series ("the fifth round") are read first and blanked
(`spelled_ordinals`). Number words become digits then (`spelled_numbers`), so "twelve member states" and "24 years
ago" are read by the same readers as "12 member states" and "24 years ago"; dates are read next and
blanked, so their digits are not read again as amounts; then figures in digits and in words.
Spans are mapped back to the text as it was given.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.candidates import Candidate, Salience
from kzeu_desk.core.value_parsing.date_scan import scan_dates, unanchored_phrase
from kzeu_desk.core.value_parsing.dates import Publication
from kzeu_desk.core.value_parsing.numbers import scan_numbers
from kzeu_desk.core.value_parsing.spelled_numbers import rewrite_number_words
from kzeu_desk.core.value_parsing.spelled_ordinals import scan_ordinals
from kzeu_desk.core.value_parsing.word_figures import scan_word_figures


def scan(text: str, publication: Publication | None) -> list[Candidate]:
    """Every figure and date of `text`, read under `publication`."""
    return list(_scan_remembered(text, publication))


# Ctrl+N's steps after the scan re-read the highlight's sentence up to four times, and the Candidates pane runs them
# for every bare figure of a document: remembering the last sentences read halves what those steps cost (7.0 → 3.3 s
# CPU on 1 MB when dates were read by them too; docs/VALUE_SUGGESTIONS.md). Candidates are frozen; each caller gets
# its own list.
@lru_cache(maxsize=32)
def _scan_remembered(text: str, publication: Publication | None) -> tuple[Candidate, ...]:
    return tuple(_scan(text, publication))


def _scan(text: str, publication: Publication | None) -> list[Candidate]:
    # Ordinals first, blanked in place (offsets unchanged), so "Двадцать первое" is not read as 20.
    ordinals, without_ordinals = scan_ordinals(text)
    rewritten = rewrite_number_words(without_ordinals)
    dates, masked = scan_dates(rewritten.text, publication)
    found = _hours_and_minutes_joined(
        _dated_from_the_year_before(dates + scan_numbers(masked, strict=False) + scan_word_figures(masked), masked),
        masked)
    found = _hours_and_minutes_joined(found, masked, _RUSSIAN_MINUTES, _RUSSIAN_SECONDS, 60)
    if not rewritten.replacements:
        return found + ordinals
    mapped = ordinals
    for candidate in found:
        start, end = rewritten.original_start(candidate.start), rewritten.original_end(candidate.end)
        if candidate.missing is not None:
            # The phrase is shown to the curator as the source wrote it ("three years ago").
            candidate = replace(candidate, value=unanchored_phrase(text[start:end]))
        mapped.append(replace(candidate, start=start, end=end))
    return mapped


# "three years later", "four years earlier", "пять лет спустя": a step from a year written before it.
_STEP_IN_YEARS_RE = re.compile(r"\s*(?P<way>later|afterwards|earlier|before|спустя|позже|позднее|раньше|ранее)(?![\w])",
                               re.IGNORECASE)
_YEAR_UNITS = frozenset({"year", "years", "год", "года", "лет", "decade", "decades"})
_EARLIER_WORDS = frozenset({"earlier", "before", "раньше", "ранее"})


def _dated_from_the_year_before(found: list[Candidate], text: str) -> list[Candidate]:
    """A span of years right before "later" or "earlier" dates from the last year written before it in
    the text: "The plant opened in 2012, and three years later …" is 2015; "40% more than four years
    earlier" beside "in 2020" is 2016 (the "more than" there compares the figures, not the years).
    With no year before, it stays a span (`numbers` ranks it as a relative date)."""
    years = sorted((c for c in found if c.value.kind is ValueKind.DATE and c.value.date and len(c.value.date) == 4),
                   key=lambda c: c.start)
    if not years:
        return found
    result = []
    for candidate in found:
        value = candidate.value
        step = _STEP_IN_YEARS_RE.match(text, candidate.end)
        before = [y for y in years if y.end <= candidate.start]
        if step is None or not before or value.kind is not ValueKind.QUANTITY or (value.unit or "").lower() \
                not in _YEAR_UNITS or (value.amount is None and value.lower is None) or value.approximate:
            result.append(candidate)
            continue
        span_of_years = (value.amount if value.amount is not None else value.lower) or 0.0
        if (value.unit or "").lower().startswith("decade"):
            span_of_years *= 10
        if span_of_years != int(span_of_years):
            result.append(candidate)
            continue
        sign = -1 if step.group("way").lower() in _EARLIER_WORDS else 1
        year = int(before[-1].value.date or "0") + sign * int(span_of_years)
        dated = TypedValue(kind=ValueKind.DATE, date=f"{year:04d}")
        result.append(replace(candidate, value=dated, salience=Salience.RELATIVE_DATE))
    return result


# "2 hours 50 minutes", "1 hour and 5 minutes": one duration in two units, which Ctrl+N adds up in minutes; the pane
# listed its hours and its minutes as two candidates, neither the duration (set 61's running time). English only: the
# Russian and Kazakh forms are their readers' to join.
_ENGLISH_HOURS = frozenset({"hour", "hours", "hr", "hrs"})
_ENGLISH_MINUTES = frozenset({"minute", "minutes", "min", "mins"})
_BETWEEN_HOURS_AND_MINUTES_RE = re.compile(r"(?:,?[ \u00a0]+and)?[ \u00a0]+")
# "2 минуты 40 секунд": Russian minutes and seconds of one duration, which Ctrl+N adds up in seconds; the pane listed
# them as two candidates as it did English hours and minutes (set 67's average visit).
_RUSSIAN_MINUTES = frozenset({"минута", "минуты", "минут"})
_RUSSIAN_SECONDS = frozenset({"секунда", "секунды", "секунд"})


def _hours_and_minutes_joined(found: list[Candidate], text: str, larger: frozenset[str] = _ENGLISH_HOURS,
                              smaller: frozenset[str] = _ENGLISH_MINUTES, per: int = 60) -> list[Candidate]:
    """An hours candidate right before a minutes one (or the larger unit of another pair before its smaller) becomes
    one candidate of the duration in the smaller unit, spanning both, with the larger's bound."""
    hours = {c.end: c for c in found if c.value.kind is ValueKind.QUANTITY and c.value.amount is not None
             and c.value.amount == int(c.value.amount) and (c.value.unit or "").lower() in larger
             and c.value.upper is None}
    if not hours:
        return found
    joined: dict[int, Candidate] = {}  # the hours candidate's end -> the duration
    gone: set[int] = set()
    for minutes in found:
        value = minutes.value
        if value.kind is not ValueKind.QUANTITY or (value.unit or "").lower() not in smaller \
                or value.amount is None or value.amount != int(value.amount) or value.amount >= per \
                or value.lower is not None or value.upper is not None or value.approximate:
            continue
        for end, first in hours.items():
            gap = _BETWEEN_HOURS_AND_MINUTES_RE.fullmatch(text, end, minutes.start)
            if gap is None or first.value.amount is None:
                continue
            total = first.value.amount * per + value.amount
            duration = replace(first.value, amount=total, unit=value.unit,
                               lower=total if first.value.lower is not None else None)
            joined[end] = replace(first, value=duration, end=minutes.end)
            gone.add(id(minutes))
            break
    if not joined:
        return found
    return [joined.get(c.end, c) if c.end in hours and hours[c.end] is c else c for c in found if id(c) not in gone]
