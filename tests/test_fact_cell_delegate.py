"""The facts table's own delegate paints exactly what Qt's delegate paints, without asking data()."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from kzeu_desk.core.models import FactStatus
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui import fact_cell_delegate
from kzeu_desk.ui.fact_cell_delegate import FactCellDelegate
from kzeu_desk.ui.fact_table import STATUS_COLUMN, FactTableModel, FactTablePane
from kzeu_desk.ui.session import Session
from test_fact_listing import bulk_insert_facts

FACTS = 400


@pytest.fixture
def session(qtbot, fact_base: FactBase) -> Session:
    bulk_insert_facts(fact_base, FACTS)
    return Session(fact_base)


@pytest.fixture
def style(request):
    """The application's style for one test, put back afterwards."""
    app = QApplication.instance()
    before = app.style().name()
    app.setStyle(request.param)
    yield request.param
    app.setStyle(before)


def _pane(qtbot, session: Session, width: int) -> FactTablePane:
    pane = FactTablePane(session)
    qtbot.addWidget(pane)
    pane.resize(width, 420)
    pane.show()
    qtbot.waitExposed(pane)
    QApplication.processEvents()
    return pane


def _first_rejected_row(model: FactTableModel) -> int:
    return next(row for row in range(model.rowCount()) if model.shown_row(row)[1] == FactStatus.REJECTED.value)


def _screen(pane: FactTablePane, delegate) -> QImage:
    pane.view.setItemDelegate(delegate)
    QApplication.processEvents()
    return _grab(pane)


def _grab(pane: FactTablePane) -> QImage:
    return pane.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


@pytest.mark.parametrize("style", ["fusion", "windows"], indirect=True)
@pytest.mark.parametrize("width", [1200, 560])  # 560: subjects, properties and values are cut short with "…"
@pytest.mark.parametrize("narrow_ids", [False, True])  # ids cut short, right-aligned: as at 1M facts
def test_the_table_looks_exactly_as_with_qts_own_delegate(qtbot, session, style, width, narrow_ids):
    pane = _pane(qtbot, session, width)
    view, model = pane.view, pane.model
    if narrow_ids:
        view.horizontalHeader().setMinimumSectionSize(10)
        view.horizontalHeader().resizeSection(0, 18)
    ours = view.itemDelegate()
    assert isinstance(ours, FactCellDelegate)
    rejected = _first_rejected_row(model)
    view.verticalScrollBar().setValue(max(0, rejected - 2))  # a receding rejected fact on screen
    view.selectRow(rejected + 1)  # a selected row: the highlight, its text colour, its status dot
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)  # the current cell draws the style's focus frame
    qts = QStyledItemDelegate(view)
    first, second = _screen(pane, qts), _screen(pane, ours)
    assert first == second
    ours.forget_laid_out_texts()
    assert _grab(pane) == first  # every text's first paint: drawn as Qt draws it, not laid out
    # (The ids cut short share a few cut forms, "1…", "2…": laid out once for all.)
    assert ours.laid_out_texts <= (3 if narrow_ids else 0)
    assert _grab(pane) == first and ours.laid_out_texts > 0  # its second: laid out, kept, drawn from that
    # Not two blank images: rows, a dot and text of several colours were painted.
    colours = {first.pixel(x, y) for y in range(0, first.height(), 3) for x in range(0, first.width(), 3)}
    assert len(colours) > 20
    view.clearFocus()
    view.window().setFocus()
    assert _screen(pane, qts) == _screen(pane, ours)  # and with no cell focused


def test_painting_a_screen_asks_the_model_only_for_the_focused_cell(qtbot, session, monkeypatch):
    asked: list[int] = []
    answer = FactTableModel.data

    def counted(self, index, role=Qt.ItemDataRole.DisplayRole):
        asked.append(index.column())
        return answer(self, index, role)

    monkeypatch.setattr(FactTableModel, "data", counted)  # before the model exists: PySide looks overrides up once
    pane = _pane(qtbot, session, 1000)
    view = pane.view
    view.viewport().repaint()
    asked.clear()
    view.viewport().repaint()
    assert asked == []  # Qt's delegate asked seven roles of each of the ~150 cells
    view.selectRow(3)
    view.setCurrentIndex(pane.model.index(3, STATUS_COLUMN))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    asked.clear()
    view.viewport().repaint()
    assert asked and set(asked) == {STATUS_COLUMN}  # the focused cell is Qt's to draw, frame and all


def test_a_style_whose_items_look_different_gets_qts_delegate(qtbot, session, monkeypatch):
    monkeypatch.setattr("kzeu_desk.ui.fact_cell_delegate.COMMON_ITEM_STYLES", frozenset({"no such style"}))
    pane = _pane(qtbot, session, 1000)
    asked: list[int] = []
    shown_row = pane.model.shown_row
    monkeypatch.setattr(pane.model, "shown_row", lambda row: asked.append(row) or shown_row(row))
    pane.view.viewport().repaint()
    assert asked == []  # every cell went to Qt's delegate
    monkeypatch.setattr("kzeu_desk.ui.fact_cell_delegate.COMMON_ITEM_STYLES", frozenset({"fusion", "windows"}))
    pane.view.viewport().repaint()
    assert asked  # and the same delegate paints them itself again under a style it knows


def test_a_text_with_a_line_break_is_left_to_qts_delegate(qtbot, session):
    pane = _pane(qtbot, session, 1000)
    model = pane.model
    page = model._pages[0]  # the strings a page was read with, as a value holding a line feed would be
    cells = list(page.cells[2])
    cells[1] = "Two-line\nsubject"
    page.cells[2] = tuple(cells)
    qts = QStyledItemDelegate(pane.view)
    assert _screen(pane, qts) == _screen(pane, pane.view.itemDelegate())


def test_the_laid_out_texts_kept_stay_within_bounds_and_paint_right(qtbot, session, monkeypatch):
    monkeypatch.setattr(fact_cell_delegate, "CACHED_TEXTS", 64)
    monkeypatch.setattr(fact_cell_delegate, "_EVICTED_AT_ONCE", 8)
    pane = _pane(qtbot, session, 1000)
    view, ours = pane.view, pane.view.itemDelegate()
    kept = []
    for row in range(0, FACTS, 15):  # the 400 rows hold far more than 64 distinct strings
        view.verticalScrollBar().setValue(row)
        view.viewport().repaint()
        kept.append(ours.laid_out_texts)
    assert max(kept) <= 2 * 64 and kept[-1] > 0
    assert _screen(pane, QStyledItemDelegate(view)) == _screen(pane, ours)
