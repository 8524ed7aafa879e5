"""Opening an SQLite fact base file: refusing what is not one, migrating, and falling back to read-only.

A file is never written unless it is certainly a kzeu_desk fact base whose schema this app knows.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from kzeu_desk.core import migrations
from kzeu_desk.core.errors import (
    DamagedFactBase,
    FactBaseLocked,
    NotAFactBase,
    ReadOnlyFactBase,
    SchemaTooNew,
    UserError,
    os_error_sentence,
)
from kzeu_desk.core.leftovers import private_folder
from kzeu_desk.core.storage.interface import OpenedStorage, StorageFailure
from kzeu_desk.core.storage.sqlite import closed_cleanly
from kzeu_desk.core.storage.sqlite import engine as sqlite_features
from kzeu_desk.core.storage.sqlite import files as sqlite_file

_APP_TABLES = {"fact", "source", "evidence"}


def open_storage(path: Path, *, read_only: bool, read_only_reason: str | None = None) -> OpenedStorage:
    """Open a fact base, or refuse in one sentence; this is the one way any part of the app opens one.

    What lies on disk is looked at first without SQLite (sqlite_file.inspect_file): anything but a
    non-empty regular SQLite file is refused, a stopped writer's journal is rolled back before anyone
    reads, and a -wal that is not the file's own is never shown to SQLite. Then the schema says
    whether the file is ours, and a file about to be written must pass quick_check (unless this app
    closed it cleanly and nothing has touched it since: closed_cleanly.py).
    `read_only_reason` says why a read-only open was asked for (another window holds the file).
    """
    path = Path(path)
    state = sqlite_file.inspect_file(path)
    if not state.exists:
        if read_only:
            raise NotAFactBase(f"There is no fact base at “{path}”.")
        _require_creatable(path)
        return _open_for_writing(path, has_content=False)
    blocked = None if read_only else _why_not_writable(path)
    if state.stray_wal:
        if state.journal:
            raise NotAFactBase(f"“{path.name}” cannot be opened safely: {state.stray_wal_reason}; move that "
                               "file away first.")
        # SQLite would apply the stray -wal to any connection; a copy of the file alone is read instead.
        reason = None if read_only else (f"{state.stray_wal_reason}, so it is open read-only; move that file "
                                         "away to change the fact base.")
        return _open_read_only(path, read_only_reason or reason, through_copy=True)
    sqlite_file.settle_journal(state, can_write=can_write_in_place(path),
                               timeout_seconds=sqlite_features.BUSY_TIMEOUT_MS / 1000)
    if read_only:
        return _open_read_only(path, read_only_reason)
    if blocked:
        return _open_read_only(path, blocked)
    try:
        return _open_for_writing(path, has_content=True)
    except (SchemaTooNew, DamagedFactBase) as refused:
        return _open_read_only(path, str(refused))
    except OperationalError as error:
        raise _storage_error(path, error) from None


def close_storage(path: Path, storage: OpenedStorage) -> None:
    storage.engine.dispose()
    if storage.snapshot_path is not None:
        shutil.rmtree(storage.snapshot_path.parent, ignore_errors=True)
    elif not storage.read_only and sqlite_features.hand_back_in_rollback_mode(path):
        closed_cleanly.note_closed_cleanly(path)


def can_write_in_place(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK | os.X_OK) \
        and not _on_read_only_disk(path.resolve().parent)


def _on_read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _require_creatable(path: Path) -> None:
    folder = path.absolute().parent
    while not folder.exists():  # a new fact base: its folders are created if the nearest one allows it
        folder = folder.parent
    if not folder.is_dir():
        raise NotAFactBase(f"A fact base cannot be created at “{path}”: “{folder}” is a file, not a folder.")
    if not os.access(folder, os.W_OK | os.X_OK) or _on_read_only_disk(folder):
        raise NotAFactBase(f"A fact base cannot be created in “{folder}”: the folder is not writable.")


def _why_not_writable(path: Path) -> str | None:
    folder = path.resolve().parent
    if _on_read_only_disk(folder):
        return f"“{path.name}” is on a read-only disk, so it is open read-only."
    if _nearly_full(path):
        # Opening for writing creates a -shm and a -wal; on a full disk that fails half-way and leaves
        # them behind, after which even readers fail (measured on a 320 KB tmpfs with 20 KB free).
        return (f"The disk holding “{path.name}” is full, so it is open read-only; free some space and open "
                "it again to change it.")
    if not os.access(path, os.W_OK):
        return f"You do not have permission to change “{path.name}”, so it is open read-only."
    if not os.access(folder, os.W_OK | os.X_OK):
        return (f"You do not have permission to write in the folder holding “{path.name}” (SQLite needs to "
                "write its journal there), so it is open read-only.")
    return None


def _open_read_only(path: Path, reason: str | None, *, through_copy: bool = False) -> OpenedStorage:
    """Read in place through SQLite's read-only mode, which never writes; where that would have
    to create -wal/-shm files (or cannot, in a read-only folder), read a checked private copy."""
    if not through_copy and sqlite_features.readable_in_place(path):
        try:
            return OpenedStorage(_read_only_engine(path), True, reason, None)
        except FactBaseLocked:
            raise
        except UserError as error:
            if not isinstance(error, _CannotReadInPlace):
                raise
    folder = private_folder("review")
    try:
        snapshot = sqlite_features.snapshot_for_reading(path, folder, main_file_only=through_copy)
        engine = _read_only_engine(snapshot, shown_name=path.name)
    except (StorageFailure, OSError, UserError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(error, UserError):
            raise
        raise _copy_error(path, error) from None
    taken = datetime.now().strftime("%H:%M")
    note = (f"Showing a copy taken at {taken}: this file cannot be read in place here. "
            "Press F5 to take a fresh copy.")
    return OpenedStorage(engine, True, f"{reason} {note}" if reason else note, None, snapshot)


def _copy_error(path: Path, error: Exception) -> UserError:
    if isinstance(error, OSError) or "full" in str(error):
        detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return UserError(f"“{path.name}” cannot be read in place, and a private copy to read could not be "
                         f"made in the temporary folder ({detail}).")
    return NotAFactBase(f"“{path.name}” could not be read, even through a copy ({error}).")


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
        # "disk I/O error": SQLite could not size the -shm (a full disk after a writer failed to open).
        if any(reason in str(error) for reason in ("readonly", "unable to open", "disk I/O error")):
            raise _CannotReadInPlace(str(error)) from None
        raise _storage_error(path, error, shown_name) from None
    except UserError:
        engine.dispose()
        raise
    return engine


def _inspect_before_writing(path: Path) -> tuple[set[str], str | None, list[str]]:
    """Tables, schema revision and quick_check's findings, read without writing a byte: even
    switching the journal to WAL would change another application's (or a damaged) file."""
    engine = sqlite_features.make_engine(path, read_only=True)
    try:
        with sqlite_features.read_transaction(engine) as conn:
            tables = sqlite_features.user_tables(conn)
            revision = migrations.current_revision(conn) if tables else None
            must_check = tables >= _APP_TABLES and not closed_cleanly.unchanged_since_closed_cleanly(path)
            problems = sqlite_features.quick_check(conn) if must_check else []
            return tables, revision, problems
    except (OperationalError, DatabaseError) as error:
        raise _storage_error(path, error) from None
    finally:
        engine.dispose()


def _open_for_writing(path: Path, *, has_content: bool) -> OpenedStorage:
    tables, revision, problems = _inspect_before_writing(path) if has_content else (set(), None, [])
    if tables and revision is None:
        raise NotAFactBase(f"“{path.name}” is an SQLite file from another application, not a fact base.")
    if has_content and not tables:
        raise NotAFactBase(f"“{path.name}” is an SQLite file with no tables, not a fact base; "
                           "kzeu_desk leaves it as it is.")
    if revision is not None and revision not in migrations.known_revisions():
        raise SchemaTooNew(
            f"“{path.name}” was saved by a newer version of kzeu_desk, so it is open read-only; "
            "update kzeu_desk to change it."
        )
    if problems:
        raise DamagedFactBase(damaged_sentence(path, len(problems)))
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sqlite_features.make_engine(path, read_only=False)
    try:
        backup = None
        if revision != migrations.head_revision():
            if tables:
                backup = _backup_before_migration(path)
            with sqlite_features.migration_transaction(engine) as conn:
                migrations.upgrade_to_head(conn)
        else:
            with sqlite_features.read_transaction(engine):
                pass  # connects now (WAL, -shm), so a full disk fails here and is tidied up below
    except BaseException:
        engine.dispose()
        sqlite_features.hand_back_in_rollback_mode(path)  # no -wal/-shm left by a failed open, where possible
        raise
    return OpenedStorage(engine, False, None, backup)


def damaged_sentence(path: Path, problems: int | None = None) -> str:
    if problems:
        found = f"SQLite's quick_check finds {problems} problem(s) in it), so nothing is written to it"
    else:
        found = "part of it cannot be read)"
    return (f"“{path.name}” is damaged ({found}; run “kzeu-desk check --db {path}” to see where, and restore "
            f"a backup (“kzeu-desk backup --db {path} --list”).")


def _backup_before_migration(path: Path) -> Path:
    from kzeu_desk.core import backups

    return backups.take_backup(path, "before-migration").path


def _storage_error(path: Path, error: Exception, shown_name: str | None = None) -> UserError:
    described = explain_failure(error, path, shown_name)
    if described is not None:
        return described
    message = str(getattr(error, "orig", error))
    return UserError(f"“{shown_name or path.name}” could not be opened: {message}.")


def explain_failure(error: BaseException, path: Path | None, shown_name: str | None = None) -> UserError | None:
    """One sentence for an error SQLite or the file system raised while working on a fact base;
    None when it is not one of theirs. The command line and the workspace both use it."""
    original = getattr(error, "orig", None) or error
    name = shown_name or (path.name if path is not None else "The fact base")
    if isinstance(original, UserError):
        return original
    if isinstance(original, sqlite3.Error | StorageFailure):
        message = str(original)
        if "locked" in message or "busy" in message:
            return FactBaseLocked(f"“{name}” is busy in another program; try again in a moment.")
        if "full" in message:
            return UserError("The disk is full, so the work was not finished and nothing of it was kept; "
                             "free some space and try again.")
        if "not a database" in message or "file is not" in message:
            return NotAFactBase(f"“{name}” is damaged or is not a fact base, so it was not opened.")
        if any(sign in message for sign in ("malformed", "corrupt", "decode", "unsupported file format")):
            return DamagedFactBase(damaged_sentence(path) if path is not None else
                                   "The fact base is damaged; restore a backup.")
        if "disk I/O" in message:
            if path is not None and _nearly_full(path):
                return UserError(f"The disk holding “{name}” is full, so the work was not finished and nothing "
                                 "of it was kept; free some space and try again.")
            return UserError(f"“{name}” could not be read or written (a disk input/output error); "
                             "check the disk, then try again.")
        if "readonly" in message:
            return ReadOnlyFactBase(f"“{name}” cannot be written here (SQLite reports it read-only); "
                                    "nothing was changed.")
        return None
    if isinstance(original, OSError):
        return UserError(os_error_sentence(original))
    return None


_NEARLY_FULL_BYTES = 1 << 20  # SQLite needs room for its -shm (32 KiB) and a few pages of -wal


def _nearly_full(path: Path) -> bool:
    try:
        info = os.statvfs(Path(path).absolute().parent)
    except (OSError, AttributeError):
        return False
    return info.f_bavail * info.f_frsize < _NEARLY_FULL_BYTES
