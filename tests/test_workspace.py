"""The curator's workspace end to end: the real main window, driven the way a curator drives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QApplication, QDockWidget, QLineEdit, QWidget

from kzeu_desk.core import queries
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.text import Utf16Index
from kzeu_desk.ui import create_main_window

AUTOMATION_NAMES = ["mainWindow", "sourceList", "sourceView", "factEditor", "factTable", "conflictList"]
AUTOMATION_ACTIONS = ["actionNewFactFromSelection", "actionAddEvidence", "actionDeleteFact", "actionUndo",
                      "actionRedo", "actionImport", "actionExport", "actionNextConflict"]


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "workspace.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
    return path


@pytest.fixture
def window(qtbot, db_path):
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def action(win, name: str):
    found = win.findChild(type(win.actionUndo), name)
    assert found is not None, name
    return found


def open_source(win, qtbot, file_name: str) -> str:
    """Choose a source in the Sources pane as a curator would; returns its text."""
    with win.session.fact_base.reading() as conn:
        source = next(r for r in queries.source_rows(conn) if r.file_name == file_name)
        body = queries.source_text(conn, source.id)
    win.sources_pane.choose(source.id)
    qtbot.waitUntil(lambda: win.source_pane.source_id == source.id)
    return body


def select_text(win, body: str, quote: str, occurrence_start: int | None = None) -> tuple[int, int]:
    """Select `quote` in the source view with a QTextCursor (Qt positions are UTF-16)."""
    start = body.index(quote) if occurrence_start is None else occurrence_start
    end = start + len(quote)
    index = Utf16Index(body)
    view = win.source_pane.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(index.to_utf16(start))
    cursor.setPosition(index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    return start, end


def choose(combo, text: str) -> None:
    """Pick an entry as a user does (combos commit on `activated`, not on programmatic changes)."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.hidePopup()  # an item picked in the open list: Qt closes the list, then emits `activated`
    combo.activated.emit(index)


def stored_fact(win, fact_id: int) -> queries.FactRecord | None:
    with win.session.fact_base.reading() as conn:
        return queries.fact_row(conn, fact_id)


def test_automation_contract(window):
    for name in AUTOMATION_NAMES:
        widget = window if name == "mainWindow" else window.findChild(QWidget, name)
        assert widget is not None and widget.objectName() == name
    for name in AUTOMATION_ACTIONS:
        assert action(window, name).shortcuts(), f"{name} has no shortcut"
    for dock in window.findChildren(QDockWidget):
        assert dock.widget().accessibleName(), dock.objectName()


def test_every_action_is_in_a_menu_and_listed_in_the_shortcuts_help(window):
    from kzeu_desk.ui.shortcuts_dialog import shortcut_rows

    listed = {row[1] for row in shortcut_rows(window.menuBar())}
    menu_actions = {a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()}
    for act in window.actions():
        assert act in menu_actions, act.objectName()
    assert "New fact from selection" in listed and "Undo" in {r.split(" ")[0] for r in listed}


def test_new_fact_from_highlight_complete_undo_redo_and_reopen(window, qtbot, db_path):
    """The issue's 'done when': highlight, draft with a lower bound, complete, undo, redo, reopen."""
    body = open_source(window, qtbot, "kz_eu_30_years.txt")
    start, end = select_text(window, body, "exceeded US$160 billion")
    new_fact = action(window, "actionNewFactFromSelection")
    assert new_fact.isEnabled()
    new_fact.trigger()

    fact_id = window.session.selected_fact
    assert fact_id is not None
    row = stored_fact(window, fact_id)
    assert (row.value_kind, row.value_lower, row.value_unit, row.status) == ("money", 160e9, "USD", "draft")
    with window.session.fact_base.reading() as conn:
        spans = queries.evidence_spans(conn, window.source_pane.source_id)
    assert [(s.start, s.end, s.fact_id) for s in spans] == [(start, end, fact_id)]
    qtbot.waitUntil(lambda: window.fact_editor.shown_fact_id == fact_id)

    editor = window.fact_editor
    subject = editor.subject_field.line_edit
    subject.setFocus()
    qtbot.keyClicks(subject, "Kazakhstan")
    qtbot.keyClick(subject, Qt.Key.Key_Return)
    choose(editor.property_combo, "cumulative investment")
    choose(editor.status_combo, "confirmed")
    row = stored_fact(window, fact_id)
    assert row.status == "confirmed" and row.property_id is not None and row.subject_id is not None

    action(window, "actionUndo").trigger()
    assert stored_fact(window, fact_id).status == "draft"
    action(window, "actionRedo").trigger()
    assert stored_fact(window, fact_id).status == "confirmed"
    for _ in range(10):  # undo everything, including the fact itself, then redo it all
        if action(window, "actionUndo").isEnabled():
            action(window, "actionUndo").trigger()
    assert stored_fact(window, fact_id) is None
    while action(window, "actionRedo").isEnabled():
        action(window, "actionRedo").trigger()
    assert stored_fact(window, fact_id).status == "confirmed"

    window.close()
    reopened = create_main_window(db_path)
    qtbot.addWidget(reopened)
    with reopened.session.fact_base.reading() as conn:
        again = queries.fact_row(conn, fact_id)
        names = conn.exec_driver_sql(
            f"SELECT s.name, p.name FROM fact f JOIN entity s ON s.id = f.subject_id "
            f"JOIN property p ON p.id = f.property_id WHERE f.id = {fact_id}").one()
    assert (again.value_lower, again.status) == (160e9, "confirmed")
    assert tuple(names) == ("Kazakhstan", "cumulative investment")
    assert reopened.fact_table.view.model().rowCount() == 1
    reopened.close()


def test_selection_after_emoji_crlf_and_kazakh_stores_code_points(window, qtbot, tmp_path):
    raw = "Қазақстан 😀 мен ЕО\r\nтауар айналымы 2015 жылы өсті.\r\n"
    file = tmp_path / "kk.txt"
    file.write_bytes(raw.encode("utf-8"))
    job = window.import_files([file])
    job.wait()
    qtbot.waitUntil(lambda: window.sources_pane.model.rowCount() == 6)
    body = open_source(window, qtbot, "kk.txt")
    assert "\r" not in body
    start, end = select_text(window, body, "2015 жылы")
    action(window, "actionNewFactFromSelection").trigger()
    fact_id = window.session.selected_fact
    with window.session.fact_base.reading() as conn:
        (evidence,) = conn.exec_driver_sql(f'SELECT start, "end", quote FROM evidence WHERE fact_id = {fact_id}').all()
    assert tuple(evidence) == (start, end, "2015 жылы") == (34, 43, "2015 жылы")  # 34 code points; Qt counts 35 UTF-16 units
    assert stored_fact(window, fact_id).value_date == "2015"


def test_add_evidence_delete_fact_and_undo_across_panes(window, qtbot):
    body = open_source(window, qtbot, "kz_eu_30_years.txt")
    select_text(window, body, "almost US$77 billion")
    action(window, "actionNewFactFromSelection").trigger()
    fact_id = window.session.selected_fact
    select_text(window, body, "US$77 billion")
    assert action(window, "actionAddEvidence").isEnabled()
    action(window, "actionAddEvidence").trigger()
    with window.session.fact_base.reading() as conn:
        assert conn.exec_driver_sql(f"SELECT count(*) FROM evidence WHERE fact_id = {fact_id}").scalar() == 2
    action(window, "actionDeleteFact").trigger()
    assert stored_fact(window, fact_id) is None
    assert window.session.selected_fact is None
    assert window.fact_table.view.model().rowCount() == 0
    action(window, "actionUndo").trigger()
    assert stored_fact(window, fact_id) is not None
    qtbot.waitUntil(lambda: window.fact_table.view.model().rowCount() == 1)
    with window.session.fact_base.reading() as conn:
        assert len(queries.evidence_spans(conn, window.source_pane.source_id)) == 2


def test_dropping_files_imports_them_and_reports_what_happened(window, qtbot, tmp_path):
    from document_factory import ENGLISH, PdfLayout, make_pdf

    good = tmp_path / "note.md"
    good.write_text("# EU trade mission\n\nTrade grew by 10% in 2023.\n", encoding="utf-8")
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    paper = tmp_path / "brief.pdf"
    paper.write_bytes(make_pdf(ENGLISH * 4, PdfLayout(title="EU–Kazakhstan brief", author="EEAS")).data)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad)), QUrl.fromLocalFile(str(paper))])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    # Offscreen Qt has no drag manager to deliver drops, so the window's handlers are called directly.
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: getattr(window, "last_import_report", None) is not None, timeout=15_000)
    report = window.last_import_report
    assert window.sources_pane.model.rowCount() == 7
    assert "2 of 3 documents imported" in report.findChild(QLabel, "importReportHeading").text()
    assert "photo.png" in report.refusals_label.text() and "binary" in report.refusals_label.text()
    rows = {report.table.item(row, 0).text(): [report.table.item(row, c).text() for c in range(8)]
            for row in range(report.table.rowCount())}
    assert rows["EU–Kazakhstan brief"][1] == "EEAS" and rows["EU–Kazakhstan brief"][6].startswith("PDF, ")
    assert rows["EU trade mission"][6] == "Markdown"
    report.close()
    assert window.sources_pane.current_source_id() is not None
    action(window, "actionUndo").trigger()
    qtbot.waitUntil(lambda: window.sources_pane.model.rowCount() == 5)


def test_status_bar_counts_and_saved_state(window, qtbot):
    assert "5 sources · 0 facts · 0 open conflicts" in window.totals_label.text()
    assert window.saved_label.text() == "All changes saved"
    body = open_source(window, qtbot, "kz_eu_25_years.txt")
    select_text(window, body, "in 1996")
    action(window, "actionNewFactFromSelection").trigger()
    assert "1 facts" in window.totals_label.text() or "1 fact" in window.totals_label.text()


def test_read_only_window_disables_every_change(qtbot, db_path):
    win = create_main_window(db_path, read_only=True)
    qtbot.addWidget(win)
    win.show()
    assert "Read-only" in win.windowTitle() and win.read_only_badge.isVisibleTo(win)
    for name in ["actionNewFactFromSelection", "actionAddEvidence", "actionDeleteFact", "actionUndo", "actionRedo",
                 "actionImport"]:
        assert not action(win, name).isEnabled(), name
    assert action(win, "actionExport").isEnabled()
    win.close()


def test_dock_layout_is_restored(qtbot, db_path):
    first = create_main_window(db_path)
    qtbot.addWidget(first)
    first.show()
    history = first.findChild(QDockWidget, "historyDock")
    history.setFloating(True)
    first.close()
    second = create_main_window(db_path)
    qtbot.addWidget(second)
    second.show()
    assert second.findChild(QDockWidget, "historyDock").isFloating()
    second.close()


def test_conflict_queue_with_the_keyboard_alone(qtbot, db_path):
    from test_conflicts import DATE, Corpus, TypedValue

    with FactBase.open(db_path, actor="curator") as fb:
        corpus = Corpus(fb)
        rel = "Kazakhstan–EU relations"
        kept = corpus.fact(rel, "diplomatic_relations_established", TypedValue(DATE, date="1993"),
                           "kz_eu_30_years.txt", "30th anniversary of the establishment of diplomatic relations")
        dropped = corpus.fact(rel, "diplomatic_relations_established", TypedValue(DATE, date="1996"),
                              "kz_eu_25_years.txt", "five years later, in 1996")
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.windowHandle().requestActivate()  # offscreen, activateWindow() alone gives no focus
    qtbot.waitUntil(win.isActiveWindow)
    assert "1 open conflict" in win.totals_label.text() and "1 open conflicts" not in win.totals_label.text()
    action(win, "actionNextConflict").trigger()
    panel = win.conflicts_panel
    assert panel.current_conflict_id is not None
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    rationale = QApplication.focusWidget()
    assert isinstance(rationale, QLineEdit) and panel.isAncestorOf(rationale)
    qtbot.keyClicks(rationale, "The 2023 article marks the 30th anniversary.")
    first_card_fact = panel.cards[0].fact_id
    qtbot.keyClick(rationale, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    with win.session.fact_base.reading() as conn:
        ranks = dict(conn.exec_driver_sql("SELECT id, rank FROM fact").all())
        status = conn.exec_driver_sql("SELECT status, rationale FROM conflict").one()
    assert sorted(ranks.values()) == ["deprecated", "preferred"] and ranks[first_card_fact] == "preferred"
    assert tuple(status) == ("resolved", "The 2023 article marks the 30th anniversary.")
    qtbot.waitUntil(lambda: "0 open conflicts" in win.totals_label.text())  # counted off the GUI thread
    action(win, "actionUndo").trigger()
    with win.session.fact_base.reading() as conn:
        assert conn.exec_driver_sql("SELECT status FROM conflict").scalar() == "open"
    assert {kept, dropped} == set(ranks)
    win.close()


def test_importing_a_known_file_again_skips_it_and_a_changed_one_is_offered_as_a_revision(
        window, qtbot, tmp_path, monkeypatch):
    import kzeu_desk.ui.document_import as document_import
    from kzeu_desk.core import revisions

    body = open_source(window, qtbot, "kz_eu_25_years.txt")
    with window.session.fact_base.reading() as conn:
        source_id = next(r.id for r in queries.source_rows(conn) if r.file_name == "kz_eu_25_years.txt")
    questions = []

    same = tmp_path / "same" / "kz_eu_25_years.txt"
    same.parent.mkdir()
    same.write_text(body, encoding="utf-8")
    window.import_files([same]).wait()
    qtbot.waitUntil(lambda: getattr(window, "last_import_report", None) is not None)
    assert "already imported" in window.last_import_report.refusals_label.text()
    assert window.sources_pane.model.rowCount() == 5
    window.last_import_report.close()

    changed = tmp_path / "changed" / "kz_eu_25_years.txt"
    changed.parent.mkdir()
    changed.write_text(body.replace("five years later, in 1996", "five years later, in 1996 (corrected)"),
                       encoding="utf-8")

    def answer(choice):
        def ask(_parent, possible):
            questions.append(possible)
            return choice
        return ask

    monkeypatch.setattr(document_import, "ask_about_possible_revision",
                        answer(document_import.RevisionChoice.NEW_REVISION))
    job = window.import_files([changed])
    with qtbot.waitSignal(job.revision_imported, timeout=60_000):
        job.wait()
    assert questions[0].match.source_id == source_id
    assert questions[0].match.reason is revisions.MatchReason.FILE_NAME
    with window.session.fact_base.reading() as conn:
        assert revisions.current_revision(conn, source_id) == 2
        assert "(corrected)" in queries.source_text(conn, source_id)
    assert window.sources_pane.model.rowCount() == 5

    again = tmp_path / "again" / "kz_eu_25_years.txt"
    again.parent.mkdir()
    again.write_text(body + "\nA postscript.\n", encoding="utf-8")
    monkeypatch.setattr(document_import, "ask_about_possible_revision",
                        answer(document_import.RevisionChoice.SEPARATE_SOURCE))
    job = window.import_files([again])
    with qtbot.waitSignal(job.done, timeout=60_000):
        job.wait()
    assert len(questions) == 2 and window.sources_pane.model.rowCount() == 6
