"""Dates counted from the source's publication date: "last year", "24 years ago", "last month",
"yesterday", "in October last year", "в позапрошлом году", "три года назад", "былтыр наурызда",
"бес жыл бұрын", "өткен айда".

Without the publication date (or its month, or its day, as the phrase needs) nothing is guessed:
the reading says what is missing, and the suggestion shows the phrase with a note asking for it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, NOT_CYRILLIC_AFTER
from kzeu_desk.core.value_parsing.date_words import (
    AGO_UNITS,
    ENGLISH_MONTH_FULL,
    ENGLISH_WEEKDAY,
    ENGLISH_RELATIVE_YEAR,
    KAZAKH_RELATIVE_YEAR_BEFORE_NOUN,
    KAZAKH_RELATIVE_YEAR_WORD,
    KAZAKH_WEEKDAY,
    RELATIVE_DAY_OFFSETS,
    RELATIVE_YEAR_OFFSETS,
    RUSSIAN_WEEKDAY,
    RUSSIAN_WEEKDAY_GENITIVE,
    RUSSIAN_RELATIVE_YEAR_GENITIVE,
    RUSSIAN_RELATIVE_YEAR_LOCATIVE,
    WEEKDAY_NEXT_WORDS,
    WEEKDAY_PAST_WORDS,
    RUSSIAN_WEEKDAY_NEXT_GENITIVE,
    RUSSIAN_WEEKDAY_PAST_GENITIVE,
    WEEKDAYS,
)
from kzeu_desk.core.value_parsing.dates import (
    CYRILLIC_MONTH,
    ENGLISH_MONTH,
    DatePattern,
    DateReader,
    DateReading,
    Publication,
    date_reading,
    day_possible,
    iso_date,
    month_number,
    needs,
    range_reading,
    shift_month,
    since_a_state,
)

_KAZAKH_MONTH_NAMES = r"қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйе[кг]|қазан|қараша|желтоқсан"


def _offset(word: str) -> int:
    return RELATIVE_YEAR_OFFSETS[word.lower().split()[-1] if word.lower().startswith("the ") else word.lower().split()[0]]


def _read_relative_year(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    groups = match.groupdict()
    offset = -2 if groups.get("before_last") else _offset(groups["rel"])
    if publication is None:
        return needs("date")
    return date_reading(iso_date(publication.year + offset), relative=True)


def _read_relative_month(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    offset = _offset(match.group("rel"))
    if publication is None:
        return needs("date")
    if publication.month is None:
        return needs("month")
    year_value, month_value = shift_month(publication.year, publication.month, offset)
    day_text = match.groupdict().get("day")
    if day_text is not None:
        # "осы айдың 14-інде", "on the 14th of this month": the day of that month.
        if not day_possible(month_value, int(day_text)):
            return None
        return date_reading(iso_date(year_value, month_value, int(day_text)), relative=True)
    return date_reading(iso_date(year_value, month_value), relative=True)


_DAY_ADJECTIVE_OFFSETS = {"позавчерашн": -2, "вчерашн": -1, "завтрашн": 1, "послезавтрашн": 2, "кешегі": -1,
                          "ертеңгі": 1}
# A Kazakh day word takes the ablative as a noun does: "ертеңнен бастап" (from tomorrow on), "бүгіннен" (from today),
# "кешеден бері" (since yesterday); the day is the one the bare word names (issue #17, set 76).
_KAZAKH_DAY_ABLATIVE_OFFSETS = {"бүгіннен": 0, "ертеңнен": 1, "кешеден": -1, "бүрсігүннен": 2}


def _read_relative_day(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    if match.groupdict().get("adjective"):
        word = match.group("adjective").lower()
        offset = next(value for stem, value in _DAY_ADJECTIVE_OFFSETS.items() if word.startswith(stem))
    elif match.groupdict().get("ablative"):
        offset = _KAZAKH_DAY_ABLATIVE_OFFSETS[match.group("ablative").lower()]
    else:
        offset = RELATIVE_DAY_OFFSETS[match.group("word").lower()]
    if publication is None:
        return needs("date")
    if publication.month is None or publication.day is None:
        return needs("day")
    from datetime import date, timedelta

    day = date(publication.year, publication.month, publication.day) + timedelta(days=offset)
    return date_reading(day.isoformat(), relative=True)


def _read_weekday(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"on Friday", "last Thursday", "в прошлую пятницу", "өткен жұмада": the day of that name in the
    publication's week, before it when the sentence reports or says nothing (news name the days of the
    week just gone: "talks resumed on Friday"), after it when it announces or says "next"."""
    if publication is None:
        return needs("date")
    if publication.month is None or publication.day is None:
        return needs("day")
    published = date(publication.year, publication.month, publication.day)
    weekday = WEEKDAYS[match.group("day").lower()]
    if match.groupdict().get("this"):
        return date_reading((published + timedelta(days=weekday - published.weekday())).isoformat(), relative=True)
    modifier = (match.groupdict().get("rel") or "").lower()
    ahead = re.fullmatch(f"{WEEKDAY_NEXT_WORDS}|{RUSSIAN_WEEKDAY_NEXT_GENITIVE}", modifier) is not None if modifier else (
        publication.tense_in(match.string) == "future")
    if match.groupdict().get("since") and not modifier:
        # "С воскресенья аэропорт переходит …": a change from (or until) a day of the week lies ahead unless the
        # sentence reports it ("с понедельника цены выросли") or says a state holds since then ("действует").
        ahead = publication.tense_in(match.string) != "past" and not since_a_state(match.string, match.start("day"))
    if ahead:
        days = (weekday - published.weekday()) % 7 or (7 if modifier else 0)
        return date_reading((published + timedelta(days=days)).isoformat(), relative=True)
    days = (published.weekday() - weekday) % 7 or (7 if modifier else 0)
    return date_reading((published - timedelta(days=days)).isoformat(), relative=True)


def _read_ago(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"24 years ago", "три года назад", "бес жыл бұрын": years back at year precision, months at month."""
    count_text = match.groupdict().get("n")
    # "полтора года назад", "бір жарым жыл бұрын": a year and a half is eighteen months;
    # "half a decade ago" five years.
    count = float(count_text.replace(",", ".")) if count_text else 0.5 if match.groupdict().get("half") else 1.0
    unit = match.group("unit").lower()
    if unit.startswith(("week", "недел", "апта")):
        # "three weeks ago": a day, counted back from the publication day.
        if publication is None:
            return needs("date")
        if publication.month is None or publication.day is None:
            return needs("day")
        day = date(publication.year, publication.month, publication.day) - timedelta(weeks=count)
        return date_reading(day.isoformat(), relative=True)
    if AGO_UNITS[unit] * count != int(AGO_UNITS[unit] * count):
        return None  # "полтора месяца назад" is no whole month
    months = int(AGO_UNITS[unit] * count)
    if publication is None:
        return needs("date")
    if months % 12 == 0:
        # "three decades ago" is a round figure: about 1993, not exactly.
        approximate = AGO_UNITS[match.group("unit").lower()] >= 120
        return date_reading(iso_date(publication.year - months // 12), relative=True, approximate=approximate)
    if publication.month is None:
        return needs("month")
    return date_reading(iso_date(*shift_month(publication.year, publication.month, -months)), relative=True)


def _read_from_now(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"five years from now", "a decade from now": years ahead of publication, as "ago" counts back."""
    count_text = match.groupdict().get("n")
    months = int(count_text or 1) * AGO_UNITS[match.group("unit").lower()]
    if months % 12 != 0:
        return None  # ("six months from now" needs the month: left to the span)
    if publication is None:
        return needs("date")
    # ("a decade from now" is a round figure, as "a decade ago" is: about 2036.)
    return date_reading(iso_date(publication.year + months // 12), relative=True,
                        approximate=AGO_UNITS[match.group("unit").lower()] >= 120)


def _read_a_year_earlier(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"… than in the same months a year earlier": with no year written before it in its sentence, the year before
    publication, as "a year ago" is ("a year earlier" after "in 2012" is 2011, read as a step from that year)."""
    if re.search(r"(?<![\w])(?:1[89]|20)\d\d(?![\w])", match.string[:match.start()]) is not None:
        return None
    if publication is None:
        return needs("date")
    return date_reading(iso_date(publication.year - 1), relative=True)


def _read_the_year_before(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"годом ранее": the year before the last year written before it in its sentence ("за девять месяцев 2026 года
    … годом ранее" is 2025), else the year before publication. (The English "a year earlier" after a year is read as
    a step from it by the scanner, which has no such step for the instrumental "годом".)"""
    if (years := re.findall(r"(?<![\w\d])((?:1[89]|20)\d\d)(?![\w\d])", match.string[:match.start()])):
        return date_reading(iso_date(int(years[-1]) - 1), relative=True)
    if publication is None:
        return needs("date")
    return date_reading(iso_date(publication.year - 1), relative=True)


def _read_month_of_relative_year(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"in October last year", "в марте прошлого года", "былтыр наурызда", "өткен жылдың қазан айында"."""
    month_value = month_number(match.group("month"))
    if month_value is None:
        return None
    day_text = match.groupdict().get("day")
    day_value = int(day_text) if day_text else None
    if day_value is not None and not day_possible(month_value, day_value):
        return None
    offset = _offset(match.group("rel"))
    if publication is None:
        return needs("date")
    return date_reading(iso_date(publication.year + offset, month_value, day_value), relative=True)


def _read_nearest_month(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"last October" (the October of the year before publication), "this October", "next October".

    "last March" in a May article is the March of the year before: a March of the same year is
    written "in March" or "this March" (the fifteenth set's "at the Samarkand summit last April", in
    May, was the April a year before)."""
    month_value = month_number(match.group("month"))
    if month_value is None:
        return None
    offset = _offset(match.group("rel"))
    if publication is None:
        return needs("date")
    if publication.month is None:
        return needs("month")
    if offset < 0:
        year_value = publication.year + offset
    elif offset > 0:
        year_value = publication.year if month_value > publication.month else publication.year + 1
    else:
        year_value = publication.year
    return date_reading(iso_date(year_value, month_value), relative=True)


def _compile(regexes: tuple[str, ...], read: DateReader) -> tuple[DatePattern, ...]:
    return tuple(DatePattern(re.compile(regex), read) for regex in regexes)


_MONTHS_OF_RELATIVE_YEAR = (
    # With the day: "on 18 May last year", "May 18 last year", "18 мая прошлого года", "өткен жылы 18 мамырда".
    rf"(?<![\w\d])(?P<day>[0-3]?\d)\s+(?:of\s+)?(?P<month>{ENGLISH_MONTH})\s+(?:of\s+)?"
    rf"(?P<rel>(?i:(?:the\s+)?(?:{ENGLISH_RELATIVE_YEAR})))\s+(?i:year)(?![\w])",
    rf"(?<![\w])(?P<month>{ENGLISH_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?:of\s+)?"
    rf"(?P<rel>(?i:(?:the\s+)?(?:{ENGLISH_RELATIVE_YEAR})))\s+(?i:year)(?![\w])",
    rf"(?<![\w\d])(?P<day>[0-3]?\d)\s+(?P<month>{CYRILLIC_MONTH})\s+(?P<rel>(?i:{RUSSIAN_RELATIVE_YEAR_GENITIVE}))\s+"
    rf"(?i:года){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<rel>(?i:былтырғы|былтыр|биылғы|биыл|өткен жылғы|өткен жылы|өткен жылдың|осы жылғы|осы жылы|"
    rf"келесі жылы|келесі жылдың|келер жылы))\s+(?P<day>[0-3]?\d)\s+(?P<month>(?i:{_KAZAKH_MONTH_NAMES})[{CYRILLIC_LETTER}]*)",
    rf"(?<![\w])(?P<month>{ENGLISH_MONTH}|{CYRILLIC_MONTH})\s+(?:of\s+)?(?P<rel>(?i:(?:the\s+)?(?:{ENGLISH_RELATIVE_YEAR})))"
    rf"\s+(?i:year)(?![\w])",
    rf"(?<![\w])(?P<month>{CYRILLIC_MONTH})\s+(?P<rel>(?i:{RUSSIAN_RELATIVE_YEAR_GENITIVE}))\s+(?i:года){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<rel>(?i:былтырғы|былтыр|биылғы|биыл|өткен жылғы|өткен жылдың|өткен жылы|осы жылғы|осы жылдың|"
    rf"келесі жылдың|келесі жылғы|келесі жылы|келер жылдың|келер жылғы|келер жылы|ағымдағы жылдың|ағымдағы жылғы))\s+(?P<month>(?i:{_KAZAKH_MONTH_NAMES})[{CYRILLIC_LETTER}]*)"
    rf"(?:\s+(?i:айы[{CYRILLIC_LETTER}]*))?",
)
_NEAREST_MONTHS = (
    rf"(?<![\w])(?P<rel>(?i:last|this|next))\s+(?P<month>{ENGLISH_MONTH_FULL})(?![\w])",
    # "в прошлом августе", "в позапрошлом марте", "в следующем мае": as "last August" is, the month of the year
    # before (two before) publication, since the month of the same year is "в этом августе" or "в августе" (a
    # "прошлом августе" in an August article had read as that very month).
    rf"(?<![\w])(?:(?i:в)\s+)?(?P<rel>(?i:прошлом|минувшем|позапрошлом|этом|следующем|будущем))\s+"
    rf"(?P<month>{CYRILLIC_MONTH})",
)
_NO_BOUND_BEFORE = r"(?<!(?i:кемінде) )(?<!(?i:кем дегенде) )(?<!(?i:ең кемі) )"
_KAZAKH_AGO_ADJECTIVE = r"(?:(?i:ғы)(?i:дан|ға|дай|ның|да|мен|ны)?)?"
_AGO = (
    # (Not the decimals of a figure: "против 5,4 год назад" is 5.4 a year ago, not four years ago.)
    r"(?<![\w])(?<!\d[.,])(?P<n>\d{1,3})\s+(?P<unit>(?i:years?|months?|decades?|centur(?:y|ies)|weeks?))\s+(?i:ago)(?![\w])",
    r"(?<![\w])(?P<half>(?i:half))\s+(?i:a)\s+(?P<unit>(?i:decade))\s+(?i:ago)(?![\w])",
    r"(?<![\w])(?i:a|one)\s+(?P<unit>(?i:year|month|decade|century|week))\s+(?i:ago)(?![\w])",
    rf"(?<![\w])(?<!\d[.,])(?P<n>\d{{1,3}}(?:,5)?)\s+(?P<unit>(?i:лет|года?|месяц(?:а|ев)?|десятилети[йея]|век(?:а|ов)?|столети[йея]|недел[иья]|недель)){NOT_CYRILLIC_AFTER}\s+"
    rf"(?i:тому\s+)?(?i:назад){NOT_CYRILLIC_AFTER}",
    # ("неделю назад": a week back, a day counted from the publication day.)
    rf"(?<![\w\d]\s)(?<![\d])(?P<unit>(?i:год|месяц|век|столетие|неделю))\s+(?i:назад){NOT_CYRILLIC_AFTER}",
    # Not after "дейін": "аяқталғанға дейін алты ай бұрын" is six months before an event, not ago, with a bound word
    # between too ("дейін кемінде алты ай бұрын", at least six months before it).
    # "үш жыл бұрынғыдан көп" (more than three years before): the "-ғы" adjective, with its case endings, is the same date.
    # Nor after a bound with no "дейін": "сапардан кемінде бір ай бұрын" (at least a month before the trip) is a lead
    # time, a quantity bounded below, as every set labels it; "at least" bounds no "ago" (sets 43, 51, 64).
    rf"(?<![\w])(?<!\d[.,])(?<!(?i:дейін) ){_NO_BOUND_BEFORE}(?:(?i:бұдан)\s+)?(?P<n>\d{{1,3}}(?:\.5)?)\s+(?P<unit>(?i:жыл|ай|апта|ғасыр))\s+(?i:бұрын)"
    rf"{_KAZAKH_AGO_ADJECTIVE}{NOT_CYRILLIC_AFTER}",
    rf"(?<![\w]){_NO_BOUND_BEFORE}(?:(?i:бұдан)\s+)?(?:(?i:бір)\s+|(?:1\s+)(?=(?i:ғасыр)))(?P<unit>(?i:жыл|ай|ғасыр))\s+(?i:бұрын)"
    rf"{_KAZAKH_AGO_ADJECTIVE}{NOT_CYRILLIC_AFTER}",
)
_FROM_NOW = (
    r"(?<![\w])(?:(?P<n>\d{1,2})|(?i:a|one))\s+(?P<unit>(?i:years?|decades?))\s+(?i:from\s+now|hence)(?![\w])",
)
# "Келесі тексеру екі жылдан кейін өтеді", "Следующая проверка пройдет через два года": years after publication
# when nothing else is counted from (`_read_years_after`).
_YEARS_AFTER = (
    rf"(?<![\w])(?P<n>\d{{1,2}})\s+(?P<unit>(?i:жыл))(?i:дан)\s+(?i:кейін|соң){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?i:через)\s+(?P<n>\d{{1,2}})\s+(?P<unit>(?i:года?|лет)){NOT_CYRILLIC_AFTER}"
    rf"(?!\s+(?i:с|со|после|от)\s)",
    # "через год" with no figure: one year, as "через месяц" is one month.
    rf"(?<![\w])(?i:через)\s+(?P<unit>(?i:год)){NOT_CYRILLIC_AFTER}(?!\s+(?i:с|со|после|от|до)\s)",
)
# A word in the ablative or "после" right before: "бітіргеннен екі жылдан кейін" counts from the event it names.
_FROM_AN_EVENT_BEFORE_RE = re.compile(rf"(?:[{CYRILLIC_LETTER}](?:нан|нен|дан|ден|тан|тен)|(?i:после\s+[{CYRILLIC_LETTER}]+))\s+$")


def _read_years_after(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"екі жылдан кейін өтеді" (will be held in two years), "пройдет через два года": the year that many years
    after publication. Only where nothing else is counted from: after a year written before it in the text ("1995
    жылы қол қойылып, төрт жылдан кейін күшіне енді") or an event ("бітіргеннен екі жылдан кейін") it is the span, as
    the earlier sets record it, and in a sentence that reports (past tense) the years are counted from its story."""
    before = match.string[:match.start()]
    if re.search(r"(?<![\w\d])(?:1[89]|20)\d\d(?![\w\d])", before) is not None or \
            _FROM_AN_EVENT_BEFORE_RE.search(before[-40:]) is not None:
        return None
    if publication is None:
        return needs("date")
    if publication.tense_in(match.string) == "past":
        return None
    return date_reading(iso_date(publication.year + int(match.groupdict().get("n") or 1)), relative=True)
# "Следующий эфир – через неделю", "бір аптадан кейін өтеді", "two weeks from today": days or weeks after publication,
# under the same conditions as years after it (nothing else counted from, no report); "не позднее чем через 30 дней с
# даты" is a time limit, read as a ceiling elsewhere.
_DAYS_AFTER = (
    rf"(?<![\w])(?<!чем\s)(?i:через)\s+(?:(?P<n>\d{{1,2}})\s+)?(?P<unit>(?i:неделю|недели|недель|день|дня|дней))"
    rf"{NOT_CYRILLIC_AFTER}(?!\s+(?i:с|со|после|от|до)\s)",
    rf"(?<![\w])(?P<n>\d{{1,2}})\s+(?P<unit>(?i:апта|күн))(?i:дан|нен|тан|тен)\s+(?i:кейін|соң){NOT_CYRILLIC_AFTER}",
    r"(?<![\w])(?:(?P<n>\d{1,2})|(?i:a|one))\s+(?P<unit>(?i:weeks?|days?))\s+(?i:from\s+(?:now|today))(?![\w])",
)
_DAYS_IN = {"недел": 7, "апта": 7, "week": 7}
_COUNTED_FROM_BEFORE_RE = re.compile(r"(?<![\w])(?i:бастап|с\s+(?:даты|момента|дня)|со\s+дня|from\s+the)(?![\w])")


def _read_days_after(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    before = match.string[:match.start()]
    if _FROM_AN_EVENT_BEFORE_RE.search(before[-40:]) is not None or _COUNTED_FROM_BEFORE_RE.search(before[-80:]):
        # ("хабарлама алынған күннен бастап 30 күннен кейін күшіне енеді": thirty days from the notice, a span.)
        return None
    if publication is None:
        return needs("date")
    if publication.month is None or publication.day is None:
        return needs("day")
    if publication.tense_in(match.string) == "past":
        return None
    unit = match.group("unit").lower()
    days = int(match.group("n") or 1) * next((size for stem, size in _DAYS_IN.items() if unit.startswith(stem)), 1)
    day = date(publication.year, publication.month, publication.day) + timedelta(days=days)
    return date_reading(day.isoformat(), relative=True)


# "Комитет мәселені екі айдан кейін қайта қарайды", "вернется к вопросу через два месяца", "two months from now": the
# month that many months after publication, under the same conditions as years and days after it.
_MONTHS_AFTER = (
    rf"(?<![\w])(?P<n>\d{{1,2}})\s+(?P<unit>(?i:ай))(?i:дан)\s+(?i:кейін|соң){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?<!чем\s)(?i:через)\s+(?P<n>\d{{1,2}})\s+(?P<unit>(?i:месяца|месяцев)){NOT_CYRILLIC_AFTER}"
    rf"(?!\s+(?i:с|со|после|от|до)\s)",
    # "Следующая проверка – через месяц": a month with no figure is one month, as "через неделю" is one week (set 64's
    # car logbook, "замена ремня через месяц").
    rf"(?<![\w])(?<!чем\s)(?i:через)\s+(?P<unit>(?i:месяц)){NOT_CYRILLIC_AFTER}(?!\s+(?i:с|со|после|от|до)\s)",
    # "через полгода" (in half a year) is six months after publication, as "через шесть месяцев" is.
    rf"(?<![\w])(?<!чем\s)(?i:через)\s+(?P<half>(?i:полгода)){NOT_CYRILLIC_AFTER}(?!\s+(?i:с|со|после|от|до)\s)",
    r"(?<![\w])(?P<n>\d{1,2})\s+(?P<unit>(?i:months))\s+(?i:from\s+(?:now|today))(?![\w])",
)


def _read_months_after(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    before = match.string[:match.start()]
    if _FROM_AN_EVENT_BEFORE_RE.search(before[-40:]) is not None or _COUNTED_FROM_BEFORE_RE.search(before[-80:]) or \
            re.search(r"(?<![\w\d])(?:1[89]|20)\d\d(?![\w\d])", before) is not None:
        return None
    if publication is None:
        return needs("date")
    if publication.month is None:
        return needs("month")
    if publication.tense_in(match.string) == "past":
        return None
    months = 6 if match.groupdict().get("half") else int(match.groupdict().get("n") or 1)
    year, month = shift_month(publication.year, publication.month, months)
    return date_reading(iso_date(year, month), relative=True)


# "Kazakhstan awarded him the order a year later" after "published in 2017": 2018, a step from the year written
# before it, as "three years later" is; with none before it in the text it says nothing (no date is guessed).
_A_YEAR_LATER = (r"(?<![\w])(?i:a|one)\s+(?i:year)\s+(?i:later|afterwards)(?![\w])",)


def _read_a_year_later(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    if (years := re.findall(r"(?<![\w\d])((?:1[89]|20)\d\d)(?![\w\d])", match.string[:match.start()])):
        return date_reading(iso_date(int(years[-1]) + 1), relative=True)
    return None


_A_YEAR_EARLIER = (r"(?<![\w])(?i:a|one)\s+(?i:year)\s+(?i:earlier|before)(?![\w])(?!\s+(?:that|the|it|then))",)
# "что на 6% больше, чем годом ранее": the Russian "a year earlier", from the year its sentence wrote before it.
_A_YEAR_EARLIER_RU = (rf"(?<![\w])(?i:годом)\s+(?i:ранее|раньше){NOT_CYRILLIC_AFTER}",)
_RELATIVE_YEARS = (
    r"(?<![\w])(?P<before_last>(?i:the\s+year\s+before\s+last))(?![\w])",
    rf"(?<![\w])(?P<rel>(?i:(?:the\s+)?(?:{ENGLISH_RELATIVE_YEAR})))\s+(?i:year)(?![\w])",
    rf"(?<![\w])(?:(?i:в|во)\s+)?(?P<rel>(?i:{RUSSIAN_RELATIVE_YEAR_LOCATIVE}))\s+(?i:году){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<rel>(?i:{RUSSIAN_RELATIVE_YEAR_GENITIVE}))\s+(?i:года){NOT_CYRILLIC_AFTER}",
    # "за весь прошлый год", "на следующий год": the year in the nominative or accusative.
    rf"(?<![\w])(?P<rel>(?i:прошлый|минувший|позапрошлый|этот|текущий|нынешний|следующий|будущий))\s+(?i:год)"
    rf"{NOT_CYRILLIC_AFTER}",
    # "былтырғыдан көп" (more than last year's): the "-ғы" adjective takes case endings of its own.
    rf"(?<![\w])(?P<rel>(?i:{KAZAKH_RELATIVE_YEAR_WORD}))(?:(?<=ғы)(?i:дан|ға|дай|ның|да|мен))?{NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<rel>(?i:{KAZAKH_RELATIVE_YEAR_BEFORE_NOUN}))\s+(?i:жыл[{CYRILLIC_LETTER}]*)",
)
# "by the end of the year", "до конца года", "жыл соңына дейін": "the year" with no other word is the
# publication's (after the patterns above, so "the end of next year" and "келесі жылдың соңына дейін"
# are read by them first, and a written year, "до конца 2025 года", by the single dates).
_END_OF_THE_YEAR = (
    r"(?<![\w])(?:(?i:by|before|until|till|at|toward|towards)\s+)?(?i:the\s+end\s+of\s+the\s+year)(?![\w])",
    # "since the start of the year", "с начала года": the publication's year, as its end is.
    r"(?<![\w])(?:(?i:since|from|at)\s+)?(?i:the\s+(?:start|beginning)\s+of\s+the\s+year)(?![\w])",
    rf"(?<![\w])(?:(?i:с|в)\s+)?(?i:начала|начале)\s+(?i:года){NOT_CYRILLIC_AFTER}",
    r"(?<![\w])(?:(?i:by|before|until|till|at)\s+)?(?:(?i:the)\s+)?(?i:year[-\s]end)(?![\w-])(?!\s+\d)",
    rf"(?<![\w])(?:(?i:до|к|в|на)\s+)?(?i:конц[ау]|конце|конец)\s+(?i:года){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?<![\d] )(?i:жыл(?:дың)?\s+соң(?:ына|ында|ындағы|ы))(?:\s+(?i:дейін))?{NOT_CYRILLIC_AFTER}",
    # "жыл басындағы 2,8%-дан", "жылдың басынан бері": the start of the year is the publication's year, as
    # "since the start of the year" and "с начала года" are.
    # ("жыл басымен салыстырғанда", compared with the start of the year: the instrumental, as "-мен" takes.)
    rf"(?<![\w])(?<![\d] )(?i:жыл(?:дың)?\s+бас(?:ында|ындағы|ынан|ымен|ы))(?:\s+(?i:бері))?{NOT_CYRILLIC_AFTER}",
)


def _read_this_year(_match: re.Match[str], publication: Publication | None) -> DateReading | None:
    if publication is None:
        return needs("date")
    return date_reading(iso_date(publication.year), relative=True)


_RELATIVE_MONTHS = (
    # A day of the month named from publication: "осы айдың 14-інде", "келесі айдың 3-і күні", "on the 14th of this
    # month", "14-го числа этого месяца" (before the month alone, which would leave the day out).
    rf"(?<![\w])(?P<rel>(?i:өткен|осы|келесі|келер|ағымдағы))\s+(?i:айдың)\s+(?P<day>[0-3]?\d)-[{CYRILLIC_LETTER}]+"
    rf"(?:\s+(?i:күні))?{NOT_CYRILLIC_AFTER}",
    r"(?<![\w])(?:(?i:on)\s+)?(?i:the)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+(?i:of)\s+"
    r"(?P<rel>(?i:(?:the\s+)?(?:last|previous|this|next|past)))\s+(?i:month)(?![\w])",
    rf"(?<![\w])(?P<day>[0-3]?\d)(?:-?(?i:го))?\s+(?i:числа)\s+(?P<rel>(?i:прошлого|минувшего|этого|текущего|"
    rf"нынешнего|следующего|будущего))\s+(?i:месяца){NOT_CYRILLIC_AFTER}",
    r"(?<![\w])(?P<rel>(?i:(?:the\s+)?(?:last|previous|this|next|past)))\s+(?i:month)(?![\w])",
    rf"(?<![\w])(?:(?i:в)\s+)?(?P<rel>(?i:прошлом|минувшем|этом|текущем|нынешнем|следующем|будущем))\s+(?i:месяце)"
    rf"{NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<rel>(?i:прошлого|минувшего|этого|текущего|нынешнего|следующего|будущего))\s+(?i:месяца)"
    rf"{NOT_CYRILLIC_AFTER}",
    # ("өткен айдағы санында", in last month's issue: the "-ғы" adjective of the locative, as "last month's" is.)
    # ("келесі айдан бастап", from next month on: the ablative names the month a change starts in.)
    # ("Келер айда", next month: "келер" is "келесі" as the year's "келер жылы" is, in speech and features.)
    rf"(?<![\w])(?P<rel>(?i:өткен|осы|келесі|келер|ағымдағы))\s+(?i:ай(?:дағы|да|ындағы|ында|дың|ы|ға|ына|мен|дан|ынан))"
    rf"{NOT_CYRILLIC_AFTER}",
    # "на следующий месяц", "в следующий месяц": the month as a target
    rf"(?<![\w])(?:(?i:на|в)\s+)?(?P<rel>(?i:прошлый|этот|текущий|следующий|будущий))\s+(?i:месяц){NOT_CYRILLIC_AFTER}",
)
# "at the start of the month", "в начале месяца", "ай басында": "the month" with no other word is the publication's, as
# "the year" is (`_END_OF_THE_YEAR`).
_THE_MONTH = (
    # (No preposition before them in the pattern: a pattern that may open on one is tried at every letter of every
    # text scanned, and "at", "в" add nothing to the month.)
    r"(?<![\w])(?i:the\s+(?:start|beginning|end|middle)\s+of\s+the\s+month)(?![\w])",
    rf"(?<![\w])(?i:начал[ае]|конц[ауе]|конец|середин[еуы])\s+(?i:месяца){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?<![\d] )(?i:ай(?:дың)?\s+(?:бас|соң|орта)(?:ында|ындағы|ынан|ына|ы))(?:\s+(?i:дейін|бері))?"
    rf"{NOT_CYRILLIC_AFTER}",
)


def _read_this_month(_match: re.Match[str], publication: Publication | None) -> DateReading | None:
    if publication is None:
        return needs("date")
    if publication.month is None:
        return needs("month")
    return date_reading(iso_date(publication.year, publication.month), relative=True)


_RELATIVE_DAYS = (
    rf"(?<![\w])(?P<word>(?i:{'|'.join(RELATIVE_DAY_OFFSETS)}))(?![\w'’])",
    # The day as an adjective: "на вчерашних слушаниях", "кешегі тыңдауда" (at yesterday's hearing).
    rf"(?<![\w])(?P<adjective>(?i:позавчерашн|вчерашн|завтрашн|послезавтрашн)[а-яё]*|(?i:кешегі|ертеңгі))"
    rf"{NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<ablative>(?i:{'|'.join(_KAZAKH_DAY_ABLATIVE_OFFSETS)})){NOT_CYRILLIC_AFTER}",
)

# "на следующей неделе", "next week", "на прошлой неделе", "this week": the week (Monday to Sunday) before, of or after
# the publication's, and Kazakh "келесі аптада", "өткен аптада", "осы аптада" the same (issue #17, set 66).
_RELATIVE_WEEKS = (
    rf"(?<![\w])(?i:на)\s+(?P<rel>(?i:следующей|будущей|прошлой|прошедшей|предыдущей|этой|текущей|нынешней))\s+"
    rf"(?i:неделе){NOT_CYRILLIC_AFTER}",
    r"(?<![\w])(?P<rel>(?i:next|last|this|the\s+past|the\s+previous|the\s+coming))\s+(?i:week)(?![\w'’-])",
    # In the locative, the genitive or bare ("келесі апта ішінде"); not the ablative, which starts a change ("келесі
    # аптадан бастап", from next week on) or counts from it.
    rf"(?<![\w])(?P<rel>(?i:келесі|келер|алдағы|өткен|осы|ағымдағы))\s+"
    # ("өткен аптадағы мәзірде", in last week's menu: the "-ғы" adjective of the locative, as "өткен айдағы" is.)
    rf"(?i:аптадағы|аптасындағы|аптада|аптасында|аптаның|аптасының|апта){NOT_CYRILLIC_AFTER}",
)
_WEEK_OFFSETS = {"следующ": 1, "будущ": 1, "next": 1, "the coming": 1, "прошл": -1, "прошедш": -1, "предыдущ": -1,
                 "last": -1, "the past": -1, "the previous": -1, "эт": 0, "текущ": 0, "нынешн": 0, "this": 0,
                 "келесі": 1, "келер": 1, "алдағы": 1, "өткен": -1, "осы": 0, "ағымдағы": 0}


def _read_relative_week(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    word = " ".join(match.group("rel").lower().split())
    offset = next(value for stem, value in _WEEK_OFFSETS.items() if word.startswith(stem))
    if publication is None:
        return needs("date")
    if publication.month is None or publication.day is None:
        return needs("day")
    published = date(publication.year, publication.month, publication.day)
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
    return range_reading(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), relative=True)


# "в минувшие выходные", "в прошлые выходные": the last Saturday and Sunday before the publication day; "в эти
# выходные" those of the publication's week (Monday to Sunday), as "на этой неделе" is that week (sets 60 and 61).
# A bare "в выходные", "на выходные" is dated by its sentence's tense, as a bare weekday is: the coming weekend when it
# announces ("В выходные похолодает"), the one gone when it reports ("В выходные прошли соревнования"); with neither
# (a timetable's "в выходные работаем до шести", "выходные дни") it names no weekend in particular and is not read.
_RUSSIAN_WEEKENDS = (
    rf"(?<![\w])(?P<rel>(?i:минувшие|прошлые|прошедшие|эти))\s+(?i:выходные){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?i:в|на)\s+(?P<bare>(?i:выходные)){NOT_CYRILLIC_AFTER}(?!\s+(?i:дни|дней))",
)


def _read_russian_weekend(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    if publication is None:
        return needs("date")
    if publication.month is None or publication.day is None:
        return needs("day")
    published = date(publication.year, publication.month, publication.day)
    saturday = published - timedelta(days=published.weekday()) + timedelta(days=5)
    if match.groupdict().get("bare"):
        tense = publication.tense_in(match.string)
        if tense is None:
            return None
        if tense == "future":
            # The weekend ahead: this week's, or the next one when the publication day is its Sunday.
            saturday = saturday if saturday + timedelta(days=1) > published else saturday + timedelta(weeks=1)
        else:
            saturday = saturday if saturday + timedelta(days=1) < published else saturday - timedelta(weeks=1)
        return range_reading(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), relative=True)
    if match.group("rel").lower() != "эти":
        # The weekend that ended before the publication day (on a Saturday or Sunday, the one before it).
        saturday = saturday if saturday + timedelta(days=1) < published else saturday - timedelta(weeks=1)
    return range_reading(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), relative=True)


_PARTS_OF_A_DAY = ("утра", "утру", "утром", "вечера", "вечеру", "вечер", "ночи", "ночь", "середины", "конца", "концу")
_AFTER_A_PART_OF_A_DAY = "|".join(rf"(?<=(?i:{part})\s)" for part in _PARTS_OF_A_DAY)
_WEEKDAYS = (
    # "stays open until Friday", "from Monday the office moves": until or from a day of the week, read as Russian "до
    # пятницы", "с понедельника" are (ahead unless the clause reports), and Kazakh "жұмаға дейін", "дүйсенбіден бастап".
    # "send events to the editor by Tuesday": a deadline, like "until", lies ahead unless the clause reports ("had
    # arrived by Friday").
    rf"(?<![\w])(?P<since>(?i:until|till|from|by))\s+(?:(?P<rel>(?i:{WEEKDAY_PAST_WORDS}|{WEEKDAY_NEXT_WORDS}))\s+)?"
    rf"(?P<day>{ENGLISH_WEEKDAY})(?![\w])",
    rf"(?<![\w])(?:(?P<rel>(?i:{WEEKDAY_PAST_WORDS}|{WEEKDAY_NEXT_WORDS}))\s+)?(?P<day>(?i:{KAZAKH_WEEKDAY}))"
    rf"(?i:ге|ға|ке|қа|ден|нен|дан|нан|тен|тан)\s+(?P<since>(?i:дейін|шейін|бастап)){NOT_CYRILLIC_AFTER}",
    # "Black Friday", "Good Friday" are names, not days of the week.
    rf"(?<![\w])(?<!Black )(?<!Good )(?:(?i:on)\s+)?(?:(?P<rel>(?i:{WEEKDAY_PAST_WORDS}|{WEEKDAY_NEXT_WORDS}))\s+)?"
    rf"(?P<day>{ENGLISH_WEEKDAY})(?![\w])",
    # "в это воскресенье", "в эту пятницу": the day of that name in the publication's week (Monday to Sunday), as
    # "на этой неделе" is that week, whichever side of the publication day it falls.
    rf"(?<![\w])(?:(?i:во?)\s+)?(?P<this>(?i:этот|эту|это))\s+(?P<day>(?i:{RUSSIAN_WEEKDAY})){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?i:во?)\s+(?:(?P<rel>(?i:{WEEKDAY_PAST_WORDS}|{WEEKDAY_NEXT_WORDS}))\s+)?(?P<day>(?i:{RUSSIAN_WEEKDAY}))"
    rf"{NOT_CYRILLIC_AFTER}",
    # "в ночь на воскресенье" (the night before Sunday), "перенесли на пятницу": the day after "на", dated by the
    # tense as "в воскресенье" is. (The match is the day alone: "ночь на" is no preposition a highlight leaves out.)
    rf"(?<=[Нн]а\s)(?P<day>(?i:{RUSSIAN_WEEKDAY})){NOT_CYRILLIC_AFTER}",
    # "С воскресенья аэропорт переходит на зимнее расписание", "до пятницы": from or until a day of the week.
    # ("со следующей среды", "до прошлого четверга": the word of next or last in the genitive too.)
    rf"(?<![\w])(?P<since>(?i:с|со|до))\s+(?:(?P<rel>(?i:{WEEKDAY_PAST_WORDS}|{WEEKDAY_NEXT_WORDS}"
    rf"|{RUSSIAN_WEEKDAY_PAST_GENITIVE}|{RUSSIAN_WEEKDAY_NEXT_GENITIVE}))\s+)?"
    rf"(?P<day>(?i:{RUSSIAN_WEEKDAY_GENITIVE})){NOT_CYRILLIC_AFTER}",
    # "к утру четверга", "до вечера пятницы", "в ночь понедельника": a part of a day, the day in the genitive.
    # (The match is the day alone, as after "на": the part of the day is no preposition a highlight leaves out.)
    rf"(?:{_AFTER_A_PART_OF_A_DAY})(?P<day>(?i:{RUSSIAN_WEEKDAY_GENITIVE})){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?:(?P<rel>(?i:{WEEKDAY_PAST_WORDS}|{WEEKDAY_NEXT_WORDS}))\s+)?(?P<day>(?i:{KAZAKH_WEEKDAY}))"
    # ("дүйсенбіден бастап" from Monday, "жұмаға дейін" by Friday: other cases of the day too.)
    rf"(?:(?i:де|да|күні|ден|нен|дан|нан|ге|ға|ке|қа|гі|ғы|ның|нің|дің|дың)|\s+(?i:күні))?{NOT_CYRILLIC_AFTER}",
)

# Before single dates: "in October last year" must not be read as "in October" alone.
MONTHS_OF_RELATIVE_YEAR = (
    *_compile(_MONTHS_OF_RELATIVE_YEAR, _read_month_of_relative_year),
    *_compile(_NEAREST_MONTHS, _read_nearest_month),
)
RELATIVE_PATTERNS = (
    *_compile(_AGO, _read_ago),
    *_compile(_FROM_NOW, _read_from_now),
    *_compile(_YEARS_AFTER, _read_years_after),
    *_compile(_DAYS_AFTER, _read_days_after),
    *_compile(_MONTHS_AFTER, _read_months_after),
    *_compile(_A_YEAR_EARLIER, _read_a_year_earlier),
    *_compile(_A_YEAR_LATER, _read_a_year_later),
    *_compile(_A_YEAR_EARLIER_RU, _read_the_year_before),
    *_compile(_RELATIVE_YEARS, _read_relative_year),
    *_compile(_END_OF_THE_YEAR, _read_this_year),
    *_compile(_RELATIVE_MONTHS, _read_relative_month),
    *_compile(_THE_MONTH, _read_this_month),
    *_compile(_RELATIVE_DAYS, _read_relative_day),
    *_compile(_RELATIVE_WEEKS, _read_relative_week),
    *_compile(_RUSSIAN_WEEKENDS, _read_russian_weekend),
    *_compile(_WEEKDAYS, _read_weekday),
)
