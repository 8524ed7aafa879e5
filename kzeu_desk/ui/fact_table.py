"""The facts table: every fact in the fact base, sorted and filtered in SQL, read a page at a time.

The model never holds the whole listing. `rowCount` is a COUNT; `data()` reads a small LRU cache of
pages whose display strings were computed when the page was fetched, so painting a screen costs
no SQL and no formatting (a 1M-row table then repaints in 15-20 ms). A page missing from the cache is fetched on demand by
keyset from the page before it, or, after a jump, from the listing's page boundaries.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QTableView, QVBoxLayout,
    QWidget,
)

from kzeu_desk.core import fact_listing
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.fact_listing import PAGE_SIZE, FactListRow, ListingSpec, SortColumn, SortKey
from kzeu_desk.core.models import FactStatus
from kzeu_desk.ui.plain_text import local_time
from kzeu_desk.ui.session import Session

FACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# 32 pages of 256 rows: several screens either side of a jump, a few MB of strings at most.
CACHED_PAGES = 32

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


_COLUMNS: tuple[_Column, ...] = (
    _Column("ID", SortColumn.ID, numeric=True),
    _Column("Subject", SortColumn.SUBJECT),
    _Column("Property", SortColumn.PROPERTY),
    _Column("Value", SortColumn.VALUE),
    _Column("Status", SortColumn.STATUS),
    _Column("Rank", SortColumn.RANK),
    _Column("Sources", None, numeric=True),
    _Column("Conflicts", None, numeric=True),
    _Column("Updated", SortColumn.UPDATED),
)
STATUS_COLUMN = 4
SORTABLE_COLUMNS = frozenset(number for number, column in enumerate(_COLUMNS) if column.sort is not None)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# Roles as plain ints: data() compares them thousands of times per repaint.
_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)})
_DECORATION_ROLE = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED_ROLES = _TEXT_ROLES | {_DECORATION_ROLE, _FOREGROUND_ROLE, _ALIGNMENT_ROLE, int(FACT_ID_ROLE)}


_VALUE_COLUMN = 3
_UPDATED_COLUMN = 8


def _cells(row: FactListRow) -> tuple[str, ...]:
    return (
        str(row.id),
        row.subject,
        row.property,
        row.value,
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

    def refresh(self) -> None:
        """Re-read the listing after the data changed, keeping the view's rows where they can stay."""
        previous_count = self._row_count
        self._forget_pages()
        self._recount(data_changed=True)
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
        for number, page in self._pages.items():
            if fact_id in page.fact_ids:
                return number * PAGE_SIZE + page.fact_ids.index(fact_id)
        with self._session.fact_base.reading() as conn:
            row = fact_listing.position_of(conn, self._spec, fact_id)
        if row is not None and row >= self._row_count and self._more:
            self._count_rows_up_to(row + 1)
        return row if row is not None and row < self._row_count else None

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
        if role == Qt.ItemDataRole.ToolTipRole and column.sort is None:
            return f"{column.title} are counted for the rows on screen; the table cannot be sorted by them."
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | int | QIcon | QBrush | None:
        # A repaint asks about ten roles of every visible cell: the unanswered ones leave first,
        # and the rest read strings prepared when the page was fetched.
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
        if role in _TEXT_ROLES:
            return page.cells[offset][column]
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
        self._pages[number] = page
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._boundaries = None

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

    def _recount(self, *, data_changed: bool) -> None:
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
            elif data_changed:
                # A new filter alone leaves the number of facts as it was: one COUNT per keystroke is enough.
                self._total_count = fact_listing.count(conn, ListingSpec())

    def _on_changes(self, changes: Changes) -> None:
        if changes.affects(*_LISTED_TABLES):
            self.refresh()


def _query_of(spec: ListingSpec) -> tuple[SortColumn, bool, str | None, FactStatus | None]:
    """What decides the listing's rows and order: typed texts with the same words are one query."""
    return spec.sort, spec.descending, spec.search, spec.status


class FactTablePane(QWidget):
    """The facts table with its filter box, status filter and row count; its selection is the session's."""

    FILTER_DELAY_MS = 150  # one query per pause in typing, not one per keystroke

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Facts")
        self._session = session
        self._applying_session_selection = False
        self._reveal_when_shown = False
        self._top_row_before_reset = -1
        self._spec_before_reset: ListingSpec | None = None
        self.model = FactTableModel(session, self)

        self.filter_box = QLineEdit(placeholderText="Filter facts: subject, property, value or quote",
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

        self.view = QTableView(objectName="factTable")
        self.view.setAccessibleName("Facts")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setIconSize(QSize(_STATUS_DOT_SIZE, _STATUS_DOT_SIZE))
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
        header.setSectionResizeMode(_VALUE_COLUMN, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        padding = 2 * metrics.averageCharWidth() + _STATUS_DOT_SIZE
        # Compact defaults: the value column takes whatever room the text pane's width leaves.
        samples = ("00000", "Kazakhstan–EU r", "diplomatic relations", "",
                   "Confirmed", "Deprecated", "Sources", "Conflicts", "00 Mmm 0000 00:00")
        for column, sample in enumerate(samples):
            if sample:
                header.resizeSection(column, metrics.horizontalAdvance(sample) + padding)
        header.setSortIndicator(*self.model.sort_order())
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.setSectionHidden(_UPDATED_COLUMN, True)  # the History tab tells when; room goes to values
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)

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
        self._select_row(None if fact_id is None else self.model.row_of(fact_id), scroll=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reveal_when_shown:
            self._show_fact(self._session.selected_fact)

    def _follow_session_selection(self) -> None:
        """After a refresh the selected fact may sit on another row; move the highlight, not the view."""
        if not self.isVisible():
            self._reveal_when_shown = True
            return
        selected = self._session.selected_fact
        self._select_row(None if selected is None else self.model.row_of(selected), scroll=False)

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
