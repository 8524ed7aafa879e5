"""Draws a list item whose text is "title\\ndescription" as a bold title over a quieter description.

The item's text stays the whole string, so screen readers, keyboard search and tests read both
lines; only the painting differs. Used where a list offers a few choices that each need a sentence
(the export formats): with both lines in one weight the eye cannot find the titles.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_PADDING = 4  # pixels above, below and left of the two lines, so neighbouring items do not touch


class TitledItemDelegate(QStyledItemDelegate):
    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        title, _newline, description = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        return title, description

    @staticmethod
    def _title_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setBold(True)
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        title, description = self._lines(index)
        title_metrics = QFontMetrics(self._title_font(option))
        metrics = QFontMetrics(option.font)
        width = max(title_metrics.horizontalAdvance(title), metrics.horizontalAdvance(description))
        height = title_metrics.height() + (metrics.height() if description else 0)
        return QSize(width + 5 * _PADDING, height + 2 * _PADDING)  # padding both sides and a margin

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        title, description = self._lines(index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The style draws the selection and focus background; the text is ours.
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = option.rect.adjusted(2 * _PADDING, _PADDING, -_PADDING, -_PADDING)
        title_font = self._title_font(option)
        title_height = QFontMetrics(title_font).height()
        painter.save()
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetrics(title_font).elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        if description:
            font = option.font
            painter.setFont(font)
            # Selected rows keep full contrast; otherwise the description steps back behind its title.
            painter.setPen(palette.color(text_role) if selected else palette.color(QPalette.ColorRole.PlaceholderText))
            metrics = QFontMetrics(font)
            painter.drawText(QRect(rect.left(), rect.top() + title_height, rect.width(), metrics.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(description, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
