"""Which noun a bare figure counts when nothing right around it says: the nearest count before it in its sentence,
then the last count of the sentence before ("Uzbekistan has taken 24 since 2021" after "… ordered 300 more
locomotives", "вырос до 1 900" after "… проследовали более 118 тыс. машин").

The readers before this step name a bare number's noun from the patterns that say it outright ("the number of X",
"из них", "four more", a list after a dash). What is left is a figure standing where its noun would be, with a verb,
a preposition or punctuation after it: a curator reads it as more of the things the text was just counting, the
same clause's first, then the sentence before's, as the conventions say. A figure that reads as a year, a figure
with a fraction and a figure the text puts after a measure are left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kzeu_desk.core.typed_value import ValueKind
from kzeu_desk.core.value_parsing.alphabet import has_kazakh_letters
from kzeu_desk.core.value_parsing.candidates import Candidate, Salience
from kzeu_desk.core.value_parsing.counted_nouns import _is_english_plural, counted_after, kazakh_noun_named
from kzeu_desk.core.value_parsing.dates import Publication
from kzeu_desk.core.value_parsing.number_words import RUSSIAN_NUMBER_WORDS
from kzeu_desk.core.value_parsing.ordinal_counts import english_member_named_by_an_ordinal
from kzeu_desk.core.value_parsing.scanning import scan

_YEAR_SHAPED_RE = re.compile(r"(?:1[89]|20)\d\d")
# "2,000", "2 000": a figure written with its thousands apart is no year.
_GROUPED_RE = re.compile(r"\d[,\u00a0 ]\d{3}")
# A figure a name or a place in a document stands before is no count: "Article 30", "Lot 2", "Line 4", "статья 5".
_NAMED_BY_THE_WORD_BEFORE_RE = re.compile(
    r"(?:(?<=[\w,;] )[A-ZА-ЯЁ][\w-]*|(?<![\w])(?i:article|page|lot|item|clause|paragraph|section|no\.|№|статья|статьи"
    r"|пункт|пункта|страница|бап|бет))\s*$")
# A figure with no unit, alone or under a bound word ("примерно 2 500", "fewer than 200").
_BARE = (Salience.BARE_NUMBER, Salience.SUBSTANTIAL_QUANTITY)


def counted_as_the_text_counts(best: Candidate, offset: int, context: str, before: str,
                               publication: Publication | None) -> Candidate:
    """`best` (a bare number found at `offset` in its sentence `context`) as a count of the noun the nearest count
    before it counts, in its sentence and then in the sentence `before`; unchanged when neither has a count."""
    value = best.value
    figure = value.amount if value.amount is not None else value.upper if value.upper is not None else value.lower
    if value.kind is not ValueKind.QUANTITY or value.unit or best.salience not in _BARE \
            or figure is None or figure != int(figure) or figure < 0 \
            or (_YEAR_SHAPED_RE.fullmatch(str(int(figure)))
                and not _GROUPED_RE.search(context, offset + best.start, offset + best.end)) \
            or _NAMED_BY_THE_WORD_BEFORE_RE.search(context, 0, offset + best.start):
        return best
    if (whole := _KAZAKH_GENITIVE_WHOLE_BEFORE_RE.search(context, 0, offset + best.start)) is not None and \
            _KAZAKH_POSSESSIVE_FIGURE_RE.match(context, offset + best.start) is not None and \
            (named := kazakh_noun_named(whole.group("noun").lower())) is not None and not named.is_measure:
        # "жеңімпаздардың 15-і" (15 of the winners): a possessive figure right after a genitive counts that noun, as
        # "27 елдің 18-і" does with the whole's figure written (whatever the month after it makes of the two).
        return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=named.unit),
                       salience=Salience.SUBSTANTIAL_QUANTITY)
    written = context[offset + best.start:offset + best.end]
    if (written[-1:].isdigit() or (written.isascii() and written.isalpha())) \
            and context.count(
            context[offset:offset + best.end]) == 1 and (own := counted_after(context, offset + best.end)) is not None \
            and not own.is_measure and (written[-1:].isdigit()
                                        or not _DEFINITE_BEFORE_RE.search(context, 0, offset + best.start)
                                        or _RELATIVE_CLAUSE_AFTER_RE.match(context, own.end)
                                        or len(context[offset + best.end:own.end].split()) > 1):
        # "20" of "in 11 of the country's 20 regions": the noun right after the figure in its sentence, which the
        # highlight left out, is its own (a figure in digits or an English number word, "six" of "Two of the plant's
        # six units", found once in its sentence: a Kazakh or Russian number word may take a case ending or be the
        # clause's predicate, "үшеу едік", we were three). After "the" the number word counts only when a relative
        # clause picks the things out ("the two matches they played there", "the three farms that remain") or a
        # qualifier between the number and its noun says which they are ("the three Kazakh producers ship …", "the
        # four new members"): "the two sides agreed" names things already named.
        return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=own.unit),
                       salience=Salience.SUBSTANTIAL_QUANTITY)
    if _FOR_BEFORE_RE.search(context, max(0, offset + best.start - 5), offset + best.start) \
            and _ENDS_ITS_CLAUSE_RE.match(context, offset + best.end) and figure < 1000 \
            and (figures := [candidate for candidate in scan(context[:offset + best.start], publication)
                             if candidate.value.kind is not ValueKind.QUANTITY or candidate.value.unit]) \
            and _a_span_of_time(figures[-1]):
        # "Its design life is seven years, and it carries fuel for ten.", "She served for two years and he for three.":
        # "for" and a bare figure closing its clause after a span of time is more of that span, its unit left out.
        return replace(best, value=replace(value, unit=figures[-1].value.unit), salience=Salience.SUBSTANTIAL_QUANTITY)
    if (subject := _subject_named_before(context[:offset + best.start], publication)) is not None:
        return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=subject),
                       salience=Salience.SUBSTANTIAL_QUANTITY)
    if _OF_THEM_AFTER_RE.match(context, offset + best.end) \
            and (shares := list(_RUSSIAN_SHARE_OF_A_NOUN_RE.finditer(context, 0, offset + best.start))) \
            and (counted := counted_after(" " + shares[-1].group("noun").lower() + " ", 0)) is not None \
            and not counted.is_measure and counted.unit == shares[-1].group("noun").lower():
        # "Более трети предметов никогда не выставлялись, а 46 из них …": "N из них" after a share of a noun in words
        # counts that noun (a share lends no count, so the nearest count before would be another's).
        return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=counted.unit),
                       salience=Salience.SUBSTANTIAL_QUANTITY)
    if (noun := _russian_genitive_plural_before(context, offset + best.start, offset + best.end)) is not None:
        return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=noun),
                       salience=Salience.SUBSTANTIAL_QUANTITY)
    # "Of those, 8.9% carried … and 1,137 were referred": a sentence that opens on the whole the sentence before counted
    # is about its parts, whatever share it names first.
    texts = (before,) if _OPENS_ON_THE_WHOLE_BEFORE_RE.match(context) else (context[:offset + best.start], before)
    for text in texts:
        counts = [candidate for candidate in scan(text, publication)
                  if candidate.value.kind is ValueKind.COUNT and candidate.value.unit]
        if counts and figure >= 1000 and (large := [candidate for candidate in counts
                                                    if (candidate.value.amount or 0) >= 1000]):
            # "вышла тиражом 3 тыс. экземпляров: восемь полос, четыре журналиста …. В 2004 году тираж достиг 25 тыс.":
            # a figure in thousands or more restates the magnitude of a count in thousands, not of the small one last
            # named ("drew 12,000 visitors and 40 exhibitors. Last year it drew 30 thousand").
            counts = large
        if counts:
            return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=counts[-1].value.unit),
                           salience=Salience.SUBSTANTIAL_QUANTITY)
        if any(candidate.value.kind is not ValueKind.DATE and candidate.salience is not Salience.BARE_NUMBER
               and (candidate.value.kind is not ValueKind.QUANTITY or candidate.value.unit)
               and not _a_span_of_time(candidate) for candidate in scan(text, publication)):
            # The nearest figure is money, a share or a measure: the bare one is no count of a noun. (A scaled figure
            # with no unit is as bare: "В уральской насчитали 1,58 млн, в устюртской – почти 260 тыс." after "…
            # около 2,1 млн голов" counts heads, both of them.)
            return best
    if before and not _FIGURE_RE.search(before) and not _NUMBER_WORD_RE.search(before) and \
            (member := english_member_named_by_an_ordinal(before)) is not None:
        # "The remaining four will be done one at a time, two a year" after "The first refurbished unit returned …; the
        # second followed …": with no figure in either sentence, the series the ordinals before numbered is what the
        # figure counts (English, in the plural; only English writes the count's noun in another form than the member's).
        return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=_english_plural(member)),
                       salience=Salience.SUBSTANTIAL_QUANTITY)
    return best


# A span of time before the figure in its sentence ("Квота үш жыл қатарынан қысқарып келеді: 2024 жылы ол 38 мыңнан
# асқан еді", "For three years in a row the quota shrank: in 2024 it was 38,000") says how long, not what is counted:
# it leaves the figure to the count of the sentence before, as a date does.
_TIME_UNIT_RE = re.compile(r"years?|months?|weeks?|days?|лет|год|года|месяц\w*|недел\w*|дн(?:я|ей)|день|жыл|ай|апта|күн",
                           re.IGNORECASE)


_FOR_BEFORE_RE = re.compile(r"(?<![\w])(?i:for)\s+$")
_ENDS_ITS_CLAUSE_RE = re.compile(r"\s*(?:[.;,!?)]|$)")


def _a_span_of_time(candidate: Candidate) -> bool:
    return candidate.value.kind is ValueKind.QUANTITY and _TIME_UNIT_RE.fullmatch(candidate.value.unit or "") is not None


# The most items a list is read back over, nearest first (an appendix's list of partner universities had five).
_ITEMS_BACK = 12


def counted_as_its_list_counts(best: Candidate, offset: int, context: str, before: str, earlier: str,
                               publication: Publication | None) -> Candidate:
    """`best` (a bare Russian figure at `offset` in `context`, the first figure of an item of a list whose items end in
    ";") as a count of the noun the nearest item before it names after its figure: "Тартуский университет (Эстония) –
    3 обучающихся; Университет Павии (Италия) – 4; … – 5;" counts students in each, and "остальные семь – …" closing
    the list too. The list is the lines ending in ";" right before the figure's, the sentence `before` first; unchanged
    when none of them counts a noun."""
    value = best.value
    start = offset + best.start
    if value.kind is not ValueKind.QUANTITY or value.unit or best.salience not in _BARE or value.amount is None \
            or value.amount != int(value.amount) or value.amount < 0 or has_kazakh_letters(context + before) \
            or not re.search("[а-яё]", context) or _FIGURE_RE.search(context, 0, start) \
            or not before.rstrip().endswith(";"):
        return best
    lines = [before.strip(), *reversed(earlier.rstrip("\n").split("\n"))]
    for line in lines[:_ITEMS_BACK]:
        if not line.rstrip().endswith(";"):
            break
        counts = [candidate for candidate in scan(line, publication)
                  if candidate.value.kind is ValueKind.COUNT and candidate.value.unit]
        if counts:
            return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=counts[0].value.unit),
                           salience=Salience.SUBSTANTIAL_QUANTITY)
    return best


def measured_as_its_heading_names(best: Candidate, offset: int, context: str) -> Candidate:
    """`best` (a figure with no unit at `offset` in `context`) in the measure the heading of its line names before a
    colon: "Hours spent in this period: 212.4; in total: 596.8", "Площадь посевов, га: 1 240,5", "Жұмсалған уақыт,
    сағат: 36,5". The measure is the heading's first word (English, Russian) or its last (a table caption's unit after
    a comma, a Kazakh noun at the end of its phrase); a heading with a figure of its own names no unit."""
    value = best.value
    if value.kind is not ValueKind.QUANTITY or value.unit or (heading := _HEADING_BEFORE_RE.match(context)) is None \
            or heading.end() > offset + best.start or context[heading.end() - 1] != ":":
        return best
    written = heading.group("heading")
    words = re.findall(r"[^\W\d_]+", written)
    if not words or words[0].isupper():
        return best  # a speaker's name ("ӘСЕЛ:")
    # The last word only as a caption's unit after a comma, or a Kazakh noun without an ending: "In the past year: 45"
    # measures nothing, "Өткен жылы: 45" neither.
    last_is_the_unit = len(words) > 1 and (re.search(r",\s*[^\W\d_]+\s*$", written) is not None
                                           or has_kazakh_letters(written))
    for word in (words[0], words[-1]) if last_is_the_unit else (words[0],):
        measure = counted_after(" " + word.lower() + " ", 0)
        if measure is not None and measure.is_measure and measure.unit == word.lower():
            return replace(best, value=replace(value, unit=measure.unit), salience=Salience.SUBSTANTIAL_QUANTITY)
    return best


# An English figure standing for people the text named before without counting them: the subject of a verb of
# answering or saying ("Thirty-one replied.", "Only four said they would not go again") or a total in apposition
# (", 17 in all,").
_ANSWERS_AFTER_RE = re.compile(r"\s+(?:in\s+all|in\s+total|altogether|replied|answered|responded|said|agreed|disagreed"
                               r"|declined|refused|complained|admitted|named)(?![\w])", re.IGNORECASE)
_STANDS_FOR_THEM_BEFORE_RE = re.compile(r"(?:^|[.;:]\s*|,\s*|(?<![\w])(?:only|just|another|and)\s+)$", re.IGNORECASE)
_ENGLISH_WORD_RE = re.compile(r"[A-Za-z][a-z-]*")
_SENTENCES_BACK = 4
# Those who were asked, whom the answers and totals after count: "surveyed the returning interns", "polled the farmers
# it had lent to", "asked its borrowers", "wrote to all the exporters".
_ASKED_RE = re.compile(r"(?<![\w])(?:surveyed|polled|asked|interviewed|questioned|contacted|consulted|wrote\s+to"
                       r"|sent\s+(?:a\s+)?(?:questionnaire|survey|letter)s?\s+to)\s+(?P<phrase>(?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+)")


def counted_as_the_plural_named_before(best: Candidate, offset: int, context: str, before: str, earlier: str) -> Candidate:
    """`best` (a bare English number at `offset` in `context`, standing for people who answered or a total) as a count
    of those the nearest of the four sentences before it says were asked: "The Observer surveyed the returning interns
    …. Thirty-one replied." counts interns, and so do "…, 17 in all, …" and "Only four said …" after it. (The noun
    was named, not counted, so no count before lends it; with no one asked, the plural nearest may be anything, "the
    terms", and the figure stays bare. Russian and Kazakh name such totals with the noun or "из них", "олардың", read
    so already.)"""
    value = best.value
    start, end = offset + best.start, offset + best.end
    if value.kind is not ValueKind.QUANTITY or value.unit or best.salience not in _BARE or value.amount is None \
            or value.amount != int(value.amount) or not context.isascii() \
            or _ANSWERS_AFTER_RE.match(context, end) is None or _STANDS_FOR_THEM_BEFORE_RE.search(context, 0, start) is None \
            or _YEAR_SHAPED_RE.fullmatch(str(int(value.amount))):
        return best
    texts = [before, *reversed(re.split(r"(?<=[.!?])\s+", earlier.strip()))] if earlier else [before]
    for text in texts[:_SENTENCES_BACK]:
        for asked in reversed(list(_ASKED_RE.finditer(text))):
            plurals = [word for word in _ENGLISH_WORD_RE.findall(asked.group("phrase")) if _is_english_plural(word)]
            if plurals and (counted := counted_after(" " + plurals[0] + " ", 0)) is not None \
                    and not counted.is_measure and counted.unit == plurals[0]:
                return replace(best, value=replace(value, kind=ValueKind.COUNT, unit=plurals[0]),
                               salience=Salience.SUBSTANTIAL_QUANTITY)
    return best


def _english_plural(noun: str) -> str:
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "es" if noun.endswith(("s", "x", "ch", "sh")) else noun + "s"


# The things a figure closing its clause is the number of, named as the clause's subject before it: "иностранцы,
# которых было примерно 2 500" (foreigners, of whom there were about 2,500), "компаниялар он шақты ғана" (the
# companies are only about ten).
_RUSSIAN_WHOSE_NUMBER_BEFORE_RE = re.compile(
    r"(?<![\w-])(?P<noun>[а-яё]{3,})(?:\s+(?:из|в|во|на|для|от)\s+[\w-]+)?,\s+(?:которых|коих)\s+"
    r"(?:было|будет|стало|станет|насчитывалось|оказалось)(?:\s+(?:всего|лишь|только|около|примерно|порядка))*\s*$",
    re.IGNORECASE)
_KAZAKH_PLURAL_SUBJECT_BEFORE_RE = re.compile(
    r"(?<![\w-])(?P<noun>[а-яәіңғүұқөһ]{3,}(?:лар|лер|дар|дер|тар|тер))(?:\s+(?:әлі|қазір|тек|шамамен))?\s*$",
    re.IGNORECASE)


_KAZAKH_GENITIVE_WHOLE_BEFORE_RE = re.compile(r"(?<![\w-])(?P<noun>[а-яәіңғүұқөһ]{3,}(?:дың|дің|тың|тің|ның|нің))\s+$",
                                              re.IGNORECASE)
_KAZAKH_POSSESSIVE_FIGURE_RE = re.compile(r"\d+(?:[ \u00a0]\d{3})*-(?:с?[іы])(?![\w])")
_OPENS_ON_THE_WHOLE_BEFORE_RE = re.compile(r"\s*(?:(?:Of|Out\s+of)\s+(?:those|them|these)|Из\s+них|Из\s+этого\s+числа"
                                           r"|Олардың(?:\s+ішінде)?)(?![\w])")
# "Irrigation cooperatives registered under the new Code: 17, against 25 planned", "Мест – 40": the things counted
# named as the heading of the clause, before a colon (or a dash, after one or two words), the figures after it.
_RUSSIAN_PAST_PLURAL_RE = re.compile(r"[а-яё]{3,}[аеиыя]ли")
_HEADING_BEFORE_RE = re.compile(r"\s*(?P<heading>[^\W\d_][^\d:;–—]{0,80}?)(?::|\s[–—](?=\s))")


_FIGURE_RE = re.compile(r"\d")
# "The two sides agreed": a number word after "the" names things already named, no count of its own.
_DEFINITE_BEFORE_RE = re.compile(r"(?<![\w])(?i:the|these|those|both)\s+$")
# A relative clause right after the noun, its subject a pronoun or "that/which/who": "the two matches they played".
_RELATIVE_CLAUSE_AFTER_RE = re.compile(r"\s+(?i:that|which|who|whom|they|we|he|she|I|you)\s+[a-z]")
# Number words count as figures here: "the second followed" has none, "Two of the six units" has.
_NUMBER_WORD_RE = re.compile(r"(?<![\w])(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred"
                             r"|thousand|million)(?![\w])")


def _heading_named_before(text: str, publication: Publication | None) -> str | None:
    if (heading := _HEADING_BEFORE_RE.match(text)) is None:
        return None
    words = heading.group("heading").split()
    if text[heading.end() - 1] != ":" and len(words) > 2:
        return None  # a dash after a longer phrase parts a clause, not a heading from its figures
    if words[0].isupper() or _RUSSIAN_PAST_PLURAL_RE.fullmatch(words[0].lower()):
        return None  # a speaker's name ("ӘСЕЛ:"), a verb opening minutes ("Голосовали: за – 26")
    if any(candidate.value.kind is not ValueKind.QUANTITY or candidate.value.unit
           for candidate in scan(text[heading.end():], publication)):
        return None  # a figure with its own noun or unit after the heading: the nearest count decides
    # (The heading's first word is capitalised as the sentence's first, not as a name.)
    phrase = " " + words[0].lower() + " " + " ".join(words[1:]) + " "
    counted = counted_after(phrase, 0)
    if counted is None or counted.is_measure or counted.end > len(phrase) \
            or (counted.unit.isascii() and not counted.unit.endswith("s")):
        return None
    return counted.unit


# "Причин три.", "Вариантов всего два": a sentence that opens on the counted noun in the genitive plural, the
# number after it, counts that noun (Russian puts the noun first to stress the number).
_RUSSIAN_NOUN_OPENING_BEFORE_RE = re.compile(
    r"\s*(?P<noun>[А-ЯЁ]?[а-яё]{2,}(?:ов|ев|ей|ий|ин|ач|ан|ок|ек|ц|ш|к|т|д|н|р|л))(?:\s+(?:всего|лишь|только|уже|теперь))?\s*$")


# "таких лабораторий шесть", "самых продаваемых брендов 37 – европейские": Russian puts the counted noun in the
# genitive plural right before a figure that closes its clause (or that a dash follows, the clause's predicate after
# it), anywhere in the sentence, as "Причин три." does at its opening. A bare figure later in the same sentence with
# no figure between ("…, еще 12 выпускаются по лицензии") counts the same noun, as it would after a count.
_RUSSIAN_GENITIVE_PLURAL = r"(?P<noun>[а-яё]{3,}(?:ов|ев|ей|ий|ин|ач|ан|ок|ек|ц|ш|к|т|д|н|р|л))"
_RUSSIAN_GENITIVE_PLURAL_BEFORE_RE = re.compile(rf"(?<![\w-]){_RUSSIAN_GENITIVE_PLURAL}\s+$")
# (A dash before another figure makes a range, "колодцев 40 – 60 метров", no predicate.)
_CLOSES_ITS_CLAUSE = r"\s*(?:[.;,!?)]|[–—]\s+(?!\d)|$)"
_CLOSES_ITS_CLAUSE_RE = re.compile(_CLOSES_ITS_CLAUSE)
_RUSSIAN_GENITIVE_PLURAL_AND_FIGURE_RE = re.compile(
    rf"(?<![\w-]){_RUSSIAN_GENITIVE_PLURAL}\s+(?P<figure>\d[\d\u00a0]*|[а-яё]+)(?={_CLOSES_ITS_CLAUSE})")


_OF_THEM_AFTER_RE = re.compile(r"\s+(?i:из)\s+(?i:них|которых)(?![\w])")
# A share in words and the noun in the genitive plural it is a share of, an adjective between: "трети предметов",
# "половина опрошенных участников", "большинство компаний".
_RUSSIAN_SHARE_OF_A_NOUN_RE = re.compile(
    rf"(?<![\w])(?i:трет[иьей]|половин[аыуе]|четверт[иьей]|част[ьи]|большинств[оа])\s+(?:[а-яё]+(?:ых|их)\s+)?"
    rf"{_RUSSIAN_GENITIVE_PLURAL}(?![\w])")


def _russian_genitive_plural_before(context: str, start: int, end: int) -> str | None:
    """The noun in the genitive plural a Russian bare figure (at `start`..`end` of `context`) counts when it stands
    right before the figure closing its clause, or before the figure before it in its sentence; None otherwise."""
    if has_kazakh_letters(context) or not re.search("[а-яё]", context):
        return None
    noun = None
    if (right_before := _RUSSIAN_GENITIVE_PLURAL_BEFORE_RE.search(context, 0, start)) is not None \
            and _CLOSES_ITS_CLAUSE_RE.match(context, end):
        noun = right_before.group("noun")
    else:
        earlier = [match for match in _RUSSIAN_GENITIVE_PLURAL_AND_FIGURE_RE.finditer(context, 0, start)
                   if match.group("figure")[0].isdigit() or match.group("figure").lower() in RUSSIAN_NUMBER_WORDS]
        if earlier and not _a_figure_in(context[earlier[-1].end():start]):
            noun = earlier[-1].group("noun")
    if noun is None:
        return None
    counted = counted_after(" " + noun.lower() + " ", 0)
    return counted.unit if counted is not None and not counted.is_measure and counted.unit == noun.lower() else None


def _a_figure_in(text: str) -> bool:
    """Whether `text` holds a figure in digits or a Russian number word."""
    return _FIGURE_RE.search(text) is not None \
        or any(word in RUSSIAN_NUMBER_WORDS for word in re.findall(r"[а-яё]+", text.lower()))


def _subject_named_before(text: str, publication: Publication | None = None) -> str | None:
    if (heading := _heading_named_before(text, publication)) is not None:
        return heading
    if (opening := _RUSSIAN_NOUN_OPENING_BEFORE_RE.fullmatch(text)) is not None:
        counted = counted_after(" " + opening.group("noun").lower() + " ", 0)
        if counted is not None and not counted.is_measure:
            return opening.group("noun").lower()
    if (whose := _RUSSIAN_WHOSE_NUMBER_BEFORE_RE.search(text)) is not None:
        counted = counted_after(" " + whose.group("noun").lower() + " ", 0)
        return counted.unit if counted is not None and not counted.is_measure else None
    if (plural := _KAZAKH_PLURAL_SUBJECT_BEFORE_RE.search(text)) is not None:
        counted = kazakh_noun_named(plural.group("noun").lower())
        return counted.unit if counted is not None and not counted.is_measure else None
    return None

