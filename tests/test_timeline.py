"""The timeline's reads, placement and SVG: every fact with a readable time is on it, once, where
its time says; filters are the facts table's; busy lanes become counts; hostile text stays text."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import date

import pytest
from sqlalchemy import text

from curated_base import HOSTILE_TITLE, HOSTILE_VALUE, build_curated_base
from kzeu_desk.core import timeline
from kzeu_desk.core.compatibility import date_interval
from kzeu_desk.core.fact_listing import ListingSpec
from kzeu_desk.core.models import FactStatus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.timeline import Grouping, TimeKind, TimelineQuery
from kzeu_desk.core.timeline_layout import MAX_TRACKS, MIN_TICK_SPACING, MarkShape, place_marks, ticks
from kzeu_desk.core.timeline_svg import TimelinePicture, timeline_svg, window_around
from kzeu_desk.core.typed_value import TypedValue, ValueKind

ALL_TIME = (date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal())


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    path = tmp_path_factory.mktemp("curated") / "curated.sqlite"
    ids = build_curated_base(path, hostile=True)
    return path, ids


@pytest.fixture
def conn(curated):
    with FactBase.open(curated[0], read_only=True) as fact_base, fact_base.reading() as connection:
        yield connection


def expected_times(conn) -> dict[int, tuple[str | None, str | None]]:
    """Each fact's time by the rule, worked out in Python from the stored rows."""
    found = {}
    for row in conn.execute(text("SELECT * FROM fact")).mappings():
        if row["value_kind"] == "date" and row["value_date"]:
            found[row["id"]] = (row["value_date"], row["value_date"])
        elif row["point_in_time"]:
            found[row["id"]] = (row["point_in_time"], row["point_in_time"])
        elif row["start_time"] or row["end_time"]:
            found[row["id"]] = (row["start_time"], row["end_time"])
    return found


def every_item(conn, query: TimelineQuery) -> list[timeline.TimelineItem]:
    lane_set = timeline.lanes(conn, query)
    return timeline.items(conn, query, [lane.key for lane in lane_set.lanes], *ALL_TIME)


@pytest.mark.parametrize("grouping", list(Grouping))
def test_every_fact_with_a_time_is_one_item_placed_by_its_time(conn, grouping):
    expected = expected_times(conn)
    items = every_item(conn, TimelineQuery(grouping=grouping))
    assert sorted(item.fact_id for item in items) == sorted(expected)
    for item in items:
        start, end = expected[item.fact_id]
        assert (item.start, item.end) == (start, end)
        assert item.first_day == (None if start is None else date_interval(start)[0].toordinal())
        assert item.last_day == (None if end is None else date_interval(end)[1].toordinal())
    lane_set = timeline.lanes(conn, TimelineQuery(grouping=grouping))
    assert lane_set.facts == len(expected)
    assert lane_set.unreadable == 0


def test_lanes_by_subject_are_named_counted_and_sorted(conn, curated):
    lane_set = timeline.lanes(conn, TimelineQuery())
    names = [lane.name for lane in lane_set.lanes]
    assert names == sorted(names, key=str.casefold)
    kazakhstan = next(lane for lane in lane_set.lanes if lane.name == "Kazakhstan")
    assert kazakhstan.facts == 12
    assert date.fromordinal(kazakhstan.first_day) == date(1993, 1, 1)
    assert date.fromordinal(kazakhstan.last_day) == date(2030, 12, 31)  # a priority "2020 – 2030"


def test_the_date_value_wins_then_the_point_in_time_then_start_and_end(conn, curated):
    _path, ids = curated
    items = {item.fact_id: item for item in every_item(conn, TimelineQuery())}
    relations = items[ids["relations_1993"]]
    assert (relations.time_kind, relations.time_text) == (TimeKind.VALUE, "2 February 1993")
    exports = items[ids["exports_2022"]]
    assert (exports.time_kind, exports.time_text, exports.precision_days) == (TimeKind.POINT, "2022", 365)
    inflow = items[ids["inflow_8bn"]]
    assert (inflow.time_kind, inflow.time_text) == (TimeKind.RANGE, "January 2022 – September 2022")
    assert date.fromordinal(inflow.last_day) == date(2022, 9, 30)
    party = items[ids["party_epca"]]
    assert (party.time_text, party.last_day) == ("since 2020", None)
    assert party.label == "party to agreement: Enhanced Partnership and Cooperation Agreement"


def test_conflict_flags_and_states(conn, curated):
    _path, ids = curated
    items = {item.fact_id: item for item in every_item(conn, TimelineQuery())}
    assert items[ids["inflow_800m"]].open_conflicts == 1  # the open value conflict
    assert items[ids["companies_3000"]].open_conflicts == 1  # flagged for review
    assert items[ids["relations_1996"]].open_conflicts == 0
    assert items[ids["relations_1996"]].settled_conflicts == 1
    assert (items[ids["relations_1993"]].rank, items[ids["relations_1996"]].rank) == ("preferred", "deprecated")
    assert items[ids["epca_signed_decade"]].status == "rejected"


def test_the_facts_tables_filter_applies(conn, curated):
    _path, ids = curated
    drafts = every_item(conn, TimelineQuery(listing=ListingSpec(status=FactStatus.DRAFT)))
    assert {item.status for item in drafts} == {"draft"}
    assert ids["imports_2022"] in {item.fact_id for item in drafts}
    searched = every_item(conn, TimelineQuery(listing=ListingSpec(search_text="investment inflow")))
    assert {item.fact_id for item in searched} == {ids["inflow_800m"], ids["inflow_8bn"]}
    lane_set = timeline.lanes(conn, TimelineQuery(listing=ListingSpec(search_text="nothing matches this")))
    assert lane_set.lanes == () and lane_set.first_day is None


def test_busy_lanes_come_back_as_counts_per_year(conn):
    query = TimelineQuery()
    lane_set = timeline.lanes(conn, query)
    keys = [lane.key for lane in lane_set.lanes]
    region = timeline.region(conn, query, keys, *ALL_TIME, lane_item_limit=4)
    busy = {lane.key for lane in lane_set.lanes if lane.facts > 4}
    assert region.dense_lanes == busy
    assert {item.lane for item in region.items} == set(keys) - busy
    for lane in lane_set.lanes:
        if lane.key in busy:
            cells = [cell for cell in region.cells if cell.lane == lane.key]
            assert sum(cell.facts for cell in cells) == lane.facts
            assert all(sum(count for _status, count in cell.by_status) == cell.facts for cell in cells)
    # A window on 2022 counts the 1993–2023 ranges in 2022, the year they reach the window.
    first, last = date(2022, 1, 1).toordinal(), date(2022, 12, 31).toordinal()
    cells = timeline.density(conn, query, keys, first, last)
    assert {cell.year for cell in cells} == {2022}


def test_unreadable_and_inverted_times_are_counted_not_placed(tmp_path):
    with FactBase.open(tmp_path / "odd.sqlite", actor="tester") as fact_base:
        entity = fact_base.create_entity("Somewhere").new_id("entity")
        good = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="fine"), subject_id=entity,
                                     qualifiers={"point_in_time": "2020-05"}).new_id("fact")
        odd = [fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text=str(n)), subject_id=entity).new_id("fact")
               for n in range(3)]
        with fact_base.engine.begin() as raw:  # another client wrote these
            raw.execute(text("UPDATE fact SET point_in_time = 'spring 2020' WHERE id = :id"), {"id": odd[0]})
            raw.execute(text("UPDATE fact SET start_time = '2021', end_time = '2019' WHERE id = :id"), {"id": odd[1]})
            raw.execute(text("UPDATE fact SET point_in_time = '2019-02-30' WHERE id = :id"), {"id": odd[2]})
        with fact_base.reading() as conn:
            lane_set = timeline.lanes(conn, TimelineQuery())
            assert (lane_set.facts, lane_set.unreadable) == (1, 3)
            assert [item.fact_id for item in every_item(conn, TimelineQuery())] == [good]


# -- placement ---------------------------------------------------------------------------------------


def _item(fact_id: int, first: date | None, last: date | None, kind=TimeKind.POINT) -> timeline.TimelineItem:
    return timeline.TimelineItem(
        fact_id=fact_id, lane=1, first_day=None if first is None else first.toordinal(),
        last_day=None if last is None else last.toordinal(), start=None, end=None, time_kind=kind,
        status="confirmed", rank="normal", open_conflicts=0, settled_conflicts=0, subject="S", property="P",
        value="v", label=f"P: v{fact_id}")


def test_marks_never_overlap_on_a_track_and_overflow_is_grouped():
    origin = date(2000, 1, 1).toordinal()

    def x_of_day(day: float) -> float:
        return (day - origin) * 0.5

    same_year = [_item(n, date(2010, 1, 1), date(2010, 12, 31)) for n in range(12)]
    series = [_item(100 + year, date(year, 1, 1), date(year, 12, 31)) for year in range(2000, 2010)]
    open_ended = [_item(200, date(2005, 3, 1), None, TimeKind.RANGE)]
    marks, overflow = place_marks(same_year + series + open_ended, x_of_day, left=0, right=3000)
    by_track: dict[int, list] = {}
    for mark in marks:
        by_track.setdefault(mark.track, []).append(mark)
    for track_marks in by_track.values():
        track_marks.sort(key=lambda mark: mark.x0)
        assert all(a.x1 <= b.x0 for a, b in zip(track_marks, track_marks[1:]))
    assert max(mark.track for mark in marks) < MAX_TRACKS - 1  # the last row holds the overflow chip
    assert sum(len(chip.items) for chip in overflow) + len(marks) == len(same_year) + len(series) + 1
    assert len(overflow) == 1
    assert {mark.item.fact_id for mark in marks} >= {item.fact_id for item in series}  # a series shares a track
    ranged = next(mark for mark in marks if mark.item.fact_id == 200)
    assert ranged.open_end and ranged.x1 >= 3000 - 1  # to the edge (less the 1 px that keeps marks apart)
    day_mark, _ = place_marks([_item(1, date(2001, 5, 2), date(2001, 5, 2))], x_of_day, left=0, right=3000)
    assert day_mark[0].shape is MarkShape.DIAMOND


@pytest.mark.parametrize("pixels_per_day", [0.01, 0.05, 0.2, 1.0, 3.0, 10.0, 48.0])
def test_ticks_are_spaced_for_reading(pixels_per_day):
    first = date(1990, 3, 15).toordinal()
    last = first + int(1500 / pixels_per_day)
    found = ticks(first, last, pixels_per_day)
    assert found
    days = [tick.day for tick in found]
    assert days == sorted(days)
    gaps = [(b - a) * pixels_per_day for a, b in zip(days, days[1:])]
    assert min(gaps, default=MIN_TICK_SPACING) >= MIN_TICK_SPACING * 0.45  # months differ in length


# -- the picture --------------------------------------------------------------------------------------


def test_svg_holds_every_fact_escaped_and_renders(conn, curated, qapp):
    _path, _ids = curated
    query = TimelineQuery()
    lane_set = timeline.lanes(conn, query)
    first, last = window_around(lane_set.first_day, lane_set.last_day)
    region = timeline.region(conn, query, [lane.key for lane in lane_set.lanes], first, last)
    svg = timeline_svg(TimelinePicture(lanes=lane_set.lanes, first_day=first, last_day=last, items=region.items,
                                       cells=region.cells, title=HOSTILE_TITLE),
                       link_of=lambda fact_id: f"facts.html#fact-{fact_id}")
    root = ElementTree.fromstring(svg)  # well-formed XML, control characters and all
    namespace = "{http://www.w3.org/2000/svg}"
    titles = [element.text for element in root.iter(f"{namespace}title")]
    assert any(title.startswith("<svg onload=alert(2)>Subject · statement: </td><img") for title in titles)
    assert root.find(f".//{namespace}script") is None
    assert "<script>" not in svg and "<img" not in svg
    links = {element.get("href") for element in root.iter(f"{namespace}a")}
    assert links == {f"facts.html#fact-{item.fact_id}" for item in region.items}
    assert HOSTILE_VALUE.replace("\x07", "").replace("\x1b", "")[:20] in "".join(titles)

    from kzeu_desk.ui.timeline_view import svg_to_png
    from PySide6.QtGui import QImage

    image = QImage.fromData(svg_to_png(svg, scale=1))
    assert not image.isNull() and image.width() == 1200
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # drawn, not blank


def test_palette_matches_the_source_highlights(qapp):
    from kzeu_desk.core.highlight_index import SPAN_STATUSES
    from kzeu_desk.core.palette import STATUS_RGB
    from kzeu_desk.ui import span_highlighter

    assert {status: hue.getRgb()[:3] for status, hue in span_highlighter._STATUS_HUES.items()} == STATUS_RGB
    assert set(STATUS_RGB) == set(SPAN_STATUSES)
