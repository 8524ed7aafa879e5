"""Sentences of a text, as spans: the evidence a figure found in an article is cited with.

A line break always ends a sentence (headlines, list items and paragraphs stand alone). Inside a
line, ". ", "! ", "? " and "…" end one when a capital letter, a digit or an opening quote follows,
unless the word before the full stop is an abbreviation ("U.S.", "No.", "г.", "долл.", "ж.") or
a single initial ("K. Tokayev"). Scales ("bn.", "млрд.") end sentences: before a capital they do.
"""

from __future__ import annotations

import re

from kzeu_desk.core.value_parsing.alphabet import CYRILLIC_LETTER
from kzeu_desk.core.value_parsing.counted_words import MEASURE_ABBREVIATIONS

# Words that end with a full stop without ending a sentence, in the three languages.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "art", "para", "p", "pp", "vol", "ch", "sec", "fig",
    "e.g", "i.e", "etc", "vs", "approx", "est", "inc", "ltd", "co", "corp", "dept", "gov", "min", "max",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.u",
    "us",
    "г", "гг", "ж", "жж", "т.е", "т.к", "т.д", "т.п", "т.б", "руб", "долл",
    "коп", "ст", "п", "пп", "см", "им", "ул", "д", "обл", "р-н", "акад", "проф", "доц", "г-н", "г-жа",
    "т.с.с", "бб", "б", "мыс", "т", "ш", "шақ",
})
_END_RE = re.compile(
    r"(?P<stop>[.!?…]+)(?P<closing>[\"»”’)\]]*)(?P<space>\s+)(?=[\"«“‘(\[—–-]?\s?[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ\d])"
)
_LAST_WORD_RE = re.compile(rf"([A-Za-z{CYRILLIC_LETTER}А-ЯЁӘІҢҒҮҰҚӨҺ.\-]+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, without the spaces around it; empty lines give none."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        _split_line(line, line_start, spans)
        line_start += len(line) + 1
    return spans


# "240 тыс. ДФЭ", "1.2 mln. TEU": a scale abbreviated before a unit in capitals ends no sentence.
_SCALE_BEFORE_RE = re.compile(r"\d[\d,.\s]*\s(?:тыс|млн|млрд|трлн|mln|bn)$", re.IGNORECASE)
_UNIT_AFTER_RE = re.compile(rf"{MEASURE_ABBREVIATIONS}(?![\w])")


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    start = 0
    for match in _END_RE.finditer(line):
        if match.group("stop") == "." and _is_abbreviation(line[start : match.start()]):
            continue
        if match.group("stop") == "." and _SCALE_BEFORE_RE.search(line, max(start, match.start() - 30), match.start()) \
                and _UNIT_AFTER_RE.match(line, match.end()):
            continue
        _add(line, offset, start, match.end("closing"), spans)
        start = match.end()
    _add(line, offset, start, len(line), spans)


def _is_abbreviation(before_stop: str) -> bool:
    word = _LAST_WORD_RE.search(before_stop)
    if word is None:
        return False
    lowered = word.group(1).lower().strip(".-")
    return lowered in ABBREVIATIONS or (len(lowered) == 1 and lowered.isalpha())


def _add(line: str, offset: int, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = line[start:end]
    stripped_start = start + len(piece) - len(piece.lstrip())
    stripped_end = end - (len(piece) - len(piece.rstrip()))
    if stripped_end > stripped_start:
        spans.append((offset + stripped_start, offset + stripped_end))


# How far around a highlight its sentence is looked for: longer sentences are rare in news, and a
# bounded window keeps Ctrl+N's cost independent of the article's length.
_SENTENCE_WINDOW = 600


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of `text` that the span [start, end) lies in."""
    window_start = max(0, start - _SENTENCE_WINDOW)
    window = text[window_start:min(len(text), end + _SENTENCE_WINDOW)]
    first, last = start - window_start, end - window_start
    covering = [(s, e) for s, e in sentence_spans(window) if s < max(last, first + 1) and e > first]
    if not covering:
        return text[start:end]
    return window[covering[0][0]:covering[-1][1]]


def sentence_before(text: str, start: int, end: int) -> str:
    """The sentence before the one the span [start, end) starts in ("" when it opens the text): a bare
    number may count what that sentence named ("… three projects. Another seven …")."""
    window_start = max(0, start - _SENTENCE_WINDOW)
    window = text[window_start:min(len(text), max(end, start + 1))]
    first = start - window_start
    earlier = [(s, e) for s, e in sentence_spans(window) if e <= first]
    return window[earlier[-1][0]:earlier[-1][1]] if earlier else ""


def text_before(text: str, start: int, end: int) -> str:
    """The text of up to 600 characters before the sentence before the span's: a scaled figure with no unit
    ("roughly six billion") may be money in the currency named there ("We announced ten billion euros. … First,
    money. Of those ten billion, roughly six billion …")."""
    window_start = max(0, start - _SENTENCE_WINDOW)
    window = text[window_start:min(len(text), max(end, start + 1))]
    first = start - window_start
    earlier = [(s, e) for s, e in sentence_spans(window) if e <= first]
    return window[earlier[0][0]:earlier[-1][0]] if len(earlier) > 1 else ""
