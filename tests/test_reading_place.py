"""The second day: a curator who quits and opens the fact base again lands where they left off —
the same source, the same paragraph at the top of the reader, the same current candidate — and
whatever no longer exists falls back quietly to the start (ui/reading_place.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDockWidget, QMessageBox

from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.steps import SourceMetadata
from kzeu_desk.ui import create_main_window, reading_place
from kzeu_desk.ui.source_view import SourceView

# A long report of distinct paragraphs, each with figures the Candidates pane lists; an astral
# character (a mathematical bold letter, two UTF-16 units) early on puts every later Qt position one
# unit past its code point offset, so a place kept in Qt's units would come back off by one or more.
_LONG_REPORT = "\n".join(
    f"Section {n}: 𝐀 shipments through the port of Aktau rose to {1200 + 7 * n} containers in "
    f"{1995 + n % 28}, while grain exports reached {40 + n % 13}% of the regional total. "
    f"Inspectors counted {300 + n} wagons at the Dostyk crossing that quarter."
    for n in range(420))
_SHORT_NOTE = "A short note on customs.\nThe committee met twice and approved 14 proposals.\n"
_CORRECTED = "Corrected report\nThe port handled 950 containers in 2021 after the correction.\n"


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def _make_base(path: Path, folder: Path) -> int:
    """A fact base with a short note (listed first) and the long report; returns the report's id."""
    with FactBase.open(path, actor="curator") as fb:
        fb.import_document(read_document(_write(folder, "note.txt", _SHORT_NOTE)), SourceMetadata(title="A short note"))
        changes = fb.import_document(read_document(_write(folder, "report.txt", _LONG_REPORT)),
                                     SourceMetadata(title="Port report", published="2024-02-01"))
    return min(changes.inserted["source"])


def _open(qtbot, path: Path):
    window = create_main_window(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.findChild(QDockWidget, "candidatesDock").raise_()
    return window


def _candidates_listed(qtbot, window) -> None:
    pane = window.candidates_pane
    qtbot.waitUntil(lambda: not pane.finding and pane.model.rowCount() > 0, timeout=20_000)


def _paragraph(text: str, position: int) -> int:
    return text.count("\n", 0, position)


def _first_day(qtbot, path: Path, source_id: int, *, scrolled_to: float = 0.5, candidate_row: int = 25):
    """Open the report, make a candidate current, scroll the reader to `scrolled_to` of its height,
    quit; returns (first visible character, the candidate's figure)."""
    window = _open(qtbot, path)
    window.sources_pane.choose(source_id)
    _candidates_listed(qtbot, window)
    pane = window.candidates_pane
    pane.view.setCurrentIndex(pane.model.index(candidate_row))  # the reader is taken to its figure
    figure = (pane.current().found.start, pane.current().found.end)
    reader = window.source_pane.view
    bar = reader.verticalScrollBar()
    bar.setValue(int(bar.maximum() * scrolled_to))  # then the curator reads on, elsewhere
    qtbot.wait(50)
    first = reader.first_visible_position()
    assert first > 0
    window.close()
    return first, figure


def _second_day(qtbot, path: Path):
    window = _open(qtbot, path)
    _candidates_listed(qtbot, window)
    qtbot.waitUntil(lambda: getattr(window, "_place_to_restore", None) is None, timeout=5_000)  # the restore ran
    qtbot.wait(50)
    return window


def _no_error_shown(window) -> None:
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_the_second_day_opens_the_same_source_paragraph_and_candidate(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "facts.sqlite"
    report = _make_base(path, tmp_path)
    first, figure = _first_day(qtbot, path, report)
    assert _paragraph(_LONG_REPORT, first) > 100  # really in the middle, not near the top

    shown_texts = []
    original_show = SourceView.show_source
    monkeypatch.setattr(SourceView, "show_source",
                        lambda view, *args, **kwargs: (shown_texts.append(args[0]), original_show(view, *args, **kwargs)))
    window = _second_day(qtbot, path)
    assert window.source_pane.source_id == report
    assert window.sources_pane.current_source_id() == report
    assert shown_texts == [report]  # the remembered source's text is set once, not the first one's before it
    shown = window.source_pane.view.first_visible_position()
    assert _paragraph(_LONG_REPORT, shown) == _paragraph(_LONG_REPORT, first), (shown, first)
    current = window.candidates_pane.current()
    assert current is not None and (current.found.start, current.found.end) == figure
    _no_error_shown(window)
    window.close()


def test_the_place_is_kept_in_code_points_in_the_settings_not_in_the_fact_base(qtbot, tmp_path):
    path = tmp_path / "facts.sqlite"
    report = _make_base(path, tmp_path)
    first, figure = _first_day(qtbot, path, report)
    place = reading_place.load(path)
    assert place == reading_place.ReadingPlace(report, first, figure)
    # The top line's first character: a line starts there (the text before it ends a paragraph or a
    # wrapped line), counted in code points of the canonical text, whatever Qt counted in.
    assert _LONG_REPORT[first - 1] in "\n " and first < len(_LONG_REPORT)
    assert reading_place.load(tmp_path / "other.sqlite") is None


def test_a_deleted_source_falls_back_to_the_first_source_from_the_top(qtbot, tmp_path):
    path = tmp_path / "facts.sqlite"
    report = _make_base(path, tmp_path)
    _first_day(qtbot, path, report)
    with FactBase.open(path, actor="curator") as fb:
        fb.delete_source(report)

    window = _second_day(qtbot, path)
    assert window.source_pane.source_id is not None and window.source_pane.source_id != report
    assert window.source_pane.view.first_visible_position() == 0
    _no_error_shown(window)
    window.close()


def test_a_place_past_the_end_of_a_revised_text_falls_back_to_the_top_and_the_first_candidate(qtbot, tmp_path):
    path = tmp_path / "facts.sqlite"
    report = _make_base(path, tmp_path)
    first, figure = _first_day(qtbot, path, report, scrolled_to=0.9)
    with FactBase.open(path, actor="curator") as fb:
        fb.import_revision(report, read_document(_write(tmp_path, "corrected.txt", _CORRECTED)))
    assert first > len(_CORRECTED) and figure[0] > len(_CORRECTED)

    window = _second_day(qtbot, path)
    assert window.source_pane.source_id == report
    assert window.source_pane.view.first_visible_position() == 0
    assert window.candidates_pane.view.currentIndex().row() == 0
    _no_error_shown(window)
    window.close()


def test_a_candidate_dismissed_since_falls_back_to_the_first_one(qtbot, tmp_path):
    path = tmp_path / "facts.sqlite"
    report = _make_base(path, tmp_path)
    first, figure = _first_day(qtbot, path, report)
    with FactBase.open(path, actor="curator") as fb:
        fb.dismiss_candidate(report, *figure)

    window = _second_day(qtbot, path)
    assert window.candidates_pane.view.currentIndex().row() == 0
    current = window.candidates_pane.current()
    assert current is not None and (current.found.start, current.found.end) != figure
    # The reader still comes back where the curator was reading: the list did not take it away.
    shown = window.source_pane.view.first_visible_position()
    assert _paragraph(_LONG_REPORT, shown) == _paragraph(_LONG_REPORT, first)
    window.close()


def test_each_fact_base_keeps_its_own_place(qtbot, tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one, two = tmp_path / "one" / "facts.sqlite", tmp_path / "two" / "facts.sqlite"
    report_one, report_two = _make_base(one, tmp_path / "one"), _make_base(two, tmp_path / "two")
    first_one, figure_one = _first_day(qtbot, one, report_one, scrolled_to=0.3, candidate_row=10)
    first_two, figure_two = _first_day(qtbot, two, report_two, scrolled_to=0.8, candidate_row=40)
    assert abs(_paragraph(_LONG_REPORT, first_one) - _paragraph(_LONG_REPORT, first_two)) > 50

    for path, first, figure in ((one, first_one, figure_one), (two, first_two, figure_two)):
        window = _second_day(qtbot, path)
        shown = window.source_pane.view.first_visible_position()
        assert _paragraph(_LONG_REPORT, shown) == _paragraph(_LONG_REPORT, first), (path, shown, first)
        current = window.candidates_pane.current()
        assert current is not None and (current.found.start, current.found.end) == figure
        window.close()


def test_choosing_another_source_is_remembered_at_once(qtbot, tmp_path):
    """A crash after switching sources brings back the source switched to (from its top), not the
    one left."""
    path = tmp_path / "facts.sqlite"
    report = _make_base(path, tmp_path)
    _first_day(qtbot, path, report)
    window = _second_day(qtbot, path)
    window.sources_pane.view.selectRow(0)  # "A short note", listed first by title
    note = window.sources_pane.current_source_id()
    assert note != report
    assert reading_place.load(path) == reading_place.ReadingPlace(note)
    window.close()



def test_the_place_is_saved_once_the_curator_pauses_without_quitting(qtbot, tmp_path, monkeypatch):
    """A killed app or a crash comes back where the curator last paused, not only after a proper quit."""
    from kzeu_desk.ui import main_window

    monkeypatch.setattr(main_window, "PLACE_SAVED_AFTER_MS", 50)
    path = tmp_path / "facts.sqlite"
    report = _make_base(path, tmp_path)
    window = _open(qtbot, path)
    window.sources_pane.choose(report)
    _candidates_listed(qtbot, window)
    pane = window.candidates_pane
    pane.view.setCurrentIndex(pane.model.index(12))
    figure = (pane.current().found.start, pane.current().found.end)
    bar = window.source_pane.view.verticalScrollBar()
    bar.setValue(int(bar.maximum() * 0.6))
    first = window.source_pane.view.first_visible_position()
    assert _paragraph(_LONG_REPORT, first) > 100
    qtbot.waitUntil(lambda: reading_place.load(path) == reading_place.ReadingPlace(report, first, figure), timeout=5_000)
    window.close()


def _raised(window, name: str) -> bool:
    """A tabbed pane is the one shown in its tab group: the others have nothing of themselves on screen."""
    return not window.findChild(QDockWidget, name).visibleRegion().isEmpty()


def test_the_panes_as_arranged_are_saved_once_the_curator_pauses_without_quitting(qtbot, tmp_path, monkeypatch):
    """A killed app comes back with the tabs the curator had raised, not with those of the last proper quit."""
    from kzeu_desk.ui import main_window

    monkeypatch.setattr(main_window, "PLACE_SAVED_AFTER_MS", 50)
    path = tmp_path / "facts.sqlite"
    _make_base(path, tmp_path)
    first_day = create_main_window(path)
    qtbot.addWidget(first_day)
    first_day.show()
    qtbot.waitExposed(first_day)
    assert not _raised(first_day, "historyDock") and not _raised(first_day, "candidatesDock")
    first_day.findChild(QDockWidget, "historyDock").raise_()
    first_day.findChild(QDockWidget, "candidatesDock").raise_()
    qtbot.waitUntil(lambda: _raised(first_day, "historyDock") and _raised(first_day, "candidatesDock"))
    qtbot.wait(300)  # the pause after which the arrangement is saved
    # The first window is never closed (no quit, no save at quit): the app was killed.
    second_day = create_main_window(path)
    qtbot.addWidget(second_day)
    second_day.show()
    qtbot.waitExposed(second_day)
    qtbot.waitUntil(lambda: _raised(second_day, "historyDock") and _raised(second_day, "candidatesDock"), timeout=5_000)
    assert not _raised(second_day, "factsDock") and not _raised(second_day, "sourcesDock")
