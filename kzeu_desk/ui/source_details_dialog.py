"""Source > Details…: what a source says about itself (title, publisher, author, address,
publication date to the year, month or day, language, note), the citation made from them, and
where its text came from; and deleting a source, after saying what goes with it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QPushButton,
    QRadioButton, QVBoxLayout, QWidget,
)

from kzeu_desk.core.citation import Citation
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.source_details import SourceDeletion, SourceDetails, checked_details, deletion_effects, source_details
from kzeu_desk.core.typed_value import date_precision
from kzeu_desk.core.value_parsing import parse_date_text
from kzeu_desk.ui.date_field import DateField
from kzeu_desk.ui.form_fields import ProblemLabel
from kzeu_desk.ui.plain_text import local_time, plain_label
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.text_styles import muted, scaled_font, small_print

# Offered first; any other language code can be typed.
LANGUAGES = (("en", "English"), ("ru", "Russian"), ("kk", "Kazakh"), ("de", "German"), ("fr", "French"),
             ("it", "Italian"), ("nl", "Dutch"), ("zh", "Chinese"), ("tr", "Turkish"), ("uz", "Uzbek"))
_PRECISION_WORDS = {"year": "known to the year", "month": "known to the month", "day": "known to the day"}


def _language_code(text: str) -> str:
    """"ru — Russian" as typed or picked is stored as "ru"."""
    return text.split("—", 1)[0].strip()


class SourceDetailsDialog(QDialog):
    """Edit a source's details; Save is one undoable action. Read-only fact bases show them only."""

    def __init__(self, session: Session, source_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sourceDetailsDialog")
        self._session = session
        self.source_id = source_id
        self.deleted = False
        with session.fact_base.reading() as conn:
            details = source_details(conn, source_id)
        if details is None:
            raise UserError("That source no longer exists.")
        self._details = details
        read_only = session.read_only
        self.setWindowTitle("Source details")
        self.setMinimumWidth(560)

        self.title_edit = QLineEdit(details.title)
        self.publisher_edit = QLineEdit(details.publisher or "")
        self.author_edit = QLineEdit(details.author or "")
        self.url_edit = QLineEdit(details.url or "")
        self.url_edit.setPlaceholderText("https://…")
        for edit in (self.title_edit, self.publisher_edit, self.author_edit, self.url_edit):
            edit.setCursorPosition(0)  # a long headline shows its beginning, not its last words
        self.published_field = DateField("Published")
        self.published_field.set_date(details.published)
        self.published_field.line_edit.setPlaceholderText("2023, Feb 2023 or 2 February 2023")
        self.precision_note = muted(small_print(plain_label()))
        self.language_combo = QComboBox()
        self.language_combo.setEditable(True)
        self.language_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.language_combo.addItems(["", *(f"{code} — {name}" for code, name in LANGUAGES)])
        known = dict(LANGUAGES)
        self.language_combo.setEditText(
            f"{details.language} — {known[details.language]}" if details.language in known else details.language or "")
        self.language_combo.lineEdit().setPlaceholderText("en, ru, kk…")
        self.note_edit = QPlainTextEdit(details.note or "")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 12)
        for widget, name in ((self.title_edit, "Title"), (self.publisher_edit, "Publisher"),
                             (self.author_edit, "Author"), (self.url_edit, "Address"),
                             (self.language_combo, "Language"), (self.note_edit, "Note")):
            widget.setAccessibleName(name)
            if read_only:
                if isinstance(widget, QComboBox):
                    widget.setEnabled(False)
                else:
                    widget.setReadOnly(True)
        self.published_field.line_edit.setReadOnly(read_only)

        self.citation_label = plain_label(word_wrap=True, selectable=True)
        self.citation_label.setAccessibleName("Citation")
        self.citation_label.setFont(scaled_font(self.citation_label, 1.0, bold=True))
        self.origin_label = muted(small_print(plain_label(self._origin(details), word_wrap=True, selectable=True)))
        self.problem = ProblemLabel()
        self.problem.setAccessibleName("Details problem")

        published_row = QWidget()
        published_layout = QVBoxLayout(published_row)
        published_layout.setContentsMargins(0, 0, 0, 0)
        published_layout.setSpacing(1)
        published_layout.addWidget(self.published_field)
        published_layout.addWidget(self.precision_note)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Title", self.title_edit)
        form.addRow("Publisher", self.publisher_edit)
        form.addRow("Author", self.author_edit)
        form.addRow("Address", self.url_edit)
        form.addRow("Published", published_row)
        form.addRow("Language", self.language_combo)
        form.addRow("Note", self.note_edit)
        form.addRow("Cited as", self.citation_label)
        form.addRow("Text", self.origin_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close if read_only else
                                   QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton("Delete source…")
        self.delete_button.setObjectName("deleteSourceButton")
        self.delete_button.clicked.connect(self._delete)
        self.delete_button.setVisible(not read_only)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ResetRole)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(buttons)

        for edit in (self.title_edit, self.publisher_edit, self.author_edit, self.url_edit,
                     self.published_field.line_edit):
            edit.textEdited.connect(lambda _text: self._refresh())
        self.language_combo.editTextChanged.connect(lambda _text: self.problem.clear_problem())
        self._refresh()

    @staticmethod
    def _origin(details: SourceDetails) -> str:
        parts = [details.file_name or "typed in", f"{details.char_count:,} characters"]
        if details.encoding:
            parts.append(details.encoding)
        parts.append(f"imported {local_time(details.imported_at)} by {details.imported_by}")
        return " · ".join(parts)

    # -- reading the form ----------------------------------------------------------------------

    def typed_published(self) -> str | None:
        typed = self.published_field.line_edit.text().strip()
        if not typed:
            return None
        return parse_date_text(typed) or typed  # the service says why a date it cannot read is refused

    def values(self) -> dict[str, str | None]:
        return {
            "title": self.title_edit.text(), "publisher": self.publisher_edit.text(),
            "author": self.author_edit.text(), "url": self.url_edit.text(), "published": self.typed_published(),
            "language": _language_code(self.language_combo.currentText()), "note": self.note_edit.toPlainText(),
        }

    def changed_values(self) -> dict[str, str | None]:
        """Only what the curator changed, so an untouched detail is never rewritten."""
        def normal(value: str | None) -> str | None:
            return (value.strip() if isinstance(value, str) else value) or None

        return {name: value for name, value in self.values().items() if normal(value) != getattr(self._details, name)}

    def _refresh(self) -> None:
        self.problem.clear_problem()
        typed = self.published_field.line_edit.text().strip()
        iso = parse_date_text(typed) if typed else None
        if not typed:
            self.precision_note.setText("not known")
        elif iso is None:
            self.precision_note.setText("not a date yet (2023, Feb 2023 or 2 February 2023)")
        else:
            self.precision_note.setText(_PRECISION_WORDS[date_precision(iso).value])
        citation = Citation(self.title_edit.text() or None, self.publisher_edit.text() or None,
                            self.author_edit.text() or None, iso, self.url_edit.text() or None,
                            self._details.file_name)
        self.citation_label.setText(citation.full)

    # -- actions -------------------------------------------------------------------------------

    def accept(self) -> None:
        if self._session.read_only:
            super().accept()
            return
        try:
            changed = checked_details(self.changed_values())
        except UserError as error:
            self.problem.show_problem(str(error))
            return
        if changed:
            source_id = self.source_id
            if self._session.perform(lambda fb: fb.update_source(source_id, **changed)) is None:
                return  # the session said why; the dialog stays open with what was typed
        super().accept()

    def _delete(self) -> None:
        if confirm_source_deletion(self._session, self.source_id, self):
            self.deleted = True
            super().reject()


class SourceDeletionDialog(QDialog):
    """Says what deleting a source takes with it, and asks what becomes of the facts it alone supports."""

    def __init__(self, effects: SourceDeletion, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sourceDeletionDialog")
        self.setWindowTitle("Delete source")
        self.setMinimumWidth(480)
        self._effects = effects
        self.message = plain_label(word_wrap=True)
        self.message.setAccessibleName("What deleting does")
        self.delete_facts = QRadioButton(f"Delete the {len(effects.facts_only_here):,} fact"
                                         f"{'s' if len(effects.facts_only_here) != 1 else ''} too")
        self.keep_facts = QRadioButton("Keep them, without evidence")
        self.keep_facts.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.delete_facts)
        group.addButton(self.keep_facts)
        for button in (self.delete_facts, self.keep_facts):
            button.setVisible(bool(effects.facts_only_here))
            button.toggled.connect(lambda _on: self._say())
        undo_note = muted(small_print(plain_label("Edit > Undo brings the source back with everything deleted here.",
                                                  word_wrap=True)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        delete = buttons.addButton("Delete source", QDialogButtonBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDeleteSource")
        delete.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        column = QVBoxLayout(self)
        column.addWidget(self.message)
        column.addWidget(self.delete_facts)
        column.addWidget(self.keep_facts)
        column.addWidget(undo_note)
        column.addWidget(buttons)
        self._say()

    def _say(self) -> None:
        self.message.setText(self._effects.sentence(delete_facts=self.delete_facts.isChecked()))

    @property
    def deletes_facts(self) -> bool:
        return self.delete_facts.isChecked()


def confirm_source_deletion(session: Session, source_id: int, parent: QWidget) -> bool:
    """Ask, then delete the source as one undoable action; True when it was deleted."""
    if session.read_only:
        return False
    with session.fact_base.reading() as conn:
        try:
            effects = deletion_effects(conn, source_id)
        except UserError as error:
            session.failed.emit(str(error))
            return False
    dialog = SourceDeletionDialog(effects, parent)
    if not dialog.exec():
        return False
    delete_facts = dialog.deletes_facts
    return session.perform(lambda fb: fb.delete_source(source_id, delete_unsupported_facts=delete_facts)) is not None

