"""Reviewers change nothing, even by accident; several people can have one fact base open at once."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from kzeu_desk.core import queries
from kzeu_desk.core.storage.sqlite import engine as sqlite_features
from kzeu_desk.core.errors import StaleEdit
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui import create_main_window

NOBODY = 65534


def fingerprint(path: Path) -> tuple[str, int, list[str]]:
    siblings = sorted(p.name for p in path.parent.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, siblings


@pytest.fixture
def sample_db(tmp_path) -> Path:
    """The sample fact base with some facts and a conflict, closed as a curator leaves it."""
    import sys as _sys

    _sys.path.insert(0, str(Path(__file__).parent))
    from test_conflicts import DATE, Corpus

    (tmp_path / "base").mkdir()
    path = tmp_path / "base" / "sample.sqlite"  # alone in its folder, so stray -wal/-shm files would show
    with FactBase.open(path, actor="curator") as fb:
        import_sample_corpus(fb)
        corpus = Corpus(fb)
        corpus.fact("Kazakhstan–EU relations", "diplomatic_relations_established", TypedValue(DATE, date="1996"),
                    "kz_eu_25_years.txt", "five years later, in 1996")
        corpus.fact("Kazakhstan–EU relations", "diplomatic_relations_established", TypedValue(DATE, date="1993"),
                    "kz_eu_30_years.txt", "30th anniversary of the establishment of diplomatic relations")
    return path


def test_a_closed_fact_base_is_one_file_in_rollback_journal_mode(sample_db):
    assert not sqlite_features.is_wal_mode(sample_db)
    assert sorted(p.name for p in sample_db.parent.iterdir()) == ["sample.sqlite"]


def test_writers_use_wal_while_open(sample_db):
    with FactBase.open(sample_db) as fb, fb.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def _harmless_dialogs(monkeypatch, tmp_path):
    """Every dialog a menu action may open answers as a user who cancels or picks a new file."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "exported.sqlite"), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "exported-dir"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("reviewer typed a reason", True))
    monkeypatch.setattr(QMessageBox, "about", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)


def test_scripted_reviewer_session_changes_nothing(qtbot, sample_db, tmp_path, monkeypatch):
    before = fingerprint(sample_db)
    _harmless_dialogs(monkeypatch, tmp_path)
    window = create_main_window(sample_db, read_only=True)
    qtbot.addWidget(window)
    window.show()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    assert "Read-only" in window.windowTitle() and window.banner.isVisible()

    # Browse: every source, every fact, every conflict.
    for row in range(window.sources_pane.model.rowCount()):
        window.sources_pane.view.selectRow(row)
    table = window.fact_table.view
    for row in range(table.model().rowCount()):
        table.selectRow(row)
    window.conflicts_panel.next_conflict()
    window.session.select_fact(1)

    # A curator's reflexes: select text and make a fact, undo, delete, type into every field, paste.
    view = window.source_pane.view
    view.selectAll()
    QGuiApplication.clipboard().setText("1993")
    for keys in ("Ctrl+N", "Ctrl+Shift+N", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Delete", "Ctrl+Delete",
                 "Ctrl+V", "Ctrl+K", "Ctrl+Shift+F"):
        for target in (view, window.fact_editor, window.fact_table.view, window.conflicts_panel):
            qtbot.keyClick(target, QKeySequence(keys)[0].key(), QKeySequence(keys)[0].keyboardModifiers())
    for field in window.fact_editor.findChildren(QLineEdit) + window.conflicts_panel.findChildren(QLineEdit):
        if field.isVisible():
            field.setFocus()
            qtbot.keyClicks(field, "changed 2001")
            qtbot.keyClick(field, Qt.Key.Key_Return)
            qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    window.fact_table.view.setFocus()

    # A file dropped on the window.
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("Trade with the EU grew in 2023.")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier))

    # Every action in every menu, enabled or not (Quit last).
    actions = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()
               if not a.isSeparator() and a.menu() is None and a.objectName() not in ("actionQuit",
                                                                                     "actionOpen",
                                                                                     "actionOpenReadOnly")]
    assert len(actions) >= 20
    for act in actions:
        act.trigger()
        QApplication.processEvents()
    window.close()
    window.session.fact_base.close()
    assert fingerprint(sample_db) == before
    for window_ in QApplication.topLevelWidgets():
        if isinstance(window_, QWidget) and window_.objectName() == "mainWindow" and window_ is not window:
            window_.close()


def test_live_review_sees_new_work_and_never_blocks_the_writer(sample_db):
    curator = FactBase.open(sample_db, actor="curator")
    reviewer = FactBase.open(sample_db, read_only=True)
    try:
        with reviewer.reading() as conn:
            before = queries.totals(conn).facts
            # The reviewer is mid-read while the curator commits: WAL lets both proceed.
            curator.create_fact(value=TypedValue(ValueKind.DATE, date="2020"))
            assert queries.totals(conn).facts == before  # one consistent state for the whole read
        with reviewer.reading() as conn:
            assert queries.totals(conn).facts == before + 1
    finally:
        reviewer.close()
        curator.close()


def test_window_refreshes_when_another_curator_writes(qtbot, sample_db):
    window = create_main_window(sample_db, read_only=True)
    qtbot.addWidget(window)
    window.show()
    rows = window.fact_table.view.model().rowCount()
    with FactBase.open(sample_db, actor="colleague") as colleague:
        colleague.create_fact(value=TypedValue(ValueKind.DATE, date="2020"))
    qtbot.waitUntil(lambda: window.fact_table.view.model().rowCount() == rows + 1, timeout=5000)
    with FactBase.open(sample_db, actor="colleague") as colleague:
        colleague.create_fact(value=TypedValue(ValueKind.DATE, date="2021"))
    window.findChild(QAction, "actionRefresh").trigger()
    window.fact_table.model.wait_for_count()  # counted off the GUI thread
    assert window.fact_table.view.model().rowCount() == rows + 2
    window.close()


def test_reviewer_copy_opens_read_only_anywhere(qtbot, sample_db, shared_folder, monkeypatch):
    target = shared_folder / "for-review.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = create_main_window(sample_db)
    qtbot.addWidget(window)
    window.findChild(QAction, "actionExportReviewerCopy").trigger()
    window.close()
    assert not sqlite_features.is_wal_mode(target)
    target.parent.chmod(0o555)
    try:
        result = _as_nobody(f"""
            from kzeu_desk.core.service import FactBase
            fb = FactBase.open(Path({str(target)!r}), read_only=True)
            with fb.reading() as conn:
                print(queries.totals(conn).facts, fb.reading_a_copy)
            fb.close()
        """)
    finally:
        target.parent.chmod(0o755)
    assert result.stdout.split() == ["2", "False"], result.stderr
    assert sorted(p.name for p in target.parent.iterdir()) == ["for-review.sqlite"]


# -- what a user without write permission meets (tests run as root, so drop to nobody) ---------


def _as_nobody(program: str) -> subprocess.CompletedProcess:
    """Run `program` as user nobody. Modules load while still root (the interpreter lives under a
    private home), then privileges are dropped before the program touches any fact base."""
    prelude = textwrap.dedent("""
        import os, sys, sqlite3, tempfile, shutil, json
        from pathlib import Path
        import kzeu_desk.cli, kzeu_desk.core.service, kzeu_desk.core.integrity, kzeu_desk.core.conflict_report
        import kzeu_desk.core.sample_corpus, kzeu_desk.core.migrations, kzeu_desk.core.storage
        from kzeu_desk.core import queries
        import alembic.command, alembic.runtime.migration, alembic.script
        import encodings, importlib, pkgutil
        for codec in pkgutil.iter_modules(encodings.__path__):  # codecs load lazily from the private home
            try:
                importlib.import_module("encodings." + codec.name)
            except ImportError:
                pass
        import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
        import kzeu_desk.ui.app, kzeu_desk.ui.main_window, kzeu_desk.ui.sources_pane, kzeu_desk.ui.source_view
        import kzeu_desk.ui.fact_editor, kzeu_desk.ui.fact_table, kzeu_desk.ui.history_pane
        import kzeu_desk.ui.conflicts_panel, kzeu_desk.ui.session, kzeu_desk.ui.document_import
        os.setgroups([]); os.setgid(65534); os.setuid(65534)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(program)], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.fixture
def shared_folder():
    """A folder another user can reach (pytest's own temporary folders are private to root)."""
    import shutil
    import tempfile

    outer = Path(tempfile.mkdtemp(prefix="kzeu-shared-"))
    outer.chmod(0o755)
    folder = outer / "shared"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(outer, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to another user")
def test_wal_fact_base_in_read_only_folder_opens_through_a_copy(sample_db, shared_folder):
    path = shared_folder / "facts.sqlite"
    path.write_bytes(sample_db.read_bytes())
    raw = __import__("sqlite3").connect(path)
    raw.execute("PRAGMA journal_mode = WAL")  # left in WAL mode, as after a crash or an older version
    raw.close()
    assert sqlite_features.is_wal_mode(path) and not sqlite_features.wal_file(path).exists()
    path.chmod(0o644)
    shared_folder.chmod(0o555)
    before = fingerprint(path)
    result = _as_nobody(f"""
        from kzeu_desk.core.service import FactBase
        fb = FactBase.open(Path({str(path)!r}))
        with fb.reading() as conn:
            print(fb.read_only, fb.reading_a_copy, queries.totals(conn).facts)
        print(fb.read_only_reason.replace(chr(10), " "))
        fb.close()
        sys.exit(kzeu_desk.cli.main(["conflicts", "--db", {str(path)!r}]))
    """)
    assert result.returncode == 0, result.stderr
    first, reason = result.stdout.splitlines()[:2]
    assert first == "True True 2"
    assert "read-only" in reason and "copy" in reason
    assert "1 open conflict." in result.stdout
    assert fingerprint(path) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to another user")
def test_file_without_write_permission_opens_read_only_with_the_reason(sample_db, shared_folder):
    path = shared_folder / "facts.sqlite"
    path.write_bytes(sample_db.read_bytes())
    path.chmod(0o444)
    shared_folder.chmod(0o777)
    before = fingerprint(path)
    result = _as_nobody(f"""
        from kzeu_desk.core.service import FactBase
        fb = FactBase.open(Path({str(path)!r}))
        print(fb.read_only, fb.reading_a_copy)
        print(fb.read_only_reason)
        fb.close()
        sys.exit(kzeu_desk.cli.main(["--smoke", {str(path)!r}]))
    """)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "True False" and "permission" in lines[1]
    assert fingerprint(path) == before


# -- two curators ---------------------------------------------------------------------------------

_INCREMENTER = """
import sys
from pathlib import Path
from kzeu_desk.core.errors import StaleEdit
from kzeu_desk.core.service import FactBase
from kzeu_desk.core import queries

path, fact_ids, rounds = Path(sys.argv[1]), [int(i) for i in sys.argv[2].split(",")], int(sys.argv[3])
refused = 0
with FactBase.open(path, actor=sys.argv[4]) as fb:
    for n in range(rounds):
        fact_id = fact_ids[n % len(fact_ids)]
        while True:
            with fb.reading() as conn:
                row = queries.fact_row(conn, fact_id)
            try:
                fb.update_fact(fact_id, row.version, note=str(int(row.note) + 1))
                break
            except StaleEdit:
                refused += 1  # someone else got there first: reload and try again, as the editor does
print(refused)
"""


def test_two_processes_editing_the_same_facts_lose_no_update(tmp_path):
    path = tmp_path / "shared.sqlite"
    with FactBase.open(path) as fb:
        ids = [fb.create_fact(value=TypedValue(ValueKind.TEXT, text=f"fact {i}"), note="0").new_id("fact")
               for i in range(3)]
    script = tmp_path / "incrementer.py"
    script.write_text(_INCREMENTER)
    rounds = 60
    workers = [subprocess.Popen([sys.executable, str(script), str(path), ",".join(map(str, ids)), str(rounds), who],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for who in ("aigerim", "marat")]
    outputs = [w.communicate(timeout=180) for w in workers]
    assert all(w.returncode == 0 for w in workers), [o[1][-800:] for o in outputs]
    with FactBase.open(path, read_only=True) as fb, fb.reading() as conn:
        total = sum(int(queries.fact_row(conn, i).note) for i in ids)
        versions = sum(queries.fact_row(conn, i).version for i in ids)
    assert total == 2 * rounds  # every increment survived
    assert versions == 3 + 2 * rounds


def test_stale_edit_from_an_editor_is_refused_with_a_clear_message(sample_db):
    with FactBase.open(sample_db, actor="aigerim") as first, FactBase.open(sample_db, actor="marat") as second:
        first.update_fact(1, 1, note="aigerim's note")
        with pytest.raises(StaleEdit, match="changed by aigerim"):
            second.update_fact(1, 1, note="marat's note")
        with second.reading() as conn:
            assert queries.fact_row(conn, 1).note == "aigerim's note"
