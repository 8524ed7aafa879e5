"""The import report: what an import run brought in, with the details each file carried for the
curator to confirm (they become the source's citation), and what was refused and why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from kzeu_desk.ui.document_import import ImportedSource, Refusal
from kzeu_desk.ui.source_view import plain_text_as_tooltip

_FORMAT_NAMES = {"pdf": "PDF", "docx": "Word", "odt": "OpenDocument", "html": "Web page", "text": "Text",
                 "markdown": "Markdown"}
_COLUMNS = ("Title", "Author", "Publisher", "Published", "Language", "Address", "Kind", "Characters")
_MISSING = "—"


class ImportReport(QDialog):
    show_source = Signal(int)
    correct_details = Signal(int)

    def __init__(self, imported: Sequence[ImportedSource], refusals: Sequence[Refusal], attempted: int,
                 parent: QWidget | None = None, *, can_correct: bool = False):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle("Import report")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._imported = list(imported)

        heading = QLabel(self, objectName="importReportHeading", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        heading.setText(_heading(len(self._imported), len(refusals), attempted))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)

        self.table = QTableWidget(len(self._imported), len(_COLUMNS), self)
        self.table.setObjectName("importedSources")
        if self._imported:
            hint = QLabel("These details come from the files themselves and become each source's citation: "
                          "check them before you cite.", self, textFormat=Qt.TextFormat.PlainText, wordWrap=True)
            hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(hint)
            self._fill_table()
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()

        self.refusals_label = QLabel(self, objectName="importRefusals", textFormat=Qt.TextFormat.PlainText,
                                     wordWrap=True)
        self.refusals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if refusals:
            shown = [f"• {refusal.reason}" for refusal in refusals[:20]]
            if len(refusals) > 20:
                shown.append(f"…and {len(refusals) - 20} more.")
            self.refusals_label.setText("Not imported:\n" + "\n".join(shown))
            layout.addWidget(self.refusals_label)
        else:
            self.refusals_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button = QPushButton("Show source", self, objectName="importReportShowSource")
        self.correct_button = QPushButton("Correct details…", self, objectName="importReportCorrectDetails")
        for button in (self.show_button, self.correct_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setEnabled(False)
            button.setVisible(bool(self._imported))
        self.correct_button.setVisible(bool(self._imported) and can_correct)
        buttons.rejected.connect(self.close)
        self.show_button.clicked.connect(lambda: self._emit_for_current(self.show_source))
        self.correct_button.clicked.connect(lambda: self._emit_for_current(self.correct_details))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._emit_for_current(self.show_source))
        layout.addWidget(buttons)
        if self._imported:
            self.table.selectRow(0)
        wanted = sum(self.table.columnWidth(column) for column in range(len(_COLUMNS))) + 40
        self.resize(max(520, min(1300, wanted)), self.sizeHint().height())

    def _fill_table(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels(_COLUMNS)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        for row, source in enumerate(self._imported):
            details = source.details
            values = (source.title, details.get("author"), details.get("publisher"), details.get("published"),
                      details.get("language"), details.get("url"), _kind(source), f"{source.characters:,}")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value or _MISSING)
                item.setToolTip(plain_text_as_tooltip(_full_details(source)))
                if column == len(values) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        for column in range(len(_COLUMNS)):
            table.setColumnWidth(column, min(table.columnWidth(column) + 12, 360 if column == 0 else 240))
        header.setStretchLastSection(True)
        # As tall as its rows (up to twelve), so a short report is a short dialog.
        shown_rows = min(len(self._imported), 12)
        fitted = (header.sizeHint().height() + shown_rows * table.verticalHeader().defaultSectionSize()
                  + 2 * table.frameWidth() + 4)
        table.setMinimumHeight(fitted)
        if len(self._imported) <= 12:
            table.setMaximumHeight(fitted)

    def selected_source_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._imported[rows[0].row()].source_id if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_source_id() is not None
        self.show_button.setEnabled(chosen)
        self.correct_button.setEnabled(chosen)

    def _emit_for_current(self, signal) -> None:
        source_id = self.selected_source_id()
        if source_id is not None:
            signal.emit(source_id)


def _heading(imported: int, refused: int, attempted: int) -> str:
    if imported and not refused:
        return f"{imported} document{'s' if imported != 1 else ''} imported." if attempted > 1 or imported > 1 \
            else "1 document imported."
    if not imported:
        return "Nothing was imported." if attempted != 1 else "The document was not imported."
    return f"{imported} of {attempted} documents imported."


def _kind(source: ImportedSource) -> str:
    name = _FORMAT_NAMES.get(source.format, source.format)
    if source.pages:
        return f"{name}, {source.pages} page{'s' if source.pages != 1 else ''}"
    return name


def _full_details(source: ImportedSource) -> str:
    details = source.details
    lines = [source.title, f"From: {source.name}"]
    for key, label in (("author", "Author"), ("publisher", "Publisher"), ("published", "Published"),
                       ("language", "Language"), ("url", "Address"), ("retrieved_at", "Retrieved")):
        lines.append(f"{label}: {details.get(key) or _MISSING}")
    if source.original_bytes is not None:
        lines.append(f"Original kept in the fact base ({_size(source.original_bytes)})")
    return "\n".join(lines)


def _size(byte_count: int) -> str:
    if byte_count < 1024 * 1024:
        return f"{max(1, round(byte_count / 1024))} KB"
    return f"{byte_count / 1024 / 1024:.1f} MB"
