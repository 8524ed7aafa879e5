"""While the GUI thread is idle, the facts table lays out the texts of the rows a scroll would bring
and reads their page off the GUI thread, so the repaint that shows them does neither."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from kzeu_desk.core import fact_listing
from kzeu_desk.core.fact_listing import PAGE_SIZE
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.fact_cell_delegate import FactCellDelegate
from kzeu_desk.ui.fact_table import FactTablePane
from kzeu_desk.ui.session import Session
from test_fact_listing import bulk_insert_facts

FACTS = 700  # three pages


@pytest.fixture
def session(qtbot, fact_base: FactBase) -> Session:
    bulk_insert_facts(fact_base, FACTS)
    return Session(fact_base)


def _pane(qtbot, session: Session) -> FactTablePane:
    pane = FactTablePane(session)
    qtbot.addWidget(pane)
    pane.resize(1000, 420)
    pane.show()
    qtbot.waitExposed(pane)
    QApplication.processEvents()
    return pane


def _rows_on_screen(pane: FactTablePane) -> int:
    view = pane.view
    return view.rowAt(view.viewport().height() - 1) - view.rowAt(0) + 1


def _idle(qtbot, pane: FactTablePane) -> None:
    qtbot.waitUntil(lambda: not pane.view.laying_out_ahead and not pane.model.reading_ahead)


def _count_layouts(monkeypatch) -> list[str]:
    laid_out: list[str] = []
    static = FactCellDelegate._static
    monkeypatch.setattr(FactCellDelegate, "_static", lambda self, text: laid_out.append(text) or static(self, text))
    return laid_out


def _screen(pane: FactTablePane, delegate) -> QImage:
    pane.view.setItemDelegate(delegate)
    QApplication.processEvents()
    return pane.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_screen_below_is_laid_out_while_idle_and_painted_as_qts_delegate_paints_it(qtbot, session, monkeypatch):
    pane = _pane(qtbot, session)
    view, ours = pane.view, pane.view.itemDelegate()
    rows = _rows_on_screen(pane)
    view.viewport().repaint()
    _idle(qtbot, pane)
    laid_out = _count_layouts(monkeypatch)
    view.verticalScrollBar().setValue(rows)  # one screen on: rows never painted
    view.viewport().repaint()
    assert laid_out == []
    # With no idle time between two screens, the paint draws the new texts without laying them out
    # (each id is new), as Qt's delegate draws them, and lays them out when it paints them again.
    view.verticalScrollBar().setValue(5 * rows)
    view.viewport().repaint()
    view.verticalScrollBar().setValue(6 * rows)
    view.viewport().repaint()
    new_id = str(pane.model.fact_id_at(6 * rows + 1))  # the last row of the screen before may show in part
    assert new_id not in laid_out
    view.viewport().repaint()
    assert new_id in laid_out
    # Or while idle after its first paint, when the loop runs before the next.
    view.verticalScrollBar().setValue(7 * rows)
    view.viewport().repaint()
    _idle(qtbot, pane)
    laid_out.clear()
    view.viewport().repaint()
    assert laid_out == []
    # Scrolling back up: the screen above is laid out too.
    view.verticalScrollBar().setValue(10 * rows)
    view.viewport().repaint()
    _idle(qtbot, pane)
    laid_out.clear()
    view.verticalScrollBar().setValue(9 * rows)
    view.viewport().repaint()
    assert laid_out == []
    assert _screen(pane, QStyledItemDelegate(view)) == _screen(pane, ours)


def test_the_next_page_is_read_off_the_gui_thread_before_it_is_shown(qtbot, session, monkeypatch):
    pane = _pane(qtbot, session)
    view, model = pane.view, pane.model
    readers: list[str] = []
    page_after = fact_listing.page_after
    monkeypatch.setattr(fact_listing, "page_after",
                        lambda *args: readers.append(threading.current_thread().name) or page_after(*args))
    view.verticalScrollBar().setValue(PAGE_SIZE - _rows_on_screen(pane) - 1)  # the first page's last screen
    view.viewport().repaint()
    assert 1 not in model._pages
    _idle(qtbot, pane)
    assert 1 in model._pages and readers and threading.main_thread().name not in readers
    with session.fact_base.reading() as conn:
        expected = page_after(conn, model.spec, model._pages[0].last_key)
    assert model._pages[1].fact_ids == [row.id for row in expected]
    readers.clear()
    laid_out = _count_layouts(monkeypatch)
    view.verticalScrollBar().setValue(PAGE_SIZE)
    view.viewport().repaint()
    assert readers == [] and laid_out == []  # neither read nor laid out in the repaint
    assert _screen(pane, QStyledItemDelegate(view)) == _screen(pane, view.itemDelegate())


def test_a_page_read_ahead_for_a_listing_since_changed_is_dropped(qtbot, session):
    pane = _pane(qtbot, session)
    model = pane.model
    assert 0 in model._pages
    assert model.read_ahead(PAGE_SIZE)
    assert not model.read_ahead(2 * PAGE_SIZE)  # one page at a time
    model.set_filter_text("zebra")  # the page being read belongs to the unfiltered listing
    model.wait_for_pages_read_ahead()
    QApplication.processEvents()
    assert 1 not in model._pages
    with session.fact_base.reading() as conn:
        expected = [row.id for row in fact_listing.page_after(conn, model.spec, None)]
    assert expected and [model.fact_id_at(row) for row in range(model.rowCount())] == expected[:model.rowCount()]
