"""The timeline's drawing surface: lanes of fact marks on a zoomable time axis.

A QGraphicsView whose scene is as wide as the time span at the current zoom and as tall as all
lanes; a fixed column of lane names sits at its left and the time axis at its top (viewport
margins, like a table's headers). Nothing is read here: the canvas asks for the region on screen
(`region_wanted`, with a margin around it) and draws what it is given (`show_region`). Lanes of
that region get one graphics item each, which paints its marks; lanes scrolled far away have none.

A lane is as tall as the tracks its marks need at the current zoom (core.timeline_layout), so a
lane grows when zooming out crowds its facts; the lane at the top of the view stays where it is.
Only lanes whose facts have been read are measured; the rest keep their last (or the least) height.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent, QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QMenu, QToolTip, QWidget

from kzeu_desk.core.timeline import DensityCell, Lane, LaneSet, Region, TimelineItem
from kzeu_desk.core.timeline_layout import (
    DENSE_TRACKS, MAX_TRACKS, MIN_TRACKS, Mark, MarkShape, Overflow, place_marks, ticks, tracks_used, year_span,
)
from kzeu_desk.ui.fact_style import MarkPainter
from kzeu_desk.ui.plain_text import plain_tooltip

LABEL_COLUMN_WIDTH = 210
AXIS_HEIGHT = 26
LANE_PADDING = 5
MAX_PIXELS_PER_DAY = 48.0  # a day two words wide: closer than that shows nothing new
EDGE_DAYS = 120  # room left and right of the first and last fact
REGION_LANE_MARGIN = 12  # lanes read above and below the ones on screen, for smooth scrolling
REGION_DELAY_MS = 30  # scrolling and zooming settle this long before a region is asked for
ZOOM_STEP = 1.25


@dataclass
class _LaneDrawing:
    """One lane's marks at the current zoom, or its per-year cells when it is busy."""

    items: list[TimelineItem] = field(default_factory=list)
    cells: list[DensityCell] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    overflow: list[Overflow] = field(default_factory=list)
    tracks: int = MIN_TRACKS


@dataclass(frozen=True)
class Hit:
    """What is under a point of the canvas."""

    lane: Lane
    mark: Mark | None = None
    overflow: Overflow | None = None
    cell: DensityCell | None = None


class _LaneItem(QGraphicsItem):
    def __init__(self, canvas: TimelineCanvas, index: int):
        super().__init__()
        self._canvas = canvas
        self.index = index
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._canvas.scene_width, self._canvas.lane_height(self.index))

    def paint(self, painter: QPainter, option, _widget=None) -> None:
        self._canvas.paint_lane(painter, self.index, option.exposedRect)

    def geometry_changed(self) -> None:
        self.prepareGeometryChange()


class TimelineCanvas(QGraphicsView):
    fact_clicked = Signal(int)  # fact id
    region_wanted = Signal(object, int, int)  # lane keys (tuple), first day, last day (ordinals)
    cell_facts_wanted = Signal(object, int, QPointF)  # Lane, year, global position for the list
    view_changed = Signal()  # zoom or scroll: the visible window moved

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName("Timeline lanes")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setScene(QGraphicsScene(self))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportMargins(LABEL_COLUMN_WIDTH, AXIS_HEIGHT, 0, 0)
        # Whole repaints (3-9 ms a screen at 100k facts): labels of bars that began off screen stay
        # at the view's left edge, so a horizontal scroll changes more than the strip it exposes.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        # Always there, so fitting the span to the width does not make it appear and take the width away.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setMouseTracking(True)
        self.lane_labels = _LaneLabels(self)
        self.axis = _Axis(self)
        self._painter = MarkPainter(self.palette(), self.font())
        self.track_height = float(self.fontMetrics().height() + 6)
        self._lanes: tuple[Lane, ...] = ()
        self._heights: list[float] = []
        self._tops: list[float] = [0.0]
        self._origin_day = date(2000, 1, 1).toordinal()
        self._end_day = self._origin_day + 365
        self.pixels_per_day = 0.1
        self._drawings: dict[int, _LaneDrawing] = {}
        self._items: dict[int, _LaneItem] = {}
        self._region: Region | None = None
        self._asked: tuple[tuple[int, ...], int, int] | None = None
        self.selected_fact: int | None = None
        self._fitted = True  # the whole span is shown: resizing keeps it so
        self._region_timer = QTimer(self, singleShot=True, interval=REGION_DELAY_MS)
        self._region_timer.timeout.connect(self._ask_for_region)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # -- what is shown -------------------------------------------------------------------------

    @property
    def lanes(self) -> tuple[Lane, ...]:
        return self._lanes

    @property
    def scene_width(self) -> float:
        return max(1.0, (self._end_day - self._origin_day) * self.pixels_per_day)

    @property
    def region(self) -> Region | None:
        return self._region

    def lane_height(self, index: int) -> float:
        return self._heights[index] if 0 <= index < len(self._heights) else 0.0

    def lane_top(self, index: int) -> float:
        return self._tops[index]

    def set_lanes(self, lane_set: LaneSet, *, keep_view: bool) -> None:
        """Show these lanes; keep the zoom and what is on screen when `keep_view`, else fit the span."""
        window = self.visible_days() if keep_view and self._lanes else None
        top_key = self._lanes[self.first_visible_lane()].key if keep_view and self._lanes else None
        previous = {lane.key: height for lane, height in zip(self._lanes, self._heights)}
        self._lanes = lane_set.lanes
        least = self._least_height()
        self._heights = [previous.get(lane.key, least) for lane in self._lanes]
        self._drawings.clear()
        self._region = None
        self._asked = None
        for item in self._items.values():
            self.scene().removeItem(item)
        self._items.clear()
        first, last = lane_set.first_day, lane_set.last_day
        if first is None or last is None:
            first = last = date.today().toordinal()
        self._origin_day, self._end_day = first - EDGE_DAYS, last + 1 + EDGE_DAYS
        self._recompute_tops()
        if window is None or self._fitted:
            self.fit()
        else:
            self._set_scale(self.pixels_per_day)
            self._show_days(*window)
            if top_key is not None:
                index = next((number for number, lane in enumerate(self._lanes) if lane.key == top_key), 0)
                self.verticalScrollBar().setValue(int(self._tops[index]))
        self._schedule_region()

    def show_region(self, region: Region) -> None:
        """Draw the facts and counts read for a region (the answer to `region_wanted`)."""
        self._region = region
        self._drawings = {key: _LaneDrawing() for key in region.lanes}
        for item in region.items:
            self._drawings.setdefault(item.lane, _LaneDrawing()).items.append(item)
        for cell in region.cells:
            self._drawings.setdefault(cell.lane, _LaneDrawing()).cells.append(cell)
        self._lay_out(keep_top=True)
        self._sync_items()
        self.viewport().update()
        self.lane_labels.update()

    def set_selected_fact(self, fact_id: int | None) -> None:
        if fact_id != self.selected_fact:
            self.selected_fact = fact_id
            self.viewport().update()

    def marks_of(self, lane_key: int) -> list[Mark]:
        drawing = self._drawings.get(lane_key)
        return list(drawing.marks) if drawing else []

    def cells_of(self, lane_key: int) -> list[DensityCell]:
        drawing = self._drawings.get(lane_key)
        return list(drawing.cells) if drawing else []

    def overflow_of(self, lane_key: int) -> list[Overflow]:
        drawing = self._drawings.get(lane_key)
        return list(drawing.overflow) if drawing else []

    # -- coordinates -----------------------------------------------------------------------------

    def x_of_day(self, day: float) -> float:
        return (day - self._origin_day) * self.pixels_per_day

    def day_at(self, x: float) -> float:
        return self._origin_day + x / self.pixels_per_day

    def visible_days(self) -> tuple[int, int]:
        area = self.mapToScene(self.viewport().rect()).boundingRect()
        return int(self.day_at(max(0.0, area.left()))), int(self.day_at(min(self.scene_width, area.right()))) + 1

    def first_visible_lane(self) -> int:
        return self.lane_at(self.mapToScene(0, 0).y())

    def lane_at(self, y: float) -> int:
        return max(0, min(len(self._lanes) - 1, bisect_right(self._tops, y) - 1))

    def visible_lane_range(self) -> tuple[int, int]:
        area = self.mapToScene(self.viewport().rect()).boundingRect()
        return self.lane_at(area.top()), self.lane_at(area.bottom())

    # -- zoom ------------------------------------------------------------------------------------

    def fit(self) -> None:
        """The whole time span in the width of the view."""
        self._fitted = True
        self._set_scale(self.fit_pixels_per_day())
        self.horizontalScrollBar().setValue(0)
        self.view_changed.emit()

    def fit_pixels_per_day(self) -> float:
        return max(100, self.viewport().width() - 8) / max(1, self._end_day - self._origin_day)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by `factor` keeping the day under viewport x `anchor_x` (default: the middle) in place."""
        anchor = self.viewport().width() / 2 if anchor_x is None else anchor_x
        anchored_day = self.day_at(self.mapToScene(int(anchor), 0).x())
        lowest = min(self.fit_pixels_per_day(), self.pixels_per_day)
        self._fitted = False
        self._set_scale(max(lowest, min(MAX_PIXELS_PER_DAY, self.pixels_per_day * factor)))
        self.horizontalScrollBar().setValue(int(self.x_of_day(anchored_day) - anchor))
        self.view_changed.emit()

    def show_days(self, first_day: int, last_day: int) -> None:
        """Zoom so that first_day..last_day fills the view."""
        width = max(100, self.viewport().width() - 8)
        self._fitted = False
        self._set_scale(max(self.fit_pixels_per_day(), min(MAX_PIXELS_PER_DAY, width / max(1, last_day - first_day + 1))))
        self._show_days(first_day, last_day)
        self.view_changed.emit()

    def _show_days(self, first_day: int, _last_day: int) -> None:
        self.horizontalScrollBar().setValue(int(self.x_of_day(first_day)))

    def _set_scale(self, pixels_per_day: float) -> None:
        self.pixels_per_day = pixels_per_day
        self._lay_out(keep_top=True)
        self._schedule_region()

    # -- layout ------------------------------------------------------------------------------------

    def _least_height(self) -> float:
        return MIN_TRACKS * self.track_height + 2 * LANE_PADDING

    def _lay_out(self, *, keep_top: bool) -> None:
        """Place every read lane's marks at the current zoom and size the lanes to them."""
        top_index = self.first_visible_lane() if self._lanes else 0
        top_offset = self.mapToScene(0, 0).y() - self._tops[top_index] if self._lanes else 0.0
        width = self.scene_width
        index_of = {lane.key: number for number, lane in enumerate(self._lanes)}
        for key, drawing in self._drawings.items():
            if drawing.cells:
                drawing.marks, drawing.overflow, drawing.tracks = [], [], DENSE_TRACKS
            else:
                drawing.marks, drawing.overflow = place_marks(drawing.items, self.x_of_day, left=0.0, right=width)
                drawing.tracks = tracks_used(drawing.marks, drawing.overflow)
            if key in index_of:
                self._heights[index_of[key]] = drawing.tracks * self.track_height + 2 * LANE_PADDING
        self._recompute_tops()
        for item in self._items.values():
            item.geometry_changed()
            item.setPos(0, self._tops[item.index])
        if keep_top and self._lanes:
            self.verticalScrollBar().setValue(int(self._tops[min(top_index, len(self._lanes) - 1)] + top_offset))
        self.viewport().update()
        self.lane_labels.update()
        self.axis.update()

    def _recompute_tops(self) -> None:
        tops = [0.0]
        for height in self._heights:
            tops.append(tops[-1] + height)
        self._tops = tops
        self.scene().setSceneRect(0, 0, self.scene_width, max(tops[-1], 1.0))

    def _sync_items(self) -> None:
        """A graphics item for each lane whose facts were read; none for the others."""
        wanted = {number for number, lane in enumerate(self._lanes) if lane.key in self._drawings}
        for index in list(self._items):
            if index not in wanted:
                self.scene().removeItem(self._items.pop(index))
        for index in wanted - set(self._items):
            item = _LaneItem(self, index)
            item.setPos(0, self._tops[index])
            self.scene().addItem(item)
            self._items[index] = item

    # -- asking for data -------------------------------------------------------------------------

    def _scrolled(self) -> None:
        self.lane_labels.update()
        self.axis.update()
        self._schedule_region()
        self.view_changed.emit()

    def _schedule_region(self) -> None:
        if self._lanes:
            self._region_timer.start()

    def _ask_for_region(self) -> None:
        if not self._lanes:
            return
        first_lane, last_lane = self.visible_lane_range()
        first_day, last_day = self.visible_days()
        if self._covers(first_lane, last_lane, first_day, last_day):
            return
        low = max(0, first_lane - REGION_LANE_MARGIN)
        high = min(len(self._lanes) - 1, last_lane + REGION_LANE_MARGIN)
        span = last_day - first_day
        window = (max(self._origin_day, first_day - span // 2), min(self._end_day, last_day + span // 2))
        keys = tuple(lane.key for lane in self._lanes[low:high + 1])
        asked = (keys, *window)
        if asked != self._asked:
            self._asked = asked
            self.region_wanted.emit(keys, *window)

    def _covers(self, first_lane: int, last_lane: int, first_day: int, last_day: int) -> bool:
        """Whether the region already read holds what is on screen, read for about this zoom
        (a region read for a much wider window would draw busy lanes as counts needlessly)."""
        region = self._asked_region()
        if region is None:
            return False
        keys, region_first, region_last = region
        needed = {lane.key for lane in self._lanes[first_lane:last_lane + 1]}
        if not needed <= set(keys) or first_day < region_first or last_day > region_last:
            return False
        return (region_last - region_first) <= 4 * max(1, last_day - first_day)

    def _asked_region(self) -> tuple[tuple[int, ...], int, int] | None:
        return self._asked

    def forget_region(self) -> None:
        """The data changed: ask again for what is on screen."""
        self._asked = None
        self._schedule_region()

    # -- painting ----------------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, exposed: QRectF | QRect) -> None:
        rect = QRectF(exposed)
        base = self.palette().color(QPalette.ColorRole.Base)
        alternate = self.palette().color(QPalette.ColorRole.AlternateBase)
        painter.fillRect(rect, base)
        if not self._lanes:
            return
        first, last = self.lane_at(rect.top()), self.lane_at(rect.bottom())
        for index in range(first, last + 1):
            if index % 2:
                painter.fillRect(QRectF(rect.left(), self._tops[index], rect.width(), self._heights[index]), alternate)
        grid = self.palette().color(QPalette.ColorRole.Mid)
        minor = QColor(grid)
        minor.setAlpha(60)
        major = QColor(grid)
        major.setAlpha(150)
        first_day, last_day = int(self.day_at(max(0.0, rect.left()))), int(self.day_at(rect.right())) + 1
        for tick in ticks(first_day, last_day, self.pixels_per_day):
            x = self.x_of_day(tick.day)
            painter.setPen(QPen(major if tick.major else minor, 1.0))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

    def paint_lane(self, painter: QPainter, index: int, exposed: QRectF) -> None:
        drawing = self._drawings.get(self._lanes[index].key) if index < len(self._lanes) else None
        if drawing is None:
            return
        top = LANE_PADDING
        track = self.track_height
        for cell in drawing.cells:
            first, last = year_span(cell.year)
            x0, x1 = self.x_of_day(first) + 1, self.x_of_day(last + 1) - 1
            if x1 < exposed.left() or x0 > exposed.right():
                continue
            self._painter.year_cell(painter, QRectF(x0, top + 1, max(1.0, x1 - x0), DENSE_TRACKS * track - 2),
                                    cell.by_status, cell.facts, cell.open_conflicts)
        for mark in drawing.marks:
            if mark.x1 + mark.room < exposed.left() or mark.x0 > exposed.right():
                continue
            item = mark.item
            rect = QRectF(mark.x0, top + mark.track * track + 2, max(1.0, mark.x1 - mark.x0), track - 4)
            self._painter.fact_mark(painter, rect, diamond=mark.shape is MarkShape.DIAMOND, status=item.status,
                                    rank=item.rank, in_conflict=item.open_conflicts > 0,
                                    selected=item.fact_id == self.selected_fact,
                                    open_start=mark.open_start, open_end=mark.open_end)
            label_rect = self._label_rect(mark, rect)
            if label_rect is not None:
                self._painter.label(painter, label_rect, item.label, status=item.status, rank=item.rank)
        for chip in drawing.overflow:
            self._painter.chip(painter, self._chip_rect(chip), f"+{len(chip.items)}")

    def _label_rect(self, mark: Mark, rect: QRectF) -> QRectF | None:
        """Where a mark's label goes: inside a bar when it fits there (starting at the view's left
        edge for a bar that began off screen), else to its right when there is more room there."""
        needed = self.fontMetrics().horizontalAdvance(mark.item.label) + 12
        visible_left = max(rect.left(), self.mapToScene(0, 0).x())
        inside = QRectF(visible_left + 5, rect.top(), rect.right() - visible_left - 9, rect.height())
        outside = QRectF(rect.right() + 6, rect.top() - 1, mark.room - 8, rect.height() + 2)
        if mark.shape is MarkShape.BAR and (inside.width() >= needed or
                                            (inside.width() >= 60 and inside.width() >= outside.width())):
            return inside
        return outside if outside.width() >= 24 else None

    def _chip_rect(self, chip: Overflow) -> QRectF:
        width = max(26.0, self.fontMetrics().horizontalAdvance(f"+{len(chip.items)}") + 12)
        return QRectF(chip.x0, LANE_PADDING + (MAX_TRACKS - 1) * self.track_height + 2, width, self.track_height - 4)

    # -- finding what is under the mouse -------------------------------------------------------------

    def hit(self, viewport_position: QPointF) -> Hit | None:
        scene = self.mapToScene(viewport_position.toPoint())
        if not self._lanes or scene.y() >= self._tops[-1]:
            return None
        index = self.lane_at(scene.y())
        lane = self._lanes[index]
        drawing = self._drawings.get(lane.key)
        if drawing is None:
            return Hit(lane)
        y = scene.y() - self._tops[index] - LANE_PADDING
        x = scene.x()
        for chip in drawing.overflow:
            if self._chip_rect(chip).contains(QPointF(x, y)):
                return Hit(lane, overflow=chip)
        track = int(y // self.track_height)
        for mark in drawing.marks:
            if mark.track != track:
                continue
            rect = QRectF(mark.x0 - 2, 0, mark.x1 - mark.x0 + 4, 1)
            label = self._label_rect(mark, QRectF(mark.x0, 0, mark.x1 - mark.x0, 1))
            reach = label.right() if label is not None else rect.right()
            if rect.left() <= x <= max(rect.right(), min(reach, rect.right() + self._label_width(mark))):
                return Hit(lane, mark=mark)
        for cell in drawing.cells:
            first, last = year_span(cell.year)
            if self.x_of_day(first) <= x <= self.x_of_day(last + 1) and 0 <= y <= DENSE_TRACKS * self.track_height:
                return Hit(lane, cell=cell)
        return Hit(lane)

    def _label_width(self, mark: Mark) -> float:
        return self.fontMetrics().horizontalAdvance(mark.item.label) + 12

    # -- events ----------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.hit(event.position())
            if hit is not None and hit.mark is not None:
                self.fact_clicked.emit(hit.mark.item.fact_id)
                event.accept()
                return
            if hit is not None and hit.overflow is not None:
                self._list_facts(hit.overflow.items, event.globalPosition())
                event.accept()
                return
            if hit is not None and hit.cell is not None:
                self.cell_facts_wanted.emit(hit.lane, hit.cell.year, event.globalPosition())
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            hit = self.hit(event.position())
            pointing = hit is not None and (hit.mark or hit.overflow or hit.cell) is not None
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.OpenHandCursor)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            hit = self.hit(QPointF(help_event.pos()))
            text = self._tooltip(hit) if hit is not None else None
            if text:
                QToolTip.showText(help_event.globalPos(), plain_tooltip(text), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip(self, hit: Hit) -> str | None:
        if hit.mark is not None:
            return hit.mark.item.description + "\nClick to show its evidence."
        if hit.overflow is not None:
            return f"{len(hit.overflow.items)} more facts here; click to list them."
        if hit.cell is not None:
            cell = hit.cell
            statuses = ", ".join(f"{count:,} {status}" for status, count in cell.by_status)
            conflicts = f"\n{cell.open_conflicts:,} in open conflicts" if cell.open_conflicts else ""
            return (f"{hit.lane.name}, {cell.year}: {cell.facts:,} facts ({statuses}){conflicts}\n"
                    "Click to list them or zoom in.")
        return None

    def _list_facts(self, items: tuple[TimelineItem, ...], position: QPointF) -> None:
        menu = QMenu(self)
        for item in items[:40]:
            action = menu.addAction(f"{item.label} ({item.time_text})".replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, fact_id=item.fact_id: self.fact_clicked.emit(fact_id))
        if len(items) > 40:
            menu.addAction(f"…and {len(items) - 40} more: zoom in to see them").setEnabled(False)
        menu.popup(position.toPoint())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and steps:
            self.zoom(ZOOM_STEP ** steps, event.position().x())
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and steps:
            bar = self.horizontalScrollBar()
            bar.setValue(int(bar.value() - steps * bar.singleStep() * 3))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        viewport = self.viewport().geometry()
        self.lane_labels.setGeometry(viewport.left() - LABEL_COLUMN_WIDTH, viewport.top(), LABEL_COLUMN_WIDTH,
                                     viewport.height())
        self.axis.setGeometry(viewport.left() - LABEL_COLUMN_WIDTH, viewport.top() - AXIS_HEIGHT,
                              viewport.width() + LABEL_COLUMN_WIDTH, AXIS_HEIGHT)
        if self._fitted or self.pixels_per_day < self.fit_pixels_per_day():
            self._set_scale(self.fit_pixels_per_day())
        self._schedule_region()

    def sizeHint(self) -> QSize:
        # Modest, as the facts table's: tabbed with it, a larger hint would push the source text up.
        return QSize(700, 180)


class _LaneLabels(QWidget):
    """The fixed column of lane names left of the lanes."""

    def __init__(self, canvas: TimelineCanvas):
        super().__init__(canvas)
        self._canvas = canvas
        self.setMouseTracking(True)

    def paintEvent(self, _event: QPaintEvent) -> None:
        canvas = self._canvas
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        if canvas.lanes:
            offset = canvas.mapToScene(0, 0).y()
            first, last = canvas.visible_lane_range()
            metrics = self.fontMetrics()
            for index in range(first, last + 1):
                top = canvas.lane_top(index) - offset
                height = canvas.lane_height(index)
                if index % 2:
                    painter.fillRect(QRectF(0, top, self.width(), height), palette.color(QPalette.ColorRole.AlternateBase))
                lane = canvas.lanes[index]
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                name = metrics.elidedText(lane.name, Qt.TextElideMode.ElideRight, self.width() - 16)
                painter.drawText(QRectF(8, top + LANE_PADDING, self.width() - 16, metrics.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
                if height >= 2 * metrics.height() + LANE_PADDING:
                    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                    count = f"{lane.facts:,} fact{'s' if lane.facts != 1 else ''}"
                    painter.drawText(QRectF(8, top + LANE_PADDING + metrics.height(), self.width() - 16, metrics.height()),
                                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), count)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._canvas.lanes:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            index = self._canvas.lane_at(self._canvas.mapToScene(0, 0).y() + help_event.pos().y())
            lane = self._canvas.lanes[index]
            QToolTip.showText(help_event.globalPos(), plain_tooltip(f"{lane.name}\n{lane.facts:,} facts with a time"), self)
            return True
        return super().event(event)


class _Axis(QWidget):
    """The time axis above the lanes."""

    def __init__(self, canvas: TimelineCanvas):
        super().__init__(canvas)
        self._canvas = canvas

    def paintEvent(self, _event: QPaintEvent) -> None:
        canvas = self._canvas
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        first_day, last_day = canvas.visible_days()
        offset = canvas.mapToScene(0, 0).x()
        bold = self.font()
        bold.setBold(True)
        for tick in ticks(first_day - 1, last_day, canvas.pixels_per_day):
            x = LABEL_COLUMN_WIDTH + canvas.x_of_day(tick.day) - offset
            if x < LABEL_COLUMN_WIDTH:
                continue
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(QPointF(x, self.height() - (9 if tick.major else 5)), QPointF(x, self.height()))
            painter.setPen(palette.color(QPalette.ColorRole.Text if tick.major else QPalette.ColorRole.PlaceholderText))
            painter.setFont(bold if tick.major else self.font())
            painter.drawText(QPointF(x + 3, self.height() - 9), tick.label)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()
