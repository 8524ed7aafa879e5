"""View > Source agreement: which source says what about the same thing, as a matrix of keys × sources.

Rows are subject–property keys that at least two sources (or publishers) spoke about at the same
time; columns are the sources; a cell shows how that source's statements relate to the others'
(agrees, within tolerance, disagrees, settled) with its value when columns are wide. Beside it,
"Who disagrees with whom" ranks the pairs; choosing a source there ("Compare with") keeps the keys
it speaks about and orders the columns by how often they disagree with it: "which outlets disagree
with the ministry most often?". Clicking a cell shows its statement's evidence in that source, or
brings up the open conflict it is part of. The comparison runs off the GUI thread with progress
(core.source_agreement; about 6 s at 100k facts) and follows the facts table's filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton, QSizePolicy, QSplitter,
    QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget,
)

from kzeu_desk.core import source_agreement
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.fact_listing import ListingSpec
from kzeu_desk.core.palette import CONFLICT_RGB, NEUTRAL_RGB, SETTLED_RGB, STATUS_RGB, TOLERANCE_RGB
from kzeu_desk.core.source_agreement import Agreement, Cell, KeyRow, PairCount, Stance, Statement, Voice, VoiceGrouping
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.read_when_seen import ReadWhenSeen
from kzeu_desk.ui.fact_style import colour
from kzeu_desk.ui.plain_text import plain_label, plain_tooltip
from kzeu_desk.ui.session import Session

STANCE_RGB = {
    Stance.AGREES: STATUS_RGB["confirmed"],
    Stance.WITHIN_TOLERANCE: TOLERANCE_RGB,
    Stance.DISAGREES: CONFLICT_RGB,
    Stance.SETTLED: SETTLED_RGB,
    Stance.NOT_COMPARABLE: NEUTRAL_RGB,
}
STANCE_WORDS = {
    Stance.AGREES: "agrees",
    Stance.WITHIN_TOLERANCE: "agrees within tolerance",
    Stance.DISAGREES: "disagrees",
    Stance.SETTLED: "settled by a curator",
    Stance.NOT_COMPARABLE: "not comparable",
}
WIDE_COLUMNS_UP_TO = 12  # with this many sources or fewer, cells are wide enough to show values
_WIDE, _NARROW = 150, 26
_HEADER_HEIGHT = 150
_SHOWN_TABLES = ("fact", "evidence", "conflict", "conflict_member", "entity", "property", "source")
CELL_ROLE = Qt.ItemDataRole.UserRole + 1


class AgreementModel(QAbstractTableModel):
    """Keys × voices of one `Agreement`, optionally only the keys a chosen voice speaks about."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.agreement: Agreement | None = None
        self._rows: list[int] = []  # rows of agreement.keys shown
        self._voices: list[Voice] = []
        self.wide = True

    def show(self, agreement: Agreement | None, reference: str | None) -> None:
        self.beginResetModel()
        self.agreement = agreement
        if agreement is None:
            self._rows, self._voices = [], []
        elif reference is None or agreement.voice(reference) is None:
            self._rows, self._voices = list(range(len(agreement.keys))), list(agreement.voices)
        else:
            self._rows = [row for row in range(len(agreement.keys)) if (row, reference) in agreement.cells]
            ranked = [agreement.voice(key) for key, _pair in agreement.pairs_with(reference)]
            others = [voice for voice in ranked if voice is not None
                      and any((row, voice.key) in agreement.cells for row in self._rows)]
            self._voices = [agreement.voice(reference), *others]
        self.wide = len(self._voices) <= WIDE_COLUMNS_UP_TO
        self.endResetModel()

    def key_at(self, row: int) -> KeyRow | None:
        return self.agreement.keys[self._rows[row]] if self.agreement and 0 <= row < len(self._rows) else None

    def voice_at(self, column: int) -> Voice | None:
        return self._voices[column] if 0 <= column < len(self._voices) else None

    def cell_at(self, row: int, column: int) -> Cell | None:
        voice = self.voice_at(column)
        if self.agreement is None or voice is None or not 0 <= row < len(self._rows):
            return None
        return self.agreement.cell(self._rows[row], voice.key)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._voices)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self.cell_at(index.row(), index.column())
        if cell is None:
            return None
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.DisplayRole:
            return " / ".join(dict.fromkeys(statement.value for statement in cell.statements))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(describe_cell(self.voice_at(index.column()), cell))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{STANCE_WORDS[cell.stance]}: " + "; ".join(statement.value for statement in cell.statements)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            voice = self.voice_at(section)
            if voice is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return voice.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip("\n".join(part for part in (voice.name, voice.detail) if part))
            return None
        key = self.key_at(section)
        if key is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return key.name
        if role == Qt.ItemDataRole.ToolTipRole:
            counts = [f"{key.voices} sources compared"]
            if key.disagreements:
                counts.append(f"{key.disagreements} disagreement{'s' if key.disagreements > 1 else ''}")
            if key.settled:
                counts.append(f"{key.settled} settled")
            return plain_tooltip(f"{key.name}\n" + ", ".join(counts))
        return None


def describe_cell(voice: Voice | None, cell: Cell) -> str:
    lines = [voice.name if voice else ""]
    for statement in cell.statements:
        when = f" ({statement.time})" if statement.time else ""
        lines.append(f"• {statement.value}{when} — {STANCE_WORDS[statement.stance]}; fact {statement.fact_id}, "
                     f"{statement.status}" + ("" if statement.rank == "normal" else f", {statement.rank}"))
        if statement.source_title != (voice.name if voice else None):
            lines.append(f"  in “{statement.source_title}”")
    first = cell.statements[0]
    lines.append("Click to open the conflict." if first.conflict_open else "Click to show the quote in its source.")
    return "\n".join(lines)


class _CellDelegate(QStyledItemDelegate):
    """A stance glyph (filled dot agrees, ring within tolerance, cross disagrees, check settled),
    and the value beside it when the column is wide."""

    def __init__(self, model: AgreementModel, parent=None):
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        cell: Cell | None = index.data(CELL_ROLE)
        palette = option.palette
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight).lighter(170))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        if cell is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            size = min(option.rect.height() - 8, 14)
            glyph = QRectF(option.rect.left() + (6 if self._model.wide else (option.rect.width() - size) / 2),
                           option.rect.center().y() - size / 2, size, size)
            paint_stance(painter, glyph, cell.stance)
            if self._model.wide:
                text_rect = QRect(int(glyph.right()) + 6, option.rect.top(), option.rect.right() - int(glyph.right()) - 9,
                                  option.rect.height())
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                text = index.data(Qt.ItemDataRole.DisplayRole) or ""
                shown = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
                painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)
        painter.restore()


def stance_icon(stance: Stance) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_stance(painter, QRectF(1, 1, 12, 12), stance)
    painter.end()
    return QIcon(pixmap)


def paint_stance(painter: QPainter, rect: QRectF, stance: Stance) -> None:
    hue = colour(STANCE_RGB[stance])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if stance is Stance.AGREES:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(hue)
        painter.drawEllipse(rect)
    elif stance is Stance.WITHIN_TOLERANCE:
        painter.setPen(QPen(hue, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(1.5, 1.5, -1.5, -1.5))
    elif stance is Stance.DISAGREES:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(hue)
        painter.drawRoundedRect(rect, 2, 2)
        painter.setPen(QPen(QColor(255, 255, 255), 2.0))
        inset = rect.adjusted(rect.width() * 0.28, rect.height() * 0.28, -rect.width() * 0.28, -rect.height() * 0.28)
        painter.drawLine(inset.topLeft(), inset.bottomRight())
        painter.drawLine(inset.topRight(), inset.bottomLeft())
    elif stance is Stance.SETTLED:
        painter.setPen(QPen(hue, 1.6))
        painter.setBrush(colour(STANCE_RGB[stance], 40))
        painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.drawLine(rect.left() + rect.width() * 0.27, rect.center().y(),
                         rect.left() + rect.width() * 0.45, rect.bottom() - rect.height() * 0.28)
        painter.drawLine(rect.left() + rect.width() * 0.45, rect.bottom() - rect.height() * 0.28,
                         rect.right() - rect.width() * 0.25, rect.top() + rect.height() * 0.3)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(hue)
        painter.drawEllipse(rect.center(), rect.width() / 5, rect.height() / 5)
    painter.restore()


class _SourceHeader(QHeaderView):
    """Source names over their columns: wrapped on three lines over wide columns, written upwards
    over narrow ones so that hundreds of sources still fit a screen."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.slanted = False

    def set_slanted(self, slanted: bool) -> None:
        self.slanted = slanted
        height = _HEADER_HEIGHT if slanted else 3 * self.fontMetrics().lineSpacing() + 10
        self.setFixedHeight(height)
        self.viewport().update()

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        if not rect.isValid():
            return
        painter.save()
        palette = self.palette()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Button))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        text = str((self.model().headerData(logical_index, Qt.Orientation.Horizontal) if self.model() else "") or "")
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        metrics = self.fontMetrics()
        if self.slanted:
            painter.translate(rect.left() + rect.width() / 2 + metrics.ascent() / 2 - 1, rect.bottom() - 6)
            painter.rotate(-90)
            painter.drawText(0, 0, metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.height() - 12))
        else:
            area = rect.adjusted(5, 4, -5, -4)
            lines = _wrapped(text, metrics, area.width(), 3)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), "\n".join(lines))
        painter.restore()


def _wrapped(text: str, metrics, width: int, most: int) -> list[str]:
    """Words on at most `most` lines of `width` pixels, the last one elided."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = metrics.elidedText(f"{lines[-1]} {' '.join(words)}", Qt.TextElideMode.ElideRight, width)
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


@dataclass(frozen=True)
class _PairRow:
    name: str  # the other voice, or "A ↔ B" with both names shortened
    voice_key: str | None  # the other voice when a reference is chosen
    pair: PairCount
    full_name: str


def _pair_sort_key(row: _PairRow, column: int) -> tuple:
    pair = row.pair
    counts = (pair.disagree, pair.settled, pair.within_tolerance, pair.agree)
    if column == 0:
        return (row.name.casefold(),)
    return (counts[column - 1], *counts, row.name.casefold())


class PairModel(QAbstractTableModel):
    """Who disagrees with whom: one row per pair of voices, or per voice compared with the reference."""

    HEADERS = ("Compared with", "", "", "", "")
    STANCES = (None, Stance.DISAGREES, Stance.SETTLED, Stance.WITHIN_TOLERANCE, Stance.AGREES)
    TIPS = ("", "Disagree: statements that cannot both be true, not settled",
            "Settled: disagreements a curator resolved or dismissed",
            "Within tolerance: different values that can both be true", "Agree: the same fact or the same value")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[_PairRow] = []
        self.reference: str | None = None
        self._sort: tuple[int, Qt.SortOrder] = (1, Qt.SortOrder.DescendingOrder)

    def show(self, agreement: Agreement | None, reference: str | None) -> None:
        self.beginResetModel()
        self.reference = reference
        self._rows = []
        if agreement is not None:
            if reference is not None:
                self._rows = [_PairRow(agreement.voice(other).name, other, pair, agreement.voice(other).name)
                              for other, pair in agreement.pairs_with(reference) if agreement.voice(other)]
            else:
                # Each source with everything it was compared on: who disagrees most, with anyone.
                for key, total in agreement.voice_totals.items():
                    voice = agreement.voice(key)
                    if voice is not None:
                        self._rows.append(_PairRow(voice.name, key, total, voice.name))
        self._sort_rows()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in Python: a sorting proxy took a second over 2,500 sources."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self._rows.sort(key=lambda row: _pair_sort_key(row, column), reverse=order == Qt.SortOrder.DescendingOrder)

    def row_at(self, row: int) -> _PairRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Source" if self.reference is None and section == 0 else self.HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.TIPS[section] or None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DecorationRole and section:
            return stance_icon(self.STANCES[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        pair = row.pair
        values = (row.name, pair.disagree, pair.settled, pair.within_tolerance, pair.agree)
        value = values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value if index.column() == 0 else f"{value:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and pair.disagree:
            return colour(CONFLICT_RGB)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            counts = (f"{pair.compared:,} statements compared: {pair.disagree:,} disagree, {pair.settled:,} settled, "
                      f"{pair.within_tolerance:,} within tolerance, {pair.agree:,} agree")
            return plain_tooltip(f"{row.full_name}\n{counts}\nDouble-click to compare the others with this source.")
        return None


class AgreementView(QWidget):
    evidence_wanted = Signal(int, int, int, int)  # fact, source, start, end: show a statement's quote
    fact_wanted = Signal(int)  # a fact whose quote is not anchored any more: select it
    conflict_wanted = Signal(int)  # an open conflict to bring up in the Conflicts pane
    message = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreementView")
        self.setAccessibleName("Source agreement")
        self._session = session
        self._reader = BackgroundReader(session.fact_base.reading, self)
        self._listing = ListingSpec()
        self._grouping = VoiceGrouping.SOURCE
        self._reference: str | None = None
        self.agreement: Agreement | None = None
        self._freshness = ReadWhenSeen(self, self.reload, delay_ms=400)

        self.grouping = QComboBox()
        self.grouping.setAccessibleName("Columns")
        self.grouping.addItem("A column per source", VoiceGrouping.SOURCE)
        self.grouping.addItem("A column per publisher", VoiceGrouping.PUBLISHER)
        self.grouping.currentIndexChanged.connect(self._grouping_chosen)
        self.reference = QComboBox()
        self.reference.setAccessibleName("Compare with")
        self.reference.setMinimumContentsLength(24)
        self.reference.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reference.activated.connect(self._reference_chosen)
        self.summary = plain_label()
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(12)
        self.progress.setFormat("Comparing… %p%")
        self.progress.hide()
        self._reader.busy_changed.connect(self._busy)
        self._reader.progressed.connect(self._progressed)

        self.model = AgreementModel(self)
        self.matrix = QTableView(objectName="agreementMatrix")
        self.matrix.setAccessibleName("Sources by subject and property")
        self.header = _SourceHeader(self.matrix)
        self.matrix.setHorizontalHeader(self.header)
        self.matrix.setModel(self.model)
        self.matrix.setItemDelegate(_CellDelegate(self.model, self.matrix))
        self.matrix.setShowGrid(False)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setMouseTracking(True)
        rows = self.matrix.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Fixed sizes everywhere: a header sized to its contents asks for all 18k key names at 100k.
        rows.setFixedWidth(260)
        rows.setResizeContentsPrecision(0)
        rows.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.header.setResizeContentsPrecision(0)
        self.matrix.clicked.connect(self._cell_clicked)
        self.matrix.activated.connect(self._cell_clicked)
        self.matrix.selectionModel().currentChanged.connect(lambda current, _previous: self._show_detail(current))

        self.pair_model = PairModel(self)
        self.pairs = QTableView(objectName="agreementPairs")
        self.pairs.setAccessibleName("Who disagrees with whom")
        self.pairs.setModel(self.pair_model)
        self.pairs.setSortingEnabled(True)
        self.pairs.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.pairs.verticalHeader().hide()
        self.pairs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.setWordWrap(False)
        self.pairs.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.pairs.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        pair_header = self.pairs.horizontalHeader()
        pair_header.setResizeContentsPrecision(0)
        pair_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        count_width = self.fontMetrics().horizontalAdvance("00,000") + 16  # fixed: fitting asks every row
        for column in range(1, len(PairModel.HEADERS)):
            pair_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            pair_header.resizeSection(column, count_width)
        self.pairs.doubleClicked.connect(self._pair_chosen)
        self.pairs_title = pairs_title = plain_label("Who disagrees most", word_wrap=True)
        pairs_title.setStyleSheet("font-weight: 600")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(pairs_title)
        right_layout.addWidget(self.pairs, 1)
        right_layout.addWidget(_StanceLegend())

        self.detail = plain_label(word_wrap=True, selectable=True)
        self.detail.setAccessibleName("Cell detail")
        self.detail.setMinimumHeight(self.fontMetrics().height() * 3)
        self.open_button = QPushButton("Open")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._cell_clicked(self.matrix.currentIndex()))
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.detail, 1)
        detail_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.empty = plain_label(word_wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.matrix, 1)
        left_layout.addWidget(self.empty, 1)
        left_layout.addLayout(detail_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        right.setMinimumWidth(220)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.grouping)
        bar.addWidget(QLabel("Compare with:"))
        bar.addWidget(self.reference)
        bar.addWidget(self.progress)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        session.changed.connect(self._on_changes)

    # -- reading ---------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._reader.pending()

    def set_listing(self, spec: ListingSpec) -> None:
        wanted = ListingSpec(search_text=spec.search_text, status=spec.status)
        if (wanted.search, wanted.status) != (self._listing.search, self._listing.status):
            self._listing = wanted
            self.reload_soon()

    def set_on_screen(self, on_screen: bool) -> None:
        self._freshness.shown(on_screen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._freshness.shown()

    def reload_soon(self) -> None:
        self._freshness.soon()

    def _on_changes(self, changes: Changes) -> None:
        if changes.affects(*_SHOWN_TABLES):
            self.reload_soon()

    def reload(self) -> None:
        self._freshness.reading()
        grouping, listing = self._grouping, self._listing
        self._reader.request("agreement",
                             lambda conn, report: source_agreement.compare_sources(conn, grouping, listing, report),
                             self._compared, self._failed)

    def wait(self) -> None:
        self._reader.wait()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        if busy:
            self.summary.setText("Comparing what the sources say…")

    def _progressed(self, _channel: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _failed(self, message: str) -> None:
        self.summary.setText(message)
        self.message.emit(message)

    def _compared(self, agreement: Agreement) -> None:
        self.agreement = agreement
        if self._reference is not None and agreement.voice(self._reference) is None:
            self._reference = None
        self._fill_reference_choices()
        self._show()

    # -- choices ---------------------------------------------------------------------------------

    def _grouping_chosen(self) -> None:
        grouping = VoiceGrouping(self.grouping.currentData())
        if grouping is not self._grouping:
            self._grouping = grouping
            self._reference = None
            self._freshness.soon(at_once=True)

    def set_grouping(self, grouping: VoiceGrouping) -> None:
        self.grouping.setCurrentIndex(self.grouping.findData(grouping))

    def _fill_reference_choices(self) -> None:
        self.reference.blockSignals(True)
        self.reference.clear()
        self.reference.addItem("Everyone with everyone", None)
        if self.agreement is not None:
            for voice in sorted(self.agreement.voices, key=lambda voice: voice.name.casefold()):
                self.reference.addItem(voice.name, voice.key)
                self.reference.setItemData(self.reference.count() - 1, voice.detail or voice.name,
                                           Qt.ItemDataRole.ToolTipRole)
        self.reference.setCurrentIndex(max(0, self.reference.findData(self._reference)))
        self.reference.blockSignals(False)

    def _reference_chosen(self) -> None:
        self.compare_with(self.reference.currentData())

    def compare_with(self, voice_key: str | None) -> None:
        """Keep the keys `voice_key` speaks about; order the other columns by disagreement with it."""
        self._reference = voice_key
        self.reference.setCurrentIndex(max(0, self.reference.findData(voice_key)))
        self._show()

    def _pair_chosen(self, index: QModelIndex) -> None:
        row = self.pair_model.row_at(index.row())
        if row is not None and row.voice_key is not None:
            self.compare_with(row.voice_key)

    # -- showing ---------------------------------------------------------------------------------

    def _show(self) -> None:
        agreement = self.agreement
        self.model.show(agreement, self._reference)
        self.pair_model.show(agreement, self._reference)  # keeps the order the curator chose
        reference = agreement.voice(self._reference) if agreement is not None and self._reference else None
        self.pairs_title.setText(f"Who disagrees with “{reference.name}”" if reference else
                                 "Who disagrees most (double-click one to compare the others with it)")
        self.pairs_title.setToolTip(self.pairs_title.text())
        width = _WIDE if self.model.wide else _NARROW
        self.header.set_slanted(not self.model.wide)
        self.header.setDefaultSectionSize(width)
        has_rows = self.model.rowCount() > 0
        self.matrix.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.detail.setText("Click a cell to see what that source says and how it relates to the others.")
        self.open_button.setEnabled(False)
        if agreement is None:
            return
        filtered = self._listing.filtered
        keys = self.model.rowCount()
        disagreeing = sum(1 for key in agreement.keys if key.disagreements)
        noun = "sources" if self._grouping is VoiceGrouping.SOURCE else "publishers"
        self.summary.setText(
            f"{keys:,} subject–property key{'s' if keys != 1 else ''} compared across {self.model.columnCount():,} "
            f"{noun}; {disagreeing:,} with open disagreements" + (" · filtered like the facts table" if filtered else ""))
        if not has_rows:
            self.empty.setText(
                "No two sources speak about the same subject, property and time among the facts the table lists."
                if filtered else
                "No two sources speak about the same subject, property and time yet. Facts quoted from more than one "
                "source, or facts of one subject and property from different sources, appear here.")

    def _show_detail(self, index: QModelIndex) -> None:
        cell = self.model.cell_at(index.row(), index.column()) if index.isValid() else None
        self.open_button.setEnabled(cell is not None)
        if cell is None:
            self.detail.setText("")
            return
        key, voice = self.model.key_at(index.row()), self.model.voice_at(index.column())
        text = f"{key.name} — {describe_cell(voice, cell)}"
        settled = next((statement for statement in cell.statements
                        if statement.conflict_id is not None and not statement.conflict_open), None)
        if settled is not None:
            text += "\n" + self._settlement(settled.conflict_id)
        self.detail.setText(text)
        self.open_button.setText("Open conflict" if cell.statements[0].conflict_open else "Show quote")

    def _settlement(self, conflict_id: int) -> str:
        from sqlalchemy import text

        with self._session.fact_base.reading() as conn:
            row = conn.execute(text("SELECT status, resolution, rationale, resolved_by FROM conflict WHERE id = :id"),
                               {"id": conflict_id}).first()
        if row is None:
            return ""
        how = "dismissed" if row.status == "dismissed" else f"resolved ({row.resolution})"
        return f"Conflict {conflict_id} {how} by {row.resolved_by}: {row.rationale or 'no rationale recorded'}"

    def _cell_clicked(self, index: QModelIndex) -> None:
        cell = self.model.cell_at(index.row(), index.column()) if index.isValid() else None
        if cell is None:
            return
        statement: Statement = cell.statements[0]
        if statement.conflict_open and statement.conflict_id is not None:
            self._session.select_fact(statement.fact_id)
            self.conflict_wanted.emit(statement.conflict_id)
        elif statement.evidence is not None:
            self.evidence_wanted.emit(statement.fact_id, statement.source_id, *statement.evidence)
        else:
            self.fact_wanted.emit(statement.fact_id)


class _StanceLegend(QWidget):
    _ENTRIES = (Stance.AGREES, Stance.WITHIN_TOLERANCE, Stance.DISAGREES, Stance.SETTLED)
    _WORDS: ClassVar[dict[Stance, str]] = {Stance.AGREES: "Agrees", Stance.WITHIN_TOLERANCE: "Within tolerance",
                                           Stance.DISAGREES: "Disagrees", Stance.SETTLED: "Settled"}

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(sum(metrics.horizontalAdvance(self._WORDS[s]) + 30 for s in self._ENTRIES), metrics.height() + 4)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        x, middle = 2.0, self.height() / 2
        for stance in self._ENTRIES:
            paint_stance(painter, QRectF(x, middle - 6, 12, 12), stance)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(int(x + 16), int(middle + metrics.ascent() / 2 - 1), self._WORDS[stance])
            x += 30 + metrics.horizontalAdvance(self._WORDS[stance])
        painter.end()
