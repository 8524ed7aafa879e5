"""The fact editor's offer when a property is chosen whose kind the fact's value does not fit:
say why in one sentence, then let the curator enter a value of the new kind (property and value
change together, one undoable action) or keep the property the fact has."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kzeu_desk.ui.plain_text import plain_label


class KindOffer(QFrame):
    keep_requested = Signal()  # go back to the property the fact has
    choose_requested = Signal()  # pick yet another property

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kindOffer")
        self.setAccessibleName("Value does not fit the property")
        self.setStyleSheet("QFrame#kindOffer { background: palette(tool-tip-base); color: palette(tool-tip-text);"
                           " border-radius: 3px; }")
        self.message = plain_label(word_wrap=True, selectable=True)
        self.message.setAccessibleName("Why the value does not fit")
        self.keep_button = QPushButton()
        self.keep_button.clicked.connect(self.keep_requested)
        self.choose_button = QPushButton("Choose another property")
        self.choose_button.clicked.connect(self.choose_requested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(4)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self.hide()

    def offer(self, problem: str, new_kind_word: str, old_property: str | None) -> None:
        self.message.setText(f"{problem} Enter a new {new_kind_word} below to change the property and the value "
                             "together, or keep " + (f"“{old_property}”." if old_property else "the fact without a "
                                                                                                  "property."))
        self.keep_button.setText(f"Keep “{old_property}”" if old_property else "Keep no property")
        self.show()
