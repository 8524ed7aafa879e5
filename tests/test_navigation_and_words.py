"""#15 items 5-10 in the real main window: selecting a fact shows its evidence, the facts table's
density, highlight looks, fields that commit once, F1's completeness, and the words a curator reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDockWidget

from kzeu_desk.core import queries
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui import create_main_window


def _source_ids(fb: FactBase) -> dict[str, int]:
    with fb.reading() as conn:
        return {row.file_name: row.id for row in queries.source_rows(conn)}


def _text(fb: FactBase, source_id: int) -> str:
    with fb.reading() as conn:
        return queries.source_text(conn, source_id)


@pytest.fixture
def db_path(tmp_path) -> Path:
    """The sample corpus with two facts: one quoted in two articles, one in a third."""
    path = tmp_path / "navigation.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
        sources = _source_ids(fb)
        track, quantum, twenty_five = (sources["kz_mfa_european_track.txt"], sources["kz_eu_quantum_leap.txt"],
                                       sources["kz_eu_25_years.txt"])
        body = _text(fb, track)
        start = body.rindex("EU")  # late in the longest article, below the first screen
        two_sources = fb.create_fact_from_selection(track, start, start + 2).new_id("fact")
        other = _text(fb, quantum)
        fb.add_evidence(two_sources, quantum, other.index("EU"), other.index("EU") + 2)
        third = _text(fb, twenty_five)
        fb.create_fact_from_selection(twenty_five, third.index("1996"), third.index("1996") + 4)
    return path


@pytest.fixture
def window(qtbot, db_path):
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _facts(win) -> list[int]:
    with win.session.fact_base.reading() as conn:
        return [row[0] for row in conn.exec_driver_sql("SELECT id FROM fact ORDER BY id")]


def _evidence(win, fact_id: int) -> list[tuple[int, int, int]]:
    with win.session.fact_base.reading() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            'SELECT source_id, start, "end" FROM evidence WHERE fact_id = ? ORDER BY id', (fact_id,))]


def _span_is_visible(win, start: int, end: int) -> bool:
    view = win.source_pane.view
    assert view.marked_evidence == (start, end)
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view._utf16.to_utf16(start))
    return view.viewport().rect().intersects(view.cursorRect(cursor))


# -- item 5: selecting a fact shows its evidence -----------------------------------------------


def test_clicking_a_fact_in_the_table_shows_its_evidence_scrolled_into_view(qtbot, window):
    first, second = _facts(window)
    window.sources_pane.choose(_evidence(window, second)[0][0])  # reading another article
    window.source_pane.view.verticalScrollBar().setValue(0)
    table = window.fact_table.view
    row = window.fact_table.model.row_of(first)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(row, 1)).center())
    source_id, start, end = _evidence(window, first)[0]
    qtbot.waitUntil(lambda: window.source_pane.source_id == source_id)
    assert _span_is_visible(window, start, end)
    extra = window.source_pane.view.extra_selection_ranges()
    assert extra, "the evidence is marked"


def test_keyboard_moves_in_the_table_follow_with_the_source(qtbot, window):
    first, second = _facts(window)
    table = window.fact_table.view
    table.setFocus()
    table.selectRow(window.fact_table.model.row_of(first))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    source_id, start, end = _evidence(window, second)[0]
    qtbot.waitUntil(lambda: window.source_pane.source_id == source_id)
    assert _span_is_visible(window, start, end)


def test_the_open_source_is_preferred_and_f7_cycles_the_facts_evidence(qtbot, window):
    first, _second = _facts(window)
    evidence = _evidence(window, first)
    quantum = evidence[1][0]
    window.sources_pane.choose(quantum)
    window.session.select_fact(first)
    assert window.source_pane.source_id == quantum  # its evidence in the article being read comes first
    assert window.source_pane.view.marked_evidence == evidence[1][1:]
    step = window.findChild(type(window.actionUndo), "actionNextEvidence")
    assert step.shortcut().toString() == "F7"
    step.trigger()
    assert window.source_pane.source_id == evidence[0][0]
    assert window.source_pane.view.marked_evidence == evidence[0][1:]
    assert "Evidence" in window.statusBar().currentMessage() and "of 2" in window.statusBar().currentMessage()
    window.findChild(type(window.actionUndo), "actionPreviousEvidence").trigger()
    assert window.source_pane.source_id == quantum


def test_a_selection_revealed_on_a_later_turn_moves_the_reader_only_then(qtbot, window):
    """After heavy work (Evidence to check after a revision import) the reader goes to the fact's
    evidence on a later turn than the other panes' answers; the result is the same."""
    first, second = _facts(window)
    source_id, start, end = _evidence(window, second)[0]
    window.sources_pane.choose(_evidence(window, first)[0][0])
    window.session.select_fact(second, reveal_on_a_later_turn=True)
    assert window.fact_editor.shown_fact_id == second  # the other panes answered in this turn
    assert window.evidence_navigator.pending and window.source_pane.source_id != source_id
    qtbot.waitUntil(lambda: not window.evidence_navigator.pending)
    assert window.source_pane.source_id == source_id and _span_is_visible(window, start, end)
    # Another fact chosen before that turn came: the reader goes to that one only.
    window.session.select_fact(first, reveal_on_a_later_turn=True)
    window.session.select_fact(second)
    qtbot.waitUntil(lambda: not window.evidence_navigator.pending)
    assert window.source_pane.source_id == source_id and window.source_pane.view.marked_evidence == (start, end)


def test_choosing_in_history_and_conflicts_shows_the_facts_evidence(qtbot, window):
    first, second = _facts(window)
    history = window.history_pane
    window.findChild(QDockWidget, "historyDock").raise_()
    rows = [history.model.operation_id(r) for r in range(history.model.rowCount())]
    assert rows
    history.view.setCurrentIndex(history.model.index(0, 0))  # the newest: the second fact's creation
    assert window.session.selected_fact == second
    source_id, start, end = _evidence(window, second)[0]
    assert window.source_pane.source_id == source_id and window.source_pane.view.marked_evidence == (start, end)
    window.conflicts_panel._choose_card(first)  # what clicking or tabbing into a conflict card does
    assert window.session.selected_fact == first
    assert window.source_pane.view.marked_evidence is not None


def test_a_click_on_a_highlight_selects_its_fact_without_moving_the_text(qtbot, window):
    first, _ = _facts(window)
    source_id, start, end = _evidence(window, first)[0]
    window.sources_pane.choose(source_id)
    view = window.source_pane.view
    view.mark_evidence(start, end)
    scrolled = view.verticalScrollBar().value()
    window.evidence_navigator.select_from_text(first, start + 1)
    assert window.session.selected_fact == first
    assert view.verticalScrollBar().value() == scrolled


# -- item 6: the facts table -------------------------------------------------------------------


def test_facts_table_has_a_time_column_and_full_text_tooltips(qtbot, window):
    fact_id = _facts(window)[1]
    fb = window.session.fact_base
    with fb.reading() as conn:
        version = conn.exec_driver_sql("SELECT version FROM fact WHERE id = ?", (fact_id,)).scalar_one()
    window.session.perform(lambda f: f.update_fact(fact_id, version, start_time="2019", end_time="2023-06"))
    model = window.fact_table.model
    row = model.row_of(fact_id)
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    time_column = titles.index("Time")
    assert model.index(row, time_column).data() == "2019 – June 2023"
    tip = model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "2019 – June 2023" in tip
    header = window.fact_table.view.horizontalHeader()
    metrics = window.fact_table.view.fontMetrics()
    for column in (1, 2, 5):  # Subject, Property, Status fit their titles and their sampled texts
        texts = [model.index(r, column).data() or "" for r in range(model.rowCount())]
        widest = max(metrics.horizontalAdvance(t) for t in [titles[column], *texts])
        assert header.sectionSize(column) >= widest, titles[column]
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_columns_are_sized_from_a_sample_never_from_every_row(qtbot, window, monkeypatch):
    from kzeu_desk.ui import fact_table

    asked = []
    original = fact_table.FactTableModel.data
    monkeypatch.setattr(fact_table.FactTableModel, "data",
                        lambda self, index, role=Qt.ItemDataRole.DisplayRole: (asked.append(index.row()), original(self, index, role))[1])
    window.fact_table.fit_columns_to_content()
    assert asked == []  # measured from the page's prepared strings, not through data()
    assert fact_table.SIZING_SAMPLE_ROWS <= 256


# -- item 7: highlights ------------------------------------------------------------------------


def test_highlight_tooltip_gives_the_value_and_rank_and_status_show_in_the_style(qtbot, window):
    fact_id = _facts(window)[1]
    source_id, start, _end = _evidence(window, fact_id)[0]
    fb = window.session.fact_base
    with fb.reading() as conn:
        version = conn.exec_driver_sql("SELECT version FROM fact WHERE id = ?", (fact_id,)).scalar_one()
    window.session.perform(lambda f: f.update_fact(fact_id, version, rank="preferred"))
    window.sources_pane.choose(source_id)
    assert window.source_pane.view.tooltip_text_at(start) == "New draft fact: 1996 (subject and property not set)"
    formats = window.source_pane.view.span_formats
    rejected, deprecated = formats.span_format("rejected", 1), formats.span_format("draft/deprecated", 1)
    assert rejected.fontStrikeOut() and not deprecated.fontStrikeOut()
    assert deprecated.fontItalic() and not rejected.fontItalic()
    assert formats.span_format("confirmed/preferred", 1).fontWeight() > formats.span_format("confirmed", 1).fontWeight()
    # Colour is never the only cue: every status has its own line or mark.
    cues = {status: (formats.span_format(status, 1).underlineStyle(), formats.span_format(status, 1).fontStrikeOut())
            for status in ("draft", "confirmed", "disputed", "rejected")}
    assert len(set(cues.values())) == 4
    assert cues["confirmed"] == (QTextCharFormat.UnderlineStyle.NoUnderline, False)


# -- item 8: a field commits once ----------------------------------------------------------------


def test_typing_in_the_property_box_records_one_change(qtbot, window):
    fact_id = _facts(window)[1]
    window.session.select_fact(fact_id)
    editor = window.fact_editor
    steps = window.session.undo_stack.count()
    combo = editor.property_combo
    combo.setFocus()
    # The fact states a date (1996), so a date property: a money one would only be offered (issue 16).
    qtbot.keyClicks(combo, "diplom")  # type-ahead walks through other properties on the way
    assert window.session.undo_stack.count() == steps
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert window.session.undo_stack.count() == steps + 1
    with window.session.fact_base.reading() as conn:
        stored = queries.fact_row(conn, fact_id)
    assert stored.property_id == combo.currentData()
    assert combo.currentText().startswith("diplom")


def test_leaving_the_property_box_commits_and_escape_restores(qtbot, window):
    fact_id = _facts(window)[1]
    window.session.select_fact(fact_id)
    combo = window.fact_editor.property_combo
    steps = window.session.undo_stack.count()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    assert combo.currentIndex() == 0 and window.session.undo_stack.count() == steps
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    window.fact_table.view.setFocus()  # focus-out settles
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == steps + 1)


# -- item 9: F1 ----------------------------------------------------------------------------------


def test_keyboard_help_lists_every_binding_including_the_conflicts_panes(window):
    from PySide6.QtGui import QKeySequence, QShortcut

    from kzeu_desk.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window.menuBar(), window)
    table = dialog.table
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    keys = " ".join(row[2] for row in rows)
    for expected in ("Alt+1", "Alt+9", "Ctrl+Alt+1", "Ctrl+Alt+9", "Ctrl+Shift+D", "Ctrl+Shift+S", "F7", "Shift+F7"):
        assert QKeySequence(expected).toString(QKeySequence.SequenceFormat.NativeText) in keys, expected
    # Every key bound anywhere in the window appears.
    bound = {s.key().toString(QKeySequence.SequenceFormat.NativeText) for s in window.findChildren(QShortcut)}
    bound |= {k.toString(QKeySequence.SequenceFormat.NativeText) for a in window.actions() for k in a.shortcuts()}
    for key in bound - {""}:
        digit = key[-1] if key[-1].isdigit() else None
        assert key in keys or (digit and key[:-1] in keys), key
    assert any(row[0] == "Conflicts pane" for row in rows)
    dialog.close()


# -- item 10: words ------------------------------------------------------------------------------


def test_ctrl_n_without_a_selection_says_what_it_needs(qtbot, window):
    action = window.findChild(type(window.actionUndo), "actionNewFactFromSelection")
    assert action.isEnabled()
    facts = len(_facts(window))
    action.trigger()
    assert window.statusBar().currentMessage().startswith("Select some text")
    assert len(_facts(window)) == facts


def test_deleting_a_fact_says_how_to_undo_it(qtbot, window):
    fact_id = _facts(window)[0]
    window.session.select_fact(fact_id)
    window.findChild(type(window.actionUndo), "actionDeleteFact").trigger()
    assert window.statusBar().currentMessage() == f"Deleted fact {fact_id} — Ctrl+Z to undo."


def test_totals_are_plural_only_when_plural(qtbot, tmp_path):
    path = tmp_path / "one.sqlite"
    with FactBase.open(path) as fb:
        import_sample_corpus(fb)
        source = next(iter(_source_ids(fb).values()))
        fb.create_fact_from_selection(source, 0, 5)
    win = create_main_window(path)
    qtbot.addWidget(win)
    assert win.totals_label.text() == "5 sources · 1 fact · 0 open conflicts"
    win.close()


def test_read_only_windows_do_not_invite_ctrl_n_and_the_empty_queue_says_what_it_is_for(qtbot, db_path):
    from kzeu_desk.ui.orphan_queue import EMPTY_QUEUE_TEXT

    win = create_main_window(db_path, read_only=True)
    qtbot.addWidget(win)
    win.show()
    texts = [w.text() for w in win.findChildren(type(win.totals_label)) if w.isVisibleTo(win)]
    assert not any("Ctrl+N" in text for text in texts)
    assert "revised" in EMPTY_QUEUE_TEXT and "here" in EMPTY_QUEUE_TEXT
    win.close()


def test_an_export_to_an_unwritable_place_names_it(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kzeu_desk.ui import export_dialog

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    target = tmp_path / "locked" / "out.jsonl"

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(export_dialog, "export", refuse)
    dialog = export_dialog.ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.set_target(target)
    monkeypatch.setattr(export_dialog, "target_problem", lambda *args: None)
    with qtbot.waitSignal(dialog.export_finished, timeout=10_000):
        dialog.start_export()
    assert said == [f"The export could not be written to “{target}”: Permission denied."]


def test_command_line_errors_are_one_sentence(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    result = subprocess.run([sys.executable, "-m", "kzeu_desk", "export", "--db", str(folder), "--format", "jsonl",
                             "--out", str(tmp_path / "x.jsonl")], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1

