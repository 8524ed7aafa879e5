"""A bare number whose noun is in the sentence before: "Three projects are under construction.
Another seven are at the feasibility stage." counts seven projects; "Прежде всего климат и вода:
17 проектов. Дальше идут энергетика – 11, здравоохранение – девять" counts 11 and 9 projects.

A curator reads the two sentences together; the readers read one sentence (Ctrl+N's context, a
line of the Candidates pane), so this is a step after them, given the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kzeu_desk.core.typed_value import ValueKind
from kzeu_desk.core.value_parsing.candidates import Candidate, Salience
from kzeu_desk.core.value_parsing.counted_nouns import counted_after, kazakh_noun_named
from kzeu_desk.core.value_parsing.numbers import (
    currency_of_the_last_amount,
    measure_of_the_last_amount,
    noun_of_the_last_count,
    scan_numbers,
)
from kzeu_desk.core.value_parsing.spelled_numbers import rewrite_number_words

# What follows a number that stands for things named before it: a verb ("seven are", "два должны"),
# a list's comma or end, "and"/"и", "of which"/"из них". A word that could be its own noun does not.
_STANDS_ALONE_AFTER_RE = re.compile(
    r"\s*(?:[,;.!?)]|$|[–—]\s"
    r"|(?:are|were|is|was|have|has|had|will|would|could|can|remain|remained|more|others?|of\s+(?:which|them|those)"
    # an English verb in the past ("Thirty-eight came from the regions", "21 applied"): the number is its subject.
    r"|came|went|got|took|made|won|fell|rose|grew|left|became|gave|met|stood|sat|paid|sold|lost|kept|spent|found"
    r"|[a-z]{3,}ed(?=\s+(?:from|in|on|at|for|to|with|by|the|a|an|their|its|our|after|before|outside|within)\s)"
    r"|и|или|а|из\s+них|из\s+которых|были|было|был|будут|должны|остались|остаются|находятся|уже)(?![\w])"
    # a Kazakh verb in the present-future that ends the clause: "Италияға – 22 аттанады."
    r"|[а-яёәіңғүұқөһ]{3,}(?:ады|еді|йды|йді)\s*[.!?,;]|[а-яёәіңғүұқөһ]{3,}(?:ады|еді|йды|йді)$"
    # a Russian verb in the plural ("Еще 250 пройдут обучение", "Крупнейшие пять обеспечивают 70%", "12 получили"):
    # the number is its subject, the things named before.
    r"|[а-яё]{3,}(?:ут|ют|ят|ат|ли|лись|ются|ятся|утся)(?![\w]))",
    re.IGNORECASE)
# Before it: a sentence's start ("Seven are …"), a list's dash or colon ("энергетика – 11"), "another".
_STANDS_ALONE_BEFORE_RE = re.compile(
    # ("Одан кейін Польша (9,8 мың), Франция (8,1 мың)": a list in brackets after the sentence that named its noun.)
    r"(?:^|[.:;–—(]\s*|(?<![\w])(?:another|the\s+other|the\s+remaining|ещё|еще|другие|остальные)\s+"
    # A selection by rank opening the sentence: "Крупнейшие пять обеспечивают …", "Первые три …".
    r"|(?:^|[.:;]\s*)(?:крупнейшие|первые|последние|ведущие)\s+)$",
    re.IGNORECASE)
# "the rest of the deals", "most of these projects": the sentence's own plural whole, before a colon or dash.
_WHOLE_BEFORE_RE = re.compile(r"(?<![\w])(?:rest|most|many|some|all|none)\s+of\s+(?:the|these|those|its|their)\s+"
                              r"(?P<noun>[a-z-]+(?:\s+[a-z-]+)?)\s+[^:;–—]*[:;–—]\s*$", re.IGNORECASE)
# "Олардың 26-сы …", "Оның 310 мыңы – …" (26 of them, 310,000 of it): a Kazakh part of a whole named before.
_KAZAKH_PART_OF_THEM_BEFORE_RE = re.compile(r"(?<![\w])(?:олардың|оның)(?:\s+(?:тек|ғана|шамамен|кемінде|саны))?\s+$",
                                            re.IGNORECASE)
# "Из них девять дошли …", "Of them, nine …", "Of these, 12 …": the part named before the number, as "58 из них" after it.
# ("Из них полностью приняты 31", "Из них в срок выполнены 12": a Russian adverb or verb between "Из них" and the
# number leaves it a part of them; set 68.)
_OF_THEM_BEFORE_RE = re.compile(r"(?:^|[.;:]\s*)(?:(?:из\s+них|из\s+этого\s+числа)(?:\s+[а-яё]+){0,3}"
                                r"|of\s+(?:them|these|those))[,\s]+$", re.IGNORECASE)
# "accounts for 58 of them", "58 из них": a part of the things the sentence before counted.
_OF_THEM_AFTER_RE = re.compile(r"\s+(?:of\s+them|из\s+них)(?![\w])", re.IGNORECASE)
# ("Five are in transport, four in energy"; "добавились четыре – два по переработке меда и два по …": a dash or
# "и" before an item of the list too.)
_LIST_COMMA_BEFORE_RE = re.compile(r"(?:,|[–—]|(?<![\w])и)\s*$")
# "Thirty-eight came from the regions, against 21 in the previous call": the figure set against the one before
# counts the same things.
_AGAINST_BEFORE_RE = re.compile(r"(?<![\w])(?:against|compared\s+(?:with|to)|versus|vs\.?|против)\s+$", re.IGNORECASE)
_PREPOSITION_AFTER_RE = re.compile(r"\s+(?:in|on|at|for|from|with|в|во|на|для|из|с|по)\s", re.IGNORECASE)
# "к ним добавились четыре", "их стало пять": a Russian pronoun before the number in its clause points back to the
# things the sentence before counted, as "из них" after it does.
# ("С начала года их число выросло на три": "их число" and a verb of change too.)
_RUSSIAN_THEM_BEFORE_RE = re.compile(r"(?<![\w])(?:(?:к\s+ним|их|ними)\s+(?:[а-яё]+\s+){0,2}"
                                     r"|их\s+(?:число|количество)\s+[а-яё]+\s+(?:на|до)\s+)$", re.IGNORECASE)
# A collective numeral ("екеуі", "бесеуін", "4-еуі") is a part of a whole already named, as "олардың 4-і" is.
# ("олар екеу ғана еді", "бесеуге дейін": bare or in a case without the possessive, it is one all the same.)
_KAZAKH_COLLECTIVE_RE = re.compile(r"(?:еу|ау)(?:(?:і|ы)[а-яәіңғүұқөһ]*|ге|ға|ден|дан|мен|де|да|ді|ды|дің|дың)?"
                                   r"(?:\s+(?:дейін|шейін|жуық|астам))?$", re.IGNORECASE)
# "The twelve new ones are …" after "… grows from 50 to 62 customs codes.": "ones" stands for what was counted.
_ONES_AFTER_RE = re.compile(r"(?:\s+(?!ones)[a-z-]+){0,2}?\s+ones(?![\w])", re.IGNORECASE)
# A Kazakh part of a whole, its possessive on the number or on its bound: "18-і", "900-ге жуығы", "60-тан астамы".
_KAZAKH_PART_WRITTEN_RE = re.compile(r"(?:\d-с?[іы]|\s(?:жуығы|астамы))$", re.IGNORECASE)
_AND_BEFORE_RE = re.compile(r"(?<![\w])(?:and|и)\s+$", re.IGNORECASE)
_YEAR_SHAPED_RE = re.compile(r"(?:1[89]|20)\d\d")


def counted_by_the_sentence_before(candidates: list[Candidate], sentence: str, before: str) -> list[Candidate]:
    """`candidates` of `sentence`, with each bare whole number that stands for things named in the
    sentence before counting that sentence's last counted noun. A number after a figure with a unit
    in its own sentence is left to that sentence (the readers already borrow a noun within it)."""
    candidates = [_in_the_measure_before(_in_the_currency_before(c, sentence, before), sentence, before)
                  for c in candidates]
    if not any(_is_bare(c, sentence) for c in candidates):
        return candidates
    noun: str | None = None
    # "– Сколько немецких компаний работает в Казахстане? – Зарегистрировано около 1 200, но активны 600–650.": the
    # answer's bare numbers count what the question asked about.
    asked = _asked_about(before)
    result: list[Candidate] = []
    borrowed = ""  # the noun a number before in this sentence took from the sentence before
    for candidate in candidates:
        if borrowed and _is_bare(candidate, sentence) and (
                _STANDS_ALONE_AFTER_RE.match(sentence, candidate.end)
                or _AGAINST_BEFORE_RE.search(sentence[:candidate.start])
                # "Five are in transport, four in energy": a list item whose verb the first item gave.
                or (_LIST_COMMA_BEFORE_RE.search(sentence[:candidate.start])
                    and (_PREPOSITION_AFTER_RE.match(sentence, candidate.end)
                         # "Олардың 1 200-і өнеркәсіпте, 900-ге жуығы саудада": a Kazakh part goes on with the list
                         or _KAZAKH_PART_WRITTEN_RE.search(sentence[candidate.start:candidate.end])))) \
                and not _YEAR_SHAPED_RE.fullmatch(sentence[candidate.start:candidate.end].strip()):
            # "… accounts for 58 of them, FlyArystan for 22, and …": a list goes on counting the same things.
            counted = replace(candidate.value, kind=ValueKind.COUNT, unit=borrowed)
            result.append(replace(candidate, value=counted, salience=Salience.SUBSTANTIAL_QUANTITY))
            continue
        counted_before = [other for other in candidates if other.end <= candidate.start
                          and other.value.kind is ValueKind.COUNT and other.value.unit]
        if _is_bare(candidate, sentence) and counted_before and _AND_BEFORE_RE.search(sentence[:candidate.start]) \
                and _STANDS_ALONE_AFTER_RE.match(sentence, candidate.end):
            # "143 notes, of which 41 were shortlisted and nine were funded": the count before it in its sentence.
            counted = replace(candidate.value, kind=ValueKind.COUNT, unit=counted_before[-1].value.unit)
            result.append(replace(candidate, value=counted, salience=Salience.SUBSTANTIAL_QUANTITY))
            continue
        if not _is_bare(candidate, sentence) or any(
                other.end <= candidate.start and other.value.unit and other.value.kind in
                (ValueKind.COUNT, ValueKind.QUANTITY, ValueKind.MONEY) for other in candidates):
            result.append(candidate)
            continue
        written = sentence[candidate.start:candidate.end]
        part_of_them = _KAZAKH_PART_OF_THEM_BEFORE_RE.search(sentence[:candidate.start]) is not None \
            or _KAZAKH_COLLECTIVE_RE.search(written) is not None \
            or _OF_THEM_AFTER_RE.match(sentence, candidate.end) is not None \
            or _OF_THEM_BEFORE_RE.search(sentence[:candidate.start]) is not None \
            or _RUSSIAN_THEM_BEFORE_RE.search(sentence[:candidate.start]) is not None \
            or _ONES_AFTER_RE.match(sentence, candidate.end) is not None \
            or _THEIR_NUMBER_BEFORE_RE.search(sentence[:candidate.start]) is not None
        if asked and not part_of_them and not _YEAR_SHAPED_RE.fullmatch(written.strip()):
            counted = replace(candidate.value, kind=ValueKind.COUNT, unit=asked)
            result.append(replace(candidate, value=counted, salience=Salience.SUBSTANTIAL_QUANTITY))
            continue
        if not part_of_them and (
                _YEAR_SHAPED_RE.fullmatch(written.strip()) or not _STANDS_ALONE_AFTER_RE.match(sentence, candidate.end)
                or not _STANDS_ALONE_BEFORE_RE.search(sentence[:candidate.start])):
            result.append(candidate)
            continue
        if (whole := _WHOLE_BEFORE_RE.search(sentence[:candidate.start])) is not None:
            # "The rest of the deals were smaller: 19 were …": its own sentence named the things.
            named = counted_after(" " + whole.group("noun"), 0)
            own = named.unit if named is not None and not named.is_measure else ""
        elif before and _THEIR_NUMBER_BEFORE_RE.search(sentence[:candidate.start]) and \
                (named_number := _number_of_named_in(before)) is not None:
            # "Қазір олардың саны – 37" (their number is now 37) after "… экспорттаушы шаруашылықтар санын екі есеге
            # арттыру көзделіп отыр": "their number" is the number the sentence before named, whatever it counted last.
            own = named_number
        else:
            if noun is None:
                noun = (_noun_of_the_last_count_read(rewrite_number_words(before).text) if before else None) or ""
            own = noun
            if before and part_of_them and (figure := candidate.value.amount) is not None and (
                    larger := noun_of_the_last_count(rewrite_number_words(before).text, part=figure)) is not None:
                own = larger  # "47 ерікті 12 елде …. Олардың 30-ы": a part is of a whole at least as large
            if not own and before and sentence[:candidate.start].rstrip().endswith("("):
                # "Сәлемдемелердің жартысына жуығы Германиядан келді. Одан кейін Польша (610 мың), …": with no count
                # before, a list in brackets counts the plural whole the sentence before took a share of.
                own = _plural_whole_of(before) or ""
            if not own and _KAZAKH_COLLECTIVE_RE.search(written) is not None:
                # "Рейстер аптасына бесеуге дейін қысқарады" (flights will be cut to five a week): with no count in the
                # sentence before, a collective numeral counts the plural its own clause opened with.
                own = _plural_subject_of(sentence[:candidate.start]) or ""
        if not own:
            result.append(candidate)
            continue
        counted = replace(candidate.value, kind=ValueKind.COUNT, unit=own)
        result.append(replace(candidate, value=counted, salience=Salience.SUBSTANTIAL_QUANTITY))
        borrowed = own
    return result


# "олардың саны", "их число", "their number" right before the figure (a dash between).
_THEIR_NUMBER_BEFORE_RE = re.compile(r"(?<![\w])(?:олардың\s+саны|их\s+(?:число|количество)|their\s+number)"
                                     r"(?:\s+(?:is|was|составляет|составило))?(?:\s+(?:қазір|сейчас|now))?\s*(?:[–—-]\s*)?$",
                                     re.IGNORECASE)
# The number a sentence names: "экспорттаушы шаруашылықтар санын", "число экспортеров", "the number of exporters".
_KAZAKH_NUMBER_OF_RE = re.compile(r"(?P<noun>(?:[а-яёәіңғүұқөһ]+\s+)?[а-яёәіңғүұқөһ]+)\s+(?:жалпы\s+)?сан(?:ы|ын|ының|ына)(?![\w])",
                                  re.IGNORECASE)
_NUMBER_OF_NOUN_RE = re.compile(r"(?<![\w])(?:число|количество|number\s+of)\s+(?=[^\W\d_])", re.IGNORECASE)


def _number_of_named_in(sentence: str) -> str | None:
    if (kazakh := list(_KAZAKH_NUMBER_OF_RE.finditer(sentence))):
        named = kazakh_noun_named(kazakh[-1].group("noun").lower())
    elif (number_of := list(_NUMBER_OF_NOUN_RE.finditer(sentence))):
        named = counted_after(sentence, number_of[-1].end() - 1)
    else:
        return None
    return named.unit if named is not None and not named.is_measure else None


def _noun_of_the_last_count_read(before: str) -> str | None:
    """The noun the sentence before last counted: named after its figure ("3 projects are …"), or, when its last
    figure took its noun from elsewhere in that sentence ("Экспортеров, работающих с …, в этом сезоне 46, годом
    ранее их было 29"), the noun it was read as counting."""
    if (noun := noun_of_the_last_count(before)) is not None:
        return noun
    counts = [c for c in scan_numbers(before, strict=False) if c.value.kind is ValueKind.COUNT and c.value.unit]
    return counts[-1].value.unit if counts else None


# A question that asks how many, closing the sentence before: "… сколько немецких компаний сейчас работает …?"
_HOW_MANY_ASKED_RE = re.compile(r"(?<![\w])(?P<how>сколько|how\s+many)(?=\s)[^.!?]*\?\s*$", re.IGNORECASE)


def _asked_about(before: str) -> str | None:
    """What a question before asked the number of ("Сколько немецких компаний работает …?" -> "компаний")."""
    if not before or (asked := _HOW_MANY_ASKED_RE.search(before)) is None:
        return None
    counted = counted_after(before, asked.end("how"))
    return counted.unit if counted is not None and not counted.is_measure else None


# A scale written after the number: "Еще 11 млн выделено …" after "… стоимостью 28 млн евро".
_SCALE_WRITTEN_RE = re.compile(r"(?:млн|млрд|трлн|миллион|миллиард|million|billion|bn|мың|тыс)", re.IGNORECASE)


# "Из них 70 млн – кредит ЕБРР, еще около 45 млн вложила компания" after "Проект обошелся в 186 млн долларов.":
# scaled amounts before it in its sentence that name no currency either take the same one.
_SCALED_WITHOUT_CURRENCY_RE = re.compile(r"\d[\d\s\u00a0,.]*\s*(?:млн|млрд|трлн|тыс\.?|million|billion|bn)(?![\w])"
                                         r"(?!\s*(?:долл|евро|тенге|руб|юан|фунт|франк|dollar|euro|tenge|[$€£]))",
                                         re.IGNORECASE)


def _in_the_currency_before(candidate: Candidate, sentence: str, before: str) -> Candidate:
    """A scaled amount with no unit, alone in its sentence, in the currency of the sentence before's last figure
    ("Программа стоит 28 млн евро. Еще 11 млн выделено на …"), as it is in its own clause's."""
    value = candidate.value
    if not before or value.kind is not ValueKind.QUANTITY or value.unit or \
            not _SCALE_WRITTEN_RE.search(sentence[candidate.start:candidate.end]) or \
            re.search(r"\d", _SCALED_WITHOUT_CURRENCY_RE.sub("", sentence[:candidate.start])):
        return candidate
    written = _SCALE_WRITTEN_RE.search(sentence[candidate.start:candidate.end])
    if (code := currency_of_the_last_amount(before, written.group() if written else None)) is None:
        return candidate
    return replace(candidate, value=replace(value, kind=ValueKind.MONEY, unit=code), salience=Salience.MONEY)


def _in_the_measure_before(candidate: Candidate, sentence: str, before: str) -> Candidate:
    """A scaled number with no unit, the first figure of its sentence, in the unit of the sentence before's last
    figure when that is a scaled measure ("… экспорт может достичь 1–1,2 млн тонн. В сентябре прогноз составлял
    800 тыс."), as a scaled amount takes the currency before (above)."""
    value = candidate.value
    if before and value.kind is ValueKind.QUANTITY and not value.unit and \
            _TAKES_TIME_BEFORE_RE.search(sentence, 0, candidate.start) and \
            (unit := _time_of_the_last_figure(before)) is not None:
        # "Today the best operators do it in eighteen" after "… needed more than fifty days to reach a port": the
        # time the sentence before measured.
        return replace(candidate, value=replace(value, unit=unit), salience=Salience.SUBSTANTIAL_QUANTITY)
    if not before or value.kind is not ValueKind.QUANTITY or value.unit or \
            not _SCALE_WRITTEN_RE.search(sentence[candidate.start:candidate.end]) or \
            re.search(r"\d", sentence[:candidate.start]):
        return candidate
    if (unit := measure_of_the_last_amount(rewrite_number_words(before).text)) is None:
        return candidate
    return replace(candidate, value=replace(value, unit=unit), salience=Salience.SUBSTANTIAL_QUANTITY)


# "do it in eighteen", "справляются за восемнадцать": a bare number after a word of how long something takes.
_TAKES_TIME_BEFORE_RE = re.compile(r"(?<![\w])(?:it|them|this|that|so)\s+(?:in|within)\s+$|(?<![\w])(?:это|их|его)\s+за\s+$",
                                   re.IGNORECASE)
_TIME_UNITS = frozenset({"days", "hours", "minutes", "weeks", "months", "years", "дней", "дня", "часов", "часа",
                         "минут", "недель", "недели", "месяцев", "месяца", "лет", "года"})


def _time_of_the_last_figure(before: str) -> str | None:
    figures = [c for c in scan_numbers(rewrite_number_words(before).text, strict=False)
               if c.value.kind is ValueKind.QUANTITY and c.value.unit]
    return figures[-1].value.unit if figures and (figures[-1].value.unit or "").lower() in _TIME_UNITS else None


_KAZAKH_PLURAL_GENITIVE_RE = re.compile(r"(?<![\w])[а-яёәіңғүұқөһ]{3,}(?:лар|лер|дар|дер|тар|тер|ер)(?:дың|дің|тың|тің|ның|нің)(?![\w])",
                                         re.IGNORECASE)


def _plural_whole_of(sentence: str) -> str | None:
    wholes = list(_KAZAKH_PLURAL_GENITIVE_RE.finditer(sentence))
    if not wholes:
        return None
    named = counted_after(" " + wholes[-1].group() + " ", 0)  # ("туристердің" is "турист" in the plural genitive)
    return named.unit if named is not None and not named.is_measure else None


# A plural in the nominative (no case after "-лар/-лер"): the subject of a Kazakh clause.
_KAZAKH_PLURAL_NOMINATIVE_RE = re.compile(r"(?<![\w])[а-яёәіңғүұқөһ]{3,}(?:лар|лер|дар|дер|тар|тер)(?![\w])",
                                          re.IGNORECASE)


def _plural_subject_of(clause: str) -> str | None:
    subjects = list(_KAZAKH_PLURAL_NOMINATIVE_RE.finditer(clause[max(0, clause.rfind(",") + 1):]))
    if not subjects:
        return None
    named = counted_after(" " + subjects[-1].group() + " ", 0)
    return named.unit if named is not None and not named.is_measure else None


def _is_bare(candidate: Candidate, sentence: str) -> bool:
    value = candidate.value
    figure = value.amount if value.amount is not None else value.upper
    # (A Kazakh part of them may be large: "Оның 310 мыңы"; so may an item of a list in brackets: "Польша (610 мың)".)
    return value.kind is ValueKind.QUANTITY and not value.unit and figure is not None and figure == int(figure) \
        and (figure < 10_000 or _KAZAKH_PART_OF_THEM_BEFORE_RE.search(sentence[:candidate.start]) is not None
             or sentence[:candidate.start].rstrip().endswith("("))
