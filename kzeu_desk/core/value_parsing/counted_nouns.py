"""What a number counts: the noun after it ("twelve member states", "3 тысяч компаний",
"24 шетелдік компания"), and whether that noun is a thing counted or a unit of measure.

A count's unit is the counted noun as written, with the nouns that make a compound with it
("member states", "visa applications", "мүше мемлекет") and without the adjectives and proper
names before it ("European companies" -> "companies"). Russian keeps the word form the text has;
Kazakh takes the case ending off ("компаниямен" -> "компания"), since the number already says how
many and the ending only says how the noun fits the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, has_kazakh_letters
from kzeu_desk.core.value_parsing.date_words import ENGLISH_MONTH_FULL, KAZAKH_MONTH, RUSSIAN_MONTH
from kzeu_desk.core.value_parsing.number_words import KAZAKH_NUMBER_WORDS
from kzeu_desk.core.value_parsing.counted_words import (
    ENGLISH_ADJECTIVE_ENDINGS,
    ENGLISH_ADJECTIVES,
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_MEASURES,
    ENGLISH_NOT_COUNTED,
    ENGLISH_OF_COMPLEMENTS,
    FIXED_TERMS,
    IRREGULAR_PLURALS,
    KAZAKH_ADJECTIVE_ENDINGS,
    KAZAKH_ADJECTIVES,
    KAZAKH_COMPOUND_FIRST,
    KAZAKH_IZAFET_HEADS,
    KAZAKH_KNOWN_STEMS,
    KAZAKH_MEASURES,
    KAZAKH_NOT_COUNTED,
    KAZAKH_NOUN_ENDINGS,
    MEASURE_ABBREVIATIONS,
    RUSSIAN_ADJECTIVE_ENDINGS,
    RUSSIAN_NOUN_ENDINGS_IN_IE,
    RUSSIAN_COUNTED_EXCEPTIONS,
    RUSSIAN_YEARS_OF_TIME,
    RUSSIAN_MEASURE_STEMS,
    RUSSIAN_SCORE_WORDS,
    RUSSIAN_NOT_COUNTED,
)

# A word may be hyphenated ("high-ranking", "стран-членов"); only spaces part the words of a phrase.
# ("700 B2B-встреч", "120 4G-вышек" is not this, a generation read before: a Latin abbreviation with a digit inside,
# hyphened to a Russian noun, is one word.)
_WORD_RE = re.compile(rf"[ \u00a0]+(?P<word>[A-Za-z][A-Za-z0-9]*[0-9][A-Za-z0-9]*-[а-яё]{{3,}}(?![\w-])"
                      rf"|[A-Za-z{CYRILLIC_LETTER}А-ЯЁӘІҢҒҮҰҚӨҺ]+(?:-[A-Za-z{CYRILLIC_LETTER}А-ЯЁӘІҢҒҮҰҚӨҺ]+)*)")
_LATIN_HYPHENED_TO_RUSSIAN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]+-[а-яё]{3,}", re.IGNORECASE)
_LATIN_HYPHENED_TO_KAZAKH_RE = re.compile(rf"(?P<abbreviation>[A-Z]{{2,}})-(?P<noun>[{CYRILLIC_LETTER}]{{4,}})")
# Case endings of four letters or more that follow an abbreviation's hyphen ("ЕО-дағы", in the EU; "IT-ден" and
# "ЕО-ның" are too short to read as a noun): no noun opens so.
_CASES_OPENING_A_TAIL = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "нан", "нен", "ның", "нің")
_ABBREVIATION_RE = re.compile(rf"[ \u00a0]?(?P<unit>{MEASURE_ABBREVIATIONS})(?![\w])")
# "50 кВт·сағаттан аз" (under 50 kWh): Kazakh writes the hour out before a case ending ("сағат" + "тан"); the unit is
# the abbreviation as written bare, "кВт·сағ".
_KAZAKH_WATT_HOURS_RE = re.compile(r"[ \u00a0]?(?P<unit>[кМГ]Вт·сағ)(?:ат(?:тан|қа|та|тың|ты|пен)?)?(?![\w])")
# ("Eight of the region's twelve mines": a possessive may name the whole's owner.)
# ("three of the last ten seasons", "two of the past five years": the whole may be the last or past so many.)
_OUT_OF_RE = re.compile(r"[ \u00a0]+(?:out of(?: the)?|of(?: the)?(?:[ \u00a0]+[\w-]+['’]s|[ \u00a0]+(?:its|their))?"
                        r"(?:[ \u00a0]+(?:last|past|previous))?|из|ішінен)"
                        r"[ \u00a0]+\d[\d,. \u00a0]*(?=[ \u00a0])",
                        re.IGNORECASE)
# "four of those loans", "12 of the projects", "три из этих проектов": a part named before its whole's noun.
_OF_THE_WHOLE_RE = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+(?:those|these|the|its|their|our)|из[ \u00a0]+(?:этих|тех))(?=[ \u00a0])",
                              re.IGNORECASE)
_TWO_WORD_MEASURE_RE = re.compile(
    rf"[ \u00a0]+(?P<unit>(?:cubic|square)[ \u00a0]+(?:metres|meters|metre|meter|kilometres|kilometers|kilometre|kilometer)"
    rf"|(?:текше|шаршы)[ \u00a0]+(?:метр|шақырым|километр)"
    # Russian keeps both words as written: "почти шесть квадратных метров", "30 кубических метров" (square and cubic
    # metres, not metres), as "square metres" does.
    rf"|(?:квадратн|кубическ)[а-яё]*[ \u00a0]+(?:кило)?метр[а-яё]*)(?P<ending>[{CYRILLIC_LETTER}]*)(?![\w])",
    re.IGNORECASE)
_KAZAKH_ENDINGS = sorted(KAZAKH_NOUN_ENDINGS, key=len, reverse=True)
_MOST_WORDS = 4
# English may coordinate qualifiers before the noun: "33 hard and soft infrastructure needs".
_MOST_ENGLISH_WORDS = 6
_OF_COMPLEMENT_RE = re.compile(rf"[ \u00a0]+of[ \u00a0]+(?:{ENGLISH_OF_COMPLEMENTS})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Counted:
    unit: str
    end: int
    is_measure: bool  # years, tons, km: the figure is a quantity in this unit, not a count


_FIXED_TERM_RE = re.compile("|".join(f"(?:{term})" for term in FIXED_TERMS))


# A month after a number makes a date ("с 2 по 6 февраля", "6 қазанда"), never a noun counted: a reader of the raw text
# (the sentence before, not blanked of its dates) must not count "февраля".
_MONTH_RE = re.compile(rf"(?:{RUSSIAN_MONTH}|{KAZAKH_MONTH}|(?i:{ENGLISH_MONTH_FULL}))")


def counted_after(text: str, position: int) -> Counted | None:
    """The noun phrase right after `position` that says what the number before it counts."""
    counted = _counted_after(text, position)
    if counted is not None and counted.is_measure and counted.unit.lower() == "seasons" \
            and _EACH_OF_THE_LAST_BEFORE_RE.search(text, max(0, position - 40), position) is not None:
        # "in each of the last five seasons" (a hunt's, a league's): the seasons taken one by one are the parts of a
        # whole, counted as "three of the last ten seasons" is (sets 43-70 count seasons of a sport or a harvest so),
        # not one stretch of five. Years, months and days stay measures ("each of the past three years" is left as
        # the conventions give measures: no set labels it a count).
        return Counted(counted.unit, counted.end, False)
    if counted is None or counted.is_measure:
        return counted
    if _MONTH_RE.fullmatch(counted.unit.lower()) and not counted.unit.lower().endswith(_DEMONYM_ENDINGS):
        # (A month's name in "-дық/-лық" is another word: "қазандық" is a boiler house, "қазан" October.)
        return None
    counted = _with_fixed_qualifier(text[position:counted.end].split(), counted)
    if (written := text[position:counted.end].split()) and written[-1].lower() in (counted.unit + "ны", counted.unit + "ні") \
            and _KAZAKH_GENITIVE_BEFORE_RE.search(text, max(0, position - 60), position) is not None:
        # "ауылдың 312 тұрғыны" (the village's 312 residents): after a genitive the noun takes the possessive, so
        # "-ны/-ні" is a stem's "н" and "-ы/-і" (тұрғын), not the accusative of a stem in a vowel ("тұрғы").
        counted = Counted(counted.unit + "н", counted.end, counted.is_measure)
    if (purpose := _RUSSIAN_PURPOSE_AFTER_RE.match(text, counted.end)) is not None and \
            re.fullmatch(r"[а-яё]+", counted.unit.lower()) and not counted.unit.lower().endswith(RUSSIAN_ADJECTIVE_ENDINGS):
        # "38 тыс. разрешений на проживание," (residence permits), "40 заявок на участие.": what the permit or
        # request is for, a verbal noun after "на" that closes the clause, makes one term with it.
        return Counted(f"{counted.unit} на {purpose.group('noun')}", purpose.end(), False)
    # A fixed term whose qualifier follows the noun: "4 180 мест размещения" (accommodation facilities).
    if (following := _WORD_RE.match(text, counted.end)) is not None and \
            _FIXED_TERM_RE.fullmatch(f"{counted.unit} {following.group('word')}".lower()):
        return Counted(f"{counted.unit} {following.group('word')}", following.end(), False)
    if following is not None and (written := text[position:counted.end].split()) and \
            re.match(rf"[{CYRILLIC_LETTER}]", written[-1].lower()):
        # A Kazakh term whose qualifier keeps its own ending ("елді мекен", a settlement) or whose head takes a case
        # ending ("қонақ үйге", at a hotel): the qualifier as written, the head in its base form.
        word = following.group("word").lower()
        # (The head with its ending cut as a known stem's would be, or any of its last one to four letters: "мекенде"
        # is "мекен" + "де", which the cut of an unknown word reads as "меке" + "нде".)
        for head in (_kazakh_base(word), *(word[:-cut] for cut in range(1, 5) if len(word) - cut >= 2)):
            for first in (counted.unit, written[-1].lower()):
                if _FIXED_TERM_RE.fullmatch(f"{first} {head}"):
                    return Counted(f"{first} {head}", following.end(), False)
    return counted


# "бар" (there is) and "жоқ" (there is not) close a clause as a verb does: "1 200 бас бар" counts head, no "бар".
_KAZAKH_EXISTENTIALS = frozenset({"бар", "жоқ"})
# A genitive word right before the figure ("ауылдың 312", "облыстың 2 мыңнан астам").
_KAZAKH_GENITIVE_BEFORE_RE = re.compile(
    rf"[{CYRILLIC_LETTER}]{{2,}}(?:дың|дің|тың|тің|ның|нің)\s+\d[\d\s\u00a0,.]*(?:[{CYRILLIC_LETTER}]+\s*)?$", re.IGNORECASE)
# A mobile network's generation between a figure and its noun ("7,000 5G base stations"), a modifier as a name is.
_NETWORK_GENERATION_RE = re.compile(r"[ \u00a0]+[2-6]G(?=[ \u00a0]+[a-z])")
# "two A400M airlifters", "52 H145 helicopters", "eight Airbus C295 transports", "16 ATR 72-600 turboprops": a maker's
# name and a model's designation (letters and digits) before a lower-case noun name which of the things it counts,
# as a name does, and qualify it (set 66).
_MODEL_DESIGNATION_RE = re.compile(
    r"[ \u00a0]+(?:(?:[A-Z][A-Za-z]+[ \u00a0]+){0,2}[A-Z][A-Za-z]{0,3}-?\d+[A-Za-z0-9]*(?:-\d+[A-Za-z]*)?"
    r"|(?:[A-Z][A-Za-z]+[ \u00a0]+){1,2}\d{2,4}(?:-\d{1,4})?)(?=[ \u00a0]+[a-z])")
_POSSESSIVE_NAME_RE = re.compile(r"[ \u00a0]+[A-Z][A-Za-z-]+['’]s(?=[ \u00a0]+[a-z])")
# (With nothing after it: "три лицензии на оказание платежных услуг" counts licences, the purpose's object after it.)
_RUSSIAN_PURPOSE_AFTER_RE = re.compile(r"[ \u00a0]+на[ \u00a0]+(?P<noun>[а-яё]{3,}(?:ние|тие))(?=[ \u00a0]*(?:[,.;:)]|$))")


def kazakh_noun_named(phrase: str) -> Counted | None:
    """The noun a Kazakh phrase names before "саны" ("туристер саны", "заңды тұлғалар саны"), read as
    Kazakh whatever its letters ("туристер" has none only Kazakh writes), with a fixed term's qualifier."""
    words = [(match.group("word"), match.end()) for match in _WORD_RE.finditer(" " + phrase)]
    if not words:
        return None
    counted = _kazakh(words[-1:])
    if counted is None or counted.is_measure:
        return counted
    return _with_fixed_qualifier([word for word, _ in words], counted)


def _with_fixed_qualifier(written: list[str], counted: Counted) -> Counted:
    """The unit with the qualifiers of a fixed term kept ("joint ventures", "рабочих мест")."""
    head_words = len(counted.unit.split())
    for qualifiers in (3, 2, 1):
        if len(written) < head_words + qualifiers:
            continue
        kept = written[-head_words - qualifiers:-head_words]
        unit = " ".join([*kept, counted.unit])
        if _FIXED_TERM_RE.fullmatch(unit.lower()):
            return Counted(unit, counted.end, False)
    return counted


# "88 тыс. контейнеров в двадцатифутовом эквиваленте" is the Russian "TEU" written out (ДФЭ abbreviates it).
_TEU_WRITTEN_OUT_RE = re.compile(r"[ \u00a0]+(?:контейнер(?:ов|а)?[ \u00a0]+)?в[ \u00a0]+двадцатифутовом[ \u00a0]+эквиваленте"
                                 r"(?![\w])", re.IGNORECASE)


_KAZAKH_NUMBER_WORD = "(?:" + "|".join(KAZAKH_NUMBER_WORDS) + ")"
# An adjective, "және/мен/немесе", and the second number (in digits or a word): "7 толықметражды және 5 ...".
_KAZAKH_COORDINATED_RE = re.compile(rf"[ \u00a0]+(?P<first>[{CYRILLIC_LETTER}]+)[ \u00a0]+(?:және|мен|немесе)[ \u00a0]+"
                                    rf"(?:\d[\d,. \u00a0]*|{_KAZAKH_NUMBER_WORD})(?=[ \u00a0])", re.IGNORECASE)

_KAZAKH_COORDINATED_BEFORE_RE = re.compile(rf"(?:\d|[{CYRILLIC_LETTER}])[ \u00a0]+(?P<first>[{CYRILLIC_LETTER}]{{6,}})[ \u00a0]+"
                                           rf"(?:және|мен|немесе)[ \u00a0]+\S+[ \u00a0]*$", re.IGNORECASE)

_EACH_OF_THE_LAST_BEFORE_RE = re.compile(r"(?<![\w])(?i:each)\s+(?i:of)\s+(?i:the)\s+(?i:last|past|previous)\s+[\w,.]+$")
_SEASONS_OF_A_WHOLE = frozenset({"seasons", "years", "months", "weeks", "days", "nights", "decades", "quarters"})
_PER_A_NUMBER_OF_RE = re.compile(r"[ \u00a0]+(?i:per)[ \u00a0]+\d[\d,.\u00a0]*(?:[ \u00a0]+(?i:thousand|million))?[ \u00a0]+[A-Za-z]")
_PER_AREA_RE = re.compile(r"\s+(?i:per)\s+(?P<area>(?i:hectare|acre))(?![\w])")
# "1,200 cubic metres per second", "800 кубометров в секунду": a flow is measured per second and in no other way, so
# the rate is part of its unit ("290 m³/s"); other rates are left off, as the sets record "barrels a day" in barrels.
_PER_SECOND_RE = re.compile(r"[ \u00a0]+(?P<rate>(?i:per|a)[ \u00a0]+second|(?i:в)[ \u00a0]+секунду)(?![\w])")


def _counted_after(text: str, position: int) -> Counted | None:
    start = position  # (the figure's end: "of 27" or a name after it moves `position` on)
    if (teu := _TEU_WRITTEN_OUT_RE.match(text, position)) is not None:
        return Counted("TEU", teu.end(), True)
    if (watt_hours := _KAZAKH_WATT_HOURS_RE.match(text, position)) is not None:
        return Counted(watt_hours.group("unit"), watt_hours.end(), True)
    if (abbreviation := _ABBREVIATION_RE.match(text, position)) is not None:
        return Counted(" ".join(abbreviation.group("unit").split()), abbreviation.end(), True)
    if (two_words := _TWO_WORD_MEASURE_RE.match(text, position)) is not None:
        # "30 billion cubic metres", "30 млрд текше метрге": a measure named in two words
        if (rate := _PER_SECOND_RE.match(text, two_words.end())) is not None:
            return Counted(" ".join(two_words.group("unit").split() + rate.group("rate").split()), rate.end(), True)
        return Counted(" ".join(two_words.group("unit").split()), two_words.end(), True)
    if (out_of := _OUT_OF_RE.match(text, position)) is not None:
        # "19 out of the 34 materials", "12 из 27 стран-членов": the first number counts the noun.
        counted = _counted_after(text, out_of.end())
        if counted is not None and counted.is_measure and counted.unit.lower() in _SEASONS_OF_A_WHOLE:
            # "three of the last ten seasons", "two of the five years": a part of a whole counts the whole's noun, as
            # the conventions say, a span of time too (the part is so many of its years, not a span of three).
            return Counted(counted.unit, counted.end, False)
        position = out_of.end()
    elif (of_the := _OF_THE_WHOLE_RE.match(text, position)) is not None:
        position = of_the.end()
    if (name := _POSSESSIVE_NAME_RE.match(text, position)) is not None:
        position = name.end()  # "seven Przewalski's horses": a name's possessive qualifies, as a name does
    if (generation := _NETWORK_GENERATION_RE.match(text, position)) is not None:
        position = generation.end()  # "7,000 5G base stations", "12 4G towers": a network's generation qualifies
    elif (model := _MODEL_DESIGNATION_RE.match(text, position)) is not None:
        position = model.end()
    words: list[tuple[str, int]] = []
    cursor = position
    while len(words) < _MOST_ENGLISH_WORDS and (match := _WORD_RE.match(text, cursor)) is not None:
        words.append((match.group("word"), match.end()))
        cursor = match.end()
    if not words:
        return None
    # "25 Airbus ұшағын", "12 Boeing самолетов": a name in Latin letters before a Cyrillic noun
    # qualifies it, as a name does.
    while len(words) > 1 and re.fullmatch(r"[A-Z][A-Za-z-]*", words[0][0]) and re.match(
            rf"[{CYRILLIC_LETTER}]", words[1][0]):
        words = words[1:]
    first = words[0][0]
    if has_kazakh_letters(text) and (joined := _LATIN_HYPHENED_TO_KAZAKH_RE.fullmatch(first)) is not None \
            and not joined["noun"].lower().startswith(_CASES_OPENING_A_TAIL):
        # "486 мың POS-терминал", "40 USB-кабельді": in Kazakh a Latin abbreviation hyphened to a noun makes one noun,
        # counted whole, the noun's case endings taken off and the abbreviation as written (issue #17, set 62); a case
        # ending alone after it ("ЕО-ның", "IT-ға") is no noun.
        return Counted(f"{joined['abbreviation']}-{_kazakh_base(joined['noun'].lower())}", words[0][1], False)
    # "612 DDoS-атак", "40 IT-компаний", "15 SIM-карт": a Latin abbreviation hyphened to a Russian noun makes a Russian
    # noun, counted as written, not an English word.
    if re.match(r"[A-Za-z]", first) and not (_LATIN_HYPHENED_TO_RUSSIAN_RE.fullmatch(first)
                                             and not has_kazakh_letters(text)):
        counted = _english(words)
        if counted is None and _ONE_BEFORE_RE.search(text, max(0, start - 12), start) is not None:
            # "1 contract", "1 joint venture": after "1" English writes the singular, which the plural reader passes by.
            counted = _english_singular(words)
        if counted is not None and counted.is_measure and (rate := _PER_AREA_RE.match(text, counted.end)) is not None:
            # "9.5 centners per hectare": a yield is measured per area, as "14,7 ц/га" is.
            return Counted(f"{counted.unit} per {rate.group('area').lower()}", rate.end(), True)
        if counted is not None and not counted.is_measure and _PER_A_NUMBER_OF_RE.match(text, counted.end):
            # "10.9 deaths per 100,000 inhabitants", "2.8 beds per 1,000 people": a rate per a number of things counts
            # none of them; the figure is a quantity whose unit is the whole phrase, which the sets leave out (set 64).
            return None
        if counted is not None and not counted.is_measure and (
                complement := _OF_COMPLEMENT_RE.match(text, counted.end)) is not None:
            # "three memoranda of understanding": the complement names the thing counted.
            return Counted(counted.unit + " " + " ".join(complement.group().split()), complement.end(), False)
        return counted
    if len(words) > 1 and first.lower() in _KAZAKH_ONLY_WORDS:
        # "бір ғана дәрігер" (only one doctor), "екі-ақ мектеп": the particle of restriction stands between the figure
        # and the noun it counts.
        words = words[1:]
        first = words[0][0]
    words = words[:_MOST_WORDS]
    lowered = first.lower()
    # The language is the text's: "атом электр станциясына" has no letter only Kazakh writes, the
    # sentence around it does.
    # A one-letter ending is as likely Russian ("три меморандума"): only a longer one ("компаниямен")
    # makes a known stem Kazakh in a text without Kazakh letters. A bare noun before a possessed izafet head
    # ("Кешенде 32 000 паллет орны бар": "орны", "жылы", "жолы" are no Russian words) makes the text Kazakh too.
    base = _kazakh_base(lowered)
    if has_kazakh_letters(text) or _izafet_compound(words, 0) is not None or (
        base in KAZAKH_KNOWN_STEMS and len(lowered) - len(base) != 1 and lowered not in RUSSIAN_NOT_COUNTED
        and not lowered.endswith(RUSSIAN_ADJECTIVE_ENDINGS)
    ):
        if re.search(r"(?:ға|ге|қа|ке)\s*$", text[:position]) and base not in KAZAKH_KNOWN_STEMS and (
                _looks_like_kazakh_verb(first) or _is_kazakh_verbal_noun(base)):
            # "74 мыңға жетті" (reached 74 thousand): a verb governs the number in the dative; so does its verbal noun
            # ("санын 1 миллионға жеткізуге", to bring the number to a million): a noun after the number would carry
            # the case itself ("1 миллион туристке").
            return None
        first_after = text[words[0][1]:words[0][1] + 2].strip()
        if (not first_after or not first_after[0].isalnum()) and len(lowered) >= 6 and base not in KAZAKH_KNOWN_STEMS \
                and re.search(r"(?:ады|еді|йды|йді)$", lowered):
            return None  # "Нидерландыға – 51 аттанады." (51 leave): a verb in the present-future ends the clause
        if (shared := _KAZAKH_COORDINATED_RE.match(text, position)) is not None and (
                _is_kazakh_adjective(shared.group("first")) or (shared.group("first").lower().endswith(_HAVING_ENDINGS)
                                                                and len(shared.group("first")) >= 6)) \
                and _kazakh_base(shared.group("first")) not in KAZAKH_KNOWN_STEMS:
            # "жеті толықметражды және бес қысқаметражды фильм": two numbers, each with its adjective, share the
            # noun after the second.
            rest = [(match.group("word"), match.end()) for match in _WORD_RE.finditer(text, shared.end())][:_MOST_WORDS]
            if len(rest) > 1 and rest[0][0].lower().endswith(_HAVING_ENDINGS):
                rest = rest[1:]  # the second number's adjective, as the first's
            if rest and (counted := _kazakh(rest)) is not None:
                # (It ends at its own adjective, so that the second number is a figure of its own.)
                return Counted(counted.unit, shared.end("first"), counted.is_measure)
        if len(words) > 1 and lowered.endswith(_HAVING_ENDINGS) and len(lowered) >= 6 and (
                parallel := _KAZAKH_COORDINATED_BEFORE_RE.search(text[:position])) is not None \
                and parallel.group("first").lower().endswith(_HAVING_ENDINGS):
            words = words[1:]  # "... және бес қысқаметражды фильм": the adjective of the second of two numbers
        if _AGE_RE.fullmatch(lowered) and _AN_AGE_COORDINATED_RE.match(text, words[0][1]):
            return Counted("жас", words[0][1], True)
        # The phrase ends the clause when punctuation or the end of the text follows its last word.
        after = text[words[-1][1]:words[-1][1] + 2].strip()
        return _kazakh(words, words_end_clause=not after or not after[0].isalnum(),
                       punctuation_ends=bool(after) and not after[0].isalnum())
    counted = _russian(words, text, position)
    if counted is not None and counted.is_measure and (rate := _PER_SECOND_RE.match(text, counted.end)) is not None:
        return Counted(f"{counted.unit} {' '.join(rate.group('rate').split())}", rate.end(), True)  # a flow (see above)
    return counted


# -- English ---------------------------------------------------------------------------------


_COMPOUND_IRREGULAR_PLURALS = ("children", "women", "people")
# Animals whose plural has no "-s" qualify a plural noun after them as a singular would ("sheep farms", "deer fences").
# Craft are the same ("12 aircraft stands", "four spacecraft engineers"; set 76's airport charges counted "aircraft").
_ANIMALS_ALSO_QUALIFIERS = frozenset({"sheep", "deer", "reindeer", "ibex", "bison", "elk", "moose", "swine", "cattle",
                                     "aircraft", "spacecraft", "hovercraft", "watercraft"})


def _is_english_plural(word: str) -> bool:
    if re.fullmatch(r"[a-z]?[A-Z][A-Za-z]*[A-Z]s", word):
        # "35 MEPs", "120 SMEs", "2 MoUs": an acronym's plural, small letters inside or not; a small letter before it
        # ("4 vCPUs", "two eSIMs"; set 71's cloud launch) is the acronym's prefix, its plural the same.
        return True
    if re.fullmatch(r"[A-Z]-[a-z]{2,}s", word) and not word.endswith(("ss", "us", "is")):
        # "5,400 T-shirts", "40 U-turns": a letter and a hyphen before a plural name one thing; the capital
        # is the letter's, not a name's.
        return True
    lowered = word.lower()
    if word != lowered and not word.isupper():
        return False
    if lowered in ENGLISH_NOT_COUNTED or lowered in ENGLISH_FUNCTION_WORDS:
        return False
    if lowered in IRREGULAR_PLURALS or (lowered.endswith(_COMPOUND_IRREGULAR_PLURALS) and "-" not in lowered):
        return True  # ("grandchildren", "businesswomen", "townspeople": a compound keeps its last word's plural)
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "ous", "'s", "’s"))


_DEMONYM_PLURAL_RE = re.compile(r"[A-Z][a-z]+(?:ians|eans|ans|ks|khs|mens|anis|ers|ites|ards)")


def _followed_by_english_plural(words: list[tuple[str, int]], word: str) -> bool:
    index = next((i for i, (candidate, _) in enumerate(words) if candidate == word), len(words))
    return index + 1 < len(words) and _is_english_plural(words[index + 1][0])


# ("works" as a builder's: "nine works contracts".)
_PLURAL_MODIFIERS = frozenset({"rights", "customs", "arms", "goods", "sales", "savings", "sports", "affairs", "news", "works",
                               "communications", "logistics", "economics", "humanities",
                               # Irregular plurals that name a kind of thing: "media outlets", "data centres".
                               "media", "data"})


def _next_english_plural(words: list[tuple[str, int]], word: str) -> tuple[str, int] | None:
    index = next((i for i, (candidate, _) in enumerate(words) if candidate == word), None)
    if index is None or index + 1 >= len(words):
        return None
    following, end = words[index + 1]
    return (following, end) if _is_english_plural(following) and following.lower() not in ENGLISH_MEASURES else None


# Academic degrees written as abbreviations name a kind of person or course before a noun, as "doctoral" would not:
# "31 PhD students", "two MBA programmes" (a PhD student is no student of any kind), so the compound keeps them.
_DEGREE_ABBREVIATIONS = frozenset({"PhD", "MBA", "MSc", "BSc", "MA", "BA", "LLM", "MPhil", "DPhil", "EdD"})
# "multicentre", "multiyear", "multinational": "multi-" makes a word that describes the head ("three multicentre
# trials" are trials).
_MULTI_PREFIX_RE = re.compile(r"multi-?(?!media)[a-z]{4,}")


_ONE_SYLLABLE_EED_RE = re.compile(r"[b-df-hj-np-tv-z]+eed")
_HYPHENED_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "ary", "able", "ible")


def _is_english_adjective(word: str) -> bool:
    lowered = word.lower()
    if word in _DEGREE_ABBREVIATIONS:
        return False
    if _MULTI_PREFIX_RE.fullmatch(lowered) and not _is_english_plural(word):
        return True
    if word[0].isupper():
        return True  # "EU countries", "European companies", "Central Asian nations": names qualify, not count
    if lowered in ENGLISH_ADJECTIVES:
        return True
    if lowered in _GERUND_NOUN_MODIFIERS or lowered in _NOUNS_ENDING_AS_ADJECTIVES:
        return False  # "40 monitoring stations", "mining companies": a kind of station, of company
    if _ONE_SYLLABLE_EED_RE.fullmatch(lowered) and lowered != "freed":
        # "1,480 speed cameras", "12 seed banks", "30 feed mills": a word of one syllable in "-eed" is a noun, no past
        # participle ("agreed", "guaranteed" have two), and names the kind of thing (set 64).
        return False
    if lowered.endswith("ian") and not lowered.endswith("arian"):
        # "64 pedestrian crossings", "40 physician assistants", "six guardian angels": a lower-case word in "-ian"
        # names a person (the adjectives in "-ian" are names, capitalised, or in "-arian": "humanitarian convoys").
        return False
    parts = lowered.split("-")
    if len(parts) > 2 and any(part in ENGLISH_FUNCTION_WORDS for part in parts[1:-1]):
        return True  # "two ship-to-shore cranes", "state-of-the-art labs": a phrase made one word describes
    if len(parts) == 2 and (parts[0] in ENGLISH_ADJECTIVES or (
            parts[0].endswith(_HYPHENED_ADJECTIVE_ENDINGS) and parts[0] not in _NOUNS_ENDING_AS_ADJECTIVES)) \
            and not parts[1].endswith("ing"):
        # "eight double-degree programmes", "two high-speed lines": an adjective and a noun made one word
        # describe the head, while "water-management projects" (two nouns) name a kind of it. A first part with an
        # adjective's ending is an adjective too: "Two dual-fuel engines", "four digital-radio masts" (set 64).
        return True
    first, _, last = lowered.rpartition("-")
    if first and last.endswith("ing") and not _is_english_qualifier_word(first):
        # "capacity-building projects", "data-sharing agreements": a noun and a gerund name a kind
        # of thing; "fast-growing", "long-standing", "high-ranking" start with a qualifier.
        return False
    return lowered.endswith(ENGLISH_ADJECTIVE_ENDINGS)


def _is_english_qualifier_word(word: str) -> bool:
    return (word in ENGLISH_ADJECTIVES or word in _ENGLISH_ADVERBS or word.endswith(("ly", "er", "est"))
            or word.endswith(ENGLISH_ADJECTIVE_ENDINGS))


_GERUND_NOUN_MODIFIERS = frozenset({
    "mining", "processing", "training", "monitoring", "shipping", "banking", "manufacturing", "refining", "trading",
    "housing", "engineering", "consulting", "teaching", "learning", "testing", "filling", "charging", "parking",
    "boarding", "screening", "recycling", "farming", "fishing", "printing", "marketing", "funding", "building",
    "logging", "drilling", "pumping", "smelting", "packaging", "accounting", "sewing", "spinning", "research",
    # Places and rooms named for what is done there ("three landing sites" of a fishery, set 60; "two loading bays",
    # "four milking parlours", "six meeting rooms").
    "landing", "loading", "docking", "milking", "spawning", "sorting", "dining", "washing", "meeting",
    # What a product or a device is made for, a gerund no participle reads ("six grading maps" of a flood's damage,
    # set 66; "four sampling kits", "two warning sirens", "three rating agencies", "12 shopping centres", "five
    # cooking classes"). ("waiting", "sleeping", "voting" are left out: "40 waiting passengers" describes.)
    "grading", "mapping", "sampling", "warning", "rating", "shopping", "cooking", "scanning",
})
# Nouns whose ending looks like an adjective's ("-ic", "-al", "-ary", "-ive") that name a kind of thing
# before another noun: "five traffic rights", "three hospital beds", "two terminal buildings".
_NOUNS_ENDING_AS_ADJECTIVES = frozenset({
    "traffic", "clinic", "republic", "music", "logic", "topic", "hospital", "terminal", "capital", "festival",
    "journal", "material", "portal", "signal", "canal", "animal", "mineral", "rental", "arrival", "library",
    "secretary", "dictionary", "salary", "boundary", "objective", "executive", "representative", "detective",
})
_ENGLISH_ADVERBS = frozenset({"fast", "well", "far", "ever", "slow", "hard", "quick", "self", "forward", "all",
                              "record", "half", "never", "so", "free", "good", "hot"})


_NOUNS_OR_VERBS = frozenset({"accounts", "amounts"})
# Plurals `ENGLISH_NOT_COUNTED` leaves out as the verbs they also are ("the total stands at"), nouns after a plural.
_PLURALS_ALSO_VERBS = frozenset({"stands", "remains"})
_LENGTHS = frozenset({"metres", "meters", "kilometres", "kilometers", "km", "miles"})
# Measure words that also name devices or places ("gas meters", "charging points"), and the words before them that
# keep them measures ("percentage points", "cubic meters").
_MEASURES_ALSO_DEVICES = frozenset({"meter", "meters", "point", "points"})
_MEASURE_QUALIFIERS = frozenset({"percentage", "percent", "basis", "index", "cubic", "square", "linear", "running",
                                 "metric"})


def _english(words: list[tuple[str, int]]) -> Counted | None:
    kept: list[str] = []
    qualified = False  # a qualifier was seen: "and" may join it to another ("big and small companies")
    skip_next = False
    for index, (word, end) in enumerate(words):
        lowered = word.lower()
        if lowered in _NOUNS_OR_VERBS and (index + 1 == len(words) or words[index + 1][0].lower() not in ("for", "to")):
            # "3,000 accounts" are bank accounts; "… accounts for 40%" is the verb.
            return Counted(" ".join([*kept, word]), end, False)
        if (lowered == "member" or word == "Participating") and index + 1 < len(words) \
                and words[index + 1][0].lower() in ("states", "state"):
            # EU texts capitalise "Member States": a title, not a name that qualifies the noun. The OSCE's and the EU
            # Civil Protection Mechanism's "Participating States" are such a title too ("three Participating States
            # have offered pumps"), while "participating countries" in lower case is countries that take part.
            return Counted(f"{word} {words[index + 1][0]}", words[index + 1][1], False)
        if skip_next:
            skip_next = False
            if not _is_english_plural(word) and lowered not in ENGLISH_FUNCTION_WORDS:
                continue  # the second of two coordinated qualifiers
        if lowered in ENGLISH_MEASURES:
            if lowered in ("days", "day") and index and words[index - 1][0].lower() in _KINDS_OF_DAY:
                return Counted(f"{words[index - 1][0]} {word}", end, True)  # "five working days" are no calendar days
            if kept == ["calendar"] and lowered in _CALENDAR_MEASURES:
                # "within 10 calendar days of the lodging", "for two calendar years": a calendar day is a day, as
                # "10 календарных дней" is recorded in days (a working day is not).
                return Counted(word, end, True)
            if lowered in ("hours", "hour") and index and words[index - 1][0].lower() in _KINDS_OF_HOUR:
                return Counted(f"{words[index - 1][0]} {word}", end, True)  # "72 academic hours" of 45 minutes
            if kept and lowered in _MEASURES_ALSO_DEVICES and kept[-1].lower() not in _MEASURE_QUALIFIERS:
                # "18,000 water meters", "40 charging points": after a noun that names their kind they are
                # things counted, not metres or points of a scale.
                return Counted(" ".join([*kept, word]), end, False)
            if lowered in _LENGTHS and len(kept) == 1 and kept[0].islower() and not _is_english_adjective(kept[0]) \
                    and not _is_english_plural(kept[0]):
                # "1,850 lane metres" of a ferry's deck, "420 track kilometres", "90 cable kilometres": a length of a
                # thing laid out, a measure of its own, as "engine hours" are (set 64).
                return Counted(f"{kept[0]} {word}", end, True)
            if lowered == "hours" and len(kept) == 1 and kept[0].islower() and not _is_english_adjective(kept[0]):
                # "2,000 engine hours", "300 flight hours": hours run by a machine or flown, a measure of its own, as
                # "моточасов" is.
                return Counted(f"{kept[0]} {word}", end, True)
            return Counted(word, end, True) if not kept else None
        if _DEMONYM_PLURAL_RE.fullmatch(word) and not _followed_by_english_plural(words, word):
            return Counted(word, end, False)  # "900,000 ethnic Germans", "40 Kazakhs": people named by nation
        if index == 0 and re.fullmatch(r"[A-Z][a-z]{3,}s", word) and not word.endswith(("ss", "us", "is")) \
                and not _followed_by_english_plural(words, word) and (
                    index + 1 == len(words) or not words[index + 1][0][:1].isupper()):
            return Counted(word, end, False)  # "three Eurobonds since 2019": a capitalised plural with no noun after it
        if word == "head" and not kept and (index + 1 == len(words) or not _is_english_plural(words[index + 1][0])):
            # "a herd of about 5,200 head", "800 head of sheep": animals counted by the head, a plural with no "-s" as
            # "cattle" is (set 70); before a plural it qualifies it ("40 head teachers").
            return Counted(word, end, False)
        if lowered in _ANIMALS_ALSO_QUALIFIERS and index + 1 < len(words) \
                and words[index + 1][0].lower() in _PLURALS_ALSO_VERBS:
            # "12 aircraft stands", "40 sheep pens … remains": after a number the craft or animals are many, so a verb's
            # "-s" cannot agree with them; the word is the plural noun they qualify (set 76's airport counted "aircraft").
            return Counted(f"{word} {words[index + 1][0]}", words[index + 1][1], False)
        if lowered in _ANIMALS_ALSO_QUALIFIERS and _followed_by_english_plural(words, word):
            kept.append(word)  # "12 sheep farms", "40 cattle trucks": the animal names the kind of the plural after it
            continue
        if _is_english_plural(word):
            if lowered in _PLURAL_MODIFIERS and (following := _next_english_plural(words, word)) is not None:
                # "human rights trainings", "customs officers": a plural-only noun qualifies the next
                return Counted(" ".join([*kept, word, following[0]]), following[1], False)
            return Counted(" ".join([*kept, word]), end, False)
        if lowered in ("and", "or") and (qualified or kept) and len(kept) <= 1:
            kept, skip_next = [], True
            continue
        if lowered in ENGLISH_ADJECTIVES and not kept:
            qualified = True
            continue  # "15 previous rounds": "previous" is no plural, but qualifies the one after it
        if lowered in ENGLISH_FUNCTION_WORDS or lowered in ENGLISH_NOT_COUNTED:
            return None
        qualified = True
        if not kept and index and lowered.endswith("ing") and "-" not in lowered and word == lowered \
                and _is_english_adjective(words[index - 1][0]) and not words[index - 1][0].endswith("est") \
                and index + 1 < len(words) \
                and _is_english_plural(words[index + 1][0]) and words[index + 1][0].lower() not in ENGLISH_MEASURES:
            # "36 automated gauging stations": a word in "-ing" between a qualifier and the head names the kind of
            # thing (English puts a participle that describes before the other qualifiers, "36 existing automated
            # stations"), as "monitoring stations" does; after a superlative it still describes, "the two oldest
            # remaining units".
            kept.append(word)
            continue
        if kept and lowered.endswith("ing") and word == lowered and index + 1 < len(words) \
                and _is_english_plural(words[index + 1][0]):
            # "18 border crossing points", "12 water pumping stations": a word in "-ing" between a noun that qualifies
            # and the head is part of the compound, no adjective.
            kept.append(word)
            continue
        if _is_english_adjective(word):
            if kept:
                return None  # an adjective after a noun modifier: not one noun phrase
            continue
        kept.append(word)  # a noun that qualifies the head: "member states", "visa applications"
    return None


def english_singular_counted(phrase: str) -> str | None:
    """The noun a highlight "one wind farm" counts, in the singular "one" takes: the words after the
    adjectives ("one new plant" -> "plant"), with a fixed term's qualifier kept ("one joint venture"); None for a
    measure, a function word or more than three words."""
    written = phrase.split()
    words = list(written)
    if not 1 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Za-z][A-Za-z-]*", word) for word in words):
        return None
    while words and _is_english_adjective(words[0]) and len(words) > 1:
        words = words[1:]
    lowered = [word.lower() for word in words]
    if any(word in ENGLISH_FUNCTION_WORDS or word in ENGLISH_NOT_COUNTED or word in ENGLISH_MEASURES for word in lowered):
        return None
    if lowered[-1] in ENGLISH_ADJECTIVES:
        return None
    # "joint", "raw", "polling" read as adjectives above, but the term without them names another thing (a venture, a
    # material, a station), as it would in the plural: the qualifier the plural reader keeps stays in the singular too.
    return _with_fixed_qualifier(written, Counted(" ".join(words), 0, False)).unit


# "1" alone before the noun, not part of a larger figure ("21", "0.1", "1,1") nor a label's number ("No. 1", "#1").
_ONE_BEFORE_RE = re.compile(r"(?<![\d.,#])(?<!No\. )(?<!No )(?<!no\. )1[ \u00a0]*$")
# Words a singular reading after "1" stops at or refuses as its head: prepositions and adverbs the function words miss
# ("ranks 1 among", "1 against 3"), scale words read as part of the figure, and pronouns.
_NO_SINGULAR_HEAD = frozenset({
    "among", "amongst", "against", "between", "through", "via", "within", "without", "during", "across", "behind",
    "beyond", "below", "above", "near", "next", "last", "first", "more", "most", "so", "too", "also", "again", "yet",
    "already", "still", "just", "now", "here", "there", "apiece", "both", "all", "either", "neither", "versus", "vs",
    "onwards", "ahead", "back", "away", "off", "instead", "except", "despite", "upon", "toward", "like", "unlike",
    "minus", "times", "apart", "together", "overall", "altogether", "respectively", "it", "they", "he", "she", "we",
    "you", "them", "their", "her", "our", "my", "your", "one", "hundred", "thousand", "million", "billion", "trillion",
    "dozen", "cent", "per", "out", "if", "whether", "because", "though", "although", "nor", "once", "twice",
})


def _english_singular(words: list[tuple[str, int]]) -> Counted | None:
    """The singular noun phrase after "1" ("1 contract", "1 new terminal" -> "terminal", "1 joint venture"), up to
    the word that ends it (a function word, a past participle or punctuation); None when it is longer than three
    words, its head is capitalised or a measure ("1 percentage point" is read as a measure elsewhere)."""
    phrase: list[tuple[str, int]] = []
    for word, end in words:
        lowered = word.lower()
        if lowered in ENGLISH_FUNCTION_WORDS or lowered in ENGLISH_NOT_COUNTED or lowered in _NO_SINGULAR_HEAD or (
                word == lowered and lowered.endswith("ed")):
            break  # ("1 project approved in March": a participle after the noun describes it)
        phrase.append((word, end))
    if not phrase or len(phrase) > 3 or len(phrase) == len(words) == _MOST_ENGLISH_WORDS:
        return None
    head = phrase[-1][0]
    if head != head.lower() or len(head) < 3 or _is_english_plural(head) or \
            any(form in ENGLISH_MEASURES or form in _MEASURES_ALSO_DEVICES for form in (head, head + "s", head + "es")):
        return None
    unit = english_singular_counted(" ".join(word for word, _ in phrase))
    return Counted(unit, phrase[-1][1], False) if unit else None


# -- Russian ---------------------------------------------------------------------------------


# "five working days", "5 рабочих дней": a measure of its own, not days of the calendar.
# (Calendar days are days: "до 15 календарных дней" is recorded in days.)
# A banking day is a working day of banks: "в течение 15 банковских дней" is no fifteen calendar days either.
_CALENDAR_MEASURES = frozenset({"days", "day", "weeks", "week", "months", "month", "years", "year"})
# A shooting day is a working day of a film crew (Russian side, set 71): "74 съемочных дня" is no 74 calendar days.
_KINDS_OF_DAY = frozenset({"working", "business", "рабочих", "рабочие", "рабочий", "рабочего", "банковских",
                           "банковские", "банковский", "банковского", "съемочных", "съемочные", "съемочный",
                           "съемочного", "съёмочных", "съёмочные", "съёмочный", "съёмочного"})
# An academic hour (45 minutes) is another unit than an hour, as a working day is than a day: "72 академических часа",
# "72 academic hours", "72 академиялық сағат".
_KINDS_OF_HOUR = frozenset({"academic", "академических", "академический", "академического", "академиялық"})
# Generic Russian heads whose genitive complement says what kind of thing they are, the two a fixed term as "места
# размещения" is: "18 пунктов пропуска" (border crossings, not points of a scale), "11 объектов недвижимости"
# (properties). A complement is a lowercase noun in the genitive singular right after the head.
_KAZAKH_KINDS_OF_HOUR = frozenset({"академиялық"})
# A member is a member of something: "семь членов экипажа", "9 членов правления" count crew and board members.
_RUSSIAN_HEADS_WITH_A_KIND = ("пункт", "объект", "член")
_RUSSIAN_GENITIVE_SINGULAR_RE = re.compile(r"[а-яё]{3,}(?:а|я|и|ы)")
# An instrument is named with what it measures or detects: "212 датчиков метана" (methane sensors), "120 счетчиков
# воды", "детекторов радиации", as a member is with what it is a member of.
_RUSSIAN_INSTRUMENTS = ("датчик", "счетчик", "счётчик", "газоанализатор", "анализатор", "детектор")


def _described_further(head: str, words: list[tuple[str, int]], at: int, text: str) -> bool:
    """Whether an instrument's complement (`words[at]`) has a genitive of its own after it: "40 датчиков качества
    воздуха" (set 34) describes the sensors, counted as sensors alone; "датчиков метана" names a kind of sensor."""
    if not head.startswith(_RUSSIAN_INSTRUMENTS) or at + 1 >= len(words):
        return False
    following = words[at + 1][0]
    return text[words[at][1]:words[at + 1][1]].strip() == following \
        and _RUSSIAN_GENITIVE_SINGULAR_RE.fullmatch(following) is not None \
        and not following.endswith(RUSSIAN_ADJECTIVE_ENDINGS) and following not in RUSSIAN_NOT_COUNTED


_RUSSIAN_ADJECTIVES_OF_A_SCALE_POINT = frozenset({"процентных", "базисных", "индексных"})
# "из" right before the figure: "заявление из 12 пунктов" (a statement of 12 items).
_CONSISTING_OF_BEFORE_RE = re.compile(r"(?<![\w])(?i:из)[ \u00a0]+\d[\d \u00a0]*$")


# The present tense of the verbs of the news ("экспортируют", "работает", "находятся"), which no noun ends in.
_RUSSIAN_VERB_ENDINGS = ("ают", "яют", "уют", "еют", "ует", "ает", "яет", "ится", "ятся", "ются", "ется", "ирует",
                         # Neuter short participles: "11 млн выделено" (11 million were allotted).
                         "ено", "ано", "ято", "ыто")


# A perfective verb in the future, a prefix and "-ит/-ят": "из них 35 млн вложит партнер", "еще 1,5 млн
# выделит бюджет". (Nouns in "-ит" after a number are in the genitive: "5 кредитов", "3 визита".)
# ("еще четверо приедут весной": "-ут/-ют" too.)
_RUSSIAN_PREFIXED_FUTURE_RE = re.compile(r"(?:вы|вл|по|про|пере|за|на|от|до|при|со|раз|рас|под|об)[а-яё]{2,}(?:ит|ят|ут|ют)")


# A past tense with a prefix ("еще около 45 млн вложила компания", "выделило", "получили") and the present
# plural of the verbs in "-ить" ("еще трое просят скидку", "платят", "возят"): the noun came before the number.
# (The young of animals are nouns in "-ят": "20 тыс. поросят".)
_RUSSIAN_PREFIXED_PAST_RE = re.compile(r"(?:вы|вл|по|про|пере|за|на|от|до|при|со|раз|рас|под|об|у)[а-яё]{2,}"
                                       r"(?:ил|ал|ял|ел)(?:а|о|и)"
                                       # and of the verbs in "-ыть", "-уть" ("недостающие 1,6 млн покрыли из резерва",
                                       # "закрыли", "открыли", "обманули"; set 75): a stem of two letters at least after
                                       # the prefix, so the nouns "прибыли", "убыли", "прогула" stay nouns
                                       r"|(?:вы|вл|по|про|пере|за|на|от|до|при|со|раз|рас|под|об|у)[а-яё]{2,}"
                                       r"(?:ыл|ул)(?:а|о|и)"
                                       # the past of "идти" with a prefix ("девять дошли до четвертьфинала", "12 вышли",
                                       # "пришли", "прошли"): no noun ends so
                                       r"|[а-яё]{0,5}шл[аои]")
# A plural short passive participle with a prefix ("из них около 400 приняты в этом году", "выданы", "одобрены",
# "закрыты"): the verb of the clause, whose noun came before the number. (Nouns in "-ты/-ны" after a number either
# take no prefix, "страны", "цены", or end otherwise, "объекты", "зарплаты", "пошлины".)
# A verb in "-овать/-ировать" needs no prefix ("двое госпитализированы", "эвакуированы", "профинансированы"): no noun
# ends in "-ованы/-еваны" ("диваны", "караваны" have no "о/е" before).
_RUSSIAN_SHORT_PARTICIPLE_PLURAL_RE = re.compile(r"(?:вы|вз|вне|по|про|пере|за|на|от|до|при|со|раз|рас|под|об|о|у)"
                                                 r"[а-яё]+(?:[еая]ны|[яиыу]ты)|[а-яё]{2,}[ое]ваны")
# The same in the singular ("по восьми объектам предоставлена рассрочка", "выдана", "открыто", "построена"): the verb of
# a clause whose subject follows, not a genitive complement of the noun before it, which its "-а" looks like.
_RUSSIAN_SHORT_PARTICIPLE_SINGULAR_RE = re.compile(r"(?:вы|вз|по|про|пере|за|на|от|до|при|со|раз|рас|под|об|пред|пре|у)"
                                                   r"[а-яё]+(?:[еая]н[ао]|[яиыу]т[ао])|[а-яё]{2,}[ое]ван[ао]")
# The past of the verbs of change ("их число выросло на три", "снизилось", "достигло"): reflexive past forms, which no
# noun ends in, and the irregular "-рос/-стиг" pasts with a prefix.
_RUSSIAN_PAST_OF_CHANGE_RE = re.compile(r"[а-яё]{3,}(?:лся|лось|лась|лись)|(?:вы|воз|под|раз|на|до)(?:рос|стиг)(?:ла|ло|ли)?")
_RUSSIAN_PRESENT_PLURAL_RE = re.compile(r"[а-яё]{3,}(?:[сздтвбпмр]ят|[жшчщ]ат)")
# The young of animals in "-ёнок/-онок", whose genitive plural in "-ят/-ат" looks like a verb's present plural
# ("говорят", "слышат"): nouns, counted ("родились трое тигрят", set 75; a zoo's or a farm's young).
_RUSSIAN_YOUNG_OF_ANIMALS = frozenset({"поросят", "ребят", "котят", "жеребят", "верблюжат", "медвежат", "зайчат",
                                       "тигрят", "волчат", "лисят", "щенят", "ягнят", "козлят", "телят", "оленят",
                                       "слонят", "бельчат", "гусят", "утят", "цыплят", "лосят", "барсучат", "тюленят",
                                       "ежат", "бобрят", "мышат", "зверят", "галчат", "орлят", "совят"})


# "12 угольных котельных на газ", "30 новых рабочих в цехе": an adjective of the kind before a noun made of an
# adjective ("котельная", a boiler house; "рабочий", a worker), which a preposition or the clause's end follows;
# the last of the two is the noun counted, where one adjective alone ("5 новых в этом году") names none.
_RUSSIAN_PREPOSITIONS = frozenset({"в", "во", "на", "по", "с", "со", "из", "для", "от", "до", "к", "о", "об", "у", "при",
                                   "за"})


def _two_adjective_forms_before(words: list[tuple[str, int]], index: int) -> bool:
    return index >= 2 and all(words[at][0].lower().endswith(RUSSIAN_ADJECTIVE_ENDINGS) and len(words[at][0]) >= 5
                              for at in (index - 2, index - 1))


# A figure after a preposition, whose noun then takes the case the preposition governs in the plural ("по 17
# поставкам", "из 17 поставок", "в 17 поставках"): a whole number ending in 0 or 5-9, or in 11-14. No such form ends
# in "-ы/-и" (the instrumental "-ми" aside), so a word so ending after it is another part of the clause ("По 17
# поставки сорваны": for 17 of them the deliveries failed), not the noun counted. (Without the preposition a writer's
# slip, "40 кредиты", still names the noun.)
_FIGURE_TAKING_THE_GENITIVE_PLURAL_RE = re.compile(
    r"(?<![\w])(?i:по|из|в|во|на|для|от|до|к|о|об|при|с|со)[ \u00a0]+(?:\d{0,2}1[1-4]|\d{0,2}[5-9]|\d{0,2}[1-9]0|\d{0,1}00)"
    r"[ \u00a0]*$")
# "из 156 мастерских, которые …": a relative pronoun refers back to a noun, so the adjective form before it is one
# (a noun made of an adjective: мастерская, a workshop; котельная; животное).
_RUSSIAN_RELATIVE_AFTER_RE = re.compile(r"[ \u00a0]*,[ \u00a0]*котор[а-яё]+", re.IGNORECASE)
# (A comma or a dash: "10 платных." closing a list is elliptic, "15 государственных грантов и 10 платных".)
_RUSSIAN_CLAUSE_END_RE = re.compile(r"[ \u00a0]*(?:[,;)]|[–—][ \u00a0])")
# The sentence's end: "присяжные оправдали 17 подсудимых." (the accused), an adjective form that names people or things
# by itself, unless an earlier figure of the sentence has an adjective of the same form before its noun ("15
# государственных грантов и 10 платных.", where the second is elliptic).
_RUSSIAN_SENTENCE_END_RE = re.compile(r"[ \u00a0]*(?:[.!?…]|$)")
_RUSSIAN_PARTICIPLE_NOMINATIVE_PLURAL = ("ющие", "ящие", "ащие", "вшие", "емые", "имые")
# Nothing more in the clause: its end, a colon that opens a list, or a dash.
_RUSSIAN_NOTHING_MORE_RE = re.compile(r"[ \u00a0]*(?:[.!?…,;:)]|[–—][ \u00a0]|$)")
# Only a participle's form stands for people by itself there ("обвиняемых", "пострадавших", "погибших", "задержанных",
# "убитых", "раненых"); an adjective's is elliptic ("из 30 полуфиналистов – 7 лучших.", "10 иностранных.").
_RUSSIAN_PARTICIPLE_RE = re.compile(r"(?:вших|[бгк]ших|щих|[еиоуяа]мых|(?<!ствен)(?<!цион)(?<!стран)нных|тых|раненых)$")


def _an_earlier_figure_with_an_adjective(text: str, position: int, ending: str) -> bool:
    figure = re.search(r"\d[\d \u00a0,.]*$", text[:position])
    before = text[:figure.start() if figure else position]
    return re.search(rf"\d[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?[а-яё]+{ending}[ \u00a0]+[а-яё]{{3,}}", before,
                     re.IGNORECASE) is not None


_RUSSIAN_NOUN_ENDINGS_IN_IE = RUSSIAN_NOUN_ENDINGS_IN_IE
# Adjectives Russian uses as nouns for people, in the genitive (and accusative) plural a figure puts them in: what the
# figure counts when no noun follows ("Семейный билет на двоих взрослых и …", set 53); before a noun they qualify it
# ("14 взрослых особей", "200 рабочих мест"). (Participles, "пострадавших", are read as such at a clause's end.)
_RUSSIAN_PEOPLE_NAMED_BY_AN_ADJECTIVE = frozenset({"взрослых", "пожилых", "рабочих", "ученых", "учёных", "больных",
                                                   "безработных", "военных", "пленных", "малоимущих", "приезжих",
                                                   # district police officers (set 66): "46 участковых прошли …"
                                                   "участковых"})
# A verb in the plural right after such an adjective ("46 участковых прошли стажировку", "120 рабочих получат"): the
# clause's verb, no noun, so the adjective is what the figure counts, as before "и" or a comma.
# Animals named by an adjective turned noun (животное, млекопитающее, насекомое): what a figure right before them
# counts, before a colon, a figure or a verb as before a comma ("поступили 134 животных: 96 собак …", "более 2 800
# животных 264 видов"; set 75); before a noun in the genitive plural they qualify it ("животных жиров", fats).
_RUSSIAN_ANIMALS_NAMED_BY_AN_ADJECTIVE = frozenset({"животных", "млекопитающих", "насекомых", "пресмыкающихся",
                                                    "земноводных", "парнокопытных", "непарнокопытных"})
_GENITIVE_PLURAL_NOUN_AFTER_RE = re.compile(r"[ \u00a0]+[а-яё]{2,}(?:ов|ев|ей)(?![\w])", re.IGNORECASE)
_PLURAL_VERB_AFTER_RE = re.compile(r"[ \u00a0]+[а-яё]{2,}(?:ли|ют|ят|ут)(?![\w])", re.IGNORECASE)
_NO_NOUN_AFTER_RE = re.compile(r"[ \u00a0]*(?:[,;.!?…)]|[–—]|$|(?:и|или|а|но|из|в|во|на|с|со|по|за|до|от|для|при|у)"
                               r"(?![\w]))", re.IGNORECASE)


# "в", "во" before a figure make "раза" after it a multiplier ("в 4 раза", "почти в три раза").
_MULTIPLIER_V_BEFORE_RE = re.compile(r"(?<![\w])(?i:во?)\s+\S+\s*$")


# Pronouns declined as adjectives, which stand for a noun rather than being one.
_RUSSIAN_PRONOUN_FORMS_RE = re.compile(r"(?:котор|так|друг|сво|вс|эт|т|как|ин|одн|наш|ваш|мо|тв|сам)[а-яё]{1,3}")


def _russian(words: list[tuple[str, int]], text: str = "", position: int = 0) -> Counted | None:
    takes_the_genitive_plural = _FIGURE_TAKING_THE_GENITIVE_PLURAL_RE.search(text, 0, position) is not None
    for index, (word, end) in enumerate(words):
        lowered = word.lower()
        if index and lowered.startswith(("дн", "день")) and words[index - 1][0].lower() in _KINDS_OF_DAY:
            return Counted(f"{words[index - 1][0]} {word}", end, True)
        if index and lowered.startswith("час") and words[index - 1][0].lower() in _KINDS_OF_HOUR:
            return Counted(f"{words[index - 1][0]} {word}", end, True)
        if lowered in RUSSIAN_COUNTED_EXCEPTIONS:
            return Counted(word, end, False)
        if not index and lowered in ("раз", "раза") and not _MULTIPLIER_V_BEFORE_RE.search(text, 0, position):
            # "с тех пор ставили четыре раза": how often, a count of times as "four times" is (sets 60 and 61); a
            # multiplier has its "в" ("в четыре раза", read before this).
            return Counted(word, end, False)
        if lowered in RUSSIAN_YEARS_OF_TIME:
            # "исполняется 33 года": years of time (a year written as a year was read as a date before).
            return Counted(word, end, True)
        if lowered in ("и", "или") and index and index + 1 < len(words) and \
                words[index - 1][0].lower().endswith(RUSSIAN_ADJECTIVE_ENDINGS) and \
                words[index + 1][0].lower().endswith(RUSSIAN_ADJECTIVE_ENDINGS):
            continue  # "четырех казахстанских и европейских организаций": two adjectives of one noun
        if lowered in RUSSIAN_NOT_COUNTED or not (re.match(rf"[{CYRILLIC_LETTER}]", lowered)
                                                  or _LATIN_HYPHENED_TO_RUSSIAN_RE.fullmatch(lowered)) \
                or (len(lowered) >= 6 and lowered.endswith(_RUSSIAN_VERB_ENDINGS)) \
                or ((_RUSSIAN_PREFIXED_FUTURE_RE.fullmatch(lowered) or _RUSSIAN_PREFIXED_PAST_RE.fullmatch(lowered)
                     or _RUSSIAN_PRESENT_PLURAL_RE.fullmatch(lowered) or _RUSSIAN_SHORT_PARTICIPLE_PLURAL_RE.fullmatch(lowered)
                     or _RUSSIAN_PAST_OF_CHANGE_RE.fullmatch(lowered))
                    and lowered not in _RUSSIAN_YOUNG_OF_ANIMALS):
            if lowered in _RUSSIAN_PREPOSITIONS and _two_adjective_forms_before(words, index):
                return Counted(words[index - 1][0], words[index - 1][1], False)
            return None  # ("более 300 экспортируют": a verb in the present counts nothing)
        # "крупных", "казахстанско-германских" are adjectives; "стран-членов" is a compound noun. Nouns in "-ение",
        # "-ание", "-тие" ("21 заявление", "31 уведомление", "41 здание") end in "-ие" as plural adjectives do, but no
        # adjective ends so: soft ones have a consonant before their "-ние" ("летние", "последние", "внешние").
        if lowered.endswith(RUSSIAN_ADJECTIVE_ENDINGS) and not lowered.endswith(_RUSSIAN_NOUN_ENDINGS_IN_IE):
            if index == 0 and lowered in _RUSSIAN_ANIMALS_NAMED_BY_AN_ADJECTIVE and not (
                    text and _GENITIVE_PLURAL_NOUN_AFTER_RE.match(text, end)):
                return Counted(word, end, False)  # "134 животных: 96 собак", not "200 животных жиров"
            if lowered in _RUSSIAN_PEOPLE_NAMED_BY_AN_ADJECTIVE and text and (
                    _NO_NOUN_AFTER_RE.match(text, end) or _PLURAL_VERB_AFTER_RE.match(text, end)):
                return Counted(word, end, False)  # "на двоих взрослых и …", "120 рабочих и 15 инженеров"
            if text and _PART_OF_A_WHOLE_BEFORE_RE.search(text, max(0, position - 60), position):
                # "в парке 420 автобусов, из них 96 новых газовых", "164 рейса, в том числе 11 международных": only
                # adjectives after a part of a whole, the whole's noun left out; the part counts it (read there).
                continue
            if index + 1 == len(words) < _MOST_WORDS and _two_adjective_forms_before(words, index + 1):
                return Counted(word, end, False)  # "… 12 угольных котельных." at a clause's end
            if index == 0 and lowered.endswith(("ых", "их")) and len(lowered) >= 6 and text \
                    and not _RUSSIAN_PRONOUN_FORMS_RE.fullmatch(lowered) and (
                    _RUSSIAN_RELATIVE_AFTER_RE.match(text, end) or _RUSSIAN_CLAUSE_END_RE.match(text, end)
                    or (_RUSSIAN_SENTENCE_END_RE.match(text, end) and _RUSSIAN_PARTICIPLE_RE.search(lowered)
                        and not _an_earlier_figure_with_an_adjective(text, position, lowered[-2:]))):
                # "Из 156 мастерских, которые …", "погибли более 200 тыс. животных, почти 90% …": a genitive plural
                # adjective form right after the figure that a relative clause or the clause's end follows is the
                # noun itself; one followed by more words qualifies them ("5 новых в этом году" names none).
                return Counted(word, end, False)
            if index == 0 and lowered.endswith(_RUSSIAN_PARTICIPLE_NOMINATIVE_PLURAL) and len(lowered) >= 7 and text \
                    and _RUSSIAN_NOTHING_MORE_RE.match(text, end):
                # "включает три составляющие.", "две отстающие: …": after "два/три/четыре" a participle's nominative
                # plural that ends the clause is a noun in its own right (a component, a laggard), as "мастерских"
                # is in the genitive; an adjective's there is elliptic ("две новые.") and stays uncounted.
                return Counted(word, end, False)
            continue
        if len(lowered) < 3:
            return None
        if index == 0 and takes_the_genitive_plural and lowered.endswith(("ы", "и")) and word == lowered \
                and not lowered.endswith("ми"):  # (the instrumental "-ами/-ями" follows any figure: "с 28 странами")
            return None
        # ("комиссия в составе пяти членов рассмотрела заявки": a past tense after the head is the clause's verb, no
        # genitive complement of it, whose "-ла" looks like one.)
        if lowered.startswith(_RUSSIAN_HEADS_WITH_A_KIND + _RUSSIAN_INSTRUMENTS) and index + 1 < len(words) \
                and _RUSSIAN_GENITIVE_SINGULAR_RE.fullmatch(complement := words[index + 1][0]) \
                and not complement.endswith(RUSSIAN_ADJECTIVE_ENDINGS) and complement not in RUSSIAN_NOT_COUNTED \
                and not _RUSSIAN_PREFIXED_PAST_RE.fullmatch(complement.lower()) \
                and not _RUSSIAN_SHORT_PARTICIPLE_SINGULAR_RE.fullmatch(complement.lower()) \
                and text[end:words[index + 1][1]].strip() == complement \
                and not _described_further(lowered, words, index + 1, text):
            return Counted(f"{word} {complement}", words[index + 1][1], False)
        if lowered.startswith("пункт") and index and words[index - 1][0].lower().endswith(("ых", "их")) \
                and words[index - 1][0].lower() not in _RUSSIAN_ADJECTIVES_OF_A_SCALE_POINT:
            # "14 тепловых пунктов" (heating substations), "12 населенных пунктов", "5 медицинских пунктов": an
            # adjective before "пункт" names a place of that kind, counted with it (a fixed term, as "пунктов пропуска"
            # is); a point of a scale is "на 12 пунктов" alone or "процентных пунктов".
            return Counted(f"{words[index - 1][0]} {word}", end, False)
        if lowered.startswith("пункт") and index == 0 and text \
                and _CONSISTING_OF_BEFORE_RE.search(text, max(0, position - 20), position):
            # "заявление из 12 пунктов", "план из 8 пунктов": what a document consists of are its items, counted.
            return Counted(word, end, False)
        return Counted(word, end, lowered.startswith(RUSSIAN_MEASURE_STEMS) or lowered in RUSSIAN_SCORE_WORDS
                       or _RUSSIAN_COMPOUND_MEASURE_RE.match(lowered) is not None)
    return None


_PART_OF_A_WHOLE_BEFORE_RE = re.compile(r"(?<![\w])(?:из\s+них|из\s+которых|в\s+том\s+числе|среди\s+них)\s+"
                                        r"(?:[а-яё]+\s+){0,2}\d[\d\s\u00a0,.]*$", re.IGNORECASE)


# A measure of time or distance with a combining form before it is a measure still: "2 000 моточасов" (engine hours),
# "человеко-часов", "пассажиро-километров", "койко-дней".
# Work in people times a month or a year ("96 человеко-месяцев", "4 человеко-года") is measured too; those need the
# hyphen, since "новогодних" has a combining "о" before "год" as well.
_RUSSIAN_COMPOUND_MEASURE_RE = re.compile(r"[а-яё]{2,}о-?(?:час|дн|дней|день|сут|километр)"
                                          r"|[а-яё]{2,}о-(?:месяц|недел|год|лет)")


# -- Kazakh ----------------------------------------------------------------------------------


# A loanword in "-ист" with the possessive "-і" and any case after it ("журналисі", "специалисінің"); the "и" is a
# loanword's, no native word ends in "-ис" before "-і" ("кірісі" is кіріс + і).
_IST_WITH_ITS_POSSESSIVE_RE = re.compile(r"(?P<stem>[а-яё]{3,}[бвгдклмнпртфхц]ис)і(?:н|не|нде|нен|мен|нің)?")


def _kazakh_base(word: str) -> str:
    """The word without its possessive and case endings, when that leaves a noun this knows."""
    first, hyphen, last = word.rpartition("-")
    if hyphen and first and len(last) >= 3:
        # "төсек-орын" (beds), "жүк-жолаушы": the endings are the last part's, and "орын" is no "ор" + "ын".
        return f"{first.lower()}-{_kazakh_base(last)}"
    if (loanword := _IST_WITH_ITS_POSSESSIVE_RE.fullmatch(word.lower())) is not None:
        # "журналисі", "экономисінің" (its journalist, of its economist): a loanword in "-ист" drops its "т" before the
        # possessive "-і", as "туристер" keeps it before a consonant (issue #17, set 63's "тоғыз журналисі").
        return loanword["stem"] + "т"
    base = _kazakh_base_as_cut(word)
    lowered = word.lower()
    if base != lowered and len(base) <= 3 and lowered[len(base):] in _ENDINGS_LIKE_A_SYLLABLE \
            and base not in KAZAKH_KNOWN_STEMS and base not in KAZAKH_MEASURES:
        # "шахта", "жүлде" are nouns, not "шах" + "та", "жүл" + "де": a stem this short is cut only when known.
        return lowered
    if base != lowered and base.endswith("л") and _LOANWORD_RE.search(base) and lowered[len(base)] in "іе":
        return base + "ь"  # "кинофестивалінде" -> кинофестиваль: a Russian loanword drops its "ь" before "і"
    if base != lowered and len(base) >= 4 and base not in KAZAKH_KNOWN_STEMS and base[-1] not in _VOWELS \
            and base[-2] not in _VOWELS:
        # "кәсіпорнында" -> кәсіпорын, "орнына" -> орын: a noun whose last syllable is a narrow vowel between two
        # consonants drops that vowel before a vowel ending; it comes back, in the stem's vowel class, when that
        # makes a noun this knows (no Kazakh word ends in two consonants such as "рн").
        restored = base[:-1] + ("ы" if (_last_vowel(base) or "") in _BACK_VOWELS else "і") + base[-1]
        if restored in KAZAKH_KNOWN_STEMS:
            return restored
    return base


# Case endings that could as well be a noun's last syllable ("шах-та", "жүл-де", "дүн-ие"); a possessive
# ("түр-ін", "шот-ын") is not.
_ENDINGS_LIKE_A_SYLLABLE = frozenset({"та", "те", "да", "де", "ға", "ге", "қа", "ке", "на", "не", "мен", "бен", "пен",
                                      "а", "е"})
# Letters only loanwords have (and "о" after the first syllable is rare in native words, so it is not used).
_LOANWORD_RE = re.compile(r"[вфцчщё]")


def _kazakh_base_as_cut(word: str) -> str:
    lowered = word.lower()
    if lowered in KAZAKH_KNOWN_STEMS:
        return lowered
    if re.fullmatch(rf"[{CYRILLIC_LETTER}]{{3,}}[^аоұыяәеөүіэиу]у[ыі]", lowered):
        return lowered[:-1]  # "алмасуы", "дамуы": a verbal noun in "-у" with its possessive
    for ending in _KAZAKH_ENDINGS:
        if not lowered.endswith(ending):
            continue
        stem = lowered[: -len(ending)]
        if stem in KAZAKH_KNOWN_STEMS or (stem in KAZAKH_MEASURES and len(stem) >= 5):
            # ("20-22 градусқа": a measure of five letters or more with a case ending; a short one is cut only as a
            # known stem, "жылы" is no "жыл" + "ы" here.)
            return stem
        # A plural before the case ending: "компаниялардың" -> компания, "вагондарды" -> вагон.
        if stem.endswith(_PLURAL_ENDINGS) and stem[:-3] in KAZAKH_KNOWN_STEMS:
            return stem[:-3]
    for ending in _KAZAKH_ENDINGS:
        stem = lowered[: -len(ending)]
        if lowered.endswith(ending) and len(ending) >= 3 and len(stem) >= 3:
            if ending in ("нда", "нде") and stem[-1] not in "ыі":
                # "дүкенде" is "дүкен" + "де", not "дүке" + "нде": the locative "-нда/-нде" follows a possessive's
                # "-ы/-і" only ("үйінде", "қаласында"); after a noun's own "н" it is "-да/-де", cut below.
                continue
            if ending.startswith("с") and stem.endswith(("ы", "і")) and not stem.endswith(("шы", "ші")):
                # "отырысын" is "отырыс" + "ын" (a noun in "-ыс/-іс"), not "отыры" + "сын"; the
                # possessive "-сы" follows other vowels ("дозасын") and doers in "-шы" ("сарапшысын").
                continue
            if ending in _PLURAL_ENDINGS and (vowel := next((letter for letter in reversed(
                    # (A verbal noun's final "-у" takes the vowel class of the syllable before it: "ескертулер",
                    # "жөндеулер" are warnings and repairs, "оқулар" is back; set 72's "ескертулер саны".)
                    stem[:-1] if len(stem) >= 4 and stem[-1] == "у" else stem)
                    if letter in _BACK_VOWELS + _FRONT_VOWELS + "иу"), None)) is not None \
                    and (ending[1] == "а") != (vowel in _BACK_VOWELS + "у"):
                # "волонтер", "компьютер": a plural ending agrees with the stem's last vowel ("волонтерлер"), so a
                # "-тер" after a back vowel is the word's own last syllable.
                continue
            if ending[0] in "ыі" and stem.endswith(("ш", "ч")):
                # "спортшымен", "өндірушінің": "-шы/-ші" names a doer and is the noun's own, so the case ending
                # after it is "-мен", "-нің" (as the possessive loop below reads "сарапшысын").
                continue
            if ending.startswith(("мыз", "міз")) and (
                    stem[-1] not in _BACK_VOWELS + _FRONT_VOWELS
                    or (ending[1] == "ы") != ((_last_vowel(stem) or "") in _BACK_VOWELS)):
                # "-мыз/-міз" (our) follows a vowel, in the stem's vowel class ("оқушымыз"); "қымыз" is a word.
                continue
            if ending in ("тер", "тар") and stem.endswith("ис"):
                return stem + "т"  # "туристер": see _without_plural
            if ending.startswith(("ымыз", "іміз")) and stem[-1] in _UNVOICED:
                return stem[:-1] + _UNVOICED[stem[-1]]  # "мектебімізде" -> мектеп, voiced before the vowel
            if ending[0] in "ыі" and len(stem) >= 3 and stem[-1] in "ғгб" and stem[-2] not in _BACK_VOWELS + \
                    _FRONT_VOWELS + "иу" and ending[1:] in _CASE_AFTER_A_VOWEL:
                # "үлгінің" -> үлгі, "белгіні" -> белгі: no Kazakh word ends in a consonant and "ғ/г/б" ("үлг", "белг"),
                # and a "қ/к/п" is voiced only after a vowel, so the "ы/і" is the noun's own and "-нің", "-ні" its case.
                return stem + ending[0]
            if ending[0] in "ыі" and len(stem) >= 4 and stem[-2] in _BACK_VOWELS + _FRONT_VOWELS and (
                    stem[-1] in "ғб" or (stem[-1] == "г" and stem[-2] in "еіәөү")):
                # "итбалығының" -> итбалық, "кітабының" -> кітап: no Kazakh word ends in "ғ/г/б", a "қ/к/п" between
                # vowels is voiced ("диалогының", a loanword's "г" after "о", stays).
                return stem[:-1] + _UNVOICED[stem[-1]]
            if ending[0] in "ыі" and len(stem) == 3 and stem[-1] in _UNVOICED and \
                    (unvoiced := stem[:-1] + _UNVOICED[stem[-1]]) in KAZAKH_KNOWN_STEMS:
                # "тобына" -> топ: a known short noun's "п/қ/к" is voiced before the vowel as a longer one's is
                # ("кемінде үш тобына", to at least three groups); an unknown three-letter stem stays as written.
                return unvoiced
            return _without_plural(stem)
    for ending in _SHORT_CASE_ENDINGS:
        stem = lowered[: -len(ending)]
        if lowered.endswith(ending) and len(stem) >= 3 and _ending_fits(stem, ending):
            return _without_plural(stem)  # "туристерге", "сарапшыларды": the plural under the case
    # A noun in "-ыс/-іс" ("отырыс", "жарыс") takes the possessive "-ы/-і" after its "с": "12 отырысы" is "отырыс",
    # not "отыры" + "-сы", as the case loop above reads "отырысын"; few Kazakh nouns end in "ы/і" before a "-сы"
    # ("сарапшысы" is a doer in "-шы", kept below).
    if re.fullmatch(rf"[{CYRILLIC_LETTER}]{{2,}}[^шч][ыі]с[ыі]", lowered) and lowered[-1] == lowered[-3]:
        return lowered[:-1]
    # The possessive "-сы/-сі" follows a vowel only ("шенген визасы", "бағдарламасы"), in the stem's
    # vowel class.
    if lowered.endswith(("сы", "сі")) and len(lowered) >= 5 and lowered[-3] in _BACK_VOWELS + _FRONT_VOWELS and (
            (lowered[-1] == "ы") == ((_last_vowel(lowered[:-2]) or "") in _BACK_VOWELS)):
        return lowered[:-2]
    if lowered.endswith("ақы"):
        return lowered  # "шәкіртақы", "жалақы": nouns of pay end so, with no possessive in them
    if (short := _SHORT_STEM_IN_THE_ACCUSATIVE_RE.fullmatch(lowered)) is not None and (
            (short.group("ending") == "ты") == (lowered[0] in _BACK_VOWELS)):
        # "істі" is "іс" (a case) + "ті", not "іст" + the possessive "-і": no two-letter stem of a vowel and a voiceless
        # consonant takes "-т" before a possessive, while the accusative after a voiceless sound is "-ты/-ті"
        # ("асты", "ішті"); read as a possessive it would leave a stem with no Kazakh word in it.
        return lowered[:2]
    # The possessive "-ы/-і" (with a case after it) follows a consonant, in the stem's vowel class;
    # a stem's last "қ/к/п" is voiced before it ("басымдығын" -> басымдық, "өңірі" -> өңір).
    for ending in _POSSESSIVE_AFTER_CONSONANT:
        stem = lowered[: -len(ending)]
        # "-шы/-ші" names a doer and is part of the noun ("өндіруші", "сарапшы"), not a possessive.
        # A loanword's "и" takes the front endings ("фильмін", "лизингі").
        vowel = _last_vowel(stem) or ("и" if "и" in stem else None)
        # ("умартачы", a beekeeper: "-чы/-чі" is the same doer's suffix.)
        # A stem in "-й" takes it too ("құрылтайы", "музейі") when longer than "мойын", "дайын", "кейін" are.
        if lowered.endswith(ending) and len(stem) >= 3 and stem[-1] not in _BACK_VOWELS + _FRONT_VOWELS + "иушч" and (
                stem[-1] != "й" or len(stem) >= 5) and (
                (ending[0] == "ы") == ((vowel or "") in _BACK_VOWELS)) and vowel is not None:
            if stem[-1] in _UNVOICED and stem[-2] not in _BACK_VOWELS + _FRONT_VOWELS:
                # "тұрғын", "сирғын": no Kazakh word ends in "ғ/г/б", and only a "қ/к/п" after a vowel is
                # voiced before a possessive, so "рғ" + "ын" is no possessive ending but the word itself.
                return lowered
            if len(stem) == 3 and ending in ("ын", "ін"):
                # "түтін" (a household, by its chimney smoke) is no "түт" + "ін": as with the case endings above, a stem
                # this short is cut only when known (known stems were cut before this loop), the word kept whole.
                return lowered
            if stem.endswith(_PLURAL_ENDINGS) and (single := _without_plural(stem)) != stem:
                return single  # "өтініштері" (their applications): the plural under the possessive
            return stem[:-1] + _UNVOICED.get(stem[-1], stem[-1])
    return lowered


# A possessed head of KAZAKH_IZAFET_HEADS, with any case after its possessive ("күніне", "орнына", "орындарын").
_IZAFET_HEAD_RES = tuple((base, re.compile(rf"(?:{forms})(?:н|на|не|нда|нде|нан|нен|мен|ның|нің)?"), dictionary)
                         for base, forms, dictionary in KAZAKH_IZAFET_HEADS)


def _izafet_compound(words: list[tuple[str, int]], index: int) -> Counted | None:
    """"10 жұмыс күніне дейін", "14 400 оқушы орнына", "жұмыс орындарын": a bare noun right before a listed head in
    the possessive is one izafet compound, recorded in its dictionary form ("жұмыс күні", "оқушы орны", "жұмыс
    орны"), its case and plural taken off. The first word must be a bare noun: an adjective ("бос орын"), a measure,
    a genitive owner ("компанияның күні") or any word with an ending of its own makes none."""
    if index + 1 >= len(words):
        return None
    first, following = words[index][0], words[index + 1][0].lower()
    head = next(((base, dictionary) for base, head_re, dictionary in _IZAFET_HEAD_RES if head_re.fullmatch(following)),
                None)
    if head is None or first != first.lower() or len(first) < 3 or not re.fullmatch(rf"[{CYRILLIC_LETTER}]+", first) \
            or first in KAZAKH_NOT_COUNTED or first in KAZAKH_MEASURES or first in KAZAKH_ADJECTIVES \
            or _kazakh_base(first) != first or (_is_kazakh_adjective(first) and first not in KAZAKH_KNOWN_STEMS) \
            or _is_kazakh_participle(first) or _looks_like_kazakh_verb(first):
        return None
    return Counted(f"{first} {head[1]}", words[index + 1][1], head[0] in KAZAKH_MEASURES)


_PLURAL_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер")


def _without_plural(stem: str) -> str:
    """"азаматтар" -> азамат: a plural ending in the stem's vowel class, before a case ending taken off."""
    if not stem.endswith(_PLURAL_ENDINGS) or len(stem) < 6:
        return stem
    # Loanwords' "и" goes with the front endings, "у" with the back ones ("туристер", "шарттар").
    vowel = next((letter for letter in reversed(stem[:-3]) if letter in _BACK_VOWELS + _FRONT_VOWELS + "иу"), None)
    if vowel is None or (stem[-2] == "а") != (vowel in _BACK_VOWELS + "у"):
        return stem
    if stem.endswith(("тер", "тар")) and stem[:-3].endswith("ис"):
        # "туристер", "журналистер": a loanword in "-ист" writes its plural with one "т".
        return stem[:-2]
    return stem[:-3]
# A vowel and a voiceless consonant, then the accusative "-ты/-ті": a two-letter noun in a case ("істі", "ісі" aside).
_SHORT_STEM_IN_THE_ACCUSATIVE_RE = re.compile(r"[аоұыяәеөүі][кқпстш](?P<ending>ты|ті)")
_POSSESSIVE_AFTER_CONSONANT = ("ының", "інің", "ына", "іне", "ында", "інде", "ынан", "інен", "ымен", "імен",
                               "ын", "ін", "ы", "і")
_UNVOICED = {"ғ": "қ", "г": "к", "б": "п"}
# The genitive, accusative and instrumental after a noun's last vowel ("үлгі-нің", "үлгі-ні", "үлгі-мен").
_CASE_AFTER_A_VOWEL = frozenset({"ның", "нің", "ны", "ні", "мен"})


def _last_vowel(stem: str) -> str | None:
    return next((letter for letter in reversed(stem) if letter in _BACK_VOWELS + _FRONT_VOWELS), None)


# Two-letter case endings (locative, dative, accusative) and the sounds they follow: "қалада",
# "мектепте", "елге", "жобаны". Taken off an unknown noun only when the ending's vowel agrees with
# the stem's last vowel and its consonant with the stem's last sound, as Kazakh grammar requires.
_SHORT_CASE_ENDINGS = ("да", "де", "та", "те", "ға", "ге", "қа", "ке", "ны", "ні", "ды", "ді", "ты", "ті")
_BACK_VOWELS, _FRONT_VOWELS = "аоұыя", "әеөүіэ"
_VOWELS = _BACK_VOWELS + _FRONT_VOWELS + "иуёюе"
_VOICELESS = "кқпстфхшщцч"


def _ending_fits(stem: str, ending: str) -> bool:
    if stem.endswith("у") and len(stem) >= 4:
        # "алмасуға", "дамуда", "оқуды": a verbal noun in "-у" takes the endings that follow a vowel
        # sound, in the class of the vowel before it.
        vowel = _last_vowel(stem[:-1])
        return vowel is not None and ending[0] in "гғдн" and (ending[1] in "аы") == (vowel in _BACK_VOWELS)
    last_vowel = next((letter for letter in reversed(stem) if letter in _BACK_VOWELS + _FRONT_VOWELS + "иу"), None)
    if last_vowel == "и" or stem.endswith("ь"):
        # A loanword's "и" takes the front endings ("клипті", "фильмде"), and so does its soft sign, whatever vowel
        # is before it ("фестивальге", "спектакльде").
        last_vowel = "і"
    if last_vowel is None or last_vowel in "иу":
        return False
    if (ending[1] in "аы") != (last_vowel in _BACK_VOWELS):
        return False
    last = stem[-1]
    after_vowel = last in _BACK_VOWELS + _FRONT_VOWELS
    consonant = ending[0]
    if consonant in "тқк":
        return last in _VOICELESS
    if consonant == "н":
        return after_vowel
    if consonant == "д":
        return not after_vowel and last not in _VOICELESS if ending[1] in "ыі" else last not in _VOICELESS
    return last not in _VOICELESS  # ға/ге after vowels and voiced sounds


def _kazakh_compound(words: list[tuple[str, int]], index: int, punctuation_ends: bool = False) -> Counted | None:
    """"атом электр станциясына": bare nouns, then the noun they qualify with its possessive ending
    (the Kazakh compound), up to three words; the unit is the compound in its base form."""
    modifiers: list[str] = []
    for word, end in words[index:index + 3]:
        lowered = word.lower()
        if lowered in KAZAKH_NOT_COUNTED:
            return None
        if lowered in _KAZAKH_OWN_WORDS:
            return None  # "18 команда өз жобасын" (18 teams, their own projects): a pronoun starts the next phrase
        if modifiers and lowered not in KAZAKH_KNOWN_STEMS and _KAZAKH_RELATIVE_ADJECTIVE_RE.search(lowered):
            # A "-ғы/-гі" adjective ("қазіргі", present-day; "Қазақстандағы", in Kazakhstan) qualifies the word after
            # it, never the noun before it: "14 зертхана қазіргі заманғы жабдықпен" counts laboratories.
            return None
        if modifiers and (_ENDS_AS_A_KAZAKH_VERB_RE.search(lowered) or lowered in _KAZAKH_ABOUT_WORDS or (
                punctuation_ends and (word, end) == words[-1] and _KAZAKH_HABITUAL_RE.search(lowered))):
            # The phrase ends at a verb or participle: "23 ескерту жасалды" (23 remarks were made) counts remarks; a
            # past or passive verb in "-лды/-рді/-сты" reads like a possessive "-ы/-і" after a consonant.
            return None
        head = _possessed_stem(lowered)
        if head is None and len(modifiers) == 1 and modifiers[0] not in KAZAKH_MEASURES and \
                _KAZAKH_DOER_OF_AN_OBJECT_RE.fullmatch(doer := _kazakh_base(lowered)):
            # A doer in "-ушы/-уші" takes the bare noun before it as its object, one compound with no possessive
            # between: "су пайдаланушы" (a water user), "қарыз алушы" (a borrower), "жүк тасымалдаушы" (a haulier);
            # a tool in "-ғыш/-гіш" too ("астық кептіргіш").
            head = doer
        if head is None and modifiers and (modifiers[0] not in KAZAKH_KNOWN_STEMS or modifiers[-1].endswith("у")):
            # After a bare noun that qualifies it, "-ы/-і" after a consonant (a case may follow) is the compound's
            # possessive: "бақылау бекеті", "кеден қызметкері", "шекара бекетін". A noun commonly counted is itself
            # what is counted, the word after it the next part of the clause ("25 компания өнімін көрсетеді").
            head = _possessed_after_consonant(_without_case_after_possessive(lowered))
        if head is None and modifiers and _OUR_POSSESSIVE_RE.search(lowered) and \
                (base := _kazakh_base(lowered)) != lowered:
            # "сервис орталығымыз" (our service centres): "our" takes the place of the compound's "-ы/-і".
            head = base
        # (Not a measure: "5 топ күн сайын" is five teams, every day.)
        if head is None and len(modifiers) == 1 and lowered in KAZAKH_KNOWN_STEMS and lowered not in KAZAKH_MEASURES \
                and modifiers[0] not in \
                KAZAKH_KNOWN_STEMS and not _is_kazakh_adjective(modifiers[0]) and not (
                    len(lowered) >= 5 and lowered.endswith(_HAVING_ENDINGS)) and not (
                    index + len(modifiers) + 1 == len(words) and punctuation_ends):
            # A noun in apposition before a known noun, no possessive between them: "басқарушы компания" (a
            # management company), "мердігер компания", "серіктес ұйым"; not the clause's closing predicate ("46
            # умартачы мүше.": 46 beekeepers are members) nor an adjective in "-ті" ("салымшы ерікті жарна").
            head = lowered
        if head is None and len(modifiers) == 1 and _KAZAKH_TOOL_RE.fullmatch(modifiers[0]) and len(lowered) >= 5 \
                and _kazakh_base(lowered) == lowered and lowered not in KAZAKH_MEASURES \
                and not _is_kazakh_adjective(lowered) and not _is_kazakh_participle(lowered) \
                and not _ENDS_AS_A_KAZAKH_VERB_RE.search(lowered) \
                and not (index + 2 == len(words) and punctuation_ends):
            # A tool in "-ғыш/-қыш" qualifies the bare noun after it, one compound with no possessive between, whether
            # or not the noun is one commonly counted: "тоңазытқыш витрина" (a refrigerated display case), "тоңазытқыш
            # камера", "шаң сорғыш" is a tool itself (issue #17, set 77).
            head = lowered
        if head is not None and modifiers and head != lowered and _is_kazakh_participle(modifiers[-1]):
            # "2 140 сотталған жазасын өтеуде" (2,140 convicts serve their sentences): a participle qualifies a noun
            # bare ("сотталған адам"), never one with a possessive, which belongs to the participle made a noun; the
            # participle is what is counted, the possessed word the next part of the clause.
            return None
        if head is not None and modifiers and not _is_kazakh_verbal_noun(modifiers[0]) \
                and _has_a_plural_under_its_possessive(lowered):
            # "4 316 дау татуластыру рәсімдері арқылы шешілді" (4,316 disputes were settled through reconciliation
            # procedures): a Kazakh number never counts a plural, so a possessed plural after it heads another
            # phrase, and the noun right after the number is counted ("5 бақылау бекеті", singular, is five checkpoints).
            return Counted(modifiers[0], words[index][1], modifiers[0] in KAZAKH_MEASURES)
        if head is not None and len(modifiers) >= 2 and head != lowered and \
                (after := index + len(modifiers) + 1) < len(words) and \
                (_possessed_stem(following := words[after][0].lower()) is not None or
                 _possessed_after_consonant(_without_case_after_possessive(following)) is not None) and \
                not _ENDS_AS_A_KAZAKH_VERB_RE.search(following) and not any(
                    _is_kazakh_verbal_noun(modifier) or (len(modifier) >= 5 and modifier.endswith(("ау", "еу")))
                    for modifier in modifiers):
            # "2 400 қызметкер еңбек қауіпсіздігі курсынан өтті" (2,400 employees took the labour safety course): a
            # possessive links a noun to the one bare noun before it ("еңбек қауіпсіздігі"), and a possessed noun
            # after it makes the pair a phrase of its own ("… курсынан"); the bare noun before the pair is counted. A
            # verbal noun takes the bare noun before it as its object, one compound of three ("40-қа жуық балық өңдеу
            # цехының жартысынан", of some 40 fish processing shops, half; "-ау/-еу" of a vowel stem, "өңде-у", too).
            return Counted(modifiers[0], words[index][1], modifiers[0] in KAZAKH_MEASURES)
        if head is not None and modifiers:
            return Counted(" ".join([*modifiers, head]), end, head in KAZAKH_MEASURES)
        if not modifiers and (plural := _plural_qualifying_a_possessed_noun(words, index)) is not None:
            return plural
        if _kazakh_base(lowered) != lowered or (_is_kazakh_adjective(lowered) and lowered not in KAZAKH_KNOWN_STEMS) \
                or lowered in KAZAKH_NOT_COUNTED or (not modifiers and lowered in KAZAKH_MEASURES):
            return None  # ("186 шақырым суару каналы": a measure first is what the number measures)
        modifiers.append(lowered)
    return None




_PLURAL_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер")


def _plural_qualifying_a_possessed_noun(words: list[tuple[str, int]], index: int) -> Counted | None:
    """"үш деректер орталығы" (three data centres), "төрт жолаушылар пойызы" (four passenger trains): a Kazakh number
    never counts a plural, so a bare plural right after it qualifies the possessed noun that follows, one compound
    counted as written, the plural kept and the possessive dropped ("деректер орталық", as "жұмыс күн")."""
    if index + 1 >= len(words):
        return None
    lowered = words[index][0].lower()
    if not lowered.endswith(_PLURAL_ENDINGS) or _kazakh_base(lowered) != lowered[:-3] or len(lowered) < 7 \
            or lowered in KAZAKH_KNOWN_STEMS:
        return None
    following, end = words[index + 1][0].lower(), words[index + 1][1]
    if _ENDS_AS_A_KAZAKH_VERB_RE.search(following) or following in KAZAKH_NOT_COUNTED:
        return None
    head = _possessed_stem(following) or _possessed_after_consonant(_without_case_after_possessive(following))
    if head is None or head in KAZAKH_MEASURES:
        return None
    return Counted(f"{lowered} {head}", end, False)


# A doer made of a verb: its verbal noun in "-у", then "-шы/-ші" ("пайдаланушы", "алушы", "тасымалдаушы"); and a
# tool made of a verb in "-ғыш/-гіш/-қыш/-кіш", which takes its object bare before it the same way: "астық
# кептіргіш" (a grain dryer), "шаң сорғыш" (a vacuum cleaner), "су жылытқыш" (a water heater).
_KAZAKH_DOER_OF_AN_OBJECT_RE = re.compile(r"[а-яәіңғүұқөһ]{2,}(?:у(?:шы|ші)|ғыш|гіш|қыш|кіш)")
_KAZAKH_TOOL_RE = re.compile(r"[а-яәіңғүұқөһ]{3,}(?:ғыш|гіш|қыш|кіш)")


_KAZAKH_ONLY_WORDS = frozenset({"ғана", "қана"})


def _is_kazakh_participle(word: str) -> bool:
    """"сотталған", "тіркелген", "ұсталған": "-ған/-ген" after a vowel or a voiced sound, "-қан/-кен" after a voiceless
    one, as the participle's ending agrees ("рентген", a "т" before "-ген", is a loanword, no participle)."""
    if len(word) < 6 or not word.endswith(("ған", "ген", "қан", "кен")):
        return False
    return (word[-4] in _VOICELESS) == word.endswith(("қан", "кен"))


def _kazakh_participle_qualifies(following: str) -> bool:
    """The word after a participle is a noun it qualifies: a known noun, or a noun in a case whose ending is no certain
    possessive ("плитканы", "вагонды"; not "жазасын") and that closes no clause as a verb would."""
    base = _kazakh_base(following)
    if base in KAZAKH_KNOWN_STEMS:
        return _possessed_stem(following) is None or following == base
    return base != following and len(base) >= 3 and _possessed_stem(following) is None \
        and not _closes_as_a_predicate(following) and following not in KAZAKH_NOT_COUNTED


def _is_kazakh_verbal_noun(word: str) -> bool:
    """"татуластыру", "бақылау": "-у" after a consonant ("дау", a dispute, has a vowel before it)."""
    return len(word) >= 5 and word.endswith("у") and word[-2] not in _BACK_VOWELS + _FRONT_VOWELS + "иу"


_A_PLURAL_UNDER_A_POSSESSIVE_RE = re.compile(r"(?P<stem>.{2,}(?:лар|лер|дар|дер|тар|тер))[ыі](?:н|ның|нің|на|не|нда|нде|нан"
                                             r"|нен|мен)?")


def _has_a_plural_under_its_possessive(word: str) -> bool:
    """"рәсімдері", "бекеттерін": a plural ending in the stem's vowel class, then the possessive ("компьютері" is none)."""
    match = _A_PLURAL_UNDER_A_POSSESSIVE_RE.fullmatch(word)
    return match is not None and _without_plural(match.group("stem")) != match.group("stem")
# A verb in the past or present-future, or a passive ("жасалды", "берді", "қатысты", "өтті", "алады"), which ends
# the noun phrase before it: a consonant cluster before "-ды/-ді/-ты/-ті" that no possessed noun here has.
# The first person plural's past after a vowel too ("жасадық", we made; "ойнадық"): after a vowel the adjective's
# suffix is "-лық/-лік", never "-дық/-дік", so "14 соққы жасадық" counts shots.
# A past participle with its possessive and accusative ("рұқсат бергенін хабарлады", reported that it gave permits;
# "ережесін бұзғанын") is the verb of a clause reported, so it ends the phrase as "берген" does (set 72). Not the nouns
# in "-ған/-ген" ("органын", "қорғанын", "тоғанын", "бөгенін").
_ENDS_AS_A_KAZAKH_VERB_RE = re.compile(r"(?:[лрнсзшйм][дт][ыі]|[тсқкпш]т[ыі]|[аеиыіяу]д[ыі][қк]?|ул[ыі]|йт[ыі]н|[ғгқк][ае]н"
                                       r"|(?<!ор)(?<!т[оө])(?<!бө)[ғгқк](?:ан[ы]|ен[і])н)$")
# A "-ғы/-гі/-қы/-кі" adjective: after a consonant ("қазіргі", "сыртқы", "жылғы"; a possessive "-ы/-і" after a voiced
# "қ/к" has a vowel before it, "орталығы"), or of the locative ("Қазақстандағы", "елдегі").
_KAZAKH_RELATIVE_ADJECTIVE_RE = re.compile(r"(?:[бвгджзйклмнпрстфхцчшщңғқһ](?:ғы|гі|қы|кі)|(?:да|де|та|те)(?:ғы|гі))$")
# A passive participle of a stem in a consonant: "салынған" (put in), "берілген" (given), "жөнделген" is not (a vowel
# stem's "-л-" is as often reflexive, "жиналған", gathered, which a noun before it does).
_KAZAKH_PASSIVE_PARTICIPLE_RE = re.compile(rf"[{CYRILLIC_LETTER}]{{2,}}[^аеыіәоөұүяиуэ](?:ыл|іл|ын|ін)(?:ған|ген)")
# The habitual participle "-атын/-етін" closing its clause is its verb ("айына екі рет әкелетін.", it used to bring it
# twice a month); inside a clause the same letters are as often a possessive in the accusative ("бекетін").
_KAZAKH_HABITUAL_RE = re.compile(r"[ае]т[ыі]н$")
_KAZAKH_OWN_WORDS = frozenset({"өз", "өзі", "өзінің", "өздерінің", "оның", "олардың", "біздің", "сол", "бұл", "осы"})
# (After a consonant only: "-амыз/-еміз/-ймыз" after a vowel is as often a verb, "тур ұсынамыз", we offer tours.)
_OUR_POSSESSIVE_RE = re.compile(r"(?:ымыз|іміз)(?:ға|ге|дың|дің|ды|ді|да|де|дан|ден|бен)?$")
_CASE_AFTER_POSSESSIVE_RE = re.compile(r"(?<=[ыі])(?:н|ның|нің|на|не|нда|нде|нан|нен|мен)$")


def _without_case_after_possessive(word: str) -> str:
    """"бекетін" -> бекеті: the case ending a possessive "-ы/-і" takes ("шекара бекетін", "кеден қызметкеріне")."""
    return _CASE_AFTER_POSSESSIVE_RE.sub("", word) if len(word) >= 6 else word


def _possessed_after_consonant(word: str) -> str | None:
    """"бекеті" -> бекет: after a verbal noun that qualifies it, a final "-ы/-і" after a consonant, in
    the stem's vowel class, is the compound's possessive ("бақылау бекеті", a checkpoint)."""
    if len(word) >= 4 and word[-2] == "у" and word[-3] in "ауе" and (word[-1] == "ы") == (word[-3] in "ау"):
        # "еңбек дауы" (a labour dispute), "жер дауы": after a stem in a vowel and "у" ("дау", "тау") the possessive is
        # "-ы/-і" as after a consonant, and the stem keeps its "у" (set 73's "14 еңбек дауы", `еңбек дау`).
        return word[:-1]
    if len(word) < 4 or word[-1] not in "ыі" or word[-2] in _BACK_VOWELS + _FRONT_VOWELS + "иуйш":
        return None
    stem = word[:-1]
    vowel = _last_vowel(stem)
    if vowel is None or ((word[-1] == "ы") != (vowel in _BACK_VOWELS) and not _LOANWORD_RE.search(stem)):
        # (A Russian loanword's "е" may take the back endings: "балық өңдеу цехы", a fish processing shop.)
        return None
    if len(word) == 4 and not _LOANWORD_RE.search(stem):
        return None  # a native stem of three letters is cut only when known
    return stem[:-1] + _UNVOICED.get(stem[-1], stem[-1])


def _possessed_stem(word: str) -> str | None:
    """The noun under a possessive ending ("станциясына" -> "станция"), when the ending is certain."""
    for ending in _KAZAKH_ENDINGS:
        if not word.endswith(ending) or not ending.startswith(("сы", "сі", "ы", "і")):
            continue
        stem = word[: -len(ending)]
        if (ending.startswith(("сы", "сі")) and len(stem) >= 3) or stem in KAZAKH_KNOWN_STEMS:
            return stem
    # "зерттеу орталығы": a stem's last "қ/к" voiced between vowels before the possessive "-ы/-і"
    # ("жылғы", "бүгінгі", with a consonant before "ғ/г", are adjectives).
    if re.search(r"[аоұыяеөүіэ](?:ғы|гі)$", word) and len(word) >= 6 and (
            (word[-1] == "ы") == ((_last_vowel(word[:-2]) or "") in _BACK_VOWELS)):
        return word[:-2] + _UNVOICED[word[-2]]
    # The same with a case after the possessive: "жүк көлігін", "зерттеу орталығына".
    if (voiced := re.search(r"[аоұыяеөүіэ](?P<g>[ғг])(?P<p>[ыі])(?:н|ның|нің|на|не|нда|нде|нан|нен|мен)$", word)) \
            and voiced.start("g") >= 3 and (
            (voiced.group("p") == "ы") == ((_last_vowel(word[:voiced.start("g")]) or "") in _BACK_VOWELS)):
        return word[:voiced.start("g")] + _UNVOICED[voiced.group("g")]
    return None


_ADJECTIVE_OR_WITHOUT_ENDINGS = (*KAZAKH_ADJECTIVE_ENDINGS, "сыз", "сіз")
_THREE_LETTER_ADJECTIVE_ENDINGS = tuple(ending for ending in _ADJECTIVE_OR_WITHOUT_ENDINGS if len(ending) == 3)


def _is_kazakh_adjective(word: str) -> bool:
    lowered = word.lower()
    if "-" in lowered.strip("-"):
        # A pair noun ("қой-ешкі", sheep and goats; "төсек-орын") is an adjective only as its last word is one.
        return _is_kazakh_adjective(lowered.rpartition("-")[2])
    if lowered.endswith(("ғы", "гі", "қы", "кі")) and len(lowered) >= 6 and lowered[-3] in _BACK_VOWELS + _FRONT_VOWELS \
            and (lowered[-4:-2] not in ("да", "де", "та", "те") or lowered.endswith(("қы", "кі"))):
        # "орталығы", "басымдығы": a possessive after "қ/к" voiced; "шәкіртақы", "жалақы": nouns in
        # "-ақы" (pay); "алдағы", "жылғы", "сыртқы" (after a consonant) are adjectives.
        return False
    # Adjectives in "-и" ("ғылыми", "саяси", "әскери", "табиғи", "ресми"): few nouns end so.
    # The stem before "-лық/-дық/-тық" is a word of its own ("орын-дық", "шетел-дік"): "құдық" (a well), "балық"
    # (fish), "шалғындық"... a two-letter rest is the noun itself. "-сыз/-сіз" (without) makes adjectives too
    # ("ұшқышсыз аппарат", a pilotless craft; "жұмыссыз адамдар").
    if lowered in KAZAKH_ADJECTIVES:
        return True
    if lowered in KAZAKH_MEASURES:
        # A measure that only looks like "-лік/-дық" is a noun: "тәулік" (a day of 24 hours; "екі тәулік ішінде",
        # within two days), "онжылдық" (a decade).
        return False
    if lowered.endswith(("шылық", "шілік")) and len(lowered) >= 7:
        # "-лық/-лік" after a doer's "-шы/-ші" makes an abstract noun, no adjective of relation: "бұзушылық" (a
        # violation, of "бұзушы", a violator), "кемшілік" (a shortcoming), "тапшылық" (a shortage), "шаруашылық".
        return False
    if len(lowered) > 4 and lowered.endswith(_ADJECTIVE_OR_WITHOUT_ENDINGS):
        return len(lowered) - (3 if lowered.endswith(_THREE_LETTER_ADJECTIVE_ENDINGS) else 2) >= 3
    return lowered.endswith("и") and len(lowered) >= 5


# "үш өзара түсіністік туралы меморандум": what the counted noun is about comes before it, joined
# by a postposition; the noun after the postposition is what is counted.
_KAZAKH_ABOUT_WORDS = frozenset({"туралы", "жөніндегі", "жайлы", "саласындағы"})


def _measure_in_adjective(word: str) -> str | None:
    """"жылдағы", "айлық", "күндік": a measure made an adjective still measures the number before it
    ("7 сағаттық ұшу" is a flight of 7 hours, as "a 10-year loan" is 10 years); a known noun is none ("жылқы",
    horses, is no "жыл" + "қы")."""
    for suffix in ("дағы", "дегі", "тағы", "тегі", "лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі"):
        if word.endswith(suffix) and word[: -len(suffix)] in KAZAKH_MEASURES:
            return None if _kazakh_base(word) in KAZAKH_KNOWN_STEMS else word[: -len(suffix)]
    return None


_KAZAKH_ORDINAL_WORD_RE = re.compile(r"(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс"
                                     r"|сексен|тоқсан|жүз|мың)(?:інші|ыншы|нші|ншы)[а-яәіңғүұқөһ]*")
_AGE_RE = re.compile(r"жас(?:қа|тан|та|тағы|ында|ындағы|ар|ын)")
# A measure of time or age with a possessive of the first or second person ("my", "your"), bare or with a case after it:
# "он жеті жасымда" (at my seventeen), "14 айыңыздағы" (in your 14 months), "үш жылымызды": the measure, its owner
# dropped as the third person's "жасында", "айында" are (issue #17, sets 64 and 65). Only the measures: "-ым/-ім" ends
# many nouns of their own ("өнім", "білім", "құрылым").
_MEASURE_WITH_A_PERSONAL_POSSESSIVE_RE = re.compile(
    r"(?P<stem>жас|жыл|ай|күн|түн|сағат|минут|тәулік)(?:ыңыз|іңіз|ымыз|іміз|ым|ім|ың|ің)"
    r"(?:да|де|дағы|дегі|нан|нен|ға|ге|а|е|ды|ді|ны|ні|ның|нің|дың|дің|мен)?"
    r"|(?P<vowel_stem>апта)(?:ңыз|мыз|м|ң)(?:да|дағы|нан|ға|а|ды|ны|ның|дың|мен)?")
_AGE_BOUND_WORDS = ("дейін", "шейін", "толған", "толмаған", "толды", "асқан", "асқандар", "жоғары", "төмен", "бастап",
                    "кіші", "үлкен", "аса")
# "1 жасқа және 6 жасқа толғанда" (at one and at six years of age): an age coordinated with another, whose bound word
# follows the second.
_AN_AGE_COORDINATED_RE = re.compile(r"\s+(?:және|мен|немесе|не)\s+\d[\d,]*\s+жас(?:қа|тан|та)\s+"
                                    rf"(?:{'|'.join(_AGE_BOUND_WORDS)})")
_HEADS_RE = re.compile(r"бас(?:қа|тан|ты|пен|ы|ын|тай)?")


# What a building or vehicle holds, made an adjective of its size: "300 орындық мектеп" (a 300-place school),
# "120 пәтерлік үй", "50 төсектік аурухана". Other "-лық" adjectives relate, not measure: "4 контейнерлік пойыз" are
# container trains, "48 аудандық аурухана" district hospitals.
_SCALE_WORDS = frozenset({"жүйе", "шкала"})
_CAPACITY_STEMS = frozenset({"орын", "төсек", "пәтер", "бөлме", "қабат", "адам"})


def _noun_in_having_adjective(word: str) -> str | None:
    """"орындық" -> орын: a noun of capacity made an adjective of size in "-лық/-дық/-тық"."""
    for suffix in ("лық", "лік", "дық", "дік", "тық", "тік"):
        if word.endswith(suffix) and (stem := word[: -len(suffix)]) in _CAPACITY_STEMS:
            return stem
    return None


def _known_noun_in_having_adjective(word: str) -> str | None:
    """"деңгейлі" -> деңгей, "сериялы" -> серия: "-лы/-лі" after a known noun ending in a vowel or "й", where no case
    ending or possessive reads so (after a vowel the accusative is "-ны/-ні" and the possessive "-сы/-сі"); measures
    are left to the span readings ("екі жылдағы")."""
    if word.endswith(("лы", "лі")) and (stem := word[:-2])[-1:] in _VOWELS + "й" and stem in KAZAKH_KNOWN_STEMS \
            and stem not in KAZAKH_MEASURES:
        return stem
    return None


# "-лы/-ді/-ты" (having): "екіжақты", "көпжақты", "тиімді" before a noun qualify it.
_HAVING_ENDINGS = ("лы", "лі", "ды", "ді", "ты", "ті")
_LOCATIVE_ADJECTIVE_ENDINGS = ("ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі")


def _noun_in_locative_adjective(word: str) -> str | None:
    """"облыстағы" -> облыс, "елдегі" -> ел: "in the N regions", a known noun made an adjective of place."""
    for suffix in _LOCATIVE_ADJECTIVE_ENDINGS:
        if word.endswith(suffix):
            stem = _kazakh_base(word[: -len(suffix)])
            if stem in KAZAKH_KNOWN_STEMS and stem not in KAZAKH_MEASURES:
                return stem
    return None


_A_PLURAL_IN_A_CASE_RE = re.compile(r"(?P<stem>.{3,}(?:лар|лер|дар|дер|тар|тер))(?:ға|ге|да|де|дан|ден|ды|ді|дың|дің|мен"
                                    r"|ы|і|ын|ін|ына|іне|ында|інде)?")


def _place_before_a_plural(word: str, following: str) -> str | None:
    """"нүктедегі" -> нүкте when a plural follows ("өлшеулермен"): the noun of a "-дағы/-дегі" adjective of place."""
    plural = _A_PLURAL_IN_A_CASE_RE.fullmatch(following)
    # The plural ending agrees with the stem's last vowel ("оқушылар", "өлшеулер": a verbal noun's "-у" aside).
    if plural is None or (vowel := _last_vowel(plural.group("stem")[:-3])) is None or \
            (plural.group("stem")[-2] == "а") != (vowel in _BACK_VOWELS):
        return None
    for suffix in _LOCATIVE_ADJECTIVE_ENDINGS:
        if word.endswith(suffix) and len(stem := _kazakh_base(word[: -len(suffix)])) >= 3:
            return None if stem in KAZAKH_MEASURES or stem in KAZAKH_NOT_COUNTED else stem
    return None


_DEMONYM_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік")
_KAZAKH_PEOPLES = frozenset({"ауған", "қазақ", "орыс", "неміс", "француз", "итальян", "қытай", "түрік", "өзбек",
                             "қырғыз", "тәжік", "түрікмен", "ағылшын", "поляк", "венгр", "испан", "грек", "голланд"})


def _looks_like_kazakh_verb(word: str) -> bool:
    return re.search(r"(?:ды|ді|ты|ті|ады|еді|йды|йді|ған|ген|қан|кен|мақ|мек)$", word.lower()) is not None


# A converb in "-ып/-іп" ("жарияланып", "өткізіліп", "істеп"): a verb joining the next clause, never a noun of seven
# letters or more ("кәсіп", a trade, is shorter).
_KAZAKH_CONVERB_RE = re.compile(rf"[{CYRILLIC_LETTER}]{{5,}}(?:ып|іп)")


def _a_verb_opens(words: list[tuple[str, int]], at: int) -> bool:
    """Whether a verb stands at `at`: "жұмыс" before a form of "істе-" (to work), or a converb in "-ып/-іп"."""
    word = words[at][0].lower()
    if word == "жұмыс":
        return at + 1 < len(words) and words[at + 1][0].lower().startswith("істе")
    return _KAZAKH_CONVERB_RE.fullmatch(word) is not None and word not in KAZAKH_KNOWN_STEMS


# "бар" (there is), "жоқ" (there is none) close a clause as its verb does: "160 мың итбалық бар."
_KAZAKH_PREDICATE_WORDS = frozenset({"бар", "жоқ"})


def _closes_as_a_predicate(word: str) -> bool:
    """A verb ("табылды", "аттанды") or "бар"/"жоқ", which ends the noun phrase before it."""
    lowered = word.lower()
    return lowered in _KAZAKH_PREDICATE_WORDS or (
        _looks_like_kazakh_verb(word) and _kazakh_base(lowered) not in KAZAKH_KNOWN_STEMS)


def _has_having_suffix(word: str) -> bool:
    """"автоматты", "электрлі": "-ты/-ті" after a voiceless consonant, "-лы/-лі" after a consonant, which
    a possessive cannot be ("филиалы" is филиал + ы; "автоматы" would be автомат + ы)."""
    if len(word) < 5 or word[-3] in _BACK_VOWELS + _FRONT_VOWELS + "иуэя":
        return False
    # "мобильді", "рентабельді": a loanword's soft sign before "-ды/-ді" makes an adjective before a bare noun.
    return (word.endswith(("ты", "ті")) and word[-3] in "птқксшфхцч") or word.endswith(("лы", "лі")) or \
        (word.endswith(("ды", "ді")) and word[-3] == "ь")


def _is_bare_kazakh_noun(word: str) -> bool:
    """A known noun, or a lower-case word with no case ending that is no verb ("бекет", not "орнатылды")."""
    lowered = word.lower()
    base = _kazakh_base(lowered)
    return base in KAZAKH_KNOWN_STEMS or (word == lowered and base == lowered and len(lowered) >= 3
                                          and lowered not in KAZAKH_NOT_COUNTED and not _looks_like_kazakh_verb(word))


_KAZAKH_POINTS_IN_A_CASE_RE = re.compile(r"балл?(?:дан|дың|ға|мен|ды|да|ы|ын|ына|ынан|ымен)", re.IGNORECASE)


def _kazakh(words: list[tuple[str, int]], words_end_clause: bool = False, punctuation_ends: bool = False) -> Counted | None:
    if words and words[0][0].lower() == "рет":
        # "47 рет дауыл туралы ескерту жариялады" (issued a storm warning 47 times): "рет" right after the number
        # counts the occasions, and what follows is the clause's object, no compound with it.
        return Counted("рет", words[0][1], False)
    if words and _KAZAKH_POINTS_IN_A_CASE_RE.fullmatch(words[0][0]):
        # "70 балдан жоғары", "85 балмен", "100 балдың 87-сі": "балл" drops its second "л" before a case ending; right
        # after a figure it is the score's unit, measured (issue #17), not "бал" (honey), which takes a measure of mass.
        return Counted("балл", words[0][1], True)
    about = next((index for index, (word, _) in enumerate(words[:-1]) if word.lower() in _KAZAKH_ABOUT_WORDS), None)
    # "бес ынтымақтастық туралы келісім" counts agreements; but with a verbal noun before "туралы"
    # ("жүз стипендия бөлу туралы келісім", an agreement on giving a hundred scholarships) the
    # number counts that verb's object.
    if about is not None and not (about >= 2 and len(words[about - 1][0]) >= 4
                                  and words[about - 1][0].lower().endswith("у")):
        words = words[about + 1:]
    if words_end_clause and len(words) == 3 and (middle := words[1][0].lower()).endswith(_DEMONYM_ENDINGS) \
            and middle not in KAZAKH_KNOWN_STEMS and _closes_as_a_predicate(words[2][0]) \
            and _kazakh_base(words[0][0].lower()) not in KAZAKH_KNOWN_STEMS and _is_bare_kazakh_noun(words[0][0]) \
            and words[0][0].lower() not in KAZAKH_MEASURES:
        # "1 132 өлі итбалық табылды." (1,132 dead seals were found): the word in "-лық" right before the verb that
        # closes the clause is the noun, the bare word before it its adjective (a noun is the last of its phrase). A
        # measure first is what the number measures, the "-лық" word what is measured: "35 градус ыстық күтіледі"
        # (35 degrees of heat are expected), as "30 градус суық болады" is (issue #17, set 66).
        return Counted(middle, words[1][1], False)
    if len(words) >= 3 and _KAZAKH_PASSIVE_PARTICIPLE_RE.fullmatch(words[1][0].lower()) and \
            words[0][0] == words[0][0].lower() and _kazakh_base(words[0][0]) == words[0][0] and \
            not _is_kazakh_adjective(words[0][0]) and _is_bare_kazakh_noun(words[0][0]) and \
            _is_bare_kazakh_noun(words[2][0]) and not _is_kazakh_adjective(words[2][0]):
        # "2 мыңға жуық құм салынған қап" (nearly 2,000 sand-filled bags): a bare noun and a passive participle
        # qualify the noun after them, which the number counts ("-ыл/-іл/-ын/-ін" before "-ған/-ген": no noun there
        # does the act, so the first noun is what the act is done with, not what is counted).
        head = _kazakh_base(words[2][0].lower())
        return Counted(head, words[2][1], head in KAZAKH_MEASURES)
    for index, (word, end) in enumerate(words):
        lowered = word.lower()
        if index == 0 and (measure := _measure_in_adjective(lowered)) is not None:
            return Counted(measure, end, True)  # "екі жылдағы сапар": in two years, a span of time
        following = words[index + 1][0].lower() if index + 1 < len(words) else ""
        if (izafet := _izafet_compound(words, index)) is not None:
            return izafet
        if index == 0 and (personal := _MEASURE_WITH_A_PERSONAL_POSSESSIVE_RE.fullmatch(lowered)) is not None:
            # "он жеті жасымда" (at my seventeen), "14 айыңызда" (in your 14 months): a measure, its owner dropped.
            return Counted(personal["stem"] or personal["vowel_stem"], end, True)
        if index == 0 and _AGE_RE.fullmatch(lowered) and (lowered.startswith(("жаста", "жасар", "жасын"))
                                                          or following.startswith(_AGE_BOUND_WORDS)):
            # "35 жасқа дейінгі", "18 жастан асқан", "60 жастағы": an age, measured in years of life, where
            # "5 000 жасқа грант" (to 5,000 young people) and a bare "80 жас" may count people.
            return Counted("жас", end, True)
        if lowered in _KAZAKH_KINDS_OF_HOUR and following.startswith("сағат"):
            return Counted(f"{lowered} сағат", words[index + 1][1], True)  # "72 академиялық сағат" of 45 minutes
        if index == 0 and lowered == "жас" and following in ("үлкен", "кіші"):
            # "баладан 16 жас үлкен" (16 years older than the child): a difference of ages, in years of life.
            return Counted("жас", end, True)
        if index == 0 and lowered == "жас" and following.startswith("аралығ"):
            return Counted("жас", end, True)  # "18 бен 30 жас аралығындағы": ages, between 18 and 30 years
        if lowered == "жас" and following and (_kazakh_base(following) in KAZAKH_KNOWN_STEMS or (
                _is_bare_kazakh_noun(words[index + 1][0]) and not _closes_as_a_predicate(following))):
            # "36 жас маманды" (36 young specialists), "60 жас режиссер": "жас" before a noun is "young", no age; a
            # name after it ("2 600 жас Еуропа елдерінде") leaves it the young people counted.
            continue
        if index == 0 and lowered == "бас" and following and words[index + 1][0] == following \
                and not _looks_like_kazakh_verb(following) and following not in _KAZAKH_EXISTENTIALS:
            # "20 бас қой" (20 head of sheep): "бас" is the classifier of a head count and the noun after it is what
            # is counted ("қой" is also a particle, but no particle follows a classifier), in whatever case the clause
            # puts it ("600 бас сиырға арналған", a farm for 600 cows): its base, as any counted noun's.
            return Counted(_kazakh_base(following), words[index + 1][1], False)
        if index == 0 and _HEADS_RE.fullmatch(lowered) and (
                not following or _looks_like_kazakh_verb(following) or following in KAZAKH_NOT_COUNTED
                or following in _KAZAKH_EXISTENTIALS):
            # "ірі қара 5 340 басқа жетті" (cattle reached 5,340 head): "бас" counts livestock; "басқа" before a noun
            # is "other" ("5 басқа ел").
            return Counted("бас", end, False)
        if index == 0 and following and _kazakh_base(following) in _SCALE_WORDS and \
                (graded := next((lowered[:-len(suffix)] for suffix in _DEMONYM_ENDINGS if lowered.endswith(suffix)
                                 and len(lowered) - len(suffix) >= 3), None)) is not None:
            # "100 ұпайлық жүйемен", "5 балдық шкала": a scale is named by its top mark, the figure measured in its points.
            unit = _UNVOICED.get(graded[-1], graded[-1])
            graded = graded[:-1] + unit
            if graded == "бал":
                # "100 балдық шкала": "балл" drops its second "л" before the suffix; before a scale word "бал" is no
                # honey but the score's unit, measured as "кемінде 70 балл" is.
                graded = "балл"
            return Counted(graded, end, graded in KAZAKH_MEASURES)
        if index == 0 and (named := _noun_in_having_adjective(lowered)) is not None and (following or len(words) == 1):
            # "300 орындық мектеп" (a 300-place school) counts places, as "7 сағаттық ұшу" measures hours; so does the
            # adjective closing its clause as the predicate ("Асхана 320 орындық,", the canteen seats 320; set 75).
            return Counted(named, end, False)
        if index == 0 and (having := _known_noun_in_having_adjective(lowered)) is not None:
            # "алты деңгейлі бағдарлама" (a six-level programme), "52 сериялы фильм" (a 52-episode film): the number
            # before an adjective in "-лы/-лі" made of a known noun counts that noun, the levels or episodes (issue #17).
            return Counted(having, end, False)
        if index == 0 and (place := _noun_in_locative_adjective(lowered)) is not None:
            return Counted(place, end, False)  # "төрт облыстағы 18 станция": the four regions are counted
        if index + 1 < len(words) and lowered.endswith(_HAVING_ENDINGS) and len(lowered) >= 6 \
                and _kazakh_base(words[index + 1][0]) not in KAZAKH_MEASURES and (
                _kazakh_base(words[index + 1][0]) in KAZAKH_KNOWN_STEMS or (
                    _has_having_suffix(lowered) and _is_bare_kazakh_noun(words[index + 1][0]))):
            # "27 екіжақты кездесу", "18 автоматты бекет": "-ты" before a noun without an ending makes
            # an adjective, not an accusative ("300 вагонды Қытайға" is wagons, sent to China; "33
            # филиалы жұмыс істейді" a known noun with its possessive).
            continue
        if index + 1 < len(words) and len(lowered) >= 6 and lowered.endswith(("лы", "лі")) \
                and lowered[-3] in _BACK_VOWELS + _FRONT_VOWELS \
                and (next_base := _kazakh_base(nxt := words[index + 1][0].lower())) != nxt and (
                    next_base in KAZAKH_KNOWN_STEMS or next_base.endswith(_DEMONYM_ENDINGS)
                    or not _ENDS_AS_A_KAZAKH_VERB_RE.search(nxt)):
            # "12 жылжымалы қазандықты" (12 mobile boilers): "-лы/-лі" after a vowel before a noun in a case is "having",
            # an adjective ("33 филиалы жұмыс істейді" is a stem in "-л" with its possessive, a bare noun after it).
            continue
        if lowered in ("және", "немесе") and index and index + 1 < len(words) and \
                _is_kazakh_adjective(words[index - 1][0]) and _is_kazakh_adjective(words[index + 1][0]):
            continue  # "төрт қазақстандық және еуропалық ұйым": two adjectives of one noun
        base = _kazakh_base(lowered)
        if lowered in KAZAKH_NOT_COUNTED or base in KAZAKH_NOT_COUNTED or not re.match(rf"[{CYRILLIC_LETTER}]", lowered) \
                or _KAZAKH_ORDINAL_WORD_RE.fullmatch(lowered):
            # ("он екінші сессиясы": the ordinal's second word is no noun the "он" before it counts.)
            return None
        if index + 1 < len(words) and (place := _place_before_a_plural(lowered, words[index + 1][0].lower())) \
                is not None and all(_is_kazakh_adjective(before) for before, _ in words[:index]):
            # "12 мың далалық нүктедегі өлшеулермен" (with measurements at 12,000 field points): a number never counts
            # a plural, so before one it counts the noun made an adjective of place, known or not.
            return Counted(place, end, False)
        if _is_kazakh_adjective(lowered) and base not in KAZAKH_KNOWN_STEMS and lowered.endswith(_DEMONYM_ENDINGS) \
                and index + 1 < len(words) and _a_verb_opens(words, index + 1):
            # "34 орталық жұмыс істеді" (34 centres operated), "124 сауда-саттық жарияланып" (124 auctions were
            # announced): a word in "-лық/-лік" right before a verb ends its noun phrase, so it is the noun, no
            # adjective of the word after it ("жұмыс істеу", to work, is one verb; issue #17, sets 62 and 63).
            return Counted(lowered, end, False)
        if _is_kazakh_adjective(lowered) and base not in KAZAKH_KNOWN_STEMS:
            if index + 2 == len(words) and punctuation_ends and (lowered.endswith(_DEMONYM_ENDINGS) or
                                                                 lowered in _KAZAKH_PEOPLES) \
                    and _closes_as_a_predicate(words[-1][0]):
                # "2,5 мың қазақстандық аттанды.": an adjective right before the closing verb is the
                # noun itself (Kazakhstanis, foreigners, Russians). Only punctuation closes the clause: a highlight's
                # end does not, and a noun in the accusative reads as a past verb ("11 еуропалық сериалды" highlighted
                # of "...сериалды қазақ тілінде тамашалай алады", 11 serials; issue #17, set 63).
                return Counted(lowered, end, False)
            if index == 0 and index + 2 == len(words) and words_end_clause and lowered.endswith(("ғы", "гі", "қы", "кі")) \
                    and _ENDS_AS_A_KAZAKH_VERB_RE.search(words[-1][0].lower()) \
                    and _kazakh_base(words[-1][0].lower()) not in KAZAKH_KNOWN_STEMS:
                # "27 құрылғы әкелінді," (27 devices were brought): a word in "-ғы/-гі" right after the figure and
                # before the verb closing the clause qualifies nothing; it is the noun ("құрылғы", made from a verb).
                return Counted(lowered, end, False)
            continue
        if len(word) > 1 and word.split("-")[0].isupper():
            abbreviation, _, ending = word.partition("-")
            if ending.lower() in _KAZAKH_CASES_AFTER_AN_ABBREVIATION and _KAZAKH_POWER_UNIT_RE.fullmatch(abbreviation):
                # "40 МВА-ға жетеді" (reaches 40 MVA): a transformer's power in volt-amperes is measured, however
                # its case ending reads; no organisation's initials are a unit prefix and "ВА".
                return Counted(abbreviation, end, True)
            if ending.lower() in _KAZAKH_CASES_AFTER_AN_ABBREVIATION and len(abbreviation) >= 2:
                # "18 ҮЕҰ-ға грант берілді" (grants to 18 NGOs): an abbreviation with a case ending of its own is the
                # noun the clause counts; a qualifier stands bare ("ЕО елі") or in the genitive ("ЕО-ның").
                return Counted(abbreviation, end, False)
            continue  # "он шақты ЕО елі": a name or abbreviation qualifies, as "EU countries" are countries
        if index + 1 < len(words) and _is_kazakh_participle(lowered) and base not in KAZAKH_KNOWN_STEMS and \
                _kazakh_participle_qualifies(words[index + 1][0].lower()):
            # "12 мыңнан астам глазурьленген плитканы тазартып" (cleaned over 12,000 glazed tiles): a participle
            # qualifies the noun after it in whatever case the clause puts it, so the noun is counted, as after an
            # adjective; before a noun whose possessive is certain it is itself counted ("сотталған жазасын").
            continue
        if (compound := _kazakh_compound(words, index, punctuation_ends)) is not None:
            return compound
        if base in KAZAKH_COMPOUND_FIRST and index + 1 < len(words):
            second, second_end = words[index + 1]
            second_base = _kazakh_base(second)
            # ("5 мыңнан астам тұрғынды көктемгі тасқыннан": a first word with a case ending, or an
            # adjective after it, makes no compound.)
            if (second_base in KAZAKH_KNOWN_STEMS or second_base.endswith(("ы", "і"))) and not (
                    lowered != base and second.lower().endswith(KAZAKH_ADJECTIVE_ENDINGS)):
                return Counted(f"{base} {second_base}", second_end, False)
        if len(base) < 2:
            return None
        return Counted(base, end, base in KAZAKH_MEASURES or _KAZAKH_COMPOUND_MEASURE_RE.fullmatch(base) is not None)
    return None


# Apparent power in kilo-, mega- or gigavolt-amperes, as a grid company's notice writes it in capitals ("МВА").
_KAZAKH_POWER_UNIT_RE = re.compile(r"[КМГ]ВА")
# The dative, locative, ablative, accusative and instrumental after an abbreviation's hyphen ("ҮЕҰ-ға", "АҚ-та").
_KAZAKH_CASES_AFTER_AN_ABBREVIATION = frozenset({
    "ға", "ге", "қа", "ке", "на", "не", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен",
    "ны", "ні", "ды", "ді", "ты", "ті", "мен", "бен", "пен"})
# A measure with a word before it in one: "2 000 мотосағат" (engine hours), "адам-сағат" (man-hours).
_KAZAKH_COMPOUND_MEASURE_RE = re.compile(rf"[{CYRILLIC_LETTER}]{{3,}}-?(?:сағат|тәулік|шақырым|километр)")
