"""How a fact looks in the whole-base views: its status hue (the source highlights' hue), its rank,
and whether it sits in an open conflict. One place, so the timeline, the agreement matrix and the
overview say the same thing with the same marks (core.palette holds the colours themselves).

* draft amber, confirmed green, disputed rose, rejected grey: filled half-transparent, as in the text;
* rejected: grey, struck through, faded; deprecated: dashed outline, faded; preferred: bold outline
  and a star;
* in an open conflict: a red outline and a red "!" badge.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygonF

from kzeu_desk.core.palette import CONFLICT_RGB, RGB, SETTLED_RGB, darker, status_rgb

PREFERRED_MARK = "★ "


def colour(rgb: RGB, alpha: int = 255) -> QColor:
    return QColor(rgb[0], rgb[1], rgb[2], alpha)


def status_colour(status: str | None, alpha: int = 255) -> QColor:
    return colour(status_rgb(status), alpha)


CONFLICT_COLOUR = colour(CONFLICT_RGB)
SETTLED_COLOUR = colour(SETTLED_RGB)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


class MarkPainter:
    """Paints fact marks (bars and diamonds), overflow chips and per-year cells with QPainter."""

    def __init__(self, palette: QPalette, font: QFont):
        self.palette = palette
        self.dark = is_dark(palette)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.muted = palette.color(QPalette.ColorRole.PlaceholderText)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.font = QFont(font)
        self.struck = QFont(font)
        self.struck.setStrikeOut(True)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small_bold = QFont(self.bold)
        self.small_bold.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        self._fill_alpha = 150 if self.dark else 125

    def fact_mark(self, painter: QPainter, rect: QRectF, *, diamond: bool, status: str, rank: str,
                  in_conflict: bool, selected: bool, open_start: bool = False, open_end: bool = False) -> None:
        rejected, deprecated, preferred = status == "rejected", rank == "deprecated", rank == "preferred"
        painter.save()
        if rejected or deprecated:
            painter.setOpacity(0.55)
        hue = status_rgb(status)
        fill = colour(hue, 70 if rejected else self._fill_alpha)
        edge = CONFLICT_COLOUR if in_conflict else colour(darker(hue, 1.25 if self.dark else 0.7))
        pen = QPen(edge, 2.0 if (preferred or in_conflict) else 1.0)
        if deprecated:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        if diamond:
            centre, radius = rect.center(), rect.height() / 2 + 1
            painter.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() - radius), QPointF(centre.x() + radius, centre.y()),
                                           QPointF(centre.x(), centre.y() + radius), QPointF(centre.x() - radius, centre.y())]))
        else:
            painter.drawRoundedRect(rect, 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for open_side, x, direction in ((open_start, rect.left() + 6, -1), (open_end, rect.right() - 6, 1)):
                if open_side:  # a chevron pointing the way the range runs on
                    path = QPainterPath(QPointF(x - 3 * direction, rect.top() + 2))
                    path.lineTo(x + 2 * direction, rect.center().y())
                    path.lineTo(x - 3 * direction, rect.bottom() - 2)
                    painter.drawPath(path)
        painter.restore()
        if in_conflict:
            self.conflict_badge(painter, QPointF(rect.right(), rect.top()))
        if selected:
            painter.save()
            painter.setPen(QPen(self.highlight, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 4, 4)
            painter.restore()

    def conflict_badge(self, painter: QPainter, centre: QPointF, radius: float = 5.5) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CONFLICT_COLOUR)
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(QColor(255, 255, 255))
        painter.setFont(self.small_bold)
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                         Qt.AlignmentFlag.AlignCenter, "!")
        painter.restore()

    def label(self, painter: QPainter, rect: QRectF, text: str, *, status: str, rank: str) -> None:
        """A mark's label, elided to `rect`."""
        rejected, faded = status == "rejected", status == "rejected" or rank == "deprecated"
        painter.save()
        font = self.struck if rejected else self.font
        painter.setFont(font)
        painter.setPen(self.muted if faded else self.text)
        shown = (PREFERRED_MARK if rank == "preferred" else "") + text
        elided = painter.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
        painter.restore()

    def chip(self, painter: QPainter, rect: QRectF, text: str) -> None:
        painter.save()
        painter.setPen(QPen(self.muted, 1.0))
        painter.setBrush(self.palette.color(QPalette.ColorRole.Button))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(self.text)
        painter.setFont(self.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def year_cell(self, painter: QPainter, rect: QRectF, by_status: tuple[tuple[str, int], ...], facts: int,
                  open_conflicts: int) -> None:
        """A busy lane's year: its facts stacked by status, their number, a red top edge for conflicts."""
        painter.save()
        painter.setPen(QPen(self.muted, 0.6))
        painter.setBrush(self.palette.color(QPalette.ColorRole.Base))
        painter.drawRect(rect)
        painter.setPen(Qt.PenStyle.NoPen)
        bottom = rect.bottom()
        for status, count in by_status:
            share = rect.height() * count / max(1, facts)
            painter.setBrush(status_colour(status, self._fill_alpha))
            painter.drawRect(QRectF(rect.left(), bottom - share, rect.width(), share))
            bottom -= share
        if open_conflicts:
            painter.setBrush(CONFLICT_COLOUR)
            painter.drawRect(QRectF(rect.left(), rect.top(), rect.width(), 3))
        painter.setFont(self.bold)
        text = f"{facts:,}"
        if painter.fontMetrics().horizontalAdvance(text) + 4 <= rect.width():
            painter.setPen(self.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def swatch(painter: QPainter, rect: QRectF, rgb: RGB, *, outline: QColor | None = None, dashed: bool = False,
           bold: bool = False, alpha: int = 125) -> None:
    """A legend swatch."""
    painter.save()
    pen = QPen(outline if outline is not None else colour(darker(rgb)), 2.0 if bold else 1.0)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QBrush(colour(rgb, alpha)))
    painter.drawRoundedRect(rect, 3, 3)
    painter.restore()
