"""The open fact base as the Qt side sees it: service calls become undoable commands, and every
change is announced once through `changed`, so each view refreshes only what it shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kzeu_desk.core.changes import Changes, OperationKind
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.service import FactBase

if TYPE_CHECKING:
    from kzeu_desk.ui.operations import WorkspaceOp


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
    said = Signal(str)  # a passing note for the status bar ("… was stopped; nothing was changed.")
    selected_fact_changed = Signal(object)  # int | None: the fact every pane focuses on
    # str | None: the writing operation now running off the GUI thread (ui/operations.py), or None
    busy_changed = Signal(object)
    about_to_write = Signal()  # a writing operation starts: commit what is half typed first

    def __init__(self, fact_base: FactBase, parent: QObject | None = None):
        super().__init__(parent)
        self.fact_base = fact_base
        self.undo_stack = QUndoStack(self)
        self._selected_fact: int | None = None
        self.reveal_on_a_later_turn = False  # while `selected_fact_changed` is emitted: see `select_fact`
        self._operations: list[WorkspaceOp] = []
        self.closed = False  # the window closed: its fact base is closed next, nothing may read it after

    @property
    def read_only(self) -> bool:
        return self.fact_base.read_only

    def perform(self, action: Callable[[FactBase], Changes]) -> Changes | None:
        """Run one service operation as an undoable user action; on a user error say why and return None."""
        if self.busy is not None:
            # Its write transaction would wait for the running operation's, with the window frozen.
            self.failed.emit(f"Wait until “{self.busy}” has finished; your change was not saved.")
            return None
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

    def adopt_all(self, label: str, all_changes: list[Changes]) -> None:
        """Several operations that ran elsewhere (an import of many files, each its own transaction)
        as one undo step, announced once: every view refreshes once rather than once per file (the
        sources list re-read ten times took 0.4 s at 100k facts)."""
        if not all_changes:
            return
        self.undo_stack.beginMacro(label)
        for changes in all_changes:
            if not changes.empty:
                self.undo_stack.push(ServiceCommand(self, changes))
        self.undo_stack.endMacro()
        merged = Changes(operation_id=max((c.operation_id for c in all_changes if c.operation_id is not None),
                                          default=None), label=label, kind=all_changes[-1].kind)
        for changes in all_changes:
            for kind in ("inserted", "updated", "deleted"):
                for table_name, ids in getattr(changes, kind).items():
                    getattr(merged, kind)[table_name] |= ids
        self.changed.emit(merged)

    # -- operations running off the GUI thread (ui/operations.py) --------------------------------

    @property
    def busy(self) -> str | None:
        """The label of the writing operation now running, if any."""
        return next((op.label for op in self._operations if op.writing), None)

    @property
    def operations(self) -> list[WorkspaceOp]:
        return list(self._operations)

    def may_start(self, op: WorkspaceOp) -> bool:
        """One writing operation at a time, and one of each kind: say why another must wait."""
        if op.writing and self.busy is not None:
            self.failed.emit(f"Wait until “{self.busy}” has finished, then try again.")
            return False
        if any(running.label == op.label for running in self._operations):
            self.said.emit(f"“{op.label}” is already running.")
            return False
        return True

    def operation_started(self, op: WorkspaceOp) -> None:
        if op.writing:
            self.about_to_write.emit()
        self._operations.append(op)
        if op.writing:
            self.busy_changed.emit(op.label)

    def operation_finished(self, op: WorkspaceOp) -> None:
        if op in self._operations:
            self._operations.remove(op)
            if op.writing:
                self.busy_changed.emit(None)

    def wait_for_operations(self) -> None:
        """Let every running operation finish (closing the window): a write commits or rolls back whole."""
        for op in list(self._operations):
            if op.stops_on_close:
                op.stop()
            op.wait()

    @property
    def selected_fact(self) -> int | None:
        return self._selected_fact

    def select_fact(self, fact_id: int | None, *, reveal_on_a_later_turn: bool = False) -> None:
        """Every pane focuses on the fact. `reveal_on_a_later_turn`: the reader opens the fact's
        evidence (a source, with the sources list, the revisions and the candidates answering) on a
        later turn of the event loop than the one in which the other panes answer, for a selection
        made after other heavy work (Evidence to check after a revision import, at 1M facts: the two
        halves took 30-40 and 40-60 ms of the GUI thread, profiled)."""
        if fact_id != self._selected_fact:
            self._selected_fact = fact_id
            self.reveal_on_a_later_turn = reveal_on_a_later_turn
            try:
                self.selected_fact_changed.emit(fact_id)
            finally:
                self.reveal_on_a_later_turn = False
