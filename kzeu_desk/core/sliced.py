"""Whole-text string work done a slice at a time, so a worker thread lets others run between slices.

A single call into C (`str.translate`, a regular expression's `split`, `list(accumulate(...))`)
holds the interpreter lock from start to end: the interpreter offers the lock to other threads only
between bytecodes. On the 1 MB source of the generated fact bases, re-anchoring's digit masking (one
`translate`) held it 68-79 ms, the word split 47 ms and the running total of the word lengths 36 ms;
the window, which needs the lock for every call Qt makes into Python, froze that long each time (a
gap of 0.17 s at load 4, with no Python frame to sample). Cut into slices of 16k characters each
call takes ~1 ms, and the results are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import accumulate

SLICE = 16_384
# How far past a slice a match (with its look-arounds) is read before its end is trusted.
MARGIN = 1_024


def translate(text: str, table: Mapping[int, int | str | None]) -> str:
    """`text.translate(table)`, a slice at a time (a one-for-one or deleting table: slicing cannot
    change the result, each character is translated alone)."""
    if len(text) <= SLICE:
        return text.translate(table)
    return "".join([text[start:start + SLICE].translate(table) for start in range(0, len(text), SLICE)])


_NOT_A_WORD_CHARACTER = re.compile(r"\W")
_WHITE_SPACE = re.compile(r"\s")


def lower(text: str) -> str:
    """`text.lower()`, a slice at a time (33-56 ms whole on the 1 MB source). Each slice ends just
    before white space: the one character whose lower case depends on its neighbours, a Greek final
    sigma, looks past letters and marks only, never past white space."""
    if len(text) <= SLICE:
        return text.lower()
    parts = []
    start = 0
    while start < len(text):
        end = min(start + SLICE, len(text))
        if end < len(text):
            cut = _WHITE_SPACE.search(text, end)
            end = cut.start() if cut is not None else len(text)
        parts.append(text[start:end].lower())
        start = end
    return "".join(parts)


def split_words(pattern: re.Pattern[str], text: str) -> list[str]:
    """`pattern.split(text)` for a pattern of one captured run of word characters (`(\\w+)`), a slice
    at a time: [separator, word, separator, ..., separator], separators possibly empty. Each slice
    ends just before a non-word character, so no word is cut; the separator on either side of a cut
    is joined back into one."""
    if len(text) <= SLICE:
        return pattern.split(text)
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + SLICE, len(text))
        if end < len(text):
            cut = _NOT_A_WORD_CHARACTER.search(text, end)
            end = cut.start() if cut is not None else len(text)
        part = pattern.split(text[start:end])
        if pieces:
            pieces[-1] += part[0]  # a separator ended the last slice and one starts this one
            pieces.extend(part[1:])
        else:
            pieces = part
        start = end
    return pieces


def running_lengths(pieces: list[str]) -> list[int]:
    """`list(accumulate(map(len, pieces)))`, a slice at a time."""
    totals: list[int] = []
    total = 0
    for start in range(0, len(pieces), SLICE):
        part = list(accumulate(map(len, pieces[start:start + SLICE]), initial=total))
        total = part[-1]
        totals.extend(part[1:])
    return totals


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, a slice at a time, for a pattern that never matches the empty string.

    One `next()` of a whole-text `finditer` scans, in C, from the last match to the next one: with
    matches rare, most of the text (folding's pattern of six alternatives held the interpreter lock
    0.35-0.61 s on the 1 MB source). Here each search ends `MARGIN` characters past its slice
    (`endpos`; what lies before the slice is still seen by a look-behind). A match starting in the
    slice and ending before that window's last character is the one the whole search finds there,
    unless it was made by reading to the window's end (a look-ahead, a run cut short): such a match
    ends at the window's end too, and then the search goes on over the whole rest of the text from
    the last match given, as the whole search would."""
    length = len(text)
    position = 0
    while position < length:
        end = min(length, position + SLICE)
        window = min(length, end + MARGIN)
        for match in pattern.finditer(text, position, window):
            if match.start() >= end:
                break
            if window < length and match.end() >= window - 1:
                yield from pattern.finditer(text, position)  # a match the window may have cut: no more slices
                return
            yield match
            position = match.end()
        position = max(position, end)
