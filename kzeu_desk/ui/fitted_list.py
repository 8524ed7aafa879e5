"""A list whose height follows its wrapped rows, for the short lists of a scrolling form."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QSizePolicy, QWidget


class FittedList(QListWidget):
    """A wrapped-text list as tall as its rows up to a limit, so a short list leaves no blank box
    and a long quote is read whole; its height follows its width, since wrapping does."""

    def __init__(self, max_height: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._max_height = max_height
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def fit_height(self) -> None:
        # Measured from the text, since the view lays its rows out lazily, after this is needed.
        metrics = self.fontMetrics()
        width = max(self.viewport().width() - 8, 40)
        flags = int(Qt.TextFlag.TextWordWrap)
        rows = sum(metrics.boundingRect(QRect(0, 0, width, 100_000), flags, self.item(row).text()).height() + 4
                   for row in range(self.count()))
        empty_row = metrics.lineSpacing() + 6
        self.setFixedHeight(min(self._max_height, max(rows, empty_row) + 2 * self.frameWidth() + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_height()
