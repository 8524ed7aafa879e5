"""Figures written in words, as re-anchoring compares them: numbers spelled out and the names of
months and seasons, in English, Russian and Kazakh.

A period or a date changes as much when it is written in words as in digits: a notice period
"twelve months after…" that became "six months after…", a meeting "in April" moved to "in May",
a dialogue "in autumn 2025" fixed "on 20 October 2025". Re-anchoring treats a changed figure as a
change of content (the claim's other words must stand, the placement is flagged "number changed"
and waits for a curator); these words are figures for it too. Each word stands for a token that
says what it means, so "twelve" and "12" are the same figure and "наурызда" is "March" whatever its
ending.

The words are looked for in text folded by `core.folding` (lower case, ё as е, the Kazakh і as a
Latin i), so the lists are folded the same way once. Words that are figures only sometimes are left
out: "one" and "бір" are mostly articles ("one of", "бір ел"), "он" is "he" in Russian, "may" is a
verb, "fall" and "лето"/"лет" are not reliably seasons, "жаз" is also "write", "қыс" starts "short".
"""

from __future__ import annotations

import re

from kzeu_desk.core.figure_values import figure_value, scale_after
from kzeu_desk.core.folding import fold
from kzeu_desk.core.value_parsing.number_words import (
    ENGLISH_TENS,
    ENGLISH_UNITS,
    KAZAKH_COLLECTIVE_CASE_ENDINGS,
    KAZAKH_COLLECTIVE_ENDINGS,
    KAZAKH_COLLECTIVE_WORDS,
    KAZAKH_NUMBER_ENDINGS,
    KAZAKH_NUMBER_WORDS,
    RUSSIAN_COLLECTIVE_FORMS,
    RUSSIAN_NUMBER_FORMS,
)

_ENGLISH_MONTHS = ("january", "february", "march", "april", "", "june", "july", "august", "september",
                   "october", "november", "december")
# Russian months by stem: "марта", "марте", "март"; "мая", "май", "мае".
_RUSSIAN_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
                   "ноябр", "декабр")
_RUSSIAN_MONTH_ENDINGS = ("", "ь", "я", "е", "й", "ю", "а")
_KAZAKH_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
                  "қараша", "желтоқсан")
# Case endings a Kazakh month or season takes in dates ("15 наурызда", "қазанның", "сәуірдегі").
_KAZAKH_DATE_ENDINGS = ("", "да", "де", "та", "те", "да", "дағы", "дегі", "тағы", "тегі", "ның", "нің", "дың",
                        "дің", "тың", "тің", "ы", "і", "ында", "інде", "нда", "нде", "ға", "ге", "қа", "ке",
                        "ынан", "інен", "нан", "нен", "дан", "ден", "тан", "тен", "нда", "ына", "іне", "гі", "қы")
_SEASONS: dict[str, tuple[str, ...]] = {
    "spring": ("spring",),
    "summer": ("summer",),
    "autumn": ("autumn",),
    "winter": ("winter",),
}
_RUSSIAN_SEASONS: dict[str, tuple[str, ...]] = {
    "spring": ("весна", "весны", "весне", "весну", "весной", "весенний", "весеннем", "весенней"),
    "summer": ("летом", "летний", "летнем", "летней"),
    "autumn": ("осень", "осени", "осенью", "осенний", "осеннем", "осенней"),
    "winter": ("зима", "зимы", "зиме", "зиму", "зимой", "зимний", "зимнем", "зимней"),
}
_KAZAKH_SEASONS: dict[str, tuple[str, ...]] = {
    "spring": ("көктем",),
    "summer": ("жазда", "жазғы"),
    "autumn": ("күз",),
    "winter": ("қыста", "қысқы"),
}
_KAZAKH_SEASON_ENDINGS = ("", "де", "гі", "інде", "нің", "ге", "ді", "дегі")


# A number word with an ending that makes another, far commoner word: "үшін" is the postposition "for"
# ("ол үшін", for that), not "its three"; read as 3, it made a quotation extended by "Ол үшін …" look as
# if it had gained a figure (held-out round 21).
_KAZAKH_WORDS_NOT_NUMBERS = frozenset({"үшін"})


# Ordinal words are figures too: "was ninth" -> "was eighth" changes a place as "9th" -> "8th" does, and
# read as plain words it was placed fuzzy at 0.925, unflagged and unqueued (held-out round 26). Each
# stands for its value, so "девятый" and "9-й" are the same figure. First to twentieth (and the Kazakh
# first to tenth and twentieth): the places and rounds a news text spells out.
_ENGLISH_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                     "eighteenth", "nineteenth", "twentieth")
# Russian ordinals decline as adjectives; "третий" as a soft stem ("третья", "третьего").
_RUSSIAN_ORDINAL_STEMS = ("перв", "втор", "", "четверт", "пят", "шест", "седьм", "восьм", "девят", "десят",
                          "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат",
                          "семнадцат", "восемнадцат", "девятнадцат", "двадцат")
_RUSSIAN_ORDINAL_ENDINGS = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми")
_RUSSIAN_THIRD = ("третий", "третья", "третье", "третьи", "третьего", "третьему", "третьим", "третьем", "третьей",
                  "третью", "третьих", "третьими")
# Kazakh ordinals: the number and -ыншы/-інші, taking the endings of a noun ("бірінші", "екіншісі",
# "үшіншіге", "алтыншыда").
_KAZAKH_ORDINALS = ("бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші",
                    "тоғызыншы", "оныншы")
_KAZAKH_ORDINAL_ENDINGS = {"ы": ("", "сы", "ға", "да", "дан", "ның", "ны", "лар"),
                           "і": ("", "сі", "ге", "де", "ден", "нің", "ні", "лер")}


def _ordinals() -> dict[str, str]:
    words = {word: str(value) for value, word in enumerate(_ENGLISH_ORDINALS, 1)}
    for value, stem in enumerate(_RUSSIAN_ORDINAL_STEMS, 1):
        words.update(dict.fromkeys((stem + ending for ending in _RUSSIAN_ORDINAL_ENDINGS if stem), str(value)))
    words.update(dict.fromkeys(_RUSSIAN_THIRD, "3"))
    for value, word in enumerate(_KAZAKH_ORDINALS, 1):
        words.update(dict.fromkeys((word + ending for ending in _KAZAKH_ORDINAL_ENDINGS[word[-1]]), str(value)))
    words["жиырмасыншы"] = "20"
    return words


def _vocabulary() -> dict[str, str]:
    words: dict[str, str] = {}
    for word, value in {**ENGLISH_UNITS, **ENGLISH_TENS}.items():
        if value > 1:
            words[word] = str(value)
    for value, forms in RUSSIAN_NUMBER_FORMS.items():
        if value > 1:
            # "семью" is also "family" (семья); "семи" and "семь" say seven alone.
            words.update(dict.fromkeys((form for form in forms.split() if form != "семью"), str(value)))
    for value, forms in RUSSIAN_COLLECTIVE_FORMS.items():
        # "воспитывает двоих детей" -> "троих детей": a count said as a collective numeral changed.
        words.update(dict.fromkeys(forms.split(), str(value)))
    for word, value in KAZAKH_NUMBER_WORDS.items():
        if value > 1 and word != "он":
            words.update({word + ending: str(value) for ending in ("", *KAZAKH_NUMBER_ENDINGS)
                          if word + ending not in _KAZAKH_WORDS_NOT_NUMBERS})
    for word, value in KAZAKH_COLLECTIVE_WORDS.items():  # "серіктестердің бесеуі" (five of the partners)
        harmony = "back" if word.endswith("у") and word[-2] in "аоұы" else "front"
        endings = (*KAZAKH_COLLECTIVE_ENDINGS[harmony], *KAZAKH_COLLECTIVE_CASE_ENDINGS[harmony])
        words.update({word + ending: str(value) for ending in endings})
    words.update(_ordinals())
    for number, (english, russian, kazakh) in enumerate(zip(_ENGLISH_MONTHS, _RUSSIAN_MONTHS, _KAZAKH_MONTHS,
                                                            strict=True), 1):
        token = f"month {number}"
        if english:
            words[english] = token
        words.update({russian + ending: token for ending in _RUSSIAN_MONTH_ENDINGS if len(russian + ending) > 2})
        words.update({kazakh + ending: token for ending in _KAZAKH_DATE_ENDINGS})
    for season, season_words in _SEASONS.items():
        words.update(dict.fromkeys(season_words, f"season {season}"))
    for season, season_words in _RUSSIAN_SEASONS.items():
        words.update(dict.fromkeys(season_words, f"season {season}"))
    for season, season_words in _KAZAKH_SEASONS.items():
        words.update({form + ending: f"season {season}" for form in season_words for ending in _KAZAKH_SEASON_ENDINGS})
    return {fold(word): token for word, token in words.items()}


WORD_FIGURES = _vocabulary()


def _russian_compound_prefixes() -> dict[str, str]:
    """A number in the genitive as it opens a Russian compound ("двух-", "трех-", "пяти-", "сорока-",
    "двухсот-"), and "одно-" and "сто-", folded, with its value."""
    prefixes = {"одно": "1", "сто": "100"}
    for value, forms in RUSSIAN_NUMBER_FORMS.items():
        if value > 1:
            prefixes.update(dict.fromkeys((form for form in forms.split()
                                           if form.endswith(("х", "и", "сот")) or form in ("сорока", "девяноста")),
                                          str(value)))
    return {fold(prefix): value for prefix, value in prefixes.items()}


# Russian writes a number in words inside one word with what it counts: "трехлетняя программа",
# "двухдневный визит", "пятикратный рост", "десятилетие" are "three-year", "two-day", "fivefold",
# "decade", whose number English keeps a word of its own. "трехлетнюю" -> "четырехлетнюю" changes the
# claim as "three-year" -> "four-year" does (held-out round 21 placed it unflagged at 0.90). Only
# before the stems of periods, multiples, sides, floors and places, so "семинар" (семи-), "пятница"
# and "сорокин" stay words.
_RUSSIAN_COMPOUND_PREFIXES = _russian_compound_prefixes()
_RUSSIAN_COMPOUND = re.compile(
    r"(?<!\w)(?P<number>" + "|".join(sorted(_RUSSIAN_COMPOUND_PREFIXES, key=len, reverse=True)) + r")"
    r"(?=(?:лет[нки]|дневн|месячн|недельн|часов|минутн|секундн|годичн|кратн|сторонн|этажн|местн|тонн"
    r"|процентн|разов)\w*)")
# "May" is a month only with a day or a year beside it ("in May 2026", "15 May"), a verb otherwise.
_MAY = re.compile(r"(?<=\d )may\b|\bmay(?= \d)")
_WORD = re.compile(r"\w+")
# A frequency in words is a count of times: "once a year" -> "twice a year" changes the claim as "1" -> "2"
# does (held-out round 24 placed it unflagged at 0.89). "twice", "дважды" always count; "once" only before
# what it counts per ("once the text is signed" is a conjunction); Russian "раз" and Kazakh "бір" only before
# the period or "рет" ("раз в год", "жылына бір рет"), and "раз" not after a number of its own ("пять раз").
_FREQUENCY_ALWAYS = {"twice": "2", "thrice": "3", "дважды": "2", "трижды": "3", "четырежды": "4"}
_FREQUENCY = re.compile(r"\b(?:(?P<always>" + "|".join(_FREQUENCY_ALWAYS) + r")"
                        r"|(?P<once>once)(?= (?:a|per|every|each) )"
                        r"|(?<!\d )(?P<raz>раз)(?= в (?:год|месяц|неделю|квартал|полгода|день|сутки)\b)"
                        r"|(?P<bir>" + fold("бір") + r")(?= (?:рет|" + fold("мәрте") + r")\b))\b")

# A Russian multiplicative adverb is a figure and says "в N раза": "выросло в три раза" -> "выросло втрое"
# (held-out rounds 30 and 33) is the same claim, "вдвое" -> "втрое" a changed one. Read as a plain word,
# "втрое" was no figure at all, so the quote lost its figure and was orphaned, and a "вдвое" corrected to
# "втрое" would have been no change.
_MULTIPLICATIVES = {"вдвое": "2", "втрое": "3", "вчетверо": "4", "впятеро": "5", "вшестеро": "6", "всемеро": "7",
                    "ввосьмеро": "8", "вдевятеро": "9", "вдесятеро": "10"}
_MULTIPLICATIVE = re.compile(r"(?<!\w)(?:" + "|".join(_MULTIPLICATIVES) + r")(?!\w)")


def _frequencies(folded: str) -> list[tuple[int, str]]:
    """The frequencies in words of a folded text, each where it starts and as its count of times."""
    found = []
    for match in _FREQUENCY.finditer(folded):
        if match.group("always"):
            found.append((match.start(), _FREQUENCY_ALWAYS[match.group("always")]))
        elif match.group("raz") and (before := _WORD.findall(folded, max(0, match.start() - 24), match.start())) \
                and before[-1] in WORD_FIGURES:
            continue  # "пять раз в год": the number before it is the figure
        else:
            found.append((match.start(), "1"))
    return found


def _tens_and_units() -> tuple[frozenset[str], dict[str, int]]:
    """The folded tens words (20-90) that a unit may follow, and the unit words (1-9, "one" forms
    included: after a tens word "один" is no article) with their values."""
    tens = set(ENGLISH_TENS)
    units = {word: value for word, value in ENGLISH_UNITS.items() if value < 10}
    for value, forms in RUSSIAN_NUMBER_FORMS.items():
        if value < 10:
            units.update(dict.fromkeys(forms.split(), value))
        elif value % 10 == 0 and 20 <= value <= 90:
            tens.update(forms.split())
    for word, value in KAZAKH_NUMBER_WORDS.items():
        if value < 10:  # the case ending goes on the last word: "қырық бірде"
            units.update(dict.fromkeys((word + ending for ending in ("", *KAZAKH_NUMBER_ENDINGS)
                                        if word + ending not in _KAZAKH_WORDS_NOT_NUMBERS), value))
        elif value % 10 == 0 and value >= 20:
            tens.add(word)
    return frozenset(fold(word) for word in tens), {fold(word): value for word, value in units.items()}


# A number of tens and units in words is one figure, its words joined by a space or a hyphen: "сорок один
# случай" is "41 случай", "twenty-one" is 21. Read word by word it was 40 and a word ("один", "one" and "бір"
# are no figures alone), so "сорок один случай" -> "41 случай" looked like a changed figure with a word cut
# (held-out round 25).
_TENS, _UNITS = _tens_and_units()


# Hundreds join the tens and units after them ("триста сорок два" is 342), a half joins the number
# before it ("две с половиной" is 2.5), and a scale word multiplies it ("четырехсот тысяч" is 400000), as
# digits are read ("2,5", "400 тыс."): read word by word, "каждые две с половиной минуты" -> "каждые 2,5
# минуты" and "около четырехсот тысяч евро" -> "около 400 тыс. евро" looked like changed figures and were
# orphaned (held-out round 26).
_HUNDREDS = frozenset(fold(form) for value, forms in RUSSIAN_NUMBER_FORMS.items()
                      if value >= 100 and value % 100 == 0 for form in forms.split())
_HALF = re.compile(r" (?:с половиной|and a half|" + fold("жарым") + r")(?!\w)")
_HALF_OR_SCALE = re.compile(r"(?<!\w)(?:с половиной|and a half|" + fold("жарым") + r"|thousand|million|billion"
                            r"|тыс|млн|млрд|миллион|миллиард|" + fold("мың") + r")")


def _rank(word: str) -> int:
    """3 for hundreds, 2 for tens, 1 for units, 0 for any other word: a number's words fall in rank."""
    return 3 if word in _HUNDREDS else 2 if word in _TENS else 1 if word in _UNITS else 0


def _number_words(folded: str) -> list[tuple[int, int, str]]:
    """The number words, months and seasons of a folded text as (start, end, token), hundreds, tens
    and units read as one number with a half and a scale word after it."""
    found: list[tuple[int, int, str]] = []
    joins_at, last_rank = -1, 0  # where the last hundreds or tens word ended, and its rank
    for match in _WORD.finditer(folded):
        word = match.group()
        rank = _rank(word)
        if rank and rank < last_rank and joins_at == match.start() - 1 and folded[joins_at] in " -":
            start, _, value = found.pop()
            added = _UNITS[word] if rank == 1 else int(WORD_FIGURES[word])
            found.append((start, match.end(), str(int(value) + added)))
            joins_at, last_rank = (match.end(), rank) if rank > 1 else (-1, 0)
            continue
        if (token := WORD_FIGURES.get(word)) is not None:
            found.append((match.start(), match.end(), token))
            joins_at, last_rank = (match.end(), rank) if rank > 1 else (-1, 0)
        else:
            joins_at, last_rank = -1, 0
    if not found or not _HALF_OR_SCALE.search(folded):
        return found
    read = []
    for start, end, token in found:
        if token[:1].isdigit():
            number = token
            if (half := _HALF.match(folded, end)) is not None:
                number, end = f"{token}.5", half.end()
            power, scale_end = scale_after(folded, end)
            if power or number != token:
                token, end = figure_value(number, power), scale_end
        read.append((start, end, token))
    return read


# A Roman numeral of two letters or more from I, V and X ("II этап", "IV категория", "XIX век": values 2-39,
# centuries to XXI), whole between non-word characters, folded (lower case; the Kazakh "і" already
# folds to "i"), the Cyrillic "х" typed for the Latin "x" in ru/kk texts read as it. A lone letter is
# left out: "I" is the English pronoun, "v" and "x" stand for "versus" and "times" ("3 x 4"); and
# L, C, D, M too: "cm", "mm", "ml", "cv", "cc" are units and words far more often than numbers.
_ROMAN = re.compile(r"(?<!\w)[ivx\u0445]{2,}(?!\w)")
_ROMAN_WELL_FORMED = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def roman_figures(folded: str) -> list[tuple[int, str]]:
    """The Roman numerals of a folded text, each where it starts and as its value in digits ("xix" ->
    "19"): "III степень" -> "IV степень" changes a claim as "3" -> "4" does (held-out round 32)."""
    found = []
    for match in _ROMAN.finditer(folded):
        letters = match.group().replace("\u0445", "x")
        if _ROMAN_WELL_FORMED.fullmatch(letters) is None:
            continue  # "iiii", "vv", "iix": letters, not a numeral
        values = [_ROMAN_VALUES[letter] for letter in letters]
        value = sum(-value if value < following else value for value, following in zip(values, [*values[1:], 0], strict=True))
        found.append((match.start(), str(value)))
    return found


def word_figures(folded: str) -> list[tuple[int, str]]:
    """The figures written in words in a folded text, each where it starts and as the token of its
    meaning (the value of a number word, "month 3", "season autumn"); Roman numerals among them
    (`roman_figures`)."""
    found = [(start, token) for start, _, token in _number_words(folded)]
    found.extend(roman_figures(folded))
    found.extend((match.start(), _MULTIPLICATIVES[match.group()]) for match in _MULTIPLICATIVE.finditer(folded))
    found.extend((match.start(), "month 5") for match in _MAY.finditer(folded))
    found.extend((match.start(), _RUSSIAN_COMPOUND_PREFIXES[match.group("number")])
                 for match in _RUSSIAN_COMPOUND.finditer(folded))
    found.extend(_frequencies(folded))
    return found


def is_figure_word(word: str) -> bool:
    """Whether a folded word is a figure written in words (May aside: it needs its neighbours)."""
    return word in WORD_FIGURES


# The numbers among them (their folded words).
_NUMBER_WORDS = frozenset(word for word, token in WORD_FIGURES.items() if token[:1].isdigit())


def blank_number_words(folded: str, mark: str = "#") -> str:
    """The text with every number written in words replaced by `mark` ("three-day" -> "#-day"), as
    digits are when a claim is compared figures aside; months and seasons stay words."""
    folded = _RUSSIAN_COMPOUND.sub(mark, folded)  # "трехлетнюю" -> "#летнюю", as "three-year" -> "#-year"
    folded = _MULTIPLICATIVE.sub(f"в {mark} раза", folded)  # "втрое" -> "в # раза", as "в три раза"
    words = _WORD.findall(folded)
    if _NUMBER_WORDS.isdisjoint(words):
        return folded  # most claims: one pass in C, nothing to replace
    if _TENS.isdisjoint(words) and _HUNDREDS.isdisjoint(words) and not _HALF_OR_SCALE.search(folded):
        return _WORD.sub(lambda match: mark if match.group() in _NUMBER_WORDS else match.group(), folded)
    pieces, at = [], 0  # "сорок один случай" -> "# случай", as "41 случай"
    for start, end, token in _number_words(folded):
        if token[:1].isdigit():
            pieces += [folded[at:start], mark]
            at = end
    return "".join(pieces) + folded[at:]
