"""The words of dates, in English, Russian and Kazakh: month names and stems, year markers, words
for "last year", "two years ago" or "last spring", seasons, halves and quarters, and the
prepositions that make a bare month name a date.

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
        # "қыркүйегінде": the last "к" is voiced before a possessive ("келер жылдың қыркүйегінде").
        "қыркүйег": 9,
    }.items(),
    key=lambda stem_and_month: -len(stem_and_month[0]),
)
ENGLISH_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH_MONTH_ALTERNATION = (
    ENGLISH_MONTH_FULL + "|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
# Nominative, genitive, prepositional, dative ("к ноябрю", "по март", "к маю") and instrumental ("по сравнению с
# ноябрем прошлого года", "между мартом и маем").
RUSSIAN_MONTH = (
    r"январ(?:[ьяею]|[её]м)|феврал(?:[ьяею]|[её]м)|март(?:[аеу]|ом)?|апрел(?:[ьяею]|ем)|ма(?:[йяею]|ем)|июн(?:[ьяею]|ем)"
    r"|июл(?:[ьяею]|ем)|август(?:[аеу]|ом)?|сентябр(?:[ьяею]|[её]м)|октябр(?:[ьяею]|[её]м)|ноябр(?:[ьяею]|[её]м)"
    r"|декабр(?:[ьяею]|[её]м)"
)
KAZAKH_MONTH = (
    rf"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйе[кг]|қазан|қараша|желтоқсан)"
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
LEADING_PREPOSITIONS = r"in|since|by|until|till|from|during|of|on|во|в|со|с|до|к"

# -- relative dates --------------------------------------------------------------------------

# Years from publication named by a word: "в позапрошлом году" is two years back.
RELATIVE_YEAR_OFFSETS = {
    "last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
    "прошлом": -1, "прошлого": -1, "минувшем": -1, "минувшего": -1, "истекшем": -1, "истекшего": -1,
    "прошедшем": -1, "прошедшего": -1, "позапрошлом": -2, "позапрошлого": -2,
    "этом": 0, "этого": 0, "текущем": 0, "текущего": 0, "нынешнем": 0, "нынешнего": 0,
    "следующем": 1, "следующего": 1, "будущем": 1, "будущего": 1,
    "прошлый": -1, "этот": 0, "текущий": 0, "следующий": 1, "будущий": 1,
    "минувший": -1, "позапрошлый": -2, "нынешний": 0,
    "былтыр": -1, "былтырғы": -1, "өткен": -1, "бұрнағы": -2, "биыл": 0, "биылғы": 0, "осы": 0,
    "ағымдағы": 0, "келесі": 1, "келер": 1, "алдағы": 1,
}
ENGLISH_RELATIVE_YEAR = r"last|previous|this|current|next|coming"
RUSSIAN_RELATIVE_YEAR_LOCATIVE = r"прошлом|минувшем|истекшем|прошедшем|позапрошлом|этом|текущем|нынешнем|следующем|будущем"
RUSSIAN_RELATIVE_YEAR_GENITIVE = (
    r"прошлого|минувшего|истекшего|прошедшего|позапрошлого|этого|текущего|нынешнего|следующего|будущего"
)
KAZAKH_RELATIVE_YEAR_WORD = r"былтырғы|былтыр|биылғы|биыл|бұрнағы"  # a whole "year" in one word
KAZAKH_RELATIVE_YEAR_BEFORE_NOUN = r"өткен|осы|ағымдағы|келесі|келер|алдағы|бұрнағы"  # + жыл...
# "N years ago": the unit and how many months it spans.
AGO_UNITS = {
    "year": 12, "years": 12, "month": 1, "months": 1, "decade": 120, "decades": 120,
    "год": 12, "года": 12, "лет": 12, "месяц": 1, "месяца": 1, "месяцев": 1, "десятилетие": 120,
    "десятилетия": 120, "десятилетий": 120, "жыл": 12, "ай": 1,
    # ("a century ago", "век назад", "бір ғасыр бұрын": a round figure, about 1926 in a 2026 article.)
    "century": 1200, "centuries": 1200, "век": 1200, "века": 1200, "веков": 1200, "столетие": 1200,
    "столетия": 1200, "столетий": 1200, "ғасыр": 1200,
}
ENGLISH_AGO = r"ago"
RUSSIAN_AGO = r"назад|тому назад"
KAZAKH_AGO = r"бұрын"
# Days from publication.
RELATIVE_DAY_OFFSETS = {
    "the day before yesterday": -2, "the day after tomorrow": 2,
    # A part of the publication day ("This morning we found …", "the minister resigned this afternoon"; set 64) is
    # that day, as "today" is.
    "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
    "yesterday": -1, "today": 0, "tomorrow": 1, "позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1,
    "послезавтра": 2, "алдыңгүні": -2, "алдыңғы күні": -2, "кеше": -1, "бүгін": 0, "ертең": 1, "бүрсігүні": 2,
}

# Days of the week, Monday first (date.weekday()): "on Friday", "в прошлую пятницу", "өткен жұмада".
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6,
    "дүйсенбі": 0, "сейсенбі": 1, "сәрсенбі": 2, "бейсенбі": 3, "жұма": 4, "сенбі": 5, "жексенбі": 6,
    # The genitive after "с"/"до": "с понедельника", "до пятницы".
    "понедельника": 0, "вторника": 1, "среды": 2, "четверга": 3, "пятницы": 4, "субботы": 5, "воскресенья": 6,
}
ENGLISH_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
RUSSIAN_WEEKDAY = r"понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье"
RUSSIAN_WEEKDAY_GENITIVE = r"понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья"
# Kazakh weekdays take the locative ("жұмада", "бейсенбіде") or stand before "күні".
KAZAKH_WEEKDAY = r"дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі"
# The week before or after the publication's: "last Thursday", "в прошлый четверг", "өткен бейсенбіде".
# ("the previous Friday", "the preceding Monday": as "last Friday", a week back on the day the article stands on.)
WEEKDAY_PAST_WORDS = r"last|this past|the previous|the preceding|прошл(?:ый|ую|ое)|минувш(?:ий|ую|ее)|өткен"
WEEKDAY_NEXT_WORDS = r"next|this coming|следующ(?:ий|ую|ее)|будущ(?:ий|ую|ее)|келесі|алдағы"
# The same words in the genitive, after "с/со/до": "со следующей среды", "до прошлого четверга".
RUSSIAN_WEEKDAY_PAST_GENITIVE = r"прошл(?:ого|ой)|минувш(?:его|ей)"
RUSSIAN_WEEKDAY_NEXT_GENITIVE = r"следующ(?:его|ей)|будущ(?:его|ей)"

# -- seasons ---------------------------------------------------------------------------------

# First and last month of each season (meteorological, northern hemisphere); winter spans the
# turn of the year, so "winter 2019" alone is read as the year and only a relative winter as months.
SEASON_MONTHS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
    "весн": (3, 5), "лет": (6, 8), "осен": (9, 11), "зим": (12, 2),
    "көктем": (3, 5), "жаз": (6, 8), "күз": (9, 11), "қыс": (12, 2),
}
ENGLISH_SEASON = r"spring|summer|autumn|fall|winter"
RUSSIAN_SEASON_INSTRUMENTAL = r"весной|летом|осенью|зимой"
# Before a year, a season may be in any case: "весну 2025 года", "осень 2024 года", "летом 2019 г.".
RUSSIAN_SEASON_BEFORE_YEAR = r"весн(?:ой|а|у|ы|е)|лет(?:ом|о|а)|осень(?:ю)?|осени|зим(?:ой|а|у|ы|е)"
RUSSIAN_SEASON_ADJECTIVE = r"позапрошл(?:ой|ым)|прошл(?:ой|ым)|минувш(?:ей|им)|эт(?:ой|им)|нынешн(?:ей|им)|следующ(?:ей|им)|будущ(?:ей|им)"
KAZAKH_SEASON = rf"(?:көктем|жаз|күз|қыс)[{CYRILLIC_LETTER}]*"

# -- periods of a year -----------------------------------------------------------------------

ENGLISH_MONTHS_WORD = r"months"
RUSSIAN_MONTHS_WORD = r"месяц(?:а|ев)"
KAZAKH_MONTHS_WORD = rf"ай(?:ында|да|ы|лық|{NOT_CYRILLIC_AFTER})"
# First and last month of halves and quarters.
HALVES = {1: (1, 6), 2: (7, 12)}
QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
    "первое": 1, "первом": 1, "первого": 1, "первый": 1, "второе": 2, "втором": 2, "второго": 2, "второй": 2,
    "третьем": 3, "третий": 3, "третьего": 3, "четвёртом": 4, "четвертом": 4, "четвёртый": 4, "четвертый": 4, "четвёртого": 4, "четвертого": 4,
    "бірінші": 1, "алғашқы": 1, "екінші": 2, "үшінші": 3, "төртінші": 4,
    "последний": 4, "последнем": 4, "последнего": 4,  # of the quarters only ("в последнем квартале 2026 года")
    # The feminine, of a half said as "половина" ("в первой половине 2027 года", "за первую половину года").
    "первой": 1, "первую": 1, "первая": 1, "вторую": 2, "вторая": 2,
}
