"""Text folded for matching: typography that does not change what a passage says is made equal, and
every offset into the folded text can be taken back to the real one.

A new revision of an article often differs from the old one only in how it is set: curly or straight
quotation marks and apostrophes, en or em dashes or hyphens, non-breaking, thin or double spaces, an
accent stored as its own code point (text copied out of PDFs made on macOS is decomposed, NFD),
"ё" printed as "е" (optional in Russian print), the Latin "i" some keyboard layouts give for the
Kazakh "і", an ellipsis character for three dots, a line break inside a paragraph, soft hyphens and zero-width spaces, upper or
lower case (a headline re-cased, "Gas Pipeline" for "gas pipeline"), and the diacritics of Latin
letters (a name spelled "Sefcovic" in one revision and "Šefčovič" in the next). Re-anchoring
compares folded texts, so none of these moves, weakens or orphans a span; the offsets it stores still
count code points of the real text (`FoldedText.real_start` / `real_end`).

Folding is one `str.translate` for characters replaced one for one (it runs in C and keeps every
offset), then one regular expression for the few places whose length changes (a letter with its
combining accents, a run of spaces, an invisible character, an ellipsis, a ligature). Only those
places are remembered, so the offsets of a 1 MB text without any cost nothing to keep.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from kzeu_desk.core import sliced

_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_QUOTATION_MARKS = "\"`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u2035\u2036\u00ab\u00bb" \
                   "\u2039\u203a\u02b9\u02bb\u02bc\u02bd\u02c8\u301d\u301e\uff02\uff07"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"

def _latin_letters_with_accents() -> dict[str, str]:
    """Each precomposed Latin letter with diacritics (Latin-1, Extended-A and -B, Extended
    Additional) and its bare letter: "Šefčovič" is "Sefcovic" as a later revision may spell it.
    Cyrillic letters keep theirs: й and и, ї and і are different letters, not accented ones."""
    bare: dict[str, str] = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        letter = chr(code)
        parts = unicodedata.normalize("NFD", letter)
        if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha() and all(
                unicodedata.combining(part) for part in parts[1:]):
            bare[letter] = parts[0]
    # Letters whose stroke or missing dot is no combining mark, but which texts drop the same way.
    bare.update({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ı": "i"})
    return bare


_ONE_FOR_ONE = str.maketrans({
    **_latin_letters_with_accents(),
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_QUOTATION_MARKS, "'"),  # apostrophes and quotation marks of every kind
    **dict.fromkeys(_DASHES, "-"),
    "ё": "е", "Ё": "Е",
    "\u0456": "i", "\u0406": "I",  # Kazakh і, and the Latin i typed for it
})

# A line at least this long that breaks inside a paragraph was wrapped, not ended.
_WRAPPED_LINE = 40
_BULLETS = "\\-*\u2022\u00b7\u2013\u2014"

# Combining marks of the Latin, Greek and Cyrillic scripts and the general blocks.
_COMBINING = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_RESIZED = re.compile(
    f"(?P<accented>[^{_COMBINING}][{_COMBINING}]+)"  # a letter stored with its accents apart: composed
    # A line break inside a paragraph (text copied out of a PDF or an e-mail is wrapped at ~70
    # characters, the same text on the web is not) is a space. A blank line between paragraphs is
    # not, nor is the end of a line shorter than _WRAPPED_LINE (a heading, a list of links, an
    # address) or a line break before a bullet. Only between two characters that are not spaces: a
    # short string's edge cannot tell.
    # (The look-ahead first: it fails at once almost everywhere, the look-behind would cost 40 steps.)
    f"|(?P<wrapped>(?=[ {_SPACES}]*\\r?\\n)(?<=[^\\n]{{{_WRAPPED_LINE - 1}}}\\S)"
    f"[ {_SPACES}]*\\r?\\n[ {_SPACES}]*(?=[^\\s{_BULLETS}]))"
    f"|(?P<spaces>[ {_SPACES}]{{2,}})"  # a run of spaces counts as one
    "|(?P<invisible>[\u00ad\u200b\u200c\u200d\u2060\ufeff])"  # soft hyphen, zero-width characters
    "|(?P<ellipsis>\u2026)"
    "|(?P<ligature>[\ufb00-\ufb06])",
    re.DOTALL,
)


# Cyrillic vowels (Russian, Kazakh, Ukrainian): a combining acute over one is a stress mark
# ("Жаксы́-Дарья́", "Алако́ль"), which dictionaries, wiki articles and textbooks add and other texts do not
# (held-out round 41). No precomposed letter has it, so NFC keeps it. Over a consonant it is part of a
# letter (Macedonian ѓ, ќ decompose to г, к with it) and stays.
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяәөұүіїєАЕЁИОУЫЭЮЯӘӨҰҮІЇЄ")
_STRESS_MARK = "\u0301"


def _resized(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind == "accented":
        letter = match.group()[0]
        if letter.isascii() and letter.isalpha():
            return letter  # a Latin letter's accents go, as a precomposed one's do
        if letter in _CYRILLIC_VOWELS:
            return unicodedata.normalize("NFC", match.group().replace(_STRESS_MARK, ""))
        return unicodedata.normalize("NFC", match.group())
    if kind in ("spaces", "wrapped"):
        return " "
    if kind == "invisible":
        return ""
    if kind == "ellipsis":
        return "..."
    return unicodedata.normalize("NFKC", match.group())


def fold(text: str) -> str:
    """The folded form of a short string (a quote, its prefix or suffix)."""
    return _lower(_RESIZED.sub(_resized, text).translate(_ONE_FOR_ONE))


def _lower(text: str) -> str:
    """Lower case, one character for one: the few characters whose lower case is longer (the
    Turkish dotted İ) keep their case, so offsets stay put."""
    lowered = sliced.lower(text)  # whole, one call held the interpreter lock 33-56 ms on the 1 MB source
    if len(lowered) == len(text):
        return lowered
    return "".join(character if len(low := character.lower()) != 1 else low for character in text)


class FoldedText:
    """A text and its folded form, with offsets between the two.

    Where a piece of the real text was replaced by one of another length, an offset inside the
    replacement has no exact counterpart: a span's start moves back to the piece's start, its end on
    to the piece's end, so a span never cuts a letter from its accents.
    """

    __slots__ = ("real", "folded", "cased", "_real_starts", "_real_ends", "_folded_starts", "_folded_ends")

    def __init__(self, real: str) -> None:
        self.real = real
        pieces: list[str] = []
        real_starts: list[int] = []
        real_ends: list[int] = []
        folded_starts: list[int] = []
        folded_ends: list[int] = []
        copied = 0  # real text before this point is already in `pieces`
        shift = 0  # folded offset minus real offset after the last replacement
        # In slices (`core.sliced`): on the 1 MB source one search for the next match held the
        # interpreter lock 0.35-0.61 s, and the translation below 50-190 ms, freezing the window.
        for match in sliced.finditer(_RESIZED, real):
            replacement = _resized(match)
            if replacement == match.group():
                continue  # e.g. a combining mark no precomposed letter has
            pieces.append(real[copied:match.start()])
            pieces.append(replacement)
            real_starts.append(match.start())
            real_ends.append(match.end())
            folded_starts.append(match.start() + shift)
            shift += len(replacement) - (match.end() - match.start())
            folded_ends.append(match.end() + shift)
            copied = match.end()
        if pieces:
            pieces.append(real[copied:])
            resized = "".join(pieces)
        else:
            resized = real
        # `cased` is folded but for case, offset for offset: what needs capitals to tell (an initial).
        self.cased = sliced.translate(resized, _ONE_FOR_ONE)
        self.folded = _lower(self.cased)
        self._real_starts, self._real_ends = real_starts, real_ends
        self._folded_starts, self._folded_ends = folded_starts, folded_ends

    def real_start(self, folded: int) -> int:
        """Where a span beginning at folded offset `folded` begins in the real text."""
        if not self._folded_starts:
            return folded
        piece = bisect_right(self._folded_starts, folded) - 1
        if piece < 0:
            return folded
        if folded < self._folded_ends[piece]:
            return self._real_starts[piece]  # inside a replacement (or at its start)
        return self._real_ends[piece] + (folded - self._folded_ends[piece])

    def real_end(self, folded: int) -> int:
        """Where a span ending at folded offset `folded` (exclusive) ends in the real text."""
        if not self._folded_starts:
            return folded
        piece = bisect_left(self._folded_starts, folded) - 1  # replacements starting before it
        if piece < 0:
            return folded
        if folded < self._folded_ends[piece]:
            return self._real_ends[piece]
        return self._real_ends[piece] + (folded - self._folded_ends[piece])

    def folded_offset(self, real: int) -> int:
        """The folded offset of a real one (a real offset inside a replacement goes to its start)."""
        if not self._real_starts:
            return real
        piece = bisect_right(self._real_starts, real) - 1
        if piece < 0:
            return real
        if real < self._real_ends[piece]:
            return self._folded_starts[piece]
        return self._folded_ends[piece] + (real - self._real_ends[piece])
