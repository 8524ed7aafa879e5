"""The items of the lists a text sets out line by line, for re-anchoring a quote whose list was reordered.

A list item is a line opening with a marker: a letter, a Roman numeral or a number in brackets or
before one ("(a)", "b)", "(iv)", "3)", "а)"), a number with a full stop ("2."), or a dash or a bullet.
Its body is the rest of the line without the separator it ends with (";", ",", "."). Consecutive item
lines (a single line break between them) make one list. Every offset counts in the text given, which
re-anchoring gives folded (lower case, typography made plain): offsets there are its own."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A marker, then the body up to a semicolon or the line's end; "2." is a marker only before a space, so
# "2.5 million" opens no item. An item may also follow the previous one's semicolon on the same line, as
# a list reads once its line breaks were taken for a wrapped line's ("(a) …; (b) …;").
_MARKER = r"(?:\(?(?:\d{1,2}|[^\W\d_]|[ivx]{2,4})\)|\d{1,2}\.(?=[ \t])|[-\u2022*\u00b7](?=[ \t]))"
_ITEM = re.compile(rf"(?:^|(?<=;))[ \t]*{_MARKER}[ \t]+(?P<body>[^\n;]*?)[ \t]*(?:;|[,.]?[ \t]*$)",
                   re.MULTILINE)
# What may stand between two items of one list: spaces and at most one line break.
_BETWEEN_ITEMS = re.compile(r"[ \t]*\n?[ \t]*")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item: where its body stands, its words, and the number of the list it belongs to."""

    start: int
    end: int
    words: tuple[str, ...]
    list_number: int


def list_items(text: str) -> list[ListItem]:
    """Every list item of `text`, in order; items of one list share a `list_number`."""
    items: list[ListItem] = []
    list_number = -1
    previous_end = -1
    for match in _ITEM.finditer(text):
        words = tuple(_WORD.findall(match.group("body")))
        if not words:
            continue
        # Spaces and one line break after the previous item continue its list; a blank line or a
        # line that is no item between them begins another.
        if previous_end < 0 or _BETWEEN_ITEMS.fullmatch(text, previous_end, match.start()) is None:
            list_number += 1
        previous_end = match.end()
        items.append(ListItem(match.start("body"), match.end("body"), words, list_number))
    return items


def item_holding(items: list[ListItem], start: int, end: int) -> ListItem | None:
    """The item whose body holds text[start:end], if any (`items` in order, as `list_items` gives them)."""
    at = bisect_right([item.start for item in items], start) - 1
    if at >= 0 and end <= items[at].end:
        return items[at]
    return None
