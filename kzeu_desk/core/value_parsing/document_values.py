"""Every figure, date and range in a whole document, each with the sentence it is stated in and a
score for how fact-like it is: the Candidates pane lists them best first.

How fact-like, in points (the reason is shown with each candidate):
  money 60, a percentage 50 (in words 45), a count or measured quantity 40, a date range 28,
  a date 25, a date counted from publication 20, one that needs the publication date 15, an
  ordinal ("the fifth round") 10, a bare number 5, a date right after a verb of saying ("officials
  said on Monday") or in a dateline ("ASTANA, 16 December 2025 –"), the date of the report, not of
  the fact, 5 with no bonus; a figure with a date in its sentence +20 ("trade reached US$40 billion in 2022"), a
  sentence that states it with a verb such as "reached", "составил" or "құрады" +10.
So a money amount with a year ranks far above a lone number, and a bare number in a sentence with
no verb (a list item, a table cell) ranks last. Parts of documents ("Article 5", "page 45") are
never candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.candidates import Candidate, Salience
from kzeu_desk.core.value_parsing.dates import Publication, parse_publication, tense_at
from kzeu_desk.core.value_parsing.figure_words import REPORTING_VERB_BEFORE, STATEMENT_VERBS
from kzeu_desk.core.value_parsing.numbers import bound_words_around
from kzeu_desk.core.value_parsing.scanning import scan
from kzeu_desk.core.value_parsing.previous_sentence import counted_by_the_sentence_before
from kzeu_desk.core.value_parsing.sentences import sentence_spans, text_before
from kzeu_desk.core.value_parsing.suggestion import RUSSIAN_CURRENCY_COUNTED_RE, SCALE_WORD_RE, note_for, suggest

_STATEMENT_VERB_RE = re.compile(STATEMENT_VERBS, re.IGNORECASE)
_REPORTING_VERB_BEFORE_RE = re.compile(REPORTING_VERB_BEFORE, re.IGNORECASE)
_DATE_OF_THE_REPORT = 5
# "ASTANA, 16 December 2025 – …", "АСТАНА, 16 декабря –": a dateline dates the report, as a verb of saying does.
_DATELINE_BEFORE_RE = re.compile(r"\s*[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][A-ZА-ЯЁӘІҢҒҮҰҚӨҺ .'-]+,\s*$")
_DASH_AFTER_RE = re.compile(r"\s*[–—-]\s")
# A clock time ("с 10:00 до 19:00", "from 9:00 to 18:00", "at 14:30") says when in a day, a timetable's or an
# opening hour's, never a figure of a fact: its hours and minutes are no candidates. Read as numbers they became counts
# of the sentence's subject ("10" museums) and, beside a weekday, outranked a page's money (set 53's museum page).
# An hour up to 24 and two digits of minutes; a map scale "1:50 000" goes on in digits and is left alone.
_CLOCK_TIME_RE = re.compile(r"(?<![\d:.,])(?:[01]?\d|2[0-4]):[0-5]\d(?![\d:])(?![ \u00a0]\d{3}(?!\d))")
_POINTS = {
    Salience.MONEY: 60, Salience.PERCENT_DIGITS: 50, Salience.PERCENT_WORDS: 45, Salience.SUBSTANTIAL_QUANTITY: 40,
    Salience.DATE: 25, Salience.RELATIVE_DATE: 20, Salience.UNANCHORED_DATE: 15, Salience.ORDINAL: 10,
    Salience.BARE_NUMBER: 5,
}
_WITH_A_DATE = 20
_STATED = 10
_DATE_RANGE_OVER_DATE = 3
_KIND_WORDS = {
    ValueKind.MONEY: "money", ValueKind.PERCENT: "a percentage", ValueKind.COUNT: "a count",
    ValueKind.QUANTITY: "a quantity", ValueKind.DATE: "a date", ValueKind.DATE_RANGE: "a date range",
    ValueKind.TEXT: "a date that needs the publication date",
}


@dataclass(frozen=True, slots=True)
class FoundValue:
    """A figure or date in a document: where it is, the sentence that states it, what it reads as."""

    start: int  # the figure, in code points
    end: int
    sentence_start: int  # the sentence, cited as the evidence of a fact made from it
    sentence_end: int
    value: TypedValue
    note: str | None  # set when it needs the publication date to be read
    score: int  # how fact-like, higher first
    reason: str  # the score in words


def find_values(text: str, published: str | None) -> list[FoundValue]:
    """Every candidate of `text`, in text order."""
    publication = parse_publication(published)
    found: list[FoundValue] = []
    before = ""
    for sentence_start, sentence_end in sentence_spans(text):
        found.extend(_in_sentence(text, sentence_start, sentence_end, publication, before, published))
        before = text[sentence_start:sentence_end]
    return found


def _as_ctrl_n_reads(candidate: Candidate, text: str, start: int, end: int, published: str | None,
                     before: str) -> Candidate:
    """The candidate with the value Ctrl+N suggests for its span in the same context (its sentence, the sentence
    before, the text before them), where the scan's reading lacks a step Ctrl+N takes: Enter makes a draft fact of
    it, so it must be the value a highlight of the same words would get.

    Two classes, where Ctrl+N's reading differs and is the better one (sets 15-39, 7,956 candidates): a bare
    figure (what a noun elsewhere in the sentence or the sentence before counts, the unit of a parallel figure, an
    age at death, the currency named before a scaled figure: 103 candidates) and a count with a scale word ("около
    300 млн покрыли", a part of the money before: 1). Elsewhere the scan's reading stands: its span leaves out the
    bound word it read ("within" of "within 30 days", which Ctrl+N, given only "30 days", rightly drops) or the step
    it read ("two years [later]"), so Ctrl+N on the span alone is the poorer reading (35 highlights lost, 37 gained,
    when every candidate took it). A date counted from publication differs in 1 candidate of 7,956 ("1 June" read by
    its sentence's tense) but would cost a suggestion for each of them, 4 in 5 of those asked (+2 s on 1 MB): left.
    Bare figures are about 3 % of candidates (64 of 2,215 in 60 articles), each a suggestion of ~1.4 ms CPU (docs/VALUE_SUGGESTIONS.md)."""
    value = candidate.value
    bare = value.kind is ValueKind.QUANTITY and not value.unit
    scaled_count = value.kind is ValueKind.COUNT and SCALE_WORD_RE.search(text, start + candidate.start,
                                                                          start + candidate.end) is not None
    # "с 21,1 тыс. до 35,2 тыс. тенге": a count of a currency is the first end of a range of amounts, money as
    # Ctrl+N reads it (sets 60 and 61; rare, so the suggestion it costs is rare too).
    scaled_count = scaled_count or (value.kind is ValueKind.COUNT and value.unit is not None
                                    and RUSSIAN_CURRENCY_COUNTED_RE.fullmatch(value.unit) is not None)
    if not (bare or scaled_count):
        return candidate
    at, to = start + candidate.start, start + candidate.end
    read = suggest(text[at:to], published=published, context=text[start:end], before=before,
                   earlier=text_before(text, at, to)).value
    # (The salience, and so the score, stays the scan's: ranked as a count or money, the bare figures that take a
    # noun or currency from elsewhere put 6 more non-facts in the top ten of sets 16, 31, 38 and 39.)
    if (read.kind is ValueKind.MONEY and (bare or scaled_count)) \
            or (bare and read.kind in (ValueKind.COUNT, ValueKind.QUANTITY)):
        return replace(candidate, value=read)
    return candidate


def _with_their_bound_words(candidates: list[Candidate], text: str, start: int, end: int, published: str | None,
                            before: str) -> list[Candidate]:
    """Each candidate whose value holds a bound, its span widened over the bound word right before or after it that
    its span leaves out, where Ctrl+N reads the widened span as the same value: the curator sees the figure with its
    bound in bold, and a highlight of those words reads as the draft Enter makes.

    The scan reads a time limit as a ceiling from the words around the figure ("within 30 days of …", "в течение
    30 дней со дня …", "… кейін 30 күн ішінде") but spans only the figure, so Ctrl+N on its span read the plain
    span of time: 26 of the 7,952 candidates of sets 15-39 (docs/VALUE_SUGGESTIONS.md). Only a value with a bound
    is widened, and only where Ctrl+N agrees: "over three years" (a stretch of time), "до 2030 года" (a date) and
    "60 пайызға дейін азайтады" (the level a change reaches) stay as the scan spans them. Values with a bound are
    under a fifth of the candidates and a bound word outside their span is rare (29 widened in sets 15-39, the 26
    and "жартысына жуығын", nearly half, twice), so the suggestion (~1.4 ms) is asked for a few in a thousand."""
    sentence = text[start:end]
    result = []
    for number, candidate in enumerate(candidates):
        value = candidate.value
        # (A range's ends are its numbers, not a bound: "within 12-18 months" reads as 12-18 months.)
        one_sided = (value.lower is None) != (value.upper is None)
        if not value.kind.is_numeric or not (one_sided or value.approximate):
            result.append(candidate)
            continue
        at, to = bound_words_around(sentence, candidate.start, candidate.end)
        neighbours = result[-1:] + candidates[number + 1:number + 2]  # (the one before as widened)
        if (at, to) == (candidate.start, candidate.end) \
                or any(other.start < to and at < other.end for other in neighbours):
            result.append(candidate)
            continue
        read = suggest(sentence[at:to], published=published, context=sentence, before=before,
                       earlier=text_before(text, start + at, start + to)).value
        result.append(replace(candidate, start=at, end=to) if read == value else candidate)
    return result


# A scale word that, with no unit after it, is money in prose ("около 300 млн" of "из них около 300 млн покрыли").


def _in_sentence(text: str, start: int, end: int, publication: Publication | None, before: str,
                 published: str | None) -> list[FoundValue]:
    sentence = text[start:end]
    # "Another seven are at the feasibility stage": a bare number may count what the sentence before named.
    candidates = _without_overlaps(counted_by_the_sentence_before(scan(sentence, publication), sentence, before))
    if ":" in sentence and (clock_times := [(m.start(), m.end()) for m in _CLOCK_TIME_RE.finditer(sentence)]):
        candidates = [c for c in candidates if all(c.end <= s or e <= c.start for s, e in clock_times)]
    if not candidates:
        return []
    candidates = _with_their_bound_words(
        [_as_ctrl_n_reads(candidate, text, start, end, published, before)
         for candidate in _dated_by_their_clause(candidates, sentence, publication)],
        text, start, end, published, before)
    candidates = [_dated_from_the_date_before(candidate, text, start, end, published, before)
                  for candidate in candidates]
    dates = [c for c in candidates if c.value.kind.is_temporal or c.missing is not None]
    reported_on = [d for d in dates if _REPORTING_VERB_BEFORE_RE.search(sentence[:d.start])
                   or (_DATELINE_BEFORE_RE.match(sentence[:d.start]) and _DASH_AFTER_RE.match(sentence, d.end))]
    # "Exports rose 5%, the ministry said on Monday": the report's date does not date the figure.
    dates = [d for d in dates if d not in reported_on]
    stated = _STATEMENT_VERB_RE.search(sentence) is not None
    found = []
    for candidate in candidates:
        if candidate in reported_on:
            score, reason = _DATE_OF_THE_REPORT, "the date of the report, not of the fact"
        else:
            score, reason = _fact_likeness(candidate, has_date=any(d is not candidate for d in dates), stated=stated)
        found.append(FoundValue(start + candidate.start, start + candidate.end, start, end, candidate.value,
                                note_for(candidate), score, reason))
    return found


# "applied for asylum five months later", "reopened ten days later": a span of time with "later" after it (English).
_LATER_AFTER_RE = re.compile(r"[ \u00a0]+(?:later|afterwards)(?![\w])")


def _dated_from_the_date_before(candidate: Candidate, text: str, start: int, end: int, published: str | None,
                                before: str) -> Candidate:
    """A span of days, weeks or months with "later" after it, widened over "later" where Ctrl+N reads the widened span
    as a date counted from a date named before it ("left in August 2021 and applied five months later" is January
    2022, set 65): listed as the date a highlight of those words gets. (Only a quantity in those units with "later"
    right after it asks for a suggestion: a few in a thousand candidates.)"""
    value = candidate.value
    if value.kind is not ValueKind.QUANTITY or (value.unit or "").lower() not in _LATER_UNITS \
            or (later := _LATER_AFTER_RE.match(text, start + candidate.end)) is None:
        return candidate
    at = start + candidate.start
    read = suggest(text[at:later.end()], published=published, context=text[start:end], before=before,
                   earlier=text_before(text, at, later.end())).value
    if read.kind is not ValueKind.DATE:
        return candidate
    return replace(candidate, end=later.end() - start, value=read, salience=Salience.RELATIVE_DATE)


_LATER_UNITS = frozenset({"days", "day", "weeks", "week", "months", "month"})


def _dated_by_their_clause(candidates: list[Candidate], sentence: str, publication: Publication | None) -> list[Candidate]:
    """A month or day without a year re-read by its own clause's tense where that differs from the sentence's
    ("said in May that it would …", "…, а в ноябре стенд появится"), as Ctrl+N reads it (`tense_at`)."""
    if publication is None:
        return candidates
    rescans: dict[str | None, list[Candidate]] = {}
    result = []
    for candidate in candidates:
        if candidate.salience is Salience.RELATIVE_DATE and candidate.value.kind.is_temporal:
            tense, decided = tense_at(sentence, candidate.start)
            if decided:
                if tense not in rescans:
                    rescans[tense] = scan(sentence, replace(publication, context_tense=tense, context_tense_decides=True))
                same = [c for c in rescans[tense] if (c.start, c.end) == (candidate.start, candidate.end)
                        and c.value.kind.is_temporal]
                if same:
                    candidate = replace(candidate, value=same[0].value)
        result.append(candidate)
    return result


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """One reading per stretch of text: where readings overlap, the most salient one."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.salience, c.start)):
        if all(candidate.end <= other.start or other.end <= candidate.start for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _fact_likeness(candidate: Candidate, *, has_date: bool, stated: bool) -> tuple[int, str]:
    kind = candidate.value.kind
    score = _POINTS[candidate.salience]
    words = _KIND_WORDS.get(kind, "a number")
    if candidate.salience is Salience.BARE_NUMBER:
        # ("1,420" of "… 17 cooperatives; 1,420 farmers joined them" … read as Ctrl+N reads it: farmers.)
        words = "a number without a unit" if not kind.is_numeric or (kind is ValueKind.QUANTITY and not candidate.value.unit) \
            else f"{words}, its noun or currency read from the text around it"
    if candidate.salience is Salience.ORDINAL:
        words = "which of a series"
    if kind is ValueKind.DATE_RANGE:
        score += _DATE_RANGE_OVER_DATE
    reasons = [words]
    if kind.is_numeric and has_date:
        score += _WITH_A_DATE
        reasons.append("with a date")
    if stated:
        score += _STATED
        reasons.append("in a sentence that states it")
    return score, ", ".join(reasons)
