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
