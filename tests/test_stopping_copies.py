"""Stop on a backup and on a reviewer copy: stopped, neither leaves a file (partial or looking
complete) nor touches the fact base it copies; an earlier file of the reviewer copy's name stays."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QToolButton

from kzeu_desk.core import backups
from kzeu_desk.core.progress import Progress, Report, Stopped
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.storage.sqlite import engine as sqlite_engine
from kzeu_desk.ui import create_main_window

# SQLite asks the progress handler every million instructions in the app; a sample fact base is
# copied in fewer, so the tests ask more often to stop the copy in the middle of its statement.
OFTEN = 100


@pytest.fixture
def sample_db(tmp_path) -> Path:
    (tmp_path / "base").mkdir()
    path = tmp_path / "base" / "sample.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
    return path


def _state(path: Path) -> list[tuple[str, str]]:
    """The fact base's files and their bytes: a copy only reads them."""
    return sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in path.parent.iterdir() if p.is_file())


def _stopping_at(stage: str) -> tuple[Progress, list[Report]]:
    heard: list[Report] = []
    progress: Progress

    def listener(report: Report) -> None:
        heard.append(report)
        if report.stage == stage:
            progress.request_stop()

    progress = Progress(listener, stop_message="Stopped.")
    return progress, heard


@pytest.mark.parametrize("stage", ["Copying the fact base", "Checking the copy"])
def test_a_stopped_backup_leaves_no_file_and_the_fact_base_untouched(sample_db, monkeypatch, stage):
    monkeypatch.setattr(sqlite_engine, "_STEPS_PER_CHECK", OFTEN)
    with FactBase.open(sample_db, actor="curator") as fb:
        before = _state(sample_db)
        progress, heard = _stopping_at(stage)
        with pytest.raises(Stopped):
            backups.take_backup(fb.location, "manual", progress)
        assert [r.stage for r in heard][-1] == stage
        assert not backups.backup_folder(sample_db).exists()  # the folder it made went too
        assert backups.list_backups(sample_db) == []
        assert _state(sample_db) == before
        fb.create_fact(value=TypedValue(ValueKind.DATE, date="2020"))  # and it still takes changes
    # Once a backup folder exists, a stopped backup leaves it as it was.
    kept = backups.take_backup(sample_db, "manual")
    with pytest.raises(Stopped):
        backups.take_backup(sample_db, "manual", _stopping_at(stage)[0])
    assert sorted(backups.backup_folder(sample_db).iterdir()) == [kept.path]


def test_a_stopped_reviewer_copy_leaves_an_earlier_file_of_that_name_as_it_was(sample_db, tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_engine, "_STEPS_PER_CHECK", OFTEN)
    target = tmp_path / "out" / "review.sqlite"
    target.parent.mkdir()
    target.write_bytes(b"an earlier file of this name")
    with FactBase.open(sample_db, actor="curator") as fb:
        with pytest.raises(Stopped):
            fb.write_snapshot(target, _stopping_at("Copying the fact base")[0])
        assert sorted(target.parent.iterdir()) == [target]
        assert target.read_bytes() == b"an earlier file of this name"


def test_a_backup_reports_how_far_the_copy_got(sample_db, monkeypatch):
    monkeypatch.setattr(sqlite_engine, "_STEPS_PER_CHECK", OFTEN)
    heard: list[Report] = []
    backup = backups.take_backup(sample_db, "manual", Progress(heard.append))
    copying = [r for r in heard if r.stage == "Copying the fact base"]
    assert copying and copying[0].total == sample_db.stat().st_size  # the pages to copy, in bytes
    assert [r.stage for r in heard if r.total == 0][-2:] == ["Checking the copy", "Saving the copy"]
    assert sqlite_engine.copy_problems(backup.path) == []


# -- the window: Stop beside the operation in the status bar -----------------------------------


@pytest.fixture
def held_copy(monkeypatch):
    """The copy waits, before it starts, until the test lets it go: Stop is clicked while it runs."""
    gate = threading.Event()
    copying = threading.Event()
    real = sqlite_engine._vacuum_into

    def held(database, target, progress=None):
        copying.set()
        gate.wait(10)
        return real(database, target, progress)

    monkeypatch.setattr(sqlite_engine, "_vacuum_into", held)
    monkeypatch.setattr(sqlite_engine, "_STEPS_PER_CHECK", OFTEN)
    return gate, copying


def _stop_in_the_status_bar(qtbot, window, label: str, gate: threading.Event, copying: threading.Event) -> None:
    qtbot.waitUntil(copying.is_set, timeout=5000)
    button = next(b for b in window.statusBar().findChildren(QToolButton, "operationStop")
                  if b.accessibleName() == f"Stop {label}")
    assert button.isVisible() and button.isEnabled()
    button.click()
    assert button.text() == "Stopping…" and not button.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not window.session.operations, timeout=10_000)
    assert not [b for b in window.statusBar().findChildren(QToolButton, "operationStop") if b.isVisible()]


def test_stop_on_a_backup_in_the_window_leaves_no_backup(qtbot, sample_db, held_copy):
    window = create_main_window(sample_db)
    qtbot.addWidget(window)
    window.show()
    before = backups.list_backups(sample_db)
    window.findChild(QAction, "actionBackUpNow").trigger()
    _stop_in_the_status_bar(qtbot, window, "Back up", *held_copy)
    assert backups.list_backups(sample_db) == before
    assert not backups.backup_folder(sample_db).exists()
    assert window.statusBar().currentMessage() == "The backup was stopped; no backup was written."
    window.close()


def test_stop_on_a_reviewer_copy_in_the_window_leaves_no_copy(qtbot, sample_db, tmp_path, held_copy, monkeypatch):
    target = tmp_path / "review" / "for-review.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = create_main_window(sample_db)
    qtbot.addWidget(window)
    window.show()
    window.findChild(QAction, "actionExportReviewerCopy").trigger()
    _stop_in_the_status_bar(qtbot, window, "Export reviewer copy", *held_copy)
    assert list(target.parent.iterdir()) == []
    assert "was stopped" in window.statusBar().currentMessage()
    window.close()


# -- restore: stopped at any point before its replacement commits, the fact base is as it was ------


def _content(path: Path) -> list[str]:
    """The fact base's content as SQL (its bytes may differ: a rolled-back restore leaves uncommitted
    frames in the -wal, which no reader ever sees)."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _stopping_at_nth(stage: str, nth: int) -> Progress:
    seen = 0
    progress: Progress

    def listener(report: Report) -> None:
        nonlocal seen
        if report.stage == stage and report.done == 0:
            seen += 1
            if seen == nth:
                progress.request_stop()

    progress = Progress(listener, stop_message="Stopped.")
    return progress


@pytest.mark.parametrize(("stage", "nth"), [
    ("Checking “chosen.sqlite”", 1),  # SQLite's check of the backup
    ("Copying the fact base", 1),  # the backup copied privately
    ("Copying the fact base", 2),  # the present state backed up
    (sqlite_engine.RESTORING_STAGE, 1),  # the replacement, a page at a time, stopped after its first page
])
def test_a_stopped_restore_leaves_the_fact_base_as_it_was_and_no_backup_of_it(sample_db, monkeypatch, stage, nth):
    monkeypatch.setattr(sqlite_engine, "_STEPS_PER_CHECK", OFTEN)
    monkeypatch.setattr(sqlite_engine, "RESTORE_PAGES_PER_STEP", 1)
    chosen = backups.take_backup(sample_db, "manual").path.rename(
        backups.backup_folder(sample_db) / "sample-20261201T000000Z-manual.sqlite")
    chosen_copy = chosen.with_name("chosen.sqlite")
    chosen_copy.write_bytes(chosen.read_bytes())
    with FactBase.open(sample_db, actor="curator") as fb:
        fb.create_fact(value=TypedValue(ValueKind.DATE, date="2021"))  # what a restore would take away
        before, kept = _content(sample_db), backups.list_backups(sample_db)
        with pytest.raises(Stopped):
            backups.restore_backup(fb.location, chosen_copy, _stopping_at_nth(stage, nth))
        assert _content(sample_db) == before
        assert backups.list_backups(sample_db) == kept  # no backup of the present state is left over
        assert sqlite_engine.copy_problems(sample_db) == []
        fb.create_fact(value=TypedValue(ValueKind.DATE, date="2022"))  # and it still takes changes
        # Not stopped, the same restore replaces the content.
        safety = backups.restore_backup(fb.location, chosen_copy, Progress())
        assert _content(sample_db) == _content(chosen_copy)
        assert safety.reason == "before-restore"


def test_a_stop_asked_once_the_replacement_committed_comes_too_late(sample_db, monkeypatch):
    monkeypatch.setattr(sqlite_engine, "RESTORE_PAGES_PER_STEP", 1)
    chosen = backups.take_backup(sample_db, "manual")
    progress: Progress

    def listener(report: Report) -> None:
        if report.stage == sqlite_engine.RESTORING_STAGE and report.total and report.done == report.total:
            progress.request_stop()  # Python calls back once more after the step that committed

    progress = Progress(listener)
    with FactBase.open(sample_db, actor="curator") as fb:
        fb.create_fact(value=TypedValue(ValueKind.DATE, date="2021"))
        safety = backups.restore_backup(fb.location, chosen.path, progress)  # no Stopped: it is done
        assert progress.stop_requested
        assert _content(sample_db) == _content(chosen.path)
        assert safety.reason == "before-restore"


def test_stop_on_a_restore_in_the_window_leaves_the_fact_base_as_it_was(qtbot, sample_db, held_copy):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from kzeu_desk.ui.maintenance import restore

    chosen = backups.take_backup(sample_db, "manual")
    window = create_main_window(sample_db)
    qtbot.addWidget(window)
    window.show()
    window.session.fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="2021"))
    before = _content(sample_db)
    refreshed: list[bool] = []
    op = restore(window, window.session, chosen.path, lambda: refreshed.append(True), window.statusBar().showMessage)
    gate, copying = held_copy
    qtbot.waitUntil(copying.is_set, timeout=5000)
    dialog = window.findChild(QProgressDialog, "operationProgress")
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # shown once the work lasts 400 ms
    dialog.findChild(QPushButton).click()
    gate.set()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert not refreshed
    assert window.statusBar().currentMessage() == "The restore was stopped; the fact base is as it was."
    assert _content(sample_db) == before
    assert backups.list_backups(sample_db) == [chosen]
    window.close()
