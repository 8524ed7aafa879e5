"""Backups, check and repair, a full disk, and damaged or foreign fact-base files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
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
        assert queries.fact_row(conn, kept).value_date == "1996"
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


# ==== #14: never lose or misread a fact base ===========================================================
# Each attack is tried in several variants; every one must end in a correct result or one sentence (no
# traceback), with the fact base byte-identical where it should be untouched and nothing left behind.

import hashlib  # noqa: E402
import signal  # noqa: E402
import stat  # noqa: E402

from kzeu_desk import cli  # noqa: E402
from kzeu_desk.core.storage.sqlite import files as sqlite_file  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "resources" / "corpus"
UNCOMMITTED = "UNCOMMITTED-" * 500  # a 6,000-character note that is never committed


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """`kzeu-desk ARGS` in this process (much faster than a subprocess for many variants)."""
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_sentence(err: str) -> bool:
    lines = [line for line in err.splitlines() if "propagateSizeHints" not in line]
    return len(lines) == 1 and "Traceback" not in err and lines[0].startswith("kzeu-desk")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*"))


@pytest.fixture
def closed_base(fact_base) -> Path:
    """The sample fact base with a dozen facts, closed (at rest, one file in rollback-journal mode),
    alone in its own folder so that any file left beside it shows."""
    for start in range(0, 120, 10):
        fact_base.create_fact_from_selection(1, start, start + 8)
    fact_base.close()
    folder = fact_base.path.parent / "alone"
    folder.mkdir()
    path = folder / "facts.sqlite"
    path.write_bytes(fact_base.path.read_bytes())
    return path


def make_hot_journal(path: Path) -> None:
    """Leave the rollback journal of a writer killed mid-transaction, with its uncommitted pages
    already written into the file (a page cache of 5 spills them), as a killed restore would."""
    pid = os.fork()
    if pid == 0:
        try:
            raw = sqlite3.connect(path, isolation_level=None)
            raw.execute("PRAGMA journal_mode = DELETE")
            raw.execute("PRAGMA cache_size = 5")
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("UPDATE fact SET note = ?", (UNCOMMITTED,))
            raw.execute("INSERT INTO fact (subject_id, property_id, value_kind, value_text, status, rank, note, "
                        "created_at, created_by, updated_at, updated_by, version, value_approximate) "
                        "SELECT subject_id, property_id, value_kind, value_text, status, rank, note, created_at, "
                        "created_by, updated_at, updated_by, version, value_approximate FROM fact")
            os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(1)
    os.waitpid(pid, 0)
    assert sqlite_file.journal_file(path).stat().st_size > 0


def committed_facts(path: Path) -> int:
    with FactBase.open(path, read_only=True) as fb:
        return facts(fb)


# -- 1. the instance lock never follows a link, never truncates a file it did not make ------------------


def _plant(kind: str, lock: Path, fact_base_path: Path) -> None:
    if kind == "symlink to the fact base":
        lock.symlink_to(fact_base_path.name)
    elif kind == "absolute symlink to the fact base":
        lock.symlink_to(fact_base_path)
    elif kind == "hard link to the fact base":
        os.link(fact_base_path, lock)
    elif kind == "dangling symlink":
        lock.symlink_to(fact_base_path.parent / "victim-created-by-lock")
    elif kind == "folder":
        lock.mkdir()
    elif kind == "named pipe":
        os.mkfifo(lock)
    elif kind == "someone's file":
        lock.write_text("precious notes\n" * 1000)


@pytest.mark.parametrize("kind", ["symlink to the fact base", "absolute symlink to the fact base",
                                  "hard link to the fact base", "dangling symlink", "folder", "named pipe",
                                  "someone's file"])
def test_instance_lock_never_follows_links_or_truncates(qtbot, closed_base, kind):
    from kzeu_desk.core.instance_lock import lock_path
    from kzeu_desk.ui import app

    lock = lock_path(closed_base)
    _plant(kind, lock, closed_base)
    planted = os.lstat(lock)
    planted_bytes = lock.read_bytes() if kind == "someone's file" else None
    opened = app._open_fact_base(closed_base, read_only=False, ask=False)
    assert opened is not None
    fact_base, held = opened
    assert not fact_base.read_only and facts(fact_base) == 12
    if held is not None:
        held.release()
    fact_base.close()
    assert committed_facts(closed_base) == 12 and closed_base.stat().st_size > 100_000
    assert os.lstat(lock).st_ino == planted.st_ino and stat.S_IFMT(os.lstat(lock).st_mode) == stat.S_IFMT(planted.st_mode)
    if planted_bytes is not None:
        assert lock.read_bytes() == planted_bytes
    assert not (closed_base.parent / "victim-created-by-lock").exists()


def test_instance_lock_is_never_the_reason_a_file_cannot_open(qtbot, closed_base):
    """A lock that cannot be made (its name taken, the folder full or read-only) is simply not kept."""
    from kzeu_desk.core.instance_lock import InstanceLock

    os.symlink("facts.sqlite", closed_base.with_name(".facts.sqlite.lock"))
    lock = InstanceLock(closed_base)
    assert lock.acquire() is None and not lock.held
    lock.release()
    result = kzeu("--smoke", str(closed_base))
    assert result.returncode == 0, result.stderr
    assert committed_facts(closed_base) == 12


# -- 2. a stopped writer's hot journal: readers never see uncommitted data --------------------------------


@pytest.mark.parametrize("command", [
    ["export", "--format", "jsonl"], ["export", "--format", "datapackage"], ["export", "--format", "sqlite"],
    ["export", "--format", "webannotation"], ["check"], ["conflicts"], ["import"], ["backup"], ["load"],
    ["conflicts", "--rescan"], ["check", "--repair"],
])
def test_hot_journal_is_rolled_back_before_anyone_reads(capsys, closed_base, tmp_path, command):
    committed = digest(closed_base)
    make_hot_journal(closed_base)
    assert digest(closed_base) != committed  # the uncommitted pages are in the file
    out = tmp_path / "out"
    args = [command[0], "--db", closed_base, *command[1:]]
    if command[0] == "export":
        args += ["--out", out]
    elif command[0] == "import":
        args.append(CORPUS / "kz_eu_30_years.txt")
    elif command[0] == "load":
        jsonl = tmp_path / "one.jsonl"
        with FactBase.open(tmp_path / "other.sqlite") as other:
            other.create_fact(value=TypedValue(ValueKind.TEXT, text="from elsewhere"))
        from kzeu_desk.core.export import export

        export(tmp_path / "other.sqlite", "jsonl", jsonl)
        args.append(jsonl)
    code, _stdout, err = run_cli(capsys, *args)
    assert code in (0, 1), err  # 1: check finds nothing wrong with a rolled-back file, import of a known text
    assert not sqlite_file.journal_file(closed_base).exists()
    if command in (["export", "--format", "jsonl"], ["check"], ["conflicts"], ["backup"]):
        assert digest(closed_base) == committed  # rolled back to the committed bytes exactly
    exported = list(out.rglob("*")) if out.is_dir() else [out] if out.exists() else []
    for path in exported:
        data = path.read_bytes()
        assert b"UNCOMMITTED" not in data
    if command[0] == "export" and command[2] == "sqlite":
        with sqlite3.connect(out) as raw:
            assert raw.execute("SELECT count(*) FROM fact").fetchone()[0] == 12
    assert committed_facts(closed_base) >= 12
    with FactBase.open(closed_base, read_only=True) as fb, fb.reading() as conn:
        assert "UNCOMMITTED" not in str(conn.exec_driver_sql("SELECT group_concat(note) FROM fact").scalar())


def test_hot_journal_in_the_workspace_is_rolled_back(qtbot, closed_base):
    from kzeu_desk.ui import app

    make_hot_journal(closed_base)
    for read_only in (True, False):
        fact_base, lock = app._open_fact_base(closed_base, read_only=read_only, ask=False)
        assert facts(fact_base) == 12
        if lock is not None:
            lock.release()
        fact_base.close()
    assert not sqlite_file.journal_file(closed_base).exists()


# -- 3. restore accepts only a fact base this version can open ----------------------------------------------


def _bad_backup(kind: str, folder: Path, good: Path) -> Path:
    path = folder / "candidate.sqlite"
    if kind == "another application's SQLite file":
        with sqlite3.connect(path) as raw:
            raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    elif kind == "0 bytes":
        path.touch()
    elif kind == "text":
        path.write_text("not a backup\n")
    elif kind == "random bytes":
        path.write_bytes(os.urandom(50_000))
    elif kind == "SQLite header, garbage after":
        path.write_bytes(b"SQLite format 3\x00" + os.urandom(20_000))
    elif kind == "missing":
        pass
    elif kind == "folder":
        path.mkdir()
    elif kind == "named pipe":
        os.mkfifo(path)
    elif kind == "newer schema":
        path.write_bytes(good.read_bytes())
        with sqlite3.connect(path) as raw:
            raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    elif kind in ("zeroed page", "flipped bytes"):
        data = bytearray(good.read_bytes())
        if kind == "zeroed page":
            data[4096 * 3:4096 * 4] = bytes(4096)
        else:
            for i in range(4096 * 2 + 8, 4096 * 2 + 40):
                data[i] ^= 0x5A
        path.write_bytes(bytes(data))
    elif kind == "empty SQLite file":
        sqlite3.connect(path).execute("PRAGMA user_version = 1").connection.close()
    return path


@pytest.mark.parametrize("kind", ["another application's SQLite file", "0 bytes", "text", "random bytes",
                                  "SQLite header, garbage after", "missing", "folder", "named pipe", "newer schema",
                                  "zeroed page", "flipped bytes", "empty SQLite file"])
def test_restore_refuses_anything_but_a_fact_base_it_can_open(capsys, closed_base, tmp_path, kind):
    backups.take_backup(closed_base, "manual")
    before, listing = digest(closed_base), folder_listing(closed_base.parent)
    candidate = _bad_backup(kind, tmp_path, closed_base)
    code, _out, err = run_cli(capsys, "backup", "--db", closed_base, "--restore", candidate)
    assert code == 2 and one_sentence(err) and "restored" in err, err
    assert digest(closed_base) == before and folder_listing(closed_base.parent) == listing


@pytest.mark.parametrize("name", ["we?ird#name.sqlite", "100%.sqlite", "a b?c=d&mode=memory.sqlite",
                                  "file:x.sqlite", "#.sqlite"])
def test_restore_of_a_backup_with_any_name_restores_that_file(capsys, closed_base, tmp_path, name):
    kept = tmp_path / name
    kept.write_bytes(closed_base.read_bytes())  # 12 facts
    with FactBase.open(closed_base) as fb:
        fb.create_fact(value=TypedValue(ValueKind.TEXT, text="later"))
    code, _out, err = run_cli(capsys, "backup", "--db", closed_base, "--restore", kept)
    assert code == 0, err
    assert committed_facts(closed_base) == 12
    assert [b.reason for b in backups.list_backups(closed_base)] == ["before-restore"]
    assert committed_facts(backups.list_backups(closed_base)[0].path) == 13
    assert not [p for p in kept.parent.iterdir() if p.name.startswith(name) and p.name != name]


def test_restore_replaces_a_damaged_fact_base_and_keeps_its_bytes(capsys, closed_base):
    backup = backups.take_backup(closed_base, "manual")
    data = bytearray(closed_base.read_bytes())
    data[4096 * 3:4096 * 4] = bytes(4096)
    closed_base.write_bytes(bytes(data))
    code, _out, err = run_cli(capsys, "backup", "--db", closed_base, "--restore", backup.path)
    assert code == 0, err
    assert committed_facts(closed_base) == 12
    kept = [p for p in backup.path.parent.iterdir() if "damaged-before-restore" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)


def test_restore_brings_an_older_backup_up_to_date(capsys, closed_base, tmp_path):
    from alembic import command

    from kzeu_desk.core import migrations
    from kzeu_desk.core.storage.sqlite import engine as sqlite_engine

    head = migrations.head_revision()
    previous = migrations._revision_graph()[head]
    older = tmp_path / "older.sqlite"  # a backup made by the version before the newest migration
    made = sqlite_engine.make_engine(older, read_only=False)
    with made.begin() as conn:
        command.upgrade(migrations._config(conn), previous)
    made.dispose()
    sqlite_engine.hand_back_in_rollback_mode(older)
    code, _out, err = run_cli(capsys, "backup", "--db", closed_base, "--restore", older)
    assert code == 0, err
    assert committed_facts(closed_base) == 0
    with sqlite3.connect(closed_base) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    with sqlite3.connect(older) as raw:  # the backup itself is left as it was
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == previous
    assert not list(older.parent.glob("older.sqlite?*"))


def test_a_missing_backup_is_one_sentence(capsys, closed_base):
    code, _out, err = run_cli(capsys, "backup", "--db", closed_base, "--restore", closed_base.parent / "nope.sqlite")
    assert code == 2 and one_sentence(err) and "no backup file" in err


# -- 4. load refuses what a fact base cannot hold, before creating anything ---------------------------------


def _jsonl_variants(source: Path) -> dict[str, str]:
    import json

    lines = source.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]

    def changed(kind: str, **fields) -> str:
        out, done = [], False
        for record in records:
            record = dict(record)
            if not done and record["type"] == kind:
                record.update(fields)
                done = True
            out.append(json.dumps(record, ensure_ascii=False))
        assert done, kind
        return "\n".join(out) + "\n"

    def raw(kind: str, old: str, new: str) -> str:
        out, done = [], False
        for line, record in zip(lines, records, strict=True):
            if not done and record["type"] == kind and old in line:
                line, done = line.replace(old, new, 1), True
            out.append(line)
        assert done, (kind, old)
        return "\n".join(out) + "\n"

    header = lines[0]
    return {
        "fact id 2^63": changed("fact", id=2**63),
        "fact version 2^64": changed("fact", version=2**64),
        "version below -2^63": changed("fact", version=-(2**63) - 1),
        "audit operation 2^63": changed("audit", operation=2**63),
        "evidence start 2^63": changed("evidence", start=2**63),
        "a 5,000-digit id": raw("source", '"id": 1,', '"id": ' + "9" * 5000 + ","),
        "tolerance 1e400": raw("property", '"tolerance": null', '"tolerance": 1e400'),
        "tolerance -1e400": raw("property", '"tolerance": null', '"tolerance": -1e400'),
        "NaN": raw("property", '"tolerance": null', '"tolerance": NaN'),
        "Infinity": raw("property", '"tolerance": null', '"tolerance": Infinity'),
        "negative tolerance": changed("property", tolerance=-0.5),
        "lone surrogate in a note": raw("fact", '"scope_note": null', '"scope_note": "a\\ud800b"'),
        "lone low surrogate in a name": raw("entity", '"name": "', '"name": "\\udfff'),
        "lone surrogate as a key": raw("fact", '"note"', '"\\ud800"'),
        "nesting 100,000 deep": header + "\n" + '{"type": "entity", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
        "nesting 100,000 objects deep": '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n",
        "an unclosed list 100,000 deep": "[" * 100_000 + "\n",
    }


@pytest.fixture(scope="module")
def exported_jsonl(tmp_path_factory) -> Path:
    from kzeu_desk.core.export import export
    from kzeu_desk.core.sample_corpus import import_sample_corpus

    folder = tmp_path_factory.mktemp("jsonl")
    with FactBase.open(folder / "f.sqlite", actor="tester") as fb:
        import_sample_corpus(fb)
        fb.create_fact_from_selection(1, 0, 10)
        fb.create_fact(value=TypedValue(ValueKind.TEXT, text="x"), note="n")
    export(folder / "f.sqlite", "jsonl", folder / "f.jsonl")
    return folder / "f.jsonl"


@pytest.mark.parametrize("variant", [
    "fact id 2^63", "fact version 2^64", "version below -2^63", "audit operation 2^63", "evidence start 2^63",
    "a 5,000-digit id", "tolerance 1e400", "tolerance -1e400", "NaN", "Infinity", "negative tolerance",
    "lone surrogate in a note", "lone low surrogate in a name", "lone surrogate as a key", "nesting 100,000 deep",
    "nesting 100,000 objects deep", "an unclosed list 100,000 deep"])
def test_load_refuses_values_a_fact_base_cannot_hold(capsys, closed_base, exported_jsonl, tmp_path, variant):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(_jsonl_variants(exported_jsonl)[variant], encoding="utf-8")
    before = digest(closed_base)
    for target in (closed_base, tmp_path / "new" / "deeper" / "facts.sqlite"):
        code, _out, err = run_cli(capsys, "load", "--db", target, bad)
        assert code == 2 and one_sentence(err) and "nothing was loaded" in err, (variant, err)
    assert digest(closed_base) == before and folder_listing(closed_base.parent) == ["facts.sqlite"]
    assert not (tmp_path / "new").exists()


def test_a_load_refused_while_writing_leaves_no_new_fact_base(capsys, exported_jsonl, tmp_path):
    import json

    lines = exported_jsonl.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:  # a quote that is not the text at its span is found only while writing
        if record["type"] == "evidence":
            record["quote"] = "X" * len(record["quote"])
            break
    bad = tmp_path / "misquoted.jsonl"
    bad.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    target = tmp_path / "made" / "for" / "it.sqlite"
    code, _out, err = run_cli(capsys, "load", "--db", target, bad)
    assert code == 2 and one_sentence(err), err
    assert not (tmp_path / "made").exists()


# -- 5. a 0-byte file (or anything else that is not a fact base) is reported, never replaced ---------------


ALL_COMMANDS = [["check"], ["check", "--repair"], ["import", CORPUS / "kz_eu_30_years.txt"], ["load", "JSONL"],
                ["conflicts"], ["conflicts", "--rescan"], ["export", "--format", "jsonl", "--out", "OUT.jsonl"],
                ["export", "--format", "sqlite", "--out", "OUT.sqlite"],
                ["export", "--format", "datapackage", "--out", "OUT"], ["backup"], ["backup", "--list"]]


def _args(command: list, db: Path, out_folder: Path, jsonl: Path) -> list:
    args = [command[0], "--db", db]
    for part in command[1:]:
        if part == "JSONL":
            args.append(jsonl)
        elif isinstance(part, str) and part.startswith("OUT"):
            args.append(out_folder / part)
        else:
            args.append(part)
    return args


@pytest.mark.parametrize("kind", ["0 bytes", "text", "one byte", "another application's SQLite file",
                                  "empty SQLite file"])
def test_a_file_that_is_not_a_fact_base_is_reported_never_replaced(capsys, tmp_path, exported_jsonl, kind):
    folder = tmp_path / "here"
    folder.mkdir()
    path = folder / "facts.sqlite"
    if kind == "0 bytes":
        path.touch()
    elif kind == "text":
        path.write_text("my notes\n")
    elif kind == "one byte":
        path.write_bytes(b"S")
    elif kind == "another application's SQLite file":
        with sqlite3.connect(path) as raw:
            raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    else:
        sqlite3.connect(path).execute("PRAGMA user_version = 7").connection.close()
    before = digest(path)
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    for command in ALL_COMMANDS:
        code, _out, err = run_cli(capsys, *_args(command, path, outputs, exported_jsonl))
        assert code == 2 and one_sentence(err), (command, err)
    assert digest(path) == before and folder_listing(folder) == ["facts.sqlite"]
    assert folder_listing(outputs) == []
    result = kzeu("--smoke", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert digest(path) == before and folder_listing(folder) == ["facts.sqlite"]


# -- 6. damaged pages: writes refuse a file failing quick_check; every command is one sentence ------------


def _damage(path: Path, kind: str, where: int) -> None:
    data = bytearray(path.read_bytes())
    if kind == "flip":
        for i in range(where, min(where + 64, len(data))):
            data[i] ^= 0x5A
    else:
        data[where * 4096:(where + 1) * 4096] = bytes(4096)
    path.write_bytes(bytes(data))


DAMAGE = [("zero", 0), ("zero", 1), ("zero", 3), ("zero", 10), ("zero", 30), ("flip", 30), ("flip", 60),
          ("flip", 5000), ("flip", 40_000), ("flip", 120_000), ("flip", 200_000), ("flip", 290_000)]
WRITES = [["check", "--repair"], ["import", CORPUS / "kz_eu_30_years.txt"], ["conflicts", "--rescan"],
          ["load", "JSONL"]]
READS = [["check"], ["conflicts"], ["export", "--format", "sqlite", "--out", "OUT.sqlite"],
         ["export", "--format", "jsonl", "--out", "OUT.jsonl"], ["export", "--format", "datapackage", "--out", "OUT"],
         ["export", "--format", "wikidata", "--out", "OUT.json"], ["backup"]]


def _quick_check_fails(path: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as raw:
            return [r[0] for r in raw.execute("PRAGMA quick_check")] != ["ok"]
    except sqlite3.DatabaseError:
        return True


@pytest.mark.parametrize(("kind", "where"), DAMAGE)
def test_damaged_pages_are_one_sentence_and_never_written(capsys, closed_base, tmp_path, exported_jsonl, kind,
                                                          where):
    _damage(closed_base, kind, where)
    damaged = _quick_check_fails(closed_base)
    before = digest(closed_base)
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    for command in WRITES + READS:
        code, out, err = run_cli(capsys, *_args(command, closed_base, outputs, exported_jsonl))
        assert "Traceback" not in err and len(err.strip().splitlines()) <= 1, (command, err)
        if code == 2:
            assert one_sentence(err), (command, err)
        if damaged:
            assert digest(closed_base) == before, command  # nothing is written into a file failing quick_check
            assert code != 0 or command[0] in ("export", "conflicts", "backup"), (command, out)
        else:
            before = digest(closed_base)
    if damaged:
        code, out, err = run_cli(capsys, "check", "--db", closed_base)
        assert code in (1, 2) and ("quick_check" in out or "damaged" in err or "not an SQLite file" in err), (out, err)
        # A backup of a damaged file may still succeed (VACUUM INTO reads the tables, not a damaged index).
        assert sorted(p.name for p in closed_base.parent.iterdir()) in (["facts.sqlite"],
                                                                        ["facts.sqlite", "facts.sqlite.backups"])
    leftovers = [p for p in outputs.rglob("*") if "partial" in p.name]
    assert not leftovers


def test_check_reports_quick_check_findings_and_changed_text_bytes(capsys, closed_base):
    with sqlite3.connect(closed_base) as raw:
        raw.execute("UPDATE property SET default_unit = CAST(X'FFFE41' AS TEXT) WHERE id = 1")
    code, out, err = run_cli(capsys, "check", "--db", closed_base)
    assert code == 1 and "text is valid UTF-8: property 1" in out, out + err
    _damage(closed_base, "zero", 3)
    code, out, err = run_cli(capsys, "check", "--db", closed_base)
    assert "quick_check" in out and "Traceback" not in err


def test_a_damaged_file_in_the_workspace_is_one_sentence(closed_base):
    _damage(closed_base, "flip", 200_000)
    result = kzeu("--smoke", str(closed_base))
    lines = [line for line in result.stderr.splitlines() if line.startswith("kzeu-desk") or "Traceback" in line]
    assert "Traceback" not in result.stderr and result.returncode in (0, 2)
    assert len(lines) <= 1


# -- 7. a full disk: one sentence each, outputs complete or absent, nothing left behind -------------------


@pytest.fixture
def tiny_disk(tmp_path):
    """A real file system of a given size (tmpfs); skipped where mounting is impossible."""
    mounted = []

    def mount(size: str) -> Path:
        folder = tmp_path / f"disk-{len(mounted)}"
        folder.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip() or 'not root'}); "
                        "the injected full-disk tests still run")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.mark.parametrize("free_kib", [20, 110, 250, 500])
def test_a_full_disk_is_one_sentence_and_leaves_nothing(capsys, closed_base, tiny_disk, exported_jsonl, free_kib):
    disk = tiny_disk(f"{closed_base.stat().st_size // 1024 + free_kib}k")  # this much free beside the fact base
    path = disk / "facts.sqlite"
    path.write_bytes(closed_base.read_bytes())
    for command in [["import", CORPUS / "kz_eu_30_years.txt", CORPUS / "kz_mfa_european_track.txt"],
                    ["load", "JSONL"], ["conflicts", "--rescan"], ["check", "--repair"], *READS,
                    ["export", "--format", "webannotation", "--out", "OUT.jsonld"]]:
        before = folder_listing(disk)
        code, out, err = run_cli(capsys, *_args(command, path, disk, exported_jsonl))
        assert "Traceback" not in err, (command, err)
        if code == 2:
            assert one_sentence(err), (command, err)
            assert folder_listing(disk) == before or set(folder_listing(disk)) - set(before) <= {
                "facts.sqlite-wal", "facts.sqlite-shm"}, (command, folder_listing(disk))
        assert not [p for p in disk.rglob("*") if "partial" in p.name], command
        code, out, err = run_cli(capsys, "check", "--db", path)  # readers always get through
        assert code == 0 and "no problems" in out, (command, out, err)
    new = disk / "new.sqlite"
    code, out, err = run_cli(capsys, "load", "--db", new, exported_jsonl)
    if code != 0:
        assert one_sentence(err) and not new.exists(), err


def test_full_disk_in_exports_and_backups_anywhere(capsys, closed_base, tmp_path, monkeypatch):
    """The same refusals without a tmpfs: the disk-full error is injected where the bytes are written."""
    import errno

    from kzeu_desk.core.storage.sqlite import engine as sqlite_features
    from kzeu_desk.core.export import common

    real_fsync = os.fsync

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "out"
    monkeypatch.setattr(common.os, "fsync", full_disk)
    for name in ("jsonl", "webannotation", "wikidata", "datapackage"):
        target = out / (name + ("" if name == "datapackage" else ".out"))
        code, _stdout, err = run_cli(capsys, "export", "--db", closed_base, "--format", name, "--out", target)
        assert code == 2 and one_sentence(err) and "disk is full" in err, (name, err)
        assert not out.exists(), folder_listing(tmp_path)
    monkeypatch.setattr(common.os, "fsync", real_fsync)

    def vacuum_into_a_full_disk(database, target, progress=None):  # what engine._vacuum_into raises on a full disk
        from kzeu_desk.core.storage import StorageFailure

        Path(target).write_bytes(b"")
        raise StorageFailure("database or disk is full")

    monkeypatch.setattr(sqlite_features, "_vacuum_into", vacuum_into_a_full_disk)
    for args in (["backup"], ["export", "--format", "sqlite", "--out", out / "x.sqlite"]):
        code, _stdout, err = run_cli(capsys, *[args[0], "--db", closed_base, *args[1:]])
        assert code == 2 and one_sentence(err) and "full" in err, err
    assert folder_listing(closed_base.parent) == ["facts.sqlite"] and not out.exists()


# -- 8. a folder that cannot be written: read-only disk (as root) and a 555 folder (as an ordinary user) --


def test_read_only_disk_opens_read_only_and_commands_say_why(capsys, closed_base, tiny_disk, exported_jsonl):
    disk = tiny_disk("2m")
    path = disk / "facts.sqlite"
    path.write_bytes(closed_base.read_bytes())
    if subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True).returncode != 0:
        pytest.skip("cannot remount the tmpfs read-only here")
    before = digest(path)
    with FactBase.open(path) as fb:
        assert fb.read_only and "read-only disk" in fb.read_only_reason and facts(fb) == 12
    for command in [["import", CORPUS / "kz_eu_30_years.txt"], ["load", "JSONL"], ["backup"],
                    ["conflicts", "--rescan"]]:
        code, _out, err = run_cli(capsys, *_args(command, path, disk, exported_jsonl))
        assert code == 2 and one_sentence(err) and "read-only" in err, (command, err)
    assert run_cli(capsys, "check", "--db", path)[0] == 0
    result = kzeu("--smoke", str(path))
    assert result.returncode == 0, result.stderr
    assert digest(path) == before and folder_listing(disk) == ["facts.sqlite"]


@pytest.fixture
def ordinary():
    from ordinary_user import ordinary_user, why_unavailable

    reason = why_unavailable()
    if reason:
        pytest.skip(reason)
    return ordinary_user()


@pytest.fixture
def shared(tmp_path_factory):
    """A folder an ordinary user can reach (pytest's temporary folders are private to root)."""
    import shutil
    import tempfile

    outer = Path(tempfile.mkdtemp(prefix="kzeu-shared-"))
    outer.chmod(0o755)
    yield outer
    for folder in [outer, *outer.rglob("*")]:
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)
    shutil.rmtree(outer, ignore_errors=True)


@pytest.mark.slow  # the first run on a machine builds the ordinary user's venv (~15 s)
def test_a_folder_the_user_cannot_write_as_an_ordinary_user(ordinary, closed_base, exported_jsonl, shared):
    folder = shared / "locked"
    folder.mkdir()
    path = folder / "facts.sqlite"
    path.write_bytes(closed_base.read_bytes())
    jsonl = shared / "load.jsonl"
    jsonl.write_bytes(exported_jsonl.read_bytes())
    jsonl.chmod(0o644)
    os.chown(path, 65534, 65534)  # the user may write the file, not the folder
    folder.chmod(0o555)
    before = digest(path)
    probe = ordinary.run(program=(
        "from pathlib import Path\n"
        "from kzeu_desk.ui.app import _open_fact_base\n"
        f"fb, lock = _open_fact_base(Path({str(path)!r}), read_only=False, ask=False)\n"
        "print(fb.read_only, lock is None)\n"
        "print(fb.read_only_reason)\n"))
    assert probe.returncode == 0, probe.stderr
    first, reason = probe.stdout.splitlines()[:2]
    assert first == "True True" and "folder" in reason and "permission" in reason
    for args in (["backup", "--db", path], ["load", "--db", path, jsonl], ["import", "--db", path,
                 CORPUS / "kz_eu_30_years.txt"], ["conflicts", "--rescan", "--db", path],
                 ["export", "--db", path, "--format", "jsonl", "--out", folder / "x.jsonl"],
                 ["load", "--db", folder / "new.sqlite", jsonl]):
        result = ordinary.run(*[str(a) for a in args])
        assert result.returncode == 2 and one_sentence(result.stderr), (args, result.stderr)
    smoke = ordinary.run("--smoke", str(path))
    assert smoke.returncode == 0 and "Traceback" not in smoke.stderr, smoke.stderr
    assert ordinary.run("check", "--db", str(path)).returncode == 0
    assert digest(path) == before and folder_listing(folder) == ["facts.sqlite"]


def test_a_hot_journal_in_a_folder_the_user_cannot_write_is_explained(ordinary, closed_base, shared):
    folder = shared / "crashed"
    folder.mkdir()
    path = folder / "facts.sqlite"
    path.write_bytes(closed_base.read_bytes())
    make_hot_journal(path)
    for file in folder.iterdir():
        file.chmod(0o644)
    folder.chmod(0o555)
    before, journal = digest(path), digest(sqlite_file.journal_file(path))
    writable = shared / "exports"
    writable.mkdir()
    writable.chmod(0o777)
    for args in (["check", "--db", path], ["export", "--db", path, "--format", "jsonl", "--out", writable / "x.jsonl"],
                 ["conflicts", "--db", path], ["--smoke", path], ["--read-only", "--smoke", path]):
        result = ordinary.run(*[str(a) for a in args])
        assert result.returncode == 2 and "never finished" in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not list(writable.iterdir())
    assert digest(path) == before and digest(sqlite_file.journal_file(path)) == journal
    folder.chmod(0o755)
    assert committed_facts(path) == 12  # whoever can write rolls it back


def test_the_lock_in_a_folder_the_user_cannot_write_as_an_ordinary_user(ordinary, closed_base, shared):
    folder = shared / "theirs"
    folder.mkdir()
    path = folder / "facts.sqlite"
    path.write_bytes(closed_base.read_bytes())
    os.symlink("facts.sqlite", folder / ".facts.sqlite.lock")
    os.chown(path, 65534, 65534)
    folder.chmod(0o555)
    result = ordinary.run("--smoke", str(path))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert committed_facts(path) == 12


# -- 9. CSV injection: text cells are neutralised in CSV, values stay exact in JSON Lines -----------------


HOSTILE = ['=HYPERLINK("http://evil.example","click")', "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3",
           "\t=1+1", "\r=1+1", "\n=1+1", "'=already quoted", "plain; =1+2", 'quote "inside", comma']


def test_csv_cells_that_spreadsheets_would_execute_are_neutralised(closed_base, tmp_path):
    import csv
    import json

    from kzeu_desk.core.export import export

    with FactBase.open(closed_base) as fb:
        made = [fb.create_fact(value=TypedValue(ValueKind.TEXT, text=text), note=text).new_id("fact")
                for text in HOSTILE]
        fb.create_entity(HOSTILE[0])
        fb.create_fact(value=TypedValue(ValueKind.QUANTITY, amount=-5.0, unit="t"))
    export(closed_base, "datapackage", tmp_path / "dp")
    with (tmp_path / "dp" / "fact.csv").open(encoding="utf-8", newline="") as handle:
        rows = {int(r["id"]): r for r in csv.DictReader(handle)}
    for fact_id, text in zip(made, HOSTILE, strict=True):
        for cell in (rows[fact_id]["value_text"], rows[fact_id]["note"]):
            assert cell[0] not in "=+-@\t\r\n", cell  # a spreadsheet reads it as text
            assert (cell[1:] if cell.startswith("'") else cell) == text  # and the rule undoes exactly
    assert any(r["value_amount"] == "-5.0" for r in rows.values())  # numbers stay numbers
    for csv_file in (tmp_path / "dp").glob("*.csv"):
        for row in csv.reader(csv_file.open(encoding="utf-8", newline="")):
            assert not any(cell[:1] in ("=", "+", "@") for cell in row if cell), (csv_file.name, row)
    export(closed_base, "jsonl", tmp_path / "f.jsonl")
    notes = {r.get("note") for r in map(json.loads, (tmp_path / "f.jsonl").read_text("utf-8").splitlines())
             if r["type"] == "fact"}
    assert set(HOSTILE) <= notes  # lossless
    from frictionless import Package

    report = Package(str(tmp_path / "dp" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


# -- 10. smaller: pipes, stray -wal files, backups listed and rotated, staging leftovers, reasons, /proc ---


@pytest.mark.parametrize("command", [["check"], ["export", "--format", "jsonl", "--out", "OUT.jsonl"],
                                     ["import", CORPUS / "kz_eu_30_years.txt"], ["backup"]])
def test_a_named_pipe_as_fact_base_is_refused_at_once(tmp_path, command):
    pipe = tmp_path / "pipe.sqlite"
    os.mkfifo(pipe)
    args = [str(a) for a in _args(command, pipe, tmp_path, tmp_path / "none.jsonl")]
    result = kzeu(*args)  # a subprocess: a hang would fail the 120 s timeout
    assert result.returncode == 2 and one_sentence(result.stderr) and "named pipe" in result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.parametrize("wal", ["another application's", "garbage", "another fact base's"])
def test_a_stray_wal_is_never_applied(capsys, closed_base, tmp_path, wal):
    other = tmp_path / "other.sqlite"
    if wal == "another fact base's":
        other.write_bytes(closed_base.read_bytes())
    raw = sqlite3.connect(other)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA wal_autocheckpoint = 0")
    if wal == "another fact base's":
        raw.execute("DELETE FROM fact")
    else:
        raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        raw.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    raw.commit()
    stray = sqlite_file.wal_file(closed_base)
    stray.write_bytes(os.urandom(5000) if wal == "garbage" else sqlite_file.wal_file(other).read_bytes())
    raw.close()
    before, stray_bytes = digest(closed_base), stray.read_bytes()
    code, out, err = run_cli(capsys, "export", "--db", closed_base, "--format", "jsonl", "--out", tmp_path / "x.jsonl")
    assert code == 0 and "12 facts" in out, err
    code, out, err = run_cli(capsys, "export", "--db", closed_base, "--format", "sqlite", "--out", tmp_path / "x.sqlite")
    assert code == 0 and "12 facts" in out, err
    code, out, err = run_cli(capsys, "backup", "--db", closed_base)
    assert code == 0 and committed_facts(Path(out.strip())) == 12
    code, out, err = run_cli(capsys, "import", "--db", closed_base, CORPUS / "kz_eu_30_years.txt")
    assert code == 2 and one_sentence(err) and "not its own" in err, err
    with FactBase.open(closed_base) as fb:
        assert fb.read_only and "move that file away" in fb.read_only_reason and facts(fb) == 12
    assert digest(closed_base) == before and stray.read_bytes() == stray_bytes
    assert sorted(p.name for p in closed_base.parent.iterdir() if p.name != "facts.sqlite.backups") == [
        "facts.sqlite", "facts.sqlite-wal"]


def test_before_load_and_before_migration_backups_are_listed_and_rotated(capsys, closed_base, exported_jsonl):
    from kzeu_desk.core.storage.sqlite.opening import _backup_before_migration

    _backup_before_migration(closed_base)
    code, out, err = run_cli(capsys, "load", "--db", closed_base, exported_jsonl)
    assert code == 0, err
    folder = backups.backup_folder(closed_base)
    # names earlier versions gave them are listed (and so rotated) too
    (folder / "facts-before-load-20250101T101010123456Z.sqlite").write_bytes(closed_base.read_bytes())
    (folder / "facts-before-migration-from-0001_initial-20240101T101010Z.sqlite").write_bytes(b"x")
    reasons = sorted(b.reason for b in backups.list_backups(closed_base))
    assert reasons == ["before-load", "before-load", "before-migration", "before-migration"]
    code, out, err = run_cli(capsys, "backup", "--db", closed_base, "--list")
    assert out.count("before load") == 2 and out.count("before migration") == 2
    many = [backups.Backup(folder / f"facts-2020{m:02d}01T000000Z-before-load.sqlite",
                           datetime(2020, m, 1, tzinfo=UTC), "before-load") for m in range(1, 13)]
    for backup in many:
        backup.path.write_bytes(b"old")
    removed = backups.rotate(closed_base)
    assert removed and all("2020" in p.name for p in removed)


def test_killed_exports_leave_nothing_the_next_export_does_not_remove(closed_base, tmp_path):
    from kzeu_desk.core.export import export

    out = tmp_path / "exports"
    out.mkdir()
    dead = 2**22 + 12345  # above Linux's default pid_max, so no such process
    (out / f".snap.sqlite.{dead}-0a1b2c3d.kzeu-partial").mkdir()
    (out / f".snap.sqlite.{dead}-0a1b2c3d.kzeu-partial" / "staging.sqlite").write_bytes(os.urandom(100_000))
    (out / f".x.jsonl.{dead}-deadbeef.kzeu-partial").write_bytes(b"half")
    (out / f".snap.sqlite.{dead}.partial").write_bytes(b"half")
    alive = out / f".y.jsonl.{os.getpid()}-00000000.kzeu-partial"
    alive.write_bytes(b"being written by this very process")
    export(closed_base, "sqlite", out / "snap.sqlite")
    assert sorted(p.name for p in out.iterdir()) == sorted(["snap.sqlite", alive.name])
    # a real kill: an export is SIGKILLed mid-way, the next one cleans up after it
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from kzeu_desk.core.export import export\n"
        "def slow(done, total, stage):\n"
        "    time.sleep(30)\n"
        f"export({str(closed_base)!r}, 'datapackage', {str(out / 'dp')!r}, progress=slow)\n")])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not [p for p in out.iterdir() if p.name.startswith(".dp.")]:
        time.sleep(0.05)
    child.kill()
    child.wait()
    assert [p for p in out.iterdir() if p.name.startswith(".dp.")]
    export(closed_base, "jsonl", out / "after.jsonl")
    assert sorted(p.name for p in out.iterdir()) == sorted(["snap.sqlite", "after.jsonl", alive.name])


def test_read_only_always_says_why(capsys, closed_base, tmp_path):
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(closed_base.read_bytes())
    with sqlite3.connect(newer) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(closed_base.read_bytes())
    _damage(damaged, "zero", 10)
    for path, why in ((newer, "newer version"), (damaged, "damaged"), (closed_base, "opened for review")):
        read_only = path == closed_base
        try:
            fb = FactBase.open(path, read_only=read_only)
        except UserError as error:  # too damaged to read at all: said at once
            assert why in str(error)
            continue
        with fb, pytest.raises(UserError) as refused:
            fb.create_fact(value=TypedValue(ValueKind.TEXT, text="x"))
        assert why in str(refused.value) and len(str(refused.value).splitlines()) == 1
    from kzeu_desk.core.instance_lock import InstanceLock
    from kzeu_desk.ui import app

    held = InstanceLock(closed_base)
    assert held.acquire() is None
    try:
        fb, _lock = app._open_fact_base(closed_base, read_only=False, ask=False)
        assert "another kzeu_desk window" in fb.read_only_reason
        with pytest.raises(UserError, match="another kzeu_desk window"):
            fb.create_fact(value=TypedValue(ValueKind.TEXT, text="x"))
        fb.close()
    finally:
        held.release()


@pytest.mark.parametrize("target", ["/proc/x.jsonl", "/proc/self/x/y.jsonl", "/sys/x.jsonl", "FILE/inside.jsonl",
                                    "PIPE"])
def test_an_export_that_cannot_be_written_is_one_sentence(capsys, closed_base, tmp_path, target):
    if target == "FILE/inside.jsonl":
        target = str(closed_base) + "/inside.jsonl"
    elif target == "PIPE":
        target = str(tmp_path / "pipe")
        os.mkfifo(target)
    for format_name in ("jsonl", "sqlite", "datapackage", "wikidata"):
        code, _out, err = run_cli(capsys, "export", "--db", closed_base, "--format", format_name, "--out", target)
        assert code == 2 and one_sentence(err), (format_name, err)
    assert folder_listing(closed_base.parent) == ["facts.sqlite"]


def test_dev_null_is_never_replaced_by_an_export(closed_base):
    from kzeu_desk.core.export import target_problem

    assert "not a regular file" in target_problem(closed_base, "jsonl", Path("/dev/null"))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_usage_mistakes_are_one_line(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["export", "--db", "x.sqlite"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "--help" in err
