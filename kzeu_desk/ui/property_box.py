"""The fact editor's Property box: pick a property from the list or type part of its label, and
"Create property “X”…" when no property is called that yet. Deprecated properties are not offered,
except the one a fact already has.

Like the other boxes it reports a choice once the curator has settled on it (settling_combo.py):
picked from the list, Enter, or leaving the field; arrow keys and typing only move the choice, and
Escape goes back."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kzeu_desk.core.property_info import KIND_WORDS, PropertyInfo
from kzeu_desk.ui.form_fields import ProblemLabel
from kzeu_desk.ui.plain_text import plain_tooltip
from kzeu_desk.ui.settling_combo import SettlingCombo

DEPRECATED_MARK = " (deprecated)"


class _TypedCombo(SettlingCombo):
    """An editable settling combo: Enter on typed words that are not the current item's label
    asks for them to be read (`typed_finished`) instead of settling on the item."""

    typed_finished = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        typed_words = self.lineEdit() is not None and self.currentText() != self.itemText(self.currentIndex())
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and typed_words:
            self.typed_finished.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PropertyBox(QWidget):
    chosen = Signal(object)  # int | None: the property picked (None: cleared)
    create_requested = Signal(str)  # a label no property has yet

    def __init__(self, accessible_name: str = "Property", parent: QWidget | None = None):
        super().__init__(parent)
        self._properties: dict[int, PropertyInfo] = {}
        self._current: int | None = None
        self.combo = _TypedCombo()
        self.combo.setAccessibleName(accessible_name)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.combo.lineEdit().setPlaceholderText("Choose or type a property…")
        completer = self.combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.create_button = QPushButton()
        self.create_button.setAccessibleName("Create property")
        self.create_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.create_button.hide()
        self.problem = ProblemLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.create_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)
        self.combo.settled.connect(self._on_settled)
        self.combo.typed_finished.connect(self._text_finished)
        self.combo.lineEdit().editingFinished.connect(self._text_finished)
        self.combo.lineEdit().textEdited.connect(self._on_text_edited)
        self.create_button.clicked.connect(self._on_create_clicked)

    # -- state ---------------------------------------------------------------------------------

    def set_properties(self, properties: dict[int, PropertyInfo]) -> None:
        self._properties = properties
        self._fill()

    def set_current(self, property_id: int | None) -> None:
        """Show the fact's property (a deprecated one too, marked so)."""
        if property_id != self._current:
            self._current = property_id
            if property_id is not None and self.combo.findData(property_id) < 0:
                self._fill()
        with QSignalBlocker(self.combo):
            index = self.combo.findData(property_id) if property_id is not None else 0
            self.combo.setCurrentIndex(max(index, 0))
        self.combo.mark_settled()
        self.combo.setToolTip(self.combo.itemData(self.combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) or "")
        self.problem.clear_problem()
        self.create_button.hide()

    def show_choice(self, property_id: int | None) -> None:
        """Show a property that is chosen but not stored yet (the fact editor's offer)."""
        with QSignalBlocker(self.combo):
            index = self.combo.findData(property_id) if property_id is not None else 0
            self.combo.setCurrentIndex(max(index, 0))

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)
        if read_only:
            self.create_button.hide()

    def _fill(self) -> None:
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem("", None)
            for prop in self._properties.values():
                if prop.deprecated and prop.id != self._current:
                    continue
                self.combo.addItem(prop.name + (DEPRECATED_MARK if prop.deprecated else ""), prop.id)
                tip = f"{prop.description or prop.name}\n({KIND_WORDS[prop.value_kind]} value)"
                if prop.deprecated:
                    tip += "\nDeprecated: kept for the facts that have it, not offered for new ones."
                self.combo.setItemData(self.combo.count() - 1, plain_tooltip(tip), Qt.ItemDataRole.ToolTipRole)
            index = self.combo.findData(self._current) if self._current is not None else 0
            self.combo.setCurrentIndex(max(index, 0))
        self.combo.mark_settled()

    # -- what the curator does -----------------------------------------------------------------

    def _on_settled(self, index: int) -> None:
        if self.combo.currentText() != self.combo.itemText(index):
            self._text_finished()  # typed words, not an item: read them
            return
        self.problem.clear_problem()
        self.create_button.hide()
        if self.combo.itemData(index) != self._current:
            self.chosen.emit(self.combo.itemData(index))

    def _match(self, typed: str) -> int | None:
        """The property called that, else the only one whose label contains the words."""
        wanted = " ".join(typed.split()).casefold()
        labels = {self.combo.itemData(index): self.combo.itemText(index).removesuffix(DEPRECATED_MARK).casefold()
                  for index in range(1, self.combo.count())}
        exact = [property_id for property_id, label in labels.items() if label == wanted]
        containing = [property_id for property_id, label in labels.items() if wanted in label]
        if exact:
            return exact[0]
        return containing[0] if len(containing) == 1 else None

    def _text_finished(self) -> None:
        if not self.combo.isEnabled():
            return
        typed = self.combo.currentText().strip()
        if not typed:
            self.set_current(self._current)  # an emptied box changes nothing; pick the blank entry to clear
            return
        match = self._match(typed)
        if match is not None:
            with QSignalBlocker(self.combo):
                self.combo.setCurrentIndex(self.combo.findData(match))
            self.combo.mark_settled()
            self.problem.clear_problem()
            self.create_button.hide()
            if match != self._current:
                self.chosen.emit(match)
            return
        self.problem.show_problem(f"No property is called “{typed}”.")
        self._offer_create(typed)

    def _on_text_edited(self, text: str) -> None:
        self.problem.clear_problem()
        typed = text.strip().casefold()
        could_complete = any(typed in self.combo.itemText(i).casefold() for i in range(1, self.combo.count()))
        if typed and not could_complete:
            self._offer_create(text.strip())
        else:
            self.create_button.hide()

    def _offer_create(self, typed: str) -> None:
        if not self.combo.isEnabled():
            return
        self.create_button.setText(f"Create property “{typed}”…")
        self.create_button.show()

    def _on_create_clicked(self) -> None:
        typed = " ".join(self.combo.currentText().split())
        if typed:
            self.create_requested.emit(typed)
