"""The open fact base as the Qt side sees it: service calls become undoable commands, and every
change is announced once through `changed`, so each view refreshes only what it shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kzeu_desk.core.changes import Changes, OperationKind
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.service import FactBase


class ServiceCommand(QUndoCommand):
    """One user action. Its first run already happened when it is pushed; undo and redo replay
    the action's audit images through the service, each as a new recorded operation."""

    def __init__(self, session: Session, changes: Changes):
        super().__init__(changes.label)
        self._session = session
        self._last_operation_id = changes.operation_id
        self._has_run = True

    def redo(self) -> None:
        if self._has_run:
            self._has_run = False  # QUndoStack.push calls redo; the action itself already ran
            return
        self._replay(f"Redo: {self.text()}", OperationKind.REDO)

    def undo(self) -> None:
        self._replay(f"Undo: {self.text()}", OperationKind.UNDO)

    def _replay(self, label: str, kind: OperationKind) -> None:
        try:
            changes = self._session.fact_base.revert(self._last_operation_id, label, kind=kind)
        except UserError as error:
            # The stored state moved on (another curator, or a later edit); this step can't replay.
            self.setObsolete(True)
            self._session.failed.emit(str(error))
            return
        self._last_operation_id = changes.operation_id
        self._session.changed.emit(changes)


class Session(QObject):
    changed = Signal(object)  # Changes: after every operation, undo and redo
    failed = Signal(str)  # one sentence for the user when an action could not be carried out
    selected_fact_changed = Signal(object)  # int | None: the fact every pane focuses on

    def __init__(self, fact_base: FactBase, parent: QObject | None = None):
        super().__init__(parent)
        self.fact_base = fact_base
        self.undo_stack = QUndoStack(self)
        self._selected_fact: int | None = None

    @property
    def read_only(self) -> bool:
        return self.fact_base.read_only

    def perform(self, action: Callable[[FactBase], Changes]) -> Changes | None:
        """Run one service operation as an undoable user action; on a user error say why and return None."""
        try:
            changes = action(self.fact_base)
        except UserError as error:
            self.failed.emit(str(error))
            return None
        self.adopt(changes)
        return changes

    def adopt(self, changes: Changes) -> None:
        """Make an operation that ran elsewhere (a worker thread) undoable and announce it."""
        if not changes.empty:
            self.undo_stack.push(ServiceCommand(self, changes))
        self.changed.emit(changes)

    @property
    def selected_fact(self) -> int | None:
        return self._selected_fact

    def select_fact(self, fact_id: int | None) -> None:
        if fact_id != self._selected_fact:
            self._selected_fact = fact_id
            self.selected_fact_changed.emit(fact_id)
