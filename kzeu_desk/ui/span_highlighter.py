"""Painting evidence spans: char formats per fact status from the palette, and the syntax
highlighter that colours each block of a source from its highlight index."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from kzeu_desk.core.highlight_index import HighlightIndex, known_status
from kzeu_desk.core.palette import STATUS_RGB

# The app's status hues (core/palette.py, shared with the timeline, the matrix and the report),
# chosen to read as amber / green / red / grey on both white and near-black backgrounds; they are
# painted semi-transparent so the palette's own base colour and text colour still decide contrast.
_STATUS_HUES: dict[str, QColor] = {status: QColor(*rgb) for status, rgb in STATUS_RGB.items()}
# one hue for each of SPAN_STATUSES


class SpanFormats:
    """Char formats per (status, overlapped), derived from the palette so dark themes stay readable."""

    def __init__(self, palette: QPalette) -> None:
        dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
        single_alpha, overlap_alpha, focus_alpha = (95, 160, 215) if dark else (70, 130, 185)
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._focused: dict[str, QTextCharFormat] = {}
        for status, hue in _STATUS_HUES.items():
            for overlapped, alpha in ((False, single_alpha), (True, overlap_alpha)):
                char_format = QTextCharFormat()
                char_format.setBackground(_with_alpha(hue, alpha))
                if overlapped:
                    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    char_format.setUnderlineColor(hue.lighter(130) if dark else hue.darker(140))
                self._formats[(status, overlapped)] = char_format
            focused = QTextCharFormat()
            focused.setBackground(_with_alpha(hue, focus_alpha))
            focused.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            focused.setUnderlineColor(palette.color(QPalette.ColorRole.Text))
            self._focused[status] = focused

    def span_format(self, status: str, depth: int) -> QTextCharFormat:
        return self._formats[(known_status(status), depth > 1)]

    def focused_format(self, status: str) -> QTextCharFormat:
        return self._focused[known_status(status)]


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
