"""The value a figure in digits stands for, as re-anchoring compares figures: its separators read and
a scale word after it ("thousand", "тыс.", "мың", "million", "млн", "млрд") multiplied out.

Publishing systems and editors rewrite the same number in other shapes without changing it: "1,200"
becomes "1 200" (a narrow no-break space) or "1.2 thousand", "1 200 специалистов" becomes "1,2 тыс.
специалистов", "1 200-ге жуық" becomes "1,2 мыңға жуық", "150 тыс." becomes "150 000", "EUR 12,500,000"
becomes "€12.5 million". Compared as written, each of these is a changed figure, and a changed figure
is a change of content (the claim's other words must stand, a curator must look); compared by value
they are the same claim. A figure whose value did change ("1,200" -> "1,300") still differs.

Separators are read as the languages of the texts write them: a comma or full stop followed by exactly
three digits, with one to three digits before it, groups thousands ("1,200", "12,500,000"; "1.200"
only when there are several such groups); otherwise it is a decimal mark ("1,2", "48,8", "1.5").
Spaces inside a number (folded from no-break and thin spaces) group thousands. A figure is returned as
a plain decimal string ("1200", "48.8", "12500000"), so "3 000" and "3000" are one figure.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Scale words, folded (lower case, ё as е, the Kazakh і as a Latin i), by the power of ten they
# multiply by. Russian and Kazakh words are matched by their start, so case endings do not matter
# ("тысячи", "мыңға", "миллиона", "млрд."); the abbreviation "тыс" needs its full stop or a space
# after it only in so far as the word ends there.
_SCALES: tuple[tuple[str, int], ...] = (
    ("thousand", 3), ("тыс", 3), ("мың", 3),
    ("million", 6), ("mln", 6), ("млн", 6), ("миллион", 6),
    ("billion", 9), ("bn", 9), ("млрд", 9), ("миллиард", 9),
    ("trillion", 12), ("трлн", 12), ("триллион", 12),
)
# English scale words are whole words ("thousands" too); the Cyrillic ones may take endings.
_ENGLISH_SCALES = frozenset({"thousand", "thousands", "million", "millions", "mln", "billion", "billions", "bn",
                             "trillion", "trillions"})
# The scale word right after the number: a space (or none before "bn"/"млн" typed close) and a word.
_SCALE_AFTER = re.compile(r"[ ]?(\w+)")
_THOUSANDS_GROUPS = re.compile(r"\d{1,3}(?:[,.]\d{3})+")


def scale_after(text: str, end: int) -> tuple[int, int]:
    """The power of ten a scale word right after text[:end] multiplies by, and where that word ends
    (0 and `end` when none follows)."""
    match = _SCALE_AFTER.match(text, end)
    if match is None:
        return 0, end
    word = match.group(1)
    if word in _ENGLISH_SCALES:
        return dict(_SCALES).get(word.rstrip("s"), 0), match.end()
    if word.isascii():
        return 0, end
    for stem, power in _SCALES:
        if word.startswith(stem) and not stem.isascii():
            return power, match.end()
    return 0, end


# The same few figures are read again for every span compared near them: remembered, not re-parsed.
@lru_cache(maxsize=4096)
def figure_value(number: str, power: int = 0) -> str:
    """A number in digits as written ("1,200", "1 200", "48,8", "12,500,000") times 10**power, as a
    plain decimal string; the number as written, spaces removed, when it cannot be read."""
    digits = number.replace(" ", "")
    if "," in digits and "." in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        digits = digits.replace(thousands, "").replace(decimal_mark, ".")
    elif _THOUSANDS_GROUPS.fullmatch(digits) and (digits.count(",") or digits.count(".") > 1):
        digits = digits.replace(",", "").replace(".", "")
    else:
        digits = digits.replace(",", ".")
    try:
        value = Decimal(digits).scaleb(power)
    except InvalidOperation:
        return number.replace(" ", "")
    return f"{value.normalize():f}"


# A scale word as `scale_after` reads it, for patterns that take a figure together with its scale.
SCALE_WORD = (r"(?:thousands?|millions?|mln|billions?|bn|trillions?"
              r"|тыс\w*\.?|мың\w*|млн\w*\.?|миллион\w*|млрд\w*\.?|миллиард\w*|трлн\w*\.?|триллион\w*)(?!\w)")
# Currency signs written as the codes a text may use instead ("€12.5 million" and "EUR 12.5 million").
_CURRENCY_SIGNS = re.compile(r"([€$£₸])\s?")
_CURRENCY_CODES = {"€": "eur ", "$": "usd ", "£": "gbp ", "₸": "kzt "}


def currency_signs_as_codes(folded: str) -> str:
    """A folded text with each currency sign written as its code and a space, so that "€12.5" reads
    as "eur 12.5" does; a different currency stays different."""
    return _CURRENCY_SIGNS.sub(lambda match: _CURRENCY_CODES[match.group(1)], folded)

