"""Rotating snapshots of a fact base, and restoring one.

A backup is always a consistent snapshot (VACUUM INTO, checked, renamed; NOTES.md trap 10), never a
raw copy of a live file. Backups live beside the fact base in `<name>.backups/`, named by time and
reason (manual, periodic, before-load, before-migration, before-restore), and are thinned to a
grandfather-father-son schedule: the newest of each of the last 12 days, 10 weeks and 9 months are
kept, as are the newest few whatever their age.

A restore accepts only a file this version can open as a fact base (our schema, not newer, passing
quick_check), and always keeps what it replaces first.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kzeu_desk.core import sqlite_features, sqlite_file
from kzeu_desk.core.errors import NotAFactBase, UserError

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_NEWEST = 12, 10, 9, 5
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z-]+)(?:-\d+)?\.sqlite$")
# Names earlier versions gave the backups taken before a load or a migration.
_OLDER_NAMES = (
    re.compile(r"^(?P<stem>.+)-(?P<reason>before-load)-(?P<stamp>\d{8}T\d{6})\d*Z\.sqlite$"),
    re.compile(r"^(?P<stem>.+)-(?P<reason>before-migration)-from-.+-(?P<stamp>\d{8}T\d{6})Z\.sqlite$"),
)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def label(self) -> str:
        local = self.taken_at.astimezone().strftime("%d %b %Y %H:%M:%S")
        return f"{local} — {self.reason.replace('-', ' ')}"


def backup_folder(fact_base: Path) -> Path:
    return fact_base.parent / f"{fact_base.name}.backups"


def take_backup(fact_base: Path, reason: str) -> Backup:
    """Snapshot the fact base now; `reason` is a short slug such as 'manual' or 'before-load'."""
    folder = backup_folder(fact_base)
    made_folder = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise UserError(f"No backup could be taken: the folder “{folder}” cannot be made "
                        f"({_os_reason(error)}).") from None
    taken = datetime.now(UTC).replace(microsecond=0)
    target = folder / f"{fact_base.stem}-{taken:%Y%m%dT%H%M%SZ}-{reason}.sqlite"
    counter = 1
    while target.exists():  # two backups within one second: keep both
        counter += 1
        target = folder / f"{fact_base.stem}-{taken:%Y%m%dT%H%M%SZ}-{reason}-{counter}.sqlite"
    try:
        sqlite_features.snapshot_into(fact_base, target)
    except (sqlite3.Error, OSError) as error:
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)  # nothing is left of a backup that failed
        raise UserError(f"No backup could be written to “{folder}” ({_os_reason(error)}).") from None
    rotate(fact_base)
    return Backup(target, taken, reason)


def _os_reason(error: Exception) -> str:
    message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    if "full" in message.lower() or "No space" in message:
        return "the disk is full"
    if "readonly" in message or "Read-only" in message:
        return "the folder is on a read-only disk or cannot be written"
    return message[:1].lower() + message[1:]


def discard_backup(backup: Backup) -> None:
    """Remove a backup that turned out not to be needed (the change it guarded was not made), and its
    folder if that holds nothing else."""
    backup.path.unlink(missing_ok=True)
    try:
        backup.path.parent.rmdir()
    except OSError:
        pass


def list_backups(fact_base: Path) -> list[Backup]:
    """Newest first; unfinished snapshots of a killed process are removed on the way."""
    folder = backup_folder(fact_base)
    if not folder.is_dir():
        return []
    sqlite_features.remove_stale_partials(folder)
    found = []
    for path in folder.glob("*.sqlite"):
        backup = _parse_name(path)
        if backup is not None and backup[0] == fact_base.stem:
            found.append(Backup(path, backup[1], backup[2]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _parse_name(path: Path) -> tuple[str, datetime, str] | None:
    for pattern in (_NAME, *_OLDER_NAMES):
        match = pattern.match(path.name)
        if match:
            stamp = match["stamp"] if match["stamp"].endswith("Z") else match["stamp"] + "Z"
            taken = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return match["stem"], taken, match["reason"]
    return None


def backups_to_keep(backups: list[Backup]) -> set[Path]:
    """The grandfather-father-son schedule over backups sorted newest first."""
    keep = {b.path for b in backups[:KEEP_NEWEST]}
    for period, count in ((lambda t: t.date(), KEEP_DAILY),
                          (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda t: (t.year, t.month), KEEP_MONTHLY)):
        seen = []
        for backup in backups:
            key = period(backup.taken_at)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(backup.path)
    return keep


def rotate(fact_base: Path) -> list[Path]:
    """Delete backups the schedule no longer needs; returns what was deleted."""
    backups = list_backups(fact_base)
    keep = backups_to_keep(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# -- restoring -----------------------------------------------------------------------------------


def restore_backup(fact_base: Path, backup: Path) -> Backup:
    """Replace the fact base's content with a backup's, keeping a backup of what is replaced.

    The backup must be a fact base this version opens: it is vetted like any fact base (a regular,
    non-empty SQLite file, its own journal settled, our schema and not a newer one) and must pass
    quick_check. One from an older version is brought up to date in a private copy first.
    SQLite's online backup copies page by page inside a write transaction on the target, so anyone
    else with the file open sees either the old or the restored content, never a mixture.
    """
    fact_base, backup = Path(fact_base), Path(backup)
    source, folder = _restorable_copy(backup)
    try:
        target_state = _vet_restore_target(fact_base)
        safety = _keep_what_is_replaced(fact_base, damaged=target_state == "damaged")
        if target_state == "damaged":
            _replace_file(source, fact_base)
        else:
            _copy_into(source, fact_base)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return safety


def _restorable_copy(backup: Path) -> tuple[Path, Path]:
    """A checked private copy of the backup at the current schema, and the folder holding it."""
    from kzeu_desk.core import database

    try:
        state = sqlite_file.inspect_file(backup)
    except NotAFactBase as refused:
        raise UserError(_not_restored(str(refused))) from None
    if not state.exists:
        raise UserError(f"There is no backup file “{backup}”, so nothing was restored.")
    if state.stray_wal:
        raise UserError(_not_restored(f"“{backup.name}” cannot be read safely: {state.stray_wal_reason}"))
    folder = sqlite_features.private_folder("restore")
    try:
        sqlite_file.settle_journal(state, can_write=database.can_write_in_place(backup),
                                   timeout_seconds=sqlite_features.BUSY_TIMEOUT_MS / 1000)
        problems = _quick_check_file(backup)
        if problems:
            raise UserError(f"“{backup.name}” is damaged (SQLite's quick_check finds {len(problems)} problem(s) "
                            "in it), so nothing was restored.")
        copy = folder / backup.name  # so that any sentence about the copy names the file the user chose
        sqlite_features.snapshot_into(backup, copy)
        # Refuses another application's file or a newer schema; brings an older one up to date.
        migrated = database.open_storage(copy, read_only=False)
        database.close_storage(copy, migrated)
        if migrated.read_only:
            raise UserError(_not_restored(migrated.read_only_reason or f"“{backup.name}” cannot be restored"))
        return copy, folder
    except UserError as error:
        shutil.rmtree(folder, ignore_errors=True)
        message = str(error)
        raise UserError(message if "restored" in message else _not_restored(message)) from None
    except (sqlite3.Error, OSError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise UserError(f"“{backup.name}” could not be read or copied ({_os_reason(error)}), so nothing was "
                        "restored.") from None


def _quick_check_file(path: Path) -> list[str]:
    connection = sqlite3.connect(sqlite_file.uri(path, mode="ro"), uri=True)
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check")]
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows


def _not_restored(sentence: str) -> str:
    return sentence.rstrip(". ") + "; nothing was restored."


def _vet_restore_target(fact_base: Path) -> str:
    """'missing', 'fact base' or 'damaged' (a file kzeu_desk cannot read; its bytes are kept first).
    Refuses anything else: a folder, a pipe, another application's SQLite file, a stray -wal."""
    from kzeu_desk.core import database

    try:
        state = sqlite_file.inspect_file(fact_base)
    except NotAFactBase as refused:
        if not fact_base.is_file():  # a folder, a pipe, a device: nothing to put a fact base in
            raise UserError(_not_restored(str(refused))) from None
        return "damaged"
    if not state.exists:
        return "missing"
    if state.stray_wal:
        raise UserError(_not_restored(f"“{fact_base.name}” cannot be written safely: {state.stray_wal_reason}"))
    try:
        opened = database.open_storage(fact_base, read_only=True)
    except database.DamagedFactBase:
        return "damaged"
    except NotAFactBase as refused:
        if "another application" in str(refused):
            raise UserError(_not_restored(str(refused))) from None
        return "damaged"
    database.close_storage(fact_base, opened)
    try:
        sound = not _quick_check_file(fact_base)
    except sqlite3.Error:
        sound = False
    return "fact base" if sound else "damaged"


def _keep_what_is_replaced(fact_base: Path, *, damaged: bool) -> Backup:
    if not fact_base.exists():
        return Backup(fact_base, datetime.now(UTC), "nothing replaced")
    if not damaged:
        return take_backup(fact_base, "before-restore")
    # A damaged file cannot be snapshotted through SQLite: its bytes (and any journal or -wal it has)
    # are kept as they are.
    folder = backup_folder(fact_base)
    taken = datetime.now(UTC).replace(microsecond=0)
    target = folder / f"{fact_base.stem}-{taken:%Y%m%dT%H%M%SZ}-damaged-before-restore.sqlite"
    try:
        folder.mkdir(exist_ok=True)
        shutil.copyfile(fact_base, target)
        for companion in (sqlite_file.journal_file(fact_base), sqlite_file.wal_file(fact_base)):
            if companion.exists():
                shutil.move(companion, target.with_name(target.name + companion.name[len(fact_base.name):]))
        sqlite_file.shm_file(fact_base).unlink(missing_ok=True)
    except OSError as error:
        raise UserError(f"Nothing was restored: the damaged file could not be kept first ({_os_reason(error)}).") from None
    return Backup(target, taken, "damaged-before-restore")


def _copy_into(source: Path, fact_base: Path) -> None:
    reader = sqlite3.connect(sqlite_file.uri(source, mode="ro"), uri=True)
    target = sqlite3.connect(sqlite_file.uri(fact_base, mode="rwc"), uri=True,
                             timeout=sqlite_features.BUSY_TIMEOUT_MS / 1000)
    try:
        reader.backup(target)
    except sqlite3.Error as error:
        raise UserError(f"The backup could not be restored ({_os_reason(error)}); the fact base was left as it was.") from None
    finally:
        reader.close()
        target.close()


def _replace_file(source: Path, fact_base: Path) -> None:
    """Put a verified copy in place of a damaged file: written beside it, synced, renamed over it."""
    try:
        sqlite_features.snapshot_into(source, fact_base)
    except (sqlite3.Error, OSError) as error:
        raise UserError(f"The backup could not be restored ({_os_reason(error)}); the damaged file was left as it "
                        "was, and a copy of it is in the backups folder.") from None
