"""Numbers written as words become digits, so one figure reader serves both.

"twelve member states" is read as "12 member states", "более двух десятилетий" as "более 2
десятилетий", "жиырмадан астам" as "20-дан астам". Everything the digit reader knows (bounds, scales,
currencies, counted nouns, ranges, relative dates such as "3 years ago") then applies to words too.
`Rewritten` maps every position of the rewritten text back to the original, so spans stay offsets
into the text the curator highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzeu_desk.core.value_parsing.alphabet import has_kazakh_letters
from kzeu_desk.core.value_parsing.counted_words import KAZAKH_MEASURES
from kzeu_desk.core.value_parsing.ordinal_words import spelled_ordinal
from kzeu_desk.core.value_parsing.number_words import (
    ENGLISH_DEFINITE_BEFORE,
    ENGLISH_TIME_UNITS,
    ENGLISH_DOZEN,
    ENGLISH_HUNDRED,
    ENGLISH_ONLY_BEFORE_SCALE,
    ENGLISH_SCALES,
    ENGLISH_TENS,
    ENGLISH_UNITS,
    ENGLISH_SINGLE_MEASURES,
    KAZAKH_HUNDRED,
    KAZAKH_NUMBER_ENDINGS,
    KAZAKH_COLLECTIVE_CASE_ENDINGS,
    KAZAKH_COLLECTIVE_ENDINGS,
    KAZAKH_COLLECTIVE_WORDS,
    KAZAKH_ONE_OF_THEM,
    KAZAKH_NUMBER_WORDS,
    KAZAKH_AMBIGUOUS_WORDS,
    KAZAKH_BOUND_WORDS_AFTER,
    KAZAKH_ROUND_WORDS,
    KAZAKH_ONLY_BEFORE_SCALE,
    KAZAKH_PAIR_WORDS_AFTER,
    KAZAKH_SCALE_STEMS,
    KAZAKH_UNAMBIGUOUS_AFTER,
    RUSSIAN_BOUND_WORDS,
    RUSSIAN_HUNDRED_NOUN,
    RUSSIAN_NUMBER_WORDS,
    RUSSIAN_ONE,
    RUSSIAN_ONE_AND_A_HALF,
    RUSSIAN_LIMITING_WORDS,
    RUSSIAN_PAIR_NOUN_STEMS,
    RUSSIAN_SCALE_STEMS,
    RUSSIAN_TWO,
)

_WORD_RE = re.compile(r"[^\W\d_]+")
# Number words of one number are separated by a space or a hyphen ("twenty-five", "он екі").
_JOINER_RE = re.compile(r"[ \u00a0-]")
# Vulgar fractions as a figure's decimals ("4½" is 4.5); "½" is a word character to the patterns here.
_VULGAR_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75"}
_FRACTION_WORDS_AFTER = re.compile(
    r"(?:half|halves|thirds?|quarters?|fifths?|tenths?|трет|четверт|половин|(?:пят|десят)(?:ая|ую|ой|ых))", re.IGNORECASE)
# Every Kazakh number word with every ending it may carry, looked up in one step (most words of a
# text are tried).
_KAZAKH_FORMS = {
    **{f"{word}{ending}": (value, ending) for word, value in KAZAKH_NUMBER_WORDS.items() for ending in KAZAKH_NUMBER_ENDINGS},
    **{word: (value, "") for word, value in KAZAKH_NUMBER_WORDS.items()},
    # "екеуі", "үшеуін", "алтауы", "екеу", "бесеуге": a collective numeral, with its possessive or a case or
    # neither, read as it is written in digits ("2-еуі", "3-еуін", "6-ауы", "2-еу", "5-еуге"), so that the
    # figure reader knows it for a part of a whole named before.
    **{f"{word}{ending}": (value, word[-2:] + ending) for word, value in KAZAKH_COLLECTIVE_WORDS.items()
       for ending in (*KAZAKH_COLLECTIVE_ENDINGS["back" if word.endswith("ау") else "front"],
                      *KAZAKH_COLLECTIVE_CASE_ENDINGS["back" if word.endswith("ау") else "front"])},
    **{f"{KAZAKH_ONE_OF_THEM}{ending}": (1, "еу" + ending) for ending in KAZAKH_COLLECTIVE_ENDINGS["front"]},
}
# "оны" (him, it) and "онда" (there, then) are the pronoun "ол" far more often than ten with an ending: "Сенат
# оны желтоқсанда қарайды" read "10-ы желтоқсан" as 10 December. "онға", "оннан", "онның" stay numbers.
for _pronoun in ("оны", "онда"):
    del _KAZAKH_FORMS[_pronoun]
_KAZAKH_ROUND_FORMS = {
    **{f"{word}{ending}": (value, ending) for word, value in KAZAKH_ROUND_WORDS.items() for ending in KAZAKH_NUMBER_ENDINGS},
    **{word: (value, "") for word, value in KAZAKH_ROUND_WORDS.items()},
}


@dataclass(frozen=True, slots=True)
class _Token:
    word: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Reading:
    """Number words from token `first` up to (not including) `after`, read as `digits`."""

    first: int
    after: int
    digits: str


@dataclass(frozen=True)
class Rewritten:
    """A text with its number words replaced by digits, and the way back to the original offsets."""

    original: str
    text: str
    # (start in text, end in text, start in original, end in original) of each replacement, in order.
    replacements: tuple[tuple[int, int, int, int], ...] = ()

    def original_start(self, position: int) -> int:
        return self._original(position, at_end=False)

    def original_end(self, position: int) -> int:
        return self._original(position, at_end=True)

    def _original(self, position: int, *, at_end: bool) -> int:
        shift = 0
        for new_start, new_end, old_start, old_end in self.replacements:
            if position <= new_start:
                break
            if position < new_end:
                return old_end if at_end else old_start
            shift = old_end - new_end
        return position + shift


# "два с половиной раза", "екі жарым есе": a whole number and a half.
_HALF_AFTER = ("жарым",)
# A measure, bare or in a case (not possessive: "бір күні" is "one day, once"), after a lone "бір".
_KAZAKH_MEASURE_IN_A_CASE_RE = re.compile(
    rf"(?:{'|'.join(sorted(KAZAKH_MEASURES - {'ай', 'жыл', 'күн', 'түн'}, key=len, reverse=True))})"
    r"(?:ға|ге|қа|ке|да|де|та|те|дан|ден|тан|тен|нан|нен)?"
    # "ай", "жыл", "күн", "түн" only with a case ending ("бір айға созылады", lasts one month): bare they are
    # "once, one day" ("бір күн келеді") more often than a measure.
    r"|(?:айға|айда|айдан|жылға|жылда|жылдан|күнге|күнде|күннен|түнге|түнде"
    # An age: "бір жасқа толмаған" (under one year old), "бір жастан асқан".
    r"|жасқа|жаста|жастан)")
# ... or bare before a word that makes them a stretch of time: "бір ай ішінде" (within one month), "бір жыл бойы"
# (for one year), which no "once, one day" is followed by.
_BARE_MEASURES_OF_TIME = ("ай", "жыл", "күн", "түн")
_STRETCH_AFTER = ("ішінде", "бойы")
_RUSSIAN_HALF_AFTER = ("с", "половиной")


def _starts_a_range_of_two(text: str, tokens: list[_Token], index: int) -> bool:
    """"бір-екі күнде" (in a day or two), "бір–екі апта": "бір" before a dash and "екі" is a range's first end, as
    "екі-үш" is, not the article "бір"."""
    return index + 1 < len(tokens) and tokens[index + 1].word.lower() == "екі" and \
        text[tokens[index].end : tokens[index + 1].start] in ("-", "–", "‐")


def _with_half(text: str, tokens: list[_Token], reading: _Reading) -> _Reading:
    if not reading.digits.isdigit():
        return reading
    after = reading.after
    if _next_word(text, tokens, after) in _HALF_AFTER:
        return _Reading(reading.first, after + 1, f"{reading.digits}.5")
    if (_next_word(text, tokens, after), _next_word(text, tokens, after + 1)) == _RUSSIAN_HALF_AFTER:
        return _Reading(reading.first, after + 2, f"{reading.digits}.5")
    return reading


# "during the three-month period", "within the nine-month period", "the two-year programme": a number word hyphened to
# a unit of time in the singular is a span (an adjective of measure), after "the" too, not things already named (set
# 65, where the pane listed nothing for them).
_SPANS_HYPHENED = frozenset({"day", "week", "month", "year", "hour", "minute", "decade", "quarter", "night"})


def _a_span_hyphened_after(text: str, tokens: list[_Token], after: int) -> bool:
    return after < len(tokens) and text[tokens[after - 1].end:tokens[after].start] == "-" \
        and tokens[after].word.lower() in _SPANS_HYPHENED


def rewrite_number_words(text: str) -> Rewritten:
    tokens = [_Token(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    kazakh = has_kazakh_letters(text)
    readings: list[_Reading] = []
    index = 0
    while index < len(tokens):
        if (fraction := _VULGAR_FRACTIONS.get(tokens[index].word)) is not None:
            # "about 4½ percent", "7¾ percent of GDP": a whole number and a vulgar fraction glued to it ("½" alone is
            # half of one); thirds are left alone, their decimals would read as thousands.
            glued = tokens[index].start > 0 and text[tokens[index].start - 1].isdigit()
            readings.append(_Reading(index, index + 1, fraction if glued else "0" + fraction))
            index += 1
            continue
        if kazakh and _kazakh_fraction_at(text, tokens, index):
            index += 2  # "үштен екісі" is a share, read by the fraction reader as it is written
            continue
        if kazakh and tokens[index].word.lower() == "бір" and (
                _next_word(text, tokens, index + 1) in _HALF_AFTER
                or _KAZAKH_MEASURE_IN_A_CASE_RE.fullmatch(_next_word(text, tokens, index + 1))
                or (_next_word(text, tokens, index + 1) in _BARE_MEASURES_OF_TIME
                    and _next_word(text, tokens, index + 2) in _STRETCH_AFTER)
                or _starts_a_range_of_two(text, tokens, index)):
            # "бір жарым есе": one and a half; "бір тәулікке қысқарады" (shortens to one day): one of a measure.
            reading: _Reading | None = _Reading(index, index + 1, "1")
        elif kazakh and tokens[index].word.lower() == "жарты" and \
                _KAZAKH_MEASURE_IN_A_CASE_RE.fullmatch(_next_word(text, tokens, index + 1)) and \
                not _next_word(text, tokens, index + 1).startswith(("ай", "жыл", "күн", "түн", "ғасыр", "онжылдық")):
            # "жарты гектардан бір гектарға дейін", "жарты сағатта": half of a measure ("жарты жыл" is a
            # half-year, read with the year's halves; "жарты ғасыр" 50 years, as word_figures reads it;
            # "жартысы" a share).
            reading = _Reading(index, index + 1, "0.5")
        else:
            reading = (_read_english(text, tokens, index) or _read_russian(text, tokens, index)
                       or _read_kazakh(text, tokens, index, kazakh_text=kazakh))
        if reading is None:
            index += 1
            continue
        reading = _with_half(text, tokens, reading)
        readings.append(reading)
        index = reading.after
    if not readings:
        return Rewritten(text, text)
    pieces: list[str] = []
    replacements: list[tuple[int, int, int, int]] = []
    cursor = 0
    length = 0
    for reading in readings:
        old_start, old_end = tokens[reading.first].start, tokens[reading.after - 1].end
        pieces.append(text[cursor:old_start])
        length += old_start - cursor
        pieces.append(reading.digits)
        replacements.append((length, length + len(reading.digits), old_start, old_end))
        length += len(reading.digits)
        cursor = old_end
    pieces.append(text[cursor:])
    return Rewritten(text, "".join(pieces), tuple(replacements))


def _joined(text: str, tokens: list[_Token], index: int) -> bool:
    """Whether token `index` follows token `index - 1` as part of the same written number."""
    gap = text[tokens[index - 1].end : tokens[index].start]
    return len(gap) == 1 and _JOINER_RE.fullmatch(gap) is not None


def _next_word(text: str, tokens: list[_Token], index: int) -> str:
    """Token `index` in lower case when only spaces or a hyphen part it from the token before, else ""."""
    if index >= len(tokens) or text[tokens[index - 1].end : tokens[index].start].strip(" \u00a0-"):
        return ""
    return tokens[index].word.lower()


def _previous_word(tokens: list[_Token], index: int) -> str:
    return tokens[index - 1].word.lower() if index > 0 else ""


def _fraction_follows(text: str, tokens: list[_Token], after: int) -> bool:
    return _FRACTION_WORDS_AFTER.match(_next_word(text, tokens, after)) is not None


# -- English ---------------------------------------------------------------------------------


# Words of approximation (and "almost") before "a" and a measure: "about a week" is about one week.
_APPROXIMATING_BEFORE_A = ("about", "around", "roughly", "approximately", "nearly", "almost")


def _read_english(text: str, tokens: list[_Token], first: int) -> _Reading | None:
    word = tokens[first].word.lower()
    if not word.isascii():
        return None
    if word == "half" and _next_word(text, tokens, first + 1) == "a" and \
            _next_word(text, tokens, first + 2) in ENGLISH_SCALES:
        return _Reading(first, first + 2, "0.5")  # "half a million tonnes"
    if word in ENGLISH_UNITS and (half_end := _and_a_half(text, tokens, first + 1)) is not None:
        # "one and a half times", "two and a half years": the whole and the half.
        return _Reading(first, half_end, f"{ENGLISH_UNITS[word]}.5")
    if word in ENGLISH_ONLY_BEFORE_SCALE:
        following = _next_word(text, tokens, first + 1)
        if following in _HALVED_MEASURES and (half_end := _and_a_half(text, tokens, first + 2)) is not None:
            # "a year and a half after it was signed": one and a half of the measure.
            return _Reading(first, half_end, f"1.5 {following}s")
        if word in ("a", "an"):
            # ("more than a decade" is over ten years, as "a decade" alone is ten: `word_figures` reads it.)
            if following in ENGLISH_SINGLE_MEASURES and following not in ("quarter", "decade") and \
                    _previous_word(tokens, first) in ("than", "within", *_APPROXIMATING_BEFORE_A):
                # "longer than a year", "less than a month"; "within a year" is a time limit as "within two years" is
                # (a span with no event named, a ceiling when one is: "within a month of the ruling"); "about a week",
                # "nearly a month" are one measure, approximate (set 77's dental trips read nothing).
                return _Reading(first, first + 1, "1")
            if following == ENGLISH_DOZEN:
                return _Reading(first, first + 2, "12")
            if following == ENGLISH_HUNDRED:
                return _english_after_hundred(text, tokens, first, first + 2, 100)
            if following in ENGLISH_SCALES:
                return _Reading(first, first + 1, "1")
            return None
        if word == "one" and following in ENGLISH_SINGLE_MEASURES:
            return _Reading(first, first + 1, "1")  # "for a period of one year"
        if word == "one" and following in ("to", "or") and \
                _next_word(text, tokens, first + 2) in (*ENGLISH_UNITS, *ENGLISH_TENS) and \
                _next_word(text, tokens, first + 2) != "one":
            return _Reading(first, first + 1, "1")  # "one to two notches", "one or two days": a range's start
        if following not in (ENGLISH_HUNDRED, *ENGLISH_SCALES):
            return None
    if word not in ENGLISH_UNITS and word not in ENGLISH_TENS:
        return None
    value, after = _english_below_hundred(text, tokens, first)
    if _next_word(text, tokens, after) in (ENGLISH_DOZEN, ENGLISH_DOZEN + "s") and _joined(text, tokens, after):
        return _Reading(first, after + 1, str(value * 12))  # "two dozen firms"
    if _previous_word(tokens, first) in ENGLISH_DEFINITE_BEFORE and \
            _next_word(text, tokens, after) not in ENGLISH_TIME_UNITS and \
            not _a_span_hyphened_after(text, tokens, after) and \
            not _is_superlative(_next_word(text, tokens, after)) and \
            _previous_word(tokens, first - 1) not in ("of", "among") and \
            "ones" not in (_next_word(text, tokens, after), _next_word(text, tokens, after + 1)) and \
            not _a_named_whole_after(text, tokens, after):
        # ("two of the five states", "one in four of the twelve": the whole a part is taken from is a figure;
        # "the twelve new ones" after "grows from 50 to 62 codes" says how many were added.)
        return None  # "the two sides" names things already named; "the eight months of 2022" a period

    if _next_word(text, tokens, after) == ENGLISH_HUNDRED and _joined(text, tokens, after):
        return _english_after_hundred(text, tokens, first, after + 1, value * 100)
    if _fraction_follows(text, tokens, after):
        return None
    return _Reading(first, after, str(value))


def _a_named_whole_after(text: str, tokens: list[_Token], after: int) -> bool:
    """"the five countries of Central Asia", "the 12 regions of Kazakhstan": the noun with the name of what it
    is all of counts, unlike "the two sides", which names things already named."""
    noun = _next_word(text, tokens, after)
    # (A plural noun after a space: "the twenty-first of May" is a day, its "first" no noun.)
    if not noun.endswith("s") or "-" in text[tokens[after - 1].end:tokens[after].start] or \
            _next_word(text, tokens, after + 1) not in ("of", "in"):
        return False
    name = after + 3 if _next_word(text, tokens, after + 2) == "the" else after + 2
    return name < len(tokens) and _next_word(text, tokens, name) != "" and tokens[name].word[:1].isupper()


_HALVED_MEASURES = frozenset({"year", "month", "week", "day", "hour", "decade", "century"})


def _and_a_half(text: str, tokens: list[_Token], after: int) -> int | None:
    """The token index after "and a half" when it starts at `after`, else None."""
    if after + 2 >= len(tokens) or not all(_joined(text, tokens, index) for index in range(after, after + 3)):
        return None
    if [token.word.lower() for token in tokens[after:after + 3]] != ["and", "a", "half"]:
        return None
    return after + 3


def _english_below_hundred(text: str, tokens: list[_Token], first: int) -> tuple[int, int]:
    word = tokens[first].word.lower()
    if word in ENGLISH_TENS:
        following = first + 1
        if following < len(tokens) and _joined(text, tokens, following):
            unit = ENGLISH_UNITS.get(tokens[following].word.lower())
            if unit is not None and unit < 10:
                return ENGLISH_TENS[word] + unit, following + 1
        return ENGLISH_TENS[word], first + 1
    return ENGLISH_UNITS[word], first + 1


# "-est" words that are no superlatives.
_NOT_SUPERLATIVES = frozenset({"interest", "forest", "request", "harvest", "contest", "protest", "invest", "digest",
                               "arrest", "west", "test", "rest", "nest", "best"})


def _is_superlative(word: str | None) -> bool:
    """"the two oldest units", "the three largest banks": a selection by rank is a count, unlike "the two
    sides", which names things already named."""
    # ("the ten worst-leaking sites": "worst" is the superlative of "bad", as "largest" is of "large".)
    return word is not None and (word in ("most", "worst") or (len(word) >= 5 and word.endswith("est")
                                                                and word not in _NOT_SUPERLATIVES))


def _english_after_hundred(text: str, tokens: list[_Token], first: int, after: int, value: int) -> _Reading:
    """"three hundred", "a hundred and twenty": the tens and units that may follow "hundred"."""
    following = after
    if _next_word(text, tokens, following) == "and" and following + 1 < len(tokens):
        following += 1
    word = _next_word(text, tokens, following)
    if word in ENGLISH_UNITS or word in ENGLISH_TENS:
        rest, rest_after = _english_below_hundred(text, tokens, following)
        return _Reading(first, rest_after, str(value + rest))
    return _Reading(first, after, str(value))


# -- Russian ---------------------------------------------------------------------------------


_RUSSIAN_TENS_NOUN = ("десяток", "десятка", "десятков", "десятке", "десятками")
_RUSSIAN_TEN_OR_DOZEN = frozenset({"десяток", "десятка", "десятку", "дюжина", "дюжину", "дюжины"})
_RUSSIAN_SCALE_ALONE = frozenset({"миллион", "миллиард", "триллион", "тысяча", "тысячу"})


def _read_russian(text: str, tokens: list[_Token], first: int) -> _Reading | None:
    word = tokens[first].word.lower()
    if word in RUSSIAN_ONE_AND_A_HALF:
        if _next_word(text, tokens, first + 1) in _RUSSIAN_TENS_NOUN and _joined(text, tokens, first + 1):
            return _Reading(first, first + 2, "15")  # "полтора десятка компаний": fifteen
        return _Reading(first, first + 1, "1,5")
    if word.startswith(("полмиллион", "полмиллиард")):
        return _Reading(first, first + 1, f"0,5 {tokens[first].word[3:]}")  # "полмиллиона тонн"
    if word.startswith(("полумиллион", "полумиллиард")):
        return _Reading(first, first + 1, f"0,5 {tokens[first].word[4:]}")  # "до полумиллиарда долларов"
    if word in RUSSIAN_HUNDRED_NOUN and (word in ("сотня", "сотню") or _previous_word(tokens, first) in RUSSIAN_BOUND_WORDS):
        # "около сотни законов" (about a hundred laws); "сотни законов" alone is "hundreds of laws".
        return _Reading(first, first + 1, "100")
    if word in _RUSSIAN_TEN_OR_DOZEN and (word in ("десяток", "дюжина", "дюжину")
                                          or _previous_word(tokens, first) in RUSSIAN_BOUND_WORDS):
        # "не меньше десятка заводов" (at least ten), "дюжина покупателей" (twelve); "десятки" and
        # "дюжины компаний" alone are "tens", "dozens".
        return _Reading(first, first + 1, "12" if word.startswith("дюжин") else "10")
    if word in _RUSSIAN_SCALE_ALONE and not text[:tokens[first].start].rstrip()[-1:].isdigit() \
            and _previous_word(tokens, first) not in RUSSIAN_NUMBER_WORDS \
            and _kazakh_word(_previous_word(tokens, first)) is None and _previous_word(tokens, first) != "жарты":
        # "почти миллион тонн", "около тысячи" is not this: a scale said alone in the singular is one of it.
        return _Reading(first, first + 1, f"1 {tokens[first].word}")
    if word in ("тысячи", "миллиона", "миллиарда") and _previous_word(tokens, first) in RUSSIAN_BOUND_WORDS \
            and not text[:tokens[first].start].rstrip()[-1:].isdigit():
        # "более тысячи делегатов": over a thousand; "свыше 41 тысячи заявлений" is the scale of its figure (41,000).
        return _Reading(first, first + 1, f"1 {tokens[first].word}")
    if word not in RUSSIAN_NUMBER_WORDS:
        return None
    total, after, last = RUSSIAN_NUMBER_WORDS[word], first + 1, RUSSIAN_NUMBER_WORDS[word]
    while after < len(tokens) and _joined(text, tokens, after):
        value = RUSSIAN_NUMBER_WORDS.get(tokens[after].word.lower())
        if value is None or value >= _magnitude(last):
            break
        total, last, after = total + value, value, after + 1
    following = _next_word(text, tokens, after)
    if total >= 20 and total % 10 == 0 and after < len(tokens) and _joined(text, tokens, after) and \
            (ordinal := spelled_ordinal(following)) is not None and ordinal < 10:
        return None  # "двадцать второго выпуска": the tens of a compound ordinal, read with it as the 22nd
    if following in _RUSSIAN_TENS_NOUN and _joined(text, tokens, after):
        return _Reading(first, after + 1, str(total * 10))  # "два десятка", "около двух десятков компаний"
    if after == first + 1 and word in RUSSIAN_ONE and not following.startswith(RUSSIAN_SCALE_STEMS) and not (
            _previous_word(tokens, first) == "от" and following == "до") and not (
            _previous_word(tokens, first) in RUSSIAN_BOUND_WORDS and following.startswith(_RUSSIAN_TIME_STEMS)):
        # ("от одного до трех месяцев": one is the range's start; "до одного года", "более одной недели": one of a
        # time bounded, as "до двух лет" is two.)
        return None
    if after == first + 1 and word in RUSSIAN_TWO and following.startswith(RUSSIAN_PAIR_NOUN_STEMS) \
            and _previous_word(tokens, first) not in RUSSIAN_LIMITING_WORDS:
        return None
    if _fraction_follows(text, tokens, after):
        return None
    return _Reading(first, after, str(total))



# The time a bound word may put on "one": "до одного года" (under a year), "более одного месяца", "менее одних суток".
_RUSSIAN_TIME_STEMS = ("год", "месяц", "недел", "дн", "сут", "час", "минут", "век")

def _magnitude(value: int) -> int:
    """The place a component fills: a following component must be smaller (сто двадцать пять)."""
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    return magnitude


# -- Kazakh ----------------------------------------------------------------------------------


def _kazakh_word(word: str) -> tuple[int, str] | None:
    """A Kazakh number word with the case ending it carries, if any: "жиырмадан" -> (20, "дан")."""
    return _KAZAKH_FORMS.get(word.lower())


def _kazakh_fraction_at(text: str, tokens: list[_Token], index: int) -> bool:
    """"үштен бірі", "төрттен үші": a number in the ablative, then the number of parts taken."""
    read = _kazakh_word(tokens[index].word)
    if read is None or read[1] not in ("ден", "дан", "тен", "тан", "нен", "нан"):
        return False
    following = _next_word(text, tokens, index + 1)
    if not following.startswith(("бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")):
        return False
    # The parts taken are fewer than the whole ("үштен бірі", "үштен бірге" by a third); "екіден төртке дейін" (from two
    # to four) is a change, no fraction.
    taken = _kazakh_word(following)
    return taken is None or taken[0] < read[0]


def _kazakh_round(word: str) -> tuple[int, str] | None:
    """"жүз", "жүзден", "мыңнан": a hundred or a thousand said alone, with its case ending."""
    return _KAZAKH_ROUND_FORMS.get(word.lower())


_ORDINAL_ENDINGS = ("інші", "ыншы", "нші", "ншы", "-ші", "-шы")
# "жүз" before a noun is a hundred ("жүз стипендия", "жүз оқытушы қатысты"); it is also a face, the
# stem of "swim" and, after "Ұлы/Орта/Кіші", one of the three hordes, and before a verb it is no number.
_HORDE_WORDS = frozenset({"ұлы", "орта", "кіші"})
_KAZAKH_VERB_ENDING_RE = re.compile(r"(?:ды|ді|ты|ті|ған|ген|қан|кен|ады|еді|йды|йді|ып|іп|у)$")


def _a_hundred_of(tokens: list[_Token], first: int, next_word: str) -> bool:
    return (re.fullmatch(r"[а-яәіңғүұқөһ]{3,}", next_word) is not None
            and _KAZAKH_VERB_ENDING_RE.search(next_word) is None
            and (first == 0 or _previous_word(tokens, first) not in _HORDE_WORDS))


def _read_kazakh(text: str, tokens: list[_Token], first: int, *, kazakh_text: bool) -> _Reading | None:
    if tokens[first].word.lower() in KAZAKH_AMBIGUOUS_WORDS and not kazakh_text:
        following = _next_word(text, tokens, first + 1)
        if _kazakh_word(following) is None and not following.startswith(KAZAKH_UNAMBIGUOUS_AFTER):
            return None
    if tokens[first].word.lower() == "жарты" and _next_word(text, tokens, first + 1).startswith(KAZAKH_SCALE_STEMS):
        return _Reading(first, first + 1, "0,5")  # "жарты миллион тонна"
    read = _kazakh_word(tokens[first].word)
    if read is not None and read[0] == 90 and first > 0 and _previous_word(tokens, first).endswith(_ORDINAL_ENDINGS):
        return None  # "екінші тоқсанда": "тоқсан" after an ordinal is a quarter of the year, not ninety
    round_first = _kazakh_round(tokens[first].word)
    hundred_first = round_first is not None and round_first[0] == 100
    if read is None and round_first is None:
        return None
    if read is None and round_first is not None and round_first[0] == 1000:
        # "мыңнан астам компания": a thousand said alone is a figure only with a bound after it.
        if not (kazakh_text and _next_word(text, tokens, first + 1).startswith(KAZAKH_BOUND_WORDS_AFTER)):
            return None
        before = text[:tokens[first].start].rstrip()
        if before[-1:].isdigit() or (first > 0 and _joined(text, tokens, first)
                                     and (_kazakh_word(tokens[first - 1].word) is not None
                                          or _previous_word(tokens, first) in _HALF_AFTER)):
            return None  # "3 мыңнан астам", "бес мыңнан", "бір жарым мыңнан": the scale of the number before it
        value, ending = round_first
        return _Reading(first, first + 1, f"{value}-{ending}" if ending else str(value))
    total, ending = (round_first or (100, "")) if read is None else read
    last, after = total, first + 1
    while not ending and after < len(tokens) and _joined(text, tokens, after):
        word = tokens[after].word.lower()
        hundred = _kazakh_round(word)
        if hundred is not None and hundred[0] == 100 and last < 10:
            total, last, after = total - last + last * 100, 100, after + 1
            ending = hundred[1]
            continue
        next_reading = _kazakh_word(word)
        if next_reading is None or next_reading[0] >= _magnitude(last):
            break
        value, ending = next_reading
        total, last, after = total + value, value, after + 1
    next_word = _next_word(text, tokens, after)
    single = after == first + 1
    if single and hundred_first and ending:
        # "жүзден астам сарапшы", "жүзге жуық": a hundred alone, in a case, is a figure before a bound.
        if not (kazakh_text and next_word.startswith(KAZAKH_BOUND_WORDS_AFTER)):
            return None
    elif single and (hundred_first or tokens[first].word.lower() in KAZAKH_ONLY_BEFORE_SCALE or
                     (read is not None and read[0] == 1 and not ending.startswith("еу"))):
        # ("біреуі", one of them, is a part as "екеуі" is, not the article "бір".)
        if ending or not (next_word.startswith((*KAZAKH_SCALE_STEMS, KAZAKH_HUNDRED))
                          or (hundred_first and kazakh_text and _a_hundred_of(tokens, first, next_word))):
            return None
    if single and total == 2 and not ending and next_word in KAZAKH_PAIR_WORDS_AFTER:
        return None
    return _Reading(first, after, f"{total}-{ending}" if ending else str(total))
