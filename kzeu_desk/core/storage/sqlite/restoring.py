"""Restoring an SQLite fact base from a backup file: what may be restored, and over what.

A backup is vetted like any fact base (a regular, non-empty SQLite file, its own stopped writer's
journal rolled back, our schema and not a newer one) and must pass quick_check; it is copied
privately and an older schema is brought up to date there, so what is put in place is a fact base
this version opens. What it replaces is kept first by the caller (core/backups.py).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Literal

from kzeu_desk.core.errors import DamagedFactBase, NotAFactBase, UserError
from kzeu_desk.core.progress import Progress, Stopped
from kzeu_desk.core.storage.interface import StorageFailure
from kzeu_desk.core.storage.sqlite import engine as setup
from kzeu_desk.core.storage.sqlite import files


def not_restored(sentence: str) -> str:
    return sentence.rstrip(". ") + "; nothing was restored."


def restorable_copy(backup: Path, folder: Path, progress: Progress | None = None) -> Path:
    """The backup checked and copied into `folder`; a stop asked of `progress` interrupts the check or
    the copy (`Stopped`; the caller removes `folder`), and only the backup has been read by then."""
    from kzeu_desk.core.storage.sqlite import opening

    try:
        state = files.inspect_file(backup)
    except NotAFactBase as refused:
        raise UserError(not_restored(str(refused))) from None
    if not state.exists:
        raise UserError(f"There is no backup file “{backup}”, so nothing was restored.")
    if state.stray_wal:
        raise UserError(not_restored(f"“{backup.name}” cannot be read safely: {state.stray_wal_reason}"))
    try:
        files.settle_journal(state, can_write=opening.can_write_in_place(backup),
                             timeout_seconds=setup.BUSY_TIMEOUT_MS / 1000)
        problems = quick_check_file(backup, progress)
        if problems:
            raise UserError(f"“{backup.name}” is damaged (SQLite's quick_check finds {len(problems)} problem(s) "
                            "in it), so nothing was restored.")
        copy = folder / backup.name  # so that any sentence about the copy names the file the user chose
        setup.snapshot_into(backup, copy, progress)
        if progress is not None:
            progress.check()
        # Refuses another application's file or a newer schema; brings an older one up to date.
        migrated = opening.open_storage(copy, read_only=False)
        opening.close_storage(copy, migrated)
        if migrated.read_only:
            raise UserError(not_restored(migrated.read_only_reason or f"“{backup.name}” cannot be restored"))
        return copy
    except Stopped:
        raise  # the curator's stop, not a reason the backup cannot be restored
    except UserError as error:
        message = str(error)
        raise UserError(message if "restored" in message else not_restored(message)) from None
    except (StorageFailure, sqlite3.Error, OSError) as error:
        raise UserError(f"“{backup.name}” could not be read or copied ({reason(error)}), so nothing was "
                        "restored.") from None


def quick_check_file(path: Path, progress: Progress | None = None) -> list[str]:
    """SQLite's quick_check of the file; interrupted (`Stopped`) when `progress` is asked to stop."""
    connection = sqlite3.connect(files.uri(path, mode="ro"), uri=True)
    try:
        with setup.stoppable(connection, progress, f"Checking “{path.name}”"):
            rows = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.OperationalError:
        setup.stopped_or(progress)
        raise
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows


def restore_target(fact_base: Path) -> Literal["missing", "fact base", "damaged"]:
    from kzeu_desk.core.storage.sqlite import opening

    try:
        state = files.inspect_file(fact_base)
    except NotAFactBase as refused:
        if not fact_base.is_file():  # a folder, a pipe, a device: nothing to put a fact base in
            raise UserError(not_restored(str(refused))) from None
        return "damaged"
    if not state.exists:
        return "missing"
    if state.stray_wal:
        raise UserError(not_restored(f"“{fact_base.name}” cannot be written safely: {state.stray_wal_reason}"))
    try:
        opened = opening.open_storage(fact_base, read_only=True)
    except DamagedFactBase:
        return "damaged"
    except NotAFactBase as refused:
        if "another application" in str(refused):
            raise UserError(not_restored(str(refused))) from None
        return "damaged"
    opening.close_storage(fact_base, opened)
    try:
        sound = not quick_check_file(fact_base)
    except sqlite3.Error:
        sound = False
    return "fact base" if sound else "damaged"


def set_aside(fact_base: Path, target: Path) -> None:
    """A damaged file cannot be snapshotted through SQLite: its bytes, and any journal or -wal it
    has, are kept as they are."""
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(fact_base, target)
    for companion in (files.journal_file(fact_base), files.wal_file(fact_base)):
        if companion.exists():
            shutil.move(companion, target.with_name(target.name + companion.name[len(fact_base.name):]))
    files.shm_file(fact_base).unlink(missing_ok=True)


def reason(error: BaseException) -> str:
    message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    if "full" in message.lower() or "No space" in message:
        return "the disk is full"
    if "readonly" in message or "Read-only" in message:
        return "the folder is on a read-only disk or cannot be written"
    return message[:1].lower() + message[1:]
