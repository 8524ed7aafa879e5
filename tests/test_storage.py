"""Opening fact base files: migrations, refusals and read-only fall-backs."""

import sqlite3

import pytest

from kzeu_desk.core import migrations
from kzeu_desk.core.storage.sqlite import engine as sqlite_features
from kzeu_desk.core.errors import NotAFactBase, ReadOnlyFactBase
from kzeu_desk.core.service import FactBase


def test_new_fact_base_is_migrated_seeded_and_in_wal_mode(tmp_path):
    path = tmp_path / "new.sqlite"
    with FactBase.open(path) as fb, fb.reading() as conn:
        assert migrations.current_revision(conn) == migrations.head_revision()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("SELECT count(*) FROM property").scalar() >= 12
        assert conn.exec_driver_sql(
            "SELECT e.name FROM entity e JOIN entity_alias a ON a.entity_id = e.id WHERE a.alias = 'EU'"
        ).scalar() == "European Union"


def test_writers_use_full_sync_and_busy_timeout(tmp_path):
    with FactBase.open(tmp_path / "f.sqlite") as fb, fb.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == sqlite_features.BUSY_TIMEOUT_MS
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_seed_runs_once_and_respects_later_deletions(tmp_path):
    path = tmp_path / "f.sqlite"
    FactBase.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("DELETE FROM property WHERE key = 'statement'")
    with FactBase.open(path) as fb, fb.reading() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM property WHERE key = 'statement'").scalar() == 0


def test_a_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes\n")
    with pytest.raises(NotAFactBase, match="not a kzeu_desk fact base"):
        FactBase.open(path)
    assert path.read_text() == "just some notes\n"


def test_another_applications_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    before = path.read_bytes()
    with pytest.raises(NotAFactBase, match="another application"):
        FactBase.open(path)
    assert path.read_bytes() == before


def test_newer_schema_opens_read_only_and_is_never_written(tmp_path):
    path = tmp_path / "future.sqlite"
    FactBase.open(path).close()
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    before = path.read_bytes()
    with FactBase.open(path) as fb:
        assert fb.read_only
        assert "newer version" in fb.read_only_reason
        with pytest.raises(ReadOnlyFactBase):
            fb.create_entity("Austria")
    assert path.read_bytes() == before


def test_read_only_open_refuses_writes_at_the_sqlite_level(fact_base):
    path = fact_base.path
    with FactBase.open(path, read_only=True) as reviewer:
        with pytest.raises(ReadOnlyFactBase):
            reviewer.create_entity("Austria")
        with reviewer.engine.connect() as conn, pytest.raises(Exception, match="readonly"):
            conn.exec_driver_sql("INSERT INTO app_meta (key, value) VALUES ('x', 'y')")


def test_missing_file_in_read_only_mode_is_a_clear_error(tmp_path):
    with pytest.raises(NotAFactBase, match="There is no fact base"):
        FactBase.open(tmp_path / "nope.sqlite", read_only=True)


def test_snapshot_is_consistent_and_opens_with_journal_mode_delete(fact_base, tmp_path):
    target = tmp_path / "copy.sqlite"
    sqlite_features.snapshot_into(fact_base.path, target)
    with sqlite3.connect(target) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert raw.execute("SELECT count(*) FROM source").fetchone()[0] == 5
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_backup_before_migration_is_a_checked_snapshot(fact_base):
    from kzeu_desk.core.storage.sqlite.opening import _backup_before_migration

    from kzeu_desk.core.backups import list_backups

    backup = _backup_before_migration(fact_base.path)
    assert backup.parent.name == f"{fact_base.path.name}.backups"
    assert [(b.path, b.reason) for b in list_backups(fact_base.path)] == [(backup, "before-migration")]
    with sqlite3.connect(backup) as raw:
        assert raw.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT count(*) FROM source").fetchone()[0] == 5
