"""A combo box that reads its items only when they are about to be seen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QWidget


class PopupFilledCombo(QComboBox):
    """A combo box whose items are read when its list is opened: the sources with open conflicts
    number in the thousands in a large fact base, and the queue is re-read after every decision."""

    def __init__(self, fill: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._fill = fill
        self._stale = True

    def mark_stale(self) -> None:
        self._stale = True

    def ensure_filled(self) -> None:
        if self._stale:
            self._stale = False
            self._fill()

    def showPopup(self) -> None:
        self.ensure_filled()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_filled()  # arrow keys step through the items without opening the list
        super().focusInEvent(event)
