"""Ordinals that number a member of a series: "the fifth round", "the 21st meeting", "Двадцать первое
заседание", "20-е заседание", "он төртінші раунды", "5-ші отырыс".

A curator records which member it is as a count of the series' noun ("count 5 round"): English
singular as written, Russian in the text's form, Kazakh without its endings. An ordinal is read
only before one of the nouns of a series (`ordinal_words`), with names and adjectives allowed
between ("The third EU–Central Asia Economic Forum"): "the third quarter", "пятую часть", "for the
first time", "каждый пятый" and "Second World War" are periods, shares and names, read elsewhere or
not at all. "First" alone is not read ("the first summit of its kind" rarely states a number); in a
compound it is ("twenty-first", "двадцать первое", "жиырма бірінші").

`scan_ordinals` returns the counts and the text with the ordinals blanked, so the cardinal readers
after it do not read "Двадцать" of "Двадцать первое" as twenty, or "20" of "20-е заседание".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kzeu_desk.core.value_parsing.alphabet import has_kazakh_letters
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.candidates import Candidate, Salience
from kzeu_desk.core.value_parsing.counted_nouns import kazakh_noun_named
from kzeu_desk.core.value_parsing.counted_words import (
    ENGLISH_ADJECTIVE_ENDINGS,
    ENGLISH_ADJECTIVES,
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_MEASURES,
    RUSSIAN_ADJECTIVE_ENDINGS,
)
from kzeu_desk.core.value_parsing.number_words import (
    ENGLISH_TENS,
    KAZAKH_NUMBER_WORDS,
    RUSSIAN_NUMBER_WORDS,
)
from kzeu_desk.core.value_parsing.ordinal_words import (
    ALREADY_WORDS,
    NOT_SERIES_NOUNS,
    POSSESSIVE_WORDS,
    ENGLISH_SERIES_MODIFIERS,
    ENGLISH_SERIES_NOUNS,
    EVERY_WORDS,
    KAZAKH_ADJECTIVE_ENDINGS,
    KAZAKH_DIGIT_ORDINAL_ENDINGS,
    KAZAKH_NOT_SERIES_AFTER_STEM,
    KAZAKH_ORDINALS,
    KAZAKH_SERIES_STEMS,
    RUSSIAN_DIGIT_ORDINAL_ENDINGS,
    RUSSIAN_POSSESSIVE_PRONOUN_RE,
    RUSSIAN_SERIES_STEMS,
    spelled_ordinal,
)

# Digits with an ordinal ending, words (hyphenated or with an apostrophe), dashes, other marks.
# An English grade after a hyphen ("severity-1", "tier-2", "Category-4") is one word: a modifier before the noun.
_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:st|nd|rd|th)(?![\w])|\d+(?:st|nd|rd|th)(?![\w])|\d+-[^\W\d_]+"
                       r"|[A-Za-z]+-\d{1,2}(?![\w-])|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[–—-]|[^\s\w]|\d+")
_ENGLISH_GRADE_RE = re.compile(r"[A-Za-z]+-\d{1,2}")
_ENGLISH_DIGIT_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)")
_DIGIT_ENDING_RE = re.compile(r"(\d+)-([^\W\d_]+)")
_DASHES = frozenset({"–", "—", "-"})
# Between an ordinal and its noun: at most this many names and adjectives ("EU–Central Asia Economic").
_MOST_WORDS_BETWEEN = 5
# "Третий по счету фестиваль": "по счету" (counted in order) only says an ordinal numbers a series.
_IN_A_ROW_WORDS = frozenset({"по", "счету", "счёту"})


@dataclass(frozen=True, slots=True)
class _Token:
    word: str
    start: int
    end: int


def scan_ordinals(text: str) -> tuple[list[Candidate], str]:
    """The ordinals of `text` read as counts, and `text` with their words blanked (same length)."""
    tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    kazakh = has_kazakh_letters(text)
    found: list[Candidate] = []
    blanked = list(text)
    index = 0
    while index < len(tokens):
        read = _ordinal_at(tokens, index)
        if read is None:
            if kazakh and (part := _kazakh_ordinal_of_a_plural(tokens, index)) is not None:
                found.append(Candidate(part, tokens[index].start, tokens[index].end, Salience.ORDINAL))
                blanked[tokens[index].start:tokens[index].end] = " " * (tokens[index].end - tokens[index].start)
            index += 1
            continue
        if not _may_number_a_series(text, tokens, index):
            index = read[1]  # the whole ordinal: "әрбір он екінші" is every twelfth, not "екінші" after "он"
            continue
        value, after = read
        noun = _series_noun(tokens, after, kazakh=kazakh) or _milestone_noun(tokens, index, after, value) \
            or _noun_after_already(tokens, index, after)
        if noun is None:
            index = after
            continue
        unit, noun_index = noun
        start, ordinal_end = tokens[index].start, tokens[after - 1].end
        count = TypedValue(kind=ValueKind.COUNT, amount=float(value), unit=unit)
        found.append(Candidate(count, start, tokens[noun_index].end, Salience.ORDINAL))
        blanked[start:ordinal_end] = " " * (ordinal_end - start)
        index = noun_index + 1
    return found, "".join(blanked)


# "келісімдердің үшіншісін" (the third of the agreements): an ordinal in the possessive, after a plural genitive.
_KAZAKH_POSSESSIVE_AFTER_ORDINAL_RE = re.compile(r"(?:сі|сы)(?:н|не|на|нде|нда|нен|нан|мен)?")
_KAZAKH_PLURAL_GENITIVE_RE = re.compile(r"[а-яёәіңғүұқөһ]{3,}(?:лар|лер|дар|дер|тар|тер|ер)(?:дың|дің|тың|тің|ның|нің)")


def _kazakh_ordinal_of_a_plural(tokens: list[_Token], index: int) -> TypedValue | None:
    """"Мәжіліс келісімдердің үшіншісін ратификациялады": the N-th of the plural named right before, counted
    in its noun as "the third agreement" is (`count 3 келісім`)."""
    if index == 0 or not _KAZAKH_PLURAL_GENITIVE_RE.fullmatch(tokens[index - 1].word.lower()):
        return None
    word = tokens[index].word.lower()
    value = next((KAZAKH_ORDINALS[word[:cut]] for cut in range(len(word) - 2, 3, -1)
                  if word[:cut] in KAZAKH_ORDINALS and _KAZAKH_POSSESSIVE_AFTER_ORDINAL_RE.fullmatch(word[cut:])), None)
    if value is None or value < 2:
        return None
    named = kazakh_noun_named(tokens[index - 1].word)
    if named is None or named.is_measure:
        return None
    return TypedValue(kind=ValueKind.COUNT, amount=float(value), unit=named.unit)


def _milestone_noun(tokens: list[_Token], index: int, after: int, value: int) -> tuple[str, int] | None:
    """"its 1,000th locomotive", "the 500th bus": a round ordinal in digits numbers any thing it comes
    before, as a series noun does (a small one, "the 5th largest", may rank instead)."""
    if value < 100 or value % 50 or after >= len(tokens):
        return None
    word = tokens[after].word
    if not tokens[index].word[0].isdigit():
        # "тысячный комбайн", "the thousandth visitor": a round ordinal in words numbers its noun as well.
        return _plain_noun(tokens, after)
    if not _ENGLISH_DIGIT_RE.fullmatch(tokens[index].word):
        return None
    if not re.fullmatch(r"[a-z]{3,}", word) or (word.endswith("s") and not word.endswith(("us", "ss", "is"))) \
            or word in ENGLISH_FUNCTION_WORDS \
            or word in ENGLISH_ADJECTIVES:
        return None
    return word, after


def _noun_after_already(tokens: list[_Token], index: int, after: int) -> tuple[str, int] | None:
    """"Это уже пятый спор", "already the fifth dispute": after "already" an ordinal counts how many there
    have been of the noun after it."""
    if index and (tokens[index - 1].word.lower() in POSSESSIVE_WORDS
                  or tokens[index - 1].word.lower().endswith(("'s", "’s"))) and after < len(tokens):
        while after + 1 < len(tokens) and _ENGLISH_GRADE_RE.fullmatch(tokens[after].word):
            after += 1  # "our second severity-2 outage": the grade describes the noun after it
        noun = _plain_noun(tokens, after)  # "the agency's fourth transaction", "its third loan"
        return _with_its_compound_head(tokens, noun) if noun is not None else None
    before = index - 1
    if before >= 0 and tokens[before].word.lower() == "the":
        before -= 1
    if before >= 0 and tokens[before].word.lower() == "уже" and before and tokens[before - 1].word.lower() == "это":
        before -= 1
    if before < 0 or tokens[before].word.lower() not in ALREADY_WORDS or after >= len(tokens):
        return None
    if RUSSIAN_POSSESSIVE_PRONOUN_RE.fullmatch(tokens[after].word.lower()) and after + 1 < len(tokens):
        after += 1  # "Это уже пятая наша поездка": the possessive qualifies the noun after it
    return _plain_noun(tokens, after)


# What may end an English noun phrase after its head: a preposition, a relative word or a verb of being.
_ENDS_AN_ENGLISH_NOUN_PHRASE = frozenset({"in", "of", "on", "at", "for", "with", "since", "that", "which", "was",
                                          "is", "will", "to", "has", "had", "were", "are", "from", "by"})
# English words of four or more letters that _plain_noun would take for a noun but that are no head of a compound.
_NO_ENGLISH_COMPOUND_HEAD = frozenset({"this", "these", "those", "their", "there", "then", "also", "ever", "just",
                                       "last", "next", "such", "very", "over", "worth", "near", "since", "from", "into"})


def _with_its_compound_head(tokens: list[_Token], noun: tuple[str, int]) -> tuple[str, int]:
    """`noun` with the English noun after it when the two make one compound the ordinal numbers ("its 41st member
    state", "the band's third stadium tour"; sets 71's), as a count keeps the nouns of its compound: the second noun
    must end the noun phrase (punctuation, the text's end, a preposition or a verb of being after it)."""
    word, index = noun
    following = index + 1
    if not word.isascii() or following >= len(tokens):
        return noun
    head = tokens[following].word
    if head.lower() in _NO_ENGLISH_COMPOUND_HEAD or head.lower() in ENGLISH_MEASURES or \
            re.fullmatch(r"[a-z]{3,}(?:ed|ing|ly)", head) or _plain_noun(tokens, following) is None:
        return noun
    after = following + 1
    if after < len(tokens) and not re.fullmatch(r"[^\w\s]", tokens[after].word) and \
            tokens[after].word.lower() not in _ENDS_AN_ENGLISH_NOUN_PHRASE:
        return noun
    return f"{word} {head}", following


def _plain_noun(tokens: list[_Token], index: int) -> tuple[str, int] | None:
    """The noun at token `index` as written, when it is one: a lower-case word that is no adjective,
    function word or plural (a member of a series is one thing)."""
    word = tokens[index].word
    lowered = word.lower()
    if word != lowered or len(word) < 3 or not word.isalpha() or lowered in NOT_SERIES_NOUNS:
        return None
    if lowered.isascii():
        # (A short word is no adjective for its ending: "deal", "bid".)
        if lowered in ENGLISH_FUNCTION_WORDS or lowered in ENGLISH_ADJECTIVES or (len(lowered) > 5 and lowered.endswith(
                ENGLISH_ADJECTIVE_ENDINGS)) or (lowered.endswith("s") and not lowered.endswith(("us", "ss", "is"))):
            return None
        return word, index
    return None if lowered.endswith(RUSSIAN_ADJECTIVE_ENDINGS) else (word, index)


def _may_number_a_series(text: str, tokens: list[_Token], index: int) -> bool:
    if index > 0 and tokens[index - 1].word.lower() in EVERY_WORDS:
        return False  # "каждый пятый проект", "әрбір бесінші": a share
    # "в-пятых" (fifthly) is written with a hyphen before the ordinal.
    return not text[:tokens[index].start].endswith("-")


def _ordinal_at(tokens: list[_Token], index: int) -> tuple[int, int] | None:
    """(value, index after the ordinal) when an ordinal starts at token `index`."""
    word = tokens[index].word
    if word[0].isdigit():
        value = _digit_ordinal(word)
        return None if value is None or value < 2 else (value, index + 1)
    cardinal, after = 0, index
    while after < len(tokens) and (part := _cardinal(tokens[after].word)) is not None:
        cardinal, after = cardinal + part, after + 1
    if after >= len(tokens):
        return None
    ordinal = spelled_ordinal(tokens[after].word)
    if ordinal is None or ordinal + cardinal < 2 or (cardinal and ordinal >= 10 and cardinal < 100):
        return None
    return ordinal + cardinal, after + 1


def _digit_ordinal(word: str) -> int | None:
    if (english := _ENGLISH_DIGIT_RE.fullmatch(word)) is not None:
        return int(english.group(1).replace(",", ""))
    if (ending := _DIGIT_ENDING_RE.fullmatch(word)) is not None:
        suffix = ending.group(2).lower()
        if suffix in RUSSIAN_DIGIT_ORDINAL_ENDINGS or suffix in KAZAKH_DIGIT_ORDINAL_ENDINGS:
            return int(ending.group(1))
    return None


@lru_cache(maxsize=8192)  # (asked for every word, as `spelled_ordinal` is)
def _cardinal(word: str) -> int | None:
    """A tens or hundreds word that may open a compound ordinal ("двадцать", "жиырма", "twenty")."""
    lowered = word.lower()
    value = ENGLISH_TENS.get(lowered) or RUSSIAN_NUMBER_WORDS.get(lowered) or KAZAKH_NUMBER_WORDS.get(lowered)
    if value is None or value < 10 or value % 10:
        return None  # "пять первых" is no compound ordinal: only tens and hundreds open one
    return value


def _series_noun(tokens: list[_Token], after: int, *, kazakh: bool) -> tuple[str, int] | None:
    """The series noun the ordinal numbers, as the unit, and its token index."""
    for index in range(after, min(after + _MOST_WORDS_BETWEEN + 1, len(tokens))):
        word = tokens[index].word
        lowered = word.lower()
        if lowered in ENGLISH_SERIES_NOUNS and not (lowered in ENGLISH_SERIES_MODIFIERS and index + 1 < len(tokens)
                                                    and tokens[index + 1].word.lower() in ENGLISH_SERIES_NOUNS):
            return lowered, index  # ("its 147th Plenary Session": "plenary" qualifies the session after it)
        if not lowered.isascii():
            if kazakh and (stem := _kazakh_series_stem(lowered)) is not None:
                return stem, index
            if not kazakh and _is_russian_series_noun(lowered):
                return lowered, index
        if not _may_stand_between(word):
            return None
    return None


def _kazakh_series_stem(word: str) -> str | None:
    for stem in KAZAKH_SERIES_STEMS:
        if word.startswith(stem) and len(word) - len(stem) <= 6 and \
                not word[len(stem):].startswith(KAZAKH_NOT_SERIES_AFTER_STEM):
            return stem
        # A final "к", "қ" or "п" is voiced before a vowel ending: "лек" (a cohort) is "легіне", "легі".
        voiced = _KAZAKH_VOICED.get(stem[-1])
        if voiced is not None and word.startswith(stem[:-1] + voiced) and len(word) > len(stem) and \
                word[len(stem)] in _KAZAKH_VOWELS and len(word) - len(stem) <= 6:
            return stem
    return None


_KAZAKH_VOICED = {"к": "г", "қ": "ғ", "п": "б"}
_KAZAKH_VOWELS = frozenset("аәеіиоөұүыэюя")


def _is_russian_series_noun(word: str) -> bool:
    # "проектный", "пакетного" are adjectives made from the noun: the rest after the stem is short
    # and opens with no adjective suffix.
    return not word.startswith("акциз") and any(
        word.startswith(stem) and len(word) - len(stem) <= 3 and not word[len(stem):].startswith(("н", "ск"))
        for stem in RUSSIAN_SERIES_STEMS)


def _may_stand_between(word: str) -> bool:
    """Names, abbreviations, dashes and adjectives may stand between an ordinal and its noun."""
    if word in _DASHES or word[0].isupper():
        return True
    lowered = word.lower()
    if lowered in _IN_A_ROW_WORDS:
        return True
    if lowered.isascii():
        return lowered in ENGLISH_SERIES_MODIFIERS or "-" in lowered or lowered.endswith(("'s", "’s")) or (
            lowered.endswith(ENGLISH_ADJECTIVE_ENDINGS) and len(lowered) > 4)
    return lowered.endswith(RUSSIAN_ADJECTIVE_ENDINGS) or lowered.endswith(KAZAKH_ADJECTIVE_ENDINGS)
