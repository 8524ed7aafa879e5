"""Opening an SQLite fact base file: refusing what is not one, migrating, and falling back to read-only.

A file is never written unless it is certainly a kzeu_desk fact base whose schema this app knows.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from kzeu_desk.core import migrations
from kzeu_desk.core.errors import FactBaseLocked, NotAFactBase, SchemaTooNew, UserError
from kzeu_desk.core.storage.interface import OpenedStorage, StorageFailure
from kzeu_desk.core.storage.sqlite import engine as sqlite_features

_APP_TABLES = {"fact", "source", "evidence"}


def open_storage(path: Path, *, read_only: bool) -> OpenedStorage:
    path = Path(path)
    _refuse_non_fact_base_file(path, must_exist=read_only)
    if read_only:
        return _open_read_only(path, None)
    reason = _why_not_writable(path)
    if reason:
        return _open_read_only(path, reason)
    try:
        return _open_for_writing(path)
    except SchemaTooNew as too_new:
        return _open_read_only(path, str(too_new))
    except OperationalError as error:
        raise _storage_error(path, error) from None


def close_storage(path: Path, storage: OpenedStorage) -> None:
    storage.engine.dispose()
    if storage.snapshot_path is not None:
        shutil.rmtree(storage.snapshot_path.parent, ignore_errors=True)
    elif not storage.read_only:
        sqlite_features.hand_back_in_rollback_mode(path)


def _refuse_non_fact_base_file(path: Path, *, must_exist: bool) -> None:
    if path.is_dir():
        raise NotAFactBase(f"“{path}” is a folder, not a fact base file.")
    if not path.exists():
        if must_exist:
            raise NotAFactBase(f"There is no fact base at “{path}”.")
        return
    if path.stat().st_size == 0:
        return
    try:
        is_sqlite = sqlite_features.looks_like_sqlite(path)
    except OSError as error:
        raise NotAFactBase(f"“{path.name}” cannot be read ({error.strerror}).") from None
    if not is_sqlite:
        raise NotAFactBase(f"“{path.name}” is not a kzeu_desk fact base (it is not an SQLite file).")


def _why_not_writable(path: Path) -> str | None:
    folder = path.resolve().parent
    while not folder.exists():  # a new fact base: its folders are created if the nearest one allows it
        folder = folder.parent
    if path.exists() and not os.access(path, os.W_OK):
        return "You do not have permission to change this file, so it is open read-only."
    if not os.access(folder, os.W_OK):
        if not path.exists():
            raise NotAFactBase(f"A fact base cannot be created in “{folder}”: the folder is not writable.")
        return "The folder holding this file is not writable, so it is open read-only."
    return None


def _open_read_only(path: Path, reason: str | None) -> OpenedStorage:
    """Read in place through SQLite's read-only mode, which never writes; where that would have
    to create -wal/-shm files (or cannot, in a read-only folder), read a checked private copy."""
    if sqlite_features.readable_in_place(path):
        try:
            return OpenedStorage(_read_only_engine(path), True, reason, None)
        except FactBaseLocked:
            raise
        except UserError as error:
            if not isinstance(error, _CannotReadInPlace):
                raise
    folder = Path(tempfile.mkdtemp(prefix="kzeu-desk-review-"))
    try:
        snapshot = sqlite_features.snapshot_for_reading(path, folder)
        engine = _read_only_engine(snapshot, shown_name=path.name)
    except (StorageFailure, OSError, UserError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(error, UserError):
            raise
        raise NotAFactBase(f"“{path.name}” could not be read, even through a copy ({error}).") from None
    taken = datetime.now().strftime("%H:%M")
    note = (f"Showing a copy taken at {taken}: this file cannot be read in place here. "
            "Press F5 to take a fresh copy.")
    return OpenedStorage(engine, True, f"{reason} {note}" if reason else note, None, snapshot)


class _CannotReadInPlace(UserError):
    pass


def _read_only_engine(path: Path, shown_name: str | None = None) -> Engine:
    shown_name = shown_name or path.name
    engine = sqlite_features.make_engine(path, read_only=True)
    try:
        with sqlite_features.read_transaction(engine) as conn:
            tables = sqlite_features.user_tables(conn)
            if not tables >= _APP_TABLES:
                raise NotAFactBase(f"“{shown_name}” is an SQLite file from another application, not a fact base.")
            revision = migrations.current_revision(conn)
        if revision != migrations.head_revision() and revision in migrations.known_revisions():
            raise UserError(
                f"“{shown_name}” was made by an older version of kzeu_desk; "
                "open it once for writing to bring it up to date."
            )
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        if "readonly" in str(error) or "unable to open" in str(error):
            raise _CannotReadInPlace(str(error)) from None
        raise _storage_error(path, error) from None
    except UserError:
        engine.dispose()
        raise
    return engine


def _inspect_before_writing(path: Path) -> tuple[set[str], str | None]:
    """Tables and schema revision, read without writing a byte: even switching the journal to WAL
    would change another application's file before we know it is ours."""
    if not path.exists() or path.stat().st_size == 0:
        return set(), None
    engine = sqlite_features.make_engine(path, read_only=True)
    try:
        with sqlite_features.read_transaction(engine) as conn:
            return sqlite_features.user_tables(conn), migrations.current_revision(conn)
    except (OperationalError, DatabaseError) as error:
        raise _storage_error(path, error) from None
    finally:
        engine.dispose()


def _open_for_writing(path: Path) -> OpenedStorage:
    tables, revision = _inspect_before_writing(path)
    if tables and revision is None:
        raise NotAFactBase(f"“{path.name}” is an SQLite file from another application, not a fact base.")
    if revision is not None and revision not in migrations.known_revisions():
        raise SchemaTooNew(
            f"“{path.name}” was saved by a newer version of kzeu_desk, so it is open read-only; "
            "update kzeu_desk to change it."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sqlite_features.make_engine(path, read_only=False)
    try:
        backup = None
        if revision != migrations.head_revision():
            if tables:
                backup = _backup_before_migration(path, revision)
            with sqlite_features.migration_transaction(engine) as conn:
                migrations.upgrade_to_head(conn)
    except BaseException:
        engine.dispose()
        raise
    return OpenedStorage(engine, False, None, backup)


def _backup_before_migration(path: Path, revision: str | None) -> Path:
    folder = path.parent / f"{path.name}.backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{path.stem}-before-migration-from-{revision}-{stamp}.sqlite"
    sqlite_features.snapshot_into(path, target)
    return target


def _storage_error(path: Path, error: Exception) -> UserError:
    message = str(getattr(error, "orig", error))
    if "locked" in message or "busy" in message:
        return FactBaseLocked(f"“{path.name}” is busy in another program; try again in a moment.")
    if isinstance(getattr(error, "orig", error), sqlite3.DatabaseError) and (
        "not a database" in message or "malformed" in message or "file is not" in message
    ):
        return NotAFactBase(f"“{path.name}” is damaged or is not a fact base, so it was not opened.")
    return UserError(f"“{path.name}” could not be opened: {message}.")
