"""The window watches its fact base file for other programs' commits: its own commits, which change
the same files, are not looked into (no read, no refresh), and another program's still are."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui import create_main_window

# The window waits this long after a file event before it looks (a burst of commits, one look).
AFTER_THE_BURST_MS = 1_200


@pytest.fixture
def sample_db(tmp_path) -> Path:
    path = tmp_path / "sample.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
    return path


@pytest.fixture
def watched(qtbot, sample_db):
    """The window, and what it did on file events: reads of the latest operation and refreshes."""
    window = create_main_window(sample_db)
    qtbot.addWidget(window)
    window.show()
    looked: list[str] = []
    latest, refresh = window._latest_operation, window.refresh_all
    window._latest_operation = lambda: (looked.append("read"), latest())[1]
    window.refresh_all = lambda: (looked.append("refresh"), refresh())[1]
    qtbot.wait(AFTER_THE_BURST_MS)  # whatever opening the file set off
    looked.clear()
    yield window, looked
    window.close()


def _another_program_adds_a_fact(path: Path) -> None:
    program = textwrap.dedent(f"""
        from pathlib import Path
        from kzeu_desk.core.service import FactBase
        from kzeu_desk.core.typed_value import TypedValue, ValueKind
        with FactBase.open(Path({str(path)!r}), actor="colleague") as fb:
            fb.create_fact(value=TypedValue(ValueKind.DATE, date="1999"))
    """)
    subprocess.run([sys.executable, "-c", program], check=True, capture_output=True, timeout=120)


def test_the_windows_own_commits_are_not_looked_into(qtbot, watched):
    window, looked = watched
    rows = window.fact_table.model.rowCount()
    window.session.perform(lambda fb: fb.create_fact(value=TypedValue(ValueKind.DATE, date="2020")))
    window.actionRescanConflicts.trigger()  # a writing operation off the GUI thread
    qtbot.waitUntil(lambda: not window.session.operations, timeout=10_000)
    qtbot.wait(AFTER_THE_BURST_MS)
    assert looked == []
    assert window.fact_table.model.rowCount() == rows + 1  # shown from the edit's own Changes


def test_another_programs_commit_is_still_seen(qtbot, watched, sample_db):
    window, looked = watched
    rows = window.fact_table.model.rowCount()
    window.session.perform(lambda fb: fb.create_fact(value=TypedValue(ValueKind.DATE, date="2020")))
    _another_program_adds_a_fact(sample_db)
    qtbot.waitUntil(lambda: window.fact_table.model.rowCount() == rows + 2, timeout=10_000)
    assert "refresh" in looked
    # And after it, the window's own commit is again its own.
    qtbot.wait(AFTER_THE_BURST_MS)
    looked.clear()
    window.session.perform(lambda fb: fb.create_fact(value=TypedValue(ValueKind.DATE, date="2021")))
    qtbot.wait(AFTER_THE_BURST_MS)
    assert looked == []


def test_a_refresh_reads_the_panes_on_later_turns_and_shows_what_another_program_wrote(qtbot, watched, sample_db):
    """File > Refresh starts the reads that run off the GUI thread at once and reads the other panes
    one a turn (all in one turn they were a restore's longest gap at 1M facts); a closed window reads
    nothing more."""
    from PySide6.QtWidgets import QApplication

    window, _looked = watched
    read: list[str] = []
    for name, pane in (("editor", window.fact_editor), ("conflicts", window.conflicts_panel),
                       ("history", window.history_pane.model), ("views", window.whole_base_views)):
        pane.reload = (lambda name=name, reload=pane.reload: (read.append(name), reload())[1])
    operations = window.history_pane.model.rowCount()
    _another_program_adds_a_fact(sample_db)
    window.actionRefresh.trigger()
    assert read == [] and window.refresh_pending
    QApplication.processEvents()  # each pane on a turn of its own, after the timers due
    assert len(read) <= 1
    qtbot.waitUntil(lambda: not window.refresh_pending, timeout=10_000)
    assert read == ["editor", "conflicts", "history", "views"]
    assert window.history_pane.model.rowCount() == operations + 1  # the other program's operation
    read.clear()
    window.refresh_all()
    window.close()
    qtbot.wait(50)
    assert read == [] and not window.refresh_pending


def _another_program_revises(path: Path, source_id: int, folder: Path) -> str:
    """Another program imports a new revision of a source: its text with a sentence added."""
    program = textwrap.dedent(f"""
        from pathlib import Path
        from kzeu_desk.core.reading import read_document
        from kzeu_desk.core.service import FactBase
        with FactBase.open(Path({str(path)!r}), actor="colleague") as fb:
            with fb.reading() as conn:
                text = conn.exec_driver_sql("SELECT text FROM source WHERE id = ?", ({source_id},)).scalar()
            revised = Path({str(folder / "revised.txt")!r})
            revised.write_text(text + "\\nA correction was added here.\\n", encoding="utf-8")
            fb.import_revision({source_id}, read_document(revised))
    """)
    subprocess.run([sys.executable, "-c", program], check=True, capture_output=True, timeout=120)
    with FactBase.open(path, actor="reader") as fb, fb.reading() as conn:
        return conn.exec_driver_sql("SELECT text FROM source WHERE id = ?", (source_id,)).scalar()


def test_a_refresh_sets_the_shown_source_again_only_if_the_file_changed_it(qtbot, watched, sample_db, tmp_path,
                                                                          monkeypatch):
    """File > Refresh with a source shown: neither its text nor its highlights nor its revisions'
    diff are set again when the file did not change them (the 1 MB source's text set again took
    170-263 ms of the GUI thread in one turn at 1M facts, its highlights' index 60-80 ms more), and
    its spans are read off the GUI thread (~100 ms of it there); another program's new revision of
    it is shown, with its revisions listed."""
    import threading

    from kzeu_desk.core import queries

    window, _looked = watched
    read_on: list[bool] = []
    spans_of = queries.evidence_spans
    monkeypatch.setattr(queries, "evidence_spans", lambda conn, source_id: (
        read_on.append(threading.current_thread() is threading.main_thread()), spans_of(conn, source_id))[1])
    with window.session.fact_base.reading() as conn:
        source_id = conn.exec_driver_sql("SELECT min(id) FROM source").scalar()
    window.session.perform(lambda fb: fb.create_fact_from_selection(source_id, 0, 12))  # a highlight
    window.sources_pane.choose(source_id)
    view, revisions = window.source_pane.view, window.revision_view
    qtbot.waitUntil(lambda: window.source_pane.source_id == source_id and revisions.source_id == source_id)
    index, text, listed = view.highlight_index, view.source_text, revisions.history.count()
    assert index is not None and len(index) > 0
    set_again: list[str] = []
    view.document().contentsChange.connect(lambda *_args: set_again.append("text"))
    revisions.diff_view.document().contentsChange.connect(lambda *_args: set_again.append("diff"))

    def refreshed() -> None:
        window.actionRefresh.trigger()
        qtbot.waitUntil(lambda: not window.refresh_pending and not window.sources_pane.model.reading
                        and not window.source_pane.reading, timeout=10_000)

    read_on.clear()
    refreshed()
    assert read_on == [False]  # once, off the GUI thread
    assert set_again == [] and view.highlight_index is index and view.source_text == text
    assert window.source_pane.source_id == source_id and revisions.history.count() == listed

    revised = _another_program_revises(sample_db, source_id, tmp_path)
    refreshed()
    assert view.source_text == revised != text and "text" in set_again
    assert revisions.history.count() == listed + 1
