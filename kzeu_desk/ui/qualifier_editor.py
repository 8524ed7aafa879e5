"""The fact editor's other qualifiers: "partner: China", "applies to part: non-oil exports", each a
(qualifier property, typed value) pair, listed and added, changed or removed one undoable action
at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QListWidgetItem, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout,
    QWidget,
)

from kzeu_desk.core.changes import Changes
from kzeu_desk.core.entity_directory import EntityDirectory
from kzeu_desk.core.property_info import KIND_WORDS, PropertyInfo
from kzeu_desk.core.qualifiers import Qualifier, shown_value
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_input import TypedInputProblem, parse_typed_value
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui.entity_field import AliasListModel, EntityField
from kzeu_desk.ui.fitted_list import FittedList
from kzeu_desk.ui.form_fields import CommitLineEdit, ProblemLabel
from kzeu_desk.ui.plain_text import plain_label, plain_tooltip
from kzeu_desk.ui.text_styles import muted, small_print

Action = Callable[[FactBase], Changes]
Perform = Callable[[Action, ProblemLabel], Changes | None]

_ROW_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 7
_PLACEHOLDERS = {
    ValueKind.DATE: "1996, Feb 1996 or 2 February 1996",
    ValueKind.DATE_RANGE: "3–4 June 2019 or 2014–2016",
    ValueKind.QUANTITY: "an amount, e.g. 1.5 million tonnes",
    ValueKind.COUNT: "a whole number, e.g. 27",
    ValueKind.MONEY: "an amount, e.g. US$2 billion",
    ValueKind.PERCENT: "a percentage, e.g. 30%",
    ValueKind.TEXT: "e.g. customs statistics",
}
_LIST_HEIGHT = 90


class QualifierEditor(QWidget):
    """A fact's qualifiers beside point in time, start, end and scope note."""

    def __init__(self, perform: Perform, entity_model: AliasListModel, entities: Callable[[], EntityDirectory],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Qualifiers")
        self._perform = perform
        self._entities = entities
        self._properties: dict[int, PropertyInfo] = {}
        self._fact_id: int | None = None
        self._fact_property: int | None = None
        self._qualifiers: list[Qualifier] = []
        self._editing: Qualifier | None = None
        self._read_only = False

        self.list = FittedList(_LIST_HEIGHT)
        self.list.setAccessibleName("Qualifier list")
        self.list.itemActivated.connect(self._start_editing)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty_note = muted(small_print(plain_label("No other qualifiers.")))

        self.property_combo = QComboBox()
        self.property_combo.setAccessibleName("Qualifier property")
        self.property_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.property_combo.setMinimumContentsLength(12)
        self.property_combo.activated.connect(lambda _index: self._property_chosen())
        self.value_edit = CommitLineEdit()
        self.value_edit.setAccessibleName("Qualifier value")
        self.value_edit.returnPressed.connect(self.add_or_save)
        self.value_edit.textEdited.connect(lambda _text: self._preview())
        self.entity_field = EntityField(entity_model, entities, allow_empty=False, accessible_name="Qualifier entity")
        self.entity_field.line_edit.returnPressed.connect(self.add_or_save)
        self.entity_field.committed.connect(lambda _entity_id: self._preview())
        self.entity_field.create_requested.connect(self._create_entity)
        self.value_stack = QStackedWidget()
        self.value_stack.addWidget(self.value_edit)
        self.value_stack.addWidget(self.entity_field)
        self.value_stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add qualifier")
        self.add_button.clicked.connect(self.add_or_save)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self._stop_editing)
        self.cancel_button.hide()
        self.remove_button = QPushButton("Remove qualifier")
        self.remove_button.setAccessibleName("Remove qualifier")
        self.remove_button.clicked.connect(self.remove_selected)
        self.preview = small_print(plain_label(word_wrap=True))
        self.problem = ProblemLabel()

        # The qualifier on a line of its own and its value below, as wide as the pane: side by side
        # in a 320 px wide editor the value field was left 40 px, too narrow to show what was typed.
        self.property_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        form_row = QHBoxLayout()
        form_row.setContentsMargins(0, 0, 0, 0)
        form_row.setSpacing(6)
        form_row.addWidget(self.value_stack, 1)
        form_row.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignTop)
        form_row.addWidget(self.cancel_button, alignment=Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(self.list)
        column.addWidget(self.empty_note)
        column.addWidget(self.property_combo)
        column.addLayout(form_row)
        column.addWidget(self.preview)
        column.addWidget(self.problem)
        column.addWidget(self.remove_button, alignment=Qt.AlignmentFlag.AlignRight)
        self._property_chosen()

    # -- state ---------------------------------------------------------------------------------

    def set_vocabulary(self, properties: dict[int, PropertyInfo]) -> None:
        self._properties = properties
        self._fill_properties()

    def show_fact(self, fact_id: int | None, property_id: int | None, qualifiers: list[Qualifier]) -> None:
        if fact_id != self._fact_id:
            self._stop_editing()
            self.problem.clear_problem()
        self._fact_id, self._qualifiers = fact_id, qualifiers
        if property_id != self._fact_property:
            self._fact_property = property_id
            self._fill_properties()
        separators = set(self._properties[property_id].separators) if property_id in self._properties else set()
        self.list.clear()
        for qualifier in qualifiers:
            item = QListWidgetItem(qualifier.label)
            item.setData(_ROW_ID_ROLE, qualifier.id)
            why = ("\nFacts that differ in it state different things: they are not compared for conflicts."
                   if qualifier.property_id in separators else "")
            action = "" if self._read_only else "\nDouble-click or press Enter to change it; Delete removes it."
            item.setToolTip(plain_tooltip(f"{qualifier.label}{why}{action}"))
            self.list.addItem(item)
        self.list.setVisible(bool(qualifiers))
        self.empty_note.setVisible(not qualifiers)
        self.list.fit_height()
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in (self.property_combo, self.value_stack, self.add_button, self.cancel_button, self.remove_button):
            widget.setVisible(not read_only and (widget is not self.cancel_button or self._editing is not None))
        self.preview.setVisible(not read_only)

    def commit_pending(self) -> None:
        """Nothing is added on leaving the fact: a half-typed qualifier is dropped, not guessed at."""
        self.value_edit.clear()
        self.entity_field.set_entity(None, "")
        self._stop_editing()

    # -- the property chooser ------------------------------------------------------------------

    def _fill_properties(self) -> None:
        chosen = self.property_combo.currentData()
        separators = self._properties[self._fact_property].separators if self._fact_property in self._properties else ()
        offered = [p for p in self._properties.values() if not p.deprecated and p.id != self._fact_property]
        # The qualifiers that separate this property's values come first: they are the ones it expects.
        offered.sort(key=lambda p: (p.id not in separators, p.name.casefold()))
        with QSignalBlocker(self.property_combo):
            self.property_combo.clear()
            self.property_combo.addItem("Qualifier…", None)
            for prop in offered:
                self.property_combo.addItem(prop.name, prop.id)
                tip = f"{prop.description or prop.name}\n({KIND_WORDS[prop.value_kind]})"
                if prop.id in separators:
                    tip += "\nSeparates this property's values: facts that differ in it do not conflict."
                self.property_combo.setItemData(self.property_combo.count() - 1, plain_tooltip(tip),
                                                Qt.ItemDataRole.ToolTipRole)
            index = self.property_combo.findData(chosen) if chosen is not None else -1
            if index < 0 and separators and offered and offered[0].id in separators and not self._qualifiers:
                index = 1  # the first expected qualifier, ready to fill in
            self.property_combo.setCurrentIndex(max(index, 0))
        self._property_chosen()

    def _chosen_property(self) -> PropertyInfo | None:
        property_id = self.property_combo.currentData()
        return self._properties.get(property_id) if property_id is not None else None

    def _property_chosen(self) -> None:
        prop = self._chosen_property()
        is_entity = prop is not None and prop.value_kind is ValueKind.ENTITY
        self.value_stack.setCurrentWidget(self.entity_field if is_entity else self.value_edit)
        self.value_edit.setEnabled(prop is not None)
        self.value_edit.setPlaceholderText(_PLACEHOLDERS.get(prop.value_kind, "") if prop is not None
                                           else "Choose a qualifier first")
        self.problem.clear_problem()
        self._preview()
        self._update_buttons()

    # -- reading what was typed ----------------------------------------------------------------

    def _typed_value(self) -> TypedValue | None:
        """The value typed for the chosen property; shows why not and returns None otherwise."""
        prop = self._chosen_property()
        if prop is None:
            self.problem.show_problem("Choose which qualifier to add (partner, applies to part, …).")
            return None
        if prop.value_kind is ValueKind.ENTITY:
            if self.entity_field.is_dirty():
                self.entity_field.commit_typed()
            entity_id = self.entity_field.chosen_id()
            if entity_id is None:
                self.problem.show_problem(self.entity_field.problem.text() or "Choose an entity.")
                return None
            return TypedValue(ValueKind.ENTITY, entity_id=entity_id)
        try:
            return parse_typed_value(self.value_edit.text(), prop, self._entities())
        except TypedInputProblem as problem:
            self.problem.show_problem(str(problem))
            return None

    def _preview(self) -> None:
        prop = self._chosen_property()
        if prop is None:
            self.preview.setText("")
            return
        typed = (self.entity_field.line_edit.text() if prop.value_kind is ValueKind.ENTITY
                 else self.value_edit.text()).strip()
        if not typed:
            self.preview.setText(f"{prop.name} takes {('an ' if prop.value_kind is ValueKind.ENTITY else 'a ')}"
                                 f"{KIND_WORDS[prop.value_kind]}")
            return
        if prop.value_kind is ValueKind.ENTITY:
            self.preview.setText("")
            return
        try:
            value = parse_typed_value(typed, prop, self._entities())
        except TypedInputProblem:
            self.preview.setText("→ (not understood yet)")
            return
        self.preview.setText(f"→ {prop.name}: {shown_value(value, self._entities().name)}")

    # -- actions -------------------------------------------------------------------------------

    def add_or_save(self) -> None:
        fact_id, prop = self._fact_id, self._chosen_property()
        if fact_id is None or self._read_only:
            return
        value = self._typed_value()
        if value is None or prop is None:
            return
        self.problem.clear_problem()
        editing = self._editing
        if editing is not None:
            if value == editing.value and prop.id == editing.property_id:
                self._stop_editing()
                return
            changes = self._perform(lambda fb: fb.update_qualifier(editing.id, value, property_id=prop.id),
                                    self.problem)
        else:
            changes = self._perform(lambda fb: fb.add_qualifier(fact_id, prop.id, value), self.problem)
        if changes is not None:
            self.value_edit.clear()
            self.entity_field.set_entity(None, "")
            self._stop_editing()
            self._preview()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self._read_only:
            return
        qualifier_id = int(item.data(_ROW_ID_ROLE))
        self._perform(lambda fb: fb.remove_qualifier(qualifier_id), self.problem)

    def _create_entity(self, name: str) -> None:
        changes = self._perform(lambda fb: fb.create_entity(name), self.entity_field.problem)
        if changes is not None:
            entity_id = changes.new_id("entity")
            self.entity_field.set_entity(None, name)
            self.entity_field.remember_choice(entity_id)
            self._preview()

    def _start_editing(self, item: QListWidgetItem) -> None:
        if self._read_only:
            return
        qualifier = next((q for q in self._qualifiers if q.id == item.data(_ROW_ID_ROLE)), None)
        if qualifier is None:
            return
        self._editing = qualifier
        with QSignalBlocker(self.property_combo):
            index = self.property_combo.findData(qualifier.property_id)
            if index < 0:  # a deprecated qualifier property is kept for the qualifiers it has
                self.property_combo.addItem(qualifier.property_name, qualifier.property_id)
                index = self.property_combo.count() - 1
            self.property_combo.setCurrentIndex(index)
        self._property_chosen()
        if qualifier.value.kind is ValueKind.ENTITY:
            self.entity_field.set_entity(None, qualifier.shown)
            self.entity_field.remember_choice(qualifier.value.entity_id)
            self.entity_field.line_edit.setFocus()
        else:
            self.value_edit.setText(qualifier.shown)
            self.value_edit.setFocus()
            self.value_edit.selectAll()
        self.add_button.setText("Save")
        self.add_button.setAccessibleName("Save qualifier")
        self.cancel_button.show()
        self._preview()

    def _stop_editing(self) -> None:
        self._editing = None
        self.add_button.setText("Add")
        self.add_button.setAccessibleName("Add qualifier")
        self.cancel_button.hide()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(not self._read_only and self.list.currentRow() >= 0
                                      and bool(self.list.selectedItems()))
        self.add_button.setEnabled(not self._read_only and self._fact_id is not None
                                   and self._chosen_property() is not None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and QApplication.focusWidget() is self.list and not self._read_only:
            self.remove_selected()
            return
        if event.key() == Qt.Key.Key_Escape and self._editing is not None:
            self._stop_editing()
            return
        super().keyPressEvent(event)
