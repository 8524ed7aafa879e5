"""Choosing an entity by typing its name or an alias: the completion model over every alias, the
completer, and the field that offers to create an entity for a new name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QCompleter, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kzeu_desk.core.entity_directory import EntityDirectory
from kzeu_desk.core.queries import AliasEntry
from kzeu_desk.ui.form_fields import CommitLineEdit, ProblemLabel

_ENTITY_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_ENTITY_NAME_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_ALIAS_ROLE = int(Qt.ItemDataRole.UserRole) + 3


class AliasListModel(QAbstractListModel):
    """Every (alias, entity) pair for the completer. A plain list behind a model: one QStandardItem
    per alias cost 2 s for the 52k aliases of a large fact base."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[AliasEntry] = []

    def set_rows(self, alias_rows: list[AliasEntry]) -> None:
        self.beginResetModel()
        self._rows = alias_rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            alias, name = row.alias, row.name
            return name if alias == name else f"{alias} — {name}"
        if role == _ALIAS_ROLE:
            return row.alias
        if role == _ENTITY_NAME_ROLE:
            return row.name
        if role == _ENTITY_ID_ROLE:
            return row.entity_id
        return None



class EntityCompleter(QCompleter):
    """Completes entity names from names and aliases ("EU" offers "European Union") and always
    puts the entity's own name into the field."""

    def __init__(self, model: AliasListModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setCompletionRole(_ALIAS_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return index.data(_ENTITY_NAME_ROLE) or ""


class EntityField(QWidget):
    """An entity chosen by typing its name or an alias, with "Create entity “X”" for a new name."""

    committed = Signal(object)  # int | None: the entity chosen (None: field cleared)
    create_requested = Signal(str)  # a name no entity has yet

    def __init__(self, model: AliasListModel, directory: Callable[[], EntityDirectory], *,
                 allow_empty: bool, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._directory = directory
        self._allow_empty = allow_empty
        self._loaded_id: int | None = None
        self._loaded_text = ""
        self._chosen: tuple[int, str] | None = None  # the last entity chosen, with the text it was chosen as
        self.line_edit = CommitLineEdit()
        self.line_edit.setAccessibleName(accessible_name)
        self.line_edit.setPlaceholderText("Type a name or alias")
        self.line_edit.setClearButtonEnabled(True)
        self.completer = EntityCompleter(model, self)
        self.line_edit.setCompleter(self.completer)
        self.create_button = QPushButton()
        self.create_button.setAccessibleName(f"Create entity for {accessible_name.lower()}")
        self.create_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.create_button.hide()
        self.problem = ProblemLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.create_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)
        self.line_edit.editingFinished.connect(self.commit_typed)
        self.line_edit.textEdited.connect(self._on_text_edited)
        # The QModelIndex overload of `activated`, chosen by indexing, which the Qt stubs do not describe.
        self.completer.activated[QModelIndex].connect(self._on_completion_chosen)  # type: ignore[index]
        self.create_button.clicked.connect(self._on_create_clicked)
        self.line_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line_edit and event.type() == QEvent.Type.FocusIn and not self.line_edit.isReadOnly():
            self._directory()  # the completer has every alias before the first keystroke
        return super().eventFilter(watched, event)

    def set_entity(self, entity_id: int | None, name: str) -> None:
        self._loaded_id = entity_id
        self._loaded_text = name
        self.line_edit.setText(name)
        self.create_button.hide()
        self.problem.clear_problem()

    def is_dirty(self) -> bool:
        return self.line_edit.text() != self._loaded_text

    def set_read_only(self, read_only: bool) -> None:
        self.line_edit.setReadOnly(read_only)
        self.line_edit.setClearButtonEnabled(not read_only)
        if read_only:
            self.create_button.hide()

    def commit_typed(self) -> None:
        if not self.is_dirty() or self.line_edit.isReadOnly():
            return
        typed = self.line_edit.text().strip()
        if not typed:
            if self._allow_empty:
                self._commit(None)
            else:
                self.problem.show_problem("Choose an entity.")
            return
        matches = self._directory().matches(typed)
        if len(matches) == 1:
            self._commit(matches[0])
        elif matches:
            self.problem.show_problem(f"“{typed}” names several entities; pick one from the list.")
        else:
            self.problem.show_problem(f"No entity is called “{typed}”.")
            self._offer_create(typed)

    def chosen_id(self) -> int | None:
        """The entity last chosen in the field, while the field still shows it (for fields that
        act on a button rather than on each commit)."""
        if self._chosen is not None and self._chosen[1] == self.line_edit.text():
            return self._chosen[0]
        return None

    def remember_choice(self, entity_id: int | None) -> None:
        self._chosen = (entity_id, self.line_edit.text()) if entity_id is not None else None

    def _commit(self, entity_id: int | None) -> None:
        self.problem.clear_problem()
        self.create_button.hide()
        if entity_id is not None:
            self.line_edit.setText(self._directory().name(entity_id))
        self.remember_choice(entity_id)
        if entity_id == self._loaded_id:
            # Same entity typed differently (an alias): show its name, nothing to save.
            self.set_entity(entity_id, self._directory().name(entity_id) if entity_id is not None else "")
            return
        self.committed.emit(entity_id)

    def _on_text_edited(self, text: str) -> None:
        self.problem.clear_problem()
        typed = text.strip()
        directory = self._directory()
        # Offer a new entity only once nothing known is left to complete to.
        if typed and not directory.matches(typed) and not directory.could_complete(typed):
            self._offer_create(typed)
        else:
            self.create_button.hide()

    def _offer_create(self, typed: str) -> None:
        if self.line_edit.isReadOnly():
            return
        self.create_button.setText(f"Create entity “{typed}”")
        self.create_button.show()

    def _on_completion_chosen(self, index: QModelIndex) -> None:
        entity_id = index.data(_ENTITY_ID_ROLE)
        if entity_id is not None and not self.line_edit.isReadOnly():
            self._commit(int(entity_id))

    def _on_create_clicked(self) -> None:
        typed = self.line_edit.text().strip()
        if typed and not self.line_edit.isReadOnly():
            self.create_requested.emit(typed)
