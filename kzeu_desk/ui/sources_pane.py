"""The list of source documents with their fact and open-conflict counts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from kzeu_desk.core import queries
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.value_format import format_date
from kzeu_desk.ui.session import Session

_COLUMNS = ("Title", "Publisher", "Published", "Facts", "⚠")
_COLUMN_TIPS = ("", "", "Publication date", "Facts with evidence in this source",
                "Open conflicts involving facts from this source")
_SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class SourceListModel(QAbstractTableModel):
    """Sources number in the hundreds, so their metadata rows (never their text) are held in memory."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self._session = session
        self._rows: list[dict] = []
        self.reload()

    def reload(self) -> None:
        with self._session.fact_base.reading() as conn:
            rows = queries.source_rows(conn)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return _COLUMN_TIPS[section] or None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row["title"],
                row["publisher"] or "",
                format_date(row["published"]) if row["published"] else "",
                row["fact_count"] or "",
                row["open_conflicts"] or "",
            )[column]
        if role == _SORT_ROLE:
            return (row["title"].casefold(), (row["publisher"] or "").casefold(), row["published"] or "",
                    row["fact_count"], row["open_conflicts"])[column]
        if role == _SOURCE_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [row["title"], row["publisher"], row["file_name"], f"{row['char_count']:,} characters"]
            return "\n".join(str(d) for d in details if d)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def has_publication_dates(self) -> bool:
        return any(r["published"] for r in self._rows)

    def row_of(self, source_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r["id"] == source_id), None)


class SourcesPane(QWidget):
    source_chosen = Signal(object)  # int | None

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Sources")
        self._session = session
        self.model = SourceListModel(session, self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._proxy.setFilterKeyColumn(-1)
        self._proxy.setSortRole(_SORT_ROLE)

        self.filter_box = QLineEdit(placeholderText="Filter sources", clearButtonEnabled=True)
        self.filter_box.setAccessibleName("Filter sources")
        self.filter_box.textChanged.connect(self._proxy.setFilterFixedString)

        self.view = QTableView(objectName="sourceList")
        self.view.setAccessibleName("Source documents")
        self.view.setModel(self._proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Counts get just enough room for four digits, so the titles (what a curator reads) get the rest;
        # fixed widths also spare measuring every row of a large fact base.
        count_width = self.view.fontMetrics().horizontalAdvance("Facts") + 16
        for column in range(1, len(_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, count_width if column >= 3 else count_width * 2)
        header.setSectionHidden(1, True)  # publisher stays in the tooltip; the pane is narrow
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.model.modelReset.connect(self._hide_empty_columns)
        self._hide_empty_columns()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        session.changed.connect(self._on_changes)

    def _hide_empty_columns(self) -> None:
        """A date column with no dates in it only takes room from the titles."""
        self.view.horizontalHeader().setSectionHidden(2, not self.model.has_publication_dates())

    def current_source_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(_SOURCE_ID_ROLE) if index.isValid() else None

    def choose(self, source_id: int) -> None:
        row = self.model.row_of(source_id)
        if row is None:
            return
        index = self._proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: clear the filter rather than hide the choice
            self.filter_box.clear()
            index = self._proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.source_chosen.emit(current.data(_SOURCE_ID_ROLE) if current.isValid() else None)

    def _on_changes(self, changes: Changes) -> None:
        if changes.affects("source", "evidence", "conflict", "conflict_member", "fact"):
            chosen = self.current_source_id()
            blocker = self.view.selectionModel().blockSignals(True)
            self.model.reload()
            self.view.selectionModel().blockSignals(blocker)
            if chosen is not None and self.model.row_of(chosen) is not None:
                self.choose(chosen)
            elif chosen is not None:
                self.source_chosen.emit(None)
