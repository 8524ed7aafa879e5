"""Backups, check and repair, a full disk, and damaged or foreign fact-base files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from kzeu_desk.core import backups, queries
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.integrity import check
from kzeu_desk.core.repair import repair
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind


def kzeu(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kzeu_desk", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def facts(fb) -> int:
    with fb.reading() as conn:
        return queries.totals(conn).facts


# -- backups ---------------------------------------------------------------------------------------


def test_backup_is_a_checked_snapshot_and_restore_brings_the_state_back(fact_base):
    fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="1996"))
    backup = backups.take_backup(fact_base.path, "manual")
    fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="1993"))
    assert facts(fact_base) == 2
    with sqlite3.connect(backup.path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert raw.execute("SELECT count(*) FROM fact").fetchone()[0] == 1
    safety = backups.restore_backup(fact_base.path, backup.path)
    assert facts(fact_base) == 1  # the open fact base sees the restored content
    assert safety.reason == "before-restore"
    with sqlite3.connect(safety.path) as raw:
        assert raw.execute("SELECT count(*) FROM fact").fetchone()[0] == 2


def test_rotation_keeps_daily_weekly_monthly(tmp_path):
    now = datetime(2026, 11, 22, 12, tzinfo=UTC)
    made = [backups.Backup(tmp_path / f"b{i}.sqlite", now - timedelta(hours=6 * i), "periodic") for i in range(4 * 400)]
    keep = backups.backups_to_keep(made)
    kept = sorted((b for b in made if b.path in keep), key=lambda b: b.taken_at, reverse=True)
    days = {b.taken_at.date() for b in kept}
    assert len(kept) <= backups.KEEP_NEWEST + backups.KEEP_DAILY + backups.KEEP_WEEKLY + backups.KEEP_MONTHLY
    assert all((now - timedelta(days=d)).date() in days for d in range(backups.KEEP_DAILY))
    assert min(b.taken_at for b in kept) < now - timedelta(days=230)  # months back
    assert made[0].path in keep


def test_backup_command_takes_lists_and_restores(fact_base):
    db = str(fact_base.path)
    taken = kzeu("backup", "--db", db)
    assert taken.returncode == 0, taken.stderr
    backup_path = taken.stdout.strip()
    fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="2020"))
    listed = kzeu("backup", "--db", db, "--list")
    assert backup_path in listed.stdout and "manual" in listed.stdout
    restored = kzeu("backup", "--db", db, "--restore", backup_path)
    assert restored.returncode == 0, restored.stderr
    assert facts(fact_base) == 0
    not_a_backup = Path(fact_base.path.parent / "junk.sqlite")
    not_a_backup.write_bytes(os.urandom(4096))
    refused = kzeu("backup", "--db", db, "--restore", str(not_a_backup))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr and len(refused.stderr.splitlines()) == 1


# -- check and repair ------------------------------------------------------------------------------


def test_check_finds_and_repair_fixes_app_level_damage(fact_base):
    a = fact_base.create_fact_from_selection(1, 0, 10).new_id("fact")
    b = fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="b")).new_id("fact")
    fact_base.link_facts(a, b, "supports")
    raw = sqlite3.connect(fact_base.path)  # another tool edits the file without foreign keys
    raw.execute("DELETE FROM fact WHERE id = ?", (a,))
    raw.commit()
    raw.close()
    with fact_base.reading() as conn:
        found = check(conn)
    assert {p.check for p in found} >= {"foreign_key_check", "search index covers every fact"}
    report = repair(fact_base)
    assert report.orphaned_evidence == 1 and report.dangling_links == 1
    with fact_base.reading() as conn:
        assert check(conn) == []
    result = kzeu("check", "--db", str(fact_base.path))
    assert result.returncode == 0 and "no problems" in result.stdout


def test_check_repair_command(fact_base):
    fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="b"))
    raw = sqlite3.connect(fact_base.path)
    raw.execute("DELETE FROM fact_search")
    raw.commit()
    raw.close()
    assert kzeu("check", "--db", str(fact_base.path)).returncode == 1
    repaired = kzeu("check", "--db", str(fact_base.path), "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "no problems" in repaired.stdout


# -- a full disk -------------------------------------------------------------------------------------


def test_full_disk_is_one_clear_message_and_loses_nothing(fact_base):
    kept = fact_base.create_fact(value=TypedValue(ValueKind.DATE, date="1996")).new_id("fact")
    with fact_base.reading() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    fact_base.engine.dispose()

    @event.listens_for(fact_base.engine, "connect")
    def _tiny_disk(dbapi_connection, _record):  # SQLite reports exactly what a full disk reports
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 1}")

    with pytest.raises(UserError, match="disk is full") as failure:
        for _ in range(200):
            fact_base.create_fact(value=TypedValue(ValueKind.TEXT, text="x" * 3000), note="y" * 3000)
    assert len(str(failure.value).splitlines()) == 1
    with fact_base.reading() as conn:
        assert queries.fact_row(conn, kept)["value_date"] == "1996"
        assert check(conn) == []


def test_full_disk_in_the_workspace_keeps_undo_and_views_consistent(qtbot, fact_base):
    from kzeu_desk.ui.session import Session

    session = Session(fact_base)
    failures = []
    session.failed.connect(failures.append)
    assert session.perform(lambda fb: fb.create_fact(value=TypedValue(ValueKind.DATE, date="1996"))) is not None
    with fact_base.reading() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    fact_base.engine.dispose()
    event.listen(fact_base.engine, "connect",
                 lambda dbapi, _r: dbapi.execute(f"PRAGMA max_page_count = {pages}"))
    result = session.perform(lambda fb: fb.create_fact(value=TypedValue(ValueKind.TEXT, text="x" * 8000)))
    assert result is None and failures and "disk is full" in failures[0]
    assert session.undo_stack.count() == 1  # only the action that was saved can be undone
    session.undo_stack.undo()
    assert facts(fact_base) == 0


# -- damaged and foreign files ------------------------------------------------------------------------


def _damaged_files(tmp_path: Path, good: Path) -> dict[str, Path]:
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(good.read_bytes()[: 4096 + 100])
    random_bytes = tmp_path / "random.sqlite"
    random_bytes.write_bytes(os.urandom(64 * 1024))
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database\n")
    foreign = tmp_path / "places.sqlite"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    header_only = tmp_path / "header.sqlite"
    header_only.write_bytes(b"SQLite format 3\x00" + os.urandom(2000))
    return {"truncated": truncated, "random": random_bytes, "text": text_file, "foreign": foreign,
            "header only": header_only}


@pytest.mark.parametrize("kind", ["truncated", "random", "text", "foreign", "header only"])
def test_damaged_or_foreign_file_is_reported_and_never_overwritten(fact_base, tmp_path, kind):
    fact_base.close()
    path = _damaged_files(tmp_path, fact_base.path)[kind]
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(UserError) as refused:
            FactBase.open(path, read_only=read_only).close()
        assert len(str(refused.value).splitlines()) == 1 and path.name in str(refused.value)
    for args in (["check", "--db", str(path)], ["import", "--db", str(path), str(fact_base.path)],
                 ["--smoke", str(path)]):
        result = kzeu(*args)
        assert result.returncode != 0 and "Traceback" not in result.stderr, (args, result.stderr)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]


# -- hostile documents beyond the reader's own tests --------------------------------------------------


def test_sixty_megabyte_text_is_refused_quickly(tmp_path, fact_base):
    from kzeu_desk.core.reading import DocumentRefused, read_document

    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: the size check must come before reading
    with pytest.raises(DocumentRefused, match="MB"):
        read_document(big)


def test_a_single_hundred_thousand_character_line_imports_and_displays(qtbot, tmp_path, fact_base):
    from kzeu_desk.core.reading import read_document
    from kzeu_desk.ui.session import Session
    from kzeu_desk.ui.source_pane import SourcePane

    line = ("Kazakhstan and the EU " * 5000)[:100_000]
    file = tmp_path / "line.txt"
    file.write_text(line, encoding="utf-8")
    source_id = fact_base.import_document(read_document(file)).new_id("source")
    pane = SourcePane(Session(fact_base))
    qtbot.addWidget(pane)
    pane.show_source_id(source_id)
    assert pane.view.document().characterCount() == 100_001
    with fact_base.reading() as conn:
        assert check(conn) == []


# -- one editing window per file -----------------------------------------------------------------------


def test_instance_lock_names_the_holder_and_frees_on_release(tmp_path):
    from kzeu_desk.core.instance_lock import InstanceLock, lock_path

    path = tmp_path / "f.sqlite"
    path.touch()
    first, second = InstanceLock(path), InstanceLock(path)
    assert first.acquire() is None
    holder = second.acquire()
    assert holder is not None and holder.user and "since" in holder.describe()
    first.release()
    assert not lock_path(path).exists()
    assert second.acquire() is None
    second.release()


def test_second_gui_open_of_a_held_file_falls_back_to_read_only(qtbot, fact_base, monkeypatch):
    from kzeu_desk.core.instance_lock import InstanceLock
    from kzeu_desk.ui import app

    held = InstanceLock(fact_base.path)
    assert held.acquire() is None
    try:
        opened_fb, lock = app._open_fact_base(fact_base.path, read_only=False, ask=False)
        assert opened_fb.read_only and lock is None
        opened_fb.close()
        monkeypatch.setattr(app, "_ask_about_other_window", lambda *a: "edit")
        opened_fb, lock = app._open_fact_base(fact_base.path, read_only=False)
        assert not opened_fb.read_only and lock is None
        opened_fb.close()
        monkeypatch.setattr(app, "_ask_about_other_window", lambda *a: None)
        assert app._open_fact_base(fact_base.path, read_only=False) is None
    finally:
        held.release()
    opened_fb, lock = app._open_fact_base(fact_base.path, read_only=False)
    assert not opened_fb.read_only and lock is not None
    lock.release()
    opened_fb.close()
