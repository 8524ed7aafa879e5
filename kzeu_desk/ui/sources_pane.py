"""The list of source documents with their fact and open-conflict counts."""

from __future__ import annotations

from bisect import bisect_left, insort

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from sqlalchemy import Connection

from kzeu_desk.core import queries
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.queries import SourceListRow
from kzeu_desk.core.value_format import format_date
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.session import Session

_COLUMNS = ("Title", "Publisher", "Published", "Facts", "⚠")
_COLUMN_TIPS = ("", "", "Publication date", "Facts with evidence in this source",
                "Open conflicts involving facts from this source")
_SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_COUNTS_CHANNEL = "source-counts"
_LIST_CHANNEL = "source-list"


class SourceListModel(QAbstractTableModel):
    """Sources number in the tens of thousands at most: their list rows (never their text) are held in
    memory, sorted and filtered here rather than through a proxy, which would call `data()` for every
    row while sorting. The two counts cost a query each, so they are fetched for the rows on screen,
    off the GUI thread: a source with 10k highlights took 0.3-0.5 s to count at 100k facts, painted
    after every import. Until they come, a row shows the counts it had (or none)."""

    _COUNT_BATCH = 96  # rows either side of the one asked for; one query fills a screen and the next

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self._session = session
        self._all: list[SourceListRow] = []
        self._dated: bool | None = None  # whether any source has a publication date; None: not known
        self._shown: list[SourceListRow] = []
        # Positions of the sources in `_shown` and `_all` as last looked up (`_position_in`).
        self._shown_positions: dict[int, int] = {}
        self._all_positions: dict[int, int] = {}
        self._counts: dict[int, tuple[int, int]] = {}
        self._earlier_counts: dict[int, tuple[int, int]] = {}  # shown while the current ones are read
        self._counting: set[int] = set()  # sources whose counts are being read
        self._reader = BackgroundReader(session.fact_base.reading, self)
        self._sort_column, self._sort_order = 0, Qt.SortOrder.AscendingOrder
        self._filter = ""
        self.reload()

    # -- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        self._reader.cancel(_LIST_CHANNEL)
        with self._session.fact_base.reading() as conn:
            self.adopt_list(queries.source_list(conn))

    def read_list_in_background(self, done: Callable[[ArrangedList], None]) -> None:
        """Read every source's row off the GUI thread (25k rows: ~0.1 s at 1M facts, after a refresh
        or a restore when SQLite's cache is cold), and arrange them there too when the order does not
        depend on counts: filtering, sorting and mapping the 25k rows was ~20 ms of the GUI thread's
        turn that adopted them (in a 115 ms gap of File > Refresh at 1M facts). `done(arranged)`
        gets them, to `adopt_list`."""
        filter_text, column, order = self._filter, self._sort_column, self._sort_order

        def read(conn: Connection, _report: object) -> ArrangedList:
            rows = queries.source_list(conn)
            if column >= 3:
                return ArrangedList(rows, None, filter_text, column, order)
            shown = _arranged(rows, filter_text, _sort_key_of(column, {}), order)
            return ArrangedList(rows, shown, filter_text, column, order,
                                {row.id: number for number, row in enumerate(rows)},
                                {row.id: number for number, row in enumerate(shown)},
                                any(row.published for row in rows))

        self._reader.request(_LIST_CHANNEL, read, done)

    @property
    def reading(self) -> bool:
        """Whether a read of the list or of counts is under way."""
        return self._reader.pending()

    def adopt_list(self, rows: list[SourceListRow] | ArrangedList) -> None:
        """Every source's row; arranged already when read off the GUI thread with the order and the
        filter that hold now."""
        arranged = rows if isinstance(rows, ArrangedList) else None
        if arranged is not None:
            rows = arranged.rows
        assert isinstance(rows, list)
        self.beginResetModel()
        self._all = rows
        self._forget_counts()
        if (arranged is not None and arranged.shown is not None
                and (arranged.filter_text, arranged.column, arranged.order)
                == (self._filter, self._sort_column, self._sort_order)):
            self._shown = arranged.shown
            self._all_positions, self._shown_positions = arranged.all_positions, arranged.shown_positions
            self._dated = arranged.dated
        else:
            self._shown = self._arranged()
            self._dated = None
        self.endResetModel()

    def update_sources(self, source_ids: set[int]) -> None:
        """These sources were added, changed or removed: only their rows are read again (the whole
        list took 0.13-0.18 s at 1M facts, after every import and revision import)."""
        if self._reader.pending(_LIST_CHANNEL):
            self.reload()  # a list read before this change may be on its way: read it all now instead
            return
        with self._session.fact_base.reading() as conn:
            fresh = {row.id: row for row in queries.source_list_rows(conn, source_ids)}
        # One map of the 25k rows' positions, built once: asking `contains` for each new source (absent,
        # so never in a kept map) built it once per source, ten times for an import of ten.
        self._all_positions = all_positions = {row.id: number for number, row in enumerate(self._all)}
        known = {source_id for source_id in source_ids if source_id in all_positions}
        for source_id in source_ids:
            self._counts.pop(source_id, None)
            self._earlier_counts.pop(source_id, None)
        # New rows join the list last, each announced by an insertion (not by the rearranging below).
        added = [row for row in fresh.values() if row.id not in known]
        self._all = _with_rows_replaced(self._all, all_positions, known, fresh)
        self._dated = None
        # Gone: their rows are removed, last first.
        gone = sorted((number for source_id in known if source_id not in fresh
                       for number in [self.row_of(source_id)] if number is not None), reverse=True)
        for number in gone:
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._shown[number]
            self.endRemoveRows()
        # Changed: the same rows with new words, in place, then moved where the order puts them.
        earlier: dict[int, tuple[int, SourceListRow]] = {}
        for source_id in known & fresh.keys():
            at = self.row_of(source_id)
            if at is not None:
                earlier[source_id] = (at, self._shown[at])
                self._shown[at] = fresh[source_id]
        if self._filter and ({row.id for row in self._arranged()} != {row.id for row in self._shown}):
            self._reset_shown()  # a change moved sources into or out of the filter
            return
        key = self._sort_key()
        if self._sort_column >= 3 or any(key(fresh[source_id]) != key(row) for source_id, (_n, row) in earlier.items()):
            self._rearrange()
        else:
            # Nothing moves (a revision import keeps the title): sorting the 25k rows of 1M facts
            # and laying the view out again was ~20 ms of the GUI thread's turn after each import.
            for number, _row in sorted(earlier.values(), key=lambda found: found[0]):
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))
        # New: inserted where the order puts them, first to last, so earlier positions hold.
        if not added:
            return
        for row in sorted(added, key=lambda row: row.id):
            insort(self._all, row, key=lambda row: row.id)
        self._all_positions, self._shown_positions = {}, {}
        if self._filter or self._sort_column >= 3 or self._sort_order != Qt.SortOrder.AscendingOrder:
            added_ids = {row.id for row in added}
            places = [(position, row) for position, row in enumerate(self._arranged()) if row.id in added_ids]
        else:
            # The shown rows are in (key, id) order: each new row's place is found by bisection, in that
            # order, reading ~15 rows' keys. Sorting all 25k rows again to find ten places was 45 of the
            # 140 ms (profiled) of the GUI thread's turn that adopted an import of ten at 1M facts.
            def order(row: SourceListRow) -> tuple[Any, int]:
                return key(row), row.id

            # The rows inserted before a row all come before it, hence "+ earlier".
            places = [(bisect_left(self._shown, order(row), key=order) + earlier, row)
                      for earlier, row in enumerate(sorted(added, key=order))]
        for position, row in places:
            self.beginInsertRows(QModelIndex(), position, position)
            self._shown.insert(position, row)
            self.endInsertRows()

    def _reset_shown(self) -> None:
        self.beginResetModel()
        self._shown = self._arranged()
        self.endResetModel()

    def invalidate_counts(self) -> None:
        """Evidence or conflicts changed: the visible counts are fetched again when next painted."""
        self._forget_counts()
        self._emit_counts_changed()

    def _forget_counts(self) -> None:
        self._earlier_counts.update(self._counts)
        self._counts.clear()
        self._counting.clear()
        self._reader.cancel(_COUNTS_CHANNEL)

    def _emit_counts_changed(self) -> None:
        if self._shown:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._shown) - 1, 4),
                                  [Qt.ItemDataRole.DisplayRole])

    def _counts_of(self, row: int) -> tuple[int, int]:
        source_id = self._shown[row].id
        counts = self._counts.get(source_id)
        if counts is not None:
            return counts
        if source_id not in self._counting:
            nearby = self._shown[max(0, row - self._COUNT_BATCH): row + self._COUNT_BATCH]
            # A newer request supersedes the one running: it asks for what that one would have read too.
            self._counting.update(r.id for r in nearby if r.id not in self._counts)
            wanted = sorted(self._counting)
            self._reader.request(_COUNTS_CHANNEL, lambda conn, _report: (wanted, queries.source_counts(conn, wanted)),
                                 self._counts_read)
        return self._earlier_counts.get(source_id, (0, 0))

    def _counts_read(self, result: tuple[list[int], dict[int, tuple[int, int]]]) -> None:
        wanted, counts = result
        self._counts.update({source_id: counts.get(source_id, (0, 0)) for source_id in wanted})
        self._counting.difference_update(wanted)
        self._emit_counts_changed()

    def wait_for_counts(self) -> None:
        """Block until the counts being read are in (tests; closing the window)."""
        self._reader.wait()
        QApplication.sendPostedEvents()

    def stop(self) -> None:
        self._reader.stop()

    def _load_every_count(self) -> None:
        # Sorting by a count is a curator's explicit choice and needs every source's count at once.
        if len(self._counts) < len(self._all):
            self._reader.cancel(_COUNTS_CHANNEL)
            self._counting.clear()
            with self._session.fact_base.reading() as conn:
                self._counts = queries.source_counts(conn)

    # -- sorting and filtering -------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self._sort_column, self._sort_order):
            return  # already in this order (the view asks once when sorting is enabled)
        self._sort_column, self._sort_order = column, order
        if column >= 3:
            self._load_every_count()
        self._rearrange()

    def set_filter(self, text: str) -> None:
        self._filter = text.casefold().strip()
        self._rearrange()

    def _arranged(self) -> list[SourceListRow]:
        return _arranged(self._all, self._filter, self._sort_key(), self._sort_order)

    def _sort_key(self) -> Callable[[SourceListRow], Any]:
        return _sort_key_of(self._sort_column, self._counts)

    def _rearrange(self) -> None:
        """New order and filter with the selection kept (persistent indexes follow their source)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._shown[index.row()].id for index in before]
        self._shown = self._arranged()
        position = {row.id: number for number, row in enumerate(self._shown)} if before else {}
        after = [self.index(position[source_id], index.column()) if source_id in position else QModelIndex()
                 for index, source_id in zip(before, ids)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- the model interface ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

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
        row = self._shown[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.title
            if column == 1:
                return row.publisher or ""
            if column == 2:
                return format_date(row.published) if row.published else ""
            return self._counts_of(index.row())[column - 3] or ""
        if role == _SOURCE_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row.id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, source_id: int) -> str:
        with self._session.fact_base.reading() as conn:
            source = queries.source_details(conn, source_id)
        if source is None:
            return ""
        details = [source.title, source.publisher, source.file_name, f"{source.char_count:,} characters"]
        return "\n".join(str(d) for d in details if d)

    # -- lookups ---------------------------------------------------------------------------------

    def has_publication_dates(self) -> bool:
        if self._dated is None:
            self._dated = any(r.published for r in self._all)
        return self._dated

    def row_of(self, source_id: int) -> int | None:
        """The source's row as shown (None when filtered out or gone)."""
        self._shown_positions, found = _position_in(self._shown, self._shown_positions, source_id)
        return found

    def contains(self, source_id: int) -> bool:
        self._all_positions, found = _position_in(self._all, self._all_positions, source_id)
        return found is not None


@dataclass(frozen=True, slots=True)
class ArrangedList:
    """Every source's row as read, and, when arranged off the GUI thread, the rows shown in the order
    and with the filter it was arranged for (`shown` None: arrange on the GUI thread)."""

    rows: list[SourceListRow]
    shown: list[SourceListRow] | None
    filter_text: str
    column: int
    order: Qt.SortOrder
    all_positions: dict[int, int] = field(default_factory=dict)
    shown_positions: dict[int, int] = field(default_factory=dict)
    dated: bool | None = None


def _arranged(rows: list[SourceListRow], filter_text: str, key: Callable[[SourceListRow], Any],
              order: Qt.SortOrder) -> list[SourceListRow]:
    """The rows a filter keeps, sorted by `key` in `order` (touches no Qt object: runs on a thread)."""
    kept = [r for r in rows if _matches(r, filter_text)] if filter_text else list(rows)
    kept.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
    return kept


def _sort_key_of(column: int, counts: dict[int, tuple[int, int]]) -> Callable[[SourceListRow], Any]:
    if column == 0:
        return lambda r: r.title.casefold()
    if column == 1:
        return lambda r: (r.publisher or "").casefold()
    if column == 2:
        return lambda r: r.published or ""
    return lambda r: counts.get(r.id, (0, 0))[column - 3]


def _matches(row: SourceListRow, filter_text: str) -> bool:
    haystack = " ".join((row.title, row.publisher or "", format_date(row.published) if row.published else ""))
    return filter_text in haystack.casefold()


def _with_rows_replaced(rows: list[SourceListRow], positions: dict[int, int], known: set[int],
                        fresh: dict[int, SourceListRow]) -> list[SourceListRow]:
    """`rows` (in id order) with the `known` sources' rows replaced by their `fresh` ones, or left out
    when gone; the other 25k rows are not copied or sorted again for a change to a few."""
    gone = False
    for source_id in known:
        positions, position = _position_in(rows, positions, source_id)
        if position is None:
            continue
        if source_id in fresh:
            rows[position] = fresh[source_id]
        else:
            gone = True
    return [row for row in rows if row.id not in known or row.id in fresh] if gone else rows


def _position_in(rows: list[SourceListRow], positions: dict[int, int], source_id: int) -> tuple[dict[int, int], int | None]:
    """Where the source is in `rows`, by a map of positions kept from the last look-up: a position
    that still holds the source is the answer, else the map is built again from `rows`. Choosing a
    source scanned the 25k rows of 1M facts up to three times in Python (`contains`, `row_of` twice),
    in the same turn as the reader and the candidates answered a revision import's fact selection."""
    position = positions.get(source_id)
    if position is not None and position < len(rows) and rows[position].id == source_id:
        return positions, position
    positions = {row.id: number for number, row in enumerate(rows)}
    return positions, positions.get(source_id)


class SourcesPane(QWidget):
    source_chosen = Signal(object)  # int | None

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Sources")
        self._session = session
        self._announced: int | None = None  # the source the panes were last told was chosen
        self.model = SourceListModel(session, self)

        self.filter_box = QLineEdit(placeholderText="Filter sources", clearButtonEnabled=True)
        self.filter_box.setAccessibleName("Filter sources")
        self.filter_box.textChanged.connect(self.model.set_filter)

        self.view = QTableView(objectName="sourceList")
        self.view.setAccessibleName("Source documents")
        self.view.setModel(self.model)
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
        if not self.model.contains(source_id):
            return
        if self.model.row_of(source_id) is None:  # filtered out: clear the filter rather than hide the choice
            self.filter_box.clear()
        index = self.model.index(self.model.row_of(source_id), 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._announce(current.data(_SOURCE_ID_ROLE) if current.isValid() else None)

    def _announce(self, source_id: int | None) -> None:
        """Tell the panes a source was chosen, unless it is the one they show already: the list read
        again (File > Refresh, a load, a restore) chooses the same source again, and announcing it
        had the reader set the 1 MB source's text again (170-263 ms of the GUI thread in one turn at
        1M facts) and the revisions pane diff it again. A refresh brings the shown source up to date
        itself (`MainWindow.refresh_all`)."""
        if source_id == self._announced:
            return
        self._announced = source_id
        self.source_chosen.emit(source_id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.bulk_counts.get("source"):
            # A load names no rows: the whole list, read off the GUI thread. Read here, its 25k rows
            # at 1M facts held the GUI thread 134 ms of CPU in a 300 ms turn after a load (and the
            # driver's reads let go of the interpreter at each row, so busy workers made it longer).
            self.reload(in_background=True)
            return
        if changes.touched("source"):
            self._update_sources(changes.touched("source"))
        if changes.affects("evidence", "conflict", "conflict_member"):
            self.model.invalidate_counts()  # other sources' facts may have changed too

    def _update_sources(self, source_ids: set[int]) -> None:
        """Sources added, changed or removed by one action: their rows only, the current source kept."""
        chosen = self.current_source_id()
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.update_sources(source_ids)
        self.view.selectionModel().blockSignals(blocker)
        if chosen is not None and self.model.contains(chosen):
            if self.current_source_id() != chosen:
                self.choose(chosen)
        elif chosen is not None:
            self._announce(None)
        self._hide_empty_columns()

    def reload(self, *, in_background: bool = False) -> None:
        """Sources added, renamed or removed: the list again, the current source kept if it remains.
        `in_background`: read off the GUI thread, the list as it was shown meanwhile (File > Refresh)."""
        if in_background:
            self.model.read_list_in_background(lambda rows: self._replace_rows(lambda: self.model.adopt_list(rows)))
        else:
            self._replace_rows(self.model.reload)

    def _replace_rows(self, replace: Callable[[], None]) -> None:
        chosen = self.current_source_id()
        blocker = self.view.selectionModel().blockSignals(True)
        replace()
        self.view.selectionModel().blockSignals(blocker)
        if chosen is not None and self.model.contains(chosen):
            self.choose(chosen)
        elif chosen is not None:
            self._announce(None)
