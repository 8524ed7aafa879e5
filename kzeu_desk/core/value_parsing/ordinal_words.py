"""Ordinal numbers in English, Russian and Kazakh, and the nouns of a series they number ("the fifth
round", "Двадцать первое заседание", "он төртінші раунды").

Data only; `spelled_ordinals` reads an ordinal with its noun as a count of that noun.
"""

from __future__ import annotations

import re

from functools import lru_cache

from kzeu_desk.core.value_parsing.number_words import ENGLISH_TENS

# -- English ---------------------------------------------------------------------------------

ENGLISH_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
ENGLISH_ORDINAL_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000,
}
# "It is already the fifth dispute", "Это уже пятый спор", "Это вторая линия": after these, or after a
# possessive ("the agency's fourth transaction", "its third loan"), an ordinal numbers whatever noun follows
# it as a member of a series, series noun or not.
ALREADY_WORDS = frozenset({"already", "уже", "это"})
POSSESSIVE_WORDS = frozenset({"its", "their", "our", "his", "her", "его", "ее", "её", "их"})
# Russian possessive pronouns between an ordinal and its noun ("пятая наша поездка", "в третьем своем сезоне"), which
# qualify the noun as adjectives do.
RUSSIAN_POSSESSIVE_PRONOUN_RE = re.compile(r"(?:наш|ваш)(?:а|е|и|его|ей|ем|у|им|их|ими)?|(?:мо|тво|сво)(?:й|я|ё|е|и|его"
                                           r"|ей|ю|им|их|ими|ем|ём)")
# Nouns an ordinal ranks or places rather than counts: "the second time", "its third quarter", "второе место".
NOT_SERIES_NOUNS = frozenset({
    "time", "times", "place", "half", "quarter", "year", "month", "week", "day", "largest", "biggest", "row",
    "раз", "место", "места", "половина", "половине", "квартал", "квартале", "год", "году", "месяц", "день", "неделю",
})
# Words that may stand between the ordinal and its noun besides names and adjectives:
# "the 14th sanctions package", "the third negotiating round".
ENGLISH_SERIES_MODIFIERS = frozenset({
    "joint", "annual", "regular", "sanctions", "negotiating", "investment", "business", "high-level", "plenary",
    "expert", "working", "summit", "ministerial", "trade", "consultation", "new", "next", "final", "latest",
})
# The nouns of a series whose members are numbered: an ordinal before one says which member it is.
ENGLISH_SERIES_NOUNS = frozenset({
    "round", "meeting", "session", "summit", "forum", "conference", "congress", "dialogue", "package", "tranche",
    "phase", "stage", "project", "edition", "convocation", "plenary", "reading", "wave", "programme", "program",
    "visit", "cycle", "call", "contest", "competition", "festival", "exhibition", "mission", "shipment",
    # What a company or a city adds one at a time: "a third weekly flight", "its second office".
    "flight", "office", "branch", "plant", "terminal",
    # What an operator, a buyer or an issuer runs one after another: "a sixth weekly train", "the third tender",
    # "a second course", "the fourth coupon period".
    "train", "tender", "course", "period",
})

# -- Russian ---------------------------------------------------------------------------------

# Stems of the ordinal adjectives; every adjective ending follows ("пятый", "пятого", "пятую").
RUSSIAN_ORDINAL_STEMS = {
    "перв": 1, "втор": 2, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
    "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
    "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
    "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90,
    "сот": 100, "тысячн": 1000, "миллионн": 1_000_000,
}
RUSSIAN_ORDINAL_ENDINGS = ("ый", "ий", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми")
# "третий" declines apart: третий, третья, третье, третьего, третьему, третьим, третьем, третью.
RUSSIAN_THIRD = frozenset({"третий", "третья", "третье", "третьи", "третьего", "третьему", "третьим", "третьем",
                           "третью", "третьей", "третьих", "третьими"})
# Digits with an ordinal ending: "20-е заседание", "5-й раунд", "21-го пакета".
RUSSIAN_DIGIT_ORDINAL_ENDINGS = ("й", "я", "е", "го", "му", "м", "ю", "ое", "ый", "ий", "ая", "ого", "ому", "ом",
                                 "ой", "ые", "ых")
RUSSIAN_SERIES_STEMS = (
    "раунд", "заседани", "сесси", "саммит", "форум", "конференци", "съезд", "пакет", "транш", "этап", "проект",
    "созыв", "встреч", "диалог", "визит", "чтени", "фаз", "волн", "программ", "цикл", "конкурс", "фестивал",
    "выставк",
    "рейс", "офис", "филиал", "завод", "терминал",
    "поезд", "тендер", "курс", "период",
    # A campaign held again and again ("пятая донорская акция", a donor day) and a rise of a rate or a fee that
    # follows others ("третье повышение тарифа за год"): members of a series the ordinal counts (sets 76 and 77).
    # ("акциз", an excise, is no campaign: `_is_russian_series_noun` leaves it.)
    "акци", "повышени",
)
# A share, not a member of a series: "каждый пятый проект" is every fifth project.
EVERY_WORDS = frozenset({
    "каждый", "каждая", "каждое", "каждого", "каждую", "каждому", "каждым", "каждой", "әрбір", "әр", "every", "each",
})

# -- Kazakh ----------------------------------------------------------------------------------

KAZAKH_ORDINALS = {
    "бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5, "алтыншы": 6, "жетінші": 7,
    "сегізінші": 8, "тоғызыншы": 9, "оныншы": 10, "жиырмасыншы": 20, "отызыншы": 30, "қырқыншы": 40,
    "елуінші": 50, "алпысыншы": 60, "жетпісінші": 70, "сексенінші": 80, "тоқсаныншы": 90, "жүзінші": 100,
}
KAZAKH_DIGIT_ORDINAL_ENDINGS = ("інші", "ыншы", "нші", "ншы", "ші", "шы")
# The series nouns in their base form; a word that starts with one carries its endings ("раунды",
# "отырысы", "форумына", "жобасы").
KAZAKH_SERIES_STEMS = (
    "раунд", "отырыс", "сессия", "саммит", "форум", "конференция", "съез", "пакет", "транш", "кезең", "жоба",
    "шақырылым", "кездесу", "диалог", "сапар", "оқылым", "толқын", "бағдарлама", "цикл", "байқау", "фестиваль",
    "көрме",
    # "биыл ратификацияланған алтыншы келісім" (the sixth agreement ratified this year), as "the third report" is.
    "келісім",
    "рейс", "кеңсе", "филиал", "зауыт", "терминал",
    # "бағдарламаның үшінші легі" (a programme's third cohort), as "толқын" (a wave) is.
    "лек",
)
# Adjectives that may stand between the ordinal and its noun ("экономикалық", "жоғары деңгейлі").
KAZAKH_ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі", "лы", "лі")
# What follows a series stem in a word that is no member of the series: plurals ("жобалар") and
# adjectives made from it ("жобалық").
KAZAKH_NOT_SERIES_AFTER_STEM = ("лар", "лер", "дар", "дер", "тар", "тер", "лық", "лік", "дық", "дік", "тық", "тік")


# Asked for every word of every sentence the Candidates pane reads (193k words on 1 MB, each tried against the 13
# Russian endings): a word's answer is kept, and words repeat.
@lru_cache(maxsize=8192)
def spelled_ordinal(word: str) -> int | None:
    """The number an ordinal written in words stands for ("third", "twenty-first", "третьего", "үшінші"), or None."""
    lowered = word.lower()
    if "-" in lowered:
        # "twenty-first", "thirty-fifth"
        tens, _, unit = lowered.partition("-")
        if tens in ENGLISH_TENS and (value := ENGLISH_ORDINAL_UNITS.get(unit)) is not None and value < 10:
            return ENGLISH_TENS[tens] + value
        return None
    if (value := ENGLISH_ORDINAL_UNITS.get(lowered) or ENGLISH_ORDINAL_TENS.get(lowered)) is not None:
        return value
    if (value := KAZAKH_ORDINALS.get(lowered)) is not None:
        return value
    if lowered in RUSSIAN_THIRD:
        return 3
    for ending in RUSSIAN_ORDINAL_ENDINGS:
        if lowered.endswith(ending) and (value := RUSSIAN_ORDINAL_STEMS.get(lowered[: -len(ending)])) is not None:
            return value
    return None
