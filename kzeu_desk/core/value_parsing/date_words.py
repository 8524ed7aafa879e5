"""The words of dates, in English, Russian and Kazakh: month names and stems, year markers, words
for "last year" or "next month", and the prepositions that make a bare month name a date.

Data only, as plain values and regex fragments; `dates` builds its patterns from them.
"""

from __future__ import annotations

from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, NOT_CYRILLIC_AFTER

ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Longest stems first so "март"/"мамыр" are tried before the bare "ма" of май/мая/мае.
CYRILLIC_MONTH_STEMS = sorted(
    {
        "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
        "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
        "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
        "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    }.items(),
    key=lambda stem_and_month: -len(stem_and_month[0]),
)
ENGLISH_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH_MONTH_ALTERNATION = (
    ENGLISH_MONTH_FULL + "|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
RUSSIAN_MONTH = (
    r"январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]"
    r"|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
)
KAZAKH_MONTH = (
    rf"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)"
    rf"[{CYRILLIC_LETTER}]*"
)
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"
YEAR_MARKER = rf"\s*(?i:года|году|год|г\.|г{NOT_CYRILLIC_AFTER}|жылы|жылғы|жыл{NOT_CYRILLIC_AFTER}|ж\.)"
KAZAKH_YEAR_MARKER = r"\s*(?i:жылғы|жылы|ж\.)\s+"

# Words after "May 5" that make the 5 an amount, not a day.
AMOUNT_WORDS_AFTER_DAY = r"thousand|million|billion|trillion|bn|mln|mn|per\s?cent"
# A bare English month name is a date only after one of these ("in March"); alone it may be a verb.
ENGLISH_MONTH_PREPOSITIONS = r"in|since|by|until|till|from|during|of|early|late|mid-?|end of|beginning of"
RUSSIAN_MONTH_PREPOSITIONS = r"в|с|до|к"
# Dropped from the front of a date that cannot be anchored, which is then kept as text.
LEADING_PREPOSITIONS = r"in|since|by|until|till|from|during|of|on|в|с|до|к"

RELATIVE_YEAR_WORDS = {
    "last": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
    "прошлого": -1, "прошлом": -1, "этого": 0, "этом": 0, "текущего": 0, "текущем": 0,
    "следующего": 1, "следующем": 1,
    "былтыр": -1, "өткен": -1, "биыл": 0, "осы": 0, "келесі": 1,
}
# "March of last year", "в марте прошлого года": the year relative to publication.
MONTH_RELATIVE_YEAR_WORDS = r"last|this|next|previous|current|прошлого|этого|текущего|следующего"
YEAR_NOUNS = r"year|года"
# Whole phrases naming a year or a month relative to publication. Each language's word lands in
# its own named group, which `dates` reads the offset of from RELATIVE_YEAR_WORDS.
RELATIVE_YEAR_PHRASES = (
    r"(?<![\w])(?i:(?:the\s+)?(?P<relative>last|this|next|previous|current)\s+year)(?![\w])"
    r"|(?<![\w])(?i:(?:в\s+)?(?P<relative_ru>прошлом|этом|текущем|следующем)\s+году"
    r"|(?P<relative_ru_genitive>прошлого|этого|текущего|следующего)\s+года)(?![\w])"
    r"|(?<![\w])(?i:(?P<relative_kz>былтыр|биыл)|(?P<relative_kz_phrase>өткен|келесі|осы)\s+жыл[\w]*)(?![\w])"
)
RELATIVE_MONTH_PHRASES = (
    r"(?<![\w])(?i:(?P<relative>last|this|next|previous)\s+month)(?![\w])"
    r"|(?<![\w])(?i:(?:в\s+)?(?P<relative_ru>прошлом|этом|текущем|следующем)\s+месяце)(?![\w])"
)
