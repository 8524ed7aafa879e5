"""A combo box that reports a choice once the curator has settled on it.

A closed QComboBox changes its current item on every keystroke of a type-ahead search and every
arrow key, and emits `activated` each time: typing "cumul" into the Property box first picked
"companies with European capital" and recorded it as a change of its own (a history entry, a
version bump, an undo step). This one emits `settled(index)` only when the choice is final: an
item picked from the open list, Enter, or leaving the field. Escape goes back to the item the
field had when the curator started.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget


class SettlingCombo(QComboBox):
    settled = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._from_popup = False
        self._settled_index = -1  # the item last settled on (or loaded): what "changed" is measured against
        self.activated.connect(self._on_activated)

    def mark_settled(self) -> None:
        """The current item is what the fact holds (called after loading it)."""
        self._settled_index = self.currentIndex()

    @property
    def has_pending_choice(self) -> bool:
        return self.currentIndex() != self._settled_index

    def settle(self) -> None:
        """Report the current item if it differs from the last one settled on."""
        if self.has_pending_choice:
            self._settled_index = self.currentIndex()
            self.settled.emit(self.currentIndex())

    def hidePopup(self) -> None:  # noqa: N802 (Qt's name)
        # Qt hides the list before it emits `activated` for the item picked in it.
        self._from_popup = True
        super().hidePopup()
        QTimer.singleShot(0, self._popup_done)

    def _popup_done(self) -> None:
        self._from_popup = False

    def _on_activated(self, _index: int) -> None:
        if self._from_popup:
            self._from_popup = False
            self.settle()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.settle()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.has_pending_choice:
            self.setCurrentIndex(self._settled_index)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # opening its own list is not leaving
            self.settle()
