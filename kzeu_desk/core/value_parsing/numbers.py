"""Turn text into a `TypedValue`: suggestions for a highlighted passage, and values typed by hand.

`suggest_value` reads prose (English, Russian, Kazakh) the way a curator would: it finds every
figure and date in the selection and returns the most salient one. `parse_amount_text` and
`parse_date_text` are the strict counterparts for the editor's input fields: the whole input
must be one value, otherwise they return None so the field can flag it.

Salience, best first (ties go to the earliest in the selection):
  1. money                         "exceeded US$160 billion"
  2. a percentage written in digits "about 30%"
  3. a percentage written as words  "one third"
  4. a quantity with substance      "about 3,000 companies", "180-fold", "800 million"
  5. a date                         "in 1996", "March 2020", "last year" (needs `published`)
  6. a bare number                  "29"
  7. a date that cannot be anchored to a year, as TEXT ("February 2" with no known year)
  8. the whole selection as TEXT
A bare number (no unit, scale, qualifier or currency) ranks below dates: beside a date it is
usually an article or clause number, and the date is what the curator highlighted.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum, IntEnum

from kzeu_desk.core.typed_value import TypedValue, ValueKind

__all__ = ["parse_amount_text", "parse_date_text", "suggest_value"]


class _Salience(IntEnum):
    MONEY = 1
    PERCENT_DIGITS = 2
    PERCENT_WORDS = 3
    SUBSTANTIAL_QUANTITY = 4
    DATE = 5
    BARE_NUMBER = 6
    UNANCHORED_DATE = 7


class _Bound(Enum):
    LOWER = "lower"
    UPPER = "upper"
    APPROXIMATE = "approximate"


@dataclass(frozen=True, slots=True)
class _Candidate:
    value: TypedValue
    start: int
    end: int
    salience: _Salience


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_CYRILLIC_LETTER = "а-яёәіңғүұқөһ"
_NOT_CYRILLIC_AFTER = rf"(?![{_CYRILLIC_LETTER}])"
_NOT_LETTER_AFTER = rf"(?![A-Za-z{_CYRILLIC_LETTER}])"

# Each qualifier is a regex fragment; the longest phrase wins because the search for a
# qualifier ending right before a number takes the leftmost start ("no more than" beats
# "more than", "just under" beats "under").
_QUALIFIERS_BEFORE: tuple[tuple[str, _Bound], ...] = (
    (r"exceed(?:ed|s|ing)?", _Bound.LOWER),
    (r"(?:just |well |a little |slightly )?(?:more|greater|higher) than", _Bound.LOWER),
    (r"(?:just |well |slightly )?(?:over|above)", _Bound.LOWER),
    (r"at least", _Bound.LOWER),
    (r"in excess of", _Bound.LOWER),
    (r"upwards of", _Bound.LOWER),
    (r"no (?:less|fewer) than", _Bound.LOWER),
    (r"not (?:less|fewer) than", _Bound.LOWER),
    (r"topp(?:ed|ing)", _Bound.LOWER),
    (r"surpass(?:ed|ing|es)?", _Bound.LOWER),
    (r"almost", _Bound.UPPER),
    (r"(?:just |slightly )?(?:under|below)", _Bound.UPPER),
    (r"up to", _Bound.UPPER),
    (r"(?:just |slightly )?(?:less|fewer) than", _Bound.UPPER),
    (r"at most", _Bound.UPPER),
    (r"no more than", _Bound.UPPER),
    (r"not more than", _Bound.UPPER),
    (r"about", _Bound.APPROXIMATE),
    (r"around", _Bound.APPROXIMATE),
    (r"roughly", _Bound.APPROXIMATE),
    (r"approximately", _Bound.APPROXIMATE),
    (r"approx\.?", _Bound.APPROXIMATE),
    (r"nearly", _Bound.APPROXIMATE),
    (r"some", _Bound.APPROXIMATE),
    (r"circa", _Bound.APPROXIMATE),
    (r"ca\.", _Bound.APPROXIMATE),
    (r"(?:an )?estimated", _Bound.APPROXIMATE),
    (r"close to", _Bound.APPROXIMATE),
    # Russian
    (r"более(?: чем)?", _Bound.LOWER),
    (r"свыше", _Bound.LOWER),
    (r"больше", _Bound.LOWER),
    (r"не (?:менее|меньше)", _Bound.LOWER),
    (r"превы(?:сил[аио]?|шает|шают|сив)", _Bound.LOWER),
    (r"почти", _Bound.UPPER),
    (r"(?:менее|меньше)", _Bound.UPPER),
    (r"не (?:более|больше)", _Bound.UPPER),
    (r"до", _Bound.UPPER),
    (r"около", _Bound.APPROXIMATE),
    (r"порядка", _Bound.APPROXIMATE),
    (r"примерно", _Bound.APPROXIMATE),
    (r"приблизительно", _Bound.APPROXIMATE),
    # Kazakh
    (r"шамамен", _Bound.APPROXIMATE),
    (r"кем дегенде", _Bound.LOWER),
)
_SYMBOL_QUALIFIERS_BEFORE: tuple[tuple[str, _Bound], ...] = (
    (r">=|≥|>|⩾", _Bound.LOWER),
    (r"<=|≤|<|⩽", _Bound.UPPER),
    (r"~|≈|∼", _Bound.APPROXIMATE),
)
_QUALIFIERS_AFTER: tuple[tuple[str, _Bound], ...] = (
    (r"\+", _Bound.LOWER),
    (r"\s+(?:or|and) (?:more|over|above|higher)\b", _Bound.LOWER),
    (r"\s+plus\b", _Bound.LOWER),
    (r"\s+(?:or|and) (?:less|fewer|under|below|lower)\b", _Bound.UPPER),
    (r"\s+or so\b", _Bound.APPROXIMATE),
    # Kazakh puts the comparison after the (often case-suffixed) number: "3000-нан астам".
    (rf"(?:-[{_CYRILLIC_LETTER}]{{1,4}})?\s*(?:астам|асты|асып){_NOT_CYRILLIC_AFTER}", _Bound.LOWER),
    (rf"(?:-[{_CYRILLIC_LETTER}]{{1,4}})?\s*(?:жуық|шамасында){_NOT_CYRILLIC_AFTER}", _Bound.APPROXIMATE),
    (r"\s+с (?:лишним|гаком)" + _NOT_CYRILLIC_AFTER, _Bound.LOWER),
)


def _qualifier_before_regex(pairs: tuple[tuple[str, _Bound], ...], *, words: bool) -> re.Pattern[str]:
    guard = r"(?<![\w])" if words else ""
    alternatives = "|".join(f"(?P<q{index}>{fragment})" for index, (fragment, _) in enumerate(pairs))
    return re.compile(rf"{guard}(?:{alternatives})\s*$", re.IGNORECASE)


_WORD_QUALIFIER_BEFORE_RE = _qualifier_before_regex(_QUALIFIERS_BEFORE, words=True)
_SYMBOL_QUALIFIER_BEFORE_RE = _qualifier_before_regex(_SYMBOL_QUALIFIERS_BEFORE, words=False)
_QUALIFIER_AFTER_RES = tuple((re.compile(fragment, re.IGNORECASE), bound) for fragment, bound in _QUALIFIERS_AFTER)
# "с 5 до 7 млрд" is a change from 5 to 7, not "up to 7": "до" right after another number.
_DO_AFTER_NUMBER_RE = re.compile(r"\d[^\d]{0,25}(?<![\w])до\s*$", re.IGNORECASE)

_SCALES: tuple[tuple[str, int], ...] = (
    (r"thousands?", 3),
    (r"millions?", 6),
    (r"billions?", 9),
    (r"trillions?", 12),
    (r"bln\.?|bn", 9),
    (r"mln\.?|mn|mm", 6),
    (r"trn|tn", 12),
    (r"k", 3),
    (r"m", 6),
    (r"b", 9),
    (rf"тыс(?:яч[аиу]?)?\.?|мың[{_CYRILLIC_LETTER}]*", 3),
    (r"млн\.?|миллион[а-яё]*", 6),
    (rf"млрд\.?|миллиард[{_CYRILLIC_LETTER}]*", 9),
    (r"трлн\.?|триллион[а-яё]*", 12),
)
# These only count as scales when glued to a number that is money ("$5m", "$1.5tn"), since
# "5 m", "5 mm" or "5 tn" on their own are as likely metres, millimetres or tonnes.
_MONEY_ONLY_SCALES = frozenset({"k", "m", "b", "mm", "tn"})
_SCALE_RE = re.compile(
    r"(?P<space>\s?)(?:" + "|".join(f"(?P<s{index}>{fragment})" for index, (fragment, _) in enumerate(_SCALES))
    + rf"){_NOT_LETTER_AFTER}",
    re.IGNORECASE,
)

_CURRENCY_CODES = ("USD", "EUR", "KZT", "RUB", "GBP", "CNY", "CHF", "JPY")
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₽": "RUB"}
_CURRENCIES_AFTER: tuple[tuple[str, str], ...] = (
    (r"(?:US|U\.S\.|American)\s*(?:dollars?|\$)", "USD"),
    (r"dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"tenge", "KZT"),
    (r"r[ou]u?bles?", "RUB"),
    (r"pounds?\s+sterling|sterling|pounds?", "GBP"),
    (rf"(?:доллар[{_CYRILLIC_LETTER}]*|долл\.)(?:\s+США)?", "USD"),
    (rf"евро|еуро[{_CYRILLIC_LETTER}]*", "EUR"),
    (rf"тенге|теңге[{_CYRILLIC_LETTER}]*|тг\.?", "KZT"),
    (r"рубл[а-яё]*|руб\.?", "RUB"),
    (r"фунт[а-яё]*(?:\s+стерлинг[а-яё]*)?", "GBP"),
    ("|".join(_CURRENCY_CODES), ""),  # the code is the matched text itself
)
_CURRENCY_AFTER_RE = re.compile(
    r"\s?(?:" + "|".join(f"(?P<c{index}>{fragment})" for index, (fragment, _) in enumerate(_CURRENCIES_AFTER))
    + rf"){_NOT_LETTER_AFTER}|\s?(?P<symbol>[$€£₸₽])",
    re.IGNORECASE,
)
_CURRENCY_BEFORE_RE = re.compile(
    r"(?:(?P<usd>(?<![A-Za-z])U\.?S\.?\s?\$)|(?P<symbol>[$€£₸₽])|(?<![A-Za-z])(?P<code>"
    + "|".join(_CURRENCY_CODES)
    + r"))\s?$",
    re.IGNORECASE,
)

_PERCENTAGE_POINTS_RE = re.compile(
    r"\s?(?:percentage\s+points?|p\.\s?p\.|pp(?![A-Za-z])|процентн[а-яё]*\s+пункт[а-яё]*|п\.\s?п\.)",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    rf"\s?(?:%|per\s?cent(?!age)(?![A-Za-z])|pct\.?|процент[а-яё]*|пайыз[{_CYRILLIC_LETTER}]*)",
    re.IGNORECASE,
)
_MULTIPLIER_RE = re.compile(
    rf"(?:[-‐\s]?fold(?![A-Za-z])|\s?(?:times(?![A-Za-z])|[x×](?![A-Za-z\d]))|\s?есе{_NOT_CYRILLIC_AFTER})",
    re.IGNORECASE,
)
# Russian "в 180 раз" needs its "в" to mean a multiplier; "180 раз" alone is "180 occasions".
_RUSSIAN_MULTIPLIER_RE = re.compile(r"\s?раза?" + _NOT_CYRILLIC_AFTER, re.IGNORECASE)
_RUSSIAN_MULTIPLIER_BEFORE_RE = re.compile(r"(?<![\w])в\s+$", re.IGNORECASE)

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

_TEMPORAL_PREPOSITION_BEFORE_RE = re.compile(
    r"(?<![\w])(?:in|since|until|till|during|before|after|through|throughout|early|late|"
    r"mid|year|fy|в|с|к|после)[\s-]*$",
    re.IGNORECASE,
)
_EARLIEST_BARE_YEAR = 1800
_LATEST_BARE_YEAR = 2100

_ENGLISH_NON_NOUNS = frozenset(
    {
        "is", "was", "has", "its", "this", "thus", "as", "us", "less", "plus", "across", "besides",
        "whereas", "unless", "perhaps", "always", "towards", "afterwards", "does", "his", "hers", "ours",
        "yours", "theirs", "these", "those", "times", "yes", "whereabouts", "alongside", "various",
        "previous", "numerous", "serious", "famous", "enormous", "includes", "means", "amounts",
        "accounts", "represents", "remains", "reaches", "stands", "totals", "grows", "rises", "falls",
    }
)
_ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "into", "onto", "than", "that", "which", "who", "per", "be", "been", "were", "are", "will",
        "would", "can", "could", "should", "may", "might", "had", "have", "did", "do", "not", "more",
        "less", "then", "when", "while", "where", "after", "before", "since", "until", "over", "under",
        "up", "down", "out", "about", "around", "alone", "only", "each", "every", "year", "month",
    }
)
_IRREGULAR_PLURALS = frozenset({"people", "children", "staff", "personnel", "men", "women", "police", "cattle"})
_RUSSIAN_NON_NOUNS = frozenset(
    {
        "и", "в", "во", "на", "по", "с", "со", "из", "для", "от", "до", "что", "как", "или", "а", "но",
        "это", "года", "году", "год", "г", "тыс", "же", "ли", "не", "при", "за", "к", "о", "об", "у",
        "мен", "және", "жылы", "жылғы",
    }
)
_RUSSIAN_ADJECTIVE_ENDINGS = ("ых", "их", "ые", "ие", "ая", "ое", "ого", "ому", "ыми", "ими")
_WORD_RE = re.compile(rf"\s+(?P<word>[A-Za-z{_CYRILLIC_LETTER}][A-Za-z{_CYRILLIC_LETTER}'’-]*)", re.IGNORECASE)
_STRICT_UNIT_RE = re.compile(r"\s*(?P<unit>[^\W\d_][\w'’/.-]*)\s*$")

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50, "hundred": 100, "thousand": 1000,
}
_MULTIPLIER_WORD_RE = re.compile(
    r"(?<![\w])(?P<word>" + "|".join(_NUMBER_WORDS) + r")(?:[-‐\s]?fold|\s+times)(?![\w])",
    re.IGNORECASE,
)

# Fractions are quoted loosely in journalism ("one third" of trade), hence approximate.
_FRACTION_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                          "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# Only where a share is being stated: "a third country", "half a million", "third largest" are not.
_FRACTION_FOLLOWER = r"(?=\s+(?:of|the|its|their|all)\b|\s*[,.;:)!?\"”»]|\s*$|\s+(?:or|and)\b)"
_ENGLISH_FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?P<numerator>one|an?|two|three|four)[\s-]+(?P<denominator>halves|half|thirds?|quarters?|fifths?|tenths?)"
    r"|(?P<bare_half>half))(?![\w-])" + _FRACTION_FOLLOWER,
    re.IGNORECASE,
)
_HALF_OF_PERIOD_BEFORE_RE = re.compile(r"(?:first|second|other|latter|former|and|\d\w*)\s+(?:an?\s+)?$", re.IGNORECASE)
_RUSSIAN_FRACTION_RE = re.compile(
    r"(?<![\w])(?:(?P<numerator>одн[аоу]|две|три)\s+)?(?P<denominator>треть|трети|третью|третей|четверть|четверти|четвертью|половин[аыуео]й?)"
    + _NOT_CYRILLIC_AFTER,
    re.IGNORECASE,
)
_RUSSIAN_HALF_OF_PERIOD_BEFORE_RE = re.compile(r"(?:перв|втор)[а-яё]*\s+$", re.IGNORECASE)
_KAZAKH_FRACTION_RE = re.compile(
    rf"(?<![\w])(?:(?P<third>үштен\s+бір[{_CYRILLIC_LETTER}]*)|(?P<quarter>төрттен\s+бір[{_CYRILLIC_LETTER}]*)"
    rf"|(?P<half>жартыс[{_CYRILLIC_LETTER}]*))",
    re.IGNORECASE,
)

# ---- dates -----------------------------------------------------------------------------------

_ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Longest stems first so "март"/"мамыр" are tried before the bare "ма" of май/мая/мае.
_CYRILLIC_MONTH_STEMS = sorted(
    {
        "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
        "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
        "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
        "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    }.items(),
    key=lambda stem_and_month: -len(stem_and_month[0]),
)
_ENGLISH_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_ENGLISH_MONTH_ALTERNATION = (
    _ENGLISH_MONTH_FULL + "|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
_RUSSIAN_MONTH = (
    r"январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]"
    r"|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
)
_KAZAKH_MONTH = (
    rf"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)"
    rf"[{_CYRILLIC_LETTER}]*"
)
_CYRILLIC_MONTH = rf"(?i:(?:{_RUSSIAN_MONTH}){_NOT_CYRILLIC_AFTER}|{_KAZAKH_MONTH})"
# English months must be capitalised in prose so the verbs "may" and "march" stay verbs.
_MONTH = rf"(?P<month>(?:{_ENGLISH_MONTH_ALTERNATION})\b\.?|{_CYRILLIC_MONTH})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[12]\d{3})"
_YEAR_MARKER = rf"\s*(?i:года|году|год|г\.|г{_NOT_CYRILLIC_AFTER}|жылы|жылғы|жыл{_NOT_CYRILLIC_AFTER}|ж\.)"
_YEAR_WORD_AFTER = rf"(?:{_YEAR_MARKER})?"
_KAZAKH_YEAR_MARKER = r"\s*(?i:жылғы|жылы|ж\.)\s+"
_RELATIVE_YEAR_WORDS = {
    "last": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
    "прошлого": -1, "прошлом": -1, "этого": 0, "этом": 0, "текущего": 0, "текущем": 0,
    "следующего": 1, "следующем": 1,
    "былтыр": -1, "өткен": -1, "биыл": 0, "осы": 0, "келесі": 1,
}


class _DateShape(Enum):
    FULL = "full"  # year known from the text
    MONTH_DAY = "month_day"  # year taken from publication
    MONTH_ONLY = "month_only"  # year taken from publication
    MONTH_RELATIVE_YEAR = "month_relative_year"
    RELATIVE_YEAR = "relative_year"
    RELATIVE_MONTH = "relative_month"


@dataclass(frozen=True, slots=True)
class _DatePattern:
    regex: re.Pattern[str]
    shape: _DateShape
    numeric_month: bool = False


def _date_patterns(*, ignore_case: bool) -> tuple[_DatePattern, ...]:
    flags = re.IGNORECASE if ignore_case else 0
    numeric_day_month_year = (
        r"(?<![\d.])(?P<day>[0-3]?\d)(?P<separator>[./])(?P<month>[0-3]?\d)(?P=separator)(?P<year>[12]\d{3})(?![\d])"
    )
    return (
        _DatePattern(
            re.compile(rf"(?<![\w-]){_YEAR}-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?(?![\d-])", flags),
            _DateShape.FULL, numeric_month=True,
        ),
        _DatePattern(
            re.compile(rf"(?<![\w-]){_YEAR}/(?P<month>[01]\d)/(?P<day>[0-3]\d)(?![\d])", flags),
            _DateShape.FULL, numeric_month=True,
        ),
        _DatePattern(re.compile(numeric_day_month_year, flags), _DateShape.FULL, numeric_month=True),
        _DatePattern(
            re.compile(rf"(?<![\w.]){_YEAR}{_KAZAKH_YEAR_MARKER}{_DAY}\s+{_MONTH}", flags), _DateShape.FULL
        ),
        _DatePattern(
            re.compile(rf"(?<![\d]){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d){_YEAR_WORD_AFTER}", flags),
            _DateShape.FULL,
        ),
        _DatePattern(re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", flags), _DateShape.FULL),
        _DatePattern(re.compile(rf"(?<![\w.]){_YEAR}{_KAZAKH_YEAR_MARKER}{_MONTH}", flags), _DateShape.FULL),
        _DatePattern(re.compile(rf"(?<![\w]){_MONTH}\s+(?:of\s+)?{_YEAR}(?!\d){_YEAR_WORD_AFTER}", flags), _DateShape.FULL),
        _DatePattern(
            re.compile(r"(?<![\w.])(?P<month>0[1-9]|1[0-2])\.(?P<year>[12]\d{3})(?![\d])", flags),
            _DateShape.FULL, numeric_month=True,
        ),
        _DatePattern(
            re.compile(
                rf"(?<![\w]){_MONTH}\s+(?:of\s+)?(?P<relative>(?i:last|this|next|previous|current|прошлого|этого|текущего|следующего))"
                rf"\s+(?i:year|года)(?![\w])",
                flags,
            ),
            _DateShape.MONTH_RELATIVE_YEAR,
        ),
        _DatePattern(
            re.compile(rf"(?<![\d]){_DAY}\s+(?:of\s+)?{_MONTH}(?!,?\s*\d)", flags), _DateShape.MONTH_DAY
        ),
        _DatePattern(
            re.compile(
                rf"(?<![\w]){_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%]|[.,]\d)"
                r"(?!\s*(?i:thousand|million|billion|trillion|bn|mln|mn|per\s?cent))",
                flags,
            ),
            _DateShape.MONTH_DAY,
        ),
        _DatePattern(
            re.compile(
                rf"(?<![\w])(?i:in|since|by|until|till|from|during|of|early|late|mid-?|end of|beginning of)\s+"
                rf"(?P<month>{_ENGLISH_MONTH_FULL})(?![\w])(?!\s*\d)",
                flags,
            ),
            _DateShape.MONTH_ONLY,
        ),
        _DatePattern(
            re.compile(rf"(?<![\w])(?i:в|с|до|к)\s+(?P<month>(?i:{_RUSSIAN_MONTH})){_NOT_CYRILLIC_AFTER}(?!\s*\d)", flags),
            _DateShape.MONTH_ONLY,
        ),
        _DatePattern(re.compile(rf"(?<![\w.\d]){_YEAR}{_YEAR_MARKER}", flags), _DateShape.FULL),
        _DatePattern(
            re.compile(
                r"(?<![\w])(?i:(?:the\s+)?(?P<relative>last|this|next|previous|current)\s+year)(?![\w])"
                r"|(?<![\w])(?i:(?:в\s+)?(?P<relative_ru>прошлом|этом|текущем|следующем)\s+году"
                r"|(?P<relative_ru_genitive>прошлого|этого|текущего|следующего)\s+года)(?![\w])"
                r"|(?<![\w])(?i:(?P<relative_kz>былтыр|биыл)|(?P<relative_kz_phrase>өткен|келесі|осы)\s+жыл[\w]*)(?![\w])",
                flags,
            ),
            _DateShape.RELATIVE_YEAR,
        ),
        _DatePattern(
            re.compile(
                r"(?<![\w])(?i:(?P<relative>last|this|next|previous)\s+month)(?![\w])"
                r"|(?<![\w])(?i:(?:в\s+)?(?P<relative_ru>прошлом|этом|текущем|следующем)\s+месяце)(?![\w])",
                flags,
            ),
            _DateShape.RELATIVE_MONTH,
        ),
    )


_PROSE_DATE_PATTERNS = _date_patterns(ignore_case=False)
_TYPED_DATE_PATTERNS = _date_patterns(ignore_case=True)
_ISO_PUBLISHED_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def suggest_value(selection: str, *, published: str | None = None) -> TypedValue:
    """Suggest the typed value a curator most likely means by highlighting `selection`.

    `published` is the source's publication date as a truncated ISO string; it anchors
    "last year", "this year", "in May" and "February 2". A month/day that cannot be anchored
    (no year in the text, `published` unknown) comes back as TEXT holding that phrase, since a
    DATE without a year cannot be represented. When nothing numeric or dated is found, the
    result is TEXT holding the stripped selection.
    """
    publication = _parse_publication(published)
    stripped = selection.strip()
    date_candidates, masked = _scan_dates(stripped, _PROSE_DATE_PATTERNS, publication)
    candidates = date_candidates + _scan_numbers(masked, strict=False) + _scan_word_figures(masked)
    if not candidates:
        return TypedValue(kind=ValueKind.TEXT, text=stripped)
    best = min(candidates, key=lambda candidate: (candidate.salience, candidate.start))
    return best.value


def parse_amount_text(text: str) -> TypedValue | None:
    """Parse a value typed into the editor's amount field, or None if it is not exactly one value.

    Accepts the prose vocabulary of `suggest_value` plus editor shorthands: scientific
    notation ("160e9"), comparison signs (">160e9", "<77 billion USD", "≥ 5%", "~30 %"),
    a leading minus, ranges ("5–7 million", "between 5 and 7%", "[5, 7] million") and one
    free-form unit word ("400 observers"). A four-digit number is an amount here, never a year.
    Ranges carry lower and upper with amount None.
    """
    stripped = text.strip()
    if not stripped:
        return None
    bracketed = _parse_bracketed_range(stripped)
    if bracketed is not None:
        return bracketed
    negative = stripped[0] in "-−" and len(stripped) > 1 and (stripped[1].isdigit() or stripped[1] in "$€£₸₽")
    body = stripped[1:] if negative else stripped
    candidates = _scan_numbers(body, strict=True) + _scan_word_figures(body)
    whole = [candidate for candidate in candidates if candidate.start == 0 and candidate.end == len(body)]
    if len(whole) != 1:
        return None
    value = whole[0].value
    if negative:
        value = _negated(value)
    return value


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


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Publication:
    year: int
    month: int | None


def _parse_publication(published: str | None) -> _Publication | None:
    if published is None:
        return None
    match = _ISO_PUBLISHED_RE.match(published.strip())
    if match is None:
        raise ValueError(f"published must be a truncated ISO date (YYYY, YYYY-MM, YYYY-MM-DD), got {published!r}")
    month = match.group("month")
    return _Publication(year=int(match.group("year")), month=int(month) if month else None)


def _month_number(word: str) -> int | None:
    key = word.lower().rstrip(".")
    if key in _ENGLISH_MONTHS:
        return _ENGLISH_MONTHS[key]
    for stem, month in _CYRILLIC_MONTH_STEMS:
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


def _iso_from_match(match: re.Match[str], pattern: _DatePattern, *, year_override: int | None) -> str | None:
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
            return _RELATIVE_YEAR_WORDS[word.lower()]
    raise AssertionError("relative date pattern matched without a relative word")


def _resolve_date(match: re.Match[str], pattern: _DatePattern, publication: _Publication | None) -> str | None:
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


def _date_is_possible(match: re.Match[str], pattern: _DatePattern) -> bool:
    """Whether the match names a real calendar date (any leap year will do when the year is open)."""
    if pattern.shape in (_DateShape.RELATIVE_YEAR, _DateShape.RELATIVE_MONTH):
        return True
    year = match.groupdict().get("year")
    return _iso_from_match(match, pattern, year_override=None if year else 2000) is not None


_LEADING_PREPOSITION_RE = re.compile(r"^(?:in|since|by|until|till|from|during|of|on|в|с|до|к)\s+", re.IGNORECASE)


def _scan_dates(
    text: str, patterns: tuple[_DatePattern, ...], publication: _Publication | None
) -> tuple[list[_Candidate], str]:
    """Date candidates, and the text with their spans blanked so their digits are not read as amounts."""
    candidates: list[_Candidate] = []
    masked = text
    for pattern in patterns:
        for match in pattern.regex.finditer(masked):
            if not _date_is_possible(match, pattern):
                continue
            iso = _resolve_date(match, pattern, publication)
            if iso is not None:
                value = TypedValue(kind=ValueKind.DATE, date=iso)
                salience = _Salience.DATE
            else:
                phrase = _LEADING_PREPOSITION_RE.sub("", match.group(0).strip())
                value = TypedValue(kind=ValueKind.TEXT, text=phrase)
                salience = _Salience.UNANCHORED_DATE
            candidates.append(_Candidate(value, match.start(), match.end(), salience))
        # Blank after each pattern so a later, looser pattern never re-reads a consumed date.
        for candidate in candidates:
            masked = masked[: candidate.start] + " " * (candidate.end - candidate.start) + masked[candidate.end :]
    return candidates, masked


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


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
    scale_index = next(index for index in range(len(_SCALES)) if match.group(f"s{index}") is not None)
    word = match.group(f"s{scale_index}").lower()
    if word in _MONEY_ONLY_SCALES and (match.group("space") or not is_money):
        return None
    return _Scale(exponent=_SCALES[scale_index][1], end=match.end())


def _match_currency_after(text: str, position: int) -> tuple[str, int] | None:
    match = _CURRENCY_AFTER_RE.match(text, position)
    if match is None:
        return None
    if match.group("symbol"):
        return _CURRENCY_SYMBOLS[match.group("symbol")], match.end()
    index = next(index for index in range(len(_CURRENCIES_AFTER)) if match.group(f"c{index}") is not None)
    code = _CURRENCIES_AFTER[index][1] or match.group(f"c{index}").upper()
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
        code = _CURRENCY_SYMBOLS[match.group("symbol")]
    else:
        code = match.group("code").upper()
    return code, window_start + match.start()


def _match_qualifier_before(text: str, position: int) -> tuple[_Bound, int] | None:
    window_start = max(0, position - 40)
    window = text[window_start:position]
    for regex, pairs in (
        (_SYMBOL_QUALIFIER_BEFORE_RE, _SYMBOL_QUALIFIERS_BEFORE),
        (_WORD_QUALIFIER_BEFORE_RE, _QUALIFIERS_BEFORE),
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


def _match_qualifier_after(text: str, position: int) -> tuple[_Bound, int] | None:
    for regex, bound in _QUALIFIER_AFTER_RES:
        match = regex.match(text, position)
        if match is not None:
            return bound, match.end()
    return None


def _is_english_count_noun(word: str) -> bool:
    lowered = word.lower()
    if word != lowered or lowered in _ENGLISH_NON_NOUNS or lowered in _ENGLISH_FUNCTION_WORDS:
        return False
    if lowered in _IRREGULAR_PLURALS:
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
    if re.match(rf"[{_CYRILLIC_LETTER}]", word, re.IGNORECASE):
        lowered = word.lower()
        if lowered in _RUSSIAN_NON_NOUNS:
            return None
        if lowered.endswith(_RUSSIAN_ADJECTIVE_ENDINGS):
            second = _WORD_RE.match(text, first.end())
            if second is not None and second.group("word").lower() not in _RUSSIAN_NON_NOUNS:
                return second.group("word"), second.end()
        return (word, first.end()) if len(lowered) >= 3 else None
    if _is_english_count_noun(word):
        return word, first.end()
    lowered = word.lower()
    if word != lowered or lowered in _ENGLISH_FUNCTION_WORDS or lowered in _ENGLISH_NON_NOUNS:
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


def _scan_numbers(text: str, *, strict: bool) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    position = 0
    while (match := _NUMBER_RE.search(text, position)) is not None:
        candidate = _candidate_at(text, match, strict=strict)
        if candidate is None:
            position = match.end()
            continue
        candidates.append(candidate)
        position = max(candidate.end, match.end())
    return candidates


def _candidate_at(text: str, match: re.Match[str], *, strict: bool) -> _Candidate | None:
    candidate = _build_candidate(text, match, strict=strict, allow_range=True)
    if candidate is None:
        # "In 2022 – 40 billion" is a year and then an amount, not a range: read the number alone.
        candidate = _build_candidate(text, match, strict=strict, allow_range=False)
    return candidate


def _build_candidate(text: str, match: re.Match[str], *, strict: bool, allow_range: bool) -> _Candidate | None:
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

    bound: _Bound | None = None
    if range_end is not None:
        start = range_end.opener_start
    qualifier_before = _match_qualifier_before(text, start)
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
            approximate=bound is _Bound.APPROXIMATE,
            unit=unit,
        )
        return _Candidate(value, start, end, _numeric_salience(value, substantial=True))

    exponent = figure.exponent or (first_scale.exponent if first_scale is not None else 0)
    amount = float(first_value.scaleb(exponent))
    value = TypedValue(
        kind=figure.kind,
        amount=amount,
        lower=amount if bound is _Bound.LOWER else None,
        upper=amount if bound is _Bound.UPPER else None,
        approximate=bound is _Bound.APPROXIMATE,
        unit=unit,
    )
    substantial = bool(unit) or exponent != 0 or bound is not None or figure.is_multiplier
    return _Candidate(value, start, end, _numeric_salience(value, substantial=substantial))


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
    bound: _Bound | None,
    count_noun: str | None,
    range_end: _RangeEnd | None,
) -> _Candidate | None:
    """The DATE a four-digit number stands for, or None when it is really a count."""
    after_temporal_word = _TEMPORAL_PREPOSITION_BEFORE_RE.search(text[max(0, number_start - 15) : number_start])
    is_count = bound in (_Bound.LOWER, _Bound.UPPER) or count_noun is not None
    if is_count and not after_temporal_word:
        return None
    end = range_end.end if range_end is not None else number_start + 4
    date = TypedValue(kind=ValueKind.DATE, date=f"{int(value):04d}", approximate=bound is _Bound.APPROXIMATE)
    return _Candidate(date, number_start, end, _Salience.DATE)


def _numeric_salience(value: TypedValue, *, substantial: bool) -> _Salience:
    if value.kind is ValueKind.MONEY:
        return _Salience.MONEY
    if value.kind is ValueKind.PERCENT:
        return _Salience.PERCENT_DIGITS
    return _Salience.SUBSTANTIAL_QUANTITY if substantial else _Salience.BARE_NUMBER


def _negated(value: TypedValue) -> TypedValue:
    def flip(number: float | None) -> float | None:
        return -number if number is not None else None

    return value.with_changes(amount=flip(value.amount), lower=flip(value.upper), upper=flip(value.lower))


def _parse_bracketed_range(text: str) -> TypedValue | None:
    """"[5, 7] million", "[5; 7] USD", "[5 million, 7 million]": an interval in editor notation."""
    match = re.fullmatch(r"\[\s*(?P<inside>[^\[\]]+?)\s*\]\s*(?P<rest>.*)", text)
    if match is None:
        return None
    inside = match.group("inside")
    if ";" in inside:
        parts = inside.split(";")
    elif ", " in inside:
        parts = inside.split(", ")
    else:
        parts = inside.split(",")
    if len(parts) != 2:
        return None
    rest = match.group("rest")
    ends = [parse_amount_text(f"{part.strip()} {rest}".strip()) for part in parts]
    if any(end is None for end in ends):
        return None
    lower, upper = ends[0], ends[1]
    assert lower is not None and upper is not None  # for the type checker; checked above
    if (
        lower.kind is not upper.kind
        or lower.unit != upper.unit
        or lower.amount is None
        or upper.amount is None
        or lower.lower is not None
        or lower.upper is not None
        or upper.lower is not None
        or upper.upper is not None
        or lower.amount > upper.amount
    ):
        return None
    return TypedValue(kind=lower.kind, lower=lower.amount, upper=upper.amount, unit=lower.unit)


# --------------------------------------------------------------------------------------------
# Figures written in words
# --------------------------------------------------------------------------------------------


def _scan_word_figures(text: str) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for match in _ENGLISH_FRACTION_RE.finditer(text):
        if match.group("bare_half") or (match.group("denominator") or "").lower().startswith("half"):
            if _HALF_OF_PERIOD_BEFORE_RE.search(text[max(0, match.start() - 15) : match.start()]):
                continue
        if match.group("bare_half"):
            numerator, denominator = 1, 2
        else:
            numerator = _FRACTION_NUMERATORS[match.group("numerator").lower()]
            denominator = _FRACTION_DENOMINATORS[match.group("denominator").lower()]
        if numerator >= denominator:
            continue
        candidates.append(_fraction_candidate(text, match.start(), match.end(), numerator, denominator))
    for match in _RUSSIAN_FRACTION_RE.finditer(text):
        word = match.group("denominator").lower()
        if word.startswith("половин") and _RUSSIAN_HALF_OF_PERIOD_BEFORE_RE.search(text[max(0, match.start() - 15) : match.start()]):
            continue
        denominator = 2 if word.startswith("половин") else 3 if word.startswith("трет") else 4
        numerator_word = (match.group("numerator") or "").lower()
        numerator = {"две": 2, "три": 3}.get(numerator_word, 1)
        if numerator >= denominator:
            continue
        candidates.append(_fraction_candidate(text, match.start(), match.end(), numerator, denominator))
    for match in _KAZAKH_FRACTION_RE.finditer(text):
        denominator = 3 if match.group("third") else 4 if match.group("quarter") else 2
        candidates.append(_fraction_candidate(text, match.start(), match.end(), 1, denominator))
    for match in _MULTIPLIER_WORD_RE.finditer(text):
        start = match.start()
        bound: _Bound | None = None
        if (qualifier := _match_qualifier_before(text, start)) is not None:
            bound, start = qualifier
        amount = float(_NUMBER_WORDS[match.group("word").lower()])
        value = TypedValue(
            kind=ValueKind.QUANTITY,
            amount=amount,
            lower=amount if bound is _Bound.LOWER else None,
            upper=amount if bound is _Bound.UPPER else None,
            approximate=bound is _Bound.APPROXIMATE,
            unit="×",
        )
        candidates.append(_Candidate(value, start, match.end(), _Salience.SUBSTANTIAL_QUANTITY))
    return candidates


def _fraction_candidate(text: str, start: int, end: int, numerator: int, denominator: int) -> _Candidate:
    amount = 100 * numerator / denominator
    bound: _Bound | None = None
    if (qualifier := _match_qualifier_before(text, start)) is not None:
        bound, start = qualifier
    value = TypedValue(
        kind=ValueKind.PERCENT,
        amount=amount,
        lower=amount if bound is _Bound.LOWER else None,
        upper=amount if bound is _Bound.UPPER else None,
        approximate=True,
        unit="%",
    )
    return _Candidate(value, start, end, _Salience.PERCENT_WORDS)
