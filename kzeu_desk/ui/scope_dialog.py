"""The dialog that gives conflicting facts different times, so they no longer describe the same moment."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kzeu_desk.core import conflict_queue
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.ui.plain_text import plain_label, plain_tooltip
from kzeu_desk.ui.text_styles import PROBLEM_STYLE


class ScopeDialog(QDialog):
    """Give member facts different times so they no longer describe the same moment.

    The fields start with what is stored; only changed fields are sent. Reading the typed dates is
    `conflict_queue.scope_edits`; this dialog only collects text and shows its one-sentence problems.
    """

    _COLUMNS = ("point_in_time", "start_time", "end_time", "scope_note")
    _PLACEHOLDERS: ClassVar[dict[str, str]] = {"point_in_time": "e.g. 2022", "start_time": "e.g. 2021-01", "end_time": "e.g. 2022-09",
                     "scope_note": "e.g. first 9 months"}
    problem_label: QLabel  # made after the fields whose edits hide it

    def __init__(self, detail: conflict_queue.ConflictDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scopeDialog")
        self.setWindowTitle("Scope facts")
        self.setAccessibleName("Scope facts")
        self._members = detail.members
        self._current = {member.fact_id: member.scope for member in self._members}
        self._fields: dict[tuple[int, str], QLineEdit] = {}
        self._edits: dict[int, dict[str, str | None]] = {}

        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(
            "Give each fact the time it describes, so they no longer overlap. Dates like 2022, "
            "March 2022 or 2 March 2022; leave a field empty to clear it.", word_wrap=True))
        grid = QGridLayout()
        for column_number, title in enumerate(("Fact", *(conflict_queue.QUALIFIER_FIELDS[c].capitalize()
                                                          for c in self._COLUMNS))):
            grid.addWidget(plain_label(title), 0, column_number)
        for row_number, member in enumerate(self._members, start=1):
            fact_text = f"{row_number} · {member.value}"
            fact_label = plain_label(fact_text)
            fact_label.setToolTip(plain_tooltip(f"Fact #{member.fact_id}: {member.value}"))
            grid.addWidget(fact_label, row_number, 0)
            for column_number, column in enumerate(self._COLUMNS, start=1):
                field = QLineEdit(member.scope.get(column) or "")
                field.setObjectName(f"scope_{column}_{member.fact_id}")
                field.setPlaceholderText(self._PLACEHOLDERS[column])
                field.setAccessibleName(f"Fact {row_number} {conflict_queue.QUALIFIER_FIELDS[column]}")
                field.textEdited.connect(lambda _text: self.problem_label.hide())
                self._fields[(member.fact_id, column)] = field
                grid.addWidget(field, row_number, column_number)
        layout.addLayout(grid)
        self.problem_label = plain_label(word_wrap=True, object_name="scopeProblem")
        self.problem_label.setStyleSheet(PROBLEM_STYLE)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Scope facts")
        buttons.accepted.connect(self.accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def field(self, fact_id: int, column: str) -> QLineEdit:
        return self._fields[(fact_id, column)]

    def accept_if_valid(self) -> None:
        typed = {fact_id: {column: self._fields[(fact_id, column)].text() for column in self._COLUMNS}
                 for fact_id in self._current}
        try:
            edits = conflict_queue.scope_edits(self._current, typed)
        except InvalidEdit as problem:
            self._say(str(problem))
            return
        if not edits:
            self._say("Change at least one fact's time or scope note, or cancel.")
            return
        self._edits = edits
        self.accept()

    def scopes(self) -> dict[int, dict[str, str | None]]:
        """What to send to `FactBase.scope_facts`, once the dialog was accepted."""
        return self._edits

    def _say(self, problem: str) -> None:
        self.problem_label.setText(problem)
        self.problem_label.show()
