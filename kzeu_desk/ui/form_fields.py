"""The parts every field of the fact form is built from: line and multi-line edits that commit
when editing ends and leave Ctrl+Z to the app's undo when they have no typing of their own to undo,
and the red line under a field saying why typing was not accepted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from kzeu_desk.ui.text_styles import PROBLEM_STYLE


def _is_app_undo_key(event: QKeyEvent) -> tuple[bool, bool]:
    return event.matches(QKeySequence.StandardKey.Undo), event.matches(QKeySequence.StandardKey.Redo)


class CommitLineEdit(QLineEdit):
    """A line edit that lets Ctrl+Z reach the app's undo when it has no typing of its own to undo,
    so undo right after a committed edit undoes that edit, not nothing."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo, redo = _is_app_undo_key(event)
            if (undo and not self.isUndoAvailable()) or (redo and not self.isRedoAvailable()):
                event.ignore()
                return True
        return super().event(event)


class CommitPlainTextEdit(QPlainTextEdit):
    """Multi-line text that commits when it loses focus (Enter makes a new line here)."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A popup (context menu) taking focus is not the end of editing.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focus_left.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo, redo = _is_app_undo_key(event)
            document = self.document()
            if (undo and not document.isUndoAvailable()) or (redo and not document.isRedoAvailable()):
                event.ignore()
                return True
        return super().event(event)


class ProblemLabel(QLabel):
    """Red text under a field saying why what was typed was not accepted; never a dialog."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(PROBLEM_STYLE)
        self.hide()

    def show_problem(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_problem(self) -> None:
        self.show_problem("")
