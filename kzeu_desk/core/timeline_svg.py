"""The timeline as a standalone SVG picture: for File > Export and for the report.

Drawn from the same reads (core.timeline) and the same placement (core.timeline_layout) as the view,
with the same meaning of colour and line: status hues as in the source highlights, rejected facts
grey and struck through, deprecated ones dashed and faded, preferred ones outlined bold with a star,
facts in an open conflict ringed in red with a "!" badge. Presentation attributes only (no CSS
classes), so Qt's SVG renderer (used for PNG export) and browsers draw it alike. Every text is
escaped (core.markup); each mark carries a <title> a browser shows on hover, and `link_of` can
make it a link (the report links marks to their facts).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from kzeu_desk.core import markup
from kzeu_desk.core.palette import CONFLICT_RGB, darker, hex_colour, status_rgb
from kzeu_desk.core.timeline import DensityCell, Lane, TimelineItem
from kzeu_desk.core.timeline_layout import (
    DENSE_TRACKS, MAX_TRACKS, MIN_TRACKS, Mark, MarkShape, Overflow, place_marks, ticks, tracks_used, year_span,
)

LABEL_WIDTH = 210
AXIS_HEIGHT = 30
TRACK_HEIGHT = 17
LANE_PADDING = 6
LEGEND_HEIGHT = 44
FONT = "DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif"
CHARACTER_WIDTH = 6.3  # average advance of the 11 px label font, for cutting labels to their room


@dataclass(frozen=True)
class TimelinePicture:
    lanes: Sequence[Lane]
    first_day: int
    last_day: int
    items: Sequence[TimelineItem] = ()
    cells: Sequence[DensityCell] = ()
    title: str = ""
    note: str = ""  # e.g. "The first 150 of 4,012 lanes"
    grouping_word: str = "subject"
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _LaneLayout:
    lane: Lane
    top: float
    height: float
    marks: list[Mark]
    overflow: list[Overflow]
    cells: list[DensityCell]


def timeline_svg(picture: TimelinePicture, *, width: int = 1200,
                 link_of: Callable[[int], str | None] | None = None) -> str:
    """The picture as an SVG document (text)."""
    plot_left, plot_right = LABEL_WIDTH, width - 12
    span = max(1, picture.last_day - picture.first_day + 1)
    pixels_per_day = (plot_right - plot_left) / span

    def x_of_day(day: float) -> float:
        return plot_left + (day - picture.first_day) * pixels_per_day

    top = AXIS_HEIGHT + (22 if picture.title else 0)
    layouts = _lay_out_lanes(picture, x_of_day, top, plot_left, plot_right)
    bottom = layouts[-1].top + layouts[-1].height if layouts else top + lane_height(MIN_TRACKS)
    height = bottom + LEGEND_HEIGHT + (18 if picture.note else 0)
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0f}" '
        f'viewBox="0 0 {width} {height:.0f}" font-family="{FONT}" font-size="11">',
        f'<rect x="0" y="0" width="{width}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    if picture.title:
        out.append(f'<text x="8" y="17" font-size="14" font-weight="bold" fill="#1d2330">'
                   f'{markup.text(picture.title)}</text>')
    for number, layout in enumerate(layouts):
        if number % 2:
            out.append(f'<rect x="0" y="{layout.top:.1f}" width="{width}" height="{layout.height:.1f}" fill="#f4f6f9"/>')
        name = markup.shortened(layout.lane.name, int((LABEL_WIDTH - 16) / CHARACTER_WIDTH))
        out.append(f'<text x="8" y="{layout.top + min(layout.height / 2, 22) + 4:.1f}" fill="#1d2330"><title>'
                   f'{markup.text(layout.lane.name)} ({layout.lane.facts:,} facts)</title>{markup.text(name)}</text>')
    out.append(_axis(picture, pixels_per_day, x_of_day, top, bottom, plot_left, plot_right))
    for layout in layouts:
        inner_top = layout.top + LANE_PADDING
        out.extend(_mark(mark, inner_top, link_of) for mark in layout.marks)
        out.extend(_overflow(chip, inner_top) for chip in layout.overflow)
        out.extend(_cell(cell, x_of_day, inner_top) for cell in layout.cells)
    out.append(f'<line x1="{plot_left}" y1="{top}" x2="{plot_left}" y2="{bottom:.1f}" stroke="#9aa3b0"/>')
    out.append(_legend(bottom + 10, width))
    if picture.note:
        out.append(f'<text x="8" y="{height - 6:.0f}" fill="#505a68">{markup.text(picture.note)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def lane_height(tracks: int) -> float:
    return tracks * TRACK_HEIGHT + 2 * LANE_PADDING


def _lay_out_lanes(picture: TimelinePicture, x_of_day: Callable[[float], float], top: float, plot_left: float,
                   plot_right: float) -> list[_LaneLayout]:
    items_by_lane: dict[int, list[TimelineItem]] = {}
    for item in picture.items:
        items_by_lane.setdefault(item.lane, []).append(item)
    cells_by_lane: dict[int, list[DensityCell]] = {}
    for cell in picture.cells:
        cells_by_lane.setdefault(cell.lane, []).append(cell)
    layouts = []
    for lane in picture.lanes:
        marks, overflow = place_marks(items_by_lane.get(lane.key, ()), x_of_day, left=plot_left - 2,
                                      right=plot_right + 2)
        cells = cells_by_lane.get(lane.key, [])
        tracks = max(tracks_used(marks, overflow), DENSE_TRACKS if cells else 0)
        layouts.append(_LaneLayout(lane, top, lane_height(tracks), marks, overflow, cells))
        top += lane_height(tracks)
    return layouts


def _axis(picture: TimelinePicture, pixels_per_day: float, x_of_day: Callable[[float], float], top: float, bottom: float,
          plot_left: float, plot_right: float) -> str:
    parts = [f'<line x1="{plot_left}" y1="{top}" x2="{plot_right}" y2="{top}" stroke="#9aa3b0"/>']
    for tick in ticks(picture.first_day, picture.last_day, pixels_per_day):
        x = x_of_day(tick.day)
        if not plot_left <= x <= plot_right:
            continue
        colour = "#b9c0cb" if tick.major else "#e1e5eb"
        parts.append(f'<line x1="{x:.1f}" y1="{top - 5}" x2="{x:.1f}" y2="{bottom}" stroke="{colour}"/>')
        weight = ' font-weight="bold"' if tick.major else ""
        parts.append(f'<text x="{x + 3:.1f}" y="{top - 8}" fill="#505a68"{weight}>{markup.text(tick.label)}</text>')
    return "\n".join(parts)


def _mark(mark: Mark, lane_top: float, link_of: Callable[[int], str | None] | None) -> str:
    item = mark.item
    rejected = item.status == "rejected"
    deprecated = item.rank == "deprecated"
    preferred = item.rank == "preferred"
    hue = status_rgb(item.status)
    y = lane_top + mark.track * TRACK_HEIGHT + 2
    h = TRACK_HEIGHT - 4
    stroke = hex_colour(CONFLICT_RGB) if item.open_conflicts else hex_colour(darker(hue))
    stroke_width = 2 if (preferred or item.open_conflicts) else 1
    dash = ' stroke-dasharray="4 2"' if deprecated else ""
    opacity = ' opacity="0.55"' if (deprecated or rejected) else ""
    fill_opacity = "0.25" if rejected else "0.5"
    shapes = []
    if mark.shape is MarkShape.DIAMOND:
        cx, cy, r = (mark.x0 + mark.x1) / 2, y + h / 2, h / 2 + 1
        shapes.append(f'<polygon points="{cx:.1f},{cy - r:.1f} {cx + r:.1f},{cy:.1f} {cx:.1f},{cy + r:.1f} '
                      f'{cx - r:.1f},{cy:.1f}" fill="{hex_colour(hue)}" fill-opacity="0.85" stroke="{stroke}" '
                      f'stroke-width="{stroke_width}"{dash}/>')
    else:
        shapes.append(f'<rect x="{mark.x0:.1f}" y="{y:.1f}" width="{max(1.0, mark.x1 - mark.x0):.1f}" height="{h}" '
                      f'rx="3" fill="{hex_colour(hue)}" fill-opacity="{fill_opacity}" stroke="{stroke}" '
                      f'stroke-width="{stroke_width}"{dash}/>')
        for open_side, x, direction in ((mark.open_start, mark.x0 + 6, -1), (mark.open_end, mark.x1 - 6, 1)):
            if open_side:  # a chevron pointing the way the range runs on
                shapes.append(f'<path d="M{x - 3 * direction:.1f},{y + 2:.1f} L{x + 2 * direction:.1f},{y + h / 2:.1f} '
                              f'L{x - 3 * direction:.1f},{y + h - 2:.1f}" fill="none" stroke="{stroke}"/>')
    if item.open_conflicts:
        bx, by = mark.x1, y
        shapes.append(f'<circle cx="{bx:.1f}" cy="{by:.1f}" r="5" fill="{hex_colour(CONFLICT_RGB)}"/>'
                      f'<text x="{bx:.1f}" y="{by + 3.5:.1f}" font-size="9" font-weight="bold" fill="#ffffff" '
                      f'text-anchor="middle">!</text>')
    label = ("★ " if preferred else "") + item.label
    inside = mark.shape is MarkShape.BAR and (mark.x1 - mark.x0) >= 60
    room = (mark.x1 - mark.x0 - 8) if inside else mark.room - 4
    characters = int(room / CHARACTER_WIDTH)
    if characters >= 3:
        x = mark.x0 + 5 if inside else mark.x1 + 4
        decoration = ' text-decoration="line-through"' if rejected else ""
        colour = "#6b7380" if (rejected or deprecated) else "#1d2330"
        shapes.append(f'<text x="{x:.1f}" y="{y + h - 2.5:.1f}" fill="{colour}"{decoration}>'
                      f'{markup.text(markup.shortened(label, characters))}</text>')
    tooltip = f"<title>{markup.text(item.description)}</title>"
    body = f'<g{opacity}>{tooltip}{"".join(shapes)}</g>'
    target = link_of(item.fact_id) if link_of else None
    return f'<a href="{markup.attribute(target)}">{body}</a>' if target else body


def _overflow(chip: Overflow, lane_top: float) -> str:
    y = lane_top + (MAX_TRACKS - 1) * TRACK_HEIGHT + 2
    label = f"+{len(chip.items)}"
    width = max(22.0, len(label) * 7 + 8)
    listed = "; ".join(item.label for item in chip.items[:12]) + ("; …" if len(chip.items) > 12 else "")
    return (f'<g><title>{markup.text(f"{len(chip.items)} more facts here: {listed}")}</title>'
            f'<rect x="{chip.x0:.1f}" y="{y:.1f}" width="{width:.1f}" height="{TRACK_HEIGHT - 4}" rx="6" '
            f'fill="#e3e7ee" stroke="#8a93a1"/>'
            f'<text x="{chip.x0 + width / 2:.1f}" y="{y + TRACK_HEIGHT - 6.5:.1f}" text-anchor="middle" '
            f'fill="#333b47">{label}</text></g>')


def _cell(cell: DensityCell, x_of_day: Callable[[float], float], lane_top: float) -> str:
    first, last = year_span(cell.year)
    x0, x1 = x_of_day(first) + 1, x_of_day(last + 1) - 1
    height = DENSE_TRACKS * TRACK_HEIGHT - 4
    parts = [f'<rect x="{x0:.1f}" y="{lane_top + 2:.1f}" width="{max(1.0, x1 - x0):.1f}" height="{height}" '
             f'fill="#ffffff" stroke="#c5ccd6"/>']
    y = lane_top + 2 + height
    for status, facts in cell.by_status:
        share = height * facts / cell.facts
        y -= share
        parts.append(f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(1.0, x1 - x0):.1f}" height="{share:.1f}" '
                     f'fill="{hex_colour(status_rgb(status))}" fill-opacity="0.55"/>')
    if cell.open_conflicts:
        parts.append(f'<rect x="{x0:.1f}" y="{lane_top + 2:.1f}" width="{max(1.0, x1 - x0):.1f}" height="3" '
                     f'fill="{hex_colour(CONFLICT_RGB)}"/>')
    if x1 - x0 >= 8 * len(f"{cell.facts:,}"):
        parts.append(f'<text x="{(x0 + x1) / 2:.1f}" y="{lane_top + 2 + height / 2 + 4:.1f}" text-anchor="middle" '
                     f'fill="#1d2330" font-weight="bold">{cell.facts:,}</text>')
    statuses = ", ".join(f"{facts:,} {status}" for status, facts in cell.by_status)
    conflicts = f"; {cell.open_conflicts:,} in open conflicts" if cell.open_conflicts else ""
    return f'<g><title>{cell.year}: {cell.facts:,} facts ({statuses}){conflicts}</title>{"".join(parts)}</g>'


def _legend(y: float, width: int) -> str:
    entries = [("draft", "Draft"), ("confirmed", "Confirmed"), ("disputed", "Disputed"), ("rejected", "Rejected")]
    parts, x = [], 8.0
    for status, word in entries:
        hue = status_rgb(status)
        parts.append(f'<rect x="{x:.1f}" y="{y}" width="18" height="11" rx="3" fill="{hex_colour(hue)}" '
                     f'fill-opacity="0.5" stroke="{hex_colour(darker(hue))}"/>'
                     f'<text x="{x + 24:.1f}" y="{y + 9.5}" fill="#333b47">{word}</text>')
        x += 30 + len(word) * CHARACTER_WIDTH + 14
    extras = [
        (f'<rect x="{{x:.1f}}" y="{y}" width="18" height="11" rx="3" fill="#ffffff" stroke="#333b47" '
         f'stroke-width="2"/>', "★ Preferred"),
        (f'<rect x="{{x:.1f}}" y="{y}" width="18" height="11" rx="3" fill="#ffffff" stroke="#333b47" '
         f'stroke-dasharray="4 2" opacity="0.55"/>', "Deprecated"),
        (f'<rect x="{{x:.1f}}" y="{y}" width="18" height="11" rx="3" fill="#ffffff" '
         f'stroke="{hex_colour(CONFLICT_RGB)}" stroke-width="2"/>', "In an open conflict"),
        (f'<rect x="{{x:.1f}}" y="{y}" width="18" height="11" fill="#ffffff" stroke="#c5ccd6"/>',
         "Facts per year (busy lanes)"),
    ]
    for shape, word in extras:
        parts.append(shape.format(x=x) + f'<text x="{x + 24:.1f}" y="{y + 9.5}" fill="#333b47">{word}</text>')
        x += 30 + len(word) * CHARACTER_WIDTH + 14
    parts.append(f'<text x="8" y="{y + 28}" fill="#505a68">A year-precise date covers its whole year, a month its '
                 f'month; open-ended ranges run to the edge.</text>')
    return "\n".join(parts)


def window_around(first_day: int, last_day: int) -> tuple[int, int]:
    """A window for a whole timeline: from the start of the first year to the end of the last."""
    first_year, last_year = date.fromordinal(first_day).year, date.fromordinal(last_day).year
    return year_span(first_year)[0], year_span(last_year)[1]
