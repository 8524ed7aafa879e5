"""Paints the facts table's cells from the model's prepared strings, one Python call per cell.

Qt's own delegate asks the model seven roles per cell (font, alignment, colour, check state, icon,
text, background), each a call from C++ into Python, and then lays the text out twice (once to elide
it, once to draw it). At 1M facts that made a repaint of a 1400x900 table 1.6-1.9x the same strings
in a C++ `QStandardItemModel` (docs/PERFORMANCE.md §7, §11, §20). This delegate reads the row's
strings and status once, and draws each text from a `QStaticText` laid out the first time that
string is shown at that width, at the position Qt's style would draw it (QCommonStyle's item
layout: the style's own text and icon rectangles, the focus frame margin, elided on the right,
centred vertically by the line's height).

It looks exactly as the default delegate does, for the styles whose item painting is QCommonStyle's
("fusion", the Linux default and Qt's offscreen style, and "windows"): tests compare both pixel for
pixel. Under any other style (Windows 11, macOS, a desktop theme), in right-to-left layouts, for
the cell with the keyboard focus (whose frame the style draws) and for rows not yet read, it hands
the cell to Qt's delegate, which asks `data()` as before. Tooltips, accessibility and editing keep
going through `data()`: only painting is shortcut.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QStaticText, QTextOption, QTransform
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

# Styles whose CE_ItemViewItem is QCommonStyle's: what `paint` reproduces (checked pixel for pixel
# in tests/test_fact_table.py).
COMMON_ITEM_STYLES = frozenset({"fusion", "windows"})

# Laid-out texts kept: a screen shows ~400 cells, many of them repeats ("Confirmed", "Normal", "1").
# 8,192 entries hold ~20 screens of distinct strings in ~4 MB; beyond that the cache starts over.
CACHED_TEXTS = 8192

_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_RIGHT = Qt.AlignmentFlag.AlignRight.value
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight


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
        self._font = QFont()
        self._font_key = ""
        self._style: QStyle | None = None
        self._text_margin = 0
        # (state bits that choose the colour, muted) -> text colour, for the palette of this paint
        self._colours: dict[tuple[int, bool], QColor] = {}
        self._palette_key = 0
        # (column, width, height) -> text rectangle and icon rectangle relative to the cell's corner
        self._geometry: dict[tuple[int, int, int], tuple[int, int, int, int, int, int, int, int]] = {}
        # (text, available width, right-aligned) -> laid-out text and its offset in the text rectangle
        self._texts: dict[tuple[str, int, bool], tuple[QStaticText, float, int]] = {}

    def begin_paint(self) -> None:
        """Called by the view before each paint: style, font and palette are read once per repaint,
        not once per cell."""
        view = self._view
        style = view.style()
        self._fast = (style.name().lower() in COMMON_ITEM_STYLES
                      and view.layoutDirection() == Qt.LayoutDirection.LeftToRight)
        font = view.font()
        font_key = font.key()
        if style is not self._style or font_key != self._font_key:
            self._style = style
            self._font = QFont(font)
            self._font_key = font_key
            self._text_margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
            self._geometry.clear()
            self._texts.clear()
        palette = view.palette()
        if palette.cacheKey() != self._palette_key:
            self._palette_key = palette.cacheKey()
            self._colours.clear()

    def forget_icons(self) -> None:
        self._icons.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        state = option.state.value
        shown = self._model.shown_row(index.row()) if self._fast and not state & _HAS_FOCUS else None
        if shown is None:
            super().paint(painter, option, index)
            return
        cells, status = shown
        column = index.column()
        rect = option.rect
        width, height = rect.width(), rect.height()
        geometry = self._geometry.get((column, width, height))
        if geometry is None:
            geometry = self._measure(option, index, column, width, height)
        if state & _SELECTED:  # the style's selection fill (nothing is drawn for other cells)
            self._style.drawPrimitive(_PANEL, option, painter, option.widget)
        left, top = rect.x(), rect.y()
        if column == self._icon_column:
            icon = self._icons.get(status, False)
            if icon is False:
                icon = self._icons[status] = self._model.status_icon(status)
            if icon is not None:
                mode = (QIcon.Mode.Selected if state & _SELECTED else QIcon.Mode.Normal) if state & _ENABLED \
                    else QIcon.Mode.Disabled
                icon.paint(painter, left + geometry[4], top + geometry[5], geometry[6], geometry[7],
                           Qt.AlignmentFlag.AlignCenter, mode)
        text = cells[column]
        if not text:
            return
        text_width = geometry[2]
        right = column in self._right_aligned
        laid_out = self._texts.get((text, text_width, right))
        if laid_out is None:
            laid_out = self._lay_out(text, text_width, geometry[3], right)
        muted = not state & _SELECTED and status in self._muted_statuses
        key = (state & (_SELECTED | _ENABLED | _ACTIVE), muted)
        colour = self._colours.get(key)
        if colour is None:
            colour = self._colour(option, key)
        painter.setPen(colour)
        painter.setFont(self._font)
        painter.drawStaticText(QPointF(left + geometry[0] + laid_out[1], top + geometry[1] + laid_out[2]),
                               laid_out[0])

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
        origin = option.rect.topLeft()
        margin = self._text_margin
        geometry = (text.x() - origin.x() + margin, text.y() - origin.y(), text.width() - 2 * margin, text.height(),
                    icon.x() - origin.x(), icon.y() - origin.y(), icon.width(), icon.height())
        self._geometry[(column, width, height)] = geometry
        return geometry

    def _lay_out(self, text: str, width: int, height: int, right: bool) -> tuple[QStaticText, float, int]:
        """The text as the style draws it: elided on the right to the width, one line, its top
        where centring the line's height puts it (QStyle.alignedRect, integer pixels)."""
        shown = QFontMetrics(self._font).elidedText(text, _ELIDE_RIGHT, width)
        static = QStaticText(shown)
        static.setTextFormat(Qt.TextFormat.PlainText)
        options = QTextOption()
        options.setWrapMode(QTextOption.WrapMode.ManualWrap)
        options.setTextDirection(Qt.LayoutDirection.LeftToRight)
        static.setTextOption(options)
        static.prepare(QTransform(), self._font)
        size = static.size()
        x = width - size.width() if right else 0.0
        y = int((height - size.toSize().height()) / 2)
        if len(self._texts) >= CACHED_TEXTS:
            self._texts.clear()
        laid_out = self._texts[(text, width, right)] = (static, x, y)
        return laid_out

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
