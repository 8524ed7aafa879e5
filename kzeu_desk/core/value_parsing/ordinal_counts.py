"""An ordinal a curator highlighted alone ("third" of "A third sale devoted to the region is planned for May",
"Третий" of "Третий семестр студенты проводят в Вене", "үшінші қала" of "… электробус алған үшінші қала екенін"): the
count of the noun it numbers, as the conventions record the members of a series (`count 3 sale`).

The scan reads an ordinal only before the nouns of a known series (`spelled_ordinals`), since in running text "the
first time", "the third largest" and "the second year in a row" rank rather than count, and a word list keeps the
Candidates pane quiet. A highlight is the curator's own choice: highlighted alone, an ordinal numbers whatever noun
follows it (adjectives and participles between, "The first refurbished unit"), and "first" too. Nouns that rank or
place (`NOT_SERIES_NOUNS`, "in a row", "подряд", "қатарынан") still count nothing. With no noun after it ("the second
followed in September", "a fifth is to open"), it numbers the noun of the ordinal before it in its sentence, or of
the count before it when that count is smaller (after "Four regional laboratories" "a fifth" is the fifth
laboratory), or the subject before a dash ("Біздің ауыл – тоғызыншы"): the member after those already counted.
"""

from __future__ import annotations

import re

from kzeu_desk.core.value_parsing.alphabet import has_kazakh_letters
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.counted_nouns import kazakh_noun_named
from kzeu_desk.core.value_parsing.counted_words import (
    ENGLISH_ADJECTIVES,
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_MEASURES,
    IRREGULAR_PLURALS,
    KAZAKH_ADJECTIVES,
    KAZAKH_MEASURES,
    RUSSIAN_ADJECTIVE_ENDINGS,
    RUSSIAN_NOUN_ENDINGS_IN_IE,
    RUSSIAN_NOT_COUNTED,
)
from kzeu_desk.core.value_parsing.date_words import KAZAKH_WEEKDAY
from kzeu_desk.core.value_parsing.dates import Publication
from kzeu_desk.core.value_parsing.number_words import KAZAKH_NUMBER_WORDS, RUSSIAN_NUMBER_WORDS
from kzeu_desk.core.value_parsing.ordinal_words import (
    ENGLISH_SERIES_MODIFIERS,
    ENGLISH_SERIES_NOUNS,
    KAZAKH_DIGIT_ORDINAL_ENDINGS,
    NOT_SERIES_NOUNS,
    RUSSIAN_DIGIT_ORDINAL_ENDINGS,
    RUSSIAN_POSSESSIVE_PRONOUN_RE,
    spelled_ordinal,
)
from kzeu_desk.core.value_parsing.scanning import scan

# A word of the sentence: letters, with hyphens inside.
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# An English word may end in a grade after a hyphen ("severity-2", "Category-4", "tier-1"): one word, a modifier the
# series' noun comes after ("the third severity-2 outage" is the third outage), as a hyphenated word is.
_ENGLISH_WORD_RE = re.compile(r"[^\W\d_]+(?:-(?:[^\W\d_]+|\d{1,2}(?![\w-])))*")
# What ranks rather than counts: "in a row", "подряд", "по величине", "қатарынан", a superlative after the ordinal.
_RANKS_AFTER_RE = re.compile(r"\s+(?:(?:year|time)s?\s+)?(?i:in\s+a\s+row|running|straight|consecutive|подряд|по\s+величине"
                             r"|по\s+размеру|қатарынан|largest|biggest|highest|lowest|most|best|крупнейш[а-яё]*"
                             r"|ең\s+(?:ірі|үлкен))(?![\w])")
# Kazakh nouns of ranking or placing and of periods: "бірінші орын" (first place), "екінші рет" (a second time),
# "үшінші тоқсан" (a quarter), "бірінші жартысы" (a half); "бірінші кезекте" (in the first place). A group is a
# series as a round is ("бесінші топқа қабылдау", the fifth intake of a school: `count 5 топ`), as Russian "пятая
# группа" counts.
_KAZAKH_NOT_SERIES = frozenset({"орын", "рет", "тоқсан", "жарты", "жартыжылдық", "жыл", "ай", "апта", "күн", "кезек",
                                "дәреже", "ғасыр", "онжылдық"})
# Russian periods and places in any case ("во втором полугодии", "третьего квартала", "на первом месте", "в третий раз").
_RUSSIAN_NOT_SERIES_STEMS = ("полугоди", "квартал", "половин", "мест", "год", "месяц", "недел", "дн", "день", "раз",
                             "век", "десятилети", "тысячелети")
_RUSSIAN_PERIODS_NAMING_AN_EVENT = ("недел", "дн", "день", "месяц", "год")
# A masculine ordinal in the nominative with no preposition before it ("Я третий год работаю", "уже пятый год"): a year
# of doing something; "в первый год работы", "за второй год" are periods, left to the period rules.
_ORDINAL_YEAR_OF_DOING_RE = re.compile(r"(?<![\w-])(?:(?!(?:в|во|на|за|с|со|через|после|до|к)\s)[^\W\d_]+\s+|^)"
                                       r"[а-яё]+(?:ий|ый|ой)\s*$", re.IGNORECASE)
# "второй год подряд", "третий год по счету": a rank in a row, no year of doing.
_A_RANK_OR_PERIOD_AFTER_THE_YEAR_RE = re.compile(r"\s+(?:подряд|по\s+счету|по\s+счёту)(?![\w])", re.IGNORECASE)
# A place in a ranking or a table is recorded as the count of its place (sets 41 and 44: "на пятом месте" `count 5
# месте`, "28th place" `count 28 place`, "52-е место"), the noun as written; "in the first place" (firstly) is no place.
_ENGLISH_PLACES = frozenset({"place"})
_IN_THE_FIRST_PLACE_RE = re.compile(r"(?i:in\s+the\s+first\s+place)$")
_RUSSIAN_PLACES = frozenset({"место", "места", "месте", "местом", "месту"})
# English periods beside `NOT_SERIES_NOUNS`: "the second decade", "the third century".
_ENGLISH_NOT_SERIES = frozenset({"decade", "century", "millennium"})
# Verbs after an ordinal that stands for its noun: "a fifth is to open", "the second was signed".
_ENGLISH_AUXILIARIES = frozenset({"is", "was", "has", "does", "must", "shall", "followed", "came", "opened", "went"})
# Words that may stand between an English ordinal and its noun: participles ("refurbished", "planned"), adjectives.
_ENGLISH_PARTICIPLE_RE = re.compile(r"[a-z]{3,}(?:ed|en|ing)")
# "the fourth of seven tenders", "the third of its kind" after "The forum,": the whole after "of".
_OF_THE_WHOLE_AFTER_RE = re.compile(r"\s+of\s+(?:the\s+)?(?:\d[\d,]*|[a-z]+)\s+(?P<noun>[a-z]{3,})(?![\w])", re.IGNORECASE)
_OF_ITS_KIND_AFTER_RE = re.compile(r"\s+of\s+its\s+kind(?![\w])", re.IGNORECASE)
_APPOSITION_BEFORE_RE = re.compile(r"(?:^|[.;]\s+)(?:The|the)\s+(?P<noun>[a-z]{3,}),\s+(?:the\s+)?[a-z]+$")
# The subject before a dash: "Біздің ауыл – тоғызыншы", "Наш аул – девятый".
_SUBJECT_BEFORE_A_DASH_RE = re.compile(r"(?P<noun>[^\W\d_]{3,})\s+[–—]\s+$")


# An ordinal in digits: "12-й", "13-го", "11th", "21st", "11-ші", "5-інші".
_DIGIT_ORDINAL_RE = re.compile(r"(?P<number>\d{1,4})(?:(?i:st|nd|rd|th)|-(?:"
                               + "|".join(RUSSIAN_DIGIT_ORDINAL_ENDINGS + KAZAKH_DIGIT_ORDINAL_ENDINGS) + r"))(?![\w])")
# A word, or an ordinal in digits, of the sentence (for the ordinal before an ordinal with no noun).
_WORD_OR_DIGIT_ORDINAL_RE = re.compile(rf"{_DIGIT_ORDINAL_RE.pattern}|[^\W\d_]+(?:-[^\W\d_]+)*")


def _ordinal_number(word: str) -> int | None:
    """The number of an ordinal in words ("third", "двенадцатый") or in digits ("12-й", "11th")."""
    if (digits := _DIGIT_ORDINAL_RE.fullmatch(word)) is not None:
        return int(digits.group("number"))
    return spelled_ordinal(word)


def ordinal_value(selection: str) -> tuple[int, str] | None:
    """(value, the ordinal as written) when `selection` is an ordinal, with "a"/"the" before it or a noun after it."""
    words = selection.split()
    if words and words[0].lower() in ("a", "an", "the") and len(words) > 1:
        words = words[1:]
    if len(words) >= 2 and (tens := RUSSIAN_NUMBER_WORDS.get(words[0].lower())
                            or KAZAKH_NUMBER_WORDS.get(words[0].lower())) is not None and tens >= 10 and \
            tens % 10 == 0 and (unit := spelled_ordinal(words[1])) is not None and unit < 10:
        # "двадцать второго выпуска", "жиырма бірінші жәрмеңкесі": a compound ordinal, its tens a cardinal and its unit
        # an ordinal (Kazakh from ten: "он екінші").
        return tens + unit, f"{words[0]} {words[1]}"
    if not 1 <= len(words) <= 2:
        return None
    value = _ordinal_number(words[0])
    return (value, words[0]) if value is not None else None


def ordinal_counted_in_its_sentence(selection: str, offset: int, context: str, before: str,
                                    publication: Publication | None) -> TypedValue | None:
    """The count an ordinal highlighted alone (`selection`, found at `offset` in its sentence `context`) makes of the
    noun it numbers; None when it ranks, or names no noun its sentence or the one before gives."""
    read = ordinal_value(selection)
    if read is None:
        return None
    value, written = read
    ordinal_end = offset + selection.find(written) + len(written)
    if _RANKS_AFTER_RE.match(context, ordinal_end):
        return None
    kazakh = has_kazakh_letters(context)
    unit: str | None
    english = written.isascii()  # ("11th" too; "12-й", "11-ші" are not)
    # A place counts when the curator highlighted it with its ordinal ("52-е место"); "второе" alone before "место"
    # leaves the rank out. (An ordinal standing for the place before it, "казахстанцы – 104-е", takes that place.)
    places = offset + len(selection) > ordinal_end
    if english:
        unit = _english_noun_after(context, ordinal_end, places=places)
    elif kazakh:
        unit = _kazakh_noun_after(context, ordinal_end)
    else:
        unit = _russian_noun_after(context, ordinal_end, places=places)
    if unit == "":
        return None  # a noun that ranks or places: "the second time", "бірінші орын"
    if unit is None and english:
        unit = _english_possessive_apposition_before(context[:offset])
    if unit is None:
        unit = _noun_named_before(context[:offset], before, value, publication, english=english, kazakh=kazakh)
    if not unit:
        return None
    return TypedValue(kind=ValueKind.COUNT, amount=float(value), unit=unit)


def _english_noun_after(context: str, position: int, *, places: bool = True) -> str | None:
    """The singular noun after the ordinal ("" for one that ranks, or places when `places` is False), None when none
    follows."""
    if (whole := _OF_THE_WHOLE_AFTER_RE.match(context, position)) is not None and \
            whole.group("noun").lower() not in ("kind", "sort", "type"):
        return _english_singular(whole.group("noun").lower())  # "the fourth of seven tenders"
    if _OF_ITS_KIND_AFTER_RE.match(context, position) and \
            (apposition := _APPOSITION_BEFORE_RE.search(context, 0, position)):
        return apposition.group("noun")  # "The forum, the third of its kind, drew …"
    for match in _ENGLISH_WORD_RE.finditer(context, position):
        if context[position:match.start()].strip():
            return None  # punctuation first: no noun follows
        word = match.group()
        lowered = word.lower()
        if places and lowered in _ENGLISH_PLACES and not _IN_THE_FIRST_PLACE_RE.search(context, 0, match.end()):
            return lowered  # "climbed to 28th place": a rank is recorded as the count of its place
        if lowered in NOT_SERIES_NOUNS or lowered in _ENGLISH_NOT_SERIES:
            return ""
        if lowered in ENGLISH_FUNCTION_WORDS or lowered in ENGLISH_MEASURES or lowered in _ENGLISH_AUXILIARIES:
            return "" if lowered in ENGLISH_MEASURES else None
        if word[0].isupper() and lowered in ENGLISH_SERIES_NOUNS and not (
                lowered in ENGLISH_SERIES_MODIFIERS and (following := _WORD_RE.match(context, match.end() + 1))
                and following.group().lower() in ENGLISH_SERIES_NOUNS):
            return lowered  # a title's series noun: "at its 147th Plenary Session", its modifier passed over
        if lowered.endswith("ing") and _ENGLISH_PARTICIPLE_RE.fullmatch(lowered) and _ENDS_THE_NOUN_PHRASE_RE.match(
                context, match.end()):
            return lowered  # a noun in "-ing" the phrase ends on: "the fourth briefing in the series", "a third hearing."
        if word[0].isupper() or lowered in ENGLISH_ADJECTIVES or _ENGLISH_PARTICIPLE_RE.fullmatch(lowered) \
                or "-" in lowered:
            position = match.end()  # "the first refurbished unit", "a third EU-funded project"
            continue
        if (lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))) or lowered in IRREGULAR_PLURALS:
            return None  # a plural is no member of a series: "the first results", a verb "the second follows"
        if lowered in _ENGLISH_IRREGULAR_PASTS and not _OF_AFTER_RE.match(context, match.end()):
            # "This is the second review …; the first took place in June", "the first found no errors": a verb in the
            # past, so the ordinal stands for the noun named before it (set 70); "the third set of rules" is a noun.
            return None
        return _english_compound_head(context, match.end(), lowered)
    return None


# Past tenses that may follow a series' noun as its verb ("The third joint session met in Riga"), beside those in "-ed".
_ENGLISH_IRREGULAR_PASTS = frozenset({"met", "began", "came", "went", "took", "made", "drew", "ran", "saw", "held",
                                      "brought", "sent", "set", "found", "left", "gave", "chose", "won", "lost", "rose",
                                      "fell", "grew", "became", "sat", "told", "said", "got", "put", "led", "paid"})
# Nouns in "-ly", which an adverb ("The first plant quickly …") ends in too.
_NOUNS_IN_LY = frozenset({"assembly", "supply", "family", "rally", "monopoly", "anomaly", "ally"})
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)(?![\w-])")
_OF_AFTER_RE = re.compile(r"\s+of(?![\w-])")


def _english_compound_head(context: str, position: int, noun: str) -> str:
    """`noun`, or with the singular noun after it when the two make one ("the first policy brief", "the second general
    assembly", "a third trade mission"): the series is of the compound, as a count keeps the nouns of its compound
    ("two policy briefs"). The second word must end the noun phrase (punctuation, a preposition, a verb after it);
    a verb itself ("the second tranche goes to", "the first shipment left") is no noun of it."""
    if (following := _NEXT_WORD_RE.match(context, position)) is None:
        return noun
    word = following.group(1)
    if word in ENGLISH_FUNCTION_WORDS or word in ENGLISH_MEASURES or word in _ENGLISH_AUXILIARIES \
            or word in ENGLISH_ADJECTIVES or word in NOT_SERIES_NOUNS or word in _ENGLISH_IRREGULAR_PASTS \
            or _ENGLISH_PARTICIPLE_RE.fullmatch(word) or word.endswith("s") or len(word) < 3 \
            or (word.endswith("ly") and word not in _NOUNS_IN_LY):
        return noun
    after = following.end()
    if _ENDS_THE_NOUN_PHRASE_RE.match(context, after) or (
            (verb := _NEXT_WORD_RE.match(context, after)) is not None
            and (verb.group(1) in _ENGLISH_IRREGULAR_PASTS or re.fullmatch(r"[a-z]{2,}ed", verb.group(1)))):
        return f"{noun} {word}"
    return noun


# "the choir's tour, its first in Central Asia": an ordinal after a possessive, in apposition to the noun before the
# comma, numbers that noun.
_POSSESSIVE_APPOSITION_BEFORE_RE = re.compile(r"(?<![\w'’-])(?P<noun>[a-z]{3,}),\s+(?:its|their|his|her|our)\s+$")


def _english_possessive_apposition_before(text: str) -> str | None:
    """The singular noun an English ordinal right after "…, its" numbers; None when none is there or it ranks or
    measures ("last year, its first …")."""
    if (apposition := _POSSESSIVE_APPOSITION_BEFORE_RE.search(text)) is None:
        return None
    noun = apposition.group("noun")
    if noun in NOT_SERIES_NOUNS or noun in _ENGLISH_NOT_SERIES or noun in ENGLISH_FUNCTION_WORDS \
            or noun in ENGLISH_MEASURES or noun in ENGLISH_ADJECTIVES or _ENGLISH_PARTICIPLE_RE.fullmatch(noun) \
            or (noun.endswith("s") and not noun.endswith(("ss", "us", "is"))) or noun in IRREGULAR_PLURALS:
        return None  # a plural, a measure or a word of no series: "Last year, its first …", "the results, its first"
    return noun


def _english_singular(plural: str) -> str:
    if plural in IRREGULAR_PLURALS:
        return plural
    if plural.endswith("ies") and len(plural) > 4:
        return plural[:-3] + "y"  # "laboratories" -> laboratory
    if plural.endswith(("ches", "shes", "sses", "xes")):
        return plural[:-2]
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


# What ends an English noun phrase after a word: punctuation, the text's end or a preposition ("the fourth briefing in
# our series"); a noun after an "-ing" word makes that word its qualifier ("the second processing plant").
_ENDS_THE_NOUN_PHRASE_RE = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:in|of|on|at|for|with|since|this|that|was|is|will|to)"
                                      r"(?![\w-])")


# A short passive participle with a prefix right after a Russian ordinal ("третий раунд прошел в марте, четвертый
# запланирован на осень", "вторая очередь введена, третья намечена"): the verb of a clause whose noun the ordinal
# shares with the one before, not a noun (set 69). Nouns so shaped ("стена", "перемена") take no ordinal alone.
_RUSSIAN_SHORT_PARTICIPLE_RE = re.compile(r"(?:вы|вз|по|про|пере|за|на|от|до|при|со|раз|рас|под|об|пред|пре|у)"
                                          r"[а-яё]{2,}(?:[еаяё]н|[еаяё]н[аоы]|[яиыу]т[аоы]?)|[а-яё]{2,}[ое]ван[аоы]?")
_INSTRUMENTAL_NOUN_NEXT_RE = re.compile(r"[ \u00a0]+[а-яё]{2,}(?:ей|ой|ью)(?![а-яё])")


def _russian_noun_after(context: str, position: int, *, places: bool = True) -> str | None:
    ordinal_in_oi = context[max(0, position - 2):position].lower() == "ой"
    for match in _WORD_RE.finditer(context, position):
        if context[position:match.start()].strip():
            return None
        word = match.group()
        lowered = word.lower()
        if places and lowered in _RUSSIAN_PLACES:
            return word  # "занимают 52-е место", "на пятом месте": a rank, the count of its place as written
        if lowered == "год" and _ORDINAL_YEAR_OF_DOING_RE.search(context, 0, position) and \
                not _A_RANK_OR_PERIOD_AFTER_THE_YEAR_RE.match(context, match.end()):
            return word  # "Я третий год работаю водителем": which year of doing it, a count of years as "fifth year" is
        if word[:1].isupper() and lowered.startswith(_RUSSIAN_PERIODS_NAMING_AN_EVENT):
            # "прошла пятая Неделя европейского кино", "седьмой День открытых дверей": a period written with a capital
            # after an ordinal in running text is an event's name, one of a series (set 61), no week or day of a year.
            return word
        if lowered in NOT_SERIES_NOUNS or lowered.startswith(_RUSSIAN_NOT_SERIES_STEMS):
            return ""
        # ("второе снижение ставки": a noun in "-ение" is no plural adjective; "пятой групповой аварией": after an
        # ordinal in "-ой" an adjective in "-ой" agrees with the noun in "-ей", "-ой", "-ью" right after it, while
        # "второй рекой страны" has the noun itself in "-ой".)
        if (lowered.endswith(RUSSIAN_ADJECTIVE_ENDINGS) and not lowered.endswith(RUSSIAN_NOUN_ENDINGS_IN_IE)) \
                or (ordinal_in_oi and lowered.endswith("ой") and _INSTRUMENTAL_NOUN_NEXT_RE.match(context, match.end())) \
                or word[0].isupper() or lowered in ("по", "счету", "счёту") \
                or RUSSIAN_POSSESSIVE_PRONOUN_RE.fullmatch(lowered):
            position = match.end()  # "Третий по счету фестиваль", adjectives and names between
            continue
        if lowered in RUSSIAN_NOT_COUNTED or len(lowered) < 3 or _RUSSIAN_SHORT_PARTICIPLE_RE.fullmatch(lowered):
            return None
        return word
    return None


_KAZAKH_VOWELS = frozenset("аәеиоөұүыіэюя")


def _kazakh_noun_after(context: str, position: int) -> str | None:
    qualifiers: list[str] = []  # adjectives passed over, kept when they make a fixed term with the noun
    for match in _WORD_RE.finditer(context, position):
        if context[position:match.start()].strip():
            return None
        word = match.group()
        lowered = word.lower()
        if (place := _noun_of_a_locative_adjective(lowered)) is not None:
            # "бірінші іріктеудегіден" (than in the first selection), "екінші кезеңдегі жұмыстар" (the second stage's
            # works): the ordinal numbers the noun a "-дағы/-дегі" adjective is made of, the nearest noun after it.
            lowered = place
        elif (lowered.endswith(("лық", "лік", "дық", "дік", "тық", "тік"))
              or (lowered.endswith(("ғы", "гі")) and lowered[-3:-2] not in _KAZAKH_VOWELS)) and len(lowered) >= 6:
            # (A "-ғы/-гі" adjective follows a consonant, "биылғы", "қазіргі"; after a vowel "ғы/гі" is a possessive
            # "-ы/-і" after a voiced "қ/к": "отбасының төртінші ұрпағы" is the fourth generation, ұрпақ.)
            position = match.end()  # an adjective between: "үшінші халықаралық форумы"
            qualifiers.append(lowered)
            continue
        if lowered in KAZAKH_ADJECTIVES or (lowered.endswith("и") and len(lowered) >= 5):
            # "екінші ресми сапары" (a second official visit), "төртінші жаңа ойыншысы" (a fourth new player): a
            # plain adjective or one in "-и" ("ресми", "ғылыми") qualifies the noun after it, as one in "-лық" does.
            position = match.end()
            qualifiers.append(lowered)
            continue
        if word[:1].isupper():
            # A name between: "79-шы Канн кинофестивалінде" (at the 79th Cannes film festival) counts festivals, as
            # names stay dropped from a counted noun ("шенген визасы" → виза).
            position = match.end()
            continue
        named = kazakh_noun_named(lowered)
        if named is not None and qualifiers and not named.is_measure:
            # "екінші тікелей желісі" (a second phone-in): an adjective that makes a fixed term with the noun stays,
            # as it does after a figure ("бірлескен кәсіпорын"); any other is dropped as before.
            named = kazakh_noun_named(" ".join([*qualifiers, lowered])) or named
        if named is None or lowered in ("болып", "болды", "болады", "болған"):
            return None  # "тоғызыншы болып қосылды": a verb, no noun, after it
        if _KAZAKH_WEEKDAY_IN_A_CASE_RE.fullmatch(lowered):
            return None  # "ал 11-ші сенбіде" (and the 11th on Saturday): the day it falls on, no noun of its own
        if named.is_measure or named.unit in _KAZAKH_NOT_SERIES or named.unit in KAZAKH_MEASURES:
            return ""
        if named.unit == lowered and len(lowered) >= 5 and lowered.endswith(("ын", "ін")) \
                and lowered[-3] not in _KAZAKH_VOWELS:
            # "бесінші титулын алды" (won a fifth title), "үшінші цехын ашты": the noun an ordinal numbers is its
            # owner's, so it takes the possessive, here with the accusative ("-ын/-ін" after a consonant), which an
            # unknown stem keeps; cut it off as a known stem's is ("раундын" is раунд) (issue #17, set 75).
            return lowered[:-2]
        return named.unit
    return None


# A noun made an adjective of place ("-дағы/-дегі/-тағы/-тегі", after a possessive "-ндағы/-ндегі"), which a case
# ending may follow when it stands for a noun ("іріктеудегіден", than the one in the selection).
_LOCATIVE_ADJECTIVE_RE = re.compile(r"(?P<stem>[а-яәіңғүұқөһ]{3,}?)(?:сындағы|сіндегі|ындағы|індегі|дағы|дегі|тағы|тегі)"
                                    r"(?:ден|нен|ге|не|н|ні)?")


def _noun_of_a_locative_adjective(word: str) -> str | None:
    match = _LOCATIVE_ADJECTIVE_RE.fullmatch(word)
    return None if match is None else match.group("stem")


_KAZAKH_WEEKDAY_IN_A_CASE_RE = re.compile(rf"(?:{KAZAKH_WEEKDAY})(?:де|да|ге|ға|ден|нан|ден)")


def _noun_named_before(text: str, before: str, value: int, publication: Publication | None, *, english: bool,
                       kazakh: bool) -> str | None:
    """The noun an ordinal with none after it numbers: the ordinal's before it in its sentence ("The first refurbished
    unit …; the second followed"), the count's before it when that counts fewer ("Four regional laboratories …; a
    fifth"), or the subject before a dash ("Біздің ауыл – тоғызыншы")."""
    earlier = [candidate for candidate in scan(text, publication)
               if candidate.value.kind is ValueKind.COUNT and candidate.value.unit and candidate.value.amount is not None]
    for candidate in reversed(earlier):
        amount = candidate.value.amount or 0.0
        if amount < value:
            unit = candidate.value.unit or ""
            return _english_singular(unit.split()[-1]) if english else unit
    if (ordinal := _an_ordinal_before(text, english=english, kazakh=kazakh)) is not None:
        return ordinal
    if (subject := _SUBJECT_BEFORE_A_DASH_RE.search(text)) is not None:
        if kazakh:
            named = kazakh_noun_named(subject.group("noun").lower())
            return named.unit if named is not None and not named.is_measure else None
        return None if english else subject.group("noun")
    if not earlier and before:
        counts = [candidate for candidate in scan(before, publication)
                  if candidate.value.kind is ValueKind.COUNT and candidate.value.unit
                  and (candidate.value.amount or value) < value]
        if counts:
            unit = counts[-1].value.unit or ""
            return _english_singular(unit.split()[-1]) if english else unit
    return None


def english_member_named_by_an_ordinal(sentence: str) -> str | None:
    """The noun an English ordinal of `sentence` numbers ("unit" of "The first refurbished unit returned …")."""
    if re.search(r"[^\W\d_]", sentence) is None or re.search(r"[а-яёәіңғүұқөһ]", sentence, re.IGNORECASE):
        return None
    return _an_ordinal_before(sentence, english=True, kazakh=False)


def _an_ordinal_before(text: str, *, english: bool, kazakh: bool) -> str | None:
    """The noun of the last ordinal before in the sentence that names one: "The first refurbished unit"."""
    for match in reversed(list(_WORD_OR_DIGIT_ORDINAL_RE.finditer(text))):
        if _ordinal_number(match.group()) is None:
            continue
        if english:
            noun = _english_noun_after(text, match.end())
        elif kazakh:
            noun = _kazakh_noun_after(text, match.end())
        else:
            noun = _russian_noun_after(text, match.end())
        if noun:
            return noun
    return None
