"""A date range ("held on 3–4 June 2019") typed as the source writes it, committed as its first
and last day, each truncated to its own precision."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kzeu_desk.core.typed_input import parse_date_range_text
from kzeu_desk.core.typed_value import TypedValue, ValueKind, date_precision
from kzeu_desk.core.value_format import format_date_range
from kzeu_desk.core.value_parsing import parse_date_text
from kzeu_desk.ui.form_fields import CommitLineEdit, ProblemLabel
from kzeu_desk.ui.plain_text import plain_label
from kzeu_desk.ui.text_styles import small_print

_EXAMPLES = "3–4 June 2019, 30 June – 2 July 2019 or 2014–2016"


def read_range(typed: str) -> TypedValue | None:
    """A typed range, or one date standing for a range of itself ("June 2019")."""
    found = parse_date_range_text(typed)
    if found is not None:
        return found
    iso = parse_date_text(typed)
    return TypedValue(ValueKind.DATE_RANGE, date=iso, date_end=iso) if iso else None


class DateRangeField(QWidget):
    """One line for a whole range, its ends' precisions shown beside it."""

    committed = Signal(object)  # TypedValue of kind DATE_RANGE
    preview_changed = Signal(object)  # TypedValue | None while it is being typed

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded: TypedValue | None = None
        self._loaded_text = ""
        self.line_edit = CommitLineEdit()
        self.line_edit.setAccessibleName(accessible_name)
        self.line_edit.setPlaceholderText(_EXAMPLES)
        self.precision = small_print(plain_label())
        self.precision.setAccessibleName(f"{accessible_name} precision")
        self.problem = ProblemLabel()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.line_edit, 0, 0)
        grid.addWidget(self.precision, 0, 1)
        grid.addWidget(self.problem, 1, 0, 1, 2)
        self.line_edit.editingFinished.connect(self.commit_typed)
        self.line_edit.textEdited.connect(self._on_text_edited)

    def set_value(self, value: TypedValue | None) -> None:
        complete = value is not None and value.kind is ValueKind.DATE_RANGE and value.date and value.date_end
        self._loaded = value if complete else None
        self._loaded_text = ""
        if complete:
            assert value is not None and value.date is not None and value.date_end is not None
            try:
                self._loaded_text = format_date_range(value.date, value.date_end)
            except ValueError:
                self._loaded_text = f"{value.date} – {value.date_end}"
        self.line_edit.setText(self._loaded_text)
        self._show_precision(self._loaded)
        self.problem.clear_problem()

    def set_read_only(self, read_only: bool) -> None:
        self.line_edit.setReadOnly(read_only)

    def is_dirty(self) -> bool:
        return self.line_edit.text() != self._loaded_text

    def commit_typed(self) -> None:
        if not self.is_dirty() or self.line_edit.isReadOnly():
            return
        typed = self.line_edit.text().strip()
        if not typed:
            self.problem.show_problem("Enter the range; a fact needs a value.")
            return
        found = read_range(typed)
        if found is None:
            self.problem.show_problem(f"“{typed}” is not a date range. Try {_EXAMPLES}.")
            return
        self.problem.clear_problem()
        if self._loaded is not None and (found.date, found.date_end) == (self._loaded.date, self._loaded.date_end):
            self.set_value(self._loaded)  # the same range written another way
            return
        approximate = self._loaded.approximate if self._loaded is not None else False
        self.committed.emit(found.with_changes(approximate=approximate))

    def _on_text_edited(self, text: str) -> None:
        self.problem.clear_problem()
        found = read_range(text) if text.strip() else None
        self._show_precision(found, unparsed=bool(text.strip()))
        self.preview_changed.emit(found)

    def _show_precision(self, value: TypedValue | None, *, unparsed: bool = False) -> None:
        if value is None or value.date is None or value.date_end is None:
            self.precision.setText("?" if unparsed else "")
            return
        try:
            first, last = date_precision(value.date), date_precision(value.date_end)
        except KeyError:
            self.precision.setText("?")
            return
        self.precision.setText(first.value if first is last else f"{first.value}–{last.value}")
