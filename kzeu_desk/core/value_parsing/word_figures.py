"""Figures written in words: fractions stated as shares ("one third of trade", "треть",
"үштен бір") and multipliers ("tenfold", "ten times", "twice", "вдвое")."""

from __future__ import annotations

import re

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.candidates import Bound, Candidate, Salience, bounded_amount
from kzeu_desk.core.value_parsing.figure_words import (
    ENGLISH_FRACTION,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    HALF_OF_PERIOD_BEFORE,
    KAZAKH_FRACTION,
    KAZAKH_FRACTION_BOUND_AFTER,
    KAZAKH_FRACTION_WORDS,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    RUSSIAN_FRACTION,
    RUSSIAN_HALF_OF_PERIOD_BEFORE,
    RUSSIAN_TIMES_WORDS,
)
from kzeu_desk.core.value_parsing.numbers import match_qualifier_before
from kzeu_desk.core.value_parsing.number_words import RUSSIAN_NUMBER_WORDS
from kzeu_desk.core.value_parsing.required_words import PatternGate

_MULTIPLIER_WORD_RE = re.compile(
    # ("five times a week" is a frequency, a count of occasions: `figure_words.MULTIPLIER_AFTER`.)
    r"(?<![\w])(?P<word>" + "|".join(NUMBER_WORDS) + r")(?:[-‐\s]?fold|\s+times(?!\s+(?:a|per|each|every)\s+"
    r"(?:day|week|month|year|quarter)(?![\w])))(?![\w])",
    re.IGNORECASE,
)
_ONE_WORD_MULTIPLIER_RES = tuple((re.compile(rf"(?<![\w])(?:{fragment})(?![\w])", re.IGNORECASE), value)
                                 for fragment, value in MULTIPLIER_WORDS)
_RUSSIAN_TIMES_RE = re.compile(rf"(?<![\w])(?:{'|'.join(RUSSIAN_TIMES_WORDS)})(?![\w])(?!\s+(?:два|три|четыре|\d+)(?![\w]))",
                               re.IGNORECASE)
_ENGLISH_FRACTION_RE = re.compile(ENGLISH_FRACTION, re.IGNORECASE)
# A share said as a ratio: "one in five", "1 in 10", "каждый пятый", "әрбір бесінші" (every fifth).
_ORDINAL_DENOMINATORS = {
    "второй": 2, "вторая": 2, "второе": 2, "третий": 3, "третья": 3, "третье": 3, "четвертый": 4, "четвёртый": 4,
    "четвертая": 4, "четвёртая": 4, "пятый": 5, "пятая": 5, "пятое": 5, "шестой": 6, "шестая": 6,
    "седьмой": 7, "седьмая": 7, "восьмой": 8, "восьмая": 8, "девятый": 9, "девятая": 9, "десятый": 10,
    "десятая": 10, "десятое": 10, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5, "алтыншы": 6,
    "жетінші": 7, "сегізінші": 8, "тоғызыншы": 9, "оныншы": 10,
}
# "two out of three" too, when the whole is small ("9 out of 27 member states" counts states).
_ONE_IN_N_RE = re.compile(
    # ("a one-in-four chance", "a 1-in-10 risk": the ratio made one word before a noun, as "one in four" is.)
    r"(?<![\w.,])(?:(?:(?:one|1)(?:\s+|-)(?:in|out\s+of|out-of)|(?P<numerator>[2-9])(?:\s+|-)(?:in|out\s+of|out-of))"
    r"(?:\s+|-)(?P<digits>\d{1,3})"
    r"(?![\d.,]|\s*(?:%|years?|months?))"
    # "one application in fourteen": a noun may stand between, but "one office in 12 regions" is no ratio.
    # ... and more than one of them: "two tenders in three", "3 households in 10" (a plural between, the whole ten or
    # under, as "two in three" is).
    r"|(?:one|1|(?P<numerator_noun>[2-9])(?=\s+[a-z-]+s\s))\s+[a-z-]+\s+in\s+(?P<digits_noun>\d{1,3})"
    r"(?![\d.,]|\s*(?:%|years?|months?)|\s+[a-z]+s(?![\w]))"
    # "7 из 10 выпускников", "3 из 100 заявок": out of ten or a hundred is a share ("12 из 27 стран" counts).
    r"|(?P<numerator_ru>[1-9]\d?)\s+из\s+(?P<digits_ru>10|100)(?![\d.,])"
    # "в каждом десятом случае": the ratio in any case of "каждый" and of the ordinal.
    r"|(?:(?<![\w])в\s+)?(?:кажд(?:ый|ая|ое|ого|ую|ой|ом|ому))\s+(?P<n>[а-яё]+)"
    # "әрбір он төртінші" (every fourteenth; "он" is already "10"), "әрбір төртіншісін" (with its endings).
    r"|(?:әрбір|әр)\s+(?:(?P<kk_tens>[1-9]0)\s+)?(?P<n_kk>[а-яәіңғүұқөһ]+))",
    re.IGNORECASE)
# "10 адамның 1-іне дейін" (in up to one of ten people), "1 000 науқастың 1-інде": one of ten, a hundred, a thousand
# is a share, as "1 из 10" is (a patient leaflet's frequencies); a part of another whole ("27 елдің 1-і") counts.
_KAZAKH_ONE_OF_N_RE = re.compile(
    r"(?<![\w.,])(?P<whole>10|100|1[\s\u00a0]?000|10[\s\u00a0]?000)\s+[а-яәіңғүұқөһ]+(?:ның|нің|дың|дің|тың|тің)"
    r"\s+1-(?:і|ы)(?:не|на|нен|нан|нде|нда|)(?![\w])",
    re.IGNORECASE)
_KAZAKH_ONE_OF_N_BOUND_AFTER_RE = re.compile(
    r"\s+(?P<word>дейін|астам[а-яәіңғүұқөһ]*|аз[а-яәіңғүұқөһ]*|жуық[а-яәіңғүұқөһ]*)(?![\w])", re.IGNORECASE)
# ("әрбір оныншысында", in every tenth of them: the possessive takes any case, the locative and instrumental too.)
_KAZAKH_ORDINAL_ENDINGS = ("сінен", "сынан", "сінде", "сында", "сімен", "сымен", "сінің", "сының", "сіне", "сына", "сін", "сын", "сі", "сы", "ін", "ын", "і", "ы", "ге", "ға",
                           "ке", "қа", "де", "да", "нде", "нда", "нің", "ның")
# Russian ordinals in their other cases, by stem: "десятом", "пятого", "третьем".
# Longer stems first: "пятнадцатое" is not "пятое".
_RUSSIAN_ORDINAL_STEMS = (("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
                          ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19),
                          ("двадцат", 20), ("тридцат", 30),
                          ("сот", 100), ("втор", 2), ("трет", 3), ("четв", 4), ("пят", 5), ("шест", 6), ("седьм", 7),
                          ("восьм", 8), ("девят", 9), ("десят", 10))
_HALF_OF_PERIOD_BEFORE_RE = re.compile(HALF_OF_PERIOD_BEFORE, re.IGNORECASE)
_RUSSIAN_FRACTION_RE = re.compile(RUSSIAN_FRACTION, re.IGNORECASE)
_RUSSIAN_HALF_OF_PERIOD_BEFORE_RE = re.compile(RUSSIAN_HALF_OF_PERIOD_BEFORE, re.IGNORECASE)
_KAZAKH_FRACTION_RE = re.compile(KAZAKH_FRACTION, re.IGNORECASE)
_KAZAKH_BOUND_AFTER_RES = tuple((re.compile(fragment, re.IGNORECASE), bound) for fragment, bound in KAZAKH_FRACTION_BOUND_AFTER)


# Spans of a century said as a share of it: "a quarter of a century" is 25 years, not 25 %; a measure of time
# said with no number.
_CENTURY_SPANS: tuple[tuple[re.Pattern[str], float, str], ...] = tuple(
    (re.compile(rf"(?<![\w])(?:{fragment})(?![\w])", re.IGNORECASE), float(amount), unit) for fragment, amount, unit in (
        (r"(?:a|one)\s+quarter\s+of\s+a\s+century|a\s+quarter[\s-]century", 25, "years"),
        (r"half\s+a\s+century|a\s+half[\s-]century", 50, "years"),
        (r"четверт(?:ь|и|ью)\s+век[аеу]?", 25, "лет"),
        (r"полвека|полувека|полувеке", 50, "лет"),
        (r"ширек\s+ғасыр[а-яәіңғүұқөһ]*", 25, "жыл"),
        (r"жарты\s+ғасыр[а-яәіңғүұқөһ]*", 50, "жыл"),
        # "within a decade", "за десятилетие", "онжылдықта": ten years, as "a quarter of a century" is 25 ("a decade
        # ago", "a decade later" are dates, read before this).
        (r"(?:a|one)\s+decade(?![\w-])(?!\s+(?:ago|later|earlier|before|after|from))", 10, "years"),
        (r"(?:a|one)\s+century(?![\w-])(?!\s+(?:ago|later|earlier|before|after|from))", 100, "years"),
        (r"десятилети(?:е|я|ю|ем)(?!\s+(?:назад|спустя))", 10, "лет"),
        (r"онжылдық(?:та|қа|тан|ы|ын|ында|ына|ынан)?", 10, "жыл"),
    ))
# A measure of time with no number before "жуық" is about one of it: "тәулікке жуық" (nearly a day), "жылға жуық"
# (about a year); the bound after it makes it approximate. (One pattern, tried only on a text with "жуық".)
_ONE_MEASURE_OF_TIME_RE = re.compile(r"(?<![\w])(?<!\d\s)(?P<unit>тәулік|апта|сағат|ай|жыл)(?:ке|ға|қа)(?=\s+жуық)",
                                     re.IGNORECASE)
# "exactly half", "ровно треть", "тең жартысы": a word that says the share is exact, not loosely quoted.
_EXACTLY_BEFORE_RE = re.compile(r"(?<![\w])(?:exactly|precisely|ровно|тең|дәл)\s+$", re.IGNORECASE)
# "between a fifth and a quarter", "от трети до половины": two shares as a range.
_SHARE_RANGE_OPENER_RE = re.compile(r"(?<![\w])(?:between|from|от|между)\s+$", re.IGNORECASE)
_SECOND_SHARE_OF_A_RANGE_RE = re.compile(
    r"(?<![\w])(?:between|from)\s+(?:an?|one|two|three)[\s-]+(?:thirds?|quarters?|fifths?|tenths?)\s+(?:and|to)\s+$",
    re.IGNORECASE)
_SHARE_RANGE_JOINER_RE = re.compile(r"\s+(?:and|to|и|до)\s+", re.IGNORECASE)


# Each pattern of the word figures is tried only on a sentence holding a word its every match needs (`required_words`):
# trying all of them on every sentence was 0.9 s of the 8 s CPU of finding the candidates of 1 MB.
_GATED = (
    *(regex for regex, _, _ in _CENTURY_SPANS),
    _ENGLISH_FRACTION_RE, _RUSSIAN_FRACTION_RE, _KAZAKH_FRACTION_RE, _ONE_IN_N_RE, _RUSSIAN_TIMES_RE, _MULTIPLIER_WORD_RE,
    *(regex for regex, _ in _ONE_WORD_MULTIPLIER_RES),
)
_CENTURIES = len(_CENTURY_SPANS)
_SINGLES = 6
_GATE = PatternGate(_GATED)


def scan_word_figures(text: str) -> list[Candidate]:
    may_match = _GATE.can_match(text)
    spans = _century_spans(text, may_match[:_CENTURIES])
    figures = [candidate for candidate in _scan_word_figures(text, may_match[_CENTURIES:])
               if not any(span.start <= candidate.start < span.end for span in spans)]
    return spans + figures + _share_ranges(text, figures)


def _century_spans(text: str, may_match: list[bool]) -> list[Candidate]:
    candidates = []
    spans = [(match, amount, unit) for (regex, amount, unit), may in zip(_CENTURY_SPANS, may_match)
             if may for match in regex.finditer(text)]
    if "жуық" in text:
        spans += [(match, 1.0, match.group("unit").lower()) for match in _ONE_MEASURE_OF_TIME_RE.finditer(text)]
    for match, amount, unit in spans:
        start, end, bound = match.start(), match.end(), None
        if (qualifier := match_qualifier_before(text, start)) is not None:
            bound, start = qualifier
        for after_regex, kazakh_bound in _KAZAKH_BOUND_AFTER_RES:
            if bound is None and (after := after_regex.match(text, end)) is not None:
                end, bound = after.end(), kazakh_bound  # "жарты ғасырдан астам"
        shown, lower, upper = bounded_amount(amount, bound)
        value = TypedValue(kind=ValueKind.QUANTITY, amount=shown, lower=lower, upper=upper,
                           approximate=bound is Bound.APPROXIMATE, unit=unit)
        candidates.append(Candidate(value, start, end, Salience.SUBSTANTIAL_QUANTITY))
    return candidates


def _share_ranges(text: str, figures: list[Candidate]) -> list[Candidate]:
    shares = sorted((c for c in figures if c.value.kind is ValueKind.PERCENT and c.value.amount is not None
                     and c.value.approximate), key=lambda candidate: candidate.start)
    ranges = []
    for first, second in zip(shares, shares[1:]):
        opener = _SHARE_RANGE_OPENER_RE.search(text[max(0, first.start - 10):first.start])
        if opener is None or _SHARE_RANGE_JOINER_RE.fullmatch(text[first.end:second.start]) is None:
            continue
        low, high = first.value.amount, second.value.amount
        if low is None or high is None or low >= high:
            continue
        value = TypedValue(kind=ValueKind.PERCENT, lower=low, upper=high, approximate=True, unit="%")
        ranges.append(Candidate(value, max(0, first.start - 10) + opener.start(), second.end, Salience.PERCENT_WORDS))
    return ranges




def _scan_word_figures(text: str, may_match: list[bool]) -> list[Candidate]:
    """The fractions, shares, "N times" and multiplier words of `text`; `may_match` for each of `_GATED` after the
    century spans, False where the pattern cannot match."""
    english_fraction, russian_fraction, kazakh_fraction, one_in_n, russian_times, multiplier_word = \
        may_match[:_SINGLES]
    candidates: list[Candidate] = []
    for match in _ENGLISH_FRACTION_RE.finditer(text) if english_fraction else ():
        if match.group("bare_half") or (match.group("denominator") or "").lower().startswith("half"):
            if _HALF_OF_PERIOD_BEFORE_RE.search(text[max(0, match.start() - 15) : match.start()]) and \
                    not _SECOND_SHARE_OF_A_RANGE_RE.search(text[max(0, match.start() - 40) : match.start()]):
                continue  # ("between a third and a half" is a range of shares, not "two and a half")
        if match.group("bare_half"):
            numerator, denominator = 1, 2
        else:
            numerator = FRACTION_NUMERATORS[match.group("numerator").lower()]
            denominator = FRACTION_DENOMINATORS[match.group("denominator").lower()]
        if numerator >= denominator:
            continue
        candidates.append(_fraction_candidate(text, match.start(), match.end(), numerator, denominator))
    for match in _RUSSIAN_FRACTION_RE.finditer(text) if russian_fraction else ():
        word = match.group("denominator").lower()
        if word.startswith("половин") and _RUSSIAN_HALF_OF_PERIOD_BEFORE_RE.search(text[max(0, match.start() - 15) : match.start()]):
            continue
        if word.startswith(("пят", "десят")) and not (match.group("numerator") or match.group("part")):
            continue
        denominator = {"пол": 2, "тре": 3, "чет": 4, "пят": 5, "дес": 10}[word[:3]]
        numerator_word = (match.group("numerator") or "").lower()
        numerator = RUSSIAN_NUMBER_WORDS.get(numerator_word, 1)
        if numerator >= denominator:
            continue
        candidates.append(_fraction_candidate(text, match.start(), match.end(), numerator, denominator))
    for match in _KAZAKH_FRACTION_RE.finditer(text) if kazakh_fraction else ():
        if match.group("half"):
            numerator, denominator = 1, 2
        else:
            numerator = KAZAKH_FRACTION_WORDS[match.group("kk_numerator").lower()]
            denominator = KAZAKH_FRACTION_WORDS[match.group("kk_denominator").lower()]
        if numerator >= denominator:
            continue
        end, bound_after = match.end(), None
        for regex, kazakh_bound in _KAZAKH_BOUND_AFTER_RES:
            if (after := regex.match(text, end)) is not None:
                end, bound_after = after.end(), kazakh_bound
                break
        candidates.append(_fraction_candidate(text, match.start(), end, numerator, denominator, bound_after))
    for match in _ONE_IN_N_RE.finditer(text) if one_in_n else ():
        word = (match.group("n") or match.group("n_kk") or "").lower()
        denominator = (_ORDINAL_DENOMINATORS.get(word) or _kazakh_ordinal(word)
                       or int(match.group("digits") or match.group("digits_noun") or match.group("digits_ru") or 0))
        if not denominator and match.group("n"):
            denominator = next((value for stem, value in _RUSSIAN_ORDINAL_STEMS if word.startswith(stem)), 0)
        if match.group("n_kk") and denominator:
            denominator += int(match.group("kk_tens") or 0)
        numerator = int(match.group("numerator") or match.group("numerator_noun") or match.group("numerator_ru") or 1)
        if numerator > 1 and denominator > 10 and not match.group("digits_ru"):
            continue
        if 2 <= denominator <= 100 and numerator < denominator:
            candidates.append(_fraction_candidate(text, match.start(), match.end(), numerator, denominator))
    for match in _KAZAKH_ONE_OF_N_RE.finditer(text) if "1-" in text else ():
        end, bound_after = match.end(), None
        if (after := _KAZAKH_ONE_OF_N_BOUND_AFTER_RE.match(text, end)) is not None:
            word = after.group("word").lower()
            end, bound_after = after.end(), (Bound.UPPER if word == "дейін" or word.startswith("аз") else
                                             Bound.LOWER if word.startswith("астам") else Bound.APPROXIMATE)
        whole = int(re.sub(r"\s", "", match.group("whole")))
        candidates.append(_fraction_candidate(text, match.start(), end, 1, whole, bound_after))
    for match in _RUSSIAN_TIMES_RE.finditer(text) if russian_times else ():
        candidates.append(Candidate(TypedValue(kind=ValueKind.COUNT, amount=float(RUSSIAN_TIMES_WORDS[match.group().lower()]),
                                               unit="раз"), match.start(), match.end(), Salience.SUBSTANTIAL_QUANTITY))
    multipliers = [(match, float(NUMBER_WORDS[match.group("word").lower()])) for match in (_MULTIPLIER_WORD_RE.finditer(text) if multiplier_word else ())]
    multipliers += [(match, float(value)) for (regex, value), may in zip(_ONE_WORD_MULTIPLIER_RES, may_match[_SINGLES:])
                    if may for match in regex.finditer(text)]
    for match, amount in multipliers:
        start = match.start()
        bound: Bound | None = None
        if (qualifier := match_qualifier_before(text, start)) is not None:
            bound, start = qualifier
        shown, lower, upper = bounded_amount(amount, bound)
        value = TypedValue(
            kind=ValueKind.QUANTITY,
            amount=shown,
            lower=lower,
            upper=upper,
            approximate=bound is Bound.APPROXIMATE,
            unit="×",
        )
        candidates.append(Candidate(value, start, match.end(), Salience.SUBSTANTIAL_QUANTITY))
    return candidates


def _kazakh_ordinal(word: str) -> int:
    """"төртіншісін" -> 4: a Kazakh ordinal with the possessive and case endings it takes as a noun."""
    for ending in _KAZAKH_ORDINAL_ENDINGS:
        if word.endswith(ending) and (value := _ORDINAL_DENOMINATORS.get(word[: -len(ending)])):
            return value
    return 0


def _fraction_candidate(text: str, start: int, end: int, numerator: int, denominator: int,
                        bound_after: Bound | None = None) -> Candidate:
    """A share in words: approximate when bare ("one third" ≈ 33.3 %), exact under a bound
    ("more than half" > 50 %, "почти треть" < 33.3 %), approximate again under "about"."""
    amount = 100 * numerator / denominator
    bound = bound_after
    exact = False
    if bound is None and (qualifier := match_qualifier_before(text, start)) is not None:
        bound, start = qualifier
    elif bound is None and (exactly := _EXACTLY_BEFORE_RE.search(text, max(0, start - 12), start)) is not None:
        exact, start = True, exactly.start()  # "тең жартысы", "exactly half", "ровно треть": the share itself
    shown, lower, upper = bounded_amount(amount, bound)
    value = TypedValue(
        kind=ValueKind.PERCENT,
        amount=shown,
        lower=lower,
        upper=upper,
        approximate=not exact and (bound is None or bound is Bound.APPROXIMATE),
        unit="%",
    )
    return Candidate(value, start, end, Salience.PERCENT_WORDS)
