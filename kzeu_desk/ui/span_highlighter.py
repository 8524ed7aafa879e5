"""Painting evidence spans: char formats per fact status from the palette, and the syntax
highlighter that colours each block of a source from its highlight index."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from kzeu_desk.core.highlight_index import SPAN_LOOKS, HighlightIndex, look_parts, span_look
from kzeu_desk.core.palette import STATUS_RGB

# The app's status hues (core/palette.py, shared with the timeline, the matrix and the report):
# colours from the Okabe-Ito set, which stays distinguishable with the common colour-vision
# deficiencies; painted semi-transparent so the palette's own base and text colours still decide
# contrast. Colour is never the only cue: each status also has its own line (below).
_STATUS_HUES: dict[str, QColor] = {status: QColor(*rgb) for status, rgb in STATUS_RGB.items()}
# one hue for each of SPAN_STATUSES

# The cue that does not depend on colour: a draft is dotted (pencilled in), a disputed fact wavy,
# a rejected one struck through; confirmed text is left clean.
_STATUS_LINES = {
    "draft": QTextCharFormat.UnderlineStyle.DotLine,
    "confirmed": QTextCharFormat.UnderlineStyle.NoUnderline,
    "disputed": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "rejected": QTextCharFormat.UnderlineStyle.NoUnderline,
}


class SpanFormats:
    """Char formats per (look, overlapped), derived from the palette so dark themes stay readable.

    A look is a status with, when not normal, a rank (core.highlight_index.span_look). Rank shows as
    type: a preferred fact's text is semi-bold; a deprecated one's is italic on a paler tint with a
    dashed line, still fully readable, and unlike a rejected one it is not struck through.
    """

    def __init__(self, palette: QPalette) -> None:
        dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
        self._dark = dark
        self._single_alpha, self._overlap_alpha, self._focus_alpha = (95, 160, 215) if dark else (70, 130, 185)
        self._text = palette.color(QPalette.ColorRole.Text)
        self._muted_text = palette.color(QPalette.ColorRole.PlaceholderText)
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._focused: dict[str, QTextCharFormat] = {}
        for look in SPAN_LOOKS:
            for overlapped, alpha in ((False, self._single_alpha), (True, self._overlap_alpha)):
                self._formats[(look, overlapped)] = self._build(look, alpha, overlapped=overlapped)
            focused = self._build(look, self._focus_alpha, overlapped=False)
            if focused.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline:
                focused.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            focused.setUnderlineColor(self._text)
            self._focused[look] = focused

    def _build(self, look: str, alpha: int, *, overlapped: bool) -> QTextCharFormat:
        status, rank = look_parts(look)
        hue = _STATUS_HUES[status]
        char_format = QTextCharFormat()
        line = _STATUS_LINES[status]
        if rank == "deprecated":
            alpha = alpha * 3 // 5
            char_format.setFontItalic(True)
            if line == QTextCharFormat.UnderlineStyle.NoUnderline:
                line = QTextCharFormat.UnderlineStyle.DashUnderline
        elif rank == "preferred":
            char_format.setFontWeight(QFont.Weight.DemiBold)
        if overlapped and line == QTextCharFormat.UnderlineStyle.NoUnderline:
            line = QTextCharFormat.UnderlineStyle.SingleUnderline  # nested spans: a second cue besides depth
        char_format.setBackground(_with_alpha(hue, alpha))
        char_format.setUnderlineStyle(line)
        if line != QTextCharFormat.UnderlineStyle.NoUnderline:
            char_format.setUnderlineColor(hue.lighter(140) if self._dark else hue.darker(150))
        if status == "rejected":
            char_format.setFontStrikeOut(True)
            char_format.setForeground(self._muted_text)
        return char_format

    def span_format(self, status: str, depth: int) -> QTextCharFormat:
        return self._formats[(_known_look(status), depth > 1)]

    def focused_format(self, status: str) -> QTextCharFormat:
        return self._focused[_known_look(status)]


def _known_look(look: str) -> str:
    status, rank = look_parts(look)
    return span_look(status, rank)


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    translucent = QColor(colour)
    translucent.setAlpha(alpha)
    return translucent


class SpanHighlighter(QSyntaxHighlighter):
    """Colours each block from the index as Qt lays it out; formats then live in the block layouts,
    so repainting costs nothing extra."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.index: HighlightIndex | None = None
        self.formats = SpanFormats(palette)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        index = self.index
        if index is None or not index.segment_starts:
            return
        block = self.currentBlock()
        block_start = block.position()
        block_end = block_start + block.length() - 1  # length counts the paragraph separator
        # Called once per block of every opened source, so the segment lists are walked directly
        # rather than through segments_between's tuples.
        starts, ends = index.segment_starts, index.segment_ends
        depths, statuses = index.segment_depths, index.segment_statuses
        span_format = self.formats.span_format
        number = index.first_segment_ending_after(block_start)
        while number < len(starts) and starts[number] < block_end:
            start = max(starts[number], block_start)
            end = min(ends[number], block_end)
            self.setFormat(start - block_start, end - start, span_format(statuses[number], depths[number]))
            number += 1

    def rehighlight_ranges(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Re-colour only the blocks touching the given UTF-16 ranges."""
        document = self.document()
        done: set[int] = set()
        for start, end in ranges:
            block = document.findBlock(start)
            while block.isValid() and block.position() < max(end, start + 1):
                if block.blockNumber() not in done:
                    done.add(block.blockNumber())
                    self.rehighlightBlock(block)
                block = block.next()
