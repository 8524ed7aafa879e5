"""A date field: typed in words or digits, committed as a truncated ISO date, precision shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kzeu_desk.core import fact_detail
from kzeu_desk.core.typed_value import date_precision
from kzeu_desk.core import value_parsing_on_demand as value_parsing
from kzeu_desk.ui.form_fields import CommitLineEdit, ProblemLabel
from kzeu_desk.ui.plain_text import plain_label
from kzeu_desk.ui.text_styles import small_print


class DateField(QWidget):
    """A date typed as "1996", "Feb 1996" or "2 February 1996", with its precision shown beside it."""

    committed = Signal(object)  # str | None: truncated ISO date (None: cleared)

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded_iso: str | None = None
        self._loaded_text = ""
        self.line_edit = CommitLineEdit()
        self.line_edit.setAccessibleName(accessible_name)
        self.line_edit.setPlaceholderText("1996, Feb 1996 or 2 February 1996")
        self.precision = small_print(plain_label())
        self.precision.setMinimumWidth(self.precision.fontMetrics().horizontalAdvance("month") + 4)
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

    def set_date(self, iso: str | None) -> None:
        self._loaded_iso = iso
        self._loaded_text = fact_detail.display_date(iso) if iso else ""
        self.line_edit.setText(self._loaded_text)
        self._show_precision(iso)
        self.problem.clear_problem()

    def is_dirty(self) -> bool:
        return self.line_edit.text() != self._loaded_text

    def commit_typed(self) -> None:
        if not self.is_dirty() or self.line_edit.isReadOnly():
            return
        typed = self.line_edit.text().strip()
        iso = value_parsing.parse_date_text(typed) if typed else None
        if typed and iso is None:
            self.problem.show_problem(f"“{typed}” is not a date. Try 1996, Feb 1996 or 2 February 1996.")
            return
        self.problem.clear_problem()
        if iso == self._loaded_iso:
            self.set_date(iso)  # the same date written another way
            return
        self.committed.emit(iso)

    def _on_text_edited(self, text: str) -> None:
        self.problem.clear_problem()
        self._show_precision(value_parsing.parse_date_text(text) if text.strip() else None, unparsed=bool(text.strip()))

    def _show_precision(self, iso: str | None, *, unparsed: bool = False) -> None:
        if iso is not None:
            self.precision.setText(date_precision(iso).value if len(iso) in (4, 7, 10) else "?")
        else:
            self.precision.setText("?" if unparsed else "")
