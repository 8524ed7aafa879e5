"""Page numbers in the right margin of the source text, for sources read from paged files (PDF).

Each page's number is written beside the line where its text begins, with a rule marking the
exact point, so a curator sees which page a passage (and the evidence drawn from it) is on; the
page at the top of the view is announced for the pane's header. Offsets arrive as code points and
are converted once per shown text (Qt positions are UTF-16 code units: docs/ARCHITECTURE.md, trap 2).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from kzeu_desk.core.pages import PageMap
from kzeu_desk.core.text import Utf16Index
from kzeu_desk.ui.source_view import SourceView

_PADDING = 6


class PageGutter(QWidget):
    page_changed = Signal(int)  # the number of the page at the top of the view (0: the text has no pages)

    def __init__(self, view: SourceView):
        super().__init__(view)
        self.setObjectName("pageGutter")
        self._view = view
        self._pages: PageMap | None = None
        self._starts: list[int] = []  # UTF-16 positions of the page starts
        self._top_page = 0
        font = QFont(view.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.8)
        self.setFont(font)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        view.updateRequest.connect(self._follow_view)
        view.installEventFilter(self)
        self.hide()

    @property
    def pages(self) -> PageMap | None:
        return self._pages

    @property
    def top_page(self) -> int:
        return self._top_page

    def set_pages(self, pages: PageMap | None, utf16: Utf16Index) -> None:
        self._pages = pages if pages is not None and len(pages) else None
        self._starts = [utf16.to_utf16(min(start, utf16.codepoint_length)) for start in self._pages.starts] \
            if self._pages else []
        width = self.sizeHint().width() if self._pages else 0
        self._view.set_right_margin(width)
        self.setVisible(self._pages is not None)
        self._place()
        self._announce_top_page()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        widest = f"p. {max((self._pages.label(n) for n in range(1, len(self._pages) + 1)), key=len)}" \
            if self._pages else "p. 999"
        return QSize(self.fontMetrics().horizontalAdvance(widest) + 2 * _PADDING, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        viewport = self._view.viewport().geometry()
        place = QRect(viewport.right() + 1, viewport.top(), self.sizeHint().width(), viewport.height())
        if place != self.geometry():
            self.setGeometry(place)

    def _follow_view(self, rect: QRect, dy: int) -> None:
        if self._pages is None:
            return
        # The viewport also narrows without the view resizing: when the scroll bar appears.
        self._place()
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())
        self._announce_top_page()

    def _announce_top_page(self) -> None:
        number = 0
        if self._pages is not None:
            top = self._view.cursorForPosition(QPoint(0, 0)).position()
            number = max(1, bisect_right(self._starts, top))
        if number != self._top_page:
            self._top_page = number
            self.page_changed.emit(number)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._pages is None:
            return
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.PlaceholderText)))
        view = self._view
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        bottom_limit = event.rect().bottom()
        line_height = self.fontMetrics().height()
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom_limit:
                break
            first = bisect_left(self._starts, block.position())
            last = bisect_left(self._starts, block.position() + block.length())
            layout = block.layout()
            for index in range(first, last):
                line = layout.lineForTextPosition(self._starts[index] - block.position())
                y = int(geometry.top() + (line.y() if line.isValid() else 0))
                painter.drawLine(1, y, _PADDING, y)
                painter.drawText(QRect(_PADDING, y, self.width() - _PADDING, line_height),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                                 f"p. {self._pages.label(index + 1)}")
            block = block.next()
        painter.end()
