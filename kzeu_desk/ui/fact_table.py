"""The facts table: every fact in the fact base, sorted and filtered in SQL, read a page at a time.

The model never holds the whole listing. `rowCount` is a COUNT; `data()` reads a small LRU cache of
pages whose display strings were computed when the page was fetched, so painting a screen costs
no SQL and no formatting; the view's delegate (fact_cell_delegate.py) paints those strings without
asking `data()` (a 1M-row table repaints rows shown before in about what the same strings in a C++
model take, docs/PERFORMANCE.md §20). A page missing from the cache is fetched on demand by
keyset from the page before it, or, after a jump, from the listing's page boundaries.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from dataclasses import dataclass, replace
from itertools import chain

from PySide6.QtCore import (
    QAbstractTableModel, QEvent, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QTableView, QVBoxLayout,
    QWidget,
)

from kzeu_desk.core import fact_listing, queries
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.fact_listing import PAGE_SIZE, FactListRow, ListingSpec, SortColumn, SortKey
from kzeu_desk.core.models import FactStatus
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.fact_cell_delegate import FactCellDelegate
from kzeu_desk.ui.plain_text import counted, local_time, plain_tooltip
from kzeu_desk.ui.session import Session

FACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# 32 pages of 256 rows: several screens either side of a jump, a few MB of strings at most.
CACHED_PAGES = 32
# Below this many rows, finding a selected fact's row is quick enough for the GUI thread (a COUNT of
# 100k rows takes ~15 ms); above it, the row is found off the GUI thread.
FIND_ROW_OFF_GUI_THREAD_FROM = 200_000
_POSITION_CHANNEL = "selected-fact-position"
_COUNT_CHANNEL = "listing-count"
_AHEAD_CHANNEL = "page-ahead"
# Texts of the rows a scroll would bring are laid out while the GUI thread is idle, in slices of at
# most this long, so a key press or a wheel notch waits no longer than this for them. At 1M a screen
# of rows never shown before repainted in 14-16 ms CPU against 9-10 ms once its ~100 new texts were
# laid out (docs/PERFORMANCE.md §20, §23); one slice lays out ~150-300 texts on a quiet machine.
LOOK_AHEAD_SLICE_S = 0.004

# Tables whose changes can alter what a row shows (names, values, counts) or which rows match.
_LISTED_TABLES = ("fact", "evidence", "conflict_member", "conflict", "entity", "entity_alias", "property")

_STATUS_COLOURS = {
    FactStatus.DRAFT.value: QColor(138, 143, 152),
    FactStatus.CONFIRMED.value: QColor(46, 160, 67),
    FactStatus.DISPUTED.value: QColor(219, 137, 20),
    FactStatus.REJECTED.value: QColor(207, 34, 46),
}
_STATUS_DOT_SIZE = 10
_NO_UPDATE = QItemSelectionModel.SelectionFlag.NoUpdate
_SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


@dataclass(frozen=True, slots=True)
class _Column:
    title: str
    sort: SortColumn | None  # None: the listing cannot be ordered by this column
    numeric: bool = False
    # Auto-sizing: never narrower than `minimum` characters (or the title), never wider than `maximum`.
    minimum: int = 4
    maximum: int = 40
    tooltip: str | None = None  # the header's tooltip


_COLUMNS: tuple[_Column, ...] = (
    _Column("ID", SortColumn.ID, numeric=True, minimum=3, maximum=9),
    _Column("Subject", SortColumn.SUBJECT, minimum=12, maximum=34),
    _Column("Property", SortColumn.PROPERTY, minimum=12, maximum=34),
    _Column("Value", SortColumn.VALUE, minimum=14, maximum=48),
    _Column("Time", None, minimum=13, maximum=28,
            tooltip="When the fact holds: its point in time, or its start and end. The table cannot be sorted by it."),
    _Column("Status", SortColumn.STATUS, minimum=12, maximum=18),
    _Column("Rank", SortColumn.RANK, minimum=10, maximum=16),
    _Column("Sources", None, numeric=True, minimum=3, maximum=8),
    _Column("Conflicts", None, numeric=True, minimum=3, maximum=9),
    _Column("Updated", SortColumn.UPDATED, minimum=16, maximum=20),
)
TIME_COLUMN = 4
STATUS_COLUMN = 5
SORTABLE_COLUMNS = frozenset(number for number, column in enumerate(_COLUMNS) if column.sort is not None)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RIGHT_ALIGNED_COLUMNS = frozenset(number for number, column in enumerate(_COLUMNS) if column.numeric)

# Roles as plain ints: data() compares them thousands of times per repaint.
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_TEXT_ROLES = frozenset({_DISPLAY_ROLE, _TOOLTIP_ROLE})
_DECORATION_ROLE = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED_ROLES = _TEXT_ROLES | {_DECORATION_ROLE, _FOREGROUND_ROLE, _ALIGNMENT_ROLE, int(FACT_ID_ROLE)}


_ID_COLUMN = 0
_VALUE_COLUMN = 3
_UPDATED_COLUMN = 9
# Columns are sized from this many rows at most (the first page): measuring every row of a
# million-fact table would take seconds, and the first rows show what the table holds.
SIZING_SAMPLE_ROWS = 200
_READ_WHOLE_COLUMNS = (1, 2, _VALUE_COLUMN)  # Subject, Property and Value
# When the pane is too narrow for every column, Subject, Property and Value keep room for this share
# of the sampled texts whole (the rest are cut, their tooltips whole); never past the column's maximum.
_TYPICAL_NAME_SHARE = 0.8


def _cells(row: FactListRow) -> tuple[str, ...]:
    return (
        str(row.id),
        row.subject,
        # A qualified property reads as one ("share of foreign trade · partner: China"): facts that
        # differ only in a qualifier are told apart in the table, not only in the editor.
        f"{row.property} · {row.qualifiers}" if row.qualifiers else row.property,
        row.value,
        row.time,
        row.status.capitalize(),
        row.rank.capitalize(),
        str(row.sources),  # "0" stays visible: a fact without a source needs the curator's attention
        str(row.conflicts) if row.conflicts else "",  # most facts have none; blanks keep the eye on those that do
        local_time(row.updated_at),
    )


@dataclass(frozen=True, slots=True)
class _Page:
    fact_ids: list[int]
    statuses: list[str]
    cells: list[tuple[str, ...]]
    last_key: SortKey | None  # where the next page starts; None when this page is empty

    @classmethod
    def of(cls, rows: list[FactListRow]) -> _Page:
        return cls(
            fact_ids=[row.id for row in rows],
            statuses=[row.status for row in rows],
            cells=[_cells(row) for row in rows],
            last_key=rows[-1].sort_key if rows else None,
        )


def _status_dot(colour: QColor) -> QIcon:
    pixmap = QPixmap(_STATUS_DOT_SIZE, _STATUS_DOT_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, _STATUS_DOT_SIZE - 2, _STATUS_DOT_SIZE - 2)
    painter.end()
    return QIcon(pixmap)


class FactTableModel(QAbstractTableModel):
    """All facts matching the current `ListingSpec`, in its order, fetched 256 rows at a time."""

    counts_changed = Signal()  # row_count or total_count may differ
    refreshed = Signal()  # the same listing was re-read after the data changed
    page_read_ahead = Signal()  # a page read off the GUI thread is in the cache now

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._spec = ListingSpec()
        self._row_count = 0
        self._more = False  # a filtered listing was counted only up to _row_count; more rows follow
        self._total_count = 0
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._boundaries: list[SortKey] | None = None  # built on the first jump, dropped on any change
        self._status_icons = {status: _status_dot(colour) for status, colour in _STATUS_COLOURS.items()}
        self._muted_text = QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        self._count_reader = BackgroundReader(session.fact_base.reading, self)
        # Pages the view will need next are read off the GUI thread (`read_ahead`); a result read
        # before the listing changed is dropped by its generation.
        self._ahead_reader = BackgroundReader(session.fact_base.reading, self)
        self._pages_generation = 0
        self._reading_ahead = -1  # the page being read ahead, if any
        self._widest_id: str | None = None  # `widest_id_text`, until the listing is re-read
        self._recount(data_changed=True)
        session.changed.connect(self._on_changes)

    # -- what is listed ------------------------------------------------------------------------

    @property
    def spec(self) -> ListingSpec:
        return self._spec

    @property
    def row_count(self) -> int:
        return self._row_count

    @property
    def more_rows(self) -> bool:
        """More facts match than `row_count` says: counting stopped there, and scrolling to the
        end fetches the next batch."""
        return self._more

    @property
    def total_count(self) -> int:
        """Facts in the fact base, whatever the filters."""
        return self._total_count

    def status_icon(self, status: str) -> QIcon | None:
        """The coloured dot the Status column shows for a status."""
        return self._status_icons.get(status)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort_column = _COLUMNS[column].sort if 0 <= column < len(_COLUMNS) else None
        if sort_column is None:
            return  # counts are computed per page, so the listing cannot be ordered by them
        self.set_spec(replace(self._spec, sort=sort_column, descending=order == Qt.SortOrder.DescendingOrder))

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """The (column, order) the listing is sorted by, for the header's indicator."""
        column = next(number for number, c in enumerate(_COLUMNS) if c.sort is self._spec.sort)
        return column, Qt.SortOrder.DescendingOrder if self._spec.descending else Qt.SortOrder.AscendingOrder

    def set_filter_text(self, text: str) -> None:
        self.set_spec(replace(self._spec, search_text=text))

    def set_status_filter(self, status: FactStatus | str | None) -> None:
        # A combo box's item data comes back as a plain str, so the enum is rebuilt here.
        self.set_spec(replace(self._spec, status=None if status is None else FactStatus(status)))

    def set_spec(self, spec: ListingSpec) -> None:
        if _query_of(spec) == _query_of(self._spec):
            self._spec = spec  # e.g. a trailing space or a lone quote: same rows, no re-query
            return
        self.beginResetModel()
        self._spec = spec
        self._forget_pages()
        self._recount(data_changed=False)
        self.endResetModel()
        self.counts_changed.emit()

    def refresh(self, changes: Changes | None = None) -> None:
        """Re-read the listing after the data changed, keeping the view's rows where they can stay.

        Counting every fact (a COUNT of 1M rows: 10-20 ms with SQLite's cache warm, far longer after
        a refresh, a restore or a large write) is not done on the GUI thread: after `changes` that
        list the facts they inserted and deleted, the number of facts follows from them (and the
        unfiltered listing holds them all); otherwise (File > Refresh, a bulk load) the listing is
        counted off the GUI thread, the table showing the rows it showed, re-read, until the count
        comes. A filtered listing is counted here as before, to COUNT_LIMIT at most."""
        previous_count = self._row_count
        self._forget_pages()
        self._widest_id = None
        if changes is None or changes.bulk_counts or self.counting:
            # (A count under way may have read the state before these changes: counted again.)
            self._count_off_the_gui_thread(previous_count)
            return
        self._total_count += changes.net_rows("fact")
        if self._spec.filtered:
            self._recount(data_changed=True, total_known=True)
        else:
            self._row_count, self._more = self._total_count, False
        self._show_count(previous_count)

    @property
    def counting(self) -> bool:
        """A count of the listing is under way off the GUI thread."""
        return self._count_reader.pending()

    def wait_for_count(self) -> None:
        """Block until a count under way is shown (tests, and closing the window)."""
        self._count_reader.wait_until_delivered()

    def stop_background_reads(self) -> None:
        self._count_reader.stop()
        self._ahead_reader.stop()

    @property
    def reading_ahead(self) -> bool:
        """A page is being read ahead off the GUI thread."""
        return self._ahead_reader.pending()

    def wait_for_pages_read_ahead(self) -> None:
        """Block until a page being read ahead is in the cache (tests, benchmarks)."""
        self._ahead_reader.wait_until_delivered()

    def _count_off_the_gui_thread(self, previous_count: int) -> None:
        spec, reached = self._spec, self._row_count

        def count(conn, _report) -> tuple[int, bool, int]:
            total = fact_listing.count(conn, ListingSpec())
            if not spec.filtered:
                return total, False, total
            counted = fact_listing.count_at_most(conn, spec, max(reached, fact_listing.COUNT_LIMIT))
            return counted.facts, counted.more, total

        def counted(found: tuple[int, bool, int]) -> None:
            if spec != self._spec:  # the filter changed meanwhile, and the listing was counted then
                self._total_count = found[2]
                self.counts_changed.emit()
                return
            self._row_count, self._more, self._total_count = found
            self._show_count(previous_count)

        if self._row_count:  # the rows shown meanwhile are read again from the file
            self.dataChanged.emit(self.index(0, 0), self.index(self._row_count - 1, len(_COLUMNS) - 1))
        self._count_reader.request(_COUNT_CHANNEL, count, counted)

    def _show_count(self, previous_count: int) -> None:
        if self._row_count == previous_count:
            # Same number of rows: repainting is enough, and the view keeps its scroll position.
            if self._row_count:
                self.dataChanged.emit(self.index(0, 0), self.index(self._row_count - 1, len(_COLUMNS) - 1))
        else:
            self.beginResetModel()
            self.endResetModel()
        self.counts_changed.emit()
        self.refreshed.emit()

    # -- rows and facts ------------------------------------------------------------------------

    def fact_id_at(self, row: int) -> int | None:
        page, offset = self._locate(row)
        return page.fact_ids[offset] if page is not None else None

    def row_of(self, fact_id: int) -> int | None:
        """The row showing a fact, or None when the filters leave it out."""
        row = self.fetched_row_of(fact_id)
        if row is not None:
            return row
        with self._session.fact_base.reading() as conn:
            return self.row_at(fact_listing.position_of(conn, self._spec, fact_id))

    def fetched_row_of(self, fact_id: int) -> int | None:
        """The fact's row if a page already read holds it (no query)."""
        for number, page in self._pages.items():
            if fact_id in page.fact_ids:
                return number * PAGE_SIZE + page.fact_ids.index(fact_id)
        return None

    def row_at(self, position: int | None) -> int | None:
        """The row of a position in the listing (`fact_listing.position_of`), counting on if needed."""
        if position is not None and position >= self._row_count and self._more:
            self._count_rows_up_to(position + 1)
        return position if position is not None and position < self._row_count else None

    def shown_row(self, row: int) -> tuple[tuple[str, ...], str] | None:
        """A row's display strings and status, as painted (None when the row cannot be read)."""
        page, offset = self._locate(row)
        return None if page is None else (page.cells[offset], page.statuses[offset])

    def fetched_cells(self, row: int) -> tuple[str, ...] | None:
        """A row's display strings if a page already read holds it (no query; None otherwise)."""
        if not 0 <= row < self._row_count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        return page.cells[offset] if page is not None and offset < len(page.cells) else None

    def read_ahead(self, row: int) -> bool:
        """Read the page holding `row` off the GUI thread, if it is not cached and where it starts is
        known without a scan (the page before it is cached, or the listing's page boundaries are) and
        no other page is being read ahead; `page_read_ahead` is emitted when it is in the cache.
        True if it is being read.

        A page costs 10-12 ms CPU at 1M (the query ~10 ms, its strings ~2 ms) and came due on every
        sixth screen of scrolling, in the middle of a repaint; read ahead, the repaint finds it."""
        if not 0 <= row < self._row_count:
            return False
        number = row // PAGE_SIZE
        if self._reading_ahead >= 0:
            # One page at a time: a second request would supersede the first, and the view plans
            # its rows again when the first comes.
            return number == self._reading_ahead
        if number in self._pages:
            return False
        previous = self._pages.get(number - 1)
        if number == 0:
            after: SortKey | None = None
        elif previous is not None and len(previous.fact_ids) == PAGE_SIZE:
            after = previous.last_key
        elif self._boundaries is not None and number - 1 < len(self._boundaries):
            after = self._boundaries[number - 1]
        else:
            return False
        spec, generation = self._spec, self._pages_generation
        self._reading_ahead = number

        def read(conn, _report) -> _Page:
            return _Page.of(fact_listing.page_after(conn, spec, after, PAGE_SIZE))

        def arrived(page: _Page) -> None:
            self._reading_ahead = -1
            if generation != self._pages_generation or number in self._pages:
                return  # the listing changed meanwhile, or a repaint read the page itself
            self._keep_page(number, page)
            self.page_read_ahead.emit()

        def failed(_reason: str) -> None:
            self._reading_ahead = -1  # the repaint reads the page itself, and reports what fails

        self._ahead_reader.request(_AHEAD_CHANNEL, read, arrived, failed)
        return True

    @property
    def muted_text(self) -> QColor:
        """The colour rejected facts' text recedes to."""
        return self._muted_text.color()

    def widest_id_text(self) -> str:
        """The id of the newest fact as the table shows it: the widest any row's id can be, where
        the sample at the top holds only the smallest ids when the table is sorted by id.

        Read once until the listing is re-read (`refresh`, which every change to the facts goes
        through): the columns are fitted again at every resize of the pane while the widths are the
        app's own, a drag makes one fit per event loop turn, and each read took a connection and
        a query for a number that only a new fact changes."""
        if self._widest_id is None:
            with self._session.fact_base.reading() as conn:
                self._widest_id = str(queries.largest_fact_id(conn))
        return self._widest_id

    def sample_cells(self, limit: int = SIZING_SAMPLE_ROWS) -> list[tuple[str, ...]]:
        """Display strings of up to `limit` rows from the top of the listing (one page fetch at most)."""
        if not self._row_count:
            return []
        page, _offset = self._locate(0)
        return [] if page is None else page.cells[:limit]

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._row_count

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not parent.isValid() and self._more:
            self._count_rows_up_to(self._row_count + fact_listing.COUNT_LIMIT)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | int | None:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_COLUMNS):
            return None
        column = _COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT_ALIGNED
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip:
                return column.tooltip
            if column.sort is None:
                return f"{column.title} are counted for the rows on screen; the table cannot be sorted by them."
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | int | QIcon | QBrush | None:
        # Qt's delegate (for the focused cell, and under styles ours does not paint for) asks about
        # ten roles of a cell: the unanswered ones leave first, the rest read the page's strings.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        column = index.column()
        if role == _ALIGNMENT_ROLE:
            return _RIGHT_ALIGNED if _COLUMNS[column].numeric else None
        if role == _DECORATION_ROLE and column != STATUS_COLUMN:
            return None
        page, offset = self._locate(index.row())
        if page is None:
            return None
        if role == _DISPLAY_ROLE:
            return page.cells[offset][column]
        if role == _TOOLTIP_ROLE:
            # Asked for one cell when the pointer rests on it: the full text, shown literally.
            return _cell_tooltip(page.cells[offset], column)
        if role == _DECORATION_ROLE:
            return self._status_icons.get(page.statuses[offset])
        if role == _FOREGROUND_ROLE:
            # Rejected facts stay listed for the record but recede.
            return self._muted_text if page.statuses[offset] == FactStatus.REJECTED.value else None
        return page.fact_ids[offset]  # FACT_ID_ROLE

    # -- pages ---------------------------------------------------------------------------------

    def _locate(self, row: int) -> tuple[_Page | None, int]:
        if not 0 <= row < self._row_count:
            return None, 0
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._fetch_page(number)
        else:
            self._pages.move_to_end(number)
        # A page can come back short when another program deleted facts since the count.
        return (page, offset) if offset < len(page.fact_ids) else (None, 0)

    def _fetch_page(self, number: int) -> _Page:
        with self._session.fact_base.reading() as conn:
            previous = self._pages.get(number - 1)
            if number == 0:
                rows = fact_listing.page_after(conn, self._spec, None, PAGE_SIZE)
            elif previous is not None and len(previous.fact_ids) == PAGE_SIZE:
                rows = fact_listing.page_after(conn, self._spec, previous.last_key, PAGE_SIZE)
            else:
                # A jump: one ordered scan finds where every page starts, so later jumps are one page each.
                if self._boundaries is None:
                    self._boundaries = fact_listing.page_boundaries(conn, self._spec, PAGE_SIZE)
                starts_after = self._boundaries[number - 1] if number - 1 < len(self._boundaries) else None
                rows = [] if starts_after is None else fact_listing.page_after(conn, self._spec, starts_after, PAGE_SIZE)
        page = _Page.of(rows)
        self._keep_page(number, page)
        return page

    def _keep_page(self, number: int, page: _Page) -> None:
        self._pages[number] = page
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._boundaries = None
        self._pages_generation += 1
        self._ahead_reader.cancel(_AHEAD_CHANNEL)
        self._reading_ahead = -1

    def _count_rows_up_to(self, wanted: int) -> None:
        """Count further, to at least `wanted` rows, and show the rows found."""
        with self._session.fact_base.reading() as conn:
            counted = fact_listing.count_at_most(conn, self._spec, max(wanted, fact_listing.COUNT_LIMIT))
        if counted.facts > self._row_count:
            self.beginInsertRows(QModelIndex(), self._row_count, counted.facts - 1)
            self._row_count = counted.facts
            self.endInsertRows()
        self._more = counted.more
        self.counts_changed.emit()

    def _recount(self, *, data_changed: bool, total_known: bool = False) -> None:
        with self._session.fact_base.reading() as conn:
            if self._spec.filtered:
                # A one-letter search matches half the fact base: counting all of it would be most of
                # the keystroke, so counting stops at COUNT_LIMIT and scrolling fetches more.
                # After an edit, rows the curator already scrolled to stay counted.
                reached = self._row_count if data_changed else 0
                counted = fact_listing.count_at_most(conn, self._spec, max(reached, fact_listing.COUNT_LIMIT))
                self._row_count, self._more = counted.facts, counted.more
            else:
                self._row_count, self._more = fact_listing.count(conn, self._spec), False
            if not self._spec.filtered:
                self._total_count = self._row_count
            elif data_changed and not total_known:
                # A new filter alone leaves the number of facts as it was: one COUNT per keystroke is enough.
                self._total_count = fact_listing.count(conn, ListingSpec())

    def _on_changes(self, changes: Changes) -> None:
        if changes.affects(*_LISTED_TABLES):
            self.refresh(changes)


def _cell_tooltip(cells: tuple[str, ...], column: int) -> str | None:
    text = cells[column]
    if column == _VALUE_COLUMN and cells[TIME_COLUMN]:
        text = f"{text} ({cells[TIME_COLUMN]})"
    elif column == 7:  # Sources
        text = f"Evidence from {counted(int(text or 0), 'source')}"
    elif column == 8:  # Conflicts
        text = f"In {counted(int(text or 0), 'open conflict')}"
    return plain_tooltip(text) if text else None


def _query_of(spec: ListingSpec) -> tuple[SortColumn, bool, tuple[str, ...], FactStatus | None]:
    """What decides the listing's rows and order: typed texts with the same words are one query."""
    return spec.sort, spec.descending, spec.search, spec.status


def cell_delegate(model: FactTableModel, view: QTableView) -> FactCellDelegate:
    """The delegate that paints the table's cells from the model's strings as Qt's would."""
    return FactCellDelegate(model, view, right_aligned=_RIGHT_ALIGNED_COLUMNS, icon_column=STATUS_COLUMN,
                            muted_statuses=frozenset({FactStatus.REJECTED.value}), muted=model.muted_text)


class FactTableView(QTableView):
    """The facts table, which says in its empty body why it is empty and what to do next (a blank
    white area on the first day tells a curator nothing)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._empty_text = ""
        # Rows whose texts are laid out while the GUI thread is idle: a screen below and a screen
        # above the rows shown, first in the direction of the last scroll.
        self._rows_shown = (-1, -1)
        self._ahead: deque[int] = deque()
        self._ahead_timer = QTimer(self, singleShot=True, interval=0)
        self._ahead_timer.timeout.connect(self._lay_out_ahead)

    @property
    def laying_out_ahead(self) -> bool:
        """Rows ahead are still to be laid out (tests, benchmarks)."""
        return bool(self._ahead)

    @property
    def empty_text(self) -> str:
        return self._empty_text

    def look_ahead_at_next_paint(self) -> None:
        """The rows may hold other texts now (the listing was reset or re-read): plan them afresh."""
        self._rows_shown = (-1, -1)
        self._ahead.clear()

    def look_ahead_again(self) -> None:
        """Plan the rows ahead afresh (a page they are on has come)."""
        self._rows_shown = (-1, -1)
        self._plan_look_ahead()

    def _plan_look_ahead(self) -> None:
        model = self.model()
        first = self.rowAt(0)
        if not isinstance(model, FactTableModel) or first < 0:
            return
        last = self.rowAt(self.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        if (first, last) == self._rows_shown:
            return  # the same rows repainted (a selection, a tooltip): what is ahead is planned
        down = first >= self._rows_shown[0]
        self._rows_shown = (first, last)
        screen = last - first + 1
        below = range(last + 1, min(model.rowCount(), last + 1 + screen))
        above = range(first - 1, max(-1, first - 1 - screen), -1)
        # The rows shown last: texts a paint drew without laying them out (their first paint) are laid
        # out for the next repaint of the same rows (a selection, a tooltip, a scroll back).
        shown = range(first, last + 1)
        self._ahead = deque(chain(below, above, shown) if down else chain(above, below, shown))
        self._ahead_timer.start()

    def _lay_out_ahead(self) -> None:
        model, delegate = self.model(), self.itemDelegate()
        if not isinstance(model, FactTableModel) or not isinstance(delegate, FactCellDelegate):
            self._ahead.clear()
            return
        header = self.horizontalHeader()
        grid = 1 if self.showGrid() else 0  # QTableView gives each cell its section less the grid line
        height = self.verticalHeader().defaultSectionSize() - grid  # fixed row heights (FactTablePane)
        sizes = [(column, header.sectionSize(column) - grid, height)
                 for column in range(model.columnCount()) if not header.isSectionHidden(column)]
        started = time.perf_counter()
        while self._ahead:
            row = self._ahead.popleft()
            cells = model.fetched_cells(row)
            if cells is None:
                model.read_ahead(row)  # laid out when the page comes (`page_read_ahead`)
                continue
            delegate.lay_out_ahead(cells, sizes)
            if time.perf_counter() - started > LOOK_AHEAD_SLICE_S:
                self._ahead_timer.start()  # the rest after whatever input came meanwhile
                return

    def set_empty_text(self, text: str) -> None:
        if text != self._empty_text:
            self._empty_text = text
            self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        delegate = self.itemDelegate()
        if isinstance(delegate, FactCellDelegate):
            delegate.begin_paint()
            try:
                super().paintEvent(event)
            finally:
                delegate.end_paint()
            self._plan_look_ahead()
        else:
            super().paintEvent(event)
        model = self.model()
        if not self._empty_text or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(24, 16, -24, -16)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         self._empty_text)
        painter.end()


class FactTablePane(QWidget):
    """The facts table with its filter box, status filter and row count; its selection is the session's."""

    FILTER_DELAY_MS = 150  # one query per pause in typing, not one per keystroke

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Facts")
        self._session = session
        self._position_reader = BackgroundReader(session.fact_base.reading, self)
        self._applying_session_selection = False
        self._reveal_when_shown = False
        self._top_row_before_reset = -1
        self._spec_before_reset: ListingSpec | None = None
        self.model = FactTableModel(session, self)

        self.filter_box = QLineEdit(placeholderText="Filter facts: subject, property, value, quote or note",
                                    clearButtonEnabled=True)
        self.filter_box.setAccessibleName("Filter facts")
        self._filter_timer = QTimer(self, singleShot=True, interval=self.FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter_text)
        self.filter_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_box.returnPressed.connect(self._apply_filter_text)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Status filter")
        self.status_filter.addItem("All", None)
        for status in FactStatus:
            self.status_filter.addItem(self.model.status_icon(status.value), status.value.capitalize(), status)
        self.status_filter.currentIndexChanged.connect(
            lambda _index: self.model.set_status_filter(self.status_filter.currentData()))

        self.count_label = QLabel()
        self.count_label.setAccessibleName("Fact count")

        self.view = FactTableView(objectName="factTable")
        self.view.setAccessibleName("Facts")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setIconSize(QSize(_STATUS_DOT_SIZE, _STATUS_DOT_SIZE))
        self.view.setItemDelegate(cell_delegate(self.model, self.view))
        self.model.page_read_ahead.connect(self.view.look_ahead_again)
        self.model.modelReset.connect(self.view.look_ahead_at_next_paint)
        self.model.refreshed.connect(self.view.look_ahead_at_next_paint)
        self._configure_rows()
        self._configure_columns()
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)

        self.model.modelAboutToBeReset.connect(self._remember_position)
        self.model.modelReset.connect(self._restore_position)
        self.model.refreshed.connect(self._follow_session_selection)
        self.model.counts_changed.connect(self._update_count_label)
        session.selected_fact_changed.connect(self._show_fact)

        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.filter_box, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        self._update_count_label()
        if session.selected_fact is not None:
            self._show_fact(session.selected_fact)

    def _configure_rows(self) -> None:
        rows = self.view.verticalHeader()
        rows.hide()
        # Fixed heights: the view places row 900,000 by arithmetic and never measures contents
        # (resizeRowsToContents on 100k rows took 42 s).
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        rows.setResizeContentsPrecision(0)

    def _configure_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(0)  # should anyone auto-size a column: measure visible rows only
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.view.fontMetrics().horizontalAdvance("000") + 8)
        header.setSortIndicator(*self.model.sort_order())
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        header.sectionResized.connect(self._note_resized_by_hand)
        self._columns_fitted_to_rows = False
        self._columns_from_settings = False
        self._columns_sized_by_hand = False
        # While the widths are still the app's own, they follow the pane's width (the window is often
        # maximised or a dock closed after the first fit, which left a strip of empty table beside
        # squeezed Subject and Property columns). Coalesced: a drag resize fits once per event loop turn.
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        self._refit_timer.timeout.connect(self._refit_to_new_width)
        self.view.viewport().installEventFilter(self)
        self._fitting = False
        self._shown_once = False
        self.reset_columns()
        self.model.counts_changed.connect(self._fit_columns_once_rows_exist)

    def reset_columns(self) -> None:
        """The first-launch columns: all but Updated shown (the History tab tells when), in their own
        order, each sized to its content."""
        header = self.view.horizontalHeader()
        for visual, logical in enumerate(range(header.count())):
            current = header.visualIndex(logical)
            if current != visual:
                header.moveSection(current, visual)
            header.setSectionHidden(logical, logical == _UPDATED_COLUMN)
        self._columns_from_settings = False
        self._columns_sized_by_hand = False
        self.fit_columns_to_content()

    def fit_columns_to_content(self) -> None:
        """Size each column to what a sample of rows holds, between its minimum and maximum.

        Measured from at most SIZING_SAMPLE_ROWS rows' prepared strings with the view's font
        metrics (about 2 ms for 200 rows); never `resizeColumnsToContents`, which would ask
        every row of the table for its text. The last column stretches into whatever is left.
        """
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        padding = 2 * metrics.averageCharWidth() + 6
        char = metrics.averageCharWidth()
        sample = self.model.sample_cells()
        widths = []
        typical = {}  # Subject, Property and Value: the width that shows most sampled texts whole
        for number, column in enumerate(_COLUMNS):
            # Room for the sort arrow only where the table can be sorted.
            title = metrics.horizontalAdvance(column.title) + padding + (12 if column.sort is not None else 0)
            measured = sorted(metrics.horizontalAdvance(cells[number]) for cells in sample)
            longest = (measured[-1] if measured else 0) + padding
            if number == STATUS_COLUMN:
                longest += _STATUS_DOT_SIZE + 12  # the dot and the gap Qt's style leaves after an icon
            widths.append(max(title, column.minimum * char, min(longest, column.maximum * char)))
            if number in _READ_WHOLE_COLUMNS and measured:
                named = measured[int(_TYPICAL_NAME_SHARE * (len(measured) - 1))] + padding
                typical[number] = max(title, column.minimum * char, min(named, column.maximum * char))
        if sample:
            # Every id fits, not only the sample's and whatever the column's usual maximum: at 1M
            # facts sorted by id the first 200 rows hold 3-digit ids, and every id further down
            # showed as "500…", which tells a curator nothing.
            widest = metrics.horizontalAdvance(self.model.widest_id_text()) + padding
            widths[_ID_COLUMN] = max(widths[_ID_COLUMN], widest)
        # Room the columns leave in the pane goes to the values, which are what the curator reads;
        # when they do not fit, the text columns give way (down to typical texts whole, Time to its
        # minimum) before the table scrolls sideways and hides Status and the counts. Tooltips still
        # hold the full text.
        shown = sum(width for number, width in enumerate(widths) if not header.isSectionHidden(number))
        slack = self.view.viewport().width() - shown - 2  # a sliver of room, so no sideways scroll bar appears
        if self.view.isVisible() and slack > 0:
            widths[_VALUE_COLUMN] += slack
        elif self.view.isVisible() and slack < 0:
            # Subject, Property and Value give way only down to the width of a typical sampled text:
            # at 100k and 1M facts, squeezed to 12 characters, they showed "Aktobe Ph…" and "number of …"
            # on every row, names a curator could not tell apart, and then, with the names kept whole,
            # the values gave way alone ("1,571 emp…"); the table scrolls sideways instead.
            floors = {number: max(metrics.horizontalAdvance(_COLUMNS[number].title) + padding + 12,
                                  _COLUMNS[number].minimum * char, typical.get(number, 0))
                      for number in (1, 2, _VALUE_COLUMN, TIME_COLUMN) if not header.isSectionHidden(number)}
            give = {number: max(0, widths[number] - floor) for number, floor in floors.items()}
            available = sum(give.values())
            if available:
                share = min(1.0, -slack / available)
                for number, room in give.items():
                    widths[number] -= int(room * share)
        self._fitting = True
        try:
            for number, width in enumerate(widths):
                header.resizeSection(number, width)
        finally:
            self._fitting = False
        self._columns_fitted_to_rows = bool(sample)

    def _fit_columns_once_rows_exist(self) -> None:
        # A new fact base starts empty: its columns fit the first facts, unless the curator sized them.
        if not self._columns_fitted_to_rows and not self._columns_from_settings and self.model.row_count:
            self.fit_columns_to_content()

    def _note_resized_by_hand(self, *_args) -> None:
        if not self._fitting:
            self._columns_fitted_to_rows = True  # the curator's widths win over later fitting
            self._columns_sized_by_hand = True

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.view.viewport() and event.type() == QEvent.Type.Resize
                and event.oldSize().width() != event.size().width() and self._shown_once):
            self._refit_timer.start()
        return super().eventFilter(watched, event)

    def _refit_to_new_width(self) -> None:
        if not (self._columns_sized_by_hand or self._columns_from_settings):
            self.fit_columns_to_content()

    def keep_columns_with(self, layout_keeper) -> None:
        """Let the window's layout keeper save and restore the columns (ui/window_layout.py)."""
        layout_keeper.track_header("factsTable", self.view.horizontalHeader(), self.reset_columns,
                                   restored=self._columns_restored)

    def _columns_restored(self) -> None:
        self._columns_from_settings = True

    def _choose_columns(self, position) -> None:
        """Right-click on the header: show or hide columns."""
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            toggle = menu.addAction(title)
            toggle.setCheckable(True)
            toggle.setChecked(not header.isSectionHidden(column))
            toggle.setEnabled(column != _VALUE_COLUMN)
            toggle.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.addSeparator()
        menu.addAction("Fit columns to content", self.fit_columns_to_content)
        menu.addAction("Reset columns", self.reset_columns)
        menu.exec(header.mapToGlobal(position))

    # -- filters -------------------------------------------------------------------------------

    def _apply_filter_text(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter_text(self.filter_box.text())

    def _update_count_label(self) -> None:
        shown, total = self.model.row_count, self.model.total_count
        noun = "fact" if total == 1 else "facts"
        if self.model.spec.filtered:
            verb = "matches" if shown == 1 and not self.model.more_rows else "match"
            more = "+" if self.model.more_rows else ""
            self.count_label.setText(f"{shown:,}{more} of {total:,} {noun} {verb}")
        else:
            self.count_label.setText(f"{total:,} {noun}")
        if shown:
            self.view.set_empty_text("")
        elif self.model.spec.filtered:
            self.view.set_empty_text("No facts match the filter and status chosen.")
        else:
            self.view.set_empty_text("No facts yet. Select the words a fact rests on in a source and press "
                                     "Ctrl+N, or work through the source's Candidates.")

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column not in SORTABLE_COLUMNS:
            # The model ignored the click; the arrow goes back to the column the rows are sorted by.
            self.view.horizontalHeader().setSortIndicator(*self.model.sort_order())

    # -- selection: the table's current row is the session's selected fact ---------------------

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._applying_session_selection or not current.isValid():
            return
        fact_id = self.model.fact_id_at(current.row())
        if fact_id is not None:
            self._session.select_fact(fact_id)

    def _show_fact(self, fact_id: int | None) -> None:
        if not self.isVisible():
            # Finding the row can cost a COUNT over the listing; a pane tabbed away does it when shown.
            self._reveal_when_shown = True
            return
        self._reveal_when_shown = False
        self._place(fact_id, scroll=True)

    def _place(self, fact_id: int | None, *, scroll: bool) -> None:
        """Highlight the fact's row (none when it is filtered out)."""
        self._position_reader.cancel(_POSITION_CHANNEL)
        if fact_id is None:
            self._select_row(None, scroll=scroll)
            return
        row = self.model.fetched_row_of(fact_id)
        if row is not None or self.model.row_count < FIND_ROW_OFF_GUI_THREAD_FROM:
            self._select_row(row if row is not None else self.model.row_of(fact_id), scroll=scroll)
            return
        # Where a fact stands among a million is a COUNT (0.13-0.17 s at 1M facts): read off the GUI
        # thread; meanwhile no row is highlighted, rather than the previous fact's.
        self._select_row(None, scroll=False)
        spec = self.model.spec
        self._position_reader.request(
            _POSITION_CHANNEL, lambda conn, _report: fact_listing.position_of(conn, spec, fact_id),
            lambda position: self._position_found(fact_id, spec, position, scroll))

    def _position_found(self, fact_id: int, spec: ListingSpec, position: int | None, scroll: bool) -> None:
        if self._session.selected_fact != fact_id or self.model.spec != spec:
            return  # the curator moved on meanwhile
        self._select_row(self.model.row_at(position), scroll=scroll)

    def wait_for_position(self) -> None:
        """Block until a selected fact's row has been found (tests)."""
        self._position_reader.wait()
        QApplication.sendPostedEvents()

    def stop_background_reads(self) -> None:
        self._position_reader.stop()
        self.model.stop_background_reads()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # Now the pane has its width. Decided when the timer fires: the window may restore the
            # curator's own columns in the meantime (showing the dock shows this pane first).
            QTimer.singleShot(0, lambda: self._columns_from_settings or self.fit_columns_to_content())
        if self._reveal_when_shown:
            self._show_fact(self._session.selected_fact)

    def _follow_session_selection(self) -> None:
        """After a refresh the selected fact may sit on another row; move the highlight, not the view."""
        if not self.isVisible():
            self._reveal_when_shown = True
            return
        self._place(self._session.selected_fact, scroll=False)

    def _select_row(self, row: int | None, *, scroll: bool) -> None:
        selection = self.view.selectionModel()
        self._applying_session_selection = True
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), _NO_UPDATE)
                return
            index = self.model.index(row, 0)
            if index != self.view.currentIndex() or not selection.isRowSelected(row, QModelIndex()):
                selection.setCurrentIndex(index, _SELECT_ROW)
            if scroll:
                self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._applying_session_selection = False

    def _remember_position(self) -> None:
        self._top_row_before_reset = self.view.rowAt(0)
        self._spec_before_reset = self.model.spec

    def _restore_position(self) -> None:
        same_listing = (self._spec_before_reset is not None
                        and _query_of(self._spec_before_reset) == _query_of(self.model.spec))
        if same_listing:
            # Facts were added or removed: stay where the curator was reading; `refreshed`
            # follows with the selection.
            if 0 <= self._top_row_before_reset < self.model.row_count:
                self.view.scrollTo(self.model.index(self._top_row_before_reset, 0),
                                   QAbstractItemView.ScrollHint.PositionAtTop)
            return
        # A new order or filter: bring the selected fact into view, or start at the top.
        selected = self._session.selected_fact
        row = None if selected is None else self.model.row_of(selected)
        self._select_row(row, scroll=False)
        if row is None:
            self.view.scrollToTop()
        else:
            self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
