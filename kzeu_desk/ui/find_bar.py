"""The find bar under the reading pane: case-insensitive search in the shown text, match by match."""

from __future__ import annotations

import re
from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

from kzeu_desk.ui.source_view import SourceView


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
