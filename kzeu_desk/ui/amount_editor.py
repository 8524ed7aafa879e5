"""The editor of a numeric value: amount, unit, stated bounds and whether it is approximate."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_format import format_amount
from kzeu_desk.core import value_parsing_on_demand as value_parsing
from kzeu_desk.ui.form_fields import CommitLineEdit, ProblemLabel
from kzeu_desk.ui.plain_text import plain_label
from kzeu_desk.ui.text_styles import small_print

_UNITS = ("USD", "EUR", "KZT", "RUB", "%", "companies", "×")


class AmountEditor(QWidget):
    """Money, quantity, count or percentage: amount, unit, stated bounds and whether it is approximate.

    Each part commits on its own; the amount field also takes whole phrases ("more than 160
    billion USD"), which set the bounds and unit they state."""

    committed = Signal(object, str)  # the new TypedValue, and the words for the undo step
    preview_changed = Signal(object)  # TypedValue | None while the amount is being typed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded = TypedValue(kind=ValueKind.QUANTITY)
        self._loaded_texts: dict[QLineEdit, str] = {}
        self.amount_edit = CommitLineEdit()
        self.amount_edit.setAccessibleName("Amount")
        self.amount_edit.setPlaceholderText("160 billion, 1.5e9, more than 77 billion")
        self.unit_combo = QComboBox()
        self.unit_combo.setAccessibleName("Unit")
        self.unit_combo.setEditable(True)
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_combo.addItems(list(_UNITS))
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_combo.setMinimumContentsLength(7)
        unit_edit = CommitLineEdit()
        self.unit_combo.setLineEdit(unit_edit)
        self.unit_combo.setCompleter(None)  # a unit is typed freely; "%" must not become something longer
        unit_edit.setPlaceholderText("unit")
        self.lower_edit = CommitLineEdit()
        self.lower_edit.setAccessibleName("Lower bound")
        self.lower_edit.setPlaceholderText("at least")
        self.upper_edit = CommitLineEdit()
        self.upper_edit.setAccessibleName("Upper bound")
        self.upper_edit.setPlaceholderText("at most")
        # The model tells a ceiling from "almost" only by the amount beside the bound (core/compatibility.py).
        self.upper_edit.setToolTip("Alone, an upper bound reads “up to”; with the amount equal to it, “almost”. "
                                   "Typing “up to 95 million” or “almost 95 million” as the amount sets either.")
        self.approximate_check = QCheckBox("approximate")
        self.approximate_check.setAccessibleName("Approximate")
        self.problem = ProblemLabel()

        for edit in (self.amount_edit, self.lower_edit, self.upper_edit):
            edit.setMinimumWidth(60)
        amount_row = QHBoxLayout()
        amount_row.setSpacing(6)
        amount_row.addWidget(self.amount_edit, 1)
        amount_row.addWidget(self.unit_combo)
        bounds_row = QHBoxLayout()
        bounds_row.setSpacing(6)
        bounds_row.addWidget(small_print(plain_label("from")))
        bounds_row.addWidget(self.lower_edit, 1)
        bounds_row.addWidget(small_print(plain_label("to")))
        bounds_row.addWidget(self.upper_edit, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addLayout(amount_row)
        column.addLayout(bounds_row)
        column.addWidget(self.approximate_check)
        column.addWidget(self.problem)

        self.amount_edit.editingFinished.connect(self._commit_amount)
        self.amount_edit.textEdited.connect(self._preview_amount)
        self.lower_edit.editingFinished.connect(lambda: self._commit_bound(self.lower_edit, "lower"))
        self.upper_edit.editingFinished.connect(lambda: self._commit_bound(self.upper_edit, "upper"))
        for edit in (self.amount_edit, self.lower_edit, self.upper_edit, unit_edit):
            edit.textEdited.connect(lambda _text: self.problem.clear_problem())
        unit_edit.editingFinished.connect(self._commit_unit)
        self.unit_combo.activated.connect(lambda _index: self._commit_unit())
        self.approximate_check.clicked.connect(self._commit_approximate)

    @property
    def unit_edit(self) -> QLineEdit:
        edit = self.unit_combo.lineEdit()
        assert edit is not None  # the unit combo is editable
        return edit

    def text_edits(self) -> tuple[QLineEdit, ...]:
        return self.amount_edit, self.unit_edit, self.lower_edit, self.upper_edit

    def set_value(self, value: TypedValue) -> None:
        self._loaded = value
        texts = {
            self.amount_edit: _amount_text(value.amount),
            self.lower_edit: _amount_text(value.lower),
            self.upper_edit: _amount_text(value.upper),
            self.unit_edit: value.unit or "",
        }
        for edit, text in texts.items():
            self.set_edit_text(edit, text)
        with QSignalBlocker(self.approximate_check):
            self.approximate_check.setChecked(value.approximate)
        self.problem.clear_problem()

    def set_edit_text(self, edit: QLineEdit, text: str) -> None:
        self._loaded_texts[edit] = text
        if edit is self.unit_edit:
            with QSignalBlocker(self.unit_combo):
                self.unit_combo.setCurrentIndex(self.unit_combo.findText(text))
                self.unit_combo.setEditText(text)
        else:
            edit.setText(text)

    def is_dirty(self, edit: QLineEdit) -> bool:
        return edit.text() != self._loaded_texts.get(edit, "")

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.amount_edit, self.lower_edit, self.upper_edit):
            edit.setReadOnly(read_only)
        self.unit_combo.setEnabled(not read_only)
        self.approximate_check.setEnabled(not read_only)

    def commit_pending(self) -> None:
        """Commit whichever part has uncommitted typing (used before switching facts)."""
        if self.is_dirty(self.amount_edit):
            self._commit_amount()
        if self.is_dirty(self.unit_edit):
            self._commit_unit()
        if self.is_dirty(self.lower_edit):
            self._commit_bound(self.lower_edit, "lower")
        if self.is_dirty(self.upper_edit):
            self._commit_bound(self.upper_edit, "upper")

    def _current_unit(self) -> str | None:
        return self.unit_edit.text().strip() or None

    def _parsed_amount(self) -> TypedValue | None:
        parsed = value_parsing.parse_amount_text(self.amount_edit.text())
        if parsed is None:
            return None
        # The checkbox is what the curator sees, so a ticked "approximate" survives retyping the number.
        return TypedValue(kind=self._loaded.kind, amount=parsed.amount, lower=parsed.lower, upper=parsed.upper,
                          approximate=parsed.approximate or self.approximate_check.isChecked(),
                          unit=parsed.unit or self._current_unit())

    def _preview_amount(self, text: str) -> None:
        self.preview_changed.emit(self._parsed_amount() if text.strip() else None)

    def _commit_amount(self) -> None:
        if not self.is_dirty(self.amount_edit) or self.amount_edit.isReadOnly():
            return
        typed = self.amount_edit.text().strip()
        if not typed:
            new = self._loaded.with_changes(amount=None)
            if new.lower is None and new.upper is None:
                self.problem.show_problem("Enter an amount or a bound.")
                return
        else:
            parsed = self._parsed_amount()
            if parsed is None:
                self.problem.show_problem(
                    f"“{typed}” is not an amount. Try 160 billion, 1.5e9 or more than 77 billion.")
                return
            new = parsed
        self._emit_if_changed(new, "Set value")

    def _commit_bound(self, edit: QLineEdit, which: str) -> None:
        if not self.is_dirty(edit) or edit.isReadOnly():
            return
        typed = edit.text().strip()
        bound: float | None = None
        if typed:
            parsed = value_parsing.parse_amount_text(typed)
            bound = None if parsed is None else next(
                (x for x in (parsed.amount, parsed.lower, parsed.upper) if x is not None), None)
            if bound is None:
                self.problem.show_problem(f"“{typed}” is not an amount.")
                return
        new = self._loaded.with_changes(**{which: bound})
        if new.lower is not None and new.upper is not None and new.lower > new.upper:
            self.problem.show_problem("The lower bound is above the upper bound.")
            return
        if new.amount is None and new.lower is None and new.upper is None:
            self.problem.show_problem("Enter an amount or a bound.")
            return
        self._emit_if_changed(new, f"Set {which} bound")

    def _holds_no_amount(self) -> bool:
        return self._loaded.amount is None and self._loaded.lower is None and self._loaded.upper is None

    def _commit_unit(self) -> None:
        if not self.is_dirty(self.unit_edit) or not self.unit_combo.isEnabled():
            return
        if self._holds_no_amount():
            # A unit alone is no value: keep it for when the amount is entered.
            self._loaded = self._loaded.with_changes(unit=self._current_unit())
            self._loaded_texts[self.unit_edit] = self.unit_edit.text()
            return
        self._emit_if_changed(self._loaded.with_changes(unit=self._current_unit()), "Set unit")

    def _commit_approximate(self, checked: bool) -> None:
        if self._holds_no_amount():
            self._loaded = self._loaded.with_changes(approximate=checked)
            return
        self._emit_if_changed(self._loaded.with_changes(approximate=checked),
                              "Mark value approximate" if checked else "Mark value exact")

    def set_units(self, units: tuple[str, ...] | list[str]) -> None:
        """The units the unit box offers (a property's allowed units, or the usual ones); typing
        another stays possible, and the property's rules then say whether it is accepted."""
        offered = list(dict.fromkeys(units)) or list(_UNITS)
        if [self.unit_combo.itemText(i) for i in range(self.unit_combo.count())] == offered:
            return
        with QSignalBlocker(self.unit_combo):
            text = self.unit_edit.text()
            self.unit_combo.clear()
            self.unit_combo.addItems(offered)
            self.unit_combo.setCurrentIndex(self.unit_combo.findText(text))
            self.unit_combo.setEditText(text)

    def _emit_if_changed(self, new: TypedValue, words: str) -> None:
        self.problem.clear_problem()
        if new.kind is ValueKind.COUNT and not all(
                x is None or float(x).is_integer() for x in (new.amount, new.lower, new.upper)):
            self.problem.show_problem("A count is a whole number: how many things there are.")
            return
        if new == self._loaded:
            self.set_value(self._loaded)  # the same value written another way
            return
        self.committed.emit(new, words)


def _amount_text(amount: float | None) -> str:
    """An amount as the amount field shows it: "160 billion", "800,000" (parse_amount_text reads both)."""
    return "" if amount is None else format_amount(amount, None)
