"""Figures written in digits: numbers in either convention for thousands and decimals, with the
scale, currency, percent sign or multiplier after them, the bound a qualifier puts on them, the
noun they count, ranges ("5–7 million", "between 5 and 7%"), and four-digit years."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, NOT_LETTER_AFTER, has_kazakh_letters
from kzeu_desk.core.value_parsing.candidates import Bound, Candidate, Salience, bounded_amount
from kzeu_desk.core.value_parsing.counted_nouns import Counted, counted_after, kazakh_noun_named
from kzeu_desk.core.value_parsing.counted_words import ENGLISH_MEASURES, KAZAKH_MEASURES
from kzeu_desk.core.value_parsing.date_words import ENGLISH_MONTH_FULL, ENGLISH_WEEKDAY
from kzeu_desk.core.value_parsing.spelled_numbers import rewrite_number_words
from kzeu_desk.core.value_parsing.figure_words import (
    BASIS_POINT_WORDS,
    CURRENCIES_AFTER,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    KAZAKH_NUMBER_SUFFIX,
    MONEY_ONLY_SCALES,
    MULTIPLIER_AFTER,
    PER_MILLE_WORDS,
    PERCENT_WORDS,
    PERCENTAGE_POINT_WORDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RUSSIAN_MULTIPLIER_AFTER,
    RUSSIAN_MULTIPLIER_BEFORE,
    SCALES,
    NOT_A_FIGURE_AFTER,
    OFFSET_IN_TIME_AFTER,
    REFERENCE_WORDS_BEFORE,
    KAZAKH_CHANGE_VERB,
    RUSSIAN_CHANGE_VERB,
    SYMBOL_QUALIFIERS_BEFORE,
    TEMPORAL_PREPOSITIONS_BEFORE,
)


def _qualifier_before_regex(pairs: tuple[tuple[str, Bound], ...], *, words: bool) -> re.Pattern[str]:
    guard = r"(?<![\w])" if words else ""
    alternatives = "|".join(f"(?P<q{index}>{fragment})" for index, (fragment, _) in enumerate(pairs))
    return re.compile(rf"{guard}(?:{alternatives})\s*$", re.IGNORECASE)


_WORD_QUALIFIER_BEFORE_RE = _qualifier_before_regex(QUALIFIERS_BEFORE, words=True)
_SYMBOL_QUALIFIER_BEFORE_RE = _qualifier_before_regex(SYMBOL_QUALIFIERS_BEFORE, words=False)
# Kazakh may put the noun whose share it is between the bound and the number: "шамамен
# дүниежүзінің 40 пайызын" (about 40 % of the world's).
_KAZAKH_QUALIFIER_BEFORE_GENITIVE_RE = re.compile(
    rf"(?<![\w])(?P<word>шамамен|кемінде|кемі)(?:\s+[{CYRILLIC_LETTER}-]+(?:ның|нің|дың|дің|тың|тің)){{1,2}}\s*$",
    re.IGNORECASE)
_QUALIFIER_AFTER_RES = tuple((re.compile(fragment, re.IGNORECASE), bound) for fragment, bound in QUALIFIERS_AFTER)
# "с 5 до 7 млрд" is a change from 5 to 7, not "up to 7": "до" right after another number.
# The number must be the change's start ("с 80 до 90", "с 5 млрд долларов в 2020 году до 7") or
# only a scale or unit away ("5 млрд до 7"): "мощностью 20 ГВт оценивается в сумму до 50 млрд" is an estimate of up to 50.
_DO_AFTER_NUMBER_RE = re.compile(
    # A comma ends the figure's phrase: "скидка 50%, дети до 5 лет" (children under five) names a new thing before "до";
    # a dash after it stands for the verb again ("до 1 800, в январе – до 2 450", its dates blanked).
    r"(?:(?<![\w])со?\s+\d[^.;:!?]{0,40}|\d(?:[.,]\d+)?%?(?:,?\s+[—–]|,|\s+[^\d\s,]+)?\s+)(?<![\w])до\s*$", re.IGNORECASE)
# "снизил базовую ставку до 14,75%", "должна вырасти до 15 процентов": the level a change reached;
# "может вырасти до 1,2 млн тонн" (could grow up to) stays a bound.
_DO_AFTER_CHANGE_RE = re.compile(
    rf"(?<![\w])(?<!может )(?<!могут )(?<!могла )(?<!могли )(?<!можно )"
    # The noun "возраст" (age) is no verb "возрастать": "дети в возрасте до пяти лет" are children under five.
    r"(?!возраст(?:а|е|у|ом|ы|ов|ам|ами|ах|н[а-яё]*)?(?![\w]))"
    rf"(?:{RUSSIAN_CHANGE_VERB})[\w-]*"
    # "продлится до 40 дней" (will last up to 40 days) is how long, not where an extension ("продлил") ended.
    r"(?<!продлится)(?<!продлятся)(?<!продлился)(?<!продлилась)(?<!продлилось)(?<!продлились)"
    # A decimal between is one word: "снизилась на 1,4 процентного пункта, до 30,2%".
    rf"(?:\s*[,—–]?\s+[\w%-]+(?:[.,]\d+%?)?){{0,6}}\s*[,—–]?\s+до\s*$", re.IGNORECASE)
# "€8.5 million over five years", "grew 40% over three years": "over" right after another figure
# is the span it is spread across, not "more than".
_OVER_AFTER_FIGURE_RE = re.compile(
    r"(?:\d|%|(?<![\w])(?:thousand|million|billion|trillion|mln|bn|euros?|dollars?|tenge|percent|per cent))"
    r"\s+over\s*$"
    # "€3.2 billion, spread over 118 operations": a verb of sharing out before "over".
    r"|(?<![\w])(?:spread|split|divided|distributed|shared|allocated)\s+over\s*$", re.IGNORECASE)

# "install 40 stations over three years": a span of time after a clause that already has its
# figure is how long, not "more than" ("the talks lasted over three years" has no figure before).
_OVER_SPAN_OF_TIME_RE = re.compile(r"\d+\s+(?:years?|months?|decades?|weeks?|days?|hours?)(?![\w])", re.IGNORECASE)
_FIGURE_EARLIER_IN_CLAUSE_RE = re.compile(r"\d[^.;:!?\d]*\s+over\s*$", re.IGNORECASE)
# "many are over 15 years old", "the vines were over 40 years old": an age is how old, never a span across which the
# clause's figure is spread, so "over" before it is "more than" whatever figure the clause named before (set 60).
_SPAN_IS_AN_AGE_RE = re.compile(r"\d+\s+(?:years?|months?|decades?|weeks?|days?)\s+old(?![\w])", re.IGNORECASE)
# "twelve of them aged over 60 years", "patients aged over 18 months": "aged" before "over" says the span is an age,
# so "over" is "more than" as before "… years old" (the figure earlier in the clause is the people counted).
_AGED_BEFORE_OVER_RE = re.compile(r"(?<![\w])aged\s+over\s*$", re.IGNORECASE)

_SCALE_RE = re.compile(
    r"(?P<space>\s?)(?:" + "|".join(f"(?P<s{index}>{fragment})" for index, (fragment, _) in enumerate(SCALES))
    + rf"){NOT_LETTER_AFTER}",
    re.IGNORECASE,
)

_CURRENCY_AFTER_RE = re.compile(
    r"\s?(?:" + "|".join(f"(?P<c{index}>{fragment})" for index, (fragment, _) in enumerate(CURRENCIES_AFTER))
    + rf"){NOT_LETTER_AFTER}|\s?(?P<symbol>[$€£₸₽])",
    re.IGNORECASE,
)
# A currency written again before a range's second figure ("US$5–US$7 million", "EUR 100 000 to EUR 300 000").
_SECOND_CURRENCY_RE = re.compile(
    r"(?:US\$|[$€£₸₽]|(?:" + "|".join(CURRENCY_CODES) + r")(?![A-Za-z]))\s?", re.IGNORECASE)
_CURRENCY_BEFORE_RE = re.compile(
    r"(?:(?P<usd>(?<![A-Za-z])U\.?S\.?\s?\$)|(?P<symbol>[$€£₸₽])|(?<![A-Za-z])(?P<code>"
    + "|".join(CURRENCY_CODES)
    + r"))\s?$",
    re.IGNORECASE,
)

_PERCENTAGE_POINTS_RE = re.compile(rf"\s?(?:{PERCENTAGE_POINT_WORDS})", re.IGNORECASE)
_BASIS_POINTS_RE = re.compile(rf"\s?(?:{BASIS_POINT_WORDS})", re.IGNORECASE)
_PERCENT_RE = re.compile(rf"\s?(?:{PERCENT_WORDS})", re.IGNORECASE)
_CENTS_RE = re.compile(r"\s?¢")
_PER_MILLE_RE = re.compile(rf"\s?(?:{PER_MILLE_WORDS})", re.IGNORECASE)
_MULTIPLIER_RE = re.compile(MULTIPLIER_AFTER, re.IGNORECASE)
_RUSSIAN_MULTIPLIER_RE = re.compile(RUSSIAN_MULTIPLIER_AFTER, re.IGNORECASE)
_RUSSIAN_MULTIPLIER_BEFORE_RE = re.compile(RUSSIAN_MULTIPLIER_BEFORE, re.IGNORECASE)

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
# "–35…–40 °C", "+2…+7 °C", "12…15 м/с": Russian weather reports write a range with an ellipsis between its ends, each
# end with its own sign (the minus often an en dash), so the second figure may carry one.
_RANGE_ELLIPSIS_RE = re.compile(r"\s?(?:…|\.\.\.)\s?(?=[-–−+]?\d)")
# The sign glued before the first end of such a range, with no word or digit before it.
_SIGN_BEFORE_ELLIPSIS_RANGE_RE = re.compile(r"(?<![\w.,)])[-–−+]$")
_REPEATED_PERCENT_RE = re.compile(r"\s?%")
_RANGE_TO_RE = re.compile(r"\s+(?:to|до)\s+", re.IGNORECASE)
_RANGE_AND_RE = re.compile(r"\s+(?:and|и)\s+", re.IGNORECASE)
# "three or four days", "3 или 4 дня": two figures with "or" are a range of what is not known exactly.
_RANGE_OR_RE = re.compile(r"\s+(?:or|или)\s+", re.IGNORECASE)
# A currency written where a figure starts, and a percentage right after one: "€2.85 or 3.8%" is two figures.
_CURRENCY_AT_RE = re.compile(r"US\$|[$€£₸₽]|(?:" + "|".join(CURRENCY_CODES) + r")(?![A-Za-z])")
_PERCENT_RIGHT_AFTER_RE = re.compile(r"\s?(?:%|per\s?cent(?![\w])|percent(?![\w]))", re.IGNORECASE)
# (A temperature's second figure may carry its sign: "+2-ден +6 °C-қа дейін", or say it in a word: "0-ден плюс 4
# градусқа дейін", from 0 to plus 4 degrees, as Kazakh speech and notices write it, issue #17, set 77.)
_KAZAKH_PLUS_WORD = r"плюс\s+"
_KAZAKH_RANGE_FROM_RE = re.compile(rf"-(?:дан|ден|тан|тен|нан|нен)\s+(?=(?:\+|{_KAZAKH_PLUS_WORD})?\d)", re.IGNORECASE)
_KAZAKH_PLUS_WORD_RE = re.compile(_KAZAKH_PLUS_WORD, re.IGNORECASE)
# "жарты гектардан бір гектарға дейін", "5 тоннадан 8 тоннаға дейін": the unit written with both figures.
_KAZAKH_RANGE_FROM_UNIT_RE = re.compile(rf"\s+(?P<unit>[{CYRILLIC_LETTER}]{{2,}}?)(?:дан|ден|тан|тен|нан|нен)\s+(?=\d)",
                                        re.IGNORECASE)
_BY_BEFORE_RE = re.compile(r"(?<![\w])by\s+$", re.IGNORECASE)
_CLAUSE_ENDS_AFTER_RE = re.compile(r"\s*(?:[.;,:)!?]|$)")
_ABLATIVE_SCALE_END_RE = re.compile(r"(?:ан|ен)$", re.IGNORECASE)
_KAZAKH_RANGE_AFTER_SCALE_RE = re.compile(r"\s+(?=\d)")
# The second figure may be grouped with non-breaking spaces ("1\u00a0500 еуроға дейін") and its unit be a symbol with the
# case ending hyphened ("+6 °C-қа дейінгі"), as Kazakh writes after a symbol.
_KAZAKH_RANGE_UP_TO_RE = re.compile(
    rf"(?:\+|{_KAZAKH_PLUS_WORD})?\d[\d,. \u00a0]*(?:-[{CYRILLIC_LETTER}]{{1,4}})?(?:\s+(?:[{CYRILLIC_LETTER}]+|°[CСF]?)){{0,2}}?\s*"
    rf"(?:-[{CYRILLIC_LETTER}]{{1,4}}\s*)?"
    rf"(?<![\w])дейін(?:гі)?(?![\w])(?!\s+(?:{KAZAKH_CHANGE_VERB}))", re.IGNORECASE)
# "18 бен 30 жас аралығында", "5-пен 7 мың теңге аралығында": two figures joined by "мен/бен/пен" (and) are a range
# when "аралығы" (the interval between) follows the second, as "between" makes "5 and 7" one in English.
_KAZAKH_RANGE_AND_RE = re.compile(r"-?\s*(?:бен|пен|мен)\s+(?=\d)", re.IGNORECASE)
_KAZAKH_BETWEEN_AFTER_RE = re.compile(r"\d[\d,. \u00a0]*(?:\s+[а-яёәіңғүұқөһ]+){0,2}?\s+аралығ", re.IGNORECASE)
_RANGE_VERB_BEFORE_RE = re.compile(r"(?<![\w])(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+$", re.IGNORECASE)
# "от +2 до +6 °C": Russian writes the sign of a temperature above zero on both ends, after "от" too (set 77).
_RANGE_OPENER_RE = re.compile(r"(?<![\w])(?P<opener>between|между|от|from)(?:\s*|(?<=от)\s+\+)$", re.IGNORECASE)

_TEMPORAL_PREPOSITION_BEFORE_RE = re.compile(TEMPORAL_PREPOSITIONS_BEFORE, re.IGNORECASE)
_OFFSET_IN_TIME_AFTER_RE = re.compile(OFFSET_IN_TIME_AFTER, re.IGNORECASE)
# "its 2035 targets", "the EU's 2030 benchmarks": a year-shaped number after a possessive dates the
# noun after it (a count that large after "its" is written with a separator: "its 2,035 employees").
# Plural nouns a year dates rather than a number counts ("its 2030 targets"; "its 2000 employees" counts).
_PLANS_OF_A_YEAR = frozenset({"targets", "goals", "benchmarks", "commitments", "objectives", "plans", "elections",
                              "results", "accounts", "figures", "estimates", "forecasts", "priorities", "ambitions"})
_POSSESSIVE_BEFORE_RE = re.compile(r"(?<![\w])(?:its|their|our|his|her|[A-Za-z]+['’]s?)\s+$", re.IGNORECASE)
_REFERENCE_BEFORE_RE = re.compile(REFERENCE_WORDS_BEFORE, re.IGNORECASE)
_NOT_A_FIGURE_AFTER_RE = re.compile(NOT_A_FIGURE_AFTER)
_EARLIEST_BARE_YEAR = 1800
_LATEST_BARE_YEAR = 2100
# A Kazakh case ending after a hyphen belongs to the number ("25-інде", "65%-ын", "40-тан").
_KAZAKH_SUFFIX_RE = re.compile(KAZAKH_NUMBER_SUFFIX, re.IGNORECASE)
# "Еуроодаққа мүше 27 елдің 18-імен" (with 18 of the 27 member countries): the noun in the genitive
# after the whole, the part with a possessive ending. The part is counted in the whole's noun.
# A particle may stand between: "64 жобаның тек 17-сі" (only 17 of the 64 projects).
# Points of a score are measured (issue #17), also as a part of the whole score: "100 ұпайдың 87-сі".
_KAZAKH_SCORE_UNITS = frozenset({"ұпай", "балл"})
_KAZAKH_PART_PARTICLE = r"(?:\s+(?:тек|ғана|шамамен|кемінде|әзірге))?"
_KAZAKH_PART_OF_RE = re.compile(
    rf"(?P<whole>\d+)(?P<noun>(?:\s+[{CYRILLIC_LETTER}-]+?){{1,3}}(?:дың|дің|тың|тің|ның|нің)){_KAZAKH_PART_PARTICLE}\s+$",
    re.IGNORECASE)
# (The plural may carry a possessive before the genitive: "Француз желілерінің үшеуі", three of the French chains.)
_KAZAKH_PLURAL_WHOLE_RE = re.compile(
    rf"(?<![\w])[{CYRILLIC_LETTER}]+(?:лар|лер|дар|дер|тар|тер)(?:дың|дің|тың|тің|ының|інің)(?![\w])", re.IGNORECASE)
# "7-і", "7-еуі" (written "жетеуі"), "1 200-і" (a part written with its thousands apart)
_KAZAKH_PART_NUMBER_RE = re.compile(r"\d+(?:[ \u00a0]\d{3})*-(?:с?[іы]|(?:еу|ау)[а-яәіңғүұқөһ]*)")
_KAZAKH_PART_AFTER_RE = re.compile(
    # "18-і", "4-еуі"; a part with its bound or scale in the possessive: "60-тан астамы" (more than 60 of
    # them), "1 200-ге жуығы" (about 1,200 of them), "310 мыңы" (310,000 of them).
    r"-(?:с?[іы]|(?:еу|ау)(?:[іы]|(?![^\W\d_])|ге|ға|ден|дан|мен|де|да|ді|ды|дің|дың))|-?(?:дан|ден|тан|тен|нан|нен)\s+астамы(?![\w])|-?(?:ға|ге|қа|ке)\s+жуығы(?![\w])"
    # (In any case: "Оның 40 миллионын банк берді", the bank gave 40 million of it.)
    r"|\s+(?:мыңы|миллионы|миллиарды)(?:н|на|нан|нда|мен)?(?![\w])"
    # (A part in thousands with its bound: "Тұрғындардың 5 мыңнан астамы", more than 5,000 of the residents; "миллионға
    # жуығы", about a million of them: the scale takes the bound's case, the possessive is the bound's.)
    r"|\s+(?:мың|миллион|миллиард)(?:нан\s+астамы|ға\s+жуығы)(?![\w])",
    re.IGNORECASE)
_KAZAKH_COLLECTIVE_AFTER_RE = re.compile(r"-(?:еу|ау)", re.IGNORECASE)  # "2-еуі", "2-еу", written "екеуі", "екеу"
# "олардың", "оның" (of them, of it): the whole is what was counted before, not a noun of its own.
_KAZAKH_PRONOUN_WHOLE_RE = re.compile(r"(?:олардың|оның)$", re.IGNORECASE)
_KAZAKH_YEARS_OF_IT_RE = re.compile(r"\s+(?i:жылы)(?![\w])")
_KAZAKH_PART_AHEAD_RE = re.compile(rf"{_KAZAKH_PART_PARTICLE}\s+\d+-(?:с?[іы])", re.IGNORECASE)
# The counted noun named before a bare number in its clause: "the number of EMJMD students … will
# get to 335", "число казахстанских студентов достигло 335", "студенттер саны 335-ке жетті".
_NUMBER_OF_BEFORE_RE = re.compile(
    # "по числу проектов … у Германии – 15" too.
    r"(?<![\w])(?:the\s+(?:[a-z]+\s+)?number\s+of|(?:общее\s+)?(?:число|числу|количество|количеству)(?=\s))",
    re.IGNORECASE)
# "Ввоз легковых автомобилей … сократился на треть, до 9,4 тыс.", "Sales of electric cars rose to 12,000": a
# clause that opens with the flow of things counts them, when they are things (a plural: "экспорт пшеницы …
# до 8 млн" is tonnes, which it does not say).
# A stock of things counts them as a flow does: "Our own fleet of hopper wagons grew by 210 to 1,140", "Парк
# вагонов-хопперов вырос на 210, до 1 140".
_FLOW_OF_THINGS_OPENING_RE = re.compile(
    r"\s*(?:ввоз|вывоз|импорт|экспорт|поставки|продажи|выпуск|производство|парк|(?:sales|imports|exports|deliveries"
    r"|shipments|output|production|(?:[a-z]+\s+){0,3}(?:fleet|herd))\s+of)(?=\s)",
    re.IGNORECASE)
_RUSSIAN_GENITIVE_PLURAL_ENDINGS = ("ов", "ев", "ёв", "ей", "ий")
# A participle with its place between "число" and the noun: "число реализуемых в Казахстане проектов".
_RUSSIAN_PARTICIPLE_PHRASE_RE = re.compile(
    r"\s+[а-яё]+(?:ых|их)\s+(?:в|во|на|из|по|для|с|со)\s+[А-ЯЁа-яё-]+(?=\s)", re.IGNORECASE)
_NOUN_NUMBERS_BEFORE_RE = re.compile(r"(?<![\w-])(?P<noun>[A-Za-z]{3,})\s+numbers\s+(?:have\s+|had\s+)?"
                                     r"(?:rose|grew|fell|dropped|reached|climbed|increased|declined|jumped|stood|were|are|hit)"
                                     r"(?:\s+(?:to|at|by))?\s*$", re.IGNORECASE)
# "union membership fell from about 1,100 to fewer than 300" (set 73), "Party membership stood at 12,500": a
# membership's figure is the number of its members, as "Visitor numbers" count visitors; the figure it changed from may
# stand between, and a bound before the figure.
_MEMBERSHIP_BEFORE_RE = re.compile(
    r"(?<![\w-])membership\s+(?:has\s+|had\s+)?(?:rose|grew|fell|dropped|reached|climbed|increased|declined|jumped"
    r"|stood|was|hit|shrank|doubled|halved)(?:\s+from\s+[^,;]{1,40}?)?(?:\s+(?:to|at|by|from))?"
    r"(?:\s+(?:about|around|some|roughly|nearly|almost|over|under|(?:more|fewer|less)\s+than))?\s*$", re.IGNORECASE)
_KAZAKH_AGE_OF_BEFORE_RE = re.compile(r"(?<![\w])(?i:жасы)(?:\s*[–—-])?\s*$")
# "Зейнетақы жасы ерлер үшін – 63 жас, әйелдер үшін – 61 жас": an age named earlier in the sentence ("жасы", the age
# of), its figure ending the clause in a bare "жас" — years of life, where a bare "80 жас" alone may count young
# people; "жас" before a noun ("40 жас маманы") is "young" and stays out (issue #17, set 69).
_KAZAKH_AGE_NAMED_IN_THE_SENTENCE_RE = re.compile(r"(?<![\w])(?i:жасы)(?![\w])[^.!?;]*$")
_KAZAKH_BARE_AGE_ENDING_A_CLAUSE_RE = re.compile(r"\s+(?i:жас)\s*(?:[,.;:)–—]|$)")
# "Маған 22 жас", "Оған 47 жас" (I am 22, he is 47): Kazakh says whose age it is with a personal pronoun in the
# dative; a bare "жас" after the figure is then years of life, never young people counted (issue #17, set 75).
_KAZAKH_DATIVE_PRONOUN_BEFORE_RE = re.compile(r"(?<![\w])(?i:маған|саған|оған|бізге|сізге|оларға|сендерге|сіздерге)\s+$")
# ("visitors under 19 go free", "children over 12": people under or over a bare number are of that age; so are the
# people a market or a vote is made of, "consumers under 30", "voters over 60", "women over 50".)
_AGED_BEFORE_RE = re.compile(r"(?<![\w])(?:(?:aged|ages)\s+(?:between\s+|from\s+)?|(?:children|pupils|visitors|people|persons"
                             r"|adults|students|passengers|those|anyone|consumers|customers|shoppers|users|voters"
                             r"|residents|men|women|girls|boys|respondents|applicants|drivers)\s+(?:under|over|below|above)\s+"
                             # "vaccinate girls by age 15", "at the age of 60"; an obituary's "dies at 81", "died aged 81".
                             r"|(?:at|by|from|until|before)\s+(?:the\s+)?age\s+(?:of\s+)?"
                             r"|(?:dies|died|dying)\s+(?:at|aged)\s+(?:the\s+age\s+of\s+)?)$", re.IGNORECASE)
# A letter's or an interview's own age: "I am 58 and", "she is 71," (a bare figure ending its clause: "I am 12
# minutes away" has its noun, read before this).
# Present tense only: "He was 12." stays as set 36's test reads it (a past figure may be a score, a rank).
_SPEAKER_IS_BEFORE_RE = re.compile(r"(?<![\w])(?:I\s+am|I['’]m|(?:he|she)\s+is|(?:he|she)['’]s)\s+$",
                                   re.IGNORECASE)
_ENDS_A_CLAUSE_AFTER_RE = re.compile(r"\s*(?:[,.;:!?)]|\s+and\s|$)")
# An age a rule sets, split by sex: "the pension age is 65 for men and 60 for women" (the figures after "age" within
# its clause; "The quota is 40 for men" names no age and stays as it was).
_FOR_MEN_OR_WOMEN_AFTER_RE = re.compile(r"\s+for\s+(?:men|women|males|females)(?![\w])", re.IGNORECASE)
_AGE_IN_THE_CLAUSE_BEFORE_RE = re.compile(r"(?<![\w])age(?![\w])[^.;:]*$", re.IGNORECASE)


# A person's age in apposition to the name, as reporters write it: "Aigerim, 34, who trains nurses", "Marat, 52, says
# …". Two digits between commas right after a capitalised name, and after them a relative pronoun, a verb of saying or
# being, or an article (the noun of a second apposition: "Dana, 29, a baker"); a list of named figures has no comma
# between the name and its figure ("Italy 9,800, Belgium 6,200") and stays a list.
_NAME_AND_COMMA_BEFORE_RE = re.compile(r"(?<![\w-])[A-Z][a-z]{2,},\s+$")
# ("In March, 40 …", "On Friday, 12 …": a date before the comma, not a person.)
_MONTH_OR_DAY_NAME_RE = re.compile(rf"(?:{ENGLISH_MONTH_FULL}|{ENGLISH_WEEKDAY}),")
# (Or any verb in the past: "Dr Ospanova, 52, trained in Austria", "Yerlan, 41, began as a driver" (set 77); a past
# tense cannot be a counted noun, and in small letters after the comma the name was no item of a list.)
_AGE_APPOSITION_AFTER_RE = re.compile(r"\s*,\s+(?:who|whose|says|said|told|recalls|explains|is|was|has|had|runs|ran|works"
                                      r"|lives|a|an|the|[a-z]{2,}ed|began|became|came|went|grew|left|led|took|won|spent"
                                      r"|built|made|taught|studied)(?![\w])")


def _an_age_without_years(text: str, number_start: int, end: int) -> bool:
    if end - number_start == 2 and text[number_start:end].isdigit() \
            and (name := _NAME_AND_COMMA_BEFORE_RE.search(text, max(0, number_start - 30), number_start)) is not None \
            and _MONTH_OR_DAY_NAME_RE.match(name.group(0)) is None \
            and _AGE_APPOSITION_AFTER_RE.match(text, end) is not None:
        return True
    if _SPEAKER_IS_BEFORE_RE.search(text, max(0, number_start - 12), number_start) is not None:
        return _ENDS_A_CLAUSE_AFTER_RE.match(text, end) is not None
    return _FOR_MEN_OR_WOMEN_AFTER_RE.match(text, end) is not None and \
        _AGE_IN_THE_CLAUSE_BEFORE_RE.search(text, max(0, number_start - 80), number_start) is not None


# "Places are limited to 150", "Seats are capped at 40": a plural subject capped at a number is what it counts.
_PLURAL_LIMITED_TO_BEFORE_RE = re.compile(r"(?<![\w-])(?P<noun>[A-Za-z]{3,}s)(?:\s+(?:on|in|at|for|of)\s+(?:the\s+)?[\w-]+)?"
                                          r"\s+(?:are|were|will\s+be|remain)\s+"
                                          r"(?:strictly\s+)?(?:limited|capped|restricted)\s+(?:to|at)\s*$", re.IGNORECASE)
_KAZAKH_NUMBER_OF_BEFORE_RE = re.compile(
    # "мектептер санын 50-ге жеткізу" (to bring the number of schools to 50): "саны" in the accusative too.
    # ("төсек-орын саны", the number of beds: a hyphenated noun is one.)
    rf"(?P<noun>(?:[{CYRILLIC_LETTER}]+\s+)?[{CYRILLIC_LETTER}]+(?:-[{CYRILLIC_LETTER}]+)?)\s+(?:жалпы\s+)?саны(?:н|ның)?(?![\w])",
    re.IGNORECASE)
# ("and" joins nouns as often as clauses: "between Kazakhstan and the EU", so it breaks nothing.)
# A full stop ends a clause, not the one of an abbreviated scale ("1,6 тыс. компаний") or a decimal point.
_CLAUSE_BREAK_RE = re.compile(r"\.(?!\d)(?<!тыс\.)(?<!млн\.)(?<!млрд\.)(?<!трлн\.)(?<!долл\.)|[;:!?()]|(?<![\w])(?:while|whereas|but|а|но|ал)(?![\w])", re.IGNORECASE)
# "Of the 27 EU member states, 21 have ratified it", "Из 27 стран-членов ЕС 21 …": the part counts
# the whole's noun.
_PART_OF_WHOLE_BEFORE_RE = re.compile(r"(?<![\w])(?:(?:out\s+)?of(?:\s+the)?|из)\s+\d[\d,. \u00a0]*(?=\s)", re.IGNORECASE)
_STRICT_UNIT_RE = re.compile(r"\s*(?P<unit>[^\W\d_][\w'’/.-]*)\s*$")


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
        # A lone "0" before the comma is never a group of thousands: "0,027" is a decimal (set 52's "0,027 мг/кг").
        if parts[0] != "0" and all(len(part) == 3 for part in parts[1:]):
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
    scale_index = next(index for index in range(len(SCALES)) if match.group(f"s{index}") is not None)
    word = match.group(f"s{scale_index}").lower()
    if word in MONEY_ONLY_SCALES and (match.group("space") or not is_money) and not (
            word in ("m", "k") and not match.group("space") and _PLURAL_NOUN_AFTER_RE.match(text, match.end())):
        # ("5.2m tonnes", "3m visitors", "400k passengers": glued to the number and before a plural, a scale;
        # "5m long", "a 5 m wall" are metres.)
        return None
    return _Scale(exponent=SCALES[scale_index][1], end=match.end())


_PLURAL_NOUN_AFTER_RE = re.compile(r"\s+(?:[a-z]{2,}s|TEU)(?![\w])")


def _match_currency_after(text: str, position: int) -> tuple[str, int] | None:
    match = _CURRENCY_AFTER_RE.match(text, position)
    if match is None:
        return None
    if match.group("symbol"):
        return CURRENCY_SYMBOLS[match.group("symbol")], match.end()
    index = next(index for index in range(len(CURRENCIES_AFTER)) if match.group(f"c{index}") is not None)
    code = CURRENCIES_AFTER[index][1] or match.group(f"c{index}").upper()
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
        code = CURRENCY_SYMBOLS[match.group("symbol")]
    else:
        code = match.group("code").upper()
    return code, window_start + match.start()


# The "до" of a range follows its "от" with no comma (but a decimal one), spaced dash or "и", "а", "или" between:
# "первоначальный взнос – от 10%, срок – до 25 лет" and "при взносе от 30% и сроке до 20 лет" list two figures, the
# first a floor.
_DO_LATER_IN_THE_CLAUSE_RE = re.compile(r"(?:(?!\s(?i:и|а|или)\s)(?:[^;!?,–—]|,(?=\d))){0,60}?\s(?i:до)\s")


# A sentence's opening "From" bounds a price only ("From €4,950 per person"), and not the first end of a range.
_PRICE_FROM_AFTER_RE = re.compile(r"(?:[€$£₸]|US\$|(?:EUR|USD|GBP|KZT|CHF)[ \u00a0]?)[\d.,\u00a0 ]+(?![^.;:]{0,30}\s(?i:to|and|until)\s)")
_LATER_OR_EARLIER_THAN_RE = re.compile(r"(?i:no|not)\s+(?i:later|earlier)\s+than")
# A figure, a span of time and "before": "45 days before departure", "two weeks before the start".
_SPAN_BEFORE_AN_EVENT_RE = re.compile(
    r"[\w.,\u00a0]+[ \u00a0]+(?i:(?:calendar|working|business)[ \u00a0]+)?"
    r"(?i:days?|weeks?|months?|hours?|years?)[ \u00a0]+(?i:before|prior[ \u00a0]+to)(?![\w])")


_RUSSIAN_WORD_THEN_PLUS_RE = re.compile(r"[а-яё]\s+\+$", re.IGNORECASE)


def match_qualifier_before(text: str, position: int) -> tuple[Bound, int] | None:
    window_start = max(0, position - 40)
    window = text[window_start:position]
    if _RUSSIAN_WORD_THEN_PLUS_RE.search(window):
        # "выше +6 °C", "не ниже +18 градусов": a Russian bound word before a temperature written with its sign
        # above zero (set 77); the "+" says nothing about the bound, which is the word's.
        window = window[:-1].rstrip()
    for regex, pairs in (
        (_SYMBOL_QUALIFIER_BEFORE_RE, SYMBOL_QUALIFIERS_BEFORE),
        (_WORD_QUALIFIER_BEFORE_RE, QUALIFIERS_BEFORE),
    ):
        match = regex.search(window)
        if match is None:
            continue
        index = next(index for index in range(len(pairs)) if match.group(f"q{index}") is not None)
        bound = pairs[index][1]
        # The verb of a change may stand several words before its "до" ("продлил безвизовый режим
        # для граждан ЕС до 30 дней"): look further back than for the bound word itself.
        wide = text[max(0, position - 90):position]
        if match.group(f"q{index}").lower() == "до" and (
                _DO_AFTER_NUMBER_RE.search(wide) or _DO_AFTER_CHANGE_RE.search(wide)):
            return None
        if match.group(f"q{index}").lower() == "от" and _DO_LATER_IN_THE_CLAUSE_RE.match(text, position):
            return None  # "от двух недель до трех месяцев": a range's first end, each highlighted alone
        if match.group(f"q{index}") == "From" and not _PRICE_FROM_AFTER_RE.match(text, position):
            return None
        if match.group(f"q{index}").lower() == "over" and (
                _OVER_AFTER_FIGURE_RE.search(window)
                or (_OVER_SPAN_OF_TIME_RE.match(text, position) and _FIGURE_EARLIER_IN_CLAUSE_RE.search(wide)
                    and not _SPAN_IS_AN_AGE_RE.match(text, position)
                    and not _AGED_BEFORE_OVER_RE.search(window))):
            return None
        if bound in (Bound.UPPER, Bound.LOWER) and _LATER_OR_EARLIER_THAN_RE.fullmatch(match.group(f"q{index}")) \
                and _SPAN_BEFORE_AN_EVENT_RE.match(text, position):
            # "no later than 45 days before departure" is at least 45 days before it, "not earlier than 10 days
            # before the vote" at most 10: counted back from an event, the limit turns round.
            return (Bound.LOWER if bound is Bound.UPPER else Bound.UPPER), window_start + match.start()
        return bound, window_start + match.start()
    if (match := _KAZAKH_QUALIFIER_BEFORE_GENITIVE_RE.search(window)) is not None:
        return Bound.LOWER if match.group("word").lower().startswith("кем") else Bound.APPROXIMATE, \
            window_start + match.start()
    return None


def _match_qualifier_after(text: str, position: int) -> tuple[Bound, int] | None:
    if text.startswith("   ", position):
        # A date read before the figures is blanked with spaces: "5 кемені 2028 жылға дейін жөндейді" bounds
        # the date ("by 2028"), not the five ships.
        return None
    for regex, bound in _QUALIFIER_AFTER_RES:
        match = regex.match(text, position)
        if match is not None:
            return bound, match.end()
    if (equivalent := _EQUIVALENT_AFTER_RE.match(text, position)) is not None:
        # "50 мың АҚШ доллары баламасынан асатын" (over the equivalent of USD 50,000): the bound follows the
        # amount's "equivalent", which bounds the amount itself.
        return _match_qualifier_after(text, equivalent.end())
    return None


_EQUIVALENT_AFTER_RE = re.compile(r"[ \u00a0]+баламасы(?:нан|нда|на)(?=[ \u00a0])")


@dataclass(frozen=True, slots=True)
class _Figure:
    """What follows a number: its scale, the kind it makes and its unit."""

    exponent: int
    kind: ValueKind
    unit: str | None
    is_multiplier: bool
    end: int


# The amount written again in words, in brackets, after its digits.
# (The scan reads number words as digits first: "(18 миллионов 940 тысяч)".)
_SPELLED_NUMBER_RE = re.compile(r"\d[\d ,.]*(?:[ \u00a0-]+(?:(?i:and|и|thousand|million|billion|тысяч[аи]?|миллион(?:а|ов)?"
                                r"|миллиард(?:а|ов)?|мың|миллион|миллиард)|\d[\d ,.]*))*")
_SPELLED_AGAIN_RE = re.compile(r"[ \u00a0]*\((?P<words>[^()]*?[^\W\d_]{3,}[^()]{0,120}?)\)")


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
    elif currency_before is None and (spelled := _SPELLED_AGAIN_RE.match(text, position)) is not None and \
            (currency_after := _match_currency_after(text, spelled.end())) is not None and \
            _SPELLED_NUMBER_RE.fullmatch(rewrite_number_words(spelled.group("words")).text.strip()):
        # "18 940 000 (восемнадцать миллионов девятьсот сорок тысяч) евро": a contract writes the amount again in
        # words, in brackets, before its currency.
        return _Figure(exponent, ValueKind.MONEY, currency_after[0], False, currency_after[1])
    if currency_before is None and (cents := _CENTS_RE.match(text, position)) is not None:
        # "35¢ narrower", "a premium of 40¢": the cent sign is a hundredth of a US dollar, as price agencies
        # quote crude and metal differentials; recorded in dollars (0.35 USD) as "$0.35" would be.
        return _Figure(exponent - 2, ValueKind.MONEY, "USD", False, cents.end())
    currency_after = _match_currency_after(text, position)
    if currency_after is not None:
        code, end = currency_after
        return _Figure(exponent, ValueKind.MONEY, currency_before or code, False, end)
    if currency_before is not None:
        return _Figure(exponent, ValueKind.MONEY, currency_before, False, position)
    if points := _PERCENTAGE_POINTS_RE.match(text, position):
        return _Figure(exponent, ValueKind.QUANTITY, "pp", False, points.end())
    if basis_points := _BASIS_POINTS_RE.match(text, position):
        return _Figure(exponent, ValueKind.QUANTITY, "bp", False, basis_points.end())
    if per_mille := _PER_MILLE_RE.match(text, position):
        # "1,5‰ от таможенной стоимости": a per-mille rate is a tenth of a percent (0.15 %).
        return _Figure(exponent - 1, ValueKind.PERCENT, "%", False, per_mille.end())
    if percent := _PERCENT_RE.match(text, position):
        return _Figure(exponent, ValueKind.PERCENT, "%", False, percent.end())
    if multiplier := _MULTIPLIER_RE.match(text, position):
        return _Figure(exponent, ValueKind.QUANTITY, "×", True, multiplier.end())
    if russian_multiplier and (multiplier := _RUSSIAN_MULTIPLIER_RE.match(text, position)):
        return _Figure(exponent, ValueKind.QUANTITY, "×", True, multiplier.end())
    return _Figure(exponent, ValueKind.QUANTITY, None, False, position)


def _glued_to_word(text: str, start: int, end: int, figure_end: int) -> bool:
    """Numbers that are part of a word or code ("G20", "COVID-19", "1990s", "25th", "30-летие"); a Kazakh
    case ending after a hyphen ("40-тан", "21-і") only says how the number fits the sentence."""
    if start >= 2 and text[start - 1] in "-‐" and text[start - 2].isalnum():
        return True
    if end < len(text) and figure_end == end:
        following = text[end]
        if following.isalpha():
            return True
        if following in "-‐" and end + 1 < len(text) and text[end + 1].isalpha():
            return _KAZAKH_SUFFIX_RE.match(text, end) is None
    return False


def _is_bare_year(digits: str, value: Decimal) -> bool:
    return re.fullmatch(r"\d{4}", digits) is not None and _EARLIEST_BARE_YEAR <= value <= _LATEST_BARE_YEAR


def scan_numbers(text: str, *, strict: bool) -> list[Candidate]:
    candidates: list[Candidate] = []
    position = 0
    while (match := _NUMBER_RE.search(text, position)) is not None:
        candidate = _candidate_at(text, match, strict=strict)
        if candidate is None:
            position = match.end()
            continue
        candidates.append(candidate)
        position = max(candidate.end, match.end())
    return candidates


def _candidate_at(text: str, match: re.Match[str], *, strict: bool) -> Candidate | None:
    candidate = _build_candidate(text, match, strict=strict, allow_range=True)
    if candidate is None:
        # "In 2022 – 40 billion" is a year and then an amount, not a range: read the number alone.
        candidate = _build_candidate(text, match, strict=strict, allow_range=False)
    return candidate


def _build_candidate(text: str, match: re.Match[str], *, strict: bool, allow_range: bool) -> Candidate | None:
    number_start, number_end = match.span()
    digits = match.group("digits")
    try:
        first_value = _decimal_from_digits(digits)
    except InvalidOperation:
        return None

    if not strict and _REFERENCE_BEFORE_RE.search(text[max(0, number_start - 14) : number_start]):
        return None  # "Article 5", "page 45": a place in a document
    if not strict and _NOT_A_FIGURE_AFTER_RE.match(text, match.end()):
        return None  # "30 жылдығы": an anniversary's name
    start = number_start
    currency_before = _match_currency_before(text, number_start)
    currency_code: str | None = None
    if currency_before is not None:
        currency_code, start = currency_before
    multiplier_before = _RUSSIAN_MULTIPLIER_BEFORE_RE.search(text[max(0, start - 4) : start])
    russian_multiplier = multiplier_before is not None

    # A range shares its scale and unit: "US$5–7 billion", "between 5 and 7 million".
    first_scale = _match_scale(text, number_end, is_money=currency_code is not None)
    after_first = first_scale.end if first_scale is not None else number_end
    compound = _match_compound(text, first_value, first_scale, currency_code is not None)
    range_end = (_match_range_end(text, start, after_first, first_value, digits)
                 if allow_range and compound is None else None)

    figure_start = range_end.end if range_end is not None else number_end
    if compound is not None:
        # "24 млрд 300 млн евро": one amount, already in base units.
        first_value, first_scale, figure_start = compound.value, _Scale(exponent=0, end=compound.end), compound.end
    if not russian_multiplier and first_scale is None and compound is None and (
            first_value != first_value.to_integral_value()
            or (range_end is not None and range_end.value != range_end.value.to_integral_value())):
        # "разница превышает 1,5 раза", "переспрос от 1,6 до 2,1 раза": occasions are whole, so "раза" after a
        # fraction is a multiplier even without its "в".
        russian_multiplier = True
    figure = _match_figure_suffix(
        text, figure_start, currency_before=currency_code, russian_multiplier=russian_multiplier
    )
    end = figure.end
    qualifier_after = _match_qualifier_after(text, end)
    hyphened_measure = _HYPHENED_MEASURE_RE.match(text, end) if figure.end == number_end else None
    if hyphened_measure is not None and re.split(r"[-‐]", hyphened_measure.group("unit"))[-1].lower() \
            not in ENGLISH_MEASURES:
        hyphened_measure = None
    hyphened_count = _HYPHENED_CAPACITY_RE.match(text, end) \
        if figure.end == number_end and hyphened_measure is None and figure.kind is ValueKind.QUANTITY \
        and figure.unit is None else None
    if range_end is None and qualifier_after is None and hyphened_measure is None and hyphened_count is None and \
            _glued_to_word(text, number_start, number_end, figure.end):
        return None

    bound: Bound | None = None
    if range_end is not None:
        start = range_end.opener_start
    # "почти в четыре раза": the bound stands before the "в" of a multiplier.
    qualifier_before = match_qualifier_before(text, start) or (
        match_qualifier_before(text, max(0, start - 4) + multiplier_before.start())
        if multiplier_before is not None and range_end is None else None)
    if qualifier_before is not None:
        bound, start = qualifier_before
    if qualifier_after is not None and bound is None:
        bound, end = qualifier_after

    unit = figure.unit
    kind = figure.kind
    whole_of_a_part = False
    borrowed_noun = False  # the noun was named elsewhere in the clause, not right after the number
    unit_exponent = 0
    if hyphened_measure is not None and unit is None:
        # "a 47-kilometre line", "a 10-year loan": a measure made an adjective, in its unit as written.
        unit, end = re.sub(r"[-‐]", " ", hyphened_measure.group("unit")), hyphened_measure.end()
    elif hyphened_count is not None and unit is None:
        # "a 312-room resort", "a 180-bed hospital": the size of a place in the things it holds, counted in the plural.
        unit, kind, end = hyphened_count.group("noun").lower() + "s", ValueKind.COUNT, hyphened_count.end()
    if figure.kind is ValueKind.QUANTITY and unit is None:
        if strict:
            unit_match = _STRICT_UNIT_RE.match(text, end)
            if unit_match is not None:
                unit, end = unit_match.group("unit"), unit_match.end()
        elif figure.exponent == 0 and first_scale is None and first_value < 100 and \
                _KAZAKH_PRONOUN_WHOLE_RE.search(text[max(0, start - 12):start].rstrip()) and \
                (years_of_it := _KAZAKH_YEARS_OF_IT_RE.match(text, end)) is not None:
            # "Несие 15 жылға берілген, оның үш жылы – жеңілдік кезеңі" (three years of it): after "оның" the
            # possessive "жылы" is years of a span, not "in the year" (a year is never under 100).
            unit, end = "жыл", years_of_it.end()
        elif (part_of := _kazakh_part_of(text, number_start, number_end)) is not None:
            if part_of:
                unit, kind = part_of, ValueKind.QUANTITY if part_of in _KAZAKH_SCORE_UNITS else ValueKind.COUNT
            elif (figure.exponent or first_scale is not None) and \
                    (code := _currency_of_the_amount_before(text, start)) is not None:
                unit, kind = code, ValueKind.MONEY  # "құны 90 млн еуро, оның 40 миллионын банк береді"
            if not part_of and (qualifier_after_part := _match_qualifier_after(text, end)) is not None and bound is None:
                bound, end = qualifier_after_part  # "олардың 1 200-ге жуығы": about, of a whole named before
        elif _KAZAKH_AGE_OF_BEFORE_RE.search(text, max(0, start - 16), start) is not None or (
                _KAZAKH_BARE_AGE_ENDING_A_CLAUSE_RE.match(text, end) is not None
                and (_KAZAKH_AGE_NAMED_IN_THE_SENTENCE_RE.search(text, max(0, start - 80), start) is not None
                     or _KAZAKH_DATIVE_PRONOUN_BEFORE_RE.search(text, max(0, start - 12), start) is not None)):
            # "орташа жасы – 23 жас", "жасы 18-30 аралығында", "жасы 50-ден асқан": the age of what was named, in years of life.
            unit = "жас"
            if (counted := counted_after(text, end)) is not None and (counted.unit == "жас" or counted.is_measure):
                # ("жәдігерлердің жасы 2500 жыл": an age written in another measure is in that one.)
                unit, end = counted.unit, counted.end
            if bound is None and (qualifier_after_age := _match_qualifier_after(text, end)) is not None:
                bound, end = qualifier_after_age  # "жасы 10 жылдан асқан" (older than ten years)
        elif (whole := _whole_opening_the_sentence(text, start)) is not None:
            # "Of the 84 lots offered, 71 found buyers": the part right after the whole that opens its sentence counts
            # the whole's noun, whatever words follow it.
            unit, kind, borrowed_noun = whole, ValueKind.COUNT, True
        elif (counted := counted_after(text, end)) is not None and not _a_period_earlier(text, counted.unit, counted.end) \
                and not _A_YEAR_AGO_AFTER_RE.match(text, end):
            unit, end = counted.unit, counted.end
            if unit.lower() in _SCALED_UNITS:
                # "28.7 bcm" is 28.7 billion cubic metres, as "28,7 млрд кубометров" is recorded.
                unit, unit_exponent = _SCALED_UNITS[unit.lower()]
            if not counted.is_measure:
                kind = ValueKind.COUNT
            if not counted.is_measure or unit in _KAZAKH_SCORE_UNITS:
                # "27 елдің 18-і", "11 елдің 26 университеті": the whole, in the genitive, before its part (a score's
                # too: "100 ұпайдың 87-сі")
                whole_of_a_part = _KAZAKH_PART_AHEAD_RE.match(text, end) is not None or (
                    re.search(r"(?:ның|нің|дың|дің|тың|тің)$", text[:end]) is not None
                    and re.match(r"\s+\d", text[end:]) is not None)
            if bound is None and (qualifier_after_noun := _match_qualifier_after(text, end)) is not None:
                # Kazakh bounds the whole phrase: "28 миллион тоннадан асты", "20 жылдан астам".
                bound, end = qualifier_after_noun
        elif (_AGED_BEFORE_RE.search(text, max(0, number_start - 30), number_start) is not None
              or _an_age_without_years(text, number_start, end)) and figure.exponent == 0 and first_scale is None:
            unit = "years"  # "children aged six to twelve", "people aged 65 and over": an age, in years
        elif (figure.exponent or first_scale is not None) and \
                (code := _currency_of_the_amount_before(text, start)) is not None:
            unit, kind = code, ValueKind.MONEY  # "около 10 млрд евро, из них свыше 1,5 млрд — из бюджета"
        elif _LISTED_AFTER_A_DASH_RE.search(text, max(0, start - 7), start) and _ENDS_ITS_CLAUSE_RE.match(text, end) \
                and not _NAMES_ANOTHER_MEASURE_RE.search(text[max(0, start - 60):start].rpartition(",")[2]) \
                and (code := _currency_of_the_amount_before(text, start)) is not None:
            # "взнос составит 1 200 евро в год, для малых предприятий – 500.": a figure listed after a dash
            # at the end of its clause is in the currency of the sentence's money before it.
            unit, kind = code, ValueKind.MONEY
        elif _LISTED_AFTER_A_DASH_RE.search(text, max(0, start - 7), start) and _ENDS_ITS_CLAUSE_RE.match(text, end) \
                and (listed := _unit_listed_before(text, start)) is not None:
            # "В Астане показатель – 24 мкг/м³, в Караганде – 31", "Дней … в Алматы было 187, в Астане – 96": the next
            # item of a list of figures after dashes is in the unit of the one before.
            unit, kind = listed
        elif _NAMED_LIST_ITEM_BEFORE_RE.search(text, max(0, start - 40), start) \
                and _NAMED_LIST_ITEM_END_RE.match(text, end) and (listed := _unit_of_the_named_list(text, start)) is not None:
            # "Spain took 14,100 tonnes, Italy 9,800, Belgium 6,200 and Germany 3,900": a name and a bare number after
            # a comma or "and" is the next item of a list in the unit of its first figure.
            unit, kind = listed
        elif (gapped := _unit_of_the_gapped_list(text, start, end)) is not None:
            # "scored 411 points in mathematics, 392 in reading and 418 in science", "ran 40 km on Monday and 25 on
            # Tuesday": a bare figure after a comma or "and", followed by the preposition the list's first figure had
            # after its unit, is the next item of that list, in that unit (set 61).
            unit, kind = gapped
        elif (measure := _measure_opening_the_clause(text, start)) is not None:
            unit = measure  # "Дней с превышением суточной нормы в Алматы было 187"
        elif (figure.exponent or first_scale is not None) and \
                (measure := _measure_of_the_amount_before(text, start)) is not None:
            unit = measure  # "16.2 million hectares, of which some 12.9 million were under wheat"
        elif (rate := _exchange_rate_currency(text, start, end)) is not None:
            unit, kind = rate, ValueKind.MONEY  # "The tenge was little changed at 512 per dollar"
        elif (pair := _CURRENCY_PAIR_BEFORE_RE.search(_clause_before(text, start))) is not None:
            unit, kind = pair.group("quote"), ValueKind.MONEY  # "USD/KZT at 530-540": a rate is in the pair's second
        elif _CHANGE_START_BEFORE_RE.search(text, max(0, start - 6), start) and \
                (change_end := _CHANGE_END_NUMBER_AFTER_RE.match(text, end)) is not None and \
                _PERCENT_AFTER_NUMBER_RE.match(text, change_end.end()) and not \
                _PERCENTAGE_POINTS_AFTER_RE.match(text, change_end.end()):
            unit, kind = "%", ValueKind.PERCENT  # "НДС вырос с 12 до 16%", "from 12 to 16%": the start is a share too
        elif _CHANGE_START_BEFORE_RE.search(text, max(0, start - 6), start) and \
                (change_end := _CHANGE_END_IN_GROUPS_AFTER_RE.match(text, end)) is not None and \
                (currency := _match_currency_after(text, change_end.end())) is not None:
            unit, kind = currency[0], ValueKind.MONEY  # "снижается с 1 000 до 500 евро": the start is in euros too
        elif (changed_to := _unit_of_the_change_end(text, start, end)) is not None:
            # "сократилось с 38 до 19 дней", "fell from 38 to 19 days": the start of a change is in the
            # unit of its end.
            unit, kind = changed_to.unit, ValueKind.QUANTITY if changed_to.is_measure else ValueKind.COUNT
        elif (ones := _noun_ones_stand_for(text, start, end)) is not None:
            unit, kind = ones, ValueKind.COUNT  # "of its locomotives …, and it needs 1,100 new ones"
        elif (started := _unit_of_the_change_start(text, start)) is not None:
            # "fell from 97 days to 64", "с 38 дней до 19": the end of a change is in the unit of its start.
            unit, kind = started.unit, ValueKind.QUANTITY if started.is_measure else ValueKind.COUNT
        elif _COMPARED_BEFORE_RE.search(text, max(0, start - 40), start) is not None and \
                (code := _currency_of_the_amount_before(text, start)) is not None:
            unit, kind = code, ValueKind.MONEY  # "будет стоить 650 тенге вместо нынешних 590": 590 tenge
        elif (compared := _measure_compared_before(text, start)) is not None:
            unit = compared  # "a trip of about 45 days instead of 25": 25 days
        elif _UP_FROM_BEFORE_RE.search(text, max(0, start - 24), start) is not None and \
                (named := _noun_of_the_main_count(text, start)) is not None:
            # "will cover 14 destinations in nine countries, up from 11 today": the change is the clause's main count's.
            unit, kind, borrowed_noun = named, ValueKind.COUNT, True
        elif (more := _measure_of_the_figure_before_more(text, start)) is not None:
            unit = more  # "Четыре ночи в Милане …, еще четыре на озере Комо", "three nights in Rome, another two in …"
        elif (named := _counted_noun_named_before(text, start)) is not None:
            unit, kind, borrowed_noun = named, ValueKind.COUNT, True
        elif _PER_PERIOD_AFTER_RE.match(text, end) and (named := _plural_named_before(text, start)) is not None:
            # "resume flights to Frankfurt, with two a week": a number per week counts the plural its sentence named.
            unit, kind, borrowed_noun = named, ValueKind.COUNT, True
        elif _MORE_AFTER_RE.match(text, end) and (named := _noun_of_the_count_before(text[:start])) is not None:
            # "Eleven Member States operate centres; four more intend to": "more" adds to the count
            # before it, across the clause.
            unit, kind, borrowed_noun = named, ValueKind.COUNT, True

    if bound is None and _KAZAKH_ABOUT_SUFFIX_RE.search(text, number_start, max(end, number_end + 5)) is not None:
        bound = Bound.APPROXIMATE  # "45 млн теңгедей", "100 мыңдай адам", "50-дей": about
    if bound is None and kind is ValueKind.QUANTITY and unit is not None and _a_time_limit(text, start, end, unit):
        bound = Bound.UPPER
    if bound is Bound.LOWER and kind is ValueKind.QUANTITY and unit is not None and \
            _NO_EARLIER_THAN_RE.match(text, start) is not None and _BEFORE_AN_EVENT_RE.match(text, end) is not None:
        # "issued no earlier than 72 hours before loading": at most 72 hours before the event (the Russian "не ранее
        # чем за" says so before the figure, `figure_words`).
        bound = Bound.UPPER
    first_is_year_shaped = (
        not strict
        and currency_code is None
        and first_scale is None
        and _is_bare_year(digits, first_value)
    )
    if range_end is not None and first_is_year_shaped != range_end.is_year:
        return None
    if first_is_year_shaped and figure.kind is ValueKind.QUANTITY and figure.unit is None and figure.exponent == 0 \
            and compound is None:
        # "in five towns by 2030": a year-shaped number that only borrows its clause's noun is a year.
        year_candidate = _bare_year_candidate(text, number_start, first_value, bound,
                                              None if borrowed_noun else unit, range_end)
        if year_candidate is not None:
            return year_candidate

    if range_end is not None:
        second_exponent = range_end.exponent if range_end.exponent is not None else figure.exponent
        first_exponent = first_scale.exponent if first_scale is not None else second_exponent
        lower = first_value.scaleb(first_exponent + unit_exponent)
        upper = range_end.value.scaleb(second_exponent + unit_exponent)
        if lower >= upper and first_scale is None and first_exponent != 0:
            # "€15,000 to €2.4 million": the first end written in full, not at the second's scale.
            lower = first_value.scaleb(unit_exponent)
        if range_end.signed:
            # "–35…–40 °C" is from −40 to −35, "–3…+2 °C" from −3 to 2: each end of an ellipsis range has its own sign,
            # and the ends may be written in either order.
            if (sign := _SIGN_BEFORE_ELLIPSIS_RANGE_RE.search(text, max(0, start - 1), start)) is not None:
                start = sign.start()
                if sign.group(0) != "+":
                    lower = -lower
            if range_end.negative:
                upper = -upper
            if lower > upper:
                lower, upper = upper, lower
        elif kind is ValueKind.QUANTITY and unit is not None and bound is None and (
                sign := _MINUS_BEFORE_RE.search(text, max(0, start - 8), start)) is not None:
            # "-10–40 °C", "minus 5 to 35 °C": a range that starts below zero, its sign part of the first end, as a
            # single "-12 °C" is.
            lower, start = -lower, sign.start()
        if lower >= upper:
            return None
        value = TypedValue(
            kind=kind,
            lower=float(lower),
            upper=float(upper),
            approximate=bound is Bound.APPROXIMATE,
            unit=unit,
        )
        return Candidate(value, start, end, _numeric_salience(value, substantial=True))

    exponent = figure.exponent or (first_scale.exponent if first_scale is not None else 0)
    scaled = first_value.scaleb(exponent + unit_exponent)
    if kind is ValueKind.COUNT and scaled != scaled.to_integral_value():
        kind = ValueKind.QUANTITY  # "1.5 companies" is no count; keep what was written
        if borrowed_noun:
            # "More than 60 aftershocks followed, the largest of magnitude 4.2": a figure with a fraction is no
            # number of the things its clause counted before it (4.2 aftershocks), so it borrows no noun; one
            # written after it ("2.5 companies") stays as written (set 66).
            unit = None
    if kind is ValueKind.QUANTITY and unit is not None and bound is None and (
            sign := _MINUS_BEFORE_RE.search(text, max(0, start - 8), start)) is not None:
        # "minus 35°C", "−12 °C", "минус 20 градусов": a measure below zero; the sign is part of the figure.
        scaled, start = -scaled, sign.start()
    elif kind is ValueKind.QUANTITY and unit is not None and bound is not None and has_kazakh_letters(text) and (
            sign := _RUSSIAN_MINUS_WORD_BEFORE_RE.search(text, max(0, start - 8), start)) is not None:
        # "минус 30 градустан төмен" (below minus 30 degrees), "минус 12 градусқа дейін": a Kazakh bound follows its
        # unit, so the word "минус" before the figure is still its sign (Kazakh side, set 72).
        scaled, start = -scaled, sign.start()
    elif kind is ValueKind.PERCENT and bound is None and (
            sign := _RUSSIAN_MINUS_WORD_BEFORE_RE.search(text, max(0, start - 8), start)) is not None:
        # "доходность минус 2,6%", "динамика – минус 0,8 %": a share said with its sign in words is below zero, as
        # "минус 20 градусов" is (Russian side, set 69). A bare "снизилась на 2,6%" keeps its figure: the verb, not
        # the number, says the direction there.
        scaled, start = -scaled, sign.start()
    amount, bound_lower, bound_upper = bounded_amount(float(scaled), bound)
    value = TypedValue(
        kind=kind,
        amount=amount,
        lower=bound_lower,
        upper=bound_upper,
        approximate=bound is Bound.APPROXIMATE,
        unit=unit,
    )
    substantial = bool(unit) or exponent != 0 or bound is not None or figure.is_multiplier
    salience = _numeric_salience(value, substantial=substantial)
    if whole_of_a_part:
        salience = Salience.BARE_NUMBER  # "27 елдің 18-і": the fact is the part, 27 only says of what
    if kind is ValueKind.QUANTITY and _OFFSET_IN_TIME_AFTER_RE.match(text, end) and unit is not None:
        # "five years later, in 1996": a step in time toward the date that follows, not a figure.
        salience = Salience.RELATIVE_DATE
    return Candidate(value, start, end, salience)


# A sign before a measure: the word ("minus", "минус"), the minus sign "−" (U+2212), or a hyphen glued to the digits
# with no word or digit before it ("-12°C"; "10-12" is a range and "COVID-19" a name).
_MINUS_BEFORE_RE = re.compile(r"(?:(?<![\w])(?:minus|минус)\s+|−\s?|(?<![\w.,)\-–—])-)$", re.IGNORECASE)
# The Russian word for a sign before a share ("минус 2,6%"); "плюс-минус 2%" is a band either side, not a sign.
_RUSSIAN_MINUS_WORD_BEFORE_RE = re.compile(r"(?<![\w\-])минус\s+$", re.IGNORECASE)


# "против 81 годом ранее" (against 81 a year earlier): the singular instrumental dates the comparison,
# it is not what 81 measures.
_A_PERIOD_EARLIER_RE = re.compile(r"\s+(?:ранее|раньше|позже|позднее)(?![\w])", re.IGNORECASE)


_HOW_MANY_RE = re.compile(r"(?<![\w])(?:how\s+many|сколько|қанша)(?=\s)", re.IGNORECASE)
# "the number of inspection lanes is the same as it was twenty years ago: six": the figure that gives a number its
# sentence named is of that noun. (Kazakh "саны" follows its noun: left to the Kazakh readings.)
_THE_NUMBER_OF_RE = re.compile(r"(?<![\w])(?:the\s+number\s+of|число|количество)(?=\s)", re.IGNORECASE)
_THERE_ARE_BEFORE_RE = re.compile(r"(?<![\w])there\s+(?:are|were|is|was|will\s+be)(?:\s+(?:now|still|already))?\s*$",
                                  re.IGNORECASE)
# "оның 600-ге жуығы" (about 600 of them): "оның" refers to the whole counted before, as "олардың" does.
_BACK_REFERENCE_RE = re.compile(r"(?<![\w])(?:их|них|ним|ними|они|нас|вас|олардың|олар|оның|them|they)(?![\w])", re.IGNORECASE)
# "the other fifteen", "первые два" (the first two), "another seven": the noun of the clause's count before.
_OTHER_BEFORE_RE = re.compile(r"(?<![\w])(?:the\s+(?:other|remaining|first)|another|остальн\w+|други[ех]|перв(?:ые|ых)"
                              r"|қалған)\s*$", re.IGNORECASE)
_OF_THEM_AFTER_RE = re.compile(r"\s+(?:из\s+них|из\s+которых|of\s+them|of\s+which)(?![\w])", re.IGNORECASE)
_SOURCE_AFTER_A_NOUN_RE = re.compile(r"(?<=[а-яё])\s+из\s+\d[\d \u00a0,.]*\s+[а-яё]+(?:\s+[А-ЯЁ][а-яё]+)?(?=[\s,])")
_RUSSIAN_OF_THEM_BEFORE_RE = re.compile(r"(?<![\w])из\s+(?:них|которых)\s*,?\s*$", re.IGNORECASE)
_MORE_RU_BEFORE_RE = re.compile(r"(?<![\w])(?:еще|ещё)\s*$", re.IGNORECASE)
_SCALE_AFTER_NUMBER_RE = re.compile(r"[\d\s,.]*(?:млн|млрд|трлн|тыс|миллион|миллиард|триллион)", re.IGNORECASE)
# ("11-year-old girls": an age, in the measure's unit as "a 10-year loan" is.)
# ("a 68-square-metre flat", "a 120-square-kilometre reserve": a square or cubic measure made an adjective keeps both
# words, as "68 square metres" does.)
# The things a place holds, made an adjective with the number: "a 312-room resort", "a 450-seat hall", "a 15-member
# board", a flat's "three-bedroom" (set 76) (a measure so made, "a 10-year loan", is `_HYPHENED_MEASURE_RE`'s). A farm's
# size in the animals it keeps is one too: "a 1,200-cow dairy", "a 600-sow unit", "a 40,000-hen barn" (set 60).
_HYPHENED_CAPACITY_RE = re.compile(r"[-‐](?P<noun>(?i:room|bedroom|bed|seat|berth|member|pupil|student|apartment"
                                   r"|cow|sow|ewe|hen|pig|horse))(?![\w‐-])")
_HYPHENED_MEASURE_RE = re.compile(r"[-‐](?P<unit>(?:(?:square|cubic)[-‐])?[A-Za-z]+)(?:[-‐]olds?)?(?![\w‐-])")
# ("что на 9 больше, чем годом ранее", "five fewer": a change of the count before.)
_UP_FROM_BEFORE_RE = re.compile(r"(?<![\w])(?:up|down|rising|falling|increasing|decreasing)\s+from\s+$", re.IGNORECASE)
_PREPOSITION_BEFORE_RE = re.compile(r"(?<![\w])(?:in|across|from|of|to|for|by)\s+$", re.IGNORECASE)


def _noun_of_the_main_count(text: str, start: int) -> str | None:
    """The noun of the sentence's first count that no preposition governs ("14 destinations", not "in nine countries")."""
    sentence_start = max(0, max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1)
    window = text[sentence_start:start]
    for number in _NUMBER_RE.finditer(window):
        if re.fullmatch(r"(?:19|20)\d\d", number.group().strip()) or _is_money_at(window, number) \
                or _PREPOSITION_BEFORE_RE.search(window, max(0, number.start() - 10), number.start()):
            continue
        counted = _counted_of(window, number)
        if counted is not None and not counted.is_measure:
            return counted.unit
    return None


_PER_PERIOD_AFTER_RE = re.compile(r"\s+(?:a|per|each)\s+(?:week|day|month)(?![\w])", re.IGNORECASE)
_ENGLISH_PLURAL_WORD_RE = re.compile(r"(?<![\w-])[a-z]{3,}s(?![\w])")


def _plural_named_before(text: str, start: int) -> str | None:
    """The last English plural noun of the sentence before `start` that counts things, not measures."""
    sentence = text[max(0, max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1):start]
    for word in reversed(_ENGLISH_PLURAL_WORD_RE.findall(sentence)):
        counted = counted_after(" " + word + " ", 0)
        if counted is not None and not counted.is_measure and counted.unit == word:
            return word
    return None


_MORE_AFTER_RE = re.compile(r"\s+(?:more|others?|fewer|больше|меньше)(?![\w])", re.IGNORECASE)
# Abbreviations that hold a scale: the amount is recorded in base units.
_SCALED_UNITS = {"bcm": ("cubic metres", 9), "kt": ("tonnes", 3), "mt": ("tonnes", 6), "sq m": ("square metres", 0), "sq. m": ("square metres", 0),
                 "sq.m": ("square metres", 0), "sqm": ("square metres", 0)}
# Kazakh "-дай/-дей/-тай/-тей" on a number, its scale, currency or measure makes it approximate ("45 млн
# теңгедей", "100 мыңдай", "50-дей"); only on those words, since "осындай" (such) ends so too.
_KAZAKH_ABOUT_SUFFIX_RE = re.compile(
    rf"(?:\d-|мың|млн|млрд|миллион|миллиард|теңге|еуро|доллар|рубль|злотый|форинт|адам"
    rf"|{'|'.join(sorted(KAZAKH_MEASURES, key=len, reverse=True))})(?:дай|дей|тай|тей)(?![\w])", re.IGNORECASE)


def _a_period_earlier(text: str, unit: str, end: int) -> bool:
    return unit.lower() in ("годом", "месяцем", "неделей", "кварталом") and _A_PERIOD_EARLIER_RE.match(text, end) is not None


# "bringing its EU routes to eleven", "raising the number of flights to 20": the noun a change
# brings to the number is what the number counts.
_MOST_BEFORE_RE = re.compile(r"(?<![\w])(?:most|ең\s+көп|больше\s+всего|наибольшее\s+(?:число|количество))(?=\s)",
                             re.IGNORECASE)
# A noun and the word that says most of it went one way ("өтініштері көбіне Алматыдан (31)", "applications came mostly
# from Almaty (31)").
_NOUN_THEN_MOSTLY_RE = re.compile(
    rf"(?<![\w])(?P<noun>[{CYRILLIC_LETTER}a-z]{{3,}})\s+(?:(?:came|went|were\s+filed|were\s+made)\s+)?"
    r"(?:көбіне|көбінесе|негізінен|mostly|mainly)(?=\s)", re.IGNORECASE)


# An exchange rate: the currency named before in the clause, priced per dollar or euro after the number.
_PER_CURRENCY_AFTER_RE = re.compile(r"\s+(?:per|a|to\s+the|за|против)\s+(?:US\s+)?(?:dollar|euro|доллар|евро)(?![\w])",
                                    re.IGNORECASE)
_PRICED_CURRENCIES = {"tenge": "KZT", "тенге": "KZT", "теңге": "KZT", "rouble": "RUB", "ruble": "RUB",
                      "рубль": "RUB", "рубля": "RUB", "som": "KGS", "sum": "UZS", "yuan": "CNY", "юань": "CNY"}
# A currency pair right before its rate: "USD/KZT at 530", "EUR/KZT – 604", "курс USD/KZT составит 530".
_CURRENCY_PAIR_BEFORE_RE = re.compile(
    rf"(?<![\w])(?:{'|'.join(CURRENCY_CODES)})/(?P<quote>{'|'.join(CURRENCY_CODES)})(?![\w])"
    r"(?:\s+(?:at|of|to|near|around|about|составит|составил|составляет|на\s+уровне)|\s*[–—:=])\s*$")
_PRICED_CURRENCY_BEFORE_RE = re.compile(rf"(?<![\w])(?P<currency>{'|'.join(_PRICED_CURRENCIES)})(?![\w])", re.IGNORECASE)


def _exchange_rate_currency(text: str, start: int, end: int) -> str | None:
    """The code of the currency a bare number prices: "The tenge was little changed at 512 per dollar" is
    512 tenge, "курс тенге – 512 за доллар" too."""
    if _PER_CURRENCY_AFTER_RE.match(text, end) is None:
        return None
    named = list(_PRICED_CURRENCY_BEFORE_RE.finditer(_clause_before(text, start)))
    return _PRICED_CURRENCIES[named[-1].group("currency").lower()] if named else None


# "Год назад рейсов было 58" (a year ago there were 58 flights): the genitive noun before "было" is counted.
_RUSSIAN_NOUN_WAS_BEFORE_RE = re.compile(
    # (Not a noun after its preposition: "Проверок на месте было 14" counts no "месте".)
    r"(?<![\w])(?<!(?i:на|по|во|за) )(?<!(?i:в|с|о|у) )(?P<noun>[а-яё]{3,})\s+"
    r"(?:было|будет|стало|станет|насчитывалось|насчитывается)\s*$", re.IGNORECASE)
# "но отелей международных сетей – лишь 38": a genitive plural opening the clause, then a dash, is counted.
_RUSSIAN_NOUN_DASH_BEFORE_RE = re.compile(
    r"^\s*(?:[а-яё]+(?:ых|их)\s+){0,2}(?P<noun>[а-яё]{3,}(?:ов|ев|ей|ий))(?:\s+[а-яё]+(?:ых|их|ой|ей)?){0,3}"
    # ("Таких договоров уже 37": an adverb of how many in place of the dash.)
    r"\s+(?:[–—]\s+(?:(?:лишь|только|всего|уже)\s+)?|(?:лишь|только|всего|уже|сейчас|теперь)\s+)$"
    # ("Новых направлений пять": an adjective and a genitive plural right before the number say it too.)
    r"|^\s*(?:[а-яё]+(?:ых|их)\s+){1,2}(?P<noun2>[а-яё]{3,}(?:ов|ев|ей|ий))\s+$", re.IGNORECASE)
# "Работников на терминале 340", "Студентов, выехавших на стажировку, было 412", "Заводов, работающих на экспорт, в
# области девять": a genitive plural opening the clause, then a participle phrase between commas and/or a place
# ("на терминале", "в области"), then the number (after "было" too), counts that noun.
_RUSSIAN_GENITIVE_OPENING_RE = re.compile(
    r"^\s*(?:[а-яё]+(?:ых|их)\s+){0,2}(?P<noun>[а-яё]{3,}(?:ов|ев|ей|ий))"
    r"(?:\s*,\s*[а-яё]+(?:щих|вших|ших|емых|имых|нных|тых)(?:\s+[^\d,;:.()]+?)?\s*,)?"
    r"(?:\s+(?:на|в|во|у|при)\s+[а-яё]+(?:\s+[а-яё]+(?:ом|ой|ах|ии|е))?)?"
    r"\s+(?:(?:было|будет|стало|станет|насчитывается|насчитывалось|сейчас|теперь|уже|лишь|только|всего)\s+)?$",
    re.IGNORECASE)
# The same, with more between the noun and the number: "Работников на этих предприятиях более 3,2 тыс.", "Дочерних
# банков европейских финансовых групп среди них два", "Всего платежных организаций с европейским капиталом на рынке
# семь", "Самолетов, которые обслуживают европейские рейсы, у перевозчика девять", "…, и европейских направлений в нем
# 11": the clause (or its part after ", и") opens with a genitive plural, then up to five words with no figure (its
# qualifiers, a place, "среди них"), maybe a relative clause between commas, maybe a bound word. The noun is no
# adjective ("Крупнейший", "Последний" end so too).
# ("Компаний, которые экспортируют в ЕС постоянно, а не разово, – лишь 214", "Студентов, обучающихся в вузах ЕС, по
# данным центра, около 9 тыс.", "Дней с превышением суточной нормы в Алматы было 187": a relative clause may hold
# commas, a source may stand between commas, a dash may close it, and "дней" is a measure opening it.)
_RUSSIAN_GENITIVE_OPENING_WIDE_RE = re.compile(
    # ("– По данным бюро статистики, действующих предприятий … около 4,3 тыс.": an answer's dash and its source may
    # open the clause before the genitive.)
    r"(?:^\s*(?:[–—]\s+)?(?:по\s+(?:данным|оценке|оценкам|словам)\s+[^\d,;:.()]+,\s+)?|,\s+и\s+)"
    r"(?:(?:всего|зато|однако|сегодня|сейчас|теперь)\s+)?(?:[а-яё]+(?:ых|их)\s+){0,2}"
    # ("Мест размещения в районе сейчас 63": the genitive plural of a fixed term may have no ending.)
    r"(?P<noun>дней|мест\s+размещения|(?![а-яё]*(?:ский|цкий|[шжчщкгх]ий|[^еаи]ний)(?![\w]))[а-яё]{3,}(?:ов|ев|ей|ий)"
    # (or the genitive plural of a noun in "-ка", with no ending: "Сделок с участием инвесторов из стран ЕС было 37",
    # "Заявок поступило 120"; "поток", "рынок", "участок" end in "-ток/-нок" and are no plural.)
    r"|[а-яё]{4,}(?<![тн])(?:ок|ек)(?![\w]))"
    r"(?:\s*,\s*(?:котор[а-яё]+|[а-яё]+(?:щих|вших|ших|емых|имых|нных|тых))[^\d;:.()]*?,)?"
    r"(?:\s*,?\s*по\s+(?:данным|оценке|оценкам|словам)\s+[^\d,;:.()]+,)?"
    r"(?:\s+[а-яё]+){0,7}?"
    r"(?:\s*[–—])?\s+(?:(?:лишь|только|всего|уже)\s+)?"
    r"(?:(?:более|свыше|около|почти|порядка|примерно|менее|не\s+менее|не\s+более)\s+)?$",
    re.IGNORECASE)
_BRINGING_TO_BEFORE_RE = re.compile(
    r"(?<![\w])(?:bring(?:s|ing)?|brought|rais(?:e|es|ed|ing)|tak(?:e|es|ing)|took|increas(?:e|es|ed|ing)"
    r"|expand(?:s|ed|ing)?|lift(?:s|ed|ing)?)\s+(?:(?:its|their|the|our|his|her)\s+)?"
    r"(?P<phrase>(?:[\w-]+\s+){0,2}[\w-]+)\s+to\s*$", re.IGNORECASE)


_SENTENCE_BREAK_RE = re.compile(r"[.!?](?!\d)(?<!тыс\.)(?<!млн\.)(?<!млрд\.)(?<!трлн\.)(?<!долл\.)\s")


def _sentence_before(text: str, start: int) -> str:
    window = text[max(0, start - 160):start]
    if (breaks := list(_SENTENCE_BREAK_RE.finditer(window))):
        window = window[breaks[-1].end():]
    return window


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 100):start]
    if (breaks := list(_CLAUSE_BREAK_RE.finditer(window))):
        window = window[breaks[-1].end():]
    return window


# A time limit counted from an event is at most that long: "within 30 days of the receipt of a
# request", "сұрау алынғаннан кейін отыз күн ішінде". Without the event ("within two years",
# "екі жыл ішінде келісім жасау") it is the span itself, as curators record it.
# "в течение 30 дней со дня вступления решения в силу" is the Russian "within … of"; "had thirty days
# from delivery to notify defects" a limit given from an event, as "within" is.
_WITHIN_BEFORE_RE = re.compile(r"(?<![\w])(?:within|в\s+течение)\s*$", re.IGNORECASE)
_GIVEN_BEFORE_RE = re.compile(r"(?<![\w])(?:had|has|have|having|given|gives|give|allowed|get|gets|got)\s*$",
                              re.IGNORECASE)
_EVENT_AFTER_RE = re.compile(
    r"\s+(?:of|from|after|со\s+дня|с\s+даты|с\s+момента|после|с\s+(?=[а-яё]+ени[яи]))(?![\w])",
    re.IGNORECASE)
_KAZAKH_WITHIN_AFTER_RE = re.compile(r"\s+ішінде(?![\w])", re.IGNORECASE)
# ("өтінім түскен соң екі жұмыс күні ішінде": "соң", after, as "кейін"; "жұмыс күні" is the izafet compound's
# dictionary form, its head's possessive kept, issue #17.)
_KAZAKH_FROM_EVENT_BEFORE_RE = re.compile(r"(?<![\w])(?:кейін|бастап|соң)\s*$", re.IGNORECASE)
# ("within 30 working days of a complete application": the days may be working, business or calendar ones.)
# ("в течение трех рабочих дней", "15 суток": Russian working days and days of 24 hours, "тәулік", count so too.)
# ("в течение 72 часов с момента получения уведомления", "в течение 15 банковских дней с даты", "көргеннен кейін 24
# сағат ішінде": hours and banking days are limits too.)
# ("power shall be cut within 3 seconds of the threshold being exceeded", "within 15 minutes of the alarm": a control
# system's or a crew's response time is a limit as a day's is.)
_TIME_UNIT_RE = re.compile(r"(?:(?:working|business|calendar|рабоч(?:их|ий|ая|ие)|календарн(?:ых|ый|ые)"
                           r"|банковск(?:их|ий|ие)|жұмыс)\s+)?"
                           r"(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|күні?|ай|жыл|апта|тәулік|сағат|дн(?:я|ей)|день"
                           r"|недел[иья]|недель|месяц(?:а|ев)?|лет|года?|сут(?:ок|ки)|час(?:а|ов)?)", re.IGNORECASE)


# An aside between a limit and its event: "within 13 months, and not later than 14 months, of the date of publication",
# "within 30 days (45 in complex cases) of receipt", "в течение 30 дней, а в сложных случаях 45 дней, со дня подачи".
_ASIDE_AFTER_A_LIMIT_RE = re.compile(r",\s+(?:and|or|but|и|или|а|но)\s[^,;.()]{1,60},|\s+\([^()]{1,60}\)", re.IGNORECASE)


_NO_EARLIER_THAN_RE = re.compile(r"(?:no|not)\s+(?:earlier|sooner)\s+than\s", re.IGNORECASE)
_BEFORE_AN_EVENT_RE = re.compile(r"\s+(?:before|prior\s+to)(?![\w])", re.IGNORECASE)


# A distance counted from a place is at most that far, as a time limit from an event is at most that long: "live within
# 100 km of the epicentre", "no well within 500 metres of the river" (`quantity <100 km`). Only "within … of" says it:
# "within 100 km" alone, or "about 100 km from", is the distance itself.
_DISTANCE_UNIT_RE = re.compile(r"km|kilomet(?:re|er)s?|metres?|meters?|m|miles?", re.IGNORECASE)
_OF_A_PLACE_AFTER_RE = re.compile(r"\s+of(?![\w])", re.IGNORECASE)


def _a_time_limit(text: str, start: int, end: int, unit: str) -> bool:
    if _DISTANCE_UNIT_RE.fullmatch(unit) is not None:
        return re.search(r"(?<![\w])within\s*$", text[max(0, start - 10):start], re.IGNORECASE) is not None and \
            _OF_A_PLACE_AFTER_RE.match(text, end) is not None
    if _TIME_UNIT_RE.fullmatch(unit) is None:
        return False
    if _WITHIN_BEFORE_RE.search(text[max(0, start - 14):start]) or (
            _GIVEN_BEFORE_RE.search(text[max(0, start - 10):start]) and re.match(r"\s+from(?![\w])", text[end:])):
        # ("После его окончания инициатор обязан демонтировать оборудование в течение двух лет": the sentence may
        # open with the event, "after", instead.)
        aside = _ASIDE_AFTER_A_LIMIT_RE.match(text, end)
        return _EVENT_AFTER_RE.match(text, end) is not None or \
            (aside is not None and _EVENT_AFTER_RE.match(text, aside.end()) is not None) or \
            _OPENS_WITH_AN_EVENT_RE.match(_sentence_before(text, start)) is not None
    if _KAZAKH_FROM_THE_DAY_OF_AN_EVENT_RE.search(text[max(0, start - 40):start]) is not None and \
            _KAZAKH_TERM_ENDS_RE.match(text, end) is not None:
        return True
    return _KAZAKH_WITHIN_AFTER_RE.match(text, end) is not None and (
        _KAZAKH_FROM_EVENT_BEFORE_RE.search(text[max(0, start - 10):start]) is not None
        or _OPENS_WITH_AN_EVENT_RE.match(_sentence_before(text, start)) is not None)


# A term counted from the day or moment of an event, with no "ішінде" after it, is a limit too when the clause ends at
# its unit: "Талап қою мерзімі – шарт бұзылған күннен бастап екі жыл." (a claim's term: two years from the day the
# contract was broken), "хабарлама алынған сәттен бастап 48 сағат". A term from a date ("1 наурыздан бастап 3 ай")
# or one that goes on ("… бастап 3 жыл бойы", for three years) is the span.
_KAZAKH_FROM_THE_DAY_OF_AN_EVENT_RE = re.compile(
    rf"[{CYRILLIC_LETTER}]+(?:ған|ген|қан|кен)\s+(?:күн|сәт|кез)і?(?:нен|тен|ден)\s+бастап\s*$", re.IGNORECASE)
_KAZAKH_TERM_ENDS_RE = re.compile(r"\s*(?:[.;!?]|$)")


def bound_words_around(text: str, start: int, end: int) -> tuple[int, int]:
    """start..end widened over the bound words the readers know right before and after it: a qualifier
    (`QUALIFIERS_BEFORE`, `QUALIFIERS_AFTER`, as `match_qualifier_before` and `_match_qualifier_after` judge them)
    or the words of a time limit (`_a_time_limit`: "within", "в течение" before, "ішінде" after). Whether they
    bound the figure there is for its reading to say (`document_values` asks Ctrl+N's)."""
    if (qualifier := match_qualifier_before(text, start)) is not None:
        start = qualifier[1]
    elif (within := _WITHIN_BEFORE_RE.search(text, max(0, start - 14), start)) is not None:
        start = within.start()
    if (qualifier := _match_qualifier_after(text, end)) is not None:
        end = qualifier[1]
    elif (within := _KAZAKH_WITHIN_AFTER_RE.match(text, end)) is not None:
        end = within.end()
    return start, end


# A sentence that opens with the event a limit is counted from: "После его окончания …", "After the lease ends, …",
# "Келісім аяқталғаннан кейін …" (after the agreement has ended).
# Or with the case it is counted from: "In the event of termination, the Parties shall consult within 30 days", "В случае
# прекращения …", "Келісім тоқтатылған жағдайда Тараптар 30 күн ішінде …" (in the event the agreement is terminated).
# Or with a Kazakh condition, the same case in a verb ("Шотты алсаңыз, 10 күн ішінде төлеңіз": if you receive the bill,
# pay within 10 days; "Тауар бүлінген болса, …"); only the second person's "-саңыз/-сеңіз", "-сақ/-сек" and "болса",
# since a bare "-са/-се," ends Russian words too ("бизнеса,").
_OPENS_WITH_AN_EVENT_RE = re.compile(
    rf"\s*(?:(?:после|after|в\s+случае|in\s+the\s+event\s+of)\s|(?:[{CYRILLIC_LETTER}]+\s+){{0,3}}[{CYRILLIC_LETTER}]+"
    rf"(?:(?:ғаннан|геннен|қаннан|кеннен)\s+(?:кейін|соң)|(?:ған|ген|қан|кен)\s+жағдайда|(?:саңыз|сеңіз|сақ|сек|\s+болса),)"
    rf"(?![\w]))",
    re.IGNORECASE)


def _last_number(window: str) -> re.Match[str] | None:
    numbers = list(_NUMBER_RE.finditer(window))
    return numbers[-1] if numbers else None


def _currency_of_the_amount_before(text: str, start: int) -> str | None:
    """The currency of the last figure before `start` in its clause, when that figure is money: a scaled
    amount after it without a unit is in the same currency ("€10 billion, of which 1.5 billion")."""
    window = _clause_before(text, start)
    last = _last_amount(window)
    if last is None:
        # "sought damages of 1.8 billion tenge; the court awarded 640 million": a clause without a
        # figure of its own takes the currency of the sentence's figure before it.
        window = _sentence_before(text, start)
        last = _last_amount(window)
    if last is None:
        return None
    scale = _match_scale(window, last.end(), is_money=True)
    after = scale.end if scale is not None else last.end()
    if (currency := _match_currency_after(window, after)) is not None:
        return currency[0]
    before = _match_currency_before(window, last.start())
    if before is None and (own_scale := _SCALE_RIGHT_AFTER_RE.match(text, start)) is not None:
        # "120 тыс. тенге для хозяйств площадью свыше 100 га, 60 тыс. – для остальных": a measure stands between, and
        # the last money written at the same scale in the sentence lends its currency.
        return currency_of_the_last_amount(_sentence_before(text, start), own_scale.group("scale"))
    return before[0] if before is not None else None


_SCALE_RIGHT_AFTER_RE = re.compile(r"\d[\d\s\u00a0,.]*?\s?(?P<scale>тыс|млн|млрд|трлн|мың|million|billion|thousand|bn)(?![\w])",
                                   re.IGNORECASE)


_CONTRAST_RIGHT_BEFORE_RE = re.compile(r",\s*(?:а|но|but|while|whereas)\s+(?:(?:only|just|лишь|только|всего)\s+)?$",
                                       re.IGNORECASE)
_CONTRASTED_CLAUSE_BEFORE_RE = re.compile(r",\s*(?:а|но|but|while|whereas)\s+[^\d,;:.()]*$", re.IGNORECASE)
# A clause after a comma that dates a bare number earlier with no noun: ", пять лет назад было", ", а в 2020 году было",
# ", годом ранее их было".
_EARLIER_IT_WAS_BEFORE_RE = re.compile(
    # (A date read before the figures is blanked: "пять лет назад" is spaces by then.)
    r",\s+(?:а\s+)?(?:[^,;.]*?\s)?(?:(?:назад|ранее|раньше|прежде|тогда|году)\s+)?(?:(?:их|нас)\s+)?"
    r"(?:было|был[аи]?|насчитывалось)\s+(?:(?:не\s+больше|не\s+более|не\s+менее|не\s+меньше|менее|более|меньше|больше"
    r"|около|почти|лишь|только|всего|свыше)\s+)?$", re.IGNORECASE)
# "против 5,4 год назад" (against 5.4 a year ago): a singular "год/месяц" and "назад" after a figure that the dates
# did not read ("три года назад" was) is when, not its unit.
_A_YEAR_AGO_AFTER_RE = re.compile(r"\s+(?:год|месяц)\s+(?:тому\s+)?назад(?![\w])", re.IGNORECASE)
_BOUND_WORDS_AT_RE = re.compile(r"(?:(?:не\s+)?(?:более|менее|больше|меньше|свыше|около|почти|порядка)\s+(?:чем\s+)?"
                                r"|(?:more|fewer|less)\s+than\s+|(?:at\s+least|about|around|over|almost|nearly)\s+)?",
                                re.IGNORECASE)
_CLOSES_ITS_CLAUSE_RE = re.compile(r"\s*(?:[.;!?]|$)")
# ("в Германию обойдется в 14 200 тенге, в Италию – в 15 800": the item may repeat the preposition of the first.)
_LISTED_AFTER_A_DASH_RE = re.compile(r"[–—]\s*(?:(?:в|во|на|за|по|до|at|in|for|to)\s+)?$", re.IGNORECASE)
_ENDS_ITS_CLAUSE_RE = re.compile(r"\s*(?:[.;,)]|$)")
# "…составил 2,7 млрд долларов, число сделок – 340": the clause names what its figure is.
_NAMES_ANOTHER_MEASURE_RE = re.compile(r"(?<![\w])(?:числ|количеств|доля|дол[иеюя]|number|share|count|саны|санын|үлес)",
                                       re.IGNORECASE)
# A scaled amount listed without its currency and closed by a bracket, comma or "and": "Италия (11,3 млрд
# долларов), Нидерланды (4,6 млрд) и Франция (2,9 млрд)".
_LISTED_AMOUNT_END_RE = re.compile(r"\s*(?:[),;]|(?:и|and|а)(?![\w])|[–—-]\s)", re.IGNORECASE)


def _last_amount(window: str) -> re.Match[str] | None:
    """The last number of `window` that may be the amount a later scaled number takes its currency from:
    a percentage is passed over ("21,8 млрд долларов (рост на 0,9%), импорт – 7,1 млрд"), and so is a
    scaled amount listed without a currency, which took its own from the figure before it (above)."""
    numbers = list(_NUMBER_RE.finditer(window))
    for number in reversed(numbers):
        if _PERCENT_AFTER_NUMBER_RE.match(window, number.end()):
            continue
        scale = _match_scale(window, number.end(), is_money=True)
        if scale is not None and _match_currency_after(window, scale.end) is None \
                and _match_currency_before(window, number.start()) is None \
                and _LISTED_AMOUNT_END_RE.match(window, scale.end):
            continue
        return number
    return numbers[-1] if numbers else None


def _measure_of_the_amount_before(text: str, start: int) -> str | None:
    """The unit of the clause's scaled measure before a scaled number without one: "16.2 million
    hectares, of which some 12.9 million" is in hectares."""
    window = _clause_before(text, start)
    last = _last_number(window)
    if last is None:
        window = _sentence_before(text, start)  # as for a currency (above)
        last = _last_number(window)
    if last is None or (scale := _match_scale(window, last.end(), is_money=False)) is None:
        return None
    counted = counted_after(window, scale.end)
    return counted.unit if counted is not None and counted.is_measure else None


_MORE_OF_THE_SAME_BEFORE_RE = re.compile(r"(?<![\w])(?:еще|ещё|another)\s*$", re.IGNORECASE)


def _measure_of_the_figure_before_more(text: str, start: int) -> str | None:
    """The measure of the sentence's figure before a bare number after "еще", "another": "Четыре ночи в Милане обошлись
    в 640 евро, еще четыре на озере Комо" is four more nights (money and years passed over, as a count's noun is)."""
    if _MORE_OF_THE_SAME_BEFORE_RE.search(text, max(0, start - 10), start) is None:
        return None
    window = _sentence_before(text, start)
    numbers = [n for n in _NUMBER_RE.finditer(window) if not re.fullmatch(r"(?:19|20)\d\d", n.group().strip())]
    while numbers and (_is_money_at(window, numbers[-1]) or _PERCENT_AFTER_NUMBER_RE.match(window, numbers[-1].end())):
        numbers.pop()
    if not numbers:
        return None
    counted = _counted_of(window, numbers[-1])
    return counted.unit if counted is not None and counted.is_measure else None


_PER_BEFORE_NUMBER_RE = re.compile(r"(?<![\w])(?i:per)[ \u00a0]*$")


def _noun_of_the_count_before(window: str, part: float | None = None) -> str | None:
    """The noun the last figure of the clause counted: "137 shipments …, against 81" counts shipments,
    "порядка 1,6 тыс. компаний … против примерно 1,9 тыс." companies. A `part` ("112 of them") is of a whole
    at least as large: "286 exhibitors from 31 countries, 112 of them" counts exhibitors."""
    # A year is when, not a figure: "opened 12 branches in 2023 and two more" counts branches.
    numbers = [n for n in _NUMBER_RE.finditer(window) if not re.fullmatch(r"(?:19|20)\d\d", n.group().strip())
               and (part is None or (_plain_value(n) or 0.0) >= part)]
    # A money figure counts nothing: "57 проектов стоимостью 11,2 млрд долларов …, что на 9 больше" counts projects.
    # Nor does a percentage: "2,3 млн жолаушыға …, бұл 17%-ға көп. Оның 310 мыңы …" counts passengers.
    while numbers and (_is_money_at(window, numbers[-1]) or _PERCENT_AFTER_NUMBER_RE.match(window, numbers[-1].end())):
        numbers.pop()
    # Nor does the base of a rate: "10.9 deaths per 100,000 inhabitants, twice the EU average of 4.4" counts no
    # inhabitants (set 64); the rate itself counts nothing either, so the figure after it is left bare.
    numbers = [n for n in numbers if not _PER_BEFORE_NUMBER_RE.search(window, max(0, n.start() - 5), n.start())]
    # A list names its noun once: "412,000 passengers, followed by Italy with 187,000, Poland with 151,000"
    # counts passengers for each; a bare number before in the list is passed over for the one that named it.
    for last in reversed(numbers):
        if _OF_THEM_AFTER_NUMBER_RE.match(window, last.end()):
            return _noun_of_the_count_before(window[:last.start()], part=_plain_value(last))
        if _KAZAKH_PART_AFTER_RE.match(window, last.end()) is not None:
            # ("found that 29 of them had moved …, but only seven plan to": the part counts what its whole counted.)
            # "Олардың 29-ы орындалды, алтауы …" (29 of them were done, six …): a part counts its whole's noun,
            # and the word after it is its verb, not what it counts.
            return _noun_of_the_count_before(window[:last.start()])
        counted = _counted_of(window, last)
        if counted is None and (number_of := _KAZAKH_NUMBER_OF_BEFORE_RE.search(window, 0, last.start())) is not None \
                and not re.search(r"\d", window[number_of.end():last.start()]) and \
                (named := kazakh_noun_named(number_of.group("noun"))) is not None and not named.is_measure:
            # "студенттердің саны 286-ға жетті, олардың 19-ы": the figure before named its noun before it.
            return named.unit
        if counted is not None and _SCALE_AFTER_NUMBER_RE.match(window, last.start()) and \
                re.search(r"[–—]", window[last.end():counted.end]):
            counted = None  # ("70 млн – кредит ЕБРР": what the amount is, after a dash, is no noun it counts)
        if counted is None or _WHEN_AFTER_RE.match(window, last.end()) or (
                counted.is_measure and _SPAN_BEFORE_RE.search(window, max(0, last.start() - 30), last.start())):
            continue  # (and one that counts nothing, "against 71 last winter", names nothing either)
        if counted is None or counted.is_measure or _match_currency_after(window, last.end()) is not None:
            return None
        return counted.unit
    return None


_OF_THEM_AFTER_NUMBER_RE = re.compile(r"\s+(?:of\s+them|из\s+них)(?![\w])", re.IGNORECASE)
def _plain_value(number: re.Match[str]) -> float | None:
    """A figure's number as written, without its scale ("112", "1 200", "3,5")."""
    try:
        return float(_decimal_from_digits(number.group().strip()))
    except (ArithmeticError, ValueError):
        return None


# "against 60 last year", "a year earlier": when the number was, not what it measures.
_WHEN_AFTER_RE = re.compile(r"\s+(?:(?:last|next|this|a|one|the\s+(?:previous|same))\s+(?:year|month|week|quarter|season"
                            r"|winter|spring|summer|autumn)|(?:годом|год)\s+(?:ранее|раньше|назад))(?![\w])",
                            re.IGNORECASE)


# "over the next five years", "за последние пять лет": a span that says when, not what the clause counts.
_SPAN_BEFORE_RE = re.compile(r"(?<![\w])(?:over|for|during|within|in|за|в\s+течение)\s+(?:the\s+)?"
                             r"(?:next|past|last|coming|following|previous|ближайшие|последние|следующие)\s+$",
                             re.IGNORECASE)


def _counted_of(window: str, number: re.Match[str]) -> Counted | None:
    scale = _match_scale(window, number.end(), is_money=False)
    position = scale.end if scale is not None else number.end()
    # "50-ден аз қазақстандық компанияда": the noun after a Kazakh case ending and bound.
    if (suffix := _KAZAKH_SUFFIX_RE.match(window, position)) is not None:
        position = suffix.end()
    if (qualifier := _match_qualifier_after(window, position)) is not None:
        position = qualifier[1]
    return counted_after(window, position)


# "about 45 days instead of 25", "14,7 ц/га против 16,2": a bare number compared with a measure is in its unit.
_COMPARED_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?:instead\s+of|against|compared\s+(?:with|to)|versus|vs\.?|против|вместо|по\s+сравнению\s+с)"
    # "expire after 90 days (previously 45)", "runs for 12 months, formerly 8": the figure a measure replaces.
    r"|[(,]\s*(?:previously|formerly)(?![\w]))\s*"
    # ("30 to 36 hours instead of the usual 20", "against the planned 12")
    r"(?:(?:the|its|their|our)\s+)?(?:(?:usual|normal|current|previous|standard|planned|earlier|обычных|прежних"
    # ("47 суток вместо плановых 60": against the plan's figure.)
    r"|нынешних|текущих|действующих|плановых|запланированных|проектных|нормативных)\s+)?$",
    re.IGNORECASE)


_AND_ANOTHER_BEFORE_RE = re.compile(r"(?<![\w])(?:in\s+(?:19|20)\d\d|a\s+year\s+earlier|last\s+year)\s+(?:and|и)\s+"
                                    r"(?:(?:barely|only|just|some|about|around|roughly|nearly|almost|less\s+than)\s+)?$",
                                    re.IGNORECASE)
_HEDGE_BEFORE_RE = re.compile(r"(?:about|around|roughly|some|nearly|almost|barely|only|just)\s+$", re.IGNORECASE)


def _measure_compared_before(text: str, start: int) -> str | None:
    compared = _COMPARED_BEFORE_RE.search(text, max(0, start - 40), start)
    if compared is not None and compared.group()[0] in "(,":
        start = compared.start()  # "90 days (previously 45)": the measure stands before the bracket, in its clause
    if compared is None:
        # "against about 110,000 in 2025 and barely 25,000 in 2021": the second of two figures set against the
        # measure is in its unit too.
        joined = _AND_ANOTHER_BEFORE_RE.search(text, max(0, start - 30), start)
        earlier = [n for n in _NUMBER_RE.finditer(text, max(0, start - 80), joined.start()) if not re.fullmatch(
            r"(?:19|20)\d\d", n.group().strip())] if joined is not None else []
        if not earlier or _COMPARED_BEFORE_RE.search(
                _HEDGE_BEFORE_RE.sub("", text[max(0, earlier[-1].start() - 50):earlier[-1].start()])) is None:
            return None
        start = earlier[-1].start()
    window = _clause_before(text, start)
    numbers = [n for n in _NUMBER_RE.finditer(window) if not re.fullmatch(r"(?:19|20)\d\d", n.group().strip())]
    while len(numbers) > 1 and _RESTATED_BEFORE_RE.search(window, 0, numbers[-1].start()):
        # "load 46 cargoes in December, or about 1.58 million barrels a day, against 44": a figure after ", or" restates
        # the one before it in another unit; the comparison is with the one it restates.
        numbers.pop()
    if not numbers or _is_money_at(window, numbers[-1]):
        return None
    counted = _counted_of(window, numbers[-1])
    return counted.unit if counted is not None and counted.is_measure else None


_RESTATED_BEFORE_RE = re.compile(r",\s+(?:or|или|яғни|то\s+есть)\s+(?:(?:about|around|some|roughly|nearly|almost|около|примерно"
                                 r"|почти|шамамен)\s+)?$", re.IGNORECASE)


_PERCENT_AFTER_NUMBER_RE = re.compile(rf"\s?(?:{PERCENT_WORDS}|{PERCENTAGE_POINT_WORDS})", re.IGNORECASE)
_CHANGE_START_BEFORE_RE = re.compile(r"(?<![\w])(?:с|со|from)\s+$", re.IGNORECASE)
_CHANGE_END_NUMBER_AFTER_RE = re.compile(r"\s+(?:до|to)\s+\d+(?:[.,]\d+)?", re.IGNORECASE)
_PERCENTAGE_POINTS_AFTER_RE = re.compile(rf"\s?(?:{PERCENTAGE_POINT_WORDS})", re.IGNORECASE)
# (The end's digits may be grouped by spaces: "с 2 500 до 1 800 тенге".)
_CHANGE_END_IN_GROUPS_AFTER_RE = re.compile(r"\s+(?:до|to)\s+\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?(?![\d%])",
                                            re.IGNORECASE)
_CHANGE_END_AFTER_RE = re.compile(r"\s+(?:до|to)\s+\d+(?:[.,]\d+)?(?![\d%])", re.IGNORECASE)


def _is_money_at(window: str, number: re.Match[str]) -> bool:
    scale = _match_scale(window, number.end(), is_money=True)
    return _match_currency_after(window, scale.end if scale is not None else number.end()) is not None \
        or _match_currency_before(window, number.start()) is not None


def _unit_of_the_change_end(text: str, start: int, end: int) -> Counted | None:
    if _CHANGE_START_BEFORE_RE.search(text, max(0, start - 6), start) is None or \
            (change_end := _CHANGE_END_AFTER_RE.match(text, end)) is None:
        return None
    position = change_end.end()
    if (scale := _match_scale(text, position, is_money=False)) is not None:
        position = scale.end  # "с 290 тыс. до 1 миллиона гектаров": the scale is no noun
    return counted_after(text, position)


def currency_of_the_last_amount(text: str, scale_word: str | None = None) -> str | None:
    """The currency of the last figure of `text` that is not a year, when it is money: "Проект стоит 28 млн
    евро, рассчитан на 2024-2028 годы." -> "EUR". Given the `scale_word` of the amount that borrows it, the
    last money written at that scale wins: "… от 310 до 420 тыс. тенге, то есть около 600–800 евро." lends
    tenge to "за 250 тыс."."""
    numbers = [n for n in _NUMBER_RE.finditer(text) if not re.fullmatch(r"(?:19|20)\d\d", n.group().strip())]
    if not numbers:
        return None
    for number in reversed(numbers) if scale_word else ():
        written = _match_scale(text, number.end(), is_money=True)
        if written is not None and text[number.end():written.end].strip().lower()[:3] == (scale_word or "").lower()[:3] \
                and (currency := _match_currency_after(text, written.end)) is not None:
            return currency[0]
    last = numbers[-1]
    scale = _match_scale(text, last.end(), is_money=True)
    if (currency := _match_currency_after(text, scale.end if scale is not None else last.end())) is not None:
        return currency[0]
    before = _match_currency_before(text, last.start())
    return before[0] if before is not None else None


def measure_of_the_last_amount(text: str) -> str | None:
    """The unit of measure of the last figure of `text` that is not a year, when it is a scaled measure: "… может
    достичь 1–1,2 млн тонн." -> "тонн" (a scaled number alone in the next sentence is in it too)."""
    numbers = [n for n in _NUMBER_RE.finditer(text) if not re.fullmatch(r"(?:19|20)\d\d", n.group().strip())]
    if not numbers or _is_money_at(text, numbers[-1]) or _PERCENT_AFTER_NUMBER_RE.match(text, numbers[-1].end()):
        return None
    if (scale := _match_scale(text, numbers[-1].end(), is_money=False)) is None:
        return None
    counted = counted_after(text, scale.end)
    return counted.unit if counted is not None and counted.is_measure else None


_CHANGE_FROM_BEFORE_RE = re.compile(
    r"(?<![\w])(?:from|с|со)\s+(?P<number>\d[\d,. \u00a0]*?)(?P<rest>\s+[^\d;:()]{2,40}?)\s+(?:to|до)\s+$", re.IGNORECASE)


# "fell to 2.5 hours, from nearly six in 2023", "снизилось до 19 дней с 38": the end written first. (Not across a
# clause of its own: "увеличится до 2,4 МВт, а число стоек – с 320 до 600" starts another change.)
_CHANGE_TO_THEN_FROM_BEFORE_RE = re.compile(
    r"(?<![\w])(?:to|до)\s+(?P<number>\d[\d,. \u00a0]*?)(?P<rest>\s+(?:(?!,\s+(?:а|но|but|while|whereas)\s)[^\d;:()]){2,40}?),?"
    r"\s+(?:from|с|со)\s+"
    r"(?:(?:nearly|almost|about|around|roughly|some|около|почти|примерно|порядка)\s+)?$", re.IGNORECASE)


def _unit_of_the_change_start(text: str, start: int) -> Counted | None:
    change = _CHANGE_FROM_BEFORE_RE.search(text, max(0, start - 80), start) or \
        _CHANGE_TO_THEN_FROM_BEFORE_RE.search(text, max(0, start - 80), start)
    if change is None:
        return None
    counted = counted_after(text, change.end("number"))
    return counted if counted is not None and counted.end <= change.end("rest") else None


_ONES_AFTER_RE = re.compile(r"(?:\s+(?!ones)[a-z-]+){0,3}?\s+ones(?![\w])", re.IGNORECASE)
# ("its buses", "of the locomotives"; not a bare "the", whose next plural may be a verb: "the city wants".)
_PLURAL_NAMED_BEFORE_RE = re.compile(r"(?<![\w])(?:its|their|these|those|of\s+(?:its|their|the|these|those))\s+"
                                     r"(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]{3,}s)(?![\w])")


def _noun_ones_stand_for(text: str, start: int, end: int) -> str | None:
    """What "ones" after a number stands for: the last plural its sentence named before it."""
    if _ONES_AFTER_RE.match(text, end) is None:
        return None
    for named in reversed(list(_PLURAL_NAMED_BEFORE_RE.finditer(_sentence_before(text, start)))):
        counted = counted_after(" " + named.group("noun") + " ", 0)
        if counted is not None and not counted.is_measure:
            return counted.unit
    return None


def noun_of_the_last_count(text: str, part: float | None = None) -> str | None:
    """The noun the last count in `text` (number words already digits) counted: "3 projects are under
    construction." -> "projects"; None when its last figure counts nothing. Given a `part`, the last count at
    least as large."""
    return _noun_of_the_count_before(text, part=part)


_INCLUDING_BEFORE_RE = re.compile(r",?\s+(?:в\s+том\s+числе|including|оның\s+ішінде)\s*$", re.IGNORECASE)
_BRACKETED_COUNT_RE = re.compile(r"\((?P<inside>\s*\d[^()]*)\)")


def counted_noun_named_before(text: str, start: int) -> str | None:
    """What a number at `start` counts when its clause named it first ("тартқыштар саны — 40 дана")."""
    return _counted_noun_named_before(text, start)


def _after_an_open_bracket(text: str, start: int) -> bool:
    """Whether only spaces stand between an opening bracket and `start` (as `\\(\\s*$` before it, without
    copying or scanning the text before it)."""
    at = start
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at > 0 and text[at - 1] == "("


def _counted_noun_named_before(text: str, start: int, depth: int = 0) -> str | None:
    """What a bare number counts when its clause named it first ("the number of students … 335")."""
    window = _clause_before(text, start)
    sentence = _sentence_before(text, start)
    in_brackets = _after_an_open_bracket(text, start)
    # ("112 of them" is a part: its whole is a figure at least as large.)
    part = _plain_value(number) if (number := _NUMBER_AT_RE.match(text, start)) is not None and \
        _OF_THEM_AFTER_NUMBER_RE.match(text, number.end()) else None
    # "Erasmus+ students" (a dash kept: "70 млн – кредит"; "/" and "³" too: "24 мкг/м³" is a measure, not "мкг").
    window = re.sub(r"[^\w\s,–—/²³-]", " ", window)
    if (whole := _PART_OF_WHOLE_BEFORE_RE.search(window)) is not None and "," not in window[:whole.start()]:
        counted = counted_after(window, whole.end())
        if counted is not None and not counted.is_measure and not window[counted.end:].strip(" ,"):
            return counted.unit
    if (numbers_of := _NOUN_NUMBERS_BEFORE_RE.search(window)) is not None:
        # "Visitor numbers rose to 9,850", "Passenger numbers reached 1.2 million": the noun before "numbers" is what
        # they count, in the plural.
        noun = numbers_of.group("noun").lower()
        return noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun if noun.endswith("s") else noun + "s"
    if _MEMBERSHIP_BEFORE_RE.search(window) is not None:
        return "members"
    if (limited := _PLURAL_LIMITED_TO_BEFORE_RE.search(window)) is not None and \
            (counted := counted_after(" " + limited.group("noun").lower() + " ", 0)) is not None and not counted.is_measure:
        return counted.unit
    if (number_of := _NUMBER_OF_BEFORE_RE.search(window)) is not None:
        counted = counted_after(window, number_of.end())
        if counted is None and (phrase := _RUSSIAN_PARTICIPLE_PHRASE_RE.match(window, number_of.end())) is not None:
            counted = counted_after(window, phrase.end())  # "Число реализуемых в Казахстане проектов"
        return counted.unit if counted is not None and not counted.is_measure else None
    if (flow := _FLOW_OF_THINGS_OPENING_RE.match(window)) is not None and \
            (counted := counted_after(window, flow.end())) is not None and not counted.is_measure \
            and (counted.unit.isascii() or counted.unit.lower().endswith(_RUSSIAN_GENITIVE_PLURAL_ENDINGS)):
        return counted.unit
    if (kazakh := _KAZAKH_NUMBER_OF_BEFORE_RE.search(window)) is not None:
        counted = kazakh_noun_named(kazakh.group("noun"))
        if counted is not None and not counted.is_measure:
            return counted.unit
        # "олардың саны" (their number): the noun is the one the clause's figure before counted.
    # A list in brackets that named its noun in an item before counts that noun, even after "most": "Ең көп
    # студент – Испанияға (14 адам), Польшаға (11)" counts people, as the curator reads the list.
    if in_brackets and (listed := _noun_of_the_bracketed_list(text[max(0, start - 200):start])):
        return listed
    # (After a dash only as the list's first item: "Ең көп стипендиат Германияға – 118 адам, Францияға – 64"
    # counts what 118 named.)
    if (in_brackets or (re.search(r"\s[–—]\s*$", text[:start]) and _last_number(window) is None)) \
            and (most := list(_MOST_BEFORE_RE.finditer(text, max(0, start - 200),
                                                                                       start))):
        # "Ең көп турист Германиядан (11,2 мың), Франциядан (6,4 мың)", "Most visitors came from Germany
        # (11,200)": a figure in brackets after a place counts what "most" named. The noun ends before the first
        # name after it: "Ең көп өтініш Германия инвесторларынан түсті (23)" counts "өтініш", not a phrase with
        # "Германия" in it.
        named = re.split(r"\s(?=[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ])", text[most[-1].end():start], maxsplit=1)[0]
        counted = counted_after(named + " ", 0)
        if counted is not None and not counted.is_measure:
            return counted.unit
    if in_brackets and (mostly := list(_NOUN_THEN_MOSTLY_RE.finditer(
            text, max(0, start - 200), start))):
        # "ЕО инвесторларының өтініштері көбіне Алматыдан (31) және Астанадан (22) түсті", "Applications came
        # mostly from Almaty (31)": a figure in brackets after a place counts the noun that "mostly" follows.
        noun = mostly[-1].group("noun").lower()
        counted = kazakh_noun_named(noun) if has_kazakh_letters(noun) else counted_after(" " + noun + " ", 0)
        if counted is not None and not counted.is_measure:
            return counted.unit
    clause = _clause_before(text, start)
    for existing in (_RUSSIAN_NOUN_WAS_BEFORE_RE.search(window), _RUSSIAN_NOUN_DASH_BEFORE_RE.search(clause),
                     _RUSSIAN_GENITIVE_OPENING_RE.search(clause), _RUSSIAN_GENITIVE_OPENING_WIDE_RE.search(clause),
                     # (its relative clause may hold ", а не …", which ends a clause elsewhere)
                     _RUSSIAN_GENITIVE_OPENING_WIDE_RE.search(sentence)):
        if existing is None:
            continue
        group = "noun" if existing.group("noun") else "noun2"
        noun = existing.group(group)
        if noun[:1].isupper() and noun[1:].islower() and not existing.string[:existing.start(group)].strip(" ,–—"):
            noun = noun.lower()  # ("Работников на терминале 340": capitalised only as the sentence's first word)
        counted = counted_after(" " + noun + " ", 0) if not noun[:1].isupper() else None  # ("в Алматы было": a name)
        if counted is not None and not counted.is_measure:
            return counted.unit
        if counted is not None or not noun[:1].isupper():
            break  # (a measure, or a word that counts nothing, is what opened it; only a name gives way)
    if (brought := _BRINGING_TO_BEFORE_RE.search(window)) is not None:
        counted = counted_after(" " + brought.group("phrase") + " ", 0)
        if counted is not None and not counted.is_measure:
            return counted.unit
    if ((number := _NUMBER_AT_RE.match(text, start)) is not None and _OF_THEM_AFTER_RE.match(text, number.end())) \
            or _RUSSIAN_OF_THEM_BEFORE_RE.search(window):
        # ("14 хозяйств из 9 районов, из них 5 – семейные": "из них" before the number, as after it; set 71.)
        window = _SOURCE_AFTER_A_NOUN_RE.sub(lambda source: " " * len(source.group()), window)  # (see below)
    if (noun := _noun_of_the_count_before(window, part=part)) is not None:
        return noun
    if (asked := list(_HOW_MANY_RE.finditer(text, max(0, start - 200), start))):
        # "Q: How many trucks cross at Khorgos now? A: On a good day about 900": the answer counts
        # what the question asked about.
        counted = counted_after(text, asked[-1].end())
        if counted is not None and not counted.is_measure:
            return counted.unit
    if (named := list(_THE_NUMBER_OF_RE.finditer(sentence))):
        counted = counted_after(sentence, named[-1].end())
        if counted is not None and not counted.is_measure:
            return counted.unit
    before = text[max(0, start - 200):start]
    if (including := _INCLUDING_BEFORE_RE.search(before)) is not None and depth < 3 and \
            (numbers := list(_NUMBER_RE.finditer(before, 0, including.start()))):
        # "Таких договоров уже 37, в том числе девять с иностранцами", "seven laws, including four": the part
        # counts what the figure before it counts, named there or before it.
        whole = numbers[-1]
        return counted.unit if (counted := _counted_of(before, whole)) is not None and not counted.is_measure \
            else _counted_noun_named_before(text, max(0, start - 200) + whole.start(), depth + 1)
    if re.search(r"\(\s*$", before) and _BRACKETED_COUNT_RE.search(before):
        return _noun_of_the_bracketed_list(before)
    if re.search(r"[;:]\s*$", before):
        # "The project drafted seven laws; four were adopted": a number opening a clause after a semicolon
        # counts the clause before it.
        return _noun_of_the_count_before(before, part=part)
    if (semicolon := before.rfind(";")) >= 0 and not re.search(r"[\d.!?]", before[semicolon:]):
        # "Almaty runs 1,900 buses …; the city council here operates 640": the first figure of a clause after a
        # semicolon, parallel to the one before it, counts what that one counted.
        return _noun_of_the_count_before(before[:semicolon], part=part)
    if (earlier := _EARLIER_IT_WAS_BEFORE_RE.search(sentence)) is not None:
        # "Мест размещения в районе сейчас 63, пять лет назад было не больше пятнадцати": the same count, earlier.
        if (noun := _noun_of_the_count_before(sentence[:earlier.start()], part=part)) is not None:
            return noun
        if depth == 0 and (last := _last_number(sentence[:earlier.start()])) is not None:
            # (its own noun named before it, as "Мест размещения … 63" is)
            return _counted_noun_named_before(text, start - len(sentence) + last.start(), depth + 1)
        return None
    # (The figure may start with its bound words: "…, а требуется не менее 60".)
    bound_words = _BOUND_WORDS_AT_RE.match(text, start)
    if (contrast := _CONTRASTED_CLAUSE_BEFORE_RE.search(sentence)) is not None and \
            (number := _NUMBER_AT_RE.match(text, bound_words.end() if bound_words else start)) is not None and (
                _CLOSES_ITS_CLAUSE_RE.match(text, number.end())
                # ("… 29 of them had moved volumes, but only seven plan to raise them": the subject of the contrasted
                # clause, right after its "but", counts the same.)
                or _CONTRAST_RIGHT_BEFORE_RE.search(sentence)):
        # "На 43 из 74 рейсов летает один перевозчик, а европейские авиакомпании выполняют лишь 11.": a number
        # that closes a clause contrasted with the one before counts what that one counted.
        return _noun_of_the_count_before(sentence[:contrast.start()], part=part)
    if _BACK_REFERENCE_RE.search(window) or _OTHER_BEFORE_RE.search(window) or _THERE_ARE_BEFORE_RE.search(window) or (
            # "Операторов на направлении 14, четыре из них европейские": "из них" after the number, as before it.
            (number := _NUMBER_AT_RE.match(text, start)) is not None and _OF_THEM_AFTER_RE.match(text, number.end())) or (
            # "потеряли двух клиентов, еще трое просят скидку": "еще" before a small bare number adds to the count
            # before ("еще 45 млн" is an amount, left to the currency before).
            _MORE_RU_BEFORE_RE.search(window) and not _SCALE_AFTER_NUMBER_RE.match(text, start)):
        # ("… maybe 250 European companies here; today there are well over 400": "there are" too.)
        # "42 рейса в неделю, а до пандемии их было меньше пятнадцати", "twelve member states have
        # ratified it; the other fifteen …": a pronoun or "the other" counts the noun of the clause before.
        # ("26 фильмов из 19 стран Евросоюза, восемь из них …": a source after a counted noun is not what "них" is.)
        before = _SOURCE_AFTER_A_NOUN_RE.sub(lambda source: " " * len(source.group()), text[max(0, start - 200):start])
        if (noun := _noun_of_the_count_before(before, part=part)) is None and depth < 3 and \
                (numbers := [n for n in _NUMBER_RE.finditer(before)
                             if not re.fullmatch(r"(?:19|20)\d\d", n.group().strip())]):
            # "Заводов … в области девять, из них шесть": the whole's figure named its noun before it, so the
            # part counts what that figure counted.
            return _counted_noun_named_before(text, max(0, start - 200) + numbers[-1].start(), depth + 1)
        return noun
    return None


# "таких дней в Алматы было 203": a genitive plural, a place, then "было" before the number.
_RUSSIAN_GENITIVE_WAS_RE = re.compile(r"(?<![\w])(?P<noun>[а-яё]{2,}(?:ов|ев|ей|ий))(?:\s+[A-ZА-ЯЁа-яё-]+){0,3}?"
                                      r"\s+(?:было|будет|стало|станет)\s+$", re.IGNORECASE)


def _measure_opening_the_clause(text: str, start: int) -> str | None:
    """The measure a genitive plural opening the clause names for the number that closes it: "Дней с превышением нормы
    в Алматы было 187" is 187 days (a count of things is `_counted_noun_named_before`'s)."""
    clause = _clause_before(text, start)
    for opening in (_RUSSIAN_GENITIVE_OPENING_WIDE_RE.search(clause), _RUSSIAN_GENITIVE_WAS_RE.search(clause)):
        if opening is not None and not opening.group("noun")[1:2].isupper():
            counted = counted_after(" " + opening.group("noun").lower() + " ", 0)
            if counted is not None and counted.is_measure:
                return counted.unit
    return None


def _unit_listed_before(text: str, start: int) -> tuple[str, ValueKind] | None:
    """The unit and kind of the sentence's figure before a number listed after a dash, when that figure is no money
    or percentage and its clause does not name another measure ("число сделок – 340")."""
    window = _sentence_before(text, start)
    if _NAMES_ANOTHER_MEASURE_RE.search(window.rpartition(",")[2]):
        return None
    numbers = [n for n in _NUMBER_RE.finditer(window) if not re.fullmatch(r"(?:19|20)\d\d", n.group().strip())]
    if not numbers or _is_money_at(window, numbers[-1]) or _PERCENT_AFTER_NUMBER_RE.match(window, numbers[-1].end()):
        return None
    if (counted := _counted_of(window, numbers[-1])) is not None:
        return counted.unit, ValueKind.QUANTITY if counted.is_measure else ValueKind.COUNT
    if (measure := _measure_opening_the_clause(text, start - len(window) + numbers[-1].start())) is not None:
        return measure, ValueKind.QUANTITY
    return None


# An item of a list named by a proper name ("…, Italy 9,800", "… and Germany 3,900"): one or two capitalised words
# after a comma or "and", right before the number, which ends the item.
# (A list may open after a colon, a name take "the" and two names share a figure: "…: Italy 11, the Netherlands six,
# France and Spain four each".)
_NAMED_LIST_ITEM_BEFORE_RE = re.compile(
    r"(?:[,:]|\s(?:and|и))\s+(?:the\s+)?[A-ZА-ЯЁ][a-zа-яё]+(?:\s+[A-ZА-ЯЁ][a-zа-яё]+)?"
    r"(?:\s+(?:and|и)\s+[A-ZА-ЯЁ][a-zа-яё]+)?\s+$")
_NAMED_LIST_ITEM_END_RE = re.compile(r"\s*(?:each\s*)?(?:[,;.)]|(?:and|и)(?![\w])|$)")


# "Of the 84 lots offered, ", "Of the 38 December cargoes fixed by Thursday, ", "Из 27 стран-членов, ": a whole with its
# figure opening the sentence, then words with no figure, then a comma.
_WHOLE_OPENING_THE_SENTENCE_RE = re.compile(r"(?:(?<=[.!?] )|(?<=\n)|^)(?:(?:Out\s+)?[Oo]f(?:\s+the)?|Из)\s+(?=\d)")
_NO_FIGURE_THEN_A_COMMA_RE = re.compile(r"[^\d.;:!?]{0,60},\s*$")


def _whole_opening_the_sentence(text: str, start: int) -> str | None:
    """The noun of the whole that opens the sentence of the figure at `start`, when the figure is the first after it."""
    stop = text.rfind(". ", 0, start)
    sentence_start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    if (opener := _WHOLE_OPENING_THE_SENTENCE_RE.match(text, sentence_start)) is None \
            or (number := _NUMBER_RE.match(text, opener.end())) is None:
        return None
    counted = _counted_of(text, number)
    if counted is None or counted.is_measure or counted.end > start \
            or not _NO_FIGURE_THEN_A_COMMA_RE.fullmatch(text, counted.end, start):
        return None
    return counted.unit


def _unit_of_the_named_list(text: str, start: int) -> tuple[str, ValueKind] | None:
    """The unit and kind of the first figure of a list of names and numbers in the sentence before `start`: the
    last figure before it that is no bare list item itself, when it is a count or measure (not money or a share)."""
    window = _sentence_before(text, start)
    for number in reversed(list(_NUMBER_RE.finditer(window))):
        if _NAMED_LIST_ITEM_BEFORE_RE.search(window, max(0, number.start() - 40), number.start()) \
                and _NAMED_LIST_ITEM_END_RE.match(window, number.end()):
            continue  # an item listed bare before this one
        if re.fullmatch(r"(?:19|20)\d\d", number.group().strip()) or _is_money_at(window, number) \
                or _PERCENT_AFTER_NUMBER_RE.match(window, number.end()):
            return None
        counted = _counted_of(window, number)
        if counted is None and (named := _counted_noun_named_before(window, number.start())) is not None:
            # "Of the 38 cargoes, 29 are going to EU ports: Italy 11, …": the list's first figure counts its whole's noun.
            return named, ValueKind.COUNT
        if counted is None:
            return None
        return counted.unit, ValueKind.QUANTITY if counted.is_measure else ValueKind.COUNT
    return None


# A bare item of a list whose unit was said once, at its first figure: after a comma or "and", its own prepositional
# phrase after it ("392 in reading", "25 on Tuesday"), then the end of the item.
_GAPPED_ITEM_BEFORE_RE = re.compile(r"(?:,|\s(?:and|while|but))\s+$")
_GAPPED_ITEM_AFTER_RE = re.compile(r"\s+(?P<preposition>in|on|for|at)\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?"
                                   r"(?=\s*(?:[,;.)]|\s(?:and|while|but)(?![\w])|$))")


def _unit_of_the_gapped_list(text: str, start: int, end: int) -> tuple[str, ValueKind] | None:
    """The unit and kind of the list's first figure, when the figure at `start` is a bare item of an English list whose
    items each end in the same preposition ("411 points in mathematics, 392 in reading")."""
    if (after := _GAPPED_ITEM_AFTER_RE.match(text, end)) is None \
            or not _GAPPED_ITEM_BEFORE_RE.search(text, max(0, start - 8), start):
        return None
    window = _sentence_before(text, start)
    for number in reversed(list(_NUMBER_RE.finditer(window))):
        if re.fullmatch(r"(?:19|20)\d\d", number.group().strip()) or _is_money_at(window, number) \
                or _PERCENT_AFTER_NUMBER_RE.match(window, number.end()):
            return None
        counted = _counted_of(window, number)
        if counted is None:
            if _GAPPED_ITEM_BEFORE_RE.search(window, max(0, number.start() - 8), number.start()) \
                    and (item := _GAPPED_ITEM_AFTER_RE.match(window, number.end())) is not None \
                    and item.group("preposition") == after.group("preposition"):
                continue  # an item listed bare before this one
            return None
        if not re.match(rf"\s+{after.group('preposition')}\s", window[counted.end:]):
            return None
        return counted.unit, ValueKind.QUANTITY if counted.is_measure else ValueKind.COUNT
    return None


def _noun_of_the_bracketed_list(before: str) -> str | None:
    """"завод (310 студентов), комбинат (180) и электростанция (95)": a list in brackets names its noun once."""
    return next((noun for match in reversed(list(_BRACKETED_COUNT_RE.finditer(before)))
                 if (noun := _noun_of_the_count_before(match.group("inside"))) is not None), None)


_AMOUNT_WHOLE_RE = re.compile(rf"\s+(?:(?:мың|млн|млрд|трлн|миллион|миллиард|триллион)[{CYRILLIC_LETTER}]*\s+)?"
                              r"(?:теңге|еуро|евро|доллар|рубль|юан)", re.IGNORECASE)


def _part_value(written: str) -> float | None:
    try:
        return float(_decimal_from_digits(written.strip()))
    except (ArithmeticError, ValueError):
        return None


def _kazakh_part_of(text: str, number_start: int, number_end: int) -> str | None:
    """The noun of the whole when the number is a part of it ("27 елдің 18-імен" -> "ел"), else None."""
    if _KAZAKH_PART_AFTER_RE.match(text, number_end) is None:
        return None
    whole = _KAZAKH_PART_OF_RE.search(text[max(0, number_start - 60):number_start])
    if whole is not None and _AMOUNT_WHOLE_RE.match(whole.group("noun")):
        # "1,2 млрд теңгенің 680 миллионы" (680 million of the 1.2 billion tenge): a part of an amount is money, in the
        # whole's currency, as after "оның".
        return ""
    if whole is not None:
        noun = whole.group("noun")
    else:
        # "Жобалардың жетеуі …, бесеуі …" (seven of the projects …, five …): a whole with no number,
        # a plural in the genitive, counts the parts after it in its clause.
        plurals = list(_KAZAKH_PLURAL_WHOLE_RE.finditer(text, max(0, number_start - 120), number_start))
        # ("университеттердің 33 филиалы …, оның 14-і": a count between makes the part its noun's.)
        if not plurals or re.search(r"\d", _KAZAKH_PART_NUMBER_RE.sub("", text[plurals[-1].end():number_start])):
            if _KAZAKH_COLLECTIVE_AFTER_RE.match(text, number_end) is not None \
                    or _KAZAKH_PRONOUN_WHOLE_RE.search(text[:number_start].rstrip()) is not None:
                # A collective numeral is always a part of a whole already named ("Алғашқы екеуі келеді",
                # the first two of them), as a part after "оның"/"олардың" is ("Оның 40 миллионын банк берді"):
                # with no whole in its clause, the count before; the noun after it is not what it counts.
                return _noun_of_the_count_before(text[max(0, number_start - 200):number_start]) or ""
            return None
        noun = plurals[-1].group()
    if _KAZAKH_PRONOUN_WHOLE_RE.search(noun.strip()):
        # "Олардың 26-сы", "Оның 310 мыңы": the count before in the sentence, or, with none, the part
        # stands alone ("") for the sentence before to name. (A part is of a whole at least as large: "47 ерікті
        # 12 елде …. Олардың 30-ы" counts the volunteers.)
        return _noun_of_the_count_before(text[max(0, number_start - 200):number_start],
                                         part=_part_value(text[number_start:number_end])) or ""
    counted = counted_after(" " + noun.strip() + " ", 0)
    if counted is not None and counted.unit in _KAZAKH_SCORE_UNITS:
        return counted.unit  # "100 ұпайдың 87-сімен" (with 87 of 100 points): a part of a score, in its points
    return counted.unit if counted is not None and not counted.is_measure else None


@dataclass(frozen=True, slots=True)
class _Compound:
    value: Decimal  # in base units
    end: int


def _match_compound(text: str, first_value: Decimal, first_scale: _Scale | None, is_money: bool) -> _Compound | None:
    """"24 млрд 300 млн", "1 миллиард 548,3 миллион": an amount written in two scales, the second smaller."""
    if first_scale is None:
        return None
    second = _NUMBER_AT_RE.match(text, first_scale.end)
    if second is None or text[first_scale.end : second.start("digits")].strip():
        return None
    try:
        second_value = _decimal_from_digits(second.group("digits"))
    except InvalidOperation:
        return None
    second_scale = _match_scale(text, second.end(), is_money=is_money)
    if second_scale is None or second_scale.exponent >= first_scale.exponent:
        return None
    return _Compound(first_value.scaleb(first_scale.exponent) + second_value.scaleb(second_scale.exponent),
                     second_scale.end)


@dataclass(frozen=True, slots=True)
class _RangeEnd:
    value: Decimal
    exponent: int | None  # the second number's own scale, when written ("5 million to 7 million")
    end: int
    opener_start: int  # where "between"/"от" starts, or the range's own start
    is_year: bool
    signed: bool = False  # written with an ellipsis: each end carries its own sign ("–35…–40 °C")
    negative: bool = False  # the second end's sign is a minus


def _match_range_end(text: str, start: int, position: int, first_value: Decimal, first_digits: str) -> _RangeEnd | None:
    opener = _RANGE_OPENER_RE.search(text[max(0, start - 12) : start])
    opener_word = opener.group("opener").lower() if opener else None
    opener_start = max(0, start - 12) + opener.start() if opener else start
    # "between 5% and 7%", "от 5% до 7%", "5%–7%": the percent sign may be written twice.
    repeated_percent = _REPEATED_PERCENT_RE.match(text, position)
    if repeated_percent is not None:
        position = repeated_percent.end()
    separators: tuple[re.Pattern[str], ...] = (_RANGE_DASH_RE, _RANGE_TO_RE, _RANGE_AND_RE, _RANGE_OR_RE,
                                               _RANGE_ELLIPSIS_RE)
    kazakh_from = _KAZAKH_RANGE_FROM_RE.match(text, position)
    if kazakh_from is None and position - start > 3 and \
            _ABLATIVE_SCALE_END_RE.search(text, max(0, position - 3), position) is not None:
        # "8 мыңнан 25 мың еуроға дейін", "8 миллионнан 25 миллион теңгеге дейін": the ablative on the first figure's
        # scale word.
        kazakh_from = _KAZAKH_RANGE_AFTER_SCALE_RE.match(text, position)
    if kazakh_from is None and (with_unit := _KAZAKH_RANGE_FROM_UNIT_RE.match(text, position)) is not None and \
            re.match(rf"\d[\d,. \u00a0]*(?:\s+(?:мың|млн|млрд|миллион|миллиард))?\s+{re.escape(with_unit.group('unit'))}",
                     text[with_unit.end():], re.IGNORECASE):
        kazakh_from = with_unit  # the same unit after the second figure
    if (kazakh_and := _KAZAKH_RANGE_AND_RE.match(text, position)) is not None and \
            _KAZAKH_BETWEEN_AFTER_RE.match(text, kazakh_and.end()):
        kazakh_from = kazakh_and  # "18 бен 30 жас аралығындағы" (aged between 18 and 30)
    if kazakh_from is not None and kazakh_from.re is _KAZAKH_RANGE_AND_RE:
        separators = (_KAZAKH_RANGE_AND_RE,)
    elif kazakh_from is not None:
        # "16,9-дан 19,8 теңгеге дейінгі бағамен" (at prices from 16.9 to 19.8 tenge): the ablative, then
        # the second figure with "дейін(гі)" after it; with a verb of change after "дейін" it is a change.
        after_second = text[kazakh_from.end():kazakh_from.end() + 40]
        if _KAZAKH_RANGE_UP_TO_RE.match(after_second):
            separators = (kazakh_from.re,)
    for separator_re in separators:
        separator = separator_re.match(text, position)
        if separator is None:
            continue
        word = separator.group(0).strip().lower()
        if separator_re in (_KAZAKH_RANGE_FROM_RE, _KAZAKH_RANGE_FROM_UNIT_RE, _KAZAKH_RANGE_AND_RE,
                            _KAZAKH_RANGE_AFTER_SCALE_RE):
            word = "-"
        # "from 5 to 7" and "с 5 до 7" describe a change, so only these openers make ranges; "grants will
        # range from €300,000 to €800,000", "prices vary from 5 to 7" state the bounds of a range.
        if word == "to" and opener_word == "from" and not _RANGE_VERB_BEFORE_RE.search(
                text[max(0, opener_start - 24):opener_start]):
            return None
        if word == "до" and opener_word != "от":
            return None

        if word in ("and", "и") and opener_word not in ("between", "между"):
            return None
        second_start = separator.end()
        if separator_re is _KAZAKH_RANGE_FROM_RE and text.startswith("+", second_start):
            second_start += 1  # "+2-ден +6 °C-қа дейін": the sign of a temperature above zero
        elif separator_re is _KAZAKH_RANGE_FROM_RE and (
                plus_word := _KAZAKH_PLUS_WORD_RE.match(text, second_start)) is not None:
            second_start = plus_word.end()  # "0-ден плюс 4 градусқа дейін": the same sign said as a word
        elif word in ("to", "and", "до") and text.startswith("+", second_start):
            # "+12 to +18 °C", "from -4 to +3 °C": English writes the sign of a temperature above zero on the
            # second figure too (set 66), and the range is the figures', as "12 to 18 °C" is.
            second_start += 1
        signed = separator_re is _RANGE_ELLIPSIS_RE
        negative = signed and text[second_start:second_start + 1] in ("-", "–", "−")
        if signed and text[second_start:second_start + 1] in ("-", "–", "−", "+"):
            second_start += 1  # "–35…–40 °C", "+2…+7 °C": the second end's own sign
        # "EUR 100 000 to EUR 300 000": a code written before each figure, as a symbol may be.
        if (symbol := _SECOND_CURRENCY_RE.match(text, second_start)) is not None:
            second_start = symbol.end()
        second = _NUMBER_AT_RE.match(text, second_start)
        if second is None:
            return None
        try:
            second_value = _decimal_from_digits(second.group("digits"))
        except InvalidOperation:
            return None
        if repeated_percent is not None and _REPEATED_PERCENT_RE.match(text, second.end()) is None:
            return None
        if word == "to" and _BY_BEFORE_RE.search(text, max(0, start - 4), start) and \
                _CLAUSE_ENDS_AFTER_RE.match(text, second.end()):
            # "grew by 210 to 1,140.": how much a change was, then where it ended ("by 2 to 3 percent" is a range).
            return None
        if word in ("or", "или") and second_value <= first_value:
            return None  # "5 or 3" is two figures, not a range
        if word == "or" and _CURRENCY_AT_RE.match(text, start) is not None and \
                _PERCENT_RIGHT_AFTER_RE.match(text, second.end()) is not None:
            # "down €2.85 or 3.8% on the week" (set 72): a change in money restated as a share of the price, two
            # figures; a range of money writes no percent sign after its second end ("$5 or $6").
            return None
        second_scale = _match_scale(text, second.end(), is_money=symbol is not None)
        is_year = _is_bare_year(first_digits, first_value) and _is_bare_year(second.group("digits"), second_value)
        return _RangeEnd(
            value=second_value,
            exponent=second_scale.exponent if second_scale is not None else None,
            end=second_scale.end if second_scale is not None else second.end(),
            opener_start=opener_start if opener_word in ("between", "между", "от") else start,
            is_year=is_year,
            signed=signed,
            negative=negative,
        )
    return None


def _bare_year_candidate(
    text: str,
    number_start: int,
    value: Decimal,
    bound: Bound | None,
    count_noun: str | None,
    range_end: _RangeEnd | None,
) -> Candidate | None:
    """The DATE a four-digit number stands for, or None when it is really a count."""
    after_temporal_word = _TEMPORAL_PREPOSITION_BEFORE_RE.search(text[max(0, number_start - 15) : number_start]) \
        or (_POSSESSIVE_BEFORE_RE.search(text[max(0, number_start - 30) : number_start]) is not None
            and (count_noun is None or not count_noun.endswith("s") or count_noun.lower() in _PLANS_OF_A_YEAR))
    is_count = bound in (Bound.LOWER, Bound.UPPER, Bound.ALMOST) or count_noun is not None
    if is_count and not after_temporal_word:
        return None
    approximate = bound is Bound.APPROXIMATE
    if range_end is not None:
        years = TypedValue(kind=ValueKind.DATE_RANGE, date=f"{int(value):04d}", date_end=f"{int(range_end.value):04d}",
                           approximate=approximate)
        return Candidate(years, number_start, range_end.end, Salience.DATE)
    date = TypedValue(kind=ValueKind.DATE, date=f"{int(value):04d}", approximate=approximate)
    return Candidate(date, number_start, number_start + 4, Salience.DATE)


def _numeric_salience(value: TypedValue, *, substantial: bool) -> Salience:
    """Money, then percentages, then quantities and counts of something, then bare numbers."""
    if value.kind is ValueKind.MONEY:
        return Salience.MONEY
    if value.kind is ValueKind.PERCENT:
        return Salience.PERCENT_DIGITS
    return Salience.SUBSTANTIAL_QUANTITY if substantial else Salience.BARE_NUMBER
