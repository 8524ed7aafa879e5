"""Date ranges and periods in prose: "3–4 June 2019", "May 13-14, 2014", "30 June – 2 July",
"January–October 2022", "с января по май 2022 года", "2023-2024 жылдары", "the first nine
months of 2022", "в I полугодии 2013 года", "биыл 8 айда", "spring 2019", "весной прошлого года".

Each becomes a DATE_RANGE from its first to its last day, month or year. A range written without
its year takes the year from the publication date, as single dates do.
"""

from __future__ import annotations

import calendar
import re

from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, NOT_CYRILLIC_AFTER
from kzeu_desk.core.value_parsing.counted_nouns import counted_after
from kzeu_desk.core.value_parsing.date_words import (
    ENGLISH_MONTH_FULL,
    ENGLISH_RELATIVE_YEAR,
    ENGLISH_SEASON,
    HALVES,
    KAZAKH_SEASON,
    ORDINAL_WORDS,
    QUARTERS,
    RELATIVE_YEAR_OFFSETS,
    RUSSIAN_RELATIVE_YEAR_GENITIVE,
    RUSSIAN_SEASON_ADJECTIVE,
    RUSSIAN_SEASON_BEFORE_YEAR,
    RUSSIAN_SEASON_INSTRUMENTAL,
    SEASON_MONTHS,
)
from kzeu_desk.core.value_parsing.dates import (
    CYRILLIC_MONTH,
    ENGLISH_MONTH,
    KAZAKH_YEAR_BEFORE,
    YEAR_WORD_AFTER,
    DatePattern,
    DateReader,
    DateReading,
    Publication,
    anchored_year,
    date_reading,
    day,
    day_possible,
    iso_date,
    month,
    month_number,
    needs,
    range_reading,
    year,
)

# "10 и 11 апреля" is the two days, as "25 and 26 May" is (sets 60 and 61).
_ENGLISH_AND_BETWEEN_DAYS_RE = re.compile(r"\sand\s", re.IGNORECASE)
_BETWEEN_BEFORE_RE = re.compile(r"(?<![\w])between\s+$", re.IGNORECASE)
_DAY_SEPARATOR = r"\s*(?:[-–—]|\s(?:to|through|and|по|до|и)\s)\s*"
# A Russian "с … по …" range of days: "с 1 февраля по 1 ноября".
_RUSSIAN_FROM_TO_RE = re.compile(r"(?i:с|со)\s+\d")


def _covers_the_publication(publication: Publication, first: tuple[int, int, int], last: tuple[int, int, int]) -> bool:
    """Whether the publication day lies between `first` and `last` (year, month, day)."""
    if publication.month is None or publication.day is None:
        return False
    return first <= (publication.year, publication.month, publication.day) <= last


# Kazakh "X мен Y аралығында" (between X and Y): "мен/бен/пен" by the last sound of X.
_KAZAKH_BETWEEN = r"\s+(?i:мен|бен|пен)\s+"
_KAZAKH_BETWEEN_END = r"\s+(?i:аралығында|аралығындағы|аралығы)"
_MONTH_SEPARATOR = r"\s*(?:[-–—]|\s(?:to|through|until|till|по|до)\s)\s*"
_YEAR_OF = rf"(?:,?\s+(?:of\s+)?{year()}(?!\d){YEAR_WORD_AFTER})"
# A year named from the publication: "of last year", "прошлого года", "биылғы", "өткен жылдың".
_RELATIVE_YEAR_OF = (
    rf"(?:\s+(?:of\s+)?(?:the\s+)?(?P<rel>(?i:{ENGLISH_RELATIVE_YEAR}))\s+year"
    # "the first eight months of the year": the year of publication.
    # ("within six months of the year end" counts from an event: the year's end is no year.)
    rf"|\s+of\s+(?P<rel_the>(?i:the))\s+(?i:year)(?![\w-])(?!\s+(?i:end)(?![\w]))"
    rf"|\s+(?P<rel_ru>(?i:{RUSSIAN_RELATIVE_YEAR_GENITIVE}))\s+(?i:года))"
)
_KAZAKH_RELATIVE_YEAR_BEFORE = (r"(?P<rel_kk>(?i:биылғы|биыл|былтырғы|былтыр|өткен жылдың|осы жылдың|ағымдағы жылдың"
                                r"|келесі жылдың|келер жылдың|алдағы жылдың|келесі жылғы|келер жылғы))")
_KAZAKH_MONTHS_WORD = rf"(?:\s+(?i:айлар[{CYRILLIC_LETTER}]*|айы[{CYRILLIC_LETTER}]*|аралығында))?"
_NOT_AN_AMOUNT_AFTER = (r"(?!\s*(?:%|(?i:per\s?cent|percent|тыс|млн|млрд|трлн|мың|миллион|миллиард|триллион|million|billion"
                        r"|thousand|trillion|процент|пайыз)))")


def _relative_offset(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("rel_the"):
        return 0
    for name in ("rel", "rel_ru", "rel_kk"):
        word = groups.get(name)
        if word:
            return RELATIVE_YEAR_OFFSETS[word.lower().split()[0]]
    return None


def _year_of(match: re.Match[str], publication: Publication | None, last_month: int) -> int | DateReading:
    """The year a range is in: written, named from the publication, or taken from the publication."""
    written = match.groupdict().get("year")
    if written:
        return int(written)
    offset = _relative_offset(match)
    if publication is None:
        return needs("date")
    if offset is not None:
        return publication.year + offset
    return anchored_year(last_month, publication, match.string)


def _is_relative(match: re.Match[str]) -> bool:
    return not match.groupdict().get("year")


# -- day ranges ------------------------------------------------------------------------------


def _read_day_range(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    groups = match.groupdict()
    last_month = month_number(groups.get("m2") or groups["month"])
    first_month = month_number(groups.get("m1") or groups["month"])
    first_day, last_day = int(groups["d1"]), int(groups["d2"])
    if first_month is None or last_month is None:
        return None
    if not (day_possible(first_month, first_day) and day_possible(last_month, last_day)):
        return None
    if first_month == last_month and first_day >= last_day:
        return None
    if first_month != last_month and _ENGLISH_AND_BETWEEN_DAYS_RE.search(match.group()) is not None and \
            _BETWEEN_BEFORE_RE.search(match.string, 0, match.start()) is None:
        # "in communications dated 9 January and 27 March 2026" (set 73): two days of different months joined by
        # "and" are two days, each its own date; "between 9 January and 27 March" is the stretch ("25 and 26 May", two
        # days in a row of one month, stays one stretch).
        return None
    year_value = _year_of(match, publication, last_month)
    if isinstance(year_value, DateReading):
        return year_value
    first_year = year_value - 1 if first_month > last_month else year_value  # "30 December – 2 January 2020"
    if groups.get("y1"):
        first_year = int(groups["y1"])  # "2026 жылғы 15 қарашадан бастап 2027 жылғы 1 наурызға дейін"
    elif publication is not None and _is_relative(match) and _relative_offset(match) is None and \
            _RUSSIAN_FROM_TO_RE.match(match.group()) and publication.tense_in(match.string) != "past" and \
            _covers_the_publication(publication, (first_year + 1, first_month, first_day),
                                    (year_value + 1, last_month, last_day)):
        # "Заявки принимаются с 1 февраля по 1 ноября" (in April): a stretch that has begun and not ended when the
        # text appeared is the current one, not the one that ended last year, as the last month's "at most three
        # months after publication" alone would place it (set 60). A sentence that reports keeps last year's.
        first_year, year_value = first_year + 1, year_value + 1
    return range_reading(iso_date(first_year, first_month, first_day), iso_date(year_value, last_month, last_day),
                         relative=_is_relative(match))


# The month a Kazakh day belongs to, in the genitive ("желтоқсанның") or named with "айының" ("желтоқсан айының").
_KAZAKH_MONTH_OF = r"(?:(?<=ның|нің|дың|дің|тың|тің)|\s+(?i:айының))"

_DAY_RANGES = (
    # Kazakh, year first: "2019 жылғы 3-4 маусымда".
    rf"(?<![\w.]){year()}{KAZAKH_YEAR_BEFORE}{day('d1')}{_DAY_SEPARATOR}{day('d2')}\s+{month()}{_KAZAKH_MONTHS_WORD}",
    # Kazakh, across months: "2025 жылғы 28 қазан мен 5 қараша аралығында", "5 сәуір мен 30 маусым аралығында".
    rf"(?<![\w.\d])(?:{year()}{KAZAKH_YEAR_BEFORE})?{day('d1')}\s+{month('m1')}{_KAZAKH_BETWEEN}{day('d2')}\s+{month('m2')}"
    rf"{_KAZAKH_BETWEEN_END}",
    # Kazakh "from … to" across a year: "15 қарашадан бастап 2027 жылғы 1 наурызға дейін" (from 15 November to 1 March
    # 2027), the first day's year the last's, or the one before when its month comes later, as in English.
    rf"(?<![\w.\d])(?:{year('y1')}{KAZAKH_YEAR_BEFORE})?{day('d1')}\s+{month('m1')}(?<=ан|ен)(?:\s+(?i:бастап))?\s+"
    rf"{year()}{KAZAKH_YEAR_BEFORE}{day('d2')}\s+{month('m2')}(?<=а|е)\s+(?i:дейін|шейін)(?![\w])",
    # Kazakh "from … to": "1 ақпаннан 30 сәуірге дейін" (from 1 February to 30 April), the first month in the
    # ablative, the last in the dative before "дейін"/"шейін"; "бастап" may follow the first.
    rf"(?<![\w.\d])(?:{year()}{KAZAKH_YEAR_BEFORE})?{day('d1')}\s+{month('m1')}(?<=ан|ен)"
    rf"(?:\s+(?i:бастап))?\s+{day('d2')}\s+{month('m2')}(?<=а|е)\s+(?i:дейін|шейін)(?![\w])",
    # Kazakh, the month first in the genitive: "желтоқсанның 8-і мен 14-і аралығында" (between the 8th and 14th of
    # December), "2027 жылғы наурыздың 3-інен 5-іне дейін".
    # ("Қараша айының 23-і мен 27-сі аралығында": or the month's name with "айының", of the month of.)
    rf"(?<![\w.\d])(?:{year()}{KAZAKH_YEAR_BEFORE})?{month()}{_KAZAKH_MONTH_OF}\s+{day('d1')}{_KAZAKH_BETWEEN}"
    rf"{day('d2')}{_KAZAKH_BETWEEN_END}",
    rf"(?<![\w.\d])(?:{year()}{KAZAKH_YEAR_BEFORE})?{month()}{_KAZAKH_MONTH_OF}\s+{day('d1')}(?<=ан|ен)"
    rf"(?:\s+(?i:бастап))?\s+{day('d2')}(?<=а|е)\s+(?i:дейін|шейін)(?![\w])",
    # "30 June – 2 July 2019", "с 30 июня по 2 июля 2019 года".
    rf"(?<![\d])(?:(?i:from|с|со)\s+)?{day('d1')}\s+{month('m1')}{_DAY_SEPARATOR}{day('d2')}\s+{month('m2')}"
    rf"{_YEAR_OF}?",
    # "3–4 June 2019", "с 3 по 5 июня 2019 года", "24-25 қарашада", "7-9 қыркүйек аралығында".
    # ("Version 7.2.1 — 23 September 2026": a version's last part, after a figure and a point, is no first day.)
    rf"(?<![\d])(?<!\d\.)(?:(?i:from|between|с|со)\s+)?{day('d1')}{_DAY_SEPARATOR}{day('d2')}\s+(?:of\s+)?{month()}"
    rf"{_KAZAKH_MONTHS_WORD}{_YEAR_OF}?",
    # "June 30 – July 2, 2019".
    rf"(?<![\w])(?P<m1>{ENGLISH_MONTH})\s+(?P<d1>[0-3]?\d)\s*[-–—]\s*(?P<m2>{ENGLISH_MONTH})\s+(?P<d2>[0-3]?\d)"
    rf"(?:,?\s+{year()})?(?!\d)",
    # "May 13-14, 2014", "January 29-30, 2024".
    rf"(?<![\w])(?P<month>{ENGLISH_MONTH})\s+(?P<d1>[0-3]?\d){_DAY_SEPARATOR}(?P<d2>[0-3]?\d)(?:,?\s+{year()})?"
    rf"(?![\d%])",
)


# -- month ranges ----------------------------------------------------------------------------


def _read_month_range(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    groups = match.groupdict()
    first_month, last_month = month_number(groups["m1"]), month_number(groups["m2"])
    if first_month is None or last_month is None or first_month == last_month:
        return None
    year_value = _year_of(match, publication, last_month)
    if isinstance(year_value, DateReading):
        return year_value
    first_year = year_value - 1 if first_month > last_month else year_value
    return range_reading(iso_date(first_year, first_month), iso_date(year_value, last_month),
                         relative=_is_relative(match))


# "2027 жылғы қаңтардан 2028 жылғы желтоқсанға дейін", "from March 2026 to June 2027": a month of one year to a month of
# another, each with its year.
_MONTHS_OF_TWO_YEARS = (
    rf"(?<![\w.]){year('y1')}\s*(?i:жылғы|жылдың)\s+{month('m1')}(?<=ан|ен)(?:\s+(?i:бастап))?\s+{year()}\s*"
    rf"(?i:жылғы|жылдың)\s+{month('m2')}(?<=а|е)\s+(?i:дейін|шейін)(?![\w])",
    # "2025 жылғы наурыз бен 2026 жылғы қыркүйек аралығында" (between March 2025 and September 2026), as "between March
    # 2023 and October 2024" below (issue #17, set 68).
    rf"(?<![\w.]){year('y1')}\s*(?i:жылғы|жылдың)\s+{month('m1')}{_KAZAKH_BETWEEN}{year()}\s*(?i:жылғы|жылдың)\s+"
    rf"{month('m2')}{_KAZAKH_BETWEEN_END}",
    rf"(?<![\w])(?i:from)\s+(?P<m1>{ENGLISH_MONTH})\s+{year('y1')}\s+(?i:to|until|through)\s+(?P<m2>{ENGLISH_MONTH})\s+"
    rf"{year()}(?![\w])",
    # "between March 2023 and October 2024", "с марта 2023 года по октябрь 2024 года", "между маем 2023 и октябрем 2024".
    rf"(?<![\w])(?i:between)\s+(?P<m1>{ENGLISH_MONTH})\s+{year('y1')}\s+(?i:and)\s+(?P<m2>{ENGLISH_MONTH})\s+"
    rf"{year()}(?![\w])",
    rf"(?<![\w])(?i:с|со)\s+{month('m1')}\s+{year('y1')}(?:\s*(?i:года|г\.))?\s+(?i:по)\s+{month('m2')}\s+{year()}"
    rf"{YEAR_WORD_AFTER}(?![\d])",
)


# "from 1 July 2025 to 30 June 2026", "between 1 March 2024 and 28 February 2025", "с 1 июля 2025 года по 30 июня 2026
# года": a day of one year to a day of another, each written in full (a financial or investigation period). "and"
# makes a range only after "between": "on 3 March 2024 and 5 May 2025" lists two dates.
_TWO_FULL_DATES_SEPARATOR = r"(?:\s*[-–—]\s*|\s+(?i:to|through|until|till|по|до)\s+)"
_DAYS_OF_TWO_YEARS = (
    rf"(?<![\w\d])(?:(?i:from|с|со)\s+)?{day('d1')}\s+{month('m1')}\s+{year('y1')}(?:\s*(?i:года|г\.))?"
    rf"{_TWO_FULL_DATES_SEPARATOR}{day('d2')}\s+{month('m2')}\s+{year()}{YEAR_WORD_AFTER}(?!\d)",
    rf"(?<![\w\d])(?i:between|между)\s+{day('d1')}\s+{month('m1')}\s+{year('y1')}(?:\s*(?i:года|г\.))?\s+(?i:and|и)\s+"
    rf"{day('d2')}\s+{month('m2')}\s+{year()}{YEAR_WORD_AFTER}(?!\d)",
    # "2023 жылғы 1 желтоқсан мен 2024 жылғы 31 мамыр аралығында": each day with its year first, "between" in Kazakh.
    rf"(?<![\w.]){year('y1')}\s*(?i:жылғы|жылдың)\s+{day('d1')}\s+{month('m1')}{_KAZAKH_BETWEEN}{year()}\s*"
    rf"(?i:жылғы|жылдың)\s+{day('d2')}\s+{month('m2')}{_KAZAKH_BETWEEN_END}",
    # "from July 1, 2025 to June 30, 2026".
    rf"(?<![\w])(?:(?i:from)\s+)?(?P<m1>{ENGLISH_MONTH})\s+{day('d1')},?\s+{year('y1')}{_TWO_FULL_DATES_SEPARATOR}"
    rf"(?P<m2>{ENGLISH_MONTH})\s+{day('d2')},?\s+{year()}(?!\d)",
)


def _read_days_of_two_years(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    first_month, last_month = month_number(match.group("m1")), month_number(match.group("m2"))
    first_year, last_year = int(match.group("y1")), int(match.group("year"))
    first_day, last_day = int(match.group("d1")), int(match.group("d2"))
    if first_month is None or last_month is None or not (
            day_possible(first_month, first_day) and day_possible(last_month, last_day)):
        return None
    first, last = iso_date(first_year, first_month, first_day), iso_date(last_year, last_month, last_day)
    return range_reading(first, last) if first is not None and last is not None and first < last else None


# "the six months ended 30 June 2026", "the year ended 31 December 2025" (financial statements' periods), "за 6 месяцев,
# закончившихся 30 июня 2026 года", "2026 жылғы 30 маусымда аяқталған 6 ай": the months up to the one the period ended in.
_PERIOD_ENDED = (
    # (British reports write "the three months to 30 September 2026", "the year to 31 March".)
    rf"(?<![\w\d])(?:(?P<n>\d{{1,2}})\s+(?i:months)|(?i:year))\s+(?i:ended|ending|to)\s+{day('d')}\s+{month()}"
    rf",?\s+{year()}(?!\d)",
    rf"(?<![\w\d])(?P<n>\d{{1,2}})\s+(?i:месяц(?:а|ев)),?\s+(?i:закончивш|завершивш|истекш)[а-яё]*\s+{day('d')}\s+"
    rf"{month()}\s+{year()}{YEAR_WORD_AFTER}(?!\d)",
    rf"(?<![\w\d]){year()}{KAZAKH_YEAR_BEFORE}{day('d')}\s+{month()}(?<=да|де|та|те)\s+(?i:аяқталған)\s+"
    rf"(?P<n>\d{{1,2}})\s+(?i:ай(?:да|дың|лық)?){NOT_CYRILLIC_AFTER}",
)


def _read_period_ended(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    last_month = month_number(match.group("month"))
    months = int(match.group("n")) if match.group("n") else 12
    if last_month is None or not 1 <= months <= 24 or not day_possible(last_month, int(match.group("d"))):
        return None
    last_year = int(match.group("year"))
    first = last_year * 12 + last_month - 1 - (months - 1)
    return range_reading(iso_date(first // 12, first % 12 + 1), iso_date(last_year, last_month))


def _read_months_of_two_years(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    first_month, last_month = month_number(match.group("m1")), month_number(match.group("m2"))
    if first_month is None or last_month is None:
        return None
    return range_reading(iso_date(int(match.group("y1")), first_month), iso_date(int(match.group("year")), last_month))


_ENGLISH_MONTH_ONLY = rf"(?:{ENGLISH_MONTH_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
_MONTH_RANGES = (
    # Kazakh with the year first: "2024 жылдың қаңтар-қыркүйек айларында", "биылғы қаңтар-маусымда".
    rf"(?<![\w.])(?:{year()}\s*(?i:жылдың|жылғы)|{_KAZAKH_RELATIVE_YEAR_BEFORE})\s+{month('m1')}\s*[-–—]\s*"
    rf"{month('m2')}{_KAZAKH_MONTHS_WORD}",
    # "2025 жылғы қаңтар мен шілде аралығында": only with "аралығында", "қаңтар мен шілде" alone is two months.
    rf"(?<![\w.])(?:{year()}\s*(?i:жылдың|жылғы)|{_KAZAKH_RELATIVE_YEAR_BEFORE})\s+{month('m1')}{_KAZAKH_BETWEEN}"
    rf"{month('m2')}{_KAZAKH_BETWEEN_END}",
    # Without a year, "қаңтар мен тамыз аралығында" (between January and August) is dated by tense.
    rf"(?<![\w.\d]\s)(?<![\w.\d]){month('m1')}{_KAZAKH_BETWEEN}{month('m2')}{_KAZAKH_BETWEEN_END}",
    # "қаңтардан наурызға дейін" (from January to March): the first month in the ablative, the last in the dative
    # before "дейін", as a range of days is written.
    rf"(?<![\w.\d]\s)(?<![\w.\d]){month('m1')}(?<=ан|ен)(?:\s+(?i:бастап))?\s+{month('m2')}(?<=а|е)"
    rf"\s+(?i:дейін|шейін)(?![\w])",
    rf"(?<![\w])(?:(?i:from|с|со|в|во|за)\s+)?(?P<m1>{_ENGLISH_MONTH_ONLY}|{CYRILLIC_MONTH}){_MONTH_SEPARATOR}"
    rf"(?P<m2>{_ENGLISH_MONTH_ONLY}|{CYRILLIC_MONTH}){_KAZAKH_MONTHS_WORD}(?:{_YEAR_OF}|{_RELATIVE_YEAR_OF})?",
    rf"(?<![\w])(?i:between|между)\s+(?P<m1>{_ENGLISH_MONTH_ONLY}|{CYRILLIC_MONTH})\s+(?i:and|и)\s+"
    rf"(?P<m2>{_ENGLISH_MONTH_ONLY}|{CYRILLIC_MONTH})(?:{_YEAR_OF}|{_RELATIVE_YEAR_OF})?",
)
# "in September and October", "в сентябре и октябре", "қыркүйек пен қазанда": two months in a row joined by "and" are
# one stretch of time ("May and September", "қаңтар мен шілде" stay two months, read as the first).
_CONSECUTIVE_MONTHS = (
    rf"(?<![\w])(?:(?i:in|during|over)\s+)?(?P<m1>{ENGLISH_MONTH_FULL})\s+(?i:and)\s+(?P<m2>{ENGLISH_MONTH_FULL})(?![\w])"
    rf"(?:{_YEAR_OF}|{_RELATIVE_YEAR_OF})?",
    rf"(?<![\w])(?:(?i:в|во|за)\s+)?(?P<m1>{CYRILLIC_MONTH})\s+(?i:и|мен|бен|пен|және)\s+(?P<m2>{CYRILLIC_MONTH})"
    rf"(?:{_YEAR_OF}|{_RELATIVE_YEAR_OF})?",
)


def _read_consecutive_months(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    first_month, last_month = month_number(match.group("m1")), month_number(match.group("m2"))
    if first_month is None or last_month is None or last_month != first_month % 12 + 1:
        return None
    return _read_month_range(match, publication)


# -- periods of a year -----------------------------------------------------------------------


def _read_first_months(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"the first nine months of 2022", "за 10 месяцев 2022 года", "биыл 8 айда": January to month N."""
    count = int(match.group("n"))
    if not 1 <= count <= 12:
        return None
    year_value = _year_of(match, publication, count)
    if isinstance(year_value, DateReading):
        return year_value
    if count == 12:
        return date_reading(iso_date(year_value), relative=_is_relative(match))
    return range_reading(iso_date(year_value, 1), iso_date(year_value, count), relative=_is_relative(match))


# "three quarters" stays words (it is a fraction too), so the count of quarters may be a word.
_SMALL_NUMBER_WORDS = {"two": 2, "three": 3, "два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3}


def _read_part_of_year(parts: dict[int, tuple[int, int]]) -> DateReader:
    """Halves or quarters: "the first half of 2019", "в I полугодии", "Q3 2023", "first three quarters"."""
    def read(match: re.Match[str], publication: Publication | None) -> DateReading | None:
        ordinal = ORDINAL_WORDS.get((match.groupdict().get("ord") or "1").lower())
        if ordinal not in parts:
            return None
        first_month, last_month = parts[ordinal]
        count = match.groupdict().get("n")
        if count is not None:  # "the first three quarters": from the first to the n-th
            number = _SMALL_NUMBER_WORDS.get(count.lower()) or int(count)
            if number not in parts:
                return None
            first_month, last_month = parts[1][0], parts[number][1]
        year_value = _year_of(match, publication, last_month)
        if isinstance(year_value, DateReading):
            return year_value
        return range_reading(iso_date(year_value, first_month), iso_date(year_value, last_month),
                             relative=_is_relative(match))
    return read


# "айында", "айда", "айымен", "айдың": months, in the case the sentence needs.
_KAZAKH_MONTHS = rf"(?i:айында|айда|айымен|айының|айдың|айынан|айы){NOT_CYRILLIC_AFTER}"
_OF_YEAR = rf"(?:\s+(?:of\s+)?{year()}(?!\d)(?:\s*(?i:года|г\.|г{NOT_CYRILLIC_AFTER}))?|{_RELATIVE_YEAR_OF})"
_IN = r"(?:(?i:in|during|over|for|в|во|за)\s+)?(?:(?i:the)\s+)?"
_FIRST_MONTHS = (
    rf"(?<![\w]){_IN}(?:(?i:first|past|первые|последние)\s+)?(?P<n>\d{{1,2}})\s+(?i:months|месяц(?:а|ев))"
    rf"(?:\s+of)?{_OF_YEAR}",
    rf"(?<![\w.]){year()}\s*(?i:жылдың)\s+(?:(?i:алғашқы|бірінші)\s+)?(?P<n>\d{{1,2}})\s+{_KAZAKH_MONTHS}",
    rf"(?<![\w]){_KAZAKH_RELATIVE_YEAR_BEFORE}\s+(?:(?i:алғашқы|бірінші)\s+)?(?P<n>\d{{1,2}})\s+{_KAZAKH_MONTHS}",
    # "Жылдың алғашқы он бір айында" (in the year's first eleven months): the publication's year, as
    # "the first eight months of the year" is.
    rf"(?<!\d\s)(?<![\w])(?P<rel_the>(?i:жылдың))\s+(?i:алғашқы|бірінші)\s+(?P<n>\d{{1,2}})\s+{_KAZAKH_MONTHS}",
)
# A Russian past tense or neuter short participle: "вырос", "ослаб", "снизился", "составил", "вывезено".
_RUSSIAN_PAST_VERB = (r"(?:[а-яё]{2,}(?:ал|ил|ел|ял|ул|ла|ло|ли|лся|лась|лось|лись|ено|ано)"
                      r"|[а-яё]{0,3}(?:рос|слаб|креп|стиг))(?![\w])")
# Without a year: "in the first nine months", "за 11 месяцев", "Он бір айда" in a report are the
# months from January of the year the sentence's tense puts them in (as a month without a year is
# dated); in an announcement ("за шесть месяцев построят", "алты айда салынады") they are a span.
_FIRST_MONTHS_OF_AN_UNNAMED_YEAR = (
    r"(?<![\w])(?:(?i:in|during|over|for)\s+)?(?i:the)\s+(?i:first)\s+(?P<n>\d{1,2})\s+(?i:months)(?![\w])"
    r"(?!\s+(?i:of|after|before|since|from|following))",
    # Opening its sentence ("За 11 месяцев экспорт вырос"): after a verb "построили за 8 месяцев" is a span.
    # Opening a clause after a colon ("Италия – крупнейший партнер: за 9 месяцев товарооборот составил …") or
    # after a source ("По его словам, за 7 месяцев выпущено …", `_opens_its_report`) is the same.
    rf"(?:(?<![\w])За|(?:^|(?<=[.!?:]\s)|(?<=,\s))(?i:за))\s+(?:(?i:первые)\s+)?(?P<n>\d{{1,2}})\s+(?i:месяц(?:а|ев))"
    rf"{NOT_CYRILLIC_AFTER}"
    # "за 6 месяцев с начала/с 2020 года" counts from an event; "с конвейера" (off the line) does not.
    rf"(?!\s+(?i:до|после|(?:с|со)\s+(?:\d|начал|момент|дат|дня|вступлен|подписан|запуск|открыт)|от|спустя|назад))",
    # After a short subject and before a past verb ("Товарооборот за 8 месяцев вырос на 6%", "Продукции в ЕС за 9
    # месяцев вывезено на …"): the report's period too, `_after_its_subject` checks the words before.
    rf"(?P<after_subject>)(?<![\w])(?i:за)\s+(?P<n>\d{{1,2}})\s+(?i:месяц(?:а|ев))(?=\s+{_RUSSIAN_PAST_VERB})",
    # The results of a report's months ("Экспорт нефти: итоги 10 месяцев", "по итогам девяти месяцев"): the report's
    # period, as "за 10 месяцев" opening its sentence is, whatever the tense.
    # (The match starts at the number: the highlight is "10 месяцев", and "итоги" is no preposition it leaves out.)
    rf"(?P<results>)(?:(?<=(?i:итоги) )|(?<=(?i:итогам) )|(?<=(?i:итогах) ))(?:(?i:первых)\s+)?(?P<n>\d{{1,2}})\s+"
    rf"(?i:месяц(?:а|ев))"
    rf"{NOT_CYRILLIC_AFTER}(?!\s+(?i:до|после|с|со|от|спустя|назад))",
    # The Kazakh results: "9 айдың қорытындысы бойынша", "он айдың нәтижесінде" (by the results of nine months).
    rf"(?P<results>)(?<![\w])(?:(?i:алғашқы|бірінші)\s+)?(?P<n>\d{{1,2}})\s+(?i:айдың)"
    rf"(?=\s+(?i:қорытынды|нәтиже)[{CYRILLIC_LETTER}]*{NOT_CYRILLIC_AFTER})",
    rf"(?:^|(?<=[.!?]\s))(?:(?i:алғашқы|бірінші)\s+)?(?P<n>\d{{1,2}})\s+(?i:айда|айында){NOT_CYRILLIC_AFTER}",
    # In a report, the "-дағы" adjective names the period ("тоғыз айдағы импорт … құрады", the nine months'
    # imports) and so does "N айда" right before the figure it dates ("10 айда 4,1 млн тоннаға жетті"); a span
    # counted back or ahead ("соңғы 9 айдағы", "алдағы 6 айда") is not January to month N, nor is one in a
    # sentence with no tense ("Бұл үш айдағы екінші кездесу", the second meeting in three months).
    rf"(?=\d)(?<![\w])(?<!(?i:соңғы) )(?<!(?i:алдағы) )(?<!(?i:өткен) )(?<!(?i:келесі) )(?P<n>\d{{1,2}})\s+"
    rf"(?i:айдағы){NOT_CYRILLIC_AFTER}",
    r"(?=\d)(?<![\w])(?<!(?i:соңғы) )(?<!(?i:алдағы) )(?<!(?i:өткен) )(?<!(?i:келесі) )(?P<n>\d{1,2})\s+"
    r"(?i:айда|айында)(?=\s+\d)",
)


def _read_first_months_of_an_unnamed_year(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    count = int(match.group("n"))
    if not 2 <= count <= 11 or not _opens_its_report(match):
        return None
    if "after_subject" in match.re.groupindex and not _after_its_subject(match):
        return None
    if "after_subject" in match.re.groupindex or "results" in match.re.groupindex:
        return _read_first_months(match, publication)  # (the past verb after it says it is a report)
    tense = publication.tense_in(match.string) if publication is not None else None
    if tense is None and "месяц" in match.group(0).lower() and _PAST_VERB_SOON_AFTER_RE.match(match.string, match.end()):
        # "За десять месяцев ими произведено продукции на …": a neuter short participle (or a past verb) later in its
        # clause reports, where the sentence's tense words say nothing.
        tense = "past"
    # "the first nine months" names the period itself; "за шесть месяцев" and "алты айда" only in a report
    # ("за шесть месяцев до его истечения" is a span).
    if tense == "future" or (tense != "past" and not match.group(0).lower().lstrip().startswith(("in", "during", "over", "for", "the"))):
        return None
    return _read_first_months(match, publication)


# ("За 11 месяцев в страны Европейского союза экспортировано …": later in its clause, past its place.)
_PAST_VERB_SOON_AFTER_RE = re.compile(rf"(?:\s+[А-ЯЁа-яё-]+){{0,6}}?\s+{_RUSSIAN_PAST_VERB}", re.IGNORECASE)


# A source that opens a sentence before its report: "По его словам,", "По данным министерства,".
_SOURCE_OPENING_RE = re.compile(r"(?:^|[.!?]\s+)(?:По|Согласно)\s[^,.!?]{1,60},\s$")


# (After an opening word and its comma too: "Во-вторых, тенге за девять месяцев ослаб".)
_SUBJECT_BEFORE_RE = re.compile(r"(?:^|[.!?]\s+)(?:(?P<opening>[А-ЯЁ][а-яё-]*(?:\s+[а-яё-]+)?),\s+)?"
                                r"(?P<subject>(?(opening)[А-ЯЁа-яё]|[А-ЯЁ])[а-яё-]*(?:\s+[A-ZА-ЯЁа-яё-]+){0,5})\s+$")


_RELATIVE_PRONOUN_BEFORE_RE = re.compile(r",\s+(?:котор(?:ый|ая|ое|ые|ых|ого|ой)|что)\s+$", re.IGNORECASE)


def _after_its_subject(match: re.Match[str]) -> bool:
    """"Товарооборот за восемь месяцев вырос": at most six words open the sentence before "за" ("Объем торгов
    еврооблигациями на KASE за 11 месяцев составил"), none of them a
    verb ("Мост построили за 8 месяцев" is a span) and none a figure."""
    if _RELATIVE_PRONOUN_BEFORE_RE.search(match.string, max(0, match.start() - 20), match.start()):
        # "… поставок в Китай, которые за десять месяцев увеличились в 1,4 раза": the relative clause's subject
        # is the noun before it, and its past verb reports as a main clause's does.
        return True
    subject = _SUBJECT_BEFORE_RE.search(match.string[max(0, match.start() - 60):match.start()])
    return subject is not None and not any(re.fullmatch(_RUSSIAN_PAST_VERB, word.lower()) or word.lower().endswith(
        ("ют", "ят")) for word in subject.group("subject").split())


def _opens_its_report(match: re.Match[str]) -> bool:
    """"за N месяцев" after a comma opens the report only after a source ("По его словам, за 7 месяцев …");
    "построили завод, за 8 месяцев …" is a span."""
    before = match.string[:match.start()]
    return not before.endswith(", ") or _SOURCE_OPENING_RE.search(before[-80:]) is not None


_HALF_ORDINAL = r"(?P<ord>(?i:first|second|1st|2nd|перв(?:ое|ом|ого)|втор(?:ое|ом|ого)|бірінші|алғашқы|екінші)|I{1,2}|[12])"
_QUARTER_ORDINAL = (
    r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|перв(?:ый|ом|ого)|втор(?:ой|ом|ого)|трет(?:ий|ьем|ьего)"
    r"|четв[её]рт(?:ый|ом|ого)|бірінші|екінші|үшінші|төртінші"
    # "в последнем квартале 2026 года": the last quarter of a year is its fourth ("last quarter" in English is the
    # one before publication, so only the Russian).
    r"|последн(?:ий|ем|его))|IV|I{1,3}|[1-4])"
)
_HALVES = (
    rf"(?<![\w]){_IN}{_HALF_ORDINAL}(?:-?(?:м|е|ое))?\s+(?i:half|полугоди[еия]){_OF_YEAR}",
    rf"(?<![\w])H(?P<ord>[12])\s*{year()}(?!\d)",
    # "в первой половине 2027 года", "во второй половине прошлого года", "итоги первой половины 2024 года": a half
    # said as "половина" of a named year is that half, as "полугодие" is (with no year it stays words: "в первой
    # половине дня" is a day's).
    rf"(?<![\w]){_IN}(?P<ord>(?i:перв|втор)(?:ой|ую|ая))\s+(?i:половин[аеуы]){_OF_YEAR}",
    # "Жылдың бірінші жартысында" (the first half of the year): the publication's year, as in English.
    rf"(?<![\w.])(?:{year()}\s*(?i:жылдың|жылғы)|{_KAZAKH_RELATIVE_YEAR_BEFORE}|(?<!\d\s)(?P<rel_the>(?i:жылдың)))\s+"
    rf"{_HALF_ORDINAL}\s+(?i:жартысында|жартыжылдығында|жартыжылдықта|жарты\s+жылында|жарты\s+жылда)",
    # Without a year, dated by tense as a month without a year is: "in the second half",
    # "во втором полугодии", "екінші жартыжылдықта" (those with a year were read above).
    rf"(?<![\w])(?:(?i:in|during|for|by)\s+)?(?i:the)\s+{_HALF_ORDINAL}\s+(?i:half)(?![\w])(?!\s+(?i:of)\b)",
    # As an adjective ("first-half results", "the fourth-quarter data"), the hyphen joining it to its noun.
    rf"(?<![\w-]){_HALF_ORDINAL}-(?i:half)(?![\w-])",
    # In the genitive with no preposition ("по итогам первого полугодия", "данные второго полугодия").
    rf"(?<![\w])(?P<ord>(?i:перв|втор)ого)\s+(?i:полугодия){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?i:в|во|за|на)\s+{_HALF_ORDINAL}(?:-?(?:м|е|ое))?\s+(?i:полугоди[еия]){NOT_CYRILLIC_AFTER}",
    # With any case ending: "бірінші жартыжылдықпен салыстырғанда" (compared with the first half), "-тағы" adjective.
    rf"(?<![\w]){_HALF_ORDINAL}\s+(?i:жартыжылдық(?:тағы|та|пен|қа|тың|тан)|жартыжылдығ(?:ындағы|ында|ымен|ына|ының|ынан|ы)"
    rf"|жарты\s+жылда){NOT_CYRILLIC_AFTER}",
    r"(?<![\w])(?i:in|during|for|by|until)\s+H(?P<ord>[12])(?![\w])(?!\s*[-–]?\s*[12]\d{3})",
)
_QUARTERS = (
    rf"(?<![\w]){_IN}(?:(?i:first|первые)\s+(?P<n>[1-3]|(?i:two|three|два|двух|три|трех|трёх))\s+(?i:quarters|квартала)|{_QUARTER_ORDINAL}(?:-?(?:м|й))?"
    rf"\s+(?i:quarter|квартал[еа]?)){_OF_YEAR}",
    rf"(?<![\w])Q(?P<ord>[1-4])\s*{year()}(?!\d)",
    rf"(?<![\w.])(?:{year()}\s*(?i:жылдың|жылғы)|{_KAZAKH_RELATIVE_YEAR_BEFORE}|(?<!\d\s)(?P<rel_the>(?i:жылдың)))\s+"
    rf"{_QUARTER_ORDINAL}\s+(?i:тоқсан[{CYRILLIC_LETTER}]*)",
    # Without a year ("in the first quarter", "в третьем квартале", "екінші тоқсанда"): dated by the
    # sentence's tense, as a month without a year is (those with a year were read and blanked above).
    rf"(?<![\w])(?:(?i:in|during|for|by|until)\s+)?(?i:the)\s+{_QUARTER_ORDINAL}\s+(?i:quarter)(?![\w])",
    rf"(?<![\w-]){_QUARTER_ORDINAL}-(?i:quarter)(?![\w-])",
    rf"(?<![\w])(?P<ord>(?i:перв|втор|четв[её]рт)ого|(?i:треть)его)\s+(?i:квартала){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?i:в|во|за|на|до|к)\s+{_QUARTER_ORDINAL}\s+(?i:квартал[еау]?){NOT_CYRILLIC_AFTER}",
    # ("бірінші тоқсанмен салыстырғанда", compared with the first quarter: the instrumental, and the "-ғы" adjective.)
    rf"(?<![\w]){_QUARTER_ORDINAL}\s+(?i:тоқсан(?:дағы|да|ындағы|ында|ға|ына|ның|ынан|нан|ымен|мен|ы|ын)?){NOT_CYRILLIC_AFTER}",
    # "in Q2", "for Q4" with no year after it.
    r"(?<![\w])(?i:in|during|for|by|until)\s+Q(?P<ord>[1-4])(?![\w])(?!\s*[-–]?\s*[12]\d{3})",
)


# -- seasons ---------------------------------------------------------------------------------


def _season_months(word: str) -> tuple[int, int] | None:
    lowered = word.lower()
    for stem, months in SEASON_MONTHS.items():
        if lowered.startswith(stem):
            return months
    return None


def _season_range(year_value: int, months: tuple[int, int], *, relative: bool) -> DateReading | None:
    first_month, last_month = months
    first_year = year_value - 1 if first_month > last_month else year_value
    return range_reading(iso_date(first_year, first_month), iso_date(year_value, last_month), relative=relative)


def _read_season_of_year(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"spring 2019", "весной прошлого года", "1993 жылдың күзі": the season of a named year."""
    months = _season_months(match.group("season"))
    if months is None:
        return None
    written = match.groupdict().get("year")
    if written and months[0] > months[1]:
        return date_reading(iso_date(int(written)))  # "winter 2019" could be either turn of the year
    if written:
        return _season_range(int(written), months, relative=False)
    offset = _relative_offset(match)
    if publication is None or offset is None:
        return needs("date")
    return _season_range(publication.year + offset, months, relative=True)


def _read_nearest_season(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """"last spring", "the previous spring", "прошлой весной", "өткен көктемде": the season that ended
    last before publication, the one the publication falls in, or the next one to begin."""
    months = _season_months(match.group("season"))
    word = " ".join(match.group("rel").lower().split())
    offset = next((value for stem, value in _NEAREST_SEASON_WORDS if word.startswith(stem)), None)
    if months is None or offset is None:
        return None
    if publication is None:
        return needs("date")
    if publication.month is None:
        return needs("month")
    first_month, last_month = months
    spans_new_year = first_month > last_month
    if offset < 0:
        # "the autumn before last", "позапрошлой осенью": a year before the last one.
        last_year = (publication.year if last_month < publication.month else publication.year - 1) + offset + 1
    elif offset == 0:
        last_year = publication.year + 1 if spans_new_year and publication.month >= first_month else publication.year
    else:
        first_year = publication.year if first_month > publication.month else publication.year + 1
        last_year = first_year + 1 if spans_new_year else first_year
    return _season_range(last_year, months, relative=True)


# The words before a season that count it from publication, by their stem.
_NEAREST_SEASON_WORDS = (
    ("before last", -2), ("позапрошл", -2), ("last", -1), ("previous", -1), ("past", -1), ("this", 0), ("next", 1), ("coming", 1),
    ("прошл", -1), ("минувш", -1), ("эт", 0), ("нынешн", 0), ("следующ", 1), ("будущ", 1),
    ("өткен", -1), ("осы", 0), ("келесі", 1), ("келер", 1),
)


_SEASONS_OF_YEAR = (
    rf"(?<![\w])(?:(?i:in|during)\s+)?(?:(?i:the)\s+)?(?P<season>(?i:{ENGLISH_SEASON}))\s+(?:(?i:of)\s+)?{year()}(?!\d)",
    rf"(?<![\w])(?P<season>(?i:{RUSSIAN_SEASON_BEFORE_YEAR}))\s+(?:{year()}\s*(?i:года|г\.?)?|"
    rf"(?P<rel_ru>(?i:{RUSSIAN_RELATIVE_YEAR_GENITIVE}))\s+(?i:года))",
    rf"(?<![\w.])(?:{year()}\s*(?i:жылдың|жылғы)|(?P<rel_kk>(?i:өткен жылдың|биылғы|осы жылдың|былтырғы|келесі жылдың|былтыр|биыл)))"
    rf"\s+(?P<season>(?i:{KAZAKH_SEASON}))",
    rf"(?<![\w])(?:(?i:in|during)\s+)?(?:(?i:the)\s+)?(?P<season>(?i:{ENGLISH_SEASON}))\s+(?i:of)\s+(?:(?i:the)\s+)?"
    rf"(?P<rel>(?i:{ENGLISH_RELATIVE_YEAR}))\s+(?i:year)",
)
# A season named alone ("in the spring", "осенью", "күзде"): dated by the sentence's tense, as a
# month without a year is. "fall" alone is a verb as often as a season, so only "in the fall".
_BARE_SEASONS = (
    r"(?<![\w])(?i:in|during)\s+(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|autumn|winter))(?![\w])",
    r"(?<![\w])(?:(?i:in|during|for|by|until)\s+)?(?i:the)\s+(?P<season>(?i:spring|summer|autumn|winter|fall))(?![\w])"
    r"(?!\s+(?i:of|semester|session|term|school|months?))",
    rf"(?<![\w])(?P<season>(?i:весной|летом|осенью|зимой)){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<season>(?i:көктемде|жазда|күзде|қыста)){NOT_CYRILLIC_AFTER}",
)


def _read_bare_season(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    months = _season_months(match.group("season"))
    if months is None:
        return None
    if publication is None:
        return needs("date")
    return _season_range(anchored_year(months[1], publication, match.string), months, relative=True)


_NEAREST_SEASONS = (
    rf"(?<![\w])(?:(?i:in|during)\s+)?(?:(?i:the)\s+)?(?P<rel>(?i:last|previous|past|this|next|coming))\s+"
    rf"(?P<season>(?i:{ENGLISH_SEASON}))(?![\w])",
    rf"(?<![\w])(?:(?i:in|during)\s+)?(?i:the)\s+(?P<season>(?i:{ENGLISH_SEASON}))\s+(?P<rel>(?i:before\s+last))(?![\w])",
    rf"(?<![\w])(?P<rel>(?i:{RUSSIAN_SEASON_ADJECTIVE}))\s+(?P<season>(?i:{RUSSIAN_SEASON_INSTRUMENTAL}))",
    # "с прошлой весны", "с прошлого лета", "до следующей осени": the season in the genitive.
    rf"(?<![\w])(?:(?i:с|со|до|после|начиная\s+с)\s+)?(?P<rel>(?i:позапрошл(?:ой|ого)|прошл(?:ой|ого)|минувш(?:ей|его)|эт(?:ой|ого)"
    rf"|нынешн(?:ей|его)|следующ(?:ей|его)|будущ(?:ей|его)))\s+(?P<season>(?i:весны|лета|осени|зимы)){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<rel>(?i:өткен|осы|келесі|келер))\s+(?P<season>(?i:{KAZAKH_SEASON}))",
    # "пришлось на прошлое лето", "за прошлую зиму": the season in the nominative or accusative.
    rf"(?<![\w])(?:(?i:на|за|в|во)\s+)?(?P<rel>(?i:позапрошл(?:ое|ую)|прошл(?:ое|ую)|минувш(?:ее|ую)|эт(?:о|у)"
    rf"|нынешн(?:ее|юю)|следующ(?:ее|ую)|будущ(?:ее|ую)))\s+(?P<season>(?i:весну|лето|осень|зиму)){NOT_CYRILLIC_AFTER}",
)


# -- decades --------------------------------------------------------------------------------


def _read_decade(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    """"the 1990s", "в 1990-х годах", "в 90-е годы", "1990 жылдары": the ten years of a decade."""
    word = match.groupdict().get("decade_word")
    first = _KAZAKH_DECADE_ORDINALS[word.lower()] if word else int(match.group("decade"))
    if first < 100:
        first += 1900
    if first % 10:
        return None
    return range_reading(iso_date(first), iso_date(first + 9))


def _read_decades(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    """"the 1950s to the 1970s", "с 1960-х по 1980-е годы", "1960-жылдардан 1980-жылдарға дейін": the first year of the
    first decade to the last of the second."""
    first, last = int(match.group("decade")), int(match.group("decade2"))
    if first % 10 or last % 10 or not first < last <= first + 200:
        return None
    return range_reading(iso_date(first), iso_date(last + 9))


_DECADE_RANGES = (
    r"(?<![\w])(?:(?i:from|between)\s+)?(?:(?i:the)\s+)?(?P<decade>1[89]\d0|20\d0)['’]?s\s*(?:(?i:to|through|until|till"
    r"|and)\s+|[-–—]\s*)(?:(?i:the)\s+)?(?P<decade2>1[89]\d0|20\d0)['’]?s(?![\w])",
    rf"(?<![\w\d])(?:(?i:с|со|от|между)\s+)?(?P<decade>1[89]\d0|20\d0)-?(?:х|е)\s*(?:(?i:по|до|и)\s+|[-–—]\s*)"
    rf"(?P<decade2>1[89]\d0|20\d0)-?(?:х|е)\s+(?i:годах|годы|годов|гг\.?){NOT_CYRILLIC_AFTER}",
    rf"(?<![\w\d])(?P<decade>1[89]\d0|20\d0)\s*-?\s*(?i:жылдар(?:дан|ден|ынан))\s+(?P<decade2>1[89]\d0|20\d0)\s*-?\s*"
    rf"(?i:жылдар(?:ға|ына))\s+(?i:дейін){NOT_CYRILLIC_AFTER}",
)
# "Жетпісінші жылдары" (the seventieth years): a decade of the last century named by its ordinal, as "в 70-е годы"
# is by its figure; a curator records 1970-1979.
_KAZAKH_DECADE_ORDINALS = {"жиырмасыншы": 20, "отызыншы": 30, "қырқыншы": 40, "елуінші": 50, "алпысыншы": 60,
                           "жетпісінші": 70, "сексенінші": 80, "тоқсаныншы": 90}
_DECADES = (
    r"(?<![\w])(?:(?i:the)\s+)?(?P<decade>1[89]\d0|20\d0)['’]?s(?![\w])",
    rf"(?<![\w\d])(?P<decade>1[89]\d0|20\d0|[1-9]0)-?(?:х|е)\s+(?i:годах|годы|годов|гг\.?){NOT_CYRILLIC_AFTER}",
    # Not the second year of a range: "2010-2020 жылдары" is eleven years, not the 2020s.
    rf"(?<![\w\d])(?<!\d[-–—])(?<!\d\s[-–—]\s)(?<!\d\s(?:мен|бен|пен)\s)(?P<decade>1[89]\d0|20\d0)\s*-?\s*(?i:жылдар(?:ы|да|дағы|ында|дан|ынан|ға|ына)?)"
    rf"{NOT_CYRILLIC_AFTER}",
    rf"(?<![\w])(?P<decade_word>(?i:{'|'.join(_KAZAKH_DECADE_ORDINALS)}))\s+(?i:жылдар(?:ы|да|дағы|ында|дан|ынан|ға|ына)?)"
    rf"{NOT_CYRILLIC_AFTER}",
)


# -- year ranges -----------------------------------------------------------------------------


def _read_year_range(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    # A year word ("жылдарға арналған", "годах") says these are years, whatever noun follows.
    counted = None if match.group("years_word") else counted_after(match.string, match.end())
    if counted is not None and not counted.is_measure and not match.group("opener"):
        return None  # "1900-2000 companies" counts companies
    first = int(match.group("y1"))
    short = match.group("y2_short")
    second = first // 100 * 100 + int(short) if short else int(match.group("y2"))
    separator = (match.group("sep") or "").strip().lower()
    if separator in ("and", "и") and not match.group("opener"):
        return None
    # Two figures under 1800 are years only when a year word names them so: "1389–1405 жылдары", "в 1512–1530 годах"
    # (a monument's building); bare, "1200–1500" is as likely tonnes or people.
    earliest = 1000 if match.group("years_word") else 1800
    if not earliest <= first < second <= 2100 or second - first > 100:
        return None
    return range_reading(iso_date(first), iso_date(second))


_YEAR_RANGES = (
    rf"(?<![\w.\d])(?:(?P<opener>(?i:from|between|с|со|между))\s+|(?i:for|in|during|в|за)\s+)?"
    # Two digits for the second year only when the dash is tight: "2023-24", never "в 2011 – 50 млрд".
    rf"(?P<y1>[12]\d{{3}})(?:(?P<sep>\s*[-–—]\s*|\s(?i:to|and|по|до|и)\s)(?P<y2>[12]\d{{3}})|(?P<sep2>[-–])(?P<y2_short>\d{{2}}))"
    rf"(?![\d.,]\d|\d)"
    rf"{_NOT_AN_AMOUNT_AFTER}(?:\s*(?P<years_word>(?i:годах|годы|годов|гг\.?|года|год|жылдар[{CYRILLIC_LETTER}]*|жылдың|жылы|жж\.?))"
    rf"{NOT_CYRILLIC_AFTER})?",
    # "2015 бен 2020 жылдар аралығында" (between 2015 and 2020): "мен/бен/пен" with "аралығында" after.
    rf"(?<![\w.\d])(?P<y1>[12]\d{{3}})(?P<sep>{_KAZAKH_BETWEEN})(?P<y2>[12]\d{{3}})(?P<y2_short>)(?P<opener>)"
    rf"(?:\s+(?P<years_word>(?i:жылдар[{CYRILLIC_LETTER}]*|жылдың|жылы)))?{_KAZAKH_BETWEEN_END}{NOT_CYRILLIC_AFTER}",
    # "1985 жылдан 2004 жылға дейін" (from 1985 to 2004): each year with its own "жыл", the first in the ablative,
    # the last in the dative before "дейін/шейін", as a range of days or months is written ("бастап" may follow).
    rf"(?<![\w.\d])(?P<y1>[12]\d{{3}})\s+(?i:жылдан)(?:\s+(?i:бастап))?(?P<sep>\s+)(?P<y2>[12]\d{{3}})(?P<y2_short>)"
    rf"(?P<opener>)\s+(?P<years_word>(?i:жылға))\s+(?i:дейін|шейін){NOT_CYRILLIC_AFTER}",
)


# -- split years and analysts' period codes ------------------------------------------------


def _read_split_year(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    """"the 2025/26 marketing year", "в сезоне 2023/24": July of the first year to June of the next, the
    marketing year of grain and pulses (the EU's, the IGC's and Kazakhstan's grain statistics all run
    July-June), which is what a split year names in the trade news these sets hold."""
    first = int(match.group("y1"))
    second_written = match.group("y2")
    second = first // 100 * 100 + int(second_written) if len(second_written) == 2 else int(second_written)
    if second != first + 1:
        return None
    return range_reading(iso_date(first, 7), iso_date(second, 6))


_SPLIT_YEARS = (
    # Not an academic year, which runs from September ("2027/28 academic year", "учебный год", "оқу жылы").
    r"(?<![\w./\d])(?P<y1>(?:19|20)\d{2})/(?P<y2>\d{2}|(?:19|20)\d{2})(?![\w/]|[.,]\d)"
    r"(?!\s+(?i:academic|school|учебн|оқу))",
)


def _read_period_code(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    """An analyst's period code: "9M26" (the first nine months of 2026), "3Q25", "Q3'25", "1H26", "H2'25"."""
    written = match.group("yy") or match.group("yy2")
    year_value = 2000 + int(written) if len(written) == 2 else int(written)
    code = (match.group("code") or match.group("code2")).upper()
    number = int(match.group("n") or match.group("n2"))
    if code == "M":
        first_month, last_month = 1, number
    else:
        parts = QUARTERS if code == "Q" else HALVES
        if number not in parts:
            return None
        first_month, last_month = parts[number]
    return range_reading(iso_date(year_value, first_month), iso_date(year_value, last_month))


# One regex for them all (each pattern is a pass over every text): the number before its letter, glued to a
# two-digit year ("9M26", "3Q25", "1H26", "9M 2026"), or the letter first with an apostrophe ("Q3'25", "H1'26"; a
# space before a two-digit year would read "Q3 26 companies", and "Q3 2023", "H1 2019" were read above).
_PERIOD_CODES = (
    r"(?<![\w])(?:(?P<n>[1-9]|1[01])(?P<code>[MQH])['’]?\s?(?P<yy>\d{2}|20\d{2})"
    r"|(?P<code2>[QH])(?P<n2>[1-4])['’](?P<yy2>\d{2}))(?![\w])",
)


# "в последней декаде августа", "первая декада марта 2026 года": a month's ten-day part (days 1-10, 11-20, 21 to its
# end; "последняя" is the third), dated as its month is.
_MONTH_TEN_DAYS = (
    rf"(?<![\w])(?P<which>(?i:перв|втор|трет|последн)[а-яё]{{1,3}})\s+(?i:декад[аеуы])\s+(?P<month>{CYRILLIC_MONTH})"
    rf"{NOT_CYRILLIC_AFTER}(?:\s+{year()}{YEAR_WORD_AFTER})?",
)
_TEN_DAYS_FIRST = {"перв": 1, "втор": 11, "трет": 21, "последн": 21}
# "шілденің екінші жартысында" (in the second half of July), "қаңтар айының бірінші жартысы": a half of a month is its
# 1st-15th or 16th to its last day, as a ten-day period is a third of it; the year written before it or anchored as a
# month's without one is (issue #17, set 66).
_KAZAKH_MONTH_HALVES = (
    rf"(?<![\w])(?:{year()}{KAZAKH_YEAR_BEFORE})?"
    rf"(?P<month>(?i:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан))"
    rf"(?:(?i:ның|нің|дың|дің|тың|тің)|\s+(?i:айының))\s+(?P<which>(?i:бірінші|алғашқы|екінші))\s+"
    rf"(?i:жартысында|жартысы|жартысын|жартысына|жартысынан|жартысының){NOT_CYRILLIC_AFTER}",
)


def _read_kazakh_month_half(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    second_half = match.group("which").lower() == "екінші"
    return _part_of_a_month(match, publication, 16 if second_half else 1, 31 if second_half else 15)


def _read_month_ten_days(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    first = next(value for stem, value in _TEN_DAYS_FIRST.items() if match.group("which").lower().startswith(stem))
    return _part_of_a_month(match, publication, first, 31 if first == 21 else first + 9)


def _part_of_a_month(match: re.Match[str], publication: Publication | None, first: int,
                     last: int) -> DateReading | None:
    """Days `first` to `last` (31: the month's last day) of the month matched, in its written year or, without one,
    the year a month named alone is anchored in."""
    month_value = month_number(match.group("month"))
    if month_value is None:
        return None
    if (written := match.group("year")) is not None:
        year_value, relative = int(written), False
    elif publication is None:
        return needs("date")
    else:
        year_value, relative = anchored_year(month_value, publication, match.string, first), True
    last = min(last, calendar.monthrange(year_value, month_value)[1])
    return range_reading(iso_date(year_value, month_value, first), iso_date(year_value, month_value, last),
                         relative=relative)


# "last quarter", "this quarter", "в прошлом квартале", "следующего квартала": the quarter before, of or after the
# publication's, as "last month" is the month before its month.
_NEAREST_QUARTERS = (
    r"(?<![\w])(?P<rel>(?i:last|this|next|the\s+(?:last|previous|past|current|coming|next)))\s+(?i:quarter)(?![\w'’-])(?!\s+(?i:of)\s)",
    rf"(?<![\w])(?P<rel>(?i:прошл|минувш|предыдущ|текущ|эт|нынешн|следующ|будущ)[а-яё]{{1,3}})\s+(?i:квартал[аеу]?)"
    rf"{NOT_CYRILLIC_AFTER}(?!\s+(?:\d|(?i:прошлого|этого|текущего|следующего)\s+(?i:года)))",
)
_QUARTER_OFFSETS = (("the last", -1), ("the previous", -1), ("the past", -1), ("last", -1), ("прошл", -1),
                    ("минувш", -1), ("предыдущ", -1), ("the current", 0), ("this", 0), ("текущ", 0), ("эт", 0),
                    ("нынешн", 0), ("the coming", 1), ("the next", 1), ("next", 1), ("следующ", 1), ("будущ", 1))


def _read_nearest_quarter(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    word = " ".join(match.group("rel").lower().split())
    offset = next((value for stem, value in _QUARTER_OFFSETS if word.startswith(stem)), None)
    if offset is None:
        return None
    if publication is None:
        return needs("date")
    if publication.month is None:
        return needs("month")
    quarter = publication.year * 4 + (publication.month - 1) // 3 + offset
    year_value, first_month = quarter // 4, quarter % 4 * 3 + 1
    return range_reading(iso_date(year_value, first_month), iso_date(year_value, first_month + 2), relative=True)


def _compile(regexes: tuple[str, ...], read: DateReader) -> tuple[DatePattern, ...]:
    return tuple(DatePattern(re.compile(regex), read) for regex in regexes)


# Longest first: a day range before a month range before a year range.
RANGE_PATTERNS = (
    *_compile(_PERIOD_ENDED, _read_period_ended),
    *_compile(_DAYS_OF_TWO_YEARS, _read_days_of_two_years),
    *_compile(_DAY_RANGES, _read_day_range),
    *_compile(_MONTH_TEN_DAYS, _read_month_ten_days),
    *_compile(_KAZAKH_MONTH_HALVES, _read_kazakh_month_half),
    *_compile(_FIRST_MONTHS, _read_first_months),
    *_compile(_PERIOD_CODES, _read_period_code),
    *_compile(_FIRST_MONTHS_OF_AN_UNNAMED_YEAR, _read_first_months_of_an_unnamed_year),
    *_compile(_HALVES, _read_part_of_year(HALVES)),
    *_compile(_QUARTERS, _read_part_of_year(QUARTERS)),
    *_compile(_NEAREST_QUARTERS, _read_nearest_quarter),
    *_compile(_MONTHS_OF_TWO_YEARS, _read_months_of_two_years),
    *_compile(_MONTH_RANGES, _read_month_range),
    *_compile(_CONSECUTIVE_MONTHS, _read_consecutive_months),
    *_compile(_SEASONS_OF_YEAR, _read_season_of_year),
    *_compile(_NEAREST_SEASONS, _read_nearest_season),
    *_compile(_BARE_SEASONS, _read_bare_season),
    *_compile(_DECADE_RANGES, _read_decades),
    *_compile(_DECADES, _read_decade),
    *_compile(_SPLIT_YEARS, _read_split_year),
    *_compile(_YEAR_RANGES, _read_year_range),
)
