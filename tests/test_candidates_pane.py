"""The Candidates pane in the real window, driven from the keyboard alone as a curator would."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QListView
from sqlalchemy import text

from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.steps import SourceMetadata
from kzeu_desk.core.value_candidates import CandidateStatus
from kzeu_desk.ui import create_main_window
from kzeu_desk.ui.candidates_pane import CandidateListModel

ARTICLE = (
    "Kazakhstan and the EU review their trade\n"
    "ASTANA – Trade between Kazakhstan and the EU reached US$40 billion in 2022, officials said. "
    "Twelve member states have ratified the agreement so far. "
    "See page 45 of the report for the methodology.\n"
    "The ministers met three years ago in Brussels. About 30% of the country's trade is with the bloc. "
    "The sixth round will be held on 13–14 May in Astana.\n"
)


def _make_base(path: Path, folder: Path, body: str, published: str | None) -> int:
    article = folder / "trade.txt"
    article.write_text(body, encoding="utf-8")
    with FactBase.open(path, actor="curator") as fb:
        fb.import_document(read_document(article), SourceMetadata(title="Trade review", published=published))
        with fb.reading() as conn:
            return conn.execute(text("SELECT id FROM source")).scalar_one()


@pytest.fixture
def window(qtbot, tmp_path):
    db_path = tmp_path / "facts.sqlite"
    source_id = _make_base(db_path, tmp_path, ARTICLE, "2023-03-14")
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.sources_pane.choose(source_id)
    yield win
    win.close()


def _open_candidates(win, qtbot) -> QListView:
    win.findChild(type(win.actionUndo), "actionFocusCandidates").trigger()
    pane = win.candidates_pane
    qtbot.waitUntil(lambda: not pane.finding and pane.model.rowCount() > 0, timeout=10_000)
    view = win.findChild(QListView, "candidateList")
    assert view is pane.view and view.isVisible()
    return view


def _shown(view: QListView) -> list[str]:
    model = view.model()
    assert isinstance(model, CandidateListModel)
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def _facts(win) -> list[dict]:
    with win.session.fact_base.reading() as conn:
        return [dict(r) for r in conn.execute(text(
            'SELECT f.id, f.value_kind, f.value_amount, f.value_unit, e.start, e."end", e.quote '
            "FROM fact f JOIN evidence e ON e.fact_id = f.id ORDER BY f.id")).mappings()]


def test_the_pane_lists_every_figure_best_first_with_its_sentence_and_status(window, qtbot):
    view = _open_candidates(window, qtbot)
    shown = _shown(view)
    assert shown[0] == "US$40 billion"  # money with a year beats everything else
    assert {"12 member states", "about 30%", "2020", "13–14 May 2023"} <= set(shown)
    assert not any("45" in value for value in shown)  # a page number is no candidate
    assert window.dockWidgetArea(window.findChild(QDockWidget, "candidatesDock")) is not None
    summary = window.candidates_pane.summary.text()
    assert summary.startswith(f"{len(shown)} candidates")


def test_a_whole_article_worked_through_from_the_keyboard(window, qtbot):
    view = _open_candidates(window, qtbot)
    assert QApplication.focusWidget() is view
    total = view.model().rowCount()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    # Enter: a draft fact from the best candidate, its sentence as evidence; the list moves on.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    (fact,) = _facts(window)
    assert (fact["value_kind"], fact["value_amount"], fact["value_unit"]) == ("money", 40e9, "USD")
    assert fact["quote"].startswith("ASTANA – Trade") and fact["quote"].endswith("officials said.")
    assert window.session.selected_fact == fact["id"]
    assert QApplication.focusWidget() is view  # still working through the list
    assert view.model().rowCount() == total - 1
    # Delete: the next candidate is no fact; it leaves the list and the choice is kept.
    dismissed = view.model().candidate(view.currentIndex().row())
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert view.model().rowCount() == total - 2
    statuses = {c.found.start: c.status for c in window.candidates_pane.candidates}
    assert statuses[dismissed.found.start] is CandidateStatus.DISMISSED
    # Ctrl+Z, as anywhere in the window, undoes the dismissal.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model().rowCount() == total - 1)
    # Down, then Shift+Enter: a fact from another candidate, and on to the fact editor.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert len(_facts(window)) == 2
    assert QApplication.focusWidget() is window.fact_editor.subject_field.line_edit
    # Show done lists the cited candidate with its fact.
    window.candidates_pane.show_done.setChecked(True)
    cited = [c for c in window.candidates_pane.candidates if c.status is CandidateStatus.CITED]
    assert {c.fact_id for c in cited} == {f["id"] for f in _facts(window)}


def test_moving_through_the_list_selects_the_figure_in_the_text(window, qtbot):
    view = _open_candidates(window, qtbot)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    candidate = view.model().candidate(0)
    assert window.source_pane.view.selected_span() == (candidate.found.start, candidate.found.end)
    assert QApplication.focusWidget() is view


def test_a_relative_date_in_an_undated_source_says_it_needs_the_publication_date(qtbot, tmp_path):
    db_path = tmp_path / "facts.sqlite"
    source_id = _make_base(db_path, tmp_path, ARTICLE, None)
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.show()
    win.sources_pane.choose(source_id)
    view = _open_candidates(win, qtbot)
    ago = next(c for c in win.candidates_pane.candidates if ARTICLE[c.found.start:c.found.end] == "three years ago")
    assert ago.found.note is not None and "publication date" in ago.found.note
    row = view.model().row_of(ago.found.start, ago.found.end)
    assert "publication date" in view.model().data(view.model().index(row), Qt.ItemDataRole.ToolTipRole)
    win.close()


def test_finding_candidates_in_a_long_article_leaves_the_window_responsive(qtbot, tmp_path):
    paragraphs = [ARTICLE.replace("2022", str(1990 + n % 30)) for n in range(300)]  # ~150k characters
    body = "\n".join(paragraphs)
    db_path = tmp_path / "facts.sqlite"
    source_id = _make_base(db_path, tmp_path, body, "2023-03-14")
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.show()
    win.findChild(QDockWidget, "candidatesDock").raise_()
    started = time.perf_counter()
    win.sources_pane.choose(source_id)
    handed_back = time.perf_counter() - started
    pane = win.candidates_pane
    assert pane.finding, "a long text is read on a worker thread"
    assert "Finding figures and dates" in pane.summary.text()
    # The event loop keeps running while the text is read: timers fire, the window repaints.
    # Judged on the longest gap between timer ticks, not their number: on a fast machine the worker
    # may finish within a tick or two, on a loaded one it takes seconds, and either way no gap may
    # look like a frozen window.
    ticks = [time.perf_counter()]
    win.startTimer(20)
    win.timerEvent = lambda _event: ticks.append(time.perf_counter())
    qtbot.waitUntil(lambda: not pane.finding, timeout=60_000)
    ticks.append(time.perf_counter())
    assert pane.model.rowCount() > 1000
    longest_gap = max(later - earlier for earlier, later in zip(ticks, ticks[1:]))
    assert longest_gap < 1.0, f"the event loop stalled for {longest_gap:.2f} s while figures were found"
    assert handed_back < 2.0  # reading the source row and starting the worker; generous for a loaded machine
    win.close()


def test_a_long_texts_figures_are_found_in_the_worker_process(qtbot, tmp_path, monkeypatch):
    """On a thread the scan of a long text took the interpreter lock from the GUI thread at each
    call Qt made into Python (0.49 s after a revision import at 1M facts): it runs in the process."""
    from kzeu_desk.ui import candidates_pane

    monkeypatch.setattr(candidates_pane, "FIND_ON_A_THREAD_UP_TO", len(ARTICLE) - 1)
    where: list[str] = []
    for name in ("compute_in_another_process", "compute_off_gui_thread"):
        real = getattr(candidates_pane, name)
        monkeypatch.setattr(candidates_pane, name,
                            lambda *args, _real=real, _name=name: (where.append(_name), _real(*args))[1])
    db_path = tmp_path / "facts.sqlite"
    source_id = _make_base(db_path, tmp_path, ARTICLE, "2023-03-14")
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.show()
    win.sources_pane.choose(source_id)
    view = _open_candidates(win, qtbot)
    assert where and set(where) == {"compute_in_another_process"}
    assert _shown(view)[0] == "US$40 billion"
    win.close()
