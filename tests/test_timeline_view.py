"""View > Timeline in the real window on the curated sample base, driven as a curator drives it."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDockWidget
from sqlalchemy import text

from curated_base import build_curated_base
from kzeu_desk.core.timeline import Grouping
from kzeu_desk.ui import create_main_window
from kzeu_desk.ui.timeline_canvas import LANE_PADDING


@pytest.fixture(scope="module")
def curated_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("curated") / "curated.sqlite"
    return path, build_curated_base(path)


@pytest.fixture
def curated(tmp_path, curated_file):
    """A fresh copy per test: tests edit it."""
    path = tmp_path / "curated.sqlite"
    path.write_bytes(curated_file[0].read_bytes())
    return path, curated_file[1]


@pytest.fixture
def window(qtbot, curated):
    win = create_main_window(curated[0])
    qtbot.addWidget(win)
    win.resize(1500, 950)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def open_timeline(window, qtbot):
    action = window.findChild(type(window.actionUndo), "actionShowTimeline")
    action.trigger()
    view = window.whole_base_views.timeline
    dock = window.findChild(QDockWidget, "timelineDock")
    qtbot.waitUntil(lambda: dock.isVisible() and view.lane_set is not None and view.canvas.region is not None)
    return view


def timed_fact_ids(window) -> set[int]:
    with window.session.fact_base.reading() as conn:
        return set(conn.execute(text("""SELECT id FROM fact WHERE (value_kind = 'date' AND value_date IS NOT NULL)
                                         OR point_in_time IS NOT NULL OR start_time IS NOT NULL
                                         OR end_time IS NOT NULL""")).scalars())


def shown_fact_ids(view) -> set[int]:
    canvas = view.canvas
    shown = set()
    for lane in canvas.lanes:
        shown.update(mark.item.fact_id for mark in canvas.marks_of(lane.key))
        shown.update(item.fact_id for chip in canvas.overflow_of(lane.key) for item in chip.items)
    return shown


def click_fact(view, qtbot, fact_id: int) -> None:
    canvas = view.canvas
    for index, lane in enumerate(canvas.lanes):
        for mark in canvas.marks_of(lane.key):
            if mark.item.fact_id == fact_id:
                y = canvas.lane_top(index) + LANE_PADDING + (mark.track + 0.5) * canvas.track_height
                scene_point = QPointF(mark.x0 + min(4.0, (mark.x1 - mark.x0) / 2), y)
                canvas.centerOn(scene_point)
                point = canvas.mapFromScene(scene_point)
                qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
    raise AssertionError(f"fact {fact_id} is not drawn")


def test_action_and_names_are_in_the_automation_contract(window, qtbot):
    view = open_timeline(window, qtbot)
    assert view.objectName() == "timelineView"
    assert window.findChild(type(window.actionUndo), "actionShowTimeline").shortcut().toString() == "Ctrl+Shift+T"
    assert window.findChild(QDockWidget, "timelineDock").widget().accessibleName() == "Timeline"


def test_every_fact_with_a_time_is_drawn_and_conflicts_are_marked(window, qtbot, curated):
    _path, ids = curated
    view = open_timeline(window, qtbot)
    assert shown_fact_ids(view) == timed_fact_ids(window)
    marks = {mark.item.fact_id: mark for lane in view.canvas.lanes for mark in view.canvas.marks_of(lane.key)}
    assert marks[ids["inflow_800m"]].item.open_conflicts == 1
    assert marks[ids["relations_1996"]].item.rank == "deprecated"
    assert "with a time" in view.summary.text()


def test_clicking_a_fact_selects_it_and_shows_its_evidence(window, qtbot, curated):
    _path, ids = curated
    view = open_timeline(window, qtbot)
    click_fact(view, qtbot, ids["inflow_8bn"])
    assert window.session.selected_fact == ids["inflow_8bn"]
    with window.session.fact_base.reading() as conn:
        source_id, _start, _end = conn.execute(text('SELECT source_id, start, "end" FROM evidence WHERE fact_id = :f'),
                                             {"f": ids["inflow_8bn"]}).one()
    qtbot.waitUntil(lambda: window.source_pane.source_id == source_id)
    qtbot.waitUntil(lambda: window.source_pane.view.marked_evidence == (_start, _end))
    assert window.source_pane.view.toPlainText()[_start:_end].startswith("In the first 9 months of 2022")
    assert view.canvas.selected_fact == ids["inflow_8bn"]


def test_the_timeline_follows_the_facts_tables_filter(window, qtbot, curated):
    _path, ids = curated
    view = open_timeline(window, qtbot)
    window.fact_table.filter_box.setText("investment inflow")
    window.fact_table.filter_box.returnPressed.emit()
    qtbot.waitUntil(lambda: view.lane_set is not None and view.lane_set.facts == 2 and not view.loading)
    qtbot.waitUntil(lambda: shown_fact_ids(view) == {ids["inflow_800m"], ids["inflow_8bn"]})
    assert "filtered like the facts table" in view.summary.text()
    window.fact_table.status_filter.setCurrentIndex(window.fact_table.status_filter.findText("Disputed"))
    qtbot.waitUntil(lambda: shown_fact_ids(view) == {ids["inflow_800m"]})
    window.fact_table.filter_box.setText("no such words anywhere")
    window.fact_table.filter_box.returnPressed.emit()
    qtbot.waitUntil(lambda: view.empty.isVisible())
    assert "filter" in view.empty.text()


def test_grouping_by_property_and_zooming(window, qtbot):
    view = open_timeline(window, qtbot)
    expected = timed_fact_ids(window)
    view.set_grouping(Grouping.PROPERTY)
    qtbot.waitUntil(lambda: view.lane_set is not None and "agreement signed" in [lane.name for lane in view.canvas.lanes])
    qtbot.waitUntil(lambda: shown_fact_ids(view) == expected)
    before = view.canvas.pixels_per_day
    view.zoom_in.click()
    assert view.canvas.pixels_per_day == pytest.approx(before * 1.5)
    qtbot.keyClick(view.canvas, Qt.Key.Key_0)
    assert view.canvas.pixels_per_day == pytest.approx(before)


def test_edits_move_facts_on_the_timeline(window, qtbot, curated):
    _path, ids = curated
    view = open_timeline(window, qtbot)
    fact_id = ids["exports_2022"]
    with window.session.fact_base.reading() as conn:
        version = conn.execute(text("SELECT version FROM fact WHERE id = :f"), {"f": fact_id}).scalar_one()
    window.session.perform(lambda fb: fb.update_fact(fact_id, version, point_in_time="2021-06"))

    def moved() -> bool:
        marks = [mark for lane in view.canvas.lanes for mark in view.canvas.marks_of(lane.key)
                 if mark.item.fact_id == fact_id]
        return bool(marks) and marks[0].item.time_text == "June 2021"

    qtbot.waitUntil(moved)


def test_export_png_and_svg(window, qtbot, tmp_path):
    view = open_timeline(window, qtbot)
    messages = []
    view.message.connect(messages.append)
    view.export(tmp_path / "timeline.svg", "svg")
    view.export(tmp_path / "timeline.png", "png")
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=10_000)
    assert all(message.startswith("Timeline exported") for message in messages), messages
    root = ElementTree.parse(tmp_path / "timeline.svg").getroot()
    titles = [element.text for element in root.iter("{http://www.w3.org/2000/svg}title")]
    assert sum(1 for title in titles if title and "\n" in title and "·" in title) == len(timed_fact_ids(window))
    image = QImage(str(tmp_path / "timeline.png"))
    assert not image.isNull() and image.width() == 2800


def test_a_busy_year_lists_its_facts(window, qtbot, monkeypatch):
    import functools

    from kzeu_desk.core import timeline as timeline_module

    monkeypatch.setattr(timeline_module, "region", functools.partial(timeline_module.region, lane_item_limit=3))
    view = open_timeline(window, qtbot)
    canvas = view.canvas
    qtbot.waitUntil(lambda: any(canvas.cells_of(lane.key) for lane in canvas.lanes))
    lane_index, lane = next((n, lane) for n, lane in enumerate(canvas.lanes) if canvas.cells_of(lane.key))
    cell = canvas.cells_of(lane.key)[-1]
    from kzeu_desk.core.timeline_layout import year_span

    first, _last = year_span(cell.year)
    scene_point = QPointF(canvas.x_of_day(first) + 3, canvas.lane_top(lane_index) + LANE_PADDING + 8)
    canvas.centerOn(scene_point)
    hit = canvas.hit(QPointF(canvas.mapFromScene(scene_point)))
    assert hit is not None and hit.cell == cell
    assert "facts (" in canvas._tooltip(hit)
    menus = []
    monkeypatch.setattr("PySide6.QtWidgets.QMenu.popup", lambda menu, _pos: menus.append(menu))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(scene_point))
    assert menus and menus[0].actions()[0].text() == f"Zoom into {cell.year}"
    assert len([a for a in menus[0].actions() if a.text() and not a.isSeparator()]) - 1 == min(cell.facts, 30)
    menus[0].actions()[0].trigger()
    assert canvas.visible_days()[0] <= first + 5
