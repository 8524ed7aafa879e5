"""The overview's figures on the curated sample base, and the view's clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget

from curated_base import build_curated_base
from kzeu_desk.core.overview import _month_range, overview
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui import create_main_window


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    path = tmp_path_factory.mktemp("overview") / "curated.sqlite"
    return path, build_curated_base(path)


def test_figures(curated):
    with FactBase.open(curated[0], read_only=True) as fact_base, fact_base.reading() as conn:
        found = overview(conn)
    assert (found.facts, found.sources) == (28, 5)
    assert found.by_status() == {"draft": 3, "confirmed": 22, "disputed": 1, "rejected": 2}
    assert found.by_rank() == {"preferred": 2, "normal": 25, "deprecated": 1}
    assert found.conflict_counts == {"open": 2, "resolved": 2, "dismissed": 1}
    last = found.conflicts_by_month[-1]
    assert (last.open_at_end, last.settled_at_end) == (2, 3)
    assert found.top_sources[0].title == "Kazakhstan and EU mark 30 years of diplomatic relations"
    assert (found.top_sources[0].facts, found.top_sources[0].open_conflicts) == (12, 2)
    curators = {curator.actor: curator for curator in found.curators}
    assert set(curators) >= {"aigerim", "sofia", "marco", "daniyar"}
    assert curators["sofia"].facts_created == 7 and curators["sofia"].actions >= 9


def test_months_between_are_filled():
    assert _month_range(["2024-11", "2025-02"]) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert _month_range(["garbage"]) == []


def test_view_clicks_filter_open_and_go(qtbot, tmp_path, curated):
    path = tmp_path / "curated.sqlite"
    path.write_bytes(curated[0].read_bytes())
    window = create_main_window(path)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    window.findChild(type(window.actionUndo), "actionShowOverview").trigger()
    view = window.whole_base_views.overview
    assert view.objectName() == "overviewView"
    qtbot.waitUntil(lambda: view.overview is not None)
    assert view.headline.text() == "28 facts from 5 sources · 2 open conflicts"
    rows = view.statuses.rows
    row_height = view.statuses.height() // len(rows)
    disputed = [row.key for row in rows].index("disputed")
    qtbot.mouseClick(view.statuses, Qt.MouseButton.LeftButton, pos=QPoint(20, 2 + disputed * row_height + row_height // 2))
    assert window.fact_table.status_filter.currentText() == "Disputed"
    assert window.findChild(QDockWidget, "factsDock").isVisible()
    qtbot.waitUntil(lambda: window.fact_table.model.row_count == 1)
    window.findChild(type(window.actionUndo), "actionShowOverview").trigger()
    qtbot.mouseClick(view.sources, Qt.MouseButton.LeftButton, pos=QPoint(20, 8))
    qtbot.waitUntil(lambda: window.source_pane.source_id == view.overview.top_sources[0].source_id)
    qtbot.mouseClick(view.conflict_chart, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    assert window.findChild(QDockWidget, "conflictsDock").isVisible()
    window.close()
