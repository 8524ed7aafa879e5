"""View > Overview: the fact base at a glance, for a curator planning the day and a reviewer judging it.

Facts by status and by rank (a status filters the facts table), open and settled conflicts month by
month (a click brings up the Conflicts pane), the sources holding most facts (a click opens one),
and what each curator has done. All figures are SQL aggregates (core.overview) read off the GUI
thread; the charts are painted here with the app's status colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kzeu_desk.core import overview as overview_reads
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.models import FactRank, FactStatus
from kzeu_desk.core.overview import Overview
from kzeu_desk.core.palette import CONFLICT_RGB, NEUTRAL_RGB, SETTLED_RGB, STATUS_RGB
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.read_when_seen import ReadWhenSeen
from kzeu_desk.ui.fact_style import colour, swatch
from kzeu_desk.ui.plain_text import local_time, plain_label, plain_tooltip
from kzeu_desk.ui.session import Session

_SHOWN_TABLES = ("fact", "conflict", "conflict_member", "evidence", "source", "operation")


@dataclass(frozen=True)
class BarRow:
    key: object  # what a click on the row means (a status, a source id, an actor)
    label: str
    value: int
    rgb: tuple[int, int, int]
    note: str = ""  # right of the number, muted ("2 open conflicts")
    note_alert: bool = False
    outline: str = ""  # "bold" or "dashed", as the timeline draws ranks
    tooltip: str = ""


class BarList(QWidget):
    """Labelled horizontal bars, one row each, scaled to the largest; rows can be clicked."""

    row_clicked = Signal(object)

    def __init__(self, accessible_name: str, parent: QWidget | None = None, *, label_width: int = 150):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setMouseTracking(True)
        self.rows: list[BarRow] = []
        self.clickable = False
        self._label_width = label_width
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[BarRow], *, clickable: bool = False) -> None:
        self.rows = rows
        self.clickable = clickable
        self.setFixedHeight(max(1, len(rows)) * self._row_height() + 4)
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 9

    def row_at(self, y: float) -> BarRow | None:
        number = int((y - 2) // self._row_height())
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def sizeHint(self) -> QSize:
        return QSize(300, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        height = self._row_height()
        largest = max((row.value for row in self.rows), default=0) or 1
        number_width = metrics.horizontalAdvance(f"{largest:,}") + 10
        notes_width = max((metrics.horizontalAdvance(row.note) for row in self.rows), default=0) + (10 if any(
            row.note for row in self.rows) else 0)
        label_width = min(self._label_width, int(self.width() * 0.42))
        bar_left = label_width
        bar_room = max(20, self.width() - bar_left - number_width - notes_width - 6)
        for number, row in enumerate(self.rows):
            top = 2 + number * height
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_width - 10)
            painter.drawText(QRectF(0, top, label_width - 8, height), int(Qt.AlignmentFlag.AlignVCenter), label)
            width = bar_room * row.value / largest
            bar = QRectF(bar_left, top + 3, max(width, 2.0 if row.value else 0.0), height - 6)
            if row.value:
                outline = None if not row.outline else palette.color(QPalette.ColorRole.Text)
                swatch(painter, bar, row.rgb, outline=outline, dashed=row.outline == "dashed",
                       bold=row.outline == "bold", alpha=150)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRectF(bar_left + width + 6, top, number_width, height), int(Qt.AlignmentFlag.AlignVCenter),
                             f"{row.value:,}")
            if row.note:
                painter.setPen(colour(CONFLICT_RGB) if row.note_alert else palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(QRectF(bar_left + width + 6 + number_width, top, notes_width, height),
                                 int(Qt.AlignmentFlag.AlignVCenter), row.note)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if self.clickable and row else Qt.CursorShape.ArrowCursor)
        self.setToolTip(plain_tooltip(row.tooltip) if row is not None and row.tooltip else "")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if self.clickable and row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.row_clicked.emit(row.key)


class ConflictChart(QWidget):
    """Open conflicts (red) and settled ones (blue) at each month's end."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Conflicts over time")
        self.months: tuple[overview_reads.ConflictMonth, ...] = ()
        self.setMinimumHeight(170)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Open conflicts (red) and settled ones (blue) at the end of each month. "
                        "Click to go to the Conflicts pane.")

    def set_months(self, months: tuple[overview_reads.ConflictMonth, ...]) -> None:
        self.months = months
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 180)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        if not self.months:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No conflict has been found yet.")
            painter.end()
            return
        if len(self.months) == 1:
            # One month is one point per line: a chart would say less than a sentence does.
            month = self.months[0]
            named = date.fromisoformat(f"{month.month}-01").strftime("%B %Y")
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(self.rect().adjusted(12, 8, -12, -8),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             f"Every conflict so far was found in {named}: {month.open_at_end:,} open and "
                             f"{month.settled_at_end:,} settled at its end.\n\nA line per month appears here "
                             "once conflicts span two months.")
            painter.end()
            return
        # The legend has its own line above the plot, so the highest point never lands on it.
        left, right, top = metrics.horizontalAdvance("00000") + 8, self.width() - 10, 14 + 2 * metrics.height()
        bottom = self.height() - metrics.height() - 8
        highest = max(max(m.open_at_end, m.settled_at_end) for m in self.months) or 1
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        for fraction in (0.0, 0.5, 1.0):
            y = bottom - (bottom - top) * fraction
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{round(highest * fraction):,}")
        count = len(self.months)
        step = (right - left) / max(1, count - 1) if count > 1 else 0.0

        def x_of(number: int) -> float:
            return left + number * step if count > 1 else (left + right) / 2

        for values, rgb in (([m.settled_at_end for m in self.months], SETTLED_RGB),
                            ([m.open_at_end for m in self.months], CONFLICT_RGB)):
            points = [QPointF(x_of(n), bottom - (bottom - top) * value / highest) for n, value in enumerate(values)]
            painter.setPen(QPen(colour(rgb), 2.2))
            if len(points) > 1:
                path = QPainterPath(points[0])
                for point in points[1:]:
                    path.lineTo(point)
                painter.drawPath(path)
            painter.setBrush(colour(rgb))
            for point in points if len(points) <= 36 else points[-1:]:
                painter.drawEllipse(point, 3, 3)
        legend_x = right
        for word, rgb in (("settled", SETTLED_RGB), ("open", CONFLICT_RGB)):
            legend_x -= metrics.horizontalAdvance(word) + 22
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour(rgb))
            painter.drawEllipse(QPointF(legend_x + 5, 4 + metrics.height() / 2), 4, 4)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QPointF(legend_x + 12, 4 + metrics.ascent()), word)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        labelled = {0, count - 1} | set(range(0, count, max(1, count // 6)))
        for number in sorted(labelled):
            text = self.months[number].month
            width = metrics.horizontalAdvance(text)
            x = min(max(x_of(number) - width / 2, left - 4), right - width)
            painter.drawText(QPointF(x, self.height() - 6), text)
        painter.end()


class _Panel(QFrame):
    def __init__(self, title: str, *widgets: QWidget):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600; font-size: 11pt")
        layout.addWidget(heading)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)


class OverviewView(QScrollArea):
    status_chosen = Signal(str)  # filter the facts table to this status
    source_chosen = Signal(int)
    conflicts_wanted = Signal()
    message = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overviewView")
        self.setAccessibleName("Overview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._session = session
        self._reader = BackgroundReader(session.fact_base.reading, self)
        self.overview: Overview | None = None
        self._freshness = ReadWhenSeen(self, self.reload, delay_ms=500)

        self.headline = plain_label(word_wrap=True)
        self.headline.setStyleSheet("font-size: 12pt")
        self.statuses = BarList("Facts by status")
        self.statuses.row_clicked.connect(lambda status: self.status_chosen.emit(status))
        self.ranks = BarList("Facts by rank")
        self.conflict_totals = plain_label(word_wrap=True)
        self.conflict_chart = ConflictChart()
        self.conflict_chart.clicked.connect(self.conflicts_wanted.emit)
        self.sources = BarList("Facts per source", label_width=260)
        self.sources.row_clicked.connect(lambda source_id: self.source_chosen.emit(source_id))
        self.sources_note = plain_label(word_wrap=True)
        self.curators = BarList("Curators' activity", label_width=130)
        self.curators_note = plain_label(word_wrap=True)
        for note in (self.sources_note, self.curators_note, self.conflict_totals):
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        page = QWidget()
        grid = QGridLayout(page)
        grid.setSpacing(10)
        grid.addWidget(self.headline, 0, 0, 1, 2)
        rank_title = QLabel("By rank")
        grid.addWidget(_Panel("Facts by status", self.statuses, rank_title, self.ranks), 1, 0)
        grid.addWidget(_Panel("Conflicts over time", self.conflict_totals, self.conflict_chart), 1, 1)
        grid.addWidget(_Panel("Sources holding most facts", self.sources, self.sources_note), 2, 0)
        grid.addWidget(_Panel("Curators' activity", self.curators, self.curators_note), 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        self.setWidget(page)
        session.changed.connect(self._on_changes)

    def sizeHint(self) -> QSize:
        return QSize(600, 220)  # scrolls; tabbed with the facts table it should not claim more height

    # -- reading -----------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._reader.pending()

    def set_listing(self, _spec) -> None:
        """The overview counts the whole fact base; the facts table's filter does not narrow it."""

    def set_on_screen(self, on_screen: bool) -> None:
        self._freshness.shown(on_screen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._freshness.shown()

    def reload_soon(self) -> None:
        self._freshness.soon()

    def _on_changes(self, changes: Changes) -> None:
        if changes.affects(*_SHOWN_TABLES) or changes.operation_id is not None:
            self.reload_soon()

    def reload(self) -> None:
        self._freshness.reading()
        self._reader.request("overview", lambda conn, _report: overview_reads.overview(conn), self._show,
                             self._failed)

    def wait(self) -> None:
        self._reader.wait()

    def _failed(self, message: str) -> None:
        self.headline.setText(message)
        self.message.emit(message)

    # -- showing -----------------------------------------------------------------------------------

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        conflicts = overview.conflict_counts
        self.headline.setText(
            f"{overview.facts:,} facts from {overview.sources:,} sources · {conflicts.get('open', 0):,} open "
            f"conflict{'s' if conflicts.get('open', 0) != 1 else ''}")
        by_status = overview.by_status()
        total = max(1, overview.facts)
        self.statuses.set_rows([
            BarRow(status.value, status.value.capitalize(), by_status.get(status.value, 0), STATUS_RGB[status.value],
                   note=f"{100 * by_status.get(status.value, 0) / total:.0f}%",
                   tooltip=f"Click to list the {status.value} facts in the facts table.")
            for status in FactStatus], clickable=True)
        by_rank = overview.by_rank()
        rank_style = {FactRank.PREFERRED: "bold", FactRank.DEPRECATED: "dashed", FactRank.NORMAL: ""}
        self.ranks.set_rows([
            BarRow(rank.value, ("★ " if rank is FactRank.PREFERRED else "") + rank.value.capitalize(),
                   by_rank.get(rank.value, 0), NEUTRAL_RGB, note=f"{100 * by_rank.get(rank.value, 0) / total:.0f}%",
                   outline=rank_style[rank]) for rank in FactRank])
        settled = conflicts.get("resolved", 0) + conflicts.get("dismissed", 0)
        self.conflict_totals.setText(
            f"{conflicts.get('open', 0):,} open · {conflicts.get('resolved', 0):,} resolved · "
            f"{conflicts.get('dismissed', 0):,} dismissed" + (f" ({settled:,} settled)" if settled else ""))
        self.conflict_chart.set_months(overview.conflicts_by_month)
        self.sources.set_rows([
            BarRow(source.source_id, source.title, source.facts, STATUS_RGB["confirmed"],
                   note=f"{source.open_conflicts:,} open conflict{'s' if source.open_conflicts != 1 else ''}"
                   if source.open_conflicts else "", note_alert=True,
                   tooltip="\n".join(part for part in (source.title, source.publisher or "",
                                                        "Click to open this source.") if part))
            for source in overview.top_sources], clickable=True)
        others = overview.sources_with_facts - len(overview.top_sources)
        notes = []
        if others > 0:
            notes.append(f"…and {others:,} more sources with facts.")
        if overview.facts_without_evidence:
            notes.append(f"{overview.facts_without_evidence:,} facts have no evidence in any source.")
        self.sources_note.setText(" ".join(notes))
        self.curators.set_rows([
            BarRow(curator.actor, curator.actor, curator.actions, SETTLED_RGB,
                   note=f"{curator.facts_created:,} facts · {local_time(curator.last)[:11].strip()}",
                   tooltip=(f"{curator.actor}: {curator.actions:,} actions since {local_time(curator.first)}\n"
                            + "\n".join(f"{month}: {count:,}" for month, count in curator.by_month[-12:])))
            for curator in overview.curators[:15]])
        self.curators_note.setText("Actions are the steps in the History pane (undo and redo included); "
                                   "facts loaded in bulk count as created, not as actions."
                                   if overview.curators else "Nobody has changed this fact base yet.")
