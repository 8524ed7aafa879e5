"""Recent changes across the fact base, newest first, read from the operation log."""

from __future__ import annotations


from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from kzeu_desk.core import queries
from kzeu_desk.core.changes import Changes
from kzeu_desk.ui.plain_text import local_time
from kzeu_desk.ui.session import Session

_RECENT = 300


class HistoryModel(QAbstractListModel):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self._session = session
        self._rows: list[queries.RecordedOperation] = []
        self.reload()

    def reload(self) -> None:
        with self._session.fact_base.reading() as conn:
            rows = queries.recent_operations(conn, _RECENT)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def operation_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{local_time(row.at)}   {row.label}   — {row.actor}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Operation {row.id} by {row.actor} at {row.at} (UTC)"
        return None


class HistoryPane(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setAccessibleName("History")
        self.model = HistoryModel(session, self)
        self.view = QListView(objectName="historyList")
        self.view.setAccessibleName("Recent changes")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self._session = session
        session.changed.connect(self._on_changes)
        # Choosing a change shows the fact it changed (and so that fact's evidence in the text).
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        operation_id = self.model.operation_id(current.row()) if current.isValid() else None
        if operation_id is None:
            return
        with self._session.fact_base.reading() as conn:
            fact_id = queries.operation_fact(conn, operation_id)
        if fact_id is not None:
            self._session.select_fact(fact_id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.operation_id is not None:
            self.model.reload()
