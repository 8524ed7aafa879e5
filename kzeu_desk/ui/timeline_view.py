"""View > Timeline: every fact that has a time, on a zoomable time axis, in lanes by subject or property.

Reads run off the GUI thread (ui.background): the lanes once per filter or change, then the region
on screen as the curator scrolls and zooms. The filter is the facts table's (search words and
status), so the timeline shows the facts the table lists. Clicking a fact selects it everywhere
and shows its evidence in the source; a busy year lists its facts. Export writes what is on screen
(the visible time span, and every lane when there are at most EXPORT_ALL_LANES of them) as SVG, or
as PNG drawn from that same SVG.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QMenu, QProgressBar, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

from kzeu_desk.core import timeline
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.fact_listing import ListingSpec
from kzeu_desk.core.palette import CONFLICT_RGB, STATUS_RGB
from kzeu_desk.core.timeline import Grouping, Lane, LaneSet, Region, TimelineQuery
from kzeu_desk.core.timeline_layout import year_span
from kzeu_desk.core.timeline_svg import TimelinePicture, timeline_svg
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.read_when_seen import ReadWhenSeen
from kzeu_desk.ui.fact_style import colour, swatch
from kzeu_desk.ui.plain_text import plain_label
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.timeline_canvas import TimelineCanvas

EXPORT_ALL_LANES = 200
_SHOWN_TABLES = ("fact", "conflict", "conflict_member", "entity", "property")
_RELOAD_DELAY_MS = 250
_PNG_SCALE = 2  # pixels per SVG unit: sharp on high-density screens and in print


class TimelineView(QWidget):
    fact_activated = Signal(int)  # a fact was clicked: select it and show its evidence
    message = Signal(str)  # one sentence for the status bar

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setAccessibleName("Timeline")
        self._session = session
        self._reader = BackgroundReader(session.fact_base.reading, self)
        self._query = TimelineQuery()
        self._lane_set: LaneSet | None = None
        self._keep_view = False
        self._freshness = ReadWhenSeen(self, self.reload, delay_ms=_RELOAD_DELAY_MS)

        self.grouping = QComboBox()
        self.grouping.setAccessibleName("Group timeline by")
        self.grouping.addItem("By subject", Grouping.SUBJECT)
        self.grouping.addItem("By property", Grouping.PROPERTY)
        self.grouping.currentIndexChanged.connect(self._grouping_chosen)
        self.zoom_out = self._tool("−", "Zoom out (−, Ctrl+wheel)", lambda: self.canvas.zoom(1 / 1.5))
        self.zoom_in = self._tool("+", "Zoom in (+, Ctrl+wheel)", lambda: self.canvas.zoom(1.5))
        self.fit_button = self._tool("Fit", "Show the whole time span (0)", lambda: self.canvas.fit())
        self.export_button = QToolButton(text="Export")
        self.export_button.setToolTip("Save the timeline as it is shown, as a PNG picture or an SVG drawing")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction("Export as PNG…", lambda: self.export_dialog("png"))
        export_menu.addAction("Export as SVG…", lambda: self.export_dialog("svg"))
        self.export_button.setMenu(export_menu)
        self.summary = plain_label()
        self.summary.setAccessibleName("Timeline summary")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self._reader.busy_changed.connect(self.busy.setVisible)

        self.canvas = TimelineCanvas(self)
        self.canvas.region_wanted.connect(self._read_region)
        self.canvas.fact_clicked.connect(self._fact_clicked)
        self.canvas.cell_facts_wanted.connect(self._list_cell_facts)
        self.empty = plain_label(word_wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        bar = QHBoxLayout()
        bar.setSpacing(4)
        bar.addWidget(self.grouping)
        for button in (self.zoom_out, self.zoom_in, self.fit_button, self.export_button):
            bar.addWidget(button)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.busy)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(_Legend())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(footer)

        session.changed.connect(self._on_changes)
        session.selected_fact_changed.connect(self.canvas.set_selected_fact)
        self.canvas.set_selected_fact(session.selected_fact)

    @staticmethod
    def _tool(text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(text=text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.clicked.connect(slot)
        return button

    # -- what is shown ---------------------------------------------------------------------------

    @property
    def query(self) -> TimelineQuery:
        return self._query

    @property
    def lane_set(self) -> LaneSet | None:
        return self._lane_set

    @property
    def loading(self) -> bool:
        return self._reader.pending()

    def set_listing(self, spec: ListingSpec) -> None:
        """Follow the facts table's filter (its search words and status; its order does not matter here)."""
        wanted = ListingSpec(search_text=spec.search_text, status=spec.status)
        if (wanted.search, wanted.status) != (self._query.listing.search, self._query.listing.status):
            self._query = replace(self._query, listing=wanted)
            self._keep_view = True
            self.reload_soon(at_once=True)

    def set_grouping(self, grouping: Grouping) -> None:
        self.grouping.setCurrentIndex(self.grouping.findData(grouping))

    def _grouping_chosen(self) -> None:
        grouping = Grouping(self.grouping.currentData())
        if grouping is not self._query.grouping:
            self._query = replace(self._query, grouping=grouping)
            self._keep_view = False
            self.reload_soon(at_once=True)

    # -- reading ------------------------------------------------------------------------------------

    def set_on_screen(self, on_screen: bool) -> None:
        """The dock holding the view was raised or hidden (QDockWidget.visibilityChanged)."""
        self._freshness.shown(on_screen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._freshness.shown()

    def reload_soon(self, *, at_once: bool = False) -> None:
        self._freshness.soon(at_once=at_once)

    def _on_changes(self, changes: Changes) -> None:
        if changes.affects(*_SHOWN_TABLES):
            self._keep_view = True
            self.reload_soon()

    def reload(self) -> None:
        """Read the lanes again (then the region on screen)."""
        self._freshness.reading()
        query = self._query
        self._reader.request("lanes", lambda conn, _report: timeline.lanes(conn, query), self._lanes_read,
                             self._read_failed)

    def _lanes_read(self, lane_set: LaneSet) -> None:
        keep_view = self._keep_view and self._lane_set is not None
        self._keep_view = True
        self._lane_set = lane_set
        self._show_summary()
        has_lanes = bool(lane_set.lanes)
        self.canvas.setVisible(has_lanes)
        self.empty.setVisible(not has_lanes)
        for control in (self.zoom_in, self.zoom_out, self.fit_button, self.export_button):
            control.setEnabled(has_lanes)
        self.canvas.set_lanes(lane_set, keep_view=keep_view)

    def _read_region(self, lane_keys: tuple[int, ...], first_day: int, last_day: int) -> None:
        query = self._query
        self._reader.request(
            "region", lambda conn, _report: timeline.region(conn, query, lane_keys, first_day, last_day),
            self._region_read, self._read_failed)

    def _region_read(self, region: Region) -> None:
        self.canvas.show_region(region)

    def _read_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.message.emit(message)

    def _show_summary(self) -> None:
        lane_set = self._lane_set
        if lane_set is None:
            return
        noun = "subject" if self._query.grouping is Grouping.SUBJECT else "property"
        lanes = len(lane_set.lanes)
        filtered = self._query.listing.filtered
        parts = []
        if lane_set.facts:
            span = ""
            if lane_set.first_day is not None and lane_set.last_day is not None:
                span = f", {date.fromordinal(lane_set.first_day).year}–{date.fromordinal(lane_set.last_day).year}"
            parts.append(f"{lane_set.facts:,} fact{'s' if lane_set.facts != 1 else ''} with a time in {lanes:,} "
                         f"{noun if lanes == 1 else ('subjects' if noun == 'subject' else 'properties')}{span}")
        if filtered:
            parts.append("filtered like the facts table")
        if lane_set.unreadable:
            parts.append(f"{lane_set.unreadable:,} with a date that cannot be read")
        self.summary.setText(" · ".join(parts))
        self.summary.setToolTip(self.summary.text())
        if not lane_set.lanes:
            self.empty.setText(
                "No fact matching the facts table's filter has a time." if filtered else
                "No fact has a time yet. Facts appear here once they have a date value, a point in time, "
                "or a start or end.")

    # -- clicks ----------------------------------------------------------------------------------------

    def _fact_clicked(self, fact_id: int) -> None:
        self._session.select_fact(fact_id)
        self.fact_activated.emit(fact_id)

    def _list_cell_facts(self, lane: Lane, year: int, position: QPointF) -> None:
        first, last = year_span(year)
        query = self._query
        # A few dozen rows of one lane and year: quick enough to read while the menu opens.
        with self._session.fact_base.reading() as conn:
            found = timeline.items(conn, query, [lane.key], first, last, limit=31)
        menu = QMenu(self)
        zoom = menu.addAction(f"Zoom into {year}")
        zoom.triggered.connect(lambda: self.canvas.show_days(first, last))
        menu.addSeparator()
        for item in found[:30]:
            action = menu.addAction(f"{item.label} ({item.time_text})".replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, fact_id=item.fact_id: self._fact_clicked(fact_id))
        if len(found) > 30:
            menu.addAction("…zoom in to see the others").setEnabled(False)
        menu.popup(position.toPoint())

    # -- export ------------------------------------------------------------------------------------------

    def export_dialog(self, kind: str) -> None:
        suggested = self._session.fact_base.folder / f"{self._session.fact_base.file_stem}-timeline.{kind}"
        filters = "PNG pictures (*.png)" if kind == "png" else "SVG drawings (*.svg)"
        target, _ = QFileDialog.getSaveFileName(self, f"Export timeline as {kind.upper()}", str(suggested), filters)
        if target:
            self.export(Path(target), kind)

    def export(self, target: Path, kind: str) -> None:
        """Write the timeline as shown to `target` (PNG or SVG) off the GUI thread."""
        if self._lane_set is None or not self._lane_set.lanes:
            return
        lanes = self._lane_set.lanes
        note = ""
        if len(lanes) > EXPORT_ALL_LANES:
            first_lane, last_lane = self.canvas.visible_lane_range()
            shown = lanes[first_lane:last_lane + 1]
            note = (f"Lanes {first_lane + 1:,}–{last_lane + 1:,} of {len(lanes):,}, as shown on screen; narrow the "
                    "facts table's filter to export others.")
            lanes = shown
        first_day, last_day = self.canvas.visible_days()
        query = self._query
        title = self._picture_title(first_day, last_day)

        def write(conn, _report) -> Path:
            region = timeline.region(conn, query, [lane.key for lane in lanes], first_day, last_day)
            picture = TimelinePicture(lanes=lanes, first_day=first_day, last_day=last_day, items=region.items,
                                      cells=region.cells, title=title, note=note)
            svg = timeline_svg(picture, width=1400)
            if kind == "svg":
                _write_atomically(target, svg.encode("utf-8"))
            else:
                _write_atomically(target, svg_to_png(svg))
            return target

        self._reader.request(f"export {target}", write, lambda path: self.message.emit(f"Timeline exported to {path}."),
                             lambda problem: self.message.emit(f"The timeline was not exported: {problem}"))

    def _picture_title(self, first_day: int, last_day: int) -> str:
        noun = "subject" if self._query.grouping is Grouping.SUBJECT else "property"
        span = f"{date.fromordinal(first_day).isoformat()} to {date.fromordinal(last_day).isoformat()}"
        words = self._query.listing.search_text.strip()
        status = self._query.listing.status
        matching = "".join([f", matching “{words}”" if words else "", f", {status.value} only" if status else ""])
        return f"Facts by {noun}, {span}{matching}"

    def wait(self) -> None:
        """Block until background reads are done (tests, closing)."""
        self._reader.wait()


def svg_to_png(svg: str, scale: int = _PNG_SCALE) -> bytes:
    """An SVG drawn to PNG bytes by Qt's SVG renderer (safe off the GUI thread: QImage, not a widget)."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(size * scale, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter, QRectF(0, 0, size.width() * scale, size.height() * scale))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def _write_atomically(target: Path, data: bytes) -> None:
    from kzeu_desk.core.export.common import atomic_output

    with atomic_output(target, binary=True) as handle:
        handle.write(data)


class _Legend(QWidget):
    """What the colours and outlines mean, drawn with the marks' own painter."""

    _ENTRIES = (("draft", "Draft"), ("confirmed", "Confirmed"), ("disputed", "Disputed"), ("rejected", "Rejected"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolTip("Fill: the fact's status, as in the source highlights. Bold outline and ★: preferred. "
                        "Dashed and faded: deprecated. Red outline and !: in an open conflict. "
                        "Busy lanes show facts per year, stacked by status.")

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        words = [word for _status, word in self._ENTRIES] + ["Preferred", "Deprecated", "Conflict"]
        return QSize(sum(metrics.horizontalAdvance(word) + 26 for word in words), metrics.height() + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        x, middle = 2.0, self.height() / 2
        text_colour = self.palette().color(self.foregroundRole())
        entries = [(STATUS_RGB[status], word, {}) for status, word in self._ENTRIES]
        entries += [((255, 255, 255), "Preferred", {"bold": True, "outline": text_colour, "alpha": 0}),
                    ((255, 255, 255), "Deprecated", {"dashed": True, "outline": text_colour, "alpha": 0}),
                    ((255, 255, 255), "Conflict", {"bold": True, "outline": colour(CONFLICT_RGB), "alpha": 0})]
        for rgb, word, style in entries:
            swatch(painter, QRectF(x, middle - 5, 16, 10), rgb, **style)
            painter.setPen(text_colour)
            painter.drawText(QPointF(x + 20, middle + metrics.ascent() / 2 - 1), word)
            x += 26 + metrics.horizontalAdvance(word)
        painter.end()
