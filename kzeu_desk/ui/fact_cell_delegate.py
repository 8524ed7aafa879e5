"""Paints the facts table's cells from the model's prepared strings, one Python call per cell.

Qt's own delegate asks the model seven roles per cell (font, alignment, colour, check state, icon,
text, background), each a call from C++ into Python, and then lays the text out twice (once to elide
it, once to draw it). At 1M facts that made a repaint of a 1400x900 table 1.6-1.9x the same strings
in a C++ `QStandardItemModel` (docs/PERFORMANCE.md §7, §11, §20). This delegate reads the row's
strings and status once for its cells, and draws each text from a `QStaticText` laid out once for
that string (in any row; cut short with "…" only where wider than its cell), at the position Qt's
style would draw it (QCommonStyle's item layout: the style's own text and icon rectangles, the focus
frame margin, elided on the right, centred vertically by the line's height). A text is laid out
while the GUI thread is idle (the view plans the rows a scroll would bring) or at the second paint
that shows it; the paint that first shows a text not laid out draws it as Qt's delegate would, cut
short and drawn with `drawText` (docs/PERFORMANCE.md §23, §25).

It looks exactly as the default delegate does, for the styles whose item painting is QCommonStyle's
("fusion", the Linux default and Qt's offscreen style, and "windows"): tests compare both pixel for
pixel. Under any other style (Windows 11, macOS, a desktop theme), in right-to-left layouts, for
the cell with the keyboard focus (whose frame the style draws), for texts with a line break, for
rows that cannot be read and for cells painted outside the view's paint event, it hands the cell
to Qt's delegate, which asks `data()` as before. Tooltips, accessibility and editing keep
going through `data()`: only painting is shortcut.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import islice
from typing import cast

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QIcon, QPainter, QPalette, QStaticText, QTextOption, QTransform
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

# Styles whose CE_ItemViewItem is QCommonStyle's: what `paint` reproduces (checked pixel for pixel
# in tests/test_fact_cell_delegate.py).
COMMON_ITEM_STYLES = frozenset({"fusion", "windows"})

# Laid-out texts kept: a screen shows ~400 cells, many of them repeats ("Confirmed", "Normal", "1").
# 8,192 entries hold ~65 screens of scrolling (~125 new strings a screen at 1M) in ~14 MB; when full,
# the oldest eighth goes (freeing all 8,192 at once took 12 ms, a visible hitch in one repaint).
CACHED_TEXTS = 8192
_EVICTED_AT_ONCE = CACHED_TEXTS // 8
# Column sizes remembered (a column dragged wider passes through hundreds of widths).
CACHED_GEOMETRIES = 1024
# A text not laid out yet is drawn as Qt's delegate draws it by the first paints that show it, and laid
# out (kept, and drawn from that) by this one: see FactCellDelegate._draw_directly.
LAID_OUT_AT_PAINT = 2
# Texts Qt's delegate draws on more than one line (it turns line feeds into line separators): left to it.
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")

_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_MOUSE_OVER = QStyle.StateFlag.State_MouseOver.value
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_UNSEEN = object()
# Characters' advances added up beyond this many times the cell's width: cut short without a full
# layout first (kerning and ligatures narrow a text by a few per cent, never by a sixth).
_CLEARLY_TOO_WIDE = 1.15
_LaidOut = tuple[QStaticText, float, int]  # the text, its natural width, its height
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
# Looked up once: an enum member read in `paint` costs a Python attribute lookup through enum's
# descriptor (~1 us under load), five of them per Status cell.
_CENTRED = Qt.AlignmentFlag.AlignCenter
_ICON_SELECTED, _ICON_NORMAL, _ICON_DISABLED = QIcon.Mode.Selected, QIcon.Mode.Normal, QIcon.Mode.Disabled
_IDENTITY = QTransform()


class FactCellDelegate(QStyledItemDelegate):
    """`model` answers `shown_row(row) -> (cells, status) | None` and `status_icon(status)`;
    `muted_statuses` are drawn in `muted` text (the model's ForegroundRole for them)."""

    def __init__(self, model, view: QAbstractItemView, *, right_aligned: frozenset[int], icon_column: int,
                 muted_statuses: frozenset[str], muted: QColor) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._right_aligned = right_aligned
        self._icon_column = icon_column
        self._muted_statuses = muted_statuses
        self._muted = QColor(muted)
        self._icons: dict[str, QIcon | None] = {}
        self._fast = False
        self._fast_style = False  # the last paint's style and direction were ones `paint` draws for
        self._selection: QItemSelectionModel | None = None
        self._focus_row = self._focus_column = -1
        self._shared_state = -1
        self._row = -1
        self._shown: tuple[tuple[str, ...], str] | None = None
        self._font = QFont()
        self._font_key = ""
        self._style: QStyle | None = None
        self._text_margin = 0
        # (state bits that choose the colour, muted) -> text colour, for the palette of this paint
        self._colours: dict[tuple[int, bool], QColor] = {}
        self._palette_key = 0
        # (column, width, height) -> text rectangle and icon rectangle relative to the cell's corner
        self._geometry: dict[tuple[int, int, int], tuple[int, int, int, int, int, int, int, int]] = {}
        # text -> laid out in full (None: Qt's delegate draws it); (text, width) -> cut short to the width
        self._texts: dict[str, _LaidOut | None] = {}
        self._elided: dict[tuple[str, int], _LaidOut] = {}
        self._metrics = QFontMetrics(self._font)
        self._metrics_f = QFontMetricsF(self._font)
        self._advances: dict[str, float] = {}  # each character's advance alone, in the view's font
        self._too_wide: _LaidOut = (QStaticText(), math.inf, 0)  # never drawn: always cut short first
        # Texts drawn without being laid out, by the paint that first showed them (numbered): a later
        # paint lays them out and keeps them; the characters known to be in the view's font itself (no
        # fallback font: the line's height and baseline are the font's), and that line's height and ascent.
        self._paint_number = 0
        self._drawn: dict[str, list[int]] = {}  # text -> [the last paint that drew it, how many paints did]
        self._in_font: set[str] = set()
        self._cut_numbers: dict[str, _LaidOut] = {}  # right-aligned texts as cut short -> laid out
        self._line_height = 0
        self._ascent = 0.0
        self._text_option = QTextOption()
        # As QCommonStyle lays item texts out: no wrapping, in the view's direction (the fast path is
        # left-to-right only).
        self._text_option.setWrapMode(QTextOption.WrapMode.ManualWrap)
        self._text_option.setTextDirection(Qt.LayoutDirection.LeftToRight)

    def begin_paint(self) -> None:
        """Called by the view before each paint: style, font and palette are read once per repaint,
        not once per cell."""
        view = self._view
        style = view.style()
        self._fast = (style.name().lower() in COMMON_ITEM_STYLES
                      and view.layoutDirection() == Qt.LayoutDirection.LeftToRight)
        self._fast_style = self._fast
        font = view.font()
        font_key = font.key()
        if style is not self._style or font_key != self._font_key:
            self._style = style
            self._font = QFont(font)
            self._font_key = font_key
            self._text_margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
            self._metrics = QFontMetrics(self._font)
            self._metrics_f = QFontMetricsF(self._font)
            self._advances.clear()
            self._geometry.clear()
            self._texts.clear()
            self._elided.clear()
            self._drawn.clear()
            self._in_font.clear()
            self._cut_numbers.clear()
            self._line_height = self._static("x")[2]
            self._ascent = self._metrics_f.ascent()
        palette = view.palette()
        if palette.cacheKey() != self._palette_key:
            self._palette_key = palette.cacheKey()
            self._colours.clear()
        # What QTableView adds to each cell's state, found as it finds it: selected if the selection
        # model says so, focused if it is the current cell of a focused view. The rest of the state
        # (enabled, active window) is the same for every cell, and read from the first cell's option:
        # reading option.state makes a Python enum, 1-3 us a cell.
        self._paint_number += 1
        self._selection = view.selectionModel()
        current = view.currentIndex()
        focused = current.isValid() and (view.hasFocus() or view.viewport().hasFocus())
        self._focus_row, self._focus_column = (current.row(), current.column()) if focused else (-1, -1)
        self._shared_state = -1
        self._row, self._shown = -1, None  # the row being painted: its nine cells come one after another

    def end_paint(self) -> None:
        """Called by the view after each paint: cells painted outside a paint event (a drag's image)
        go to Qt's delegate, which reads the model afresh."""
        self._fast = False
        self._row, self._shown = -1, None

    @property
    def laid_out_texts(self) -> int:
        """How many texts are kept laid out."""
        return len(self._texts) + len(self._elided) + len(self._cut_numbers)

    def forget_laid_out_texts(self) -> None:
        """Lay every text out afresh when next painted (what a screen of rows never shown before costs)."""
        self._texts.clear()
        self._elided.clear()
        self._drawn.clear()
        self._cut_numbers.clear()

    def lay_out_ahead(self, cells: Sequence[str], cell_sizes: Sequence[tuple[int, int, int]]) -> int:
        """Lay out a row's texts as `paint` will draw them, before the row is shown (the view calls this
        while the GUI thread is idle, for the rows a scroll would bring). `cell_sizes` holds (column,
        width, height) of each cell; a size not painted before is skipped (where its text goes is
        asked of the style at paint time). Returns how many texts were laid out."""
        if not self._fast_style:
            return 0
        laid_out = 0
        for column, width, height in cell_sizes:
            geometry = self._geometry.get((column, width, height))
            text = cells[column]
            if geometry is None or not text:
                continue
            found = self._texts.get(text, _UNSEEN)
            if found is _UNSEEN:
                found = self._lay_out(text, geometry[2])
                laid_out += 1
            if found is not None and cast("_LaidOut", found)[1] > geometry[2] and (text, geometry[2]) not in self._elided:
                self._elide(text, geometry[2])
                laid_out += 1
        return laid_out

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row, column = index.row(), index.column()
        if not self._fast or (row == self._focus_row and column == self._focus_column):
            super().paint(painter, option, index)
            return
        if row != self._row:
            self._row, self._shown = row, self._model.shown_row(row)
        shown = self._shown
        if shown is None:
            super().paint(painter, option, index)
            return
        state = self._shared_state
        if state < 0:
            state = self._shared_state = option.state.value & ~(_SELECTED | _HAS_FOCUS | _MOUSE_OVER)
        if self._selection is not None and self._selection.isSelected(index):
            state |= _SELECTED
        cells, status = shown
        left, top, width, height = cast("tuple[int, int, int, int]", option.rect.getRect())
        geometry = self._geometry.get((column, width, height))
        if geometry is None:
            geometry = self._measure(option, index, column, width, height)
        text = cells[column]
        laid_out: _LaidOut | None = None
        direct: str | None = None
        direct_x = 0.0
        if text:
            found = self._texts.get(text, _UNSEEN)
            if found is _UNSEEN and self._draw_directly(text):
                # Its first paint: drawn as Qt's delegate draws it (cut short, then drawn: two shapings in
                # C++), not laid out and kept first (a `QStaticText` made and prepared from Python: 5-7
                # calls into Qt, ~2x the time). Laid out at its second paint, or while idle.
                direct = self._metrics.elidedText(text, _ELIDE_RIGHT, geometry[2])
                if column in self._right_aligned:  # ids and counts: where it starts needs its width
                    if direct != text:
                        # Cut short, numbers share their cut form: at 1M the ids of a screen are all
                        # "500…" in a column sized for the first rows' ids. Laid out once for all.
                        laid_out = self._cut_numbers.get(direct) or self._lay_out_cut_number(direct)
                        direct = None
                    else:
                        direct_x = geometry[2] - self._metrics_f.horizontalAdvance(direct)
            else:
                laid_out = self._lay_out(text, geometry[2]) if found is _UNSEEN else cast("_LaidOut | None", found)
                if laid_out is None:
                    super().paint(painter, option, index)
                    return
                if laid_out[1] > geometry[2]:  # wider than the cell: cut short with "…", as the style does
                    laid_out = self._elided.get((text, geometry[2])) or self._elide(text, geometry[2])
        if state & _SELECTED:  # the style's fill; these styles draw nothing there for other cells, hovered or not
            self._style.drawPrimitive(_PANEL, option, painter, option.widget)
        if column == self._icon_column:
            icon = self._icons.get(status, False)
            if icon is False:
                icon = self._icons[status] = self._model.status_icon(status)
            if icon is not None:
                mode = (_ICON_SELECTED if state & _SELECTED else _ICON_NORMAL) if state & _ENABLED else _ICON_DISABLED
                icon.paint(painter, left + geometry[4], top + geometry[5], geometry[6], geometry[7], _CENTRED, mode)
        if laid_out is None and direct is None:
            return
        muted = not state & _SELECTED and status in self._muted_statuses
        look = (state & (_SELECTED | _ENABLED | _ACTIVE), muted)
        colour = self._colours.get(look)
        if colour is None:
            colour = self._colour(option, look)
        painter.setPen(colour)
        painter.setFont(self._font)
        if direct is not None:  # on the baseline of the line `drawStaticText` would draw
            line_top = top + geometry[1] + int((geometry[3] - self._line_height) / 2)
            painter.drawText(QPointF(left + geometry[0] + direct_x, line_top + self._ascent), direct)
            return
        assert laid_out is not None
        static, natural, line_height = laid_out
        # Right-aligned counts end where the style ends them; every line is centred as QStyle.alignedRect
        # centres it, in whole pixels.
        x = left + geometry[0] + (geometry[2] - natural if column in self._right_aligned else 0.0)
        painter.drawStaticText(QPointF(x, top + geometry[1] + int((geometry[3] - line_height) / 2)), static)

    def _measure(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                 column: int, width: int, height: int) -> tuple[int, int, int, int, int, int, int, int]:
        """Where the style puts this column's text and icon in a cell of this size, asked of the
        style itself with the option Qt's delegate would build (once per column and size)."""
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        style = self._style
        assert style is not None
        widget = option.widget
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, full, widget)
        icon = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, full, widget)
        if len(self._geometry) >= CACHED_GEOMETRIES:
            self._geometry.clear()
        origin = option.rect.topLeft()
        margin = self._text_margin
        geometry = (text.x() - origin.x() + margin, text.y() - origin.y(), text.width() - 2 * margin, text.height(),
                    icon.x() - origin.x(), icon.y() - origin.y(), icon.width(), icon.height())
        self._geometry[(column, width, height)] = geometry
        return geometry

    def _lay_out(self, text: str, width: int) -> _LaidOut | None:
        """The text laid out on one line as the style lays it out (None: it holds a line break).

        A text that is clearly too wide for its cell is not laid out in full only to be cut short:
        it gets an infinite width, so each width it is painted at gets its own cut-short layout.
        "Clearly" is judged by its characters' advances added up (no shaping: ~1.5 us against ~10 us
        for a layout; at 1M half the new texts of a scrolled screen are cut short, long subjects and
        properties); the judgement only picks which work comes first: `elidedText` gives back a text
        that fits unchanged, and a text laid out in full is still cut short if it is too wide."""
        _make_room(self._texts)
        if not _LINE_BREAKS.isdisjoint(text):
            laid_out = None
        elif self._sum_of_advances(text) > width * _CLEARLY_TOO_WIDE:
            laid_out = self._too_wide
        else:
            laid_out = self._static(text)
        self._texts[text] = laid_out
        return laid_out

    def _draw_directly(self, text: str) -> bool:
        """Whether this text, not laid out yet, is drawn without being laid out: by the paints that
        show it before the LAID_OUT_AT_PAINT-th (in as many cells as each shows it), on one line, and
        in the view's font alone (a character from a fallback font may make the line taller; such texts
        are laid out at once, as before). Laying a text out costs ~2x drawing it once (§23), and
        drawing it laid out much less again: a text shown again is likely to be shown many times
        (names, properties), and an id is shown in one paint only when scrolling on (§25)."""
        drawn = self._drawn
        seen = drawn.get(text)
        if seen is not None:
            if seen[0] != self._paint_number:
                seen[0] = self._paint_number
                seen[1] += 1
            return seen[1] < LAID_OUT_AT_PAINT
        if not _LINE_BREAKS.isdisjoint(text):
            return False
        in_font = self._in_font
        if not in_font.issuperset(text):
            for character in set(text).difference(in_font):
                if not self._metrics.inFontUcs4(ord(character)):
                    return False
                in_font.add(character)
        _make_room(drawn)
        drawn[text] = [self._paint_number, 1]
        return True

    def _lay_out_cut_number(self, cut: str) -> _LaidOut:
        _make_room(self._cut_numbers)
        laid_out = self._cut_numbers[cut] = self._static(cut)
        return laid_out

    def _sum_of_advances(self, text: str) -> float:
        advances = self._advances
        total = 0.0
        for character in text:
            advance = advances.get(character)
            if advance is None:
                advance = advances[character] = self._metrics_f.horizontalAdvance(character)
            total += advance
        return total

    def _elide(self, text: str, width: int) -> _LaidOut:
        _make_room(self._elided)
        laid_out = self._elided[(text, width)] = self._static(self._metrics.elidedText(text, _ELIDE_RIGHT, width))
        return laid_out

    def _static(self, text: str) -> _LaidOut:
        static = QStaticText(text)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.setTextOption(self._text_option)
        static.prepare(_IDENTITY, self._font)
        size = static.size()  # the layout's bounding box: its natural width, and its lines' height rounded up
        return static, size.width(), size.toSize().height()

    def _colour(self, option: QStyleOptionViewItem, key: tuple[int, bool]) -> QColor:
        state, muted = key
        group = QPalette.ColorGroup.Normal if state & _ENABLED else QPalette.ColorGroup.Disabled
        if group == QPalette.ColorGroup.Normal and not state & _ACTIVE:
            group = QPalette.ColorGroup.Inactive
        if muted:
            colour = QColor(self._muted)
        else:
            role = QPalette.ColorRole.HighlightedText if state & _SELECTED else QPalette.ColorRole.Text
            colour = option.palette.color(group, role)
        self._colours[key] = colour
        return colour


def _make_room(cache: dict) -> None:
    """Drop the oldest entries of a full cache (dicts keep the order entries were made in)."""
    if len(cache) >= CACHED_TEXTS:
        for key in list(islice(cache, _EVICTED_AT_ONCE)):
            del cache[key]
