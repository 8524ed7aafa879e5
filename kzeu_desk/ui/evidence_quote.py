"""A piece of evidence shown as its quote in context, which takes the curator to the source."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

_WHITESPACE_RUN = re.compile(r"\s+")


def _one_line(text: str) -> str:
    # Context around a quote may span line breaks; in a card it reads as one running sentence.
    return _WHITESPACE_RUN.sub(" ", text)


class EvidenceQuote(QTextEdit):
    """A quote in its context: prefix muted, quote emphasised, suffix muted, as one wrapped paragraph.

    Text goes in through QTextCursor.insertText with char formats, so nothing in a source is ever
    read as markup. A click (that did not select text) or Enter activates the quote.
    """

    activated = Signal()

    def __init__(self, prefix: str, quote: str, suffix: str, *, text_continues_before: bool = True,
                 text_continues_after: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidenceQuote")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.viewport().setAutoFillBackground(False)
        self.setAccessibleName("Evidence quote")
        self.setAccessibleDescription("Press Enter to show this quote in its source")

        muted = QTextCharFormat()
        muted.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        emphasised = QTextCharFormat()
        emphasised.setFontWeight(QFont.Weight.Bold)
        emphasised.setForeground(self.palette().color(QPalette.ColorRole.Text))
        cursor = QTextCursor(self.document())
        cursor.insertText(("…" if text_continues_before else "") + _one_line(prefix), muted)
        cursor.insertText(_one_line(quote), emphasised)
        cursor.insertText(_one_line(suffix) + ("…" if text_continues_after else ""), muted)
        # The document re-lays out at the viewport's width; the widget follows its height, so the card,
        # not this editor, scrolls. A height change never changes the width: no feedback loop.
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        needed = math.ceil(self.document().size().height()) + margins.top() + margins.bottom()
        # Compared with the fixed height asked for, not height(): before the first layout they differ.
        if needed != self.maximumHeight():
            self.setFixedHeight(needed)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        # Dragging to copy part of the quote should not also jump to the source.
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.activated.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.activated.emit()
            return
        super().keyPressEvent(event)
