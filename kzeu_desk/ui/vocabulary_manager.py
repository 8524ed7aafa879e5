"""Tools > Properties and entities…: the vocabulary a curator owns.

Two tabs, each a filterable list beside the chosen item's details and what can be done to it:
properties (create, edit, deprecate or restore, merge into another, delete when unused) and
entities (create, rename and describe, link to Wikidata, aliases, merge duplicates, delete when
unused). Every change is one undoable action on the window's undo stack (Ctrl+Z works here too),
and the lists follow every change to the fact base, whoever made it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSplitter, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from kzeu_desk.core.changes import Changes
from kzeu_desk.core.entities import EntityRow, entity_rows
from kzeu_desk.core.properties import PropertyRow, property_rows
from kzeu_desk.core.property_info import ENTITY_KINDS, KIND_WORDS
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.form_fields import ProblemLabel
from kzeu_desk.ui.plain_text import plain_label, plain_tooltip
from kzeu_desk.ui.property_dialog import PropertyDialog, describe_rules
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.text_styles import muted, scaled_font, small_print

if TYPE_CHECKING:
    from sqlalchemy import Connection

_ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 11
Perform = Callable[[Callable[[FactBase], Changes]], Changes | None]


class _RowsModel(QAbstractTableModel):
    """Frozen rows shown in columns; vocabulary is small enough to hold (thousands of rows)."""

    def __init__(self, headers: Sequence[str], cells: Callable[[Any], Sequence[object]],
                 tooltip: Callable[[Any], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._headers, self._cells, self._tooltip = list(headers), cells, tooltip
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._cells(row)[index.column()]
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row))
        if role == _ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(self._cells(row)[index.column()], int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model: _RowsModel, filter_box: QLineEdit, accessible_name: str) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    filter_box.textChanged.connect(proxy.setFilterFixedString)
    view = QTableView()
    view.setAccessibleName(accessible_name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return view, proxy


class _Pane(QWidget):
    """A filter, a list, and the chosen row's details with its buttons."""

    def __init__(self, session: Session, perform: Perform, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._perform = perform
        self.filter_box = QLineEdit(placeholderText="Filter", clearButtonEnabled=True)
        self.details_title = plain_label(word_wrap=True, selectable=True)
        self.details_title.setFont(scaled_font(self.details_title, 1.15, bold=True))
        self.details_lines = plain_label(word_wrap=True, selectable=True)
        self.details_lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.usage = muted(small_print(plain_label(word_wrap=True)))
        self.problem = ProblemLabel()

    def _layout(self, view: QTableView, buttons: list[QPushButton], extra: QWidget | None = None) -> None:
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.filter_box)
        left_column.addWidget(view)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(8, 0, 0, 0)
        right_column.addWidget(self.details_title)
        right_column.addWidget(self.usage)
        right_column.addWidget(self.details_lines)
        if extra is not None:
            right_column.addWidget(extra)
        right_column.addWidget(self.problem)
        right_column.addStretch(1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        right_column.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # the list's labels first; stretch factors only share what is left
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def _act(self, action: Callable[[FactBase], Changes]) -> Changes | None:
        self.problem.clear_problem()
        return self._perform(action)

    # Each pane names its rows, and how a row is known; the list keeps the chosen row across reloads.
    view: QTableView
    proxy: QSortFilterProxyModel
    model: _RowsModel

    def _rows(self, conn: Connection) -> Sequence[Any]:
        raise NotImplementedError

    @staticmethod
    def _id_of(row: Any) -> int:
        raise NotImplementedError

    def _show_current(self) -> None:
        raise NotImplementedError

    def _current_row(self) -> Any:
        index = self.view.currentIndex()
        return index.data(_ROW_ROLE) if index.isValid() else None

    def reload(self) -> None:
        current = self._current_row()
        chosen = self._id_of(current) if current is not None else None
        with self._session.fact_base.reading() as conn:
            self.model.set_rows(self._rows(conn))
        self.choose(chosen)
        self._show_current()

    def choose(self, row_id: int | None) -> None:
        for position in range(self.proxy.rowCount()):
            index = self.proxy.index(position, 0)
            if row_id is None or self._id_of(index.data(_ROW_ROLE)) == row_id:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return


class PropertiesPane(_Pane):
    def __init__(self, session: Session, perform: Perform, parent: QWidget | None = None):
        super().__init__(session, perform, parent)
        self.model = _RowsModel(("Property", "Kind", "Facts", "Key"), self._cells, self._tip, self)
        self.view, self.proxy = _table(self.model, self.filter_box, "Properties")
        # Keys run long ("companies_with_european_capital"): sized to their contents they took the
        # width the labels need. The key column gets a fixed share; the details show the whole key.
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().resizeSection(3, 150)
        self.filter_box.setPlaceholderText("Filter properties")
        self.new_button = QPushButton("New property…")
        self.edit_button = QPushButton("Edit…")
        self.deprecate_button = QPushButton("Deprecate")
        self.merge_button = QPushButton("Merge into…")
        self.delete_button = QPushButton("Delete")
        for button, slot in ((self.new_button, self.new_property), (self.edit_button, self.edit),
                             (self.deprecate_button, self.toggle_deprecated), (self.merge_button, self.merge),
                             (self.delete_button, self.delete)):
            button.clicked.connect(slot)
        self._layout(self.view, [self.new_button, self.edit_button, self.deprecate_button, self.merge_button,
                                 self.delete_button])
        self.view.selectionModel().currentRowChanged.connect(lambda *_args: self._show_current())
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.reload()

    @staticmethod
    def _cells(row: PropertyRow) -> tuple:
        name = row.info.name + (" (deprecated)" if row.info.deprecated else "")
        return name, KIND_WORDS[row.info.value_kind], row.fact_count, row.info.key

    @staticmethod
    def _tip(row: PropertyRow) -> str:
        return "\n".join([row.description or row.info.name, *describe_rules(row.info, row.separator_names)])

    def current(self) -> PropertyRow | None:
        return self._current_row()

    def _rows(self, conn: Connection) -> Sequence[PropertyRow]:
        return property_rows(conn)

    @staticmethod
    def _id_of(row: PropertyRow) -> int:
        return row.info.id

    def _show_current(self) -> None:
        row = self.current()
        writable = not self._session.read_only
        for button in (self.edit_button, self.deprecate_button, self.merge_button, self.delete_button):
            button.setEnabled(writable and row is not None)
        self.new_button.setEnabled(writable)
        if row is None:
            self.details_title.setText("No property chosen")
            self.usage.clear()
            self.details_lines.clear()
            return
        self.details_title.setText(row.info.name)
        self.usage.setText(f"key {row.info.key} · {_uses(row.fact_count, 'fact')}"
                           + (f" · qualifies {_uses(row.qualifier_count, 'fact')}" if row.qualifier_count else ""))
        self.details_lines.setText("\n".join(filter(None, [row.description, *describe_rules(row.info,
                                                                                            row.separator_names)])))
        self.deprecate_button.setText("Restore" if row.info.deprecated else "Deprecate")
        self.delete_button.setEnabled(writable and not row.used)
        self.delete_button.setToolTip("" if not row.used else "Used by facts: merge it into another property, "
                                                              "or deprecate it")

    # -- actions -------------------------------------------------------------------------------

    def new_property(self) -> None:
        dialog = PropertyDialog.for_new(self._session, parent=self)
        if dialog.exec():
            draft = dialog.draft()
            changes = self._act(lambda fb: fb.create_property(draft))
            if changes is not None:
                self.reload()
                self.choose(changes.new_id("property"))

    def edit(self) -> None:
        row = self.current()
        if row is None or self._session.read_only:
            return
        dialog = PropertyDialog.for_existing(self._session, row.info.id, parent=self)
        if dialog.exec():
            draft = dialog.draft()
            self._act(lambda fb: fb.update_property(row.info.id, draft))

    def toggle_deprecated(self) -> None:
        row = self.current()
        if row is not None:
            self._act(lambda fb: fb.deprecate_property(row.info.id, not row.info.deprecated))

    def merge(self) -> None:
        row = self.current()
        if row is None:
            return
        # Properties of the same kind first: their facts move without being restated.
        others = sorted((r for r in self.model.rows if r.info.id != row.info.id),
                        key=lambda r: (r.info.value_kind is not row.info.value_kind, r.info.name.casefold()))
        target = _choose(self, "Merge property", f"Move the {_uses(row.fact_count, 'fact')} of “{row.info.name}” "
                         "to which property? It is deleted afterwards (Undo brings it back).",
                         [(r.info.id, f"{r.info.name} ({KIND_WORDS[r.info.value_kind]})") for r in others])
        if target is not None:
            self._act(lambda fb: fb.merge_properties(row.info.id, target))

    def delete(self) -> None:
        row = self.current()
        if row is not None:
            self._act(lambda fb: fb.delete_property(row.info.id))


class EntitiesPane(_Pane):
    def __init__(self, session: Session, perform: Perform, parent: QWidget | None = None):
        super().__init__(session, perform, parent)
        self.model = _RowsModel(("Entity", "Kind", "Wikidata", "Facts"), self._cells, self._tip, self)
        self.view, self.proxy = _table(self.model, self.filter_box, "Entities")
        self.filter_box.setPlaceholderText("Filter entities")
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Entity name")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Entity kind")
        self.kind_combo.setEditable(True)
        self.kind_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kind_combo.addItems(list(ENTITY_KINDS))
        self.wikidata_edit = QLineEdit()
        self.wikidata_edit.setAccessibleName("Wikidata item")
        self.wikidata_edit.setPlaceholderText("Q232")
        self.description_edit = QLineEdit()
        self.description_edit.setAccessibleName("Entity description")
        self.aliases = QListWidget()
        self.aliases.setAccessibleName("Aliases")
        self.aliases.setFixedHeight(self.aliases.fontMetrics().lineSpacing() * 5 + 12)
        self.add_alias_button = QPushButton("Add alias…")
        self.remove_alias_button = QPushButton("Remove alias")
        self.save_button = QPushButton("Save changes")
        self.save_button.setDefault(True)
        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setContentsMargins(0, 4, 0, 0)
        form.addRow("Name", self.name_edit)
        form.addRow("Kind", self.kind_combo)
        form.addRow("Wikidata", self.wikidata_edit)
        form.addRow("Description", self.description_edit)
        form.addRow("", self.save_button)
        alias_buttons = QHBoxLayout()
        alias_buttons.addWidget(self.add_alias_button)
        alias_buttons.addWidget(self.remove_alias_button)
        alias_buttons.addStretch(1)
        form.addRow("Aliases", self.aliases)
        form.addRow("", _wrap(alias_buttons))
        self.new_button = QPushButton("New entity…")
        self.merge_button = QPushButton("Merge into…")
        self.delete_button = QPushButton("Delete")
        self.save_button.clicked.connect(self.save)
        for edit in (self.name_edit, self.wikidata_edit, self.description_edit):
            edit.returnPressed.connect(self.save)
        self.add_alias_button.clicked.connect(self.add_alias)
        self.remove_alias_button.clicked.connect(self.remove_alias)
        self.new_button.clicked.connect(self.new_entity)
        self.merge_button.clicked.connect(self.merge)
        self.delete_button.clicked.connect(self.delete)
        self._layout(self.view, [self.new_button, self.merge_button, self.delete_button], form_host)
        self.view.selectionModel().currentRowChanged.connect(lambda *_args: self._show_current())
        self.reload()

    @staticmethod
    def _cells(row: EntityRow) -> tuple:
        return row.name, row.kind, row.external_id or "", row.subject_of + row.value_of

    @staticmethod
    def _tip(row: EntityRow) -> str:
        lines = [row.name, *(f"also: {a.alias}" for a in row.aliases)]
        if row.description:
            lines.append(row.description)
        return "\n".join(lines)

    def current(self) -> EntityRow | None:
        return self._current_row()

    def _rows(self, conn: Connection) -> Sequence[EntityRow]:
        return entity_rows(conn)

    @staticmethod
    def _id_of(row: EntityRow) -> int:
        return row.id

    def _show_current(self) -> None:
        row = self.current()
        writable = not self._session.read_only
        for widget in (self.name_edit, self.wikidata_edit, self.description_edit):
            widget.setReadOnly(not writable or row is None)
        self.kind_combo.setEnabled(writable and row is not None)
        for button in (self.save_button, self.add_alias_button, self.merge_button):
            button.setEnabled(writable and row is not None)
        self.new_button.setEnabled(writable)
        self.aliases.clear()
        if row is None:
            self.details_title.setText("No entity chosen")
            self.usage.clear()
            for edit in (self.name_edit, self.wikidata_edit, self.description_edit):
                edit.clear()
            self.delete_button.setEnabled(False)
            self.remove_alias_button.setEnabled(False)
            return
        self.details_title.setText(row.name)
        self.usage.setText(f"subject of {_uses(row.subject_of, 'fact')} · value of {_uses(row.value_of, 'fact')}"
                           " or qualifiers")
        self.name_edit.setText(row.name)
        self.kind_combo.setEditText(row.kind)
        self.wikidata_edit.setText(row.external_id or "")
        self.description_edit.setText(row.description or "")
        for edit in (self.name_edit, self.description_edit):
            edit.setCursorPosition(0)  # a long name or description shows its beginning
        for alias in row.aliases:
            item = QListWidgetItem(alias.alias)
            item.setData(_ROW_ROLE, alias.id)
            self.aliases.addItem(item)
        self.remove_alias_button.setEnabled(writable and bool(row.aliases))
        self.delete_button.setEnabled(writable and not row.used)
        self.delete_button.setToolTip("" if not row.used else "Facts name it: merge it into another entity instead")

    # -- actions -------------------------------------------------------------------------------

    def save(self) -> None:
        row = self.current()
        if row is None or self._session.read_only:
            return
        name, kind = self.name_edit.text(), self.kind_combo.currentText()
        external_id, description = self.wikidata_edit.text(), self.description_edit.text()
        changes = self._act(lambda fb: fb.update_entity(row.id, name=name, kind=kind, external_id=external_id,
                                                        description=description))
        if changes is not None and changes.empty:
            self._show_current()

    def new_entity(self) -> None:
        name, ok = QInputDialog.getText(self, "New entity", "Name of the new entity:")
        if ok and name.strip():
            changes = self._act(lambda fb: fb.create_entity(name))
            if changes is not None:
                self.reload()
                self.choose(changes.new_id("entity"))

    def add_alias(self) -> None:
        row = self.current()
        if row is None:
            return
        alias, ok = QInputDialog.getText(self, "Add alias", f"Another name of “{row.name}”:")
        if ok and alias.strip():
            self._act(lambda fb: fb.add_alias(row.id, alias))

    def remove_alias(self) -> None:
        item = self.aliases.currentItem() or (self.aliases.item(0) if self.aliases.count() == 1 else None)
        if item is not None:
            alias_id = int(item.data(_ROW_ROLE))
            self._act(lambda fb: fb.remove_alias(alias_id))

    def merge(self) -> None:
        row = self.current()
        if row is None:
            return
        others = [(r.id, f"{r.name} ({r.kind})") for r in self.model.rows if r.id != row.id]
        target = _choose(self, "Merge entity", f"“{row.name}” is a duplicate of which entity? Its facts move there "
                         "and its names become aliases; conflicts are checked again (Undo takes it back).", others)
        if target is not None:
            self._act(lambda fb: fb.merge_entities(row.id, target))

    def delete(self) -> None:
        row = self.current()
        if row is not None:
            self._act(lambda fb: fb.delete_entity(row.id))


def _uses(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _wrap(layout: QHBoxLayout) -> QWidget:
    host = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    host.setLayout(layout)
    return host


def _choose(parent: QWidget, title: str, question: str, choices: list[tuple[int, str]]) -> int | None:
    """One of `choices` (id, label), picked from a filterable list; None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setObjectName("vocabularyChooser")
    dialog.resize(460, 420)
    filter_box = QLineEdit(placeholderText="Type to filter", clearButtonEnabled=True)
    listing = QListWidget()
    for choice_id, label in choices:
        item = QListWidgetItem(label)
        item.setData(_ROW_ROLE, choice_id)
        listing.addItem(item)
    listing.setCurrentRow(0)

    def apply_filter(text: str) -> None:
        wanted = text.casefold().strip()
        first = None
        for position in range(listing.count()):
            item = listing.item(position)
            item.setHidden(wanted not in item.text().casefold())
            if not item.isHidden() and first is None:
                first = item
        if first is not None:
            listing.setCurrentItem(first)

    filter_box.textChanged.connect(apply_filter)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    listing.itemActivated.connect(lambda _item: dialog.accept())
    column = QVBoxLayout(dialog)
    column.addWidget(plain_label(question, word_wrap=True))
    column.addWidget(filter_box)
    column.addWidget(listing)
    column.addWidget(buttons)
    if not dialog.exec() or listing.currentItem() is None or listing.currentItem().isHidden():
        return None
    return int(listing.currentItem().data(_ROW_ROLE))


class VocabularyManager(QDialog):
    """Properties and entities, side by side in tabs; not modal, so the workspace stays usable."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("vocabularyManager")
        self.setWindowTitle("Properties and entities")
        self.resize(980, 620)
        self._session = session
        self.properties = PropertiesPane(session, self._perform)
        self.entities = EntitiesPane(session, self._perform)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.properties, "Properties")
        self.tabs.addTab(self.entities, "Entities")
        undo = session.undo_stack.createUndoAction(self, "Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = session.undo_stack.createRedoAction(self, "Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([undo, redo])
        self.undo_button = QPushButton()
        self.undo_button.setAccessibleName("Undo")
        self.undo_button.clicked.connect(session.undo_stack.undo)
        session.undo_stack.undoTextChanged.connect(self._name_undo)
        self._name_undo(session.undo_stack.undoText())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs)
        column.addLayout(bottom)
        session.changed.connect(self._on_changed)
        session.failed.connect(self._show_failure)
        self._acting_pane: _Pane | None = None

    def _name_undo(self, text: str) -> None:
        # From the signal's text alone: the stack may already be gone when the window closes first.
        self.undo_button.setText(f"Undo {text}" if text else "Undo")
        self.undo_button.setEnabled(bool(text) and not self._session.read_only)

    def _perform(self, action: Callable[[FactBase], Changes]) -> Changes | None:
        self._acting_pane = self.tabs.currentWidget()  # type: ignore[assignment]
        try:
            return self._session.perform(action)
        finally:
            self._acting_pane = None

    def _show_failure(self, message: str) -> None:
        pane = self._acting_pane or self.tabs.currentWidget()
        if self.isVisible() and isinstance(pane, _Pane):
            pane.problem.show_problem(message)

    def _on_changed(self, changes: Changes) -> None:
        if changes.affects("property", "property_separator", "fact", "fact_qualifier"):
            self.properties.reload()
        if changes.affects("entity", "entity_alias", "fact", "fact_qualifier"):
            self.entities.reload()


def open_vocabulary_manager(session: Session, parent: QWidget) -> VocabularyManager:
    """Show the manager (one per window), raised if it is already open."""
    existing = parent.findChild(VocabularyManager)
    manager = existing or VocabularyManager(session, parent)
    manager.show()
    manager.raise_()
    manager.activateWindow()
    return manager

