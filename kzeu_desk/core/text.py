"""Canonical document text and the offsets into it.

A document's text is canonicalised once, when it is imported, and stored in that form. Every stored
offset is a Unicode code point index into the canonical text (the W3C Web Annotation convention).
Qt counts UTF-16 code units instead, so offsets are converted only where they cross into Qt
(in "a😀b fact" Python's index 4 is Qt's 5), with a `Utf16Index` built once per text.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right

BYTE_ORDER_MARK = "\ufeff"

# Qt's QTextDocument drops the CR of CRLF and the leading BOM, and reports CR, U+2028 and U+2029 as
# "\n". Canonicalising the same way keeps Python and Qt looking at the same characters.
_LINE_BREAKS_QT_TURNS_INTO_NEWLINE = re.compile("\r\n|[\r\u2028\u2029]")

_ASTRAL_CHARACTER = re.compile("[\U00010000-\U0010ffff]")


def canonicalize(text: str) -> str:
    """The stored form of `text`: leading BOM removed, every line break turned into "\\n".

    Nothing else changes: no Unicode normalisation, no whitespace trimming, so what the user
    imported is what the offsets point into.
    """
    return _LINE_BREAKS_QT_TURNS_INTO_NEWLINE.sub("\n", text.removeprefix(BYTE_ORDER_MARK))


class Utf16Index:
    """Converts offsets in one text between code points (Python, storage) and UTF-16 units (Qt).

    Only characters outside the Basic Multilingual Plane make the two counts differ (each takes
    two UTF-16 units), so the index keeps their positions and answers each query by bisection.
    """

    __slots__ = (
        "_astral_codepoint_starts",
        "_astral_utf16_starts",
        "_codepoint_length",
        "_utf16_length",
    )

    def __init__(self, text: str) -> None:
        self._astral_codepoint_starts: list[int] = _astral_character_positions(text)
        # The k-th astral character is preceded by k others, each one UTF-16 unit longer than it
        # is in code points.
        self._astral_utf16_starts: list[int] = [
            position + preceding for preceding, position in enumerate(self._astral_codepoint_starts)
        ]
        self._codepoint_length = len(text)
        self._utf16_length = len(text) + len(self._astral_codepoint_starts)

    @property
    def codepoint_length(self) -> int:
        return self._codepoint_length

    @property
    def utf16_length(self) -> int:
        return self._utf16_length

    def to_utf16(self, codepoint_offset: int) -> int:
        """The UTF-16 offset of code point offset `codepoint_offset` (0..len(text) inclusive)."""
        _require_within(codepoint_offset, self._codepoint_length, "code point")
        astral_before = bisect_left(self._astral_codepoint_starts, codepoint_offset)
        return codepoint_offset + astral_before

    def to_codepoint(self, utf16_offset: int) -> int:
        """The code point offset of UTF-16 offset `utf16_offset` (0..UTF-16 length inclusive).

        An offset between the two halves of a surrogate pair rounds down to the start of the
        character the pair encodes, so a Qt position never splits a character in storage.
        """
        _require_within(utf16_offset, self._utf16_length, "UTF-16")
        astral_starting_before = bisect_right(self._astral_utf16_starts, utf16_offset - 1)
        previous_astral = astral_starting_before - 1
        if previous_astral >= 0 and self._astral_utf16_starts[previous_astral] == utf16_offset - 1:
            return self._astral_codepoint_starts[previous_astral]
        return utf16_offset - astral_starting_before


def to_utf16(text: str, codepoint_offset: int) -> int:
    """One-off conversion; build a `Utf16Index` when converting many offsets in the same text."""
    return Utf16Index(text).to_utf16(codepoint_offset)


def to_codepoint(text: str, utf16_offset: int) -> int:
    """One-off conversion; build a `Utf16Index` when converting many offsets in the same text."""
    return Utf16Index(text).to_codepoint(utf16_offset)


def quote_context(text: str, start: int, end: int, width: int = 32) -> tuple[str, str, str]:
    """(prefix, exact, suffix) of text[start:end], as in a W3C TextQuoteSelector.

    Prefix and suffix hold up to `width` code points each; fewer at the edges of the text.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is not within a text of {len(text)} code points")
    if width < 0:
        raise ValueError(f"context width must not be negative, got {width}")
    return text[max(0, start - width) : start], text[start:end], text[end : end + width]


def sha256_text(text: str) -> str:
    """Hex SHA-256 of the UTF-8 encoding of `text`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _astral_character_positions(text: str) -> list[int]:
    # Most documents are entirely in the BMP; encoding to UTF-16 runs in C and tells us so without
    # a Python-level scan. surrogatepass keeps a stray lone surrogate (one unit, one code point)
    # from raising.
    if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) // 2 == len(text):
        return []
    return [match.start() for match in _ASTRAL_CHARACTER.finditer(text)]


def _require_within(offset: int, length: int, unit: str) -> None:
    if not 0 <= offset <= length:
        raise ValueError(f"{unit} offset {offset} is outside 0..{length}")
