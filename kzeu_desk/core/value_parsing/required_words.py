"""Which patterns can match a text at all, told from the words every match of each must contain.

The date readers try 168 patterns on every sentence (`date_scan.DATE_PATTERNS`); most begin with a look-behind
and an optional preposition, which leaves the regex engine no literal to skip ahead to, so each pattern is tried
at every position: 0.5 ms a sentence, 5 of the 12.5 s CPU that finding the candidates of a 1 MB source took
(docs/VALUE_SUGGESTIONS.md). Most patterns need a month name, a word such as "quarter" or "назад", or some
digit, and a sentence rarely holds more than a few of those. So each pattern's parse tree is read once for the
strings one of which every match must contain (lower-cased, no whitespace: "january" … "december", "квартал");
a sentence holding none of them cannot match and the pattern is not tried on it.

Sound, not a guess: a string is taken as required only where the tree forces it (a literal, a branch whose every
alternative requires one, a repeat at least once); look-arounds and classes require nothing. Whitespace is left
out of the strings, so a text blanked with spaces after some patterns matched (the date reader blanks what it
read) holds a required string only where the text before blanking held it. Letters are compared lower-cased,
which is what the engine's case-insensitive match does for ASCII and Cyrillic letters; a text with another
letter (Greek, "ſ", "ı", the Kelvin sign: letters the engine folds to ASCII or Cyrillic ones other than by
lower-casing) gets every pattern tried.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import import_module
from typing import Any



def _standard_module(*names: str) -> Any:
    """The first of the standard library's private modules that this Python has, or None."""
    for name in names:
        try:
            return import_module(name)
        except ImportError:
            continue
    return None


# The standard library's own reader of patterns, the one re.compile uses (private, so typed loosely; Python 3.11
# and later name it re._parser, earlier ones sre_parse). A Python with neither gets every pattern tried, as before
# the gate: slower, never wrong.
_sre_parse: Any = _standard_module("re._parser", "sre_parse")
_sre_constants: Any = _standard_module("re._constants", "sre_constants")
# Past this many strings an exact set (the month names written five ways) becomes "one of these must occur".
_MOST_STRINGS = 64
_GRAM = 3

_Exact = frozenset[str]  # every match is one of these strings
_Needed = frozenset[str] | None  # every match contains one of these strings (None: nothing is required)


class PatternGate:
    """For each pattern, a test of whether a text can hold a match of it."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        needed = [_required(pattern) for pattern in patterns]
        # Patterns share their sets (the month names): one test per distinct set and text. A set whose strings are
        # all three letters or longer is first looked up by their first three among the text's (a set lookup, where
        # a search of the text costs a call into the engine: 102 sets a sentence were 1.2 s CPU on 1 MB), and only
        # then searched for; a set with a shorter string is searched for at once.
        tests: dict[frozenset[str], tuple[int, frozenset[str] | None, re.Pattern[str]]] = {}
        for strings in needed:
            if strings is not None and strings not in tests:
                starts = frozenset(string[:_GRAM] for string in strings) \
                    if min(map(len, strings)) >= _GRAM else None
                tests[strings] = (len(tests), starts, re.compile(
                    "|".join(re.escape(string) for string in sorted(strings, key=len, reverse=True))))
        self._sets = list(tests.values())
        # Each pattern's set, by its place in `_sets`; -1 (nothing required) reads the True appended after them.
        self._set_of = [-1 if strings is None else tests[strings][0] for strings in needed]

    def can_match(self, text: str) -> list[bool]:
        """For each pattern, False where no match can be in `text` (nor in `text` with some of it blanked)."""
        if not _folds_as_lower_case(text):
            return [True] * len(self._set_of)
        lowered = text.lower()
        grams = {lowered[at:at + _GRAM] for at in range(len(lowered) - _GRAM + 1)}
        found = [(starts is None or not starts.isdisjoint(grams)) and regex.search(lowered) is not None
                 for _, starts, regex in self._sets]
        found.append(True)
        return [found[number] for number in self._set_of]


def _folds_as_lower_case(text: str) -> bool:
    """Whether every letter of `text` is ASCII or Cyrillic (U+0400-U+04FF), where the engine's
    case-insensitive match and lower-casing agree, one character for one."""
    return text.isascii() or all(_plain(character) for character in set(text))


@lru_cache(maxsize=4096)
def _plain(character: str) -> bool:
    code = ord(character)
    return code < 0x80 or 0x400 <= code <= 0x4FF or (
        not unicodedata.category(character).startswith("L") and character.lower() == character == character.upper())


def _required(pattern: re.Pattern[str]) -> _Needed:
    if _sre_parse is None or _sre_constants is None:
        return None
    try:
        exact, needed = _of_sequence(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a construct this reader does not know: the pattern is always tried
        return None
    return _as_needed(exact) if exact is not None else needed


def _as_needed(exact: _Exact) -> _Needed:
    return None if "" in exact else exact


def _better(a: _Needed, b: _Needed) -> _Needed:
    """The more telling of two requirements (either holds, so one is enough): longer shortest string first."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda strings: (min(map(len, strings)), -len(strings)))


def _of_sequence(items: Any) -> tuple[_Exact | None, _Needed]:  # (a parsed pattern: a list of (op, argument))
    """(the exact strings the sequence matches, or None; else the strings one of which it contains)."""
    run: _Exact = frozenset({""})  # the exact strings of the items since the last inexact one
    needed: _Needed = None
    whole = True
    for op, av in items:
        item_exact, item_needed = _of_item(op, av)
        if item_exact is not None and len(run) * len(item_exact) <= _MOST_STRINGS:
            run = frozenset(a + b for a in run for b in item_exact)
            continue
        whole = False
        needed = _better(needed, _as_needed(run))
        if item_exact is not None:
            run = item_exact
        else:
            needed = _better(needed, item_needed)
            run = frozenset({""})
    if whole:
        return run, None
    return None, _better(needed, _as_needed(run))


def _of_item(op: Any, av: Any) -> tuple[_Exact | None, _Needed]:  # noqa: C901 - one case per kind of node
    c = _sre_constants
    if op is c.LITERAL:
        character = chr(av)
        if character.isspace() or not _plain(character):
            return None, None
        return frozenset({character.lower()}), None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset({""}), None  # zero-width: what it looks at is not part of the match
    if op is c.SUBPATTERN:
        return _of_sequence(av[-1])
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _of_sequence(av)
    if op is c.BRANCH:
        parts = [_of_sequence(alternative) for alternative in av[1]]
        if all(exact is not None for exact, _ in parts):
            union = frozenset().union(*(exact for exact, _ in parts if exact is not None))
            if len(union) <= _MOST_STRINGS:
                return union, None
        needed: set[str] = set()
        for exact, part_needed in parts:
            either = _as_needed(exact) if exact is not None else part_needed
            if either is None:
                return None, None
            needed |= either
        return None, frozenset(needed)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        body_exact, body_needed = _of_sequence(body)
        if low == 0:
            if high == 1 and body_exact is not None:
                return body_exact | {""}, None
            return frozenset({""}) if body_exact == frozenset({""}) else None, None
        if low == high == 1:
            return body_exact, body_needed
        return None, _as_needed(body_exact) if body_exact is not None else body_needed
    return None, None  # a class, any character, a back-reference, a conditional group: anything
