"""The reading pane: one source's canonical text with its evidence spans coloured by fact status.

Offsets arrive from storage as code points into the canonical text and are converted to Qt's
UTF-16 positions exactly once per shown text, through one `Utf16Index` (NOTES.md trap 2). Thousands
of spans are painted by a `QSyntaxHighlighter` fed from an interval index, never by one
ExtraSelection each (trap 4); ExtraSelections are kept for the few transient marks.
"""

from __future__ import annotations

import html
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from heapq import heappop, heappush
from itertools import accumulate, islice
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from kzeu_desk.core import queries
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.text import Utf16Index
from kzeu_desk.core.value_format import format_date

if TYPE_CHECKING:  # the session pulls in the whole service layer; the view itself only needs data
    from kzeu_desk.ui.session import Session

_log = logging.getLogger(__name__)

# Hues chosen to read as amber / green / red / grey on both white and near-black backgrounds; they
# are painted semi-transparent so the palette's own base colour and text colour still decide contrast.
_STATUS_HUES: dict[str, QColor] = {
    "draft": QColor(240, 160, 20),
    "confirmed": QColor(40, 165, 75),
    "disputed": QColor(225, 50, 90),
    "rejected": QColor(135, 135, 135),
}
# The current find match imitates a browser's find highlight: an opaque yellow with dark text, so it
# stands out over any status colour in either palette.
_FIND_MATCH_BACKGROUND = QColor(255, 213, 79)
_FIND_MATCH_FOREGROUND = QColor(20, 20, 20)

_READING_MARGIN = 12
_READING_FONT_SCALE = 1.12


# -- the interval index ------------------------------------------------------------------------


# (start, end, depth, status): a maximal run of UTF-16 positions covered by `depth` spans whose
# innermost one has `status`.
Segment = tuple[int, int, int, str]


class HighlightIndex:
    """Evidence spans of one text, in UTF-16 positions, answering "what covers this block/point?".

    The spans are swept once into disjoint segments (each with its overlap depth and the status of
    the innermost covering span), so a block query is one bisection plus the segments it touches,
    however the spans nest. Everything is kept in flat lists of ints and interned strings: a few
    tens of thousands of surviving tuples would make Python's full garbage collection run during
    the build, which alone cost 50-90 ms per opened source.
    """

    def __init__(self, spans: Sequence[dict], utf16: Utf16Index) -> None:
        length = utf16.codepoint_length
        # Texts without characters beyond the BMP (most of them) count the same in both units.
        convert = utf16.to_utf16 if utf16.utf16_length != length else None
        usable: list[dict] = []
        for span in spans:
            if 0 <= span["start"] < span["end"] <= length:
                usable.append(span)
            else:
                # Storage checks spans on insert, so this means text and spans are out of step;
                # drawing the rest is more useful to a curator than refusing to show the source.
                _log.warning("evidence %s (%s..%s) lies outside the shown text",
                             span.get("evidence_id"), span["start"], span["end"])
        usable.sort(key=lambda span: (span["start"], span["end"]))

        self._spans: list[dict] = usable
        if convert is None:
            self._starts: list[int] = [span["start"] for span in usable]
            self._ends: list[int] = [span["end"] for span in usable]
        else:
            self._starts = [convert(span["start"]) for span in usable]
            self._ends = [convert(span["end"]) for span in usable]
        self._statuses: list[str] = [_known_status(span.get("status")) for span in usable]
        self._fact_ids: list[int] = [span["fact_id"] for span in usable]
        # The furthest end among spans[0..i] lets a point query stop walking left as soon as no
        # earlier span can still reach the point.
        self._furthest_end_so_far: list[int] = list(accumulate(self._ends, max))

        self.segment_starts: list[int] = []
        self.segment_ends: list[int] = []
        self.segment_depths: list[int] = []
        self.segment_statuses: list[str] = []
        self._sweep()

    def __len__(self) -> int:
        return len(self._spans)

    @property
    def spans(self) -> list[dict]:
        return self._spans

    @property
    def segments(self) -> list[Segment]:
        return list(zip(self.segment_starts, self.segment_ends, self.segment_depths, self.segment_statuses))

    def _sweep(self) -> None:
        starts, ends, statuses = self._starts, self._ends, self._statuses
        segment_starts, segment_ends = self.segment_starts, self.segment_ends
        segment_depths, segment_statuses = self.segment_depths, self.segment_statuses
        span_count = len(starts)
        boundaries = sorted({*starts, *ends})
        open_ends: list[int] = []  # min-heap of the ends of spans covering the current point
        # Min-heap ordering covering spans shortest first and, of equal ones, the later start (as
        # spans_at does), packed into one int per span so the heap holds no tuples for the garbage
        # collector to track. Entries of spans that already ended are dropped when they reach the top.
        radix = span_count + 1
        innermost: list[int] = []
        next_span = 0
        for left, right in zip(boundaries, islice(boundaries, 1, None)):
            while open_ends and open_ends[0] <= left:
                heappop(open_ends)
            while next_span < span_count and starts[next_span] <= left:
                end = ends[next_span]
                heappush(open_ends, end)
                heappush(innermost, (end - starts[next_span]) * radix + (span_count - next_span))
                next_span += 1
            if not open_ends:
                continue
            while ends[span_count - innermost[0] % radix] <= left:
                heappop(innermost)
            depth = len(open_ends)
            status = statuses[span_count - innermost[0] % radix]
            if (segment_ends and segment_ends[-1] == left and segment_depths[-1] == depth
                    and segment_statuses[-1] == status):
                segment_ends[-1] = right
                continue
            segment_starts.append(left)
            segment_ends.append(right)
            segment_depths.append(depth)
            segment_statuses.append(status)

    def first_segment_ending_after(self, position: int) -> int:
        """The number of the first segment that ends after UTF-16 `position` (may be past the last)."""
        return bisect_right(self.segment_ends, position)

    def segments_between(self, start: int, end: int) -> list[Segment]:
        """Segments overlapping the UTF-16 range start..end, clipped to it."""
        clipped: list[Segment] = []
        number = self.first_segment_ending_after(start)
        while number < len(self.segment_starts) and self.segment_starts[number] < end:
            clipped.append((max(self.segment_starts[number], start), min(self.segment_ends[number], end),
                            self.segment_depths[number], self.segment_statuses[number]))
            number += 1
        return clipped

    def spans_at(self, position: int) -> list[dict]:
        """Spans covering the character at UTF-16 `position`, innermost (shortest) first."""
        covering: list[tuple[int, int, dict]] = []
        number = bisect_right(self._starts, position) - 1
        while number >= 0 and self._furthest_end_so_far[number] > position:
            if self._ends[number] > position:
                covering.append((self._ends[number] - self._starts[number], -self._starts[number],
                                 self._spans[number]))
            number -= 1
        covering.sort(key=lambda item: (item[0], item[1]))
        return [span for _, _, span in covering]

    def fact_ranges(self, fact_id: int) -> list[tuple[int, int, str]]:
        """(start, end, status) of one fact's spans, in UTF-16 positions."""
        return [(self._starts[number], self._ends[number], self._statuses[number])
                for number, owner in enumerate(self._fact_ids) if owner == fact_id]

    def ranges_that_differ(self, other: HighlightIndex) -> list[tuple[int, int]]:
        """UTF-16 ranges whose colouring may differ between two indexes of the same text.

        The colour at a position depends only on which spans (with their statuses) cover it, so
        only the ranges of spans present in one index and not the other can change.
        """
        stride = max(self._furthest_end_so_far[-1:] + other._furthest_end_so_far[-1:] + [0]) + 1
        changed = self._span_keys(stride) ^ other._span_keys(stride)
        return sorted({divmod(key // len(_STATUS_HUES), stride) for key in changed})

    def _span_keys(self, stride: int) -> set[int]:
        # One int per span rather than a tuple: ints are not tracked by the garbage collector.
        status_numbers = {status: number for number, status in enumerate(_STATUS_HUES)}
        return {(start * stride + end) * len(_STATUS_HUES) + status_numbers[status]
                for start, end, status in zip(self._starts, self._ends, self._statuses)}


def _known_status(status: str | None) -> str:
    return status if status in _STATUS_HUES else "draft"


def describe_fact(span: dict) -> str:
    """One line naming a span's fact, as the tooltip shows it."""
    subject, prop = span.get("subject_name"), span.get("property_name")
    status = span.get("status") or "draft"
    rank = span.get("rank")
    if subject is None and prop is None:
        if status == "draft":
            return "New draft fact (subject and property not set)"
        naming = "Fact without subject or property"
    else:
        naming = f"{subject or '(subject not set)'} · {prop or '(property not set)'}"
    state = status if rank in (None, "normal") else f"{status}, {rank}"
    return f"{naming} — {state}"


def plain_text_as_tooltip(text: str) -> str:
    """Tooltip markup that shows `text` literally.

    QToolTip guesses rich text from the content, so a subject named "<b>x</b>" or an <img> in a URL
    would be rendered (NOTES.md trap 3); escaped markup leaves nothing to guess.
    """
    return "<p style='white-space:pre'>" + "<br>".join(html.escape(line) for line in text.split("\n")) + "</p>"


# -- painting ----------------------------------------------------------------------------------


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
        return self._formats[(_known_status(status), depth > 1)]

    def focused_format(self, status: str) -> QTextCharFormat:
        return self._focused[_known_status(status)]


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


# -- the view ----------------------------------------------------------------------------------


class SourceView(QPlainTextEdit):
    """Read-only, selectable plain text of one source with its evidence highlighted."""

    fact_clicked = Signal(int)
    selection_span_changed = Signal(bool)
    source_loaded = Signal()  # a different text (or none) is shown; find results are stale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceView")
        self.setAccessibleName("Source text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setPlaceholderText("Choose a source on the left to read it.")

        reading_font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        if reading_font.pointSizeF() > 0:
            reading_font.setPointSizeF(reading_font.pointSizeF() * _READING_FONT_SCALE)
        self.setFont(reading_font)

        document = self.document()
        document.setDocumentMargin(_READING_MARGIN)
        # The text never changes through the widget; an undo history would only hold a 1 MB copy.
        document.setUndoRedoEnabled(False)

        self._highlighter = SpanHighlighter(document, self.palette())
        self._source_id: int | None = None
        self._text = ""
        self._utf16 = Utf16Index("")
        self._selected_fact_id: int | None = None
        self._find_match: tuple[int, int] | None = None  # UTF-16
        self._context_actions: list[QAction] = []
        self._press_position: QPoint | None = None

        self.selectionChanged.connect(self._announce_selection)

    # -- what is shown -------------------------------------------------------------------------

    @property
    def source_id(self) -> int | None:
        return self._source_id

    @property
    def source_text(self) -> str:
        """The canonical text shown (code points are offsets into this)."""
        return self._text

    @property
    def highlight_index(self) -> HighlightIndex | None:
        return self._highlighter.index

    @property
    def utf16_index(self) -> Utf16Index:
        return self._utf16

    def set_right_margin(self, width: int) -> None:
        """Room beside the text for the page gutter (ui/page_gutter.py)."""
        self.setViewportMargins(0, 0, width, 0)

    @property
    def span_formats(self) -> SpanFormats:
        return self._highlighter.formats

    def show_source(self, source_id: int, text: str, spans: list[dict]) -> None:
        """Show a source's canonical text with its evidence spans, from the top."""
        if "\r" in text or text.startswith("\ufeff"):
            # Qt would silently drop these characters and every later offset would point one off.
            raise ValueError("source text must be canonical (no CR, no leading BOM); see core.text.canonicalize")
        utf16 = Utf16Index(text)
        self._source_id = source_id
        self._text = text
        self._utf16 = utf16
        self._find_match = None
        # The index goes in before the text so Qt's one layout pass over the new blocks colours them.
        self._highlighter.index = HighlightIndex(spans, utf16)
        self.setPlainText(text)
        self._refresh_extra_selections()
        self.source_loaded.emit()

    def set_spans(self, spans: list[dict]) -> None:
        """Re-colour after changes; only blocks whose colouring changed are redone, and the reader's
        scroll position and selection stay where they are."""
        previous = self._highlighter.index
        current = HighlightIndex(spans, self._utf16)
        self._highlighter.index = current
        vertical, horizontal = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        if previous is None:
            self._highlighter.rehighlight()
        else:
            self._highlighter.rehighlight_ranges(current.ranges_that_differ(previous))
        self._refresh_extra_selections()
        self.verticalScrollBar().setValue(vertical)
        self.horizontalScrollBar().setValue(horizontal)

    def clear_source(self) -> None:
        self._source_id = None
        self._text = ""
        self._utf16 = Utf16Index("")
        self._find_match = None
        self._highlighter.index = None
        self.setPlainText("")
        self._refresh_extra_selections()
        self.source_loaded.emit()

    # -- code points at the Qt boundary --------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code point offsets into the canonical text, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._utf16.to_codepoint(cursor.selectionStart())
        end = self._utf16.to_codepoint(cursor.selectionEnd())
        return (start, end) if start < end else None

    def caret_position(self) -> int:
        """Where the caret (or the start of the selection) is, as a code point offset."""
        return self._utf16.to_codepoint(self.textCursor().selectionStart())

    def reveal_span(self, start_cp: int, end_cp: int) -> None:
        """Scroll a span into the middle of the view and select it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._utf16.to_utf16(start_cp))
        cursor.setPosition(self._utf16.to_utf16(end_cp), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def spans_at(self, position_cp: int) -> list[dict]:
        """Spans covering the character at a code point offset, innermost first."""
        index = self._highlighter.index
        if index is None or not 0 <= position_cp < self._utf16.codepoint_length:
            return []
        return index.spans_at(self._utf16.to_utf16(position_cp))

    def tooltip_text_at(self, position_cp: int) -> str | None:
        """Plain text naming the fact(s) at a code point offset, innermost first; None over plain text."""
        return _tooltip_for(self.spans_at(position_cp))

    # -- transient marks (ExtraSelections: a handful, never one per span) ----------------------

    @property
    def selected_fact_id(self) -> int | None:
        return self._selected_fact_id

    def set_selected_fact(self, fact_id: int | None) -> None:
        self._selected_fact_id = fact_id
        self._refresh_extra_selections()

    def set_find_match(self, span_cp: tuple[int, int] | None) -> None:
        """Mark the current find match (code points), or clear the mark."""
        if span_cp is None:
            self._find_match = None
        else:
            self._find_match = (self._utf16.to_utf16(span_cp[0]), self._utf16.to_utf16(span_cp[1]))
        self._refresh_extra_selections()

    def bring_position_into_view(self, position_cp: int) -> None:
        """Move the caret to a code point offset (dropping any selection), centring it if it was off-screen."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._utf16.to_utf16(position_cp))
        self.setTextCursor(cursor)
        if not self.viewport().rect().contains(self.cursorRect(cursor)):
            self.centerCursor()

    def _refresh_extra_selections(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        index = self._highlighter.index
        if index is not None and self._selected_fact_id is not None:
            for start, end, status in index.fact_ranges(self._selected_fact_id):
                selections.append(self._extra_selection(start, end, self.span_formats.focused_format(status)))
        if self._find_match is not None:
            find_format = QTextCharFormat()
            find_format.setBackground(_FIND_MATCH_BACKGROUND)
            find_format.setForeground(_FIND_MATCH_FOREGROUND)
            selections.append(self._extra_selection(*self._find_match, find_format))
        self.setExtraSelections(selections)

    def _extra_selection(self, start: int, end: int, char_format: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = char_format
        return selection

    def extra_selection_ranges(self) -> list[tuple[int, int]]:
        """UTF-16 ranges of the transient marks now drawn (selected fact's spans, then the find match)."""
        return [(selection.cursor.selectionStart(), selection.cursor.selectionEnd())
                for selection in self.extraSelections()]

    # -- pointer -------------------------------------------------------------------------------

    def utf16_position_under(self, viewport_point: QPoint) -> int | None:
        """The UTF-16 position of the character drawn under a viewport point, or None off the text.

        cursorForPosition answers the nearest gap between characters, which past the end of a
        wrapped line is already the first character of the next line; the line's own hit test
        tells whether the point is on a character at all.
        """
        if not self._text:
            return None
        block = self.cursorForPosition(viewport_point).block()
        layout = block.layout()
        if not block.isValid() or layout is None:
            return None
        block_origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        local = QPointF(viewport_point) - block_origin - layout.position()
        for line_number in range(layout.lineCount()):
            line = layout.lineAt(line_number)
            if line.naturalTextRect().contains(local):
                in_block = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
                position = block.position() + in_block
                return position if position < block.position() + block.length() - 1 else None
        return None

    def _spans_under(self, viewport_point: QPoint) -> list[dict]:
        index = self._highlighter.index
        position = self.utf16_position_under(viewport_point)
        if index is None or position is None:
            return []
        return index.spans_at(position)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self._press_position = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        pressed_at, self._press_position = self._press_position, None
        if event.button() != Qt.MouseButton.LeftButton or pressed_at is None:
            return
        released_at = event.position().toPoint()
        dragged = (released_at - pressed_at).manhattanLength() >= QApplication.startDragDistance()
        if dragged or self.textCursor().hasSelection():
            return  # the curator was selecting text, not pointing at a highlight
        spans = self._spans_under(released_at)
        if spans:
            self.fact_clicked.emit(spans[0]["fact_id"])

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            text = _tooltip_for(self._spans_under(help_event.pos()))
            if text is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(help_event.globalPos(), plain_text_as_tooltip(text), self.viewport())
            return True
        return super().viewportEvent(event)

    # -- context menu --------------------------------------------------------------------------

    def set_context_actions(self, actions: list[QAction]) -> None:
        """Actions offered at the top of the right-click menu, above Copy and Select All."""
        self._context_actions = list(actions)

    def build_context_menu(self, viewport_point: QPoint) -> QMenu:
        menu = self.createStandardContextMenu(viewport_point)
        if self._context_actions:
            first_standard = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first_standard, self._context_actions)
            menu.insertSeparator(first_standard)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        menu = self.build_context_menu(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    # -- palette -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._highlighter.formats = SpanFormats(self.palette())
            self._highlighter.rehighlight()
            self._refresh_extra_selections()

    def _announce_selection(self) -> None:
        self.selection_span_changed.emit(self.textCursor().hasSelection())


def _tooltip_for(spans: list[dict]) -> str | None:
    lines: list[str] = []
    seen_facts: set[int] = set()
    for span in spans:
        if span["fact_id"] not in seen_facts:
            seen_facts.add(span["fact_id"])
            lines.append(describe_fact(span))
    return "\n".join(lines) if lines else None


# -- find --------------------------------------------------------------------------------------


class FindBar(QWidget):
    """Case-insensitive search in the view's text; the current match is the view's find mark."""

    def __init__(self, view: SourceView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self._matches: list[tuple[int, int]] = []  # code points
        self._current = -1

        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in text")
        self.field.setAccessibleName("Find in text")
        self.field.setClearButtonEnabled(True)
        self.counter = QLabel(self)
        self.counter.setObjectName("findCounter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.counter.setMinimumWidth(self.counter.fontMetrics().horizontalAdvance("9999 of 9999"))
        self.previous_button = self._tool_button("findPrevious", "↑", "Previous match (Shift+Enter)")
        self.next_button = self._tool_button("findNext", "↓", "Next match (Enter)")
        self.close_button = self._tool_button("findClose", "✕", "Close the find bar (Escape)")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.dismiss)
        view.source_loaded.connect(self._search)
        self._update_counter()
        self.hide()

    def _tool_button(self, name: str, label: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(label)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        return button

    @property
    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    @property
    def current_index(self) -> int | None:
        return self._current if self._current >= 0 else None

    def open(self) -> None:
        """Show the bar with its text selected, so typing replaces the last search."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search()

    def dismiss(self) -> None:
        self.hide()
        self._view.set_find_match(None)
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self) -> None:
        if self._matches:
            self._go_to((self._current + 1) % len(self._matches))

    def find_previous(self) -> None:
        if self._matches:
            self._go_to((self._current - 1) % len(self._matches))

    def _search(self) -> None:
        query = self.field.text()
        text = self._view.source_text
        if not query or self.isHidden():
            self._matches, self._current = [], -1
            self._view.set_find_match(None)
            self._update_counter()
            return
        # re's IGNORECASE keeps positions in the original text; lower()/casefold() can change lengths.
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        self._matches = [(match.start(), match.end()) for match in pattern.finditer(text)]
        if not self._matches:
            self._current = -1
            self._view.set_find_match(None)
            self._update_counter()
            return
        # Refining a search keeps the reader where they are: the first match from the caret on.
        first_after = bisect_left(self._matches, (self._view.caret_position(), -1))
        self._go_to(first_after % len(self._matches))

    def _go_to(self, match_number: int) -> None:
        self._current = match_number
        start, end = self._matches[match_number]
        self._view.bring_position_into_view(start)
        self._view.set_find_match((start, end))
        self._update_counter()

    def _update_counter(self) -> None:
        if not self.field.text():
            self.counter.setText("")
        elif not self._matches:
            self.counter.setText("No matches")
        else:
            self.counter.setText(f"{self._current + 1} of {len(self._matches)}")
        has_matches = bool(self._matches)
        self.previous_button.setEnabled(has_matches)
        self.next_button.setEnabled(has_matches)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if key_event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)


# -- the pane ----------------------------------------------------------------------------------


class SourcePane(QWidget):
    """Header, text and find bar for the source the curator is reading, kept in step with the session."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self._session = session
        self.source_id: int | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("sourceTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.title_label.font())
        title_font.setBold(True)
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title_label.setFont(title_font)

        self.details_label = QLabel(self)
        self.details_label.setObjectName("sourceDetails")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)
        self.details_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.view = SourceView(self)
        self.find_bar = FindBar(self.view, self)
        from kzeu_desk.ui.page_gutter import PageGutter

        self.page_gutter = PageGutter(self.view)
        self.page_label = QLabel(self, objectName="sourcePage", textFormat=Qt.TextFormat.PlainText)
        self.page_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.page_gutter.page_changed.connect(self._show_page)

        header = QVBoxLayout()
        header.setContentsMargins(_READING_MARGIN, 8, _READING_MARGIN, 4)
        header.setSpacing(2)
        header.addWidget(self.title_label)
        details_row = QHBoxLayout()
        details_row.addWidget(self.details_label, 1)
        details_row.addWidget(self.page_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        header.addLayout(details_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)

        session.changed.connect(self._on_changes)
        session.selected_fact_changed.connect(self.view.set_selected_fact)
        self._show_header(None)

    def open_find(self) -> None:
        self.find_bar.open()

    def show_source_id(self, source_id: int | None) -> None:
        if source_id is None:
            self._clear()
            return
        from kzeu_desk.core.pages import current_page_map

        with self._session.fact_base.reading() as conn:
            row = queries.source_row(conn, source_id)
            spans = queries.evidence_spans(conn, source_id) if row is not None else []
            pages = current_page_map(conn, source_id) if row is not None else None
        if row is None:
            self._clear()
            return
        self.source_id = source_id
        self._show_header(row)
        self.view.set_selected_fact(self._session.selected_fact)
        self.view.show_source(source_id, row["text"], spans)
        self.page_gutter.set_pages(pages, self.view.utf16_index)

    def refresh_spans(self) -> None:
        """Reload the shown source's evidence (one indexed query) and re-colour what changed."""
        if self.source_id is None:
            return
        with self._session.fact_base.reading() as conn:
            spans = queries.evidence_spans(conn, self.source_id)
        self.view.set_spans(spans)

    def _on_changes(self, changes: Changes) -> None:
        if self.source_id is None:
            return
        if self.source_id in changes.deleted.get("source", set()):
            self._clear()
            return
        if self.source_id in changes.touched("source"):
            with self._session.fact_base.reading() as conn:
                row = queries.source_row(conn, self.source_id)
            if row is None:
                self._clear()
                return
            if row["text"] != self.view.source_text:  # a new revision (or its undo): show the new text
                self.show_source_id(self.source_id)
                return
            self._show_header(row)
        # A fact edit recolours its spans, and evidence rows name no source once deleted: reloading
        # this one source's spans is cheaper than working out whether they were ours.
        if changes.affects("evidence", "fact"):
            self.refresh_spans()

    def _clear(self) -> None:
        self.source_id = None
        self._show_header(None)
        self.view.clear_source()
        self.page_gutter.set_pages(None, self.view.utf16_index)

    def _show_page(self, number: int) -> None:
        pages = self.page_gutter.pages
        self.page_label.setText(f"Page {pages.label(number)} of {len(pages)}" if pages and number else "")

    def _show_header(self, row: dict | None) -> None:
        if row is None:
            self.title_label.clear()
            self.details_label.clear()
            self.title_label.hide()
            self.details_label.hide()
            return
        self.title_label.setText(row.get("title") or row.get("file_name") or "Untitled source")
        self.details_label.setText(source_details_line(row))
        provenance = source_provenance(row)
        self.details_label.setToolTip(plain_text_as_tooltip(provenance) if provenance else "")
        self.title_label.show()
        self.details_label.setVisible(bool(self.details_label.text()))


_DOCUMENT_FORMATS = {"pdf": "PDF", "docx": "Word", "odt": "OpenDocument", "html": "web page"}


def source_details_line(row: dict) -> str:
    """author · publisher · published · N characters · format or encoding, leaving out whatever is unknown."""
    parts: list[str] = []
    if row.get("author"):
        parts.append(str(row["author"]))
    if row.get("publisher"):
        parts.append(str(row["publisher"]))
    if row.get("published"):
        parts.append(_readable_date(str(row["published"])))
    if row.get("char_count") is not None:
        count = int(row["char_count"])
        parts.append(f"{count:,} character{'s' if count != 1 else ''}")
    if row.get("format") in _DOCUMENT_FORMATS:
        parts.append(_DOCUMENT_FORMATS[row["format"]])
    elif row.get("encoding"):
        parts.append(str(row["encoding"]))
    return " · ".join(parts)


def _readable_date(published: str) -> str:
    try:
        return format_date(published)
    except ValueError:  # imported metadata may hold a free-form date; showing it as typed beats hiding it
        return published


def source_provenance(row: dict) -> str:
    """Where the text came from, for the details tooltip."""
    lines = [f"{label}: {row[key]}" for key, label in
             (("author", "Author"), ("url", "Address"), ("retrieved_at", "Retrieved"), ("file_name", "File"),
              ("note", "Note")) if row.get(key)]
    return "\n".join(lines)
