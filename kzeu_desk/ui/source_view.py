"""The reading view: one source's canonical text with its evidence spans coloured by fact status.

Offsets arrive from storage as code points into the canonical text and are converted to Qt's
UTF-16 positions exactly once per shown text, through one `Utf16Index` (docs/ARCHITECTURE.md, trap 2). Thousands
of spans are painted by a `QSyntaxHighlighter` fed from an interval index, never by one
ExtraSelection each (trap 4); ExtraSelections are kept for the few transient marks.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from kzeu_desk.core.highlight_index import HighlightIndex
from kzeu_desk.core.queries import EvidenceSpan
from kzeu_desk.core.text import Utf16Index
from kzeu_desk.ui.span_highlighter import SpanFormats, SpanHighlighter

# The current find match imitates a browser's find highlight: an opaque yellow with dark text, so it
# stands out over any status colour in either palette.
_FIND_MATCH_BACKGROUND = QColor(255, 213, 79)
_FIND_MATCH_FOREGROUND = QColor(20, 20, 20)

READING_MARGIN = 12
_READING_FONT_SCALE = 1.12


def describe_fact(span: EvidenceSpan, value: str | None = None) -> str:
    """One line naming a span's fact (with its value when known), as the tooltip shows it."""
    subject, prop = span.subject_name, span.property_name
    status = span.status or "draft"
    rank = span.rank
    if subject is None and prop is None:
        if status == "draft":
            return ("New draft fact (subject and property not set)" if not value
                    else f"New draft fact: {value} (subject and property not set)")
        naming = "Fact without subject or property"
    else:
        naming = f"{subject or '(subject not set)'} · {prop or '(property not set)'}"
    if value:
        naming = f"{naming}: {value}"
    state = status if rank in (None, "normal") else f"{status}, {rank}"
    return f"{naming} — {state}"


def plain_text_as_tooltip(text: str) -> str:
    """Tooltip markup that shows `text` literally.

    QToolTip guesses rich text from the content, so a subject named "<b>x</b>" or an <img> in a URL
    would be rendered (docs/ARCHITECTURE.md, trap 3); escaped markup leaves nothing to guess.
    """
    return "<p style='white-space:pre'>" + "<br>".join(html.escape(line) for line in text.split("\n")) + "</p>"


# A text this long is coloured a stretch of blocks per turn of the event loop, the blocks on screen
# first: colouring the 1 MB source's 4.5k paragraphs (10k highlights) as the text was set, one
# Python call per paragraph, held the GUI thread ~0.4 s at load 7 after a revision import. A step
# ends after BLOCKS_PER_STEP blocks or STEP_S, whichever comes first: 200 blocks took 86-100 ms at
# load 7.
COLOUR_IN_STEPS_FROM = 200_000  # characters
BLOCKS_PER_STEP = 200
STEP_S = 0.015


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
        document.setDocumentMargin(READING_MARGIN)
        # The text never changes through the widget; an undo history would only hold a 1 MB copy.
        document.setUndoRedoEnabled(False)

        self._highlighter = SpanHighlighter(document, self.palette())
        self._colouring = QTimer(self, singleShot=True, interval=0)
        self._colouring.timeout.connect(self._colour_next_blocks)
        self._next_block = 0
        self._source_id: int | None = None
        self._text = ""
        self._utf16 = Utf16Index("")
        self._selected_fact_id: int | None = None
        self._find_match: tuple[int, int] | None = None  # UTF-16
        self._marked_evidence: tuple[int, int] | None = None  # UTF-16: the evidence a selection took the reader to
        # Values of facts by id, asked for only when a tooltip is shown (the pane reads them from the fact base).
        self.fact_values: Callable[[list[int]], dict[int, str]] | None = None
        # The shown source's citation (author, title, publisher, date), the last line of a highlight's
        # tooltip, so a quote can be cited from where it is read (the source pane sets it).
        self.citation: str | None = None
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

    def show_source(self, source_id: int, text: str, spans: list[EvidenceSpan],
                    indexed: tuple[Utf16Index, HighlightIndex] | None = None) -> None:
        """Show a source's canonical text with its evidence spans, from the top. `indexed`: the
        text's `Utf16Index` and the spans' `HighlightIndex`, when built off the GUI thread (for the
        1 MB source's 10k highlights the index took 60-80 ms of the GUI thread, 160 ms profiled)."""
        if "\r" in text or text.startswith("\ufeff"):
            # Qt would silently drop these characters and every later offset would point one off.
            raise ValueError("source text must be canonical (no CR, no leading BOM); see core.text.canonicalize")
        utf16 = indexed[0] if indexed is not None else Utf16Index(text)
        self._source_id = source_id
        self._text = text
        self._utf16 = utf16
        self._find_match = None
        self._marked_evidence = None
        # The index goes in before the text so Qt's one layout pass over the new blocks colours them;
        # a long text's blocks are coloured in steps afterwards instead (COLOUR_IN_STEPS_FROM).
        index = indexed[1] if indexed is not None else HighlightIndex(spans, utf16)
        in_steps = len(text) >= COLOUR_IN_STEPS_FROM and bool(index.segment_starts)
        self._colouring.stop()
        self._highlighter.index = None if in_steps else index
        self.setPlainText(text)
        self._highlighter.index = index
        if in_steps:
            self._next_block = -1  # the blocks on screen first, then from the top
            self._colouring.start()
        self._refresh_extra_selections()
        self.source_loaded.emit()

    @property
    def colouring(self) -> bool:
        """A long text's highlights are still being laid on, a stretch of blocks per turn."""
        return self._colouring.isActive()

    def _colour_next_blocks(self) -> None:
        if self._highlighter.index is None:
            return
        if self._next_block < 0:  # first the blocks on screen (and below), then all from the top
            self._colour_blocks(self.firstVisibleBlock())
            self._next_block = 0
            self._colouring.start()
            return
        after = self._colour_blocks(self.document().findBlockByNumber(self._next_block))
        if after.isValid():
            self._next_block = after.blockNumber()
            self._colouring.start()

    def _colour_blocks(self, block: QTextBlock) -> QTextBlock:
        """Colour BLOCKS_PER_STEP blocks from `block` (those holding a highlight); the block after them."""
        index = self._highlighter.index
        assert index is not None
        starts = index.segment_starts
        deadline = time.perf_counter() + STEP_S
        for _ in range(BLOCKS_PER_STEP):
            if not block.isValid() or time.perf_counter() > deadline:
                break
            start = block.position()
            number = index.first_segment_ending_after(start)
            if number < len(starts) and starts[number] < start + block.length() - 1:
                self._highlighter.rehighlightBlock(block)
            block = block.next()
        return block

    def set_spans(self, spans: list[EvidenceSpan], index: HighlightIndex | None = None) -> None:
        """Re-colour after changes; only blocks whose colouring changed are redone, and the reader's
        scroll position and selection stay where they are. `index`: the spans' index over this very
        text, when built off the GUI thread."""
        previous = self._highlighter.index
        if previous is not None and previous.built_from(spans):
            return  # the same highlights: nothing to build, nothing to re-colour
        current = index if index is not None else HighlightIndex(spans, self._utf16)
        self._highlighter.index = current
        self._recolour(None if previous is None else current.ranges_that_differ(previous))

    def update_spans(self, fact_ids: Collection[int], evidence_ids: Collection[int],
                     fresh: Sequence[EvidenceSpan]) -> None:
        """The spans of `fact_ids` and of `evidence_ids` are now `fresh` (an edit's changes, as
        `queries.evidence_spans_of` reads them): the index is patched and only the blocks they lie
        in are re-coloured, the reader's place kept (`HighlightIndex.update`)."""
        index = self._highlighter.index
        if index is None:
            return
        changed = index.update(fact_ids, evidence_ids, fresh)
        if changed:
            self._recolour(changed)

    def _recolour(self, ranges: list[tuple[int, int]] | None) -> None:
        """Re-colour the blocks of `ranges` (every block: None), the reader's place and selection kept."""
        vertical, horizontal = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        if ranges is None:
            self._highlighter.rehighlight()
        else:
            self._highlighter.rehighlight_ranges(ranges)
        self._refresh_extra_selections()
        self.verticalScrollBar().setValue(vertical)
        self.horizontalScrollBar().setValue(horizontal)

    def clear_source(self) -> None:
        self._source_id = None
        self._text = ""
        self._utf16 = Utf16Index("")
        self._find_match = None
        self._marked_evidence = None
        self._colouring.stop()
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

    def mark_evidence(self, start_cp: int, end_cp: int, *, scroll: bool = True) -> None:
        """Mark a span as the evidence being looked at and bring it into view (centred when it was
        off-screen), leaving the caret at its start. Unlike a selection, the mark cannot be turned
        into a new fact by a stray Ctrl+N."""
        start, end = self._utf16.to_utf16(start_cp), self._utf16.to_utf16(end_cp)
        self._marked_evidence = (start, end)
        self._refresh_extra_selections()
        if not scroll:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(end)
        end_rect = self.cursorRect(cursor)
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        if not (self.viewport().rect().contains(self.cursorRect(cursor)) and self.viewport().rect().contains(end_rect)):
            self.centerCursor()

    @property
    def marked_evidence(self) -> tuple[int, int] | None:
        """The marked evidence span in code points, or None."""
        if self._marked_evidence is None:
            return None
        return self._utf16.to_codepoint(self._marked_evidence[0]), self._utf16.to_codepoint(self._marked_evidence[1])

    def clear_evidence_mark(self) -> None:
        if self._marked_evidence is not None:
            self._marked_evidence = None
            self._refresh_extra_selections()

    def spans_at(self, position_cp: int) -> list[EvidenceSpan]:
        """Spans covering the character at a code point offset, innermost first."""
        index = self._highlighter.index
        if index is None or not 0 <= position_cp < self._utf16.codepoint_length:
            return []
        return index.spans_at(self._utf16.to_utf16(position_cp))

    def tooltip_text_at(self, position_cp: int) -> str | None:
        """Plain text naming the fact(s) at a code point offset, innermost first; None over plain text."""
        return _tooltip_for(self.spans_at(position_cp), self.fact_values)

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

    def first_visible_position(self) -> int:
        """The code point offset of the first character of the top line shown (0 with no text)."""
        block = self.firstVisibleBlock()
        if not self._text or not block.isValid():
            return 0
        position = block.position()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top() + layout.position().y()
            # The first line whose bottom is inside the viewport (a line half scrolled away is still read).
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                if top + line.y() + line.height() > 0:
                    position += line.textStart()
                    break
        return self._utf16.to_codepoint(min(position, self._utf16.utf16_length))

    def scroll_to_position(self, position_cp: int) -> bool:
        """Show the line holding a code point offset at the top of the view, the caret at its start;
        False (nothing moved) when the offset is not in the shown text.

        The scroll bar is set directly (QPlainTextEdit counts it in lines, a block not laid out yet
        counting one), then to the line within the block once that block is laid out: Qt's own
        scrolling to a caret puts it in the middle (`centerCursor`) or at the bottom of the view,
        not at the top where it was read. 1-8 ms for a place in the middle or near the end of a
        1 MB source (1,038,189 characters), the text set once."""
        if not self._text or not 0 <= position_cp < self._utf16.codepoint_length:
            return False
        utf16 = self._utf16.to_utf16(position_cp)
        block = self.document().findBlock(utf16)
        if not block.isValid():
            return False
        bar = self.verticalScrollBar()
        bar.setValue(block.firstLineNumber())
        self.document().documentLayout().blockBoundingRect(block)  # lays out this one block
        layout = block.layout()
        line = layout.lineForTextPosition(utf16 - block.position()) if layout is not None else None
        if line is not None and line.isValid() and line.lineNumber() > 0:
            bar.setValue(block.firstLineNumber() + line.lineNumber())
        cursor = QTextCursor(self.document())
        cursor.setPosition(utf16)
        self.setTextCursor(cursor)  # on the top line already: Qt does not scroll for it
        if self._colouring.isActive():
            self._colour_blocks(self.firstVisibleBlock())  # the lines now on screen first
        return True

    def _refresh_extra_selections(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        index = self._highlighter.index
        if index is not None and self._selected_fact_id is not None:
            for start, end, status in index.fact_ranges(self._selected_fact_id):
                selections.append(self._extra_selection(start, end, self.span_formats.focused_format(status)))
        if self._marked_evidence is not None:
            selections.append(self._extra_selection(*self._marked_evidence, self._evidence_mark_format()))
        if self._find_match is not None:
            find_format = QTextCharFormat()
            find_format.setBackground(_FIND_MATCH_BACKGROUND)
            find_format.setForeground(_FIND_MATCH_FOREGROUND)
            selections.append(self._extra_selection(*self._find_match, find_format))
        self.setExtraSelections(selections)

    def _evidence_mark_format(self) -> QTextCharFormat:
        # The palette's own selection colours: the strongest mark a reader already knows, in any theme.
        mark = QTextCharFormat()
        mark.setBackground(self.palette().color(QPalette.ColorRole.Highlight))
        mark.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
        return mark

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

    def _spans_under(self, viewport_point: QPoint) -> list[EvidenceSpan]:
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
            self.fact_clicked.emit(spans[0].fact_id)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            text = _tooltip_for(self._spans_under(help_event.pos()), self.fact_values)
            if text is not None and self.citation:
                text = f"{text}\nFrom {self.citation}"
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


def _tooltip_for(spans: list[EvidenceSpan], values: Callable[[list[int]], dict[int, str]] | None = None) -> str | None:
    fact_ids = list(dict.fromkeys(span.fact_id for span in spans))
    if not fact_ids:
        return None
    known = values(fact_ids) if values is not None else {}
    firsts: dict[int, EvidenceSpan] = {}
    for span in spans:
        firsts.setdefault(span.fact_id, span)
    return "\n".join(describe_fact(firsts[fact_id], known.get(fact_id)) for fact_id in fact_ids)
