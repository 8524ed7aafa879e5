"""The queue of open conflicts as a list model: one titled row per conflict."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from kzeu_desk.core import conflict_queue
from kzeu_desk.ui.plain_text import plain_tooltip

CONFLICT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def conflict_title(row: conflict_queue.QueuedConflict | conflict_queue.ConflictRecord) -> str:
    """"Kazakhstan · diplomatic relations established — value conflict"."""
    subject = row.subject_name or "(no subject)"
    prop = row.property_name or "(no property)"
    return f"{subject} · {prop} — {conflict_queue.RULE_WORDS.get(row.rule, row.rule)}"


class TwoLineRows(QStyledItemDelegate):
    """Every queue row two lines high, so the view can lay out 10k conflicts without measuring each
    title (4 s at 1M facts); a longer title is elided and shown whole in the tooltip."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        lines = option.fontMetrics.lineSpacing() * 2
        return QSize(option.rect.width(), lines + 8)


class ConflictQueueModel(QAbstractListModel):
    """Open conflicts as rows; the panel reloads it whole (a queue holds hundreds, not millions)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[conflict_queue.QueuedConflict] = []
        self._titles: list[str] = []

    def set_rows(self, rows: list[conflict_queue.QueuedConflict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._titles = [conflict_title(row) for row in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._titles[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{self._titles[index.row()]}\n{row.explanation}")
        if role == CONFLICT_ID_ROLE:
            return row.id
        return None

    def row_of(self, conflict_id: int | None) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == conflict_id:
                return number
        return None

    def conflict_at(self, row: int) -> conflict_queue.QueuedConflict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
