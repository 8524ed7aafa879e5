"""A date range field: its first and last day (or month, or year), each typed as a date field is,
or the whole range typed into the first as the source writes it ("3–4 June 2019", "2014–2016")."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kzeu_desk.core.typed_input import parse_date_range_text
from kzeu_desk.core import value_parsing_on_demand as value_parsing
from kzeu_desk.ui.date_field import DateField
from kzeu_desk.ui.form_fields import ProblemLabel
from kzeu_desk.ui.plain_text import plain_label


class DateRangeField(QWidget):
    """"3 June 2019" to "4 June 2019": committed when both ends are dates and the first comes first."""

    committed = Signal(str, str)  # first, last: truncated ISO dates

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.first = DateField("Value range from")
        self.last = DateField("Value range to")
        self.first.line_edit.setPlaceholderText("3 June 2019, or the whole range: 3–4 June 2019")
        self.last.line_edit.setPlaceholderText("4 June 2019")
        self.problem = ProblemLabel()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(plain_label("from"), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(plain_label("to"), 1, 0)
        grid.addWidget(self.last, 1, 1)
        grid.addWidget(self.problem, 2, 0, 1, 2)
        self._ends: tuple[str | None, str | None] = (None, None)
        # A whole range typed into the first end is split before the date field reads it as one date.
        self.first.line_edit.editingFinished.disconnect(self.first.commit_typed)
        self.first.line_edit.editingFinished.connect(self.commit_first)
        self.first.committed.connect(lambda iso: self._commit(iso, self._ends[1]))
        self.last.committed.connect(lambda iso: self._commit(self._ends[0], iso))

    def set_range(self, first: str | None, last: str | None) -> None:
        self._ends = (first, last)
        self.first.set_date(first)
        self.last.set_date(last)
        self.problem.clear_problem()

    def line_edits(self) -> tuple:
        return self.first.line_edit, self.last.line_edit

    def is_dirty(self) -> bool:
        return self.first.is_dirty() or self.last.is_dirty()

    def set_read_only(self, read_only: bool) -> None:
        for line_edit in self.line_edits():
            line_edit.setReadOnly(read_only)

    def commit_typed(self) -> None:
        self.commit_first()
        self.last.commit_typed()

    def commit_first(self) -> None:
        typed = self.first.line_edit.text().strip()
        if self.first.is_dirty() and not self.first.line_edit.isReadOnly() and typed and value_parsing.parse_date_text(typed) is None:
            whole = parse_date_range_text(typed)
            if whole is not None and whole.date is not None and whole.date_end is not None:
                self.first.problem.clear_problem()
                self._commit(whole.date, whole.date_end)
                return
        self.first.commit_typed()

    def _commit(self, first: str | None, last: str | None) -> None:
        if first is None or last is None:
            self.problem.show_problem("Enter both ends of the range; a fact needs a value.")
            return
        if first >= last:
            self.problem.show_problem("The range must end after it begins.")
            return
        self.problem.clear_problem()
        self._ends = (first, last)
        self.committed.emit(first, last)
