"""Single dates in prose and typed dates: the ways a day, a month or a year is written in the three
languages, the publication date that anchors what is written without a year, and
`parse_date_text` for the editor.

Ranges and periods live in `date_ranges`, dates counted from the publication ("last year") in
`relative_dates`; `date_scan` runs them all over a text. They share `DatePattern`: a regex and how
to read one of its matches.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER, NOT_CYRILLIC_AFTER, has_kazakh_letters
from kzeu_desk.core.value_parsing.date_words import (
    AMOUNT_WORDS_AFTER_DAY,
    CYRILLIC_MONTH_STEMS,
    ENGLISH_MONTH_ALTERNATION,
    ENGLISH_MONTH_FULL,
    ENGLISH_MONTH_PREPOSITIONS,
    ENGLISH_MONTHS,
    ENGLISH_WEEKDAY,
    KAZAKH_MONTH,
    ORDINAL_SUFFIX,
    RUSSIAN_MONTH,
    RUSSIAN_MONTH_PREPOSITIONS,
    YEAR_MARKER,
)
from kzeu_desk.core.value_parsing.tense_words import (
    ENGLISH_FUTURE,
    ENGLISH_PAST,
    KAZAKH_AGREED_TO,
    KAZAKH_FUTURE,
    KAZAKH_LAST_WORD_FUTURE,
    KAZAKH_LAST_WORD_PAST,
    KAZAKH_PAST,
    RUSSIAN_FUTURE,
    RUSSIAN_PAST,
)

# -- the publication date --------------------------------------------------------------------

_ISO_PUBLISHED_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
# A day or month written without a year, in a sentence whose tense does not say, is taken to lie
# at most this many months after the publication date (an announced summit), otherwise before it (a
# report of what happened): the nearer of the two readings, leaning to the past.
MONTHS_AHEAD_OF_PUBLICATION = 5
_MONTHS_AHEAD_OF_A_STATE_IN_FORCE = 3
_KAZAKH_AGREED_TO_RE = re.compile(KAZAKH_AGREED_TO, re.IGNORECASE)
_FUTURE_RE = re.compile(rf"(?<![\w'])(?:{ENGLISH_FUTURE}|{RUSSIAN_FUTURE}|{KAZAKH_FUTURE})(?![\w])", re.IGNORECASE)
# A participle after "be" is future or passive, not a report: "will be held", "будет подписан".
_PAST_RE = re.compile(rf"(?<![\w'])(?<!be )(?<!будет )(?<!будут )(?:{ENGLISH_PAST}|{RUSSIAN_PAST}|{KAZAKH_PAST})(?![\w])",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Publication:
    year: int
    month: int | None
    day: int | None = None
    # The tense of the sentence a highlight was taken from ("future" or "past"), for a highlight
    # that does not say itself: "in January" highlighted in "… exhibited at the fair in January".
    context_tense: str | None = None
    # Set when the highlight's own clause decided `context_tense` ("said in May that it would …" is a
    # report; "…, а в ноябре стенд появится" the clause after "а"): it then wins over the sentence's.
    context_tense_decides: bool = False
    # Set when the highlight's sentence names next year in words and writes no year ("В следующем году хотим в
    # Будапешт: лоукостер обещает прямые рейсы с апреля"): a month or day without a year is next year's.
    next_year_named: bool = False
    # Set when the highlight's clause names last year in words before it and no other year ("В прошлом году зарплаты
    # повышались в январе и в июле"): a month or day without a year is last year's.
    last_year_named: bool = False

    def tense_in(self, text: str) -> str | None:
        """The tense that dates a day or month without a year read in `text`."""
        return self.context_tense if self.context_tense_decides else (tense_of(text) or self.context_tense)


def parse_publication(published: str | None) -> Publication | None:
    if published is None:
        return None
    match = _ISO_PUBLISHED_RE.match(published.strip())
    if match is None:
        raise ValueError(f"published must be a truncated ISO date (YYYY, YYYY-MM, YYYY-MM-DD), got {published!r}")
    month, day = match.group("month"), match.group("day")
    return Publication(year=int(match.group("year")), month=int(month) if month else None,
                       day=int(day) if day else None)


_KAZAKH_LAST_WORD_RE = re.compile(rf"(?P<word>[{CYRILLIC_LETTER}]+)[.!…»\"”)]*\s*$", re.IGNORECASE)


def tense_of(text: str) -> str | None:
    """"future" when the text announces ("will be held", "состоится", "өтеді"), "past" when it
    reports ("took place", "прошел", "өтті"), None when it says neither or both."""
    return _tense_and_whether_both(text)[0]


def _tense_and_whether_both(text: str) -> tuple[str | None, bool]:
    future = _FUTURE_RE.search(text) is not None
    past = _PAST_RE.search(text) is not None
    if future and past:
        return None, True
    # (A Kazakh verb's ending only in a Kazakh sentence: the Russian "… и родители уже считают расходы." ends on a noun
    # whose "-ды" is no past tense, and had dated "До 1 сентября" in an August article to the September before.)
    if not future and not past and has_kazakh_letters(text) and (last := _KAZAKH_LAST_WORD_RE.search(text)) is not None \
            and _KAZAKH_AGREED_TO_RE.search(text) is None:
        word = last.group("word").lower()
        future = re.fullmatch(KAZAKH_LAST_WORD_FUTURE, word) is not None
        past = not future and re.fullmatch(KAZAKH_LAST_WORD_PAST, word) is not None
    if future == past:
        return None, False
    return "future" if future else "past", False


# "said in May that it would expand": a date right after a verb of saying dates the saying, which is reported.
# ("will be announced on 27 November" announces: a verb of saying after "be" dates what is to be said.)
_SAYING_BEFORE_RE = re.compile(
    # (And a document's publishing, its participle after the noun: "a draft order published in May would add two
    # countries" (set 77) dates the publishing, reported, whatever the tense of what the document would do.)
    r"(?<![\w])(?<!be )(?<!been )(?:said|announced|reported|stated|confirmed|told\s+[\w ]{1,30}?|wrote|published|issued"
    r"|заявил[аио]?|сообщил[аио]?"
    r"|объявил[аио]?)\s+(?:in|on|at\s+the\s+end\s+of|в|во)\s+$", re.IGNORECASE)
# "Окончательные данные за январь-август будут опубликованы 15 ноября", "the figures for the first half will
# be out in May": the period data are for has passed, whatever the tense of their release.
_REPORTED_PERIOD_BEFORE_RE = re.compile(
    r"(?<![\w])(?:данн(?:ые|ых)|итог(?:и|ов)|результат(?:ы|ов)|отч[её]т(?:ы|а)?|статистик[аи]|показател(?:и|ей)|цифр(?:ы)?"
    r"|data|figures|numbers|results|statistics|accounts)\s+(?:за|for)\s+(?:the\s+)?$", re.IGNORECASE)
# "We have raised our benchmarks by 8%, effective 1 October", "new fares, with effect from 1 March": the day a
# change takes effect is set when the change is decided, so the verb of deciding ("raised", "approved") says nothing
# of which side of the publication it lies; it is dated by nearness, as in a sentence with no tense (set 67).
_TAKES_EFFECT_BEFORE_RE = re.compile(r"(?<![\w])(?:effective|with\s+effect\s+from|taking\s+effect)\s+(?:from\s+|on\s+)?$",
                                     re.IGNORECASE)
# A noun and the comma that opens an aside about it: "the first home match, on 17 September,".
# (A past verb before the comma is the clause's own: "The talks ended, on 3 March, without agreement".)
_NOUN_AND_COMMA_BEFORE_RE = re.compile(r"(?<![\w])[a-z]{3,}(?<!ed)(?<!ly),\s+(?:on\s+)?$")
# "up from 3.1% in October", "down from 10.5 percent in", "по сравнению с 3,1% в": the earlier level's month; and in
# English with who gave it, "up from the 6% we forecast in July", "down from the 2.9% it reported in".
_EARLIER_LEVEL_BEFORE_RE = re.compile(
    r"(?<![\w])(?:(?:up\s+from|down\s+from|compared\s+with)\s+[^\s,;]+(?:\s+[^\s,;]+){0,3}\s+in"
    r"|(?:против|по\s+сравнению\s+с)\s+[^\s,;]+(?:\s+[^\s,;]+){0,2}\s+(?:в|во))\s+$", re.IGNORECASE)
# Clauses that may have tenses of their own: "Весной комитет провел …, а в ноябре стенд появится …"; and the clause of
# the rest of a whole after a comma, "Из 40 вагонов поставлено 25, остальные 15 придут в июне" (sets 60 and 61).
# (English ", so" opens a main clause of its own too, a consequence: "Fares are on sale until Sunday, so don't wait: last
# year's sale lasted four days" (set 64) dates Sunday by its own clause, not by the report after "so".)
_CONTRASTED_CLAUSE_RE = re.compile(r",\s+(?=(?:а|но|ал|but|while|whereas|so)\s|остальн[а-яё]{1,3}\s)|;\s+", re.IGNORECASE)


_STATUS_DATE_AFTER_RE = re.compile(rf"[^\s]+(?:\s+[^\s]+)?\s+(?i:жағдай(?:ы)?\s+бойынша){NOT_CYRILLIC_AFTER}")
# ("as of 1 January" also says "from 1 January" on: only "as at" is the status date in English.)
_STATUS_DATE_BEFORE_RE = re.compile(r"(?<![\w])(?i:as\s+at|по\s+состоянию\s+на)\s+$")


# "С 1 января импортеры обязаны покупать сертификаты", "с 1 января действует углеродный сбор" (in a November article):
# a state that holds from a date ("с", in the present of a verb of being in force) is of the publication's year, passed
# or ahead ("с 1 марта действует" in February announces), never next year's; "с 1 января вступает в силу", "с
# воскресенья аэропорт переходит" (a change) still announce. Its tense is "since" (`anchored_year`).
_SINCE_BEFORE_RE = re.compile(r"(?<![\w])(?:с|со|начиная\s+с)\s+$", re.IGNORECASE)
_ENGLISH_SINCE_BEFORE_RE = re.compile(r"(?<![\w])(?i:since)\s+$")
# The Candidates pane reads "since January" as one span, its "since" at the offset rather than before it (set 67).
_ENGLISH_SINCE_AT_RE = re.compile(r"(?i:since)\s+(?=[A-Z0-9])")
_STATE_IN_FORCE_RE = re.compile(
    r"(?<![\w])(?:действу(?:ет|ют)|применя(?:ется|ются)|распространя(?:ется|ются)|функциониру(?:ет|ют)"
    r"|обязан[аоы]?|взима(?:ется|ются)|запрещ[её]н[аоы]?|разреш[её]н[аоы]?|сохраня(?:ется|ются)"
    # A rate or a price that amounts to a figure from a day: "Тариф с 1 января составляет 38,1 доллара" (set 72).
    r"|составля(?:ет|ют))(?![\w])", re.IGNORECASE)


def since_a_state(text: str, start: int) -> bool:
    """Whether the date at `start` opens a state its sentence says holds now ("с 1 января действует …")."""
    if _SINCE_BEFORE_RE.search(text, max(0, start - 14), start) is None:
        return False
    sentence_start = max(text.rfind(". ", 0, start) + 1, 0)
    sentence_end = text.find(". ", start)
    sentence = text[sentence_start:sentence_end if sentence_end >= 0 else len(text)]
    return _STATE_IN_FORCE_RE.search(sentence) is not None and _FUTURE_RE.search(sentence) is None


# "Фестиваль откроет драма, получившая в мае приз Каннского фестиваля", "соглашение, подписанное в марте": a past
# participle right before the date governs it, whatever the tense of the sentence's verb.
_PAST_PARTICIPLE_BEFORE_RE = re.compile(
    r"(?<![\w])[а-яё]{3,}(?:вш|нн)(?:ий|ая|ое|ее|ие|ые|ей|его|ого|ему|ому|им|ым|ую|их|ых|ими|ыми)\s+(?:в|во)\s+$",
    re.IGNORECASE)

# Kazakh puts the participle after the date it governs (its verbs come last): "29 наурыздан бастап күшіне енген кесте"
# (the timetable in force from 29 March), "20 қарашадағы отырысында бекітілген жоспар" (the plan approved at the
# meeting of 20 November): a past participle in "-ған/-ген/-қан/-кен" within three words after the date, before a
# noun, dates it in the past whatever the sentence's verb ("ұшамыз", we fly); "-ған соң/кейін" (after it has),
# "өткен" as "last" ("өткен жылы"), "арналған" (meant for: "7 желтоқсанда … арналған семинар өткізеді") and a negative
# participle are not it. Only a date in the locative, the ablative or "-дағы" (when it happened, from when): a deadline
# ("1 наурызға дейін төлемеген мүшелер", members who have not paid by 1 March) lies ahead of what it bounds.
_KAZAKH_DATE_OF_AN_EVENT_RE = re.compile(
    r"(?:да|де|та|те|дан|ден|тан|тен|нан|нен|дағы|дегі|тағы|тегі)$", re.IGNORECASE)
# "1 мамырдағы дерек бойынша" (according to the data as of 1 May), "1 қаңтардағы жағдай бойынша" (as it stood on 1
# January): figures are counted as of a day already past when they are reported, whatever verb of the sentence
# follows (a rule of the register tells what will be; set 75: "… шектеу кемінде 6 айға қойылады" after it).
_KAZAKH_AS_OF_AFTER_RE = re.compile(
    rf"\s+(?:дерек|деректер|мәлімет|мәліметтер|жағдай|ақпарат)\s+бойынша(?![{CYRILLIC_LETTER}])", re.IGNORECASE)
_KAZAKH_PAST_PARTICIPLE_AFTER_RE = re.compile(
    rf"(?:\s+[^\s.,;:!?—–()]+){{0,2}}?\s+(?!(?:өткен|арналған)\s)"
    rf"(?![{CYRILLIC_LETTER}]+(?:маған|меген|баған|беген|паған|пеген)\s)[{CYRILLIC_LETTER}]{{2,}}(?:ған|ген|қан|кен)"
    rf"\s+(?!(?:соң|кейін|сайын|кезде|жағдайда|дейін|шақта|жоқ|емес|болса|едік|еді|екен)(?![{CYRILLIC_LETTER}]))"
    rf"[{CYRILLIC_LETTER}]", re.IGNORECASE)

# A tenseless reduced clause or a schedule before an English date: an "-ing" participle right before it ("loading 10-14
# April", "arriving on 3 May", "starting in June"; not "during", "including", "following", "according" nor nouns in
# "-ing" as "spring", "morning", "hearing"; a weekday keeps its own readings), or a plan's noun and "for" ("the loading programme for April", "the schedule for May").
_ENGLISH_SCHEDULE_BEFORE_RE = re.compile(
    r"(?<![\w])(?:(?!(?:during|including|following|according|spring|morning|evening|nothing|something|thing|king"
    r"|string|ceiling|meeting|building|funding|spending|trading|lending|pricing|rating|ranking|ending|beginning"
    r"|hearing|screening|briefing|opening|sitting|signing|offering|listing|filing|wedding|reading|training)\s)"
    r"[a-z]{3,}ing\s+(?:(?:on|in|from)\s+)?"
    r"|(?:programme|program|schedule|plan|quota|nomination|nominations|allocation|allocations)\s+for\s+)$")
_PARTICIPLE_ASIDE_RE = re.compile(r",\s+(?:[a-z]{3,}ed|built|founded|set\s+up)\s[^,;]{3,60},"
                                  # ... and so does a relative clause set off by commas: "A baker from Lyon, who moved
                                  # here four years ago, opens a pop-up on Saturday" (its past is the baker's).
                                  r"|,\s+(?:who|which)\s[^,;]{3,60},")
# An English sentence in the present simple with no tense else that names a weekday is a listing's or timetable's
# ("The opener on Friday is a Czech comedy", "A baker opens a pop-up at the bazaar on Saturday"): news of the days
# just gone report them in the past tense, so the day lies ahead. Only a weekday: "Inflation is 10% in March" is no
# timetable. (Only English: Russian and Kazakh write their present in other forms.)
_ENGLISH_TIMETABLE_PRESENT_RE = re.compile(
    r"(?<![\w'’])(?:is|are|opens|starts|begins|closes|runs|plays|hosts|screens|performs)(?![\w'’])")
_ENGLISH_WEEKDAY_AT_RE = re.compile(rf"(?:{ENGLISH_WEEKDAY})(?![\w'’])")


# A date in a clause of time whose own verb is not past lies ahead, whatever the main clause reports: "a cut made
# before Parliament adopts the budget in December", "до того, как парламент утвердит бюджет в декабре" (English puts a
# present there, with its subject between: "before Parliament adopts"; Russian a perfective future).
_ENGLISH_CLAUSE_OF_TIME_BEFORE_RE = re.compile(
    # (A plural after a determiner is a noun: "before the talks in March" reports.)
    r"(?<![\w])(?:before|until|till|once|by\s+the\s+time)\s+(?:[\w-]+\s+){1,3}?(?!(?:was|has|is|as|this|its|us)\s)"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bour\s)"
    r"[a-z]{2,}(?<!ss)(?<!us)s\s[^.;:!?]{0,60}$", re.IGNORECASE)
_RUSSIAN_CLAUSE_OF_TIME_BEFORE_RE = re.compile(
    r"(?<![\w])(?:до\s+того,?\s+как|прежде\s+чем|перед\s+тем,?\s+как|пока\s+не)\s[^.;:!?]{0,80}$", re.IGNORECASE)
# A date after a verb of deciding or agreeing and the infinitive it governs is when the decided thing is to happen: "Совет
# решил с 1 ноября снизить сбор", "Стороны договорились … провести семинар осенью". (Before the verb, or with no
# infinitive, it dates the decision; minutes write the decision after a colon: "Решили: взносы вносить с июня".) English puts the date after the infinitive's object, where it as often dates the
# agreement: "agreed to set up a joint venture on 30 July", in an August article.)
_DECIDED_TO_BEFORE_RE = re.compile(
    r"(?<![\w])(?:(?:решил[аио]?|решили|договорил(?:ся|ась|ись|ось)|постановил[аио]?|условил(?:ся|ись)|пообещал[аио]?"
    r"|обещал[аио]?)(?![\w])(?::\s)?[^.;:!?]{0,120}?[а-яё]{2,}(?:ть|ти)(?:ся|сь)?(?![\w]))[^.;:!?]{0,120}$",
    re.IGNORECASE)
_DECIDED_TO_AROUND_RE = re.compile(
    r"(?<![\w])(?:решил[аио]?|решили|договорил(?:ся|ась|ись|ось)|постановил[аио]?|условил(?:ся|ись)|пообещал[аио]?"
    r"|обещал[аио]?)\s+(?P<rest>[^.;:!?]{0,80})$", re.IGNORECASE)
_INFINITIVE_AFTER_RE = re.compile(r"\s*(?:[^\s.;:!?]+\s+){0,3}?[а-яё]{2,}(?:ть|ти)(?:ся|сь)?(?![\w])", re.IGNORECASE)


# Next year in words, and the words that would make a month of the sentence another year's: a year written, this or
# last year.
_NEXT_YEAR_RE = re.compile(r"(?<![\w])(?:next\s+year|(?:в|на)\s+(?:следующем|будущем|следующий|будущий)\s+году?)(?![\w'’])",
                           re.IGNORECASE)
_ANOTHER_YEAR_RE = re.compile(r"(?<![\w])(?:(?:19|20)\d\d|(?:this|last)\s+year|(?:в|на)\s+(?:этом|прошлом|текущем|нынешнем)\s+году"
                              r"|(?:этого|прошлого|текущего|следующего|будущего)\s+года)(?![\w])", re.IGNORECASE)


def next_year_named(sentence: str) -> bool:
    """Whether an English or Russian sentence names next year in words ("next year", "в следующем году") and no other
    year: a month or day it names without a year is then next year's."""
    return _NEXT_YEAR_RE.search(sentence) is not None and _ANOTHER_YEAR_RE.search(sentence) is None \
        and not has_kazakh_letters(sentence)


# "Стороны договорились, что с 1 декабря надбавка составит 20%": what was agreed or decided in a clause "что …" is to
# happen; the date in it is dated by that clause (ahead unless the clause has a past of its own), not by the agreeing.
_AGREED_THAT_BEFORE_RE = re.compile(
    r"(?<![\w])(?:решил[аио]?|решили|договорил(?:ся|ась|ись|ось)|постановил[аио]?|условил(?:ся|ась|ись)"
    r"|пообещал[аио]?|обещал[аио]?|согласовал[аио]?|договорен[аоы]?|решено)\s*,?\s+что\s[^.;:!?]{0,100}$",
    re.IGNORECASE)


_LAST_YEAR_IN_WORDS_RE = re.compile(r"(?<![\w])(?:в|за)\s+(?:прошлом|минувшем|прошедшем)\s+году(?![\w])", re.IGNORECASE)


def last_year_named_before(context: str, offset: int) -> bool:
    """Whether a Russian clause names last year in words before `offset` ("В прошлом году … в январе") and its sentence
    no other year: a month or a day without a year there is last year's. A clause after "а", "но" or ";" is another's
    ("В прошлом году урожай был скромным, а в марте цены выросли")."""
    start = max(context.rfind(". ", 0, offset) + 1, 0)
    named = list(_LAST_YEAR_IN_WORDS_RE.finditer(context, start, offset))
    if not named or has_kazakh_letters(context):
        return False
    end = context.find(". ", offset)
    sentence = context[start:end if end >= 0 else len(context)]
    if _NEXT_YEAR_RE.search(sentence) or _ANOTHER_YEAR_RE.search(_LAST_YEAR_IN_WORDS_RE.sub(" ", sentence)):
        return False
    return _CONTRASTED_CLAUSE_RE.search(context, named[-1].end(), offset) is None


def _announced_by_its_clause(context: str, offset: int) -> bool:
    """Whether the words before a date in its clause say it lies ahead: a clause of time with no past of its own, or
    a decided or agreed action (`_DECIDED_TO_BEFORE_RE`, `_AGREED_THAT_BEFORE_RE`)."""
    window = context[max(0, offset - 160):offset]
    if (agreed := _AGREED_THAT_BEFORE_RE.search(window)) is not None:
        clause_end = re.compile(r"[.;:!?]").search(context, offset)
        clause = context[max(0, offset - 160) + agreed.start():clause_end.start() if clause_end else len(context)]
        # (The verb of agreeing itself is past; only a past after "что" reports.)
        return _PAST_RE.search(clause, clause.lower().find("что") + 3) is None
    if (clause_of_time := _ENGLISH_CLAUSE_OF_TIME_BEFORE_RE.search(window) or
            _RUSSIAN_CLAUSE_OF_TIME_BEFORE_RE.search(window)) is not None:
        return _PAST_RE.search(window, clause_of_time.start() + 1) is None
    if _DECIDED_TO_BEFORE_RE.search(window) is not None:
        return True
    # "решил с 1 ноября снизить": the infinitive after the date.
    return _DECIDED_TO_AROUND_RE.search(window) is not None and \
        _INFINITIVE_AFTER_RE.match(context, _date_end(context, offset)) is not None


def _date_end(context: str, offset: int) -> int:
    """Where the words of a date starting at `offset` end (its day, month and year, at most four words)."""
    words = re.match(r"(?:\S+\s+){0,3}?\S*?(?:[а-яёa-z]+)(?=[\s,.;]|$)", context[offset:], re.IGNORECASE)
    return offset + (words.end() if words is not None else 0)


def tense_at(context: str, offset: int) -> tuple[str | None, bool]:
    """The tense that dates a day or month at `offset` in `context`, and whether its own clause decided it:
    the saying's after a verb of saying, its clause's when the sentence contrasts two, else the sentence's."""
    # (A reading may start at its preposition: "in May" of "said in May".)
    after_preposition = offset + (preposition.end() if (preposition := re.match(r"(?i:in|on|в|во)\s+", context[offset:]))
                                  else 0)
    after_since = offset + (since.end() if (since := re.match(r"(?i:с|со)\s+", context[offset:])) else 0)
    if since_a_state(context, after_since):
        return "since", True
    if _ENGLISH_SINCE_BEFORE_RE.search(context, max(0, offset - 8), offset) or _ENGLISH_SINCE_AT_RE.match(context, offset):
        # "in its definitive phase since 1 January" (in a December article): "since" dates what has begun.
        return "past", True
    if _PAST_PARTICIPLE_BEFORE_RE.search(context, max(0, after_preposition - 40), after_preposition):
        return "past", True
    if has_kazakh_letters(context) and _KAZAKH_DATE_OF_AN_EVENT_RE.search(context, offset, end := _date_end(context, offset)) \
            and _KAZAKH_PAST_PARTICIPLE_AFTER_RE.match(context, end):
        return "past", True
    if has_kazakh_letters(context) and re.search(r"(?i:дағы|дегі|тағы|тегі)$", context[offset:(end := _date_end(context, offset))]) \
            and _KAZAKH_AS_OF_AFTER_RE.match(context, end):
        return "past", True
    if _SAYING_BEFORE_RE.search(context, max(0, after_preposition - 60), after_preposition):
        return "past", True
    if _TAKES_EFFECT_BEFORE_RE.search(context, max(0, offset - 30), offset):
        return None, True
    if _NOUN_AND_COMMA_BEFORE_RE.search(context, max(0, offset - 30), offset) and \
            re.match(r"(?:on\s+)?[0-3]?\d\s+[A-Z][a-z]+,|(?:on\s+)?[A-Z][a-z]+\s+[0-3]?\d,", context[offset:]):
        # "Tickets for the first home match, on 17 September, sold out": a day set off by commas after a noun dates that
        # noun (the match), not the clause's verb; it is dated by nearness.
        return None, True
    if _EARLIER_LEVEL_BEFORE_RE.search(context, max(0, after_preposition - 40), after_preposition):
        # "expect prices to rise 4%, up from 3.1% in October": the level a change is measured from was, whatever the
        # tense of the change.
        return "past", True
    after_for = offset + (period_for.end() if (period_for := re.match(r"(?i:за|for)\s+", context[offset:])) else 0)
    if _REPORTED_PERIOD_BEFORE_RE.search(context, max(0, after_for - 60), after_for):
        return "past", True
    if _STATUS_DATE_AFTER_RE.match(context, offset) or _STATUS_DATE_BEFORE_RE.search(context, max(0, offset - 24), offset):
        # "1 қарашадағы жағдай бойынша" (as of 1 November), "as at 1 November", "по состоянию на 1 ноября": the date
        # data were counted on has passed, whatever the tense of what they show.
        return "past", True
    if _ENGLISH_SCHEDULE_BEFORE_RE.search(context, max(0, offset - 40), offset) and \
            not _ENGLISH_WEEKDAY_AT_RE.match(context, after_preposition):
        # "Cargoes loading 10-14 April were assessed …", "traders digested a smaller loading programme for April": a
        # participle right before the date, or a schedule "for" it, dates what is planned, not the clause's verb; the
        # day or month is placed by nearness to publication, as the conventions say for a date with no tense.
        return None, True
    if _announced_by_its_clause(context, after_preposition):
        return "future", True
    # "It will resume flights to Frankfurt, suspended two years ago, from 1 June": a participle set off by commas
    # describes a noun; its past is not the sentence's tense.
    context = _PARTICIPLE_ASIDE_RE.sub(lambda aside: aside.group() if aside.start() <= offset < aside.end()
                                       else "," + " " * (len(aside.group()) - 2) + ",", context)
    breaks = list(_CONTRASTED_CLAUSE_RE.finditer(context))
    if not breaks and _ENGLISH_WEEKDAY_AT_RE.match(context, after_preposition) and tense_of(context) is None \
            and _ENGLISH_TIMETABLE_PRESENT_RE.search(context) is not None:
        return "future", False
    if not breaks:
        return _tense_of_the_clause(context, offset, decided=False)
    starts = [0, *[m.end() for m in breaks]]
    ends = [*[m.start() for m in breaks], len(context)]
    for start, end in zip(starts, ends, strict=True):
        if start <= offset < end:
            tense, decided = _tense_of_the_clause(context[start:end], offset - start, decided=True)
            if tense is None and start > 0 and _ELLIPTICAL_CLAUSE_RE.fullmatch(context, start, end):
                # "Первый матч пройдет в субботу, а второй — в воскресенье": a clause after "а", "but", "ал" with no
                # verb of its own (a dash stands for it, or it is a few words: "ал екіншісі жексенбіде") takes the tense
                # of the clause it shares the verb with. ("…, а в ноябре стенд впервые появится …" has its own verb.)
                return tense_of(context), False
            return tense, decided
    return tense_of(context), False


# (Up to five words before the dash: "а в пиковые дни августа — до 14 тыс. человек"; the clause has no verb of a tense,
# or its own tense would have dated it. A period before a small letter or a digit ends an abbreviation, not the clause.)
_ELLIPTICAL_CLAUSE_RE = re.compile(r"(?:а|но|ал|but|while|whereas)\s+(?:(?:[^\s—–]+\s+){1,5}[—–]\s+(?:[^.;]|\.(?=\s*[а-яёa-z\d]))+|(?:\S+\s+){0,2}\S+)"
                                   r"[.!?…]?\s*", re.IGNORECASE)


def _tense_of_the_clause(clause: str, offset: int, *, decided: bool) -> tuple[str | None, bool]:
    """The clause's tense; where it both reports and announces, the verb that governs the date at `offset` decides:
    "The orchestra left Astana on 22 November … and will be home on 14 December", "A sale devoted to the region is
    planned for May", "What comes next: Bratislava on Saturday, …, where it last played 18 years ago". English and
    Russian put that verb before the date, Kazakh after it (its verb is last); each falls back to the other side."""
    tense, both = _tense_and_whether_both(clause)
    if not both:
        return tense, decided
    words = [(m.start(), "future") for m in _FUTURE_RE.finditer(clause)] + \
            [(m.start(), "past") for m in _PAST_RE.finditer(clause)]
    before = [kind for position, kind in sorted(words) if position < offset]
    after = [kind for position, kind in sorted(words) if position > offset]
    if has_kazakh_letters(clause):
        nearest = after[0] if after else before[-1]
    else:
        nearest = before[-1] if before else after[0]
    return nearest, True


def anchored_year(month: int, publication: Publication, text: str = "", day: int | None = None) -> int:
    """The year of a month (and day) named without one. A sentence that announces puts it at the
    next such month on or after the publication date; one that reports, at the last on or before
    it; otherwise it is the publication's year unless that lies more than MONTHS_AHEAD_OF_PUBLICATION
    months ahead ("on December 2" in a January article is the December before)."""
    if publication.month is None:
        return publication.year
    # Months after publication, with the day breaking a tie inside the publication month.
    months_after = month - publication.month
    if months_after == 0 and day is not None and publication.day is not None:
        months_after = (day > publication.day) - (day < publication.day)
    tense = publication.tense_in(text)
    if tense == "since":
        # ("с 1 января действует …": see `since_a_state`.) A state the present tense says holds from a month more than
        # three months ahead began the year before (the conventions' "at most three months after"; a neutral sentence
        # may look five ahead, an announcement, but "действует" says it holds now): "с июля действует" in February is
        # last July (set 52), "с 1 марта действует" in February still announces.
        return publication.year if months_after <= _MONTHS_AHEAD_OF_A_STATE_IN_FORCE else publication.year - 1
    if publication.last_year_named and tense != "future":
        return publication.year - 1
    if publication.next_year_named and tense != "past":
        return publication.year + 1
    if tense == "future":
        return publication.year if months_after >= 0 else publication.year + 1
    if tense == "past":
        return publication.year if months_after <= 0 else publication.year - 1
    if months_after > MONTHS_AHEAD_OF_PUBLICATION:
        return publication.year - 1
    if months_after < MONTHS_AHEAD_OF_PUBLICATION - 11:
        return publication.year + 1
    return publication.year


# -- what a pattern reads --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateReading:
    """A date read from a match: its value, or None when it needs more of the publication date
    than is known (`missing` says what: "date", "month" or "day")."""

    value: TypedValue | None
    relative: bool = False  # counted from the publication date
    missing: str | None = None


DateReader = Callable[[re.Match[str], Publication | None], DateReading | None]


@dataclass(frozen=True, slots=True)
class DatePattern:
    regex: re.Pattern[str]
    read: DateReader  # None from it: the match names no real date (31 February)


def date_reading(iso: str | None, *, relative: bool = False, approximate: bool = False) -> DateReading | None:
    if iso is None:
        return None
    return DateReading(TypedValue(kind=ValueKind.DATE, date=iso, approximate=approximate), relative=relative)


def range_reading(first: str | None, last: str | None, *, relative: bool = False) -> DateReading | None:
    if first is None or last is None or first >= last:
        return None
    return DateReading(TypedValue(kind=ValueKind.DATE_RANGE, date=first, date_end=last), relative=relative)


def needs(what: str) -> DateReading:
    return DateReading(None, relative=True, missing=what)


# -- calendar helpers ------------------------------------------------------------------------


def month_number(word: str) -> int | None:
    key = word.lower().rstrip(".")
    if key in ENGLISH_MONTHS:
        return ENGLISH_MONTHS[key]
    for stem, month in CYRILLIC_MONTH_STEMS:
        if key.startswith(stem):
            return month
    return None


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """The truncated ISO string, or None for impossible dates such as 31 February."""
    if not 1 <= year <= 9999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    counted = year * 12 + month - 1 + months
    return counted // 12, counted % 12 + 1


def day_possible(month: int, day: int) -> bool:
    """Whether a day of a month exists in some year (29 February does, 30 February does not)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]


# -- the pieces of a date --------------------------------------------------------------------

CYRILLIC_MONTH = rf"(?i:(?:{RUSSIAN_MONTH}){NOT_CYRILLIC_AFTER}|{KAZAKH_MONTH})"
# English months must be capitalised in prose so the verbs "may" and "march" stay verbs.
# Only an abbreviation takes a full stop ("Sept. 3"): after "March" it ends the sentence, and a
# highlight or the Candidates pane's figure must not take it in ("from 17 to 19 March.").
ENGLISH_MONTH = rf"(?:(?:{ENGLISH_MONTH_FULL})\b|(?:{ENGLISH_MONTH_ALTERNATION})\b\.?)"


def month(name: str = "month") -> str:
    return rf"(?P<{name}>{ENGLISH_MONTH}|{CYRILLIC_MONTH})"


def year(name: str = "year") -> str:
    return rf"(?P<{name}>[12]\d{{3}})"


# A day may carry an English ordinal ("3rd") or a Kazakh case ending after a hyphen ("25-інде").
DAY_ENDING = rf"(?:{ORDINAL_SUFFIX}|-(?:інде|ында|нде|нда|інен|ынан|сінен|сынан|іне|ына|сіне|сына|і|ы|сі|сы|ші|шы|ден|дан|тен|тан|нен|нан|не|на|ге|ға)){NOT_CYRILLIC_AFTER}"


def day(name: str = "day") -> str:
    return rf"(?P<{name}>[0-3]?\d)(?:{DAY_ENDING})?"


YEAR_WORD_AFTER = rf"(?:{YEAR_MARKER})?"
# "2015 жылғы 21 желтоқсан", "1991 жылдың 16 желтоқсанында": Kazakh writes the year first.
KAZAKH_YEAR_BEFORE = r"\s*(?i:жылғы|жылдың|жылы|ж\.)\s+"
# "жылы", "жылдан", "жылға дейін", "жылдары": a year followed by any form of "жыл".
KAZAKH_ANY_YEAR_WORD = rf"\s*(?i:жыл[{CYRILLIC_LETTER}]*|ж\.)"
# "в 2012-м году", "2013-го года", "в 2011-м": Russian ordinal endings on a year.
RUSSIAN_YEAR_ENDING = r"-(?:м|го|й|х|му|ом)"
_NOT_AMOUNT_AFTER_DAY = rf"(?![\d%]|[.,]\d)(?!\s*(?i:{AMOUNT_WORDS_AFTER_DAY}))"
_KAZAKH_MONTH_ONLY = r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйе[кг]|қазан|қараша|желтоқсан)"


def _read_full(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    groups = match.groupdict()
    month_text = groups.get("month")
    month_value = None if month_text is None else month_number(month_text)
    if month_text is not None and month_value is None:
        return None
    day_text = groups.get("day")
    return date_reading(iso_date(int(groups["year"]), month_value, int(day_text) if day_text else None))


_ENGLISH_DAY_ORDINALS = {word: index + 1 for index, word in enumerate([
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth",
    "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
])}
_ENGLISH_DAY_ORDINAL = "|".join(sorted(_ENGLISH_DAY_ORDINALS, key=len, reverse=True))


def _read_day_in_words(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    """"on the first of March 2020": the day written as an ordinal word."""
    month_value = month_number(match.group("month"))
    day_value = _ENGLISH_DAY_ORDINALS[match.group("dayword").lower()]
    if month_value is None or not day_possible(month_value, day_value):
        return None
    return date_reading(iso_date(int(match.group("year")), month_value, day_value))


def _read_numeric(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    groups = match.groupdict()
    month_value, day_text = int(groups["month"]), groups.get("day")
    day_value = int(day_text) if day_text else None
    if groups.get("separator") == "/" and day_value is not None and month_value > 12 >= day_value:
        # Slashes are written both ways; only a day above 12 tells them apart, otherwise day first.
        day_value, month_value = month_value, day_value
    return date_reading(iso_date(int(groups["year"]), month_value, day_value))


def read_month_day(match: re.Match[str], publication: Publication | None) -> DateReading | None:
    """A day and month without a year: the year comes from the publication date."""
    groups = match.groupdict()
    month_value = month_number(groups["month"])
    day_text = groups.get("day")
    day_value = int(day_text) if day_text else None
    if month_value is None or (day_value is not None and not day_possible(month_value, day_value)):
        return None
    if publication is None:
        return needs("date")
    if since_a_state(match.string, match.start()):
        publication = replace(publication, context_tense="since", context_tense_decides=True)
    elif _PAST_PARTICIPLE_BEFORE_RE.search(match.string[max(0, match.start() - 40):match.start()] + (
            inside.group() if (inside := re.match(r"(?i:в|во)\s+", match.group())) else "")):
        publication = replace(publication, context_tense="past", context_tense_decides=True)
    year_value = anchored_year(month_value, publication, match.string, day_value)
    return date_reading(iso_date(year_value, month_value, day_value), relative=True)


def _read_year(match: re.Match[str], _publication: Publication | None) -> DateReading | None:
    value = int(match.group("year"))
    if value > _LATEST_YEAR and re.search(r"(?i:жыл|год|лет)\s*$", match.group(0)):
        return None  # "2500 жыл", "2500 лет": a span of years, not a year
    return date_reading(iso_date(value))


_LATEST_YEAR = 2100


def _pattern(regex: str, read: DateReader, *, ignore_case: bool) -> DatePattern:
    return DatePattern(re.compile(regex, re.IGNORECASE if ignore_case else 0), read)


def _single_date_patterns(*, ignore_case: bool) -> tuple[DatePattern, ...]:
    """Dates with their year written, most specific first."""
    return (
        _pattern(rf"(?<![\w-]){year()}-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?(?![\d-])", _read_numeric,
                 ignore_case=ignore_case),
        _pattern(rf"(?<![\w-]){year()}/(?P<month>[01]\d)/(?P<day>[0-3]\d)(?![\d])", _read_numeric,
                 ignore_case=ignore_case),
        # "02.12.2026", "2/12/2026", "02-12-2026" (a release's date line).
        _pattern(r"(?<![\d.-])(?P<day>[0-3]?\d)(?P<separator>[./-])(?P<month>[0-3]?\d)(?P=separator)(?P<year>[12]\d{3})"
                 r"(?![\d])", _read_numeric, ignore_case=ignore_case),
        _pattern(rf"(?<![\w.]){year()}{KAZAKH_YEAR_BEFORE}{day()}\s+{month()}", _read_full, ignore_case=ignore_case),
        _pattern(rf"(?<![\d]){day()}\s+(?:of\s+)?{month()},?\s+{year()}(?!\d){YEAR_WORD_AFTER}", _read_full,
                 ignore_case=ignore_case),
        _pattern(rf"(?<![\w-])(?:(?i:the)\s+)?(?P<dayword>(?i:{_ENGLISH_DAY_ORDINAL}))\s+(?i:of)\s+{month()},?\s+{year()}"
                 r"(?!\d)", _read_day_in_words, ignore_case=ignore_case),
        _pattern(rf"{month()}\s+{day()},?\s+{year()}(?!\d)", _read_full, ignore_case=ignore_case),
        _pattern(rf"(?<![\w.]){year()}{KAZAKH_YEAR_BEFORE}{month()}(?:\s+(?i:айы[{CYRILLIC_LETTER}]*))?", _read_full,
                 ignore_case=ignore_case),
        _pattern(rf"(?<![\w]){month()}\s+(?:of\s+)?{year()}(?!\d){YEAR_WORD_AFTER}", _read_full,
                 ignore_case=ignore_case),
        _pattern(r"(?<![\w.])(?P<month>0[1-9]|1[0-2])\.(?P<year>[12]\d{3})(?![\d])", _read_numeric,
                 ignore_case=ignore_case),
    )


def _month_without_year_patterns() -> tuple[DatePattern, ...]:
    return (
        # "маусымның 25-інде", "қараша айының 25-і күні": Kazakh puts the month first, in the genitive.
        _pattern(rf"(?<![\w])(?P<month>(?i:{_KAZAKH_MONTH_ONLY}))(?i:ның|нің|\s+айының)\s+(?P<day>[0-3]?\d)"
                 rf"-[{CYRILLIC_LETTER}]+(?:\s+(?i:күні))?", read_month_day, ignore_case=False),
        # (A number right after the month is its year or a day of another reading. After an English month and a comma
        # only a year is: "on 8 April, 1.2 m above the critical level", "as of 9 April, two people" (read "2 people")
        # name the day, and a figure of the sentence follows.)
        _pattern(rf"(?<![\d]){day()}\s+(?:of\s+)?{month()}(?!\s*\d)"
                 r"(?:(?<=[A-Za-z.])(?!,\s*[12]\d{3}(?![\d]|[.,]\d))|(?<![A-Za-z.])(?!,\s*\d))",
                 read_month_day, ignore_case=False),
        # "September 4", "Наурыздың 25-інде"; Russian puts the day first ("в сентябре четыре лаборатории"
        # is no date).
        # ("маусымына 12 мың текше метр": "маусым" is also a season, and a dative is no day's month.)
        # (Nor does a Kazakh month in the locative or ablative: "ақпанда екі келісімге" is "in February, two …".)
        _pattern(rf"(?<![\w])(?!(?i:{RUSSIAN_MONTH}){NOT_CYRILLIC_AFTER})(?![{CYRILLIC_LETTER}]+(?:ына|іне|ға|ге|қа|ке)\s)"
                 rf"(?!(?i:{_KAZAKH_MONTH_ONLY})(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен)\s)"
                 rf"{month()}\s+(?P<day>[0-3]?\d){ORDINAL_SUFFIX}?"
                 rf"{_NOT_AMOUNT_AFTER_DAY}",
                 read_month_day, ignore_case=False),
        _pattern(rf"(?<![\w])(?i:{ENGLISH_MONTH_PREPOSITIONS})\s+(?P<month>{ENGLISH_MONTH_FULL})(?![\w])(?!\s*\d)",
                 read_month_day, ignore_case=False),
        # "at its September meeting", "the October auction": a month before a noun, after a possessive
        # or an article, names when that event is.
        # ("book ahead for January departures": after "for" too.)
        _pattern(rf"(?:(?<=its )|(?<=the )|(?<=their )|(?<=this )|(?<=our )|(?<=his )|(?<=her )|(?<=for ))"
                 rf"(?P<month>{ENGLISH_MONTH_FULL})(?=\s+[a-z]{{3,}})(?!\s+(?:of|to|and|or|in|on|at|is|was)(?![\w]))",
                 read_month_day, ignore_case=False),
        # "A fix is planned for November", "scheduled for January": the month a plan is set for (after "for" alone a
        # month may be a name, "Thanks for May", so only after a plan's participle).
        _pattern(r"(?:(?<=planned for )|(?<=scheduled for )|(?<=slated for )|(?<=set for )|(?<=due for ))"
                 rf"(?P<month>{ENGLISH_MONTH_FULL})(?![\w])(?!\s*\d)",
                 read_month_day, ignore_case=False),
        # "in mid-May", "in early June": the month.
        _pattern(rf"(?<![\w])(?:(?i:in|by|until|since)\s+)?(?i:mid-|early\s+|late\s+)(?P<month>{ENGLISH_MONTH_FULL})(?![\w])"
                 r"(?!\s*\d)", read_month_day, ignore_case=False),
        # (A number after the month is its year or day, unless a noun follows it: "в сентябре 4 лаборатории".)
        _pattern(rf"(?<![\w])(?:(?i:{RUSSIAN_MONTH_PREPOSITIONS})\s+)?(?P<month>(?i:{RUSSIAN_MONTH})){NOT_CYRILLIC_AFTER}"
                 r"(?!\s*\d(?![\d.,]*\s+(?!год|г\.|гг)[а-яё]{3,}))", read_month_day, ignore_case=False),
        # "наурыздың ортасында", "қараша айының соңында": the middle, start or end of a month is the month.
        _pattern(rf"(?<![\w])(?P<month>(?i:{_KAZAKH_MONTH_ONLY}))(?i:ның|нің|дың|дің|тың|тің|\s+айының)\s+"
                 rf"(?i:орта|бас|соң|аяғ|аяқ)[{CYRILLIC_LETTER}]*", read_month_day, ignore_case=False),
        # "наурызда", "мамыр айында", "қазан айындағы": a Kazakh month in the locative, or with "айы".
        # (The "-дағы" adjective takes a case of its own: "тамыздағыдан 1,3 есе көп", more than August's.)
        # ("тамызбен салыстырғанда": compared with August, the instrumental; "ақпанға жоспарланған", planned for
        # February, the dative; "наурыздан бастап ұшады", from March on, the ablative.)
        _pattern(rf"(?<![\w])(?P<month>(?i:{_KAZAKH_MONTH_ONLY})(?:да|де|та|те|нда|нде|ында|інде|мен|бен|пен|ға|ге|қа|ке"
                 rf"|дан|ден|тан|тен|нан|нен"
                 rf"|(?:дағы|дегі|тағы|тегі)(?:дан|ден|нан|нен|ға|ге|на|не|мен)?)"
                 rf"|(?i:{_KAZAKH_MONTH_ONLY})\s+(?i:айы[{CYRILLIC_LETTER}]*)){NOT_CYRILLIC_AFTER}",
                 read_month_day, ignore_case=False),
    )


def _year_patterns() -> tuple[DatePattern, ...]:
    return (
        _pattern(rf"(?<![\w.\d]){year()}(?:{RUSSIAN_YEAR_ENDING})?{YEAR_MARKER}", _read_year, ignore_case=False),
        _pattern(rf"(?<![\w.\d]){year()}{KAZAKH_ANY_YEAR_WORD}", _read_year, ignore_case=False),
        _pattern(rf"(?<![\w.\d]){year()}{RUSSIAN_YEAR_ENDING}{NOT_CYRILLIC_AFTER}", _read_year, ignore_case=False),
        # "mid-2019", "early 2020", "by the end of 2023": the year, as precisely as it is said.
        _pattern(r"(?<![\w])(?i:mid|early|late|the end of|end of|the beginning of|beginning of)[\s-]*"
                 rf"{year()}(?!\d)", _read_year, ignore_case=False),
    )


PROSE_SINGLE_DATES = _single_date_patterns(ignore_case=False)
PROSE_MONTHS_WITHOUT_YEAR = _month_without_year_patterns()
PROSE_YEARS = _year_patterns()
_TYPED_DATE_PATTERNS = (*_single_date_patterns(ignore_case=True), *_year_patterns())


def parse_date_text(text: str) -> str | None:
    """Parse a date typed into the editor into a truncated ISO string, or None.

    Accepts "1996", "1996-02", "1996-02-02", "1996/02/02", "2 Feb 1996", "February 2, 1996",
    "Feb 1996", "02.02.1993" (day first, as written in Kazakhstan and Europe), "02.1993",
    "2 февраля 1993 года", "1993 г.", "1993 жылғы 2 ақпан". Month names are case-insensitive.
    """
    stripped = text.strip()
    if re.fullmatch(r"[12]\d{3}", stripped):
        return stripped
    for pattern in _TYPED_DATE_PATTERNS:
        match = pattern.regex.fullmatch(stripped)
        if match is None:
            continue
        reading = pattern.read(match, None)
        if reading is not None and reading.value is not None:
            return reading.value.date
    return None
