"""Opening a fact base file: refusing what is not one, migrating, and falling back to read-only.

A file is never written unless it is certainly a kzeu_desk fact base whose schema this app knows.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from kzeu_desk.core import migrations, sqlite_features
from kzeu_desk.core.errors import FactBaseLocked, NotAFactBase, SchemaTooNew, UserError

_APP_TABLES = {"fact", "source", "evidence"}


@dataclass(frozen=True)
class OpenedStorage:
    engine: Engine
    read_only: bool
    read_only_reason: str | None  # why the file opened read-only when the user did not ask
    backup_path: Path | None  # snapshot taken before a migration, if one ran


def open_storage(path: Path, *, read_only: bool) -> OpenedStorage:
    path = Path(path)
    _refuse_non_fact_base_file(path, must_exist=read_only)
    if read_only:
        return OpenedStorage(_open_read_only(path), True, None, None)
    reason = _why_not_writable(path)
    if reason:
        return OpenedStorage(_open_read_only(path), True, reason, None)
    try:
        return _open_for_writing(path)
    except SchemaTooNew as too_new:
        return OpenedStorage(_open_read_only(path), True, str(too_new), None)
    except OperationalError as error:
        raise _storage_error(path, error) from None


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


def _open_read_only(path: Path) -> Engine:
    engine = sqlite_features.make_engine(path, read_only=True)
    try:
        with sqlite_features.read_transaction(engine) as conn:
            tables = sqlite_features.user_tables(conn)
            if not _APP_TABLES <= tables:
                raise NotAFactBase(f"“{path.name}” is an SQLite file from another application, not a fact base.")
            revision = migrations.current_revision(conn)
        if revision != migrations.head_revision() and revision in migrations.known_revisions():
            raise UserError(
                f"“{path.name}” was made by an older version of kzeu_desk; "
                "open it once for writing to bring it up to date."
            )
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
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
            with sqlite_features.write_transaction(engine) as conn:
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
