"""Dates a highlight counts from another date its text names, not from the publication: "seven days later" after "on
27 November", "the year before" after "in 2025", "тот же период прошлого года" after "за пять месяцев 2026 года",
"Былтыр осы күні" after a bulletin's "15 қыркүйектегі жағдай бойынша". Read alone, the scanner counts them from the
publication (or leaves a span of days); Ctrl+N, which has the highlight's sentence and the text before it, reads them
from the date named there, the nearest before the highlight.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.date_words import SEASON_MONTHS
from kzeu_desk.core.value_parsing.dates import Publication
from kzeu_desk.core.value_parsing.scanning import scan
from kzeu_desk.core.value_parsing.spelled_numbers import rewrite_number_words

# Days or weeks after a day named before: "seven days later", "десять дней спустя", "через 10 дней", "он күннен кейін".
_DAYS_LATER_RE = re.compile(
    r"[^\s]+\s+(?i:days?|weeks?)\s+(?i:later|afterwards|after\s+that)"
    r"|(?i:спустя|через)\s+(?:[^\s]+\s+)?(?i:дн(?:я|ей)|день|недел[юиь]|недель)"
    r"|[^\s]+\s+(?i:дн(?:я|ей)|день|недел[юиь]|недель)\s+(?i:спустя)"
    r"|[^\s]+\s+(?i:күн|апта)(?i:нан|нен|дан|ден|тан|тен)\s+(?i:кейін|соң)")
_WEEK_UNITS = ("week", "недел", "апта")
# Months after a month named before, in English: "left in August 2021 and applied for asylum five months later" is
# January 2022 (set 65), a month, as the month it counts from is (from a day, the month too: a month on from 3 May is
# no one day).
_MONTHS_LATER_RE = re.compile(r"(?P<n>[^\s]+)\s+(?i:months?)\s+(?i:later|afterwards|after\s+that)")
# The year before one named before it: "the year before", "годом ранее", "алдыңғы жылы".
_THE_YEAR_BEFORE_RE = re.compile(
    r"(?i:the\s+year\s+before|годом\s+(?:ранее|раньше)|(?:в\s+)?предыдущ(?:ем|ий)\s+год[ау]?"
    r"|алдыңғы\s+жыл(?:ы|ға|мен|дағы|дан|ғы)?)")
# The year after one named before it: "born in 1942 …, killed at the front the following year", "годом позже".
# ("next year", "в следующем году" with no "the" count from the publication.)
_THE_YEAR_AFTER_RE = re.compile(
    r"(?i:(?:in\s+)?the\s+(?:following|next)\s+year|(?:in\s+)?the\s+year\s+after|годом\s+(?:позже|позднее|спустя))")
# The same period a year before the one named before it.
_THE_SAME_PERIOD_LAST_YEAR_RE = re.compile(
    r"(?:(?:the\s+)?same\s+(?:period|months)\s+(?:of\s+|in\s+)?(?:last|the\s+previous|the\s+preceding)\s+year"
    r"|(?:the\s+)?same\s+(?:period|months)\s+a\s+year\s+(?:earlier|before)"
    r"|(?:(?:тот|того|тем|том|той)\s+же|аналогичн[а-яё]+)\s+период[а-яё]*\s+(?:прошлого|предыдущего|минувшего)\s+года"
    # (Kazakh: "өткен жылдың сәйкес кезеңімен" (the corresponding period), "былтырғы осы кезеңмен" ("last year's" names
    # the year alone).)
    r"|(?:(?:өткен|былтырғы|алдыңғы)\s+жыл(?:дың|ғы)?|былтырғы)\s+(?:осы|сол|ұқсас|сәйкес)\s+кезең[а-яәіңғүұқөһ]*)",
    re.IGNORECASE)
# "с начала года", "с начала текущего года": the year so far (Russian).
_SINCE_THE_START_OF_THE_YEAR_RE = re.compile(r"(?<![\w])с\s+начала\s+(?:(?:этого|текущего|нынешнего)\s+)?года(?![\w])",
                                             re.IGNORECASE)
# The same period of a year the text names: "что на 27% больше, чем за аналогичный период 2025 года" after "за девять
# месяцев 2026 года" is January-September 2025, the named period moved to that year (with no period named before, the
# year alone, as before).
_THE_SAME_PERIOD_OF_A_YEAR_RE = re.compile(
    r"(?:(?:тот|того|тем|том|той)\s+же|аналогичн[а-яё]+)\s+период[а-яё]*\s+(?P<year>(?:19|20)\d\d)\s+(?:года|г\.?)",
    re.IGNORECASE)
# ... and in English: "4% down on the same period of 2025" after "in the first nine months", "than in the same months of
# 2024" after "For January–August".
_ENGLISH_SAME_PERIOD_OF_A_YEAR_RE = re.compile(
    r"(?:the\s+)?same\s+(?:period|months)\s+(?:of|in)\s+(?P<year>(?:19|20)\d\d)", re.IGNORECASE)
# The same day a year before the one the text's figures are as of: "Былтыр осы күні", "this day last year".
_THIS_DAY_LAST_YEAR_RE = re.compile(
    r"(?:(?:on\s+)?this\s+(?:day|date)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))"
    r"|(?:в\s+)?(?:этот|тот)\s+(?:же\s+)?день\s+(?:прошлого\s+года|год\s+назад)"
    r"|(?:былтыр|өткен\s+жылы)\s+(?:осы|дәл\s+осы)\s+күні)", re.IGNORECASE)
# "that autumn", "that summer" after "in 2025": the season of the year named before it. ("that winter" straddles two
# years, as "winter 2025" does, and is left alone.)
_THAT_SEASON_RE = re.compile(r"(?:(?:in|during)\s+)?that\s+(?P<season>spring|summer|autumn|fall)", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<![\w\d])((?:1[89]|20)\d\d)(?![\w\d])")


def dated_from_its_text(selection: str, context: str, before: str, earlier: str,
                        publication: Publication | None) -> TypedValue | None:
    """The date `selection` names counted from a date its sentence (`context`) or the text before it names, or None
    when it is none of these phrases or nothing before it names the date it counts from."""
    # (Each phrase is a few words: a longer highlight is none of them, and most highlights are asked nothing more.)
    if len(selection) > 45 or (offset := context.find(selection)) < 0:
        return None
    if _DAYS_LATER_RE.fullmatch(selection):
        return _days_after_the_day_before(selection, context[:offset], publication)
    if (months_later := _MONTHS_LATER_RE.fullmatch(selection)) is not None:
        return _months_after_the_month_before(months_later.group("n"), context[:offset], publication)
    if _THE_YEAR_BEFORE_RE.fullmatch(selection):
        years = _YEAR_RE.findall(context[:offset])
        return TypedValue(kind=ValueKind.DATE, date=f"{int(years[-1]) - 1:04d}") if years else None
    if (season := _THAT_SEASON_RE.fullmatch(selection)) is not None:
        years = _YEAR_RE.findall(context[:offset]) or _YEAR_RE.findall(before)
        months = next((span for stem, span in SEASON_MONTHS.items() if season.group("season").lower().startswith(stem)),
                      None)
        if not years or months is None or months[0] > months[1]:
            return None
        return TypedValue(kind=ValueKind.DATE_RANGE, date=f"{years[-1]}-{months[0]:02d}",
                          date_end=f"{years[-1]}-{months[1]:02d}")
    if _THE_YEAR_AFTER_RE.fullmatch(selection):
        # (Only after a year written in its sentence: with none, "next year" counts from the publication.)
        years = _YEAR_RE.findall(context[:offset])
        return TypedValue(kind=ValueKind.DATE, date=f"{int(years[-1]) + 1:04d}") if years else None
    if _THE_SAME_PERIOD_LAST_YEAR_RE.fullmatch(selection):
        for text in (context[:offset], before):
            periods = [c for c in scan(text, publication) if c.value.kind is ValueKind.DATE_RANGE and c.value.date
                       and c.value.date_end]
            if periods:
                period = max(periods, key=lambda candidate: candidate.end).value
                return TypedValue(kind=ValueKind.DATE_RANGE, date=_a_year_back(period.date or ""),
                                  date_end=_a_year_back(period.date_end or ""))
        if publication is not None and publication.month is not None and \
                _SINCE_THE_START_OF_THE_YEAR_RE.search(context[:offset]):
            # "С начала года … выявило 31 схему, на 28% больше, чем за аналогичный период прошлого года": the year so
            # far runs to the publication's month, and the same months of the year before are compared.
            year = publication.year - 1
            return TypedValue(kind=ValueKind.DATE_RANGE, date=f"{year:04d}-01", date_end=f"{year:04d}-{publication.month:02d}")
        return None
    if (same_period := _THE_SAME_PERIOD_OF_A_YEAR_RE.fullmatch(selection)
            or _ENGLISH_SAME_PERIOD_OF_A_YEAR_RE.fullmatch(selection)) is not None:
        for text in (context[:offset], before, earlier):
            periods = [c for c in scan(text, publication) if c.value.kind is ValueKind.DATE_RANGE and c.value.date
                       and c.value.date_end]
            if periods:
                period = max(periods, key=lambda candidate: candidate.end).value
                shift = int(same_period.group("year")) - int((period.date or "")[:4])
                return TypedValue(kind=ValueKind.DATE_RANGE, date=_years_back(period.date or "", -shift),
                                  date_end=_years_back(period.date_end or "", -shift))
        return None
    if _THIS_DAY_LAST_YEAR_RE.fullmatch(selection):
        for text in (context[:offset], before, earlier):
            days = [c for c in scan(text, publication) if c.value.kind is ValueKind.DATE and len(c.value.date or "") == 10]
            if days:
                day = max(days, key=lambda candidate: candidate.end).value
                return TypedValue(kind=ValueKind.DATE, date=_a_year_back(day.date or ""))
        if publication is not None and publication.month is not None and publication.day is not None:
            return TypedValue(kind=ValueKind.DATE,
                              date=_a_year_back(f"{publication.year:04d}-{publication.month:02d}-{publication.day:02d}"))
    return None


def _days_after_the_day_before(selection: str, text_before: str, publication: Publication | None) -> TypedValue | None:
    days = [c for c in scan(text_before, publication) if c.value.kind is ValueKind.DATE and len(c.value.date or "") == 10]
    if not days:
        return None
    # (The number as digits: "seven", "десять", "он" are words; "через неделю" is one.)
    number = re.search(r"\d+", rewrite_number_words(selection).text)
    count = int(number.group()) if number is not None else 1
    weeks = any(unit in selection.lower() for unit in _WEEK_UNITS)
    last = date.fromisoformat(max(days, key=lambda candidate: candidate.end).value.date or "")
    return TypedValue(kind=ValueKind.DATE, date=(last + timedelta(days=count * (7 if weeks else 1))).isoformat())


def _months_after_the_month_before(number: str, text_before: str, publication: Publication | None) -> TypedValue | None:
    months = [c for c in scan(text_before, publication) if c.value.kind is ValueKind.DATE and len(c.value.date or "") >= 7]
    digits = re.fullmatch(r"\d{1,2}", rewrite_number_words(number).text.strip())
    if not months or digits is None:
        return None
    last = max(months, key=lambda candidate: candidate.end).value.date or ""
    total = int(last[:4]) * 12 + int(last[5:7]) - 1 + int(digits.group())
    return TypedValue(kind=ValueKind.DATE, date=f"{total // 12:04d}-{total % 12 + 1:02d}")


def _a_year_back(iso: str) -> str:
    """An ISO date (of any precision) a year earlier; 29 February becomes the 28th."""
    return _years_back(iso, 1)


def _years_back(iso: str, years: int) -> str:
    """An ISO date (of any precision) so many years earlier; 29 February becomes the 28th."""
    year = int(iso[:4]) - years
    rest = iso[4:]
    if rest == "-02-29":
        rest = "-02-28"
    return f"{year:04d}{rest}"
