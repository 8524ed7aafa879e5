"""The words a pattern's every match needs (`required_words`): a pattern is skipped only on a text that cannot
hold a match of it, so the date and word-figure readers find exactly what they found trying every pattern."""

from __future__ import annotations

import re

import pytest

from kzeu_desk.core.value_parsing import date_scan, word_figures
from kzeu_desk.core.value_parsing.date_scan import DATE_PATTERNS, scan_dates
from kzeu_desk.core.value_parsing.dates import parse_publication
from kzeu_desk.core.value_parsing.required_words import PatternGate
from kzeu_desk.core.value_parsing.word_figures import scan_word_figures

# Written for these tests (not from a labelled set): dates of every shape the readers know, in the three languages,
# and sentences with figures and no date at all.
SENTENCES = (
    "The plant opened on 3 March 2019 and doubled its output by the end of the year.",
    "Between January and April 2024 freight rose 12%, officials said on Thursday.",
    "In Q3 2023 the fund lent €45 million; in H1 it lent half as much.",
    "Over the past 18 months, some 2,400 farmers joined the cooperative.",
    "The mid-2010s saw a quarter of a century of talks end; a decade later the treaty was signed.",
    "Two years ago the port handled 78,000 TEU, against 64,000 the year before.",
    "С 1 по 15 сентября 2022 года в Алматы прошли три форума.",
    "В прошлом году товарооборот составил 3,2 млрд долларов, а во втором квартале вырос на 7%.",
    "Полвека назад здесь работали около 500 человек, в полтора раза больше, чем сейчас.",
    "2021 жылғы қаңтар мен наурыз аралығында экспорт 15 пайызға өсті.",
    "Былтыр 1 200-ге жуық студент шетелде оқыды, биыл олардың саны екі есе артты.",
    "Exports reached US$1.4 billion, up from 900 million, a third of it in grain.",
    "Нет ни одного числа в этом предложении.",
    "Nothing here is a figure.",
    "Τhe Greek capital letter starts this one: 5 May 2020.",  # (a Greek "Τ", not a Latin "T")
)


def _without_the_gate(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    gate = getattr(module, name)
    monkeypatch.setattr(module, name, type("Open", (), {"can_match": lambda self, text: [True] * len(gate._set_of)})())


@pytest.mark.parametrize("published", ["2024-06-15", None])
def test_the_date_reader_finds_the_same_dates_as_trying_every_pattern(monkeypatch: pytest.MonkeyPatch,
                                                                     published: str | None) -> None:
    publication = parse_publication(published)
    gated = [scan_dates(sentence, publication) for sentence in SENTENCES]
    _without_the_gate(monkeypatch, date_scan, "_GATE")
    every_pattern = [scan_dates(sentence, publication) for sentence in SENTENCES]
    assert gated == every_pattern
    assert sum(len(found) for found, _ in gated) >= 12  # (the sentences do hold dates)


def test_the_word_figure_reader_finds_the_same_figures_as_trying_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    gated = [scan_word_figures(sentence) for sentence in SENTENCES]
    _without_the_gate(monkeypatch, word_figures, "_GATE")
    assert gated == [scan_word_figures(sentence) for sentence in SENTENCES]
    assert any(gated)


def test_a_sentence_without_date_words_tries_few_of_the_date_patterns() -> None:
    # All 168 were tried on every sentence: 5 of the 12.5 s CPU of finding the candidates of 1 MB.
    tried = sum(date_scan._GATE.can_match("Exports rose 5% to 1,200 tonnes, the ministry reported."))
    assert tried < len(DATE_PATTERNS) // 4


def test_no_pattern_matches_where_the_gate_says_it_cannot() -> None:
    # Every date pattern on every sentence, and on each sentence with its dates blanked, as the reader blanks them.
    publication = parse_publication("2024-06-15")
    skipped = 0
    for sentence in SENTENCES:
        _, blanked = scan_dates(sentence, publication)
        for text in (sentence, blanked, sentence.upper()):
            for pattern, may_match in zip(DATE_PATTERNS, date_scan._GATE.can_match(text)):
                if not may_match:
                    skipped += 1
                    assert pattern.regex.search(text) is None, (pattern.regex.pattern[:80], text)
    assert skipped > len(SENTENCES) * len(DATE_PATTERNS)


def test_the_required_words_of_a_pattern() -> None:
    gate = PatternGate([
        re.compile(r"(?<![\w])(?:(?i:in)\s+)?(?P<m>January|February)\s+(?P<y>\d{4})"),
        re.compile(r"(?i:квартал[ае]?|тоқсан)"),
        re.compile(r"\d+\s*(?:%|per\s*cent)"),  # "%" or "per" (the space is not required)
        re.compile(r"(?:the\s+)?\d+"),  # nothing but a digit: always tried
    ])
    assert gate.can_match("In March 2020 output fell 4 per cent.") == [False, False, True, True]
    assert gate.can_match("in FEBRUARY 2020") == [True, False, False, True]  # lower-cased, as the engine folds
    assert gate.can_match("Во втором КВАРТАЛЕ") == [False, True, False, True]
    assert gate.can_match("5 %") == [False, False, True, True]
    # A letter the engine folds to an ASCII one other than by lower-casing (the Kelvin sign, "ſ"): all tried.
    assert gate.can_match("\u212a and ſ") == [True, True, True, True]


def test_blanking_never_makes_a_required_word() -> None:
    gate = PatternGate([re.compile(r"year\s+end")])
    assert gate.can_match("year-to-date end") == [True]  # both words are there: the pattern is tried
    assert gate.can_match("the ends") == [False]


def test_without_the_standard_pattern_reader_every_pattern_is_tried(monkeypatch):
    """The reader is a private module of the standard library; a Python without it gets no gate, not a crash."""
    from kzeu_desk.core.value_parsing import required_words

    monkeypatch.setattr(required_words, "_sre_parse", None)
    gate = PatternGate([re.compile(r"(?<!\w)январ[а-я]*"), re.compile(r"quarter")])
    assert gate.can_match("No month here at all.") == [True, True]
    assert PatternGate([re.compile(r"quarter")]).can_match("No month here at all.") == [True]
